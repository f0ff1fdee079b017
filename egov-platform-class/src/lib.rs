//! # egov-platform-class
//!
//! Size classes of information systems and intermediary platforms under Nghị định 137/2024/NĐ-CP
//! Điều 15–20 (rules PLAT-01…27):
//!
//! * [`month`]: calendar months in Vietnam time (a month starts at 00:00 +07:00).
//! * [`counter`]: exact, streaming, mergeable distinct active users per month (PLAT-01).
//! * [`csv`]: streaming CSV reader of activity events with malformed-line accounting.
//! * [`classify()`]: the 12-month average and the 3 % (large) / 10 % (very large) thresholds with
//!   exact integer arithmetic (PLAT-02…06), distance to each threshold, the intermediary condition.
//! * [`owner`]: the owner class (CORE-05, Đ15.2) and the evidence the owner is determined from
//!   (PLAT-07, Đ15.3).
//! * [`functions`]: the function classes of Đ16.1 a–đ, a non-empty set (PLAT-08, §7 A-15).
//! * [`obligations`]: the Đ19/Đ20 checklist with citations and evidence evaluation (PLAT-13…27),
//!   and the Đ18.2 duty to report to the state management agency (PLAT-11).
//! * [`recommendation`]: opting out of data-driven recommendation, never switched back without
//!   consent (PLAT-24, Đ20.1.b).
//! * [`cases`]: notify (or warn) the account before handling a reported issue or illegal content
//!   (PLAT-15, PLAT-19; Đ19.1.b, Đ19.2.c).
//! * [`report`]: the self-classification report as JSON and bilingual Markdown.
//! * [`schedule`]: first and yearly self-classification deadlines (PLAT-09/10/13, A-16, A-17).
//!
//! Domain logic is pure: the caller passes the determination date, the population and the
//! calendar. The only inputs read are byte blocks handed to [`csv::CsvEventReader`].
//!
//! ## Throughput and the allocator
//!
//! The counter merges sorted runs of keys as it goes. With glibc's malloc those merges return
//! pages to the kernel and fault them back in (about a million page faults per 100 million
//! events, up to 45 % of the run in kernel time). Programs that count large inputs should use an
//! allocator that keeps freed memory, as the `egov` binary does with mimalloc: 100 million events
//! of 10 million users then count at about 23 million events per second on one core
//! (`benches/platform_results.md`). The library itself does not choose an allocator.
//!
//! ## From events to a report
//!
//! ```
//! use chrono::NaiveDate;
//! use egov_platform_class::*;
//!
//! // 1. Count (PLAT-01): feed events one by one or in batches; merge partial counters.
//! let mut counter = MonthlyActiveCounter::new();
//! let start = YearMonth::new(2025, 1).unwrap().start_unix_seconds();
//! for day in 0..365i64 {
//!     for user in 0..(day % 7 + 1) as u64 {
//!         counter.add(&ActivityEvent {
//!             user: UserKey::from_int(user),
//!             at: start + day * 86_400,
//!             kind: ActivityKind::Login,
//!             in_vietnam: true,
//!         });
//!     }
//! }
//! // 2. Classify (PLAT-02…06): 12 complete months before the date, exact thresholds.
//! let mut input = ClassificationInput::new(counter.monthly_counts(), UserCountSource::EgovCounter);
//! input.population = Some(Population::new(200, PopulationKind::Census, "test", "test",
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
//! input.intermediary = Intermediary::Attested;
//! let date = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
//! let c = classify(&input, date).unwrap();
//! assert_eq!(c.scale, Scale::Large); // 7 users of 200 = 3.5 %
//! assert_eq!(c.class, LegalClass::LargeIntermediaryPlatform);
//! // 3. Report (PLAT-09…27): obligations checklist, next due date, JSON and Markdown.
//! input.counting = Some(CountingSummary::new(counter.months(), counter.stats(), None));
//! let report = build_report(&input, date, &ReportContext::default(),
//!     &egov_core::WorkingCalendar::vietnam()).unwrap();
//! assert_eq!(report.obligations.len(), 17);
//! assert!(report.to_markdown().contains("## Nghĩa vụ / Obligations"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

#[cfg(feature = "arrow")]
pub mod arrow_events;
pub mod cases;
pub mod classify;
pub mod counter;
pub mod csv;
pub mod functions;
pub mod ids;
pub mod ingest;
pub mod month;
pub mod obligations;
pub mod owner;
#[cfg(feature = "parquet")]
pub mod parquet_events;
#[cfg(feature = "parquet")]
pub mod parquet_partial;
pub mod partial;
pub mod published;
pub mod recommendation;
pub mod report;
pub mod schedule;
pub mod sql;
pub mod summary;

pub use classify::{
    classify, scale_of_sum, window_before, Classification, ClassificationInput, ClassifyError,
    DefaultsUsed, Intermediary, LegalClass, MonthlyCount, Population, PopulationKind, Scale, Side,
    ThresholdDistance, Thresholds, UserCountSource, MONTHS_IN_WINDOW,
};
pub use counter::{
    collision_bound, sum_disjoint, ActivityEvent, ActivityKind, CountStats, MonthActivity,
    MonthlyActiveCounter, UserKey,
};
pub use functions::{
    check_functions, FunctionClass, FunctionClasses, FunctionProfile, MainFunction,
};
pub use ingest::{
    count_csv_file, count_csv_reader, Compression, CountOptions, CountResult, IngestError,
};
pub use month::{YearMonth, YearMonthError};
pub use obligations::{
    checklist, evaluate, listed_channels, reporting_duty, Channel, Evidence, EvidenceItem,
    Obligation,
};
pub use owner::{determine_owner, ApprovingAuthority, OwnerEvidence, StateBody, StateOwnerBody};
pub use published::{
    check_count_source, check_platform_listing, PublishedEntry, PublishedList, PublishedListError,
    PublishedListKind,
};
pub use report::{build_report, CountingSummary, PlatformReport, ReportContext, ReportError};
pub use schedule::{next_due, NextDue, PlatformHistory, ScheduleParams};
pub use summary::{counts_from_json, CountsJsonError};

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

#[cfg(test)]
mod catalogue_tests {
    use chrono::NaiveDate;
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::legal::{Instrument, LegalRef};
    use egov_core::Localize;

    use crate::cases::{CaseError, CaseKind, CaseStep};
    use crate::classify::ClassifyError as C;
    use crate::csv::ParseStats;
    use crate::functions::NoFunctionClass;
    use crate::ingest::IngestError;
    use crate::month::{YearMonth, YearMonthError};
    use crate::partial::{IdScheme, PartialError};
    use crate::published::PublishedListError as P;
    use crate::recommendation::{RecoError, RecoPreference};
    use crate::report::ReportError;
    use crate::sql::EngineResultError;

    /// CORE-06: every error code of egov-platform-class has a Vietnamese message in
    /// locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let m = |mo| YearMonth::new(2024, mo).unwrap();
        let d = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
        let mut stats = ParseStats {
            lines: 10,
            malformed: 10,
            ..ParseStats::default()
        };
        stats
            .malformed_by_reason
            .insert(crate::csv::MalformedReason::EmptyUser, 10);
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(C::InsufficientHistory {
                first: m(1),
                last: m(12),
                available: 11,
                missing: vec![m(3)],
                outside: Some((2, m(1), m(2))),
            }),
            Box::new(C::DuplicateMonth { month: m(3) }),
            Box::new(C::ZeroPopulation),
            Box::new(C::InvalidThresholds {
                large_min_bp: 500,
                very_large_above_bp: 100,
            }),
            Box::new(C::DateOutOfRange(d)),
            Box::new(C::ThresholdsNotInForce {
                date: d,
                version: "2024".into(),
                effective_from: d,
            }),
            Box::new(C::NoPopulation(d)),
            Box::new(C::NoEvents),
            Box::new(IngestError::Io {
                what: "events.csv".into(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            }),
            Box::new(IngestError::NoEvents(Box::new(stats))),
            Box::new(IngestError::Worker),
            Box::new(IngestError::Partial("keys".into())),
            Box::new(P::Json("expected value".into())),
            Box::new(P::Format("v0".into())),
            Box::new(P::NoSource),
            Box::new(P::EmptyName { entry: 2 }),
            Box::new(P::Interval {
                entry: 2,
                name: "Zalo".into(),
            }),
            Box::new(P::Scale {
                entry: 2,
                name: "Zalo".into(),
                what: "scale on a tool list",
            }),
            Box::new(NoFunctionClass),
            Box::new(YearMonthError("2024-13".into())),
            Box::new(PartialError::SchemeMismatch(
                IdScheme::Integer,
                IdScheme::Xxh3,
            )),
            Box::new(PartialError::ShardMismatch(4, 8)),
            Box::new(CaseError::HandlingBeforeNotice {
                kind: CaseKind::Issue,
                basis: LegalRef::point(Instrument::Nd137_2024, 19, 1, "b"),
            }),
            Box::new(CaseError::OutOfOrder {
                kind: CaseKind::IllegalContent,
                from: CaseStep::Received,
                to: CaseStep::ResultNotified,
            }),
            Box::new(RecoError::ChangeWithoutConsent {
                from: RecoPreference::OptedOut,
                to: RecoPreference::Personalized,
            }),
            Box::new(EngineResultError::Month("2024-1".into())),
            Box::new(EngineResultError::Outcome("huge".into())),
            Box::new(crate::CountsJsonError::Shape),
            Box::new(crate::CountsJsonError::Months(
                "missing field `active_users`".into(),
            )),
        ];
        #[cfg_attr(not(any(feature = "arrow", feature = "parquet")), allow(unused_mut))]
        let mut errors = errors;
        #[cfg(feature = "arrow")]
        errors.push(Box::new(crate::arrow_events::ColumnError {
            column: "user".into(),
            message: "not a string".into(),
            message_vi: "không phải chuỗi ký tự".into(),
        }));
        #[cfg(feature = "parquet")]
        errors.extend([
            Box::new(crate::parquet_events::ParquetCountError::Read {
                path: "a.parquet".into(),
                message: "bad magic".into(),
            }) as Box<dyn Localize>,
            Box::new(crate::parquet_events::ParquetCountError::Column {
                path: "a.parquet".into(),
                column: "user".into(),
                message: "missing".into(),
                message_vi: "không có trong dữ liệu đầu vào".into(),
            }),
            Box::new(crate::parquet_events::ParquetCountError::NoEvents {
                rows: 5,
                malformed: 5,
            }),
        ]);
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let mut gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        // Entries of errors behind features this build leaves off.
        gaps.retain(|g| {
            !(cfg!(not(feature = "arrow")) && g.starts_with("arrow-")
                || cfg!(not(feature = "parquet")) && g.starts_with("parquet-"))
        });
        assert!(gaps.is_empty(), "{gaps:#?}");
        assert_eq!(
            C::NoEvents.message_vi(),
            "số liệu được đếm từ đầu vào không có sự kiện hoạt động nào"
        );
        // A nested error of egov-core speaks from egov-core's catalogue.
        let r = ReportError::Calendar(egov_core::CalendarError::Overflow { from: d });
        assert!(r
            .message(egov_core::Lang::Vi)
            .starts_with("phép tính ngày tính từ ngày 31/01/2025"));
    }
}
