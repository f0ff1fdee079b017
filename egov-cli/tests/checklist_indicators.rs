//! `egov checklist indicators`: OTH-39 / OTH-40 (NĐ 137/2024 Đ10.3–10.5) from the command line.

use std::process::Command;

fn egov() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_egov"));
    c.env("EGOV_LANG", "vi");
    c
}

fn example() -> String {
    format!(
        "{}/../testdata/checklists/indicators-example.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn oth_40_cli_indicator_without_a_criterion_fails_with_exit_1() {
    let out = egov()
        .args(["checklist", "indicators", &example()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[KHÔNG ĐẠT] OTH-40"), "{text}");
    assert!(
        text.contains("Chỉ số HC-07: chưa đáp ứng tiêu chí nào"),
        "{text}"
    );
    assert!(text.contains("[ĐẠT] OTH-40"), "{text}");
    assert!(text.contains("Số chỉ số: 2, không đạt: 2"), "{text}");
}

#[test]
fn oth_39_cli_json_names_the_missing_element() {
    let out = egov()
        .args(["checklist", "indicators", &example(), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "OTH-39"
        && f["outcome"] == "fail"
        && f["evidence"]["missing"] == "comparability"));
}

#[test]
fn oth_39_cli_bad_input_is_an_error_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("egov-ind-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"[{"code":"X","name":"X","set":"nowhere","group":"other"}]"#,
    )
    .unwrap();
    let out = egov()
        .args(["checklist", "indicators", bad.to_str().unwrap()])
        .output()
        .unwrap();
    // Invalid input: exit 1 (the documented contract; 2 is for usage and I/O).
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("nowhere"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
