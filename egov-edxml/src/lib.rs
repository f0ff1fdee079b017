//! # egov-edxml
//!
//! edXML packages (`edoc`) and status messages (`status`) of the national document axis
//! (Trục liên thông văn bản quốc gia), in the layout of QCVN 102:2016/BTTTT as real files show it
//! (QĐ 28/2018/QĐ-TTg Đ5, Đ8–Đ10, Đ13–Đ14; rules DOC-05, DOC-09, DOC-10, DOC-22…30).
//!
//! Layers, one concept per module:
//!
//! - [`xml`]: the untrusted-input XML layer (no DOCTYPE, bounded everything, names by namespace
//!   URI, attachment text streamed, the file hashed as read);
//! - [`attachment`]: base64 → ZIP wrapper → content, in one streaming pass into a sink;
//! - [`model`]: the typed values of both message kinds;
//! - [`mod@read`]: lenient reading with the strict profile's deviations and their locations;
//! - [`build`]: the VNPT builder's layout byte for byte, attachments streamed from readers;
//! - [`mod@check`]: the receiving system's check, one report of findings with rules and articles;
//! - [`dates`]: edXML dates and times;
//! - [`c14n`]: Canonical XML 1.0, inclusive and exclusive;
//! - [`dsig`]: XMLDSig enveloped signatures: verify (RSA-SHA1 with a warning, RSA-SHA256…,
//!   ECDSA) against caller-supplied trust anchors, sign through a [`dsig::Signer`].
//!
//! ```
//! let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml/vpcp-sdk-sample-status_builder_01.edxml")).unwrap();
//! let package = egov_edxml::read_bytes(&bytes).unwrap();
//! let status = package.status().unwrap();
//! assert_eq!(status.status_code.as_deref(), Some("01"));
//! assert!(package.deviations.is_empty(), "{:?}", package.deviations);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod attachment;
pub mod build;
pub mod c14n;
pub mod check;
pub mod dates;
pub mod dsig;
pub mod extract;
pub mod model;
pub mod read;
pub mod xml;

pub use attachment::{
    AttachmentMeta, AttachmentSink, ContentKind, DiscardSink, MemorySink, PayloadSummary, Unwrap,
    Wrapping, WriteSink,
};
pub use build::{
    build_edoc, build_message, build_status, write_edoc, write_status, AttachmentSource,
    BuildError, BuildOptions, BuildSummary, LineEnding, Wrap,
};
pub use check::{check, check_bytes, may_carry_xmldsig, CheckOptions};
pub use model::{
    Attachment, Business, BusinessDocumentInfo, Code, DocumentType, Edoc, EdocHeader, Message,
    Organization, OtherInfo, PromulgationInfo, Receiver, Reference, ReplacementInfo, ResponseFor,
    SignatureInfo, SignatureReference, SignerInfo, StaffInfo, StatusMessage, TraceHeader,
    TraceHeaderList,
};
pub use read::{read, read_bytes, read_file, Deviation, Layout, Package, ReadError, ReadOptions};
pub use xml::{Limits, Location, XmlError, NS_DSIG, NS_EDXML};
