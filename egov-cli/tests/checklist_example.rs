//! The filled-in example evidence for a province's document-management and direction system
//! (issue 16): `egov checklist run nd137-qd28-document-management` on it reads as a compliance
//! officer expects: every one of the 47 duties answered, three deliberately not met (one workflow
//! stage, «ký số văn bản», still outside the system; automatic reports not started; an
//! attestation dated after the evaluation date), no misspelt item.

use std::process::{Command, Output};

const PROFILE: &str = "nd137-qd28-document-management";
const EXAMPLE: &str = "testdata/checklists/provincial-document-management.toml";

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

#[test]
fn doc_33_and_oth_38_document_management_example_reads_as_an_officer_expects() {
    let o = egov(&["checklist", "run", PROFILE, "--evidence", EXAMPLE]);
    assert_eq!(o.status.code(), Some(1), "not every duty passes");
    let text = stdout(&o);
    assert!(text.contains("Ngày đánh giá: 02/03/2026"), "{text}");
    assert!(
        text.contains("Kết quả chung: KHÔNG ĐẠT  —  44 đạt, 1 lưu ý, 1 chưa rõ, 1 không đạt"),
        "{text}"
    );
    // The one failing duty: a workflow stage not yet on the system, with the inspection report.
    assert!(
        text.contains(
            "[KHÔNG ĐẠT] DOC-33 (NĐ 137/2024/NĐ-CP Đ9.4.b): Khâu ký số văn bản thực hiện trên \
             Hệ thống quản lý văn bản và điều hành: đã xác nhận CHƯA đáp ứng ngày 25/02/2026"
        ),
        "{text}"
    );
    assert!(
        text.contains("Biên bản kiểm tra số 14/BB-ĐKT ngày 25/02/2026"),
        "{text}"
    );
    assert_eq!(text.matches("[KHÔNG ĐẠT]").count(), 1, "{text}");
    // Automatic reports not started: a warning, not a failure.
    assert!(
        text.contains(
            "[LƯU Ý] OTH-38 (NĐ 137/2024/NĐ-CP Đ9.3): Mức chuyển sang báo cáo tự động, dựa trên \
             dữ liệu và theo thời gian thực: not_started"
        ),
        "{text}"
    );
    // The planned drill, dated after the evaluation date, is not evidence.
    assert!(
        text.contains("[CHƯA RÕ] TRUST-05 (NĐ 137/2024/NĐ-CP Đ13.2.b)")
            && text.contains("xác nhận đề ngày 15/04/2026, sau ngày đánh giá 02/03/2026"),
        "{text}"
    );
    // Choices answered with the allowed values, the deadlines met.
    assert!(
        text.contains("[ĐẠT] DOC-23 (QĐ 28/2018/QĐ-TTg Đ7.3)"),
        "{text}"
    );
    assert!(text.contains(": provincial_office: "), "{text}");
    assert!(text.contains(": electronic_only: "), "{text}");
    assert!(text.contains(": administrative: "), "{text}");
    assert!(
        text.contains("thực hiện ngày 12/03/2019, đúng hạn 29/06/2019"),
        "{text}"
    );
    // Every evidence id matches a duty.
    assert!(!text.contains("Bằng chứng không ứng với mục nào"), "{text}");

    let en = stdout(&egov(&[
        "checklist",
        "run",
        PROFILE,
        "--evidence",
        EXAMPLE,
        "--lang",
        "en",
    ]));
    assert!(
        en.contains("Overall: FAIL  —  44 pass, 1 warning, 1 unknown, 1 fail"),
        "{en}"
    );
    assert!(!en.contains("Evidence matching no item"), "{en}");

    let j = egov(&["--json", "checklist", "run", PROFILE, "--evidence", EXAMPLE]);
    assert_eq!(j.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    assert_eq!(json["overall"], "fail");
    assert_eq!(json["as_of"], "2026-03-02");
    assert_eq!(json["unused_evidence"], serde_json::json!([]));
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 47);
    // Every duty answered: no finding names a missing field.
    for f in findings {
        let missing = &f["evidence"]["missing"];
        assert!(
            missing.is_null() || missing.as_array().is_some_and(|m| m.is_empty()),
            "{f}"
        );
    }
}
