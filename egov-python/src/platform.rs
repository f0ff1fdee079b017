//! Platform size classes and monthly active users (PLAT-01…27).

use super::*;

/// Platform size classification (PLAT-02…06); JSON request in, classification JSON out.
#[pyfunction]
pub(crate) fn platform_classify(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_classify(request_json))
}

/// Counts distinct monthly active users of a JSON event list; JSON `{"months", "stats"}`.
#[pyfunction]
pub(crate) fn platform_count(py: Python<'_>, events_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::platform_count(events_json)))
}

/// The self-classification report (PLAT-02…27); JSON request as `egov_platform_report` in C,
/// the report's JSON out.
#[pyfunction]
pub(crate) fn platform_report(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_report(request_json))
}

/// The next self-classification due (PLAT-09, PLAT-10, PLAT-13); JSON request as
/// `egov_platform_next_due` in C, JSON `{"kind", "due_on", "overdue", "rule", …}` out.
#[pyfunction]
pub(crate) fn platform_next_due(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_next_due(request_json))
}

/// The options of a CSV count (`{"threads"?, "kinds"?}`), default when absent.
fn count_options(options_json: Option<&str>) -> Result<ops::CountCsvOptions, ops::OpError> {
    match options_json {
        None => Ok(ops::CountCsvOptions::default()),
        Some(o) => ops::from_json("count options", o),
    }
}

/// Counts a whole activity CSV text, plain, gzip or zstd (PLAT-01); JSON `{"months", "stats",
/// "lines", "findings", "compression", "columns", "threads"}`.
#[pyfunction]
#[pyo3(signature = (content, options_json=None))]
pub(crate) fn platform_count_csv(
    py: Python<'_>,
    content: &[u8],
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::platform_count_csv_with(content, &count_options(options_json)?)),
    )
}

/// Counts the activity CSV file at `path`, plain, gzip or zstd (PLAT-01); JSON as
/// `platform_count_csv`.
#[pyfunction]
#[pyo3(signature = (path, options_json=None))]
pub(crate) fn platform_count_file(
    py: Python<'_>,
    path: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::platform_count_file(path, &count_options(options_json)?)),
    )
}

/// A monthly-active-user counter (PLAT-01): add batches of events, merge counters, read months.
#[pyclass(module = "egov._egov")]
#[derive(Clone, Default)]
pub(crate) struct ActiveUserCounter(MonthlyActiveCounter, CsvEventReader);

#[pymethods]
impl ActiveUserCounter {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Adds events (JSON array); all or nothing.
    fn add_batch(&mut self, py: Python<'_>, events_json: &str) -> PyResult<()> {
        plain(py, ops::counter_add_json(&mut self.0, events_json))
    }

    /// Feeds a block of activity CSV (blocks may split lines anywhere).
    fn feed_csv(&mut self, py: Python<'_>, block: &[u8]) -> PyResult<()> {
        plain(py, ops::counter_feed_csv(&mut self.0, &mut self.1, block))
    }

    /// Ends the CSV stream: JSON line accounting.
    fn finish_csv(&mut self, py: Python<'_>) -> PyResult<String> {
        text(py, ops::counter_finish_csv(&mut self.0, &mut self.1))
    }

    /// Merges `other` into this counter (`other` is unchanged).
    fn merge(&mut self, other: &ActiveUserCounter) {
        self.0.merge(other.0.clone());
    }

    /// The counted months as JSON `{"months", "stats"}`.
    fn months(&self, py: Python<'_>) -> PyResult<String> {
        text(py, ops::counter_months(&self.0))
    }
}
