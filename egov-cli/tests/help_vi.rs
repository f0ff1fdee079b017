//! `egov --lang vi <command> --help` is Vietnamese for every command (issue 17, CORE-06
//! "Vietnamese first"); `--lang en` help stays clap's English.
//!
//! The command paths are read from the English help itself (its `Commands:` section, walked
//! recursively), so a new command is checked without touching this file. The Vietnamese help of
//! each is searched for common English words, as whole words, outside what is code or clap's
//! own: `<PLACEHOLDERS>`, `[env: …]`, `[default: …]`, `[possible values: …]`, option names,
//! backquoted code and double-quoted JSON keys and values.

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .env_remove("EGOV_CONFIG")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn help(lang: &str, path: &[String]) -> String {
    let mut args: Vec<&str> = vec!["--lang", lang];
    args.extend(path.iter().map(String::as_str));
    args.push("--help");
    let out = egov(&args);
    assert!(
        out.status.success(),
        "egov {} exits {:?}: {}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

/// The subcommands listed in an English help text's `Commands:` section (clap's `help` left out).
fn subcommands(english: &str) -> Vec<String> {
    english
        .lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every command path of `egov`, the root (empty path) first.
fn command_paths() -> Vec<Vec<String>> {
    let mut paths = vec![Vec::new()];
    let mut i = 0;
    while i < paths.len() {
        let path = paths[i].clone();
        for sub in subcommands(&help("en", &path)) {
            let mut p = path.clone();
            p.push(sub);
            paths.push(p);
        }
        i += 1;
    }
    paths
}

/// English words common in the English help that Vietnamese help must not contain.
/// (Not "an": Vietnamese, as in «an toàn».)
const STOP_WORDS: [&str; 23] = [
    "the", "and", "of", "with", "file", "date", "print", "check", "default", "when", "which", "is",
    "are", "must", "not", "to", "for", "from", "or", "this", "where", "without", "write",
];

/// Removes what is allowed to stay as written: bracketed clap notes, placeholders, backquoted
/// code, double-quoted strings and option names.
fn prose(text: &str) -> String {
    let mut t = text.to_owned();
    // Delimited spans: clap's notes, placeholders, code, JSON strings.
    for (open, close) in [
        ("[env: ", "]"),
        ("[default: ", "]"),
        ("[possible values: ", "]"),
        ("<", ">"),
        ("`", "`"),
        ("\"", "\""),
    ] {
        let mut out = String::new();
        let mut rest = t.as_str();
        while let Some(start) = rest.find(open) {
            out.push_str(&rest[..start]);
            out.push(' ');
            let after = &rest[start + open.len()..];
            match after.find(close) {
                Some(end) => rest = &after[end + close.len()..],
                None => {
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        t = out;
    }
    // The usage line and the command names of the `Lệnh:` section, then what is code in the prose: option names
    // (`--as-of`, `-h`), identifiers (`as_of`, `egov_trust::request`, `edxml.not_edxml`,
    // `paper-to-data`) and placeholders in capitals (FILE, OUT).
    let mut in_commands = false;
    let mut kept = Vec::new();
    for line in t.lines() {
        if line.trim().is_empty() {
            in_commands = false;
        }
        // The usage line is the command path and placeholders (checked by the caller).
        if line.starts_with("Cách dùng: egov") {
            continue;
        }
        let mut words = line.split_whitespace();
        if in_commands {
            words.next();
        }
        if line.trim() == "Lệnh:" {
            in_commands = true;
        }
        kept.extend(words.filter(|w| !is_code(w)));
    }
    kept.join(" ")
}

/// Whether a word of help text is an option name, an identifier or a placeholder.
fn is_code(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_');
    let joined = |sep: char| {
        w.char_indices().any(|(i, c)| {
            c == sep
                && w[..i].chars().last().is_some_and(char::is_alphanumeric)
                && w[i + 1..].chars().next().is_some_and(char::is_alphanumeric)
        })
    };
    w.starts_with('-')
        || w.contains('_')
        || w.contains("::")
        || joined('-')
        || joined('.')
        || (w.chars().count() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

fn english_words(text: &str) -> Vec<String> {
    prose(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .map(str::to_owned)
        .collect()
}

/// Every `egov --lang vi … --help` exits 0 and reads as Vietnamese; `--lang en` is unchanged.
#[test]
fn core_06_every_command_help_is_vietnamese() {
    let paths = command_paths();
    assert!(
        paths.len() > 60,
        "only {} command paths found: {paths:?}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let vi = help("vi", path);
        assert!(vi.contains("Cách dùng: egov"), "egov {path:?}: {vi}");
        assert!(!vi.contains("Usage:"), "egov {path:?}: {vi}");
        assert!(!vi.contains("[OPTIONS]"), "egov {path:?}: {vi}");
        // clap's own notes are English: said in Vietnamese, or (the values) by the text.
        for note in ["[default:", "[env:", "[possible values:", "[aliases:"] {
            assert!(!vi.contains(note), "egov {path:?} shows {note}: {vi}");
        }
        let found = english_words(&vi);
        if !found.is_empty() {
            failures.push(format!("egov {} --help: {found:?}", path.join(" ")));
        }
        let en = help("en", path);
        assert!(en.contains("Usage: egov"), "egov --lang en {path:?}: {en}");
        assert!(!en.contains("Cách dùng"), "egov --lang en {path:?}: {en}");
    }
    assert!(
        failures.is_empty(),
        "English words in Vietnamese help:\n{}",
        failures.join("\n")
    );
}

/// The stop-list finds English words outside code, and leaves code, placeholders and clap's
/// notes alone (so the test above could fail).
#[test]
fn core_06_stop_list_sees_english_prose_only() {
    assert_eq!(
        english_words("Check the date of the file"),
        ["Check", "the", "date", "of", "the", "file"]
    );
    assert!(english_words(
        "Tệp `the file` <FILE> --as-of [default: the] [env: EGOV_X=] \"file\" [possible values: and, or]"
    )
    .is_empty());
    assert!(!english_words("Print this message or the help of the given subcommand(s)").is_empty());
    assert!(english_words("Ghi vào FILE: as_of, paper-to-data, edxml.not_edxml, --out").is_empty());
    assert_eq!(
        english_words("Lệnh:\n  check  Kiểm tra\n\ncheck"),
        ["check"]
    );
}

/// A clerk who gives the input file as a bare argument to a command that takes its files through
/// options (`egov platform classify lich-su.toml`) is told which options, in the run's language,
/// after the usage error; a command with arguments of its own (`egov edxml check A B`) and a
/// word that is not a file get the usage error alone.
#[test]
fn core_06_a_file_given_as_a_bare_argument_names_the_options_that_take_files() {
    let dir = std::env::temp_dir().join(format!("egov-cli-file-arg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lich-su.toml");
    std::fs::write(&file, "").unwrap();
    let f = file.to_str().unwrap();
    for (lang, line) in [
        ("vi", format!("«{f}» là một tệp: lệnh này nhận tệp qua tùy chọn --monthly, --events, --partials")),
        ("en", format!("«{f}» is a file: this command takes its files through --monthly, --events, --partials")),
    ] {
        let out = egov(&["--lang", lang, "platform", "classify", f, "--date", "2026-01-15"]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().last(), Some(line.as_str()), "{err}");
    }
    let out = egov(&["--lang", "vi", "edxml", "check", f, f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("là một tệp"));
    let out = egov(&["--lang", "vi", "platform", "classify", "khong-co-tep.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("là một tệp"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The options named in a help text's options section(s), in the order listed.
fn option_order(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let t = l.trim_start();
            let t = t
                .strip_prefix("-h, ")
                .or(t.strip_prefix("-V, "))
                .unwrap_or(t);
            t.strip_prefix("--")
                .filter(|_| l.starts_with("  "))
                .map(|o| o.split([' ', '=']).next().unwrap_or("").to_owned())
        })
        .collect()
}

#[test]
fn core_06_every_help_lists_the_commands_own_options_first_then_the_global_ones_then_help() {
    let globals = ["json", "lang", "config", "strict-time"];
    for path in command_paths() {
        for lang in ["vi", "en"] {
            let order = option_order(&help(lang, &path));
            let first_global = order.iter().position(|o| o == "json");
            let own_after = first_global.and_then(|g| {
                order[g..]
                    .iter()
                    .find(|o| !globals.contains(&o.as_str()) && *o != "help" && *o != "version")
            });
            assert!(
                own_after.is_none(),
                "egov {} --help ({lang}): --{} after the global options: {order:?}",
                path.join(" "),
                own_after.unwrap()
            );
            let help_at = order.iter().position(|o| o == "help");
            assert!(
                help_at.is_some_and(|h| order[h..].iter().all(|o| o == "help" || o == "version")),
                "egov {} --help ({lang}): --help is not last: {order:?}",
                path.join(" ")
            );
        }
    }
}

#[test]
fn core_06_the_edxml_summary_names_every_subcommand() {
    for (lang, words) in [
        (
            "vi",
            [
                "kiểm tra",
                "xem",
                "tách",
                "dựng",
                "trạng thái",
                "ký số",
                "xác minh",
            ],
        ),
        (
            "en",
            [
                "check", "show", "extract", "build", "status", "sign", "verify",
            ],
        ),
    ] {
        let top = help(lang, &[]);
        let line = top
            .lines()
            .find(|l| l.trim_start().starts_with("edxml "))
            .expect("edxml is listed");
        for w in words {
            assert!(line.contains(w), "{lang}: «{w}» missing from {line}");
        }
    }
}

/// The placeholder names (`<X>`, `[X]`) in `text`, in order.
fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['<', '[']) {
        let close = if rest[i..].starts_with('<') { '>' } else { ']' };
        let Some(j) = rest[i + 1..].find(close) else {
            break;
        };
        out.push(rest[i + 1..i + 1 + j].trim_end_matches("...").to_owned());
        rest = &rest[i + 1 + j..];
    }
    out
}

#[test]
fn core_06_arguments_are_listed_in_the_order_the_usage_line_takes_them() {
    for path in command_paths() {
        for (lang, usage, heading) in [
            ("vi", "Cách dùng:", "Đối số:"),
            ("en", "Usage:", "Arguments:"),
        ] {
            let text = help(lang, &path);
            let usage_line = text
                .lines()
                .find(|l| l.starts_with(usage))
                .unwrap_or_default();
            let listed: Vec<String> = text
                .lines()
                .skip_while(|l| l.trim() != heading)
                .skip(1)
                .take_while(|l| l.starts_with("  "))
                .filter(|l| l.trim_start().starts_with(['<', '[']))
                .filter_map(|l| placeholders(l.trim_start().split(' ').next()?).pop())
                .collect();
            // The arguments section is a subsequence of the usage line's placeholders.
            let mut taken = placeholders(usage_line).into_iter();
            for name in &listed {
                assert!(
                    taken.any(|u| &u == name),
                    "egov {} --help ({lang}): arguments {listed:?} not in the order of {usage_line}",
                    path.join(" ")
                );
            }
        }
    }
}

#[test]
fn core_06_arguments_come_before_options_in_every_vietnamese_help() {
    for path in command_paths() {
        let text = help("vi", &path);
        if let (Some(args), Some(options)) = (text.find("\nĐối số:"), text.find("\nTùy chọn:"))
        {
            assert!(
                args < options,
                "egov {} --help: «Tùy chọn» before «Đối số»",
                path.join(" ")
            );
        }
    }
}

/// A default and an environment variable are shown in Vietnamese, and the English help keeps
/// clap's notes.
#[test]
fn core_06_defaults_and_variables_are_said_in_vietnamese() {
    let path = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let vi = help("vi", &path(&["mark", "paper-to-data"]));
    assert!(vi.contains("[mặc định: general]"), "{vi}");
    // A text that already says its default is not given a second one.
    let position = vi.lines().find(|l| l.contains("--position")).unwrap();
    assert!(!position.contains("[mặc định:"), "{position}");
    let vi = help("vi", &path(&["code"]));
    assert!(vi.contains("[biến môi trường: EGOV_REGISTRY]"), "{vi}");
    let en = help("en", &path(&["mark", "paper-to-data"]));
    assert!(en.contains("[default: general]"), "{en}");
    let vi = help("vi", &path(&["template"]));
    assert!(vi.contains("[LOẠI]") && !vi.contains("KIND"), "{vi}");
    let vi = help("vi", &path(&["platform", "count"]));
    assert!(vi.contains("<TÊN=LOẠI>"), "{vi}");
}

/// A command that needs a subcommand, given without one (`egov edxml`), shows its help on
/// standard error with exit 2 in either language — in Vietnamese it said only «dòng lệnh không
/// hợp lệ» — and, asked for JSON, names the subcommands it takes.
#[test]
fn core_06_a_command_without_its_subcommand_shows_its_help() {
    for path in command_paths() {
        let subs = subcommands(&help("en", &path));
        if subs.is_empty() || path.is_empty() {
            continue;
        }
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        for lang in ["vi", "en"] {
            let mut args = vec!["--lang", lang];
            args.extend(&words);
            let o = egov(&args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "egov {args:?}: {err}");
            let usage = if lang == "vi" {
                "Cách dùng: egov"
            } else {
                "Usage: egov"
            };
            assert!(err.contains(usage), "egov {args:?}: {err}");
            assert!(err.contains(&subs[0]), "egov {args:?}: {err}");
            args.insert(0, "--json");
            let o = egov(&args);
            assert_eq!(o.status.code(), Some(2), "egov {args:?}");
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
            let message = v["error"]["message"].as_str().unwrap_or_default();
            assert!(
                message.ends_with(&subs.join(", ")),
                "egov {args:?}: {message}"
            );
        }
    }
}
