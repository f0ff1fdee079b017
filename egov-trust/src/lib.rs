//! # egov-trust
//!
//! The six network-trust ("tín nhiệm mạng") criteria of Nghị định 137/2024/NĐ-CP Điều 21
//! (rules TRUST-01…04), evaluated from evidence: attestations (a, đ), the consent commitment
//! (b), certificate chains and a TLS policy (c), advisory blocklist snapshots (d), links on a
//! page (đ) and security.txt (RFC 9116) or other contact evidence (e), plus a self-declaration
//! (Đ21.3).
//!
//! Pure functions: the caller passes the evaluation time, trust anchors and blocklist
//! snapshots. Without the `probe` feature the crate does no I/O.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod blocklist;
pub mod criteria;
pub mod declaration;
pub mod evaluate;
pub mod links;
#[cfg(feature = "probe")]
pub mod probe;
pub mod security_txt;
pub mod tls;

pub use blocklist::{evaluate_blocklist, normalize_host, BlocklistHit, BlocklistSnapshot};
pub use criteria::{
    evaluate_consent, evaluate_security_level, Assessment, Attestation, ConsentCommitment,
    Criterion, CriterionVerdict, SecurityLevelAttestation,
};
pub use declaration::{Declaration, DeclaredCriterion, Lang, DECLARATION_FORMAT};
pub use evaluate::{evaluate_site, Context, Page, SiteEvidence, SystemInfo};
pub use links::{
    evaluate_links, extract_links, flag_links, look_alike_of, scan_links, skeleton, FlaggedLink,
    Link, LinkError, LinkFlag, RawLink,
};
pub use security_txt::{
    evaluate_contact, parse_security_txt, ContactEvidence, Problem, ProblemKind, SecurityTxt,
    Severity,
};
pub use tls::{
    evaluate_tls, load_anchors, load_chain, summarize, Anchors, CertError, CertSummary, KeyInfo,
    PolicyError, Tier, TlsEvidence, TlsPolicy,
};
