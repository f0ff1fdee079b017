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

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use crate::arrow_events::{check_schema, read_batch};
pub use crate::arrow_events::{EventColumns, IntUnit};
use crate::counter::{ActivityEvent, MonthlyActiveCounter};
use crate::csv::{KindAliases, ParseStats};
use crate::ids::IdSalt;
use crate::summary::CountingSummary;

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
        /// The same in Vietnamese (CORE-06).
        message_vi: String,
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

impl egov_core::Localize for ParquetCountError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            // The Parquet reader's words, quoted as it said them (it says them in English).
            ParquetCountError::Read { path, message } => egov_core::args!(
                path = path.display().to_string(),
                message = format!("«{message}»")
            ),
            ParquetCountError::Column {
                path,
                column,
                message_vi,
                ..
            } => egov_core::args!(
                path = path.display().to_string(),
                column = column,
                message = message_vi
            ),
            ParquetCountError::NoEvents { rows, malformed } => egov_core::args!(
                source = "parquet",
                lines = rows,
                malformed = malformed,
                reasons = ""
            ),
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
    columns: &EventColumns,
    kinds: &KindAliases,
    salt: Option<&IdSalt>,
    threads: usize,
) -> Result<ParquetCount, ParquetCountError> {
    // The work: (file, row group) pairs, checked up front so a bad file fails before counting.
    let mut work: Vec<(usize, usize, u64)> = Vec::new();
    for (f, path) in paths.iter().enumerate() {
        let file = std::fs::File::open(path).map_err(|e| read_err(path, e))?;
        let builder =
            ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| read_err(path, e))?;
        check_schema(builder.schema(), columns).map_err(|e| column_err(path, e))?;
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
        count_row_group(&paths[f], g, first_row, columns, kinds, salt, sink, rows)
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
    let summary = CountingSummary::new(months, events, Some(rows));
    Ok(ParquetCount {
        summary: match salt {
            Some(salt) => summary.keyed_with(&salt.salt_id()),
            None => summary,
        },
        row_groups: work.len(),
        threads,
        counters,
    })
}

fn column_err(path: &Path, e: crate::arrow_events::ColumnError) -> ParquetCountError {
    ParquetCountError::Column {
        path: path.to_path_buf(),
        column: e.column,
        message: e.message,
        message_vi: e.message_vi,
    }
}

#[allow(clippy::too_many_arguments)] // one row group's reading context
fn count_row_group(
    path: &Path,
    group: usize,
    first_row: u64,
    c: &EventColumns,
    kinds: &KindAliases,
    salt: Option<&IdSalt>,
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
        // 8 192 rows a batch: its arrays and events stay in the allocator's reused size classes
        // (64 Ki rows raised the peak memory by about 20 % with no gain in speed).
        .with_batch_size(8 * 1024)
        .build()
        .map_err(|e| read_err(path, e))?;
    let mut row = first_row;
    let mut events = Vec::with_capacity(8 * 1024);
    for batch in reader {
        let batch = batch.map_err(|e| read_err(path, e))?;
        read_batch(
            &batch,
            c,
            kinds,
            salt,
            group as u64,
            &mut row,
            rows,
            &mut events,
        )
        .map_err(|e| column_err(path, e))?;
        sink(&mut events);
        events.clear();
    }
    Ok(())
}
