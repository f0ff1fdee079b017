//! "Số và ký hiệu văn bản", the document number and symbol (QĐ 28/2018/QĐ-TTg Đ10.2.c).
//!
//! The seed only requires that the number and symbol be shown. Their form is **outside
//! knowledge (O-05): Nghị định 30/2020/NĐ-CP** on clerical work, Đ15 and Phụ lục I:
//!
//! * the number is in Arabic digits, counted from 01 each calendar year; **numbers below 10
//!   take a leading 0** (`05/BNV-VP`);
//! * `/` separates the number from the symbol, `-` separates the groups of the symbol, and
//!   there are **no spaces**;
//! * the symbol is the type abbreviation then the issuer (`15/QĐ-BNV`); copies use
//!   `SY`/`SL`/`TS` (`512/SY-VPUBND`). A công văn has no type: its symbol is the issuer then
//!   the drafting unit, «chữ viết tắt tên cơ quan, tổ chức … và chữ viết tắt tên đơn vị soạn
//!   thảo» (`05/BNV-VP`: issuer `BNV`, unit `VP`), exposed as [`DocNumber::issuer`] and
//!   [`DocNumber::drafting_unit`];
//! * legal normative documents insert the year: `28/2018/QĐ-TTg`, `137/2024/NĐ-CP`.
//!
//! [`DocNumber::parse`] accepts NFC or NFD input and stray spaces around `/` and `-`
//! (`512 /SY-VPUBND`, as printed in seed 004), a missing leading zero, and a type abbreviation
//! typed without its diacritics (`28/2018/QD-TTg`, stored `28/2018/QĐ-TTg`; see
//! [`DocType::from_abbreviation_folded`]); each tolerance is a [`NumberWarning`] and the value
//! is stored in canonical form (NFC, no spaces, leading zero, proper abbreviation).
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

/// Longest accepted input, in bytes, and longest canonical form: an input whose canonical form
/// would be longer is refused ([`NumberError::CanonicalTooLong`]), so that every parsed number
/// reads back. Real numbers are under 40 bytes.
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
    /// The input is at most [`MAX_INPUT_LEN`] bytes but its canonical form (leading zero
    /// added, type abbreviation restored) would be longer, so it could not be read back.
    #[error("the canonical form of this document number would be {len} bytes long; at most {MAX_INPUT_LEN} are accepted")]
    CanonicalTooLong {
        /// Length of the canonical form in bytes.
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
            NumberError::CanonicalTooLong { .. } => "doc_number.canonical_too_long",
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A type abbreviation typed without its diacritics (`QD` for `QĐ`, `ND` for `NĐ`); the
    /// canonical form restores the proper spelling ([`DocType::abbreviation`]).
    TypeWithoutDiacritics {
        /// Offset of the abbreviation.
        offset: usize,
        /// The type it names.
        doc_type: DocType,
    },
    /// The label «Số:» printed before the number on the document, copied with it
    /// (`Số: 12/QĐ-UBND`, `so 12/…`); removed, it is not part of the number and symbol.
    PrintedLabel {
        /// Offset of the label.
        offset: usize,
    },
    /// The number cited as prose cites it, after the type's name and the word «số»
    /// (`Quyết định số 12/QĐ-UBND`, `Công văn số: 05/BNV-VP`); the name and the word removed.
    CitedTypeName {
        /// Offset of the type's name.
        offset: usize,
        /// The type named.
        doc_type: DocType,
    },
    /// The issue date cited after the number (`12/QĐ-UBND ngày 12/3/2024`, `…, ngày 12 tháng
    /// 3 năm 2024`); removed, it is the promulgation date (metadata field d), not part of the
    /// number and symbol.
    IssueDateAfter {
        /// Offset of the word «ngày».
        offset: usize,
        /// The date written.
        date: chrono::NaiveDate,
    },
    /// A dash other than the hyphen-minus between symbol groups (`UBND–VP` with an en dash, as
    /// word processors substitute it, or a non-breaking hyphen, a minus sign); written `-`.
    DashVariant {
        /// Offset of the dash.
        offset: usize,
        /// The dash found.
        found: char,
    },
}

impl Tolerance for NumberWarning {
    fn code(&self) -> &'static str {
        match self {
            NumberWarning::StraySpace { .. } => "doc_number.stray_space",
            NumberWarning::MissingLeadingZero { .. } => "doc_number.missing_leading_zero",
            NumberWarning::ExtraLeadingZeros { .. } => "doc_number.extra_leading_zeros",
            NumberWarning::TypeWithoutDiacritics { .. } => "doc_number.type_without_diacritics",
            NumberWarning::PrintedLabel { .. } => "doc_number.printed_label",
            NumberWarning::DashVariant { .. } => "doc_number.dash_variant",
            NumberWarning::CitedTypeName { .. } => "doc_number.cited_type_name",
            NumberWarning::IssueDateAfter { .. } => "doc_number.issue_date_after",
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
            NumberWarning::PrintedLabel { offset } => (
                format!("the label «Số:» at byte {offset}, printed before the number on the document, was removed: it is not part of the number and symbol (Nghị định 30/2020/NĐ-CP Phụ lục I)"),
                format!("đã bỏ chữ «Số:» ở byte {offset}: đây là nhãn in trước số trên văn bản, không thuộc số và ký hiệu văn bản (Phụ lục I Nghị định 30/2020/NĐ-CP)"),
            ),
            NumberWarning::CitedTypeName { offset, doc_type } => (
                format!("the type's name ({}) and «số» at byte {offset}, as prose cites a document, were removed: they are not part of the number and symbol (Nghị định 30/2020/NĐ-CP Phụ lục I)", doc_type.name_en()),
                format!("đã bỏ tên loại văn bản ({}) và chữ «số» ở byte {offset}, như khi trích dẫn văn bản: không thuộc số và ký hiệu văn bản (Phụ lục I Nghị định 30/2020/NĐ-CP)", doc_type.name_vi()),
            ),
            NumberWarning::IssueDateAfter { offset, date } => (
                format!("the issue date {date} written after the number at byte {offset} was removed: it is the promulgation date (field d), not part of the number and symbol (Nghị định 30/2020/NĐ-CP Phụ lục I)"),
                format!("đã bỏ ngày ban hành {} ghi sau số và ký hiệu (ở byte {offset}): đó là ngày ban hành (thông tin d), không thuộc số và ký hiệu văn bản (Phụ lục I Nghị định 30/2020/NĐ-CP)", egov_core::i18n::date_vi(date)),
            ),
            NumberWarning::DashVariant { offset, found } => (
                format!("the dash «{found}» (U+{:04X}) at byte {offset} between symbol groups was written as the hyphen «-» (Nghị định 30/2020/NĐ-CP Phụ lục I)", u32::from(found)),
                format!("dấu «{found}» (U+{:04X}) ở byte {offset} giữa các nhóm của ký hiệu đã được thay bằng dấu gạch nối «-» (Phụ lục I Nghị định 30/2020/NĐ-CP)", u32::from(found)),
            ),
            NumberWarning::TypeWithoutDiacritics { offset, doc_type } => {
                let proper = doc_type.abbreviation().unwrap_or_default();
                (
                    format!("the type abbreviation at byte {offset} lacks its diacritics: «{proper}» ({}) expected, and written so (Nghị định 30/2020/NĐ-CP Phụ lục III)", doc_type.name_en()),
                    format!("chữ viết tắt tên loại văn bản ở byte {offset} thiếu dấu: phải viết «{proper}» ({}) (Phụ lục III Nghị định 30/2020/NĐ-CP)", doc_type.name_vi()),
                )
            }
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
/// assert_eq!(cv.doc_type(), None); // công văn: issuer-unit
/// assert_eq!(cv.issuer(), "VPCP");
/// assert_eq!(cv.drafting_unit(), Some("TTĐT"));
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

/// True when every character of `s` is below U+0300: such text is always NFC (the first
/// character whose NFC quick-check is not "yes" is U+0300). Checked on bytes: ASCII, UTF-8
/// continuation bytes, and the lead bytes 0xC2–0xCB of U+0080–U+02FF (`Đ` is U+0110).
fn below_u0300(s: &str) -> bool {
    s.bytes().all(|b| b < 0xCC)
}

/// The character starting at byte `i` of `t` (for messages and non-ASCII checks).
fn char_at(t: &str, i: usize) -> char {
    t.get(i..)
        .and_then(|r| r.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A dash a word processor or keyboard writes for the hyphen-minus between symbol groups:
/// hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign, small and fullwidth
/// hyphen-minus ([`NumberWarning::DashVariant`]).
fn is_dash_variant(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2014}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// True for a letter or digit; Latin-1 and Vietnamese letters without a table lookup.
fn is_symbol_char(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1EA0..=0x1EF9 => true,
        _ => c.is_alphanumeric(),
    }
}

/// Appends `n` in decimal, with a leading 0 below 10.
fn push_number(out: &mut String, n: u32) {
    if n < 10 {
        out.push('0');
    }
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    while let Some(slot) = i.checked_sub(1).and_then(|j| buf.get_mut(j)) {
        *slot = b'0' + (v % 10) as u8;
        i -= 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// The bounds of `t[a..z]` without surrounding white space. When `warn`, each trimmed side is
/// a stray space next to a separator.
#[inline]
/// Where the label «Số:» ends when `t[lo..hi]` starts with it (`Số:`, `Số`, `số.`, `SỐ`,
/// `So:`, any case, NFC) followed by white space or nothing and then a digit: the position of
/// that digit. `None` otherwise, so a symbol that begins with `So` is never touched.
fn printed_label_end(t: &str, lo: usize, hi: usize) -> Option<usize> {
    let rest = t.get(lo..hi)?;
    let mut chars = rest.char_indices().peekable();
    if !matches!(chars.next(), Some((_, 'S' | 's'))) {
        return None;
    }
    if !matches!(chars.next(), Some((_, 'ố' | 'Ố' | 'o' | 'O'))) {
        return None;
    }
    if matches!(chars.peek(), Some((_, ':' | '.'))) {
        chars.next();
    }
    while matches!(chars.peek(), Some((_, c)) if c.is_whitespace()) {
        chars.next();
    }
    match chars.peek() {
        Some(&(i, c)) if c.is_ascii_digit() => Some(lo + i),
        _ => None,
    }
}

/// «Quyết định số 12/QĐ-UBND», «Công văn số: 05/BNV-VP»: when `t[lo..hi]` starts with the name
/// of a type of document ([`DocType::from_name`], one to six words) and then the label «số» of
/// [`printed_label_end`], where the number starts and the type named.
fn cited_type_end(t: &str, lo: usize, hi: usize) -> Option<(usize, DocType)> {
    let rest = t.get(lo..hi)?;
    let mut words = 0;
    let mut prev_space = false;
    for (i, c) in rest.char_indices() {
        let space = c.is_whitespace();
        if !space && prev_space {
            words += 1;
            if words > 6 {
                return None;
            }
            if let Some(end) = printed_label_end(t, lo + i, hi) {
                let doc_type = DocType::from_name(rest.get(..i)?.trim())?;
                return Some((end, doc_type));
            }
        }
        if c.is_ascii_digit() || c == '/' {
            return None;
        }
        prev_space = space;
    }
    None
}

/// «12/QĐ-UBND ngày 12/3/2024», «12/QĐ-UBND, ngày 12 tháng 3 năm 2024»: when `t[lo..hi]` ends
/// with the word «ngày» (any case, with or without diacritics) and a date that
/// [`egov_core::time::parse_date`] reads, where the number and symbol end (before any `,`),
/// where the word starts, and the date.
fn issue_date_start(t: &str, lo: usize, hi: usize) -> Option<(usize, usize, chrono::NaiveDate)> {
    let rest = t.get(lo..hi)?;
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        if matches!(c, 'n' | 'N') && (prev.is_whitespace() || prev == ',') && i > 0 {
            let word = rest
                .get(i..)?
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default();
            if crate::text::fold(word) == "ngay" {
                let date = rest.get(i + word.len()..)?.trim();
                if let Ok(d) = egov_core::time::parse_date(date) {
                    let before = rest.get(..i)?.trim_end().trim_end_matches(',').trim_end();
                    return Some((lo + before.len(), lo + i, d));
                }
            }
        }
        prev = c;
    }
    None
}

fn trim_range(
    t: &str,
    a: usize,
    z: usize,
    warn: bool,
    warnings: &mut Vec<NumberWarning>,
) -> (usize, usize) {
    let piece = t.get(a..z).unwrap_or_default();
    let bytes = piece.as_bytes();
    // White space is ASCII or starts with a lead byte >= 0xC2: skip the trim otherwise.
    let (mut lo, mut hi) = (a, z);
    if bytes
        .first()
        .is_some_and(|&b| b.is_ascii_whitespace() || b >= 0xC2)
    {
        let lead = piece.len() - piece.trim_start().len();
        if lead > 0 {
            if warn {
                warnings.push(NumberWarning::StraySpace { offset: a });
            }
            lo += lead;
        }
    }
    if lo < hi
        && bytes
            .last()
            .is_some_and(|&b| b.is_ascii_whitespace() || b >= 0x80)
    {
        let rest = t.get(lo..hi).unwrap_or_default();
        let kept = rest.trim_end().len();
        if kept < rest.len() {
            hi = lo + kept;
            if warn {
                warnings.push(NumberWarning::StraySpace { offset: hi });
            }
        }
    }
    (lo, hi)
}

/// A byte range `(start, end)`.
type Span = (usize, usize);

/// The parts found by the scan, as byte ranges of the NFC input.
struct Scan {
    number: u32,
    year: Option<(usize, u16)>,
    symbol: (usize, usize),
    doc_type: Option<DocType>,
    type_len: usize,
    /// The proper spelling of a type abbreviation typed without diacritics, which the
    /// canonical form writes instead of the first group.
    proper_type: Option<&'static str>,
}

fn scan_number(
    t: &str,
    (a, z): (usize, usize),
    warnings: &mut Vec<NumberWarning>,
) -> Result<u32, NumberError> {
    let (a, z) = trim_range(t, a, z, true, warnings);
    let digits = t.as_bytes().get(a..z).unwrap_or_default();
    if digits.is_empty() {
        return Err(NumberError::EmptyNumber { offset: a });
    }
    for (i, &b) in digits.iter().enumerate() {
        if !b.is_ascii_digit() {
            let c = char_at(t, a + i);
            return Err(if c.is_whitespace() {
                NumberError::SpaceInsideGroup { offset: a + i }
            } else {
                NumberError::NotNumeric {
                    offset: a + i,
                    found: c,
                }
            });
        }
    }
    let zeros = digits.iter().take_while(|&&b| b == b'0').count();
    let significant = digits.get(zeros..).unwrap_or_default();
    if significant.is_empty() {
        return Err(NumberError::ZeroNumber { offset: a });
    }
    if significant.len() > MAX_NUMBER_DIGITS {
        return Err(NumberError::NumberTooLarge {
            offset: a,
            digits: significant.len(),
        });
    }
    let value = significant
        .iter()
        .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'));
    if digits.len() == 1 {
        warnings.push(NumberWarning::MissingLeadingZero { number: value });
    } else if digits.len() > 2 && zeros > 0 {
        warnings.push(NumberWarning::ExtraLeadingZeros { offset: a });
    }
    Ok(value)
}

fn scan_year(
    t: &str,
    (a, z): (usize, usize),
    warnings: &mut Vec<NumberWarning>,
) -> Result<(usize, u16), NumberError> {
    let (a, z) = trim_range(t, a, z, true, warnings);
    let year = t.as_bytes().get(a..z).unwrap_or_default();
    if let Some(i) = year.iter().position(|&b| !b.is_ascii_digit()) {
        if char_at(t, a + i).is_whitespace() {
            return Err(NumberError::SpaceInsideGroup { offset: a + i });
        }
    }
    if year.len() != 4 || !year.iter().all(u8::is_ascii_digit) {
        return Err(NumberError::InvalidYear { offset: a });
    }
    let value = year
        .iter()
        .fold(0u16, |acc, &b| acc * 10 + u16::from(b - b'0'));
    Ok((a, value))
}

/// Validates one symbol group `t[a..z]` (already trimmed).
#[inline]
fn check_group(t: &str, a: usize, z: usize) -> Result<(), NumberError> {
    if a == z {
        return Err(NumberError::EmptySymbolGroup { offset: a });
    }
    let bytes = t.as_bytes();
    let mut i = a;
    while i < z {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let c = char_at(t, i);
        if c.is_whitespace() {
            return Err(NumberError::SpaceInsideGroup { offset: i });
        }
        if b < 0x80 || !is_symbol_char(c) {
            return Err(NumberError::InvalidSymbolChar {
                offset: i,
                found: c,
            });
        }
        i += c.len_utf8();
    }
    Ok(())
}

/// Validates the symbol `t[a..z]`; returns its trimmed bounds and those of its first group.
fn scan_symbol(
    t: &str,
    (a, z): (usize, usize),
    warnings: &mut Vec<NumberWarning>,
) -> Result<(Span, Span), NumberError> {
    let (a, z) = trim_range(t, a, z, true, warnings);
    if a == z {
        return Err(NumberError::EmptySymbol { offset: a });
    }
    let bytes = t.as_bytes();
    let mut first = (a, a);
    let mut start = a;
    for i in a..=z {
        // Every dash variant is three bytes, led by 0xE2 or 0xEF.
        let sep = match bytes.get(i) {
            _ if i == z => Some(0),
            Some(b'-') => Some(1),
            Some(0xE2 | 0xEF) if is_dash_variant(char_at(t, i)) => {
                warnings.push(NumberWarning::DashVariant {
                    offset: i,
                    found: char_at(t, i),
                });
                Some(3)
            }
            _ => None,
        };
        if let Some(len) = sep {
            let (ga, gz) = trim_range(t, start, i, true, warnings);
            check_group(t, ga, gz)?;
            if start == a {
                first = (ga, gz);
            }
            start = i + len;
        }
    }
    Ok(((a, z), first))
}

/// The common case in one pass: canonical input (no white space, number of two or more digits
/// without extra zeros) whose symbol is ASCII letters and digits plus `Đ`/`đ`, which is NFC.
/// `None` sends the input to the full scanner, which gives the same result for these inputs and
/// also handles everything else (a property test checks the two agree).
#[inline]
fn fast_scan(t: &str) -> Option<Scan> {
    let b = t.as_bytes();
    let mut i = 0usize;
    let mut number = 0u32;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        // A tenth digit goes to the full scanner (which reports `NumberTooLarge` or accepts
        // extra leading zeros) before it is multiplied in: nine digits always fit a `u32`.
        if i == MAX_NUMBER_DIGITS {
            return None;
        }
        number = number * 10 + u32::from(c - b'0');
        i += 1;
    }
    // Two or more digits, no extra leading zero, not zero.
    let canonical_number = i == 2 || (i > 2 && b.first() != Some(&b'0'));
    if !canonical_number || number == 0 || b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    let mut year = None;
    if let Some(&[y0, y1, y2, y3, b'/']) = b.get(i..i + 5) {
        let digits = [y0, y1, y2, y3];
        if digits.iter().all(u8::is_ascii_digit) {
            let value = digits
                .iter()
                .fold(0u16, |acc, &c| acc * 10 + u16::from(c - b'0'));
            year = Some((i, value));
            i += 5;
        }
    }
    let symbol_start = i;
    let mut first_end = None;
    let mut group_start = i;
    while i < b.len() {
        match b.get(i).copied().unwrap_or(0) {
            c if c.is_ascii_alphanumeric() => i += 1,
            // Đ (U+0110) and đ (U+0111).
            0xC4 if matches!(b.get(i + 1), Some(0x90 | 0x91)) => i += 2,
            b'-' if i > group_start => {
                first_end.get_or_insert(i);
                i += 1;
                group_start = i;
            }
            _ => return None,
        }
    }
    if i == group_start {
        return None; // empty symbol or trailing '-'
    }
    let first_end = first_end.unwrap_or(i);
    let abbr = t.get(symbol_start..first_end)?;
    let doc_type = DocType::from_abbreviation(abbr, year.is_some());
    if doc_type.is_none() && DocType::from_abbreviation_folded(abbr, year.is_some()).is_some() {
        return None; // an abbreviation without its diacritics: a tolerance
    }
    Some(Scan {
        number,
        year,
        symbol: (symbol_start, b.len()),
        doc_type,
        type_len: if doc_type.is_some() { abbr.len() } else { 0 },
        proper_type: None,
    })
}

/// Scans `t[lo..hi]` (the NFC input without surrounding white space); offsets are into `t`.
fn scan(
    t: &str,
    lo: usize,
    hi: usize,
    warnings: &mut Vec<NumberWarning>,
) -> Result<Scan, NumberError> {
    let mut slashes = [0usize; 2];
    let mut n = 0usize;
    for (i, &b) in t.as_bytes().iter().enumerate().take(hi).skip(lo) {
        if b == b'/' {
            match slashes.get_mut(n) {
                Some(slot) => *slot = i,
                None => return Err(NumberError::TooManyParts { offset: i }),
            }
            n += 1;
        }
    }
    let [s1, s2] = slashes;
    let (number, year, symbol) = match n {
        0 => return Err(NumberError::MissingSlash),
        1 => (scan_number(t, (lo, s1), warnings)?, None, (s1 + 1, hi)),
        _ => {
            let number = scan_number(t, (lo, s1), warnings)?;
            let year = scan_year(t, (s1 + 1, s2), warnings)?;
            (number, Some(year), (s2 + 1, hi))
        }
    };
    let (symbol, (fa, fz)) = scan_symbol(t, symbol, warnings)?;
    let abbr = t.get(fa..fz).unwrap_or_default();
    let normative = year.is_some();
    if let Some(doc_type) = DocType::from_abbreviation(abbr, normative) {
        return Ok(Scan {
            number,
            year,
            symbol,
            doc_type: Some(doc_type),
            type_len: fz - fa,
            proper_type: None,
        });
    }
    // DOC-10.đ: an abbreviation typed without diacritics (`QD`) names its type, with a
    // warning; the canonical form writes the proper spelling.
    let folded = DocType::from_abbreviation_folded(abbr, normative)
        .and_then(|t| t.abbreviation().map(|proper| (t, proper)));
    if let Some((doc_type, _)) = folded {
        warnings.push(NumberWarning::TypeWithoutDiacritics {
            offset: fa,
            doc_type,
        });
    }
    Ok(Scan {
        number,
        year,
        symbol,
        doc_type: folded.map(|(t, _)| t),
        type_len: folded.map_or(0, |(_, proper)| proper.len()),
        proper_type: folded.map(|(_, proper)| proper),
    })
}

/// A document type as named in a number's description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocTypeView {
    /// Its abbreviation (`QĐ`), if the type has one.
    pub abbreviation: Option<&'static str>,
    /// Vietnamese name (`Quyết định`).
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
}

/// The description of a number that `egov docnum --json` and the C and Python bindings answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocNumberView<'a> {
    /// The canonical form.
    pub canonical: &'a DocNumber,
    /// The running number.
    pub number: u32,
    /// The year, when the symbol carries one.
    pub year: Option<u16>,
    /// The symbol after the slash.
    pub symbol: &'a str,
    /// The document-type abbreviation in the symbol, if any.
    pub type_abbreviation: Option<&'a str>,
    /// The document type it names (NĐ 30/2020 table), if any.
    pub doc_type: Option<DocTypeView>,
    /// The issuing body's abbreviation ([`DocNumber::issuer`]).
    pub issuer: &'a str,
    /// The drafting unit of a công văn (`VP` in `05/BNV-VP`), if any
    /// ([`DocNumber::drafting_unit`]).
    pub drafting_unit: Option<&'a str>,
    /// Findings about the number.
    pub findings: Vec<Finding>,
}

impl DocNumber {
    /// The description of this number with `findings` (see [`DocNumberView`]).
    pub fn view(&self, findings: Vec<Finding>) -> DocNumberView<'_> {
        DocNumberView {
            canonical: self,
            number: self.number(),
            year: self.year(),
            symbol: self.symbol(),
            type_abbreviation: self.type_abbreviation(),
            doc_type: self.doc_type().map(|t| DocTypeView {
                abbreviation: t.abbreviation(),
                name_vi: t.name_vi(),
                name_en: t.name_en(),
            }),
            issuer: self.issuer(),
            drafting_unit: self.drafting_unit(),
            findings,
        }
    }

    /// Parses a "số và ký hiệu", tolerating stray spaces, NFD input, a missing or extra
    /// leading zero and a type abbreviation without its diacritics (`QD` for `QĐ`), each
    /// reported as a [`NumberWarning`] (DOC-10.c, QĐ 28/2018/QĐ-TTg Đ10.2.c; form per Nghị
    /// định 30/2020/NĐ-CP Đ15 and Phụ lục I, O-05).
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
        if let Some(parts) = fast_scan(s) {
            return Ok(Parsed::clean(DocNumber::from_canonical(s, &parts)));
        }
        Self::parse_full(s)
    }

    /// Checks `s` exactly as [`DocNumber::parse`] does (same errors; tolerated deviations still
    /// pass) without building the value: canonical input is checked in one pass with no
    /// allocation. For hot paths that only need a yes or no, such as screening a batch.
    ///
    /// ```
    /// use egov_docs::number::DocNumber;
    /// assert!(DocNumber::validate("28/2018/QĐ-TTg").is_ok());
    /// assert!(DocNumber::validate("512 /SY-VPUBND").is_ok()); // tolerated, as by parse
    /// assert!(DocNumber::validate("/2021/NĐ-CP").is_err());
    /// ```
    pub fn validate(s: &str) -> Result<(), NumberError> {
        if s.len() > MAX_INPUT_LEN {
            return Err(NumberError::TooLong { len: s.len() });
        }
        if fast_scan(s).is_some() {
            return Ok(());
        }
        Self::parse_full(s).map(|_| ())
    }

    /// The full scanner (also the reference for `fast_scan`).
    fn parse_full(s: &str) -> Result<Parsed<DocNumber, NumberWarning>, NumberError> {
        let nfc: Cow<'_, str> = if below_u0300(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.nfc().collect())
        };
        let t: &str = &nfc;
        // Surrounding white space is not part of the value: trimmed without a warning.
        let mut warnings = Vec::new();
        let (mut lo, mut hi) = trim_range(t, 0, t.len(), false, &mut warnings);
        if lo == hi {
            return Err(NumberError::Empty);
        }
        if let Some((end, doc_type)) = cited_type_end(t, lo, hi) {
            warnings.push(NumberWarning::CitedTypeName {
                offset: lo,
                doc_type,
            });
            lo = end;
        } else if let Some(end) = printed_label_end(t, lo, hi) {
            warnings.push(NumberWarning::PrintedLabel { offset: lo });
            lo = end;
        }
        if let Some((end, offset, date)) = issue_date_start(t, lo, hi) {
            warnings.push(NumberWarning::IssueDateAfter { offset, date });
            hi = end;
        }
        let parts = scan(t, lo, hi, &mut warnings)?;
        let piece = |a: usize, z: usize| t.get(a..z).unwrap_or_default();
        let (sa, sz) = parts.symbol;

        if warnings.is_empty() {
            // Already canonical: one copy.
            let shifted = Scan {
                symbol: (sa - lo, sz - lo),
                ..parts
            };
            return Ok(Parsed::clean(DocNumber::from_canonical(
                piece(lo, hi),
                &shifted,
            )));
        }
        // Rebuild without the tolerated deviations.
        let mut text = String::with_capacity(hi - lo + 1);
        push_number(&mut text, parts.number);
        if let Some((ya, _)) = parts.year {
            text.push('/');
            text.push_str(piece(ya, ya + 4));
        }
        text.push('/');
        let symbol_start = text.len();
        for (k, group) in piece(sa, sz)
            .split(|c| c == '-' || is_dash_variant(c))
            .enumerate()
        {
            if k > 0 {
                text.push('-');
            }
            match parts.proper_type {
                Some(proper) if k == 0 => text.push_str(proper),
                _ => text.push_str(group.trim()),
            }
        }
        // The canonical form must read back (parse, `FromStr`, serde), so it obeys the same
        // limit as the input.
        if text.len() > MAX_INPUT_LEN {
            return Err(NumberError::CanonicalTooLong { len: text.len() });
        }
        let rebuilt = Scan {
            symbol: (symbol_start, text.len()),
            ..parts
        };
        Ok(Parsed {
            value: DocNumber::from_canonical(&text, &rebuilt),
            warnings,
        })
    }

    /// A number from canonical text and its scan (symbol bounds relative to `text`).
    fn from_canonical(text: &str, parts: &Scan) -> DocNumber {
        DocNumber {
            text: text.to_owned(),
            number: parts.number,
            year: parts.year.map(|(_, y)| y),
            symbol_start: u16::try_from(parts.symbol.0).unwrap_or(0),
            type_len: u16::try_from(parts.type_len).unwrap_or(0),
            doc_type: parts.doc_type,
        }
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

    /// True when the symbol has the công văn form issuer-unit: no type abbreviation and no
    /// year (documents with a year are legal normative documents, never công văn).
    fn is_issuer_unit_form(&self) -> bool {
        self.type_len == 0 && self.year.is_none()
    }

    /// The issuing body's abbreviation in the symbol (DOC-10.c; form per Nghị định
    /// 30/2020/NĐ-CP Phụ lục I, O-05):
    ///
    /// * after a type abbreviation, everything that follows it: `TTg` in `28/2018/QĐ-TTg`,
    ///   `UBND` in `15/QĐ-UBND`, both issuers `BTC-BNV` of a joint `TTLT-BTC-BNV`;
    /// * in a công văn (no type, no year), the first group: `BNV` in `05/BNV-VP`, whose
    ///   second group is the [drafting unit](DocNumber::drafting_unit);
    /// * in a number with a year but no type abbreviation (a law, `20/2023/QH15`), the whole
    ///   symbol.
    ///
    /// ```
    /// use egov_docs::number::DocNumber;
    /// let cv = DocNumber::parse("05/BNV-VP").unwrap().value;
    /// assert_eq!((cv.issuer(), cv.drafting_unit()), ("BNV", Some("VP")));
    /// let qd = DocNumber::parse("15/QĐ-UBND").unwrap().value;
    /// assert_eq!((qd.issuer(), qd.drafting_unit()), ("UBND", None));
    /// ```
    pub fn issuer(&self) -> &str {
        let symbol = self.symbol();
        if self.type_len > 0 {
            return symbol
                .get(usize::from(self.type_len) + 1..)
                .unwrap_or_default();
        }
        if self.is_issuer_unit_form() {
            if let Some((issuer, _)) = symbol.split_once('-') {
                return issuer;
            }
        }
        symbol
    }

    /// The drafting unit of a công văn: what follows the issuer in the symbol (`VP` in
    /// `05/BNV-VP`, `TTĐT` in `7816/VPCP-TTĐT`; Nghị định 30/2020/NĐ-CP Phụ lục I «chữ viết
    /// tắt tên đơn vị soạn thảo», O-05; DOC-10.c). `None` when the symbol has a type
    /// abbreviation or a year, or no group after the issuer (`123/UBND`).
    pub fn drafting_unit(&self) -> Option<&str> {
        if !self.is_issuer_unit_form() {
            return None;
        }
        self.symbol().split_once('-').map(|(_, unit)| unit)
    }
}

impl NumberError {
    /// The error in Vietnamese (the English text is `Display`): DOC-10.c, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.c; form per Nghị định 30/2020/NĐ-CP Phụ lục I.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
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
            E::Empty | E::TooLong { .. } | E::CanonicalTooLong { .. } | E::MissingSlash => None,
        }
    }
}

impl egov_core::Localize for NumberError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use NumberError as E;
        match *self {
            E::Empty | E::MissingSlash => egov_core::args!(),
            E::TooLong { len } | E::CanonicalTooLong { len } => {
                egov_core::args!(len = len, max = MAX_INPUT_LEN)
            }
            E::TooManyParts { offset }
            | E::EmptyNumber { offset }
            | E::ZeroNumber { offset }
            | E::InvalidYear { offset }
            | E::EmptySymbol { offset }
            | E::EmptySymbolGroup { offset }
            | E::SpaceInsideGroup { offset } => egov_core::args!(offset = offset),
            E::NotNumeric { offset, found } | E::InvalidSymbolChar { offset, found } => {
                egov_core::args!(offset = offset, found = found)
            }
            E::NumberTooLarge { offset, digits } => {
                egov_core::args!(offset = offset, digits = digits, max = MAX_NUMBER_DIGITS)
            }
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

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for DocNumber {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A document number and symbol «số và ký hiệu» such as 28/2018/QĐ-TTg."
        })
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
                v.parse().map_err(|e: NumberError| {
                    E::custom(format_args!(
                        "{} ({})",
                        egov_core::i18n::carry(&e),
                        e.code()
                    ))
                })
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

    /// A number copied with the label «Số:» printed before it on the document (NĐ 30/2020
    /// Phụ lục I) reads as the number, with a warning; a symbol that starts with «So» and a
    /// label not followed by a number are not touched.
    #[test]
    fn doc_10_number_copied_with_its_printed_label_warns() {
        for (input, offset) in [
            ("Số: 12/QĐ-UBND", 0),
            ("số 12/QĐ-UBND", 0),
            ("  SỐ:12/QĐ-UBND", 2),
            ("So. 12/QĐ-UBND", 0),
            ("Số:   07/2026/NĐ-CP", 0),
        ] {
            let p = parse(input);
            assert_eq!(
                p.warnings,
                [NumberWarning::PrintedLabel { offset }],
                "{input}"
            );
            assert_eq!(p.warnings[0].code(), "doc_number.printed_label");
            assert!(p.value.as_str().ends_with("/QĐ-UBND") || p.value.as_str() == "07/2026/NĐ-CP");
            assert_eq!(p.findings()[0].rule, "DOC-10");
        }
        assert_eq!(parse("Số: 12/QĐ-UBND").value.as_str(), "12/QĐ-UBND");
        // In NFD too.
        let nfd: String = "Số: 12/QĐ-UBND".nfd().collect();
        assert_eq!(parse(&nfd).value.as_str(), "12/QĐ-UBND");
        // Not a label: nothing removed, the usual error.
        assert!(DocNumber::parse("Số: /QĐ-UBND").is_err());
        assert!(DocNumber::parse("SoQD/12").is_err());
        assert!(DocNumber::parse("Sổ 12/QĐ-UBND").is_err());
    }

    /// A number copied from prose that cites a document: the type's name and «số» before it,
    /// the issue date after it. Both removed with a warning each; the date is kept in the
    /// warning. Anything else around the number is still an error.
    #[test]
    fn doc_10_number_cited_in_prose_warns_and_keeps_the_date() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let p = parse("Quyết định số 1234/QĐ-UBND ngày 12/3/2024");
        assert_eq!(p.value.as_str(), "1234/QĐ-UBND");
        assert_eq!(
            p.warnings,
            [
                NumberWarning::CitedTypeName {
                    offset: 0,
                    doc_type: DocType::QuyetDinh
                },
                NumberWarning::IssueDateAfter {
                    offset: 35, // bytes: «Quyết định số 1234/QĐ-UBND » has 27 characters
                    date: d(2024, 3, 12)
                }
            ]
        );
        assert_eq!(p.warnings[0].code(), "doc_number.cited_type_name");
        assert_eq!(p.warnings[1].code(), "doc_number.issue_date_after");
        let f = p.findings();
        assert!(
            f[1].message_vi.contains("đã bỏ ngày ban hành 12/03/2024"),
            "{}",
            f[1].message_vi
        );
        assert!(
            f[0].message_vi
                .contains("đã bỏ tên loại văn bản (Quyết định) và chữ «số»"),
            "{}",
            f[0].message_vi
        );
        for (input, canonical) in [
            ("Công văn số: 05/BNV-VP", "05/BNV-VP"),
            ("NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
            ("nghi dinh so 137/2024/ND-CP", "137/2024/NĐ-CP"),
            ("12/QĐ-UBND, ngày 12 tháng 3 năm 2024", "12/QĐ-UBND"),
            ("Số: 12/QĐ-UBND ngày 12/03/2024", "12/QĐ-UBND"),
            ("512 /SY-VPUBND ngay 2/10/2018", "512/SY-VPUBND"),
        ] {
            assert_eq!(parse(input).value.as_str(), canonical, "{input}");
        }
        // Not a type's name, not a date, or more after the date: refused as before.
        for bad in [
            "Văn bản mật số 12/QĐ-UBND",
            "12/QĐ-UBND ngày mai",
            "12/QĐ-UBND ngày 12/3/2024 của UBND tỉnh",
            "12/QĐ-UBND ngày 31/2/2024",
            "Quyết định 12/QĐ-UBND",
        ] {
            assert!(DocNumber::parse(bad).is_err(), "{bad}");
        }
        // A symbol group that merely starts like «ngày» is not a date.
        assert_eq!(parse("12/UBND-NGAY").value.as_str(), "12/UBND-NGAY");
    }

    /// A word processor's en dash, a non-breaking hyphen or a minus sign between symbol groups
    /// is read as the hyphen with a warning; as the last character it still leaves an empty
    /// group.
    #[test]
    fn doc_10_dash_variant_between_symbol_groups_warns() {
        for (input, canonical, dash, offset) in [
            ("12/UBND\u{2013}VP", "12/UBND-VP", '\u{2013}', 7),
            ("15/QĐ\u{2011}BNV", "15/QĐ-BNV", '\u{2011}', 6),
            ("28/2018/QĐ\u{2212}TTg", "28/2018/QĐ-TTg", '\u{2212}', 11),
            ("7816/VPCP\u{FF0D}TTĐT", "7816/VPCP-TTĐT", '\u{FF0D}', 9),
        ] {
            let p = parse(input);
            assert_eq!(p.value.as_str(), canonical, "{input}");
            assert_eq!(
                p.warnings,
                [NumberWarning::DashVariant {
                    offset,
                    found: dash
                }],
                "{input}"
            );
            assert_eq!(p.warnings[0].code(), "doc_number.dash_variant");
            let f = &p.findings()[0];
            assert_eq!(f.rule, "DOC-10");
            assert!(
                f.message_vi.contains("đã được thay bằng dấu gạch nối «-»"),
                "{}",
                f.message_vi
            );
        }
        // The type is still recognised after the dash is read as a hyphen.
        assert_eq!(
            parse("15/QĐ\u{2013}BNV").value.type_abbreviation(),
            Some("QĐ")
        );
        // Spaces around it are stray spaces, as around a hyphen.
        assert_eq!(parse("12/UBND \u{2013} VP").value.as_str(), "12/UBND-VP");
        assert!(matches!(
            DocNumber::parse("12/UBND\u{2014}"),
            Err(NumberError::EmptySymbolGroup { .. })
        ));
        // Between number and symbol it is still not a slash.
        assert!(DocNumber::parse("12\u{2013}UBND").is_err());
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
        assert_eq!(n.issuer(), "VPCP");
        assert_eq!(n.drafting_unit(), Some("TTĐT"));
        assert_eq!(n.symbol(), "VPCP-TTĐT");
        let n = parse("05/BNV-VP").value;
        assert_eq!(n.number(), 5);
        assert_eq!(n.as_str(), "05/BNV-VP");
        assert_eq!(n.doc_type(), None);
    }

    #[test]
    fn doc_10_cong_van_symbol_is_issuer_then_drafting_unit() {
        // NĐ 30/2020 Phụ lục I: a công văn's ký hiệu is «chữ viết tắt tên cơ quan, tổ chức …
        // và chữ viết tắt tên đơn vị soạn thảo».
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("05/BNV-VP", "BNV", Some("VP")),
            ("123/UBND-KT", "UBND", Some("KT")),
            ("7816/VPCP-TTĐT", "VPCP", Some("TTĐT")),
            ("1234/TCT-CS", "TCT", Some("CS")),
            ("12/BTC-TCT-CS", "BTC", Some("TCT-CS")),
            ("123/UBND", "UBND", None),
            // Documents with a type name the issuer after the type; no drafting unit.
            ("28/2018/QĐ-TTg", "TTg", None),
            ("12/2020/NĐ-CP", "CP", None),
            ("15/QĐ-UBND", "UBND", None),
            ("512/SY-VPUBND", "VPUBND", None),
            ("01/2015/TTLT-BTC-BNV", "BTC-BNV", None),
            // A law: the year form without a type abbreviation; the symbol is the issuer.
            ("20/2023/QH15", "QH15", None),
        ];
        for &(input, issuer, unit) in cases {
            for text in [
                input.to_owned(),
                input.replace('/', " / ").replace('-', " - "),
            ] {
                let n = parse(&text).value;
                assert_eq!(n.as_str(), input);
                assert_eq!(n.issuer(), issuer, "{input}");
                assert_eq!(n.drafting_unit(), unit, "{input}");
                assert_eq!(parse(n.as_str()).value, n);
                let view = serde_json::to_value(n.view(Vec::new())).unwrap();
                assert_eq!(view["issuer"], issuer);
                assert_eq!(view["drafting_unit"], serde_json::json!(unit));
            }
        }
    }

    #[test]
    fn doc_10_type_abbreviation_without_diacritics_is_recognised_with_a_warning() {
        let p = parse("28/2018/QD-TTg");
        assert_eq!(p.value.doc_type(), Some(DocType::QuyetDinhQppl));
        assert_eq!(p.value.as_str(), "28/2018/QĐ-TTg");
        assert_eq!(p.value, parse("28/2018/QĐ-TTg").value);
        assert_eq!(p.value.type_abbreviation(), Some("QĐ"));
        assert_eq!(p.value.issuer(), "TTg");
        assert_eq!(
            p.warnings,
            [NumberWarning::TypeWithoutDiacritics {
                offset: 8,
                doc_type: DocType::QuyetDinhQppl
            }]
        );
        assert_eq!(p.warnings[0].code(), "doc_number.type_without_diacritics");
        let f = &p.findings()[0];
        assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-10", Outcome::Warning));
        assert!(f.message.contains("«QĐ»"), "{}", f.message);
        assert!(f.message_vi.contains("«QĐ»"), "{}", f.message_vi);
        let cases: &[(&str, &str, DocType)] = &[
            ("12/2020/ND-CP", "12/2020/NĐ-CP", DocType::NghiDinh),
            ("15/QD-UBND", "15/QĐ-UBND", DocType::QuyetDinh),
            ("05/CD-UBND", "05/CĐ-UBND", DocType::CongDien),
            ("10/QyD-UBND", "10/QyĐ-UBND", DocType::QuyDinh),
            // Ð (U+00D0, Icelandic eth) is the usual stand-in for Đ after a code-page mix-up.
            ("15/QÐ-UBND", "15/QĐ-UBND", DocType::QuyetDinh),
            ("5 / QD - BNV", "05/QĐ-BNV", DocType::QuyetDinh),
        ];
        for &(input, canonical, doc_type) in cases {
            let p = parse(input);
            assert_eq!(p.value.as_str(), canonical, "{input}");
            assert_eq!(p.value.doc_type(), Some(doc_type), "{input}");
            assert!(
                p.warnings.iter().any(|w| matches!(
                    w,
                    NumberWarning::TypeWithoutDiacritics { doc_type: t, .. } if *t == doc_type
                )),
                "{input}: {:?}",
                p.warnings
            );
            assert!(parse(canonical).is_clean(), "{canonical}");
            assert_eq!(DocNumber::validate(input), Ok(()));
        }
        // An exact abbreviation wins: HD is Hướng dẫn and DA is Dự án, not HĐ or ĐA.
        assert_eq!(parse("05/HD-BNV").value.doc_type(), Some(DocType::HuongDan));
        assert!(parse("05/HD-BNV").is_clean());
        assert_eq!(parse("05/DA-BNV").value.doc_type(), Some(DocType::DuAn));
        // Case is not folded: qd is no type, and công văn issuers stay issuers.
        assert_eq!(parse("15/qd-UBND").value.doc_type(), None);
        assert_eq!(parse("123/UBND-KT").value.doc_type(), None);
        assert!(parse("123/UBND-KT").is_clean());
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
    fn doc_10_canonical_form_is_never_longer_than_the_limit() {
        // 256 bytes of input whose canonical form gains a leading zero (257 bytes): the
        // canonical form would be refused when parsed or deserialized again, so the first
        // parse refuses it, with its own code.
        let long = "1/".to_owned() + &"A".repeat(254);
        assert_eq!(long.len(), MAX_INPUT_LEN);
        let e = DocNumber::parse(&long).unwrap_err();
        assert_eq!(e, NumberError::CanonicalTooLong { len: 257 });
        assert_eq!(e.code(), "doc_number.canonical_too_long");
        assert_eq!(DocNumber::validate(&long), Err(e));
        // One byte shorter: the canonical form is exactly at the limit and round-trips.
        let fits = "1/".to_owned() + &"A".repeat(253);
        let p = parse(&fits);
        assert_eq!(p.value.as_str().len(), MAX_INPUT_LEN);
        assert_eq!(parse(p.value.as_str()).value, p.value);
        let json = serde_json::to_string(&p.value).unwrap();
        assert_eq!(serde_json::from_str::<DocNumber>(&json).unwrap(), p.value);
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
        fn validate_agrees_with_parse(s in prop_oneof![canonical(), ".{0,30}", "[0-9 /A-ZĐa-z-]{0,24}"]) {
            prop_assert_eq!(DocNumber::validate(&s), DocNumber::parse(&s).map(|_| ()));
        }

        #[test]
        fn round_trip(s in canonical()) {
            let p = DocNumber::parse(&s).unwrap();
            // A generated group that is a type abbreviation typed without diacritics (`QD`) is
            // recognised with a warning and written properly (DOC-10): not a round trip.
            prop_assume!(!p.warnings.iter().any(|w| w.code() == "doc_number.type_without_diacritics"));
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
            // The symbol is [type-]issuer[-drafting unit].
            // (A symbol that is only a type abbreviation, `01/TB`, has an empty issuer.)
            let rebuilt: Vec<&str> = v.type_abbreviation().into_iter()
                .chain(Some(v.issuer()).filter(|i| !i.is_empty()))
                .chain(v.drafting_unit())
                .collect();
            prop_assert_eq!(rebuilt.join("-"), v.symbol());
            prop_assert!(v.drafting_unit().is_none() || (v.year().is_none() && v.doc_type().is_none()));
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

        /// Every string that parses has a canonical form that parses cleanly to an equal
        /// value and survives serde (DOC-10.c).
        #[test]
        fn doc_10_canonical_form_round_trips(s in prop_oneof![
            canonical(),
            "\\PC{0,60}",
            "[0-9 ]{1,12}/([0-9]{4}/)?[A-Za-zĐđ0-9\\- ]{1,20}",
            // Near the length limit, where a leading zero or a restored «Đ» could push the
            // canonical form past it.
            ("[0-9]{1,11}", "[A-Z]{240,260}").prop_map(|(n, a)| format!("{n}/{a}")),
            ("[1-9]", 0usize..4, "[A-Z]").prop_map(|(n, short, a)| {
                format!("{n}/{}", a.repeat(MAX_INPUT_LEN - 2 - short))
            }),
            ("[1-9]{1,2}", 0usize..4, "(QD|ND|QyD|CD)").prop_map(|(n, short, t)| {
                let head = format!("{n}/2018/{t}-");
                format!("{head}{}", "B".repeat(MAX_INPUT_LEN - head.len() - short))
            }),
        ]) {
            if let Ok(p) = DocNumber::parse(&s) {
                let canonical = p.value.to_string();
                prop_assert!(canonical.len() <= MAX_INPUT_LEN);
                let again = DocNumber::parse(&canonical);
                prop_assert!(again.is_ok(), "{:?} → {:?}: {:?}", s, canonical, again);
                let again = again.unwrap();
                prop_assert!(again.is_clean(), "{:?}: {:?}", canonical, again.warnings);
                prop_assert_eq!(&again.value, &p.value);
                prop_assert_eq!(DocNumber::validate(&canonical), Ok(()));
                let json = serde_json::to_string(&p.value).unwrap();
                prop_assert_eq!(serde_json::from_str::<DocNumber>(&json).unwrap(), p.value);
            }
        }

        #[test]
        fn fast_path_agrees_with_full_scanner(s in canonical()) {
            prop_assert_eq!(DocNumber::parse(&s), DocNumber::parse_full(&s));
        }

        #[test]
        fn fast_path_agrees_on_near_misses(s in "[0-9]{0,4}(/[0-9]{2,5})?/[A-Za-zĐđ0-9\\- ]{0,10}") {
            prop_assert_eq!(DocNumber::parse(&s), DocNumber::parse_full(&s));
        }

        #[test]
        fn separator_soup_never_panics(s in "[0-9/ \\-ĐA-Za-z\u{0300}\u{0301}]{0,30}") {
            let _ = DocNumber::parse(&s);
        }
    }
}
