//! `--help` and usage errors in the run's language.
//!
//! English help is the clap definitions' own doc comments. Vietnamese help lives in
//! `locales/vi/help.ftl`, one entry per command and option, looked up by path:
//! `help-egov-code` (the command's summary), `help-egov-code--long` (its longer text, optional),
//! `help-egov-code--registry` (an option or argument, by its id), `help-egov--json` (a global
//! option, at the root). A test checks every command and argument has its entry. Usage errors
//! (an unknown option, a missing value, …) are said in Vietnamese from the same file; in English
//! they are clap's own.

use std::sync::LazyLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use egov_core::i18n::{Args, Catalogue};

use crate::i18n::Lang;

static HELP: LazyLock<Catalogue> =
    LazyLock::new(|| Catalogue::new(&[include_str!("../locales/vi/help.ftl")], &[]));

fn vi(id: &str) -> Option<String> {
    HELP.get(Lang::Vi, id, &Args::new())
}

fn vi_args(id: &str, args: &Args) -> String {
    HELP.text(Lang::Vi, id, args)
}

/// The catalogue id of a command (`egov code` → `help-egov-code`).
pub(crate) fn command_id(path: &str) -> String {
    format!("help-{}", path.replace(' ', "-"))
}

/// The catalogue id of an argument of a command.
pub(crate) fn arg_id(path: &str, arg: &str) -> String {
    format!("{}--{arg}", command_id(path))
}

/// The command line's help in `lang` (English: unchanged).
pub(crate) fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => {
            let mut cmd = localize_at(cmd, "egov", true);
            // clap adds its `help` subcommands when it builds the tree: build it, then say
            // them in Vietnamese too.
            cmd.build();
            localize_help_subcommands(cmd)
        }
    }
}

fn localize_help_subcommands(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd;
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| {
            if s.get_name() == "help" {
                s.about("In trợ giúp của egov hoặc của (các) lệnh con đã nêu")
            } else {
                localize_help_subcommands(s)
            }
        });
    }
    cmd
}

/// Whether an argument is one clap writes itself.
pub(crate) fn is_builtin(arg: &Arg) -> bool {
    matches!(arg.get_id().as_str(), "help" | "version")
}

/// clap's notes after an argument's help, `[default: …]`, `[env: …]` and `[possible values: …]`,
/// are English and cannot be translated: in Vietnamese help they are hidden and the first two
/// written as `[mặc định: …]` and `[biến môi trường: …]` (unless the text already says its
/// default). The values themselves are named, with what each means, by each argument's
/// Vietnamese text (a unit test holds every text to it): clap's list of them, with their English
/// descriptions in `--help`, would follow it.
fn notes_vi(a: Arg) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let text = a.get_help().map(ToString::to_string).unwrap_or_default();
    let mut notes = Vec::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let shows_default =
        !defaults.is_empty() && !a.is_hide_default_value_set() && !text.contains("mặc định");
    if shows_default {
        notes.push(format!("[mặc định: {}]", defaults.join(", ")));
    }
    if let Some(var) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(format!("[biến môi trường: {}]", var.to_string_lossy()));
    }
    let a = a
        .hide_default_value(true)
        .hide_env(true)
        .hide_possible_values(true);
    if notes.is_empty() {
        return a;
    }
    let joined = notes.join(" ");
    let help = if text.is_empty() {
        joined
    } else {
        format!("{text} {joined}")
    };
    a.help(help)
}

/// The argument's value names (`<DATE>`) in Vietnamese, from the `value-NAME` entries (`=` in a
/// name written `_`: `value-NAME_KIND` for `<NAME=KIND>`; a file's kind after the name kept:
/// `<KEY.json>` → `<KHÓA.json>`); a name without one (`<vi|en>`) stays as written.
fn value_names_vi(a: Arg) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let names: Vec<String> = match a.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![a.get_id().as_str().to_uppercase()],
    };
    let vi_names: Vec<String> = names
        .iter()
        .map(|n| {
            let (stem, ext) = n
                .split_once('.')
                .map_or((n.as_str(), None), |(s, e)| (s, Some(e)));
            match vi(&format!("value-{}", stem.replace('=', "_"))) {
                Some(v) => ext.map_or(v.clone(), |e| format!("{v}.{e}")),
                None => n.clone(),
            }
        })
        .collect();
    if vi_names == names {
        a
    } else {
        a.value_names(vi_names)
    }
}

fn localize_at(mut cmd: Command, path: &str, root: bool) -> Command {
    let id = command_id(path);
    if let Some(about) = vi(&id) {
        cmd = cmd.about(about);
    }
    // Without a Vietnamese long text, --help shows the summary rather than English.
    cmd = match vi(&format!("{id}--long")) {
        Some(long) => cmd.long_about(long),
        None => cmd.long_about(clap::builder::Resettable::Reset),
    };
    if let Some(after) = vi(&format!("{id}--after")) {
        cmd = cmd.after_help(after.clone()).after_long_help(after);
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| !is_builtin(a))
        // Global options are translated once, at the root, and copied down by clap.
        .filter(|a| root || !a.is_global_set())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    let mut positionals = 0..;
    for (arg, positional) in args {
        let text = vi(&arg_id(path, &arg));
        // Under a named heading clap sorts by display order, then by name: positionals keep
        // the order the usage line gives them (`<TRẠNG_THÁI> <SỰ_KIỆN>`, not alphabetical).
        let order = positional.then(|| positionals.next()).flatten();
        cmd = cmd.mut_arg(arg.as_str(), |a| {
            let a = value_names_vi(a);
            let a = match order {
                Some(i) => a.display_order(i),
                None => a,
            };
            let a = a.help_heading(if positional {
                "Đối số"
            } else {
                "Tùy chọn"
            });
            let a = match text {
                Some(t) => a.help(t).long_help(None),
                None => a,
            };
            notes_vi(a)
        });
    }
    cmd = cmd
        .help_template(
            "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In trợ giúp (--help: đầy đủ hơn)")
                .help_heading("Tùy chọn")
                .display_order(1000),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In phiên bản và các tính năng đã dựng")
                .help_heading("Tùy chọn")
                .display_order(1001),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &sub, false));
    }
    cmd
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// clap's placeholder words in a usage line, in Vietnamese (`<COMMAND>` is set by
/// `subcommand_value_name`; `[OPTIONS]` is written by clap's usage renderer and has no setting).
pub(crate) fn usage_words_vi(text: &str) -> String {
    text.replace("[OPTIONS]", "[TÙY CHỌN]")
}

/// The subcommands of the command `args` name (`egov edxml` → check, show, …), for a command
/// given without one (clap shows the help: `DisplayHelpOnMissingArgumentOrSubcommand`).
pub(crate) fn subcommands_at(cmd: &Command, args: &[std::ffi::OsString]) -> Vec<String> {
    let mut at = cmd;
    for a in args.iter().skip(1) {
        if let Some(sub) = at.find_subcommand(a) {
            at = sub;
        }
    }
    at.get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|n| n != "help")
        .collect()
}

/// A usage error in Vietnamese: what is wrong, a suggestion where clap has one, and the usage.
pub(crate) fn usage_error_vi(e: &clap::Error) -> String {
    let mut out = format!("lỗi[usage]: {}", usage_what_vi(e));
    let usage = context(e, ContextKind::Usage);
    if let Some(u) = usage.strip_prefix("Usage: ").or(Some(usage.as_str())) {
        if !u.is_empty() {
            out.push_str("\n\nCách dùng: ");
            out.push_str(&usage_words_vi(u.trim()));
        }
    }
    out.push_str("\n\n");
    out.push_str(&vi_args("usage-more", &Args::new()));
    out
}

/// A usage error's message, as `--json` gives it (`{"error": {"code": "usage", "message"}}`):
/// what is wrong and a suggestion where clap has one, in the run's language, without the usage
/// lines a person reads on standard error.
pub(crate) fn usage_message(e: &clap::Error, lang: crate::i18n::Lang) -> String {
    if lang == crate::i18n::Lang::Vi {
        return usage_what_vi(e);
    }
    // clap's English: "error: WHAT\n[\n  tip: …]\n\nUsage: …\n\nFor more information, …".
    let rendered = e.render().to_string();
    let mut parts = rendered.split("\n\n");
    let what = parts.next().unwrap_or_default();
    let what = what.strip_prefix("error: ").unwrap_or(what);
    let tip = parts
        .find(|p| p.trim_start().starts_with("tip:"))
        .map(|p| format!("\n{}", p.trim()));
    // clap writes a list of missing arguments on indented lines: one line here.
    let what = what.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    format!("{what}{}", tip.unwrap_or_default())
}

/// What is wrong in a usage error, in Vietnamese: the sentence, why a value was refused, the
/// valid values and a suggestion where clap has them.
fn usage_what_vi(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let what = match e.kind() {
        // A word not starting with '-' is a value with no place, not a misspelt option.
        ErrorKind::UnknownArgument if !arg.starts_with('-') => {
            vi_args("usage-unexpected-argument", &egov_core::args!(arg = arg))
        }
        ErrorKind::UnknownArgument => {
            vi_args("usage-unknown-argument", &egov_core::args!(arg = arg))
        }
        ErrorKind::InvalidSubcommand => vi_args(
            "usage-unknown-command",
            &egov_core::args!(command = context(e, ContextKind::InvalidSubcommand)),
        ),
        ErrorKind::MissingRequiredArgument => {
            vi_args("usage-missing", &egov_core::args!(arg = arg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => vi_args(
            "usage-invalid-value",
            &egov_core::args!(value = value, arg = arg),
        ),
        // clap reports an option given twice as a conflict with itself.
        ErrorKind::ArgumentConflict if context(e, ContextKind::PriorArg) == arg => {
            vi_args("usage-repeated", &egov_core::args!(arg = arg))
        }
        ErrorKind::ArgumentConflict => vi_args(
            "usage-conflict",
            &egov_core::args!(arg = arg, other = context(e, ContextKind::PriorArg)),
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => vi_args("usage-values", &egov_core::args!(arg = arg)),
        ErrorKind::MissingSubcommand => vi_args("usage-missing-command", &Args::new()),
        ErrorKind::InvalidUtf8 => vi_args("usage-invalid-utf8", &Args::new()),
        _ => vi_args("usage-other", &Args::new()),
    };
    let mut out = what;
    // Why the value was refused follows the sentence, when it can be said in Vietnamese
    // (`value_reason_vi`).
    if matches!(e.kind(), ErrorKind::ValueValidation) {
        if let Some(reason) = std::error::Error::source(e).and_then(value_reason_vi) {
            out.push_str(": ");
            out.push_str(&reason);
        }
    }
    let valid = context(e, ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push('\n');
        out.push_str(&vi_args(
            "usage-valid-values",
            &egov_core::args!(values = valid),
        ));
    }
    let suggested = context(e, ContextKind::SuggestedArg);
    let suggested = if suggested.is_empty() {
        context(e, ContextKind::SuggestedSubcommand)
    } else {
        suggested
    };
    if !suggested.is_empty() {
        out.push('\n');
        out.push_str(&vi_args(
            "usage-did-you-mean",
            &egov_core::args!(suggestion = suggested),
        ));
    }
    out
}

/// Why a value parser refused a value, in Vietnamese: egov's own parsers already speak the
/// run's language; a number that does not parse is said from its kind; any other reason with
/// English words in it (a parser of clap's or the standard library's) is left out rather than
/// shown in English (CORE-06).
fn value_reason_vi(source: &(dyn std::error::Error + 'static)) -> Option<String> {
    use std::num::IntErrorKind as K;
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        return Some(
            match e.kind() {
                K::Empty => "để trống",
                K::PosOverflow => "số quá lớn",
                K::NegOverflow => "số quá nhỏ",
                K::Zero => "không được bằng 0",
                _ => "không phải số nguyên",
            }
            .to_owned(),
        );
    }
    if source.is::<std::num::ParseFloatError>() {
        return Some("không phải số".to_owned());
    }
    let text = source.to_string();
    egov_core::i18n::english_in_prose(&text)
        .is_none()
        .then_some(text)
}

/// When a usage error is an existing file given as a bare argument to a command that takes its
/// files through options (`egov platform classify ph.toml` for `--monthly ph.toml`), the line
/// that says so and names those options; `None` otherwise. `cmd` is the command tree `argv` was
/// parsed against.
pub(crate) fn file_argument_hint(
    e: &clap::Error,
    argv: &[std::ffi::OsString],
    cmd: &Command,
) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    if e.kind() != ErrorKind::UnknownArgument
        || arg.starts_with('-')
        || !std::path::Path::new(&arg).is_file()
    {
        return None;
    }
    // The subcommand the arguments reached: skip options and the values they take.
    let mut at = cmd;
    let mut tokens = argv.iter().skip(1).map(|t| t.to_string_lossy());
    while let Some(token) = tokens.next() {
        if let Some(long) = token.strip_prefix("--") {
            let takes_value = at
                .get_arguments()
                .chain(cmd.get_arguments())
                .find(|a| a.get_long() == Some(long))
                .is_some_and(|a| a.get_action().takes_values());
            if takes_value && !long.contains('=') {
                tokens.next();
            }
        } else if !token.starts_with('-') {
            match at.find_subcommand(token.as_ref()) {
                Some(sub) => at = sub,
                None => break,
            }
        }
    }
    // A command with arguments of its own was given one too many: nothing to point to.
    if at.get_positionals().next().is_some() {
        return None;
    }
    let path = std::any::TypeId::of::<std::path::PathBuf>();
    let options: Vec<String> = at
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_global_set() && !a.is_hide_set())
        .filter(|a| {
            a.get_value_parser().type_id() == path
                || matches!(
                    a.get_value_hint(),
                    clap::ValueHint::AnyPath | clap::ValueHint::FilePath
                )
        })
        // Files the command writes are not where an input goes.
        .filter(|a| {
            let id = a.get_id().as_str();
            id != "out" && !id.ends_with("_out")
        })
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    (!options.is_empty()).then(|| {
        crate::i18n::t!(
            "usage-file-argument",
            file = arg.as_str(),
            options = options.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>, root: bool) {
        if !HELP.has(Lang::Vi, &command_id(path)) {
            missing.push(command_id(path));
        }
        for a in cmd.get_arguments() {
            if is_builtin(a) || (!root && a.is_global_set()) {
                continue;
            }
            let id = arg_id(path, a.get_id().as_str());
            if !HELP.has(Lang::Vi, &id) {
                missing.push(id);
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path} {}", s.get_name()), missing, false);
        }
    }

    /// Every command and argument of `egov` has its Vietnamese help (CORE-06).
    #[test]
    fn core_06_every_command_and_option_has_vietnamese_help() {
        assert!(HELP.defects().is_empty(), "{:?}", HELP.defects());
        let mut missing = Vec::new();
        walk(&crate::Cli::command(), "egov", &mut missing, true);
        assert!(
            missing.is_empty(),
            "{} entries missing from locales/vi/help.ftl:\n{}",
            missing.len(),
            missing
                .iter()
                .map(|m| format!("{m} = "))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    /// The Vietnamese help names a value as its usage line shows it: `TỆP_GHI_RA`, not clap's
    /// English `OUT` (CORE-06). Every value name with a Vietnamese form (`value-OUT =
    /// TỆP_GHI_RA`) is looked for, as a whole word, in every help text.
    #[test]
    fn core_06_vietnamese_help_names_values_in_vietnamese() {
        let source = include_str!("../locales/vi/help.ftl");
        let english: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("value-")?.split_once(" = "))
            .map(|(name, _)| name.trim())
            .filter(|name| !name.contains('_'))
            // Words as the texts use them: a token's PIN («mã PIN»), rule IDs (TRUST-01).
            .filter(|name| !["PIN", "TRUST"].contains(name))
            .collect();
        assert!(
            english.contains(&"OUT") && english.contains(&"PAGE"),
            "{english:?}"
        );
        let mut found = Vec::new();
        for line in source.lines().filter(|l| l.starts_with("help-")) {
            let Some((id, text)) = line.split_once(" = ") else {
                continue;
            };
            for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if english.contains(&word) {
                    found.push(format!("{id}: {word}"));
                }
            }
        }
        assert!(
            found.is_empty(),
            "English value names in Vietnamese help:\n{}",
            found.join("\n")
        );
    }

    /// A file's value name is said in Vietnamese with its kind kept: `<KHÓA.pem>`, not
    /// `<KEY.pem>` (CORE-06).
    #[test]
    fn core_06_file_value_names_in_vietnamese_keep_their_extension() {
        let cmd = localize(crate::Cli::command(), Lang::Vi);
        let sign = cmd
            .find_subcommand("edxml")
            .and_then(|c| c.find_subcommand("sign"))
            .expect("egov edxml sign");
        let names = |id: &str| -> Vec<String> {
            sign.get_arguments()
                .find(|a| a.get_id() == id)
                .and_then(|a| a.get_value_names())
                .map(|n| n.iter().map(ToString::to_string).collect())
                .unwrap_or_default()
        };
        assert_eq!(names("key"), ["KHÓA.pem"]);
        assert_eq!(names("pkcs11_module"), ["MÔ_ĐUN.so"]);
    }

    fn out_without_o(cmd: &Command, path: &str, found: &mut Vec<String>) {
        for a in cmd.get_arguments() {
            if a.get_long() == Some("out") && a.get_short() != Some('o') {
                found.push(path.to_owned());
            }
        }
        for s in cmd.get_subcommands() {
            out_without_o(s, &format!("{path} {}", s.get_name()), found);
        }
    }

    /// Every command that writes a file takes it as `-o`/`--out`: a văn thư who learnt
    /// `egov template … -o FILE` is not told «không có tùy chọn «-o»» by `egov edxml build`.
    #[test]
    fn every_out_option_is_also_dash_o() {
        let mut found = Vec::new();
        out_without_o(&crate::Cli::command(), "egov", &mut found);
        assert!(found.is_empty(), "--out without -o: {found:?}");
    }

    fn values_unnamed(cmd: &Command, path: &str, out: &mut Vec<String>) {
        for a in cmd
            .get_arguments()
            .filter(|a| a.get_action().takes_values())
        {
            let Some(text) = vi(&arg_id(path, a.get_id().as_str())) else {
                continue;
            };
            for v in a.get_possible_values() {
                if !v.is_hide_set() && !text.contains(v.get_name()) {
                    out.push(format!("{path} --{}: {}", a.get_id(), v.get_name()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            values_unnamed(s, &format!("{path} {}", s.get_name()), out);
        }
    }

    /// Vietnamese help hides clap's English list of an argument's values (`notes_vi`): the
    /// Vietnamese text must name each of them.
    #[test]
    fn core_06_every_vietnamese_text_names_its_arguments_values() {
        let mut unnamed = Vec::new();
        values_unnamed(&crate::Cli::command(), "egov", &mut unnamed);
        assert!(
            unnamed.is_empty(),
            "values the text does not name:\n{}",
            unnamed.join("\n")
        );
    }

    #[test]
    fn core_06_usage_errors_in_vietnamese() {
        let cmd = localize(crate::Cli::command(), Lang::Vi);
        let e = cmd
            .clone()
            .try_get_matches_from(["egov", "code", "--registy", "x"])
            .unwrap_err();
        let text = usage_error_vi(&e);
        assert!(
            text.starts_with("lỗi[usage]: không có tùy chọn «--registy»"),
            "{text}"
        );
        assert!(text.contains("--registry"), "{text}");
        let e = cmd
            .clone()
            .try_get_matches_from(["egov", "code", "x", "--as-of", "a", "--as-of", "b"])
            .unwrap_err();
        assert!(
            usage_error_vi(&e).contains("chỉ được nêu một lần"),
            "{}",
            usage_error_vi(&e)
        );
        let e = cmd
            .clone()
            .try_get_matches_from(["egov", "workday", "add", "2026-04-30"])
            .unwrap_err();
        assert!(
            usage_error_vi(&e).starts_with("lỗi[usage]: thừa đối số «2026-04-30»"),
            "{}",
            usage_error_vi(&e)
        );
        // Value names in Vietnamese too; those without an entry stay as written.
        let e = cmd
            .clone()
            .try_get_matches_from(["egov", "workday"])
            .unwrap_err();
        assert!(
            usage_error_vi(&e).contains("thiếu đối số bắt buộc: <NGÀY>"),
            "{}",
            usage_error_vi(&e)
        );
        let help = cmd
            .clone()
            .find_subcommand_mut("deadline")
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("--signed <THỜI_ĐIỂM_KÝ>"), "{help}");
        assert!(help.contains("--lang <vi|en>"), "{help}");
        let e = cmd
            .clone()
            .try_get_matches_from(["egov", "deadline"])
            .unwrap_err();
        assert!(
            usage_error_vi(&e).contains("thiếu"),
            "{}",
            usage_error_vi(&e)
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let bad = std::ffi::OsString::from_vec(vec![0xff]);
            let e = cmd
                .try_get_matches_from([std::ffi::OsString::from("egov"), "code".into(), bad])
                .unwrap_err();
            assert!(
                usage_error_vi(&e).starts_with("lỗi[usage]: có đối số không phải văn bản UTF-8"),
                "{}",
                usage_error_vi(&e)
            );
        }
    }
}
