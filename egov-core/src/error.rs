//! Error conventions shared by every egov crate.
//!
//! Every parser and constructor returns `Result<_, E>` where `E` is a `thiserror` enum local to the
//! module. Each variant says *what* was wrong and *where* (byte offset, group, field name). Each
//! error type also implements [`ErrorCode`], a stable machine-readable code (`"agency_code.group_length"`)
//! that the CLI prints with `--json`, the C ABI returns as a string and Python exposes as
//! `exc.code`. Codes never change meaning once released; messages may be reworded.

/// A stable, machine-readable identifier for an error variant.
///
/// Codes are lowercase, dot-separated, `<area>.<what>` (for example `time.missing_offset`).
pub trait ErrorCode {
    /// The stable code of this error.
    fn code(&self) -> &'static str;
}
