//! Verifying the PAdES signatures of a PDF: for each, the byte ranges (they must cover the
//! whole revision they end with except exactly the `/Contents` hex string), the CMS (egov-sign:
//! message digest, signature value, signing certificate, chain to the caller's anchors at the
//! signing time), which revision it covers and how many were appended after it. Document
//! time-stamps (`/DocTimeStamp`, `ETSI.RFC3161`) are verified as RFC 3161 tokens over their
//! ranges.
//!
//! The law: QĐ 28/2018/QĐ-TTg Đ6.1 (DOC-18: authenticity of origin and integrity) and Đ4.1
//! (DOC-14: a digitally signed e-document has the legal value of paper); NĐ 30/2020 Đ25 (an
//! electronic copy carries the copying agency's digital signature).

use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use egov_sign::cms::{self, CmsVerification, CmsVerifyOptions, Timestamp};
use egov_sign::{DigestAlgorithm, TrustAnchors};
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::{Deserialize, Serialize};

use super::load::{load, PdfLimits};
use super::mdp::docmdp_permission;
use super::updates::{updates_after, RevisionUpdate};
use super::verify::eof_ends;
use super::PdfError;

/// What a signature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureKind {
    /// An approval signature.
    Approval,
    /// The certification signature (`/Perms /DocMDP`), with its permission.
    Certification {
        /// DocMDP `/P`.
        permission: u8,
    },
    /// A document time-stamp (`/Type /DocTimeStamp`).
    DocumentTimestamp,
}

/// One signature of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PdfSignature {
    /// The field's name (`/T`), when a field points at it.
    pub field_name: Option<String>,
    /// What it is.
    #[serde(flatten)]
    pub kind: SignatureKind,
    /// `/SubFilter`.
    pub sub_filter: String,
    /// `/ByteRange`.
    pub byte_range: Vec<i64>,
    /// Bytes it signs from the start of the file (the revision it ends with).
    pub signed_len: u64,
    /// The revision it covers, 1-based (1: the first revision of the file).
    pub revision: Option<usize>,
    /// Revisions appended after it (changes made after signing, allowed or not: stamps,
    /// further signatures, validation data).
    pub revisions_after: usize,
    /// `/M`, the time the signer claims.
    pub claimed_time: Option<String>,
    /// Whether the signature is intact and (with anchors) trusted.
    pub valid: bool,
    /// Why the byte ranges are unacceptable, when they are.
    pub range_problem: Option<String>,
    /// The CMS verification (approval and certification signatures).
    pub cms: Option<CmsVerification>,
    /// The document time-stamp (document time-stamps).
    pub timestamp: Option<Timestamp>,
    /// Why the document time-stamp does not verify.
    pub timestamp_problem: Option<String>,
}

/// The result of [`verify_signatures`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignaturesReport {
    /// Every signature, in file order of what they sign (oldest first).
    pub signatures: Vec<PdfSignature>,
    /// Revisions in the file.
    pub revisions: usize,
    /// What each revision after the first signed one changes, oldest first: permitted updates
    /// (validation data, document time-stamps, further signatures, metadata) or changes of
    /// what the signatures before it cover.
    pub updates: Vec<RevisionUpdate>,
    /// True when there is at least one signature and every one is valid.
    pub all_valid: bool,
    /// Findings, each with its rule and article.
    pub findings: Vec<Finding>,
}

/// How to verify.
#[derive(Debug, Clone, Default)]
pub struct SignatureVerifyOptions {
    /// Trust anchors (the CAs the caller trusts; egov bundles none). Empty: chains not checked.
    pub anchors: TrustAnchors,
    /// The time certificates must be valid at; default per signature: its time-stamp, else
    /// its claimed `/M`, else now.
    pub at: Option<VnDateTime>,
    /// Limits for the input.
    pub limits: PdfLimits,
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

/// The signature dictionaries of the latest revision and the fields that point at them.
pub(super) fn signature_dicts(doc: &Document) -> Vec<(ObjectId, Dictionary, Option<String>)> {
    let mut fields: Vec<(ObjectId, String)> = Vec::new();
    let mut sigs = Vec::new();
    for (id, obj) in &doc.objects {
        let Ok(d) = obj.as_dict() else { continue };
        let ty = d.get(b"Type").ok().and_then(|t| t.as_name().ok());
        let is_sig = matches!(ty, Some(b"Sig") | Some(b"DocTimeStamp"))
            || (d.has(b"ByteRange") && d.has(b"Contents") && d.has(b"Filter"));
        if is_sig {
            sigs.push((*id, d.clone()));
        }
        if d.get(b"FT").ok().and_then(|t| t.as_name().ok()) == Some(b"Sig") {
            if let (Ok(Object::Reference(v)), Ok(t)) = (d.get(b"V"), d.get(b"T")) {
                if let Ok(t) = t.as_str() {
                    fields.push((*v, decode_text(t)));
                }
            }
        }
    }
    sigs.into_iter()
        .map(|(id, d)| {
            let name = fields
                .iter()
                .find(|(v, _)| *v == id)
                .map(|(_, n)| n.clone());
            (id, d, name)
        })
        .collect()
}

fn decode_text(b: &[u8]) -> String {
    if b.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

/// `D:YYYYMMDDHHmmSS+HH'mm'` (prefixes allowed) to a time.
fn parse_pdf_date(s: &str) -> Option<VnDateTime> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let num =
        |a: usize, b: usize, d: u32| digits.get(a..b).and_then(|x| x.parse().ok()).unwrap_or(d);
    let (y, mo, da) = (num(0, 4, 0) as i32, num(4, 6, 1), num(6, 8, 1));
    let (h, mi, se) = (num(8, 10, 0), num(10, 12, 0), num(12, 14, 0));
    let rest = &s[digits.len()..];
    let offset_secs: i32 = match rest.chars().next() {
        Some(c @ ('+' | '-')) => {
            let tz: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            let hh: i32 = tz.get(0..2).and_then(|x| x.parse().ok()).unwrap_or(0);
            let mm: i32 = tz.get(2..4).and_then(|x| x.parse().ok()).unwrap_or(0);
            let v = hh * 3600 + mm * 60;
            if c == '-' {
                -v
            } else {
                v
            }
        }
        _ => 0,
    };
    let date = chrono::NaiveDate::from_ymd_opt(y, mo, da)?;
    let time = chrono::NaiveTime::from_hms_opt(h, mi, se.min(59))?;
    let offset = chrono::FixedOffset::east_opt(offset_secs)?;
    let dt = chrono::NaiveDateTime::new(date, time)
        .and_local_timezone(offset)
        .single()?;
    Some(VnDateTime::from_fixed(dt))
}

fn hex_decode(s: &[u8]) -> Option<Vec<u8>> {
    let digits: Vec<u8> = s
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(digits.len() / 2 + 1);
    for pair in digits.chunks(2) {
        let v = |c: u8| (c as char).to_digit(16);
        let hi = v(pair[0])?;
        let lo = if pair.len() == 2 { v(pair[1])? } else { 0 };
        out.push((hi * 16 + lo) as u8);
    }
    Some(out)
}

/// The DER value at the start of `b` without the padding after it.
fn der_prefix(b: &[u8]) -> Option<&[u8]> {
    if b.len() < 2 || b[0] != 0x30 {
        return None;
    }
    let (len, head) = match b[1] {
        l if l < 0x80 => (l as usize, 2),
        0x80 => return None,
        l => {
            let n = (l & 0x7f) as usize;
            if n > 4 || b.len() < 2 + n {
                return None;
            }
            let len = b[2..2 + n]
                .iter()
                .fold(0usize, |a, x| (a << 8) | *x as usize);
            (len, 2 + n)
        }
    };
    b.get(..head.checked_add(len)?)
}

/// Checks the byte range against the file and returns the CMS bytes in the gap.
fn check_range(file: &[u8], br: &[i64]) -> Result<(Vec<u8>, u64), String> {
    let [s0, l0, s1, l1] = br else {
        return Err(format!("/ByteRange has {} numbers, not 4", br.len()));
    };
    let to = |v: i64| usize::try_from(v).map_err(|_| "/ByteRange has a negative number".to_owned());
    let (s0, l0, s1, l1) = (to(*s0)?, to(*l0)?, to(*s1)?, to(*l1)?);
    if s0 != 0 {
        return Err("/ByteRange does not start at the beginning of the file".into());
    }
    let end = s1.checked_add(l1).ok_or("/ByteRange overflows")?;
    if l0 >= s1 || end > file.len() {
        return Err(format!(
            "/ByteRange [0 {l0} {s1} {l1}] does not fit the file of {} bytes",
            file.len()
        ));
    }
    if file.get(l0) != Some(&b'<') || file.get(s1 - 1) != Some(&b'>') {
        return Err("the gap in /ByteRange is not exactly the /Contents hex string".into());
    }
    let gap = &file[l0 + 1..s1 - 1];
    if gap
        .iter()
        .any(|b| !b.is_ascii_hexdigit() && !b.is_ascii_whitespace())
    {
        return Err("the gap in /ByteRange holds more than the /Contents hex string".into());
    }
    let bytes = hex_decode(gap).ok_or("the /Contents hex string cannot be read")?;
    Ok((bytes, end as u64))
}

/// Verifies every signature and document time-stamp of `pdf`.
///
/// Errors only when the file cannot be read as a PDF (limits, parse errors, encryption); each
/// signature's problem is in its entry and its findings.
pub fn verify_signatures(
    pdf: &[u8],
    opts: &SignatureVerifyOptions,
) -> Result<SignaturesReport, PdfError> {
    let doc = load(pdf, &opts.limits)?;
    Ok(report(&doc, pdf, opts, true))
}

/// [`verify_signatures`] on a document already loaded from `pdf`; `compare_revisions`: whether
/// to classify the revisions after the signatures (`updates`, and the findings from them).
pub(super) fn report(
    doc: &Document,
    pdf: &[u8],
    opts: &SignatureVerifyOptions,
    compare_revisions: bool,
) -> SignaturesReport {
    let ends = eof_ends(pdf, 0);
    let certified = docmdp_permission(doc);
    let cert_sig = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| resolve(doc, r))
        .and_then(|r| r.as_dict().ok())
        .and_then(|r| r.get(b"Perms").ok())
        .and_then(|p| resolve(doc, p))
        .and_then(|p| p.as_dict().ok())
        .and_then(|p| p.get(b"DocMDP").ok())
        .and_then(|d| d.as_reference().ok());
    let mut out = Vec::new();
    for (id, d, field_name) in signature_dicts(doc) {
        let name = |k: &[u8]| {
            d.get(k)
                .ok()
                .and_then(|v| v.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
        };
        let sub_filter = name(b"SubFilter").unwrap_or_default();
        let kind =
            if name(b"Type").as_deref() == Some("DocTimeStamp") || sub_filter == "ETSI.RFC3161" {
                SignatureKind::DocumentTimestamp
            } else if Some(id) == cert_sig {
                SignatureKind::Certification {
                    permission: certified.unwrap_or(2),
                }
            } else {
                SignatureKind::Approval
            };
        let br: Vec<i64> = d
            .get(b"ByteRange")
            .ok()
            .and_then(|b| resolve(doc, b))
            .and_then(|b| b.as_array().ok())
            .map(|a| a.iter().filter_map(|x| x.as_i64().ok()).collect())
            .unwrap_or_default();
        let claimed = d
            .get(b"M")
            .ok()
            .and_then(|m| m.as_str().ok())
            .map(decode_text);
        let claimed_time = claimed.as_deref().and_then(parse_pdf_date);
        let mut sig = PdfSignature {
            field_name,
            kind,
            sub_filter: sub_filter.clone(),
            byte_range: br.clone(),
            signed_len: 0,
            revision: None,
            revisions_after: 0,
            claimed_time: claimed_time.map(|t| t.to_string()).or(claimed),
            valid: false,
            range_problem: None,
            cms: None,
            timestamp: None,
            timestamp_problem: None,
        };
        let (contents, end) = match check_range(pdf, &br) {
            Ok(x) => x,
            Err(e) => {
                sig.range_problem = Some(e);
                out.push(sig);
                continue;
            }
        };
        sig.signed_len = end;
        // The revision it covers: the one whose %%EOF (with or without its end-of-line) ends
        // exactly where the signed bytes end.
        let end_us = end as usize;
        match ends.iter().position(|&e| {
            e == end_us
                || (end_us < e && pdf.get(end_us.saturating_sub(5)..end_us) == Some(b"%%EOF"))
        }) {
            Some(i) => {
                sig.revision = Some(i + 1);
                sig.revisions_after = ends.len() - i - 1;
            }
            None => {
                sig.range_problem =
                    Some("the signed bytes do not end at the end of a revision (%%EOF)".into());
            }
        }
        let s1 = br[2] as usize;
        let l0 = br[1] as usize;
        let digest_of = |d: DigestAlgorithm| {
            let mut h = d.hasher();
            h.update(&pdf[..l0]);
            h.update(&pdf[s1..end_us]);
            h.finish()
        };
        let Some(der) = der_prefix(&contents) else {
            sig.range_problem = Some("/Contents holds no DER signature".into());
            out.push(sig);
            continue;
        };
        match kind {
            SignatureKind::DocumentTimestamp => {
                match cms::verify_timestamp_token(der, &digest_of, &opts.anchors) {
                    Ok((ts, _)) => {
                        sig.timestamp = Some(ts);
                        sig.valid = sig.range_problem.is_none();
                    }
                    Err(e) => sig.timestamp_problem = Some(e),
                }
            }
            _ => {
                if !matches!(
                    sub_filter.as_str(),
                    "ETSI.CAdES.detached" | "adbe.pkcs7.detached"
                ) {
                    sig.range_problem = Some(format!(
                        "/SubFilter {sub_filter} is not a detached CMS signature egov verifies (ETSI.CAdES.detached, adbe.pkcs7.detached)"
                    ));
                    out.push(sig);
                    continue;
                }
                let v = match cms::stated_digest(der) {
                    Ok(dg) => cms::verify_detached(
                        der,
                        &digest_of(dg),
                        &CmsVerifyOptions {
                            anchors: opts.anchors.clone(),
                            at: opts.at,
                            claimed_time,
                        },
                    ),
                    Err(f) => {
                        cms::verify_detached(der, &[], &CmsVerifyOptions::default()).tap_failure(f)
                    }
                };
                sig.valid = v.is_valid() && sig.range_problem.is_none();
                sig.cms = Some(v);
            }
        }
        out.push(sig);
    }
    out.sort_by_key(|s| s.signed_len);
    let first_signed = out.iter().filter_map(|s| s.revision).min();
    let updates = match first_signed {
        Some(first) if compare_revisions => {
            updates_after(pdf, doc, &ends, first, certified, &opts.limits)
        }
        _ => Vec::new(),
    };
    let findings = out.iter().flat_map(|s| findings_of(s, &updates)).collect();
    SignaturesReport {
        all_valid: !out.is_empty() && out.iter().all(|s| s.valid),
        revisions: ends.len(),
        updates,
        signatures: out,
        findings,
    }
}

/// The finding on the revisions appended after signature `s`: a pass when each is a permitted
/// update (validation data, a document time-stamp, a further signature, metadata), else a
/// warning naming what changed; without a comparison (`updates` empty), a warning that they
/// are not covered.
fn after_signature(s: &PdfSignature, updates: &[RevisionUpdate], rev: &str) -> Finding {
    let basis = LegalRef::clause(Instrument::Qd28_2018, 6, 1);
    let n = s.revisions_after;
    let later: Vec<&RevisionUpdate> = updates
        .iter()
        .filter(|u| s.revision.is_some_and(|r| u.revision > r))
        .collect();
    if later.len() == n && later.iter().all(|u| u.permitted) {
        let mut adds: Vec<_> = later.iter().flat_map(|u| u.adds.iter().copied()).collect();
        adds.sort();
        adds.dedup();
        if adds.is_empty() {
            return Finding::new(
                "DOC-18",
                basis,
                Outcome::Pass,
                format!("{n} revision(s) were appended after this signature, redefining nothing the document uses: what the signature covers is unchanged"),
                format!("có {n} phiên bản được bổ sung sau chữ ký này nhưng không thay đổi đối tượng nào tài liệu sử dụng: nội dung được chữ ký bảo đảm không thay đổi"),
            );
        }
        let list = |f: fn(super::PermittedUpdate) -> &'static str, and: &str| {
            let words: Vec<&str> = adds.iter().map(|a| f(*a)).collect();
            match words.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} {and} {last}", rest.join(", "))
                }
                _ => words.join(""),
            }
        };
        return Finding::new(
            "DOC-18",
            basis,
            Outcome::Pass,
            format!(
                "{n} revision(s) were appended after this signature, adding only {}: updates permitted after signing; what the signature covers is unchanged",
                list(super::PermittedUpdate::en, "and")
            ),
            format!(
                "có {n} phiên bản được bổ sung sau chữ ký này, chỉ thêm {}: là những bổ sung được phép sau khi ký; nội dung được chữ ký bảo đảm không thay đổi",
                list(super::PermittedUpdate::vi, "và")
            ),
        );
    }
    let changes: Vec<_> = later
        .iter()
        .filter(|u| !u.permitted)
        .flat_map(|u| u.other_changes.iter().map(move |c| (u.revision, c)))
        .collect();
    let listed = |f: &dyn Fn(&super::OtherChange) -> String, more: &str| {
        let mut t: Vec<String> = changes
            .iter()
            .take(5)
            .map(|(r, c)| format!("{r}: {}", f(c)))
            .collect();
        if changes.len() > 5 {
            t.push(format!("{} {more}", changes.len() - 5));
        }
        t.join("; ")
    };
    let (en, vi) = if changes.is_empty() {
        (
            format!("{n} revision(s) were appended after this signature: it covers revision {rev} only, not what was added later"),
            format!("có {n} phiên bản được bổ sung sau chữ ký này: chữ ký chỉ bảo đảm phiên bản {rev}, không bảo đảm nội dung bổ sung sau"),
        )
    } else {
        (
            format!(
                "{n} revision(s) were appended after this signature: it covers revision {rev} only, not these later changes (revision: change): {}",
                listed(&super::OtherChange::en, "more")
            ),
            format!(
                "có {n} phiên bản được bổ sung sau chữ ký này: chữ ký chỉ bảo đảm phiên bản {rev}, không bảo đảm các thay đổi sau (phiên bản: thay đổi): {}",
                listed(&super::OtherChange::vi, "thay đổi khác")
            ),
        )
    };
    Finding::new("DOC-18", basis, Outcome::Warning, en, vi)
}

trait TapFailure {
    fn tap_failure(self, f: egov_sign::CmsFailure) -> Self;
}

impl TapFailure for CmsVerification {
    fn tap_failure(mut self, f: egov_sign::CmsFailure) -> Self {
        self.failure = Some(f);
        self
    }
}

fn findings_of(s: &PdfSignature, updates: &[RevisionUpdate]) -> Vec<Finding> {
    let basis = || LegalRef::clause(Instrument::Qd28_2018, 6, 1);
    let field = format!(
        "signature {}",
        s.field_name.clone().unwrap_or_else(|| "(no field)".into())
    );
    let mut out = Vec::new();
    let who = s
        .cms
        .as_ref()
        .and_then(|c| c.signer.as_ref())
        .map(|c| c.subject.clone())
        .or_else(|| {
            s.timestamp
                .as_ref()
                .and_then(|t| t.authority.as_ref())
                .map(|a| a.subject.clone())
        })
        .unwrap_or_default();
    let rev = s
        .revision
        .map(|r| r.to_string())
        .unwrap_or_else(|| "?".into());
    let (outcome, en, vi) = if let Some(p) = &s.range_problem {
        (
            Outcome::Fail,
            format!("the signature's byte range is unacceptable: {p}"),
            format!("phạm vi byte được ký không hợp lệ: {p}"),
        )
    } else if let Some(p) = &s.timestamp_problem {
        (
            Outcome::Fail,
            format!("the document time-stamp does not verify: {p}"),
            format!("dấu thời gian của tài liệu không hợp lệ: {p}"),
        )
    } else if let Some(f) = s.cms.as_ref().and_then(|c| c.failure.as_ref()) {
        (Outcome::Fail, f.to_string(), f.message_vi())
    } else if s.kind == SignatureKind::DocumentTimestamp {
        (
            Outcome::Pass,
            format!("the document time-stamp by {who} verifies over revision {rev}"),
            format!("dấu thời gian tài liệu của {who} hợp lệ trên phiên bản {rev}"),
        )
    } else {
        match s.cms.as_ref().and_then(|c| c.chain.as_ref()) {
            Some(egov_sign::ChainStatus::Trusted { anchor, .. }) => (
                Outcome::Pass,
                format!("the signature of {who} verifies over revision {rev} and its certificate chains to the trust anchor {anchor}"),
                format!("chữ ký số của {who} hợp lệ trên phiên bản {rev}, chứng thư số dẫn tới gốc tin cậy {anchor}"),
            ),
            _ => (
                Outcome::Unknown,
                format!("the signature of {who} verifies over revision {rev}, but no trust anchor was given to check who issued the certificate"),
                format!("chữ ký số của {who} khớp nội dung phiên bản {rev}, nhưng chưa có chứng thư gốc tin cậy để kiểm tra đơn vị cấp"),
            ),
        }
    };
    let mut f = Finding::new("DOC-18", basis(), outcome, en, vi);
    f.field = Some(field.clone().into());
    f.evidence = serde_json::to_value(s).ok();
    out.push(f);
    if s.range_problem.is_none() && s.revisions_after > 0 {
        let mut f = after_signature(s, updates, &rev);
        f.field = Some(field.into());
        out.push(f);
    }
    for w in s.cms.iter().flat_map(|c| c.warnings.iter()) {
        out.push(Finding::new(
            "DOC-18",
            basis(),
            Outcome::Warning,
            w.clone(),
            format!("cảnh báo về chữ ký: {w}"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_read_with_their_offset() {
        let t = parse_pdf_date("D:20261204093000+07'00'").unwrap();
        assert_eq!(t.to_string(), "2026-12-04T09:30:00+07:00");
        let t = parse_pdf_date("D:20261204023000Z").unwrap();
        assert_eq!(t.to_string(), "2026-12-04T09:30:00+07:00");
        assert!(parse_pdf_date("D:2026").is_none());
        assert!(parse_pdf_date("garbage").is_none());
    }

    #[test]
    fn der_prefix_drops_the_padding() {
        assert_eq!(
            der_prefix(&[0x30, 2, 5, 0, 0, 0]),
            Some(&[0x30, 2, 5, 0][..])
        );
        assert_eq!(
            der_prefix(&[0x30, 0x81, 1, 9, 0]),
            Some(&[0x30, 0x81, 1, 9][..])
        );
        assert_eq!(der_prefix(&[0x30, 0x82, 0xff, 0xff]), None);
        assert_eq!(der_prefix(&[0, 0]), None);
    }

    #[test]
    fn byte_ranges_that_do_not_frame_the_contents_are_refused() {
        let file = b"%PDF-1.7 <<//Contents <3000> >> %%EOF";
        let a = file.windows(6).position(|w| w == b"<3000>").unwrap();
        let b = a + 6;
        let ok = check_range(file, &[0, a as i64, b as i64, (file.len() - b) as i64]);
        assert_eq!(ok.unwrap(), (vec![0x30, 0x00], file.len() as u64));
        assert!(check_range(file, &[1, a as i64, b as i64, 1]).is_err());
        assert!(check_range(file, &[0, a as i64 + 1, b as i64, 1]).is_err());
        assert!(check_range(file, &[0, a as i64, b as i64, 10_000]).is_err());
        assert!(check_range(file, &[0, a as i64, b as i64]).is_err());
        assert!(check_range(file, &[0, -1, b as i64, 1]).is_err());
    }
}
