//! Statistics of exchanged documents (rules DOC-36 and DOC-41): aggregated automatically by
//! agency and rolled up the agency hierarchy (QĐ 28/2018/QĐ-TTg Đ11.1–3: the Government Office
//! over ministries, sectors and localities; a ministry's office over its subordinate units; a
//! provincial office over its departments and district and commune committees), and for one
//! quarter (Đ15.1: the Government Office reports «hàng quý»).
//!
//! Input: one [`ExchangeRecord`] per document sent to one receiver (sender, receiver, when,
//! the receiver's latest status), built by hand, from a receiver's
//! [`StatusTracker`] ([`ExchangeRecord::from_tracker`],
//! [`ExchangeRecord::from_tracker_before`]) or from the sender's
//! [`DeliveryTracker`] ([`ExchangeRecord::from_delivery`]). A record outside the period, of a
//! state-secret document (CORE-08: outside QĐ 28/2018, Đ1.2), or naming an agency code that
//! does not parse is counted by reason in [`ExchangeStats::excluded`], never dropped silently:
//! `records + Σ excluded` is always the number of records given.
//!
//! ```
//! use egov_core::VnDateTime;
//! use egov_docs::stats::{ExchangeRecord, ExchangeStats, Quarter};
//! use egov_docs::status::ProcessingStatus;
//! let at = VnDateTime::parse("2026-02-10T09:00:00+07:00").unwrap();
//! let r = ExchangeRecord::new("000.01.37.H37", "000.00.00.G22", at)
//!     .with_status(ProcessingStatus::Accepted);
//! let q = Quarter::of(at);
//! assert_eq!(q.to_string(), "Q1/2026");
//! let s = ExchangeStats::aggregate([r].iter(), Some(q));
//! assert_eq!(s.by_agency["000.01.37.H37"].sent, 1);
//! assert_eq!(s.rolled_up["000.00.37.H37"].sent, 1); // the province above the department
//! assert_eq!(s.rolled_up["000.00.00.G22"].received_by_status["accepted"], 1);
//! ```

use std::collections::BTreeMap;
use std::fmt;

use egov_core::chrono::{Datelike, NaiveDate, NaiveTime};
use egov_core::classification::Classification;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::agency::{AgencyCode, AgencyProfile};
use crate::delivery::DeliveryTracker;
use crate::status::{ProcessingStatus, ReportedStatus, StatusTracker};

/// Reason key in [`ExchangeStats::excluded`]: sent outside the quarter (DOC-41).
pub const EXCLUDED_OUTSIDE_QUARTER: &str = "outside_quarter";
/// Reason key in [`ExchangeStats::excluded`]: a state-secret document (CORE-08).
pub const EXCLUDED_STATE_SECRET: &str = "state_secret";
/// Reason key in [`ExchangeStats::excluded`]: the sender's code does not parse.
pub const EXCLUDED_BAD_SENDER: &str = "bad_sender_code";
/// Reason key in [`ExchangeStats::excluded`]: the receiver's code does not parse.
pub const EXCLUDED_BAD_RECEIVER: &str = "bad_receiver_code";

/// Status key for a record with no status reported yet.
pub const STATUS_NONE: &str = "none";
/// Status key for a status outside the list of Đ10.2.h (the list ends with «...», DOC-11).
pub const STATUS_OTHER: &str = "other";

/// One document sent by `sender` to `receiver`, with the receiver's latest status (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExchangeRecord {
    /// The sender's agency code.
    pub sender: String,
    /// The receiver's agency code.
    pub receiver: String,
    /// When it was sent.
    pub sent_at: VnDateTime,
    /// The receiver's latest reported status (JSON: the snake_case code of a listed status, or
    /// the text of another).
    #[serde(default)]
    pub status: Option<ReportedStatus>,
    /// Whether the content is a state secret (CORE-08). Default `unclassified`, left out of
    /// the JSON.
    #[serde(default, skip_serializing_if = "Classification::is_unclassified")]
    pub classification: Classification,
}

impl ExchangeRecord {
    /// A record of a document `sender` sent to `receiver` at `sent_at`, with no status yet.
    pub fn new(
        sender: impl Into<String>,
        receiver: impl Into<String>,
        sent_at: VnDateTime,
    ) -> Self {
        ExchangeRecord {
            sender: sender.into(),
            receiver: receiver.into(),
            sent_at,
            status: None,
            classification: Classification::Unclassified,
        }
    }

    /// The same record with the receiver's latest status.
    pub fn with_status(mut self, status: impl Into<ReportedStatus>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// The same record with a classification (CORE-08).
    pub fn with_classification(mut self, classification: Classification) -> Self {
        self.classification = classification;
        self
    }

    /// The record of a document `sender` sent at `sent_at`, from the receiver's
    /// [`StatusTracker`]: its receiver and current status.
    pub fn from_tracker(
        sender: impl Into<String>,
        sent_at: VnDateTime,
        tracker: &StatusTracker,
    ) -> Self {
        ExchangeRecord::new(sender, tracker.receiver(), sent_at).with_status(tracker.status())
    }

    /// Like [`ExchangeRecord::from_tracker`], with the status the tracker showed just before
    /// `end` (for a period report, the end of the period, [`Quarter::bounds`]): the last
    /// transition before `end`, `arrived` if the document arrived before `end`, else none.
    pub fn from_tracker_before(
        sender: impl Into<String>,
        sent_at: VnDateTime,
        tracker: &StatusTracker,
        end: VnDateTime,
    ) -> Self {
        let status = tracker
            .history()
            .iter()
            .rev()
            .find(|t| t.at < end)
            .map(|t| t.to)
            .or_else(|| (tracker.arrived_at() < end).then_some(ProcessingStatus::Arrived));
        ExchangeRecord {
            status: status.map(ReportedStatus::from),
            ..ExchangeRecord::new(sender, tracker.receiver(), sent_at)
        }
    }

    /// The records of one document the sender `sender` tracks with a [`DeliveryTracker`]
    /// (DOC-26): one per receiver, with its latest reported status and the document's
    /// classification. Statuses from agencies the document was not sent to are not records.
    pub fn from_delivery(sender: &str, tracker: &DeliveryTracker) -> Vec<ExchangeRecord> {
        tracker
            .receivers
            .iter()
            .map(|(receiver, reported)| ExchangeRecord {
                status: crate::delivery::latest(reported).map(|r| r.status.clone()),
                classification: tracker.classification,
                ..ExchangeRecord::new(sender, receiver.as_str(), tracker.sent_at)
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Quarters
// ---------------------------------------------------------------------------------------------

/// Why a quarter cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuarterError {
    /// The quarter is not 1–4.
    #[error("quarter {quarter} is not 1–4")]
    OutOfRange {
        /// The number given.
        quarter: u8,
    },
    /// The year's bounds cannot be represented.
    #[error("year {year} is outside the representable dates")]
    Year {
        /// The year given.
        year: i32,
    },
}

impl QuarterError {
    /// The error in Vietnamese (the English text is `Display`).
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for QuarterError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            QuarterError::OutOfRange { quarter } => egov_core::args!(quarter = quarter),
            QuarterError::Year { year } => egov_core::args!(year = year),
        }
    }
}

impl ErrorCode for QuarterError {
    fn code(&self) -> &'static str {
        match self {
            QuarterError::OutOfRange { .. } => "stats.quarter_out_of_range",
            QuarterError::Year { .. } => "stats.year_out_of_range",
        }
    }
}

/// A calendar quarter in Vietnam time, the period of the Government Office's report (DOC-41,
/// QĐ 28/2018/QĐ-TTg Đ15.1 «hàng quý»). JSON `{"year": 2026, "quarter": 1}`; reading checks
/// the quarter is 1–4 and representable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "QuarterRepr")]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1–4.
    pub quarter: u8,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct QuarterRepr {
    year: i32,
    quarter: u8,
}

impl TryFrom<QuarterRepr> for Quarter {
    type Error = QuarterError;
    fn try_from(r: QuarterRepr) -> Result<Self, Self::Error> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        Quarter::new(r.year, r.quarter).inspect_err(|e| {
            egov_core::i18n::carry(e);
        })
    }
}

impl Quarter {
    /// Quarter `quarter` (1–4) of `year` (DOC-41), whose bounds are representable.
    pub fn new(year: i32, quarter: u8) -> Result<Quarter, QuarterError> {
        if !(1..=4).contains(&quarter) {
            return Err(QuarterError::OutOfRange { quarter });
        }
        let q = Quarter { year, quarter };
        q.bounds().ok_or(QuarterError::Year { year })?;
        Ok(q)
    }

    /// The quarter an instant falls in, in Vietnam time (DOC-41, Đ15.1; CORE-01, Đ14.4): 31
    /// December 17:30 UTC is already Q1 of the next year.
    pub fn of(t: VnDateTime) -> Quarter {
        let d = t.date();
        Quarter {
            year: d.year(),
            // month0 is 0..=11, so the quarter is 1..=4.
            quarter: (d.month0() / 3 + 1) as u8,
        }
    }

    /// The first instant of the quarter and the first instant of the next, both 00:00
    /// Vietnam time (DOC-41). `None` for a quarter outside 1–4 or a year chrono cannot
    /// represent.
    pub fn bounds(self) -> Option<(VnDateTime, VnDateTime)> {
        if !(1..=4).contains(&self.quarter) {
            return None;
        }
        let first_month = u32::from(self.quarter) * 3 - 2;
        let start = NaiveDate::from_ymd_opt(self.year, first_month, 1)?;
        let end = if self.quarter == 4 {
            NaiveDate::from_ymd_opt(self.year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(self.year, first_month + 3, 1)?
        };
        Some((
            VnDateTime::from_date_time(start, NaiveTime::MIN).ok()?,
            VnDateTime::from_date_time(end, NaiveTime::MIN).ok()?,
        ))
    }

    /// Whether `t` falls in the quarter (Vietnam time).
    pub fn contains(self, t: VnDateTime) -> bool {
        Quarter::of(t) == self
    }

    /// The quarter before (`None` before the first representable year).
    pub fn previous(self) -> Option<Quarter> {
        match self.quarter {
            1 => Some(Quarter {
                year: self.year.checked_sub(1)?,
                quarter: 4,
            }),
            q @ 2..=4 => Some(Quarter {
                year: self.year,
                quarter: q - 1,
            }),
            _ => None,
        }
    }

    /// The quarter after (`None` after the last representable year).
    pub fn next(self) -> Option<Quarter> {
        match self.quarter {
            4 => Some(Quarter {
                year: self.year.checked_add(1)?,
                quarter: 1,
            }),
            q @ 1..=3 => Some(Quarter {
                year: self.year,
                quarter: q + 1,
            }),
            _ => None,
        }
    }

    /// «quý 1 năm 2026».
    pub fn name_vi(self) -> String {
        format!("quý {} năm {}", self.quarter, self.year)
    }
}

impl fmt::Display for Quarter {
    /// `Q1/2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{}/{}", self.quarter, self.year)
    }
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/// Counts for one agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgencyCounts {
    /// Documents it sent (one per receiver).
    pub sent: u64,
    /// Documents sent to it.
    pub received: u64,
    /// Of those sent, by the receiver's latest status ([`STATUS_NONE`] when nothing was
    /// reported yet, [`STATUS_OTHER`] for a status outside the list of Đ10.2.h).
    #[serde(default)]
    pub sent_by_status: BTreeMap<String, u64>,
    /// Of those received, by the latest status (same keys).
    pub received_by_status: BTreeMap<String, u64>,
}

/// Statistics of exchanged documents (DOC-36, DOC-41).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExchangeStats {
    /// The quarter, when the statistics are for one (DOC-41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Quarter>,
    /// Records counted.
    pub records: u64,
    /// Each agency's own counts, by code.
    pub by_agency: BTreeMap<String, AgencyCounts>,
    /// Each agency's counts with those of every unit below it (Đ11.2–3), by code: a level-1
    /// code holds its whole hierarchy. A document exchanged inside one hierarchy counts as
    /// sent and as received at each common ancestor.
    pub rolled_up: BTreeMap<String, AgencyCounts>,
    /// Records not counted, by reason ([`EXCLUDED_OUTSIDE_QUARTER`],
    /// [`EXCLUDED_STATE_SECRET`], [`EXCLUDED_BAD_SENDER`], [`EXCLUDED_BAD_RECEIVER`]; the first
    /// that applies, in that order).
    pub excluded: BTreeMap<String, u64>,
}

impl ExchangeStats {
    /// DOC-36 (QĐ 28/2018/QĐ-TTg Đ11.1–3) and, with `quarter`, DOC-41 (Đ15.1): aggregates
    /// `records`, by agency and rolled up to every agency above (the parent of a code is its
    /// deepest non-zero group set to zeros, DOC-03). Agency codes are read leniently (trimmed,
    /// upper-cased) and keyed by their canonical form. State-secret records are excluded
    /// (CORE-08, Đ1.2).
    pub fn aggregate<'a>(
        records: impl IntoIterator<Item = &'a ExchangeRecord>,
        quarter: Option<Quarter>,
    ) -> ExchangeStats {
        let mut s = ExchangeStats {
            quarter,
            ..ExchangeStats::default()
        };
        for r in records {
            if let Err(reason) = s.add(r) {
                *s.excluded.entry(reason.to_owned()).or_default() += 1;
            }
        }
        s
    }

    /// DOC-41 (Đ15.1): the statistics of one quarter; records sent outside it are counted in
    /// [`ExchangeStats::excluded`] under [`EXCLUDED_OUTSIDE_QUARTER`].
    pub fn for_quarter<'a>(
        records: impl IntoIterator<Item = &'a ExchangeRecord>,
        quarter: Quarter,
    ) -> ExchangeStats {
        ExchangeStats::aggregate(records, Some(quarter))
    }

    /// Counts one record, or says why it is excluded.
    fn add(&mut self, r: &ExchangeRecord) -> Result<(), &'static str> {
        if let Some(q) = self.quarter {
            if !q.contains(r.sent_at) {
                return Err(EXCLUDED_OUTSIDE_QUARTER);
            }
        }
        if !r.classification.in_scope_of_qd28() {
            return Err(EXCLUDED_STATE_SECRET);
        }
        let sender = parse_code(&r.sender).ok_or(EXCLUDED_BAD_SENDER)?;
        let receiver = parse_code(&r.receiver).ok_or(EXCLUDED_BAD_RECEIVER)?;
        self.records += 1;
        let status = match &r.status {
            None => STATUS_NONE,
            Some(ReportedStatus::Listed(st)) => st.as_str(),
            Some(ReportedStatus::Unlisted(_)) => STATUS_OTHER,
        };
        let sent = |c: &mut AgencyCounts| {
            c.sent += 1;
            *c.sent_by_status.entry(status.to_owned()).or_default() += 1;
        };
        let received = |c: &mut AgencyCounts| {
            c.received += 1;
            *c.received_by_status.entry(status.to_owned()).or_default() += 1;
        };
        sent(self.by_agency.entry(sender.to_string()).or_default());
        received(self.by_agency.entry(receiver.to_string()).or_default());
        for a in lineage(&sender) {
            sent(self.rolled_up.entry(a).or_default());
        }
        for a in lineage(&receiver) {
            received(self.rolled_up.entry(a).or_default());
        }
        Ok(())
    }

    /// Records excluded, all reasons together.
    pub fn excluded_total(&self) -> u64 {
        self.excluded.values().sum()
    }

    /// DOC-36 (Đ11) or, for a quarter, DOC-41 (Đ15.1): a finding summarising the statistics,
    /// with what was excluded (a `Warning` when records were excluded for a bad agency code,
    /// else `Pass`). The evidence holds the counts and, for a quarter, its bounds.
    pub fn finding(&self) -> Finding {
        let count = |k: &str| self.excluded.get(k).copied().unwrap_or(0);
        let bad = count(EXCLUDED_BAD_SENDER) + count(EXCLUDED_BAD_RECEIVER);
        let outside = count(EXCLUDED_OUTSIDE_QUARTER);
        let secret = count(EXCLUDED_STATE_SECRET);
        let (rule, basis, period_en, period_vi, bounds) = match self.quarter {
            Some(q) => (
                "DOC-41",
                LegalRef::clause(Instrument::Qd28_2018, 15, 1),
                format!(" in {q}"),
                format!(" trong {}", q.name_vi()),
                q.bounds(),
            ),
            None => (
                "DOC-36",
                LegalRef::article(Instrument::Qd28_2018, 11),
                String::new(),
                String::new(),
                None,
            ),
        };
        Finding::new(
            rule,
            basis,
            if bad > 0 { Outcome::Warning } else { Outcome::Pass },
            format!(
                "{} documents exchanged{period_en} between {} agencies; not counted: {outside} sent outside the period, {secret} with state-secret content (outside QĐ 28/2018, Đ1.2), {bad} with an invalid agency code.",
                self.records,
                self.by_agency.len()
            ),
            format!(
                "{} lượt văn bản điện tử gửi, nhận{period_vi} giữa {} cơ quan; không tính: {outside} lượt gửi ngoài kỳ, {secret} lượt có nội dung thuộc bí mật nhà nước (không thuộc phạm vi QĐ 28/2018/QĐ-TTg, khoản 2 Điều 1), {bad} lượt có mã định danh cơ quan không hợp lệ.",
                self.records,
                self.by_agency.len()
            ),
        )
        .with_evidence(json!({
            "records": self.records,
            "excluded": self.excluded,
            "period": bounds.map(|(start, end)| json!({"start": start, "end": end})),
        }))
    }
}

fn parse_code(s: &str) -> Option<AgencyCode> {
    AgencyCode::parse_with(s, AgencyProfile::LENIENT)
        .ok()
        .map(|p| p.value)
}

/// The code and every code above it (DOC-03).
fn lineage(code: &AgencyCode) -> Vec<String> {
    let mut out = vec![code.to_string()];
    let mut c = *code;
    while let Some(p) = c.parent() {
        out.push(p.to_string());
        c = p;
    }
    out
}
