//! # egov-wasm
//!
//! The browser's egov (issue 14): a conversion mark's QR payload checked against signed trust
//! lists (`egov_conversion::trustlist`) by the same Rust code every other surface runs, for the
//! static verification page of `web/verify/` that an agency puts at its lookup URL. Glue only:
//! JSON in and out, every rule in `egov-conversion`.
//!
//! Functions (all return JSON text; an error is `{"error": code, "message": …, "message_vi":
//! …}`, the message in English and in Vietnamese, CORE-06):
//! * [`verify_mark`]: the page's one call — a QR text (or the lookup URL with the payload in its
//!   fragment), the lists, the pinned keys, the time, optionally a file's bytes — answering the
//!   `MarkCheck` (state, holder, key status, lists, findings) plus the mark's printed lines and
//!   the state's sentences in Vietnamese and English;
//! * [`call`]: the shared-vector operations `trustlist.verify` and `trustlist.check_mark`
//!   (`testdata/vectors/trustlist.json`), with the argument names of every other binding.

use egov_conversion::trustlist::{check_mark, verify_lists, ListVerification, SignedTrustList};
use egov_conversion::PublicKey;
use egov_core::binding::{clip, BindingError};
use egov_core::{Lang, Localize, VnDateTime};
use serde_json::{json, Value};
use wasm_bindgen::prelude::wasm_bindgen;

/// Largest argument accepted (a trust list, a file to hash): 64 MiB.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// An error as JSON: its stable code and what went wrong in English and in Vietnamese.
fn error(e: &dyn Localize) -> Value {
    json!({"error": e.code(), "message": e.message(Lang::En), "message_vi": e.message(Lang::Vi)})
}

/// `ffi.invalid_json`: argument `what` is not a JSON array of `items`.
fn not_array(what: &str, items: &str) -> Value {
    error(&BindingError::InvalidJson {
        what: what.to_owned(),
        reason: format!("expected a JSON array of {items}"),
    })
}

fn too_large(what: &str, len: usize) -> Value {
    error(&BindingError::InputTooLarge {
        what: what.to_owned(),
        len,
        max: MAX_INPUT_BYTES,
    })
}

fn serialize(e: serde_json::Error) -> Value {
    error(&BindingError::Serialize {
        reason: e.to_string(),
    })
}

fn parse_lists(v: &Value) -> Result<Vec<SignedTrustList>, Value> {
    let items = v.as_array().ok_or_else(|| not_array("lists", "lists"))?;
    items
        .iter()
        .map(|item| {
            let text = match item {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            SignedTrustList::from_json(&text).map_err(|e| error(&e))
        })
        .collect()
}

fn parse_pins(v: &Value) -> Result<Vec<PublicKey>, Value> {
    let items = v.as_array().ok_or_else(|| not_array("pins", "hex keys"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.as_str()
                .and_then(egov_conversion::trustlist::parse_public_key)
                .ok_or_else(|| {
                    error(&BindingError::InvalidKey {
                        name: format!("pins[{i}]"),
                    })
                })
        })
        .collect()
}

fn parse_time(s: &str) -> Result<VnDateTime, Value> {
    VnDateTime::parse(s).map_err(|e| error(&e))
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
        return Err(too_large(what, text.len()));
    }
    serde_json::from_str(text).map_err(|e| {
        error(&BindingError::InvalidJson {
            what: what.to_owned(),
            reason: e.to_string(),
        })
    })
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
        if qr_text.len() > MAX_INPUT_BYTES {
            return Err(too_large("qr_text", qr_text.len()));
        }
        if let Some(c) = content.filter(|c| c.len() > MAX_INPUT_BYTES) {
            return Err(too_large("content", c.len()));
        }
        let lists = lists_of(
            &parse_json("lists", lists_json)?,
            &parse_json("pins", pins_json)?,
            now,
        )?;
        let check = check_mark(qr_text.trim(), &lists, content);
        let mut out = serde_json::to_value(&check).map_err(serialize)?;
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
            args.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| error(&BindingError::missing(k)))
        };
        let lists = args.get("lists").cloned().unwrap_or(Value::Null);
        let pins = args.get("pins").cloned().unwrap_or(Value::Null);
        match op {
            "trustlist.verify" => {
                let v = lists_of(&lists, &pins, text("at")?)?;
                serde_json::to_value(&v).map_err(serialize)
            }
            "trustlist.check_mark" => {
                let content = match (args.get("content_hex"), args.get("content_text")) {
                    (Some(Value::String(h)), _) => Some(hex(h)?),
                    (_, Some(Value::String(t))) => Some(t.as_bytes().to_vec()),
                    _ => None,
                };
                let v = lists_of(&lists, &pins, text("at")?)?;
                let c = check_mark(text("qr_text")?, &v, content.as_deref());
                serde_json::to_value(&c).map_err(serialize)
            }
            _ => Err(error(&BindingError::UnknownOperation { op: clip(op) })),
        }
    };
    run().unwrap_or_else(|e| e).to_string()
}

fn hex(s: &str) -> Result<Vec<u8>, Value> {
    hex::decode(s.trim()).map_err(|_| {
        error(&BindingError::InvalidHex {
            name: "content_hex".to_owned(),
        })
    })
}

/// The library's version, shown in the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
