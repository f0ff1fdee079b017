//! CMS `SignedData`, detached (RFC 5652), in the CAdES baseline form PAdES uses
//! (ETSI EN 319 122-1 / EN 319 142-1 `ETSI.CAdES.detached`): signed attributes
//! `content-type`, `message-digest` and `signing-certificate-v2` (ESS, RFC 5035), the signer's
//! chain in `certificates`, and optionally a `signature-time-stamp` (RFC 3161) as an unsigned
//! attribute (B-T).
//!
//! Structures are RustCrypto's `cms`/`x509-cert` types; the signature is made by a [`Signer`]
//! and checked with `ring`; paths are checked by [`crate::chain`].

use egov_core::i18n::iso_vi;
use egov_core::VnDateTime;
use serde::{Deserialize, Serialize};
use x509_cert::der::asn1::{Any, GeneralizedTime, Int, ObjectIdentifier, OctetString, SetOfVec};
use x509_cert::der::{Decode, Encode, Reader, SliceReader};
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use x509_cert::attr::Attribute;

use crate::algorithm::{self, DigestAlgorithm, KeyStrength, SignatureAlgorithm, SignatureEncoding};
use crate::chain::{self, ChainError, ChainStatus, SignerCertificate, TrustAnchors};
use crate::signer::Signer;

/// `id-data`.
pub const OID_DATA: &str = "1.2.840.113549.1.7.1";
/// `id-signedData`.
pub const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
/// `id-contentType`.
pub const OID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
/// `id-messageDigest`.
pub const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
/// `id-signingTime`.
pub const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
/// `id-aa-signingCertificateV2` (RFC 5035).
pub const OID_SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
/// `id-aa-signingCertificate` (RFC 2634, SHA-1).
pub const OID_SIGNING_CERTIFICATE: &str = "1.2.840.113549.1.9.16.2.12";
/// `id-aa-timeStampToken` (RFC 3161 Appendix A).
pub const OID_TIME_STAMP_TOKEN: &str = "1.2.840.113549.1.9.16.2.14";
/// `id-ct-TSTInfo`.
pub const OID_TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";

/// Gets an RFC 3161 time-stamp token over a message imprint: a time-stamping service (TSA)
/// client. The token or the whole `TimeStampResp` (DER) may be returned.
pub trait TimeStamper {
    /// Time-stamps `imprint` (the `digest` of the signature value).
    fn timestamp(&self, digest: DigestAlgorithm, imprint: &[u8]) -> Result<Vec<u8>, String>;
}

/// How to sign.
#[derive(Default)]
pub struct CmsSignOptions<'a> {
    /// The digest of the content and of the signed attributes (default SHA-256; the signer's
    /// algorithm decides for ECDSA P-384).
    pub digest: Option<DigestAlgorithm>,
    /// A `signing-time` signed attribute (forbidden in PAdES, where the time is `/M`; default
    /// none).
    pub signing_time: Option<VnDateTime>,
    /// A time-stamping service for a signature time-stamp (PAdES-B-T).
    pub timestamper: Option<&'a dyn TimeStamper>,
}

/// Why a CMS signature could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CmsSignError {
    /// The signer's certificates could not be read.
    #[error("the signer's certificate: {0}")]
    Certificate(String),
    /// The signer failed.
    #[error("the signer failed: {0}")]
    Signer(String),
    /// The time-stamping service failed or answered with something that is not a token.
    #[error("the time-stamping service: {0}")]
    Timestamp(String),
    /// Encoding failed.
    #[error("encoding: {0}")]
    Encode(String),
    /// The signer's algorithm or the digest asked for is SHA-1: egov makes no CMS signature
    /// with it (legacy, weak; PAdES validators reject it).
    #[error("egov makes no CMS signature with SHA-1 ({algorithm}): legacy and weak")]
    Sha1 {
        /// The algorithm's name.
        algorithm: String,
    },
}

impl CmsSignError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            CmsSignError::Certificate(_) => "cms.sign.certificate",
            CmsSignError::Signer(_) => "cms.sign.signer",
            CmsSignError::Timestamp(_) => "cms.sign.timestamp",
            CmsSignError::Encode(_) => "cms.sign.encode",
            CmsSignError::Sha1 { .. } => "cms.sign.sha1",
        }
    }
}

impl egov_core::ErrorCode for CmsSignError {
    fn code(&self) -> &'static str {
        CmsSignError::code(self)
    }
}

impl egov_core::Localize for CmsSignError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            CmsSignError::Certificate(reason)
            | CmsSignError::Signer(reason)
            | CmsSignError::Timestamp(reason)
            | CmsSignError::Encode(reason) => egov_core::args!(reason = reason),
            CmsSignError::Sha1 { algorithm } => egov_core::args!(algorithm = algorithm),
        }
    }
}

fn oid(s: &str) -> ObjectIdentifier {
    // Only the constants of this module reach here.
    ObjectIdentifier::new(s).unwrap_or(ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1"))
}

fn enc<E: std::fmt::Display>(e: E) -> CmsSignError {
    CmsSignError::Encode(e.to_string())
}

fn attribute(id: &str, value_der: &[u8]) -> Result<Attribute, CmsSignError> {
    let value = Any::from_der(value_der).map_err(enc)?;
    Ok(Attribute {
        oid: oid(id),
        values: SetOfVec::try_from(vec![value]).map_err(enc)?,
    })
}

fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = body.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(body);
    out
}

fn digest_identifier(d: DigestAlgorithm) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: oid(d.oid()),
        parameters: None,
    }
}

fn signature_identifier(a: SignatureAlgorithm) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: oid(a.oid()),
        // RSA identifiers carry NULL parameters (RFC 4055 §5); ECDSA none (RFC 5758 §3.2).
        parameters: (!a.is_ecdsa())
            .then(|| Any::from_der(&[0x05, 0x00]).ok())
            .flatten(),
    }
}

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }` with one
/// `ESSCertIDv2 { hashAlgorithm (omitted when SHA-256, its DEFAULT), certHash }`.
fn signing_certificate_v2(
    cert_der: &[u8],
    digest: DigestAlgorithm,
) -> Result<Vec<u8>, CmsSignError> {
    let hash = digest.digest(cert_der);
    let mut id = Vec::new();
    if digest != DigestAlgorithm::Sha256 {
        id.extend(digest_identifier(digest).to_der().map_err(enc)?);
    }
    id.extend(tlv(0x04, &hash));
    Ok(tlv(0x30, &tlv(0x30, &tlv(0x30, &id))))
}

/// A detached CMS `SignedData` (as `ContentInfo`, DER) over content whose digest is
/// `content_digest` (computed by the caller with `digest_algorithm(signer, options)`).
pub fn sign_detached(
    signer: &dyn Signer,
    content_digest: &[u8],
    options: &CmsSignOptions<'_>,
) -> Result<Vec<u8>, CmsSignError> {
    let alg = signer.algorithm();
    let digest = digest_algorithm(signer, options);
    if alg == SignatureAlgorithm::RsaSha1 {
        return Err(CmsSignError::Sha1 {
            algorithm: "RSA-SHA1".into(),
        });
    }
    if digest == DigestAlgorithm::Sha1 {
        return Err(CmsSignError::Sha1 {
            algorithm: "SHA-1".into(),
        });
    }
    let certs_der = signer.certificates();
    let leaf_der = certs_der
        .first()
        .ok_or_else(|| CmsSignError::Certificate("no certificate".into()))?;
    let certs: Vec<Certificate> = certs_der
        .iter()
        .map(|d| Certificate::from_der(d).map_err(|e| CmsSignError::Certificate(e.to_string())))
        .collect::<Result<_, _>>()?;
    let leaf = &certs[0];

    let mut attrs = vec![
        attribute(OID_CONTENT_TYPE, &oid(OID_DATA).to_der().map_err(enc)?)?,
        attribute(
            OID_MESSAGE_DIGEST,
            &OctetString::new(content_digest.to_vec())
                .map_err(enc)?
                .to_der()
                .map_err(enc)?,
        )?,
        attribute(
            OID_SIGNING_CERTIFICATE_V2,
            &signing_certificate_v2(leaf_der, digest)?,
        )?,
    ];
    if let Some(t) = options.signing_time {
        let secs = u64::try_from(t.unix_seconds()).map_err(enc)?;
        let gt = x509_cert::time::Time::try_from(
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs),
        )
        .map_err(enc)?;
        attrs.push(attribute(OID_SIGNING_TIME, &gt.to_der().map_err(enc)?)?);
    }
    let signed_attrs = SetOfVec::try_from(attrs).map_err(enc)?;
    let to_sign = signed_attrs.to_der().map_err(enc)?;
    let raw = signer.sign(&to_sign).map_err(CmsSignError::Signer)?;
    let signature = if alg.is_ecdsa() {
        algorithm::ecdsa_fixed_to_asn1(&raw)
            .ok_or_else(|| CmsSignError::Signer("the ECDSA signature is not r‖s".into()))?
    } else {
        raw
    };
    let unsigned_attrs = match options.timestamper {
        None => None,
        Some(tsa) => {
            let imprint = digest.digest(&signature);
            let answer = tsa
                .timestamp(digest, &imprint)
                .map_err(CmsSignError::Timestamp)?;
            let token = token_of(&answer).map_err(CmsSignError::Timestamp)?;
            let info = tst_info(&token).map_err(CmsSignError::Timestamp)?;
            if info.imprint != imprint {
                return Err(CmsSignError::Timestamp(
                    "the token's message imprint is not the signature's digest".into(),
                ));
            }
            Some(SetOfVec::try_from(vec![attribute(OID_TIME_STAMP_TOKEN, &token)?]).map_err(enc)?)
        }
    };
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: leaf.tbs_certificate().issuer().clone(),
            serial_number: leaf.tbs_certificate().serial_number().clone(),
        }),
        digest_alg: digest_identifier(digest),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: signature_identifier(alg),
        signature: OctetString::new(signature).map_err(enc)?,
        unsigned_attrs,
    };
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![digest_identifier(digest)]).map_err(enc)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: oid(OID_DATA),
            econtent: None,
        },
        certificates: Some(CertificateSet(
            SetOfVec::try_from(
                certs
                    .into_iter()
                    .map(CertificateChoices::Certificate)
                    .collect::<Vec<_>>(),
            )
            .map_err(enc)?,
        )),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info]).map_err(enc)?),
    };
    let content = Any::from_der(&signed.to_der().map_err(enc)?).map_err(enc)?;
    ContentInfo {
        content_type: oid(OID_SIGNED_DATA),
        content,
    }
    .to_der()
    .map_err(enc)
}

/// The digest [`sign_detached`] will use with this signer and these options: the option, else
/// the signer's algorithm's own (SHA-256 for RSA-SHA256 and P-256, SHA-384 for P-384).
pub fn digest_algorithm(signer: &dyn Signer, options: &CmsSignOptions<'_>) -> DigestAlgorithm {
    options.digest.unwrap_or(signer.algorithm().digest())
}

/// The `TimeStampToken` of a `TimeStampResp` (status granted) or a token as given.
fn token_of(der: &[u8]) -> Result<Vec<u8>, String> {
    if let Ok(ci) = ContentInfo::from_der(der) {
        if ci.content_type.to_string() == OID_SIGNED_DATA {
            return Ok(der.to_vec());
        }
    }
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
    let mut r = SliceReader::new(der).map_err(|e| e.to_string())?;
    r.sequence(|r| {
        let status: Vec<u8> = r.tlv_bytes()?.to_vec();
        let token = if r.remaining_len() > x509_cert::der::Length::ZERO {
            Some(r.tlv_bytes()?.to_vec())
        } else {
            None
        };
        Ok::<_, x509_cert::der::Error>((status, token))
    })
    .map_err(|e: x509_cert::der::Error| format!("not a time-stamp token or response: {e}"))
    .and_then(|(status, token)| {
        // PKIStatusInfo ::= SEQUENCE { status PKIStatus (INTEGER), ... }: 0 granted, 1 with mods.
        let granted = status.len() >= 5 && status[2] == 0x02 && status[3] == 1 && status[4] <= 1;
        match token {
            Some(t) if granted => Ok(t),
            _ => Err("the time-stamping service did not grant a token".into()),
        }
    })
}

/// An RFC 3161 `TimeStampReq` (DER) for `imprint`, asking for the TSA's certificate
/// (`certReq`), for a [`TimeStamper`] to send to its service (HTTP `POST`,
/// `application/timestamp-query`).
pub fn timestamp_request(digest: DigestAlgorithm, imprint: &[u8], nonce: Option<u64>) -> Vec<u8> {
    let mut alg = tlv(0x06, &oid_body(digest.oid()));
    alg = tlv(0x30, &alg);
    let imprint = tlv(0x30, &[alg, tlv(0x04, imprint)].concat());
    let mut body = tlv(0x02, &[1]);
    body.extend(imprint);
    if let Some(n) = nonce {
        let mut v: Vec<u8> = n
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        if v.is_empty() || v[0] & 0x80 != 0 {
            v.insert(0, 0);
        }
        body.extend(tlv(0x02, &v));
    }
    body.extend([0x01, 0x01, 0xff]);
    tlv(0x30, &body)
}

fn oid_body(s: &str) -> Vec<u8> {
    oid(s).as_bytes().to_vec()
}

/// What a time-stamp token says.
struct TstInfo {
    digest: Option<DigestAlgorithm>,
    imprint: Vec<u8>,
    gen_time: i64,
}

fn tst_info(token: &[u8]) -> Result<TstInfo, String> {
    let ci = ContentInfo::from_der(token).map_err(|e| e.to_string())?;
    let sd: SignedData = ci
        .content
        .decode_as()
        .map_err(|e: x509_cert::der::Error| e.to_string())?;
    if sd.encap_content_info.econtent_type.to_string() != OID_TST_INFO {
        return Err("the token's content is not a TSTInfo".into());
    }
    let econtent = sd
        .encap_content_info
        .econtent
        .ok_or("the token carries no TSTInfo")?;
    let octets: OctetString = econtent
        .decode_as()
        .map_err(|e: x509_cert::der::Error| e.to_string())?;
    let mut r = SliceReader::new(octets.as_bytes()).map_err(|e| e.to_string())?;
    r.sequence(|r| {
        let _version = Int::decode(r)?;
        let _policy: ObjectIdentifier = Decode::decode(r)?;
        let (alg, imprint) = r.sequence(|r| {
            let alg = AlgorithmIdentifierOwned::decode(r)?;
            let hashed = OctetString::decode(r)?;
            Ok::<_, x509_cert::der::Error>((alg, hashed))
        })?;
        let _serial = Int::decode(r)?;
        let gen = GeneralizedTime::decode(r)?;
        let rest = r.remaining_len();
        r.read_slice(rest)?;
        Ok::<_, x509_cert::der::Error>(TstInfo {
            digest: DigestAlgorithm::from_oid(&alg.oid.to_string()),
            imprint: imprint.as_bytes().to_vec(),
            gen_time: i64::try_from(gen.to_unix_duration().as_secs()).unwrap_or(i64::MAX),
        })
    })
    .map_err(|e| format!("the TSTInfo cannot be read: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Verifying.

/// Why a CMS signature does not verify. Each has a stable code (`cms.digest_mismatch`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CmsFailure {
    /// Not a CMS `SignedData`, or damaged.
    #[error("the signature is not a readable CMS SignedData: {detail}")]
    Malformed {
        /// What the decoder said.
        detail: String,
    },
    /// Not exactly one `SignerInfo`.
    #[error("the signature has {count} signers; one is expected")]
    SignerCount {
        /// How many.
        count: usize,
    },
    /// An algorithm egov does not verify.
    #[error("unsupported algorithm {oid}")]
    UnsupportedAlgorithm {
        /// Its OID.
        oid: String,
    },
    /// The signer's certificate is not in the signature.
    #[error("the signer's certificate is not in the signature")]
    CertificateMissing,
    /// No signed attributes, or no `message-digest` among them.
    #[error("the signature has no message-digest signed attribute")]
    NoMessageDigest,
    /// The content is not what was signed.
    #[error("the signed content was changed: its digest is not the signed message-digest")]
    DigestMismatch,
    /// The signature value does not verify with the certificate's key.
    #[error("the signature value does not verify with the signer's certificate")]
    SignatureInvalid,
    /// The `signing-certificate(-v2)` attribute names another certificate.
    #[error("the signing-certificate attribute does not match the signer's certificate")]
    SigningCertificateMismatch,
    /// A certificate in the path is not valid at the time checked.
    #[error("{0}")]
    Chain(ChainError),
    /// The signature time-stamp does not verify.
    #[error("the signature time-stamp does not verify: {reason}")]
    Timestamp {
        /// Why.
        reason: String,
    },
}

impl CmsFailure {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            CmsFailure::Malformed { .. } => "cms.malformed",
            CmsFailure::SignerCount { .. } => "cms.signer_count",
            CmsFailure::UnsupportedAlgorithm { .. } => "cms.unsupported_algorithm",
            CmsFailure::CertificateMissing => "cms.certificate_missing",
            CmsFailure::NoMessageDigest => "cms.no_message_digest",
            CmsFailure::DigestMismatch => "cms.digest_mismatch",
            CmsFailure::SignatureInvalid => "cms.signature_invalid",
            CmsFailure::SigningCertificateMismatch => "cms.signing_certificate_mismatch",
            CmsFailure::Chain(ChainError::Expired { .. }) => "cms.expired",
            CmsFailure::Chain(ChainError::Untrusted { .. }) => "cms.untrusted",
            CmsFailure::Timestamp { .. } => "cms.timestamp",
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            CmsFailure::Malformed { detail } => {
                format!("chữ ký không phải cấu trúc CMS SignedData đọc được: {detail}")
            }
            CmsFailure::SignerCount { count } => {
                format!("chữ ký có {count} người ký; cần đúng một")
            }
            CmsFailure::UnsupportedAlgorithm { oid } => {
                format!("thuật toán {oid} không được hỗ trợ")
            }
            CmsFailure::CertificateMissing => "chữ ký không kèm chứng thư số của người ký".into(),
            CmsFailure::NoMessageDigest => "chữ ký thiếu thuộc tính message-digest".into(),
            CmsFailure::DigestMismatch => {
                "nội dung đã bị thay đổi sau khi ký: giá trị băm không khớp".into()
            }
            CmsFailure::SignatureInvalid => {
                "giá trị chữ ký không khớp khóa công khai trong chứng thư số của người ký".into()
            }
            CmsFailure::SigningCertificateMismatch => {
                "thuộc tính signing-certificate không khớp chứng thư số của người ký".into()
            }
            CmsFailure::Chain(ChainError::Expired {
                subject,
                at,
                not_before,
                not_after,
            }) => format!(
                "chứng thư số của {subject} không còn hiệu lực lúc {} (hiệu lực từ {} đến {})",
                iso_vi(at),
                iso_vi(not_before),
                iso_vi(not_after)
            ),
            CmsFailure::Chain(ChainError::Untrusted { reason_vi, .. }) => {
                format!("chứng thư số không dẫn tới chứng thư gốc tin cậy đã cho: {reason_vi}")
            }
            CmsFailure::Timestamp { reason } => {
                format!("dấu thời gian của chữ ký không hợp lệ: {reason}")
            }
        }
    }
}

/// How to verify.
#[derive(Debug, Clone, Default)]
pub struct CmsVerifyOptions {
    /// Trust anchors; empty: the chain is not checked (the result says so).
    pub anchors: TrustAnchors,
    /// The time certificates must be valid at. Default: the time-stamp's time when a valid
    /// signature time-stamp is present, else `claimed_time`, else now.
    pub at: Option<VnDateTime>,
    /// The signing time the signer claims outside the CMS (PDF `/M`).
    pub claimed_time: Option<VnDateTime>,
}

/// Where the time certificates were checked at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// The caller's.
    Caller,
    /// A verified RFC 3161 signature time-stamp.
    Timestamp,
    /// The signer's own claim (PDF `/M` or the `signing-time` attribute): not independent.
    Claimed,
    /// The time of verification.
    Now,
}

/// A signature time-stamp, verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timestamp {
    /// The token's `genTime`, ISO 8601 UTC.
    pub time: String,
    /// The time-stamping authority's certificate.
    pub authority: Option<SignerCertificate>,
}

/// What verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CmsVerification {
    /// Why it does not verify (`None`: it verifies).
    pub failure: Option<CmsFailure>,
    /// The signature algorithm, when known.
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The digest algorithm, when known.
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// The signer's certificate, when found.
    pub signer: Option<SignerCertificate>,
    /// The chain, when the signature itself verified.
    pub chain: Option<ChainStatus>,
    /// The time certificates were checked at, ISO 8601.
    pub checked_at: Option<String>,
    /// Where that time came from.
    pub time_source: Option<TimeSource>,
    /// The `signing-time` signed attribute, when present, ISO 8601 UTC.
    pub signing_time: Option<String>,
    /// The signature time-stamp, when present and valid.
    pub timestamp: Option<Timestamp>,
    /// Whether a `signing-certificate-v2` (or v1) attribute binds the certificate (CAdES).
    pub signing_certificate_bound: bool,
    /// Things that verify but should not be relied on (SHA-1, short keys).
    pub warnings: Vec<String>,
}

impl CmsVerification {
    fn fail(f: CmsFailure) -> Self {
        CmsVerification {
            failure: Some(f),
            signature_algorithm: None,
            digest_algorithm: None,
            signer: None,
            chain: None,
            checked_at: None,
            time_source: None,
            signing_time: None,
            timestamp: None,
            signing_certificate_bound: false,
            warnings: Vec::new(),
        }
    }

    /// Whether the signature verifies (digest, value, and — when anchors were given — chain).
    pub fn is_valid(&self) -> bool {
        self.failure.is_none()
    }
}

fn malformed<E: std::fmt::Display>(e: E) -> CmsFailure {
    CmsFailure::Malformed {
        detail: e.to_string(),
    }
}

struct Parsed {
    sd: SignedData,
    si: SignerInfo,
    certs: Vec<Certificate>,
    leaf: Certificate,
    digest: DigestAlgorithm,
    alg: SignatureAlgorithm,
}

fn parse(der: &[u8]) -> Result<Parsed, CmsFailure> {
    let ci = ContentInfo::from_der(der).map_err(malformed)?;
    if ci.content_type.to_string() != OID_SIGNED_DATA {
        return Err(malformed(format!(
            "content type {} is not signedData",
            ci.content_type
        )));
    }
    let sd: SignedData = ci.content.decode_as().map_err(malformed)?;
    let count = sd.signer_infos.0.len();
    if count != 1 {
        return Err(CmsFailure::SignerCount { count });
    }
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .cloned()
        .ok_or(CmsFailure::SignerCount { count })?;
    let certs: Vec<Certificate> = sd
        .certificates
        .as_ref()
        .map(|c| {
            c.0.iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(c) => Some(c.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let leaf = certs
        .iter()
        .find(|c| match &si.sid {
            SignerIdentifier::IssuerAndSerialNumber(isn) => {
                c.tbs_certificate().issuer() == &isn.issuer
                    && c.tbs_certificate().serial_number() == &isn.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => c
                .tbs_certificate()
                .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                .ok()
                .flatten()
                .is_some_and(|(_, s)| &s == ski),
        })
        .cloned()
        .ok_or(CmsFailure::CertificateMissing)?;
    let digest_oid = si.digest_alg.oid.to_string();
    let digest = DigestAlgorithm::from_oid(&digest_oid)
        .ok_or(CmsFailure::UnsupportedAlgorithm { oid: digest_oid })?;
    let sig_oid = si.signature_algorithm.oid.to_string();
    let mut alg =
        SignatureAlgorithm::from_oid(&sig_oid, digest).ok_or(CmsFailure::UnsupportedAlgorithm {
            oid: sig_oid.clone(),
        })?;
    // `id-ecPublicKey` as the signature algorithm (seen in the wild): ECDSA with the digest.
    if sig_oid == "1.2.840.10045.2.1" {
        alg = match digest {
            DigestAlgorithm::Sha384 => SignatureAlgorithm::EcdsaP384Sha384,
            _ => SignatureAlgorithm::EcdsaP256Sha256,
        };
    }
    Ok(Parsed {
        sd,
        si,
        certs,
        leaf,
        digest,
        alg,
    })
}

fn attr_value<'a>(attrs: &'a SetOfVec<Attribute>, id: &str) -> Option<&'a Any> {
    attrs
        .iter()
        .find(|a| a.oid.to_string() == id)
        .and_then(|a| a.values.iter().next())
}

/// The digest algorithm a CMS signature states (to hash the content with before
/// [`verify_detached`]).
pub fn stated_digest(der: &[u8]) -> Result<DigestAlgorithm, CmsFailure> {
    parse(der).map(|p| p.digest)
}

/// Verifies a detached CMS signature over content whose digest (with the algorithm
/// [`stated_digest`] returns) is `content_digest`.
pub fn verify_detached(
    der: &[u8],
    content_digest: &[u8],
    options: &CmsVerifyOptions,
) -> CmsVerification {
    let p = match parse(der) {
        Ok(p) => p,
        Err(f) => return CmsVerification::fail(f),
    };
    let mut out = CmsVerification::fail(CmsFailure::SignatureInvalid);
    out.signature_algorithm = Some(p.alg);
    out.digest_algorithm = Some(p.digest);
    out.signer = Some(SignerCertificate::of(&p.leaf));
    if p.alg == SignatureAlgorithm::RsaSha1 || p.digest == DigestAlgorithm::Sha1 {
        out.warnings.push("the signature uses SHA-1".into());
    }
    let Some(attrs) = &p.si.signed_attrs else {
        out.failure = Some(CmsFailure::NoMessageDigest);
        return out;
    };
    let Some(md) =
        attr_value(attrs, OID_MESSAGE_DIGEST).and_then(|v| v.decode_as::<OctetString>().ok())
    else {
        out.failure = Some(CmsFailure::NoMessageDigest);
        return out;
    };
    if md.as_bytes() != content_digest {
        out.failure = Some(CmsFailure::DigestMismatch);
        return out;
    }
    let Ok(signed) = attrs.to_der() else {
        out.failure = Some(malformed("the signed attributes cannot be re-encoded"));
        return out;
    };
    let key = p
        .leaf
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    match algorithm::verify(
        p.alg,
        SignatureEncoding::Asn1,
        key,
        &signed,
        p.si.signature.as_bytes(),
    ) {
        None => {
            out.failure = Some(CmsFailure::SignatureInvalid);
            return out;
        }
        Some(KeyStrength::ShortRsa) => out
            .warnings
            .push("the RSA key is shorter than 2048 bits".into()),
        Some(KeyStrength::Adequate) => {}
    }
    // ESS signing-certificate(-v2): binds the certificate (CAdES; required by PAdES baseline).
    let leaf_der = p.leaf.to_der().unwrap_or_default();
    if let Some(v) = attr_value(attrs, OID_SIGNING_CERTIFICATE_V2) {
        match ess_hashes(v, true) {
            Some(ids) => {
                let bound = ids.iter().any(|(d, h)| d.digest(&leaf_der) == *h);
                if !bound {
                    out.failure = Some(CmsFailure::SigningCertificateMismatch);
                    return out;
                }
                out.signing_certificate_bound = true;
            }
            None => {
                out.failure = Some(malformed(
                    "the signing-certificate-v2 attribute cannot be read",
                ));
                return out;
            }
        }
    } else if let Some(v) = attr_value(attrs, OID_SIGNING_CERTIFICATE) {
        match ess_hashes(v, false) {
            Some(ids) if ids.iter().any(|(d, h)| d.digest(&leaf_der) == *h) => {
                out.signing_certificate_bound = true;
            }
            _ => {
                out.failure = Some(CmsFailure::SigningCertificateMismatch);
                return out;
            }
        }
    }
    if let Some(t) = attr_value(attrs, OID_SIGNING_TIME)
        .and_then(|v| v.decode_as::<x509_cert::time::Time>().ok())
    {
        out.signing_time = Some(chain::iso(chain::unix(t)));
    }
    // The signature time-stamp (B-T).
    let mut ts_time = None;
    if let Some(unsigned) = &p.si.unsigned_attrs {
        if let Some(tok) = attr_value(unsigned, OID_TIME_STAMP_TOKEN) {
            let sig = p.si.signature.as_bytes();
            let der = tok.to_der().unwrap_or_default();
            match verify_timestamp_token(&der, &|d| d.digest(sig), &options.anchors) {
                Ok((ts, secs)) => {
                    out.timestamp = Some(ts);
                    ts_time = Some(secs);
                }
                Err(reason) => {
                    out.failure = Some(CmsFailure::Timestamp { reason });
                    return out;
                }
            }
        }
    }
    let (at, source) = if let Some(at) = options.at {
        (at, TimeSource::Caller)
    } else if let Some(t) = ts_time.and_then(|s| VnDateTime::from_unix_seconds(s).ok()) {
        (t, TimeSource::Timestamp)
    } else if let Some(t) = options.claimed_time {
        (t, TimeSource::Claimed)
    } else {
        (chain::now(), TimeSource::Now)
    };
    out.checked_at = Some(at.to_string());
    out.time_source = Some(source);
    let pool: Vec<Certificate> = p.certs.iter().filter(|c| **c != p.leaf).cloned().collect();
    let _ = &p.sd;
    match chain::validate(&p.leaf, &pool, &options.anchors, at) {
        Ok(status) => {
            out.chain = Some(status);
            out.failure = None;
        }
        Err(e) => out.failure = Some(CmsFailure::Chain(e)),
    }
    out
}

/// The (digest, hash) pairs of an ESS `SigningCertificate(V2)` value.
fn ess_hashes(v: &Any, v2: bool) -> Option<Vec<(DigestAlgorithm, Vec<u8>)>> {
    let der = v.to_der().ok()?;
    let mut r = SliceReader::new(&der).ok()?;
    r.sequence(|r| {
        let out = r.sequence(|r| {
            let mut out = Vec::new();
            while r.remaining_len() > x509_cert::der::Length::ZERO {
                let id = r.sequence(|r| {
                    let digest =
                        if v2 && x509_cert::der::Tag::peek(r)? == x509_cert::der::Tag::Sequence {
                            let a = AlgorithmIdentifierOwned::decode(r)?;
                            DigestAlgorithm::from_oid(&a.oid.to_string())
                        } else if v2 {
                            Some(DigestAlgorithm::Sha256)
                        } else {
                            Some(DigestAlgorithm::Sha1)
                        };
                    let hash = OctetString::decode(r)?;
                    let rest = r.remaining_len();
                    r.read_slice(rest)?;
                    Ok::<_, x509_cert::der::Error>(digest.map(|d| (d, hash.as_bytes().to_vec())))
                })?;
                out.extend(id);
            }
            Ok::<_, x509_cert::der::Error>(out)
        })?;
        let rest = r.remaining_len();
        r.read_slice(rest)?;
        Ok::<_, x509_cert::der::Error>(out)
    })
    .ok()
}

/// Verifies an RFC 3161 time-stamp token (DER `ContentInfo`) over data whose digest with a
/// given algorithm `data_digest` computes: a signature time-stamp (the data is the signature
/// value, CAdES) or a PDF document time-stamp (the data is the signed byte ranges, PAdES).
/// The imprint must match, the token's own CMS signature verify, and the TSA chain to the
/// anchors (when given) at the token's time. Returns the time-stamp and its time (Unix
/// seconds).
pub fn verify_timestamp_token(
    der: &[u8],
    data_digest: &dyn Fn(DigestAlgorithm) -> Vec<u8>,
    anchors: &TrustAnchors,
) -> Result<(Timestamp, i64), String> {
    let info = tst_info(der)?;
    let d = info
        .digest
        .ok_or("the token's imprint algorithm is not supported")?;
    if data_digest(d) != info.imprint {
        return Err("the token does not time-stamp this data (message imprint)".into());
    }
    let der = der.to_vec();
    let p = parse(&der).map_err(|e| e.to_string())?;
    let econtent =
        p.sd.encap_content_info
            .econtent
            .as_ref()
            .ok_or("the token carries no TSTInfo")?;
    let octets: OctetString = econtent
        .decode_as()
        .map_err(|e: x509_cert::der::Error| e.to_string())?;
    let content_digest = p.digest.digest(octets.as_bytes());
    let at = VnDateTime::from_unix_seconds(info.gen_time).map_err(|e| e.to_string())?;
    let v = verify_detached(
        &der,
        &content_digest,
        &CmsVerifyOptions {
            anchors: anchors.clone(),
            at: Some(at),
            claimed_time: None,
        },
    );
    if let Some(f) = v.failure {
        return Err(f.to_string());
    }
    Ok((
        Timestamp {
            time: chain::iso(info.gen_time),
            authority: v.signer,
        },
        info.gen_time,
    ))
}
