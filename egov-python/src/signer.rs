//! The caller's own signer from Python (DOC-18, Đ6.1): an object with `algorithm`,
//! `certificates_pem` and `sign(data) -> bytes` (a token through python-pkcs11, an HSM's SDK,
//! a remote signing service). egov builds and hashes; `sign` makes the private-key operation.
//! The GIL stays held: `sign` is Python, and signing around it is small. An exception `sign`
//! raises is raised again, unchanged, from the signing call.

use std::borrow::Cow;
use std::cell::RefCell;

use pyo3::types::PyBytes;

use super::*;

/// The signer `algorithm` / `certs_pem` / `sign` describe, and where the exception `sign`
/// raised is kept (take it with [`raised`] after the call).
pub(crate) fn with_signer<'py, T>(
    py: Python<'py>,
    algorithm: &str,
    certs_pem: &[u8],
    sign: &Bound<'py, PyAny>,
    f: impl FnOnce(&dyn egov_sign::Signer) -> OpResult<T>,
) -> PyResult<T> {
    let raised: RefCell<Option<PyErr>> = RefCell::new(None);
    let signer = plain(
        py,
        ops::callback_signer(algorithm, certs_pem, |data: &[u8]| {
            let answer = sign
                .call1((PyBytes::new(py, data),))
                .and_then(|r| r.extract::<Cow<'_, [u8]>>().map(Cow::into_owned));
            answer.map_err(|e| {
                let why = e.to_string();
                *raised.borrow_mut() = Some(e);
                format!("the signer raised {why}")
            })
        }),
    )?;
    let result = f(&signer);
    if let Some(e) = raised.take() {
        return Err(e);
    }
    plain(py, result)
}
