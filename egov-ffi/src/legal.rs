//! Send deadlines, legal value, paper copies, channels, metadata a)–q) (DOC-10/14/16/17/19/21).

use super::*;

/// Computes the send deadline (DOC-19, DOC-21) and, when the request has `sent`, judges it.
/// `request_json`: `{"signed": "2026-02-13T16:00:00+07:00" | "2026-02-13", "urgency"?: "khẩn",
/// "sent"?: "…", "local"?: false, "morning_end"?: "HH:MM", "policy"?: {…}}`. `calendar` may be
/// NULL for the built-in Vietnamese calendar. Writes `{"deadline": …, "judgement"?: …}`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `calendar` is NULL or a live handle; `out_json`
/// is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_deadline(
    request_json: *const c_char,
    calendar: *const EgovCalendar,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let req: ops::DeadlineRequest =
                ops::from_json("request_json", arg_str(request_json, "request_json")?)?;
            let cal = calendar_or_builtin(calendar);
            ops::deadline(&req, cal)
        })
    }
}

/// The legal value of an e-document (DOC-14): writes `{"value", "finding"}`.
///
/// # Safety
/// `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_legal_value(
    digitally_signed_per_law: bool,
    sent_via_system: bool,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers `out_json`.
    unsafe {
        string_out(out_json, || {
            ops::legal_value_assess(digitally_signed_per_law, sent_via_system)
                .map(|v| json_text(&v))
        })
    }
}

/// Whether a paper copy goes with an e-document (DOC-17): `case_json` is
/// `{"document_type", "legal_value", "to_government_per_working_regulation"}`, `policy_json`
/// the agency list or NULL. Writes `{"required", "grounds", "finding"}`.
///
/// # Safety
/// `case_json` is a NUL-terminated string; `policy_json` NULL or one; `out_json` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_paper_copy(
    case_json: *const c_char,
    policy_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::paper_copy(
                arg_str(case_json, "case_json")?,
                arg_opt_str(policy_json, "policy_json")?,
            )
            .map(|v| json_text(&v))
        })
    }
}

/// The channel obligation (DOC-16): `facts_json` is `{"sent_via_system", "sender_ready",
/// "receiver_ready"}`; writes the finding JSON.
///
/// # Safety
/// `facts_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_check_channel(
    facts_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::channel(arg_str(facts_json, "facts_json")?).map(|v| json_text(&v))
        })
    }
}

/// Validates a metadata record a)–q) (DOC-10): `record_json` is the record's JSON form,
/// `policy_json` a `MetadataPolicy` or NULL for the default. Writes `{"overall",
/// "findings"}`; a non-compliant record is still `EGOV_RESULT_OK` (see `overall`).
///
/// # Safety
/// `record_json` is a NUL-terminated string; `policy_json` NULL or one; `out_json` writable.
#[no_mangle]
pub unsafe extern "C" fn egov_metadata_validate(
    record_json: *const c_char,
    policy_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::metadata_validate(
                arg_str(record_json, "record_json")?,
                arg_opt_str(policy_json, "policy_json")?,
            )
        })
    }
}
