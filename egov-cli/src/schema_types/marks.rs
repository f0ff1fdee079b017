//! The JSON Schemas of `egov mark`, `mark pdf`, `pdf sign|verify`, `keygen`, `trustlist` and
//! their inputs (trust set, key file, trust-list entry): the answer types and their [`Entry`]
//! list. Presentation only: every rule is the library's (egov-conversion, egov-sign).

use std::path::PathBuf;

use egov_conversion::render::PrintedSize;
use egov_conversion::scan::{FoundMark, Verdict};
use egov_conversion::trustlist::{ListVerification, MarkCheck};
use egov_conversion::{ConversionMark, TrustSet, Verification};
use egov_core::Finding;
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    #[allow(unused_mut)] // without the `pdf` feature nothing is added
    let mut all = vec![
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
        entry!(Output, "trust-list", egov_conversion::trustlist::SignedTrustList,
            "Danh sách khóa tin cậy / Trust list (egov-trust-list/1)",
            "Printed by `egov --json trustlist new --issuer NAME --out FILE`, `egov --json trustlist add LIST …`, `egov --json trustlist retire LIST --key-id ID`, `egov --json trustlist revoke LIST --key-id ID --reason WHY`, `egov --json trustlist sign LIST --key FILE` and `egov --json trustlist show LIST`: the list as written (or read)."),
        entry!(Output, "trustlist-verify", ListVerification,
            "Kết quả xác minh danh sách khóa tin cậy / Trust lists verified (egov-trust-list/1)",
            "Printed by `egov --json trustlist verify LIST… --pin KEY`."),
    ];
    // The PDF answers (feature `pdf`), after `mark-verify` as listed before.
    #[cfg(feature = "pdf")]
    all.splice(6..6, super::pdf::entries());
    all
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
    /// The page resolution the block was sized for, dots per inch.
    pub dpi: u32,
    /// Whether it is the one the image states (else `--dpi`, or 300 when the image states
    /// no scanner resolution).
    pub dpi_from_image: bool,
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
    /// `--signer-command COMMAND --cert FILE`: a command makes the private-key operation.
    Command {
        /// The command, as given.
        command: String,
        /// What it signs with.
        algorithm: egov_sign::SignatureAlgorithm,
        /// The certificate chain, PEM.
        cert: PathBuf,
    },
}
