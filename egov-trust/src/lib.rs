//! # egov-trust
//!
//! The six network-trust ("tín nhiệm mạng") criteria of Nghị định 137/2024/NĐ-CP Điều 21
//! (rules TRUST-02…04), evaluated from evidence: attestations (a, đ), the consent commitment
//! (b), certificate chains and a TLS policy (c), advisory blocklist snapshots (d), links on a
//! page (đ) and security.txt (RFC 9116) or other contact evidence (e), plus a self-declaration
//! (Đ21.3) and the certification code itself (TRUST-01, Đ21.1: [`CertificationCode`], a type of
//! its own: a code someone issued is not the owner's self-declaration).
//!
//! Pure functions: the caller passes the evaluation time, trust anchors and blocklist
//! snapshots. Without the `probe` feature the crate does no I/O.
//!
//! ```
//! use egov_core::{Outcome, VnDateTime};
//! use egov_trust::{evaluate_blocklist, evaluate_contact, parse_security_txt, BlocklistSnapshot};
//!
//! let now = VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap();
//! // d) the advisory list: a listed domain covers its subdomains, any case, trailing dot, IDNA.
//! let list = BlocklistSnapshot::parse("tinnhiemmang snapshot", Some(now), "evil.vn\n203.0.113.0/24\n");
//! assert!(list.match_host("WWW.Evil.VN.").is_some());
//! assert!(list.match_host("notevil.vn").is_none());
//! let d = evaluate_blocklist(Some(&list), Some("dichvucong.gov.vn"), &["192.0.2.1".parse().unwrap()]);
//! assert_eq!(d.outcome, Outcome::Pass);
//! // e) security.txt (RFC 9116): problems carry stable codes and line numbers.
//! let st = parse_security_txt(b"Contact: mailto:soc@example.gov.vn\nExpires: 2027-01-01T00:00:00Z\n", now, None);
//! assert!(st.is_valid());
//! assert_eq!(st.codes(), ["security_txt.not_signed"]);
//! assert_eq!(evaluate_contact(Some(&st), &[]).outcome, Outcome::Pass);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod blocklist;
pub mod certification;
pub mod criteria;
pub mod declaration;
pub mod evaluate;
pub mod links;
#[cfg(feature = "probe")]
pub mod probe;
pub mod request;
pub mod security_txt;
pub mod tls;

pub use blocklist::{evaluate_blocklist, normalize_host, BlocklistHit, BlocklistSnapshot};
pub use certification::{CertificationCode, CertificationCodeError};
pub use criteria::{
    evaluate_consent, evaluate_security_level, Assessment, Attestation, AttestationMaxAge,
    ConsentCommitment, Criterion, CriterionVerdict, SecurityLevelAttestation,
};
pub use declaration::{Declaration, DeclaredCriterion, Lang, DECLARATION_FORMAT};
pub use evaluate::{evaluate_criterion, evaluate_site, Context, Page, SiteEvidence, SystemInfo};
pub use links::{
    evaluate_links, extract_links, flag_links, look_alike_of, scan_links, skeleton, FlaggedLink,
    Link, LinkError, LinkFlag, RawLink,
};
pub use request::{
    AnchorsInput, AttestationMaxAgeInput, BlocklistInput, EvaluationRequest, PageInput,
    PreparedEvaluation, RequestError, SecurityTxtInput, TlsInput,
};
pub use security_txt::{
    evaluate_contact, evaluate_contact_for, parse_security_txt, ContactEvidence, OriginProblem,
    Problem, ProblemKind, SecurityTxt, Severity, SiteNames,
};
pub use tls::{
    evaluate_tls, load_anchors, load_chain, summarize, Anchors, CertError, CertSummary, KeyInfo,
    PolicyError, Tier, TlsEvidence, TlsPolicy,
};

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

pub(crate) use egov_core::i18n::format_error_vi;

#[cfg(test)]
mod catalogue_tests {
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::{Lang, Localize};

    use crate::links::LinkFlag;
    use crate::request::{EvaluationRequest, RequestError};
    use crate::security_txt::{OriginProblem, ProblemKind};
    use crate::tls::{load_chain, CertError, PolicyError};

    /// CORE-06: every error code of egov-trust has a Vietnamese message in locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        use LinkFlag as F;
        use OriginProblem as O;
        use ProblemKind as K;
        let mut errors: Vec<Box<dyn Localize>> = vec![
            Box::new(crate::links::scan_error_for_tests()),
            Box::new(EvaluationRequest::from_json("{").unwrap_err()),
            Box::new(RequestError::NowMissing),
            Box::new(RequestError::HostMissing { part: "tls" }),
            Box::new(RequestError::PageUrl {
                url: "https://".into(),
                reason: "empty host".into(),
            }),
            Box::new(RequestError::Chain(CertError::Empty)),
            Box::new(RequestError::Anchors(CertError::Pem("bad base64".into()))),
            Box::new(RequestError::Policy(PolicyError::Json(
                "x at line 2 column 3".into(),
            ))),
            Box::new(load_chain(&[0x30, 0x00]).unwrap_err()),
            Box::new(PolicyError::Toml(
                "TOML parse error at line 1, column 1".into(),
            )),
        ];
        for f in [
            F::Blocklisted,
            F::IpLiteral,
            F::JavascriptUrl,
            F::DataUrl,
            F::MixedContent,
            F::LookAlike,
        ] {
            errors.push(Box::new(f));
        }
        for k in [
            K::InvalidUtf8,
            K::InvalidLine,
            K::EmptyValue,
            K::MissingContact,
            K::MissingExpires,
            K::MultipleExpires,
            K::InvalidExpires,
            K::Expired,
            K::ExpiresTooFar,
            K::InvalidUri,
            K::InsecureUri,
            K::MultiplePreferredLanguages,
            K::InvalidLanguageTag,
            K::UnknownField,
            K::CanonicalMismatch,
            K::NotSigned,
            K::InvalidSignatureBlock,
        ] {
            errors.push(Box::new(k));
        }
        for o in [
            O::OtherSite,
            O::OtherHost,
            O::CanonicalElsewhere,
            O::ForeignContact,
        ] {
            errors.push(Box::new(o));
        }
        #[cfg(feature = "probe")]
        {
            use crate::probe::ProbeError as P;
            let host = || "a.gov.vn:443".to_owned();
            let reason = || "connection refused".to_owned();
            errors.extend([
                Box::new(P::Url("http://a.gov.vn".into())) as Box<dyn Localize>,
                Box::new(P::Connect {
                    host: host(),
                    reason: reason(),
                }),
                Box::new(P::Tls {
                    host: host(),
                    reason: reason(),
                }),
                Box::new(P::Http {
                    host: host(),
                    reason: reason(),
                }),
            ]);
        }
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let mut gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        // Entries of errors behind the probe feature when this build leaves it off.
        gaps.retain(|g| !(cfg!(not(feature = "probe")) && g.starts_with("probe-")));
        assert!(gaps.is_empty(), "{gaps:#?}");
        // A nested certificate error says which part of the request it is about.
        assert_eq!(
            RequestError::Anchors(CertError::Der {
                index: 1,
                reason: "unexpected end".into()
            })
            .message(Lang::Vi),
            "anchors.roots: chứng thư thứ 1 (đếm từ 0) không phải chứng thư X.509 hợp lệ"
        );
        assert_eq!(
            PolicyError::Json("expected value at line 2 column 3".into()).message(Lang::Vi),
            "chính sách TLS: không đúng định dạng JSON ở dòng 2, cột 3"
        );
    }
}
