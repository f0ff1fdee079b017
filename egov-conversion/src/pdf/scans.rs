//! An electronic copy from scanned pages (paper → data, NĐ 137/2024 Đ4; NĐ 30/2020 Đ25 for the
//! clerical «sao y» copy): page images — JPEG kept byte for byte (DCTDecode), PNG, every page of
//! a TIFF — become a PDF/A-2b (or PDF/A-1b) document written by krilla with its PDF/A validator,
//! one image per page at the scan's own resolution (100 % scale).
//!
//! Each page's format facts are findings against NĐ 30/2020 Phụ lục I (outside the seeds,
//! REQUIREMENTS §3.5 note, rule CONV-05): PDF 1.4 or later, colour, at least 200 dpi. The mark
//! ([`super::stamp()`]) and the agency's signature ([`super::sign_pdf()`]) are then appended as
//! incremental updates by [`electronic_copy`].

use crate::image_facts::{jpeg_facts, png_facts};
use std::io::Cursor;

use egov_core::{Finding, Instrument, LegalRef, Outcome};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::Size;
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};
use serde::{Deserialize, Serialize};
use tiff::decoder::{Decoder, DecodingResult, Limits};
use tiff::tags::Tag;
use tiff::ColorType;

use super::{PdfError, ScanProblem};

/// The PDF/A conformance of the copy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Conformance {
    /// PDF/A-2b (ISO 19005-2, PDF 1.7; the default).
    #[default]
    PdfA2b,
    /// PDF/A-1b (ISO 19005-1, PDF 1.4), for archives that accept only part 1.
    PdfA1b,
}

/// How to build the copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ScansOptions {
    /// PDF/A part (default PDF/A-2b).
    pub conformance: Conformance,
    /// Resolution assumed for an image that states none (default 200 dpi; reported).
    pub assume_dpi: f32,
    /// The document title (XMP `dc:title`), e.g. the document's «số và ký hiệu» and subject.
    pub title: Option<String>,
    /// The creation time (default now).
    pub created: Option<egov_core::VnDateTime>,
    /// Most pages (default 500).
    pub max_pages: usize,
    /// Most pixels per page (default 100 million).
    pub max_pixels: u64,
}

impl Default for ScansOptions {
    fn default() -> Self {
        ScansOptions {
            conformance: Conformance::PdfA2b,
            assume_dpi: 200.0,
            title: None,
            created: None,
            max_pages: 500,
            max_pixels: 100_000_000,
        }
    }
}

/// One page of the copy, as built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScanPage {
    /// 1-based page number in the copy.
    pub page: usize,
    /// Which input and, for a TIFF, which of its pages.
    pub source: String,
    /// `jpeg` (kept as is), `png` or `tiff`.
    pub format: String,
    /// Pixels.
    pub width_px: u32,
    /// Pixels.
    pub height_px: u32,
    /// Horizontal resolution used, dots per inch.
    pub dpi: f32,
    /// Whether the image stated its resolution (else `assume_dpi` was used).
    pub dpi_stated: bool,
    /// Whether the image is in colour (not grey or bilevel).
    pub colour: bool,
}

/// The copy before marking and signing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScansPdf {
    /// The PDF/A file.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// Its conformance.
    pub conformance: Conformance,
    /// Every page.
    pub pages: Vec<ScanPage>,
    /// Findings on the format (NĐ 30/2020 Phụ lục I).
    pub findings: Vec<Finding>,
}

#[derive(Clone, Hash)]
struct Raw {
    data: std::sync::Arc<Vec<u8>>,
    w: u32,
    h: u32,
    rgb: bool,
}

impl CustomImage for Raw {
    fn color_channel(&self) -> &[u8] {
        &self.data
    }
    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }
    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }
    fn size(&self) -> (u32, u32) {
        (self.w, self.h)
    }
    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }
    fn color_space(&self) -> ImageColorspace {
        if self.rgb {
            ImageColorspace::Rgb
        } else {
            ImageColorspace::Luma
        }
    }
}

struct Decoded {
    image: Image,
    format: &'static str,
    w: u32,
    h: u32,
    dpi: Option<f32>,
    colour: bool,
}

/// `scan` (page `page` of a TIFF, when given) cannot be used.
fn bad(scan: &str, page: Option<u32>, problem: ScanProblem) -> PdfError {
    PdfError::BadScan {
        scan: scan.to_owned(),
        page,
        problem,
    }
}

/// `scan`'s decoder could not read it.
fn unreadable(
    scan: &str,
    page: Option<u32>,
    format: &'static str,
    why: impl std::fmt::Display,
) -> PdfError {
    bad(
        scan,
        page,
        ScanProblem::Unreadable {
            format,
            reason: why.to_string(),
        },
    )
}

fn too_many_pixels(scan: &str, page: Option<u32>, width: u32, height: u32, limit: u64) -> PdfError {
    bad(
        scan,
        page,
        ScanProblem::TooManyPixels {
            width,
            height,
            limit,
        },
    )
}

fn tiff_pages(
    bytes: &[u8],
    source: &str,
    opts: &ScansOptions,
    room: usize,
) -> Result<Vec<Decoded>, PdfError> {
    let mut limits = Limits::default();
    limits.decoding_buffer_size =
        usize::try_from(opts.max_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    let mut dec = Decoder::new(Cursor::new(bytes))
        .map_err(|e| unreadable(source, None, "TIFF", e))?
        .with_limits(limits);
    let mut out = Vec::new();
    loop {
        let n = out.len() + 1;
        if out.len() >= room {
            return Err(PdfError::TooManyPages {
                count: opts.max_pages + 1,
                limit: opts.max_pages,
            });
        }
        let page = u32::try_from(n).ok();
        let tiff_err = |e: tiff::TiffError| unreadable(source, page, "TIFF", e);
        let (w, h) = dec.dimensions().map_err(tiff_err)?;
        if u64::from(w) * u64::from(h) > opts.max_pixels {
            return Err(too_many_pixels(source, page, w, h, opts.max_pixels));
        }
        let x_res = match dec.get_tag(Tag::XResolution) {
            Ok(tiff::decoder::ifd::Value::Rational(n, d)) if d > 0 => Some(n as f32 / d as f32),
            Ok(v) => v.into_f32().ok(),
            Err(_) => None,
        };
        let dpi = x_res.and_then(
            |x| match dec.get_tag_u32(Tag::ResolutionUnit).unwrap_or(2) {
                3 => Some(x * 2.54),
                2 => Some(x),
                _ => None,
            },
        );
        let colour_type = dec.colortype().map_err(tiff_err)?;
        let data = dec.read_image().map_err(tiff_err)?;
        let (pixels, rgb) = match (colour_type, data) {
            (ColorType::RGB(8), DecodingResult::U8(v)) => (v, true),
            (ColorType::RGBA(8), DecodingResult::U8(v)) => (
                v.chunks_exact(4).flat_map(|c| [c[0], c[1], c[2]]).collect(),
                true,
            ),
            (ColorType::RGB(16), DecodingResult::U16(v)) => {
                (v.iter().map(|p| (p >> 8) as u8).collect(), true)
            }
            (c, d) => {
                let g = crate::scan::pages::to_grey(w, h, c, d)
                    .map_err(|e| unreadable(source, page, "TIFF", e))?;
                (g.into_raw(), false)
            }
        };
        let need = (w as usize) * (h as usize) * if rgb { 3 } else { 1 };
        if pixels.len() < need {
            return Err(bad(source, page, ScanProblem::Truncated));
        }
        let image = Image::from_custom(
            Raw {
                data: std::sync::Arc::new(pixels[..need].to_vec()),
                w,
                h,
                rgb,
            },
            false,
        )
        .map_err(|e| unreadable(source, page, "TIFF", e))?;
        out.push(Decoded {
            image,
            format: "tiff",
            w,
            h,
            dpi,
            colour: rgb,
        });
        if !dec.more_images() {
            break;
        }
        dec.next_image()
            .map_err(|e| unreadable(source, u32::try_from(n + 1).ok(), "TIFF", e))?;
    }
    Ok(out)
}

fn decode(
    bytes: &[u8],
    source: &str,
    opts: &ScansOptions,
    room: usize,
) -> Result<Vec<Decoded>, PdfError> {
    if bytes.starts_with(&[0xff, 0xd8]) {
        let (w, h, comps, dpi) =
            jpeg_facts(bytes).ok_or_else(|| unreadable(source, None, "JPEG", "no frame header"))?;
        if u64::from(w) * u64::from(h) > opts.max_pixels {
            return Err(too_many_pixels(source, None, w, h, opts.max_pixels));
        }
        let image = Image::from_jpeg(bytes.to_vec().into(), false)
            .map_err(|e| unreadable(source, None, "JPEG", e))?;
        return Ok(vec![Decoded {
            image,
            format: "jpeg",
            w,
            h,
            dpi,
            colour: comps >= 3,
        }]);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (w, h, colour_type, dpi) =
            png_facts(bytes).ok_or_else(|| unreadable(source, None, "PNG", "no image header"))?;
        if u64::from(w) * u64::from(h) > opts.max_pixels {
            return Err(too_many_pixels(source, None, w, h, opts.max_pixels));
        }
        let image = Image::from_png(bytes.to_vec().into(), false)
            .map_err(|e| unreadable(source, None, "PNG", e))?;
        return Ok(vec![Decoded {
            image,
            format: "png",
            w,
            h,
            dpi,
            colour: matches!(colour_type, 2 | 3 | 6),
        }]);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return tiff_pages(bytes, source, opts, room);
    }
    Err(bad(source, None, ScanProblem::NotAnImage))
}

fn krilla_date(t: egov_core::VnDateTime) -> DateTime {
    use chrono::{Datelike, Timelike};
    let n = t.naive_local();
    DateTime::new(u16::try_from(n.year()).unwrap_or(2026))
        .month(n.month() as u8)
        .day(n.day() as u8)
        .hour(n.hour() as u8)
        .minute(n.minute() as u8)
        .second(n.second() as u8)
        .utc_offset_hour(7)
        .utc_offset_minute(0)
}

/// Builds the PDF/A copy of `images` (each `(name, bytes)`: JPEG, PNG or TIFF, in page order).
///
/// Errors: [`PdfError::BadScan`] naming the input (and the page of a TIFF) that is not a
/// readable image or is too large, [`PdfError::BadOption`] when no image or an out-of-range
/// `assume_dpi` is given, [`PdfError::TooManyPages`], [`PdfError::Draw`] when krilla's PDF/A validator refuses
/// the result.
pub fn pdf_from_scans(
    images: &[(String, Vec<u8>)],
    opts: &ScansOptions,
) -> Result<ScansPdf, PdfError> {
    if images.is_empty() {
        return Err(PdfError::BadOption {
            field: "pages",
            reason: "no page image given".into(),
        });
    }
    if !(opts.assume_dpi >= 50.0 && opts.assume_dpi <= 2400.0) {
        return Err(PdfError::BadOption {
            field: "assume_dpi",
            reason: format!("{} is outside 50–2400", opts.assume_dpi),
        });
    }
    let archival = match opts.conformance {
        Conformance::PdfA2b => Archival::A2_B,
        Conformance::PdfA1b => Archival::A1_B,
    };
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(archival)
        .finish()
        .map_err(|e| PdfError::Draw(format!("krilla configuration: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        // Scans are images: no structure to tag (PDF/A level b needs none).
        enable_tagging: false,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let created = opts.created.unwrap_or_else(egov_sign::chain::now);
    let mut meta = Metadata::new()
        .language("vi".into())
        .creator("egov (electronic copy from scans)".into())
        .producer("egov with krilla".into())
        .creation_date(krilla_date(created));
    if let Some(t) = &opts.title {
        meta = meta.title(t.clone());
    }
    doc.set_metadata(meta);
    let mut pages = Vec::new();
    for (name, bytes) in images {
        let room = opts.max_pages.saturating_sub(pages.len());
        if room == 0 {
            return Err(PdfError::TooManyPages {
                count: pages.len() + 1,
                limit: opts.max_pages,
            });
        }
        let decoded = decode(bytes, name, opts, room)?;
        let multi = decoded.len() > 1;
        for (i, d) in decoded.into_iter().enumerate() {
            let dpi = d.dpi.filter(|x| (10.0..=10_000.0).contains(x));
            let used = dpi.unwrap_or(opts.assume_dpi);
            let (wpt, hpt) = (d.w as f32 * 72.0 / used, d.h as f32 * 72.0 / used);
            let page_size = || {
                let page = if multi {
                    u32::try_from(i + 1).ok()
                } else {
                    None
                };
                bad(
                    name,
                    page,
                    ScanProblem::PageSize {
                        width_pt: wpt,
                        height_pt: hpt,
                    },
                )
            };
            let size = Size::from_wh(wpt, hpt).ok_or_else(page_size)?;
            let settings = PageSettings::from_wh(wpt, hpt).ok_or_else(page_size)?;
            let mut page = doc.start_page_with(settings);
            let mut s = page.surface();
            s.draw_image(d.image, size);
            s.finish();
            page.finish();
            pages.push(ScanPage {
                page: pages.len() + 1,
                source: if multi {
                    format!("{name} page {}", i + 1)
                } else {
                    name.clone()
                },
                format: d.format.into(),
                width_px: d.w,
                height_px: d.h,
                dpi: used,
                dpi_stated: dpi.is_some(),
                colour: d.colour,
            });
        }
    }
    let pdf = doc
        .finish()
        .map_err(|e| PdfError::Draw(format!("krilla PDF/A: {e}")))?;
    let findings = format_findings(&pages, opts.conformance);
    Ok(ScansPdf {
        pdf,
        conformance: opts.conformance,
        pages,
        findings,
    })
}

/// NĐ 30/2020 Phụ lục I (electronic copy format): PDF 1.4 or later, colour, at least 200 dpi.
fn format_findings(pages: &[ScanPage], c: Conformance) -> Vec<Finding> {
    let basis = || LegalRef::article(Instrument::Nd30_2020, 25);
    let mut out = Vec::new();
    let version = match c {
        Conformance::PdfA2b => "PDF 1.7 (PDF/A-2b)",
        Conformance::PdfA1b => "PDF 1.4 (PDF/A-1b)",
    };
    out.push(Finding::new(
        "CONV-05",
        basis(),
        Outcome::Pass,
        format!("electronic copy format: {version}, PDF 1.4 or later"),
        format!("định dạng bản sao điện tử: {version}, từ PDF 1.4 trở lên"),
    ));
    let low: Vec<String> = pages
        .iter()
        .filter(|p| p.dpi + 0.5 < 200.0)
        .map(|p| format!("{} ({:.0} dpi)", p.page, p.dpi))
        .collect();
    out.push(if low.is_empty() {
        Finding::new(
            "CONV-05",
            basis(),
            Outcome::Pass,
            "every page is at least 200 dpi",
            "mọi trang có độ phân giải từ 200 dpi trở lên",
        )
    } else {
        Finding::new(
            "CONV-05",
            basis(),
            Outcome::Fail,
            format!(
                "pages below the 200 dpi an electronic copy needs: {}",
                low.join(", ")
            ),
            format!(
                "trang có độ phân giải dưới mức tối thiểu 200 dpi của bản sao điện tử: {}",
                low.join(", ")
            ),
        )
    });
    let assumed: Vec<String> = pages
        .iter()
        .filter(|p| !p.dpi_stated)
        .map(|p| p.page.to_string())
        .collect();
    if !assumed.is_empty() {
        out.push(Finding::new(
            "CONV-05",
            basis(),
            Outcome::Warning,
            format!(
                "pages whose image states no resolution (the assumed resolution sets their size): {}",
                assumed.join(", ")
            ),
            format!(
                "trang có ảnh không ghi độ phân giải (kích thước trang theo độ phân giải giả định): {}",
                assumed.join(", ")
            ),
        ));
    }
    let grey: Vec<String> = pages
        .iter()
        .filter(|p| !p.colour)
        .map(|p| p.page.to_string())
        .collect();
    out.push(if grey.is_empty() {
        Finding::new(
            "CONV-05",
            basis(),
            Outcome::Pass,
            "every page is in colour",
            "mọi trang ở chế độ màu",
        )
    } else {
        Finding::new(
            "CONV-05",
            basis(),
            Outcome::Fail,
            format!(
                "pages scanned in grey or black and white, not colour: {}",
                grey.join(", ")
            ),
            format!(
                "trang được quét đen trắng hoặc thang xám, không ở chế độ màu: {}",
                grey.join(", ")
            ),
        )
    });
    out
}
