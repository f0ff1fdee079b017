//! Loading untrusted PDFs: limits, encrypted refusal, damaged cross-reference data, page
//! geometry (inherited boxes, `/Rotate`, `/UserUnit`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use lopdf::{Dictionary, Document, IncrementalDocument, LoadOptions, Object, ObjectId};
use serde::{Deserialize, Serialize};

use super::PdfError;

/// Limits for untrusted PDF input. In JSON every field is optional (the defaults below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PdfLimits {
    /// Largest file accepted, bytes (default 256 MiB): lopdf holds the whole document in
    /// memory.
    pub max_file_bytes: usize,
    /// Largest size one stream may decompress to while loading, bytes (default 64 MiB; lopdf's
    /// `LoadOptions::max_decompressed_size`).
    pub max_decompressed_bytes: usize,
    /// Most pages accepted (default 10 000).
    pub max_pages: usize,
    /// Largest rendered page for QR verification, pixels (default 40 million): the resolution
    /// is lowered to fit.
    pub max_render_pixels: u64,
    /// Time budget in milliseconds, checked between stages (load, stamp, render, decode);
    /// `0` = none (default 60 000). A single stage is not interrupted.
    pub time_budget_ms: u64,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_file_bytes: 256 * 1024 * 1024,
            max_decompressed_bytes: 64 * 1024 * 1024,
            max_pages: 10_000,
            max_render_pixels: 40_000_000,
            time_budget_ms: 60_000,
        }
    }
}

/// The time budget of one operation.
pub(crate) struct Budget {
    start: Instant,
    limit_ms: u64,
}

impl Budget {
    pub(crate) fn start(limits: &PdfLimits) -> Self {
        Budget {
            start: Instant::now(),
            limit_ms: limits.time_budget_ms,
        }
    }

    /// Fails when the budget is spent, naming the stage about to start.
    pub(crate) fn check(&self, stage: &'static str) -> Result<(), PdfError> {
        if self.limit_ms > 0 && self.start.elapsed().as_millis() > u128::from(self.limit_ms) {
            return Err(PdfError::TimeLimit {
                stage,
                limit_ms: self.limit_ms,
            });
        }
        Ok(())
    }
}

/// Runs a third-party parser or renderer on untrusted input: a panic inside it becomes
/// [`PdfError::Internal`] instead of unwinding into the caller.
pub(crate) fn guarded<T>(
    stage: &'static str,
    f: impl FnOnce() -> Result<T, PdfError>,
) -> Result<T, PdfError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(Err(PdfError::Internal(stage)))
}

/// A key lopdf never writes, set on the image streams whose data [`load`] dropped.
const ELIDED: &[u8] = b"EgovElidedImageData";

/// lopdf's load filter: drops the data of image XObjects as they are parsed. Nothing egov does
/// with the object graph reads image data (pages are rendered by hayro from the file's bytes),
/// and in a scanned document the images are nearly the whole file: keeping them doubled the
/// memory of stamping, signing or verifying a 215 MB scan (`benches/pdf_results.md`). Such a
/// stream keeps its dictionary, marked [`ELIDED`]; [`save_incremental`] refuses to write one.
fn elide_image_data(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(s) = object {
        if s.dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image")
        {
            s.content = Vec::new();
            s.dict.set(ELIDED, true);
        }
        // lopdf keeps the object it passed in, changed in place; it uses the returned one only
        // for members of object streams, which are never streams.
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
}

/// Whether `o` is an image stream whose data [`load`] dropped (its data cannot be compared).
pub(crate) fn is_elided(o: &Object) -> bool {
    matches!(o, Object::Stream(s) if s.dict.has(ELIDED))
}

/// The data of stream `s`, decoded when it has a `/Filter` (at most
/// `limits.max_decompressed_bytes`); `None` when it cannot be decoded within them.
pub(crate) fn stream_data(s: &lopdf::Stream, limits: &PdfLimits) -> Option<Vec<u8>> {
    if s.dict.has(b"Filter") {
        s.decompressed_content_with_limit(limits.max_decompressed_bytes)
            .ok()
    } else {
        Some(s.content.clone())
    }
}

/// Writes `inc`'s update after `original` and returns the whole file. The update is written
/// apart and `inc` (which holds its own copy of `original`) dropped before the output is
/// allocated, so at most two copies of the file are alive at once. Refuses to write an image
/// stream whose data [`load`] dropped.
pub(crate) fn save_incremental(
    mut inc: IncrementalDocument,
    original: &[u8],
) -> Result<Vec<u8>, PdfError> {
    if let Some((id, _)) = inc.new_document.objects.iter().find(|(_, o)| is_elided(o)) {
        return Err(PdfError::Write(format!(
            "object {} {} R is an image whose data was not loaded",
            id.0, id.1
        )));
    }
    let mut update = AfterPrefix {
        prefix: original,
        matched: true,
        update: Vec::with_capacity(64 * 1024),
    };
    inc.save_to(&mut update)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    if !update.matched || !update.prefix.is_empty() {
        return Err(PdfError::Write(
            "the original bytes did not stay the prefix".into(),
        ));
    }
    drop(inc);
    let mut pdf = Vec::with_capacity(original.len() + update.update.len());
    pdf.extend_from_slice(original);
    pdf.extend_from_slice(&update.update);
    Ok(pdf)
}

/// A writer that checks the first bytes written against `prefix` and keeps the rest.
struct AfterPrefix<'a> {
    prefix: &'a [u8],
    matched: bool,
    update: Vec<u8>,
}

impl std::io::Write for AfterPrefix<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.prefix.len());
        self.matched &= buf[..n] == self.prefix[..n];
        self.prefix = &self.prefix[n..];
        self.update.extend_from_slice(&buf[n..]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Loads a whole PDF under `limits`, without the data of its images ([`elide_image_data`]). Refuses encrypted files (`/Encrypt` in the trailer, with
/// or without a usable password) and files whose cross-reference data lopdf had to rebuild or
/// correct (`xref_start == 0` or a recovery), where an incremental update would not chain.
pub(crate) fn load(bytes: &[u8], limits: &PdfLimits) -> Result<Document, PdfError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(PdfError::TooLarge {
            size: bytes.len(),
            limit: limits.max_file_bytes,
        });
    }
    if !bytes.starts_with(b"%PDF-") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let options = LoadOptions {
        strict: false,
        max_decompressed_size: Some(limits.max_decompressed_bytes),
        filter: Some(elide_image_data),
        ..Default::default()
    };
    let doc = guarded("loading the PDF", || {
        Document::load_mem_with_options(bytes, options).map_err(|e| match e {
            lopdf::Error::Decryption(d) => PdfError::Encrypted(d.to_string()),
            lopdf::Error::InvalidPassword => PdfError::Encrypted(super::NEEDS_PASSWORD.into()),
            lopdf::Error::UnsupportedSecurityHandler(h) => PdfError::Encrypted(format!(
                "{}{}",
                super::SECURITY_HANDLER,
                String::from_utf8_lossy(&h)
            )),
            other => PdfError::Parse(other.to_string()),
        })
    })?;
    if doc.encryption_state.is_some() || doc.trailer.has(b"Encrypt") {
        let how = doc
            .get_encrypted()
            .ok()
            .and_then(|d| d.get(b"Filter").ok())
            .and_then(|f| f.as_name().ok())
            .map(|n| format!("{}{}", super::SECURITY_HANDLER, String::from_utf8_lossy(n)))
            .unwrap_or_else(|| super::ENCRYPT_DICTIONARY.into());
        return Err(PdfError::Encrypted(how));
    }
    if doc.xref_start == 0 {
        return Err(PdfError::XrefDamaged(
            "no readable startxref (xref_start = 0)".into(),
        ));
    }
    if let Some(r) = doc.xref_recovery {
        return Err(PdfError::XrefDamaged(format!("lopdf recovery {r:?}")));
    }
    let pages = doc.get_pages().len();
    if pages > limits.max_pages {
        return Err(PdfError::TooManyPages {
            count: pages,
            limit: limits.max_pages,
        });
    }
    Ok(doc)
}

/// The object id of page `page` (1-based).
pub(crate) fn page_id(doc: &Document, page: u32) -> Result<ObjectId, PdfError> {
    let pages = doc.get_pages();
    pages.get(&page).copied().ok_or(PdfError::NoSuchPage {
        page,
        count: pages.len(),
    })
}

/// A page's geometry in default user space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageGeometry {
    /// The visible area: CropBox ∩ MediaBox (llx, lly, urx, ury), in user units.
    pub(crate) crop: [f32; 4],
    /// `/Rotate` normalised to 0, 90, 180 or 270 (clockwise for display).
    pub(crate) rotate: u16,
    /// `/UserUnit` (points per user unit; default 1).
    pub(crate) user_unit: f32,
}

impl PageGeometry {
    /// Visible width and height in points as displayed (rotation applied).
    pub(crate) fn displayed_size_pt(&self) -> (f32, f32) {
        let w = (self.crop[2] - self.crop[0]) * self.user_unit;
        let h = (self.crop[3] - self.crop[1]) * self.user_unit;
        if self.rotate % 180 == 90 {
            (h, w)
        } else {
            (w, h)
        }
    }
}

/// Follows a reference (lopdf's `dereference`, which bounds chains); any other object is
/// itself.
pub(crate) fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// An attribute of the page or, when absent, of its ancestors (ISO 32000-1 §7.7.3.4), with
/// the depth of the page tree bounded.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut dict = page;
    for _ in 0..64 {
        if let Ok(v) = dict.get(key) {
            return resolve(doc, v);
        }
        let parent = dict.get(b"Parent").ok().and_then(|p| resolve(doc, p))?;
        dict = parent.as_dict().ok()?;
    }
    None
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    match resolve(doc, o)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn rect(doc: &Document, o: &Object) -> Option<[f32; 4]> {
    let a = o.as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let mut v = [0f32; 4];
    for (slot, item) in v.iter_mut().zip(a) {
        *slot = number(doc, item)?;
        if !slot.is_finite() {
            return None;
        }
    }
    // Normalise: any two opposite corners may be given.
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// Reads the page's geometry: CropBox (default MediaBox) clipped to the MediaBox, `/Rotate`
/// (possibly an indirect object, as in scanner output) and `/UserUnit`, all inheritable.
pub(crate) fn geometry(
    doc: &Document,
    page_id: ObjectId,
    page: u32,
) -> Result<PageGeometry, PdfError> {
    let bad = |reason: &str| PdfError::BadPage {
        page,
        reason: reason.to_owned(),
    };
    let dict = doc
        .get_dictionary(page_id)
        .map_err(|e| bad(&format!("page object unreadable: {e}")))?;
    let media = inherited(doc, dict, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .ok_or_else(|| bad("no usable /MediaBox"))?;
    let crop = inherited(doc, dict, b"CropBox")
        .and_then(|o| rect(doc, o))
        .unwrap_or(media);
    let crop = [
        crop[0].max(media[0]),
        crop[1].max(media[1]),
        crop[2].min(media[2]),
        crop[3].min(media[3]),
    ];
    if crop[2] - crop[0] < 1.0 || crop[3] - crop[1] < 1.0 {
        return Err(bad("the visible area (CropBox ∩ MediaBox) is empty"));
    }
    let rotate = inherited(doc, dict, b"Rotate")
        .and_then(|o| number(doc, o))
        .map(|r| r as i64)
        .unwrap_or(0);
    if rotate % 90 != 0 {
        return Err(bad(&format!("/Rotate {rotate} is not a multiple of 90")));
    }
    let rotate = u16::try_from(rotate.rem_euclid(360)).unwrap_or(0);
    let user_unit = dict
        .get(b"UserUnit")
        .ok()
        .and_then(|o| number(doc, o))
        .filter(|u| u.is_finite() && *u > 0.0 && *u <= 75_000.0)
        .unwrap_or(1.0);
    Ok(PageGeometry {
        crop,
        rotate,
        user_unit,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const SCAN: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/pdf/kodak-capture-ccitt-scan.pdf"
    );

    fn images(doc: &Document) -> Vec<(ObjectId, &lopdf::Stream)> {
        doc.objects
            .iter()
            .filter_map(|(id, o)| match o {
                Object::Stream(s)
                    if s.dict
                        .get(b"Subtype")
                        .and_then(Object::as_name)
                        .is_ok_and(|n| n == b"Image") =>
                {
                    Some((*id, s))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn load_drops_image_data_and_keeps_the_rest() {
        let bytes = std::fs::read(SCAN).unwrap();
        let doc = load(&bytes, &PdfLimits::default()).unwrap();
        let found = images(&doc);
        assert!(!found.is_empty(), "the scan has image XObjects");
        for (_, s) in &found {
            assert!(s.content.is_empty());
            assert!(s.dict.has(ELIDED));
            assert!(s.dict.has(b"Width"), "the dictionary is kept");
        }
        assert!(!doc.get_pages().is_empty());
    }

    #[test]
    fn save_incremental_refuses_an_elided_image_and_keeps_the_prefix() {
        let bytes = std::fs::read(SCAN).unwrap();
        let doc = load(&bytes, &PdfLimits::default()).unwrap();
        let (image, _) = images(&doc)[0];
        let pages = doc.get_pages();
        let page = *pages.get(&1).unwrap();

        let mut inc = IncrementalDocument::create_from(bytes.clone(), doc.clone());
        inc.opt_clone_object_to_new_document(image).unwrap();
        let err = save_incremental(inc, &bytes).unwrap_err();
        assert!(err.to_string().contains("image"), "{err}");

        let mut inc = IncrementalDocument::create_from(bytes.clone(), doc);
        inc.opt_clone_object_to_new_document(page).unwrap();
        let out = save_incremental(inc, &bytes).unwrap();
        assert!(out.len() > bytes.len());
        assert_eq!(&out[..bytes.len()], &bytes[..]);
        // The update chains: lopdf reads the result (with its image data this time).
        let again = Document::load_mem(&out).unwrap();
        assert_eq!(again.get_pages().len(), pages.len());
        assert!(images(&again).iter().all(|(_, s)| !s.content.is_empty()));
    }
}
