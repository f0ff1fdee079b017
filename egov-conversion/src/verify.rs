//! Offline verification of a mark's QR payload, as a ladder of states (c2pa style):
//! malformed → well-formed → valid signature → trusted key → content matches.
//!
//! ## Key lifecycle: retired vs compromised (CONV-05, NĐ 137/2024 Đ4.2.b; §7)
//!
//! The conversion time in a payload is written by the signer, so it can only be trusted as far
//! as the key is. The trust set therefore distinguishes two ways a key stops being trusted:
//!
//! * **Retired** (`not_after`): the key holder stopped using the key at that instant and its
//!   secret is kept safe or destroyed. Marks dated up to `not_after` stay trusted; a mark
//!   claiming a later time is refused (`trust.outside_validity`). This is the normal rotation.
//! * **Compromised** (`compromised: true`): the secret is, or may be, known to someone else.
//!   Anyone holding it can write any conversion time, including one inside the validity
//!   window, so **no** mark signed with it is trusted, whatever date it claims
//!   (`trust.key_compromised`). Marks made before the compromise must be re-signed with a new
//!   key (or verified through the system's records) to be trusted again.
//!
//! A retired key whose secret later leaks must be marked compromised: retirement alone does
//! not stop backdating.

use egov_core::{ErrorCode, Lang, VnDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::mark::ConversionMark;
use crate::payload::{self, content_digest, hex, key_id_bytes, parse_hex, ContentScope};

/// An Ed25519 public key, serialised as 64 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl Serialize for PublicKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex(&self.0))
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for PublicKey {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PublicKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9a-fA-F]{64}$",
            "description": "An Ed25519 public key, 64 hex digits."
        })
    }
}

impl<'de> Deserialize<'de> for PublicKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_hex::<32>(&s)
            .map(PublicKey)
            .ok_or_else(|| egov_core::i18n::de_error(PublicKeyError))
    }
}

/// A public key that is not 64 hex digits (a 32-byte Ed25519 key), as a trust set, a trust
/// list or a key file gives it (CONV-03: the key a mark is verified with).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("public_key must be 64 hex digits (a 32-byte Ed25519 key)")]
pub struct PublicKeyError;

impl egov_core::Localize for PublicKeyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
}

impl ErrorCode for PublicKeyError {
    fn code(&self) -> &'static str {
        "key.public_key"
    }
}

/// A key the caller trusts to sign marks, with its validity window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrustedKey {
    /// Who holds the key (agency name, system name).
    pub label: String,
    /// The Ed25519 public key.
    pub public_key: PublicKey,
    /// Marks converted before this instant are not trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<VnDateTime>,
    /// Retirement: marks claiming a conversion time after this instant are not trusted; marks
    /// dated before stay trusted (see the module docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<VnDateTime>,
    /// The key's secret is, or may be, known to others: no mark it signed is trusted, whatever
    /// conversion time it claims (a stolen key can backdate; see the module docs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compromised: bool,
}

impl TrustedKey {
    /// A key trusted without a validity window.
    pub fn new(label: impl Into<String>, public_key: PublicKey) -> Self {
        TrustedKey {
            label: label.into(),
            public_key,
            not_before: None,
            not_after: None,
            compromised: false,
        }
    }
}

/// The caller's trust set. JSON form: `{"keys":[{"label":…,"public_key":"<64 hex>",
/// "not_before":…,"not_after":…}]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrustSet {
    /// The trusted keys.
    pub keys: Vec<TrustedKey>,
}

impl TrustSet {
    /// Parses the JSON form.
    pub fn from_json(json: &str) -> Result<Self, TrustSetError> {
        serde_json::from_str(json).map_err(|e| TrustSetError(e.to_string()))
    }
}

/// The trust set JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid trust set: {0}")]
pub struct TrustSetError(pub String);

impl egov_core::Localize for TrustSetError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        args!(reason = crate::format_error_vi("JSON", &self.0))
    }
}

impl ErrorCode for TrustSetError {
    fn code(&self) -> &'static str {
        "trust_set.invalid"
    }
}

/// How far verification got. Ordered: each state implies the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerificationState {
    /// Not a payload this SDK can read.
    Malformed,
    /// Parsed: the canonical encoding of a mark.
    WellFormed,
    /// The Ed25519 signature verifies with a trust-set key whose id matches the payload's.
    SignatureValid,
    /// That key was valid at the conversion time.
    KeyTrusted,
    /// The supplied content hashes to the signed SHA-256.
    ContentMatches,
}

/// The step that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Decoding the payload (→ well-formed).
    Decode,
    /// Checking the signature (→ signature valid).
    Signature,
    /// Looking the key up in the trust set (→ key trusted).
    Trust,
    /// Comparing the content hash (→ content matches).
    Content,
}

/// Which step failed and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Failure {
    /// The step.
    pub step: Step,
    /// Stable machine code (`payload.truncated`, `signature.unknown_key`,
    /// `signature.invalid`, `trust.outside_validity`, `trust.key_compromised`, `content.mismatch`).
    pub code: String,
    /// Why, in English.
    pub reason: String,
    /// Why, in Vietnamese (CORE-06): for the clerk's CLI and the citizen's verification page.
    #[serde(default)]
    pub reason_vi: String,
}

/// The outcome of verifying one payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Verification {
    /// The highest state reached.
    pub state: VerificationState,
    /// The failure that stopped verification, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    /// Whether content was supplied and compared.
    pub content_checked: bool,
    /// The decoded mark (present from `well_formed` on; not trustworthy below `key_trusted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ConversionMark>,
    /// Hex SHA-256 the payload claims for the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_sha256: Option<String>,
    /// What the hash covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_scope: Option<ContentScope>,
    /// The signer's key identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// The trust-set label of the signer, once trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// The lookup URL the QR opens, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup_url: Option<String>,
}

impl Verification {
    /// True when nothing failed and the key is trusted (content matched if it was supplied).
    pub fn is_verified(&self) -> bool {
        self.failure.is_none() && self.state >= VerificationState::KeyTrusted
    }

    fn fail(mut self, step: Step, code: &str, (reason, reason_vi): (String, String)) -> Self {
        self.failure = Some(Failure {
            step,
            code: code.to_owned(),
            reason,
            reason_vi,
        });
        self
    }
}

/// Verifies a QR text offline (CONV-03 / CONV-12 payload; format in the crate docs).
///
/// Steps, each reached only if the previous passed: decode ([`payload::decode`]) →
/// Ed25519 strict signature with a key of `trust` whose id matches the payload's key id → the
/// conversion time lies in that key's validity window → when `content` is given, its SHA-256
/// equals the signed hash ([`ContentScope`]: the bytes before marking).
///
/// ```
/// use egov_conversion::payload::{content_digest, PayloadOptions};
/// use egov_conversion::{sign, verify, ConversionMark, Profile, PublicKey, SigningKey, TrustSet,
///     TrustedKey, VerificationState, Wording};
/// let key = SigningKey::from_bytes(&[7; 32]);
/// let at = egov_core::VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap();
/// let mark = ConversionMark::paper_to_data(Profile::General, at, "UBND phường Hàng Bạc",
///     &Wording::default());
/// let scan = b"unmarked scan bytes";
/// let signed = sign(&mark, &content_digest(scan), &key, &PayloadOptions::default()).unwrap();
/// let trust = TrustSet { keys: vec![TrustedKey { label: "UBND phường Hàng Bạc".into(),
///     public_key: PublicKey(key.verifying_key().to_bytes()), not_before: None, not_after: None,
///     compromised: false }] };
/// let v = verify(&signed.qr_text, &trust, Some(scan));
/// assert_eq!(v.state, VerificationState::ContentMatches);
/// let v = verify(&signed.qr_text, &TrustSet::default(), None);
/// assert_eq!(v.state, VerificationState::WellFormed); // no key to check the signature with
/// assert!(!v.is_verified());
/// ```
pub fn verify(qr_text: &str, trust: &TrustSet, content: Option<&[u8]>) -> Verification {
    let mut v = Verification {
        state: VerificationState::Malformed,
        failure: None,
        content_checked: false,
        mark: None,
        content_sha256: None,
        content_scope: None,
        key_id: None,
        signer: None,
        lookup_url: None,
    };
    let p = match payload::decode(qr_text) {
        Ok(p) => p,
        Err(e) => {
            let why = (e.to_string(), egov_core::Localize::message(&e, Lang::Vi));
            return v.fail(Step::Decode, e.code(), why);
        }
    };
    v.state = VerificationState::WellFormed;
    v.mark = Some(p.mark.clone());
    v.content_sha256 = Some(hex(&p.content_sha256));
    v.content_scope = Some(p.content_scope);
    v.key_id = Some(hex(&p.key_id));
    v.lookup_url = p.lookup_url.clone();

    let candidates: Vec<&TrustedKey> = trust
        .keys
        .iter()
        .filter(|k| key_id_bytes(&k.public_key.0) == p.key_id)
        .collect();
    if candidates.is_empty() {
        return v.fail(
            Step::Signature,
            "signature.unknown_key",
            (
                format!(
                    "no key with id {} in the trust set: the signature cannot be checked",
                    hex(&p.key_id)
                ),
                format!(
                    "tập khóa tin cậy không có khóa mã {}: không kiểm tra được chữ ký",
                    hex(&p.key_id)
                ),
            ),
        );
    }
    let mut last_err = String::new();
    let signers: Vec<&TrustedKey> = candidates
        .into_iter()
        .filter(|k| match p.check_signature(&k.public_key.0) {
            Ok(()) => true,
            Err(e) => {
                last_err = e;
                false
            }
        })
        .collect();
    if signers.is_empty() {
        let vi = "chữ ký không hợp lệ: ký hiệu đã bị sửa đổi hoặc giả mạo".to_owned();
        return v.fail(Step::Signature, "signature.invalid", (last_err, vi));
    }
    v.state = VerificationState::SignatureValid;

    if let Some(k) = signers.iter().find(|k| k.compromised) {
        return v.fail(
            Step::Trust,
            "trust.key_compromised",
            (
                format!(
                    "key {} ({}) is marked compromised in the trust set: no mark it signed is trusted, whatever conversion time it claims",
                    hex(&p.key_id),
                    k.label
                ),
                format!(
                    "khóa {} ({}) đã bị lộ theo tập khóa tin cậy: không tin cậy ký hiệu nào do khóa này ký, dù ghi thời gian chuyển đổi nào",
                    hex(&p.key_id),
                    k.label
                ),
            ),
        );
    }
    let at = p.mark.converted_at;
    let valid = signers
        .iter()
        .find(|k| k.not_before.is_none_or(|nb| at >= nb) && k.not_after.is_none_or(|na| at <= na));
    let Some(key) = valid else {
        return v.fail(
            Step::Trust,
            "trust.outside_validity",
            (
                format!(
                    "key {} ({}) was not valid at the conversion time {at}",
                    hex(&p.key_id),
                    signers.first().map(|k| k.label.as_str()).unwrap_or("")
                ),
                format!(
                    "khóa {} ({}) không trong thời hạn sử dụng vào thời gian chuyển đổi {}",
                    hex(&p.key_id),
                    signers.first().map(|k| k.label.as_str()).unwrap_or(""),
                    egov_core::i18n::datetime_vi(at)
                ),
            ),
        );
    };
    v.state = VerificationState::KeyTrusted;
    v.signer = Some(key.label.clone());

    if let Some(content) = content {
        v.content_checked = true;
        let actual = content_digest(content);
        if actual != p.content_sha256 {
            return v.fail(
                Step::Content,
                "content.mismatch",
                (
                    format!(
                        "content SHA-256 {} differs from the signed {}",
                        hex(&actual),
                        hex(&p.content_sha256)
                    ),
                    format!(
                        "nội dung không khớp: mã băm SHA-256 {} khác mã đã ký {}",
                        hex(&actual),
                        hex(&p.content_sha256)
                    ),
                ),
            );
        }
        v.state = VerificationState::ContentMatches;
    }
    v
}
