//! The send deadline of an e-document (rules DOC-19, DOC-21; choices A-06, A-07).
//!
//! QĐ 28/2018/QĐ-TTg Đ6.2: «Văn bản điện tử phải được gửi ngay trong ngày văn bản đó ký ban
//! hành, chậm nhất là trong buổi sáng của ngày làm việc tiếp theo.» and «Trường hợp văn bản điện
//! tử thuộc loại khẩn phải được đặt ở chế độ ưu tiên, ghi rõ mức độ khẩn, gửi ngay sau khi đã ký
//! số».
//!
//! egov reads this as three instants ([`SendDeadline`]):
//!
//! * **same-day target**: the end of the signing day (23:59:59 Vietnam time), the expectation
//!   «ngay trong ngày». Sending on the signing date passes.
//! * **latest**: «chậm nhất là trong buổi sáng của ngày làm việc tiếp theo», the first working day
//!   strictly after the signing *date* in the caller's [`WorkingCalendar`], at
//!   [`SendDeadlinePolicy::morning_end`] (default 12:00, A-06), inclusive. Sending after the
//!   signing date but by then is lawful but misses the same-day expectation: a
//!   [`Outcome::Warning`] (a warning never fails a report). Later is a [`Outcome::Fail`].
//!   A document signed on a weekend or holiday is due the morning of the next working day after
//!   that date.
//! * **immediate** (urgent documents only): «gửi ngay sau khi đã ký số» has no numeric limit, so
//!   the deadline is the signing time plus [`SendDeadlinePolicy::urgent_tolerance`] (default
//!   zero, A-07), and lateness is reported in minutes. Pass the digital-signing time as
//!   `signed_at` for urgent documents.
//!
//! The end of "morning" and the tolerance are SDK defaults where the decision is silent
//! (REQUIREMENTS §7 A-06, A-07), overridable through the policy. When only the signing *date* is
//! known, [`send_deadline_from_date`] treats it as the end of that day (A-06).

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use egov_core::{
    i18n::{date_vi, datetime_vi},
    CalendarError, ErrorCode, Finding, Instrument, Lang, LegalRef, Outcome, TimeError, VnDateTime,
    WorkingCalendar, YearSchedule,
};
use serde::{Deserialize, Serialize};

use crate::urgency::Urgency;

/// QĐ 28/2018/QĐ-TTg Đ6.2, the basis of DOC-19 and DOC-21.
const DOC_19_BASIS: LegalRef = LegalRef::clause(Instrument::Qd28_2018, 6, 2);

/// The caller's reading of the open terms of Đ6.2 (A-06, A-07). JSON:
/// `{"morning_end": "12:00:00", "urgent_tolerance_seconds": 0}`; missing fields take the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SendDeadlinePolicy {
    /// When «buổi sáng» (the morning) of the next working day ends, inclusive. SDK default
    /// 12:00 (REQUIREMENTS A-06): the decision does not define the morning.
    pub morning_end: NaiveTime,
    /// How long after digital signing an urgent document may still count as sent «ngay»
    /// (immediately). SDK default zero (REQUIREMENTS A-07): the decision gives no number. Whole
    /// seconds in JSON; must not be negative.
    #[serde(rename = "urgent_tolerance_seconds", with = "whole_seconds")]
    #[cfg_attr(feature = "schema", schemars(with = "i64"))]
    pub urgent_tolerance: TimeDelta,
}

impl SendDeadlinePolicy {
    /// The SDK default end of the morning, 12:00 (A-06).
    pub const DEFAULT_MORNING_END: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    };
}

impl Default for SendDeadlinePolicy {
    /// `morning_end` 12:00 (A-06), `urgent_tolerance` zero (A-07).
    fn default() -> Self {
        SendDeadlinePolicy {
            morning_end: Self::DEFAULT_MORNING_END,
            urgent_tolerance: TimeDelta::zero(),
        }
    }
}

pub(crate) mod whole_seconds {
    use chrono::TimeDelta;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        let secs = i64::deserialize(d)?;
        TimeDelta::try_seconds(secs).ok_or_else(|| {
            egov_core::i18n::de_error(super::DeadlineError::SecondsOutOfRange { seconds: secs })
        })
    }
}

/// The send deadlines of one e-document (DOC-19, DOC-21; QĐ 28/2018/QĐ-TTg Đ6.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SendDeadline {
    /// When the document was signed for issuance (for urgent documents: digitally signed).
    pub signed_at: VnDateTime,
    /// True when only the signing date was known and `signed_at` is the end of that day (A-06).
    #[serde(default)]
    pub signed_at_is_date_only: bool,
    /// The urgency (`None`: not urgent).
    pub urgency: Option<Urgency>,
    /// The end of the signing day, 23:59:59: the «ngay trong ngày» expectation.
    pub same_day_target: VnDateTime,
    /// The first working day after the signing date.
    pub next_working_day: NaiveDate,
    /// The morning end of `next_working_day`: the «chậm nhất» deadline (inclusive).
    pub latest: VnDateTime,
    /// For urgent documents, `signed_at` plus the tolerance: the «gửi ngay» deadline (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immediate: Option<VnDateTime>,
    /// `DOC-21` for urgent documents, `DOC-19` otherwise.
    pub rule: Cow<'static, str>,
    /// QĐ 28/2018/QĐ-TTg Đ6.2.
    pub basis: LegalRef,
    /// The policy used (SDK defaults unless the caller overrode them).
    pub policy: SendDeadlinePolicy,
    /// The name of the working calendar used.
    pub calendar: String,
    /// Whether the calendar declares that it covers the year of `next_working_day`. When false,
    /// holidays of that year may be missing from the computation.
    pub calendar_covers: bool,
    /// Where the calendar's answer comes from for the days the deadline depends on (the signing
    /// date through `next_working_day`), the least certain of their years (CORE-02): announced,
    /// partly announced, the statutory projection (the deadline may move when the year's
    /// schedule is announced), or not covered.
    pub calendar_schedule: YearSchedule,
}

impl SendDeadline {
    /// The deadline that decides lateness: `immediate` for urgent documents, else `latest`.
    pub fn binding(&self) -> VnDateTime {
        self.immediate.unwrap_or(self.latest)
    }

    /// Whether [`judge_send`]'s judgement of a send at `sent_at` rests on a year whose holiday
    /// schedule is not (fully) announced (CORE-02): its message then says so, and a caller
    /// printing its own calendar note beside it would say it twice.
    pub fn judgement_is_provisional(&self, sent_at: VnDateTime) -> bool {
        rests_on_unannounced_year(self, self.timing(sent_at))
    }

    /// How a send at `sent_at` relates to the deadlines (DOC-19, DOC-21, Đ6.2; DOC-25, Đ8.1
    /// for a send before signing).
    pub fn timing(&self, sent_at: VnDateTime) -> SendTiming {
        let same_date = sent_at.date() == self.signed_at.date();
        if sent_at < self.signed_at && !(self.signed_at_is_date_only && same_date) {
            return SendTiming::BeforeSigning;
        }
        if let Some(immediate) = self.immediate {
            return if sent_at <= immediate {
                SendTiming::Immediate
            } else {
                late(sent_at, immediate)
            };
        }
        if same_date {
            SendTiming::SameDay
        } else if sent_at <= self.latest {
            SendTiming::ByLatest
        } else {
            late(sent_at, self.latest)
        }
    }
}

fn late(sent_at: VnDateTime, deadline: VnDateTime) -> SendTiming {
    let (by_seconds, by_minutes) = lateness(sent_at, deadline);
    SendTiming::Late {
        by_seconds,
        by_minutes,
    }
}

/// How late `at` is after `deadline`: seconds (at least 1) and whole minutes rounded up; the
/// measure of a late send (DOC-19/21) and of a late urgent handover (DOC-21, receive side).
pub(crate) fn lateness(at: VnDateTime, deadline: VnDateTime) -> (i64, i64) {
    let secs = at.since(&deadline).num_seconds().max(1);
    (
        secs,
        secs.div_euclid(60) + i64::from(secs.rem_euclid(60) != 0),
    )
}

/// How a send relates to its deadlines; see [`SendDeadline::timing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum SendTiming {
    /// Sent before it was signed: against Đ8.1 (DOC-25), which sends only after signing.
    BeforeSigning,
    /// Urgent, sent within the immediate deadline (DOC-21).
    Immediate,
    /// Sent on the signing date (DOC-19, «ngay trong ngày»).
    SameDay,
    /// Sent after the signing date but by the morning end of the next working day (DOC-19,
    /// «chậm nhất»).
    ByLatest,
    /// Sent after the binding deadline.
    Late {
        /// Seconds after the deadline (at least 1).
        by_seconds: i64,
        /// Minutes after the deadline, rounded up.
        by_minutes: i64,
    },
}

/// Why a deadline could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeadlineError {
    /// The calendar has no working day after the signing date, or date arithmetic overflowed.
    #[error("cannot find the next working day: {0}")]
    Calendar(#[from] CalendarError),
    /// A date-time could not be built (out of range).
    #[error("cannot build the deadline instant: {0}")]
    Time(#[from] TimeError),
    /// The policy's urgent tolerance is negative.
    #[error("urgent_tolerance is {seconds} s; it must not be negative (A-07)")]
    NegativeTolerance {
        /// The tolerance in seconds.
        seconds: i64,
    },
    /// Adding the tolerance to the signing time overflowed.
    #[error("signed_at {signed_at} plus the urgent tolerance is out of range")]
    Overflow {
        /// The signing time.
        signed_at: VnDateTime,
    },
    /// A tolerance given in seconds (a policy's `urgent_tolerance_seconds`, a handover's
    /// `tolerance_seconds`) is more than a duration can hold.
    #[error("{seconds} seconds is out of range: a duration holds at most {max} seconds", max = i64::MAX / 1000)]
    SecondsOutOfRange {
        /// The number given.
        seconds: i64,
    },
}

impl DeadlineError {
    /// The error in Vietnamese (the English text is `Display`): DOC-19, DOC-21, QĐ
    /// 28/2018/QĐ-TTg Đ6.2.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for DeadlineError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            DeadlineError::Calendar(e) => egov_core::args!(source = e.message(egov_core::Lang::Vi)),
            DeadlineError::Time(e) => egov_core::args!(source = e.message(egov_core::Lang::Vi)),
            DeadlineError::NegativeTolerance { seconds } => egov_core::args!(seconds = seconds),
            DeadlineError::Overflow { signed_at } => {
                egov_core::args!(signed_at = egov_core::i18n::datetime_vi(*signed_at))
            }
            // As text: Fluent's numbers are floating point and would round a 19-digit count.
            DeadlineError::SecondsOutOfRange { seconds } => egov_core::args!(
                seconds = seconds.to_string(),
                max = egov_core::Lang::Vi.count(i64::MAX / 1000)
            ),
        }
    }
}

impl ErrorCode for DeadlineError {
    fn code(&self) -> &'static str {
        match self {
            DeadlineError::Calendar(_) => "deadline.calendar",
            DeadlineError::Time(_) => "deadline.time",
            DeadlineError::NegativeTolerance { .. } => "deadline.negative_tolerance",
            DeadlineError::Overflow { .. } => "deadline.overflow",
            DeadlineError::SecondsOutOfRange { .. } => "deadline.seconds_out_of_range",
        }
    }
}

/// The send deadlines of a document signed at `signed_at` (DOC-19, DOC-21; QĐ 28/2018/QĐ-TTg
/// Đ6.2): the same-day target, the latest deadline (morning end of the next working day after the
/// signing date) and, for urgent documents, the immediate deadline. See the module docs.
///
/// ```
/// use chrono::NaiveDate;
/// use egov_core::{VnDateTime, WorkingCalendar};
/// use egov_docs::deadline::{send_deadline, judge_send, SendDeadlinePolicy};
/// use egov_core::Outcome;
///
/// let cal = WorkingCalendar::weekends_only();
/// let signed = VnDateTime::from_ymd_hms(2026, 3, 6, 16, 0, 0).unwrap(); // Friday 16:00
/// let d = send_deadline(signed, None, &cal, &SendDeadlinePolicy::default()).unwrap();
/// assert_eq!(d.latest.to_string(), "2026-03-09T12:00:00+07:00");   // Monday noon
///
/// let monday_late = VnDateTime::from_ymd_hms(2026, 3, 9, 12, 30, 0).unwrap();
/// let f = judge_send(&d, monday_late);
/// assert_eq!(f.outcome, Outcome::Fail);
/// assert_eq!(f.evidence.unwrap()["timing"]["by_minutes"], 30);
/// ```
pub fn send_deadline(
    signed_at: VnDateTime,
    urgency: Option<Urgency>,
    calendar: &WorkingCalendar,
    policy: &SendDeadlinePolicy,
) -> Result<SendDeadline, DeadlineError> {
    if policy.urgent_tolerance < TimeDelta::zero() {
        return Err(DeadlineError::NegativeTolerance {
            seconds: policy.urgent_tolerance.num_seconds(),
        });
    }
    let signing_date = signed_at.date();
    let same_day_target = end_of_day(signing_date)?;
    let next_working_day = calendar.next_working_day(signing_date)?;
    let latest = VnDateTime::from_date_time(next_working_day, policy.morning_end)?;
    let immediate = match urgency {
        Some(_) => Some(
            signed_at
                .checked_add(policy.urgent_tolerance)
                .ok_or(DeadlineError::Overflow { signed_at })?,
        ),
        None => None,
    };
    Ok(SendDeadline {
        signed_at,
        signed_at_is_date_only: false,
        urgency,
        same_day_target,
        next_working_day,
        latest,
        immediate,
        rule: Cow::Borrowed(if urgency.is_some() {
            "DOC-21"
        } else {
            "DOC-19"
        }),
        basis: DOC_19_BASIS,
        policy: *policy,
        calendar: calendar.name.clone(),
        calendar_covers: calendar.covers(next_working_day),
        calendar_schedule: calendar
            .least_certain_schedule(&[signing_date, next_working_day])
            .0,
    })
}

/// [`send_deadline`] when only the signing date is known (A-06): the document counts as signed
/// at the end of that day ([`signing_time_from_date`]), and a send on that date is never "before
/// signing". DOC-19, DOC-21, QĐ 28/2018/QĐ-TTg Đ6.2.
pub fn send_deadline_from_date(
    signed_on: NaiveDate,
    urgency: Option<Urgency>,
    calendar: &WorkingCalendar,
    policy: &SendDeadlinePolicy,
) -> Result<SendDeadline, DeadlineError> {
    let mut deadline = send_deadline(
        signing_time_from_date(signed_on)?,
        urgency,
        calendar,
        policy,
    )?;
    deadline.signed_at_is_date_only = true;
    Ok(deadline)
}

/// The signing time assumed when only the date is known: the end of that day, 23:59:59 Vietnam
/// time (A-06, SDK default; DOC-19).
pub fn signing_time_from_date(date: NaiveDate) -> Result<VnDateTime, DeadlineError> {
    end_of_day(date)
}

fn end_of_day(date: NaiveDate) -> Result<VnDateTime, DeadlineError> {
    let last_second = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    Ok(VnDateTime::from_date_time(date, last_second)?)
}

/// Judges a send at `sent_at` against `deadline` (DOC-19, DOC-21; QĐ 28/2018/QĐ-TTg Đ6.2):
///
/// * `Pass`: sent on the signing date, or (urgent) within the immediate deadline;
/// * `Warning`: sent after the signing date but by the morning end of the next working day —
///   lawful («chậm nhất»), but not «ngay trong ngày»;
/// * `Fail`: sent after the binding deadline (evidence gives the lateness in seconds and
///   minutes, rounded up), or before the document was signed (DOC-25, Đ8.1).
///
/// The evidence holds the deadline, the send time and the [`SendTiming`].
pub fn judge_send(deadline: &SendDeadline, sent_at: VnDateTime) -> Finding {
    let timing = deadline.timing(sent_at);
    // Vietnamese messages write times as Vietnamese prose does (09:00 ngày 24/02/2026).
    let sent_vi = datetime_vi(sent_at);
    let urgency_vi = deadline
        .urgency
        .map_or_else(String::new, |u| format!(" ({})", u.name_vi()));
    // When only the signing date is known (A-06), its assumed end-of-day instant is not said as
    // the time of signing: a send earlier that day is not "before" it, nor "after" it.
    let signed_date = deadline.signed_at.date();
    let (signed_en, signed_vi) = if deadline.signed_at_is_date_only {
        (
            format!("on {signed_date} (only the date is known)"),
            format!("ngày {} (chỉ biết ngày ký)", date_vi(signed_date)),
        )
    } else {
        (
            format!("at {}", deadline.signed_at),
            format!("lúc {}", datetime_vi(deadline.signed_at)),
        )
    };
    let (rule, basis, outcome, en, vi) = match timing {
        SendTiming::BeforeSigning => (
            "DOC-25",
            LegalRef::clause(Instrument::Qd28_2018, 8, 1),
            Outcome::Fail,
            format!(
                "Sent at {sent_at}, before it was signed {signed_en}: an e-document is sent only after approval, signing for issuance and digital signing.",
            ),
            format!(
                "Gửi lúc {sent_vi}, trước khi văn bản được ký {signed_vi}: văn bản điện tử chỉ được gửi sau khi được phê duyệt, ký ban hành, ký số.",
            ),
        ),
        SendTiming::Immediate if deadline.signed_at_is_date_only => (
            "DOC-21",
            DOC_19_BASIS,
            Outcome::Pass,
            format!(
                "Urgent document sent at {sent_at}, on the day it was digitally signed ({signed_date}; only the date is known, so the immediate deadline is the end of that day, A-06).",
            ),
            format!(
                "Văn bản khẩn{urgency_vi} được gửi lúc {sent_vi}, trong ngày ký số {} (chỉ biết ngày ký nên hạn gửi ngay được tính đến hết ngày đó, A-06).",
                date_vi(signed_date)
            ),
        ),
        SendTiming::Immediate => (
            "DOC-21",
            DOC_19_BASIS,
            Outcome::Pass,
            format!(
                "Urgent document sent at {sent_at}, immediately after signing at {} (deadline {}).",
                deadline.signed_at,
                deadline.binding()
            ),
            format!(
                "Văn bản khẩn{urgency_vi} được gửi lúc {sent_vi}, ngay sau khi ký số lúc {} (hạn {}).",
                datetime_vi(deadline.signed_at),
                datetime_vi(deadline.binding())
            ),
        ),
        SendTiming::SameDay => (
            "DOC-19",
            DOC_19_BASIS,
            Outcome::Pass,
            format!("Sent at {sent_at}, on the day it was signed ({signed_date})."),
            format!(
                "Gửi lúc {sent_vi}, ngay trong ngày văn bản ký ban hành ({}).",
                date_vi(signed_date)
            ),
        ),
        SendTiming::ByLatest => (
            "DOC-19",
            DOC_19_BASIS,
            Outcome::Warning,
            format!(
                "Sent at {sent_at}: within the latest deadline {} (morning of the next working day) but not on the signing day.",
                deadline.latest
            ),
            format!(
                "Gửi lúc {sent_vi}: trong hạn chậm nhất {} (buổi sáng của ngày làm việc tiếp theo) nhưng không gửi ngay trong ngày ký ban hành.",
                datetime_vi(deadline.latest)
            ),
        ),
        SendTiming::Late { by_minutes, .. } => {
            let (rule, what_en, what_vi) = if deadline.immediate.is_some() {
                ("DOC-21", "immediate deadline for an urgent document", "hạn gửi ngay đối với văn bản khẩn")
            } else {
                ("DOC-19", "latest deadline (morning of the next working day)", "hạn chậm nhất (buổi sáng của ngày làm việc tiếp theo)")
            };
            (
                rule,
                DOC_19_BASIS,
                Outcome::Fail,
                format!(
                    "Sent at {sent_at}, {} after the {what_en} {}.",
                    Lang::En.minutes(by_minutes),
                    deadline.binding()
                ),
                format!(
                    "Gửi lúc {sent_vi}, chậm {} so với {what_vi}{urgency_vi} {}.",
                    Lang::Vi.minutes(by_minutes),
                    datetime_vi(deadline.binding())
                ),
            )
        }
    };
    let (en, vi) = match provisional_note(deadline, timing) {
        Some((note_en, note_vi)) => (format!("{en} {note_en}"), format!("{vi} {note_vi}")),
        None => (en, vi),
    };
    Finding::new(rule, basis, outcome, en, vi)
        .with_field("sent_at")
        .with_evidence(serde_json::json!({
            "sent_at": sent_at,
            "timing": timing,
            "deadline": deadline,
            "sdk_defaults": "morning_end and urgent_tolerance are SDK defaults where QĐ 28/2018/QĐ-TTg Đ6.2 is silent (REQUIREMENTS A-06, A-07); override them in the policy",
        }))
}

/// Whether a judgement of `timing` rests on the next working day (not the same day, not an
/// immediate deadline) of a year whose holiday schedule is not (fully) announced (CORE-02).
fn rests_on_unannounced_year(deadline: &SendDeadline, timing: SendTiming) -> bool {
    deadline.immediate.is_none()
        && matches!(timing, SendTiming::ByLatest | SendTiming::Late { .. })
        && matches!(
            deadline.calendar_schedule,
            YearSchedule::Projected | YearSchedule::PartlyAnnounced
        )
}

/// When a judgement rests on the next working day of a year whose holiday schedule is not (fully)
/// announced, the sentence that says so (CORE-02): the deadline is the statutory projection's
/// and may move when the Government announces the year. Judgements that do not depend on the
/// calendar (same day, immediate, before signing) and calendars that declare no coverage get
/// none.
fn provisional_note(deadline: &SendDeadline, timing: SendTiming) -> Option<(String, String)> {
    if !rests_on_unannounced_year(deadline, timing) {
        return None;
    }
    let year = chrono::Datelike::year(&deadline.next_working_day);
    match deadline.calendar_schedule {
        YearSchedule::Projected => Some((
            format!("The {year} holiday schedule is not announced yet: this deadline follows the Labour Code 2019 and may move when it is."),
            format!("Lịch nghỉ năm {year} chưa được công bố: hạn này tính theo Bộ luật Lao động 2019 và có thể thay đổi khi lịch được công bố."),
        )),
        YearSchedule::PartlyAnnounced => Some((
            format!("The {year} holiday schedule is only partly announced: this deadline may move if a day is swapped."),
            format!("Lịch nghỉ năm {year} mới được công bố một phần: hạn này có thể thay đổi nếu có ngày được hoán đổi."),
        )),
        YearSchedule::Announced | YearSchedule::NotCovered => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> VnDateTime {
        VnDateTime::from_ymd_hms(y, mo, d, h, mi, s).unwrap()
    }

    fn plain(signed: VnDateTime) -> SendDeadline {
        send_deadline(
            signed,
            None,
            &WorkingCalendar::weekends_only(),
            &SendDeadlinePolicy::default(),
        )
        .unwrap()
    }

    /// CORE-06: a tolerance beyond what a duration holds is refused with its reason in both
    /// languages, through a JSON reader's error.
    #[test]
    fn doc_21_tolerance_out_of_range_is_said_in_both_languages() {
        let e = serde_json::from_str::<SendDeadlinePolicy>(
            r#"{"urgent_tolerance_seconds": 9223372036854775807}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("9223372036854775807 seconds is out of range"),
            "{e}"
        );
        let vi = egov_core::i18n::format_error_vi("JSON", &e);
        assert!(
            vi.contains("9223372036854775807 giây vượt quá khoảng thời gian biểu diễn được"),
            "{vi}"
        );
        assert!(vi.contains("ở dòng 1"), "{vi}");
    }

    #[test]
    fn doc_19_friday_afternoon_is_due_monday_noon() {
        let d = plain(t(2026, 3, 6, 16, 0, 0));
        assert_eq!(d.latest, t(2026, 3, 9, 12, 0, 0));
        assert_eq!(d.same_day_target, t(2026, 3, 6, 23, 59, 59));
        assert_eq!(d.immediate, None);
        assert_eq!(d.rule, "DOC-19");
        assert_eq!(d.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ6.2");
    }

    #[test]
    fn doc_19_signed_on_a_weekend_is_due_the_next_working_morning() {
        let d = plain(t(2026, 3, 7, 10, 0, 0)); // Saturday
        assert_eq!(d.latest, t(2026, 3, 9, 12, 0, 0));
        assert_eq!(
            judge_send(&d, t(2026, 3, 7, 11, 0, 0)).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn doc_19_same_day_passes_next_morning_warns_afternoon_fails() {
        let d = plain(t(2026, 3, 6, 16, 0, 0));
        assert_eq!(
            judge_send(&d, t(2026, 3, 6, 23, 59, 59)).outcome,
            Outcome::Pass
        );
        assert_eq!(
            judge_send(&d, t(2026, 3, 7, 9, 0, 0)).outcome,
            Outcome::Warning
        );
        let noon = judge_send(&d, t(2026, 3, 9, 12, 0, 0));
        assert_eq!(
            noon.outcome,
            Outcome::Warning,
            "the morning end is inclusive"
        );
        let f = judge_send(&d, t(2026, 3, 9, 12, 0, 1));
        assert_eq!(f.outcome, Outcome::Fail);
        let ev = f.evidence.unwrap();
        assert_eq!(ev["timing"]["kind"], "late");
        assert_eq!(ev["timing"]["by_seconds"], 1);
        assert_eq!(ev["timing"]["by_minutes"], 1);
        assert_eq!(ev["deadline"]["latest"], "2026-03-09T12:00:00+07:00");
        assert!(f.message_vi.contains("chậm 1 phút"), "{}", f.message_vi);
        // Times in the Vietnamese message as Vietnamese prose writes them (CORE-06); the
        // English message and the evidence keep ISO 8601.
        assert!(
            f.message_vi
                .starts_with("Gửi lúc 12:00:01 ngày 09/03/2026, chậm 1 phút so với hạn chậm nhất")
                && f.message_vi.ends_with(" 12:00 ngày 09/03/2026."),
            "{}",
            f.message_vi
        );
        assert!(
            f.message.starts_with("Sent at 2026-03-09T12:00:01+07:00"),
            "{}",
            f.message
        );
    }

    #[test]
    fn doc_25_send_before_signing_fails() {
        let d = plain(t(2026, 3, 6, 16, 0, 0));
        let f = judge_send(&d, t(2026, 3, 6, 15, 0, 0));
        assert_eq!(f.outcome, Outcome::Fail);
        assert_eq!(f.rule, "DOC-25");
        assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ8.1");
    }

    #[test]
    fn doc_21_urgent_is_due_immediately_with_tolerance() {
        let cal = WorkingCalendar::weekends_only();
        let signed = t(2026, 3, 6, 16, 0, 0);
        let d = send_deadline(
            signed,
            Some(Urgency::HoaToc),
            &cal,
            &SendDeadlinePolicy::default(),
        )
        .unwrap();
        assert_eq!(d.immediate, Some(signed));
        assert_eq!(d.rule, "DOC-21");
        assert_eq!(judge_send(&d, signed).outcome, Outcome::Pass);
        let f = judge_send(&d, t(2026, 3, 6, 16, 5, 0));
        assert_eq!(f.outcome, Outcome::Fail);
        assert_eq!(f.rule, "DOC-21");
        assert_eq!(f.evidence.unwrap()["timing"]["by_minutes"], 5);

        let lenient = SendDeadlinePolicy {
            urgent_tolerance: TimeDelta::minutes(10),
            ..SendDeadlinePolicy::default()
        };
        let d = send_deadline(signed, Some(Urgency::Khan), &cal, &lenient).unwrap();
        assert_eq!(
            judge_send(&d, t(2026, 3, 6, 16, 5, 0)).outcome,
            Outcome::Pass
        );
    }

    #[test]
    fn a_06_morning_end_is_overridable() {
        let policy = SendDeadlinePolicy {
            morning_end: NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
            ..SendDeadlinePolicy::default()
        };
        let d = send_deadline(
            t(2026, 3, 6, 16, 0, 0),
            None,
            &WorkingCalendar::weekends_only(),
            &policy,
        )
        .unwrap();
        assert_eq!(d.latest, t(2026, 3, 9, 11, 30, 0));
    }

    #[test]
    fn a_06_date_only_signing_is_end_of_day() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        assert_eq!(
            signing_time_from_date(date).unwrap(),
            t(2026, 3, 6, 23, 59, 59)
        );
        let d = send_deadline_from_date(
            date,
            None,
            &WorkingCalendar::weekends_only(),
            &SendDeadlinePolicy::default(),
        )
        .unwrap();
        assert!(d.signed_at_is_date_only);
        assert_eq!(
            judge_send(&d, t(2026, 3, 6, 8, 0, 0)).outcome,
            Outcome::Pass
        );
        assert_eq!(judge_send(&d, t(2026, 3, 5, 8, 0, 0)).rule, "DOC-25");
    }

    /// A-06, DOC-21: when only the signing date is known, the assumed end-of-day instant is not
    /// said as the time of signing: an urgent document sent at 17:00 that day was not sent
    /// "immediately after signing at 23:59:59", nor was one sent the day before sent "before
    /// signing at 23:59:59".
    #[test]
    fn doc_21_date_only_signing_is_said_as_a_date() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        let cal = WorkingCalendar::weekends_only();
        let policy = SendDeadlinePolicy::default();
        let urgent = send_deadline_from_date(date, Some(Urgency::HoaToc), &cal, &policy).unwrap();
        let f = judge_send(&urgent, t(2026, 3, 6, 17, 0, 0));
        assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-21", Outcome::Pass));
        assert!(
            f.message_vi.contains(
                "được gửi lúc 17:00 ngày 06/03/2026, trong ngày ký số 06/03/2026 (chỉ biết ngày ký"
            ),
            "{}",
            f.message_vi
        );
        assert!(!f.message_vi.contains("23:59:59"), "{}", f.message_vi);
        assert!(!f.message.contains("23:59:59"), "{}", f.message);
        let plain = send_deadline_from_date(date, None, &cal, &policy).unwrap();
        let f = judge_send(&plain, t(2026, 3, 6, 17, 0, 0));
        assert!(
            f.message_vi
                .ends_with("ngay trong ngày văn bản ký ban hành (06/03/2026)."),
            "{}",
            f.message_vi
        );
        let f = judge_send(&plain, t(2026, 3, 5, 17, 0, 0));
        assert!(
            f.message_vi
                .contains("trước khi văn bản được ký ngày 06/03/2026 (chỉ biết ngày ký)"),
            "{}",
            f.message_vi
        );
        assert!(f
            .message
            .contains("before it was signed on 2026-03-06 (only the date is known)"));
        // A known time is still said.
        let timed = send_deadline(t(2026, 3, 6, 9, 0, 0), None, &cal, &policy).unwrap();
        let f = judge_send(&timed, t(2026, 3, 6, 8, 0, 0));
        assert!(
            f.message_vi
                .contains("trước khi văn bản được ký lúc 09:00 ngày 06/03/2026"),
            "{}",
            f.message_vi
        );
    }

    #[test]
    fn a_07_negative_tolerance_is_an_error() {
        let policy = SendDeadlinePolicy {
            urgent_tolerance: TimeDelta::seconds(-1),
            ..SendDeadlinePolicy::default()
        };
        let e = send_deadline(
            t(2026, 3, 6, 16, 0, 0),
            Some(Urgency::Khan),
            &WorkingCalendar::weekends_only(),
            &policy,
        )
        .unwrap_err();
        assert_eq!(e.code(), "deadline.negative_tolerance");
    }

    #[test]
    fn a_06_policy_json_has_documented_defaults() {
        let json = serde_json::to_string(&SendDeadlinePolicy::default()).unwrap();
        assert_eq!(
            json,
            r#"{"morning_end":"12:00:00","urgent_tolerance_seconds":0}"#
        );
        let p: SendDeadlinePolicy = serde_json::from_str("{}").unwrap();
        assert_eq!(p, SendDeadlinePolicy::default());
        let p: SendDeadlinePolicy =
            serde_json::from_str(r#"{"urgent_tolerance_seconds":900}"#).unwrap();
        assert_eq!(p.urgent_tolerance, TimeDelta::minutes(15));
        assert!(serde_json::from_str::<SendDeadlinePolicy>(
            r#"{"urgent_tolerance_seconds":9223372036854775807}"#
        )
        .is_err());
    }

    #[test]
    fn core_02_a_calendar_without_working_days_is_an_error() {
        let mut cal = WorkingCalendar::weekends_only();
        let start = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        for day in start.iter_days().take(400) {
            cal.add_day_off(day, "closed");
        }
        let e = send_deadline(
            t(2030, 1, 1, 9, 0, 0),
            None,
            &cal,
            &SendDeadlinePolicy::default(),
        )
        .unwrap_err();
        assert_eq!(e.code(), "deadline.calendar");
    }

    proptest! {
        #[test]
        fn doc_19_latest_is_a_working_day_morning_after_signing(
            signed in 1_767_200_000i64..1_830_000_000i64,
            sent_offset in -200_000i64..800_000i64,
            urgent in proptest::option::of(prop::sample::select(Urgency::ALL.to_vec())),
        ) {
            let cal = WorkingCalendar::weekends_only();
            let signed_at = VnDateTime::from_unix_seconds(signed).unwrap();
            let d = send_deadline(signed_at, urgent, &cal, &SendDeadlinePolicy::default()).unwrap();
            prop_assert!(d.latest > signed_at);
            prop_assert!(cal.is_working_day(d.latest.date()));
            prop_assert!(d.latest.date() > signed_at.date());
            let f = judge_send(&d, VnDateTime::from_unix_seconds(signed + sent_offset).unwrap());
            prop_assert!(f.evidence.is_some());
        }
    }
}
