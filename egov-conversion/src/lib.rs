//! # egov-conversion
//!
//! Conversion marks for paper → data message and data message → paper, as required by
//! Nghị định 137/2024/NĐ-CP Điều 4, Điều 5 and Điều 23 (rules CONV-01…21):
//!
//! - [`mark`]: the mark model ([`ConversionMark`]) and the wording of its text mark
//!   ([`Wording`], SDK defaults per REQUIREMENTS §7 A-08).
//! - [`validate()`]: findings with citations for a mark (CONV-02, 05, 06, 09, 10, 11, 14, 15).
//! - [`capability`]: the conversion-system checklist (Đ4.2, Đ5.3) and the Đ23 transition
//!   deadline.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod capability;
pub mod mark;
mod validate;

pub use mark::{AccessLocator, ConversionMark, Direction, Profile, SourceSystem, Wording};
pub use validate::{validate, MAX_FIELD_BYTES};
