//! CORE-06 (Vietnamese first): checks that a run's human output speaks one language.
//!
//! * [`assert_vietnamese`]: no English word of [`ENGLISH_WORDS`] (words the tool's English
//!   messages use) left in Vietnamese output;
//! * [`assert_english`]: no Vietnamese letter (a letter with a Vietnamese diacritic, or đ) left
//!   in English output.
//!
//! Before looking, both remove what is not the tool's own words: quoted text «…» (the law's
//! words, names, what the user typed), citations of the law (`QĐ 28/2018/QĐ-TTg`, `Đ10.2.k`,
//! `NĐ 137/2024/NĐ-CP`, the drafts' names), identifiers and codes (anything with a digit, `_`,
//! `.`, `/`, `\`, `-`, `@`, `=`, `:` inside, a camelCase word, a `--flag`), file paths, and the
//! few proper names in [`KEPT_NAMES`].

/// Common English words of the tool's messages: none may appear in Vietnamese output.
/// (Whole words, case-insensitive. Words that are also Vietnamese syllables, `an`, `in`, `to`,
/// `do`, `no`, `on`, `a`, are left out; so are the machine codes printed beside Vietnamese
/// names, `accepted`, `completed`, `urgent` ….)
pub const ENGLISH_WORDS: &[&str] = &[
    "the",
    "is",
    "of",
    "and",
    "not",
    "with",
    "must",
    "working",
    "day",
    "days",
    "valid",
    "invalid",
    "error",
    "deadline",
    "signed",
    "number",
    "code",
    "level",
    "parent",
    "root",
    "urgency",
    "next",
    "calendar",
    "weekend",
    "weekends",
    "only",
    "were",
    "applied",
    "note",
    "cannot",
    "read",
    "write",
    "exists",
    "already",
    "file",
    "files",
    "line",
    "lines",
    "status",
    "event",
    "events",
    "notice",
    "basis",
    "rule",
    "type",
    "year",
    "date",
    "agency",
    "document",
    "issuer",
    "symbol",
    "drafting",
    "unit",
    "groups",
    "none",
    "allowed",
    "final",
    "transition",
    "legal",
    "value",
    "paper",
    "copy",
    "required",
    "issued",
    "yes",
    "sender",
    "receiver",
    "verdict",
    "sent",
    "latest",
    "immediate",
    "target",
    "targets",
    "registry",
    "records",
    "column",
    "columns",
    "rejected",
    "row",
    "warning",
    "pass",
    "fail",
    "unknown",
    "catalogue",
    "checklist",
    "items",
    "version",
    "applies",
    "overall",
    "evaluation",
    "prepared",
    "indicators",
    "failed",
    "users",
    "month",
    "months",
    "counted",
    "counting",
    "threads",
    "merged",
    "class",
    "population",
    "mean",
    "distance",
    "reached",
    "criteria",
    "meets",
    "meet",
    "contact",
    "contacts",
    "expired",
    "certification",
    "network",
    "trust",
    "such",
    "directory",
    "permission",
    "denied",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "holiday",
    "off",
    "make",
    "swapped",
    "compensatory",
    "lunar",
    "new",
    "national",
    "from",
    "for",
    "by",
    "are",
    "be",
    "this",
    "that",
    "or",
    "at",
    "has",
    "have",
    "which",
    "when",
    "than",
    "use",
    "give",
    "expected",
    "record",
    "metadata",
    "identifier",
    "sequence",
    "determination",
    "public",
    "whole",
    "table",
    "as",
];

/// Proper names kept in Vietnamese in English output (their official names), a short list of
/// the names the libraries cite as sources; holiday and agency names from data are printed
/// quoted «…» instead.
pub const KEPT_NAMES: &[&str] = &["Việt Nam", "Cục Thống kê", "Bộ Tài chính"];

/// Names of draft instruments as egov cites them (they contain spaces).
const CITED_NAMES: &[&str] = &[
    "Dự thảo NĐ ứng dụng CNTT (seed 000)",
    "Dự thảo 2 NĐ dịch vụ số (seed 003)",
    // The kind of an instrument and a part of it, as the libraries cite them:
    // «Nghị định 30/2020/NĐ-CP Phụ lục I».
    "Nghị định",
    "Phụ lục",
];

/// The Vietnamese letters (lower and upper case; NFC): letters with a Vietnamese diacritic, and đ.
pub const VIETNAMESE_LETTERS: &str =
    "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ\
ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ";

/// Citation words that stand alone (`QĐ 28/2018/QĐ-TTg`: the number part goes as an
/// identifier), and `đ`, the letter of a point of an article as the law numbers them
/// (a, b, c, d, đ, e: `đ)` heads the fifth criterion of NĐ 137/2024 Đ21).
const CITATION_WORDS: &[&str] = &[
    "QĐ", "NĐ", "TT", "BLLĐ", "QCVN", "Điều", "khoản", "điểm", "đ",
];

/// `text` without quoted text, citations, identifiers, paths and kept names.
pub fn strip(text: &str) -> String {
    let mut s = unquoted(text);
    for name in CITED_NAMES.iter().chain(KEPT_NAMES) {
        s = s.replace(name, " ");
    }
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        for token in line.split_whitespace() {
            let word = trim_punctuation(token);
            if word.is_empty() || is_identifier(word) || is_citation(word) {
                continue;
            }
            out.push_str(word);
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// `token` without the punctuation around it.
fn trim_punctuation(token: &str) -> &str {
    token.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | ','
                | ';'
                | ':'
                | '.'
                | '!'
                | '?'
                | '\''
                | '"'
                | '`'
                | '—'
                | '–'
                | '…'
                | '·'
                | '→'
                | '←'
                | '*'
                | '|'
        )
    })
}

/// The dates and times of `text` written the ISO way (`2026-03-02`, `2026-03-02T09:00:00+07:00`)
/// as whole words, outside quotes «…» and `identifiers`: Vietnamese prose writes
/// `02/03/2026` and `09:00 ngày 02/03/2026`.
pub fn iso_dates(text: &str) -> Vec<String> {
    unquoted(text)
        .split_whitespace()
        .map(trim_punctuation)
        .filter(|w| {
            let b = w.as_bytes();
            b.len() >= 10
                && b[..10].iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
                && (b.len() == 10 || b[10] == b'T')
        })
        .map(str::to_owned)
        .collect()
}

/// `text` without quoted text «…», `identifiers` and <edXML element names>.
fn unquoted(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    // «…» quotes (not nested), `…` identifiers (machine codes printed beside their names,
    // file keys) and <…> edXML element names, then the draft names.
    let mut depth = 0usize;
    let mut tick = false;
    let mut angle = false;
    for c in text.chars() {
        match c {
            '`' if depth == 0 => {
                tick = !tick;
                s.push(' ');
            }
            _ if tick => {}
            // <Element> names of edXML.
            '<' if depth == 0 && !tick => angle = true,
            '>' if angle => {
                angle = false;
                s.push(' ');
            }
            _ if angle => {}
            '«' => depth += 1,
            '»' if depth > 0 => depth -= 1,
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    s
}

fn is_citation(word: &str) -> bool {
    if CITATION_WORDS.contains(&word) {
        return true;
    }
    // Points of an article as a range or list: a)–đ), a,đ.
    if word.contains([')', '–', ','])
        && word
            .split([')', '–', ','])
            .all(|p| p.is_empty() || matches!(p, "a" | "b" | "c" | "d" | "đ" | "e" | "g" | "h"))
    {
        return true;
    }
    // Đ10, Đ10.2.k, Đ21.
    word.strip_prefix('Đ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn is_identifier(word: &str) -> bool {
    if word.starts_with("--") || word.starts_with('$') || word.starts_with('#') {
        return true;
    }
    if word.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '_' | '.' | '/' | '\\' | '-' | '@' | '=' | ':' | '`' | '§'
            )
    }) {
        return true;
    }
    // camelCase or mixed case inside a word (StatusCode, edXML), but not a capitalised word.
    let mut chars = word.chars();
    chars.next();
    let rest: Vec<char> = chars.collect();
    let upper_inside = rest.iter().any(|c| c.is_uppercase());
    let lower_anywhere = word.chars().any(|c| c.is_lowercase());
    upper_inside && lower_anywhere
}

/// The English words of [`ENGLISH_WORDS`] in `text` (after [`strip`]), lower-cased, in order.
pub fn english_words(text: &str) -> Vec<String> {
    strip(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .collect()
}

/// The words of `text` (after [`strip`]) that hold a Vietnamese letter, in order.
pub fn vietnamese_letters(text: &str) -> Vec<String> {
    strip(text)
        .split_whitespace()
        .filter(|w| w.chars().any(|c| VIETNAMESE_LETTERS.contains(c)))
        .map(str::to_owned)
        .collect()
}

/// Asserts that `text`, the output of `cmd` run with `--lang vi`, has no English word and no
/// date or time written the ISO way.
pub fn assert_vietnamese(cmd: &str, text: &str) {
    let found = english_words(text);
    assert!(
        found.is_empty(),
        "`{cmd}` --lang vi printed English words {found:?}:\n{text}"
    );
    let dates = iso_dates(text);
    assert!(
        dates.is_empty(),
        "`{cmd}` --lang vi printed dates or times the ISO way {dates:?}:\n{text}"
    );
    assert!(
        !text.trim().is_empty(),
        "`{cmd}` --lang vi printed nothing to check"
    );
}

/// Asserts that `text`, the output of `cmd` run with `--lang en`, has no Vietnamese letter
/// outside quotes, citations and the kept names.
pub fn assert_english(cmd: &str, text: &str) {
    let found = vietnamese_letters(text);
    assert!(
        found.is_empty(),
        "`{cmd}` --lang en printed Vietnamese {found:?}:\n{text}"
    );
    assert!(
        !text.trim().is_empty(),
        "`{cmd}` --lang en printed nothing to check"
    );
}
