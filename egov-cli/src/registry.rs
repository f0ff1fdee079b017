//! `egov registry import|check`: the agency catalogues agencies hold (CSV or spreadsheet
//! exports) read into egov's registry, every row accounted for, and a registry checked as of a
//! date. The rules are egov-docs' (`catalogue`, `registry`); this module reads files and prints.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use clap::{Args, Subcommand};
use egov_core::{ErrorCode, Outcome};
use egov_docs::catalogue::{import_csv, import_rows, CatalogueImport};
use egov_docs::registry::InMemoryRegistry;

use crate::schema_types::registry::{CheckOutput, ImportOutput};
use crate::schema_types::to_json;

use crate::commands::{basis_text, finding_message, outcome_word};
use crate::i18n::{t, Lang};
use crate::output::CmdResult;

/// `egov registry` subcommands.
#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Read a catalogue of agency codes as agencies hold it (CSV, or a spreadsheet: .xlsx,
    /// .xlsm, .xls, .ods), with Vietnamese headers («Mã định danh», «Tên cơ quan, đơn vị»,
    /// «Cấp», «Đơn vị cấp trên», «Ngày hiệu lực», «Ngày hết hiệu lực», «Mã thay thế», …). Every
    /// row is imported, rejected with its reason, or imported with a warning. Exit 1 when a row
    /// was rejected.
    Import(ImportArgs),
    /// Check a registry file (egov's CSV or JSON) as of a date: how many codes are valid, and
    /// whether a body appears to hold two codes (DOC-01).
    Check {
        /// The registry file (.csv or .json).
        file: PathBuf,
        /// The date (dd/mm/yyyy or yyyy-mm-dd); default today in Vietnam.
        #[arg(long)]
        as_of: Option<String>,
    },
}

/// Arguments of `egov registry import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The catalogue file.
    file: PathBuf,
    /// The sheet of a spreadsheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Where the rows come from, recorded in every entry without a source column value
    /// (default: the file name).
    #[arg(long)]
    source: Option<String>,
    /// Write the imported registry here (.json for JSON, otherwise egov's CSV), whole or not at
    /// all; an existing file is never overwritten without --force.
    #[arg(short = 'o', long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace the --out file if it exists.
    #[arg(long, requires = "out")]
    force: bool,
}

/// Runs an `egov registry` subcommand.
pub fn run(cmd: RegistryCommand) -> CmdResult {
    match inner(cmd) {
        Ok(r) | Err(r) => r,
    }
}

fn inner(cmd: RegistryCommand) -> Result<CmdResult, CmdResult> {
    match cmd {
        RegistryCommand::Import(a) => import(&a),
        RegistryCommand::Check { file, as_of } => check(&file, as_of.as_deref()),
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: "io.read".to_owned(),
        message: format!("{}: {}", path.display(), crate::files::io_detail(e)),
    }
}

fn is_spreadsheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"
        )
    })
}

/// A spreadsheet cell as the text an officer sees: dates as ISO dates, whole numbers without a
/// decimal point.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_spreadsheet(
    path: &Path,
    sheet: Option<&str>,
    source: &str,
) -> Result<CatalogueImport, CmdResult> {
    let spreadsheet_error = |e: String| CmdResult::Error {
        code: "catalogue.spreadsheet".to_owned(),
        message: format!("{}: {e}", path.display()),
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(io) => io_error(path, &io),
        other => CmdResult::not_parsed(
            "catalogue.spreadsheet",
            path.display(),
            ["bảng tính", "a spreadsheet"],
            other,
        ),
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => s.to_owned(),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| spreadsheet_error(t!("registry-no-sheet")))?,
    };
    if !names.contains(&name) {
        return Err(spreadsheet_error(t!(
            "registry-no-such-sheet",
            name = name.as_str(),
            sheets = names
                .iter()
                .map(|n| format!("«{n}»"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let range = book.worksheet_range(&name).map_err(|e| {
        spreadsheet_error(t!(
            "registry-sheet-error",
            name = name.as_str(),
            sheets = names
                .iter()
                .map(|n| format!("«{n}»"))
                .collect::<Vec<_>>()
                .join(", "),
            detail = e.to_string()
        ))
    })?;
    // Row numbers as the spreadsheet shows them.
    let first_row = range.start().map_or(0, |(r, _)| r as usize) + 1;
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i, r.iter().map(cell_text).collect::<Vec<_>>()))
        .collect();
    import_rows(rows, source).map_err(|e| CmdResult::error(&e))
}

fn import(a: &ImportArgs) -> Result<CmdResult, CmdResult> {
    let lang = crate::i18n::lang();
    let source = a.source.clone().unwrap_or_else(|| {
        a.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let imp = if is_spreadsheet(&a.file) {
        read_spreadsheet(&a.file, a.sheet.as_deref(), &source)?
    } else {
        let bytes = std::fs::read(&a.file).map_err(|e| io_error(&a.file, &e))?;
        let text = String::from_utf8(bytes).map_err(|e| CmdResult::Error {
            code: "catalogue.encoding".to_owned(),
            message: t!(
                "registry-not-utf8",
                path = a.file.display().to_string(),
                byte = e.utf8_error().valid_up_to()
            ),
        })?;
        import_csv(&text, &source).map_err(|e| CmdResult::error(&e))?
    };
    if let Some(out) = &a.out {
        let text = if out.extension().is_some_and(|e| e == "json") {
            serde_json::to_string_pretty(&imp.registry).unwrap_or_default() + "\n"
        } else {
            imp.registry.to_csv()
        };
        crate::files::AtomicFile::create(out, a.force)?.finish_with(text.as_bytes())?;
    }
    let finding = imp.finding();
    let mut human = String::new();
    let _ = writeln!(
        human,
        "{}",
        t!("registry-catalogue", path = a.file.display().to_string())
    );
    let _ = writeln!(human, "{}", finding_message(&finding));
    for (field, header) in &imp.columns {
        let _ = writeln!(
            human,
            "  {} {:<14} ← «{header}»",
            t!("registry-column"),
            // The field's name in backquotes: an identifier in either language (CORE-06).
            format!("`{}`", field.as_str())
        );
    }
    if !imp.ignored_columns.is_empty() {
        let _ = writeln!(
            human,
            "  {}",
            t!(
                "registry-columns-not-used",
                columns = imp
                    .ignored_columns
                    .iter()
                    .map(|c| format!("«{c}»"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        );
    }
    for r in &imp.rejected {
        let msg = match lang {
            Lang::Vi => &r.message_vi,
            Lang::En => &r.message,
        };
        let _ = writeln!(
            human,
            "  {}: {msg} [{}]",
            t!("registry-rejected-row", row = r.row),
            r.reason
        );
    }
    for w in &imp.warnings {
        let msg = match lang {
            Lang::Vi => &w.message_vi,
            Lang::En => &w.message,
        };
        let _ = writeln!(
            human,
            "  {}: {msg} [{}]",
            t!("registry-warning-row", row = w.row),
            w.kind
        );
    }
    if let Some(out) = &a.out {
        let _ = writeln!(
            human,
            "{}",
            t!("registry-written", path = out.display().to_string())
        );
    }
    let rejected_by_reason = imp
        .rejected_by_reason()
        .into_iter()
        .map(|(reason, n)| (reason.to_owned(), n))
        .collect();
    let all_imported = imp.rejected.is_empty();
    let json = to_json(&ImportOutput {
        file: a.file.display().to_string(),
        rows: imp.rows,
        blank_rows: imp.blank_rows,
        imported: imp.imported,
        rejected: imp.rejected,
        rejected_by_reason,
        warnings: imp.warnings,
        columns: imp.columns,
        ignored_columns: imp.ignored_columns,
        header_row: imp.header_row,
        rows_above_header: imp.rows_above_header,
        finding,
        out: a.out.as_ref().map(|p| p.display().to_string()),
    })?;
    Ok(if all_imported {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

/// A registry file's text as egov reads it (`--registry`, `egov registry check`): TOML, JSON or
/// egov's CSV by its name. A CSV whose columns are not egov's (an agency's own export, with
/// Vietnamese headers or semicolons) is refused with the way to read it: `egov registry import`.
pub(crate) fn registry_from_text(text: &str, path: &Path) -> Result<InMemoryRegistry, CmdResult> {
    if crate::input::is_toml(path) {
        return crate::input::toml_doc(text, path, "registry.toml");
    }
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let read = if json {
        InMemoryRegistry::from_json(text)
    } else {
        InMemoryRegistry::from_csv(text)
    };
    read.map_err(|e| {
        let columns = matches!(
            e.code(),
            "registry.unknown_column" | "registry.missing_column"
        );
        let err = CmdResult::error_at(path.display(), &e);
        if columns && !json {
            err.with_hint("registry-use-import")
        } else {
            err
        }
    })
}

fn check(file: &Path, as_of: Option<&str>) -> Result<CmdResult, CmdResult> {
    let text = std::fs::read_to_string(file).map_err(|e| io_error(file, &e))?;
    let registry = registry_from_text(&text, file)?;
    let on = match as_of {
        Some(d) => crate::input::date(d, "--as-of")?,
        None => crate::platform::today_vn()?,
    };
    let f = registry.check_one_code_per_body(on);
    let valid = registry
        .entries()
        .iter()
        .filter(|e| e.is_valid_on(on))
        .count();
    let mut human = String::new();
    let _ = writeln!(
        human,
        "{}",
        t!(
            "registry-check",
            path = file.display().to_string(),
            records = registry.len(),
            valid = valid,
            date = crate::commands::prose_date(on),
        )
    );
    // The one-code-per-body check warns at most (DOC-01): a pass, else a warning.
    let label = outcome_word(if f.outcome == Outcome::Pass {
        Outcome::Pass
    } else {
        Outcome::Warning
    });
    let _ = writeln!(
        human,
        "[{label}] {} ({}): {}",
        f.rule,
        basis_text(&f.basis),
        finding_message(&f)
    );
    let json = to_json(&CheckOutput {
        file: file.display().to_string(),
        records: registry.len(),
        as_of: on,
        valid_codes: valid,
        findings: vec![f],
    })?;
    Ok(CmdResult::Valid { human, json })
}
