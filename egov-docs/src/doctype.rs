//! Document types ("loại văn bản", QĐ 28/2018/QĐ-TTg Đ10.2.đ) and their abbreviations.
//!
//! **Outside knowledge (O-05, confidence high).** The seeds only require that the document type
//! be shown (004 Đ10.2.đ); they do not list the types. The list here is that of Nghị định
//! 30/2020/NĐ-CP on clerical work: Điều 7 names the 29 kinds of administrative document and
//! Phụ lục III gives the abbreviations used in the "ký hiệu" of a document number, plus the
//! three copy forms (bản sao y `SY`, bản sao lục `SL`, bản trích sao `TS`). Two of the 29,
//! công văn and thư công, have no abbreviation: a công văn's symbol is issuer-unit only
//! (`7816/VPCP-TTĐT`).
//!
//! A second, separately labelled group holds the **legal normative documents**
//! ([`DocTypeGroup::Normative`]), whose numbers carry the year (`28/2018/QĐ-TTg`,
//! `137/2024/NĐ-CP`). Their abbreviations come from the law on legal normative documents and
//! its implementing decree (outside knowledge, confidence medium-high): `NĐ` nghị định, `TT`
//! thông tư, `TTLT` thông tư liên tịch, `NQLT` nghị quyết liên tịch, `L` lệnh, and `QĐ`/`NQ`
//! shared with the administrative group. Luật, bộ luật and pháp lệnh carry no type
//! abbreviation (`45/2019/QH14`).
//!
//! The table is data: [`DocType::table`] lists every row with its Vietnamese and English name.

use egov_core::{Instrument, LegalRef};
use serde::{Deserialize, Serialize};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::text::fold;

/// Which list a document type belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocTypeGroup {
    /// The 29 administrative document types of Nghị định 30/2020/NĐ-CP Điều 7.
    Administrative,
    /// The copy forms of Nghị định 30/2020/NĐ-CP Phụ lục III (sao y, sao lục, trích sao).
    Copy,
    /// Legal normative documents (văn bản quy phạm pháp luật), numbered with the year.
    Normative,
}

/// A document type. Serialized in snake_case Vietnamese without diacritics (`quyet_dinh`).
///
/// ```
/// use egov_docs::doctype::{DocType, DocTypeGroup};
/// let t = DocType::from_abbreviation("QyĐ", false).unwrap();
/// assert_eq!(t, DocType::QuyDinh);
/// assert_eq!(t.name_vi(), "Quy định");
/// assert_eq!(DocType::from_abbreviation("QĐ", true), Some(DocType::QuyetDinhQppl));
/// assert_eq!(DocType::CongVan.abbreviation(), None);
/// assert_eq!(DocType::NghiDinh.group(), DocTypeGroup::Normative);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocType {
    /// Nghị quyết (cá biệt), `NQ`.
    NghiQuyet,
    /// Quyết định (cá biệt), `QĐ`.
    QuyetDinh,
    /// Chỉ thị, `CT`.
    ChiThi,
    /// Quy chế, `QC`.
    QuyChe,
    /// Quy định, `QyĐ`.
    QuyDinh,
    /// Thông cáo, `TC`.
    ThongCao,
    /// Thông báo, `TB`.
    ThongBao,
    /// Hướng dẫn, `HD`.
    HuongDan,
    /// Chương trình, `CTr`.
    ChuongTrinh,
    /// Kế hoạch, `KH`.
    KeHoach,
    /// Phương án, `PA`.
    PhuongAn,
    /// Đề án, `ĐA`.
    DeAn,
    /// Dự án, `DA`.
    DuAn,
    /// Báo cáo, `BC`.
    BaoCao,
    /// Biên bản, `BB`.
    BienBan,
    /// Tờ trình, `TTr`.
    ToTrinh,
    /// Hợp đồng, `HĐ`.
    HopDong,
    /// Công văn: no abbreviation, the symbol is issuer-unit.
    CongVan,
    /// Công điện, `CĐ`.
    CongDien,
    /// Bản ghi nhớ, `GN`.
    BanGhiNho,
    /// Bản thỏa thuận, `TTh`.
    BanThoaThuan,
    /// Giấy ủy quyền, `UQ`.
    GiayUyQuyen,
    /// Giấy mời, `GM`.
    GiayMoi,
    /// Giấy giới thiệu, `GT`.
    GiayGioiThieu,
    /// Giấy nghỉ phép, `NP`.
    GiayNghiPhep,
    /// Phiếu gửi, `PG`.
    PhieuGui,
    /// Phiếu chuyển, `PC`.
    PhieuChuyen,
    /// Phiếu báo, `PB`.
    PhieuBao,
    /// Thư công: no abbreviation.
    ThuCong,
    /// Bản sao y, `SY`.
    BanSaoY,
    /// Bản sao lục, `SL`.
    BanSaoLuc,
    /// Bản trích sao, `TS`.
    BanTrichSao,
    /// Luật (law of the National Assembly): no type abbreviation (`20/2023/QH15`).
    Luat,
    /// Bộ luật (code): no type abbreviation (`45/2019/QH14`).
    BoLuat,
    /// Pháp lệnh (ordinance of the NA Standing Committee): no type abbreviation.
    PhapLenh,
    /// Lệnh of the State President, `L` (`L-CTN`).
    Lenh,
    /// Nghị quyết that is a legal normative document, `NQ` (`NQ-CP`, `NQ-HĐND`).
    NghiQuyetQppl,
    /// Quyết định that is a legal normative document, `QĐ` (`28/2018/QĐ-TTg`).
    QuyetDinhQppl,
    /// Nghị định of the Government, `NĐ` (`137/2024/NĐ-CP`).
    NghiDinh,
    /// Thông tư, `TT` (`10/2016/TT-BTTTT`).
    ThongTu,
    /// Thông tư liên tịch, `TTLT`.
    ThongTuLienTich,
    /// Nghị quyết liên tịch, `NQLT`.
    NghiQuyetLienTich,
}

/// One row of the document-type table.
///
/// Serialize-only reference data: deserialize a [`DocType`] and call [`DocType::info`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocTypeInfo {
    /// The type.
    pub doc_type: DocType,
    /// The abbreviation used in the "ký hiệu" (`QĐ`), if the type has one.
    pub abbreviation: Option<&'static str>,
    /// Vietnamese name (NFC).
    pub name_vi: &'static str,
    /// English name (a working translation, not an official one).
    pub name_en: &'static str,
    /// Which list the type belongs to.
    pub group: DocTypeGroup,
}

const fn row(
    doc_type: DocType,
    abbreviation: Option<&'static str>,
    name_vi: &'static str,
    name_en: &'static str,
    group: DocTypeGroup,
) -> DocTypeInfo {
    DocTypeInfo {
        doc_type,
        abbreviation,
        name_vi,
        name_en,
        group,
    }
}

use DocTypeGroup::{Administrative as A, Copy as C, Normative as N};

/// Number of rows.
const ROWS: usize = 42;

/// The table, in enum order (Nghị định 30/2020 Điều 7 order, then copies, then normative).
static TABLE: [DocTypeInfo; ROWS] = TABLE_DATA;

/// Packs an abbreviation of at most 7 bytes into a `u64` (length in the low byte), so that the
/// hot lookup compares integers; `u64::MAX` for longer strings or no abbreviation.
const fn pack(s: &str) -> u64 {
    let b = s.as_bytes();
    if b.len() > 7 {
        return u64::MAX;
    }
    let mut key = b.len() as u64;
    let mut i = 0;
    while i < b.len() {
        key |= (b[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    key
}

/// `(pack(abbreviation), row)` for every row, sorted by key (rows without an abbreviation
/// last), so that lookups binary-search integers.
static SORTED_KEYS: [(u64, u8); ROWS] = {
    let mut keys = [(u64::MAX, 0u8); ROWS];
    let mut i = 0;
    while i < ROWS {
        let key = match TABLE_DATA[i].abbreviation {
            Some(a) => pack(a),
            None => u64::MAX,
        };
        // Insertion sort (stable: table order among equal keys).
        let mut j = i;
        while j > 0 && keys[j - 1].0 > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = (key, i as u8);
        i += 1;
    }
    keys
};

/// Like [`pack`], with the stroke of `Đ`/`đ` removed (`QĐ` → `QD`): the key of an
/// abbreviation typed without diacritics. Table abbreviations are ASCII plus `Đ`.
const fn pack_folded(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut key = 0u64;
    let mut len = 0u64;
    let mut i = 0;
    while i < b.len() {
        let mut c = b[i];
        if c == 0xC4 && i + 1 < b.len() && (b[i + 1] == 0x90 || b[i + 1] == 0x91) {
            c = if b[i + 1] == 0x90 { b'D' } else { b'd' };
            i += 1;
        }
        len += 1;
        if len > 7 {
            return u64::MAX;
        }
        key |= (c as u64) << (8 * len);
        i += 1;
    }
    key | len
}

/// `(pack_folded(abbreviation), row)` for every row with an abbreviation, sorted by key (rows
/// without one last).
static FOLDED_KEYS: [(u64, u8); ROWS] = {
    let mut keys = [(u64::MAX, 0u8); ROWS];
    let mut i = 0;
    while i < ROWS {
        let key = match TABLE_DATA[i].abbreviation {
            Some(a) => pack_folded(a),
            None => u64::MAX,
        };
        let mut j = i;
        while j > 0 && keys[j - 1].0 > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = (key, i as u8);
        i += 1;
    }
    keys
};

/// The folded key of a typed abbreviation, without allocating: `Đ`/`Ð` → `D`, `đ`/`ð` → `d`,
/// other letters without their diacritics (canonical decomposition, combining marks dropped);
/// case is kept. `None` when the result is not ASCII or longer than 7 bytes.
fn folded_key(abbr: &str) -> Option<u64> {
    struct Key {
        key: u64,
        len: u64,
        ok: bool,
    }
    impl Key {
        fn push(&mut self, c: char) {
            if !c.is_ascii() || self.len >= 7 {
                self.ok = false;
                return;
            }
            self.len += 1;
            self.key |= u64::from(c as u8) << (8 * self.len);
        }
    }
    let mut k = Key {
        key: 0,
        len: 0,
        ok: true,
    };
    for c in abbr.chars() {
        match c {
            // Ð (U+00D0) is the usual stand-in for Đ after a code-page mix-up.
            'Đ' | 'Ð' => k.push('D'),
            'đ' | 'ð' => k.push('d'),
            c if c.is_ascii() => k.push(c),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    k.push(d);
                }
            }),
        }
        if !k.ok {
            return None;
        }
    }
    (k.len > 0).then_some(k.key | k.len)
}

const TABLE_DATA: [DocTypeInfo; ROWS] = [
    row(
        DocType::NghiQuyet,
        Some("NQ"),
        "Nghị quyết",
        "Resolution",
        A,
    ),
    row(DocType::QuyetDinh, Some("QĐ"), "Quyết định", "Decision", A),
    row(DocType::ChiThi, Some("CT"), "Chỉ thị", "Directive", A),
    row(DocType::QuyChe, Some("QC"), "Quy chế", "Rules", A),
    row(DocType::QuyDinh, Some("QyĐ"), "Quy định", "Regulation", A),
    row(DocType::ThongCao, Some("TC"), "Thông cáo", "Communiqué", A),
    row(DocType::ThongBao, Some("TB"), "Thông báo", "Notice", A),
    row(DocType::HuongDan, Some("HD"), "Hướng dẫn", "Guidance", A),
    row(
        DocType::ChuongTrinh,
        Some("CTr"),
        "Chương trình",
        "Programme",
        A,
    ),
    row(DocType::KeHoach, Some("KH"), "Kế hoạch", "Plan", A),
    row(DocType::PhuongAn, Some("PA"), "Phương án", "Option plan", A),
    row(DocType::DeAn, Some("ĐA"), "Đề án", "Scheme", A),
    row(DocType::DuAn, Some("DA"), "Dự án", "Project", A),
    row(DocType::BaoCao, Some("BC"), "Báo cáo", "Report", A),
    row(DocType::BienBan, Some("BB"), "Biên bản", "Minutes", A),
    row(DocType::ToTrinh, Some("TTr"), "Tờ trình", "Submission", A),
    row(DocType::HopDong, Some("HĐ"), "Hợp đồng", "Contract", A),
    row(DocType::CongVan, None, "Công văn", "Official letter", A),
    row(
        DocType::CongDien,
        Some("CĐ"),
        "Công điện",
        "Official telegram",
        A,
    ),
    row(
        DocType::BanGhiNho,
        Some("GN"),
        "Bản ghi nhớ",
        "Memorandum of understanding",
        A,
    ),
    row(
        DocType::BanThoaThuan,
        Some("TTh"),
        "Bản thỏa thuận",
        "Agreement",
        A,
    ),
    row(
        DocType::GiayUyQuyen,
        Some("UQ"),
        "Giấy ủy quyền",
        "Power of attorney",
        A,
    ),
    row(DocType::GiayMoi, Some("GM"), "Giấy mời", "Invitation", A),
    row(
        DocType::GiayGioiThieu,
        Some("GT"),
        "Giấy giới thiệu",
        "Letter of introduction",
        A,
    ),
    row(
        DocType::GiayNghiPhep,
        Some("NP"),
        "Giấy nghỉ phép",
        "Leave permit",
        A,
    ),
    row(
        DocType::PhieuGui,
        Some("PG"),
        "Phiếu gửi",
        "Dispatch slip",
        A,
    ),
    row(
        DocType::PhieuChuyen,
        Some("PC"),
        "Phiếu chuyển",
        "Transfer slip",
        A,
    ),
    row(
        DocType::PhieuBao,
        Some("PB"),
        "Phiếu báo",
        "Notification slip",
        A,
    ),
    row(DocType::ThuCong, None, "Thư công", "Public letter", A),
    row(DocType::BanSaoY, Some("SY"), "Bản sao y", "True copy", C),
    row(
        DocType::BanSaoLuc,
        Some("SL"),
        "Bản sao lục",
        "Reissued copy",
        C,
    ),
    row(
        DocType::BanTrichSao,
        Some("TS"),
        "Bản trích sao",
        "Extract copy",
        C,
    ),
    row(DocType::Luat, None, "Luật", "Law", N),
    row(DocType::BoLuat, None, "Bộ luật", "Code", N),
    row(DocType::PhapLenh, None, "Pháp lệnh", "Ordinance", N),
    row(DocType::Lenh, Some("L"), "Lệnh", "Order", N),
    row(
        DocType::NghiQuyetQppl,
        Some("NQ"),
        "Nghị quyết",
        "Resolution",
        N,
    ),
    row(
        DocType::QuyetDinhQppl,
        Some("QĐ"),
        "Quyết định",
        "Decision",
        N,
    ),
    row(DocType::NghiDinh, Some("NĐ"), "Nghị định", "Decree", N),
    row(DocType::ThongTu, Some("TT"), "Thông tư", "Circular", N),
    row(
        DocType::ThongTuLienTich,
        Some("TTLT"),
        "Thông tư liên tịch",
        "Joint circular",
        N,
    ),
    row(
        DocType::NghiQuyetLienTich,
        Some("NQLT"),
        "Nghị quyết liên tịch",
        "Joint resolution",
        N,
    ),
];

impl DocType {
    /// Every row of the table: the 29 administrative types, the 3 copy forms, then the legal
    /// normative types (O-05, Nghị định 30/2020/NĐ-CP Điều 7 and Phụ lục III).
    pub fn table() -> &'static [DocTypeInfo] {
        &TABLE
    }

    /// This type's row of the table.
    pub fn info(self) -> &'static DocTypeInfo {
        match TABLE.get(self as usize) {
            Some(info) if info.doc_type == self => info,
            // Unreachable while the table is in enum order (a unit test checks it).
            _ => TABLE
                .iter()
                .find(|info| info.doc_type == self)
                .unwrap_or(&TABLE[17]),
        }
    }

    /// The abbreviation used in the "ký hiệu" (`QĐ`), if any.
    pub fn abbreviation(self) -> Option<&'static str> {
        self.info().abbreviation
    }

    /// The Vietnamese name.
    pub fn name_vi(self) -> &'static str {
        self.info().name_vi
    }

    /// The English name (working translation).
    pub fn name_en(self) -> &'static str {
        self.info().name_en
    }

    /// The list the type belongs to.
    pub fn group(self) -> DocTypeGroup {
        self.info().group
    }

    /// The legal basis of the type and its abbreviation: Nghị định 30/2020/NĐ-CP Điều 7 and
    /// Phụ lục III for administrative and copy types; the law on legal normative documents for
    /// normative types. Both are outside knowledge (O-05).
    pub fn basis(self) -> LegalRef {
        match self.group() {
            DocTypeGroup::Administrative => LegalRef::article(Instrument::Nd30_2020, 7),
            DocTypeGroup::Copy => LegalRef::instrument(Instrument::Nd30_2020),
            DocTypeGroup::Normative => LegalRef::instrument(Instrument::Other(
                "Luật Ban hành văn bản quy phạm pháp luật".to_owned(),
            )),
        }
    }

    /// The type whose abbreviation is exactly `abbr` (case-sensitive, NFC: `QyĐ`, `TTr`).
    ///
    /// `QĐ` and `NQ` exist both as administrative and as legal normative types: pass
    /// `normative_form = true` when the number carries a year (`28/2018/QĐ-TTg`), which is the
    /// numbering form of legal normative documents, to prefer the normative row.
    ///
    /// Matching is on the whole first group of the symbol, so `QyĐ` never matches `QĐ`, `CTr`
    /// never matches `CT` and `TTLT` never matches `TT`: this is the longest-match rule applied
    /// at the group boundary, and it keeps issuer codes such as `TCT` (Tổng cục Thuế) from
    /// matching `TC`. Rule DOC-10.đ (QĐ 28/2018/QĐ-TTg Đ10.2.đ; table O-05).
    pub fn from_abbreviation(abbr: &str, normative_form: bool) -> Option<DocType> {
        let key = pack(abbr);
        if key == u64::MAX {
            return None;
        }
        let start = SORTED_KEYS.partition_point(|&(k, _)| k < key);
        let mut fallback = None;
        for &(k, row) in SORTED_KEYS.get(start..).unwrap_or_default() {
            if k != key {
                break;
            }
            let Some(info) = TABLE.get(usize::from(row)) else {
                break;
            };
            if (info.group == DocTypeGroup::Normative) == normative_form {
                return Some(info.doc_type);
            }
            fallback.get_or_insert(info.doc_type);
        }
        fallback
    }

    /// The type whose abbreviation `abbr` is, exactly or once diacritics are folded away: `QD`
    /// for `QĐ`, `ND` for `NĐ`, `QÐ` (with U+00D0) for `QĐ` (DOC-10.đ, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.đ; table O-05). `normative_form` as in [`DocType::from_abbreviation`].
    ///
    /// An exact abbreviation always wins (`HD` is Hướng dẫn, not Hợp đồng `HĐ`; `DA` is Dự án,
    /// not Đề án `ĐA`). Folding keeps the case (`qd` names no type) and a folded spelling
    /// that fits two different abbreviations names none. Use [`DocType::abbreviation`] on the
    /// result for the proper spelling to suggest.
    ///
    /// ```
    /// use egov_docs::doctype::DocType;
    /// let t = DocType::from_abbreviation_folded("QD", true).unwrap();
    /// assert_eq!((t, t.abbreviation()), (DocType::QuyetDinhQppl, Some("QĐ")));
    /// assert_eq!(DocType::from_abbreviation_folded("HD", false), Some(DocType::HuongDan));
    /// ```
    pub fn from_abbreviation_folded(abbr: &str, normative_form: bool) -> Option<DocType> {
        if let Some(exact) = DocType::from_abbreviation(abbr, normative_form) {
            return Some(exact);
        }
        let key = folded_key(abbr)?;
        let start = FOLDED_KEYS.partition_point(|&(k, _)| k < key);
        let mut proper: Option<&'static str> = None;
        for &(k, row) in FOLDED_KEYS.get(start..).unwrap_or_default() {
            if k != key {
                break;
            }
            let candidate = TABLE.get(usize::from(row)).and_then(|i| i.abbreviation);
            match (proper, candidate) {
                (_, None) => {}
                (None, Some(c)) => proper = Some(c),
                (Some(p), Some(c)) if p == c => {}
                // Two different abbreviations fold alike: the spelling names neither.
                (Some(_), Some(_)) => return None,
            }
        }
        DocType::from_abbreviation(proper?, normative_form)
    }

    /// The type named `name` in Vietnamese, matched with or without diacritics, in any case,
    /// NFC or NFD (`"Quyết định"`, `"quyet dinh"`, `"CÔNG VĂN"`). Administrative rows win over
    /// normative rows of the same name.
    ///
    /// ```
    /// use egov_docs::doctype::DocType;
    /// assert_eq!(DocType::from_name("cong van"), Some(DocType::CongVan));
    /// assert_eq!(DocType::from_name("Nghị định"), Some(DocType::NghiDinh));
    /// ```
    pub fn from_name(name: &str) -> Option<DocType> {
        let key = fold(name);
        TABLE
            .iter()
            .find(|info| fold(info.name_vi) == key)
            .map(|info| info.doc_type)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_abbreviation_agrees_with_a_linear_scan() {
        for info in &TABLE {
            let Some(a) = info.abbreviation else { continue };
            for normative in [false, true] {
                let linear = TABLE
                    .iter()
                    .filter(|i| i.abbreviation == Some(a))
                    .find(|i| (i.group == DocTypeGroup::Normative) == normative)
                    .or_else(|| TABLE.iter().find(|i| i.abbreviation == Some(a)))
                    .map(|i| i.doc_type);
                assert_eq!(DocType::from_abbreviation(a, normative), linear, "{a}");
            }
        }
        assert!(SORTED_KEYS.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(DocType::from_abbreviation("", false), None);
        assert_eq!(DocType::from_abbreviation("ABCDEFGH", false), None);
    }

    #[test]
    fn table_is_in_enum_order() {
        for (i, info) in TABLE.iter().enumerate() {
            assert_eq!(info.doc_type as usize, i, "{info:?}");
            assert_eq!(info.doc_type.info(), info);
        }
    }

    #[test]
    fn doc_10_nd30_has_29_administrative_types_and_3_copy_forms() {
        let admin = TABLE
            .iter()
            .filter(|i| i.group == DocTypeGroup::Administrative)
            .count();
        let copies = TABLE
            .iter()
            .filter(|i| i.group == DocTypeGroup::Copy)
            .count();
        assert_eq!(admin, 29);
        assert_eq!(copies, 3);
        let without: Vec<_> = TABLE
            .iter()
            .filter(|i| i.group == DocTypeGroup::Administrative && i.abbreviation.is_none())
            .map(|i| i.name_vi)
            .collect();
        assert_eq!(without, ["Công văn", "Thư công"]);
    }

    #[test]
    fn abbreviations_are_unique_within_a_group_and_nfc() {
        for a in &TABLE {
            if let Some(ab) = a.abbreviation {
                assert_eq!(crate::text::nfc(ab), ab);
            }
            assert_eq!(crate::text::nfc(a.name_vi), a.name_vi);
            for b in &TABLE {
                if a.doc_type != b.doc_type && a.group == b.group {
                    assert!(a.abbreviation.is_none() || a.abbreviation != b.abbreviation);
                }
            }
        }
    }

    #[test]
    fn doc_10_longest_match_at_group_boundary() {
        assert_eq!(
            DocType::from_abbreviation("QyĐ", false),
            Some(DocType::QuyDinh)
        );
        assert_eq!(
            DocType::from_abbreviation("QĐ", false),
            Some(DocType::QuyetDinh)
        );
        assert_eq!(
            DocType::from_abbreviation("CTr", false),
            Some(DocType::ChuongTrinh)
        );
        assert_eq!(
            DocType::from_abbreviation("CT", false),
            Some(DocType::ChiThi)
        );
        assert_eq!(
            DocType::from_abbreviation("TTr", false),
            Some(DocType::ToTrinh)
        );
        assert_eq!(
            DocType::from_abbreviation("TT", true),
            Some(DocType::ThongTu)
        );
        assert_eq!(
            DocType::from_abbreviation("TT", false),
            Some(DocType::ThongTu)
        );
        assert_eq!(
            DocType::from_abbreviation("TTLT", true),
            Some(DocType::ThongTuLienTich)
        );
        assert_eq!(DocType::from_abbreviation("TCT", false), None);
        assert_eq!(DocType::from_abbreviation("qđ", false), None);
        assert_eq!(
            DocType::from_abbreviation("NQ", true),
            Some(DocType::NghiQuyetQppl)
        );
    }

    #[test]
    fn doc_10_abbreviations_match_after_folding_the_stroke() {
        fn f(a: &str, normative: bool) -> Option<DocType> {
            DocType::from_abbreviation_folded(a, normative)
        }
        assert_eq!(f("QD", false), Some(DocType::QuyetDinh));
        assert_eq!(f("QD", true), Some(DocType::QuyetDinhQppl));
        assert_eq!(f("ND", true), Some(DocType::NghiDinh));
        assert_eq!(f("QyD", false), Some(DocType::QuyDinh));
        assert_eq!(f("CD", false), Some(DocType::CongDien));
        assert_eq!(f("QÐ", false), Some(DocType::QuyetDinh));
        // Exact spellings come first.
        assert_eq!(f("QĐ", false), Some(DocType::QuyetDinh));
        assert_eq!(f("HD", false), Some(DocType::HuongDan));
        assert_eq!(f("DA", false), Some(DocType::DuAn));
        // Other diacritics are dropped too; an ambiguous folding names no type.
        assert_eq!(f("NQ\u{301}", false), Some(DocType::NghiQuyet));
        assert_eq!(f("DÁ", false), None, "ĐA or DA");
        assert_eq!(f("qd", false), None);
        assert_eq!(f("UBND", false), None);
        assert_eq!(f("", false), None);
        assert_eq!(f("QDQDQDQD", false), None);
        for info in &TABLE {
            if let Some(a) = info.abbreviation {
                let plain: String = a.replace('Đ', "D");
                let found = f(&plain, info.group == DocTypeGroup::Normative).unwrap();
                assert_eq!(
                    found.abbreviation(),
                    if plain == "DA" || plain == "HD" {
                        Some(plain.as_str())
                    } else {
                        Some(a)
                    },
                    "{a}"
                );
            }
        }
    }

    #[test]
    fn serde_is_snake_case() {
        assert_eq!(
            serde_json::to_string(&DocType::QuyDinh).unwrap(),
            "\"quy_dinh\""
        );
        let info = serde_json::to_value(DocType::ToTrinh.info()).unwrap();
        assert_eq!(info["abbreviation"], "TTr");
        assert_eq!(info["group"], "administrative");
        let back: DocType = serde_json::from_str("\"nghi_dinh\"").unwrap();
        assert_eq!(back, DocType::NghiDinh);
    }

    #[test]
    fn from_name_accepts_nfd_and_no_diacritics() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Giấy ủy quyền".nfd().collect();
        assert_eq!(DocType::from_name(&nfd), Some(DocType::GiayUyQuyen));
        assert_eq!(DocType::from_name("THONG TU"), Some(DocType::ThongTu));
        assert_eq!(DocType::from_name("Quyết định"), Some(DocType::QuyetDinh));
        assert_eq!(DocType::from_name("thư tình"), None);
    }
}
