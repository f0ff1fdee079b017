//! The private-key operation, wherever the key lives: in memory ([`KeyPairSigner`], from a
//! PKCS#8 key or a PKCS#12 file), on a USB token or an HSM through PKCS#11
//! (`Pkcs11Signer`, feature `pkcs11`), or behind a remote signing service (implement
//! [`Signer`]). One trait serves XMLDSig (egov-edxml) and CMS/PAdES (egov-conversion).

use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

use crate::algorithm::SignatureAlgorithm;

/// Does the private-key operation for a signature.
pub trait Signer {
    /// The algorithm the signature is made with.
    fn algorithm(&self) -> SignatureAlgorithm;
    /// The signer's certificate first, then any intermediates (DER).
    fn certificates(&self) -> Vec<Vec<u8>>;
    /// Signs `data` (hashing it with the algorithm's digest): PKCS#1 v1.5 for RSA, raw `r‖s`
    /// for ECDSA (the CMS writer converts it to DER).
    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String>;
}

impl<S: Signer + ?Sized> Signer for &S {
    fn algorithm(&self) -> SignatureAlgorithm {
        (**self).algorithm()
    }
    fn certificates(&self) -> Vec<Vec<u8>> {
        (**self).certificates()
    }
    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        (**self).sign(data)
    }
}

/// Why a key or certificate could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The key is not one egov signs with.
    #[error("the key is neither an RSA nor a P-256/P-384 PKCS#8 private key")]
    UnsupportedKey,
    /// The certificates could not be read.
    #[error("certificates: {0}")]
    Certificates(String),
    /// No certificate was given.
    #[error("no certificate given")]
    NoCertificate,
    /// The certificate does not belong to the key.
    #[error("the first certificate's public key is not the private key's")]
    CertificateKeyMismatch,
    /// The PKCS#12 file could not be opened (wrong password, damaged, unsupported encryption).
    #[error("the PKCS#12 file cannot be opened: {0}")]
    Pkcs12(String),
    /// The PKCS#12 file holds no private key with a certificate.
    #[error("the PKCS#12 file holds no private key with its certificate")]
    Pkcs12NoKey,
    /// The PKCS#11 module, token or key could not be used.
    #[error("PKCS#11: {0}")]
    Pkcs11(String),
}

impl KeyError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            KeyError::UnsupportedKey => "sign.key.unsupported",
            KeyError::Certificates(_) => "sign.key.certificates",
            KeyError::NoCertificate => "sign.key.no_certificate",
            KeyError::CertificateKeyMismatch => "sign.key.certificate_mismatch",
            KeyError::Pkcs12(_) => "sign.key.pkcs12",
            KeyError::Pkcs12NoKey => "sign.key.pkcs12_no_key",
            KeyError::Pkcs11(_) => "sign.key.pkcs11",
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for KeyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            KeyError::UnsupportedKey
            | KeyError::NoCertificate
            | KeyError::CertificateKeyMismatch
            | KeyError::Pkcs12NoKey => egov_core::args!(),
            KeyError::Certificates(reason)
            | KeyError::Pkcs12(reason)
            | KeyError::Pkcs11(reason) => {
                egov_core::args!(reason = reason)
            }
        }
    }
}

impl egov_core::ErrorCode for KeyError {
    fn code(&self) -> &'static str {
        KeyError::code(self)
    }
}

enum KeyKind {
    Rsa(
        ring::signature::RsaKeyPair,
        &'static dyn ring::signature::RsaEncoding,
        SignatureAlgorithm,
    ),
    Ec(ring::signature::EcdsaKeyPair, SignatureAlgorithm),
}

/// A signer holding a PKCS#8 private key in memory (ring): RSA-SHA256 or ECDSA P-256-SHA256 /
/// P-384-SHA384. RSA-SHA1 is never produced.
pub struct KeyPairSigner {
    key: KeyKind,
    certs: Vec<Vec<u8>>,
}

impl std::fmt::Debug for KeyPairSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyPairSigner")
            .field("algorithm", &self.algorithm())
            .field("certificates", &self.certs.len())
            .finish_non_exhaustive()
    }
}

impl KeyPairSigner {
    /// From a PKCS#8 key (PEM `PRIVATE KEY` or DER) and the certificate chain (PEM, signer
    /// first).
    pub fn from_pem(key: &[u8], certificates_pem: &[u8]) -> Result<Self, KeyError> {
        let der = pem_block(key, "PRIVATE KEY").unwrap_or_else(|| key.to_vec());
        Self::from_pkcs8_der(&der, certificates_from_pem(certificates_pem)?)
    }

    /// From a PKCS#8 DER key and DER certificates (signer first). The first certificate must
    /// carry the key's public half.
    pub fn from_pkcs8_der(key: &[u8], certificates: Vec<Vec<u8>>) -> Result<Self, KeyError> {
        use ring::signature as rsig;
        let Some(first) = certificates.first() else {
            return Err(KeyError::NoCertificate);
        };
        let cert =
            Certificate::from_der(first).map_err(|e| KeyError::Certificates(e.to_string()))?;
        let spki = cert
            .tbs_certificate()
            .subject_public_key_info()
            .subject_public_key
            .raw_bytes()
            .to_vec();
        let rng = ring::rand::SystemRandom::new();
        let (key, public): (KeyKind, Vec<u8>) = if let Ok(k) = rsig::RsaKeyPair::from_pkcs8(key) {
            let public = rsig::KeyPair::public_key(&k).as_ref().to_vec();
            (
                KeyKind::Rsa(k, &rsig::RSA_PKCS1_SHA256, SignatureAlgorithm::RsaSha256),
                public,
            )
        } else if let Ok(k) =
            rsig::EcdsaKeyPair::from_pkcs8(&rsig::ECDSA_P256_SHA256_FIXED_SIGNING, key, &rng)
        {
            let public = rsig::KeyPair::public_key(&k).as_ref().to_vec();
            (KeyKind::Ec(k, SignatureAlgorithm::EcdsaP256Sha256), public)
        } else if let Ok(k) =
            rsig::EcdsaKeyPair::from_pkcs8(&rsig::ECDSA_P384_SHA384_FIXED_SIGNING, key, &rng)
        {
            let public = rsig::KeyPair::public_key(&k).as_ref().to_vec();
            (KeyKind::Ec(k, SignatureAlgorithm::EcdsaP384Sha384), public)
        } else {
            return Err(KeyError::UnsupportedKey);
        };
        if public != spki {
            return Err(KeyError::CertificateKeyMismatch);
        }
        Ok(KeyPairSigner {
            key,
            certs: certificates,
        })
    }

    /// From a PKCS#12 (`.p12`/`.pfx`) file as CAs and Windows export them (PBES2 with AES, or
    /// the legacy PBES1 3DES/RC2): the first private key with its certificate chain.
    pub fn from_pkcs12(data: &[u8], password: &str) -> Result<Self, KeyError> {
        let store = p12_keystore::KeyStore::from_pkcs12(
            data,
            password,
            p12_keystore::Pkcs12ImportPolicy::Relaxed,
        )
        .map_err(|e| KeyError::Pkcs12(e.to_string()))?;
        let (_, chain) = store.private_key_chain().ok_or(KeyError::Pkcs12NoKey)?;
        let certs: Vec<Vec<u8>> = chain.certs().iter().map(|c| c.as_der().to_vec()).collect();
        if certs.is_empty() {
            return Err(KeyError::Pkcs12NoKey);
        }
        // The chain as stored may end with the root; the signature carries it too (harmless,
        // and verifiers that are given the root as anchor match it).
        Self::from_pkcs8_der(chain.key().as_der(), certs)
    }
}

/// A certificate chain in PEM (signer first, then intermediates) as DER, as [`Signer`]
/// gives it.
pub fn certificates_from_pem(pem: &[u8]) -> Result<Vec<Vec<u8>>, KeyError> {
    Certificate::load_pem_chain(pem)
        .map_err(|e| KeyError::Certificates(e.to_string()))?
        .iter()
        .map(|c| {
            c.to_der()
                .map_err(|e| KeyError::Certificates(e.to_string()))
        })
        .collect()
}

/// A signer whose private-key operation is a function the caller gives: a token through its
/// vendor's own library, an HSM's SDK, a remote signing service, or a binding's callback (C,
/// Python). egov hashes nothing for it: `sign` gets the bytes to sign and returns the
/// signature, PKCS#1 v1.5 for RSA; for ECDSA raw `r‖s` or the DER `Ecdsa-Sig-Value` that
/// OpenSSL, most tokens' libraries and signing services return (converted to `r‖s`, the form
/// [`Signer::sign`] gives; anything else is refused with its length).
pub struct CallbackSigner<F> {
    algorithm: SignatureAlgorithm,
    certs: Vec<Vec<u8>>,
    sign: F,
}

impl<F> std::fmt::Debug for CallbackSigner<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackSigner")
            .field("algorithm", &self.algorithm)
            .field("certificates", &self.certs.len())
            .finish_non_exhaustive()
    }
}

impl<F: Fn(&[u8]) -> Result<Vec<u8>, String>> CallbackSigner<F> {
    /// A signer making `algorithm` signatures with `sign`, whose certificate chain is
    /// `certificates_pem` (PEM, signer first). [`KeyError::NoCertificate`] without one.
    pub fn new(
        algorithm: SignatureAlgorithm,
        certificates_pem: &[u8],
        sign: F,
    ) -> Result<Self, KeyError> {
        let certs = certificates_from_pem(certificates_pem)?;
        if certs.is_empty() {
            return Err(KeyError::NoCertificate);
        }
        Ok(CallbackSigner {
            algorithm,
            certs,
            sign,
        })
    }
}

impl<F: Fn(&[u8]) -> Result<Vec<u8>, String>> Signer for CallbackSigner<F> {
    fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm
    }
    fn certificates(&self) -> Vec<Vec<u8>> {
        self.certs.clone()
    }
    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        let signature = (self.sign)(data)?;
        match self.algorithm.ecdsa_field_len() {
            Some(field) => {
                crate::algorithm::ecdsa_asn1_to_fixed(&signature, field).ok_or_else(|| {
                    format!(
                        "the signer's {} bytes are not an ECDSA signature (r‖s or DER)",
                        signature.len()
                    )
                })
            }
            None => Ok(signature),
        }
    }
}

pub(crate) fn pem_block(text: &[u8], label: &str) -> Option<Vec<u8>> {
    use base64ct::Encoding as _;
    let s = std::str::from_utf8(text).ok()?;
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = s.find(&begin)? + begin.len();
    let stop = start + s[start..].find(&end)?;
    let body: String = s[start..stop]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    base64ct::Base64::decode_vec(&body).ok()
}

impl Signer for KeyPairSigner {
    fn algorithm(&self) -> SignatureAlgorithm {
        match &self.key {
            KeyKind::Rsa(_, _, a) | KeyKind::Ec(_, a) => *a,
        }
    }
    fn certificates(&self) -> Vec<Vec<u8>> {
        self.certs.clone()
    }
    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        let rng = ring::rand::SystemRandom::new();
        match &self.key {
            KeyKind::Rsa(k, enc, _) => {
                let mut sig = vec![0u8; k.public().modulus_len()];
                k.sign(*enc, &rng, data, &mut sig)
                    .map_err(|e| e.to_string())?;
                Ok(sig)
            }
            KeyKind::Ec(k, _) => k
                .sign(&rng, data)
                .map(|s| s.as_ref().to_vec())
                .map_err(|e| e.to_string()),
        }
    }
}
