//! The network-trust certification code (TRUST-01, NĐ 137/2024/NĐ-CP Đ21.1): «Tín nhiệm mạng là
//! mã chứng nhận đối với hệ thống thông tin phục vụ giao dịch điện tử đáp ứng các tiêu chí theo quy
//! định tại khoản 2 Điều này».
//!
//! A certification code is issued to a system by someone else; a self-declaration
//! ([`crate::Declaration`], Đ21.3) is the owner's own statement. The two are different types on
//! purpose: egov never produces a certification code, it records one the owner holds and checks it
//! against the evaluation time and, when given, the owner's latest assessment.
//!
//! The decree gives the code no format, issuer or validity period (REQUIREMENTS §7 A-23): the code
//! is an opaque string with its issuer and dates, and the checks below use only what the decree
//! says — the code is for a system that meets the six criteria of Đ21.2.

use egov_core::chrono::NaiveDate;
use egov_core::i18n::date_vi;
use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::Assessment;

/// The longest code accepted, in characters (a bound against pasted documents, not a rule).
pub const MAX_CODE_CHARS: usize = 128;

/// Rule ID of the certification code.
pub const RULE: &str = "TRUST-01";

fn basis() -> LegalRef {
    LegalRef::clause(Instrument::Nd137_2024, 21, 1)
}

/// Why a certification code could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificationCodeError {
    /// The code is empty or only spaces.
    #[error("the certification code is empty (mã chứng nhận trống)")]
    Empty,
    /// The code is longer than [`MAX_CODE_CHARS`].
    #[error("the certification code has {0} characters, more than {MAX_CODE_CHARS} (mã chứng nhận quá dài)")]
    TooLong(usize),
    /// The code contains a control character (a line break, a tab, …) at a character index.
    #[error("the certification code contains a control character at character {0} (mã chứng nhận có ký tự điều khiển)")]
    ControlCharacter(usize),
    /// The issuer is empty.
    #[error("the issuer of the certification code is empty (chưa có đơn vị cấp mã chứng nhận)")]
    NoIssuer,
    /// The validity ends before it starts.
    #[error(
        "the certification code is valid until {valid_until}, before it was issued on {issued_on}"
    )]
    ValidityReversed {
        /// Date of issue.
        issued_on: NaiveDate,
        /// End of validity.
        valid_until: NaiveDate,
    },
}

/// A network-trust certification code («mã chứng nhận», TRUST-01, Đ21.1) held for one system:
/// the code as issued, who issued it, when, until when (when the issuer says), and the system it
/// was issued for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CertificationCode {
    /// The code exactly as issued (trimmed; opaque to egov).
    pub code: String,
    /// Who issued it (the certifying body's name).
    pub issuer: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Last day of validity, when the issuer gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The system (host name or system name) the code was issued for.
    pub system: String,
}

impl CertificationCode {
    /// TRUST-01 (Đ21.1): a certification code, checked for shape only (non-empty, bounded, no
    /// control characters, an issuer, validity not ending before issue).
    pub fn new(
        code: &str,
        issuer: &str,
        issued_on: NaiveDate,
        valid_until: Option<NaiveDate>,
        system: &str,
    ) -> Result<Self, CertificationCodeError> {
        let value = CertificationCode {
            code: code.trim().to_owned(),
            issuer: issuer.trim().to_owned(),
            issued_on,
            valid_until,
            system: system.trim().to_owned(),
        };
        value.validate()?;
        Ok(value)
    }

    /// The shape checks of [`CertificationCode::new`], for a value read with serde.
    pub fn validate(&self) -> Result<(), CertificationCodeError> {
        let code = self.code.trim();
        if code.is_empty() {
            return Err(CertificationCodeError::Empty);
        }
        let chars = code.chars().count();
        if chars > MAX_CODE_CHARS {
            return Err(CertificationCodeError::TooLong(chars));
        }
        if let Some(i) = code.chars().position(char::is_control) {
            return Err(CertificationCodeError::ControlCharacter(i));
        }
        if self.issuer.trim().is_empty() {
            return Err(CertificationCodeError::NoIssuer);
        }
        if let Some(until) = self.valid_until {
            if until < self.issued_on {
                return Err(CertificationCodeError::ValidityReversed {
                    issued_on: self.issued_on,
                    valid_until: until,
                });
            }
        }
        Ok(())
    }

    /// TRUST-01 (NĐ 137/2024 Đ21.1): what the code is worth at `at` for `system`, with the
    /// owner's latest assessment when there is one. Findings, each citing Đ21.1:
    ///
    /// - **Fail**: the code's shape is invalid; it was issued for another system; it is dated
    ///   after `at`; its validity ended before `at`.
    /// - **Warning**: the latest assessment does not show the six criteria met — the code
    ///   certifies a system that meets them (Đ21.1), so the owner should look again.
    /// - **Pass**: held, issued for this system, in its validity at `at` (and, when an assessment
    ///   is given, the assessment meets the criteria).
    ///
    /// Host names are compared case-insensitively without a trailing dot.
    pub fn check(
        &self,
        system: &str,
        at: VnDateTime,
        assessment: Option<&Assessment>,
    ) -> Vec<Finding> {
        let evidence = json!({
            "code": self.code,
            "issuer": self.issuer,
            "issued_on": self.issued_on,
            "valid_until": self.valid_until,
            "system": self.system,
            "at": at,
        });
        let finding = |outcome, en: String, vi: String| {
            Finding::new(RULE, basis(), outcome, en, vi)
                .with_field("certification")
                .with_evidence(evidence.clone())
        };
        if let Err(e) = self.validate() {
            return vec![finding(
                Outcome::Fail,
                format!("The certification code is not usable: {e}."),
                format!(
                    "Mã chứng nhận tín nhiệm mạng không dùng được: {}.",
                    error_vi(&e)
                ),
            )];
        }
        let mut out = Vec::new();
        let norm = |s: &str| s.trim().trim_end_matches('.').to_lowercase();
        if norm(&self.system) != norm(system) {
            out.push(finding(
                Outcome::Fail,
                format!(
                    "The certification code {} was issued for «{}», not for «{}».",
                    self.code, self.system, system
                ),
                format!(
                    "Mã chứng nhận {} được cấp cho «{}», không phải cho «{}».",
                    self.code, self.system, system
                ),
            ));
        }
        let day = at.date();
        if self.issued_on > day {
            out.push(finding(
                Outcome::Fail,
                format!(
                    "The certification code is dated {}, after the evaluation date {day}.",
                    self.issued_on
                ),
                format!(
                    "Mã chứng nhận ghi ngày cấp {}, sau ngày đánh giá {}.",
                    date_vi(self.issued_on),
                    date_vi(day)
                ),
            ));
        }
        if let Some(until) = self.valid_until {
            if until < day {
                out.push(finding(
                    Outcome::Fail,
                    format!("The certification code expired on {until}, before {day}."),
                    format!(
                        "Mã chứng nhận đã hết hiệu lực từ ngày {}, trước ngày đánh giá {}.",
                        date_vi(until),
                        date_vi(day)
                    ),
                ));
            }
        }
        if let Some(a) = assessment {
            if !a.meets_criteria {
                out.push(finding(
                    Outcome::Warning,
                    format!(
                        "The code certifies a system meeting the six criteria of Đ21.2, but the \
                         assessment of {} does not show them all met ({:?}).",
                        a.evaluated_at, a.outcome
                    ),
                    format!(
                        "Mã chứng nhận xác nhận hệ thống đáp ứng sáu tiêu chí tại khoản 2 Điều 21, \
                         nhưng kết quả đánh giá lúc {} chưa cho thấy đáp ứng đủ các tiêu chí.",
                        egov_core::i18n::datetime_vi(a.evaluated_at)
                    ),
                ));
            }
        }
        if out.is_empty() {
            out.push(finding(
                Outcome::Pass,
                format!(
                    "Certification code {} from {} for {}, issued {}{}.",
                    self.code,
                    self.issuer,
                    self.system,
                    self.issued_on,
                    self.valid_until
                        .map(|u| format!(", valid until {u}"))
                        .unwrap_or_default()
                ),
                format!(
                    "Mã chứng nhận tín nhiệm mạng {} do {} cấp cho {} ngày {}{}.",
                    self.code,
                    self.issuer,
                    self.system,
                    date_vi(self.issued_on),
                    self.valid_until
                        .map(|u| format!(", có hiệu lực đến ngày {}", date_vi(u)))
                        .unwrap_or_default()
                ),
            ));
        }
        out
    }
}

fn error_vi(e: &CertificationCodeError) -> String {
    match e {
        CertificationCodeError::Empty => "mã chứng nhận trống".to_owned(),
        CertificationCodeError::TooLong(n) => {
            format!("mã chứng nhận có {n} ký tự, dài hơn {MAX_CODE_CHARS}")
        }
        CertificationCodeError::ControlCharacter(i) => {
            format!("mã chứng nhận có ký tự điều khiển ở vị trí {i}")
        }
        CertificationCodeError::NoIssuer => "chưa có đơn vị cấp mã chứng nhận".to_owned(),
        CertificationCodeError::ValidityReversed {
            issued_on,
            valid_until,
        } => format!(
            "ngày hết hiệu lực {} trước ngày cấp {}",
            date_vi(*valid_until),
            date_vi(*issued_on)
        ),
    }
}
