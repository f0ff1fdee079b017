//! QR decoding backends. The build's default is zxing-cpp (feature `scan-zxing`); the pure-Rust
//! build uses rxing (feature `scan-rxing`); rqrr with egov's binarisations (feature
//! `scan-rqrr`) is the measured baseline. All chosen by measurement on the degraded-scan
//! corpus (`benches/mark_robustness.md`).
//!
//! A backend runs as a list of *passes*, cheapest first; [`super::verify_page`] stops at the
//! first pass that yields a mark that verifies. A build with several features can choose per
//! call ([`Decoder`], [`super::verify_page_with`]); the benchmarks compare them that way.

use image::GrayImage;
use serde::{Deserialize, Serialize};

/// One QR code found on a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecodedQr {
    /// The decoded text (UTF-8; codes whose bytes are not UTF-8 are skipped and counted).
    pub text: String,
    /// The code's corners in page pixels (top-left, top-right, bottom-right, bottom-left of
    /// the symbol as read, whatever the page's orientation).
    pub corners: [[i32; 2]; 4],
}

impl DecodedQr {
    /// Axis-aligned bounding box of the corners: x, y, width, height (pixels).
    pub fn bounding_box(&self) -> [i32; 4] {
        let xs = self.corners.map(|c| c[0]);
        let ys = self.corners.map(|c| c[1]);
        let (x0, x1) = (
            xs.iter().copied().min().unwrap_or(0),
            xs.iter().copied().max().unwrap_or(0),
        );
        let (y0, y1) = (
            ys.iter().copied().min().unwrap_or(0),
            ys.iter().copied().max().unwrap_or(0),
        );
        [x0, y0, x1 - x0, y1 - y0]
    }

    /// Centre of the corners.
    pub fn centre(&self) -> [i32; 2] {
        let sx: i64 = self.corners.iter().map(|c| i64::from(c[0])).sum();
        let sy: i64 = self.corners.iter().map(|c| i64::from(c[1])).sum();
        [
            i32::try_from(sx / 4).unwrap_or(0),
            i32::try_from(sy / 4).unwrap_or(0),
        ]
    }
}

/// What one decoding pass returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassResult {
    /// Codes whose text is UTF-8.
    pub codes: Vec<DecodedQr>,
    /// Codes decoded but not UTF-8 (not a conversion mark; counted, not dropped silently).
    pub non_utf8: usize,
}

/// A QR decoder compiled into this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decoder {
    /// zxing-cpp (feature `scan-zxing`).
    #[cfg(feature = "scan-zxing")]
    Zxing,
    /// rxing, the pure-Rust port of ZXing (feature `scan-rxing`).
    #[cfg(feature = "scan-rxing")]
    Rxing,
    /// rqrr with egov's binarisations (feature `scan-rqrr`).
    #[cfg(feature = "scan-rqrr")]
    Rqrr,
}

impl Decoder {
    /// The decoder a build uses by default: zxing-cpp when compiled in, else rxing, else rqrr.
    pub const DEFAULT: Decoder = {
        #[cfg(feature = "scan-zxing")]
        {
            Decoder::Zxing
        }
        #[cfg(all(not(feature = "scan-zxing"), feature = "scan-rxing"))]
        {
            Decoder::Rxing
        }
        #[cfg(all(not(feature = "scan-zxing"), not(feature = "scan-rxing")))]
        {
            Decoder::Rqrr
        }
    };

    /// Every decoder compiled in.
    pub fn all() -> Vec<Decoder> {
        vec![
            #[cfg(feature = "scan-zxing")]
            Decoder::Zxing,
            #[cfg(feature = "scan-rxing")]
            Decoder::Rxing,
            #[cfg(feature = "scan-rqrr")]
            Decoder::Rqrr,
        ]
    }

    /// Its name and version, for reports.
    pub const fn name(self) -> &'static str {
        match self {
            #[cfg(feature = "scan-zxing")]
            Decoder::Zxing => zxing::NAME,
            #[cfg(feature = "scan-rxing")]
            Decoder::Rxing => rxing_backend::NAME,
            #[cfg(feature = "scan-rqrr")]
            Decoder::Rqrr => rqrr_backend::NAME,
        }
    }

    /// How many passes it has (`0..passes()`), cheapest first.
    pub fn passes(self) -> usize {
        match self {
            #[cfg(feature = "scan-zxing")]
            Decoder::Zxing => zxing::PASSES,
            #[cfg(feature = "scan-rxing")]
            Decoder::Rxing => rxing_backend::PASSES,
            #[cfg(feature = "scan-rqrr")]
            Decoder::Rqrr => rqrr_backend::PASSES,
        }
    }

    /// Runs pass `index` over the whole page.
    pub fn run_pass(self, page: &GrayImage, index: usize) -> PassResult {
        match self {
            #[cfg(feature = "scan-zxing")]
            Decoder::Zxing => zxing::run(page, index),
            #[cfg(feature = "scan-rxing")]
            Decoder::Rxing => rxing_backend::run(page, index),
            #[cfg(feature = "scan-rqrr")]
            Decoder::Rqrr => rqrr_backend::run(page, index),
        }
    }

    /// Name of pass `index`.
    pub fn pass_name(self, index: usize) -> &'static str {
        match self {
            #[cfg(feature = "scan-zxing")]
            Decoder::Zxing => zxing::pass_name(index),
            #[cfg(feature = "scan-rxing")]
            Decoder::Rxing => rxing_backend::pass_name(index),
            #[cfg(feature = "scan-rqrr")]
            Decoder::Rqrr => rqrr_backend::pass_name(index),
        }
    }
}

/// The decoder this build uses by default, for reports: `zxing-cpp 3.1.1`,
/// `rxing 0.9 (pure Rust)` or `rqrr 0.11 (pure Rust)`.
pub const DECODER: &str = Decoder::DEFAULT.name();

/// Pages whose longer side exceeds this are not upscaled (an A4 page up to ~220 dpi is).
const UPSCALE_MAX_SIDE: u32 = 2600;

/// The last pass of every backend, for low-resolution scans (≤ 2 px per module): the page
/// upscaled 2× (bilinear), or `None` for a page already large enough.
fn upscaled(page: &GrayImage) -> Option<GrayImage> {
    let (w, h) = page.dimensions();
    (w.max(h) <= UPSCALE_MAX_SIDE)
        .then(|| image::imageops::resize(page, w * 2, h * 2, image::imageops::FilterType::Triangle))
}

/// Every QR code the default decoder's first pass finds on the page.
pub fn decode_qr_codes(page: &GrayImage) -> Vec<DecodedQr> {
    Decoder::DEFAULT.run_pass(page, 0).codes
}

#[cfg(feature = "scan-zxing")]
mod zxing {
    //! zxing-cpp: its detector searches the whole page in every orientation (`try_rotate`),
    //! on a downscaled pyramid too (`try_downscale`), with its local-average binariser first
    //! and the global-histogram one second (uneven lighting vs. low contrast).
    use super::{DecodedQr, PassResult};
    use image::GrayImage;
    use zxingcpp::{BarcodeFormat, Binarizer, ImageFormat, ImageView};

    pub const NAME: &str = "zxing-cpp 3.1.1";
    pub const PASSES: usize = 3;

    pub fn pass_name(index: usize) -> &'static str {
        match index {
            0 => "zxing local-average",
            1 => "zxing global-histogram",
            _ => "zxing local-average ×2 upscaled",
        }
    }

    pub fn run(page: &GrayImage, index: usize) -> PassResult {
        match index {
            0 => read(page, Binarizer::LocalAverage, 1),
            1 => read(page, Binarizer::GlobalHistogram, 1),
            _ => super::upscaled(page)
                .map(|big| read(&big, Binarizer::LocalAverage, 2))
                .unwrap_or_default(),
        }
    }

    fn read(page: &GrayImage, binarizer: Binarizer, scale: i32) -> PassResult {
        let (w, h) = page.dimensions();
        let Ok(view) = ImageView::from_slice(page.as_raw(), w, h, ImageFormat::Lum) else {
            return PassResult::default();
        };
        let reader = zxingcpp::read()
            .formats([BarcodeFormat::QRCode])
            .try_rotate(true)
            .try_downscale(true)
            .try_harder(true)
            .try_invert(false)
            .binarizer(binarizer)
            .max_number_of_symbols(16);
        let Ok(found) = reader.from(&view) else {
            return PassResult::default();
        };
        let mut out = PassResult::default();
        for b in found {
            if !b.is_valid() {
                continue;
            }
            match String::from_utf8(b.bytes()) {
                Ok(text) => {
                    let p = b.position();
                    let c = |pt: zxingcpp::PointI| [pt.x / scale, pt.y / scale];
                    out.codes.push(DecodedQr {
                        text,
                        corners: [
                            c(p.top_left),
                            c(p.top_right),
                            c(p.bottom_right),
                            c(p.bottom_left),
                        ],
                    });
                }
                Err(_) => out.non_utf8 += 1,
            }
        }
        out
    }
}

#[cfg(feature = "scan-rxing")]
mod rxing_backend {
    //! rxing (pure Rust port of ZXing): its multi-symbol QR reader over the whole page with
    //! its hybrid (local) binariser, then the global-histogram one, then a 2× upscale. ZXing's
    //! detector finds codes in any rotation.
    use super::{DecodedQr, PassResult};
    use image::GrayImage;
    use rxing::common::{GlobalHistogramBinarizer, HybridBinarizer};
    use rxing::multi::qrcode::QRCodeMultiReader;
    use rxing::multi::MultipleBarcodeReader;
    use rxing::{BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, Reader};

    pub const NAME: &str = "rxing 0.9 (pure Rust)";
    pub const PASSES: usize = 4;

    pub fn pass_name(index: usize) -> &'static str {
        match index {
            0 => "rxing multi-symbol hybrid",
            1 => "rxing single-symbol hybrid",
            2 => "rxing multi-symbol global-histogram",
            _ => "rxing multi-symbol hybrid ×2 upscaled",
        }
    }

    pub fn run(page: &GrayImage, index: usize) -> PassResult {
        match index {
            0 => read(page, false, 1),
            1 => read_one(page),
            2 => read(page, true, 1),
            _ => super::upscaled(page)
                .map(|big| read(&big, false, 2))
                .unwrap_or_default(),
        }
    }

    fn hints() -> DecodeHints {
        DecodeHints::default()
            .with(rxing::DecodeHintValue::TryHarder(true))
            .with(rxing::DecodeHintValue::PossibleFormats(
                [BarcodeFormat::QR_CODE].into_iter().collect(),
            ))
    }

    /// The single-symbol reader: its detector keeps the best finder-pattern triple, which
    /// reads some blurred or skewed codes the multi-symbol detector misses.
    fn read_one(page: &GrayImage) -> PassResult {
        let (w, h) = page.dimensions();
        let Ok(source) = Luma8LuminanceSource::new(page.as_raw().clone(), w, h) else {
            return PassResult::default();
        };
        let found = rxing::MultiFormatReader::default().decode_with_hints(
            &mut BinaryBitmap::new(HybridBinarizer::new(source)),
            &hints(),
        );
        let mut out = PassResult::default();
        if let Ok(r) = found {
            out.codes.push(to_code(&r, 1));
        }
        out
    }

    fn read(page: &GrayImage, global: bool, scale: i32) -> PassResult {
        let (w, h) = page.dimensions();
        let Ok(source) = Luma8LuminanceSource::new(page.as_raw().clone(), w, h) else {
            return PassResult::default();
        };
        let hints = hints();
        let mut reader = QRCodeMultiReader::new();
        let found = if global {
            reader.decode_multiple_with_hints(
                &mut BinaryBitmap::new(GlobalHistogramBinarizer::new(source)),
                &hints,
            )
        } else {
            reader.decode_multiple_with_hints(
                &mut BinaryBitmap::new(HybridBinarizer::new(source)),
                &hints,
            )
        };
        let mut out = PassResult::default();
        for r in found.unwrap_or_default() {
            out.codes.push(to_code(&r, scale));
        }
        out
    }

    fn to_code(r: &rxing::RXingResult, scale: i32) -> DecodedQr {
        // Finder-pattern centres: bottom-left, top-left, top-right (the fourth completed).
        let p: Vec<[i32; 2]> = r
            .getPoints()
            .iter()
            .take(3)
            .map(|p| [p.x as i32 / scale, p.y as i32 / scale])
            .collect();
        let corners = match p.as_slice() {
            [bl, tl, tr] => [
                *tl,
                *tr,
                [tr[0] + bl[0] - tl[0], tr[1] + bl[1] - tl[1]],
                *bl,
            ],
            _ => [[0, 0]; 4],
        };
        DecodedQr {
            text: r.getText().to_owned(),
            corners,
        }
    }
}

#[cfg(feature = "scan-rqrr")]
mod rqrr_backend {
    //! rqrr (pure Rust) on egov's binarisations: Otsu's global threshold (fast, robust to blur
    //! and low-resolution rescans), rqrr's own adaptive threshold (uneven lighting), then a
    //! 2× upscale at Otsu's threshold (≤ 2 px per module). rqrr finds codes in any rotation.
    use super::{DecodedQr, PassResult};
    use image::GrayImage;

    pub const NAME: &str = "rqrr 0.11 (pure Rust)";
    pub const PASSES: usize = 3;

    pub fn pass_name(index: usize) -> &'static str {
        match index {
            0 => "rqrr Otsu threshold",
            1 => "rqrr adaptive threshold",
            _ => "rqrr Otsu ×2 upscaled",
        }
    }

    pub fn run(page: &GrayImage, index: usize) -> PassResult {
        match index {
            0 => {
                let t = otsu(page);
                grids(page, Some(t), 1)
            }
            1 => grids(page, None, 1),
            _ => super::upscaled(page)
                .map(|big| grids(&big, Some(otsu(&big)), 2))
                .unwrap_or_default(),
        }
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

    fn grids(img: &GrayImage, threshold: Option<u8>, scale: i32) -> PassResult {
        let (w, h) = img.dimensions();
        let (w, h) = (w as usize, h as usize);
        let raw = img.as_raw();
        let mut prepared = match threshold {
            Some(t) => rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| {
                raw.get(y * w + x).is_some_and(|&p| p <= t)
            }),
            None => rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
                raw.get(y * w + x).copied().unwrap_or(255)
            }),
        };
        let mut out = PassResult::default();
        for g in prepared.detect_grids() {
            let b = g.bounds;
            let mut bytes = Vec::new();
            if g.decode_to(&mut bytes).is_err() {
                continue;
            }
            match String::from_utf8(bytes) {
                Ok(text) => {
                    let c = |p: rqrr::Point| [p.x / scale, p.y / scale];
                    out.codes.push(DecodedQr {
                        text,
                        corners: [c(b[0]), c(b[1]), c(b[2]), c(b[3])],
                    });
                }
                Err(_) => out.non_utf8 += 1,
            }
        }
        out
    }
}
