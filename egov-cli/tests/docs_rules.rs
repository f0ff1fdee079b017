//! `egov status|urgency|legal-value|paper-copy` (issue 17): the document rules of egov-docs
//! from the command line, text Vietnamese first and `--json` in the library's form, exit codes
//! 0 answer / 1 invalid or non-compliant / 2 usage.

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

/// Runs `egov --lang LANG ARGS…`: each language in its own run (CORE-06).
fn egov_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .arg("--lang")
        .arg(lang)
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn doc_28_29_cli_status_apply_transitions_and_refuses_what_the_table_does_not_give() {
    // Accepting an arrived document (DOC-28, Đ9.1), the status given in Vietnamese.
    let o = egov(&[
        "--json",
        "status",
        "apply",
        "Đã đến",
        "accept",
        "--at",
        "2026-03-02T09:00:00+07:00",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["from"], "arrived");
    assert_eq!(v["to"], "accepted");
    assert_eq!(v["rule"], "DOC-28");
    assert_eq!(v["notices"][0]["to"], "sender");

    // A rejection needs a reason (DOC-29): exit 1 with the library's code.
    let o = egov(&[
        "--json",
        "status",
        "apply",
        "arrived",
        "reject",
        "--at",
        "2026-03-02 09:00",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "status.missing_reason");
    let reject = [
        "status",
        "apply",
        "arrived",
        "reject",
        "--reason",
        "Thiếu phụ lục",
        "--at",
        "2026-03-02T09:00:00+07:00",
    ];
    let o = egov_in("vi", &reject);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "Trạng thái xử lý: đã đến (`arrived`) → từ chối nhận (trả lại) (`rejected`)"
        ),
        "{text}"
    );
    assert!(text.contains("Thiếu phụ lục"), "{text}");
    let o = egov_in("en", &reject);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        text.starts_with("Status: arrived (`arrived`) → rejected (returned) (`rejected`)"),
        "{text}"
    );
    assert!(text.contains("Thiếu phụ lục"), "{text}");

    // Rejected is final: nothing leaves it; the error names the rule.
    let o = egov(&[
        "status",
        "apply",
        "rejected",
        "accept",
        "--at",
        "2026-03-02T09:00:00+07:00",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("error[status.forbidden_transition]"),
        "{stderr}"
    );
    assert!(stderr.contains("DOC-28"), "{stderr}");

    // An unknown event is a usage error (clap lists the library's events).
    assert_eq!(
        egov(&["status", "apply", "arrived", "approve"])
            .status
            .code(),
        Some(2)
    );
    // The event as an officer writes it: its Vietnamese name, with or without diacritics.
    for (event, to) in [
        ("tiếp nhận", "accepted"),
        ("Tiep nhan", "accepted"),
        ("trả lại", "rejected"),
        ("thu hồi", "recalled"),
    ] {
        let o = egov(&[
            "--json",
            "status",
            "apply",
            "đã đến",
            event,
            "--reason",
            "Sai thể thức",
            "--at",
            "2026-03-02T09:00:00+07:00",
        ]);
        assert_eq!(o.status.code(), Some(0), "{event}");
        assert_eq!(json(&o)["to"], to, "{event}");
    }

    // The table, and what is allowed from one status.
    let all = json(&egov(&["--json", "status", "transitions"]));
    assert_eq!(all["transitions"].as_array().unwrap().len(), 11);
    let from = json(&egov(&["--json", "status", "transitions", "thu hồi"]));
    assert_eq!(from["status"], "recalled");
    assert_eq!(from["transitions"][0]["event"], "confirm_cancellation");
    assert_eq!(from["transitions"][0]["to"], "deleted");
    let deleted = json(&egov(&["--json", "status", "transitions", "deleted"]));
    assert_eq!(deleted["final"], true);
    assert_eq!(
        egov(&["status", "transitions", "lưu trữ"]).status.code(),
        Some(1)
    );
}

#[test]
fn doc_11_cli_status_edxml_code_reads_codes_both_ways() {
    let v = json(&egov(&["--json", "status", "edxml-code", "03"]));
    assert_eq!(v["code"], "03");
    assert_eq!(v["status"], "accepted");
    assert_eq!(v["event"], "accept");
    let v = json(&egov(&["--json", "status", "edxml-code", "13"]));
    assert_eq!(v["status"], serde_json::Value::Null);
    assert_eq!(v["event"], "recall");
    // A status gives its code.
    let o = egov_in("vi", &["status", "edxml-code", "đã chuyển xử lý"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Mã trạng thái edXML (StatusCode) 04: phân công xử lý"),
        "{}",
        stdout(&o)
    );
    let o = egov_in("en", &["status", "edxml-code", "đã chuyển xử lý"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("edXML StatusCode 04: assigned for processing"),
        "{}",
        stdout(&o)
    );
    let o = egov(&["--json", "status", "edxml-code", "07"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "status.unknown_edxml_code");
}

#[test]
fn doc_12_cli_urgency_reads_any_spelling_and_edxml_priority() {
    let v = json(&egov(&["--json", "urgency", "HOA TOC"]));
    assert_eq!(v["urgency"], "hoa_toc");
    assert_eq!(v["edxml_priority"], 3);
    let o = egov_in("vi", &["urgency", "thượng khẩn"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Độ khẩn:                      Thượng khẩn (`thuong_khan`)"),
        "{}",
        stdout(&o)
    );
    let o = egov_in("en", &["urgency", "thượng khẩn"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Urgency:        very urgent (`thuong_khan`)"),
        "{}",
        stdout(&o)
    );
    let v = json(&egov(&["--json", "urgency", "bình thường"]));
    assert_eq!(v["urgency"], serde_json::Value::Null);
    assert_eq!(v["edxml_priority"], 0);
    let v = json(&egov(&["--json", "urgency", "--edxml-priority", "1"]));
    assert_eq!(v["urgency"], "khan");
    assert_eq!(egov(&["urgency", "rất gấp"]).status.code(), Some(1));
    assert_eq!(egov(&["urgency"]).status.code(), Some(2));
    // Priority 4 «hỏa tốc hẹn giờ»: read as hỏa tốc, and what that loses is said.
    let v = json(&egov(&["--json", "urgency", "--edxml-priority", "4"]));
    assert_eq!(
        (v["urgency"].as_str(), v["edxml_priority"].as_u64()),
        (Some("hoa_toc"), Some(3))
    );
    assert!(
        v["note_vi"]
            .as_str()
            .unwrap()
            .contains("giờ hẹn không được giữ lại"),
        "{v}"
    );
    let o = egov_in("vi", &["urgency", "hỏa tốc hẹn giờ"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("\nGhi chú: «hỏa tốc hẹn giờ» (mã Priority 4 của edXML)"),
        "{}",
        stdout(&o)
    );
    assert!(json(&egov(&["--json", "urgency", "hỏa tốc"]))["note"].is_null());
}

#[test]
fn doc_14_cli_legal_value_equivalent_reference_or_unsettled() {
    let o = egov(&[
        "--json",
        "legal-value",
        "--digitally-signed",
        "yes",
        "--via-system",
        "yes",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["value"], "equivalent_to_paper");
    assert_eq!(v["finding"]["rule"], "DOC-14");
    let o = egov(&[
        "legal-value",
        "--digitally-signed",
        "no",
        "--via-system",
        "yes",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("for information and reference only (`reference_only`)"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("[WARNING]"));
    // Not sent through the system: Đ4 does not settle it, not shown valid.
    let o = egov(&[
        "--json",
        "legal-value",
        "--digitally-signed",
        "yes",
        "--via-system",
        "no",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["value"], serde_json::Value::Null);
    assert_eq!(
        egov(&["legal-value", "--digitally-signed", "yes"])
            .status
            .code(),
        Some(2)
    );
    // A clerk answers in Vietnamese, with or without diacritics; anything else is a usage
    // error said in the run's language (clap's own says "value was not a boolean").
    let o = egov_in(
        "vi",
        &[
            "--json",
            "legal-value",
            "--digitally-signed",
            "Có",
            "--via-system",
            "co",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["value"], "equivalent_to_paper");
    let o = egov_in(
        "vi",
        &[
            "--json",
            "legal-value",
            "--digitally-signed",
            "không",
            "--via-system",
            "1",
        ],
    );
    assert_eq!(json(&o)["value"], "reference_only");
    let o = egov_in(
        "vi",
        &[
            "legal-value",
            "--digitally-signed",
            "maybe",
            "--via-system",
            "yes",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("«maybe» không dùng được cho --digitally-signed <YES|NO>: viết «yes» («có») hoặc «no» («không»)"),
        "{err}"
    );
    assert!(!err.contains("boolean"), "{err}");
    let help = stdout(&egov_in("vi", &["legal-value", "--help"]));
    assert!(!help.contains("possible values"), "{help}");
}

#[test]
fn doc_17_cli_paper_copy_decides_and_judges_what_was_issued() {
    // Signed and sent electronically, not on any list: no paper (Đ5.3); issuing one fails.
    let o = egov(&[
        "--json",
        "paper-copy",
        "--type",
        "Công văn",
        "--legal-value",
        "equivalent_to_paper",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["decision"]["required"], false);
    // The legal value in Đ4's own words, as `egov legal-value` prints them.
    for (words, required) in [
        ("có giá trị pháp lý tương đương văn bản giấy", false),
        ("tuong duong van ban giay", false),
        ("để biết, tham khảo", true),
    ] {
        let o = egov(&[
            "--json",
            "paper-copy",
            "--type",
            "Công văn",
            "--legal-value",
            words,
        ]);
        assert_eq!(o.status.code(), Some(0), "{words}");
        assert_eq!(json(&o)["decision"]["required"], required, "{words}");
    }
    let o = egov(&[
        "--json",
        "paper-copy",
        "--type",
        "Công văn",
        "--legal-value",
        "equivalent_to_paper",
        "--issued",
        "yes",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["judgement"]["outcome"], "fail");
    // On the agency head's list (Đ7.2.b), matched without diacritics.
    let o = egov(&[
        "--json",
        "paper-copy",
        "--type",
        "to trinh",
        "--legal-value",
        "equivalent_to_paper",
        "--listed",
        "Tờ trình",
    ]);
    let v = json(&o);
    assert_eq!(v["decision"]["required"], true);
    assert_eq!(v["decision"]["grounds"][0]["ground"], "agency_list");
    // To the Government under its working regulation (Đ7.2.a), sent with paper: compliant.
    let to_government = [
        "paper-copy",
        "--type",
        "Báo cáo",
        "--legal-value",
        "equivalent_to_paper",
        "--to-government",
        "--issued",
        "yes",
    ];
    let o = egov_in("vi", &to_government);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Văn bản giấy: phải gửi kèm"),
        "{}",
        stdout(&o)
    );
    let o = egov_in("en", &to_government);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("Paper copy: required"),
        "{}",
        stdout(&o)
    );
    // A policy file that is missing: exit 2.
    let o = egov(&[
        "paper-copy",
        "--type",
        "x",
        "--legal-value",
        "reference_only",
        "--policy",
        "/nonexistent/p.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// DOC-17 (Đ7.2.b): the agency head's list is read from TOML as well as JSON, like every other
/// file officers write; a list that is not one says where and why in the run's language.
#[test]
fn doc_17_cli_paper_copy_policy_in_toml_or_json_with_reasons_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("danh-muc.toml");
    std::fs::write(
        &toml,
        "list_source = \"QĐ 12/QĐ-UBND\"\nlisted_document_types = [\"Tờ trình\"]\n",
    )
    .unwrap();
    let toml = toml.to_str().unwrap();
    let args = |policy: &str| {
        vec![
            "--json".to_owned(),
            "paper-copy".to_owned(),
            "--type".to_owned(),
            "tờ trình".to_owned(),
            "--legal-value".to_owned(),
            "equivalent_to_paper".to_owned(),
            "--policy".to_owned(),
            policy.to_owned(),
        ]
    };
    let run = |lang: &str, a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        egov_in(lang, &a)
    };
    let o = run("vi", args(toml));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["decision"]["required"], true);
    assert_eq!(v["decision"]["grounds"][0]["ground"], "agency_list");

    let bad_json = dir.path().join("danh-muc.json");
    std::fs::write(&bad_json, "{\"list_source\": 5}").unwrap();
    let bad_toml = dir.path().join("sai.toml");
    std::fs::write(
        &bad_toml,
        "list_source = \"x\"\nlisted_document_types = \"Tờ trình\"\n",
    )
    .unwrap();
    for (file, vi_reason) in [
        (
            bad_json.to_str().unwrap(),
            "không đúng định dạng JSON ở dòng 1, cột 17: sai kiểu giá trị: có số nguyên, cần chuỗi",
        ),
        (
            bad_toml.to_str().unwrap(),
            "không đúng định dạng TOML ở dòng 2, cột 25: sai kiểu giá trị: có chuỗi, cần danh sách",
        ),
    ] {
        let mut a = args(file);
        a.remove(0);
        let o = run("vi", a.clone());
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(err.contains(vi_reason), "{err}");
        assert!(!err.contains("invalid type") && !err.contains('{'), "{err}");
        let o = run("en", a);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(err.contains("invalid type"), "{err}");
    }
}
