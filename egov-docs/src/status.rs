//! The processing-status machine of an exchanged e-document (rules DOC-11, DOC-22, DOC-25…30;
//! choices A-03, A-30).
//!
//! QĐ 28/2018/QĐ-TTg lists the statuses a document system must show (Đ10.2.h: «đã đến, đã tiếp
//! nhận, đã chuyển xử lý, đang xử lý, đã hoàn thành, từ chối nhận (trả lại), thu hồi, xóa...») but
//! gives no transition table. egov allows a transition only where Đ5.4, Đ8 and Đ9 give it:
//!
//! | from | event | to | rule | basis |
//! |---|---|---|---|---|
//! | `arrived` | [`StatusEvent::Accept`] (receipt check passed) | `accepted` | DOC-28 | Đ9.1 |
//! | `arrived` | [`StatusEvent::Reject`] (reason required) | `rejected` | DOC-29 | Đ5.4, Đ9.1 |
//! | `accepted` | [`StatusEvent::Forward`] | `forwarded` | DOC-30 | Đ9.2 |
//! | `forwarded` | [`StatusEvent::StartProcessing`] | `in_progress` | DOC-30 | Đ9.2 |
//! | `in_progress` | [`StatusEvent::Complete`] | `completed` | DOC-30 | Đ9.2 |
//! | `arrived`, `accepted`, `forwarded`, `in_progress`, `completed` | [`StatusEvent::Recall`] | `recalled` | DOC-27 | Đ8.2 |
//! | `recalled` | [`StatusEvent::ConfirmCancellation`] | `deleted` | DOC-27 | Đ9.2 |
//!
//! `rejected` and `deleted` are final. The table is [`TRANSITIONS`]; everything else is a
//! [`StatusError::Forbidden`] that names the state, the event and the rule.
//!
//! The list of Đ10.2.h ends with «...», so a document system may show a status outside it
//! (`lưu trữ`): [`ReportedStatus`] reads field h and accepts it with a `Warning` finding. Only
//! the listed statuses are states of the machine.
//!
//! Choices where the decision is silent (documented, not law):
//! * The processing chain accepted → forwarded → in progress → completed follows the order of
//!   the status list in Đ10.2.h; no step is skipped.
//! * A recall is accepted in every state except `rejected` (the receiver never took the
//!   document), `recalled` and `deleted`: Đ8.2 and Đ9.2 put no limit on the receiver's state, so
//!   a completed document can still be recalled.
//! * Events with the same timestamp as the previous one are accepted; earlier ones are refused.
//!
//! Each transition returns the [`StatusNotice`]s it entails (who tells whom what, on which
//! basis). A [`StatusTracker`] records every event with its time (DOC-22, Đ6.3; field p «Lịch sử
//! gửi, nhận văn bản»). A document sent to several receivers has one tracker per receiver (A-30).
//! [`SenderStatus`] is the sender's side up to sending (DOC-25, Đ8.1). [`EdxmlStatus`] maps the
//! edXML `StatusCode`s of the Axis (outside knowledge).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};

use crate::text::fold;

/// Longest status or code text the parsers look at, in bytes.
pub const MAX_INPUT_LEN: usize = 64;

/// Longest status text [`ReportedStatus::parse`] accepts, in bytes: an unlisted status is free
/// text, longer than any listed name.
pub const MAX_REPORTED_LEN: usize = 256;

const fn qd28(article: u16, clause: u8) -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, article, clause)
}

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

/// The processing status of an e-document at one receiver (DOC-11, QĐ 28/2018/QĐ-TTg Đ10.2.h).
///
/// The decision's list ends with «...», so the enum is `#[non_exhaustive]` (A-03). Statuses
/// outside this list are not states of the machine (the decision gives them no transitions),
/// but they are lawful values of field h: [`ReportedStatus`] holds either.
///
/// ```
/// use egov_docs::status::ProcessingStatus;
/// let s: ProcessingStatus = "Đã tiếp nhận".parse().unwrap();
/// assert_eq!(s, ProcessingStatus::Accepted);
/// assert_eq!(s.to_string(), "đã tiếp nhận");
/// assert_eq!(serde_json::to_string(&ProcessingStatus::InProgress).unwrap(), "\"in_progress\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProcessingStatus {
    /// «đã đến»: the document reached the receiver's system; the receipt check is pending.
    Arrived,
    /// «đã tiếp nhận»: the receipt check passed and the receiver took the document in (Đ9.1).
    Accepted,
    /// «đã chuyển xử lý»: handed to the unit or person who processes it.
    Forwarded,
    /// «đang xử lý»: being processed.
    InProgress,
    /// «đã hoàn thành»: processing finished.
    Completed,
    /// «từ chối nhận (trả lại)»: refused on receipt and returned (Đ5.4, Đ9.1). Final.
    Rejected,
    /// «thu hồi»: the sender recalled the document (Đ8.2); the receiver must cancel it (Đ9.2).
    Recalled,
    /// «xóa»: the receiver cancelled the recalled document and told the sender (Đ9.2). Final.
    Deleted,
}

impl ProcessingStatus {
    /// Every status, in the order of Đ10.2.h.
    pub const ALL: [ProcessingStatus; 8] = [
        ProcessingStatus::Arrived,
        ProcessingStatus::Accepted,
        ProcessingStatus::Forwarded,
        ProcessingStatus::InProgress,
        ProcessingStatus::Completed,
        ProcessingStatus::Rejected,
        ProcessingStatus::Recalled,
        ProcessingStatus::Deleted,
    ];

    /// The snake_case code used by serde and the CLI (`in_progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProcessingStatus::Arrived => "arrived",
            ProcessingStatus::Accepted => "accepted",
            ProcessingStatus::Forwarded => "forwarded",
            ProcessingStatus::InProgress => "in_progress",
            ProcessingStatus::Completed => "completed",
            ProcessingStatus::Rejected => "rejected",
            ProcessingStatus::Recalled => "recalled",
            ProcessingStatus::Deleted => "deleted",
        }
    }

    /// The Vietnamese wording of Đ10.2.h (`đã chuyển xử lý`).
    pub fn name_vi(self) -> &'static str {
        match self {
            ProcessingStatus::Arrived => "đã đến",
            ProcessingStatus::Accepted => "đã tiếp nhận",
            ProcessingStatus::Forwarded => "đã chuyển xử lý",
            ProcessingStatus::InProgress => "đang xử lý",
            ProcessingStatus::Completed => "đã hoàn thành",
            ProcessingStatus::Rejected => "từ chối nhận (trả lại)",
            ProcessingStatus::Recalled => "thu hồi",
            ProcessingStatus::Deleted => "xóa",
        }
    }

    /// An English name (`forwarded for processing`).
    pub fn name_en(self) -> &'static str {
        match self {
            ProcessingStatus::Arrived => "arrived",
            ProcessingStatus::Accepted => "accepted",
            ProcessingStatus::Forwarded => "forwarded for processing",
            ProcessingStatus::InProgress => "in progress",
            ProcessingStatus::Completed => "completed",
            ProcessingStatus::Rejected => "rejected (returned)",
            ProcessingStatus::Recalled => "recalled",
            ProcessingStatus::Deleted => "deleted",
        }
    }

    /// Parses a state of the machine from its snake_case code or its Vietnamese wording
    /// (DOC-11, QĐ 28/2018/QĐ-TTg Đ10.2.h), with or without diacritics, in any case. The
    /// edXML names of listed states are accepted too (outside knowledge, see [`EdxmlStatus`]):
    /// «phân công» (04) is `forwarded`, «từ chối» (02) is `rejected`.
    ///
    /// A status outside the list is [`StatusError::UnknownStatus`] here, because the machine
    /// has no transitions for it; it is still a lawful value of field h (the list ends with
    /// «...»): read field h with [`ReportedStatus::parse`], which accepts it.
    pub fn parse(input: &str) -> Result<ProcessingStatus, StatusError> {
        let trimmed = precheck(input)?;
        lookup(trimmed).ok_or_else(|| StatusError::UnknownStatus {
            input: trimmed.to_owned(),
        })
    }

    /// True for the final states `rejected` and `deleted`: no event leaves them.
    pub fn is_final(self) -> bool {
        !TRANSITIONS.iter().any(|t| t.from == self)
    }

    /// The events allowed in this state, per [`TRANSITIONS`].
    pub fn allowed_events(self) -> impl Iterator<Item = StatusEventKind> {
        TRANSITIONS
            .iter()
            .filter(move |t| t.from == self)
            .map(|t| t.event)
    }

    /// Applies `event` at time `at` (DOC-22, DOC-27…30; QĐ 28/2018/QĐ-TTg Đ5.4, Đ8.2, Đ9): the
    /// new state, the notices owed to the other party and the legal basis, or an error when
    /// [`TRANSITIONS`] has no such edge or a rejection has no reason.
    ///
    /// This is the pure step function; [`StatusTracker::record`] also keeps the history.
    ///
    /// ```
    /// use egov_core::VnDateTime;
    /// use egov_docs::status::{Party, ProcessingStatus, StatusEvent};
    /// let at = VnDateTime::from_ymd_hms(2026, 3, 2, 9, 0, 0).unwrap();
    /// let t = ProcessingStatus::Arrived
    ///     .apply(StatusEvent::Reject { reason: "Thiếu phụ lục".into() }, at)
    ///     .unwrap();
    /// assert_eq!(t.to, ProcessingStatus::Rejected);
    /// assert_eq!(t.notices[0].to, Party::Sender);
    /// assert_eq!(t.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ5.4");
    ///
    /// let err = ProcessingStatus::Rejected.apply(StatusEvent::Accept, at).unwrap_err();
    /// assert!(err.to_string().contains("DOC-28"));
    /// ```
    pub fn apply(&self, event: StatusEvent, at: VnDateTime) -> Result<Transition, StatusError> {
        let from = *self;
        let kind = event.kind();
        let rule = TRANSITIONS
            .iter()
            .find(|t| t.from == from && t.event == kind)
            .ok_or_else(|| StatusError::Forbidden {
                from,
                event: kind,
                rule: Cow::Borrowed(kind.rule()),
                basis: kind.basis(),
                allowed_from: kind.allowed_from().collect(),
            })?;
        let event = event.normalized()?;
        let notices = notices_for(&event, rule.to);
        Ok(Transition {
            from,
            to: rule.to,
            event,
            at,
            rule: rule.rule.clone(),
            basis: rule.basis.clone(),
            notices,
        })
    }
}

impl fmt::Display for ProcessingStatus {
    /// The Vietnamese wording ([`ProcessingStatus::name_vi`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

impl FromStr for ProcessingStatus {
    type Err = StatusError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProcessingStatus::parse(s)
    }
}

/// The listed state a (trimmed) spelling names, if any (DOC-11, Đ10.2.h).
fn lookup(trimmed: &str) -> Option<ProcessingStatus> {
    let key = fold(&trimmed.replace('_', " "));
    let status = match key.as_str() {
        "arrived" | "da den" => ProcessingStatus::Arrived,
        "accepted" | "da tiep nhan" | "tiep nhan" => ProcessingStatus::Accepted,
        "forwarded" | "da chuyen xu ly" | "chuyen xu ly" | "phan cong" | "da phan cong" => {
            ProcessingStatus::Forwarded
        }
        "in progress" | "dang xu ly" => ProcessingStatus::InProgress,
        "completed" | "da hoan thanh" | "hoan thanh" => ProcessingStatus::Completed,
        "rejected" | "tu choi nhan (tra lai)" | "tu choi nhan" | "tra lai" | "tu choi" => {
            ProcessingStatus::Rejected
        }
        "recalled" | "thu hoi" => ProcessingStatus::Recalled,
        "deleted" | "xoa" => ProcessingStatus::Deleted,
        // Each status's own names (`forwarded for processing`, `rejected (returned)`).
        _ => {
            return ProcessingStatus::ALL
                .into_iter()
                .find(|s| fold(&s.name_en().replace('_', " ")) == key || fold(s.name_vi()) == key)
        }
    };
    Some(status)
}

fn precheck(input: &str) -> Result<&str, StatusError> {
    if input.len() > MAX_INPUT_LEN {
        return Err(StatusError::TooLong { len: input.len() });
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(StatusError::Empty);
    }
    Ok(trimmed)
}

// ---------------------------------------------------------------------------------------------
// Field h as reported
// ---------------------------------------------------------------------------------------------

/// The processing status a document system shows in field h «Trạng thái xử lý» (DOC-11, QĐ
/// 28/2018/QĐ-TTg Đ10.2.h): one of the listed statuses, or another one.
///
/// Đ10.2.h lists «đã đến, đã tiếp nhận, đã chuyển xử lý, đang xử lý, đã hoàn thành, từ chối
/// nhận (trả lại), thu hồi, xóa...»; the closing «...» leaves the list open (A-03), so a status
/// outside it (`lưu trữ`, `chờ ký số`) is lawful. It is kept as [`ReportedStatus::Unlisted`]
/// (trimmed, NFC) and its [`finding`](ReportedStatus::finding) is a `Warning`, never a `Fail`:
/// egov's machine has no state or transition for it.
///
/// The JSON form is a string: the snake_case code of a listed status (`"accepted"`), or the
/// text of an unlisted one. Reading a string accepts every spelling [`ReportedStatus::parse`]
/// accepts.
///
/// ```
/// use egov_core::Outcome;
/// use egov_docs::status::{ProcessingStatus, ReportedStatus};
/// let listed = ReportedStatus::parse("Đã tiếp nhận").unwrap();
/// assert_eq!(listed.state(), Some(ProcessingStatus::Accepted));
/// let other = ReportedStatus::parse("lưu trữ").unwrap();
/// assert_eq!(other.state(), None);
/// assert_eq!(other.finding().outcome, Outcome::Warning);
/// assert_eq!(serde_json::to_string(&other).unwrap(), "\"lưu trữ\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub enum ReportedStatus {
    /// One of the statuses listed in Đ10.2.h: a state of the machine.
    Listed(ProcessingStatus),
    /// A status outside the list (trimmed, NFC).
    Unlisted(String),
}

impl ReportedStatus {
    /// Reads field h (DOC-11, QĐ 28/2018/QĐ-TTg Đ10.2.h): a listed status in any spelling
    /// [`ProcessingStatus::parse`] accepts, otherwise the text as an unlisted status. Only an
    /// empty input or one longer than [`MAX_REPORTED_LEN`] bytes is an error.
    pub fn parse(input: &str) -> Result<ReportedStatus, StatusError> {
        if input.len() > MAX_REPORTED_LEN {
            return Err(StatusError::TooLong { len: input.len() });
        }
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(StatusError::Empty);
        }
        let listed = (trimmed.len() <= MAX_INPUT_LEN)
            .then(|| lookup(trimmed))
            .flatten();
        Ok(match listed {
            Some(state) => ReportedStatus::Listed(state),
            None => ReportedStatus::Unlisted(crate::text::nfc(trimmed)),
        })
    }

    /// The state of the machine, for a listed status.
    pub fn state(&self) -> Option<ProcessingStatus> {
        match self {
            ReportedStatus::Listed(state) => Some(*state),
            ReportedStatus::Unlisted(_) => None,
        }
    }

    /// True for a status listed in Đ10.2.h.
    pub fn is_listed(&self) -> bool {
        matches!(self, ReportedStatus::Listed(_))
    }

    /// What field h shows, as a finding (DOC-11, QĐ 28/2018/QĐ-TTg Đ10.2.h): `Pass` for a
    /// listed status; `Warning` for an unlisted one, which the open list («...») allows but
    /// which has no state in egov's machine.
    pub fn finding(&self) -> Finding {
        let basis = LegalRef::point(Instrument::Qd28_2018, 10, 2, "h");
        let finding = match self {
            ReportedStatus::Listed(state) => Finding::new(
                "DOC-11",
                basis,
                Outcome::Pass,
                format!("Status «{}» ({}), listed in Đ10.2.h.", state.name_vi(), state.name_en()),
                format!("Trạng thái xử lý «{}», có trong danh sách tại điểm h khoản 2 Điều 10.", state.name_vi()),
            ),
            ReportedStatus::Unlisted(text) => Finding::new(
                "DOC-11",
                basis,
                Outcome::Warning,
                format!("Status «{text}» is not one of the statuses listed in Đ10.2.h; the list is open («...»), so it is accepted, but it has no state in the status machine."),
                format!("Trạng thái xử lý «{text}» không thuộc các trạng thái được liệt kê tại điểm h khoản 2 Điều 10; danh sách để ngỏ («...») nên trạng thái này được chấp nhận, nhưng không có trong sơ đồ chuyển trạng thái."),
            ),
        };
        finding.with_field("status")
    }
}

impl From<ProcessingStatus> for ReportedStatus {
    fn from(state: ProcessingStatus) -> Self {
        ReportedStatus::Listed(state)
    }
}

impl fmt::Display for ReportedStatus {
    /// The Vietnamese wording of a listed status, or the text of an unlisted one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportedStatus::Listed(state) => f.write_str(state.name_vi()),
            ReportedStatus::Unlisted(text) => f.write_str(text),
        }
    }
}

impl FromStr for ReportedStatus {
    type Err = StatusError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportedStatus::parse(s)
    }
}

impl TryFrom<String> for ReportedStatus {
    type Error = StatusError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        ReportedStatus::parse(&s).inspect_err(|e| {
            egov_core::i18n::carry(e);
        })
    }
}

impl From<ReportedStatus> for String {
    fn from(s: ReportedStatus) -> Self {
        match s {
            ReportedStatus::Listed(state) => state.as_str().to_owned(),
            ReportedStatus::Unlisted(text) => text,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// Something that happens to a received e-document (DOC-27…30). JSON form:
/// `{"event": "reject", "reason": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum StatusEvent {
    /// The receipt check (completeness, integrity, authenticity) passed and the receiver takes
    /// the document in (DOC-28, Đ9.1).
    Accept,
    /// The receiver refuses the document (DOC-29, Đ5.4; Đ9.1 when the receipt check fails). The
    /// receiver is accountable for the refusal, so a non-blank reason is required.
    Reject {
        /// Why the document is refused; sent to the sender.
        reason: String,
    },
    /// The document is handed on for processing («chuyển xử lý», DOC-30, Đ9.2).
    Forward,
    /// Processing starts («đang xử lý», DOC-30, Đ9.2).
    StartProcessing,
    /// Processing is finished («đã hoàn thành», DOC-30, Đ9.2).
    Complete,
    /// The sender's recall notice reached the receiver (DOC-27, Đ8.2).
    Recall {
        /// The reason the sender gave, if any (the decision does not require one).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The receiver cancelled the recalled document and tells the sender (DOC-27, Đ9.2).
    ConfirmCancellation,
}

impl StatusEvent {
    /// The event `name` ([`StatusEventKind::parse`]: its code or its Vietnamese name) with no
    /// data: a rejection so named has no reason yet, and [`ProcessingStatus::apply`] refuses it
    /// (DOC-29); a recall has none.
    ///
    /// ```
    /// use egov_docs::status::{StatusError, StatusEvent};
    /// assert_eq!(StatusEvent::named("tiếp nhận"), Ok(StatusEvent::Accept));
    /// assert!(matches!(StatusEvent::named("duyệt"), Err(StatusError::UnknownEvent { .. })));
    /// ```
    pub fn named(name: &str) -> Result<StatusEvent, StatusError> {
        let kind = StatusEventKind::parse(name).ok_or_else(|| StatusError::UnknownEvent {
            input: name.trim().chars().take(MAX_INPUT_LEN).collect(),
        })?;
        Ok(match kind {
            StatusEventKind::Accept => StatusEvent::Accept,
            StatusEventKind::Reject => StatusEvent::Reject {
                reason: String::new(),
            },
            StatusEventKind::Forward => StatusEvent::Forward,
            StatusEventKind::StartProcessing => StatusEvent::StartProcessing,
            StatusEventKind::Complete => StatusEvent::Complete,
            StatusEventKind::Recall => StatusEvent::Recall { reason: None },
            StatusEventKind::ConfirmCancellation => StatusEvent::ConfirmCancellation,
        })
    }

    /// The kind of event, without its data.
    pub fn kind(&self) -> StatusEventKind {
        match self {
            StatusEvent::Accept => StatusEventKind::Accept,
            StatusEvent::Reject { .. } => StatusEventKind::Reject,
            StatusEvent::Forward => StatusEventKind::Forward,
            StatusEvent::StartProcessing => StatusEventKind::StartProcessing,
            StatusEvent::Complete => StatusEventKind::Complete,
            StatusEvent::Recall { .. } => StatusEventKind::Recall,
            StatusEvent::ConfirmCancellation => StatusEventKind::ConfirmCancellation,
        }
    }

    /// Trims reasons; a blank rejection reason is an error (DOC-29), a blank recall reason is
    /// no reason.
    fn normalized(self) -> Result<StatusEvent, StatusError> {
        match self {
            StatusEvent::Reject { reason } => {
                let reason = reason.trim();
                if reason.is_empty() {
                    return Err(StatusError::MissingReason {
                        event: StatusEventKind::Reject,
                    });
                }
                Ok(StatusEvent::Reject {
                    reason: reason.to_owned(),
                })
            }
            StatusEvent::Recall { reason } => Ok(StatusEvent::Recall {
                reason: reason
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty()),
            }),
            other => Ok(other),
        }
    }
}

/// The kind of a [`StatusEvent`], without its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusEventKind {
    /// See [`StatusEvent::Accept`].
    Accept,
    /// See [`StatusEvent::Reject`].
    Reject,
    /// See [`StatusEvent::Forward`].
    Forward,
    /// See [`StatusEvent::StartProcessing`].
    StartProcessing,
    /// See [`StatusEvent::Complete`].
    Complete,
    /// See [`StatusEvent::Recall`].
    Recall,
    /// See [`StatusEvent::ConfirmCancellation`].
    ConfirmCancellation,
}

impl StatusEventKind {
    /// Every event kind.
    pub const ALL: [StatusEventKind; 7] = [
        StatusEventKind::Accept,
        StatusEventKind::Reject,
        StatusEventKind::Forward,
        StatusEventKind::StartProcessing,
        StatusEventKind::Complete,
        StatusEventKind::Recall,
        StatusEventKind::ConfirmCancellation,
    ];

    /// The snake_case code (`start_processing`).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusEventKind::Accept => "accept",
            StatusEventKind::Reject => "reject",
            StatusEventKind::Forward => "forward",
            StatusEventKind::StartProcessing => "start_processing",
            StatusEventKind::Complete => "complete",
            StatusEventKind::Recall => "recall",
            StatusEventKind::ConfirmCancellation => "confirm_cancellation",
        }
    }

    /// Reads an event from its snake_case code (`start_processing`, also with spaces or
    /// hyphens) or its Vietnamese name ([`name_vi`](Self::name_vi): «tiếp nhận», «chuyển xử
    /// lý», …), with or without diacritics, in any case; also the shorter words officers use for
    /// the same acts: «từ chối», «trả lại» (reject, DOC-29), «hoàn thành» (complete), «lấy lại»
    /// (recall, DOC-27), «hủy bỏ», «xác nhận hủy bỏ» (confirm the cancellation). `None` for
    /// anything else.
    ///
    /// ```
    /// use egov_docs::status::StatusEventKind;
    /// assert_eq!(StatusEventKind::parse("tiep nhan"), Some(StatusEventKind::Accept));
    /// assert_eq!(StatusEventKind::parse("Từ chối nhận"), Some(StatusEventKind::Reject));
    /// assert_eq!(StatusEventKind::parse("start-processing"), Some(StatusEventKind::StartProcessing));
    /// assert_eq!(StatusEventKind::parse("lưu trữ"), None);
    /// ```
    pub fn parse(input: &str) -> Option<StatusEventKind> {
        if input.len() > MAX_INPUT_LEN {
            return None;
        }
        let key = fold(&input.trim().replace(['_', '-'], " "));
        let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = match key.as_str() {
            "accept" | "tiep nhan" => StatusEventKind::Accept,
            "reject" | "tu choi nhan" | "tu choi" | "tra lai" => StatusEventKind::Reject,
            "forward" | "chuyen xu ly" => StatusEventKind::Forward,
            "start processing" | "bat dau xu ly" => StatusEventKind::StartProcessing,
            "complete" | "hoan thanh xu ly" | "hoan thanh" => StatusEventKind::Complete,
            "recall" | "thu hoi" | "lay lai" => StatusEventKind::Recall,
            "confirm cancellation" | "xac nhan da huy bo" | "xac nhan huy bo" | "huy bo" => {
                StatusEventKind::ConfirmCancellation
            }
            _ => return None,
        };
        Some(kind)
    }

    /// The Vietnamese name of the event (`chuyển xử lý`).
    pub fn name_vi(self) -> &'static str {
        match self {
            StatusEventKind::Accept => "tiếp nhận",
            StatusEventKind::Reject => "từ chối nhận",
            StatusEventKind::Forward => "chuyển xử lý",
            StatusEventKind::StartProcessing => "bắt đầu xử lý",
            StatusEventKind::Complete => "hoàn thành xử lý",
            StatusEventKind::Recall => "thu hồi",
            StatusEventKind::ConfirmCancellation => "xác nhận đã hủy bỏ",
        }
    }

    /// The rule ID that governs this event.
    pub fn rule(self) -> &'static str {
        match self {
            StatusEventKind::Accept => "DOC-28",
            StatusEventKind::Reject => "DOC-29",
            StatusEventKind::Forward
            | StatusEventKind::StartProcessing
            | StatusEventKind::Complete => "DOC-30",
            StatusEventKind::Recall | StatusEventKind::ConfirmCancellation => "DOC-27",
        }
    }

    /// The article that governs this event.
    pub fn basis(self) -> LegalRef {
        match self {
            StatusEventKind::Accept => qd28(9, 1),
            StatusEventKind::Reject => qd28(5, 4),
            StatusEventKind::Recall => qd28(8, 2),
            StatusEventKind::Forward
            | StatusEventKind::StartProcessing
            | StatusEventKind::Complete
            | StatusEventKind::ConfirmCancellation => qd28(9, 2),
        }
    }

    /// The states in which this event is allowed, per [`TRANSITIONS`].
    pub fn allowed_from(self) -> impl Iterator<Item = ProcessingStatus> {
        TRANSITIONS
            .iter()
            .filter(move |t| t.event == self)
            .map(|t| t.from)
    }
}

impl fmt::Display for StatusEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The receipt check of Đ9.1 (DOC-28): «kiểm tra tính đầy đủ, toàn vẹn, tính xác thực của văn
/// bản điện tử». The caller runs the checks; this turns their results into the event to record.
///
/// ```
/// use egov_docs::status::{ReceiptCheck, StatusEvent};
/// let ok = ReceiptCheck { complete: true, intact: true, authentic: true };
/// assert_eq!(ok.event(), StatusEvent::Accept);
/// let bad = ReceiptCheck { authentic: false, ..ok };
/// assert!(matches!(bad.event(), StatusEvent::Reject { reason } if reason.contains("xác thực")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReceiptCheck {
    /// The document and all attachments are present («đầy đủ»).
    pub complete: bool,
    /// The content was not altered («toàn vẹn»).
    pub intact: bool,
    /// The origin is authentic, e.g. the digital signature verifies («xác thực»).
    pub authentic: bool,
}

impl ReceiptCheck {
    /// True when every check passed.
    pub fn passed(&self) -> bool {
        self.complete && self.intact && self.authentic
    }

    /// [`StatusEvent::Accept`] when every check passed (DOC-28, Đ9.1); otherwise
    /// [`StatusEvent::Reject`] with a bilingual reason naming the failed checks (Đ9.1 second
    /// paragraph: reply promptly so the sender knows).
    pub fn event(&self) -> StatusEvent {
        if self.passed() {
            return StatusEvent::Accept;
        }
        let failed: Vec<(&str, &str)> = [
            (self.complete, "tính đầy đủ", "completeness"),
            (self.intact, "tính toàn vẹn", "integrity"),
            (self.authentic, "tính xác thực", "authenticity"),
        ]
        .into_iter()
        .filter(|(ok, _, _)| !ok)
        .map(|(_, vi, en)| (vi, en))
        .collect();
        let vi: Vec<&str> = failed.iter().map(|(vi, _)| *vi).collect();
        let en: Vec<&str> = failed.iter().map(|(_, en)| *en).collect();
        StatusEvent::Reject {
            reason: format!(
                "Không bảo đảm {} của văn bản điện tử / receipt check failed: {}",
                vi.join(", "),
                en.join(", ")
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Transition table
// ---------------------------------------------------------------------------------------------

/// One allowed edge of the machine, with the rule and article that give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TransitionRule {
    /// The state the edge leaves.
    pub from: ProcessingStatus,
    /// The event that takes it.
    pub event: StatusEventKind,
    /// The state it reaches.
    pub to: ProcessingStatus,
    /// The rule ID (`DOC-29`).
    pub rule: Cow<'static, str>,
    /// The article that gives the edge.
    pub basis: LegalRef,
}

const fn edge(
    from: ProcessingStatus,
    event: StatusEventKind,
    to: ProcessingStatus,
    rule: &'static str,
    article: u16,
    clause: u8,
) -> TransitionRule {
    TransitionRule {
        from,
        event,
        to,
        rule: Cow::Borrowed(rule),
        basis: qd28(article, clause),
    }
}

/// Every allowed transition (A-03: only those QĐ 28/2018/QĐ-TTg Đ5.4, Đ8.2, Đ9.1 and Đ9.2 give).
/// See the module docs for the table and the choices made.
#[rustfmt::skip]
pub static TRANSITIONS: [TransitionRule; 11] = {
    use ProcessingStatus as S;
    use StatusEventKind as E;
    [
        edge(S::Arrived,    E::Accept,              S::Accepted,   "DOC-28", 9, 1),
        edge(S::Arrived,    E::Reject,              S::Rejected,   "DOC-29", 5, 4),
        edge(S::Accepted,   E::Forward,             S::Forwarded,  "DOC-30", 9, 2),
        edge(S::Forwarded,  E::StartProcessing,     S::InProgress, "DOC-30", 9, 2),
        edge(S::InProgress, E::Complete,            S::Completed,  "DOC-30", 9, 2),
        edge(S::Arrived,    E::Recall,              S::Recalled,   "DOC-27", 8, 2),
        edge(S::Accepted,   E::Recall,              S::Recalled,   "DOC-27", 8, 2),
        edge(S::Forwarded,  E::Recall,              S::Recalled,   "DOC-27", 8, 2),
        edge(S::InProgress, E::Recall,              S::Recalled,   "DOC-27", 8, 2),
        edge(S::Completed,  E::Recall,              S::Recalled,   "DOC-27", 8, 2),
        edge(S::Recalled,   E::ConfirmCancellation, S::Deleted,    "DOC-27", 9, 2),
    ]
};

// ---------------------------------------------------------------------------------------------
// Notices and transitions
// ---------------------------------------------------------------------------------------------

/// A party to the exchange (QĐ 28/2018/QĐ-TTg Đ3.4, Đ3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// «Bên gửi»: the issuing body.
    Sender,
    /// «Bên nhận»: the receiving body.
    Receiver,
}

/// What a [`StatusNotice`] tells the other party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// The receiver reports the processing status (Đ9.2).
    StatusReport,
    /// The receiver tells the sender it refuses the document, with the reason (Đ5.4, Đ9.1).
    Rejection,
    /// The sender tells the receiver it recalls the document (Đ8.2).
    RecallNotice,
    /// The receiver tells the sender it cancelled the recalled document (Đ9.2).
    CancellationConfirmed,
}

/// A message one party owes the other through the document system (or the Axis) because of a
/// transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusNotice {
    /// Who sends the notice.
    pub from: Party,
    /// Who must be told.
    pub to: Party,
    /// What the notice says.
    pub kind: NoticeKind,
    /// The status the notice reports (the state after the transition).
    pub status: ProcessingStatus,
    /// The reason carried by the notice (rejection, recall), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rule ID.
    pub rule: Cow<'static, str>,
    /// The article that requires the notice.
    pub basis: LegalRef,
    /// The notice, in English.
    pub message: String,
    /// The notice, in Vietnamese.
    pub message_vi: String,
}

fn notices_for(event: &StatusEvent, to: ProcessingStatus) -> Vec<StatusNotice> {
    let notice = |from, to_party, kind, reason: Option<String>, basis, en: String, vi: String| {
        StatusNotice {
            from,
            to: to_party,
            kind,
            status: to,
            reason,
            rule: Cow::Borrowed(event.kind().rule()),
            basis,
            message: en,
            message_vi: vi,
        }
    };
    let n = match event {
        StatusEvent::Accept
        | StatusEvent::Forward
        | StatusEvent::StartProcessing
        | StatusEvent::Complete => notice(
            Party::Receiver,
            Party::Sender,
            NoticeKind::StatusReport,
            None,
            qd28(9, 2),
            format!(
                "The receiver reports the processing status '{}' to the sender on the document system.",
                to.name_en()
            ),
            format!(
                "Bên nhận phản hồi trạng thái xử lý «{}» cho Bên gửi trên hệ thống quản lý văn bản và điều hành.",
                to.name_vi()
            ),
        ),
        StatusEvent::Reject { reason } => notice(
            Party::Receiver,
            Party::Sender,
            NoticeKind::Rejection,
            Some(reason.clone()),
            qd28(5, 4),
            format!(
                "The receiver refuses the e-document, is accountable for the refusal, and must tell the sender through the document system or the National Document Interconnection Axis. Reason: {reason}"
            ),
            format!(
                "Bên nhận từ chối nhận văn bản điện tử, chịu trách nhiệm về việc từ chối đó và phản hồi cho Bên gửi thông qua hệ thống quản lý văn bản và điều hành hoặc Trục liên thông văn bản quốc gia. Lý do: {reason}"
            ),
        ),
        StatusEvent::Recall { reason } => notice(
            Party::Sender,
            Party::Receiver,
            NoticeKind::RecallNotice,
            reason.clone(),
            qd28(8, 2),
            "The sender notifies the receiver on the document system that it recalls the e-document; the receiver must cancel it."
                .to_owned(),
            "Bên gửi thông báo thu hồi văn bản điện tử trên hệ thống quản lý văn bản và điều hành cho Bên nhận biết để xử lý; Bên nhận có trách nhiệm hủy bỏ văn bản đó."
                .to_owned(),
        ),
        StatusEvent::ConfirmCancellation => notice(
            Party::Receiver,
            Party::Sender,
            NoticeKind::CancellationConfirmed,
            None,
            qd28(9, 2),
            "The receiver cancelled the recalled e-document on its document system and tells the sender."
                .to_owned(),
            "Bên nhận đã hủy bỏ văn bản điện tử được thu hồi trên hệ thống quản lý văn bản và điều hành và thông báo để Bên gửi biết."
                .to_owned(),
        ),
    };
    vec![n]
}

/// The result of applying one event: the new state, what is owed to the other party and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Transition {
    /// The state before the event.
    pub from: ProcessingStatus,
    /// The state after the event.
    pub to: ProcessingStatus,
    /// The event, with its reason trimmed.
    pub event: StatusEvent,
    /// When the event happened (Vietnam time, Đ14.4).
    pub at: VnDateTime,
    /// The rule ID of the edge.
    pub rule: Cow<'static, str>,
    /// The article that gives the edge.
    pub basis: LegalRef,
    /// The notices the transition entails.
    pub notices: Vec<StatusNotice>,
}

// ---------------------------------------------------------------------------------------------
// Tracker
// ---------------------------------------------------------------------------------------------

/// The status history of one e-document at one receiver (DOC-22, QĐ 28/2018/QĐ-TTg Đ6.3: status
/// «phải được theo dõi, cập nhật tự động»; field p «Lịch sử gửi, nhận văn bản», Đ10.2.p).
///
/// Append-only: events are recorded in time order (equal times allowed), a refused event
/// changes nothing. A document sent to several receivers has one tracker each (A-30). The JSON
/// form is checked on reading: the history is replayed and must match.
///
/// ```
/// use egov_core::VnDateTime;
/// use egov_docs::status::{ProcessingStatus, StatusEvent, StatusTracker};
/// let t = |h, m| VnDateTime::from_ymd_hms(2026, 3, 2, h, m, 0).unwrap();
/// let mut tracker = StatusTracker::new("000.00.00.H41", t(8, 0));
/// tracker.record(StatusEvent::Accept, t(8, 30)).unwrap();
/// tracker.record(StatusEvent::Forward, t(9, 0)).unwrap();
/// assert_eq!(tracker.status(), ProcessingStatus::Forwarded);
/// assert!(tracker.record(StatusEvent::StartProcessing, t(8, 45)).is_err()); // out of order
/// assert_eq!(tracker.history().len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "TrackerRepr", into = "TrackerRepr")]
pub struct StatusTracker {
    receiver: String,
    arrived_at: VnDateTime,
    history: Vec<Transition>,
}

/// The serde form of [`StatusTracker`].
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct TrackerRepr {
    receiver: String,
    arrived_at: VnDateTime,
    status: ProcessingStatus,
    history: Vec<Transition>,
}

impl From<StatusTracker> for TrackerRepr {
    fn from(t: StatusTracker) -> Self {
        TrackerRepr {
            status: t.status(),
            receiver: t.receiver,
            arrived_at: t.arrived_at,
            history: t.history,
        }
    }
}

/// [`StatusError::InvalidHistory`], its Vietnamese kept for the JSON reader's error
/// (`serde(try_from)` passes only the English text on; CORE-06).
fn invalid_history(index: usize, reason: HistoryFault) -> StatusError {
    let e = StatusError::InvalidHistory { index, reason };
    egov_core::i18n::carry(&e);
    e
}

impl TryFrom<TrackerRepr> for StatusTracker {
    type Error = StatusError;
    fn try_from(repr: TrackerRepr) -> Result<Self, Self::Error> {
        let mut tracker = StatusTracker::new(repr.receiver, repr.arrived_at);
        for (index, stored) in repr.history.into_iter().enumerate() {
            let replayed = tracker
                .record(stored.event.clone(), stored.at)
                .map_err(|e| invalid_history(index, HistoryFault::Refused(Box::new(e))))?;
            if *replayed != stored {
                return Err(invalid_history(index, HistoryFault::Differs));
            }
        }
        if tracker.status() != repr.status {
            return Err(invalid_history(
                tracker.history.len(),
                HistoryFault::StatusMismatch {
                    stored: repr.status,
                    replayed: tracker.status(),
                },
            ));
        }
        Ok(tracker)
    }
}

impl StatusTracker {
    /// A tracker for a document that arrived at `receiver` (its agency code, field m) at
    /// `arrived_at`, in state [`ProcessingStatus::Arrived`].
    pub fn new(receiver: impl Into<String>, arrived_at: VnDateTime) -> Self {
        StatusTracker {
            receiver: receiver.into(),
            arrived_at,
            history: Vec::new(),
        }
    }

    /// The receiver this tracker follows.
    pub fn receiver(&self) -> &str {
        &self.receiver
    }

    /// When the document arrived.
    pub fn arrived_at(&self) -> VnDateTime {
        self.arrived_at
    }

    /// The current status.
    pub fn status(&self) -> ProcessingStatus {
        self.history
            .last()
            .map_or(ProcessingStatus::Arrived, |t| t.to)
    }

    /// The time of the latest entry (the arrival when nothing was recorded yet).
    pub fn last_time(&self) -> VnDateTime {
        self.history.last().map_or(self.arrived_at, |t| t.at)
    }

    /// Every recorded transition, oldest first.
    pub fn history(&self) -> &[Transition] {
        &self.history
    }

    /// Records `event` at `at` (DOC-22, Đ6.3) and returns the transition (see
    /// [`ProcessingStatus::apply`]). An event earlier than the latest entry is
    /// [`StatusError::OutOfOrder`]; on any error nothing is recorded.
    pub fn record(
        &mut self,
        event: StatusEvent,
        at: VnDateTime,
    ) -> Result<&Transition, StatusError> {
        let last = self.last_time();
        if at < last {
            return Err(StatusError::OutOfOrder {
                event: event.kind(),
                at,
                last,
            });
        }
        let transition = self.status().apply(event, at)?;
        self.history.push(transition);
        // Just pushed, so `last` is always `Some`; the error arm only avoids a panic path.
        self.history.last().ok_or(StatusError::Empty)
    }
}

// ---------------------------------------------------------------------------------------------
// Sender side
// ---------------------------------------------------------------------------------------------

/// The sender's side up to sending (DOC-25, QĐ 28/2018/QĐ-TTg Đ8.1: an e-document is sent «sau
/// khi được cấp có thẩm quyền phê duyệt, ký ban hành, ký số theo quy định của pháp luật»).
/// After sending, each receiver's [`StatusTracker`] takes over.
///
/// ```
/// use egov_docs::status::{SenderEvent, SenderStatus};
/// let s = SenderStatus::Draft.apply(SenderEvent::Approve).unwrap();
/// assert!(s.apply(SenderEvent::Send).is_err()); // not signed yet
/// let s = s.apply(SenderEvent::SignForIssue).unwrap()
///     .apply(SenderEvent::DigitallySign).unwrap();
/// assert!(s.may_send());
/// assert_eq!(s.apply(SenderEvent::Send).unwrap(), SenderStatus::Sent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SenderStatus {
    /// Being drafted.
    Draft,
    /// Approved by the competent level («phê duyệt»).
    Approved,
    /// Signed for issuance («ký ban hành»).
    Signed,
    /// Digitally signed per law («ký số»).
    DigitallySigned,
    /// Sent through the connected document systems.
    Sent,
}

/// A step on the sender's side (DOC-25, Đ8.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SenderEvent {
    /// The competent level approves.
    Approve,
    /// The signer signs for issuance.
    SignForIssue,
    /// The document is digitally signed.
    DigitallySign,
    /// The document is sent to the receivers.
    Send,
}

impl SenderEvent {
    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            SenderEvent::Approve => "approve",
            SenderEvent::SignForIssue => "sign_for_issue",
            SenderEvent::DigitallySign => "digitally_sign",
            SenderEvent::Send => "send",
        }
    }

    /// The Vietnamese name of the step (wording of Đ8.1).
    pub fn name_vi(self) -> &'static str {
        match self {
            SenderEvent::Approve => "phê duyệt",
            SenderEvent::SignForIssue => "ký ban hành",
            SenderEvent::DigitallySign => "ký số",
            SenderEvent::Send => "gửi",
        }
    }
}

impl SenderStatus {
    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            SenderStatus::Draft => "draft",
            SenderStatus::Approved => "approved",
            SenderStatus::Signed => "signed",
            SenderStatus::DigitallySigned => "digitally_signed",
            SenderStatus::Sent => "sent",
        }
    }

    /// The Vietnamese name of the state.
    pub fn name_vi(self) -> &'static str {
        match self {
            SenderStatus::Draft => "dự thảo",
            SenderStatus::Approved => "đã phê duyệt",
            SenderStatus::Signed => "đã ký ban hành",
            SenderStatus::DigitallySigned => "đã ký số",
            SenderStatus::Sent => "đã gửi",
        }
    }

    /// True when the send precondition of Đ8.1 holds (approved, signed, digitally signed).
    pub fn may_send(self) -> bool {
        self == SenderStatus::DigitallySigned
    }

    /// The next state after `event`, in the order of Đ8.1 (DOC-25): approve → sign for issuance
    /// → digitally sign → send. Any other step is [`StatusError::SenderForbidden`].
    pub fn apply(&self, event: SenderEvent) -> Result<SenderStatus, StatusError> {
        let next = match (self, event) {
            (SenderStatus::Draft, SenderEvent::Approve) => SenderStatus::Approved,
            (SenderStatus::Approved, SenderEvent::SignForIssue) => SenderStatus::Signed,
            (SenderStatus::Signed, SenderEvent::DigitallySign) => SenderStatus::DigitallySigned,
            (SenderStatus::DigitallySigned, SenderEvent::Send) => SenderStatus::Sent,
            (from, event) => {
                return Err(StatusError::SenderForbidden {
                    from: *from,
                    event,
                    basis: qd28(8, 1),
                })
            }
        };
        Ok(next)
    }
}

// ---------------------------------------------------------------------------------------------
// edXML status codes
// ---------------------------------------------------------------------------------------------

/// An edXML `StatusCode` of the Axis status messages (OUTSIDE KNOWLEDGE, medium-low confidence:
/// public Axis/edXML client code and the VPCP SDK samples in `testdata/edxml`; not in the
/// decision). The JSON form is the two-digit code's meaning in snake_case.
///
/// Codes 01–06 report a state; 13, 15 and 16 are messages about a recall, which egov maps to
/// events rather than states:
///
/// | code | meaning | egov |
/// |---|---|---|
/// | 01 | đã đến | state `arrived` |
/// | 02 | từ chối | state `rejected` |
/// | 03 | tiếp nhận | state `accepted` |
/// | 04 | phân công | state `forwarded` |
/// | 05 | đang xử lý | state `in_progress` |
/// | 06 | hoàn thành | state `completed` |
/// | 13 | lấy lại (the sender's recall request) | event `recall` → `recalled` |
/// | 15 | đồng ý cập nhật/lấy lại (receiver agrees) | event `confirm_cancellation` → `deleted` |
/// | 16 | từ chối cập nhật/lấy lại (receiver refuses) | none: Đ9.2 obliges the receiver to cancel a recalled document, so the decision gives no refusal; [`EdxmlStatus::event`] is `None` |
///
/// ```
/// use egov_docs::status::{from_edxml_code, to_edxml_code, ProcessingStatus, StatusEventKind};
/// assert_eq!(from_edxml_code("03").unwrap().state(), Some(ProcessingStatus::Accepted));
/// assert_eq!(from_edxml_code("13").unwrap().event(), Some(StatusEventKind::Recall));
/// assert_eq!(to_edxml_code(ProcessingStatus::InProgress), Some("05"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EdxmlStatus {
    /// 01 «đã đến».
    Arrived,
    /// 02 «từ chối».
    Rejected,
    /// 03 «tiếp nhận».
    Accepted,
    /// 04 «phân công».
    Assigned,
    /// 05 «đang xử lý».
    InProgress,
    /// 06 «hoàn thành».
    Completed,
    /// 13 «lấy lại»: the sender asks to take the document back.
    RecallRequested,
    /// 15 «đồng ý cập nhật, lấy lại»: the receiver agrees to a recall or update request.
    RecallAccepted,
    /// 16 «từ chối cập nhật, lấy lại»: the receiver refuses a recall or update request.
    RecallRefused,
}

impl EdxmlStatus {
    /// Every code, in numeric order.
    pub const ALL: [EdxmlStatus; 9] = [
        EdxmlStatus::Arrived,
        EdxmlStatus::Rejected,
        EdxmlStatus::Accepted,
        EdxmlStatus::Assigned,
        EdxmlStatus::InProgress,
        EdxmlStatus::Completed,
        EdxmlStatus::RecallRequested,
        EdxmlStatus::RecallAccepted,
        EdxmlStatus::RecallRefused,
    ];

    /// The two-digit code (`"05"`).
    pub fn code(self) -> &'static str {
        match self {
            EdxmlStatus::Arrived => "01",
            EdxmlStatus::Rejected => "02",
            EdxmlStatus::Accepted => "03",
            EdxmlStatus::Assigned => "04",
            EdxmlStatus::InProgress => "05",
            EdxmlStatus::Completed => "06",
            EdxmlStatus::RecallRequested => "13",
            EdxmlStatus::RecallAccepted => "15",
            EdxmlStatus::RecallRefused => "16",
        }
    }

    /// The Vietnamese name, as the VPCP samples' `Description`s word it.
    pub fn name_vi(self) -> &'static str {
        match self {
            EdxmlStatus::Arrived => "đã đến",
            EdxmlStatus::Rejected => "từ chối tiếp nhận",
            EdxmlStatus::Accepted => "đã tiếp nhận",
            EdxmlStatus::Assigned => "phân công xử lý",
            EdxmlStatus::InProgress => "đang xử lý",
            EdxmlStatus::Completed => "hoàn thành xử lý",
            EdxmlStatus::RecallRequested => "yêu cầu lấy lại",
            EdxmlStatus::RecallAccepted => "đồng ý cập nhật, lấy lại",
            EdxmlStatus::RecallRefused => "từ chối cập nhật, lấy lại",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            EdxmlStatus::Arrived => "arrived",
            EdxmlStatus::Rejected => "refused",
            EdxmlStatus::Accepted => "accepted",
            EdxmlStatus::Assigned => "assigned for processing",
            EdxmlStatus::InProgress => "in progress",
            EdxmlStatus::Completed => "completed",
            EdxmlStatus::RecallRequested => "recall requested",
            EdxmlStatus::RecallAccepted => "recall or update accepted",
            EdxmlStatus::RecallRefused => "recall or update refused",
        }
    }

    /// Reads a status message kind as people name it: its code (`"02"`, `"2"`), its name
    /// ([`name_vi`](Self::name_vi) or [`name_en`](Self::name_en), with or without diacritics,
    /// any case), or the processing status it announces
    /// ([`ProcessingStatus::parse`]: `"từ chối"`, `"đã tiếp nhận"`, …, through
    /// [`to_edxml_code`]). OUTSIDE KNOWLEDGE; see [`EdxmlStatus`]. Related rules: DOC-11,
    /// DOC-22.
    ///
    /// ```
    /// use egov_core::ErrorCode;
    /// use egov_docs::status::EdxmlStatus;
    /// assert_eq!(EdxmlStatus::parse("02").unwrap(), EdxmlStatus::Rejected);
    /// assert_eq!(EdxmlStatus::parse("từ chối").unwrap(), EdxmlStatus::Rejected);
    /// assert_eq!(EdxmlStatus::parse("dong y cap nhat, lay lai").unwrap(), EdxmlStatus::RecallAccepted);
    /// assert_eq!(EdxmlStatus::parse("07").unwrap_err().code(), "status.unknown_edxml_code");
    /// ```
    pub fn parse(input: &str) -> Result<EdxmlStatus, StatusError> {
        let trimmed = precheck(input)?;
        if trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return from_edxml_code(trimmed);
        }
        let key = fold(&trimmed.replace('_', " "));
        let named = EdxmlStatus::ALL
            .into_iter()
            .find(|s| fold(s.name_vi()) == key || fold(s.name_en()) == key);
        if let Some(s) = named {
            return Ok(s);
        }
        lookup(trimmed).and_then(to_edxml_code).map_or_else(
            || {
                Err(StatusError::UnknownEdxmlCode {
                    code: trimmed.to_owned(),
                })
            },
            from_edxml_code,
        )
    }

    /// The state a 01–06 message reports; `None` for the recall messages.
    pub fn state(self) -> Option<ProcessingStatus> {
        match self {
            EdxmlStatus::Arrived => Some(ProcessingStatus::Arrived),
            EdxmlStatus::Rejected => Some(ProcessingStatus::Rejected),
            EdxmlStatus::Accepted => Some(ProcessingStatus::Accepted),
            EdxmlStatus::Assigned => Some(ProcessingStatus::Forwarded),
            EdxmlStatus::InProgress => Some(ProcessingStatus::InProgress),
            EdxmlStatus::Completed => Some(ProcessingStatus::Completed),
            EdxmlStatus::RecallRequested
            | EdxmlStatus::RecallAccepted
            | EdxmlStatus::RecallRefused => None,
        }
    }

    /// The event whose transition the message announces (01 has none: arrival starts a
    /// tracker; 16 has none, see the type docs).
    pub fn event(self) -> Option<StatusEventKind> {
        match self {
            EdxmlStatus::Arrived | EdxmlStatus::RecallRefused => None,
            EdxmlStatus::Rejected => Some(StatusEventKind::Reject),
            EdxmlStatus::Accepted => Some(StatusEventKind::Accept),
            EdxmlStatus::Assigned => Some(StatusEventKind::Forward),
            EdxmlStatus::InProgress => Some(StatusEventKind::StartProcessing),
            EdxmlStatus::Completed => Some(StatusEventKind::Complete),
            EdxmlStatus::RecallRequested => Some(StatusEventKind::Recall),
            EdxmlStatus::RecallAccepted => Some(StatusEventKind::ConfirmCancellation),
        }
    }
}

/// Reads an edXML `StatusCode` (`"05"`, also `"5"`, surrounding white space ignored).
/// OUTSIDE KNOWLEDGE; see [`EdxmlStatus`]. Related rules: DOC-11, DOC-22.
pub fn from_edxml_code(code: &str) -> Result<EdxmlStatus, StatusError> {
    let trimmed = precheck(code)?;
    let unknown = || StatusError::UnknownEdxmlCode {
        code: trimmed.to_owned(),
    };
    if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unknown());
    }
    let number: u32 = trimmed.parse().map_err(|_| unknown())?;
    EdxmlStatus::ALL
        .into_iter()
        .find(|s| s.code().parse::<u32>().ok() == Some(number))
        .ok_or_else(unknown)
}

/// The edXML `StatusCode` that announces `status` (OUTSIDE KNOWLEDGE; see [`EdxmlStatus`]):
/// 01–06 for the reported states, 13 for `recalled` (the recall request), 15 for `deleted`
/// (the receiver agreed and cancelled). Always `Some` for the current statuses.
pub fn to_edxml_code(status: ProcessingStatus) -> Option<&'static str> {
    let s = match status {
        ProcessingStatus::Arrived => EdxmlStatus::Arrived,
        ProcessingStatus::Accepted => EdxmlStatus::Accepted,
        ProcessingStatus::Forwarded => EdxmlStatus::Assigned,
        ProcessingStatus::InProgress => EdxmlStatus::InProgress,
        ProcessingStatus::Completed => EdxmlStatus::Completed,
        ProcessingStatus::Rejected => EdxmlStatus::Rejected,
        ProcessingStatus::Recalled => EdxmlStatus::RecallRequested,
        ProcessingStatus::Deleted => EdxmlStatus::RecallAccepted,
    };
    Some(s.code())
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why a status could not be parsed or an event could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// The event is not allowed in the current state ([`TRANSITIONS`] has no such edge).
    #[error("event '{event}' is not allowed in state '{}': {rule} ({basis}) allows it only from {}", from.as_str(), list(allowed_from))]
    Forbidden {
        /// The current state.
        from: ProcessingStatus,
        /// The refused event.
        event: StatusEventKind,
        /// The rule that governs the event.
        rule: Cow<'static, str>,
        /// The article that governs the event.
        basis: LegalRef,
        /// The states the event is allowed in.
        allowed_from: Vec<ProcessingStatus>,
    },
    /// A rejection without a reason (DOC-29, Đ5.4: the receiver is accountable for a refusal
    /// and must tell the sender).
    #[error("event '{event}' needs a non-blank reason (DOC-29, QĐ 28/2018/QĐ-TTg Đ5.4: the receiver is accountable for the refusal and must tell the sender)")]
    MissingReason {
        /// The event that needs a reason.
        event: StatusEventKind,
    },
    /// The event is earlier than the latest recorded entry (DOC-22: the history is in time order).
    #[error("event '{event}' at {at} is earlier than the latest entry at {last} (DOC-22, the history is append-only and time-ordered)")]
    OutOfOrder {
        /// The refused event.
        event: StatusEventKind,
        /// Its time.
        at: VnDateTime,
        /// The time of the latest entry.
        last: VnDateTime,
    },
    /// A sender-side step out of the order of Đ8.1 (DOC-25).
    #[error("sender step '{}' is not allowed in state '{}': {basis} sends only after approval, signing for issuance and digital signing, in that order (DOC-25)", event.as_str(), from.as_str())]
    SenderForbidden {
        /// The sender's current state.
        from: SenderStatus,
        /// The refused step.
        event: SenderEvent,
        /// The article (Đ8.1).
        basis: LegalRef,
    },
    /// The input was empty or only white space.
    #[error("empty status")]
    Empty,
    /// The input is longer than any accepted spelling ([`MAX_INPUT_LEN`] bytes for a listed
    /// status or an edXML code, [`MAX_REPORTED_LEN`] for field h).
    #[error("status text is {len} bytes long, longer than any status this parser accepts")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
    },
    /// Not one of the statuses listed in Đ10.2.h, between which the machine moves. The list
    /// is open, so such a status is still a lawful value of field h ([`ReportedStatus`]).
    #[error("'{input}' is not one of the processing statuses listed in QĐ 28/2018/QĐ-TTg Đ10.2.h, so the status machine has no transitions for it (the list is open: field h may still show it)")]
    UnknownStatus {
        /// The input, trimmed.
        input: String,
    },
    /// Not one of the edXML status codes 01–06, 13, 15, 16.
    #[error(
        "'{code}' is not a known edXML StatusCode (01-06, 13, 15, 16), its name or the status it announces"
    )]
    UnknownEdxmlCode {
        /// The code, trimmed.
        code: String,
    },
    /// Not the code or the Vietnamese name of an event of the machine
    /// ([`StatusEvent::named`]).
    #[error("'{input}' is not an event of the status machine (accept, reject, forward, start_processing, complete, recall, confirm_cancellation, or their Vietnamese names)")]
    UnknownEvent {
        /// The input, trimmed and cut to [`MAX_INPUT_LEN`] bytes.
        input: String,
    },
    /// A stored history (JSON) does not replay.
    #[error("invalid status history at entry {index}: {reason}")]
    InvalidHistory {
        /// Index of the offending entry, from 0 (the number of entries when the stored status
        /// is wrong).
        index: usize,
        /// What was wrong.
        reason: HistoryFault,
    },
}

/// Why a stored status history does not replay ([`StatusError::InvalidHistory`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HistoryFault {
    /// The entry's event is refused in the state the entries before it reach (why: the error).
    Refused(Box<StatusError>),
    /// The entry differs from the transition its event gives when replayed.
    Differs,
    /// The stored status is not the one the history ends in.
    StatusMismatch {
        /// The status stored beside the history.
        stored: ProcessingStatus,
        /// The status the history ends in.
        replayed: ProcessingStatus,
    },
}

impl fmt::Display for HistoryFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryFault::Refused(e) => e.fmt(f),
            HistoryFault::Differs => f.write_str("stored transition differs from the replayed one"),
            HistoryFault::StatusMismatch { stored, replayed } => write!(
                f,
                "status '{}' does not match the history, which ends in '{}'",
                stored.as_str(),
                replayed.as_str()
            ),
        }
    }
}

fn list(states: &[ProcessingStatus]) -> String {
    if states.is_empty() {
        return "no state".to_owned();
    }
    states
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Vietnamese names of `states`, for messages.
fn list_vi(states: &[ProcessingStatus]) -> String {
    if states.is_empty() {
        return "không trạng thái nào".to_owned();
    }
    states
        .iter()
        .map(|s| format!("«{}»", s.name_vi()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl StatusError {
    /// The error in Vietnamese (the English text is `Display`): DOC-11, DOC-22, DOC-25…29,
    /// QĐ 28/2018/QĐ-TTg Đ5.4, Đ6.3, Đ8, Đ9, Đ10.2.h.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for StatusError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            StatusError::Forbidden {
                from,
                event,
                rule,
                basis,
                allowed_from,
            } => egov_core::args!(
                event = event.name_vi(),
                from = from.name_vi(),
                rule = rule.to_string(),
                basis = basis.to_string(),
                allowed_from = list_vi(allowed_from)
            ),
            StatusError::MissingReason { event } => egov_core::args!(event = event.name_vi()),
            StatusError::OutOfOrder { event, at, last } => egov_core::args!(
                event = event.name_vi(),
                at = egov_core::i18n::datetime_vi(*at),
                last = egov_core::i18n::datetime_vi(*last)
            ),
            StatusError::SenderForbidden { from, event, basis } => egov_core::args!(
                event = event.name_vi(),
                from = from.name_vi(),
                basis = basis.to_string()
            ),
            StatusError::Empty => egov_core::args!(),
            StatusError::TooLong { len } => egov_core::args!(len = len),
            StatusError::UnknownStatus { input } => egov_core::args!(input = input),
            StatusError::UnknownEdxmlCode { code } => egov_core::args!(code = code),
            StatusError::UnknownEvent { input } => egov_core::args!(input = input),
            StatusError::InvalidHistory { index, reason } => match reason {
                HistoryFault::Refused(e) => egov_core::args!(
                    fault = "refused",
                    entry = index + 1,
                    reason = e.message(egov_core::Lang::Vi)
                ),
                HistoryFault::Differs => egov_core::args!(fault = "differs", entry = index + 1),
                HistoryFault::StatusMismatch { stored, replayed } => egov_core::args!(
                    fault = "status",
                    stored = stored.name_vi(),
                    replayed = replayed.name_vi()
                ),
            },
        }
    }
}

impl ErrorCode for StatusError {
    fn code(&self) -> &'static str {
        match self {
            StatusError::Forbidden { .. } => "status.forbidden_transition",
            StatusError::MissingReason { .. } => "status.missing_reason",
            StatusError::OutOfOrder { .. } => "status.out_of_order",
            StatusError::SenderForbidden { .. } => "status.sender_forbidden",
            StatusError::Empty => "status.empty",
            StatusError::TooLong { .. } => "status.too_long",
            StatusError::UnknownStatus { .. } => "status.unknown_status",
            StatusError::UnknownEdxmlCode { .. } => "status.unknown_edxml_code",
            StatusError::UnknownEvent { .. } => "status.unknown_event",
            StatusError::InvalidHistory { .. } => "status.invalid_history",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(h: u32, m: u32) -> VnDateTime {
        VnDateTime::from_ymd_hms(2026, 3, 2, h, m, 0).unwrap()
    }

    #[test]
    fn doc_28_accept_only_from_arrived() {
        let t = ProcessingStatus::Arrived
            .apply(StatusEvent::Accept, at(9, 0))
            .unwrap();
        assert_eq!(t.to, ProcessingStatus::Accepted);
        assert_eq!(t.rule, "DOC-28");
        assert_eq!(t.basis, qd28(9, 1));
        assert_eq!(t.notices.len(), 1);
        assert_eq!(t.notices[0].kind, NoticeKind::StatusReport);
        for s in ProcessingStatus::ALL {
            if s != ProcessingStatus::Arrived {
                let e = s.apply(StatusEvent::Accept, at(9, 0)).unwrap_err();
                assert_eq!(e.code(), "status.forbidden_transition");
            }
        }
    }

    #[test]
    fn doc_29_rejection_requires_a_reason() {
        for reason in ["", "   ", "\n\t"] {
            let e = ProcessingStatus::Arrived
                .apply(
                    StatusEvent::Reject {
                        reason: reason.into(),
                    },
                    at(9, 0),
                )
                .unwrap_err();
            assert_eq!(
                e,
                StatusError::MissingReason {
                    event: StatusEventKind::Reject
                }
            );
            assert_eq!(e.code(), "status.missing_reason");
        }
    }

    #[test]
    fn doc_29_rejection_notifies_the_sender_with_the_reason() {
        let t = ProcessingStatus::Arrived
            .apply(
                StatusEvent::Reject {
                    reason: "  Chữ ký số không hợp lệ ".into(),
                },
                at(9, 0),
            )
            .unwrap();
        assert_eq!(t.to, ProcessingStatus::Rejected);
        assert_eq!(
            t.event,
            StatusEvent::Reject {
                reason: "Chữ ký số không hợp lệ".into()
            }
        );
        let n = &t.notices[0];
        assert_eq!((n.from, n.to), (Party::Receiver, Party::Sender));
        assert_eq!(n.kind, NoticeKind::Rejection);
        assert_eq!(n.reason.as_deref(), Some("Chữ ký số không hợp lệ"));
        assert_eq!(n.basis, qd28(5, 4));
        assert!(n.message_vi.contains("Trục liên thông văn bản quốc gia"));
    }

    #[test]
    fn doc_29_an_accepted_document_can_no_longer_be_rejected() {
        let e = ProcessingStatus::Accepted
            .apply(
                StatusEvent::Reject {
                    reason: "late".into(),
                },
                at(9, 0),
            )
            .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("'reject'") && msg.contains("'accepted'"),
            "{msg}"
        );
        assert!(msg.contains("DOC-29") && msg.contains("Đ5.4"), "{msg}");
        assert!(msg.contains("only from arrived"), "{msg}");
    }

    #[test]
    fn doc_27_recall_then_cancellation_confirms_to_the_sender() {
        let t = ProcessingStatus::InProgress
            .apply(
                StatusEvent::Recall {
                    reason: Some("  ".into()),
                },
                at(10, 0),
            )
            .unwrap();
        assert_eq!(t.to, ProcessingStatus::Recalled);
        assert_eq!(t.event, StatusEvent::Recall { reason: None });
        assert_eq!(
            (t.notices[0].from, t.notices[0].to, t.notices[0].kind),
            (Party::Sender, Party::Receiver, NoticeKind::RecallNotice)
        );
        let t =
            t.to.apply(StatusEvent::ConfirmCancellation, at(10, 5))
                .unwrap();
        assert_eq!(t.to, ProcessingStatus::Deleted);
        assert_eq!(t.basis, qd28(9, 2));
        assert_eq!(t.notices[0].kind, NoticeKind::CancellationConfirmed);
        assert_eq!(t.notices[0].to, Party::Sender);
        assert!(ProcessingStatus::Deleted.is_final());
    }

    #[test]
    fn doc_27_recall_is_refused_after_rejection_and_twice() {
        for s in [
            ProcessingStatus::Rejected,
            ProcessingStatus::Recalled,
            ProcessingStatus::Deleted,
        ] {
            assert!(s
                .apply(StatusEvent::Recall { reason: None }, at(9, 0))
                .is_err());
        }
        assert!(ProcessingStatus::Completed
            .apply(StatusEvent::Recall { reason: None }, at(9, 0))
            .is_ok());
    }

    #[test]
    fn doc_30_processing_chain_follows_the_status_list() {
        let mut tr = StatusTracker::new("000.00.00.H41", at(8, 0));
        let steps = [
            StatusEvent::Accept,
            StatusEvent::Forward,
            StatusEvent::StartProcessing,
            StatusEvent::Complete,
        ];
        for (i, e) in steps.into_iter().enumerate() {
            let t = tr.record(e, at(9, i as u32)).unwrap();
            assert_eq!(t.notices[0].kind, NoticeKind::StatusReport);
        }
        assert_eq!(tr.status(), ProcessingStatus::Completed);
        // No skipping: accepted → in progress directly is not in the table.
        assert!(ProcessingStatus::Accepted
            .apply(StatusEvent::StartProcessing, at(9, 0))
            .is_err());
    }

    #[test]
    fn doc_22_history_is_append_only_and_time_ordered() {
        let mut tr = StatusTracker::new("000.00.00.H41", at(8, 0));
        let e = tr.record(StatusEvent::Accept, at(7, 59)).unwrap_err();
        assert_eq!(e.code(), "status.out_of_order");
        tr.record(StatusEvent::Accept, at(8, 0)).unwrap(); // same time is fine
        assert!(tr.record(StatusEvent::Accept, at(8, 1)).is_err());
        assert_eq!(tr.history().len(), 1);
        assert_eq!(tr.last_time(), at(8, 0));
        assert_eq!(tr.receiver(), "000.00.00.H41");
        assert_eq!(tr.arrived_at(), at(8, 0));
    }

    #[test]
    fn doc_22_tracker_json_round_trip_and_tamper_check() {
        let mut tr = StatusTracker::new("000.00.00.H41", at(8, 0));
        tr.record(StatusEvent::Accept, at(8, 10)).unwrap();
        tr.record(StatusEvent::Recall { reason: None }, at(9, 0))
            .unwrap();
        let json = serde_json::to_value(&tr).unwrap();
        assert_eq!(json["status"], "recalled");
        assert_eq!(json["history"][0]["event"]["event"], "accept");
        let back: StatusTracker = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, tr);

        let mut forged = json.clone();
        forged["status"] = "deleted".into();
        assert!(serde_json::from_value::<StatusTracker>(forged).is_err());
        let mut forged = json;
        forged["history"][1]["at"] = "2026-03-02T07:00:00+07:00".into();
        let err = serde_json::from_value::<StatusTracker>(forged).unwrap_err();
        assert!(err.to_string().contains("entry 1"), "{err}");
    }

    /// CORE-06: why a stored history does not replay is said in Vietnamese too, entries
    /// counted from 1, through the JSON reader's error.
    #[test]
    fn doc_22_tampered_history_is_explained_in_both_languages() {
        let mut tr = StatusTracker::new("000.00.00.H41", at(8, 0));
        tr.record(StatusEvent::Accept, at(8, 10)).unwrap();
        tr.record(StatusEvent::Recall { reason: None }, at(9, 0))
            .unwrap();
        let json = serde_json::to_value(&tr).unwrap();
        let read = |forged: serde_json::Value| {
            let e = serde_json::from_str::<StatusTracker>(&forged.to_string())
                .unwrap_err()
                .to_string();
            (egov_core::i18n::format_error_vi("JSON", &e), e)
        };
        let mut forged = json.clone();
        forged["status"] = "accepted".into();
        let (vi, en) = read(forged);
        assert!(
            en.contains("status 'accepted' does not match the history, which ends in 'recalled'"),
            "{en}"
        );
        assert!(
            vi.contains(
                "trạng thái đã lưu «đã tiếp nhận» không khớp với lịch sử, vốn kết thúc ở «thu hồi»"
            ),
            "{vi}"
        );
        // The second entry moved before the first: refused as out of order.
        let mut forged = json.clone();
        forged["history"][1]["at"] = "2026-03-02T08:05:00+07:00".into();
        let (vi, en) = read(forged);
        assert!(en.contains("at entry 1"), "{en}");
        assert!(
            vi.contains("sự kiện ở mục thứ 2 không áp dụng được: "),
            "{vi}"
        );
        // The first entry's result changed: differs from its replay.
        let mut forged = json;
        forged["history"][0]["to"] = "forwarded".into();
        let (vi, en) = read(forged);
        assert!(
            en.contains("stored transition differs from the replayed one"),
            "{en}"
        );
        assert!(vi.contains("mục thứ 1 khác với bước chuyển"), "{vi}");
    }

    #[test]
    fn doc_11_status_names_parse_from_the_decision_list() {
        // «đã đến, đã tiếp nhận, đã chuyển xử lý, đang xử lý, đã hoàn thành, từ chối nhận (trả
        // lại), thu hồi, xóa...», Đ10.2.h.
        let list = "đã đến, đã tiếp nhận, đã chuyển xử lý, đang xử lý, đã hoàn thành, từ chối nhận (trả lại), thu hồi, xóa";
        let parsed: Vec<ProcessingStatus> = list.split(", ").map(|s| s.parse().unwrap()).collect();
        assert_eq!(parsed, ProcessingStatus::ALL.to_vec());
        assert_eq!(
            ProcessingStatus::parse("XOÁ"),
            Ok(ProcessingStatus::Deleted)
        );
        assert_eq!(
            ProcessingStatus::parse("in_progress"),
            Ok(ProcessingStatus::InProgress)
        );
        assert_eq!(
            ProcessingStatus::parse("lưu trữ").unwrap_err().code(),
            "status.unknown_status"
        );
        assert_eq!(
            ProcessingStatus::parse(" ").unwrap_err().code(),
            "status.empty"
        );
    }

    #[test]
    fn doc_22_event_names_parse_from_code_or_vietnamese() {
        for k in StatusEventKind::ALL {
            assert_eq!(StatusEventKind::parse(k.as_str()), Some(k));
            assert_eq!(StatusEventKind::parse(k.name_vi()), Some(k));
            assert_eq!(StatusEventKind::parse(&fold(k.name_vi())), Some(k));
            assert_eq!(
                StatusEventKind::parse(&format!("  {}  ", k.name_vi().to_uppercase())),
                Some(k)
            );
        }
        assert_eq!(
            StatusEventKind::parse("Start Processing"),
            Some(StatusEventKind::StartProcessing)
        );
        assert_eq!(
            StatusEventKind::parse("trả lại"),
            Some(StatusEventKind::Reject)
        );
        assert_eq!(
            StatusEventKind::parse("lấy lại"),
            Some(StatusEventKind::Recall)
        );
        assert_eq!(
            StatusEventKind::parse("hủy bỏ"),
            Some(StatusEventKind::ConfirmCancellation)
        );
        // States are not events; nor is an empty or over-long input.
        for s in [
            "đã tiếp nhận",
            "đang xử lý",
            "",
            "   ",
            &"a".repeat(MAX_INPUT_LEN + 1),
        ] {
            assert_eq!(StatusEventKind::parse(s), None, "{s}");
        }
    }

    #[test]
    fn doc_11_edxml_names_of_listed_states_parse() {
        // edXML 04 «phân công» and 02 «từ chối» are the Axis' names for listed states.
        assert_eq!(
            ProcessingStatus::parse("phân công"),
            Ok(ProcessingStatus::Forwarded)
        );
        assert_eq!(
            ProcessingStatus::parse("Đã phân công"),
            Ok(ProcessingStatus::Forwarded)
        );
        assert_eq!(
            ProcessingStatus::parse("từ chối"),
            Ok(ProcessingStatus::Rejected)
        );
        let t = ProcessingStatus::parse("phan cong")
            .unwrap()
            .apply(StatusEvent::StartProcessing, at(9, 0))
            .unwrap();
        assert_eq!(t.to, ProcessingStatus::InProgress);
    }

    #[test]
    fn doc_11_unlisted_status_is_accepted_with_a_warning() {
        // Đ10.2.h ends its list with «...»: a status outside it is not an error (A-03).
        for input in ["lưu trữ", "  Đang chờ ý kiến phối hợp ", "chờ ký số"] {
            let s = ReportedStatus::parse(input).unwrap();
            assert_eq!(s.state(), None, "{input}");
            assert_eq!(s.to_string(), crate::text::nfc(input.trim()));
            let f = s.finding();
            assert_eq!(f.outcome, Outcome::Warning, "{input}");
            assert_eq!(f.rule, "DOC-11");
            assert_eq!(f.basis, LegalRef::point(Instrument::Qd28_2018, 10, 2, "h"));
            assert!(f.message_vi.contains("«...»"), "{}", f.message_vi);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<ReportedStatus>(&json).unwrap(), s);
        }
        let listed = ReportedStatus::parse("Đã tiếp nhận").unwrap();
        assert_eq!(listed, ReportedStatus::Listed(ProcessingStatus::Accepted));
        assert_eq!(listed.finding().outcome, Outcome::Pass);
        assert_eq!(serde_json::to_string(&listed).unwrap(), "\"accepted\"");
        assert_eq!(
            serde_json::from_str::<ReportedStatus>("\"đã tiếp nhận\"").unwrap(),
            listed
        );
        assert_eq!(
            ReportedStatus::parse("phân công").unwrap().state(),
            Some(ProcessingStatus::Forwarded)
        );
        assert_eq!(
            ReportedStatus::parse(" ").unwrap_err().code(),
            "status.empty"
        );
        assert_eq!(
            ReportedStatus::parse(&"x".repeat(MAX_REPORTED_LEN + 1))
                .unwrap_err()
                .code(),
            "status.too_long"
        );
        // The machine itself only moves between listed states.
        assert_eq!(
            ProcessingStatus::parse("lưu trữ").unwrap_err().code(),
            "status.unknown_status"
        );
    }

    #[test]
    fn doc_28_receipt_check_picks_the_event() {
        let bad = ReceiptCheck {
            complete: false,
            intact: true,
            authentic: false,
        };
        let StatusEvent::Reject { reason } = bad.event() else {
            panic!("expected a rejection");
        };
        assert!(reason.contains("tính đầy đủ, tính xác thực"), "{reason}");
        assert!(reason.contains("completeness, authenticity"), "{reason}");
        assert!(ProcessingStatus::Arrived
            .apply(bad.event(), at(9, 0))
            .is_ok());
    }

    #[test]
    fn doc_25_sender_sends_only_after_approval_signing_and_digital_signing() {
        let e = SenderStatus::Signed.apply(SenderEvent::Send).unwrap_err();
        assert_eq!(e.code(), "status.sender_forbidden");
        assert!(e.to_string().contains("Đ8.1"));
        assert!(SenderStatus::Draft
            .apply(SenderEvent::DigitallySign)
            .is_err());
        assert!(SenderStatus::Sent.apply(SenderEvent::Send).is_err());
        assert!(!SenderStatus::Signed.may_send());
    }

    #[test]
    fn a_03_transition_table_matches_allowed_events() {
        assert!(ProcessingStatus::Rejected.is_final());
        assert!(!ProcessingStatus::Completed.is_final());
        let from_arrived: Vec<_> = ProcessingStatus::Arrived.allowed_events().collect();
        assert_eq!(
            from_arrived,
            vec![
                StatusEventKind::Accept,
                StatusEventKind::Reject,
                StatusEventKind::Recall
            ]
        );
        for t in &TRANSITIONS {
            assert_eq!(t.rule, t.event.rule());
            assert_eq!(t.basis, t.event.basis());
        }
    }

    #[test]
    fn edxml_codes_map_states_and_events() {
        for s in ProcessingStatus::ALL {
            let code = to_edxml_code(s).unwrap();
            let e = from_edxml_code(code).unwrap();
            let reached = e.state().or_else(|| {
                e.event()
                    .and_then(|k| TRANSITIONS.iter().find(|t| t.event == k).map(|t| t.to))
            });
            assert_eq!(reached, Some(s), "{code}");
        }
        assert_eq!(from_edxml_code("5"), Ok(EdxmlStatus::InProgress));
        assert_eq!(from_edxml_code("16").unwrap().event(), None);
        assert_eq!(from_edxml_code("16").unwrap().state(), None);
        for bad in ["07", "+5", "", "x", "99999999999999999999"] {
            assert!(from_edxml_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn doc_11_edxml_status_kinds_read_by_code_name_or_the_status_announced() {
        for s in EdxmlStatus::ALL {
            for text in [
                s.code().to_owned(),
                s.name_vi().to_owned(),
                s.name_vi().to_uppercase(),
                fold(s.name_vi()),
                s.name_en().to_owned(),
                format!("  {}  ", s.name_en()),
            ] {
                assert_eq!(EdxmlStatus::parse(&text), Ok(s), "{text}");
            }
        }
        for p in ProcessingStatus::ALL {
            let announced = from_edxml_code(to_edxml_code(p).unwrap()).unwrap();
            assert_eq!(EdxmlStatus::parse(p.name_vi()), Ok(announced), "{p:?}");
            assert_eq!(EdxmlStatus::parse(p.name_en()), Ok(announced), "{p:?}");
            assert_eq!(
                ProcessingStatus::parse(p.name_en()),
                Ok(p),
                "its own English name"
            );
        }
        assert_eq!(EdxmlStatus::parse("từ chối"), Ok(EdxmlStatus::Rejected));
        assert_eq!(
            EdxmlStatus::parse("thu hồi"),
            Ok(EdxmlStatus::RecallRequested)
        );
        for bad in ["07", "từ chối x", "", "lấy"] {
            assert!(EdxmlStatus::parse(bad).is_err(), "{bad}");
        }
    }

    fn any_event() -> impl Strategy<Value = StatusEvent> {
        prop_oneof![
            Just(StatusEvent::Accept),
            "\\PC{0,8}".prop_map(|reason| StatusEvent::Reject { reason }),
            Just(StatusEvent::Forward),
            Just(StatusEvent::StartProcessing),
            Just(StatusEvent::Complete),
            proptest::option::of("\\PC{0,8}").prop_map(|reason| StatusEvent::Recall { reason }),
            Just(StatusEvent::ConfirmCancellation),
        ]
    }

    proptest! {
        #[test]
        fn doc_22_random_event_sequences_stay_in_the_graph(
            steps in proptest::collection::vec((any_event(), -3_600i64..7_200), 0..40)
        ) {
            let start = at(8, 0);
            let mut tr = StatusTracker::new("000.00.00.H41", start);
            let mut clock = start;
            for (event, delta) in steps {
                clock = clock.checked_add(chrono::TimeDelta::seconds(delta)).unwrap();
                let before = tr.clone();
                if tr.record(event, clock).is_err() {
                    prop_assert_eq!(&tr, &before);
                }
            }
            let mut state = ProcessingStatus::Arrived;
            let mut last = start;
            for t in tr.history() {
                prop_assert_eq!(t.from, state);
                prop_assert!(TRANSITIONS.iter().any(|r| r.from == t.from && r.event == t.event.kind() && r.to == t.to));
                prop_assert!(t.at >= last);
                prop_assert!(!t.notices.is_empty());
                state = t.to;
                last = t.at;
            }
            prop_assert_eq!(tr.status(), state);
            let json = serde_json::to_string(&tr).unwrap();
            prop_assert_eq!(serde_json::from_str::<StatusTracker>(&json).unwrap(), tr);
        }

        #[test]
        fn doc_11_arbitrary_status_text_never_panics(s in "\\PC{0,80}") {
            let _ = ProcessingStatus::parse(&s);
            let _ = from_edxml_code(&s);
        }

        /// Any text names at most one event, and an event read by name is that event without
        /// data; anything else is `UnknownEvent` with the input cut to the bound.
        #[test]
        fn doc_22_arbitrary_event_names_read_as_one_event_or_none(s in "\\PC{0,80}|[ -~]{0,400}") {
            match (StatusEventKind::parse(&s), StatusEvent::named(&s)) {
                (Some(k), Ok(e)) => {
                    prop_assert_eq!(e.kind(), k);
                    prop_assert_eq!(StatusEventKind::parse(k.as_str()), Some(k));
                }
                (None, Err(StatusError::UnknownEvent { input })) => {
                    prop_assert!(input.chars().count() <= MAX_INPUT_LEN);
                }
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }
}
