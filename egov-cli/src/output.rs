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
    /// An error of an egov library, in both languages (CORE-06): printed in the run's
    /// language; its JSON carries the English `message` and the Vietnamese `message_vi`.
    Localized {
        code: String,
        message: String,
        message_vi: String,
    },
}

impl CmdResult {
    /// An error from any egov error type, said in English and in Vietnamese (CORE-06: the
    /// Vietnamese from the error's crate catalogue).
    pub fn error<E: egov_core::Localize>(err: &E) -> Self {
        CmdResult::Localized {
            code: err.code().to_owned(),
            message: err.message(egov_core::Lang::En),
            message_vi: err.message(egov_core::Lang::Vi),
        }
    }

    /// [`CmdResult::error`] about `place` (a file, an option's value), named before the
    /// message in both languages: `place: message`.
    pub fn error_at<E: egov_core::Localize>(place: impl std::fmt::Display, err: &E) -> Self {
        CmdResult::Localized {
            code: err.code().to_owned(),
            message: format!("{place}: {}", err.message(egov_core::Lang::En)),
            message_vi: format!("{place}: {}", err.message(egov_core::Lang::Vi)),
        }
    }

    /// The same error with the tool's message `id` appended (a hint naming the flag to use), in
    /// each of its languages.
    pub fn with_hint(self, id: &str) -> Self {
        let hint = |lang| crate::i18n::text_in(lang, id, &egov_core::args!());
        match self {
            CmdResult::Localized {
                code,
                message,
                message_vi,
            } => CmdResult::Localized {
                code,
                message: message + &hint(egov_core::Lang::En),
                message_vi: message_vi + &hint(egov_core::Lang::Vi),
            },
            CmdResult::Error { code, message } => CmdResult::Error {
                code,
                message: message + &hint(crate::i18n::lang()),
            },
            answer => answer,
        }
    }

    /// The same error under the command's own `code` (a file an option names that does not
    /// read is a usage error, `usage.…`, exit 2).
    pub fn with_code(self, code: &str) -> Self {
        match self {
            CmdResult::Localized {
                message,
                message_vi,
                ..
            } => CmdResult::Localized {
                code: code.to_owned(),
                message,
                message_vi,
            },
            CmdResult::Error { message, .. } => CmdResult::Error {
                code: code.to_owned(),
                message,
            },
            answer => answer,
        }
    }

    /// A file that is not what it should be, with the reader's own words quoted: `format` is
    /// what the file should be, in Vietnamese then English (`["JSON", "JSON"]`); `detail` the
    /// parser's English, kept as it said it.
    pub fn not_parsed(
        code: &str,
        path: impl std::fmt::Display,
        format: [&str; 2],
        detail: impl std::fmt::Display,
    ) -> Self {
        let detail = detail.to_string().trim_end().to_owned();
        let said = |lang: egov_core::Lang, format: &str| {
            let args = egov_core::args!(
                path = path.to_string(),
                format = format,
                detail = detail.clone()
            );
            crate::i18n::text_in(lang, "input-not-parsed", &args)
        };
        // serde's reasons (a field missing or unknown, a value of the wrong type) are said in
        // Vietnamese with the place; a parser's other words (English: «unclosed array») are
        // left out where the place can be said, and quoted as it said them only where not.
        let said_vi = egov_core::i18n::serde_reason_vi(&detail).is_some()
            || egov_core::i18n::position_vi(&detail).is_some();
        let message_vi = if said_vi {
            crate::i18n::text_in(
                egov_core::Lang::Vi,
                "input-not-parsed-said",
                &egov_core::args!(
                    path = path.to_string(),
                    detail = egov_core::i18n::format_error_vi(format[0], &detail)
                ),
            )
        } else {
            said(egov_core::Lang::Vi, format[0])
        };
        CmdResult::Localized {
            code: code.to_owned(),
            message: said(egov_core::Lang::En, format[1]),
            message_vi,
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

/// What a command answered, before printing: its exit code, its text for people (on standard
/// output, or standard error for an error) and its JSON. `egov batch` keeps one per input.
pub struct Answer {
    /// 0 valid / compliant, 1 invalid input or non-compliant, 2 usage, I/O or internal error.
    pub exit: u8,
    /// The text for people.
    pub human: String,
    /// The text is an error message (printed on standard error).
    pub is_error: bool,
    /// The JSON form (`--json`).
    pub json: Value,
}

impl Answer {
    /// Prints the answer as text or JSON and returns its exit code. A closed standard output
    /// (`egov … | head`) ends the command quietly with the same code.
    pub fn print(&self, as_json: bool) -> ExitCode {
        if as_json {
            out(&pretty(&self.json));
        } else if self.is_error {
            err(&self.human);
        } else {
            out(&self.human);
        }
        ExitCode::from(self.exit)
    }
}

/// The answer of `result`: exit 0 valid / compliant, 1 invalid input or non-compliant, 2 usage,
/// I/O or internal error.
pub fn answer(result: CmdResult) -> Answer {
    match result {
        CmdResult::Valid { human, json } => Answer {
            exit: 0,
            human,
            is_error: false,
            json,
        },
        CmdResult::Invalid { human, json } => Answer {
            exit: 1,
            human,
            is_error: false,
            json,
        },
        CmdResult::Error { code, message } => error_answer(code, message, None),
        CmdResult::Localized {
            code,
            message,
            message_vi,
        } => error_answer(code, message, Some(message_vi)),
    }
}

/// The answer of an error: its message in the run's language for people (CORE-06), and in
/// JSON the English `message` with, when the error has it, the Vietnamese `message_vi`.
fn error_answer(code: String, message: String, message_vi: Option<String>) -> Answer {
    let text = match (&message_vi, crate::i18n::lang()) {
        (Some(vi), egov_core::Lang::Vi) => vi,
        _ => &message,
    };
    Answer {
        exit: error_exit_code(&code),
        human: format!("{}[{code}]: {text}", crate::i18n::t!("error-prefix")),
        is_error: true,
        json: serde_json::to_value(crate::schema_types::ErrorOutput {
            error: crate::schema_types::ErrorBody {
                code,
                message,
                message_vi,
            },
        })
        .unwrap_or_default(),
    }
}

/// Prints `result` and returns the exit code (see [`answer`]).
pub fn emit(result: CmdResult, as_json: bool) -> ExitCode {
    answer(result).print(as_json)
}

/// Writes a line to standard output; a closed pipe or any write error is ignored (the reader
/// went away: nothing to tell it).
pub fn out(text: &str) {
    let mut o = std::io::stdout().lock();
    // One line end after the text, however many it already ends with (a table built row by
    // row with `writeln!` would otherwise end in a blank line).
    let text = printable(text.trim_end_matches('\n'));
    let _ = writeln!(o, "{text}").and_then(|()| o.flush());
}

/// Writes a line to standard error, ignoring write errors.
pub fn err(text: &str) {
    let text = printable(text.trim_end_matches('\n'));
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// `text` as a terminal shows it, not as it would steer the terminal: what egov prints comes
/// partly from files other systems wrote (an edXML package's subject, a certificate's name, a
/// page's links), and a control character there (ESC, CSI U+009B, a lone carriage return that
/// overwrites the line, a bidirectional override that reorders it) would recolour, move or
/// hide what a clerk reads. Every such character is written as its JSON escape (`\u001b`), so
/// JSON output stays JSON with the same value (serde_json leaves C1 controls and bidirectional
/// marks as they are, inside strings); line ends (LF, CRLF) and tabs stay.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    fn steers(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t' && c != '\r')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    let lone_cr = |i: usize| text.as_bytes().get(i + 1) != Some(&b'\n');
    if !text
        .char_indices()
        .any(|(i, c)| steers(c) || (c == '\r' && lone_cr(i)))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.char_indices() {
        if steers(c) || (c == '\r' && lone_cr(i)) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::printable;

    /// What a package or a page wrote cannot steer the terminal that shows it: ESC, CSI,
    /// carriage return and bidirectional overrides are written as escapes; Vietnamese text,
    /// line ends and tabs are left alone.
    #[test]
    fn printable_escapes_what_would_steer_a_terminal() {
        assert_eq!(printable("Trích yếu:\tV/v họp\n"), "Trích yếu:\tV/v họp\n");
        assert_eq!(printable("dòng 1\r\ndòng 2"), "dòng 1\r\ndòng 2");
        assert_eq!(
            printable("A\u{1b}[31mĐỎ\u{9b}x\rB\u{202e}C"),
            "A\\u001b[31mĐỎ\\u009bx\\u000dB\\u202eC"
        );
        // JSON stays JSON, with the same value.
        let value = serde_json::json!({"subject": "họp\u{9b}2J\u{202e}lệnh\u{1b}"});
        let text = serde_json::to_string(&value).unwrap();
        let shown = printable(&text);
        assert!(
            !shown.contains('\u{9b}') && !shown.contains('\u{202e}'),
            "{shown}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&shown).unwrap(),
            value
        );
    }
}
