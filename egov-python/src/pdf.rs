//! PDF files (issue 13): conversion marks stamped and verified (NĐ 137/2024 Đ4, Đ5), PAdES
//! signatures made and verified (NĐ 30/2020 Đ25; QĐ 28/2018 Đ6.1). Every call reads or writes a
//! whole PDF, so the GIL is released for each.

use pyo3::types::PyBytes;

use super::*;

/// Stamps a conversion mark on a page of a PDF (incremental update); `(stamped PDF, summary
/// JSON)`.
#[pyfunction]
#[pyo3(signature = (data, mark_json, secret_key_hex, options_json=None))]
pub(crate) fn pdf_stamp(
    py: Python<'_>,
    data: &[u8],
    mark_json: &str,
    secret_key_hex: &str,
    options_json: Option<&str>,
) -> PyResult<(Py<PyBytes>, String)> {
    let (pdf, meta) = plain(
        py,
        py.detach(|| ops::pdf_stamp(data, mark_json, secret_key_hex, options_json)),
    )?;
    Ok((PyBytes::new(py, &pdf).unbind(), meta))
}

/// Verifies a stamped PDF against a trust set; JSON of the library's `PdfVerification`.
#[pyfunction]
#[pyo3(signature = (data, trust_json, options_json=None))]
pub(crate) fn pdf_verify(
    py: Python<'_>,
    data: &[u8],
    trust_json: &str,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::pdf_verify(data, trust_json, options_json)),
    )
}

/// Signs a PDF with a PAdES signature: a PKCS#8 key with its PEM chain, or a PKCS#12 file with
/// its password; `(signed PDF, summary JSON)`.
#[pyfunction]
#[pyo3(signature = (data, key_pem=None, certs_pem=None, pkcs12=None, password=None, options_json=None))]
pub(crate) fn pdf_sign(
    py: Python<'_>,
    data: &[u8],
    key_pem: Option<&[u8]>,
    certs_pem: Option<&[u8]>,
    pkcs12: Option<&[u8]>,
    password: Option<&str>,
    options_json: Option<&str>,
) -> PyResult<(Py<PyBytes>, String)> {
    let (pdf, meta) = plain(
        py,
        py.detach(|| {
            let key = ops::PdfKey::from_parts(key_pem, certs_pem, pkcs12, password)?;
            ops::pdf_sign(data, key, options_json)
        }),
    )?;
    Ok((PyBytes::new(py, &pdf).unbind(), meta))
}

/// Signs a PDF with the caller's own signer (`sign(data) -> bytes`, see `signer.rs`);
/// `(signed PDF, summary JSON)`, `key_source` `"external"`.
#[pyfunction]
#[pyo3(signature = (data, algorithm, certs_pem, sign, options_json=None))]
pub(crate) fn pdf_sign_with(
    py: Python<'_>,
    data: &[u8],
    algorithm: &str,
    certs_pem: &[u8],
    sign: &Bound<'_, PyAny>,
    options_json: Option<&str>,
) -> PyResult<(Py<PyBytes>, String)> {
    let (pdf, meta) = crate::signer::with_signer(py, algorithm, certs_pem, sign, |s| {
        ops::pdf_sign_with(data, s, "external", options_json)
    })?;
    Ok((PyBytes::new(py, &pdf).unbind(), meta))
}

/// Verifies every PAdES signature and document time-stamp of a PDF against PEM trust anchors;
/// JSON of the library's `SignaturesReport`.
#[pyfunction]
#[pyo3(signature = (data, anchors_pem=None, options_json=None))]
pub(crate) fn pdf_verify_signatures(
    py: Python<'_>,
    data: &[u8],
    anchors_pem: Option<&[u8]>,
    options_json: Option<&str>,
) -> PyResult<String> {
    text(
        py,
        py.detach(|| ops::pdf_verify_signatures(data, anchors_pem, options_json)),
    )
}
