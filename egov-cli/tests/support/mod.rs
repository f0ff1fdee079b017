//! Helpers shared by the CLI's integration tests (`mod support;`).

#![allow(dead_code)]

pub mod lang;
