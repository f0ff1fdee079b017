//! Platform counting over Apache Arrow (issue 15; PLAT-01): record batches from pyarrow,
//! polars, DuckDB or Spark's `mapInArrow` through the Arrow PyCapsule interface (pyo3-arrow,
//! no copy into JSON), partials as Arrow batches for a shuffle, and the engine-exact SQL.
//! Every rule is egov-platform-class's; this module only moves values across.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_array::{Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use egov_ffi::ops::{OpError, OpResult};
use egov_ffi::EgovResult;
use egov_platform_class::arrow_events::{ArrowEventCounter, EventColumns};
use egov_platform_class::csv::KindAliases;
use egov_platform_class::partial::{IdScheme, Partial};
use egov_platform_class::sql::{summary_from_engine, Dialect, EngineMonth, EngineQuery};
use egov_platform_class::{MonthlyActiveCounter, UserKey, YearMonth};
use pyo3::prelude::*;
use pyo3_arrow::{PyRecordBatch, PyRecordBatchReader};

use super::*;

fn json_arg<T: serde::de::DeserializeOwned>(what: &str, s: Option<&str>) -> OpResult<Option<T>> {
    s.map(|s| serde_json::from_str(s).map_err(|e| ops::invalid_json(what, e)))
        .transpose()
}

fn to_json<T: serde::Serialize>(v: &T) -> OpResult<String> {
    serde_json::to_string(v).map_err(internal)
}

/// `ffi.internal`: a defect of the binding.
fn internal(e: impl std::fmt::Display) -> OpError {
    OpError::call(
        EgovResult::Internal,
        &BindingError::Internal {
            reason: e.to_string(),
        },
    )
}

/// The partial's keys as an Arrow batch `(month string, shard int32, key int64)`.
fn keys_batch(p: &Partial) -> OpResult<RecordBatch> {
    let (mut months, mut shards, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for (m, s, k) in p.rows() {
        months.push(m.to_string());
        shards.push(s as i32);
        keys.push(k);
    }
    RecordBatch::try_new(
        Arc::new(key_schema()),
        vec![
            Arc::new(StringArray::from(months)),
            Arc::new(Int32Array::from(shards)),
            Arc::new(Int64Array::from(keys)),
        ],
    )
    .map_err(internal)
}

fn key_schema() -> Schema {
    Schema::new(vec![
        Field::new("month", DataType::Utf8, false),
        Field::new("shard", DataType::Int32, false),
        Field::new("key", DataType::Int64, false),
    ])
}

/// The partial without its keys: the accounting (events per month, rows not counted).
fn accounting_of(p: &Partial) -> Partial {
    let mut a = p.clone();
    for m in &mut a.months {
        for s in &mut m.shards {
            s.clear();
        }
    }
    a
}

/// Counts activity events held as Arrow record batches (PLAT-01, Đ17.1).
#[pyclass(module = "egov._egov")]
pub(crate) struct EventBatchCounter(ArrowEventCounter);

#[pymethods]
impl EventBatchCounter {
    #[new]
    #[pyo3(signature = (columns_json=None, kinds_json=None, id_salt=None))]
    fn new(
        py: Python<'_>,
        columns_json: Option<&str>,
        kinds_json: Option<&str>,
        id_salt: Option<&str>,
    ) -> PyResult<Self> {
        let columns: EventColumns =
            plain(py, json_arg("columns", columns_json))?.unwrap_or_default();
        let kinds: KindAliases = plain(py, json_arg("kinds", kinds_json))?.unwrap_or_default();
        let salt = plain(py, egov_ffi::ops::id_salt(id_salt))?;
        Ok(EventBatchCounter(ArrowEventCounter::new(
            columns, kinds, salt,
        )))
    }

    /// Counts one record batch (anything with `__arrow_c_array__`: pyarrow, polars, arro3).
    fn add(&mut self, py: Python<'_>, batch: PyRecordBatch) -> PyResult<()> {
        let batch = batch.into_inner();
        let r = py.detach(|| self.0.add_batch(&batch));
        plain(py, r.map_err(|e| OpError::domain(&e)))
    }

    /// Counts every batch of a stream (anything with `__arrow_c_stream__`: a pyarrow Table or
    /// RecordBatchReader, a DuckDB result); answers the number of batches.
    fn add_stream(&mut self, py: Python<'_>, stream: PyRecordBatchReader) -> PyResult<u64> {
        let reader = stream.into_reader()?;
        let mut n = 0u64;
        for batch in reader {
            let batch = batch.map_err(|e| {
                to_py(
                    py,
                    OpError::input(BindingError::Arrow {
                        stream: true,
                        reason: e.to_string(),
                    }),
                )
            })?;
            let r = py.detach(|| self.0.add_batch(&batch));
            plain(py, r.map_err(|e| OpError::domain(&e)))?;
            n += 1;
        }
        Ok(n)
    }

    /// The months and the accounting so far: JSON as `platform_count_csv`'s `counting`.
    fn summary(&self, py: Python<'_>) -> PyResult<String> {
        text(py, to_json(&self.0.summary()))
    }

    /// The partial count (`egov-partial/1`) as JSON.
    fn partial_json(&self, py: Python<'_>, shards: u32) -> PyResult<String> {
        text(py, to_json(&self.0.partial(shards)))
    }

    /// The partial's keys as a pyarrow RecordBatch `(month, shard, key)` and its accounting
    /// (the partial without keys) as JSON: what a Spark task hands to the shuffle.
    fn partial_arrow<'py>(
        &self,
        py: Python<'py>,
        shards: u32,
    ) -> PyResult<(Bound<'py, PyAny>, String)> {
        let p = self.0.partial(shards);
        let batch = plain(py, keys_batch(&p))?;
        let accounting = plain(py, to_json(&accounting_of(&p)))?;
        Ok((PyRecordBatch::new(batch).into_pyarrow(py)?, accounting))
    }
}

/// Merges what counting tasks handed over (keys by shard and their accounting) into the
/// monthly counts: keys of the same shard from any task, accounting from all.
#[pyclass(module = "egov._egov")]
pub(crate) struct PartialMerger {
    counter: MonthlyActiveCounter,
    accounting: Option<Partial>,
    /// Active users added from other mergers (of disjoint shards), by month.
    added: BTreeMap<YearMonth, u64>,
}

#[pymethods]
impl PartialMerger {
    #[new]
    fn new() -> Self {
        PartialMerger {
            counter: MonthlyActiveCounter::new(),
            accounting: None,
            added: BTreeMap::new(),
        }
    }

    /// Adds keys: a record batch `(month string, shard int, key int64)`; nulls are refused.
    fn add_keys(&mut self, py: Python<'_>, batch: PyRecordBatch) -> PyResult<()> {
        let batch = batch.into_inner();
        plain(py, add_keys(&mut self.counter, &batch))
    }

    /// Adds the accounting of a task (the JSON of `EventBatchCounter.partial_arrow`).
    fn add_accounting(&mut self, py: Python<'_>, partial_json: &str) -> PyResult<()> {
        let p: Partial = plain(py, json_arg("partial", Some(partial_json)))?
            .unwrap_or_else(|| Partial::empty(IdScheme::Xxh3, 1));
        let merged = match self.accounting.take() {
            None => Ok(accounting_of(&p)),
            Some(a) => a.merge(accounting_of(&p)),
        };
        self.accounting = Some(plain(py, merged.map_err(|e| OpError::domain(&e)))?);
        Ok(())
    }

    /// Adds the active users of a month counted by another merger over other shards.
    fn add_count(&mut self, py: Python<'_>, month: &str, active_users: u64) -> PyResult<()> {
        let m: YearMonth = plain(
            py,
            month
                .parse()
                .map_err(|e: egov_platform_class::YearMonthError| OpError::domain(&e)),
        )?;
        *self.added.entry(m).or_default() += active_users;
        Ok(())
    }

    /// The distinct users of each month among the keys added: `[(month, active_users)]`.
    fn counts(&self) -> Vec<(String, u64)> {
        self.month_counts()
            .into_iter()
            .map(|(m, n)| (m.to_string(), n))
            .collect()
    }

    /// The merged accounting as JSON (a partial without keys), or `None` before any.
    fn accounting_json(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.accounting
            .as_ref()
            .map(|a| text(py, to_json(a)))
            .transpose()
    }

    /// The counting summary (JSON as `platform_count_csv`'s `counting`): the months' users
    /// from the keys and counts added, their events and every row not counted from the
    /// accounting.
    fn summary(&self, py: Python<'_>) -> PyResult<String> {
        let Some(a) = &self.accounting else {
            return Err(to_py(
                py,
                OpError::domain(&egov_platform_class::ClassifyError::NoEvents),
            ));
        };
        let users = self.month_counts();
        let months = a
            .months
            .iter()
            .map(|m| egov_platform_class::MonthActivity {
                month: m.month,
                active_users: users.get(&m.month).copied().unwrap_or(0),
                events: m.events,
            })
            .collect();
        let mut summary =
            egov_platform_class::CountingSummary::new(months, a.stats, a.lines.clone());
        if let IdScheme::Keyed { salt_id } = &a.ids {
            summary = summary.keyed_with(salt_id);
        }
        text(py, to_json(&summary))
    }
}

impl PartialMerger {
    fn month_counts(&self) -> BTreeMap<YearMonth, u64> {
        let mut out = self.added.clone();
        for m in self.counter.months() {
            *out.entry(m.month).or_default() += m.active_users;
        }
        out
    }
}

fn add_keys(counter: &mut MonthlyActiveCounter, batch: &RecordBatch) -> OpResult<()> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;
    let col = |name: &str| {
        batch.column_by_name(name).ok_or_else(|| {
            OpError::input(BindingError::KeyColumns {
                column: Some(name.to_owned()),
                nulls: false,
            })
        })
    };
    let (months, keys) = (col("month")?, col("key")?);
    let (Some(months), Some(keys)) = (
        months.as_string_opt::<i32>(),
        keys.as_primitive_opt::<Int64Type>(),
    ) else {
        return Err(OpError::input(BindingError::KeyColumns {
            column: None,
            nulls: false,
        }));
    };
    if months.null_count() > 0 || keys.null_count() > 0 {
        return Err(OpError::input(BindingError::KeyColumns {
            column: None,
            nulls: true,
        }));
    }
    let mut by_month: BTreeMap<&str, Vec<UserKey>> = BTreeMap::new();
    for i in 0..batch.num_rows() {
        by_month
            .entry(months.value(i))
            .or_default()
            .push(UserKey(keys.value(i) as u64));
    }
    for (m, ks) in by_month {
        let month: YearMonth = m
            .parse()
            .map_err(|e: egov_platform_class::YearMonthError| OpError::domain(&e))?;
        // The counter lists months that saw events; the keys stand for them here (the events
        // of the summary come from the accounting).
        let n = ks.len() as u64;
        counter.add_month_keys(month, n, &ks);
    }
    Ok(())
}

/// The engine-exact SQL (monthly counts, row accounting, both in one scan) for `dialect` (spark, duckdb, trino,
/// bigquery) over the table and columns of `query_json` (`EngineQuery`).
#[pyfunction]
#[pyo3(signature = (dialect, query_json=None))]
pub(crate) fn platform_engine_sql(
    py: Python<'_>,
    dialect: &str,
    query_json: Option<&str>,
) -> PyResult<(String, String, String)> {
    let d = plain(
        py,
        Dialect::from_name(dialect).ok_or_else(|| {
            OpError::input(BindingError::Dialect {
                input: egov_core::binding::clip(dialect),
            })
        }),
    )?;
    let q: EngineQuery = plain(py, json_arg("query", query_json))?.unwrap_or_default();
    Ok((q.monthly_sql(d), q.outcomes_sql(d), q.combined_sql(d)))
}

/// The counting summary of an engine's results: `months_json` = `[{"month", "active_users",
/// "events"}]`, `outcomes_json` = `{"counted": n, "bad_kind": n, …}`; checked for consistency.
#[pyfunction]
pub(crate) fn platform_engine_summary(
    py: Python<'_>,
    months_json: &str,
    outcomes_json: &str,
) -> PyResult<String> {
    let months: Vec<EngineMonth> =
        plain(py, json_arg("months", Some(months_json)))?.unwrap_or_default();
    let outcomes: BTreeMap<String, u64> =
        plain(py, json_arg("outcomes", Some(outcomes_json)))?.unwrap_or_default();
    let s = plain(
        py,
        summary_from_engine(&months, &outcomes).map_err(|e| OpError::domain(&e)),
    )?;
    text(py, to_json(&s))
}
