//! Dates and times as the people who run `egov` write them (issue 17): a date as
//! `2026-02-13`, `13/02/2026` or edXML's `2026/02/13`; a time with its UTC offset, or without
//! one, read as Vietnam time (UTC+07:00) with a note on standard error, unless `--strict-time`
//! asks for the offset. The parsing is `egov_core::time`'s; this module only chooses and notes.

use std::sync::atomic::{AtomicBool, Ordering};

use egov_core::chrono::NaiveDate;
use egov_core::{ErrorCode, TimeError, VnDateTime};

use crate::i18n::{lang, t, Lang};
use crate::output::CmdResult;

static STRICT_TIME: AtomicBool = AtomicBool::new(false);

/// `--strict-time`: times without a UTC offset are errors.
pub fn set_strict_time(strict: bool) {
    STRICT_TIME.store(strict, Ordering::Relaxed);
}

/// A time argument (`what` names it: `--at`, `--now`, …). With an offset it is that instant;
/// without one it is Vietnam time (a note says so on standard error) unless `--strict-time`.
pub fn time(input: &str, what: &str) -> Result<VnDateTime, CmdResult> {
    match VnDateTime::parse(input) {
        Ok(t) => Ok(t),
        Err(e @ (TimeError::MissingOffset { .. } | TimeError::Invalid { .. }))
            if STRICT_TIME.load(Ordering::Relaxed) =>
        {
            Err(CmdResult::Error {
                code: e.code().to_owned(),
                message: t!("input-strict-time", what = what, detail = time_error(&e)),
            })
        }
        Err(TimeError::MissingOffset { .. } | TimeError::Invalid { .. }) => {
            let t = VnDateTime::parse_local(input).map_err(|e| CmdResult::Error {
                code: e.code().to_owned(),
                message: format!("{what}: {}", time_error(&e)),
            })?;
            note_local(input, what, &t);
            Ok(t)
        }
        Err(e) => Err(CmdResult::Error {
            code: e.code().to_owned(),
            message: format!("{what}: {}", time_error(&e)),
        }),
    }
}

/// A time error in the run's language (CORE-06).
pub(crate) fn time_error(e: &TimeError) -> String {
    match lang() {
        Lang::Vi => e.message_vi(),
        Lang::En => e.to_string(),
    }
}

/// Says, on standard error, how a time without an offset was read.
pub fn note_local(input: &str, what: &str, t: &VnDateTime) {
    crate::output::err(&t!(
        "input-note-local",
        what = what,
        input = input.trim(),
        time = crate::commands::prose_time(*t)
    ));
}

/// A date argument: `2026-02-13`, `13/02/2026` (day first) or `2026/02/13`.
pub fn date(input: &str, what: &str) -> Result<NaiveDate, CmdResult> {
    egov_core::time::parse_date(input).map_err(|e| CmdResult::Error {
        code: "date.invalid".to_owned(),
        message: t!(
            "input-date-invalid",
            what = what,
            input = input.trim(),
            // Not a date at all: the sentence names the forms read, nothing to add.
            detail = match e {
                TimeError::NotADate { .. } => String::new(),
                _ => format!(": {}", time_error(&e)),
            }
        ),
    })
}

/// Whether an input file is TOML (its name ends in `.toml`): the commands that read a JSON
/// document officers write (metadata, calendar, trust evidence, monthly counts, KPI
/// observations, registry) take the same data in TOML, the form `egov template` writes.
pub fn is_toml(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// Reads TOML `text` (from `path`) as `T`; `code` is the error's code (exit 1: the file was read
/// but does not hold a `T`). The message gives TOML's line and column.
pub fn toml_doc<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &std::path::Path,
    code: &str,
) -> Result<T, CmdResult> {
    toml_dates_as_text(text)
        .map_err(|e| CmdResult::not_parsed(code, path.display(), ["TOML", "TOML"], e))
}

/// Reads TOML `text` as `T` with TOML's own dates and times (`date = 2026-03-02`,
/// `sent_at = 2026-03-02T09:15:00+07:00`) read as the text of the same value in quotes: egov's
/// types take dates as text (the form their JSON has), and toml hands a bare date over as a
/// table, which they would refuse as «sai kiểu giá trị». Errors keep TOML's line and column.
pub fn toml_dates_as_text<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, toml::de::Error> {
    use toml::de::{DeTable, DeValue};
    fn value(v: &mut DeValue<'_>) {
        match v {
            DeValue::Datetime(d) => *v = DeValue::String(d.to_string().into()),
            DeValue::Array(a) => a.iter_mut().for_each(|x| value(x.get_mut())),
            DeValue::Table(t) => table(t),
            _ => {}
        }
    }
    fn table(t: &mut DeTable<'_>) {
        t.iter_mut().for_each(|(_, v)| value(v.get_mut()));
    }
    let mut root = DeTable::parse(text)?;
    table(root.get_mut());
    T::deserialize(toml::de::Deserializer::from(root)).map_err(|mut e| {
        e.set_input(Some(text));
        e
    })
}

/// A yes/no argument (`--digitally-signed`, `--via-system`, `--issued`): `yes`/`no`, `true`/
/// `false`, `y`/`n`, `1`/`0`, `on`/`off`, and the Vietnamese `có`/`không` (with or without
/// diacritics, any case). Refused with a message in the run's language (clap's own boolean
/// parser says "value was not a boolean" in English only, and lists `true, false`).
pub fn yes_no(input: &str) -> Result<bool, String> {
    match egov_docs::text::fold(input).as_str() {
        "yes" | "y" | "true" | "1" | "on" | "co" | "c" => Ok(true),
        "no" | "n" | "false" | "0" | "off" | "khong" | "k" => Ok(false),
        _ => Err(t!("input-not-yes-no")),
    }
}

/// A name that must say something (`keygen --label`: what a verifier shows as the signer).
/// Surrounding white space is dropped; an empty or blank name is refused in the run's language.
pub fn non_blank(input: &str) -> Result<String, String> {
    match input.trim() {
        "" => Err(t!("input-blank")),
        name => Ok(name.to_owned()),
    }
}
