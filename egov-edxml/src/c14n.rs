//! Canonical XML 1.0, inclusive and exclusive, without and with comments: the byte string that an
//! XML Signature (XMLDSig) over an edXML package hashes and signs.
//!
//! Why: QĐ 28/2018/QĐ-TTg Đ6.1 (rule DOC-18) requires the authenticity of origin and the
//! integrity of e-documents, and QCVN 102:2016 carries that as an enveloped XMLDSig whose
//! `Reference` and `SignedInfo` are canonicalised before hashing. Two implementations agree on a
//! signature only if they produce the same canonical bytes, so this module follows
//! [W3C Canonical XML 1.0](https://www.w3.org/TR/2001/REC-xml-c14n-20010315) (inclusive, "C14N")
//! and [W3C Exclusive XML Canonicalization 1.0](https://www.w3.org/TR/xml-exc-c14n/) ("exc-C14N")
//! and is tested byte for byte against libxml2 (through lxml) and the W3C/xmlsec "merlin"
//! interop vectors.
//!
//! It streams: one pass of [`quick_xml::Reader`] events over the borrowed input with its own
//! namespace stack, nothing of the document kept but the open elements' names and namespace
//! declarations; a 10 MB base64 text node is scanned slice by slice and written through, never
//! copied into a node. No C library is involved.
//!
//! # Rules
//!
//! - The input is UTF-8 XML 1.0 (a UTF-8 byte order mark is skipped; other encodings and XML 1.1
//!   are refused). The XML declaration is dropped.
//! - A `DOCTYPE` is **refused** ([`C14nError::DoctypeRefused`]): no DTD is read, so no external
//!   entity is fetched and no entity is expanded (XXE and "billion laughs" cannot happen), and no
//!   attribute defaults exist. Only `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character
//!   references are known; any other entity is [`C14nError::UnknownEntity`].
//! - Line ends are normalised (XML 1.0 §2.11: CR LF and a lone CR become LF) in text, CDATA,
//!   comments, processing instructions and attribute values.
//! - Attribute values are normalised as CDATA attributes (XML 1.0 §3.3.3: a literal TAB, LF or CR
//!   becomes a space; a character reference keeps its character).
//! - Text and CDATA sections are written as text with `&` `<` `>` and CR escaped as `&amp;`
//!   `&lt;` `&gt;` `&#xD;`; attribute values with `&` `<` `"` TAB LF CR escaped as `&amp;`
//!   `&lt;` `&quot;` `&#x9;` `&#xA;` `&#xD;`. Nothing else is escaped, nothing is
//!   Unicode-normalised: NFD text hashes as the bytes it is.
//! - Empty elements `<a/>` become `<a></a>`; whitespace inside tags is dropped; whitespace
//!   outside the document element is dropped.
//! - Attributes are sorted by (namespace URI, local name), unqualified ones (empty URI) first;
//!   namespace declarations come before them, the default one first, then by prefix.
//! - Inclusive mode renders a namespace declaration where its binding differs from the one in
//!   scope on the nearest output ancestor (`xmlns=""` only where that ancestor had a non-empty
//!   default namespace). An element with no output parent (the document element, or the apex of
//!   a [`Subset`]) renders *every* binding in scope, inherited ones included, and — C14N 1.0
//!   §2.4 — also receives the `xml:*` attributes (`xml:lang`, `xml:space`, …) of its ancestors
//!   that it does not itself carry.
//! - Exclusive mode renders only the namespaces *visibly utilised* by an element (its own prefix
//!   or the default namespace, and its attributes' prefixes), plus those named in the
//!   `InclusiveNamespaces PrefixList` ([`Algorithm::Exclusive::inclusive_prefixes`], `#default`
//!   for the default namespace), each where the nearest output ancestor has not already rendered
//!   the same binding. No `xml:*` attribute is imported.
//! - Comments are dropped, except in the `#WithComments` algorithms. Comments and processing
//!   instructions outside the document element are kept (when the subset is the whole
//!   document), separated from it by a line feed (`<?pi?>`LF before, LF`<?pi?>` after).
//! - The enveloped-signature transform of XMLDSig is the same canonicalisation with one element
//!   (the `Signature`) and all its content left out: [`Subset::omitting`].
//! - A relative namespace URI fails the canonicalisation (C14N 1.0 §2.1).
//!
//! One known difference from libxml2: libxml2 writes namespace URIs without escaping them (an
//! `&` in a namespace URI comes out raw, which is not XML); this module escapes them like
//! attribute values, as the W3C text says.
//!
//! Everything is bounded ([`Limits`]: element depth, attributes per element, namespace bindings
//! in scope) and every error says what and where (byte offset, line and column).
//!
//! ```
//! use egov_edxml::c14n::{canonicalize_to_vec, Algorithm, Subset};
//!
//! let xml = b"<?xml version=\"1.0\"?>\r\n<a xmlns:z=\"urn:z\" b='1' a=\"x&#9;y\"><z:c/></a>";
//! let c = canonicalize_to_vec(xml, &Algorithm::inclusive(), &Subset::document()).unwrap();
//! assert_eq!(c, br#"<a xmlns:z="urn:z" a="x&#x9;y" b="1"><z:c></z:c></a>"#);
//! let e = canonicalize_to_vec(xml, &Algorithm::exclusive(), &Subset::document()).unwrap();
//! assert_eq!(e, br#"<a a="x&#x9;y" b="1"><z:c xmlns:z="urn:z"></z:c></a>"#);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::io::Write;

use quick_xml::events::Event;
use quick_xml::Reader;

/// Canonical XML 1.0 (inclusive), without comments.
pub const INCLUSIVE: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/// Canonical XML 1.0 (inclusive), with comments.
pub const INCLUSIVE_WITH_COMMENTS: &str =
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
/// Exclusive XML Canonicalization 1.0, without comments.
pub const EXCLUSIVE: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
/// Exclusive XML Canonicalization 1.0, with comments.
pub const EXCLUSIVE_WITH_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";
/// Output is collected in a buffer of this size before each write to the caller's writer.
const OUT_CAP: usize = 64 * 1024;

/// A canonicalisation algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Algorithm {
    /// Canonical XML 1.0 ([`INCLUSIVE`], [`INCLUSIVE_WITH_COMMENTS`]).
    Inclusive {
        /// Keep comments (`#WithComments`).
        with_comments: bool,
    },
    /// Exclusive XML Canonicalization 1.0 ([`EXCLUSIVE`], [`EXCLUSIVE_WITH_COMMENTS`]).
    Exclusive {
        /// The `InclusiveNamespaces PrefixList`: prefixes handled as in inclusive mode;
        /// `#default` (or the empty string) names the default namespace.
        inclusive_prefixes: Vec<String>,
        /// Keep comments (`#WithComments`).
        with_comments: bool,
    },
}

impl Algorithm {
    /// Canonical XML 1.0 without comments.
    pub fn inclusive() -> Algorithm {
        Algorithm::Inclusive {
            with_comments: false,
        }
    }

    /// Exclusive XML Canonicalization 1.0 without comments and with an empty prefix list.
    pub fn exclusive() -> Algorithm {
        Algorithm::Exclusive {
            inclusive_prefixes: Vec::new(),
            with_comments: false,
        }
    }

    /// The algorithm an XMLDSig `Algorithm` URI names (the four W3C identifiers), or `None`.
    /// Note that `http://www.w3.org/TR/xml-exc-c14n#`, written by some edXML builders, is not one.
    pub fn from_uri(uri: &str) -> Option<Algorithm> {
        match uri {
            INCLUSIVE => Some(Algorithm::Inclusive {
                with_comments: false,
            }),
            INCLUSIVE_WITH_COMMENTS => Some(Algorithm::Inclusive {
                with_comments: true,
            }),
            EXCLUSIVE => Some(Algorithm::Exclusive {
                inclusive_prefixes: Vec::new(),
                with_comments: false,
            }),
            EXCLUSIVE_WITH_COMMENTS => Some(Algorithm::Exclusive {
                inclusive_prefixes: Vec::new(),
                with_comments: true,
            }),
            _ => None,
        }
    }

    /// The algorithm's W3C identifier.
    pub fn uri(&self) -> &'static str {
        match self {
            Algorithm::Inclusive {
                with_comments: false,
            } => INCLUSIVE,
            Algorithm::Inclusive {
                with_comments: true,
            } => INCLUSIVE_WITH_COMMENTS,
            Algorithm::Exclusive {
                with_comments: false,
                ..
            } => EXCLUSIVE,
            Algorithm::Exclusive {
                with_comments: true,
                ..
            } => EXCLUSIVE_WITH_COMMENTS,
        }
    }

    /// The same algorithm keeping (`true`) or dropping comments.
    pub fn with_comments(self, keep: bool) -> Algorithm {
        match self {
            Algorithm::Inclusive { .. } => Algorithm::Inclusive {
                with_comments: keep,
            },
            Algorithm::Exclusive {
                inclusive_prefixes, ..
            } => Algorithm::Exclusive {
                inclusive_prefixes,
                with_comments: keep,
            },
        }
    }

    /// The same algorithm with an `InclusiveNamespaces PrefixList` (exclusive mode only; the
    /// inclusive algorithm has none and is returned unchanged).
    pub fn with_inclusive_prefixes(self, prefixes: Vec<String>) -> Algorithm {
        match self {
            Algorithm::Exclusive { with_comments, .. } => Algorithm::Exclusive {
                inclusive_prefixes: prefixes,
                with_comments,
            },
            inclusive => inclusive,
        }
    }

    /// Whether comments are kept.
    pub fn keeps_comments(&self) -> bool {
        match self {
            Algorithm::Inclusive { with_comments } | Algorithm::Exclusive { with_comments, .. } => {
                *with_comments
            }
        }
    }

    /// Whether this is exclusive canonicalisation.
    pub fn is_exclusive(&self) -> bool {
        matches!(self, Algorithm::Exclusive { .. })
    }
}

/// Which part of the document is canonicalised: the whole document or one element's subtree
/// (the *apex*), optionally with one element subtree left out (XMLDSig's enveloped-signature
/// transform leaves out the `Signature` element).
///
/// Elements are named by the byte offset of the `<` of their start tag in the input given to
/// [`canonicalize`] (a byte order mark included), as a streaming reader reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Subset {
    apex: Option<u64>,
    omit: Option<u64>,
    omit_end: Option<u64>,
}

impl Subset {
    /// The whole document (XMLDSig `URI=""`), including comments and processing instructions
    /// outside the document element.
    pub fn document() -> Subset {
        Subset::default()
    }

    /// The subtree of the element whose start tag begins at byte `offset` (XMLDSig `URI="#id"`,
    /// or `SignedInfo` for the signature value).
    pub fn element_at(offset: u64) -> Subset {
        Subset {
            apex: Some(offset),
            ..Subset::default()
        }
    }

    /// The enveloped-signature transform over the whole document: the element starting at byte
    /// `signature_offset` and all its content are left out.
    pub fn enveloped(signature_offset: u64) -> Subset {
        Subset::document().omitting(signature_offset)
    }

    /// This subset with the element starting at byte `offset` (and its content) left out.
    pub fn omitting(self, offset: u64) -> Subset {
        Subset {
            omit: Some(offset),
            omit_end: None,
            ..self
        }
    }

    /// This subset with the element spanning bytes `start..end` left out; canonicalisation fails
    /// with [`C14nError::SpanMismatch`] unless that element's end tag ends exactly at `end`.
    pub fn omitting_span(self, start: u64, end: u64) -> Subset {
        Subset {
            omit: Some(start),
            omit_end: Some(end),
            ..self
        }
    }

    /// The apex's offset, `None` for the whole document.
    pub fn apex(&self) -> Option<u64> {
        self.apex
    }

    /// The left-out element's offset, if any.
    pub fn omitted(&self) -> Option<u64> {
        self.omit
    }
}

/// Bounds on what a document may make the canonicaliser hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest element nesting (the document element is depth 1). Default 256.
    pub max_depth: usize,
    /// Most attributes on one element, namespace declarations included. Default 256.
    pub max_attributes: usize,
    /// Most namespace declarations in scope at once. Default 256.
    pub max_namespaces: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 256,
            max_attributes: 256,
            max_namespaces: 256,
        }
    }
}

/// A place in the input: byte offset (from the start of the input, a byte order mark included),
/// 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Byte offset.
    pub offset: u64,
    /// Line, from 1.
    pub line: u64,
    /// Column in characters, from 1.
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "byte {} (line {}, column {})",
            self.offset, self.line, self.column
        )
    }
}

/// Why a document could not be canonicalised. On any error the output written so far is
/// incomplete and must be discarded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum C14nError {
    /// The input is not well-formed (namespace-well-formed) XML.
    #[error("malformed XML at {at}: {reason}")]
    Malformed {
        /// Where.
        at: Position,
        /// What.
        reason: String,
    },
    /// The document has a document type declaration, which is never processed.
    #[error(
        "DOCTYPE at {at} refused: document type declarations are not processed \
         (no DTD, no external entities, no entity expansion)"
    )]
    DoctypeRefused {
        /// Where the `<!DOCTYPE` starts.
        at: Position,
    },
    /// A prefix is used where no declaration binds it.
    #[error("undefined namespace prefix `{prefix}` at {at}")]
    UndefinedPrefix {
        /// The prefix.
        prefix: String,
        /// Where.
        at: Position,
    },
    /// A reference to an entity other than the five predefined ones.
    #[error(
        "unknown entity `&{name};` at {at}: without a DTD only &amp; &lt; &gt; &quot; &apos; \
         and character references exist"
    )]
    UnknownEntity {
        /// The entity name.
        name: String,
        /// Where the `&` is.
        at: Position,
    },
    /// A namespace declaration with a relative URI (C14N 1.0 §2.1: the operation fails).
    #[error(
        "relative namespace URI `{uri}` at {at}: canonical XML fails on relative namespace URIs"
    )]
    RelativeNamespaceUri {
        /// The URI.
        uri: String,
        /// Where.
        at: Position,
    },
    /// Not UTF-8 XML 1.0.
    #[error("unsupported {what} `{value}` at {at}: only UTF-8 XML 1.0 is canonicalised")]
    Unsupported {
        /// "encoding" or "XML version".
        what: &'static str,
        /// The declared or detected value.
        value: String,
        /// Where.
        at: Position,
    },
    /// A [`Limits`] bound was exceeded.
    #[error("{limit} exceeds the limit of {max} at {at}")]
    LimitExceeded {
        /// Which bound.
        limit: &'static str,
        /// Its value.
        max: usize,
        /// Where.
        at: Position,
    },
    /// The subset names an element by an offset where no start tag begins.
    #[error("no element start tag begins at byte {offset} (the {role} of the subset)")]
    NoElementAt {
        /// "apex" or "omitted element".
        role: &'static str,
        /// The offset given.
        offset: u64,
    },
    /// The omitted element does not end where [`Subset::omitting_span`] said.
    #[error(
        "the omitted element starting at byte {start} ends at byte {found}, not at byte {expected}"
    )]
    SpanMismatch {
        /// Its start.
        start: u64,
        /// The end given.
        expected: u64,
        /// The end found.
        found: u64,
    },
    /// The output writer failed.
    #[error("cannot write the canonical form: {0}")]
    Write(#[source] std::io::Error),
}

impl C14nError {
    /// Where in the input the error is, when it is about a place in the input.
    pub fn position(&self) -> Option<Position> {
        match self {
            C14nError::Malformed { at, .. }
            | C14nError::DoctypeRefused { at }
            | C14nError::UndefinedPrefix { at, .. }
            | C14nError::UnknownEntity { at, .. }
            | C14nError::RelativeNamespaceUri { at, .. }
            | C14nError::Unsupported { at, .. }
            | C14nError::LimitExceeded { at, .. } => Some(*at),
            C14nError::NoElementAt { .. }
            | C14nError::SpanMismatch { .. }
            | C14nError::Write(_) => None,
        }
    }
}

/// Canonicalises `subset` of the document `xml` with `alg` into `out`, with the default
/// [`Limits`]. The output is written in chunks of up to 64 KiB; a large text node is written
/// through without being copied.
pub fn canonicalize(
    xml: &[u8],
    alg: &Algorithm,
    subset: &Subset,
    out: &mut impl Write,
) -> Result<(), C14nError> {
    canonicalize_with_limits(xml, alg, subset, &Limits::default(), out)
}

/// [`canonicalize`] with explicit [`Limits`].
pub fn canonicalize_with_limits(
    xml: &[u8],
    alg: &Algorithm,
    subset: &Subset,
    limits: &Limits,
    out: &mut impl Write,
) -> Result<(), C14nError> {
    let mut c = Canon::new(xml, alg, *subset, *limits, out);
    c.run()
}

/// [`canonicalize`] into a new vector.
pub fn canonicalize_to_vec(
    xml: &[u8],
    alg: &Algorithm,
    subset: &Subset,
) -> Result<Vec<u8>, C14nError> {
    // The canonical form of a whole document is about as long as the document.
    let capacity = match subset.apex {
        None => xml.len(),
        Some(_) => 1024,
    };
    let mut v = Vec::with_capacity(capacity);
    canonicalize(xml, alg, subset, &mut v)?;
    Ok(v)
}

/// [`canonicalize_to_vec`] with the subset given as offsets: the apex element's start (`None`
/// for the whole document) and the byte span `(start, end)` of an element to leave out (the
/// enveloped signature), checked against the document.
pub fn canonicalize_span(
    xml: &[u8],
    alg: &Algorithm,
    apex: Option<u64>,
    omit: Option<(u64, u64)>,
) -> Result<Vec<u8>, C14nError> {
    let mut subset = match apex {
        Some(a) => Subset::element_at(a),
        None => Subset::document(),
    };
    if let Some((start, end)) = omit {
        subset = subset.omitting_span(start, end);
    }
    canonicalize_to_vec(xml, alg, &subset)
}

// ------------------------------------------------------------------------------------------------
// Output

struct Out<'w, W: Write> {
    w: &'w mut W,
    buf: Vec<u8>,
}

impl<W: Write> Out<'_, W> {
    #[inline]
    fn put(&mut self, b: &[u8]) -> Result<(), C14nError> {
        if self.buf.len() + b.len() > OUT_CAP {
            self.flush_buf()?;
            if b.len() >= OUT_CAP {
                return self.w.write_all(b).map_err(C14nError::Write);
            }
        }
        self.buf.extend_from_slice(b);
        Ok(())
    }

    fn flush_buf(&mut self) -> Result<(), C14nError> {
        if !self.buf.is_empty() {
            self.w.write_all(&self.buf).map_err(C14nError::Write)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), C14nError> {
        self.flush_buf()?;
        self.w.flush().map_err(C14nError::Write)
    }
}

// ------------------------------------------------------------------------------------------------
// Byte classes

const fn table(extra: &[u8], controls: bool) -> [bool; 256] {
    let mut t = [false; 256];
    if controls {
        let mut i = 0;
        while i < 0x20 {
            if i != 0x09 && i != 0x0A {
                t[i] = true;
            }
            i += 1;
        }
        // U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters.
        t[0xEF] = true;
    }
    let mut j = 0;
    while j < extra.len() {
        t[extra[j] as usize] = true;
        j += 1;
    }
    t
}

/// Text and CDATA content: controls (CR included), U+FFFE/U+FFFF lead byte, `& < >`.
static TEXT_SPECIAL: [bool; 256] = table(b"&<>", true);
/// Comment and PI content: controls (CR included), U+FFFE/U+FFFF lead byte.
static MARKUP_SPECIAL: [bool; 256] = table(b"", true);
/// Attribute values as written in the source: controls, TAB, LF, `& <`.
static ATTR_SOURCE_SPECIAL: [bool; 256] = table(b"&<\t\n", true);
/// Escaping a normalised attribute value: `& < "` TAB LF CR.
static ATTR_ESCAPE: [bool; 256] = table(b"&<\"\t\n\r", false);

#[inline]
fn is_xml_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// `b[i] == 0xEF`: whether the character there is U+FFFE or U+FFFF.
#[inline]
fn is_noncharacter_at(b: &[u8], i: usize) -> bool {
    b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF))
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}')
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// An XML name without a colon (Namespaces in XML 1.0 NCName).
fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_name_start(c) => chars.all(is_name_char),
        _ => false,
    }
}

/// Splits a QName into (prefix, local); `None` when it is not one.
fn split_qname(s: &str) -> Option<(&str, &str)> {
    match s.split_once(':') {
        Some((p, l)) if is_ncname(p) && is_ncname(l) => Some((p, l)),
        Some(_) => None,
        None if is_ncname(s) => Some(("", s)),
        None => None,
    }
}

/// Whether a namespace URI is absolute (starts with a scheme: ALPHA *(ALPHA / DIGIT / + - .) ":").
fn has_scheme(uri: &str) -> bool {
    let b = uri.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => return false,
    }
    for &c in &b[1..] {
        if c == b':' {
            return true;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')) {
            return false;
        }
    }
    false
}

/// Resolves the name of a reference (between `&` and `;`). `Err(true)`: a well-formed name of
/// an unknown entity; `Err(false)`: not a valid reference.
fn resolve_ref(name: &str) -> Result<char, bool> {
    match name {
        "amp" => return Ok('&'),
        "lt" => return Ok('<'),
        "gt" => return Ok('>'),
        "quot" => return Ok('"'),
        "apos" => return Ok('\''),
        _ => {}
    }
    let Some(num) = name.strip_prefix('#') else {
        return Err(is_ncname(name) || split_qname(name).is_some());
    };
    let (digits, radix) = match num.strip_prefix('x') {
        Some(h) => (h, 16),
        None => (num, 10),
    };
    if digits.is_empty() {
        return Err(false);
    }
    let mut v: u32 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).ok_or(false)?;
        v = v
            .checked_mul(radix)
            .and_then(|v| v.checked_add(d))
            .ok_or(false)?;
    }
    if !is_xml_char(v) {
        return Err(false);
    }
    char::from_u32(v).ok_or(false)
}

// ------------------------------------------------------------------------------------------------
// The canonicaliser

/// A namespace binding: prefix ("" for the default namespace) to URI ("" undeclares the
/// default namespace).
#[derive(Clone)]
struct Binding<'a> {
    prefix: &'a str,
    uri: Cow<'a, str>,
}

struct Attr<'a> {
    qname: &'a str,
    prefix: &'a str,
    local: &'a str,
    uri: Cow<'a, str>,
    value: Cow<'a, str>,
    at: u64,
}

struct Frame {
    ns_mark: usize,
    rendered_mark: usize,
    xml_mark: usize,
    visible: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Prolog,
    Element,
    Epilog,
}

struct Canon<'a, 'w, 'p, W: Write> {
    input: &'a [u8],
    base: u64,
    exclusive: bool,
    comments: bool,
    /// Exclusive mode's PrefixList ("" for `#default`).
    prefix_list: Vec<&'p str>,
    subset: Subset,
    limits: Limits,
    out: Out<'w, W>,
    /// Namespace declarations in scope, outermost first.
    ns: Vec<Binding<'a>>,
    /// Exclusive mode: namespace declarations rendered by output ancestors.
    rendered: Vec<Binding<'a>>,
    /// Inclusive mode with an apex: the `xml:*` attributes of the apex's open ancestors.
    xml_attrs: Vec<Attr<'a>>,
    frames: Vec<Frame>,
    phase: Phase,
    apex_found: bool,
    apex_open: bool,
    apex_done: bool,
    apex_depth: Option<usize>,
    omit_found: bool,
    omit_depth: Option<usize>,
    // Scratch, reused from element to element.
    attrs: Vec<Attr<'a>>,
    decls: Vec<(Binding<'a>, u64)>,
    render: Vec<Binding<'a>>,
    candidates: Vec<&'a str>,
}

impl<'a, 'w, 'p, W: Write> Canon<'a, 'w, 'p, W> {
    fn new(
        input: &'a [u8],
        alg: &'p Algorithm,
        subset: Subset,
        limits: Limits,
        out: &'w mut W,
    ) -> Self {
        let (exclusive, comments, prefix_list) = match alg {
            Algorithm::Inclusive { with_comments } => (false, *with_comments, Vec::new()),
            Algorithm::Exclusive {
                inclusive_prefixes,
                with_comments,
            } => (
                true,
                *with_comments,
                inclusive_prefixes
                    .iter()
                    .map(|p| if p == "#default" { "" } else { p.as_str() })
                    .collect(),
            ),
        };
        Canon {
            input,
            base: 0,
            exclusive,
            comments,
            prefix_list,
            subset,
            limits,
            out: Out {
                w: out,
                buf: Vec::with_capacity(OUT_CAP),
            },
            ns: Vec::new(),
            rendered: Vec::new(),
            xml_attrs: Vec::new(),
            frames: Vec::new(),
            phase: Phase::Prolog,
            apex_found: false,
            apex_open: false,
            apex_done: false,
            apex_depth: None,
            omit_found: false,
            omit_depth: None,
            attrs: Vec::new(),
            decls: Vec::new(),
            render: Vec::new(),
            candidates: Vec::new(),
        }
    }

    // --- errors -------------------------------------------------------------------------------

    fn pos(&self, offset: u64) -> Position {
        let end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.input.len());
        let before = &self.input[..end];
        let lfs = memchr::memchr_iter(b'\n', before).count();
        // Lone CRs end lines too.
        let lone_crs = memchr::memchr_iter(b'\r', before)
            .filter(|&i| before.get(i + 1) != Some(&b'\n'))
            .count();
        let line_start = memchr::memrchr2(b'\n', b'\r', before).map_or(0, |i| i + 1);
        let column = before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        Position {
            offset,
            line: (lfs + lone_crs) as u64 + 1,
            column: column as u64 + 1,
        }
    }

    fn malformed(&self, offset: u64, reason: impl Into<String>) -> C14nError {
        C14nError::Malformed {
            at: self.pos(offset),
            reason: reason.into(),
        }
    }

    fn limit(&self, offset: u64, limit: &'static str, max: usize) -> C14nError {
        C14nError::LimitExceeded {
            limit,
            max,
            at: self.pos(offset),
        }
    }

    // --- driver -------------------------------------------------------------------------------

    fn run(&mut self) -> Result<(), C14nError> {
        let input = self.input;
        let body = if let Some(rest) = input.strip_prefix(b"\xEF\xBB\xBF") {
            self.base = 3;
            rest
        } else {
            if input.starts_with(b"\xFE\xFF") || input.starts_with(b"\xFF\xFE") {
                return Err(C14nError::Unsupported {
                    what: "encoding",
                    value: "UTF-16 (byte order mark)".into(),
                    at: self.pos(0),
                });
            }
            input
        };
        let text = std::str::from_utf8(body)
            .map_err(|e| self.malformed(self.base + e.valid_up_to() as u64, "invalid UTF-8"))?;
        let mut reader = Reader::from_str(text);
        {
            let cfg = reader.config_mut();
            cfg.check_comments = true;
            cfg.check_end_names = true;
            cfg.expand_empty_elements = false;
            cfg.trim_text(false);
            cfg.allow_dangling_amp = false;
            cfg.allow_unmatched_ends = false;
        }
        let mut first = true;
        loop {
            let start_rel = reader.buffer_position();
            let start = self.base + start_rel;
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    if text
                        .as_bytes()
                        .get(start_rel as usize..)
                        .and_then(|r| r.get(..9))
                        .is_some_and(|r| r.eq_ignore_ascii_case(b"<!DOCTYPE"))
                    {
                        return Err(C14nError::DoctypeRefused {
                            at: self.pos(start),
                        });
                    }
                    let at = (self.base + reader.error_position()).max(start);
                    return Err(self.malformed(at, e.to_string()));
                }
            };
            let end = self.base + reader.buffer_position();
            let was_first = first;
            first = false;
            match event {
                Event::Decl(d) => {
                    if !was_first || start != self.base {
                        return Err(self
                            .malformed(start, "an XML declaration is only allowed at the start"));
                    }
                    self.decl(&d, start + 2)?;
                }
                Event::DocType(_) => {
                    return Err(C14nError::DoctypeRefused {
                        at: self.pos(start),
                    });
                }
                Event::PI(pi) => self.pi(&pi, start)?,
                Event::Comment(c) => self.comment(&c, start)?,
                Event::Start(_) | Event::Empty(_) => {
                    let empty = matches!(event, Event::Empty(_));
                    let inner_end = end - if empty { 2 } else { 1 };
                    let tag = text
                        .get((start - self.base + 1) as usize..(inner_end - self.base) as usize)
                        .ok_or_else(|| self.malformed(start, "start tag out of bounds"))?;
                    self.start(tag, start)?;
                    if empty {
                        self.end(tag_name(tag), end)?;
                    }
                }
                Event::End(e) => self.end(&e, end)?,
                Event::Text(t) => self.text(&t, start, false)?,
                Event::CData(t) => {
                    if self.frames.is_empty() {
                        return Err(
                            self.malformed(start, "a CDATA section outside the document element")
                        );
                    }
                    self.text(&t, start + 9, true)?;
                }
                Event::GeneralRef(r) => self.reference(&r, start)?,
                Event::Eof => break,
            }
        }
        let eof = self.base + reader.buffer_position();
        if !self.frames.is_empty() {
            return Err(self.malformed(eof, "the document ends inside an element"));
        }
        if self.phase == Phase::Prolog {
            return Err(self.malformed(eof, "no document element"));
        }
        if let (Some(offset), false) = (self.subset.apex, self.apex_found) {
            return Err(C14nError::NoElementAt {
                role: "apex",
                offset,
            });
        }
        if let (Some(offset), false) = (self.subset.omit, self.omit_found) {
            return Err(C14nError::NoElementAt {
                role: "omitted element",
                offset,
            });
        }
        self.out.finish()
    }

    /// Whether a node at the current place is in the subset.
    fn visible(&self) -> bool {
        self.omit_depth.is_none()
            && match self.subset.apex {
                None => true,
                Some(_) => self.apex_open,
            }
    }

    /// Whether a comment or PI outside the document element is in the subset.
    fn top_level_visible(&self) -> bool {
        self.subset.apex.is_none()
    }

    // --- prolog and misc ----------------------------------------------------------------------

    fn decl(&self, content: &str, at: u64) -> Result<(), C14nError> {
        // content = "xml ..." (between `<?` and `?>`).
        let rest = content.get(3..).unwrap_or("");
        let mut i = 0;
        let mut seen = 0u8; // 1 version, 2 encoding, 3 standalone
        let mut version = false;
        while let Some(a) =
            next_attr(rest, &mut i).map_err(|(o, r)| self.malformed(at + 3 + o as u64, r))?
        {
            let vat = at + 3 + a.value_at as u64;
            let order = match a.name {
                "version" => 1,
                "encoding" => 2,
                "standalone" => 3,
                _ => 0,
            };
            if order <= seen {
                return Err(self.malformed(
                    at + 3 + a.name_at as u64,
                    format!("unexpected `{}` in the XML declaration", a.name),
                ));
            }
            seen = order;
            match a.name {
                "version" => {
                    version = true;
                    if a.raw != "1.0" {
                        return Err(C14nError::Unsupported {
                            what: "XML version",
                            value: a.raw.to_owned(),
                            at: self.pos(vat),
                        });
                    }
                }
                "encoding" => {
                    if !a.raw.eq_ignore_ascii_case("UTF-8") && !a.raw.eq_ignore_ascii_case("UTF8") {
                        return Err(C14nError::Unsupported {
                            what: "encoding",
                            value: a.raw.to_owned(),
                            at: self.pos(vat),
                        });
                    }
                }
                _ => {
                    if a.raw != "yes" && a.raw != "no" {
                        return Err(self.malformed(vat, "standalone must be yes or no"));
                    }
                }
            }
        }
        if !version {
            return Err(self.malformed(at, "the XML declaration has no version"));
        }
        Ok(())
    }

    fn pi(&mut self, content: &str, start: u64) -> Result<(), C14nError> {
        let b = content.as_bytes();
        let target_len = b.iter().position(|&c| is_xml_ws(c)).unwrap_or(b.len());
        let target = &content[..target_len];
        if !is_ncname(target) {
            return Err(self.malformed(
                start + 2,
                format!("invalid processing instruction target `{target}`"),
            ));
        }
        if target.eq_ignore_ascii_case("xml") {
            return Err(self.malformed(
                start + 2,
                "the processing instruction target `xml` is reserved",
            ));
        }
        let data_start = b[target_len..]
            .iter()
            .position(|&c| !is_xml_ws(c))
            .map_or(b.len(), |p| target_len + p);
        let data = &content[data_start..];
        let data_at = start + 2 + data_start as u64;
        let depth = self.frames.len();
        let visible = if depth == 0 {
            self.top_level_visible()
        } else {
            self.visible()
        };
        if visible && depth == 0 && self.phase == Phase::Epilog {
            self.out.put(b"\n")?;
        }
        if visible {
            self.out.put(b"<?")?;
            self.out.put(target.as_bytes())?;
            if !data.is_empty() {
                self.out.put(b" ")?;
            }
        }
        self.markup_content(data, data_at, visible)?;
        if visible {
            self.out.put(b"?>")?;
            if depth == 0 && self.phase == Phase::Prolog {
                self.out.put(b"\n")?;
            }
        }
        Ok(())
    }

    fn comment(&mut self, content: &str, start: u64) -> Result<(), C14nError> {
        let depth = self.frames.len();
        let visible = self.comments
            && if depth == 0 {
                self.top_level_visible()
            } else {
                self.visible()
            };
        if visible && depth == 0 && self.phase == Phase::Epilog {
            self.out.put(b"\n")?;
        }
        if visible {
            self.out.put(b"<!--")?;
        }
        self.markup_content(content, start + 4, visible)?;
        if visible {
            self.out.put(b"-->")?;
            if depth == 0 && self.phase == Phase::Prolog {
                self.out.put(b"\n")?;
            }
        }
        Ok(())
    }

    /// Comment or PI content: characters checked, line ends normalised, nothing escaped.
    fn markup_content(&mut self, s: &str, at: u64, write: bool) -> Result<(), C14nError> {
        let b = s.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while let Some(p) = b[i..].iter().position(|&c| MARKUP_SPECIAL[c as usize]) {
            i += p;
            match b[i] {
                b'\r' => {
                    if write {
                        self.out.put(&b[run..i])?;
                        self.out.put(b"\n")?;
                    }
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    run = i;
                }
                0xEF => {
                    if is_noncharacter_at(b, i) {
                        return Err(self
                            .malformed(at + i as u64, "U+FFFE or U+FFFF is not an XML character"));
                    }
                    i += 1;
                }
                c => {
                    return Err(self.malformed(
                        at + i as u64,
                        format!("control character U+{c:04X} is not an XML character"),
                    ))
                }
            }
        }
        if write {
            self.out.put(&b[run..])?;
        }
        Ok(())
    }

    // --- character data -----------------------------------------------------------------------

    fn text(&mut self, s: &str, at: u64, cdata: bool) -> Result<(), C14nError> {
        let b = s.as_bytes();
        if self.frames.is_empty() {
            if let Some(p) = b.iter().position(|&c| !is_xml_ws(c)) {
                return Err(self.malformed(at + p as u64, "text outside the document element"));
            }
            return Ok(());
        }
        let write = self.visible();
        let mut run = 0;
        let mut i = 0;
        while let Some(p) = b[i..].iter().position(|&c| TEXT_SPECIAL[c as usize]) {
            i += p;
            let rep: &[u8] = match b[i] {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => {
                    if !cdata && i >= 2 && &b[i - 2..i] == b"]]" {
                        return Err(
                            self.malformed(at + i as u64 - 2, "`]]>` is not allowed in text")
                        );
                    }
                    b"&gt;"
                }
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        // CR LF: drop the CR, the LF follows in the next run.
                        if write {
                            self.out.put(&b[run..i])?;
                        }
                        i += 1;
                        run = i;
                        continue;
                    }
                    b"\n"
                }
                0xEF => {
                    if is_noncharacter_at(b, i) {
                        return Err(self
                            .malformed(at + i as u64, "U+FFFE or U+FFFF is not an XML character"));
                    }
                    i += 1;
                    continue;
                }
                c => {
                    return Err(self.malformed(
                        at + i as u64,
                        format!("control character U+{c:04X} is not an XML character"),
                    ))
                }
            };
            if write {
                self.out.put(&b[run..i])?;
                self.out.put(rep)?;
            }
            i += 1;
            run = i;
        }
        if write {
            self.out.put(&b[run..])?;
        }
        Ok(())
    }

    fn reference(&mut self, name: &str, start: u64) -> Result<(), C14nError> {
        if self.frames.is_empty() {
            return Err(self.malformed(start, "a reference outside the document element"));
        }
        let c = self.resolve(name, start)?;
        if self.visible() {
            let mut buf = [0u8; 4];
            let rep: &[u8] = match c {
                '&' => b"&amp;",
                '<' => b"&lt;",
                '>' => b"&gt;",
                '\r' => b"&#xD;",
                c => c.encode_utf8(&mut buf).as_bytes(),
            };
            self.out.put(rep)?;
        }
        Ok(())
    }

    fn resolve(&self, name: &str, at: u64) -> Result<char, C14nError> {
        resolve_ref(name).map_err(|known_form| {
            if known_form {
                C14nError::UnknownEntity {
                    name: name.to_owned(),
                    at: self.pos(at),
                }
            } else {
                self.malformed(at, format!("invalid reference `&{name};`"))
            }
        })
    }

    /// An attribute value normalised (XML 1.0 §3.3.3, CDATA): references resolved, literal
    /// TAB/LF/CR (CR LF as one) become spaces.
    fn attr_value(&self, raw: &'a str, at: u64) -> Result<Cow<'a, str>, C14nError> {
        let b = raw.as_bytes();
        let Some(first) = b.iter().position(|&c| ATTR_SOURCE_SPECIAL[c as usize]) else {
            return Ok(Cow::Borrowed(raw));
        };
        let mut v = String::with_capacity(raw.len());
        let mut run = 0;
        let mut i = first;
        loop {
            match b[i] {
                b'&' => {
                    v.push_str(&raw[run..i]);
                    let semi = memchr::memchr(b';', &b[i..])
                        .ok_or_else(|| self.malformed(at + i as u64, "unterminated reference"))?;
                    let name = &raw[i + 1..i + semi];
                    v.push(self.resolve(name, at + i as u64)?);
                    i += semi + 1;
                    run = i;
                }
                b'<' => {
                    return Err(self.malformed(at + i as u64, "`<` in an attribute value"));
                }
                b'\t' | b'\n' => {
                    v.push_str(&raw[run..i]);
                    v.push(' ');
                    i += 1;
                    run = i;
                }
                b'\r' => {
                    v.push_str(&raw[run..i]);
                    v.push(' ');
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    run = i;
                }
                0xEF => {
                    if is_noncharacter_at(b, i) {
                        return Err(self
                            .malformed(at + i as u64, "U+FFFE or U+FFFF is not an XML character"));
                    }
                    i += 1;
                }
                c => {
                    return Err(self.malformed(
                        at + i as u64,
                        format!("control character U+{c:04X} is not an XML character"),
                    ))
                }
            }
            match b[i..].iter().position(|&c| ATTR_SOURCE_SPECIAL[c as usize]) {
                Some(p) => i += p,
                None => break,
            }
        }
        v.push_str(&raw[run..]);
        Ok(Cow::Owned(v))
    }

    // --- elements -----------------------------------------------------------------------------

    /// A start tag; `tag` is its text between `<` and `>` (or `/>`), `start` the offset of `<`.
    fn start(&mut self, tag: &'a str, start: u64) -> Result<(), C14nError> {
        let depth = self.frames.len() + 1;
        match self.phase {
            Phase::Epilog => {
                return Err(self.malformed(start, "a second document element"));
            }
            Phase::Prolog => self.phase = Phase::Element,
            Phase::Element => {}
        }
        if depth > self.limits.max_depth {
            return Err(self.limit(start, "element depth", self.limits.max_depth));
        }
        let name_len = tag_name(tag).len();
        let qname = &tag[..name_len];
        let (eprefix, _elocal) = split_qname(qname)
            .ok_or_else(|| self.malformed(start + 1, format!("invalid element name `{qname}`")))?;
        if eprefix == "xmlns" {
            return Err(self.malformed(start + 1, "the prefix `xmlns` cannot name an element"));
        }

        // Attributes and namespace declarations.
        let mut attrs = std::mem::take(&mut self.attrs);
        let mut decls = std::mem::take(&mut self.decls);
        attrs.clear();
        decls.clear();
        let rest = &tag[name_len..];
        let rest_at = start + 1 + name_len as u64;
        let mut i = 0;
        while let Some(a) =
            next_attr(rest, &mut i).map_err(|(o, r)| self.malformed(rest_at + o as u64, r))?
        {
            if attrs.len() + decls.len() >= self.limits.max_attributes {
                return Err(self.limit(
                    rest_at + a.name_at as u64,
                    "attributes on one element",
                    self.limits.max_attributes,
                ));
            }
            let name_at = rest_at + a.name_at as u64;
            let value_at = rest_at + a.value_at as u64;
            let (prefix, local) = split_qname(a.name).ok_or_else(|| {
                self.malformed(name_at, format!("invalid attribute name `{}`", a.name))
            })?;
            let value = self.attr_value(a.raw, value_at)?;
            if prefix.is_empty() && local == "xmlns" {
                decls.push((
                    Binding {
                        prefix: "",
                        uri: value,
                    },
                    name_at,
                ));
            } else if prefix == "xmlns" {
                decls.push((
                    Binding {
                        prefix: local,
                        uri: value,
                    },
                    name_at,
                ));
            } else {
                attrs.push(Attr {
                    qname: a.name,
                    prefix,
                    local,
                    uri: Cow::Borrowed(""),
                    value,
                    at: name_at,
                });
            }
        }

        // Declarations: checked, then in scope.
        decls.sort_by(|a, b| a.0.prefix.cmp(b.0.prefix));
        for w in decls.windows(2) {
            if w[0].0.prefix == w[1].0.prefix {
                return Err(self.malformed(w[1].1, "duplicate namespace declaration"));
            }
        }
        for (d, at) in &decls {
            self.check_decl(d, *at)?;
        }
        let ns_mark = self.ns.len();
        if ns_mark + decls.len() > self.limits.max_namespaces {
            return Err(self.limit(
                start,
                "namespace declarations in scope",
                self.limits.max_namespaces,
            ));
        }
        self.ns.extend(decls.iter().map(|(d, _)| d.clone()));

        // Names resolved.
        if !eprefix.is_empty() && eprefix != "xml" && lookup(&self.ns, eprefix).is_none() {
            return Err(C14nError::UndefinedPrefix {
                prefix: eprefix.to_owned(),
                at: self.pos(start + 1),
            });
        }
        for a in attrs.iter_mut() {
            a.uri = match a.prefix {
                "" => Cow::Borrowed(""),
                "xml" => Cow::Borrowed(XML_NS),
                p => match lookup(&self.ns, p) {
                    Some(u) => u.clone(),
                    None => {
                        return Err(C14nError::UndefinedPrefix {
                            prefix: p.to_owned(),
                            at: self.pos(a.at),
                        })
                    }
                },
            };
        }
        attrs.sort_by(|a, b| (&*a.uri, a.local).cmp(&(&*b.uri, b.local)));
        for w in attrs.windows(2) {
            if w[0].uri == w[1].uri && w[0].local == w[1].local {
                return Err(self.malformed(
                    w[1].at.max(w[0].at),
                    format!("duplicate attribute `{}`", w[1].qname),
                ));
            }
        }

        // The subset.
        let starts_apex = self.subset.apex == Some(start);
        if starts_apex {
            self.apex_found = true;
            self.apex_open = true;
            self.apex_depth = Some(depth);
        }
        if self.subset.omit == Some(start) {
            self.omit_found = true;
            if self.omit_depth.is_none() {
                self.omit_depth = Some(depth);
            }
        }
        let visible = self.visible() && !self.apex_done;
        let frame = Frame {
            ns_mark,
            rendered_mark: self.rendered.len(),
            xml_mark: self.xml_attrs.len(),
            visible,
        };

        if visible {
            let orphan = match self.subset.apex {
                None => depth == 1,
                Some(_) => starts_apex,
            };
            if !self.exclusive && orphan && self.subset.apex.is_some() {
                // C14N 1.0 §2.4: the nearest `xml:*` attributes of the ancestors.
                for x in self.xml_attrs.iter().rev() {
                    if !attrs.iter().any(|a| a.uri == XML_NS && a.local == x.local) {
                        attrs.push(Attr {
                            qname: x.qname,
                            prefix: x.prefix,
                            local: x.local,
                            uri: x.uri.clone(),
                            value: x.value.clone(),
                            at: x.at,
                        });
                    }
                }
                attrs.sort_by(|a, b| (&*a.uri, a.local).cmp(&(&*b.uri, b.local)));
            }
            self.write_start(qname, eprefix, &attrs, ns_mark, orphan)?;
        } else if !self.exclusive && self.subset.apex.is_some() && !self.apex_found {
            // An ancestor of a (possible) apex: keep its `xml:*` attributes.
            for a in attrs.iter().filter(|a| a.prefix == "xml") {
                self.xml_attrs.push(Attr {
                    qname: a.qname,
                    prefix: a.prefix,
                    local: a.local,
                    uri: a.uri.clone(),
                    value: a.value.clone(),
                    at: a.at,
                });
            }
        }
        self.frames.push(frame);
        self.attrs = attrs;
        self.decls = decls;
        Ok(())
    }

    fn check_decl(&self, d: &Binding<'a>, at: u64) -> Result<(), C14nError> {
        let uri = &*d.uri;
        if d.prefix == "xmlns" {
            return Err(self.malformed(at, "the prefix `xmlns` cannot be declared"));
        }
        if d.prefix == "xml" {
            if uri != XML_NS {
                return Err(
                    self.malformed(at, format!("the prefix `xml` is bound to {XML_NS} only"))
                );
            }
            return Ok(());
        }
        if uri == XML_NS || uri == XMLNS_NS {
            return Err(self.malformed(at, format!("the namespace {uri} cannot be declared")));
        }
        if uri.is_empty() {
            if d.prefix.is_empty() {
                return Ok(());
            }
            return Err(self.malformed(
                at,
                format!(
                    "`xmlns:{}=\"\"`: a prefix cannot be undeclared in XML 1.0",
                    d.prefix
                ),
            ));
        }
        if !has_scheme(uri) {
            return Err(C14nError::RelativeNamespaceUri {
                uri: uri.to_owned(),
                at: self.pos(at),
            });
        }
        Ok(())
    }

    fn write_start(
        &mut self,
        qname: &'a str,
        eprefix: &'a str,
        attrs: &[Attr<'a>],
        ns_mark: usize,
        orphan: bool,
    ) -> Result<(), C14nError> {
        let mut render = std::mem::take(&mut self.render);
        render.clear();
        if !self.exclusive {
            if orphan {
                // Every binding in scope (the nearest declaration of each prefix).
                for b in self.ns.iter().rev() {
                    if b.prefix == "xml" || render.iter().any(|r| r.prefix == b.prefix) {
                        continue;
                    }
                    render.push(b.clone());
                }
                // An undeclared default namespace has no namespace node.
                render.retain(|r| !r.uri.is_empty());
            } else {
                let parent = &self.ns[..ns_mark];
                for b in &self.ns[ns_mark..] {
                    if b.prefix == "xml" {
                        continue;
                    }
                    let before = lookup(parent, b.prefix)
                        .map(|u| &**u)
                        .or(if b.prefix.is_empty() { Some("") } else { None });
                    if before != Some(&*b.uri) {
                        render.push(b.clone());
                    }
                }
            }
        } else {
            let mut cands = std::mem::take(&mut self.candidates);
            cands.clear();
            cands.push(eprefix);
            cands.extend(attrs.iter().map(|a| a.prefix).filter(|p| !p.is_empty()));
            for p in &self.prefix_list {
                if p.is_empty() {
                    cands.push("");
                } else if let Some(b) = self.ns.iter().rev().find(|b| b.prefix == *p) {
                    cands.push(b.prefix);
                }
            }
            cands.sort_unstable();
            cands.dedup();
            for &p in &cands {
                if p == "xml" {
                    continue;
                }
                let uri: Cow<'a, str> = match lookup(&self.ns, p) {
                    Some(u) => u.clone(),
                    None if p.is_empty() => Cow::Borrowed(""),
                    None => continue,
                };
                let done = lookup(&self.rendered, p).map(|u| &**u).or(if p.is_empty() {
                    Some("")
                } else {
                    None
                });
                if done != Some(&*uri) {
                    render.push(Binding { prefix: p, uri });
                }
            }
            self.rendered.extend(render.iter().cloned());
            self.candidates = cands;
        }
        render.sort_by(|a, b| a.prefix.cmp(b.prefix));

        self.out.put(b"<")?;
        self.out.put(qname.as_bytes())?;
        for b in &render {
            if b.prefix.is_empty() {
                self.out.put(b" xmlns=\"")?;
            } else {
                self.out.put(b" xmlns:")?;
                self.out.put(b.prefix.as_bytes())?;
                self.out.put(b"=\"")?;
            }
            self.attr_escaped(&b.uri)?;
            self.out.put(b"\"")?;
        }
        for a in attrs {
            self.out.put(b" ")?;
            self.out.put(a.qname.as_bytes())?;
            self.out.put(b"=\"")?;
            self.attr_escaped(&a.value)?;
            self.out.put(b"\"")?;
        }
        self.out.put(b">")?;
        self.render = render;
        Ok(())
    }

    fn attr_escaped(&mut self, v: &str) -> Result<(), C14nError> {
        let b = v.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while let Some(p) = b[i..].iter().position(|&c| ATTR_ESCAPE[c as usize]) {
            i += p;
            let rep: &[u8] = match b[i] {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'"' => b"&quot;",
                b'\t' => b"&#x9;",
                b'\n' => b"&#xA;",
                _ => b"&#xD;",
            };
            self.out.put(&b[run..i])?;
            self.out.put(rep)?;
            i += 1;
            run = i;
        }
        self.out.put(&b[run..])
    }

    /// An end tag (or the end of an empty element); `end` is the offset just after it.
    fn end(&mut self, name: &str, end: u64) -> Result<(), C14nError> {
        let depth = self.frames.len();
        let Some(frame) = self.frames.pop() else {
            return Err(self.malformed(end, "an end tag without a start tag"));
        };
        if frame.visible {
            self.out.put(b"</")?;
            self.out.put(name.as_bytes())?;
            self.out.put(b">")?;
        }
        self.ns.truncate(frame.ns_mark);
        self.rendered.truncate(frame.rendered_mark);
        self.xml_attrs.truncate(frame.xml_mark);
        if self.omit_depth == Some(depth) {
            self.omit_depth = None;
            if let (Some(expected), Some(start)) = (self.subset.omit_end, self.subset.omit) {
                if expected != end {
                    return Err(C14nError::SpanMismatch {
                        start,
                        expected,
                        found: end,
                    });
                }
            }
        }
        if self.apex_depth == Some(depth) {
            self.apex_depth = None;
            self.apex_open = false;
            self.apex_done = true;
        }
        if self.frames.is_empty() {
            self.phase = Phase::Epilog;
        }
        Ok(())
    }
}

/// The element name at the start of a tag's text.
fn tag_name(tag: &str) -> &str {
    let n = tag
        .as_bytes()
        .iter()
        .position(|&c| is_xml_ws(c))
        .unwrap_or(tag.len());
    &tag[..n]
}

fn lookup<'s, 'a>(stack: &'s [Binding<'a>], prefix: &str) -> Option<&'s Cow<'a, str>> {
    stack
        .iter()
        .rev()
        .find(|b| b.prefix == prefix)
        .map(|b| &b.uri)
}

/// One `name="value"` of a tag (or of the XML declaration).
struct RawAttr<'a> {
    name: &'a str,
    raw: &'a str,
    name_at: usize,
    value_at: usize,
}

/// The next attribute of `s` from `*i`, or `None` at the end; errors as (offset in `s`, reason).
fn next_attr<'a>(s: &'a str, i: &mut usize) -> Result<Option<RawAttr<'a>>, (usize, &'static str)> {
    let b = s.as_bytes();
    let ws_start = *i;
    while *i < b.len() && is_xml_ws(b[*i]) {
        *i += 1;
    }
    if *i == b.len() {
        return Ok(None);
    }
    if *i == ws_start {
        return Err((*i, "whitespace is required before an attribute"));
    }
    let name_at = *i;
    while *i < b.len() && !is_xml_ws(b[*i]) && b[*i] != b'=' {
        *i += 1;
    }
    let name = &s[name_at..*i];
    if name.is_empty() {
        return Err((name_at, "an attribute name is expected"));
    }
    while *i < b.len() && is_xml_ws(b[*i]) {
        *i += 1;
    }
    if b.get(*i) != Some(&b'=') {
        return Err((*i, "`=` is expected after an attribute name"));
    }
    *i += 1;
    while *i < b.len() && is_xml_ws(b[*i]) {
        *i += 1;
    }
    let quote = match b.get(*i) {
        Some(&q @ (b'"' | b'\'')) => q,
        _ => return Err((*i, "a quoted attribute value is expected")),
    };
    let value_at = *i + 1;
    let Some(len) = memchr::memchr(quote, &b[value_at..]) else {
        return Err((*i, "the attribute value is not closed"));
    };
    *i = value_at + len + 1;
    Ok(Some(RawAttr {
        name,
        raw: &s[value_at..value_at + len],
        name_at,
        value_at,
    }))
}
