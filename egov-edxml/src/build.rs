//! Building packages and status messages in the shape the axis accepts (QĐ 28/2018/QĐ-TTg Đ14.2,
//! DOC-05: «định dạng dữ liệu gói tin, phản hồi trạng thái xử lý văn bản theo quy định của Bộ
//! Thông tin và Truyền thông»): the VNPT `EdXmlBuilder`'s layout, byte for byte — the root
//! `edXML` with the QCVN 102:2016 default namespace, every envelope element prefixed `edXML:`,
//! `AttachmentEncoded` after the envelope with unprefixed children and an
//! `edXML:ContentTransferEncoded` that redeclares its prefix, two-space indentation, CRLF line
//! ends (or LF), `yyyy/MM/dd` dates (EDXML.md §1, §8, §11).
//!
//! Attachments stream from readers: each is (optionally) zipped as the JAR does — one deflated
//! entry `<uuid>.<ext>` written with a data descriptor by the `zip` crate's stream writer — and
//! base64-encoded on the fly into the output, so a 1 GB attachment never sits in memory.

use std::io::{self, Read, Write};

use base64::engine::general_purpose::STANDARD;
use base64::write::EncoderWriter;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::attachment::hex;
use crate::model::*;
use crate::xml::{NS_DSIG, NS_EDXML};

/// Line ends of the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineEnding {
    /// `\r\n`, as the VNPT builder and the VPCP samples (default).
    #[default]
    Crlf,
    /// `\n`, as some gateways write.
    Lf,
}

/// How to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BuildOptions {
    /// Line ends.
    pub line_ending: LineEnding,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            line_ending: LineEnding::Crlf,
        }
    }
}

/// How an attachment's bytes are carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Wrap {
    /// Zipped as the VNPT JAR does: one deflated entry. `entry_name` `None` names it
    /// `<uuid>.<ext>` with a UUID derived from the attachment's content id and name (so that
    /// the same input builds the same bytes) and the extension of its name.
    Zip {
        /// The entry's name.
        entry_name: Option<String>,
    },
    /// The bytes as they are (what non-VNPT senders do).
    Raw,
}

impl Default for Wrap {
    fn default() -> Self {
        Wrap::Zip { entry_name: None }
    }
}

/// One attachment's content for [`write_edoc`]: a reader and how to carry it. The metadata
/// (content id, name, type) is the matching entry of [`Edoc::attachments`].
pub struct AttachmentSource<'a> {
    /// The content.
    pub reader: Box<dyn Read + 'a>,
    /// How it is carried.
    pub wrap: Wrap,
}

impl<'a> AttachmentSource<'a> {
    /// Content from memory, zipped as the JAR does.
    pub fn bytes(bytes: &'a [u8]) -> Self {
        AttachmentSource {
            reader: Box::new(bytes),
            wrap: Wrap::default(),
        }
    }

    /// Content from any reader, carried as `wrap` says.
    pub fn reader(reader: impl Read + 'a, wrap: Wrap) -> Self {
        AttachmentSource {
            reader: Box::new(reader),
            wrap,
        }
    }
}

/// Why a package could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The number of attachment sources differs from the number of attachments described.
    #[error("{described} attachments are described but {given} contents were given")]
    AttachmentCount {
        /// `Edoc::attachments.len()`.
        described: usize,
        /// Sources given.
        given: usize,
    },
    /// A value holds a character XML 1.0 cannot carry (a control character).
    #[error("{path} holds U+{code:04X}, which XML 1.0 cannot carry")]
    InvalidChar {
        /// The element path.
        path: String,
        /// The character.
        code: u32,
    },
    /// Writing the output or reading an attachment failed.
    #[error("I/O error while writing {path}: {source}")]
    Io {
        /// Where in the package.
        path: String,
        /// The error.
        #[source]
        source: io::Error,
    },
}

impl egov_core::ErrorCode for BuildError {
    fn code(&self) -> &'static str {
        BuildError::code(self)
    }
}

impl BuildError {
    /// A stable code (`edxml.build.attachment_count`, `edxml.build.invalid_char`, `edxml.build.io`).
    pub fn code(&self) -> &'static str {
        match self {
            BuildError::AttachmentCount { .. } => "edxml.build.attachment_count",
            BuildError::InvalidChar { .. } => "edxml.build.invalid_char",
            BuildError::Io { .. } => "edxml.build.io",
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for BuildError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            BuildError::AttachmentCount { described, given } => {
                egov_core::args!(described = described, given = given)
            }
            BuildError::InvalidChar { path, code } => {
                egov_core::args!(path = path, code = format!("{code:04X}"))
            }
            BuildError::Io { path, source } => {
                egov_core::args!(path = path, source = egov_core::i18n::io_reason_vi(source))
            }
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildSummary {
    /// Bytes written.
    pub bytes: u64,
    /// SHA-256 of the package as written (the axis's file hash), lowercase hex.
    pub sha256: String,
    /// Per attachment: content bytes and their SHA-256.
    pub attachments: Vec<(u64, String)>,
}

/// Writes an `edoc` package with its attachments' contents (one source per
/// [`Edoc::attachments`] entry, in order).
///
/// The manifest is `edoc.manifest` when given, else one `Reference` per attachment. Each
/// attachment's `payload` is ignored (it is what a read found).
pub fn write_edoc<W: Write>(
    out: W,
    edoc: &Edoc,
    sources: Vec<AttachmentSource<'_>>,
    options: &BuildOptions,
) -> Result<BuildSummary, BuildError> {
    if sources.len() != edoc.attachments.len() {
        return Err(BuildError::AttachmentCount {
            described: edoc.attachments.len(),
            given: sources.len(),
        });
    }
    let mut w = Writer::new(out, options.line_ending);
    w.declaration()?;
    w.open(0, &format!("edXML xmlns=\"{NS_EDXML}\""), "edXML")?;
    w.open(
        1,
        &format!("edXML:edXMLEnvelope xmlns:edXML=\"{NS_EDXML}\""),
        "edXMLEnvelope",
    )?;
    w.open(2, "edXML:edXMLHeader", "edXMLHeader")?;
    w.edoc_header(3, &edoc.header)?;
    if let Some(trace) = &edoc.trace {
        w.trace(3, trace)?;
    }
    if let Some(sig) = &edoc.signature {
        w.signature(3, sig)?;
    }
    w.close(2, "edXML:edXMLHeader")?;
    w.open(2, "edXML:edXMLBody", "edXMLBody")?;
    w.open(3, "edXML:edXMLManifest version=\"1.0\"", "edXMLManifest")?;
    let derived: Vec<Reference>;
    let manifest = match &edoc.manifest {
        Some(m) => m,
        None => {
            derived = edoc
                .attachments
                .iter()
                .map(|a| Reference {
                    content_id: a.content_id.clone(),
                    content_type: a.content_type.clone(),
                    description: a.description.clone(),
                    attachment_name: a.attachment_name.clone(),
                })
                .collect();
            &derived
        }
    };
    for (i, r) in manifest.iter().enumerate() {
        let p = format!("edXMLManifest/Reference[{}]", i + 1);
        w.open(4, "edXML:Reference", &p)?;
        w.leaf(5, "edXML:ContentId", r.content_id.as_deref(), &p)?;
        w.leaf(5, "edXML:ContentType", r.content_type.as_deref(), &p)?;
        w.leaf(5, "edXML:Description", r.description.as_deref(), &p)?;
        w.leaf(5, "edXML:AttachmentName", r.attachment_name.as_deref(), &p)?;
        w.close(4, "edXML:Reference")?;
    }
    w.close(3, "edXML:edXMLManifest")?;
    w.close(2, "edXML:edXMLBody")?;
    w.close(1, "edXML:edXMLEnvelope")?;
    let mut summaries = Vec::new();
    if !edoc.attachments.is_empty() {
        w.open(1, "AttachmentEncoded", "AttachmentEncoded")?;
        for (i, (a, source)) in edoc.attachments.iter().zip(sources).enumerate() {
            let p = format!("AttachmentEncoded/Attachment[{}]", i + 1);
            w.open(2, "Attachment", &p)?;
            w.leaf(3, "ContentId", a.content_id.as_deref(), &p)?;
            w.leaf(3, "AttachmentName", a.attachment_name.as_deref(), &p)?;
            w.leaf(3, "Description", a.description.as_deref(), &p)?;
            w.leaf(3, "ContentType", a.content_type.as_deref(), &p)?;
            w.indent(3)?;
            w.raw(
                &format!("<edXML:ContentTransferEncoded xmlns:edXML=\"{NS_EDXML}\">"),
                &p,
            )?;
            summaries.push(w.payload(a, source, &p)?);
            w.raw("</edXML:ContentTransferEncoded>", &p)?;
            w.eol(&p)?;
            w.close(2, "Attachment")?;
        }
        w.close(1, "AttachmentEncoded")?;
    }
    w.close(0, "edXML")?;
    Ok(w.finish(summaries))
}

/// Builds an `edoc` package in memory, zipping each attachment as the VNPT JAR does.
pub fn build_edoc(
    edoc: &Edoc,
    contents: &[&[u8]],
    options: &BuildOptions,
) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();
    let sources = contents
        .iter()
        .map(|c| AttachmentSource::bytes(c))
        .collect();
    write_edoc(&mut out, edoc, sources, options)?;
    Ok(out)
}

/// Writes a status message in the VNPT `StatusXmlBuilder`'s layout.
pub fn write_status<W: Write>(
    out: W,
    status: &StatusMessage,
    options: &BuildOptions,
) -> Result<BuildSummary, BuildError> {
    let mut w = Writer::new(out, options.line_ending);
    w.declaration()?;
    w.open(0, &format!("edXML xmlns=\"{NS_EDXML}\""), "edXML")?;
    w.open(
        1,
        &format!("edXML:edXMLEnvelope xmlns:edXML=\"{NS_EDXML}\""),
        "edXMLEnvelope",
    )?;
    w.open(2, "edXML:edXMLHeader", "edXMLHeader")?;
    let p = "MessageHeader";
    w.open(3, "edXML:MessageHeader", p)?;
    if let Some(from) = &status.from {
        w.organization(4, "From", from)?;
    }
    if let Some(rf) = &status.response_for {
        w.response_for(4, rf)?;
    }
    if let Some(s) = &status.staff_info {
        w.staff_info(4, s)?;
    }
    w.leaf(4, "edXML:StatusCode", status.status_code.as_deref(), p)?;
    w.leaf(4, "edXML:Description", status.description.as_deref(), p)?;
    w.leaf(4, "edXML:Timestamp", status.timestamp.as_deref(), p)?;
    w.close(3, "edXML:MessageHeader")?;
    w.close(2, "edXML:edXMLHeader")?;
    w.close(1, "edXML:edXMLEnvelope")?;
    w.close(0, "edXML")?;
    Ok(w.finish(Vec::new()))
}

/// Builds a status message in memory.
pub fn build_status(status: &StatusMessage, options: &BuildOptions) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();
    write_status(&mut out, status, options)?;
    Ok(out)
}

/// Builds either message kind in memory (attachments of an `edoc` from `contents`).
pub fn build_message(
    message: &Message,
    contents: &[&[u8]],
    options: &BuildOptions,
) -> Result<Vec<u8>, BuildError> {
    match message {
        Message::Edoc(e) => build_edoc(e, contents, options),
        Message::Status(s) => build_status(s, options),
    }
}

// ---------------------------------------------------------------------------------------------

/// Counts and hashes what passes through.
struct Tee<W> {
    inner: W,
    bytes: u64,
    hash: Sha256,
}

impl<W: Write> Write for Tee<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

struct Writer<W: Write> {
    out: Tee<W>,
    eol: &'static str,
}

impl<W: Write> Writer<W> {
    fn new(out: W, eol: LineEnding) -> Self {
        Writer {
            out: Tee {
                inner: out,
                bytes: 0,
                hash: Sha256::new(),
            },
            eol: match eol {
                LineEnding::Crlf => "\r\n",
                LineEnding::Lf => "\n",
            },
        }
    }

    fn finish(mut self, attachments: Vec<(u64, String)>) -> BuildSummary {
        let _ = self.out.flush();
        BuildSummary {
            bytes: self.out.bytes,
            sha256: hex(&self.out.hash.finalize()),
            attachments,
        }
    }

    fn raw(&mut self, s: &str, path: &str) -> Result<(), BuildError> {
        self.out
            .write_all(s.as_bytes())
            .map_err(|source| BuildError::Io {
                path: path.to_owned(),
                source,
            })
    }

    fn eol(&mut self, path: &str) -> Result<(), BuildError> {
        let eol = self.eol;
        self.raw(eol, path)
    }

    fn indent(&mut self, depth: usize) -> Result<(), BuildError> {
        const SPACES: &str = "                                        ";
        let n = (depth * 2).min(SPACES.len());
        self.raw(&SPACES[..n], "")
    }

    fn declaration(&mut self) -> Result<(), BuildError> {
        self.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")?;
        self.eol("")
    }

    fn open(&mut self, depth: usize, tag: &str, path: &str) -> Result<(), BuildError> {
        self.indent(depth)?;
        self.raw("<", path)?;
        self.raw(tag, path)?;
        self.raw(">", path)?;
        self.eol(path)
    }

    fn close(&mut self, depth: usize, name: &str) -> Result<(), BuildError> {
        self.indent(depth)?;
        self.raw("</", name)?;
        self.raw(name, name)?;
        self.raw(">", name)?;
        self.eol(name)
    }

    fn empty(&mut self, depth: usize, name: &str, path: &str) -> Result<(), BuildError> {
        self.indent(depth)?;
        self.raw("<", path)?;
        self.raw(name, path)?;
        self.raw(" />", path)?;
        self.eol(path)
    }

    /// `<name>text</name>` when `value` is given; nothing when it is not.
    fn leaf(
        &mut self,
        depth: usize,
        name: &str,
        value: Option<&str>,
        parent: &str,
    ) -> Result<(), BuildError> {
        let Some(v) = value else { return Ok(()) };
        let path = format!("{parent}/{}", name.trim_start_matches("edXML:"));
        if v.is_empty() {
            return self.empty(depth, name, &path);
        }
        let escaped = escape_text(v, &path)?;
        self.indent(depth)?;
        self.raw("<", &path)?;
        self.raw(name, &path)?;
        self.raw(">", &path)?;
        self.raw(&escaped, &path)?;
        self.raw("</", &path)?;
        self.raw(name, &path)?;
        self.raw(">", &path)?;
        self.eol(&path)
    }

    fn organization(
        &mut self,
        depth: usize,
        name: &str,
        o: &Organization,
    ) -> Result<(), BuildError> {
        let tag = format!("edXML:{name}");
        if o == &Organization::default() {
            return self.empty(depth, &tag, name);
        }
        self.open(depth, &tag, name)?;
        let d = depth + 1;
        self.leaf(d, "edXML:OrganId", o.organ_id.as_deref(), name)?;
        self.leaf(
            d,
            "edXML:OrganizationInCharge",
            o.organization_in_charge.as_deref(),
            name,
        )?;
        self.leaf(d, "edXML:OrganName", o.organ_name.as_deref(), name)?;
        self.leaf(d, "edXML:OrganAdd", o.organ_add.as_deref(), name)?;
        self.leaf(d, "edXML:Email", o.email.as_deref(), name)?;
        self.leaf(d, "edXML:Telephone", o.telephone.as_deref(), name)?;
        self.leaf(d, "edXML:Fax", o.fax.as_deref(), name)?;
        self.leaf(d, "edXML:Website", o.website.as_deref(), name)?;
        self.close(depth, &tag)
    }

    fn response_for(&mut self, depth: usize, r: &ResponseFor) -> Result<(), BuildError> {
        let p = "ResponseFor";
        if r == &ResponseFor::default() {
            return self.empty(depth, "edXML:ResponseFor", p);
        }
        self.open(depth, "edXML:ResponseFor", p)?;
        self.leaf(depth + 1, "edXML:OrganId", r.organ_id.as_deref(), p)?;
        self.leaf(depth + 1, "edXML:Code", r.code.as_deref(), p)?;
        self.leaf(depth + 1, "edXML:DocumentId", r.document_id.as_deref(), p)?;
        self.leaf(
            depth + 1,
            "edXML:PromulgationDate",
            r.promulgation_date.as_deref(),
            p,
        )?;
        self.close(depth, "edXML:ResponseFor")
    }

    fn staff_info(&mut self, depth: usize, s: &StaffInfo) -> Result<(), BuildError> {
        let p = "StaffInfo";
        if s == &StaffInfo::default() {
            return self.empty(depth, "edXML:StaffInfo", p);
        }
        self.open(depth, "edXML:StaffInfo", p)?;
        self.leaf(depth + 1, "edXML:Department", s.department.as_deref(), p)?;
        self.leaf(depth + 1, "edXML:Staff", s.staff.as_deref(), p)?;
        self.leaf(depth + 1, "edXML:Email", s.email.as_deref(), p)?;
        self.leaf(depth + 1, "edXML:Mobile", s.mobile.as_deref(), p)?;
        self.close(depth, "edXML:StaffInfo")
    }

    /// A container of leaves: empty-element form when it has none.
    fn group(
        &mut self,
        depth: usize,
        name: &str,
        leaves: &[(&str, Option<&str>)],
    ) -> Result<(), BuildError> {
        let tag = format!("edXML:{name}");
        if leaves.iter().all(|(_, v)| v.is_none()) {
            return self.empty(depth, &tag, name);
        }
        self.open(depth, &tag, name)?;
        for (leaf, value) in leaves {
            self.leaf(depth + 1, &format!("edXML:{leaf}"), *value, name)?;
        }
        self.close(depth, &tag)
    }

    fn list(
        &mut self,
        depth: usize,
        name: &str,
        item: &str,
        values: &[String],
    ) -> Result<(), BuildError> {
        let tag = format!("edXML:{name}");
        if values.is_empty() {
            return self.empty(depth, &tag, name);
        }
        self.open(depth, &tag, name)?;
        for v in values {
            self.leaf(depth + 1, &format!("edXML:{item}"), Some(v), name)?;
        }
        self.close(depth, &tag)
    }

    /// The VNPT writer's `MessageHeader` order (EDXML.md §8).
    fn edoc_header(&mut self, depth: usize, h: &EdocHeader) -> Result<(), BuildError> {
        let p = "MessageHeader";
        self.open(depth, "edXML:MessageHeader", p)?;
        let d = depth + 1;
        if let Some(from) = &h.from {
            self.organization(d, "From", from)?;
        }
        for to in &h.to {
            self.organization(d, "To", to)?;
        }
        self.leaf(d, "edXML:DocumentId", h.document_id.as_deref(), p)?;
        if let Some(c) = &h.code {
            self.group(
                d,
                "Code",
                &[
                    ("CodeNumber", c.number.as_deref()),
                    ("CodeNotation", c.notation.as_deref()),
                ],
            )?;
        }
        if let Some(pi) = &h.promulgation_info {
            self.group(
                d,
                "PromulgationInfo",
                &[
                    ("Place", pi.place.as_deref()),
                    ("PromulgationDate", pi.date.as_deref()),
                ],
            )?;
        }
        if let Some(t) = &h.document_type {
            self.group(
                d,
                "DocumentType",
                &[
                    ("Type", t.type_code.as_deref()),
                    ("TypeDetail", t.type_detail.as_deref()),
                    ("TypeName", t.type_name.as_deref()),
                ],
            )?;
        }
        self.leaf(d, "edXML:Subject", h.subject.as_deref(), p)?;
        self.leaf(d, "edXML:Content", h.content.as_deref(), p)?;
        if let Some(s) = &h.signer_info {
            self.group(
                d,
                "SignerInfo",
                &[
                    ("Competence", s.competence.as_deref()),
                    ("Position", s.position.as_deref()),
                    ("FullName", s.full_name.as_deref()),
                ],
            )?;
        }
        self.leaf(d, "edXML:DueDate", h.due_date.as_deref(), p)?;
        if let Some(o) = &h.other_info {
            let leaves = [
                ("Priority", o.priority.as_deref()),
                ("SphereOfPromulgation", o.sphere_of_promulgation.as_deref()),
                ("TyperNotation", o.typer_notation.as_deref()),
                ("PromulgationAmount", o.promulgation_amount.as_deref()),
                ("PageAmount", o.page_amount.as_deref()),
                ("Direction", o.direction.as_deref()),
            ];
            if leaves.iter().all(|(_, v)| v.is_none()) && o.appendixes.is_none() {
                self.empty(d, "edXML:OtherInfo", "OtherInfo")?;
            } else {
                self.open(d, "edXML:OtherInfo", "OtherInfo")?;
                for (leaf, value) in leaves {
                    self.leaf(d + 1, &format!("edXML:{leaf}"), value, "OtherInfo")?;
                }
                if let Some(a) = &o.appendixes {
                    self.list(d + 1, "Appendixes", "Appendix", a)?;
                }
                self.close(d, "edXML:OtherInfo")?;
            }
        }
        for r in &h.response_for {
            self.response_for(d, r)?;
        }
        self.leaf(d, "edXML:SteeringType", h.steering_type.as_deref(), p)?;
        if let Some(places) = &h.to_places {
            self.list(d, "ToPlaces", "Place", places)?;
        }
        self.close(depth, "edXML:MessageHeader")
    }

    fn trace(&mut self, depth: usize, t: &TraceHeaderList) -> Result<(), BuildError> {
        let p = "TraceHeaderList";
        if t.business.is_none() && t.trace_headers.is_empty() {
            return self.empty(depth, "edXML:TraceHeaderList", p);
        }
        self.open(depth, "edXML:TraceHeaderList", p)?;
        if t.business_first {
            if let Some(b) = &t.business {
                self.business(depth + 1, b)?;
            }
        }
        for h in &t.trace_headers {
            self.group(
                depth + 1,
                "TraceHeader",
                &[
                    ("OrganId", h.organ_id.as_deref()),
                    ("Timestamp", h.timestamp.as_deref()),
                ],
            )?;
        }
        if !t.business_first {
            if let Some(b) = &t.business {
                self.business(depth + 1, b)?;
            }
        }
        self.close(depth, "edXML:TraceHeaderList")
    }

    fn business(&mut self, depth: usize, b: &Business) -> Result<(), BuildError> {
        let p = "Bussiness";
        if b == &Business::default() {
            return self.empty(depth, "edXML:Bussiness", p);
        }
        self.open(depth, "edXML:Bussiness", p)?;
        let d = depth + 1;
        self.leaf(d, "edXML:DocumentId", b.document_id.as_deref(), p)?;
        self.leaf(d, "edXML:BussinessDocType", b.doc_type.as_deref(), p)?;
        self.leaf(d, "edXML:BussinessDocReason", b.reason.as_deref(), p)?;
        self.leaf(d, "edXML:Paper", b.paper.as_deref(), p)?;
        if let Some(info) = &b.document_info {
            if info == &BusinessDocumentInfo::default() {
                self.empty(d, "edXML:BussinessDocumentInfo", p)?;
            } else {
                self.open(d, "edXML:BussinessDocumentInfo", p)?;
                self.leaf(
                    d + 1,
                    "edXML:DocumentInfo",
                    info.document_info.as_deref(),
                    p,
                )?;
                self.leaf(
                    d + 1,
                    "edXML:DocumentReceiver",
                    info.document_receiver.as_deref(),
                    p,
                )?;
                if let Some(receivers) = &info.receivers {
                    if receivers.is_empty() {
                        self.empty(d + 1, "edXML:ReceiverList", p)?;
                    } else {
                        self.open(d + 1, "edXML:ReceiverList", p)?;
                        for r in receivers {
                            self.group(
                                d + 2,
                                "Receiver",
                                &[
                                    ("OrganId", r.organ_id.as_deref()),
                                    ("ReceiverType", r.receiver_type.as_deref()),
                                ],
                            )?;
                        }
                        self.close(d + 1, "edXML:ReceiverList")?;
                    }
                }
                self.close(d, "edXML:BussinessDocumentInfo")?;
            }
        }
        if let Some(reps) = &b.replacements {
            if reps.is_empty() {
                self.empty(d, "edXML:ReplacementInfoList", p)?;
            } else {
                self.open(d, "edXML:ReplacementInfoList", p)?;
                for r in reps {
                    self.open(d + 1, "edXML:ReplacementInfo", p)?;
                    self.leaf(d + 2, "edXML:DocumentId", r.document_id.as_deref(), p)?;
                    self.list(d + 2, "OrganIdList", "OrganId", &r.organ_ids)?;
                    self.close(d + 1, "edXML:ReplacementInfo")?;
                }
                self.close(d, "edXML:ReplacementInfoList")?;
            }
        }
        if let Some(s) = &b.staff_info {
            self.staff_info(d, s)?;
        }
        self.close(depth, "edXML:Bussiness")
    }

    /// The `Signature` element as described (XMLDSig namespace declared when it is XMLDSig's;
    /// no declaration — the VPCP samples' defect, kept for a faithful rebuild — otherwise).
    fn signature(&mut self, depth: usize, s: &SignatureInfo) -> Result<(), BuildError> {
        let p = "Signature";
        let open = if s.namespace.as_deref() == Some(NS_DSIG) {
            format!("Signature xmlns=\"{NS_DSIG}\"")
        } else {
            "Signature".to_owned()
        };
        self.open(depth, &open, p)?;
        let d = depth + 1;
        self.open(d, "SignedInfo", p)?;
        if let Some(c) = &s.canonicalization {
            self.indent(d + 1)?;
            self.raw(
                &format!(
                    "<CanonicalizationMethod Algorithm=\"{}\" />",
                    escape_attr(c, p)?
                ),
                p,
            )?;
            self.eol(p)?;
        }
        if let Some(m) = &s.signature_method {
            self.indent(d + 1)?;
            self.raw(
                &format!("<SignatureMethod Algorithm=\"{}\" />", escape_attr(m, p)?),
                p,
            )?;
            self.eol(p)?;
        }
        for r in &s.references {
            let open = match &r.uri {
                Some(u) => format!("Reference URI=\"{}\"", escape_attr(u, p)?),
                None => "Reference".to_owned(),
            };
            self.open(d + 1, &open, p)?;
            if !r.transforms.is_empty() {
                self.open(d + 2, "Transforms", p)?;
                for t in &r.transforms {
                    self.indent(d + 3)?;
                    self.raw(
                        &format!("<Transform Algorithm=\"{}\" />", escape_attr(t, p)?),
                        p,
                    )?;
                    self.eol(p)?;
                }
                self.close(d + 2, "Transforms")?;
            }
            if let Some(m) = &r.digest_method {
                self.indent(d + 2)?;
                self.raw(
                    &format!("<DigestMethod Algorithm=\"{}\" />", escape_attr(m, p)?),
                    p,
                )?;
                self.eol(p)?;
            }
            self.leaf(d + 2, "DigestValue", r.digest_value.as_deref(), p)?;
            self.close(d + 1, "Reference")?;
        }
        self.close(d, "SignedInfo")?;
        self.leaf(d, "SignatureValue", s.signature_value.as_deref(), p)?;
        if s.subject_name.is_some() || !s.certificates.is_empty() {
            self.open(d, "KeyInfo", p)?;
            self.open(d + 1, "X509Data", p)?;
            self.leaf(d + 2, "X509SubjectName", s.subject_name.as_deref(), p)?;
            for c in &s.certificates {
                self.leaf(d + 2, "X509Certificate", Some(c), p)?;
            }
            self.close(d + 1, "X509Data")?;
            self.close(d, "KeyInfo")?;
        }
        self.close(depth, "Signature")
    }

    /// Streams one attachment: reader → (zip) → base64 → output.
    fn payload(
        &mut self,
        a: &Attachment,
        source: AttachmentSource<'_>,
        path: &str,
    ) -> Result<(u64, String), BuildError> {
        let io_err = |source: io::Error| BuildError::Io {
            path: path.to_owned(),
            source,
        };
        let AttachmentSource { mut reader, wrap } = source;
        let mut hasher = Sha256::new();
        let mut total = 0u64;
        let mut b64 = EncoderWriter::new(&mut self.out, &STANDARD);
        let mut buf = vec![0u8; 64 << 10];
        match wrap {
            Wrap::Raw => loop {
                let n = read_some(&mut reader, &mut buf).map_err(io_err)?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
                total += n as u64;
                b64.write_all(&buf[..n]).map_err(io_err)?;
            },
            Wrap::Zip { entry_name } => {
                let name = entry_name.unwrap_or_else(|| default_entry_name(a));
                let mut zip = zip::ZipWriter::new_stream(&mut b64);
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .large_file(false);
                zip.start_file(name, options)
                    .map_err(|e| io_err(io::Error::other(e)))?;
                loop {
                    let n = read_some(&mut reader, &mut buf).map_err(io_err)?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buf[..n]);
                    total += n as u64;
                    zip.write_all(&buf[..n]).map_err(io_err)?;
                }
                zip.finish().map_err(|e| io_err(io::Error::other(e)))?;
            }
        }
        b64.finish().map_err(io_err)?;
        Ok((total, hex(&hasher.finalize())))
    }
}

fn read_some(r: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// `<uuid>.<ext>`, the UUID derived from the content id and name (deterministic builds).
fn default_entry_name(a: &Attachment) -> String {
    let mut h = Sha256::new();
    h.update(a.content_id.as_deref().unwrap_or("").as_bytes());
    h.update([0]);
    h.update(a.attachment_name.as_deref().unwrap_or("").as_bytes());
    let d = h.finalize();
    let x = hex(&d[..16]);
    let uuid = format!(
        "{}-{}-{}-{}-{}",
        &x[0..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..32]
    );
    let ext = a
        .attachment_name
        .as_deref()
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e)
        .filter(|e| !e.is_empty() && e.len() <= 10 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or("bin");
    format!("{uuid}.{ext}")
}

fn check_chars(s: &str, path: &str) -> Result<(), BuildError> {
    if let Some(c) = s.chars().find(|&c| {
        let u = c as u32;
        (u < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || u == 0xFFFE || u == 0xFFFF
    }) {
        return Err(BuildError::InvalidChar {
            path: path.to_owned(),
            code: c as u32,
        });
    }
    Ok(())
}

/// Escapes text content: `&`, `<`, `>`, and CR (kept as `&#xD;` so that it survives the reader's
/// line-end normalisation).
fn escape_text(s: &str, path: &str) -> Result<String, BuildError> {
    check_chars(s, path)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
    Ok(out)
}

fn escape_attr(s: &str, path: &str) -> Result<String, BuildError> {
    check_chars(s, path)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
    Ok(out)
}
