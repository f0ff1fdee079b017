//! Criterion c) (TRUST-02.c, NĐ 137/2024 Đ21.2.c; A-20): the certificate chain and the negotiated
//! TLS parameters, judged against a policy with tiers in the style of the NCSC-NL TLS guidelines
//! (good / sufficient / phase-out / insufficient).
//!
//! The law says "a secure algorithm provided by a trusted third party" and defines neither
//! . The built-in [`TlsPolicy::default`] is an SDK default, overridable by a policy file.

use std::collections::BTreeMap;

use egov_core::{ErrorCode, Finding, Lang, Outcome, VnDateTime};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};
use serde::{Deserialize, Serialize};
use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

use crate::criteria::finding;
use crate::{AttestationMaxAge, Criterion, CriterionVerdict};

/// A tier, best first (NCSC-NL style).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Good: use it.
    Good,
    /// Sufficient: acceptable.
    Sufficient,
    /// Phase out: still passes, with a warning.
    PhaseOut,
    /// Insufficient: fails.
    Insufficient,
}

impl Tier {
    fn outcome(self) -> Outcome {
        match self {
            Tier::Good | Tier::Sufficient => Outcome::Pass,
            Tier::PhaseOut => Outcome::Warning,
            Tier::Insufficient => Outcome::Fail,
        }
    }
    /// The tier in English words, for people.
    pub(crate) fn en(self) -> &'static str {
        match self {
            Tier::Good => "good",
            Tier::Sufficient => "sufficient",
            Tier::PhaseOut => "phase out",
            Tier::Insufficient => "insufficient",
        }
    }
    /// The tier in Vietnamese words, for people.
    pub(crate) fn vi(self) -> &'static str {
        match self {
            Tier::Good => "tốt",
            Tier::Sufficient => "đủ",
            Tier::PhaseOut => "cần loại bỏ dần",
            Tier::Insufficient => "không đủ",
        }
    }
}

/// Minimum RSA modulus sizes per tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RsaTiers {
    /// Bits for `good`.
    pub good: u32,
    /// Bits for `sufficient`.
    pub sufficient: u32,
    /// Bits for `phase_out` (below this: insufficient).
    pub phase_out: u32,
}

/// What counts as secure: a policy file in TOML or JSON. Besides the TLS tiers of c) it
/// carries the maximum attestation ages of a) and đ) ([`AttestationMaxAge`]), the other
/// judgement the evidence is held to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TlsPolicy {
    /// Name and version of the policy, echoed in findings and declarations.
    pub name: String,
    /// Protocol versions (`TLSv1.3`, `TLSv1.2`, …) to tiers; unlisted: insufficient.
    pub versions: BTreeMap<String, Tier>,
    /// IANA cipher-suite names to tiers; unlisted: insufficient.
    pub cipher_suites: BTreeMap<String, Tier>,
    /// Certificate signature algorithms (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`,
    /// `Ed25519`, …) to tiers; unlisted: insufficient.
    pub signature_algorithms: BTreeMap<String, Tier>,
    /// RSA key sizes.
    pub rsa: RsaTiers,
    /// Named curves (`P-256`, `P-384`, `P-521`, `Ed25519`, `Ed448`) to tiers; unlisted:
    /// insufficient.
    pub curves: BTreeMap<String, Tier>,
    /// Not TLS: how old the attestations of a) and đ) may be (A-22; SDK defaults, the law sets
    /// no age). Kept in this policy so that one policy file states everything the evidence is
    /// judged against, and the declaration records it. Optional in a policy file (TOML table
    /// `[max_attestation_age]`): a policy written without it gets the defaults.
    #[serde(default)]
    pub max_attestation_age: AttestationMaxAge,
}

/// A policy file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The TOML was malformed or did not fit the schema.
    #[error("policy TOML: {0}")]
    Toml(String),
    /// The JSON was malformed or did not fit the schema.
    #[error("policy JSON: {0}")]
    Json(String),
}

impl ErrorCode for PolicyError {
    fn code(&self) -> &'static str {
        match self {
            PolicyError::Toml(_) => "tls_policy.toml",
            PolicyError::Json(_) => "tls_policy.json",
        }
    }
}

fn tiers(list: &[(&[&str], Tier)]) -> BTreeMap<String, Tier> {
    list.iter()
        .flat_map(|(names, t)| names.iter().map(move |n| ((*n).to_owned(), *t)))
        .collect()
}

impl Default for TlsPolicy {
    /// The SDK default, after the NCSC-NL "IT Security Guidelines for TLS" (2021)
    /// tiers, except that TLS 1.0/1.1 are insufficient (TLS ≥ 1.2 required, REQUIREMENTS §7
    /// A-20) and SHA-1 signatures and RSA below 2048 bits are insufficient.
    fn default() -> Self {
        use Tier::*;
        TlsPolicy {
            name: "egov-default-2026 (NCSC-NL 2021 tiers; TLS >= 1.2)".to_owned(),
            versions: tiers(&[
                (&["TLSv1.3"], Good),
                (&["TLSv1.2"], Sufficient),
                (&["TLSv1.1", "TLSv1.0", "SSLv3", "SSLv2"], Insufficient),
            ]),
            cipher_suites: tiers(&[
                (
                    &[
                        "TLS_AES_256_GCM_SHA384",
                        "TLS_CHACHA20_POLY1305_SHA256",
                        "TLS_AES_128_GCM_SHA256",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    ],
                    Good,
                ),
                (
                    &[
                        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                        "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    ],
                    Sufficient,
                ),
                (
                    &[
                        "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
                        "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
                        "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
                        "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                        "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
                        "TLS_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_RSA_WITH_AES_128_GCM_SHA256",
                        "TLS_RSA_WITH_AES_256_CBC_SHA256",
                        "TLS_RSA_WITH_AES_256_CBC_SHA",
                        "TLS_RSA_WITH_AES_128_CBC_SHA256",
                        "TLS_RSA_WITH_AES_128_CBC_SHA",
                        "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
                    ],
                    PhaseOut,
                ),
            ]),
            signature_algorithms: tiers(&[
                (
                    &[
                        "sha256WithRSAEncryption",
                        "sha384WithRSAEncryption",
                        "sha512WithRSAEncryption",
                        "ecdsa-with-SHA256",
                        "ecdsa-with-SHA384",
                        "ecdsa-with-SHA512",
                        "rsassaPss",
                        "Ed25519",
                        "Ed448",
                    ],
                    Good,
                ),
                (
                    &[
                        "sha1WithRSAEncryption",
                        "ecdsa-with-SHA1",
                        "md5WithRSAEncryption",
                    ],
                    Insufficient,
                ),
            ]),
            rsa: RsaTiers {
                good: 3072,
                sufficient: 2048,
                phase_out: 2048,
            },
            curves: tiers(&[(&["P-256", "P-384", "P-521", "Ed25519", "Ed448"], Good)]),
            max_attestation_age: AttestationMaxAge::default(),
        }
    }
}

impl TlsPolicy {
    /// Reads a policy from TOML.
    pub fn from_toml(text: &str) -> Result<Self, PolicyError> {
        toml::from_str(text).map_err(|e| PolicyError::Toml(e.to_string()))
    }

    /// Reads a policy from JSON.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        serde_json::from_str(text).map_err(|e| PolicyError::Json(e.to_string()))
    }

    /// Reads JSON when the text starts with `{`, TOML otherwise.
    pub fn from_text(text: &str) -> Result<Self, PolicyError> {
        if text.trim_start().starts_with('{') {
            Self::from_json(text)
        } else {
            Self::from_toml(text)
        }
    }

    /// The policy as TOML (to start a custom policy from the default).
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    fn lookup(map: &BTreeMap<String, Tier>, name: &str) -> Tier {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map_or(Tier::Insufficient, |(_, t)| *t)
    }

    /// TRUST-02.c (NĐ 137/2024 Đ21.2.c, A-20): tier of a protocol version. Accepts `TLSv1.3`, `TLS1.3`, `TLS 1.3`, `1.3`.
    pub fn version_tier(&self, version: &str) -> Tier {
        Self::lookup(&self.versions, &normalize_version(version))
    }

    /// TRUST-02.c (NĐ 137/2024 Đ21.2.c, A-20): tier of a cipher suite by IANA name (`TLS13_` prefixes as printed by rustls accepted).
    pub fn cipher_tier(&self, suite: &str) -> Tier {
        let s = suite.trim().to_ascii_uppercase().replace("TLS13_", "TLS_");
        Self::lookup(&self.cipher_suites, &s)
    }

    /// TRUST-02.c (NĐ 137/2024 Đ21.2.c, A-20): tier of a public key.
    pub fn key_tier(&self, key: &KeyInfo) -> Tier {
        match key {
            KeyInfo::Rsa { bits } if *bits >= self.rsa.good => Tier::Good,
            KeyInfo::Rsa { bits } if *bits >= self.rsa.sufficient => Tier::Sufficient,
            KeyInfo::Rsa { bits } if *bits >= self.rsa.phase_out => Tier::PhaseOut,
            KeyInfo::Rsa { .. } => Tier::Insufficient,
            KeyInfo::Ec { curve } => Self::lookup(&self.curves, curve),
            KeyInfo::Other { .. } => Tier::Insufficient,
        }
    }
}

fn normalize_version(v: &str) -> String {
    let u = v
        .trim()
        .to_ascii_uppercase()
        .replace(' ', "")
        .replace('_', ".");
    let (proto, rest) = match u.strip_prefix("SSL") {
        Some(r) => ("SSLv", r),
        None => ("TLSv", u.strip_prefix("TLS").unwrap_or(&u)),
    };
    format!("{proto}{}", rest.trim_start_matches('V'))
}

/// A public key's type and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum KeyInfo {
    /// RSA with the modulus size in bits.
    Rsa {
        /// Modulus bits.
        bits: u32,
    },
    /// Elliptic-curve (ECDSA named curve or EdDSA).
    Ec {
        /// `P-256`, `P-384`, `P-521`, `Ed25519`, `Ed448` or the OID.
        curve: String,
    },
    /// Something else (DSA, unknown OID).
    Other {
        /// The algorithm OID.
        oid: String,
    },
}

/// What was read from one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertSummary {
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// notBefore, Unix seconds.
    pub not_before: i64,
    /// notAfter, Unix seconds.
    pub not_after: i64,
    /// Signature algorithm name (or OID).
    pub signature_algorithm: String,
    /// Public key.
    pub key: KeyInfo,
}

/// A chain could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    /// No certificate in the input.
    #[error("no certificate found")]
    Empty,
    /// PEM framing was broken.
    #[error("bad PEM: {0}")]
    Pem(String),
    /// A certificate did not parse as X.509 DER.
    #[error("certificate {index} is not valid X.509: {reason}")]
    Der {
        /// 0-based position in the chain.
        index: usize,
        /// Why.
        reason: String,
    },
}

impl ErrorCode for CertError {
    fn code(&self) -> &'static str {
        match self {
            CertError::Empty => "tls.cert_empty",
            CertError::Pem(_) => "tls.cert_pem",
            CertError::Der { .. } => "tls.cert_der",
        }
    }
}

impl egov_core::Localize for PolicyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            PolicyError::Toml(m) => egov_core::args!(reason = crate::format_error_vi("TOML", m)),
            PolicyError::Json(m) => egov_core::args!(reason = crate::format_error_vi("JSON", m)),
        }
    }
}

impl egov_core::Localize for CertError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        // `part` leads the message: empty here, the request's part in a `RequestError`.
        match self {
            CertError::Empty | CertError::Pem(_) => egov_core::args!(part = ""),
            CertError::Der { index, .. } => egov_core::args!(part = "", index = index),
        }
    }
}

impl CertError {
    /// The message values, the message led by `part` (the part of a request it is about).
    pub(crate) fn args_in(&self, part: &str) -> egov_core::i18n::Args {
        egov_core::Localize::message_args(self)
            .iter()
            .filter(|(name, _)| *name != "part")
            .fold(egov_core::args!(part = part), |a, (name, v)| {
                a.with(name, v.clone())
            })
    }
}

/// Loads a chain (leaf first) from PEM (any number of `CERTIFICATE` blocks) or one DER
/// certificate, and checks every certificate parses.
pub fn load_chain(input: &[u8]) -> Result<Vec<CertificateDer<'static>>, CertError> {
    let chain: Vec<CertificateDer<'static>> = if input.starts_with(&[0x30]) {
        vec![CertificateDer::from(input.to_vec())]
    } else {
        CertificateDer::pem_slice_iter(input)
            .collect::<Result<_, _>>()
            .map_err(|e| CertError::Pem(e.to_string()))?
    };
    if chain.is_empty() {
        return Err(CertError::Empty);
    }
    for (index, c) in chain.iter().enumerate() {
        Certificate::from_der(c.as_ref()).map_err(|e| CertError::Der {
            index,
            reason: e.to_string(),
        })?;
    }
    Ok(chain)
}

/// Reads trust anchors (root certificates) from PEM or DER.
pub fn load_anchors(input: &[u8]) -> Result<Vec<TrustAnchor<'static>>, CertError> {
    load_chain(input)?
        .iter()
        .enumerate()
        .map(|(index, c)| {
            webpki::anchor_from_trusted_cert(c)
                .map(|a| a.to_owned())
                .map_err(|e| CertError::Der {
                    index,
                    reason: format!("{e:?}"),
                })
        })
        .collect()
}

/// Which roots count as "trusted third parties".
#[derive(Debug, Clone, Default)]
pub enum Anchors {
    /// The Mozilla roots built in through `webpki-roots` (version pinned in Cargo.lock).
    #[default]
    BuiltIn,
    /// Only the caller's roots.
    Custom(Vec<TrustAnchor<'static>>),
    /// The built-in roots plus the caller's.
    BuiltInAnd(Vec<TrustAnchor<'static>>),
}

impl Anchors {
    fn to_vec(&self) -> Vec<TrustAnchor<'static>> {
        match self {
            Anchors::BuiltIn => webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            Anchors::Custom(v) => v.clone(),
            Anchors::BuiltInAnd(v) => {
                let mut all = webpki_roots::TLS_SERVER_ROOTS.to_vec();
                all.extend(v.iter().cloned());
                all
            }
        }
    }
    /// A one-line description for findings and declarations.
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// [`Anchors::describe`] in Vietnamese, for a declaration read by people.
    pub fn describe_vi(&self) -> String {
        self.describe_in(Lang::Vi)
    }

    fn describe_in(&self, lang: Lang) -> String {
        let builtin = webpki_roots::TLS_SERVER_ROOTS.len();
        let (mozilla, supplied, and) = match lang {
            Lang::Vi => (
                "chứng thư gốc của Mozilla",
                "chứng thư gốc do người dùng cung cấp",
                "và",
            ),
            Lang::En => ("Mozilla roots", "caller-supplied roots", "+"),
        };
        match self {
            Anchors::BuiltIn => format!("webpki-roots ({builtin} {mozilla})"),
            Anchors::Custom(v) => format!("{} {supplied}", v.len()),
            Anchors::BuiltInAnd(v) => {
                format!("webpki-roots ({builtin}) {and} {} {supplied}", v.len())
            }
        }
    }
}

/// The TLS evidence for one site.
#[derive(Debug, Clone, Default)]
pub struct TlsEvidence {
    /// The chain the server sent, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    /// The host name the site is reached by.
    pub host: String,
    /// The negotiated protocol version (`TLSv1.3`), if known.
    pub version: Option<String>,
    /// The negotiated cipher suite (IANA name), if known.
    pub cipher_suite: Option<String>,
}

fn sig_alg_name(oid: &str) -> &str {
    match oid {
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        other => other,
    }
}

fn curve_name(oid: &str) -> &str {
    match oid {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        other => other,
    }
}

/// Length in bits of the first INTEGER inside an RSAPublicKey SEQUENCE (RFC 8017 A.1.1).
fn rsa_modulus_bits(key: &[u8]) -> Option<u32> {
    fn header(b: &[u8], tag: u8) -> Option<(usize, usize)> {
        if *b.first()? != tag {
            return None;
        }
        let l0 = *b.get(1)?;
        if l0 < 0x80 {
            return Some((2, usize::from(l0)));
        }
        let n = usize::from(l0 & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let len = b
            .get(2..2 + n)?
            .iter()
            .fold(0usize, |a, &x| (a << 8) | usize::from(x));
        Some((2 + n, len))
    }
    let (h, _) = header(key, 0x30)?;
    let rest = key.get(h..)?;
    let (h2, len) = header(rest, 0x02)?;
    let mut m = rest.get(h2..h2 + len)?;
    while let [0, tail @ ..] = m {
        m = tail;
    }
    let first = *m.first()?;
    let bits = (m.len() - 1) * 8 + (8 - first.leading_zeros() as usize);
    u32::try_from(bits).ok()
}

/// Reads subject, issuer, dates, signature algorithm and key from a DER certificate.
pub fn summarize(cert: &CertificateDer<'_>) -> Option<CertSummary> {
    let c = Certificate::from_der(cert.as_ref()).ok()?;
    let tbs = c.tbs_certificate();
    let spki = tbs.subject_public_key_info();
    let alg = spki.algorithm.oid.to_string();
    let key = match alg.as_str() {
        "1.2.840.113549.1.1.1" => KeyInfo::Rsa {
            bits: rsa_modulus_bits(spki.subject_public_key.raw_bytes())?,
        },
        "1.2.840.10045.2.1" => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| x509_cert::der::asn1::ObjectIdentifier::from_bytes(p.value()).ok())
                .map(|o| curve_name(&o.to_string()).to_owned())
                .unwrap_or_else(|| "unknown".to_owned());
            KeyInfo::Ec { curve }
        }
        "1.3.101.112" => KeyInfo::Ec {
            curve: "Ed25519".to_owned(),
        },
        "1.3.101.113" => KeyInfo::Ec {
            curve: "Ed448".to_owned(),
        },
        _ => KeyInfo::Other { oid: alg },
    };
    let secs = |t: x509_cert::time::Time| {
        i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
    };
    Some(CertSummary {
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        not_before: secs(tbs.validity().not_before),
        not_after: secs(tbs.validity().not_after),
        signature_algorithm: sig_alg_name(&c.signature_algorithm().oid.to_string()).to_owned(),
        key,
    })
}

fn is_self_issued(cert: &CertificateDer<'_>) -> bool {
    Certificate::from_der(cert.as_ref()).is_ok_and(|c| {
        let t = c.tbs_certificate();
        t.subject().to_der().ok() == t.issuer().to_der().ok()
    })
}

/// A certificate's time in English (ISO 8601) and Vietnamese prose; the raw seconds when out of
/// range.
/// The certificate at position `i` of the chain as sent, for people: the server's own first,
/// then counted from 1 as a reader counts (the evidence keeps the certificate itself).
fn cert_en(i: usize) -> String {
    if i == 0 {
        "the server's certificate".to_owned()
    } else {
        format!("certificate {} of the chain", i + 1)
    }
}

/// [`cert_en`] in Vietnamese.
fn cert_vi(i: usize) -> String {
    if i == 0 {
        "chứng thư của máy chủ".to_owned()
    } else {
        format!("chứng thư thứ {} trong chuỗi", i + 1)
    }
}

/// Why webpki refused a chain, in words (its `Debug` names, such as `UnknownIssuer`, are for
/// developers; the evidence keeps that name). Errors without words here keep the name.
fn webpki_reason(e: &webpki::Error, lang: Lang) -> String {
    use webpki::Error as E;
    let (en, vi) = match e {
        E::UnknownIssuer => (
            "no certificate of the chain or of the trust anchors issued it",
            "không tìm thấy bên cấp trong chuỗi hay trong các chứng thư gốc tin cậy",
        ),
        E::CertExpired { .. } => (
            "a certificate of the chain has expired",
            "có chứng thư trong chuỗi đã hết hạn",
        ),
        E::CertNotValidYet { .. } => (
            "a certificate of the chain is not valid yet",
            "có chứng thư trong chuỗi chưa có hiệu lực",
        ),
        E::CertRevoked => (
            "a certificate of the chain is revoked",
            "có chứng thư trong chuỗi đã bị thu hồi",
        ),
        E::CertDistrusted => (
            "a key of the chain is distrusted",
            "có khóa trong chuỗi bị đánh dấu không tin cậy",
        ),
        E::InvalidSignatureForPublicKey => (
            "a signature of the chain does not verify",
            "có chữ ký trong chuỗi không kiểm tra được",
        ),
        E::UnsupportedSignatureAlgorithmContext(_)
        | E::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => (
            "a certificate is signed with an algorithm not accepted",
            "có chứng thư ký bằng thuật toán không được chấp nhận",
        ),
        E::CaUsedAsEndEntity => (
            "the server's certificate is a CA certificate",
            "chứng thư của máy chủ là chứng thư của tổ chức cấp (CA)",
        ),
        E::EndEntityUsedAsCa => (
            "a certificate that is not a CA's issued another",
            "một chứng thư không phải của tổ chức cấp (CA) lại cấp chứng thư khác",
        ),
        E::RequiredEkuNotFoundContext(_) => (
            "the certificate is not for server authentication (extended key usage)",
            "chứng thư không dùng để xác thực máy chủ (mục đích sử dụng khóa mở rộng)",
        ),
        E::PathLenConstraintViolated | E::NameConstraintViolation => (
            "the chain breaks a constraint of its issuers (path length or names)",
            "chuỗi vi phạm ràng buộc của bên cấp (độ dài chuỗi hoặc tên)",
        ),
        E::MaximumPathDepthExceeded | E::MaximumPathBuildCallsExceeded => (
            "the chain is too long to check",
            "chuỗi quá dài để kiểm tra",
        ),
        E::BadDer | E::BadDerTime | E::TrailingData(_) | E::MalformedExtensions => (
            "a certificate is not well-formed DER",
            "có chứng thư không đúng cấu trúc DER",
        ),
        E::UnsupportedCertVersion | E::UnsupportedCriticalExtension => (
            "a certificate has a version or critical extension not supported",
            "có chứng thư mang phiên bản hoặc phần mở rộng bắt buộc không được hỗ trợ",
        ),
        _ => {
            return match lang {
                Lang::En => format!("webpki refused the chain ({e:?})"),
                Lang::Vi => format!("webpki từ chối chuỗi ({e:?})"),
            }
        }
    };
    format!(
        "{} (webpki: {})",
        match lang {
            Lang::En => en,
            Lang::Vi => vi,
        },
        webpki_name(e)
    )
}

/// The variant's name alone (`CertExpired`, without the times of its fields).
fn webpki_name(e: &webpki::Error) -> String {
    let debug = format!("{e:?}");
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn when(secs: i64) -> (String, String) {
    VnDateTime::from_unix_seconds(secs).map_or_else(
        |_| (secs.to_string(), secs.to_string()),
        |d| (d.to_string(), egov_core::i18n::datetime_vi(d)),
    )
}

/// TRUST-02.c (NĐ 137/2024 Đ21.2.c, A-20): evaluates the chain and TLS parameters. Findings:
/// chain parses; not self-signed; every certificate valid at `now`; a path to a trust anchor
/// (checked at a time inside the leaf's validity so expiry is reported separately); host name
/// match; key strength and signature algorithms (policy tiers; the anchor's own signature is not
/// judged); TLS version and cipher suite (policy tiers; `Unknown` when not given).
pub fn evaluate_tls(
    evidence: Option<&TlsEvidence>,
    anchors: &Anchors,
    policy: &TlsPolicy,
    now: VnDateTime,
) -> CriterionVerdict {
    let c = Criterion::C;
    let Some(ev) = evidence.filter(|e| !e.chain.is_empty()) else {
        return CriterionVerdict::from_findings(
            c,
            vec![finding(
                c,
                Outcome::Unknown,
                "no certificate chain was given",
                "chưa có chuỗi chứng thư số",
            )],
        );
    };
    let mut out: Vec<Finding> = Vec::new();
    let summaries: Vec<Option<CertSummary>> = ev.chain.iter().map(summarize).collect();
    let Some(Some(leaf)) = summaries.first() else {
        out.push(finding(
            c,
            Outcome::Fail,
            "the leaf certificate could not be read",
            "không đọc được chứng thư số của máy chủ",
        ));
        return CriterionVerdict::from_findings(c, out);
    };
    let policy_ev = serde_json::json!({ "policy": policy.name });

    // Self-signed leaf.
    if is_self_issued(&ev.chain[0]) {
        out.push(
            finding(
                c,
                Outcome::Fail,
                format!(
                    "the certificate for {} is self-signed ({})",
                    ev.host, leaf.subject
                ),
                format!("chứng thư số của {} là tự ký ({})", ev.host, leaf.subject),
            )
            .with_field("chain")
            .with_evidence(serde_json::json!({ "code": "tls.self_signed", "leaf": leaf })),
        );
    }

    // Validity at `now`.
    let t = now.unix_seconds();
    for (i, s) in summaries.iter().enumerate() {
        let Some(s) = s else {
            out.push(finding(
                c,
                Outcome::Fail,
                format!("{} could not be read", cert_en(i)),
                format!("không đọc được {}", cert_vi(i)),
            ));
            continue;
        };
        let (code, en, vi) = if t > s.not_after {
            ("tls.expired", "expired on", "hết hạn lúc")
        } else if t < s.not_before {
            (
                "tls.not_yet_valid",
                "not valid before",
                "chưa có hiệu lực trước",
            )
        } else {
            continue;
        };
        let (when_en, when_vi) = when(if code == "tls.expired" {
            s.not_after
        } else {
            s.not_before
        });
        out.push(
            finding(
                c,
                Outcome::Fail,
                format!("{} ({}) {en} {when_en}", cert_en(i), s.subject),
                format!("{} ({}) {vi} {when_vi}", cert_vi(i), s.subject),
            )
            .with_field("chain")
            .with_evidence(serde_json::json!({ "code": code, "certificate": s })),
        );
    }
    let valid_now = !out.iter().any(|f| f.outcome == Outcome::Fail);

    // Path to a trust anchor, at a time the leaf is valid.
    let anchor_list = anchors.to_vec();
    let path_time = if valid_now {
        t
    } else {
        leaf.not_before + (leaf.not_after - leaf.not_before) / 2
    };
    let ee = webpki::EndEntityCert::try_from(&ev.chain[0]);
    match &ee {
        Err(e) => out.push(finding(
            c,
            Outcome::Fail,
            format!(
                "the server's certificate is not usable for TLS: {}",
                webpki_reason(e, Lang::En)
            ),
            format!(
                "chứng thư số của máy chủ không dùng được cho TLS: {}",
                webpki_reason(e, Lang::Vi)
            ),
        )),
        Ok(ee) => {
            let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
                u64::try_from(path_time).unwrap_or(0),
            ));
            let res = ee.verify_for_usage(
                webpki::ALL_VERIFICATION_ALGS,
                &anchor_list,
                &ev.chain[1..],
                time,
                webpki::KeyUsage::server_auth(),
                None,
                None,
            );
            let (anchors_en, anchors_vi) = (anchors.describe(), anchors.describe_vi());
            out.push(
                match res {
                    Ok(path) => finding(
                        c,
                        Outcome::Pass,
                        format!(
                            "the server's certificate and {} intermediate(s) lead to a trusted root ({anchors_en})",
                            path.intermediate_certificates().count()
                        ),
                        format!(
                            "chứng thư của máy chủ và {} chứng thư trung gian dẫn tới chứng thư gốc tin cậy ({anchors_vi})",
                            path.intermediate_certificates().count()
                        ),
                    ),
                    Err(e) => finding(
                        c,
                        Outcome::Fail,
                        format!(
                            "no path to a trusted root ({anchors_en}): {}",
                            webpki_reason(&e, Lang::En)
                        ),
                        format!(
                            "không xác thực được tới chứng thư gốc tin cậy ({anchors_vi}): {}",
                            webpki_reason(&e, Lang::Vi)
                        ),
                    )
                    .with_evidence(
                        serde_json::json!({ "code": "tls.untrusted", "webpki": format!("{e:?}") }),
                    ),
                }
                .with_field("chain"),
            );
            // Host name.
            let name_ok = ServerName::try_from(ev.host.trim_end_matches('.'))
                .ok()
                .is_some_and(|n| ee.verify_is_valid_for_subject_name(&n).is_ok());
            out.push(
                if name_ok {
                    finding(
                        c,
                        Outcome::Pass,
                        format!("the certificate is valid for {}", ev.host),
                        format!("chứng thư số hợp lệ cho {}", ev.host),
                    )
                } else {
                    finding(
                        c,
                        Outcome::Fail,
                        format!("the certificate is not valid for host {}", ev.host),
                        format!("chứng thư số không hợp lệ cho tên miền {}", ev.host),
                    )
                    .with_evidence(serde_json::json!({ "code": "tls.host_mismatch" }))
                }
                .with_field("host"),
            );
        }
    }

    // Key strength and signatures: every certificate sent, except a self-issued root at the end
    // of a longer chain (its signature is not relied on).
    let n = ev.chain.len();
    for (i, s) in summaries.iter().enumerate() {
        let Some(s) = s else { continue };
        let kt = policy.key_tier(&s.key);
        let key_desc = match &s.key {
            KeyInfo::Rsa { bits } => format!("RSA {bits}"),
            KeyInfo::Ec { curve } => curve.clone(),
            KeyInfo::Other { oid } => oid.clone(),
        };
        out.push(
            finding(
                c,
                kt.outcome(),
                format!("key of {} {key_desc}: {}", cert_en(i), kt.en()),
                format!("khóa của {} {key_desc}: {}", cert_vi(i), kt.vi()),
            )
            .with_field("key")
            .with_evidence(serde_json::json!({ "tier": kt, "policy": policy.name })),
        );
        if i > 0 && i == n - 1 && is_self_issued(&ev.chain[i]) {
            continue;
        }
        let st = TlsPolicy::lookup(&policy.signature_algorithms, &s.signature_algorithm);
        out.push(
            finding(
                c,
                st.outcome(),
                format!(
                    "{} signed with {}: {}",
                    cert_en(i),
                    s.signature_algorithm,
                    st.en()
                ),
                format!(
                    "{} ký bằng {}: {}",
                    cert_vi(i),
                    s.signature_algorithm,
                    st.vi()
                ),
            )
            .with_field("signature_algorithm")
            .with_evidence(serde_json::json!({ "tier": st, "policy": policy.name })),
        );
    }

    // Negotiated parameters.
    for (field, value, tier, what, what_vi) in [
        (
            "tls_version",
            ev.version.as_deref(),
            ev.version.as_deref().map(|v| policy.version_tier(v)),
            "TLS version",
            "phiên bản TLS",
        ),
        (
            "cipher_suite",
            ev.cipher_suite.as_deref(),
            ev.cipher_suite.as_deref().map(|v| policy.cipher_tier(v)),
            "cipher suite",
            "bộ mã hóa",
        ),
    ] {
        out.push(
            match (value, tier) {
                (Some(v), Some(t)) => finding(
                    c,
                    t.outcome(),
                    format!("{what} {v}: {}", t.en()),
                    format!("{what_vi} {v}: {}", t.vi()),
                )
                .with_evidence(serde_json::json!({ "tier": t, "policy": policy.name })),
                _ => finding(
                    c,
                    Outcome::Unknown,
                    format!("the negotiated {what} was not given"),
                    format!("chưa có {what_vi} đã thương lượng"),
                )
                .with_evidence(policy_ev.clone()),
            }
            .with_field(field),
        );
    }
    CriterionVerdict::from_findings(c, out)
}
