//! What each revision appended after a signature changes (DOC-18, QĐ 28/2018/QĐ-TTg Đ6.1:
//! integrity means knowing what the signature covers and what was added later).
//!
//! A signature covers the revision it ends with; a later revision is either an update a
//! validator permits after signing or a change of what was signed. The permitted updates are
//! those of PAdES long-term validation (ETSI EN 319 142-1 B-LT and B-LTA: validation data in
//! the document security store `/DSS`, document time-stamps) and, unless a certification
//! signature allows no change (DocMDP `/P 1`, ISO 32000-1 §12.8.2.2), further signatures in
//! signature fields. This is the classification pyHanko's difference analysis makes
//! (`ModificationLevel.LTA_UPDATES` and `FORM_FILLING` for signatures), and the tests compare
//! the two on the same files.
//!
//! How: the document is loaded as it stood at the end of each revision (the file's prefix up to
//! that `%%EOF`) and the objects the revision redefines are compared with their previous
//! values, by their place in the object graph, with pyHanko's standard policy: the catalogue
//! may change only its `/DSS`, `/AcroForm`, `/Extensions`, `/Metadata` (well-formed XMP),
//! `/MarkInfo` and `/Version`; the form only its `/Fields` (signature fields added),
//! `/SigFlags`, `/DR`, `/DA`, `/Q` and `/NeedAppearances`; a page only its `/Annots`
//! (signature widgets added); an empty signature field may receive its value and appearance;
//! the trailer's `/Info` may change; new objects must belong to an added signature or be
//! reachable only from the `/DSS` or `/Info` (or from nothing: an orphan). Anything else the
//! document uses that the revision redefines (a content stream, a font, an image, a field's
//! value) or frees is a change the signatures before it do not cover.
//!
//! Stricter than pyHanko in one place, on purpose: filling an ordinary form field (a text
//! field's value) after signing is "form filling" to pyHanko, permitted when no certification
//! forbids it; here it is a change, because a filled form shows something the signer did not
//! sign.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::{Deserialize, Serialize};

use super::load::{load, resolve, stream_data, Budget, PdfLimits};
use super::PdfError;
use egov_core::{Lang, Localize};

/// The catalogue entries a later revision may change: pyHanko's `ROOT_EXEMPT_STRICT_COMPARISON`
/// (`/Metadata` only as well-formed XMP).
const CATALOG_KEYS: [&[u8]; 6] = [
    b"DSS",
    b"AcroForm",
    b"Extensions",
    b"Metadata",
    b"MarkInfo",
    b"Version",
];

/// The form entries a later revision may change: pyHanko's
/// `ACROFORM_EXEMPT_STRICT_COMPARISON` and `/SigFlags`.
const FORM_KEYS: [&[u8]; 6] = [
    b"Fields",
    b"SigFlags",
    b"DR",
    b"DA",
    b"Q",
    b"NeedAppearances",
];

/// The entries an empty signature field may receive with its value (pyHanko's
/// `VALUE_UPDATE_KEYS`).
const FILL_KEYS: [&[u8]; 6] = [b"V", b"AP", b"AS", b"F", b"DA", b"Q"];

/// Whether `xml` is well-formed XMP: an `x:xmpmeta` root in the namespace `adobe:ns:meta/`, no
/// document type declaration (and so no entity of one). The check pyHanko's
/// `MetadataUpdateRule` makes before it permits an XMP update after signing.
fn is_well_formed_xmp(xml: &[u8]) -> bool {
    use quick_xml::events::Event;
    use quick_xml::name::{Namespace, ResolveResult};
    let mut reader = quick_xml::NsReader::from_reader(xml);
    let mut depth = 0usize;
    let mut root = None;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok(x) => x,
            Err(_) => return false,
        };
        let is_root = |ns: &ResolveResult, local: &str| {
            matches!(ns, ResolveResult::Bound(Namespace("adobe:ns:meta/"))) && local == "xmpmeta"
        };
        match event {
            Event::Start(_) | Event::Empty(_) if depth == 0 && root.is_some() => return false,
            Event::Start(e) if depth == 0 => {
                root = Some(is_root(&ns, e.local_name().as_ref()));
                depth += 1;
            }
            Event::Empty(e) if depth == 0 => root = Some(is_root(&ns, e.local_name().as_ref())),
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) if depth == 0 && !t.trim().is_empty() => return false,
            Event::DocType(_) => return false,
            Event::Eof => return depth == 0 && root == Some(true),
            _ => {}
        }
    }
}

/// Whether object `id` of `doc` is a stream of well-formed XMP.
fn holds_xmp(doc: &Document, id: ObjectId, limits: &PdfLimits) -> bool {
    let Ok(Object::Stream(s)) = doc.get_object(id) else {
        return false;
    };
    let Some(data) = stream_data(s, limits) else {
        return false;
    };
    is_well_formed_xmp(&data)
}

/// An update a validator permits after signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PermittedUpdate {
    /// Validation data in the document security store (`/DSS`: certificates, OCSP responses,
    /// CRLs; PAdES B-LT).
    ValidationData,
    /// A document time-stamp in a new signature field (PAdES B-LTA).
    DocumentTimestamp,
    /// A further signature in a signature field (not permitted when a certification signature
    /// allows no change).
    Signature,
    /// The document's metadata updated: well-formed XMP (`/Metadata`), the `/Info`
    /// dictionary, the catalogue's `/Version` or `/MarkInfo` (signing software records the
    /// modification date and producer; nothing a page shows).
    Metadata,
}

impl PermittedUpdate {
    /// English words for it.
    pub fn en(self) -> &'static str {
        match self {
            PermittedUpdate::ValidationData => "validation data (/DSS)",
            PermittedUpdate::DocumentTimestamp => "a document time-stamp",
            PermittedUpdate::Signature => "a signature",
            PermittedUpdate::Metadata => "updated document metadata (XMP, /Info, PDF version)",
        }
    }

    /// Vietnamese words for it.
    pub fn vi(self) -> &'static str {
        match self {
            PermittedUpdate::ValidationData => "dữ liệu kiểm tra hiệu lực chứng thư (/DSS)",
            PermittedUpdate::DocumentTimestamp => "dấu thời gian tài liệu",
            PermittedUpdate::Signature => "chữ ký số",
            PermittedUpdate::Metadata => {
                "cập nhật siêu dữ liệu tài liệu (XMP, /Info, số phiên bản định dạng PDF)"
            }
        }
    }
}

/// A change a later revision makes to what the signatures before it cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum OtherChange {
    /// An entry of the document catalogue other than `/DSS`, `/AcroForm`, `/Extensions`
    /// (`/Root` when the trailer names another catalogue with other entries).
    Catalog {
        /// The entry, e.g. `/Metadata`, `/Pages`.
        key: String,
    },
    /// An entry of the interactive form other than `/Fields` and `/SigFlags`, or a field
    /// removed from `/Fields`.
    Form {
        /// The entry.
        key: String,
    },
    /// A form field added, or an existing field changed, that is not a signature field
    /// receiving its first value.
    Field {
        /// Its object number.
        object: u32,
    },
    /// An entry of a page other than `/Annots`, or an annotation removed from it.
    Page {
        /// The page, 1-based.
        page: u32,
        /// The entry, e.g. `/Contents`, `/Resources`.
        key: String,
    },
    /// An annotation added to a page that is not a signature field's widget.
    Annotation {
        /// The page, 1-based.
        page: u32,
        /// The annotation's object number.
        object: u32,
    },
    /// A content stream of a page added or redefined: what the page shows.
    PageContent {
        /// The page, 1-based.
        page: u32,
        /// The stream's object number.
        object: u32,
    },
    /// Another object the document uses, redefined or removed.
    Object {
        /// Its object number.
        object: u32,
    },
    /// Objects the revision adds that the document uses, other than those of an added
    /// signature (the fonts, images and forms a change brings along), listed once.
    ObjectsAdded {
        /// Their object numbers, in order.
        objects: Vec<u32>,
    },
    /// A signature added to a document whose certification signature allows no change
    /// (DocMDP `/P 1`).
    SignatureNotAllowed,
    /// The revision could not be compared (it does not load on its own, or the time budget
    /// was spent).
    NotCompared {
        /// Why, in English.
        reason: String,
        /// Why, in Vietnamese (CORE-06).
        #[serde(default)]
        reason_vi: String,
    },
}

/// `26, 27, 28` or, past eight, the first eight and how many more (`and N more` / `và N đối
/// tượng khác`).
fn object_list(objects: &[u32], more: &str) -> String {
    const SHOWN: usize = 8;
    let mut t: Vec<String> = objects.iter().take(SHOWN).map(u32::to_string).collect();
    if objects.len() > SHOWN {
        t.push(format!("{} {more}", objects.len() - SHOWN));
    }
    t.join(", ")
}

impl OtherChange {
    /// The change in English.
    pub fn en(&self) -> String {
        match self {
            OtherChange::Catalog { key } => format!("the document catalogue's {key} changed"),
            OtherChange::Form { key } => format!("the form's {key} changed"),
            OtherChange::Field { object } => {
                format!("form field (object {object}) added or changed")
            }
            OtherChange::Page { page, key } => format!("page {page}: {key} changed"),
            OtherChange::Annotation { page, object } => {
                format!("page {page}: annotation (object {object}) added")
            }
            OtherChange::PageContent { page, object } => {
                format!("page {page}: content stream (object {object}) added or changed")
            }
            OtherChange::Object { object } => format!("object {object} changed"),
            OtherChange::ObjectsAdded { objects } => format!(
                "{} new object(s) the document uses ({})",
                objects.len(),
                object_list(objects, "more")
            ),
            OtherChange::SignatureNotAllowed => {
                "a signature added where the certification allows no change (DocMDP P=1)".into()
            }
            OtherChange::NotCompared { reason, .. } => format!("not compared: {reason}"),
        }
    }

    /// The change in Vietnamese.
    pub fn vi(&self) -> String {
        match self {
            OtherChange::Catalog { key } => format!("mục {key} của danh mục tài liệu bị thay đổi"),
            OtherChange::Form { key } => format!("mục {key} của biểu mẫu bị thay đổi"),
            OtherChange::Field { object } => {
                format!("trường biểu mẫu (đối tượng {object}) được thêm hoặc thay đổi")
            }
            OtherChange::Page { page, key } => format!("trang {page}: mục {key} bị thay đổi"),
            OtherChange::Annotation { page, object } => {
                format!("trang {page}: thêm chú thích (đối tượng {object})")
            }
            OtherChange::PageContent { page, object } => {
                format!("trang {page}: nội dung trang (đối tượng {object}) được thêm hoặc thay đổi")
            }
            OtherChange::Object { object } => format!("đối tượng {object} bị thay đổi"),
            OtherChange::ObjectsAdded { objects } => format!(
                "thêm {} đối tượng mới mà tài liệu sử dụng ({})",
                objects.len(),
                object_list(objects, "đối tượng khác")
            ),
            OtherChange::SignatureNotAllowed => {
                "thêm chữ ký vào tài liệu có chữ ký chứng nhận không cho phép thay đổi (DocMDP P=1)"
                    .into()
            }
            OtherChange::NotCompared { reason, reason_vi } => {
                // A report written before the Vietnamese reason existed has only the English.
                let why = if reason_vi.is_empty() {
                    reason
                } else {
                    reason_vi
                };
                format!("không so sánh được: {why}")
            }
        }
    }
}

/// What one revision appended after a signature changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RevisionUpdate {
    /// The revision, 1-based (as [`super::PdfSignature::revision`]).
    pub revision: usize,
    /// The permitted updates it makes.
    pub adds: Vec<PermittedUpdate>,
    /// Every other change it makes to what the signatures before it cover; empty when it only
    /// makes the updates in `adds`.
    pub other_changes: Vec<OtherChange>,
    /// Nothing in `other_changes`: the signatures before it still cover everything the
    /// document shows.
    pub permitted: bool,
}

/// Compares every revision after `first` (1-based) with the one before it. `ends` are the
/// revisions' ends in `pdf` (after `%%EOF`); `latest` the whole document, already loaded;
/// `certified` its DocMDP permission.
pub(super) fn updates_after(
    pdf: &[u8],
    latest: &Document,
    ends: &[usize],
    first: usize,
    certified: Option<u8>,
    limits: &PdfLimits,
) -> Vec<RevisionUpdate> {
    let budget = Budget::start(limits);
    let load_at = |r: usize| -> Result<Document, (String, String)> {
        let said = |e: PdfError| (e.to_string(), e.message(Lang::Vi));
        budget.check("comparing the revisions").map_err(said)?;
        load(&pdf[..ends[r - 1]], limits).map_err(said)
    };
    let mut out = Vec::new();
    let mut before: Option<Result<Document, (String, String)>> = None;
    for revision in first + 1..=ends.len() {
        let old = before.take().unwrap_or_else(|| load_at(revision - 1));
        let loaded = (revision < ends.len()).then(|| load_at(revision));
        let new = loaded.as_ref().map_or(Ok(latest), |l| l.as_ref());
        let not_compared = |(reason, reason_vi): (String, String)| RevisionUpdate {
            revision,
            adds: Vec::new(),
            other_changes: vec![OtherChange::NotCompared { reason, reason_vi }],
            permitted: false,
        };
        out.push(match (&old, new) {
            (Err(why), _) | (_, Err(why)) => not_compared(why.clone()),
            // A revision whose own cross-reference section is not where the reader starts
            // (lopdf found an earlier startxref): what it holds is not compared, so not
            // passed over either.
            (Ok(_), Ok(new)) if new.xref_start < ends[revision - 2] => not_compared((
                "it has no cross-reference section of its own".into(),
                "phiên bản không có bảng tham chiếu chéo (cross-reference) của riêng nó".into(),
            )),
            (Ok(old), Ok(new)) => compare(old, new, revision, certified, limits),
        });
        before = loaded;
    }
    out
}

fn dict_at<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key)
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
}

/// The elements of the array `d[key]` (resolved), references kept as references.
fn array_at(doc: &Document, d: Option<&Dictionary>, key: &[u8]) -> Vec<Object> {
    d.and_then(|d| d.get(key).ok())
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
        .cloned()
        .unwrap_or_default()
}

fn indirect(d: Option<&Dictionary>, key: &[u8]) -> Option<ObjectId> {
    d.and_then(|d| d.get(key).ok())
        .and_then(|o| o.as_reference().ok())
}

fn name<'a>(d: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    d.get(key).ok().and_then(|o| o.as_name().ok())
}

fn key_text(k: &[u8]) -> String {
    format!("/{}", String::from_utf8_lossy(k))
}

/// The keys whose values differ between `a` and `b` (present in one only included).
fn differing_keys(a: Option<&Dictionary>, b: Option<&Dictionary>) -> BTreeSet<Vec<u8>> {
    let empty = Dictionary::new();
    let (a, b) = (a.unwrap_or(&empty), b.unwrap_or(&empty));
    a.iter()
        .map(|(k, _)| k)
        .chain(b.iter().map(|(k, _)| k))
        .filter(|k| a.get(k).ok() != b.get(k).ok())
        .cloned()
        .collect()
}

/// Where the cross-reference data says object `n` is: `None` when it is free or absent.
fn location(d: &Document, n: u32) -> Option<(bool, u32, u16)> {
    match d.reference_table.entries.get(&n)? {
        XrefEntry::Normal { offset, generation } => Some((false, *offset, *generation)),
        XrefEntry::Compressed { container, index } => Some((true, *container, *index)),
        XrefEntry::Free | XrefEntry::UnusableFree => None,
    }
}

/// Object number `n` of `d`, whatever its generation.
fn numbered(d: &Document, n: u32) -> Option<&Object> {
    d.objects
        .range((n, 0)..=(n, u16::MAX))
        .next()
        .map(|(_, o)| o)
}

fn is_structural(o: Option<&Object>) -> bool {
    matches!(o, Some(Object::Stream(s))
        if matches!(name(&s.dict, b"Type"), Some(b"XRef" | b"ObjStm")))
}

/// The objects `new` redefines, adds or frees relative to `old`, whose value differs (a stream
/// whose data [`load`] dropped counts as differing: its data was not compared).
fn changed_objects(old: &Document, new: &Document) -> BTreeSet<u32> {
    let ids: BTreeSet<u32> = old
        .reference_table
        .entries
        .keys()
        .chain(new.reference_table.entries.keys())
        .copied()
        .collect();
    ids.into_iter()
        .filter(|&n| location(old, n) != location(new, n))
        .filter(|&n| match (numbered(old, n), numbered(new, n)) {
            (Some(a), Some(b)) => a != b || super::load::is_elided(b),
            (None, None) => false,
            _ => true,
        })
        // Cross-reference and object streams are the file's structure, not its content.
        .filter(|&n| !is_structural(numbered(old, n)) && !is_structural(numbered(new, n)))
        .collect()
}

/// Every object reachable from `from` (by reference), not entering `skip` keys of the catalog.
fn reachable(doc: &Document, from: &[ObjectId], catalog: Option<ObjectId>) -> BTreeSet<u32> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<ObjectId> = from.to_vec();
    while let Some(id) = stack.pop() {
        if !seen.insert(id.0) {
            continue;
        }
        let Ok(o) = doc.get_object(id) else { continue };
        let skip_dss = Some(id) == catalog;
        push_refs(o, skip_dss, &mut stack);
    }
    seen
}

fn push_refs(o: &Object, skip_dss: bool, stack: &mut Vec<ObjectId>) {
    match o {
        Object::Reference(r) => stack.push(*r),
        Object::Array(a) => a.iter().for_each(|x| push_refs(x, false, stack)),
        Object::Dictionary(d) => d
            .iter()
            .filter(|(k, _)| !(skip_dss && k.as_slice() == b"DSS"))
            .for_each(|(_, x)| push_refs(x, false, stack)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, x)| push_refs(x, false, stack)),
        _ => {}
    }
}

/// Whether `id` is a signature field (or a widget of one) in `doc`.
fn is_signature_field(doc: &Document, id: ObjectId) -> bool {
    let Ok(d) = doc.get_dictionary(id) else {
        return false;
    };
    name(d, b"FT") == Some(b"Sig")
        || dict_at(doc, d, b"Parent").is_some_and(|p| name(p, b"FT") == Some(b"Sig"))
}

/// What the value of a signature field is: a document time-stamp or a signature.
fn signature_kind(doc: &Document, field: ObjectId) -> PermittedUpdate {
    let v = doc.get_dictionary(field).ok().and_then(|d| {
        dict_at(doc, d, b"V")
            .or_else(|| dict_at(doc, d, b"Parent").and_then(|p| dict_at(doc, p, b"V")))
    });
    match v {
        Some(v)
            if name(v, b"Type") == Some(b"DocTimeStamp")
                || name(v, b"SubFilter") == Some(b"ETSI.RFC3161") =>
        {
            PermittedUpdate::DocumentTimestamp
        }
        _ => PermittedUpdate::Signature,
    }
}

/// Compares revision `revision` (`new`) with the one before it (`old`).
fn compare(
    old: &Document,
    new: &Document,
    revision: usize,
    certified: Option<u8>,
    limits: &PdfLimits,
) -> RevisionUpdate {
    let changed = changed_objects(old, new);
    let added = changed
        .iter()
        .copied()
        .filter(|&n| numbered(old, n).is_none())
        .collect();
    let mut c = Comparison {
        old,
        new,
        limits,
        pages: new.get_pages(),
        changed,
        added,
        explained: BTreeSet::new(),
        adds: BTreeSet::new(),
        other: Vec::new(),
        signature_roots: Vec::new(),
    };
    c.catalogue();
    c.form();
    c.pages();
    c.new_signatures();
    if certified == Some(1) && c.adds.contains(&PermittedUpdate::Signature) {
        c.other.push(OtherChange::SignatureNotAllowed);
    }
    c.the_rest();
    RevisionUpdate {
        revision,
        adds: c.adds.into_iter().collect(),
        permitted: c.other.is_empty(),
        other_changes: c.other,
    }
}

/// One revision (`new`) against the one before it (`old`): the objects it changed, and what
/// each is found to be as the comparison goes (catalogue, form, pages, new signatures, the
/// rest).
struct Comparison<'a> {
    old: &'a Document,
    new: &'a Document,
    limits: &'a PdfLimits,
    /// The pages of `new` (number, object), walked once.
    pages: BTreeMap<u32, ObjectId>,
    /// Object numbers the revision redefined with another value, added or freed.
    changed: BTreeSet<u32>,
    /// Those absent before it.
    added: BTreeSet<u32>,
    /// Those accounted for by a step (permitted or reported).
    explained: BTreeSet<u32>,
    adds: BTreeSet<PermittedUpdate>,
    other: Vec<OtherChange>,
    /// Signature fields or widgets the revision adds or fills.
    signature_roots: Vec<ObjectId>,
}

impl<'a> Comparison<'a> {
    fn root(d: &Document) -> Option<ObjectId> {
        d.trailer
            .get(b"Root")
            .ok()
            .and_then(|r| r.as_reference().ok())
    }

    fn catalogs(&self) -> (Option<&'a Dictionary>, Option<&'a Dictionary>) {
        let (old, new) = (self.old, self.new);
        (
            Self::root(old).and_then(|r| old.get_dictionary(r).ok()),
            Self::root(new).and_then(|r| new.get_dictionary(r).ok()),
        )
    }

    /// The catalogue may change its `/DSS` (validation data), its `/Version`, `/MarkInfo` and
    /// XMP `/Metadata` (metadata), its `/AcroForm` (compared by [`Self::form`]) and
    /// `/Extensions`; nothing else.
    fn catalogue(&mut self) {
        let (old_cat, new_cat) = self.catalogs();
        if let Some(r) = Self::root(self.new) {
            self.explained.insert(r.0);
        }
        let metadata = indirect(new_cat, b"Metadata");
        let xmp = metadata.is_some_and(|m| holds_xmp(self.new, m, self.limits));
        for k in differing_keys(old_cat, new_cat) {
            match k.as_slice() {
                b"DSS" => {
                    self.adds.insert(PermittedUpdate::ValidationData);
                }
                b"Version" | b"MarkInfo" => {
                    self.adds.insert(PermittedUpdate::Metadata);
                }
                b"Metadata" if xmp => {
                    self.adds.insert(PermittedUpdate::Metadata);
                }
                k if CATALOG_KEYS.contains(&k) && k != b"Metadata" => {}
                _ => self.other.push(OtherChange::Catalog { key: key_text(&k) }),
            }
        }
        // The XMP stream redefined in place: permitted when it is still well-formed XMP.
        if let Some(m) = metadata.filter(|m| self.changed.contains(&m.0)) {
            self.explained.insert(m.0);
            if xmp {
                self.adds.insert(PermittedUpdate::Metadata);
            } else {
                self.other.push(OtherChange::Catalog {
                    key: "/Metadata".into(),
                });
            }
        }
    }

    /// The form may change `/Fields` (signature fields added, none removed), `/SigFlags`,
    /// `/DR`, `/DA`, `/Q`, `/NeedAppearances`; an existing field only as an empty signature
    /// field receiving its value.
    fn form(&mut self) {
        let (old, new) = (self.old, self.new);
        let (old_cat, new_cat) = self.catalogs();
        let old_form = old_cat.and_then(|c| dict_at(old, c, b"AcroForm"));
        let new_form = new_cat.and_then(|c| dict_at(new, c, b"AcroForm"));
        for id in [
            indirect(new_cat, b"AcroForm"),
            indirect(new_form, b"Fields"),
        ]
        .into_iter()
        .flatten()
        {
            self.explained.insert(id.0);
        }
        for k in differing_keys(old_form, new_form) {
            if !FORM_KEYS.contains(&k.as_slice()) {
                self.other.push(OtherChange::Form { key: key_text(&k) });
            }
        }
        let (old_fields, new_fields) = (
            array_at(old, old_form, b"Fields"),
            array_at(new, new_form, b"Fields"),
        );
        let removed = old_fields.iter().any(|f| !new_fields.contains(f));
        let inline = new_fields
            .iter()
            .any(|f| !old_fields.contains(f) && f.as_reference().is_err());
        if removed || inline {
            self.other.push(OtherChange::Form {
                key: "/Fields".into(),
            });
        }
        for f in new_fields.iter().filter_map(|f| f.as_reference().ok()) {
            let existed = old_fields.contains(&Object::Reference(f));
            if existed && !self.changed.contains(&f.0) {
                continue;
            }
            let filled = existed && {
                let (a, b) = (old.get_dictionary(f).ok(), new.get_dictionary(f).ok());
                a.is_some_and(|a| name(a, b"FT") == Some(b"Sig") && !a.has(b"V"))
                    && differing_keys(a, b)
                        .iter()
                        .all(|k| FILL_KEYS.contains(&k.as_slice()))
            };
            let created = !existed && is_signature_field(new, f) && self.added.contains(&f.0);
            if filled || created {
                self.signature_roots.push(f);
            } else {
                self.other.push(OtherChange::Field { object: f.0 });
            }
            self.explained.insert(f.0);
        }
    }

    /// A page may change only its `/Annots`, adding signature widgets (none removed).
    fn pages(&mut self) {
        let (old, new) = (self.old, self.new);
        for (&number, &page) in &self.pages {
            let (a, b) = (old.get_dictionary(page).ok(), new.get_dictionary(page).ok());
            let annots_id = indirect(b, b"Annots");
            if !self.changed.contains(&page.0)
                && !annots_id.is_some_and(|a| self.changed.contains(&a.0))
            {
                continue;
            }
            self.explained.insert(page.0);
            if let Some(a) = annots_id {
                self.explained.insert(a.0);
            }
            for k in differing_keys(a, b) {
                if k.as_slice() != b"Annots" {
                    self.other.push(OtherChange::Page {
                        page: number,
                        key: key_text(&k),
                    });
                }
            }
            let (old_annots, new_annots) =
                (array_at(old, a, b"Annots"), array_at(new, b, b"Annots"));
            let removed = old_annots.iter().any(|x| !new_annots.contains(x));
            let inline = new_annots
                .iter()
                .any(|x| !old_annots.contains(x) && x.as_reference().is_err());
            if removed || inline {
                self.other.push(OtherChange::Page {
                    page: number,
                    key: "/Annots".into(),
                });
            }
            for x in new_annots
                .iter()
                .filter(|x| !old_annots.contains(x))
                .filter_map(|x| x.as_reference().ok())
            {
                let widget = new
                    .get_dictionary(x)
                    .is_ok_and(|d| name(d, b"Subtype") == Some(b"Widget"));
                if widget && is_signature_field(new, x) && self.added.contains(&x.0) {
                    self.signature_roots.push(x);
                } else {
                    self.other.push(OtherChange::Annotation {
                        page: number,
                        object: x.0,
                    });
                    self.explained.insert(x.0);
                }
            }
        }
    }

    /// The signatures added or filled: their fields, widgets, values and appearances, reached
    /// through objects the revision adds (never through one it redefines).
    fn new_signatures(&mut self) {
        let mut seen = BTreeSet::new();
        for root in self.signature_roots.clone() {
            self.adds.insert(signature_kind(self.new, root));
            let mut stack = vec![root];
            while let Some(id) = stack.pop() {
                if !seen.insert(id.0) || !(self.added.contains(&id.0) || id == root) {
                    continue;
                }
                self.explained.insert(id.0);
                if let Ok(o) = self.new.get_object(id) {
                    push_refs(o, false, &mut stack);
                }
            }
        }
    }

    /// Every other changed object: a change when the document uses it (before or after) or
    /// when it is freed, validation data when only the `/DSS` reaches it, metadata when only
    /// `/Info` does, nothing when nothing does (an orphan: pyHanko clears those too).
    fn the_rest(&mut self) {
        let (old, new) = (self.old, self.new);
        let (old_root, new_root) = (Self::root(old), Self::root(new));
        let used_new = reachable(new, &new_root.into_iter().collect::<Vec<_>>(), new_root);
        let used_old = reachable(old, &old_root.into_iter().collect::<Vec<_>>(), old_root);
        let contents: BTreeMap<u32, u32> = self
            .pages
            .iter()
            .flat_map(|(&n, &p)| new.get_page_contents(p).into_iter().map(move |c| (c.0, n)))
            .collect();
        let from = |o: Option<&Object>| {
            let mut stack = Vec::new();
            if let Some(o) = o {
                push_refs(o, false, &mut stack);
            }
            reachable(new, &stack, None)
        };
        let info = from(new.trailer.get(b"Info").ok());
        let dss = from(self.catalogs().1.and_then(|c| c.get(b"DSS").ok()));
        // New objects the document uses are what a change brings along (a stamp's fonts and
        // forms): said once, after the changes that use them.
        let mut new_used = Vec::new();
        for n in self.changed.difference(&self.explained) {
            // Freeing an object is never a permitted update (pyHanko rejects every freeing
            // instruction as suspect), used or not.
            let freed = numbered(new, *n).is_none();
            if freed || used_new.contains(n) || used_old.contains(n) {
                match contents.get(n) {
                    Some(page) => self.other.push(OtherChange::PageContent {
                        page: *page,
                        object: *n,
                    }),
                    None if self.added.contains(n) && !freed => new_used.push(*n),
                    None => self.other.push(OtherChange::Object { object: *n }),
                }
            } else if dss.contains(n) {
                self.adds.insert(PermittedUpdate::ValidationData);
            } else if info.contains(n) {
                self.adds.insert(PermittedUpdate::Metadata);
            }
        }
        if !new_used.is_empty() {
            self.other
                .push(OtherChange::ObjectsAdded { objects: new_used });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::verify::eof_ends;
    use lopdf::{dictionary, IncrementalDocument, Stream};

    /// One page with a content stream and an image, a form with no field, an /Info.
    fn base() -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let image = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
            vec![0x80],
        ));
        let content = doc.add_object(Stream::new(
            Dictionary::new(),
            b"q 10 0 0 10 0 0 cm /Im1 Do Q".to_vec(),
        ));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let form = doc.add_object(dictionary! { "Fields" => Vec::<Object>::new() });
        let root = doc
            .add_object(dictionary! { "Type" => "Catalog", "Pages" => pages, "AcroForm" => form });
        let info = doc.add_object(dictionary! { "Title" => Object::string_literal("Công văn") });
        doc.trailer.set("Root", root);
        doc.trailer.set("Info", info);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn append(prev: &[u8], f: impl FnOnce(&mut IncrementalDocument)) -> Vec<u8> {
        let doc = Document::load_mem(prev).unwrap();
        let mut inc = IncrementalDocument::create_from(prev.to_vec(), doc);
        f(&mut inc);
        let mut out = Vec::new();
        inc.save_to(&mut out).unwrap();
        assert!(out.starts_with(prev));
        out
    }

    fn id_of(inc: &IncrementalDocument, ty: &[u8]) -> ObjectId {
        let d = inc.get_prev_documents();
        *d.objects
            .iter()
            .find(|(_, o)| match o {
                Object::Dictionary(d) => name(d, b"Type") == Some(ty),
                Object::Stream(s) => name(&s.dict, b"Subtype") == Some(ty),
                _ => false,
            })
            .unwrap()
            .0
    }

    fn updates(pdf: &[u8], certified: Option<u8>) -> Vec<RevisionUpdate> {
        let latest = load(pdf, &PdfLimits::default()).unwrap();
        updates_after(
            pdf,
            &latest,
            &eof_ends(pdf, 0),
            1,
            certified,
            &PdfLimits::default(),
        )
    }

    /// Adds a signature field with its widget on page 1 (`ty`: `Sig` or `DocTimeStamp`).
    fn add_signature(inc: &mut IncrementalDocument, ty: &str) {
        let page = id_of(inc, b"Page");
        let catalog = id_of(inc, b"Catalog");
        let form = inc
            .get_prev_documents()
            .get_dictionary(catalog)
            .unwrap()
            .get(b"AcroForm")
            .unwrap()
            .as_reference()
            .unwrap();
        let value = inc.new_document.add_object(dictionary! {
            "Type" => ty, "Filter" => "Adobe.PPKLite", "SubFilter" => "ETSI.CAdES.detached",
            "ByteRange" => vec![0.into(), 0.into(), 0.into(), 0.into()],
            "Contents" => Object::String(vec![0; 8], lopdf::StringFormat::Hexadecimal),
        });
        let field = inc.new_document.add_object(dictionary! {
            "FT" => "Sig", "T" => Object::string_literal("Ky1"), "Type" => "Annot", "Subtype" => "Widget",
            "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()], "P" => page, "V" => value,
        });
        inc.opt_clone_object_to_new_document(page).unwrap();
        inc.new_document
            .get_dictionary_mut(page)
            .unwrap()
            .set("Annots", vec![field.into()]);
        inc.opt_clone_object_to_new_document(form).unwrap();
        let form = inc.new_document.get_dictionary_mut(form).unwrap();
        form.set("Fields", vec![field.into()]);
        form.set("SigFlags", 3);
    }

    #[test]
    fn doc_18_a_signature_after_a_signature_is_permitted_unless_the_certification_allows_no_change()
    {
        let file = append(&base(), |inc| add_signature(inc, "Sig"));
        let u = updates(&file, None);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].adds, [PermittedUpdate::Signature]);
        assert!(u[0].permitted, "{u:#?}");
        assert!(updates(&file, Some(2))[0].permitted);
        let locked = updates(&file, Some(1));
        assert_eq!(locked[0].other_changes, [OtherChange::SignatureNotAllowed]);
        assert!(!locked[0].permitted);
        // A document time-stamp is permitted whatever the certification allows.
        let file = append(&base(), |inc| add_signature(inc, "DocTimeStamp"));
        let u = updates(&file, Some(1));
        assert_eq!(u[0].adds, [PermittedUpdate::DocumentTimestamp]);
        assert!(u[0].permitted, "{u:#?}");
    }

    #[test]
    fn doc_18_validation_data_alone_and_an_info_dictionary_update_are_permitted() {
        let file = append(&base(), |inc| {
            let catalog = id_of(inc, b"Catalog");
            let cert = inc
                .new_document
                .add_object(Stream::new(Dictionary::new(), vec![0x30, 0x00]));
            let dss = inc
                .new_document
                .add_object(dictionary! { "Certs" => vec![cert.into()] });
            inc.opt_clone_object_to_new_document(catalog).unwrap();
            inc.new_document
                .get_dictionary_mut(catalog)
                .unwrap()
                .set("DSS", dss);
        });
        let u = updates(&file, Some(1));
        assert_eq!(u[0].adds, [PermittedUpdate::ValidationData]);
        assert!(u[0].permitted, "{u:#?}");
        let file = append(&base(), |inc| {
            let info = inc.new_document.add_object(
                dictionary! { "Title" => Object::string_literal("Công văn (bản sửa)") },
            );
            inc.new_document.trailer.set("Info", info);
        });
        let u = updates(&file, None);
        assert_eq!(u[0].adds, [PermittedUpdate::Metadata]);
        assert!(u[0].permitted, "{u:#?}");
    }

    #[test]
    fn doc_18_only_well_formed_xmp_counts_as_a_metadata_update() {
        // The packet egov writes into a stamped PDF.
        let packet = crate::pdf::xmp::new_packet(&crate::pdf::xmp::XmpMark {
            payload: "EGCM:…".into(),
            original_length: 1,
            page: 1,
        });
        assert!(packet.starts_with("<?xpacket"), "{packet}");
        assert!(is_well_formed_xmp(packet.as_bytes()), "{packet}");
        for bad in [
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF>",
            "<xmpmeta/>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&e;</x:xmpmeta>",
            "BT (not XML) Tj ET",
            "",
        ] {
            assert!(!is_well_formed_xmp(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn doc_18_an_image_redefined_after_signing_is_a_change_though_its_data_is_not_loaded() {
        let file = append(&base(), |inc| {
            let image = id_of(inc, b"Image");
            inc.opt_clone_object_to_new_document(image).unwrap();
            if let Ok(Object::Stream(s)) = inc.new_document.get_object_mut(image) {
                s.set_plain_content(vec![0x00]);
            }
        });
        let u = updates(&file, None);
        assert!(!u[0].permitted);
        assert_eq!(u[0].other_changes.len(), 1, "{u:#?}");
        assert!(matches!(u[0].other_changes[0], OtherChange::Object { .. }));
    }

    /// A stamp drawn on a signed page (what `egov mark pdf stamp` does after `egov pdf sign`):
    /// the page's entries are named, and the new form, font and content it brings along are
    /// said once as new objects, not each as "changed".
    #[test]
    fn doc_18_new_objects_a_change_brings_along_are_listed_once() {
        let file = append(&base(), |inc| {
            let page = id_of(inc, b"Page");
            let font = inc.new_document.add_object(
                dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
            );
            let stamp = inc.new_document.add_object(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } } },
                b"BT /F1 8 Tf (x) Tj ET".to_vec(),
            ));
            let draw = inc
                .new_document
                .add_object(Stream::new(Dictionary::new(), b"/Stamp Do".to_vec()));
            inc.opt_clone_object_to_new_document(page).unwrap();
            let content = inc
                .get_prev_documents()
                .get_dictionary(page)
                .unwrap()
                .get(b"Contents")
                .unwrap()
                .clone();
            let p = inc.new_document.get_dictionary_mut(page).unwrap();
            p.set("Contents", vec![content, draw.into()]);
            p.set(
                "Resources",
                dictionary! { "XObject" => dictionary! { "Stamp" => stamp } },
            );
        });
        let u = updates(&file, None);
        assert!(!u[0].permitted);
        let changes = &u[0].other_changes;
        assert!(changes.contains(&OtherChange::Page {
            page: 1,
            key: "/Contents".into()
        }));
        assert!(changes.contains(&OtherChange::Page {
            page: 1,
            key: "/Resources".into()
        }));
        // The new content stream is the page's; the form and the font are listed together.
        assert!(
            changes
                .iter()
                .any(|c| matches!(c, OtherChange::PageContent { page: 1, .. })),
            "{changes:#?}"
        );
        let added: Vec<_> = changes
            .iter()
            .filter_map(|c| match c {
                OtherChange::ObjectsAdded { objects } => Some(objects.len()),
                _ => None,
            })
            .collect();
        assert_eq!(added, [2], "{changes:#?}");
        assert!(!changes
            .iter()
            .any(|c| matches!(c, OtherChange::Object { .. })));
        let vi: Vec<String> = changes.iter().map(OtherChange::vi).collect();
        assert!(
            vi.iter()
                .any(|t| t.starts_with("thêm 2 đối tượng mới mà tài liệu sử dụng (")),
            "{vi:?}"
        );
        let many = OtherChange::ObjectsAdded {
            objects: (26..=36).collect(),
        };
        assert_eq!(
            many.en(),
            "11 new object(s) the document uses (26, 27, 28, 29, 30, 31, 32, 33, 3 more)"
        );
    }

    #[test]
    fn doc_18_the_catalogue_and_a_page_are_named_when_they_change() {
        let file = append(&base(), |inc| {
            let (catalog, page) = (id_of(inc, b"Catalog"), id_of(inc, b"Page"));
            inc.opt_clone_object_to_new_document(catalog).unwrap();
            inc.new_document
                .get_dictionary_mut(catalog)
                .unwrap()
                .set("OpenAction", vec![page.into(), "Fit".into()]);
            inc.opt_clone_object_to_new_document(page).unwrap();
            inc.new_document
                .get_dictionary_mut(page)
                .unwrap()
                .set("Rotate", 90);
        });
        let u = updates(&file, None);
        assert_eq!(
            u[0].other_changes,
            [
                OtherChange::Catalog {
                    key: "/OpenAction".into()
                },
                OtherChange::Page {
                    page: 1,
                    key: "/Rotate".into()
                }
            ]
        );
        let vi: Vec<String> = u[0].other_changes.iter().map(OtherChange::vi).collect();
        assert_eq!(
            vi,
            [
                "mục /OpenAction của danh mục tài liệu bị thay đổi",
                "trang 1: mục /Rotate bị thay đổi"
            ]
        );
    }

    #[test]
    fn doc_18_an_annotation_written_inline_in_the_page_is_not_passed_over() {
        let file = append(&base(), |inc| {
            let page = id_of(inc, b"Page");
            inc.opt_clone_object_to_new_document(page).unwrap();
            inc.new_document.get_dictionary_mut(page).unwrap().set(
                "Annots",
                vec![Object::Dictionary(dictionary! {
                    "Type" => "Annot", "Subtype" => "FreeText",
                    "Rect" => vec![0.into(), 0.into(), 50.into(), 20.into()],
                    "Contents" => Object::string_literal("PAID"),
                })],
            );
        });
        let u = updates(&file, None);
        assert_eq!(
            u[0].other_changes,
            [OtherChange::Page {
                page: 1,
                key: "/Annots".into()
            }]
        );
    }

    #[test]
    fn doc_18_a_revision_without_its_own_cross_reference_section_is_not_passed_over() {
        let original = base();
        let mut file = original.clone();
        file.extend_from_slice(b"\n9 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
        let ends = eof_ends(&file, 0);
        // As the file stands, lopdf refuses it; read the other way (the latest document
        // being the original's), the last revision is not where reading starts.
        assert!(load(&file, &PdfLimits::default()).is_err());
        let latest = load(&original, &PdfLimits::default()).unwrap();
        let u = updates_after(&file, &latest, &ends, 1, None, &PdfLimits::default());
        assert_eq!(u.len(), 1);
        assert!(!u[0].permitted);
        assert_eq!(
            u[0].other_changes,
            [OtherChange::NotCompared {
                reason: "it has no cross-reference section of its own".into(),
                reason_vi: "phiên bản không có bảng tham chiếu chéo (cross-reference) của riêng nó"
                    .into()
            }]
        );
        // A middle revision that does not load is not compared either, nor the one after it.
        let later = append(&original, |inc| add_signature(inc, "Sig"));
        let mut file = original.clone();
        file.extend_from_slice(b"garbage %%EOF\n");
        let ends = [
            original.len(),
            file.len(),
            file.len() + later.len() - original.len(),
        ];
        file.extend_from_slice(&later[original.len()..]);
        let latest = load(&later, &PdfLimits::default()).unwrap();
        let u = updates_after(&file, &latest, &ends, 1, None, &PdfLimits::default());
        assert_eq!(u.len(), 2);
        assert!(
            u.iter().all(|u| !u.permitted
                && matches!(u.other_changes[..], [OtherChange::NotCompared { .. }])),
            "{u:#?}"
        );
    }
}
