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

/// Like [`decode_qr_texts`], with a global threshold instead of rqrr's adaptive one: pixels
/// at or below `threshold` are ink. Faster, and better on blurred or low-resolution scans.
pub fn decode_qr_texts_at(img: &GrayImage, threshold: u8) -> Vec<String> {
    let (w, h) = img.dimensions();
    let (w, h) = (w as usize, h as usize);
    let raw = img.as_raw();
    let mut prepared = rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| {
        raw.get(y * w + x).is_some_and(|&p| p <= threshold)
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

/// Otsu's threshold over the histogram: the grey level that best separates ink from paper.
fn otsu(img: &GrayImage) -> u8 {
    let mut hist = [0u64; 256];
    for p in img.as_raw() {
        if let Some(h) = hist.get_mut(usize::from(*p)) {
            *h += 1;
        }
    }
    let total: u64 = hist.iter().sum();
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &c)| i as f64 * c as f64)
        .sum();
    let (mut w_b, mut sum_b, mut best, mut best_t) = (0u64, 0f64, 0f64, 128u8);
    for (t, &c) in hist.iter().enumerate() {
        w_b += c;
        if w_b == 0 {
            continue;
        }
        let w_f = total - w_b;
        if w_f == 0 {
            break;
        }
        sum_b += t as f64 * c as f64;
        let m_b = sum_b / w_b as f64;
        let m_f = (sum_all - sum_b) / w_f as f64;
        let between = w_b as f64 * w_f as f64 * (m_b - m_f) * (m_b - m_f);
        if between > best {
            best = between;
            best_t = u8::try_from(t).unwrap_or(128);
        }
    }
    best_t
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
    // Cheapest first: the top quarter (where marks go by default), then the whole page; each
    // binarised at Otsu's threshold (fast, and robust to blur and 200-dpi rescans), then with
    // rqrr's adaptive threshold (uneven lighting), then at mid-grey.
    let mut texts = Vec::new();
    'regions: for region in [&top, page] {
        let otsu_t = otsu(region);
        for threshold in [Some(otsu_t), None, Some(128)] {
            if threshold == Some(128) && otsu_t == 128 {
                continue;
            }
            texts = match threshold {
                Some(t) => decode_qr_texts_at(region, t),
                None => decode_qr_texts(region),
            };
            if texts.iter().any(|t| is_mark_text(t)) {
                break 'regions;
            }
        }
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
