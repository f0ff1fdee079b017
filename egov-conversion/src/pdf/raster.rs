//! Rendering a page with hayro (pure Rust): QR verification and blank-area search.

use image::GrayImage;

/// Renders page `page` (1-based) with hayro at `dpi` (lowered to fit `max_pixels`),
/// white background, as greyscale.
pub(crate) fn render_page(
    file: &[u8],
    page: u32,
    dpi: u32,
    max_pixels: u64,
) -> Result<(GrayImage, u32), String> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};
    let pdf = hayro::hayro_syntax::Pdf::new(file.to_vec()).map_err(|e| format!("hayro: {e:?}"))?;
    let pages = pdf.pages();
    let idx = usize::try_from(page)
        .unwrap_or(0)
        .checked_sub(1)
        .ok_or("page 0")?;
    let p = pages.get(idx).ok_or_else(|| format!("no page {page}"))?;
    let (w, h) = p.render_dimensions();
    let mut dpi = dpi.clamp(18, 600);
    let px = |d: u32| {
        let s = d as f32 / 72.0;
        ((w * s) as u64, (h * s) as u64)
    };
    while dpi > 18 {
        let (pw, ph) = px(dpi);
        if pw * ph <= max_pixels && pw < 65_000 && ph < 65_000 {
            break;
        }
        dpi = dpi.saturating_sub(12).max(18);
        if dpi == 18 {
            break;
        }
    }
    let (pw, ph) = px(dpi);
    if pw == 0 || ph == 0 || pw >= 65_000 || ph >= 65_000 || pw * ph > max_pixels {
        return Err(format!("page {page} too large to render"));
    }
    let s = dpi as f32 / 72.0;
    let pixmap = hayro::render(
        p,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: s,
            y_scale: s,
            bg_color: WHITE,
        },
    );
    let (iw, ih) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let rgba = pixmap.data_as_u8_slice();
    let grey: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|c| {
            ((u32::from(c[0]) * 299 + u32::from(c[1]) * 587 + u32::from(c[2]) * 114) / 1000) as u8
        })
        .collect();
    let img = GrayImage::from_raw(iw, ih, grey).ok_or("pixmap size")?;
    Ok((img, dpi))
}

/// Whether the block at `(u, v)` (displayed points from the top left) covers dark pixels of
/// the page rendered at 36 dpi (more than 2 ‰, as the mark's blank-corner search).
pub(crate) fn covers_content(
    img: &image::GrayImage,
    dpi: u32,
    u: f32,
    v: f32,
    w: f32,
    h: f32,
) -> bool {
    let scale = dpi as f32 / 72.0;
    let x0 = (u * scale).floor().max(0.0) as u32;
    let y0 = (v * scale).floor().max(0.0) as u32;
    let x1 = (((u + w) * scale).ceil() as u32).min(img.width());
    let y1 = (((v + h) * scale).ceil() as u32).min(img.height());
    let (mut dark, mut all) = (0u64, 0u64);
    for y in y0..y1 {
        for x in x0..x1 {
            all += 1;
            if img.get_pixel(x, y).0[0] < 128 {
                dark += 1;
            }
        }
    }
    all == 0 || dark * 1000 > all * 2
}
