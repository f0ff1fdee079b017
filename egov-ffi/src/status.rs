//! The processing-status machine and trackers (DOC-22…30): `egov_status_*`, `egov_sender_apply`, `egov_tracker_*`.

use super::*;

/// Applies one event to a processing status (DOC-22, DOC-27…30) and writes the transition
/// JSON. `from` is a status in any accepted spelling; `event_json` the event's JSON form
/// (`{"event":"reject","reason":"…"}`) or a JSON string naming an event without data, by code
/// or Vietnamese name (`"accept"`, `"tiếp nhận"`; `status.unknown_event` otherwise); `at` a
/// timestamp with offset.
///
/// # Safety
/// `from`, `event_json` and `at` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_status_apply(
    from: *const c_char,
    event_json: *const c_char,
    at: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::status_apply(
                arg_str(from, "from")?,
                arg_str(event_json, "event_json")?,
                arg_str(at, "at")?,
            )
            .map(|v| json_text(&v))
        })
    }
}

/// Reads an edXML StatusCode (`01`…`16`) and writes `{"code", "status", "event"}`.
///
/// # Safety
/// `code` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_status_from_edxml(
    code: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::status_from_edxml(arg_str(code, "code")?).map(|v| json_text(&v))
        })
    }
}

/// Applies one sender-side step (DOC-25: `approve`, `sign_for_issue`, `digitally_sign`,
/// `send`) to a sender status (`draft`, …) and writes `{"status", "may_send"}`.
///
/// # Safety
/// `from` and `event` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_sender_apply(
    from: *const c_char,
    event: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::sender_apply(arg_str(from, "from")?, arg_str(event, "event")?)
                .map(|v| json_text(&v))
        })
    }
}

fn new_tracker(
    out: *mut *mut EgovTracker,
    f: impl FnOnce() -> OpResult<StatusTracker>,
) -> EgovResult {
    guard(|| {
        // SAFETY: `out` is NULL or writable (contract of the calling export).
        let slot = unsafe { out_slot(out, "out_tracker") }?;
        *slot = std::ptr::null_mut();
        *slot = Box::into_raw(Box::new(EgovTracker(f()?)));
        Ok(())
    })
}

/// Creates a status tracker for a document that arrived at `receiver` at `arrived_at` (a
/// timestamp with offset). Free it with [`egov_tracker_free`].
///
/// # Safety
/// `receiver` and `arrived_at` are NUL-terminated strings; `out_tracker` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_new(
    receiver: *const c_char,
    arrived_at: *const c_char,
    out_tracker: *mut *mut EgovTracker,
) -> EgovResult {
    new_tracker(out_tracker, || {
        // SAFETY: the caller's contract covers every pointer.
        let (r, a) = unsafe {
            (
                arg_str(receiver, "receiver")?,
                arg_str(arrived_at, "arrived_at")?,
            )
        };
        ops::tracker_new(r, a)
    })
}

/// Restores a tracker from its JSON form (from [`egov_tracker_to_json`]); the history is
/// replayed and checked. Free it with [`egov_tracker_free`].
///
/// # Safety
/// `json` is a NUL-terminated string; `out_tracker` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_from_json(
    json: *const c_char,
    out_tracker: *mut *mut EgovTracker,
) -> EgovResult {
    new_tracker(out_tracker, || {
        // SAFETY: the caller's contract covers `json`.
        ops::tracker_from_json(unsafe { arg_str(json, "json") }?)
    })
}

/// Frees a tracker handle. NULL is ignored.
///
/// # Safety
/// `tracker` is NULL or a handle from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_free(tracker: *mut EgovTracker) {
    if tracker.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: created by `Box::into_raw` in this library, freed once.
        drop(unsafe { Box::from_raw(tracker) });
    }));
}

/// Records an event (JSON, as for [`egov_status_apply`]: its form or a string naming it) at
/// `at` and writes the transition JSON. On error nothing is
/// recorded (forbidden transition, missing reason, out of time order).
///
/// # Safety
/// `tracker` is a live handle used by no other thread; `event_json` and `at` are NUL-terminated
/// strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_record(
    tracker: *mut EgovTracker,
    event_json: *const c_char,
    at: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let t = arg_handle_mut(tracker, "tracker")?;
            ops::tracker_record(
                &mut t.0,
                arg_str(event_json, "event_json")?,
                arg_str(at, "at")?,
            )
            .map(|v| json_text(&v))
        })
    }
}

/// Writes the tracker's current status (`arrived`, `accepted`, …) to `*out_status`.
///
/// # Safety
/// `tracker` is a live handle; `out_status` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_status(
    tracker: *const EgovTracker,
    out_status: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_status, || {
            Ok(arg_handle(tracker, "tracker")?
                .0
                .status()
                .as_str()
                .to_owned())
        })
    }
}

/// Writes the tracker's JSON form (`{"receiver", "arrived_at", "status", "history"}`).
///
/// # Safety
/// `tracker` is a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_tracker_to_json(
    tracker: *const EgovTracker,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let t = arg_handle(tracker, "tracker")?;
            serde_json::to_string(&t.0).map_err(ops::serialize_error)
        })
    }
}
