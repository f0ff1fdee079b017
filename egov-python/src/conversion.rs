//! Conversion marks (NĐ 137/2024 Đ4, Đ5; CONV-02…21): make, validate, sign, verify, stamp, render, verify pages and documents.

use super::*;

/// Conversion-mark validation (CONV-02…15); JSON `{"overall", "findings"}`.
#[pyfunction]
pub(crate) fn conversion_validate(py: Python<'_>, mark_json: &str) -> PyResult<String> {
    text(py, ops::conversion_validate(mark_json))
}

/// Makes a conversion mark from its facts (SDK wording A-08 unless given) and validates it;
/// JSON `{"mark", "overall", "findings"}`.
#[pyfunction]
pub(crate) fn conversion_make(py: Python<'_>, request_json: &str) -> PyResult<String> {
    text(py, ops::conversion_make(request_json))
}

/// A conversion system against Đ4.2 / Đ5.3 (CONV-07, CONV-16) and the Đ23 deadline (CONV-21);
/// JSON `{"overall", "findings", "transition_deadline", "transition"}`.
#[pyfunction]
#[pyo3(signature = (system_json, now=None, effective_date=None, calendar=None))]
pub(crate) fn conversion_check_system(
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
pub(crate) fn conversion_sign(
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
pub(crate) fn conversion_verify(
    py: Python<'_>,
    qr_text: &str,
    trust_json: &str,
    content: Option<&[u8]>,
) -> PyResult<String> {
    text(py, ops::conversion_verify(qr_text, trust_json, content))
}

/// Signs a mark and stamps it onto a page image; `(image bytes, JSON metadata)`.
#[pyfunction]
#[pyo3(signature = (page, mark_json, secret_key_hex, content=None, options_json=None))]
pub(crate) fn conversion_stamp_page(
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
pub(crate) fn conversion_render_mark(
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
pub(crate) fn conversion_verify_page(
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
pub(crate) fn conversion_verify_document(
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

/// A new signing key for conversion marks (CONV-02): JSON `{"key", "trust_set"}`.
#[pyfunction]
pub(crate) fn conversion_keygen(py: Python<'_>, label: &str) -> PyResult<String> {
    text(py, ops::conversion_keygen(label))
}

/// The public trust set of a key file (JSON); JSON `{"key_id", "public_key", "trust_set"}`.
#[pyfunction]
pub(crate) fn conversion_trust_set_from_key(py: Python<'_>, key_json: &str) -> PyResult<String> {
    text(py, ops::conversion_trust_set_from_key(key_json))
}
