//! Attachment payloads: base64 text decoded in one streaming pass, the VNPT single-entry ZIP
//! wrapper taken off, the content hashed and sniffed, and handed to a caller's sink.
//!
//! QĐ 28/2018/QĐ-TTg Đ10.1 (DOC-09): the content of an exchanged e-document is the document
//! **and all attached dossiers and documents**; Đ9.1 (DOC-28): the receiver checks their
//! completeness and integrity before accepting. What real packages carry (EDXML.md §7):
//!
//! - base64 on one line inside `ContentTransferEncoded` (line breaks tolerated);
//! - the VNPT JAR zips every file first: one deflated entry named `<uuid>.<ext>` with a data
//!   descriptor (sizes after the data), so the entry is inflated as a stream (flate2) and its
//!   CRC-32 checked against the descriptor; other senders send raw bytes;
//! - `ContentType` does not reveal the wrapping (`application/zip` for a zipped `.doc`,
//!   `application/pdf` for a zipped PDF), so content is **sniffed**, never trusted;
//! - real defects: a JMeter placeholder instead of base64, a truncated ZIP (end record 21 of 22
//!   bytes), a PDF decoded as UTF-8 text and re-encoded (every non-ASCII byte became U+FFFD),
//!   17 bytes of junk named `.PDF`, an edXML package nested as a `.doc`.
//!
//! Memory stays bounded whatever the attachment size: a 4 KiB base64 window, a 32 KiB inflate
//! window, a few KiB of ZIP header and trailer.

use std::io::{self, Write};

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use flate2::{Decompress, FlushDecompress, Status};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the content's first bytes say it is (magic numbers), whatever its declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContentKind {
    /// No bytes.
    Empty,
    /// `%PDF-`.
    Pdf,
    /// A ZIP archive (`PK\x03\x04`): also DOCX, XLSX, ODT and other OOXML/ODF files.
    Zip,
    /// An OLE compound file (`D0 CF 11 E0`): legacy `.doc`, `.xls`, `.ppt`.
    Ole,
    /// XML (`<?xml` or `<`), for example a nested edXML package.
    Xml,
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// TIFF.
    Tiff,
    /// GIF.
    Gif,
    /// RTF (`{\rtf`).
    Rtf,
    /// Valid UTF-8 text without NUL bytes.
    Text,
    /// None of the above.
    Unknown,
}

impl ContentKind {
    /// The stable name (`pdf`, `zip`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::Empty => "empty",
            ContentKind::Pdf => "pdf",
            ContentKind::Zip => "zip",
            ContentKind::Ole => "ole",
            ContentKind::Xml => "xml",
            ContentKind::Png => "png",
            ContentKind::Jpeg => "jpeg",
            ContentKind::Tiff => "tiff",
            ContentKind::Gif => "gif",
            ContentKind::Rtf => "rtf",
            ContentKind::Text => "text",
            ContentKind::Unknown => "unknown",
        }
    }

    fn from_head(head: &[u8], utf8_text: bool) -> ContentKind {
        let h = head;
        if h.is_empty() {
            ContentKind::Empty
        } else if h.starts_with(b"%PDF-") {
            ContentKind::Pdf
        } else if h.starts_with(b"PK\x03\x04") || h.starts_with(b"PK\x05\x06") {
            ContentKind::Zip
        } else if h.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            ContentKind::Ole
        } else if h.starts_with(b"\x89PNG\r\n\x1a\n") {
            ContentKind::Png
        } else if h.starts_with(&[0xFF, 0xD8, 0xFF]) {
            ContentKind::Jpeg
        } else if h.starts_with(b"II*\0") || h.starts_with(b"MM\0*") {
            ContentKind::Tiff
        } else if h.starts_with(b"GIF87a") || h.starts_with(b"GIF89a") {
            ContentKind::Gif
        } else if h.starts_with(b"{\\rtf") {
            ContentKind::Rtf
        } else {
            let t = h.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(h);
            let t = trim_ascii_start(t);
            if t.starts_with(b"<?xml") || (t.starts_with(b"<") && utf8_text) {
                ContentKind::Xml
            } else if utf8_text {
                ContentKind::Text
            } else {
                ContentKind::Unknown
            }
        }
    }
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// How the transfer bytes were wrapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Wrapping {
    /// The bytes are the content.
    Raw,
    /// A ZIP whose (first) entry is the content: the VNPT builder's wrapping.
    Zip {
        /// The entry's name (`<uuid>.<ext>`).
        entry_name: String,
        /// Compression method (8 deflate, 0 stored).
        method: u16,
        /// Whether the entry's CRC-32 matched (None: no CRC to compare).
        crc_ok: Option<bool>,
        /// Whether more entries followed the first (only the first is the content).
        more_entries: bool,
        /// Whether the archive ends with a complete end-of-central-directory record.
        complete: bool,
        /// Why the entry could not be fully inflated, if it could not.
        error: Option<String>,
        /// The same, in Vietnamese.
        #[serde(default)]
        error_vi: Option<String>,
    },
    /// A ZIP signature, but the entry could not be taken out (encrypted, unknown method,
    /// stored with unknown size, header cut short): the bytes are passed on as they are.
    ZipUnreadable {
        /// Why.
        reason: String,
        /// The same, in Vietnamese.
        #[serde(default)]
        reason_vi: String,
    },
}

/// What one attachment's payload turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PayloadSummary {
    /// Base64 characters read (whitespace excluded).
    pub base64_chars: u64,
    /// Whitespace characters inside the base64 text (line breaks: tolerated).
    pub base64_whitespace: u64,
    /// The first reason the text is not base64, if it is not (decoding stops there).
    pub base64_error: Option<String>,
    /// The same, in Vietnamese.
    #[serde(default)]
    pub base64_error_vi: Option<String>,
    /// Decoded (transfer) bytes.
    pub transfer_bytes: u64,
    /// SHA-256 of the transfer bytes, lowercase hex.
    pub transfer_sha256: String,
    /// How they were wrapped.
    pub wrapping: Wrapping,
    /// Content bytes (after unwrapping).
    pub content_bytes: u64,
    /// SHA-256 of the content, lowercase hex.
    pub content_sha256: String,
    /// What the content's first bytes say it is.
    pub content_kind: ContentKind,
    /// Whether the whole content is valid UTF-8.
    pub utf8: bool,
    /// NUL bytes in the content (text has none).
    pub nul_bytes: u64,
    /// How many U+FFFD replacement characters (`EF BF BD`) it holds: binary data once decoded
    /// as text and re-encoded.
    pub replacement_chars: u64,
    /// Whether a PDF ends with `%%EOF` (in its last 1 KiB).
    pub pdf_eof: Option<bool>,
}

impl PayloadSummary {
    /// What the attachment is declared as (`application/pdf`, `.doc`) when its decoded content
    /// is not of that kind (DOC-28: the receiving check fails it, extraction warns); `None` when
    /// it is, when nothing is declared that says, or when the base64 did not decode.
    pub(crate) fn declared_otherwise(
        &self,
        content_type: Option<&str>,
        name: Option<&str>,
    ) -> Option<String> {
        let (declared, kinds) = expected_kind(content_type, name)?;
        (!kinds.contains(&self.content_kind) && self.base64_error.is_none()).then_some(declared)
    }

    /// Whether the content looks damaged by a text round trip: a binary format (PDF, ZIP, OLE,
    /// images) that is entirely valid UTF-8 and holds replacement characters.
    pub fn text_reencoded(&self) -> bool {
        self.utf8
            && self.replacement_chars > 0
            && !matches!(
                self.content_kind,
                ContentKind::Text | ContentKind::Xml | ContentKind::Empty
            )
    }
}

/// Where attachment content goes: one `begin`, any number of `write`s, one `end` per
/// attachment. `write` receives the **content** (after the ZIP wrapper, when
/// [`Unwrap::Auto`]) in chunks of at most 32 KiB.
pub trait AttachmentSink {
    /// An attachment starts. `meta` holds what its element said before its content.
    fn begin(&mut self, index: usize, meta: &AttachmentMeta) -> io::Result<()>;
    /// Content bytes.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// The attachment ended; `summary` says what it was.
    fn end(&mut self, index: usize, summary: &PayloadSummary) -> io::Result<()>;
}

/// What an attachment element says about itself before its content (the elements that precede
/// `ContentTransferEncoded`; the VNPT order puts them all first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentMeta {
    /// `ContentId`, if read yet.
    pub content_id: Option<String>,
    /// `AttachmentName`, if read yet.
    pub name: Option<String>,
    /// `ContentType`, if read yet.
    pub content_type: Option<String>,
}

/// A sink that keeps nothing: the summaries (sizes, hashes, kinds) are computed anyway.
#[derive(Debug, Default, Clone, Copy)]
pub struct DiscardSink;

impl AttachmentSink for DiscardSink {
    fn begin(&mut self, _: usize, _: &AttachmentMeta) -> io::Result<()> {
        Ok(())
    }
    fn write(&mut self, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self, _: usize, _: &PayloadSummary) -> io::Result<()> {
        Ok(())
    }
}

/// A sink that keeps every attachment's content in memory (small packages, tests, bindings).
#[derive(Debug, Default, Clone)]
pub struct MemorySink {
    /// The contents, by attachment index.
    pub contents: Vec<Vec<u8>>,
}

impl AttachmentSink for MemorySink {
    fn begin(&mut self, index: usize, _: &AttachmentMeta) -> io::Result<()> {
        if self.contents.len() <= index {
            self.contents.resize_with(index + 1, Vec::new);
        }
        Ok(())
    }
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some(last) = self.contents.last_mut() {
            last.extend_from_slice(bytes);
        }
        Ok(())
    }
    fn end(&mut self, _: usize, _: &PayloadSummary) -> io::Result<()> {
        Ok(())
    }
}

/// Whether to take off the ZIP wrapper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unwrap {
    /// A payload that starts with a ZIP local header has its first entry extracted, as the
    /// VNPT JAR and the PVN gateway do (default).
    #[default]
    Auto,
    /// The transfer bytes are the content.
    Never,
}

// ---------------------------------------------------------------------------------------------
// The pipeline: base64 text → transfer bytes → (unzip) → content.

/// Base64 text buffered before decoding (a multiple of 4).
const QUAD_CAPACITY: usize = 16 << 10;
const INVALID: u8 = 0;
const ALPHABET: u8 = 1;
const WHITESPACE: u8 = 2;
const PAD: u8 = 3;
/// Byte classes of base64 text.
static B64_CLASS: [u8; 256] = {
    let mut t = [INVALID; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() || b == b'+' || b == b'/' {
            ALPHABET
        } else if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
            WHITESPACE
        } else if b == b'=' {
            PAD
        } else {
            INVALID
        };
        c += 1;
    }
    t
};

const B64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Decodes one attachment's base64 text as it streams by and passes the bytes on.
pub(crate) struct Payload {
    unwrap: Unwrap,
    // base64 stage
    quad: Vec<u8>,
    /// Decoding buffer, reused.
    decoded: Vec<u8>,
    chars: u64,
    whitespace: u64,
    padding: bool,
    pads: u8,
    /// (English, Vietnamese).
    b64_error: Option<(String, String)>,
    // transfer stage
    transfer_len: u64,
    transfer_hash: Sha256,
    stage: Stage,
    // content stage
    content: ContentStats,
    error: Option<io::Error>,
}

enum Stage {
    /// Deciding: the first bytes.
    Head(Vec<u8>),
    Raw,
    /// A ZIP signature whose entry cannot be taken out: passed on as raw bytes.
    ZipUnreadableRaw((String, String)),
    ZipHeader(Vec<u8>),
    Inflate(Box<Inflate>),
    Stored {
        remaining: u64,
        header: ZipEntry,
    },
    Trailer {
        header: ZipEntry,
        bytes: TrailerBytes,
        error: Option<(String, String)>,
    },
}

struct ZipEntry {
    name: String,
    method: u16,
    flags: u16,
    crc: u32,
}

struct Inflate {
    header: ZipEntry,
    z: Decompress,
    out: Vec<u8>,
}

#[derive(Default)]
struct TrailerBytes {
    first: Vec<u8>,
    last: Vec<u8>,
    total: u64,
}

impl TrailerBytes {
    fn push(&mut self, b: &[u8]) {
        self.total += b.len() as u64;
        let room = 64usize.saturating_sub(self.first.len());
        self.first.extend_from_slice(&b[..room.min(b.len())]);
        self.last.extend_from_slice(b);
        if self.last.len() > 4096 {
            let cut = self.last.len() - 1024;
            self.last.drain(..cut);
        }
    }
}

#[derive(Default)]
struct ContentStats {
    len: u64,
    hash: Sha256,
    crc: crc32fast::Hasher,
    head: Vec<u8>,
    tail: Vec<u8>,
    utf8: bool,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last chunk.
    carry: Vec<u8>,
    replacement: u64,
    nul: u64,
    /// The last two bytes seen (a replacement sequence can straddle chunks).
    prev2: [u8; 2],
}

impl ContentStats {
    fn new() -> Self {
        ContentStats {
            utf8: true,
            ..ContentStats::default()
        }
    }

    fn update(&mut self, b: &[u8]) {
        self.len += b.len() as u64;
        self.hash.update(b);
        self.crc.update(b);
        self.nul += b.iter().filter(|&&c| c == 0).count() as u64;
        if self.head.len() < 16 {
            let n = (16 - self.head.len()).min(b.len());
            self.head.extend_from_slice(&b[..n]);
        }
        self.tail.extend_from_slice(b);
        if self.tail.len() > 2048 {
            let cut = self.tail.len() - 1024;
            self.tail.drain(..cut);
        }
        // U+FFFD = EF BF BD, counted across chunk edges.
        self.replacement += memchr::memmem::find_iter(b, &[0xEF, 0xBF, 0xBD]).count() as u64;
        let edge = [
            self.prev2[0],
            self.prev2[1],
            b[0],
            b.get(1).copied().unwrap_or(0),
        ];
        if edge[1..4] == [0xEF, 0xBF, 0xBD] && b.len() >= 2 || edge[0..3] == [0xEF, 0xBF, 0xBD] {
            self.replacement += 1;
        }
        let n = b.len();
        self.prev2 = match n {
            0 => self.prev2,
            1 => [self.prev2[1], b[0]],
            _ => [b[n - 2], b[n - 1]],
        };
        if self.utf8 {
            self.check_utf8(b);
        }
    }

    fn check_utf8(&mut self, b: &[u8]) {
        let mut data = std::mem::take(&mut self.carry);
        let joined: &[u8] = if data.is_empty() {
            b
        } else {
            data.extend_from_slice(b);
            &data
        };
        match std::str::from_utf8(joined) {
            Ok(_) => {}
            Err(e) => match e.error_len() {
                Some(_) => self.utf8 = false,
                None => self.carry = joined[e.valid_up_to()..].to_vec(),
            },
        }
    }
}

impl Payload {
    pub(crate) fn new(unwrap: Unwrap) -> Self {
        Payload {
            unwrap,
            quad: Vec::with_capacity(QUAD_CAPACITY),
            decoded: Vec::new(),
            chars: 0,
            whitespace: 0,
            padding: false,
            pads: 0,
            b64_error: None,
            transfer_len: 0,
            transfer_hash: Sha256::new(),
            stage: Stage::Head(Vec::new()),
            content: ContentStats::new(),
            error: None,
        }
    }

    /// Base64 text as written. Runs of alphabet characters are copied in slices (a lookup
    /// table classifies bytes); whitespace is skipped and counted; the first other byte stops
    /// decoding and is reported.
    pub(crate) fn text(&mut self, text: &[u8], sink: &mut dyn AttachmentSink) -> io::Result<()> {
        if self.b64_error.is_some() {
            return Ok(());
        }
        let mut i = 0;
        while i < text.len() {
            let class = B64_CLASS[text[i] as usize];
            if class == ALPHABET && !self.padding {
                let mut j = i + 1;
                while j < text.len() && B64_CLASS[text[j] as usize] == ALPHABET {
                    j += 1;
                }
                let mut run = &text[i..j];
                while !run.is_empty() {
                    let room = QUAD_CAPACITY - self.quad.len();
                    let n = room.min(run.len());
                    self.quad.extend_from_slice(&run[..n]);
                    run = &run[n..];
                    if self.quad.len() == QUAD_CAPACITY {
                        self.flush_quads(false, sink)?;
                    }
                }
                self.chars += (j - i) as u64;
                i = j;
                continue;
            }
            let c = text[i];
            match class {
                WHITESPACE => self.whitespace += 1,
                PAD => {
                    self.padding = true;
                    self.pads += 1;
                    self.chars += 1;
                    if self.pads > 2 {
                        self.quad.pop();
                        let at = self.chars + self.whitespace;
                        return self.fail_base64(
                            (
                                format!("more than two padding characters at character {at}"),
                                format!("quá hai ký tự đệm '=' tại ký tự thứ {at}"),
                            ),
                            sink,
                        );
                    }
                    self.quad.push(c);
                }
                _ => {
                    let shown = if c.is_ascii_graphic() {
                        format!("{:?}", c as char)
                    } else {
                        format!("byte 0x{c:02X}")
                    };
                    let at = self.chars + self.whitespace + 1;
                    let message = if self.padding && class == ALPHABET {
                        (
                            format!("data after the padding at character {at}"),
                            format!("còn dữ liệu sau ký tự đệm, tại ký tự thứ {at}"),
                        )
                    } else {
                        (
                            format!("{shown} at character {at} is not base64"),
                            format!("{shown} tại ký tự thứ {at} không phải base64"),
                        )
                    };
                    return self.fail_base64(message, sink);
                }
            }
            i += 1;
        }
        Ok(())
    }

    /// The base64 text breaks here: the whole groups of four read before it are decoded and
    /// passed on (nothing valid is dropped), then decoding stops with `message`.
    fn fail_base64(
        &mut self,
        message: (String, String),
        sink: &mut dyn AttachmentSink,
    ) -> io::Result<()> {
        let r = self.flush_quads(false, sink);
        if self.b64_error.is_none() {
            self.b64_error = Some(message);
        }
        self.quad.clear();
        r
    }

    fn flush_quads(&mut self, last: bool, sink: &mut dyn AttachmentSink) -> io::Result<()> {
        let usable = if last {
            self.quad.len()
        } else {
            self.quad.len() / 4 * 4
        };
        if usable == 0 {
            return Ok(());
        }
        let mut out = std::mem::take(&mut self.decoded);
        out.resize(usable / 4 * 3 + 3, 0);
        match B64.decode_slice(&self.quad[..usable], &mut out) {
            Ok(n) => {
                self.quad.drain(..usable);
                let r = self.transfer(&out[..n], sink);
                self.decoded = out;
                r
            }
            Err(e) => {
                // Whole groups before the offending one still decode: pass them on.
                let valid = match e {
                    base64::DecodeSliceError::DecodeError(
                        base64::DecodeError::InvalidByte(at, _)
                        | base64::DecodeError::InvalidLastSymbol { offset: at, .. },
                    ) => at / 4 * 4,
                    _ => 0,
                };
                let r = match B64.decode_slice(&self.quad[..valid], &mut out) {
                    Ok(n) if n > 0 => self.transfer(&out[..n], sink),
                    _ => Ok(()),
                };
                self.decoded = out;
                self.b64_error = Some((
                    format!("not base64: {e}"),
                    format!("không phải base64 ({e})"),
                ));
                self.quad.clear();
                r
            }
        }
    }

    fn transfer(&mut self, b: &[u8], sink: &mut dyn AttachmentSink) -> io::Result<()> {
        self.transfer_len += b.len() as u64;
        // Raw content is the transfer bytes: hashed once, as content.
        if !matches!(self.stage, Stage::Raw) {
            self.transfer_hash.update(b);
        }
        self.stage_input(b, sink)
    }

    fn stage_input(&mut self, mut b: &[u8], sink: &mut dyn AttachmentSink) -> io::Result<()> {
        while !b.is_empty() {
            match &mut self.stage {
                Stage::Head(head) => {
                    let n = (4 - head.len()).min(b.len());
                    head.extend_from_slice(&b[..n]);
                    b = &b[n..];
                    if head.len() == 4 {
                        let head = std::mem::take(head);
                        if self.unwrap == Unwrap::Auto && head == b"PK\x03\x04" {
                            self.stage = Stage::ZipHeader(head);
                        } else {
                            self.stage = Stage::Raw;
                            self.content(&head, sink)?;
                        }
                    }
                }
                Stage::Raw | Stage::ZipUnreadableRaw(_) => {
                    self.content(b, sink)?;
                    return Ok(());
                }
                Stage::ZipHeader(buf) => {
                    // 30 fixed bytes, then the name and the extra field their lengths give.
                    let need = |buf: &[u8]| {
                        if buf.len() >= 30 {
                            30 + u16le(buf, 26) as usize + u16le(buf, 28) as usize
                        } else {
                            30
                        }
                    };
                    let n = (need(buf) - buf.len()).min(b.len());
                    buf.extend_from_slice(&b[..n]);
                    b = &b[n..];
                    if buf.len() < need(buf) {
                        // More header to come: either this input is used up, or the fixed
                        // part just completed and the name/extra lengths are now known.
                        continue;
                    }
                    let header = std::mem::take(buf);
                    self.open_zip(header, sink)?;
                }
                Stage::Inflate(inf) => {
                    let before_in = inf.z.total_in();
                    let before_out = inf.z.total_out();
                    inf.out.clear();
                    let status = inf.z.decompress_vec(b, &mut inf.out, FlushDecompress::None);
                    let used = (inf.z.total_in() - before_in) as usize;
                    let produced = (inf.z.total_out() - before_out) as usize;
                    b = &b[used..];
                    let out = std::mem::take(&mut inf.out);
                    self.content(&out[..produced], sink)?;
                    let Stage::Inflate(inf) = &mut self.stage else {
                        return Ok(());
                    };
                    inf.out = out;
                    match status {
                        Ok(Status::StreamEnd) => {
                            let Stage::Inflate(inf) =
                                std::mem::replace(&mut self.stage, Stage::Raw)
                            else {
                                return Ok(());
                            };
                            self.stage = Stage::Trailer {
                                header: inf.header,
                                bytes: TrailerBytes::default(),
                                error: None,
                            };
                        }
                        Ok(_) => {
                            if used == 0 && produced == 0 {
                                // No progress with input left: the stream is damaged.
                                self.broken((
                                    "the deflate stream makes no progress".into(),
                                    "luồng nén deflate không tiến triển".into(),
                                ));
                            }
                        }
                        Err(e) => self.broken((
                            format!("the deflate stream is damaged: {e}"),
                            format!("luồng nén deflate bị hỏng ({e})"),
                        )),
                    }
                }
                Stage::Stored { remaining, .. } => {
                    let n = (*remaining).min(b.len() as u64) as usize;
                    *remaining -= n as u64;
                    let done = *remaining == 0;
                    let (now, rest) = b.split_at(n);
                    b = rest;
                    self.content(now, sink)?;
                    if done {
                        if let Stage::Stored { header, .. } =
                            std::mem::replace(&mut self.stage, Stage::Raw)
                        {
                            self.stage = Stage::Trailer {
                                header,
                                bytes: TrailerBytes::default(),
                                error: None,
                            };
                        }
                    }
                }
                Stage::Trailer { bytes, .. } => {
                    bytes.push(b);
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn broken(&mut self, reason: (String, String)) {
        if let Stage::Inflate(inf) = std::mem::replace(&mut self.stage, Stage::Raw) {
            self.stage = Stage::Trailer {
                header: inf.header,
                bytes: TrailerBytes::default(),
                error: Some(reason),
            };
        }
    }

    fn open_zip(&mut self, header: Vec<u8>, sink: &mut dyn AttachmentSink) -> io::Result<()> {
        let flags = u16le(&header, 6);
        let method = u16le(&header, 8);
        let crc = u32le(&header, 14);
        let csize = u32le(&header, 18);
        let name_len = u16le(&header, 26) as usize;
        let name = String::from_utf8_lossy(&header[30..30 + name_len]).into_owned();
        let entry = ZipEntry {
            name,
            method,
            flags,
            crc,
        };
        let reason = if flags & 1 != 0 {
            Some((
                "the entry is encrypted".to_owned(),
                "mục dữ liệu bị mã hóa".to_owned(),
            ))
        } else if method == 0 && flags & 8 != 0 {
            Some((
                "a stored entry whose size is only given after the data".to_owned(),
                "mục lưu không nén mà kích thước chỉ ghi sau dữ liệu".to_owned(),
            ))
        } else if method != 0 && method != 8 {
            Some((
                format!("compression method {method} is not supported (deflate and stored are)"),
                format!("phương thức nén {method} không được hỗ trợ (chỉ deflate và không nén)"),
            ))
        } else {
            None
        };
        match reason {
            Some(reason) => {
                self.stage = Stage::ZipUnreadableRaw(reason);
                self.content_from_unreadable(&header, sink)
            }
            None => {
                self.stage = if method == 8 {
                    Stage::Inflate(Box::new(Inflate {
                        header: entry,
                        z: Decompress::new(false),
                        out: Vec::with_capacity(32 << 10),
                    }))
                } else if csize == 0 {
                    // An empty stored entry: its data is already complete.
                    Stage::Trailer {
                        header: entry,
                        bytes: TrailerBytes::default(),
                        error: None,
                    }
                } else {
                    Stage::Stored {
                        remaining: u64::from(csize),
                        header: entry,
                    }
                };
                Ok(())
            }
        }
    }

    fn content(&mut self, b: &[u8], sink: &mut dyn AttachmentSink) -> io::Result<()> {
        if b.is_empty() {
            return Ok(());
        }
        self.content.update(b);
        if self.error.is_none() {
            if let Err(e) = sink.write(b) {
                let kind = e.kind();
                let msg = e.to_string();
                self.error = Some(e);
                return Err(io::Error::new(kind, msg));
            }
        }
        Ok(())
    }

    /// The text ended: flushes and summarises.
    pub(crate) fn finish(mut self, sink: &mut dyn AttachmentSink) -> io::Result<PayloadSummary> {
        if self.b64_error.is_none() {
            if self.quad.len() % 4 == 1 {
                self.b64_error = Some((
                    format!(
                        "the base64 text ends with a lone character ({} characters, not a multiple of 4)",
                        self.chars
                    ),
                    format!(
                        "văn bản base64 kết thúc bằng một ký tự lẻ ({} ký tự, không chia hết cho 4)",
                        self.chars
                    ),
                ));
                self.quad.clear();
            }
            self.flush_quads(true, sink)?;
        }
        let wrapping = match std::mem::replace(&mut self.stage, Stage::Raw) {
            Stage::Head(head) => {
                self.content(&head, sink)?;
                Wrapping::Raw
            }
            Stage::Raw => Wrapping::Raw,
            Stage::ZipHeader(buf) => {
                self.content(&buf, sink)?;
                Wrapping::ZipUnreadable {
                    reason: "the ZIP header is cut short".into(),
                    reason_vi: "phần đầu mục ZIP bị cắt cụt".into(),
                }
            }
            Stage::ZipUnreadableRaw((reason, reason_vi)) => {
                Wrapping::ZipUnreadable { reason, reason_vi }
            }
            Stage::Inflate(inf) => Wrapping::Zip {
                entry_name: inf.header.name,
                method: inf.header.method,
                crc_ok: None,
                more_entries: false,
                complete: false,
                error: Some("the deflate stream ends early: the entry is truncated".into()),
                error_vi: Some("luồng nén deflate kết thúc sớm: mục dữ liệu bị cắt cụt".into()),
            },
            Stage::Stored { header, remaining } => Wrapping::Zip {
                entry_name: header.name,
                method: header.method,
                crc_ok: None,
                more_entries: false,
                complete: false,
                error: Some(format!(
                    "the stored entry is truncated ({remaining} bytes missing)"
                )),
                error_vi: Some(format!(
                    "mục lưu không nén bị cắt cụt (thiếu {remaining} byte)"
                )),
            },
            Stage::Trailer {
                header,
                bytes,
                error,
            } => {
                let crc = self.content.crc.clone().finalize();
                let (expected, after) = if header.flags & 8 != 0 {
                    // Data descriptor: optional signature, CRC, sizes (32- or 64-bit).
                    let d = &bytes.first;
                    let off = if d.starts_with(b"PK\x07\x08") { 4 } else { 0 };
                    let crc = (d.len() >= off + 4).then(|| u32le(d, off));
                    let zip64 = d.len() >= off + 20
                        && &d[off + 20..(off + 24).min(d.len())] == b"PK\x03\x04";
                    (crc, off + if zip64 { 20 } else { 12 })
                } else {
                    (Some(header.crc), 0)
                };
                let more_entries =
                    bytes.first.get(after..after + 4) == Some(b"PK\x03\x04".as_slice());
                let complete = eocd_complete(&bytes.last);
                Wrapping::Zip {
                    entry_name: header.name,
                    method: header.method,
                    crc_ok: if error.is_some() {
                        None
                    } else {
                        expected.map(|e| e == crc)
                    },
                    more_entries,
                    complete,
                    error_vi: error.as_ref().map(|e| e.1.clone()),
                    error: error.map(|e| e.0),
                }
            }
        };
        if !self.content.carry.is_empty() {
            // The content ends inside a UTF-8 sequence.
            self.content.utf8 = false;
        }
        let kind = ContentKind::from_head(
            &self.content.head,
            self.content.utf8 && self.content.nul == 0,
        );
        let pdf_eof = (kind == ContentKind::Pdf).then(|| {
            let t = &self.content.tail;
            t.windows(5).any(|w| w == b"%%EOF")
        });
        let content_sha256 = hex(&self.content.hash.clone().finalize());
        let transfer_sha256 = if matches!(wrapping, Wrapping::Raw) {
            content_sha256.clone()
        } else {
            hex(&self.transfer_hash.finalize())
        };
        let mut summary = PayloadSummary {
            base64_chars: self.chars,
            base64_whitespace: self.whitespace,
            base64_error_vi: self.b64_error.as_ref().map(|e| e.1.clone()),
            base64_error: self.b64_error.take().map(|e| e.0),
            transfer_bytes: self.transfer_len,
            transfer_sha256: String::new(),
            wrapping,
            content_bytes: self.content.len,
            content_sha256,
            content_kind: kind,
            utf8: self.content.utf8,
            nul_bytes: self.content.nul,
            replacement_chars: self.content.replacement,
            pdf_eof,
        };
        summary.transfer_sha256 = transfer_sha256;
        Ok(summary)
    }

    fn content_from_unreadable(
        &mut self,
        header: &[u8],
        sink: &mut dyn AttachmentSink,
    ) -> io::Result<()> {
        self.content(header, sink)
    }
}

fn eocd_complete(last: &[u8]) -> bool {
    // The end record is 22 bytes plus a comment; search its signature backwards.
    let n = last.len();
    if n < 22 {
        return false;
    }
    for start in (0..=n - 22).rev() {
        if &last[start..start + 4] == b"PK\x05\x06" {
            let comment = u16le(last, start + 20) as usize;
            return start + 22 + comment == n;
        }
    }
    false
}

fn u16le(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Adapts a [`Write`] as a single-attachment sink (used by `extract` and the bindings).
pub struct WriteSink<W: Write> {
    /// The writer.
    pub inner: W,
}

impl<W: Write> AttachmentSink for WriteSink<W> {
    fn begin(&mut self, _: usize, _: &AttachmentMeta) -> io::Result<()> {
        Ok(())
    }
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.inner.write_all(bytes)
    }
    fn end(&mut self, _: usize, _: &PayloadSummary) -> io::Result<()> {
        self.inner.flush()
    }
}

/// What content a declared type or file name leads the receiver to expect.
fn expected_kind(
    content_type: Option<&str>,
    name: Option<&str>,
) -> Option<(String, &'static [ContentKind])> {
    const PDF: &[ContentKind] = &[ContentKind::Pdf];
    const DOC: &[ContentKind] = &[ContentKind::Ole, ContentKind::Rtf];
    const OOXML: &[ContentKind] = &[ContentKind::Zip];
    const TEXT: &[ContentKind] = &[ContentKind::Text, ContentKind::Xml, ContentKind::Empty];
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let ty = content_type.map(|t| t.trim().to_ascii_lowercase());
    let by_type = match ty.as_deref() {
        Some("application/pdf") => Some(PDF),
        Some("application/msword") | Some("application/doc") => Some(DOC),
        Some(t) if t.contains("openxmlformats") || t.contains("opendocument") => Some(OOXML),
        Some("text/plain") => Some(TEXT),
        _ => None,
    };
    if let Some(k) = by_type {
        return Some((ty.unwrap_or_default(), k));
    }
    // `application/zip` and unknown types: the file name says what the content is (the VNPT
    // JAR labels a zipped .doc application/zip).
    let k = match ext.as_deref() {
        Some("pdf") => PDF,
        Some("doc") | Some("xls") | Some("ppt") => DOC,
        Some("docx") | Some("xlsx") | Some("pptx") | Some("odt") | Some("ods") => OOXML,
        Some("txt") => TEXT,
        _ => return None,
    };
    Some((format!(".{}", ext.unwrap_or_default()), k))
}
