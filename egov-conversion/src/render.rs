//! Rendering the mark block and stamping it onto page images (feature `render`).
//!
//! The block holds the QR code on the left and the mark's text lines on the right (CONV-02 /
//! CONV-11: text mark, conversion time, converter; CONV-09 / CONV-10 for data → paper), drawn
//! with the bundled DejaVu Sans (Bitstream Vera / DejaVu licence, `assets/LICENSE-DejaVu.txt`),
//! which covers every Vietnamese letter precomposed in NFC. Sizes are given in millimetres and
//! points and converted with the page's DPI, so the printed QR keeps ~0.34 mm modules.
//!
//! Text is rasterised with `ab_glyph` (small, maintained, no system dependencies);
//! `imageproc` would add a large dependency tree for one text-drawing call.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use egov_core::{ErrorCode, Finding, Instrument, Lang, LegalRef, Outcome};
use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::payload::SignedMark;

/// DejaVu Sans, bundled (licence: `assets/LICENSE-DejaVu.txt`).
pub static FONT_TTF: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

/// Why rendering or stamping failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The bundled font could not be parsed (should not happen).
    #[error("font error: {0}")]
    Font(String),
    /// The QR text does not fit a QR code.
    #[error("QR encoding failed: {0}")]
    Qr(String),
    /// The page image could not be read.
    #[error("cannot read the page image: {0}")]
    Decode(String),
    /// The page image format is not PNG or JPEG.
    #[error("unsupported page image format {0}; PNG and JPEG are supported")]
    UnsupportedFormat(String),
    /// The stamped image could not be written.
    #[error("cannot write the stamped image: {0}")]
    Encode(String),
    /// The mark block does not fit on the page at the requested position. The message gives
    /// the page's size in millimetres at the resolution used: a page image of lower resolution
    /// than assumed reads as a small page (a 100-dpi A4 read at 300 dpi is 70 × 99 mm).
    #[error("the mark block ({block_w}×{block_h} px) does not fit on the page ({page_w}×{page_h} px) at the requested position: read at {dpi} dpi the page is {} × {} mm; if the image has another resolution, give it (--dpi)", mm(*page_w, *dpi), mm(*page_h, *dpi))]
    DoesNotFit {
        /// Block width.
        block_w: u32,
        /// Block height.
        block_h: u32,
        /// Page width.
        page_w: u32,
        /// Page height.
        page_h: u32,
        /// The resolution the page was read at, dots per inch.
        dpi: u32,
    },
    /// DPI out of the supported range 72–1200.
    #[error("DPI {0} out of range (72–1200)")]
    BadDpi(u32),
    /// The block would cover page content at the requested position (and `force` is off).
    #[error("the mark block at {rect:?} (x, y, width, height px) would cover page content ({dark_per_mille}‰ of the pixels under it are dark); choose another position, let egov find a blank area (position auto), or force it")]
    CoversContent {
        /// The block rectangle: x, y, width, height in pixels.
        rect: [u32; 4],
        /// Dark pixels under the block, per mille.
        dark_per_mille: u32,
    },
    /// Automatic placement found no blank area large enough for the block.
    #[error("no blank area of {block_w_mm}×{block_h_mm} mm found on the page for the mark block; make room, give a position and force it, or reduce the block (text_width_mm)")]
    NoBlankArea {
        /// Block width, whole millimetres.
        block_w_mm: u32,
        /// Block height, whole millimetres.
        block_h_mm: u32,
    },
    /// An option is out of range.
    #[error("invalid option {field}: {reason}")]
    BadOption {
        /// The option.
        field: &'static str,
        /// Why.
        reason: String,
    },
}

impl egov_core::Localize for RenderError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            RenderError::Font(_)
            | RenderError::Qr(_)
            | RenderError::Decode(_)
            | RenderError::Encode(_) => args!(),
            RenderError::UnsupportedFormat(f) => args!(format = f),
            RenderError::DoesNotFit {
                block_w,
                block_h,
                page_w,
                page_h,
                dpi,
            } => args!(
                block_w = block_w,
                block_h = block_h,
                page_w = page_w,
                page_h = page_h,
                dpi = dpi,
                page_w_mm = mm(*page_w, *dpi),
                page_h_mm = mm(*page_h, *dpi)
            ),
            RenderError::BadDpi(d) => args!(dpi = d),
            RenderError::CoversContent {
                rect,
                dark_per_mille,
            } => args!(
                rect = format!("({}, {}, {}, {})", rect[0], rect[1], rect[2], rect[3]),
                dark = dark_per_mille
            ),
            RenderError::NoBlankArea {
                block_w_mm,
                block_h_mm,
            } => args!(block_w = block_w_mm, block_h = block_h_mm),
            RenderError::BadOption { field, .. } => args!(field = *field),
        }
    }
}

impl ErrorCode for RenderError {
    fn code(&self) -> &'static str {
        match self {
            RenderError::Font(_) => "render.font",
            RenderError::Qr(_) => "render.qr",
            RenderError::Decode(_) => "image.decode",
            RenderError::UnsupportedFormat(_) => "image.unsupported_format",
            RenderError::Encode(_) => "image.encode",
            RenderError::DoesNotFit { .. } => "render.does_not_fit",
            RenderError::BadDpi(_) => "render.bad_dpi",
            RenderError::CoversContent { .. } => "render.covers_content",
            RenderError::NoBlankArea { .. } => "render.no_blank_area",
            RenderError::BadOption { .. } => "render.bad_option",
        }
    }
}

/// Physical sizes of the mark block. In JSON every field is optional (the defaults below).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RenderOptions {
    /// Resolution of the target page, dots per inch (default 300).
    pub dpi: u32,
    /// Side of one QR module in millimetres (default [`DEFAULT_MODULE_MM`] = 0.51 mm: 3 px
    /// per module in a 150-dpi scan; at least 2 px is used). Below [`MIN_MODULE_MM`] stamping
    /// warns that a 150-dpi scan may not read the code.
    pub module_mm: f32,
    /// Width of the text column in millimetres (default 62 mm).
    pub text_width_mm: f32,
    /// Size of the text mark line in points (default 8.5 pt).
    pub title_pt: f32,
    /// Size of the other lines in points (default 7 pt).
    pub text_pt: f32,
    /// QR error-correction level (default M; Q makes a larger code for the same payload).
    pub ec_level: crate::qr::EcLevel,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            dpi: 300,
            module_mm: DEFAULT_MODULE_MM,
            text_width_mm: 62.0,
            title_pt: 8.5,
            text_pt: 7.0,
            ec_level: crate::qr::EcLevel::M,
        }
    }
}

/// Default QR module size, millimetres: 0.51 mm is 3 px per module in a 150-dpi scan (6 px
/// at 300 dpi), chosen on the degraded-scan corpus (`benches/mark_robustness.md`).
pub const DEFAULT_MODULE_MM: f32 = 0.51;

/// Smallest module that a 150-dpi scan reads reliably (≈ 3 px per module); smaller modules are
/// allowed with a warning.
pub const MIN_MODULE_MM: f32 = 0.5;

/// A length of `px` pixels at `dpi`, in whole millimetres (for messages).
fn mm(px: u32, dpi: u32) -> u32 {
    (f64::from(px) * 25.4 / f64::from(dpi.max(1))).round() as u32
}

fn mm_to_px(mm: f32, dpi: u32) -> u32 {
    // dpi ≤ 1200 and mm ≤ a few hundred: the value always fits.
    (mm * dpi as f32 / 25.4).round().max(0.0) as u32
}

fn pt_to_px(pt: f32, dpi: u32) -> f32 {
    pt * dpi as f32 / 72.0
}

/// Draws one line of text in black on white-ish `img`, top-left at (`x`, `y`), `px` pixels tall
/// (em size). Returns the advance width. Pixels outside the image are skipped.
pub fn draw_text(img: &mut GrayImage, x: f32, y: f32, px: f32, text: &str) -> f32 {
    let Ok(font) = FontRef::try_from_slice(FONT_TTF) else {
        return 0.0;
    };
    draw_text_with(&font, img, x, y, px, text)
}

fn draw_text_with(
    font: &FontRef<'_>,
    img: &mut GrayImage,
    x: f32,
    y: f32,
    px: f32,
    text: &str,
) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let baseline = y + scaled.ascent();
    let mut caret = 0.0f32;
    let mut prev = None;
    let (w, h) = img.dimensions();
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(px, ab_glyph::point(x + caret, baseline));
        caret += scaled.h_advance(id);
        prev = Some(id);
        if let Some(og) = font.outline_glyph(glyph) {
            let b = og.px_bounds();
            og.draw(|gx, gy, c| {
                let px_x = b.min.x as i64 + i64::from(gx);
                let px_y = b.min.y as i64 + i64::from(gy);
                if px_x < 0 || px_y < 0 || px_x >= i64::from(w) || px_y >= i64::from(h) {
                    return;
                }
                let (px_x, px_y) = (px_x as u32, px_y as u32);
                let old = img.get_pixel(px_x, px_y).0[0];
                let ink = (c.clamp(0.0, 1.0) * 255.0) as u8;
                img.put_pixel(px_x, px_y, Luma([old.saturating_sub(ink)]));
            });
        }
    }
    caret
}

fn text_width(font: &FontRef<'_>, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut w = 0.0;
    let mut prev = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(p) = prev {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        prev = Some(id);
    }
    w
}

/// Greedy word wrap; words wider than the line are broken between characters (URLs).
fn wrap(font: &FontRef<'_>, px: f32, text: &str, max_w: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if cur.is_empty() {
            word.to_owned()
        } else {
            format!("{cur} {word}")
        };
        if text_width(font, px, &candidate) <= max_w {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if text_width(font, px, word) <= max_w {
            cur = word.to_owned();
        } else {
            for ch in word.chars() {
                cur.push(ch);
                if text_width(font, px, &cur) > max_w {
                    cur.pop();
                    lines.push(std::mem::take(&mut cur));
                    cur.push(ch);
                }
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Draws the QR code for `text` at level M: black modules on white, with the 4-module quiet
/// zone, `module_px` pixels per module. Returns the image.
pub fn render_qr(text: &str, module_px: u32) -> Result<GrayImage, RenderError> {
    render_qr_at(text, module_px, crate::qr::EcLevel::M)
}

/// [`render_qr`] at error-correction `level`.
pub fn render_qr_at(
    text: &str,
    module_px: u32,
    level: crate::qr::EcLevel,
) -> Result<GrayImage, RenderError> {
    let q = crate::qr::encode_at(text, level).map_err(RenderError::Qr)?;
    let n = u32::try_from(q.width).map_err(|e| RenderError::Qr(e.to_string()))?;
    let m = module_px.max(1);
    let side = (n + 8) * m;
    let mut img = GrayImage::from_pixel(side, side, Luma([255]));
    for (i, dark) in q.dark.iter().enumerate() {
        if *dark {
            let i = u32::try_from(i).unwrap_or(0);
            let (mx, my) = (i % n + 4, i / n + 4);
            for dy in 0..m {
                for dx in 0..m {
                    img.put_pixel(mx * m + dx, my * m + dy, Luma([0]));
                }
            }
        }
    }
    Ok(img)
}

/// Renders the mark block for a signed mark: a thin frame, the QR code (CONV-03 / CONV-12) on
/// the left and the text lines of [`crate::ConversionMark::display_lines`] on the right
/// (CONV-02 / CONV-11: the text mark first, larger). Greyscale, white background.
pub fn render_mark(signed: &SignedMark, opts: &RenderOptions) -> Result<GrayImage, RenderError> {
    render_block(signed, opts).map(|(img, _)| img)
}

/// [`render_mark`], with the QR code's width in modules (for the printed size).
fn render_block(
    signed: &SignedMark,
    opts: &RenderOptions,
) -> Result<(GrayImage, u32), RenderError> {
    if !(72..=1200).contains(&opts.dpi) {
        return Err(RenderError::BadDpi(opts.dpi));
    }
    let font = FontRef::try_from_slice(FONT_TTF).map_err(|e| RenderError::Font(e.to_string()))?;
    let dpi = opts.dpi;
    let module_px = mm_to_px(opts.module_mm, dpi).max(2);
    let qr = render_qr_at(&signed.qr_text, module_px, opts.ec_level)?;
    // The code is (modules + 8-module quiet zone) × module_px wide.
    let modules = (qr.width() / module_px).saturating_sub(8);
    let pad = mm_to_px(1.2, dpi).max(2);
    let frame = mm_to_px(0.25, dpi).max(1);
    let text_w = mm_to_px(opts.text_width_mm, dpi);
    let title_px = pt_to_px(opts.title_pt, dpi);
    let body_px = pt_to_px(opts.text_pt, dpi);

    let mut lines: Vec<(f32, String)> = Vec::new();
    for (i, line) in signed.mark.display_lines().iter().enumerate() {
        let px = if i == 0 { title_px } else { body_px };
        for l in wrap(&font, px, line, text_w as f32) {
            lines.push((px, l));
        }
    }
    let text_h: f32 = lines.iter().map(|(px, _)| px * 1.22).sum();
    let inner_h = qr.height().max(pad * 2 + text_h.ceil() as u32);
    let w = frame * 2 + pad + qr.width() + pad + text_w + pad;
    let h = frame * 2 + inner_h;
    let mut img = GrayImage::from_pixel(w, h, Luma([255]));
    let black = GrayImage::from_pixel(w, frame, Luma([0]));
    image::imageops::replace(&mut img, &black, 0, 0);
    image::imageops::replace(&mut img, &black, 0, i64::from(h - frame));
    let side = GrayImage::from_pixel(frame, h, Luma([0]));
    image::imageops::replace(&mut img, &side, 0, 0);
    image::imageops::replace(&mut img, &side, i64::from(w - frame), 0);
    image::imageops::replace(&mut img, &qr, i64::from(frame), i64::from(frame));
    let tx = (frame + pad + qr.width()) as f32;
    let mut ty = (frame + pad) as f32;
    for (px, l) in &lines {
        draw_text_with(&font, &mut img, tx, ty, *px, l);
        ty += px * 1.22;
    }
    Ok((img, modules))
}

/// Where to put the mark on the first page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "at")]
pub enum Position {
    /// A blank area of the page found automatically (default): the top-right corner inside
    /// the margin when it is blank, then the other corners (top-left, bottom-right,
    /// bottom-left), then the topmost blank band, right side first. On a Nghị định 30/2020
    /// page the top right holds the national heading (Quốc hiệu), so the mark moves elsewhere.
    #[default]
    Auto,
    /// Top-right corner, inside the margin.
    TopRight,
    /// Top-left corner.
    TopLeft,
    /// Bottom-right corner.
    BottomRight,
    /// Bottom-left corner.
    BottomLeft,
    /// Top-left corner of the block at these millimetres from the page's top-left corner.
    Millimetres {
        /// From the left edge.
        x: f32,
        /// From the top edge.
        y: f32,
    },
}

/// Options for [`stamp`]. In JSON every field is optional (the defaults below).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StampOptions {
    /// Block sizes; `render.dpi` must be the page's resolution.
    pub render: RenderOptions,
    /// Where the block goes (default [`Position::Auto`]).
    pub position: Position,
    /// Distance from the page edges, millimetres (default 8 mm).
    pub margin_mm: f32,
    /// Fraction (0–1) of dark pixels under the block above which it covers content
    /// (default 0.002).
    pub cover_threshold: f32,
    /// Stamp even where the block covers page content (default false: an error,
    /// [`RenderError::CoversContent`]); the result then carries a warning.
    pub force: bool,
    /// Size the block for the resolution the page image states (a scanner's JFIF density or
    /// PNG pHYs), when it states one from [`STATED_DPI_RANGE`], instead of `render.dpi`
    /// (default false: `render.dpi` always). `egov mark` sets it unless `--dpi` is given.
    pub dpi_from_image: bool,
}

/// The stated resolutions [`StampOptions::dpi_from_image`] believes, dots per inch: what
/// scanners write. Below it is what cameras and screenshots state (72, 96), which says nothing
/// of the paper; a block sized for it would print modules a 150-dpi scan cannot read.
pub const STATED_DPI_RANGE: std::ops::RangeInclusive<u32> = 150..=1200;

impl Default for StampOptions {
    fn default() -> Self {
        StampOptions {
            render: RenderOptions::default(),
            position: Position::Auto,
            margin_mm: 8.0,
            cover_threshold: 0.002,
            force: false,
            dpi_from_image: false,
        }
    }
}

/// The printed size of a mark block, millimetres (from the page's DPI and the whole pixels
/// used).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrintedSize {
    /// Side of one QR module.
    pub module_mm: f32,
    /// Side of the QR code with its 4-module quiet zone.
    pub qr_mm: f32,
    /// Block width.
    pub block_width_mm: f32,
    /// Block height.
    pub block_height_mm: f32,
    /// Pixels per module in a 150-dpi scan of the print.
    pub px_per_module_at_150dpi: f32,
}

/// The stamped page.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamped {
    /// The encoded image, in the input's format.
    pub image: Vec<u8>,
    /// `png` or `jpeg`.
    pub format: String,
    /// Block rectangle on the page: x, y, width, height in pixels.
    pub rect: [u32; 4],
    /// Fraction of dark pixels the block covered.
    pub covered_dark_fraction: f32,
    /// The block's printed size.
    pub printed: PrintedSize,
    /// Findings: where the block went (a warning when it covers content), and a warning when
    /// the modules are too small for a 150-dpi scan.
    pub findings: Vec<Finding>,
    /// The page resolution the block was sized for, dots per inch.
    pub dpi: u32,
    /// Whether it is the one the image states ([`StampOptions::dpi_from_image`]).
    pub dpi_from_image: bool,
}

fn format_name(f: ImageFormat) -> Result<&'static str, RenderError> {
    match f {
        ImageFormat::Png => Ok("png"),
        ImageFormat::Jpeg => Ok("jpeg"),
        other => Err(RenderError::UnsupportedFormat(format!("{other:?}"))),
    }
}

/// Dark pixels (< 160) of a page, counted per cell of `cell`×`cell` px, as a summed-area table
/// for constant-time counts over any cell-aligned rectangle.
struct DarkCells {
    cell: u32,
    cols: u32,
    rows: u32,
    /// (cols + 1) × (rows + 1) prefix sums.
    sums: Vec<u64>,
}

impl DarkCells {
    fn new(luma: &GrayImage, cell: u32) -> Self {
        let cell = cell.max(1);
        let (w, h) = luma.dimensions();
        let (cols, rows) = (w.div_ceil(cell), h.div_ceil(cell));
        let mut counts = vec![0u64; (cols as usize) * (rows as usize)];
        for (y, row) in luma.as_raw().chunks_exact(w.max(1) as usize).enumerate() {
            let base = (y / cell as usize) * cols as usize;
            for (x, &p) in row.iter().enumerate() {
                if p < 160 {
                    if let Some(c) = counts.get_mut(base + x / cell as usize) {
                        *c += 1;
                    }
                }
            }
        }
        let stride = cols as usize + 1;
        let mut sums = vec![0u64; stride * (rows as usize + 1)];
        for r in 0..rows as usize {
            let mut run = 0u64;
            for c in 0..cols as usize {
                run += counts.get(r * cols as usize + c).copied().unwrap_or(0);
                let above = sums.get(r * stride + c + 1).copied().unwrap_or(0);
                if let Some(s) = sums.get_mut((r + 1) * stride + c + 1) {
                    *s = above + run;
                }
            }
        }
        DarkCells {
            cell,
            cols,
            rows,
            sums,
        }
    }

    /// Dark pixels in cells [c0, c1) × [r0, r1).
    fn count(&self, c0: u32, r0: u32, c1: u32, r1: u32) -> u64 {
        let stride = self.cols as usize + 1;
        let at = |c: u32, r: u32| {
            self.sums
                .get(r as usize * stride + c as usize)
                .copied()
                .unwrap_or(0)
        };
        (at(c1, r1) + at(c0, r0)).saturating_sub(at(c0, r1) + at(c1, r0))
    }
}

/// Finds a blank place for a `bw`×`bh` block at least `margin` px from the edges (see
/// [`Position::Auto`]): returns its top-left corner.
fn find_blank(
    luma: &GrayImage,
    bw: u32,
    bh: u32,
    margin: u32,
    dpi: u32,
    threshold: f32,
) -> Option<(u32, u32)> {
    let (pw, ph) = luma.dimensions();
    let cells = DarkCells::new(luma, mm_to_px(1.0, dpi));
    let cell = cells.cell;
    // The block plus 1 mm of clearance all round, in whole cells.
    let (bc, br) = (bw.div_ceil(cell) + 2, bh.div_ceil(cell) + 2);
    let (mc, mr) = (margin / cell, margin / cell);
    if cells.cols < bc + 2 * mc || cells.rows < br + 2 * mr {
        return None;
    }
    let (last_c, last_r) = (cells.cols - bc - mc, cells.rows - br - mr);
    let allowed = (threshold.max(0.0) * (bw as f32) * (bh as f32)) as u64;
    let blank = |c: u32, r: u32| cells.count(c, r, c + bc, r + br) <= allowed;
    let to_px = |c: u32, r: u32| {
        let x = ((c + 1) * cell).min(pw.saturating_sub(bw + margin));
        let y = ((r + 1) * cell).min(ph.saturating_sub(bh + margin));
        (x, y)
    };
    let corners = [(last_c, mr), (mc, mr), (last_c, last_r), (mc, last_r)];
    if let Some(&(c, r)) = corners.iter().find(|&&(c, r)| blank(c, r)) {
        return Some(to_px(c, r));
    }
    (mr..=last_r)
        .flat_map(|r| (mc..=last_c).rev().map(move |c| (c, r)))
        .find(|&(c, r)| blank(c, r))
        .map(|(c, r)| to_px(c, r))
}

/// The printed size of a block rendered with `opts`.
pub fn printed_size(block: (u32, u32), opts: &RenderOptions, qr_modules: u32) -> PrintedSize {
    let dpi = opts.dpi.max(1) as f32;
    let module_px = mm_to_px(opts.module_mm, opts.dpi).max(2) as f32;
    let module_mm = module_px * 25.4 / dpi;
    PrintedSize {
        module_mm,
        qr_mm: (qr_modules + 8) as f32 * module_mm,
        block_width_mm: block.0 as f32 * 25.4 / dpi,
        block_height_mm: block.1 as f32 * 25.4 / dpi,
        px_per_module_at_150dpi: module_mm * 150.0 / 25.4,
    }
}

/// Stamps a signed mark onto a page image (PNG or JPEG in, the same format out) at
/// `opts.position` ([`Position::Auto`] by default: a blank area), sized for
/// `opts.render.dpi` (CONV-03 Đ4.1.a / CONV-12 Đ5.2.a: the QR and the text mark shown on the
/// converted document).
///
/// The mark must not hide the document's content (Law 20/2023 Art. 12 integrity, outside
/// knowledge): a block that would cover content is an error ([`RenderError::CoversContent`];
/// [`RenderError::NoBlankArea`] when automatic placement finds no room) unless
/// `opts.force`, which stamps with a `Warning` finding (CONV-02 / CONV-11). Modules smaller
/// than [`MIN_MODULE_MM`] add a `Warning` (CONV-03 / CONV-12): a 150-dpi scan may not read them.
pub fn stamp(
    page: &[u8],
    signed: &SignedMark,
    opts: &StampOptions,
) -> Result<Stamped, RenderError> {
    if !(opts.margin_mm.is_finite() && (0.0..=100.0).contains(&opts.margin_mm)) {
        return Err(RenderError::BadOption {
            field: "margin_mm",
            reason: format!("{} is not within 0–100 mm", opts.margin_mm),
        });
    }
    if !(opts.cover_threshold.is_finite() && (0.0..=1.0).contains(&opts.cover_threshold)) {
        return Err(RenderError::BadOption {
            field: "cover_threshold",
            reason: format!("{} is not within 0–1", opts.cover_threshold),
        });
    }
    if !(opts.render.module_mm.is_finite() && (0.1..=5.0).contains(&opts.render.module_mm)) {
        return Err(RenderError::BadOption {
            field: "module_mm",
            reason: format!("{} is not within 0.1–5 mm", opts.render.module_mm),
        });
    }
    let format = image::guess_format(page).map_err(|e| RenderError::Decode(e.to_string()))?;
    let format_str = format_name(format)?;
    let decoded = image::load_from_memory_with_format(page, format)
        .map_err(|e| RenderError::Decode(e.to_string()))?;
    let mut render = opts.render;
    let stated = opts
        .dpi_from_image
        .then(|| crate::image_facts::stated_dpi(page))
        .flatten()
        .map(|d| d.round() as u32)
        .filter(|d| STATED_DPI_RANGE.contains(d));
    if let Some(d) = stated {
        render.dpi = d;
    }
    let (block, modules) = render_block(signed, &render)?;
    let (pw, ph) = (decoded.width(), decoded.height());
    let (bw, bh) = block.dimensions();
    let dpi = render.dpi;
    let margin = mm_to_px(opts.margin_mm, dpi);
    let too_big = RenderError::DoesNotFit {
        block_w: bw,
        block_h: bh,
        page_w: pw,
        page_h: ph,
        dpi,
    };
    let luma = decoded.to_luma8();
    let (x, y) = match opts.position {
        Position::Auto => (pw.checked_sub(bw + margin), Some(margin)),
        Position::TopRight => (pw.checked_sub(bw + margin), Some(margin)),
        Position::TopLeft => (Some(margin), Some(margin)),
        Position::BottomRight => (pw.checked_sub(bw + margin), ph.checked_sub(bh + margin)),
        Position::BottomLeft => (Some(margin), ph.checked_sub(bh + margin)),
        Position::Millimetres { x, y } => {
            if !(x.is_finite() && y.is_finite() && x >= 0.0 && y >= 0.0) {
                return Err(RenderError::BadOption {
                    field: "position",
                    reason: format!("({x}, {y}) mm is not a point on the page"),
                });
            }
            (Some(mm_to_px(x, dpi)), Some(mm_to_px(y, dpi)))
        }
    };
    let (Some(mut x), Some(mut y)) = (x, y) else {
        return Err(too_big);
    };
    if x + bw > pw || y + bh > ph {
        return Err(too_big);
    }
    let dark_under = |x: u32, y: u32| {
        let mut dark = 0u64;
        for yy in y..y + bh {
            for xx in x..x + bw {
                if luma.get_pixel(xx, yy).0[0] < 160 {
                    dark += 1;
                }
            }
        }
        dark as f32 / (u64::from(bw) * u64::from(bh)).max(1) as f32
    };
    let mut covered = dark_under(x, y);
    if opts.position == Position::Auto && covered > opts.cover_threshold {
        match find_blank(&luma, bw, bh, margin, dpi, opts.cover_threshold) {
            Some((bx, by)) => {
                (x, y) = (bx, by);
                covered = dark_under(x, y);
            }
            None if opts.force => {}
            None => {
                return Err(RenderError::NoBlankArea {
                    block_w_mm: (bw as f32 * 25.4 / dpi as f32).ceil() as u32,
                    block_h_mm: (bh as f32 * 25.4 / dpi as f32).ceil() as u32,
                })
            }
        }
    }
    if covered > opts.cover_threshold && !opts.force {
        return Err(RenderError::CoversContent {
            rect: [x, y, bw, bh],
            dark_per_mille: (covered * 1000.0).round() as u32,
        });
    }
    let (rule, basis, qr_rule, qr_basis) = match signed.mark.direction {
        crate::Direction::PaperToData => (
            "CONV-02",
            LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
            "CONV-03",
            LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        ),
        crate::Direction::DataToPaper => (
            "CONV-11",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
            "CONV-12",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
        ),
    };
    let printed = printed_size((bw, bh), &render, modules);
    let evidence = json!({ "rect": [x, y, bw, bh], "covered_dark_fraction": covered,
        "position": opts.position, "printed": printed });
    let finding = if covered > opts.cover_threshold {
        Finding::new(
            rule,
            basis,
            Outcome::Warning,
            format!(
                "the mark covers page content ({:.1}% dark pixels under it): stamped because forced; move it to a blank area",
                covered * 100.0
            ),
            format!(
                "ký hiệu che nội dung trang ({}% điểm ảnh tối): đã đóng theo yêu cầu bắt buộc; hãy đặt vào vùng trống",
                Lang::Vi.number(&format!("{:.1}", covered * 100.0))
            ),
        )
    } else {
        Finding::new(
            rule,
            basis,
            Outcome::Pass,
            "the mark is placed on a blank area of the page",
            "ký hiệu được đặt vào vùng trống của trang",
        )
    }
    .with_field("position")
    .with_evidence(evidence);
    let mut findings = vec![finding];
    if printed.module_mm < MIN_MODULE_MM {
        findings.push(
            Finding::new(
                qr_rule,
                qr_basis,
                Outcome::Warning,
                format!(
                    "QR modules of {:.2} mm give {:.1} px per module in a 150-dpi scan: such scans may not read the code (use module_mm ≥ {MIN_MODULE_MM})",
                    printed.module_mm, printed.px_per_module_at_150dpi
                ),
                format!(
                    "mô-đun mã QR {} mm chỉ còn {} điểm ảnh khi quét 150 dpi: bản quét có thể không đọc được mã (dùng module_mm ≥ {})",
                    Lang::Vi.number(&format!("{:.2}", printed.module_mm)),
                    Lang::Vi.number(&format!("{:.1}", printed.px_per_module_at_150dpi)),
                    Lang::Vi.number(&MIN_MODULE_MM.to_string())
                ),
            )
            .with_field("render.module_mm")
            .with_evidence(json!({ "printed": printed })),
        );
    }

    let out_img = match decoded {
        DynamicImage::ImageLuma8(mut g) => {
            image::imageops::replace(&mut g, &block, i64::from(x), i64::from(y));
            DynamicImage::ImageLuma8(g)
        }
        other => {
            let mut rgb = other.to_rgb8();
            let block_rgb = DynamicImage::ImageLuma8(block).to_rgb8();
            image::imageops::replace(&mut rgb, &block_rgb, i64::from(x), i64::from(y));
            DynamicImage::ImageRgb8(rgb)
        }
    };
    let mut buf = std::io::Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 92);
            out_img
                .write_with_encoder(enc)
                .map_err(|e| RenderError::Encode(e.to_string()))?;
        }
        _ => out_img
            .write_to(&mut buf, ImageFormat::Png)
            .map_err(|e| RenderError::Encode(e.to_string()))?,
    }
    Ok(Stamped {
        image: buf.into_inner(),
        format: format_str.to_owned(),
        rect: [x, y, bw, bh],
        covered_dark_fraction: covered,
        printed,
        findings,
        dpi,
        dpi_from_image: stated.is_some(),
    })
}

/// Encodes a greyscale image as PNG.
pub fn encode_png(img: &GrayImage) -> Result<Vec<u8>, RenderError> {
    let mut buf = std::io::Cursor::new(Vec::new());
    img.write_to(&mut buf, ImageFormat::Png)
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    Ok(buf.into_inner())
}

/// A synthetic A4 page at `dpi` (white, greyscale) for demos, tests and benchmarks: an agency
/// heading, a title and 40 lines of body text starting 60 mm from the top, so the top margin
/// (room for the largest mark block) is blank.
pub fn sample_a4_page(dpi: u32) -> GrayImage {
    let dpi = dpi.clamp(72, 1200);
    let mut img = GrayImage::from_pixel(mm_to_px(210.0, dpi), mm_to_px(297.0, dpi), Luma([255]));
    let Ok(font) = FontRef::try_from_slice(FONT_TTF) else {
        return img;
    };
    let x = mm_to_px(20.0, dpi) as f32;
    let y0 = mm_to_px(60.0, dpi) as f32;
    draw_text_with(
        &font,
        &mut img,
        x,
        y0,
        pt_to_px(12.0, dpi),
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    );
    draw_text_with(
        &font,
        &mut img,
        x,
        y0 + pt_to_px(24.0, dpi),
        pt_to_px(10.0, dpi),
        "QUYẾT ĐỊNH về việc cấp giấy phép",
    );
    for i in 0..40 {
        draw_text_with(
            &font,
            &mut img,
            x,
            y0 + pt_to_px(48.0 + 14.4 * i as f32, dpi),
            pt_to_px(8.6, dpi),
            "Căn cứ Nghị định số 137/2024/NĐ-CP ngày 23 tháng 10 năm 2024 của Chính phủ;",
        );
    }
    img
}

/// Draws `text` centred on `cx`.
fn draw_centred(font: &FontRef<'_>, img: &mut GrayImage, cx: f32, y: f32, px: f32, text: &str) {
    let w = text_width(font, px, text);
    draw_text_with(font, img, cx - w / 2.0, y, px, text);
}

/// A synthetic first page of an administrative document laid out as Nghị định 30/2020/NĐ-CP
/// Phụ lục I shows it (A4 at `dpi`, greyscale): the issuing agency top left, the national
/// heading (Quốc hiệu và Tiêu ngữ) top right, title, body, «Nơi nhận» bottom left, the
/// signature block with its seal bottom right. The default top-right corner is taken by the
/// national heading, so [`Position::Auto`] has to look elsewhere; the bottom corners below the
/// signature and the recipients are blank.
pub fn sample_nd30_page(dpi: u32) -> GrayImage {
    let dpi = dpi.clamp(72, 1200);
    let mut img = GrayImage::from_pixel(mm_to_px(210.0, dpi), mm_to_px(297.0, dpi), Luma([255]));
    let Ok(font) = FontRef::try_from_slice(FONT_TTF) else {
        return img;
    };
    let mm = |v: f32| v * dpi as f32 / 25.4;
    let pt = |v: f32| pt_to_px(v, dpi);
    // Left 30 mm, right 15 mm margins: text from x = 30 to 195 mm.
    let (left_c, right_c) = (mm(62.0), mm(140.0));
    draw_centred(
        &font,
        &mut img,
        left_c,
        mm(20.0),
        pt(12.5),
        "ỦY BAN NHÂN DÂN",
    );
    draw_centred(&font, &mut img, left_c, mm(25.5), pt(12.5), "TỈNH LÀO CAI");
    draw_centred(
        &font,
        &mut img,
        left_c,
        mm(34.0),
        pt(12.5),
        "Số: 123/QĐ-UBND",
    );
    draw_centred(
        &font,
        &mut img,
        right_c,
        mm(20.0),
        pt(12.5),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    draw_centred(
        &font,
        &mut img,
        right_c,
        mm(25.5),
        pt(13.0),
        "Độc lập - Tự do - Hạnh phúc",
    );
    let (u0, u1) = (mm(113.0), mm(167.0));
    let rule = GrayImage::from_pixel((u1 - u0) as u32, mm(0.3).max(1.0) as u32, Luma([0]));
    image::imageops::replace(&mut img, &rule, u0 as i64, mm(32.0) as i64);
    draw_centred(
        &font,
        &mut img,
        right_c,
        mm(36.0),
        pt(13.0),
        "Lào Cai, ngày 02 tháng 3 năm 2026",
    );
    draw_centred(&font, &mut img, mm(112.5), mm(50.0), pt(14.0), "QUYẾT ĐỊNH");
    draw_centred(
        &font,
        &mut img,
        mm(112.5),
        mm(57.0),
        pt(13.0),
        "Về việc cấp giấy phép khai thác tài nguyên nước",
    );
    draw_centred(
        &font,
        &mut img,
        mm(112.5),
        mm(68.0),
        pt(13.0),
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    );
    let body = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        "Căn cứ Nghị định số 137/2024/NĐ-CP ngày 23 tháng 10 năm 2024 của Chính phủ;",
        "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.",
    ];
    let mut y = mm(78.0);
    for line in body.iter().cycle().take(15) {
        draw_text_with(&font, &mut img, mm(40.0), y, pt(12.0), line);
        y += pt(19.0);
    }
    // «Nơi nhận» bottom left; the signature block and seal bottom right.
    let y0 = mm(188.0);
    draw_text_with(&font, &mut img, mm(30.0), y0, pt(11.0), "Nơi nhận:");
    for (i, l) in [
        "- Như Điều 3;",
        "- Bộ Nông nghiệp và Môi trường;",
        "- Lưu: VT.",
    ]
    .iter()
    .enumerate()
    {
        draw_text_with(
            &font,
            &mut img,
            mm(30.0),
            y0 + pt(14.0) * (i + 1) as f32,
            pt(10.0),
            l,
        );
    }
    draw_centred(
        &font,
        &mut img,
        right_c,
        y0,
        pt(12.5),
        "TM. ỦY BAN NHÂN DÂN",
    );
    draw_centred(
        &font,
        &mut img,
        right_c,
        y0 + pt(16.0),
        pt(12.5),
        "CHỦ TỊCH",
    );
    // The seal: a ring of 36 mm, mid-grey (red ink scanned in grey).
    let (cx, cy, r) = (right_c - mm(12.0), y0 + mm(24.0), mm(18.0));
    let (w, h) = img.dimensions();
    let (x0, x1) = (
        (cx - r - 2.0).max(0.0) as u32,
        ((cx + r + 2.0) as u32).min(w),
    );
    let (ya, yb) = (
        (cy - r - 2.0).max(0.0) as u32,
        ((cy + r + 2.0) as u32).min(h),
    );
    for py in ya..yb {
        for px in x0..x1 {
            let d = ((px as f32 - cx).powi(2) + (py as f32 - cy).powi(2)).sqrt();
            if (d - r).abs() < mm(0.8) || (d - r * 0.72).abs() < mm(0.4) {
                img.put_pixel(px, py, Luma([110]));
            }
        }
    }
    draw_centred(
        &font,
        &mut img,
        right_c,
        y0 + mm(44.0),
        pt(12.5),
        "Nguyễn Văn An",
    );
    img
}
