//! Stamping an existing PDF with an incremental update: page content (prints always) or a
//! `/Stamp` annotation (for a marked copy distributed electronically).

use std::collections::BTreeMap;

use ed25519_dalek::SigningKey;
use lopdf::{dictionary, Document, IncrementalDocument, Object, ObjectId, Stream};
use serde::{Deserialize, Serialize};

use egov_core::{Finding, Instrument, LegalRef, Outcome};

use super::annots::append_annotation;
use super::draw::{mark_block_pdf, MarkBlock};
use super::load::{
    geometry, guarded, load, page_id, save_incremental, Budget, PageGeometry, PdfLimits,
};
use super::mdp::docmdp_permission;
use super::xmp::{self, XmpMark};
use super::{PdfError, RectPt, PDF_LEN_EXTENSION, PT_PER_MM};
use crate::payload::{content_digest, sign, PayloadOptions, SignedMark};
use crate::render::RenderOptions;
use crate::ConversionMark;

/// A corner of the page as displayed (after `/Rotate`, inside the CropBox).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Corner {
    /// Top right (default).
    #[default]
    TopRight,
    /// Top left.
    TopLeft,
    /// Bottom right.
    BottomRight,
    /// Bottom left.
    BottomLeft,
}

/// Where the block goes on the page as displayed (rotation applied, inside the CropBox).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "at")]
pub enum Placement {
    /// The first blank corner, `margin_mm` from the edges (default, 10 mm): top right, top
    /// left, bottom right, bottom left, judged on the page rendered at 36 dpi (at most 2 ‰ of
    /// the pixels under the block dark). None blank: [`PdfError::NoBlankArea`].
    Auto {
        /// Distance from the edges, millimetres.
        margin_mm: f32,
    },
    /// A corner, `margin_mm` from both edges.
    Corner {
        /// Which corner.
        corner: Corner,
        /// Distance from the edges, millimetres.
        margin_mm: f32,
    },
    /// The block's top-left corner at `x_mm`, `y_mm` from the top-left of the visible page.
    At {
        /// From the left edge, millimetres.
        x_mm: f32,
        /// From the top edge, millimetres.
        y_mm: f32,
    },
}

impl Default for Placement {
    fn default() -> Self {
        Placement::Auto { margin_mm: 10.0 }
    }
}

/// How the mark block is written into the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StampMode {
    /// Page content: the page's content wrapped in `q … Q`, then the block painted. Always
    /// prints; signature validators report it as a change after signing (the signed revision
    /// stays verifiable at its length). The default, for paper (Đ5).
    #[default]
    Content,
    /// A `/Stamp` annotation (`/F 4`, printable, appearance `/N` only): allowed after an
    /// approval signature by Acrobat and under DocMDP P=3; refused under DocMDP P=1 and P=2
    /// ([`PdfError::Locked`]). Viewers print it with "document and markups" (the default);
    /// a user can delete it. For a marked copy distributed electronically.
    Annotation,
}

/// Options for [`stamp()`]. In JSON every field is optional.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StampOptions {
    /// The page to stamp, 1-based (default 1).
    pub page: u32,
    /// Where the block goes (default: the first blank corner, 10 mm margins). An explicit
    /// corner or position is not checked for content underneath (the block's white
    /// background hides it).
    pub placement: Placement,
    /// Sizes of the block (module size, text column, point sizes, QR level); `dpi` is unused.
    pub render: RenderOptions,
    /// Page content (default) or a `/Stamp` annotation.
    pub mode: StampMode,
    /// Limits for the input.
    pub limits: PdfLimits,
}

impl Default for StampOptions {
    fn default() -> Self {
        StampOptions {
            page: 1,
            placement: Placement::default(),
            render: RenderOptions::default(),
            mode: StampMode::Content,
            limits: PdfLimits::default(),
        }
    }
}

/// A stamped PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct StampedPdf {
    /// The whole output: the original bytes, then the incremental update.
    pub pdf: Vec<u8>,
    /// The signed mark (its payload carries `pdf.len` and the original's SHA-256).
    pub signed: SignedMark,
    /// Length of the original (the prefix of `pdf`).
    pub original_len: usize,
    /// Page stamped, 1-based.
    pub page: u32,
    /// Where the block is, in the page's default user space (before `/Rotate`), points.
    pub rect: RectPt,
    /// The block as drawn.
    pub block: MarkBlock,
    /// The corner chosen ([`Placement::Auto`] and [`Placement::Corner`]); `None` for an
    /// explicit position.
    pub corner: Option<Corner>,
    /// How the block was written.
    pub mode: StampMode,
    /// What the change means for the document's signatures (CONV-16, NĐ 137/2024 Đ5.3.c).
    pub findings: Vec<Finding>,
}

/// The position of the block's top-left corner in displayed coordinates (points from the
/// top-left of the visible page, y downwards).
pub(super) fn place(
    placement: &Placement,
    page: u32,
    disp: (f32, f32),
    block: (f32, f32),
) -> Result<(f32, f32), PdfError> {
    let (pw, ph) = disp;
    let (bw, bh) = block;
    let (u, v) = match *placement {
        Placement::Auto { .. } => {
            return Err(PdfError::BadOption {
                field: "placement",
                reason: "auto placement is resolved before".into(),
            })
        }
        Placement::Corner { corner, margin_mm } => {
            if !(0.0..=200.0).contains(&margin_mm) {
                return Err(PdfError::BadOption {
                    field: "placement.margin_mm",
                    reason: "must be 0–200 mm".into(),
                });
            }
            let m = margin_mm * PT_PER_MM;
            match corner {
                Corner::TopRight => (pw - m - bw, m),
                Corner::TopLeft => (m, m),
                Corner::BottomRight => (pw - m - bw, ph - m - bh),
                Corner::BottomLeft => (m, ph - m - bh),
            }
        }
        Placement::At { x_mm, y_mm } => {
            if !x_mm.is_finite() || !y_mm.is_finite() {
                return Err(PdfError::BadOption {
                    field: "placement",
                    reason: "x_mm and y_mm must be numbers".into(),
                });
            }
            (x_mm * PT_PER_MM, y_mm * PT_PER_MM)
        }
    };
    if u < -0.01 || v < -0.01 || u + bw > pw + 0.01 || v + bh > ph + 0.01 {
        return Err(PdfError::DoesNotFit {
            page,
            block_w_pt: bw,
            block_h_pt: bh,
            page_w_pt: pw,
            page_h_pt: ph,
        });
    }
    Ok((u, v))
}

/// The first blank corner for the block (see [`Placement::Auto`]).
fn blank_corner(
    original: &[u8],
    opts: &StampOptions,
    disp: (f32, f32),
    block: (f32, f32),
    margin_mm: f32,
) -> Result<(f32, f32, Corner), PdfError> {
    const DPI: u32 = 36;
    let (img, dpi) = guarded("rendering the page", || {
        super::raster::render_page(original, opts.page, DPI, opts.limits.max_render_pixels)
            .map_err(PdfError::Parse)
    })?;
    let mut fits = false;
    for corner in [
        Corner::TopRight,
        Corner::TopLeft,
        Corner::BottomRight,
        Corner::BottomLeft,
    ] {
        let Ok((u, v)) = place(
            &Placement::Corner { corner, margin_mm },
            opts.page,
            disp,
            block,
        ) else {
            continue;
        };
        fits = true;
        if !super::raster::covers_content(&img, dpi, u, v, block.0, block.1) {
            return Ok((u, v, corner));
        }
    }
    if !fits {
        return place(
            &Placement::Corner {
                corner: Corner::TopRight,
                margin_mm,
            },
            opts.page,
            disp,
            block,
        )
        .map(|(u, v)| (u, v, Corner::TopRight));
    }
    Err(PdfError::NoBlankArea {
        page: opts.page,
        block_w_pt: block.0,
        block_h_pt: block.1,
        margin_mm,
    })
}

/// The matrix that paints the form (x right, y up, `w`×`h` units) upright on the displayed
/// page with its top-left corner at displayed (u, v) points, honouring `/Rotate` (clockwise),
/// the CropBox origin and `/UserUnit`. Also returns the block's rectangle in user space.
pub(super) fn placement_matrix(
    g: &PageGeometry,
    u: f32,
    v: f32,
    h: f32,
    w: f32,
) -> ([f32; 6], RectPt) {
    let s = 1.0 / g.user_unit;
    let (u, v, w, h) = (u * s, v * s, w * s, h * s);
    let [llx, lly, urx, ury] = g.crop;
    let m = match g.rotate {
        90 => [0.0, s, -s, 0.0, llx + v + h, lly + u],
        180 => [-s, 0.0, 0.0, -s, urx - u, lly + v + h],
        270 => [0.0, -s, s, 0.0, urx - v - h, ury - u],
        _ => [s, 0.0, 0.0, s, llx + u, ury - v - h],
    };
    let rect = match g.rotate {
        90 => RectPt {
            x: llx + v,
            y: lly + u,
            w: h,
            h: w,
        },
        180 => RectPt {
            x: urx - u - w,
            y: lly + v,
            w,
            h,
        },
        270 => RectPt {
            x: urx - v - h,
            y: ury - u - w,
            w: h,
            h: w,
        },
        _ => RectPt {
            x: llx + u,
            y: ury - v - h,
            w,
            h,
        },
    };
    (m, rect)
}

/// Copies `obj` from `src` into `dst`, giving every referenced object a new id in `dst`.
fn deep_copy(
    obj: &Object,
    src: &Document,
    dst: &mut Document,
    map: &mut BTreeMap<ObjectId, ObjectId>,
    depth: u32,
) -> Result<Object, PdfError> {
    if depth > 32 {
        return Err(PdfError::Draw("mark block nests too deeply".into()));
    }
    Ok(match obj {
        Object::Reference(id) => {
            if let Some(n) = map.get(id) {
                return Ok(Object::Reference(*n));
            }
            let new_id = dst.new_object_id();
            map.insert(*id, new_id);
            let o = src
                .get_object(*id)
                .map_err(|e| PdfError::Draw(format!("mark block object {id:?}: {e}")))?;
            let copied = deep_copy(o, src, dst, map, depth + 1)?;
            dst.objects.insert(new_id, copied);
            Object::Reference(new_id)
        }
        Object::Array(a) => Object::Array(
            a.iter()
                .map(|o| deep_copy(o, src, dst, map, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Object::Dictionary(d) => {
            let mut out = lopdf::Dictionary::new();
            for (k, v) in d.iter() {
                out.set(k.clone(), deep_copy(v, src, dst, map, depth + 1)?);
            }
            Object::Dictionary(out)
        }
        Object::Stream(s) => {
            let mut dict = lopdf::Dictionary::new();
            for (k, v) in s.dict.iter() {
                dict.set(k.clone(), deep_copy(v, src, dst, map, depth + 1)?);
            }
            Object::Stream(Stream::new(dict, s.content.clone()).with_compression(false))
        }
        other => other.clone(),
    })
}

/// Imports page 1 of the krilla block PDF into `dst` as a Form XObject; returns its id.
fn import_block(block: &MarkBlock, dst: &mut Document) -> Result<ObjectId, PdfError> {
    import_page_as_form(&block.pdf, block.width_pt, block.height_pt, dst)
}

/// Imports page 1 of a one-page PDF of `w`×`h` points into `dst` as a Form XObject.
pub(super) fn import_page_as_form(
    pdf: &[u8],
    w: f32,
    h: f32,
    dst: &mut Document,
) -> Result<ObjectId, PdfError> {
    let src = Document::load_mem(pdf).map_err(|e| PdfError::Draw(e.to_string()))?;
    let pid = page_id(&src, 1)?;
    let page = src
        .get_dictionary(pid)
        .map_err(|e| PdfError::Draw(e.to_string()))?;
    let mut content = Vec::new();
    for cid in src.get_page_contents(pid) {
        let s = src
            .get_object(cid)
            .and_then(Object::as_stream)
            .map_err(|e| PdfError::Draw(e.to_string()))?;
        let bytes = s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone());
        content.extend_from_slice(&bytes);
        content.push(b'\n');
    }
    let mut map = BTreeMap::new();
    let resources = match page.get(b"Resources") {
        Ok(r) => deep_copy(r, &src, dst, &mut map, 0)?,
        Err(_) => Object::Dictionary(lopdf::Dictionary::new()),
    };
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
        "Resources" => resources,
    };
    let mut stream = Stream::new(dict, content);
    // Best effort: an uncompressed form is valid too.
    let _ = stream.compress();
    Ok(dst.add_object(stream))
}

/// Stamps a data → paper conversion mark on an existing PDF (CONV-11 / CONV-12 / CONV-17,
/// NĐ 137/2024 Đ5.2.a and Đ5.1; CONV-16.b, Đ5.3.b: the system creates the mark on the paper;
/// content mode: the mark is page content, so it always prints).
///
/// Signs `mark` with `key` over SHA-256 of `original` (the data message as stored, Đ5: the
/// content before marking) with the original's length in the extension [`PDF_LEN_EXTENSION`],
/// draws the block ([`mark_block_pdf`]), and appends one incremental update to `original`:
/// the block as a Form XObject, page `opts.page`'s content wrapped in `q … Q` then the block
/// painted upright at the chosen place (CropBox and `/Rotate` honoured), and the payload in the
/// catalog's XMP ([`xmp`]). The output starts with `original` byte for byte.
///
/// Errors: [`PdfError::Encrypted`] for encrypted files, [`PdfError::XrefDamaged`] when the
/// cross-reference data had to be rebuilt, limits, a page that does not exist, a block that
/// does not fit, a mark that cannot be signed.
pub fn stamp(
    original: &[u8],
    mark: &ConversionMark,
    key: &SigningKey,
    payload: &PayloadOptions,
    opts: &StampOptions,
) -> Result<StampedPdf, PdfError> {
    let budget = Budget::start(&opts.limits);
    let doc = load(original, &opts.limits)?;
    budget.check("stamping")?;
    let pid = page_id(&doc, opts.page)?;
    let geo = geometry(&doc, pid, opts.page)?;
    let mdp = docmdp_permission(&doc);
    if opts.mode == StampMode::Annotation {
        if let Some(p @ (1 | 2)) = mdp {
            return Err(PdfError::Locked {
                permission: p,
                change: "adding an annotation",
            });
        }
    }
    let signatures = super::signatures::signature_dicts(&doc).len();
    let findings = signature_findings(opts.mode, mdp, signatures);

    let mark = mark
        .clone()
        .with_extension(PDF_LEN_EXTENSION, &original.len().to_string());
    let signed = sign(&mark, &content_digest(original), key, payload)
        .map_err(|e| PdfError::Payload(e.to_string()))?;
    let block = mark_block_pdf(&signed, &opts.render)?;
    let block_size = (block.width_pt, block.height_pt);
    let (u, v, corner) = match opts.placement {
        Placement::Auto { margin_mm } => {
            budget.check("finding a blank corner")?;
            let (u, v, c) = blank_corner(
                original,
                opts,
                geo.displayed_size_pt(),
                block_size,
                margin_mm,
            )?;
            (u, v, Some(c))
        }
        ref p => {
            let (u, v) = place(p, opts.page, geo.displayed_size_pt(), block_size)?;
            let corner = match p {
                Placement::Corner { corner, .. } => Some(*corner),
                _ => None,
            };
            (u, v, corner)
        }
    };
    let (m, rect) = placement_matrix(&geo, u, v, block.height_pt, block.width_pt);

    let mut inc = IncrementalDocument::create_from(original.to_vec(), doc);
    let form = import_block(&block, &mut inc.new_document)?;
    guarded("writing the update", || {
        match opts.mode {
            StampMode::Content => paint_on_page(&mut inc, pid, form, m)?,
            StampMode::Annotation => {
                annotate_page(&mut inc, pid, form, m, rect, &block.printed_lines)?
            }
        }
        let meta = XmpMark {
            payload: signed.qr_text.clone(),
            original_length: original.len() as u64,
            page: opts.page,
        };
        set_metadata(&mut inc, &meta)
    })?;
    budget.check("writing the update")?;
    let out = save_incremental(inc, original)?;
    Ok(StampedPdf {
        pdf: out,
        signed,
        original_len: original.len(),
        page: opts.page,
        rect,
        block,
        corner,
        mode: opts.mode,
        findings,
    })
}

/// What stamping does to the document's signatures (CONV-16, NĐ 137/2024 Đ5.3.c: the paper
/// shows the data message as it is; the signed original stays the verifiable prefix).
fn signature_findings(mode: StampMode, mdp: Option<u8>, signatures: usize) -> Vec<Finding> {
    let basis = || LegalRef::point(Instrument::Nd137_2024, 5, 3, "c");
    if signatures == 0 {
        return Vec::new();
    }
    let (en, vi) = match (mode, mdp) {
        (StampMode::Content, Some(p)) => (
            format!("the document is certified (DocMDP P={p}) and carries {signatures} signature(s): page content added after certification invalidates the certification in validators; the signed revision stays verifiable at its signed length"),
            format!("tài liệu đã được chứng thực (DocMDP P={p}) và có {signatures} chữ ký số: thêm nội dung trang sau khi chứng thực làm trình kiểm tra báo chứng thực không còn hiệu lực; phiên bản đã ký vẫn kiểm tra được theo độ dài đã ký"),
        ),
        (StampMode::Content, None) => (
            format!("the document carries {signatures} signature(s): signature validators report page content added after signing as a change not permitted; the signed revision stays verifiable at its signed length (annotation mode avoids the report for approval signatures in Acrobat)"),
            format!("tài liệu có {signatures} chữ ký số: trình kiểm tra chữ ký báo nội dung trang thêm sau khi ký là thay đổi không được phép; phiên bản đã ký vẫn kiểm tra được theo độ dài đã ký (chế độ chú thích tránh được cảnh báo này với chữ ký phê duyệt trong Acrobat)"),
        ),
        (StampMode::Annotation, _) => (
            format!("the document carries {signatures} signature(s): the mark is an annotation, which Acrobat allows after an approval signature; pyHanko's default policy still reports any annotation added after signing"),
            format!("tài liệu có {signatures} chữ ký số: ký hiệu được thêm dưới dạng chú thích, Acrobat cho phép sau chữ ký phê duyệt; chính sách mặc định của pyHanko vẫn báo mọi chú thích thêm sau khi ký"),
        ),
    };
    vec![Finding::new("CONV-16", basis(), Outcome::Warning, en, vi)]
}

/// Adds a `/Stamp` annotation showing `form` upright at `rect` (annotation mode).
fn annotate_page(
    inc: &mut IncrementalDocument,
    pid: ObjectId,
    form: ObjectId,
    m: [f32; 6],
    rect: RectPt,
    lines: &[String],
) -> Result<(), PdfError> {
    if let Ok(Object::Stream(s)) = inc.new_document.get_object_mut(form) {
        s.dict.set(
            "Matrix",
            vec![
                Object::Real(m[0]),
                Object::Real(m[1]),
                Object::Real(m[2]),
                Object::Real(m[3]),
                0.into(),
                0.into(),
            ],
        );
    }
    let text: Vec<u8> = {
        let mut b = vec![0xfe, 0xff];
        for u in lines.join("\n").encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        b
    };
    let annot = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Stamp",
        "Rect" => vec![
            Object::Real(rect.x),
            Object::Real(rect.y),
            Object::Real(rect.x + rect.w),
            Object::Real(rect.y + rect.h),
        ],
        // Print (4): printed with the page; not hidden, so PDF/A accepts it.
        "F" => 4,
        "NM" => Object::string_literal("egov-conversion-mark"),
        "Contents" => Object::String(text, lopdf::StringFormat::Hexadecimal),
        "P" => Object::Reference(pid),
        "AP" => dictionary! { "N" => Object::Reference(form) },
    };
    let id = inc.new_document.add_object(annot);
    append_annotation(inc, pid, id)
}

/// Wraps the page's content in `q … Q` and paints the form with matrix `m` after it.
fn paint_on_page(
    inc: &mut IncrementalDocument,
    pid: ObjectId,
    form: ObjectId,
    m: [f32; 6],
) -> Result<(), PdfError> {
    let w = |e: lopdf::Error| PdfError::Write(e.to_string());
    // A name not used by the page's XObjects yet.
    let existing: Vec<Vec<u8>> = {
        let prev = inc.get_prev_documents();
        prev.get_page_resources(pid)
            .ok()
            .map(|(res, ids)| {
                let mut names = Vec::new();
                let dicts = res.into_iter().cloned().chain(
                    ids.into_iter()
                        .filter_map(|id| prev.get_dictionary(id).ok().cloned()),
                );
                for d in dicts {
                    if let Ok(x) = d.get(b"XObject").and_then(|x| match x {
                        Object::Reference(id) => prev.get_dictionary(*id),
                        o => o.as_dict(),
                    }) {
                        names.extend(x.iter().map(|(k, _)| k.clone()));
                    }
                }
                names
            })
            .unwrap_or_default()
    };
    let mut name = b"EgovMark".to_vec();
    let mut i = 1;
    while existing.contains(&name) {
        name = format!("EgovMark{i}").into_bytes();
        i += 1;
    }
    inc.add_xobject(pid, name.clone(), form).map_err(w)?;

    let old: Vec<Object> = {
        let prev = inc.get_prev_documents();
        let page = prev.get_dictionary(pid).map_err(w)?;
        match page.get(b"Contents") {
            Ok(Object::Reference(id)) => match prev.get_object(*id) {
                Ok(Object::Array(a)) => a.clone(),
                _ => vec![Object::Reference(*id)],
            },
            Ok(Object::Array(a)) => a.clone(),
            _ => Vec::new(),
        }
    };
    let open = inc
        .new_document
        .add_object(Stream::new(lopdf::Dictionary::new(), b"q\n".to_vec()));
    let paint = format!(
        "Q\nq {} {} {} {} {} {} cm /{} Do Q\n",
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        m[5],
        String::from_utf8_lossy(&name)
    );
    let close = inc
        .new_document
        .add_object(Stream::new(lopdf::Dictionary::new(), paint.into_bytes()));
    let mut contents = vec![Object::Reference(open)];
    contents.extend(old);
    contents.push(Object::Reference(close));
    inc.opt_clone_object_to_new_document(pid).map_err(w)?;
    let page = inc
        .new_document
        .get_object_mut(pid)
        .and_then(Object::as_dict_mut)
        .map_err(w)?;
    page.set("Contents", Object::Array(contents));
    Ok(())
}

/// Writes the XMP with the mark: the catalog's metadata stream is replaced under its own id
/// (the catalog is untouched) or, without one, a new stream is added to a copy of the catalog.
fn set_metadata(inc: &mut IncrementalDocument, meta: &XmpMark) -> Result<(), PdfError> {
    let w = |e: lopdf::Error| PdfError::Write(e.to_string());
    let prev = inc.get_prev_documents();
    let root = prev
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(w)?;
    let existing = prev
        .get_dictionary(root)
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|m| m.as_reference().ok());
    let old_xmp = existing
        .and_then(|id| prev.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| s.decompressed_content().ok())
        .and_then(|b| String::from_utf8(b).ok());
    let packet = old_xmp
        .as_deref()
        .and_then(|x| xmp::merge(x, meta))
        .unwrap_or_else(|| xmp::new_packet(meta));
    let stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        packet.into_bytes(),
    )
    .with_compression(false);
    match existing {
        Some(id) if old_xmp.is_some() => {
            inc.new_document.objects.insert(id, Object::Stream(stream));
        }
        _ => {
            let id = inc.new_document.add_object(stream);
            inc.opt_clone_object_to_new_document(root).map_err(w)?;
            let cat = inc
                .new_document
                .get_object_mut(root)
                .and_then(Object::as_dict_mut)
                .map_err(w)?;
            cat.set("Metadata", Object::Reference(id));
        }
    }
    Ok(())
}
