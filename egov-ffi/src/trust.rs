//! Network trust (NĐ 137/2024 Đ21; TRUST-01…04): `egov_trust_*`.

use super::*;

/// Parses and checks a security.txt file (TRUST-02.e, RFC 9116): `content`/`content_len` are the
/// file's bytes (any bytes: non-UTF-8 is a problem in the result, not an error), `now` the
/// evaluation time with offset, `fetched_from` the URI it was read from or NULL. Writes
/// `{"valid", "problems": [{"code", "severity", "line", "message", "message_vi"}], "contacts",
/// "expires", …}`.
///
/// # Safety
/// `content` is readable for `content_len` bytes (NULL allowed when 0); strings are
/// NUL-terminated (`fetched_from` may be NULL); `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_security_txt(
    content: *const u8,
    content_len: usize,
    now: *const c_char,
    fetched_from: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_security_txt(
                arg_bytes(content, content_len, "content")?,
                arg_str(now, "now")?,
                arg_opt_str(fetched_from, "fetched_from")?,
            )
        })
    }
}

/// Looks `host` up in an advisory do-not-access list (TRUST-02.d): `list_text` has one domain,
/// address or range a line (`#` comments). Writes `{"listed", "hit", "rejected_lines"}`.
///
/// # Safety
/// `list_text` and `host` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_blocklist_match(
    list_text: *const c_char,
    host: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_blocklist_match(arg_str(list_text, "list_text")?, arg_str(host, "host")?)
        })
    }
}

/// Evaluates the six network-trust criteria of Đ21.2 and the overall verdict (TRUST-02,
/// TRUST-03) from `request_json`: the evidence and context in the JSON form of
/// `egov_trust::request` (`now` required; `system`, `host`, `addresses`, `security_level`,
/// `consent`, `malware_scan`, `contacts`, `gov_names`, `tls` `{chain, version, cipher_suite}`,
/// `page` `{url, html}`, `security_txt` `{content, fetched_from}`, `blocklist` `{source,
/// fetched_at, entries}`, `anchors` `{roots, with_builtin}`, `policy` optional,
/// `max_attestation_age` `{security_level_days, malware_scan_days}` optional: attestations dated
/// after `now` or older than these are not evidence). Writes
/// `{"evaluated_at", "verdicts": [{"criterion", "outcome", "findings"}], "outcome",
/// "meets_criteria"}`. Missing evidence is `unknown`, never `pass`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_evaluate(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_evaluate(arg_str(request_json, "request_json")?)
        })
    }
}

/// Evaluates one criterion of Đ21.2 (TRUST-02) from the same request as
/// [`egov_trust_evaluate`]: `criterion` is `a`, `b`, `c`, `d`, `đ` (or `dd`) or `e`; `c` is the
/// TLS check (chain to a trust anchor, validity, host name, key and signature strength,
/// version and cipher suite against the policy). Writes `{"criterion", "outcome", "findings"}`.
///
/// # Safety
/// `request_json` and `criterion` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_criterion(
    request_json: *const c_char,
    criterion: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_criterion(
                arg_str(request_json, "request_json")?,
                arg_str(criterion, "criterion")?,
            )
        })
    }
}

/// Scans the request's page for links (TRUST-02.đ): writes `{"links": [{"element",
/// "attribute", "raw", "url", "download"}], "flagged": [{"link", "flag", "detail"}],
/// "verdict": {...}}`. A request without `page` is `EGOV_RESULT_INVALID_INPUT` with code
/// `trust.page_missing`.
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_links(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_links(arg_str(request_json, "request_json")?)
        })
    }
}

/// Writes the self-declaration (TRUST-04, NĐ 137/2024 Đ21.3) of the request's evaluation:
/// `{"declaration": {format, basis, system, evaluated_at, policy, anchors, criteria, outcome,
/// meets_criteria, …}, "markdown": "…"}` with the Markdown in `lang` (`vi` or `en`). A
/// self-assessment, not a certificate.
///
/// # Safety
/// `request_json` and `lang` are NUL-terminated strings; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_trust_declare(
    request_json: *const c_char,
    lang: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::trust_declare(
                arg_str(request_json, "request_json")?,
                arg_str(lang, "lang")?,
            )
        })
    }
}
