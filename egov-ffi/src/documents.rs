//! Document identifiers, «số và ký hiệu», urgency (DOC-08, Đ10.2): `egov_document_id_parse`, `egov_number_parse`, `egov_urgency_parse`.

use super::*;

/// Parses an edXML document identifier (DOC-08) and writes `{"id", "organ_id",
/// "promulgation_date", "number", "structural", "findings"}`.
///
/// # Safety
/// `id` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_document_id_parse(
    id: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::document_id_parse(arg_str(id, "id")?).map(|v| json_text(&v))
        })
    }
}

/// Parses a document number «số và ký hiệu» and writes `{"canonical", "number", "year",
/// "symbol", "type_abbreviation", "doc_type", "issuer", "drafting_unit", "findings"}`
/// (`drafting_unit`: the drafting unit of a công văn, `05/BNV-VP` → `VP`, else null).
///
/// # Safety
/// `number` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_number_parse(
    number: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::number_parse(arg_str(number, "number")?).map(|v| json_text(&v))
        })
    }
}

/// Parses an urgency (field k, DOC-12) and writes `{"urgency", "name_vi", "name_en",
/// "edxml_priority"}`; `urgency` is null for "not urgent".
///
/// # Safety
/// `input` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_urgency_parse(
    input: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::urgency_parse(arg_str(input, "input")?).map(|v| json_text(&v))
        })
    }
}
