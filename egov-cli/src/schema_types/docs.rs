//! The JSON Schemas of `egov status`, `urgency`, `legal-value`, `paper-copy`: the answer types and their [`Entry`] list.

use egov_core::Finding;
use egov_docs::legal_value::PaperCopyDecision;
use egov_docs::status::{ProcessingStatus, StatusEventKind, TransitionRule};
use egov_docs::urgency::Urgency;
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Input, "paper-copy-policy", egov_docs::legal_value::PaperCopyPolicy,
            "Danh mục văn bản gửi kèm văn bản giấy / Paper-copy list of the agency (DOC-17, QĐ 28/2018/QĐ-TTg Đ7.2.b)",
            "Read by `egov paper-copy --policy FILE` (JSON, or TOML for a .toml file): the document types the head of the agency decided are sent with a văn bản giấy too."),
        entry!(Output, "status-transitions", StatusTransitionsOutput<'static>,
            "Bảng chuyển trạng thái xử lý / Processing-status transitions (DOC-22, DOC-27…30)",
            "Printed by `egov --json status transitions [STATUS]`: the whole table, or the events allowed from STATUS with that status's names and edXML code."),
        entry!(Output, "status-apply", egov_docs::status::Transition,
            "Chuyển trạng thái xử lý / Status transition applied (DOC-22, DOC-27…30)",
            "Printed by `egov --json status apply STATUS EVENT [--reason TEXT] [--at TIME]`: the new status, the notices owed and their basis; a transition the table does not give prints `error` (exit 1)."),
        entry!(Output, "status-edxml-code", StatusEdxmlCodeOutput,
            "Mã trạng thái edXML / edXML StatusCode (DOC-29, DOC-30)",
            "Printed by `egov --json status edxml-code CODE_OR_STATUS`."),
        entry!(Output, "urgency", UrgencyOutput,
            "Độ khẩn / Urgency (DOC-12, Đ10.2.k)",
            "Printed by `egov --json urgency TEXT` and `egov --json urgency --edxml-priority CODE`."),
        entry!(Output, "legal-value", egov_docs::legal_value::LegalValueAssessment,
            "Giá trị pháp lý của văn bản điện tử / Legal value of an e-document (DOC-14, QĐ 28/2018/QĐ-TTg Đ4)",
            "Printed by `egov --json legal-value --digitally-signed YES|NO --via-system YES|NO` (exit 1 when Đ4 does not settle the value)."),
        entry!(Output, "paper-copy", PaperCopyOutput,
            "Gửi kèm văn bản giấy / Paper copy decision (DOC-17, QĐ 28/2018/QĐ-TTg Đ5.3, Đ7.2)",
            "Printed by `egov --json paper-copy --type TYPE --legal-value VALUE [--to-government] [--policy FILE] [--listed TYPE]… [--issued YES|NO]` (exit 1 when --issued contradicts the decision)."),
    ]
}

/// `egov status transitions [STATUS]` (DOC-22).
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusTransitionsOutput<'a> {
    /// The allowed edges (all of them, or those leaving STATUS), each with its rule ID and
    /// article (QĐ 28/2018/QĐ-TTg Đ5.4, Đ8.2, Đ9.1, Đ9.2).
    pub transitions: Vec<&'a TransitionRule>,
    /// With STATUS: that status's names, whether it is final and its edXML code.
    #[serde(flatten)]
    pub from: Option<StatusSummary>,
}

/// The status asked about by `egov status transitions STATUS`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusSummary {
    /// The status.
    pub status: ProcessingStatus,
    /// Its name in Vietnamese («đã tiếp nhận», …).
    pub name_vi: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// A final status (`rejected`, `deleted`): no event leaves it.
    #[serde(rename = "final")]
    pub is_final: bool,
    /// Its edXML StatusCode (`01`…`06`, `13`, `15`, `16`); null when it has none.
    pub edxml_code: Option<&'static str>,
}

/// `egov status edxml-code CODE_OR_STATUS` (DOC-29/30).
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusEdxmlCodeOutput {
    /// The edXML StatusCode (`01`…`06`, `13`, `15`, `16`).
    pub code: &'static str,
    /// Its name in Vietnamese.
    pub name_vi: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// The processing status it reports; null when it reports none.
    pub status: Option<ProcessingStatus>,
    /// The event it carries; null when it carries none.
    pub event: Option<StatusEventKind>,
}

/// `egov urgency` (DOC-12).
#[derive(Debug, Serialize, JsonSchema)]
pub struct UrgencyOutput {
    /// The urgency «độ khẩn»; null: not urgent («thường»).
    pub urgency: Option<Urgency>,
    /// Its name in Vietnamese (khẩn, thượng khẩn, hỏa tốc); null when not urgent.
    pub name_vi: Option<&'static str>,
    /// Its name in English; null when not urgent.
    pub name_en: Option<&'static str>,
    /// The edXML `Priority` code: 0 not urgent, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc.
    pub edxml_priority: u8,
    /// When «hỏa tốc hẹn giờ» (Priority 4) was given: what reading it as hỏa tốc loses; else
    /// null.
    pub note: Option<String>,
    /// The same note in Vietnamese.
    pub note_vi: Option<String>,
}

/// `egov paper-copy` (DOC-17).
#[derive(Debug, Serialize, JsonSchema)]
pub struct PaperCopyOutput {
    /// Whether a văn bản giấy must go with the e-document, on which grounds.
    pub decision: PaperCopyDecision,
    /// With `--issued`: whether issuing (or not) a paper copy agrees with the decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judgement: Option<Finding>,
}
