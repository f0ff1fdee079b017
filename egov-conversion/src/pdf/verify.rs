//! Verifying a marked PDF: XMP payload, content hash over the original revision, the revisions
//! appended after it, and the QR code printed on the page.

use egov_core::{Finding, Instrument, Lang, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::load::{load, Budget, PdfLimits};
use super::xmp;
use super::{PdfError, PDF_LEN_EXTENSION};
use crate::payload::{self, content_digest, hex};
use crate::verify::{verify, TrustSet, Verification, VerificationState};
use crate::Direction;

/// Options for [`verify_pdf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct VerifyOptions {
    /// Render the marked page and decode the printed QR code (default true; needs a `scan-*`
    /// feature, otherwise the printed code is reported as not checked).
    pub render: bool,
    /// Rendering resolution, dots per inch (default 150, as a 150-dpi rescan; 72–600).
    pub dpi: u32,
    /// Limits for the input.
    pub limits: PdfLimits,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            render: true,
            dpi: 150,
            limits: PdfLimits::default(),
        }
    }
}

/// How a revision's cross-reference section is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum XrefKind {
    /// A classic `xref` table.
    Table,
    /// A cross-reference stream.
    Stream,
    /// Neither found at the offset.
    Unknown,
}

/// A revision appended after the original (ISO 32000-1 §7.5.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Revision {
    /// 1 for the first revision after the original.
    pub index: usize,
    /// First byte of the revision.
    pub start: u64,
    /// One past its last byte (after `%%EOF` and its end-of-line).
    pub end: u64,
    /// Its `startxref` value.
    pub xref_offset: Option<u64>,
    /// Its cross-reference section's kind.
    pub xref_kind: XrefKind,
    /// Its trailer's `/Prev`.
    pub prev: Option<u64>,
    /// The objects it (re)defines, for a classic table (`None` for a stream: not decoded here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objects: Option<Vec<u32>>,
    /// Whether it chains to the revision before it (`/Prev` = that revision's `startxref`).
    pub chains: bool,
}

/// The QR code read from the rendered page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrintedQr {
    /// Page rendered, 1-based.
    pub page: u32,
    /// Resolution used.
    pub dpi: u32,
    /// Conversion-mark QR codes found on the page.
    pub marks_found: usize,
    /// The mark decoded (the best one), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_text: Option<String>,
    /// Its verification (content = the original revision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Whether the printed payload equals the XMP payload.
    pub matches_xmp: bool,
    /// The decoder and pass that read it, or why nothing was read.
    pub note: String,
}

/// The result of [`verify_pdf`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PdfVerification {
    /// True when the XMP payload verifies with the original revision as content, the revisions
    /// after it chain back, and the printed QR code (when checked) carries the same payload.
    pub verified: bool,
    /// The payload found in the XMP of the latest revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xmp_payload: Option<String>,
    /// The signed length N of the original revision (`pdf.len`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_len: Option<u64>,
    /// SHA-256 of `file[..N]`, hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_sha256: Option<String>,
    /// The trust ladder on the XMP payload with `file[..N]` as content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Every revision appended after the original, oldest first.
    pub revisions_after: Vec<Revision>,
    /// The printed QR code, when the page was rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<PrintedQr>,
    /// The document's PAdES signatures and document time-stamps, each with the revision it
    /// covers and how many were appended after it (integrity only: certificate chains are not
    /// checked here; [`super::verify_signatures`] checks them against trust anchors).
    #[serde(default)]
    pub signatures: Vec<super::PdfSignature>,
    /// Findings, each with its rule and article.
    pub findings: Vec<Finding>,
}

/// The rule of the QR payload (CONV-12, Đ5.2.a / CONV-03, Đ4.1.a).
fn qr_rule(d: Direction) -> (&'static str, LegalRef) {
    match d {
        Direction::DataToPaper => (
            "CONV-12",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
        ),
        Direction::PaperToData => (
            "CONV-03",
            LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        ),
    }
}

/// The rule of content integrity (CONV-16.c, Đ5.3.c / CONV-07.a, Đ4.2.a).
fn integrity_rule(d: Direction) -> (&'static str, LegalRef) {
    match d {
        Direction::DataToPaper => (
            "CONV-16",
            LegalRef::point(Instrument::Nd137_2024, 5, 3, "c"),
        ),
        Direction::PaperToData => (
            "CONV-07",
            LegalRef::point(Instrument::Nd137_2024, 4, 2, "a"),
        ),
    }
}

fn finding(
    (rule, basis): (&'static str, LegalRef),
    outcome: Outcome,
    en: impl Into<String>,
    vi: impl Into<String>,
) -> Finding {
    Finding::new(rule, basis, outcome, en, vi)
}

pub(super) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The unsigned integer after `at` (white space skipped).
fn int_after(bytes: &[u8], at: usize) -> Option<u64> {
    let rest = bytes.get(at..)?;
    let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    let digits: Vec<u8> = rest
        .get(start..)?
        .iter()
        .take(20)
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The last `startxref` value in `bytes` (searched in its last 4 KiB).
fn last_startxref(bytes: &[u8]) -> Option<u64> {
    let from = bytes.len().saturating_sub(4096);
    let tail = bytes.get(from..)?;
    let p = rfind(tail, b"startxref")?;
    int_after(tail, p + 9)
}

/// Ends of the `%%EOF` markers in `bytes` from `from` on, each with its end-of-line.
pub(super) fn eof_ends(bytes: &[u8], from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(p) = find(bytes, b"%%EOF", at) {
        let mut end = p + 5;
        if bytes.get(end) == Some(&b'\r') {
            end += 1;
        }
        if bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        out.push(end);
        at = end;
    }
    out
}

/// Parses the revision whose bytes are `[start, end)` and whose xref section is at `xref`.
fn revision(bytes: &[u8], index: usize, start: usize, end: usize) -> Revision {
    let span = bytes.get(start..end).unwrap_or(&[]);
    let xref = last_startxref(span);
    let mut kind = XrefKind::Unknown;
    let mut prev = None;
    let mut objects = None;
    if let Some(x) = xref.and_then(|x| usize::try_from(x).ok()) {
        let at = bytes.get(x..end).unwrap_or(&[]);
        if at.starts_with(b"xref") {
            kind = XrefKind::Table;
            if let Some(t) = find(at, b"trailer", 0) {
                let trailer = &at[t..];
                let stop = find(trailer, b"startxref", 0).unwrap_or(trailer.len());
                prev = find(&trailer[..stop], b"/Prev", 0).and_then(|p| int_after(trailer, p + 5));
                objects = Some(table_objects(&at[4..t]));
            }
        } else if let Some(s) = find(at, b"stream", 0) {
            if find(&at[..s], b"/XRef", 0).is_some() {
                kind = XrefKind::Stream;
                prev = find(&at[..s], b"/Prev", 0).and_then(|p| int_after(at, p + 5));
            }
        }
    }
    Revision {
        index,
        start: start as u64,
        end: end as u64,
        xref_offset: xref,
        xref_kind: kind,
        prev,
        objects,
        chains: false,
    }
}

/// Object numbers in use (`n` entries) in a classic table's subsections.
fn table_objects(section: &[u8]) -> Vec<u32> {
    let text = String::from_utf8_lossy(section);
    let mut t = text.split_ascii_whitespace();
    let mut out = Vec::new();
    while let (Some(first), Some(count)) = (t.next(), t.next()) {
        let (Ok(first), Ok(count)) = (first.parse::<u32>(), count.parse::<u32>()) else {
            break;
        };
        for k in 0..count.min(100_000) {
            let (_, _, kind) = (t.next(), t.next(), t.next());
            if kind == Some("n") {
                out.push(first.saturating_add(k));
            }
        }
        if out.len() > 1_000_000 {
            break;
        }
    }
    out
}

/// The revisions after `n` and whether they chain back into `file[..n]`.
fn revisions_after(file: &[u8], n: usize) -> (Vec<Revision>, bool, usize) {
    let original_xref = file.get(..n).and_then(last_startxref);
    let ends = eof_ends(file, n);
    let mut out = Vec::new();
    let mut start = n;
    let mut prev_xref = original_xref;
    let mut all_chain = !ends.is_empty() && original_xref.is_some();
    for (i, end) in ends.iter().enumerate() {
        let mut r = revision(file, i + 1, start, *end);
        r.chains = r.prev.is_some()
            && r.prev == prev_xref
            && r.xref_offset
                .is_some_and(|x| x >= start as u64 && x < *end as u64);
        all_chain &= r.chains;
        prev_xref = r.xref_offset;
        start = *end;
        out.push(r);
    }
    let trailing = file
        .get(start..)
        .map(|t| t.iter().filter(|b| !b.is_ascii_whitespace()).count())
        .unwrap_or(0);
    (out, all_chain && trailing == 0, trailing)
}

/// Verifies a PDF stamped by [`super::stamp()`] (CONV-12, NĐ 137/2024 Đ5.2.a / CONV-03,
/// Đ4.1.a: the payload; CONV-16, Đ5.3.c / CONV-07, Đ4.2.a: the content is the original
/// intact).
///
/// 1. The payload from the XMP of the latest revision ([`xmp::read`]), its signed length N
///    (`pdf.len`), and the trust ladder ([`crate::verify()`]) with `file[..N]` as content.
/// 2. `file[..N]` ends with `%%EOF` (optionally an end-of-line), and `file[N..]` is one or
///    more incremental sections, each `/Prev` pointing at the `startxref` of the one before,
///    the first into the original ([`Revision`]); nothing else follows.
/// 3. With `opts.render`, the page named in the XMP is rendered with hayro and every
///    conversion-mark QR code on it decoded with the page-image decoder
///    ([`crate::scan::verify_page`]); the printed payload must equal the XMP payload.
///
/// Errors only when the file cannot be read as a PDF at all (limits, parse errors,
/// encryption); every disagreement is a finding.
pub fn verify_pdf(
    file: &[u8],
    trust: &TrustSet,
    opts: &VerifyOptions,
) -> Result<PdfVerification, PdfError> {
    let budget = Budget::start(&opts.limits);
    let doc = load(file, &opts.limits)?;
    budget.check("reading the XMP")?;
    let mut out = PdfVerification {
        verified: false,
        xmp_payload: None,
        original_len: None,
        original_sha256: None,
        verification: None,
        revisions_after: Vec::new(),
        printed: None,
        signatures: Vec::new(),
        findings: Vec::new(),
    };
    // Signatures, integrity only (no anchors): which revision each covers.
    out.signatures = super::signatures::report(
        &doc,
        file,
        &super::SignatureVerifyOptions {
            limits: opts.limits,
            ..Default::default()
        },
        false,
    )
    .signatures;
    budget.check("verifying the signatures")?;
    let xmp_text = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|m| doc.dereference(m).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| super::load::stream_data(s, &opts.limits))
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let Some(meta) = xmp_text.as_deref().and_then(xmp::read) else {
        out.findings.push(finding(
            qr_rule(Direction::DataToPaper),
            Outcome::Fail,
            "no egov conversion-mark payload in the document's XMP metadata (catalog /Metadata, egcm:payload)",
            "không có dữ liệu ký hiệu chuyển đổi egov trong siêu dữ liệu XMP của tài liệu",
        ));
        return Ok(out);
    };
    out.xmp_payload = Some(meta.payload.clone());
    let decoded = payload::decode(&meta.payload).ok();
    let direction = decoded
        .as_ref()
        .map(|p| p.mark.direction)
        .unwrap_or(Direction::DataToPaper);
    let signed_len = decoded
        .as_ref()
        .and_then(|p| p.mark.extensions.get(PDF_LEN_EXTENSION))
        .and_then(|v| v.parse::<u64>().ok());
    let n = signed_len
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| *n > 0 && *n <= file.len());
    let content = n.and_then(|n| file.get(..n));
    let v = verify(&meta.payload, trust, content);
    out.findings.push(payload_finding(direction, &v));
    out.verification = Some(v.clone());
    let Some(n) = n else {
        out.findings.push(finding(
            integrity_rule(direction),
            Outcome::Fail,
            format!("the payload carries no usable signed original length ({PDF_LEN_EXTENSION} = {signed_len:?}; file has {} bytes): the original revision cannot be cut out", file.len()),
            format!("dữ liệu không có độ dài bản gốc hợp lệ ({PDF_LEN_EXTENSION}); không xác định được phiên bản gốc"),
        ));
        return Ok(out);
    };
    out.original_len = Some(n as u64);
    out.original_sha256 = Some(hex(&content_digest(file.get(..n).unwrap_or(&[]))));
    if meta.original_length != n as u64 {
        out.findings.push(finding(
            integrity_rule(direction),
            Outcome::Fail,
            format!(
                "XMP egcm:originalLength {} differs from the signed {PDF_LEN_EXTENSION} {n}",
                meta.original_length
            ),
            format!(
                "egcm:originalLength {} trong XMP khác độ dài đã ký {n}",
                meta.original_length
            ),
        ));
    }

    let original_ends = file
        .get(..n)
        .map(|p| p.trim_ascii_end().ends_with(b"%%EOF"))
        .unwrap_or(false);
    let (revs, chains, trailing) = revisions_after(file, n);
    let ok = original_ends && chains;
    out.findings.push(
        finding(
            integrity_rule(direction),
            if ok { Outcome::Pass } else { Outcome::Fail },
            if ok {
                format!("the original revision is the first {} bytes; {} incremental revision(s) appended after it, each chaining back by /Prev", Lang::En.count(n), revs.len())
            } else {
                format!("the bytes after the original revision ({} bytes) are not only incremental updates chaining back to it (original ends with %%EOF: {original_ends}; revisions: {}; chain intact: {chains}; trailing bytes: {trailing})", Lang::En.count(n), revs.len())
            },
            if ok {
                format!("phiên bản gốc là {} byte đầu; {} phiên bản cập nhật gia tăng nối tiếp sau đó", Lang::Vi.count(n), revs.len())
            } else {
                format!("phần sau phiên bản gốc ({} byte) không chỉ gồm các cập nhật gia tăng nối về bản gốc", Lang::Vi.count(n))
            },
        )
        .with_evidence(json!({ "original_len": n, "revisions_after": revs.len(), "trailing_bytes": trailing })),
    );
    out.revisions_after = revs;

    if opts.render {
        budget.check("rendering the page")?;
        out.printed = Some(printed_qr(file, meta.page, trust, n, &meta.payload, opts));
    }
    if let Some(p) = &out.printed {
        let (outcome, en, vi) = if p.matches_xmp {
            (
                Outcome::Pass,
                format!(
                    "the QR code printed on page {} carries the XMP payload",
                    p.page
                ),
                format!("mã QR in trên trang {} khớp dữ liệu trong XMP", p.page),
            )
        } else if p.marks_found == 0 {
            (
                Outcome::Unknown,
                format!(
                    "no conversion-mark QR code read on page {} ({})",
                    p.page, p.note
                ),
                format!(
                    "không đọc được mã QR ký hiệu chuyển đổi trên trang {}",
                    p.page
                ),
            )
        } else {
            (
                Outcome::Fail,
                format!(
                    "the QR code printed on page {} differs from the XMP payload",
                    p.page
                ),
                format!("mã QR in trên trang {} khác dữ liệu trong XMP", p.page),
            )
        };
        out.findings
            .push(finding(qr_rule(direction), outcome, en, vi));
    }
    out.verified = out
        .verification
        .as_ref()
        .is_some_and(|v| v.is_verified() && v.state == VerificationState::ContentMatches)
        && ok
        && out.printed.as_ref().is_none_or(|p| p.matches_xmp)
        && out.findings.iter().all(|f| f.outcome == Outcome::Pass);
    Ok(out)
}

fn payload_finding(direction: Direction, v: &Verification) -> Finding {
    let rule = qr_rule(direction);
    if v.is_verified() && v.state == VerificationState::ContentMatches {
        finding(
            rule,
            Outcome::Pass,
            format!("the XMP payload verifies (signer {}) and its content hash matches the original revision", v.signer.as_deref().unwrap_or("")),
            "dữ liệu trong XMP xác thực được và khớp với phiên bản gốc",
        )
    } else {
        let why = v
            .failure
            .as_ref()
            .map(|f| format!("{}: {}", f.code, f.reason))
            .unwrap_or_else(|| format!("reached {:?} only", v.state));
        finding(
            rule,
            Outcome::Fail,
            format!("the XMP payload does not verify: {why}"),
            format!("dữ liệu trong XMP không xác thực được: {why}"),
        )
    }
}

#[cfg(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr"))]
fn printed_qr(
    file: &[u8],
    page: u32,
    trust: &TrustSet,
    n: usize,
    xmp_payload: &str,
    opts: &VerifyOptions,
) -> PrintedQr {
    let mut p = PrintedQr {
        page,
        dpi: opts.dpi,
        marks_found: 0,
        qr_text: None,
        verification: None,
        matches_xmp: false,
        note: String::new(),
    };
    use super::load::guarded;
    use super::raster::render_page;
    let rendered = guarded("rendering the page", || {
        render_page(file, page, opts.dpi, opts.limits.max_render_pixels).map_err(PdfError::Parse)
    });
    let (img, dpi) = match rendered {
        Ok(r) => r,
        Err(e) => {
            p.note = e.to_string();
            return p;
        }
    };
    p.dpi = dpi;
    match crate::scan::verify_page(&img, trust, file.get(..n)) {
        Ok(found) => {
            p.marks_found = found.marks.len();
            p.matches_xmp = found.qr_text == xmp_payload
                && found.marks.iter().all(|m| m.qr_text == xmp_payload);
            p.qr_text = Some(found.qr_text);
            p.verification = Some(found.verification);
            p.note = format!("{} ({})", found.decoder, found.pass);
        }
        Err(e) => p.note = e.to_string(),
    }
    p
}

#[cfg(not(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr")))]
fn printed_qr(
    _file: &[u8],
    page: u32,
    _trust: &TrustSet,
    _n: usize,
    _xmp_payload: &str,
    opts: &VerifyOptions,
) -> PrintedQr {
    PrintedQr {
        page,
        dpi: opts.dpi,
        marks_found: 0,
        qr_text: None,
        verification: None,
        matches_xmp: false,
        note: "built without a QR decoder (enable scan-zxing or scan-rxing)".into(),
    }
}
