//! # egov-trust (planned)
//!
//! The six network-trust ("tín nhiệm mạng") criteria of Nghị định 137/2024/NĐ-CP Điều 21
//! (rules TRUST-01…09), evaluated from evidence: certificate chains and TLS policy, advisory
//! blocklists, links on a page, security.txt (RFC 9116) and attestations, plus a self-declaration.
//!
//! Not implemented yet: this crate is an empty placeholder so the workspace layout is final.
//! Track progress in the README's feature table.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
