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
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
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
    /// The mark block does not fit on the page at the requested position.
    #[error("the mark block ({block_w}×{block_h} px) does not fit on the page ({page_w}×{page_h} px) at the requested position")]
    DoesNotFit {
        /// Block width.
        block_w: u32,
        /// Block height.
        block_h: u32,
        /// Page width.
        page_w: u32,
        /// Page height.
        page_h: u32,
    },
    /// DPI out of the supported range 72–1200.
    #[error("DPI {0} out of range (72–1200)")]
    BadDpi(u32),
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
        }
    }
}

/// Physical sizes of the mark block. In JSON every field is optional (the defaults below).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RenderOptions {
    /// Resolution of the target page, dots per inch (default 300).
    pub dpi: u32,
    /// Side of one QR module in millimetres (default 0.34 mm; at least 2 px is used).
    pub module_mm: f32,
    /// Width of the text column in millimetres (default 62 mm).
    pub text_width_mm: f32,
    /// Size of the text mark line in points (default 8.5 pt).
    pub title_pt: f32,
    /// Size of the other lines in points (default 7 pt).
    pub text_pt: f32,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            dpi: 300,
            module_mm: 0.34,
            text_width_mm: 62.0,
            title_pt: 8.5,
            text_pt: 7.0,
        }
    }
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
    let q = crate::qr::encode(text).map_err(RenderError::Qr)?;
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
    if !(72..=1200).contains(&opts.dpi) {
        return Err(RenderError::BadDpi(opts.dpi));
    }
    let font = FontRef::try_from_slice(FONT_TTF).map_err(|e| RenderError::Font(e.to_string()))?;
    let dpi = opts.dpi;
    let module_px = mm_to_px(opts.module_mm, dpi).max(2);
    let qr = render_qr(&signed.qr_text, module_px)?;
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
    Ok(img)
}

/// Where to put the mark on the first page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "at")]
pub enum Position {
    /// Top-right corner, inside the margin (default; Nghị định 30/2020 places the signature
    /// block of electronic copies at the top right of the first page, outside knowledge).
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
#[serde(default, deny_unknown_fields)]
pub struct StampOptions {
    /// Block sizes; `render.dpi` must be the page's resolution.
    pub render: RenderOptions,
    /// Where the block goes.
    pub position: Position,
    /// Distance from the page edges for the corner positions, millimetres (default 8 mm).
    pub margin_mm: f32,
    /// Fraction (0–1) of dark pixels under the block above which a warning is raised
    /// (default 0.002).
    pub cover_threshold: f32,
}

impl Default for StampOptions {
    fn default() -> Self {
        StampOptions {
            render: RenderOptions::default(),
            position: Position::TopRight,
            margin_mm: 8.0,
            cover_threshold: 0.002,
        }
    }
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
    /// Findings: a warning when the block covers page content.
    pub findings: Vec<Finding>,
}

fn format_name(f: ImageFormat) -> Result<&'static str, RenderError> {
    match f {
        ImageFormat::Png => Ok("png"),
        ImageFormat::Jpeg => Ok("jpeg"),
        other => Err(RenderError::UnsupportedFormat(format!("{other:?}"))),
    }
}

/// Stamps a signed mark onto a page image (PNG or JPEG in, the same format out) at
/// `opts.position`, sized for `opts.render.dpi` (CONV-03 Đ4.1.a / CONV-12 Đ5.2.a: the QR and
/// the text mark shown on the converted document). Warns (CONV-02 / CONV-11 finding,
/// `Warning`) when the block covers non-blank content, since the mark must not hide the
/// document's content (Law 20/2023 Art. 12 integrity, outside knowledge).
pub fn stamp(
    page: &[u8],
    signed: &SignedMark,
    opts: &StampOptions,
) -> Result<Stamped, RenderError> {
    let format = image::guess_format(page).map_err(|e| RenderError::Decode(e.to_string()))?;
    let format_str = format_name(format)?;
    let decoded = image::load_from_memory_with_format(page, format)
        .map_err(|e| RenderError::Decode(e.to_string()))?;
    let block = render_mark(signed, &opts.render)?;
    let (pw, ph) = (decoded.width(), decoded.height());
    let (bw, bh) = block.dimensions();
    let dpi = opts.render.dpi;
    let margin = mm_to_px(opts.margin_mm, dpi);
    let too_big = RenderError::DoesNotFit {
        block_w: bw,
        block_h: bh,
        page_w: pw,
        page_h: ph,
    };
    let (x, y) = match opts.position {
        Position::TopRight => (pw.checked_sub(bw + margin), Some(margin)),
        Position::TopLeft => (Some(margin), Some(margin)),
        Position::BottomRight => (pw.checked_sub(bw + margin), ph.checked_sub(bh + margin)),
        Position::BottomLeft => (Some(margin), ph.checked_sub(bh + margin)),
        Position::Millimetres { x, y } => (Some(mm_to_px(x, dpi)), Some(mm_to_px(y, dpi))),
    };
    let (Some(x), Some(y)) = (x, y) else {
        return Err(too_big);
    };
    if x + bw > pw || y + bh > ph {
        return Err(too_big);
    }

    let luma = decoded.to_luma8();
    let mut dark = 0u64;
    for yy in y..y + bh {
        for xx in x..x + bw {
            if luma.get_pixel(xx, yy).0[0] < 160 {
                dark += 1;
            }
        }
    }
    let covered = dark as f32 / (u64::from(bw) * u64::from(bh)).max(1) as f32;
    let rule = match signed.mark.direction {
        crate::Direction::PaperToData => (
            "CONV-02",
            LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        ),
        crate::Direction::DataToPaper => (
            "CONV-11",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
        ),
    };
    let evidence = json!({ "rect": [x, y, bw, bh], "covered_dark_fraction": covered });
    let finding = if covered > opts.cover_threshold {
        Finding::new(
            rule.0,
            rule.1,
            Outcome::Warning,
            format!(
                "the mark covers page content ({:.1}% dark pixels under it); move it to a blank area",
                covered * 100.0
            ),
            format!(
                "ký hiệu che nội dung trang ({:.1}% điểm ảnh tối); hãy đặt vào vùng trống",
                covered * 100.0
            ),
        )
    } else {
        Finding::new(
            rule.0,
            rule.1,
            Outcome::Pass,
            "the mark is placed on a blank area of the page",
            "ký hiệu được đặt vào vùng trống của trang",
        )
    }
    .with_field("position")
    .with_evidence(evidence);

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
        findings: vec![finding],
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
/// heading, a title and 40 lines of body text starting 50 mm from the top, so the top margin
/// where marks go by default is blank.
pub fn sample_a4_page(dpi: u32) -> GrayImage {
    let dpi = dpi.clamp(72, 1200);
    let mut img = GrayImage::from_pixel(mm_to_px(210.0, dpi), mm_to_px(297.0, dpi), Luma([255]));
    let Ok(font) = FontRef::try_from_slice(FONT_TTF) else {
        return img;
    };
    let x = mm_to_px(20.0, dpi) as f32;
    let y0 = mm_to_px(50.0, dpi) as f32;
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
