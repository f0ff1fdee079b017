//! edXML packages and status messages (QCVN 102:2016; QĐ 28/2018 Đ4, Đ6, Đ8–Đ10, Đ14): read,
//! check, build, sign, verify. Every call reads or writes a whole package, so the GIL is
//! released for each.

use pyo3::types::PyBytes;

use super::*;

/// Reads a package or status message; JSON of the package (`message`, `layout`, `deviations`,
/// `bytes`, `sha256`, `line_breaks`).
#[pyfunction]
#[pyo3(signature = (data, options_json=None))]
pub(crate) fn edxml_read(
    py: Python<'_>,
    data: &[u8],
    options_json: Option<&str>,
) -> PyResult<String> {
    text(py, py.detach(|| ops::edxml_read(data, options_json)))
}

/// Reads a package keeping its attachments' contents: `(package JSON, [content bytes, …])`, one
/// content per entry of `message.attachments`.
#[pyfunction]
#[pyo3(signature = (data, options_json=None))]
pub(crate) fn edxml_read_with_attachments(
    py: Python<'_>,
    data: &[u8],
    options_json: Option<&str>,
) -> PyResult<(String, Vec<Py<PyBytes>>)> {
    let (json, contents) = plain(
        py,
        py.detach(|| ops::edxml_read_with_contents(data, options_json)),
    )?;
    let contents = contents
        .iter()
        .map(|c| PyBytes::new(py, c).unbind())
        .collect();
    Ok((json, contents))
}

/// The receiving check (DOC-28) with the signature verified (DOC-18); JSON `{"overall",
/// "compliant", "findings", "kind", "sha256", "bytes"}`.
#[pyfunction]
#[pyo3(signature = (data, options_json=None, calendar=None))]
pub(crate) fn edxml_check(
    py: Python<'_>,
    data: &[u8],
    options_json: Option<&str>,
    calendar: Option<&Calendar>,
) -> PyResult<String> {
    let cal = calendar_or_builtin(calendar);
    text(py, py.detach(|| ops::edxml_check(data, options_json, cal)))
}

/// Builds a package from its message JSON and one content per attachment; the package bytes.
#[pyfunction]
#[pyo3(signature = (message_json, attachments, options_json=None))]
pub(crate) fn edxml_build(
    py: Python<'_>,
    message_json: &str,
    attachments: Vec<Vec<u8>>,
    options_json: Option<&str>,
) -> PyResult<Py<PyBytes>> {
    let package = plain(
        py,
        py.detach(|| {
            let refs: Vec<&[u8]> = attachments.iter().map(Vec::as_slice).collect();
            ops::edxml_build(message_json, &refs, options_json)
        }),
    )?;
    Ok(PyBytes::new(py, &package).unbind())
}

/// Signs a package (enveloped XMLDSig, DOC-18) with a PKCS#8 key and its certificate chain;
/// the signed package bytes.
#[pyfunction]
#[pyo3(signature = (data, key_pem, certs_pem, options_json=None))]
pub(crate) fn edxml_sign(
    py: Python<'_>,
    data: &[u8],
    key_pem: &[u8],
    certs_pem: &[u8],
    options_json: Option<&str>,
) -> PyResult<Py<PyBytes>> {
    let signed = plain(
        py,
        py.detach(|| ops::edxml_sign(data, key_pem, certs_pem, options_json)),
    )?;
    Ok(PyBytes::new(py, &signed).unbind())
}

/// Signs a package with the caller's own signer (`sign(data) -> bytes`, see `signer.rs`).
#[pyfunction]
#[pyo3(signature = (data, algorithm, certs_pem, sign, options_json=None))]
pub(crate) fn edxml_sign_with(
    py: Python<'_>,
    data: &[u8],
    algorithm: &str,
    certs_pem: &[u8],
    sign: &Bound<'_, PyAny>,
    options_json: Option<&str>,
) -> PyResult<Py<PyBytes>> {
    let signed = crate::signer::with_signer(py, algorithm, certs_pem, sign, |s| {
        ops::edxml_sign_with(data, s, options_json)
    })?;
    Ok(PyBytes::new(py, &signed).unbind())
}

/// Verifies a package's XMLDSig signature (DOC-18) against PEM trust anchors; JSON
/// verification with `valid`, `failure_code` and `findings`.
#[pyfunction]
#[pyo3(signature = (data, anchors_pem=None, options_json=None))]
pub(crate) fn edxml_verify(
    py: Python<'_>,
    data: &[u8],
    anchors_pem: Option<&[u8]>,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::edxml_verify(data, anchors_pem, options_json)),
    )
}

/// Reads a package file (streamed; never held in memory); JSON as `edxml_read`.
#[pyfunction]
#[pyo3(signature = (path, options_json=None))]
pub(crate) fn edxml_read_file(
    py: Python<'_>,
    path: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(py, py.detach(|| ops::edxml_read_file(path, options_json)))
}

/// Writes each attachment of a package file to its own new file in `out_dir`; JSON of what was
/// written (`attachments` with `status` and `problems`, `counts`, `complete`).
#[pyfunction]
#[pyo3(signature = (path, out_dir, options_json=None))]
pub(crate) fn edxml_extract(
    py: Python<'_>,
    path: &str,
    out_dir: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::edxml_extract(path, out_dir, options_json)),
    )
}

/// Builds a package from its message JSON and one attachment file per attachment, streamed,
/// into the file `out_path`; JSON `{"path", "kind", "bytes", "sha256", "attachments"}`.
#[pyfunction]
#[pyo3(signature = (message_json, attachment_paths, out_path, options_json=None))]
pub(crate) fn edxml_build_file(
    py: Python<'_>,
    message_json: &str,
    attachment_paths: Vec<String>,
    out_path: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| {
            let refs: Vec<&str> = attachment_paths.iter().map(String::as_str).collect();
            ops::edxml_build_file(message_json, &refs, out_path, options_json)
        }),
    )
}
