//! The tool's own words in Vietnamese or English (the language of one run, chosen once).
//!
//! The language is, in order: `--lang vi|en`; `EGOV_LANG`; `lang` in `egov.toml`; the locale
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX reads them); else Vietnamese. It is
//! chosen before the command line is parsed, so help and usage errors speak it too.
//!
//! The words live in `locales/vi/*.ftl` and `locales/en/*.ftl` (Fluent, one file per topic),
//! read through [`egov_core::i18n::Catalogue`]; `t!(id)` and `t!(id, name = value, …)` print
//! message `id` in the run's language. Findings carry their own two languages
//! (`message_vi`, `message`); errors of the library crates say theirs through
//! [`egov_core::Localize`].

use std::sync::{LazyLock, OnceLock};

use egov_core::i18n::{Args, Catalogue};
pub use egov_core::Lang;

/// Every topic file, in both languages (a message id belongs to exactly one topic).
macro_rules! topics {
    ($($topic:literal),* $(,)?) => {
        (
            &[$(include_str!(concat!("../locales/vi/", $topic, ".ftl"))),*],
            &[$(include_str!(concat!("../locales/en/", $topic, ".ftl"))),*],
            &[$($topic),*],
        )
    };
}

/// (Vietnamese sources, English sources, topic names): the same topics in both languages.
pub(crate) const SOURCES: (&[&str], &[&str], &[&str]) = topics!(
    "common",
    "surface",
    "mark",
    "trustlist",
    "edxml",
    "edxml_make",
    "mark_pdf",
    "mark_pdf_scans",
    "pdf_sign",
    "batch",
    "commands",
    "input",
    "files",
    "docs",
    "registry",
    "checklist",
    "trust",
    "platform",
);

static CLI: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(SOURCES.0, SOURCES.1));
static LANG: OnceLock<Lang> = OnceLock::new();

/// The tool's catalogue.
pub(crate) fn catalogue() -> &'static Catalogue {
    &CLI
}

/// The language of this run (Vietnamese until [`set_lang`] is called).
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A whole count for people (bytes, rows): grouped by threes from five digits up in both
/// languages (`5 258 017`), as [`Lang::number`] writes it.
pub(crate) fn count(n: impl std::fmt::Display) -> String {
    lang().count(n)
}

/// Fixes the language of this run (the first call wins).
pub(crate) fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// Message `id` of the tool's catalogue in the run's language.
pub(crate) fn text(id: &str, args: &Args) -> String {
    catalogue().text(lang(), id, args)
}

/// Message `id` of the tool's catalogue in `lang` (for errors, said in both languages).
pub(crate) fn text_in(lang: Lang, id: &str, args: &Args) -> String {
    catalogue().text(lang, id, args)
}

/// `t!("id")` or `t!("id", name = value, …)`: the tool's message `id` in the run's language.
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text($id, &egov_core::args!($($name = $value),*))
    };
}
pub(crate) use t;

/// The language asked for on the command line (`--lang X` or `--lang=X`, before any `--`), if any.
pub(crate) fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_owned());
        }
    }
    None
}

/// The language of a run: the flag, else `EGOV_LANG`, else the configuration's, else the locale
/// environment, else Vietnamese. A flag or `EGOV_LANG` naming another language is left for the
/// parser to refuse (the flag) or ignored with the locale's answer (the variable).
pub(crate) fn resolve(
    flag: Option<&str>,
    configured: Option<Lang>,
    var: impl Fn(&str) -> Option<String>,
) -> Lang {
    flag.and_then(Lang::from_tag)
        .or_else(|| var("EGOV_LANG").and_then(|v| Lang::from_tag(v.trim())))
        .or(configured)
        .or_else(|| Lang::from_locale_env(&var))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn core_06_language_order_flag_env_config_locale_default() {
        assert_eq!(resolve(None, None, env(&[])), Lang::Vi);
        assert_eq!(
            resolve(None, None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            resolve(None, Some(Lang::Vi), env(&[("LANG", "en_US.UTF-8")])),
            Lang::Vi
        );
        assert_eq!(
            resolve(None, Some(Lang::Vi), env(&[("EGOV_LANG", "en")])),
            Lang::En
        );
        assert_eq!(
            resolve(Some("vi"), Some(Lang::En), env(&[("EGOV_LANG", "en")])),
            Lang::Vi
        );
        assert_eq!(resolve(None, None, env(&[("LANG", "C.UTF-8")])), Lang::Vi);
    }

    #[test]
    fn core_06_lang_flag_is_found_before_double_dash() {
        let a = |v: &[&str]| {
            v.iter()
                .map(Into::into)
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert_eq!(
            lang_flag(&a(&["egov", "code", "--lang", "en", "x"])).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang_flag(&a(&["egov", "--lang=vi", "code"])).as_deref(),
            Some("vi")
        );
        assert_eq!(lang_flag(&a(&["egov", "--", "--lang", "en"])), None);
    }

    #[test]
    fn core_06_catalogue_is_whole_and_the_same_in_both_languages() {
        assert!(
            catalogue().defects().is_empty(),
            "{:?}",
            catalogue().defects()
        );
        for (i, topic) in SOURCES.2.iter().enumerate() {
            let ids = |src: &str| -> Vec<String> {
                src.lines()
                    .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
                    .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_owned()))
                    .collect()
            };
            let (vi, en) = (ids(SOURCES.0[i]), ids(SOURCES.1[i]));
            assert_eq!(vi, en, "topic {topic}: the same ids in the same order");
        }
    }
}

#[cfg(test)]
mod citations {
    /// CORE-14, CORE-06: the Vietnamese messages of the tool and of every library crate cite
    /// the law as Vietnamese writes it («điểm b khoản 1 Điều 5 NĐ 137/2024/NĐ-CP»), not in the
    /// short form of the English (`NĐ 137/2024 Đ5.1.b`), `--help` included.
    #[test]
    fn core_14_vietnamese_messages_cite_articles_in_full() {
        let manifest = env!("CARGO_MANIFEST_DIR");
        let mut files: Vec<std::path::PathBuf> =
            std::fs::read_dir(format!("{manifest}/locales/vi"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
        for entry in std::fs::read_dir(format!("{manifest}/..")).unwrap() {
            let catalogue = entry.unwrap().path().join("locales/vi.ftl");
            if catalogue.is_file() {
                files.push(catalogue);
            }
        }
        assert!(files.len() > 10, "{files:?}");
        let mut short = Vec::new();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let bad = line.match_indices('Đ').any(|(i, _)| {
                    line[i + 'Đ'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
                });
                if bad && !line.trim_start().starts_with('#') {
                    short.push(format!("{}:{}: {line}", path.display(), n + 1));
                }
            }
        }
        assert!(short.is_empty(), "short citations:\n{}", short.join("\n"));
    }
}

#[cfg(test)]
mod used_ids {
    /// Every `t!("id"` in the tool's source names a message of the catalogue in both languages.
    #[test]
    fn core_06_every_message_used_is_in_the_catalogue() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        let mut used = 0;
        // src/ and its subdirectories (schema_types/).
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        for path in files {
            let src = std::fs::read_to_string(&path).unwrap();
            for (at, _) in src.match_indices("t!(\"") {
                // `t!(`, not `format!(` or `print!(`.
                if src[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let id = src[at + 4..].split('"').next().unwrap();
                if id == "id" {
                    continue; // the macro's own documentation
                }
                used += 1;
                for lang in super::Lang::ALL {
                    if !super::catalogue().has(lang, id) {
                        missing.push(format!("{}: {id} ({lang})", path.display()));
                    }
                }
            }
        }
        assert!(used > 0);
        assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    }
}
