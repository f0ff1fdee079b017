//! Published text with a mandatory Vietnamese version (rule CORE-06; NĐ 137/2024 Đ19.1.a,
//! Đ19.2.a, Đ20.1.a: «phải được thể hiện bằng tiếng Việt và có thể thêm ngôn ngữ khác»; Đ20.2.a:
//! «được thể hiện bằng tiếng Việt và có thể thêm ngôn ngữ khác»).
//!
//! ```
//! use egov_core::text::LocalizedText;
//! let t = LocalizedText::new("Quy tắc ứng xử").unwrap().with("en", "Code of conduct").unwrap();
//! assert_eq!(t.get("en"), Some("Code of conduct"));
//! assert!(LocalizedText::new("  ").is_err());
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The longest language tag accepted (BCP 47 allows long tags; 35 covers every registered form).
const MAX_TAG: usize = 35;

/// Why a [`LocalizedText`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The Vietnamese text is empty or only white space (CORE-06).
    #[error(
        "the Vietnamese text is empty: published text must be in Vietnamese (NĐ 137/2024 Đ19.1.a)"
    )]
    NoVietnamese,
    /// A language tag is not of the BCP 47 shape (letters, digits and hyphens, a 2–8 letter
    /// primary subtag).
    #[error("language tag {0:?} is not a BCP 47 tag such as \"en\" or \"zh-Hans\"")]
    BadTag(String),
    /// Vietnamese given again among the other languages.
    #[error("Vietnamese belongs in the `vi` field, not among the other languages ({0:?})")]
    VietnameseAsOther(String),
    /// The text for another language is empty.
    #[error("the {0:?} text is empty")]
    EmptyOther(String),
}

impl crate::ErrorCode for TextError {
    fn code(&self) -> &'static str {
        match self {
            TextError::NoVietnamese => "text.no_vietnamese",
            TextError::BadTag(_) => "text.bad_language_tag",
            TextError::VietnameseAsOther(_) => "text.vietnamese_as_other",
            TextError::EmptyOther(_) => "text.empty_translation",
        }
    }
}

impl crate::i18n::Localize for TextError {
    fn catalogue(&self) -> &'static crate::i18n::Catalogue {
        crate::i18n::catalogue()
    }
    fn message_args(&self) -> crate::i18n::Args {
        match self {
            TextError::NoVietnamese => crate::args!(),
            TextError::BadTag(tag)
            | TextError::VietnameseAsOther(tag)
            | TextError::EmptyOther(tag) => crate::args!(tag = tag),
        }
    }
}

/// Text published in Vietnamese, with optional versions in other languages (CORE-06). The
/// Vietnamese version cannot be empty, on construction and when read with serde. JSON:
/// `{"vi": "…", "other": {"en": "…"}}` (`other` optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RawText", into = "RawText")]
pub struct LocalizedText {
    vi: String,
    other: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawText {
    vi: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    other: BTreeMap<String, String>,
}

impl TryFrom<RawText> for LocalizedText {
    type Error = TextError;

    fn try_from(raw: RawText) -> Result<Self, TextError> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        (|| {
            let mut t = LocalizedText::new(&raw.vi)?;
            for (tag, text) in raw.other {
                t = t.with(&tag, &text)?;
            }
            Ok(t)
        })()
        .inspect_err(|e| {
            crate::i18n::carry(e);
        })
    }
}

impl From<LocalizedText> for RawText {
    fn from(t: LocalizedText) -> Self {
        RawText {
            vi: t.vi,
            other: t.other,
        }
    }
}

fn valid_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > MAX_TAG {
        return false;
    }
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl LocalizedText {
    /// CORE-06: text whose Vietnamese version is `vi` (trimmed; empty is refused).
    pub fn new(vi: &str) -> Result<Self, TextError> {
        let vi = vi.trim();
        if vi.is_empty() {
            return Err(TextError::NoVietnamese);
        }
        Ok(LocalizedText {
            vi: vi.to_owned(),
            other: BTreeMap::new(),
        })
    }

    /// Adds (or replaces) the version in language `tag` (BCP 47, stored in lower case).
    pub fn with(mut self, tag: &str, text: &str) -> Result<Self, TextError> {
        let tag = tag.trim();
        if !valid_tag(tag) {
            return Err(TextError::BadTag(tag.to_owned()));
        }
        let tag = tag.to_ascii_lowercase();
        if tag == "vi" || tag.starts_with("vi-") {
            return Err(TextError::VietnameseAsOther(tag));
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(TextError::EmptyOther(tag));
        }
        self.other.insert(tag, text.to_owned());
        Ok(self)
    }

    /// The Vietnamese version.
    pub fn vi(&self) -> &str {
        &self.vi
    }

    /// The version in `tag` (`vi` gives the Vietnamese one), if any.
    pub fn get(&self, tag: &str) -> Option<&str> {
        let tag = tag.to_ascii_lowercase();
        if tag == "vi" {
            return Some(&self.vi);
        }
        self.other.get(&tag).map(String::as_str)
    }

    /// The other languages, by tag.
    pub fn others(&self) -> &BTreeMap<String, String> {
        &self.other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn core_06_vietnamese_is_mandatory_other_languages_optional() {
        let seed = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");
        assert!(seed.contains("phải được thể hiện bằng tiếng Việt và có thể thêm ngôn ngữ khác"));
        assert_eq!(
            LocalizedText::new(" \n").unwrap_err().code(),
            "text.no_vietnamese"
        );
        let t = LocalizedText::new(" Cơ chế tiếp nhận vướng mắc ").unwrap();
        assert_eq!(t.vi(), "Cơ chế tiếp nhận vướng mắc");
        assert!(t.others().is_empty());
        let t = t.with("EN", "Issue mechanism").unwrap();
        assert_eq!(t.get("en"), Some("Issue mechanism"));
        assert_eq!(t.get("vi"), Some("Cơ chế tiếp nhận vướng mắc"));
        assert_eq!(
            t.clone().with("vi-VN", "x").unwrap_err().code(),
            "text.vietnamese_as_other"
        );
        assert_eq!(
            t.clone().with("en_GB", "x").unwrap_err(),
            TextError::BadTag("en_GB".into())
        );
        assert_eq!(
            t.clone().with("e", "x").unwrap_err().code(),
            "text.bad_language_tag"
        );
        assert_eq!(
            t.with("fr", " ").unwrap_err().code(),
            "text.empty_translation"
        );
    }

    #[test]
    fn core_06_serde_refuses_an_empty_vietnamese_version() {
        let ok: LocalizedText =
            serde_json::from_str(r#"{"vi":"Quy tắc ứng xử","other":{"en":"Code of conduct"}}"#)
                .unwrap();
        assert_eq!(ok.get("en"), Some("Code of conduct"));
        let back = serde_json::to_string(&ok).unwrap();
        assert_eq!(serde_json::from_str::<LocalizedText>(&back).unwrap(), ok);
        assert!(serde_json::from_str::<LocalizedText>(r#"{"vi":""}"#).is_err());
        assert!(serde_json::from_str::<LocalizedText>(r#"{"other":{"en":"x"}}"#).is_err());
        assert!(serde_json::from_str::<LocalizedText>(r#"{"vi":"a","en":"b"}"#).is_err());
    }
}
