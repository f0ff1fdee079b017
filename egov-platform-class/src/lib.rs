//! # egov-platform-class (planned)
//!
//! Size classes of information systems and intermediary platforms under Nghị định 137/2024/NĐ-CP
//! Điều 15–20 (rules PLAT-01…27): exact, mergeable monthly-active-user counting in Vietnam time,
//! the 12-month average, the 3 % (large) and 10 % (very large) thresholds with exact arithmetic,
//! and the obligations and deadlines that follow.
//!
//! Not implemented yet: this crate is an empty placeholder so the workspace layout is final.
//! Track progress in the README's feature table.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
