//! The mark block as PDF vector content, drawn with krilla: a one-page PDF whose page becomes a
//! Form XObject in the stamped file.

use ab_glyph::{Font as _, FontRef};
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use serde::{Deserialize, Serialize};

use super::{PdfError, PT_PER_MM};
use crate::payload::SignedMark;
use crate::render::{RenderOptions, FONT_TTF};

/// The mark block drawn as a one-page PDF (page size = block size).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarkBlock {
    /// The one-page PDF written by krilla.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// Block width, points.
    pub width_pt: f32,
    /// Block height, points.
    pub height_pt: f32,
    /// QR code width in modules (without the quiet zone).
    pub qr_modules: u32,
    /// Side of the QR code with its 4-module quiet zone, millimetres.
    pub qr_side_mm: f32,
    /// The text lines as printed, after wrapping to the text column.
    pub printed_lines: Vec<String>,
}

/// Width of `text` at `size_pt` in the bundled font (advances and kerning), points.
fn text_width(font: &FontRef<'_>, size_pt: f32, text: &str) -> f32 {
    let upem = font.units_per_em().unwrap_or(2048.0);
    let mut w = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let g = font.glyph_id(c);
        if let Some(p) = prev {
            w += font.kern_unscaled(p, g);
        }
        w += font.h_advance_unscaled(g);
        prev = Some(g);
    }
    w * size_pt / upem
}

/// Breaks `line` into lines no wider than `max_pt` at spaces (a word longer than the column,
/// such as a URL, is broken between characters).
fn wrap(font: &FontRef<'_>, size_pt: f32, line: &str, max_pt: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in line.split(' ') {
        let candidate = if cur.is_empty() {
            word.to_owned()
        } else {
            format!("{cur} {word}")
        };
        if text_width(font, size_pt, &candidate) <= max_pt {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        // The word alone: split it between characters where it is too wide.
        for c in word.chars() {
            let mut next = cur.clone();
            next.push(c);
            if !cur.is_empty() && text_width(font, size_pt, &next) > max_pt {
                out.push(std::mem::take(&mut cur));
                cur.push(c);
            } else {
                cur = next;
            }
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

fn fill(level: u8) -> Fill {
    Fill {
        paint: luma::Color::new(level).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Draws the mark block for a signed mark as vector PDF content (CONV-11 / CONV-12, NĐ
/// 137/2024 Đ5.2.a; CONV-02 / CONV-03, Đ4.1.a): an opaque white rectangle under everything, a
/// thin frame, the QR code of the signed payload with its 4-module quiet zone on the left (one
/// filled path of module rectangles, error-correction level from `opts`), and on the right the
/// lines of [`crate::ConversionMark::display_lines`] (the text mark first, larger) in DejaVu
/// Sans, embedded as a subset CID font with a ToUnicode map so that copying the text out of the
/// PDF gives the same Vietnamese. Sizes follow [`RenderOptions`] (module size in mm, text column
/// width, point sizes); `opts.dpi` is not used.
pub fn mark_block_pdf(signed: &SignedMark, opts: &RenderOptions) -> Result<MarkBlock, PdfError> {
    let bad = |field: &'static str, reason: &str| PdfError::BadOption {
        field,
        reason: reason.to_owned(),
    };
    if !(0.1..=5.0).contains(&opts.module_mm) {
        return Err(bad("module_mm", "must be 0.1–5 mm"));
    }
    if !(20.0..=300.0).contains(&opts.text_width_mm) {
        return Err(bad("text_width_mm", "must be 20–300 mm"));
    }
    if !(4.0..=36.0).contains(&opts.title_pt) || !(4.0..=36.0).contains(&opts.text_pt) {
        return Err(bad("title_pt/text_pt", "must be 4–36 pt"));
    }
    let measure = FontRef::try_from_slice(FONT_TTF).map_err(|e| PdfError::Draw(e.to_string()))?;
    let font = Font::new(FONT_TTF.into(), 0)
        .ok_or_else(|| PdfError::Draw("krilla cannot read the bundled font".into()))?;
    let q = crate::qr::encode_at(&signed.qr_text, opts.ec_level).map_err(PdfError::Draw)?;
    let n = q.width;
    let module = opts.module_mm * PT_PER_MM;
    let qr_side = (n as f32 + 8.0) * module;
    let frame = 0.25 * PT_PER_MM;
    let pad = 1.2 * PT_PER_MM;
    let text_w = opts.text_width_mm * PT_PER_MM;

    let mut lines: Vec<(f32, String)> = Vec::new();
    for (i, line) in signed.mark.display_lines().iter().enumerate() {
        let size = if i == 0 { opts.title_pt } else { opts.text_pt };
        for l in wrap(&measure, size, line, text_w) {
            lines.push((size, l));
        }
    }
    let text_h: f32 = lines.iter().map(|(s, _)| s * 1.22).sum();
    let inner_h = qr_side.max(pad * 2.0 + text_h);
    let w = frame * 2.0 + qr_side + pad + text_w + pad;
    let h = frame * 2.0 + inner_h;

    let settings = SerializeSettings {
        // The page becomes a Form XObject elsewhere: no document-level extras.
        xmp_metadata: false,
        enable_tagging: false,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let size = PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Draw("block size".into()))?;
    let mut page = doc.start_page_with(size);
    let mut s = page.surface();
    let rect = |x: f32, y: f32, rw: f32, rh: f32| Rect::from_xywh(x, y, rw, rh);
    // Opaque white under the whole block (quiet zone and text included), then the frame.
    let mut pb = PathBuilder::new();
    if let Some(r) = rect(0.0, 0.0, w, h) {
        pb.push_rect(r);
    }
    if let Some(p) = pb.finish() {
        s.set_fill(Some(fill(255)));
        s.draw_path(&p);
    }
    let mut pb = PathBuilder::new();
    for r in [
        rect(0.0, 0.0, w, frame),
        rect(0.0, h - frame, w, frame),
        rect(0.0, 0.0, frame, h),
        rect(w - frame, 0.0, frame, h),
    ]
    .into_iter()
    .flatten()
    {
        pb.push_rect(r);
    }
    // QR modules, one rectangle per horizontal run of dark modules.
    let x0 = frame + 4.0 * module;
    let y0 = frame + (inner_h - qr_side) / 2.0 + 4.0 * module;
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if q.dark.get(row * n + col).copied().unwrap_or(false) {
                let start = col;
                while col < n && q.dark.get(row * n + col).copied().unwrap_or(false) {
                    col += 1;
                }
                if let Some(r) = rect(
                    x0 + start as f32 * module,
                    y0 + row as f32 * module,
                    (col - start) as f32 * module,
                    module,
                ) {
                    pb.push_rect(r);
                }
            } else {
                col += 1;
            }
        }
    }
    if let Some(p) = pb.finish() {
        s.set_fill(Some(fill(0)));
        s.draw_path(&p);
    }
    let tx = frame + qr_side + pad;
    let mut ty = frame + pad;
    for (size, l) in &lines {
        // krilla places text by its baseline; DejaVu's ascender is 0.928 em.
        s.draw_text(
            Point::from_xy(tx, ty + size * 0.93),
            font.clone(),
            *size,
            l,
            false,
            TextDirection::LeftToRight,
        );
        ty += size * 1.22;
    }
    s.finish();
    page.finish();
    let pdf = doc
        .finish()
        .map_err(|e| PdfError::Draw(format!("krilla: {e:?}")))?;
    Ok(MarkBlock {
        pdf,
        width_pt: w,
        height_pt: h,
        qr_modules: u32::try_from(n).unwrap_or(0),
        qr_side_mm: qr_side / PT_PER_MM,
        printed_lines: lines.into_iter().map(|(_, l)| l).collect(),
    })
}

/// Draws lines of text (no frame, no background: a signature appearance shows text only) as a
/// one-page PDF just large enough for them, in the bundled DejaVu Sans at `size_pt`, black,
/// upright, left-aligned; the font is subset-embedded with a ToUnicode map. Returns the PDF and
/// its width and height in points.
pub(crate) fn text_block_pdf(
    lines: &[String],
    size_pt: f32,
) -> Result<(Vec<u8>, f32, f32), PdfError> {
    if !(4.0..=36.0).contains(&size_pt) {
        return Err(PdfError::BadOption {
            field: "size_pt",
            reason: "must be 4–36 pt".into(),
        });
    }
    let measure = FontRef::try_from_slice(FONT_TTF).map_err(|e| PdfError::Draw(e.to_string()))?;
    let font = Font::new(FONT_TTF.into(), 0)
        .ok_or_else(|| PdfError::Draw("krilla cannot read the bundled font".into()))?;
    let pad = 0.8 * PT_PER_MM;
    let line_h = size_pt * 1.25;
    let w = lines
        .iter()
        .map(|l| text_width(&measure, size_pt, l))
        .fold(0.0f32, f32::max)
        + 2.0 * pad;
    let h = line_h * lines.len().max(1) as f32 + 2.0 * pad;
    let settings = SerializeSettings {
        xmp_metadata: false,
        enable_tagging: false,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let size =
        PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Draw("text block size".into()))?;
    let mut page = doc.start_page_with(size);
    let mut s = page.surface();
    s.set_fill(Some(fill(0)));
    let mut y = pad;
    for l in lines {
        s.draw_text(
            Point::from_xy(pad, y + size_pt * 0.93),
            font.clone(),
            size_pt,
            l,
            false,
            TextDirection::LeftToRight,
        );
        y += line_h;
    }
    s.finish();
    page.finish();
    let pdf = doc
        .finish()
        .map_err(|e| PdfError::Draw(format!("krilla: {e:?}")))?;
    Ok((pdf, w, h))
}
