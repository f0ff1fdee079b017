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
pub use read::{
    read, read_bytes, read_file, Deviation, Layout, NotEdxmlReason, Package, ReadError, ReadOptions,
};
pub use xml::{Limits, Location, XmlError, NS_DSIG, NS_EDXML};

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

#[cfg(test)]
mod catalogue_tests {
    use std::io;

    use egov_core::i18n::vietnamese_gaps;
    use egov_core::Localize;

    use crate::build::BuildError;
    use crate::dsig::SignError;
    use crate::extract::{ExtractError, WriteFailure};
    use crate::read::ReadError;
    use crate::xml::{Location, XmlError};

    /// CORE-06: every error code of egov-edxml has a Vietnamese message in locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let at = Location {
            offset: 120,
            line: 4,
            column: 9,
        };
        let io = || io::Error::new(io::ErrorKind::PermissionDenied, "permission denied");
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(XmlError::Malformed {
                at,
                message: "unexpected end".into(),
                message_vi: "dữ liệu kết thúc giữa chừng".into(),
            }),
            Box::new(XmlError::Doctype { at }),
            Box::new(XmlError::Limit {
                at,
                what: "depth",
                limit: 256,
            }),
            Box::new(XmlError::Io { at, source: io() }),
            Box::new(ReadError::Xml(XmlError::Doctype { at })),
            Box::new(ReadError::NotEdxml {
                at,
                reason: crate::NotEdxmlReason::Root {
                    root: "html".into(),
                },
            }),
            Box::new(ReadError::Open {
                path: "goi.edxml".into(),
                source: io(),
            }),
            Box::new(crate::dates::DateFieldError {
                element: "MessageHeader/DueDate".into(),
                en: "\"mai\" is not written yyyy/MM/dd".into(),
                vi: "«mai» không viết theo dạng yyyy/MM/dd".into(),
            }),
            Box::new(BuildError::AttachmentCount {
                described: 2,
                given: 1,
            }),
            Box::new(BuildError::InvalidChar {
                path: "Subject".into(),
                code: 0x1B,
            }),
            Box::new(BuildError::Io {
                path: "goi.edxml".into(),
                source: io(),
            }),
            Box::new(ExtractError::CreateDir {
                path: "ra".into(),
                source: io(),
            }),
            Box::new(ExtractError::Write {
                failure: WriteFailure {
                    path: "ra/a.pdf".into(),
                    reason: "disk full".into(),
                    reason_vi: "đĩa đã đầy".into(),
                },
                written: Vec::new(),
            }),
            Box::new(SignError::Read(XmlError::Malformed {
                at,
                message: "no document element".into(),
                message_vi: "không có phần tử gốc".into(),
            })),
            Box::new(SignError::AlreadySigned),
            Box::new(SignError::NoHeader),
            Box::new(SignError::Key("bad PEM".into())),
            Box::new(SignError::Signer("token removed".into())),
            Box::new(SignError::C14n("namespace".into())),
            Box::new(SignError::LegacySha1 {
                algorithm: "http://www.w3.org/2000/09/xmldsig#rsa-sha1".into(),
            }),
        ];
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        assert!(gaps.is_empty(), "{gaps:#?}");
        let dir = ExtractError::CreateDir {
            path: "ra".into(),
            source: io(),
        };
        assert!(dir.message_vi().starts_with("không tạo được thư mục ra: "));
    }
}
