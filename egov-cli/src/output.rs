//! Printing results as text or JSON, and mapping them to exit codes.

use std::process::ExitCode;

use serde_json::{json, Value};

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

/// Prints `result` and returns the exit code (0 valid, 1 invalid).
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
                println!(
                    "{}",
                    pretty(&json!({ "error": { "code": code, "message": message } }))
                );
            } else {
                eprintln!("error[{code}]: {message}");
            }
            ExitCode::from(1)
        }
    }
}

fn print_one(human: &str, json: &Value, as_json: bool) {
    if as_json {
        println!("{}", pretty(json));
    } else {
        println!("{human}");
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}
