//! `egov._egov`: the native half of the Python package `egov`.
//!
//! A thin wrapper: every function calls the safe operations of `egov-ffi` (`egov_ffi::ops`), which
//! the C ABI also uses, and answers JSON text or plain values. The Python half
//! (`python/egov/__init__.py`) turns JSON into dicts, strings into `datetime`/`date` and error
//! codes into the exception hierarchy (`egov._errors`). No rule of law lives here.
#![deny(missing_docs)]

use egov_core::WorkingCalendar;
use egov_docs::status::StatusTracker;
use egov_ffi::ops::{self, OpError, OpResult};
use egov_platform_class::csv::CsvEventReader;
use egov_platform_class::MonthlyActiveCounter;
use pyo3::prelude::*;

/// The Python exception for `e`, built by `egov._errors.from_code` (the one mapping from error
/// codes to exception classes).
fn to_py(py: Python<'_>, e: OpError) -> PyErr {
    let built = py
        .import("egov._errors")
        .and_then(|m| m.getattr("from_code"))
        .and_then(|f| f.call1((e.code.as_ref(), e.message.as_str())));
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

fn text<T>(py: Python<'_>, r: OpResult<T>) -> PyResult<String>
where
    T: ToString,
{
    r.map(|v| v.to_string()).map_err(|e| to_py(py, e))
}

// Expensive stateless calls (images, pages, whole CSV texts, whole-site evaluation, `call`) run
// inside `py.detach`: the GIL is released, so other Python threads keep running and several
// threads can verify pages in parallel. The arguments are immutable Python bytes and str,
// borrowed for the call. Methods of `ActiveUserCounter` keep the GIL: they mutate the object,
// and a second thread then waits instead of failing with "Already borrowed".

fn plain<T>(py: Python<'_>, r: OpResult<T>) -> PyResult<T> {
    r.map_err(|e| to_py(py, e))
}

/// Runs operation `op` with JSON arguments (the shared test vectors' `op`/`args`); JSON out.
#[pyfunction]
fn call(py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
    plain(py, py.detach(|| ops::call_json(op, args_json)))
}

/// Parses a timestamp (CORE-01); JSON `{"datetime", "unix_seconds"}`.
#[pyfunction]
fn time_parse(py: Python<'_>, input: &str, local: bool) -> PyResult<String> {
    text(py, ops::time_parse(input, local))
}

/// A working-day calendar (built-in Vietnamese or the caller's JSON table).
#[pyclass(frozen, module = "egov._egov")]
struct Calendar {
    inner: WorkingCalendar,
}

#[pymethods]
impl Calendar {
    /// The built-in Vietnamese public-sector calendar.
    #[staticmethod]
    fn vietnam() -> Self {
        Calendar {
            inner: ops::builtin_calendar().clone(),
        }
    }

    /// A calendar from its JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        plain(py, ops::calendar_from_json(text)).map(|inner| Calendar { inner })
    }

    /// The calendar's name and version.
    #[getter]
    fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// The calendar's JSON form.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Whether `date` (`YYYY-MM-DD`) is a working day.
    fn is_working_day(&self, py: Python<'_>, date: &str) -> PyResult<bool> {
        plain(py, ops::calendar_is_working_day(&self.inner, date))
    }

    /// The first working day after `date`, `YYYY-MM-DD`.
    fn next_working_day(&self, py: Python<'_>, date: &str) -> PyResult<String> {
        text(py, ops::calendar_next_working_day(&self.inner, date))
    }

    /// `date` plus `days` working days, `YYYY-MM-DD`.
    fn add_working_days(&self, py: Python<'_>, date: &str, days: u32) -> PyResult<String> {
        text(py, ops::calendar_add_working_days(&self.inner, date, days))
    }

    /// The JSON description of `date` (as `egov workday --json`).
    fn day(&self, py: Python<'_>, date: &str) -> PyResult<String> {
        text(py, ops::calendar_day(&self.inner, date))
    }
}

/// Parses an agency code; JSON as `egov code --json`.
#[pyfunction]
fn agency_parse(py: Python<'_>, code: &str, lenient: bool) -> PyResult<String> {
    text(py, ops::agency_parse(code, lenient))
}

/// Whether `ancestor` is a strict ancestor of `descendant`.
#[pyfunction]
fn agency_is_ancestor_of(py: Python<'_>, ancestor: &str, descendant: &str) -> PyResult<bool> {
    plain(py, ops::agency_is_ancestor_of(ancestor, descendant))
}

/// Registry check of a code as of a date; JSON `{"code", "as_of", "status", "finding"}`.
#[pyfunction]
fn agency_registry_check(
    py: Python<'_>,
    code: &str,
    registry: &str,
    as_of: &str,
) -> PyResult<String> {
    text(py, ops::agency_registry_check(code, registry, as_of))
}

/// Parses an edXML document identifier; JSON as `egov docid --json`.
#[pyfunction]
fn document_id_parse(py: Python<'_>, id: &str) -> PyResult<String> {
    text(py, ops::document_id_parse(id))
}

/// Parses a document number; JSON as `egov docnum --json`.
#[pyfunction]
fn number_parse(py: Python<'_>, number: &str) -> PyResult<String> {
    text(py, ops::number_parse(number))
}

/// Parses an urgency; JSON `{"urgency", "name_vi", "name_en", "edxml_priority"}`.
#[pyfunction]
fn urgency_parse(py: Python<'_>, input: &str) -> PyResult<String> {
    text(py, ops::urgency_parse(input))
}

/// Applies one event (JSON) to a status at `at`; the transition JSON.
#[pyfunction]
fn status_apply(py: Python<'_>, from: &str, event_json: &str, at: &str) -> PyResult<String> {
    text(py, ops::status_apply(from, event_json, at))
}

/// Reads an edXML StatusCode; JSON `{"code", "status", "event"}`.
#[pyfunction]
fn status_from_edxml(py: Python<'_>, code: &str) -> PyResult<String> {
    text(py, ops::status_from_edxml(code))
}

/// One sender-side step; JSON `{"status", "may_send"}`.
#[pyfunction]
fn sender_apply(py: Python<'_>, from: &str, event: &str) -> PyResult<String> {
    text(py, ops::sender_apply(from, event))
}

/// The status history of one e-document at one receiver (DOC-22).
#[pyclass(module = "egov._egov")]
struct Tracker {
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
            serde_json::to_string(&self.inner).map_err(|e| {
                OpError::new(
                    egov_ffi::EgovResult::Internal,
                    "ffi.serialize",
                    e.to_string(),
                )
            }),
        )
    }
}

/// The caller's calendar, or the built-in Vietnamese one.
fn calendar_or_builtin(calendar: Option<&Calendar>) -> &WorkingCalendar {
    match calendar {
        Some(c) => &c.inner,
        None => ops::builtin_calendar(),
    }
}

/// Send deadline and judgement; `request_json` as `egov_deadline` in C.
#[pyfunction]
#[pyo3(signature = (request_json, calendar=None))]
fn deadline(py: Python<'_>, request_json: &str, calendar: Option<&Calendar>) -> PyResult<String> {
    let req: ops::DeadlineRequest = plain(py, ops::from_json("request", request_json))?;
    text(py, ops::deadline(&req, calendar_or_builtin(calendar)))
}

/// Legal value (DOC-14); JSON `{"value", "finding"}`.
#[pyfunction]
fn legal_value(
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
fn paper_copy(py: Python<'_>, case_json: &str, policy_json: Option<&str>) -> PyResult<String> {
    text(py, ops::paper_copy(case_json, policy_json))
}

/// Channel obligation (DOC-16); the finding JSON.
#[pyfunction]
fn check_channel(py: Python<'_>, facts_json: &str) -> PyResult<String> {
    text(py, ops::channel(facts_json))
}

/// Metadata record validation (DOC-10); JSON `{"overall", "findings"}`.
#[pyfunction]
#[pyo3(signature = (record_json, policy_json=None))]
fn metadata_validate(
    py: Python<'_>,
    record_json: &str,
    policy_json: Option<&str>,
) -> PyResult<String> {
    text(py, ops::metadata_validate(record_json, policy_json))
}

/// Conversion-mark validation (CONV-02…15); JSON `{"overall", "findings"}`.
#[pyfunction]
fn conversion_validate(py: Python<'_>, mark_json: &str) -> PyResult<String> {
    text(py, ops::conversion_validate(mark_json))
}

/// Makes a conversion mark from its facts (SDK wording A-08 unless given) and validates it;
/// JSON `{"mark", "overall", "findings"}`.
#[pyfunction]
fn conversion_make(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::conversion_make(request_json))
}

/// A conversion system against Đ4.2 / Đ5.3 (CONV-07, CONV-16) and the Đ23 deadline (CONV-21);
/// JSON `{"overall", "findings", "transition_deadline", "transition"}`.
#[pyfunction]
#[pyo3(signature = (system_json, now=None, effective_date=None, calendar=None))]
fn conversion_check_system(
    py: Python<'_>,
    system_json: &str,
    now: Option<&str>,
    effective_date: Option<&str>,
    calendar: Option<&Calendar>,
) -> PyResult<String> {
    let cal = calendar_or_builtin(calendar);
    text(
        py,
        ops::conversion_check_system(system_json, now, effective_date, cal),
    )
}

/// Signs a conversion mark over `content` with a 32-byte Ed25519 seed (64 hex digits); JSON
/// with `qr_text`.
#[pyfunction]
#[pyo3(signature = (mark_json, content, secret_key_hex, options_json=None))]
fn conversion_sign(
    py: Python<'_>,
    mark_json: &str,
    content: &[u8],
    secret_key_hex: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        ops::conversion_sign(mark_json, content, secret_key_hex, options_json),
    )
}

/// Verifies a conversion-mark QR text against a trust set; JSON verification ladder.
#[pyfunction]
#[pyo3(signature = (qr_text, trust_json, content=None))]
fn conversion_verify(
    py: Python<'_>,
    qr_text: &str,
    trust_json: &str,
    content: Option<&[u8]>,
) -> PyResult<String> {
    text(py, ops::conversion_verify(qr_text, trust_json, content))
}

/// Platform size classification (PLAT-02…06); JSON request in, classification JSON out.
#[pyfunction]
fn platform_classify(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_classify(request_json))
}

/// Counts distinct monthly active users of a JSON event list; JSON `{"months", "stats"}`.
#[pyfunction]
fn platform_count(py: Python<'_>, events_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::platform_count(events_json)))
}

/// The self-classification report (PLAT-02…27); JSON request as `egov_platform_report` in C,
/// the report's JSON out.
#[pyfunction]
fn platform_report(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_report(request_json))
}

/// The next self-classification due (PLAT-09, PLAT-10, PLAT-13); JSON request as
/// `egov_platform_next_due` in C, JSON `{"kind", "due_on", "overdue", "rule", …}` out.
#[pyfunction]
fn platform_next_due(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::platform_next_due(request_json))
}

/// Counts a whole activity CSV text (PLAT-01); JSON `{"months", "stats", "lines"}`.
#[pyfunction]
fn platform_count_csv(py: Python<'_>, content: &[u8]) -> PyResult<String> {
    text(py, py.detach(|| ops::platform_count_csv(content)))
}

/// A monthly-active-user counter (PLAT-01): add batches of events, merge counters, read months.
#[pyclass(module = "egov._egov")]
#[derive(Clone, Default)]
struct ActiveUserCounter(MonthlyActiveCounter, CsvEventReader);

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

/// Parses and checks a security.txt file (TRUST-02.e); JSON with `valid` and `problems`.
#[pyfunction]
#[pyo3(signature = (content, now, fetched_from=None))]
fn trust_security_txt(
    py: Python<'_>,
    content: &[u8],
    now: &str,
    fetched_from: Option<&str>,
) -> PyResult<String> {
    text(py, ops::trust_security_txt(content, now, fetched_from))
}

/// Looks a host up in an advisory do-not-access list (TRUST-02.d); JSON `{"listed", "hit"}`.
#[pyfunction]
fn trust_blocklist_match(py: Python<'_>, list_text: &str, host: &str) -> PyResult<String> {
    text(py, ops::trust_blocklist_match(list_text, host))
}

/// The six network-trust criteria and the overall verdict (TRUST-02, TRUST-03) from the JSON
/// request form of `egov_trust::request`; JSON `Assessment`.
#[pyfunction]
fn trust_evaluate(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_evaluate(request_json)))
}

/// One criterion (`a` … `e`, `đ` or `dd`; `c` is the TLS check) from the same request; JSON
/// `CriterionVerdict`.
#[pyfunction]
fn trust_criterion(py: Python<'_>, request_json: &str, criterion: &str) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::trust_criterion(request_json, criterion)),
    )
}

/// The links of the request's page, the flagged ones and the đ) verdict (TRUST-02.đ).
#[pyfunction]
fn trust_links(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_links(request_json)))
}

/// The self-declaration (TRUST-04, Đ21.3): JSON `{"declaration", "markdown"}`.
#[pyfunction]
fn trust_declare(py: Python<'_>, request_json: &str, lang: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_declare(request_json, lang)))
}

/// Signs a mark and stamps it onto a page image; `(image bytes, JSON metadata)`.
#[pyfunction]
#[pyo3(signature = (page, mark_json, secret_key_hex, content=None, options_json=None))]
fn conversion_stamp_page(
    py: Python<'_>,
    page: &[u8],
    mark_json: &str,
    secret_key_hex: &str,
    content: Option<&[u8]>,
    options_json: Option<&str>,
) -> PyResult<(Py<pyo3::types::PyBytes>, String)> {
    let (image, meta) = plain(
        py,
        py.detach(|| {
            ops::conversion_stamp_page(page, mark_json, content, secret_key_hex, options_json)
        }),
    )?;
    Ok((pyo3::types::PyBytes::new(py, &image).unbind(), meta))
}

/// Signs a mark and renders the mark block alone as a PNG; `(png bytes, JSON metadata)`.
#[pyfunction]
#[pyo3(signature = (mark_json, content, secret_key_hex, options_json=None))]
fn conversion_render_mark(
    py: Python<'_>,
    mark_json: &str,
    content: &[u8],
    secret_key_hex: &str,
    options_json: Option<&str>,
) -> PyResult<(Py<pyo3::types::PyBytes>, String)> {
    let (png, meta) = plain(
        py,
        py.detach(|| ops::conversion_render_mark(mark_json, content, secret_key_hex, options_json)),
    )?;
    Ok((pyo3::types::PyBytes::new(py, &png).unbind(), meta))
}

/// Finds and verifies the conversion mark on a page image; JSON.
#[pyfunction]
#[pyo3(signature = (image, trust_json, content=None))]
fn conversion_verify_page(
    py: Python<'_>,
    image: &[u8],
    trust_json: &str,
    content: Option<&[u8]>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::conversion_verify_page(image, trust_json, content)),
    )
}

/// Finds and verifies conversion marks on every page of a document; JSON.
#[pyfunction]
#[pyo3(signature = (images, trust_json, content=None))]
fn conversion_verify_document(
    py: Python<'_>,
    images: Vec<Vec<u8>>,
    trust_json: &str,
    content: Option<&[u8]>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| {
            let refs: Vec<&[u8]> = images.iter().map(Vec::as_slice).collect();
            ops::conversion_verify_document(&refs, trust_json, content)
        }),
    )
}

/// The native module.
#[pymodule]
fn _egov(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("OPERATIONS", ops::OPERATIONS.to_vec())?;
    m.add_class::<Calendar>()?;
    m.add_class::<Tracker>()?;
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(time_parse, m)?)?;
    m.add_function(wrap_pyfunction!(agency_parse, m)?)?;
    m.add_function(wrap_pyfunction!(agency_is_ancestor_of, m)?)?;
    m.add_function(wrap_pyfunction!(agency_registry_check, m)?)?;
    m.add_function(wrap_pyfunction!(document_id_parse, m)?)?;
    m.add_function(wrap_pyfunction!(number_parse, m)?)?;
    m.add_function(wrap_pyfunction!(urgency_parse, m)?)?;
    m.add_function(wrap_pyfunction!(status_apply, m)?)?;
    m.add_function(wrap_pyfunction!(status_from_edxml, m)?)?;
    m.add_function(wrap_pyfunction!(sender_apply, m)?)?;
    m.add_function(wrap_pyfunction!(deadline, m)?)?;
    m.add_function(wrap_pyfunction!(legal_value, m)?)?;
    m.add_function(wrap_pyfunction!(paper_copy, m)?)?;
    m.add_function(wrap_pyfunction!(check_channel, m)?)?;
    m.add_function(wrap_pyfunction!(metadata_validate, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_make, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_validate, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_check_system, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_sign, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_verify, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_stamp_page, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_render_mark, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_verify_page, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_verify_document, m)?)?;
    m.add_function(wrap_pyfunction!(platform_classify, m)?)?;
    m.add_function(wrap_pyfunction!(platform_count, m)?)?;
    m.add_function(wrap_pyfunction!(platform_report, m)?)?;
    m.add_function(wrap_pyfunction!(platform_next_due, m)?)?;
    m.add_function(wrap_pyfunction!(platform_count_csv, m)?)?;
    m.add_class::<ActiveUserCounter>()?;
    m.add_function(wrap_pyfunction!(trust_security_txt, m)?)?;
    m.add_function(wrap_pyfunction!(trust_blocklist_match, m)?)?;
    m.add_function(wrap_pyfunction!(trust_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(trust_criterion, m)?)?;
    m.add_function(wrap_pyfunction!(trust_links, m)?)?;
    m.add_function(wrap_pyfunction!(trust_declare, m)?)?;
    Ok(())
}
