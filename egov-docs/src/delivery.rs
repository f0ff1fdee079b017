//! Sender-side delivery tracking (rule DOC-26; QĐ 28/2018/QĐ-TTg Đ8.2: «Bên gửi có trách nhiệm
//! kiểm tra, theo dõi, bảo đảm văn bản điện tử được gửi đến đúng Bên nhận»).
//!
//! One [`DeliveryTracker`] per sent document: the receivers it was sent to, and the status each
//! reported back (the receiver's [`ProcessingStatus`], as status messages carry it). [`check`]
//! reports, per receiver, whether delivery is confirmed, pending (before or past the time the
//! caller expects a confirmation by: the decision sets none), refused, or recalled by the sender;
//! a status from an agency the document was not sent to is kept and reported, never dropped.
//!
//! [`check`]: DeliveryTracker::check
//!
//! ```
//! use egov_core::{Outcome, VnDateTime};
//! use egov_docs::delivery::DeliveryTracker;
//! use egov_docs::status::ProcessingStatus;
//! let t = |s: &str| VnDateTime::parse(s).unwrap();
//! let mut d = DeliveryTracker::new("000.00.00.G22,2026/03/02,15/VPCP-TTĐT",
//!     t("2026-03-02T09:00:00+07:00"), ["000.00.00.H37", "000.00.00.H26"]);
//! d.record("000.00.00.H37", ProcessingStatus::Arrived, t("2026-03-02T09:01:00+07:00"));
//! let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
//! // One finding per receiver, in code order.
//! assert_eq!(f[0].outcome, Outcome::Unknown); // H26 not yet
//! assert_eq!(f[1].outcome, Outcome::Pass);    // H37 confirmed
//! ```

use std::collections::BTreeMap;

use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::status::ProcessingStatus;

fn basis() -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, 8, 2)
}

/// A status a receiver reported back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    /// The status.
    pub status: ProcessingStatus,
    /// When.
    pub at: VnDateTime,
}

/// The sender's record of one sent document (DOC-26).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTracker {
    /// The document (its edXML identifier or the sender's own reference).
    pub document: String,
    /// When it was sent.
    pub sent_at: VnDateTime,
    /// Each receiver (agency code as sent) and the statuses it reported, oldest first.
    pub receivers: BTreeMap<String, Vec<Reported>>,
    /// Statuses from agencies the document was not sent to, by agency.
    pub unexpected: BTreeMap<String, Vec<Reported>>,
}

impl DeliveryTracker {
    /// A document sent at `sent_at` to `receivers` (codes compared after trimming, case-blind).
    pub fn new<I, S>(document: impl Into<String>, sent_at: VnDateTime, receivers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        DeliveryTracker {
            document: document.into(),
            sent_at,
            receivers: receivers
                .into_iter()
                .map(|r| (key(r.as_ref()), Vec::new()))
                .collect(),
            unexpected: BTreeMap::new(),
        }
    }

    /// Records a status reported by `from`. Returns `false` when `from` is not a receiver of
    /// the document (the status is kept under [`DeliveryTracker::unexpected`]).
    pub fn record(&mut self, from: &str, status: ProcessingStatus, at: VnDateTime) -> bool {
        let k = key(from);
        let r = Reported { status, at };
        match self.receivers.get_mut(&k) {
            Some(list) => {
                list.push(r);
                list.sort_by_key(|r| r.at);
                true
            }
            None => {
                self.unexpected.entry(k).or_default().push(r);
                false
            }
        }
    }

    /// DOC-26 (Đ8.2): one finding per receiver, in code order, then one per unexpected
    /// responder. The latest status decides: arrived, accepted, forwarded, in progress or
    /// completed → **Pass** (delivery confirmed); rejected → **Fail** (not received: check the
    /// receiver and send again); recalled or deleted → **Pass** (recalled; Đ8.2 asks the sender
    /// to notify, see DOC-29); nothing yet → **Unknown**, or **Fail** once `now` is past
    /// `confirm_by`. A status from an agency not sent to → **Warning**.
    pub fn check(&self, now: VnDateTime, confirm_by: Option<VnDateTime>) -> Vec<Finding> {
        let mut out = Vec::new();
        for (receiver, reported) in &self.receivers {
            let evidence = json!({"document": self.document, "receiver": receiver,
                "sent_at": self.sent_at, "reported": reported});
            let (outcome, en, vi) = match reported.last() {
                Some(r) => match r.status {
                    ProcessingStatus::Rejected => (
                        Outcome::Fail,
                        format!("{receiver} refused the document at {}: not delivered; check the receiver and send again.", r.at),
                        format!("{receiver} từ chối nhận văn bản lúc {}: văn bản chưa đến đúng Bên nhận; kiểm tra Bên nhận và gửi lại.", r.at),
                    ),
                    ProcessingStatus::Recalled | ProcessingStatus::Deleted => (
                        Outcome::Pass,
                        format!("{receiver}: the document was recalled ({}).", r.status.name_en()),
                        format!("{receiver}: văn bản đã được thu hồi ({}).", r.status.name_vi()),
                    ),
                    s => (
                        Outcome::Pass,
                        format!("{receiver} confirmed receipt: {} at {}.", s.name_en(), r.at),
                        format!("{receiver} đã xác nhận: {} lúc {}.", s.name_vi(), r.at),
                    ),
                },
                None => match confirm_by {
                    Some(by) if now > by => (
                        Outcome::Fail,
                        format!("{receiver} has not confirmed receipt by {by}: follow up (Đ8.2)."),
                        format!("{receiver} chưa xác nhận đã nhận văn bản trước {by}: Bên gửi cần kiểm tra, theo dõi (khoản 2 Điều 8)."),
                    ),
                    _ => (
                        Outcome::Unknown,
                        format!("{receiver} has not confirmed receipt yet (sent {}).", self.sent_at),
                        format!("{receiver} chưa xác nhận đã nhận văn bản (gửi lúc {}).", self.sent_at),
                    ),
                },
            };
            out.push(
                Finding::new("DOC-26", basis(), outcome, en, vi)
                    .with_field("receivers")
                    .with_evidence(evidence),
            );
        }
        for (agency, reported) in &self.unexpected {
            out.push(
                Finding::new(
                    "DOC-26",
                    basis(),
                    Outcome::Warning,
                    format!("{agency} reported a status for a document not sent to it: check that it went to the right receivers."),
                    format!("{agency} gửi trạng thái cho văn bản không gửi đến cơ quan này: kiểm tra văn bản đã gửi đúng Bên nhận."),
                )
                .with_field("receivers")
                .with_evidence(json!({"document": self.document, "agency": agency, "reported": reported})),
            );
        }
        out
    }
}

fn key(code: &str) -> String {
    code.trim().to_uppercase()
}
