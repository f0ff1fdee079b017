//! The working-day calendar (rule CORE-02).
//!
//! QĐ 28/2018/QĐ-TTg Đ6.2 counts deadlines in working days («ngày làm việc tiếp theo»), and the
//! seeds define no calendar. [`WorkingCalendar`] is the public-sector calendar: Saturdays and
//! Sundays off, plus a table of weekday days off (public holidays, compensatory days «nghỉ bù»,
//! swapped days) and of worked weekend days (make-up Saturdays «làm bù»).
//!
//! [`WorkingCalendar::vietnam`] ships the announced schedules and the statutory rule for later
//! years (see [`vietnam`] for sources and coverage). The government moves days every year, so the
//! table is data the caller can extend ([`WorkingCalendar::add_day_off`],
//! [`WorkingCalendar::add_working_day`]), trim ([`WorkingCalendar::clear_year`]) or replace
//! entirely (serde / [`WorkingCalendar::from_json`]).

pub mod vietnam;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::sync::Arc;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

/// How far [`WorkingCalendar::next_working_day`] searches before giving up: a table that marks a
/// whole year off is a data error, not a reason to loop forever.
pub const MAX_SEARCH_DAYS: u32 = 366;

/// The days of the week, Monday first.
const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Why a calendar computation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// No working day was found within [`MAX_SEARCH_DAYS`] after the date.
    #[error("no working day within {MAX_SEARCH_DAYS} days after {from}; the calendar table marks them all off")]
    NoWorkingDay {
        /// The date the search started from.
        from: NaiveDate,
    },
    /// The computation ran past the last representable date.
    #[error("date arithmetic overflowed after {from}")]
    Overflow {
        /// The date the computation started from.
        from: NaiveDate,
    },
    /// A calendar table could not be read.
    #[error("invalid calendar table: {reason}")]
    InvalidTable {
        /// What was wrong.
        reason: String,
    },
}

impl CalendarError {
    /// The error in Vietnamese (the English text is `Display`), CORE-02, CORE-06.
    pub fn message_vi(&self) -> String {
        crate::i18n::Localize::message(self, crate::i18n::Lang::Vi)
    }
}

impl crate::i18n::Localize for CalendarError {
    fn catalogue(&self) -> &'static crate::i18n::Catalogue {
        crate::i18n::catalogue()
    }
    fn message_args(&self) -> crate::i18n::Args {
        // Dates in Vietnamese prose are dd/mm/yyyy.
        match self {
            CalendarError::NoWorkingDay { from } => {
                crate::args!(days = MAX_SEARCH_DAYS, from = crate::i18n::date_vi(*from))
            }
            CalendarError::Overflow { from } => {
                crate::args!(from = crate::i18n::date_vi(*from))
            }
            CalendarError::InvalidTable { reason } => {
                crate::args!(reason = reason, detail = crate::i18n::detail_vi(reason))
            }
        }
    }
}

impl ErrorCode for CalendarError {
    fn code(&self) -> &'static str {
        match self {
            CalendarError::NoWorkingDay { .. } => "calendar.no_working_day",
            CalendarError::Overflow { .. } => "calendar.overflow",
            CalendarError::InvalidTable { .. } => "calendar.invalid_table",
        }
    }
}

/// What kind of day a date is, with the reason from the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DayKind {
    /// An ordinary working day.
    Working,
    /// A weekend day that is worked (make-up Saturday, «làm bù»).
    WorkingWeekend {
        /// Why it is worked.
        reason: String,
    },
    /// An ordinary weekly rest day.
    Weekend,
    /// A day off: holiday, compensatory day or swapped day.
    DayOff {
        /// What the day is (e.g. `Tết Nguyên Đán (Lunar New Year)`).
        reason: String,
    },
}

impl DayKind {
    /// True for working days.
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::WorkingWeekend { .. })
    }
}

/// A working-day calendar (CORE-02): weekly rest days plus a dated table of exceptions.
///
/// ```
/// use chrono::NaiveDate;
/// use egov_core::WorkingCalendar;
/// let cal = WorkingCalendar::vietnam();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(!cal.is_working_day(d(2026, 2, 17)));                    // Tết 2026
/// assert_eq!(cal.next_working_day(d(2026, 2, 13)).unwrap(), d(2026, 2, 23));
/// assert!(cal.is_working_day(d(2026, 1, 10)));                     // make-up Saturday
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkingCalendar {
    /// Name and version of the table, for reports (`vn-public-sector 2026-11-23 (…)`).
    pub name: String,
    /// Weekly rest days (Saturday and Sunday for state agencies).
    pub weekly_rest_days: Vec<Weekday>,
    // The two tables are shared between copies (`Arc`): cloning a calendar, as
    // `WorkingCalendar::vietnam` does on every call, copies no entry; a copy's first change
    // makes the table its own (`Arc::make_mut`). The JSON form and schema are those of the map.
    /// Days off with their reason. May include holidays that fall on a rest day (for
    /// explanation); those change nothing.
    #[serde(default)]
    days_off: Arc<BTreeMap<NaiveDate, String>>,
    /// Rest days that are worked, with their reason.
    #[serde(default)]
    working_rest_days: Arc<BTreeMap<NaiveDate, String>>,
    /// Calendar years the table is known to cover, inclusive. Outside it only the weekly rest days
    /// apply, and [`WorkingCalendar::covers`] says so.
    #[serde(default)]
    coverage: Option<(i32, i32)>,
    /// Covered years whose schedule is only partly announced: the rest of the year is the
    /// statutory projection ([`YearSchedule::PartlyAnnounced`]).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    partly_announced_years: BTreeSet<i32>,
    /// Covered years with no announced schedule: the table holds the statutory projection
    /// ([`YearSchedule::Projected`]).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    projected_years: BTreeSet<i32>,
}

/// Where a calendar's answer for a year comes from (CORE-02): the schedule the Government
/// announced, or the statutory projection that stands in for it until then.
///
/// The Labour Code fixes the holidays (BLLĐ 2019 Đ112.1) and the compensatory days (Đ111.3), but
/// the Prime Minister chooses the Tết days (Đ112.3) and the ministry announces swapped days each
/// year, sometimes weeks ahead. An answer for a year not yet announced can change when it is.
///
/// ```
/// use chrono::NaiveDate;
/// use egov_core::{WorkingCalendar, calendar::YearSchedule};
/// let cal = WorkingCalendar::vietnam();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(cal.schedule(d(2026, 2, 17)), YearSchedule::Announced);
/// assert_eq!(cal.schedule(d(2027, 4, 30)), YearSchedule::PartlyAnnounced);
/// assert_eq!(cal.schedule(d(2028, 1, 26)), YearSchedule::Projected);
/// assert_eq!(cal.schedule(d(2100, 1, 1)), YearSchedule::NotCovered);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearSchedule {
    /// The table holds the year's schedule as announced (or as the caller supplied it).
    Announced,
    /// Part of the year's schedule is announced; the rest is the statutory projection, and days
    /// may still be swapped.
    PartlyAnnounced,
    /// No schedule announced yet: the statutory holidays and compensatory days only. The Tết
    /// days the Prime Minister chooses and any swapped day may differ.
    Projected,
    /// The table does not cover the year: only the weekly rest days apply.
    NotCovered,
}

impl YearSchedule {
    /// True when the answer may change once the year's schedule is announced (CORE-02).
    pub fn is_provisional(self) -> bool {
        self != YearSchedule::Announced
    }
}

/// Removes `date` from a shared table, copying the table only when the entry is there.
fn unshare_remove(table: &mut Arc<BTreeMap<NaiveDate, String>>, date: NaiveDate) {
    if table.contains_key(&date) {
        Arc::make_mut(table).remove(&date);
    }
}

/// Removes a year's entries from a table that copies of the calendar may share, copying the
/// table only when it has an entry in that year.
fn unshare_clear_year(table: &mut Arc<BTreeMap<NaiveDate, String>>, year: i32) {
    let range = NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31));
    let has_entry = match range {
        Some((first, last)) => table.range(first..=last).next().is_some(),
        // A year chrono cannot represent has no entry.
        None => false,
    };
    if has_entry {
        Arc::make_mut(table).retain(|d, _| d.year() != year);
    }
}

impl Default for WorkingCalendar {
    fn default() -> Self {
        WorkingCalendar::weekends_only()
    }
}

impl WorkingCalendar {
    /// A calendar with Saturday and Sunday off and no holidays.
    pub fn weekends_only() -> Self {
        WorkingCalendar {
            name: "weekends-only".to_owned(),
            weekly_rest_days: [Weekday::Sat, Weekday::Sun].into_iter().collect(),
            days_off: Arc::default(),
            working_rest_days: Arc::default(),
            coverage: None,
            partly_announced_years: BTreeSet::new(),
            projected_years: BTreeSet::new(),
        }
    }

    /// The built-in Vietnamese public-sector calendar; see [`vietnam`] for coverage and sources.
    pub fn vietnam() -> Self {
        vietnam::public_sector_calendar()
    }

    /// Reads a calendar from its JSON (serde) form.
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        serde_json::from_str(json).map_err(|e| CalendarError::InvalidTable {
            reason: e.to_string(),
        })
    }

    /// The JSON (serde) form of the calendar.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Marks `date` as a day off (a holiday, compensatory day or swapped day). Replaces any
    /// earlier entry for that date.
    pub fn add_day_off(&mut self, date: NaiveDate, reason: impl Into<String>) -> &mut Self {
        unshare_remove(&mut self.working_rest_days, date);
        Arc::make_mut(&mut self.days_off).insert(date, reason.into());
        self
    }

    /// Marks `date` as a working day even if it is a weekly rest day or was a day off (a make-up
    /// Saturday). Replaces any earlier entry for that date.
    pub fn add_working_day(&mut self, date: NaiveDate, reason: impl Into<String>) -> &mut Self {
        unshare_remove(&mut self.days_off, date);
        if self.weekly_rest_days.contains(&date.weekday()) {
            Arc::make_mut(&mut self.working_rest_days).insert(date, reason.into());
        }
        self
    }

    /// Removes any table entry for `date`, returning it to the weekly pattern.
    pub fn remove_entry(&mut self, date: NaiveDate) -> &mut Self {
        unshare_remove(&mut self.days_off, date);
        unshare_remove(&mut self.working_rest_days, date);
        self
    }

    /// Removes every table entry in `year`, so the caller can load that year's announced
    /// schedule: the year counts as announced from then on ([`WorkingCalendar::schedule`]).
    pub fn clear_year(&mut self, year: i32) -> &mut Self {
        unshare_clear_year(&mut self.days_off, year);
        unshare_clear_year(&mut self.working_rest_days, year);
        self.set_schedule(year, YearSchedule::Announced)
    }

    /// Declares where the table's entries for `year` come from (CORE-02): announced, partly
    /// announced or projected. [`YearSchedule::NotCovered`] is the coverage's to say
    /// ([`WorkingCalendar::set_coverage`]) and only clears the year's mark here.
    pub fn set_schedule(&mut self, year: i32, schedule: YearSchedule) -> &mut Self {
        self.partly_announced_years.remove(&year);
        self.projected_years.remove(&year);
        match schedule {
            YearSchedule::PartlyAnnounced => {
                self.partly_announced_years.insert(year);
            }
            YearSchedule::Projected => {
                self.projected_years.insert(year);
            }
            YearSchedule::Announced | YearSchedule::NotCovered => {}
        }
        self
    }

    /// Where the answer for `date` comes from (CORE-02): outside the coverage
    /// [`YearSchedule::NotCovered`]; in a year declared partly announced or projected, that;
    /// otherwise [`YearSchedule::Announced`] (a table read from JSON without these marks is the
    /// caller's announced schedule).
    pub fn schedule(&self, date: NaiveDate) -> YearSchedule {
        let year = date.year();
        if !self.covers(date) {
            YearSchedule::NotCovered
        } else if self.projected_years.contains(&year) {
            YearSchedule::Projected
        } else if self.partly_announced_years.contains(&year) {
            YearSchedule::PartlyAnnounced
        } else {
            YearSchedule::Announced
        }
    }

    /// The least certain [`WorkingCalendar::schedule`] of `dates`, with the year it is that of
    /// (the year a note names): what an answer resting on all of them can claim (CORE-02).
    /// `NotCovered` in year 0 for no date.
    pub fn least_certain_schedule(&self, dates: &[NaiveDate]) -> (YearSchedule, i32) {
        dates
            .iter()
            .map(|d| (self.schedule(*d), d.year()))
            .max_by_key(|(schedule, _)| *schedule)
            .unwrap_or((YearSchedule::NotCovered, 0))
    }

    /// Declares that the table covers the years `first..=last`.
    pub fn set_coverage(&mut self, first: i32, last: i32) -> &mut Self {
        self.coverage = Some((first.min(last), first.max(last)));
        self
    }

    /// The years the table is known to cover, if declared.
    pub fn coverage(&self) -> Option<(i32, i32)> {
        self.coverage
    }

    /// True when `date` falls in a year the table covers. Outside, answers rest on the weekly
    /// pattern alone and callers should say so.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.coverage
            .is_some_and(|(first, last)| (first..=last).contains(&date.year()))
    }

    /// Days off in the table, in date order.
    pub fn days_off(&self) -> impl Iterator<Item = (NaiveDate, &str)> {
        self.days_off.iter().map(|(d, r)| (*d, r.as_str()))
    }

    /// Worked rest days in the table, in date order.
    pub fn working_rest_days(&self) -> impl Iterator<Item = (NaiveDate, &str)> {
        self.working_rest_days.iter().map(|(d, r)| (*d, r.as_str()))
    }

    /// What kind of day `date` is, with the table's reason.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if let Some(reason) = self.working_rest_days.get(&date) {
            return DayKind::WorkingWeekend {
                reason: reason.clone(),
            };
        }
        if let Some(reason) = self.days_off.get(&date) {
            return DayKind::DayOff {
                reason: reason.clone(),
            };
        }
        if self.weekly_rest_days.contains(&date.weekday()) {
            DayKind::Weekend
        } else {
            DayKind::Working
        }
    }

    /// True when `date` is a working day (CORE-02).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        #[cfg(test)]
        tests::DAYS_EXAMINED.with(|n| n.set(n.get() + 1));
        if self.working_rest_days.contains_key(&date) {
            return true;
        }
        !self.days_off.contains_key(&date) && !self.weekly_rest_days.contains(&date.weekday())
    }

    /// The first working day strictly after `date` (CORE-02, QĐ 28/2018/QĐ-TTg Đ6.2 «ngày làm
    /// việc tiếp theo»).
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut d = date;
        for _ in 0..MAX_SEARCH_DAYS {
            d = d.succ_opt().ok_or(CalendarError::Overflow { from: date })?;
            if self.is_working_day(d) {
                return Ok(d);
            }
        }
        Err(CalendarError::NoWorkingDay { from: date })
    }

    /// `date` itself if it is a working day, otherwise the next working day.
    pub fn this_or_next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date) {
            Ok(date)
        } else {
            self.next_working_day(date)
        }
    }

    /// The `n`-th working day after `date` (`n = 0` returns `date` unchanged), CORE-02
    /// (QĐ 28/2018/QĐ-TTg Đ6.2 counts in working days).
    ///
    /// The work is bounded by the table, not by `n`: a count that cannot land before the last
    /// representable date is [`CalendarError::Overflow`] at once, and stretches without table
    /// entries are crossed a whole number of weeks at a time (each week holds exactly as many
    /// working days as the week has days that are not weekly rest days). The answer, and the
    /// errors, are those of taking [`WorkingCalendar::next_working_day`] `n` times.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        // More working days than can exist before the last representable date overflow; say so
        // at once instead of walking there.
        if u64::from(n) > self.working_days_bound_after(date) {
            return Err(CalendarError::Overflow { from: date });
        }
        let per_week = self.working_weekdays().len() as u64;
        let mut d = date;
        let mut left = u64::from(n);
        while left > 0 {
            let weeks = self.whole_weeks_from(d, left, per_week);
            if weeks > 0 {
                // `d` falls on a working weekday and no table entry lies in the next `weeks`
                // weeks: their last day is a working day, the `weeks * per_week`-th after `d`.
                d = d
                    .checked_add_days(Days::new(weeks * 7))
                    .ok_or(CalendarError::Overflow { from: date })?;
                left -= weeks * per_week;
                continue;
            }
            d = self.next_working_day(d).map_err(|e| match e {
                // Report the start of the addition, not the intermediate day.
                CalendarError::Overflow { .. } => CalendarError::Overflow { from: date },
                other => other,
            })?;
            left -= 1;
        }
        Ok(d)
    }

    /// The weekdays that are not weekly rest days.
    fn working_weekdays(&self) -> Vec<Weekday> {
        WEEK.into_iter()
            .filter(|w| !self.weekly_rest_days.contains(w))
            .collect()
    }

    /// The first table entry (day off or worked rest day) strictly after `date`.
    fn next_entry_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let after = (Bound::Excluded(date), Bound::Unbounded);
        let off = self.days_off.range(after).next().map(|(d, _)| *d);
        let worked = self.working_rest_days.range(after).next().map(|(d, _)| *d);
        match (off, worked) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// How many whole weeks can be skipped from `d` with `left` working days to go: none
    /// unless `d` is a working weekday of the pattern, at most `left / per_week`, and only
    /// weeks that end before the next table entry and the last representable date.
    fn whole_weeks_from(&self, d: NaiveDate, left: u64, per_week: u64) -> u64 {
        if per_week == 0 || self.weekly_rest_days.contains(&d.weekday()) {
            return 0;
        }
        let days_to = |limit: NaiveDate| {
            u64::try_from(limit.signed_duration_since(d).num_days()).unwrap_or(0)
        };
        // Days after `d` the skipped weeks may cover: up to the day before the next entry, or
        // up to the last representable date.
        let room = match self.next_entry_after(d) {
            Some(entry) => days_to(entry).saturating_sub(1),
            None => days_to(NaiveDate::MAX),
        };
        (left / per_week).min(room / 7)
    }

    /// An upper bound on the working days strictly after `date` up to the last representable
    /// date: every day up to the last worked rest day of the table may be a working day, and
    /// after it at most the weekdays that are not weekly rest days, week by week.
    fn working_days_bound_after(&self, date: NaiveDate) -> u64 {
        let days = |from: NaiveDate, to: NaiveDate| {
            u64::try_from(to.signed_duration_since(from).num_days()).unwrap_or(0)
        };
        let last_exception = self
            .working_rest_days
            .keys()
            .next_back()
            .copied()
            .filter(|d| *d > date)
            .unwrap_or(date);
        let rest: std::collections::BTreeSet<u32> = self
            .weekly_rest_days
            .iter()
            .map(Weekday::num_days_from_monday)
            .collect();
        let per_week = 7 - rest.len() as u64;
        if per_week == 0 {
            // Every weekday rests: let the walk report that no working day exists.
            return u64::MAX;
        }
        let after = days(last_exception, NaiveDate::MAX);
        days(date, last_exception) + (after / 7 + 1) * per_week
    }
    /// The number of working days in `from..to` (start inclusive, end exclusive; `0` when
    /// `to <= from`), CORE-02 (QĐ 28/2018/QĐ-TTg Đ6.2 counts in working days). Computed from
    /// whole weeks plus the table entries in the range, so the work does not grow with the
    /// length of the range. Saturates at `u32::MAX`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let Ok(days) = u64::try_from(to.signed_duration_since(from).num_days()) else {
            return 0;
        };
        let working = self.working_weekdays();
        let per_week = working.len() as u64;
        // The weekly pattern: whole weeks, then the remaining days from the start's weekday.
        let mut count = (days / 7) * per_week;
        let mut weekday = from.weekday();
        for _ in 0..days % 7 {
            if working.contains(&weekday) {
                count += 1;
            }
            weekday = weekday.succ();
        }
        // The table: a day off on a working weekday removes one, a worked rest day adds one.
        let pattern_working = |d: &NaiveDate| working.contains(&d.weekday());
        let removed = self
            .days_off
            .range(from..to)
            .filter(|(d, _)| !self.working_rest_days.contains_key(d) && pattern_working(d))
            .count() as u64;
        let added = self
            .working_rest_days
            .range(from..to)
            .filter(|(d, _)| !pattern_working(d))
            .count() as u64;
        u32::try_from((count + added).saturating_sub(removed)).unwrap_or(u32::MAX)
    }
}

/// Adds calendar months to a date, for periods the law counts in months (rule CORE-09:
/// NĐ 137/2024/NĐ-CP Đ23 «trong vòng 24 tháng», Đ18.2.a «Không quá 12 tháng kể từ khi Nghị định
/// này có hiệu lực»).
///
/// The seeds do not say how a month period is counted, so this follows the SDK default A-17
/// (Civil Code 2015 Art. 147–148, outside knowledge): the period ends on the corresponding day of
/// the final month, or on that month's last day when it has no such day (31/08 + 1 month =
/// 30/09). Moving an end that falls on a day off to the next working day is a separate, optional
/// step ([`WorkingCalendar::this_or_next_working_day`]). `None` past the last representable date.
///
/// ```
/// use chrono::NaiveDate;
/// use egov_core::calendar::add_months;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_months(d(2024, 10, 23), 24), Some(d(2026, 10, 23)));
/// assert_eq!(add_months(d(2024, 8, 31), 1), Some(d(2024, 9, 30)));
/// ```
pub fn add_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// How many days [`WorkingCalendar::is_working_day`] looked at on this thread: the work
        /// an answer took, measured without a clock.
        pub(super) static DAYS_EXAMINED: Cell<u64> = const { Cell::new(0) };
    }

    /// `f`'s result and the days it examined.
    fn examined<T>(f: impl FnOnce() -> T) -> (T, u64) {
        DAYS_EXAMINED.with(|n| n.set(0));
        let out = f();
        (out, DAYS_EXAMINED.with(Cell::get))
    }

    #[test]
    fn core_02_long_additions_and_counts_do_not_walk_every_day() {
        let cal = WorkingCalendar::vietnam();
        let start = d(2026, 1, 5);
        let (far, days) = examined(|| cal.add_working_days(start, 67_000_000));
        let far = far.unwrap();
        assert!(far.year() > 250_000, "{far}");
        // About 7 days around each of the table's ~1 000 entries, not 94 million.
        assert!(days < 20_000, "{days} days examined");
        let (n, days) = examined(|| cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX));
        assert!(n > 130_000_000);
        assert!(days < 20_000, "{days} days examined");
        let (e, days) = examined(|| cal.add_working_days(start, u32::MAX));
        assert_eq!(e, Err(CalendarError::Overflow { from: start }));
        assert_eq!(days, 0, "refused before walking");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn core_02_weekends_are_rest_days() {
        let cal = WorkingCalendar::weekends_only();
        assert!(cal.is_working_day(d(2025, 3, 14))); // Friday
        assert!(!cal.is_working_day(d(2025, 3, 15))); // Saturday
        assert_eq!(
            cal.next_working_day(d(2025, 3, 14)).unwrap(),
            d(2025, 3, 17)
        );
        assert_eq!(
            cal.add_working_days(d(2025, 3, 14), 0).unwrap(),
            d(2025, 3, 14)
        );
        assert_eq!(
            cal.add_working_days(d(2025, 3, 14), 6).unwrap(),
            d(2025, 3, 24)
        );
        assert_eq!(cal.working_days_between(d(2025, 3, 10), d(2025, 3, 17)), 5);
    }

    #[test]
    fn core_02_caller_can_add_days_off_and_make_up_days() {
        let mut cal = WorkingCalendar::weekends_only();
        cal.add_day_off(d(2025, 3, 17), "compensatory day");
        cal.add_working_day(d(2025, 3, 22), "make-up Saturday");
        assert_eq!(
            cal.next_working_day(d(2025, 3, 14)).unwrap(),
            d(2025, 3, 18)
        );
        assert!(cal.is_working_day(d(2025, 3, 22)));
        assert_eq!(
            cal.day_kind(d(2025, 3, 22)),
            DayKind::WorkingWeekend {
                reason: "make-up Saturday".into()
            }
        );
        cal.remove_entry(d(2025, 3, 17));
        assert!(cal.is_working_day(d(2025, 3, 17)));
        cal.clear_year(2025);
        assert!(!cal.is_working_day(d(2025, 3, 22)));
    }

    #[test]
    fn core_02_copies_of_the_built_in_calendar_share_its_table_until_changed() {
        let a = WorkingCalendar::vietnam();
        let mut b = WorkingCalendar::vietnam();
        // Every call hands out the same table, not a copy of its ~300 entries.
        assert!(Arc::ptr_eq(&a.days_off, &b.days_off));
        assert!(Arc::ptr_eq(&a.working_rest_days, &b.working_rest_days));
        // A change to one copy is that copy's alone.
        let tet = d(2026, 2, 17);
        assert!(!b.is_working_day(tet));
        b.add_working_day(tet, "the caller's own schedule");
        b.add_day_off(d(2026, 3, 3), "the caller's own day off");
        assert!(b.is_working_day(tet));
        assert!(!a.is_working_day(tet));
        assert!(a.is_working_day(d(2026, 3, 3)));
        assert!(!WorkingCalendar::vietnam().is_working_day(tet));
        assert_eq!(WorkingCalendar::vietnam(), a);
        // Removing an entry that is not there copies nothing.
        let mut c = WorkingCalendar::vietnam();
        c.remove_entry(d(2026, 3, 4));
        assert!(Arc::ptr_eq(&a.days_off, &c.days_off));
        // Nor does clearing a year the table has no entry in; clearing one it has is that
        // copy's alone.
        c.clear_year(2010).clear_year(i32::MAX);
        assert!(Arc::ptr_eq(&a.days_off, &c.days_off));
        assert!(Arc::ptr_eq(&a.working_rest_days, &c.working_rest_days));
        c.clear_year(2026);
        assert!(c.is_working_day(tet));
        assert!(!a.is_working_day(tet));
        assert!(c.days_off().all(|(day, _)| day.year() != 2026));
        assert!(a.days_off().any(|(day, _)| day.year() == 2026));
        // The JSON form is unchanged by the sharing: a round trip gives an equal calendar.
        assert_eq!(WorkingCalendar::from_json(&b.to_json()).unwrap(), b);
    }

    #[test]
    fn core_02_a_table_with_no_working_day_is_an_error_not_a_hang() {
        let mut cal = WorkingCalendar::weekends_only();
        let start = d(2030, 1, 1);
        for day in start.iter_days().take(400) {
            cal.add_day_off(day, "closed");
        }
        assert_eq!(
            cal.next_working_day(start).unwrap_err().code(),
            "calendar.no_working_day"
        );
        assert_eq!(
            cal.next_working_day(NaiveDate::MAX).unwrap_err().code(),
            "calendar.overflow"
        );
    }

    #[test]
    fn core_02_adding_more_working_days_than_days_left_overflows_at_once() {
        let cal = WorkingCalendar::weekends_only();
        let start = d(2026, 1, 1);
        for n in [u32::MAX, 94_000_000] {
            // 94 million working days need about 131 million calendar days; fewer are left.
            let e = cal.add_working_days(start, n).unwrap_err();
            assert_eq!(e, CalendarError::Overflow { from: start });
        }
        // Near the end the bound lets the walk decide: 10 days left hold fewer than 10 working
        // days, and the walk's overflow names the start too.
        let near_end = NaiveDate::MAX - chrono::Days::new(10);
        assert!(u64::from(10u32) <= cal.working_days_bound_after(near_end));
        assert_eq!(
            cal.add_working_days(near_end, 10).unwrap_err(),
            CalendarError::Overflow { from: near_end }
        );
        assert!(cal.add_working_days(near_end, 5).is_ok());
        // The built-in table's worked Saturdays are allowed for: its bound is never too small.
        let vn = WorkingCalendar::vietnam();
        assert_eq!(
            vn.add_working_days(d(2026, 1, 9), 1).unwrap(),
            d(2026, 1, 10),
            "Saturday 10/01/2026 is worked"
        );
    }

    #[test]
    fn core_09_month_periods_end_on_the_corresponding_day_or_the_month_end() {
        assert_eq!(add_months(d(2024, 8, 31), 1), Some(d(2024, 9, 30)));
        assert_eq!(add_months(d(2022, 2, 28), 24), Some(d(2024, 2, 28)));
        assert_eq!(add_months(d(2024, 2, 29), 24), Some(d(2026, 2, 28)));
        assert_eq!(add_months(d(2024, 12, 15), 1), Some(d(2025, 1, 15)));
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn core_02_json_round_trip_replaces_the_table() {
        let mut cal = WorkingCalendar::weekends_only();
        cal.add_day_off(d(2031, 1, 1), "New Year")
            .set_coverage(2031, 2031);
        let back = WorkingCalendar::from_json(&cal.to_json()).unwrap();
        assert_eq!(back, cal);
        assert!(!back.is_working_day(d(2031, 1, 1)));
        assert_eq!(
            WorkingCalendar::from_json("{").unwrap_err().code(),
            "calendar.invalid_table"
        );
    }
}
