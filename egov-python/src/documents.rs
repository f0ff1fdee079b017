//! Documents: agency codes, identifiers, numbers, urgency, the processing-status machine, deadlines, legal value, metadata (DOC-*).

use super::*;

/// Parses an agency code; JSON as `egov code --json`.
#[pyfunction]
pub(crate) fn agency_parse(py: Python<'_>, code: &str, lenient: bool) -> PyResult<String> {
    text(py, ops::agency_parse(code, lenient))
}

/// Whether `ancestor` is a strict ancestor of `descendant`.
#[pyfunction]
pub(crate) fn agency_is_ancestor_of(
    py: Python<'_>,
    ancestor: &str,
    descendant: &str,
) -> PyResult<bool> {
    plain(py, ops::agency_is_ancestor_of(ancestor, descendant))
}

/// Registry check of a code as of a date; JSON `{"code", "as_of", "status", "finding"}`.
#[pyfunction]
pub(crate) fn agency_registry_check(
    py: Python<'_>,
    code: &str,
    registry: &str,
    as_of: &str,
) -> PyResult<String> {
    text(py, ops::agency_registry_check(code, registry, as_of))
}

/// Parses an edXML document identifier; JSON as `egov docid --json`.
#[pyfunction]
pub(crate) fn document_id_parse(py: Python<'_>, id: &str) -> PyResult<String> {
    text(py, ops::document_id_parse(id))
}

/// Parses a document number; JSON as `egov docnum --json`.
#[pyfunction]
pub(crate) fn number_parse(py: Python<'_>, number: &str) -> PyResult<String> {
    text(py, ops::number_parse(number))
}

/// Parses an urgency; JSON `{"urgency", "name_vi", "name_en", "edxml_priority"}`.
#[pyfunction]
pub(crate) fn urgency_parse(py: Python<'_>, input: &str) -> PyResult<String> {
    text(py, ops::urgency_parse(input))
}

/// Applies one event (JSON) to a status at `at`; the transition JSON.
#[pyfunction]
pub(crate) fn status_apply(
    py: Python<'_>,
    from: &str,
    event_json: &str,
    at: &str,
) -> PyResult<String> {
    text(py, ops::status_apply(from, event_json, at))
}

/// Reads an edXML StatusCode; JSON `{"code", "status", "event"}`.
#[pyfunction]
pub(crate) fn status_from_edxml(py: Python<'_>, code: &str) -> PyResult<String> {
    text(py, ops::status_from_edxml(code))
}

/// One sender-side step; JSON `{"status", "may_send"}`.
#[pyfunction]
pub(crate) fn sender_apply(py: Python<'_>, from: &str, event: &str) -> PyResult<String> {
    text(py, ops::sender_apply(from, event))
}

/// The status history of one e-document at one receiver (DOC-22).
#[pyclass(module = "egov._egov")]
pub(crate) struct Tracker {
    inner: StatusTracker,
}

#[pymethods]
impl Tracker {
    /// A tracker for a document that arrived at `receiver` at `arrived_at`.
    #[new]
    fn new(py: Python<'_>, receiver: &str, arrived_at: &str) -> PyResult<Self> {
        plain(py, ops::tracker_new(receiver, arrived_at)).map(|inner| Tracker { inner })
    }

    /// A tracker from its JSON form (the history is replayed and checked).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        plain(py, ops::tracker_from_json(text)).map(|inner| Tracker { inner })
    }

    /// Records an event (JSON) at `at`; the transition JSON.
    fn record(&mut self, py: Python<'_>, event_json: &str, at: &str) -> PyResult<String> {
        text(py, ops::tracker_record(&mut self.inner, event_json, at))
    }

    /// The current status (`arrived`, `accepted`, …).
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status().as_str()
    }

    /// The tracker's JSON form.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        plain(
            py,
            serde_json::to_string(&self.inner).map_err(ops::serialize_error),
        )
    }
}

/// Send deadline and judgement; `request_json` as `egov_deadline` in C.
#[pyfunction]
#[pyo3(signature = (request_json, calendar=None))]
pub(crate) fn deadline(
    py: Python<'_>,
    request_json: &str,
    calendar: Option<&Calendar>,
) -> PyResult<String> {
    let req: ops::DeadlineRequest = plain(py, ops::from_json("request", request_json))?;
    text(py, ops::deadline(&req, calendar_or_builtin(calendar)))
}

/// Legal value (DOC-14); JSON `{"value", "finding"}`.
#[pyfunction]
pub(crate) fn legal_value(
    py: Python<'_>,
    digitally_signed_per_law: bool,
    sent_via_system: bool,
) -> PyResult<String> {
    text(
        py,
        ops::legal_value_assess(digitally_signed_per_law, sent_via_system),
    )
}

/// Paper copy (DOC-17); JSON `{"required", "grounds", "finding"}`.
#[pyfunction]
#[pyo3(signature = (case_json, policy_json=None))]
pub(crate) fn paper_copy(
    py: Python<'_>,
    case_json: &str,
    policy_json: Option<&str>,
) -> PyResult<String> {
    text(py, ops::paper_copy(case_json, policy_json))
}

/// Channel obligation (DOC-16); the finding JSON.
#[pyfunction]
pub(crate) fn check_channel(py: Python<'_>, facts_json: &str) -> PyResult<String> {
    text(py, ops::channel(facts_json))
}

/// Metadata record validation (DOC-10); JSON `{"overall", "findings"}`.
#[pyfunction]
#[pyo3(signature = (record_json, policy_json=None))]
pub(crate) fn metadata_validate(
    py: Python<'_>,
    record_json: &str,
    policy_json: Option<&str>,
) -> PyResult<String> {
    text(py, ops::metadata_validate(record_json, policy_json))
}
