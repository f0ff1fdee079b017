//! Duties of the law as data (issue 16): `egov_checklist_*`. Requests and answers are JSON
//! text; answers are written to `out_json` (free with `egov_string_free`). The checklists, the
//! evidence kinds and how evidence decides are documented in the Rust crate `egov_checklist`.

use super::*;

/// The checklists: `request_json` NULL, or `{"checklists": ["<your own checklist, TOML>"]}`.
/// Writes `{"checklists": [{"id", "version", "status", "items", "title_vi", "title_en"}]}`.
/// A checklist that cannot be read is `EGOV_RESULT_INVALID_INPUT` with code `checklist.parse`.
///
/// # Safety
/// `request_json` is NULL or a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_checklist_list(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::checklist_list(arg_opt_str(request_json, "request_json")?)
        })
    }
}

/// An evidence file to fill in: `request_json` is `{"id": "<checklist>", "checklists"?: […]}`;
/// writes `{"template": "<TOML: every duty with its citation and the law's words>"}`. An
/// unknown id is `EGOV_RESULT_INVALID_INPUT` with code `checklist.unknown`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_checklist_template(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::checklist_template(arg_str(request_json, "request_json")?)
        })
    }
}

/// Runs a checklist on evidence: `request_json` is `{"id": "<checklist>", "evidence": "<TOML or
/// JSON text>" or {…}, "as_of"?: "YYYY-MM-DD" (default the evidence's own), "checklists"?:
/// ["<TOML>"]}`. Writes the report: `{"checklist", "version", "title_vi", "title_en", "status",
/// "as_of", "prepared_by"?, "findings" (one per duty: rule, basis, outcome, message,
/// message_vi, field "<checklist>.<item>", evidence {"missing", "quote_vi", …}), "overall",
/// "counts", "unused_evidence"}`. Evidence that cannot be read is `EGOV_RESULT_INVALID_INPUT`
/// with code `checklist.evidence`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_checklist_run(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::checklist_run(arg_str(request_json, "request_json")?)
        })
    }
}
