//! Reading page images: PNG, JPEG and TIFF (every page of a multi-page TIFF, as scanners and
//! fax servers write them: uncompressed, LZW, Deflate, JPEG or CCITT G3/G4; bilevel, grey,
//! palette-free RGB/RGBA at 8 or 16 bits), into greyscale.

use std::io::Cursor;

use image::{GrayImage, ImageFormat};
use tiff::decoder::{Decoder, DecodingResult, Limits};
use tiff::ColorType;

use super::{ScanError, MAX_PIXELS};

/// Most pages read from one document.
pub const MAX_PAGES: usize = 500;

fn check_size(w: u32, h: u32) -> Result<(), ScanError> {
    let px = u64::from(w) * u64::from(h);
    if px > MAX_PIXELS {
        return Err(ScanError::TooLarge(px));
    }
    Ok(())
}

/// Reads an image file's bytes (PNG, JPEG, or a TIFF's first page) into greyscale, enforcing
/// [`MAX_PIXELS`] from the header before decoding the pixels.
pub fn load_greyscale(bytes: &[u8]) -> Result<GrayImage, ScanError> {
    if is_tiff(bytes) {
        return tiff_pages(bytes, 1)?
            .into_iter()
            .next()
            .ok_or(ScanError::NoPages);
    }
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ScanError::Decode(e.to_string()))?;
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| ScanError::Decode(e.to_string()))?;
    check_size(w, h)?;
    let img = image::load_from_memory(bytes).map_err(|e| ScanError::Decode(e.to_string()))?;
    Ok(img.into_luma8())
}

/// Reads every page of an image file: all pages of a TIFF (at most [`MAX_PAGES`]), or the one
/// page of a PNG or JPEG.
pub fn load_pages(bytes: &[u8]) -> Result<Vec<GrayImage>, ScanError> {
    if is_tiff(bytes) {
        tiff_pages(bytes, MAX_PAGES)
    } else {
        Ok(vec![load_greyscale(bytes)?])
    }
}

fn is_tiff(bytes: &[u8]) -> bool {
    matches!(image::guess_format(bytes), Ok(ImageFormat::Tiff))
}

fn tiff_err(page: usize, e: impl std::fmt::Display) -> ScanError {
    ScanError::Decode(format!("TIFF page {page}: {e}"))
}

fn tiff_pages(bytes: &[u8], max: usize) -> Result<Vec<GrayImage>, ScanError> {
    let mut limits = Limits::default();
    limits.decoding_buffer_size = usize::try_from(MAX_PIXELS * 8).unwrap_or(usize::MAX);
    let mut dec = Decoder::new(Cursor::new(bytes))
        .map_err(|e| tiff_err(1, e))?
        .with_limits(limits);
    let mut pages = Vec::new();
    loop {
        let n = pages.len() + 1;
        if pages.len() >= max {
            if max == MAX_PAGES && dec.more_images() {
                return Err(ScanError::TooManyPages);
            }
            break;
        }
        let (w, h) = dec.dimensions().map_err(|e| tiff_err(n, e))?;
        check_size(w, h)?;
        let colour = dec.colortype().map_err(|e| tiff_err(n, e))?;
        let data = dec.read_image().map_err(|e| tiff_err(n, e))?;
        pages.push(to_grey(w, h, colour, data).map_err(|e| tiff_err(n, e))?);
        if !dec.more_images() {
            break;
        }
        dec.next_image().map_err(|e| tiff_err(n + 1, e))?;
    }
    Ok(pages)
}

fn luma(r: u32, g: u32, b: u32) -> u8 {
    // ITU-R BT.601 weights, as the image crate's greyscale conversion.
    u8::try_from((r * 299 + g * 587 + b * 114 + 500) / 1000).unwrap_or(u8::MAX)
}

pub(crate) fn to_grey(
    w: u32,
    h: u32,
    colour: ColorType,
    data: DecodingResult,
) -> Result<GrayImage, String> {
    let (wu, hu) = (w as usize, h as usize);
    let px = wu * hu;
    let grey: Vec<u8> = match (colour, data) {
        (ColorType::Gray(8), DecodingResult::U8(v)) => v,
        (ColorType::Gray(16), DecodingResult::U16(v)) => v
            .iter()
            .map(|&p| u8::try_from(p >> 8).unwrap_or(0))
            .collect(),
        (ColorType::Gray(bits @ (1 | 2 | 4)), DecodingResult::U8(v)) => {
            // Packed rows, each padded to a whole byte; 0 = black after the decoder's
            // photometric handling.
            let per_byte = 8 / usize::from(bits);
            let row_bytes = wu.div_ceil(per_byte);
            let max = (1u32 << bits) - 1;
            let mut out = Vec::with_capacity(px);
            for y in 0..hu {
                for x in 0..wu {
                    let byte = v.get(y * row_bytes + x / per_byte).copied().unwrap_or(0);
                    let shift = 8 - usize::from(bits) * (x % per_byte + 1);
                    let val = u32::from(byte >> shift) & max;
                    out.push(u8::try_from(val * 255 / max).unwrap_or(0));
                }
            }
            out
        }
        (ColorType::GrayA(8), DecodingResult::U8(v)) => v.chunks_exact(2).map(|c| c[0]).collect(),
        (ColorType::RGB(8), DecodingResult::U8(v)) => v
            .chunks_exact(3)
            .map(|c| luma(c[0].into(), c[1].into(), c[2].into()))
            .collect(),
        (ColorType::RGBA(8), DecodingResult::U8(v)) => v
            .chunks_exact(4)
            .map(|c| luma(c[0].into(), c[1].into(), c[2].into()))
            .collect(),
        (ColorType::RGB(16), DecodingResult::U16(v)) => v
            .chunks_exact(3)
            .map(|c| luma((c[0] >> 8).into(), (c[1] >> 8).into(), (c[2] >> 8).into()))
            .collect(),
        (other, _) => return Err(format!("unsupported colour type {other:?}")),
    };
    if grey.len() < px {
        return Err(format!("{} pixels decoded, {px} expected", grey.len()));
    }
    GrayImage::from_raw(w, h, grey).ok_or_else(|| "bad pixel buffer".to_owned())
}
