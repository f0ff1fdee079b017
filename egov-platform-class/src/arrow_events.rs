//! Counting activity events held as Apache Arrow record batches (feature `arrow`, issue 15;
//! PLAT-01, NĐ 137/2024 Đ17.1): the batches a Parquet file, pyarrow, Spark's `mapInArrow` or
//! a C program through the Arrow C data interface hand over, read column by column without
//! copying into text, every row not counted accounted for by reason like a CSV line (`row` =
//! the row number from 1 across all batches fed; `offset` = the batch number from 0).
//!
//! Types accepted (what Spark, DuckDB, pandas/pyarrow write):
//! * user id: 64/32-bit integers (signed or unsigned; the key is the integer's 64 bits) or
//!   strings/binary (hashed with XXH3-64 seed 0, as in CSV, or keyed with the platform's
//!   [`IdSalt`]);
//! * timestamp: an Arrow timestamp of any unit (with or without a zone: it is an instant), or
//!   a 64/32-bit integer in the unit the caller names (default seconds);
//! * kind: a string or dictionary-encoded string, as in CSV (Đ17.1 kinds and the caller's
//!   aliases); absent column = every row is the kind the caller names;
//! * in Vietnam: a boolean, an integer 0/1 or a string as in CSV; absent column = the caller
//!   attests every row (§7 A-13).
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{BooleanArray, Int64Array, RecordBatch, StringArray};
//! use egov_platform_class::arrow_events::{ArrowEventCounter, EventColumns};
//!
//! let batch = RecordBatch::try_from_iter([
//!     ("user_id", Arc::new(Int64Array::from(vec![1, 2, 1])) as _),
//!     ("timestamp", Arc::new(Int64Array::from(vec![1_738_344_600; 3])) as _),
//!     ("kind", Arc::new(StringArray::from(vec!["login", "service_use", "dance"])) as _),
//!     ("in_vietnam", Arc::new(BooleanArray::from(vec![true; 3])) as _),
//! ])
//! .unwrap();
//! let mut c = ArrowEventCounter::new(EventColumns::default(), Default::default(), None);
//! c.add_batch(&batch).unwrap();
//! let s = c.summary();
//! assert_eq!(s.months[0].active_users, 2);
//! assert_eq!(s.lines.as_ref().unwrap().malformed, 1); // «dance» is no kind of Đ17.1
//! ```

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int32Type, Int64Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Schema, TimeUnit};
use serde::{Deserialize, Serialize};

use crate::counter::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};
use crate::csv::{builtin_kind, parse_bool, KindAliases, MalformedReason, ParseStats};
use crate::ids::IdSalt;
use crate::partial::{IdScheme, Partial};
use crate::summary::CountingSummary;

/// The unit of an integer timestamp column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IntUnit {
    /// Unix seconds (default).
    #[default]
    Seconds,
    /// Unix milliseconds.
    Milliseconds,
    /// Unix microseconds.
    Microseconds,
}

/// Which columns hold what, and the defaults for absent ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EventColumns {
    /// The user id column (default `user_id`).
    pub user: String,
    /// The timestamp column (default `timestamp`).
    pub timestamp: String,
    /// The unit of an integer timestamp column.
    pub timestamp_unit: IntUnit,
    /// The activity kind column (default `kind`); `None`: every row is `default_kind`.
    pub kind: Option<String>,
    /// The kind of every row when there is no kind column.
    pub default_kind: ActivityKind,
    /// The in-Vietnam column (default `in_vietnam`); `None`: every row is in Vietnam, as the
    /// caller attests.
    pub in_vietnam: Option<String>,
}

impl Default for EventColumns {
    fn default() -> Self {
        EventColumns {
            user: "user_id".into(),
            timestamp: "timestamp".into(),
            timestamp_unit: IntUnit::Seconds,
            kind: Some("kind".into()),
            default_kind: ActivityKind::Login,
            in_vietnam: Some("in_vietnam".into()),
        }
    }
}

/// A column the caller named is missing, or of a type this reader does not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column '{column}': {message}")]
pub struct ColumnError {
    /// The column.
    pub column: String,
    /// What is wrong.
    pub message: String,
    /// The same in Vietnamese (CORE-06).
    pub message_vi: String,
}

impl egov_core::ErrorCode for ColumnError {
    fn code(&self) -> &'static str {
        "arrow.column"
    }
}

impl egov_core::Localize for ColumnError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        egov_core::args!(column = &self.column, message = &self.message_vi)
    }
}

fn column_err(
    column: &str,
    message: impl Into<String>,
    message_vi: impl Into<String>,
) -> ColumnError {
    ColumnError {
        message_vi: message_vi.into(),
        column: column.to_owned(),
        message: message.into(),
    }
}

/// Checks that `schema` has the columns `c` names, of types this reader takes.
pub fn check_schema(schema: &Schema, c: &EventColumns) -> Result<(), ColumnError> {
    let ty = |name: &str| {
        schema
            .field_with_name(name)
            .map(|f| f.data_type().clone())
            .map_err(|_| column_err(name, "not in the input", "không có trong dữ liệu đầu vào"))
    };
    match ty(&c.user)? {
        DataType::Int64 | DataType::Int32 | DataType::UInt64 | DataType::UInt32 => {}
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
        DataType::Binary | DataType::LargeBinary => {}
        other => {
            return Err(column_err(
                &c.user,
                format!("user ids of type {other} are not read"),
                format!("không đọc mã người dùng kiểu {other}"),
            ))
        }
    }
    match ty(&c.timestamp)? {
        DataType::Timestamp(..) | DataType::Int64 | DataType::Int32 => {}
        other => {
            return Err(column_err(
                &c.timestamp,
                format!("timestamps of type {other} are not read"),
                format!("không đọc thời điểm kiểu {other}"),
            ))
        }
    }
    if let Some(k) = &c.kind {
        match ty(k)? {
            DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Dictionary(..) => {}
            other => {
                return Err(column_err(
                    k,
                    format!("kinds of type {other} are not read"),
                    format!("không đọc loại hoạt động kiểu {other}"),
                ))
            }
        }
    }
    if let Some(v) = &c.in_vietnam {
        match ty(v)? {
            DataType::Boolean | DataType::Int32 | DataType::Int64 | DataType::Int8 => {}
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
            other => {
                return Err(column_err(
                    v,
                    format!("flags of type {other} are not read"),
                    format!("không đọc cờ «ở Việt Nam» kiểu {other}"),
                ))
            }
        }
    }
    Ok(())
}

pub(crate) type ColErr = ColumnError;

fn col<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef, ColErr> {
    batch
        .column_by_name(name)
        .ok_or_else(|| column_err(name, "not in the batch", "không có trong lô dữ liệu"))
}

fn user_at(a: &ArrayRef, i: usize, salt: Option<&IdSalt>) -> Option<UserKey> {
    if a.is_null(i) {
        return None;
    }
    Some(match a.data_type() {
        DataType::Int64 => UserKey(a.as_primitive::<Int64Type>().value(i) as u64),
        DataType::Int32 => UserKey(a.as_primitive::<Int32Type>().value(i) as i64 as u64),
        DataType::UInt64 => UserKey(a.as_primitive::<UInt64Type>().value(i)),
        DataType::UInt32 => UserKey(u64::from(a.as_primitive::<UInt32Type>().value(i))),
        DataType::Utf8 => str_user(a.as_string::<i32>().value(i).as_bytes(), salt)?,
        DataType::LargeUtf8 => str_user(a.as_string::<i64>().value(i).as_bytes(), salt)?,
        DataType::Utf8View => str_user(a.as_string_view().value(i).as_bytes(), salt)?,
        DataType::Binary => str_user(a.as_binary::<i32>().value(i), salt)?,
        DataType::LargeBinary => str_user(a.as_binary::<i64>().value(i), salt)?,
        _ => return None,
    })
}

/// A string id: under a salt, its keyed hash (every string, digits included: a phone number
/// is digits); else its decimal integer when it is one (as in CSV, so both inputs key a user
/// the same way), else its XXH3-64 hash; empty = no user.
fn str_user(s: &[u8], salt: Option<&IdSalt>) -> Option<UserKey> {
    let s = s.trim_ascii();
    if s.is_empty() {
        return None;
    }
    if let Some(salt) = salt {
        return Some(salt.key(s));
    }
    match std::str::from_utf8(s)
        .ok()
        .and_then(|t| t.parse::<u64>().ok())
    {
        Some(n) if s.iter().all(u8::is_ascii_digit) => Some(UserKey::from_int(n)),
        _ => Some(UserKey::from_bytes(s)),
    }
}

fn seconds_at(a: &ArrayRef, i: usize, unit: IntUnit) -> Option<i64> {
    if a.is_null(i) {
        return None;
    }
    let per = |v: i64, d: i64| v.div_euclid(d);
    Some(match a.data_type() {
        DataType::Timestamp(TimeUnit::Second, _) => {
            a.as_primitive::<TimestampSecondType>().value(i)
        }
        DataType::Timestamp(TimeUnit::Millisecond, _) => {
            per(a.as_primitive::<TimestampMillisecondType>().value(i), 1_000)
        }
        DataType::Timestamp(TimeUnit::Microsecond, _) => per(
            a.as_primitive::<TimestampMicrosecondType>().value(i),
            1_000_000,
        ),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => per(
            a.as_primitive::<TimestampNanosecondType>().value(i),
            1_000_000_000,
        ),
        DataType::Int64 | DataType::Int32 => {
            let v = match a.data_type() {
                DataType::Int64 => a.as_primitive::<Int64Type>().value(i),
                _ => i64::from(a.as_primitive::<Int32Type>().value(i)),
            };
            match unit {
                IntUnit::Seconds => v,
                IntUnit::Milliseconds => per(v, 1_000),
                IntUnit::Microseconds => per(v, 1_000_000),
            }
        }
        _ => return None,
    })
}

/// A kind column resolved once per batch: plain strings are looked up row by row; a dictionary
/// column's values are resolved once and its rows map to them.
enum Kinds<'a> {
    Plain(&'a ArrayRef),
    Dictionary {
        keys: Vec<usize>,
        array: &'a ArrayRef,
        values: Vec<Result<ActivityKind, Option<String>>>,
    },
}

fn resolve_kind(name: Option<&str>, kinds: &KindAliases) -> Result<ActivityKind, Option<String>> {
    let Some(name) = name else { return Err(None) };
    let t = name.trim().as_bytes();
    builtin_kind(t)
        .or_else(|| kinds.get(t))
        .ok_or_else(|| Some(name.to_owned()))
}

fn str_value(a: &dyn Array, i: usize) -> Option<&str> {
    if a.is_null(i) {
        return None;
    }
    match a.data_type() {
        DataType::Utf8 => Some(a.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Some(a.as_string::<i64>().value(i)),
        DataType::Utf8View => Some(a.as_string_view().value(i)),
        _ => None,
    }
}

impl<'a> Kinds<'a> {
    fn new(a: &'a ArrayRef, kinds: &KindAliases) -> Self {
        match a.as_any_dictionary_opt() {
            Some(d) => {
                let values = d.values();
                Kinds::Dictionary {
                    keys: d.normalized_keys(),
                    array: a,
                    values: (0..values.len())
                        .map(|v| resolve_kind(str_value(values.as_ref(), v), kinds))
                        .collect(),
                }
            }
            None => Kinds::Plain(a),
        }
    }

    /// The kind of row `i`: `Err(Some(name))` for a name that is not a kind, `Err(None)` for
    /// a null.
    fn at(&self, i: usize, kinds: &KindAliases) -> Result<ActivityKind, Option<String>> {
        match self {
            Kinds::Plain(a) => resolve_kind(str_value(a.as_ref(), i), kinds),
            Kinds::Dictionary {
                keys,
                array,
                values,
            } => {
                if array.is_null(i) {
                    return Err(None);
                }
                keys.get(i)
                    .and_then(|&k| values.get(k))
                    .cloned()
                    .unwrap_or(Err(None))
            }
        }
    }
}

fn flag_at(a: &ArrayRef, i: usize) -> Option<bool> {
    if a.is_null(i) {
        return None;
    }
    match a.data_type() {
        DataType::Boolean => Some(a.as_boolean().value(i)),
        DataType::Int8 | DataType::Int32 | DataType::Int64 => {
            let v = match a.data_type() {
                DataType::Int8 => {
                    i64::from(a.as_primitive::<arrow_array::types::Int8Type>().value(i))
                }
                DataType::Int32 => i64::from(a.as_primitive::<Int32Type>().value(i)),
                _ => a.as_primitive::<Int64Type>().value(i),
            };
            match v {
                0 => Some(false),
                1 => Some(true),
                _ => None,
            }
        }
        DataType::Utf8 => parse_bool(a.as_string::<i32>().value(i).trim().as_bytes()),
        DataType::LargeUtf8 => parse_bool(a.as_string::<i64>().value(i).trim().as_bytes()),
        DataType::Utf8View => parse_bool(a.as_string_view().value(i).trim().as_bytes()),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)] // the reader's state, kept apart so Parquet threads share none
pub(crate) fn read_batch(
    batch: &RecordBatch,
    c: &EventColumns,
    kinds: &KindAliases,
    salt: Option<&IdSalt>,
    group: u64,
    row: &mut u64,
    rows: &mut ParseStats,
    events: &mut Vec<ActivityEvent>,
) -> Result<(), ColErr> {
    let users = col(batch, &c.user)?;
    let times = col(batch, &c.timestamp)?;
    let kind_col = c
        .kind
        .as_deref()
        .map(|k| col(batch, k).map(|a| Kinds::new(a, kinds)))
        .transpose()?;
    let vn_col = c.in_vietnam.as_deref().map(|v| col(batch, v)).transpose()?;
    for i in 0..batch.num_rows() {
        let n = *row;
        *row += 1;
        rows.lines += 1;
        let text = |what: &str| format!("row {n}: {what}");
        let Some(user) = user_at(users, i, salt) else {
            rows.malformed(
                n,
                group,
                MalformedReason::EmptyUser,
                text("no user id").as_bytes(),
            );
            continue;
        };
        let Some(at) = seconds_at(times, i, c.timestamp_unit) else {
            rows.malformed(
                n,
                group,
                MalformedReason::BadTimestamp,
                text("no timestamp").as_bytes(),
            );
            continue;
        };
        let kind = match kind_col.as_ref().map(|k| k.at(i, kinds)) {
            None => c.default_kind,
            Some(Ok(k)) => k,
            Some(Err(name)) => {
                if let Some(name) = &name {
                    rows.tally_kind(name, 1);
                }
                let shown = name.unwrap_or_else(|| "null".into());
                rows.malformed(
                    n,
                    group,
                    MalformedReason::BadKind,
                    text(&format!("kind «{shown}»")).as_bytes(),
                );
                continue;
            }
        };
        let in_vietnam = match vn_col.map(|v| flag_at(v, i)) {
            None => true,
            Some(Some(b)) => b,
            Some(None) => {
                rows.malformed(
                    n,
                    group,
                    MalformedReason::BadInVietnam,
                    text("in_vietnam not a boolean").as_bytes(),
                );
                continue;
            }
        };
        rows.events += 1;
        events.push(ActivityEvent {
            user,
            at,
            kind,
            in_vietnam,
        });
    }
    Ok(())
}

/// Counts the events of record batches fed one after another (PLAT-01, Đ17.1): the counter
/// Python's `ActiveUserCounter.add_arrow`, Spark's `mapInArrow` workers and C's
/// `egov_counter_add_arrow` feed.
#[derive(Debug, Clone)]
pub struct ArrowEventCounter {
    columns: EventColumns,
    kinds: KindAliases,
    salt: Option<IdSalt>,
    counter: MonthlyActiveCounter,
    rows: ParseStats,
    next_row: u64,
    batches: u64,
    events: Vec<ActivityEvent>,
}

impl ArrowEventCounter {
    /// A counter reading `columns`, with the caller's kind aliases, string ids keyed under
    /// `salt` when given (else XXH3-64).
    pub fn new(columns: EventColumns, kinds: KindAliases, salt: Option<IdSalt>) -> Self {
        ArrowEventCounter {
            columns,
            kinds,
            salt,
            counter: MonthlyActiveCounter::new(),
            rows: ParseStats::default(),
            next_row: 1,
            batches: 0,
            events: Vec::new(),
        }
    }

    /// Counts one batch. A batch whose columns do not fit is refused whole (nothing of it is
    /// counted); rows that cannot be read are counted as malformed, by reason.
    pub fn add_batch(&mut self, batch: &RecordBatch) -> Result<(), ColumnError> {
        check_schema(batch.schema().as_ref(), &self.columns)?;
        self.events.clear();
        read_batch(
            batch,
            &self.columns,
            &self.kinds,
            self.salt.as_ref(),
            self.batches,
            &mut self.next_row,
            &mut self.rows,
            &mut self.events,
        )?;
        self.counter.add_batch(&self.events);
        self.events.clear();
        self.batches += 1;
        Ok(())
    }

    /// Batches counted.
    pub fn batches(&self) -> u64 {
        self.batches
    }

    /// How string ids became keys.
    pub fn id_scheme(&self) -> IdScheme {
        self.salt.as_ref().map_or(IdScheme::Xxh3, IdScheme::keyed)
    }

    /// The months so far, with the event and row accounting.
    pub fn summary(&self) -> CountingSummary {
        let s = CountingSummary::new(
            self.counter.months(),
            self.counter.stats(),
            Some(self.rows.clone()),
        );
        match &self.salt {
            Some(salt) => s.keyed_with(&salt.salt_id()),
            None => s,
        }
    }

    /// The partial of what was counted (keys in `shards` shards, the row accounting with it).
    pub fn partial(&self, shards: u32) -> Partial {
        let mut p = Partial::from_counter(&self.counter, self.id_scheme(), shards);
        p.lines = Some(self.rows.clone());
        p
    }

    /// The counter and the row accounting.
    pub fn into_parts(self) -> (MonthlyActiveCounter, ParseStats) {
        (self.counter, self.rows)
    }
}
