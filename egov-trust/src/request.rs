//! The JSON form of a site evaluation (TRUST-02…04): evidence and context in one document, as
//! the C and Python bindings and `egov trust --attest` take it.
//!
//! ```json
//! {
//!   "now": "2026-11-23T09:00:00+07:00",
//!   "system": {"name": "Cổng dịch vụ công", "owner": "Văn phòng Chính phủ", "url": "https://dichvucong.gov.vn/"},
//!   "host": "dichvucong.gov.vn",
//!   "addresses": ["203.0.113.7"],
//!   "security_level": {"level": 3, "approval_reference": "123/QĐ-…", "approved_at": "2025-03-01T00:00:00+07:00"},
//!   "consent": {"url": "https://dichvucong.gov.vn/privacy", "text": "…"},
//!   "malware_scan": {"by": "…", "at": "2026-11-20T10:00:00+07:00", "reference": "…", "found_problems": false},
//!   "contacts": [{"published_at": "https://…/lien-he", "contact": "mailto:soc@…"}],
//!   "gov_names": ["dichvucong.gov.vn"],
//!   "tls": {"chain": "-----BEGIN CERTIFICATE-----…", "version": "TLSv1.3", "cipher_suite": "TLS_AES_128_GCM_SHA256"},
//!   "page": {"url": "https://dichvucong.gov.vn/", "html": "<html>…"},
//!   "security_txt": {"content": "Contact: …", "fetched_from": "https://…/.well-known/security.txt"},
//!   "blocklist": {"source": "tinnhiemmang.vn snapshot", "fetched_at": "2026-11-23T08:00:00+07:00", "entries": "evil.vn\n"},
//!   "anchors": {"roots": "-----BEGIN CERTIFICATE-----…", "with_builtin": false},
//!   "policy": {"name": "…", "versions": {…}, …},
//!   "max_attestation_age": {"security_level_days": 1826, "malware_scan_days": 30},
//!   "certification": {"code": "…", "issuer": "…", "issued_on": "2026-03-01",
//!                     "valid_until": "2027-02-28", "system": "HOST"}
//! }
//! ```
//!
//! Every key is optional except `now` (the evaluation is judged at a time the caller states;
//! nothing reads the clock) and `host` when `tls` is given, or `page` without its own `url`
//! (error `trust.host_missing`: the certificate is checked for the host, relative links are
//! resolved against the page). Missing evidence makes its criterion `Unknown`, never `Pass`.
//! Unknown keys are an error, so a misspelt key is not silently ignored. Defaults: the built-in
//! Mozilla roots (`anchors`), the built-in policy ([`TlsPolicy::default`], A-20; `policy` may be
//! the settings object or TOML/JSON text), the page URL `https://HOST/`.
//!
//! Attestations (`security_level.approved_at`, `malware_scan.at`) must not be dated after `now`
//! and not be older than their maximum age ([`AttestationMaxAge`]:
//! SDK defaults a) 1826 days, đ) 30 days; the law sets no age). The policy's
//! `max_attestation_age` sets them; the request's `max_attestation_age` key overrides each limit
//! it names (the others keep the policy's), so a request need not restate a whole TLS policy to
//! change one age.
//!
//! `certification` is the network-trust certification code the owner holds (TRUST-01, Đ21.1;
//! [`CertificationCode`]): judged by [`PreparedEvaluation::certification`] beside the six
//! criteria (issued for `host`, in its validity at `now`), never counted as one of them.
//!
//! `security_txt.fetched_from` is the URI the file was read from: the file is judged for that
//! host (RFC 9116 §3) and its `Canonical` fields are compared with it (§2.5.2); without it the
//! file is judged for `host` (see [`crate::security_txt`]).

use std::net::IpAddr;

use egov_core::{ErrorCode, Finding, VnDateTime};
use serde::{Deserialize, Deserializer};
use url::Url;

use crate::{
    evaluate_criterion, evaluate_site, extract_links, load_anchors, load_chain, Anchors,
    Assessment, Attestation, AttestationMaxAge, BlocklistSnapshot, CertError, CertificationCode,
    ConsentCommitment, ContactEvidence, Context, Criterion, CriterionVerdict, Declaration, Link,
    LinkError, Page, PolicyError, SecurityLevelAttestation, SiteEvidence, SystemInfo, TlsEvidence,
    TlsPolicy,
};

/// Text or bytes: JSON carries a string; Rust callers may put any bytes (a DER certificate, a
/// page in a legacy encoding).
fn text_bytes<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    String::deserialize(d).map(String::into_bytes)
}

/// The certificate chain and negotiated parameters (criterion c).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TlsInput {
    /// The chain, leaf first: PEM text (any number of `CERTIFICATE` blocks) or one DER
    /// certificate.
    #[serde(deserialize_with = "text_bytes")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub chain: Vec<u8>,
    /// The negotiated protocol version (`TLSv1.3`), if known.
    #[serde(default)]
    pub version: Option<String>,
    /// The negotiated cipher suite (IANA name), if known.
    #[serde(default)]
    pub cipher_suite: Option<String>,
}

/// A page as fetched (criteria b and đ).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PageInput {
    /// The URL it was read from; default `https://HOST/`.
    #[serde(default)]
    pub url: Option<String>,
    /// The HTML.
    #[serde(deserialize_with = "text_bytes")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub html: Vec<u8>,
}

/// The security.txt file (criterion e).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SecurityTxtInput {
    /// Its content.
    #[serde(deserialize_with = "text_bytes")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub content: Vec<u8>,
    /// The URI it was fetched from (compared with `Canonical`).
    #[serde(default)]
    pub fetched_from: Option<String>,
}

/// An advisory-list snapshot (criteria d and đ).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BlocklistInput {
    /// Where it came from (URL or name), echoed in findings and the declaration.
    #[serde(default = "default_source")]
    pub source: String,
    /// When it was fetched.
    #[serde(default)]
    pub fetched_at: Option<VnDateTime>,
    /// One domain, address or CIDR range a line (`#` comments, hosts-file lines accepted).
    pub entries: String,
}

fn default_source() -> String {
    "caller".to_owned()
}

/// Overrides of the policy's maximum attestation ages (A-22, issue #11): each limit given
/// replaces the policy's, the others stay as the policy has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AttestationMaxAgeInput {
    /// a) the security-level approval, in days.
    #[serde(default)]
    pub security_level_days: Option<u32>,
    /// đ) the malware scan, in days.
    #[serde(default)]
    pub malware_scan_days: Option<u32>,
}

impl AttestationMaxAgeInput {
    /// The limits of `base` with the ones given here replaced.
    pub fn apply(&self, base: AttestationMaxAge) -> AttestationMaxAge {
        AttestationMaxAge {
            security_level_days: self.security_level_days.unwrap_or(base.security_level_days),
            malware_scan_days: self.malware_scan_days.unwrap_or(base.malware_scan_days),
        }
    }
}

/// Trust anchors instead of (or besides) the built-in Mozilla roots (criterion c).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnchorsInput {
    /// Root certificates, PEM text or one DER certificate.
    #[serde(deserialize_with = "text_bytes")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub roots: Vec<u8>,
    /// Keep the built-in roots too.
    #[serde(default)]
    pub with_builtin: bool,
}

/// The evidence and context of one site evaluation, as JSON (see the module docs).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluationRequest {
    /// The evaluation time (required by [`EvaluationRequest::prepare`]).
    #[serde(default)]
    pub now: Option<VnDateTime>,
    /// The system and its owner (Đ21.3 declaration header).
    #[serde(default)]
    pub system: Option<SystemInfo>,
    /// Host name the site is reached by.
    #[serde(default)]
    pub host: Option<String>,
    /// Server addresses (criterion d).
    #[serde(default)]
    pub addresses: Vec<IpAddr>,
    /// a) the approved security level.
    #[serde(default)]
    pub security_level: Option<SecurityLevelAttestation>,
    /// b) the consent commitment.
    #[serde(default)]
    pub consent: Option<ConsentCommitment>,
    /// đ) the malware-scan attestation.
    #[serde(default)]
    pub malware_scan: Option<Attestation>,
    /// e) other published contact evidence.
    #[serde(default)]
    pub contacts: Vec<ContactEvidence>,
    /// đ) further `gov.vn` names to protect from look-alikes.
    #[serde(default)]
    pub gov_names: Vec<String>,
    /// c) the chain and negotiated parameters.
    #[serde(default)]
    pub tls: Option<TlsInput>,
    /// b), đ) the page.
    #[serde(default)]
    pub page: Option<PageInput>,
    /// e) the security.txt file.
    #[serde(default)]
    pub security_txt: Option<SecurityTxtInput>,
    /// d), đ) the advisory list.
    #[serde(default)]
    pub blocklist: Option<BlocklistInput>,
    /// c) trust anchors; default the built-in Mozilla roots.
    #[serde(default)]
    pub anchors: Option<AnchorsInput>,
    /// c) the TLS policy: the settings object or TOML/JSON text; default the built-in (A-20).
    /// It also holds the maximum attestation ages of a) and đ).
    #[serde(default)]
    pub policy: Option<serde_json::Value>,
    /// a), đ) overrides of the policy's maximum attestation ages.
    #[serde(default)]
    pub max_attestation_age: Option<AttestationMaxAgeInput>,
    /// The network-trust certification code the owner holds, if any (TRUST-01, Đ21.1): checked
    /// beside the criteria, never one of them.
    #[serde(default)]
    pub certification: Option<CertificationCode>,
}

/// Why a request could not be turned into evidence. Each says which part was wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request has no JSON shape of an evaluation request.
    #[error("evaluation request: {0}")]
    Json(String),
    /// `now` is missing.
    #[error("the evaluation time `now` is missing (nothing reads the clock)")]
    NowMissing,
    /// `tls.chain` could not be read.
    #[error("tls.chain: {0}")]
    Chain(CertError),
    /// `anchors.roots` could not be read.
    #[error("anchors.roots: {0}")]
    Anchors(CertError),
    /// `policy` could not be read.
    #[error("policy: {0}")]
    Policy(PolicyError),
    /// A part needs the host name and the request has none: `tls` (the certificate is checked
    /// for it) or `page` without its own `url`.
    #[error("{part} needs the host name: give `host`")]
    HostMissing {
        /// `tls` or `page`.
        part: &'static str,
    },
    /// `page.url` (or the `https://HOST/` default) is not a URL.
    #[error("page.url {url:?} is not a URL: {reason}")]
    PageUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
}

impl egov_core::Localize for RequestError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            RequestError::Json(m) => egov_core::args!(reason = crate::format_error_vi("JSON", m)),
            RequestError::NowMissing => egov_core::args!(),
            // The code is the nested error's; the part of the request leads its message.
            RequestError::Chain(e) => e.args_in("tls.chain: "),
            RequestError::Anchors(e) => e.args_in("anchors.roots: "),
            RequestError::Policy(e) => egov_core::Localize::message_args(e),
            RequestError::HostMissing { part } => egov_core::args!(part = *part),
            RequestError::PageUrl { url, .. } => egov_core::args!(url = url),
        }
    }
}

impl ErrorCode for RequestError {
    fn code(&self) -> &'static str {
        match self {
            RequestError::Json(_) => "trust.request_json",
            RequestError::NowMissing => "trust.now_missing",
            RequestError::Chain(e) | RequestError::Anchors(e) => e.code(),
            RequestError::Policy(e) => e.code(),
            RequestError::PageUrl { .. } => "trust.page_url",
            RequestError::HostMissing { .. } => "trust.host_missing",
        }
    }
}

impl EvaluationRequest {
    /// Reads a request from JSON text.
    pub fn from_json(text: &str) -> Result<Self, RequestError> {
        serde_json::from_str(text).map_err(|e| RequestError::Json(e.to_string()))
    }

    /// Loads the chain, anchors, policy, blocklist and page into evidence ready to evaluate.
    pub fn prepare(self) -> Result<PreparedEvaluation, RequestError> {
        let now = self.now.ok_or(RequestError::NowMissing)?;
        let mut policy = match self.policy {
            None | Some(serde_json::Value::Null) => TlsPolicy::default(),
            Some(serde_json::Value::String(text)) => {
                TlsPolicy::from_text(&text).map_err(RequestError::Policy)?
            }
            Some(v) => serde_json::from_value(v)
                .map_err(|e| RequestError::Policy(PolicyError::Json(e.to_string())))?,
        };
        if let Some(ages) = self.max_attestation_age {
            policy.max_attestation_age = ages.apply(policy.max_attestation_age);
        }
        let anchors = match self.anchors {
            None => Anchors::BuiltIn,
            Some(a) => {
                let roots = load_anchors(&a.roots).map_err(RequestError::Anchors)?;
                if a.with_builtin {
                    Anchors::BuiltInAnd(roots)
                } else {
                    Anchors::Custom(roots)
                }
            }
        };
        let blocklist = self
            .blocklist
            .map(|b| BlocklistSnapshot::parse(b.source, b.fetched_at, &b.entries));
        let host = self.host;
        let tls = match self.tls {
            Some(t) => Some(TlsEvidence {
                chain: load_chain(&t.chain).map_err(RequestError::Chain)?,
                host: host
                    .clone()
                    .ok_or(RequestError::HostMissing { part: "tls" })?,
                version: t.version,
                cipher_suite: t.cipher_suite,
            }),
            None => None,
        };
        let page = match self.page {
            Some(p) => {
                let raw = match (p.url, &host) {
                    (Some(u), _) => u,
                    (None, Some(h)) => format!("https://{h}/"),
                    (None, None) => return Err(RequestError::HostMissing { part: "page" }),
                };
                let url = Url::parse(&raw).map_err(|e| RequestError::PageUrl {
                    url: raw.clone(),
                    reason: e.to_string(),
                })?;
                Some(Page { url, html: p.html })
            }
            None => None,
        };
        let mut system = self.system.unwrap_or_default();
        if system.url.is_empty() {
            if let Some(h) = &host {
                system.url = format!("https://{h}/");
            }
        }
        Ok(PreparedEvaluation {
            evidence: SiteEvidence {
                system,
                host,
                addresses: self.addresses,
                security_level: self.security_level,
                consent: self.consent,
                tls,
                page,
                malware_scan: self.malware_scan,
                gov_names: self.gov_names,
                security_txt: self.security_txt.map(|s| (s.content, s.fetched_from)),
                contacts: self.contacts,
            },
            anchors,
            policy,
            blocklist,
            now,
            certification: self.certification,
        })
    }
}

/// Evidence and context loaded from an [`EvaluationRequest`], owned.
#[derive(Debug, Clone)]
pub struct PreparedEvaluation {
    /// The evidence.
    pub evidence: SiteEvidence,
    /// Trust anchors for c).
    pub anchors: Anchors,
    /// TLS policy for c).
    pub policy: TlsPolicy,
    /// Advisory list for d) and đ).
    pub blocklist: Option<BlocklistSnapshot>,
    /// The evaluation time.
    pub now: VnDateTime,
    /// The certification code held, if any (TRUST-01).
    pub certification: Option<CertificationCode>,
}

impl PreparedEvaluation {
    /// The context the criteria are judged against.
    pub fn context(&self) -> Context<'_> {
        Context {
            now: self.now,
            anchors: &self.anchors,
            policy: &self.policy,
            blocklist: self.blocklist.as_ref(),
        }
    }

    /// TRUST-02, TRUST-03 (Đ21.1–2): all six criteria and the overall verdict.
    pub fn assess(&self) -> Assessment {
        evaluate_site(&self.evidence, &self.context())
    }

    /// One criterion only (TRUST-02, Đ21.2), e.g. c) for a TLS check.
    pub fn criterion(&self, criterion: Criterion) -> CriterionVerdict {
        evaluate_criterion(&self.evidence, &self.context(), criterion)
    }

    /// The links of the page, if a page was given.
    pub fn links(&self) -> Option<Result<Vec<Link>, LinkError>> {
        self.evidence
            .page
            .as_ref()
            .map(|p| extract_links(&p.html, &p.url))
    }

    /// TRUST-01 (Đ21.1): the findings on the certification code given with the request, judged
    /// for the request's host (else the system's name) at its evaluation time beside
    /// `assessment`; `None` when no code was given.
    pub fn certification(&self, assessment: Option<&Assessment>) -> Option<Vec<Finding>> {
        let code = self.certification.as_ref()?;
        let system = self
            .evidence
            .host
            .clone()
            .unwrap_or_else(|| self.evidence.system.name.clone());
        Some(code.check(&system, self.now, assessment))
    }

    /// TRUST-04 (Đ21.3): the self-declaration of this evaluation.
    pub fn declare(&self) -> Declaration {
        Declaration::new(
            self.evidence.system.clone(),
            &self.assess(),
            &self.policy,
            &self.anchors.describe(),
            self.blocklist.as_ref(),
        )
        .with_anchors_vi(self.anchors.describe_vi())
    }
}
