//! The in-force duties of QĐ 28/2018 Đ2, Đ5–7, Đ15–16 and NĐ 137/2024 Đ4–5, Đ9, Đ10.6 as
//! checklists (issue 16): a test per rule, each judged on evidence as the law reads. (The quotes
//! are checked against the seeds by `checklists.rs`, which covers every shipped item.)

use egov_checklist::{run, template, ChecklistReport, EvidenceFile, Registry};
use egov_core::{Finding, Outcome, WorkingCalendar};
use serde_json::json;

/// Runs checklist `id` on 2026-03-02 with the given evidence items (TOML).
fn report(id: &str, items: &str) -> ChecklistReport {
    let r = Registry::builtin().unwrap();
    let e = EvidenceFile::parse(&format!("as_of = \"2026-03-02\"\n{items}")).unwrap();
    run(&r, id, &e, None, &WorkingCalendar::vietnam()).unwrap()
}

/// The finding of `item` of checklist `id`.
fn judged(id: &str, items: &str, item: &str) -> Finding {
    let field = format!("{id}.{item}");
    report(id, items)
        .findings
        .into_iter()
        .find(|f| f.field.as_deref() == Some(field.as_str()))
        .unwrap_or_else(|| panic!("no item {field}"))
}

fn missing(f: &Finding) -> serde_json::Value {
    f.evidence.as_ref().unwrap()["missing"].clone()
}

const EXCHANGE: &str = "qd28-d2-d7-exchange";
const D9: &str = "nd137-d9-internal-administration";
const D10: &str = "nd137-d10-direction-system";
const CONVERSION: &str = "nd137-d4-d5-conversion";

#[test]
fn doc_24_other_organisations_may_apply_and_it_does_not_apply_to_an_administrative_body() {
    let item = "d2_2_other_organisations";
    let admin = judged(
        EXCHANGE,
        "[items.d2_2_other_organisations]\nchoice = \"administrative\"\n",
        item,
    );
    assert_eq!(
        (admin.rule.as_ref(), admin.outcome),
        ("DOC-24", Outcome::Pass)
    );
    assert_eq!(admin.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ2.2");
    assert!(
        admin.message_vi.contains("khoản 2 không áp dụng"),
        "{}",
        admin.message_vi
    );
    assert!(admin.message.contains("Đ2.2 does not apply"));
    // Another body not yet ready: no duty, so no failure, and the finding says so.
    let not_ready = judged(
        EXCHANGE,
        "[items.d2_2_other_organisations]\nchoice = \"other_not_ready\"\n",
        item,
    );
    assert_eq!(not_ready.outcome, Outcome::Pass);
    assert!(not_ready.message_vi.contains("không đặt nghĩa vụ"));
    let ready = judged(
        EXCHANGE,
        "[items.d2_2_other_organisations]\nchoice = \"other_ready\"\n",
        item,
    );
    assert!(ready.message_vi.contains("được thực hiện theo Quyết định"));
    // Unanswered: unknown, asking for the choice.
    let none = judged(EXCHANGE, "", item);
    assert_eq!(none.outcome, Outcome::Unknown);
    assert_eq!(missing(&none), json!(["choice"]));
}

#[test]
fn doc_15_principles_attested_not_met_fail() {
    let f = judged(
        EXCHANGE,
        "[items.d5_1_principles]\nsatisfied = false\ndate = \"2026-02-10\"\nby = \"Văn phòng UBND tỉnh\"\n",
        "d5_1_principles",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-15", Outcome::Fail));
    assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ5.1");
    assert!(f.message_vi.contains("CHƯA đáp ứng") && f.message_vi.contains("Văn phòng UBND tỉnh"));
}

#[test]
fn doc_20_incoming_documents_processed_without_waiting_for_paper() {
    let ok = judged(
        EXCHANGE,
        "[items.d6_2_no_wait_for_paper]\nsatisfied = true\ndate = \"2026-02-10\"\n",
        "d6_2_no_wait_for_paper",
    );
    assert_eq!((ok.rule.as_ref(), ok.outcome), ("DOC-20", Outcome::Pass));
    assert!(ok.message_vi.contains("không chờ văn bản giấy"));
    let none = judged(EXCHANGE, "", "d6_2_no_wait_for_paper");
    assert_eq!(none.outcome, Outcome::Unknown);
    assert_eq!(missing(&none), json!(["satisfied", "date"]));
}

#[test]
fn doc_13_form_presentation_and_format_attested_with_the_rules_applied() {
    let f = judged(
        EXCHANGE,
        "[items.d6_4_form_and_format]\nsatisfied = true\ndate = \"2026-01-05\"\nreference = \"Phụ lục I Nghị định 30/2020/NĐ-CP\"\n",
        "d6_4_form_and_format",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-13", Outcome::Pass));
    assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ6.4");
    assert!(f.message_vi.contains("Nghị định 30/2020"));
    assert!(
        f.message_vi.contains("Bộ Nội vụ") && f.message_vi.contains("Bộ Thông tin và Truyền thông")
    );
    // An attestation without its date is not evidence.
    let undated = judged(
        EXCHANGE,
        "[items.d6_4_form_and_format]\nsatisfied = true\n",
        "d6_4_form_and_format",
    );
    assert_eq!(undated.outcome, Outcome::Unknown);
    assert_eq!(missing(&undated), json!(["date"]));
}

#[test]
fn doc_23_the_focal_point_is_one_of_d7_3_a_to_c_or_none() {
    let item = "d7_3_focal_point";
    let province = judged(
        EXCHANGE,
        "[items.d7_3_focal_point]\nchoice = \"provincial_office\"\n",
        item,
    );
    assert_eq!(
        (province.rule.as_ref(), province.outcome),
        ("DOC-23", Outcome::Pass)
    );
    assert!(province
        .message_vi
        .contains("Văn phòng Ủy ban nhân dân cấp tỉnh (điểm c khoản 3 Điều 7)"));
    // A value the law does not name is not an answer.
    let bad = judged(
        EXCHANGE,
        "[items.d7_3_focal_point]\nchoice = \"department\"\n",
        item,
    );
    assert_eq!(bad.outcome, Outcome::Unknown);
    for v in [
        "government_office",
        "ministry_office",
        "provincial_office",
        "not_a_focal_point",
    ] {
        assert!(bad.message.contains(v), "{}", bad.message);
    }
}

#[test]
fn doc_41_the_quarterly_report_falls_on_the_government_office_and_is_at_most_a_quarter_old() {
    let id = "qd28-d15-government-office";
    let r = Registry::builtin().unwrap();
    let c = r.get(id).unwrap();
    assert!(c.title_vi.starts_with("Văn phòng Chính phủ") && c.title_vi.contains("hàng quý"));
    assert!(c.applies_to_vi.starts_with("Văn phòng Chính phủ"));
    assert!(c.applies_to_en.contains("Government Office only"));
    let item = "d15_1_quarterly_report";
    let fresh = judged(
        id,
        "[items.d15_1_quarterly_report]\nreference = \"Báo cáo 1234/BC-VPCP ngày 20/12/2025\"\ndate = \"2025-12-20\"\n",
        item,
    );
    assert_eq!(
        (fresh.rule.as_ref(), fresh.outcome),
        ("DOC-41", Outcome::Pass)
    );
    assert_eq!(fresh.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ15.1");
    // 100 days old: no report for the latest quarter.
    let stale = judged(
        id,
        "[items.d15_1_quarterly_report]\nreference = \"Báo cáo 980/BC-VPCP\"\ndate = \"2025-11-22\"\n",
        item,
    );
    assert_eq!(stale.outcome, Outcome::Unknown);
    assert!(stale.message.contains("100 days old"), "{}", stale.message);
    // The date is needed to judge its age.
    let undated = judged(
        id,
        "[items.d15_1_quarterly_report]\nreference = \"Báo cáo 980/BC-VPCP\"\n",
        item,
    );
    assert_eq!(missing(&undated), json!(["date"]));
}

#[test]
fn doc_42_the_conformity_declaration_needs_its_reference() {
    let id = "qd28-d16-conformity";
    let item = "d16_1_conformity_declared";
    let f = judged(
        id,
        "[items.d16_1_conformity_declared]\nreference = \"Công bố hợp quy số 15/CBHQ-STTTT ngày 01/06/2025\"\n",
        item,
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-42", Outcome::Pass));
    assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ16.1");
    assert!(f.message_vi.contains("15/CBHQ-STTTT"));
    let said = judged(
        id,
        "[items.d16_1_conformity_declared]\nsatisfied = true\ndate = \"2025-06-01\"\n",
        item,
    );
    assert_eq!(said.outcome, Outcome::Unknown);
    assert_eq!(missing(&said), json!(["reference"]));
}

#[test]
fn doc_32_parallel_paper_processing_fails_and_paper_the_law_requires_passes() {
    let item = "d9_4_a_no_parallel_paper";
    let parallel = judged(
        D9,
        "[items.d9_4_a_no_parallel_paper]\nchoice = \"parallel\"\n",
        item,
    );
    assert_eq!(
        (parallel.rule.as_ref(), parallel.outcome),
        ("DOC-32", Outcome::Fail)
    );
    assert_eq!(parallel.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ9.4.a");
    assert!(parallel.message_vi.contains("xử lý đồng thời"));
    let required = judged(
        D9,
        "[items.d9_4_a_no_parallel_paper]\nchoice = \"paper_required_by_law\"\n",
        item,
    );
    assert_eq!(required.outcome, Outcome::Pass);
    let none = judged(D9, "", item);
    assert_eq!(
        (none.outcome, missing(&none)),
        (Outcome::Unknown, json!(["choice"]))
    );
}

#[test]
fn doc_33_every_stage_named_in_d9_4_b_runs_on_the_document_system() {
    let stages = [
        ("receive", "tiếp nhận văn bản"),
        ("assign", "chuyển xử lý"),
        ("file", "tạo lập hồ sơ"),
        ("consult", "xin ý kiến phối hợp"),
        ("submit", "trình qua các cấp thẩm quyền phê duyệt"),
        ("direction", "ý kiến chỉ đạo của lãnh đạo các cấp"),
        ("sign", "ký số văn bản"),
        ("issue", "phát hành văn bản"),
    ];
    let r = Registry::builtin().unwrap();
    let items = r.resolve(D9).unwrap();
    for (key, words) in stages {
        let id = format!("d9_4_b_{key}");
        let (_, item) = items.iter().find(|(_, i)| i.id == id).unwrap();
        assert_eq!(item.rule, "DOC-33");
        assert_eq!(item.quote_vi, words);
        assert!(item
            .title_vi
            .ends_with("thực hiện trên Hệ thống quản lý văn bản và điều hành"));
    }
    // Every stage on the system but digital signing: the stage fails, the others pass.
    let mut text = String::new();
    for (key, _) in stages {
        let met = key != "sign";
        text.push_str(&format!(
            "[items.d9_4_b_{key}]\nsatisfied = {met}\ndate = \"2026-02-01\"\n"
        ));
    }
    let rep = report(D9, &text);
    let stage_findings: Vec<&Finding> = rep
        .findings
        .iter()
        .filter(|f| {
            f.rule == "DOC-33"
                && f.field
                    .as_deref()
                    .is_some_and(|x| stages.iter().any(|(k, _)| x == format!("{D9}.d9_4_b_{k}")))
        })
        .collect();
    assert_eq!(stage_findings.len(), 8);
    let failed: Vec<&str> = stage_findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .map(|f| f.field.as_deref().unwrap())
        .collect();
    assert_eq!(failed, [format!("{D9}.d9_4_b_sign")]);
    assert_eq!(rep.overall, Outcome::Fail);
    // The workflow's design is a DOC-33 item of its own.
    let design = judged(D9, "", "d9_4_b_workflow_designed");
    assert_eq!(
        (design.rule.as_ref(), design.outcome),
        ("DOC-33", Outcome::Unknown)
    );
}

#[test]
fn doc_34_synchronisation_with_the_government_and_the_procedure_system() {
    let items = "[items.d9_4_c_synced_to_government]\nsatisfied = true\ndate = \"2026-02-01\"\n[items.d9_4_d_results_synced]\nsatisfied = false\ndate = \"2026-02-01\"\n";
    let c = judged(D9, items, "d9_4_c_synced_to_government");
    assert_eq!((c.rule.as_ref(), c.outcome), ("DOC-34", Outcome::Pass));
    assert_eq!(c.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ9.4.c");
    let d = judged(D9, items, "d9_4_d_results_synced");
    assert_eq!((d.rule.as_ref(), d.outcome), ("DOC-34", Outcome::Fail));
    assert_eq!(d.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ9.4.d");
    // An agency without procedure results declares it, with its reason.
    let na = judged(
        D9,
        "[items.d9_4_d_results_synced]\nnot_applicable = \"Cơ quan không giải quyết thủ tục hành chính\"\n",
        "d9_4_d_results_synced",
    );
    assert_eq!(na.outcome, Outcome::Pass);
    assert!(na.message.contains("declared not applicable"));
}

#[test]
fn oth_37_internal_procedures_online_in_the_d9_1_a_domains_and_reengineered() {
    let r = Registry::builtin().unwrap();
    let items = r.resolve(D9).unwrap();
    let domains = &items
        .iter()
        .find(|(_, i)| i.id == "d9_1_a_internal_procedures_online")
        .unwrap()
        .1;
    for d in [
        "Kế hoạch",
        "chiến lược",
        "nhân sự",
        "tài chính - kế toán",
        "văn thư lưu trữ",
        "tài sản",
        "thi đua - khen thưởng",
        "hành chính, tổng hợp",
    ] {
        assert!(domains.quote_vi.contains(d), "{d}");
    }
    let e = "[items.d9_1_a_internal_procedures_online]\nsatisfied = true\ndate = \"2026-01-20\"\n[items.d9_2_procedures_reengineered]\nsatisfied = true\ndate = \"2026-03-05\"\n";
    let a = judged(D9, e, "d9_1_a_internal_procedures_online");
    assert_eq!((a.rule.as_ref(), a.outcome), ("OTH-37", Outcome::Pass));
    assert_eq!(a.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ9.1.a");
    // Dated after the evaluation date: not evidence.
    let b = judged(D9, e, "d9_2_procedures_reengineered");
    assert_eq!((b.rule.as_ref(), b.outcome), ("OTH-37", Outcome::Unknown));
    assert!(b.message.contains("after the evaluation date"));
    assert!(b.message_vi.contains("63/2010/NĐ-CP"));
}

#[test]
fn oth_38_reporting_standardised_electronic_and_moving_to_automatic() {
    let e = "[items.d9_3_reporting_standardised]\nsatisfied = true\ndate = \"2026-01-20\"\n[items.d9_3_internal_e_reports]\nsatisfied = false\ndate = \"2026-01-20\"\n[items.d9_3_automatic_reports]\nchoice = \"not_started\"\n";
    let rep = report(D9, e);
    let of = |id: &str| {
        rep.findings
            .iter()
            .find(|f| f.field.as_deref() == Some(format!("{D9}.{id}").as_str()))
            .unwrap()
    };
    assert_eq!(
        (
            of("d9_3_reporting_standardised").rule.as_ref(),
            of("d9_3_reporting_standardised").outcome
        ),
        ("OTH-38", Outcome::Pass)
    );
    assert_eq!(of("d9_3_internal_e_reports").outcome, Outcome::Fail);
    // «từng bước»: not begun is a warning, not a failure.
    let auto = of("d9_3_automatic_reports");
    assert_eq!(auto.outcome, Outcome::Warning);
    assert_eq!(auto.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ9.3");
    let moving = judged(
        D9,
        "[items.d9_3_automatic_reports]\nchoice = \"moving\"\n",
        "d9_3_automatic_reports",
    );
    assert_eq!(moving.outcome, Outcome::Pass);
}

#[test]
fn oth_41_one_item_per_connection_and_function_of_the_direction_system() {
    let r = Registry::builtin().unwrap();
    let items = r.resolve(D10).unwrap();
    // Đ6.3 a–g first (Đ10.6 requires them), then the clause's own items.
    assert_eq!(items.len(), 7 + 10);
    assert_eq!(items[0].1.rule, "OTH-36");
    let own: Vec<&str> = items[7..].iter().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(
        own,
        [
            "d10_6_axis",
            "d10_6_ndxp",
            "d10_6_task_tracking",
            "d10_6_other_platforms",
            "d10_6_databases",
            "d10_6_data_processing",
            "d10_6_task_monitoring",
            "d10_6_field_interaction",
            "d10_6_data_quality",
            "d10_6_reporting_functions",
        ]
    );
    assert!(items[7..]
        .iter()
        .all(|(_, i)| i.rule == "OTH-41" && i.basis.to_string() == "NĐ 137/2024/NĐ-CP Đ10.6"));
    // All connected and every function present but data-quality control.
    let mut text = String::new();
    for id in &own {
        let met = *id != "d10_6_data_quality";
        text.push_str(&format!(
            "[items.{id}]\nsatisfied = {met}\ndate = \"2026-02-15\"\n"
        ));
    }
    let rep = report(D10, &text);
    let q = rep
        .findings
        .iter()
        .find(|f| f.field.as_deref() == Some("nd137-d10-direction-system.d10_6_data_quality"))
        .unwrap();
    assert_eq!(q.outcome, Outcome::Fail);
    assert!(q
        .message_vi
        .contains("kiểm soát chất lượng thông tin, dữ liệu"));
    assert_eq!(rep.counts[&Outcome::Pass], 9);
    // The included Đ6.3 items have no evidence yet.
    assert_eq!(rep.counts[&Outcome::Unknown], 7);
}

#[test]
fn conv_01_paper_to_data_message_attests_the_law_article_12_clause_1() {
    let f = judged(
        CONVERSION,
        "[items.d4_law_art12_1]\nsatisfied = true\ndate = \"2026-02-20\"\nby = \"Văn thư cơ quan\"\n",
        "d4_law_art12_1",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("CONV-01", Outcome::Pass));
    // The decree's lead-in: the article, no clause.
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ4");
    assert!(f
        .message_vi
        .contains("khoản 1 Điều 12 Luật Giao dịch điện tử"));
    let none = judged(CONVERSION, "", "d4_law_art12_1");
    assert_eq!(none.outcome, Outcome::Unknown);
    assert!(none
        .message_vi
        .contains("chưa có bằng chứng: cần đáp ứng hay không (`satisfied`), ngày (`date`)"));
}

#[test]
fn conv_08_data_message_to_paper_attests_the_law_article_12_clause_2() {
    let f = judged(
        CONVERSION,
        "[items.d5_law_art12_2]\nsatisfied = false\ndate = \"2026-02-20\"\n",
        "d5_law_art12_2",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("CONV-08", Outcome::Fail));
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ5");
    assert!(f
        .message_vi
        .contains("khoản 2 Điều 12 Luật Giao dịch điện tử"));
    let r = Registry::builtin().unwrap();
    let c = r.get(CONVERSION).unwrap();
    assert!(c
        .title_vi
        .contains("khoản 1, khoản 2 Điều 12 Luật Giao dịch điện tử"));
}

#[test]
fn the_document_management_profile_includes_each_group_once_and_templates() {
    let id = "nd137-qd28-document-management";
    let r = Registry::builtin().unwrap();
    let items = r.resolve(id).unwrap();
    // nd137-agency-system (Đ6.3 + Đ13: 11), Đ4–5 (2), Đ9 (17), QĐ 28 Đ2–7 (5), Đ12–21 (11), Đ16 (1).
    assert_eq!(items.len(), 11 + 2 + 17 + 5 + 11 + 1);
    let lists: std::collections::BTreeSet<&str> =
        items.iter().map(|(c, _)| c.id.as_str()).collect();
    assert!(!lists.contains("qd28-d15-government-office"));
    assert!(
        lists.contains("qd28-d16-conformity") && lists.contains("nd137-d9-internal-administration")
    );
    let rep = report(
        id,
        "[items.d9_4_a_no_parallel_paper]\nchoice = \"parallel\"\n",
    );
    assert_eq!(rep.overall, Outcome::Fail);
    assert!(rep.unused_evidence.is_empty());
    let t = template(&r, id).unwrap();
    assert!(
        t.contains("[items.d2_2_other_organisations]")
            && t.contains("administrative (cơ quan thuộc khoản 1 Điều 2")
    );
    assert!(t.contains("# CONV-01 — NĐ 137/2024/NĐ-CP Đ4 [nd137-d4-d5-conversion]"));
    assert!(EvidenceFile::parse(&t.replace("YYYY-MM-DD", "2026-01-01")).is_ok());
}
