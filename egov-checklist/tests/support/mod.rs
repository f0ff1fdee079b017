//! Helpers shared by egov-checklist's integration tests (`mod support;`).

#![allow(dead_code)]

use unicode_normalization::UnicodeNormalization;

/// The seed text as comparable words: NFC, bookmarks removed, whitespace collapsed.
pub fn normalise(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find(']').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    out.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
