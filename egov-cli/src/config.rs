//! The defaults an office sets once: `egov.toml` and `EGOV_*` environment variables.
//!
//! Where an option is not given on the command line, its value comes from, in order:
//! the `EGOV_*` variable, then `egov.toml`, then egov's built-in default. The file is the first
//! of: `--config FILE`; `EGOV_CONFIG` (`none` for no file); `egov.toml` in the working
//! directory; `egov.toml` in the user's configuration directory (`~/.config/egov/` on Linux,
//! `~/Library/Application Support/egov/` on macOS, `%APPDATA%\egov\` on Windows). Relative paths
//! in the file are relative to the file's own directory. An unknown key or a value of the wrong
//! kind is an error naming its line (exit 2), never ignored.
//!
//! ```toml
//! lang = "vi"                       # vi | en: the language of everything printed for people
//! format = "text"                   # text | json: json is --json on every command
//! strict_time = false               # true: refuse times without a UTC offset
//! registry = "danh-muc-co-quan.csv" # agency registry (egov code, egov edxml check)
//! calendar = "lich-2027.json"       # working-day calendar (deadline, workday, edxml check)
//! converter = "UBND xã Tân Phú"     # who converts (egov mark stamp, mark pdf stamp|from-scans)
//! mark_key = "khoa-dau.json"        # conversion-mark signing key (egov keygen)
//! trust = "tin-cay.json"            # trust set for verifying marks (mark verify, mark pdf verify)
//! policy = "chinh-sach-tls.toml"    # network-trust policy (egov trust …)
//! ```
//!
//! No rule of law lives here: these are the caller's own inputs, named once.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What `egov.toml` may set.
#[derive(Debug, Default, Clone, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Settings {
    /// Language of everything printed for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// `text` or `json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Refuse times without a UTC offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict_time: Option<bool>,
    /// Agency registry (CSV or JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<PathBuf>,
    /// Working-day calendar (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<PathBuf>,
    /// The converting agency, organisation or individual (conversion marks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converter: Option<String>,
    /// Conversion-mark signing key written by `egov keygen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_key: Option<PathBuf>,
    /// Trust set for verifying conversion marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<PathBuf>,
    /// Network-trust (TLS) policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PathBuf>,
}

/// The output format.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// Text for people.
    Text,
    /// JSON (the library's serde form), as `--json`.
    Json,
}

/// A setting: its key in `egov.toml`, its environment variable, and the command-line options
/// (command path, argument id) it stands in for.
pub(crate) struct Key {
    pub name: &'static str,
    pub var: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

/// Every setting that stands in for options. (`lang`, `format` and `strict_time` are read before
/// parsing and are global.)
pub(crate) const KEYS: &[Key] = &[
    Key {
        name: "registry",
        var: "EGOV_REGISTRY",
        options: &[("egov code", "registry"), ("egov edxml check", "registry")],
    },
    Key {
        name: "calendar",
        var: "EGOV_CALENDAR",
        options: &[
            ("egov deadline", "calendar"),
            ("egov workday", "calendar"),
            ("egov edxml check", "calendar"),
        ],
    },
    Key {
        name: "converter",
        var: "EGOV_CONVERTER",
        options: &[
            ("egov mark stamp", "converter"),
            ("egov mark pdf stamp", "converter"),
            ("egov mark pdf from-scans", "converter"),
        ],
    },
    Key {
        name: "mark_key",
        var: "EGOV_MARK_KEY",
        options: &[
            ("egov mark stamp", "key"),
            ("egov mark pdf stamp", "key"),
            ("egov mark pdf from-scans", "key"),
        ],
    },
    Key {
        name: "trust",
        var: "EGOV_TRUST",
        options: &[
            ("egov mark verify", "trust"),
            ("egov mark pdf verify", "trust"),
        ],
    },
    Key {
        name: "policy",
        var: "EGOV_POLICY",
        options: &[
            ("egov trust check", "policy"),
            ("egov trust declare", "policy"),
        ],
    },
];

impl Settings {
    /// The value of setting `name` as the text of a command-line value.
    fn value(&self, name: &str) -> Option<OsString> {
        let path = |p: &Option<PathBuf>| p.as_ref().map(|p| p.clone().into_os_string());
        match name {
            "registry" => path(&self.registry),
            "calendar" => path(&self.calendar),
            "converter" => self.converter.clone().map(OsString::from),
            "mark_key" => path(&self.mark_key),
            "trust" => path(&self.trust),
            "policy" => path(&self.policy),
            _ => None,
        }
    }

    /// Paths made relative to `dir` (the file's directory).
    fn rooted(mut self, dir: &Path) -> Self {
        for p in [
            &mut self.registry,
            &mut self.calendar,
            &mut self.mark_key,
            &mut self.trust,
            &mut self.policy,
        ]
        .into_iter()
        .flatten()
        {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        }
        self
    }
}

/// The configuration of a run: the file it came from, if any, and what it set.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub path: Option<PathBuf>,
    pub settings: Settings,
}

/// A configuration file that cannot be used (exit 2, code `usage.config` or `io.read`).
#[derive(Debug)]
pub(crate) struct ConfigError {
    pub code: &'static str,
    pub path: PathBuf,
    /// What is wrong, in English: the system's words, or the line and column and the parser's.
    pub detail: String,
    /// The same in Vietnamese (CORE-06): the system's error by its kind, serde's reasons said in
    /// Vietnamese, any other parser words quoted as given.
    pub detail_vi: String,
}

/// The value of `--config FILE` / `--config=FILE` on the command line (before any `--`).
pub(crate) fn config_flag(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            break;
        }
        if s == "--config" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = s.strip_prefix("--config=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// Whether `--json` is on the command line (before any `--`): read before parsing, so that a
/// usage error or a broken configuration file is answered in JSON too.
pub(crate) fn json_flag(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| a.as_os_str() != "--")
        .any(|a| a.as_os_str() == "--json")
}

/// The configuration file of a run, if any (see the module documentation for the order).
pub(crate) fn find(
    flag: Option<PathBuf>,
    var: &impl Fn(&str) -> Option<String>,
    cwd: Option<PathBuf>,
    user_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    if flag.is_some() {
        return flag;
    }
    if let Some(v) = var("EGOV_CONFIG").filter(|v| !v.is_empty()) {
        return (v != "none").then(|| PathBuf::from(v));
    }
    [cwd, user_dir]
        .into_iter()
        .flatten()
        .map(|d| d.join("egov.toml"))
        .find(|p| p.is_file())
}

/// The user's configuration directory for egov (`directories`, the maintained crate for the
/// platform conventions: XDG on Linux, Known Folders on Windows, Apple's on macOS).
pub(crate) fn user_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "egov").map(|d| d.config_dir().to_path_buf())
}

/// Reads and checks the file at `path`.
pub(crate) fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        code: "io.read",
        path: path.to_path_buf(),
        detail: e.to_string(),
        detail_vi: egov_core::i18n::io_reason_vi(&e),
    })?;
    let settings: Settings = toml::from_str(&text).map_err(|e| {
        let at = e.span().map(|s| line_column(&text, s.start));
        let reason = e.message().trim_end();
        let reason_vi =
            egov_core::i18n::serde_reason_vi(reason).unwrap_or_else(|| format!("«{reason}»"));
        ConfigError {
            code: "usage.config",
            path: path.to_path_buf(),
            detail: match at {
                Some((l, c)) => format!("{l}:{c}: {reason}"),
                None => reason.to_owned(),
            },
            detail_vi: match at {
                Some((l, c)) => format!("dòng {l}, cột {c}: {reason_vi}"),
                None => reason_vi,
            },
        }
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok(Loaded {
        path: Some(path.to_path_buf()),
        settings: settings.rooted(dir),
    })
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.chars().count(), |n| before[n + 1..].chars().count())
        + 1;
    (line, column)
}

/// The command line's options with the configuration standing in: each option of [`KEYS`]
/// reads its `EGOV_*` variable, then the file's value, when not given.
pub(crate) fn apply(cmd: clap::Command, settings: &Settings) -> clap::Command {
    apply_at(cmd, "egov", settings)
}

fn apply_at(mut cmd: clap::Command, path: &str, settings: &Settings) -> clap::Command {
    for key in KEYS {
        for (command, arg) in key.options {
            if *command == path && cmd.get_arguments().any(|a| a.get_id() == *arg) {
                let value = settings.value(key.name);
                cmd = cmd.mut_arg(*arg, |a| {
                    let a = a.env(key.var);
                    match value {
                        Some(v) => a.default_value(v.to_string_lossy().into_owned()),
                        None => a,
                    }
                });
            }
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| apply_at(s, &sub_path, settings));
    }
    cmd
}

/// Where a setting's value came from, for `egov config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Origin {
    /// An `EGOV_*` variable.
    Environment,
    /// The configuration file.
    File,
}

/// Every setting in effect, with its origin (variables before the file, as options read them).
pub(crate) fn effective(
    loaded: &Loaded,
    var: &impl Fn(&str) -> Option<String>,
) -> Vec<(&'static str, String, Origin)> {
    let mut out = Vec::new();
    let s = &loaded.settings;
    let globals: [(&'static str, &'static str, Option<String>); 3] = [
        ("lang", "EGOV_LANG", s.lang.map(|l| l.tag().to_owned())),
        (
            "format",
            "EGOV_FORMAT",
            s.format.map(|f| {
                match f {
                    Format::Text => "text",
                    Format::Json => "json",
                }
                .to_owned()
            }),
        ),
        (
            "strict_time",
            "EGOV_STRICT_TIME",
            s.strict_time.map(|b| b.to_string()),
        ),
    ];
    let keyed = KEYS.iter().map(|k| {
        (
            k.name,
            k.var,
            s.value(k.name).map(|v| v.to_string_lossy().into_owned()),
        )
    });
    let unusable = unusable_env(var);
    for (name, env, file) in globals.into_iter().chain(keyed) {
        let usable = |v: &String| !v.is_empty() && !unusable.iter().any(|(n, _, _)| *n == env);
        if let Some(v) = var(env).filter(usable) {
            out.push((name, v, Origin::Environment));
        } else if let Some(v) = file {
            out.push((name, v, Origin::File));
        }
    }
    out
}

/// `EGOV_FORMAT`'s value: `Some(true)` for `json`, `Some(false)` for `text` (any case, white
/// space around ignored), `None` for anything else.
fn format_is_json(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "json" => Some(true),
        "text" => Some(false),
        _ => None,
    }
}

/// `EGOV_STRICT_TIME`'s value: `1`/`true` or `0`/`false` (any case), `None` for anything else.
fn strict_value(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// The `EGOV_LANG`, `EGOV_FORMAT` and `EGOV_STRICT_TIME` values egov cannot use (`yaml`): the
/// variable, its value and the values it takes. Each is ignored (the file's setting or the
/// default applies) and said on standard error, and `egov config` does not show it as in
/// effect. Read by the same functions that use them.
pub(crate) fn unusable_env(
    var: &impl Fn(&str) -> Option<String>,
) -> Vec<(&'static str, String, &'static str)> {
    /// The variable, the values it takes (said), whether a value is one of them.
    type Check = (&'static str, &'static str, fn(&str) -> bool);
    let checks: [Check; 3] = [
        ("EGOV_LANG", "vi, en", |v| {
            egov_core::Lang::from_tag(v.trim()).is_some()
        }),
        ("EGOV_FORMAT", "text, json", |v| format_is_json(v).is_some()),
        ("EGOV_STRICT_TIME", "1, true, 0, false", |v| {
            strict_value(v).is_some()
        }),
    ];
    checks
        .into_iter()
        .filter_map(|(name, accepted, ok)| {
            let value = var(name).filter(|v| !v.trim().is_empty())?;
            (!ok(&value)).then_some((name, value, accepted))
        })
        .collect()
}

/// Whether output is JSON: `--json`, else `EGOV_FORMAT`, else the file's `format`.
pub(crate) fn json_output(
    flag: bool,
    settings: &Settings,
    var: &impl Fn(&str) -> Option<String>,
) -> bool {
    flag || var("EGOV_FORMAT")
        .and_then(|v| format_is_json(&v))
        .unwrap_or(settings.format == Some(Format::Json))
}

/// Whether times without an offset are refused: `--strict-time`, else `EGOV_STRICT_TIME`
/// (`1`/`true`), else the file's `strict_time`.
pub(crate) fn strict_time(
    flag: bool,
    settings: &Settings,
    var: &impl Fn(&str) -> Option<String>,
) -> bool {
    flag || var("EGOV_STRICT_TIME")
        .and_then(|v| strict_value(&v))
        .unwrap_or(settings.strict_time == Some(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn core_06_config_file_order_flag_variable_cwd_user() {
        let dir = std::env::temp_dir().join(format!("egov-config-{}", std::process::id()));
        let (cwd, user) = (dir.join("cwd"), dir.join("user"));
        std::fs::create_dir_all(&cwd).unwrap();
        std::fs::create_dir_all(&user).unwrap();
        std::fs::write(user.join("egov.toml"), "lang = \"en\"\n").unwrap();
        assert_eq!(
            find(None, &no_env, Some(cwd.clone()), Some(user.clone())),
            Some(user.join("egov.toml"))
        );
        std::fs::write(cwd.join("egov.toml"), "lang = \"vi\"\n").unwrap();
        assert_eq!(
            find(None, &no_env, Some(cwd.clone()), Some(user.clone())),
            Some(cwd.join("egov.toml"))
        );
        let none = |k: &str| (k == "EGOV_CONFIG").then(|| "none".to_owned());
        assert_eq!(
            find(None, &none, Some(cwd.clone()), Some(user.clone())),
            None
        );
        assert_eq!(
            find(
                Some("x.toml".into()),
                &none,
                Some(cwd.clone()),
                Some(user.clone())
            ),
            Some(PathBuf::from("x.toml"))
        );
        let loaded = load(&cwd.join("egov.toml")).unwrap();
        assert_eq!(loaded.settings.lang, Some(Lang::Vi));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn core_06_config_unknown_key_names_its_line_and_paths_are_rooted() {
        let dir = std::env::temp_dir().join(format!("egov-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("egov.toml");
        std::fs::write(&p, "lang = \"vi\"\nregistri = \"a.csv\"\n").unwrap();
        let e = load(&p).unwrap_err();
        assert_eq!(e.code, "usage.config");
        assert!(e.detail.starts_with("2:1:"), "{}", e.detail);
        assert!(
            e.detail_vi.starts_with("dòng 2, cột 1: có trường «registri» mà định dạng này không có (các trường: «lang», "),
            "{}",
            e.detail_vi
        );
        std::fs::write(&p, "registry = \"a.csv\"\nformat = \"json\"\n").unwrap();
        let l = load(&p).unwrap();
        assert_eq!(l.settings.registry, Some(dir.join("a.csv")));
        assert!(json_output(false, &l.settings, &no_env));
        let text = |k: &str| (k == "EGOV_FORMAT").then(|| "text".to_owned());
        assert!(!json_output(false, &l.settings, &text));
        std::fs::write(&p, "lang = \"fr\"\n").unwrap();
        assert_eq!(load(&p).unwrap_err().code, "usage.config");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// One setting in effect, for `egov --json config`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct Setting {
    /// The key in egov.toml.
    pub name: &'static str,
    /// Its value (paths made absolute from the file's folder).
    pub value: String,
    /// Where it came from.
    pub origin: Origin,
}

/// `egov --json config`: the file and every setting in effect.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct ConfigOutput {
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    /// The settings in effect, with their origin.
    pub settings: Vec<Setting>,
}
