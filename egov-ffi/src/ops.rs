//! The operations every binding exposes, in safe Rust: typed arguments in, the crates' JSON
//! (serde) form out, errors as [`OpError`] carrying the library's stable
//! [`egov_core::ErrorCode`] string.
//!
//! The C exports in the crate root and the Python module (`egov-python`) are thin wrappers over
//! these functions, and [`call`] dispatches an operation by name with JSON arguments: the entry
//! point of the shared test vectors (`testdata/vectors/`), so every surface runs the same code.
//! No rule of law lives here: each function drives the domain crates the way `egov-cli` does and
//! mirrors its JSON shapes.
#![forbid(unsafe_code)]

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime};
use egov_core::{ErrorCode, Outcome, VnDateTime, WorkingCalendar};
use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::deadline::{judge_send, send_deadline, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::legal_value::{
    check_channel, legal_value, paper_copy_required, ChannelFacts, PaperCopyCase, PaperCopyPolicy,
};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::number::DocNumber;
use egov_docs::registry::{AgencyRegistry, InMemoryRegistry};
use egov_docs::status::{
    from_edxml_code, ProcessingStatus, SenderEvent, SenderStatus, StatusEvent, StatusTracker,
};
use egov_docs::urgency::Urgency;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::EgovResult;

/// The largest string argument (in bytes) any operation accepts: 4 MiB. Larger input is
/// [`EgovResult::InputTooLarge`] before any parsing.
pub const EGOV_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The largest page image, and the largest content a conversion mark's hash covers (a scan, a
/// PDF), in bytes: 64 MiB, room for a 12-Mpx phone photo or a multi-page scan. Larger input is [`EgovResult::InputTooLarge`] before any
/// decoding (the pixel count is limited again from the image header).
pub const EGOV_MAX_IMAGE_BYTES: usize = 64 * 1024 * 1024;

/// Why an operation failed: a result code, the stable error code string and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpError {
    /// The C result code.
    pub result: EgovResult,
    /// The stable error code (`agency_code.group_length`, `ffi.null_argument`, …).
    pub code: Cow<'static, str>,
    /// A human-readable message (may be reworded between releases).
    pub message: String,
}

impl OpError {
    /// An error of the binding layer itself (not a domain error).
    pub fn new(result: EgovResult, code: &'static str, message: impl Into<String>) -> Self {
        OpError {
            result,
            code: Cow::Borrowed(code),
            message: message.into(),
        }
    }

    /// A domain error: result [`EgovResult::InvalidInput`], the error's own code and message.
    pub fn domain<E: ErrorCode + std::fmt::Display>(err: &E) -> Self {
        OpError {
            result: EgovResult::InvalidInput,
            code: Cow::Borrowed(err.code()),
            message: err.to_string(),
        }
    }
}

/// The result of every operation.
pub type OpResult<T = Value> = Result<T, OpError>;

fn dom<E: ErrorCode + std::fmt::Display>(err: E) -> OpError {
    OpError::domain(&err)
}

/// Strings and byte buffers alike: at most [`EGOV_MAX_INPUT_BYTES`], else
/// [`EgovResult::InputTooLarge`] naming `what`.
pub(crate) fn check_len(what: &str, s: impl AsRef<[u8]>) -> OpResult<()> {
    check_size(what, s.as_ref().len())
}

/// [`check_len`] on a length alone (for a C buffer before it is borrowed).
pub(crate) fn check_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_INPUT_BYTES)
}

fn check_limit(what: &str, len: usize, max: usize) -> OpResult<()> {
    if len > max {
        return Err(OpError::new(
            EgovResult::InputTooLarge,
            "ffi.input_too_large",
            format!("{what} is {len} bytes long; at most {max} are accepted"),
        ));
    }
    Ok(())
}

/// A page image: at most [`EGOV_MAX_IMAGE_BYTES`], else [`EgovResult::InputTooLarge`].
pub(crate) fn check_image_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_IMAGE_BYTES)
}

/// Parses a JSON argument into `T` (size-checked first).
pub fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> OpResult<T> {
    check_len(what, text)?;
    serde_json::from_str(text).map_err(|e| {
        OpError::new(
            EgovResult::InvalidJson,
            "ffi.invalid_json",
            format!("{what} is not valid JSON of the expected shape: {e}"),
        )
    })
}

fn to_value<T: serde::Serialize>(v: &T) -> OpResult {
    serde_json::to_value(v).map_err(|e| {
        OpError::new(
            EgovResult::Internal,
            "ffi.serialize",
            format!("cannot serialise the result: {e}"),
        )
    })
}

/// Parses a `YYYY-MM-DD` date (error code `date.invalid`, as the CLI).
pub fn parse_date(input: &str) -> OpResult<NaiveDate> {
    check_len("date", input)?;
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| {
        OpError::new(
            EgovResult::InvalidInput,
            "date.invalid",
            format!("'{}' is not a date (expected YYYY-MM-DD)", clip(input)),
        )
    })
}

/// Parses a timestamp: with an offset, or (when `local`) read as Vietnam local time.
pub fn parse_time(input: &str, local: bool) -> OpResult<VnDateTime> {
    check_len("timestamp", input)?;
    if local {
        VnDateTime::parse_local(input)
    } else {
        VnDateTime::parse(input)
    }
    .map_err(dom)
}

/// At most 64 characters of `s` for messages, so huge input never makes huge messages.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Time and calendar (egov-core)
// ---------------------------------------------------------------------------------------------

/// `time.parse`: `{"datetime": "…+07:00", "unix_seconds": n}` (CORE-01).
pub fn time_parse(input: &str, local: bool) -> OpResult {
    let t = parse_time(input, local)?;
    Ok(json!({ "datetime": t, "unix_seconds": t.unix_seconds() }))
}

/// The built-in Vietnamese calendar, built once per process (building it takes about 40 µs).
pub fn builtin_calendar() -> &'static WorkingCalendar {
    static CALENDAR: std::sync::OnceLock<WorkingCalendar> = std::sync::OnceLock::new();
    CALENDAR.get_or_init(WorkingCalendar::vietnam)
}

/// Reads a calendar from its JSON form (`calendar.invalid_table` on error).
pub fn calendar_from_json(text: &str) -> OpResult<WorkingCalendar> {
    check_len("calendar", text)?;
    WorkingCalendar::from_json(text).map_err(dom)
}

/// `calendar.day`: the kind of `date` and the next working day, as `egov workday --json`.
pub fn calendar_day(cal: &WorkingCalendar, date: &str) -> OpResult {
    let day = parse_date(date)?;
    let kind = cal.day_kind(day);
    let next = cal.next_working_day(day).map_err(dom)?;
    Ok(json!({
        "date": day,
        "is_working_day": kind.is_working(),
        "day_kind": kind,
        "next_working_day": next,
        "calendar": cal.name,
        "calendar_covers_date": cal.covers(day),
    }))
}

/// Whether `date` is a working day.
pub fn calendar_is_working_day(cal: &WorkingCalendar, date: &str) -> OpResult<bool> {
    Ok(cal.is_working_day(parse_date(date)?))
}

/// The first working day after `date`.
pub fn calendar_next_working_day(cal: &WorkingCalendar, date: &str) -> OpResult<NaiveDate> {
    cal.next_working_day(parse_date(date)?).map_err(dom)
}

/// `date` plus `days` working days.
pub fn calendar_add_working_days(
    cal: &WorkingCalendar,
    date: &str,
    days: u32,
) -> OpResult<NaiveDate> {
    cal.add_working_days(parse_date(date)?, days).map_err(dom)
}

// ---------------------------------------------------------------------------------------------
// Agency codes and registry
// ---------------------------------------------------------------------------------------------

fn profile(lenient: bool) -> AgencyProfile {
    if lenient {
        AgencyProfile::LENIENT
    } else {
        AgencyProfile::STRICT
    }
}

/// Parses an agency code (strict QCVN 102 profile, or lenient).
pub fn agency_code(input: &str, lenient: bool) -> OpResult<AgencyCode> {
    check_len("agency code", input)?;
    AgencyCode::parse_with(input, profile(lenient))
        .map(|p| p.value)
        .map_err(dom)
}

/// `agency.parse`: code, level, parent, root, groups and findings, as `egov code --json`.
pub fn agency_parse(input: &str, lenient: bool) -> OpResult {
    check_len("agency code", input)?;
    let parsed = AgencyCode::parse_with(input, profile(lenient)).map_err(dom)?;
    let code = parsed.value;
    let mut findings = parsed.findings();
    findings.extend(code.check());
    to_value(&code.view(findings))
}

/// `agency.is_ancestor_of`: whether `ancestor` is a strict ancestor of `descendant` (strict
/// profile for both).
pub fn agency_is_ancestor_of(ancestor: &str, descendant: &str) -> OpResult<bool> {
    Ok(agency_code(ancestor, false)?.is_ancestor_of(&agency_code(descendant, false)?))
}

/// `agency.registry_check`: the registry status of `code` on `as_of` and its finding (DOC-04).
/// `registry` is the registry's JSON form, or CSV when it does not start with `{`.
pub fn agency_registry_check(code: &str, registry: &str, as_of: &str) -> OpResult {
    let code = agency_code(code, false)?;
    check_len("registry", registry)?;
    let reg = if registry.trim_start().starts_with('{') {
        InMemoryRegistry::from_json(registry)
    } else {
        InMemoryRegistry::from_csv(registry)
    }
    .map_err(dom)?;
    let on = parse_date(as_of)?;
    Ok(json!({
        "code": code,
        "as_of": on,
        "status": reg.lookup(&code, on),
        "finding": reg.check(&code, on),
    }))
}

// ---------------------------------------------------------------------------------------------
// Document identifiers, numbers, urgency
// ---------------------------------------------------------------------------------------------

/// `document_id.parse`: an edXML document identifier, as `egov docid --json`.
pub fn document_id_parse(input: &str) -> OpResult {
    check_len("document id", input)?;
    let parsed = EdxmlDocumentId::parse(input).map_err(dom)?;
    let id = &parsed.value;
    let mut findings = parsed.findings();
    findings.extend(id.check_consistency(&EdxmlContext::default()).findings);
    to_value(&id.view(findings))
}

/// `number.parse`: a document number «số và ký hiệu», as `egov docnum --json`.
pub fn number_parse(input: &str) -> OpResult {
    check_len("document number", input)?;
    let parsed = DocNumber::parse(input).map_err(dom)?;
    to_value(&parsed.value.view(parsed.findings()))
}

/// `urgency.parse`: field k (DOC-12). `urgency` is `null` for "not urgent".
pub fn urgency_parse(input: &str) -> OpResult {
    check_len("urgency", input)?;
    let u = Urgency::parse_optional(input).map_err(dom)?;
    Ok(json!({
        "urgency": u,
        "name_vi": u.map(Urgency::name_vi),
        "name_en": u.map(Urgency::name_en),
        "edxml_priority": egov_docs::urgency::edxml_priority(u),
    }))
}

// ---------------------------------------------------------------------------------------------
// Processing status
// ---------------------------------------------------------------------------------------------

/// Parses a processing status (any accepted spelling).
pub fn status_parse(input: &str) -> OpResult<ProcessingStatus> {
    check_len("status", input)?;
    ProcessingStatus::parse(input).map_err(dom)
}

/// `status.apply`: one transition from `from` (DOC-22, DOC-27…30). `event` is the event's JSON
/// form (`{"event": "reject", "reason": "…"}`).
pub fn status_apply(from: &str, event: &str, at: &str) -> OpResult {
    let from = status_parse(from)?;
    let event: StatusEvent = from_json("event", event)?;
    let at = parse_time(at, false)?;
    to_value(&from.apply(event, at).map_err(dom)?)
}

/// `status.from_edxml`: an edXML StatusCode (`01`…`16`) with its state and event.
pub fn status_from_edxml(code: &str) -> OpResult {
    check_len("edXML status code", code)?;
    let s = from_edxml_code(code).map_err(dom)?;
    Ok(json!({ "code": s.code(), "status": s.state(), "event": s.event() }))
}

/// `status.sender_apply`: one sender-side step (DOC-25). Both arguments are snake_case names
/// (`draft`, `approve`).
pub fn sender_apply(from: &str, event: &str) -> OpResult {
    let from: SenderStatus = from_json("sender status", &json!(from).to_string())?;
    let event: SenderEvent = from_json("sender event", &json!(event).to_string())?;
    let to = from.apply(event).map_err(dom)?;
    Ok(json!({ "status": to, "may_send": to.may_send() }))
}

/// A new status tracker for a document that arrived at `receiver` at `arrived_at`.
pub fn tracker_new(receiver: &str, arrived_at: &str) -> OpResult<StatusTracker> {
    check_len("receiver", receiver)?;
    Ok(StatusTracker::new(receiver, parse_time(arrived_at, false)?))
}

/// Records `event` (JSON) at `at` on `tracker` and returns the transition.
pub fn tracker_record(tracker: &mut StatusTracker, event: &str, at: &str) -> OpResult {
    let event: StatusEvent = from_json("event", event)?;
    let at = parse_time(at, false)?;
    to_value(tracker.record(event, at).map_err(dom)?)
}

/// Reads a tracker from its JSON form (the history is replayed and checked).
pub fn tracker_from_json(text: &str) -> OpResult<StatusTracker> {
    check_len("tracker", text)?;
    serde_json::from_str(text).map_err(|e| {
        OpError::new(
            EgovResult::InvalidInput,
            "status.invalid_history",
            format!("not a valid status tracker: {e}"),
        )
    })
}

/// `status.replay`: records `events` (`[{"event": {...}, "at": "…"}]`) on a new tracker and
/// returns the tracker's JSON form; the first refused event is the error.
pub fn status_replay(receiver: &str, arrived_at: &str, events: &Value) -> OpResult {
    let mut tracker = tracker_new(receiver, arrived_at)?;
    let steps = events
        .as_array()
        .ok_or_else(|| bad_args("events must be an array"))?;
    for step in steps {
        let event = step.get("event").cloned().unwrap_or(Value::Null);
        let event: StatusEvent =
            serde_json::from_value(event).map_err(|e| bad_args(format!("invalid event: {e}")))?;
        let at = parse_time(str_arg(step, "at")?, false)?;
        tracker.record(event, at).map_err(dom)?;
    }
    to_value(&tracker)
}

// ---------------------------------------------------------------------------------------------
// Deadlines, legal value, metadata
// ---------------------------------------------------------------------------------------------

/// The arguments of [`deadline`]: the JSON request of `egov_deadline`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeadlineRequest {
    /// Signing time with offset, or a date `YYYY-MM-DD` (then end of that day, A-06).
    pub signed: String,
    /// Urgency (field k); absent or a "not urgent" spelling means not urgent.
    pub urgency: Option<String>,
    /// When the document was sent: adds a judgement (DOC-19/21).
    pub sent: Option<String>,
    /// Read timestamps without an offset as Vietnam local time.
    pub local: bool,
    /// The policy; defaults when absent.
    pub policy: Option<SendDeadlinePolicy>,
    /// The end of the morning `HH:MM`, a shortcut for `policy.morning_end`.
    pub morning_end: Option<String>,
}

/// The answer of [`deadline`].
#[derive(serde::Serialize)]
struct DeadlineAnswer {
    deadline: egov_docs::deadline::SendDeadline,
    #[serde(skip_serializing_if = "Option::is_none")]
    judgement: Option<egov_core::Finding>,
}

/// The answer of [`metadata_validate`].
#[derive(serde::Serialize)]
struct MetadataAnswer {
    overall: Outcome,
    findings: Vec<egov_core::Finding>,
}

/// Serialises straight to JSON text: for the rich results, building a `Value` first would cost
/// more than the computation.
fn to_text<T: serde::Serialize>(v: &T) -> OpResult<String> {
    serde_json::to_string(v).map_err(|e| {
        OpError::new(
            EgovResult::Internal,
            "ffi.serialize",
            format!("cannot serialise the result: {e}"),
        )
    })
}

fn parse_text(text: &str) -> OpResult {
    serde_json::from_str(text).map_err(|e| {
        OpError::new(
            EgovResult::Internal,
            "ffi.serialize",
            format!("cannot read back the result: {e}"),
        )
    })
}

/// `deadline.compute`: the send deadline and, when `sent` is given, the judgement, as JSON text
/// in the shape of `egov deadline --json` (`{"deadline": …, "judgement": …}`).
pub fn deadline(req: &DeadlineRequest, cal: &WorkingCalendar) -> OpResult<String> {
    let mut policy = req.policy.unwrap_or_default();
    if let Some(m) = &req.morning_end {
        policy.morning_end = NaiveTime::parse_from_str(m.trim(), "%H:%M").map_err(|_| {
            OpError::new(
                EgovResult::InvalidInput,
                "time.invalid",
                format!("morning_end '{}' is not a time of day (HH:MM)", clip(m)),
            )
        })?;
    }
    let urgency = match &req.urgency {
        Some(u) => {
            check_len("urgency", u)?;
            Urgency::parse_optional(u).map_err(dom)?
        }
        None => None,
    };
    check_len("signed", &req.signed)?;
    let signed = req.signed.trim();
    let d = match NaiveDate::parse_from_str(signed, "%Y-%m-%d") {
        Ok(date) => send_deadline_from_date(date, urgency, cal, &policy),
        Err(_) => send_deadline(parse_time(signed, req.local)?, urgency, cal, &policy),
    }
    .map_err(dom)?;
    let judgement = match &req.sent {
        Some(sent) => Some(judge_send(&d, parse_time(sent.trim(), req.local)?)),
        None => None,
    };
    to_text(&DeadlineAnswer {
        deadline: d,
        judgement,
    })
}

/// `legal_value.assess`: the legal value of an e-document (DOC-14).
pub fn legal_value_assess(digitally_signed_per_law: bool, sent_via_system: bool) -> OpResult {
    to_value(&legal_value(digitally_signed_per_law, sent_via_system))
}

/// `legal_value.paper_copy`: whether paper goes with the e-document (DOC-17). `policy` may be
/// `None` (no agency list).
pub fn paper_copy(case: &str, policy: Option<&str>) -> OpResult {
    let case: PaperCopyCase = from_json("case", case)?;
    let policy: PaperCopyPolicy = match policy {
        Some(p) => from_json("policy", p)?,
        None => PaperCopyPolicy::default(),
    };
    to_value(&paper_copy_required(&case, &policy))
}

/// `legal_value.channel`: the channel obligation (DOC-16).
pub fn channel(facts: &str) -> OpResult {
    let facts: ChannelFacts = from_json("facts", facts)?;
    to_value(&check_channel(&facts))
}

/// `metadata.validate`: validates a record a)–q) (DOC-10); JSON text in the shape of
/// `egov metadata --json` (`{"overall": …, "findings": […]}`). `policy` may be `None` (the
/// default policy, A-05).
pub fn metadata_validate(record: &str, policy: Option<&str>) -> OpResult<String> {
    check_len("metadata record", record)?;
    let record = DocumentMetadata::from_json(record).map_err(dom)?;
    let policy: MetadataPolicy = match policy {
        Some(p) => from_json("policy", p)?,
        None => MetadataPolicy::default(),
    };
    let report = record.validate(&policy);
    to_text(&MetadataAnswer {
        overall: report.overall(),
        findings: report.findings,
    })
}

// ---------------------------------------------------------------------------------------------
// Conversion marks (egov-conversion)
// ---------------------------------------------------------------------------------------------

/// Decodes hex (either case, even length) into bytes; `ffi.invalid_hex` otherwise.
pub fn decode_hex(what: &str, s: &str) -> OpResult<Vec<u8>> {
    check_len(what, s)?;
    let s = s.trim().as_bytes();
    let bad = || {
        OpError::new(
            EgovResult::InvalidInput,
            "ffi.invalid_hex",
            format!("{what} is not hexadecimal (an even number of 0-9a-f digits)"),
        )
    };
    if !s.len().is_multiple_of(2) {
        return Err(bad());
    }
    s.chunks(2)
        .map(|pair| {
            let v = |c: u8| char::from(c).to_digit(16);
            match pair {
                [a, b] => match (v(*a), v(*b)) {
                    (Some(hi), Some(lo)) => u8::try_from(hi * 16 + lo).map_err(|_| bad()),
                    _ => Err(bad()),
                },
                _ => Err(bad()),
            }
        })
        .collect()
}

/// `conversion.validate`: the findings on a conversion mark (CONV-03…15), JSON text
/// `{"overall": …, "findings": […]}`. `mark` is the mark's JSON form.
pub fn conversion_validate(mark: &str) -> OpResult<String> {
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let report = egov_conversion::validate(&mark);
    to_text(&MetadataAnswer {
        overall: report.overall(),
        findings: report.findings,
    })
}

/// `conversion.make`: makes a mark from the JSON form of `egov_conversion::mark::MarkRequest`
/// (`direction`, `profile`, `converted_at`, `converter_full_name`, `source_system`,
/// `mark_text` or `wording`, `extensions`), the text mark from the SDK wording unless
/// given, and validates it (CONV-02…15): `{"mark": {...}, "overall", "findings"}`.
pub fn conversion_make(request: &str) -> OpResult<String> {
    let mark = from_json::<egov_conversion::mark::MarkRequest>("mark request", request)?.make();
    let report = egov_conversion::validate(&mark);
    to_text(&json!({ "mark": mark, "overall": report.overall(), "findings": report.findings }))
}

/// `conversion.check_system`: a conversion system against the capability lists of
/// NĐ 137/2024 Đ4.2 and Đ5.3 (CONV-07, CONV-16) and the Đ23 transition deadline (CONV-21; A-17:
/// 24 months after `effective_date`, default 2024-10-23, rolled to the next working day of
/// `calendar`), judged at `now` when given: `{"overall", "findings", "transition_deadline",
/// "transition"}` (`transition` is null without `now`).
pub fn conversion_check_system(
    system: &str,
    now: Option<&str>,
    effective_date: Option<&str>,
    calendar: &WorkingCalendar,
) -> OpResult<String> {
    use egov_conversion::capability::{
        check_capabilities, check_transition, default_effective_date, transition_deadline,
        SystemAssessment,
    };
    let system: SystemAssessment = from_json("system", system)?;
    let effective = match effective_date {
        Some(d) => parse_date(d)?,
        None => default_effective_date(),
    };
    let now = now.map(|t| parse_time(t, false)).transpose()?;
    let report = check_capabilities(&system);
    let deadline = transition_deadline(effective, Some(calendar)).map_err(dom)?;
    let transition = now.map(|t| check_transition(&report, &deadline, t));
    to_text(&json!({
        "overall": report.overall(),
        "findings": report.findings,
        "transition_deadline": deadline,
        "transition": transition,
    }))
}

/// `conversion.sign`: signs `mark` (JSON form) over the SHA-256 of `content` with the Ed25519
/// key whose 32-byte seed is `secret_key_hex`; `options` is the JSON form of
/// `PayloadOptions` (`lookup_url`, `limits`) or `None`. JSON text with `qr_text`, `qr_version`,
/// `key_id`, `public_key`, `content_sha256` (hex) and the signed (normalised) `mark`.
pub fn conversion_sign(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<String> {
    use egov_conversion::payload::hex;
    let options: egov_conversion::payload::PayloadOptions = match options {
        Some(o) => from_json("options", o)?,
        None => Default::default(),
    };
    let signed = sign_content(mark, content, secret_key_hex, &options)?;
    to_text(&json!({
        "qr_text": signed.qr_text,
        "qr_version": signed.qr_version,
        "key_id": signed.key_id(),
        "public_key": hex(&signed.public_key),
        "content_sha256": hex(&signed.content_sha256),
        "lookup_url": signed.lookup_url,
        "mark": signed.mark,
    }))
}

/// Reads `mark` (JSON form) and the key, and signs the mark over the SHA-256 of `content`: the
/// one signing path of [`conversion_sign`], [`conversion_stamp_page`] and
/// [`conversion_render_mark`].
fn sign_content(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: &egov_conversion::payload::PayloadOptions,
) -> OpResult<egov_conversion::SignedMark> {
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let key = signing_key(secret_key_hex)?;
    check_image_size("content", content.len())?;
    let digest = egov_conversion::payload::content_digest(content);
    egov_conversion::sign(&mark, &digest, &key, options).map_err(dom)
}

/// `conversion.verify`: the verification ladder of a QR text against a trust set (JSON form
/// `{"keys": [...]}`), comparing the content hash when `content` is given. JSON text of the
/// library's `Verification` plus `"verified": bool`.
pub fn conversion_verify(qr_text: &str, trust: &str, content: Option<&[u8]>) -> OpResult<String> {
    check_len("QR text", qr_text)?;
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    if content.is_some_and(|c| c.len() > EGOV_MAX_IMAGE_BYTES) {
        return Err(OpError::new(
            EgovResult::InputTooLarge,
            "ffi.input_too_large",
            format!("content is larger than {EGOV_MAX_IMAGE_BYTES} bytes"),
        ));
    }
    let v = egov_conversion::verify(qr_text, &trust, content);
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// The Ed25519 signing key from its 32-byte seed in hex.
fn signing_key(secret_key_hex: &str) -> OpResult<egov_conversion::SigningKey> {
    check_len("secret key", secret_key_hex)?;
    let seed: [u8; 32] = egov_conversion::payload::parse_hex(secret_key_hex).ok_or_else(|| {
        OpError::new(
            EgovResult::InvalidInput,
            "ffi.invalid_key",
            "the secret key must be 64 hex digits (a 32-byte Ed25519 seed)",
        )
    })?;
    Ok(egov_conversion::SigningKey::from_bytes(&seed))
}

/// Options of [`conversion_stamp_page`] and [`conversion_render_mark`] as JSON, every member
/// optional: `{"payload": {"lookup_url", "limits"}, "stamp": {"render": {"dpi", "module_mm",
/// "text_width_mm", "title_pt", "text_pt"}, "position": {"at": "auto" | "top_right" |
/// "top_left" | "bottom_right" | "bottom_left" | "millimetres", "x", "y"}, "margin_mm",
/// "cover_threshold", "force"}}`
/// (the library's `PayloadOptions` and `StampOptions`; `render_mark` uses `stamp.render`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkImageOptions {
    /// How the payload is signed (lookup URL, size limits).
    pub payload: egov_conversion::payload::PayloadOptions,
    /// Where and how large the block is drawn.
    pub stamp: egov_conversion::render::StampOptions,
}

fn sign_for_image(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(egov_conversion::SignedMark, MarkImageOptions)> {
    let options: MarkImageOptions = match options {
        Some(o) => from_json("options", o)?,
        None => MarkImageOptions::default(),
    };
    let signed = sign_content(mark, content, secret_key_hex, &options.payload)?;
    Ok((signed, options))
}

/// `conversion.stamp_page`: signs `mark` over `content` (the page itself when `None`) and
/// stamps the QR and text block onto the page image (PNG or JPEG in, same format out), with
/// [`MarkImageOptions`] (default: no lookup URL, 300 dpi, a blank area found automatically,
/// 8 mm margin; covering content is `render.covers_content` unless `force`). Returns the
/// stamped image and JSON text `{"format", "rect", "covered_dark_fraction", "printed",
/// "findings", "qr_text", "key_id"}`.
pub fn conversion_stamp_page(
    page: &[u8],
    mark: &str,
    content: Option<&[u8]>,
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    check_image_size("page", page.len())?;
    let (signed, options) = sign_for_image(mark, content.unwrap_or(page), secret_key_hex, options)?;
    let stamped = egov_conversion::render::stamp(page, &signed, &options.stamp).map_err(dom)?;
    let meta = to_text(&json!({
        "format": stamped.format,
        "rect": stamped.rect,
        "covered_dark_fraction": stamped.covered_dark_fraction,
        "printed": stamped.printed,
        "findings": stamped.findings,
        "qr_text": signed.qr_text,
        "key_id": signed.key_id(),
    }))?;
    Ok((stamped.image, meta))
}

/// `conversion.render_mark`: signs `mark` over `content` and renders the mark block alone (QR
/// and text, CONV-03 / CONV-12) as a greyscale PNG, to place on a page or a PDF yourself, sized
/// by `stamp.render` of [`MarkImageOptions`]. Returns the PNG and JSON text `{"width",
/// "height", "dpi", "qr_text", "qr_version", "key_id"}`.
pub fn conversion_render_mark(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    use egov_conversion::render::{encode_png, render_mark};
    let (signed, options) = sign_for_image(mark, content, secret_key_hex, options)?;
    let block = render_mark(&signed, &options.stamp.render).map_err(dom)?;
    let png = encode_png(&block).map_err(dom)?;
    let meta = to_text(&json!({
        "width": block.width(),
        "height": block.height(),
        "dpi": options.stamp.render.dpi,
        "qr_text": signed.qr_text,
        "qr_version": signed.qr_version,
        "key_id": signed.key_id(),
    }))?;
    Ok((png, meta))
}

/// `conversion.verify_page`: finds every conversion mark's QR code on a page image (PNG, JPEG
/// or a TIFF's first page), in any orientation, and verifies each against `trust` (JSON
/// form), comparing `content` when given. JSON text of the library's `PageVerification`
/// (`verdict`, `marks` with their `printed_lines`, the best mark's `verification`, …) plus
/// `"verified": bool` (the verdict is `verified`: two different marks on a page are not).
pub fn conversion_verify_page(
    image: &[u8],
    trust: &str,
    content: Option<&[u8]>,
) -> OpResult<String> {
    check_image_size("image", image.len())?;
    if let Some(c) = content {
        check_image_size("content", c.len())?;
    }
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    let v = egov_conversion::scan::verify_page_bytes(image, &trust, content).map_err(dom)?;
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// `conversion.verify_document`: every page of a document (page images in order, each PNG,
/// JPEG or TIFF, a multi-page TIFF contributing all its pages) searched for conversion marks;
/// says which page carries the mark. JSON text of the library's `DocumentVerification`
/// (`verdict`, `mark_page`, `pages_with_marks`, `best`, `pages` with each page's result or
/// error code) plus `"verified": bool`. A page without a mark is reported in `pages`, not an
/// error; no page at all is `image.no_pages`.
pub fn conversion_verify_document(
    images: &[&[u8]],
    trust: &str,
    content: Option<&[u8]>,
) -> OpResult<String> {
    for i in images {
        check_image_size("image", i.len())?;
    }
    if let Some(c) = content {
        check_image_size("content", c.len())?;
    }
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    let v = egov_conversion::scan::verify_files(images, &trust, content).map_err(dom)?;
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// Content bytes from `content_hex` (hex) or `content_text` (UTF-8 text), if either is given.
fn content_arg(args: &Value) -> OpResult<Option<Vec<u8>>> {
    match (args.get("content_hex"), args.get("content_text")) {
        (Some(Value::String(h)), _) => decode_hex("content_hex", h).map(Some),
        (_, Some(Value::String(t))) => Ok(Some(t.as_bytes().to_vec())),
        (None | Some(Value::Null), None | Some(Value::Null)) => Ok(None),
        _ => Err(bad_args("content_hex / content_text must be strings")),
    }
}

// ---------------------------------------------------------------------------------------------
// Platform classes (egov-platform-class)
// ---------------------------------------------------------------------------------------------

/// The arguments of [`platform_classify`]: the JSON request of `egov_platform_classify`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    /// Monthly counts `[{"month": "2025-01", "active_users": n}]`.
    pub monthly: Vec<egov_platform_class::MonthlyCount>,
    /// The population: a number (provenance "not stated", published on the determination
    /// date) or the library's `Population` object (value, kind, reference, publisher, …).
    pub population: Value,
    /// The determination date `YYYY-MM-DD`.
    pub date: String,
    /// Where the counts come from (`{"kind": "self_measured"}`, the default).
    #[serde(default)]
    pub source: Option<egov_platform_class::UserCountSource>,
    /// The thresholds (default: NĐ 137/2024, 3 % and 10 %).
    #[serde(default)]
    pub thresholds: Option<egov_platform_class::Thresholds>,
    /// The intermediary attestation (`attested`, `not_intermediary`, default `not_attested`).
    #[serde(default)]
    pub intermediary: Option<egov_platform_class::Intermediary>,
}

impl ClassifyRequest {
    /// The classification input and the determination date of the request: the one place that
    /// reads a request (shared by [`platform_classify`] and [`platform_report`]). A bare number
    /// as `population` has provenance "not stated" and is published on the determination date.
    pub fn into_input(self) -> OpResult<(egov_platform_class::ClassificationInput, NaiveDate)> {
        use egov_platform_class::{ClassificationInput, Population, PopulationKind};
        let date = parse_date(&self.date)?;
        let population = match &self.population {
            Value::Number(n) => {
                let value = n
                    .as_u64()
                    .ok_or_else(|| bad_args("population must be a non-negative integer"))?;
                Population::new(
                    value,
                    PopulationKind::Average,
                    "not stated",
                    "not stated",
                    date,
                )
            }
            v => serde_json::from_value(v.clone())
                .map_err(|e| bad_args(format!("invalid population: {e}")))?,
        };
        let mut input = ClassificationInput::new(
            self.monthly,
            self.source
                .unwrap_or(egov_platform_class::UserCountSource::SelfMeasured),
        );
        input.population = population;
        if let Some(t) = self.thresholds {
            input.thresholds = t;
        }
        if let Some(i) = self.intermediary {
            input.intermediary = i;
        }
        Ok((input, date))
    }
}

/// `platform.classify`: the size class on the request's date (PLAT-02…06), the library's
/// `Classification` JSON; too few months is the error `platform.insufficient_history`.
pub fn platform_classify(request: &str) -> OpResult<String> {
    let req: ClassifyRequest = from_json("classification request", request)?;
    let (input, date) = req.into_input()?;
    to_text(&egov_platform_class::classify(&input, date).map_err(dom)?)
}

/// One activity event in JSON: `user` an integer (used as is) or a string (hashed), `at` Unix
/// seconds or a timestamp with an offset, `kind` (default `login`), `in_vietnam` (default true).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EventJson {
    user: Value,
    at: Value,
    #[serde(default)]
    kind: Option<egov_platform_class::ActivityKind>,
    #[serde(default)]
    in_vietnam: Option<bool>,
}

/// Parses events (a JSON array of `{"user", "at", "kind"?, "in_vietnam"?}`).
pub fn events_from_json(events: &str) -> OpResult<Vec<egov_platform_class::ActivityEvent>> {
    use egov_platform_class::{ActivityEvent, ActivityKind, UserKey};
    let raw: Vec<EventJson> = from_json("events", events)?;
    raw.into_iter()
        .map(|e| {
            let user = match &e.user {
                Value::Number(n) => n
                    .as_u64()
                    .map(UserKey::from_int)
                    .ok_or_else(|| bad_args("user must be a non-negative integer or a string"))?,
                Value::String(s) => UserKey::from_str_id(s),
                _ => return Err(bad_args("user must be a non-negative integer or a string")),
            };
            let at = match &e.at {
                Value::Number(n) => n
                    .as_i64()
                    .ok_or_else(|| bad_args("at must be Unix seconds or a timestamp"))?,
                Value::String(s) => parse_time(s, false)?.unix_seconds(),
                _ => return Err(bad_args("at must be Unix seconds or a timestamp")),
            };
            Ok(ActivityEvent {
                user,
                at,
                kind: e.kind.unwrap_or(ActivityKind::Login),
                in_vietnam: e.in_vietnam.unwrap_or(true),
            })
        })
        .collect()
}

/// Adds events (JSON array, see [`events_from_json`]) to `counter`; all or nothing.
pub fn counter_add_json(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    events: &str,
) -> OpResult<()> {
    let events = events_from_json(events)?;
    counter.add_batch(&events);
    Ok(())
}

/// The months of `counter` with their distinct active users, and the event accounting:
/// `{"months": [{"month", "active_users", "events"}], "stats": {…}}`.
pub fn counter_months(counter: &egov_platform_class::MonthlyActiveCounter) -> OpResult<String> {
    to_text(&json!({ "months": counter.months(), "stats": counter.stats() }))
}

/// Feeds a block of activity CSV (`user_id,timestamp,kind,in_vietnam`, see
/// `egov_platform_class::csv`) to `reader` and adds the events of its complete lines to
/// `counter` (PLAT-01, PLAT-02). Blocks may split lines anywhere: a partial last line waits for
/// the next block or [`counter_finish_csv`]. Malformed lines are counted by reason, not dropped
/// silently.
pub fn counter_feed_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
    block: &[u8],
) -> OpResult<()> {
    check_len("CSV block", block)?;
    let mut events = Vec::new();
    reader.feed(block, &mut events);
    counter.add_batch(&events);
    Ok(())
}

/// Ends a CSV stream: reads a final line without a line ending, adds its event, and answers the
/// line accounting (`lines`, `header_lines`, `blank_lines`, `events`, `malformed`,
/// `malformed_by_reason`, `examples` with byte offsets). The reader starts afresh.
pub fn counter_finish_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
) -> OpResult<String> {
    to_text(&finish_csv(counter, reader))
}

fn finish_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
) -> egov_platform_class::csv::ParseStats {
    let mut events = Vec::new();
    reader.finish(&mut events);
    counter.add_batch(&events);
    std::mem::take(reader).stats().clone()
}

/// `platform.count_csv`: counts a whole CSV text on a new counter: `{"months", "stats",
/// "lines"}` (`lines` is the CSV line accounting).
pub fn platform_count_csv(csv: &[u8]) -> OpResult<String> {
    let mut counter = egov_platform_class::MonthlyActiveCounter::new();
    let mut reader = egov_platform_class::csv::CsvEventReader::default();
    counter_feed_csv(&mut counter, &mut reader, csv)?;
    let lines = finish_csv(&mut counter, &mut reader);
    to_text(&json!({ "months": counter.months(), "stats": counter.stats(), "lines": lines }))
}

/// `platform.count`: counts `events` on a new counter and answers [`counter_months`].
pub fn platform_count(events: &str) -> OpResult<String> {
    let mut c = egov_platform_class::MonthlyActiveCounter::new();
    counter_add_json(&mut c, events)?;
    counter_months(&c)
}

/// Reads a JSON value into `T` (error `ffi.invalid_json`, as [`from_json`]).
fn from_value<T: DeserializeOwned>(what: &str, v: Value) -> OpResult<T> {
    serde_json::from_value(v).map_err(|e| {
        OpError::new(
            EgovResult::InvalidJson,
            "ffi.invalid_json",
            format!("{what} is not valid JSON of the expected shape: {e}"),
        )
    })
}

/// Parses a request and removes `keys` from it (when an object) after `first` has read them:
/// the operation's own keys, so that the rest can be read strictly (a request that is not an
/// object then fails as `ffi.invalid_json`, as [`from_json`]).
fn request_without<T>(
    what: &str,
    request: &str,
    keys: &[&str],
    first: impl FnOnce(&Value) -> OpResult<T>,
) -> OpResult<(Value, T)> {
    let mut v: Value = from_json(what, request)?;
    let taken = first(&v)?;
    if let Some(obj) = v.as_object_mut() {
        for k in keys {
            obj.remove(*k);
        }
    }
    Ok((v, taken))
}

/// `platform.report`: the self-classification report (PLAT-02…27, NĐ 137/2024 Đ17–20): the
/// request of [`platform_classify`] plus `context` (the library's `ReportContext`:
/// `{"evidence"?, "history"?, "schedule"?}`, every member optional), `calendar` (JSON form; default the built-in Vietnamese calendar) and
/// `markdown` (bool). The library's `PlatformReport` JSON (`determination_date`, `method`,
/// `method_vi`, `classification`, `obligations`, `obligations_overall`, `next_due`,
/// `citations`), plus `"markdown"` (the bilingual Markdown report) when asked. The determination
/// date is also "today" for the next due date. Errors as `platform.classify`
/// (`platform.insufficient_history`, …) and the calendar's (`calendar.*`).
pub fn platform_report(request: &str) -> OpResult<String> {
    let (rest, (markdown, calendar, context)) = request_without(
        "report request",
        request,
        &["markdown", "calendar", "context"],
        |v| {
            let context: egov_platform_class::ReportContext = match v.get("context") {
                None | Some(Value::Null) => egov_platform_class::ReportContext::default(),
                Some(c) => from_value("report context", c.clone())?,
            };
            Ok((bool_arg(v, "markdown")?, calendar_arg(v)?, context))
        },
    )?;
    let req: ClassifyRequest = from_value("report request", rest)?;
    let (input, date) = req.into_input()?;
    let report =
        egov_platform_class::build_report(&input, date, &context, &calendar, None).map_err(dom)?;
    let mut out = to_value(&report)?;
    if markdown {
        out["markdown"] = json!(report.to_markdown());
    }
    Ok(out.to_string())
}

/// The request of [`platform_next_due`] (besides `calendar`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextDueRequest {
    /// The reference date `YYYY-MM-DD`.
    pub today: String,
    /// The platform's history (default: nothing known).
    #[serde(default)]
    pub history: egov_platform_class::PlatformHistory,
    /// Schedule parameters (default: §7; each member optional).
    #[serde(default)]
    pub schedule: egov_platform_class::ScheduleParams,
}

/// `platform.next_due`: the next self-classification due on `today` (PLAT-09, PLAT-10, PLAT-13;
/// NĐ 137/2024 Đ18.2, Đ19.3): the first one by 12 months after the decree took effect (2025-10-23
/// by default, A-17) for platforms operating 12 months or more by then; after a first
/// self-classification, yearly «trước 31 tháng 01» (30 January by default, 31 with
/// `inclusive_annual_deadline`, A-16). The request: `{"today": "YYYY-MM-DD", "history"?:
/// {"operating_since"?, "first_self_classification"?}, "schedule"?: {"decree_effective"?,
/// "inclusive_annual_deadline"?, "roll_to_working_day"?}, "calendar"?}` (the library's
/// `PlatformHistory` and `ScheduleParams`). The library's `NextDue` JSON: `{"kind": "first" | "annual" |
/// "not_determined", "due_on", "overdue", "rule", "basis", "note", "note_vi"}`.
pub fn platform_next_due(request: &str) -> OpResult<String> {
    let (rest, calendar) =
        request_without("next-due request", request, &["calendar"], calendar_arg)?;
    let req: NextDueRequest = from_value("next-due request", rest)?;
    let today = parse_date(&req.today)?;
    to_text(
        &egov_platform_class::next_due(today, &req.history, &req.schedule, &calendar)
            .map_err(dom)?,
    )
}

// ---------------------------------------------------------------------------------------------
// Trust (egov-trust)
// ---------------------------------------------------------------------------------------------

/// `trust.security_txt`: parses and checks a security.txt file (TRUST-02.e, RFC 9116) at
/// `now` (timestamp with offset); `fetched_from` is the URI it was read from (compared with
/// `Canonical`) or `None`. The library's `SecurityTxt` JSON (`problems` with `code`, `severity`
/// and `line`) plus `"valid": bool`.
pub fn trust_security_txt(
    content: &[u8],
    now: &str,
    fetched_from: Option<&str>,
) -> OpResult<String> {
    check_len("security.txt", content)?;
    let now = parse_time(now, false)?;
    if let Some(f) = fetched_from {
        check_len("fetched_from", f)?;
    }
    let parsed = egov_trust::parse_security_txt(content, now, fetched_from);
    let mut out = to_value(&parsed)?;
    out["valid"] = json!(parsed.is_valid());
    Ok(out.to_string())
}

/// `trust.blocklist_match`: whether `host` (or a parent domain; an IP literal as an address)
/// is on the advisory list `list` (one domain, address or range a line, TRUST-02.d):
/// `{"listed": bool, "hit": …, "rejected_lines": […]}`.
pub fn trust_blocklist_match(list: &str, host: &str) -> OpResult<String> {
    check_len("list", list)?;
    check_len("host", host)?;
    let snapshot = egov_trust::BlocklistSnapshot::parse("caller", None, list);
    let hit = snapshot.match_host(host);
    to_text(&json!({
        "listed": hit.is_some(),
        "hit": hit,
        "rejected_lines": snapshot.rejected,
    }))
}

/// Loads a site-evaluation request (the JSON form of `egov_trust::request`: evidence, `now`,
/// anchors, policy, blocklist).
pub fn trust_prepare(request: &str) -> OpResult<egov_trust::PreparedEvaluation> {
    from_json::<egov_trust::EvaluationRequest>("request", request)?
        .prepare()
        .map_err(dom)
}

/// `trust.evaluate`: the six criteria of Đ21.2 and the overall verdict (TRUST-02, TRUST-03):
/// the library's `Assessment` JSON (`evaluated_at`, `verdicts`, `outcome`, `meets_criteria`).
pub fn trust_evaluate(request: &str) -> OpResult<String> {
    to_text(&trust_prepare(request)?.assess())
}

/// `trust.criterion`: one criterion (`a` … `e`, `đ` or `dd`) from the same request, e.g. `c`
/// for a TLS check: the library's `CriterionVerdict` JSON.
pub fn trust_criterion(request: &str, criterion: &str) -> OpResult<String> {
    check_len("criterion", criterion)?;
    let c = egov_trust::Criterion::from_letter(criterion).ok_or_else(|| {
        OpError::new(
            EgovResult::InvalidInput,
            "trust.criterion_unknown",
            format!(
                "'{}' is not a criterion of Đ21.2 (a, b, c, d, đ or dd, e)",
                clip(criterion)
            ),
        )
    })?;
    to_text(&trust_prepare(request)?.criterion(c))
}

/// `trust.links`: the links of the request's page (TRUST-02.đ) resolved against its URL, the
/// flagged ones (listed, IP literal, script URL, mixed content, look-alike) and the verdict:
/// `{"links": [...], "flagged": [...], "verdict": {...}}`. Without a page: error
/// `trust.page_missing`.
pub fn trust_links(request: &str) -> OpResult<String> {
    let p = trust_prepare(request)?;
    let page = p.evidence.page.as_ref().ok_or_else(|| {
        OpError::new(
            EgovResult::InvalidInput,
            "trust.page_missing",
            "the request has no page to scan",
        )
    })?;
    let links = egov_trust::extract_links(&page.html, &page.url).map_err(dom)?;
    let flagged = egov_trust::flag_links(
        &links,
        &page.url,
        p.blocklist.as_ref(),
        &p.evidence.gov_names,
    );
    // The verdict from the links already extracted (as `evaluate_site` does for đ), not a
    // second scan of the page.
    let verdict = egov_trust::evaluate_links(
        Some((&page.url, &links)),
        p.blocklist.as_ref(),
        &p.evidence.gov_names,
        p.evidence.malware_scan.as_ref(),
    );
    to_text(&json!({ "links": links, "flagged": flagged, "verdict": verdict }))
}

/// `trust.declare`: the self-declaration (TRUST-04, Đ21.3) of the request in `lang` (`vi` or
/// `en`): `{"declaration": {...}, "markdown": "..."}`.
pub fn trust_declare(request: &str, lang: &str) -> OpResult<String> {
    check_len("lang", lang)?;
    let lang = match lang.trim() {
        "vi" => egov_trust::Lang::Vi,
        "en" => egov_trust::Lang::En,
        other => {
            return Err(OpError::new(
                EgovResult::InvalidInput,
                "trust.lang",
                format!("language must be vi or en, not '{}'", clip(other)),
            ))
        }
    };
    let d = trust_prepare(request)?.declare();
    to_text(&json!({ "markdown": d.to_markdown(lang), "declaration": d }))
}

// ---------------------------------------------------------------------------------------------
// Dispatch by name (test vectors, `egov_call`)
// ---------------------------------------------------------------------------------------------

fn bad_args(message: impl Into<String>) -> OpError {
    OpError::new(EgovResult::InvalidJson, "ffi.invalid_arguments", message)
}

fn str_arg<'a>(args: &'a Value, key: &str) -> OpResult<&'a str> {
    args.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| bad_args(format!("argument '{key}' (a string) is missing")))
}

fn opt_str_arg<'a>(args: &'a Value, key: &str) -> OpResult<Option<&'a str>> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(bad_args(format!("argument '{key}' must be a string"))),
    }
}

fn bool_arg(args: &Value, key: &str) -> OpResult<bool> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(bad_args(format!("argument '{key}' must be a boolean"))),
    }
}

/// A JSON argument given either as an object (re-serialised) or as a string holding JSON.
fn json_arg(args: &Value, key: &str) -> OpResult<Option<String>> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Ok(Some(v.to_string())),
    }
}

/// An image answer of `call` (JSON only): the metadata plus the image as hex, its length and
/// SHA-256.
fn image_answer(meta: &str, image: &[u8]) -> OpResult {
    use egov_conversion::payload::{content_digest, hex};
    let mut out = parse_text(meta)?;
    out["image_sha256"] = json!(hex(&content_digest(image)));
    out["image_len"] = json!(image.len());
    out["image_hex"] = json!(hex(image));
    Ok(out)
}

fn request_arg(args: &Value) -> OpResult<String> {
    json_arg(args, "request")?.ok_or_else(|| bad_args("argument 'request' is missing"))
}

fn calendar_arg(args: &Value) -> OpResult<Cow<'static, WorkingCalendar>> {
    match json_arg(args, "calendar")? {
        Some(text) => calendar_from_json(&text).map(Cow::Owned),
        None => Ok(Cow::Borrowed(builtin_calendar())),
    }
}

/// Every operation name [`call`] knows, in a stable order.
pub const OPERATIONS: [&str; 40] = [
    "time.parse",
    "calendar.day",
    "calendar.is_working_day",
    "calendar.next_working_day",
    "calendar.add_working_days",
    "agency.parse",
    "agency.is_ancestor_of",
    "agency.registry_check",
    "document_id.parse",
    "number.parse",
    "urgency.parse",
    "status.apply",
    "status.from_edxml",
    "status.sender_apply",
    "status.replay",
    "deadline.compute",
    "legal_value.assess",
    "legal_value.paper_copy",
    "legal_value.channel",
    "metadata.validate",
    "conversion.make",
    "conversion.validate",
    "conversion.check_system",
    "conversion.sign",
    "conversion.verify",
    "conversion.stamp_page",
    "conversion.render_mark",
    "conversion.verify_page",
    "conversion.verify_document",
    "platform.classify",
    "platform.count",
    "platform.count_csv",
    "platform.report",
    "platform.next_due",
    "trust.security_txt",
    "trust.blocklist_match",
    "trust.evaluate",
    "trust.criterion",
    "trust.links",
    "trust.declare",
];

/// Runs operation `op` with arguments `args` (a JSON object); the arguments are named as in the
/// typed functions above. Calendar operations take an optional `calendar` (JSON form; default
/// the built-in Vietnamese calendar).
pub fn call(op: &str, args: &Value) -> OpResult {
    if !args.is_object() {
        return Err(bad_args("arguments must be a JSON object"));
    }
    match op {
        "time.parse" => time_parse(str_arg(args, "input")?, bool_arg(args, "local")?),
        "calendar.day" => calendar_day(&*calendar_arg(args)?, str_arg(args, "date")?),
        "calendar.is_working_day" => Ok(json!(calendar_is_working_day(
            &*calendar_arg(args)?,
            str_arg(args, "date")?
        )?)),
        "calendar.next_working_day" => Ok(json!(calendar_next_working_day(
            &*calendar_arg(args)?,
            str_arg(args, "date")?
        )?)),
        "calendar.add_working_days" => {
            let days = args
                .get("days")
                .and_then(Value::as_u64)
                .and_then(|d| u32::try_from(d).ok())
                .ok_or_else(|| bad_args("argument 'days' must be an unsigned 32-bit integer"))?;
            Ok(json!(calendar_add_working_days(
                &*calendar_arg(args)?,
                str_arg(args, "date")?,
                days
            )?))
        }
        "agency.parse" => agency_parse(str_arg(args, "code")?, bool_arg(args, "lenient")?),
        "agency.is_ancestor_of" => Ok(json!(agency_is_ancestor_of(
            str_arg(args, "ancestor")?,
            str_arg(args, "descendant")?
        )?)),
        "agency.registry_check" => {
            let registry = json_arg(args, "registry")?
                .ok_or_else(|| bad_args("argument 'registry' is missing"))?;
            agency_registry_check(str_arg(args, "code")?, &registry, str_arg(args, "as_of")?)
        }
        "document_id.parse" => document_id_parse(str_arg(args, "id")?),
        "number.parse" => number_parse(str_arg(args, "number")?),
        "urgency.parse" => urgency_parse(str_arg(args, "input")?),
        "status.apply" => {
            let event =
                json_arg(args, "event")?.ok_or_else(|| bad_args("argument 'event' is missing"))?;
            status_apply(str_arg(args, "from")?, &event, str_arg(args, "at")?)
        }
        "status.from_edxml" => status_from_edxml(str_arg(args, "code")?),
        "status.sender_apply" => sender_apply(str_arg(args, "from")?, str_arg(args, "event")?),
        "status.replay" => status_replay(
            str_arg(args, "receiver")?,
            str_arg(args, "arrived_at")?,
            args.get("events").unwrap_or(&Value::Null),
        ),
        "deadline.compute" => {
            let mut req = args.clone();
            if let Some(obj) = req.as_object_mut() {
                obj.remove("calendar");
            }
            let req: DeadlineRequest = serde_json::from_value(req)
                .map_err(|e| bad_args(format!("invalid deadline request: {e}")))?;
            parse_text(&deadline(&req, &*calendar_arg(args)?)?)
        }
        "legal_value.assess" => legal_value_assess(
            bool_arg(args, "digitally_signed_per_law")?,
            bool_arg(args, "sent_via_system")?,
        ),
        "legal_value.paper_copy" => {
            let case =
                json_arg(args, "case")?.ok_or_else(|| bad_args("argument 'case' is missing"))?;
            paper_copy(&case, json_arg(args, "policy")?.as_deref())
        }
        "legal_value.channel" => {
            let facts =
                json_arg(args, "facts")?.ok_or_else(|| bad_args("argument 'facts' is missing"))?;
            channel(&facts)
        }
        "metadata.validate" => {
            let record = json_arg(args, "record")?
                .ok_or_else(|| bad_args("argument 'record' is missing"))?;
            parse_text(&metadata_validate(
                &record,
                json_arg(args, "policy")?.as_deref(),
            )?)
        }
        "conversion.make" => parse_text(&conversion_make(&args.to_string())?),
        "conversion.check_system" => {
            let system = json_arg(args, "system")?
                .ok_or_else(|| bad_args("argument 'system' is missing"))?;
            parse_text(&conversion_check_system(
                &system,
                opt_str_arg(args, "now")?,
                opt_str_arg(args, "effective_date")?,
                &*calendar_arg(args)?,
            )?)
        }
        "conversion.validate" => {
            let mark =
                json_arg(args, "mark")?.ok_or_else(|| bad_args("argument 'mark' is missing"))?;
            parse_text(&conversion_validate(&mark)?)
        }
        "conversion.sign" => {
            let mark =
                json_arg(args, "mark")?.ok_or_else(|| bad_args("argument 'mark' is missing"))?;
            let content = content_arg(args)?
                .ok_or_else(|| bad_args("argument 'content_hex' or 'content_text' is missing"))?;
            parse_text(&conversion_sign(
                &mark,
                &content,
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?)
        }
        "conversion.verify" => {
            let trust =
                json_arg(args, "trust")?.ok_or_else(|| bad_args("argument 'trust' is missing"))?;
            parse_text(&conversion_verify(
                str_arg(args, "qr_text")?,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "conversion.stamp_page" => {
            let page = decode_hex("page_hex", str_arg(args, "page_hex")?)?;
            let mark =
                json_arg(args, "mark")?.ok_or_else(|| bad_args("argument 'mark' is missing"))?;
            let (image, meta) = conversion_stamp_page(
                &page,
                &mark,
                content_arg(args)?.as_deref(),
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?;
            image_answer(&meta, &image)
        }
        "conversion.render_mark" => {
            let mark =
                json_arg(args, "mark")?.ok_or_else(|| bad_args("argument 'mark' is missing"))?;
            let content = content_arg(args)?
                .ok_or_else(|| bad_args("argument 'content_hex' or 'content_text' is missing"))?;
            let (png, meta) = conversion_render_mark(
                &mark,
                &content,
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?;
            image_answer(&meta, &png)
        }
        "conversion.verify_page" => {
            let image = decode_hex("image_hex", str_arg(args, "image_hex")?)?;
            let trust =
                json_arg(args, "trust")?.ok_or_else(|| bad_args("argument 'trust' is missing"))?;
            parse_text(&conversion_verify_page(
                &image,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "conversion.verify_document" => {
            let list = match args.get("images_hex") {
                Some(Value::Array(a)) => a,
                _ => {
                    return Err(bad_args(
                        "argument 'images_hex' must be an array of hex strings",
                    ))
                }
            };
            let images = list
                .iter()
                .map(|v| match v {
                    Value::String(h) => decode_hex("images_hex", h),
                    _ => Err(bad_args(
                        "argument 'images_hex' must be an array of hex strings",
                    )),
                })
                .collect::<OpResult<Vec<Vec<u8>>>>()?;
            let refs: Vec<&[u8]> = images.iter().map(Vec::as_slice).collect();
            let trust =
                json_arg(args, "trust")?.ok_or_else(|| bad_args("argument 'trust' is missing"))?;
            parse_text(&conversion_verify_document(
                &refs,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "platform.classify" => parse_text(&platform_classify(&args.to_string())?),
        "platform.count" => {
            let events = json_arg(args, "events")?
                .ok_or_else(|| bad_args("argument 'events' is missing"))?;
            parse_text(&platform_count(&events)?)
        }
        "platform.report" => parse_text(&platform_report(&args.to_string())?),
        "platform.next_due" => parse_text(&platform_next_due(&args.to_string())?),
        "platform.count_csv" => {
            let csv = content_arg(args)?
                .ok_or_else(|| bad_args("argument 'content_hex' or 'content_text' is missing"))?;
            parse_text(&platform_count_csv(&csv)?)
        }
        "trust.security_txt" => {
            let content = content_arg(args)?
                .ok_or_else(|| bad_args("argument 'content_hex' or 'content_text' is missing"))?;
            parse_text(&trust_security_txt(
                &content,
                str_arg(args, "now")?,
                opt_str_arg(args, "fetched_from")?,
            )?)
        }
        "trust.blocklist_match" => parse_text(&trust_blocklist_match(
            str_arg(args, "list")?,
            str_arg(args, "host")?,
        )?),
        "trust.evaluate" => parse_text(&trust_evaluate(&request_arg(args)?)?),
        "trust.criterion" => parse_text(&trust_criterion(
            &request_arg(args)?,
            str_arg(args, "criterion")?,
        )?),
        "trust.links" => parse_text(&trust_links(&request_arg(args)?)?),
        "trust.declare" => parse_text(&trust_declare(&request_arg(args)?, str_arg(args, "lang")?)?),
        _ => Err(OpError::new(
            EgovResult::UnknownOperation,
            "ffi.unknown_operation",
            format!("unknown operation '{}'", clip(op)),
        )),
    }
}

/// [`call`] with the arguments as JSON text, answering compact JSON text.
pub fn call_json(op: &str, args: &str) -> OpResult<String> {
    check_len("operation", op)?;
    let args: Value = from_json("arguments", args)?;
    call(op, &args).map(|v| v.to_string())
}
