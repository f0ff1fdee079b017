//! Messages for people, in Vietnamese or English (CORE-06: Vietnamese first).
//!
//! Every egov answer meant for a person comes in Vietnamese and English: findings carry both
//! (`message_vi`, `message`), and the errors and the command-line tool's own words live in one
//! [Fluent](https://projectfluent.org) catalogue per language, read by [`fluent_bundle`] (Project
//! Fluent's reference implementation for Rust, the format Firefox is translated in).
//!
//! * [`Lang`] names the language: a `--lang` flag, a configuration file, the locale environment
//!   ([`Lang::from_locale_env`]), else Vietnamese.
//! * [`Catalogue`] is one crate's catalogue: a Fluent source per language, looked up by message
//!   id with named [`Args`].
//! * [`Localize`] gives an error its Vietnamese message: the English message is the error's
//!   `Display` (the Rust convention, what `thiserror` writes); the Vietnamese one is the
//!   catalogue's message whose id is the error's stable [`ErrorCode`] with `.` written `-`
//!   (`agency_code.group_count` → `agency_code-group_count`), filled with the error's
//!   [`Localize::message_args`]. A code the catalogue lacks falls back to English rather than to
//!   nothing; each crate's tests check that its catalogue has every code.

use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

/// A language egov speaks to people in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt, the language of the law and the default (CORE-06).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag: `vi` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `vi` in Vietnamese, `en` in English.
    pub fn pick<'a, T: ?Sized>(self, vi: &'a T, en: &'a T) -> &'a T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The language of a tag or a POSIX locale name: `vi`, `vi-VN`, `vi_VN.UTF-8`, `en`,
    /// `en_US.utf8`, `EN` … (the language part, case-insensitive). `None` for any other
    /// language, and for `C` and `POSIX` (which name no language).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lang = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the locale environment asks for, as POSIX reads it for messages: the first
    /// of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides; `None` when that
    /// one names neither Vietnamese nor English (or none is set). `var` reads a variable (pass
    /// `|k| std::env::var(k).ok()`; egov-core itself reads no environment).
    pub fn from_locale_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))
            .and_then(|v| Lang::from_tag(v.trim()))
    }

    /// A whole count for people (bytes, rows, persons): digits grouped by threes with a space
    /// from five digits up, as [`Lang::number`] writes them (`11 229`, `4801`).
    pub fn count(self, n: impl std::fmt::Display) -> String {
        self.number(&n.to_string())
    }

    /// A length of time given in whole minutes, for people: hours and minutes from an hour up
    /// (`21 giờ`, `1 giờ 5 phút`, `45 phút`; `21 h`, `1 h 5 min`, `45 min`), the hours grouped
    /// as [`Lang::number`] does. A negative length is written as its magnitude.
    pub fn minutes(self, minutes: i64) -> String {
        let m = minutes.unsigned_abs();
        let (hours, rest) = (m / 60, m % 60);
        let (h_unit, m_unit) = match self {
            Lang::Vi => ("giờ", "phút"),
            Lang::En => ("h", "min"),
        };
        match (hours, rest) {
            (0, _) => format!("{rest} {m_unit}"),
            (_, 0) => format!("{} {h_unit}", self.number(&hours.to_string())),
            _ => format!(
                "{} {h_unit} {rest} {m_unit}",
                self.number(&hours.to_string())
            ),
        }
    }

    /// A number written with a decimal point (`62.52`, `3200000`, as Rust and JSON write it) the
    /// way this language writes it to people: the digits before the point grouped by threes with
    /// a space from five digits up (`3 200 000`, ISO 80000-1: unambiguous in both languages),
    /// and in Vietnamese a decimal comma (`62,52`, `3 128,5`). Anything that is not such a
    /// number (`NaN`, a fraction `1/3`) only has its point changed.
    pub fn number(self, written_with_point: &str) -> String {
        let (sign, unsigned) = match written_with_point.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", written_with_point),
        };
        let (int, fraction) = match unsigned.split_once('.') {
            Some((int, fraction)) => (int, Some(fraction)),
            None => (unsigned, None),
        };
        let grouped = if int.len() >= 5 && int.bytes().all(|b| b.is_ascii_digit()) {
            let mut out = String::with_capacity(int.len() + int.len() / 3);
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push(' ');
                }
                out.push(c);
            }
            out
        } else {
            int.to_owned()
        };
        let point = match self {
            Lang::Vi => ",",
            Lang::En => ".",
        };
        match fraction {
            Some(fraction) => format!("{sign}{grouped}{point}{fraction}"),
            None => format!("{sign}{grouped}"),
        }
    }
}

/// The exact fraction `num / den` rounded half away from zero to `places` decimals, written
/// with a point and exactly `places` digits after it: `decimal(45705, 731, 2)` is `62.52`,
/// `decimal(-1, 8, 2)` is `-0.13`, `decimal(5, 2, 0)` is `3`. A value that rounds to zero has
/// no sign. `None` when `den` is zero or a step of the arithmetic would overflow (never a
/// wrong digit). For the figures egov shows people from exact counts and rationals (the
/// platform report's means and shares, the KPI tracker's values); [`Lang::number`] gives its
/// Vietnamese form.
pub fn decimal(num: i128, den: u128, places: u32) -> Option<String> {
    if den == 0 {
        return None;
    }
    let scale = 10u128.checked_pow(places)?;
    let magnitude = num.unsigned_abs();
    let (whole, rest) = (magnitude / den, magnitude % den);
    // rest < den: rest/den in units of 10^-places, rounded half away from zero.
    let scaled = rest.checked_mul(scale)?;
    let (mut fraction, remainder) = (scaled / den, scaled % den);
    if remainder >= den - remainder {
        fraction += 1;
    }
    let total = whole.checked_mul(scale)?.checked_add(fraction)?;
    let sign = if num < 0 && total != 0 { "-" } else { "" };
    let (int, frac) = (total / scale, total % scale);
    Some(if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = places as usize)
    })
}

/// A decimal written with a point, without the zeros that end its fraction (`0.50` → `0.5`,
/// `3.00` → `3`; a number without a point is returned as it is).
pub fn trim_decimal_zeros(written_with_point: &str) -> &str {
    if written_with_point.contains('.') {
        written_with_point
            .trim_end_matches('0')
            .trim_end_matches('.')
    } else {
        written_with_point
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that is neither Vietnamese nor English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("language {0:?} is not available: use vi (tiếng Việt) or en (English)")]
pub struct UnknownLang(pub String);

impl ErrorCode for UnknownLang {
    fn code(&self) -> &'static str {
        "usage.lang"
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s.trim()).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

/// One value given to a message: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as is.
    Text(String),
    /// An integer, written without grouping (a count, a line, a year).
    Int(i64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_owned())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}
impl From<char> for Arg {
    fn from(v: char) -> Self {
        Arg::Text(v.to_string())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                i64::try_from(v).map_or_else(|_| Arg::Text(v.to_string()), Arg::Int)
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Self {
                Arg::from(*v)
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// The named values of a message, in the order given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    /// No values.
    pub fn new() -> Self {
        Args(Vec::new())
    }
    /// Adds `name = value`.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.0.push((name, value.into()));
        self
    }
    /// The values by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    fn fluent(&self) -> FluentArgs<'_> {
        let mut a = FluentArgs::new();
        for (k, v) in &self.0 {
            match v {
                Arg::Text(s) => a.set(*k, FluentValue::from(s.as_str())),
                Arg::Int(n) => a.set(*k, FluentValue::from(*n)),
            }
        }
        a
    }
}

/// `args!(name = value, …)`: the [`Args`] of a message.
#[macro_export]
macro_rules! args {
    ($($name:ident = $value:expr),* $(,)?) => {
        $crate::i18n::Args::new()$(.with(stringify!($name), $value))*
    };
}

/// A defect of a catalogue's Fluent source (the tests of each crate check there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueDefect {
    /// The language of the source.
    pub lang: Lang,
    /// What is wrong.
    pub what: String,
}

/// One crate's messages: a Fluent source per language.
pub struct Catalogue {
    vi: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    defects: Vec<CatalogueDefect>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("defects", &self.defects)
            .finish_non_exhaustive()
    }
}

fn bundle(
    lang: Lang,
    sources: &[&str],
    defects: &mut Vec<CatalogueDefect>,
) -> FluentBundle<FluentResource> {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around values: the text goes to terminals, files and JSON.
    b.set_use_isolating(false);
    for source in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                defects.extend(errors.into_iter().map(|e| CatalogueDefect {
                    lang,
                    what: format!("{e:?}"),
                }));
                r
            }
        };
        // A message id given twice (in two files) is a defect; the first one stays.
        if let Err(errors) = b.add_resource(resource) {
            defects.extend(errors.into_iter().map(|e| CatalogueDefect {
                lang,
                what: format!("{e:?}"),
            }));
        }
    }
    b
}

impl Catalogue {
    /// A catalogue from its Vietnamese and English Fluent sources (usually `include_str!`-ed,
    /// one file per topic). Never fails: an entry that does not parse, or an id given twice, is
    /// left out and recorded in [`Catalogue::defects`], which tests assert empty.
    pub fn new(vi: &[&str], en: &[&str]) -> Self {
        let mut defects = Vec::new();
        let vi = bundle(Lang::Vi, vi, &mut defects);
        let en = bundle(Lang::En, en, &mut defects);
        Catalogue { vi, en, defects }
    }

    /// The entries that did not parse.
    pub fn defects(&self) -> &[CatalogueDefect] {
        &self.defects
    }

    /// Whether the catalogue has message `id` in `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.of(lang).has_message(id)
    }

    fn of(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// Message `id` in `lang` filled with `args`; `None` when the catalogue has no such message
    /// or the message names a value `args` lacks.
    pub fn get(&self, lang: Lang, id: &str, args: &Args) -> Option<String> {
        let b = self.of(lang);
        let pattern = b.get_message(id)?.value()?;
        let fargs = args.fluent();
        let mut errors = Vec::new();
        let text = b.format_pattern(pattern, Some(&fargs), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// Message `id` in `lang`, else in the other language, else the id itself: what a surface
    /// prints, so a missing entry shows as its id rather than as nothing.
    pub fn text(&self, lang: Lang, id: &str, args: &Args) -> String {
        self.get(lang, id, args)
            .or_else(|| self.get(other(lang), id, args))
            .unwrap_or_else(|| id.to_owned())
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    }
}

/// The catalogue id of an error code: `.` written `-` (Fluent ids have no dots).
pub fn error_id(code: &str) -> String {
    code.replace('.', "-")
}

/// Where a parser's English message says it stopped: `(line, column)` from the `line N column
/// M` of serde_json, the `line N, column M` of toml and the like; `None` when it names no line.
/// A Vietnamese message names the place this way instead of embedding the parser's English
/// reason (CORE-06: Vietnamese throughout).
pub fn parse_position(reason: &str) -> Option<(u64, Option<u64>)> {
    fn number_after<'a>(s: &'a str, word: &str) -> Option<(u64, &'a str)> {
        let i = s.find(word)?;
        let rest = s[i + word.len()..].trim_start();
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n = rest[..end].parse().ok()?;
        Some((n, &rest[end..]))
    }
    let (line, rest) = number_after(reason, "line ")?;
    let column = number_after(rest, "column ").map(|(c, _)| c);
    Some((line, column))
}

/// A value quoted in Vietnamese prose: `«vxp.saas.03»`, its control characters escaped
/// (`«a\nb»`) as Rust's `{:?}` escapes them in English messages, so an untrusted value cannot
/// break a line or drive a terminal.
pub fn quote_vi(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    out.push('«');
    for c in value.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('»');
    out
}

/// A date as Vietnamese prose writes it: `05/01/2026` (dd/mm/yyyy; ISO 8601 stays the form of
/// JSON and of English messages).
pub fn date_vi(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A time as Vietnamese prose writes it, in Vietnam time: `09:15 ngày 02/03/2026`, with the
/// seconds when they are not zero (`23:59:59 ngày 13/02/2026`, the end of a day).
pub fn datetime_vi(t: crate::VnDateTime) -> String {
    let local = t.naive_local();
    let form = if chrono::Timelike::second(&local) == 0 {
        "%H:%M ngày %d/%m/%Y"
    } else {
        "%H:%M:%S ngày %d/%m/%Y"
    };
    local.format(form).to_string()
}

/// A time or date that an error or evidence carries as ISO 8601 text
/// (`2021-01-01T00:00:00Z`, `2026-03-02T09:00:00+07:00`, `2026-03-02`), as Vietnamese prose
/// writes it ([`datetime_vi`], in Vietnam time; [`date_vi`]); any other text unchanged.
pub fn iso_vi(text: &str) -> String {
    if let Ok(t) = crate::VnDateTime::parse(text) {
        return datetime_vi(t);
    }
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => date_vi(d),
        Err(_) => text.to_owned(),
    }
}

/// Why an input/output operation failed, in Vietnamese, said from the error's kind (the
/// operating system's own message is English): for the Vietnamese messages of errors that carry
/// a [`std::io::Error`] (CORE-06), in every crate and the CLI alike.
pub fn io_reason_vi(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "không có tệp hoặc thư mục này".to_owned(),
        K::PermissionDenied => "không có quyền truy cập".to_owned(),
        K::AlreadyExists => "tệp đã có".to_owned(),
        K::InvalidData => "dữ liệu không đọc được (không phải văn bản UTF-8?)".to_owned(),
        K::UnexpectedEof => "tệp kết thúc giữa chừng".to_owned(),
        K::IsADirectory => "đây là thư mục, không phải tệp".to_owned(),
        K::NotADirectory => "một phần của đường dẫn không phải thư mục".to_owned(),
        K::StorageFull => "đĩa đã đầy".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("lỗi vào/ra của hệ điều hành (mã {code})"),
            None => "lỗi vào/ra".to_owned(),
        },
    }
}

/// A file's parser message in Vietnamese (CORE-06): where it stopped, never the parser's
/// English reason, as in «không đúng định dạng JSON ở dòng 3, cột 7» (`format`: JSON, TOML,
/// CSV, …).
///
/// When the reason is one of serde's (shared by every serde format: a field that is missing,
/// unknown or given twice, a value of the wrong type or an unknown variant), what it says is
/// said in Vietnamese after the place, with the names quoted as written: «không đúng định dạng
/// JSON ở dòng 2, cột 9: có trường «label» mà định dạng này không có (các trường: «keys»)».
pub fn format_error_vi(format: &str, reason: &str) -> String {
    let mut out = match position_vi(reason) {
        Some(at) => format!("không đúng định dạng {format} ở {at}"),
        None => format!("không đúng định dạng {format}"),
    };
    if let Some(what) = serde_reason_vi(reason) {
        out.push_str(": ");
        out.push_str(&what);
    }
    out
}

std::thread_local! {
    /// The last library error raised inside a `Deserialize` impl on this thread, as (English,
    /// Vietnamese): serde keeps only the English text of a custom error.
    static CARRIED: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// A library error raised inside a `Deserialize` impl (a date that is not one, a month out of
/// range, an empty set): serde keeps only its English text, so the Vietnamese message is kept
/// beside it on this thread, for [`serde_reason_vi`] to say when the English text comes back
/// in a parser's reason (CORE-06). Returns the English text for `de::Error::custom`.
pub fn carry(err: &dyn Localize) -> String {
    let en = err.to_string();
    let vi = err.message(Lang::Vi);
    CARRIED.with(|c| *c.borrow_mut() = Some((en.clone(), vi)));
    en
}

/// [`carry`] as the error a `Deserialize` impl returns: `.map_err(egov_core::i18n::de_error)`.
pub fn de_error<E: serde::de::Error, L: Localize>(err: L) -> E {
    E::custom(carry(&err))
}

/// The Vietnamese of the library error [`carry`] kept, when `reason` carries its English text.
fn carried_vi(reason: &str) -> Option<String> {
    CARRIED.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(en, _)| !en.is_empty() && reason.contains(en.as_str()))
            .map(|(_, vi)| vi.clone())
    })
}

/// serde's reason (`missing field `x``, `unknown field `x`, expected `y``, `invalid type:
/// string "a", expected u32`, …, on a line of its own or before serde_json's place), or a
/// library error a `Deserialize` impl raised through [`carry`], in Vietnamese, or `None` for
/// any other reason (a parser's own words are never passed on: they are
/// English). CORE-06.
pub fn serde_reason_vi(reason: &str) -> Option<String> {
    if let Some(vi) = carried_vi(reason) {
        return Some(vi);
    }
    const SERDE: [&str; 7] = [
        "missing field `",
        "unknown field `",
        "duplicate field `",
        "unknown variant `",
        "invalid type:",
        "invalid value:",
        "invalid length ",
    ];
    // serde's words start a line, or follow the context a caller put before them
    // ("monthly counts: missing field …").
    let line = reason.lines().find_map(|l| {
        SERDE
            .iter()
            .filter_map(|p| l.find(p))
            .filter(|&i| i == 0 || l[..i].ends_with(' '))
            .min()
            .map(|i| &l[i..])
    })?;
    let line = line.trim();
    // serde_json appends the place: " at line 2 column 9".
    let line = line.rfind(" at line ").map_or(line, |i| &line[..i]);
    let names = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(|n| format!("«{n}»"))
            .collect()
    };
    let (head, expected) = match line.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => (line, None),
    };
    let first_name = || names(head).into_iter().next().unwrap_or_default();
    // The names serde expected, in brackets after `lead` (none when it had none to give).
    let allowed = |said: String, lead: &str| match expected.map(names).unwrap_or_default() {
        list if list.is_empty() => said,
        list => format!("{said} ({lead}{})", list.join(", ")),
    };
    let said = if head.starts_with("missing field") {
        format!("thiếu trường {}", first_name())
    } else if head.starts_with("duplicate field") {
        format!("trường {} ghi hai lần", first_name())
    } else if head.starts_with("unknown field") {
        allowed(
            format!("có trường {} mà định dạng này không có", first_name()),
            "các trường: ",
        )
    } else if head.starts_with("unknown variant") {
        allowed(
            format!("giá trị {} không thuộc các giá trị được nhận", first_name()),
            "",
        )
    } else if let Some(found) = head.strip_prefix("invalid type: ") {
        let wanted = expected.and_then(kind_vi);
        match (kind_vi(found), wanted) {
            (Some(f), Some(w)) => format!("sai kiểu giá trị: có {f}, cần {w}"),
            (None, Some(w)) => format!("sai kiểu giá trị: cần {w}"),
            (Some(f), None) => format!("sai kiểu giá trị: có {f}"),
            (None, None) => "sai kiểu giá trị".to_owned(),
        }
    } else if let Some(found) = head.strip_prefix("invalid value: ") {
        // The value, when serde quotes a string (`string "xx"`), and a date's forms when a
        // date was expected (`a date: 2026-03-02, …`).
        let value = found
            .strip_prefix("string \"")
            .and_then(|v| v.strip_suffix('"'))
            .map(|v| format!(" {}", quote_vi(v)))
            .unwrap_or_default();
        let wanted = match expected {
            Some(e) if e.starts_with("a date") => {
                ": cần một ngày, viết «2026-03-02», «02/03/2026» hoặc «2026/03/02»"
            }
            _ => "",
        };
        format!("giá trị{value} không hợp lệ{wanted}")
    } else if head.starts_with("invalid length") {
        "sai số phần tử".to_owned()
    } else {
        return None;
    };
    Some(said)
}

/// The kind of value serde names (`string "a"`, `integer `5``, `a sequence`, `u32`, `struct
/// TrustSet`, …) in Vietnamese, or `None` when it is not one of the usual ones.
fn kind_vi(text: &str) -> Option<&'static str> {
    let t = text
        .trim()
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    let word = t
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    Some(match word {
        "string" | "str" | "String" | "char" | "character" => "chuỗi",
        "sequence" | "array" | "tuple" | "seq" | "list" => "danh sách",
        "map" | "struct" | "object" => "đối tượng",
        "boolean" | "bool" => "giá trị đúng/sai",
        "integer" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32"
        | "i64" | "i128" | "isize" => "số nguyên",
        "floating" | "f32" | "f64" | "float" | "number" => "số",
        "unit" | "null" => "null",
        _ => return None,
    })
}

/// What a parser's English reason can say in Vietnamese, in brackets after a message: the place
/// and serde's reason (` (dòng 1, cột 13: thiếu trường «name»)`), either alone, or nothing
/// (CORE-06).
pub fn detail_vi(reason: &str) -> String {
    match (position_vi(reason), serde_reason_vi(reason)) {
        (Some(at), Some(what)) => format!(" ({at}: {what})"),
        (Some(at), None) => format!(" ({at})"),
        (None, Some(what)) => format!(" ({what})"),
        (None, None) => String::new(),
    }
}

/// `dòng N, cột M` (or `dòng N`) for a parser's English message that names a place, else
/// `None`: see [`parse_position`].
pub fn position_vi(reason: &str) -> Option<String> {
    parse_position(reason).map(|(line, column)| match column {
        Some(c) => format!("dòng {line}, cột {c}"),
        None => format!("dòng {line}"),
    })
}

/// The first date or month written the ISO 8601 way (`2026-03-02`, `2025-01`, with or without
/// a time after it) in `text` outside quotes ('…', "…", «…», `…`: a value the user gave is
/// quoted as given), or `None`. Vietnamese prose writes `02/03/2026` and `01/2025` (CORE-06);
/// [`vietnamese_gaps`] reports any other.
pub fn iso_in_prose(text: &str) -> Option<String> {
    let chars: Vec<char> = unquoted(text).chars().collect();
    let digits = |from: usize, n: usize| {
        (from..from + n).all(|k| chars.get(k).is_some_and(char::is_ascii_digit))
    };
    (0..chars.len()).find_map(|i| {
        let boundary_before = i == 0 || !chars[i - 1].is_alphanumeric();
        let month = boundary_before
            && digits(i, 4)
            && chars.get(i + 4) == Some(&'-')
            && digits(i + 5, 2)
            && !chars.get(i + 7).is_some_and(char::is_ascii_digit);
        month.then(|| {
            let end = if chars.get(i + 7) == Some(&'-') && digits(i + 8, 2) {
                i + 10
            } else {
                i + 7
            };
            chars[i..end].iter().collect()
        })
    })
}

/// English words that a Vietnamese message never has outside quotes: the words of the English
/// reasons that parsers and operating systems give (serde, chrono, quick-xml, der, io).
const ENGLISH_IN_PROSE: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "not",
    "expected",
    "found",
    "missing",
    "invalid",
    "cannot",
    "unknown",
    "must",
    "of",
    "and",
    "with",
    "line",
    "column",
    "error",
    "failed",
    "unexpected",
    "does",
    "field",
    "value",
    "type",
    "such",
    "file",
    "directory",
    "denied",
    "permission",
];

/// The first English word of a short list (the words of parsers' and operating systems' English
/// reasons: "the", "expected", "missing", "permission", …) in `text` outside quotes ('…', "…", «…», `…`),
/// whole words, case-insensitive; `None` when there is none. [`vietnamese_gaps`] reports a
/// Vietnamese message that has one (CORE-06: a reader's English reason is said in Vietnamese,
/// not embedded).
pub fn english_in_prose(text: &str) -> Option<String> {
    unquoted(text)
        // An identifier (`max_depth`, `is_valid`) is one word, not English.
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .find(|w| ENGLISH_IN_PROSE.iter().any(|e| w.eq_ignore_ascii_case(e)))
        .map(str::to_owned)
}

/// `text` with quoted parts ('…', "…", «…», `…`) blanked out.
fn unquoted(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(end) = closing {
            if c == end {
                closing = None;
            }
            out.push(' ');
            continue;
        }
        closing = match c {
            '«' => Some('»'),
            '"' | '`' => Some(c),
            '\'' if i == 0 || !chars[i - 1].is_alphanumeric() => Some('\''),
            _ => None,
        };
        out.push(if closing.is_some() { ' ' } else { c });
    }
    out
}

/// An error that can say what went wrong in Vietnamese as well as in English.
pub trait Localize: ErrorCode + fmt::Display {
    /// The catalogue holding this error's Vietnamese message (the crate's own).
    fn catalogue(&self) -> &'static Catalogue;

    /// The values the message names (the error's fields). Text values that are themselves
    /// messages (a nested error) are given in Vietnamese.
    fn message_args(&self) -> Args {
        Args::new()
    }

    /// What went wrong, in `lang`: English is the `Display` text; Vietnamese is the catalogue's
    /// message for [`ErrorCode::code`], or the English text when the catalogue lacks it.
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => self
                .catalogue()
                .get(Lang::Vi, &error_id(self.code()), &self.message_args())
                .unwrap_or_else(|| self.to_string()),
        }
    }
}

/// What is wrong with the Vietnamese messages of `errors`, for the tests of each crate
/// (CORE-06: every error says what went wrong in Vietnamese): the catalogue's defects; for each
/// error, a Fluent lookup of its code that fails (no entry, or a value its
/// [`Localize::message_args`] lacks), a Vietnamese message equal to the English one, or one with
/// a placeholder left unfilled; and each entry of `source` (the catalogue's Vietnamese Fluent
/// text) that no error of `errors` exercised. Empty when all is well.
pub fn vietnamese_gaps(source: &str, errors: &[&dyn Localize]) -> Vec<String> {
    let mut gaps = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for e in errors {
        let catalogue = e.catalogue();
        gaps.extend(
            catalogue
                .defects()
                .iter()
                .map(|d| format!("catalogue defect ({}): {}", d.lang, d.what)),
        );
        let id = error_id(e.code());
        seen.insert(id.clone());
        let en = e.message(Lang::En);
        match catalogue.get(Lang::Vi, &id, &e.message_args()) {
            None => gaps.push(format!("{id}: no Vietnamese message for \"{en}\"")),
            Some(vi) => {
                if vi == en {
                    gaps.push(format!(
                        "{id}: the Vietnamese message is the English one: {vi}"
                    ));
                }
                if vi.contains("{$") || vi.contains("{ $") || vi.contains('\u{FFFD}') {
                    gaps.push(format!("{id}: a placeholder is left unfilled: {vi}"));
                }
                if e.message(Lang::Vi) != vi {
                    gaps.push(format!(
                        "{id}: message(Lang::Vi) is not the catalogue's text"
                    ));
                }
                if let Some(word) = english_in_prose(&vi) {
                    gaps.push(format!(
                        "{id}: the Vietnamese message has the English word «{word}» outside \
                         quotes (a reader's English reason put into it?): {vi}"
                    ));
                }
                if let Some(iso) = iso_in_prose(&vi) {
                    gaps.push(format!(
                        "{id}: the Vietnamese message writes {iso} the ISO way outside quotes \
                         (write it with date_vi, datetime_vi or as a month 01/2025): {vi}"
                    ));
                }
            }
        }
    }
    for line in source.lines() {
        let Some((id, _)) = line.split_once('=') else {
            continue;
        };
        let id = id.trim();
        let is_id = line.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if is_id && !seen.contains(id) {
            gaps.push(format!("{id}: no error of the test exercises this entry"));
        }
    }
    gaps.sort();
    gaps.dedup();
    gaps
}

static CORE: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(|| {
    Catalogue::new(
        &[include_str!("../locales/vi.ftl")],
        &[include_str!("../locales/en.ftl")],
    )
});

/// egov-core's catalogue: the Vietnamese messages of its errors.
pub fn catalogue() -> &'static Catalogue {
    &CORE
}

impl Localize for UnknownLang {
    fn catalogue(&self) -> &'static Catalogue {
        catalogue()
    }
    fn message_args(&self) -> Args {
        args!(lang = &self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_06_parser_positions_in_vietnamese() {
        assert_eq!(
            position_vi("expected value at line 3 column 7").as_deref(),
            Some("dòng 3, cột 7")
        );
        assert_eq!(
            position_vi("TOML parse error at line 2, column 5\n  |\n").as_deref(),
            Some("dòng 2, cột 5")
        );
        assert_eq!(position_vi("trailing line 4").as_deref(), Some("dòng 4"));
        assert_eq!(position_vi("EOF while parsing"), None);
    }

    /// A library error raised inside a `Deserialize` impl reaches the parser's reason as English
    /// text only; [`carry`] keeps its Vietnamese, said after the place (CORE-06). Another
    /// reason does not pick up a carried message that it does not contain.
    #[test]
    fn core_06_library_errors_inside_deserialize_in_vietnamese() {
        type Times = std::collections::BTreeMap<String, crate::VnDateTime>;
        let e = serde_json::from_str::<Times>("{\"at\": \"2026-03-02 25:00\"}").unwrap_err();
        let said = format_error_vi("JSON", &e.to_string());
        assert!(
            said.starts_with("không đúng định dạng JSON ở dòng 1, cột 26: «2026-03-02 25:00»"),
            "{said}"
        );
        assert!(
            !said.contains("timestamp") && !said.contains("expected"),
            "{said}"
        );
        // A reason of another error on this thread is not given the carried message.
        assert_eq!(
            format_error_vi("JSON", "trailing characters at line 1 column 4"),
            "không đúng định dạng JSON ở dòng 1, cột 4"
        );
        // Without a carried message, the custom text is left out (English), the place kept.
        CARRIED.with(|c| *c.borrow_mut() = None);
        assert_eq!(
            format_error_vi("JSON", &e.to_string()),
            "không đúng định dạng JSON ở dòng 1, cột 26"
        );
    }

    /// serde's reasons are said in Vietnamese after the place, names quoted as written, and no
    /// English word of the parser's is left (CORE-06); any other reason gives the place only.
    #[test]
    fn core_06_serde_reasons_in_vietnamese() {
        let cases = [
            (
                "unknown field `label`, expected `keys` at line 2 column 9",
                "không đúng định dạng JSON ở dòng 2, cột 9: có trường «label» mà định dạng này không có (các trường: «keys»)",
            ),
            (
                "unknown field `x`, expected one of `name`, `weekly_rest_days`, `days_off` at line 1 column 5",
                "không đúng định dạng JSON ở dòng 1, cột 5: có trường «x» mà định dạng này không có (các trường: «name», «weekly_rest_days», «days_off»)",
            ),
            (
                "missing field `keys` at line 1 column 2",
                "không đúng định dạng JSON ở dòng 1, cột 2: thiếu trường «keys»",
            ),
            (
                "duplicate field `name` at line 3 column 7",
                "không đúng định dạng JSON ở dòng 3, cột 7: trường «name» ghi hai lần",
            ),
            (
                "unknown variant `Sunday`, expected one of `Mon`, `Tue` at line 1 column 30",
                "không đúng định dạng JSON ở dòng 1, cột 30: giá trị «Sunday» không thuộc các giá trị được nhận («Mon», «Tue»)",
            ),
            (
                "invalid type: string \"5\", expected u32 at line 1 column 12",
                "không đúng định dạng JSON ở dòng 1, cột 12: sai kiểu giá trị: có chuỗi, cần số nguyên",
            ),
            (
                "invalid type: map, expected a sequence at line 4 column 1",
                "không đúng định dạng JSON ở dòng 4, cột 1: sai kiểu giá trị: có đối tượng, cần danh sách",
            ),
            (
                "invalid type: integer `5`, expected struct TrustSet",
                "không đúng định dạng JSON: sai kiểu giá trị: có số nguyên, cần đối tượng",
            ),
            (
                "invalid length 3, expected a tuple of size 2 at line 1 column 9",
                "không đúng định dạng JSON ở dòng 1, cột 9: sai số phần tử",
            ),
            (
                "invalid value: string \"31/02/2026\", expected a date: 2026-03-02, 02/03/2026 or 2026/03/02 at line 2 column 9",
                "không đúng định dạng JSON ở dòng 2, cột 9: giá trị «31/02/2026» không hợp lệ: cần một ngày, viết «2026-03-02», «02/03/2026» hoặc «2026/03/02»",
            ),
            (
                "invalid value: integer `7`, expected a weekday number below 7",
                "không đúng định dạng JSON: giá trị không hợp lệ",
            ),
            (
                "expected value at line 1 column 1",
                "không đúng định dạng JSON ở dòng 1, cột 1",
            ),
            ("EOF while parsing an object", "không đúng định dạng JSON"),
        ];
        for (reason, vi) in cases {
            let said = format_error_vi("JSON", reason);
            assert_eq!(said, vi, "{reason}");
            assert_eq!(english_in_prose(&said), None, "{said}");
        }
        // After a caller's context, and in brackets after another message.
        assert_eq!(
            serde_reason_vi("monthly counts: missing field `active_users`").as_deref(),
            Some("thiếu trường «active_users»")
        );
        assert_eq!(serde_reason_vi("no missing fields here"), None);
        assert_eq!(
            detail_vi(
                "invalid calendar table: missing field `weekly_rest_days` at line 1 column 13"
            ),
            " (dòng 1, cột 13: thiếu trường «weekly_rest_days»)"
        );
        assert_eq!(detail_vi("EOF while parsing"), "");
        // TOML (the toml crate) puts serde's reason on a line of its own after the excerpt.
        let toml = "TOML parse error at line 2, column 1\n  |\n2 | colour = 1\n  | ^^^^^^\nunknown field `colour`, expected `name` or `lang`\n";
        assert_eq!(
            format_error_vi("TOML", toml),
            "không đúng định dạng TOML ở dòng 2, cột 1: có trường «colour» mà định dạng này không có (các trường: «name», «lang»)"
        );
    }

    #[test]
    fn core_06_decimals_round_half_away_from_zero_and_vietnamese_writes_a_comma() {
        assert_eq!(decimal(45705, 731, 2).as_deref(), Some("62.52"));
        assert_eq!(decimal(1, 8, 2).as_deref(), Some("0.13"));
        assert_eq!(decimal(-1, 8, 2).as_deref(), Some("-0.13"));
        assert_eq!(decimal(-2, 3, 2).as_deref(), Some("-0.67"));
        assert_eq!(decimal(-1, 1000, 2).as_deref(), Some("0.00"));
        assert_eq!(decimal(5, 2, 0).as_deref(), Some("3"));
        assert_eq!(decimal(-5, 2, 0).as_deref(), Some("-3"));
        assert_eq!(decimal(120_000_001, 12, 2).as_deref(), Some("10000000.08"));
        assert_eq!(decimal(1, 0, 2), None);
        assert_eq!(
            decimal(i128::MAX, 3, 2),
            None,
            "overflow is refused, not wrapped"
        );
        assert_eq!(
            decimal(i128::MIN, 1, 0).as_deref(),
            Some("-170141183460469231731687303715884105728")
        );
        assert_eq!(decimal(1, u128::MAX, 2).as_deref(), Some("0.00"));
        assert_eq!(trim_decimal_zeros("0.50"), "0.5");
        assert_eq!(trim_decimal_zeros("3.00"), "3");
        assert_eq!(trim_decimal_zeros("100"), "100");
        assert_eq!(Lang::Vi.number("62.52"), "62,52");
        assert_eq!(Lang::En.number("62.52"), "62.52");
        assert_eq!(Lang::Vi.number("3200000"), "3 200 000");
        assert_eq!(Lang::En.number("-7030000.5"), "-7 030 000.5");
        assert_eq!(Lang::Vi.number("-7030000.5"), "-7 030 000,5");
        assert_eq!(Lang::Vi.number("2025"), "2025");
        assert_eq!(Lang::Vi.number("10230"), "10 230");
        assert_eq!(Lang::Vi.number("NaN"), "NaN");
    }

    proptest::proptest! {
        /// Against the definition, in integers: the result r (in units of 10^-places) is the
        /// nearest to num/den, ties away from zero: |num·10^p − r·den| ≤ den/2, with equality
        /// only when |r| rounds away from zero.
        #[test]
        fn core_06_decimal_is_the_nearest_with_ties_away_from_zero(
            num in -1_000_000_000i128..1_000_000_000,
            den in 1u128..1_000_000,
            places in 0u32..7,
        ) {
            let text = decimal(num, den, places).unwrap();
            let digits: String = text.chars().filter(|c| *c != '.').collect();
            let r: i128 = digits.parse().unwrap();
            let scale = 10i128.pow(places);
            let den = den as i128;
            let error = num * scale - r * den; // den · (exact − shown), in units of 10^-places
            proptest::prop_assert!(2 * error.abs() <= den, "{num}/{den} → {text}");
            if 2 * error.abs() == den {
                proptest::prop_assert!(r.abs() * den > (num * scale).abs(), "tie not away from zero: {text}");
            }
            proptest::prop_assert_eq!(text.split('.').nth(1).map_or(0, str::len), places as usize);
        }
    }

    #[test]
    fn core_06_dates_in_vietnamese_prose_are_day_first() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(date_vi(d), "05/01/2026");
        let t = crate::VnDateTime::parse("2026-03-02T02:15:00Z").unwrap();
        assert_eq!(datetime_vi(t), "09:15 ngày 02/03/2026");
        let end = crate::VnDateTime::parse("2026-02-13T23:59:59+07:00").unwrap();
        assert_eq!(datetime_vi(end), "23:59:59 ngày 13/02/2026");
        // ISO text carried by errors and evidence: UTC read in Vietnam time, dates day first,
        // anything else untouched.
        assert_eq!(iso_vi("2021-01-01T00:00:00Z"), "07:00 ngày 01/01/2021");
        assert_eq!(iso_vi("2026-03-02"), "02/03/2026");
        assert_eq!(iso_vi("không rõ"), "không rõ");
        assert_eq!(iso_vi("2026-02-30"), "2026-02-30");
    }

    #[test]
    fn core_06_quoted_values_keep_their_text_and_escape_control_characters() {
        assert_eq!(quote_vi("vxp.saas.03"), "«vxp.saas.03»");
        assert_eq!(quote_vi("Số: 12/QĐ-UBND"), "«Số: 12/QĐ-UBND»");
        assert_eq!(quote_vi("a\nb\u{1b}[31m"), "«a\\nb\\u{1b}[31m»");
        assert_eq!(quote_vi(""), "«»");
    }

    #[test]
    fn core_06_counts_are_grouped_from_five_digits() {
        assert_eq!(Lang::Vi.count(4801), "4801");
        assert_eq!(Lang::Vi.count(11_229_usize), "11 229");
        assert_eq!(Lang::En.count(u64::MAX), "18 446 744 073 709 551 615");
    }

    #[test]
    fn core_06_lengths_of_time_in_hours_and_minutes() {
        assert_eq!(Lang::Vi.minutes(1), "1 phút");
        assert_eq!(Lang::Vi.minutes(59), "59 phút");
        assert_eq!(Lang::Vi.minutes(60), "1 giờ");
        assert_eq!(Lang::Vi.minutes(1260), "21 giờ");
        assert_eq!(Lang::Vi.minutes(65), "1 giờ 5 phút");
        assert_eq!(Lang::En.minutes(65), "1 h 5 min");
        assert_eq!(Lang::Vi.minutes(600_000 * 60), "600 000 giờ");
        assert_eq!(
            Lang::En.minutes(i64::MIN),
            "153 722 867 280 912 930 h 8 min"
        );
        assert_eq!(Lang::Vi.minutes(-30), "30 phút");
    }

    #[test]
    fn core_06_io_errors_in_vietnamese_without_the_os_english() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            io_reason_vi(&Error::from(ErrorKind::NotFound)),
            "không có tệp hoặc thư mục này"
        );
        assert_eq!(
            io_reason_vi(&Error::from_raw_os_error(5)),
            "lỗi vào/ra của hệ điều hành (mã 5)"
        );
        assert_eq!(io_reason_vi(&Error::other("boom")), "lỗi vào/ra");
    }

    #[test]
    fn core_06_lang_from_tags_and_locales() {
        assert_eq!(Lang::from_tag("vi_VN.UTF-8"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("fr_FR"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Lang::from_locale_env(env(&[("LANG", "en_US.UTF-8")])),
            Some(Lang::En)
        );
        // LC_ALL wins over LANG; an empty variable is skipped.
        assert_eq!(
            Lang::from_locale_env(env(&[("LC_ALL", "vi_VN"), ("LANG", "en_US")])),
            Some(Lang::Vi)
        );
        assert_eq!(
            Lang::from_locale_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "en")])),
            Some(Lang::En)
        );
        // C names no language: the caller's default (Vietnamese) applies.
        assert_eq!(Lang::from_locale_env(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn core_06_catalogue_fills_values_and_falls_back() {
        let c = Catalogue::new(
            &["hello = Xin chào { $name }, { $n } lần\n"],
            &[
                "hello = Hello { $name }, { $n } times\n",
                "only-en = English only\n",
            ],
        );
        assert!(c.defects().is_empty());
        let a = args!(name = "Lan", n = 1_000_000u32);
        assert_eq!(
            c.get(Lang::Vi, "hello", &a).as_deref(),
            Some("Xin chào Lan, 1000000 lần")
        );
        assert_eq!(c.text(Lang::En, "hello", &a), "Hello Lan, 1000000 times");
        // A missing value is not filled in silently.
        assert_eq!(c.get(Lang::Vi, "hello", &args!(name = "Lan")), None);
        // Missing in Vietnamese: English; missing in both: the id.
        assert_eq!(c.text(Lang::Vi, "only-en", &Args::new()), "English only");
        assert_eq!(c.text(Lang::Vi, "nowhere", &Args::new()), "nowhere");
    }

    #[test]
    fn core_06_catalogue_reports_defects() {
        let c = Catalogue::new(&["ok = được\nbroken = { $\n"], &["ok = fine\n"]);
        assert!(!c.defects().is_empty());
        assert!(c.has(Lang::Vi, "ok"));
        let twice = Catalogue::new(&["a = một\n", "a = hai\n"], &[]);
        assert_eq!(twice.defects().len(), 1);
        assert_eq!(twice.text(Lang::Vi, "a", &Args::new()), "một");
    }

    #[test]
    fn core_06_core_catalogue_is_whole() {
        assert!(
            catalogue().defects().is_empty(),
            "{:?}",
            catalogue().defects()
        );
        let e = UnknownLang("de".into());
        assert_eq!(
            e.message(Lang::Vi),
            "không có ngôn ngữ «de»: dùng vi (tiếng Việt) hoặc en (English)"
        );
        assert!(e.message(Lang::En).starts_with("language \"de\""));
    }

    #[test]
    fn core_06_english_reasons_outside_quotes_are_found() {
        assert_eq!(
            english_in_prose("không phải danh sách: expected value at line 1").as_deref(),
            Some("expected")
        );
        assert_eq!(
            english_in_prose("không ghi được: Permission denied").as_deref(),
            Some("Permission")
        );
        // Quoted words are someone else's, as given; identifiers are not words.
        assert_eq!(
            english_in_prose("thuộc tính «the value» của <Signature>"),
            None
        );
        assert_eq!(
            english_in_prose("cột 'is_valid' không có; lỗi: không đọc được"),
            None
        );
        assert_eq!(english_in_prose("the_value, missing_field"), None);
    }

    #[test]
    fn core_06_iso_dates_and_months_outside_quotes_are_found() {
        assert_eq!(
            iso_in_prose("thiếu 2025-01, 2025-02").as_deref(),
            Some("2025-01")
        );
        assert_eq!(
            iso_in_prose("hết hạn 2026-03-02T09:00:00+07:00").as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(iso_in_prose("ngày 02/03/2026, tháng 01/2025"), None);
        assert_eq!(
            iso_in_prose("mốc thời gian '2025-01-31T08:00' thiếu múi giờ"),
            None
        );
        assert_eq!(iso_in_prose("«2025-01» không phải"), None);
        assert_eq!(iso_in_prose("mã 000.00.18.G12, năm 2018–2026"), None);
        assert_eq!(iso_in_prose("dạng YYYY-MM-DD"), None);
        assert_eq!(iso_in_prose("số 12025-01"), None);
    }

    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        use crate::calendar::CalendarError;
        use crate::channel::UnknownChannel;
        use crate::owner::UnknownOwnerClass;
        use crate::text::TextError;
        use crate::time::TimeError;
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 31).unwrap_or_default();
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(UnknownLang("de".into())),
            Box::new(TimeError::Empty),
            Box::new(TimeError::TooLong { len: 99 }),
            Box::new(TimeError::MissingOffset {
                input: "2025-01-31T08:00:00".into(),
            }),
            Box::new(TimeError::Invalid {
                input: "31/01/2025".into(),
                reason: "input contains invalid characters".into(),
            }),
            Box::new(TimeError::NotADateTime {
                input: "sáng mai".into(),
            }),
            Box::new(TimeError::NotADate {
                input: "thứ hai".into(),
            }),
            Box::new(TimeError::OutOfRange {
                what: "2025-02-30".into(),
            }),
            Box::new(CalendarError::NoWorkingDay { from: day }),
            Box::new(CalendarError::Overflow { from: day }),
            Box::new(CalendarError::InvalidTable {
                reason: "line 3: bad date".into(),
            }),
            Box::new(UnknownChannel("fax".into())),
            Box::new(UnknownOwnerClass("company".into())),
            Box::new(TextError::NoVietnamese),
            Box::new(TextError::BadTag("en_US!".into())),
            Box::new(TextError::VietnameseAsOther("vi".into())),
            Box::new(TextError::EmptyOther("en".into())),
        ];
        let errors = errors.into_iter().chain(
            crate::binding::tests::all()
                .into_iter()
                .map(|e| Box::new(e) as Box<dyn Localize>),
        );
        let errors: Vec<Box<dyn Localize>> = errors.collect();
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        assert!(gaps.is_empty(), "{gaps:#?}");
        assert_eq!(
            CalendarError::NoWorkingDay { from: day }.message_vi(),
            "không có ngày làm việc nào trong 366 ngày sau ngày 31/01/2025; \
             bảng lịch đánh dấu tất cả là ngày nghỉ"
        );
        // A gap is reported: an entry no error exercises, a message naming a missing value.
        assert!(!vietnamese_gaps("nothing-here = không\n", &refs).is_empty());
    }
}
