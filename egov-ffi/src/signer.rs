//! The caller's own signer from C (DOC-18, Đ6.1): a token through its vendor's PKCS#11
//! library, an HSM's SDK, a remote signing service. egov builds, canonicalises and hashes
//! everything around the signature; the callback makes the private-key operation only.
//! Used by [`crate::edxml::egov_edxml_sign_with`] and [`crate::pdf::egov_pdf_sign_with`].

use std::ffi::{c_char, c_void};

use egov_sign::CallbackSigner;

use crate::ops::{self, OpResult};
use crate::{arg_str, null_arg};

/// The room egov gives a signature: 1 024 bytes, an RSA key of up to 8 192 bits (ECDSA
/// signatures are 64 or 96 bytes).
pub const EGOV_MAX_SIGNATURE_BYTES: usize = 1024;

/// The private-key operation, called once per signature. Sign `data` / `data_len` (the bytes
/// to sign, not their digest: the signer hashes them with its algorithm's hash) and write the
/// signature (RSA: PKCS#1 v1.5; ECDSA: raw `r‖s`, or DER as OpenSSL and most tokens write it)
/// to `signature`, which has room for `signature_cap` bytes ([`EGOV_MAX_SIGNATURE_BYTES`]),
/// and its length to `*signature_len`.
/// Return 0 when signed; any other value is the signer's failure, reported as the signing
/// call's error (`dsig.sign.signer`, `pdf.sign`). `user_data` is the [`EgovSigner`]'s, as given.
pub type EgovSignFn = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        data: *const u8,
        data_len: usize,
        signature: *mut u8,
        signature_cap: usize,
        signature_len: *mut usize,
    ) -> i32,
>;

/// A signer the caller supplies: what it signs with, its certificates, and the function that
/// signs. egov keeps no pointer after the call that takes it.
#[repr(C)]
pub struct EgovSigner {
    /// The signature algorithm, NUL-terminated: `"rsa_sha256"`, `"rsa_sha384"`,
    /// `"rsa_sha512"`, `"ecdsa_p256_sha256"`, `"ecdsa_p384_sha384"` (or `"rsa_sha1"`, which an
    /// edXML signature refuses without `{"legacy_sha1": true}` and a PDF signature always).
    pub algorithm: *const c_char,
    /// The certificate chain, PEM, signer first, then intermediates; NUL-terminated.
    pub certs_pem: *const c_char,
    /// The private-key operation.
    pub sign: EgovSignFn,
    /// Passed to `sign` unchanged (the caller's session, token handle, …).
    pub user_data: *mut c_void,
}

/// The private-key operation of an [`EgovSigner`], as [`CallbackSigner`] calls it.
pub(crate) type SignCall<'a> = Box<dyn Fn(&[u8]) -> Result<Vec<u8>, String> + 'a>;

/// The signer `*signer` describes, as egov-sign's [`CallbackSigner`].
///
/// # Safety
/// `signer` is NULL or points to an [`EgovSigner`] whose strings are NUL-terminated and whose
/// `sign`, if not NULL, may be called with `user_data` during the signing call.
pub(crate) unsafe fn callback_signer<'a>(
    signer: *const EgovSigner,
) -> OpResult<CallbackSigner<SignCall<'a>>> {
    if signer.is_null() {
        return Err(null_arg("signer"));
    }
    // SAFETY: non-NULL, and the caller guarantees a valid EgovSigner.
    let s = unsafe { &*signer };
    // SAFETY: the caller guarantees NUL-terminated strings (or NULL, an error).
    let algorithm = unsafe { arg_str(s.algorithm, "signer.algorithm") }?;
    // SAFETY: as above.
    let certs = unsafe { arg_str(s.certs_pem, "signer.certs_pem") }?;
    let Some(sign) = s.sign else {
        return Err(null_arg("signer.sign"));
    };
    let user_data = s.user_data;
    let call: SignCall<'a> = Box::new(move |data: &[u8]| {
        let mut out = vec![0u8; EGOV_MAX_SIGNATURE_BYTES];
        let mut len = 0usize;
        // SAFETY: the caller's contract for `sign` and `user_data`; the buffers are ours and
        // live through the call.
        let rc = unsafe {
            sign(
                user_data,
                data.as_ptr(),
                data.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        };
        if rc != 0 {
            return Err(format!("the signer callback returned {rc}"));
        }
        if len == 0 || len > out.len() {
            return Err(format!(
                "the signer callback gave a signature of {len} bytes (1 to {EGOV_MAX_SIGNATURE_BYTES})"
            ));
        }
        out.truncate(len);
        Ok(out)
    });
    ops::callback_signer(algorithm, certs.as_bytes(), call)
}
