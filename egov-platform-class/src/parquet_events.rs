//! Counting activity logs kept as Parquet (feature `parquet`, issue 15; PLAT-01, NĐ 137/2024
//! Đ17.1): the four columns read by name (mapped by the caller or the documented defaults),
//! only those columns decoded, row groups counted in parallel, and every row not counted
//! accounted for by reason like a CSV line (`row` = the row number in its file, from 1;
//! `offset` = the row group).
//!
//! Types accepted (what Spark, DuckDB, pandas/pyarrow write):
//! * user id: 64/32-bit integers (signed or unsigned; the key is the integer's 64 bits) or
//!   strings/binary (hashed with XXH3-64 seed 0, as in CSV);
//! * timestamp: an Arrow timestamp of any unit (with or without a zone: it is an instant), or
//!   a 64/32-bit integer in the unit the caller names (default seconds);
//! * kind: a string, as in CSV (Đ17.1 kinds and the caller's aliases); absent column = every
//!   row is the kind the caller names;
//! * in Vietnam: a boolean, an integer 0/1 or a string as in CSV; absent column = the caller
//!   attests every row (§7 A-13).

use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int32Type, Int64Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use serde::{Deserialize, Serialize};

use crate::counter::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};
use crate::csv::{builtin_kind, parse_bool, KindAliases, MalformedReason, ParseStats};
use crate::summary::CountingSummary;

/// The unit of an integer timestamp column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(default, deny_unknown_fields)]
pub struct ParquetColumns {
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

impl Default for ParquetColumns {
    fn default() -> Self {
        ParquetColumns {
            user: "user_id".into(),
            timestamp: "timestamp".into(),
            timestamp_unit: IntUnit::Seconds,
            kind: Some("kind".into()),
            default_kind: ActivityKind::Login,
            in_vietnam: Some("in_vietnam".into()),
        }
    }
}

/// Why Parquet input could not be counted at all (rows that cannot be read are counted as
/// malformed instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParquetCountError {
    /// A file could not be opened or is not Parquet.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A named column is missing or of a type this reader does not take.
    #[error("{path}: column '{column}': {message}")]
    Column {
        /// The file.
        path: PathBuf,
        /// The column.
        column: String,
        /// What is wrong.
        message: String,
    },
    /// Not one row of the input is an event (PLAT-01).
    #[error("no activity event in the Parquet input: {rows} rows read, {malformed} not counted")]
    NoEvents {
        /// Rows read.
        rows: u64,
        /// Rows not counted.
        malformed: u64,
    },
}

impl egov_core::ErrorCode for ParquetCountError {
    fn code(&self) -> &'static str {
        match self {
            ParquetCountError::Read { .. } => "parquet.read",
            ParquetCountError::Column { .. } => "parquet.column",
            ParquetCountError::NoEvents { .. } => "platform.no_events",
        }
    }
}

/// The result of counting Parquet files: the same summary as a CSV count (months, events, the
/// rows not counted by reason) and the per-thread counters (to make a partial).
#[derive(Debug)]
pub struct ParquetCount {
    /// Months, event and row accounting.
    pub summary: CountingSummary,
    /// Row groups read.
    pub row_groups: usize,
    /// Threads used.
    pub threads: usize,
    /// The workers' counters, holding disjoint users (to turn into a partial).
    pub counters: Vec<MonthlyActiveCounter>,
}

fn read_err(path: &Path, e: impl std::fmt::Display) -> ParquetCountError {
    ParquetCountError::Read {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Counts monthly active users in Vietnam from Parquet files (PLAT-01, Đ17.1), `threads`
/// workers (0 = one per core) sharing the row groups of all files.
pub fn count_parquet_files(
    paths: &[PathBuf],
    columns: &ParquetColumns,
    kinds: &KindAliases,
    threads: usize,
) -> Result<ParquetCount, ParquetCountError> {
    // The work: (file, row group) pairs, checked up front so a bad file fails before counting.
    let mut work: Vec<(usize, usize, u64)> = Vec::new();
    for (f, path) in paths.iter().enumerate() {
        let file = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
        let builder =
            ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| read_err(path, e))?;
        check_columns(path, builder.schema(), columns)?;
        let mut first_row = 1u64;
        for (g, rg) in builder.metadata().row_groups().iter().enumerate() {
            work.push((f, g, first_row));
            first_row += rg.num_rows().max(0) as u64;
        }
    }
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, work.len().max(1));
    let read = |&(f, g, first_row): &(usize, usize, u64),
                sink: &mut dyn FnMut(&mut Vec<ActivityEvent>),
                rows: &mut ParseStats| {
        count_row_group(&paths[f], g, first_row, columns, kinds, sink, rows)
    };
    let (counters, rows) =
        crate::ingest::count_items_sharded(&work, threads, &read, || ParquetCountError::Read {
            path: PathBuf::new(),
            message: "a counting thread stopped unexpectedly".into(),
        })?;
    if rows.events == 0 {
        return Err(ParquetCountError::NoEvents {
            rows: rows.lines,
            malformed: rows.malformed,
        });
    }
    // The workers hold disjoint users: the months add up.
    let (months, events) = crate::counter::sum_disjoint(&counters);
    Ok(ParquetCount {
        summary: CountingSummary::new(months, events, Some(rows)),
        row_groups: work.len(),
        threads,
        counters,
    })
}

fn column_err(path: &Path, column: &str, message: impl Into<String>) -> ParquetCountError {
    ParquetCountError::Column {
        path: path.to_path_buf(),
        column: column.to_owned(),
        message: message.into(),
    }
}

fn check_columns(
    path: &Path,
    schema: &arrow_schema::SchemaRef,
    c: &ParquetColumns,
) -> Result<(), ParquetCountError> {
    let ty = |name: &str| {
        schema
            .field_with_name(name)
            .map(|f| f.data_type().clone())
            .map_err(|_| column_err(path, name, "not in the file"))
    };
    match ty(&c.user)? {
        DataType::Int64 | DataType::Int32 | DataType::UInt64 | DataType::UInt32 => {}
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
        DataType::Binary | DataType::LargeBinary => {}
        other => {
            return Err(column_err(
                path,
                &c.user,
                format!("user ids of type {other} are not read"),
            ))
        }
    }
    match ty(&c.timestamp)? {
        DataType::Timestamp(..) | DataType::Int64 | DataType::Int32 => {}
        other => {
            return Err(column_err(
                path,
                &c.timestamp,
                format!("timestamps of type {other} are not read"),
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
                    path,
                    k,
                    format!("kinds of type {other} are not read"),
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
                    path,
                    v,
                    format!("flags of type {other} are not read"),
                ))
            }
        }
    }
    Ok(())
}

fn count_row_group(
    path: &Path,
    group: usize,
    first_row: u64,
    c: &ParquetColumns,
    kinds: &KindAliases,
    sink: &mut dyn FnMut(&mut Vec<ActivityEvent>),
    rows: &mut ParseStats,
) -> Result<(), ParquetCountError> {
    let file = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| read_err(path, e))?;
    let mut names: Vec<&str> = vec![&c.user, &c.timestamp];
    names.extend(c.kind.as_deref());
    names.extend(c.in_vietnam.as_deref());
    let mask = ProjectionMask::columns(builder.parquet_schema(), names.iter().copied());
    let reader = builder
        .with_row_groups(vec![group])
        .with_projection(mask)
        .with_batch_size(64 * 1024)
        .build()
        .map_err(|e| read_err(path, e))?;
    let mut row = first_row;
    let mut events = Vec::with_capacity(64 * 1024);
    for batch in reader {
        let batch = batch.map_err(|e| read_err(path, e))?;
        read_batch(&batch, c, kinds, group as u64, &mut row, rows, &mut events)
            .map_err(|(col, m)| column_err(path, &col, m))?;
        sink(&mut events);
        events.clear();
    }
    Ok(())
}

type ColErr = (String, String);

fn col<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef, ColErr> {
    batch
        .column_by_name(name)
        .ok_or_else(|| (name.to_owned(), "not in the batch".to_owned()))
}

fn user_at(a: &ArrayRef, i: usize) -> Option<UserKey> {
    if a.is_null(i) {
        return None;
    }
    Some(match a.data_type() {
        DataType::Int64 => UserKey(a.as_primitive::<Int64Type>().value(i) as u64),
        DataType::Int32 => UserKey(a.as_primitive::<Int32Type>().value(i) as i64 as u64),
        DataType::UInt64 => UserKey(a.as_primitive::<UInt64Type>().value(i)),
        DataType::UInt32 => UserKey(u64::from(a.as_primitive::<UInt32Type>().value(i))),
        DataType::Utf8 => str_user(a.as_string::<i32>().value(i).as_bytes())?,
        DataType::LargeUtf8 => str_user(a.as_string::<i64>().value(i).as_bytes())?,
        DataType::Utf8View => str_user(a.as_string_view().value(i).as_bytes())?,
        DataType::Binary => str_user(a.as_binary::<i32>().value(i))?,
        DataType::LargeBinary => str_user(a.as_binary::<i64>().value(i))?,
        _ => return None,
    })
}

/// A string id: its decimal integer when it is one (as in CSV, so both inputs key a user the
/// same way), else its XXH3-64 hash; empty = no user.
fn str_user(s: &[u8]) -> Option<UserKey> {
    let s = s.trim_ascii();
    if s.is_empty() {
        return None;
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

fn read_batch(
    batch: &RecordBatch,
    c: &ParquetColumns,
    kinds: &KindAliases,
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
        let Some(user) = user_at(users, i) else {
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
