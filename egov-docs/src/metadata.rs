//! The metadata record a document-management system must show (rule DOC-10, QĐ 28/2018/QĐ-TTg
//! Đ10.2 «phải thể hiện các thông tin sau đây của văn bản điện tử»), points a) to q).
//!
//! [`DocumentMetadata`] holds the fields as a system exports them (strings, as in its JSON), so
//! that [`DocumentMetadata::validate`] can report *every* problem at once with the article it
//! breaks, instead of stopping at the first field that fails to deserialize. Which fields are
//! mandatory is not stated by the decision (only q says «nếu có»): the default follows
//! REQUIREMENTS §7 A-05 and is overridable through [`MetadataPolicy`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use egov_core::classification::Classification;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome, Report, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::agency::AgencyCode;
use crate::doctype::DocType;
use crate::document_id::{EdxmlContext, EdxmlDocumentId};
use crate::number::DocNumber;
use crate::status::ReportedStatus;
use crate::text::{fold, time_error_vi};
use crate::urgency::Urgency;

/// The sixteen points of QĐ 28/2018/QĐ-TTg Đ10.2 (the Vietnamese lettering skips f and j).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MetadataField {
    /// a) «Mã định danh của cơ quan, tổ chức».
    AgencyCode,
    /// b) «Mã định danh văn bản».
    DocumentId,
    /// c) «Số và kí hiệu văn bản».
    Number,
    /// d) «Ngày, tháng, năm văn bản».
    Date,
    /// đ) «Loại văn bản».
    DocType,
    /// e) «Trích yếu nội dung văn bản».
    Summary,
    /// g) «Hồ sơ, tài liệu gửi kèm».
    Attachments,
    /// h) «Trạng thái xử lý».
    Status,
    /// i) «Chức vụ, họ tên người ký».
    Signer,
    /// k) «Mức độ khẩn (khẩn/thượng khẩn/hỏa tốc)».
    Urgency,
    /// l) «Bên gửi».
    Sender,
    /// m) «Bên nhận».
    Receivers,
    /// n) «Thời gian gửi, nhận».
    SentReceived,
    /// o) «Thời hạn xử lý».
    ProcessingDeadline,
    /// p) «Lịch sử gửi, nhận văn bản».
    History,
    /// q) «Thông tin khác (nếu có)».
    Other,
}

/// One row of Đ10.2: the point letter, the JSON key, the Vietnamese name (verbatim), the English
/// name, and whether A-05 treats the point as optional by default.
struct FieldInfo {
    point: &'static str,
    key: &'static str,
    name_vi: &'static str,
    name_en: &'static str,
    optional: bool,
}

/// The points of Đ10.2, in the order of [`MetadataField`]'s variants.
const FIELDS: [FieldInfo; 16] = {
    const fn row(
        point: &'static str,
        key: &'static str,
        name_vi: &'static str,
        name_en: &'static str,
        optional: bool,
    ) -> FieldInfo {
        FieldInfo {
            point,
            key,
            name_vi,
            name_en,
            optional,
        }
    }
    [
        row(
            "a",
            "agency_code",
            "Mã định danh của cơ quan, tổ chức",
            "agency code",
            false,
        ),
        row(
            "b",
            "document_id",
            "Mã định danh văn bản",
            "document identifier",
            false,
        ),
        row(
            "c",
            "number",
            "Số và kí hiệu văn bản",
            "number and symbol",
            false,
        ),
        row(
            "d",
            "date",
            "Ngày, tháng, năm văn bản",
            "document date",
            false,
        ),
        row("đ", "doc_type", "Loại văn bản", "document type", false),
        row(
            "e",
            "summary",
            "Trích yếu nội dung văn bản",
            "summary of contents",
            false,
        ),
        row(
            "g",
            "attachments",
            "Hồ sơ, tài liệu gửi kèm",
            "attached dossiers and documents",
            true,
        ),
        row(
            "h",
            "status",
            "Trạng thái xử lý",
            "processing status",
            false,
        ),
        row(
            "i",
            "signer",
            "Chức vụ, họ tên người ký",
            "signer's position and full name",
            false,
        ),
        row("k", "urgency", "Mức độ khẩn", "urgency", true),
        row("l", "sender", "Bên gửi", "sender", false),
        row("m", "receivers", "Bên nhận", "receivers", false),
        row(
            "n",
            "sent_at",
            "Thời gian gửi, nhận",
            "time sent / received",
            false,
        ),
        row(
            "o",
            "processing_deadline",
            "Thời hạn xử lý",
            "processing deadline",
            true,
        ),
        row(
            "p",
            "history",
            "Lịch sử gửi, nhận văn bản",
            "send/receive history",
            false,
        ),
        row("q", "other", "Thông tin khác", "other information", true),
    ]
};

impl MetadataField {
    /// Every field, in the order of Đ10.2.
    pub const ALL: [MetadataField; 16] = [
        MetadataField::AgencyCode,
        MetadataField::DocumentId,
        MetadataField::Number,
        MetadataField::Date,
        MetadataField::DocType,
        MetadataField::Summary,
        MetadataField::Attachments,
        MetadataField::Status,
        MetadataField::Signer,
        MetadataField::Urgency,
        MetadataField::Sender,
        MetadataField::Receivers,
        MetadataField::SentReceived,
        MetadataField::ProcessingDeadline,
        MetadataField::History,
        MetadataField::Other,
    ];

    fn info(self) -> &'static FieldInfo {
        // The discriminant is the row index: both lists follow Đ10.2's order.
        let row = self as usize;
        FIELDS.get(row).unwrap_or(&FIELDS[0])
    }

    /// The point letter in Đ10.2 (`a` … `q`, with `đ`).
    pub fn point(self) -> &'static str {
        self.info().point
    }

    /// The JSON key of the field in [`DocumentMetadata`].
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The Vietnamese name, verbatim from Đ10.2.
    pub fn name_vi(self) -> &'static str {
        self.info().name_vi
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        self.info().name_en
    }

    /// True when the SDK's default policy treats the point as optional (A-05): g) may be an
    /// empty list, k) absent means not urgent, o) and q) («nếu có») may be absent.
    pub fn optional_by_default(self) -> bool {
        self.info().optional
    }

    /// The citation of this point: QĐ 28/2018/QĐ-TTg Đ10.2.`<point>`.
    pub fn basis(self) -> LegalRef {
        LegalRef::point(Instrument::Qd28_2018, 10, 2, self.point())
    }
}

/// The signer of a document, point i) «Chức vụ, họ tên người ký».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Signer {
    /// Position, with any authority prefix (`KT. THỦ TƯỚNG` + `PHÓ THỦ TƯỚNG`).
    pub position: String,
    /// Full name (`Vũ Đức Đam`).
    pub full_name: String,
}

/// An attached dossier or document, point g).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Attachment {
    /// File or document name.
    pub name: String,
    /// Media type, if known (`application/pdf`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Size in bytes, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

/// One entry of the send/receive history, point p).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HistoryEntry {
    /// When, ISO 8601 with offset (CORE-01).
    pub at: String,
    /// The status reached or event that happened (`đã đến`, `accepted`, …).
    pub status: String,
    /// Who acted (agency code or name), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A document's metadata record, points a)–q) of QĐ 28/2018/QĐ-TTg Đ10.2 (DOC-10), as a
/// document-management system exports it. Every field is optional at the type level so that
/// [`DocumentMetadata::validate`] can report what is missing.
///
/// ```
/// use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
/// let json = r#"{
///   "agency_code": "000.00.00.G22",
///   "document_id": "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT",
///   "number": "7816/VPCP-TTĐT",
///   "date": "2018-09-20",
///   "doc_type": "Công văn",
///   "summary": "V/v triển khai Trục liên thông văn bản quốc gia",
///   "status": "đã đến",
///   "signer": {"position": "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "full_name": "Nguyễn Văn A"},
///   "sender": "000.00.00.G22",
///   "receivers": ["000.00.00.H41"],
///   "sent_at": "2018-09-20T14:05:00+07:00",
///   "history": [{"at": "2018-09-20T14:05:00+07:00", "status": "đã đến"}]
/// }"#;
/// let record = DocumentMetadata::from_json(json).unwrap();
/// let report = record.validate(&MetadataPolicy::default());
/// assert!(report.is_compliant(), "{:#?}", report);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DocumentMetadata {
    /// a) agency code (`000.00.00.G22`).
    pub agency_code: Option<String>,
    /// b) document identifier (edXML form `000.00.00.G22,2018/09/20,7816/VPCP-TTĐT`).
    pub document_id: Option<String>,
    /// c) number and symbol (`7816/VPCP-TTĐT`).
    pub number: Option<String>,
    /// d) document date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// đ) document type, by name (`Quyết định`) or abbreviation (`QĐ`).
    pub doc_type: Option<String>,
    /// e) summary of contents (trích yếu).
    pub summary: Option<String>,
    /// g) attached dossiers and documents (may be empty).
    pub attachments: Vec<Attachment>,
    /// h) processing status (`đã đến`, `accepted`, …). The list of Đ10.2.h is open («...»):
    /// a status outside it is reported as a `Warning`, not a failure ([`ReportedStatus`]).
    pub status: Option<String>,
    /// i) signer.
    pub signer: Option<Signer>,
    /// k) urgency; absent or `thường` means not urgent.
    pub urgency: Option<String>,
    /// l) sender (agency code or name).
    pub sender: Option<String>,
    /// m) receivers (agency codes or names).
    pub receivers: Vec<String>,
    /// n) time sent, ISO 8601 with offset.
    pub sent_at: Option<String>,
    /// n) time received, ISO 8601 with offset.
    pub received_at: Option<String>,
    /// o) processing deadline: ISO 8601 time or `YYYY-MM-DD`.
    pub processing_deadline: Option<String>,
    /// p) send/receive history, oldest first.
    pub history: Vec<HistoryEntry>,
    /// q) other information.
    pub other: BTreeMap<String, serde_json::Value>,
    /// Whether the content is a state secret (CORE-08; not a point of Đ10.2). A state-secret
    /// record is outside QĐ 28/2018 (Đ1.2): [`DocumentMetadata::validate`] answers with that
    /// one finding. Default `unclassified`, left out of the JSON.
    #[serde(skip_serializing_if = "Classification::is_unclassified")]
    pub classification: Classification,
}

/// Which points of Đ10.2 a record must fill (A-05). The decision marks only q) as «nếu có»;
/// the default treats g) (may be an empty list), k) (absent = not urgent), o) and q) as optional
/// and every other point as mandatory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetadataPolicy {
    /// The mandatory points.
    pub required: BTreeSet<MetadataField>,
}

impl Default for MetadataPolicy {
    fn default() -> Self {
        MetadataPolicy {
            required: MetadataField::ALL
                .into_iter()
                .filter(|f| !f.optional_by_default())
                .collect(),
        }
    }
}

/// Why a metadata record could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("metadata record is not valid JSON for the DOC-10 schema at line {line}, column {column}: {message}")]
pub struct MetadataError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
    /// What the JSON reader objected to.
    pub message: String,
}

impl MetadataError {
    /// The error in Vietnamese (the English text is `Display`; the JSON reader's own message
    /// is English and stays in [`MetadataError::message`]): DOC-10, QĐ 28/2018/QĐ-TTg Đ10.2.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for MetadataError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        egov_core::args!(line = self.line, column = self.column)
    }
}

impl ErrorCode for MetadataError {
    fn code(&self) -> &'static str {
        "metadata.json"
    }
}

/// Collects findings for one record, each tagged with the point it belongs to so the report
/// reads in the order of Đ10.2 whatever order the checks ran in.
struct Checker<'p> {
    policy: &'p MetadataPolicy,
    findings: Vec<(MetadataField, Finding)>,
}

impl Checker<'_> {
    fn push(
        &mut self,
        field: MetadataField,
        rule: &'static str,
        outcome: Outcome,
        en: String,
        vi: String,
    ) {
        let finding = Finding::new(rule, field.basis(), outcome, en, vi).with_field(field.key());
        self.add(field, finding);
    }

    fn add(&mut self, field: MetadataField, finding: Finding) {
        self.findings.push((field, finding));
    }

    /// Findings from a sub-check (parse warnings, consistency), filed under `field`.
    fn extend(&mut self, field: MetadataField, findings: impl IntoIterator<Item = Finding>) {
        self.findings
            .extend(findings.into_iter().map(|f| (field, f)));
    }

    fn into_report(mut self) -> Report {
        // Stable: findings of one point keep the order the checks produced them in.
        self.findings.sort_by_key(|(field, _)| *field);
        Report {
            findings: self.findings.into_iter().map(|(_, f)| f).collect(),
        }
    }

    fn pass(&mut self, field: MetadataField, en: String) {
        let vi = format!("{}: hợp lệ.", field.name_vi());
        self.push(field, "DOC-10", Outcome::Pass, en, vi);
    }

    /// A missing or blank value: Fail when mandatory, else a Pass saying it is absent.
    fn absent(&mut self, field: MetadataField) {
        if self.policy.required.contains(&field) {
            self.push(
                field,
                "DOC-10",
                Outcome::Fail,
                format!(
                    "Point {}) {} is missing; the system must show it.",
                    field.point(),
                    field.name_en()
                ),
                format!(
                    "Thiếu điểm {}) «{}»; hệ thống phải thể hiện thông tin này.",
                    field.point(),
                    field.name_vi()
                ),
            );
        } else {
            self.push(
                field,
                "DOC-10",
                Outcome::Pass,
                format!(
                    "Point {}) {} not given (optional, A-05).",
                    field.point(),
                    field.name_en()
                ),
                format!(
                    "Không có điểm {}) «{}» (không bắt buộc).",
                    field.point(),
                    field.name_vi()
                ),
            );
        }
    }

    /// A value that breaks `rule`: `what` says why in English, `what_vi` in Vietnamese.
    fn invalid(
        &mut self,
        field: MetadataField,
        rule: &'static str,
        what: impl std::fmt::Display,
        what_vi: impl std::fmt::Display,
    ) {
        self.push(
            field,
            rule,
            Outcome::Fail,
            format!(
                "Point {}) {} is invalid: {what}",
                field.point(),
                field.name_en()
            ),
            format!(
                "Điểm {}) «{}» không hợp lệ: {what_vi}",
                field.point(),
                field.name_vi()
            ),
        );
    }

    fn warn(&mut self, field: MetadataField, rule: &'static str, en: String, vi: String) {
        self.push(field, rule, Outcome::Warning, en, vi);
    }
}

/// A trimmed, non-empty value.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl DocumentMetadata {
    /// Reads a record from JSON. Unknown keys are rejected so that a misspelt field is reported
    /// rather than silently ignored.
    pub fn from_json(json: &str) -> Result<Self, MetadataError> {
        serde_json::from_str(json).map_err(|e| MetadataError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }

    /// Checks the record against DOC-10 (QĐ 28/2018/QĐ-TTg Đ10.2) and the identifier rules each
    /// point refers to, returning one finding per point plus every parse warning and
    /// cross-field inconsistency, each with its article. Nothing stops at the first problem.
    pub fn validate(&self, policy: &MetadataPolicy) -> Report {
        // CORE-08 (Đ1.2): a state-secret document is not judged under QĐ 28/2018.
        if let Some(f) = self.classification.out_of_scope_finding() {
            let mut report = Report::new();
            report.push(f);
            return report;
        }
        let mut c = Checker {
            policy,
            findings: Vec::new(),
        };
        self.check_agency(&mut c);
        let number = self.check_number(&mut c);
        let date = self.check_date(&mut c);
        self.check_document_id(&mut c, number.as_ref(), date);
        self.check_doc_type(&mut c, number.as_ref());
        self.check_text(&mut c, MetadataField::Summary, &self.summary);
        self.check_attachments(&mut c);
        self.check_status(&mut c);
        self.check_signer(&mut c);
        self.check_urgency(&mut c);
        self.check_text(&mut c, MetadataField::Sender, &self.sender);
        self.check_receivers(&mut c);
        self.check_times(&mut c);
        self.check_deadline(&mut c);
        self.check_history(&mut c);
        if self.other.is_empty() {
            c.absent(MetadataField::Other);
        } else {
            c.pass(
                MetadataField::Other,
                format!("{} other item(s).", self.other.len()),
            );
        }
        c.into_report()
    }

    fn check_agency(&self, c: &mut Checker<'_>) {
        let field = MetadataField::AgencyCode;
        let Some(raw) = given(&self.agency_code) else {
            c.absent(field);
            return;
        };
        match AgencyCode::parse(raw) {
            Ok(code) => {
                c.pass(
                    field,
                    format!("Agency code {code} (level {}).", code.level()),
                );
                c.extend(field, code.check());
            }
            Err(e) => {
                let vi = e.message_vi();
                c.invalid(field, "DOC-02", e, vi);
            }
        }
    }

    fn check_number(&self, c: &mut Checker<'_>) -> Option<DocNumber> {
        let field = MetadataField::Number;
        let Some(raw) = given(&self.number) else {
            c.absent(field);
            return None;
        };
        match DocNumber::parse(raw) {
            Ok(parsed) => {
                c.pass(field, format!("Number and symbol {}.", parsed.value));
                c.extend(field, parsed.findings());
                Some(parsed.value)
            }
            Err(e) => {
                let vi = e.message_vi();
                c.invalid(field, "DOC-10", e, vi);
                None
            }
        }
    }

    fn check_date(&self, c: &mut Checker<'_>) -> Option<NaiveDate> {
        let field = MetadataField::Date;
        let Some(raw) = given(&self.date) else {
            c.absent(field);
            return None;
        };
        let Ok(date) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") else {
            c.invalid(
                field,
                "DOC-10",
                format_args!("'{raw}' is not a calendar date YYYY-MM-DD"),
                format_args!("«{raw}» không phải ngày có thật viết theo dạng YYYY-MM-DD"),
            );
            return None;
        };
        c.pass(field, format!("Document date {date}."));
        Some(date)
    }

    /// b) the identifier, and its agreement with c), d) and l) through
    /// [`EdxmlDocumentId::check_consistency`] (DOC-08).
    fn check_document_id(
        &self,
        c: &mut Checker<'_>,
        number: Option<&DocNumber>,
        date: Option<NaiveDate>,
    ) {
        let field = MetadataField::DocumentId;
        let Some(raw) = given(&self.document_id) else {
            c.absent(field);
            return;
        };
        match EdxmlDocumentId::parse(raw) {
            Ok(parsed) => {
                c.pass(field, format!("Document identifier {}.", parsed.value));
                c.extend(field, parsed.findings());
                // The sender (point l) is compared when it is given as an agency code.
                let context = EdxmlContext {
                    sender: given(&self.sender).and_then(|s| AgencyCode::parse(s).ok()),
                    sender_is_issuer: false,
                    promulgation_date: date,
                    number: number.cloned(),
                };
                c.extend(field, parsed.value.check_consistency(&context).findings);
            }
            Err(e) => {
                let vi = e.message_vi();
                c.invalid(field, "DOC-08", e, vi);
            }
        }
    }

    fn check_doc_type(&self, c: &mut Checker<'_>, number: Option<&DocNumber>) {
        let field = MetadataField::DocType;
        let Some(raw) = given(&self.doc_type) else {
            c.absent(field);
            return;
        };
        let normative = number.is_some_and(|n| n.year().is_some());
        let exact = DocType::from_name(raw).or_else(|| DocType::from_abbreviation(raw, normative));
        // DOC-10.đ: an abbreviation typed without its diacritics (`QD`) names its type, with a
        // warning giving the proper spelling.
        let folded = exact
            .is_none()
            .then(|| DocType::from_abbreviation_folded(raw, normative))
            .flatten();
        let Some(doc_type) = exact.or(folded) else {
            // The list of types is open (NĐ 30/2020 is outside knowledge): an unknown name is
            // reported, not rejected.
            c.warn(
                field,
                "DOC-10",
                format!("Document type '{raw}' is not in the NĐ 30/2020 table."),
                format!("Loại văn bản «{raw}» không có trong bảng của NĐ 30/2020."),
            );
            return;
        };
        if folded.is_some() {
            let proper = doc_type.abbreviation().unwrap_or_default();
            c.warn(
                field,
                "DOC-10",
                format!(
                    "Document type '{raw}' is read as {} ({}); its abbreviation is written «{proper}», with diacritics.",
                    doc_type.name_vi(),
                    doc_type.name_en()
                ),
                format!(
                    "Loại văn bản «{raw}» được hiểu là {}; chữ viết tắt phải viết có dấu: «{proper}».",
                    doc_type.name_vi()
                ),
            );
        } else {
            c.pass(
                field,
                format!(
                    "Document type {} ({}).",
                    doc_type.name_vi(),
                    doc_type.name_en()
                ),
            );
        }
        if let Some(from_number) = number.and_then(DocNumber::doc_type) {
            // Same name: an administrative and a normative Quyết định are both «Quyết định».
            if from_number.name_vi() != doc_type.name_vi() {
                c.warn(
                    field,
                    "DOC-10",
                    format!(
                        "The number's symbol names a {} but the record says {}.",
                        from_number.name_en(),
                        doc_type.name_en()
                    ),
                    format!(
                        "Ký hiệu trong số văn bản là {} nhưng loại văn bản ghi {}.",
                        from_number.name_vi(),
                        doc_type.name_vi()
                    ),
                );
            }
        }
    }

    fn check_text(&self, c: &mut Checker<'_>, field: MetadataField, value: &Option<String>) {
        match given(value) {
            Some(text) => c.pass(field, format!("{}: {text}", field.name_en())),
            None => c.absent(field),
        }
    }

    fn check_attachments(&self, c: &mut Checker<'_>) {
        let field = MetadataField::Attachments;
        if self.attachments.is_empty() {
            c.absent(field);
            return;
        }
        let unnamed = self
            .attachments
            .iter()
            .filter(|a| a.name.trim().is_empty())
            .count();
        if unnamed > 0 {
            c.invalid(
                field,
                "DOC-09",
                format_args!("{unnamed} attachment(s) have no name"),
                format_args!("{unnamed} hồ sơ, tài liệu gửi kèm không có tên"),
            );
        } else {
            c.pass(field, format!("{} attachment(s).", self.attachments.len()));
        }
    }

    fn check_status(&self, c: &mut Checker<'_>) {
        let field = MetadataField::Status;
        let Some(raw) = given(&self.status) else {
            c.absent(field);
            return;
        };
        // Đ10.2.h ends its list with «...»: an unlisted status is a Warning, never a Fail.
        match ReportedStatus::parse(raw) {
            Ok(status) => c.add(field, status.finding()),
            Err(e) => {
                let vi = e.message_vi();
                c.invalid(field, "DOC-11", e, vi);
            }
        }
    }

    fn check_signer(&self, c: &mut Checker<'_>) {
        let field = MetadataField::Signer;
        let Some(signer) = &self.signer else {
            c.absent(field);
            return;
        };
        let (missing, missing_vi): (Vec<&str>, Vec<&str>) = [
            ("position", "chức vụ", &signer.position),
            ("full_name", "họ tên", &signer.full_name),
        ]
        .into_iter()
        .filter(|(_, _, v)| v.trim().is_empty())
        .map(|(k, vi, _)| (k, vi))
        .unzip();
        if missing.is_empty() {
            c.pass(
                field,
                format!(
                    "Signed by {}, {}.",
                    signer.full_name.trim(),
                    signer.position.trim()
                ),
            );
        } else {
            c.invalid(
                field,
                "DOC-10",
                format_args!("signer.{} is empty", missing.join(" and signer.")),
                format_args!("{} người ký để trống", missing_vi.join(" và ")),
            );
        }
    }

    fn check_urgency(&self, c: &mut Checker<'_>) {
        let field = MetadataField::Urgency;
        let Some(raw) = given(&self.urgency) else {
            c.absent(field);
            return;
        };
        match Urgency::parse_optional(raw) {
            Ok(Some(u)) => c.pass(field, format!("Urgency {} ({}).", u.name_vi(), u.name_en())),
            Ok(None) => c.pass(field, "Not urgent.".to_owned()),
            Err(e) => {
                let vi = e.message_vi();
                c.invalid(field, "DOC-12", e, vi);
            }
        }
    }

    fn check_receivers(&self, c: &mut Checker<'_>) {
        let field = MetadataField::Receivers;
        if self.receivers.is_empty() {
            c.absent(field);
        } else if self.receivers.iter().any(|r| r.trim().is_empty()) {
            c.invalid(
                field,
                "DOC-10",
                "a receiver is blank",
                "có bên nhận để trống",
            );
        } else {
            c.pass(field, format!("{} receiver(s).", self.receivers.len()));
        }
    }

    /// n) times must be Vietnam time with an offset (CORE-01, Đ14.4), received not before sent.
    fn check_times(&self, c: &mut Checker<'_>) {
        let field = MetadataField::SentReceived;
        let sent = given(&self.sent_at);
        let received = given(&self.received_at);
        if sent.is_none() && received.is_none() {
            c.absent(field);
            return;
        }
        let mut parse =
            |label: &str, label_vi: &str, raw: Option<&str>| match raw.map(VnDateTime::parse) {
                Some(Ok(t)) => Some(t),
                Some(Err(e)) => {
                    c.push(
                        field,
                        "CORE-01",
                        Outcome::Fail,
                        format!("{label} is not an ISO 8601 time with offset: {e}"),
                        format!(
                            "Thời gian {label_vi} không theo ISO 8601 có múi giờ: {}",
                            time_error_vi(&e)
                        ),
                    );
                    None
                }
                None => None,
            };
        let sent_at = parse("sent_at", "gửi", sent);
        let received_at = parse("received_at", "nhận", received);
        match (sent_at, received_at) {
            (Some(s), Some(r)) if r < s => c.invalid(
                field,
                "DOC-10",
                format_args!("received_at {r} is before sent_at {s}"),
                format_args!("thời gian nhận {r} sớm hơn thời gian gửi {s}"),
            ),
            (s, r) if s.is_some() || r.is_some() => {
                let shown: Vec<String> = [s, r]
                    .into_iter()
                    .flatten()
                    .map(|t| t.to_string())
                    .collect();
                c.pass(field, format!("Exchange time(s): {}.", shown.join(", ")));
            }
            _ => {}
        }
    }

    fn check_deadline(&self, c: &mut Checker<'_>) {
        let field = MetadataField::ProcessingDeadline;
        let Some(raw) = given(&self.processing_deadline) else {
            c.absent(field);
            return;
        };
        let ok =
            VnDateTime::parse(raw).is_ok() || NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_ok();
        if ok {
            c.pass(field, format!("Processing deadline {raw}."));
        } else {
            c.invalid(
                field,
                "CORE-01",
                format_args!("'{raw}' is neither an ISO 8601 time with offset nor a date"),
                format_args!(
                    "«{raw}» không phải thời điểm theo ISO 8601 có múi giờ, cũng không phải ngày dạng YYYY-MM-DD"
                ),
            );
        }
    }

    /// p) history: every entry timed in Vietnam time, in time order (DOC-22 automatic tracking).
    fn check_history(&self, c: &mut Checker<'_>) {
        let field = MetadataField::History;
        if self.history.is_empty() {
            c.absent(field);
            return;
        }
        let mut previous: Option<VnDateTime> = None;
        let mut problems = Vec::new();
        let mut problems_vi = Vec::new();
        for (i, entry) in self.history.iter().enumerate() {
            let n = i + 1;
            match VnDateTime::parse(&entry.at) {
                Ok(at) => {
                    if previous.is_some_and(|p| at < p) {
                        problems.push(format!(
                            "history[{i}] at {at} is earlier than the entry before it"
                        ));
                        problems_vi.push(format!(
                            "mục thứ {n} lúc {} sớm hơn mục trước nó",
                            egov_core::i18n::datetime_vi(at)
                        ));
                    }
                    previous = Some(at);
                }
                Err(e) => {
                    problems.push(format!("history[{i}].at: {e}"));
                    problems_vi.push(format!("thời gian của mục thứ {n}: {}", time_error_vi(&e)));
                }
            }
            if fold(&entry.status).is_empty() {
                problems.push(format!("history[{i}].status is empty"));
                problems_vi.push(format!("trạng thái của mục thứ {n} để trống"));
            }
        }
        if problems.is_empty() {
            c.pass(
                field,
                format!("{} history entries in time order.", self.history.len()),
            );
        } else {
            c.add(
                field,
                Finding::new(
                    "DOC-22",
                    field.basis(),
                    Outcome::Fail,
                    format!(
                        "Send/receive history is inconsistent: {}.",
                        problems.join("; ")
                    ),
                    format!(
                        "Lịch sử gửi, nhận văn bản không hợp lệ: {}.",
                        problems_vi.join("; ")
                    ),
                )
                .with_field(field.key())
                .with_evidence(json!({ "problems": problems })),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn complete() -> DocumentMetadata {
        DocumentMetadata {
            agency_code: Some("000.00.00.G22".into()),
            document_id: Some("000.00.00.G22,2018/09/20,7816/VPCP-TTĐT".into()),
            number: Some("7816/VPCP-TTĐT".into()),
            date: Some("2018-09-20".into()),
            doc_type: Some("Công văn".into()),
            summary: Some("V/v triển khai Trục liên thông văn bản quốc gia".into()),
            status: Some("đã đến".into()),
            signer: Some(Signer {
                position: "CHÁNH VĂN PHÒNG".into(),
                full_name: "Vương Trinh Quốc".into(),
            }),
            sender: Some("000.00.00.G22".into()),
            receivers: vec!["000.00.00.H41".into()],
            sent_at: Some("2018-09-20T14:05:00+07:00".into()),
            received_at: Some("2018-09-20T14:05:09+07:00".into()),
            history: vec![HistoryEntry {
                at: "2018-09-20T14:05:09+07:00".into(),
                status: "đã đến".into(),
                by: None,
            }],
            ..DocumentMetadata::default()
        }
    }

    fn fails(report: &Report) -> Vec<(String, String)> {
        report
            .with_outcome(Outcome::Fail)
            .map(|f| (f.rule.to_string(), f.basis.to_string()))
            .collect()
    }

    #[test]
    fn doc_10_complete_record_is_compliant_with_one_finding_per_point() {
        let report = complete().validate(&MetadataPolicy::default());
        assert!(report.is_compliant(), "{report:#?}");
        for field in MetadataField::ALL {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.field.as_deref() == Some(field.key())),
                "no finding for point {}",
                field.point()
            );
        }
    }

    #[test]
    fn doc_10_every_missing_mandatory_point_fails_with_its_own_citation() {
        let report = DocumentMetadata::default().validate(&MetadataPolicy::default());
        let failed: Vec<String> = report
            .with_outcome(Outcome::Fail)
            .map(|f| f.basis.to_string())
            .collect();
        let expected: Vec<String> = MetadataPolicy::default()
            .required
            .iter()
            .map(|f| f.basis().to_string())
            .collect();
        assert_eq!(failed, expected);
        assert!(failed.contains(&"QĐ 28/2018/QĐ-TTg Đ10.2.đ".to_owned()));
        // Optional points (A-05) are reported as absent, not failed.
        assert!(report
            .findings
            .iter()
            .any(|f| f.field.as_deref() == Some("urgency") && f.outcome == Outcome::Pass));
    }

    #[test]
    fn doc_10_policy_can_make_an_optional_point_mandatory() {
        let mut policy = MetadataPolicy::default();
        policy.required.insert(MetadataField::Urgency);
        let report = complete().validate(&policy);
        assert_eq!(
            fails(&report),
            vec![("DOC-10".to_owned(), "QĐ 28/2018/QĐ-TTg Đ10.2.k".to_owned())]
        );
    }

    #[test]
    fn doc_10_invalid_values_fail_under_the_rule_they_break() {
        let mut m = complete();
        m.agency_code = Some("000.00.00.g22".into());
        m.urgency = Some("rất gấp".into());
        m.status = Some("x".repeat(300));
        let report = m.validate(&MetadataPolicy::default());
        let rules: Vec<String> = fails(&report).into_iter().map(|(r, _)| r).collect();
        assert_eq!(rules, ["DOC-02", "DOC-11", "DOC-12"]);
    }

    #[test]
    fn doc_11_unlisted_status_is_a_warning_not_a_failure() {
        // Đ10.2.h lists the statuses and ends with «...»: «phân công» (edXML 04) reads as
        // «đã chuyển xử lý», any other status is accepted with a warning.
        let mut m = complete();
        m.status = Some("phân công".into());
        let report = m.validate(&MetadataPolicy::default());
        assert!(report.is_compliant(), "{report:#?}");
        let status: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.field.as_deref() == Some("status"))
            .collect();
        assert_eq!(status.len(), 1);
        assert_eq!(status[0].outcome, Outcome::Pass);
        assert!(
            status[0].message_vi.contains("đã chuyển xử lý"),
            "{status:#?}"
        );

        m.status = Some("Lưu trữ".into());
        let report = m.validate(&MetadataPolicy::default());
        assert!(report.is_compliant(), "{report:#?}");
        let f = report
            .findings
            .iter()
            .find(|f| f.field.as_deref() == Some("status"))
            .unwrap();
        assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-11", Outcome::Warning));
        assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ10.2.h");
        assert!(f.message_vi.contains("Lưu trữ"), "{}", f.message_vi);
    }

    #[test]
    fn doc_10_type_abbreviation_without_diacritics_is_recognised_with_a_warning() {
        let mut m = complete();
        m.number = Some("28/2018/QD-TTg".into());
        m.document_id = Some("000.00.00.G22,2018/09/20,28/2018/QĐ-TTg".into());
        m.doc_type = Some("QD".into());
        let report = m.validate(&MetadataPolicy::default());
        assert!(report.is_compliant(), "{report:#?}");
        let warnings: Vec<(&str, &str)> = report
            .with_outcome(Outcome::Warning)
            .map(|f| (f.field.as_deref().unwrap_or(""), f.message_vi.as_str()))
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert!(warnings
            .iter()
            .all(|(field, vi)| ["number", "doc_type"].contains(field) && vi.contains("«QĐ»")));
        // The number names a normative Quyết định, the record an administrative one: the same
        // name, so no mismatch is reported.
        assert!(!report
            .findings
            .iter()
            .any(|f| f.message.contains("but the record says")));
    }

    #[test]
    fn core_01_exchange_times_need_an_offset_and_received_follows_sent() {
        let mut m = complete();
        m.sent_at = Some("2018-09-20 14:05:00".into());
        assert_eq!(
            fails(&m.validate(&MetadataPolicy::default()))[0].0,
            "CORE-01"
        );
        let mut m = complete();
        m.received_at = Some("2018-09-20T14:00:00+07:00".into());
        let f = fails(&m.validate(&MetadataPolicy::default()));
        assert_eq!(
            f,
            vec![("DOC-10".to_owned(), "QĐ 28/2018/QĐ-TTg Đ10.2.n".to_owned())]
        );
    }

    #[test]
    fn doc_22_history_must_be_in_time_order() {
        let mut m = complete();
        m.history.push(HistoryEntry {
            at: "2018-09-20T09:00:00+07:00".into(),
            status: "đã tiếp nhận".into(),
            by: None,
        });
        let report = m.validate(&MetadataPolicy::default());
        let f: Vec<&Finding> = report.with_outcome(Outcome::Fail).collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "DOC-22");
        assert_eq!(
            f[0].evidence.as_ref().unwrap()["problems"][0],
            "history[1] at 2018-09-20T09:00:00+07:00 is earlier than the entry before it"
        );
    }

    #[test]
    fn doc_08_identifier_must_agree_with_number_and_date() {
        let mut m = complete();
        m.number = Some("7817/VPCP-TTĐT".into());
        m.date = Some("2018-09-21".into());
        let report = m.validate(&MetadataPolicy::default());
        let failed: Vec<String> = report
            .with_outcome(Outcome::Fail)
            .map(|f| f.message.clone())
            .collect();
        assert_eq!(failed.len(), 2, "{failed:#?}");
    }

    #[test]
    fn doc_10_unknown_json_key_is_reported_with_its_position() {
        let err =
            DocumentMetadata::from_json("{\n  \"agency_cod\": \"000.00.00.G22\"\n}").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.code(), "metadata.json");
        assert!(err.message.contains("agency_cod"));
    }

    proptest! {
        #[test]
        fn doc_10_arbitrary_field_values_never_panic(
            fields in proptest::collection::vec(".{0,40}", 12),
        ) {
            let v = |i: usize| Some(fields[i].clone());
            let m = DocumentMetadata {
                agency_code: v(0), document_id: v(1), number: v(2), date: v(3), doc_type: v(4),
                summary: v(5), status: v(6), urgency: v(7), sender: v(8), sent_at: v(9),
                received_at: v(10), processing_deadline: v(11),
                receivers: vec![fields[0].clone()],
                history: vec![HistoryEntry { at: fields[9].clone(), status: fields[6].clone(), by: None }],
                ..DocumentMetadata::default()
            };
            let report = m.validate(&MetadataPolicy::default());
            prop_assert!(report.findings.len() >= 16);
        }
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn doc_10_field_table_follows_the_variant_order() {
        let points: Vec<&str> = MetadataField::ALL.iter().map(|f| f.point()).collect();
        assert_eq!(
            points,
            ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q"]
        );
        assert_eq!(MetadataField::Other.key(), "other");
        assert_eq!(MetadataField::SentReceived.name_vi(), "Thời gian gửi, nhận");
    }
}
