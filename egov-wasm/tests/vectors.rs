//! The shared trust-list vectors (`testdata/vectors/trustlist.json`) through the WebAssembly
//! module's `call`, natively: the same states as Rust, C and Python (the browser test runs
//! them again in Chromium).

use serde_json::Value;

fn matches(expect: &Value, got: &Value) -> bool {
    match (expect, got) {
        (Value::Object(e), Value::Object(g)) => e
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| matches(v, gv))),
        (Value::Array(e), Value::Array(g)) => {
            e.len() == g.len() && e.iter().zip(g).all(|(a, b)| matches(a, b))
        }
        (e, g) => e == g,
    }
}

#[test]
fn conv_03_shared_trust_list_vectors_give_the_same_states() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/vectors/trustlist.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ran = 0;
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let op = case["op"].as_str().unwrap();
        if op != "trustlist.verify" && op != "trustlist.check_mark" {
            continue; // building lists is not the page's job
        }
        ran += 1;
        let got: Value =
            serde_json::from_str(&egov_wasm::call(op, &case["args"].to_string())).unwrap();
        let ok = match (case["expect"].get("ok"), case["expect"].get("error")) {
            (Some(e), _) => got.get("error").is_none() && matches(e, &got),
            (_, Some(code)) => got.get("error") == Some(code),
            _ => false,
        };
        if !ok {
            failures.push(format!("{}: got {got}", case["id"]));
        }
    }
    assert!(ran >= 20, "only {ran} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn conv_03_verify_mark_answers_lines_and_sentences_or_a_coded_error() {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/vectors/trustlist.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let case = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "mark-verified")
        .unwrap();
    let a = &case["args"];
    let out: Value = serde_json::from_str(&egov_wasm::verify_mark(
        a["qr_text"].as_str().unwrap(),
        &a["lists"].to_string(),
        &a["pins"].to_string(),
        a["at"].as_str().unwrap(),
        None,
    ))
    .unwrap();
    assert_eq!(out["status"], "verified");
    assert!(out["status_vi"]
        .as_str()
        .unwrap()
        .starts_with("Đã xác thực"));
    let lines = out["printed_lines"].as_array().unwrap();
    assert!(
        lines
            .iter()
            .any(|l| l.as_str().unwrap().contains("Cốc Lếu")),
        "{lines:?}"
    );
    let bad: Value =
        serde_json::from_str(&egov_wasm::verify_mark("EGCM:1", "{", "[]", "x", None)).unwrap();
    assert_eq!(bad["error"], "ffi.invalid_json");
    // CORE-06: the page shows why in its own language.
    assert_eq!(
        bad["message_vi"],
        "«lists» không phải JSON đúng dạng cần có (dòng 1, cột 1)"
    );
    assert!(bad["message"]
        .as_str()
        .unwrap()
        .starts_with("lists is not valid JSON"));
    let bad: Value = serde_json::from_str(&egov_wasm::verify_mark(
        "EGCM:1",
        "[]",
        "[]",
        "2026-03-02",
        None,
    ))
    .unwrap();
    assert!(bad["error"].as_str().unwrap().starts_with("time."), "{bad}");
    assert!(
        bad["message_vi"]
            .as_str()
            .unwrap()
            .contains("thiếu múi giờ")
            || bad["message_vi"]
                .as_str()
                .unwrap()
                .contains("mốc thời gian"),
        "{bad}"
    );
    let bad: Value = serde_json::from_str(&egov_wasm::call("trustlist.nope", "{}")).unwrap();
    assert_eq!(bad["error"], "ffi.unknown_operation");
    assert_eq!(bad["message_vi"], "không có thao tác «trustlist.nope»");
}
