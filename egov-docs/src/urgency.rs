//! Urgency of an e-document: «Mức độ khẩn (khẩn/thượng khẩn/hỏa tốc)» (rule DOC-12,
//! QĐ 28/2018/QĐ-TTg Đ10.2.k; choices A-04).
//!
//! The decision names three levels and no "not urgent" level, so egov models urgency as
//! `Option<Urgency>`: `None` is an ordinary document («thường»). The order of the levels is not
//! stated in the decision; egov uses Khẩn < Thượng khẩn < Hỏa tốc (Nghị định 30/2020/NĐ-CP,
//! outside knowledge, high confidence).
//!
//! # Accepted spellings
//!
//! Parsing ignores case, NFC/NFD form, diacritics, surrounding white space, and treats `_` and
//! `-` as spaces, so `Hỏa tốc`, `hoả tốc`, `HOA TOC`, `hoa_toc` and `hoatoc` all name the same level.
//!
//! | level | Vietnamese | English aliases | edXML `Priority` |
//! |---|---|---|---|
//! | [`Urgency::Khan`] | `khẩn` | `urgent` | `1` |
//! | [`Urgency::ThuongKhan`] | `thượng khẩn` | `very urgent`, `top urgent` | `2` |
//! | [`Urgency::HoaToc`] | `hỏa tốc` / `hoả tốc` | `flash`, `express` | `3` (and `4`, see below) |
//! | not urgent (`None`) | `thường`, `bình thường`, `không khẩn` | `normal`, `not urgent`, `none` | `0` |
//!
//! English aliases are an egov choice (the law has no English names): `flash` follows the
//! message-precedence tradition where flash is the highest level; `express` is the literal sense
//! of «hỏa tốc».
//!
//! edXML `Priority` codes (QCVN 102:2016 packages, `edXML:OtherInfo/edXML:Priority`): the
//! fixtures in `testdata/edxml` carry `0` and `1`. The full table `0` thường, `1` khẩn,
//! `2` thượng khẩn, `3` hỏa tốc, `4` hỏa tốc hẹn giờ is OUTSIDE KNOWLEDGE (medium confidence).
//! «Hỏa tốc hẹn giờ» (flash with an appointed time) is not a level of the decision; code `4`
//! reads as [`Urgency::HoaToc`] (lossy: the appointed time is not kept) and is never emitted.

use std::fmt;
use std::str::FromStr;

use egov_core::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::text::{fold, nfc};

/// Longest input the parsers look at, in bytes.
pub const MAX_INPUT_LEN: usize = 64;

/// One of the three urgency levels of QĐ 28/2018/QĐ-TTg Đ10.2.k (DOC-12). Ordered
/// Khẩn < Thượng khẩn < Hỏa tốc (A-04).
///
/// ```
/// use egov_docs::urgency::Urgency;
/// let u: Urgency = "HOẢ TỐC".parse().unwrap();
/// assert_eq!(u, Urgency::HoaToc);
/// assert_eq!(u.to_string(), "Hỏa tốc");
/// assert!(Urgency::Khan < Urgency::ThuongKhan && Urgency::ThuongKhan < u);
/// assert_eq!(Urgency::parse_optional("bình thường").unwrap(), None);
/// assert_eq!(serde_json::to_string(&Urgency::ThuongKhan).unwrap(), "\"thuong_khan\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// «Khẩn»: urgent.
    Khan,
    /// «Thượng khẩn»: very urgent.
    ThuongKhan,
    /// «Hỏa tốc»: flash, the highest level.
    HoaToc,
}

/// Why an urgency could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrgencyError {
    /// The input was empty or only white space.
    #[error("empty urgency; expected khẩn, thượng khẩn or hỏa tốc")]
    Empty,
    /// The input is longer than any accepted spelling.
    #[error("urgency is {len} bytes long; at most {MAX_INPUT_LEN} are accepted")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
    },
    /// The input names "not urgent" («thường»), which is not one of the three levels. Use
    /// [`Urgency::parse_optional`] where "not urgent" is allowed.
    #[error(
        "'{input}' means not urgent, which is no urgency level (use parse_optional to accept it)"
    )]
    NotUrgent {
        /// The input, trimmed.
        input: String,
    },
    /// The input is not a known spelling of an urgency level.
    #[error("'{input}' is not an urgency level; expected khẩn, thượng khẩn, hỏa tốc (or urgent, very urgent, flash, or an edXML Priority code 0-4)")]
    Unknown {
        /// The input, trimmed.
        input: String,
    },
}

impl UrgencyError {
    /// The error in Vietnamese (the English text is `Display`): DOC-12, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.k.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for UrgencyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            UrgencyError::Empty => egov_core::args!(),
            UrgencyError::TooLong { len } => egov_core::args!(len = len, max = MAX_INPUT_LEN),
            UrgencyError::NotUrgent { input } | UrgencyError::Unknown { input } => {
                egov_core::args!(input = input)
            }
        }
    }
}

impl ErrorCode for UrgencyError {
    fn code(&self) -> &'static str {
        match self {
            UrgencyError::Empty => "urgency.empty",
            UrgencyError::TooLong { .. } => "urgency.too_long",
            UrgencyError::NotUrgent { .. } => "urgency.not_urgent",
            UrgencyError::Unknown { .. } => "urgency.unknown",
        }
    }
}

/// What a spelling names: a level, or explicitly "not urgent".
enum Reading {
    Level(Urgency),
    NotUrgent,
}

impl Urgency {
    /// All levels, lowest first.
    pub const ALL: [Urgency; 3] = [Urgency::Khan, Urgency::ThuongKhan, Urgency::HoaToc];

    /// The Vietnamese name in NFC, as written in QĐ 28/2018/QĐ-TTg Đ10.2.k with a capital
    /// (`Khẩn`, `Thượng khẩn`, `Hỏa tốc`).
    pub fn name_vi(self) -> &'static str {
        match self {
            Urgency::Khan => "Khẩn",
            Urgency::ThuongKhan => "Thượng khẩn",
            Urgency::HoaToc => "Hỏa tốc",
        }
    }

    /// The English name egov uses (`urgent`, `very urgent`, `flash`; an egov choice).
    pub fn name_en(self) -> &'static str {
        match self {
            Urgency::Khan => "urgent",
            Urgency::ThuongKhan => "very urgent",
            Urgency::HoaToc => "flash",
        }
    }

    /// The snake_case code used by serde and the CLI (`khan`, `thuong_khan`, `hoa_toc`).
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Khan => "khan",
            Urgency::ThuongKhan => "thuong_khan",
            Urgency::HoaToc => "hoa_toc",
        }
    }

    /// The edXML `Priority` code (`1`, `2`, `3`; OUTSIDE KNOWLEDGE, see the module docs).
    pub fn edxml_priority(self) -> u8 {
        match self {
            Urgency::Khan => 1,
            Urgency::ThuongKhan => 2,
            Urgency::HoaToc => 3,
        }
    }

    /// Parses one of the three levels (DOC-12, QĐ 28/2018/QĐ-TTg Đ10.2.k) from any accepted
    /// spelling (see the module docs). A spelling of "not urgent" is
    /// [`UrgencyError::NotUrgent`].
    ///
    /// ```
    /// use egov_docs::urgency::Urgency;
    /// assert_eq!(Urgency::parse("Thượng khẩn").unwrap(), Urgency::ThuongKhan);
    /// assert_eq!(Urgency::parse("hoa_toc").unwrap(), Urgency::HoaToc);
    /// assert_eq!(Urgency::parse("urgent").unwrap(), Urgency::Khan);
    /// assert!(Urgency::parse("thường").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Urgency, UrgencyError> {
        match read(input)? {
            Reading::Level(u) => Ok(u),
            Reading::NotUrgent => Err(UrgencyError::NotUrgent {
                input: input.trim().to_owned(),
            }),
        }
    }

    /// Parses field k «Mức độ khẩn» where "not urgent" is allowed (DOC-12, A-04): a level gives
    /// `Some`, a spelling of "not urgent" (`thường`, `bình thường`, `normal`, `0`, …) or a blank
    /// input gives `None`. Anything else is an error.
    ///
    /// ```
    /// use egov_docs::urgency::Urgency;
    /// assert_eq!(Urgency::parse_optional("Khẩn").unwrap(), Some(Urgency::Khan));
    /// assert_eq!(Urgency::parse_optional("normal").unwrap(), None);
    /// assert_eq!(Urgency::parse_optional("  ").unwrap(), None);
    /// assert!(Urgency::parse_optional("gấp lắm").is_err());
    /// ```
    pub fn parse_optional(input: &str) -> Result<Option<Urgency>, UrgencyError> {
        match read(input) {
            Ok(Reading::Level(u)) => Ok(Some(u)),
            Ok(Reading::NotUrgent) | Err(UrgencyError::Empty) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Reads an edXML `Priority` code (`0` → `None`, `1`…`3` → a level, `4` «hỏa tốc hẹn giờ» →
    /// [`Urgency::HoaToc`]). OUTSIDE KNOWLEDGE (QCVN 102:2016 practice, medium confidence);
    /// DOC-12.
    ///
    /// ```
    /// use egov_docs::urgency::Urgency;
    /// assert_eq!(Urgency::from_edxml_priority("0").unwrap(), None);
    /// assert_eq!(Urgency::from_edxml_priority(" 1 ").unwrap(), Some(Urgency::Khan));
    /// assert!(Urgency::from_edxml_priority("9").is_err());
    /// ```
    pub fn from_edxml_priority(code: &str) -> Result<Option<Urgency>, UrgencyError> {
        let trimmed = precheck(code)?;
        match edxml_code(trimmed) {
            Some(reading) => Ok(match reading {
                Reading::Level(u) => Some(u),
                Reading::NotUrgent => None,
            }),
            None => Err(UrgencyError::Unknown {
                input: trimmed.to_owned(),
            }),
        }
    }
}

/// «Hỏa tốc hẹn giờ», folded.
const APPOINTED_TIME_KEY: &str = "hoa toc hen gio";

/// When `input` — an edXML `Priority` code or a name, as [`Urgency::parse_optional`] and
/// [`Urgency::from_edxml_priority`] read them — is «hỏa tốc hẹn giờ» (code `4`, flash with an
/// appointed time), which egov reads as [`Urgency::HoaToc`]: what that reading loses, in
/// English and Vietnamese (DOC-12: the decision names three levels and no appointed time; the
/// code is OUTSIDE KNOWLEDGE). `None` for any other input.
///
/// ```
/// use egov_docs::urgency::appointed_time_note;
/// assert!(appointed_time_note("4").is_some());
/// assert!(appointed_time_note("Hỏa tốc hẹn giờ").is_some());
/// assert!(appointed_time_note("hỏa tốc").is_none());
/// ```
pub fn appointed_time_note(input: &str) -> Option<(String, String)> {
    let trimmed = input.trim();
    if trimmed.len() > MAX_INPUT_LEN
        || (trimmed != "4" && fold(&trimmed.replace(['_', '-'], " ")) != APPOINTED_TIME_KEY)
    {
        return None;
    }
    Some((
        "«hỏa tốc hẹn giờ» (edXML Priority 4, flash with an appointed time) is not a level of QĐ 28/2018/QĐ-TTg Đ10.2.k: read as Hỏa tốc, the appointed time is not kept".to_owned(),
        "«hỏa tốc hẹn giờ» (mã Priority 4 của edXML) không phải một mức độ khẩn của điểm k khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg: được đọc là Hỏa tốc, giờ hẹn không được giữ lại".to_owned(),
    ))
}

/// The edXML `Priority` code of field k, `0` when not urgent (OUTSIDE KNOWLEDGE, DOC-12).
pub fn edxml_priority(urgency: Option<Urgency>) -> u8 {
    urgency.map_or(0, Urgency::edxml_priority)
}

fn precheck(input: &str) -> Result<&str, UrgencyError> {
    if input.len() > MAX_INPUT_LEN {
        return Err(UrgencyError::TooLong { len: input.len() });
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(UrgencyError::Empty);
    }
    Ok(trimmed)
}

fn edxml_code(s: &str) -> Option<Reading> {
    match s {
        "0" => Some(Reading::NotUrgent),
        "1" => Some(Reading::Level(Urgency::Khan)),
        "2" => Some(Reading::Level(Urgency::ThuongKhan)),
        "3" | "4" => Some(Reading::Level(Urgency::HoaToc)),
        _ => None,
    }
}

fn read(input: &str) -> Result<Reading, UrgencyError> {
    let trimmed = precheck(input)?;
    if let Some(reading) = edxml_code(trimmed) {
        return Ok(reading);
    }
    let key = fold(&trimmed.replace(['_', '-'], " "));
    let unknown = || UrgencyError::Unknown {
        input: trimmed.to_owned(),
    };
    let reading = match key.as_str() {
        "khan" | "urgent" => Reading::Level(Urgency::Khan),
        "thuong khan" | "thuongkhan" | "very urgent" | "top urgent" => {
            Reading::Level(Urgency::ThuongKhan)
        }
        "hoa toc" | "hoatoc" | "flash" | "express" => Reading::Level(Urgency::HoaToc),
        // The name of edXML's code 4: read as the code is ([`appointed_time_note`]).
        APPOINTED_TIME_KEY => Reading::Level(Urgency::HoaToc),
        // «thường» (ordinary) and «thượng» (upper) fold to the same key; only the first means
        // "not urgent", so a bare «thượng» is refused rather than read as "not urgent".
        "thuong" if nfc(trimmed).to_lowercase() == "thượng" => return Err(unknown()),
        "thuong" | "binh thuong" | "khong khan" | "normal" | "not urgent" | "none" => {
            Reading::NotUrgent
        }
        _ => return Err(unknown()),
    };
    Ok(reading)
}

impl fmt::Display for Urgency {
    /// The Vietnamese name in NFC ([`Urgency::name_vi`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

impl FromStr for Urgency {
    type Err = UrgencyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Urgency::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// DOC-12: edXML's code 4 and its name «hỏa tốc hẹn giờ» read as Hỏa tốc, and what that
    /// loses is said in both languages; no other input gets the note.
    #[test]
    fn doc_12_appointed_time_reads_as_hoa_toc_with_a_note() {
        for s in [
            "4",
            " 4 ",
            "Hỏa tốc hẹn giờ",
            "HOA TOC HEN GIO",
            "hoả_tốc_hẹn_giờ",
        ] {
            assert_eq!(Urgency::parse_optional(s), Ok(Some(Urgency::HoaToc)), "{s}");
            let (en, vi) = appointed_time_note(s).unwrap();
            assert!(en.contains("the appointed time is not kept"), "{en}");
            assert!(vi.contains("giờ hẹn không được giữ lại"), "{vi}");
        }
        assert_eq!(Urgency::from_edxml_priority("4"), Ok(Some(Urgency::HoaToc)));
        for s in ["3", "hỏa tốc", "hẹn giờ", "", "44"] {
            assert!(appointed_time_note(s).is_none(), "{s}");
        }
    }

    #[test]
    fn doc_12_accepts_hoa_and_hoa_with_either_tone_placement() {
        for s in [
            "Hỏa tốc",
            "hoả tốc",
            "HỎA TỐC",
            "HOẢ TỐC",
            "hoa toc",
            "Hoa_Toc",
            "hoa-toc",
            "hoatoc",
            "flash",
            "Express",
            "3",
        ] {
            assert_eq!(Urgency::parse(s), Ok(Urgency::HoaToc), "{s}");
        }
        let nfd: String = "Hoả tốc".nfd().collect();
        assert_eq!(Urgency::parse(&nfd), Ok(Urgency::HoaToc));
    }

    #[test]
    fn doc_12_three_levels_from_the_decision_text() {
        // «Mức độ khẩn (khẩn/thượng khẩn/hỏa tốc)», QĐ 28/2018/QĐ-TTg Đ10.2.k.
        let levels: Vec<Urgency> = "khẩn/thượng khẩn/hỏa tốc"
            .split('/')
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(levels, Urgency::ALL.to_vec());
        assert_eq!(Urgency::parse("very urgent"), Ok(Urgency::ThuongKhan));
        assert_eq!(Urgency::parse("Top-Urgent"), Ok(Urgency::ThuongKhan));
        assert_eq!(Urgency::parse("URGENT"), Ok(Urgency::Khan));
    }

    #[test]
    fn a_04_order_is_khan_thuong_khan_hoa_toc() {
        assert!(Urgency::Khan < Urgency::ThuongKhan);
        assert!(Urgency::ThuongKhan < Urgency::HoaToc);
        assert!(None < Some(Urgency::Khan));
    }

    #[test]
    fn a_04_not_urgent_is_none_only_in_parse_optional() {
        for s in [
            "thường",
            "Bình thường",
            "binh thuong",
            "normal",
            "not urgent",
            "0",
            "",
        ] {
            assert_eq!(Urgency::parse_optional(s), Ok(None), "{s}");
        }
        assert_eq!(
            Urgency::parse("thường").unwrap_err().code(),
            "urgency.not_urgent"
        );
        assert_eq!(Urgency::parse("  ").unwrap_err(), UrgencyError::Empty);
    }

    #[test]
    fn a_04_bare_thuong_with_the_upper_tone_is_not_thuong() {
        assert_eq!(
            Urgency::parse_optional("Thượng").unwrap_err().code(),
            "urgency.unknown"
        );
    }

    #[test]
    fn doc_12_rejects_unknown_and_oversized_input() {
        assert_eq!(Urgency::parse("gấp").unwrap_err().code(), "urgency.unknown");
        assert_eq!(Urgency::parse("5").unwrap_err().code(), "urgency.unknown");
        assert_eq!(
            Urgency::parse(&"k".repeat(65)).unwrap_err().code(),
            "urgency.too_long"
        );
    }

    #[test]
    fn doc_12_edxml_priority_codes() {
        assert_eq!(Urgency::from_edxml_priority("0"), Ok(None));
        assert_eq!(
            Urgency::from_edxml_priority("2"),
            Ok(Some(Urgency::ThuongKhan))
        );
        assert_eq!(Urgency::from_edxml_priority("4"), Ok(Some(Urgency::HoaToc)));
        assert!(Urgency::from_edxml_priority("khẩn").is_err());
        assert_eq!(Urgency::from_edxml_priority(""), Err(UrgencyError::Empty));
        for u in Urgency::ALL {
            let code = u.edxml_priority().to_string();
            assert_eq!(Urgency::from_edxml_priority(&code), Ok(Some(u)));
        }
        assert_eq!(edxml_priority(None), 0);
    }

    #[test]
    fn doc_12_serde_is_snake_case() {
        let json = serde_json::to_string(&Urgency::ALL).unwrap();
        assert_eq!(json, r#"["khan","thuong_khan","hoa_toc"]"#);
        let back: Vec<Urgency> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Urgency::ALL.to_vec());
        for u in Urgency::ALL {
            assert_eq!(Urgency::parse(u.as_str()), Ok(u));
            assert_eq!(Urgency::parse(u.name_en()), Ok(u));
        }
    }

    fn any_urgency() -> impl Strategy<Value = Urgency> {
        prop::sample::select(Urgency::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn doc_12_arbitrary_input_never_panics(s in "\\PC{0,80}") {
            let _ = Urgency::parse(&s);
            let _ = Urgency::parse_optional(&s);
            let _ = Urgency::from_edxml_priority(&s);
        }

        #[test]
        fn doc_12_display_parse_round_trip(u in any_urgency(), upper in any::<bool>(), nfd in any::<bool>()) {
            let mut s = u.to_string();
            if upper { s = s.to_uppercase(); }
            if nfd { s = s.nfd().collect(); }
            prop_assert_eq!(Urgency::parse(&s), Ok(u));
            prop_assert_eq!(Urgency::parse_optional(&s), Ok(Some(u)));
        }
    }
}
