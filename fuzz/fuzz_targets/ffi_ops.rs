//! Every operation of the bindings' dispatcher (`egov_ffi::ops::call`, the entry point of C's
//! `egov_call` and Python's `egov.call`). Input: `[op][JSON arguments]`; the first byte picks
//! the operation from `egov_ffi::ops::OPERATIONS` (modulo its length), the rest is the JSON.
//!
//! Invariants: no panic (the C boundary would turn one into `EgovResult::Panic`), no
//! `Internal` error (an answer that cannot be serialised or read back), every error has a
//! stable code and a Vietnamese message, and `call_json` on the text agrees with `call` on the
//! parsed value.
//!
//! Guards that keep one execution bounded (documented in README.md): images over
//! `MAX_FUZZ_PIXELS`, compressed CSV (a small zstd/gzip bomb is a legitimate multi-GB file to
//! the counter) and more than two threads are skipped or capped; `platform.count_file` reads a
//! scratch file holding its `path` argument's text instead of a path of the machine.
#![no_main]

use std::sync::OnceLock;

use egov_ffi::ops::{call, call_json, OpError, OPERATIONS};
use egov_ffi::EgovResult;
use egov_fuzz::{image_within_limits, split_first, utf8};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    hex::decode(s.trim()).ok()
}

/// False when an image argument is too large to decode quickly.
fn images_ok(args: &Value) -> bool {
    let mut hexes: Vec<&str> = ["page_hex", "image_hex"]
        .iter()
        .filter_map(|k| args.get(*k).and_then(Value::as_str))
        .collect();
    if let Some(Value::Array(list)) = args.get("images_hex") {
        if list.len() > 4 {
            return false;
        }
        hexes.extend(list.iter().filter_map(Value::as_str));
    }
    hexes
        .into_iter()
        .filter_map(hex_bytes)
        .all(|b| image_within_limits(&b))
}

fn compressed(b: &[u8]) -> bool {
    b.starts_with(&[0x1f, 0x8b]) || b.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
}

fn scratch_file() -> &'static std::path::Path {
    static PATH: OnceLock<std::path::PathBuf> = OnceLock::new();
    PATH.get_or_init(|| std::env::temp_dir().join(format!("egov-fuzz-{}.csv", std::process::id())))
}

/// Bounds the arguments (see the module docs); `None` to skip this input.
fn bound(op: &str, mut args: Value) -> Option<Value> {
    if !images_ok(&args) {
        return None;
    }
    if let Some(obj) = args.as_object_mut() {
        if let Some(t) = obj.get_mut("threads") {
            if t.as_u64().is_some_and(|n| n > 2) {
                *t = Value::from(2);
            }
        }
        if op.starts_with("platform.count") {
            let content = match (obj.get("content_hex"), obj.get("content_text")) {
                (Some(Value::String(h)), _) => hex_bytes(h),
                (_, Some(Value::String(t))) => Some(t.as_bytes().to_vec()),
                _ => None,
            };
            if content.as_deref().is_some_and(compressed) {
                return None;
            }
        }
        if op == "platform.count_file" {
            let text = obj
                .get("path")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if compressed(text.as_bytes()) {
                return None;
            }
            if std::fs::write(scratch_file(), text).is_err() {
                return None;
            }
            let path = scratch_file().to_string_lossy().into_owned();
            obj.insert("path".to_owned(), Value::from(path));
        }
    }
    Some(args)
}

fn check_error(op: &str, e: &OpError) {
    assert_ne!(e.result, EgovResult::Panic, "{op}: {e:?}");
    assert_ne!(e.result, EgovResult::Internal, "{op}: {e:?}");
    assert_ne!(
        e.result,
        EgovResult::Ok,
        "{op}: an error with result Ok: {e:?}"
    );
    assert!(!e.code.is_empty(), "{op}: an error without a code: {e:?}");
    // CORE-06: every error says what went wrong in Vietnamese too, the binding's own included.
    let vi = e.message_vi.as_deref().unwrap_or_default();
    assert!(!vi.is_empty(), "{op}: no Vietnamese message: {e:?}");
}

fuzz_target!(|data: &[u8]| {
    let Some((sel, rest)) = split_first(data) else {
        return;
    };
    let op = OPERATIONS[usize::from(sel) % OPERATIONS.len()];
    let Some(text) = utf8(rest) else { return };

    let args: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => {
            // Not JSON: refused as such, before the operation runs.
            match call_json(op, text) {
                Err(e) => {
                    check_error(op, &e);
                    assert_eq!(e.result, EgovResult::InvalidJson, "{op}: {e:?}");
                }
                Ok(v) => panic!("{op}: {text:?} is not JSON yet call_json answered {v}"),
            }
            return;
        }
    };
    let Some(args) = bound(op, args) else { return };
    let answer = call(op, &args);
    match &answer {
        Ok(v) => {
            let _ = v.to_string();
        }
        Err(e) => check_error(op, e),
    }

    // The text entry point gives the same answer (a new key differs on every call).
    if op == "conversion.keygen" {
        return;
    }
    let args_text = args.to_string();
    if serde_json::from_str::<Value>(&args_text).ok().as_ref() != Some(&args) {
        return; // A number that does not survive text exactly.
    }
    match (call_json(op, &args_text), &answer) {
        (Ok(t), Ok(v)) => {
            if let Err(e) = serde_json::from_str::<Value>(&t) {
                panic!("{op}: call_json answered invalid JSON {t:?}: {e}");
            }
            assert_eq!(t, v.to_string(), "{op}: call_json and call disagree");
        }
        (Err(a), Err(b)) => assert_eq!((a.result, &a.code), (b.result, &b.code), "{op}"),
        (a, b) => panic!("{op}: call_json {a:?} but call {b:?}"),
    }
});
