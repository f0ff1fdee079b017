//! Self-classification deadlines (PLAT-09, PLAT-10, PLAT-13; NĐ 137/2024 Đ18.2, Đ19.3).
//!
//! * First self-classification: «không quá 12 tháng kể từ khi Nghị định này có hiệu lực», for
//!   intermediary platforms operating for 12 months or more (Đ18.2.a). The effective date is a
//!   parameter (default 23/10/2024, §7 A-17). Month arithmetic follows the Civil Code 2015
//!   Art. 147–148 (§7 A-17, documented default): the period ends at the end of the corresponding
//!   day of the 12th month (last day of that month if none) and rolls to the next working day if
//!   that day is a day off → 2025-10-23.
//! * Then yearly «trước 31 tháng 01» (Đ18.2.b; and the Đ19.3 submission): strictly before by
//!   default, i.e. the last day is 30 January (§7 A-16); `inclusive_annual_deadline` makes it
//!   31 January. No weekend roll-over of this fixed calendar date.

use chrono::{Months, NaiveDate};
use egov_core::{CalendarError, Instrument, LegalRef, WorkingCalendar};
use serde::{Deserialize, Serialize};

/// Parameters of the schedule (documented defaults from REQUIREMENTS §7 ). In JSON
/// every field is optional (the default) and unknown fields are refused, so a misspelt
/// `inclusive_annual_deadline` cannot silently fall back to the strict reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleParams {
    /// The decree's effective date (default 2024-10-23, A-17).
    pub decree_effective: NaiveDate,
    /// `true` reads «trước 31 tháng 01» as "by 31 January" (default `false`: 30 January, A-16).
    pub inclusive_annual_deadline: bool,
    /// Roll the end of the 12-month period to the next working day (default `true`, A-17).
    pub roll_to_working_day: bool,
}

impl Default for ScheduleParams {
    fn default() -> Self {
        ScheduleParams {
            decree_effective: NaiveDate::from_ymd_opt(2024, 10, 23).unwrap_or_default(),
            inclusive_annual_deadline: false,
            roll_to_working_day: true,
        }
    }
}

/// Which self-classification is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// The first one (Đ18.2.a, PLAT-09).
    First,
    /// The yearly one and the Đ19.3 submission (Đ18.2.b, PLAT-10, PLAT-13).
    Annual,
    /// The decree gives no date for this platform (see the note).
    NotDetermined,
}

/// The next self-classification due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextDue {
    /// Which one.
    pub kind: DueKind,
    /// The last permitted day (Vietnam time, end of day), if determined.
    pub due_on: Option<NaiveDate>,
    /// Whether `due_on` is before the reference date and the due act is not recorded as done.
    pub overdue: bool,
    /// Rule ID.
    pub rule: String,
    /// Legal basis.
    pub basis: LegalRef,
    /// Explanation, English.
    pub note: String,
    /// Explanation, Vietnamese.
    pub note_vi: String,
}

/// What is known about the platform's history (JSON: every field optional, unknown fields
/// refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlatformHistory {
    /// When the platform started operating.
    #[serde(default)]
    pub operating_since: Option<NaiveDate>,
    /// When the first self-classification was made, if it was.
    #[serde(default)]
    pub first_self_classification: Option<NaiveDate>,
}

/// The deadline of the first self-classification (PLAT-09, Đ18.2.a; A-17 month arithmetic).
pub fn first_deadline(
    params: &ScheduleParams,
    calendar: &WorkingCalendar,
) -> Result<NaiveDate, CalendarError> {
    let end =
        egov_core::add_months(params.decree_effective, 12).ok_or(CalendarError::Overflow {
            from: params.decree_effective,
        })?;
    if params.roll_to_working_day {
        calendar.this_or_next_working_day(end)
    } else {
        Ok(end)
    }
}

/// The last permitted day of the yearly self-classification of `year` (PLAT-10, PLAT-13;
/// Đ18.2.b, Đ19.3 «trước 31 tháng 01»; A-16): 30 January, or 31 January when inclusive.
pub fn annual_deadline(year: i32, params: &ScheduleParams) -> Option<NaiveDate> {
    let day = if params.inclusive_annual_deadline {
        31
    } else {
        30
    };
    NaiveDate::from_ymd_opt(year, 1, day)
}

/// The next self-classification due on `today` (PLAT-09, PLAT-10, PLAT-13; Đ18.2, Đ19.3).
pub fn next_due(
    today: NaiveDate,
    history: &PlatformHistory,
    params: &ScheduleParams,
    calendar: &WorkingCalendar,
) -> Result<NextDue, CalendarError> {
    if let Some(done) = history.first_self_classification {
        // The first 30 (31) January after the first self-classification and not before today.
        let from = done.succ_opt().unwrap_or(done).max(today);
        let mut year = chrono::Datelike::year(&from);
        let due = loop {
            match annual_deadline(year, params) {
                Some(d) if d >= from => break Some(d),
                Some(_) => year += 1,
                None => break None,
            }
        };
        return Ok(NextDue {
            kind: DueKind::Annual,
            due_on: due,
            overdue: false,
            rule: "PLAT-10".to_owned(),
            basis: LegalRef::point(Instrument::Nd137_2024, 18, 2, "b"),
            note: format!(
                "yearly self-classification {} 31 January (also the Đ19.3 submission for large platforms)",
                if params.inclusive_annual_deadline { "by" } else { "before" }
            ),
            note_vi: "định kỳ trước 31 tháng 01 hằng năm tự xác định quy mô (và cung cấp thông tin theo khoản 3 Điều 19 đối với nền tảng quy mô lớn)".to_owned(),
        });
    }
    let first = first_deadline(params, calendar)?;
    let basis = LegalRef::point(Instrument::Nd137_2024, 18, 2, "a");
    // Operating "≥ 12 months" when the decree took effect (Đ18.2.a). Dates near the start of
    // the calendar have no such day; then no platform qualifies.
    let twelve_months_before_effect = params.decree_effective.checked_sub_months(Months::new(12));
    match history.operating_since {
        Some(since) if twelve_months_before_effect.is_some_and(|t| since <= t) => Ok(NextDue {
            kind: DueKind::First,
            due_on: Some(first),
            overdue: today > first,
            rule: "PLAT-09".to_owned(),
            basis,
            note: format!(
                "first self-classification within 12 months of the decree taking effect ({}), for platforms operating 12 months or more",
                params.decree_effective
            ),
            note_vi: "tự xác định quy mô lần đầu không quá 12 tháng kể từ khi Nghị định có hiệu lực (nền tảng hoạt động từ 12 tháng trở lên)".to_owned(),
        }),
        Some(_) => Ok(NextDue {
            kind: DueKind::NotDetermined,
            due_on: None,
            overdue: false,
            rule: "PLAT-09".to_owned(),
            basis,
            note: "the platform had operated less than 12 months when the decree took effect; Đ18.2.a sets no date for it. Self-classify once 12 months of history exist; the yearly cycle (before 31 January) follows".to_owned(),
            note_vi: "nền tảng hoạt động chưa đủ 12 tháng khi Nghị định có hiệu lực; điểm a khoản 2 Điều 18 không quy định thời hạn cho trường hợp này".to_owned(),
        }),
        None => Ok(NextDue {
            kind: DueKind::NotDetermined,
            due_on: Some(first),
            overdue: false,
            rule: "PLAT-09".to_owned(),
            basis,
            note: "start of operation not given: the first-classification deadline applies if the platform had operated 12 months or more when the decree took effect".to_owned(),
            note_vi: "chưa có thời điểm bắt đầu hoạt động: thời hạn tự xác định lần đầu áp dụng nếu nền tảng đã hoạt động từ 12 tháng trở lên".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn plat_09_first_deadline_is_2025_10_23() {
        let p = ScheduleParams::default();
        assert_eq!(
            first_deadline(&p, &WorkingCalendar::vietnam()).unwrap(),
            d(2025, 10, 23)
        );
        let h = PlatformHistory {
            operating_since: Some(d(2020, 1, 1)),
            first_self_classification: None,
        };
        let n = next_due(d(2025, 6, 1), &h, &p, &WorkingCalendar::vietnam()).unwrap();
        assert_eq!(
            (n.kind, n.due_on, n.overdue),
            (DueKind::First, Some(d(2025, 10, 23)), false)
        );
        let n = next_due(d(2025, 10, 24), &h, &p, &WorkingCalendar::vietnam()).unwrap();
        assert!(n.overdue);
    }

    #[test]
    fn plat_09_effective_date_is_a_parameter_and_rolls_over_days_off() {
        // 12 months after 2024-11-09 is Sunday 2025-11-09 → Monday 2025-11-10.
        let p = ScheduleParams {
            decree_effective: d(2024, 11, 9),
            ..ScheduleParams::default()
        };
        assert_eq!(
            first_deadline(&p, &WorkingCalendar::vietnam()).unwrap(),
            d(2025, 11, 10)
        );
        let p = ScheduleParams {
            roll_to_working_day: false,
            ..p
        };
        assert_eq!(
            first_deadline(&p, &WorkingCalendar::vietnam()).unwrap(),
            d(2025, 11, 9)
        );
    }

    #[test]
    fn plat_09_young_platforms_have_no_first_deadline() {
        let h = PlatformHistory {
            operating_since: Some(d(2024, 3, 1)),
            first_self_classification: None,
        };
        let n = next_due(
            d(2025, 1, 1),
            &h,
            &ScheduleParams::default(),
            &WorkingCalendar::vietnam(),
        )
        .unwrap();
        assert_eq!(n.kind, DueKind::NotDetermined);
        assert_eq!(n.due_on, None);
    }

    #[test]
    fn plat_10_annual_deadline_is_strictly_before_31_january() {
        let p = ScheduleParams::default();
        let h = PlatformHistory {
            operating_since: None,
            first_self_classification: Some(d(2025, 9, 1)),
        };
        let cal = WorkingCalendar::vietnam();
        let n = next_due(d(2025, 12, 1), &h, &p, &cal).unwrap();
        // 30/01/2026 (31/01/2026 is a Saturday: no roll-over of the fixed date, A-16).
        assert_eq!((n.kind, n.due_on), (DueKind::Annual, Some(d(2026, 1, 30))));
        assert_eq!(
            next_due(d(2026, 1, 30), &h, &p, &cal).unwrap().due_on,
            Some(d(2026, 1, 30))
        );
        assert_eq!(
            next_due(d(2026, 1, 31), &h, &p, &cal).unwrap().due_on,
            Some(d(2027, 1, 30))
        );
        let inclusive = ScheduleParams {
            inclusive_annual_deadline: true,
            ..p
        };
        assert_eq!(
            next_due(d(2026, 1, 31), &h, &inclusive, &cal)
                .unwrap()
                .due_on,
            Some(d(2026, 1, 31))
        );
        // The yearly cycle starts after the first self-classification: first on 29 January 2026,
        // the next is due by 30 January 2026.
        let h = PlatformHistory {
            operating_since: None,
            first_self_classification: Some(d(2026, 1, 29)),
        };
        assert_eq!(
            next_due(d(2026, 1, 29), &h, &p, &cal).unwrap().due_on,
            Some(d(2026, 1, 30))
        );
    }
}
