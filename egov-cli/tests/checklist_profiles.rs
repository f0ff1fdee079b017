//! The optional profiles from the command line (issue 16): the strategy's KPI targets tracked
//! from measurements (QĐ 942/QĐ-TTg, KPI-V1 and K1a…K5c; not binding) and online-service
//! levels (OTH-01 draft 003 Đ16, OTH-03 legacy levels 1–4; a draft).

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the egov binary runs")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

const OBS: &str = "testdata/checklists/kpi-observations-example.json";

#[test]
fn k1d_cli_kpi_tracks_on_track_then_missed_and_says_not_binding() {
    let o = egov(&["checklist", "kpi", OBS]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("không bắt buộc"), "{text}");
    assert!(
        text.contains("≈62,52%"),
        "the line's point rounded for people, a decimal comma in Vietnamese: {text}"
    );
    assert!(text.contains("chưa có số liệu: 28"), "{text}");
    let o = egov(&["checklist", "kpi", OBS, "--as-of", "01/01/2026", "--json"]);
    assert_eq!(o.status.code(), Some(1), "a missed target: exit 1");
    let v = json(&o);
    assert_eq!(v["as_of"], "2026-01-01");
    assert_eq!(v["tracked"][0]["id"], "k1d");
    assert_eq!(v["tracked"][0]["tracking"]["status"], "missed");
    assert_eq!(v["tracked"][0]["tracking"]["finding"]["rule"], "K1d");
}

#[test]
fn kpi_v1_cli_a_misspelt_target_id_is_an_error_not_dropped() {
    let dir = std::env::temp_dir().join(format!("egov-kpi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("obs.json");
    std::fs::write(
        &f,
        r#"{"observations": {"k1x": [{"value": "1", "date": "2024-01-01"}]}}"#,
    )
    .unwrap();
    let o = egov(&[
        "checklist",
        "kpi",
        f.to_str().unwrap(),
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("kpi.parse") && err.contains("k1x") && err.contains("k1d"),
        "{err}"
    );
}

#[test]
fn oth_01_cli_service_level_places_a_service_in_both_vocabularies() {
    let o = egov(&[
        "checklist",
        "service-level",
        "testdata/checklists/service-facts-example.json",
        "--json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["finding"]["rule"], "OTH-01");
    assert_eq!(v["classification"]["digital"], "partly_digitised");
    assert_eq!(v["classification"]["legacy"], "level4");
    let o = egov(&[
        "checklist",
        "service-level",
        "testdata/checklists/service-facts-example.json",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("DỰ THẢO"));
}
