//! End-to-end tests of the `egov` binary: output, `--json`, and exit codes
//! (0 valid, 1 invalid input, 2 usage error).

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
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

/// An answer that rests on a year with no announced schedule says so (CORE-02): the
/// statutory projection of Tết 2028, the partly announced 2027, a deadline that runs into
/// 2028; none for an announced year. Vietnamese first, English on request, and in `--json`.
#[test]
fn core_02_cli_says_when_a_year_is_only_projected() {
    let vi = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_egov"))
            .env("EGOV_LANG", "vi")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        stdout(&o)
    };
    let tet_2028 = vi(&["workday", "2028-01-25"]);
    assert!(tet_2028.contains("ngày nghỉ: Tết Nguyên Đán"), "{tet_2028}");
    assert!(
        tet_2028.contains("lịch nghỉ năm 2028 chưa được công bố"),
        "{tet_2028}"
    );
    let may_2027 = vi(&["workday", "2027-04-29"]);
    assert!(
        may_2027.contains("lịch nghỉ năm 2027 mới được công bố một phần"),
        "{may_2027}"
    );
    let tet_2026 = vi(&["workday", "2026-02-17"]);
    assert!(!tet_2026.contains("Ghi chú"), "{tet_2026}");
    // The next working day decides: 31/12/2027 is announced-or-partly, 04/01/2028 projected.
    let deadline = vi(&["deadline", "--signed", "2027-12-31T16:00:00+07:00"]);
    assert!(deadline.contains("04/01/2028"), "{deadline}");
    assert!(
        deadline.contains("lịch nghỉ năm 2028 chưa được công bố"),
        "{deadline}"
    );
    // The verdict's explanation sits under the value column (Fluent drops the indentation of
    // a line that starts with a placeable; the templates write it as a literal).
    let late = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(["deadline", "--signed", "2027-12-31T16:00:00+07:00"])
        .args(["--sent", "2028-01-04T14:00:00+07:00"])
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(1));
    let late = stdout(&late);
    assert!(
        late.contains("\n                      Gửi lúc 14:00 ngày 04/01/2028, chậm 2 giờ"),
        "{late}"
    );
    assert!(
        late.trim_end()
            .ends_with("Lịch nghỉ năm 2028 chưa được công bố: hạn này tính theo Bộ luật Lao động 2019 và có thể thay đổi khi lịch được công bố."),
        "{late}"
    );
    // The verdict says the schedule is projected: the calendar note is not said again.
    assert!(!late.contains("Ghi chú"), "{late}");
    // A send the same day does not rest on 2028: the verdict, then the note, last.
    let same_day = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(["deadline", "--signed", "2027-12-31T16:00:00+07:00"])
        .args(["--sent", "2027-12-31T17:00:00+07:00"])
        .output()
        .unwrap();
    assert_eq!(same_day.status.code(), Some(0));
    let same_day = stdout(&same_day);
    let verdict = same_day.find("Kết luận:").expect(&same_day);
    let note = same_day
        .find("Ghi chú: lịch nghỉ năm 2028")
        .expect(&same_day);
    assert!(verdict < note, "{same_day}");
    assert!(same_day.find("Lịch:").unwrap() < verdict, "{same_day}");
    let en = stdout(&egov(&["workday", "2028-01-25"]));
    assert!(
        en.contains("the 2028 schedule is not announced yet"),
        "{en}"
    );
    let json = egov(&["--json", "workday", "2028-01-25"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["calendar_schedule"], "projected");
    assert_eq!(v["next_working_day"], "2028-01-31");
    let json = egov(&[
        "--json",
        "deadline",
        "--signed",
        "2026-03-06T16:00:00+07:00",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["deadline"]["calendar_schedule"], "announced");
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
fn core_01_cli_reads_time_without_offset_as_vietnam_time_with_a_note_or_refuses_it_when_strict() {
    // Officers write times without an offset: Vietnam time, said on standard error.
    let o = egov(&["--json", "deadline", "--signed", "06/03/2026 16:00"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"]["signed_at"], "2026-03-06T16:00:00+07:00");
    let note = String::from_utf8_lossy(&o.stderr);
    assert!(
        note.contains("has no UTC offset, read as Vietnam time"),
        "{note}"
    );
    // --strict-time refuses it, as before.
    let o = egov(&[
        "--json",
        "--strict-time",
        "deadline",
        "--signed",
        "2026-03-06 16:00",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["error"]["code"], "time.missing_offset");
    // A date alone in the Vietnamese order is the signing date.
    let o = egov(&["--json", "deadline", "--signed", "13/02/2026"]);
    assert_eq!(o.status.code(), Some(0));
    let iso = egov(&["--json", "deadline", "--signed", "2026-02-13"]);
    assert_eq!(stdout(&o), stdout(&iso));
    // As a văn thư writes them: the time in words or with «h», the date written out.
    let o = egov(&["--json", "deadline", "--signed", "16h ngày 6/3/2026"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"]["signed_at"], "2026-03-06T16:00:00+07:00");
    let o = egov(&[
        "--json",
        "deadline",
        "--signed",
        "ngày 13 tháng 02 năm 2026",
    ]);
    assert_eq!(
        stdout(&o),
        stdout(&iso),
        "a date written out is a date alone"
    );
    // A date that is not one: its forms, the argument by its Vietnamese name, no timestamp.
    let o = egov(&["--lang", "vi", "workday", "thứ hai"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`NGÀY` «thứ hai» không phải ngày (viết «13/02/2026»"),
        "{err}"
    );
    assert!(
        !err.contains("ISO 8601") && !err.contains("`DATE`"),
        "{err}"
    );
    // What is not a time says which forms are read, in the run's language.
    let o = egov(&["--lang", "vi", "deadline", "--signed", "chiều nay"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("«chiều nay» không phải ngày giờ: hãy ghi như «30/04/2026 16:30»"),
        "{err}"
    );
}

fn json_of(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = egov(&all);
    (o.status.code(), serde_json::from_str(&stdout(&o)).unwrap())
}

#[test]
fn doc_03_cli_code_reports_level_and_parent() {
    let (code, v) = json_of(&["code", "000.00.18.G12"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["level"], 2);
    assert_eq!(v["parent"], "000.00.00.G12");
    assert_eq!(v["root"], "000.00.00.G12");
}

#[test]
fn doc_02_cli_code_rejects_bad_codes_with_a_reason() {
    let (code, v) = json_of(&["code", "28.22.H17"]);
    assert_eq!(code, Some(1));
    assert_eq!(v["error"]["code"], "agency_code.group_count");
    let (code, v) = json_of(&["code", "000.00.00.g22"]);
    assert_eq!(code, Some(1));
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("uppercase"));
    // The refusal names the flag that takes it, in both languages; a code no profile takes
    // does not.
    for (field, words) in [
        ("message", "`egov code --lenient` accepts it"),
        ("message_vi", "`egov code --lenient` nhận mã này"),
    ] {
        assert!(v["error"][field].as_str().unwrap().contains(words), "{v}");
    }
    let (_, v) = json_of(&["code", "28.22.H17"]);
    assert!(
        !v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--lenient"),
        "{v}"
    );
    // The lenient profile accepts it and says what it tolerated.
    let (code, v) = json_of(&["code", "000.00.00.g22", "--lenient"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["code"], "000.00.00.G22");
    assert_eq!(v["findings"][0]["outcome"], "warning");
}

#[test]
fn doc_04_cli_code_checks_the_registry_as_of_a_date() {
    let registry = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../egov-docs/data/agency_registry_sample.csv"
    );
    let (code, v) = json_of(&[
        "code",
        "000.00.00.H09",
        "--registry",
        registry,
        "--as-of",
        "2025-08-01",
    ]);
    assert_eq!(code, Some(1), "expired after the 2025 merger");
    let (code, _) = json_of(&[
        "code",
        "000.00.00.H09",
        "--registry",
        registry,
        "--as-of",
        "2024-08-01",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(
        v["findings"].as_array().unwrap().last().unwrap()["rule"],
        "DOC-04"
    );
    let (code, v) = json_of(&["code", "000.00.00.H09", "--registry", registry]);
    assert_eq!(code, Some(2), "a usage error");
    assert_eq!(v["error"]["code"], "usage.as_of");
}

#[test]
fn cli_docnum_tolerates_stray_space_with_a_warning() {
    let (code, v) = json_of(&["docnum", "512 /SY-VPUBND"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["canonical"], "512/SY-VPUBND");
    assert_eq!(v["findings"][0]["outcome"], "warning");
    let (code, v) = json_of(&["docnum", "28/2018/QĐ-TTg"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["year"], 2018);
    assert_eq!(v["doc_type"]["name_vi"], "Quyết định");
    let (code, _) = json_of(&["docnum", "/2021/NĐ-CP"]);
    assert_eq!(code, Some(1));
}

#[test]
fn doc_08_cli_docid_rejects_an_impossible_date() {
    let (code, v) = json_of(&["docid", "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT"]);
    assert_eq!(code, Some(1));
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("promulgation_date"));
    let (code, v) = json_of(&["docid", "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["organ_id"], "000.00.00.G22");
    assert_eq!(v["promulgation_date"], "2018-09-20");
}

#[test]
fn doc_10_cli_metadata_reads_stdin_and_fails_on_missing_points() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(["--json", "metadata", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"agency_code": "000.00.00.G22"}"#)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["overall"], "fail");
    assert_eq!(v["findings"][0]["outcome"], "pass");
}

/// TOML's own dates and times (`date = 2018-09-20`, `sent_at = 2018-09-20T14:05:00+07:00`) read
/// as the same values in quotes, in the metadata template and an edXML build description; a
/// TOML syntax error is placed by line and column in Vietnamese, without the parser's English.
#[test]
fn doc_10_cli_toml_inputs_take_toml_dates() {
    let d = std::env::temp_dir().join(format!("egov-cli-toml-dates-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let path = |name: &str| d.join(name).display().to_string();
    let o = egov(&["template", "metadata", "-o", &path("m.toml"), "--force"]);
    assert_eq!(o.status.code(), Some(0));
    let quoted = std::fs::read_to_string(d.join("m.toml")).unwrap();
    let bare = quoted
        .replacen("date = \"2018-09-20\"", "date = 2018-09-20", 1)
        .replacen(
            "sent_at = \"2018-09-20T14:05:00+07:00\"",
            "sent_at = 2018-09-20T14:05:00+07:00",
            1,
        );
    assert_ne!(
        bare, quoted,
        "the template's dates are where this test expects them"
    );
    std::fs::write(d.join("bare.toml"), &bare).unwrap();
    let a = egov(&["--json", "metadata", &path("m.toml")]);
    let b = egov(&["--json", "metadata", &path("bare.toml")]);
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    assert_eq!(
        b.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&b.stderr)
    );
    assert_eq!(stdout(&a), stdout(&b));
    // An edXML build description with a bare promulgation date.
    let o = egov(&["template", "edxml-build", "-o", &path("b.toml"), "--force"]);
    assert_eq!(o.status.code(), Some(0));
    // The template names its attachment's file, next to it.
    std::fs::write(d.join("cong-van.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    let build = std::fs::read_to_string(d.join("b.toml")).unwrap().replacen(
        "date = \"2026/12/04\"",
        "date = 2026-12-04",
        1,
    );
    assert!(build.contains("date = 2026-12-04"));
    std::fs::write(d.join("b.toml"), build).unwrap();
    let o = egov(&[
        "edxml",
        "build",
        &path("b.toml"),
        "--out",
        &path("p.edxml"),
        "--force",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = egov(&["--json", "edxml", "show", &path("p.edxml")]);
    assert!(stdout(&o).contains("2026/12/04"), "{}", stdout(&o));
    // A syntax error: the place, in Vietnamese.
    std::fs::write(d.join("broken.toml"), "agency_code = \"x\"\nfoo = [\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(["metadata", &path("broken.toml")])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("không đúng định dạng TOML ở dòng 2, cột 8"),
        "{err}"
    );
    assert!(!err.contains("unclosed"), "{err}");
}
