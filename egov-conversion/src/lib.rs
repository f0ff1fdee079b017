//! # egov-conversion (planned)
//!
//! Conversion marks for paper → data message and data message → paper, as required by
//! Nghị định 137/2024/NĐ-CP Điều 4 and Điều 5 (rules CONV-01…21): the mark model and its
//! Vietnamese wording, a signed offline-verifiable QR payload, rendering and stamping onto page
//! images, and verification from a scan.
//!
//! Not implemented yet: this crate is an empty placeholder so the workspace layout is final.
//! Track progress in the README's feature table.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
