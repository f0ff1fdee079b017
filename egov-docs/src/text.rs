//! Vietnamese text helpers (DESIGN §2 "Vietnamese text is first class").
//!
//! Terms of the law are matched with and without diacritics and in NFC or NFD form (`hỏa`,
//! `hoả`, `hoa`, `HỎA` all name the same urgency). Output is always NFC.

use egov_core::TimeError;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The NFC form of `s` (the form egov stores and emits).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// `s` without diacritics, lowercased, with `đ`/`Đ` mapped to `d` and runs of white space
/// collapsed to one space: the key used to match legal terms typed with or without accents.
///
/// ```
/// use egov_docs::text::fold;
/// assert_eq!(fold("Hỏa  tốc"), "hoa toc");
/// assert_eq!(fold("HOẢ TỐC"), "hoa toc");
/// assert_eq!(fold("Đã đến"), "da den");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A [`TimeError`] in Vietnamese, CORE-01 (QĐ 28/2018/QĐ-TTg Đ14.4: times in ISO 8601 with
/// the UTC+07:00 offset). The English text is the error's `Display`.
///
/// ```
/// use egov_core::VnDateTime;
/// use egov_docs::text::time_error_vi;
/// let e = VnDateTime::parse("2018-09-20 14:05:00").unwrap_err();
/// assert!(time_error_vi(&e).contains("múi giờ"));
/// ```
pub fn time_error_vi(e: &TimeError) -> String {
    e.message_vi()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fold_matches_nfc_and_nfd_spellings() {
        let nfd: String = "thượng khẩn".nfd().collect();
        assert_eq!(fold(&nfd), "thuong khan");
        assert_eq!(fold(" Thượng   Khẩn "), "thuong khan");
        assert_eq!(nfc(&nfd), "thượng khẩn");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }
    }
}
