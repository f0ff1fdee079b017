//! `egov edxml build|status|sign|verify`: making packages and status messages, signing and
//! verifying them. Presentation only: every rule is egov-edxml's (DOC-05 layout, DOC-18
//! signatures, DOC-29/30 status messages).

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use egov_core::VnDateTime;
use egov_edxml::dsig::{
    self, DigestAlgorithm, SignOptions, SignatureAlgorithm, TrustAnchors, VerifyOptions,
};
use egov_edxml::{
    build_status, write_edoc, AttachmentSource, BuildOptions, LineEnding, Message, Organization,
    ResponseFor, StaffInfo, StatusMessage, Wrap,
};
use serde_json::{json, Value};

use crate::files::io_detail;
use crate::i18n::t;
use crate::mark::finding_line;
use crate::output::CmdResult;
use crate::schema_types::edxml::{
    BuiltAttachment, EdxmlBuildOutput, EdxmlSignOutput, EdxmlStatusOutput, EdxmlVerifyOutput,
    PackageKind,
};
use crate::schema_types::to_json;
use crate::signing_key::{signer, KeyArgs};

/// `egov edxml build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The description: a JSON or TOML file (by extension; JSON otherwise) of an `edoc` or
    /// `status` message as `egov edxml show --json` prints its `message`, where each attachment
    /// may name its content with `"file": "PATH"` (relative to the description).
    description: PathBuf,
    /// Where to write the package.
    #[arg(short = 'o', long, value_name = "FILE")]
    out: PathBuf,
    /// Attachment content files, in the order of the description's attachments (instead of
    /// `"file"` keys); an attachment list may also be built from these alone.
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// Line ends: CRLF (the VNPT builder's, default) or LF.
    #[arg(long, value_enum, default_value_t = Eol::Crlf)]
    eol: Eol,
    /// Carry attachments as they are instead of zipping them as the VNPT JAR does.
    #[arg(long)]
    raw: bool,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

/// Line ends.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Eol {
    /// `\r\n`.
    Crlf,
    /// `\n`.
    Lf,
}

/// `egov edxml status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The package answered (its From, Code, PromulgationDate and DocumentId fill ResponseFor).
    package: PathBuf,
    /// The status code: 01 đã đến, 02 từ chối, 03 tiếp nhận, 04 phân công, 05 đang xử lý,
    /// 06 hoàn thành, 13 lấy lại (from the sender), 15/16 đồng ý/từ chối lấy lại; or the
    /// code's name («từ chối tiếp nhận», `refused`), or the status it announces (`accepted`).
    #[arg(long)]
    code: String,
    /// The agency reporting (default: the package's first To; for 13, its From).
    #[arg(long, value_name = "ORGAN_ID")]
    from: Option<String>,
    /// Its name.
    #[arg(long)]
    from_name: Option<String>,
    /// The description: required for 02 (the reason of the refusal, Đ5.4); default the
    /// code's standard wording. Also `--reason`, as `egov status apply` calls it.
    #[arg(long, visible_alias = "reason")]
    description: Option<String>,
    /// The clerk: department.
    #[arg(long)]
    department: Option<String>,
    /// The clerk: name.
    #[arg(long)]
    staff: Option<String>,
    /// When (ISO 8601; default now).
    #[arg(long)]
    at: Option<String>,
    /// Where to write the status message.
    #[arg(short = 'o', long, value_name = "FILE")]
    out: PathBuf,
    /// Line ends.
    #[arg(long, value_enum, default_value_t = Eol::Crlf)]
    eol: Eol,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

/// `egov edxml sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The package to sign.
    package: PathBuf,
    /// The signer's key: a PKCS#12 file, a PEM key with its chain, or a PKCS#11 token. RSA
    /// keys sign RSA-SHA256, EC keys ECDSA with their curve's hash.
    #[command(flatten)]
    key: KeyArgs,
    /// Sign RSA-SHA1 with SHA-1 digests, for a receiver that accepts nothing else (legacy,
    /// weak; `egov edxml verify` warns of it). Only with a key on a token (--pkcs11-module):
    /// egov's in-memory keys never sign with SHA-1.
    #[arg(long, requires = "pkcs11_module")]
    legacy_rsa_sha1: bool,
    /// Canonicalisation: exclusive (default) or inclusive C14N 1.0.
    #[arg(long, value_enum, default_value_t = C14nChoice::Exclusive)]
    c14n: C14nChoice,
    /// Where to write the signed package.
    #[arg(short = 'o', long, value_name = "FILE")]
    out: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

/// Canonicalisation choice.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum C14nChoice {
    /// Exclusive C14N 1.0.
    Exclusive,
    /// Inclusive C14N 1.0.
    Inclusive,
}

/// `egov edxml verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signed package.
    package: PathBuf,
    /// Trust anchors (PEM root certificates, the caller's to obtain from the issuing
    /// authority); without them the signature is verified but the issuer is not.
    #[arg(long, value_name = "ROOTS.pem")]
    anchors: Option<PathBuf>,
    /// The time certificates must be valid at (ISO 8601; default the package's signing time).
    #[arg(long)]
    at: Option<String>,
}

fn io_error(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

/// A file `egov edxml build|status|sign|verify` reads (its name in messages).
#[derive(Clone, Copy)]
enum What {
    Description,
    Package,
    Anchors,
}

fn read_file(path: &Path, what: What) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| {
        let what = match what {
            What::Description => t!("edxml-make-description"),
            What::Package => t!("edxml-make-package"),
            What::Anchors => t!("edxml-make-anchors"),
        };
        io_error(
            "io.read",
            t!(
                "edxml-make-cannot-read",
                what = what,
                path = path.display().to_string(),
                reason = io_detail(&e)
            ),
        )
    })
}

fn write_error(path: &Path, reason: String) -> CmdResult {
    io_error(
        "io.write",
        t!(
            "edxml-make-cannot-write",
            path = path.display().to_string(),
            reason = reason
        ),
    )
}

/// Writes `bytes` to `path` (never over an existing file unless `force`).
/// An output file written through a temporary file beside it (tempfile): the file appears
/// whole when everything was written, or not at all, and an existing file is replaced only
/// with `--force` (never half-written, never an empty file left by an error).
struct Output {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    force: bool,
}

fn exists_error(path: &Path) -> CmdResult {
    io_error(
        "io.exists",
        t!("edxml-make-exists", path = path.display().to_string()),
    )
}

fn create(path: &Path, force: bool) -> Result<Output, CmdResult> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(exists_error(path));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".egov-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| write_error(path, io_detail(&e)))?;
    Ok(Output {
        tmp,
        path: path.to_path_buf(),
        force,
    })
}

impl Output {
    /// A buffered writer into the temporary file.
    fn writer(&mut self) -> BufWriter<&mut File> {
        BufWriter::with_capacity(64 << 10, self.tmp.as_file_mut())
    }

    /// Puts the file in place (dropping an `Output` instead removes the temporary file).
    fn persist(self) -> Result<(), CmdResult> {
        let path = self.path;
        let write_error = |e: &std::io::Error| write_error(&path, io_detail(e));
        self.tmp.as_file().sync_all().map_err(|e| write_error(&e))?;
        if self.force {
            self.tmp
                .persist(&path)
                .map(drop)
                .map_err(|e| write_error(&e.error))
        } else {
            match self.tmp.persist_noclobber(&path) {
                Ok(_) => Ok(()),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(exists_error(&path))
                }
                Err(e) => Err(write_error(&e.error)),
            }
        }
    }
}

fn write_all(path: &Path, bytes: &[u8], force: bool) -> Result<(), CmdResult> {
    let mut out = create(path, force)?;
    {
        let mut w = out.writer();
        w.write_all(bytes)
            .and_then(|()| w.flush())
            .map_err(|e| write_error(path, io_detail(&e)))?;
    }
    out.persist()
}

fn line_ending(e: Eol) -> LineEnding {
    match e {
        Eol::Crlf => LineEnding::Crlf,
        Eol::Lf => LineEnding::Lf,
    }
}

fn now() -> VnDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    VnDateTime::from_unix_seconds(secs)
        .unwrap_or_else(|_| VnDateTime::from_utc(chrono::DateTime::UNIX_EPOCH))
}

fn media_type(name: &str) -> &'static str {
    match name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xls") => "application/vnd.ms-excel",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("txt") => "text/plain",
        Some("xml") | Some("edxml") => "application/xml",
        Some("png") => "image/png",
        Some("jpg") | Some("jpeg") => "image/jpeg",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

/// `egov edxml build`.
pub fn build(a: &BuildArgs) -> CmdResult {
    match build_inner(a) {
        Ok(r) | Err(r) => r,
    }
}

fn build_inner(a: &BuildArgs) -> Result<CmdResult, CmdResult> {
    let text = String::from_utf8(read_file(&a.description, What::Description)?).map_err(|_| {
        io_error(
            "io.utf8",
            t!(
                "edxml-make-not-utf8",
                path = a.description.display().to_string()
            ),
        )
    })?;
    let is_toml = a
        .description
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let mut value: Value = if is_toml {
        crate::input::toml_dates_as_text(&text).map_err(|e| CmdResult::Error {
            code: "edxml.build.description".into(),
            message: t!(
                "edxml-make-not-toml",
                path = a.description.display().to_string(),
                detail = e.message().to_owned()
            ),
        })?
    } else {
        serde_json::from_str(&text).map_err(|e| CmdResult::Error {
            code: "edxml.build.description".into(),
            message: t!(
                "edxml-make-not-json",
                path = a.description.display().to_string(),
                line = e.line(),
                column = e.column()
            ),
        })?
    };
    if value.get("kind").is_none() {
        value["kind"] = json!("edoc");
    }
    // Attachment files: `"file"` keys (relative to the description), else --attach in order.
    let base = a
        .description
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut files: Vec<PathBuf> = Vec::new();
    if value["kind"] == "edoc" {
        let list = value.get_mut("attachments").and_then(Value::as_array_mut);
        match list {
            Some(list) => {
                for (i, att) in list.iter_mut().enumerate() {
                    if let Some(f) = att.as_object_mut().and_then(|o| o.remove("file")) {
                        let f =
                            f.as_str()
                                .map(|s| base.join(s))
                                .ok_or_else(|| CmdResult::Error {
                                    code: "edxml.build.description".into(),
                                    message: t!("edxml-make-file-not-path", index = i),
                                })?;
                        files.push(f);
                    } else if let Some(f) = a.attach.get(i) {
                        files.push(f.clone());
                    }
                }
            }
            None if !a.attach.is_empty() => {
                // Attachments from the files alone.
                let list: Vec<Value> = a
                    .attach
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        json!({ "content_id": format!("cid:{}", i + 1), "attachment_name": name, "content_type": media_type(&name) })
                    })
                    .collect();
                value["attachments"] = Value::Array(list);
                files.clone_from(&a.attach);
            }
            None => {}
        }
    }
    let mut message: Message = serde_json::from_value(value).map_err(|e| {
        CmdResult::not_parsed(
            "edxml.build.description",
            a.description.display(),
            ["mô tả gói tin", "a package description"],
            e,
        )
    })?;
    // A description is written by a person: its dates in any form egov reads, the package's
    // in edXML's own (each rewrite said, and listed in the JSON answer).
    let dates_rewritten = egov_edxml::dates::write_dates_in_qcvn_form(&mut message)
        .map_err(|e| CmdResult::error_at(a.description.display(), &e))?;
    let options = BuildOptions {
        line_ending: line_ending(a.eol),
    };
    let mut out = create(&a.out, a.force)?;
    let mut w = out.writer();
    let summary = match &message {
        Message::Edoc(e) => {
            if files.len() != e.attachments.len() {
                return Err(CmdResult::Error {
                    code: "usage.attachments".into(),
                    message: t!(
                        "edxml-make-attachment-count",
                        attachments = e.attachments.len(),
                        files = files.len()
                    ),
                });
            }
            let mut sources = Vec::new();
            for f in &files {
                let file = File::open(f).map_err(|err| {
                    io_error(
                        "io.read",
                        t!(
                            "edxml-make-cannot-read-attachment",
                            path = f.display().to_string(),
                            reason = io_detail(&err)
                        ),
                    )
                })?;
                let wrap = if a.raw { Wrap::Raw } else { Wrap::default() };
                sources.push(AttachmentSource::reader(BufReader::new(file), wrap));
            }
            write_edoc(&mut w, e, sources, &options)
        }
        Message::Status(s) => egov_edxml::write_status(&mut w, s, &options),
    }
    .map_err(|e| CmdResult::error(&e))?;
    w.flush().map_err(|e| write_error(&a.out, io_detail(&e)))?;
    drop(w);
    out.persist()?;
    for r in &dates_rewritten {
        crate::output::err(&t!(
            "edxml-make-date-rewritten",
            element = r.element.as_str(),
            given = r.given.as_str(),
            written = r.written.as_str()
        ));
    }
    let human = t!(
        "edxml-make-built",
        path = a.out.display().to_string(),
        kind = message.kind(),
        bytes = crate::i18n::count(summary.bytes),
        sha256 = &summary.sha256,
        attachments = summary.attachments.len()
    );
    Ok(CmdResult::Valid {
        human,
        json: to_json(&EdxmlBuildOutput {
            out: a.out.display().to_string(),
            kind: PackageKind::of(&message),
            bytes: summary.bytes,
            sha256: summary.sha256.clone(),
            attachments: summary
                .attachments
                .iter()
                .map(|(n, h)| BuiltAttachment {
                    bytes: *n,
                    sha256: h.clone(),
                })
                .collect(),
            dates_rewritten,
        })?,
    })
}

/// `egov edxml status`: the answer, or why the package it answers cannot be read (printed as
/// `egov edxml check` and `show` print it, exit 2).
pub fn status(a: &StatusArgs) -> Result<CmdResult, egov_edxml::ReadError> {
    let bytes = match read_file(&a.package, What::Package) {
        Ok(b) => b,
        Err(r) => return Ok(r),
    };
    let package = egov_edxml::read_bytes(&bytes)?;
    Ok(match status_of(a, &package) {
        Ok(r) | Err(r) => r,
    })
}

fn status_of(a: &StatusArgs, package: &egov_edxml::Package) -> Result<CmdResult, CmdResult> {
    let edoc = package.edoc().ok_or_else(|| CmdResult::Error {
        code: "usage.not_edoc".into(),
        message: t!("edxml-make-not-edoc"),
    })?;
    let code = egov_docs::status::EdxmlStatus::parse(&a.code)
        .map_err(|e| CmdResult::error(&e).with_code("usage.status_code"))?;
    let recall = code == egov_docs::status::EdxmlStatus::RecallRequested;
    if code == egov_docs::status::EdxmlStatus::Rejected
        && a.description.as_deref().is_none_or(|d| d.trim().is_empty())
    {
        return Err(CmdResult::Error {
            code: "usage.reason_required".into(),
            message: t!("edxml-make-reason-required"),
        });
    }
    let h = &edoc.header;
    let default_from = if recall {
        h.from.clone()
    } else {
        h.to.first().cloned()
    };
    let from = match &a.from {
        Some(id) => Organization {
            organ_id: Some(id.clone()),
            organ_name: a.from_name.clone(),
            ..Default::default()
        },
        None => {
            let mut o = default_from.ok_or_else(|| CmdResult::Error {
                code: "usage.from".into(),
                message: t!("edxml-make-no-from"),
            })?;
            if a.from_name.is_some() {
                o.organ_name.clone_from(&a.from_name);
            }
            o
        }
    };
    let at = match &a.at {
        Some(t) => at_arg(t)?,
        None => now(),
    };
    let code_str = h
        .code
        .as_ref()
        .and_then(|c| match (&c.number, &c.notation) {
            (Some(n), Some(s)) => Some(format!("{n}/{s}")),
            _ => None,
        });
    let message = StatusMessage {
        from: Some(from),
        response_for: Some(ResponseFor {
            organ_id: h.from.as_ref().and_then(|f| f.organ_id.clone()),
            code: code_str,
            promulgation_date: h.promulgation_info.as_ref().and_then(|p| p.date.clone()),
            document_id: h.document_id.clone(),
        }),
        staff_info: (a.department.is_some() || a.staff.is_some()).then(|| StaffInfo {
            department: a.department.clone(),
            staff: a.staff.clone(),
            ..Default::default()
        }),
        status_code: Some(code.code().to_owned()),
        description: Some(
            a.description
                .clone()
                .unwrap_or_else(|| code.name_vi().to_owned()),
        ),
        timestamp: Some(egov_edxml::dates::format_timestamp(at)),
    };
    let out = build_status(
        &message,
        &BuildOptions {
            line_ending: line_ending(a.eol),
        },
    )
    .map_err(|e| CmdResult::error(&e))?;
    write_all(&a.out, &out, a.force)?;
    Ok(CmdResult::Valid {
        human: t!(
            "edxml-make-status-built",
            code = code.code(),
            name = crate::i18n::lang().pick(code.name_vi(), code.name_en()),
            document_id = h
                .document_id
                .clone()
                .unwrap_or_else(|| t!("edxml-make-no-document-id")),
            path = a.out.display().to_string(),
            bytes = crate::i18n::count(out.len())
        ),
        json: to_json(&EdxmlStatusOutput {
            out: a.out.display().to_string(),
            bytes: out.len(),
            message,
        })?,
    })
}

/// `egov edxml sign`.
pub fn sign(a: &SignArgs) -> CmdResult {
    match sign_inner(a) {
        Ok(r) | Err(r) => r,
    }
}

fn sign_inner(a: &SignArgs) -> Result<CmdResult, CmdResult> {
    let package = read_file(&a.package, What::Package)?;
    let mut source = a.key.source();
    if a.legacy_rsa_sha1 {
        source.token_algorithm = Some(SignatureAlgorithm::RsaSha1);
    }
    let (signer, key_source) = signer(&source)?;
    let options = SignOptions {
        c14n: match a.c14n {
            C14nChoice::Exclusive => egov_edxml::c14n::EXCLUSIVE.into(),
            C14nChoice::Inclusive => egov_edxml::c14n::INCLUSIVE.into(),
        },
        digest: if a.legacy_rsa_sha1 {
            DigestAlgorithm::Sha1
        } else {
            DigestAlgorithm::Sha256
        },
        legacy_sha1: a.legacy_rsa_sha1,
        ..SignOptions::default()
    };
    let signed =
        dsig::sign(&package, signer.as_ref(), &options).map_err(|e| CmdResult::error(&e))?;
    write_all(&a.out, &signed, a.force)?;
    let alg = signer.algorithm();
    let mut human = t!(
        "edxml-make-signed",
        package = a.package.display().to_string(),
        algorithm = alg.label(),
        path = a.out.display().to_string(),
        bytes = crate::i18n::count(signed.len())
    );
    if a.legacy_rsa_sha1 {
        human.push('\n');
        human.push_str(&t!("edxml-make-legacy-sha1"));
    }
    Ok(CmdResult::Valid {
        human,
        json: to_json(&EdxmlSignOutput {
            out: a.out.display().to_string(),
            bytes: signed.len(),
            algorithm: alg,
            c14n: options.c14n,
            key_source,
        })?,
    })
}

/// `egov edxml verify`.
pub fn verify(a: &VerifyArgs) -> CmdResult {
    match verify_inner(a) {
        Ok(r) | Err(r) => r,
    }
}

fn verify_inner(a: &VerifyArgs) -> Result<CmdResult, CmdResult> {
    let package = read_file(&a.package, What::Package)?;
    let anchors = match &a.anchors {
        Some(p) => TrustAnchors::from_pem(&read_file(p, What::Anchors)?)
            .map_err(|e| CmdResult::error_at(p.display(), &e).with_code("usage.anchors"))?,
        None => TrustAnchors::new(),
    };
    let at = match &a.at {
        Some(t) => Some(at_arg(t)?),
        None => None,
    };
    let v = dsig::verify(
        &package,
        &VerifyOptions {
            anchors,
            at,
            ..VerifyOptions::default()
        },
    );
    let findings = v.findings();
    let mut human = String::new();
    for f in &findings {
        human.push_str(&finding_line(f, true));
        human.push('\n');
    }
    if let Some(s) = &v.signer {
        human.push_str(&t!(
            "edxml-make-signer",
            subject = s.subject.to_string(),
            issuer = s.issuer.to_string(),
            from = crate::commands::prose_iso(&s.not_before),
            until = crate::commands::prose_iso(&s.not_after)
        ));
        human.push('\n');
    }
    let human = human.trim_end().to_owned();
    let valid = v.is_valid();
    let json = to_json(&EdxmlVerifyOutput {
        valid,
        verification: v,
        findings,
    })?;
    Ok(if valid {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

/// The `--at` time of `edxml build|status` (read as every CLI time is, `crate::input::time`); a
/// bad one is a usage error (`usage.at`, exit 2), as it was before times were read leniently.
fn at_arg(t: &str) -> Result<VnDateTime, CmdResult> {
    crate::input::time(t, "--at").map_err(|e| match e {
        CmdResult::Error { message, .. } => CmdResult::Error {
            code: "usage.at".into(),
            message,
        },
        other => other,
    })
}
