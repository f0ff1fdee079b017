//! PDF files (issue 13): conversion marks stamped on an existing PDF and verified (NĐ 137/2024
//! Đ4, Đ5) and PAdES signatures made and verified (NĐ 30/2020 Đ25; QĐ 28/2018/QĐ-TTg Đ6.1):
//! `egov_pdf_*`. PDFs go in as bytes (up to `EGOV_MAX_PDF_BYTES`, 64 MiB) and come out as an
//! [`EgovBytes`] freed with [`egov_bytes_free`], with a JSON summary freed with
//! [`egov_string_free`]. Encrypted PDFs are refused (`pdf.encrypted`).

use super::*;
use crate::signer::{callback_signer, EgovSigner};

/// [`arg_bytes`] for a PDF: up to [`ops::EGOV_MAX_PDF_BYTES`].
///
/// # Safety
/// `p` is NULL or valid for reads of `len` bytes during the call.
unsafe fn arg_pdf<'a>(p: *const u8, len: usize, name: &str) -> OpResult<&'a [u8]> {
    // SAFETY: forwarded contract of this function.
    unsafe { borrow_bytes(p, len, name, ops::check_pdf_size) }
}

/// Runs `f` behind the panic guard and writes its PDF and JSON summary: both outputs are
/// cleared first, so after an error they are `{NULL, 0}` / NULL.
///
/// # Safety
/// `out_pdf` and `out_json` are NULL (an error) or writable.
unsafe fn pdf_out(
    out_pdf: *mut EgovBytes,
    out_json: *mut *mut c_char,
    f: impl FnOnce() -> OpResult<(Vec<u8>, String)>,
) -> EgovResult {
    guard(|| {
        // Clear whichever outputs were given before any check, so that after an error both
        // are empty even when the other pointer was the NULL one.
        // SAFETY: forwarded contract of this function (each pointer NULL or writable).
        if let Some(p) = unsafe { out_pdf.as_mut() } {
            *p = EgovBytes {
                data: std::ptr::null_mut(),
                len: 0,
            };
        }
        // SAFETY: as above.
        if let Some(j) = unsafe { out_json.as_mut() } {
            *j = std::ptr::null_mut();
        }
        // SAFETY: as above.
        let pdf_slot = unsafe { out_slot(out_pdf, "out_pdf") }?;
        // SAFETY: as above.
        let json_slot = unsafe { out_slot(out_json, "out_json") }?;
        let (pdf, meta) = f()?;
        let meta = into_c(meta)?;
        let len = pdf.len();
        *pdf_slot = EgovBytes {
            data: Box::into_raw(pdf.into_boxed_slice()).cast::<u8>(),
            len,
        };
        *json_slot = meta;
        Ok(())
    })
}

/// Stamps a conversion mark on a page of the PDF `data` / `data_len` (NĐ 137/2024 Đ4, Đ5;
/// CONV-03, CONV-11, CONV-12, CONV-17) as an incremental update: the original bytes stay the
/// prefix of the output (a signature over them still holds). The mark (`mark_json`, the
/// mark's JSON form as for [`egov_conversion_sign`]) is signed with the Ed25519 key whose seed
/// is `secret_key_hex` (64 hex digits) over the SHA-256 and length of the PDF; its QR code and
/// text block are drawn as vector content, the payload also written to the document's XMP.
/// `options_json` NULL means the defaults; otherwise `{"payload": {"lookup_url", "limits"},
/// "stamp": {"page" (default 1), "placement": {"at": "auto", "margin_mm"} (default: the first
/// blank corner, 10 mm) | {"at": "corner", "corner": "top_right" | "top_left" | "bottom_right"
/// | "bottom_left", "margin_mm"} | {"at": "at", "x_mm", "y_mm"}, "render": {"module_mm",
/// "text_width_mm", "title_pt", "text_pt", "ec_level"}, "mode": "content" (default) |
/// "annotation", "limits": {"max_file_bytes", "max_decompressed_bytes", "max_pages",
/// "max_render_pixels", "time_budget_ms"}}}`, every member optional. Writes the stamped PDF to
/// `*out_pdf` (free it with [`egov_bytes_free`]) and `{"page", "placement", "rect_pt",
/// "corner", "mode", "original_len", "original_sha256", "output_len", "output_sha256",
/// "qr_text", "qr_version", "key_id", "block", "mark", "findings"}` to `*out_json`. Errors:
/// `pdf.encrypted`, `pdf.not_pdf`, `pdf.parse`, `pdf.xref_damaged`, `pdf.no_such_page`,
/// `pdf.does_not_fit`, `pdf.no_blank_area`, `pdf.locked`, `pdf.bad_option`, `pdf.payload` (the
/// mark is not valid), `ffi.invalid_key`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `mark_json` and `secret_key_hex` are
/// NUL-terminated; `options_json` is NULL or NUL-terminated; `out_pdf` and `out_json` are
/// writable.
#[no_mangle]
pub unsafe extern "C" fn egov_pdf_stamp(
    data: *const u8,
    data_len: usize,
    mark_json: *const c_char,
    secret_key_hex: *const c_char,
    options_json: *const c_char,
    out_pdf: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        pdf_out(out_pdf, out_json, || {
            ops::pdf_stamp(
                arg_pdf(data, data_len, "data")?,
                arg_str(mark_json, "mark_json")?,
                arg_str(secret_key_hex, "secret_key_hex")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Verifies a PDF stamped by [`egov_pdf_stamp`] against `trust_json` (`{"keys": [...]}`): the
/// payload in the XMP through the trust ladder with the original revision as content, the
/// revisions appended after it (each must chain back), the QR code printed on the page
/// (rendered and decoded) and the document's signatures (integrity only). `options_json` NULL
/// means the defaults; otherwise `{"render": bool (default true), "dpi": 72–600 (default 150),
/// "limits": {…}}`. Writes `{"verified", "xmp_payload", "original_len", "original_sha256",
/// "verification", "revisions_after", "printed", "signatures", "findings"}`; a mark that does
/// not verify is still `EGOV_RESULT_OK` with `"verified": false`. Errors: `pdf.encrypted`,
/// `pdf.not_pdf`, `pdf.parse`, `pdf.too_large`, `pdf.time_limit`, a trust set that cannot be read
/// (`trust_set.*`).
///
/// # Safety
/// `data` is readable for `data_len` bytes; `trust_json` is NUL-terminated; `options_json` is
/// NULL or NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_pdf_verify(
    data: *const u8,
    data_len: usize,
    trust_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::pdf_verify(
                arg_pdf(data, data_len, "data")?,
                arg_str(trust_json, "trust_json")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Signs the PDF `data` / `data_len` with a PAdES signature (PAdES-B-B, `ETSI.CAdES.detached`;
/// NĐ 30/2020 Đ25, NĐ 137/2024 Đ4.1.b–c) appended as an incremental update: RSA-SHA256 for an
/// RSA key, ECDSA for a P-256 / P-384 key. The key is either `key_pem` (the PKCS#8 private
/// key, PEM `PRIVATE KEY`) with `certs_pem` (the chain, PEM, signer first), `pkcs12` NULL; or
/// `pkcs12` / `pkcs12_len` (a `.p12` / `.pfx` file) with `password` (NULL = empty), `key_pem`
/// and `certs_pem` NULL; anything else is `ffi.invalid_arguments`. `options_json` NULL means
/// the defaults; otherwise `{"field_name", "reason", "location", "contact_info",
/// "signing_time" (timestamp with offset, /M; default now), "digest": "sha256" | "sha384" |
/// "sha512", "reserve_bytes", "appearance": {"page", "lines", "size_pt", "corner",
/// "margin_mm"} (a visible signature; default invisible), "limits"}`, every member optional.
/// Writes the signed PDF to `*out_pdf` (free it with [`egov_bytes_free`]) and `{"level",
/// "field_name", "signer": {"subject", "issuer", "serial", "not_before", "not_after"},
/// "certificates", "algorithm", "key_source": "pem" | "pkcs12", "claimed_time", "byte_range",
/// "original_len", "output_len", "output_sha256", "cms_len", "reserved"}` to `*out_json`.
/// Errors: `sign.key.*` (`sign.key.pkcs12`: wrong password or damaged file,
/// `sign.key.certificate_mismatch`, `sign.key.unsupported`, …), `pdf.encrypted`, `pdf.not_pdf`,
/// `pdf.parse`, `pdf.xref_damaged`, `pdf.locked` (a certification signature allows no change),
/// `pdf.bad_option`, `pdf.sign`.
///
/// # Safety
/// `data` is readable for `data_len` bytes; `key_pem`, `certs_pem` and `password` are NULL or
/// NUL-terminated; `pkcs12` is NULL or readable for `pkcs12_len` bytes; `options_json` is NULL
/// or NUL-terminated; `out_pdf` and `out_json` are writable.
#[no_mangle]
pub unsafe extern "C" fn egov_pdf_sign(
    data: *const u8,
    data_len: usize,
    key_pem: *const c_char,
    certs_pem: *const c_char,
    pkcs12: *const u8,
    pkcs12_len: usize,
    password: *const c_char,
    options_json: *const c_char,
    out_pdf: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        pdf_out(out_pdf, out_json, || {
            let pkcs12 = if pkcs12.is_null() {
                None
            } else {
                Some(arg_bytes(pkcs12, pkcs12_len, "pkcs12")?)
            };
            let key = ops::PdfKey::from_parts(
                arg_opt_str(key_pem, "key_pem")?.map(str::as_bytes),
                arg_opt_str(certs_pem, "certs_pem")?.map(str::as_bytes),
                pkcs12,
                arg_opt_str(password, "password")?,
            )?;
            ops::pdf_sign(
                arg_pdf(data, data_len, "data")?,
                key,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Signs the PDF `data` / `data_len` as [`egov_pdf_sign`] does (PAdES-B-B, incremental
/// update), the private-key operation made by the caller's `signer` (a token through its
/// vendor's library, an HSM, a remote signing service; see [`EgovSigner`]): egov builds the
/// CMS and `signer->sign` signs its signed attributes. `options_json`, `*out_pdf` and
/// `*out_json` as [`egov_pdf_sign`]'s, `"key_source": "external"`. A `sign` that returns
/// non-zero is `pdf.sign`; RSA-SHA1 is refused (`pdf.sign`).
///
/// # Safety
/// `data` is readable for `data_len` bytes; `signer` points to a valid [`EgovSigner`];
/// `options_json` is NULL or NUL-terminated; `out_pdf` and `out_json` are writable.
#[no_mangle]
pub unsafe extern "C" fn egov_pdf_sign_with(
    data: *const u8,
    data_len: usize,
    signer: *const EgovSigner,
    options_json: *const c_char,
    out_pdf: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        pdf_out(out_pdf, out_json, || {
            let data = arg_pdf(data, data_len, "data")?;
            let options = arg_opt_str(options_json, "options_json")?;
            let signer = callback_signer(signer)?;
            ops::pdf_sign_with(data, &signer, "external", options)
        })
    }
}

/// Verifies every PAdES signature and document time-stamp of the PDF `data` / `data_len`
/// (QĐ 28/2018/QĐ-TTg Đ6.1, DOC-18): the byte ranges, the CMS (message digest, signature value,
/// signing certificate), the chain to `anchors_pem` (PEM root certificates; NULL or empty: the
/// chain is `not_checked` and trust is not claimed) at the signing time, the revision each
/// covers and the revisions appended after it. `options_json` NULL or `{"at": timestamp with
/// offset (default per signature: its time-stamp, else its claimed /M, else now), "limits":
/// {…}}`. Writes `{"signatures": [{"field_name", "kind", "sub_filter", "byte_range",
/// "signed_len", "revision", "revisions_after", "claimed_time", "valid", "range_problem",
/// "cms", "timestamp", …}], "revisions", "updates": [{"revision", "adds", "other_changes",
/// "permitted"}] (each revision after the first signed one: the updates permitted after
/// signing it adds — "validation_data", "document_timestamp", "signature" — and what else it
/// changes), "all_valid", "findings"}`; a signature that does not
/// verify is still `EGOV_RESULT_OK` (see `valid`, `all_valid`). Errors: `pdf.encrypted`,
/// `pdf.not_pdf`, `pdf.parse`, `pdf.too_large`, `ffi.invalid_anchors`, `time.*` (a bad `at`).
///
/// # Safety
/// `data` is readable for `data_len` bytes; `anchors_pem` and `options_json` are NULL or
/// NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_pdf_verify_signatures(
    data: *const u8,
    data_len: usize,
    anchors_pem: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::pdf_verify_signatures(
                arg_pdf(data, data_len, "data")?,
                arg_opt_str(anchors_pem, "anchors_pem")?.map(str::as_bytes),
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}
