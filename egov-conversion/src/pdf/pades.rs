//! PAdES signatures (ETSI EN 319 142-1 baseline B-B, and B-T with a signature time-stamp) as an
//! incremental update: the agency's digital signature that NĐ 30/2020 Đ25 asks of an electronic
//! copy and NĐ 137/2024 Đ4.1.b–c of notarised, clerical and administrative-procedure
//! conversions (CONV-05, CONV-06).
//!
//! The update adds a signature dictionary (`/SubFilter /ETSI.CAdES.detached`, `/M` the signing
//! time), an invisible signature field on page 1 and the AcroForm entry (`/SigFlags 3`); the
//! CMS (egov-sign: `content-type`, `message-digest`, `signing-certificate-v2`, the chain; no
//! `signing-time`, as PAdES requires) signs every byte of the file except the `/Contents` hex
//! string, whose place is reserved then filled. The bytes before the update are untouched.

use egov_core::VnDateTime;
use egov_sign::cms::{self, CmsSignOptions, TimeStamper};
use egov_sign::{DigestAlgorithm, Signer};
use lopdf::{dictionary, Dictionary, IncrementalDocument, Object, StringFormat};
use serde::{Deserialize, Serialize};

use super::annots::append_annotation;
use super::draw::text_block_pdf;
use super::load::{geometry, guarded, load, page_id, save_incremental, Budget, PdfLimits};
use super::mdp::docmdp_permission;
use super::stamp::{import_page_as_form, place, placement_matrix, Corner, Placement};
use super::PdfError;

/// How to sign a PDF.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PadesOptions {
    /// The signature field's name (default `Signature1`, `Signature2`, … the first free).
    pub field_name: Option<String>,
    /// `/Reason` (e.g. «Sao từ văn bản giấy»).
    pub reason: Option<String>,
    /// `/Location` (e.g. «Hà Nội»).
    pub location: Option<String>,
    /// `/ContactInfo`.
    pub contact_info: Option<String>,
    /// `/M`, the signing time the signer claims (default now). Not independent evidence: a
    /// signature time-stamp (B-T) is.
    pub signing_time: Option<VnDateTime>,
    /// The digest (default: the signer's algorithm's, SHA-256 for RSA and P-256).
    pub digest: Option<DigestAlgorithm>,
    /// Bytes reserved for the CMS (default: the certificates plus 8 KiB, plus 12 KiB with a
    /// time-stamp).
    pub reserve_bytes: Option<usize>,
    /// A visible signature (default: invisible, a field with an empty rectangle).
    pub appearance: Option<SignatureAppearance>,
    /// Limits for the input.
    pub limits: PdfLimits,
}

/// A visible signature: lines of text (no image, as NĐ 30/2020 Phụ lục I asks of an electronic
/// copy: the copy form, the copying agency, the signing time) in a box on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SignatureAppearance {
    /// The page, 1-based (default 1).
    pub page: u32,
    /// The lines, top first.
    pub lines: Vec<String>,
    /// Text size in points (default 10).
    pub size_pt: f32,
    /// The corner of the page as displayed (default top right).
    pub corner: Corner,
    /// Distance from the page edges, millimetres (default 10). When the block would cover
    /// page content there (a national heading at the top right), smaller margins down to 2 mm
    /// are tried, the corner's closest blank place kept; none blank: the margin given.
    pub margin_mm: f32,
}

impl Default for SignatureAppearance {
    fn default() -> Self {
        SignatureAppearance {
            page: 1,
            lines: Vec::new(),
            size_pt: 10.0,
            corner: Corner::TopRight,
            margin_mm: 10.0,
        }
    }
}

/// The appearance laid out on its page: the text block, its place and orientation.
struct Layout {
    page: lopdf::ObjectId,
    pdf: Vec<u8>,
    w: f32,
    h: f32,
    matrix: [f32; 6],
    rect: super::RectPt,
}

fn layout(
    original: &[u8],
    doc: &lopdf::Document,
    a: &SignatureAppearance,
    limits: &PdfLimits,
) -> Result<Layout, PdfError> {
    if a.lines.is_empty() {
        return Err(PdfError::BadOption {
            field: "appearance.lines",
            reason: "a visible signature needs at least one line".into(),
        });
    }
    let page = page_id(doc, a.page)?;
    let geo = geometry(doc, page, a.page)?;
    let (pdf, w, h) = text_block_pdf(&a.lines, a.size_pt)?;
    let at = |margin_mm: f32| {
        place(
            &Placement::Corner {
                corner: a.corner,
                margin_mm,
            },
            a.page,
            geo.displayed_size_pt(),
            (w, h),
        )
    };
    let (mut u, mut v) = at(a.margin_mm)?;
    let rendered = guarded("rendering the page", || {
        super::raster::render_page(original, a.page, 36, limits.max_render_pixels)
            .map_err(PdfError::Parse)
    });
    if let Ok((img, dpi)) = rendered {
        if super::raster::covers_content(&img, dpi, u, v, w, h) {
            for m in [7.0, 5.0, 3.0, 2.0]
                .into_iter()
                .filter(|m| *m < a.margin_mm)
            {
                if let Ok((mu, mv)) = at(m) {
                    if !super::raster::covers_content(&img, dpi, mu, mv, w, h) {
                        (u, v) = (mu, mv);
                        break;
                    }
                }
            }
        }
    }
    let (matrix, rect) = placement_matrix(&geo, u, v, h, w);
    Ok(Layout {
        page,
        pdf,
        w,
        h,
        matrix,
        rect,
    })
}

/// A signed PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedPdf {
    /// The whole output: the input bytes, then the update.
    pub pdf: Vec<u8>,
    /// The signed byte ranges `[0, a, b, n]`: `file[0..a]` and `file[b..b+n]`.
    pub byte_range: [u64; 4],
    /// The field's name.
    pub field_name: String,
    /// Length of the CMS in bytes (of the reserved space).
    pub cms_len: usize,
    /// The space reserved.
    pub reserved: usize,
    /// Length of the input (the revision before the signature).
    pub original_len: usize,
}

const PLACEHOLDER: i64 = 9_999_999_999;

/// PDF date `D:YYYYMMDDHHmmSS+07'00'` in Vietnam time.
pub(crate) fn pdf_date(t: VnDateTime) -> String {
    format!("D:{}+07'00'", t.naive_local().format("%Y%m%d%H%M%S"))
}

fn text(s: &str) -> Object {
    // PDF text string: PDFDocEncoding covers ASCII; anything else as UTF-16BE with a BOM.
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut b = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        Object::String(b, StringFormat::Hexadecimal)
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Signs `original` with an approval signature (PAdES-B-B; B-T when `timestamper` is given)
/// appended as one incremental update.
///
/// Errors: [`PdfError::Encrypted`] / [`PdfError::XrefDamaged`] / limits as for stamping;
/// [`PdfError::Locked`] when a certification signature allows no change (DocMDP P=1);
/// [`PdfError::Sign`] when the signer, its certificate or the time-stamping service fails, or
/// the CMS does not fit the reserved space.
pub fn sign_pdf(
    original: &[u8],
    signer: &dyn Signer,
    timestamper: Option<&dyn TimeStamper>,
    opts: &PadesOptions,
) -> Result<SignedPdf, PdfError> {
    let budget = Budget::start(&opts.limits);
    let doc = load(original, &opts.limits)?;
    if docmdp_permission(&doc) == Some(1) {
        return Err(PdfError::Locked {
            permission: 1,
            change: "adding a signature",
        });
    }
    let visible = opts
        .appearance
        .as_ref()
        .map(|a| layout(original, &doc, a, &opts.limits))
        .transpose()?;
    let page = match &visible {
        Some(l) => l.page,
        None => page_id(&doc, 1)?,
    };
    let certs = signer.certificates();
    if certs.is_empty() {
        return Err(PdfError::Sign("the signer gives no certificate".into()));
    }
    let reserved = opts.reserve_bytes.unwrap_or_else(|| {
        certs.iter().map(Vec::len).sum::<usize>()
            + 8192
            + if timestamper.is_some() { 12288 } else { 0 }
    });
    let when = opts.signing_time.unwrap_or_else(egov_sign::chain::now);
    budget.check("signing")?;

    let mut inc = IncrementalDocument::create_from(original.to_vec(), doc);
    let field_name = guarded("writing the signature field", || {
        add_signature(&mut inc, page, visible.as_ref(), reserved, when, opts)
    })?;
    let mut out = save_incremental(inc, original)?;
    // Where lopdf wrote the placeholders (in the update only).
    let hex_zeros = {
        let mut v = vec![b'<'];
        v.extend(std::iter::repeat_n(b'0', 2 * reserved));
        v.push(b'>');
        v
    };
    let a = find(&out, &hex_zeros, original.len())
        .ok_or_else(|| PdfError::Write("the /Contents placeholder was not written".into()))?;
    let b = a + hex_zeros.len();
    let br_text = format!("[0 {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}]");
    let br_at = find(&out, br_text.as_bytes(), original.len())
        .ok_or_else(|| PdfError::Write("the /ByteRange placeholder was not written".into()))?;
    let n = out.len() - b;
    let range = [0u64, a as u64, b as u64, n as u64];
    let mut filled = format!("[0 {} {} {}]", range[1], range[2], range[3]);
    if filled.len() > br_text.len() {
        return Err(PdfError::Write(
            "the file is too large for the byte range".into(),
        ));
    }
    while filled.len() < br_text.len() {
        filled.insert(filled.len() - 1, ' ');
    }
    out[br_at..br_at + br_text.len()].copy_from_slice(filled.as_bytes());

    let cms_opts = CmsSignOptions {
        digest: opts.digest,
        signing_time: None,
        timestamper,
    };
    let digest = cms::digest_algorithm(signer, &cms_opts);
    let mut h = digest.hasher();
    h.update(&out[..a]);
    h.update(&out[b..]);
    let cms = cms::sign_detached(signer, &h.finish(), &cms_opts)
        .map_err(|e| PdfError::Sign(e.to_string()))?;
    if cms.len() > reserved {
        return Err(PdfError::Sign(format!(
            "the signature ({} bytes) is larger than the {reserved} bytes reserved; sign again with reserve_bytes of at least {}",
            cms.len(),
            cms.len() + 1024
        )));
    }
    let hex: String = cms.iter().map(|x| format!("{x:02X}")).collect();
    out[a + 1..a + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    budget.check("signing")?;
    Ok(SignedPdf {
        pdf: out,
        byte_range: range,
        field_name,
        cms_len: cms.len(),
        reserved,
        original_len: original.len(),
    })
}

/// Adds the signature dictionary, the field/widget on page 1 and the AcroForm entry.
fn add_signature(
    inc: &mut IncrementalDocument,
    page: lopdf::ObjectId,
    visible: Option<&Layout>,
    reserved: usize,
    when: VnDateTime,
    opts: &PadesOptions,
) -> Result<String, PdfError> {
    let w = |e: lopdf::Error| PdfError::Write(e.to_string());
    let prev = inc.get_prev_documents();
    let root = prev
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(w)?;
    // The AcroForm as it is: inline in the catalog, or its own object.
    let catalog = prev.get_dictionary(root).map_err(w)?.clone();
    let form_ref = catalog
        .get(b"AcroForm")
        .ok()
        .and_then(|o| o.as_reference().ok());
    let form: Dictionary = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => prev.get_dictionary(*id).map_err(w)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut fields: Vec<Object> = match form.get(b"Fields") {
        Ok(Object::Reference(id)) => prev
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    let names: Vec<Vec<u8>> = fields
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .filter_map(|id| prev.get_dictionary(id).ok())
        .filter_map(|d| {
            d.get(b"T")
                .ok()
                .and_then(|t| t.as_str().ok())
                .map(<[u8]>::to_vec)
        })
        .collect();
    let field_name = match &opts.field_name {
        Some(n) if names.iter().any(|x| x == n.as_bytes()) => {
            return Err(PdfError::BadOption {
                field: "field_name",
                reason: format!("the document already has a field named {n:?}"),
            })
        }
        Some(n) if n.is_empty() || n.contains('.') => {
            return Err(PdfError::BadOption {
                field: "field_name",
                reason: "a field name is not empty and has no period".into(),
            })
        }
        Some(n) => n.clone(),
        None => (1..)
            .map(|i| format!("Signature{i}"))
            .find(|n| !names.iter().any(|x| x == n.as_bytes()))
            .unwrap_or_else(|| "Signature".into()),
    };

    let mut sig = dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![
            Object::Integer(0),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
        ],
        "Contents" => Object::String(vec![0u8; reserved], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(when)),
    };
    for (key, value) in [
        ("Reason", &opts.reason),
        ("Location", &opts.location),
        ("ContactInfo", &opts.contact_info),
    ] {
        if let Some(v) = value {
            sig.set(key, text(v));
        }
    }
    let sig_id = inc.new_document.add_object(sig);
    let mut widget = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text(&field_name),
        "V" => Object::Reference(sig_id),
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        // Print (4) and Locked (128): printed with the page, cannot be moved.
        "F" => 132,
        "P" => Object::Reference(page),
    };
    if let Some(l) = visible {
        let form = import_page_as_form(&l.pdf, l.w, l.h, &mut inc.new_document)?;
        // The form is drawn upright on the page as displayed: its matrix is the page rotation.
        if let Ok(Object::Stream(s)) = inc.new_document.get_object_mut(form) {
            let m = l.matrix;
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
        let r = l.rect;
        widget.set(
            "Rect",
            vec![
                Object::Real(r.x),
                Object::Real(r.y),
                Object::Real(r.x + r.w),
                Object::Real(r.y + r.h),
            ],
        );
        widget.set("AP", dictionary! { "N" => Object::Reference(form) });
    }
    let widget_id = inc.new_document.add_object(widget);

    // The page's /Annots gets the widget.
    append_annotation(inc, page, widget_id)?;
    // The AcroForm: its fields get the widget (a field and its widget are one object), and
    // SigFlags 3 (SignaturesExist, AppendOnly).
    fields.push(Object::Reference(widget_id));
    let mut form = form;
    form.set("Fields", Object::Array(fields));
    form.set("SigFlags", 3);
    match form_ref {
        Some(id) => {
            inc.new_document
                .objects
                .insert(id, Object::Dictionary(form));
        }
        None => {
            inc.opt_clone_object_to_new_document(root).map_err(w)?;
            inc.new_document
                .get_object_mut(root)
                .and_then(Object::as_dict_mut)
                .map_err(w)?
                .set("AcroForm", Object::Dictionary(form));
        }
    }
    Ok(field_name)
}
