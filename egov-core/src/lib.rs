//! # egov-core
//!
//! The shared vocabulary of the egov SDK, used by every domain crate:
//!
//! * [`time`]: [`VnDateTime`], a timestamp fixed at Vietnam time (UTC+07:00) with ISO 8601 /
//!   RFC 3339 parsing and display (rule CORE-01, QĐ 28/2018/QĐ-TTg Đ14.4).
//! * [`calendar`]: [`WorkingCalendar`], the public-sector working-day calendar with built-in
//!   Vietnamese holidays, compensatory days and swapped working days (rule CORE-02).
//! * [`lunar`]: the Vietnamese lunar calendar (computed at UTC+7), which places Tết Nguyên Đán and
//!   Giỗ Tổ Hùng Vương.
//! * [`legal`]: [`LegalRef`], a citation of an instrument, article, clause and point (CORE-14).
//! * [`finding`]: [`Finding`] and [`Outcome`], the explainable result of every check.
//! * [`error`]: the error conventions shared by every crate ([`ErrorCode`]).
//! * [`i18n`]: messages for people in Vietnamese or English ([`Lang`], [`Localize`], Fluent
//!   catalogues).
//! * [`agency_kind`] (CORE-04), [`classification`] (CORE-08, state secrets outside QĐ 28/2018), [`owner`] (CORE-05), [`text`] (CORE-06, Vietnamese-first published
//!   text), [`channel`] (CORE-07) and [`definitions`] (CORE-12, the terms of Đ3 of both enacted
//!   instruments).
//!
//! Domain logic here is pure: no clock, file or network access. The caller passes "now".
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod agency_kind;
pub mod binding;
pub mod calendar;
pub mod channel;
pub mod classification;
pub mod definitions;
pub mod error;
pub mod finding;
pub mod i18n;
pub mod legal;
pub mod lunar;
pub mod owner;
pub mod text;
pub mod time;

/// The `chrono` version egov's types are built on, re-exported so callers name the same types.
pub use chrono;

pub use calendar::{add_months, CalendarError, DayKind, WorkingCalendar, YearSchedule};
pub use error::ErrorCode;
pub use finding::{Finding, Outcome, Report};
pub use i18n::{Lang, Localize};
pub use legal::{Force, Instrument, LegalRef};
pub use time::{TimeError, VnDateTime, VN_OFFSET_SECONDS};
