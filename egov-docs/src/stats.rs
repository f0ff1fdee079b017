//! Statistics of exchanged documents (rules DOC-36 and DOC-41): aggregated automatically by
//! agency and rolled up the agency hierarchy (QĐ 28/2018/QĐ-TTg Đ11.1–3: the Government Office
//! over ministries, sectors and localities; a ministry's office over its subordinate units; a
//! provincial office over its departments and district and commune committees), and for one
//! quarter (Đ15.1: the Government Office reports «hàng quý»).
//!
//! Input: one [`ExchangeRecord`] per document sent to one receiver (sender, receiver, when,
//! the receiver's latest status). A record outside the period, or naming an agency code that
//! does not parse, is counted by reason in [`ExchangeStats::excluded`], never dropped silently.
//!
//! ```
//! use egov_core::VnDateTime;
//! use egov_docs::stats::{ExchangeRecord, ExchangeStats, Quarter};
//! use egov_docs::status::ProcessingStatus;
//! let at = VnDateTime::parse("2026-02-10T09:00:00+07:00").unwrap();
//! let r = ExchangeRecord { sender: "000.01.37.H37".into(), receiver: "000.00.00.G22".into(),
//!     sent_at: at, status: Some(ProcessingStatus::Accepted) };
//! let q = Quarter::of(at);
//! let s = ExchangeStats::aggregate([r].iter(), Some(q));
//! assert_eq!(s.by_agency["000.01.37.H37"].sent, 1);
//! assert_eq!(s.rolled_up["000.00.37.H37"].sent, 1); // the province above the department
//! ```

use std::collections::BTreeMap;

use egov_core::chrono::{Datelike, NaiveDate, NaiveTime};
use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};

use crate::agency::AgencyCode;
use crate::status::ProcessingStatus;

/// One document sent by `sender` to `receiver`, with the receiver's latest status (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRecord {
    /// The sender's agency code.
    pub sender: String,
    /// The receiver's agency code.
    pub receiver: String,
    /// When it was sent.
    pub sent_at: VnDateTime,
    /// The receiver's latest reported status.
    #[serde(default)]
    pub status: Option<ProcessingStatus>,
}

impl ExchangeRecord {
    /// The record of a document `sender` sent at `sent_at`, from the receiver's
    /// [`StatusTracker`](crate::status::StatusTracker): its receiver and current status.
    pub fn from_tracker(
        sender: impl Into<String>,
        sent_at: VnDateTime,
        tracker: &crate::status::StatusTracker,
    ) -> Self {
        ExchangeRecord {
            sender: sender.into(),
            receiver: tracker.receiver().to_owned(),
            sent_at,
            status: Some(tracker.status()),
        }
    }
}

/// A calendar quarter in Vietnam time (DOC-41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1–4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter an instant falls in, in Vietnam time (31 Dec 17:30 UTC is already Q1 of the
    /// next year).
    pub fn of(t: VnDateTime) -> Quarter {
        let d = t.date();
        Quarter {
            year: d.year(),
            quarter: ((d.month() - 1) / 3 + 1) as u8,
        }
    }

    /// The first instant of the quarter and the first instant of the next, 00:00 Vietnam time.
    /// `None` for a quarter outside 1–4 or a year chrono cannot represent.
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

    /// Whether `t` falls in the quarter.
    pub fn contains(self, t: VnDateTime) -> bool {
        Quarter::of(t) == self
    }
}

/// Counts for one agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyCounts {
    /// Documents it sent (one per receiver).
    pub sent: u64,
    /// Documents sent to it.
    pub received: u64,
    /// Of those received, by the latest status (`none` when nothing was reported yet).
    pub received_by_status: BTreeMap<String, u64>,
}

/// Statistics of exchanged documents (DOC-36, DOC-41).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeStats {
    /// The quarter, when the statistics are for one (DOC-41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Quarter>,
    /// Records counted.
    pub records: u64,
    /// Each agency's own counts, by code.
    pub by_agency: BTreeMap<String, AgencyCounts>,
    /// Each agency's counts with those of every unit below it (Đ11.2–3), by code: a level-1
    /// code holds its whole hierarchy.
    pub rolled_up: BTreeMap<String, AgencyCounts>,
    /// Records not counted, by reason (`outside_quarter`, `bad_sender_code`,
    /// `bad_receiver_code`).
    pub excluded: BTreeMap<String, u64>,
}

impl ExchangeStats {
    /// DOC-36 (Đ11) and, with `quarter`, DOC-41 (Đ15.1): aggregates `records`. Agency codes are
    /// read leniently (`AgencyCode::parse`) and keyed by their canonical form.
    pub fn aggregate<'a>(
        records: impl IntoIterator<Item = &'a ExchangeRecord>,
        quarter: Option<Quarter>,
    ) -> ExchangeStats {
        let mut s = ExchangeStats {
            quarter,
            ..ExchangeStats::default()
        };
        for r in records {
            if let Some(q) = quarter {
                if !q.contains(r.sent_at) {
                    *s.excluded.entry("outside_quarter".into()).or_default() += 1;
                    continue;
                }
            }
            let Ok(sender) = AgencyCode::parse(&r.sender) else {
                *s.excluded.entry("bad_sender_code".into()).or_default() += 1;
                continue;
            };
            let Ok(receiver) = AgencyCode::parse(&r.receiver) else {
                *s.excluded.entry("bad_receiver_code".into()).or_default() += 1;
                continue;
            };
            s.records += 1;
            let status = r
                .status
                .map_or_else(|| "none".to_owned(), |st| st.as_str().to_owned());
            s.by_agency.entry(sender.to_string()).or_default().sent += 1;
            let own = s.by_agency.entry(receiver.to_string()).or_default();
            own.received += 1;
            *own.received_by_status.entry(status.clone()).or_default() += 1;
            for a in lineage(&sender) {
                s.rolled_up.entry(a).or_default().sent += 1;
            }
            for a in lineage(&receiver) {
                let c = s.rolled_up.entry(a).or_default();
                c.received += 1;
                *c.received_by_status.entry(status.clone()).or_default() += 1;
            }
        }
        s
    }

    /// DOC-36 / DOC-41: a finding summarising the statistics, with what was excluded (a
    /// `Warning` when records were excluded for a bad agency code, else `Pass`).
    pub fn finding(&self) -> Finding {
        let bad: u64 = self
            .excluded
            .iter()
            .filter(|(k, _)| k.starts_with("bad_"))
            .map(|(_, n)| n)
            .sum();
        let outside = self.excluded.get("outside_quarter").copied().unwrap_or(0);
        let (rule, basis, period_en, period_vi) = match self.quarter {
            Some(q) => (
                "DOC-41",
                LegalRef::clause(Instrument::Qd28_2018, 15, 1),
                format!(" in Q{} {}", q.quarter, q.year),
                format!(" trong quý {} năm {}", q.quarter, q.year),
            ),
            None => (
                "DOC-36",
                LegalRef::article(Instrument::Qd28_2018, 11),
                String::new(),
                String::new(),
            ),
        };
        Finding::new(
            rule,
            basis,
            if bad > 0 { Outcome::Warning } else { Outcome::Pass },
            format!(
                "{} documents exchanged{period_en} between {} agencies; {outside} outside the period and {bad} with a bad agency code not counted.",
                self.records,
                self.by_agency.len()
            ),
            format!(
                "{} lượt văn bản điện tử gửi, nhận{period_vi} giữa {} cơ quan; không tính {outside} lượt ngoài kỳ và {bad} lượt có mã định danh cơ quan không hợp lệ.",
                self.records,
                self.by_agency.len()
            ),
        )
    }
}

/// The code and every code above it.
fn lineage(code: &AgencyCode) -> Vec<String> {
    let mut out = vec![code.to_string()];
    let mut c = *code;
    while let Some(p) = c.parent() {
        out.push(p.to_string());
        c = p;
    }
    out
}
