//! Helpers shared by the CLI's integration tests (`mod support;`).

#![allow(dead_code)]

pub mod lang;

/// The checker of tests/lang_marks.rs (mark, PDF, edXML, trust-list output), with the names its
/// fixtures print; tests/lang.rs uses [`lang`].
pub mod marks;
