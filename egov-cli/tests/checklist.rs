//! `egov checklist` end to end (issue 16): the shipped checklists, a provincial system's
//! evidence judged into a report an officer reads, templates, the caller's own checklists.

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the egov binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const EXAMPLE: &str = "testdata/checklists/provincial-document-system.toml";

#[test]
fn oth_36_and_trust_05_cli_run_on_a_provincial_system_reads_as_a_report() {
    let o = egov(&[
        "checklist",
        "run",
        "nd137-agency-system",
        "--evidence",
        EXAMPLE,
    ]);
    assert_eq!(o.status.code(), Some(1), "not every duty passes");
    let text = stdout(&o);
    assert!(text.contains("Ngày đánh giá: 02/03/2026"), "{text}");
    assert!(
        text.contains("[KHÔNG ĐẠT] OTH-36 (NĐ 137/2024/NĐ-CP Đ6.3.e)"),
        "{text}"
    );
    assert!(text.contains("[CHƯA RÕ] OTH-36 (NĐ 137/2024/NĐ-CP Đ6.3.g)"));
    assert!(text.contains("cần đáp ứng hay không (`satisfied`), ngày (`date`)"));
    assert!(text.contains("[ĐẠT] TRUST-05 (NĐ 137/2024/NĐ-CP Đ13.1)"));
    assert!(text.contains("Kết quả chung: KHÔNG ĐẠT  —  8 đạt, 0 lưu ý, 2 chưa rõ, 1 không đạt"));
    let en = stdout(&egov(&[
        "checklist",
        "run",
        "nd137-agency-system",
        "--evidence",
        EXAMPLE,
        "--lang",
        "en",
    ]));
    assert!(
        en.contains("Overall: FAIL  —  8 pass, 0 warning, 2 unknown, 1 fail"),
        "{en}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &egov(&[
            "--json",
            "checklist",
            "run",
            "nd137-agency-system",
            "--evidence",
            EXAMPLE,
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(json["overall"], "fail");
    assert_eq!(json["findings"].as_array().unwrap().len(), 11);
    assert_eq!(
        json["findings"][6]["evidence"]["missing"],
        serde_json::json!(["satisfied", "date"])
    );
    // A later evaluation date makes the April attestation evidence.
    let later = egov(&[
        "--json",
        "checklist",
        "run",
        "nd137-agency-system",
        "--evidence",
        EXAMPLE,
        "--as-of",
        "2026-05-01",
    ]);
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(later["findings"][9]["outcome"], "pass");
}

#[test]
fn oth_43_cli_list_show_template_and_the_callers_own_checklist() {
    let list = stdout(&egov(&["checklist", "list"]));
    assert!(list.contains("nd137-d14-experts") && list.contains("đang có hiệu lực"));
    let show = stdout(&egov(&["checklist", "show", "nd137-d14-experts"]));
    assert!(
        show.contains("«Được thuê làm việc theo hợp đồng»"),
        "{show}"
    );
    assert!(show.contains("OTH-43 (NĐ 137/2024/NĐ-CP Đ14.2.b)"));
    let t = egov(&["checklist", "template", "nd137-d14-experts"]);
    assert!(t.status.success());
    let t = stdout(&t);
    assert!(t.contains("[items.d14_1_scope]") && t.contains("database_advisory"));
    // The caller's checklist file joins the shipped ones.
    let dir = std::env::temp_dir().join(format!("egov-checklist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mine = dir.join("mine.toml");
    std::fs::write(
        &mine,
        "id = \"mine\"\nversion = \"1\"\ntitle_vi = \"Của tôi\"\ntitle_en = \"Mine\"\nstatus = \"draft\"\nincludes = [\"nd137-d14-experts\"]\n",
    )
    .unwrap();
    let ev = dir.join("ev.toml");
    std::fs::write(
        &ev,
        "as_of = \"2026-03-02\"\n[items.d14_1_scope]\nchoice = \"database_advisory\"\n[items.d14_2_a_criteria]\nreference = \"QĐ 1/QĐ-X\"\n[items.d14_2_b_contract]\nreference = \"HĐ 2/2026\"\n",
    )
    .unwrap();
    let o = egov(&[
        "checklist",
        "run",
        "mine",
        "--file",
        mine.to_str().unwrap(),
        "--evidence",
        ev.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Errors: an unknown checklist, unreadable evidence, a bad date.
    let o = egov(&["checklist", "show", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("checklist.unknown"));
    let o = egov(&[
        "checklist",
        "run",
        "nd137-d14-experts",
        "--evidence",
        "missing.toml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(&ev, "[items.x]\nsatisfeid = true\n").unwrap();
    let o = egov(&[
        "checklist",
        "run",
        "nd137-d14-experts",
        "--evidence",
        ev.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("satisfeid"));
    let o = egov(&[
        "checklist",
        "run",
        "nd137-d14-experts",
        "--evidence",
        EXAMPLE,
        "--as-of",
        "2/3/2026",
    ]);
    // Day first, as officers write it: the same run as --as-of 2026-03-02.
    let iso = egov(&[
        "checklist",
        "run",
        "nd137-d14-experts",
        "--evidence",
        EXAMPLE,
        "--as-of",
        "2026-03-02",
    ]);
    assert_eq!(o.stdout, iso.stdout);
    let o = egov(&[
        "checklist",
        "run",
        "nd137-d14-experts",
        "--evidence",
        EXAMPLE,
        "--as-of",
        "30/02/2026",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("date.invalid"));
}

/// `egov checklist list` in Vietnamese: the counts line up under each other whatever the width of
/// the binding-force label («mục tiêu chiến lược» is the longest), and the answer ends with one
/// line end, not a blank line.
#[test]
fn cli_checklist_list_columns_line_up() {
    let o = egov(&["checklist", "list"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.ends_with(" (QĐ 942/QĐ-TTg)\n"), "{text:?}");
    let columns: Vec<usize> = text
        .lines()
        .map(|l| {
            let count_end = l.find(" mục  ").unwrap_or_else(|| panic!("{l}"));
            l[..count_end].chars().count()
        })
        .collect();
    assert!(columns.len() > 10, "{text}");
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{text}"
    );
    assert!(text.contains("mục tiêu chiến lược  29 mục"), "{text}");
}

/// The evidence template written to a file (`-o`, never over an existing one without
/// `--force`), run as written: every duty unknown with what it needs, no "Người lập:" line for
/// no one; then one date filled in the officer's way (`02/12/2026`) and TOML's own date.
#[test]
fn trust_05_template_to_a_file_runs_as_written_then_filled_in_part() {
    let d = std::env::temp_dir().join(format!("egov-checklist-template-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let file = d.join("minh-chung.toml");
    let _ = std::fs::remove_file(&file);
    let path = file.display().to_string();
    let id = "nd137-d13-incident-plans";
    let o = egov(&["checklist", "template", id, "-o", &path]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(stdout(&o).contains("minh-chung.toml"));
    let o = egov(&["checklist", "template", id, "-o", &path]);
    assert_eq!(o.status.code(), Some(2), "an existing file is kept");
    assert!(String::from_utf8_lossy(&o.stderr).contains("io.exists"));
    let o = egov(&[
        "checklist",
        "run",
        id,
        "--evidence",
        &path,
        "--as-of",
        "02/12/2026",
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let text = stdout(&o);
    assert!(
        text.contains("Kết quả chung: CHƯA RÕ  —  0 đạt, 0 lưu ý, 4 chưa rõ, 0 không đạt"),
        "{text}"
    );
    assert!(
        text.contains("chưa có bằng chứng: cần ngày (`date`)"),
        "{text}"
    );
    assert!(!text.contains("Người lập"), "{text}");
    let template = std::fs::read_to_string(&file).unwrap();
    let filled = template
        .replacen("as_of = \"YYYY-MM-DD\"", "as_of = 2026-12-02", 1)
        .replacen("date = \"YYYY-MM-DD\"", "date = \"15/11/2026\"", 1);
    std::fs::write(&file, filled).unwrap();
    let text = stdout(&egov(&["checklist", "run", id, "--evidence", &path]));
    assert!(text.contains("Ngày đánh giá: 02/12/2026"), "{text}");
    assert!(text.contains("1 đạt, 0 lưu ý, 3 chưa rõ"), "{text}");
    assert!(
        text.contains("đã xác nhận đáp ứng ngày 15/11/2026"),
        "{text}"
    );
}
