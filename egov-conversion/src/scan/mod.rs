//! Finding, decoding and verifying conversion marks in page images: scans, photocopies and
//! phone photos of printed pages (CONV-03 Đ4.1.a, CONV-12 Đ5.2.a).
//!
//! - The whole page is searched, in every orientation (pages come sideways and upside down),
//!   by the build's QR decoder ([`DECODER`]: zxing-cpp with the default feature `scan-zxing`,
//!   rxing under `scan-rxing` alone). Decoding runs in passes, cheapest first, and stops at the
//!   first pass that yields a mark that verifies.
//! - **Every** conversion-mark QR code found is reported ([`PageVerification::marks`]); two
//!   marks whose payloads differ (a forged mark stamped beside a genuine one) make the page's
//!   verdict [`Verdict::ConflictingMarks`], never "verified".
//! - The result lists the signed mark's lines exactly as the block prints them
//!   ([`PageVerification::printed_lines`], in Vietnamese). **The signature covers the QR
//!   payload only**: a reader must compare those lines with the text printed beside the QR
//!   code, since a forger can reprint different words next to a genuine code.
//! - Multi-page TIFF files and lists of page images: [`load_pages`], [`verify_pages`] say
//!   which page carries the mark.

mod decode;
pub(crate) mod pages;

use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use image::GrayImage;
use serde::{Deserialize, Serialize};
use serde_json::json;

pub use decode::{decode_qr_codes, DecodedQr, Decoder, PassResult, DECODER};
pub use pages::{load_greyscale, load_pages, MAX_PAGES};

use crate::payload::PREFIX;
use crate::render::RenderError;
use crate::verify::{verify, TrustSet, Verification};
use crate::Direction;

/// Largest page accepted, in pixels (A3 at 600 dpi is ~70 Mpx).
pub const MAX_PIXELS: u64 = 80_000_000;

/// Why a page could not be scanned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScanError {
    /// The image could not be read.
    #[error("cannot read the image: {0}")]
    Decode(String),
    /// The image is larger than [`MAX_PIXELS`].
    #[error("image of {0} pixels is larger than the {MAX_PIXELS} accepted")]
    TooLarge(u64),
    /// No QR code carrying a conversion-mark payload was found.
    #[error("no conversion-mark QR code found ({0} QR codes decoded)")]
    NoMark(usize),
    /// A multi-page file or list holds more than [`MAX_PAGES`] pages.
    #[error("more than {MAX_PAGES} pages")]
    TooManyPages,
    /// A document with no page.
    #[error("no page to scan")]
    NoPages,
}

impl egov_core::Localize for ScanError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            ScanError::Decode(_) | ScanError::NoPages => args!(),
            ScanError::TooLarge(n) => args!(pixels = n, max = MAX_PIXELS),
            ScanError::NoMark(n) => args!(count = n),
            ScanError::TooManyPages => args!(max = MAX_PAGES),
        }
    }
}

impl ErrorCode for ScanError {
    fn code(&self) -> &'static str {
        match self {
            ScanError::Decode(_) => "image.decode",
            ScanError::TooLarge(_) => "image.too_large",
            ScanError::NoMark(_) => "scan.no_mark",
            ScanError::TooManyPages => "image.too_many_pages",
            ScanError::NoPages => "image.no_pages",
        }
    }
}

impl From<RenderError> for ScanError {
    fn from(e: RenderError) -> Self {
        ScanError::Decode(e.to_string())
    }
}

/// Texts of every QR code the first decoding pass finds (any content, not only marks).
pub fn decode_qr_texts(img: &GrayImage) -> Vec<String> {
    decode_qr_codes(img).into_iter().map(|c| c.text).collect()
}

/// One conversion-mark QR code found on a page, verified on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FoundMark {
    /// The QR text.
    pub qr_text: String,
    /// The code's corners in page pixels (top-left, top-right, bottom-right, bottom-left as
    /// read).
    pub corners: [[i32; 2]; 4],
    /// The verification ladder's outcome for this code.
    pub verification: Verification,
    /// The mark's lines as the block prints them, in Vietnamese (from the signed payload; empty
    /// when the payload is malformed). Compare them with the printed text: the signature covers
    /// the QR payload only.
    pub printed_lines: Vec<String>,
}

/// The page's overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// One mark (or identical copies of it) whose signature, key and (when given) content
    /// verify.
    Verified,
    /// The mark found does not verify (see its failure).
    NotVerified,
    /// Marks with different payloads on the page (or document): which one the paper carries
    /// cannot be decided from the image, whatever each verifies to.
    ConflictingMarks,
}

/// The result of verifying a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PageVerification {
    /// The overall verdict (every mark on the page counts).
    pub verdict: Verdict,
    /// How many QR codes were decoded on the page (marks and any other code).
    pub qr_codes_found: usize,
    /// Every conversion-mark QR code found, best-verified first.
    pub marks: Vec<FoundMark>,
    /// The best mark's QR text (`marks[0]`).
    pub qr_text: String,
    /// The best mark's verification.
    pub verification: Verification,
    /// The best mark's lines as printed, in Vietnamese; compare them with the paper.
    pub printed_lines: Vec<String>,
    /// Findings about the page as a whole: more than one mark.
    pub findings: Vec<Finding>,
    /// QR codes decoded whose bytes are not UTF-8 (not marks; counted, not dropped).
    pub non_utf8_codes: usize,
    /// The decoder ([`DECODER`]) and the pass that found the marks.
    pub decoder: String,
    /// Name of the last decoding pass run.
    pub pass: String,
}

impl PageVerification {
    /// True when the verdict is [`Verdict::Verified`].
    pub fn is_verified(&self) -> bool {
        self.verdict == Verdict::Verified
    }
}

/// True for a conversion-mark QR text (`EGCM:…`, or `URL#EGCM:…`).
pub fn is_mark_text(t: &str) -> bool {
    t.starts_with(PREFIX)
        || t.match_indices('#')
            .any(|(i, _)| t.get(i + 1..).is_some_and(|rest| rest.starts_with(PREFIX)))
}

fn same_code(a: &DecodedQr, b: &DecodedQr) -> bool {
    if a.text != b.text {
        return false;
    }
    let [x, y, w, h] = a.bounding_box();
    let [cx, cy] = b.centre();
    cx >= x && cx <= x + w && cy >= y && cy <= y + h
}

fn found_mark(code: DecodedQr, trust: &TrustSet, content: Option<&[u8]>) -> FoundMark {
    let verification = verify(&code.text, trust, content);
    let printed_lines = verification
        .mark
        .as_ref()
        .map(|m| m.display_lines())
        .unwrap_or_default();
    FoundMark {
        qr_text: code.text,
        corners: code.corners,
        verification,
        printed_lines,
    }
}

fn rank(m: &FoundMark) -> (bool, crate::VerificationState) {
    (m.verification.failure.is_none(), m.verification.state)
}

fn rule_for(direction: Option<Direction>) -> (&'static str, LegalRef) {
    match direction {
        Some(Direction::DataToPaper) => (
            "CONV-12",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
        ),
        _ => (
            "CONV-03",
            LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        ),
    }
}

/// The verdict and findings over a set of marks (one page or a whole document), best first: a
/// CONV-03 / CONV-12 finding (Đ4.1.a / Đ5.2.a, by the best mark's direction) when marks with
/// different payloads make the QR code the document carries undecidable (Fail), or when the
/// same mark is printed more than once (Warning). Not a rule of law: the law asks for the mark,
/// and two different ones cannot both be it.
fn judge(marks: &[FoundMark], scope: &str, scope_vi: &str) -> (Verdict, Vec<Finding>) {
    let Some(best) = marks.first() else {
        return (Verdict::NotVerified, Vec::new());
    };
    let (rule, basis) = rule_for(best.verification.mark.as_ref().map(|m| m.direction));
    let mut distinct: Vec<&str> = marks.iter().map(|m| m.qr_text.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let evidence = json!({
        "marks": marks.len(),
        "distinct_payloads": distinct.len(),
        "states": marks.iter().map(|m| m.verification.state).collect::<Vec<_>>(),
    });
    if distinct.len() > 1 {
        let f = Finding::new(
            rule,
            basis,
            Outcome::Fail,
            format!(
                "the {scope} carries {} conversion marks with {} different payloads: which one applies cannot be decided from the image; check the paper and the issuing system",
                marks.len(),
                distinct.len()
            ),
            format!(
                "{scope_vi} có {} ký hiệu chuyển đổi với {} nội dung mã QR khác nhau: không xác định được ký hiệu nào có giá trị từ hình ảnh; cần đối chiếu bản giấy và hệ thống cấp",
                marks.len(),
                distinct.len()
            ),
        )
        .with_field("marks")
        .with_evidence(evidence);
        return (Verdict::ConflictingMarks, vec![f]);
    }
    let verdict = if best.verification.is_verified() {
        Verdict::Verified
    } else {
        Verdict::NotVerified
    };
    let mut findings = Vec::new();
    if marks.len() > 1 {
        findings.push(
            Finding::new(
                rule,
                basis,
                Outcome::Warning,
                format!(
                    "the {scope} carries the same conversion mark {} times",
                    marks.len()
                ),
                format!(
                    "{scope_vi} có {} lần cùng một ký hiệu chuyển đổi",
                    marks.len()
                ),
            )
            .with_field("marks")
            .with_evidence(evidence),
        );
    }
    (verdict, findings)
}

/// CONV-03 (NĐ 137/2024 Đ4.1.a) / CONV-12 (Đ5.2.a): finds every conversion-mark QR code on a
/// page and verifies each ([`verify()`]); the best
/// one is reported first and decides the verdict, unless marks with different payloads make it
/// [`Verdict::ConflictingMarks`].
///
/// Decoding passes ([`Decoder::run_pass`]) run cheapest first over the whole page; the search stops
/// after the first pass that yields a mark that verifies. Errors: [`ScanError::NoMark`] when
/// no conversion-mark code is found (the count of other QR codes decoded is given).
pub fn verify_page(
    page: &GrayImage,
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<PageVerification, ScanError> {
    verify_page_with(Decoder::DEFAULT, page, trust, content)
}

/// [`verify_page`] with a chosen decoder (a build with several `scan-*` features).
pub fn verify_page_with(
    decoder: Decoder,
    page: &GrayImage,
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<PageVerification, ScanError> {
    let passes = decoder.passes();
    let mut codes: Vec<DecodedQr> = Vec::new();
    let mut non_utf8 = 0usize;
    let mut marks: Vec<FoundMark> = Vec::new();
    let mut last_pass = 0usize;
    for pass in 0..passes {
        // The last pass (upscaling) is only for pages where no mark was found at all.
        if pass + 1 == passes && pass > 0 && !marks.is_empty() {
            break;
        }
        last_pass = pass;
        let r = decoder.run_pass(page, pass);
        non_utf8 = non_utf8.max(r.non_utf8);
        for c in r.codes {
            if codes.iter().any(|k| same_code(k, &c)) {
                continue;
            }
            codes.push(c.clone());
            if is_mark_text(&c.text) {
                marks.push(found_mark(c, trust, content));
            }
        }
        if marks.iter().any(|m| m.verification.is_verified()) {
            break;
        }
    }
    marks.sort_by_key(|m| std::cmp::Reverse(rank(m)));
    let Some(best) = marks.first() else {
        return Err(ScanError::NoMark(codes.len()));
    };
    let (verdict, findings) = judge(&marks, "page", "Trang");
    Ok(PageVerification {
        verdict,
        qr_codes_found: codes.len(),
        qr_text: best.qr_text.clone(),
        verification: best.verification.clone(),
        printed_lines: best.printed_lines.clone(),
        marks,
        findings,
        non_utf8_codes: non_utf8,
        decoder: decoder.name().to_owned(),
        pass: decoder.pass_name(last_pass).to_owned(),
    })
}

/// [`verify_page`] on encoded image bytes (PNG, JPEG or TIFF; a multi-page TIFF's first page
/// only: use [`verify_pages`] with [`load_pages`] for every page).
pub fn verify_page_bytes(
    bytes: &[u8],
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<PageVerification, ScanError> {
    verify_page(&load_greyscale(bytes)?, trust, content)
}

/// What was found on one page of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PageOutcome {
    /// Page number, from 1.
    pub page: usize,
    /// The page's verification, when a mark was found on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<PageVerification>,
    /// Why not, otherwise: the error code (`scan.no_mark`, `image.decode`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// And its message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// And its message in Vietnamese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_vi: Option<String>,
}

/// The result of verifying a document of one or more pages ([`verify_pages`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentVerification {
    /// The overall verdict over every page.
    pub verdict: Verdict,
    /// How many pages were scanned.
    pub pages_scanned: usize,
    /// The page (from 1) carrying the best mark, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_page: Option<usize>,
    /// Pages (from 1) on which a mark was found.
    pub pages_with_marks: Vec<usize>,
    /// The best mark's page result (`pages[mark_page - 1].result`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<PageVerification>,
    /// Findings across pages: marks with different payloads on different pages.
    pub findings: Vec<Finding>,
    /// Every page, in order, with what was found or why nothing was.
    pub pages: Vec<PageOutcome>,
}

impl DocumentVerification {
    /// True when the verdict is [`Verdict::Verified`].
    pub fn is_verified(&self) -> bool {
        self.verdict == Verdict::Verified
    }
}

/// CONV-03 / CONV-12: verifies every page of a document (a multi-page TIFF through [`load_pages`], or a list of
/// page images) and says which page carries the mark. Every page is scanned, so a second mark
/// on another page is found; a page that cannot be read is reported with its error, never
/// skipped. Errors only for an empty document or more than [`MAX_PAGES`] pages.
pub fn verify_pages(
    pages: &[GrayImage],
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<DocumentVerification, ScanError> {
    let results: Vec<Result<PageVerification, ScanError>> = pages
        .iter()
        .map(|p| verify_page(p, trust, content))
        .collect();
    assemble(results)
}

/// [`verify_pages`] over encoded files (each PNG, JPEG or TIFF, a TIFF contributing all its
/// pages, in order). A file that cannot be read counts as one page with its error.
pub fn verify_files(
    files: &[&[u8]],
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<DocumentVerification, ScanError> {
    let mut results = Vec::new();
    for f in files {
        match load_pages(f) {
            Ok(pages) => {
                for p in pages {
                    results.push(verify_page(&p, trust, content));
                    if results.len() > MAX_PAGES {
                        return Err(ScanError::TooManyPages);
                    }
                }
            }
            Err(e @ (ScanError::TooManyPages | ScanError::NoPages)) => return Err(e),
            Err(e) => results.push(Err(e)),
        }
    }
    assemble(results)
}

fn assemble(
    results: Vec<Result<PageVerification, ScanError>>,
) -> Result<DocumentVerification, ScanError> {
    if results.is_empty() {
        return Err(ScanError::NoPages);
    }
    if results.len() > MAX_PAGES {
        return Err(ScanError::TooManyPages);
    }
    let pages: Vec<PageOutcome> = results
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            Ok(v) => PageOutcome {
                page: i + 1,
                result: Some(v),
                error_code: None,
                error: None,
                error_vi: None,
            },
            Err(e) => PageOutcome {
                page: i + 1,
                result: None,
                error_code: Some(e.code().to_owned()),
                error: Some(e.to_string()),
                error_vi: Some(egov_core::Localize::message(&e, egov_core::Lang::Vi)),
            },
        })
        .collect();
    let pages_with_marks: Vec<usize> = pages
        .iter()
        .filter(|p| p.result.is_some())
        .map(|p| p.page)
        .collect();
    let best = pages
        .iter()
        .filter_map(|p| p.result.as_ref().map(|r| (p.page, r)))
        .max_by_key(|(page, r)| {
            (
                r.verdict == Verdict::Verified,
                r.marks.first().map(rank),
                std::cmp::Reverse(*page),
            )
        })
        .map(|(page, r)| (page, r.clone()));
    let all_marks: Vec<FoundMark> = pages
        .iter()
        .filter_map(|p| p.result.as_ref())
        .flat_map(|r| r.marks.iter().cloned())
        .collect();
    let (mut verdict, findings) = if pages_with_marks.len() > 1 {
        let mut sorted = all_marks;
        sorted.sort_by_key(|m| std::cmp::Reverse(rank(m)));
        let (v, f) = judge(&sorted, "document", "Văn bản");
        // Identical copies on several pages: the pages' own findings already say so.
        (
            v,
            f.into_iter()
                .filter(|f| f.outcome == Outcome::Fail)
                .collect(),
        )
    } else {
        (
            best.as_ref()
                .map(|(_, r)| r.verdict)
                .unwrap_or(Verdict::NotVerified),
            Vec::new(),
        )
    };
    if verdict != Verdict::ConflictingMarks
        && pages
            .iter()
            .filter_map(|p| p.result.as_ref())
            .any(|r| r.verdict == Verdict::ConflictingMarks)
    {
        verdict = Verdict::ConflictingMarks;
    }
    Ok(DocumentVerification {
        verdict,
        pages_scanned: pages.len(),
        mark_page: best.as_ref().map(|(p, _)| *p),
        pages_with_marks,
        best: best.map(|(_, r)| r),
        findings,
        pages,
    })
}
