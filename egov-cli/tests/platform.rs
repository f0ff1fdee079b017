//! End-to-end tests of `egov platform …` (PLAT-01…27): output, `--json`, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn egov_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_egov"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the egov binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("egov-platform-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const MONTHS_2025: &str = "2025-01=3000000,2025-02=3000000,2025-03=3000000,2025-04=3000000,2025-05=3000000,2025-06=3000000,2025-07=3000000,2025-08=3000000,2025-09=3000000,2025-10=3000000,2025-11=3000000,2025-12=3000000";

/// `platform classify` at the 3 % boundary (P = 100 000 000, mean 3 000 000), plus `extra`.
fn classify_at_3_percent(extra: &[&str]) -> Output {
    at_3_percent("classify", extra)
}

/// `platform <cmd>` at the 3 % boundary, plus `extra`.
fn at_3_percent(cmd: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "platform",
        cmd,
        "--monthly",
        MONTHS_2025,
        "--population",
        "100000000",
        "--population-publisher",
        "test",
        "--population-date",
        "2026-01-05",
        "--date",
        "2026-01-15",
    ];
    args.extend_from_slice(extra);
    egov(&args)
}

#[test]
fn plat_03_cli_classify_boundary_is_large() {
    let o = classify_at_3_percent(&["--intermediary", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["classification"]["scale"], "large");
    assert_eq!(v["classification"]["class"], "large_intermediary_platform");
    assert_eq!(v["classification"]["distances"][0]["distance_users"], "0");
    let human = classify_at_3_percent(&[]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("large-scale information system"));
}

#[test]
fn plat_04_cli_insufficient_history_exits_1_with_code() {
    let o = egov(&[
        "--json",
        "platform",
        "classify",
        "--monthly",
        "2025-12=5",
        "--date",
        "2026-01-15",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "platform.insufficient_history");
    assert_eq!(egov(&["platform", "classify"]).status.code(), Some(1));
    assert_eq!(
        egov(&["platform", "classify", "--bogus"]).status.code(),
        Some(2)
    );
}

#[test]
fn plat_01_cli_count_from_stdin_reports_malformed_lines() {
    let csv = b"user_id,timestamp,kind,in_vietnam\n1,2025-01-31T17:30:00Z,login,1\n2,1738344600,s,1\nbad\n3,1738344600,l,0\n";
    let o = egov_stdin(&["--json", "platform", "count", "-"], csv);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["counting"]["months"][0]["month"], "2025-02");
    assert_eq!(v["counting"]["months"][0]["active_users"], 2);
    assert_eq!(v["counting"]["lines"]["malformed"], 1);
    assert_eq!(v["counting"]["events"]["outside_vietnam"], 1);
}

#[test]
fn plat_01_cli_count_file_with_threads_equals_stdin() {
    // ~9 MB so the file is split across threads.
    let mut csv = Vec::new();
    let mut x: u64 = 42;
    for i in 0..400_000u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let t = 1_735_664_400 + (x % (365 * 86_400)) as i64;
        if i % 50_000 == 7 {
            csv.extend_from_slice(b"oops\n");
        }
        writeln!(csv, "{},{t},l,{}", x % 60_000, u8::from(i % 10 != 0)).unwrap();
    }
    let path = temp_file("events.csv", &csv);
    let a = json(&egov(&[
        "--json",
        "platform",
        "count",
        "--threads",
        "3",
        path.to_str().unwrap(),
    ]));
    let b = json(&egov_stdin(&["--json", "platform", "count", "-"], &csv));
    assert_eq!(a["threads"], 3);
    assert_eq!(a["counting"]["months"], b["counting"]["months"]);
    assert_eq!(a["counting"]["events"], b["counting"]["events"]);
    assert_eq!(a["counting"]["lines"]["malformed"], 8);
    assert_eq!(a["counting"]["lines"]["lines"], 400_008);
    assert_eq!(a["counting"]["months"].as_array().unwrap().len(), 12);
}

#[test]
fn plat_report_cli_markdown_and_json() {
    let evidence = temp_file(
        "evidence.json",
        br#"{"items": {"d19_1_b_notify_result": {"satisfied": false}}}"#,
    );
    let args = [
        "--intermediary",
        "--first-classified",
        "2025-10-01",
        "--evidence",
        evidence.to_str().unwrap(),
    ];
    let o = at_3_percent("report", &args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed obligation is non-compliant"
    );
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("## Nghĩa vụ / Obligations"));
    assert!(md.contains("2026-01-30"));
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json(&at_3_percent("report", &with_json));
    assert_eq!(v["next_due"]["due_on"], "2026-01-30");
    assert_eq!(v["obligations_overall"], "fail");
}

#[test]
fn plat_01_cli_count_more_threads_than_lines() {
    let csv = b"1,1738344600,l,1\n2,1738344600,l,1\n1,1738344600,a,1";
    let path = temp_file("tiny.csv", csv);
    for threads in ["1", "2", "5", "16", "64"] {
        let v = json(&egov(&[
            "--json",
            "platform",
            "count",
            "--threads",
            threads,
            path.to_str().unwrap(),
        ]));
        assert_eq!(v["counting"]["lines"]["lines"], 3, "threads {threads}");
        assert_eq!(
            v["counting"]["months"][0]["active_users"], 2,
            "threads {threads}"
        );
    }
}
