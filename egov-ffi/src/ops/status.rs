//! The processing-status machine and trackers (DOC-22…30).

use super::*;

/// Parses a processing status (any accepted spelling).
pub fn status_parse(input: &str) -> OpResult<ProcessingStatus> {
    check_len("status", input)?;
    ProcessingStatus::parse(input).map_err(dom)
}

/// An event given as JSON: its serde form (`{"event": "reject", "reason": "…"}`), or a string
/// naming an event without data, by code or Vietnamese name ([`StatusEvent::named`]:
/// `"accept"`, `"tiếp nhận"`).
fn event_arg(event: &str) -> OpResult<StatusEvent> {
    if event.trim_start().starts_with('"') {
        let name: String = from_json("event", event)?;
        StatusEvent::named(&name).map_err(dom)
    } else {
        from_json("event", event)
    }
}

/// `status.apply`: one transition from `from` (DOC-22, DOC-27…30). `event` is the event's JSON
/// form (`{"event": "reject", "reason": "…"}`) or a JSON string naming an event without data
/// (`"accept"`, `"tiếp nhận"`).
pub fn status_apply(from: &str, event: &str, at: &str) -> OpResult {
    let from = status_parse(from)?;
    let event = event_arg(event)?;
    let at = parse_time(at, false)?;
    to_value(&from.apply(event, at).map_err(dom)?)
}

/// `status.from_edxml`: an edXML StatusCode (`01`…`16`; or its name, or the status it
/// announces, as `EdxmlStatus::parse` reads them) with its state and event.
pub fn status_from_edxml(code: &str) -> OpResult {
    check_len("edXML status code", code)?;
    let s = EdxmlStatus::parse(code).map_err(dom)?;
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

/// Records `event` (JSON, as for `status.apply`) at `at` on `tracker` and returns the
/// transition.
pub fn tracker_record(tracker: &mut StatusTracker, event: &str, at: &str) -> OpResult {
    let event = event_arg(event)?;
    let at = parse_time(at, false)?;
    to_value(tracker.record(event, at).map_err(dom)?)
}

/// Reads a tracker from its JSON form (the history is replayed and checked).
pub fn tracker_from_json(text: &str) -> OpResult<StatusTracker> {
    check_len("tracker", text)?;
    serde_json::from_str(text).map_err(|e| {
        OpError::input(BindingError::Tracker {
            reason: e.to_string(),
        })
    })
}

/// `status.replay`: records `events` (`[{"event": {...}, "at": "…"}]`) on a new tracker and
/// returns the tracker's JSON form; the first refused event is the error.
pub fn status_replay(receiver: &str, arrived_at: &str, events: &Value) -> OpResult {
    let mut tracker = tracker_new(receiver, arrived_at)?;
    let steps = events
        .as_array()
        .ok_or_else(|| not_a("events", Expected::Array))?;
    for step in steps {
        let event = step.get("event").cloned().unwrap_or(Value::Null);
        let event: StatusEvent =
            serde_json::from_value(event).map_err(|e| invalid_arg("events[].event", e))?;
        let at = parse_time(str_arg(step, "at")?, false)?;
        tracker.record(event, at).map_err(dom)?;
    }
    to_value(&tracker)
}
