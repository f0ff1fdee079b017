//! XML Signature (XMLDSig, enveloped) over edXML packages: verify what the axis carries today
//! (RSA-SHA1 with a warning, RSA-SHA256/384/512, ECDSA P-256/P-384 with SHA-256/384; inclusive
//! and exclusive C14N 1.0 as the signature declares) and sign with RSA-SHA256 or ECDSA P-256
//! through a [`Signer`], so that a USB token or a remote signing service can hold the key.
//!
//! The law: QĐ 28/2018/QĐ-TTg Đ6.1 (DOC-18) «phải được bảo đảm tính xác thực về nguồn gốc, sự
//! toàn vẹn»; Đ4.1 (DOC-14): a digitally signed e-document sent through the system has the legal
//! value of paper; Đ8.1 (DOC-25): documents are digitally signed before sending.
//!
//! Only the form that makes wrapping impossible is accepted: exactly one `Signature` in the
//! XMLDSig namespace, one `Reference` with `URI=""` (the whole document), the
//! enveloped-signature transform, at most one canonicalisation transform. The enveloped
//! transform removes exactly that `Signature` element and nothing else, so no content can be
//! moved, duplicated or hidden outside the digest; comments are never part of a `URI=""`
//! digest (XMLDSig §4.3.3.3), whitespace is. Every failure is reported distinctly
//! ([`Failure`]). The algorithms, the [`Signer`] and the certificate path to caller-supplied
//! anchors are egov-sign's, shared with CMS/PAdES (egov-conversion).

use std::io;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use egov_core::i18n::iso_vi;
use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use x509_cert::der::Decode;
use x509_cert::Certificate;

use crate::c14n;
use crate::xml::{self, Element, Limits, TextStream, NS_DSIG};

/// The enveloped-signature transform.
pub const TRANSFORM_ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
/// The non-W3C exclusive C14N URI of the VPCP samples (not an algorithm identifier).
pub const VPCP_BAD_EXC_C14N: &str = "http://www.w3.org/TR/xml-exc-c14n#";

pub use egov_sign::{DigestAlgorithm, SignatureAlgorithm};

/// Why a signature does not verify. Each has a stable code (`dsig.digest_mismatch`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Failure {
    /// The package carries no `Signature` element.
    #[error("the package carries no signature")]
    NoSignature,
    /// More than one `Signature` in the XMLDSig namespace: ambiguous, refused.
    #[error("the package carries {count} XMLDSig signatures; exactly one is accepted")]
    MultipleSignatures {
        /// How many.
        count: usize,
    },
    /// A `Signature` outside the XMLDSig namespace (the VPCP samples' defect).
    #[error("the Signature element is in {namespace}, not the XML Signature namespace")]
    Namespace {
        /// Its namespace.
        namespace: String,
    },
    /// The VPCP example program's constant values: never computed.
    #[error("the signature carries the VPCP example program's placeholder values")]
    Placeholder,
    /// The signature's structure is not XMLDSig's.
    #[error("malformed signature: {reason}")]
    Malformed {
        /// What is wrong.
        reason: String,
        /// The same in Vietnamese (CORE-06).
        #[serde(default)]
        reason_vi: String,
    },
    /// An algorithm this verifier does not accept.
    #[error("unknown or unsupported algorithm {uri}")]
    UnknownAlgorithm {
        /// The URI.
        uri: String,
    },
    /// A transform this verifier does not accept.
    #[error("unknown or unsupported transform {uri}")]
    UnknownTransform {
        /// The URI.
        uri: String,
    },
    /// A reference other than one `URI=""` with the enveloped-signature transform.
    #[error("unsupported reference: {reason}")]
    UnsupportedReference {
        /// Why.
        reason: String,
        /// The same in Vietnamese (CORE-06).
        #[serde(default)]
        reason_vi: String,
    },
    /// The document's digest is not the one signed: the package was changed after signing.
    #[error("the document's digest does not match the signed DigestValue: the package was changed after signing")]
    DigestMismatch {
        /// The digest computed, base64.
        computed: String,
        /// The DigestValue, as written.
        signed: String,
    },
    /// The signature value does not verify with the certificate's key.
    #[error("the signature value does not verify with the certificate's public key")]
    SignatureInvalid,
    /// No X509Certificate in KeyInfo.
    #[error("KeyInfo carries no X509Certificate")]
    NoCertificate,
    /// The certificate cannot be read.
    #[error("the certificate cannot be read: {reason}")]
    BadCertificate {
        /// Why.
        reason: String,
    },
    /// No path from the certificate to a trust anchor.
    #[error("the certificate is not trusted: {reason}")]
    Untrusted {
        /// Why.
        reason: String,
        /// The same in Vietnamese (CORE-06).
        #[serde(default)]
        reason_vi: String,
    },
    /// A certificate of the path was not valid at the signing time.
    #[error("certificate {subject} is not valid at {at}: valid {not_before} to {not_after}")]
    Expired {
        /// Whose.
        subject: String,
        /// The time checked.
        at: String,
        /// Validity start.
        not_before: String,
        /// Validity end.
        not_after: String,
    },
}

impl Failure {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::NoSignature => "dsig.no_signature",
            Failure::MultipleSignatures { .. } => "dsig.multiple_signatures",
            Failure::Namespace { .. } => "dsig.namespace",
            Failure::Placeholder => "dsig.placeholder",
            Failure::Malformed { .. } => "dsig.malformed",
            Failure::UnknownAlgorithm { .. } => "dsig.unknown_algorithm",
            Failure::UnknownTransform { .. } => "dsig.unknown_transform",
            Failure::UnsupportedReference { .. } => "dsig.unsupported_reference",
            Failure::DigestMismatch { .. } => "dsig.digest_mismatch",
            Failure::SignatureInvalid => "dsig.signature_invalid",
            Failure::NoCertificate => "dsig.no_certificate",
            Failure::BadCertificate { .. } => "dsig.bad_certificate",
            Failure::Untrusted { .. } => "dsig.untrusted",
            Failure::Expired { .. } => "dsig.expired",
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Failure::NoSignature => "gói tin không có chữ ký".into(),
            Failure::MultipleSignatures { count } => format!("gói tin có {count} chữ ký XMLDSig; chỉ chấp nhận đúng một"),
            Failure::Namespace { namespace } => format!("phần tử Signature thuộc {namespace}, không thuộc không gian tên chữ ký XML"),
            Failure::Placeholder => "chữ ký mang giá trị giữ chỗ của chương trình mẫu VPCP".into(),
            Failure::Malformed { reason_vi, .. } => format!("chữ ký sai cấu trúc: {reason_vi}"),
            Failure::UnknownAlgorithm { uri } => format!("thuật toán không được hỗ trợ: {uri}"),
            Failure::UnknownTransform { uri } => format!("phép biến đổi không được hỗ trợ: {uri}"),
            Failure::UnsupportedReference { reason_vi, .. } => format!("tham chiếu không được hỗ trợ: {reason_vi}"),
            Failure::DigestMismatch { .. } => "giá trị băm của tài liệu không khớp DigestValue đã ký: gói tin đã bị thay đổi sau khi ký".into(),
            Failure::SignatureInvalid => "giá trị chữ ký không khớp khóa công khai của chứng thư".into(),
            Failure::NoCertificate => "KeyInfo không có X509Certificate".into(),
            Failure::BadCertificate { .. } => {
                "không đọc được chứng thư: không phải chứng thư X.509 dạng DER".into()
            }
            Failure::Untrusted { reason_vi, .. } => format!("chứng thư không được tin cậy: {reason_vi}"),
            Failure::Expired { subject, at, not_before, not_after } => {
                format!(
                    "chứng thư {subject} không còn hiệu lực lúc {}: hiệu lực từ {} đến {}",
                    iso_vi(at),
                    iso_vi(not_before),
                    iso_vi(not_after)
                )
            }
        }
    }
}

pub use egov_sign::{AnchorsError, ChainStatus, SignerCertificate, TrustAnchors};

/// How to verify.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// Trust anchors; empty: the chain is not checked (the result says so).
    pub anchors: TrustAnchors,
    /// The time certificates must be valid at. Default: the package's signing time as its first
    /// `TraceHeader` states it, else now.
    pub at: Option<VnDateTime>,
    /// Bounds for reading the package.
    pub limits: Limits,
}

/// What verification found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Verification {
    /// Why it does not verify (`None`: it verifies).
    pub failure: Option<Failure>,
    /// The signature algorithm, when known.
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The digest algorithm, when known.
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// `SignedInfo`'s canonicalisation URI.
    pub canonicalization: Option<String>,
    /// The signer's certificate, when readable.
    pub signer: Option<SignerCertificate>,
    /// The chain, when the signature itself verified.
    pub chain: Option<ChainStatus>,
    /// The time certificates were checked at.
    pub checked_at: Option<String>,
    /// Things that verify but should not be relied on (SHA-1, short keys).
    pub warnings: Vec<String>,
}

impl Verification {
    fn fail(failure: Failure) -> Self {
        Verification {
            failure: Some(failure),
            signature_algorithm: None,
            digest_algorithm: None,
            canonicalization: None,
            signer: None,
            chain: None,
            checked_at: None,
            warnings: Vec::new(),
        }
    }

    /// Whether the signature verifies (digest, value, and — when anchors were given — chain).
    pub fn is_valid(&self) -> bool {
        self.failure.is_none()
    }

    /// The result as findings (DOC-18, QĐ 28/2018/QĐ-TTg Đ6.1; DOC-14, Đ4).
    pub fn findings(&self) -> Vec<Finding> {
        let basis = || LegalRef::clause(Instrument::Qd28_2018, 6, 1);
        let mut out = Vec::new();
        match &self.failure {
            Some(f) => {
                let mut finding = Finding::new(
                    "DOC-18",
                    basis(),
                    Outcome::Fail,
                    f.to_string(),
                    f.message_vi(),
                );
                finding.evidence = serde_json::to_value(f).ok();
                out.push(finding.with_field("edXMLEnvelope/edXMLHeader/Signature"));
            }
            None => {
                let who = self
                    .signer
                    .as_ref()
                    .map(|s| s.subject.clone())
                    .unwrap_or_default();
                let (outcome, en, vi) = match &self.chain {
                    Some(ChainStatus::Trusted { anchor, .. }) => (
                        Outcome::Pass,
                        format!("the XMLDSig signature verifies: the document is as {who} signed it, and the certificate chains to the trust anchor {anchor}"),
                        format!("chữ ký XMLDSig hợp lệ: văn bản đúng như {who} đã ký, chứng thư dẫn tới gốc tin cậy {anchor}"),
                    ),
                    _ => (
                        Outcome::Unknown,
                        format!("the XMLDSig signature verifies with {who}'s certificate, but no trust anchor was given to check who issued it"),
                        format!("chữ ký XMLDSig khớp chứng thư của {who}, nhưng chưa có chứng thư gốc tin cậy để kiểm tra đơn vị cấp"),
                    ),
                };
                let mut f = Finding::new("DOC-18", basis(), outcome, en, vi)
                    .with_field("edXMLEnvelope/edXMLHeader/Signature");
                f.evidence = serde_json::to_value(self).ok();
                out.push(f);
            }
        }
        for w in &self.warnings {
            out.push(
                Finding::new(
                    "DOC-18",
                    basis(),
                    Outcome::Warning,
                    w.clone(),
                    warning_vi(w),
                )
                .with_field("edXMLEnvelope/edXMLHeader/Signature"),
            );
        }
        out
    }
}

fn warning_vi(w: &str) -> String {
    if w.contains("SHA-1") {
        "chữ ký dùng SHA-1, thuật toán cũ không còn được coi là an toàn".into()
    } else if w.contains("bits") {
        "khóa RSA ngắn hơn 2048 bit, không còn được coi là an toàn".into()
    } else {
        w.to_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the signature.

/// Keeps nothing of attachment text: the digest is computed on the original bytes.
struct Skip;
impl TextStream for Skip {
    fn begin(&mut self, _: usize, _: &Element, _: &Element) -> io::Result<()> {
        Ok(())
    }
    fn chunk(&mut self, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn walk<'e>(el: &'e Element, out: &mut Vec<&'e Element>) {
    if el.name.local == "Signature" {
        out.push(el);
    }
    for c in &el.children {
        walk(c, out);
    }
}

/// Whether a signature element holds the VPCP example's constant DigestValue or certificate.
fn has_placeholder(el: &Element) -> bool {
    let text = el.text.trim();
    (el.name.local == "DigestValue" && text == "FwgIqsSYJshUS2+wlOM61L+q7Aw=")
        || (el.name.local == "X509Certificate" && text == "MIIFqTCCBJG")
        || el.children.iter().any(has_placeholder)
}

fn dsig_child<'e>(el: &'e Element, local: &str) -> Result<&'e Element, Failure> {
    let mut found = el
        .children
        .iter()
        .filter(|c| c.name.local == local && c.name.ns.as_deref() == Some(NS_DSIG));
    let parent = &el.name.local;
    let first = found.next().ok_or_else(|| {
        malformed(
            format!("<{parent}> has no <{local}>"),
            format!("<{parent}> không có <{local}>"),
        )
    })?;
    if found.next().is_some() {
        return Err(malformed(
            format!("<{parent}> has more than one <{local}>"),
            format!("<{parent}> có hơn một <{local}>"),
        ));
    }
    Ok(first)
}

fn algorithm_attr(el: &Element) -> Result<String, Failure> {
    el.attributes
        .iter()
        .find(|a| a.name.local == "Algorithm" && a.name.ns.is_none())
        .map(|a| a.value.clone())
        .ok_or_else(|| {
            malformed(
                format!("<{}> has no Algorithm", el.name.local),
                format!("<{}> không có thuộc tính Algorithm", el.name.local),
            )
        })
}

/// A [`Failure::Malformed`] saying what in English and in Vietnamese.
fn malformed(reason: String, reason_vi: String) -> Failure {
    Failure::Malformed { reason, reason_vi }
}

/// A [`Failure::UnsupportedReference`] saying why in English and in Vietnamese.
fn unsupported_reference(reason: String, reason_vi: String) -> Failure {
    Failure::UnsupportedReference { reason, reason_vi }
}

fn b64(text: &str) -> Result<Vec<u8>, Failure> {
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD.decode(clean.as_bytes()).map_err(|e| {
        malformed(
            format!("not base64: {e}"),
            "một giá trị không phải dữ liệu base64".to_owned(),
        )
    })
}

/// Canonicalises the document (or the element starting at `apex`), leaving out the element
/// spanning `exclude`.
fn canonical(
    xml: &[u8],
    alg: &c14n::Algorithm,
    apex: Option<u64>,
    exclude: Option<(u64, u64)>,
) -> Result<Vec<u8>, Failure> {
    c14n::canonicalize_span(xml, alg, apex, exclude).map_err(|e| {
        malformed(
            format!("cannot canonicalise: {e}"),
            "không chuẩn hóa (C14N) được tài liệu để kiểm tra chữ ký".to_owned(),
        )
    })
}

/// Verifies the package's signature.
pub fn verify(xml_bytes: &[u8], options: &VerifyOptions) -> Verification {
    let doc = match xml::read_document(xml_bytes, &options.limits, &mut Skip) {
        Ok(d) => d,
        Err(e) => {
            return Verification::fail(malformed(
                format!("the package cannot be read: {e}"),
                format!("không đọc được gói tin: {}", e.message_vi()),
            ))
        }
    };
    let mut sigs = Vec::new();
    walk(&doc.root, &mut sigs);
    let dsig: Vec<&Element> = sigs
        .iter()
        .copied()
        .filter(|s| s.name.ns.as_deref() == Some(NS_DSIG))
        .collect();
    let sig = match (dsig.len(), sigs.first()) {
        (0, None) => return Verification::fail(Failure::NoSignature),
        (0, Some(s)) => {
            let placeholder = has_placeholder(s);
            return Verification::fail(if placeholder {
                Failure::Placeholder
            } else {
                Failure::Namespace {
                    namespace: s.name.ns.as_deref().unwrap_or("no namespace").to_owned(),
                }
            });
        }
        (1, _) => dsig[0],
        (n, _) => return Verification::fail(Failure::MultipleSignatures { count: n }),
    };
    let mut v = Verification::fail(Failure::NoSignature);
    v.failure = None;
    match verify_one(xml_bytes, &doc, sig, options, &mut v) {
        Ok(()) => v,
        Err(f) => {
            v.failure = Some(f);
            v
        }
    }
}

fn verify_one(
    bytes: &[u8],
    doc: &xml::Document,
    sig: &Element,
    options: &VerifyOptions,
    v: &mut Verification,
) -> Result<(), Failure> {
    let signed_info = dsig_child(sig, "SignedInfo")?;
    let c14n_uri = algorithm_attr(dsig_child(signed_info, "CanonicalizationMethod")?)?;
    v.canonicalization = Some(c14n_uri.clone());
    let si_alg = c14n_algorithm(
        &c14n_uri,
        dsig_child(signed_info, "CanonicalizationMethod")?,
    )?;
    let sm_uri = algorithm_attr(dsig_child(signed_info, "SignatureMethod")?)?;
    let sm = SignatureAlgorithm::from_uri(&sm_uri).ok_or(Failure::UnknownAlgorithm {
        uri: sm_uri.clone(),
    })?;
    v.signature_algorithm = Some(sm);
    if sm == SignatureAlgorithm::RsaSha1 {
        v.warnings.push(
            "the signature uses RSA-SHA1, a legacy algorithm no longer considered secure (SHA-1)"
                .into(),
        );
    }
    let refs: Vec<&Element> = signed_info
        .children
        .iter()
        .filter(|c| c.name.local == "Reference" && c.name.ns.as_deref() == Some(NS_DSIG))
        .collect();
    if refs.len() != 1 {
        return Err(unsupported_reference(
            format!(
                "{} references; exactly one with URI=\"\" is accepted",
                refs.len()
            ),
            format!(
                "có {} tham chiếu; chỉ chấp nhận đúng một tham chiếu URI=\"\"",
                refs.len()
            ),
        ));
    }
    let r = refs[0];
    let uri = r
        .attributes
        .iter()
        .find(|a| a.name.local == "URI" && a.name.ns.is_none())
        .map(|a| a.value.as_str());
    if uri != Some("") {
        return Err(unsupported_reference(
            format!(
                "the reference URI is {}; only URI=\"\" (the whole document) is accepted",
                uri.map_or("absent".to_owned(), |u| format!("{u:?}"))
            ),
            format!(
                "tham chiếu {}; chỉ chấp nhận URI=\"\" (cả tài liệu)",
                uri.map_or("không có URI".to_owned(), |u| format!(
                    "trỏ tới URI {}",
                    egov_core::i18n::quote_vi(u)
                ))
            ),
        ));
    }
    // Transforms: enveloped-signature, then at most one canonicalisation.
    let mut enveloped = false;
    let mut ref_alg =
        c14n::Algorithm::from_uri(c14n::INCLUSIVE).ok_or(Failure::UnknownAlgorithm {
            uri: c14n::INCLUSIVE.into(),
        })?;
    if let Ok(ts) = dsig_child(r, "Transforms") {
        for (i, t) in ts
            .children
            .iter()
            .filter(|c| c.name.local == "Transform")
            .enumerate()
        {
            let turi = algorithm_attr(t)?;
            if turi == TRANSFORM_ENVELOPED && i == 0 {
                enveloped = true;
            } else if i == 1 && enveloped {
                ref_alg = c14n_algorithm(&turi, t)
                    .map_err(|_| Failure::UnknownTransform { uri: turi.clone() })?;
            } else {
                return Err(Failure::UnknownTransform { uri: turi });
            }
        }
    }
    if !enveloped {
        return Err(unsupported_reference(
            "the reference lacks the enveloped-signature transform".into(),
            "tham chiếu thiếu phép biến đổi enveloped-signature".into(),
        ));
    }
    let dm_uri = algorithm_attr(dsig_child(r, "DigestMethod")?)?;
    let dm = DigestAlgorithm::from_uri(&dm_uri).ok_or(Failure::UnknownAlgorithm {
        uri: dm_uri.clone(),
    })?;
    v.digest_algorithm = Some(dm);
    if dm == DigestAlgorithm::Sha1 && sm != SignatureAlgorithm::RsaSha1 {
        v.warnings.push(
            "the reference digest uses SHA-1, a legacy algorithm no longer considered secure"
                .into(),
        );
    }
    let digest_text = dsig_child(r, "DigestValue")?.text.clone();
    if digest_text.trim() == "FwgIqsSYJshUS2+wlOM61L+q7Aw=" {
        return Err(Failure::Placeholder);
    }
    let signed_digest = b64(&digest_text)?;
    let value = b64(&dsig_child(sig, "SignatureValue")?.text)?;

    // Certificates (before the digest, so that the signer is known even when it fails).
    let certs: Vec<Vec<u8>> = match dsig_child(sig, "KeyInfo") {
        Ok(ki) => ki
            .children
            .iter()
            .filter(|c| c.name.local == "X509Data")
            .flat_map(|x| {
                x.children
                    .iter()
                    .filter(|c| c.name.local == "X509Certificate")
            })
            .map(|c| b64(&c.text))
            .collect::<Result<_, _>>()?,
        Err(_) => Vec::new(),
    };
    let leaf_der = certs.first().ok_or(Failure::NoCertificate)?;
    let leaf = Certificate::from_der(leaf_der).map_err(|e| Failure::BadCertificate {
        reason: e.to_string(),
    })?;
    v.signer = Some(SignerCertificate::of(&leaf));

    // 1. The document's digest, without the Signature element.
    let canon = canonical(bytes, &ref_alg, None, Some(sig.span))?;
    let computed = dm.digest(&canon);
    if computed != signed_digest {
        return Err(Failure::DigestMismatch {
            computed: STANDARD.encode(&computed),
            signed: digest_text.trim().to_owned(),
        });
    }
    // 2. The signature over the canonical SignedInfo.
    let si = canonical(bytes, &si_alg, Some(signed_info.span.0), None)?;
    let spki = leaf.tbs_certificate().subject_public_key_info();
    let key = spki.subject_public_key.raw_bytes();
    verify_raw(sm, key, &si, &value, &mut v.warnings)?;

    // 3. The chain.
    let at = options
        .at
        .or_else(|| signing_time(doc))
        .unwrap_or_else(egov_sign::chain::now);
    v.checked_at = Some(at.to_string());
    let pool: Vec<Certificate> = certs[1..]
        .iter()
        .filter_map(|d| Certificate::from_der(d).ok())
        .collect();
    if options.anchors.is_empty() {
        // Reported even when the leaf turns out not to be valid at `at`.
        v.chain = Some(ChainStatus::NotChecked);
    }
    let status = egov_sign::chain::validate(&leaf, &pool, &options.anchors, at)?;
    v.chain = Some(status);
    Ok(())
}

fn c14n_algorithm(uri: &str, el: &Element) -> Result<c14n::Algorithm, Failure> {
    let mut alg = c14n::Algorithm::from_uri(uri).ok_or_else(|| {
        if uri == VPCP_BAD_EXC_C14N {
            Failure::UnknownTransform { uri: format!("{uri} (not a W3C identifier; exclusive C14N is http://www.w3.org/2001/10/xml-exc-c14n#)") }
        } else {
            Failure::UnknownAlgorithm { uri: uri.to_owned() }
        }
    })?;
    // Exclusive C14N's InclusiveNamespaces PrefixList.
    if let Some(list) = el
        .children
        .iter()
        .find(|c| c.name.local == "InclusiveNamespaces")
    {
        if let Some(p) = list
            .attributes
            .iter()
            .find(|a| a.name.local == "PrefixList")
        {
            alg = alg
                .with_inclusive_prefixes(p.value.split_whitespace().map(str::to_owned).collect());
        }
    }
    Ok(alg)
}

fn verify_raw(
    alg: SignatureAlgorithm,
    key: &[u8],
    data: &[u8],
    sig: &[u8],
    warnings: &mut Vec<String>,
) -> Result<(), Failure> {
    use egov_sign::algorithm::{verify, KeyStrength, SignatureEncoding};
    match verify(alg, SignatureEncoding::Fixed, key, data, sig) {
        Some(KeyStrength::Adequate) => Ok(()),
        Some(KeyStrength::ShortRsa) => {
            warnings.push("the RSA key is shorter than 2048 bits".into());
            Ok(())
        }
        None => Err(Failure::SignatureInvalid),
    }
}

/// The signing time a package states: its first `TraceHeader` timestamp.
fn signing_time(doc: &xml::Document) -> Option<VnDateTime> {
    fn find<'e>(el: &'e Element, local: &str) -> Option<&'e Element> {
        if el.name.local == local {
            return Some(el);
        }
        el.children.iter().find_map(|c| find(c, local))
    }
    let trace = find(&doc.root, "TraceHeader")?;
    let ts = trace.child("Timestamp")?;
    crate::dates::parse_timestamp(&ts.text).ok().map(|(t, _)| t)
}

impl From<egov_sign::ChainError> for Failure {
    fn from(e: egov_sign::ChainError) -> Self {
        match e {
            egov_sign::ChainError::Expired {
                subject,
                at,
                not_before,
                not_after,
            } => Failure::Expired {
                subject,
                at,
                not_before,
                not_after,
            },
            egov_sign::ChainError::Untrusted { reason, reason_vi } => {
                Failure::Untrusted { reason, reason_vi }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Signing.

/// Why signing failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The package cannot be read.
    #[error("the package cannot be read: {0}")]
    Read(#[source] xml::XmlError),
    /// It already carries an XMLDSig signature.
    #[error("the package is already signed (an XMLDSig Signature is present)")]
    AlreadySigned,
    /// It has no `edXMLHeader` to hold the signature.
    #[error("the package has no edXMLHeader")]
    NoHeader,
    /// The key or certificate cannot be used.
    #[error("key or certificate: {0}")]
    Key(String),
    /// The signer failed (token removed, remote service down, …).
    #[error("the signer failed: {0}")]
    Signer(String),
    /// Canonicalisation failed.
    #[error("canonicalisation failed: {0}")]
    C14n(String),
    /// SHA-1 (RSA-SHA1, or a SHA-1 reference digest) was asked for without
    /// [`SignOptions::legacy_sha1`]: legacy, weak, made only when the caller says so.
    #[error(
        "{algorithm} is legacy and weak (SHA-1): it is made only with the explicit legacy \
         option (legacy_sha1)"
    )]
    LegacySha1 {
        /// The algorithm's URI.
        algorithm: String,
    },
}

impl egov_core::ErrorCode for SignError {
    fn code(&self) -> &'static str {
        SignError::code(self)
    }
}

impl egov_core::Localize for SignError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            SignError::AlreadySigned | SignError::NoHeader => egov_core::args!(),
            SignError::Read(e) => egov_core::args!(reason = e.message_vi()),
            SignError::Key(reason) | SignError::Signer(reason) | SignError::C14n(reason) => {
                egov_core::args!(reason = reason)
            }
            SignError::LegacySha1 { algorithm } => egov_core::args!(algorithm = algorithm),
        }
    }
}

impl SignError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::Read(_) => "dsig.sign.read",
            SignError::AlreadySigned => "dsig.sign.already_signed",
            SignError::NoHeader => "dsig.sign.no_header",
            SignError::Key(_) => "dsig.sign.key",
            SignError::Signer(_) => "dsig.sign.signer",
            SignError::C14n(_) => "dsig.sign.c14n",
            SignError::LegacySha1 { .. } => "dsig.sign.legacy_sha1",
        }
    }
}

pub use egov_sign::{KeyPairSigner, Signer};

impl From<egov_sign::KeyError> for SignError {
    fn from(e: egov_sign::KeyError) -> Self {
        SignError::Key(e.to_string())
    }
}

/// How to sign.
#[derive(Debug, Clone)]
pub struct SignOptions {
    /// The canonicalisation of `SignedInfo` and of the document (default exclusive C14N 1.0).
    pub c14n: String,
    /// The digest (default SHA-256).
    pub digest: DigestAlgorithm,
    /// Bounds for reading the package.
    pub limits: Limits,
    /// Allows SHA-1: a signer whose algorithm is RSA-SHA1, a SHA-1 `digest` (default `false`:
    /// both are refused with [`SignError::LegacySha1`]). Only for a receiver that accepts
    /// nothing else, as the closed builders of the axis sign; the signature is weak and egov's
    /// own verification warns of it. egov's in-memory keys ([`KeyPairSigner`]) never sign
    /// with SHA-1; a token (`egov_sign::Pkcs11Signer::with_algorithm`) or your own [`Signer`]
    /// can.
    pub legacy_sha1: bool,
}

impl Default for SignOptions {
    fn default() -> Self {
        SignOptions {
            c14n: c14n::EXCLUSIVE.to_owned(),
            digest: DigestAlgorithm::Sha256,
            limits: Limits::default(),
            legacy_sha1: false,
        }
    }
}

/// Signs a package: an enveloped XMLDSig `Signature` (namespace declared, `Reference URI=""`,
/// enveloped-signature and C14N transforms, X509Certificate chain) is placed last in
/// `edXMLHeader`, after `TraceHeaderList`, where the reference layout has it. A `Signature`
/// outside the XMLDSig namespace (the VPCP placeholder) is replaced.
pub fn sign(
    package: &[u8],
    signer: &dyn Signer,
    options: &SignOptions,
) -> Result<Vec<u8>, SignError> {
    if !options.legacy_sha1 {
        let algorithm = signer.algorithm();
        if algorithm == SignatureAlgorithm::RsaSha1 {
            return Err(SignError::LegacySha1 {
                algorithm: algorithm.uri().to_owned(),
            });
        }
        if options.digest == DigestAlgorithm::Sha1 {
            return Err(SignError::LegacySha1 {
                algorithm: options.digest.uri().to_owned(),
            });
        }
    }
    let doc = xml::read_document(package, &options.limits, &mut Skip).map_err(SignError::Read)?;
    let mut sigs = Vec::new();
    walk(&doc.root, &mut sigs);
    if sigs.iter().any(|s| s.name.ns.as_deref() == Some(NS_DSIG)) {
        return Err(SignError::AlreadySigned);
    }
    fn find<'e>(el: &'e Element, local: &str) -> Option<&'e Element> {
        if el.name.local == local {
            return Some(el);
        }
        el.children.iter().find_map(|c| find(c, local))
    }
    let header = find(&doc.root, "edXMLHeader").ok_or(SignError::NoHeader)?;
    let alg = c14n::Algorithm::from_uri(&options.c14n)
        .ok_or_else(|| SignError::C14n(format!("unknown canonicalisation {}", options.c14n)))?;
    let eol = if doc.line_breaks.0 > 0 { "\r\n" } else { "\n" };

    // Remove a placeholder Signature, then insert before </edXMLHeader>.
    let mut base = package.to_vec();
    let mut header_end = header.span.1 as usize;
    if let Some(old) = sigs
        .iter()
        .find(|s| header.children.iter().any(|c| std::ptr::eq(c, **s)))
    {
        let (a, b) = (old.span.0 as usize, old.span.1 as usize);
        // Also the indentation before it.
        let line_start = base[..a]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(a, |p| p + 1);
        let cut_from = if base[line_start..a]
            .iter()
            .all(|c| *c == b' ' || *c == b'\t')
        {
            line_start
        } else {
            a
        };
        let cut_to = if base[b..].starts_with(b"\r\n") {
            b + 2
        } else if base[b..].starts_with(b"\n") {
            b + 1
        } else {
            b
        };
        base.drain(cut_from..cut_to);
        header_end -= cut_to - cut_from;
    }
    let end_tag_start = base[..header_end]
        .iter()
        .rposition(|&c| c == b'<')
        .ok_or(SignError::NoHeader)?;
    // Indentation: that of the header's end tag, plus two spaces.
    let line_start = base[..end_tag_start]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let indent: String = if base[line_start..end_tag_start].iter().all(|c| *c == b' ') {
        " ".repeat(end_tag_start - line_start)
    } else {
        String::new()
    };
    let insert_at = if indent.is_empty() {
        end_tag_start
    } else {
        line_start
    };
    let ind = format!("{indent}  ");

    let certs = signer.certificates();
    if certs.is_empty() {
        return Err(SignError::Key("the signer gives no certificate".into()));
    }
    let template = |digest: &str, value: &str| -> (String, usize, usize) {
        let mut s = String::new();
        s.push_str(&ind);
        let sig_start = s.len();
        s.push_str(&format!("<Signature xmlns=\"{NS_DSIG}\">{eol}"));
        s.push_str(&format!("{ind}  <SignedInfo>{eol}"));
        s.push_str(&format!(
            "{ind}    <CanonicalizationMethod Algorithm=\"{}\"/>{eol}",
            alg.uri()
        ));
        s.push_str(&format!(
            "{ind}    <SignatureMethod Algorithm=\"{}\"/>{eol}",
            signer.algorithm().uri()
        ));
        s.push_str(&format!("{ind}    <Reference URI=\"\">{eol}"));
        s.push_str(&format!("{ind}      <Transforms>{eol}"));
        s.push_str(&format!(
            "{ind}        <Transform Algorithm=\"{TRANSFORM_ENVELOPED}\"/>{eol}"
        ));
        s.push_str(&format!(
            "{ind}        <Transform Algorithm=\"{}\"/>{eol}",
            alg.uri()
        ));
        s.push_str(&format!("{ind}      </Transforms>{eol}"));
        s.push_str(&format!(
            "{ind}      <DigestMethod Algorithm=\"{}\"/>{eol}",
            options.digest.uri()
        ));
        s.push_str(&format!(
            "{ind}      <DigestValue>{digest}</DigestValue>{eol}"
        ));
        s.push_str(&format!("{ind}    </Reference>{eol}"));
        s.push_str(&format!("{ind}  </SignedInfo>{eol}"));
        s.push_str(&format!(
            "{ind}  <SignatureValue>{value}</SignatureValue>{eol}"
        ));
        s.push_str(&format!("{ind}  <KeyInfo>{eol}{ind}    <X509Data>{eol}"));
        for c in &certs {
            s.push_str(&format!(
                "{ind}      <X509Certificate>{}</X509Certificate>{eol}",
                STANDARD.encode(c)
            ));
        }
        s.push_str(&format!("{ind}    </X509Data>{eol}{ind}  </KeyInfo>{eol}"));
        s.push_str(&format!("{ind}</Signature>"));
        let sig_end = s.len();
        s.push_str(eol);
        (s, sig_start, sig_end - sig_start)
    };
    let splice = |sig: &str| {
        let mut out = Vec::with_capacity(base.len() + sig.len());
        out.extend_from_slice(&base[..insert_at]);
        out.extend_from_slice(sig.as_bytes());
        out.extend_from_slice(&base[insert_at..]);
        out
    };
    // 1. The digest over the document without the Signature element.
    let (t1, start, len) = template("", "");
    let with_template = splice(&t1);
    let sig_span = ((insert_at + start) as u64, (insert_at + start + len) as u64);
    let canon = c14n::canonicalize_span(&with_template, &alg, None, Some(sig_span))
        .map_err(|e| SignError::C14n(e.to_string()))?;
    let digest = STANDARD.encode(options.digest.digest(&canon));
    // 2. The signature over the canonical SignedInfo.
    let (t2, start2, _) = template(&digest, "");
    let with_digest = splice(&t2);
    let si_offset = insert_at + start2 + t2[start2..].find("<SignedInfo>").unwrap_or(0);
    let si = c14n::canonicalize_span(&with_digest, &alg, Some(si_offset as u64), None)
        .map_err(|e| SignError::C14n(e.to_string()))?;
    let value = signer.sign(&si).map_err(SignError::Signer)?;
    let (t3, _, _) = template(&digest, &STANDARD.encode(value));
    Ok(splice(&t3))
}
