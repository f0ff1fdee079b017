//! Network trust (NĐ 137/2024 Đ21; TRUST-01…04).

use super::*;

/// Parses and checks a security.txt file (TRUST-02.e); JSON with `valid` and `problems`.
#[pyfunction]
#[pyo3(signature = (content, now, fetched_from=None))]
pub(crate) fn trust_security_txt(
    py: Python<'_>,
    content: &[u8],
    now: &str,
    fetched_from: Option<&str>,
) -> PyResult<String> {
    text(py, ops::trust_security_txt(content, now, fetched_from))
}

/// Looks a host up in an advisory do-not-access list (TRUST-02.d); JSON `{"listed", "hit"}`.
#[pyfunction]
pub(crate) fn trust_blocklist_match(
    py: Python<'_>,
    list_text: &str,
    host: &str,
) -> PyResult<String> {
    text(py, ops::trust_blocklist_match(list_text, host))
}

/// The six network-trust criteria and the overall verdict (TRUST-02, TRUST-03) from the JSON
/// request form of `egov_trust::request`; JSON `Assessment`.
#[pyfunction]
pub(crate) fn trust_evaluate(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_evaluate(request_json)))
}

/// One criterion (`a` … `e`, `đ` or `dd`; `c` is the TLS check) from the same request; JSON
/// `CriterionVerdict`.
#[pyfunction]
pub(crate) fn trust_criterion(
    py: Python<'_>,
    request_json: &str,
    criterion: &str,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::trust_criterion(request_json, criterion)),
    )
}

/// The links of the request's page, the flagged ones and the đ) verdict (TRUST-02.đ).
#[pyfunction]
pub(crate) fn trust_links(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_links(request_json)))
}

/// The self-declaration (TRUST-04, Đ21.3): JSON `{"declaration", "markdown"}`.
#[pyfunction]
pub(crate) fn trust_declare(py: Python<'_>, request_json: &str, lang: &str) -> PyResult<String> {
    text(py, py.detach(|| ops::trust_declare(request_json, lang)))
}
