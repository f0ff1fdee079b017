//! CORE-06: an error of an egov library says what went wrong in the run's language, and its
//! `--json` object carries the English `message` and the Vietnamese `message_vi`.

use std::process::{Command, Output};

fn egov(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", lang)
        .args(args)
        .output()
        .expect("the egov binary runs")
}

#[test]
fn core_06_library_errors_in_vietnamese_and_english() {
    let o = egov("en", &["code", "000.00.G22", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["code"], "agency_code.group_count");
    let en = v["error"]["message"].as_str().unwrap();
    let vi = v["error"]["message_vi"].as_str().unwrap();
    assert!(vi.starts_with("mã định danh phải có 4 nhóm mã"), "{vi}");
    assert_ne!(en, vi);
    // The text for people is in the run's language.
    let o = egov("en", &["--lang", "vi", "code", "000.00.G22"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(vi), "{err}");
    let o = egov("en", &["code", "000.00.G22"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(en) && !err.contains(vi), "{err}");
}
