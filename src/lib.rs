//! # egov
//!
//! Vietnamese e-government compliance, as typed, tested, explainable functions. This facade crate
//! re-exports every domain crate behind a default-on feature:
//!
//! | module | crate | what |
//! |---|---|---|
//! | [`core`] | `egov-core` | Vietnam time, working-day calendar, legal references, findings |
//! | `docs` | `egov-docs` | agency codes, document identifiers and numbers, status machine, metadata, send deadlines, legal value (QĐ 28/2018/QĐ-TTg) |
//! | `conversion` | `egov-conversion` | conversion marks paper ↔ data message, signed QR, stamping, verification (NĐ 137/2024 Đ4–5, Đ23) |
//! | `platform` | `egov-platform-class` | active-user counting, large / very large platform classes, obligations, schedule, report (NĐ 137/2024 Đ15–20) |
//! | `trust` | `egov-trust` | network-trust criteria (NĐ 137/2024 Đ21): certificates and TLS policy, advisory blocklists, page links, security.txt, self-declaration |
//! | `edxml` | `egov-edxml` | edXML packages and status messages of the national document axis (QCVN 102:2016; QĐ 28/2018/QĐ-TTg): read, check, build, canonicalise, sign and verify |
//! | `checklist` | `egov-checklist` | duties of the law as data: versioned checklists (TOML) with each duty's rule ID, citation and the law's own words, judged on dated evidence into bilingual findings |
//! | `sign` | `egov-sign` | the agency's signing key (PKCS#8, PKCS#12, PKCS#11 tokens with feature `pkcs11`), detached CMS and RFC 3161 time-stamps, certificate paths to your roots |
//!
//! Feature `pdf` (default-on, enables `conversion` and `sign`): `conversion::pdf`, conversion
//! marks on existing PDF files (stamped as an incremental update, verified back from the file
//! and its rendered page), PAdES signatures, and electronic copies built from scans as PDF/A.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub use egov_core as core;

#[cfg(feature = "checklist")]
pub use egov_checklist as checklist;
#[cfg(feature = "conversion")]
pub use egov_conversion as conversion;
#[cfg(feature = "docs")]
pub use egov_docs as docs;
#[cfg(feature = "edxml")]
pub use egov_edxml as edxml;
#[cfg(feature = "platform")]
pub use egov_platform_class as platform;
#[cfg(feature = "sign")]
pub use egov_sign as sign;
#[cfg(feature = "trust")]
pub use egov_trust as trust;

/// The README's Rust examples, compiled and run as doc tests so they cannot drift from the API.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
