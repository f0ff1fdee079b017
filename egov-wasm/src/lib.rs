//! # egov-wasm
//!
//! The browser's egov (issue 14): a conversion mark's QR payload checked against signed trust
//! lists (`egov_conversion::trustlist`) by the same Rust code every other surface runs, for the
//! static verification page of `web/verify/` that an agency puts at its lookup URL. Glue only:
//! JSON in and out, every rule in `egov-conversion`.
//!
//! Functions (all return JSON text; an error is `{"error": code, "message": …}`):
//! * [`verify_mark`]: the page's one call — a QR text (or the lookup URL with the payload in its
//!   fragment), the lists, the pinned keys, the time, optionally a file's bytes — answering the
//!   `MarkCheck` (state, holder, key status, lists, findings) plus the mark's printed lines and
//!   the state's sentences in Vietnamese and English;
//! * [`call`]: the shared-vector operations `trustlist.verify` and `trustlist.check_mark`
//!   (`testdata/vectors/trustlist.json`), with the argument names of every other binding.

use egov_conversion::trustlist::{check_mark, verify_lists, ListVerification, SignedTrustList};
use egov_conversion::PublicKey;
use egov_core::{ErrorCode, VnDateTime};
use serde_json::{json, Value};
use wasm_bindgen::prelude::wasm_bindgen;

/// Largest argument accepted (a trust list, a file to hash): 64 MiB.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

fn error(code: &str, message: impl Into<String>) -> Value {
    json!({"error": code, "message": message.into()})
}

fn parse_lists(v: &Value) -> Result<Vec<SignedTrustList>, Value> {
    let items = v
        .as_array()
        .ok_or_else(|| error("ffi.invalid_json", "lists must be a JSON array of lists"))?;
    items
        .iter()
        .map(|item| {
            let text = match item {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            SignedTrustList::from_json(&text).map_err(|e| error(e.code(), e.to_string()))
        })
        .collect()
}

fn parse_pins(v: &Value) -> Result<Vec<PublicKey>, Value> {
    let items = v
        .as_array()
        .ok_or_else(|| error("ffi.invalid_json", "pins must be a JSON array of hex keys"))?;
    items
        .iter()
        .map(|p| {
            p.as_str()
                .and_then(egov_conversion::trustlist::parse_public_key)
                .ok_or_else(|| error("ffi.invalid_key", "a pinned key is not 64 hex digits"))
        })
        .collect()
}

fn parse_time(s: &str) -> Result<VnDateTime, Value> {
    VnDateTime::parse(s).map_err(|e| error(e.code(), e.to_string()))
}

fn lists_of(lists: &Value, pins: &Value, at: &str) -> Result<ListVerification, Value> {
    Ok(verify_lists(
        &parse_lists(lists)?,
        &parse_pins(pins)?,
        parse_time(at)?,
    ))
}

fn parse_json(what: &str, text: &str) -> Result<Value, Value> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(error("ffi.input_too_large", format!("{what} is too large")));
    }
    serde_json::from_str(text)
        .map_err(|e| error("ffi.invalid_json", format!("{what} is not JSON: {e}")))
}

/// The answer of the page for one mark (see the crate docs).
pub fn verify_mark_value(
    qr_text: &str,
    lists_json: &str,
    pins_json: &str,
    now: &str,
    content: Option<&[u8]>,
) -> Value {
    let run = || -> Result<Value, Value> {
        if qr_text.len() > MAX_INPUT_BYTES || content.is_some_and(|c| c.len() > MAX_INPUT_BYTES) {
            return Err(error("ffi.input_too_large", "input too large"));
        }
        let lists = lists_of(
            &parse_json("lists", lists_json)?,
            &parse_json("pins", pins_json)?,
            now,
        )?;
        let check = check_mark(qr_text.trim(), &lists, content);
        let mut out =
            serde_json::to_value(&check).map_err(|e| error("ffi.serialize", e.to_string()))?;
        out["status_vi"] = json!(check.status.message_vi());
        out["status_en"] = json!(check.status.message_en());
        out["printed_lines"] = json!(check
            .verification
            .mark
            .as_ref()
            .map(|m| m.display_lines())
            .unwrap_or_default());
        Ok(out)
    };
    run().unwrap_or_else(|e| e)
}

/// [`verify_mark_value`] as JSON text, for JavaScript: `content` is the bytes of a file the
/// user picked (hashed locally), or `undefined`.
#[wasm_bindgen]
pub fn verify_mark(
    qr_text: &str,
    lists_json: &str,
    pins_json: &str,
    now: &str,
    content: Option<Vec<u8>>,
) -> String {
    verify_mark_value(qr_text, lists_json, pins_json, now, content.as_deref()).to_string()
}

/// The shared-vector operations (`trustlist.verify`, `trustlist.check_mark`) with the argument
/// names of `egov_call` and `egov.call`; JSON text in and out.
#[wasm_bindgen]
pub fn call(op: &str, args_json: &str) -> String {
    let run = || -> Result<Value, Value> {
        let args = parse_json("arguments", args_json)?;
        let text = |k: &str| {
            args.get(k).and_then(Value::as_str).ok_or_else(|| {
                error(
                    "ffi.invalid_arguments",
                    format!("argument '{k}' (a string) is missing"),
                )
            })
        };
        let lists = args.get("lists").cloned().unwrap_or(Value::Null);
        let pins = args.get("pins").cloned().unwrap_or(Value::Null);
        match op {
            "trustlist.verify" => {
                let v = lists_of(&lists, &pins, text("at")?)?;
                serde_json::to_value(&v).map_err(|e| error("ffi.serialize", e.to_string()))
            }
            "trustlist.check_mark" => {
                let content = match (args.get("content_hex"), args.get("content_text")) {
                    (Some(Value::String(h)), _) => Some(hex(h)?),
                    (_, Some(Value::String(t))) => Some(t.as_bytes().to_vec()),
                    _ => None,
                };
                let v = lists_of(&lists, &pins, text("at")?)?;
                let c = check_mark(text("qr_text")?, &v, content.as_deref());
                serde_json::to_value(&c).map_err(|e| error("ffi.serialize", e.to_string()))
            }
            _ => Err(error(
                "ffi.unknown_operation",
                format!("unknown operation '{op}'"),
            )),
        }
    };
    run().unwrap_or_else(|e| e).to_string()
}

fn hex(s: &str) -> Result<Vec<u8>, Value> {
    let s = s.trim().as_bytes();
    if !s.len().is_multiple_of(2) {
        return Err(error("ffi.invalid_hex", "content_hex is not hexadecimal"));
    }
    s.chunks(2)
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|t| u8::from_str_radix(t, 16).ok())
                .ok_or_else(|| error("ffi.invalid_hex", "content_hex is not hexadecimal"))
        })
        .collect()
}

/// The library's version, shown in the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
