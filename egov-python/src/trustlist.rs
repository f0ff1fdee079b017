//! Signed trust lists of conversion-mark keys (issue 14): build, issue, co-sign, verify lists
//! against pinned keys, check a mark against them.

use super::*;

/// An empty, unsigned list of `issuer`; JSON of the list.
#[pyfunction]
#[pyo3(signature = (issuer, issued_at, next_update, agency_code=None))]
pub(crate) fn trustlist_new(
    py: Python<'_>,
    issuer: &str,
    issued_at: &str,
    next_update: &str,
    agency_code: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        ops::trustlist_new(issuer, agency_code, issued_at, next_update),
    )
}

/// The list with one more entry (`entry_json`), its signatures dropped.
#[pyfunction]
pub(crate) fn trustlist_add(py: Python<'_>, list_json: &str, entry_json: &str) -> PyResult<String> {
    text(py, ops::trustlist_add(list_json, entry_json))
}

/// The list with key `key_id` retired at `at`, its signatures dropped.
#[pyfunction]
pub(crate) fn trustlist_retire(
    py: Python<'_>,
    list_json: &str,
    key_id: &str,
    at: &str,
) -> PyResult<String> {
    text(py, ops::trustlist_retire(list_json, key_id, at))
}

/// The list with key `key_id` revoked for compromise at `at`, its signatures dropped.
#[pyfunction]
pub(crate) fn trustlist_revoke(
    py: Python<'_>,
    list_json: &str,
    key_id: &str,
    at: &str,
    reason: &str,
) -> PyResult<String> {
    text(py, ops::trustlist_revoke(list_json, key_id, at, reason))
}

/// The list issued as a new version (times set, sequence + 1) and signed with the operator's
/// seed (64 hex digits).
#[pyfunction]
pub(crate) fn trustlist_issue(
    py: Python<'_>,
    list_json: &str,
    secret_key_hex: &str,
    issued_at: &str,
    next_update: &str,
) -> PyResult<String> {
    text(
        py,
        ops::trustlist_issue(list_json, secret_key_hex, issued_at, next_update),
    )
}

/// The issued list with another operator's signature.
#[pyfunction]
pub(crate) fn trustlist_cosign(
    py: Python<'_>,
    list_json: &str,
    secret_key_hex: &str,
) -> PyResult<String> {
    text(py, ops::trustlist_cosign(list_json, secret_key_hex))
}

/// Lists (a JSON array) against pinned keys (a JSON array of hex) at `at`.
#[pyfunction]
pub(crate) fn trustlist_verify(
    py: Python<'_>,
    lists_json: &str,
    pins_json: &str,
    at: &str,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::trustlist_verify(lists_json, pins_json, at)),
    )
}

/// A mark's QR text against the keys the lists vouch for; `content` compared when given.
#[pyfunction]
#[pyo3(signature = (qr_text, lists_json, pins_json, at, content=None))]
pub(crate) fn trustlist_check_mark(
    py: Python<'_>,
    qr_text: &str,
    lists_json: &str,
    pins_json: &str,
    at: &str,
    content: Option<&[u8]>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::trustlist_check_mark(qr_text, lists_json, pins_json, at, content)),
    )
}
