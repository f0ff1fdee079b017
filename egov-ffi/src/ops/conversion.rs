//! Conversion marks (NĐ 137/2024 Đ4, Đ5; CONV-02…21).

use super::*;

/// Decodes hex (either case, even length) into bytes; `ffi.invalid_hex` otherwise.
pub fn decode_hex(what: &str, s: &str) -> OpResult<Vec<u8>> {
    check_len(what, s)?;
    hex_bytes(what, s)
}

/// Hex (either case, even length, white space around it ignored) as bytes, whatever its
/// length (the callers bound it first); `ffi.invalid_hex` otherwise.
pub(crate) fn hex_bytes(what: &str, s: &str) -> OpResult<Vec<u8>> {
    hex::decode(s.trim()).map_err(|_| {
        OpError::input(BindingError::InvalidHex {
            name: what.to_owned(),
        })
    })
}

/// `conversion.validate`: the findings on a conversion mark (CONV-03…15), JSON text
/// `{"overall": …, "findings": […]}`. `mark` is the mark's JSON form.
pub fn conversion_validate(mark: &str) -> OpResult<String> {
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let report = egov_conversion::validate(&mark);
    to_text(&MetadataAnswer {
        overall: report.overall(),
        findings: report.findings,
    })
}

/// `conversion.law_art12`: the conversion against khoản 1 or 2 of Điều 12 of the Law on
/// E-Transactions (CONV-01, CONV-08), from the mark and the converter's facts
/// (`egov_conversion::law_art12::Art12Facts`): `{"overall", "findings"}`.
pub fn conversion_law_art12(mark: &str, facts: Option<&str>) -> OpResult<String> {
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let facts: egov_conversion::law_art12::Art12Facts = match facts {
        Some(f) => from_json("facts", f)?,
        None => Default::default(),
    };
    let report = egov_conversion::law_art12::check_law_art12(&mark, &facts);
    to_text(&MetadataAnswer {
        overall: report.overall(),
        findings: report.findings,
    })
}

/// `conversion.make`: makes a mark from the JSON form of `egov_conversion::mark::MarkRequest`
/// (`direction`, `profile`, `converted_at`, `converter_full_name`, `source_system`,
/// `mark_text` or `wording`, `extensions`), the text mark from the SDK wording unless
/// given, and validates it (CONV-02…15): `{"mark": {...}, "overall", "findings"}`.
pub fn conversion_make(request: &str) -> OpResult<String> {
    let mark = from_json::<egov_conversion::mark::MarkRequest>("mark request", request)?.make();
    let report = egov_conversion::validate(&mark);
    to_text(&json!({ "mark": mark, "overall": report.overall(), "findings": report.findings }))
}

/// `conversion.check_system`: a conversion system against the capability lists of
/// NĐ 137/2024 Đ4.2 and Đ5.3 (CONV-07, CONV-16) and the Đ23 transition deadline (CONV-21; A-17:
/// 24 months after `effective_date`, default 2024-10-23, rolled to the next working day of
/// `calendar`), judged at `now` when given: `{"overall", "findings", "transition_deadline",
/// "transition"}` (`transition` is null without `now`).
pub fn conversion_check_system(
    system: &str,
    now: Option<&str>,
    effective_date: Option<&str>,
    calendar: &WorkingCalendar,
) -> OpResult<String> {
    use egov_conversion::capability::{
        check_capabilities, check_transition, default_effective_date, transition_deadline,
        SystemAssessment,
    };
    let system: SystemAssessment = from_json("system", system)?;
    let effective = match effective_date {
        Some(d) => parse_date(d)?,
        None => default_effective_date(),
    };
    let now = now.map(|t| parse_time(t, false)).transpose()?;
    let report = check_capabilities(&system);
    let deadline = transition_deadline(effective, Some(calendar)).map_err(dom)?;
    let transition = now.map(|t| check_transition(&report, &deadline, t));
    to_text(&json!({
        "overall": report.overall(),
        "findings": report.findings,
        "transition_deadline": deadline,
        "transition": transition,
    }))
}

/// `conversion.sign`: signs `mark` (JSON form) over the SHA-256 of `content` with the Ed25519
/// key whose 32-byte seed is `secret_key_hex`; `options` is the JSON form of
/// `PayloadOptions` (`lookup_url`, `limits`) or `None`. JSON text with `qr_text`, `qr_version`,
/// `key_id`, `public_key`, `content_sha256` (hex) and the signed (normalised) `mark`.
pub fn conversion_sign(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<String> {
    use egov_conversion::payload::hex;
    let options: egov_conversion::payload::PayloadOptions = match options {
        Some(o) => from_json("options", o)?,
        None => Default::default(),
    };
    let signed = sign_content(mark, content, secret_key_hex, &options)?;
    to_text(&json!({
        "qr_text": signed.qr_text,
        "qr_version": signed.qr_version,
        "key_id": signed.key_id(),
        "public_key": hex(&signed.public_key),
        "content_sha256": hex(&signed.content_sha256),
        "lookup_url": signed.lookup_url,
        "mark": signed.mark,
    }))
}

/// Reads `mark` (JSON form) and the key, and signs the mark over the SHA-256 of `content`: the
/// one signing path of [`conversion_sign`], [`conversion_stamp_page`] and
/// [`conversion_render_mark`].
pub(crate) fn sign_content(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: &egov_conversion::payload::PayloadOptions,
) -> OpResult<egov_conversion::SignedMark> {
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let key = signing_key(secret_key_hex)?;
    check_image_size("content", content.len())?;
    let digest = egov_conversion::payload::content_digest(content);
    egov_conversion::sign(&mark, &digest, &key, options).map_err(dom)
}

/// `conversion.verify`: the verification ladder of a QR text against a trust set (JSON form
/// `{"keys": [...]}`), comparing the content hash when `content` is given. JSON text of the
/// library's `Verification` plus `"verified": bool`.
pub fn conversion_verify(qr_text: &str, trust: &str, content: Option<&[u8]>) -> OpResult<String> {
    check_len("QR text", qr_text)?;
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    if content.is_some_and(|c| c.len() > EGOV_MAX_IMAGE_BYTES) {
        return Err(OpError::call(
            EgovResult::InputTooLarge,
            &BindingError::InputTooLarge {
                what: "content".to_owned(),
                len: content.map_or(0, <[u8]>::len),
                max: EGOV_MAX_IMAGE_BYTES,
            },
        ));
    }
    let v = egov_conversion::verify(qr_text, &trust, content);
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// The Ed25519 signing key from its 32-byte seed in hex.
pub(crate) fn signing_key(secret_key_hex: &str) -> OpResult<egov_conversion::SigningKey> {
    check_len("secret key", secret_key_hex)?;
    let seed: [u8; 32] = egov_conversion::payload::parse_hex(secret_key_hex).ok_or_else(|| {
        OpError::input(BindingError::InvalidKey {
            name: "secret_key".to_owned(),
        })
    })?;
    Ok(egov_conversion::SigningKey::from_bytes(&seed))
}

/// Options of [`conversion_stamp_page`] and [`conversion_render_mark`] as JSON, every member
/// optional: `{"payload": {"lookup_url", "limits"}, "stamp": {"render": {"dpi", "module_mm",
/// "text_width_mm", "title_pt", "text_pt"}, "position": {"at": "auto" | "top_right" |
/// "top_left" | "bottom_right" | "bottom_left" | "millimetres", "x", "y"}, "margin_mm",
/// "cover_threshold", "force", "dpi_from_image"}}` (`dpi_from_image`: size the block for the
/// resolution the page image states, 150–1200 dpi, instead of `render.dpi`)
/// (the library's `PayloadOptions` and `StampOptions`; `render_mark` uses `stamp.render`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkImageOptions {
    /// How the payload is signed (lookup URL, size limits).
    pub payload: egov_conversion::payload::PayloadOptions,
    /// Where and how large the block is drawn.
    pub stamp: egov_conversion::render::StampOptions,
}

pub(crate) fn sign_for_image(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(egov_conversion::SignedMark, MarkImageOptions)> {
    let options: MarkImageOptions = match options {
        Some(o) => from_json("options", o)?,
        None => MarkImageOptions::default(),
    };
    let signed = sign_content(mark, content, secret_key_hex, &options.payload)?;
    Ok((signed, options))
}

/// `conversion.stamp_page`: signs `mark` over `content` (the page itself when `None`) and
/// stamps the QR and text block onto the page image (PNG or JPEG in, same format out), with
/// [`MarkImageOptions`] (default: no lookup URL, 300 dpi, a blank area found automatically,
/// 8 mm margin; covering content is `render.covers_content` unless `force`). Returns the
/// stamped image and JSON text `{"format", "rect", "covered_dark_fraction", "printed", "dpi",
/// "dpi_from_image", "findings", "qr_text", "key_id"}` (`dpi`: the page resolution the block
/// was sized for).
pub fn conversion_stamp_page(
    page: &[u8],
    mark: &str,
    content: Option<&[u8]>,
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    check_image_size("page", page.len())?;
    let (signed, options) = sign_for_image(mark, content.unwrap_or(page), secret_key_hex, options)?;
    let stamped = egov_conversion::render::stamp(page, &signed, &options.stamp).map_err(dom)?;
    let meta = to_text(&json!({
        "format": stamped.format,
        "rect": stamped.rect,
        "covered_dark_fraction": stamped.covered_dark_fraction,
        "printed": stamped.printed,
        "dpi": stamped.dpi,
        "dpi_from_image": stamped.dpi_from_image,
        "findings": stamped.findings,
        "qr_text": signed.qr_text,
        "key_id": signed.key_id(),
    }))?;
    Ok((stamped.image, meta))
}

/// `conversion.render_mark`: signs `mark` over `content` and renders the mark block alone (QR
/// and text, CONV-03 / CONV-12) as a greyscale PNG, to place on a page or a PDF yourself, sized
/// by `stamp.render` of [`MarkImageOptions`]. Returns the PNG and JSON text `{"width",
/// "height", "dpi", "qr_text", "qr_version", "key_id"}`.
pub fn conversion_render_mark(
    mark: &str,
    content: &[u8],
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    use egov_conversion::render::{encode_png, render_mark};
    let (signed, options) = sign_for_image(mark, content, secret_key_hex, options)?;
    let block = render_mark(&signed, &options.stamp.render).map_err(dom)?;
    let png = encode_png(&block).map_err(dom)?;
    let meta = to_text(&json!({
        "width": block.width(),
        "height": block.height(),
        "dpi": options.stamp.render.dpi,
        "qr_text": signed.qr_text,
        "qr_version": signed.qr_version,
        "key_id": signed.key_id(),
    }))?;
    Ok((png, meta))
}

/// `conversion.verify_page`: finds every conversion mark's QR code on a page image (PNG, JPEG
/// or a TIFF's first page), in any orientation, and verifies each against `trust` (JSON
/// form), comparing `content` when given. JSON text of the library's `PageVerification`
/// (`verdict`, `marks` with their `printed_lines`, the best mark's `verification`, …) plus
/// `"verified": bool` (the verdict is `verified`: two different marks on a page are not).
pub fn conversion_verify_page(
    image: &[u8],
    trust: &str,
    content: Option<&[u8]>,
) -> OpResult<String> {
    check_image_size("image", image.len())?;
    if let Some(c) = content {
        check_image_size("content", c.len())?;
    }
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    let v = egov_conversion::scan::verify_page_bytes(image, &trust, content).map_err(dom)?;
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// `conversion.verify_document`: every page of a document (page images in order, each PNG,
/// JPEG or TIFF, a multi-page TIFF contributing all its pages) searched for conversion marks;
/// says which page carries the mark. JSON text of the library's `DocumentVerification`
/// (`verdict`, `mark_page`, `pages_with_marks`, `best`, `pages` with each page's result or
/// error code) plus `"verified": bool`. A page without a mark is reported in `pages`, not an
/// error; no page at all is `image.no_pages`.
pub fn conversion_verify_document(
    images: &[&[u8]],
    trust: &str,
    content: Option<&[u8]>,
) -> OpResult<String> {
    for i in images {
        check_image_size("image", i.len())?;
    }
    if let Some(c) = content {
        check_image_size("content", c.len())?;
    }
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    let v = egov_conversion::scan::verify_files(images, &trust, content).map_err(dom)?;
    let mut out = to_value(&v)?;
    out["verified"] = json!(v.is_verified());
    Ok(out.to_string())
}

/// Content bytes from `content_hex` (hex) or `content_text` (UTF-8 text), if either is given.
pub(crate) fn content_arg(args: &Value) -> OpResult<Option<Vec<u8>>> {
    match (args.get("content_hex"), args.get("content_text")) {
        (Some(Value::String(h)), _) => decode_hex("content_hex", h).map(Some),
        (_, Some(Value::String(t))) => Ok(Some(t.as_bytes().to_vec())),
        (None | Some(Value::Null), None | Some(Value::Null)) => Ok(None),
        _ => Err(not_either(
            args,
            "content_hex",
            "content_text",
            Expected::String,
        )),
    }
}

/// `conversion.keygen`: a new signing key from the operating system's random source (CONV-02):
/// `{"key": {"label", "key_id", "public_key", "secret_key"}, "trust_set": {"keys": [...]}}`.
/// Keep `key` private (store it as `egov keygen` does, readable by its owner only); give
/// `trust_set` to verifiers. `label` names the holder (what a verifier shows as the signer):
/// empty, `key.blank_label`.
pub fn conversion_keygen(label: &str) -> OpResult<String> {
    let key = egov_conversion::KeyFile::generate(label).map_err(dom)?;
    let trust = key.trust_set().map_err(dom)?;
    to_text(&json!({ "key": key, "trust_set": trust }))
}

/// `conversion.trust_set_from_key`: the public trust set of a key file (JSON form of
/// `egov_conversion::KeyFile`), after checking that its public key and key id belong to its
/// secret key (`key.mismatch`): `{"key_id", "public_key", "trust_set"}`.
pub fn conversion_trust_set_from_key(key: &str) -> OpResult<String> {
    let key = egov_conversion::KeyFile::from_json(key).map_err(dom)?;
    let trust = key.trust_set().map_err(dom)?;
    to_text(&json!({ "key_id": key.key_id, "public_key": key.public_key, "trust_set": trust }))
}
