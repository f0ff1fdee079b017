//! Finding and decoding the mark's QR code in a page image, then verifying it (feature
//! `render`). Works on full pages (A4 at 300 dpi), not only on cropped codes.

use egov_core::ErrorCode;
use image::GrayImage;
use serde::{Deserialize, Serialize};

use crate::payload::PREFIX;
use crate::render::RenderError;
use crate::verify::{verify, TrustSet, Verification};

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
}

impl ErrorCode for ScanError {
    fn code(&self) -> &'static str {
        match self {
            ScanError::Decode(_) => "image.decode",
            ScanError::TooLarge(_) => "image.too_large",
            ScanError::NoMark(_) => "scan.no_mark",
        }
    }
}

impl From<RenderError> for ScanError {
    fn from(e: RenderError) -> Self {
        ScanError::Decode(e.to_string())
    }
}

/// Decodes every QR code rqrr finds in a greyscale image; returns their texts.
pub fn decode_qr_texts(img: &GrayImage) -> Vec<String> {
    let (w, h) = img.dimensions();
    let (w, h) = (w as usize, h as usize);
    let raw = img.as_raw();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        raw.get(y * w + x).copied().unwrap_or(255)
    });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// Reads an image file's bytes (PNG, JPEG) into greyscale, enforcing [`MAX_PIXELS`] from the
/// header before decoding the pixels.
pub fn load_greyscale(bytes: &[u8]) -> Result<GrayImage, ScanError> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ScanError::Decode(e.to_string()))?;
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| ScanError::Decode(e.to_string()))?;
    let px = u64::from(w) * u64::from(h);
    if px > MAX_PIXELS {
        return Err(ScanError::TooLarge(px));
    }
    let img = image::load_from_memory(bytes).map_err(|e| ScanError::Decode(e.to_string()))?;
    Ok(img.into_luma8())
}

/// The result of verifying a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageVerification {
    /// How many QR codes were decoded on the page.
    pub qr_codes_found: usize,
    /// The QR text that was verified.
    pub qr_text: String,
    /// The verification ladder's outcome.
    pub verification: Verification,
}

fn is_mark_text(t: &str) -> bool {
    t.starts_with(PREFIX) || t.contains(&format!("#{PREFIX}"))
}

/// Finds the conversion-mark QR code on a page and verifies it ([`verify()`]). When several
/// marks are present the best-verified one is reported.
///
/// The top quarter of the page (where marks go by default) is searched first; the full page
/// only when nothing is found there.
pub fn verify_page(
    page: &GrayImage,
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<PageVerification, ScanError> {
    let (w, h) = page.dimensions();
    let top = image::imageops::crop_imm(page, 0, 0, w, h.div_ceil(4).max(1)).to_image();
    let mut texts = decode_qr_texts(&top);
    if !texts.iter().any(|t| is_mark_text(t)) {
        texts = decode_qr_texts(page);
    }
    let found = texts.len();
    let best = texts
        .into_iter()
        .filter(|t| is_mark_text(t))
        .map(|t| {
            let v = verify(&t, trust, content);
            (t, v)
        })
        .max_by_key(|(_, v)| (v.failure.is_none(), v.state));
    match best {
        Some((qr_text, verification)) => Ok(PageVerification {
            qr_codes_found: found,
            qr_text,
            verification,
        }),
        None => Err(ScanError::NoMark(found)),
    }
}

/// [`verify_page`] on encoded image bytes (PNG or JPEG).
pub fn verify_page_bytes(
    bytes: &[u8],
    trust: &TrustSet,
    content: Option<&[u8]>,
) -> Result<PageVerification, ScanError> {
    verify_page(&load_greyscale(bytes)?, trust, content)
}
