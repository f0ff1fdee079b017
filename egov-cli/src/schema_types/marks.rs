//! The JSON Schemas of `egov mark`, `mark pdf`, `pdf sign|verify`, `keygen`, `trustlist` and
//! their inputs (trust set, key file, trust-list entry): the answer types and their [`Entry`]
//! list. Presentation only: every rule is the library's (egov-conversion, egov-sign).

use std::path::PathBuf;

use egov_conversion::pdf::{
    Conformance, Corner, PdfVerification, Placement, RectPt, ScanPage, SignaturesReport, StampMode,
};
use egov_conversion::qr::EcLevel;
use egov_conversion::render::PrintedSize;
use egov_conversion::scan::{FoundMark, Verdict};
use egov_conversion::trustlist::{ListVerification, MarkCheck};
use egov_conversion::{ConversionMark, TrustSet, Verification};
use egov_core::Finding;
use egov_sign::cms::Timestamp;
use egov_sign::{SignatureAlgorithm, SignerCertificate};
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Input, "trust-set", egov_conversion::TrustSet,
            "Tập khóa tin cậy / Trust set of conversion-mark keys (CONV-03)",
            "Read by `--trust FILE` of `egov mark verify` and `egov mark pdf verify` (JSON); `egov keygen --trust-out FILE` writes one."),
        entry!(Input, "key-file", egov_conversion::KeyFile,
            "Tệp khóa ký dấu chuyển đổi / Conversion-mark signing key file (CONV-03)",
            "Written by `egov keygen --out FILE` (JSON, mode 0600: it holds the secret key); read by `--key FILE` of `egov mark paper-to-data|data-to-paper`, `egov mark pdf stamp|from-scans`, `egov trustlist add|sign`, by `egov keygen --from FILE` and `--pin FILE`."),
        entry!(Input, "trust-list-entry", egov_conversion::trustlist::ListEntry,
            "Mục khóa của danh sách tin cậy / Trust-list key entry (egov-trust-list/1)",
            "Written by `egov keygen --entry-out FILE`; read by `egov trustlist add LIST --entry FILE` (JSON)."),
        entry!(Output, "keygen", KeygenOutput,
            "Khóa ký dấu chuyển đổi / Conversion-mark signing key (CONV-03)",
            "Printed by `egov --json keygen --out FILE [--trust-out FILE] [--entry-out FILE]` and `egov --json keygen --from FILE --trust-out FILE`."),
        entry!(Output, "mark", MarkOutput,
            "Dấu chuyển đổi đã đóng lên trang / Conversion mark stamped on a page (NĐ 137/2024 Đ4, Đ5; CONV-02, CONV-03)",
            "Printed by `egov --json mark paper-to-data --page PAGE …` and `egov --json mark data-to-paper --page PAGE …`."),
        entry!(Output, "mark-verify", MarkVerifyOutput,
            "Kết quả xác minh dấu chuyển đổi / Conversion-mark verification (CONV-03, CONV-12)",
            "Printed by `egov --json mark verify IMAGE… --trust FILE` (page images) and `egov --json mark verify --payload TEXT --trust FILE` (one payload); with `--trust-list LIST --pin KEY` instead of `--trust`, the trust lists' judgement is added as `trust_list`."),
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
        entry!(Output, "trust-list", egov_conversion::trustlist::SignedTrustList,
            "Danh sách khóa tin cậy / Trust list (egov-trust-list/1)",
            "Printed by `egov --json trustlist new --issuer NAME --out FILE`, `egov --json trustlist add LIST …`, `egov --json trustlist retire LIST --key-id ID`, `egov --json trustlist revoke LIST --key-id ID --reason WHY`, `egov --json trustlist sign LIST --key FILE` and `egov --json trustlist show LIST`: the list as written (or read)."),
        entry!(Output, "trustlist-verify", ListVerification,
            "Kết quả xác minh danh sách khóa tin cậy / Trust lists verified (egov-trust-list/1)",
            "Printed by `egov --json trustlist verify LIST… --pin KEY`."),
    ]
}

/// `egov keygen`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct KeygenOutput {
    /// Where the new key file was written (`--out`); null with `--from` (no key written).
    pub key_file: Option<PathBuf>,
    /// The key id (16 hex digits) printed in every mark the key signs.
    pub key_id: String,
    /// The Ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// The trust set holding the public key: what verifiers need (`--trust-out` writes it).
    pub trust_set: TrustSet,
}

/// `egov mark paper-to-data|data-to-paper`: the stamped page and the signed payload.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MarkOutput {
    /// The stamped page image written.
    pub out: PathBuf,
    /// The file the QR payload text was written to.
    pub payload_out: PathBuf,
    /// The QR payload text (signed, CONV-03).
    pub qr_text: String,
    /// The QR code version (1–40).
    pub qr_version: u8,
    /// The signing key's id (16 hex digits).
    pub key_id: String,
    /// Hex SHA-256 of the content the signature covers (the page before marking, or `--content`).
    pub content_sha256: String,
    /// The conversion mark signed and printed (NĐ 137/2024 Đ4 or Đ5).
    pub mark: ConversionMark,
    /// The block on the page: x, y, width, height in pixels.
    pub rect: [u32; 4],
    /// The block's printed size.
    pub printed: PrintedSize,
    /// The mark's findings (CONV-02…11), then where the block went (a warning when it covers
    /// content or its modules are small for a 150-dpi scan).
    pub findings: Vec<Finding>,
}

/// `egov mark verify`: one payload (`--payload`) or page images.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum MarkVerifyOutput {
    /// Page images: the best mark's verification, with what was found page by page.
    Images(Box<ImagesVerifyOutput>),
    /// `--payload`: the verification of the one payload.
    Payload(Box<PayloadVerifyOutput>),
}

/// `egov mark verify --payload TEXT`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PayloadVerifyOutput {
    /// The verification ladder: decode → signature → trusted key → content (CONV-03).
    #[serde(flatten)]
    pub verification: Verification,
    /// With `--trust-list`: the one state of the mark under the trust lists, and their findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_list: Option<MarkCheck>,
}

/// `egov mark verify IMAGE…`: the best mark's verification at the top level.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ImagesVerifyOutput {
    /// The best mark's verification ladder: decode → signature → trusted key → content (CONV-03).
    #[serde(flatten)]
    pub verification: Verification,
    /// The document's verdict over every page and mark (CONV-12).
    pub verdict: Verdict,
    /// How many QR codes were found on the mark's page.
    pub qr_codes_found: usize,
    /// The QR text of the best mark.
    pub qr_text: String,
    /// The best mark's lines as the block prints them, in Vietnamese (from the signed
    /// payload): compare them with the paper.
    pub printed_lines: Vec<String>,
    /// Every conversion mark found on the mark's page, best first.
    pub marks: Vec<FoundMark>,
    /// Findings about the page and the document (several marks, marks that disagree, …).
    pub findings: Vec<Finding>,
    /// The QR decoder and the pass that found the marks.
    pub decoder: String,
    /// The page carrying the mark, 1-based.
    pub mark_page: Option<usize>,
    /// How many pages were scanned.
    pub pages_scanned: usize,
    /// The pages (1-based) on which a mark was found.
    pub pages_with_marks: Vec<usize>,
    /// Page by page: the verdict, or why no mark was read.
    pub pages: Vec<PageSummary>,
    /// With `--trust-list`: the one state of the mark under the trust lists, and their findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_list: Option<MarkCheck>,
}

/// One page of `egov mark verify IMAGE…`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PageSummary {
    /// The page, 1-based (the pages of a multi-page TIFF counted in order).
    pub page: usize,
    /// The page's verdict; null when no mark was read on it.
    pub verdict: Option<Verdict>,
    /// How many marks the page carries.
    pub marks: usize,
    /// Why no mark was read (a stable code such as `scan.no_qr`); null when one was.
    pub error_code: Option<String>,
    /// Why no mark was read, in English; null when one was.
    pub error: Option<String>,
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

/// Where a signer's key is: a PKCS#12 file, PEM files or a PKCS#11 token.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyLocation {
    /// `--p12 FILE`.
    Pkcs12 {
        /// The PKCS#12 file.
        file: PathBuf,
    },
    /// `--key FILE --cert FILE` (`--agency-key` in `egov mark pdf from-scans`).
    Pem {
        /// The private key, PEM.
        key: PathBuf,
        /// The certificate chain, PEM.
        cert: PathBuf,
    },
    /// `--pkcs11-module LIB`: a key on a token.
    Pkcs11 {
        /// The PKCS#11 library.
        module: PathBuf,
        /// The token's label.
        token: String,
        /// The key's label.
        key_label: String,
        /// The key's id (CKA_ID), hex.
        key_id: String,
        /// The certificate chain given with `--cert`, or null.
        cert: Option<PathBuf>,
    },
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
