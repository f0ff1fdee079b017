//! Platform size classes and monthly active users (PLAT-01…27): `egov_platform_*`, `egov_counter_*`.

use super::*;

/// Classifies a platform by size (PLAT-02…06): `request_json` is `{"monthly": [{"month":
/// "2025-01", "active_users": n}], "population": n or a Population object, "date":
/// "YYYY-MM-DD", "source"?, "thresholds"?, "intermediary"?}`. Writes the classification JSON;
/// fewer than 12 months in the window is `EGOV_RESULT_INVALID_INPUT` with code
/// `platform.insufficient_history`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_platform_classify(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::platform_classify(arg_str(request_json, "request_json")?)
        })
    }
}

/// Builds the self-classification report (PLAT-02…27, NĐ 137/2024 Đ17–20; Đ18.2 closing
/// paragraph «báo cáo, cung cấp số liệu»): `request_json` is the request of
/// [`egov_platform_classify`] plus `"context"?: {"evidence"?: {"items": {"<obligation id>":
/// {"satisfied": bool, "reference"?, "note"?}}, "has_prioritised_search"?: bool}, "history"?:
/// {"operating_since"?, "first_self_classification"?}, "schedule"?: {"decree_effective"?,
/// "inclusive_annual_deadline"?, "roll_to_working_day"?}}`, `"calendar"?` (a calendar's JSON
/// form; default the built-in Vietnamese calendar) and `"markdown"?: bool`. Writes `{
/// "determination_date", "method", "method_vi", "classification", "obligations" (one finding
/// per Đ19/Đ20 obligation of an intermediary platform of large or very large scale, PLAT-13…27,
/// then a warning for each evidence item whose id no obligation has),
/// "obligations_overall", "next_due" (as [`egov_platform_next_due`] on the determination date),
/// "citations", "markdown"? }`. Too few months is `EGOV_RESULT_INVALID_INPUT` with code
/// `platform.insufficient_history`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_platform_report(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::platform_report(arg_str(request_json, "request_json")?)
        })
    }
}

/// The next self-classification due (PLAT-09, PLAT-10, PLAT-13; NĐ 137/2024 Đ18.2.a, Đ18.2.b,
/// Đ19.3): `request_json` is `{"today": "YYYY-MM-DD", "history"?: {"operating_since"?,
/// "first_self_classification"?}, "schedule"?: {"decree_effective"? (default 2024-10-23, §7
/// A-17), "inclusive_annual_deadline"? (default false: the last day is 30 January, §7 A-16),
/// "roll_to_working_day"? (default true, A-17)}, "calendar"?}`. Writes `{"kind": "first" |
/// "annual" | "not_determined", "due_on": "YYYY-MM-DD" | null, "overdue", "rule", "basis",
/// "note", "note_vi"}`: the first self-classification by 2025-10-23 for platforms operating 12
/// months or more when the decree took effect, then yearly «trước 31 tháng 01».
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_platform_next_due(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::platform_next_due(arg_str(request_json, "request_json")?)
        })
    }
}

/// Creates an empty monthly-active-user counter. Free it with [`egov_counter_free`].
///
/// # Safety
/// `out_counter` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_new(out_counter: *mut *mut EgovCounter) -> EgovResult {
    guard(|| {
        // SAFETY: forwarded contract of this function.
        let slot = unsafe { out_slot(out_counter, "out_counter") }?;
        *slot = Box::into_raw(Box::new(EgovCounter(
            MonthlyActiveCounter::new(),
            CsvEventReader::default(),
        )));
        Ok(())
    })
}

/// Frees a counter; NULL is a no-op.
///
/// # Safety
/// `counter` is NULL or a handle from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_free(counter: *mut EgovCounter) {
    if counter.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: created by `Box::into_raw` in this library, freed once.
        drop(unsafe { Box::from_raw(counter) });
    }));
}

/// Adds a batch of activity events: `events_json` is `[{"user": n or "id", "at": unix seconds
/// or "…+07:00", "kind"?: "login", "in_vietnam"?: true}]`. All or nothing: on error nothing is
/// added.
///
/// # Safety
/// `counter` is a live handle used by no other thread; `events_json` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_add_batch(
    counter: *mut EgovCounter,
    events_json: *const c_char,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (c, e) = unsafe {
            (
                arg_handle_mut(counter, "counter")?,
                arg_str(events_json, "events_json")?,
            )
        };
        ops::counter_add_json(&mut c.0, e)
    })
}

/// Adds `n` login events from parallel arrays: `users[i]` (integer user ids, used as they are),
/// `at_unix[i]` (Unix seconds; the month is taken in Vietnam time) and `in_vietnam[i]` (NULL
/// means every event is located in Vietnam). At most 4 194 304 events a call
/// (`EGOV_RESULT_INPUT_TOO_LARGE` beyond); `n` 0 is a no-op.
///
/// # Safety
/// `counter` is a live handle used by no other thread; `users` and `at_unix` are readable for
/// `n` elements, `in_vietnam` NULL or readable for `n`.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_add_arrays(
    counter: *mut EgovCounter,
    users: *const u64,
    at_unix: *const i64,
    in_vietnam: *const bool,
    n: usize,
) -> EgovResult {
    guard(|| {
        use egov_platform_class::{ActivityEvent, ActivityKind, UserKey};
        // SAFETY: the caller's contract covers every pointer.
        let c = unsafe { arg_handle_mut(counter, "counter")? };
        if n == 0 {
            return Ok(());
        }
        if n > ops::EGOV_MAX_INPUT_BYTES {
            return Err(OpError::call(
                EgovResult::InputTooLarge,
                &BindingError::TooManyEvents {
                    count: n,
                    max: ops::EGOV_MAX_INPUT_BYTES,
                },
            ));
        }
        if users.is_null() {
            return Err(null_arg("users"));
        }
        if at_unix.is_null() {
            return Err(null_arg("at_unix"));
        }
        // SAFETY: non-NULL and readable for `n` elements by the caller's contract.
        let (u, t) = unsafe {
            (
                std::slice::from_raw_parts(users, n),
                std::slice::from_raw_parts(at_unix, n),
            )
        };
        let v = if in_vietnam.is_null() {
            None
        } else {
            // SAFETY: as above.
            Some(unsafe { std::slice::from_raw_parts(in_vietnam, n) })
        };
        let events: Vec<ActivityEvent> = (0..n)
            .map(|i| ActivityEvent {
                user: UserKey::from_int(u[i]),
                at: t[i],
                kind: ActivityKind::Login,
                in_vietnam: v.is_none_or(|v| v[i]),
            })
            .collect();
        c.0.add_batch(&events);
        Ok(())
    })
}

/// Merges `other` into `into` (`other` is unchanged and still owned by the caller). Counters of
/// disjoint or overlapping user sets may be merged: a user is counted once per month.
///
/// # Safety
/// Both are live handles; `into` is used by no other thread and differs from `other`.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_merge(
    into: *mut EgovCounter,
    other: *const EgovCounter,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let o = unsafe { arg_handle(other, "other")? }.0.clone();
        // SAFETY: as above.
        let i = unsafe { arg_handle_mut(into, "into")? };
        i.0.merge(o);
        Ok(())
    })
}

/// Feeds a block of activity CSV to the counter (PLAT-01, PLAT-02): one event a line,
/// `user_id,timestamp,kind,in_vietnam` (header optional; Unix seconds or ISO 8601 with an offset;
/// `login` / `access` / `service`; `1`/`0`, `true`/`false`). Blocks may split lines anywhere: a
/// partial last line waits for the next block or [`egov_counter_finish_csv`]. Malformed lines
/// are counted by reason (see the finish call), not an error. At most 4 MiB a block.
///
/// # Safety
/// `counter` is a live handle used by no other thread; `block` is readable for `len` bytes
/// (NULL allowed when `len` is 0).
#[no_mangle]
pub unsafe extern "C" fn egov_counter_feed_csv(
    counter: *mut EgovCounter,
    block: *const u8,
    len: usize,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (c, b) = unsafe {
            (
                arg_handle_mut(counter, "counter")?,
                arg_bytes(block, len, "block")?,
            )
        };
        ops::counter_feed_csv(&mut c.0, &mut c.1, b)
    })
}

/// Ends the CSV stream fed with [`egov_counter_feed_csv`]: reads a final line without a line
/// ending and writes the line accounting `{"lines", "header_lines", "blank_lines", "events",
/// "malformed", "malformed_by_reason", "examples": [{"offset", "reason", "text"}]}`. The next
/// block starts a new stream.
///
/// # Safety
/// `counter` is a live handle used by no other thread; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_finish_csv(
    counter: *mut EgovCounter,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let c = arg_handle_mut(counter, "counter")?;
            ops::counter_finish_csv(&mut c.0, &mut c.1)
        })
    }
}

/// Writes the counted months: `{"months": [{"month": "2025-02", "active_users", "events"}],
/// "stats": {…}}`.
///
/// # Safety
/// `counter` is a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_counter_months(
    counter: *const EgovCounter,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::counter_months(&arg_handle(counter, "counter")?.0)
        })
    }
}
