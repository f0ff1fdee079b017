//! `egov._egov`: the native half of the Python package `egov`.
//!
//! A thin wrapper: every function calls the safe operations of `egov-ffi` (`egov_ffi::ops`), which
//! the C ABI also uses, and answers JSON text or plain values. The Python half
//! (`python/egov/__init__.py`) turns JSON into dicts, strings into `datetime`/`date` and error
//! codes into the exception hierarchy (`egov._errors`). No rule of law lives here.
#![deny(missing_docs)]

use egov_core::binding::BindingError;
use egov_core::WorkingCalendar;
use egov_docs::status::StatusTracker;
use egov_ffi::ops::{self, OpError, OpResult};
use egov_platform_class::csv::CsvEventReader;
use egov_platform_class::MonthlyActiveCounter;
use pyo3::prelude::*;

#[cfg(feature = "arrow")]
mod arrow;
mod conversion;
mod documents;
mod edxml;
mod pdf;
mod platform;
mod signer;
mod time;
mod trust;
mod trustlist;

#[cfg(feature = "arrow")]
use arrow::*;
use conversion::*;
use documents::*;
use edxml::*;
use pdf::*;
use platform::*;
use time::*;
use trust::*;
use trustlist::*;

/// The Python exception for `e`, built by `egov._errors.from_code` (the one mapping from error
/// codes to exception classes).
fn to_py(py: Python<'_>, e: OpError) -> PyErr {
    let built = py
        .import("egov._errors")
        .and_then(|m| m.getattr("from_code"))
        .and_then(|f| f.call1((e.code.as_ref(), e.message.as_str(), e.message_vi.as_deref())));
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

// Expensive stateless calls (images, pages, whole CSV texts, whole-site evaluation, edXML
// packages, PDFs, `call`) run inside `py.detach`: the GIL is released, so other Python threads keep
// running and several threads can verify pages in parallel. The arguments are immutable Python
// bytes and str, borrowed for the call. Methods of `ActiveUserCounter` keep the GIL: they mutate
// the object, and a second thread then waits instead of failing with "Already borrowed".

fn plain<T>(py: Python<'_>, r: OpResult<T>) -> PyResult<T> {
    r.map_err(|e| to_py(py, e))
}

/// Runs operation `op` with JSON arguments (the shared test vectors' `op`/`args`); JSON out.
#[pyfunction]
fn call(py: Python<'_>, op: &str, args_json: &str) -> PyResult<String> {
    plain(py, py.detach(|| ops::call_json(op, args_json)))
}

/// The native module.
#[pymodule]
fn _egov(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("OPERATIONS", ops::OPERATIONS.to_vec())?;
    m.add_class::<Calendar>()?;
    m.add_class::<Tracker>()?;
    #[cfg(feature = "arrow")]
    {
        m.add_class::<EventBatchCounter>()?;
        m.add_class::<PartialMerger>()?;
        m.add_function(wrap_pyfunction!(platform_engine_sql, m)?)?;
        m.add_function(wrap_pyfunction!(platform_engine_summary, m)?)?;
    }
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
    m.add_function(wrap_pyfunction!(conversion_keygen, m)?)?;
    m.add_function(wrap_pyfunction!(conversion_trust_set_from_key, m)?)?;
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
    m.add_function(wrap_pyfunction!(platform_count_file, m)?)?;
    m.add_class::<ActiveUserCounter>()?;
    m.add_function(wrap_pyfunction!(trust_security_txt, m)?)?;
    m.add_function(wrap_pyfunction!(trust_blocklist_match, m)?)?;
    m.add_function(wrap_pyfunction!(trust_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(trust_criterion, m)?)?;
    m.add_function(wrap_pyfunction!(trust_links, m)?)?;
    m.add_function(wrap_pyfunction!(trust_declare, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_read, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_read_with_attachments, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_check, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_build, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_sign, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_sign_with, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_verify, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_read_file, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_extract, m)?)?;
    m.add_function(wrap_pyfunction!(edxml_build_file, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_stamp, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_verify, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_sign, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_sign_with, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_verify_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_new, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_add, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_retire, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_revoke, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_issue, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_cosign, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_verify, m)?)?;
    m.add_function(wrap_pyfunction!(trustlist_check_mark, m)?)?;
    Ok(())
}
