//! `egov.toml` and `EGOV_*`: the defaults an office sets once (issue 17), and the language
//! order --lang → EGOV_LANG → egov.toml → locale → Vietnamese (CORE-06).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs egov in `cwd` with only the given variables of ours set (no EGOV_* or locale from the
/// test's environment).
fn egov_in(cwd: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_egov"));
    c.current_dir(cwd).args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("EGOV_") || k.starts_with("LC_") || k == "LANG" {
            c.env_remove(k);
        }
    }
    // No user-level egov.toml of the machine running the tests.
    c.env("HOME", cwd)
        .env("XDG_CONFIG_HOME", cwd.join("no-such-dir"));
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const REGISTRY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../egov-docs/data/agency_registry_sample.csv"
);

#[test]
fn core_06_egov_toml_sets_language_format_and_registry_for_every_command() {
    let d = dir("office");
    std::fs::copy(REGISTRY, d.join("danh-muc.csv")).unwrap();
    std::fs::write(
        d.join("egov.toml"),
        "# Văn phòng UBND tỉnh\nlang = \"en\"\nformat = \"json\"\nregistry = \"danh-muc.csv\"\n",
    )
    .unwrap();
    // The registry named once (relative to the file) answers `egov code … --as-of`.
    let o = egov_in(&d, &[], &["code", "000.00.00.H09", "--as-of", "2025-08-01"]);
    assert_eq!(o.status.code(), Some(1), "expired after the 2025 merger");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["findings"].as_array().unwrap().last().unwrap()["rule"],
        "DOC-04"
    );
    // A variable beats the file; the flag beats both.
    let o = egov_in(&d, &[("EGOV_FORMAT", "text")], &["workday", "2026-02-17"]);
    assert!(stdout(&o).contains("day off"), "{}", stdout(&o));
    let o = egov_in(
        &d,
        &[("EGOV_FORMAT", "text"), ("EGOV_LANG", "vi")],
        &["workday", "2026-02-17"],
    );
    // Vietnamese: the date as dd/mm/yyyy in prose (CORE-06), the day named «ngày nghỉ».
    assert!(
        stdout(&o).contains("17/02/2026") && stdout(&o).contains("ngày nghỉ"),
        "{}",
        stdout(&o)
    );
    let o = egov_in(&d, &[], &["--lang", "vi", "config"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["file"], d.join("egov.toml").display().to_string());
    let names: Vec<&str> = v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["lang", "format", "registry"]);
    assert_eq!(
        v["settings"][2]["value"],
        d.join("danh-muc.csv").display().to_string()
    );
    // EGOV_CONFIG=none: no file, egov's defaults (Vietnamese, text).
    let o = egov_in(&d, &[("EGOV_CONFIG", "none")], &["config"]);
    assert!(
        stdout(&o).starts_with("Không có tệp cấu hình"),
        "{}",
        stdout(&o)
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn core_06_a_mistyped_key_is_an_error_naming_its_line_never_ignored() {
    let d = dir("typo");
    std::fs::write(d.join("egov.toml"), "lang = \"vi\"\nregistri = \"a.csv\"\n").unwrap();
    let o = egov_in(&d, &[], &["workday", "2026-02-17"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("lỗi[usage.config]: không dùng được tệp cấu hình"),
        "{err}"
    );
    // What is wrong, in Vietnamese: serde's English is not passed on (CORE-06).
    assert!(
        err.contains("egov.toml: dòng 2, cột 1: có trường «registri» mà định dạng này không có (các trường: «lang», «format»,"),
        "{err}"
    );
    assert!(!err.contains("unknown field"), "{err}");
    let o = egov_in(&d, &[("EGOV_LANG", "en")], &["workday", "2026-02-17"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("egov.toml: 2:1: unknown field `registri`, expected one of `lang`"),
        "{err}"
    );
    // A calendar file short of a field says which, in Vietnamese too; a syntax error keeps the
    // parser's words, quoted.
    std::fs::write(d.join("cal.toml"), "name = \"x\"\n").unwrap();
    std::fs::write(d.join("egov.toml"), "lang = \"vi\"\n").unwrap();
    let o = egov_in(
        &d,
        &[],
        &["workday", "2026-02-17", "--calendar", "cal.toml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "cal.toml: không đúng định dạng TOML ở dòng 1, cột 1: thiếu trường «weekly_rest_days»"
        ),
        "{err}"
    );
    std::fs::write(d.join("cal.toml"), "name = \"x\"\nweekly_rest_days = [\n").unwrap();
    let o = egov_in(
        &d,
        &[],
        &["workday", "2026-02-17", "--calendar", "cal.toml"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cal.toml: không đúng định dạng TOML ở dòng 2, cột 21")
            && !err.contains("parse error"),
        "{err}"
    );
    // --config names another file, which wins over ./egov.toml.
    std::fs::write(d.join("other.toml"), "lang = \"en\"\n").unwrap();
    let o = egov_in(&d, &[], &["--config", "other.toml", "config"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Configuration file:"),
        "{}",
        stdout(&o)
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn core_06_language_from_the_locale_else_vietnamese() {
    let d = dir("locale");
    let o = egov_in(&d, &[("LANG", "en_US.UTF-8")], &["config"]);
    assert!(
        stdout(&o).starts_with("No configuration file"),
        "{}",
        stdout(&o)
    );
    let o = egov_in(&d, &[("LANG", "C.UTF-8")], &["config"]);
    assert!(
        stdout(&o).starts_with("Không có tệp cấu hình"),
        "{}",
        stdout(&o)
    );
    let o = egov_in(
        &d,
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")],
        &["config"],
    );
    assert!(
        stdout(&o).starts_with("Không có tệp cấu hình"),
        "{}",
        stdout(&o)
    );
    std::fs::remove_dir_all(&d).unwrap();
}

/// An `EGOV_*` value egov cannot use (`EGOV_FORMAT=yaml`) is said on standard error and
/// ignored — the file's setting applies — and `egov config` does not show it as in effect; the
/// values it takes are read in any case (`EGOV_FORMAT=JSON`).
#[test]
fn core_06_an_unusable_environment_value_is_said_and_ignored() {
    let d = dir("unusable-env");
    std::fs::write(d.join("egov.toml"), "format = \"json\"\n").unwrap();
    let env = [
        ("EGOV_FORMAT", "yaml"),
        ("EGOV_STRICT_TIME", "maybe"),
        ("EGOV_LANG", "vi"),
    ];
    let o = egov_in(&d, &env, &["code", "000.00.18.G12"]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("EGOV_FORMAT=«yaml» không phải giá trị egov nhận (text, json): bỏ qua"),
        "{err}"
    );
    assert!(err.contains("EGOV_STRICT_TIME=«maybe»"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("the file's json");
    assert_eq!(v["code"], "000.00.18.G12");
    let o = egov_in(&d, &env, &["--json", "config"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let format = v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "format")
        .unwrap()
        .clone();
    assert_eq!(
        (format["value"].as_str(), format["origin"].as_str()),
        (Some("json"), Some("file"))
    );
    let o = egov_in(
        &d,
        &[("EGOV_FORMAT", "TEXT"), ("EGOV_LANG", "en")],
        &["code", "000.00.18.G12"],
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout(&o).starts_with("000.00.18.G12: agency code"),
        "{}",
        stdout(&o)
    );
}
