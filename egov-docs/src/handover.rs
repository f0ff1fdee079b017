//! The receive side of an urgent e-document (rule DOC-21; choice A-07): handed over for
//! processing immediately after it is taken in.
//!
//! QĐ 28/2018/QĐ-TTg Đ6.2: «Trường hợp văn bản điện tử thuộc loại khẩn phải được đặt ở chế độ
//! ưu tiên, ghi rõ mức độ khẩn, gửi ngay sau khi đã ký số và phải được trình, chuyển giao xử lý
//! ngay sau khi tiếp nhận.» The send side is [`crate::deadline`]; this module judges the receive
//! side:
//!
//! * **taken in** is the receiver's «đã tiếp nhận» ([`ProcessingStatus::Accepted`], Đ9.1), and
//!   **handed over** («trình, chuyển giao xử lý») the first step after it that puts the document
//!   in someone's hands: «đã chuyển xử lý» ([`ProcessingStatus::Forwarded`]) or «đang xử lý»
//!   ([`ProcessingStatus::InProgress`]);
//! * «ngay» (immediately) has no number in the decision, as on the send side: the deadline is
//!   the time taken in plus [`HandoverPolicy::tolerance`], zero by default — the reading
//!   REQUIREMENTS §7 A-07 recommends for «gửi ngay», applied to the same word here and
//!   overridable in the same way. Lateness is reported in minutes.
//!
//! Only urgent documents (Khẩn, Thượng khẩn, Hỏa tốc) carry this duty; for the others the
//! decision asks for prompt processing without waiting for paper (DOC-20), with no time limit,
//! and [`judge_tracker_handover`] returns no finding.

use chrono::TimeDelta;
use egov_core::{
    i18n::datetime_vi, ErrorCode, Finding, Instrument, Lang, LegalRef, Outcome, VnDateTime,
};
use serde::{Deserialize, Serialize};

use crate::status::{ProcessingStatus, StatusTracker};
use crate::urgency::Urgency;

/// QĐ 28/2018/QĐ-TTg Đ6.2, the basis of DOC-21.
const DOC_21_BASIS: LegalRef = LegalRef::clause(Instrument::Qd28_2018, 6, 2);

/// The caller's reading of «ngay sau khi tiếp nhận» (A-07). JSON: `{"tolerance_seconds": 0}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HandoverPolicy {
    /// How long after being taken in an urgent document may still count as handed over
    /// «ngay» (immediately). SDK default zero (A-07): the decision gives no number. Whole seconds
    /// in JSON; must not be negative.
    #[serde(rename = "tolerance_seconds", with = "crate::deadline::whole_seconds")]
    #[cfg_attr(feature = "schema", schemars(with = "i64"))]
    pub tolerance: TimeDelta,
}

/// Why a handover could not be judged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HandoverError {
    /// The document is not urgent: Đ6.2 sets the immediate handover only for urgent documents.
    #[error("the document is not urgent: the immediate handover of QĐ 28/2018/QĐ-TTg Đ6.2 (DOC-21) is for Khẩn, Thượng khẩn and Hỏa tốc documents")]
    NotUrgent,
    /// The handover time is before the time the document was taken in.
    #[error("handed over at {handed_over_at}, before it was taken in at {accepted_at}")]
    BeforeAcceptance {
        /// When the document was taken in.
        accepted_at: VnDateTime,
        /// The handover time given.
        handed_over_at: VnDateTime,
    },
    /// The judging time is before the time the document was taken in.
    #[error("judged as of {as_of}, before the document was taken in at {accepted_at}")]
    AsOfBeforeAcceptance {
        /// When the document was taken in.
        accepted_at: VnDateTime,
        /// The judging time given.
        as_of: VnDateTime,
    },
    /// The policy's tolerance is negative.
    #[error("tolerance is {seconds} s; it must not be negative (A-07)")]
    NegativeTolerance {
        /// The tolerance in seconds.
        seconds: i64,
    },
    /// Adding the tolerance to the time taken in overflowed.
    #[error("accepted_at {accepted_at} plus the tolerance is out of range")]
    Overflow {
        /// When the document was taken in.
        accepted_at: VnDateTime,
    },
}

impl HandoverError {
    /// The error in Vietnamese (the English text is `Display`): DOC-21, QĐ 28/2018/QĐ-TTg Đ6.2.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for HandoverError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            HandoverError::NotUrgent => egov_core::args!(),
            HandoverError::BeforeAcceptance {
                accepted_at,
                handed_over_at,
            } => egov_core::args!(
                accepted_at = egov_core::i18n::datetime_vi(*accepted_at),
                handed_over_at = egov_core::i18n::datetime_vi(*handed_over_at)
            ),
            HandoverError::AsOfBeforeAcceptance { accepted_at, as_of } => egov_core::args!(
                accepted_at = egov_core::i18n::datetime_vi(*accepted_at),
                as_of = egov_core::i18n::datetime_vi(*as_of)
            ),
            HandoverError::NegativeTolerance { seconds } => egov_core::args!(seconds = seconds),
            HandoverError::Overflow { accepted_at } => {
                egov_core::args!(accepted_at = egov_core::i18n::datetime_vi(*accepted_at))
            }
        }
    }
}

impl ErrorCode for HandoverError {
    fn code(&self) -> &'static str {
        match self {
            HandoverError::NotUrgent => "handover.not_urgent",
            HandoverError::BeforeAcceptance { .. } => "handover.before_acceptance",
            HandoverError::AsOfBeforeAcceptance { .. } => "handover.as_of_before_acceptance",
            HandoverError::NegativeTolerance { .. } => "handover.negative_tolerance",
            HandoverError::Overflow { .. } => "handover.overflow",
        }
    }
}

/// Judges the handover of an urgent document taken in at `accepted_at` (DOC-21, QĐ
/// 28/2018/QĐ-TTg Đ6.2 «phải được trình, chuyển giao xử lý ngay sau khi tiếp nhận»):
///
/// * `Pass`: handed over by `accepted_at` plus the tolerance;
/// * `Fail`: handed over later (evidence gives the lateness in seconds and minutes, rounded up),
///   or not handed over by `as_of` when the deadline has passed;
/// * `Unknown`: not handed over yet and the deadline is still ahead (only with a tolerance).
///
/// ```
/// use egov_core::{Outcome, VnDateTime};
/// use egov_docs::handover::{judge_urgent_handover, HandoverPolicy};
/// use egov_docs::urgency::Urgency;
/// let t = |h, m| VnDateTime::from_ymd_hms(2026, 3, 2, h, m, 0).unwrap();
/// let policy = HandoverPolicy { tolerance: chrono::TimeDelta::minutes(15) };
/// let f = judge_urgent_handover(Urgency::HoaToc, t(8, 0), Some(t(8, 10)), t(9, 0), &policy).unwrap();
/// assert_eq!(f.outcome, Outcome::Pass);
/// let f = judge_urgent_handover(Urgency::HoaToc, t(8, 0), Some(t(8, 40)), t(9, 0), &policy).unwrap();
/// assert_eq!(f.outcome, Outcome::Fail);
/// assert!(f.message_vi.contains("lúc 08:40 ngày 02/03/2026, chậm 25 phút so với hạn 08:15 ngày 02/03/2026"));
/// assert_eq!(f.evidence.unwrap()["late_by_minutes"], 25);
/// ```
pub fn judge_urgent_handover(
    urgency: Urgency,
    accepted_at: VnDateTime,
    handed_over_at: Option<VnDateTime>,
    as_of: VnDateTime,
    policy: &HandoverPolicy,
) -> Result<Finding, HandoverError> {
    if policy.tolerance < TimeDelta::zero() {
        return Err(HandoverError::NegativeTolerance {
            seconds: policy.tolerance.num_seconds(),
        });
    }
    let deadline = accepted_at
        .checked_add(policy.tolerance)
        .ok_or(HandoverError::Overflow { accepted_at })?;
    let level_vi = urgency.name_vi();
    let level_en = urgency.name_en();
    // Vietnamese messages write times as Vietnamese prose does (09:15 ngày 02/03/2026).
    let (accepted_vi, deadline_vi, as_of_vi) = (
        datetime_vi(accepted_at),
        datetime_vi(deadline),
        datetime_vi(as_of),
    );
    let handed_over_vi = handed_over_at.map(datetime_vi).unwrap_or_default();
    let (outcome, late_by, en, vi) = match handed_over_at {
        Some(at) if at < accepted_at => {
            return Err(HandoverError::BeforeAcceptance {
                accepted_at,
                handed_over_at: at,
            })
        }
        Some(at) if at <= deadline => (
            Outcome::Pass,
            None,
            format!(
                "Urgent document ({level_en}) taken in at {accepted_at} and handed over for processing at {at}, immediately (deadline {deadline})."
            ),
            format!(
                "Văn bản khẩn ({level_vi}) tiếp nhận lúc {accepted_vi}, được trình, chuyển giao xử lý lúc {handed_over_vi}, ngay sau khi tiếp nhận (hạn {deadline_vi})."
            ),
        ),
        Some(at) => {
            let (secs, mins) = crate::deadline::lateness(at, deadline);
            (
                Outcome::Fail,
                Some((secs, mins)),
                format!(
                    "Urgent document ({level_en}) taken in at {accepted_at} was handed over for processing at {at}, {} after the deadline {deadline}: it must be handed over immediately.", Lang::En.minutes(mins)
                ),
                format!(
                    "Văn bản khẩn ({level_vi}) tiếp nhận lúc {accepted_vi} được trình, chuyển giao xử lý lúc {handed_over_vi}, chậm {} so với hạn {deadline_vi}: phải trình, chuyển giao xử lý ngay sau khi tiếp nhận.", Lang::Vi.minutes(mins)
                ),
            )
        }
        None if as_of < accepted_at => {
            return Err(HandoverError::AsOfBeforeAcceptance { accepted_at, as_of })
        }
        None if as_of <= deadline => (
            Outcome::Unknown,
            None,
            format!(
                "Urgent document ({level_en}) taken in at {accepted_at} is not handed over yet; the deadline {deadline} has not passed."
            ),
            format!(
                "Văn bản khẩn ({level_vi}) tiếp nhận lúc {accepted_vi} chưa được trình, chuyển giao xử lý; chưa đến hạn {deadline_vi}."
            ),
        ),
        None => {
            let (secs, mins) = crate::deadline::lateness(as_of, deadline);
            (
                Outcome::Fail,
                Some((secs, mins)),
                format!(
                    "Urgent document ({level_en}) taken in at {accepted_at} is still not handed over for processing as of {as_of}, {} after the deadline {deadline}.", Lang::En.minutes(mins)
                ),
                format!(
                    "Văn bản khẩn ({level_vi}) tiếp nhận lúc {accepted_vi} đến {as_of_vi} vẫn chưa được trình, chuyển giao xử lý, chậm {} so với hạn {deadline_vi}.", Lang::Vi.minutes(mins)
                ),
            )
        }
    };
    let mut evidence = serde_json::json!({
        "urgency": urgency,
        "accepted_at": accepted_at,
        "handed_over_at": handed_over_at,
        "as_of": as_of,
        "deadline": deadline,
        "tolerance_seconds": policy.tolerance.num_seconds(),
        "sdk_defaults": "the tolerance is an SDK default where QĐ 28/2018/QĐ-TTg Đ6.2 gives no number for «ngay» (REQUIREMENTS A-07); override it in the policy",
    });
    if let (Some((secs, mins)), Some(map)) = (late_by, evidence.as_object_mut()) {
        map.insert("late_by_seconds".into(), secs.into());
        map.insert("late_by_minutes".into(), mins.into());
    }
    Ok(Finding::new("DOC-21", DOC_21_BASIS, outcome, en, vi)
        .with_field("handed_over_at")
        .with_evidence(evidence))
}

/// [`judge_urgent_handover`] on a receiver's status history (DOC-21 with DOC-22): the time taken
/// in is the «đã tiếp nhận» transition, the handover the first later «đã chuyển xử lý» or
/// «đang xử lý». `None` when there is no duty to judge: the document is not urgent, or it was
/// never taken in (still «đã đến», or refused on receipt).
pub fn judge_tracker_handover(
    tracker: &StatusTracker,
    urgency: Option<Urgency>,
    as_of: VnDateTime,
    policy: &HandoverPolicy,
) -> Result<Option<Finding>, HandoverError> {
    let Some(urgency) = urgency else {
        return Ok(None);
    };
    let history = tracker.history();
    let Some(accepted) = history
        .iter()
        .position(|t| t.to == ProcessingStatus::Accepted)
    else {
        return Ok(None);
    };
    let accepted_at = history[accepted].at;
    let handed_over_at = history[accepted + 1..]
        .iter()
        .find(|t| {
            matches!(
                t.to,
                ProcessingStatus::Forwarded | ProcessingStatus::InProgress
            )
        })
        .map(|t| t.at);
    judge_urgent_handover(urgency, accepted_at, handed_over_at, as_of, policy).map(Some)
}
