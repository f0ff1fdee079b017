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
