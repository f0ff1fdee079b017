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
//! * [`obligations`]: the Đ19/Đ20 checklist with citations and evidence evaluation (PLAT-13…27).
//! * [`report`]: the self-classification report as JSON and bilingual Markdown.
//! * [`schedule`]: first and yearly self-classification deadlines (PLAT-09/10/13, A-16, A-17).
//!
//! Domain logic is pure: the caller passes the determination date and the population.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod classify;
pub mod counter;
pub mod csv;
pub mod month;
pub mod obligations;
pub mod report;
pub mod schedule;

pub use classify::{
    classify, scale_of_sum, window_before, Classification, ClassificationInput, ClassifyError,
    Intermediary, LegalClass, MonthlyCount, Population, PopulationKind, Scale, ThresholdDistance,
    Thresholds, UserCountSource, MONTHS_IN_WINDOW,
};
pub use counter::{
    collision_bound, sum_disjoint, ActivityEvent, ActivityKind, CountStats, MonthActivity,
    MonthlyActiveCounter, UserKey,
};
pub use month::{YearMonth, YearMonthError};
pub use obligations::{checklist, evaluate, Evidence, EvidenceItem, Obligation};
pub use report::{build_report, CountingSummary, PlatformReport, ReportContext, ReportError};
pub use schedule::{next_due, NextDue, PlatformHistory, ScheduleParams};
