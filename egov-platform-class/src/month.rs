//! Calendar months in Vietnam time (PLAT-01, NĐ 137/2024 Đ17.1, Đ17.4).
//!
//! A month starts at 00:00 +07:00 on its first day: an event at `2025-01-31T17:30:00Z` is
//! `2025-02-01T00:30:00+07:00` and belongs to February. Vietnam has kept a fixed UTC+07:00 since
//! 1975, so the conversion is a constant shift.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Seconds east of UTC in Vietnam time.
const VN_OFFSET: i64 = egov_core::VN_OFFSET_SECONDS as i64;

/// A calendar month, `YYYY-MM`, serialised as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since year 0 (`year * 12 + month - 1`), so order and arithmetic are plain integers.
    index: i32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`; `None` out of range.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || !(0..=9999).contains(&year) {
            return None;
        }
        Some(YearMonth {
            index: year * 12 + i32::from(month) - 1,
        })
    }

    /// Months since year 0.
    pub(crate) fn index(&self) -> i32 {
        self.index
    }

    /// The month `index` months after January of year 0; `None` out of range.
    pub(crate) fn from_index(index: i32) -> Option<Self> {
        (0..10_000 * 12)
            .contains(&index)
            .then_some(YearMonth { index })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.index.div_euclid(12)
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        // rem_euclid(12) is in 0..12.
        u8::try_from(self.index.rem_euclid(12) + 1).unwrap_or(1)
    }

    /// `n` months later (earlier if negative); `None` out of range.
    pub fn add_months(&self, n: i32) -> Option<Self> {
        let index = self.index.checked_add(n)?;
        (0..10_000 * 12)
            .contains(&index)
            .then_some(YearMonth { index })
    }

    /// The month before.
    pub fn prev(&self) -> Option<Self> {
        self.add_months(-1)
    }

    /// Every month from `self` to `last`, inclusive.
    pub fn through(self, last: YearMonth) -> impl Iterator<Item = YearMonth> {
        (self.index..=last.index).map(|index| YearMonth { index })
    }

    /// The month, in Vietnam time, of a Unix timestamp (PLAT-01 counting month, Đ17.4).
    /// `None` outside years 0–9999.
    #[inline]
    pub fn of_unix_seconds(secs: i64) -> Option<Self> {
        Self::of_day(vn_day(secs)?)
    }

    /// The month of a day counted from 1970-01-01 (Vietnam dates).
    #[inline]
    pub(crate) fn of_day(day: i64) -> Option<Self> {
        let (y, m) = civil_year_month(day);
        YearMonth::new(i32::try_from(y).ok()?, m)
    }

    /// The month as Vietnamese prose writes it: `tháng 01/2025` ([`fmt::Display`] gives
    /// `2025-01`, the form of JSON and CSV).
    pub fn to_vi(&self) -> String {
        format!("tháng {}", self.month_slash_year())
    }

    /// The month written day-first style, `01/2025`: a table cell or a label in Vietnamese.
    pub fn month_slash_year(&self) -> String {
        format!("{:02}/{:04}", self.month(), self.year())
    }

    /// Unix seconds of 00:00 +07:00 on the first day of this month.
    pub fn start_unix_seconds(&self) -> i64 {
        days_from_civil(i64::from(self.year()), i64::from(self.month())) * 86_400 - VN_OFFSET
    }
}

/// The Vietnam-time day number (from 1970-01-01) of a Unix timestamp.
#[inline]
pub(crate) fn vn_day(secs: i64) -> Option<i64> {
    Some(secs.checked_add(VN_OFFSET)?.div_euclid(86_400))
}

/// Year and month of a day number counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
#[inline]
fn civil_year_month(z: i64) -> (i64, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, u8::try_from(m).unwrap_or(1))
}

/// Day number (from 1970-01-01) of the first day of month `m` of year `y` (`days_from_civil`).
fn days_from_civil(y: i64, m: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// `YYYY-MM` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a month (expected YYYY-MM)")]
pub struct YearMonthError(pub String);

impl egov_core::ErrorCode for YearMonthError {
    fn code(&self) -> &'static str {
        "platform.invalid_month"
    }
}

impl egov_core::Localize for YearMonthError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        egov_core::args!(input = &self.0)
    }
}

impl FromStr for YearMonth {
    type Err = YearMonthError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || YearMonthError(s.to_owned());
        let t = s.trim();
        let (y, m) = t.split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(err());
        }
        let y: i32 = y.parse().map_err(|_| err())?;
        let m: u8 = m.parse().map_err(|_| err())?;
        YearMonth::new(y, m).ok_or_else(err)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for YearMonth {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}$",
            "description": "A calendar month, YYYY-MM (2025-07)."
        })
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<YearMonth>().map_err(egov_core::i18n::de_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Datelike};

    #[test]
    fn plat_01_month_boundary_is_midnight_vietnam_time() {
        let t = DateTime::parse_from_rfc3339("2025-01-31T17:30:00Z")
            .unwrap()
            .timestamp();
        assert_eq!(
            YearMonth::of_unix_seconds(t).unwrap().to_string(),
            "2025-02"
        );
        let t = DateTime::parse_from_rfc3339("2025-01-31T16:59:59Z")
            .unwrap()
            .timestamp();
        assert_eq!(
            YearMonth::of_unix_seconds(t).unwrap().to_string(),
            "2025-01"
        );
        let feb = YearMonth::new(2025, 2).unwrap();
        assert_eq!(
            feb.start_unix_seconds(),
            DateTime::parse_from_rfc3339("2025-02-01T00:00:00+07:00")
                .unwrap()
                .timestamp()
        );
    }

    #[test]
    fn month_of_unix_seconds_matches_chrono() {
        let mut t = -2_000_000_000i64;
        while t < 5_000_000_000 {
            let vn = egov_core::VnDateTime::from_unix_seconds(t).unwrap().date();
            let ym = YearMonth::of_unix_seconds(t).unwrap();
            assert_eq!(
                (ym.year(), u32::from(ym.month())),
                (vn.year(), vn.month()),
                "t={t}"
            );
            assert_eq!(
                YearMonth::of_unix_seconds(ym.start_unix_seconds()),
                Some(ym)
            );
            assert_eq!(
                YearMonth::of_unix_seconds(ym.start_unix_seconds() - 1),
                ym.prev()
            );
            t += 86_400 * 7 + 3_599;
        }
    }

    #[test]
    fn year_month_parses_and_serialises() {
        let ym: YearMonth = "2025-12".parse().unwrap();
        assert_eq!(ym.add_months(1).unwrap().to_string(), "2026-01");
        assert_eq!(serde_json::to_string(&ym).unwrap(), "\"2025-12\"");
        assert!("2025-13".parse::<YearMonth>().is_err());
        assert!("2025-1".parse::<YearMonth>().is_err());
    }
}
