//! The agency identifier, «mã định danh cơ quan, tổ chức» (rules DOC-01…03, A-01).
//!
//! QĐ 28/2018/QĐ-TTg Đ10.2.a gives each participating body one code of «13 ký tự, chia thành
//! bốn nhóm mã, các nhóm mã phân tách bởi dấu chấm», with a level-1 code for ministries and
//! provinces and level-2…4 codes for the units under them. It says nothing more.
//!
//! **Outside knowledge (O-04): QCVN 102:2016/BTTTT.** The layout every real system uses comes
//! from the national technical regulation QCVN 102:2016/BTTTT, not from the seed:
//! `NNN.NN.NN.XNN` = 3 + 2 + 2 + 3 characters and 3 dots (13 characters *including* the dots),
//! **level 1 on the right** (`XNN`: an uppercase letter and two digits, `G` for central bodies,
//! `H` for provinces), then level 2, 3 and 4 leftwards, unused levels zero-filled:
//!
//! | code | level | meaning |
//! |---|---|---|
//! | `000.00.00.G12` | 1 | Bộ Tài chính |
//! | `000.00.18.G12` | 2 | Tổng cục Thuế, under G12 |
//!
//! Two parsing profiles ([`AgencyProfile`]):
//!
//! * **Strict** (default): exactly the QCVN 102:2016 layout, `^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$`.
//! * **Lenient**: what the seed alone requires (A-01): four dot-separated, non-empty ASCII
//!   alphanumeric groups totalling 13 characters with the dots. Surrounding white space is
//!   trimmed and lowercase letters are uppercased; every such tolerance is reported as an
//!   [`AgencyTolerance`], as is a layout that is not QCVN 102's.
//!
//! **Hierarchy gaps** (a zero group under a non-zero deeper group, e.g. `001.00.05.G12`:
//! level 4 `001` set while level 3 is `00`). The seed is silent. Real codes have them
//! (`002.00.20.H13` in a public gateway sample), so by default a gap is **accepted** and
//! reported by [`AgencyCode::hierarchy_gap`] and as a `Warning` finding of
//! [`AgencyCode::check`]; [`GapPolicy::Reject`] turns it into an error. With a gap, `level()`
//! is still the deepest non-zero group and `parent()` zeroes that group, so the parent of
//! `001.00.05.G12` is `000.00.05.G12` (level 2).
//!
//! Parsing works on bytes with no allocation; [`AgencyCode`] is 13 bytes and `Copy`.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::parsed::{Parsed, Tolerance};

/// Length of an agency code in characters, the three dots included (A-01).
pub const AGENCY_CODE_LEN: usize = 13;

/// Group lengths of the QCVN 102:2016 layout, in written order (level 4 first).
const QCVN_LENGTHS: [usize; 4] = [3, 2, 2, 3];

/// Dot positions of the QCVN 102:2016 layout.
const QCVN_DOTS: [usize; 3] = [3, 6, 9];

/// The basis of DOC-01…03: QĐ 28/2018/QĐ-TTg Đ10.2.a.
fn basis_d10_2_a() -> LegalRef {
    LegalRef::point(Instrument::Qd28_2018, 10, 2, "a")
}

/// The group written at index `i` (0 = leftmost) holds level `4 - i`.
const fn level_of_index(i: usize) -> u8 {
    (4 - i) as u8
}

/// Which syntax an agency code must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencySyntax {
    /// QCVN 102:2016/BTTTT layout `NNN.NN.NN.XNN` (outside knowledge, O-04). The default.
    #[default]
    Strict,
    /// Seed-only reading of QĐ 28/2018 Đ10.2.a (A-01): 4 dot-separated non-empty ASCII
    /// alphanumeric groups totalling 13 characters; trims white space and uppercases.
    Lenient,
}

/// What to do with a hierarchy gap (a zero group under a non-zero deeper group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GapPolicy {
    /// Accept the code; [`AgencyCode::check`] reports the gap as a warning. The default: the
    /// seed is silent and real codes have gaps (SDK default, REQUIREMENTS §7 A-01).
    #[default]
    Allow,
    /// Reject the code with [`AgencyError::HierarchyGap`].
    Reject,
}

/// A parsing profile for agency codes: syntax and gap policy.
///
/// ```
/// use egov_docs::agency::{AgencyCode, AgencyProfile, AgencyTolerance};
/// let p = AgencyCode::parse_with(" 000.00.18.g12 ", AgencyProfile::LENIENT).unwrap();
/// assert_eq!(p.value.as_str(), "000.00.18.G12");
/// assert!(matches!(p.warnings[0], AgencyTolerance::TrimmedWhitespace { .. }));
/// assert!(matches!(p.warnings[1], AgencyTolerance::Uppercased { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgencyProfile {
    /// The syntax.
    pub syntax: AgencySyntax,
    /// The gap policy.
    pub gaps: GapPolicy,
}

impl AgencyProfile {
    /// QCVN 102:2016 layout, gaps allowed (the default).
    pub const STRICT: AgencyProfile = AgencyProfile {
        syntax: AgencySyntax::Strict,
        gaps: GapPolicy::Allow,
    };
    /// Seed-only reading (A-01), gaps allowed.
    pub const LENIENT: AgencyProfile = AgencyProfile {
        syntax: AgencySyntax::Lenient,
        gaps: GapPolicy::Allow,
    };

    /// This profile with another gap policy.
    pub const fn with_gaps(self, gaps: GapPolicy) -> AgencyProfile {
        AgencyProfile {
            syntax: self.syntax,
            gaps,
        }
    }
}

/// Why a string is not an agency code. Offsets are byte offsets into the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AgencyError {
    /// The input is empty (or only white space).
    #[error("empty agency code")]
    Empty,
    /// The strict profile does not trim surrounding white space.
    #[error("agency code has white space at byte {offset}; the strict profile does not trim (use the lenient profile)")]
    Whitespace {
        /// Offset of the first surrounding white-space character.
        offset: usize,
    },
    /// A character that is neither an ASCII letter, an ASCII digit nor a dot.
    #[error("agency code contains {found:?} at byte {offset}; only ASCII letters, digits and '.' are allowed")]
    InvalidChar {
        /// Offset of the character.
        offset: usize,
        /// The character.
        found: char,
    },
    /// Not four dot-separated groups (DOC-02: «chia thành bốn nhóm mã»).
    #[error("agency code must have 4 dot-separated groups and 13 characters (e.g. 000.00.18.G12); found {groups} group(s) in {len} characters")]
    GroupCount {
        /// Number of groups found.
        groups: usize,
        /// Length of the input in characters.
        len: usize,
    },
    /// A group between two dots (or at an end) is empty.
    #[error("level-{level} group at byte {offset} is empty")]
    EmptyGroup {
        /// Level of the group (1 = rightmost).
        level: u8,
        /// Offset where the group should start.
        offset: usize,
    },
    /// A group does not have its QCVN 102:2016 length (3, 2, 2, 3).
    #[error("level-{level} group at byte {offset} has {found} characters; QCVN 102:2016 (NNN.NN.NN.XNN) expects {expected}")]
    GroupLength {
        /// Level of the group (1 = rightmost).
        level: u8,
        /// Offset of the group.
        offset: usize,
        /// Its length.
        found: usize,
        /// The QCVN 102:2016 length.
        expected: usize,
    },
    /// Four groups, but not 13 characters in total (DOC-02: «có 13 ký tự»).
    #[error("agency code has {len} characters; 13 are required, the 3 dots included")]
    Length {
        /// Length of the (trimmed) input in characters.
        len: usize,
    },
    /// A digit was expected (levels 2–4, and the last two characters of level 1).
    #[error("level-{level} group: expected a digit at byte {offset}, found {found:?}")]
    ExpectedDigit {
        /// Level of the group.
        level: u8,
        /// Offset of the character.
        offset: usize,
        /// The character.
        found: char,
    },
    /// The level-1 group does not start with an uppercase letter.
    #[error("level-1 group must start with an uppercase letter A-Z (QCVN 102:2016 XNN), found {found:?} at byte {offset}")]
    Level1Letter {
        /// Offset of the character.
        offset: usize,
        /// The character.
        found: char,
    },
    /// A zero group under a non-zero deeper group, rejected by [`GapPolicy::Reject`].
    #[error("hierarchy gap: the level-{level} group at byte {offset} is zero while a deeper level is set")]
    HierarchyGap {
        /// The (zero) level with the gap.
        level: u8,
        /// Offset of that group.
        offset: usize,
    },
}

impl AgencyError {
    /// The error in Vietnamese (the English text is `Display`): DOC-02, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.a; layout QCVN 102:2016/BTTTT (O-04).
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }

    /// The byte offset the error points at, if it points at one.
    pub fn offset(&self) -> Option<usize> {
        match *self {
            AgencyError::Whitespace { offset }
            | AgencyError::InvalidChar { offset, .. }
            | AgencyError::EmptyGroup { offset, .. }
            | AgencyError::GroupLength { offset, .. }
            | AgencyError::ExpectedDigit { offset, .. }
            | AgencyError::Level1Letter { offset, .. }
            | AgencyError::HierarchyGap { offset, .. } => Some(offset),
            AgencyError::Empty | AgencyError::GroupCount { .. } | AgencyError::Length { .. } => {
                None
            }
        }
    }

    /// The level of the group the error is about, if it is about one group.
    pub fn level(&self) -> Option<u8> {
        match *self {
            AgencyError::EmptyGroup { level, .. }
            | AgencyError::GroupLength { level, .. }
            | AgencyError::ExpectedDigit { level, .. }
            | AgencyError::HierarchyGap { level, .. } => Some(level),
            AgencyError::Level1Letter { .. } => Some(1),
            _ => None,
        }
    }
}

impl egov_core::Localize for AgencyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use AgencyError as E;
        match *self {
            E::Empty => egov_core::args!(),
            E::Whitespace { offset }
            | E::HierarchyGap { offset, .. }
            | E::EmptyGroup { offset, .. } => {
                let level = match *self {
                    E::HierarchyGap { level, .. } | E::EmptyGroup { level, .. } => level,
                    _ => 0,
                };
                egov_core::args!(offset = offset, level = level)
            }
            E::InvalidChar { offset, found } | E::Level1Letter { offset, found } => {
                egov_core::args!(offset = offset, found = found)
            }
            E::GroupCount { groups, len } => egov_core::args!(groups = groups, len = len),
            E::GroupLength {
                level,
                offset,
                found,
                expected,
            } => egov_core::args!(
                level = level,
                offset = offset,
                found = found,
                expected = expected
            ),
            E::Length { len } => egov_core::args!(len = len),
            E::ExpectedDigit {
                level,
                offset,
                found,
            } => {
                egov_core::args!(level = level, offset = offset, found = found)
            }
        }
    }
}

impl ErrorCode for AgencyError {
    fn code(&self) -> &'static str {
        match self {
            AgencyError::Empty => "agency_code.empty",
            AgencyError::Whitespace { .. } => "agency_code.whitespace",
            AgencyError::InvalidChar { .. } => "agency_code.invalid_char",
            AgencyError::GroupCount { .. } => "agency_code.group_count",
            AgencyError::EmptyGroup { .. } => "agency_code.empty_group",
            AgencyError::GroupLength { .. } => "agency_code.group_length",
            AgencyError::Length { .. } => "agency_code.length",
            AgencyError::ExpectedDigit { .. } => "agency_code.expected_digit",
            AgencyError::Level1Letter { .. } => "agency_code.level1_letter",
            AgencyError::HierarchyGap { .. } => "agency_code.hierarchy_gap",
        }
    }
}

/// What the lenient profile tolerated. Offsets are byte offsets into the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyTolerance {
    /// Surrounding white space was trimmed.
    TrimmedWhitespace {
        /// Bytes trimmed at the start.
        leading: usize,
        /// Bytes trimmed at the end.
        trailing: usize,
    },
    /// Lowercase letters were uppercased.
    Uppercased {
        /// How many letters.
        count: usize,
        /// Offset of the first one.
        offset: usize,
    },
    /// The code is not in the QCVN 102:2016 layout `NNN.NN.NN.XNN` (only the seed's
    /// "13 characters, four groups" holds).
    NonQcvnLayout {
        /// Level of the first group that departs from the layout.
        level: u8,
        /// Offset of the first offending character or group.
        offset: usize,
    },
}

impl Tolerance for AgencyTolerance {
    fn code(&self) -> &'static str {
        match self {
            AgencyTolerance::TrimmedWhitespace { .. } => "agency_code.trimmed_whitespace",
            AgencyTolerance::Uppercased { .. } => "agency_code.uppercased",
            AgencyTolerance::NonQcvnLayout { .. } => "agency_code.non_qcvn_layout",
        }
    }

    /// DOC-02 (QĐ 28/2018/QĐ-TTg Đ10.2.a; layout QCVN 102:2016, outside knowledge O-04).
    fn finding(&self) -> Finding {
        let (basis, en, vi) = match *self {
            AgencyTolerance::TrimmedWhitespace { leading, trailing } => (
                basis_d10_2_a(),
                format!("white space around the agency code was trimmed ({leading} byte(s) before, {trailing} after)"),
                format!("đã bỏ khoảng trắng quanh mã định danh ({leading} byte trước, {trailing} byte sau)"),
            ),
            AgencyTolerance::Uppercased { count, offset } => (
                LegalRef::instrument(Instrument::Qcvn102_2016),
                format!("{count} lowercase letter(s) in the agency code were uppercased (first at byte {offset})"),
                format!("đã chuyển {count} chữ thường trong mã định danh thành chữ hoa (đầu tiên ở byte {offset})"),
            ),
            AgencyTolerance::NonQcvnLayout { level, offset } => (
                LegalRef::instrument(Instrument::Qcvn102_2016),
                format!("the agency code has 13 characters in four groups but its level-{level} group (byte {offset}) does not follow the QCVN 102:2016 layout NNN.NN.NN.XNN"),
                format!("mã định danh có 13 ký tự, bốn nhóm nhưng nhóm cấp {level} (byte {offset}) không theo cấu trúc NNN.NN.NN.XNN của QCVN 102:2016"),
            ),
        };
        Finding::new("DOC-02", basis, Outcome::Warning, en, vi).with_field("agency_code")
    }
}

/// An agency code («mã định danh cơ quan, tổ chức»), rules DOC-01…03.
///
/// Stored as its 13 ASCII bytes (canonical form: trimmed, uppercase); `Copy`. `FromStr` uses
/// the strict profile; serde uses the string form and accepts exactly what `Display` prints
/// (see [`AgencyCode::parse_exact`]).
///
/// ```
/// use egov_docs::agency::AgencyCode;
/// let tct: AgencyCode = "000.00.18.G12".parse().unwrap();
/// assert_eq!(tct.level(), 2);
/// assert_eq!(tct.parent().unwrap().as_str(), "000.00.00.G12");
/// assert_eq!(tct.root().as_str(), "000.00.00.G12");
/// assert!(tct.root().is_ancestor_of(&tct));
/// assert_eq!(tct.groups(), ["000", "00", "18", "G12"]);
///
/// let err = AgencyCode::parse("000.00.00.g22").unwrap_err();
/// assert_eq!(err.to_string(), "level-1 group must start with an uppercase letter A-Z (QCVN 102:2016 XNN), found 'g' at byte 10");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgencyCode([u8; AGENCY_CODE_LEN]);

/// The QCVN 102:2016 fast path: the code, if `b` is exactly `NNN.NN.NN.XNN`.
#[inline]
fn qcvn_bytes(b: &[u8]) -> Option<[u8; AGENCY_CODE_LEN]> {
    let a: [u8; AGENCY_CODE_LEN] = b.try_into().ok()?;
    let d = |x: u8| x.is_ascii_digit();
    let ok = d(a[0])
        & d(a[1])
        & d(a[2])
        & (a[3] == b'.')
        & d(a[4])
        & d(a[5])
        & (a[6] == b'.')
        & d(a[7])
        & d(a[8])
        & (a[9] == b'.')
        & a[10].is_ascii_uppercase()
        & d(a[11])
        & d(a[12]);
    ok.then_some(a)
}

/// The character at byte `offset` of `s`, for error messages.
#[cold]
fn char_at(s: &str, offset: usize) -> char {
    s.get(offset..)
        .and_then(|t| t.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Splits `s` into four non-empty ASCII-alphanumeric groups; returns the dot positions.
/// `base` is added to every reported offset. Works on bytes.
fn split_groups(s: &str, base: usize) -> Result<[usize; 3], AgencyError> {
    let mut dots = [0usize; 3];
    let mut n = 0usize;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b'.' {
            if let Some(slot) = dots.get_mut(n) {
                *slot = i;
            }
            n += 1;
        } else if !b.is_ascii_alphanumeric() {
            return Err(AgencyError::InvalidChar {
                offset: base + i,
                found: char_at(s, i),
            });
        }
    }
    // Every byte is ASCII here, so bytes are characters.
    if n != 3 {
        return Err(AgencyError::GroupCount {
            groups: n + 1,
            len: s.len(),
        });
    }
    for (i, r) in group_ranges(dots, s.len()).into_iter().enumerate() {
        if r.is_empty() {
            return Err(AgencyError::EmptyGroup {
                level: level_of_index(i),
                offset: base + r.start,
            });
        }
    }
    Ok(dots)
}

/// Byte ranges of the four groups, in written order.
fn group_ranges(dots: [usize; 3], len: usize) -> [Range<usize>; 4] {
    let [a, b, c] = dots;
    [0..a, a + 1..b, b + 1..c, c + 1..len]
}

/// Checks the QCVN 102:2016 layout on four already-split groups and reports the first
/// departure, left to right (lengths first, then character classes).
fn check_qcvn(b: &[u8], dots: [usize; 3], base: usize) -> Result<(), AgencyError> {
    let ranges = group_ranges(dots, b.len());
    for (i, (r, expected)) in ranges.iter().zip(QCVN_LENGTHS).enumerate() {
        if r.len() != expected {
            return Err(AgencyError::GroupLength {
                level: level_of_index(i),
                offset: base + r.start,
                found: r.len(),
                expected,
            });
        }
    }
    for (i, r) in ranges.into_iter().enumerate() {
        let level = level_of_index(i);
        for pos in r.clone() {
            let byte = b.get(pos).copied().unwrap_or(0);
            if level == 1 && pos == r.start {
                if !byte.is_ascii_uppercase() {
                    return Err(AgencyError::Level1Letter {
                        offset: base + pos,
                        found: char::from(byte),
                    });
                }
            } else if !byte.is_ascii_digit() {
                return Err(AgencyError::ExpectedDigit {
                    level,
                    offset: base + pos,
                    found: char::from(byte),
                });
            }
        }
    }
    Ok(())
}

/// Full strict diagnosis, run only when the fast path failed.
#[cold]
fn strict_slow(s: &str) -> Result<[u8; AGENCY_CODE_LEN], AgencyError> {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return Err(AgencyError::Empty);
    };
    // Only look for (possibly Unicode) white space when an end byte could start or end one.
    let maybe_space = |x: u8| x.is_ascii_whitespace() || x >= 0x80;
    if maybe_space(first) || maybe_space(last) {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(AgencyError::Empty);
        }
        if trimmed.len() != s.len() {
            let offset = if s.starts_with(trimmed) {
                trimmed.len()
            } else {
                0
            };
            return Err(AgencyError::Whitespace { offset });
        }
    }
    let dots = split_groups(s, 0)?;
    check_qcvn(b, dots, 0)?;
    // Unreachable: a string passing both checks also passes the fast path.
    qcvn_bytes(b).ok_or(AgencyError::Length { len: s.len() })
}

/// The description of a code that `egov code --json` and the C and Python bindings answer: the
/// code, its hierarchy and the findings about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgencyCodeView<'a> {
    /// The code.
    pub code: AgencyCode,
    /// Its level (1–4).
    pub level: u8,
    /// The parent code, `None` at level 1.
    pub parent: Option<AgencyCode>,
    /// The level-1 code it belongs to.
    pub root: AgencyCode,
    /// The four groups as written, level 4 first.
    pub groups: [&'a str; 4],
    /// Findings about the code (format, hierarchy gaps, registry).
    pub findings: Vec<Finding>,
}

impl AgencyCode {
    /// The description of this code with `findings` (see [`AgencyCodeView`]).
    pub fn view(&self, findings: Vec<Finding>) -> AgencyCodeView<'_> {
        AgencyCodeView {
            code: *self,
            level: self.level(),
            parent: self.parent(),
            root: self.root(),
            groups: self.groups(),
            findings,
        }
    }

    /// Parses `s` with the strict QCVN 102:2016 profile (DOC-02, QĐ 28/2018/QĐ-TTg Đ10.2.a;
    /// layout from QCVN 102:2016/BTTTT, outside knowledge O-04). No trimming, no case folding,
    /// gaps allowed. Allocation-free.
    ///
    /// ```
    /// use egov_docs::agency::{AgencyCode, AgencyError};
    /// use egov_core::ErrorCode;
    /// assert!(AgencyCode::parse("000.00.00.G22").is_ok());
    /// let e = AgencyCode::parse("28.22.H17").unwrap_err();
    /// assert_eq!(e, AgencyError::GroupCount { groups: 3, len: 9 });
    /// assert_eq!(e.code(), "agency_code.group_count");
    /// ```
    #[inline]
    pub fn parse(s: &str) -> Result<AgencyCode, AgencyError> {
        match qcvn_bytes(s.as_bytes()) {
            Some(bytes) => Ok(AgencyCode(bytes)),
            None => strict_slow(s).map(AgencyCode),
        }
    }

    /// Parses `s` with a profile, returning the code and what was tolerated
    /// (DOC-02, QĐ 28/2018/QĐ-TTg Đ10.2.a; A-01 profiles).
    ///
    /// ```
    /// use egov_docs::agency::{AgencyCode, AgencyProfile, GapPolicy};
    /// let p = AgencyCode::parse_with("001.00.20.TT2", AgencyProfile::LENIENT).unwrap();
    /// assert!(!p.value.is_qcvn_layout());
    /// let reject = AgencyProfile::STRICT.with_gaps(GapPolicy::Reject);
    /// assert!(AgencyCode::parse_with("001.00.05.G12", reject).is_err());
    /// ```
    pub fn parse_with(
        s: &str,
        profile: AgencyProfile,
    ) -> Result<Parsed<AgencyCode, AgencyTolerance>, AgencyError> {
        let (code, base, warnings) = match profile.syntax {
            AgencySyntax::Strict => (AgencyCode::parse(s)?, 0, Vec::new()),
            AgencySyntax::Lenient => Self::lenient(s)?,
        };
        if profile.gaps == GapPolicy::Reject {
            if let Some(level) = code.hierarchy_gap() {
                let offset = base + code.group_range(level).map_or(0, |r| r.start);
                return Err(AgencyError::HierarchyGap { level, offset });
            }
        }
        Ok(Parsed {
            value: code,
            warnings,
        })
    }

    fn lenient(s: &str) -> Result<(AgencyCode, usize, Vec<AgencyTolerance>), AgencyError> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(AgencyError::Empty);
        }
        let leading = s.len() - s.trim_start().len();
        let trailing = s.len() - s.trim_end().len();
        let mut warnings = Vec::new();
        if leading + trailing > 0 {
            warnings.push(AgencyTolerance::TrimmedWhitespace { leading, trailing });
        }
        let dots = split_groups(trimmed, leading)?;
        let mut bytes: [u8; AGENCY_CODE_LEN] = trimmed
            .as_bytes()
            .try_into()
            .map_err(|_| AgencyError::Length { len: trimmed.len() })?;
        let mut count = 0usize;
        let mut first = 0usize;
        for (i, b) in bytes.iter_mut().enumerate() {
            if b.is_ascii_lowercase() {
                if count == 0 {
                    first = leading + i;
                }
                count += 1;
                b.make_ascii_uppercase();
            }
        }
        if count > 0 {
            warnings.push(AgencyTolerance::Uppercased {
                count,
                offset: first,
            });
        }
        if let Err(e) = check_qcvn(&bytes, dots, leading) {
            warnings.push(AgencyTolerance::NonQcvnLayout {
                level: e.level().unwrap_or(1),
                offset: e.offset().unwrap_or(leading),
            });
        }
        Ok((AgencyCode(bytes), leading, warnings))
    }

    /// Parses exactly the `Display` form of any `AgencyCode` (DOC-02, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.a): a strict code, or a lenient code that is already trimmed and uppercase. Used by serde and by registry files, so that every
    /// value the SDK emits can be read back. On failure, returns the strict error.
    pub fn parse_exact(s: &str) -> Result<AgencyCode, AgencyError> {
        match AgencyCode::parse(s) {
            Ok(code) => Ok(code),
            Err(strict) => match AgencyCode::parse_with(s, AgencyProfile::LENIENT) {
                Ok(p)
                    if p.warnings
                        .iter()
                        .all(|w| matches!(w, AgencyTolerance::NonQcvnLayout { .. })) =>
                {
                    Ok(p.value)
                }
                _ => Err(strict),
            },
        }
    }

    /// The code as a string (13 ASCII characters).
    pub fn as_str(&self) -> &str {
        // Always ASCII: built only from validated bytes.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The 13 bytes.
    pub fn as_bytes(&self) -> &[u8; AGENCY_CODE_LEN] {
        &self.0
    }

    fn dots(&self) -> [usize; 3] {
        if self.0[3] == b'.' && self.0[6] == b'.' && self.0[9] == b'.' {
            return QCVN_DOTS;
        }
        let mut dots = [0usize; 3];
        let mut n = 0;
        for (i, &b) in self.0.iter().enumerate() {
            if b == b'.' {
                if let Some(slot) = dots.get_mut(n) {
                    *slot = i;
                }
                n += 1;
            }
        }
        dots
    }

    fn group_range(&self, level: u8) -> Option<Range<usize>> {
        let index = 4usize.checked_sub(usize::from(level))?;
        let [a, b, c] = self.dots();
        match index {
            0 => Some(0..a),
            1 => Some(a + 1..b),
            2 => Some(b + 1..c),
            3 => Some(c + 1..AGENCY_CODE_LEN),
            _ => None,
        }
    }

    /// The four groups as written, left to right (level 4, 3, 2, 1).
    pub fn groups(&self) -> [&str; 4] {
        let s = self.as_str();
        group_ranges(self.dots(), AGENCY_CODE_LEN).map(|r| s.get(r).unwrap_or_default())
    }

    /// The group of a level (1 = rightmost … 4 = leftmost); `None` outside 1..=4.
    pub fn group(&self, level: u8) -> Option<&str> {
        if !(1..=4).contains(&level) {
            return None;
        }
        self.as_str().get(self.group_range(level)?)
    }

    fn is_zero(&self, level: u8) -> bool {
        self.group_range(level)
            .and_then(|r| self.0.get(r))
            .is_some_and(|g| g.iter().all(|&b| b == b'0'))
    }

    fn with_zeroed(&self, level: u8) -> AgencyCode {
        let mut bytes = self.0;
        if let Some(r) = self.group_range(level) {
            for pos in r {
                if let Some(b) = bytes.get_mut(pos) {
                    *b = b'0';
                }
            }
        }
        AgencyCode(bytes)
    }

    /// The level of the unit: the deepest non-zero group, 1..=4 (DOC-03, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.a «Mã cấp 1 … Mã cấp 2, cấp 3, cấp 4»; zero-filling per QCVN 102:2016, O-04).
    pub fn level(&self) -> u8 {
        if let [l4a, l4b, l4c, b'.', l3a, l3b, b'.', l2a, l2b, b'.', ..] = self.0 {
            // QCVN 102:2016 layout (the common case): compare bytes directly.
            return if [l4a, l4b, l4c] != *b"000" {
                4
            } else if [l3a, l3b] != *b"00" {
                3
            } else if [l2a, l2b] != *b"00" {
                2
            } else {
                1
            };
        }
        (2..=4u8).rev().find(|&l| !self.is_zero(l)).unwrap_or(1)
    }

    /// The code of the unit directly above: the deepest non-zero group set to zeros; `None` at
    /// level 1 (DOC-03, QĐ 28/2018/QĐ-TTg Đ10.2.a).
    pub fn parent(&self) -> Option<AgencyCode> {
        match self.level() {
            1 => None,
            level => Some(self.with_zeroed(level)),
        }
    }

    /// The level-1 code this unit belongs to (levels 2–4 zeroed) (DOC-03, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.a).
    pub fn root(&self) -> AgencyCode {
        self.with_zeroed(2).with_zeroed(3).with_zeroed(4)
    }

    /// True for a level-1 code.
    pub fn is_root(&self) -> bool {
        self.level() == 1
    }

    /// True when `self` is a strict ancestor of `other`: reachable by repeated
    /// [`parent`](Self::parent) (DOC-03, QĐ 28/2018/QĐ-TTg Đ10.2.a «thuộc, trực thuộc»).
    pub fn is_ancestor_of(&self, other: &AgencyCode) -> bool {
        let mut current = other.parent();
        while let Some(p) = current {
            if p == *self {
                return true;
            }
            current = p.parent();
        }
        false
    }

    /// The first zero level above the code's own level, if any: `Some(3)` for `001.00.05.G12`
    /// (level 4 set, level 3 zero), `None` for `000.00.18.G12`. See the module docs for the
    /// policy (DOC-03, SDK default under A-01).
    pub fn hierarchy_gap(&self) -> Option<u8> {
        (1..self.level()).find(|&l| self.is_zero(l))
    }

    /// True when the code follows the QCVN 102:2016 layout `NNN.NN.NN.XNN` (O-04).
    pub fn is_qcvn_layout(&self) -> bool {
        qcvn_bytes(&self.0).is_some()
    }

    /// Findings on the code itself: the QCVN 102:2016 layout (DOC-02, `Pass` or `Warning` for
    /// a lenient code) and the hierarchy (DOC-03, `Pass` or `Warning` for a gap). Both cite
    /// QĐ 28/2018/QĐ-TTg Đ10.2.a or QCVN 102:2016.
    pub fn check(&self) -> Vec<Finding> {
        let code = self.as_str();
        let layout = if self.is_qcvn_layout() {
            Finding::new(
                "DOC-02",
                LegalRef::instrument(Instrument::Qcvn102_2016),
                Outcome::Pass,
                format!("{code} has 13 characters in four groups, in the QCVN 102:2016 layout NNN.NN.NN.XNN"),
                format!("{code} có 13 ký tự, bốn nhóm, theo cấu trúc NNN.NN.NN.XNN của QCVN 102:2016"),
            )
        } else {
            Finding::new(
                "DOC-02",
                LegalRef::instrument(Instrument::Qcvn102_2016),
                Outcome::Warning,
                format!("{code} has 13 characters in four groups (QĐ 28/2018 Đ10.2.a) but not the QCVN 102:2016 layout NNN.NN.NN.XNN"),
                format!("{code} có 13 ký tự, bốn nhóm (điểm a khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg) nhưng không theo cấu trúc NNN.NN.NN.XNN của QCVN 102:2016"),
            )
        };
        let level = self.level();
        let hierarchy = match self.hierarchy_gap() {
            None => Finding::new(
                "DOC-03",
                basis_d10_2_a(),
                Outcome::Pass,
                format!("{code} is a level-{level} code with no gap in its hierarchy"),
                format!("{code} là mã cấp {level}, không có cấp trung gian bị bỏ trống"),
            ),
            Some(gap) => Finding::new(
                "DOC-03",
                basis_d10_2_a(),
                Outcome::Warning,
                format!("{code} is a level-{level} code but its level-{gap} group is zero (hierarchy gap); its parent is taken to be {}", self.parent().unwrap_or(*self)),
                format!("{code} là mã cấp {level} nhưng nhóm cấp {gap} bằng 0 (bỏ trống cấp trung gian); đơn vị cấp trên được hiểu là {}", self.parent().unwrap_or(*self)),
            ),
        };
        vec![
            layout.with_field("agency_code"),
            hierarchy
                .with_field("agency_code")
                .with_evidence(serde_json::json!({ "level": level, "gap": self.hierarchy_gap() })),
        ]
    }
}

impl FromStr for AgencyCode {
    type Err = AgencyError;

    /// The strict profile ([`AgencyCode::parse`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AgencyCode::parse(s)
    }
}

impl fmt::Display for AgencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for AgencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AgencyCode({:?})", self.as_str())
    }
}

impl Serialize for AgencyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for AgencyCode {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AgencyCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 13,
            "maxLength": 13,
            "description": "A 13-character agency code such as 000.00.18.G12 (DOC-02)."
        })
    }
}

impl<'de> Deserialize<'de> for AgencyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AgencyCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a 13-character agency code such as \"000.00.18.G12\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AgencyCode, E> {
                AgencyCode::parse_exact(v).map_err(|e| {
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

    fn code(s: &str) -> AgencyCode {
        AgencyCode::parse(s).unwrap()
    }

    #[test]
    fn doc_02_real_codes_parse_strictly() {
        for s in [
            "000.00.00.G22",
            "000.00.00.G12",
            "000.00.18.G12",
            "000.00.00.G09",
            "000.00.00.G17",
            "000.00.00.H41",
            "000.00.00.H29",
            "000.00.00.H14",
            "000.00.04.G14",
            "000.00.15.H51",
            "002.00.20.H13",
        ] {
            let c = code(s);
            assert_eq!(c.to_string(), s);
            assert!(c.is_qcvn_layout());
        }
    }

    #[test]
    fn doc_03_tong_cuc_thue_is_level_2_under_bo_tai_chinh() {
        let tct = code("000.00.18.G12");
        assert_eq!(tct.level(), 2);
        assert_eq!(tct.parent(), Some(code("000.00.00.G12")));
        assert_eq!(tct.root(), code("000.00.00.G12"));
        assert!(code("000.00.00.G12").is_ancestor_of(&tct));
        assert!(!tct.is_ancestor_of(&tct));
        assert!(!code("000.00.00.G22").is_ancestor_of(&tct));
        assert_eq!(tct.groups(), ["000", "00", "18", "G12"]);
        assert_eq!(tct.group(1), Some("G12"));
        assert_eq!(tct.group(2), Some("18"));
        assert_eq!(tct.group(4), Some("000"));
        assert_eq!(tct.group(0), None);
        assert_eq!(tct.group(5), None);
    }

    #[test]
    fn doc_03_level_1_has_no_parent() {
        let vpcp = code("000.00.00.G22");
        assert_eq!(vpcp.level(), 1);
        assert!(vpcp.is_root());
        assert_eq!(vpcp.parent(), None);
        assert_eq!(vpcp.root(), vpcp);
    }

    #[test]
    fn doc_03_levels_3_and_4_chain_up_to_the_root() {
        let l4 = code("012.34.56.H41");
        assert_eq!(l4.level(), 4);
        let l3 = l4.parent().unwrap();
        assert_eq!(l3, code("000.34.56.H41"));
        assert_eq!(l3.level(), 3);
        let l2 = l3.parent().unwrap();
        assert_eq!(l2, code("000.00.56.H41"));
        assert_eq!(l2.parent(), Some(code("000.00.00.H41")));
        assert!(l2.is_ancestor_of(&l4));
        assert!(code("000.00.00.H41").is_ancestor_of(&l4));
        assert_eq!(l4.hierarchy_gap(), None);
    }

    #[test]
    fn doc_03_gaps_are_accepted_reported_and_optionally_rejected() {
        // Level 4 set, level 3 zero.
        let g = code("001.00.05.G12");
        assert_eq!(g.level(), 4);
        assert_eq!(g.hierarchy_gap(), Some(3));
        assert_eq!(g.parent(), Some(code("000.00.05.G12")));
        assert!(code("000.00.05.G12").is_ancestor_of(&g));
        // Level 3 set, level 2 zero.
        let g2 = code("000.05.00.G12");
        assert_eq!(g2.level(), 3);
        assert_eq!(g2.hierarchy_gap(), Some(2));
        assert_eq!(g2.parent(), Some(code("000.00.00.G12")));
        let findings = g.check();
        assert_eq!(findings[1].rule, "DOC-03");
        assert_eq!(findings[1].outcome, Outcome::Warning);
        assert_eq!(code("000.00.18.G12").check()[1].outcome, Outcome::Pass);

        let reject = AgencyProfile::STRICT.with_gaps(GapPolicy::Reject);
        assert_eq!(
            AgencyCode::parse_with("001.00.05.G12", reject).unwrap_err(),
            AgencyError::HierarchyGap {
                level: 3,
                offset: 4
            }
        );
        assert_eq!(
            AgencyCode::parse_with("000.05.00.G12", reject).unwrap_err(),
            AgencyError::HierarchyGap {
                level: 2,
                offset: 7
            }
        );
        assert!(AgencyCode::parse_with("000.00.18.G12", reject).is_ok());
    }

    #[test]
    fn doc_02_malformed_fixture_code_is_rejected_with_group_count() {
        let e = AgencyCode::parse("28.22.H17").unwrap_err();
        assert_eq!(e, AgencyError::GroupCount { groups: 3, len: 9 });
        assert_eq!(e.code(), "agency_code.group_count");
        assert!(e.to_string().contains("found 3 group(s) in 9 characters"));
        // The lenient profile rejects it too: the seed requires four groups.
        assert!(AgencyCode::parse_with("28.22.H17", AgencyProfile::LENIENT).is_err());
    }

    #[test]
    fn doc_02_lowercase_level_1_letter_is_rejected_with_reason() {
        let e = AgencyCode::parse("000.00.00.g22").unwrap_err();
        assert_eq!(
            e,
            AgencyError::Level1Letter {
                offset: 10,
                found: 'g'
            }
        );
        assert_eq!(e.code(), "agency_code.level1_letter");
        assert_eq!(e.level(), Some(1));
        assert_eq!(e.offset(), Some(10));
    }

    #[test]
    fn doc_02_each_error_names_group_and_offset() {
        let cases: &[(&str, AgencyError)] = &[
            ("", AgencyError::Empty),
            ("   ", AgencyError::Empty),
            (" 000.00.00.G22", AgencyError::Whitespace { offset: 0 }),
            ("000.00.00.G22\n", AgencyError::Whitespace { offset: 13 }),
            (
                "000,00,00,G22",
                AgencyError::InvalidChar {
                    offset: 3,
                    found: ',',
                },
            ),
            (
                "000.00.00.Ğ22",
                AgencyError::InvalidChar {
                    offset: 10,
                    found: 'Ğ',
                },
            ),
            (
                "000.00.00.G22.1",
                AgencyError::GroupCount { groups: 5, len: 15 },
            ),
            (
                "000..00.G2222",
                AgencyError::EmptyGroup {
                    level: 3,
                    offset: 4,
                },
            ),
            (
                "0000.0.00.G22",
                AgencyError::GroupLength {
                    level: 4,
                    offset: 0,
                    found: 4,
                    expected: 3,
                },
            ),
            (
                "000.00.00.G2",
                AgencyError::GroupLength {
                    level: 1,
                    offset: 10,
                    found: 2,
                    expected: 3,
                },
            ),
            (
                "000.0A.00.G22",
                AgencyError::ExpectedDigit {
                    level: 3,
                    offset: 5,
                    found: 'A',
                },
            ),
            (
                "000.00.00.GX2",
                AgencyError::ExpectedDigit {
                    level: 1,
                    offset: 11,
                    found: 'X',
                },
            ),
            (
                "000.00.00.122",
                AgencyError::Level1Letter {
                    offset: 10,
                    found: '1',
                },
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                AgencyCode::parse(input).unwrap_err(),
                *expected,
                "{input:?}"
            );
            assert!(!expected.code().is_empty());
        }
    }

    #[test]
    fn doc_02_lenient_profile_reports_what_it_tolerated() {
        let p = AgencyCode::parse_with("\t000.00.00.h41 ", AgencyProfile::LENIENT).unwrap();
        assert_eq!(p.value, code("000.00.00.H41"));
        assert_eq!(
            p.warnings,
            vec![
                AgencyTolerance::TrimmedWhitespace {
                    leading: 1,
                    trailing: 1
                },
                AgencyTolerance::Uppercased {
                    count: 1,
                    offset: 11
                },
            ]
        );
        let codes: Vec<_> = p.warnings.iter().map(Tolerance::code).collect();
        assert_eq!(
            codes,
            ["agency_code.trimmed_whitespace", "agency_code.uppercased"]
        );
        assert!(p.findings().iter().all(|f| f.outcome == Outcome::Warning));

        // A non-QCVN layout that satisfies the seed's "13 characters, four groups".
        let p = AgencyCode::parse_with("001.00.20.tt2", AgencyProfile::LENIENT).unwrap();
        assert_eq!(p.value.as_str(), "001.00.20.TT2");
        assert_eq!(
            p.warnings.last(),
            Some(&AgencyTolerance::NonQcvnLayout {
                level: 1,
                offset: 11
            })
        );
        assert_eq!(p.value.level(), 4);
        assert!(!p.value.is_qcvn_layout());
        assert_eq!(p.value.check()[0].outcome, Outcome::Warning);

        let p = AgencyCode::parse_with("0000.0.00.G22", AgencyProfile::LENIENT).unwrap();
        assert_eq!(p.value.groups(), ["0000", "0", "00", "G22"]);
        assert_eq!(p.value.level(), 1);

        // Lenient still needs 13 characters.
        assert_eq!(
            AgencyCode::parse_with("01.02.G22.AB", AgencyProfile::LENIENT).unwrap_err(),
            AgencyError::Length { len: 12 }
        );
        // Offsets are in the original input.
        assert_eq!(
            AgencyCode::parse_with("  000.00.00.G2-", AgencyProfile::LENIENT).unwrap_err(),
            AgencyError::InvalidChar {
                offset: 14,
                found: '-'
            }
        );
    }

    #[test]
    fn parse_exact_accepts_display_forms_only() {
        assert!(AgencyCode::parse_exact("001.00.20.TT2").is_ok());
        assert!(AgencyCode::parse_exact("000.00.00.G22").is_ok());
        assert_eq!(
            AgencyCode::parse_exact("000.00.00.g22").unwrap_err().code(),
            "agency_code.level1_letter"
        );
        assert_eq!(
            AgencyCode::parse_exact(" 000.00.00.G22")
                .unwrap_err()
                .code(),
            "agency_code.whitespace"
        );
    }

    #[test]
    fn serde_is_the_string_form() {
        let c = code("000.00.18.G12");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"000.00.18.G12\"");
        let back: AgencyCode = serde_json::from_str("\"000.00.18.G12\"").unwrap();
        assert_eq!(back, c);
        let err = serde_json::from_str::<AgencyCode>("\"28.22.H17\"").unwrap_err();
        assert!(err.to_string().contains("agency_code.group_count"), "{err}");
        let p = AgencyProfile::LENIENT;
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"syntax":"lenient","gaps":"allow"}"#
        );
        let t = AgencyTolerance::Uppercased {
            count: 1,
            offset: 10,
        };
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"uppercased":{"count":1,"offset":10}}"#
        );
    }

    fn strict_code() -> impl Strategy<Value = String> {
        "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}"
    }

    fn lenient_code() -> impl Strategy<Value = String> {
        // Four non-empty groups whose lengths sum to 10.
        (1usize..=7, 1usize..=7, 1usize..=7)
            .prop_filter("sum", |(a, b, c)| a + b + c <= 9)
            .prop_flat_map(|(a, b, c)| {
                let d = 10 - a - b - c;
                (
                    proptest::string::string_regex(&format!("[0-9A-Z]{{{a}}}")).unwrap(),
                    proptest::string::string_regex(&format!("[0-9A-Z]{{{b}}}")).unwrap(),
                    proptest::string::string_regex(&format!("[0-9A-Z]{{{c}}}")).unwrap(),
                    proptest::string::string_regex(&format!("[0-9A-Z]{{{d}}}")).unwrap(),
                )
            })
            .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
    }

    proptest! {
        #[test]
        fn strict_round_trip(s in strict_code()) {
            let c = AgencyCode::parse(&s).unwrap();
            prop_assert_eq!(AgencyCode::parse(&c.to_string()).unwrap(), c);
            prop_assert_eq!(c.to_string(), s);
            let json = serde_json::to_string(&c).unwrap();
            prop_assert_eq!(serde_json::from_str::<AgencyCode>(&json).unwrap(), c);
            // Hierarchy invariants.
            prop_assert!((1..=4).contains(&c.level()));
            if let Some(p) = c.parent() {
                prop_assert!(p.level() < c.level());
                prop_assert!(p.is_ancestor_of(&c));
                prop_assert_eq!(p.root(), c.root());
            } else {
                prop_assert_eq!(c.level(), 1);
            }
            prop_assert_eq!(c.root().level(), 1);
        }

        #[test]
        fn lenient_round_trip(s in lenient_code()) {
            let p = AgencyCode::parse_with(&s, AgencyProfile::LENIENT).unwrap();
            let shown = p.value.to_string();
            prop_assert_eq!(&shown, &s);
            let again = AgencyCode::parse_with(&shown, AgencyProfile::LENIENT).unwrap();
            prop_assert_eq!(again.value, p.value);
            prop_assert_eq!(AgencyCode::parse_exact(&shown).unwrap(), p.value);
            let json = serde_json::to_string(&p.value).unwrap();
            prop_assert_eq!(serde_json::from_str::<AgencyCode>(&json).unwrap(), p.value);
        }

        #[test]
        fn strict_agrees_with_the_qcvn_regex(s in "[0-9A-Za-z. ]{0,16}") {
            let re = regex_lite_qcvn(&s);
            prop_assert_eq!(AgencyCode::parse(&s).is_ok(), re);
        }

        #[test]
        fn arbitrary_input_never_panics(s in "\\PC{0,40}") {
            let _ = AgencyCode::parse(&s);
            let _ = AgencyCode::parse_with(&s, AgencyProfile::LENIENT.with_gaps(GapPolicy::Reject));
            let _ = AgencyCode::parse_exact(&s);
            if let Ok(p) = AgencyCode::parse_with(&s, AgencyProfile::LENIENT) {
                let _ = p.value.check();
                let _ = p.value.parent();
            }
        }

        #[test]
        fn errors_point_inside_the_input(s in "[0-9A-Za-z.,\\- ]{0,20}") {
            if let Err(e) = AgencyCode::parse_with(&s, AgencyProfile::LENIENT) {
                if let Some(o) = e.offset() {
                    prop_assert!(o <= s.len());
                }
            }
        }
    }

    /// `^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$` without the regex crate.
    fn regex_lite_qcvn(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 13
            && b.iter().enumerate().all(|(i, &c)| match i {
                3 | 6 | 9 => c == b'.',
                10 => c.is_ascii_uppercase(),
                _ => c.is_ascii_digit(),
            })
    }
}
