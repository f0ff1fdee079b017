//! PDF files (issue 13): conversion marks stamped on an existing PDF and verified (NĐ 137/2024
//! Đ4, Đ5; CONV-03, CONV-11, CONV-12, CONV-16, CONV-17) and PAdES signatures made and verified
//! (NĐ 30/2020 Đ25; NĐ 137/2024 Đ4.1.b–c; QĐ 28/2018/QĐ-TTg Đ6.1: DOC-14, DOC-18), through
//! `egov_conversion::pdf` and the signers of `egov-sign`.
//!
//! PDFs are untrusted bytes: at most [`EGOV_MAX_PDF_BYTES`] go in, the library bounds the rest
//! (`limits` of each options object). Errors carry the library's stable codes (`pdf.encrypted`,
//! `pdf.not_pdf`, `pdf.parse`, `pdf.xref_damaged`, `pdf.locked`, …; `sign.key.*` for a key or
//! certificate that cannot be used). Glue only: what is stamped or signed, and whether it verifies, is the
//! library's answer.

use egov_conversion::payload::{content_digest, hex, PayloadOptions};
use egov_conversion::pdf::{
    self, PadesOptions, PdfLimits, SignatureVerifyOptions, StampOptions, VerifyOptions,
};
use egov_sign::{KeyPairSigner, Signer, SignerCertificate, TrustAnchors};
use x509_cert::der::Decode;
use x509_cert::Certificate;

use super::*;

/// The largest PDF (in bytes) the PDF functions accept: 64 MiB (a multi-page 300-dpi scan).
/// Larger input is [`EgovResult::InputTooLarge`] before any parsing; the library's own
/// `limits.max_file_bytes` may lower it.
pub const EGOV_MAX_PDF_BYTES: usize = 64 * 1024 * 1024;

/// A PDF: at most [`EGOV_MAX_PDF_BYTES`].
pub(crate) fn check_pdf_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_PDF_BYTES)
}

fn options_or_default<T: DeserializeOwned + Default>(options: Option<&str>) -> OpResult<T> {
    match options {
        Some(o) => from_json("options", o),
        None => Ok(T::default()),
    }
}

/// `ffi.invalid_arguments` with result [`EgovResult::InvalidInput`]: the key sources given do
/// not make one key.
fn key_source_error(name: &str, problem: ArgumentProblem) -> OpError {
    OpError::input(BindingError::argument(name, problem))
}

/// Where the PAdES signer's key and certificates come from: a PKCS#8 key with its PEM chain,
/// or a PKCS#12 file with its password.
#[derive(Debug, Clone, Copy)]
pub enum PdfKey<'a> {
    /// The PKCS#8 private key (PEM `PRIVATE KEY`, or DER) and the certificate chain (PEM,
    /// signer first, then intermediates).
    Pem {
        /// The private key.
        key: &'a [u8],
        /// The chain.
        certs: &'a [u8],
    },
    /// A PKCS#12 file (`.p12` / `.pfx`) and its password.
    Pkcs12 {
        /// The file's bytes.
        data: &'a [u8],
        /// Its password (empty for none).
        password: &'a str,
    },
}

impl<'a> PdfKey<'a> {
    /// Exactly one key source from optional parts: `key_pem` with `certs_pem`, or `pkcs12`
    /// (with `password`, absent = empty). Anything else is `ffi.invalid_arguments`.
    pub fn from_parts(
        key_pem: Option<&'a [u8]>,
        certs_pem: Option<&'a [u8]>,
        pkcs12: Option<&'a [u8]>,
        password: Option<&'a str>,
    ) -> OpResult<Self> {
        match (key_pem, certs_pem, pkcs12) {
            (Some(key), Some(certs), None) if password.is_none() => Ok(PdfKey::Pem { key, certs }),
            (None, None, Some(data)) => Ok(PdfKey::Pkcs12 {
                data,
                password: password.unwrap_or(""),
            }),
            (None, None, None) => Err(key_source_error(
                "key_pem",
                ArgumentProblem::MissingWith {
                    other: "pkcs12".to_owned(),
                },
            )),
            (Some(_), None, None) | (None, Some(_), None) => Err(key_source_error(
                "key_pem",
                ArgumentProblem::GoesWith {
                    other: "certs_pem".to_owned(),
                },
            )),
            (Some(_), Some(_), None) => Err(key_source_error(
                "password",
                ArgumentProblem::GoesWith {
                    other: "pkcs12".to_owned(),
                },
            )),
            _ => Err(key_source_error(
                "key_pem",
                ArgumentProblem::NotBoth {
                    other: "pkcs12".to_owned(),
                },
            )),
        }
    }

    fn signer(&self) -> OpResult<KeyPairSigner> {
        match *self {
            PdfKey::Pem { key, certs } => {
                check_len("key", key)?;
                check_len("certificates", certs)?;
                KeyPairSigner::from_pem(key, certs).map_err(dom)
            }
            PdfKey::Pkcs12 { data, password } => {
                check_len("PKCS#12 file", data)?;
                check_len("password", password)?;
                KeyPairSigner::from_pkcs12(data, password).map_err(dom)
            }
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            PdfKey::Pem { .. } => "pem",
            PdfKey::Pkcs12 { .. } => "pkcs12",
        }
    }
}

/// Options of [`pdf_stamp`] as JSON, every member optional: `{"payload": {"lookup_url",
/// "limits"}, "stamp": {"page", "placement": {"at": "auto", "margin_mm"} | {"at": "corner",
/// "corner": "top_right" | "top_left" | "bottom_right" | "bottom_left", "margin_mm"} | {"at":
/// "at", "x_mm", "y_mm"}, "render": {"module_mm", "text_width_mm", "title_pt", "text_pt",
/// "ec_level"}, "mode": "content" | "annotation", "limits": {"max_file_bytes",
/// "max_decompressed_bytes", "max_pages", "max_render_pixels", "time_budget_ms"}}}` (the
/// library's `PayloadOptions` and `pdf::StampOptions`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PdfStampOptions {
    /// How the payload is signed (lookup URL, size limits).
    pub payload: PayloadOptions,
    /// Page, placement, sizes, mode and input limits.
    pub stamp: StampOptions,
}

/// `pdf.stamp`: signs `mark` (JSON form) with the Ed25519 key whose 32-byte seed is
/// `secret_key_hex` over the SHA-256 and length of the PDF, and stamps its QR and text block
/// on a page as an incremental update (the original bytes stay the prefix of the output), the
/// payload also in the document's XMP. [`PdfStampOptions`]. Returns the stamped PDF and JSON
/// text `{"page", "placement", "rect_pt", "corner", "mode", "original_len",
/// "original_sha256", "output_len", "output_sha256", "qr_text", "qr_version", "key_id",
/// "block": {"width_pt", "height_pt", "qr_modules", "qr_side_mm", "printed_lines"}, "mark",
/// "findings"}`.
pub fn pdf_stamp(
    data: &[u8],
    mark: &str,
    secret_key_hex: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    check_pdf_size("PDF", data.len())?;
    let mark: egov_conversion::ConversionMark = from_json("mark", mark)?;
    let key = signing_key(secret_key_hex)?;
    let o: PdfStampOptions = options_or_default(options)?;
    let s = pdf::stamp(data, &mark, &key, &o.payload, &o.stamp).map_err(dom)?;
    let meta = to_text(&json!({
        "page": s.page,
        "placement": o.stamp.placement,
        "rect_pt": s.rect,
        "corner": s.corner,
        "mode": s.mode,
        "original_len": s.original_len,
        "original_sha256": hex(&s.signed.content_sha256),
        "output_len": s.pdf.len(),
        "output_sha256": hex(&content_digest(&s.pdf)),
        "qr_text": s.signed.qr_text,
        "qr_version": s.signed.qr_version,
        "key_id": s.signed.key_id(),
        "block": s.block,
        "mark": s.signed.mark,
        "findings": s.findings,
    }))?;
    Ok((s.pdf, meta))
}

/// `pdf.verify`: verifies a PDF stamped by [`pdf_stamp`] against `trust` (JSON form
/// `{"keys": [...]}`): the XMP payload's trust ladder with the original revision as content,
/// the revisions appended after it, the QR code printed on the page (rendered), and the
/// document's signatures (integrity only). `options`: `{"render": bool (default true), "dpi":
/// 72–600 (default 150), "limits": {…}}` (the library's `pdf::VerifyOptions`). JSON text of the
/// library's `PdfVerification` (`verified`, `xmp_payload`, `original_len`, `original_sha256`,
/// `verification`, `revisions_after`, `printed`, `signatures`, `findings`). A PDF whose mark
/// does not verify is a result (`verified` false), not an error.
pub fn pdf_verify(data: &[u8], trust: &str, options: Option<&str>) -> OpResult<String> {
    check_pdf_size("PDF", data.len())?;
    check_len("trust set", trust)?;
    let trust = egov_conversion::TrustSet::from_json(trust).map_err(dom)?;
    let o: VerifyOptions = options_or_default(options)?;
    let v = pdf::verify_pdf(data, &trust, &o).map_err(dom)?;
    to_text(&v)
}

/// `pdf.sign`: signs the PDF with a PAdES signature (PAdES-B-B, ETSI.CAdES.detached) appended
/// as an incremental update: RSA-SHA256 for an RSA key, ECDSA for a P-256 / P-384 key. `key`
/// names the signer; `options` is the library's `PadesOptions`: `{"field_name", "reason",
/// "location", "contact_info", "signing_time" (timestamp with offset; default now),
/// "digest", "reserve_bytes", "appearance": {"page", "lines", "size_pt", "corner",
/// "margin_mm"}, "limits"}`, every member optional. Returns the signed PDF and JSON text
/// `{"level", "field_name", "signer": {"subject", "issuer", "serial", "not_before",
/// "not_after"}, "certificates", "algorithm", "key_source", "claimed_time", "byte_range",
/// "original_len", "output_len", "output_sha256", "cms_len", "reserved"}`.
pub fn pdf_sign(
    data: &[u8],
    key: PdfKey<'_>,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    check_pdf_size("PDF", data.len())?;
    let signer = key.signer()?;
    pdf_sign_with(data, &signer, key.kind(), options)
}

/// `pdf.sign` with the caller's own signer (a token, an HSM, a remote signing service: see
/// [`callback_signer`]); `key_source` names it in the summary (`"external"` from the bindings).
pub fn pdf_sign_with(
    data: &[u8],
    signer: &dyn Signer,
    key_source: &str,
    options: Option<&str>,
) -> OpResult<(Vec<u8>, String)> {
    check_pdf_size("PDF", data.len())?;
    let mut o: PadesOptions = options_or_default(options)?;
    // The claimed time is fixed here so the summary states what /M says.
    let when = *o.signing_time.get_or_insert_with(egov_sign::chain::now);
    let signed = pdf::sign_pdf(data, signer, None, &o).map_err(dom)?;
    let certs = signer.certificates();
    let subject = certs
        .first()
        .and_then(|c| Certificate::from_der(c).ok())
        .map(|c| SignerCertificate::of(&c));
    let meta = to_text(&json!({
        "level": "PAdES-B-B",
        "field_name": signed.field_name,
        "signer": subject,
        "certificates": certs.len(),
        "algorithm": signer.algorithm(),
        "key_source": key_source,
        "claimed_time": when,
        "byte_range": signed.byte_range,
        "original_len": signed.original_len,
        "output_len": signed.pdf.len(),
        "output_sha256": hex(&content_digest(&signed.pdf)),
        "cms_len": signed.cms_len,
        "reserved": signed.reserved,
    }))?;
    Ok((signed.pdf, meta))
}

/// Options of [`pdf_verify_signatures`] as JSON, every member optional: `{"at": timestamp with
/// offset (the time certificates must be valid at; default per signature: its time-stamp, else
/// its claimed /M, else now), "limits": {…}}`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PdfSignaturesOptions {
    /// When the certificates must be valid.
    pub at: Option<String>,
    /// Limits for the input.
    pub limits: PdfLimits,
}

/// `pdf.verify_signatures`: verifies every PAdES signature and document time-stamp of the PDF
/// (byte ranges, CMS, signing certificate, the chain to `anchors_pem` at the signing time, the
/// revision each covers and the revisions appended after it). `anchors_pem` `None` or blank:
/// chains are not checked (`not_checked`, never trusted). [`PdfSignaturesOptions`]. JSON text
/// of the library's `SignaturesReport` (`signatures`, `revisions`, `updates`: what each later
/// revision adds or changes, `all_valid`, `findings`). A
/// signature that does not verify is a result, not an error; anchors that are not PEM
/// certificates are `ffi.invalid_anchors`.
pub fn pdf_verify_signatures(
    data: &[u8],
    anchors_pem: Option<&[u8]>,
    options: Option<&str>,
) -> OpResult<String> {
    check_pdf_size("PDF", data.len())?;
    let anchors = match anchors_pem {
        Some(p) if !p.trim_ascii().is_empty() => anchors_from_pem(p)?,
        _ => TrustAnchors::new(),
    };
    let o: PdfSignaturesOptions = options_or_default(options)?;
    let at = o.at.as_deref().map(|t| parse_time(t, false)).transpose()?;
    let report = pdf::verify_signatures(
        data,
        &SignatureVerifyOptions {
            anchors,
            at,
            limits: o.limits,
        },
    )
    .map_err(dom)?;
    to_text(&report)
}

/// The PDF of `call` (JSON only): `data_hex` (hex) or `data_text` (a PDF that is text).
fn pdf_arg(args: &Value) -> OpResult<Vec<u8>> {
    match (args.get("data_hex"), args.get("data_text")) {
        (Some(Value::String(h)), _) => decode_pdf_hex("data_hex", h),
        (_, Some(Value::String(t))) => Ok(t.as_bytes().to_vec()),
        (None | Some(Value::Null), None | Some(Value::Null)) => {
            Err(missing_either("data_hex", "data_text"))
        }
        _ => Err(not_either(args, "data_hex", "data_text", Expected::String)),
    }
}

/// Hex of up to [`EGOV_MAX_PDF_BYTES`] bytes ([`decode_hex`] stops at the string limit).
fn decode_pdf_hex(what: &str, s: &str) -> OpResult<Vec<u8>> {
    check_pdf_size(what, s.len() / 2)?;
    super::conversion::hex_bytes(what, s)
}

/// A PDF answer of `call` (JSON only): the summary plus `{"pdf_hex", "pdf_len",
/// "pdf_sha256"}`.
fn pdf_answer(meta: &str, out: &[u8]) -> OpResult {
    let mut v = parse_text(meta)?;
    v["pdf_sha256"] = json!(hex(&content_digest(out)));
    v["pdf_len"] = json!(out.len());
    v["pdf_hex"] = json!(hex(out));
    Ok(v)
}

/// `pdf.*` of [`call`].
pub(crate) fn call_pdf(op: &str, args: &Value) -> OpResult {
    let options = json_arg(args, "options")?;
    match op {
        "pdf.stamp" => {
            let data = pdf_arg(args)?;
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            let (out, meta) = pdf_stamp(
                &data,
                &mark,
                str_arg(args, "secret_key")?,
                options.as_deref(),
            )?;
            pdf_answer(&meta, &out)
        }
        "pdf.verify" => {
            let trust = json_arg(args, "trust")?.ok_or_else(|| missing("trust"))?;
            parse_text(&pdf_verify(&pdf_arg(args)?, &trust, options.as_deref())?)
        }
        "pdf.sign" => {
            let data = pdf_arg(args)?;
            let pkcs12 = opt_str_arg(args, "pkcs12_hex")?
                .map(|h| decode_hex("pkcs12_hex", h))
                .transpose()?;
            let key = PdfKey::from_parts(
                opt_str_arg(args, "key_pem")?.map(str::as_bytes),
                opt_str_arg(args, "certs_pem")?.map(str::as_bytes),
                pkcs12.as_deref(),
                opt_str_arg(args, "password")?,
            )?;
            let (out, meta) = pdf_sign(&data, key, options.as_deref())?;
            pdf_answer(&meta, &out)
        }
        "pdf.verify_signatures" => parse_text(&pdf_verify_signatures(
            &pdf_arg(args)?,
            opt_str_arg(args, "anchors_pem")?.map(str::as_bytes),
            options.as_deref(),
        )?),
        _ => Err(unknown_operation(op)),
    }
}
