//! The conversion mark (rules CONV-02, CONV-09, CONV-10, CONV-11; NĐ 137/2024 Đ4.1, Đ5.1, Đ5.2)
//! and the wording of its text mark (CONV-04, CONV-13; REQUIREMENTS §7 A-08).

use std::collections::BTreeMap;
use std::fmt;

use egov_core::VnDateTime;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Which way the document was converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Paper → data message (NĐ 137/2024 Đ4).
    PaperToData,
    /// Data message → paper (NĐ 137/2024 Đ5).
    DataToPaper,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::PaperToData => "paper_to_data",
            Direction::DataToPaper => "data_to_paper",
        })
    }
}

/// What the conversion is for, which decides where the mark's content comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Any other conversion: Đ4.1.a / Đ5.2.a apply directly (CONV-02, CONV-11).
    General,
    /// The result of an administrative procedure (Nghị định 45/2020 Đ25.3.c / Đ18): the mark
    /// follows point a all the same (CONV-06, Đ4.1.c; CONV-15, Đ5.2.c).
    AdminProcedureResult,
    /// A clerical copy «SAO Y» (CONV-05 Đ4.1.b, CONV-14 Đ5.2.b): content follows the law on
    /// clerical work, Nghị định 30/2020 (outside knowledge).
    SaoY,
    /// A clerical copy «SAO LỤC» (CONV-05, CONV-14).
    SaoLuc,
    /// A clerical copy «TRÍCH SAO» (CONV-05, CONV-14).
    TrichSao,
}

impl Profile {
    /// True for the clerical-copy profiles (sao y, sao lục, trích sao).
    pub fn is_clerical_copy(&self) -> bool {
        matches!(self, Profile::SaoY | Profile::SaoLuc | Profile::TrichSao)
    }
}

/// Where the data message can be found on the information system (CONV-10, Đ5.1.b).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
#[serde(deny_unknown_fields)]
pub enum AccessLocator {
    /// «một đường dẫn đầy đủ của thông điệp dữ liệu trên hệ thống thông tin».
    FullUrl {
        /// The full URL of the data message.
        url: String,
    },
    /// «mã duy nhất để truy cập thông điệp dữ liệu thông qua một giao diện tìm kiếm».
    UniqueCode {
        /// The unique code.
        code: String,
        /// The search interface where the code is entered (a URL).
        search_interface: String,
    },
}

/// The information system that created / holds the data message, and how to find the message
/// on it (CONV-09 Đ5.1.a, CONV-10 Đ5.1.b). Required for data → paper.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceSystem {
    /// «tên hệ thống thông tin».
    pub system_name: String,
    /// «tên chủ quản hệ thống thông tin».
    pub owner_name: String,
    /// The access locator.
    pub locator: AccessLocator,
}

/// A conversion mark (REQUIREMENTS §3.5).
///
/// Build one with [`ConversionMark::paper_to_data`] or [`ConversionMark::data_to_paper`], which
/// take the text from a [`Wording`] and normalise every string to NFC; check it with
/// [`crate::validate`].
///
/// ```
/// use egov_conversion::{ConversionMark, Profile, Wording};
/// use egov_core::VnDateTime;
/// let at = VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap();
/// let mark = ConversionMark::paper_to_data(
///     Profile::General, at, "Ủy ban nhân dân phường Bến Nghé", &Wording::sdk_default());
/// assert_eq!(mark.mark_text, "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy");
/// assert!(egov_conversion::validate(&mark).is_compliant());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConversionMark {
    /// Paper → data or data → paper.
    pub direction: Direction,
    /// What the conversion is for.
    pub profile: Profile,
    /// The «ký hiệu riêng bằng chữ»: the words saying the document was converted (CONV-02,
    /// CONV-11). The wording is set by other law (CONV-04, CONV-13); see [`Wording`].
    pub mark_text: String,
    /// «thời gian thực hiện chuyển đổi», Vietnam time, second precision (A-09).
    pub converted_at: VnDateTime,
    /// «tên đầy đủ của cơ quan, tổ chức, cá nhân thực hiện chuyển đổi».
    pub converter_full_name: String,
    /// The source information system and locator: required for data → paper (Đ5.1), an
    /// extension for paper → data (A-11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_system: Option<SourceSystem>,
    /// Extra fields beyond the mandatory ones (A-11), sorted by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, String>,
}

impl ConversionMark {
    /// A paper → data mark (Đ4.1.a) with the wording's text for `profile`.
    pub fn paper_to_data(
        profile: Profile,
        converted_at: VnDateTime,
        converter_full_name: &str,
        wording: &Wording,
    ) -> Self {
        ConversionMark {
            direction: Direction::PaperToData,
            profile,
            mark_text: wording.text_for(Direction::PaperToData, profile).to_owned(),
            converted_at,
            converter_full_name: nfc(converter_full_name),
            source_system: None,
            extensions: BTreeMap::new(),
        }
        .normalized()
    }

    /// A data → paper mark (Đ5.1, Đ5.2.a) with the wording's text for `profile`.
    pub fn data_to_paper(
        profile: Profile,
        converted_at: VnDateTime,
        converter_full_name: &str,
        source_system: SourceSystem,
        wording: &Wording,
    ) -> Self {
        ConversionMark {
            direction: Direction::DataToPaper,
            profile,
            mark_text: wording.text_for(Direction::DataToPaper, profile).to_owned(),
            converted_at,
            converter_full_name: converter_full_name.to_owned(),
            source_system: Some(source_system),
            extensions: BTreeMap::new(),
        }
        .normalized()
    }

    /// Adds an extension field (A-11).
    pub fn with_extension(mut self, name: &str, value: &str) -> Self {
        self.extensions.insert(nfc(name), nfc(value));
        self
    }

    /// The same mark with every string trimmed and in NFC, and the time truncated to whole
    /// seconds (A-09). The signed payload always carries this form.
    pub fn normalized(mut self) -> Self {
        self.mark_text = nfc(&self.mark_text);
        self.converter_full_name = nfc(&self.converter_full_name);
        if let Some(s) = &mut self.source_system {
            s.system_name = nfc(&s.system_name);
            s.owner_name = nfc(&s.owner_name);
            match &mut s.locator {
                AccessLocator::FullUrl { url } => *url = url.trim().to_owned(),
                AccessLocator::UniqueCode {
                    code,
                    search_interface,
                } => {
                    *code = nfc(code);
                    *search_interface = search_interface.trim().to_owned();
                }
            }
        }
        self.extensions = std::mem::take(&mut self.extensions)
            .into_iter()
            .map(|(k, v)| (nfc(&k), nfc(&v)))
            .collect();
        let secs = self.converted_at.unix_seconds();
        if let Ok(t) = VnDateTime::from_unix_seconds(secs) {
            self.converted_at = t;
        }
        self
    }

    /// The lines printed in the mark block, in order: the text mark, the time, the converter,
    /// then (data → paper) the system, its owner and the locator.
    pub fn display_lines(&self) -> Vec<String> {
        let mut lines = vec![
            self.mark_text.clone(),
            format!(
                "Thời gian chuyển đổi: {}",
                self.converted_at
                    .as_datetime()
                    .format("%H:%M:%S ngày %d/%m/%Y")
            ),
            format!("Chuyển đổi bởi: {}", self.converter_full_name),
        ];
        if let Some(s) = &self.source_system {
            lines.push(format!("Hệ thống thông tin: {}", s.system_name));
            lines.push(format!("Chủ quản: {}", s.owner_name));
            match &s.locator {
                AccessLocator::FullUrl { url } => lines.push(format!("Tra cứu: {url}")),
                AccessLocator::UniqueCode {
                    code,
                    search_interface,
                } => lines.push(format!("Mã tra cứu: {code} tại {search_interface}")),
            }
        }
        lines
    }
}

/// The JSON form of making a mark (what the C and Python bindings take): the facts of the
/// conversion, with the text mark from the SDK wording (A-08) unless `mark_text` or `wording`
/// gives it.
///
/// ```
/// use egov_conversion::mark::MarkRequest;
/// let req: MarkRequest = serde_json::from_str(r#"{"direction": "paper_to_data",
///     "converted_at": "2026-03-02T09:15:00+07:00",
///     "converter_full_name": "Ủy ban nhân dân phường Bến Nghé"}"#).unwrap();
/// let mark = req.make();
/// assert_eq!(mark.mark_text, "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy");
/// assert!(egov_conversion::validate(&mark).is_compliant());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MarkRequest {
    /// Paper → data or data → paper.
    pub direction: Direction,
    /// What the conversion is for (default `general`).
    #[serde(default = "general")]
    pub profile: Profile,
    /// When the conversion was made.
    pub converted_at: VnDateTime,
    /// Full name of the converting agency, organisation or individual.
    pub converter_full_name: String,
    /// The source system and locator (required for data → paper; missing, the mark is made and
    /// [`crate::validate`] reports it).
    #[serde(default)]
    pub source_system: Option<SourceSystem>,
    /// The text mark, replacing the wording's.
    #[serde(default)]
    pub mark_text: Option<String>,
    /// The wording to take the text mark from (default [`Wording::sdk_default`], A-08).
    #[serde(default)]
    pub wording: Option<Wording>,
    /// Extension fields (A-11).
    #[serde(default)]
    pub extensions: BTreeMap<String, String>,
}

fn general() -> Profile {
    Profile::General
}

impl MarkRequest {
    /// Makes the (normalised) mark. Nothing is checked here: pass it to [`crate::validate`].
    pub fn make(self) -> ConversionMark {
        let wording = self.wording.unwrap_or_default();
        let mark_text = self
            .mark_text
            .unwrap_or_else(|| wording.text_for(self.direction, self.profile).to_owned());
        ConversionMark {
            direction: self.direction,
            profile: self.profile,
            mark_text,
            converted_at: self.converted_at,
            converter_full_name: self.converter_full_name,
            source_system: self.source_system,
            extensions: self.extensions,
        }
        .normalized()
    }
}

/// Trims and normalises to NFC (DESIGN §2: store and emit NFC).
pub(crate) fn nfc(s: &str) -> String {
    s.trim().nfc().collect()
}

/// The wording of the text mark («ký hiệu riêng bằng chữ») for each direction and profile.
///
/// NĐ 137/2024 does not fix the words: Đ4.1.a defers them to «pháp luật liên quan» (CONV-04) and
/// Đ5.2.a to «pháp luật chuyên ngành» (CONV-13). [`Wording::sdk_default`] is **an SDK default,
/// not a legal text** (REQUIREMENTS §7 A-08): the two sentences paraphrase the decree, and the
/// clerical-copy forms «SAO Y», «SAO LỤC», «TRÍCH SAO» come from Nghị định 30/2020 (outside
/// knowledge). Override any field when your sector's law gives the wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// Paper → data, general and administrative-procedure-result profiles.
    pub paper_to_data: String,
    /// Data → paper, general and administrative-procedure-result profiles.
    pub data_to_paper: String,
    /// Clerical copy «sao y».
    pub sao_y: String,
    /// Clerical copy «sao lục».
    pub sao_luc: String,
    /// Clerical copy «trích sao».
    pub trich_sao: String,
}

/// SDK default (A-08) for paper → data: paraphrase of NĐ 137/2024 Đ4.1.a.
pub const DEFAULT_PAPER_TO_DATA: &str = "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy";
/// SDK default (A-08) for data → paper: paraphrase of NĐ 137/2024 Đ5.2.a.
pub const DEFAULT_DATA_TO_PAPER: &str = "Văn bản giấy được chuyển đổi từ thông điệp dữ liệu";
/// Copy form «SAO Y» (Nghị định 30/2020, outside knowledge).
pub const DEFAULT_SAO_Y: &str = "SAO Y";
/// Copy form «SAO LỤC» (Nghị định 30/2020, outside knowledge).
pub const DEFAULT_SAO_LUC: &str = "SAO LỤC";
/// Copy form «TRÍCH SAO» (Nghị định 30/2020, outside knowledge).
pub const DEFAULT_TRICH_SAO: &str = "TRÍCH SAO";

impl Wording {
    /// The SDK defaults (A-08). Not a legal text; see the type's documentation.
    pub fn sdk_default() -> Self {
        Wording {
            paper_to_data: DEFAULT_PAPER_TO_DATA.to_owned(),
            data_to_paper: DEFAULT_DATA_TO_PAPER.to_owned(),
            sao_y: DEFAULT_SAO_Y.to_owned(),
            sao_luc: DEFAULT_SAO_LUC.to_owned(),
            trich_sao: DEFAULT_TRICH_SAO.to_owned(),
        }
    }

    /// The text for a direction and profile. The administrative-procedure-result profile uses
    /// the general text (Đ4.1.c and Đ5.2.c refer back to point a).
    pub fn text_for(&self, direction: Direction, profile: Profile) -> &str {
        match (profile, direction) {
            (Profile::SaoY, _) => &self.sao_y,
            (Profile::SaoLuc, _) => &self.sao_luc,
            (Profile::TrichSao, _) => &self.trich_sao,
            (_, Direction::PaperToData) => &self.paper_to_data,
            (_, Direction::DataToPaper) => &self.data_to_paper,
        }
    }
}

impl Default for Wording {
    fn default() -> Self {
        Wording::sdk_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> VnDateTime {
        VnDateTime::parse("2026-03-02T09:15:00.750+07:00").unwrap()
    }

    fn request(json: serde_json::Value) -> ConversionMark {
        serde_json::from_value::<MarkRequest>(json).unwrap().make()
    }

    #[test]
    fn conv_02_11_request_takes_the_wording_by_direction_and_profile() {
        let m = request(
            serde_json::json!({"direction": "data_to_paper", "profile": "sao_y",
            "converted_at": "2026-03-02T09:15:00.750+07:00", "converter_full_name": " Văn phòng  ",
            "source_system": {"system_name": "HT", "owner_name": "UBND",
                              "locator": {"kind": "full_url", "url": "https://a.gov.vn/x"}}}),
        );
        assert_eq!(m.mark_text, "SAO Y");
        assert_eq!(m.converter_full_name, "Văn phòng");
        assert_eq!(m.converted_at.to_string(), "2026-03-02T09:15:00+07:00"); // A-09 seconds
        assert_eq!(
            m,
            ConversionMark::data_to_paper(
                Profile::SaoY,
                at(),
                "Văn phòng",
                m.source_system.clone().unwrap(),
                &Wording::sdk_default()
            )
        );
        let own = request(serde_json::json!({"direction": "paper_to_data",
            "converted_at": "2026-03-02T09:15:00+07:00", "converter_full_name": "X",
            "mark_text": "Bản điện tử chuyển đổi từ bản giấy"}));
        assert_eq!(own.mark_text, "Bản điện tử chuyển đổi từ bản giấy");
        assert_eq!(own.profile, Profile::General);
    }

    #[test]
    fn conv_09_request_without_source_system_is_made_and_reported() {
        let m = request(serde_json::json!({"direction": "data_to_paper",
            "converted_at": "2026-03-02T09:15:00+07:00", "converter_full_name": "X"}));
        let r = crate::validate(&m);
        assert!(!r.is_compliant());
        assert!(r.findings.iter().any(|f| f.rule == "CONV-09"), "{r:?}");
        let bad = serde_json::from_value::<MarkRequest>(
            serde_json::json!({"direction": "paper_to_data",
            "converted_at": "2026-03-02T09:15:00+07:00", "converter_full_name": "X", "convertor": 1}),
        );
        assert!(bad.is_err(), "unknown keys are refused");
    }

    #[test]
    fn conv_04_wording_is_a_parameter_with_labelled_defaults() {
        let mut w = Wording::sdk_default();
        let m = ConversionMark::paper_to_data(Profile::General, at(), "UBND xã A", &w);
        assert_eq!(m.mark_text, DEFAULT_PAPER_TO_DATA);
        w.paper_to_data = "BẢN ĐIỆN TỬ CHUYỂN ĐỔI TỪ BẢN GIẤY".to_owned();
        let m = ConversionMark::paper_to_data(Profile::General, at(), "UBND xã A", &w);
        assert_eq!(m.mark_text, "BẢN ĐIỆN TỬ CHUYỂN ĐỔI TỪ BẢN GIẤY");
    }

    #[test]
    fn conv_13_data_to_paper_wording_is_set_by_specialised_law_not_by_the_sdk() {
        let seed = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");
        assert!(seed.contains("Nội dung ký hiệu riêng thể hiện văn bản giấy đã được chuyển đổi từ thông điệp dữ liệu được quy định theo pháp luật chuyên ngành."));
        let source = SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh A".into(),
            owner_name: "Ủy ban nhân dân tỉnh A".into(),
            locator: AccessLocator::FullUrl {
                url: "https://dichvucong.a.gov.vn/hs/1".into(),
            },
        };
        // The SDK's sentence is only a labelled default (A-08) …
        let m = ConversionMark::data_to_paper(
            Profile::General,
            at(),
            "Nguyễn Văn An",
            source.clone(),
            &Wording::sdk_default(),
        );
        assert_eq!(m.mark_text, DEFAULT_DATA_TO_PAPER);
        // … which the sector's own wording replaces, on the printed lines too; the other
        // direction keeps its own.
        let mut w = Wording::sdk_default();
        w.data_to_paper = "BẢN GIẤY IN TỪ HỒ SƠ ĐIỆN TỬ (theo quy định chuyên ngành)".into();
        let m = ConversionMark::data_to_paper(Profile::General, at(), "Nguyễn Văn An", source, &w);
        assert_eq!(m.display_lines()[0], w.data_to_paper);
        assert_eq!(
            w.text_for(Direction::PaperToData, Profile::General),
            DEFAULT_PAPER_TO_DATA
        );
        // Read from JSON, an unknown wording key is refused rather than ignored.
        assert!(serde_json::from_str::<Wording>(r#"{"paper_to_data":"a","data_to_paper":"b","sao_y":"c","sao_luc":"d","trich_sao":"e","data_to_papers":"f"}"#).is_err());
    }

    #[test]
    fn conv_06_conv_15_admin_result_uses_point_a_wording() {
        let w = Wording::sdk_default();
        assert_eq!(
            w.text_for(Direction::PaperToData, Profile::AdminProcedureResult),
            DEFAULT_PAPER_TO_DATA
        );
        assert_eq!(
            w.text_for(Direction::DataToPaper, Profile::AdminProcedureResult),
            DEFAULT_DATA_TO_PAPER
        );
    }

    #[test]
    fn conv_05_conv_14_clerical_profiles_use_copy_forms() {
        let w = Wording::sdk_default();
        assert_eq!(w.text_for(Direction::PaperToData, Profile::SaoY), "SAO Y");
        assert_eq!(
            w.text_for(Direction::DataToPaper, Profile::SaoLuc),
            "SAO LỤC"
        );
        assert_eq!(
            w.text_for(Direction::DataToPaper, Profile::TrichSao),
            "TRÍCH SAO"
        );
        assert!(Profile::TrichSao.is_clerical_copy());
        assert!(!Profile::AdminProcedureResult.is_clerical_copy());
    }

    #[test]
    fn a_09_time_is_truncated_to_seconds_and_text_is_nfc() {
        let nfd: String = "Nguyễn Văn An".nfd().collect();
        let m = ConversionMark::paper_to_data(Profile::General, at(), &nfd, &Wording::default());
        assert_eq!(m.converter_full_name, "Nguyễn Văn An");
        assert_eq!(m.converted_at.to_string(), "2026-03-02T09:15:00+07:00");
        assert_eq!(
            m.display_lines()[1],
            "Thời gian chuyển đổi: 09:15:00 ngày 02/03/2026"
        );
    }

    #[test]
    fn conv_10_locator_serde_is_tagged_snake_case() {
        let l = AccessLocator::UniqueCode {
            code: "H22.99-260302-0001".into(),
            search_interface: "https://dichvucong.gov.vn/tra-cuu".into(),
        };
        let v = serde_json::to_value(&l).unwrap();
        assert_eq!(v["kind"], "unique_code");
        assert_eq!(serde_json::from_value::<AccessLocator>(v).unwrap(), l);
    }
}
