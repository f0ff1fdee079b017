//! Requests of organisations and individuals received and resolved in the electronic
//! environment (rule OTH-12; NĐ 137/2024 Đ7.1) as a typed state machine.
//!
//! Đ7.1 (seed 001) makes the state agency responsible to:
//!
//! - a) «Tiếp nhận, giải quyết yêu cầu của tổ chức, cá nhân trên môi trường điện tử, trừ trường
//!   hợp pháp luật có quy định khác. Trong trường hợp từ chối tiếp nhận, giải quyết phải nêu rõ lý
//!   do để tổ chức, cá nhân được biết»;
//! - b) set up the electronic channels and «ban hành quy chế hoạt động để tiếp nhận, giải quyết
//!   yêu cầu của tổ chức, cá nhân» (a duty of the agency, not of one request: it stays an item
//!   of the checklist `nd137-d7-d8-online-services`);
//! - c) «Phải thông báo kết quả xử lý yêu cầu của tổ chức, cá nhân trên môi trường điện tử thông
//!   qua các phương tiện điện tử, các kênh giao tiếp, trừ trường hợp pháp luật quy định khác hoặc
//!   theo đề nghị của tổ chức, cá nhân có yêu cầu».
//!
//! A [`CitizenRequest`] is received on a channel of Đ7.2 and moves only along
//!
//! ```text
//! Received ──accept──▶ Accepted ──resolve──▶ Resolved ──notify──▶ ResultNotified
//!    │                    │
//!    └──refuse──┐  ┌──refuse┘
//!               ▼  ▼
//!             Refused ──notify──▶ RefusalNotified
//! ```
//!
//! («từ chối tiếp nhận» from `Received`, «từ chối giải quyết» from `Accepted`). Any other step
//! is a [`RequestError::IllegalTransition`] naming both states; a step dated before the one
//! before it is a [`RequestError::TimeBackwards`]. The builder ([`CitizenRequest::refuse`])
//! refuses a refusal with a blank reason ([`RequestError::BlankReason`]): Đ7.1.a has no
//! exception, so no workflow driven by this SDK can record one. A record read from another
//! system ([`parse_request`]) keeps a blank reason instead, so that [`check_request`] reports the
//! breach (**Fail**) rather than refusing to read the evidence.
//!
//! **What the law does not say.** Đ7.1 sets no time limit for accepting, resolving or notifying,
//! and no form for the result. The SDK invents none: a request not yet notified is **Unknown**,
//! never failed, and a caller whose own operating regulation (Đ7.1.b) or sectoral law sets a
//! deadline gives it in [`RequestOptions`]; missing it is a **Warning** that says the deadline is
//! the caller's, not Đ7.1's. Whether the refusal of a request is a «kết quả xử lý yêu cầu» is
//! read here as yes (the SDK's reading: it is how the handling ended), so the notice of a
//! refusal is judged under Đ7.1.c as well, and Đ7.1.a («để tổ chức, cá nhân được biết») requires
//! that the requester learns the reason.
//!
//! ```
//! use egov_checklist::requests::{
//!     check_request, CitizenRequest, NotificationMeans, RequestChannel, RequestState,
//! };
//! use egov_core::{Outcome, VnDateTime};
//! let t = |s: &str| s.parse::<VnDateTime>().unwrap();
//! let mut r = CitizenRequest::receive(
//!     "YC-2026-0001", t("2026-03-02T08:30:00+07:00"), RequestChannel::NationalPublicServicePortal)?;
//! r.accept(t("2026-03-02T09:00:00+07:00"))?;
//! r.resolve(t("2026-03-05T16:00:00+07:00"), "Đã cấp bản sao trích lục")?;
//! // Nothing to judge as notified yet: Unknown (Đ7.1 sets no time limit).
//! let f = check_request(&r, t("2026-03-06T00:00:00+07:00"));
//! assert_eq!(f[0].outcome, Outcome::Unknown);
//! r.notify(t("2026-03-05T16:05:00+07:00"), NotificationMeans::electronic("thư điện tử"))?;
//! assert_eq!(r.state(), RequestState::ResultNotified);
//! let f = check_request(&r, t("2026-03-06T00:00:00+07:00"));
//! assert!(f.iter().all(|f| f.rule == "OTH-12" && f.outcome == Outcome::Pass));
//! // Resolving twice is not a step of the machine.
//! let e = r.resolve(t("2026-03-07T00:00:00+07:00"), "lần nữa").unwrap_err();
//! assert_eq!(e.to_string(), "illegal transition from result_notified to resolved");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use egov_core::i18n::datetime_vi;
use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Đ7.1.a, first sentence: receive and resolve in the electronic environment.
pub const QUOTE_RECEIVE_VI: &str = "Tiếp nhận, giải quyết yêu cầu của tổ chức, cá nhân trên môi trường điện tử, trừ trường hợp pháp luật có quy định khác";
/// Đ7.1.a, second sentence: a refusal states its reasons.
pub const QUOTE_REFUSAL_VI: &str = "Trong trường hợp từ chối tiếp nhận, giải quyết phải nêu rõ lý do để tổ chức, cá nhân được biết";
/// Đ7.1.b: the operating regulation (the source of a deadline the caller may set).
pub const QUOTE_REGULATION_VI: &str =
    "ban hành quy chế hoạt động để tiếp nhận, giải quyết yêu cầu của tổ chức, cá nhân";
/// Đ7.1.c: the result notified electronically, unless the law or the requester says otherwise.
pub const QUOTE_NOTIFY_VI: &str = "Phải thông báo kết quả xử lý yêu cầu của tổ chức, cá nhân trên môi trường điện tử thông qua các phương tiện điện tử, các kênh giao tiếp, trừ trường hợp pháp luật quy định khác hoặc theo đề nghị của tổ chức, cá nhân có yêu cầu";

/// The rule every finding of this module names.
pub const RULE: &str = "OTH-12";

/// The agency's electronic channel a request came in on: the channels of NĐ 137/2024 Đ7.2
/// (JSON `information_channel`, `online_public_service`, `national_public_service_portal`,
/// `other`). Not [`egov_core::channel::Channel`], which is the list of Đ19.1.a (website,
/// e-mail, mobile app) for disclosures; Đ7.2 names different channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestChannel {
    /// Đ7.2.a «Kênh cung cấp thông tin».
    InformationChannel,
    /// Đ7.2.a «kênh cung cấp dịch vụ công trực tuyến».
    OnlinePublicService,
    /// Đ7.2.b «Cổng Dịch vụ công quốc gia».
    NationalPublicServicePortal,
    /// Đ7.2.c «Các kênh giao tiếp khác theo quy định của pháp luật có liên quan».
    Other,
}

impl RequestChannel {
    /// The channel in the decree's words.
    pub fn name_vi(self) -> &'static str {
        match self {
            RequestChannel::InformationChannel => "kênh cung cấp thông tin",
            RequestChannel::OnlinePublicService => "kênh cung cấp dịch vụ công trực tuyến",
            RequestChannel::NationalPublicServicePortal => "Cổng Dịch vụ công quốc gia",
            RequestChannel::Other => "kênh giao tiếp khác",
        }
    }
}

/// Where a request stands (JSON and messages in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// Received on an electronic channel; not yet accepted or refused.
    Received,
    /// Accepted («tiếp nhận»); being resolved.
    Accepted,
    /// Resolved («giải quyết» done), with its result; not yet notified.
    Resolved,
    /// Refused («từ chối tiếp nhận» or «từ chối giải quyết»); not yet notified.
    Refused,
    /// The result notified to the requester (end).
    ResultNotified,
    /// The refusal and its reason notified to the requester (end).
    RefusalNotified,
}

impl RequestState {
    /// The snake-case name (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Received => "received",
            RequestState::Accepted => "accepted",
            RequestState::Resolved => "resolved",
            RequestState::Refused => "refused",
            RequestState::ResultNotified => "result_notified",
            RequestState::RefusalNotified => "refusal_notified",
        }
    }

    /// The state in Vietnamese.
    pub fn name_vi(self) -> &'static str {
        match self {
            RequestState::Received => "đã nhận, chưa tiếp nhận",
            RequestState::Accepted => "đã tiếp nhận, đang giải quyết",
            RequestState::Resolved => "đã giải quyết, chưa thông báo kết quả",
            RequestState::Refused => "đã từ chối, chưa thông báo",
            RequestState::ResultNotified => "đã thông báo kết quả",
            RequestState::RefusalNotified => "đã thông báo việc từ chối",
        }
    }

    /// No step leaves it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RequestState::ResultNotified | RequestState::RefusalNotified
        )
    }
}

impl fmt::Display for RequestState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a notice did not go by electronic means: the two exceptions of Đ7.1.c (JSON
/// `{"kind": "law_provides_otherwise", "provision": "…"}` or `{"kind": "requester_asked"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OtherMeansBasis {
    /// «trừ trường hợp pháp luật quy định khác»: the provision that does (a blank one is no
    /// stated basis).
    LawProvidesOtherwise {
        /// The provision, e.g. «khoản 2 Điều 12 Nghị định …».
        provision: String,
    },
    /// «theo đề nghị của tổ chức, cá nhân có yêu cầu».
    RequesterAsked {
        /// Where the request for another means is recorded, if stated.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
}

/// How the requester was notified (JSON `{"by": "electronic", "via": "…"}` or `{"by": "other",
/// "via": "…", "basis": OtherMeansBasis}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum NotificationMeans {
    /// «thông qua các phương tiện điện tử, các kênh giao tiếp».
    Electronic {
        /// The means or channel used (e.g. «thư điện tử», «Cổng Dịch vụ công quốc gia»).
        #[serde(default)]
        via: String,
    },
    /// Another means (paper, in person, post), with the exception relied on if stated.
    Other {
        /// The means used.
        #[serde(default)]
        via: String,
        /// The exception of Đ7.1.c relied on; `None` when none is stated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<OtherMeansBasis>,
    },
}

impl NotificationMeans {
    /// Electronic notice via `via`.
    pub fn electronic(via: impl Into<String>) -> Self {
        NotificationMeans::Electronic { via: via.into() }
    }

    /// Notice by another means `via`, on `basis` (`None`: none stated).
    pub fn other(via: impl Into<String>, basis: Option<OtherMeansBasis>) -> Self {
        NotificationMeans::Other {
            via: via.into(),
            basis,
        }
    }
}

/// One step of a request after its receipt (JSON tagged by `event`: `accepted`, `refused`,
/// `resolved`, `notified`; every step has its time `at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum RequestEvent {
    /// Accepted («tiếp nhận»).
    Accepted {
        /// When.
        at: VnDateTime,
    },
    /// Refused («từ chối tiếp nhận» before acceptance, «từ chối giải quyết» after).
    Refused {
        /// When.
        at: VnDateTime,
        /// The reason stated to the requester (Đ7.1.a).
        #[serde(default)]
        reason: String,
    },
    /// Resolved, with the result.
    Resolved {
        /// When.
        at: VnDateTime,
        /// The result of the handling.
        result: String,
    },
    /// The result (or the refusal) notified to the requester.
    Notified {
        /// When.
        at: VnDateTime,
        /// How (Đ7.1.c).
        means: NotificationMeans,
    },
}

impl RequestEvent {
    /// When the step was taken.
    pub fn at(&self) -> VnDateTime {
        match self {
            RequestEvent::Accepted { at }
            | RequestEvent::Refused { at, .. }
            | RequestEvent::Resolved { at, .. }
            | RequestEvent::Notified { at, .. } => *at,
        }
    }

    /// The state the step leads to from `from` (when legal).
    fn target(&self, from: RequestState) -> RequestState {
        match self {
            RequestEvent::Accepted { .. } => RequestState::Accepted,
            RequestEvent::Refused { .. } => RequestState::Refused,
            RequestEvent::Resolved { .. } => RequestState::Resolved,
            RequestEvent::Notified { .. } if from == RequestState::Refused => {
                RequestState::RefusalNotified
            }
            RequestEvent::Notified { .. } => RequestState::ResultNotified,
        }
    }
}

/// Which refusal of Đ7.1.a.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefusalStage {
    /// «từ chối tiếp nhận»: refused before acceptance.
    Receipt,
    /// «từ chối giải quyết»: refused after acceptance.
    Resolution,
}

impl RefusalStage {
    /// In the decree's words.
    pub fn name_vi(self) -> &'static str {
        match self {
            RefusalStage::Receipt => "từ chối tiếp nhận",
            RefusalStage::Resolution => "từ chối giải quyết",
        }
    }
}

/// Why a step or a record is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The step does not leave the state the request is in.
    #[error("illegal transition from {from} to {to}")]
    IllegalTransition {
        /// The state the request is in.
        from: RequestState,
        /// The state the step would lead to.
        to: RequestState,
    },
    /// A refusal with no reason (Đ7.1.a: «phải nêu rõ lý do»).
    #[error("a refusal must state its reason (NĐ 137/2024 Đ7.1.a)")]
    BlankReason,
    /// A resolution with no result recorded.
    #[error("a resolved request must record its result")]
    BlankResult,
    /// The request has no identifier.
    #[error("a request needs an identifier")]
    BlankId,
    /// A step dated before the step (or the receipt) before it.
    #[error("step {index} at {at} is earlier than the one before it at {previous}")]
    TimeBackwards {
        /// The position of the step in the history (0 = the first after receipt).
        index: usize,
        /// Its time.
        at: VnDateTime,
        /// The time of the step before it.
        previous: VnDateTime,
    },
    /// The text is not JSON of a request (serde's message, with line and column).
    #[error("not a request record: {0}")]
    Json(String),
}

impl egov_core::Localize for RequestError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        // Times in Vietnamese prose: hh:mm dd/mm/yyyy.
        let vi = |t: &VnDateTime| t.naive_local().format("%H:%M %d/%m/%Y").to_string();
        match self {
            RequestError::IllegalTransition { from, to } => {
                egov_core::args!(from = from.name_vi(), to = to.name_vi())
            }
            RequestError::BlankReason | RequestError::BlankResult | RequestError::BlankId => {
                egov_core::args!()
            }
            RequestError::TimeBackwards {
                index,
                at,
                previous,
            } => egov_core::args!(index = index, at = vi(at), previous = vi(previous)),
            RequestError::Json(m) => egov_core::args!(reason = crate::format_error_vi("JSON", m)),
        }
    }
}

impl egov_core::ErrorCode for RequestError {
    fn code(&self) -> &'static str {
        match self {
            RequestError::IllegalTransition { .. } => "request.illegal_transition",
            RequestError::BlankReason => "request.blank_reason",
            RequestError::BlankResult => "request.blank_result",
            RequestError::BlankId => "request.blank_id",
            RequestError::TimeBackwards { .. } => "request.time_backwards",
            RequestError::Json(_) => "request.json",
        }
    }
}

/// The JSON form of a request, before its history is replayed.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RequestRecord {
    id: String,
    received_at: VnDateTime,
    channel: RequestChannel,
    #[serde(default)]
    history: Vec<RequestEvent>,
}

/// A request of an organisation or individual received on an electronic channel, with its
/// history of steps (OTH-12, NĐ 137/2024 Đ7.1). Built by [`CitizenRequest::receive`] and the
/// steps, or read by [`parse_request`]; either way the history is a path of the machine with
/// non-decreasing times. JSON:
///
/// ```json
/// {"id": "YC-1", "received_at": "2026-03-02T08:30:00+07:00", "channel": "online_public_service",
///  "history": [{"event": "refused", "at": "2026-03-02T10:00:00+07:00", "reason": "…"},
///              {"event": "notified", "at": "2026-03-02T10:01:00+07:00",
///               "means": {"by": "electronic", "via": "thư điện tử"}}]}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RequestRecord")]
pub struct CitizenRequest {
    id: String,
    received_at: VnDateTime,
    channel: RequestChannel,
    history: Vec<RequestEvent>,
    #[serde(skip)]
    state: RequestState,
}

impl TryFrom<RequestRecord> for CitizenRequest {
    type Error = RequestError;

    /// Replays the history; a blank refusal reason is kept (it is the breach to report).
    fn try_from(r: RequestRecord) -> Result<Self, RequestError> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        (|| {
            let mut req = CitizenRequest::receive(r.id, r.received_at, r.channel)?;
            for e in r.history {
                req.step(e, false)?;
            }
            Ok(req)
        })()
        .inspect_err(|e| {
            egov_core::i18n::carry(e);
        })
    }
}

/// Reads a request record from JSON (the form above). The history is replayed: an illegal step
/// or a step back in time is a [`RequestError`] naming it; a refusal with a blank reason is kept
/// for [`check_request`] to fail. A resolution with a blank result is
/// [`RequestError::BlankResult`]: an incomplete record (the SDK's requirement, not Đ7.1's).
pub fn parse_request(text: &str) -> Result<CitizenRequest, RequestError> {
    let raw: RequestRecord =
        serde_json::from_str(text).map_err(|e| RequestError::Json(e.to_string()))?;
    CitizenRequest::try_from(raw)
}

impl CitizenRequest {
    /// A request received at `received_at` on `channel`.
    pub fn receive(
        id: impl Into<String>,
        received_at: VnDateTime,
        channel: RequestChannel,
    ) -> Result<Self, RequestError> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(RequestError::BlankId);
        }
        Ok(CitizenRequest {
            id,
            received_at,
            channel,
            history: Vec::new(),
            state: RequestState::Received,
        })
    }

    /// The identifier.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// When it was received.
    pub fn received_at(&self) -> VnDateTime {
        self.received_at
    }

    /// The channel it came in on.
    pub fn channel(&self) -> RequestChannel {
        self.channel
    }

    /// The steps after receipt, in order.
    pub fn history(&self) -> &[RequestEvent] {
        &self.history
    }

    /// Where it stands now.
    pub fn state(&self) -> RequestState {
        self.state
    }

    /// Every state it has been in with the time it entered it, starting with
    /// `(Received, received_at)`.
    pub fn timeline(&self) -> Vec<(RequestState, VnDateTime)> {
        let mut out = vec![(RequestState::Received, self.received_at)];
        let mut s = RequestState::Received;
        for e in &self.history {
            s = e.target(s);
            out.push((s, e.at()));
        }
        out
    }

    /// The refusal, if the request was refused: which one, when, and the reason given.
    pub fn refusal(&self) -> Option<(RefusalStage, VnDateTime, &str)> {
        let mut s = RequestState::Received;
        for e in &self.history {
            if let RequestEvent::Refused { at, reason } = e {
                let stage = if s == RequestState::Received {
                    RefusalStage::Receipt
                } else {
                    RefusalStage::Resolution
                };
                return Some((stage, *at, reason));
            }
            s = e.target(s);
        }
        None
    }

    /// Takes step `event` (the steps below are shorthands); on error the request is unchanged.
    /// A refusal with a blank reason is [`RequestError::BlankReason`].
    pub fn apply(&mut self, event: RequestEvent) -> Result<RequestState, RequestError> {
        self.step(event, true)
    }

    /// Accepts it («tiếp nhận»).
    pub fn accept(&mut self, at: VnDateTime) -> Result<RequestState, RequestError> {
        self.apply(RequestEvent::Accepted { at })
    }

    /// Refuses it with `reason` («từ chối tiếp nhận» from `Received`, «từ chối giải quyết» from
    /// `Accepted`).
    pub fn refuse(
        &mut self,
        at: VnDateTime,
        reason: impl Into<String>,
    ) -> Result<RequestState, RequestError> {
        self.apply(RequestEvent::Refused {
            at,
            reason: reason.into(),
        })
    }

    /// Resolves it with `result`.
    pub fn resolve(
        &mut self,
        at: VnDateTime,
        result: impl Into<String>,
    ) -> Result<RequestState, RequestError> {
        self.apply(RequestEvent::Resolved {
            at,
            result: result.into(),
        })
    }

    /// Notifies the result or the refusal by `means`.
    pub fn notify(
        &mut self,
        at: VnDateTime,
        means: NotificationMeans,
    ) -> Result<RequestState, RequestError> {
        self.apply(RequestEvent::Notified { at, means })
    }

    fn step(&mut self, event: RequestEvent, strict: bool) -> Result<RequestState, RequestError> {
        use RequestState as S;
        let from = self.state;
        let to = event.target(from);
        let legal = matches!(
            (from, &event),
            (S::Received, RequestEvent::Accepted { .. })
                | (S::Received | S::Accepted, RequestEvent::Refused { .. })
                | (S::Accepted, RequestEvent::Resolved { .. })
                | (S::Resolved | S::Refused, RequestEvent::Notified { .. })
        );
        if !legal {
            return Err(RequestError::IllegalTransition { from, to });
        }
        let previous = self.history.last().map_or(self.received_at, |e| e.at());
        if event.at() < previous {
            return Err(RequestError::TimeBackwards {
                index: self.history.len(),
                at: event.at(),
                previous,
            });
        }
        match &event {
            RequestEvent::Refused { reason, .. } if strict && reason.trim().is_empty() => {
                return Err(RequestError::BlankReason)
            }
            RequestEvent::Resolved { result, .. } if result.trim().is_empty() => {
                return Err(RequestError::BlankResult)
            }
            _ => {}
        }
        self.history.push(event);
        self.state = to;
        Ok(to)
    }

    /// The state at `as_of` (steps dated after it not yet taken); `None` before receipt.
    pub fn state_at(&self, as_of: VnDateTime) -> Option<RequestState> {
        self.timeline()
            .into_iter()
            .take_while(|(_, at)| *at <= as_of)
            .last()
            .map(|(s, _)| s)
    }
}

/// Deadlines the caller sets (from its operating regulation, Đ7.1.b, or a sectoral law): Đ7.1
/// sets none. Missing one is a **Warning** that names it as the caller's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestOptions {
    /// Accepted-and-resolved or refused by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decide_by: Option<VnDateTime>,
    /// The result or refusal notified by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_by: Option<VnDateTime>,
}

fn finding(
    point: &'static str,
    quote: &'static str,
    outcome: Outcome,
    en: String,
    vi: String,
    evidence: serde_json::Value,
) -> Finding {
    let mut evidence = evidence;
    if let Some(map) = evidence.as_object_mut() {
        map.insert("quote_vi".into(), json!(quote));
    }
    Finding::new(
        RULE,
        LegalRef::point(Instrument::Nd137_2024, 7, 1, point),
        outcome,
        en,
        format!("{vi} (điểm {point} khoản 1 Điều 7: «{quote}»)"),
    )
    .with_evidence(evidence)
}

/// OTH-12 (NĐ 137/2024 Đ7.1) on one request as it stood at `as_of` (steps dated later not yet
/// taken), with no deadlines of the caller's. See [`check_request_with`].
pub fn check_request(r: &CitizenRequest, as_of: VnDateTime) -> Vec<Finding> {
    check_request_with(r, as_of, &RequestOptions::default())
}

/// OTH-12 (NĐ 137/2024 Đ7.1) on one request at `as_of`, every finding citing the point of
/// Đ7.1 and quoting it (in `message_vi` and `evidence.quote_vi`):
///
/// - **Đ7.1.a, refusal** (only for a refused request): **Pass** when a reason is stated,
///   **Fail** when it is blank.
/// - **Đ7.1.c, notice** (always): **Pass** when notified by electronic means, or by another
///   means on a stated exception (a provision of law named, or the requester's request);
///   **Fail** by another means with no stated exception; **Unknown** when not notified yet —
///   nothing to notify yet, or not notified but Đ7.1 sets no time limit, so it is not a breach
///   the SDK can find.
/// - **Đ7.1.b, the caller's deadlines** (only for those given in `opts`): **Pass** met,
///   **Warning** missed (the deadline is the caller's, not Đ7.1's), **Unknown** not yet due.
///
/// A request received after `as_of` gives one **Unknown** finding.
pub fn check_request_with(
    r: &CitizenRequest,
    as_of: VnDateTime,
    opts: &RequestOptions,
) -> Vec<Finding> {
    let id = r.id();
    let Some(state) = r.state_at(as_of) else {
        return vec![finding(
            "a",
            QUOTE_RECEIVE_VI,
            Outcome::Unknown,
            format!(
                "Request {id}: received at {}, after {as_of}.",
                r.received_at()
            ),
            format!(
                "Yêu cầu {id}: nhận lúc {}, sau thời điểm đánh giá {}",
                datetime_vi(r.received_at()),
                datetime_vi(as_of)
            ),
            json!({ "request": id, "received_at": r.received_at(), "as_of": as_of }),
        )];
    };
    let taken: Vec<&RequestEvent> = r.history().iter().filter(|e| e.at() <= as_of).collect();
    let mut out = Vec::new();

    // Đ7.1.a: a refusal states its reason.
    if let Some((stage, at, reason)) = r.refusal().filter(|(_, at, _)| *at <= as_of) {
        let (stage_en, stage_vi) = match stage {
            RefusalStage::Receipt => ("refused to accept", stage.name_vi()),
            RefusalStage::Resolution => ("refused to resolve", stage.name_vi()),
        };
        let ev = json!({ "request": id, "stage": stage, "at": at, "reason": reason });
        let at_vi = datetime_vi(at);
        out.push(if reason.trim().is_empty() {
            finding(
                "a",
                QUOTE_REFUSAL_VI,
                Outcome::Fail,
                format!("Request {id}: {stage_en} at {at} without stating a reason; Đ7.1.a requires one."),
                format!("Yêu cầu {id}: {stage_vi} lúc {at_vi} nhưng không nêu lý do"),
                ev,
            )
        } else {
            finding(
                "a",
                QUOTE_REFUSAL_VI,
                Outcome::Pass,
                format!("Request {id}: {stage_en} at {at}, stating the reason «{reason}»."),
                format!("Yêu cầu {id}: {stage_vi} lúc {at_vi}, nêu rõ lý do «{reason}»"),
                ev,
            )
        });
    }

    // Đ7.1.c: the result (or the refusal) notified electronically, or on a stated exception.
    let notice = taken.iter().find_map(|e| match e {
        RequestEvent::Notified { at, means } => Some((*at, means)),
        _ => None,
    });
    let what_en = if r.refusal().is_some_and(|(_, at, _)| at <= as_of) {
        "the refusal"
    } else {
        "the result"
    };
    let what_vi = if what_en == "the refusal" {
        "việc từ chối và lý do"
    } else {
        "kết quả xử lý"
    };
    out.push(match notice {
        None => {
            let (en, vi) = match state {
                RequestState::Received | RequestState::Accepted => (
                    format!("Request {id}: {}; no result to notify yet (Đ7.1 sets no time limit).", state),
                    format!(
                        "Yêu cầu {id}: {}; chưa có kết quả để thông báo (khoản 1 Điều 7 không quy định thời hạn)",
                        state.name_vi()
                    ),
                ),
                _ => (
                    format!("Request {id}: {state}; {what_en} not notified yet (Đ7.1 sets no time limit, so this is not a failure).",),
                    format!(
                        "Yêu cầu {id}: {}; chưa thông báo {what_vi} (khoản 1 Điều 7 không quy định thời hạn thông báo)",
                        state.name_vi()
                    ),
                ),
            };
            finding(
                "c",
                QUOTE_NOTIFY_VI,
                Outcome::Unknown,
                en,
                vi,
                json!({ "request": id, "state": state, "missing": ["notified"] }),
            )
        }
        Some((at, means)) => {
            let ev = json!({ "request": id, "state": state, "at": at, "means": means });
            let at_vi = datetime_vi(at);
            match means {
                NotificationMeans::Electronic { via } => finding(
                    "c",
                    QUOTE_NOTIFY_VI,
                    Outcome::Pass,
                    format!("Request {id}: {what_en} notified by electronic means ({via}) at {at}."),
                    format!("Yêu cầu {id}: đã thông báo {what_vi} qua phương tiện điện tử ({via}) lúc {at_vi}"),
                    ev,
                ),
                NotificationMeans::Other {
                    via,
                    basis: Some(OtherMeansBasis::LawProvidesOtherwise { provision }),
                } if !provision.trim().is_empty() => finding(
                    "c",
                    QUOTE_NOTIFY_VI,
                    Outcome::Pass,
                    format!("Request {id}: {what_en} notified by another means ({via}) at {at}, as the law provides ({provision})."),
                    format!("Yêu cầu {id}: đã thông báo {what_vi} bằng phương thức khác ({via}) lúc {at_vi}, theo quy định của pháp luật ({provision})"),
                    ev,
                ),
                NotificationMeans::Other {
                    via,
                    basis: Some(OtherMeansBasis::RequesterAsked { .. }),
                } => finding(
                    "c",
                    QUOTE_NOTIFY_VI,
                    Outcome::Pass,
                    format!("Request {id}: {what_en} notified by another means ({via}) at {at}, at the requester's request."),
                    format!("Yêu cầu {id}: đã thông báo {what_vi} bằng phương thức khác ({via}) lúc {at_vi}, theo đề nghị của tổ chức, cá nhân có yêu cầu"),
                    ev,
                ),
                NotificationMeans::Other { via, .. } => finding(
                    "c",
                    QUOTE_NOTIFY_VI,
                    Outcome::Fail,
                    format!("Request {id}: {what_en} notified by another means ({via}) at {at} with no stated exception (a provision of law, or the requester's request); Đ7.1.c requires electronic means otherwise."),
                    format!("Yêu cầu {id}: thông báo {what_vi} bằng phương thức khác ({via}) lúc {at_vi} mà không nêu căn cứ (quy định của pháp luật hoặc đề nghị của tổ chức, cá nhân)"),
                    ev,
                ),
            }
        }
    });

    // The caller's deadlines (Đ7.1.b: its operating regulation), never the law's.
    let decided = taken.iter().find_map(|e| match e {
        RequestEvent::Resolved { at, .. } | RequestEvent::Refused { at, .. } => Some(*at),
        _ => None,
    });
    let deadlines = [
        (
            opts.decide_by,
            decided,
            "decided (resolved or refused)",
            "giải quyết hoặc từ chối",
        ),
        (
            opts.notify_by,
            notice.map(|(at, _)| at),
            "notified",
            "thông báo",
        ),
    ];
    for (due, done, en, vi) in deadlines {
        let Some(due) = due else { continue };
        let ev = json!({ "request": id, "due": due, "done": done, "callers_deadline": true });
        let due_vi = datetime_vi(due);
        let (outcome, m_en, m_vi) = match done {
            Some(at) if at <= due => (
                Outcome::Pass,
                format!("Request {id}: {en} at {at}, by the caller's deadline {due}."),
                format!("Yêu cầu {id}: đã {vi} lúc {}, trong thời hạn {due_vi} do cơ quan tự đặt", datetime_vi(at)),
            ),
            Some(at) => (
                Outcome::Warning,
                format!("Request {id}: {en} at {at}, after the caller's deadline {due} (a deadline of the caller's regulation, not of Đ7.1)."),
                format!("Yêu cầu {id}: {vi} lúc {}, quá thời hạn {due_vi} do cơ quan tự đặt (khoản 1 Điều 7 không quy định thời hạn)", datetime_vi(at)),
            ),
            None if as_of > due => (
                Outcome::Warning,
                format!("Request {id}: not {en} by the caller's deadline {due} (a deadline of the caller's regulation, not of Đ7.1)."),
                format!("Yêu cầu {id}: chưa {vi}, đã quá thời hạn {due_vi} do cơ quan tự đặt (khoản 1 Điều 7 không quy định thời hạn)"),
            ),
            None => (
                Outcome::Unknown,
                format!("Request {id}: not {en} yet; the caller's deadline {due} has not passed."),
                format!("Yêu cầu {id}: chưa {vi}; chưa đến thời hạn {due_vi} do cơ quan tự đặt"),
            ),
        };
        out.push(finding("b", QUOTE_REGULATION_VI, outcome, m_en, m_vi, ev));
    }
    out
}
