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
