//! Conversion marks on PDF files (feature `pdf`; issue 13, `shared/spec/PDF.md`).
//!
//! **Stamp** ([`stamp()`], NĐ 137/2024 Đ5, data → paper; CONV-11 / CONV-12 / CONV-17): the
//! mark block (the same lines as the image mark, [`crate::ConversionMark::display_lines`], in
//! DejaVu Sans subset-embedded with a ToUnicode map, and a vector QR code of the signed payload
//! with its quiet zone on an opaque white background) is drawn with krilla and painted on a
//! page as a Form XObject, in an **incremental update** written with lopdf: the original bytes
//! stay untouched as the prefix of the output, so a signature over them (PAdES) still covers
//! exactly what it covered. The old page content is wrapped in `q … Q`. The payload signs
//! SHA-256 of the original file and its length N as the extension field [`PDF_LEN_EXTENSION`]
//! (`pdf.len`), and goes into the document's XMP metadata too (namespace [`xmp::NAMESPACE`],
//! declared in a PDF/A extension schema), in the same update.
//!
//! **Verify** ([`verify_pdf()`]): the payload from the XMP of the latest revision through the
//! trust ladder ([`crate::verify()`]) with `file[..N]` as the content, the revisions appended
//! after N (each must chain back into the original by `/Prev`), and the QR code printed on the
//! marked page, rendered with hayro (pure Rust) and decoded by the page-image decoder
//! ([`crate::scan`]). Every disagreement is a finding with its rule and article.
//!
//! Untrusted input: size limit before parsing, per-stream decompression limit and lopdf's
//! recursion limits while parsing, a page-count and pixel limit, and a time budget checked
//! between the stages ([`PdfLimits`]). Encrypted PDFs are refused ([`PdfError::Encrypted`]).
//!
//! **Sign and verify signatures** ([`sign_pdf()`], [`verify_signatures()`], DOC-14, DOC-18):
//! PAdES B-B and B-T as an incremental update; every signature and document time-stamp
//! verified over the revision it covers, and each revision after it classified
//! ([`RevisionUpdate`]): validation data, document time-stamps, further signatures and metadata
//! are updates permitted after signing, anything else is named ([`OtherChange`]).
//!
//! **Electronic copies from scans** ([`pdf_from_scans()`], NĐ 30/2020 Phụ lục I): PDF/A-2b or
//! PDF/A-1b with the mark and the agency's visible signature.

mod annots;
mod copy;
mod draw;
mod load;
mod mdp;
mod pades;
mod raster;
mod scans;
mod signatures;
mod stamp;
mod updates;
mod verify;
pub mod xmp;

use egov_core::ErrorCode;
use serde::{Deserialize, Serialize};

pub use copy::{copy_block_lines, electronic_copy, CopyOptions, ElectronicCopy};
pub use draw::{mark_block_pdf, MarkBlock};
pub use load::PdfLimits;
pub use mdp::docmdp_permission;
pub use pades::{sign_pdf, PadesOptions, SignatureAppearance, SignedPdf};
pub use scans::{pdf_from_scans, Conformance, ScanPage, ScansOptions, ScansPdf};
pub use signatures::{
    verify_signatures, PdfSignature, SignatureKind, SignatureVerifyOptions, SignaturesReport,
};
pub use stamp::{stamp, Corner, Placement, StampMode, StampOptions, StampedPdf};
pub use updates::{OtherChange, PermittedUpdate, RevisionUpdate};
pub use verify::{verify_pdf, PdfVerification, PrintedQr, Revision, VerifyOptions, XrefKind};

/// The payload extension field carrying the original file's length in bytes (signed): a
/// verifier cuts the file there (PDF.md §4: the end of a revision cannot be found from
/// `%%EOF` reliably, because an appender may add an end-of-line).
pub const PDF_LEN_EXTENSION: &str = "pdf.len";

/// Why a PDF could not be stamped or read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The file is larger than the limit.
    #[error("PDF of {size} bytes is larger than the {limit} accepted")]
    TooLarge {
        /// File size.
        size: usize,
        /// Limit.
        limit: usize,
    },
    /// The file is not a PDF at all: no `%PDF-` header in its first 1 024 bytes (ISO 32000-1
    /// §7.5.2; readers look that far for it). A PDF that has the header but does not parse is
    /// [`PdfError::Parse`].
    #[error("not a PDF: no %PDF- header in the first 1024 bytes")]
    NotPdf,
    /// The file could not be parsed as a PDF.
    #[error("cannot read the PDF: {0}")]
    Parse(String),
    /// The file is encrypted: egov neither decrypts nor re-encrypts documents.
    #[error("the PDF is encrypted ({0}); decrypt it with its owner first, egov does not stamp or read encrypted PDFs")]
    Encrypted(String),
    /// The cross-reference data had to be rebuilt or corrected: an incremental update would
    /// not chain to the original (PDF.md §3.1).
    #[error("the PDF's cross-reference data is damaged ({0}); an incremental update cannot chain to it: repair the file first (e.g. qpdf)")]
    XrefDamaged(String),
    /// The requested page does not exist.
    #[error("page {page} does not exist (the document has {count} pages)")]
    NoSuchPage {
        /// Requested page (1-based).
        page: u32,
        /// Pages in the document.
        count: usize,
    },
    /// The page's boxes or structure are unusable.
    #[error("page {page}: {reason}")]
    BadPage {
        /// Page (1-based).
        page: u32,
        /// What is wrong.
        reason: String,
    },
    /// More pages than the limit.
    #[error("{count} pages; at most {limit} accepted")]
    TooManyPages {
        /// Pages in the document.
        count: usize,
        /// Limit.
        limit: usize,
    },
    /// The mark block does not fit on the page at the requested position.
    #[error("the mark block ({block_w_pt:.0}×{block_h_pt:.0} pt) does not fit on page {page} ({page_w_pt:.0}×{page_h_pt:.0} pt visible) at the requested position")]
    DoesNotFit {
        /// Page (1-based).
        page: u32,
        /// Block width, pt.
        block_w_pt: f32,
        /// Block height, pt.
        block_h_pt: f32,
        /// Visible page width, pt.
        page_w_pt: f32,
        /// Visible page height, pt.
        page_h_pt: f32,
    },
    /// Automatic placement found no blank corner for the block.
    #[error("no blank corner of page {page} fits the mark block ({block_w_pt:.0}×{block_h_pt:.0} pt) with {margin_mm} mm margins; choose a corner or a position explicitly, or make the block smaller")]
    NoBlankArea {
        /// Page (1-based).
        page: u32,
        /// Block width, pt.
        block_w_pt: f32,
        /// Block height, pt.
        block_h_pt: f32,
        /// Margin tried, mm.
        margin_mm: f32,
    },
    /// An option is out of range.
    #[error("invalid option {field}: {reason}")]
    BadOption {
        /// The option.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// A page image given for a copy made from scans cannot be used (CONV-05, NĐ 137/2024 Đ5).
    #[error("cannot use the scan {scan}{}: {problem}", on_page(*.page))]
    BadScan {
        /// The scan as it was given (its file name).
        scan: String,
        /// The page of a multi-page TIFF (1-based), when the problem is on one page.
        page: Option<u32>,
        /// What is wrong with it.
        problem: ScanProblem,
    },
    /// Signing the payload failed.
    #[error("cannot sign the payload: {0}")]
    Payload(String),
    /// Drawing the mark block failed.
    #[error("cannot draw the mark block: {0}")]
    Draw(String),
    /// Writing the update failed.
    #[error("cannot write the incremental update: {0}")]
    Write(String),
    /// The time budget ran out.
    #[error("time budget of {limit_ms} ms exceeded while {stage}")]
    TimeLimit {
        /// What was being done.
        stage: &'static str,
        /// The budget.
        limit_ms: u64,
    },
    /// Signing the PDF failed (the signer, the certificate, the time-stamping service).
    #[error("cannot sign the PDF: {0}")]
    Sign(String),
    /// The document's author forbade the change (a certification signature's DocMDP
    /// permissions, ISO 32000-1 §12.8.2.2).
    #[error("the document is certified with DocMDP permission P={permission}, which forbids {change}; a change would invalidate its certification")]
    Locked {
        /// The /P value (1: no changes; 2: form filling and signing; 3: also annotations).
        permission: u8,
        /// What was asked.
        change: &'static str,
    },
    /// A dependency panicked on this input (caught; a bug to report upstream).
    #[error("internal error while {0} (the input triggered a bug in a PDF library)")]
    Internal(&'static str),
}

fn on_page(page: Option<u32>) -> String {
    page.map(|p| format!(" page {p}")).unwrap_or_default()
}

/// What is wrong with a page image given for a copy made from scans
/// ([`PdfError::BadScan`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScanProblem {
    /// Not a JPEG, PNG or TIFF file (read by its first bytes, whatever its name).
    #[error("not a JPEG, PNG or TIFF image")]
    NotAnImage,
    /// A JPEG, PNG or TIFF that its decoder cannot read (cut short, damaged).
    #[error("not a readable {format}: {reason}")]
    Unreadable {
        /// `JPEG`, `PNG` or `TIFF`.
        format: &'static str,
        /// The decoder's words.
        reason: String,
    },
    /// More pixels than the limit (`ScansOptions::max_pixels`).
    #[error("{width}×{height} pixels is more than {limit}")]
    TooManyPixels {
        /// Width, pixels.
        width: u32,
        /// Height, pixels.
        height: u32,
        /// The limit, pixels.
        limit: u64,
    },
    /// The image holds fewer pixels than its stated size.
    #[error("fewer pixels than its size")]
    Truncated,
    /// The image's size or resolution gives no usable page (zero or beyond PDF's limits).
    #[error("page of {width_pt}×{height_pt} pt")]
    PageSize {
        /// Page width, pt.
        width_pt: f32,
        /// Page height, pt.
        height_pt: f32,
    },
}

impl ScanProblem {
    /// The problem in Vietnamese (the decoder's own words are English, quoted «…»).
    fn vi(&self) -> String {
        match self {
            ScanProblem::NotAnImage => "không phải ảnh JPEG, PNG hoặc TIFF".to_owned(),
            ScanProblem::Unreadable { format, reason } => {
                format!("không đọc được ảnh {format} («{reason}»)")
            }
            ScanProblem::TooManyPixels {
                width,
                height,
                limit,
            } => format!("{width}×{height} điểm ảnh, nhiều hơn giới hạn {limit}"),
            ScanProblem::Truncated => "ảnh ít điểm ảnh hơn kích thước ghi trong tệp".to_owned(),
            ScanProblem::PageSize {
                width_pt,
                height_pt,
            } => format!("kích thước trang {width_pt}×{height_pt} pt không dùng được"),
        }
    }
}

/// [`PdfError::Encrypted`]'s reason when the file asks for a password.
pub(crate) const NEEDS_PASSWORD: &str = "a password is needed";
/// [`PdfError::Encrypted`]'s reason before the security handler's name (`/Filter`).
pub(crate) const SECURITY_HANDLER: &str = "security handler ";
/// [`PdfError::Encrypted`]'s reason when the trailer has `/Encrypt` without a handler's name.
pub(crate) const ENCRYPT_DICTIONARY: &str = "an /Encrypt dictionary";

/// How a PDF is encrypted, in Vietnamese, as the parenthesis after «đã được mã hóa» (CORE-06):
/// the security handler by its name, a password, or the PDF library's own words quoted.
fn encrypted_how_vi(how: &str) -> String {
    if how == NEEDS_PASSWORD {
        " (cần mật khẩu để mở)".to_owned()
    } else if how == ENCRYPT_DICTIONARY {
        String::new()
    } else if let Some(name) = how.strip_prefix(SECURITY_HANDLER) {
        format!(" (bộ xử lý bảo mật «{name}»)")
    } else {
        format!(" («{how}»)")
    }
}

impl egov_core::Localize for PdfError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        // Sizes in whole millimetres, as people measure paper.
        let mm = |pt: &f32| format!("{:.0}", pt * 25.4 / 72.0);
        match self {
            PdfError::TooLarge { size, limit } => args!(size = size, limit = limit),
            PdfError::Encrypted(how) => args!(how = encrypted_how_vi(how)),
            PdfError::NotPdf
            | PdfError::Parse(_)
            | PdfError::XrefDamaged(_)
            | PdfError::Payload(_)
            | PdfError::Draw(_)
            | PdfError::Write(_)
            | PdfError::Sign(_) => args!(),
            PdfError::NoSuchPage { page, count } => args!(page = page, count = count),
            PdfError::BadPage { page, .. } => args!(page = page),
            PdfError::TooManyPages { count, limit } => args!(count = count, limit = limit),
            PdfError::DoesNotFit {
                page,
                block_w_pt,
                block_h_pt,
                page_w_pt,
                page_h_pt,
            } => args!(
                page = page,
                block_w = mm(block_w_pt),
                block_h = mm(block_h_pt),
                page_w = mm(page_w_pt),
                page_h = mm(page_h_pt)
            ),
            PdfError::NoBlankArea {
                page,
                block_w_pt,
                block_h_pt,
                margin_mm,
            } => args!(
                page = page,
                block_w = mm(block_w_pt),
                block_h = mm(block_h_pt),
                margin = format!("{margin_mm}")
            ),
            PdfError::BadOption { field, .. } => args!(field = *field),
            PdfError::BadScan {
                scan,
                page,
                problem,
            } => args!(
                scan = scan,
                page = page.map(|p| format!(" trang {p}")).unwrap_or_default(),
                problem = problem.vi()
            ),
            PdfError::TimeLimit { stage, limit_ms } => {
                args!(stage = stage_vi(stage), limit_ms = limit_ms)
            }
            PdfError::Locked { permission, change } => args!(
                permission = permission,
                change = match *change {
                    "adding a signature" => "thêm chữ ký",
                    "adding an annotation" => "thêm chú thích (annotation)",
                    other => other,
                }
            ),
            PdfError::Internal(stage) => args!(stage = stage_vi(stage)),
        }
    }
}

/// What egov was doing when a PDF error came, in Vietnamese (the stages are named in English).
fn stage_vi(stage: &str) -> &str {
    match stage {
        "finding a blank corner" => "tìm góc trống",
        "reading the XMP" => "đọc XMP",
        "rendering the page" => "dựng hình trang",
        "signing" => "ký số",
        "stamping" => "đóng dấu",
        "verifying the signatures" => "kiểm tra chữ ký",
        "writing the update" => "ghi bản cập nhật",
        "writing the signature field" => "ghi trường chữ ký",
        "loading the PDF" => "nạp tệp PDF",
        other => other,
    }
}

impl ErrorCode for PdfError {
    fn code(&self) -> &'static str {
        match self {
            PdfError::TooLarge { .. } => "pdf.too_large",
            PdfError::NotPdf => "pdf.not_pdf",
            PdfError::Parse(_) => "pdf.parse",
            PdfError::Encrypted(_) => "pdf.encrypted",
            PdfError::XrefDamaged(_) => "pdf.xref_damaged",
            PdfError::NoSuchPage { .. } => "pdf.no_such_page",
            PdfError::BadPage { .. } => "pdf.bad_page",
            PdfError::TooManyPages { .. } => "pdf.too_many_pages",
            PdfError::DoesNotFit { .. } => "pdf.does_not_fit",
            PdfError::NoBlankArea { .. } => "pdf.no_blank_area",
            PdfError::BadOption { .. } => "pdf.bad_option",
            PdfError::BadScan { .. } => "pdf.bad_scan",
            PdfError::Payload(_) => "pdf.payload",
            PdfError::Draw(_) => "pdf.draw",
            PdfError::Write(_) => "pdf.write",
            PdfError::TimeLimit { .. } => "pdf.time_limit",
            PdfError::Sign(_) => "pdf.sign",
            PdfError::Locked { .. } => "pdf.locked",
            PdfError::Internal(_) => "pdf.internal",
        }
    }
}

/// A rectangle in PDF points: x, y of the lower-left corner in the page's default user space
/// (unrotated), width and height.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RectPt {
    /// Lower-left x.
    pub x: f32,
    /// Lower-left y.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// Points per millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;
