//! The order of steps when a large intermediary platform handles a reported issue (PLAT-15,
//! NĐ 137/2024 Đ19.1.b) or illegal content (PLAT-19, Đ19.2.c).
//!
//! * Issues (vướng mắc): receive → **notify the account concerned before handling** («gửi thông
//!   báo tới tài khoản có liên quan trước khi tiến hành xử lý») → handle → **notify the result**
//!   («thông báo kết quả xử lý vướng mắc»).
//! * Illegal content: receive → **warn the account before handling** («gửi cảnh báo tới tài khoản
//!   có dấu hiệu vi phạm pháp luật trước khi tiến hành xử lý») → handle. The decree lists no result
//!   notice for this mechanism (PLAT-19), so one is allowed but not required.

use egov_core::{ErrorCode, Instrument, LegalRef};
use serde::{Deserialize, Serialize};

/// Which mechanism a case belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// An issue, complaint or dispute (Đ19.1.b).
    Issue,
    /// A report of illegal content (Đ19.2.c).
    IllegalContent,
}

impl CaseKind {
    /// The provision fixing the order of steps.
    pub fn basis(&self) -> LegalRef {
        match self {
            CaseKind::Issue => LegalRef::point(Instrument::Nd137_2024, 19, 1, "b"),
            CaseKind::IllegalContent => LegalRef::point(Instrument::Nd137_2024, 19, 2, "c"),
        }
    }
}

/// A step of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStep {
    /// The report was received.
    Received,
    /// The account concerned was notified (issue) or warned (illegal content).
    AccountNotified,
    /// Handling started.
    Handling,
    /// The result was notified.
    ResultNotified,
}

/// A step taken out of order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// Handling before the account was notified or warned.
    #[error("{kind:?}: handling may not start before the account is notified ({basis})")]
    HandlingBeforeNotice {
        /// The mechanism.
        kind: CaseKind,
        /// Its legal basis.
        basis: LegalRef,
    },
    /// Any other step out of order.
    #[error("{kind:?}: cannot go from {from:?} to {to:?}")]
    OutOfOrder {
        /// The mechanism.
        kind: CaseKind,
        /// Current step.
        from: CaseStep,
        /// Requested step.
        to: CaseStep,
    },
}

impl ErrorCode for CaseError {
    fn code(&self) -> &'static str {
        match self {
            CaseError::HandlingBeforeNotice { .. } => "platform.handling_before_notice",
            CaseError::OutOfOrder { .. } => "platform.case_out_of_order",
        }
    }
}

/// Moves a case to its next step, refusing any order the decree forbids (PLAT-15, PLAT-19;
/// NĐ 137/2024 Đ19.1.b, Đ19.2.c).
pub fn advance(kind: CaseKind, from: CaseStep, to: CaseStep) -> Result<CaseStep, CaseError> {
    use CaseStep::{AccountNotified, Handling, Received, ResultNotified};
    match (from, to) {
        (Received, AccountNotified) | (AccountNotified, Handling) | (Handling, ResultNotified) => {
            Ok(to)
        }
        (Received, Handling | ResultNotified) => Err(CaseError::HandlingBeforeNotice {
            kind,
            basis: kind.basis(),
        }),
        _ => Err(CaseError::OutOfOrder { kind, from, to }),
    }
}

/// Whether a case at `step` has done every step the decree requires (PLAT-15: the result is
/// notified; PLAT-19: handling after the warning suffices).
pub fn is_complete(kind: CaseKind, step: CaseStep) -> bool {
    match kind {
        CaseKind::Issue => step == CaseStep::ResultNotified,
        CaseKind::IllegalContent => step >= CaseStep::Handling,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStep::*;

    #[test]
    fn plat_15_issue_notify_before_handling_then_result() {
        let k = CaseKind::Issue;
        let mut s = Received;
        for next in [AccountNotified, Handling] {
            s = advance(k, s, next).unwrap();
            assert!(!is_complete(k, s));
        }
        s = advance(k, s, ResultNotified).unwrap();
        assert!(is_complete(k, s));
        let err = advance(k, Received, Handling).unwrap_err();
        assert_eq!(err.code(), "platform.handling_before_notice");
        assert!(err.to_string().contains("Đ19.1.b"));
        assert_eq!(
            advance(k, Handling, AccountNotified).unwrap_err().code(),
            "platform.case_out_of_order"
        );
    }

    #[test]
    fn plat_19_illegal_content_warn_before_handling_no_result_required() {
        let k = CaseKind::IllegalContent;
        let s = advance(k, Received, AccountNotified).unwrap();
        let s = advance(k, s, Handling).unwrap();
        assert!(is_complete(k, s));
        assert!(advance(k, s, ResultNotified).is_ok());
        assert!(advance(k, Received, Handling)
            .unwrap_err()
            .to_string()
            .contains("Đ19.2.c"));
    }
}
