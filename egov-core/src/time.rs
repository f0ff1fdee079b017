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
    /// The input to [`VnDateTime::parse_local`] is none of the forms it reads (an instant with
    /// its offset, or a Vietnam date and time as people write them).
    #[error("'{input}' is not a date and time: write e.g. 2026-04-30T16:30:00+07:00, 30/04/2026 16:30 or 16h30 30/04/2026 (read as Vietnam time)")]
    NotADateTime {
        /// The input, trimmed.
        input: String,
    },
    /// The input to [`parse_date`] is none of the date forms it reads.
    #[error("'{input}' is not a date: write e.g. 13/02/2026, 2026-02-13 or 2026/02/13")]
    NotADate {
        /// The input, trimmed.
        input: String,
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
            TimeError::NotADateTime { input } => {
                crate::args!(form = "local", name = "", input = input)
            }
            TimeError::NotADate { input } => crate::args!(form = "date", name = "", input = input),
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
            TimeError::Invalid { .. }
            | TimeError::NotADateTime { .. }
            | TimeError::NotADate { .. } => "time.invalid",
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
    /// be written as officers and edXML write it ([`parse_date`]: `13/02/2026`, `2019/04/11`,
    /// `ngày 13 tháng 02 năm 2026`), with a time before or after it as Vietnamese writes one:
    /// `09:15`, `09:15:30`, `9h15`, `9h`, `9 giờ 15 phút` (`13/02/2026 09:15`, `9h15 ngày
    /// 13/2/2026`, `9 giờ 15 phút, ngày 13 tháng 2 năm 2026`). Anything else is
    /// [`TimeError::NotADateTime`].
    ///
    /// ```
    /// use egov_core::VnDateTime;
    /// let t = VnDateTime::parse_local("16h30 ngày 30/4/2026").unwrap();
    /// assert_eq!(t.to_string(), "2026-04-30T16:30:00+07:00");
    /// assert_eq!(t, VnDateTime::parse_local("16 giờ 30 phút, ngày 30 tháng 4 năm 2026").unwrap());
    /// assert_eq!(t, VnDateTime::parse_local("30/04/2026 16:30").unwrap());
    /// ```
    pub fn parse_local(input: &str) -> Result<Self, TimeError> {
        match Self::parse(input) {
            Err(TimeError::MissingOffset { input }) => match parse_naive(&input) {
                Some(naive) => Self::from_local(naive),
                None => Err(TimeError::NotADateTime { input }),
            },
            Err(TimeError::Invalid { input, .. }) => match parse_officer_local(&input) {
                Some(Ok(naive)) => Self::from_local(naive),
                Some(Err(e)) => Err(e),
                None => Err(TimeError::NotADateTime { input }),
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
/// [`TimeError::OutOfRange`]; anything else [`TimeError::NotADate`].
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
    let fields = date_fields(s).or_else(|| match written_date_time(s) {
        Some((date, None)) => Some(date),
        _ => None,
    });
    match fields {
        Some((y, m, d)) => NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| TimeError::OutOfRange {
            what: format!("{s}: no day {d} in month {m} of {y}"),
        }),
        None => Err(TimeError::NotADate {
            input: s.to_owned(),
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
    if digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) && sep != '.' {
        Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
    } else if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
        Some((c.parse().ok()?, b.parse().ok()?, a.parse().ok()?))
    } else {
        None
    }
}

/// A local date-time written with [`parse_date`]'s date forms, alone (midnight) or with a time
/// ([`written_date_time`]). `None` when the input is not of that shape.
fn parse_officer_local(s: &str) -> Option<Result<NaiveDateTime, TimeError>> {
    // `13/02/2026T09:15`; a `T` elsewhere is a letter («Tháng»).
    let joined = s
        .split_once('T')
        .and_then(|(date, t)| Some((date_fields(date)?, Some(clock_time(t)?))));
    let ((y, m, d), time) = match joined {
        Some(found) => found,
        None => written_date_time(s)?,
    };
    let time = time.unwrap_or(NaiveTime::MIN);
    Some(
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|day| day.and_time(time))
            .ok_or_else(|| TimeError::OutOfRange {
                what: format!("{s}: no day {d} in month {m} of {y}"),
            }),
    )
}

/// A word of a date or time written out, in any case, with its diacritics or without them (as
/// people type on a keyboard without a Vietnamese input method), precomposed or decomposed:
/// `word` is the precomposed form, `bare` the form without diacritics.
fn is_word(token: &str, word: &str, bare: &str) -> bool {
    let lower = token.to_lowercase();
    lower == word
        || lower
            .chars()
            .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
            .eq(bare.chars())
}

/// A date and an optional time as Vietnamese writes them, in either order, words between
/// them optional: `30/04/2026 16:30`, `16h30 ngày 30/4/2026`, `16 giờ 30 phút, ngày 30 tháng 4
/// năm 2026`, `ngày 30/4/2026 lúc 16h`. Dates take [`date_fields`]'s forms or `[ngày] D
/// tháng M năm Y`; times `H:MM[:SS[.f]]`, `HhMM`, `Hh`, `HgMM` or `H giờ [MM [phút] [SS
/// giây]]`. `None` for anything else, a second date or time included.
fn written_date_time(s: &str) -> Option<((i32, u32, u32), Option<NaiveTime>)> {
    let spaced = s.replace(',', " ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let number = |t: Option<&&str>, lens: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let t = *t?;
        if digits(t, lens) {
            t.parse().ok()
        } else {
            None
        }
    };
    let word = |t: Option<&&str>, w: &str, bare: &str| t.is_some_and(|t| is_word(t, w, bare));
    let (mut date, mut time) = (None, None);
    let mut i = 0;
    while let Some(&token) = tokens.get(i) {
        // Words that only introduce the date or the time.
        if is_word(token, "ngày", "ngay")
            || is_word(token, "lúc", "luc")
            || is_word(token, "vào", "vao")
        {
            i += 1;
            continue;
        }
        let (found_date, found_time, used) = if let Some(d) = date_fields(token) {
            (Some(d), None, 1)
        } else if let (Some(d), true, Some(m), true, Some(y)) = (
            number(tokens.get(i), 1..=2),
            word(tokens.get(i + 1), "tháng", "thang"),
            number(tokens.get(i + 2), 1..=2),
            word(tokens.get(i + 3), "năm", "nam"),
            number(tokens.get(i + 4), 4..=4),
        ) {
            (Some((i32::try_from(y).ok()?, m, d)), None, 5)
        } else if let (Some(h), true) = (
            number(tokens.get(i), 1..=2),
            word(tokens.get(i + 1), "giờ", "gio"),
        ) {
            // `H giờ [MM [phút] [SS giây]]`
            let mut used = 2;
            let mut minute = 0;
            let mut second = 0;
            if let Some(m) = number(tokens.get(i + used), 1..=2) {
                if !word(tokens.get(i + used + 1), "tháng", "thang") {
                    minute = m;
                    used += 1;
                    if word(tokens.get(i + used), "phút", "phut") {
                        used += 1;
                    }
                    if let (Some(sec), true) = (
                        number(tokens.get(i + used), 1..=2),
                        word(tokens.get(i + used + 1), "giây", "giay"),
                    ) {
                        second = sec;
                        used += 2;
                    }
                }
            }
            (
                None,
                Some(NaiveTime::from_hms_opt(h, minute, second)?),
                used,
            )
        } else {
            (None, Some(clock_time(token)?), 1)
        };
        if let Some(d) = found_date {
            if date.replace(d).is_some() {
                return None;
            }
        }
        if let Some(t) = found_time {
            if time.replace(t).is_some() {
                return None;
            }
        }
        i += used;
    }
    Some((date?, time))
}

/// A time of day on a clock as Vietnamese writes it: `16:30`, `16:30:15`, `16:30:15.5`,
/// `16h30`, `16h`, `16g30` (any case).
fn clock_time(token: &str) -> Option<NaiveTime> {
    if let Some(t) = ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(token, f).ok())
    {
        return Some(t);
    }
    let lower = token.to_ascii_lowercase();
    let (h, m) = lower.split_once(['h', 'g'])?;
    if !digits(h, 1..=2) || !(m.is_empty() || digits(m, 2..=2)) {
        return None;
    }
    NaiveTime::from_hms_opt(
        h.parse().ok()?,
        if m.is_empty() { 0 } else { m.parse().ok()? },
        0,
    )
}

/// True when `p` is ASCII digits only and its length is in `lens`.
fn digits(p: &str, lens: std::ops::RangeInclusive<usize>) -> bool {
    lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
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

    /// CORE-01, CORE-06: a Vietnam date and time as officers write them, the time before or
    /// after the date, with or without diacritics, NFC or NFD.
    #[test]
    fn core_01_local_time_as_vietnamese_writes_it() {
        let want = "2026-04-30T16:30:00+07:00";
        for input in [
            "30/04/2026 16:30",
            "30/4/2026 16h30",
            "16h30 ngày 30/4/2026",
            "16H30, ngày 30/04/2026",
            "16g30 30/04/2026",
            "16 giờ 30 phút, ngày 30 tháng 4 năm 2026",
            "16 giờ 30 ngày 30 tháng 04 năm 2026",
            "ngày 30/4/2026 lúc 16h30",
            "Ngày 30 tháng 4 năm 2026, 16:30",
            "16:30 NGÀY 30 THÁNG 4 NĂM 2026",
            "30/04/2026T16:30",
            "16 gio 30 phut ngay 30 thang 4 nam 2026",
            "2026-04-30 16h30",
        ] {
            let t = VnDateTime::parse_local(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(t.to_string(), want, "{input}");
        }
        // Decomposed (NFD) diacritics, as some systems send them.
        let nfd =
            "16 gio\u{300}\u{31B} 30 phu\u{301}t nga\u{300}y 30 tha\u{301}ng 4 na\u{306}m 2026";
        assert_eq!(VnDateTime::parse_local(nfd).unwrap().to_string(), want);
        assert_eq!(
            VnDateTime::parse_local("16h ngày 30/4/2026")
                .unwrap()
                .to_string(),
            "2026-04-30T16:00:00+07:00"
        );
        assert_eq!(
            VnDateTime::parse_local("8 giờ 5 phút 9 giây ngày 1/5/2026")
                .unwrap()
                .to_string(),
            "2026-05-01T08:05:09+07:00"
        );
        // A date alone is midnight; a date written out is a date for parse_date too.
        assert_eq!(
            parse_date("ngày 30 tháng 4 năm 2026").unwrap().to_string(),
            "2026-04-30"
        );
        assert_eq!(
            parse_date("ngày 30/4/2026").unwrap().to_string(),
            "2026-04-30"
        );
        assert!(parse_date("16h30 ngày 30/4/2026").is_err());
        // Not a date: said so with the forms read, not as a timestamp.
        let e = parse_date("thứ hai").unwrap_err();
        assert!(matches!(e, TimeError::NotADate { .. }), "{e:?}");
        assert_eq!(e.code(), "time.invalid");
        assert_eq!(
            e.message_vi(),
            "«thứ hai» không phải ngày: hãy ghi như «13/02/2026», «2026-02-13», «2026/02/13» hoặc «ngày 13 tháng 2 năm 2026»"
        );
        assert!(!e.to_string().contains("timestamp"), "{e}");
        // Not a date and time: said so, with the forms that are read.
        for bad in [
            "16h30",
            "sáng mai",
            "16h30 ngày 30/4/2026 17h",
            "30/4/2026 1/5/2026",
            "16h3 30/4/2026",
            "16 giờ kém 15 30/4/2026",
        ] {
            let e = VnDateTime::parse_local(bad).unwrap_err();
            assert_eq!(e.code(), "time.invalid", "{bad}");
            assert!(matches!(e, TimeError::NotADateTime { .. }), "{bad}: {e:?}");
            assert!(
                e.message_vi().contains("16 giờ 30 ngày 30/04/2026"),
                "{bad}"
            );
        }
        assert_eq!(
            VnDateTime::parse_local("25h ngày 30/4/2026")
                .unwrap_err()
                .code(),
            "time.invalid"
        );
        assert_eq!(
            VnDateTime::parse_local("16h ngày 31/4/2026")
                .unwrap_err()
                .code(),
            "time.out_of_range"
        );
        // With --strict-time (`parse`), none of these is an instant.
        assert!(VnDateTime::parse("16h30 ngày 30/4/2026").is_err());
    }

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
