//! The committed degraded-page corpus (`testdata/marks/degraded/`, made by
//! `examples/mark_corpus.rs --subset`): printed, scanned, photocopied and photographed pages
//! covering every degradation axis at its hard end (150 dpi, ±5° skew, 8 % perspective, blur,
//! photocopy, uneven light, JPEG 40, upside down, sideways, phone photos with shadow, glare and
//! motion blur). Every genuine mark verifies (CONV-03 Đ4.1.a, CONV-12 Đ5.2.a); every tampered
//! one fails at the step its manifest names, degraded or not.
#![cfg(any(feature = "scan-zxing", feature = "scan-rxing"))]

mod common;

use egov_conversion::scan::{self, Verdict};
use egov_conversion::TrustSet;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/marks/degraded");

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(format!("{DIR}/manifest.json")).expect("manifest.json");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn trust() -> TrustSet {
    TrustSet::from_json(&std::fs::read_to_string(format!("{DIR}/trust.json")).unwrap()).unwrap()
}

#[test]
fn conv_03_conv_12_degraded_pages_verify_and_tampered_ones_fail() {
    let trust = trust();
    let entries = manifest();
    assert!(entries.len() >= 40, "{} pages", entries.len());
    let mut failures = Vec::new();
    let (mut genuine, mut tampered) = (0, 0);
    for e in &entries {
        let file = e["file"].as_str().unwrap();
        let bytes = std::fs::read(format!("{DIR}/{file}")).unwrap();
        let result = scan::verify_page_bytes(&bytes, &trust, None);
        match e.get("expect_failure") {
            None => {
                genuine += 1;
                match result {
                    Ok(v) if v.verdict == Verdict::Verified => {
                        if v.qr_text != e["qr_text"].as_str().unwrap() {
                            failures.push(format!("{file}: another QR text verified"));
                        }
                    }
                    Ok(v) => failures.push(format!(
                        "{file}: {:?} {:?}",
                        v.verdict, v.verification.failure
                    )),
                    Err(err) => failures.push(format!("{file}: {err}")),
                }
            }
            Some(want) => {
                tampered += 1;
                match result {
                    Ok(v) => {
                        let f = v.verification.failure.as_ref();
                        let code = f.map(|f| f.code.as_str()).unwrap_or("");
                        let state = serde_json::to_value(v.verification.state).unwrap();
                        if v.is_verified()
                            || code != want["code"].as_str().unwrap()
                            || state != want["state"]
                        {
                            failures.push(format!(
                                "{file}: tampered mark gave {:?} {state} [{code}], expected {want}",
                                v.verdict
                            ));
                        }
                    }
                    Err(err) => failures.push(format!("{file}: tampered mark not found: {err}")),
                }
            }
        }
    }
    assert!(
        genuine >= 40 && tampered >= 4,
        "{genuine} genuine, {tampered} tampered"
    );
    assert!(
        failures.is_empty(),
        "{} of {} pages:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

/// Every axis of the issue is in the committed subset at its hard end.
#[test]
fn degraded_subset_covers_every_axis() {
    let entries = manifest();
    let has = |pred: &dyn Fn(&Value) -> bool| entries.iter().any(|e| pred(&e["degradation"]));
    let num = |d: &Value, k: &str| d[k].as_f64().unwrap_or(0.0);
    assert!(has(&|d| d["dpi"] == 150), "150 dpi");
    assert!(has(&|d| num(d, "rotation_deg").abs() >= 4.9), "5° rotation");
    assert!(has(&|d| num(d, "perspective") >= 0.079), "8 % perspective");
    assert!(has(&|d| !d["photocopy"].is_null()), "photocopy");
    assert!(has(&|d| d["quarter_turns"] == 2), "upside down");
    assert!(
        has(&|d| d["quarter_turns"] == 1 || d["quarter_turns"] == 3),
        "sideways"
    );
    assert!(has(&|d| d["jpeg_quality"] == 40), "JPEG 40");
    assert!(has(&|d| num(d, "blur_sigma") >= 1.49), "blur 1.5");
    assert!(has(&|d| d["kind"] == "phone"), "phone photo");
}

/// The independent decoder (zxing-cpp from PyPI, `scripts/zxing_decode.py`) on the same files:
/// every genuine page it reads, egov verifies, and the texts it reads are the signed ones.
/// Runs where `EGOV_ZXING_PYTHON` names a Python with zxing-cpp and pillow (the test command
/// installs them and sets `EGOV_ZXING_REQUIRED=1`, so there it cannot skip).
#[test]
fn degraded_pages_egov_verifies_every_page_zxing_cpp_reads() {
    let Some(python) = common::zxing_python() else {
        return;
    };
    let entries = manifest();
    let files: Vec<String> = entries
        .iter()
        .map(|e| format!("{DIR}/{}", e["file"].as_str().unwrap()))
        .collect();
    let o = std::process::Command::new(&python)
        .arg(common::ZXING_SCRIPT)
        .args(&files)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), entries.len());
    let trust = trust();
    let (mut zxing_read, mut egov_verified) = (0, 0);
    for (e, z) in entries.iter().zip(&lines) {
        if e.get("expect_failure").is_some() {
            continue;
        }
        let want = e["qr_text"].as_str().unwrap();
        let read = z["texts"].as_array().unwrap().iter().any(|t| t == want);
        let bytes = std::fs::read(format!("{DIR}/{}", e["file"].as_str().unwrap())).unwrap();
        let verified = scan::verify_page_bytes(&bytes, &trust, None).is_ok_and(|v| v.is_verified());
        zxing_read += usize::from(read);
        egov_verified += usize::from(verified);
        assert!(
            !read || verified,
            "{}: zxing-cpp reads it, egov does not verify it",
            e["file"]
        );
    }
    eprintln!("genuine pages: zxing-cpp (PyPI) read {zxing_read}, egov verified {egov_verified}");
    assert!(egov_verified >= zxing_read);
}
