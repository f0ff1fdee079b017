//! Reading a package: the markup tree ([`crate::xml`]) mapped to the typed layer
//! ([`crate::model`]), attachments streamed to a sink ([`crate::attachment`]), and every
//! departure from the reference layout recorded as a [`Deviation`] with its location.
//!
//! Reading is **lenient**: names are resolved by namespace URI, children in any order, empty and
//! missing elements, `Bussiness` before or after `TraceHeader`, the flat `edXMLEnvelope` root, a
//! `Signature` in either namespace, the non-standard `edXMLAttachments` layout. It refuses only
//! malformed XML, a DOCTYPE, a broken limit, or a document that is not edXML at all. The
//! **strict profile** is the list of deviations: each says what differs from the VNPT builder's
//! layout (QCVN 102:2016 as the axis has been tested against, EDXML.md §1, §8, §9) and where.

use std::io::{self, BufRead};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::attachment::{
    AttachmentMeta, AttachmentSink, DiscardSink, Payload, PayloadSummary, Unwrap,
};
use crate::model::*;
use crate::xml::{
    self, Element, Limits, Location, Node, NodeStream, TextStream, Tree, XmlError, NS_DSIG,
    NS_EDXML,
};

/// How to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ReadOptions {
    /// Size and count bounds.
    pub limits: Limits,
    /// Whether to take off the ZIP wrapper of attachments.
    pub unwrap: Unwrap,
}

/// A departure from the reference layout (the strict profile). Never stops a read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deviation {
    /// Stable code (`edxml.unknown_element`, `edxml.element_order`, …).
    pub code: String,
    /// Where, in the package.
    pub at: Location,
    /// The element path (`edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId`).
    pub path: String,
    /// What differs, in English.
    pub message: String,
    /// What differs, in Vietnamese.
    pub message_vi: String,
}

/// The layout variant of the root (EDXML.md §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// `edXML` › `edXML:edXMLEnvelope`, attachments in `AttachmentEncoded` outside the
    /// envelope: QCVN 102:2016 as the VPCP/VNPT SDK writes it.
    Layered,
    /// A root `edXMLEnvelope` with no `edXML` wrapper (GovSOC reports).
    FlatEnvelope,
}

/// A package read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Package {
    /// What it says.
    pub message: Message,
    /// The root layout.
    pub layout: Layout,
    /// Departures from the reference layout, in document order.
    pub deviations: Vec<Deviation>,
    /// Size of the package file, bytes.
    pub bytes: u64,
    /// SHA-256 of the package file exactly as read (the axis hashes the file as sent).
    pub sha256: String,
    /// Line breaks seen: CRLF and lone LF counts.
    pub line_breaks: (u64, u64),
    /// Where each element read into the typed layer starts, by path
    /// (`edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId`; the first of a repeated
    /// element has no index). Not serialised.
    #[serde(skip)]
    pub locations: std::collections::BTreeMap<String, Location>,
}

impl Package {
    /// Where the element at `path` starts, if it was read.
    pub fn location(&self, path: &str) -> Option<Location> {
        self.locations.get(path).copied()
    }
}

impl Package {
    /// The `edoc` package, if it is one.
    pub fn edoc(&self) -> Option<&Edoc> {
        match &self.message {
            Message::Edoc(e) => Some(e),
            Message::Status(_) => None,
        }
    }

    /// The status message, if it is one.
    pub fn status(&self) -> Option<&StatusMessage> {
        match &self.message {
            Message::Status(s) => Some(s),
            Message::Edoc(_) => None,
        }
    }
}

/// Why a package could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Not XML, or a limit was broken.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// XML, but not an edXML package or status message.
    #[error("not an edXML package at {at}: {reason}")]
    NotEdxml {
        /// Where.
        at: Location,
        /// Why.
        reason: NotEdxmlReason,
    },
    /// The package file could not be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The path.
        path: String,
        /// The error.
        #[source]
        source: io::Error,
    },
}

impl ReadError {
    /// A stable code (`edxml.malformed`, `edxml.doctype`, `edxml.limit`, `edxml.io`,
    /// `edxml.not_edxml`, `io.open`).
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Xml(e) => e.code(),
            ReadError::NotEdxml { .. } => "edxml.not_edxml",
            ReadError::Open { .. } => "io.open",
        }
    }

    /// Where in the file the problem is, when it is in the file (not for [`ReadError::Open`]).
    pub fn location(&self) -> Option<Location> {
        match self {
            ReadError::Xml(e) => Some(e.location()),
            ReadError::NotEdxml { at, .. } => Some(*at),
            ReadError::Open { .. } => None,
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

/// Why well-formed XML is not an edXML package or status message ([`ReadError::NotEdxml`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotEdxmlReason {
    /// The root element is neither `<edXML>` nor `<edXMLEnvelope>`.
    #[error("the root is <{root}>, not <edXML> or <edXMLEnvelope>")]
    Root {
        /// The root element's local name.
        root: String,
    },
    /// An `<edXML>` root with no `<edXMLEnvelope>` under it.
    #[error("no edXMLEnvelope under the edXML root")]
    NoEnvelope,
    /// No `<MessageHeader>` in the envelope.
    #[error("no MessageHeader in the envelope")]
    NoMessageHeader,
}

impl NotEdxmlReason {
    fn vi(&self) -> String {
        match self {
            NotEdxmlReason::Root { root } => {
                format!("phần tử gốc là <{root}>, không phải <edXML> hay <edXMLEnvelope>")
            }
            NotEdxmlReason::NoEnvelope => "không có <edXMLEnvelope> dưới gốc <edXML>".to_owned(),
            NotEdxmlReason::NoMessageHeader => "không có <MessageHeader> trong envelope".to_owned(),
        }
    }
}

impl egov_core::Localize for ReadError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            ReadError::Xml(e) => e.message_args(),
            ReadError::NotEdxml { at, reason } => {
                egov_core::args!(at = at.vi(), reason = reason.vi())
            }
            ReadError::Open { path, source } => {
                egov_core::args!(path = path, source = egov_core::i18n::io_reason_vi(source))
            }
        }
    }
}

impl egov_core::ErrorCode for ReadError {
    fn code(&self) -> &'static str {
        ReadError::code(self)
    }
}

/// Reads a package from bytes, keeping no attachment content (sizes, hashes and kinds are in
/// each attachment's [`PayloadSummary`]).
pub fn read_bytes(bytes: &[u8]) -> Result<Package, ReadError> {
    let options = ReadOptions::default();
    // Input in memory: parsed into a tree borrowed from it. Attachments go to no sink here, so
    // when that path gives up (any error, a limit approached, a rare form) the input is simply
    // read again, streamed, and that read says exactly what is wrong.
    let mut sink = DiscardSink;
    let mut streams = Streams {
        sink: &mut sink,
        unwrap: options.unwrap,
        current: None,
        summaries: Vec::new(),
        error: None,
    };
    if let Ok(tree) = xml::read_tree(bytes, &options.limits, &mut streams) {
        let summaries = streams.summaries;
        return Mapper::new(&tree, summaries).map();
    }
    read(bytes, &options, &mut DiscardSink)
}

/// Reads a package file, streaming attachment content to `sink`.
pub fn read_file(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn AttachmentSink,
) -> Result<Package, ReadError> {
    let file = std::fs::File::open(path).map_err(|source| ReadError::Open {
        path: path.display().to_string(),
        source,
    })?;
    read(io::BufReader::with_capacity(64 << 10, file), options, sink)
}

/// Reads a package, streaming attachment content to `sink`.
pub fn read<R: BufRead>(
    input: R,
    options: &ReadOptions,
    sink: &mut dyn AttachmentSink,
) -> Result<Package, ReadError> {
    let mut streams = Streams {
        sink,
        unwrap: options.unwrap,
        current: None,
        summaries: Vec::new(),
        error: None,
    };
    let doc = xml::read_document(input, &options.limits, &mut streams)?;
    let summaries = streams.summaries;
    Mapper::new(&Tree::of(&doc), summaries).map()
}

struct Streams<'a> {
    sink: &'a mut dyn AttachmentSink,
    unwrap: Unwrap,
    current: Option<(usize, Payload)>,
    summaries: Vec<Option<PayloadSummary>>,
    error: Option<String>,
}

impl Streams<'_> {
    fn begin_meta(&mut self, index: usize, meta: &AttachmentMeta) -> io::Result<()> {
        self.sink.begin(index, meta)?;
        self.current = Some((index, Payload::new(self.unwrap)));
        Ok(())
    }
}

impl NodeStream for Streams<'_> {
    fn begin(&mut self, index: usize, parent: Option<&Node<'_>>) -> io::Result<()> {
        let text = |local: &str| {
            parent
                .and_then(|p| p.child(local))
                .map(|e| String::from(&*e.text))
        };
        let meta = AttachmentMeta {
            content_id: text("ContentId"),
            name: text("AttachmentName"),
            content_type: text("ContentType").or_else(|| text("AttachmentType")),
        };
        self.begin_meta(index, &meta)
    }

    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()> {
        TextStream::chunk(self, bytes)
    }

    fn end(&mut self) -> io::Result<()> {
        TextStream::end(self)
    }
}

impl TextStream for Streams<'_> {
    fn begin(&mut self, index: usize, parent: &Element, _element: &Element) -> io::Result<()> {
        let text = |local: &str| parent.child(local).map(|e| e.text.clone());
        let meta = AttachmentMeta {
            content_id: text("ContentId"),
            name: text("AttachmentName"),
            content_type: text("ContentType").or_else(|| text("AttachmentType")),
        };
        self.begin_meta(index, &meta)
    }

    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some((_, p)) = &mut self.current {
            p.text(bytes, self.sink)?;
        }
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if let Some((index, p)) = self.current.take() {
            let summary = p.finish(self.sink)?;
            self.sink.end(index, &summary)?;
            if self.summaries.len() <= index {
                self.summaries.resize(index + 1, None);
            }
            self.summaries[index] = Some(summary);
        }
        let _ = &self.error;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------

/// `path/local`, without the formatting machinery (the mapper makes one per element read).
fn join(path: &str, local: &str) -> String {
    let mut s = String::with_capacity(path.len() + 1 + local.len());
    s.push_str(path);
    s.push('/');
    s.push_str(local);
    s
}

/// The VNPT builder's child order of an `edoc` `MessageHeader` (EDXML.md §8).
const EDOC_HEADER_ORDER: &[&str] = &[
    "From",
    "To",
    "DocumentId",
    "Code",
    "PromulgationInfo",
    "DocumentType",
    "Subject",
    "Content",
    "SignerInfo",
    "DueDate",
    "OtherInfo",
    "ResponseFor",
    "SteeringType",
    "ToPlaces",
];
/// The VNPT `StatusXmlBuilder` order of a status `MessageHeader`.
const STATUS_HEADER_ORDER: &[&str] = &[
    "From",
    "ResponseFor",
    "StaffInfo",
    "StatusCode",
    "Description",
    "Timestamp",
];
const ORGANIZATION: &[&str] = &[
    "OrganId",
    "OrganizationInCharge",
    "OrganName",
    "OrganAdd",
    "Email",
    "Telephone",
    "Fax",
    "Website",
];
const ATTACHMENT_ORDER: &[&str] = &[
    "ContentId",
    "AttachmentName",
    "Description",
    "ContentType",
    "ContentTransferEncoded",
];

struct Mapper<'d> {
    doc: &'d Tree<'d>,
    summaries: Vec<Option<PayloadSummary>>,
    deviations: Vec<Deviation>,
    locations: std::collections::BTreeMap<String, Location>,
}

impl<'d> Mapper<'d> {
    fn new(doc: &'d Tree<'d>, summaries: Vec<Option<PayloadSummary>>) -> Self {
        Mapper {
            doc,
            summaries,
            deviations: Vec::new(),
            locations: Default::default(),
        }
    }

    fn dev(&mut self, code: &str, el: &Node<'d>, path: &str, message: String, message_vi: String) {
        self.deviations.push(Deviation {
            code: code.to_owned(),
            at: el.at,
            path: path.to_owned(),
            message,
            message_vi,
        });
    }

    fn map(mut self) -> Result<Package, ReadError> {
        let doc = self.doc;
        let root = &doc.root;
        for issue in &doc.namespace_issues {
            self.deviations.push(Deviation {
                code: "edxml.unbound_prefix".into(),
                at: issue.at,
                path: issue.qname.clone(),
                message: format!(
                    "prefix {}: is not declared ({}): the package is well-formed XML but not namespace-well-formed",
                    issue.prefix, issue.qname
                ),
                message_vi: format!(
                    "tiền tố {}: chưa được khai báo ({}): gói tin đúng cú pháp XML nhưng sai không gian tên",
                    issue.prefix, issue.qname
                ),
            });
        }
        if doc.bom {
            self.dev(
                "edxml.bom",
                root,
                "",
                "the file starts with a byte-order mark; the reference files have none".into(),
                "tệp bắt đầu bằng dấu BOM; các tệp chuẩn không có".into(),
            );
        }
        if doc.declaration.is_none() {
            self.dev(
                "edxml.no_declaration",
                root,
                "",
                "no XML declaration (<?xml version=\"1.0\" encoding=\"UTF-8\"?>)".into(),
                "thiếu khai báo XML (<?xml version=\"1.0\" encoding=\"UTF-8\"?>)".into(),
            );
        }
        if doc.line_breaks.0 > 0 && doc.line_breaks.1 > 0 {
            self.dev(
                "edxml.mixed_line_endings",
                root,
                "",
                format!(
                    "mixed line endings: {} CRLF and {} LF",
                    doc.line_breaks.0, doc.line_breaks.1
                ),
                format!(
                    "lẫn kiểu xuống dòng: {} CRLF và {} LF",
                    doc.line_breaks.0, doc.line_breaks.1
                ),
            );
        }

        // The envelope: under an edXML root, or the root itself.
        let root_name = root.name.local.to_ascii_lowercase();
        let (envelope, layout) = if root_name == "edxmlenvelope" {
            self.dev(
                "edxml.root_variant",
                root,
                root.name.local,
                "the root is edXMLEnvelope with no edXML wrapper (a flat layout, not QCVN 102:2016's)".into(),
                "phần tử gốc là edXMLEnvelope, không có edXML bọc ngoài (bố cục phẳng, không theo QCVN 102:2016)".into(),
            );
            (root, Layout::FlatEnvelope)
        } else if root_name == "edxml" {
            if root.name.local != "edXML" {
                self.dev(
                    "edxml.root_variant",
                    root,
                    root.name.local,
                    format!("the root is <{}>, not <edXML>", root.name.local),
                    format!("phần tử gốc là <{}>, không phải <edXML>", root.name.local),
                );
            }
            match root
                .children
                .iter()
                .find(|c| c.name.local.eq_ignore_ascii_case("edXMLEnvelope"))
            {
                Some(env) => (env, Layout::Layered),
                None => {
                    return Err(ReadError::NotEdxml {
                        at: root.at,
                        reason: NotEdxmlReason::NoEnvelope,
                    })
                }
            }
        } else {
            return Err(ReadError::NotEdxml {
                at: root.at,
                reason: NotEdxmlReason::Root {
                    root: root.name.local.to_owned(),
                },
            });
        };
        self.namespace_of(root, root.name.local, false);
        self.namespace_of(envelope, "edXMLEnvelope", layout == Layout::Layered);

        let header = envelope.child("edXMLHeader");
        let message_header = header
            .and_then(|h| h.child("MessageHeader"))
            .or_else(|| envelope.child("MessageHeader"));
        let Some(mh) = message_header else {
            return Err(ReadError::NotEdxml {
                at: envelope.at,
                reason: NotEdxmlReason::NoMessageHeader,
            });
        };
        if header.is_none() {
            self.dev(
                "edxml.missing_element",
                envelope,
                "edXMLEnvelope/edXMLHeader",
                "MessageHeader is directly under the envelope, with no edXMLHeader".into(),
                "MessageHeader nằm ngay dưới envelope, thiếu edXMLHeader".into(),
            );
        }
        let header_path = "edXMLEnvelope/edXMLHeader/MessageHeader";
        let is_status = mh.child("StatusCode").is_some();
        let message = if is_status {
            self.known_children(
                header.unwrap_or(envelope),
                "edXMLEnvelope/edXMLHeader",
                &["MessageHeader"],
            );
            Message::Status(Box::new(self.status(mh, header_path)))
        } else {
            Message::Edoc(Box::new(self.edoc(
                root,
                envelope,
                header,
                mh,
                header_path,
                layout,
            )))
        };
        Ok(Package {
            message,
            layout,
            deviations: self.deviations,
            bytes: doc.input_bytes,
            sha256: crate::attachment::hex(&doc.sha256),
            line_breaks: doc.line_breaks,
            locations: self.locations,
        })
    }

    /// Records an element outside the edXML namespace, or (strict) without the `edXML:` prefix
    /// where the reference layout has it.
    fn namespace_of(&mut self, el: &Node<'d>, path: &str, prefixed: bool) {
        if el.name.ns != Some(NS_EDXML) {
            let ns = el.name.ns.unwrap_or("no namespace");
            self.dev(
                "edxml.namespace",
                el,
                path,
                format!(
                    "<{}> is in {ns}, not the QCVN 102:2016 namespace {NS_EDXML}",
                    el.name.local
                ),
                format!(
                    "<{}> thuộc {ns}, không thuộc không gian tên QCVN 102:2016 {NS_EDXML}",
                    el.name.local
                ),
            );
        } else if prefixed && el.name.prefix != Some("edXML") {
            self.dev(
                "edxml.prefix",
                el,
                path,
                format!(
                    "<{}> is written without the edXML: prefix; receivers built on the VPCP .NET SDK reject that layout",
                    el.name.local
                ),
                format!(
                    "<{}> thiếu tiền tố edXML:; hệ thống nhận dùng SDK .NET của VPCP từ chối bố cục này",
                    el.name.local
                ),
            );
        }
    }

    fn known_children(&mut self, el: &Node<'d>, path: &str, known: &[&str]) {
        for c in &el.children {
            if !known.contains(&c.name.local) {
                self.dev(
                    "edxml.unknown_element",
                    c,
                    &format!("{path}/{}", c.name.local),
                    format!(
                        "<{}> is not part of <{}> in the reference layout; ignored",
                        c.name.local, el.name.local
                    ),
                    format!(
                        "<{}> không thuộc <{}> theo bố cục chuẩn; bỏ qua",
                        c.name.local, el.name.local
                    ),
                );
            }
        }
    }

    fn order(&mut self, el: &Node<'d>, path: &str, order: &[&str]) {
        let mut last = 0usize;
        let seen: Vec<&str> = el.children.iter().map(|c| c.name.local).collect();
        for c in &el.children {
            if let Some(i) = order.iter().position(|o| *o == c.name.local) {
                if i < last {
                    // Element names as the message writes them: <OrganId>, <Code>, ….
                    let names = |list: &[&str]| {
                        list.iter()
                            .map(|n| format!("<{n}>"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    self.dev(
                        "edxml.element_order",
                        c,
                        &format!("{path}/{}", c.name.local),
                        format!(
                            "<{}> comes after <{}>; the reference order is {} (found {})",
                            c.name.local,
                            order[last],
                            names(order),
                            names(&seen)
                        ),
                        format!(
                            "<{}> đứng sau <{}>; thứ tự chuẩn là {} (gặp {})",
                            c.name.local,
                            order[last],
                            names(order),
                            names(&seen)
                        ),
                    );
                    return;
                }
                last = i;
            }
        }
    }

    /// The text of the one child `local`, recording duplicates and namespace departures.
    fn text(&mut self, el: &Node<'d>, path: &str, local: &str) -> Option<String> {
        let first = self.one(el, path, local)?;
        if !first.children.is_empty() {
            self.dev(
                "edxml.unexpected_children",
                first,
                &join(path, local),
                format!("<{local}> should hold text, not elements"),
                format!("<{local}> phải chứa văn bản, không chứa phần tử con"),
            );
        }
        Some(first.text.to_string())
    }

    fn one<'e>(&mut self, el: &'e Node<'d>, path: &str, local: &str) -> Option<&'e Node<'d>> {
        let mut found = el.children.iter().filter(|c| c.name.local == local);
        let first = found.next()?;
        // The path is made once, and moved into the locations at the end.
        let full = join(path, local);
        if let Some(dup) = found.next() {
            self.dev(
                "edxml.duplicate_element",
                dup,
                &full,
                format!(
                    "<{local}> appears more than once in <{}>; the first is read",
                    el.name.local
                ),
                format!(
                    "<{local}> xuất hiện nhiều lần trong <{}>; đọc phần tử đầu tiên",
                    el.name.local
                ),
            );
        }
        // Under the envelope every element carries `edXML:`; under AttachmentEncoded they are
        // unprefixed (in the same namespace through the root's default).
        self.namespace_of(first, &full, !path.starts_with("AttachmentEncoded"));
        self.locations.entry(full).or_insert(first.at);
        Some(first)
    }

    fn organization(&mut self, el: &Node<'d>, path: &str) -> Organization {
        self.known_children(el, path, ORGANIZATION);
        self.order(el, path, ORGANIZATION);
        Organization {
            organ_id: self.text(el, path, "OrganId"),
            organization_in_charge: self.text(el, path, "OrganizationInCharge"),
            organ_name: self.text(el, path, "OrganName"),
            organ_add: self.text(el, path, "OrganAdd"),
            email: self.text(el, path, "Email"),
            telephone: self.text(el, path, "Telephone"),
            fax: self.text(el, path, "Fax"),
            website: self.text(el, path, "Website"),
        }
    }

    fn response_for(&mut self, el: &Node<'d>, path: &str) -> ResponseFor {
        // The VNPT StatusXmlBuilder's order; the hand-written samples swap the last two.
        const ORDER: &[&str] = &["OrganId", "Code", "DocumentId", "PromulgationDate"];
        self.known_children(el, path, ORDER);
        self.order(el, path, ORDER);
        ResponseFor {
            organ_id: self.text(el, path, "OrganId"),
            code: self.text(el, path, "Code"),
            promulgation_date: self.text(el, path, "PromulgationDate"),
            document_id: self.text(el, path, "DocumentId"),
        }
    }

    fn staff_info(&mut self, el: &Node<'d>, path: &str) -> StaffInfo {
        self.known_children(
            el,
            path,
            &[
                "Department",
                "Staff",
                "Email",
                "Mobile",
                "DepartmentId",
                "StaffId",
            ],
        );
        self.order(el, path, &["Department", "Staff", "Email", "Mobile"]);
        StaffInfo {
            department: self.text(el, path, "Department"),
            staff: self.text(el, path, "Staff"),
            email: self.text(el, path, "Email"),
            mobile: self.text(el, path, "Mobile"),
        }
    }

    fn list(&mut self, el: &Node<'d>, path: &str, item: &str) -> Vec<String> {
        self.known_children(el, path, &[item]);
        el.children_named(item)
            .map(|c| c.text.to_string())
            .collect()
    }

    fn status(&mut self, mh: &Node<'d>, path: &str) -> StatusMessage {
        self.known_children(mh, path, STATUS_HEADER_ORDER);
        self.order(mh, path, STATUS_HEADER_ORDER);
        for required in STATUS_HEADER_ORDER {
            if *required != "StaffInfo" && mh.child(required).is_none() {
                self.missing(mh, path, required);
            }
        }
        let from = self
            .one(mh, path, "From")
            .map(|e| self.organization(e, &format!("{path}/From")));
        let response_for = self
            .one(mh, path, "ResponseFor")
            .map(|e| self.response_for(e, &format!("{path}/ResponseFor")));
        let staff_info = self
            .one(mh, path, "StaffInfo")
            .map(|e| self.staff_info(e, &format!("{path}/StaffInfo")));
        StatusMessage {
            from,
            response_for,
            staff_info,
            status_code: self.text(mh, path, "StatusCode"),
            description: self.text(mh, path, "Description"),
            timestamp: self.text(mh, path, "Timestamp"),
        }
    }

    fn missing(&mut self, el: &Node<'d>, path: &str, local: &str) {
        self.dev(
            "edxml.missing_element",
            el,
            &format!("{path}/{local}"),
            format!(
                "<{}> has no <{local}>; every reference package has one",
                el.name.local
            ),
            format!(
                "<{}> thiếu <{local}>; mọi gói tin chuẩn đều có",
                el.name.local
            ),
        );
    }

    fn edoc(
        &mut self,
        root: &Node<'d>,
        envelope: &Node<'d>,
        header: Option<&Node<'d>>,
        mh: &Node<'d>,
        path: &str,
        layout: Layout,
    ) -> Edoc {
        self.known_children(mh, path, EDOC_HEADER_ORDER);
        self.known_children(
            envelope,
            "edXMLEnvelope",
            &[
                "edXMLHeader",
                "edXMLBody",
                "edXMLAttachments",
                "AttachmentEncoded",
            ],
        );
        if let Some(h) = header {
            self.known_children(
                h,
                "edXMLEnvelope/edXMLHeader",
                &["MessageHeader", "TraceHeaderList", "Signature"],
            );
        }
        self.order(mh, path, EDOC_HEADER_ORDER);
        // Present in every reference package and always written by the VNPT builder.
        for required in [
            "From",
            "To",
            "DocumentId",
            "Code",
            "PromulgationInfo",
            "DocumentType",
            "Subject",
            "SignerInfo",
            "OtherInfo",
            "SteeringType",
        ] {
            if mh.child(required).is_none() {
                self.missing(mh, path, required);
            }
        }
        let p = |s: &str| format!("{path}/{s}");
        let from = self
            .one(mh, path, "From")
            .map(|e| self.organization(e, &p("From")));
        let to: Vec<Organization> = mh
            .children_named("To")
            .enumerate()
            .map(|(i, e)| {
                self.namespace_of(e, &p("To"), true);
                self.locations.insert(format!("{path}/To[{}]", i + 1), e.at);
                self.organization(e, &format!("{path}/To[{}]", i + 1))
            })
            .collect();
        let code = self.one(mh, path, "Code").map(|e| {
            let cp = p("Code");
            self.known_children(e, &cp, &["CodeNumber", "CodeNotation"]);
            Code {
                number: self.text(e, &cp, "CodeNumber"),
                notation: self.text(e, &cp, "CodeNotation"),
            }
        });
        let promulgation_info = self.one(mh, path, "PromulgationInfo").map(|e| {
            let pp = p("PromulgationInfo");
            self.known_children(e, &pp, &["Place", "PromulgationDate"]);
            PromulgationInfo {
                place: self.text(e, &pp, "Place"),
                date: self.text(e, &pp, "PromulgationDate"),
            }
        });
        let document_type = self.one(mh, path, "DocumentType").map(|e| {
            let dp = p("DocumentType");
            self.known_children(e, &dp, &["Type", "TypeDetail", "TypeName"]);
            DocumentType {
                type_code: self.text(e, &dp, "Type"),
                type_detail: self.text(e, &dp, "TypeDetail"),
                type_name: self.text(e, &dp, "TypeName"),
            }
        });
        let signer_info = self.one(mh, path, "SignerInfo").map(|e| {
            let sp = p("SignerInfo");
            self.known_children(e, &sp, &["Competence", "Position", "FullName"]);
            SignerInfo {
                competence: self.text(e, &sp, "Competence"),
                position: self.text(e, &sp, "Position"),
                full_name: self.text(e, &sp, "FullName"),
            }
        });
        let other_info = self.one(mh, path, "OtherInfo").map(|e| {
            let op = p("OtherInfo");
            self.known_children(
                e,
                &op,
                &[
                    "Priority",
                    "SphereOfPromulgation",
                    "TyperNotation",
                    "PromulgationAmount",
                    "PageAmount",
                    "Direction",
                    "Appendixes",
                    "ReplyFors",
                    "ReferenceCodes",
                ],
            );
            OtherInfo {
                priority: self.text(e, &op, "Priority"),
                sphere_of_promulgation: self.text(e, &op, "SphereOfPromulgation"),
                typer_notation: self.text(e, &op, "TyperNotation"),
                promulgation_amount: self.text(e, &op, "PromulgationAmount"),
                page_amount: self.text(e, &op, "PageAmount"),
                direction: self.text(e, &op, "Direction"),
                appendixes: e.child("Appendixes").map(|a| {
                    a.children_named("Appendix")
                        .map(|x| x.text.to_string())
                        .collect()
                }),
            }
        });
        let response_for: Vec<ResponseFor> = mh
            .children_named("ResponseFor")
            .enumerate()
            .map(|(i, e)| self.response_for(e, &format!("{path}/ResponseFor[{}]", i + 1)))
            .collect();
        let to_places = self
            .one(mh, path, "ToPlaces")
            .map(|e| self.list(e, &p("ToPlaces"), "Place"));
        let header_value = EdocHeader {
            from,
            to,
            document_id: self.text(mh, path, "DocumentId"),
            code,
            promulgation_info,
            document_type,
            subject: self.text(mh, path, "Subject"),
            content: self.text(mh, path, "Content"),
            signer_info,
            due_date: self.text(mh, path, "DueDate"),
            other_info,
            response_for,
            steering_type: self.text(mh, path, "SteeringType"),
            to_places,
        };

        let trace = header
            .and_then(|h| h.child("TraceHeaderList"))
            .map(|t| self.trace(t));
        let signature = header
            .and_then(|h| h.child("Signature"))
            .map(|s| self.signature(s));

        // Manifest.
        let body = envelope.child("edXMLBody");
        let manifest = body.and_then(|b| b.child("edXMLManifest")).map(|m| {
            let mp = "edXMLEnvelope/edXMLBody/edXMLManifest";
            self.known_children(m, mp, &["Reference"]);
            m.children_named("Reference")
                .enumerate()
                .map(|(i, r)| {
                    let rp = format!("{mp}/Reference[{}]", i + 1);
                    self.locations.insert(rp.clone(), r.at);
                    self.known_children(
                        r,
                        &rp,
                        &["ContentId", "ContentType", "Description", "AttachmentName"],
                    );
                    Reference {
                        content_id: self.text(r, &rp, "ContentId"),
                        content_type: self.text(r, &rp, "ContentType"),
                        description: self.text(r, &rp, "Description"),
                        attachment_name: self.text(r, &rp, "AttachmentName"),
                    }
                })
                .collect()
        });
        if let Some(b) = body {
            self.known_children(b, "edXMLEnvelope/edXMLBody", &["edXMLManifest"]);
        }

        // Attachments: outside the envelope (reference), inside it (misplaced), or the
        // non-standard gateway layout.
        let mut attachments = Vec::new();
        let outside = root
            .children
            .iter()
            .filter(|c| c.name.local == "AttachmentEncoded");
        let inside = envelope
            .children
            .iter()
            .filter(|c| c.name.local == "AttachmentEncoded");
        for enc in inside.clone() {
            self.dev(
                "edxml.attachment_placement",
                enc,
                "edXMLEnvelope/AttachmentEncoded",
                "AttachmentEncoded is inside the envelope; the reference layout puts it after the envelope, under the root".into(),
                "AttachmentEncoded nằm trong envelope; bố cục chuẩn đặt nó sau envelope, dưới phần tử gốc".into(),
            );
        }
        let blocks: Vec<&Node<'d>> = if layout == Layout::Layered {
            outside.chain(inside).collect()
        } else {
            inside.collect()
        };
        for enc in blocks {
            self.known_children(enc, "AttachmentEncoded", &["Attachment"]);
            for (i, a) in enc.children_named("Attachment").enumerate() {
                let ap = format!("AttachmentEncoded/Attachment[{}]", i + 1);
                self.locations.insert(ap.clone(), a.at);
                self.known_children(a, &ap, ATTACHMENT_ORDER);
                self.order(a, &ap, ATTACHMENT_ORDER);
                let payload = a
                    .child("ContentTransferEncoded")
                    .and_then(|c| c.stream)
                    .and_then(|s| self.summaries.get(s).cloned().flatten());
                if a.child("ContentTransferEncoded").is_none() {
                    self.missing(a, &ap, "ContentTransferEncoded");
                }
                attachments.push(Attachment {
                    content_id: self.text(a, &ap, "ContentId"),
                    attachment_name: self.text(a, &ap, "AttachmentName"),
                    description: self.text(a, &ap, "Description"),
                    content_type: self.text(a, &ap, "ContentType"),
                    payload,
                });
            }
        }
        if let Some(list) = envelope.child("edXMLAttachments") {
            self.dev(
                "edxml.nonstandard_attachments",
                list,
                "edXMLEnvelope/edXMLAttachments",
                "attachments are in a non-standard edXMLAttachments block inside the envelope (an early gateway's layout), with no manifest and no AttachmentEncoded".into(),
                "tệp đính kèm nằm trong khối edXMLAttachments không chuẩn bên trong envelope (bố cục của một cổng kết nối cũ), không có manifest và AttachmentEncoded".into(),
            );
            for (i, a) in list.children_named("Attachment").enumerate() {
                let ap = format!("edXMLEnvelope/edXMLAttachments/Attachment[{}]", i + 1);
                let payload = a
                    .child("AttachmentData")
                    .and_then(|c| c.stream)
                    .and_then(|s| self.summaries.get(s).cloned().flatten());
                attachments.push(Attachment {
                    content_id: None,
                    attachment_name: self.text(a, &ap, "AttachmentName"),
                    description: None,
                    content_type: self.text(a, &ap, "AttachmentType"),
                    payload,
                });
            }
        }
        Edoc {
            header: header_value,
            trace,
            signature,
            manifest,
            attachments,
        }
    }

    fn trace(&mut self, t: &Node<'d>) -> TraceHeaderList {
        let tp = "edXMLEnvelope/edXMLHeader/TraceHeaderList";
        self.known_children(t, tp, &["TraceHeader", "Bussiness", "Paper"]);
        let business_pos = t.children.iter().position(|c| c.name.local == "Bussiness");
        let first_trace = t
            .children
            .iter()
            .position(|c| c.name.local == "TraceHeader");
        let business_first = match (business_pos, first_trace) {
            (Some(b), Some(f)) => b < f,
            (Some(_), None) => true,
            _ => false,
        };
        let trace_headers = t
            .children_named("TraceHeader")
            .enumerate()
            .map(|(i, h)| {
                let hp = format!("{tp}/TraceHeader[{}]", i + 1);
                self.locations.insert(hp.clone(), h.at);
                self.known_children(h, &hp, &["OrganId", "Timestamp"]);
                TraceHeader {
                    organ_id: self.text(h, &hp, "OrganId"),
                    timestamp: self.text(h, &hp, "Timestamp"),
                }
            })
            .collect();
        let business = self.one(t, tp, "Bussiness").map(|b| {
            let bp = format!("{tp}/Bussiness");
            self.known_children(
                b,
                &bp,
                &[
                    "DocumentId",
                    "BussinessDocType",
                    "BussinessDocReason",
                    "Paper",
                    "BussinessDocumentInfo",
                    "ReplacementInfoList",
                    "StaffInfo",
                ],
            );
            let document_info = self.one(b, &bp, "BussinessDocumentInfo").map(|d| {
                let dp = format!("{bp}/BussinessDocumentInfo");
                self.known_children(
                    d,
                    &dp,
                    &["DocumentInfo", "DocumentReceiver", "ReceiverList"],
                );
                BusinessDocumentInfo {
                    document_info: self.text(d, &dp, "DocumentInfo"),
                    document_receiver: self.text(d, &dp, "DocumentReceiver"),
                    receivers: d.child("ReceiverList").map(|l| {
                        l.children_named("Receiver")
                            .enumerate()
                            .map(|(i, r)| {
                                let rp = format!("{dp}/ReceiverList/Receiver[{}]", i + 1);
                                Receiver {
                                    organ_id: self.text(r, &rp, "OrganId"),
                                    receiver_type: self.text(r, &rp, "ReceiverType"),
                                }
                            })
                            .collect()
                    }),
                }
            });
            let replacements = b.child("ReplacementInfoList").map(|l| {
                l.children_named("ReplacementInfo")
                    .enumerate()
                    .map(|(i, r)| {
                        let rp = format!("{bp}/ReplacementInfoList/ReplacementInfo[{}]", i + 1);
                        ReplacementInfo {
                            document_id: self.text(r, &rp, "DocumentId"),
                            organ_ids: r
                                .child("OrganIdList")
                                .map(|o| {
                                    o.children_named("OrganId")
                                        .map(|x| x.text.to_string())
                                        .collect()
                                })
                                .unwrap_or_default(),
                        }
                    })
                    .collect()
            });
            Business {
                document_id: self.text(b, &bp, "DocumentId"),
                doc_type: self.text(b, &bp, "BussinessDocType"),
                reason: self.text(b, &bp, "BussinessDocReason"),
                paper: self.text(b, &bp, "Paper"),
                document_info,
                replacements,
                staff_info: self
                    .one(b, &bp, "StaffInfo")
                    .map(|s| self.staff_info(s, &format!("{bp}/StaffInfo"))),
            }
        });
        TraceHeaderList {
            business,
            trace_headers,
            business_first,
        }
    }

    fn signature(&mut self, s: &Node<'d>) -> SignatureInfo {
        let sp = "edXMLEnvelope/edXMLHeader/Signature";
        self.locations.insert(sp.to_owned(), s.at);
        if s.name.ns != Some(NS_DSIG) {
            let ns = s.name.ns.unwrap_or("no namespace");
            self.dev(
                "edxml.signature_namespace",
                s,
                sp,
                format!("<Signature> is in {ns}, not the XML Signature namespace {NS_DSIG}: no XMLDSig verifier will read it"),
                format!("<Signature> thuộc {ns}, không thuộc không gian tên chữ ký XML {NS_DSIG}: không trình kiểm tra XMLDSig nào đọc được"),
            );
        }
        let attr = |e: Option<&Node<'d>>, name: &str| {
            e.and_then(|e| {
                e.attributes
                    .iter()
                    .find(|a| a.name.local == name && a.name.ns.is_none())
                    .map(|a| a.value.to_string())
            })
        };
        let signed_info = s.child("SignedInfo");
        let references = signed_info
            .map(|si| {
                si.children_named("Reference")
                    .map(|r| SignatureReference {
                        uri: attr(Some(r), "URI"),
                        transforms: r
                            .child("Transforms")
                            .map(|t| {
                                t.children_named("Transform")
                                    .filter_map(|x| attr(Some(x), "Algorithm"))
                                    .collect()
                            })
                            .unwrap_or_default(),
                        digest_method: attr(r.child("DigestMethod"), "Algorithm"),
                        digest_value: r.child("DigestValue").map(|d| d.text.to_string()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let x509 = s.child("KeyInfo").and_then(|k| k.child("X509Data"));
        SignatureInfo {
            namespace: s.name.ns.map(str::to_owned),
            canonicalization: attr(
                signed_info.and_then(|si| si.child("CanonicalizationMethod")),
                "Algorithm",
            ),
            signature_method: attr(
                signed_info.and_then(|si| si.child("SignatureMethod")),
                "Algorithm",
            ),
            references,
            signature_value: s.child("SignatureValue").map(|v| v.text.to_string()),
            subject_name: x509
                .and_then(|x| x.child("X509SubjectName"))
                .map(|n| n.text.to_string()),
            certificates: x509
                .map(|x| {
                    x.children_named("X509Certificate")
                        .map(|c| c.text.to_string())
                        .collect()
                })
                .unwrap_or_default(),
            span: Some(s.span),
        }
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    fn fixtures() -> Vec<Vec<u8>> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "edxml" || x == "xml"))
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    fn same(bytes: &[u8]) {
        let fast = read_bytes(bytes);
        let slow = read(bytes, &ReadOptions::default(), &mut DiscardSink);
        match (fast, slow) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b);
                assert_eq!(a.locations, b.locations);
            }
            (Err(a), Err(b)) => {
                assert_eq!(a.code(), b.code());
                assert_eq!(a.location(), b.location());
                assert_eq!(a.to_string(), b.to_string());
            }
            (a, b) => panic!("in memory {a:?}, streamed {b:?}"),
        }
    }

    /// Every real package is read by the in-memory path (no fallback), with the streamed
    /// read's result.
    #[test]
    fn the_in_memory_tree_reads_every_fixture_as_the_streamed_read_does() {
        for bytes in fixtures() {
            let mut sink = DiscardSink;
            let mut streams = Streams {
                sink: &mut sink,
                unwrap: Unwrap::default(),
                current: None,
                summaries: Vec::new(),
                error: None,
            };
            assert!(xml::read_tree(&bytes, &Limits::default(), &mut streams).is_ok());
            same(&bytes);
        }
    }

    /// Damaged packages: the same package or the same error either way.
    #[test]
    fn damaged_packages_read_the_same_both_ways() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let specials = b"<>&;:/=\"' \r\n\t\x00\xEF\xBB\xBFx";
        for bytes in fixtures() {
            for _ in 0..150 {
                let mut b = bytes.clone();
                match next() % 3 {
                    0 => b.truncate((next() as usize) % (b.len() + 1)),
                    1 => {
                        for _ in 0..1 + next() % 3 {
                            let at = (next() as usize) % b.len();
                            b[at] = specials[(next() as usize) % specials.len()];
                        }
                    }
                    _ => {
                        let at = (next() as usize) % b.len();
                        let len = ((next() as usize) % 40).min(b.len() - at);
                        b.drain(at..at + len);
                    }
                }
                same(&b);
            }
        }
        for text in [
            "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><a>x</a></edXML>",
            "\u{FEFF}<?xml version=\"1.0\"?><edXML/>",
            "<edXML xmlns:e=\"a&amp;b\"><e:x/></edXML>",
            "<edXML><x:y/></edXML>",
            "<edXML a:b=\"1\"/>",
            "<edXML><ContentTransferEncoded>ab<!--c-->cd</ContentTransferEncoded></edXML>",
            "<edXML><ContentTransferEncoded/></edXML>",
            "<ContentTransferEncoded>abc</ContentTransferEncoded>",
        ] {
            same(text.as_bytes());
        }
    }
}
