//! `egov batch`: one checking command over a folder, a glob or a list, one report for all.
//!
//! `egov batch edxml check hop-thu-den/` runs `egov edxml check FILE` for every file of the
//! folder, in the same process, and reports every input — none is dropped: an input the command
//! cannot read is a row with its error, and an entry not run (hidden, a sub-folder not entered, a
//! symbolic link to a folder, which is never followed, a broken link) is counted as skipped with
//! its reason. The report is a table on the terminal, or CSV, JSON Lines or a self-contained
//! HTML page (one file, no external resources: it can be attached to an email), or with `--json`
//! one JSON document.
//! The exit status is the worst of the inputs' (0 valid, 1 invalid, 2 error). A progress bar
//! (indicatif) is drawn on standard error when it is a terminal.
//!
//! The input argument is the one that is `@LIST` (a file with one input per line: paths or
//! values such as agency codes; blank lines and `#` comments skipped), a glob (`*.edxml`,
//! `thu-muc/**/*.xml`) or an existing folder. No rule of law lives here: each row is the
//! answer of the command named.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value};

use crate::folder::Entry;
use crate::i18n::t;
use crate::output::{self, Answer, CmdResult};

/// `egov batch` options.
#[derive(Debug, Args)]
pub struct BatchArgs {
    // First, so that help lists the arguments before the options as for every other command.
    /// The command for each input, with one input argument that is @LIST, a glob or a folder,
    /// e.g. `edxml check hop-thu-den/` or `code @danh-sach-ma.txt`.
    #[arg(
        required = true,
        num_args = 1..,
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    command: Vec<String>,
    /// Report format (default: from --out's extension, else a table).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to FILE (.csv, .jsonl, .html) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace --out if it exists.
    #[arg(long)]
    force: bool,
    /// Enter the sub-folders of a folder input.
    #[arg(long)]
    recursive: bool,
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for the terminal, with a summary line.
    Table,
    /// Comma-separated values (RFC 4180), one row per input.
    Csv,
    /// JSON Lines: one object per input, then one summary object.
    Jsonl,
    /// One self-contained HTML page.
    Html,
}

/// The result of one input.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Row {
    /// The input as given (a path, or a value from the list).
    input: String,
    /// The command's exit code for this input: 0 valid, 1 invalid, 2 error.
    exit: u8,
    /// `valid`, `invalid` or `error`.
    status: &'static str,
    /// The first failing finding (else warning) in the run's language, else the answer's first
    /// line.
    summary: String,
    #[serde(skip)]
    human: String,
    /// The command's own `--json` answer for this input.
    result: Value,
}

/// The inputs of a batch and what was not taken.
#[derive(Debug, Default)]
struct Inputs {
    /// As the file system names them: a file name that is not UTF-8 (a Vietnamese name written
    /// in a legacy code page, unpacked from an archive) is run as it is, shown lossily.
    items: Vec<OsString>,
    /// Entries of a folder or a glob that are not run, each with its reason.
    skipped: Vec<Skipped>,
}

/// An entry of a folder or a glob that is not run, and why.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Skipped {
    /// The entry's path.
    path: String,
    /// Why it was not run.
    reason: SkipReason,
}

/// Why an entry is not run. Symbolic links to folders are not followed (as fd and ripgrep do
/// without `--follow`): a link back up the tree would check the same files again and again.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SkipReason {
    /// Its name starts with a dot (.git, .DS_Store, …).
    Hidden,
    /// A sub-folder, entered only with --recursive (or a folder a glob matched).
    Folder,
    /// A symbolic link to a folder: not followed.
    LinkToFolder,
    /// A symbolic link to nothing (or that cannot be followed).
    BrokenLink,
    /// Neither a file nor a folder (a pipe, a socket, a device).
    NotAFile,
}

impl Skipped {
    fn new(path: &Path, reason: SkipReason) -> Self {
        Self {
            path: path.display().to_string(),
            reason,
        }
    }

    /// Why, in the run's language.
    fn reason_text(&self) -> String {
        match self.reason {
            SkipReason::Hidden => t!("batch-skip-hidden"),
            SkipReason::Folder => t!("batch-skip-folder"),
            SkipReason::LinkToFolder => t!("batch-skip-link-to-folder"),
            SkipReason::BrokenLink => t!("batch-skip-broken-link"),
            SkipReason::NotAFile => t!("batch-skip-not-a-file"),
        }
    }
}

/// What a path is, for the walk: `Ok(true)` a file to run, `Ok(false)` a folder to enter (only
/// a real one, never through a link), `Err` why it is skipped.
fn classify(p: &Path) -> Result<bool, SkipReason> {
    match crate::folder::kind(p) {
        Entry::File => Ok(true),
        Entry::Folder => Ok(false),
        Entry::LinkToFolder => Err(SkipReason::LinkToFolder),
        Entry::BrokenLink => Err(SkipReason::BrokenLink),
        Entry::Other => Err(SkipReason::NotAFile),
    }
}

/// What the whole batch found.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Counts {
    /// Inputs run.
    inputs: usize,
    /// Exit 0.
    valid: usize,
    /// Exit 1.
    invalid: usize,
    /// Exit 2.
    errors: usize,
    /// Entries not run (hidden, sub-folders without --recursive, links to folders, broken
    /// links, anything not a file), listed in `skipped` with their reasons.
    skipped: usize,
}

/// `egov --json batch …`: every input's answer and the counts.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct BatchOutput {
    /// The command run for each input, word by word (a subcommand given in quotes is split).
    command: Vec<String>,
    /// What the batch found.
    counts: Counts,
    /// Entries not run, each with its reason.
    skipped: Vec<Skipped>,
    /// One row per input, in order.
    results: Vec<Row>,
}

fn usage(message: String) -> CmdResult {
    CmdResult::Error {
        code: "usage.batch".to_owned(),
        message,
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Which argument of `command` is the input (index), or a usage error.
fn input_position(command: &[String]) -> Result<usize, CmdResult> {
    let found: Vec<usize> = command
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, a)| a.starts_with('@') || is_glob(a) || Path::new(a.as_str()).is_dir())
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [i] => Ok(*i),
        [] => Err(usage(t!("batch-no-input", command = command.join(" ")))),
        several => Err(usage(t!(
            "batch-several-inputs",
            inputs = several
                .iter()
                .map(|i| command[*i].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn read_error(path: &str, e: &dyn std::fmt::Display) -> CmdResult {
    CmdResult::Error {
        code: "io.read".to_owned(),
        message: t!("batch-cannot-read", path = path, detail = e.to_string()),
    }
}

/// The inputs an input argument names.
fn expand(spec: &str, recursive: bool) -> Result<Inputs, CmdResult> {
    let mut inputs = Inputs::default();
    if let Some(list) = spec.strip_prefix('@') {
        let text = std::fs::read_to_string(list).map_err(|e| read_error(list, &e))?;
        inputs.items = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(OsString::from)
            .collect();
    } else if Path::new(spec).is_dir() {
        walk(Path::new(spec), recursive, &mut inputs)?;
    } else {
        let paths = glob::glob(spec).map_err(|e| {
            usage(t!(
                "batch-bad-glob",
                pattern = spec,
                detail = e.msg.to_string()
            ))
        })?;
        for p in paths {
            let p = p.map_err(|e| read_error(&e.path().display().to_string(), e.error()))?;
            match classify(&p) {
                Ok(true) => inputs.items.push(p.into_os_string()),
                Ok(false) => inputs.skipped.push(Skipped::new(&p, SkipReason::Folder)),
                Err(reason) => inputs.skipped.push(Skipped::new(&p, reason)),
            }
        }
    }
    if inputs.items.is_empty() {
        return Err(usage(t!("batch-nothing", input = spec)));
    }
    Ok(inputs)
}

fn walk(dir: &Path, recursive: bool, inputs: &mut Inputs) -> Result<(), CmdResult> {
    let entries =
        crate::folder::entries(dir).map_err(|e| read_error(&dir.display().to_string(), &e))?;
    for p in entries {
        // Hidden entries (.git, .DS_Store, …) are not inputs, as in fd and ripgrep: reported
        // as skipped.
        if crate::folder::name_starts_with(&p, &['.']) {
            inputs.skipped.push(Skipped::new(&p, SkipReason::Hidden));
            continue;
        }
        match classify(&p) {
            Ok(true) => inputs.items.push(p.into_os_string()),
            Ok(false) if recursive => walk(&p, true, inputs)?,
            Ok(false) => inputs.skipped.push(Skipped::new(&p, SkipReason::Folder)),
            Err(reason) => inputs.skipped.push(Skipped::new(&p, reason)),
        }
    }
    Ok(())
}

/// The command's words: a subcommand given in quotes (`egov batch "edxml check" thư-mục/`)
/// is split into its words, as the shell would have; no subcommand name has a space.
fn command_words(command: &[String]) -> Vec<String> {
    match command.split_first() {
        Some((first, rest)) if first.trim().contains(char::is_whitespace) => first
            .split_whitespace()
            .map(str::to_owned)
            .chain(rest.iter().cloned())
            .collect(),
        _ => command.to_vec(),
    }
}

/// Runs the command for one input, in this process; a panic is this input's internal error.
/// `Err` is the command line's usage error (the same for every input).
fn run_one(
    command: &[String],
    at: usize,
    input: &OsStr,
    settings: &crate::config::Settings,
) -> Result<Row, String> {
    let mut argv: Vec<OsString> = Vec::with_capacity(command.len() + 2);
    argv.push("egov".into());
    argv.extend(command.iter().map(OsString::from));
    argv[at + 1] = input.to_owned();
    let answer = std::panic::catch_unwind(|| {
        use clap::{CommandFactory, FromArgMatches};
        let parsed = crate::config::apply(crate::Cli::command(), settings)
            .try_get_matches_from(&argv)
            .and_then(|m| crate::Cli::from_arg_matches(&m));
        match parsed {
            Ok(cli) => Ok(crate::answer(cli.command)),
            // What is wrong in the run's language (clap's own text is English).
            Err(e) => Err(crate::help::usage_message(&e, crate::i18n::lang())),
        }
    })
    .unwrap_or_else(|_| {
        Ok(output::answer(CmdResult::Error {
            code: "internal".to_owned(),
            message: t!("internal-error", detail = input.to_string_lossy().as_ref()),
        }))
    })?;
    Ok(row(&input.to_string_lossy(), answer))
}

fn row(input: &str, a: Answer) -> Row {
    let first_line = a
        .human
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_owned();
    let summary = if a.exit < 2 {
        worst_finding(&a.json).unwrap_or(first_line)
    } else {
        first_line
    };
    Row {
        input: input.to_owned(),
        exit: a.exit,
        status: status_key(a.exit),
        summary,
        human: a.human,
        result: a.json,
    }
}

/// The message of the first failing finding of an answer, else of its first warning, in the
/// run's language: what a reader of the report needs first. Findings are objects with
/// `outcome` and `message` / `message_vi` anywhere in the JSON.
fn worst_finding(json: &Value) -> Option<String> {
    fn walk<'a>(v: &'a Value, found: &mut Vec<&'a serde_json::Map<String, Value>>) {
        match v {
            Value::Object(m) => {
                if m.get("outcome").is_some_and(Value::is_string) && m.contains_key("message") {
                    found.push(m);
                }
                m.values().for_each(|v| walk(v, found));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(json, &mut found);
    let key = crate::i18n::lang().pick("message_vi", "message");
    ["fail", "warning"].iter().find_map(|outcome| {
        found
            .iter()
            .find(|m| m.get("outcome").and_then(Value::as_str) == Some(outcome))
            .and_then(|m| m.get(key).or_else(|| m.get("message")))
            .and_then(Value::as_str)
            .map(str::to_owned)
    })
}

fn status_key(exit: u8) -> &'static str {
    match exit {
        0 => "valid",
        1 => "invalid",
        _ => "error",
    }
}

fn status_text(exit: u8) -> String {
    match exit {
        0 => t!("batch-status-valid"),
        1 => t!("batch-status-invalid"),
        _ => t!("batch-status-error"),
    }
}

/// Runs `egov batch` and prints (or writes) its report.
pub fn run(
    a: &BatchArgs,
    as_json: bool,
    settings: &crate::config::Settings,
) -> std::process::ExitCode {
    match batch(a, as_json, settings) {
        Ok(code) => code,
        Err(e) => output::emit(e, as_json),
    }
}

fn batch(
    a: &BatchArgs,
    as_json: bool,
    settings: &crate::config::Settings,
) -> Result<std::process::ExitCode, CmdResult> {
    let command = command_words(&a.command);
    if matches!(
        command.first().map(String::as_str),
        Some("batch" | "completions" | "man" | "config" | "template" | "schema")
    ) {
        return Err(usage(t!(
            "batch-not-batchable",
            command = command[0].as_str()
        )));
    }
    let at = input_position(&command)?;
    let inputs = expand(&command[at], a.recursive)?;
    let format = match (a.format, &a.out) {
        (Some(f), _) => f,
        (None, Some(p)) => match p.extension().and_then(|e| e.to_str()) {
            Some("csv") => Format::Csv,
            Some("jsonl") => Format::Jsonl,
            Some("html" | "htm") => Format::Html,
            _ => Format::Table,
        },
        (None, None) => Format::Table,
    };
    let bar = indicatif::ProgressBar::new(inputs.items.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut rows = Vec::with_capacity(inputs.items.len());
    for input in &inputs.items {
        bar.set_message(input.to_string_lossy().into_owned());
        match run_one(&command, at, input, settings) {
            Ok(row) => rows.push(row),
            // The command line itself is wrong: say so once, not once per input.
            Err(usage_error) => {
                bar.finish_and_clear();
                return Err(usage(t!("batch-usage", detail = usage_error)));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let counts = Counts {
        inputs: rows.len(),
        valid: rows.iter().filter(|r| r.exit == 0).count(),
        invalid: rows.iter().filter(|r| r.exit == 1).count(),
        errors: rows.iter().filter(|r| r.exit > 1).count(),
        skipped: inputs.skipped.len(),
    };
    let worst = rows.iter().map(|r| r.exit).max().unwrap_or(0);
    let summary = t!(
        "batch-summary",
        inputs = counts.inputs,
        valid = counts.valid,
        invalid = counts.invalid,
        errors = counts.errors,
        skipped = counts.skipped
    );
    let report = if as_json {
        serde_json::to_string_pretty(&BatchOutput {
            command: command.clone(),
            counts,
            skipped: inputs.skipped,
            results: rows,
        })
        .unwrap_or_default()
    } else {
        match format {
            Format::Table => table(&rows, &summary, &inputs.skipped),
            Format::Csv => csv_report(&rows)?,
            Format::Jsonl => jsonl(&rows, &counts, &inputs.skipped),
            Format::Html => html(&command, &rows, &counts, &summary, &inputs.skipped),
        }
    };
    match &a.out {
        Some(path) => {
            crate::files::AtomicFile::create(path, a.force)?.finish_with(report.as_bytes())?;
            output::err(&summary);
        }
        None => {
            output::out(report.trim_end());
            if !matches!(format, Format::Table) && !as_json {
                output::err(&summary);
            }
        }
    }
    Ok(std::process::ExitCode::from(worst))
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn table(rows: &[Row], summary: &str, skipped: &[Skipped]) -> String {
    let head = [
        t!("batch-col-n"),
        t!("batch-col-status"),
        t!("batch-col-input"),
    ];
    let statuses: Vec<String> = rows.iter().map(|r| status_text(r.exit)).collect();
    let w_n = width(&head[0]).max(rows.len().to_string().len());
    let w_s = statuses
        .iter()
        .map(|s| width(s))
        .chain([width(&head[1])])
        .max()
        .unwrap_or(0);
    let w_i = rows
        .iter()
        .map(|r| width(&r.input))
        .chain([width(&head[2])])
        .max()
        .unwrap_or(0);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(width(s))));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  {}  {}  {}",
        pad(&head[0], w_n),
        pad(&head[1], w_s),
        pad(&head[2], w_i),
        t!("batch-col-summary")
    );
    for (i, (r, st)) in rows.iter().zip(&statuses).enumerate() {
        let _ = writeln!(
            s,
            "{}  {}  {}  {}",
            pad(&(i + 1).to_string(), w_n),
            pad(st, w_s),
            pad(&r.input, w_i),
            r.summary
        );
    }
    for k in skipped {
        let _ = writeln!(
            s,
            "{}",
            t!(
                "batch-skipped",
                path = k.path.as_str(),
                reason = k.reason_text()
            )
        );
    }
    s.push_str(summary);
    s
}

fn csv_report(rows: &[Row]) -> Result<String, CmdResult> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: &dyn std::fmt::Display| CmdResult::Error {
        code: "internal".to_owned(),
        message: e.to_string(),
    };
    w.write_record(["n", "input", "exit", "status", "summary"])
        .map_err(|e| fail(&e))?;
    for (i, r) in rows.iter().enumerate() {
        w.write_record([
            (i + 1).to_string(),
            r.input.clone(),
            r.exit.to_string(),
            r.status.to_owned(),
            r.summary.clone(),
        ])
        .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

fn jsonl(rows: &[Row], counts: &Counts, skipped: &[Skipped]) -> String {
    let mut s = String::new();
    for r in rows {
        let _ = writeln!(s, "{}", serde_json::to_string(r).unwrap_or_default());
    }
    let _ = writeln!(s, "{}", json!({ "summary": counts, "skipped": skipped }));
    s
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem;color:#1b1f24}
h1{font-size:1.4rem;margin:0 0 .3rem}p.meta{color:#57606a;margin:.2rem 0}
.counts span{display:inline-block;margin:.6rem .6rem .6rem 0;padding:.3rem .7rem;border-radius:1rem;font-weight:600}
.valid{background:#dafbe1;color:#116329}.invalid{background:#fff1c2;color:#7d4e00}.error{background:#ffe0e0;color:#a40e26}
.skipped{background:#eaeef2;color:#424a53}
table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border-bottom:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{color:#57606a;text-align:right}td.input{font-family:ui-monospace,monospace;word-break:break-all}
td .st{padding:.1rem .5rem;border-radius:.8rem;font-weight:600;white-space:nowrap}
details summary{cursor:pointer}pre{white-space:pre-wrap;background:#f6f8fa;padding:.6rem;border-radius:.4rem}";

fn html(
    command: &[String],
    rows: &[Row],
    counts: &Counts,
    summary: &str,
    skipped: &[Skipped],
) -> String {
    let lang = crate::i18n::lang();
    // Vietnam time, as the run's language writes it («09:15:02 ngày 02/03/2026»).
    let now = crate::mark::now().map_or_else(|_| String::new(), crate::commands::prose_time);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang.tag(),
        esc(&t!("batch-html-title")),
        esc(&t!("batch-html-title")),
    );
    let _ = writeln!(
        s,
        "<p class=\"meta\">{}: <code>egov {}</code></p>\n<p class=\"meta\">{}: {now} · egov {}</p>",
        esc(&t!("batch-html-command")),
        esc(&command.join(" ")),
        esc(&t!("batch-html-made")),
        env!("CARGO_PKG_VERSION"),
    );
    let _ = writeln!(
        s,
        "<div class=\"counts\" id=\"counts\" data-inputs=\"{}\" data-valid=\"{}\" data-invalid=\"{}\" data-errors=\"{}\" data-skipped=\"{}\"><span class=\"valid\">{} {}</span><span class=\"invalid\">{} {}</span><span class=\"error\">{} {}</span><span class=\"skipped\">{} {}</span></div>",
        counts.inputs,
        counts.valid,
        counts.invalid,
        counts.errors,
        counts.skipped,
        counts.valid,
        esc(&t!("batch-status-valid")),
        counts.invalid,
        esc(&t!("batch-status-invalid")),
        counts.errors,
        esc(&t!("batch-status-error")),
        counts.skipped,
        esc(&t!("batch-status-skipped")),
    );
    let _ = writeln!(s, "<p id=\"summary\">{}</p>", esc(summary));
    let _ = writeln!(
        s,
        "<table id=\"results\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&t!("batch-col-n")),
        esc(&t!("batch-col-status")),
        esc(&t!("batch-col-input")),
        esc(&t!("batch-col-summary")),
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = writeln!(
            s,
            "<tr class=\"row {st}\"><td class=\"n\">{}</td><td><span class=\"st {st}\">{}</span></td><td class=\"input\">{}</td><td><details><summary>{}</summary><pre>{}</pre></details></td></tr>",
            i + 1,
            esc(&status_text(r.exit)),
            esc(&r.input),
            esc(&r.summary),
            esc(&r.human),
            st = r.status,
        );
    }
    s.push_str("</tbody>\n</table>\n");
    if !skipped.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", esc(&t!("batch-status-skipped")));
        for k in skipped {
            let _ = writeln!(
                s,
                "<li class=\"skipped-input\">{} — {}</li>",
                esc(&k.path),
                esc(&k.reason_text())
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}
