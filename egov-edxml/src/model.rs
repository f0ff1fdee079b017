//! The typed layer: what an `edoc` package and a `status` message say.
//!
//! Every field is as written in the package (a `String`, trimmed of the indentation around it
//! only), `None` when its element is absent and `Some("")` when the element is empty: a value is
//! never refused here. The checks ([`crate::check()`]) parse and judge values; the builder
//! ([`crate::build`]) writes them back. Names and order follow the VNPT builder (EDXML.md §2,
//! §4, §5, §8), the de-facto reference of QCVN 102:2016; the misspelling `Bussiness` is the
//! format's own and is kept on the wire (the Rust names say `business`).

use serde::{Deserialize, Serialize};

use crate::attachment::PayloadSummary;

/// An organisation block (`From`, `To`, status `From`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Organization {
    /// `OrganId`: the agency code (QĐ 28/2018 Đ10.2.a; QCVN 102:2016 `NNN.NN.NN.XNN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_id: Option<String>,
    /// `OrganizationInCharge`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_in_charge: Option<String>,
    /// `OrganName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_name: Option<String>,
    /// `OrganAdd`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_add: Option<String>,
    /// `Email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `Telephone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// `Fax`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// `Website`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// `Code`: «số và ký hiệu» split in two (point c).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Code {
    /// `CodeNumber` (`7816`; not always numeric in the wild).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// `CodeNotation` (`VPCP-TTĐT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notation: Option<String>,
}

/// `PromulgationInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PromulgationInfo {
    /// `Place`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `PromulgationDate`, `yyyy/MM/dd` (point d).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// `DocumentType` (point đ). `Type` is a number of the sender's own catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DocumentType {
    /// `Type`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_code: Option<String>,
    /// `TypeDetail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_detail: Option<String>,
    /// `TypeName` (`Công văn`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
}

/// `SignerInfo` (point i).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SignerInfo {
    /// `Competence` (`TL. BỘ TRƯỞNG`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competence: Option<String>,
    /// `Position`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// `FullName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
}

/// `OtherInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct OtherInfo {
    /// `Priority`: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ (point k).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// `SphereOfPromulgation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sphere_of_promulgation: Option<String>,
    /// `TyperNotation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typer_notation: Option<String>,
    /// `PromulgationAmount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promulgation_amount: Option<String>,
    /// `PageAmount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_amount: Option<String>,
    /// `Direction` (`true`/`false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// `Appendixes/Appendix`; `None` when `Appendixes` is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appendixes: Option<Vec<String>>,
}

/// `ResponseFor`: the document answered, revoked or reported on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ResponseFor {
    /// `OrganId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_id: Option<String>,
    /// `Code`: one string `Number/Notation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `PromulgationDate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promulgation_date: Option<String>,
    /// `DocumentId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
}

/// The `MessageHeader` of an `edoc` package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EdocHeader {
    /// `From` (point l).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Organization>,
    /// `To` (point m).
    pub to: Vec<Organization>,
    /// `DocumentId` (point b), `<OrganId>,<yyyy/MM/dd>,<Number>/<Notation>` by convention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    /// `Code` (point c).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
    /// `PromulgationInfo` (point d).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promulgation_info: Option<PromulgationInfo>,
    /// `DocumentType` (point đ).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DocumentType>,
    /// `Subject` (point e, trích yếu).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `Content`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `SignerInfo` (point i).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer_info: Option<SignerInfo>,
    /// `DueDate` (point o), `yyyy/MM/dd`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// `OtherInfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_info: Option<OtherInfo>,
    /// `ResponseFor` entries.
    pub response_for: Vec<ResponseFor>,
    /// `SteeringType`: 0–3 seen (1 không phải chỉ đạo, 2 chỉ đạo, 3 báo cáo chỉ đạo).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steering_type: Option<String>,
    /// `ToPlaces/Place` (recipients for information); `None` when `ToPlaces` is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_places: Option<Vec<String>>,
}

/// One `TraceHeader`: who handled the package when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TraceHeader {
    /// `OrganId` (absent or `null` in entries the axis appends).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_id: Option<String>,
    /// `Timestamp`, `yyyy/MM/dd HH:mm:ss` (Vietnam time).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// `StaffInfo`: the clerk who handled it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StaffInfo {
    /// `Department`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// `Staff`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// `Email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `Mobile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
}

/// A receiver added to or removed from an updated document (`ReceiverList/Receiver`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Receiver {
    /// `OrganId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_id: Option<String>,
    /// `ReceiverType`: 0 removed, 1 added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiver_type: Option<String>,
}

/// `BussinessDocumentInfo` (updates).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct BusinessDocumentInfo {
    /// `DocumentInfo`: `1` when the document's information changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_info: Option<String>,
    /// `DocumentReceiver`: `1` when the recipient list changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_receiver: Option<String>,
    /// `ReceiverList/Receiver`; `None` when `ReceiverList` is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receivers: Option<Vec<Receiver>>,
}

/// `ReplacementInfo` (replacements): the replaced document and who holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReplacementInfo {
    /// `DocumentId` of the replaced document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    /// `OrganIdList/OrganId`.
    pub organ_ids: Vec<String>,
}

/// `Bussiness`: what the package does to a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Business {
    /// `DocumentId`: the document revoked, updated or replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    /// `BussinessDocType`: 0 new, 1 revocation, 2 update, 3 replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// `BussinessDocReason`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `Paper`: 0 no paper copy sent, 1 a paper copy follows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// `BussinessDocumentInfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_info: Option<BusinessDocumentInfo>,
    /// `ReplacementInfoList/ReplacementInfo`; `None` when the list is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacements: Option<Vec<ReplacementInfo>>,
    /// `StaffInfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_info: Option<StaffInfo>,
}

/// `TraceHeaderList`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TraceHeaderList {
    /// `Bussiness`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// `TraceHeader` entries, in document order.
    pub trace_headers: Vec<TraceHeader>,
    /// Whether `Bussiness` came before the `TraceHeader`s (the VNPT builder's order) or after
    /// (the VPCP samples'); kept so that a rebuilt package keeps its shape.
    pub business_first: bool,
}

/// A manifest `Reference`: one attachment as the envelope announces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Reference {
    /// `ContentId` (`cid:…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<String>,
    /// `ContentType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `Description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `AttachmentName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_name: Option<String>,
}

/// An attachment as `AttachmentEncoded/Attachment` carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Attachment {
    /// `ContentId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<String>,
    /// `AttachmentName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_name: Option<String>,
    /// `Description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `ContentType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// What its payload was (filled when read; ignored when building).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<PayloadSummary>,
}

/// The `Signature` element as written (verified by [`crate::dsig::verify`] and [`crate::check_bytes`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SignatureInfo {
    /// The element's namespace: XMLDSig, or (in the VPCP samples and VNPT builder output) the
    /// edXML default namespace inherited by mistake.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `SignedInfo/CanonicalizationMethod/@Algorithm`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonicalization: Option<String>,
    /// `SignedInfo/SignatureMethod/@Algorithm`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature_method: Option<String>,
    /// `SignedInfo/Reference` entries.
    pub references: Vec<SignatureReference>,
    /// `SignatureValue` (base64).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature_value: Option<String>,
    /// `KeyInfo/X509Data/X509SubjectName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_name: Option<String>,
    /// `KeyInfo/X509Data/X509Certificate` values (base64 DER).
    pub certificates: Vec<String>,
    /// Byte range of the element in the package (for the enveloped-signature transform).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(u64, u64)>,
}

/// One `SignedInfo/Reference`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SignatureReference {
    /// `@URI` (`""`: the whole document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// `Transforms/Transform/@Algorithm`, in order.
    pub transforms: Vec<String>,
    /// `DigestMethod/@Algorithm`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest_method: Option<String>,
    /// `DigestValue`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest_value: Option<String>,
}

/// An `edoc` package: a document and its attachments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Edoc {
    /// `MessageHeader`.
    pub header: EdocHeader,
    /// `TraceHeaderList`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<TraceHeaderList>,
    /// `Signature`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureInfo>,
    /// `edXMLBody/edXMLManifest/Reference` entries; `None` when there is no manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest: Option<Vec<Reference>>,
    /// `AttachmentEncoded/Attachment` entries.
    pub attachments: Vec<Attachment>,
}

/// A `status` message: a processing status reported on a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StatusMessage {
    /// `From`: the receiver reporting, or (code 13) the sender recalling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Organization>,
    /// `ResponseFor`: the document reported on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_for: Option<ResponseFor>,
    /// `StaffInfo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_info: Option<StaffInfo>,
    /// `StatusCode` (`01`…`06`, `13`, `15`, `16`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_code: Option<String>,
    /// `Description`: free text (the only place a rejection gives its reason).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `Timestamp`, `yyyy/MM/dd HH:mm:ss`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// Either message kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    /// A document package.
    Edoc(Box<Edoc>),
    /// A status message.
    Status(Box<StatusMessage>),
}

impl Message {
    /// `edoc` or `status`, as the axis's `messageType` names them.
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Edoc(_) => "edoc",
            Message::Status(_) => "status",
        }
    }
}
