//! "Số và ký hiệu văn bản", the document number and symbol (QĐ 28/2018/QĐ-TTg Đ10.2.c).
//!
//! The seed only requires that the number and symbol be shown. Their form is **outside
//! knowledge (O-05): Nghị định 30/2020/NĐ-CP** on clerical work, Đ15 and Phụ lục I:
//!
//! * the number is in Arabic digits, counted from 01 each calendar year; **numbers below 10
//!   take a leading 0** (`05/BNV-VP`);
//! * `/` separates the number from the symbol, `-` separates the groups of the symbol, and
//!   there are **no spaces**;
//! * the symbol is the type abbreviation then the issuer (`15/QĐ-BNV`), or issuer-unit alone for
//!   a công văn (`7816/VPCP-TTĐT`); copies use `SY`/`SL`/`TS` (`512/SY-VPUBND`);
//! * legal normative documents insert the year: `28/2018/QĐ-TTg`, `137/2024/NĐ-CP`.
//!
//! [`DocNumber::parse`] accepts NFC or NFD input and stray spaces around `/` and `-`
//! (`512 /SY-VPUBND`, as printed in seed 004), and a missing leading zero; each tolerance is a
//! [`NumberWarning`] and the value is stored in canonical form (NFC, no spaces, leading zero).
//! Surrounding white space is not part of the value and is trimmed silently. An empty number
//! (`/2021/NĐ-CP`, a draft not yet numbered) is an error.
//!
//! A [`DocNumber`] stores its canonical text once, with the positions of its parts: one
//! allocation per parse.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::doctype::DocType;
use crate::parsed::{Parsed, Tolerance};

/// Longest accepted input, in bytes. Real numbers are under 40 bytes.
pub const MAX_INPUT_LEN: usize = 256;

/// Most significant digits in a number (it must fit a `u32`).
const MAX_NUMBER_DIGITS: usize = 9;

/// Why a string is not a "số và ký hiệu". Offsets are byte offsets into the NFC form of the
/// input (the input itself when it is already NFC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NumberError {
    /// Empty or only white space.
    #[error("empty document number")]
    Empty,
    /// Longer than [`MAX_INPUT_LEN`] bytes.
    #[error("document number is {len} bytes long; at most {MAX_INPUT_LEN} are accepted")]
    TooLong {
        /// Input length in bytes.
        len: usize,
    },
    /// No `/` between number and symbol.
    #[error("no '/' between the number and the symbol (expected e.g. 15/QĐ-BNV)")]
    MissingSlash,
    /// More than three `/`-separated parts.
    #[error(
        "too many '/' (third one at byte {offset}); expected number/symbol or number/year/symbol"
    )]
    TooManyParts {
        /// Offset of the extra `/`.
        offset: usize,
    },
    /// Nothing before the first `/`: a draft whose number is not assigned yet.
    #[error("the number before '/' at byte {offset} is empty: a draft whose number has not been assigned yet cannot be parsed as a document number")]
    EmptyNumber {
        /// Offset where the number should be.
        offset: usize,
    },
    /// The number contains a non-digit.
    #[error("the number must be Arabic digits; found {found:?} at byte {offset}")]
    NotNumeric {
        /// Offset of the character.
        offset: usize,
        /// The character.
        found: char,
    },
    /// More than 9 significant digits.
    #[error("the number at byte {offset} has {digits} significant digits; at most {MAX_NUMBER_DIGITS} are accepted")]
    NumberTooLarge {
        /// Offset of the number.
        offset: usize,
        /// Its significant digits.
        digits: usize,
    },
    /// The number is zero (numbering starts from 01).
    #[error("the number at byte {offset} is zero; numbering starts from 01 (Nghị định 30/2020/NĐ-CP Đ15)")]
    ZeroNumber {
        /// Offset of the number.
        offset: usize,
    },
    /// The middle part is not a four-digit year.
    #[error("the part at byte {offset} between the two '/' must be a four-digit year")]
    InvalidYear {
        /// Offset of the part.
        offset: usize,
    },
    /// Nothing after the last `/`.
    #[error("the symbol after '/' at byte {offset} is empty")]
    EmptySymbol {
        /// Offset where the symbol should be.
        offset: usize,
    },
    /// An empty group in the symbol (`QĐ--TTg`, trailing `-`).
    #[error("empty group in the symbol at byte {offset}")]
    EmptySymbolGroup {
        /// Offset where the group should be.
        offset: usize,
    },
    /// A character that is neither a letter nor a digit in the symbol.
    #[error("the symbol may contain only letters and digits between '-'; found {found:?} at byte {offset}")]
    InvalidSymbolChar {
        /// Offset of the character.
        offset: usize,
        /// The character.
        found: char,
    },
    /// White space inside a group (`VP UBND`): ambiguous, not a stray space.
    #[error(
        "white space inside a group at byte {offset}; the number and symbol contain no spaces"
    )]
    SpaceInsideGroup {
        /// Offset of the white space.
        offset: usize,
    },
}

impl ErrorCode for NumberError {
    fn code(&self) -> &'static str {
        match self {
            NumberError::Empty => "doc_number.empty",
            NumberError::TooLong { .. } => "doc_number.too_long",
            NumberError::MissingSlash => "doc_number.missing_slash",
            NumberError::TooManyParts { .. } => "doc_number.too_many_parts",
            NumberError::EmptyNumber { .. } => "doc_number.empty_number",
            NumberError::NotNumeric { .. } => "doc_number.not_numeric",
            NumberError::NumberTooLarge { .. } => "doc_number.number_too_large",
            NumberError::ZeroNumber { .. } => "doc_number.zero_number",
            NumberError::InvalidYear { .. } => "doc_number.invalid_year",
            NumberError::EmptySymbol { .. } => "doc_number.empty_symbol",
            NumberError::EmptySymbolGroup { .. } => "doc_number.empty_symbol_group",
            NumberError::InvalidSymbolChar { .. } => "doc_number.invalid_symbol_char",
            NumberError::SpaceInsideGroup { .. } => "doc_number.space_inside_group",
        }
    }
}

/// What [`DocNumber::parse`] tolerated. Offsets are into the NFC form of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberWarning {
    /// White space next to `/` or `-` was removed (`512 /SY-VPUBND`).
    StraySpace {
        /// Offset of the white space.
        offset: usize,
    },
    /// A number below 10 without its leading 0 (`5/BNV-VP`); rendered `05`.
    MissingLeadingZero {
        /// The number.
        number: u32,
    },
    /// More leading zeros than the two-digit minimum (`007/…`); rendered `07`.
    ExtraLeadingZeros {
        /// Offset of the number.
        offset: usize,
    },
}

impl Tolerance for NumberWarning {
    fn code(&self) -> &'static str {
        match self {
            NumberWarning::StraySpace { .. } => "doc_number.stray_space",
            NumberWarning::MissingLeadingZero { .. } => "doc_number.missing_leading_zero",
            NumberWarning::ExtraLeadingZeros { .. } => "doc_number.extra_leading_zeros",
        }
    }

    /// DOC-10 field c (QĐ 28/2018/QĐ-TTg Đ10.2.c); form per Nghị định 30/2020/NĐ-CP Phụ lục I
    /// (outside knowledge O-05).
    fn finding(&self) -> Finding {
        let (en, vi) = match *self {
            NumberWarning::StraySpace { offset } => (
                format!("stray white space at byte {offset} removed: the number and symbol are written without spaces (Nghị định 30/2020/NĐ-CP Phụ lục I)"),
                format!("đã bỏ khoảng trắng thừa ở byte {offset}: số và ký hiệu văn bản viết liền, không có khoảng trắng (Phụ lục I Nghị định 30/2020/NĐ-CP)"),
            ),
            NumberWarning::MissingLeadingZero { number } => (
                format!("number {number} is below 10 and lacks its leading 0; written 0{number} (Nghị định 30/2020/NĐ-CP Phụ lục I)"),
                format!("số {number} nhỏ hơn 10 phải ghi thêm số 0 phía trước: 0{number} (Phụ lục I Nghị định 30/2020/NĐ-CP)"),
            ),
            NumberWarning::ExtraLeadingZeros { offset } => (
                format!("the number at byte {offset} has extra leading zeros; only numbers below 10 take one leading 0 (Nghị định 30/2020/NĐ-CP Phụ lục I)"),
                format!("số ở byte {offset} có số 0 thừa phía trước; chỉ số nhỏ hơn 10 mới ghi thêm một số 0 (Phụ lục I Nghị định 30/2020/NĐ-CP)"),
            ),
        };
        Finding::new(
            "DOC-10",
            LegalRef::instrument(Instrument::Nd30_2020),
            Outcome::Warning,
            en,
            vi,
        )
        .with_field("number")
    }
}

/// A "số và ký hiệu" in canonical form (DOC-10.c, QĐ 28/2018/QĐ-TTg Đ10.2.c; form per
/// Nghị định 30/2020/NĐ-CP, O-05).
///
/// `Display` and serde give the canonical string; `FromStr` and deserialization are tolerant
/// (they drop the warnings; use [`DocNumber::parse`] to see them).
///
/// ```
/// use egov_docs::number::DocNumber;
/// use egov_docs::doctype::DocType;
/// let n = DocNumber::parse("28/2018/QĐ-TTg").unwrap().value;
/// assert_eq!((n.number(), n.year()), (28, Some(2018)));
/// assert_eq!(n.symbol(), "QĐ-TTg");
/// assert_eq!(n.type_abbreviation(), Some("QĐ"));
/// assert_eq!(n.issuer(), "TTg");
/// assert_eq!(n.doc_type(), Some(DocType::QuyetDinhQppl));
///
/// let cv = DocNumber::parse("7816/VPCP-TTĐT").unwrap().value;
/// assert_eq!(cv.doc_type(), None); // công văn: issuer-unit only
/// assert_eq!(cv.issuer(), "VPCP-TTĐT");
///
/// let five = DocNumber::parse("5/BNV-VP").unwrap();
/// assert_eq!(five.value.to_string(), "05/BNV-VP");
/// assert_eq!(five.warnings.len(), 1);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocNumber {
    text: String,
    number: u32,
    year: Option<u16>,
    symbol_start: u16,
    type_len: u16,
    doc_type: Option<DocType>,
}

/// Trims a `/`- or `-`-delimited piece, warning about white space next to a separator.
fn trim_piece<'a>(
    piece: &'a str,
    offset: usize,
    warnings: &mut Vec<NumberWarning>,
) -> (&'a str, usize) {
    let start_trimmed = piece.trim_start();
    let lead = piece.len() - start_trimmed.len();
    let trimmed = start_trimmed.trim_end();
    if lead > 0 {
        warnings.push(NumberWarning::StraySpace { offset });
    }
    if trimmed.len() < start_trimmed.len() {
        warnings.push(NumberWarning::StraySpace {
            offset: offset + lead + trimmed.len(),
        });
    }
    (trimmed, offset + lead)
}

/// Appends `n` in decimal, with a leading 0 below 10.
fn push_number(out: &mut String, n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || i == 0 {
            break;
        }
    }
    if n < 10 {
        out.push('0');
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// The parts found by the scan (borrowed from the NFC input).
struct Scan<'a> {
    number: u32,
    year: Option<(&'a str, u16)>,
    symbol: &'a str,
    doc_type: Option<DocType>,
    type_len: usize,
}

fn scan_number(
    piece: &str,
    offset: usize,
    warnings: &mut Vec<NumberWarning>,
) -> Result<u32, NumberError> {
    let (digits, offset) = trim_piece(piece, offset, warnings);
    if digits.is_empty() {
        return Err(NumberError::EmptyNumber { offset });
    }
    for (i, c) in digits.char_indices() {
        if c.is_whitespace() {
            return Err(NumberError::SpaceInsideGroup { offset: offset + i });
        }
        if !c.is_ascii_digit() {
            return Err(NumberError::NotNumeric {
                offset: offset + i,
                found: c,
            });
        }
    }
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Err(NumberError::ZeroNumber { offset });
    }
    if significant.len() > MAX_NUMBER_DIGITS {
        return Err(NumberError::NumberTooLarge {
            offset,
            digits: significant.len(),
        });
    }
    let value = significant
        .bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    if digits.len() == 1 {
        warnings.push(NumberWarning::MissingLeadingZero { number: value });
    } else if digits.len() > 2 && digits.starts_with('0') {
        warnings.push(NumberWarning::ExtraLeadingZeros { offset });
    }
    Ok(value)
}

fn scan_year<'a>(
    piece: &'a str,
    offset: usize,
    warnings: &mut Vec<NumberWarning>,
) -> Result<(&'a str, u16), NumberError> {
    let (year, offset) = trim_piece(piece, offset, warnings);
    if let Some(i) = year.find(char::is_whitespace) {
        return Err(NumberError::SpaceInsideGroup { offset: offset + i });
    }
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::InvalidYear { offset });
    }
    let value = year
        .bytes()
        .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    Ok((year, value))
}

/// Validates the symbol groups; returns the first group (trimmed).
fn scan_symbol<'a>(
    piece: &'a str,
    offset: usize,
    warnings: &mut Vec<NumberWarning>,
) -> Result<(&'a str, &'a str), NumberError> {
    let (symbol, offset) = trim_piece(piece, offset, warnings);
    if symbol.is_empty() {
        return Err(NumberError::EmptySymbol { offset });
    }
    let mut first = "";
    let mut group_offset = offset;
    for (k, group) in symbol.split('-').enumerate() {
        let (g, g_off) = trim_piece(group, group_offset, warnings);
        if g.is_empty() {
            return Err(NumberError::EmptySymbolGroup { offset: g_off });
        }
        for (i, c) in g.char_indices() {
            if c.is_whitespace() {
                return Err(NumberError::SpaceInsideGroup { offset: g_off + i });
            }
            if !c.is_alphanumeric() {
                return Err(NumberError::InvalidSymbolChar {
                    offset: g_off + i,
                    found: c,
                });
            }
        }
        if k == 0 {
            first = g;
        }
        group_offset += group.len() + 1;
    }
    Ok((symbol, first))
}

fn scan<'a>(t: &'a str, warnings: &mut Vec<NumberWarning>) -> Result<Scan<'a>, NumberError> {
    let mut slashes = [0usize; 2];
    let mut n = 0usize;
    for (i, _) in t.match_indices('/') {
        match slashes.get_mut(n) {
            Some(slot) => *slot = i,
            None => return Err(NumberError::TooManyParts { offset: i }),
        }
        n += 1;
    }
    let [s1, s2] = slashes;
    let piece = |a: usize, b: usize| t.get(a..b).unwrap_or_default();
    let (number, year, symbol_piece, symbol_piece_offset) = match n {
        0 => return Err(NumberError::MissingSlash),
        1 => (
            scan_number(piece(0, s1), 0, warnings)?,
            None,
            piece(s1 + 1, t.len()),
            s1 + 1,
        ),
        _ => {
            let number = scan_number(piece(0, s1), 0, warnings)?;
            let year = scan_year(piece(s1 + 1, s2), s1 + 1, warnings)?;
            (number, Some(year), piece(s2 + 1, t.len()), s2 + 1)
        }
    };
    let (symbol, first) = scan_symbol(symbol_piece, symbol_piece_offset, warnings)?;
    let doc_type = DocType::from_abbreviation(first, year.is_some());
    Ok(Scan {
        number,
        year,
        symbol,
        doc_type,
        type_len: if doc_type.is_some() { first.len() } else { 0 },
    })
}

impl DocNumber {
    /// Parses a "số và ký hiệu", tolerating stray spaces, NFD input and a missing or extra
    /// leading zero, each reported as a [`NumberWarning`] (DOC-10.c, QĐ 28/2018/QĐ-TTg Đ10.2.c;
    /// form per Nghị định 30/2020/NĐ-CP Đ15 and Phụ lục I, O-05).
    ///
    /// ```
    /// use egov_docs::number::{DocNumber, NumberError, NumberWarning};
    /// use egov_core::ErrorCode;
    /// let p = DocNumber::parse("512 /SY-VPUBND").unwrap();
    /// assert_eq!(p.value.as_str(), "512/SY-VPUBND");
    /// assert_eq!(p.warnings, [NumberWarning::StraySpace { offset: 3 }]);
    ///
    /// let draft = DocNumber::parse("      /2021/NĐ-CP").unwrap_err();
    /// assert_eq!(draft.code(), "doc_number.empty_number");
    /// ```
    pub fn parse(s: &str) -> Result<Parsed<DocNumber, NumberWarning>, NumberError> {
        if s.len() > MAX_INPUT_LEN {
            return Err(NumberError::TooLong { len: s.len() });
        }
        let nfc: Cow<'_, str> = match is_nfc_quick(s.chars()) {
            IsNormalized::Yes => Cow::Borrowed(s),
            _ => Cow::Owned(s.nfc().collect()),
        };
        let t = nfc.trim();
        if t.is_empty() {
            return Err(NumberError::Empty);
        }
        // Offsets are reported against the NFC input, before trimming.
        let base = nfc.len() - nfc.trim_start().len();
        let mut warnings = Vec::new();
        let parts = scan(t, &mut warnings).map_err(|e| e.shifted(base))?;
        for w in &mut warnings {
            w.shift(base);
        }

        let mut text = String::with_capacity(t.len() + 1);
        push_number(&mut text, parts.number);
        if let Some((year, _)) = parts.year {
            text.push('/');
            text.push_str(year);
        }
        text.push('/');
        let symbol_start = text.len();
        if warnings.is_empty() {
            text.push_str(parts.symbol);
        } else {
            for (k, group) in parts.symbol.split('-').enumerate() {
                if k > 0 {
                    text.push('-');
                }
                text.push_str(group.trim());
            }
        }
        Ok(Parsed {
            value: DocNumber {
                text,
                number: parts.number,
                year: parts.year.map(|(_, y)| y),
                symbol_start: u16::try_from(symbol_start).unwrap_or(0),
                type_len: u16::try_from(parts.type_len).unwrap_or(0),
                doc_type: parts.doc_type,
            },
            warnings,
        })
    }

    /// The canonical string (`28/2018/QĐ-TTg`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The number (sequence in the year).
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The year, present in the numbering form of legal normative documents.
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// The symbol ("ký hiệu"): everything after the last `/` (`QĐ-TTg`).
    pub fn symbol(&self) -> &str {
        self.text
            .get(usize::from(self.symbol_start)..)
            .unwrap_or_default()
    }

    /// The type abbreviation when the symbol's first group is a known one (`QĐ`).
    pub fn type_abbreviation(&self) -> Option<&str> {
        if self.type_len == 0 {
            return None;
        }
        self.symbol().get(..usize::from(self.type_len))
    }

    /// The document type the symbol names, if its first group is a known abbreviation
    /// (DOC-10.đ, table of Nghị định 30/2020/NĐ-CP Phụ lục III, O-05). `None` for a công văn
    /// or an unknown abbreviation.
    pub fn doc_type(&self) -> Option<DocType> {
        self.doc_type
    }

    /// The issuer part of the symbol: what follows the type abbreviation (`TTg` in
    /// `QĐ-TTg`), or the whole symbol when there is no type (`VPCP-TTĐT`).
    pub fn issuer(&self) -> &str {
        let symbol = self.symbol();
        if self.type_len == 0 {
            return symbol;
        }
        symbol
            .get(usize::from(self.type_len) + 1..)
            .unwrap_or_default()
    }
}

impl NumberError {
    fn shifted(self, by: usize) -> NumberError {
        use NumberError as E;
        match self {
            E::TooManyParts { offset } => E::TooManyParts {
                offset: offset + by,
            },
            E::EmptyNumber { offset } => E::EmptyNumber {
                offset: offset + by,
            },
            E::NotNumeric { offset, found } => E::NotNumeric {
                offset: offset + by,
                found,
            },
            E::NumberTooLarge { offset, digits } => E::NumberTooLarge {
                offset: offset + by,
                digits,
            },
            E::ZeroNumber { offset } => E::ZeroNumber {
                offset: offset + by,
            },
            E::InvalidYear { offset } => E::InvalidYear {
                offset: offset + by,
            },
            E::EmptySymbol { offset } => E::EmptySymbol {
                offset: offset + by,
            },
            E::EmptySymbolGroup { offset } => E::EmptySymbolGroup {
                offset: offset + by,
            },
            E::InvalidSymbolChar { offset, found } => E::InvalidSymbolChar {
                offset: offset + by,
                found,
            },
            E::SpaceInsideGroup { offset } => E::SpaceInsideGroup {
                offset: offset + by,
            },
            other => other,
        }
    }

    /// The byte offset the error points at, if any.
    pub fn offset(&self) -> Option<usize> {
        use NumberError as E;
        match *self {
            E::TooManyParts { offset }
            | E::EmptyNumber { offset }
            | E::NotNumeric { offset, .. }
            | E::NumberTooLarge { offset, .. }
            | E::ZeroNumber { offset }
            | E::InvalidYear { offset }
            | E::EmptySymbol { offset }
            | E::EmptySymbolGroup { offset }
            | E::InvalidSymbolChar { offset, .. }
            | E::SpaceInsideGroup { offset } => Some(offset),
            E::Empty | E::TooLong { .. } | E::MissingSlash => None,
        }
    }
}

impl NumberWarning {
    fn shift(&mut self, by: usize) {
        match self {
            NumberWarning::StraySpace { offset } | NumberWarning::ExtraLeadingZeros { offset } => {
                *offset += by;
            }
            NumberWarning::MissingLeadingZero { .. } => {}
        }
    }
}

impl FromStr for DocNumber {
    type Err = NumberError;

    /// Tolerant parse ([`DocNumber::parse`]) without the warnings.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocNumber::parse(s).map(Parsed::into_value)
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocNumber({:?})", self.text)
    }
}

impl Serialize for DocNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DocNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a document number such as \"28/2018/QĐ-TTg\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DocNumber, E> {
                v.parse()
                    .map_err(|e: NumberError| E::custom(format_args!("{} ({})", e, e.code())))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(s: &str) -> Parsed<DocNumber, NumberWarning> {
        DocNumber::parse(s).unwrap()
    }

    #[test]
    fn doc_10_seed_004_normative_number_with_year() {
        let p = parse("28/2018/QĐ-TTg");
        assert!(p.is_clean());
        let n = p.value;
        assert_eq!(n.as_str(), "28/2018/QĐ-TTg");
        assert_eq!(n.number(), 28);
        assert_eq!(n.year(), Some(2018));
        assert_eq!(n.symbol(), "QĐ-TTg");
        assert_eq!(n.type_abbreviation(), Some("QĐ"));
        assert_eq!(n.issuer(), "TTg");
        assert_eq!(n.doc_type(), Some(DocType::QuyetDinhQppl));
    }

    #[test]
    fn doc_10_seed_004_copy_number_with_stray_space_warns() {
        let p = parse("512 /SY-VPUBND");
        assert_eq!(p.value.as_str(), "512/SY-VPUBND");
        assert_eq!(p.warnings, [NumberWarning::StraySpace { offset: 3 }]);
        assert_eq!(p.value.doc_type(), Some(DocType::BanSaoY));
        assert_eq!(p.value.issuer(), "VPUBND");
        let f = p.findings();
        assert_eq!(f[0].outcome, Outcome::Warning);
        assert_eq!(f[0].rule, "DOC-10");
        assert_eq!(f[0].basis.instrument, Instrument::Nd30_2020);
        assert_eq!(p.warnings[0].code(), "doc_number.stray_space");
    }

    #[test]
    fn doc_10_seed_002_ocr_conflict_both_parse() {
        let ocr = parse("342 /QĐ-TTg");
        assert_eq!(ocr.value.as_str(), "342/QĐ-TTg");
        assert_eq!(ocr.warnings.len(), 1);
        assert_eq!(ocr.value.doc_type(), Some(DocType::QuyetDinh));
        let real = parse("942/QĐ-TTg");
        assert!(real.is_clean());
        assert_eq!(real.value.number(), 942);
        assert_ne!(ocr.value, real.value);
    }

    #[test]
    fn doc_10_seed_000_draft_with_empty_number_is_an_error() {
        for s in ["/2021/NĐ-CP", "      /2021/NĐ-CP", "Số:       /2021/NĐ-CP"] {
            let e = DocNumber::parse(s).unwrap_err();
            assert!(
                matches!(
                    e,
                    NumberError::EmptyNumber { .. } | NumberError::NotNumeric { .. }
                ),
                "{s}: {e:?}"
            );
        }
        let e = DocNumber::parse("      /2021/NĐ-CP").unwrap_err();
        assert_eq!(e, NumberError::EmptyNumber { offset: 6 });
        assert_eq!(e.code(), "doc_number.empty_number");
        assert!(e.to_string().contains("draft"));
    }

    #[test]
    fn doc_10_cong_van_has_no_type() {
        let n = parse("7816/VPCP-TTĐT").value;
        assert_eq!(n.doc_type(), None);
        assert_eq!(n.type_abbreviation(), None);
        assert_eq!(n.issuer(), "VPCP-TTĐT");
        assert_eq!(n.symbol(), "VPCP-TTĐT");
        let n = parse("05/BNV-VP").value;
        assert_eq!(n.number(), 5);
        assert_eq!(n.as_str(), "05/BNV-VP");
        assert_eq!(n.doc_type(), None);
    }

    #[test]
    fn doc_10_nd30_examples_and_longest_match() {
        let n = parse("15/QĐ-BNV").value;
        assert_eq!(n.doc_type(), Some(DocType::QuyetDinh));
        assert_eq!(n.issuer(), "BNV");
        assert_eq!(
            parse("12/QyĐ-UBND").value.doc_type(),
            Some(DocType::QuyDinh)
        );
        assert_eq!(
            parse("07/CTr-UBND").value.doc_type(),
            Some(DocType::ChuongTrinh)
        );
        assert_eq!(parse("07/CT-UBND").value.doc_type(), Some(DocType::ChiThi));
        assert_eq!(parse("31/TTr-BTC").value.doc_type(), Some(DocType::ToTrinh));
        assert_eq!(
            parse("10/2016/TT-BTTTT").value.doc_type(),
            Some(DocType::ThongTu)
        );
        assert_eq!(
            parse("137/2024/NĐ-CP").value.doc_type(),
            Some(DocType::NghiDinh)
        );
        assert_eq!(
            parse("20/2023/QH15").value.doc_type(),
            None,
            "a law has no type abbreviation"
        );
        assert_eq!(parse("1234/TCT-CS").value.doc_type(), None);
    }

    #[test]
    fn doc_10_nfd_input_is_stored_as_nfc() {
        let nfd: String = "28/2018/QĐ-TTg".nfd().collect();
        let p = parse(&nfd);
        assert_eq!(p.value.as_str(), "28/2018/QĐ-TTg");
        let nfd: String = "05/HĐ-ƯBND".nfd().collect();
        assert_ne!(nfd, "05/HĐ-ƯBND");
        let p = parse(&nfd);
        assert_eq!(p.value.as_str(), "05/HĐ-ƯBND");
        assert_eq!(p.value.doc_type(), Some(DocType::HopDong));
    }

    #[test]
    fn doc_10_leading_zero_rule() {
        let p = parse("5/BNV-VP");
        assert_eq!(p.value.as_str(), "05/BNV-VP");
        assert_eq!(
            p.warnings,
            [NumberWarning::MissingLeadingZero { number: 5 }]
        );
        assert!(parse("05/BNV-VP").is_clean());
        assert!(parse("10/BNV-VP").is_clean());
        let p = parse("007/BNV-VP");
        assert_eq!(p.value.as_str(), "07/BNV-VP");
        assert_eq!(p.warnings, [NumberWarning::ExtraLeadingZeros { offset: 0 }]);
        let p = parse("0123/BNV-VP");
        assert_eq!(p.value.as_str(), "123/BNV-VP");
        assert_eq!(
            DocNumber::parse("00/BNV-VP").unwrap_err(),
            NumberError::ZeroNumber { offset: 0 }
        );
    }

    #[test]
    fn doc_10_stray_spaces_everywhere_are_reported_once_each() {
        let p = parse("  28 / 2018 / QĐ - TTg  ");
        assert_eq!(p.value.as_str(), "28/2018/QĐ-TTg");
        assert_eq!(p.warnings.len(), 6);
        assert_eq!(p.warnings[0], NumberWarning::StraySpace { offset: 4 });
        assert_eq!(p.value, parse("28/2018/QĐ-TTg").value);
        // Non-breaking spaces count as white space.
        assert_eq!(parse("512\u{a0}/SY-VPUBND").value.as_str(), "512/SY-VPUBND");
    }

    #[test]
    fn doc_10_errors_name_what_and_where() {
        let cases: &[(&str, NumberError)] = &[
            ("", NumberError::Empty),
            ("   ", NumberError::Empty),
            ("7816", NumberError::MissingSlash),
            ("1/2/3/4", NumberError::TooManyParts { offset: 5 }),
            (
                "BINTEST123/GW-AUTO",
                NumberError::NotNumeric {
                    offset: 0,
                    found: 'B',
                },
            ),
            (
                "20251020104803/GW-AUTO",
                NumberError::NumberTooLarge {
                    offset: 0,
                    digits: 14,
                },
            ),
            ("28/18/QĐ-TTg", NumberError::InvalidYear { offset: 3 }),
            ("28/", NumberError::EmptySymbol { offset: 3 }),
            ("28/QĐ--TTg", NumberError::EmptySymbolGroup { offset: 7 }),
            ("28/QĐ-", NumberError::EmptySymbolGroup { offset: 7 }),
            (
                "28/QĐ-TTg.",
                NumberError::InvalidSymbolChar {
                    offset: 10,
                    found: '.',
                },
            ),
            ("28/VP UBND", NumberError::SpaceInsideGroup { offset: 5 }),
            ("2 8/VP", NumberError::SpaceInsideGroup { offset: 1 }),
            (
                " 2x/VP",
                NumberError::NotNumeric {
                    offset: 2,
                    found: 'x',
                },
            ),
        ];
        for (input, expected) in cases {
            let e = DocNumber::parse(input).unwrap_err();
            assert_eq!(e, *expected, "{input:?}");
            assert!(e.code().starts_with("doc_number."));
        }
        let long = "1/".to_owned() + &"A".repeat(300);
        assert_eq!(
            DocNumber::parse(&long).unwrap_err(),
            NumberError::TooLong { len: 302 }
        );
    }

    #[test]
    fn serde_is_the_canonical_string() {
        let n = parse("512 /SY-VPUBND").value;
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"512/SY-VPUBND\"");
        let back: DocNumber = serde_json::from_str("\"512 /SY-VPUBND\"").unwrap();
        assert_eq!(back, n);
        let err = serde_json::from_str::<DocNumber>("\"/2021/NĐ-CP\"").unwrap_err();
        assert!(err.to_string().contains("doc_number.empty_number"));
        let p = parse("5 /BNV-VP");
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["value"], "05/BNV-VP");
        assert_eq!(json["warnings"][0]["stray_space"]["offset"], 1);
        assert_eq!(json["warnings"][1]["missing_leading_zero"]["number"], 5);
    }

    fn symbol_group() -> impl Strategy<Value = String> {
        "[A-ZĐ][A-Za-zĐđƯ0-9]{0,6}"
    }

    fn canonical() -> impl Strategy<Value = String> {
        let abbrevs: Vec<&'static str> = DocType::table()
            .iter()
            .filter_map(|i| i.abbreviation)
            .collect();
        (
            1u32..2_000_000,
            proptest::option::of(1945u16..2100),
            proptest::option::of(proptest::sample::select(abbrevs)),
            proptest::collection::vec(symbol_group(), 1..4),
        )
            .prop_map(|(n, year, abbr, groups)| {
                let mut s = if n < 10 {
                    format!("0{n}")
                } else {
                    n.to_string()
                };
                if let Some(y) = year {
                    s.push_str(&format!("/{y}"));
                }
                s.push('/');
                if let Some(a) = abbr {
                    s.push_str(a);
                    s.push('-');
                }
                s.push_str(&groups.join("-"));
                s
            })
    }

    proptest! {
        #[test]
        fn round_trip(s in canonical()) {
            let p = DocNumber::parse(&s).unwrap();
            prop_assert!(p.is_clean(), "{:?}", p.warnings);
            prop_assert_eq!(p.value.as_str(), s.as_str());
            let again = DocNumber::parse(&p.value.to_string()).unwrap().value;
            prop_assert_eq!(&again, &p.value);
            let json = serde_json::to_string(&p.value).unwrap();
            prop_assert_eq!(serde_json::from_str::<DocNumber>(&json).unwrap(), p.value.clone());
            // Parts are consistent with the text.
            let v = &p.value;
            prop_assert!(v.as_str().ends_with(v.symbol()));
            if let Some(t) = v.type_abbreviation() {
                prop_assert!(v.symbol().starts_with(t));
            }
        }

        #[test]
        fn stray_spaces_give_the_same_value_with_warnings(s in canonical(), pad in " {1,2}") {
            let spaced = s.replace('/', &format!("{pad}/")).replace('-', &format!("-{pad}"));
            let p = DocNumber::parse(&spaced).unwrap();
            prop_assert_eq!(p.value, DocNumber::parse(&s).unwrap().value);
            prop_assert!(!p.warnings.is_empty());
        }

        #[test]
        fn arbitrary_input_never_panics(s in "\\PC{0,60}") {
            match DocNumber::parse(&s) {
                Ok(p) => {
                    let _ = (p.value.issuer(), p.value.symbol(), p.findings());
                    let again = DocNumber::parse(p.value.as_str()).unwrap();
                    prop_assert_eq!(again.value, p.value);
                }
                Err(e) => {
                    let _ = (e.code(), e.to_string(), e.offset());
                }
            }
        }

        #[test]
        fn separator_soup_never_panics(s in "[0-9/ \\-ĐA-Za-z\u{0300}\u{0301}]{0,30}") {
            let _ = DocNumber::parse(&s);
        }
    }
}
