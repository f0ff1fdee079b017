//! End-to-end tests of the `egov` binary: output, `--json`, and exit codes
//! (0 valid, 1 invalid input, 2 usage error).

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn cli_usage_error_exits_2() {
    assert_eq!(egov(&["workday"]).status.code(), Some(2));
    assert_eq!(egov(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn core_02_cli_workday_reports_tet_2026_as_day_off() {
    let o = egov(&["--json", "workday", "2026-02-17"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["is_working_day"], false);
    assert_eq!(v["day_kind"]["kind"], "day_off");
    assert_eq!(v["next_working_day"], "2026-02-23");
}

#[test]
fn cli_invalid_date_exits_1_with_a_coded_error() {
    let o = egov(&["--json", "workday", "2026-02-31"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["error"]["code"], "date.invalid");
    let human = egov(&["workday", "2026-02-31"]);
    assert_eq!(human.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&human.stderr).contains("error[date.invalid]"));
}

#[test]
fn doc_19_cli_deadline_over_tet_and_late_send_exits_1() {
    let o = egov(&[
        "--json",
        "deadline",
        "--signed",
        "2026-02-13T15:00:00+07:00",
        "--sent",
        "2026-02-23T12:30:00+07:00",
    ]);
    assert_eq!(o.status.code(), Some(1), "a late send is non-compliant");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"]["latest"], "2026-02-23T12:00:00+07:00");
    assert_eq!(v["judgement"]["outcome"], "fail");
    assert_eq!(v["judgement"]["rule"], "DOC-19");
}

#[test]
fn doc_21_cli_urgent_local_time_sent_immediately_passes() {
    let o = egov(&[
        "deadline",
        "--signed",
        "2026-03-06 16:00",
        "--local",
        "--urgency",
        "hoa toc",
        "--sent",
        "2026-03-06 16:00",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("PASS (DOC-21"));
}

#[test]
fn core_01_cli_rejects_time_without_offset_unless_local() {
    let o = egov(&["--json", "deadline", "--signed", "2026-03-06 16:00"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["error"]["code"], "time.missing_offset");
}
