//! CORE-06 (Vietnamese first): is a text in one language only?
//!
//! * [`assert_vietnamese`]: no common English word (a stop-list, matched as whole words).
//! * [`assert_english`]: no Vietnamese letter (a letter with a Vietnamese diacritic, or đ/Đ).
//!
//! Before either check, what is not the tool's own words is taken out: text quoted «…», "…",
//! `…`; citations of the law (`NĐ 137/2024/NĐ-CP Đ4.1.a`, `QĐ 28/2018/QĐ-TTg Đ9.1`, `Điều 9`);
//! paths and URLs; identifiers (codes with `.`, `_`, `-` or digits, CamelCase element names,
//! `--flags`).

/// Letters only Vietnamese uses (lower and upper case).
const VI_LETTERS: &str = "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ\
ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ";

/// Common English words that a Vietnamese message never needs.
const EN_WORDS: &[&str] = &[
    // Not "a", "an", "in", "no", "to": Vietnamese words too (an toàn, bản in, no, to).
    "the",
    "and",
    "of",
    "is",
    "are",
    "was",
    "not",
    "with",
    "from",
    "for",
    "at",
    "by",
    "or",
    "this",
    "that",
    "it",
    "its",
    "cannot",
    "can",
    "must",
    "give",
    "found",
    "file",
    "files",
    "page",
    "pages",
    "key",
    "keys",
    "signature",
    "signatures",
    "signed",
    "sign",
    "signer",
    "verified",
    "valid",
    "invalid",
    "error",
    "read",
    "write",
    "wrote",
    "written",
    "exists",
    "already",
    "none",
    "empty",
    "result",
    "status",
    "state",
    "list",
    "lists",
    "issued",
    "issuer",
    "mark",
    "marks",
    "document",
    "package",
    "attachment",
    "attachments",
    "bytes",
    "characters",
    "pass",
    "fail",
    "warning",
    "unknown",
    "accepted",
    "stale",
    "revoked",
    "retired",
    "active",
    "until",
    "found",
    "failed",
    "step",
    "kind",
    "size",
    "line",
    "column",
    "whole",
    "damaged",
    "content",
    "printed",
    "stamped",
    "corner",
    "left",
    "right",
    "top",
    "bottom",
    "edges",
    "mode",
    "copy",
    "scan",
    "scans",
    "image",
    "images",
    "output",
    "input",
    "directory",
    "permission",
    "denied",
    "such",
    "which",
    "when",
    "only",
    "needs",
    "use",
    "replace",
    "new",
    "added",
    "dropped",
    "again",
    "checked",
    "trusted",
    "holder",
    "certificate",
    "time",
    "days",
];

/// Text with what is not the tool's own words taken out (see the module's documentation).
fn own_words(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    // Quoted text.
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '«' => close = Some('»'),
                '"' => close = Some('"'),
                '`' => close = Some('`'),
                _ => s.push(c),
            },
        }
    }
    let mut out = String::with_capacity(s.len());
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let bare = tok.trim_matches(|c: char| !c.is_alphanumeric());
        // A citation: `NĐ 137/2024…`, `QĐ 28/2018…`, `TT …`, `Điều 9`, `Đ5.1.b`, `Luật …`.
        if matches!(
            bare,
            "NĐ" | "QĐ" | "TT" | "Điều" | "Luật" | "QCVN" | "Khoản"
        ) && tokens
            .get(i + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            i += 2;
            continue;
        }
        let t = tok.trim_end_matches([':', ',', ';', ')', '.']);
        // An appendix of a cited act: `Phụ lục I`.
        if bare == "Phụ" && tokens.get(i + 1).is_some_and(|n| n.starts_with("lục")) {
            i += 3;
            continue;
        }
        let ident = t.contains(['/', '\\', '.', '_', '[', ']', '=', ':'])
            || tok.starts_with("--")
            || bare.starts_with('Đ')
                && bare[('Đ'.len_utf8())..].starts_with(|c: char| c.is_ascii_digit())
            || bare.chars().any(|c| c.is_ascii_digit())
            || bare.chars().skip(1).any(|c| c.is_uppercase())
                && bare.chars().any(|c| c.is_lowercase())
            || tok.contains("://");
        if !ident {
            out.push_str(tok);
            out.push(' ');
        }
        i += 1;
    }
    out
}

/// Fails when `text` (the output of `cmd`) holds a common English word.
pub fn assert_vietnamese(cmd: &str, text: &str) {
    let own = own_words(text);
    let english: Vec<&str> = own
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| EN_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    assert!(
        english.is_empty(),
        "{cmd}: English words {english:?} in Vietnamese output:\n{text}"
    );
}

/// Fails when `text` (the output of `cmd`) holds a Vietnamese letter outside quotes,
/// citations and identifiers.
pub fn assert_english(cmd: &str, text: &str) {
    let own = own_words(text);
    let vietnamese: Vec<&str> = own
        .split_whitespace()
        .filter(|w| w.chars().any(|c| VI_LETTERS.contains(c)))
        .collect();
    assert!(
        vietnamese.is_empty(),
        "{cmd}: Vietnamese words {vietnamese:?} in English output:\n{text}"
    );
}
