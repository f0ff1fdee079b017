//! No panics on any input (brief, DESIGN §3): every operation, called through `ops::call` and
//! through the C entry point `egov_call`, with arbitrary JSON arguments and with the shared test
//! vectors' arguments mutated, answers a result or a typed error and never panics.

use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use egov_ffi::ops::{self, OPERATIONS};
use egov_ffi::EgovResult;
use proptest::prelude::*;
use serde_json::{Map, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::String),
        // Strings the operations give meaning to: dates, times, codes, hex.
        prop_oneof![
            Just("2026-02-13"),
            Just("2026-02-13T16:00:00+07:00"),
            Just("000.00.18.G12"),
            Just("07070707"),
            Just("+262142-12-31"),
            Just("-262143-01-01T00:00:00Z"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Argument names the operations read, so random objects reach past the argument checks.
const ARG_NAMES: &[&str] = &[
    "code",
    "lenient",
    "registry",
    "as_of",
    "id",
    "number",
    "input",
    "local",
    "from",
    "event",
    "at",
    "receiver",
    "arrived_at",
    "events",
    "signed",
    "sent",
    "urgency",
    "calendar",
    "date",
    "days",
    "digitally_signed_per_law",
    "sent_via_system",
    "case",
    "policy",
    "facts",
    "record",
    "mark",
    "content_hex",
    "content_text",
    "secret_key",
    "options",
    "qr_text",
    "trust",
    "page_hex",
    "image_hex",
    "system",
    "now",
    "effective_date",
    "monthly",
    "population",
    "source",
    "thresholds",
    "intermediary",
    "context",
    "markdown",
    "today",
    "history",
    "schedule",
    "list",
    "host",
    "fetched_from",
    "request",
    "criterion",
    "lang",
    "direction",
    "converted_at",
    "converter_full_name",
    "ancestor",
    "descendant",
    "data_hex",
    "data_text",
    "with_attachments",
    "message",
    "attachments_hex",
    "attachments_text",
    "key_pem",
    "certs_pem",
    "anchors_pem",
    "pkcs12_hex",
    "password",
];

/// A JSON object with real argument names and arbitrary values.
fn arb_args() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(prop::sample::select(ARG_NAMES.to_vec()), arb_json(), 0..6)
        .prop_map(|m| {
            Value::Object(
                m.into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<_, _>>(),
            )
        })
}

/// Every (op, args) of the shared vectors.
fn vector_calls() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors");
    let mut calls = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                calls.push((
                    case["op"].as_str().unwrap().to_owned(),
                    case["args"].clone(),
                ));
            }
        }
    }
    calls.sort_by(|a, b| a.0.cmp(&b.0));
    calls
}

/// Calls `op` both ways; fails the test on a panic (Rust) or `EgovResult::Panic` (C).
fn call_both(op: &str, args: &Value) -> Result<(), TestCaseError> {
    let rust = catch_unwind(AssertUnwindSafe(|| ops::call(op, args).map(|_| ())));
    prop_assert!(rust.is_ok(), "ops::call({op}, {args}) panicked");
    let (c_op, c_args) = (
        CString::new(op).unwrap(),
        CString::new(args.to_string()).unwrap(),
    );
    let mut out = std::ptr::null_mut();
    // SAFETY: valid NUL-terminated strings and a writable output pointer.
    let r = unsafe { egov_ffi::egov_call(c_op.as_ptr(), c_args.as_ptr(), &mut out) };
    prop_assert_ne!(r, EgovResult::Panic, "egov_call({}, {}) panicked", op, args);
    // SAFETY: `out` is NULL or a string from the library, freed once.
    unsafe { egov_ffi::egov_string_free(out) };
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_operation_survives_arbitrary_arguments(
        op in prop::sample::select(OPERATIONS.to_vec()),
        args in prop_oneof![1 => arb_json(), 4 => arb_args()],
    ) {
        call_both(op, &args)?;
    }

    #[test]
    fn every_operation_survives_mutated_vector_arguments(
        call in prop::sample::select(vector_calls()),
        key_pick in any::<prop::sample::Index>(),
        replacement in prop::option::of(arb_json()),
    ) {
        let (op, mut args) = call;
        if let Some(obj) = args.as_object_mut() {
            let keys: Vec<String> = obj.keys().cloned().collect();
            if !keys.is_empty() {
                let key = &keys[key_pick.index(keys.len())];
                match replacement {
                    Some(v) => { obj.insert(key.clone(), v); }
                    None => { obj.remove(key); }
                }
            }
        }
        call_both(&op, &args)?;
    }
}
