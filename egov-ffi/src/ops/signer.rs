//! The caller's own signer for the bindings: a token through its vendor's library, an HSM's
//! SDK or a remote signing service makes the private-key operation; egov builds and hashes
//! everything around it (DOC-18, Đ6.1; the `Signer` of egov-sign, as issue 12 asks).

use super::*;
use egov_sign::algorithm::ALL_SIGNATURES;
use egov_sign::{CallbackSigner, SignatureAlgorithm};

/// The name of `a` as the JSON answers write it (`"rsa_sha256"`).
fn name(a: SignatureAlgorithm) -> String {
    serde_json::to_value(a)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A signer making `algorithm` signatures (`"rsa_sha256"`, `"ecdsa_p256_sha256"`, …; RSA
/// PKCS#1 v1.5, ECDSA as raw `r‖s` or DER, see [`CallbackSigner`]) with `sign`, whose certificate chain is `certs_pem` (PEM,
/// signer first). An unknown algorithm is `ffi.invalid_arguments`; a chain that does not read,
/// or none, `sign.key.certificates` / `sign.key.no_certificate`.
pub fn callback_signer<F>(algorithm: &str, certs_pem: &[u8], sign: F) -> OpResult<CallbackSigner<F>>
where
    F: Fn(&[u8]) -> Result<Vec<u8>, String>,
{
    check_len("certificates", certs_pem)?;
    let alg: SignatureAlgorithm = serde_json::from_value(Value::String(algorithm.to_owned()))
        .map_err(|_| {
            bad_arg(
                "algorithm",
                ArgumentProblem::OneOf {
                    allowed: ALL_SIGNATURES.into_iter().map(name).collect(),
                    value: clip(algorithm),
                },
            )
        })?;
    CallbackSigner::new(alg, certs_pem, sign).map_err(dom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_algorithm_named_reads() {
        for a in ALL_SIGNATURES.into_iter().map(name) {
            let e = callback_signer(&a, b"", |_| Ok(Vec::new())).unwrap_err();
            assert_eq!(e.code, "sign.key.no_certificate", "{a}");
        }
        let e = callback_signer("rsa-sha256", b"", |_| Ok(Vec::new())).unwrap_err();
        assert_eq!(e.code, "ffi.invalid_arguments");
        assert!(e.message.contains("rsa_sha256"), "{}", e.message);
    }
}
