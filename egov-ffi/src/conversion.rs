//! Conversion marks (NĐ 137/2024 Đ4, Đ5; CONV-02…21): `egov_conversion_*`.

use super::*;

/// Makes a conversion mark (CONV-02, CONV-09…11; NĐ 137/2024 Đ4.1, Đ5.1–2) from
/// `request_json`: `{"direction": "paper_to_data" | "data_to_paper", "profile"?: "general" |
/// "admin_procedure_result" | "sao_y" | "sao_luc" | "trich_sao", "converted_at",
/// "converter_full_name", "source_system"?: {"system_name", "owner_name", "locator"},
/// "mark_text"? | "wording"?, "extensions"?}`. The text mark is the SDK wording (A-08, not a
/// legal text) unless given. Writes `{"mark": {...}, "overall", "findings"}`: the mark to sign
/// and its validation (a data → paper mark without its source system is made and reported).
///
/// # Safety
/// `request_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_make(
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::conversion_make(arg_str(request_json, "request_json")?)
        })
    }
}

/// Checks a conversion system against NĐ 137/2024 Đ4.2 (paper → data, CONV-07) and Đ5.3
/// (data → paper, CONV-16) and computes the Đ23 transition deadline (CONV-21: 24 months after
/// `effective_date`, NULL = 2024-10-23, rolled to the next working day of `calendar`,
/// NULL = built-in). `system_json`: `{"paper_to_data": bool, "data_to_paper": bool,
/// "law_12_1_d_applies"?: bool, "evidence": {"<capability>": {"status": "attested", "by",
/// "reference"} | {"status": "missing", "reason"}}}`. With `now` (NULL = not judged) the
/// system is judged against the deadline. Writes `{"overall", "findings",
/// "transition_deadline", "transition"}`.
///
/// # Safety
/// `system_json` is a NUL-terminated string; `now` and `effective_date` are NUL-terminated or
/// NULL; `calendar` is NULL or a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_check_system(
    system_json: *const c_char,
    now: *const c_char,
    effective_date: *const c_char,
    calendar: *const EgovCalendar,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let cal = calendar_or_builtin(calendar);
            ops::conversion_check_system(
                arg_str(system_json, "system_json")?,
                arg_opt_str(now, "now")?,
                arg_opt_str(effective_date, "effective_date")?,
                cal,
            )
        })
    }
}

/// Validates a conversion mark (CONV-02…15): `mark_json` is the mark's JSON form. Writes
/// `{"overall", "findings"}`; an invalid mark is still `EGOV_RESULT_OK` (see `overall`).
///
/// # Safety
/// `mark_json` is a NUL-terminated string; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_validate(
    mark_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::conversion_validate(arg_str(mark_json, "mark_json")?)
        })
    }
}

/// Signs a conversion mark: `mark_json` is the mark's JSON form, `content`/`content_len` the
/// bytes the mark covers (hashed with SHA-256; NULL allowed when the length is 0),
/// `secret_key_hex` the 32-byte Ed25519 seed as 64 hex digits, `options_json` a
/// `PayloadOptions` (`{"lookup_url", "limits"}`) or NULL. Writes `{"qr_text", "qr_version",
/// "key_id", "public_key", "content_sha256", "lookup_url", "mark"}`.
///
/// # Safety
/// Strings are NUL-terminated (`options_json` may be NULL); `content` is readable for
/// `content_len` bytes; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_sign(
    mark_json: *const c_char,
    content: *const u8,
    content_len: usize,
    secret_key_hex: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            ops::conversion_sign(
                arg_str(mark_json, "mark_json")?,
                arg_image(content, content_len, "content")?,
                arg_str(secret_key_hex, "secret_key_hex")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Verifies the text of a conversion-mark QR code against `trust_json` (`{"keys": [...]}`):
/// `content` NULL means "no content to compare"; otherwise `content_len` bytes are hashed and
/// compared. Writes the verification ladder (`state`, `failure`, `verified`, `mark`, …); a
/// payload that does not verify is still `EGOV_RESULT_OK` (see `verified`).
///
/// # Safety
/// Strings are NUL-terminated; `content` is NULL or readable for `content_len` bytes;
/// `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_verify(
    qr_text: *const c_char,
    trust_json: *const c_char,
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
            ops::conversion_verify(
                arg_str(qr_text, "qr_text")?,
                arg_str(trust_json, "trust_json")?,
                content,
            )
        })
    }
}

/// Frees the bytes of `bytes` and resets it to `{NULL, 0}`; NULL or an empty buffer is a no-op.
///
/// # Safety
/// `bytes` is NULL or points to an `EgovBytes` filled by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn egov_bytes_free(bytes: *mut EgovBytes) {
    // SAFETY: the caller guarantees `bytes` is NULL or valid.
    let Some(b) = (unsafe { bytes.as_mut() }) else {
        return;
    };
    if b.data.is_null() {
        return;
    }
    let (data, len) = (b.data, b.len);
    b.data = std::ptr::null_mut();
    b.len = 0;
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `data`/`len` came from `Box::<[u8]>::into_raw` in this library, freed once.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(data, len)) });
    }));
}

/// Signs a conversion mark and stamps its QR and text block onto a page image (PNG or JPEG in,
/// the same format out; CONV-03 / CONV-12). `content` NULL means "the page itself" is what the
/// mark covers. `options_json` NULL means the defaults; otherwise `{"payload": {"lookup_url"},
/// "stamp": {"render": {"dpi", …}, "position": {"at": "bottom_left"}, "margin_mm",
/// "cover_threshold", "dpi_from_image"}}`, every member optional (300 dpi, top right, 8 mm
/// margin; `"dpi_from_image": true` sizes the block for the resolution the image states,
/// 150–1200 dpi). Writes the stamped image to `*out_image` (free it with [`egov_bytes_free`])
/// and `{"format", "rect", "covered_dark_fraction", "printed", "dpi", "dpi_from_image",
/// "findings", "qr_text", "key_id"}` to `*out_json`.
///
/// # Safety
/// `page` is readable for `page_len` bytes, `content` NULL or readable for `content_len`;
/// strings are NUL-terminated (`options_json` may be NULL); `out_image` and `out_json` are
/// writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_stamp_page(
    page: *const u8,
    page_len: usize,
    mark_json: *const c_char,
    content: *const u8,
    content_len: usize,
    secret_key_hex: *const c_char,
    options_json: *const c_char,
    out_image: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        image_out(out_image, out_json, || {
            ops::conversion_stamp_page(
                arg_image(page, page_len, "page")?,
                arg_str(mark_json, "mark_json")?,
                if content.is_null() {
                    None
                } else {
                    Some(arg_image(content, content_len, "content")?)
                },
                arg_str(secret_key_hex, "secret_key_hex")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Signs a conversion mark over `content` and renders the mark block alone (QR code and text,
/// CONV-03 / CONV-12) as a greyscale PNG, to place on a page or into a PDF yourself.
/// `options_json` as for [`egov_conversion_stamp_page`] (`stamp.render` sizes the block; NULL =
/// 300 dpi). Writes the PNG to `*out_png` (free it with [`egov_bytes_free`]) and `{"width",
/// "height", "dpi", "qr_text", "qr_version", "key_id"}` to `*out_json`.
///
/// # Safety
/// `content` is readable for `content_len` bytes (NULL allowed when 0); strings are
/// NUL-terminated (`options_json` may be NULL); `out_png` and `out_json` are writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_render_mark(
    mark_json: *const c_char,
    content: *const u8,
    content_len: usize,
    secret_key_hex: *const c_char,
    options_json: *const c_char,
    out_png: *mut EgovBytes,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        image_out(out_png, out_json, || {
            ops::conversion_render_mark(
                arg_str(mark_json, "mark_json")?,
                arg_image(content, content_len, "content")?,
                arg_str(secret_key_hex, "secret_key_hex")?,
                arg_opt_str(options_json, "options_json")?,
            )
        })
    }
}

/// Runs `f` behind the panic guard and writes its image and JSON answer: both outputs are
/// cleared first, so after an error they are NULL / empty.
///
/// # Safety
/// `out_image` and `out_json` are NULL (an error) or writable.
unsafe fn image_out(
    out_image: *mut EgovBytes,
    out_json: *mut *mut c_char,
    f: impl FnOnce() -> OpResult<(Vec<u8>, String)>,
) -> EgovResult {
    guard(|| {
        // Clear whichever outputs were given before any check, so that after an error both
        // are NULL / empty even when the other pointer was the NULL one.
        // SAFETY: forwarded contract of this function (each pointer NULL or writable).
        if let Some(img) = unsafe { out_image.as_mut() } {
            *img = EgovBytes {
                data: std::ptr::null_mut(),
                len: 0,
            };
        }
        // SAFETY: as above.
        if let Some(json) = unsafe { out_json.as_mut() } {
            *json = std::ptr::null_mut();
        }
        // SAFETY: as above.
        let img_slot = unsafe { out_slot(out_image, "out_image") }?;
        // SAFETY: as above.
        let json_slot = unsafe { out_slot(out_json, "out_json") }?;
        let (image, meta) = f()?;
        let meta = into_c(meta)?;
        let len = image.len();
        *img_slot = EgovBytes {
            data: Box::into_raw(image.into_boxed_slice()).cast::<u8>(),
            len,
        };
        *json_slot = meta;
        Ok(())
    })
}

/// Finds every conversion mark's QR code on a page image (PNG, JPEG or a TIFF's first page; up
/// to `EGOV_MAX_IMAGE_BYTES`), in any orientation, and verifies each against `trust_json`;
/// `content` NULL means "no content to compare". Writes `{"verdict", "verified",
/// "qr_codes_found", "marks", "qr_text", "verification", "printed_lines", "findings",
/// "decoder", …}` (the library's `PageVerification`); `printed_lines` are the signed mark's
/// lines as printed, to compare with the paper. A page whose mark does not verify, or with two
/// different marks (`"verdict": "conflicting_marks"`), is still `EGOV_RESULT_OK` with
/// `"verified": false`; a page without a mark is `scan.no_mark`.
///
/// # Safety
/// `image` is readable for `image_len` bytes, `content` NULL or readable for `content_len`;
/// `trust_json` is NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_verify_page(
    image: *const u8,
    image_len: usize,
    trust_json: *const c_char,
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
            ops::conversion_verify_page(
                arg_image(image, image_len, "image")?,
                arg_str(trust_json, "trust_json")?,
                content,
            )
        })
    }
}

/// Verifies a document of `count` page images (`images[i]` readable for `image_lens[i]` bytes,
/// each PNG, JPEG or TIFF, a multi-page TIFF contributing every page) and says which page
/// carries the mark: writes the library's `DocumentVerification` JSON (`verdict`,
/// `mark_page`, `pages_with_marks`, `best`, `pages`) plus `"verified"`. Pages without a mark
/// are listed with their error code, not errors; `count == 0` is `image.no_pages`. Each image
/// may be up to `EGOV_MAX_IMAGE_BYTES`; at most 500 pages.
///
/// # Safety
/// `images` and `image_lens` are NULL only when `count` is 0, else readable for `count`
/// elements; each `images[i]` is readable for `image_lens[i]` bytes; `content` NULL or
/// readable for `content_len`; `trust_json` is NUL-terminated; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_conversion_verify_document(
    images: *const *const u8,
    image_lens: *const usize,
    count: usize,
    trust_json: *const c_char,
    content: *const u8,
    content_len: usize,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            if count > egov_conversion::scan::MAX_PAGES {
                return Err(ops::OpError {
                    result: EgovResult::InputTooLarge,
                    ..ops::OpError::domain(&egov_conversion::scan::ScanError::TooManyPages)
                });
            }
            let (ptrs, lens): (&[*const u8], &[usize]) = if count == 0 {
                (&[], &[])
            } else {
                if images.is_null() {
                    return Err(null_arg("images"));
                }
                if image_lens.is_null() {
                    return Err(null_arg("image_lens"));
                }
                (
                    std::slice::from_raw_parts(images, count),
                    std::slice::from_raw_parts(image_lens, count),
                )
            };
            let mut pages = Vec::with_capacity(count);
            for (i, (&p, &len)) in ptrs.iter().zip(lens).enumerate() {
                pages.push(arg_image(p, len, &format!("images[{i}]"))?);
            }
            let content = if content.is_null() {
                None
            } else {
                Some(arg_image(content, content_len, "content")?)
            };
            ops::conversion_verify_document(&pages, arg_str(trust_json, "trust_json")?, content)
        })
    }
}
