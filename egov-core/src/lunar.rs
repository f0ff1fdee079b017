//! The Vietnamese lunar calendar (âm lịch), computed at UTC+7 (rule CORE-02).
//!
//! Tết Nguyên Đán (lunar 1/1) and Giỗ Tổ Hùng Vương (lunar 10/3) are statutory holidays
//! (BLLĐ 2019 Đ112.1, BLLĐ 2012 Đ115.1), so the working-day calendar needs their solar dates.
//!
//! This is Hồ Ngọc Đức's algorithm: new moons and the sun's longitude per Jean Meeus
//! (*Astronomical Algorithms*), the winter solstice in month 11, and the "no major solar term"
//! rule for the leap month. Every boundary is decided at local midnight in **UTC+7** (Vietnam).
//! The Chinese calendar uses UTC+8 and differs in some years: Tết 2007 (VN 17/02, CN 18/02),
//! Giỗ Tổ 2009 (VN 04/04), Tết 2030 (VN 02/02, CN 03/02), Giỗ Tổ 2037 and 2038, Tết 2053
//! (VN 18/02). A Chinese-calendar library gives the wrong holiday in those years.
//!
//! **Supported range**: lunar years [`MIN_YEAR`]`..=`[`MAX_YEAR`] (1900–2199), that is solar dates
//! from Tết 1900 (31/01/1900) to the eve of Tết 2200. Outside it every function returns `None`;
//! nothing here panics. The tests check every Tết, Giỗ Tổ and lunar month start from 1901 to 2100
//! against a golden table generated with PyPI `lunar-vn` 1.4.0 (an independent implementation
//! of the same algorithm, `time_zone=7`).
//!
//! ```
//! use chrono::NaiveDate;
//! use egov_core::lunar::{self, LunarDate};
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(lunar::tet(2026), Some(d(2026, 2, 17)));
//! assert_eq!(lunar::tet(2030), Some(d(2030, 2, 2))); // the Chinese calendar says 03/02
//! assert_eq!(lunar::hung_kings_day(2026), Some(d(2026, 4, 26)));
//! assert_eq!(lunar::lunar_new_years_eve(2026), Some(d(2026, 2, 16))); // 29 tháng Chạp
//! assert_eq!(
//!     lunar::to_lunar(d(2026, 2, 16)),
//!     Some(LunarDate { year: 2025, month: 12, day: 29, leap: false })
//! );
//! assert_eq!(lunar::from_lunar(2025, 6, 1, true), Some(d(2025, 7, 25))); // leap 6th month
//! assert_eq!(lunar::from_lunar(2026, 6, 1, true), None); // 2026 has no leap month
//! ```

use std::f64::consts::PI;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The first supported lunar year.
pub const MIN_YEAR: i32 = 1900;
/// The last supported lunar year.
pub const MAX_YEAR: i32 = 2199;

/// Vietnam's time zone in hours east of UTC: the calendar is computed at local midnight there.
pub(crate) const VIETNAM_TZ: f64 = 7.0;

/// Julian Day Number of 0000-12-31 (proleptic Gregorian), so `JDN = days_from_ce + this`.
const JDN_OF_CE_EPOCH: i64 = 1_721_425;
/// Mean synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530588853;
/// Julian date of the new moon of 1900-01-01 that new moon number 0 counts from.
const NEW_MOON_EPOCH: f64 = 2_415_021.076_998_695;
/// The leap-month search looks at most this many months after month 11.
const MAX_LEAP_SEARCH: i64 = 14;

/// A date in the Vietnamese lunar calendar.
///
/// `month` is 1–12 and `day` 1–30; `leap` marks the leap month (tháng nhuận), which repeats the
/// number of the month before it. The lunar year starts at Tết, so 16/02/2026 is
/// `LunarDate { year: 2025, month: 12, day: 29, leap: false }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LunarDate {
    /// Lunar year, numbered as the solar year in which it starts (Tết).
    pub year: i32,
    /// Lunar month, 1–12.
    pub month: u32,
    /// Day of the lunar month, 1–30.
    pub day: u32,
    /// True in a leap month (tháng nhuận).
    pub leap: bool,
}

impl LunarDate {
    /// The solar date of this lunar date, or `None` if it does not exist (day 30 of a 29-day month,
    /// a leap flag on a month that is not leap, a year outside the supported range).
    pub fn to_solar(&self) -> Option<NaiveDate> {
        from_lunar(self.year, self.month, self.day, self.leap)
    }
}

impl fmt::Display for LunarDate {
    /// `29/12/2025 AL`, with ` (nhuận)` for a leap month.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{} AL", self.day, self.month, self.year)?;
        if self.leap {
            f.write_str(" (nhuận)")?;
        }
        Ok(())
    }
}

/// The lunar date of `date` (Vietnam, UTC+7), or `None` outside lunar years 1900–2199.
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    to_lunar_tz(date, VIETNAM_TZ)
}

/// The solar date of lunar `day`/`month`/`year` (Vietnam, UTC+7); `leap` selects the leap month.
///
/// Returns `None` when the date does not exist: month outside 1–12, day outside the month
/// (29 or 30 days), `leap` set on a month that is not that year's leap month, or a year outside
/// 1900–2199.
pub fn from_lunar(year: i32, month: u32, day: u32, leap: bool) -> Option<NaiveDate> {
    from_lunar_tz(year, month, day, leap, VIETNAM_TZ)
}

/// Tết Nguyên Đán (lunar 1/1) of lunar year `year`, a statutory holiday (BLLĐ 2019 Đ112.1.b).
pub fn tet(year: i32) -> Option<NaiveDate> {
    from_lunar(year, 1, 1, false)
}

/// Giỗ Tổ Hùng Vương (lunar 10/3) of lunar year `year`, a statutory holiday (BLLĐ 2019 Đ112.1.đ).
pub fn hung_kings_day(year: i32) -> Option<NaiveDate> {
    from_lunar(year, 3, 10, false)
}

/// The eve of Tết `year` (giao thừa day, tất niên): the last day of lunar month 12 of lunar year
/// `year - 1`, which is the 29th or the 30th. `None` unless both years are supported
/// (`year` in 1901–2199).
pub fn lunar_new_years_eve(year: i32) -> Option<NaiveDate> {
    if year <= MIN_YEAR {
        return None;
    }
    tet(year)?.pred_opt()
}

/// Julian Day Number of a (proleptic Gregorian) date.
fn jdn(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_OF_CE_EPOCH
}

/// The date of a Julian Day Number, if chrono can represent it.
fn date_of_jdn(jd: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jd.checked_sub(JDN_OF_CE_EPOCH)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Day (JDN, local time `tz`) of the `k`-th new moon after 1900-01-01 (Meeus ch. 49, abridged).
fn new_moon_day(k: i64, tz: f64) -> i64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let sin = |deg: f64| (deg * dr).sin();

    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * sin(166.56 + 132.87 * t - 0.009_173 * t2);
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3; // sun's anomaly
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3; // moon's
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3; // latitude arg.

    let c1 = (0.1734 - 0.000_393 * t) * sin(m) + 0.0021 * sin(2.0 * m) - 0.4068 * sin(mpr)
        + 0.0161 * sin(2.0 * mpr)
        - 0.0004 * sin(3.0 * mpr)
        + 0.0104 * sin(2.0 * f)
        - 0.0051 * sin(m + mpr)
        - 0.0074 * sin(m - mpr)
        + 0.0004 * sin(2.0 * f + m)
        - 0.0004 * sin(2.0 * f - m)
        - 0.0006 * sin(2.0 * f + mpr)
        + 0.0010 * sin(2.0 * f - mpr)
        + 0.0005 * sin(2.0 * mpr + m);
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    let jd_new = jd1 + c1 - delta_t;
    (jd_new + 0.5 + tz / 24.0).floor() as i64
}

/// The sun's longitude at local midnight starting day `jdn`, as a 30° sector 0–11
/// (0 = spring equinox … 9 = winter solstice).
fn sun_longitude_sector(jdn: i64, tz: f64) -> i64 {
    let t = (jdn as f64 - 2_451_545.5 - tz / 24.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    let l = ((l0 + dl) * dr).rem_euclid(2.0 * PI);
    (l / PI * 6.0).floor() as i64
}

/// Day (JDN) on which lunar month 11 (the month holding the winter solstice) of solar year `year`
/// starts.
fn lunar_month_11(year: i32, tz: f64) -> Option<i64> {
    let dec31 = jdn(NaiveDate::from_ymd_opt(year, 12, 31)?);
    let k = ((dec31 - 2_415_021) as f64 / SYNODIC_MONTH).floor() as i64;
    let new_moon = new_moon_day(k, tz);
    if sun_longitude_sector(new_moon, tz) >= 9 {
        Some(new_moon_day(k - 1, tz))
    } else {
        Some(new_moon)
    }
}

/// New-moon number of the month that starts on day `a11`.
fn new_moon_index(a11: i64) -> i64 {
    ((a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// In a 13-month year starting at month 11 on day `a11`, the offset (from month 11) of the
/// leap month: the first month with no major solar term (its start and the next month's start
/// fall in the same sun sector).
fn leap_month_offset(a11: i64, tz: f64) -> i64 {
    let k = new_moon_index(a11);
    let mut i = 1;
    let mut arc = sun_longitude_sector(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = sun_longitude_sector(new_moon_day(k + i, tz), tz);
        if arc == last || i >= MAX_LEAP_SEARCH {
            return i - 1;
        }
    }
}

/// [`to_lunar`] at time zone `tz` (hours east of UTC).
pub(crate) fn to_lunar_tz(date: NaiveDate, tz: f64) -> Option<LunarDate> {
    let solar_year = date.year();
    if !(MIN_YEAR..=MAX_YEAR + 1).contains(&solar_year) {
        return None;
    }
    let day_number = jdn(date);
    // The new moon on or before `day_number`: start from the mean estimate and step at most
    // twice either way (the true new moon is within a day or so of the mean one).
    let mut k = ((day_number as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64 + 1;
    let mut found = false;
    for _ in 0..4 {
        if new_moon_day(k, tz) > day_number {
            k -= 1;
        } else if new_moon_day(k + 1, tz) <= day_number {
            k += 1;
        } else {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let month_start = new_moon_day(k, tz);

    let mut a11 = lunar_month_11(solar_year, tz)?;
    let mut b11 = a11;
    let mut lunar_year;
    if a11 >= month_start {
        lunar_year = solar_year;
        a11 = lunar_month_11(solar_year - 1, tz)?;
    } else {
        lunar_year = solar_year + 1;
        b11 = lunar_month_11(solar_year + 1, tz)?;
    }
    let day = day_number - month_start + 1;
    let diff = (month_start - a11).div_euclid(29);
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11, tz);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    let result = LunarDate {
        year: lunar_year,
        month: u32::try_from(month).ok().filter(|m| (1..=12).contains(m))?,
        day: u32::try_from(day).ok().filter(|d| (1..=30).contains(d))?,
        leap,
    };
    (MIN_YEAR..=MAX_YEAR)
        .contains(&result.year)
        .then_some(result)
}

/// [`from_lunar`] at time zone `tz` (hours east of UTC).
pub(crate) fn from_lunar_tz(
    year: i32,
    month: u32,
    day: u32,
    leap: bool,
    tz: f64,
) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year)
        || !(1..=12).contains(&month)
        || !(1..=30).contains(&day)
    {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (lunar_month_11(year - 1, tz)?, lunar_month_11(year, tz)?)
    } else {
        (lunar_month_11(year, tz)?, lunar_month_11(year + 1, tz)?)
    };
    let mut offset = (i64::from(month) + 1) % 12; // months after month 11
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11, tz);
        let leap_month = (leap_offset + 10 - 1) % 12 + 1;
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || offset >= leap_offset {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let month_start = new_moon_day(new_moon_index(a11) + offset, tz);
    let date = date_of_jdn(month_start + i64::from(day) - 1)?;
    // Day 30 of a 29-day month lands on the next month: the round trip rejects it (and any
    // other inconsistency) instead of returning a wrong date.
    let expected = LunarDate {
        year,
        month,
        day,
        leap,
    };
    (to_lunar_tz(date, tz) == Some(expected)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The divergence years of DATA.md §2: the same algorithm at UTC+8 gives the Chinese dates,
    /// so these vectors really distinguish the two calendars.
    #[test]
    fn core_02_utc8_gives_the_chinese_dates_in_divergence_years() {
        let cn_tet = |y| from_lunar_tz(y, 1, 1, false, 8.0);
        let cn_gio_to = |y| from_lunar_tz(y, 3, 10, false, 8.0);
        assert_eq!(cn_tet(2007), Some(d(2007, 2, 18)));
        assert_eq!(cn_tet(2030), Some(d(2030, 2, 3)));
        assert_eq!(cn_tet(2053), Some(d(2053, 2, 19)));
        assert_eq!(cn_gio_to(2009), Some(d(2009, 4, 5)));
        assert_eq!(cn_gio_to(2037), Some(d(2037, 4, 25)));
        assert_eq!(cn_gio_to(2038), Some(d(2038, 4, 14)));
        // 1985: the UTC+8 calendar puts Tết a whole month later (CRATES.md §5).
        assert_eq!(cn_tet(1985), Some(d(1985, 2, 20)));
        assert_eq!(tet(1985), Some(d(1985, 1, 21)));
        // Same dates in the years of the announced schedules.
        for y in 2018..=2027 {
            assert_eq!(cn_tet(y), tet(y), "Tết {y}");
            assert_eq!(cn_gio_to(y), hung_kings_day(y), "Giỗ Tổ {y}");
        }
    }

    #[test]
    fn core_02_julian_day_numbers() {
        assert_eq!(jdn(d(2000, 1, 1)), 2_451_545);
        assert_eq!(jdn(d(1900, 1, 1)), 2_415_021);
        assert_eq!(date_of_jdn(2_451_545), Some(d(2000, 1, 1)));
        assert_eq!(date_of_jdn(i64::MAX), None);
        assert_eq!(date_of_jdn(i64::MIN), None);
    }

    #[test]
    fn core_02_out_of_range_is_none() {
        assert_eq!(to_lunar(d(1900, 1, 30)), None); // lunar 1899
        assert!(to_lunar(d(1900, 1, 31)).is_some()); // Tết 1900
        assert_eq!(to_lunar(NaiveDate::MIN), None);
        assert_eq!(to_lunar(NaiveDate::MAX), None);
        assert_eq!(tet(MIN_YEAR - 1), None);
        assert_eq!(tet(MAX_YEAR + 1), None);
        assert!(tet(MAX_YEAR).is_some());
        assert_eq!(lunar_new_years_eve(MIN_YEAR), None);
        assert_eq!(from_lunar(2026, 0, 1, false), None);
        assert_eq!(from_lunar(2026, 13, 1, false), None);
        assert_eq!(from_lunar(2026, 1, 0, false), None);
        assert_eq!(from_lunar(2026, 1, 31, false), None);
        assert_eq!(from_lunar(i32::MIN, 1, 1, false), None);
        assert_eq!(from_lunar(i32::MAX, 12, 30, true), None);
        // The day after the last supported lunar day.
        let last = tet(MAX_YEAR + 1);
        assert_eq!(last, None);
    }

    #[test]
    fn core_02_display() {
        let eve = to_lunar(d(2026, 2, 16)).unwrap();
        assert_eq!(eve.to_string(), "29/12/2025 AL");
        let leap = to_lunar(d(2025, 7, 25)).unwrap();
        assert_eq!(leap.to_string(), "01/06/2025 AL (nhuận)");
        assert_eq!(leap.to_solar(), Some(d(2025, 7, 25)));
    }
}
