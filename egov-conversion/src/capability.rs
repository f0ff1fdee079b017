//! Conversion-system capability checklist (CONV-07, NĐ 137/2024 Đ4.2; CONV-16, Đ5.3) and the
//! transition deadline of Đ23 (CONV-21; A-17 month arithmetic).

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use egov_core::{Finding, Instrument, LegalRef, Outcome, Report, VnDateTime, WorkingCalendar};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A feature a conversion system must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Đ4.2.a «Chuyển đổi toàn vẹn nội dung từ văn bản giấy sang thông điệp dữ liệu».
    PaperToDataIntegralConversion,
    /// Đ4.2.b «Tạo ký hiệu riêng và các thông tin khác trên thông điệp dữ liệu».
    PaperToDataCreateMark,
    /// Đ4.2.c «Lưu trữ thông điệp dữ liệu».
    PaperToDataStorage,
    /// Đ4.2.d «Bảo đảm an toàn thông tin mạng, an ninh mạng theo quy định của pháp luật».
    PaperToDataSecurity,
    /// Đ4.2.đ digital signing, required only when Law 20/2023 Art. 12.1.d applies.
    PaperToDataDigitalSigning,
    /// Đ5.3.a «Truy xuất từ hệ thống lưu trữ và hiển thị thông điệp dữ liệu gốc … dưới dạng hoàn chỉnh».
    DataToPaperRetrieveAndDisplay,
    /// Đ5.3.b «Tạo ký hiệu riêng và các thông tin khác trên văn bản giấy».
    DataToPaperCreateMark,
    /// Đ5.3.c «Chuyển đổi toàn vẹn nội dung từ thông điệp dữ liệu gốc sang văn bản giấy».
    DataToPaperIntegralConversion,
}

impl Capability {
    /// Every capability, paper → data first.
    pub const ALL: [Capability; 8] = [
        Capability::PaperToDataIntegralConversion,
        Capability::PaperToDataCreateMark,
        Capability::PaperToDataStorage,
        Capability::PaperToDataSecurity,
        Capability::PaperToDataDigitalSigning,
        Capability::DataToPaperRetrieveAndDisplay,
        Capability::DataToPaperCreateMark,
        Capability::DataToPaperIntegralConversion,
    ];

    /// Rule ID and legal basis.
    pub fn basis(&self) -> (&'static str, LegalRef) {
        let p = |a, c, pt| LegalRef::point(Instrument::Nd137_2024, a, c, pt);
        match self {
            Capability::PaperToDataIntegralConversion => ("CONV-07", p(4, 2, "a")),
            Capability::PaperToDataCreateMark => ("CONV-07", p(4, 2, "b")),
            Capability::PaperToDataStorage => ("CONV-07", p(4, 2, "c")),
            Capability::PaperToDataSecurity => ("CONV-07", p(4, 2, "d")),
            Capability::PaperToDataDigitalSigning => ("CONV-07", p(4, 2, "đ")),
            Capability::DataToPaperRetrieveAndDisplay => ("CONV-16", p(5, 3, "a")),
            Capability::DataToPaperCreateMark => ("CONV-16", p(5, 3, "b")),
            Capability::DataToPaperIntegralConversion => ("CONV-16", p(5, 3, "c")),
        }
    }

    /// Short description in English and Vietnamese.
    pub fn describe(&self) -> (&'static str, &'static str) {
        match self {
            Capability::PaperToDataIntegralConversion => (
                "converts the paper content into the data message completely",
                "chuyển đổi toàn vẹn nội dung từ văn bản giấy sang thông điệp dữ liệu",
            ),
            Capability::PaperToDataCreateMark => (
                "creates the conversion mark and information on the data message",
                "tạo ký hiệu riêng và các thông tin khác trên thông điệp dữ liệu",
            ),
            Capability::PaperToDataStorage => {
                ("stores the data message", "lưu trữ thông điệp dữ liệu")
            }
            Capability::PaperToDataSecurity => (
                "ensures network information security and cybersecurity",
                "bảo đảm an toàn thông tin mạng, an ninh mạng",
            ),
            Capability::PaperToDataDigitalSigning => (
                "can sign digitally (Law 20/2023 Art. 12.1.d conversions)",
                "có tính năng ký số",
            ),
            Capability::DataToPaperRetrieveAndDisplay => (
                "retrieves and displays the original data message in full",
                "truy xuất và hiển thị thông điệp dữ liệu gốc dưới dạng hoàn chỉnh",
            ),
            Capability::DataToPaperCreateMark => (
                "creates the conversion mark and information on the paper",
                "tạo ký hiệu riêng và các thông tin khác trên văn bản giấy",
            ),
            Capability::DataToPaperIntegralConversion => (
                "converts the data message content onto paper completely",
                "chuyển đổi toàn vẹn nội dung từ thông điệp dữ liệu gốc sang văn bản giấy",
            ),
        }
    }
}

/// What the caller knows about one capability. The SDK cannot observe a system: it records
/// evidence (A-22 style) and answers `Unknown` without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
#[serde(deny_unknown_fields)]
pub enum Evidence {
    /// Someone attested that the system has the capability.
    Attested {
        /// Who attested.
        by: String,
        /// A reference to the evidence (test report, audit, document number).
        reference: String,
    },
    /// The system lacks the capability.
    Missing {
        /// Why, if known.
        #[serde(default)]
        reason: String,
    },
}

/// A conversion system to assess against Đ4.2 / Đ5.3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SystemAssessment {
    /// The system converts paper → data (Đ4.2 applies).
    pub paper_to_data: bool,
    /// The system converts data → paper (Đ5.3 applies).
    pub data_to_paper: bool,
    /// Whether it converts documents covered by Law 20/2023 Art. 12.1.d (licences, certificates,
    /// approvals …), which makes digital signing mandatory (Đ4.2.đ). `None` = not stated.
    #[serde(default)]
    pub law_12_1_d_applies: Option<bool>,
    /// Evidence per capability.
    #[serde(default)]
    pub evidence: BTreeMap<Capability, Evidence>,
}

/// Checks a conversion system against the capability list: CONV-07 (NĐ 137/2024 Đ4.2.a–đ) for
/// paper → data and CONV-16 (Đ5.3.a–c) for data → paper. Attested → `Pass`, missing → `Fail`,
/// no evidence → `Unknown`. Đ4.2.đ is `Pass` (not applicable) when Art. 12.1.d does not apply
/// and `Unknown` when that is not stated.
pub fn check_capabilities(system: &SystemAssessment) -> Report {
    let mut r = Report::new();
    for cap in Capability::ALL {
        let applies = match cap {
            Capability::PaperToDataIntegralConversion
            | Capability::PaperToDataCreateMark
            | Capability::PaperToDataStorage
            | Capability::PaperToDataSecurity
            | Capability::PaperToDataDigitalSigning => system.paper_to_data,
            _ => system.data_to_paper,
        };
        if !applies {
            continue;
        }
        let (rule, basis) = cap.basis();
        let (en, vi) = cap.describe();
        if cap == Capability::PaperToDataDigitalSigning {
            match system.law_12_1_d_applies {
                Some(false) => {
                    r.push(Finding::new(
                        rule,
                        basis,
                        Outcome::Pass,
                        format!("not applicable: {en}; no Art. 12.1.d conversions"),
                        format!("không áp dụng: {vi}"),
                    ));
                    continue;
                }
                None if !system.evidence.contains_key(&cap) => {
                    r.push(Finding::new(
                        rule,
                        basis,
                        Outcome::Unknown,
                        format!("unknown whether Law 20/2023 Art. 12.1.d applies, so whether the system must: {en}"),
                        format!("chưa rõ có chuyển đổi theo điểm d khoản 1 Điều 12 Luật Giao dịch điện tử: {vi}"),
                    ));
                    continue;
                }
                _ => {}
            }
        }
        let f = match system.evidence.get(&cap) {
            Some(Evidence::Attested { by, reference }) => Finding::new(
                rule,
                basis,
                Outcome::Pass,
                format!("the system {en} (attested by {by}, {reference})"),
                format!("hệ thống có tính năng {vi} (xác nhận: {by}, {reference})"),
            ),
            Some(Evidence::Missing { reason }) => Finding::new(
                rule,
                basis,
                Outcome::Fail,
                format!("the system does not: {en}. {reason}"),
                format!("hệ thống chưa có tính năng {vi}. {reason}"),
            ),
            None => Finding::new(
                rule,
                basis,
                Outcome::Unknown,
                format!("no evidence that the system {en}"),
                format!("chưa có bằng chứng hệ thống {vi}"),
            ),
        };
        r.push(f.with_evidence(json!({ "capability": cap })));
    }
    r
}

/// The decree's effective date assumed by default: 23/10/2024, the signing date (Đ22.1;
/// outside knowledge O-01, A-17). A parameter: pass another date if needed.
pub const DEFAULT_EFFECTIVE_DATE: (i32, u32, u32) = (2024, 10, 23);

/// The default effective date as a `NaiveDate`.
pub fn default_effective_date() -> NaiveDate {
    let (y, m, d) = DEFAULT_EFFECTIVE_DATE;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Months in the Đ23 transition period («trong vòng 24 tháng»).
pub const TRANSITION_MONTHS: u32 = 24;

/// The Đ23 transition deadline, with how it was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TransitionDeadline {
    /// The decree's effective date used.
    pub effective_date: NaiveDate,
    /// Length of the period in months.
    pub months: u32,
    /// The corresponding day of the final month (A-17), before any roll-over.
    pub period_end: NaiveDate,
    /// The last day to comply, after rolling a day off to the next working day.
    pub last_day: NaiveDate,
    /// The instant the period ends: the end (23:59:59) of `last_day`, Vietnam time.
    pub due: VnDateTime,
    /// True when `period_end` fell on a day off and was moved.
    pub rolled_over: bool,
}

/// Why a deadline could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeadlineError {
    /// The date arithmetic left the supported range.
    #[error("date out of range adding {months} months to {start}")]
    OutOfRange {
        /// The start date.
        start: NaiveDate,
        /// Months added.
        months: u32,
    },
    /// The calendar could not find a next working day.
    #[error("calendar error: {0}")]
    Calendar(String),
}

impl egov_core::Localize for DeadlineError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            DeadlineError::OutOfRange { start, months } => {
                args!(start = egov_core::i18n::date_vi(*start), months = months)
            }
            DeadlineError::Calendar(_) => args!(),
        }
    }
}

impl egov_core::ErrorCode for DeadlineError {
    fn code(&self) -> &'static str {
        match self {
            DeadlineError::OutOfRange { .. } => "transition.out_of_range",
            DeadlineError::Calendar(_) => "transition.calendar",
        }
    }
}

/// CONV-21 (NĐ 137/2024 Đ23): conversion systems for documents with legal value must meet
/// Đ4.2 and Đ5.3 «trong vòng 24 tháng kể từ ngày Nghị định này có hiệu lực».
///
/// A-17: the period ends at the end of the corresponding day of the 24th month after
/// `effective_date`; when `calendar` is given and that day is not a working day, it rolls to the
/// next working day. With the default effective date: 23/10/2026 (a Friday).
///
/// ```
/// use egov_conversion::capability::{transition_deadline, default_effective_date};
/// let d = transition_deadline(default_effective_date(), None).unwrap();
/// assert_eq!(d.last_day.to_string(), "2026-10-23");
/// assert_eq!(d.due.to_string(), "2026-10-23T23:59:59+07:00");
/// ```
pub fn transition_deadline(
    effective_date: NaiveDate,
    calendar: Option<&WorkingCalendar>,
) -> Result<TransitionDeadline, DeadlineError> {
    let period_end = egov_core::add_months(effective_date, TRANSITION_MONTHS).ok_or(
        DeadlineError::OutOfRange {
            start: effective_date,
            months: TRANSITION_MONTHS,
        },
    )?;
    let last_day = match calendar {
        Some(cal) => cal
            .this_or_next_working_day(period_end)
            .map_err(|e| DeadlineError::Calendar(e.to_string()))?,
        None => period_end,
    };
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    let due = VnDateTime::from_date_time(last_day, end_of_day).map_err(|_| {
        DeadlineError::OutOfRange {
            start: effective_date,
            months: TRANSITION_MONTHS,
        }
    })?;
    Ok(TransitionDeadline {
        effective_date,
        months: TRANSITION_MONTHS,
        period_end,
        last_day,
        due,
        rolled_over: last_day != period_end,
    })
}

/// CONV-21 (NĐ 137/2024 Đ23): judges a system at `now` against the transition deadline, given
/// its capability report from [`check_capabilities`]. Compliant → `Pass`; not (yet) compliant
/// before the deadline → `Warning` (still within the transition period); after it → `Fail`;
/// capabilities unknown after the deadline → `Unknown`.
pub fn check_transition(
    capabilities: &Report,
    deadline: &TransitionDeadline,
    now: VnDateTime,
) -> Finding {
    let basis = LegalRef::article(Instrument::Nd137_2024, 23);
    let evidence =
        json!({ "due": deadline.due, "now": now, "capabilities": capabilities.overall() });
    let before = now <= deadline.due;
    let (outcome, en, vi) = match (capabilities.overall(), before) {
        (Outcome::Pass | Outcome::Warning, _) => (
            Outcome::Pass,
            "the conversion system meets Đ4.2 / Đ5.3".to_owned(),
            "hệ thống đáp ứng khoản 2 Điều 4, khoản 3 Điều 5".to_owned(),
        ),
        (_, true) => (
            Outcome::Warning,
            format!(
                "within the transition period: must meet Đ4.2 / Đ5.3 by {}",
                deadline.due
            ),
            format!(
                "trong thời gian chuyển tiếp: phải đáp ứng trước {}",
                egov_core::i18n::datetime_vi(deadline.due)
            ),
        ),
        (Outcome::Unknown, false) => (
            Outcome::Unknown,
            format!(
                "transition period ended {}; compliance not established",
                deadline.due
            ),
            format!(
                "thời gian chuyển tiếp đã hết ({}); chưa xác định được việc đáp ứng",
                egov_core::i18n::datetime_vi(deadline.due)
            ),
        ),
        (Outcome::Fail, false) => (
            Outcome::Fail,
            format!(
                "transition period ended {} and the system does not meet Đ4.2 / Đ5.3",
                deadline.due
            ),
            format!(
                "đã hết thời gian chuyển tiếp ({}) mà hệ thống chưa đáp ứng",
                egov_core::i18n::datetime_vi(deadline.due)
            ),
        ),
    };
    Finding::new("CONV-21", basis, outcome, en, vi).with_evidence(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn conv_21_default_deadline_is_23_october_2026() {
        let t = transition_deadline(default_effective_date(), Some(&WorkingCalendar::vietnam()))
            .unwrap();
        assert_eq!(t.period_end, d(2026, 10, 23));
        assert_eq!(t.last_day, d(2026, 10, 23));
        assert!(!t.rolled_over);
        assert_eq!(t.months, 24);
    }

    #[test]
    fn a_17_transition_end_on_a_weekend_rolls_over() {
        // Month arithmetic itself: egov_core::add_months (CORE-09), tested there.
        // 2024-11-07 + 24 months = Saturday 2026-11-07 → Monday 2026-11-09.
        let t =
            transition_deadline(d(2024, 11, 7), Some(&WorkingCalendar::weekends_only())).unwrap();
        assert_eq!(t.period_end, d(2026, 11, 7));
        assert_eq!(t.last_day, d(2026, 11, 9));
        assert!(t.rolled_over);
        let t = transition_deadline(d(2024, 11, 7), None).unwrap();
        assert_eq!(t.last_day, d(2026, 11, 7));
    }

    fn system(evidence: Evidence) -> SystemAssessment {
        let mut s = SystemAssessment {
            paper_to_data: true,
            data_to_paper: true,
            law_12_1_d_applies: Some(false),
            evidence: BTreeMap::new(),
        };
        for c in Capability::ALL {
            s.evidence.insert(c, evidence.clone());
        }
        s
    }

    #[test]
    fn conv_07_conv_16_all_attested_passes_with_citations() {
        let s = system(Evidence::Attested {
            by: "Cục Chuyển đổi số".into(),
            reference: "BB-01/2026".into(),
        });
        let r = check_capabilities(&s);
        assert!(r.is_compliant());
        assert_eq!(r.for_rule("CONV-07").count(), 5);
        assert_eq!(r.for_rule("CONV-16").count(), 3);
        let bases: Vec<String> = r.findings.iter().map(|f| f.basis.to_string()).collect();
        assert!(bases.contains(&"NĐ 137/2024/NĐ-CP Đ4.2.đ".to_owned()));
        assert!(bases.contains(&"NĐ 137/2024/NĐ-CP Đ5.3.c".to_owned()));
    }

    #[test]
    fn conv_07_missing_fails_no_evidence_is_unknown() {
        let mut s = system(Evidence::Missing { reason: "".into() });
        assert_eq!(check_capabilities(&s).overall(), Outcome::Fail);
        s.evidence.clear();
        s.law_12_1_d_applies = None;
        let r = check_capabilities(&s);
        assert_eq!(r.overall(), Outcome::Unknown);
        assert_eq!(r.with_outcome(Outcome::Pass).count(), 0);
        s.data_to_paper = false;
        assert_eq!(check_capabilities(&s).findings.len(), 5);
    }

    #[test]
    fn conv_07_digital_signing_required_only_under_12_1_d() {
        let mut s = system(Evidence::Attested {
            by: "x".into(),
            reference: "y".into(),
        });
        s.evidence.insert(
            Capability::PaperToDataDigitalSigning,
            Evidence::Missing {
                reason: "no HSM".into(),
            },
        );
        assert!(check_capabilities(&s).is_compliant());
        s.law_12_1_d_applies = Some(true);
        assert_eq!(check_capabilities(&s).overall(), Outcome::Fail);
    }

    #[test]
    fn conv_21_transition_judgement() {
        let t = transition_deadline(default_effective_date(), None).unwrap();
        let before = VnDateTime::parse("2026-10-23T23:59:59+07:00").unwrap();
        let after = VnDateTime::parse("2026-10-24T00:00:00+07:00").unwrap();
        let bad = check_capabilities(&system(Evidence::Missing { reason: "".into() }));
        let good = check_capabilities(&system(Evidence::Attested {
            by: "a".into(),
            reference: "b".into(),
        }));
        assert_eq!(check_transition(&bad, &t, before).outcome, Outcome::Warning);
        assert_eq!(check_transition(&bad, &t, after).outcome, Outcome::Fail);
        assert_eq!(check_transition(&good, &t, after).outcome, Outcome::Pass);
        assert_eq!(
            check_transition(&Report::new(), &t, after).outcome,
            Outcome::Unknown
        );
        assert_eq!(
            check_transition(&bad, &t, after).basis.to_string(),
            "NĐ 137/2024/NĐ-CP Đ23"
        );
    }
}
