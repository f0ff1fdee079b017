//! Agency codes and the registry (DOC-01…04): `egov_agency_*`.

use super::*;

/// Parses an agency code (DOC-01…03) and writes `{"code", "level", "parent", "root", "groups",
/// "findings"}`. `lenient` accepts the lenient profile (letters in more groups, gaps).
///
/// # Safety
/// `code` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_parse(
    code: *const c_char,
    lenient: bool,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::agency_parse(arg_str(code, "code")?, lenient).map(|v| json_text(&v))
        })
    }
}

/// Writes the level (1…4) of a strict agency code to `*out_level`.
///
/// # Safety
/// `code` is a NUL-terminated string; `out_level` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_level(code: *const c_char, out_level: *mut u8) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (code, slot) = unsafe { (arg_str(code, "code")?, out_slot(out_level, "out_level")?) };
        *slot = ops::agency_code(code, false)?.level();
        Ok(())
    })
}

/// Writes the parent of a strict agency code to `*out_parent`, or NULL for a level-1 code (the
/// result is still `EGOV_RESULT_OK`).
///
/// # Safety
/// `code` is a NUL-terminated string; `out_parent` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_parent(
    code: *const c_char,
    out_parent: *mut *mut c_char,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (code, slot) = unsafe { (arg_str(code, "code")?, out_slot(out_parent, "out_parent")?) };
        *slot = std::ptr::null_mut();
        if let Some(parent) = ops::agency_code(code, false)?.parent() {
            *slot = into_c(parent.to_string())?;
        }
        Ok(())
    })
}

/// Writes the level-1 ancestor (root) of a strict agency code to `*out_root`.
///
/// # Safety
/// `code` is a NUL-terminated string; `out_root` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_root(
    code: *const c_char,
    out_root: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_root, || {
            Ok(ops::agency_code(arg_str(code, "code")?, false)?
                .root()
                .to_string())
        })
    }
}

/// Writes whether `ancestor` is a strict ancestor of `descendant` to `*out`.
///
/// # Safety
/// `ancestor` and `descendant` are NUL-terminated strings; `out` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_is_ancestor_of(
    ancestor: *const c_char,
    descendant: *const c_char,
    out: *mut bool,
) -> EgovResult {
    guard(|| {
        // SAFETY: the caller's contract covers every pointer.
        let (a, d, slot) = unsafe {
            (
                arg_str(ancestor, "ancestor")?,
                arg_str(descendant, "descendant")?,
                out_slot(out, "out")?,
            )
        };
        *slot = ops::agency_is_ancestor_of(a, d)?;
        Ok(())
    })
}

/// Checks an agency code against a registry as of a date (DOC-04) and writes `{"code",
/// "as_of", "status", "finding"}`. `registry` is the registry's JSON form or CSV text.
///
/// # Safety
/// `code`, `registry` and `as_of` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_agency_registry_check(
    code: *const c_char,
    registry: *const c_char,
    as_of: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::agency_registry_check(
                arg_str(code, "code")?,
                arg_str(registry, "registry")?,
                arg_str(as_of, "as_of")?,
            )
            .map(|v| json_text(&v))
        })
    }
}
