//! Partial counts as Parquet files (feature `parquet`, issue 15): the rows `(month, shard, key)`
//! of a [`Partial`] — `month` a dictionary-encoded string `YYYY-MM`, `shard` a 32-bit integer,
//! `key` a signed 64-bit integer, zstd-compressed, one row group per month — and its header
//! (format, id scheme, shards, events per month, the accounting of events not counted) as the
//! file's key-value metadata `egov.partial` (JSON). Spark, DuckDB, Trino or pyarrow read the
//! rows as they are:
//!
//! ```sql
//! SELECT month, COUNT(DISTINCT key) FROM read_parquet('partials/*.parquet') GROUP BY month;
//! ```

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::reader::ChunkReader;
use serde::{Deserialize, Serialize};

use crate::counter::CountStats;
use crate::csv::ParseStats;
use crate::month::YearMonth;
use crate::partial::{IdScheme, Partial, PartialError, PartialMonth};

/// The key of the header in the file's key-value metadata.
pub const METADATA_KEY: &str = "egov.partial";

/// What the file's metadata holds besides the rows.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    ids: IdScheme,
    shards: u32,
    stats: CountStats,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lines: Option<ParseStats>,
    /// Events per month (months without rows included: a month of events whose users are all
    /// in other shards still has events).
    events: BTreeMap<YearMonth, u64>,
}

fn schema() -> Arc<Schema> {
    Arc::new(Schema::new(vec![
        Field::new("month", DataType::Utf8, false),
        Field::new("shard", DataType::Int32, false),
        Field::new("key", DataType::Int64, false),
    ]))
}

fn io(e: impl std::fmt::Display) -> PartialError {
    PartialError::Invalid(e.to_string())
}

/// Writes `partial` as a Parquet file to `out`.
pub fn write_partial<W: Write + Send>(partial: &Partial, out: W) -> Result<(), PartialError> {
    partial.validate()?;
    let header = Header {
        format: partial.format.clone(),
        ids: partial.ids.clone(),
        shards: partial.shards,
        stats: partial.stats,
        lines: partial.lines.clone(),
        events: partial.months.iter().map(|m| (m.month, m.events)).collect(),
    };
    let json = serde_json::to_string(&header).map_err(io)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(io)?))
        .set_key_value_metadata(Some(vec![KeyValue::new(METADATA_KEY.to_owned(), json)]))
        .build();
    let schema = schema();
    let mut w = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(io)?;
    for m in &partial.months {
        let n = m.active_users() as usize;
        if n == 0 {
            continue;
        }
        let month = m.month.to_string();
        let months: ArrayRef = Arc::new(StringArray::from(vec![month.as_str(); n]));
        let mut shard = Vec::with_capacity(n);
        let mut key = Vec::with_capacity(n);
        for (s, keys) in m.shards.iter().enumerate() {
            let s = i32::try_from(s).map_err(io)?;
            shard.extend(std::iter::repeat_n(s, keys.len()));
            key.extend_from_slice(keys);
        }
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                months,
                Arc::new(Int32Array::from(shard)),
                Arc::new(Int64Array::from(key)),
            ],
        )
        .map_err(io)?;
        w.write(&batch).map_err(io)?;
        w.flush().map_err(io)?;
    }
    w.close().map_err(io)?;
    Ok(())
}

/// Reads a partial written by [`write_partial`] (rows in any order: they are regrouped, sorted
/// and checked with [`Partial::validate`]).
pub fn read_partial<R: ChunkReader + 'static>(input: R) -> Result<Partial, PartialError> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(input).map_err(io)?;
    let header = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == METADATA_KEY))
        .and_then(|k| k.value.clone())
        .ok_or_else(|| {
            PartialError::Invalid(format!(
                "no '{METADATA_KEY}' metadata: not a partial written by egov"
            ))
        })?;
    let header: Header = serde_json::from_str(&header).map_err(io)?;
    let shards = header.shards.max(1) as usize;
    let mut months: BTreeMap<YearMonth, Vec<Vec<i64>>> = header
        .events
        .keys()
        .map(|m| (*m, vec![Vec::new(); shards]))
        .collect();
    let reader = builder.build().map_err(io)?;
    for batch in reader {
        let batch = batch.map_err(io)?;
        let col = |name: &str| {
            batch
                .column_by_name(name)
                .ok_or_else(|| PartialError::Invalid(format!("no column '{name}'")))
        };
        let month = col("month")?;
        let month = month
            .as_any()
            .downcast_ref::<StringArray>()
            .ok_or_else(|| PartialError::Invalid("column 'month' is not a string".into()))?;
        let shard = col("shard")?;
        let shard = shard
            .as_any()
            .downcast_ref::<Int32Array>()
            .ok_or_else(|| PartialError::Invalid("column 'shard' is not int32".into()))?;
        let key = col("key")?;
        let key = key
            .as_any()
            .downcast_ref::<Int64Array>()
            .ok_or_else(|| PartialError::Invalid("column 'key' is not int64".into()))?;
        if month.null_count() + shard.null_count() + key.null_count() > 0 {
            return Err(PartialError::Invalid("null values in a partial".into()));
        }
        for i in 0..batch.num_rows() {
            let m: YearMonth = month.value(i).parse().map_err(io)?;
            let s = usize::try_from(shard.value(i))
                .ok()
                .filter(|&s| s < shards)
                .ok_or_else(|| {
                    PartialError::Invalid(format!("row {i}: shard {} out of range", shard.value(i)))
                })?;
            months.get_mut(&m).ok_or_else(|| {
                PartialError::Invalid(format!("row {i}: month {m} has no events in the header"))
            })?[s]
                .push(key.value(i));
        }
    }
    let months = months
        .into_iter()
        .map(|(month, mut shards)| {
            shards.iter_mut().for_each(|s| s.sort_unstable());
            PartialMonth {
                month,
                events: header.events.get(&month).copied().unwrap_or(0),
                shards,
            }
        })
        .collect();
    let p = Partial {
        format: header.format,
        ids: header.ids,
        shards: header.shards,
        stats: header.stats,
        lines: header.lines,
        months,
    };
    p.validate()?;
    Ok(p)
}

/// [`read_partial`] of a file's bytes in memory.
pub fn read_partial_bytes(bytes: Vec<u8>) -> Result<Partial, PartialError> {
    read_partial(bytes::Bytes::from(bytes))
}
