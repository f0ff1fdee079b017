//! edXML packages and status messages of the national document axis (QCVN 102:2016; QĐ 28/2018
//! Đ4, Đ6, Đ8–Đ10, Đ14): `egov_edxml_*`. Packages go in as bytes (up to
//! `EGOV_MAX_PACKAGE_BYTES`, 64 MiB) and come out as an [`EgovBytes`] freed with
//! [`egov_bytes_free`].

use super::*;
use crate::signer::{callback_signer, EgovSigner};

/// [`arg_bytes`] for a package or an attachment's content: up to
/// [`ops::EGOV_MAX_PACKAGE_BYTES`].
///
/// # Safety
/// `p` is NULL or valid for reads of `len` bytes during the call.
unsafe fn arg_package<'a>(p: *const u8, len: usize, name: &str) -> OpResult<&'a [u8]> {
    // SAFETY: forwarded contract of this function.
    unsafe { borrow_bytes(p, len, name, ops::check_package_size) }
}

/// Writes `bytes` into `*out` as an [`EgovBytes`] owned by the caller.
fn bytes_into(out: &mut EgovBytes, bytes: Vec<u8>) {
    let len = bytes.len();
    *out = EgovBytes {
        data: Box::into_raw(bytes.into_boxed_slice()).cast::<u8>(),
        len,
    };
}

/// Runs `f` behind the panic guard and writes its bytes to `*out`: cleared first, so after an
/// error it is `{NULL, 0}`.
///
/// # Safety
/// `out` is NULL (an error) or writable.
unsafe fn bytes_out(out: *mut EgovBytes, f: impl FnOnce() -> OpResult<Vec<u8>>) -> EgovResult {
    guard(|| {
        // SAFETY: forwarded contract of this function.
        let slot = unsafe { out_slot(out, "out") }?;
        *slot = EgovBytes {
            data: std::ptr::null_mut(),
            len: 0,
        };
        let bytes = f()?;
        bytes_into(slot, bytes);
        Ok(())
    })
}

/// Reads an edXML package or status message (QCVN 102:2016 as real files show it: names by
/// namespace URI, children in any order, the flat and non-standard layouts) from `data` /
/// `data_len` (up to `EGOV_MAX_PACKAGE_BYTES`). `options_json` NULL means the defaults;
/// otherwise `{"unwrap": "auto" | "never", "limits": {"max_depth", "max_elements",
/// "max_attributes", "max_markup_bytes", "max_text_bytes", "max_attachments",
/// "max_input_bytes"}}`, every member optional. Writes the package's JSON: `{"message": {"kind":
/// "edoc" | "status", …}, "layout", "deviations" (strict-profile departures, each with `code`,
/// `at` `{offset, line, column}`, `path`, `message`, `message_vi`), "bytes", "sha256" (of the
/// file as sent), "line_breaks"}`; each attachment's `payload` describes its content (wrapping,
/// sizes, SHA-256, sniffed kind). Attachment contents: [`egov_edxml_attachment`]. Errors: a
/// DOCTYPE `edxml.doctype`, malformed XML `edxml.malformed` (the message gives the line and
/// column), a broken limit `edxml.limit`, XML that is not edXML `edxml.not_edxml`.
///
/// # Safety
/// `data` is readable for `data_len` bytes (NULL allowed when 0); `options_json` is NULL or
/// NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_read(
    data: *const u8,
    data_len: usize,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::edxml_read(
                arg_package(data, data_len, "data")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// [`egov_edxml_read`] of the package file `path` (UTF-8), streamed: the file is never held in
/// memory, so it may exceed `EGOV_MAX_PACKAGE_BYTES` (the `limits` of `options_json` still bound
/// it). A file that cannot be opened is `io.open`.
///
/// # Safety
/// `path` is NUL-terminated; `options_json` is NULL or NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_read_file(
    path: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::edxml_read_file(
                arg_str(path, "path")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Writes every attachment of the package file `path` to its own new file in `out_dir`
/// (created if missing; DOC-09, DOC-28), streamed whatever the sizes: the file name is made
/// safe from the package's `AttachmentName` (never a path, never over an existing file: `name
/// (2).pdf`, …), the content taken out of the VNPT ZIP wrapper unless `options_json` says
/// `{"unwrap": "never"}` (options as for [`egov_edxml_read`]). Writes `{"kind", "bytes",
/// "sha256", "out_dir", "attachments": [{"index", "attachment_name", "file_name", "path",
/// "renamed", "written_bytes", "content_kind", "content_sha256", "status": "whole" | "warning" |
/// "damaged", "problems": [{"severity", "code", "message", "message_vi"}], …}],
/// "without_content", "counts", "complete"}`: a damaged attachment is `EGOV_RESULT_OK` with
/// `"complete": false`. Errors: the read errors of [`egov_edxml_read`], `io.open`, `io.write`
/// (its message lists the files written before).
///
/// # Safety
/// `path` and `out_dir` are NUL-terminated; `options_json` is NULL or NUL-terminated;
/// `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_extract(
    path: *const c_char,
    out_dir: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::edxml_extract(
                arg_str(path, "path")?,
                arg_str(out_dir, "out_dir")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// [`egov_edxml_build`] with the attachments' contents read from the files `paths[0..count]`
/// (one per entry of `attachments` of the message, streamed: a file of any size never sits in
/// memory; at most 1000) and the package written to `out_path` (through a temporary file in
/// the same directory renamed when complete: never a half-written package; an existing file is
/// replaced). Writes `{"path", "kind", "bytes", "sha256" (of the package as written),
/// "attachments": [{"bytes", "sha256"}]}` to `*out_json`. A file that cannot be opened is
/// `io.open`, an output that cannot be written `io.write`.
///
/// # Safety
/// `message_json` and `out_path` are NUL-terminated; `paths` is NULL only when `count` is 0,
/// else readable for `count` NUL-terminated strings; `options_json` is NULL or NUL-terminated;
/// `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_build_file(
    message_json: *const c_char,
    paths: *const *const c_char,
    count: usize,
    out_path: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let max = egov_edxml::Limits::default().max_attachments;
            if count > max {
                return Err(ops::OpError::call(
                    EgovResult::InputTooLarge,
                    &BindingError::TooManyAttachments { count, max },
                ));
            }
            let ptrs: &[*const c_char] = if count == 0 {
                &[]
            } else if paths.is_null() {
                return Err(null_arg("paths"));
            } else {
                std::slice::from_raw_parts(paths, count)
            };
            let mut list = Vec::with_capacity(count);
            for (i, &p) in ptrs.iter().enumerate() {
                list.push(arg_str(p, &format!("paths[{i}]"))?);
            }
            ops::edxml_build_file(
                arg_str(message_json, "message_json")?,
                &list,
                arg_str(out_path, "out_path")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// The content of attachment `index` (from 0, in the order of `message.attachments` of
/// [`egov_edxml_read`]) of the package `data` / `data_len`: after the VNPT ZIP wrapper unless
/// `options_json` says `{"unwrap": "never"}` (options as for [`egov_edxml_read`]; NULL = the
/// defaults). Writes the content to `*out_content` (free it with [`egov_bytes_free`]; empty for
/// an attachment without content) and the attachment's JSON entry (`content_id`,
/// `attachment_name`, `description`, `content_type`, `payload`) to `*out_json`. An index past
/// the last attachment is `ffi.attachment_index`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `options_json` is NULL or NUL-terminated;
/// `out_content` and `out_json` are writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_attachment(
    data: *const u8,
    data_len: usize,
    index: usize,
    options_json: *const c_char,
    out_content: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    guard(|| {
        // Clear whichever outputs were given before any check (see `image_out`).
        // SAFETY: each pointer is NULL or writable (the caller's contract).
        if let Some(c) = unsafe { out_content.as_mut() } {
            *c = EgovBytes {
                data: std::ptr::null_mut(),
                len: 0,
            };
        }
        // SAFETY: as above.
        if let Some(j) = unsafe { out_json.as_mut() } {
            *j = std::ptr::null_mut();
        }
        // SAFETY: as above.
        let content_slot = unsafe { out_slot(out_content, "out_content") }?;
        // SAFETY: as above.
        let json_slot = unsafe { out_slot(out_json, "out_json") }?;
        // SAFETY: the caller guarantees `data` / `data_len` and `options_json`.
        let (data, options) = unsafe {
            (
                arg_package(data, data_len, "data")?,
                arg_opt_str(options_json, "options_json")?,
            )
        };
        let (content, meta) = ops::edxml_attachment(data, index, options)?;
        let meta = into_c(meta)?;
        bytes_into(content_slot, content);
        *json_slot = meta;
        Ok(())
    })
}

/// The receiving check of QĐ 28/2018 Đ9.1 (DOC-28) of the package `data` / `data_len`, in one
/// report: layout (DOC-05), agency codes and their registry status (DOC-01…04), document id
/// (DOC-08), metadata a)–q) (DOC-10), urgency (DOC-12), send deadline on `calendar` (NULL = the
/// built-in Vietnamese calendar; DOC-19/21), business type (DOC-27), attachments (DOC-09,
/// DOC-28), the XMLDSig signature verified (DOC-14, DOC-18), status direction and reasons
/// (DOC-11, 29, 30). `options_json` NULL means the defaults; otherwise `{"anchors_pem": PEM roots
/// of the signature's chain (absent: the chain is `unknown`), "registry": CSV or JSON text (or
/// the registry's JSON object), "agency_profile": "lenient" | "strict", "layout_findings": bool,
/// "deadline_policy": {"morning_end", "urgent_tolerance_seconds"}}`. Writes `{"overall",
/// "compliant", "findings", "kind", "sha256", "bytes"}`; a package that fails is still
/// `EGOV_RESULT_OK` (see `overall`), only an unreadable one is an error (as
/// [`egov_edxml_read`]).
///
/// # Safety
/// `data` is readable for `data_len` bytes; `options_json` is NULL or NUL-terminated;
/// `calendar` is NULL or a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_check(
    data: *const u8,
    data_len: usize,
    options_json: *const c_char,
    calendar: *const EgovCalendar,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::edxml_check(
                arg_package(data, data_len, "data")?,
                arg_opt_str(options_json, "options_json")?,
                calendar_or_builtin(calendar),
            )
        })
    }
}

/// Builds a package in the VNPT builder's layout (DOC-05) from `message_json` (the `message` of
/// [`egov_edxml_read`]: `{"kind": "edoc", "header", "trace", "signature", "manifest",
/// "attachments"}` or `{"kind": "status", "from", "response_for", "staff_info", "status_code",
/// "description", "timestamp"}`) and `count` attachment contents (`attachments[i]` readable for
/// `attachment_lens[i]` bytes, one per entry of `attachments` of an `edoc`, each zipped as the
/// VNPT JAR does; together up to `EGOV_MAX_PACKAGE_BYTES`; at most 1000). `options_json` NULL
/// means CRLF line ends; otherwise `{"line_ending": "crlf" | "lf"}`. Writes the package to
/// `*out_package` (free it with [`egov_bytes_free`]). A count that differs from the attachments
/// described is `edxml.build.attachment_count`; a control character in a value
/// `edxml.build.invalid_char`.
///
/// # Safety
/// `message_json` is NUL-terminated; `attachments` and `attachment_lens` are NULL only when
/// `count` is 0, else readable for `count` elements, each `attachments[i]` readable for
/// `attachment_lens[i]` bytes; `options_json` is NULL or NUL-terminated; `out_package` is
/// writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_build(
    message_json: *const c_char,
    attachments: *const *const u8,
    attachment_lens: *const usize,
    count: usize,
    options_json: *const c_char,
    out_package: *mut EgovBytes,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        bytes_out(out_package, || {
            let max = egov_edxml::Limits::default().max_attachments;
            if count > max {
                return Err(ops::OpError::call(
                    EgovResult::InputTooLarge,
                    &BindingError::TooManyAttachments { count, max },
                ));
            }
            let (ptrs, lens): (&[*const u8], &[usize]) = if count == 0 {
                (&[], &[])
            } else {
                if attachments.is_null() {
                    return Err(null_arg("attachments"));
                }
                if attachment_lens.is_null() {
                    return Err(null_arg("attachment_lens"));
                }
                (
                    std::slice::from_raw_parts(attachments, count),
                    std::slice::from_raw_parts(attachment_lens, count),
                )
            };
            let mut contents = Vec::with_capacity(count);
            for (i, (&p, &len)) in ptrs.iter().zip(lens).enumerate() {
                contents.push(arg_package(p, len, &format!("attachments[{i}]"))?);
            }
            ops::edxml_build(
                arg_str(message_json, "message_json")?,
                &contents,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Signs the package `data` / `data_len` with an enveloped XMLDSig signature (DOC-18, Đ6.1;
/// DOC-14: a signed e-document sent through the system has the legal value of paper), placed
/// last in `edXMLHeader`: RSA-SHA256 for an RSA key, ECDSA P-256-SHA256 for a P-256 key.
/// `key_pem` is the PKCS#8 private key (PEM `PRIVATE KEY`), `certs_pem` the certificate chain
/// (PEM, signer first, then intermediates). `options_json` NULL means the defaults; otherwise
/// `{"c14n": URI (default exclusive C14N 1.0), "digest": "sha256" | "sha384" | "sha512" |
/// "sha1", "legacy_sha1": bool}` (`"sha1"` only with `"legacy_sha1": true`: legacy, weak).
/// Writes the signed package to `*out_signed` (free it with [`egov_bytes_free`]). A key on a
/// token or a remote service: [`egov_edxml_sign_with`]. Errors: `dsig.sign.key` (key or chain
/// unusable), `dsig.sign.already_signed`, `dsig.sign.read` (not XML), `dsig.sign.no_header`,
/// `dsig.sign.c14n`, `dsig.sign.legacy_sha1`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `key_pem` and `certs_pem` are NUL-terminated;
/// `options_json` is NULL or NUL-terminated; `out_signed` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_sign(
    data: *const u8,
    data_len: usize,
    key_pem: *const c_char,
    certs_pem: *const c_char,
    options_json: *const c_char,
    out_signed: *mut EgovBytes,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        bytes_out(out_signed, || {
            ops::edxml_sign(
                arg_package(data, data_len, "data")?,
                arg_str(key_pem, "key_pem")?.as_bytes(),
                arg_str(certs_pem, "certs_pem")?.as_bytes(),
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Signs the package `data` / `data_len` as [`egov_edxml_sign`] does, the private-key
/// operation made by the caller's `signer` (a token through its vendor's library, an HSM, a
/// remote signing service; see [`EgovSigner`]): egov canonicalises, hashes and builds the
/// signature, `signer->sign` signs the canonical `SignedInfo`. `options_json` as
/// [`egov_edxml_sign`]'s. A `sign` that returns non-zero is `dsig.sign.signer`; an unknown
/// algorithm `ffi.invalid_arguments`; a chain that does not read `sign.key.certificates`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `signer` points to a valid [`EgovSigner`] (see
/// its fields); `options_json` is NULL or NUL-terminated; `out_signed` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_sign_with(
    data: *const u8,
    data_len: usize,
    signer: *const EgovSigner,
    options_json: *const c_char,
    out_signed: *mut EgovBytes,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        bytes_out(out_signed, || {
            let data = arg_package(data, data_len, "data")?;
            let options = arg_opt_str(options_json, "options_json")?;
            let signer = callback_signer(signer)?;
            ops::edxml_sign_with(data, &signer, options)
        })
    }
}

/// Verifies the XMLDSig signature of the package `data` / `data_len` (DOC-18): the digest of the
/// document, the signature value and, with `anchors_pem` (PEM root certificates; NULL: the chain
/// is not checked and trust is not claimed), the certificate chain at the signing time the
/// package states. `options_json` NULL or `{"at": timestamp with offset}` (the time the
/// certificates must be valid at). Writes `{"valid", "failure_code" (`"dsig.digest_mismatch"`,
/// `"dsig.signature_invalid"`, `"dsig.untrusted"`, `"dsig.expired"`, `"dsig.no_signature"`,
/// `"dsig.placeholder"`, … or null), "failure" (its details), "signature_algorithm",
/// "digest_algorithm", "canonicalization", "signer", "chain", "checked_at", "warnings",
/// "findings"}`; a signature that does not verify is still `EGOV_RESULT_OK` with `"valid":
/// false`. Anchors that are not PEM certificates are `ffi.invalid_anchors`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `anchors_pem` and `options_json` are NULL or
/// NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_edxml_verify(
    data: *const u8,
    data_len: usize,
    anchors_pem: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::edxml_verify(
                arg_package(data, data_len, "data")?,
                arg_opt_str(anchors_pem, "anchors_pem")?.map(str::as_bytes),
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}
