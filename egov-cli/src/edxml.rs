//! `egov edxml …`: edXML packages and status messages of the national document axis (QCVN
//! 102:2016; QĐ 28/2018/QĐ-TTg): check one as the receiving system must (Đ9.1), show what it
//! says, extract its attachments. Glue only: every rule lives in `egov-edxml`; this module reads
//! files, names the files it writes, and prints.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use egov_core::{Finding, Outcome, Report, WorkingCalendar};
use egov_docs::registry::InMemoryRegistry;
use egov_edxml::dsig::TrustAnchors;
use egov_edxml::extract::{
    extract, extract_file, ExtractError, ExtractStatus, Extraction, Severity,
};
use egov_edxml::{
    AttachmentSink, CheckOptions, DiscardSink, Location, Message, Organization, Package,
    PayloadSummary, ReadError, ReadOptions, Unwrap, Wrapping,
};
use serde_json::{json, Value};

use crate::commands::outcome_label;
use crate::output::{self, CmdResult};

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
    /// Sign a package (XMLDSig, enveloped; RSA-SHA256 or ECDSA-SHA256; DOC-18).
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
    #[arg(long, value_name = "DIR")]
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
    /// Extra top-level JSON keys (`written` for extract).
    extra: Option<(&'static str, Value)>,
}

impl Unreadable {
    fn from_read(e: &ReadError) -> Self {
        Unreadable {
            code: e.code().to_owned(),
            message: e.to_string(),
            message_vi: e.message_vi(),
            location: e.location(),
            extra: None,
        }
    }

    fn io(code: &str, message: String, message_vi: String) -> Self {
        Unreadable {
            code: code.to_owned(),
            message,
            message_vi,
            location: None,
            extra: None,
        }
    }

    fn answer(self, lang: Lang) -> output::Answer {
        let mut v = json!({ "error": {
            "code": self.code,
            "message": self.message,
            "message_vi": self.message_vi,
            "location": self.location,
        }});
        if let Some((k, extra)) = self.extra {
            v[k] = extra;
        }
        let message = match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message,
        };
        output::Answer {
            exit: 2,
            human: format!("error[{}]: {message}", self.code),
            is_error: true,
            json: v,
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
        EdxmlCommand::Status(a) => return output::answer(crate::edxml_make::status(&a)),
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

fn read_option_file(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure::Cmd(CmdResult::Error {
            code: "io.read".to_owned(),
            message: format!("cannot read {what} {}: {e}", path.display()),
        })
    })
}

fn read_option_text(path: &Path, what: &str) -> Result<String, Failure> {
    String::from_utf8(read_option_file(path, what)?).map_err(|_| {
        Failure::Cmd(CmdResult::Error {
            code: "io.utf8".to_owned(),
            message: format!("{what} {} is not UTF-8", path.display()),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// check

fn check_cmd(a: &CheckArgs) -> Result<CmdResult, Failure> {
    // Option files first: a usage or I/O problem with them is reported before the package.
    let registry = match &a.registry {
        Some(p) => {
            let text = read_option_text(p, "registry file")?;
            let is_json = p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if crate::input::is_toml(p) {
                Some(crate::input::toml_doc(&text, p, "registry.toml")?)
            } else {
                let reg = if is_json {
                    InMemoryRegistry::from_json(&text)
                } else {
                    InMemoryRegistry::from_csv(&text)
                };
                Some(reg.map_err(|e| CmdResult::error(&e))?)
            }
        }
        None => None,
    };
    let calendar = match &a.calendar {
        Some(p) if crate::input::is_toml(p) => Some(crate::input::toml_doc(
            &read_option_text(p, "calendar file")?,
            p,
            "calendar.toml",
        )?),
        Some(p) => Some(
            WorkingCalendar::from_json(&read_option_text(p, "calendar file")?)
                .map_err(|e| CmdResult::error(&e))?,
        ),
        None => None,
    };
    let anchors = match &a.anchors {
        Some(p) => Some(
            TrustAnchors::from_pem(&read_option_file(p, "anchors file")?).map_err(|e| {
                CmdResult::Error {
                    code: "edxml.anchors".to_owned(),
                    message: format!("{}: {e}", p.display()),
                }
            })?,
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

fn org_json(o: &Organization) -> Value {
    json!({ "organ_id": o.organ_id, "organ_name": o.organ_name })
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

fn outcome_vi(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "ĐẠT",
        Outcome::Warning => "LƯU Ý",
        Outcome::Unknown => "CHƯA RÕ",
        Outcome::Fail => "KHÔNG ĐẠT",
    }
}

fn outcome_text(o: Outcome, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => outcome_vi(o),
        Lang::En => outcome_label(o),
    }
}

/// One finding: `[OUTCOME] RULE (basis): message`, then the element path and its line.
fn finding_text(f: &Finding, lang: Lang) -> String {
    let (basis, message) = match lang {
        Lang::Vi => (f.basis.to_string_vi(), &f.message_vi),
        Lang::En => (f.basis.to_string(), &f.message),
    };
    let mut s = format!(
        "[{}] {} ({basis}): {message}",
        outcome_text(f.outcome, lang),
        f.rule
    );
    let mut place = Vec::new();
    if let Some(field) = f.field.as_deref() {
        place.push(field.to_owned());
    }
    if let Some((line, column)) = finding_location(f) {
        place.push(match lang {
            Lang::Vi => format!("dòng {line}, cột {column}"),
            Lang::En => format!("line {line}, column {column}"),
        });
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
    let l = |vi, en| lang.pick(vi, en);
    let mut h = String::new();
    h.push_str(&format!(
        "{} {}\n",
        l(
            "Kiểm tra gói tin edXML (QĐ 28/2018/QĐ-TTg Điều 9 khoản 1):",
            "edXML package check (QĐ 28/2018/QĐ-TTg Đ9.1):"
        ),
        display(file)
    ));
    let mut row = |label: &str, value: &str| {
        h.push_str(&format!("  {label:<16} {value}\n"));
    };
    let (from, to, document_id, subject, status_code, attachments);
    match &package.message {
        Message::Edoc(e) => {
            let hd = &e.header;
            row(
                l("Loại:", "Kind:"),
                l("edoc (văn bản điện tử)", "edoc (e-document)"),
            );
            from = hd.from.as_ref().map(org_json);
            to = hd.to.iter().map(org_json).collect::<Vec<_>>();
            row(
                l("Gửi → Nhận:", "From → To:"),
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
                l("Loại:", "Kind:"),
                l(
                    "status (thông điệp trạng thái xử lý)",
                    "status (processing status message)",
                ),
            );
            from = s.from.as_ref().map(org_json);
            let target = s.response_for.as_ref().and_then(|r| r.organ_id.clone());
            to = target
                .iter()
                .map(|id| json!({ "organ_id": id, "organ_name": null }))
                .collect();
            row(
                l("Gửi → Nhận:", "From → To:"),
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
                l("Trạng thái:", "Status:"),
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
        l("Mã văn bản:", "DocumentId:"),
        document_id.as_deref().unwrap_or("—"),
    );
    if let Some(s) = &subject {
        row(l("Trích yếu:", "Subject:"), s);
    }
    row("SHA-256:", &package.sha256);
    row(
        l("Kích thước:", "Size:"),
        &format!("{} byte{}", package.bytes, l("", "s")),
    );
    row(l("Tệp đính kèm:", "Attachments:"), &attachments.to_string());
    row(
        l("Chữ ký số:", "Signature:"),
        if verified {
            l(
                "đã xác minh XMLDSig (xem DOC-18)",
                "XMLDSig verified (see DOC-18)",
            )
        } else {
            l(
                "không xác minh (xem DOC-14, DOC-18)",
                "not verified (see DOC-14, DOC-18)",
            )
        },
    );
    for f in &report.findings {
        h.push('\n');
        h.push_str(&finding_text(f, lang));
    }
    let compliant = fail == 0;
    h.push_str(&match lang {
        Lang::Vi => format!(
            "\n\nKết quả: {} — {fail} không đạt, {warning} lưu ý, {unknown} chưa rõ, {pass} đạt ({} kết quả)",
            outcome_vi(report.overall()),
            report.findings.len()
        ),
        Lang::En => format!(
            "\n\nResult: {} — {fail} fail, {warning} warning, {unknown} unknown, {pass} pass ({} findings)",
            outcome_label(report.overall()),
            report.findings.len()
        ),
    });
    let json = json!({
        "file": display(file),
        "kind": package.message.kind(),
        "layout": package.layout,
        "bytes": package.bytes,
        "sha256": package.sha256,
        "from": from,
        "to": to,
        "document_id": document_id,
        "subject": subject,
        "status_code": status_code,
        "attachments": attachments,
        "signature_verified": verified,
        "overall": report.overall(),
        "compliant": compliant,
        "counts": {
            "pass": pass, "warning": warning, "unknown": unknown, "fail": fail,
            "total": report.findings.len(),
        },
        "findings": report.findings,
    });
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
    let json = serde_json::to_value(&package).unwrap_or_else(|e| json!({ "error": e.to_string() }));
    Ok(CmdResult::Valid { human, json })
}

/// Text lines with labels, indented.
struct Text {
    lang: Lang,
    s: String,
}

impl Text {
    fn heading(&mut self, vi: &str, en: &str) {
        if !self.s.is_empty() {
            self.s.push('\n');
        }
        self.s.push_str(self.lang.pick(vi, en));
        self.s.push('\n');
    }

    fn line(&mut self, indent: usize, text: &str) {
        self.s.push_str(&" ".repeat(indent));
        self.s.push_str(text);
        self.s.push('\n');
    }

    /// `label: value` when the element was present (empty: «(trống)»).
    fn field(&mut self, indent: usize, vi: &str, en: &str, value: Option<&str>) {
        if let Some(v) = value {
            let v = if v.is_empty() {
                self.lang.pick("(trống)", "(empty)")
            } else {
                v
            };
            let label = self.lang.pick(vi, en);
            self.line(indent, &format!("{label}: {v}"));
        }
    }

    fn org(&mut self, indent: usize, o: &Organization) {
        self.field(
            indent,
            "Mã định danh (OrganId)",
            "OrganId",
            o.organ_id.as_deref(),
        );
        self.field(indent, "Tên cơ quan", "OrganName", o.organ_name.as_deref());
        self.field(
            indent,
            "Đơn vị phụ trách",
            "OrganizationInCharge",
            o.organization_in_charge.as_deref(),
        );
        self.field(indent, "Địa chỉ", "OrganAdd", o.organ_add.as_deref());
        self.field(indent, "Thư điện tử", "Email", o.email.as_deref());
        self.field(indent, "Điện thoại", "Telephone", o.telephone.as_deref());
        self.field(indent, "Fax", "Fax", o.fax.as_deref());
        self.field(indent, "Trang web", "Website", o.website.as_deref());
    }

    fn response_for(&mut self, indent: usize, r: &egov_edxml::ResponseFor) {
        self.field(
            indent,
            "Cơ quan (OrganId)",
            "OrganId",
            r.organ_id.as_deref(),
        );
        self.field(indent, "Số, ký hiệu", "Code", r.code.as_deref());
        self.field(
            indent,
            "Ngày ban hành",
            "PromulgationDate",
            r.promulgation_date.as_deref(),
        );
        self.field(indent, "Mã văn bản", "DocumentId", r.document_id.as_deref());
    }

    fn staff(&mut self, indent: usize, s: &egov_edxml::StaffInfo) {
        self.field(indent, "Phòng, ban", "Department", s.department.as_deref());
        self.field(indent, "Cán bộ", "Staff", s.staff.as_deref());
        self.field(indent, "Thư điện tử", "Email", s.email.as_deref());
        self.field(indent, "Di động", "Mobile", s.mobile.as_deref());
    }
}

fn wrapping_text(w: &Wrapping, lang: Lang) -> String {
    let l = |vi, en| lang.pick(vi, en);
    match w {
        Wrapping::Raw => l("không bọc", "raw").to_owned(),
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
                    Some(true) => l("CRC khớp", "CRC ok"),
                    Some(false) => l("CRC KHÔNG khớp", "CRC MISMATCH"),
                    None => l("không có CRC để so", "no CRC to compare"),
                }
                .to_owned(),
            );
            if *more_entries {
                parts.push(l("còn mục khác", "more entries").to_owned());
            }
            if !complete {
                parts.push(l("bản ghi kết thúc không đủ", "end record incomplete").to_owned());
            }
            if let Some(e) = error {
                let e = match lang {
                    Lang::Vi => error_vi.as_ref().unwrap_or(e),
                    Lang::En => e,
                };
                parts.push(format!("{}: {e}", l("lỗi", "error")));
            }
            parts.join(", ")
        }
        Wrapping::ZipUnreadable { reason, reason_vi } => format!(
            "{}: {}",
            l(
                "dạng ZIP nhưng không lấy được mục",
                "ZIP signature, entry not taken out"
            ),
            match lang {
                Lang::Vi if !reason_vi.is_empty() => reason_vi,
                _ => reason,
            }
        ),
    }
}

fn payload_text(p: &PayloadSummary, lang: Lang) -> String {
    let l = |vi, en| lang.pick(vi, en);
    let mut s = format!(
        "{} byte{}, {}, {}, SHA-256 {}",
        p.content_bytes,
        l("", "s"),
        p.content_kind.as_str(),
        wrapping_text(&p.wrapping, lang),
        p.content_sha256
    );
    if let Some(e) = &p.base64_error {
        let e = match lang {
            Lang::Vi => p.base64_error_vi.as_ref().unwrap_or(e),
            Lang::En => e,
        };
        s.push_str(&format!(
            "; {}: {e}",
            l("base64 không hợp lệ", "base64 error")
        ));
    }
    if p.text_reencoded() {
        s.push_str(&format!(
            "; {} U+FFFD ({})",
            p.replacement_chars,
            l(
                "dữ liệu nhị phân bị mã hóa lại như văn bản",
                "binary data re-encoded as text"
            )
        ));
    }
    s
}

fn show_text(file: &Path, package: &Package, lang: Lang) -> String {
    let l = |vi, en| lang.pick(vi, en);
    let mut t = Text {
        lang,
        s: String::new(),
    };
    t.line(
        0,
        &format!(
            "{} {} ({}, {})",
            l("Gói tin edXML:", "edXML package:"),
            display(file),
            package.message.kind(),
            serde_json::to_value(package.layout)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
    );
    t.line(
        2,
        &format!(
            "{}: {} byte{}, SHA-256 {}",
            l("Tệp", "File"),
            package.bytes,
            l("", "s"),
            package.sha256
        ),
    );
    t.line(
        2,
        &format!(
            "{}: CRLF {}, LF {}",
            l("Xuống dòng", "Line breaks"),
            package.line_breaks.0,
            package.line_breaks.1
        ),
    );
    match &package.message {
        Message::Edoc(e) => show_edoc(&mut t, e),
        Message::Status(s) => {
            t.heading(
                "Thông điệp trạng thái (MessageHeader)",
                "Status message (MessageHeader)",
            );
            if let Some(f) = &s.from {
                t.line(2, l("Nơi gửi (From):", "From:"));
                t.org(4, f);
            }
            if let Some(r) = &s.response_for {
                t.line(2, l("Văn bản được báo cáo (ResponseFor):", "ResponseFor:"));
                t.response_for(4, r);
            }
            if let Some(st) = &s.staff_info {
                t.line(2, l("Cán bộ xử lý (StaffInfo):", "StaffInfo:"));
                t.staff(4, st);
            }
            t.field(2, "Mã trạng thái", "StatusCode", s.status_code.as_deref());
            t.field(2, "Mô tả", "Description", s.description.as_deref());
            t.field(2, "Thời điểm", "Timestamp", s.timestamp.as_deref());
        }
    }
    t.heading(
        "Sai khác so với bố cục chuẩn (hồ sơ chặt)",
        "Layout departures (strict profile)",
    );
    if package.deviations.is_empty() {
        t.line(2, l("không có", "none"));
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
    let l = |vi, en| lang.pick(vi, en);
    let h = &e.header;
    t.heading("Văn bản (MessageHeader)", "Document (MessageHeader)");
    if let Some(f) = &h.from {
        t.line(2, l("Nơi gửi (From):", "From:"));
        t.org(4, f);
    }
    for (i, to) in h.to.iter().enumerate() {
        t.line(2, &format!("{} {}:", l("Nơi nhận (To)", "To"), i + 1));
        t.org(4, to);
    }
    t.field(2, "Mã văn bản", "DocumentId", h.document_id.as_deref());
    if let Some(c) = &h.code {
        t.field(2, "Số", "CodeNumber", c.number.as_deref());
        t.field(2, "Ký hiệu", "CodeNotation", c.notation.as_deref());
    }
    if let Some(p) = &h.promulgation_info {
        t.field(2, "Nơi ban hành", "Place", p.place.as_deref());
        t.field(2, "Ngày ban hành", "PromulgationDate", p.date.as_deref());
    }
    if let Some(d) = &h.document_type {
        t.field(2, "Loại văn bản (mã)", "Type", d.type_code.as_deref());
        t.field(
            2,
            "Loại văn bản (chi tiết)",
            "TypeDetail",
            d.type_detail.as_deref(),
        );
        t.field(2, "Tên loại văn bản", "TypeName", d.type_name.as_deref());
    }
    t.field(2, "Trích yếu", "Subject", h.subject.as_deref());
    t.field(2, "Nội dung", "Content", h.content.as_deref());
    if let Some(s) = &h.signer_info {
        t.field(2, "Thẩm quyền ký", "Competence", s.competence.as_deref());
        t.field(2, "Chức vụ người ký", "Position", s.position.as_deref());
        t.field(2, "Người ký", "FullName", s.full_name.as_deref());
    }
    t.field(2, "Hạn xử lý", "DueDate", h.due_date.as_deref());
    if let Some(o) = &h.other_info {
        t.field(2, "Độ khẩn (Priority)", "Priority", o.priority.as_deref());
        t.field(
            2,
            "Lĩnh vực ban hành",
            "SphereOfPromulgation",
            o.sphere_of_promulgation.as_deref(),
        );
        t.field(
            2,
            "Ký hiệu người đánh máy",
            "TyperNotation",
            o.typer_notation.as_deref(),
        );
        t.field(
            2,
            "Số bản phát hành",
            "PromulgationAmount",
            o.promulgation_amount.as_deref(),
        );
        t.field(2, "Số trang", "PageAmount", o.page_amount.as_deref());
        t.field(
            2,
            "Chỉ đạo (Direction)",
            "Direction",
            o.direction.as_deref(),
        );
        if let Some(a) = &o.appendixes {
            t.field(2, "Phụ lục", "Appendixes", Some(&a.join("; ")));
        }
    }
    for (i, r) in h.response_for.iter().enumerate() {
        t.line(
            2,
            &format!(
                "{} {}:",
                l("Trả lời văn bản (ResponseFor)", "ResponseFor"),
                i + 1
            ),
        );
        t.response_for(4, r);
    }
    t.field(
        2,
        "Loại chỉ đạo",
        "SteeringType",
        h.steering_type.as_deref(),
    );
    if let Some(p) = &h.to_places {
        t.field(2, "Nơi nhận để biết", "ToPlaces", Some(&p.join("; ")));
    }

    if let Some(tr) = &e.trace {
        t.heading("Vết xử lý (TraceHeaderList)", "Trace (TraceHeaderList)");
        if tr.trace_headers.is_empty() {
            t.line(2, l("không có TraceHeader", "no TraceHeader"));
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
            t.line(2, l("Nghiệp vụ (Bussiness):", "Business (Bussiness):"));
            t.field(
                4,
                "Loại nghiệp vụ (0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế)",
                "BussinessDocType (0 new, 1 revocation, 2 update, 3 replacement)",
                b.doc_type.as_deref(),
            );
            t.field(4, "Mã văn bản", "DocumentId", b.document_id.as_deref());
            t.field(4, "Lý do", "BussinessDocReason", b.reason.as_deref());
            t.field(4, "Bản giấy (Paper)", "Paper", b.paper.as_deref());
            if let Some(d) = &b.document_info {
                t.field(
                    4,
                    "Thay đổi thông tin văn bản",
                    "DocumentInfo",
                    d.document_info.as_deref(),
                );
                t.field(
                    4,
                    "Thay đổi nơi nhận",
                    "DocumentReceiver",
                    d.document_receiver.as_deref(),
                );
                for r in d.receivers.iter().flatten() {
                    t.line(
                        6,
                        &format!(
                            "{} ({}: {})",
                            r.organ_id.as_deref().unwrap_or("—"),
                            l("ReceiverType", "ReceiverType"),
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
                        l("Thay thế", "Replacement"),
                        r.document_id.as_deref().unwrap_or("—"),
                        r.organ_ids.join(", ")
                    ),
                );
            }
            if let Some(s) = &b.staff_info {
                t.line(4, l("Cán bộ xử lý (StaffInfo):", "StaffInfo:"));
                t.staff(6, s);
            }
        }
    }

    t.heading(
        "Chữ ký (như được ghi, chưa xác minh)",
        "Signature (as written, not verified)",
    );
    match &e.signature {
        None => t.line(2, l("không có", "none")),
        Some(s) => {
            t.field(2, "Không gian tên", "Namespace", s.namespace.as_deref());
            t.field(
                2,
                "Chuẩn hóa",
                "CanonicalizationMethod",
                s.canonicalization.as_deref(),
            );
            t.field(
                2,
                "Thuật toán ký",
                "SignatureMethod",
                s.signature_method.as_deref(),
            );
            for r in &s.references {
                t.line(
                    2,
                    &format!(
                        "Reference URI={:?}: {} {}, DigestValue {}",
                        r.uri.as_deref().unwrap_or(""),
                        l("biến đổi", "transforms"),
                        r.transforms.join(", "),
                        r.digest_value.as_deref().unwrap_or("—")
                    ),
                );
                t.field(
                    4,
                    "DigestMethod",
                    "DigestMethod",
                    r.digest_method.as_deref(),
                );
            }
            t.field(
                2,
                "Chủ thể chứng thư",
                "X509SubjectName",
                s.subject_name.as_deref(),
            );
            t.line(
                2,
                &format!(
                    "{}: {}",
                    l("Số chứng thư (X509Certificate)", "X509Certificate count"),
                    s.certificates.len()
                ),
            );
        }
    }

    t.heading("Danh mục (edXMLManifest)", "Manifest (edXMLManifest)");
    match &e.manifest {
        None => t.line(2, l("không có", "none")),
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

    t.heading("Tệp đính kèm", "Attachments");
    if e.attachments.is_empty() {
        t.line(2, l("không có", "none"));
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
        t.field(4, "Mô tả", "Description", a.description.as_deref());
        match &a.payload {
            Some(p) => t.line(4, &payload_text(p, lang)),
            None => t.line(4, l("không có nội dung", "no content")),
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
                let written: Vec<Value> = e
                    .written()
                    .iter()
                    .map(|w| {
                        json!({
                            "path": w.path.display().to_string(),
                            "bytes": w.bytes,
                            "complete": w.summary.is_some(),
                        })
                    })
                    .collect();
                u.extra = Some(("written", Value::Array(written)));
            }
            Err(Failure::unreadable(u))
        }
    }
}

fn extract_result(a: &ExtractArgs, x: &Extraction) -> CmdResult {
    let lang = crate::i18n::lang();
    let l = |vi, en| lang.pick(vi, en);
    let package = &x.package;
    let mut h = format!(
        "{} {} → {}{}\n",
        l("Tách tệp đính kèm:", "Extracting attachments:"),
        display(&a.file),
        a.out.display(),
        if a.raw {
            l(" (giữ nguyên lớp bọc ZIP)", " (ZIP wrapper kept)")
        } else {
            ""
        }
    );
    let mut items = Vec::new();
    for w in &x.attachments {
        let probs = w.problems();
        let (kind, sha) = w.summary.as_ref().map_or(("—", "—"), |s| {
            (s.content_kind.as_str(), s.content_sha256.as_str())
        });
        h.push_str(&format!(
            "[{}] {} — {} byte{}, {kind}, SHA-256 {sha}{}\n",
            w.index + 1,
            w.path.display(),
            w.bytes,
            l("", "s"),
            match w.status() {
                ExtractStatus::Damaged => l(" — HỎNG", " — DAMAGED"),
                _ => "",
            }
        ));
        if w.renamed() {
            h.push_str(&format!(
                "    {}: {}\n",
                l("tên trong gói tin", "name in the package"),
                w.meta.name.as_deref().map_or_else(
                    || l("(không có)", "(none)").to_owned(),
                    |n| format!("{n:?}")
                )
            ));
        }
        for p in &probs {
            h.push_str(&format!(
                "    {} [{}] {}\n",
                match p.severity {
                    Severity::Damaged => l("HỎNG", "DAMAGED"),
                    Severity::Warning => l("LƯU Ý", "WARNING"),
                },
                p.code,
                match lang {
                    Lang::Vi => &p.message_vi,
                    Lang::En => &p.message,
                }
            ));
        }
        items.push(serde_json::to_value(w).unwrap_or(Value::Null));
    }
    // Attachments whose element carries no content: nothing was written for them.
    let empty = x.without_content();
    for e in &empty {
        h.push_str(&format!(
            "[—] {} — {}\n",
            e.attachment_name.as_deref().unwrap_or("—"),
            l(
                "KHÔNG GHI: phần tử không có nội dung (ContentTransferEncoded)",
                "NOT WRITTEN: the element carries no content (ContentTransferEncoded)"
            )
        ));
        items.push(json!({
            "index": null,
            "attachment_name": e.attachment_name,
            "content_id": e.content_id,
            "content_type": e.content_type,
            "file_name": null,
            "path": null,
            "renamed": false,
            "written_bytes": 0,
            "content_bytes": null,
            "content_kind": null,
            "content_sha256": null,
            "wrapping": null,
            "status": "no_content",
            "problems": [{
                "severity": "damaged",
                "code": "no_content",
                "message": "the attachment element carries no content (no ContentTransferEncoded)",
                "message_vi": "phần tử tệp đính kèm không có nội dung (không có ContentTransferEncoded)",
            }],
            "payload": null,
        }));
    }
    let (whole, warned, damaged) = x.counts();
    let written = x.attachments.len();
    let total = written + empty.len();
    h.push_str(&match lang {
        Lang::Vi => format!(
            "\nVào {}: đã ghi {written} trên {total} tệp đính kèm; {whole} nguyên vẹn, {warned} có lưu ý, {damaged} hỏng, {} không ghi được",
            a.out.display(),
            empty.len()
        ),
        Lang::En => format!(
            "\nInto {}: {written} of {total} attachment(s) written; {whole} whole, {warned} with warnings, {damaged} damaged, {} not written",
            a.out.display(),
            empty.len()
        ),
    });
    let json = json!({
        "file": display(&a.file),
        "kind": package.message.kind(),
        "bytes": package.bytes,
        "sha256": package.sha256,
        "out_dir": a.out.display().to_string(),
        "unwrap": if a.raw { "never" } else { "auto" },
        "attachments": items,
        "counts": {
            "attachments": total,
            "written": written,
            "whole": whole,
            "with_warnings": warned,
            "damaged": damaged,
            "not_written": empty.len(),
        },
    });
    if x.is_complete() {
        CmdResult::Valid { human: h, json }
    } else {
        CmdResult::Invalid { human: h, json }
    }
}
