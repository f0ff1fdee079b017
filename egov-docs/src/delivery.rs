//! Sender-side delivery tracking (rule DOC-26; QĐ 28/2018/QĐ-TTg Đ8.2: «Bên gửi có trách nhiệm
//! kiểm tra, theo dõi, bảo đảm văn bản điện tử được gửi đến đúng Bên nhận»).
//!
//! One [`DeliveryTracker`] per sent document: the receivers it was sent to, and the status each
//! reported back ([`ReportedStatus`]: a status listed in Đ10.2.h, or one outside the open list).
//! [`check`] reports, per receiver, whether delivery is confirmed, pending (before or past the
//! time the caller expects a confirmation by: the decision sets none, Đ9.1 says only «kịp
//! thời»), refused, or recalled by the sender; a status from an agency the document was not sent
//! to is kept and reported, never dropped. [`DeliveryTracker::states`] gives the same verdicts as
//! typed values.
//!
//! A document whose content is a state secret is outside QĐ 28/2018 (CORE-08, Đ1.2): its
//! tracker answers with that one finding and is not judged.
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

use egov_core::chrono::{Days, NaiveTime};
use egov_core::classification::Classification;
use egov_core::i18n::datetime_vi;
use egov_core::{
    CalendarError, Finding, Instrument, LegalRef, Outcome, VnDateTime, WorkingCalendar,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::agency::{AgencyCode, AgencyProfile};
use crate::status::{ProcessingStatus, ReportedStatus};

fn basis() -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, 8, 2)
}

/// A status a receiver reported back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reported {
    /// The status (JSON: the snake_case code of a listed status, or the text of another).
    pub status: ReportedStatus,
    /// When.
    pub at: VnDateTime,
}

/// Where delivery to one receiver stands (DOC-26, Đ8.2), from its latest reported status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DeliveryState {
    /// The receiver reported a status showing the document reached it (arrived, accepted,
    /// forwarded, in progress, completed, or a status outside the list of Đ10.2.h).
    Confirmed {
        /// The latest status.
        status: ReportedStatus,
        /// When it was reported.
        at: VnDateTime,
    },
    /// Nothing reported yet, and the caller's expected confirmation time (if any) not passed.
    Pending,
    /// Nothing reported, and `now` is past the caller's expected confirmation time.
    Overdue {
        /// The expected confirmation time that passed.
        confirm_by: VnDateTime,
    },
    /// The receiver refused the document and returned it («từ chối nhận (trả lại)», Đ5.4,
    /// Đ9.1): it has not been delivered.
    Refused {
        /// When the refusal was reported.
        at: VnDateTime,
    },
    /// The sender recalled the document (Đ8.2); `cancelled` once the receiver reported it
    /// deleted (Đ9.2).
    Recalled {
        /// Whether the receiver confirmed the cancellation («xóa»).
        cancelled: bool,
        /// When the latest of the two was reported.
        at: VnDateTime,
    },
}

/// The sender's record of one sent document (DOC-26).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeliveryTracker {
    /// The document (its edXML identifier or the sender's own reference).
    pub document: String,
    /// When it was sent.
    pub sent_at: VnDateTime,
    /// Each receiver (agency code, canonical when it parses) and the statuses it reported,
    /// oldest first.
    pub receivers: BTreeMap<String, Vec<Reported>>,
    /// Statuses from agencies the document was not sent to, by agency.
    #[serde(default)]
    pub unexpected: BTreeMap<String, Vec<Reported>>,
    /// Whether the content is a state secret (CORE-08). Default `unclassified`, left out of
    /// the JSON.
    #[serde(default, skip_serializing_if = "Classification::is_unclassified")]
    pub classification: Classification,
}

impl DeliveryTracker {
    /// A document sent at `sent_at` to `receivers`. Codes are compared in canonical form
    /// (trimmed, upper case); a code that does not parse is kept trimmed and upper-cased.
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
            classification: Classification::Unclassified,
        }
    }

    /// The same tracker for a document of the given classification (CORE-08).
    pub fn with_classification(mut self, classification: Classification) -> Self {
        self.classification = classification;
        self
    }

    /// Records a status reported by `from` (a [`ProcessingStatus`] or any [`ReportedStatus`]).
    /// Returns `false` when `from` is not a receiver of the document: the status is kept under
    /// [`DeliveryTracker::unexpected`] and [`check`](DeliveryTracker::check) reports it.
    pub fn record(
        &mut self,
        from: &str,
        status: impl Into<ReportedStatus>,
        at: VnDateTime,
    ) -> bool {
        let k = key(from);
        let r = Reported {
            status: status.into(),
            at,
        };
        let (list, expected) = match self.receivers.get_mut(&k) {
            Some(list) => (list, true),
            None => (self.unexpected.entry(k).or_default(), false),
        };
        list.push(r);
        // Stable: statuses with the same time keep the order they were recorded in.
        list.sort_by_key(|r| r.at);
        expected
    }

    /// A confirmation time the caller may pass to [`check`](DeliveryTracker::check): the end
    /// of the `n`-th working day after the sending date (00:00 Vietnam time of the next
    /// calendar day), on `calendar`; `n = 0` is the end of the sending day. QĐ 28/2018 sets no
    /// such time (Đ9.1 asks the receiver to answer «kịp thời»): `n` is the caller's choice, not
    /// the law's.
    pub fn confirm_by_working_days(
        &self,
        calendar: &WorkingCalendar,
        n: u32,
    ) -> Result<VnDateTime, CalendarError> {
        let sent = self.sent_at.date();
        let overflow = CalendarError::Overflow { from: sent };
        let last = calendar.add_working_days(sent, n)?;
        let next = last
            .checked_add_days(Days::new(1))
            .ok_or_else(|| overflow.clone())?;
        VnDateTime::from_date_time(next, NaiveTime::MIN).map_err(|_| overflow)
    }

    /// DOC-26 (QĐ 28/2018/QĐ-TTg Đ8.2): where delivery to each receiver stands at `now`, by
    /// code. The latest status decides (see [`DeliveryState`]); with nothing reported, the
    /// receiver is [`DeliveryState::Overdue`] once `now` is past `confirm_by`.
    pub fn states(
        &self,
        now: VnDateTime,
        confirm_by: Option<VnDateTime>,
    ) -> BTreeMap<String, DeliveryState> {
        self.receivers
            .iter()
            .map(|(receiver, reported)| (receiver.clone(), state(reported, now, confirm_by)))
            .collect()
    }

    /// DOC-26 (QĐ 28/2018/QĐ-TTg Đ8.2): one finding per receiver, in code order, then one per
    /// unexpected responder, then one per receiver that reported a status dated before the
    /// sending. Per receiver: confirmed → **Pass**; refused → **Fail** (not delivered: check
    /// the receiver and send again); recalled → **Pass** (recalled; the recall itself is
    /// DOC-27); nothing yet → **Unknown**, or **Fail** once `now` is past `confirm_by`. A
    /// status from an agency not sent to, or dated before the sending → **Warning**. No
    /// receiver at all → **Unknown**.
    ///
    /// A state-secret document (CORE-08, Đ1.2) is not judged: the answer is the one
    /// out-of-scope finding.
    pub fn check(&self, now: VnDateTime, confirm_by: Option<VnDateTime>) -> Vec<Finding> {
        if let Some(f) = self.classification.out_of_scope_finding() {
            return vec![f.with_evidence(json!({"document": self.document}))];
        }
        let mut out = Vec::new();
        if self.receivers.is_empty() {
            out.push(
                Finding::new(
                    "DOC-26",
                    basis(),
                    Outcome::Unknown,
                    "No receiver is recorded for the document: the sender cannot check that it reached the right receiver (Đ8.2).",
                    "Chưa ghi nhận Bên nhận nào của văn bản: Bên gửi không kiểm tra được văn bản điện tử đã được gửi đến đúng Bên nhận (khoản 2 Điều 8).",
                )
                .with_field("receivers")
                .with_evidence(json!({"document": self.document, "sent_at": self.sent_at})),
            );
        }
        for (receiver, reported) in &self.receivers {
            let st = state(reported, now, confirm_by);
            let (outcome, en, vi) = verdict(receiver, &st, self.sent_at);
            out.push(
                Finding::new("DOC-26", basis(), outcome, en, vi)
                    .with_field("receivers")
                    .with_evidence(json!({"document": self.document, "receiver": receiver,
                        "sent_at": self.sent_at, "confirm_by": confirm_by, "delivery": st,
                        "reported": reported})),
            );
        }
        for (agency, reported) in &self.unexpected {
            out.push(
                Finding::new(
                    "DOC-26",
                    basis(),
                    Outcome::Warning,
                    format!("{agency} reported a status for a document not sent to it: check that the document went to the right receivers (Đ8.2)."),
                    format!("{agency} phản hồi trạng thái cho văn bản không gửi đến cơ quan này: Bên gửi cần kiểm tra văn bản điện tử đã được gửi đến đúng Bên nhận (khoản 2 Điều 8)."),
                )
                .with_field("receivers")
                .with_evidence(json!({"document": self.document, "agency": agency, "reported": reported})),
            );
        }
        for (receiver, reported) in &self.receivers {
            let early: Vec<&Reported> = reported.iter().filter(|r| r.at < self.sent_at).collect();
            if let Some(first) = early.first() {
                out.push(
                    Finding::new(
                        "DOC-26",
                        basis(),
                        Outcome::Warning,
                        format!("{receiver} reported {} status(es) dated before the document was sent ({}), the first at {}: check the clocks and the document the statuses refer to.", early.len(), self.sent_at, first.at),
                        format!("{receiver} có {} trạng thái ghi thời gian trước khi văn bản được gửi ({}), sớm nhất lúc {}: kiểm tra thời gian hệ thống và văn bản mà trạng thái phản hồi.", early.len(), datetime_vi(self.sent_at), datetime_vi(first.at)),
                    )
                    .with_field("receivers")
                    .with_evidence(json!({"document": self.document, "receiver": receiver,
                        "sent_at": self.sent_at, "reported": early})),
                );
            }
        }
        out
    }
}

/// DOC-26 (Đ8.2): the state of one receiver from its statuses, oldest first.
fn state(reported: &[Reported], now: VnDateTime, confirm_by: Option<VnDateTime>) -> DeliveryState {
    match latest(reported) {
        Some(r) => match r.status.state() {
            Some(ProcessingStatus::Rejected) => DeliveryState::Refused { at: r.at },
            Some(ProcessingStatus::Recalled) => DeliveryState::Recalled {
                cancelled: false,
                at: r.at,
            },
            Some(ProcessingStatus::Deleted) => DeliveryState::Recalled {
                cancelled: true,
                at: r.at,
            },
            _ => DeliveryState::Confirmed {
                status: r.status.clone(),
                at: r.at,
            },
        },
        None => match confirm_by {
            Some(by) if now > by => DeliveryState::Overdue { confirm_by: by },
            _ => DeliveryState::Pending,
        },
    }
}

/// DOC-26 (Đ8.2): the outcome and messages for one receiver's state.
fn verdict(receiver: &str, st: &DeliveryState, sent_at: VnDateTime) -> (Outcome, String, String) {
    match st {
        DeliveryState::Confirmed { status, at } => {
            let (en, vi) = match status.state() {
                Some(s) => (s.name_en().to_owned(), s.name_vi().to_owned()),
                None => (format!("«{status}» (a status outside the list of Đ10.2.h)"), format!("«{status}» (trạng thái ngoài danh sách tại điểm h khoản 2 Điều 10)")),
            };
            (
                Outcome::Pass,
                format!("{receiver} confirmed the document reached it: {en} at {at}."),
                format!("{receiver} đã phản hồi văn bản đã đến: {vi} lúc {}.", datetime_vi(*at)),
            )
        }
        DeliveryState::Refused { at } => (
            Outcome::Fail,
            format!("{receiver} refused the document and returned it at {at}: not delivered; check the receiver and send again (Đ8.2)."),
            format!("{receiver} từ chối nhận (trả lại) văn bản lúc {}: văn bản chưa được gửi đến Bên nhận; Bên gửi cần kiểm tra, xử lý và gửi lại (khoản 2 Điều 8).", datetime_vi(*at)),
        ),
        DeliveryState::Recalled { cancelled, at } => (
            Outcome::Pass,
            if *cancelled {
                format!("{receiver}: the document was recalled and the receiver confirmed its cancellation at {at}.")
            } else {
                format!("{receiver}: the document was recalled at {at}; the receiver has not yet confirmed its cancellation (Đ9.2).")
            },
            if *cancelled {
                format!("{receiver}: văn bản đã được thu hồi; Bên nhận đã thông báo hủy bỏ lúc {}.", datetime_vi(*at))
            } else {
                format!("{receiver}: văn bản đã được thu hồi lúc {}; Bên nhận chưa thông báo việc hủy bỏ (khoản 2 Điều 9).", datetime_vi(*at))
            },
        ),
        DeliveryState::Overdue { confirm_by } => (
            Outcome::Fail,
            format!("{receiver} has not confirmed the document reached it by {confirm_by}: the sender must check and follow up (Đ8.2)."),
            format!("{receiver} chưa phản hồi văn bản đã đến trước {}: Bên gửi cần kiểm tra, theo dõi (khoản 2 Điều 8).", datetime_vi(*confirm_by)),
        ),
        DeliveryState::Pending => (
            Outcome::Unknown,
            format!("{receiver} has not confirmed the document reached it yet (sent {sent_at})."),
            format!("{receiver} chưa phản hồi văn bản đã đến (gửi lúc {}).", datetime_vi(sent_at)),
        ),
    }
}

/// The latest of `reported` by time; of several at the same time, the one recorded last. Does
/// not rely on the list being sorted (a tracker read from JSON may not be).
pub(crate) fn latest(reported: &[Reported]) -> Option<&Reported> {
    reported.iter().max_by_key(|r| r.at)
}

/// The key of an agency code: its canonical form when it parses leniently, else trimmed and
/// upper-cased.
fn key(code: &str) -> String {
    match AgencyCode::parse_with(code, AgencyProfile::LENIENT) {
        Ok(p) => p.value.to_string(),
        Err(_) => code.trim().to_uppercase(),
    }
}
