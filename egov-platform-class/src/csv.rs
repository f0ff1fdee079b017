//! Streaming reader of activity events in CSV (PLAT-01 input), with malformed-line accounting.
//!
//! ## Format
//!
//! One event per line, four comma-separated columns, no quoting of commas:
//!
//! ```text
//! user_id,timestamp,kind,in_vietnam
//! 1234567,1735689600,login,1
//! alice@example.com,2025-01-31T17:30:00Z,service,true
//! ```
//!
//! * `user_id`: an unsigned 64-bit integer (used as is), or any other non-empty text (hashed with
//!   XXH3-64, see [`crate::counter`]); surrounding double quotes are removed.
//! * `timestamp`: Unix seconds, or ISO 8601 / RFC 3339 **with** an offset. The month is taken in
//!   Vietnam time.
//! * `kind`: `login`/`l`, `access`/`information_access`/`a`, `service`/`service_use`/`s`
//!   (Đ17.1: đăng nhập, truy cập thông tin, sử dụng dịch vụ). Anything else is malformed.
//! * `in_vietnam`: `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`.
//!
//! A header line (second column `timestamp`) and blank lines are skipped and counted. Every other
//! line that cannot be read is **counted as malformed by reason**, with the first
//! [`MAX_EXAMPLES`] kept (byte offset, reason, text); nothing is dropped silently. Lines may end
//! in `\n` or `\r\n`. The reader is fed arbitrary byte blocks, so it streams any input size.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::counter::{ActivityEvent, ActivityKind, UserKey};

/// How many malformed lines are kept as examples.
pub const MAX_EXAMPLES: usize = 20;

/// Longest line accepted; longer lines are malformed (`line_too_long`).
pub const MAX_LINE: usize = 4096;

/// Why a line is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MalformedReason {
    /// Not exactly four columns.
    FieldCount,
    /// Empty user identifier.
    EmptyUser,
    /// Timestamp neither Unix seconds nor ISO 8601 with an offset.
    BadTimestamp,
    /// Activity kind not one of Đ17.1.
    BadKind,
    /// In-Vietnam flag not a boolean.
    BadInVietnam,
    /// Longer than [`MAX_LINE`] bytes.
    LineTooLong,
}

/// One malformed line kept as an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MalformedExample {
    /// Byte offset of the line in the input.
    pub offset: u64,
    /// Why it is malformed.
    pub reason: MalformedReason,
    /// The line (lossy UTF-8, at most 120 characters).
    pub text: String,
}

/// Line accounting of a reader: every line is a header, blank, an event or malformed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseStats {
    /// Lines read.
    pub lines: u64,
    /// Header lines skipped.
    pub header_lines: u64,
    /// Blank lines skipped.
    pub blank_lines: u64,
    /// Lines read as events.
    pub events: u64,
    /// Malformed lines.
    pub malformed: u64,
    /// Malformed lines by reason.
    pub malformed_by_reason: BTreeMap<MalformedReason, u64>,
    /// The first malformed lines.
    pub examples: Vec<MalformedExample>,
}

impl ParseStats {
    /// Adds another reader's accounting (examples are kept in offset order, at most
    /// [`MAX_EXAMPLES`]).
    pub fn merge(&mut self, other: &ParseStats) {
        self.lines += other.lines;
        self.header_lines += other.header_lines;
        self.blank_lines += other.blank_lines;
        self.events += other.events;
        self.malformed += other.malformed;
        for (r, n) in &other.malformed_by_reason {
            *self.malformed_by_reason.entry(*r).or_default() += n;
        }
        self.examples.extend(other.examples.iter().cloned());
        self.examples.sort_by_key(|e| e.offset);
        self.examples.truncate(MAX_EXAMPLES);
    }

    fn malformed(&mut self, offset: u64, reason: MalformedReason, line: &[u8]) {
        self.malformed += 1;
        *self.malformed_by_reason.entry(reason).or_default() += 1;
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(MalformedExample {
                offset,
                reason,
                text: String::from_utf8_lossy(line).chars().take(120).collect(),
            });
        }
    }
}

/// What a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// An event.
    Event(ActivityEvent),
    /// The header line.
    Header,
    /// A blank line.
    Blank,
}

/// Reads one line (without its line ending) in the format of this module (PLAT-01 input,
/// NĐ 137/2024 Đ17.1 activity kinds).
pub fn parse_line(line: &[u8]) -> Result<Line, MalformedReason> {
    if let Some(e) = parse_compact(line) {
        return Ok(Line::Event(e));
    }
    parse_line_general(line)
}

/// Reads leading decimal digits up to `end`: the value and the index after them.
#[inline]
fn digits(line: &[u8], mut i: usize) -> Option<(u64, usize)> {
    let start = i;
    while line.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    // Up to 19 digits cannot overflow a u64; longer numbers take the general path.
    let run = line.get(start..i).filter(|r| (1..=19).contains(&r.len()))?;
    let v = run.iter().fold(0u64, |v, &b| v * 10 + u64::from(b - b'0'));
    Some((v, i))
}

/// The fast path for the compact form `123,1735689600,l,1` (integer user, Unix seconds,
/// one-letter kind, 0/1 flag). `None` sends the line to the general reader, which gives the same
/// result for every line this accepts.
#[inline]
fn parse_compact(line: &[u8]) -> Option<ActivityEvent> {
    let (user, i) = digits(line, 0)?;
    if line.get(i) != Some(&b',') {
        return None;
    }
    let (at, i) = digits(line, i + 1)?;
    let at = i64::try_from(at).ok()?;
    let rest = line.get(i..)?;
    let (kind, vn) = match rest {
        [b',', k, b',', v] | [b',', k, b',', v, b'\r'] => (*k, *v),
        _ => return None,
    };
    let kind = match kind {
        b'l' => ActivityKind::Login,
        b'a' => ActivityKind::InformationAccess,
        b's' => ActivityKind::ServiceUse,
        _ => return None,
    };
    let in_vietnam = match vn {
        b'1' => true,
        b'0' => false,
        _ => return None,
    };
    Some(ActivityEvent {
        user: UserKey::from_int(user),
        at,
        kind,
        in_vietnam,
    })
}

fn parse_line_general(line: &[u8]) -> Result<Line, MalformedReason> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(Line::Blank);
    }
    let mut fields = line.split(|&b| b == b',');
    let (Some(user), Some(ts), Some(kind), Some(vn), None) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
        fields.next(),
    ) else {
        return Err(MalformedReason::FieldCount);
    };
    let ts = ts.trim_ascii();
    if ts.eq_ignore_ascii_case(b"timestamp") {
        return Ok(Line::Header);
    }
    let user = parse_user(user).ok_or(MalformedReason::EmptyUser)?;
    let at = parse_timestamp(ts).ok_or(MalformedReason::BadTimestamp)?;
    let kind = parse_kind(kind.trim_ascii()).ok_or(MalformedReason::BadKind)?;
    let in_vietnam = parse_bool(vn.trim_ascii()).ok_or(MalformedReason::BadInVietnam)?;
    Ok(Line::Event(ActivityEvent {
        user,
        at,
        kind,
        in_vietnam,
    }))
}

#[inline]
fn parse_u64(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    let mut v: u64 = 0;
    for &b in s {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(d))?;
    }
    Some(v)
}

#[inline]
fn parse_user(s: &[u8]) -> Option<UserKey> {
    let s = s.trim_ascii();
    let s = s
        .strip_prefix(b"\"")
        .and_then(|x| x.strip_suffix(b"\""))
        .unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    Some(parse_u64(s).map_or_else(|| UserKey::from_bytes(s), UserKey::from_int))
}

#[inline]
fn parse_timestamp(s: &[u8]) -> Option<i64> {
    if let Some(digits) = s.strip_prefix(b"-") {
        return parse_u64(digits)
            .and_then(|v| i64::try_from(v).ok())
            .map(|v| -v);
    }
    if let Some(v) = parse_u64(s) {
        return i64::try_from(v).ok();
    }
    let text = std::str::from_utf8(s).ok()?;
    egov_core::VnDateTime::parse(text)
        .ok()
        .map(|t| t.unix_seconds())
}

#[inline]
fn parse_kind(s: &[u8]) -> Option<ActivityKind> {
    match s {
        b"l" | b"login" => Some(ActivityKind::Login),
        b"a" | b"access" | b"information_access" => Some(ActivityKind::InformationAccess),
        b"s" | b"service" | b"service_use" => Some(ActivityKind::ServiceUse),
        _ => None,
    }
}

#[inline]
fn parse_bool(s: &[u8]) -> Option<bool> {
    match s {
        b"1" | b"true" | b"yes" | b"y" => Some(true),
        b"0" | b"false" | b"no" | b"n" => Some(false),
        _ => None,
    }
}

/// A streaming CSV reader: feed byte blocks of any size, get events.
///
/// ```
/// use egov_platform_class::csv::CsvEventReader;
/// let mut r = CsvEventReader::new(0);
/// let mut events = Vec::new();
/// r.feed(b"user_id,timestamp,kind,in_vietnam\n1,1738344600,l", &mut events);
/// r.feed(b"ogin,1\nbad line\n", &mut events);
/// r.finish(&mut events);
/// assert_eq!(events.len(), 1);
/// assert_eq!(r.stats().malformed, 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct CsvEventReader {
    carry: Vec<u8>,
    /// Bytes of the carried line beyond `MAX_LINE + 1` that were not kept.
    carry_dropped: u64,
    offset: u64,
    stats: ParseStats,
}

impl CsvEventReader {
    /// A reader whose first byte is at `offset` in the input (for offsets in examples).
    pub fn new(offset: u64) -> Self {
        CsvEventReader {
            carry: Vec::new(),
            carry_dropped: 0,
            offset,
            stats: ParseStats::default(),
        }
    }

    fn line(&mut self, line: &[u8], out: &mut Vec<ActivityEvent>) {
        self.stats.lines += 1;
        let at = self.offset;
        self.offset += line.len() as u64 + 1 + std::mem::take(&mut self.carry_dropped);
        if line.len() > MAX_LINE {
            self.stats.malformed(at, MalformedReason::LineTooLong, line);
            return;
        }
        match parse_line(line) {
            Ok(Line::Event(e)) => {
                self.stats.events += 1;
                out.push(e);
            }
            Ok(Line::Header) => self.stats.header_lines += 1,
            Ok(Line::Blank) => self.stats.blank_lines += 1,
            Err(reason) => self.stats.malformed(at, reason, line),
        }
    }

    /// Reads the complete lines of `bytes` (a partial last line is kept for the next call),
    /// appending events to `out`.
    pub fn feed(&mut self, mut bytes: &[u8], out: &mut Vec<ActivityEvent>) {
        if !self.carry.is_empty() {
            match memchr::memchr(b'\n', bytes) {
                Some(i) => {
                    let mut line = std::mem::take(&mut self.carry);
                    line.extend_from_slice(&bytes[..i]);
                    self.line(&line, out);
                    bytes = &bytes[i + 1..];
                }
                None => {
                    self.keep(bytes);
                    return;
                }
            }
        }
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', bytes) {
            self.line(&bytes[start..nl], out);
            start = nl + 1;
        }
        self.keep(&bytes[start..]);
    }

    /// Carries a partial line, keeping at most `MAX_LINE + 1` bytes of it (memory stays bounded).
    fn keep(&mut self, bytes: &[u8]) {
        let room = (MAX_LINE + 1)
            .saturating_sub(self.carry.len())
            .min(bytes.len());
        self.carry.extend_from_slice(&bytes[..room]);
        self.carry_dropped += (bytes.len() - room) as u64;
    }

    /// Reads a final line without a line ending, if any.
    pub fn finish(&mut self, out: &mut Vec<ActivityEvent>) {
        if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.line(&line, out);
        }
    }

    /// The line accounting so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counter::MonthlyActiveCounter;

    const SAMPLE: &[u8] = b"user_id,timestamp,kind,in_vietnam\r\n\
1,1738344600,login,1\r\n\
\"alice\",2025-01-31T17:30:00Z,service,true\n\
alice,2025-02-01T00:30:00+07:00,a,yes\n\
\n\
2,1738344600,x,1\n\
3,yesterday,l,1\n\
4,1738344600,l,maybe\n\
5,1738344600,l\n\
,1738344600,l,1\n\
6,1738344600,l,0\n\
7,1738344600,s,1";

    fn read_all(chunk: usize) -> (Vec<ActivityEvent>, ParseStats) {
        let mut r = CsvEventReader::new(0);
        let mut out = Vec::new();
        for c in SAMPLE.chunks(chunk) {
            r.feed(c, &mut out);
        }
        r.finish(&mut out);
        (out, r.stats().clone())
    }

    #[test]
    fn plat_01_csv_every_line_is_accounted_for() {
        let (events, stats) = read_all(SAMPLE.len());
        assert_eq!(stats.lines, 12);
        assert_eq!(stats.header_lines, 1);
        assert_eq!(stats.blank_lines, 1);
        assert_eq!(stats.events, 5);
        assert_eq!(stats.malformed, 5);
        assert_eq!(
            stats.lines,
            stats.header_lines + stats.blank_lines + stats.events + stats.malformed
        );
        assert_eq!(stats.malformed_by_reason[&MalformedReason::BadKind], 1);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::BadTimestamp], 1);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::BadInVietnam], 1);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::FieldCount], 1);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::EmptyUser], 1);
        assert_eq!(stats.examples[0].text, "2,1738344600,x,1");
        assert_eq!(&SAMPLE[stats.examples[0].offset as usize..][..2], b"2,");
        let mut c = MonthlyActiveCounter::new();
        c.add_batch(&events);
        let m = c.months();
        // 1, alice (twice, quoted and not), 7 in February 2025; 6 is outside Vietnam.
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].month.to_string(), "2025-02");
        assert_eq!(m[0].active_users, 3);
        assert_eq!(c.stats().outside_vietnam, 1);
    }

    #[test]
    fn csv_block_size_does_not_change_the_result() {
        let whole = read_all(SAMPLE.len());
        for chunk in [1, 2, 3, 7, 64] {
            assert_eq!(read_all(chunk), whole, "chunk {chunk}");
        }
    }

    #[test]
    fn csv_compact_fast_path_agrees_with_the_general_reader() {
        for line in [
            &b"123,1735689600,l,1"[..],
            b"007,1735689600,a,0\r",
            b"18446744073709551615,1735689600,s,1",
            b"18446744073709551616,1735689600,s,1",
            b"1,9223372036854775808,s,1",
            b"1,1735689600,login,1",
            b"1,1735689600,l,2",
            b"1,-5,l,1",
            b" 1,1735689600,l,1",
        ] {
            let general = parse_line_general(line);
            if let Some(e) = parse_compact(line) {
                assert_eq!(
                    general,
                    Ok(Line::Event(e)),
                    "{}",
                    String::from_utf8_lossy(line)
                );
            }
            assert_eq!(parse_line(line), general);
        }
        assert!(parse_compact(b"123,1735689600,l,1").is_some());
    }

    #[test]
    fn csv_long_lines_are_malformed() {
        let mut r = CsvEventReader::new(0);
        let mut out = Vec::new();
        let long = vec![b'9'; MAX_LINE * 3];
        r.feed(&long, &mut out);
        r.feed(&long, &mut out);
        r.feed(b"\n1,1738344600,l,1\n", &mut out);
        r.finish(&mut out);
        assert_eq!(
            r.stats().malformed_by_reason[&MalformedReason::LineTooLong],
            1
        );
        assert_eq!(out.len(), 1);
        assert!(r.carry.capacity() <= 2 * MAX_LINE + 2);
        assert_eq!(r.offset, (MAX_LINE * 6 + 1 + 17) as u64);
    }
}
