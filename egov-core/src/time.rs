//! Vietnam time (rule CORE-01).
//!
//! QĐ 28/2018/QĐ-TTg Đ14.4 requires send and receive times to be «thống nhất, đồng bộ theo múi giờ
//! Việt Nam (Tiêu chuẩn ISO 8601)». [`VnDateTime`] is an instant that always displays at
//! UTC+07:00 (`2018-09-20T14:05:00+07:00`). `Asia/Ho_Chi_Minh` has been a fixed +07:00 since
//! 1975, so a fixed offset is exact for every date this SDK deals with.
//!
//! Parsing accepts RFC 3339 / ISO 8601 extended format with any offset (converted to +07:00).
//! Input without an offset is an error unless the caller says it is local Vietnam time
//! ([`VnDateTime::parse_local`]): guessing would silently shift a deadline by up to 14 hours.

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone,
    Utc,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorCode;

/// The offset of Vietnam time from UTC, in seconds (+07:00).
pub const VN_OFFSET_SECONDS: i32 = 7 * 3600;

/// Longest input the parsers look at; anything longer is rejected before parsing.
const MAX_INPUT_LEN: usize = 64;

/// UTC+07:00. 7 h is inside chrono's ±24 h range, so the constant is always valid.
const VN_OFFSET: FixedOffset = match FixedOffset::east_opt(VN_OFFSET_SECONDS) {
    Some(offset) => offset,
    None => panic!("UTC+07:00 is a valid offset"),
};

fn vn_offset() -> FixedOffset {
    VN_OFFSET
}

/// Why a timestamp could not be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// The input was empty or only white space.
    #[error("empty timestamp")]
    Empty,
    /// The input is longer than any valid timestamp.
    #[error("timestamp is {len} bytes long; at most {MAX_INPUT_LEN} are accepted")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
    },
    /// The input is a valid local date-time but carries no UTC offset (CORE-01).
    #[error("timestamp '{input}' has no UTC offset; add one (e.g. +07:00) or parse it as Vietnam local time")]
    MissingOffset {
        /// The input, trimmed.
        input: String,
    },
    /// The input is not an ISO 8601 / RFC 3339 timestamp.
    #[error(
        "'{input}' is not an ISO 8601 timestamp (expected YYYY-MM-DDThh:mm:ss+07:00): {reason}"
    )]
    Invalid {
        /// The input, trimmed.
        input: String,
        /// What the parser objected to.
        reason: String,
    },
    /// The date or time fields do not name a real instant (e.g. 30 February, 25:00).
    #[error("no such date-time: {what}")]
    OutOfRange {
        /// Which fields were out of range.
        what: String,
    },
}

impl TimeError {
    /// The Vietnamese message (CORE-06; the English one is `Display`).
    pub fn message_vi(&self) -> String {
        crate::i18n::Localize::message(self, crate::i18n::Lang::Vi)
    }
}

impl crate::i18n::Localize for TimeError {
    fn catalogue(&self) -> &'static crate::i18n::Catalogue {
        crate::i18n::catalogue()
    }
    fn message_args(&self) -> crate::i18n::Args {
        match self {
            TimeError::Empty => crate::args!(),
            TimeError::TooLong { len } => crate::args!(len = len, max = MAX_INPUT_LEN),
            TimeError::MissingOffset { input } => crate::args!(input = input),
            TimeError::Invalid { input, reason } => {
                crate::args!(
                    form = "timestamp",
                    name = "",
                    input = input,
                    reason = reason
                )
            }
            TimeError::OutOfRange { what } => crate::args!(what = what),
        }
    }
}

impl ErrorCode for TimeError {
    fn code(&self) -> &'static str {
        match self {
            TimeError::Empty => "time.empty",
            TimeError::TooLong { .. } => "time.too_long",
            TimeError::MissingOffset { .. } => "time.missing_offset",
            TimeError::Invalid { .. } => "time.invalid",
            TimeError::OutOfRange { .. } => "time.out_of_range",
        }
    }
}

/// An instant in Vietnam time (UTC+07:00), CORE-01 (QĐ 28/2018/QĐ-TTg Đ14.4).
///
/// Ordering and equality compare instants. Display and serde use RFC 3339 at +07:00 with second
/// precision (fractions of a second only when present).
///
/// ```
/// use egov_core::VnDateTime;
/// let t: VnDateTime = "2025-01-31T17:30:00Z".parse().unwrap();
/// assert_eq!(t.to_string(), "2025-02-01T00:30:00+07:00");
/// assert!("2025-01-31T17:30:00".parse::<VnDateTime>().is_err()); // no offset
/// assert_eq!(VnDateTime::parse_local("2025-01-31 17:30").unwrap().to_string(),
///            "2025-01-31T17:30:00+07:00");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VnDateTime(DateTime<FixedOffset>);

impl VnDateTime {
    /// Parses an ISO 8601 / RFC 3339 timestamp that carries an offset (`Z`, `+07:00`, `+0700`).
    /// Any offset is accepted and converted to Vietnam time. A timestamp without an offset is a
    /// [`TimeError::MissingOffset`].
    pub fn parse(input: &str) -> Result<Self, TimeError> {
        let s = precheck(input)?;
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Ok(Self::from_fixed(dt));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%d %H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
        ] {
            if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
                return Ok(Self::from_fixed(dt));
            }
        }
        if parse_naive(s).is_some() {
            return Err(TimeError::MissingOffset {
                input: s.to_owned(),
            });
        }
        Err(invalid(s))
    }

    /// Parses a timestamp, treating input without an offset as Vietnam local time. Input that
    /// does carry an offset is converted as in [`VnDateTime::parse`]. A date alone
    /// (`2018-09-20`) is midnight at the start of that day. Without an offset the date may also
    /// be written as officers and edXML write it ([`parse_date`]: `13/02/2026`, `2019/04/11`),
    /// followed by a time `09:15` or `09:15:30`: `13/02/2026 09:15`.
    pub fn parse_local(input: &str) -> Result<Self, TimeError> {
        match Self::parse(input) {
            Err(TimeError::MissingOffset { input }) => match parse_naive(&input) {
                Some(naive) => Self::from_local(naive),
                None => Err(invalid(&input)),
            },
            Err(TimeError::Invalid { input, reason }) => match parse_officer_local(&input) {
                Some(Ok(naive)) => Self::from_local(naive),
                Some(Err(e)) => Err(e),
                None => Err(TimeError::Invalid { input, reason }),
            },
            other => other,
        }
    }

    /// The instant with the given wall-clock reading in Vietnam.
    pub fn from_local(naive: NaiveDateTime) -> Result<Self, TimeError> {
        vn_offset()
            .from_local_datetime(&naive)
            .single()
            .map(VnDateTime)
            .ok_or_else(|| TimeError::OutOfRange {
                what: naive.to_string(),
            })
    }

    /// The instant at `date` and `time` in Vietnam.
    pub fn from_date_time(date: NaiveDate, time: NaiveTime) -> Result<Self, TimeError> {
        Self::from_local(date.and_time(time))
    }

    /// Builds a Vietnam-time instant from its calendar fields.
    pub fn from_ymd_hms(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Result<Self, TimeError> {
        let date =
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| TimeError::OutOfRange {
                what: format!("date {year:04}-{month:02}-{day:02}"),
            })?;
        let time =
            NaiveTime::from_hms_opt(hour, minute, second).ok_or_else(|| TimeError::OutOfRange {
                what: format!("time {hour:02}:{minute:02}:{second:02}"),
            })?;
        Self::from_date_time(date, time)
    }

    /// Converts any chrono instant to Vietnam time.
    pub fn from_utc(dt: DateTime<Utc>) -> Self {
        VnDateTime(dt.with_timezone(&vn_offset()))
    }

    /// Converts an instant with any fixed offset to Vietnam time.
    pub fn from_fixed(dt: DateTime<FixedOffset>) -> Self {
        VnDateTime(dt.with_timezone(&vn_offset()))
    }

    /// Seconds since the Unix epoch, as an instant in Vietnam time.
    pub fn from_unix_seconds(secs: i64) -> Result<Self, TimeError> {
        DateTime::<Utc>::from_timestamp(secs, 0)
            .map(Self::from_utc)
            .ok_or_else(|| TimeError::OutOfRange {
                what: format!("unix time {secs}"),
            })
    }

    /// The calendar date in Vietnam.
    pub fn date(&self) -> NaiveDate {
        self.0.date_naive()
    }

    /// The wall-clock time in Vietnam.
    pub fn time(&self) -> NaiveTime {
        self.0.time()
    }

    /// The wall-clock date and time in Vietnam.
    pub fn naive_local(&self) -> NaiveDateTime {
        self.0.naive_local()
    }

    /// The year in Vietnam.
    pub fn year(&self) -> i32 {
        self.0.year()
    }

    /// The same instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.0.with_timezone(&Utc)
    }

    /// The underlying chrono value (offset +07:00).
    pub fn as_datetime(&self) -> DateTime<FixedOffset> {
        self.0
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(&self) -> i64 {
        self.0.timestamp()
    }

    /// `self + d`, or `None` on overflow.
    pub fn checked_add(&self, d: chrono::TimeDelta) -> Option<Self> {
        self.0.checked_add_signed(d).map(VnDateTime)
    }

    /// The signed duration `self - earlier`.
    pub fn since(&self, earlier: &VnDateTime) -> chrono::TimeDelta {
        self.0.signed_duration_since(earlier.0)
    }
}

fn precheck(input: &str) -> Result<&str, TimeError> {
    if input.len() > MAX_INPUT_LEN {
        return Err(TimeError::TooLong { len: input.len() });
    }
    let s = input.trim();
    if s.is_empty() {
        return Err(TimeError::Empty);
    }
    Ok(s)
}

fn invalid(s: &str) -> TimeError {
    TimeError::Invalid {
        input: s.to_owned(),
        reason: "unrecognised date-time layout".to_owned(),
    }
}

/// Parses a calendar date as people in Vietnam and edXML packages write it: ISO 8601
/// `2026-02-13`; day first `13/02/2026` (also `13-02-2026`, `13.02.2026`, and one-digit day or
/// month `3/2/2026`), the Vietnamese order, never read month first; year first `2026/02/13`
/// (edXML's `PromulgationDate`). A date that does not exist (`30/02/2026`) is
/// [`TimeError::OutOfRange`]; anything else [`TimeError::Invalid`].
///
/// ```
/// use egov_core::time::parse_date;
/// let d = parse_date("13/02/2026").unwrap();
/// assert_eq!(d, parse_date("2026-02-13").unwrap());
/// assert_eq!(d, parse_date("2026/02/13").unwrap());
/// assert_eq!(parse_date("3/2/2026").unwrap().to_string(), "2026-02-03");
/// assert!(parse_date("30/02/2026").is_err());
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, TimeError> {
    let s = precheck(input)?;
    match date_fields(s) {
        Some((y, m, d)) => NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| TimeError::OutOfRange {
            what: format!("{s}: no day {d} in month {m} of {y}"),
        }),
        None => Err(TimeError::Invalid {
            input: s.to_owned(),
            reason: "expected a date such as 2026-02-13, 13/02/2026 or 2026/02/13".to_owned(),
        }),
    }
}

/// (year, month, day) from `Y-M-D`, `Y/M/D`, `D/M/Y`, `D-M-Y`, `D.M.Y` (one separator kind;
/// the year has four digits, day and month one or two).
fn date_fields(s: &str) -> Option<(i32, u32, u32)> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) && sep != '.' {
        Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
    } else if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
        Some((c.parse().ok()?, b.parse().ok()?, a.parse().ok()?))
    } else {
        None
    }
}

/// A local date-time written with [`parse_date`]'s date forms, alone (midnight) or followed
/// by a space or `T` and `HH:MM[:SS[.f]]`. `None` when the input is not of that shape.
fn parse_officer_local(s: &str) -> Option<Result<NaiveDateTime, TimeError>> {
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let (y, m, d) = date_fields(date)?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(t) => ["%H:%M:%S%.f", "%H:%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(t, f).ok())?,
    };
    Some(
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|day| day.and_time(time))
            .ok_or_else(|| TimeError::OutOfRange {
                what: format!("{s}: no day {d} in month {m} of {y}"),
            }),
    )
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
}

impl fmt::Display for VnDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }
}

impl fmt::Debug for VnDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VnDateTime({self})")
    }
}

impl FromStr for VnDateTime {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl From<DateTime<Utc>> for VnDateTime {
    fn from(dt: DateTime<Utc>) -> Self {
        Self::from_utc(dt)
    }
}

impl From<DateTime<FixedOffset>> for VnDateTime {
    fn from(dt: DateTime<FixedOffset>) -> Self {
        Self::from_fixed(dt)
    }
}

impl Serialize for VnDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for VnDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        VnDateTime::parse(&s).map_err(crate::i18n::de_error)
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for VnDateTime {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "VnDateTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "An instant with its UTC offset, ISO 8601 / RFC 3339 (2018-09-20T14:05:00+07:00); written at +07:00."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn core_01_displays_at_plus_seven() {
        let t = VnDateTime::parse("2018-09-20T07:05:00Z").unwrap();
        assert_eq!(t.to_string(), "2018-09-20T14:05:00+07:00");
    }

    #[test]
    fn core_01_other_offsets_are_converted() {
        let a = VnDateTime::parse("2025-01-31T17:30:00Z").unwrap();
        let b = VnDateTime::parse("2025-02-01T02:30:00+09:00").unwrap();
        let c = VnDateTime::parse("2025-02-01T00:30:00+0700").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2025, 2, 1).unwrap());
    }

    #[test]
    fn core_01_missing_offset_is_an_error_unless_local() {
        let err = VnDateTime::parse("2025-01-31T17:30:00").unwrap_err();
        assert_eq!(err.code(), "time.missing_offset");
        let local = VnDateTime::parse_local("2025-01-31T17:30:00").unwrap();
        assert_eq!(local.to_string(), "2025-01-31T17:30:00+07:00");
        assert_eq!(
            VnDateTime::parse_local("2025-01-31").unwrap().to_string(),
            "2025-01-31T00:00:00+07:00"
        );
    }

    #[test]
    fn core_01_rejects_impossible_dates_and_junk() {
        assert_eq!(
            VnDateTime::parse("2014-02-30T10:00:00+07:00")
                .unwrap_err()
                .code(),
            "time.invalid"
        );
        assert_eq!(VnDateTime::parse("   ").unwrap_err(), TimeError::Empty);
        assert_eq!(
            VnDateTime::parse(&"9".repeat(65)).unwrap_err().code(),
            "time.too_long"
        );
        assert!(VnDateTime::from_ymd_hms(2014, 2, 30, 0, 0, 0).is_err());
        assert!(VnDateTime::from_ymd_hms(2014, 2, 3, 25, 0, 0).is_err());
    }

    #[test]
    fn core_01_serde_uses_the_display_form() {
        let t = VnDateTime::from_ymd_hms(2018, 7, 12, 8, 0, 0).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"2018-07-12T08:00:00+07:00\"");
        let back: VnDateTime = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        assert!(serde_json::from_str::<VnDateTime>("\"2018-07-12T08:00:00\"").is_err());
    }

    proptest! {
        #[test]
        fn core_01_display_parse_round_trip(secs in -2_000_000_000i64..4_000_000_000i64) {
            let t = VnDateTime::from_unix_seconds(secs).unwrap();
            prop_assert_eq!(VnDateTime::parse(&t.to_string()).unwrap(), t);
        }

        #[test]
        fn core_01_arbitrary_input_never_panics(s in ".{0,80}") {
            let _ = VnDateTime::parse(&s);
            let _ = VnDateTime::parse_local(&s);
        }
    }
}
