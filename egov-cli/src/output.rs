//! Printing results as text or JSON, and mapping them to exit codes.

use std::io::Write;
use std::process::ExitCode;

use serde_json::Value;

/// What a subcommand produced.
pub enum CmdResult {
    /// A valid / compliant answer.
    Valid { human: String, json: Value },
    /// The input was understood but is invalid or non-compliant.
    Invalid { human: String, json: Value },
    /// The input could not be used at all (parse error, unreadable file).
    Error { code: String, message: String },
}

impl CmdResult {
    /// An error from any egov error type.
    pub fn error<E: std::fmt::Display + egov_core::ErrorCode>(err: &E) -> Self {
        CmdResult::Error {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

/// The exit code of an error: 2 for usage, I/O and internal errors (codes `usage…`, `io…`,
/// `internal`, `….internal` such as `pdf.internal`), 1 for input that was read but is invalid.
pub fn error_exit_code(code: &str) -> u8 {
    if code == "usage"
        || code.starts_with("usage.")
        || code == "io"
        || code.starts_with("io.")
        || code == "internal"
        || code.ends_with(".internal")
    {
        2
    } else {
        1
    }
}

/// Prints `result` and returns the exit code: 0 valid / compliant, 1 invalid input or
/// non-compliant, 2 usage, I/O or internal error. A closed standard output (`egov … | head`)
/// ends the command quietly with the same code.
pub fn emit(result: CmdResult, as_json: bool) -> ExitCode {
    match result {
        CmdResult::Valid { human, json } => {
            print_one(&human, &json, as_json);
            ExitCode::SUCCESS
        }
        CmdResult::Invalid { human, json } => {
            print_one(&human, &json, as_json);
            ExitCode::from(1)
        }
        CmdResult::Error { code, message } => {
            if as_json {
                let body = crate::schema_types::ErrorOutput {
                    error: crate::schema_types::ErrorBody {
                        code: code.clone(),
                        message,
                    },
                };
                out(&pretty(&serde_json::to_value(body).unwrap_or_default()));
            } else {
                err(&format!("error[{code}]: {message}"));
            }
            ExitCode::from(error_exit_code(&code))
        }
    }
}

fn print_one(human: &str, json: &Value, as_json: bool) {
    if as_json {
        out(&pretty(json));
    } else {
        out(human);
    }
}

/// Writes a line to standard output; a closed pipe or any write error is ignored (the reader
/// went away: nothing to tell it).
pub fn out(text: &str) {
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "{text}").and_then(|()| o.flush());
}

/// Writes a line to standard error, ignoring write errors.
pub fn err(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}
