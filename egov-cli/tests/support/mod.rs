//! Helpers shared by the CLI's integration tests (`mod support;` in a test file).

#![allow(dead_code)]

pub mod lang;
