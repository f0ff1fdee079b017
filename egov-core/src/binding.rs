//! Errors about a call itself, for the bindings (the C ABI, the Python package, WebAssembly),
//! CORE-06: a NULL or non-UTF-8 argument, JSON of the wrong shape, an argument missing or of
//! the wrong type, input over a size limit, an unknown operation, a result that cannot be
//! written — and the few inputs a binding reads itself before a domain crate sees them (a
//! `YYYY-MM-DD` date, a criterion letter, a salt). What the law says of an input is each domain
//! crate's own error; these say what the caller got wrong about the call.
//!
//! Every binding reports them as it reports a domain error: the stable code (`ffi.*`, or the
//! domain's code the bindings have always used), the English message (`Display`) and the
//! Vietnamese one from egov-core's catalogue ([`Localize`]). No rule of law lives here.
//!
//! ```
//! use egov_core::binding::{ArgumentProblem, BindingError, Expected};
//! use egov_core::{ErrorCode, Lang, Localize};
//! let e = BindingError::argument("threads", ArgumentProblem::NotA(Expected::NonNegativeInteger));
//! assert_eq!(e.code(), "ffi.invalid_arguments");
//! assert_eq!(e.to_string(), "argument 'threads' must be a non-negative integer");
//! assert_eq!(e.message(Lang::Vi), "đối số «threads» phải là một số nguyên không âm");
//! ```

use std::fmt;

use crate::i18n::{io_reason_vi, Args, Catalogue, Lang, Localize};
use crate::ErrorCode;

/// What a value was expected to be, in both languages (an argument of the wrong type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// An integer ≥ 0.
    NonNegativeInteger,
    /// An integer 0 … 4 294 967 295.
    U32,
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// An array of strings.
    Strings,
    /// An array of hexadecimal strings.
    HexStrings,
    /// An integer ≥ 0 or a string.
    IntegerOrString,
    /// Unix seconds or an RFC 3339 timestamp.
    UnixSecondsOrTimestamp,
    /// A path that names a file.
    FilePath,
}

impl Expected {
    /// The words in `lang`: "a non-negative integer", «một số nguyên không âm».
    pub fn words(self, lang: Lang) -> &'static str {
        use Expected as E;
        match (self, lang) {
            (E::String, Lang::En) => "a string",
            (E::String, Lang::Vi) => "một chuỗi ký tự",
            (E::Boolean, Lang::En) => "a boolean",
            (E::Boolean, Lang::Vi) => "true hoặc false",
            (E::NonNegativeInteger, Lang::En) => "a non-negative integer",
            (E::NonNegativeInteger, Lang::Vi) => "một số nguyên không âm",
            (E::U32, Lang::En) => "an unsigned 32-bit integer",
            (E::U32, Lang::Vi) => "một số nguyên từ 0 đến 4 294 967 295",
            (E::Object, Lang::En) => "a JSON object",
            (E::Object, Lang::Vi) => "một đối tượng JSON",
            (E::Array, Lang::En) => "an array",
            (E::Array, Lang::Vi) => "một mảng",
            (E::Strings, Lang::En) => "an array of strings",
            (E::Strings, Lang::Vi) => "một mảng chuỗi ký tự",
            (E::HexStrings, Lang::En) => "an array of hex strings",
            (E::HexStrings, Lang::Vi) => "một mảng chuỗi hệ mười sáu",
            (E::IntegerOrString, Lang::En) => "a non-negative integer or a string",
            (E::IntegerOrString, Lang::Vi) => "một số nguyên không âm hoặc một chuỗi ký tự",
            (E::UnixSecondsOrTimestamp, Lang::En) => "Unix seconds or a timestamp",
            (E::UnixSecondsOrTimestamp, Lang::Vi) => "số giây Unix hoặc một mốc thời gian",
            (E::FilePath, Lang::En) => "a path that names a file",
            (E::FilePath, Lang::Vi) => "một đường dẫn tới tệp",
        }
    }
}

/// What is wrong with one argument of a call (code `ffi.invalid_arguments`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArgumentProblem {
    /// It is missing.
    Missing,
    /// It and the other one are both missing (one of the two is needed).
    MissingWith {
        /// The other argument.
        other: String,
    },
    /// It has the wrong type.
    NotA(Expected),
    /// It does not read as what it should be (`reason`: the parser's own English words).
    Invalid {
        /// Why, as the parser said it.
        reason: String,
    },
    /// It is needed because the other one is absent.
    NeededWithout {
        /// The absent argument.
        other: String,
    },
    /// It goes with the other one: one was given without the other.
    GoesWith {
        /// The other argument.
        other: String,
    },
    /// It and the other one exclude each other; both were given.
    NotBoth {
        /// The other argument.
        other: String,
    },
    /// It is not one of the allowed values.
    OneOf {
        /// The allowed values.
        allowed: Vec<String>,
        /// The value given.
        value: String,
    },
}

/// At most 64 characters of `s`, so huge input never makes huge messages.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// `'a', 'b' or 'c'` (English) / `«a», «b» hoặc «c»` (Vietnamese).
fn quoted_list(items: &[String], lang: Lang) -> String {
    let (or, quote): (&str, fn(&String) -> String) = match lang {
        Lang::En => ("or", |s| format!("'{s}'")),
        Lang::Vi => ("hoặc", |s| format!("«{s}»")),
    };
    let quoted: Vec<String> = items.iter().map(quote).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// An error about a call through a binding (see the module docs). Its code is the stable one
/// the bindings have always reported; its messages are English (`Display`) and Vietnamese
/// ([`Localize`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BindingError {
    /// A pointer argument is NULL (`ffi.null_argument`).
    #[error("argument '{name}' is NULL")]
    NullArgument {
        /// The argument.
        name: String,
    },
    /// A string argument is not UTF-8 (`ffi.invalid_utf8`).
    #[error("argument '{name}' is not valid UTF-8: {reason}")]
    InvalidUtf8 {
        /// The argument.
        name: String,
        /// Where, as Rust's decoder said it.
        reason: String,
    },
    /// An input over the binding's size limit, refused before it is parsed
    /// (`ffi.input_too_large`).
    #[error("{what} is {len} bytes long; at most {max} are accepted")]
    InputTooLarge {
        /// The input.
        what: String,
        /// Its length in bytes.
        len: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// A JSON argument that is not JSON, or not of the expected shape (`ffi.invalid_json`).
    #[error("{what} is not valid JSON of the expected shape: {reason}")]
    InvalidJson {
        /// The argument.
        what: String,
        /// What serde_json said (with the line and column).
        reason: String,
    },
    /// An argument missing or of the wrong type (`ffi.invalid_arguments`).
    #[error("{}", argument_en(.name, .problem))]
    Argument {
        /// The argument (`threads`, `request.id`).
        name: String,
        /// What is wrong with it.
        problem: ArgumentProblem,
    },
    /// An operation name that no binding knows (`ffi.unknown_operation`).
    #[error("unknown operation '{op}'")]
    UnknownOperation {
        /// The name given (clipped).
        op: String,
    },
    /// Bytes given as hexadecimal that are not (`ffi.invalid_hex`).
    #[error("{name} is not hexadecimal (an even number of 0-9a-f digits)")]
    InvalidHex {
        /// The argument.
        name: String,
    },
    /// A 32-byte Ed25519 key (public or secret) not written as 64 hex digits
    /// (`ffi.invalid_key`).
    #[error("{name} must be 64 hex digits (a 32-byte Ed25519 key)")]
    InvalidKey {
        /// The argument (`pins`, `secret_key`).
        name: String,
    },
    /// Trust anchors that are not PEM certificates (`ffi.invalid_anchors`).
    #[error("the trust anchors are not PEM certificates: {reason}")]
    InvalidAnchors {
        /// Why, as the PEM reader said it.
        reason: String,
    },
    /// More activity events in one call than it accepts (`ffi.input_too_large`).
    #[error("{count} events; at most {max} a call are accepted")]
    TooManyEvents {
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// More attachments than a call accepts (`ffi.too_many_attachments`).
    #[error("{count} attachments; at most {max} are accepted")]
    TooManyAttachments {
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An attachment index past the last one (`ffi.attachment_index`).
    #[error("attachment {index} asked for; the {kind} carries {count} (indices from 0)")]
    AttachmentIndex {
        /// The index asked for.
        index: usize,
        /// How many attachments the message carries.
        count: usize,
        /// The message's kind (`edoc`, `status`).
        kind: String,
    },
    /// A result that cannot be written as JSON (`ffi.serialize`; a defect of egov).
    #[error("cannot serialise the result: {reason}")]
    Serialize {
        /// What serde said.
        reason: String,
    },
    /// A defect of the binding itself (`ffi.internal`).
    #[error("internal error: {reason}")]
    Internal {
        /// What failed.
        reason: String,
    },
    /// A result with a NUL byte, which a C string cannot carry (`ffi.interior_nul`).
    #[error("the result contains a NUL byte")]
    InteriorNul,
    /// A panic stopped at the binding's boundary (`ffi.panic`; a defect of egov).
    #[error("internal panic caught at the C boundary: {what}")]
    Panic {
        /// The panic's message.
        what: String,
    },
    /// A date argument not written `YYYY-MM-DD` (`date.invalid`).
    #[error("'{input}' is not a date (expected YYYY-MM-DD)")]
    Date {
        /// The input (clipped).
        input: String,
    },
    /// A time of day not written `HH:MM` (`time.invalid`).
    #[error("{name} '{input}' is not a time of day (HH:MM)")]
    TimeOfDay {
        /// The argument.
        name: String,
        /// The input (clipped).
        input: String,
    },
    /// A network-trust criterion letter that Đ21.2 does not have (`trust.criterion_unknown`).
    #[error("'{input}' is not a criterion of Đ21.2 (a, b, c, d, đ or dd, e)")]
    Criterion {
        /// The input (clipped).
        input: String,
    },
    /// A links check asked of a request without a page (`trust.page_missing`).
    #[error("the request has no page to scan")]
    PageMissing,
    /// A language other than `vi` or `en` (`trust.lang`).
    #[error("language must be vi or en, not '{input}'")]
    Language {
        /// The input (clipped).
        input: String,
    },
    /// A status tracker's JSON that does not read back (`status.invalid_history`).
    #[error("not a valid status tracker: {reason}")]
    Tracker {
        /// What serde_json said.
        reason: String,
    },
    /// A trust-list entry whose stated key id is not its key's (`trust_list.invalid`).
    #[error("entry key_id {given} is not the public key's id {actual}")]
    KeyIdMismatch {
        /// The key id stated (clipped).
        given: String,
        /// The public key's id.
        actual: String,
    },
    /// A platform's user-id salt not written as 32 hex digits (`platform.id_salt`).
    #[error("id_salt must be 32 hex digits (16 random bytes the platform keeps secret)")]
    IdSalt,
    /// A shard count outside 1 … 65 536 (`platform.shards`).
    #[error("shards must be 1…65536, not {shards}")]
    Shards {
        /// The count given.
        shards: u64,
    },
    /// An SQL dialect egov does not write (`platform.dialect`).
    #[error("«{input}»: the dialects are spark, duckdb, trino and bigquery")]
    Dialect {
        /// The input (clipped).
        input: String,
    },
    /// Arrow data that cannot be imported or read (`arrow.import`, `arrow.read`).
    #[error("{}", arrow_en(*.stream, .reason))]
    Arrow {
        /// Whether a stream failed while read (`arrow.read`), else an import (`arrow.import`).
        stream: bool,
        /// What arrow said.
        reason: String,
    },
    /// A batch of partial-count keys without the expected columns (`arrow.column`).
    #[error("{}", key_columns_en(.column.as_deref(), *.nulls))]
    KeyColumns {
        /// The column that is missing, if that is the problem.
        column: Option<String>,
        /// Whether the columns hold nulls (else they have the wrong types).
        nulls: bool,
    },
    /// A file the call names that cannot be opened or written (`io.open`, `io.write`).
    #[error("cannot {} {path}: {reason}", if *.write { "write" } else { "open" })]
    Io {
        /// Whether writing failed (else opening).
        write: bool,
        /// The file.
        path: String,
        /// The operating system's message.
        reason: String,
        /// Why, in Vietnamese (from the error's kind).
        reason_vi: String,
    },
}

fn arrow_en(stream: bool, reason: &str) -> String {
    if stream {
        format!("reading the stream: {reason}")
    } else {
        format!("the Arrow C data could not be imported: {reason}")
    }
}

fn key_columns_en(column: Option<&str>, nulls: bool) -> String {
    match column {
        Some(c) => format!("column '{c}': not in the batch"),
        None if nulls => "keys batch holds nulls".to_owned(),
        None => "keys must be (month string, key int64)".to_owned(),
    }
}

fn argument_en(name: &str, problem: &ArgumentProblem) -> String {
    use ArgumentProblem as P;
    match problem {
        P::Missing => format!("argument '{name}' is missing"),
        P::MissingWith { other } => format!("argument '{name}' or '{other}' is missing"),
        P::NotA(e) => format!("argument '{name}' must be {}", e.words(Lang::En)),
        P::Invalid { reason } => format!("argument '{name}' is invalid: {reason}"),
        P::NeededWithout { other } => {
            format!("argument '{name}' is needed when '{other}' is absent")
        }
        P::GoesWith { other } => format!("arguments '{name}' and '{other}' go together"),
        P::NotBoth { other } => format!("give argument '{name}' or '{other}', not both"),
        P::OneOf { allowed, value } => format!(
            "argument '{name}' must be {}, not '{value}'",
            quoted_list(allowed, Lang::En)
        ),
    }
}

impl BindingError {
    /// An argument error (`ffi.invalid_arguments`).
    pub fn argument(name: impl Into<String>, problem: ArgumentProblem) -> Self {
        BindingError::Argument {
            name: name.into(),
            problem,
        }
    }

    /// A missing argument.
    pub fn missing(name: impl Into<String>) -> Self {
        Self::argument(name, ArgumentProblem::Missing)
    }

    /// An argument of the wrong type.
    pub fn not_a(name: impl Into<String>, expected: Expected) -> Self {
        Self::argument(name, ArgumentProblem::NotA(expected))
    }

    /// An argument that does not read (`reason`: the parser's words).
    pub fn invalid(name: impl Into<String>, reason: impl fmt::Display) -> Self {
        Self::argument(
            name,
            ArgumentProblem::Invalid {
                reason: reason.to_string(),
            },
        )
    }

    /// A file that cannot be opened (`write` false) or written.
    pub fn io(write: bool, path: impl fmt::Display, e: &std::io::Error) -> Self {
        BindingError::Io {
            write,
            path: path.to_string(),
            reason: e.to_string(),
            reason_vi: io_reason_vi(e),
        }
    }
}

impl ErrorCode for BindingError {
    fn code(&self) -> &'static str {
        use BindingError as B;
        match self {
            B::NullArgument { .. } => "ffi.null_argument",
            B::InvalidUtf8 { .. } => "ffi.invalid_utf8",
            B::InputTooLarge { .. } | B::TooManyEvents { .. } => "ffi.input_too_large",
            B::InvalidJson { .. } => "ffi.invalid_json",
            B::Argument { .. } => "ffi.invalid_arguments",
            B::UnknownOperation { .. } => "ffi.unknown_operation",
            B::InvalidHex { .. } => "ffi.invalid_hex",
            B::InvalidKey { .. } => "ffi.invalid_key",
            B::InvalidAnchors { .. } => "ffi.invalid_anchors",
            B::TooManyAttachments { .. } => "ffi.too_many_attachments",
            B::AttachmentIndex { .. } => "ffi.attachment_index",
            B::Serialize { .. } => "ffi.serialize",
            B::Internal { .. } => "ffi.internal",
            B::InteriorNul => "ffi.interior_nul",
            B::Panic { .. } => "ffi.panic",
            B::Date { .. } => "date.invalid",
            B::TimeOfDay { .. } => "time.invalid",
            B::Criterion { .. } => "trust.criterion_unknown",
            B::PageMissing => "trust.page_missing",
            B::Language { .. } => "trust.lang",
            B::Tracker { .. } => "status.invalid_history",
            B::KeyIdMismatch { .. } => "trust_list.invalid",
            B::IdSalt => "platform.id_salt",
            B::Shards { .. } => "platform.shards",
            B::Dialect { .. } => "platform.dialect",
            B::Arrow { stream: true, .. } => "arrow.read",
            B::Arrow { stream: false, .. } => "arrow.import",
            B::KeyColumns { .. } => "arrow.column",
            B::Io { write: false, .. } => "io.open",
            B::Io { write: true, .. } => "io.write",
        }
    }
}

/// Where a parser stopped, in Vietnamese (« (dòng 3, cột 7)»), or nothing: the parser's English
/// reason is not put into a Vietnamese message.
fn at_vi(reason: &str) -> String {
    crate::i18n::detail_vi(reason)
}

impl Localize for BindingError {
    fn catalogue(&self) -> &'static Catalogue {
        crate::i18n::catalogue()
    }

    fn message_args(&self) -> Args {
        use crate::args;
        use ArgumentProblem as P;
        use BindingError as B;
        match self {
            B::NullArgument { name } => args!(name = name),
            B::InvalidUtf8 { name, .. } => args!(name = name),
            B::InputTooLarge { what, len, max } => args!(
                unit = "bytes",
                what = what,
                len = Lang::Vi.count(len),
                max = Lang::Vi.count(max)
            ),
            B::TooManyEvents { count, max } => args!(
                unit = "events",
                what = "",
                len = Lang::Vi.count(count),
                max = Lang::Vi.count(max)
            ),
            B::InvalidJson { what, reason } => args!(what = what, at = at_vi(reason)),
            B::Argument { name, problem } => {
                let (kind, other, expected, value) = match problem {
                    P::Missing => ("missing", String::new(), "", String::new()),
                    P::MissingWith { other } => ("missing_with", other.clone(), "", String::new()),
                    P::NotA(e) => ("not_a", String::new(), e.words(Lang::Vi), String::new()),
                    P::Invalid { reason } => ("invalid", String::new(), "", at_vi(reason)),
                    P::NeededWithout { other } => {
                        ("needed_without", other.clone(), "", String::new())
                    }
                    P::GoesWith { other } => ("goes_with", other.clone(), "", String::new()),
                    P::NotBoth { other } => ("not_both", other.clone(), "", String::new()),
                    P::OneOf { allowed, value } => {
                        ("one_of", quoted_list(allowed, Lang::Vi), "", value.clone())
                    }
                };
                args!(
                    problem = kind,
                    name = name,
                    other = other,
                    expected = expected,
                    value = value
                )
            }
            B::UnknownOperation { op } => args!(op = op),
            B::InvalidHex { name } | B::InvalidKey { name } => args!(name = name),
            B::InvalidAnchors { .. } | B::Serialize { .. } | B::Internal { .. } => args!(),
            B::TooManyAttachments { count, max } => args!(count = count, max = max),
            B::AttachmentIndex { index, count, kind } => {
                args!(index = index, count = count, kind = kind)
            }
            B::InteriorNul | B::PageMissing | B::IdSalt => args!(),
            B::Panic { .. } => args!(),
            B::Date { input } | B::Criterion { input } | B::Language { input } => {
                args!(input = input)
            }
            B::Dialect { input } => args!(input = input),
            B::TimeOfDay { name, input } => {
                args!(form = "time_of_day", name = name, input = input)
            }
            B::Tracker { reason } => args!(at = at_vi(reason)),
            B::KeyIdMismatch { given, actual } => args!(given = given, actual = actual),
            B::Shards { shards } => args!(shards = shards),
            B::Arrow { .. } => args!(),
            B::KeyColumns { column, nulls } => args!(
                problem = match (column, nulls) {
                    (Some(_), _) => "missing",
                    (None, true) => "nulls",
                    (None, false) => "types",
                },
                column = column.clone().unwrap_or_default()
            ),
            B::Io {
                path, reason_vi, ..
            } => args!(path = path, reason = reason_vi),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One error of each shape (for the catalogue test of `i18n`, which covers every entry).
    pub(crate) fn all() -> Vec<BindingError> {
        use ArgumentProblem as P;
        use BindingError as B;
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let mut v = vec![
            B::NullArgument {
                name: "code".into(),
            },
            B::InvalidUtf8 {
                name: "code".into(),
                reason: "invalid utf-8 sequence of 1 bytes from index 3".into(),
            },
            B::InputTooLarge {
                what: "request".into(),
                len: 5_000_000,
                max: 4_194_304,
            },
            B::InvalidJson {
                what: "request".into(),
                reason: "expected value at line 3 column 7".into(),
            },
            B::UnknownOperation { op: "nope".into() },
            B::InvalidHex {
                name: "content_hex".into(),
            },
            B::InvalidKey {
                name: "pins".into(),
            },
            B::InvalidAnchors {
                reason: "no certificate".into(),
            },
            B::TooManyEvents {
                count: 5_000_000,
                max: 4_194_304,
            },
            B::TooManyAttachments {
                count: 70_000,
                max: 65_536,
            },
            B::AttachmentIndex {
                index: 3,
                count: 1,
                kind: "edoc".into(),
            },
            B::Serialize {
                reason: "key must be a string".into(),
            },
            B::Internal {
                reason: "schema mismatch".into(),
            },
            B::InteriorNul,
            B::Panic {
                what: "index out of bounds".into(),
            },
            B::Date {
                input: "13/02/2026".into(),
            },
            B::TimeOfDay {
                name: "morning_end".into(),
                input: "25:00".into(),
            },
            B::Criterion { input: "g".into() },
            B::PageMissing,
            B::Language { input: "de".into() },
            B::Tracker {
                reason: "missing field `receiver` at line 1 column 2".into(),
            },
            B::KeyIdMismatch {
                given: "ab".into(),
                actual: "cd".into(),
            },
            B::IdSalt,
            B::Shards { shards: 0 },
            B::Dialect {
                input: "oracle".into(),
            },
            B::Arrow {
                stream: true,
                reason: "ipc".into(),
            },
            B::Arrow {
                stream: false,
                reason: "schema".into(),
            },
            B::KeyColumns {
                column: Some("month".into()),
                nulls: false,
            },
            B::KeyColumns {
                column: None,
                nulls: true,
            },
            B::KeyColumns {
                column: None,
                nulls: false,
            },
            B::io(false, "/tmp/a.pdf", &io),
            B::io(true, "/tmp/out.edxml", &io),
        ];
        for p in [
            P::Missing,
            P::MissingWith {
                other: "content_text".into(),
            },
            P::NotA(Expected::NonNegativeInteger),
            P::Invalid {
                reason: "missing field `at` at line 1 column 20".into(),
            },
            P::NeededWithout {
                other: "handed_over".into(),
            },
            P::GoesWith {
                other: "certs_pem".into(),
            },
            P::NotBoth {
                other: "pkcs12".into(),
            },
            P::OneOf {
                allowed: vec!["lenient".into(), "strict".into()],
                value: "loose".into(),
            },
        ] {
            v.push(BindingError::argument("x", p));
        }
        v
    }

    #[test]
    fn core_06_binding_errors_leave_the_parsers_english_out_of_vietnamese() {
        for e in &all() {
            let vi = e.message(Lang::Vi);
            assert_ne!(vi, e.to_string(), "{}", e.code());
            // The parsers' English reasons stay out of the Vietnamese messages.
            for english in [
                "expected value",
                "missing field",
                "utf-8 sequence",
                "not found",
            ] {
                assert!(!vi.contains(english), "{}: {vi}", e.code());
            }
        }
    }

    #[test]
    fn core_06_binding_errors_say_what_and_where_in_vietnamese() {
        let e = BindingError::InvalidJson {
            what: "request".into(),
            reason: "expected value at line 3 column 7".into(),
        };
        assert_eq!(
            e.message(Lang::Vi),
            "«request» không phải JSON đúng dạng cần có (dòng 3, cột 7)"
        );
        // serde's reason, said in Vietnamese (the parser's English stays out).
        let e = BindingError::argument(
            "monthly",
            ArgumentProblem::Invalid {
                reason: "monthly counts: missing field `active_users`".into(),
            },
        );
        assert_eq!(
            e.message(Lang::Vi),
            "đối số «monthly» không hợp lệ (thiếu trường «active_users»)"
        );
        let e = BindingError::InputTooLarge {
            what: "request".into(),
            len: 5_000_000,
            max: 4_194_304,
        };
        assert_eq!(
            e.message(Lang::Vi),
            "«request» dài 5 000 000 byte; chỉ nhận tối đa 4 194 304 byte"
        );
        let e = BindingError::argument(
            "agency_profile",
            ArgumentProblem::OneOf {
                allowed: vec!["lenient".into(), "strict".into()],
                value: "loose".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "argument 'agency_profile' must be 'lenient' or 'strict', not 'loose'"
        );
        assert_eq!(
            e.message(Lang::Vi),
            "đối số «agency_profile» phải là «lenient» hoặc «strict», không phải «loose»"
        );
        let e = BindingError::io(
            false,
            "/tmp/a.pdf",
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(e.code(), "io.open");
        assert_eq!(
            e.message(Lang::Vi),
            "không mở được tệp /tmp/a.pdf: không có tệp hoặc thư mục này"
        );
        assert_eq!(clip(&"x".repeat(70)).chars().count(), 65);
    }
}
