//! Vietnam time and the working-day calendar (CORE-01, CORE-02): `egov_time_*`, `egov_calendar_*`.

use super::*;

/// Parses an ISO 8601 timestamp (CORE-01) and writes
/// `{"datetime": "…+07:00", "unix_seconds": n}`. Without an offset the input is an error
/// (`time.missing_offset`) unless `local` is true (then it is read as Vietnam time).
///
/// # Safety
/// `input` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_time_parse(
    input: *const c_char,
    local: bool,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::time_parse(arg_str(input, "input")?, local).map(|v| json_text(&v))
        })
    }
}

fn new_calendar(
    out: *mut *mut EgovCalendar,
    f: impl FnOnce() -> OpResult<WorkingCalendar>,
) -> EgovResult {
    guard(|| {
        // SAFETY: `out` is NULL or writable (contract of the calling export).
        let slot = unsafe { out_slot(out, "out_calendar") }?;
        *slot = std::ptr::null_mut();
        *slot = Box::into_raw(Box::new(EgovCalendar(f()?)));
        Ok(())
    })
}

/// Creates a handle on the built-in Vietnamese public-sector calendar (holidays, Tết,
/// compensatory and swapped days). Free it with [`egov_calendar_free`].
///
/// # Safety
/// `out_calendar` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_vietnam(out_calendar: *mut *mut EgovCalendar) -> EgovResult {
    new_calendar(out_calendar, || Ok(ops::builtin_calendar().clone()))
}

/// Creates a calendar handle from the calendar's JSON form (the caller's own table). Free it
/// with [`egov_calendar_free`].
///
/// # Safety
/// `json` is a NUL-terminated string; `out_calendar` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_from_json(
    json: *const c_char,
    out_calendar: *mut *mut EgovCalendar,
) -> EgovResult {
    new_calendar(out_calendar, || {
        // SAFETY: the caller's contract covers `json`.
        ops::calendar_from_json(unsafe { arg_str(json, "json") }?)
    })
}

/// Frees a calendar handle. NULL is ignored.
///
/// # Safety
/// `calendar` is NULL or a handle from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_free(calendar: *mut EgovCalendar) {
    if calendar.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: created by `Box::into_raw` in this library, freed once.
        drop(unsafe { Box::from_raw(calendar) });
    }));
}

/// Writes whether `date` (`YYYY-MM-DD`) is a working day in `calendar` to `*out`.
///
/// # Safety
/// `calendar` is a live handle; `date` a NUL-terminated string; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_is_working_day(
    calendar: *const EgovCalendar,
    date: *const c_char,
    out: *mut bool,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (cal, date, slot) = unsafe {
            (
                arg_handle(calendar, "calendar")?,
                arg_str(date, "date")?,
                out_slot(out, "out")?,
            )
        };
        *slot = ops::calendar_is_working_day(&cal.0, date)?;
        Ok(())
    })
}

/// Writes the first working day after `date` (`YYYY-MM-DD`) to `*out_date`.
///
/// # Safety
/// `calendar` is a live handle; `date` a NUL-terminated string; `out_date` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_next_working_day(
    calendar: *const EgovCalendar,
    date: *const c_char,
    out_date: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_date, || {
            let cal = arg_handle(calendar, "calendar")?;
            ops::calendar_next_working_day(&cal.0, arg_str(date, "date")?).map(|d| d.to_string())
        })
    }
}

/// Writes `date` plus `days` working days (`YYYY-MM-DD`) to `*out_date`.
///
/// # Safety
/// `calendar` is a live handle; `date` a NUL-terminated string; `out_date` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_add_working_days(
    calendar: *const EgovCalendar,
    date: *const c_char,
    days: u32,
    out_date: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_date, || {
            let cal = arg_handle(calendar, "calendar")?;
            ops::calendar_add_working_days(&cal.0, arg_str(date, "date")?, days)
                .map(|d| d.to_string())
        })
    }
}

/// Writes the JSON description of `date`: `{"date", "is_working_day", "day_kind",
/// "next_working_day", "calendar", "calendar_covers_date", "calendar_schedule"}` (as `egov
/// workday --json`; `calendar_schedule` is `announced`, `partly_announced`, `projected` or
/// `not_covered`: a projected year's answer may change when its schedule is announced).
///
/// # Safety
/// `calendar` is a live handle; `date` a NUL-terminated string; `out_json` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_calendar_day(
    calendar: *const EgovCalendar,
    date: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let cal = arg_handle(calendar, "calendar")?;
            ops::calendar_day(&cal.0, arg_str(date, "date")?).map(|v| json_text(&v))
        })
    }
}
