//! The `egov` command-line tool (being written).
fn main() {}
