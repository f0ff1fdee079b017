//! The signed QR payload, format version 1 (CONV-03 Đ4.1.a, CONV-12 Đ5.2.a; A-10). The format
//! is specified in the crate documentation ("Signed payload v1").

use std::collections::BTreeMap;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use egov_core::{ErrorCode, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::is_nfc;

use crate::digits;
use crate::mark::{AccessLocator, ConversionMark, Direction, Profile, SourceSystem, Wording};
use crate::validate::{looks_like_url, validate, MAX_FIELD_BYTES};

/// Format version carried in the first byte of the body.
pub const VERSION: u8 = 1;
/// Marker that starts the payload text (after the `#` when there is a lookup URL).
pub const PREFIX: &str = "EGCM:";
/// Domain-separation tag at the start of the signed message.
pub const SIGNING_CONTEXT: &[u8] = b"egov-conversion-mark:v1";
/// Hard limit on the QR text the decoder looks at (longer input is rejected unread).
pub const MAX_QR_TEXT: usize = 4096;
/// Hard limit on the body size, in bytes, for encoder and decoder.
pub const MAX_BODY: usize = 1024;
/// Most extension fields a payload may carry.
pub const MAX_EXTENSIONS: usize = 16;
/// Bytes after the variable part: SHA-256, key id, signature.
const TRAILER: usize = 32 + KEY_ID_LEN + 64;
/// Length of the key identifier.
pub const KEY_ID_LEN: usize = 8;
/// Smallest possible body: fixed header, two tags, one name, source tag, extension count, trailer.
const MIN_BODY: usize = 8 + 1 + 1 + 1 + 1 + TRAILER;

/// What the content hash covers. Version 1 defines one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentScope {
    /// SHA-256 of the exact bytes of the converted content **before** the mark is applied: for
    /// paper → data, the unmarked file produced by the conversion (scan, PDF); for data → paper,
    /// the original data message as stored on the information system (what the locator returns).
    ExactBytesBeforeMarking,
}

impl ContentScope {
    fn code(self) -> u8 {
        match self {
            ContentScope::ExactBytesBeforeMarking => 1,
        }
    }
}

/// SHA-256 of the content (see [`ContentScope`]).
pub fn content_digest(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

/// The key identifier carried in the payload: the first 8 bytes of SHA-256 of the 32-byte
/// Ed25519 public key.
pub fn key_id_bytes(public_key: &[u8; 32]) -> [u8; KEY_ID_LEN] {
    let d: [u8; 32] = Sha256::digest(public_key).into();
    let mut id = [0u8; KEY_ID_LEN];
    id.copy_from_slice(d.get(..KEY_ID_LEN).unwrap_or(&[0; KEY_ID_LEN]));
    id
}

/// The key identifier in lowercase hex (16 digits), as shown to people and in trust sets.
pub fn key_id(public_key: &[u8; 32]) -> String {
    hex(&key_id_bytes(public_key))
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(H[usize::from(b >> 4)]));
        s.push(char::from(H[usize::from(b & 15)]));
    }
    s
}

/// Parses hex (either case) into exactly `N` bytes.
pub fn parse_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let s = s.trim().as_bytes();
    if s.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (o, pair) in out.iter_mut().zip(s.chunks(2)) {
        let v = |c: u8| char::from(c).to_digit(16);
        let (hi, lo) = match pair {
            [a, b] => (v(*a)?, v(*b)?),
            _ => return None,
        };
        *o = u8::try_from(hi * 16 + lo).ok()?;
    }
    Some(out)
}

/// Size limits for the encoder (A-10 and the issue's size discipline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayloadLimits {
    /// Largest body accepted, in bytes (never above [`MAX_BODY`]). Default 600.
    pub max_body_bytes: usize,
    /// Largest QR version accepted at error-correction level M. Default 17 (85 modules): with
    /// the default 0.51 mm modules the printed code is at most 47 mm square with its quiet
    /// zone, and the longest real Vietnamese agency and system names, a locator URL and a
    /// lookup URL still fit.
    pub max_qr_version: u8,
}

impl Default for PayloadLimits {
    fn default() -> Self {
        PayloadLimits {
            max_body_bytes: 600,
            max_qr_version: 17,
        }
    }
}

/// Options for [`sign`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayloadOptions {
    /// A lookup page: the QR then opens `lookup_url#EGCM:…` on a phone, the payload riding in
    /// the fragment (never sent to the server). The URL is covered by the signature. It must be
    /// an http(s) URL without `#`, at most 255 bytes.
    #[serde(default)]
    pub lookup_url: Option<String>,
    /// Size limits.
    #[serde(default)]
    pub limits: PayloadLimits,
}

/// A signed mark, ready to print as a QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedMark {
    /// The mark as signed (normalised: NFC, whole seconds).
    pub mark: ConversionMark,
    /// SHA-256 of the content (see [`ContentScope`]).
    pub content_sha256: [u8; 32],
    /// The signer's Ed25519 public key.
    pub public_key: [u8; 32],
    /// The lookup URL, if any.
    pub lookup_url: Option<String>,
    /// The binary body (spec: "Signed payload v1").
    pub body: Vec<u8>,
    /// The text to put in the QR code.
    pub qr_text: String,
    /// The QR version the text needs at error-correction level M.
    pub qr_version: u8,
}

impl SignedMark {
    /// The key identifier (see [`key_id`]).
    pub fn key_id(&self) -> String {
        key_id(&self.public_key)
    }
}

/// Why a mark could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadError {
    /// The mark fails validation; lists `rule field` for each failed finding.
    #[error("the mark is not valid: {}", .0.join(", "))]
    InvalidMark(Vec<String>),
    /// A field is longer than 255 bytes.
    #[error("field {field} is {len} bytes long; at most {MAX_FIELD_BYTES} fit in the payload")]
    FieldTooLong {
        /// The field.
        field: &'static str,
        /// Its length in bytes.
        len: usize,
    },
    /// More than [`MAX_EXTENSIONS`] extensions.
    #[error("{0} extensions; at most {MAX_EXTENSIONS} fit in the payload")]
    TooManyExtensions(usize),
    /// The conversion time is outside 1970–2106 (unsigned 32-bit seconds).
    #[error("conversion time {0} cannot be encoded (1970-01-01 to 2106-02-07 only)")]
    TimeOutOfRange(String),
    /// The lookup URL is not an http(s) URL without `#`, or is too long.
    #[error("lookup URL '{0}' must be an http(s) URL without '#', at most 255 bytes")]
    InvalidLookupUrl(String),
    /// The payload is over a configured limit.
    #[error("payload too large: {what} is {size}, the limit is {limit}")]
    TooLarge {
        /// What was measured (`body bytes`, `QR version at level M`).
        what: &'static str,
        /// The measured size.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

impl egov_core::Localize for PayloadError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            PayloadError::InvalidMark(failed) => args!(failed = failed.join(", ")),
            PayloadError::FieldTooLong { field, len } => {
                args!(field = *field, len = len, max = MAX_FIELD_BYTES)
            }
            PayloadError::TooManyExtensions(n) => args!(count = n, max = MAX_EXTENSIONS),
            PayloadError::TimeOutOfRange(t) => args!(time = egov_core::i18n::iso_vi(t)),
            PayloadError::InvalidLookupUrl(u) => args!(url = u),
            PayloadError::TooLarge { what, size, limit } => args!(
                what = match *what {
                    "body bytes" => "số byte phần thân",
                    "QR version at level M" => "phiên bản mã QR ở mức sửa lỗi M",
                    other => other,
                },
                size = size,
                limit = limit
            ),
        }
    }
}

impl ErrorCode for PayloadError {
    fn code(&self) -> &'static str {
        match self {
            PayloadError::InvalidMark(_) => "payload.invalid_mark",
            PayloadError::FieldTooLong { .. } => "payload.field_too_long",
            PayloadError::TooManyExtensions(_) => "payload.too_many_extensions",
            PayloadError::TimeOutOfRange(_) => "payload.time_out_of_range",
            PayloadError::InvalidLookupUrl(_) => "payload.invalid_lookup_url",
            PayloadError::TooLarge { .. } => "payload.too_large",
        }
    }
}

/// Why a QR text is not a well-formed payload. Every variant says where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Malformed {
    /// The text is longer than [`MAX_QR_TEXT`].
    #[error("QR text is {0} bytes; at most {MAX_QR_TEXT} are read")]
    TextTooLong(usize),
    /// No `EGCM:` marker where the payload should start.
    #[error("not a conversion-mark payload: no '{PREFIX}' marker")]
    NoPrefix,
    /// The part before `#` is not an acceptable lookup URL.
    #[error("lookup URL part is not an http(s) URL of at most 255 bytes")]
    BadLookupUrl,
    /// The digits are not a valid encoding.
    #[error("payload digits invalid: {0}")]
    Digits(String),
    /// The body is shorter or longer than any valid body.
    #[error("body length {0} out of range ({MIN_BODY}..={MAX_BODY})")]
    BodyLength(usize),
    /// Unknown format version.
    #[error("unsupported format version {0}")]
    UnsupportedVersion(u8),
    /// The body ends inside a field.
    #[error("body truncated in field {field} at byte {offset}")]
    Truncated {
        /// The field being read.
        field: &'static str,
        /// Byte offset in the body.
        offset: usize,
    },
    /// A tag byte with no meaning.
    #[error("field {field} has invalid value {value} at byte {offset}")]
    BadValue {
        /// The field.
        field: &'static str,
        /// The byte read.
        value: u8,
        /// Byte offset in the body.
        offset: usize,
    },
    /// A string is not UTF-8 in NFC.
    #[error("field {field} at byte {offset} is not UTF-8 text in NFC")]
    BadText {
        /// The field.
        field: &'static str,
        /// Byte offset in the body.
        offset: usize,
    },
    /// Inline text equal to the default wording (must use the tag), unsorted extensions, or a
    /// time with a non-canonical form: the encoding is not the canonical one.
    #[error("non-canonical encoding: {0}")]
    NonCanonical(&'static str),
    /// Bytes left over before the trailer.
    #[error("{0} unexpected bytes before the hash, key id and signature")]
    TrailingBytes(usize),
}

impl egov_core::Localize for Malformed {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            Malformed::TextTooLong(n) => args!(len = n, max = MAX_QR_TEXT),
            Malformed::NoPrefix => args!(prefix = PREFIX),
            Malformed::BadLookupUrl | Malformed::Digits(_) => args!(),
            Malformed::BodyLength(n) => args!(len = n, min = MIN_BODY, max = MAX_BODY),
            Malformed::UnsupportedVersion(v) => args!(version = v),
            Malformed::Truncated { field, offset } | Malformed::BadText { field, offset } => {
                args!(field = *field, offset = offset)
            }
            Malformed::BadValue {
                field,
                value,
                offset,
            } => args!(field = *field, value = value, offset = offset),
            // The reason names the field (`converted_at`), not English prose.
            Malformed::NonCanonical(what) => args!(
                what = what
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            ),
            Malformed::TrailingBytes(n) => args!(count = n),
        }
    }
}

impl ErrorCode for Malformed {
    fn code(&self) -> &'static str {
        match self {
            Malformed::TextTooLong(_) => "payload.text_too_long",
            Malformed::NoPrefix => "payload.no_prefix",
            Malformed::BadLookupUrl => "payload.bad_lookup_url",
            Malformed::Digits(_) => "payload.digits",
            Malformed::BodyLength(_) => "payload.body_length",
            Malformed::UnsupportedVersion(_) => "payload.unsupported_version",
            Malformed::Truncated { .. } => "payload.truncated",
            Malformed::BadValue { .. } => "payload.bad_value",
            Malformed::BadText { .. } => "payload.bad_text",
            Malformed::NonCanonical(_) => "payload.non_canonical",
            Malformed::TrailingBytes(_) => "payload.trailing_bytes",
        }
    }
}

fn direction_code(d: Direction) -> u8 {
    match d {
        Direction::PaperToData => 1,
        Direction::DataToPaper => 2,
    }
}

fn profile_code(p: Profile) -> u8 {
    match p {
        Profile::General => 0,
        Profile::AdminProcedureResult => 1,
        Profile::SaoY => 2,
        Profile::SaoLuc => 3,
        Profile::TrichSao => 4,
    }
}

fn put_str(out: &mut Vec<u8>, field: &'static str, s: &str) -> Result<(), PayloadError> {
    let len = u8::try_from(s.len()).map_err(|_| PayloadError::FieldTooLong {
        field,
        len: s.len(),
    })?;
    out.push(len);
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

fn check_lookup_url(url: &str) -> bool {
    url.len() <= 255 && !url.contains('#') && looks_like_url(url)
}

/// The bytes the signature covers: [`SIGNING_CONTEXT`], `0x00`, the lookup URL's length (one
/// byte) and bytes (empty without one), then the body without its last 64 bytes.
fn signed_message(lookup_url: Option<&str>, body_without_sig: &[u8]) -> Vec<u8> {
    let url = lookup_url.unwrap_or("").as_bytes();
    let mut m = Vec::with_capacity(SIGNING_CONTEXT.len() + 2 + url.len() + body_without_sig.len());
    m.extend_from_slice(SIGNING_CONTEXT);
    m.push(0);
    m.push(u8::try_from(url.len()).unwrap_or(u8::MAX));
    m.extend_from_slice(url);
    m.extend_from_slice(body_without_sig);
    m
}

/// Encodes the mark's fields (everything before the hash), canonical form.
fn encode_fields(mark: &ConversionMark, lookup_url: Option<&str>) -> Result<Vec<u8>, PayloadError> {
    let mut b = Vec::with_capacity(256);
    b.push(VERSION);
    b.push(direction_code(mark.direction));
    b.push(profile_code(mark.profile));
    b.push(ContentScope::ExactBytesBeforeMarking.code());
    let secs = u32::try_from(mark.converted_at.unix_seconds())
        .map_err(|_| PayloadError::TimeOutOfRange(mark.converted_at.to_string()))?;
    b.extend_from_slice(&secs.to_be_bytes());
    let default = Wording::sdk_default();
    if mark.mark_text == default.text_for(mark.direction, mark.profile) {
        b.push(0);
    } else {
        b.push(1);
        put_str(&mut b, "mark_text", &mark.mark_text)?;
    }
    put_str(&mut b, "converter_full_name", &mark.converter_full_name)?;
    match &mark.source_system {
        None => b.push(0),
        Some(s) => {
            b.push(1);
            put_str(&mut b, "source_system.system_name", &s.system_name)?;
            put_str(&mut b, "source_system.owner_name", &s.owner_name)?;
            match &s.locator {
                AccessLocator::FullUrl { url } if Some(url.as_str()) == lookup_url => b.push(3),
                AccessLocator::FullUrl { url } => {
                    b.push(1);
                    put_str(&mut b, "source_system.locator.url", url)?;
                }
                AccessLocator::UniqueCode {
                    code,
                    search_interface,
                } => {
                    b.push(2);
                    put_str(&mut b, "source_system.locator.code", code)?;
                    put_str(
                        &mut b,
                        "source_system.locator.search_interface",
                        search_interface,
                    )?;
                }
            }
        }
    }
    let n = mark.extensions.len();
    if n > MAX_EXTENSIONS {
        return Err(PayloadError::TooManyExtensions(n));
    }
    b.push(u8::try_from(n).unwrap_or(u8::MAX));
    for (k, v) in &mark.extensions {
        put_str(&mut b, "extensions.name", k)?;
        put_str(&mut b, "extensions.value", v)?;
    }
    Ok(b)
}

/// The QR text for a body: `[lookup_url "#"] "EGCM:" digits(body)`. No checks: for tests and
/// tools that build payloads by hand.
pub fn qr_text(lookup_url: Option<&str>, body: &[u8]) -> String {
    let digits = digits::encode(body);
    match lookup_url {
        Some(u) => format!("{u}#{PREFIX}{digits}"),
        None => format!("{PREFIX}{digits}"),
    }
}

/// The QR version (1–40) `text` needs at error-correction level M, or `None` if it does not
/// fit at all.
pub fn qr_version_for(text: &str) -> Option<u8> {
    // Segmenting the data decides the version; building the symbol (masks) is not needed.
    let bits = qrcode::bits::encode_auto(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    match bits.version() {
        qrcode::Version::Normal(v) => u8::try_from(v).ok(),
        qrcode::Version::Micro(_) => Some(1),
    }
}

/// Signs a mark: validates it (it must pass [`crate::validate()`], CONV-02/09/10/11), encodes the
/// canonical body (CONV-03 Đ4.1.a, CONV-12 Đ5.2.a: the QR carries the mark's information),
/// signs it with Ed25519 and checks the size limits (A-10).
///
/// `content_sha256` is [`content_digest`] of the content before marking ([`ContentScope`]).
///
/// ```
/// use egov_conversion::{payload, ConversionMark, Profile, Wording};
/// use egov_conversion::payload::{content_digest, PayloadOptions};
/// let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
/// let at = egov_core::VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap();
/// let mark = ConversionMark::paper_to_data(Profile::General, at, "UBND phường Hàng Bạc",
///     &Wording::default());
/// let signed = payload::sign(&mark, &content_digest(b"scan.pdf bytes"), &key,
///     &PayloadOptions::default()).unwrap();
/// assert!(signed.qr_text.starts_with("EGCM:"));
/// assert_eq!(payload::decode(&signed.qr_text).unwrap().mark, signed.mark);
/// ```
pub fn sign(
    mark: &ConversionMark,
    content_sha256: &[u8; 32],
    key: &SigningKey,
    options: &PayloadOptions,
) -> Result<SignedMark, PayloadError> {
    let mark = mark.clone().normalized();
    let report = validate(&mark);
    if report.overall() == Outcome::Fail {
        return Err(PayloadError::InvalidMark(
            report
                .with_outcome(Outcome::Fail)
                .map(|f| format!("{} {}", f.rule, f.field.as_deref().unwrap_or("")))
                .collect(),
        ));
    }
    let lookup_url = match &options.lookup_url {
        Some(u) => {
            let u = u.trim();
            if !check_lookup_url(u) {
                return Err(PayloadError::InvalidLookupUrl(u.to_owned()));
            }
            Some(u.to_owned())
        }
        None => None,
    };
    let mut body = encode_fields(&mark, lookup_url.as_deref())?;
    body.extend_from_slice(content_sha256);
    let public_key = key.verifying_key().to_bytes();
    body.extend_from_slice(&key_id_bytes(&public_key));
    let limit = options.limits.max_body_bytes.min(MAX_BODY);
    if body.len() + 64 > limit {
        return Err(PayloadError::TooLarge {
            what: "body bytes",
            size: body.len() + 64,
            limit,
        });
    }
    let sig = key.sign(&signed_message(lookup_url.as_deref(), &body));
    body.extend_from_slice(&sig.to_bytes());
    let text = qr_text(lookup_url.as_deref(), &body);
    let max_v = options.limits.max_qr_version;
    let version = qr_version_for(&text).ok_or(PayloadError::TooLarge {
        what: "QR version at level M",
        size: 41,
        limit: usize::from(max_v),
    })?;
    if version > max_v {
        return Err(PayloadError::TooLarge {
            what: "QR version at level M",
            size: usize::from(version),
            limit: usize::from(max_v),
        });
    }
    Ok(SignedMark {
        mark,
        content_sha256: *content_sha256,
        public_key,
        lookup_url,
        body,
        qr_text: text,
        qr_version: version,
    })
}

/// A well-formed payload, not yet verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPayload {
    /// The mark.
    pub mark: ConversionMark,
    /// What the content hash covers.
    pub content_scope: ContentScope,
    /// SHA-256 of the content.
    pub content_sha256: [u8; 32],
    /// The signer's key identifier ([`key_id_bytes`]).
    pub key_id: [u8; KEY_ID_LEN],
    /// The signature.
    pub signature: [u8; 64],
    /// The lookup URL, if the QR text had one.
    pub lookup_url: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl DecodedPayload {
    /// Checks the signature (strict Ed25519) with `public_key`.
    pub fn check_signature(&self, public_key: &[u8; 32]) -> Result<(), String> {
        let key = VerifyingKey::from_bytes(public_key)
            .map_err(|e| format!("public key is not a valid Ed25519 point: {e}"))?;
        let sig = Signature::from_bytes(&self.signature);
        let n = self.body.len().saturating_sub(64);
        let msg = signed_message(
            self.lookup_url.as_deref(),
            self.body.get(..n).unwrap_or(&[]),
        );
        key.verify_strict(&msg, &sig)
            .map_err(|e| format!("signature does not verify: {e}"))
    }
}

fn bad(field: &'static str, value: u8, offset: usize) -> Malformed {
    Malformed::BadValue {
        field,
        value,
        offset,
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self, field: &'static str) -> Result<u8, Malformed> {
        let v = self.b.get(self.pos).copied().ok_or(Malformed::Truncated {
            field,
            offset: self.pos,
        })?;
        self.pos += 1;
        Ok(v)
    }

    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], Malformed> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or(Malformed::Truncated {
                field,
                offset: self.pos,
            })?;
        self.pos += n;
        Ok(s)
    }

    fn string(&mut self, field: &'static str) -> Result<String, Malformed> {
        let len = usize::from(self.byte(field)?);
        let offset = self.pos;
        let raw = self.take(len, field)?;
        let s = std::str::from_utf8(raw).map_err(|_| Malformed::BadText { field, offset })?;
        if !is_nfc(s) || s.trim() != s {
            return Err(Malformed::BadText { field, offset });
        }
        Ok(s.to_owned())
    }
}

/// Splits a QR text into the lookup URL and the body, enforcing the hard limits before any
/// allocation proportional to the input.
fn split_text(text: &str) -> Result<(Option<String>, Vec<u8>), Malformed> {
    if text.len() > MAX_QR_TEXT {
        return Err(Malformed::TextTooLong(text.len()));
    }
    let (url, rest) = match text.rfind('#') {
        Some(i) => (text.get(..i), text.get(i + 1..).unwrap_or("")),
        None => (None, text),
    };
    let digits = rest.strip_prefix(PREFIX).ok_or(Malformed::NoPrefix)?;
    let lookup_url = match url {
        Some(u) if check_lookup_url(u) => Some(u.to_owned()),
        Some(_) => return Err(Malformed::BadLookupUrl),
        None => None,
    };
    match digits::decoded_len(digits.len()) {
        Some(n) if (MIN_BODY..=MAX_BODY).contains(&n) => {}
        Some(n) => return Err(Malformed::BodyLength(n)),
        None => {
            return Err(Malformed::Digits(format!(
                "{} digits is not a valid length",
                digits.len()
            )))
        }
    }
    let body = digits::decode(digits).map_err(|e| Malformed::Digits(format!("{e:?}")))?;
    Ok((lookup_url, body))
}

/// Decodes a QR text into a well-formed payload (state `WellFormed` of the verification
/// ladder), without checking the signature. Rejects anything that is not the canonical
/// encoding of some mark, so one mark has exactly one payload.
pub fn decode(text: &str) -> Result<DecodedPayload, Malformed> {
    let (lookup_url, body) = split_text(text)?;
    let mut r = Reader { b: &body, pos: 0 };
    let version = r.byte("version")?;
    if version != VERSION {
        return Err(Malformed::UnsupportedVersion(version));
    }
    let at = r.pos;
    let direction = match r.byte("direction")? {
        1 => Direction::PaperToData,
        2 => Direction::DataToPaper,
        v => return Err(bad("direction", v, at)),
    };
    let at = r.pos;
    let profile = match r.byte("profile")? {
        0 => Profile::General,
        1 => Profile::AdminProcedureResult,
        2 => Profile::SaoY,
        3 => Profile::SaoLuc,
        4 => Profile::TrichSao,
        v => return Err(bad("profile", v, at)),
    };
    let at = r.pos;
    let content_scope = match r.byte("content_scope")? {
        1 => ContentScope::ExactBytesBeforeMarking,
        v => return Err(bad("content_scope", v, at)),
    };
    let t = r.take(4, "converted_at")?;
    let secs = u32::from_be_bytes(<[u8; 4]>::try_from(t).map_err(|_| Malformed::Truncated {
        field: "converted_at",
        offset: 4,
    })?);
    let converted_at = VnDateTime::from_unix_seconds(i64::from(secs))
        .map_err(|_| Malformed::NonCanonical("converted_at out of range"))?;
    let default_text = Wording::sdk_default()
        .text_for(direction, profile)
        .to_owned();
    let at = r.pos;
    let mark_text = match r.byte("mark_text.tag")? {
        0 => default_text,
        1 => {
            let s = r.string("mark_text")?;
            if s == default_text {
                return Err(Malformed::NonCanonical(
                    "inline mark text equal to the default wording",
                ));
            }
            s
        }
        v => return Err(bad("mark_text.tag", v, at)),
    };
    let converter_full_name = r.string("converter_full_name")?;
    let at = r.pos;
    let source_system = match r.byte("source_system.tag")? {
        0 => None,
        1 => {
            let system_name = r.string("source_system.system_name")?;
            let owner_name = r.string("source_system.owner_name")?;
            let at = r.pos;
            let locator = match r.byte("source_system.locator.tag")? {
                1 => {
                    let url = r.string("source_system.locator.url")?;
                    if Some(&url) == lookup_url.as_ref() {
                        return Err(Malformed::NonCanonical(
                            "inline locator equal to the lookup URL",
                        ));
                    }
                    AccessLocator::FullUrl { url }
                }
                2 => AccessLocator::UniqueCode {
                    code: r.string("source_system.locator.code")?,
                    search_interface: r.string("source_system.locator.search_interface")?,
                },
                3 => match &lookup_url {
                    Some(u) => AccessLocator::FullUrl { url: u.clone() },
                    None => return Err(bad("source_system.locator.tag", 3, at)),
                },
                v => return Err(bad("source_system.locator.tag", v, at)),
            };
            Some(SourceSystem {
                system_name,
                owner_name,
                locator,
            })
        }
        v => return Err(bad("source_system.tag", v, at)),
    };
    let at = r.pos;
    let n = r.byte("extensions.count")?;
    if usize::from(n) > MAX_EXTENSIONS {
        return Err(bad("extensions.count", n, at));
    }
    let mut extensions = BTreeMap::new();
    let mut last: Option<String> = None;
    for _ in 0..n {
        let k = r.string("extensions.name")?;
        let v = r.string("extensions.value")?;
        if last.as_ref().is_some_and(|l| l.as_bytes() >= k.as_bytes()) {
            return Err(Malformed::NonCanonical(
                "extension names not strictly increasing",
            ));
        }
        last = Some(k.clone());
        extensions.insert(k, v);
    }
    let left = body.len() - r.pos;
    if left != TRAILER {
        return if left > TRAILER {
            Err(Malformed::TrailingBytes(left - TRAILER))
        } else {
            Err(Malformed::Truncated {
                field: "trailer",
                offset: r.pos,
            })
        };
    }
    let mut content_sha256 = [0u8; 32];
    content_sha256.copy_from_slice(r.take(32, "content_sha256")?);
    let mut key_id = [0u8; KEY_ID_LEN];
    key_id.copy_from_slice(r.take(KEY_ID_LEN, "key_id")?);
    let mut signature = [0u8; 64];
    signature.copy_from_slice(r.take(64, "signature")?);
    let mark = ConversionMark {
        direction,
        profile,
        mark_text,
        converted_at,
        converter_full_name,
        source_system,
        extensions,
    };
    Ok(DecodedPayload {
        mark,
        content_scope,
        content_sha256,
        key_id,
        signature,
        lookup_url,
        body,
    })
}
