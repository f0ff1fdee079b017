//! The conversion against Điều 12 of the Law on E-Transactions as one check (rules CONV-01,
//! CONV-08).
//!
//! NĐ 137/2024 Đ4 (lead-in): «Thông điệp dữ liệu được chuyển đổi từ văn bản giấy phải đáp ứng đủ
//! các yêu cầu quy định tại khoản 1 Điều 12 Luật Giao dịch điện tử»; Đ5 (lead-in): «Văn bản giấy
//! được chuyển đổi từ thông điệp dữ liệu phải đáp ứng đủ các yêu cầu theo quy định tại khoản 2
//! Điều 12 Luật Giao dịch điện tử». The Law (20/2023/QH15) is **not among the seeds**: its points
//! are taken from the requirements digest (§3.1, outside knowledge O-02: confidence high for
//! 12.1.a–c, medium-high for 12.1.d and 12.2), and every finding says so. Check the Law's text
//! before relying on a finding in a dispute.
//!
//! | point | paper → data message (12.1) | data message → paper (12.2) |
//! |---|---|---|
//! | a | content as complete as the paper ([`Art12Facts::content_intact`]) | content intact as the data message (same fact) |
//! | b | can be accessed and used for reference ([`Art12Facts::accessible_for_reference`]) | identifies the system and its owner, for lookup: the mark (CONV-09/10, [`crate::validate()`]) |
//! | c | the special mark and the converter: the mark ([`crate::validate()`]) | the special mark and the converter: the mark |
//! | d | a licence, certificate, attestation or approval of a competent body: the converter also signs digitally, unless the law provides otherwise ([`Art12Facts::licence_like`], [`Art12Facts::digitally_signed`]) | — |
//!
//! What egov can see it checks (the mark); what only the converter knows is a fact the caller
//! gives, and a fact not given is `Unknown` with what is missing.

use egov_core::{Finding, Instrument, LegalRef, Outcome, Report};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::mark::{ConversionMark, Direction};
use crate::validate::validate;

/// What the converter knows about one conversion (JSON: every field optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Art12Facts {
    /// 12.1.a / 12.2.a: the converted content is complete and intact against the original.
    pub content_intact: Option<bool>,
    /// 12.1.b: the data message can be accessed and used for reference.
    pub accessible_for_reference: Option<bool>,
    /// 12.1.d: the paper is a licence, certificate, attestation, approval or similar document
    /// issued by a competent body.
    pub licence_like: Option<bool>,
    /// 12.1.d: the converting body signed the data message digitally.
    pub digitally_signed: Option<bool>,
    /// 12.1.d: the law provides otherwise for this document (no signature needed).
    pub law_provides_otherwise: Option<bool>,
}

const CONFIDENCE: &str = "Law 20/2023/QH15 Art. 12 is not among the seeds: its points are taken from the requirements digest (§3.1, O-02: confidence high for 12.1.a–c, medium-high for 12.1.d and 12.2); check the Law's text";

fn law_point(clause: u8, point: &'static str) -> LegalRef {
    LegalRef::point(
        Instrument::Other("Luật Giao dịch điện tử 20/2023/QH15".to_owned()),
        12,
        clause,
        point,
    )
}

/// Checks a conversion against khoản 1 (paper → data message, CONV-01, NĐ 137/2024 Đ4) or khoản 2
/// (data message → paper, CONV-08, Đ5) of Điều 12 of the Law on E-Transactions, as the mark's
/// direction says: one finding per point of the Law, each citing the point of the Law and, in
/// its evidence, the decree's lead-in that requires it. See the [module docs](self).
///
/// ```
/// use egov_conversion::law_art12::{check_law_art12, Art12Facts};
/// use egov_conversion::{ConversionMark, Profile, Wording};
/// use egov_core::{Outcome, VnDateTime};
///
/// let mark = ConversionMark::paper_to_data(
///     Profile::General,
///     VnDateTime::parse("2026-03-02T09:15:00+07:00")?,
///     "Văn phòng UBND tỉnh Bắc Ninh",
///     &Wording::sdk_default(),
/// );
/// let facts = Art12Facts {
///     content_intact: Some(true),
///     accessible_for_reference: Some(true),
///     licence_like: Some(false),
///     ..Art12Facts::default()
/// };
/// let report = check_law_art12(&mark, &facts);
/// assert_eq!(report.overall(), Outcome::Pass);
/// assert!(report.findings.iter().all(|f| f.rule == "CONV-01"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_law_art12(mark: &ConversionMark, facts: &Art12Facts) -> Report {
    let direction = mark.direction;
    let (rule, decree, clause) = match direction {
        Direction::PaperToData => ("CONV-01", LegalRef::article(Instrument::Nd137_2024, 4), 1),
        Direction::DataToPaper => ("CONV-08", LegalRef::article(Instrument::Nd137_2024, 5), 2),
    };
    let finding =
        |point: &'static str, outcome: Outcome, en: String, vi: String, field: &'static str| {
            Finding::new(rule, law_point(clause, point), outcome, en, vi)
                .with_field(field)
                .with_evidence(json!({
                    "required_by": decree.to_string(),
                    "law_point": format!("12.{clause}.{point}"),
                    "source_of_the_law_text": CONFIDENCE,
                }))
        };
    let mut report = Report::new();

    // a) content complete / intact.
    let (outcome, en, vi) = fact(
        facts.content_intact,
        "the converted content is complete and intact against the original",
        "nội dung sau chuyển đổi bảo đảm đầy đủ, toàn vẹn như bản gốc",
        "content_intact",
    );
    report.push(finding("a", outcome, en, vi, "content_intact"));

    // The mark, as egov checks it (points b of 12.2 and c of both clauses).
    let mark_report = validate(mark);
    let mark_outcome = match mark_report.overall() {
        Outcome::Fail => Outcome::Fail,
        _ => Outcome::Pass,
    };
    let failed: Vec<&str> = mark_report
        .with_outcome(Outcome::Fail)
        .map(|f| f.rule.as_ref())
        .collect();
    let mark_text = |what_en: &str, what_vi: &str| -> (String, String) {
        if failed.is_empty() {
            (
                format!("{what_en}: the mark carries it (checked by egov)"),
                format!("{what_vi}: ký hiệu riêng thể hiện đủ (egov đã kiểm tra)"),
            )
        } else {
            (
                format!("{what_en}: the mark does not meet {}", failed.join(", ")),
                format!(
                    "{what_vi}: ký hiệu riêng chưa đáp ứng {}",
                    failed.join(", ")
                ),
            )
        }
    };

    match direction {
        Direction::PaperToData => {
            let (outcome, en, vi) = fact(
                facts.accessible_for_reference,
                "the data message can be accessed and used for reference",
                "thông điệp dữ liệu truy cập và sử dụng được để tham chiếu",
                "accessible_for_reference",
            );
            report.push(finding("b", outcome, en, vi, "accessible_for_reference"));
            let (en, vi) = mark_text(
                "a special mark confirming the conversion and the converter's information",
                "ký hiệu riêng xác nhận đã được chuyển đổi và thông tin của cơ quan, tổ chức, cá nhân thực hiện chuyển đổi",
            );
            report.push(finding("c", mark_outcome, en, vi, "mark"));
            report.push(point_d(facts, |o, en, vi| {
                finding("d", o, en, vi, "digitally_signed")
            }));
        }
        Direction::DataToPaper => {
            let (en, vi) = mark_text(
                "information identifying the information system and its owner, for lookup",
                "thông tin xác định hệ thống thông tin và chủ quản hệ thống thông tin để tra cứu",
            );
            report.push(finding("b", mark_outcome, en, vi, "mark"));
            let (en, vi) = mark_text(
                "a special mark confirming the conversion and the converter's information",
                "ký hiệu riêng xác nhận đã được chuyển đổi và thông tin của cơ quan, tổ chức, cá nhân thực hiện chuyển đổi",
            );
            report.push(finding("c", mark_outcome, en, vi, "mark"));
        }
    }
    report
}

/// A fact given (`true` Pass, `false` Fail) or not (`Unknown`, naming the field).
fn fact(value: Option<bool>, en: &str, vi: &str, field: &str) -> (Outcome, String, String) {
    match value {
        Some(true) => (
            Outcome::Pass,
            format!("Attested: {en}"),
            format!("Đã xác nhận: {vi}"),
        ),
        Some(false) => (
            Outcome::Fail,
            format!("Not met: {en}"),
            format!("Chưa đáp ứng: {vi}"),
        ),
        None => (
            Outcome::Unknown,
            format!("Not given ({field}): {en}"),
            format!("Chưa có thông tin ({field}): {vi}"),
        ),
    }
}

/// 12.1.d: a licence-like paper needs the converter's digital signature, unless the law
/// provides otherwise.
fn point_d(facts: &Art12Facts, finding: impl Fn(Outcome, String, String) -> Finding) -> Finding {
    const WHAT_VI: &str = "giấy phép, giấy chứng nhận, văn bản xác nhận, chấp thuận hoặc văn bản tương tự do cơ quan có thẩm quyền cấp";
    match (facts.licence_like, facts.law_provides_otherwise, facts.digitally_signed) {
        (Some(false), _, _) => finding(
            Outcome::Pass,
            "Not a licence, certificate, attestation or approval of a competent body: no digital signature of the converter needed by point d".to_owned(),
            format!("Không phải {WHAT_VI}: điểm d không đòi hỏi chữ ký số của bên chuyển đổi"),
        ),
        (Some(true), Some(true), _) => finding(
            Outcome::Pass,
            "A licence-like document for which the law provides otherwise: no digital signature of the converter needed".to_owned(),
            format!("{WHAT_VI} mà pháp luật có quy định khác: không đòi hỏi chữ ký số của bên chuyển đổi"),
        ),
        (Some(true), _, Some(true)) => finding(
            Outcome::Pass,
            "A licence-like document, digitally signed by the converting body".to_owned(),
            format!("{WHAT_VI}, đã được cơ quan, tổ chức thực hiện chuyển đổi ký số"),
        ),
        (Some(true), _, Some(false)) => finding(
            Outcome::Fail,
            "A licence-like document not digitally signed by the converting body: point d requires the signature unless the law provides otherwise".to_owned(),
            format!("{WHAT_VI} chưa được cơ quan, tổ chức thực hiện chuyển đổi ký số: điểm d yêu cầu ký số, trừ trường hợp pháp luật có quy định khác"),
        ),
        (Some(true), _, None) => finding(
            Outcome::Unknown,
            "A licence-like document: whether the converting body signed it digitally is not given (digitally_signed)".to_owned(),
            format!("{WHAT_VI}: chưa có thông tin bên chuyển đổi đã ký số hay chưa (digitally_signed)"),
        ),
        (None, _, _) => finding(
            Outcome::Unknown,
            "Whether the paper is a licence, certificate, attestation or approval of a competent body is not given (licence_like)".to_owned(),
            format!("Chưa có thông tin văn bản giấy có phải là {WHAT_VI} hay không (licence_like)"),
        ),
    }
}
