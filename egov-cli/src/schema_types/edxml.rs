//! The JSON Schemas of every `egov edxml` subcommand: the answer types and their [`Entry`] list.

use egov_core::{Finding, Outcome};
use egov_edxml::dsig::{SignatureAlgorithm, Verification};
use egov_edxml::extract::Extracted;
use egov_edxml::{Layout, Location, Message, Organization, StatusMessage};
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Output, "edxml-check", EdxmlCheckOutput,
            "Kết quả kiểm tra gói tin edXML / edXML package check (DOC-01…30, QĐ 28/2018/QĐ-TTg Đ9.1)",
            "Printed by `egov --json edxml check FILE [--registry FILE] [--calendar FILE] [--anchors FILE] [--no-layout]` (exit 0 no finding fails, 1 a finding fails); a package that cannot be read prints `edxml-error`."),
        entry!(Output, "edxml-show", egov_edxml::Package,
            "Nội dung gói tin edXML / What an edXML package says (DOC-05)",
            "Printed by `egov --json edxml show FILE`: the package as written (its signature is not verified); a package that cannot be read prints `edxml-error`."),
        entry!(Output, "edxml-extract", EdxmlExtractOutput<'static>,
            "Tệp đính kèm đã tách khỏi gói tin edXML / Attachments extracted from an edXML package (DOC-09, DOC-28)",
            "Printed by `egov --json edxml extract FILE --out DIR [--raw]` (exit 0 every attachment written whole, 1 an attachment damaged or without content); an error prints `edxml-error` with the files written before it."),
        entry!(Output, "edxml-error", EdxmlErrorOutput,
            "Gói tin edXML không đọc được / edXML package that cannot be read",
            "Printed (exit 2) by `egov --json edxml check FILE`, `egov --json edxml show FILE`, `egov --json edxml extract FILE --out DIR` and `egov --json edxml status FILE …` when the package cannot be read (malformed XML, a DOCTYPE, a limit, not edXML) or, for extract, a file cannot be written; their other errors print `error`."),
        entry!(Output, "edxml-build", EdxmlBuildOutput,
            "Gói tin edXML đã tạo / edXML package built (DOC-05)",
            "Printed by `egov --json edxml build DESCRIPTION --out FILE [--attach FILE]…`."),
        entry!(Output, "edxml-status", EdxmlStatusOutput,
            "Thông điệp trạng thái xử lý đã tạo / Status message built (DOC-29, DOC-30)",
            "Printed by `egov --json edxml status PACKAGE --code CODE --out FILE`."),
        entry!(Output, "edxml-sign", EdxmlSignOutput,
            "Gói tin edXML đã ký số / edXML package signed (DOC-18)",
            "Printed by `egov --json edxml sign PACKAGE (--p12 FILE | --key KEY.pem --cert CHAIN.pem | --pkcs11-module MODULE.so) --out FILE`."),
        entry!(Output, "edxml-verify", EdxmlVerifyOutput,
            "Kiểm tra chữ ký số của gói tin edXML / edXML signature verification (DOC-18)",
            "Printed by `egov --json edxml verify PACKAGE [--anchors ROOTS.pem] [--at TIME]` (exit 0 the signature verifies, 1 it does not)."),
    ]
}

/// The kind of message a package carries.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PackageKind {
    /// A document package (`edoc`).
    Edoc,
    /// A processing-status message (`status`, DOC-29/30).
    Status,
}

impl PackageKind {
    /// The kind of `message`.
    pub fn of(message: &Message) -> Self {
        match message {
            Message::Edoc(_) => PackageKind::Edoc,
            Message::Status(_) => PackageKind::Status,
        }
    }
}

/// An agency as `edxml check` names it: its code and name as written.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlOrgan {
    /// `OrganId`: the agency's mã định danh (DOC-01); null when the element is absent.
    pub organ_id: Option<String>,
    /// `OrganName`; null when absent (always null for the target of a status message).
    pub organ_name: Option<String>,
}

impl From<&Organization> for EdxmlOrgan {
    fn from(o: &Organization) -> Self {
        EdxmlOrgan {
            organ_id: o.organ_id.clone(),
            organ_name: o.organ_name.clone(),
        }
    }
}

/// How many findings have each outcome.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OutcomeCounts {
    /// Findings that pass.
    pub pass: usize,
    /// Warnings (they do not fail).
    pub warning: usize,
    /// Findings the package alone cannot settle (never counted as a pass).
    pub unknown: usize,
    /// Findings that fail.
    pub fail: usize,
    /// All findings.
    pub total: usize,
}

/// `egov edxml check`: the receiving system's check of a package or status message
/// (QĐ 28/2018/QĐ-TTg Đ9.1, DOC-28).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlCheckOutput {
    /// The package file as given (`-`: standard input).
    pub file: String,
    /// `edoc` (a document) or `status` (a processing-status message).
    pub kind: PackageKind,
    /// The root layout.
    pub layout: Layout,
    /// Size of the package, bytes.
    pub bytes: u64,
    /// SHA-256 of the package exactly as read, lowercase hex.
    pub sha256: String,
    /// The sending agency (`From`); null when absent.
    pub from: Option<EdxmlOrgan>,
    /// The receiving agencies (`To`; for a status message, the agency of `ResponseFor`).
    pub to: Vec<EdxmlOrgan>,
    /// `DocumentId` (for a status message, the one it answers); null when absent.
    pub document_id: Option<String>,
    /// `Subject` «trích yếu nội dung»; null for a status message or when absent.
    pub subject: Option<String>,
    /// `StatusCode` of a status message (01…06, 13, 15, 16); null for a document.
    pub status_code: Option<String>,
    /// Number of attachments (0 for a status message).
    pub attachments: usize,
    /// Whether an XML Signature (XMLDSig) was verified (DOC-18); false: not verified (DOC-14).
    pub signature_verified: bool,
    /// The report's overall outcome: warnings do not fail, an unknown is never a pass.
    pub overall: Outcome,
    /// No finding fails (exit 0).
    pub compliant: bool,
    /// How many findings have each outcome.
    pub counts: OutcomeCounts,
    /// Every finding: rule, article, outcome, message in English and Vietnamese, the element
    /// path in `field` and its place in `evidence.location` (`line`, `column`, `offset`).
    pub findings: Vec<Finding>,
}

/// The error of an edXML command that could not read its package (exit 2).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlErrorOutput {
    /// What went wrong, and where.
    pub error: EdxmlErrorBody,
    /// `edxml extract` only: the files written before the error (absent otherwise, and when
    /// the output directory could not be created).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<Vec<PartialFile>>,
}

/// The error's code, messages and place.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlErrorBody {
    /// A stable code: `edxml.malformed`, `edxml.doctype`, `edxml.limit`, `edxml.not_edxml`,
    /// `edxml.io`, `io.open`, `io.read`, `io.write`, ….
    pub code: String,
    /// What went wrong, in English.
    pub message: String,
    /// What went wrong, in Vietnamese (CORE-06).
    pub message_vi: String,
    /// Where in the package (line, column, byte offset); null when not about a place.
    pub location: Option<Location>,
}

/// A file `edxml extract` wrote before an error.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PartialFile {
    /// The file written.
    pub path: String,
    /// Bytes written into it.
    pub bytes: u64,
    /// Whether its attachment's content was read to its end (false: cut off by the error).
    pub complete: bool,
}

/// `egov edxml extract`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlExtractOutput<'a> {
    /// The package file as given (`-`: standard input).
    pub file: String,
    /// `edoc` or `status`.
    pub kind: PackageKind,
    /// Size of the package, bytes.
    pub bytes: u64,
    /// SHA-256 of the package exactly as read, lowercase hex.
    pub sha256: String,
    /// The directory the attachments were written into.
    pub out_dir: String,
    /// `auto`: the VNPT ZIP wrapper taken off; `never` (`--raw`): the bytes as transferred.
    pub unwrap: UnwrapMode,
    /// Every attachment: those written, in document order, then those whose element carries
    /// no content.
    pub attachments: Vec<ExtractItem<'a>>,
    /// The totals.
    pub counts: ExtractCounts,
}

/// Whether the ZIP wrapper was taken off.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnwrapMode {
    /// The wrapper taken off when there is one.
    Auto,
    /// `--raw`: kept.
    Never,
}

/// One attachment of `edxml extract`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ExtractItem<'a> {
    /// An attachment written to a file.
    Written(&'a Extracted),
    /// An attachment whose element carries no content: nothing written.
    NoContent(NoContentItem),
}

/// An attachment whose element carries no content (no `ContentTransferEncoded`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct NoContentItem {
    /// Always null: no content was streamed.
    pub index: (),
    /// `AttachmentName`, as written.
    pub attachment_name: Option<String>,
    /// `ContentId`.
    pub content_id: Option<String>,
    /// `ContentType`.
    pub content_type: Option<String>,
    /// Always null: no file.
    pub file_name: (),
    /// Always null: no file.
    pub path: (),
    /// Always false.
    pub renamed: bool,
    /// Always 0.
    pub written_bytes: u64,
    /// Always null.
    pub content_bytes: (),
    /// Always null.
    pub content_kind: (),
    /// Always null.
    pub content_sha256: (),
    /// Always null.
    pub wrapping: (),
    /// Always `no_content`.
    pub status: NoContentStatus,
    /// One problem, severity `damaged`, code `no_content`.
    pub problems: Vec<NoContentProblem>,
    /// Always null.
    pub payload: (),
}

/// The status of an attachment without content.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoContentStatus {
    /// The element carries no content.
    NoContent,
}

/// The problem of an attachment without content (the shape of the library's `PayloadProblem`).
#[derive(Debug, Serialize, JsonSchema)]
pub struct NoContentProblem {
    /// Always `damaged`.
    pub severity: egov_edxml::extract::Severity,
    /// Always `no_content`.
    pub code: NoContentStatus,
    /// In English.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
}

/// The totals of `edxml extract`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ExtractCounts {
    /// Attachments in the package (written + not written).
    pub attachments: usize,
    /// Attachments written to a file.
    pub written: usize,
    /// Written whole, nothing to remark.
    pub whole: usize,
    /// Written whole, with warnings.
    pub with_warnings: usize,
    /// Written, but damaged.
    pub damaged: usize,
    /// Not written: the element carries no content.
    pub not_written: usize,
}

/// `egov edxml build`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlBuildOutput {
    /// The package written.
    pub out: String,
    /// `edoc` or `status`.
    pub kind: PackageKind,
    /// Bytes written.
    pub bytes: u64,
    /// SHA-256 of the package as written (the axis's file hash), lowercase hex.
    pub sha256: String,
    /// Per attachment, in order: its content's bytes and SHA-256.
    pub attachments: Vec<BuiltAttachment>,
    /// The description's dates and times written in edXML's form (`yyyy/MM/dd`, `yyyy/MM/dd
    /// HH:mm:ss`), each with the value as given; empty when every one was already so.
    pub dates_rewritten: Vec<egov_edxml::dates::DateRewrite>,
}

/// One attachment of a package built.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BuiltAttachment {
    /// Content bytes.
    pub bytes: u64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
}

/// `egov edxml status`: the status message written (DOC-29/30).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlStatusOutput {
    /// The file written.
    pub out: String,
    /// Bytes written.
    pub bytes: usize,
    /// The status message, as `egov edxml show --json` prints a status message's `message`
    /// (without its `kind`).
    pub message: StatusMessage,
}

/// `egov edxml sign` (DOC-18).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlSignOutput {
    /// The signed package written.
    pub out: String,
    /// Bytes written.
    pub bytes: usize,
    /// The signature algorithm (RSA-SHA256 or ECDSA-SHA256, by the key).
    pub algorithm: SignatureAlgorithm,
    /// The canonicalisation URI (exclusive or inclusive C14N 1.0).
    pub c14n: String,
    /// Where the key was: a PKCS#12 file, PEM files or a PKCS#11 token.
    pub key_source: super::marks::KeyLocation,
}

/// `egov edxml verify` (DOC-18).
#[derive(Debug, Serialize, JsonSchema)]
pub struct EdxmlVerifyOutput {
    /// The signature verifies (and, with anchors, its chain does).
    pub valid: bool,
    /// What verification found.
    pub verification: Verification,
    /// The same as findings (DOC-18).
    pub findings: Vec<Finding>,
}
