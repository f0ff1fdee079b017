//! `egov edxml …`: edXML packages and status messages of the national document axis (QCVN
//! 102:2016; QĐ 28/2018/QĐ-TTg): check one as the receiving system must (Đ9.1), show what it
//! says, extract its attachments. Glue only: every rule lives in `egov-edxml`; this module reads
//! files, names the files it writes, and prints.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::commands::outcome_word;
use crate::files::io_detail;
use crate::i18n::t;
use crate::output::{self, CmdResult};
use crate::schema_types::edxml::{
    EdxmlCheckOutput, EdxmlErrorBody, EdxmlErrorOutput, EdxmlExtractOutput, EdxmlOrgan,
    ExtractCounts, ExtractItem, NoContentItem, NoContentProblem, NoContentStatus, OutcomeCounts,
    PackageKind, PartialFile, UnwrapMode,
};
use crate::schema_types::to_json;
use clap::{Args, Subcommand};
use egov_core::{Finding, Outcome, Report, WorkingCalendar};
use egov_edxml::dsig::TrustAnchors;
use egov_edxml::extract::{
    extract, extract_file, ExtractError, ExtractStatus, Extraction, Severity,
};
use egov_edxml::{
    AttachmentSink, CheckOptions, DiscardSink, Location, Message, Organization, Package,
    PayloadSummary, ReadError, ReadOptions, Unwrap, Wrapping,
};

const CHECK_HELP: &str = "\
Check an edXML package or status message as the receiving system must before accepting it \
(QĐ 28/2018/QĐ-TTg Đ9.1, DOC-28): agency codes, document id, the metadata record a)–q), urgency, \
send deadline, business type, attachments, the signature, status direction and reasons, and the \
layout departures of the strict profile (DOC-05). One report: every finding names its rule, its \
article, says why in Vietnamese (--lang en: English), the element path and its line and column.

The package is read as a stream (attachments are decoded, hashed and sniffed, not kept); a package \
whose Signature is in the XML Signature namespace is then verified (DOC-18) against --anchors (else \
who issued its certificate is unknown). `-` reads standard input.

Exit codes: 0 no finding fails (warnings and unknowns do not fail), 1 a finding fails (or an \
option file's content is invalid), 2 the package cannot be read (malformed XML, a DOCTYPE, a limit, not edXML: its code, message and line), \
an option file cannot be read, or usage.

JSON (--json), stable:
  {\"file\", \"kind\": \"edoc\"|\"status\", \"layout\", \"bytes\", \"sha256\",
   \"from\": {\"organ_id\", \"organ_name\"}|null, \"to\": [{\"organ_id\", \"organ_name\"}],
   \"document_id\", \"subject\", \"status_code\", \"attachments\": N,
   \"signature_verified\": bool (the XMLDSig verification ran),
   \"overall\": \"pass\"|\"unknown\"|\"fail\" (the report's: warnings do not fail, unknown is never pass),
   \"compliant\": bool (no finding fails),
   \"counts\": {\"pass\", \"warning\", \"unknown\", \"fail\", \"total\"},
   \"findings\": [{\"rule\", \"basis\", \"outcome\", \"message\", \"message_vi\", \"field\" (element path),
                 \"evidence\": {…, \"location\": {\"line\", \"column\", \"offset\"}}}]}
A package that cannot be read:
  {\"error\": {\"code\" (edxml.malformed, edxml.doctype, edxml.limit, edxml.not_edxml, edxml.io,
   io.open, io.read), \"message\", \"message_vi\", \"location\": {\"line\", \"column\", \"offset\"}|null}}";

const SHOW_HELP: &str = "\
Show what an edXML package or status message says, as written: the header fields, the trace and \
business blocks, the signature as written (not verified: `egov edxml check` does that), the \
manifest, every attachment with its size, content kind, wrapping and SHA-256, and the layout \
departures of the strict profile with their line and column. Text in Vietnamese (--lang en: \
English). `-` reads standard input.

Exit codes: 0 read, 2 the package cannot be read (its code, message and line) or usage.

JSON (--json), stable: the library's `Package` as it serialises:
  {\"message\": {\"kind\": \"edoc\", \"header\", \"trace\", \"signature\", \"manifest\", \"attachments\": [{…,
   \"payload\": {\"base64_chars\", \"base64_error\", \"transfer_bytes\", \"transfer_sha256\", \"wrapping\",
   \"content_bytes\", \"content_sha256\", \"content_kind\", …}}]} | {\"kind\": \"status\", \"from\",
   \"response_for\", \"staff_info\", \"status_code\", \"description\", \"timestamp\"},
   \"layout\", \"deviations\": [{\"code\", \"at\": {\"offset\", \"line\", \"column\"}, \"path\", \"message\",
   \"message_vi\"}], \"bytes\", \"sha256\", \"line_breaks\": [CRLF, LF]}
A package that cannot be read: {\"error\": {\"code\", \"message\", \"message_vi\", \"location\"}}.";

const EXTRACT_HELP: &str = "\
Write every attachment's content into DIR (created if missing), streaming: base64 is decoded and \
the VNPT ZIP wrapper taken off as the package is read (--raw keeps the wrapper: the bytes as \
transferred). Each file is named after its AttachmentName, made safe: its last path component only \
(`../../etc/passwd` → `passwd`, `C:\\x\\..\\y` → `y`), without control or bidirectional-format \
characters, leading dots, or characters Windows refuses; `attachment-N` when nothing is left. A \
file is never overwritten (`name (2).pdf`, …) and never written through a symbolic link. `-` \
reads standard input.

One line per attachment: the file written, its bytes, content kind, SHA-256, and its problems: \
damaged (base64 error, CRC-32 mismatch, truncated or broken ZIP entry) or warnings (ZIP archive cut \
short after an intact entry, more entries, a wrapper that could not be taken off, binary content \
re-encoded as text, a PDF without %%EOF, empty content).

Exit codes: 0 every attachment written whole, 1 an attachment damaged or carrying no content, 2 \
the package cannot be read, a file cannot be written, or usage.

JSON (--json), stable:
  {\"file\", \"kind\", \"bytes\", \"sha256\", \"out_dir\", \"unwrap\": \"auto\"|\"never\",
   \"attachments\": [{\"index\" (1-based, document order; null: no content), \"attachment_name\" (as
   written), \"content_id\", \"content_type\", \"file_name\", \"path\", \"renamed\": bool,
   \"written_bytes\", \"content_bytes\", \"content_kind\", \"content_sha256\", \"wrapping\",
   \"status\": \"whole\"|\"warning\"|\"damaged\"|\"no_content\",
   \"problems\": [{\"severity\": \"damaged\"|\"warning\", \"code\", \"message\", \"message_vi\"}],
   \"payload\": {the library's PayloadSummary}}],
   \"counts\": {\"attachments\", \"written\", \"whole\", \"with_warnings\", \"damaged\", \"not_written\"}}
An error: {\"error\": {\"code\", \"message\", \"message_vi\", \"location\"}, \"written\": [{\"path\",
\"bytes\", \"complete\"}]} (the files written before it).";

/// The language of the text output (the run's: `--lang`, `EGOV_LANG`, `egov.toml`, the locale).
pub use crate::i18n::Lang;

/// `egov edxml` subcommands.
#[derive(Debug, Subcommand)]
pub enum EdxmlCommand {
    /// Check a package or status message as the receiving system must (Đ9.1; DOC-01…30).
    #[command(long_about = CHECK_HELP)]
    Check(CheckArgs),
    /// Show what a package or status message says, as written.
    #[command(long_about = SHOW_HELP)]
    Show(ShowArgs),
    /// Write a package's attachments into a directory, streaming, under safe names.
    #[command(long_about = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Build a package or status message from a JSON or TOML description and files, in the
    /// VNPT builder's layout.
    Build(crate::edxml_make::BuildArgs),
    /// Build the status message answering a package (01…06, 13, 15, 16; DOC-29/30).
    Status(crate::edxml_make::StatusArgs),
    /// Sign a package (XMLDSig, enveloped; RSA-SHA256 or ECDSA; the key in a PKCS#12 file, PEM
    /// files or on a PKCS#11 token; DOC-18).
    Sign(crate::edxml_make::SignArgs),
    /// Verify a package's signature against trust anchors (DOC-18).
    Verify(crate::edxml_make::VerifyArgs),
}

/// `egov edxml check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The package (.edxml), or `-` for standard input.
    file: PathBuf,
    /// An agency registry (CSV or .json): each code's status on the document date (DOC-04).
    #[arg(long)]
    registry: Option<PathBuf>,
    /// A calendar JSON file replacing the built-in table (send deadline, DOC-19).
    #[arg(long)]
    calendar: Option<PathBuf>,
    /// Trust anchors (PEM certificates) for the signature's certificate chain (DOC-18).
    #[arg(long)]
    anchors: Option<PathBuf>,
    /// Leave out the layout departures of the strict profile (DOC-05 findings).
    #[arg(long)]
    no_layout: bool,
}

/// `egov edxml show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The package (.edxml), or `-` for standard input.
    file: PathBuf,
}

/// `egov edxml extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The package (.edxml), or `-` for standard input.
    file: PathBuf,
    /// The directory to write the attachments into (created if missing).
    #[arg(short = 'o', long, value_name = "DIR")]
    out: PathBuf,
    /// Keep the ZIP wrapper: write the bytes as transferred.
    #[arg(long)]
    raw: bool,
}

/// An error printed by this module itself, with exit code 2: a package that cannot be read
/// (whose reader codes `edxml.…` would otherwise map to 1) or a file that cannot be written.
struct Unreadable {
    code: String,
    message: String,
    message_vi: String,
    location: Option<Location>,
    /// The files written before the error (`edxml extract`).
    written: Option<Vec<PartialFile>>,
}

impl Unreadable {
    fn from_read(e: &ReadError) -> Self {
        Unreadable {
            code: e.code().to_owned(),
            message: e.to_string(),
            message_vi: e.message_vi(),
            location: e.location(),
            written: None,
        }
    }

    fn io(code: &str, message: String, message_vi: String) -> Self {
        Unreadable {
            code: code.to_owned(),
            message,
            message_vi,
            location: None,
            written: None,
        }
    }

    fn answer(self, lang: Lang) -> output::Answer {
        let message = match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message,
        };
        let human = format!("{}[{}]: {message}", t!("error-prefix"), self.code);
        let v = EdxmlErrorOutput {
            error: EdxmlErrorBody {
                code: self.code,
                message: self.message,
                message_vi: self.message_vi,
                location: self.location,
            },
            written: self.written,
        };
        output::Answer {
            exit: 2,
            human,
            is_error: true,
            json: serde_json::to_value(v).unwrap_or_default(),
        }
    }
}

enum Failure {
    /// Printed by [`output::emit`] (usage, option files, …).
    Cmd(CmdResult),
    /// Printed here, exit 2.
    Unreadable(Box<Unreadable>),
}

impl Failure {
    fn unreadable(u: Unreadable) -> Self {
        Failure::Unreadable(Box::new(u))
    }
}

impl From<CmdResult> for Failure {
    fn from(r: CmdResult) -> Self {
        Failure::Cmd(r)
    }
}

/// Runs an `egov edxml` subcommand: its answer, unprinted.
pub fn answer(cmd: EdxmlCommand) -> output::Answer {
    let (lang, result) = match cmd {
        EdxmlCommand::Check(a) => (crate::i18n::lang(), check_cmd(&a)),
        EdxmlCommand::Show(a) => (crate::i18n::lang(), show_cmd(&a)),
        EdxmlCommand::Extract(a) => (crate::i18n::lang(), extract_cmd(&a)),
        EdxmlCommand::Build(a) => return output::answer(crate::edxml_make::build(&a)),
        EdxmlCommand::Status(a) => match crate::edxml_make::status(&a) {
            Ok(r) => return output::answer(r),
            Err(e) => (
                crate::i18n::lang(),
                Err(Failure::unreadable(Unreadable::from_read(&e))),
            ),
        },
        EdxmlCommand::Sign(a) => return output::answer(crate::edxml_make::sign(&a)),
        EdxmlCommand::Verify(a) => return output::answer(crate::edxml_make::verify(&a)),
    };
    match result {
        Ok(r) | Err(Failure::Cmd(r)) => output::answer(r),
        Err(Failure::Unreadable(u)) => u.answer(lang),
    }
}

fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

fn display(path: &Path) -> String {
    if is_stdin(path) {
        "-".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads a package from a file or standard input, streaming attachments into `sink`.
fn read_package(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn AttachmentSink,
) -> Result<Package, ReadError> {
    if is_stdin(path) {
        egov_edxml::read(io::stdin().lock(), options, sink)
    } else {
        egov_edxml::read_file(path, options, sink)
    }
}

/// An option file of `edxml check` (its name in messages).
#[derive(Clone, Copy)]
enum OptionFile {
    Registry,
    Calendar,
    Anchors,
}

impl OptionFile {
    fn name(self) -> String {
        match self {
            OptionFile::Registry => t!("edxml-registry-file"),
            OptionFile::Calendar => t!("edxml-calendar-file"),
            OptionFile::Anchors => t!("edxml-anchors-file"),
        }
    }
}

fn read_option_file(path: &Path, what: OptionFile) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure::Cmd(CmdResult::Error {
            code: "io.read".to_owned(),
            message: t!(
                "edxml-cannot-read-option",
                what = what.name(),
                path = path.display().to_string(),
                reason = io_detail(&e)
            ),
        })
    })
}

fn read_option_text(path: &Path, what: OptionFile) -> Result<String, Failure> {
    String::from_utf8(read_option_file(path, what)?).map_err(|_| {
        Failure::Cmd(CmdResult::Error {
            code: "io.utf8".to_owned(),
            message: t!(
                "edxml-option-not-utf8",
                what = what.name(),
                path = path.display().to_string()
            ),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// check

fn check_cmd(a: &CheckArgs) -> Result<CmdResult, Failure> {
    // Option files first: a usage or I/O problem with them is reported before the package.
    let registry = match &a.registry {
        Some(p) => {
            let text = read_option_text(p, OptionFile::Registry)?;
            Some(crate::registry::registry_from_text(&text, p)?)
        }
        None => None,
    };
    let calendar = match &a.calendar {
        Some(p) if crate::input::is_toml(p) => Some(crate::input::toml_doc(
            &read_option_text(p, OptionFile::Calendar)?,
            p,
            "calendar.toml",
        )?),
        Some(p) => Some(
            WorkingCalendar::from_json(&read_option_text(p, OptionFile::Calendar)?)
                .map_err(|e| CmdResult::error(&e))?,
        ),
        None => None,
    };
    let anchors = match &a.anchors {
        Some(p) => Some(
            TrustAnchors::from_pem(&read_option_file(p, OptionFile::Anchors)?)
                .map_err(|e| CmdResult::error_at(p.display(), &e).with_code("usage.anchors"))?,
        ),
        None => None,
    };
    let options = CheckOptions {
        registry: registry
            .as_ref()
            .map(|r| r as &dyn egov_docs::registry::AgencyRegistry),
        calendar: calendar.as_ref(),
        anchors: anchors.as_ref(),
        layout_findings: !a.no_layout,
        ..CheckOptions::default()
    };

    let (package, report, verified) = if is_stdin(&a.file) {
        // Standard input cannot be read twice: kept, so that a signature can be verified.
        // Bounded by the reader's own input limit (one byte over it, for the reader to refuse).
        let limit = ReadOptions::default().limits.max_input_bytes;
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Failure::unreadable(Unreadable::io(
                    "io.read",
                    format!("cannot read standard input: {e}"),
                    format!("không đọc được đầu vào chuẩn: {e}"),
                ))
            })?;
        let (package, report) = egov_edxml::check_bytes(&bytes, &options)
            .map_err(|e| Failure::unreadable(Unreadable::from_read(&e)))?;
        let verified = dsig_signed(&package);
        (package, report, verified)
    } else {
        let package = read_package(&a.file, &ReadOptions::default(), &mut DiscardSink)
            .map_err(|e| Failure::unreadable(Unreadable::from_read(&e)))?;
        if dsig_signed(&package) {
            // An XMLDSig signature is verified over the package's bytes: read them whole.
            let bytes = std::fs::read(&a.file).map_err(|e| {
                Failure::unreadable(Unreadable::io(
                    "io.read",
                    format!("cannot read {}: {e}", a.file.display()),
                    format!("không đọc được {}: {e}", a.file.display()),
                ))
            })?;
            let (package, report) = egov_edxml::check_bytes(&bytes, &options)
                .map_err(|e| Failure::unreadable(Unreadable::from_read(&e)))?;
            (package, report, true)
        } else {
            let report = egov_edxml::check(&package, &options);
            (package, report, false)
        }
    };
    Ok(check_result(
        &a.file,
        &package,
        &report,
        verified,
        crate::i18n::lang(),
    ))
}

/// Whether `check_bytes` would verify a signature of this package.
fn dsig_signed(package: &Package) -> bool {
    egov_edxml::may_carry_xmldsig(package)
}

fn org_text(o: &Organization) -> String {
    let id = o.organ_id.as_deref().unwrap_or("—");
    match o.organ_name.as_deref() {
        Some(name) if !name.is_empty() => format!("{id} ({name})"),
        _ => id.to_owned(),
    }
}

/// The location a check attached to a finding's evidence.
fn finding_location(f: &Finding) -> Option<(u64, u64)> {
    let loc = f.evidence.as_ref()?.get("location")?;
    Some((loc.get("line")?.as_u64()?, loc.get("column")?.as_u64()?))
}

/// One finding: `[OUTCOME] RULE (basis): message`, then the element path and its line.
fn finding_text(f: &Finding, lang: Lang) -> String {
    let (basis, message) = match lang {
        Lang::Vi => (f.basis.to_string_vi(), &f.message_vi),
        Lang::En => (f.basis.to_string(), &f.message),
    };
    let mut s = format!(
        "[{}] {} ({basis}): {message}",
        outcome_word(f.outcome),
        f.rule
    );
    let mut place = Vec::new();
    match f.field.as_deref() {
        // An element path, or a field of the metadata record (an identifier: `status`).
        Some(path) if path.contains('/') => place.push(path.to_owned()),
        Some(field) => place.push(format!("`{field}`")),
        None => {}
    }
    if let Some((line, column)) = finding_location(f) {
        place.push(t!("edxml-line-column", line = line, column = column));
    }
    if !place.is_empty() {
        s.push_str(&format!("\n    {}", place.join(", ")));
    }
    s
}

fn check_result(
    file: &Path,
    package: &Package,
    report: &Report,
    verified: bool,
    lang: Lang,
) -> CmdResult {
    let count = |o| report.with_outcome(o).count();
    let (pass, warning, unknown, fail) = (
        count(Outcome::Pass),
        count(Outcome::Warning),
        count(Outcome::Unknown),
        count(Outcome::Fail),
    );
    let mut h = String::new();
    h.push_str(&format!(
        "{} {}\n",
        t!("edxml-edxml-package-check-q-28"),
        display(file)
    ));
    let mut row = |label: &str, value: &str| {
        h.push_str(&format!("  {label:<16} {value}\n"));
    };
    let (from, to, document_id, subject, status_code, attachments);
    match &package.message {
        Message::Edoc(e) => {
            let hd = &e.header;
            row(&t!("edxml-kind"), &t!("edxml-edoc-e-document"));
            from = hd.from.as_ref().map(EdxmlOrgan::from);
            to = hd.to.iter().map(EdxmlOrgan::from).collect::<Vec<_>>();
            row(
                &t!("edxml-from-to"),
                &format!(
                    "{} → {}",
                    hd.from.as_ref().map_or_else(|| "—".to_owned(), org_text),
                    if hd.to.is_empty() {
                        "—".to_owned()
                    } else {
                        hd.to.iter().map(org_text).collect::<Vec<_>>().join(", ")
                    }
                ),
            );
            document_id = hd.document_id.clone();
            subject = hd.subject.clone();
            status_code = None;
            attachments = e.attachments.len();
        }
        Message::Status(s) => {
            row(
                &t!("edxml-kind"),
                &t!("edxml-status-processing-status-message"),
            );
            from = s.from.as_ref().map(EdxmlOrgan::from);
            let target = s.response_for.as_ref().and_then(|r| r.organ_id.clone());
            to = target
                .iter()
                .map(|id| EdxmlOrgan {
                    organ_id: Some(id.clone()),
                    organ_name: None,
                })
                .collect();
            row(
                &t!("edxml-from-to"),
                &format!(
                    "{} → {}",
                    s.from.as_ref().map_or_else(|| "—".to_owned(), org_text),
                    target.as_deref().unwrap_or("—")
                ),
            );
            document_id = s.response_for.as_ref().and_then(|r| r.document_id.clone());
            subject = None;
            status_code = s.status_code.clone();
            attachments = 0;
            row(
                &t!("edxml-status"),
                &format!(
                    "{}{}",
                    s.status_code.as_deref().unwrap_or("—"),
                    s.description
                        .as_deref()
                        .filter(|d| !d.is_empty())
                        .map(|d| format!(" ({d})"))
                        .unwrap_or_default()
                ),
            );
        }
    }
    row(
        &t!("edxml-documentid-2"),
        document_id.as_deref().unwrap_or("—"),
    );
    if let Some(s) = &subject {
        row(&t!("edxml-subject-2"), s);
    }
    row("SHA-256:", &package.sha256);
    row(
        &t!("edxml-size"),
        &t!("edxml-bytes", n = crate::i18n::count(package.bytes)),
    );
    row(&t!("edxml-attachments-2"), &attachments.to_string());
    row(
        &t!("edxml-signature"),
        &if verified {
            t!("edxml-xmldsig-verified-see-doc-18")
        } else {
            t!("edxml-not-verified-see-doc-14")
        },
    );
    for f in &report.findings {
        h.push('\n');
        h.push_str(&finding_text(f, lang));
    }
    let compliant = fail == 0;
    h.push_str("\n\n");
    h.push_str(&t!(
        "edxml-check-result",
        overall = outcome_word(report.overall()),
        fail = fail,
        warning = warning,
        unknown = unknown,
        pass = pass,
        total = report.findings.len()
    ));
    let json = match to_json(&EdxmlCheckOutput {
        file: display(file),
        kind: PackageKind::of(&package.message),
        layout: package.layout,
        bytes: package.bytes,
        sha256: package.sha256.clone(),
        from,
        to,
        document_id,
        subject,
        status_code,
        attachments,
        signature_verified: verified,
        overall: report.overall(),
        compliant,
        counts: OutcomeCounts {
            pass,
            warning,
            unknown,
            fail,
            total: report.findings.len(),
        },
        findings: report.findings.clone(),
    }) {
        Ok(json) => json,
        Err(e) => return e,
    };
    if compliant {
        CmdResult::Valid { human: h, json }
    } else {
        CmdResult::Invalid { human: h, json }
    }
}

// ---------------------------------------------------------------------------------------------
// show

fn show_cmd(a: &ShowArgs) -> Result<CmdResult, Failure> {
    let package = read_package(&a.file, &ReadOptions::default(), &mut DiscardSink)
        .map_err(|e| Failure::unreadable(Unreadable::from_read(&e)))?;
    let human = show_text(&a.file, &package, crate::i18n::lang());
    let json = to_json(&package)?;
    Ok(CmdResult::Valid { human, json })
}

/// Text lines with labels, indented.
struct Text {
    lang: Lang,
    s: String,
}

impl Text {
    fn heading(&mut self, text: &str) {
        if !self.s.is_empty() {
            self.s.push('\n');
        }
        self.s.push_str(text);
        self.s.push('\n');
    }

    fn line(&mut self, indent: usize, text: &str) {
        self.s.push_str(&" ".repeat(indent));
        self.s.push_str(text);
        self.s.push('\n');
    }

    /// `label: value` when the element was present (empty: «(trống)»).
    fn field(&mut self, indent: usize, label: &str, value: Option<&str>) {
        if let Some(v) = value {
            let empty;
            let v = if v.is_empty() {
                empty = t!("edxml-empty");
                &empty
            } else {
                v
            };
            self.line(indent, &format!("{label}: {v}"));
        }
    }

    fn org(&mut self, indent: usize, o: &Organization) {
        self.field(indent, &t!("edxml-organid"), o.organ_id.as_deref());
        self.field(indent, &t!("edxml-organname"), o.organ_name.as_deref());
        self.field(
            indent,
            &t!("edxml-organizationincharge"),
            o.organization_in_charge.as_deref(),
        );
        self.field(indent, &t!("edxml-organadd"), o.organ_add.as_deref());
        self.field(indent, &t!("edxml-email"), o.email.as_deref());
        self.field(indent, &t!("edxml-telephone"), o.telephone.as_deref());
        self.field(indent, &t!("edxml-fax"), o.fax.as_deref());
        self.field(indent, &t!("edxml-website"), o.website.as_deref());
    }

    fn response_for(&mut self, indent: usize, r: &egov_edxml::ResponseFor) {
        self.field(indent, &t!("edxml-organid-2"), r.organ_id.as_deref());
        self.field(indent, &t!("edxml-code"), r.code.as_deref());
        self.field(
            indent,
            &t!("edxml-promulgationdate"),
            r.promulgation_date.as_deref(),
        );
        self.field(indent, &t!("edxml-documentid"), r.document_id.as_deref());
    }

    fn staff(&mut self, indent: usize, s: &egov_edxml::StaffInfo) {
        self.field(indent, &t!("edxml-department"), s.department.as_deref());
        self.field(indent, &t!("edxml-staff"), s.staff.as_deref());
        self.field(indent, &t!("edxml-email"), s.email.as_deref());
        self.field(indent, &t!("edxml-mobile"), s.mobile.as_deref());
    }
}

fn wrapping_text(w: &Wrapping, lang: Lang) -> String {
    match w {
        Wrapping::Raw => t!("edxml-raw").to_owned(),
        Wrapping::Zip {
            entry_name,
            crc_ok,
            more_entries,
            complete,
            error,
            error_vi,
            ..
        } => {
            let mut parts = vec![format!("ZIP «{entry_name}»")];
            parts.push(
                match crc_ok {
                    Some(true) => t!("edxml-crc-ok"),
                    Some(false) => t!("edxml-crc-mismatch"),
                    None => t!("edxml-no-crc-to-compare"),
                }
                .to_owned(),
            );
            if *more_entries {
                parts.push(t!("edxml-more-entries").to_owned());
            }
            if !complete {
                parts.push(t!("edxml-end-record-incomplete").to_owned());
            }
            if let Some(e) = error {
                let e = match lang {
                    Lang::Vi => error_vi.as_ref().unwrap_or(e),
                    Lang::En => e,
                };
                parts.push(format!("{}: {e}", t!("edxml-error")));
            }
            parts.join(", ")
        }
        Wrapping::ZipUnreadable { reason, reason_vi } => format!(
            "{}: {}",
            t!("edxml-zip-signature-entry-not-taken"),
            match lang {
                Lang::Vi if !reason_vi.is_empty() => reason_vi,
                _ => reason,
            }
        ),
    }
}

fn payload_text(p: &PayloadSummary, lang: Lang) -> String {
    let mut s = format!(
        "{}, {}, {}, SHA-256 {}",
        t!("edxml-bytes", n = crate::i18n::count(p.content_bytes)),
        p.content_kind.as_str(),
        wrapping_text(&p.wrapping, lang),
        p.content_sha256
    );
    if let Some(e) = &p.base64_error {
        let e = match lang {
            Lang::Vi => p.base64_error_vi.as_ref().unwrap_or(e),
            Lang::En => e,
        };
        s.push_str(&format!("; {}: {e}", t!("edxml-base64-error")));
    }
    if p.text_reencoded() {
        s.push_str(&format!(
            "; {} U+FFFD ({})",
            p.replacement_chars,
            t!("edxml-binary-data-re-encoded-as")
        ));
    }
    s
}

fn show_text(file: &Path, package: &Package, lang: Lang) -> String {
    let mut t = Text {
        lang,
        s: String::new(),
    };
    t.line(
        0,
        &format!(
            "{} {} [{}; {}]",
            t!("edxml-edxml-package"),
            display(file),
            match package.message {
                Message::Edoc(_) => t!("edxml-show-kind-edoc"),
                Message::Status(_) => t!("edxml-show-kind-status"),
            },
            // The root as the file has it (EDXML.md §9), in the format's own names.
            match package.layout {
                egov_edxml::Layout::Layered => "edXML › edXMLEnvelope",
                egov_edxml::Layout::FlatEnvelope => "edXMLEnvelope",
            }
        ),
    );
    t.line(
        2,
        &format!(
            "{}: {}, SHA-256 {}",
            t!("edxml-file"),
            t!("edxml-bytes", n = crate::i18n::count(package.bytes)),
            package.sha256
        ),
    );
    t.line(
        2,
        &format!(
            "{}: CRLF {}, LF {}",
            t!("edxml-line-breaks"),
            package.line_breaks.0,
            package.line_breaks.1
        ),
    );
    match &package.message {
        Message::Edoc(e) => show_edoc(&mut t, e),
        Message::Status(s) => {
            t.heading(&t!("edxml-status-message-messageheader"));
            if let Some(f) = &s.from {
                t.line(2, &t!("edxml-from"));
                t.org(4, f);
            }
            if let Some(r) = &s.response_for {
                t.line(2, &t!("edxml-responsefor"));
                t.response_for(4, r);
            }
            if let Some(st) = &s.staff_info {
                t.line(2, &t!("edxml-staffinfo"));
                t.staff(4, st);
            }
            t.field(2, &t!("edxml-statuscode"), s.status_code.as_deref());
            t.field(2, &t!("edxml-description"), s.description.as_deref());
            t.field(2, &t!("edxml-timestamp"), s.timestamp.as_deref());
        }
    }
    t.heading(&t!("edxml-layout-departures-strict-profile"));
    if package.deviations.is_empty() {
        t.line(2, &t!("edxml-none"));
    }
    for d in &package.deviations {
        t.line(
            2,
            &format!(
                "{}:{} [{}] {}: {}",
                d.at.line,
                d.at.column,
                d.code,
                if d.path.is_empty() { "/" } else { &d.path },
                match lang {
                    Lang::Vi => &d.message_vi,
                    Lang::En => &d.message,
                }
            ),
        );
    }
    t.s.trim_end().to_owned()
}

fn show_edoc(t: &mut Text, e: &egov_edxml::Edoc) {
    let lang = t.lang;
    let h = &e.header;
    t.heading(&t!("edxml-document-messageheader"));
    if let Some(f) = &h.from {
        t.line(2, &t!("edxml-from"));
        t.org(4, f);
    }
    for (i, to) in h.to.iter().enumerate() {
        t.line(2, &format!("{} {}:", t!("edxml-to"), i + 1));
        t.org(4, to);
    }
    t.field(2, &t!("edxml-documentid"), h.document_id.as_deref());
    if let Some(c) = &h.code {
        t.field(2, &t!("edxml-codenumber"), c.number.as_deref());
        t.field(2, &t!("edxml-codenotation"), c.notation.as_deref());
    }
    if let Some(p) = &h.promulgation_info {
        t.field(2, &t!("edxml-place"), p.place.as_deref());
        t.field(2, &t!("edxml-promulgationdate"), p.date.as_deref());
    }
    if let Some(d) = &h.document_type {
        t.field(2, &t!("edxml-type"), d.type_code.as_deref());
        t.field(2, &t!("edxml-typedetail"), d.type_detail.as_deref());
        t.field(2, &t!("edxml-typename"), d.type_name.as_deref());
    }
    t.field(2, &t!("edxml-subject"), h.subject.as_deref());
    t.field(2, &t!("edxml-content"), h.content.as_deref());
    if let Some(s) = &h.signer_info {
        t.field(2, &t!("edxml-competence"), s.competence.as_deref());
        t.field(2, &t!("edxml-position"), s.position.as_deref());
        t.field(2, &t!("edxml-fullname"), s.full_name.as_deref());
    }
    t.field(2, &t!("edxml-duedate"), h.due_date.as_deref());
    if let Some(o) = &h.other_info {
        t.field(2, &t!("edxml-priority"), o.priority.as_deref());
        t.field(
            2,
            &t!("edxml-sphereofpromulgation"),
            o.sphere_of_promulgation.as_deref(),
        );
        t.field(2, &t!("edxml-typernotation"), o.typer_notation.as_deref());
        t.field(
            2,
            &t!("edxml-promulgationamount"),
            o.promulgation_amount.as_deref(),
        );
        t.field(2, &t!("edxml-pageamount"), o.page_amount.as_deref());
        t.field(2, &t!("edxml-direction"), o.direction.as_deref());
        if let Some(a) = &o.appendixes {
            t.field(2, &t!("edxml-appendixes"), Some(&a.join("; ")));
        }
    }
    for (i, r) in h.response_for.iter().enumerate() {
        t.line(2, &format!("{} {}:", t!("edxml-responsefor-2"), i + 1));
        t.response_for(4, r);
    }
    t.field(2, &t!("edxml-steeringtype"), h.steering_type.as_deref());
    if let Some(p) = &h.to_places {
        t.field(2, &t!("edxml-toplaces"), Some(&p.join("; ")));
    }

    if let Some(tr) = &e.trace {
        t.heading(&t!("edxml-trace-traceheaderlist"));
        if tr.trace_headers.is_empty() {
            t.line(2, &t!("edxml-no-traceheader"));
        }
        for (i, th) in tr.trace_headers.iter().enumerate() {
            t.line(
                2,
                &format!(
                    "{}. {} — {}",
                    i + 1,
                    th.organ_id.as_deref().unwrap_or("—"),
                    th.timestamp.as_deref().unwrap_or("—")
                ),
            );
        }
        if let Some(b) = &tr.business {
            t.line(2, &t!("edxml-business-bussiness"));
            t.field(
                4,
                &t!("edxml-bussinessdoctype-0-new-1-revocation"),
                b.doc_type.as_deref(),
            );
            t.field(4, &t!("edxml-documentid"), b.document_id.as_deref());
            t.field(4, &t!("edxml-bussinessdocreason"), b.reason.as_deref());
            t.field(4, &t!("edxml-paper"), b.paper.as_deref());
            if let Some(d) = &b.document_info {
                t.field(4, &t!("edxml-documentinfo"), d.document_info.as_deref());
                t.field(
                    4,
                    &t!("edxml-documentreceiver"),
                    d.document_receiver.as_deref(),
                );
                for r in d.receivers.iter().flatten() {
                    t.line(
                        6,
                        &format!(
                            "{} ({}: {})",
                            r.organ_id.as_deref().unwrap_or("—"),
                            t!("edxml-receivertype"),
                            r.receiver_type.as_deref().unwrap_or("—")
                        ),
                    );
                }
            }
            for r in b.replacements.iter().flatten() {
                t.line(
                    4,
                    &format!(
                        "{}: {} → {}",
                        t!("edxml-replacement"),
                        r.document_id.as_deref().unwrap_or("—"),
                        r.organ_ids.join(", ")
                    ),
                );
            }
            if let Some(s) = &b.staff_info {
                t.line(4, &t!("edxml-staffinfo"));
                t.staff(6, s);
            }
        }
    }

    t.heading(&t!("edxml-signature-as-written-not-verified"));
    match &e.signature {
        None => t.line(2, &t!("edxml-none")),
        Some(s) => {
            t.field(2, &t!("edxml-namespace"), s.namespace.as_deref());
            t.field(
                2,
                &t!("edxml-canonicalizationmethod"),
                s.canonicalization.as_deref(),
            );
            t.field(
                2,
                &t!("edxml-signaturemethod"),
                s.signature_method.as_deref(),
            );
            for r in &s.references {
                t.line(
                    2,
                    &format!(
                        "Reference URI={:?}: {} {}, DigestValue {}",
                        r.uri.as_deref().unwrap_or(""),
                        t!("edxml-transforms"),
                        r.transforms.join(", "),
                        r.digest_value.as_deref().unwrap_or("—")
                    ),
                );
                t.field(4, &t!("edxml-digestmethod"), r.digest_method.as_deref());
            }
            t.field(2, &t!("edxml-x509subjectname"), s.subject_name.as_deref());
            t.line(
                2,
                &format!(
                    "{}: {}",
                    t!("edxml-x509certificate-count"),
                    s.certificates.len()
                ),
            );
        }
    }

    t.heading(&t!("edxml-manifest-edxmlmanifest"));
    match &e.manifest {
        None => t.line(2, &t!("edxml-none")),
        Some(m) => {
            for (i, r) in m.iter().enumerate() {
                t.line(
                    2,
                    &format!(
                        "{}. {} — {} — {}{}",
                        i + 1,
                        r.attachment_name.as_deref().unwrap_or("—"),
                        r.content_id.as_deref().unwrap_or("—"),
                        r.content_type.as_deref().unwrap_or("—"),
                        r.description
                            .as_deref()
                            .filter(|d| !d.is_empty())
                            .map(|d| format!(" ({d})"))
                            .unwrap_or_default()
                    ),
                );
            }
        }
    }

    t.heading(&t!("edxml-attachments"));
    if e.attachments.is_empty() {
        t.line(2, &t!("edxml-none"));
    }
    for (i, a) in e.attachments.iter().enumerate() {
        t.line(
            2,
            &format!(
                "{}. {} — {} — {}",
                i + 1,
                a.attachment_name.as_deref().unwrap_or("—"),
                a.content_id.as_deref().unwrap_or("—"),
                a.content_type.as_deref().unwrap_or("—"),
            ),
        );
        t.field(4, &t!("edxml-description"), a.description.as_deref());
        match &a.payload {
            Some(p) => t.line(4, &payload_text(p, lang)),
            None => t.line(4, &t!("edxml-no-content")),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// extract

fn extract_cmd(a: &ExtractArgs) -> Result<CmdResult, Failure> {
    let options = ReadOptions {
        unwrap: if a.raw { Unwrap::Never } else { Unwrap::Auto },
        ..ReadOptions::default()
    };
    let result = if is_stdin(&a.file) {
        extract(io::stdin().lock(), &a.out, &options)
    } else {
        extract_file(&a.file, &a.out, &options)
    };
    match result {
        Ok(x) => Ok(extract_result(a, &x)),
        Err(e) => {
            let mut u = match &e {
                ExtractError::Read { source, .. } => Unreadable::from_read(source),
                other => Unreadable::io(other.code(), other.to_string(), other.message_vi()),
            };
            if !matches!(e, ExtractError::CreateDir { .. }) {
                let written = e
                    .written()
                    .iter()
                    .map(|w| PartialFile {
                        path: w.path.display().to_string(),
                        bytes: w.bytes,
                        complete: w.summary.is_some(),
                    })
                    .collect();
                u.written = Some(written);
            }
            Err(Failure::unreadable(u))
        }
    }
}

fn extract_result(a: &ExtractArgs, x: &Extraction) -> CmdResult {
    let lang = crate::i18n::lang();
    let package = &x.package;
    let mut h = format!(
        "{} {} → {}{}\n",
        t!("edxml-extracting-attachments"),
        display(&a.file),
        a.out.display(),
        if a.raw {
            format!(" ({})", t!("edxml-zip-wrapper-kept"))
        } else {
            String::new()
        }
    );
    let mut items = Vec::new();
    for w in &x.attachments {
        let probs = w.problems();
        let (kind, sha) = w.summary.as_ref().map_or(("—", "—"), |s| {
            (s.content_kind.as_str(), s.content_sha256.as_str())
        });
        h.push_str(&format!(
            "[{}] {} — {}, {kind}, SHA-256 {sha}{}\n",
            w.index + 1,
            w.path.display(),
            t!("edxml-bytes", n = crate::i18n::count(w.bytes)),
            match w.status() {
                ExtractStatus::Damaged => format!(" — {}", t!("edxml-damaged")),
                _ => String::new(),
            }
        ));
        if w.renamed() {
            h.push_str(&format!(
                "    {}: {}\n",
                t!("edxml-name-in-the-package"),
                w.meta
                    .name
                    .as_deref()
                    .map_or_else(|| t!("edxml-none-2").to_owned(), |n| format!("{n:?}"))
            ));
        }
        for p in &probs {
            h.push_str(&format!(
                "    {} [{}] {}\n",
                match p.severity {
                    Severity::Damaged => t!("edxml-damaged"),
                    Severity::Warning => t!("edxml-warning"),
                },
                p.code,
                match lang {
                    Lang::Vi => &p.message_vi,
                    Lang::En => &p.message,
                }
            ));
        }
        items.push(ExtractItem::Written(w));
    }
    // Attachments whose element carries no content: nothing was written for them.
    let empty = x.without_content();
    for e in &empty {
        h.push_str(&format!(
            "[—] {} — {}\n",
            e.attachment_name.as_deref().unwrap_or("—"),
            t!("edxml-not-written-the-element-carries")
        ));
        items.push(ExtractItem::NoContent(NoContentItem {
            index: (),
            attachment_name: e.attachment_name.clone(),
            content_id: e.content_id.clone(),
            content_type: e.content_type.clone(),
            file_name: (),
            path: (),
            renamed: false,
            written_bytes: 0,
            content_bytes: (),
            content_kind: (),
            content_sha256: (),
            wrapping: (),
            status: NoContentStatus::NoContent,
            problems: vec![NoContentProblem {
                severity: Severity::Damaged,
                code: NoContentStatus::NoContent,
                message: "the attachment element carries no content (no ContentTransferEncoded)"
                    .to_owned(),
                message_vi:
                    "phần tử tệp đính kèm không có nội dung (không có ContentTransferEncoded)"
                        .to_owned(),
            }],
            payload: (),
        }));
    }
    let (whole, warned, damaged) = x.counts();
    let written = x.attachments.len();
    let total = written + empty.len();
    h.push('\n');
    h.push_str(&t!(
        "edxml-extract-summary",
        dir = a.out.display().to_string(),
        written = written,
        total = total,
        whole = whole,
        warned = warned,
        damaged = damaged,
        not_written = empty.len()
    ));
    let json = match to_json(&EdxmlExtractOutput {
        file: display(&a.file),
        kind: PackageKind::of(&package.message),
        bytes: package.bytes,
        sha256: package.sha256.clone(),
        out_dir: a.out.display().to_string(),
        unwrap: if a.raw {
            UnwrapMode::Never
        } else {
            UnwrapMode::Auto
        },
        attachments: items,
        counts: ExtractCounts {
            attachments: total,
            written,
            whole,
            with_warnings: warned,
            damaged,
            not_written: empty.len(),
        },
    }) {
        Ok(json) => json,
        Err(e) => return e,
    };
    if x.is_complete() {
        CmdResult::Valid { human: h, json }
    } else {
        CmdResult::Invalid { human: h, json }
    }
}
