//! edXML packages and status messages of the national document axis (QCVN 102:2016;
//! QĐ 28/2018/QĐ-TTg Đ4, Đ6, Đ8–Đ10, Đ14): read, check, build, sign and verify
//! (DOC-05, 08–12, 14, 18, 19/21, 27–30), through `egov-edxml`.
//!
//! Packages are untrusted bytes: at most [`EGOV_MAX_PACKAGE_BYTES`] go in, the crate refuses a
//! DOCTYPE and bounds everything else. Errors carry the crate's stable codes (`edxml.malformed`,
//! `edxml.doctype`, `edxml.limit`, `edxml.not_edxml`, `edxml.build.*`, `dsig.sign.*`).

use egov_core::Report;
use egov_edxml::dsig::{self, DigestAlgorithm, KeyPairSigner, SignOptions, TrustAnchors};
use std::path::Path;

use egov_edxml::extract::extract_file;
use egov_edxml::{
    write_edoc, write_status, AttachmentMeta, AttachmentSink, AttachmentSource, BuildError,
    BuildOptions, CheckOptions, DiscardSink, Limits, LineEnding, Message, Package, PayloadSummary,
    ReadOptions, Unwrap, Wrap,
};

use super::*;

/// The largest edXML package (in bytes) the edXML functions accept, and the largest total of
/// attachment contents a package is built from: 64 MiB (the PVN gateway caps packages at 50 MB;
/// the largest real package seen is 1.4 MB). Larger input is [`EgovResult::InputTooLarge`]
/// before any parsing.
pub const EGOV_MAX_PACKAGE_BYTES: usize = 64 * 1024 * 1024;

/// A package (or attachment content): at most [`EGOV_MAX_PACKAGE_BYTES`].
pub(crate) fn check_package_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_PACKAGE_BYTES)
}

fn parse_options<T: DeserializeOwned + Default>(options: Option<&str>) -> OpResult<T> {
    match options {
        Some(o) => from_json("options", o),
        None => Ok(T::default()),
    }
}

/// Options of [`edxml_read`] as JSON, every member optional: `{"unwrap": "auto" | "never",
/// "limits": {"max_depth", "max_elements", "max_attributes", "max_markup_bytes",
/// "max_text_bytes", "max_attachments", "max_input_bytes"}}` (the crate's `ReadOptions`).
#[derive(Debug, Clone, Copy, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdxmlReadOptions {
    /// Size and count bounds (default: the crate's).
    pub limits: Limits,
    /// Whether the VNPT ZIP wrapper is taken off attachments (default `auto`).
    pub unwrap: Unwrap,
}

impl From<EdxmlReadOptions> for ReadOptions {
    fn from(o: EdxmlReadOptions) -> Self {
        ReadOptions {
            limits: o.limits,
            unwrap: o.unwrap,
        }
    }
}

/// Keeps every streamed attachment's content with the summary that ended it, by stream index.
#[derive(Default)]
struct KeepSink {
    streams: Vec<(Vec<u8>, Option<PayloadSummary>)>,
    current: usize,
}

impl AttachmentSink for KeepSink {
    fn begin(&mut self, index: usize, _: &AttachmentMeta) -> std::io::Result<()> {
        if self.streams.len() <= index {
            self.streams.resize_with(index + 1, Default::default);
        }
        self.current = index;
        Ok(())
    }
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if let Some((content, _)) = self.streams.get_mut(self.current) {
            content.extend_from_slice(bytes);
        }
        Ok(())
    }
    fn end(&mut self, index: usize, summary: &PayloadSummary) -> std::io::Result<()> {
        if let Some((_, s)) = self.streams.get_mut(index) {
            *s = Some(summary.clone());
        }
        Ok(())
    }
}

impl KeepSink {
    /// The contents in the order of the package's attachments (`edoc.attachments`): each is
    /// the stream whose summary is the attachment's `payload` (the summary holds the content's
    /// SHA-256, so two equal summaries are equal contents); empty for an attachment without
    /// content (`payload` null) and for a status message (no attachments).
    fn contents(mut self, package: &Package) -> Vec<Vec<u8>> {
        let Some(edoc) = package.edoc() else {
            return Vec::new();
        };
        edoc.attachments
            .iter()
            .map(|a| {
                a.payload
                    .as_ref()
                    .and_then(|p| {
                        self.streams
                            .iter_mut()
                            .find(|(_, s)| s.as_ref() == Some(p))
                            .map(|(c, _)| c.clone())
                    })
                    .unwrap_or_default()
            })
            .collect()
    }
}

fn read_package(
    data: &[u8],
    options: Option<&str>,
    sink: &mut dyn AttachmentSink,
) -> OpResult<Package> {
    check_package_size("package", data.len())?;
    let options: EdxmlReadOptions = parse_options(options)?;
    egov_edxml::read(data, &options.into(), sink).map_err(dom)
}

/// `edxml.read`: reads a package or status message (lenient, by namespace URI) with
/// [`EdxmlReadOptions`]: JSON text of the crate's `Package` (`message` with its `kind`,
/// `layout`, `deviations` from the strict profile with their line and column, `bytes`,
/// `sha256` of the file as sent, `line_breaks`); each attachment's `payload` says what its
/// content turned out to be (wrapping, sizes, SHA-256, sniffed kind, text re-encoding).
pub fn edxml_read(data: &[u8], options: Option<&str>) -> OpResult<String> {
    let package = read_package(data, options, &mut DiscardSink)?;
    to_text(&package)
}

/// [`edxml_read`] keeping the attachments' contents (after the ZIP wrapper unless
/// `unwrap: never`), one per entry of `message.attachments`, in that order.
pub fn edxml_read_with_contents(
    data: &[u8],
    options: Option<&str>,
) -> OpResult<(String, Vec<Vec<u8>>)> {
    let mut sink = KeepSink::default();
    let package = read_package(data, options, &mut sink)?;
    let contents = sink.contents(&package);
    Ok((to_text(&package)?, contents))
}

/// The content of attachment `index` (from 0, in the order of `message.attachments`) and
/// that attachment's JSON entry (`content_id`, `attachment_name`, `content_type`, `payload`).
/// An index past the last attachment is `ffi.attachment_index`.
pub fn edxml_attachment(
    data: &[u8],
    index: usize,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    let mut sink = KeepSink::default();
    let package = read_package(data, options, &mut sink)?;
    let count = package.edoc().map_or(0, |e| e.attachments.len());
    let Some(entry) = package.edoc().and_then(|e| e.attachments.get(index)) else {
        return Err(OpError::input(BindingError::AttachmentIndex {
            index,
            count,
            kind: package.message.kind().to_owned(),
        }));
    };
    let meta = to_text(entry)?;
    let content = sink.contents(&package).swap_remove(index);
    Ok((content, meta))
}

/// [`edxml_read`] of a package file (streamed: the file is not held in memory, so it may be
/// larger than [`EGOV_MAX_PACKAGE_BYTES`]; the `limits` still bound it). A file that cannot be
/// opened is `io.open`.
pub fn edxml_read_file(path: &str, options: Option<&str>) -> OpResult<String> {
    let options: EdxmlReadOptions = parse_options(options)?;
    let package =
        egov_edxml::read_file(Path::new(path), &options.into(), &mut DiscardSink).map_err(dom)?;
    to_text(&package)
}

/// Writes each attachment of the package file `path` to its own new file in `out_dir`
/// (created if missing), streamed, under a name made safe from its `AttachmentName` (never a
/// path, never over an existing file: `name (2).pdf`, …), after the VNPT ZIP wrapper unless
/// `unwrap: never` ([`EdxmlReadOptions`]). JSON text `{"kind", "bytes", "sha256", "out_dir",
/// "attachments": [{"index", "attachment_name", "content_id", "content_type", "file_name",
/// "path", "renamed", "written_bytes", "content_bytes", "content_kind", "content_sha256",
/// "wrapping", "status": "whole" | "warning" | "damaged", "problems", "payload"}],
/// "without_content": [{"content_id", "attachment_name", "content_type"}], "counts": {"written",
/// "whole", "with_warnings", "damaged", "without_content"}, "complete"}` (DOC-09, DOC-28: a
/// damaged attachment is a result, not an error). Errors: the package's read errors, `io.open`,
/// `io.write` (the message lists the files written before it stopped).
pub fn edxml_extract(path: &str, out_dir: &str, options: Option<&str>) -> OpResult<String> {
    let options: EdxmlReadOptions = parse_options(options)?;
    let x = extract_file(Path::new(path), Path::new(out_dir), &options.into()).map_err(|e| {
        let written: Vec<String> = e
            .written()
            .iter()
            .map(|w| w.path.display().to_string())
            .collect();
        let mut err = OpError::domain(&e);
        if !written.is_empty() {
            err.message.push_str(&format!(
                " (written before it stopped: {})",
                written.join(", ")
            ));
            if let Some(vi) = err.message_vi.as_mut() {
                vi.push_str(&format!(" (đã ghi trước khi dừng: {})", written.join(", ")));
            }
        }
        err
    })?;
    let (whole, warned, damaged) = x.counts();
    let without: Vec<Value> = x
        .without_content()
        .iter()
        .map(|a| {
            json!({
                "content_id": a.content_id,
                "attachment_name": a.attachment_name,
                "content_type": a.content_type,
            })
        })
        .collect();
    to_text(&json!({
        "kind": x.package.message.kind(),
        "bytes": x.package.bytes,
        "sha256": x.package.sha256,
        "out_dir": out_dir,
        "attachments": x.attachments,
        "counts": {
            "written": x.attachments.len(),
            "whole": whole,
            "with_warnings": warned,
            "damaged": damaged,
            "without_content": without.len(),
        },
        "without_content": without,
        "complete": x.is_complete(),
    }))
}

/// `io.open` (`write` false) or `io.write`: a file the call names.
fn io_error(write: bool, path: &Path, e: &std::io::Error) -> OpError {
    OpError::input(BindingError::io(write, path.display(), e))
}

/// Builds a package like [`edxml_build`] with the attachments' contents read from the files
/// `attachment_paths` (one per entry of `message.attachments`, streamed: a file of any size
/// never sits in memory) and the package written to `out_path` (through a temporary file in
/// the same directory, renamed when complete: never a half-written package; an existing file
/// is replaced). JSON text `{"path", "kind", "bytes", "sha256" (of the package as written),
/// "attachments": [{"bytes", "sha256"}]}`. A file that cannot be read is `io.open`, an output
/// that cannot be written `io.write`.
pub fn edxml_build_file(
    message: &str,
    attachment_paths: &[&str],
    out_path: &str,
    options: Option<&str>,
) -> OpResult<String> {
    let message: Message = from_json("message", message)?;
    let options: EdxmlBuildOptions = parse_options(options)?;
    let build_options = BuildOptions {
        line_ending: options.line_ending,
    };
    let mut sources = Vec::with_capacity(attachment_paths.len());
    for p in attachment_paths {
        let path = Path::new(p);
        let file = std::fs::File::open(path).map_err(|e| io_error(false, path, &e))?;
        sources.push(AttachmentSource::reader(
            std::io::BufReader::with_capacity(64 << 10, file),
            Wrap::default(),
        ));
    }
    let out = Path::new(out_path);
    if out.file_name().is_none() {
        return Err(not_a("out_path", Expected::FilePath));
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // Written beside the destination and renamed into place when whole (tempfile): never a
    // half-written package, the old file kept when the build fails.
    let mut tmp = tempfile::Builder::new()
        .prefix(".egov-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io_error(true, out, &e))?;
    let summary = {
        let mut writer = std::io::BufWriter::with_capacity(64 << 10, tmp.as_file_mut());
        let summary = match &message {
            Message::Edoc(e) => write_edoc(&mut writer, e, sources, &build_options),
            Message::Status(_) if !attachment_paths.is_empty() => {
                Err(BuildError::AttachmentCount {
                    described: 0,
                    given: attachment_paths.len(),
                })
            }
            Message::Status(s) => write_status(&mut writer, s, &build_options),
        }
        .map_err(dom)?;
        std::io::Write::flush(&mut writer).map_err(|e| io_error(true, out, &e))?;
        summary
    };
    tmp.as_file()
        .sync_all()
        .map_err(|e| io_error(true, out, &e))?;
    tmp.persist(out)
        .map_err(|e| io_error(true, out, &e.error))?;
    to_text(&json!({
        "path": out_path,
        "kind": message.kind(),
        "bytes": summary.bytes,
        "sha256": summary.sha256,
        "attachments": summary
            .attachments
            .iter()
            .map(|(n, h)| json!({ "bytes": n, "sha256": h }))
            .collect::<Vec<_>>(),
    }))
}

/// Options of [`edxml_check`] as JSON, every member optional: `{"anchors_pem": "-----BEGIN
/// CERTIFICATE-----…" (trust anchors of the signature's chain, DOC-18; none: the chain is
/// `unknown`), "registry": CSV text, JSON text or the registry's JSON object (DOC-04),
/// "agency_profile": "lenient" (default) | "strict", "layout_findings": true (default: layout
/// departures are DOC-05 findings), "deadline_policy": {"morning_end", "urgent_tolerance_seconds"}}`.
/// The calendar of the send deadline is a separate argument.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdxmlCheckOptions {
    /// PEM roots the signature's certificate must chain to.
    pub anchors_pem: Option<String>,
    /// The agency-code registry (CSV or JSON text, or a JSON object).
    pub registry: Option<Value>,
    /// `lenient` or `strict`.
    pub agency_profile: Option<String>,
    /// Whether layout departures become DOC-05 findings.
    pub layout_findings: Option<bool>,
    /// The send-deadline policy.
    pub deadline_policy: Option<SendDeadlinePolicy>,
}

/// Trust anchors from PEM text (`ffi.invalid_anchors` when none can be read).
pub(crate) fn anchors_from_pem(pem: &[u8]) -> OpResult<TrustAnchors> {
    check_len("anchors", pem)?;
    TrustAnchors::from_pem(pem).map_err(|e| {
        OpError::input(BindingError::InvalidAnchors {
            reason: e.to_string(),
        })
    })
}

fn registry_from_value(v: &Value) -> OpResult<InMemoryRegistry> {
    let text = match v {
        Value::String(s) => Cow::Borrowed(s.as_str()),
        other => Cow::Owned(other.to_string()),
    };
    check_len("registry", text.as_bytes())?;
    if text.trim_start().starts_with('{') {
        InMemoryRegistry::from_json(&text)
    } else {
        InMemoryRegistry::from_csv(&text)
    }
    .map_err(dom)
}

/// `edxml.check`: the receiving check of QĐ 28/2018 Đ9.1 (DOC-28) in one report: reads the
/// package, checks it (layout, agency codes, document id, metadata a)–q), urgency, send deadline
/// against `calendar`, business type, attachments, status direction and reasons) and verifies
/// its XMLDSig signature (DOC-18) against the anchors of [`EdxmlCheckOptions`]. JSON text
/// `{"overall", "compliant", "findings", "kind", "sha256", "bytes"}`; a package that fails is
/// still a result (see `overall`), only an unreadable one is an error.
pub fn edxml_check(
    data: &[u8],
    options: Option<&str>,
    calendar: &WorkingCalendar,
) -> OpResult<String> {
    check_package_size("package", data.len())?;
    let o: EdxmlCheckOptions = parse_options(options)?;
    let anchors = o
        .anchors_pem
        .as_deref()
        .map(|p| anchors_from_pem(p.as_bytes()))
        .transpose()?;
    let registry = o.registry.as_ref().map(registry_from_value).transpose()?;
    let agency_profile = match o.agency_profile.as_deref() {
        None | Some("lenient") => AgencyProfile::LENIENT,
        Some("strict") => AgencyProfile::STRICT,
        Some(other) => {
            return Err(bad_arg(
                "options.agency_profile",
                ArgumentProblem::OneOf {
                    allowed: vec!["lenient".to_owned(), "strict".to_owned()],
                    value: clip(other),
                },
            ))
        }
    };
    let check_options = CheckOptions {
        registry: registry.as_ref().map(|r| r as &dyn AgencyRegistry),
        calendar: Some(calendar),
        deadline: o.deadline_policy.unwrap_or_default(),
        agency_profile,
        layout_findings: o.layout_findings.unwrap_or(true),
        anchors: anchors.as_ref(),
    };
    let (package, report): (Package, Report) =
        egov_edxml::check_bytes(data, &check_options).map_err(dom)?;
    to_text(&json!({
        "overall": report.overall(),
        "compliant": report.is_compliant(),
        "findings": report.findings,
        "kind": package.message.kind(),
        "sha256": package.sha256,
        "bytes": package.bytes,
    }))
}

/// Options of [`edxml_build`] as JSON: `{"line_ending": "crlf" (default, as the VNPT builder)
/// | "lf"}`.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdxmlBuildOptions {
    /// Line ends of the output.
    pub line_ending: LineEnding,
}

/// `edxml.build`: builds a package in the VNPT builder's layout from `message` (the JSON form
/// of the crate's `Message`: `{"kind": "edoc", "header", "trace", "signature", "manifest",
/// "attachments"}` or `{"kind": "status", …}`, as `message` of [`edxml_read`]) and one content
/// per entry of `attachments` (zipped as the VNPT JAR does; an attachment's `payload` is
/// ignored). [`EdxmlBuildOptions`]. The package's bytes; the attachments together may hold up
/// to [`EGOV_MAX_PACKAGE_BYTES`].
pub fn edxml_build(
    message: &str,
    attachments: &[&[u8]],
    options: Option<&str>,
) -> OpResult<Vec<u8>> {
    let message: Message = from_json("message", message)?;
    let total = attachments
        .iter()
        .try_fold(0usize, |sum, a| sum.checked_add(a.len()))
        .unwrap_or(usize::MAX);
    check_package_size("the attachments together", total)?;
    let options: EdxmlBuildOptions = parse_options(options)?;
    egov_edxml::build_message(
        &message,
        attachments,
        &BuildOptions {
            line_ending: options.line_ending,
        },
    )
    .map_err(dom)
}

/// `edxml.qcvn_dates`: `message` (as for [`edxml_build`]) with every date and time written in
/// edXML's form (`yyyy/MM/dd`, `yyyy/MM/dd HH:mm:ss` Vietnam time), for a message made from
/// what a person or another system wrote (`04/12/2026`, `ngày 4 tháng 12 năm 2026`, `9h ngày
/// 04/12/2026`, an instant with an offset): `{"message", "dates_rewritten": [{"element",
/// "given", "written"}]}` (`egov_edxml::dates::write_dates_in_qcvn_form`). A value that is not a
/// date is `edxml.build.date` naming its element. A message read from a package needs none of
/// this: it builds back as read.
pub fn edxml_qcvn_dates(message: &str) -> OpResult {
    let mut message: Message = from_json("message", message)?;
    let rewritten = egov_edxml::dates::write_dates_in_qcvn_form(&mut message).map_err(dom)?;
    Ok(json!({
        "message": to_value(&message)?,
        "dates_rewritten": to_value(&rewritten)?,
    }))
}

/// Options of [`edxml_sign`] as JSON, every member optional: `{"c14n": URI, "digest": "sha256"
/// | "sha384" | "sha512" | "sha1", "legacy_sha1": bool}`; the default canonicalisation is
/// exclusive C14N 1.0 (`http://www.w3.org/2001/10/xml-exc-c14n#`), the default digest SHA-256.
/// `"sha1"` needs `"legacy_sha1": true` (else `dsig.sign.legacy_sha1`): legacy and weak.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdxmlSignOptions {
    /// Canonicalisation URI of `SignedInfo` and of the document.
    pub c14n: Option<String>,
    /// The digest of the reference.
    pub digest: Option<DigestAlgorithm>,
    /// Allows a SHA-1 digest (`SignOptions::legacy_sha1`).
    pub legacy_sha1: Option<bool>,
}

/// `edxml.sign`: signs a package with an enveloped XMLDSig signature (DOC-18; RSA-SHA256 for
/// an RSA key, ECDSA P-256-SHA256 for a P-256 key): `key` is the PKCS#8 private key (PEM
/// `PRIVATE KEY` or DER), `certs_pem` the certificate chain, signer first. The signed package's
/// bytes. A package already signed is `dsig.sign.already_signed`; a key or chain that cannot be
/// used `dsig.sign.key`.
pub fn edxml_sign(
    data: &[u8],
    key: &[u8],
    certs_pem: &[u8],
    options: Option<&str>,
) -> OpResult<Vec<u8>> {
    check_package_size("package", data.len())?;
    check_len("key", key)?;
    check_len("certificates", certs_pem)?;
    let o: EdxmlSignOptions = parse_options(options)?;
    let signer = KeyPairSigner::from_pem(key, certs_pem)
        .map_err(dsig::SignError::from)
        .map_err(dom)?;
    sign_package(data, &signer, o)
}

/// `edxml.sign` with the caller's own signer (a token, an HSM, a remote signing service: see
/// [`callback_signer`]); options as [`edxml_sign`]'s. A failure the signer reports is
/// `dsig.sign.signer`.
pub fn edxml_sign_with(
    data: &[u8],
    signer: &dyn dsig::Signer,
    options: Option<&str>,
) -> OpResult<Vec<u8>> {
    check_package_size("package", data.len())?;
    let o: EdxmlSignOptions = parse_options(options)?;
    sign_package(data, signer, o)
}

fn sign_package(data: &[u8], signer: &dyn dsig::Signer, o: EdxmlSignOptions) -> OpResult<Vec<u8>> {
    let mut sign_options = SignOptions::default();
    if let Some(c) = o.c14n {
        sign_options.c14n = c;
    }
    if let Some(d) = o.digest {
        sign_options.digest = d;
    }
    sign_options.legacy_sha1 = o.legacy_sha1.unwrap_or(false);
    dsig::sign(data, signer, &sign_options).map_err(dom)
}

/// Options of [`edxml_verify`] as JSON: `{"at": timestamp with offset}`: the time the
/// certificates must be valid at (default: the signing time the package's first
/// `TraceHeader` states, else now).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdxmlVerifyOptions {
    /// When the certificates must be valid.
    pub at: Option<String>,
}

/// `edxml.verify`: verifies the package's XMLDSig signature (DOC-18, Đ6.1): digest, signature
/// value and, with `anchors_pem` (PEM roots; `None`: the chain is not checked), the chain.
/// JSON text of the crate's `Verification` (`failure`, `signature_algorithm`, `signer`,
/// `chain`, `checked_at`, `warnings`) plus `"valid": bool`, `"failure_code"` (the failure's
/// stable code, e.g. `dsig.digest_mismatch`, or null) and its `"findings"` (DOC-18). A
/// signature that does not verify is a result, not an error.
pub fn edxml_verify(
    data: &[u8],
    anchors_pem: Option<&[u8]>,
    options: Option<&str>,
) -> OpResult<String> {
    check_package_size("package", data.len())?;
    let anchors = anchors_pem.map(anchors_from_pem).transpose()?;
    let o: EdxmlVerifyOptions = parse_options(options)?;
    let at = o.at.as_deref().map(|t| parse_time(t, false)).transpose()?;
    let v = dsig::verify(
        data,
        &dsig::VerifyOptions {
            anchors: anchors.unwrap_or_default(),
            at,
            ..dsig::VerifyOptions::default()
        },
    );
    let mut out = to_value(&v)?;
    out["valid"] = json!(v.is_valid());
    out["failure_code"] = json!(v.failure.as_ref().map(dsig::Failure::code));
    out["findings"] = to_value(&v.findings())?;
    Ok(out.to_string())
}

/// The package bytes of `call` (JSON only): `data_hex` (hex) or `data_text` (the XML text).
fn package_arg(args: &Value) -> OpResult<Vec<u8>> {
    match (args.get("data_hex"), args.get("data_text")) {
        (Some(Value::String(h)), _) => decode_hex("data_hex", h),
        (_, Some(Value::String(t))) => Ok(t.as_bytes().to_vec()),
        (None | Some(Value::Null), None | Some(Value::Null)) => {
            Err(missing_either("data_hex", "data_text"))
        }
        _ => Err(not_either(args, "data_hex", "data_text", Expected::String)),
    }
}

/// A package answer of `call` (JSON only): `{"package_hex", "package_len", "package_sha256"}`.
fn package_answer(package: &[u8]) -> Value {
    use egov_conversion::payload::{content_digest, hex};
    json!({
        "package_sha256": hex(&content_digest(package)),
        "package_len": package.len(),
        "package_hex": hex(package),
    })
}

/// `edxml.*` of [`call`].
pub(crate) fn call_edxml(op: &str, args: &Value) -> OpResult {
    let options = json_arg(args, "options")?;
    match op {
        "edxml.read" => {
            let data = package_arg(args)?;
            if bool_arg(args, "with_attachments")? {
                let (text, contents) = edxml_read_with_contents(&data, options.as_deref())?;
                let mut out = parse_text(&text)?;
                out["contents_hex"] = json!(contents
                    .iter()
                    .map(|c| egov_conversion::payload::hex(c))
                    .collect::<Vec<_>>());
                Ok(out)
            } else {
                parse_text(&edxml_read(&data, options.as_deref())?)
            }
        }
        "edxml.check" => parse_text(&edxml_check(
            &package_arg(args)?,
            options.as_deref(),
            &*calendar_arg(args)?,
        )?),
        "edxml.build" => {
            let message = json_arg(args, "message")?.ok_or_else(|| missing("message"))?;
            let contents = match (args.get("attachments_hex"), args.get("attachments_text")) {
                (Some(Value::Array(list)), _) => list
                    .iter()
                    .map(|v| match v {
                        Value::String(h) => decode_hex("attachments_hex", h),
                        _ => Err(not_a("attachments_hex", Expected::HexStrings)),
                    })
                    .collect::<OpResult<Vec<Vec<u8>>>>()?,
                (_, Some(Value::Array(list))) => list
                    .iter()
                    .map(|v| match v {
                        Value::String(t) => Ok(t.as_bytes().to_vec()),
                        _ => Err(not_a("attachments_text", Expected::Strings)),
                    })
                    .collect::<OpResult<Vec<Vec<u8>>>>()?,
                (None | Some(Value::Null), None | Some(Value::Null)) => Vec::new(),
                _ => {
                    return Err(not_either(
                        args,
                        "attachments_hex",
                        "attachments_text",
                        Expected::Strings,
                    ))
                }
            };
            let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
            Ok(package_answer(&edxml_build(
                &message,
                &refs,
                options.as_deref(),
            )?))
        }
        "edxml.qcvn_dates" => {
            let message = json_arg(args, "message")?.ok_or_else(|| missing("message"))?;
            edxml_qcvn_dates(&message)
        }
        "edxml.sign" => Ok(package_answer(&edxml_sign(
            &package_arg(args)?,
            str_arg(args, "key_pem")?.as_bytes(),
            str_arg(args, "certs_pem")?.as_bytes(),
            options.as_deref(),
        )?)),
        "edxml.verify" => parse_text(&edxml_verify(
            &package_arg(args)?,
            opt_str_arg(args, "anchors_pem")?.map(str::as_bytes),
            options.as_deref(),
        )?),
        _ => Err(unknown_operation(op)),
    }
}
