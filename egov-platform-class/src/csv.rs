//! Streaming reader of activity events in CSV (PLAT-01 input), with line accounting.
//!
//! ## Format
//!
//! One event per line, comma-separated, no quoting of commas:
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
//!   (Đ17.1: đăng nhập, truy cập thông tin, sử dụng dịch vụ), plus any alias the caller maps
//!   with [`KindAliases`] (say `view` → information access). Any other kind is **not counted**:
//!   the line is reported under `bad_kind` and the kind's text is tallied in
//!   [`ParseStats::unrecognised_kinds`], so a file of `view` events is never silently read as
//!   "0 users".
//! * `in_vietnam`: `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`.
//!
//! **Columns.** Without a header the four columns are in the order above. A first line naming
//! the columns (see [`Columns::from_header`]: `user_id`/`user`, `timestamp`/`at`/`time`,
//! `kind`/`activity`/`event_type`, `in_vietnam`/`in_vn`, any case, any order) maps them by name;
//! further columns are then allowed and ignored. A header repeated later (concatenated files) is
//! skipped and counted.
//!
//! Blank lines are skipped and counted. Every other line that cannot be read is **counted by
//! reason**, with the first [`MAX_EXAMPLES`] kept (line number, byte offset, reason, text);
//! nothing is dropped silently. Lines may end in `\n` or `\r\n`. The reader is fed arbitrary byte
//! blocks, so it streams any input size.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::counter::{ActivityEvent, ActivityKind, UserKey};
use crate::ids::IdSalt;

/// How many malformed lines are kept as examples.
pub const MAX_EXAMPLES: usize = 20;

/// Longest line accepted; longer lines are malformed (`line_too_long`).
pub const MAX_LINE: usize = 4096;

/// How many distinct unrecognised activity kinds are tallied by name; the others are summed
/// under [`OTHER_KINDS`].
pub const MAX_KIND_NAMES: usize = 32;

/// The tally key of unrecognised kinds beyond [`MAX_KIND_NAMES`] distinct names.
pub const OTHER_KINDS: &str = "…";

/// Why a line is not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MalformedReason {
    /// Fewer columns than the four needed (or, without a header, not exactly four).
    FieldCount,
    /// Empty user identifier.
    EmptyUser,
    /// Timestamp neither Unix seconds nor ISO 8601 with an offset.
    BadTimestamp,
    /// Activity kind not one of Đ17.1 (nor a caller's alias): the line is not counted.
    BadKind,
    /// In-Vietnam flag not a boolean.
    BadInVietnam,
    /// Longer than [`MAX_LINE`] bytes.
    LineTooLong,
    /// A header line that does not name the four columns (see [`Columns::from_header`]).
    BadHeader,
}

impl MalformedReason {
    /// English description.
    pub fn describe(self) -> &'static str {
        match self {
            MalformedReason::FieldCount => "wrong number of columns",
            MalformedReason::EmptyUser => "empty user identifier",
            MalformedReason::BadTimestamp => {
                "timestamp neither Unix seconds nor ISO 8601 with an offset"
            }
            MalformedReason::BadKind => {
                "activity kind not one of Đ17.1 (login, information access, service use)"
            }
            MalformedReason::BadInVietnam => "in_vietnam not a boolean",
            MalformedReason::LineTooLong => "line longer than 4096 bytes",
            MalformedReason::BadHeader => {
                "header does not name user_id, timestamp, kind and in_vietnam"
            }
        }
    }

    /// Vietnamese description.
    pub fn describe_vi(self) -> &'static str {
        match self {
            MalformedReason::FieldCount => "sai số cột",
            MalformedReason::EmptyUser => "thiếu định danh người dùng",
            MalformedReason::BadTimestamp => "thời điểm không phải giây Unix hay ISO 8601 có múi giờ",
            MalformedReason::BadKind => "loại hoạt động không thuộc khoản 1 Điều 17 (đăng nhập, truy cập thông tin, sử dụng dịch vụ)",
            MalformedReason::BadInVietnam => "cột in_vietnam không phải giá trị đúng/sai",
            MalformedReason::LineTooLong => "dòng dài quá 4096 byte",
            MalformedReason::BadHeader => "dòng tiêu đề không nêu đủ user_id, timestamp, kind, in_vietnam",
        }
    }
}

/// One malformed line kept as an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MalformedExample {
    /// Line number in the input, from 1 (in the decompressed text for compressed input).
    #[serde(default)]
    pub line: u64,
    /// Byte offset of the line in the input (in the decompressed text for compressed input).
    pub offset: u64,
    /// Why it is malformed.
    pub reason: MalformedReason,
    /// The line (lossy UTF-8, at most 120 characters).
    pub text: String,
}

/// Line accounting of a reader: every line is a header, blank, an event or malformed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParseStats {
    /// Lines read.
    pub lines: u64,
    /// Header lines skipped.
    pub header_lines: u64,
    /// Blank lines skipped.
    pub blank_lines: u64,
    /// Lines read as events.
    pub events: u64,
    /// Lines not counted because they cannot be read (by reason below).
    pub malformed: u64,
    /// Malformed lines by reason.
    pub malformed_by_reason: BTreeMap<MalformedReason, u64>,
    /// Lines of `bad_kind` by the kind they name (at most [`MAX_KIND_NAMES`] names, the rest
    /// under [`OTHER_KINDS`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unrecognised_kinds: BTreeMap<String, u64>,
    /// The first malformed lines, in input order.
    pub examples: Vec<MalformedExample>,
}

impl ParseStats {
    /// Adds another reader's accounting (examples are kept in input order, at most
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
        for (k, n) in &other.unrecognised_kinds {
            self.tally_kind(k, *n);
        }
        self.examples.extend(other.examples.iter().cloned());
        self.examples.sort_by_key(|e| e.offset);
        self.examples.truncate(MAX_EXAMPLES);
    }

    /// Lines that are neither events nor skipped headers and blanks: not counted.
    pub fn not_counted(&self) -> u64 {
        self.malformed
    }

    pub(crate) fn tally_kind(&mut self, kind: &str, n: u64) {
        let key = if self.unrecognised_kinds.contains_key(kind)
            || self.unrecognised_kinds.len() < MAX_KIND_NAMES
        {
            kind
        } else {
            OTHER_KINDS
        };
        *self.unrecognised_kinds.entry(key.to_owned()).or_default() += n;
    }

    /// Counts a malformed line read at `offset`, line number `line`.
    pub(crate) fn malformed(
        &mut self,
        line: u64,
        offset: u64,
        reason: MalformedReason,
        text: &[u8],
    ) {
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        self.malformed += 1;
        *self.malformed_by_reason.entry(reason).or_default() += 1;
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(MalformedExample {
                line,
                offset,
                reason,
                text: String::from_utf8_lossy(text).chars().take(120).collect(),
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

/// Where the four columns are (0-based), read from a header or the default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Columns {
    /// The user identifier.
    pub user: usize,
    /// The timestamp.
    pub timestamp: usize,
    /// The activity kind.
    pub kind: usize,
    /// The in-Vietnam flag.
    pub in_vietnam: usize,
    /// How many columns a line has at least (exactly, for the default order without header).
    pub width: usize,
    /// Whether the columns were named by a header (then extra columns are allowed).
    pub named: bool,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            user: 0,
            timestamp: 1,
            kind: 2,
            in_vietnam: 3,
            width: 4,
            named: false,
        }
    }
}

/// Header names of each column (lower case, after trimming spaces and quotes).
const USER_NAMES: &[&str] = &[
    "user_id",
    "user",
    "userid",
    "uid",
    "user_key",
    "account_id",
    "account",
];
const TIMESTAMP_NAMES: &[&str] = &[
    "timestamp",
    "at",
    "time",
    "ts",
    "event_time",
    "datetime",
    "date_time",
];
const KIND_NAMES: &[&str] = &[
    "kind",
    "activity",
    "activity_kind",
    "event_type",
    "event",
    "type",
    "action",
];
const IN_VIETNAM_NAMES: &[&str] = &[
    "in_vietnam",
    "in_vn",
    "vn",
    "is_vietnam",
    "located_in_vietnam",
];

fn header_field(f: &[u8]) -> String {
    let f = f.trim_ascii();
    let f = f
        .strip_prefix(b"\"")
        .and_then(|x| x.strip_suffix(b"\""))
        .unwrap_or(f);
    String::from_utf8_lossy(f).to_ascii_lowercase()
}

impl Columns {
    /// Reads a header line: `None` if the line is not a header (no field is a timestamp column
    /// name, or some field is a number); `Some(Err(..))` if it is a header that does not name all
    /// four columns (`bad_header`); otherwise the columns, in any order, extra columns allowed.
    pub fn from_header(line: &[u8]) -> Option<Result<Columns, MalformedReason>> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
        let fields: Vec<String> = line.split(|&b| b == b',').map(header_field).collect();
        let find = |names: &[&str]| fields.iter().position(|f| names.contains(&f.as_str()));
        let timestamp = find(TIMESTAMP_NAMES);
        let user = find(USER_NAMES);
        let looks_like_data = fields
            .iter()
            .any(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        if looks_like_data || (timestamp.is_none() && user.is_none()) {
            return None;
        }
        let (Some(user), Some(timestamp), Some(kind), Some(in_vietnam)) =
            (user, timestamp, find(KIND_NAMES), find(IN_VIETNAM_NAMES))
        else {
            return Some(Err(MalformedReason::BadHeader));
        };
        Some(Ok(Columns {
            user,
            timestamp,
            kind,
            in_vietnam,
            width: fields.len(),
            named: true,
        }))
    }

    fn is_default(&self) -> bool {
        *self == Columns::default()
    }
}

/// Extra names for the activity kinds of Đ17.1, chosen by the caller (say `view` → information
/// access, `purchase` → service use). Mapping a kind is the caller's legal judgement: the
/// accounting keeps the aliases used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct KindAliases(pub BTreeMap<String, ActivityKind>);

impl KindAliases {
    /// Parses `name=kind` (kind: `login`, `access`, `service` or their other spellings).
    pub fn parse_pair(spec: &str) -> Option<(String, ActivityKind)> {
        let (name, kind) = spec.split_once('=')?;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        Some((name.to_owned(), builtin_kind(kind.trim().as_bytes())?))
    }

    pub(crate) fn get(&self, s: &[u8]) -> Option<ActivityKind> {
        if self.0.is_empty() {
            return None;
        }
        std::str::from_utf8(s)
            .ok()
            .and_then(|k| self.0.get(k).copied())
    }
}

/// Reads one line (without its line ending) in the default column order (PLAT-01 input,
/// NĐ 137/2024 Đ17.1 activity kinds).
pub fn parse_line(line: &[u8]) -> Result<Line, MalformedReason> {
    if let Some(e) = parse_compact(line) {
        return Ok(Line::Event(e));
    }
    parse_line_with(line, &Columns::default(), &KindAliases::default())
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

/// The fields of a line, at most 64 (more are never needed: the four columns must be among the
/// first 64 of a header).
fn split_fields(line: &[u8]) -> ([&[u8]; 64], usize) {
    let mut out: [&[u8]; 64] = [&[]; 64];
    let mut n = 0;
    for f in line.split(|&b| b == b',') {
        if n == out.len() {
            return (out, n + 1);
        }
        out[n] = f;
        n += 1;
    }
    (out, n)
}

/// Reads one line (without its line ending) with the given columns and kind aliases (PLAT-01
/// input, NĐ 137/2024 Đ17.1).
pub fn parse_line_with(
    line: &[u8],
    cols: &Columns,
    aliases: &KindAliases,
) -> Result<Line, MalformedReason> {
    parse_line_keyed(line, cols, aliases, None)
}

/// [`parse_line_with`], string user ids keyed under the platform's `salt` when given (every
/// id that is not read as an integer column, digits included: see [`IdSalt`]).
pub fn parse_line_keyed(
    line: &[u8],
    cols: &Columns,
    aliases: &KindAliases,
    salt: Option<&IdSalt>,
) -> Result<Line, MalformedReason> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(Line::Blank);
    }
    let (fields, n) = split_fields(line);
    let width_ok = if cols.named {
        n >= cols.width.min(64)
            || [cols.user, cols.timestamp, cols.kind, cols.in_vietnam]
                .iter()
                .all(|&c| c < n)
    } else {
        n == cols.width
    };
    let get = |i: usize| fields.get(i).copied().filter(|_| i < n);
    let (Some(user), Some(ts), Some(kind), Some(vn), true) = (
        get(cols.user),
        get(cols.timestamp),
        get(cols.kind),
        get(cols.in_vietnam),
        width_ok,
    ) else {
        return Err(MalformedReason::FieldCount);
    };
    let ts = ts.trim_ascii();
    if TIMESTAMP_NAMES
        .iter()
        .any(|h| ts.eq_ignore_ascii_case(h.as_bytes()))
        && Columns::from_header(line).is_some()
    {
        return Ok(Line::Header);
    }
    let user = parse_user(user, salt).ok_or(MalformedReason::EmptyUser)?;
    let at = parse_timestamp(ts).ok_or(MalformedReason::BadTimestamp)?;
    let kind = kind.trim_ascii();
    let kind = builtin_kind(kind)
        .or_else(|| aliases.get(kind))
        .ok_or(MalformedReason::BadKind)?;
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
fn parse_user(s: &[u8], salt: Option<&IdSalt>) -> Option<UserKey> {
    let s = s.trim_ascii();
    let s = s
        .strip_prefix(b"\"")
        .and_then(|x| x.strip_suffix(b"\""))
        .unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    if let Some(salt) = salt {
        return Some(salt.key(s));
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

/// The kinds of Đ17.1 by their accepted spellings.
#[inline]
pub(crate) fn builtin_kind(s: &[u8]) -> Option<ActivityKind> {
    match s {
        b"l" | b"login" => Some(ActivityKind::Login),
        b"a" | b"access" | b"information_access" => Some(ActivityKind::InformationAccess),
        b"s" | b"service" | b"service_use" => Some(ActivityKind::ServiceUse),
        _ => None,
    }
}

#[inline]
pub(crate) fn parse_bool(s: &[u8]) -> Option<bool> {
    match s {
        b"1" | b"true" | b"yes" | b"y" => Some(true),
        b"0" | b"false" | b"no" | b"n" => Some(false),
        _ => None,
    }
}

/// How a reader reads its lines: the columns (from a header, or detected on the first line when
/// `None`) and the caller's kind aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderOptions {
    /// The columns; `None`: read a header on the first line, else the default order.
    pub columns: Option<Columns>,
    /// Extra names of the activity kinds.
    pub kinds: Arc<KindAliases>,
    /// The platform's salt: when given, user ids are keyed under it (see [`IdSalt`]).
    pub salt: Option<IdSalt>,
}

/// A streaming CSV reader: feed byte blocks of any size, get events.
///
/// ```
/// use egov_platform_class::csv::CsvEventReader;
/// let mut r = CsvEventReader::new(0);
/// let mut events = Vec::new();
/// r.feed(b"in_vietnam,user_id,kind,timestamp\n1,1,l", &mut events);
/// r.feed(b"ogin,1738344600\nbad line\n", &mut events);
/// r.finish(&mut events);
/// assert_eq!(events.len(), 1);
/// assert_eq!(r.stats().malformed, 1);
/// assert_eq!(r.stats().examples[0].line, 3);
/// ```
#[derive(Debug, Clone)]
pub struct CsvEventReader {
    carry: Vec<u8>,
    /// Bytes of the carried line beyond `MAX_LINE + 1` that were not kept.
    carry_dropped: u64,
    offset: u64,
    /// Number of the next line, from 1.
    line_no: u64,
    columns: Option<Columns>,
    kinds: Arc<KindAliases>,
    salt: Option<IdSalt>,
    stats: ParseStats,
}

impl Default for CsvEventReader {
    /// A reader of a whole input: offset 0, line 1, header detected on the first line.
    fn default() -> Self {
        CsvEventReader::new(0)
    }
}

impl CsvEventReader {
    /// A reader whose first byte is at `offset` in the input and starts a line; line numbers
    /// count from 1 at that point (use [`starting_at`](Self::starting_at) for a later part).
    pub fn new(offset: u64) -> Self {
        Self::starting_at(offset, 1, ReaderOptions::default())
    }

    /// A reader of a part of the input whose first byte is at `offset` and starts line number
    /// `line` (from 1), with the given options.
    pub fn starting_at(offset: u64, line: u64, options: ReaderOptions) -> Self {
        CsvEventReader {
            carry: Vec::new(),
            carry_dropped: 0,
            offset,
            line_no: line.max(1),
            columns: options.columns,
            kinds: options.kinds,
            salt: options.salt,
            stats: ParseStats::default(),
        }
    }

    /// The columns in use (after the first line, if they were to be detected).
    pub fn columns(&self) -> Option<Columns> {
        self.columns
    }

    fn line(&mut self, line: &[u8], out: &mut Vec<ActivityEvent>) {
        self.stats.lines += 1;
        let at = self.offset;
        let no = self.line_no;
        self.line_no += 1;
        self.offset += line.len() as u64 + 1 + std::mem::take(&mut self.carry_dropped);
        if line.len() > MAX_LINE {
            self.stats
                .malformed(no, at, MalformedReason::LineTooLong, line);
            return;
        }
        let cols = match self.columns {
            Some(c) => c,
            None => {
                if line.trim_ascii().is_empty() {
                    self.stats.blank_lines += 1;
                    return;
                }
                match Columns::from_header(line) {
                    Some(Ok(c)) => {
                        self.columns = Some(c);
                        self.stats.header_lines += 1;
                        return;
                    }
                    Some(Err(reason)) => {
                        self.columns = Some(Columns::default());
                        self.stats.malformed(no, at, reason, line);
                        return;
                    }
                    None => {
                        self.columns = Some(Columns::default());
                        Columns::default()
                    }
                }
            }
        };
        let salt = self.salt.as_ref();
        let parsed = if cols.is_default() && salt.is_none() {
            match parse_compact(line) {
                Some(e) => Ok(Line::Event(e)),
                None => parse_line_with(line, &cols, &self.kinds),
            }
        } else {
            parse_line_keyed(line, &cols, &self.kinds, salt)
        };
        match parsed {
            Ok(Line::Event(e)) => {
                self.stats.events += 1;
                out.push(e);
            }
            Ok(Line::Header) => self.stats.header_lines += 1,
            Ok(Line::Blank) => self.stats.blank_lines += 1,
            Err(reason) => {
                if reason == MalformedReason::BadKind {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    let (fields, _) = split_fields(line);
                    let kind = fields.get(cols.kind).copied().unwrap_or_default();
                    let kind: String = String::from_utf8_lossy(kind.trim_ascii())
                        .chars()
                        .take(40)
                        .collect();
                    self.stats.tally_kind(&kind, 1);
                }
                self.stats.malformed(no, at, reason, line)
            }
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
        if !self.carry.is_empty() || self.carry_dropped > 0 {
            let line = std::mem::take(&mut self.carry);
            self.line(&line, out);
        }
    }

    /// The line accounting so far.
    pub fn stats(&self) -> &ParseStats {
        &self.stats
    }

    /// Takes the line accounting, leaving the reader's empty.
    pub fn take_stats(&mut self) -> ParseStats {
        std::mem::take(&mut self.stats)
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
            let general = parse_line_with(line, &Columns::default(), &KindAliases::default());
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

    fn read_with(
        input: &[u8],
        chunk: usize,
        opts: ReaderOptions,
    ) -> (Vec<ActivityEvent>, ParseStats) {
        let mut r = CsvEventReader::starting_at(0, 1, opts);
        let mut out = Vec::new();
        for c in input.chunks(chunk.max(1)) {
            r.feed(c, &mut out);
        }
        r.finish(&mut out);
        (out, r.take_stats())
    }

    #[test]
    fn plat_01_header_names_the_columns_in_any_order() {
        let input = b"\xef\xbb\xbfKind,In_Vietnam,extra,User_ID,Timestamp\r\n\
login,1,x,7,1738344600\r\n\
service,true,,alice,2025-02-01T00:30:00+07:00\n\
kind,in_vietnam,extra,user_id,timestamp\n\
a,0,y,8,1738344600\n";
        let (events, stats) = read_with(input, 3, ReaderOptions::default());
        assert_eq!(events.len(), 3);
        assert_eq!(stats.header_lines, 2);
        assert_eq!(stats.malformed, 0);
        assert_eq!(events[0].user, UserKey::from_int(7));
        assert_eq!(events[1].user, UserKey::from_str_id("alice"));
        assert!(!events[2].in_vietnam);
        // The same data in the default order gives the same events.
        let plain = b"7,1738344600,login,1\nalice,2025-02-01T00:30:00+07:00,service,true\n8,1738344600,a,0\n";
        assert_eq!(read_with(plain, 5, ReaderOptions::default()).0, events);
    }

    #[test]
    fn plat_01_header_missing_a_column_is_reported_not_guessed() {
        let (events, stats) = read_with(
            b"user_id,timestamp,kind\n1,1738344600,l\n",
            64,
            ReaderOptions::default(),
        );
        assert!(events.is_empty());
        assert_eq!(stats.malformed_by_reason[&MalformedReason::BadHeader], 1);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::FieldCount], 1);
    }

    #[test]
    fn plat_01_kinds_not_of_article_17_are_tallied_by_name() {
        let mut input = Vec::new();
        for i in 0..10 {
            input.extend_from_slice(
                format!("{i},1738344600,view,1\n{i},1738344600,login,1\n").as_bytes(),
            );
        }
        input.extend_from_slice(b"1,1738344600,  click ,1\n");
        let (events, stats) = read_with(&input, 7, ReaderOptions::default());
        assert_eq!(events.len(), 10);
        assert_eq!(stats.malformed_by_reason[&MalformedReason::BadKind], 11);
        assert_eq!(stats.unrecognised_kinds["view"], 10);
        assert_eq!(stats.unrecognised_kinds["click"], 1);
        // The caller may map a kind (its own legal judgement): then the lines count.
        let mut aliases = KindAliases::default();
        let (k, v) = KindAliases::parse_pair("view=access").unwrap();
        aliases.0.insert(k, v);
        let opts = ReaderOptions {
            columns: None,
            kinds: Arc::new(aliases),
            salt: None,
        };
        let (events, stats) = read_with(&input, 7, opts);
        assert_eq!(events.len(), 20);
        assert_eq!(events[0].kind, ActivityKind::InformationAccess);
        assert_eq!(stats.unrecognised_kinds.len(), 1);
        assert!(KindAliases::parse_pair("view=watch").is_none());
    }

    #[test]
    fn plat_01_unrecognised_kind_names_are_bounded() {
        let mut input = Vec::new();
        for i in 0..100 {
            input.extend_from_slice(format!("1,1738344600,k{i},1\n").as_bytes());
        }
        let (_, stats) = read_with(&input, 4096, ReaderOptions::default());
        assert_eq!(stats.unrecognised_kinds.len(), MAX_KIND_NAMES + 1);
        assert_eq!(stats.unrecognised_kinds.values().sum::<u64>(), 100);
        assert_eq!(
            stats.unrecognised_kinds[OTHER_KINDS],
            100 - MAX_KIND_NAMES as u64
        );
    }

    #[test]
    fn plat_01_examples_carry_line_numbers_and_offsets() {
        let (_, stats) = read_all(5);
        let e = &stats.examples[0];
        assert_eq!(e.line, 6);
        let nth_line_offset = SAMPLE
            .split(|&b| b == b'\n')
            .take(5)
            .map(|l| l.len() + 1)
            .sum::<usize>();
        assert_eq!(e.offset as usize, nth_line_offset);
        assert_eq!(CsvEventReader::default().line_no, 1);
        // A reader of a later part numbers from where it starts.
        let mut r = CsvEventReader::starting_at(
            1000,
            41,
            ReaderOptions {
                columns: Some(Columns::default()),
                ..Default::default()
            },
        );
        let mut out = Vec::new();
        r.feed(b"1,1738344600,l,1\nbad\n", &mut out);
        assert_eq!(r.stats().examples[0].line, 42);
        assert_eq!(r.stats().examples[0].offset, 1017);
    }
}
