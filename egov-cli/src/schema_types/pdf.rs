//! The JSON Schemas of `egov mark pdf stamp|verify|from-scans` and `egov pdf sign|verify`
//! (feature `pdf`): the answer types and their [`Entry`] list. Presentation only: every rule is
//! the library's (egov-conversion, egov-sign).

use std::path::PathBuf;

use egov_conversion::pdf::{
    Conformance, Corner, PdfVerification, Placement, RectPt, ScanPage, SignaturesReport, StampMode,
};
use egov_conversion::qr::EcLevel;
use egov_conversion::ConversionMark;
use egov_core::Finding;
use egov_sign::cms::Timestamp;
use egov_sign::{SignatureAlgorithm, SignerCertificate};
use schemars::JsonSchema;
use serde::Serialize;

use super::marks::KeyLocation;
use crate::schema::{entry, Entry};

/// This domain's committed schemas, placed by [`super::marks::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Output, "mark-pdf-stamp", MarkPdfStampOutput,
            "Dấu chuyển đổi đã đóng lên tệp PDF / Conversion mark stamped on a PDF (NĐ 137/2024 Đ4, Đ5; CONV-12, CONV-16)",
            "Printed by `egov --json mark pdf stamp INPUT --out OUT …`."),
        entry!(Output, "mark-pdf-verify", MarkPdfVerifyOutput,
            "Kết quả xác minh dấu chuyển đổi trên tệp PDF / Conversion mark on a PDF verified (CONV-03, CONV-12)",
            "Printed by `egov --json mark pdf verify FILE --trust FILE`."),
        entry!(Output, "mark-pdf-from-scans", FromScansOutput,
            "Bản điện tử sao từ văn bản giấy / Electronic copy made from scans (NĐ 137/2024 Đ4; NĐ 30/2020 Đ25, Phụ lục I)",
            "Printed by `egov --json mark pdf from-scans IMAGE… --out OUT …` (exit 1 when a page is not a conforming copy)."),
        entry!(Output, "pdf-sign", PdfSignOutput,
            "Chữ ký số PAdES đã ký / PAdES signature written (QĐ 28/2018/QĐ-TTg Đ6.1; DOC-18)",
            "Printed by `egov --json pdf sign INPUT --out OUT …`."),
        entry!(Output, "pdf-verify", PdfVerifyOutput,
            "Kết quả kiểm tra chữ ký số trên tệp PDF / PDF signatures verified (QĐ 28/2018/QĐ-TTg Đ6.1; DOC-18)",
            "Printed by `egov --json pdf verify FILE [--anchors PEM…] [--at TIME]`."),
    ]
}

/// The QR code as stamped on a PDF.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QrOutput {
    /// The QR code version (1–40).
    pub version: u8,
    /// The error-correction level.
    pub ec_level: EcLevel,
    /// Its width in modules (without the quiet zone).
    pub modules: u32,
    /// One module's side, millimetres.
    pub module_mm: f32,
    /// The code's side, millimetres.
    pub side_mm: f32,
}

/// The mark block as stamped on a PDF.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BlockOutput {
    /// Block width, millimetres.
    pub width_mm: f32,
    /// Block height, millimetres.
    pub height_mm: f32,
    /// The lines printed beside the QR code.
    pub printed_lines: Vec<String>,
}

/// `egov mark pdf stamp`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MarkPdfStampOutput {
    /// The PDF stamped.
    pub input: PathBuf,
    /// The stamped PDF written: the original bytes, then an incremental update (CONV-16).
    pub out: PathBuf,
    /// Where the QR payload text was also written (`--payload-out`), or null.
    pub payload_out: Option<PathBuf>,
    /// The page stamped, 1-based.
    pub page: u32,
    /// Where the block was asked to go.
    pub placement: Placement,
    /// The corner chosen (automatic or corner placement); null for an explicit position.
    pub corner: Option<Corner>,
    /// How the block was written into the page.
    pub mode: StampMode,
    /// The block's rectangle in the page's default user space, points.
    pub rect_pt: RectPt,
    /// Length of the original PDF, bytes (the signed prefix of the output).
    pub original_len: usize,
    /// Hex SHA-256 of the original PDF (what the mark's signature covers).
    pub original_sha256: String,
    /// Length of the stamped PDF, bytes.
    pub output_len: usize,
    /// The QR payload text (signed, CONV-03).
    pub qr_text: String,
    /// The QR code version (1–40); also in `qr`.
    pub qr_version: u8,
    /// The QR code as printed.
    pub qr: QrOutput,
    /// The block as printed.
    pub block: BlockOutput,
    /// The signing key's id (16 hex digits).
    pub key_id: String,
    /// The conversion mark signed and printed (NĐ 137/2024 Đ4 or Đ5).
    pub mark: ConversionMark,
    /// The mark's findings, then what stamping means for the document's signatures (CONV-16).
    pub findings: Vec<Finding>,
}

/// `egov mark pdf verify`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MarkPdfVerifyOutput {
    /// The payload's ladder, the original revision, the revisions after it, the printed QR.
    #[serde(flatten)]
    pub verification: PdfVerification,
    /// The file verified.
    pub file: PathBuf,
    /// Its length, bytes.
    pub file_len: usize,
    /// Whether the file's first `original_len` bytes hash to the signed SHA-256; null when it
    /// could not be compared (no payload, or the signature failed first).
    pub original_hash_matches: Option<bool>,
}

/// `egov mark pdf from-scans`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FromScansOutput {
    /// The page images, in page order.
    pub images: Vec<PathBuf>,
    /// The signed copy written.
    pub out: PathBuf,
    /// Its length, bytes.
    pub output_len: usize,
    /// Whether the copy conforms: no finding failed (NĐ 30/2020 Phụ lục I); exit 1 otherwise.
    pub conforming: bool,
    /// The PDF/A part of the copy.
    pub conformance: Conformance,
    /// The pages: source image, format, size, resolution, colour.
    pub pages: Vec<ScanPage>,
    /// Every finding: the format's, the mark's (those not passed), the stamping's.
    pub findings: Vec<Finding>,
    /// The format findings alone (NĐ 30/2020 Phụ lục I: resolution, colour).
    pub format_findings: Vec<Finding>,
    /// The paper → data conversion mark stamped on the copy (NĐ 137/2024 Đ4).
    pub mark: FromScansMark,
    /// The copying agency's visible PAdES signature.
    pub signature: FromScansSignature,
}

/// The conversion mark of `egov mark pdf from-scans`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FromScansMark {
    /// The page stamped, 1-based.
    pub page: u32,
    /// Where the block was asked to go.
    pub placement: Placement,
    /// The corner chosen; null for an explicit position.
    pub corner: Option<Corner>,
    /// How the block was written into the page.
    pub mode: StampMode,
    /// The block's rectangle in the page's default user space, points.
    pub rect_pt: RectPt,
    /// Length of the unmarked PDF/A, bytes (what the mark's signature covers).
    pub original_len: usize,
    /// Hex SHA-256 of the unmarked PDF/A.
    pub original_sha256: String,
    /// The QR payload text (signed, CONV-03).
    pub qr_text: String,
    /// The QR code as printed.
    pub qr: QrOutput,
    /// The block as printed.
    pub block: BlockOutput,
    /// The signing key's id (16 hex digits).
    pub key_id: String,
    /// The conversion mark signed and printed.
    pub mark: ConversionMark,
    /// What stamping meant for signatures already there (none on a fresh copy).
    pub findings: Vec<Finding>,
    /// Where the QR payload text was also written (`--payload-out`), or null.
    pub payload_out: Option<PathBuf>,
}

/// Where the visible signature is drawn.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SignatureAppearanceOutput {
    /// The page, 1-based.
    pub page: u32,
    /// The corner.
    pub corner: Corner,
    /// The lines printed: copy form, copying agency, signing time (NĐ 30/2020 Phụ lục I).
    pub lines: Vec<String>,
}

/// The agency's signature of `egov mark pdf from-scans`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FromScansSignature {
    /// `PAdES-B-B`, or `PAdES-B-T` with a time-stamp.
    pub level: String,
    /// The signature field's name.
    pub field_name: String,
    /// The copying agency.
    pub agency: String,
    /// The copy form printed first («SAO Y», …).
    pub copy_form: String,
    /// The visible signature.
    pub appearance: SignatureAppearanceOutput,
    /// The signer's certificate; null when the key source gave none.
    pub signer: Option<SignerCertificate>,
    /// Where the agency's key is.
    pub key_source: KeyLocation,
    /// The signing time claimed (/M), ISO 8601.
    pub claimed_time: String,
    /// The reason given, or null.
    pub reason: Option<String>,
    /// The location given, or null.
    pub location: Option<String>,
    /// The time-stamp (PAdES-B-T), or null.
    pub timestamp: Option<Timestamp>,
    /// The signed byte ranges `[0, a, b, n]`.
    pub byte_range: [u64; 4],
    /// Length of the revision signed, bytes.
    pub signed_len: usize,
    /// Length of the CMS signature, bytes.
    pub cms_len: usize,
    /// The space reserved for it, bytes.
    pub reserved: usize,
    /// How many certificates the signer sent (its chain).
    pub certificates: usize,
    /// The signature algorithm.
    pub algorithm: SignatureAlgorithm,
}

/// `egov pdf sign`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PdfSignOutput {
    /// The PDF signed.
    pub input: PathBuf,
    /// The signed PDF written (an incremental update).
    pub out: PathBuf,
    /// `PAdES-B-B`, or `PAdES-B-T` with a time-stamp.
    pub level: String,
    /// The signature field's name.
    pub field_name: String,
    /// The signer's certificate; null when the key source gave none.
    pub signer: Option<SignerCertificate>,
    /// How many certificates the signer sent (its chain).
    pub certificates: usize,
    /// The signature algorithm.
    pub algorithm: SignatureAlgorithm,
    /// Where the key is.
    pub key_source: KeyLocation,
    /// The signing time claimed (/M), ISO 8601.
    pub claimed_time: String,
    /// The reason given, or null.
    pub reason: Option<String>,
    /// The location given, or null.
    pub location: Option<String>,
    /// The contact information given, or null.
    pub contact_info: Option<String>,
    /// The time-stamp (PAdES-B-T), or null.
    pub timestamp: Option<Timestamp>,
    /// The signed byte ranges `[0, a, b, n]`.
    pub byte_range: [u64; 4],
    /// Length of the input (the revision before the signature), bytes.
    pub original_len: usize,
    /// Length of the signed PDF, bytes.
    pub output_len: usize,
    /// Length of the CMS signature, bytes.
    pub cms_len: usize,
    /// The space reserved for it, bytes.
    pub reserved: usize,
}

/// `egov pdf verify`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PdfVerifyOutput {
    /// Every signature of the file, checked.
    #[serde(flatten)]
    pub report: SignaturesReport,
    /// The file verified.
    pub file: PathBuf,
    /// Its length, bytes.
    pub file_len: usize,
    /// The trust anchor files given (`--anchors`).
    pub anchors: Vec<PathBuf>,
    /// The time the certificates were judged at (`--at`), ISO 8601; null for the signing time.
    pub at: Option<String>,
}
