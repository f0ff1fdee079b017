//! Signature and digest algorithms, with their identifiers in both signature formats egov writes:
//! XMLDSig URIs (edXML, QĐ 28/2018/QĐ-TTg Đ6.1) and CMS object identifiers (PAdES, NĐ 30/2020
//! Đ25). Cryptography: `ring`; SHA-1 and sub-2048-bit RSA are verified (documents signed years
//! ago still carry them) and reported by the callers as warnings, never produced.

use ring::signature::{self as rsig, UnparsedPublicKey};
use serde::{Deserialize, Serialize};
use sha2::Digest as _;

/// Signature algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignatureAlgorithm {
    /// RSA PKCS#1 v1.5 with SHA-1: legacy, weak; verified with a warning, never produced.
    RsaSha1,
    /// RSA PKCS#1 v1.5 with SHA-256 (the default for RSA keys).
    RsaSha256,
    /// RSA PKCS#1 v1.5 with SHA-384.
    RsaSha384,
    /// RSA PKCS#1 v1.5 with SHA-512.
    RsaSha512,
    /// ECDSA on P-256 with SHA-256 (the default for EC keys).
    EcdsaP256Sha256,
    /// ECDSA on P-384 with SHA-384.
    EcdsaP384Sha384,
}

/// Every signature algorithm egov knows, oldest first.
pub const ALL_SIGNATURES: [SignatureAlgorithm; 6] = [
    SignatureAlgorithm::RsaSha1,
    SignatureAlgorithm::RsaSha256,
    SignatureAlgorithm::RsaSha384,
    SignatureAlgorithm::RsaSha512,
    SignatureAlgorithm::EcdsaP256Sha256,
    SignatureAlgorithm::EcdsaP384Sha384,
];

/// The `rsaEncryption` key algorithm, also accepted as a CMS signature algorithm with the
/// digest named beside it (RFC 3370 §3.2).
pub const OID_RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";

impl SignatureAlgorithm {
    /// The name people read (`RSA-SHA256`, `ECDSA P-256 SHA-256`), the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            SignatureAlgorithm::RsaSha1 => "RSA-SHA1",
            SignatureAlgorithm::RsaSha256 => "RSA-SHA256",
            SignatureAlgorithm::RsaSha384 => "RSA-SHA384",
            SignatureAlgorithm::RsaSha512 => "RSA-SHA512",
            SignatureAlgorithm::EcdsaP256Sha256 => "ECDSA P-256 SHA-256",
            SignatureAlgorithm::EcdsaP384Sha384 => "ECDSA P-384 SHA-384",
        }
    }

    /// The XMLDSig algorithm URI.
    pub fn uri(self) -> &'static str {
        match self {
            SignatureAlgorithm::RsaSha1 => "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            SignatureAlgorithm::RsaSha256 => "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            SignatureAlgorithm::RsaSha384 => "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            SignatureAlgorithm::RsaSha512 => "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            SignatureAlgorithm::EcdsaP256Sha256 => {
                "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
            }
            SignatureAlgorithm::EcdsaP384Sha384 => {
                "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"
            }
        }
    }

    /// The algorithm of an XMLDSig URI.
    pub fn from_uri(uri: &str) -> Option<Self> {
        ALL_SIGNATURES.into_iter().find(|a| a.uri() == uri.trim())
    }

    /// The X.509/CMS object identifier (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, …).
    pub fn oid(self) -> &'static str {
        match self {
            SignatureAlgorithm::RsaSha1 => "1.2.840.113549.1.1.5",
            SignatureAlgorithm::RsaSha256 => "1.2.840.113549.1.1.11",
            SignatureAlgorithm::RsaSha384 => "1.2.840.113549.1.1.12",
            SignatureAlgorithm::RsaSha512 => "1.2.840.113549.1.1.13",
            SignatureAlgorithm::EcdsaP256Sha256 => "1.2.840.10045.4.3.2",
            SignatureAlgorithm::EcdsaP384Sha384 => "1.2.840.10045.4.3.3",
        }
    }

    /// The algorithm of a CMS `signatureAlgorithm` OID. `rsaEncryption` means RSA PKCS#1 v1.5
    /// with the SignerInfo's digest algorithm (RFC 3370 §3.2), hence `digest`.
    pub fn from_oid(oid: &str, digest: DigestAlgorithm) -> Option<Self> {
        if oid == OID_RSA_ENCRYPTION {
            return Some(match digest {
                DigestAlgorithm::Sha1 => SignatureAlgorithm::RsaSha1,
                DigestAlgorithm::Sha256 => SignatureAlgorithm::RsaSha256,
                DigestAlgorithm::Sha384 => SignatureAlgorithm::RsaSha384,
                DigestAlgorithm::Sha512 => SignatureAlgorithm::RsaSha512,
            });
        }
        ALL_SIGNATURES.into_iter().find(|a| a.oid() == oid)
    }

    /// The digest the algorithm hashes with.
    pub fn digest(self) -> DigestAlgorithm {
        match self {
            SignatureAlgorithm::RsaSha1 => DigestAlgorithm::Sha1,
            SignatureAlgorithm::RsaSha256 | SignatureAlgorithm::EcdsaP256Sha256 => {
                DigestAlgorithm::Sha256
            }
            SignatureAlgorithm::RsaSha384 | SignatureAlgorithm::EcdsaP384Sha384 => {
                DigestAlgorithm::Sha384
            }
            SignatureAlgorithm::RsaSha512 => DigestAlgorithm::Sha512,
        }
    }

    /// Whether this is an ECDSA algorithm.
    pub fn is_ecdsa(self) -> bool {
        self.ecdsa_field_len().is_some()
    }

    /// For ECDSA, the length of the curve's field in bytes (32 for P-256, 48 for P-384): a raw
    /// `r‖s` signature is twice it. `None` for RSA.
    pub fn ecdsa_field_len(self) -> Option<usize> {
        match self {
            SignatureAlgorithm::EcdsaP256Sha256 => Some(32),
            SignatureAlgorithm::EcdsaP384Sha384 => Some(48),
            _ => None,
        }
    }
}

/// Digest algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DigestAlgorithm {
    /// SHA-1 (legacy; verified with a warning).
    Sha1,
    /// SHA-256 (default).
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

const ALL_DIGESTS: [DigestAlgorithm; 4] = [
    DigestAlgorithm::Sha1,
    DigestAlgorithm::Sha256,
    DigestAlgorithm::Sha384,
    DigestAlgorithm::Sha512,
];

impl DigestAlgorithm {
    /// The XMLDSig algorithm URI.
    pub fn uri(self) -> &'static str {
        match self {
            DigestAlgorithm::Sha1 => "http://www.w3.org/2000/09/xmldsig#sha1",
            DigestAlgorithm::Sha256 => "http://www.w3.org/2001/04/xmlenc#sha256",
            DigestAlgorithm::Sha384 => "http://www.w3.org/2001/04/xmldsig-more#sha384",
            DigestAlgorithm::Sha512 => "http://www.w3.org/2001/04/xmlenc#sha512",
        }
    }

    /// The algorithm of an XMLDSig URI.
    pub fn from_uri(uri: &str) -> Option<Self> {
        ALL_DIGESTS.into_iter().find(|a| a.uri() == uri.trim())
    }

    /// The object identifier (`id-sha256`, …).
    pub fn oid(self) -> &'static str {
        match self {
            DigestAlgorithm::Sha1 => "1.3.14.3.2.26",
            DigestAlgorithm::Sha256 => "2.16.840.1.101.3.4.2.1",
            DigestAlgorithm::Sha384 => "2.16.840.1.101.3.4.2.2",
            DigestAlgorithm::Sha512 => "2.16.840.1.101.3.4.2.3",
        }
    }

    /// The algorithm of an object identifier.
    pub fn from_oid(oid: &str) -> Option<Self> {
        ALL_DIGESTS.into_iter().find(|a| a.oid() == oid)
    }

    /// The digest of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let mut h = self.hasher();
        h.update(data);
        h.finish()
    }

    /// An incremental hasher (for byte ranges read in pieces).
    pub fn hasher(self) -> Hasher {
        Hasher(match self {
            DigestAlgorithm::Sha1 => HasherKind::Sha1(ring::digest::Context::new(
                &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
            )),
            DigestAlgorithm::Sha256 => HasherKind::Sha256(sha2::Sha256::new()),
            DigestAlgorithm::Sha384 => HasherKind::Sha384(sha2::Sha384::new()),
            DigestAlgorithm::Sha512 => HasherKind::Sha512(sha2::Sha512::new()),
        })
    }
}

enum HasherKind {
    Sha1(ring::digest::Context),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

/// An incremental digest ([`DigestAlgorithm::hasher`]).
pub struct Hasher(HasherKind);

impl Hasher {
    /// Adds bytes.
    pub fn update(&mut self, data: &[u8]) {
        match &mut self.0 {
            HasherKind::Sha1(c) => c.update(data),
            HasherKind::Sha256(h) => h.update(data),
            HasherKind::Sha384(h) => h.update(data),
            HasherKind::Sha512(h) => h.update(data),
        }
    }

    /// The digest.
    pub fn finish(self) -> Vec<u8> {
        match self.0 {
            HasherKind::Sha1(c) => c.finish().as_ref().to_vec(),
            HasherKind::Sha256(h) => h.finalize().to_vec(),
            HasherKind::Sha384(h) => h.finalize().to_vec(),
            HasherKind::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

/// The signature's encoding, which differs between the formats for ECDSA: XMLDSig carries the
/// raw `r‖s`, CMS and X.509 the DER `Ecdsa-Sig-Value`. RSA is the same in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureEncoding {
    /// Raw `r‖s` (XMLDSig, PKCS#11 `CKM_ECDSA`).
    Fixed,
    /// DER `SEQUENCE { r INTEGER, s INTEGER }` (CMS, X.509).
    Asn1,
}

/// How a verification went beyond yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStrength {
    /// The key is of today's sizes.
    Adequate,
    /// An RSA key shorter than 2048 bits (accepted, to be reported).
    ShortRsa,
}

/// Verifies `sig` over `data` with the public key `key` (the SubjectPublicKeyInfo's bit string:
/// PKCS#1 `RSAPublicKey` or the uncompressed EC point). `None`: it does not verify.
pub fn verify(
    alg: SignatureAlgorithm,
    encoding: SignatureEncoding,
    key: &[u8],
    data: &[u8],
    sig: &[u8],
) -> Option<KeyStrength> {
    let try_with = |a: &'static dyn rsig::VerificationAlgorithm| {
        UnparsedPublicKey::new(a, key).verify(data, sig).is_ok()
    };
    let fixed = encoding == SignatureEncoding::Fixed;
    let ok = |b: bool| b.then_some(KeyStrength::Adequate);
    match alg {
        SignatureAlgorithm::RsaSha1 => ok(try_with(
            &rsig::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        )),
        SignatureAlgorithm::RsaSha256 => {
            if try_with(&rsig::RSA_PKCS1_2048_8192_SHA256) {
                Some(KeyStrength::Adequate)
            } else if try_with(&rsig::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY) {
                Some(KeyStrength::ShortRsa)
            } else {
                None
            }
        }
        SignatureAlgorithm::RsaSha384 => ok(try_with(&rsig::RSA_PKCS1_2048_8192_SHA384)),
        SignatureAlgorithm::RsaSha512 => {
            if try_with(&rsig::RSA_PKCS1_2048_8192_SHA512) {
                Some(KeyStrength::Adequate)
            } else if try_with(&rsig::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY) {
                Some(KeyStrength::ShortRsa)
            } else {
                None
            }
        }
        SignatureAlgorithm::EcdsaP256Sha256 => ok(if fixed {
            try_with(&rsig::ECDSA_P256_SHA256_FIXED)
        } else {
            try_with(&rsig::ECDSA_P256_SHA256_ASN1)
        }),
        SignatureAlgorithm::EcdsaP384Sha384 => ok(if fixed {
            try_with(&rsig::ECDSA_P384_SHA384_FIXED)
        } else {
            try_with(&rsig::ECDSA_P384_SHA384_ASN1)
        }),
    }
}

/// An ECDSA signature as raw `r‖s` of `2 × field` bytes (32 for P-256, 48 for P-384), the form
/// [`crate::Signer::sign`] gives: raw input kept, a DER `Ecdsa-Sig-Value` (what OpenSSL, some
/// PKCS#11 modules and signing services return) converted. `None` for anything else.
pub fn ecdsa_asn1_to_fixed(sig: &[u8], field: usize) -> Option<Vec<u8>> {
    use x509_cert::der::{Decode as _, Reader as _};
    if sig.len() == 2 * field {
        return Some(sig.to_vec());
    }
    let mut r = x509_cert::der::SliceReader::new(sig).ok()?;
    let (a, b) = r
        .sequence(|r| {
            let a = x509_cert::der::asn1::UintRef::decode(r)?;
            let b = x509_cert::der::asn1::UintRef::decode(r)?;
            Ok::<_, x509_cert::der::Error>((a.as_bytes().to_vec(), b.as_bytes().to_vec()))
        })
        .ok()?;
    let mut out = Vec::with_capacity(2 * field);
    for v in [a, b] {
        let v = strip_zeros(&v);
        if v.len() > field {
            return None;
        }
        out.extend(std::iter::repeat_n(0u8, field - v.len()));
        out.extend_from_slice(v);
    }
    Some(out)
}

/// `v` without its leading zero bytes.
pub(crate) fn strip_zeros(v: &[u8]) -> &[u8] {
    let start = v.iter().position(|b| *b != 0).unwrap_or(v.len());
    &v[start..]
}

/// Raw `r‖s` to DER `Ecdsa-Sig-Value` (for CMS). `None` when `raw` has an odd length or is empty.
pub fn ecdsa_fixed_to_asn1(raw: &[u8]) -> Option<Vec<u8>> {
    if raw.is_empty() || !raw.len().is_multiple_of(2) {
        return None;
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    fn int(v: &[u8]) -> Vec<u8> {
        let mut v: Vec<u8> = v.iter().copied().skip_while(|b| *b == 0).collect();
        if v.is_empty() || v[0] & 0x80 != 0 {
            v.insert(0, 0);
        }
        let mut out = vec![0x02];
        push_len(&mut out, v.len());
        out.extend_from_slice(&v);
        out
    }
    let body = [int(r), int(s)].concat();
    let mut out = vec![0x30];
    push_len(&mut out, body.len());
    out.extend_from_slice(&body);
    Some(out)
}

fn push_len(out: &mut Vec<u8>, len: usize) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_read_back() {
        for a in ALL_SIGNATURES {
            assert_eq!(SignatureAlgorithm::from_uri(a.uri()), Some(a));
            assert_eq!(SignatureAlgorithm::from_oid(a.oid(), a.digest()), Some(a));
        }
        for d in ALL_DIGESTS {
            assert_eq!(DigestAlgorithm::from_uri(d.uri()), Some(d));
            assert_eq!(DigestAlgorithm::from_oid(d.oid()), Some(d));
        }
        assert_eq!(
            SignatureAlgorithm::from_oid(OID_RSA_ENCRYPTION, DigestAlgorithm::Sha384),
            Some(SignatureAlgorithm::RsaSha384)
        );
    }

    #[test]
    fn incremental_digest_equals_one_shot() {
        for d in ALL_DIGESTS {
            let mut h = d.hasher();
            h.update(b"ab");
            h.update(b"c");
            assert_eq!(h.finish(), d.digest(b"abc"));
        }
        assert_eq!(
            DigestAlgorithm::Sha256.digest(b"abc")[..4],
            [0xba, 0x78, 0x16, 0xbf]
        );
    }

    #[test]
    fn ecdsa_der_form() {
        let mut raw = vec![0u8; 64];
        raw[0] = 0x80; // r needs a leading zero
        raw[63] = 1; // s is 1
        let der = ecdsa_fixed_to_asn1(&raw).unwrap();
        assert_eq!(der[0], 0x30);
        assert_eq!(&der[2..5], &[0x02, 33, 0x00]);
        assert_eq!(&der[der.len() - 3..], &[0x02, 1, 1]);
        assert!(ecdsa_fixed_to_asn1(&[1, 2, 3]).is_none());
    }
}
