//! # egov-docs
//!
//! Identifiers and documents of Vietnam's inter-agency e-document exchange, per
//! Quyết định 28/2018/QĐ-TTg (seed 004; rules DOC-01…43):
//!
//! * [`agency`]: the 13-character agency code `000.00.18.G12` (DOC-01…04) and
//!   [`registry`] of codes with validity intervals; [`catalogue`] imports the lists agencies
//!   hold (CSV or spreadsheet exports with Vietnamese headers), every row accounted for.
//! * [`document_id`]: the document identifier (DOC-08) in structural and edXML form.
//! * [`number`]: "số và ký hiệu" (`28/2018/QĐ-TTg`) and [`doctype`], the document-type table of
//!   Nghị định 30/2020/NĐ-CP.
//! * [`urgency`] (DOC-12) and [`status`], the processing-status machine (DOC-11, DOC-22, DOC-25…30).
//! * [`metadata`]: the record a)–q) a document system must show (DOC-10).
//! * [`deadline`]: the send deadline (DOC-19, DOC-21).
//! * [`handover`]: the receive side of an urgent document, handed over for processing
//!   immediately after it is taken in (DOC-21).
//! * [`legal_value`]: legal value and the paper-copy rule (DOC-14, DOC-17).
//! * [`delivery`]: the sender's tracking of one sent document per receiver (DOC-26).
//! * [`stats`]: exchange statistics rolled up the agency hierarchy (DOC-36) and by quarter in
//!   Vietnam time (DOC-41).
//! * A document whose content is a state secret is outside QĐ 28/2018 (CORE-08, Đ1.2): the
//!   metadata check, the channel check, the delivery check and the statistics answer or count
//!   it as out of scope instead of judging it.
//! * [`parsed`]: [`parsed::Parsed`], a value plus what a tolerant parser accepted.
//! * [`text`]: Vietnamese text folding used to match legal terms.
//!
//! Every error type says what went wrong in English (`Display`) and in Vietnamese
//! (`message_vi()`), and every finding carries both (`message`, `message_vi`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod agency;
pub mod catalogue;
pub mod deadline;
pub mod delivery;
pub mod doctype;
pub mod document_id;
pub mod handover;
pub mod legal_value;
pub mod metadata;
pub mod number;
pub mod parsed;
pub mod registry;
pub mod stats;
pub mod status;
pub mod text;
pub mod urgency;
