//! Helpers shared by the CLI's integration tests (`mod support;`).

#![allow(dead_code)]

/// The one-language checker of tests/lang.rs and tests/lang_marks.rs (CORE-06).
pub mod lang;

/// A SoftHSM2 token of a test's own (DOC-18).
pub mod softhsm;
