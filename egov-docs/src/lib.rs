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

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

#[cfg(test)]
mod catalogue_tests {
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::legal::{Instrument, LegalRef};
    use egov_core::{Localize, TimeError, VnDateTime};

    use crate::agency::{AgencyCode, AgencyError as A};
    use crate::catalogue::CatalogueError;
    use crate::deadline::DeadlineError;
    use crate::document_id::DocumentIdError as D;
    use crate::handover::HandoverError as H;
    use crate::metadata::MetadataError;
    use crate::number::NumberError as N;
    use crate::registry::{RecordAt, RegistryError as R};
    use crate::stats::QuarterError;
    use crate::status::{
        ProcessingStatus, SenderEvent, SenderStatus, StatusError as S, StatusEventKind,
    };
    use crate::urgency::UrgencyError as U;

    /// CORE-06: every error code of egov-docs has a Vietnamese message in locales/vi.ftl, filled
    /// from the error's values, different from the English one.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let t: VnDateTime = "2025-01-31T08:00:00+07:00".parse().unwrap();
        let code = AgencyCode::parse("000.00.18.G12").unwrap();
        let basis = LegalRef::clause(Instrument::Qd28_2018, 5, 4);
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(A::Empty),
            Box::new(A::Whitespace { offset: 3 }),
            Box::new(A::InvalidChar {
                offset: 3,
                found: '#',
            }),
            Box::new(A::GroupCount { groups: 3, len: 9 }),
            Box::new(A::EmptyGroup {
                level: 2,
                offset: 4,
            }),
            Box::new(A::GroupLength {
                level: 2,
                offset: 4,
                found: 3,
                expected: 2,
            }),
            Box::new(A::Length { len: 12 }),
            Box::new(A::ExpectedDigit {
                level: 3,
                offset: 7,
                found: 'x',
            }),
            Box::new(A::Level1Letter {
                offset: 10,
                found: 'g',
            }),
            Box::new(A::HierarchyGap {
                level: 2,
                offset: 4,
            }),
            Box::new(U::Empty),
            Box::new(U::TooLong { len: 100 }),
            Box::new(U::NotUrgent {
                input: "thường".into(),
            }),
            Box::new(U::Unknown {
                input: "gấp".into(),
            }),
            Box::new(D::Empty),
            Box::new(D::FieldCount {
                found: 2,
                expected: 3,
                separator: ',',
                layout: "agency:yyyy:seq",
            }),
            Box::new(D::Agency {
                field: "organ_id",
                offset: 0,
                source: A::Length { len: 12 },
            }),
            Box::new(D::DateFormat {
                field: "promulgation_date",
                offset: 14,
            }),
            Box::new(D::NoSuchDate {
                field: "promulgation_date",
                offset: 14,
                year: 2025,
                month: 2,
                day: 30,
            }),
            Box::new(D::Number {
                field: "number",
                offset: 25,
                source: N::MissingSlash,
            }),
            Box::new(D::Year { offset: 14 }),
            Box::new(D::Seq { offset: 19 }),
            Box::new(DeadlineError::Calendar(
                egov_core::CalendarError::Overflow { from: day },
            )),
            Box::new(DeadlineError::Time(TimeError::Empty)),
            Box::new(DeadlineError::NegativeTolerance { seconds: -5 }),
            Box::new(DeadlineError::Overflow { signed_at: t }),
            Box::new(DeadlineError::SecondsOutOfRange { seconds: i64::MAX }),
            Box::new(H::NotUrgent),
            Box::new(H::BeforeAcceptance {
                accepted_at: t,
                handed_over_at: t,
            }),
            Box::new(H::AsOfBeforeAcceptance {
                accepted_at: t,
                as_of: t,
            }),
            Box::new(H::NegativeTolerance { seconds: -1 }),
            Box::new(H::Overflow { accepted_at: t }),
            Box::new(MetadataError {
                line: 1,
                column: 7,
                message: "expected value".into(),
            }),
            Box::new(N::Empty),
            Box::new(N::TooLong { len: 300 }),
            Box::new(N::CanonicalTooLong { len: 300 }),
            Box::new(N::MissingSlash),
            Box::new(N::TooManyParts { offset: 9 }),
            Box::new(N::EmptyNumber { offset: 0 }),
            Box::new(N::NotNumeric {
                offset: 1,
                found: 'a',
            }),
            Box::new(N::NumberTooLarge {
                offset: 0,
                digits: 12,
            }),
            Box::new(N::ZeroNumber { offset: 0 }),
            Box::new(N::InvalidYear { offset: 3 }),
            Box::new(N::EmptySymbol { offset: 3 }),
            Box::new(N::EmptySymbolGroup { offset: 6 }),
            Box::new(N::InvalidSymbolChar {
                offset: 5,
                found: '*',
            }),
            Box::new(N::SpaceInsideGroup { offset: 5 }),
            Box::new(R::Csv {
                line: 2,
                column: 5,
                message: "unterminated quoted field",
            }),
            Box::new(R::MissingColumn { column: "code" }),
            Box::new(R::UnknownColumn {
                line: 1,
                column: 8,
                name: "note".into(),
            }),
            Box::new(R::DuplicateColumn {
                line: 1,
                column: 3,
                name: "code".into(),
            }),
            Box::new(R::FieldCount {
                line: 4,
                expected: 7,
                found: 6,
            }),
            Box::new(R::Field {
                line: 4,
                column: 4,
                field: "valid_from",
                message: "not a date".into(),
                message_vi: "không phải ngày".into(),
            }),
            Box::new(R::Json {
                line: 1,
                column: 2,
                message: "expected value".into(),
            }),
            Box::new(R::EmptyName {
                at: RecordAt::Line(3),
                code,
            }),
            Box::new(R::Interval {
                at: RecordAt::Entry(2),
                code,
            }),
            Box::new(R::SelfReplacement {
                at: RecordAt::Line(3),
                code,
            }),
            Box::new(R::Overlap {
                at: RecordAt::Line(3),
                code,
                other: RecordAt::Line(2),
            }),
            Box::new(QuarterError::OutOfRange { quarter: 5 }),
            Box::new(QuarterError::Year { year: 300_000 }),
            Box::new(CatalogueError::MissingColumn {
                column: "symbol",
                headers: vec!["a".into()],
                expected: &["số, ký hiệu"],
            }),
            Box::new(CatalogueError::DuplicateColumn {
                column: "symbol",
                first: "Số".into(),
                second: "Ký hiệu".into(),
            }),
            Box::new(CatalogueError::Csv {
                row: 3,
                message: "bad quote".into(),
            }),
            Box::new(S::Forbidden {
                from: ProcessingStatus::Arrived,
                event: StatusEventKind::Reject,
                rule: "DOC-29".into(),
                basis: basis.clone(),
                allowed_from: vec![ProcessingStatus::Accepted],
            }),
            Box::new(S::MissingReason {
                event: StatusEventKind::Reject,
            }),
            Box::new(S::OutOfOrder {
                event: StatusEventKind::Accept,
                at: t,
                last: t,
            }),
            Box::new(S::SenderForbidden {
                from: SenderStatus::Draft,
                event: SenderEvent::SignForIssue,
                basis,
            }),
            Box::new(S::Empty),
            Box::new(S::TooLong { len: 500 }),
            Box::new(S::UnknownStatus {
                input: "đang treo".into(),
            }),
            Box::new(S::UnknownEdxmlCode { code: "99".into() }),
            Box::new(S::UnknownEvent {
                input: "duyệt".into(),
            }),
            Box::new(S::InvalidHistory {
                index: 2,
                reason: crate::status::HistoryFault::Refused(Box::new(S::Empty)),
            }),
            Box::new(S::InvalidHistory {
                index: 2,
                reason: crate::status::HistoryFault::Differs,
            }),
            Box::new(S::InvalidHistory {
                index: 2,
                reason: crate::status::HistoryFault::StatusMismatch {
                    stored: crate::status::ProcessingStatus::Accepted,
                    replayed: crate::status::ProcessingStatus::Arrived,
                },
            }),
        ];
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        assert!(gaps.is_empty(), "{gaps:#?}");
        // A nested error's Vietnamese composes into the outer message.
        let nested = D::Agency {
            field: "organ_id",
            offset: 0,
            source: A::Length { len: 12 },
        };
        assert_eq!(
            nested.message_vi(),
            "trường mã định danh cơ quan ở byte 0: mã định danh có 12 ký tự; phải có 13 ký tự, \
             kể cả 3 dấu chấm"
        );
    }
}
