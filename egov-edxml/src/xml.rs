//! The untrusted-input XML layer: a bounded, namespace-resolving tree of the package's markup,
//! with attachment text streamed out of it.
//!
//! Packages come from other agencies' systems (QĐ 28/2018/QĐ-TTg Đ9.1, DOC-28: the receiver
//! checks completeness, integrity and authenticity before accepting), so this layer:
//!
//! - refuses a `DOCTYPE` (no external entities, no entity expansion: only the five predefined
//!   entities and character references are read);
//! - bounds nesting depth, the number of elements and attributes, the length of every tag,
//!   comment and text node, and the whole input, **before** buffering (a budget reader under
//!   quick-xml fails the read as soon as one markup item outgrows its limit);
//! - resolves names by namespace URI, never by prefix (an unbound prefix is a deviation, not an
//!   error: namespace well-formedness is the sender's defect, XML well-formedness is the only
//!   reason to refuse);
//! - streams the text of attachment elements (`ContentTransferEncoded`, and `AttachmentData` of
//!   a non-standard gateway layout) to a callback in bounded chunks, so a 1 GB attachment never
//!   sits in memory;
//! - hashes the bytes as read (SHA-256 of the file as sent: the axis hashes the file, so a
//!   received package is forwarded as its original bytes, never re-serialised);
//! - reports every position as a byte offset, line and column.

use std::borrow::Cow;
use std::io::{self, BufRead};
use std::sync::Arc;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The QCVN 102:2016 namespace of edXML elements.
pub const NS_EDXML: &str = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
/// The XML Signature namespace.
pub const NS_DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
/// The `xml:` namespace (bound by definition).
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";
const NS_XMLNS: &str = "http://www.w3.org/2000/xmlns/";

/// A place in the input: byte offset (from 0), line and column (from 1; the column counts bytes,
/// as libxml2 and most editors' "byte column" do).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    /// Byte offset from the start of the input.
    pub offset: u64,
    /// Line, from 1.
    pub line: u64,
    /// Column in bytes, from 1.
    pub column: u64,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// Bounds on what a package may make the reader hold. Every one is checked before the data is
/// buffered. The defaults accept every real package seen (the largest is 1.4 MB; the PVN
/// validator caps files at 50 MB) with a wide margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Limits {
    /// Whole input, bytes (default 4 GiB).
    pub max_input_bytes: u64,
    /// Element nesting depth (default 64; real packages nest 8 deep).
    pub max_depth: usize,
    /// Elements in the markup tree, attachments' text excluded (default 100 000).
    pub max_elements: usize,
    /// Attributes on one element (default 64).
    pub max_attributes: usize,
    /// One tag, comment, processing instruction or CDATA section, bytes (default 64 KiB).
    pub max_markup_bytes: u64,
    /// One text node outside attachments, bytes (default 1 MiB).
    pub max_text_bytes: u64,
    /// Attachments in one package (default 1 000).
    pub max_attachments: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 4 << 30,
            max_depth: 64,
            max_elements: 100_000,
            max_attributes: 64,
            max_markup_bytes: 64 << 10,
            max_text_bytes: 1 << 20,
            max_attachments: 1_000,
        }
    }
}

/// Why an input could not be read as XML at all. Only malformed XML (and the limits above) stop
/// a read; every defect of content is a finding instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum XmlError {
    /// The input is not well-formed XML.
    #[error("not well-formed XML at {at}: {message}")]
    Malformed {
        /// Where.
        at: Location,
        /// What the parser found.
        message: String,
        /// The same in Vietnamese (CORE-06: the parser's English words are not put into a
        /// Vietnamese message).
        message_vi: String,
    },
    /// The input declares a document type. edXML has none; a DOCTYPE is refused so that no
    /// external entity is fetched and no entity is expanded.
    #[error("DOCTYPE refused at {at}: edXML packages have no document type; external entities and entity expansion are not allowed")]
    Doctype {
        /// Where.
        at: Location,
    },
    /// A limit of [`Limits`] was reached.
    #[error("limit exceeded at {at}: {what} over {limit}")]
    Limit {
        /// Where.
        at: Location,
        /// Which limit (`max_depth`, `max_text_bytes`, …).
        what: &'static str,
        /// Its value.
        limit: u64,
    },
    /// Reading the input, or writing an attachment to its sink, failed.
    #[error("I/O error at {at}: {source}")]
    Io {
        /// Where.
        at: Location,
        /// The error.
        #[source]
        source: io::Error,
    },
}

impl XmlError {
    /// A stable code (`edxml.malformed`, `edxml.doctype`, `edxml.limit`, `edxml.io`).
    pub fn code(&self) -> &'static str {
        match self {
            XmlError::Malformed { .. } => "edxml.malformed",
            XmlError::Doctype { .. } => "edxml.doctype",
            XmlError::Limit { .. } => "edxml.limit",
            XmlError::Io { .. } => "edxml.io",
        }
    }

    /// Where it happened.
    pub fn location(&self) -> Location {
        match self {
            XmlError::Malformed { at, .. }
            | XmlError::Doctype { at }
            | XmlError::Limit { at, .. }
            | XmlError::Io { at, .. } => *at,
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::ErrorCode for XmlError {
    fn code(&self) -> &'static str {
        XmlError::code(self)
    }
}

impl egov_core::Localize for XmlError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            XmlError::Malformed { at, message_vi, .. } => {
                egov_core::args!(at = at.vi(), message = message_vi)
            }
            XmlError::Doctype { at } => egov_core::args!(at = at.vi()),
            XmlError::Limit { at, what, limit } => {
                egov_core::args!(at = at.vi(), what = *what, limit = limit)
            }
            XmlError::Io { at, source } => {
                egov_core::args!(at = at.vi(), source = egov_core::i18n::io_reason_vi(source))
            }
        }
    }
}

impl Location {
    /// "dòng L, cột C (byte B)".
    pub fn vi(&self) -> String {
        format!(
            "dòng {}, cột {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// An expanded name: namespace URI (None = no namespace) and local name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Namespace URI, if any (shared with the declaration: no copy per element).
    pub ns: Option<Arc<str>>,
    /// Local name.
    pub local: String,
    /// The prefix as written (kept for diagnostics and for the lossless layer).
    pub prefix: Option<String>,
}

impl Name {
    /// Whether the name is `local` in the edXML namespace.
    pub fn is_edxml(&self, local: &str) -> bool {
        self.local == local && self.ns.as_deref() == Some(NS_EDXML)
    }
}

/// An attribute (namespace declarations excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Its expanded name.
    pub name: Name,
    /// Its normalised value.
    pub value: String,
}

/// One element of the markup tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Expanded name.
    pub name: Name,
    /// Attributes other than namespace declarations.
    pub attributes: Vec<Attribute>,
    /// Namespace declarations made on this element (prefix, URI); `None` prefix = default.
    pub namespace_decls: Vec<(Option<String>, String)>,
    /// Child elements in document order.
    pub children: Vec<Element>,
    /// Concatenated character data (references resolved, CDATA included), as written: never
    /// trimmed or normalised here.
    pub text: String,
    /// Where the start tag begins.
    pub at: Location,
    /// Byte range of the whole element, start tag `<` to end of the end tag.
    pub span: (u64, u64),
    /// For an element whose text was streamed (an attachment): the index of the stream.
    pub stream: Option<usize>,
}

impl Element {
    /// Children in the edXML namespace named `local`.
    pub fn children_named<'a>(&'a self, local: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name.local == local)
    }

    /// The first child named `local` (any namespace: callers check namespaces separately).
    pub fn child(&self, local: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name.local == local)
    }
}

/// A namespace problem that does not stop the read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamespaceIssue {
    /// Where.
    pub at: Location,
    /// The unbound prefix.
    pub prefix: String,
    /// The qualified name that used it.
    pub qname: String,
}

/// What reading produced.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document element.
    pub root: Element,
    /// Whether the input began with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Whether it had an XML declaration, and its encoding label.
    pub declaration: Option<Option<String>>,
    /// Line ending style seen: counts of CRLF and of lone LF line breaks.
    pub line_breaks: (u64, u64),
    /// Unbound prefixes met.
    pub namespace_issues: Vec<NamespaceIssue>,
    /// Input length, bytes.
    pub input_bytes: u64,
    /// SHA-256 of the input bytes exactly as read.
    pub sha256: [u8; 32],
    /// Whether the input ends with a line break.
    pub final_newline: bool,
}

/// Receives the text of attachment elements, chunk by chunk, exactly as written (base64 text,
/// with any whitespace): `begin` with the element (its earlier siblings already read), `chunk`
/// any number of times, then `end`.
pub trait TextStream {
    /// A streamed element starts. `index` counts streamed elements from 0; `parent` is the
    /// element holding it (its children read so far) and `element` its start.
    fn begin(&mut self, index: usize, parent: &Element, element: &Element) -> io::Result<()>;
    /// Raw text bytes (never split inside a UTF-8 sequence is NOT guaranteed; base64 is ASCII).
    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// The element's text ended.
    fn end(&mut self) -> io::Result<()>;
}

/// Which elements' text is streamed instead of kept: `ContentTransferEncoded` (any namespace)
/// and `AttachmentData` (the non-standard gateway layout).
pub fn is_streamed(local: &str) -> bool {
    local == "ContentTransferEncoded" || local == "AttachmentData"
}

// ---------------------------------------------------------------------------------------------
// The budget reader: counts, hashes, tracks lines, and fails a markup item that outgrows its limit.

#[derive(Debug)]
struct LimitHit;
impl std::fmt::Display for LimitHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("egov-edxml read budget exceeded")
    }
}
impl std::error::Error for LimitHit {}

struct Budget<R> {
    inner: R,
    /// Bytes consumed so far.
    pos: u64,
    /// Reading stops being allowed past this offset (None: unbounded, while streaming).
    stop_at: Option<u64>,
    /// What limit `stop_at` stands for.
    stop_what: &'static str,
    stop_limit: u64,
    max_input: u64,
    hasher: Sha256,
    /// Offsets of line feeds outside streamed text.
    newlines: Vec<u64>,
    /// Streamed stretches: (start, end, line feeds inside, offset of the last one).
    gaps: Vec<(u64, u64, u64, u64)>,
    streaming: Option<(u64, u64, u64)>,
    crlf: u64,
    lf: u64,
    last_byte: u8,
    /// The first bytes (BOM detection).
    head: Vec<u8>,
    /// Bytes consumed that quick-xml's offsets do not count (a UTF-8 byte-order mark).
    skew: u64,
}

impl<R: BufRead> Budget<R> {
    fn new(inner: R, max_input: u64) -> Self {
        Budget {
            inner,
            pos: 0,
            stop_at: None,
            stop_what: "",
            stop_limit: 0,
            max_input,
            hasher: Sha256::new(),
            newlines: Vec::new(),
            gaps: Vec::new(),
            streaming: None,
            crlf: 0,
            lf: 0,
            last_byte: 0,
            head: Vec::new(),
            skew: 0,
        }
    }

    fn limit(&mut self, bytes: u64, what: &'static str) {
        self.stop_at = Some(self.pos.saturating_add(bytes));
        self.stop_what = what;
        self.stop_limit = bytes;
    }

    /// The location of a reader offset (quick-xml does not count a UTF-8 byte-order mark, which
    /// this reader does: `skew` converts to offsets in the file).
    fn location(&self, reader_offset: u64) -> Location {
        let offset = reader_offset + self.skew;
        // Line feeds before `offset`, outside and inside streamed stretches.
        let idx = self.newlines.partition_point(|&n| n < offset);
        let mut lines = idx as u64;
        let mut last_nl = if idx > 0 {
            Some(self.newlines[idx - 1])
        } else {
            None
        };
        for &(start, end, count, last) in &self.gaps {
            if end <= offset {
                lines += count;
                if count > 0 && last_nl.is_none_or(|l| last > l) {
                    last_nl = Some(last);
                }
            } else if start < offset {
                // Inside a streamed stretch: line numbers are approximate there.
                break;
            }
        }
        let column = match last_nl {
            Some(nl) => offset - nl,
            None => offset + 1,
        };
        Location {
            offset,
            line: lines + 1,
            column,
        }
    }
}

impl<R: BufRead> io::Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Budget<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let mut cap = u64::MAX;
        if let Some(stop) = self.stop_at {
            cap = stop.saturating_sub(self.pos);
        }
        // Up to the input limit; one byte more is an error (an input of exactly the limit reads).
        cap = cap.min(self.max_input.saturating_sub(self.pos));
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(buf);
        }
        if cap == 0 {
            return Err(io::Error::other(LimitHit));
        }
        let n = usize::try_from(cap).unwrap_or(usize::MAX).min(buf.len());
        Ok(&buf[..n])
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let taken = &buf[..amt.min(buf.len())];
            self.hasher.update(taken);
            for i in memchr::memchr_iter(b'\n', taken) {
                {
                    let off = self.pos + i as u64;
                    let prev = if i > 0 { taken[i - 1] } else { self.last_byte };
                    if prev == b'\r' {
                        self.crlf += 1;
                    } else {
                        self.lf += 1;
                    }
                    match &mut self.streaming {
                        Some((_, count, last)) => {
                            *count += 1;
                            *last = off;
                        }
                        None => self.newlines.push(off),
                    }
                }
            }
            if self.head.len() < 3 {
                let more = (3 - self.head.len()).min(taken.len());
                self.head.extend_from_slice(&taken[..more]);
            }
            if let Some(&b) = taken.last() {
                self.last_byte = b;
            }
        }
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

// ---------------------------------------------------------------------------------------------

struct Scope {
    /// Namespace bindings declared by this element: (prefix, uri).
    decls: Vec<(Option<String>, Arc<str>)>,
}

struct NsStack {
    scopes: Vec<Scope>,
}

impl NsStack {
    fn resolve(&self, prefix: Option<&str>) -> Option<Option<Arc<str>>> {
        match prefix {
            Some("xml") => return Some(Some(Arc::from(NS_XML))),
            Some("xmlns") => return Some(Some(Arc::from(NS_XMLNS))),
            _ => {}
        }
        for scope in self.scopes.iter().rev() {
            for (p, uri) in scope.decls.iter().rev() {
                if p.as_deref() == prefix {
                    return Some(if uri.is_empty() {
                        None
                    } else {
                        Some(uri.clone())
                    });
                }
            }
        }
        // The default namespace is "none" when undeclared; a prefix must be bound.
        if prefix.is_none() {
            Some(None)
        } else {
            None
        }
    }
}

fn split_qname(q: &str) -> (Option<&str>, &str) {
    match q.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, q),
    }
}

/// Reads a whole document. `stream` receives the text of attachment elements
/// ([`is_streamed`]); everything else is kept in the returned tree.
pub fn read_document<R: BufRead>(
    input: R,
    limits: &Limits,
    stream: &mut dyn TextStream,
) -> Result<Document, XmlError> {
    let mut reader = Reader::from_reader(Budget::new(input, limits.max_input_bytes));
    {
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text_start = false;
        config.trim_text_end = false;
        config.check_comments = true;
    }
    let mut buf = Vec::new();
    let mut ns = NsStack { scopes: Vec::new() };
    // Open elements; the finished root lands in `root`.
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut elements = 0usize;
    let mut streams = 0usize;
    let mut issues = Vec::new();
    let mut declaration = None;

    loop {
        let start_pos = reader.buffer_position();
        // One event may buffer at most this much; the kind-specific limit is checked after.
        reader.get_mut().limit(
            limits.max_markup_bytes.max(limits.max_text_bytes),
            "max_markup_bytes or max_text_bytes",
        );
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => return Err(map_error(&reader, e, limits)),
        };
        let end_pos = reader.buffer_position();
        // quick-xml skips a byte-order mark without counting it; the reader counts every byte.
        let skew = reader.get_ref().pos.saturating_sub(end_pos);
        reader.get_mut().skew = skew;
        let here = |r: &Reader<Budget<R>>| r.get_ref().location(start_pos);
        if matches!(
            event,
            Event::Start(_) | Event::Empty(_) | Event::Comment(_) | Event::PI(_) | Event::CData(_)
        ) && end_pos - start_pos > limits.max_markup_bytes
        {
            return Err(XmlError::Limit {
                at: here(&reader),
                what: "max_markup_bytes",
                limit: limits.max_markup_bytes,
            });
        }
        match event {
            Event::Decl(d) => {
                if root.is_some() || !open.is_empty() || declaration.is_some() {
                    return Err(malformed_at(
                        here(&reader),
                        "XML declaration not at the start of the document",
                        "khai báo XML không nằm ở đầu tài liệu",
                    ));
                }
                let enc = d.encoding().and_then(|r| r.ok()).map(|c| c.into_owned());
                if let Some(label) = &enc {
                    if !label.eq_ignore_ascii_case("utf-8") && !label.eq_ignore_ascii_case("utf8") {
                        return Err(malformed_at(
                            here(&reader),
                            format!(
                                "encoding {label:?} is not supported: edXML packages are UTF-8"
                            ),
                            format!(
                                "bảng mã «{label}» không được hỗ trợ: gói tin edXML dùng UTF-8"
                            ),
                        ));
                    }
                }
                declaration = Some(enc);
            }
            Event::DocType(_) => return Err(XmlError::Doctype { at: here(&reader) }),
            Event::Start(e) => {
                let el = open_element(&reader, &e, start_pos, &mut ns, &mut issues, limits)?;
                elements += 1;
                check_counts(&reader, start_pos, elements, open.len() + 1, limits)?;
                if root.is_some() && open.is_empty() {
                    return Err(malformed_at(
                        here(&reader),
                        "content after the document element",
                        "có nội dung sau phần tử gốc của tài liệu",
                    ));
                }
                if is_streamed(&el.name.local) {
                    let mut el = el;
                    if streams >= limits.max_attachments {
                        return Err(XmlError::Limit {
                            at: here(&reader),
                            what: "max_attachments",
                            limit: limits.max_attachments as u64,
                        });
                    }
                    el.stream = Some(streams);
                    let empty_parent;
                    let parent = match open.last() {
                        Some(p) => p,
                        None => {
                            empty_parent = el.clone();
                            &empty_parent
                        }
                    };
                    let at = here(&reader);
                    stream
                        .begin(streams, parent, &el)
                        .map_err(|source| XmlError::Io { at, source })?;
                    stream_text(&mut reader, stream, limits)?;
                    stream.end().map_err(|source| XmlError::Io { at, source })?;
                    streams += 1;
                    open.push(el);
                } else {
                    open.push(el);
                }
            }
            Event::Empty(e) => {
                let mut el = open_element(&reader, &e, start_pos, &mut ns, &mut issues, limits)?;
                elements += 1;
                check_counts(&reader, start_pos, elements, open.len() + 1, limits)?;
                ns.scopes.pop();
                el.span = (
                    start_pos + reader.get_ref().skew,
                    end_pos + reader.get_ref().skew,
                );
                if is_streamed(&el.name.local) {
                    if streams >= limits.max_attachments {
                        return Err(XmlError::Limit {
                            at: here(&reader),
                            what: "max_attachments",
                            limit: limits.max_attachments as u64,
                        });
                    }
                    el.stream = Some(streams);
                    let at = here(&reader);
                    let parent = open.last().cloned().unwrap_or_else(|| el.clone());
                    stream
                        .begin(streams, &parent, &el)
                        .and_then(|()| stream.end())
                        .map_err(|source| XmlError::Io { at, source })?;
                    streams += 1;
                }
                attach(&mut open, &mut root, el, &reader, start_pos)?;
            }
            Event::End(_) => {
                ns.scopes.pop();
                match open.pop() {
                    Some(mut el) => {
                        el.span.1 = end_pos + reader.get_ref().skew;
                        attach(&mut open, &mut root, el, &reader, start_pos)?;
                    }
                    None => {
                        return Err(malformed_at(
                            here(&reader),
                            "end tag without a start tag",
                            "thẻ đóng không có thẻ mở tương ứng",
                        ))
                    }
                }
            }
            Event::Text(t) => {
                // Whitespace stays whitespace through line-end normalisation: indentation
                // between children is dropped before it is normalised (an allocation per
                // indented line of a CRLF file otherwise).
                let raw: &str = &t;
                match open.last_mut() {
                    Some(el) if !el.children.is_empty() && is_blank(raw) => {}
                    Some(el) => push_text(el, &t.xml10_content(), &reader, start_pos, limits)?,
                    None => {
                        if !is_blank(raw) {
                            return Err(malformed_at(
                                here(&reader),
                                "text outside the document element",
                                "có văn bản nằm ngoài phần tử gốc của tài liệu",
                            ));
                        }
                    }
                }
            }
            Event::CData(c) => {
                let text = c.xml10_content();
                match open.last_mut() {
                    Some(el) => push_text(el, &text, &reader, start_pos, limits)?,
                    None => {
                        return Err(malformed_at(
                            here(&reader),
                            "CDATA outside the document element",
                            "có khối CDATA nằm ngoài phần tử gốc của tài liệu",
                        ))
                    }
                }
            }
            Event::GeneralRef(r) => {
                let resolved = resolve_ref(&r).ok_or_else(|| {
                    malformed_at(
                        here(&reader),
                        format!(
                            "unknown entity &{};: only the five predefined entities and character references exist without a DOCTYPE",
                            &*r
                        ),
                        format!(
                            "thực thể «&{};» không xác định: không có DOCTYPE thì chỉ có năm thực thể định sẵn và tham chiếu ký tự",
                            &*r
                        ),
                    )
                })?;
                if !is_xml_char(resolved) {
                    return Err(malformed_at(
                        here(&reader),
                        format!(
                            "&{}; refers to {}, a character XML 1.0 does not allow",
                            &*r,
                            code_point(resolved)
                        ),
                        format!(
                            "tham chiếu «&{};» trỏ tới {}, ký tự mà XML 1.0 không cho phép",
                            &*r,
                            code_point(resolved)
                        ),
                    ));
                }
                match open.last_mut() {
                    Some(el) => {
                        let mut tmp = [0u8; 4];
                        push_text(
                            el,
                            resolved.encode_utf8(&mut tmp),
                            &reader,
                            start_pos,
                            limits,
                        )?
                    }
                    None => {
                        return Err(malformed_at(
                            here(&reader),
                            "reference outside the document element",
                            "có tham chiếu nằm ngoài phần tử gốc của tài liệu",
                        ))
                    }
                }
            }
            // Neither is kept, but a character XML 1.0 forbids makes the document malformed
            // there too (as libxml2 and the canonicaliser say).
            Event::Comment(c) => {
                if let Some(ch) = first_non_xml_char(&c) {
                    return Err(markup_char_error(here(&reader), ch));
                }
            }
            Event::PI(pi) => {
                if let Some(ch) = first_non_xml_char(&pi) {
                    return Err(markup_char_error(here(&reader), ch));
                }
            }
            Event::Eof => {
                if let Some(el) = open.last() {
                    return Err(malformed_at(
                        reader.get_ref().location(end_pos),
                        format!(
                            "input ends inside <{}> opened at {}",
                            qname(&el.name),
                            el.at
                        ),
                        format!(
                            "dữ liệu kết thúc khi phần tử <{}> mở tại {} chưa đóng",
                            qname(&el.name),
                            el.at.vi()
                        ),
                    ));
                }
                break;
            }
        }
    }
    let budget = reader.into_inner();
    let input_bytes = budget.pos;
    let final_newline = budget.last_byte == b'\n';
    let line_breaks = (budget.crlf, budget.lf);
    let sha256: [u8; 32] = budget.hasher.finalize().into();
    let root = root.ok_or_else(|| {
        malformed_at(
            Location {
                offset: input_bytes,
                line: 1,
                column: 1,
            },
            "no document element",
            "không có phần tử gốc (tài liệu rỗng)",
        )
    })?;
    let bom = budget.head.starts_with(&[0xEF, 0xBB, 0xBF]);
    Ok(Document {
        root,
        bom,
        declaration,
        line_breaks,
        namespace_issues: issues,
        input_bytes,
        sha256,
        final_newline,
    })
}

fn qname(n: &Name) -> String {
    match &n.prefix {
        Some(p) => format!("{p}:{}", n.local),
        None => n.local.clone(),
    }
}

fn check_counts<R: BufRead>(
    reader: &Reader<Budget<R>>,
    at: u64,
    elements: usize,
    depth: usize,
    limits: &Limits,
) -> Result<(), XmlError> {
    if depth > limits.max_depth {
        return Err(XmlError::Limit {
            at: reader.get_ref().location(at),
            what: "max_depth",
            limit: limits.max_depth as u64,
        });
    }
    if elements > limits.max_elements {
        return Err(XmlError::Limit {
            at: reader.get_ref().location(at),
            what: "max_elements",
            limit: limits.max_elements as u64,
        });
    }
    Ok(())
}

/// Only spaces, tabs and line breaks (XML white space).
fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn push_text<R: BufRead>(
    el: &mut Element,
    text: &str,
    reader: &Reader<Budget<R>>,
    at: u64,
    limits: &Limits,
) -> Result<(), XmlError> {
    // Indentation between child elements is not kept (it is never a value).
    if !el.children.is_empty()
        && text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        return Ok(());
    }
    if (el.text.len() + text.len()) as u64 > limits.max_text_bytes {
        return Err(XmlError::Limit {
            at: reader.get_ref().location(at),
            what: "max_text_bytes",
            limit: limits.max_text_bytes,
        });
    }
    if let Some(c) = first_non_xml_char(text) {
        return Err(malformed_at(
            reader.get_ref().location(at),
            format!(
                "the text holds {}, a character XML 1.0 does not allow",
                code_point(c)
            ),
            format!(
                "văn bản có ký tự {} mà XML 1.0 không cho phép",
                code_point(c)
            ),
        ));
    }
    el.text.push_str(text);
    Ok(())
}

fn attach<R: BufRead>(
    open: &mut [Element],
    root: &mut Option<Element>,
    el: Element,
    reader: &Reader<Budget<R>>,
    at: u64,
) -> Result<(), XmlError> {
    match open.last_mut() {
        Some(parent) => {
            // Indentation before the first child is not a value either.
            if parent.children.is_empty()
                && parent
                    .text
                    .bytes()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            {
                parent.text.clear();
            }
            parent.children.push(el)
        }
        None => {
            if root.is_some() {
                return Err(malformed_at(
                    reader.get_ref().location(at),
                    "more than one document element",
                    "có hơn một phần tử gốc",
                ));
            }
            *root = Some(el);
        }
    }
    Ok(())
}

/// A character XML 1.0 allows in a document (§2.2 `Char`): tab, line feed, carriage return,
/// and U+0020 upwards but the surrogates, U+FFFE and U+FFFF. libxml2 refuses the others, written
/// or referred to (`&#x1B;`), as not well-formed.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The first character of `text` that XML 1.0 does not allow, if any (one pass over the bytes
/// when there is none, as in every real package).
fn first_non_xml_char(text: &str) -> Option<char> {
    let suspect = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF);
    if !suspect {
        return None;
    }
    text.chars().find(|&c| !is_xml_char(c))
}

/// A comment or processing instruction holding `c`, which XML 1.0 does not allow.
fn markup_char_error(at: Location, c: char) -> XmlError {
    malformed_at(
        at,
        format!(
            "a comment or processing instruction holds {}, a character XML 1.0 does not allow",
            code_point(c)
        ),
        format!(
            "chú thích hoặc chỉ thị xử lý có ký tự {} mà XML 1.0 không cho phép",
            code_point(c)
        ),
    )
}

/// What a character XML 1.0 does not allow is said as: `U+001B`.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn resolve_ref(r: &BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c),
            _ => None,
        };
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

fn open_element<R: BufRead>(
    reader: &Reader<Budget<R>>,
    e: &BytesStart<'_>,
    start_pos: u64,
    ns: &mut NsStack,
    issues: &mut Vec<NamespaceIssue>,
    limits: &Limits,
) -> Result<Element, XmlError> {
    let at = reader.get_ref().location(start_pos);
    let malformed = |message: String, message_vi: String| malformed_at(at, message, message_vi);
    let qname = e.name();
    let qn: &str = qname.as_ref();
    let mut decls = Vec::new();
    let mut attributes = Vec::new();
    let mut has_prefixed = false;
    for (i, a) in e.attributes().with_checks(true).enumerate() {
        if i >= limits.max_attributes {
            return Err(XmlError::Limit {
                at,
                what: "max_attributes",
                limit: limits.max_attributes as u64,
            });
        }
        let a = a.map_err(|err| {
            malformed(
                format!("bad attribute on <{qn}>: {err}"),
                format!("thuộc tính sai trên <{qn}>: {}", attr_error_vi(&err)),
            )
        })?;
        let key: &str = a.key.as_ref();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| {
                malformed(
                    format!("bad value of attribute {key} on <{qn}>: {err}"),
                    format!(
                        "giá trị của thuộc tính {key} trên <{qn}> không hợp lệ: {}",
                        quick_xml_error_vi(&err)
                    ),
                )
            })?
            .into_owned();
        if let Some(c) = first_non_xml_char(&value) {
            return Err(malformed(
                format!(
                    "attribute {key} on <{qn}> holds {}, a character XML 1.0 does not allow",
                    code_point(c)
                ),
                format!(
                    "thuộc tính {key} trên <{qn}> có ký tự {} mà XML 1.0 không cho phép",
                    code_point(c)
                ),
            ));
        }
        if key == "xmlns" {
            decls.push((None, value));
        } else if let Some(p) = key.strip_prefix("xmlns:") {
            if value.is_empty() {
                return Err(malformed(
                    format!("prefix {p} bound to an empty namespace name"),
                    format!("tiền tố {p} gắn với tên không gian tên rỗng"),
                ));
            }
            decls.push((Some(p.to_owned()), value));
        } else {
            // Resolved below, once this element's own declarations are in scope.
            let (p, l) = split_qname(key);
            has_prefixed |= p.is_some();
            attributes.push(Attribute {
                name: Name {
                    ns: None,
                    local: l.to_owned(),
                    prefix: p.map(str::to_owned),
                },
                value,
            });
        }
    }
    if decls.is_empty() {
        ns.scopes.push(Scope { decls: Vec::new() });
    } else {
        ns.scopes.push(Scope {
            decls: decls
                .iter()
                .map(|(p, u)| (p.clone(), Arc::from(u.as_str())))
                .collect(),
        });
    }
    let (prefix, local) = split_qname(qn);
    let ns_uri = match ns.resolve(prefix) {
        Some(u) => u,
        None => {
            issues.push(NamespaceIssue {
                at,
                prefix: prefix.unwrap_or("").to_owned(),
                qname: qn.to_owned(),
            });
            None
        }
    };
    let name = Name {
        ns: ns_uri,
        local: local.to_owned(),
        prefix: prefix.map(str::to_owned),
    };
    if has_prefixed {
        for a in &mut attributes {
            let Some(p) = a.name.prefix.as_deref() else {
                continue;
            };
            a.name.ns = match ns.resolve(Some(p)) {
                Some(u) => u,
                None => {
                    issues.push(NamespaceIssue {
                        at,
                        prefix: p.to_owned(),
                        qname: format!("{p}:{}", a.name.local),
                    });
                    None
                }
            };
        }
    }
    Ok(Element {
        name,
        attributes,
        namespace_decls: decls,
        children: Vec::new(),
        text: String::new(),
        at,
        span: (
            start_pos + reader.get_ref().skew,
            start_pos + reader.get_ref().skew,
        ),
        stream: None,
    })
}

/// Streams the text after a start tag up to the next `<`, to `stream`, in the input's chunks.
fn stream_text<R: BufRead>(
    reader: &mut Reader<Budget<R>>,
    stream: &mut dyn TextStream,
    _limits: &Limits,
) -> Result<(), XmlError> {
    let start = reader.buffer_position();
    {
        let budget = reader.get_mut();
        budget.stop_at = None;
        budget.streaming = Some((start, 0, 0));
    }
    loop {
        let pos = reader.buffer_position();
        let mut s = reader.stream();
        let chunk = match s.fill_buf() {
            Ok(c) => c,
            Err(source) => {
                let is_limit = source.get_ref().is_some_and(|e| e.is::<LimitHit>());
                let budget = reader.get_ref();
                let at = budget.location(pos);
                return Err(if is_limit {
                    XmlError::Limit {
                        at,
                        what: "max_input_bytes",
                        limit: budget.max_input,
                    }
                } else {
                    XmlError::Io { at, source }
                });
            }
        };
        if chunk.is_empty() {
            break;
        }
        let n = memchr_lt(chunk).unwrap_or(chunk.len());
        if n > 0 {
            if let Err(source) = stream.chunk(&chunk[..n]) {
                let at = reader.get_ref().location(pos);
                return Err(XmlError::Io { at, source });
            }
        }
        let done = n < chunk.len();
        s.consume(n);
        if done {
            break;
        }
    }
    let end = reader.buffer_position();
    let budget = reader.get_mut();
    if let Some((s, count, last)) = budget.streaming.take() {
        let skew = budget.skew;
        budget.gaps.push((s + skew, end + skew, count, last));
    }
    Ok(())
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn map_error<R: BufRead>(
    reader: &Reader<Budget<R>>,
    e: quick_xml::Error,
    limits: &Limits,
) -> XmlError {
    let budget = reader.get_ref();
    let pos = reader
        .error_position()
        .max(reader.buffer_position().min(budget.pos));
    let at = budget.location(reader.error_position());
    match e {
        quick_xml::Error::Io(io) => {
            if io.get_ref().is_some_and(|e| e.is::<LimitHit>()) {
                let what = if budget.pos >= budget.max_input {
                    "max_input_bytes"
                } else {
                    budget.stop_what
                };
                let limit = if what == "max_input_bytes" {
                    budget.max_input
                } else {
                    budget.stop_limit
                };
                let _ = limits;
                XmlError::Limit {
                    at: budget.location(pos),
                    what,
                    limit,
                }
            } else {
                XmlError::Io {
                    at,
                    source: io::Error::new(io.kind(), io.to_string()),
                }
            }
        }
        other => malformed_at(at, other.to_string(), quick_xml_error_vi(&other)),
    }
}

/// A [`XmlError::Malformed`] with its message in English and in Vietnamese.
fn malformed_at(
    at: Location,
    message: impl Into<String>,
    message_vi: impl Into<String>,
) -> XmlError {
    XmlError::Malformed {
        at,
        message: message.into(),
        message_vi: message_vi.into(),
    }
}

/// What quick-xml found, in Vietnamese (its own message is English): said from the error's
/// kind, the names it carries kept as they are.
fn quick_xml_error_vi(e: &quick_xml::Error) -> String {
    use quick_xml::errors::{IllFormedError as I, SyntaxError as S};
    use quick_xml::Error as E;
    match e {
        E::Syntax(s) => match s {
            S::InvalidBangMarkup => {
                "đánh dấu bắt đầu bằng «<!» không phải chú thích, CDATA hay DOCTYPE".to_owned()
            }
            S::UnclosedPI => "chỉ thị xử lý «<?…» không được đóng bằng «?>»".to_owned(),
            S::UnclosedXmlDecl => "khai báo XML «<?xml…» không được đóng bằng «?>»".to_owned(),
            S::UnclosedComment => "chú thích «<!--» không được đóng bằng «-->»".to_owned(),
            S::UnclosedDoctype => "khai báo DOCTYPE không được đóng".to_owned(),
            S::UnclosedCData => "khối CDATA không được đóng bằng «]]>»".to_owned(),
            S::UnclosedTag => "thẻ không được đóng bằng «>» trước khi hết dữ liệu".to_owned(),
            S::UnclosedSingleQuotedAttributeValue | S::UnclosedDoubleQuotedAttributeValue => {
                "giá trị thuộc tính mở dấu nháy nhưng không đóng trước khi hết dữ liệu".to_owned()
            }
        },
        E::IllFormed(i) => match i {
            I::MissingDeclVersion(_) => {
                "khai báo XML phải bắt đầu bằng thuộc tính version".to_owned()
            }
            I::UnknownVersion => "khai báo XML ghi phiên bản khác 1.0 và 1.1".to_owned(),
            I::MissingDoctypeName => "khai báo DOCTYPE thiếu tên phần tử gốc".to_owned(),
            I::MissingEndTag(name) => format!("thiếu thẻ đóng </{name}>"),
            I::UnmatchedEndTag(name) => format!("thẻ đóng </{name}> không có thẻ mở tương ứng"),
            I::MismatchedEndTag { expected, found } => {
                format!("thẻ đóng </{found}> không khớp thẻ mở <{expected}>")
            }
            I::DoubleHyphenInComment => "chú thích chứa «--»".to_owned(),
            I::UnclosedReference => "tham chiếu «&…» không kết thúc bằng «;»".to_owned(),
        },
        E::InvalidAttr(a) => attr_error_vi(a),
        E::Escape(x) => escape_error_vi(x),
        E::Encoding(_) => "dữ liệu không phải văn bản UTF-8 hợp lệ".to_owned(),
        E::Namespace(_) => "tiền tố không gian tên không hợp lệ".to_owned(),
        E::Io(e) => egov_core::i18n::io_reason_vi(e),
    }
}

/// An attribute quick-xml could not read, in Vietnamese.
fn attr_error_vi(e: &quick_xml::events::attributes::AttrError) -> String {
    use quick_xml::events::attributes::AttrError as A;
    match e {
        A::ExpectedEq(_) => "thiếu dấu «=» sau tên thuộc tính".to_owned(),
        A::ExpectedValue(_) => "thiếu giá trị sau dấu «=»".to_owned(),
        A::UnquotedValue(_) => "giá trị thuộc tính không nằm trong dấu nháy".to_owned(),
        A::ExpectedQuote(..) => "giá trị thuộc tính không được đóng đúng dấu nháy".to_owned(),
        A::Duplicated(..) => "một thuộc tính được ghi hai lần".to_owned(),
    }
}

/// An entity or character reference quick-xml could not resolve, in Vietnamese.
fn escape_error_vi(e: &quick_xml::escape::EscapeError) -> String {
    use quick_xml::escape::EscapeError as X;
    match e {
        X::UnrecognizedEntity(_, name) => format!("thực thể «&{name};» không xác định"),
        X::UnterminatedEntity(_) => "tham chiếu «&…» không kết thúc bằng «;»".to_owned(),
        X::InvalidCharRef(_) => "tham chiếu ký tự không hợp lệ".to_owned(),
        X::TooManyNestedEntities => "thực thể lồng nhau quá sâu".to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// The borrowed tree: what the mapper reads. Input held in memory is parsed straight into it
// (names and text borrowed from the input, no copy per element); the owned [`Document`] of a
// streamed read is viewed as one.

/// An expanded name, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeName<'a> {
    pub(crate) ns: Option<&'a str>,
    pub(crate) local: &'a str,
    pub(crate) prefix: Option<&'a str>,
}

/// An attribute, borrowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeAttr<'a> {
    pub(crate) name: NodeName<'a>,
    pub(crate) value: Cow<'a, str>,
}

/// An element of the borrowed tree: the content of an [`Element`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node<'a> {
    pub(crate) name: NodeName<'a>,
    pub(crate) attributes: Vec<NodeAttr<'a>>,
    pub(crate) children: Vec<Node<'a>>,
    pub(crate) text: Cow<'a, str>,
    pub(crate) at: Location,
    pub(crate) span: (u64, u64),
    pub(crate) stream: Option<usize>,
}

impl<'a> Node<'a> {
    /// Children named `local` (any namespace).
    pub(crate) fn children_named<'s>(
        &'s self,
        local: &'s str,
    ) -> impl Iterator<Item = &'s Node<'a>> + 's {
        self.children.iter().filter(move |c| c.name.local == local)
    }

    /// The first child named `local` (any namespace).
    pub(crate) fn child(&self, local: &str) -> Option<&Node<'a>> {
        self.children.iter().find(|c| c.name.local == local)
    }

    /// The view of an owned element.
    pub(crate) fn of(el: &'a Element) -> Node<'a> {
        let name = |n: &'a Name| NodeName {
            ns: n.ns.as_deref(),
            local: &n.local,
            prefix: n.prefix.as_deref(),
        };
        Node {
            name: name(&el.name),
            attributes: el
                .attributes
                .iter()
                .map(|a| NodeAttr {
                    name: name(&a.name),
                    value: Cow::Borrowed(&a.value),
                })
                .collect(),
            children: el.children.iter().map(Node::of).collect(),
            text: Cow::Borrowed(&el.text),
            at: el.at,
            span: el.span,
            stream: el.stream,
        }
    }
}

/// What the mapper reads: a [`Document`] with its tree borrowed.
#[derive(Debug, Clone)]
pub(crate) struct Tree<'a> {
    pub(crate) root: Node<'a>,
    pub(crate) bom: bool,
    pub(crate) declaration: Option<Option<String>>,
    pub(crate) line_breaks: (u64, u64),
    pub(crate) namespace_issues: Vec<NamespaceIssue>,
    pub(crate) input_bytes: u64,
    pub(crate) sha256: [u8; 32],
}

impl<'a> Tree<'a> {
    /// The view of an owned document.
    pub(crate) fn of(doc: &'a Document) -> Tree<'a> {
        Tree {
            root: Node::of(&doc.root),
            bom: doc.bom,
            declaration: doc.declaration.clone(),
            line_breaks: doc.line_breaks,
            namespace_issues: doc.namespace_issues.clone(),
            input_bytes: doc.input_bytes,
            sha256: doc.sha256,
        }
    }
}

/// Receives the text of attachment elements on the in-memory path: like [`TextStream`], with
/// the parent's children read so far.
pub(crate) trait NodeStream {
    fn begin(&mut self, index: usize, parent: Option<&Node<'_>>) -> io::Result<()>;
    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// The in-memory path gave up: the input is read again by [`read_document`], which says
/// exactly why it fails (or reads it, in the cases the fast path does not take on).
#[derive(Debug)]
pub(crate) struct Fallback;

impl<T> From<T> for Fallback
where
    T: std::error::Error,
{
    fn from(_: T) -> Self {
        Fallback
    }
}

/// The same string, borrowed from `input` (where `part` lies inside it) instead of from an
/// event.
fn rebase<'a>(input: &'a [u8], part: &str) -> Result<&'a str, Fallback> {
    let start = (part.as_ptr() as usize)
        .checked_sub(input.as_ptr() as usize)
        .ok_or(Fallback)?;
    let bytes = input.get(start..start + part.len()).ok_or(Fallback)?;
    if bytes.as_ptr() != part.as_ptr() {
        return Err(Fallback);
    }
    std::str::from_utf8(bytes).map_err(|_| Fallback)
}

/// Line feeds counted up to an offset, moving forward only.
struct Lines<'a> {
    input: &'a [u8],
    upto: usize,
    line: u64,
    last_nl: Option<u64>,
    crlf: u64,
    lf: u64,
}

impl Lines<'_> {
    fn advance(&mut self, to: usize) {
        let to = to.min(self.input.len());
        if to <= self.upto {
            return;
        }
        let base = self.upto;
        for i in memchr::memchr_iter(b'\n', &self.input[base..to]) {
            let off = base + i;
            if off > 0 && self.input[off - 1] == b'\r' {
                self.crlf += 1;
            } else {
                self.lf += 1;
            }
            self.line += 1;
            self.last_nl = Some(off as u64);
        }
        self.upto = to;
    }

    fn location(&mut self, offset: usize) -> Location {
        self.advance(offset);
        let offset = offset as u64;
        Location {
            offset,
            line: self.line + 1,
            column: match self.last_nl {
                Some(nl) => offset - nl,
                None => offset + 1,
            },
        }
    }
}

struct NodeScope<'a> {
    decls: Vec<(Option<&'a str>, &'a str)>,
}

fn resolve_node<'a>(scopes: &[NodeScope<'a>], prefix: Option<&str>) -> Option<Option<&'a str>> {
    match prefix {
        Some("xml") => return Some(Some(NS_XML)),
        Some("xmlns") => return Some(Some(NS_XMLNS)),
        _ => {}
    }
    for scope in scopes.iter().rev() {
        for (p, uri) in scope.decls.iter().rev() {
            if *p == prefix {
                return Some(if uri.is_empty() { None } else { Some(uri) });
            }
        }
    }
    if prefix.is_none() {
        Some(None)
    } else {
        None
    }
}

/// Reads a document held in memory into the borrowed tree, with [`read_document`]'s result for
/// every input it accepts. Anything unusual — an error of any kind, a limit approached, a
/// byte-order mark, a namespace name written with references — is a [`Fallback`]: the caller
/// reads the input again with [`read_document`], which gives the exact error.
pub(crate) fn read_tree<'a>(
    input: &'a [u8],
    limits: &Limits,
    stream: &mut dyn NodeStream,
) -> Result<Tree<'a>, Fallback> {
    if input.len() as u64 >= limits.max_input_bytes || input.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Fallback);
    }
    // One event may not come near the budget reader's cap (the reader needs to see the byte
    // after a text node): those inputs take the streamed path.
    let cap = limits.max_markup_bytes.max(limits.max_text_bytes);
    let mut reader = Reader::from_reader(input);
    {
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text_start = false;
        config.trim_text_end = false;
        config.check_comments = true;
    }
    // Bytes of streamed text taken out of the reader's input (its position does not count them).
    let mut skipped = 0usize;
    let mut lines = Lines {
        input,
        upto: 0,
        line: 0,
        last_nl: None,
        crlf: 0,
        lf: 0,
    };
    let mut scopes: Vec<NodeScope<'a>> = Vec::new();
    let mut open: Vec<(Node<'a>, &'a str)> = Vec::new();
    let mut root: Option<Node<'a>> = None;
    let mut elements = 0usize;
    let mut streams = 0usize;
    let mut issues = Vec::new();
    let mut declaration = None;

    loop {
        let start_pos = skipped + reader.buffer_position() as usize;
        let event = reader.read_event()?;
        let end_pos = skipped + reader.buffer_position() as usize;
        let len = (end_pos - start_pos) as u64;
        if len.saturating_add(2) >= cap {
            return Err(Fallback);
        }
        if matches!(
            event,
            Event::Start(_) | Event::Empty(_) | Event::Comment(_) | Event::PI(_) | Event::CData(_)
        ) && len > limits.max_markup_bytes
        {
            return Err(Fallback);
        }
        match event {
            Event::Decl(d) => {
                if root.is_some() || !open.is_empty() || declaration.is_some() {
                    return Err(Fallback);
                }
                let enc = d.encoding().and_then(|r| r.ok()).map(|c| c.into_owned());
                if let Some(label) = &enc {
                    if !label.eq_ignore_ascii_case("utf-8") && !label.eq_ignore_ascii_case("utf8") {
                        return Err(Fallback);
                    }
                }
                declaration = Some(enc);
            }
            Event::DocType(_) => return Err(Fallback),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let at = lines.location(start_pos);
                let (mut el, qn) =
                    open_node(input, e, at, start_pos, &mut scopes, &mut issues, limits)?;
                elements += 1;
                if open.len() + 1 > limits.max_depth || elements > limits.max_elements {
                    return Err(Fallback);
                }
                if !empty && root.is_some() && open.is_empty() {
                    return Err(Fallback);
                }
                let streamed = is_streamed(el.name.local);
                if streamed {
                    if streams >= limits.max_attachments {
                        return Err(Fallback);
                    }
                    el.stream = Some(streams);
                    stream.begin(streams, open.last().map(|(p, _)| p))?;
                }
                if empty {
                    scopes.pop();
                    el.span.1 = end_pos as u64;
                    if streamed {
                        stream.end()?;
                        streams += 1;
                    }
                    attach_node(&mut open, &mut root, el)?;
                } else {
                    if streamed {
                        // The text up to the next `<`, as written, taken out of the
                        // reader's input (never decoded or copied).
                        let rest: &mut &'a [u8] = reader.get_mut();
                        let n = memchr::memchr(b'<', rest).unwrap_or(rest.len());
                        let text = &rest[..n];
                        *rest = &rest[n..];
                        skipped += n;
                        if n > 0 {
                            stream.chunk(text)?;
                        }
                        stream.end()?;
                        streams += 1;
                    }
                    open.push((el, qn));
                }
            }
            Event::End(ref e) => {
                scopes.pop();
                let (mut el, qn) = open.pop().ok_or(Fallback)?;
                let name = e.name();
                let written: &str = name.as_ref();
                if written != qn {
                    return Err(Fallback);
                }
                el.span.1 = end_pos as u64;
                attach_node(&mut open, &mut root, el)?;
            }
            Event::Text(t) => {
                let raw: &str = &t;
                match open.last_mut() {
                    Some((el, _)) if !el.children.is_empty() && is_blank(raw) => {}
                    Some((el, _)) => push_node_text(el, t.xml10_content(), limits)?,
                    None => {
                        if !is_blank(raw) {
                            return Err(Fallback);
                        }
                    }
                }
            }
            Event::CData(c) => match open.last_mut() {
                Some((el, _)) => push_node_text(el, c.xml10_content(), limits)?,
                None => return Err(Fallback),
            },
            Event::GeneralRef(r) => {
                let resolved = resolve_ref(&r)
                    .filter(|&c| is_xml_char(c))
                    .ok_or(Fallback)?;
                match open.last_mut() {
                    Some((el, _)) => {
                        let mut tmp = [0u8; 4];
                        let s: &str = resolved.encode_utf8(&mut tmp);
                        push_node_text(el, Cow::Owned(s.to_owned()), limits)?
                    }
                    None => return Err(Fallback),
                }
            }
            Event::Comment(c) => {
                if first_non_xml_char(&c).is_some() {
                    return Err(Fallback);
                }
            }
            Event::PI(pi) => {
                if first_non_xml_char(&pi).is_some() {
                    return Err(Fallback);
                }
            }
            Event::Eof => {
                if !open.is_empty() {
                    return Err(Fallback);
                }
                break;
            }
        }
    }
    lines.advance(input.len());
    let root = root.ok_or(Fallback)?;
    Ok(Tree {
        root,
        bom: false,
        declaration,
        line_breaks: (lines.crlf, lines.lf),
        namespace_issues: issues,
        input_bytes: input.len() as u64,
        sha256: Sha256::digest(input).into(),
    })
}

fn push_node_text<'a>(
    el: &mut Node<'a>,
    text: Cow<'a, str>,
    limits: &Limits,
) -> Result<(), Fallback> {
    if !el.children.is_empty() && is_blank(&text) {
        return Ok(());
    }
    if (el.text.len() + text.len()) as u64 > limits.max_text_bytes {
        return Err(Fallback);
    }
    if first_non_xml_char(&text).is_some() {
        return Err(Fallback);
    }
    if el.text.is_empty() {
        el.text = text;
    } else {
        el.text.to_mut().push_str(&text);
    }
    Ok(())
}

fn attach_node<'a>(
    open: &mut [(Node<'a>, &'a str)],
    root: &mut Option<Node<'a>>,
    el: Node<'a>,
) -> Result<(), Fallback> {
    match open.last_mut() {
        Some((parent, _)) => {
            if parent.children.is_empty() && is_blank(&parent.text) {
                parent.text = Cow::Borrowed("");
            }
            parent.children.push(el);
        }
        None => {
            if root.is_some() {
                return Err(Fallback);
            }
            *root = Some(el);
        }
    }
    Ok(())
}

fn open_node<'a>(
    input: &'a [u8],
    e: &BytesStart<'_>,
    at: Location,
    start_pos: usize,
    scopes: &mut Vec<NodeScope<'a>>,
    issues: &mut Vec<NamespaceIssue>,
    limits: &Limits,
) -> Result<(Node<'a>, &'a str), Fallback> {
    let qname = e.name();
    let qn = rebase(input, qname.as_ref())?;
    let mut decls: Vec<(Option<&'a str>, &'a str)> = Vec::new();
    let mut attributes = Vec::new();
    let mut has_prefixed = false;
    for (i, a) in e.attributes().with_checks(true).enumerate() {
        if i >= limits.max_attributes {
            return Err(Fallback);
        }
        let a = a?;
        let key = rebase(input, a.key.as_ref())?;
        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0)?;
        if first_non_xml_char(&value).is_some() {
            return Err(Fallback);
        }
        let value: Cow<'a, str> = match value {
            Cow::Borrowed(v) => Cow::Borrowed(rebase(input, v)?),
            Cow::Owned(v) => Cow::Owned(v),
        };
        if key == "xmlns" || key.starts_with("xmlns:") {
            // A namespace name is kept borrowed; one written with references is rare.
            let Cow::Borrowed(uri) = value else {
                return Err(Fallback);
            };
            if key == "xmlns" {
                decls.push((None, uri));
            } else {
                if uri.is_empty() {
                    return Err(Fallback);
                }
                decls.push((Some(&key[6..]), uri));
            }
        } else {
            let (p, l) = split_qname(key);
            has_prefixed |= p.is_some();
            attributes.push(NodeAttr {
                name: NodeName {
                    ns: None,
                    local: l,
                    prefix: p,
                },
                value,
            });
        }
    }
    scopes.push(NodeScope { decls });
    let (prefix, local) = split_qname(qn);
    let ns = match resolve_node(scopes, prefix) {
        Some(u) => u,
        None => {
            issues.push(NamespaceIssue {
                at,
                prefix: prefix.unwrap_or("").to_owned(),
                qname: qn.to_owned(),
            });
            None
        }
    };
    if has_prefixed {
        for a in &mut attributes {
            let Some(p) = a.name.prefix else {
                continue;
            };
            a.name.ns = match resolve_node(scopes, Some(p)) {
                Some(u) => u,
                None => {
                    issues.push(NamespaceIssue {
                        at,
                        prefix: p.to_owned(),
                        qname: format!("{p}:{}", a.name.local),
                    });
                    None
                }
            };
        }
    }
    Ok((
        Node {
            name: NodeName { ns, local, prefix },
            attributes,
            children: Vec::new(),
            text: Cow::Borrowed(""),
            at,
            span: (start_pos as u64, start_pos as u64),
            stream: None,
        },
        qn,
    ))
}
