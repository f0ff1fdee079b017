//! Signed trust lists of conversion-mark keys (issue 14, format `egov-trust-list/1`):
//! `egov_trustlist_*`. Lists travel as JSON text; every function writes JSON text to
//! `out_json` (free it with `egov_string_free`). The semantics (pins, chains, stale lists,
//! retired and revoked keys) are documented in the Rust crate `egov_conversion::trustlist`.

use super::*;

/// An empty, unsigned list of `issuer` (`agency_code` may be NULL), with its issue and
/// next-update times (RFC 3339 with offset). Sequence 0: issuing makes it 1.
///
/// # Safety
/// Strings are NUL-terminated (`agency_code` may be NULL); `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_new(
    issuer: *const c_char,
    agency_code: *const c_char,
    issued_at: *const c_char,
    next_update: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_new(
                arg_str(issuer, "issuer")?,
                arg_opt_str(agency_code, "agency_code")?,
                arg_str(issued_at, "issued_at")?,
                arg_str(next_update, "next_update")?,
            )
        })
    }
}

/// Adds an entry to `list_json`: `entry_json` is `{"public_key": "<64 hex>", "role"?:
/// "mark_signer" | "list_operator", "holder": {"name", "agency_code"?}, "valid_from",
/// "valid_until"?}`. The list's signatures are dropped: issue it again.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_add(
    list_json: *const c_char,
    entry_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_add(
                arg_str(list_json, "list_json")?,
                arg_str(entry_json, "entry_json")?,
            )
        })
    }
}

/// Retires key `key_id` at `at` (what it signed up to `at` stays trusted); signatures dropped.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_retire(
    list_json: *const c_char,
    key_id: *const c_char,
    at: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_retire(
                arg_str(list_json, "list_json")?,
                arg_str(key_id, "key_id")?,
                arg_str(at, "at")?,
            )
        })
    }
}

/// Revokes key `key_id` for compromise at `at` with `reason` (nothing it signed stays
/// trusted, whatever date a mark claims); signatures dropped.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_revoke(
    list_json: *const c_char,
    key_id: *const c_char,
    at: *const c_char,
    reason: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_revoke(
                arg_str(list_json, "list_json")?,
                arg_str(key_id, "key_id")?,
                arg_str(at, "at")?,
                arg_str(reason, "reason")?,
            )
        })
    }
}

/// Issues `list_json` as a new version signed by the operator key `secret_key_hex` (a 32-byte
/// Ed25519 seed in hex): `issued_at` and `next_update` set, sequence + 1. A list that already
/// carries signatures is refused (`trust_list.conflict`): co-sign it instead.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_issue(
    list_json: *const c_char,
    secret_key_hex: *const c_char,
    issued_at: *const c_char,
    next_update: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_issue(
                arg_str(list_json, "list_json")?,
                arg_str(secret_key_hex, "secret_key_hex")?,
                arg_str(issued_at, "issued_at")?,
                arg_str(next_update, "next_update")?,
            )
        })
    }
}

/// Adds another operator's signature to an issued list, its content unchanged.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_cosign(
    list_json: *const c_char,
    secret_key_hex: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_cosign(
                arg_str(list_json, "list_json")?,
                arg_str(secret_key_hex, "secret_key_hex")?,
            )
        })
    }
}

/// Verifies `lists_json` (a JSON array of signed lists) against `pins_json` (a JSON array of
/// pinned operator keys, 64 hex digits each) at the verifier's time `at`: writes
/// `{"at", "lists": [{"issuer", "sequence", "accepted", "vouched_by", "voucher", "stale", …}], "keys",
/// "trust", "findings"}`. An unaccepted or stale list is a finding, not an error.
///
/// # Safety
/// Strings are NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_verify(
    lists_json: *const c_char,
    pins_json: *const c_char,
    at: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trustlist_verify(
                arg_str(lists_json, "lists_json")?,
                arg_str(pins_json, "pins_json")?,
                arg_str(at, "at")?,
            )
        })
    }
}

/// Checks a mark's QR text (or the lookup URL with the payload in its fragment) against the
/// keys `lists_json` vouches for (see [`egov_trustlist_verify`]); `content` NULL = no file to
/// compare, else `content_len` bytes hashed. Writes `{"status": "verified" | "list_stale" |
/// "key_unknown" | "key_revoked" | "key_outside_period" | "content_mismatch" |
/// "signature_invalid" | "malformed", "verification", "holder", "key_status", "lists",
/// "findings"}`; a mark that does not verify is still `EGOV_RESULT_OK`.
///
/// # Safety
/// Strings are NUL-terminated; `content` is NULL or readable for `content_len` bytes;
/// `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trustlist_check_mark(
    qr_text: *const c_char,
    lists_json: *const c_char,
    pins_json: *const c_char,
    at: *const c_char,
    content: *const u8,
    content_len: usize,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let content = if content.is_null() {
                None
            } else {
                Some(arg_image(content, content_len, "content")?)
            };
            ops::trustlist_check_mark(
                arg_str(qr_text, "qr_text")?,
                arg_str(lists_json, "lists_json")?,
                arg_str(pins_json, "pins_json")?,
                arg_str(at, "at")?,
                content,
            )
        })
    }
}
