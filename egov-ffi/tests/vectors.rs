//! Runs the shared test vectors (`testdata/vectors/*.json`) through the Rust side: once through
//! `ops::call` and once through the exported C function `egov_call`, so the corpus checks the
//! same answers the C and Python suites check.

use std::ffi::{CStr, CString};
use std::path::PathBuf;

use egov_ffi::ops;
use egov_ffi::EgovResult;
use serde_json::Value;

/// `expected` matches `actual` when objects have every expected key with a matching value
/// (extra keys allowed), arrays match element by element with the same length, and scalars are
/// equal. The same rule as the C and Python runners (`testdata/vectors/README.md`).
fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| matches(v, av))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| matches(x, y))
        }
        (Value::Number(e), Value::Number(a)) => e.as_f64() == a.as_f64(),
        _ => expected == actual,
    }
}

fn vector_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vectors in {}", dir.display());
    files
}

/// The answer of `egov_call`: Ok(result JSON) or Err(error code).
fn via_c_abi(op: &str, args: &Value) -> Result<Value, String> {
    let op = CString::new(op).unwrap();
    let args = CString::new(args.to_string()).unwrap();
    let mut out = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated strings and a writable output pointer.
    let r = unsafe { egov_ffi::egov_call(op.as_ptr(), args.as_ptr(), &mut out) };
    if r == EgovResult::Ok {
        // SAFETY: on success `out` is a NUL-terminated string from the library.
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        // SAFETY: freed once, with the library's free function.
        unsafe { egov_ffi::egov_string_free(out) };
        Ok(serde_json::from_str(&text).unwrap())
    } else {
        assert!(out.is_null());
        // SAFETY: after an error the code is a NUL-terminated thread-local string.
        let code = unsafe { CStr::from_ptr(egov_ffi::egov_last_error_code()) };
        Err(code.to_str().unwrap().to_owned())
    }
}

#[test]
fn every_vector_passes_on_both_rust_paths() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(doc["format"], "egov-vectors/1", "{}", file.display());
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let id = format!(
                "{}#{}",
                file.file_name().unwrap().to_string_lossy(),
                case["id"].as_str().unwrap()
            );
            let op = case["op"].as_str().unwrap();
            assert!(ops::OPERATIONS.contains(&op), "{id}: unknown op {op}");
            let direct = ops::call(op, &case["args"]).map_err(|e| e.code.into_owned());
            let c = via_c_abi(op, &case["args"]);
            // A random answer (a new key) differs between two calls: both must match `expect`.
            let random = case["random"] == Value::Bool(true);
            let c_ok = match (&c, case["expect"].get("ok")) {
                (Ok(a), Some(e)) => matches(e, a),
                _ => false,
            };
            if (random && !c_ok) || (!random && direct != c) {
                failures.push(format!(
                    "{id}: ops::call and egov_call disagree: {direct:?} vs {c:?}"
                ));
            }
            let expect = &case["expect"];
            let ok = match (expect.get("ok"), expect.get("error"), &direct) {
                (Some(e), None, Ok(a)) => matches(e, a),
                (None, Some(Value::String(code)), Err(actual)) => code == actual,
                _ => false,
            };
            if !ok {
                failures.push(format!("{id}: expected {expect}, got {direct:?}"));
            }
        }
    }
    assert!(count >= 50, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_operation_has_a_vector() {
    let mut seen = std::collections::BTreeSet::new();
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            seen.insert(case["op"].as_str().unwrap().to_owned());
        }
    }
    for op in ops::OPERATIONS {
        assert!(seen.contains(op), "no vector exercises {op}");
    }
}
