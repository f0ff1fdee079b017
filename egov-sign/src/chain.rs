//! Certificate paths from a signer's certificate to caller-supplied trust anchors, checked at
//! a given time. egov bundles no roots: the government CA roots («RootCA chuyên dùng Chính
//! phủ», the national public roots) are the caller's to obtain from the issuing authority and to
//! pass here.
//!
//! Checked here rather than with `rustls-webpki`, which refuses SHA-1-signed and sub-2048-bit
//! legacy chains that document certificates still use and asks for TLS key purposes: each
//! certificate is valid at the time, each issuer's key verifies the certificate's signature, and
//! every issuer that is not itself an anchor is a CA (basicConstraints `cA`).

use egov_core::VnDateTime;
use serde::{Deserialize, Serialize};
use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

use crate::algorithm::{self, SignatureAlgorithm, SignatureEncoding};

/// Why trust anchors could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnchorsError {
    /// The text is not PEM certificates (the PEM or DER reader's reason).
    #[error("not PEM certificates: {reason}")]
    NotPem {
        /// The reader's own words.
        reason: String,
    },
    /// PEM text without a `CERTIFICATE` block.
    #[error("no certificate in the PEM text")]
    Empty,
    /// The bytes are not one DER certificate.
    #[error("not a DER certificate: {reason}")]
    NotDer {
        /// The reader's own words.
        reason: String,
    },
}

impl egov_core::ErrorCode for AnchorsError {
    fn code(&self) -> &'static str {
        match self {
            AnchorsError::NotPem { .. } => "anchors.not_pem",
            AnchorsError::Empty => "anchors.empty",
            AnchorsError::NotDer { .. } => "anchors.not_der",
        }
    }
}

impl egov_core::Localize for AnchorsError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            AnchorsError::NotPem { reason } | AnchorsError::NotDer { reason } => {
                egov_core::args!(reason = reason)
            }
            AnchorsError::Empty => egov_core::args!(),
        }
    }
}

/// Caller-supplied trust anchors (root certificates).
#[derive(Debug, Clone, Default)]
pub struct TrustAnchors {
    certs: Vec<Certificate>,
}

impl TrustAnchors {
    /// No anchors: chains are not checked (reported [`ChainStatus::NotChecked`]).
    pub fn new() -> Self {
        TrustAnchors::default()
    }

    /// Anchors from PEM text (one or more `CERTIFICATE` blocks).
    pub fn from_pem(pem: &[u8]) -> Result<Self, AnchorsError> {
        let certs = Certificate::load_pem_chain(pem).map_err(|e| AnchorsError::NotPem {
            reason: e.to_string(),
        })?;
        if certs.is_empty() {
            return Err(AnchorsError::Empty);
        }
        Ok(TrustAnchors { certs })
    }

    /// Adds one DER certificate.
    pub fn add_der(&mut self, der: &[u8]) -> Result<(), AnchorsError> {
        let cert = Certificate::from_der(der).map_err(|e| AnchorsError::NotDer {
            reason: e.to_string(),
        })?;
        self.certs.push(cert);
        Ok(())
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.certs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }
}

/// A certificate, summarised for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignerCertificate {
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// Serial number, hex.
    pub serial: String,
    /// Validity start, ISO 8601 UTC.
    pub not_before: String,
    /// Validity end, ISO 8601 UTC.
    pub not_after: String,
}

impl SignerCertificate {
    /// The summary of a certificate.
    pub fn of(c: &Certificate) -> Self {
        let tbs = c.tbs_certificate();
        SignerCertificate {
            subject: tbs.subject().to_string(),
            issuer: tbs.issuer().to_string(),
            serial: hex(tbs.serial_number().as_bytes()),
            not_before: iso(unix(tbs.validity().not_before)),
            not_after: iso(unix(tbs.validity().not_after)),
        }
    }
}

/// The chain's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ChainStatus {
    /// A path to an anchor, every certificate valid at the time checked.
    Trusted {
        /// The anchor's subject.
        anchor: String,
        /// Certificates in the path, leaf first.
        length: usize,
    },
    /// No anchors were given.
    NotChecked,
}

/// Why a path could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ChainError {
    /// A certificate in the path is not valid at the time checked.
    #[error(
        "the certificate of {subject} is not valid at {at} (valid {not_before} to {not_after})"
    )]
    Expired {
        /// Its subject.
        subject: String,
        /// The time checked.
        at: String,
        /// Validity start.
        not_before: String,
        /// Validity end.
        not_after: String,
    },
    /// No path to an anchor.
    #[error("the certificate does not chain to a given trust anchor: {reason}")]
    Untrusted {
        /// What is missing.
        reason: String,
        /// The same in Vietnamese (CORE-06).
        #[serde(default)]
        reason_vi: String,
    },
}

/// The path from `leaf` through `pool` (intermediates the signature carried) to one of
/// `anchors`, every certificate valid at `at`. With no anchors: [`ChainStatus::NotChecked`]
/// (the leaf's validity at `at` is still checked).
pub fn validate(
    leaf: &Certificate,
    pool: &[Certificate],
    anchors: &TrustAnchors,
    at: VnDateTime,
) -> Result<ChainStatus, ChainError> {
    if anchors.is_empty() {
        check_validity(leaf, at)?;
        return Ok(ChainStatus::NotChecked);
    }
    let mut current = leaf.clone();
    let mut length = 1;
    for _ in 0..8 {
        check_validity(&current, at)?;
        if let Some(anchor) = anchors
            .certs
            .iter()
            .find(|a| a == &&current || issued_by(&current, a))
        {
            // The anchor is an input to path validation (RFC 5280 §6.1.1), taken as trusted
            // whatever its own validity period and extensions.
            if anchor != &current {
                length += 1;
            }
            return Ok(ChainStatus::Trusted {
                anchor: anchor.tbs_certificate().subject().to_string(),
                length,
            });
        }
        match pool
            .iter()
            .find(|p| *p != &current && issued_by(&current, p))
        {
            Some(next) if !is_ca(next) => {
                let (subject, issuer) = (
                    current.tbs_certificate().subject(),
                    next.tbs_certificate().subject(),
                );
                return Err(ChainError::Untrusted {
                    reason: format!(
                        "{subject} is signed by {issuer}, which is not a certification authority (basicConstraints)"
                    ),
                    reason_vi: format!(
                        "{subject} được ký bởi {issuer}, không phải một tổ chức chứng thực (basicConstraints)"
                    ),
                });
            }
            Some(next) => {
                current = next.clone();
                length += 1;
            }
            None => {
                let subject = current.tbs_certificate().subject();
                return Err(ChainError::Untrusted {
                    reason: format!("no trust anchor or given intermediate issued {subject}"),
                    reason_vi: format!(
                        "không chứng thư gốc tin cậy hay chứng thư trung gian nào đã cho cấp {subject}"
                    ),
                });
            }
        }
    }
    Err(ChainError::Untrusted {
        reason: "the chain is longer than 8 certificates".into(),
        reason_vi: "chuỗi chứng thư dài hơn 8 chứng thư".into(),
    })
}

fn is_ca(c: &Certificate) -> bool {
    use x509_cert::ext::pkix::BasicConstraints;
    c.tbs_certificate()
        .get_extension::<BasicConstraints>()
        .ok()
        .flatten()
        .is_some_and(|(_, bc)| bc.ca)
}

/// Whether `c` is valid at `at`.
pub fn check_validity(c: &Certificate, at: VnDateTime) -> Result<(), ChainError> {
    let v = c.tbs_certificate().validity();
    let (nb, na) = (unix(v.not_before), unix(v.not_after));
    let t = at.unix_seconds();
    if t < nb || t > na {
        return Err(ChainError::Expired {
            subject: c.tbs_certificate().subject().to_string(),
            at: at.to_string(),
            not_before: iso(nb),
            not_after: iso(na),
        });
    }
    Ok(())
}

/// Whether `issuer`'s key signed `cert` (names match and the signature verifies).
pub fn issued_by(cert: &Certificate, issuer: &Certificate) -> bool {
    if cert.tbs_certificate().issuer() != issuer.tbs_certificate().subject() {
        return false;
    }
    let Ok(tbs) = cert.tbs_certificate().to_der() else {
        return false;
    };
    let Some(sig) = cert.signature().as_bytes() else {
        return false;
    };
    let key = issuer
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    let oid = cert.signature_algorithm().oid.to_string();
    let Some(alg) = SignatureAlgorithm::from_oid(&oid, crate::DigestAlgorithm::Sha256) else {
        return false;
    };
    if oid == algorithm::OID_RSA_ENCRYPTION {
        return false;
    }
    if algorithm::verify(alg, SignatureEncoding::Asn1, key, &tbs, sig).is_some() {
        return true;
    }
    // An ECDSA issuer on the other curve than the hash suggests (P-384 key, SHA-256 hash).
    use ring::signature as rsig;
    let cross: &[&'static dyn rsig::VerificationAlgorithm] = match alg {
        SignatureAlgorithm::EcdsaP256Sha256 => &[&rsig::ECDSA_P384_SHA256_ASN1],
        SignatureAlgorithm::EcdsaP384Sha384 => &[&rsig::ECDSA_P256_SHA384_ASN1],
        _ => &[],
    };
    cross.iter().any(|a| {
        rsig::UnparsedPublicKey::new(*a, key)
            .verify(&tbs, sig)
            .is_ok()
    })
}

pub(crate) fn unix(t: x509_cert::time::Time) -> i64 {
    i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

pub(crate) fn iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Now, as a [`VnDateTime`].
pub fn now() -> VnDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    VnDateTime::from_unix_seconds(secs)
        .unwrap_or_else(|_| VnDateTime::from_utc(chrono::DateTime::UNIX_EPOCH))
}
