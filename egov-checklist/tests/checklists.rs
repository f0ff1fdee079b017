//! The shipped checklists and the engine (issue 16): every quote is the seed's own text, and each
//! rule's items are judged on evidence as the law reads.

mod support;

use egov_checklist::{run, template, EvidenceFile, Registry, RunError};
use egov_core::{ErrorCode, Instrument, Outcome, WorkingCalendar};
use support::normalise;

fn seed(instrument: &Instrument) -> String {
    let file = match instrument {
        Instrument::Nd137_2024 => "001_60346f9cf7e19c5b.txt",
        Instrument::Qd28_2018 => "004_470975e342d407df.txt",
        // The optional profiles: a draft (000, 003) or a strategy (002), never law.
        Instrument::Draft000 => "000_7326dda02e826f65.txt",
        Instrument::Qd942_2021 => "002_fea93181fd3a4f8b.txt",
        Instrument::Draft003 => "003_e5f3fa9b69ee767a.txt",
        other => panic!("no vendored seed for {other:?}"),
    };
    let path = format!("{}/../testdata/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    normalise(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn every_quote_of_every_shipped_checklist_is_the_seed_text() {
    let r = Registry::builtin().unwrap();
    let mut n = 0;
    for c in r.iter() {
        for item in &c.items {
            let text = seed(&item.basis.instrument);
            let quote = normalise(&item.quote_vi);
            assert!(
                text.contains(&quote),
                "{} / {}: «{}» is not in the seed text",
                c.id,
                item.id,
                item.quote_vi
            );
            // Seed 000 has no article numbers in the file (REQUIREMENTS §0.1, A-27: its numbers
            // are reconstructed and it is cited by heading text): the whole seed is searched.
            if item.basis.instrument == Instrument::Draft000 {
                n += 1;
                continue;
            }
            // The cited article holds the quote: the text between "Điều N." and "Điều N+1.".
            let head = format!("Điều {}.", item.basis.article);
            let start = text
                .find(&head)
                .unwrap_or_else(|| panic!("{head} not in the seed"));
            let next = format!("Điều {}.", item.basis.article + 1);
            let end = text[start..].find(&next).map_or(text.len(), |e| start + e);
            assert!(
                text[start..end].contains(&quote),
                "{} / {}: the quote is not in {}",
                c.id,
                item.id,
                head
            );
            n += 1;
        }
    }
    assert!(n >= 78, "{n} items");
    // The strategy's targets shipped as data (kpi/qd942.toml): in Điều 1 of seed 002.
    let text = seed(&Instrument::Qd942_2021);
    let article_1 = &text[text.find("Điều 1.").unwrap()..text.find("Điều 2.").unwrap()];
    let targets = egov_checklist::kpi::qd942_targets().unwrap();
    assert!(targets.len() >= 29);
    for t in &targets {
        assert!(
            article_1.contains(&normalise(&t.quote_vi)),
            "kpi {}: «{}» is not in Điều 1 of seed 002",
            t.id,
            t.quote_vi
        );
    }
    // The names of the draft's two service levels (seed 003 Đ16).
    use egov_checklist::service_levels::DigitalLevel;
    let text = seed(&Instrument::Draft003);
    let d16 = &text[text.find("Điều 16.").unwrap()..text.find("Điều 17.").unwrap()];
    for level in [DigitalLevel::PartlyDigitised, DigitalLevel::FullyDigitised] {
        assert!(d16.contains(level.quote_vi()), "{level:?}");
    }
}

fn vn() -> WorkingCalendar {
    WorkingCalendar::vietnam()
}

fn evidence(toml: &str) -> EvidenceFile {
    EvidenceFile::parse(toml).unwrap()
}

#[test]
fn trust_05_incident_plans_judged_on_dated_attestations() {
    let r = Registry::builtin().unwrap();
    let e = evidence(
        r#"
        as_of = "2026-03-02"
        [items.d13_1_ready]
        satisfied = true
        date = "2026-01-15"
        by = "Sở Khoa học và Công nghệ"
        [items.d13_2_a_backups]
        satisfied = false
        date = "2026-01-15"
        [items.d13_2_b_recovery]
        satisfied = true
        date = "2026-04-01"
        "#,
    );
    let rep = run(&r, "nd137-d13-incident-plans", &e, None, &vn()).unwrap();
    let o: Vec<Outcome> = rep.findings.iter().map(|f| f.outcome).collect();
    assert_eq!(
        o,
        [
            Outcome::Pass,
            Outcome::Fail,
            Outcome::Unknown,
            Outcome::Unknown
        ]
    );
    assert_eq!(rep.overall, Outcome::Fail);
    assert!(rep.findings.iter().all(|f| f.rule == "TRUST-05"));
    assert_eq!(
        rep.findings[1].basis.to_string(),
        "NĐ 137/2024/NĐ-CP Đ13.2.a"
    );
    // Dated after the evaluation date: not evidence.
    assert!(rep.findings[2]
        .message
        .contains("after the evaluation date"));
    assert!(rep.findings[2]
        .message_vi
        .contains("sau ngày đánh giá 02/03/2026"));
    // No evidence: says what to give.
    let missing = &rep.findings[3].evidence.as_ref().unwrap()["missing"];
    assert_eq!(missing, &serde_json::json!(["satisfied", "date"]));
    assert!(rep.findings[3]
        .message_vi
        .contains("chưa có bằng chứng: cần đáp ứng hay không (`satisfied`), ngày (`date`)"));
    assert_eq!(rep.counts[&Outcome::Unknown], 2);
}

#[test]
fn oth_36_basic_requirements_of_every_agency_system_included_in_the_profile() {
    let r = Registry::builtin().unwrap();
    let items = r.resolve("nd137-agency-system").unwrap();
    // Đ6.3 a, b, c, d, đ, e, g then Đ13.1, Đ13.2 a–c.
    assert_eq!(items.len(), 7 + 4);
    assert_eq!(items[0].1.rule, "OTH-36");
    assert_eq!(items[4].1.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ6.3.đ");
    assert_eq!(items[7].1.rule, "TRUST-05");
    let mut text = String::from("as_of = \"2026-03-02\"\n");
    for (_, item) in &items {
        text.push_str(&format!(
            "[items.{}]\nsatisfied = true\ndate = \"2026-02-01\"\n",
            item.id
        ));
    }
    let rep = run(&r, "nd137-agency-system", &evidence(&text), None, &vn()).unwrap();
    assert_eq!(rep.overall, Outcome::Pass);
    assert_eq!(rep.findings.len(), 11);
    assert!(rep.unused_evidence.is_empty());
}

#[test]
fn oth_35_plans_are_documents_and_oth_34_their_four_areas_attested() {
    let r = Registry::builtin().unwrap();
    let e = evidence(
        r#"
        as_of = "2026-03-02"
        [items.d6_2_a_five_year_plan]
        reference = "Kế hoạch 123/KH-UBND ngày 10/02/2021"
        date = "2021-02-10"
        [items.d6_2_a_annual_plan]
        reference = "   "
        [items.d6_2_a_four_areas]
        satisfied = true
        date = "2026-01-05"
        "#,
    );
    let rep = run(&r, "nd137-d6-plans", &e, None, &vn()).unwrap();
    assert_eq!(rep.findings[0].outcome, Outcome::Pass);
    assert!(rep.findings[0].message_vi.contains("Kế hoạch 123/KH-UBND"));
    assert_eq!(rep.findings[0].rule, "OTH-35");
    // A blank reference is no reference.
    assert_eq!(rep.findings[1].outcome, Outcome::Unknown);
    assert_eq!(rep.findings[2].rule, "OTH-34");
    assert_eq!(rep.findings[2].outcome, Outcome::Pass);
}

#[test]
fn oth_43_an_expert_hired_for_work_outside_d14_1_fails() {
    let r = Registry::builtin().unwrap();
    let e = evidence(
        r#"
        as_of = "2026-03-02"
        [items.d14_1_scope]
        choice = "other"
        [items.d14_2_b_contract]
        reference = "HĐ 05/2026/HĐ-CG"
        "#,
    );
    let rep = run(&r, "nd137-d14-experts", &e, None, &vn()).unwrap();
    assert_eq!(rep.findings[0].outcome, Outcome::Fail);
    assert!(rep.findings[0]
        .message_vi
        .contains("không thuộc khoản 1 Điều 14"));
    assert_eq!(rep.findings[2].outcome, Outcome::Pass);
    // A value the checklist does not know is Unknown, naming the allowed ones.
    let e = evidence("as_of = \"2026-03-02\"\n[items.d14_1_scope]\nchoice = \"audit\"\n");
    let rep = run(&r, "nd137-d14-experts", &e, None, &vn()).unwrap();
    assert_eq!(rep.findings[0].outcome, Outcome::Unknown);
    assert!(rep.findings[0].message.contains("database_advisory"));
}

const CALLER: &str = r#"
id = "my-office"
version = "1"
title_vi = "Kiểm tra nội bộ"
title_en = "Internal check"
status = "draft"
includes = ["nd137-d14-experts"]

[[item]]
id = "backup_age"
rule = "TRUST-05"
basis = { instrument = "nd137_2024", article = 13, clause = 2, point = "a" }
quote_vi = "Sao lưu dữ liệu"
title_vi = "Bản sao lưu gần nhất"
title_en = "Latest backup"
evidence = { kind = "attestation", max_age_days = 30 }

[[item]]
id = "restore_hours"
rule = "TRUST-05"
basis = { instrument = "nd137_2024", article = 13, clause = 2, point = "b" }
quote_vi = "trong thời gian sớm nhất"
title_vi = "Thời gian phục hồi đã thử"
title_en = "Tested recovery time"
evidence = { kind = "number", max = 8, unit = "h" }

[[item]]
id = "report_done"
rule = "TRUST-05"
basis = { instrument = "nd137_2024", article = 13, clause = 2, point = "c" }
quote_vi = "Thông báo, báo cáo kịp thời"
title_vi = "Báo cáo diễn tập"
title_en = "Drill report"
evidence = { kind = "deadline", due = "2026-02-14" }

[[item]]
id = "page"
rule = "TRUST-05"
basis = { instrument = "nd137_2024", article = 13, clause = 2, point = "c" }
quote_vi = "người sử dụng"
title_vi = "Trang thông báo sự cố"
title_en = "Incident notice page"
evidence = { kind = "url", https_only = true }
"#;

#[test]
fn caller_checklists_extend_the_shipped_ones_with_every_kind_of_evidence() {
    let mut r = Registry::builtin().unwrap();
    r.add_toml("my-office.toml", CALLER).unwrap();
    let e = evidence(
        r#"
        as_of = "2026-03-02"
        [items.backup_age]
        satisfied = true
        date = "2025-12-01"
        [items.restore_hours]
        value = 12
        [items.report_done]
        done_on = "2026-02-20"
        [items.page]
        url = "http://stttt.example.gov.vn/su-co"
        [items.d14_1_scope]
        not_applicable = "Không thuê chuyên gia năm 2026"
        [items.typo_item]
        satisfied = true
        "#,
    );
    let rep = run(&r, "my-office", &e, None, &vn()).unwrap();
    let by_id = |id: &str| {
        rep.findings
            .iter()
            .find(|f| f.field.as_deref().is_some_and(|x| x.ends_with(id)))
            .unwrap()
    };
    // Included items first.
    assert!(rep.findings[0]
        .field
        .as_deref()
        .unwrap()
        .starts_with("nd137-d14-experts."));
    assert_eq!(by_id("d14_1_scope").outcome, Outcome::Pass);
    assert!(by_id("d14_1_scope").message_vi.contains("không áp dụng"));
    // 91 days old, 30 allowed.
    assert_eq!(by_id("backup_age").outcome, Outcome::Unknown);
    assert!(by_id("backup_age").message.contains("91 days old"));
    assert_eq!(by_id("restore_hours").outcome, Outcome::Fail);
    // 14/02/2026 is a Saturday and Tết follows: due the next working day, Monday 23/02/2026.
    assert_eq!(by_id("report_done").outcome, Outcome::Pass);
    assert!(by_id("report_done")
        .message
        .contains("by the deadline 2026-02-23"));
    assert_eq!(by_id("page").outcome, Outcome::Warning);
    // A draft checklist says so in every finding of its own items.
    assert!(by_id("page").message.starts_with("[DRAFT, not law]"));
    assert!(!by_id("d14_1_scope").message.starts_with("[DRAFT"));
    // The misspelt entry is reported, not dropped.
    assert_eq!(rep.unused_evidence, ["typo_item"]);
    // The template lists every item with its quote.
    let t = template(&r, "my-office").unwrap();
    assert!(t.contains("[items.report_done]") && t.contains("«Được thuê làm việc theo hợp đồng»"));
    assert!(EvidenceFile::parse(&t.replace("YYYY-MM-DD", "2026-01-01")).is_ok());
}

/// `Registry::builtin` parses the shipped TOML once per process and hands out copies: what one
/// caller adds or removes is not in the next caller's registry.
#[test]
fn builtin_registry_is_a_fresh_copy_on_every_call() {
    let shipped: Vec<String> = Registry::builtin()
        .unwrap()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(shipped.len(), egov_checklist::registry::BUILTIN.len());
    let mut mine = Registry::builtin().unwrap();
    mine.add_toml("my-office.toml", CALLER).unwrap();
    assert!(mine.remove("qd942-kpi").is_some());
    let next: Vec<String> = Registry::builtin()
        .unwrap()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(next, shipped);
    assert!(mine.get("my-office").is_ok() && mine.get("qd942-kpi").is_err());
}

#[test]
fn bad_checklists_and_evidence_are_typed_errors() {
    let mut r = Registry::builtin().unwrap();
    let err = r.add_toml("x.toml", "id = 3").unwrap_err();
    assert_eq!(err.code(), "checklist.parse");
    assert!(err.to_string().contains("x.toml"));
    let err = r
        .add_toml("again.toml", egov_checklist::registry::BUILTIN[0].1)
        .unwrap_err();
    assert_eq!(err.code(), "checklist.duplicate");
    let cyc = |id: &str, inc: &str| {
        format!("id = \"{id}\"\nversion = \"1\"\ntitle_vi = \"x\"\ntitle_en = \"x\"\nstatus = \"in_force\"\nincludes = [\"{inc}\"]\n")
    };
    r.add_toml("a", &cyc("a", "b")).unwrap();
    r.add_toml("b", &cyc("b", "a")).unwrap();
    let e = EvidenceFile::parse("as_of = \"2026-01-01\"").unwrap();
    let err = run(&r, "a", &e, None, &vn()).unwrap_err();
    assert_eq!(err.code(), "checklist.cycle");
    assert!(err.to_string().contains("a → b → a"));
    let err = run(&r, "nope", &e, None, &vn()).unwrap_err();
    assert_eq!(err.code(), "checklist.unknown");
    // No evaluation date anywhere.
    let err = run(
        &r,
        "nd137-d14-experts",
        &EvidenceFile::default(),
        None,
        &vn(),
    )
    .unwrap_err();
    assert!(matches!(err, RunError::Evidence(_)));
    assert_eq!(err.code(), "checklist.evidence");
    // Unknown fields in evidence are refused, with where.
    let err = EvidenceFile::parse("[items.x]\nsatisfeid = true\n").unwrap_err();
    assert!(err.to_string().contains("satisfeid"), "{err}");
    // JSON evidence reads too.
    let e = EvidenceFile::parse(
        r#"{"as_of": "2026-01-01", "items": {"d14_2_b_contract": {"reference": "HĐ 1"}}}"#,
    )
    .unwrap();
    assert_eq!(e.items.len(), 1);
}

/// Runs `qd28-document-system` on 2026-03-02 with the given evidence items (TOML).
fn qd28(items: &str) -> egov_checklist::ChecklistReport {
    let r = Registry::builtin().unwrap();
    let e = evidence(&format!("as_of = \"2026-03-02\"\n{items}"));
    run(&r, "qd28-document-system", &e, None, &vn()).unwrap()
}

fn finding<'a>(rep: &'a egov_checklist::ChecklistReport, item: &str) -> &'a egov_core::Finding {
    let field = format!("qd28-document-system.{item}");
    rep.findings
        .iter()
        .find(|f| f.field.as_deref() == Some(field.as_str()))
        .unwrap()
}

#[test]
fn doc_37_infrastructure_and_the_level_one_network_are_attested() {
    let rep = qd28("[items.d12_2_infrastructure]\nsatisfied = true\ndate = \"2026-01-10\"\n[items.d12_1_level_one_network]\nsatisfied = false\ndate = \"2026-01-10\"\n");
    let f = finding(&rep, "d12_2_infrastructure");
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-37", Outcome::Pass));
    assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ12.2");
    assert_eq!(
        finding(&rep, "d12_1_level_one_network").outcome,
        Outcome::Fail
    );
}

#[test]
fn doc_38_the_security_level_is_a_decision_with_its_reference() {
    let rep = qd28("[items.d13_1_security_level]\nreference = \"QĐ 1234/QĐ-UBND ngày 12/05/2025, cấp độ 3\"\ndate = \"2025-05-12\"\n");
    let f = finding(&rep, "d13_1_security_level");
    assert_eq!(f.outcome, Outcome::Pass);
    assert!(f.message_vi.contains("QĐ 1234/QĐ-UBND"));
    // Without its reference it is no evidence, whatever else is said.
    let rep = qd28("[items.d13_1_security_level]\nsatisfied = true\ndate = \"2025-05-12\"\n");
    assert_eq!(
        finding(&rep, "d13_1_security_level").outcome,
        Outcome::Unknown
    );
}

#[test]
fn trust_06_the_link_to_the_axis_is_encrypted_and_authenticated() {
    let rep = qd28("[items.d13_2_encrypted_link]\nsatisfied = false\ndate = \"2026-02-01\"\nby = \"Đoàn kiểm tra\"\n");
    let f = finding(&rep, "d13_2_encrypted_link");
    assert_eq!((f.rule.as_ref(), f.outcome), ("TRUST-06", Outcome::Fail));
    assert!(f.message_vi.contains("CHƯA đáp ứng") && f.message_vi.contains("Đoàn kiểm tra"));
}

#[test]
fn doc_39_status_information_shared_and_doc_40_backups() {
    let rep = qd28("[items.d14_3_status_shared]\nsatisfied = true\ndate = \"2026-02-01\"\n[items.d19_1_dd_backups]\nsatisfied = true\ndate = \"2026-02-28\"\n");
    assert_eq!(finding(&rep, "d14_3_status_shared").rule, "DOC-39");
    assert_eq!(finding(&rep, "d14_3_status_shared").outcome, Outcome::Pass);
    let b = finding(&rep, "d19_1_dd_backups");
    assert_eq!((b.rule.as_ref(), b.outcome), ("DOC-40", Outcome::Pass));
    assert_eq!(b.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ19.1.đ");
}

#[test]
fn oth_63_organisational_duties_and_a_yearly_inspection() {
    let rep = qd28("[items.d19_1_a_regulation]\nreference = \"QĐ 15/2019/QĐ-UBND\"\n[items.d19_4_inspection_and_training]\nsatisfied = true\ndate = \"2024-12-01\"\n");
    assert_eq!(finding(&rep, "d19_1_a_regulation").outcome, Outcome::Pass);
    assert_eq!(finding(&rep, "d19_1_a_regulation").rule, "OTH-63");
    // An inspection more than a year old does not show a periodic one.
    let f = finding(&rep, "d19_4_inspection_and_training");
    assert_eq!(f.outcome, Outcome::Unknown);
    assert!(
        f.message.contains("older than the 366 days allowed"),
        "{}",
        f.message
    );
    assert_eq!(
        finding(&rep, "d19_2_single_system_and_signature_plan").outcome,
        Outcome::Unknown
    );
}

#[test]
fn doc_43_transition_dates_before_30_june_mean_by_29_june() {
    let rep = qd28("[items.d21_1_connected]\ndone_on = \"2019-06-29\"\n[items.d21_2_internal_interconnection]\ndone_on = \"2020-06-30\"\n");
    let a = finding(&rep, "d21_1_connected");
    assert_eq!((a.rule.as_ref(), a.outcome), ("DOC-43", Outcome::Pass));
    // «trước ngày 30 tháng 6 năm 2020»: the 30th itself is late.
    let b = finding(&rep, "d21_2_internal_interconnection");
    assert_eq!(b.outcome, Outcome::Fail);
    assert!(
        b.message_vi.contains("chậm 1 ngày so với hạn 29/06/2020"),
        "{}",
        b.message_vi
    );
    // An entry without `done_on` says it is not done: long overdue. No entry at all: unknown.
    let rep = qd28("[items.d21_1_connected]\nnote = \"chưa kết nối\"\n");
    assert_eq!(finding(&rep, "d21_1_connected").outcome, Outcome::Fail);
    assert_eq!(
        finding(&rep, "d21_2_internal_interconnection").outcome,
        Outcome::Unknown
    );
}

/// Runs checklist `id` on 2026-03-02 with the given evidence items (TOML); the finding of `item`.
fn judged(id: &str, items: &str, item: &str) -> egov_core::Finding {
    let r = Registry::builtin().unwrap();
    let e = evidence(&format!("as_of = \"2026-03-02\"\n{items}"));
    let rep = run(&r, id, &e, None, &vn()).unwrap();
    let field = format!("{id}.{item}");
    rep.findings
        .into_iter()
        .find(|f| f.field.as_deref() == Some(field.as_str()))
        .unwrap()
}

const SERVICES: &str = "nd137-d7-d8-online-services";

#[test]
fn oth_02_a_service_not_end_to_end_must_tell_its_users() {
    let told = judged(
        SERVICES,
        "[items.d8_3_end_to_end_or_told]\nchoice = \"partial_users_told\"\n",
        "d8_3_end_to_end_or_told",
    );
    assert_eq!(
        (told.rule.as_ref(), told.outcome),
        ("OTH-02", Outcome::Pass)
    );
    let silent = judged(
        SERVICES,
        "[items.d8_3_end_to_end_or_told]\nchoice = \"partial_not_told\"\n",
        "d8_3_end_to_end_or_told",
    );
    assert_eq!(silent.outcome, Outcome::Fail);
    assert!(silent.message_vi.contains("chưa thông báo"));
}

#[test]
fn oth_11_channels_regulated_published_over_https_and_open_to_the_eid_account() {
    let reg = judged(
        SERVICES,
        "[items.d7_1_b_channels_and_regulation]\nreference = \"QĐ 20/2025/QĐ-UBND\"\n",
        "d7_1_b_channels_and_regulation",
    );
    assert_eq!((reg.rule.as_ref(), reg.outcome), ("OTH-11", Outcome::Pass));
    let plain = judged(
        SERVICES,
        "[items.d7_2_channel_address]\nurl = \"http://dichvucong.example.gov.vn\"\n",
        "d7_2_channel_address",
    );
    assert_eq!(plain.outcome, Outcome::Warning);
    let bad = judged(
        SERVICES,
        "[items.d7_2_channel_address]\nurl = \"dichvucong.example.gov.vn\"\n",
        "d7_2_channel_address",
    );
    assert_eq!(bad.outcome, Outcome::Fail);
    let eid = judged(
        SERVICES,
        "[items.d7_3_eid_login]\nsatisfied = false\ndate = \"2026-02-02\"\n",
        "d7_3_eid_login",
    );
    assert_eq!(
        (eid.outcome, eid.basis.to_string().as_str()),
        (Outcome::Fail, "NĐ 137/2024/NĐ-CP Đ7.3")
    );
}

#[test]
fn oth_12_refusals_state_reasons_and_results_are_notified() {
    let refusal = judged(
        SERVICES,
        "[items.d7_1_a_refusal_reasons]\nsatisfied = true\ndate = \"2026-01-02\"\n",
        "d7_1_a_refusal_reasons",
    );
    assert_eq!(
        (refusal.rule.as_ref(), refusal.outcome),
        ("OTH-12", Outcome::Pass)
    );
    let notice = judged(SERVICES, "", "d7_1_c_result_notice");
    assert_eq!(
        (notice.rule.as_ref(), notice.outcome),
        ("OTH-12", Outcome::Unknown)
    );
}

#[test]
fn oth_60_services_reengineered_and_the_plan_issued() {
    let plan = judged(
        SERVICES,
        "[items.d8_6_plan]\nreference = \"KH 88/KH-UBND ngày 01/03/2025\"\ndate = \"2025-03-01\"\n",
        "d8_6_plan",
    );
    assert_eq!(
        (plan.rule.as_ref(), plan.outcome),
        ("OTH-60", Outcome::Pass)
    );
    let re = judged(SERVICES, "[items.d8_2_reengineered]\nnot_applicable = \"Cơ quan không giải quyết thủ tục hành chính\"\n", "d8_2_reengineered");
    assert_eq!(re.outcome, Outcome::Pass);
    assert!(re.message.contains("declared not applicable"));
}

#[test]
fn conv_18_conv_19_conv_20_dossiers_digitised_paper_results_converted_results_to_the_citizen() {
    let items = "[items.d8_4_digitised]\nsatisfied = true\ndate = \"2026-02-01\"\n[items.d8_4_paper_results_converted]\nsatisfied = false\ndate = \"2026-02-01\"\n[items.d8_4_results_to_citizen_store]\nsatisfied = true\ndate = \"2026-02-01\"\n";
    let a = judged(SERVICES, items, "d8_4_digitised");
    assert_eq!((a.rule.as_ref(), a.outcome), ("CONV-18", Outcome::Pass));
    let b = judged(SERVICES, items, "d8_4_paper_results_converted");
    assert_eq!((b.rule.as_ref(), b.outcome), ("CONV-19", Outcome::Fail));
    let c = judged(SERVICES, items, "d8_4_results_to_citizen_store");
    assert_eq!((c.rule.as_ref(), c.outcome), ("CONV-20", Outcome::Pass));
    assert_eq!(c.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ8.4");
}

#[test]
fn oth_42_online_supervision_process_and_tools() {
    let id = "nd137-d12-supervision";
    let p = judged(
        id,
        "[items.d12_1_a_processes]\nreference = \"QĐ 300/QĐ-UBND\"\n",
        "d12_1_a_processes",
    );
    assert_eq!((p.rule.as_ref(), p.outcome), ("OTH-42", Outcome::Pass));
    let t = judged(
        id,
        "[items.d12_1_c_tools]\nsatisfied = true\ndate = \"2026-12-01\"\n",
        "d12_1_c_tools",
    );
    // Dated after the evaluation date.
    assert_eq!(t.outcome, Outcome::Unknown);
}

/// An evidence template run as written (or filled in part) is read: every item left as the
/// template wrote it is missing its evidence (unknown), never passed or failed — dates left as
/// `"YYYY-MM-DD"`, empty texts and the commented number are not evidence.
#[test]
fn an_untouched_template_runs_and_every_item_is_unknown() {
    let r = Registry::builtin().unwrap();
    let mut checked = 0;
    for c in r.iter() {
        let t = template(&r, &c.id).unwrap();
        let e = EvidenceFile::parse(&t).unwrap_or_else(|err| panic!("{}: {err}", c.id));
        assert_eq!(e.as_of, None, "{}", c.id);
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
        let rep = run(&r, &c.id, &e, as_of, &vn()).unwrap();
        for f in &rep.findings {
            assert_eq!(f.outcome, Outcome::Unknown, "{}: {}", c.id, f.message);
        }
        assert!(rep.unused_evidence.is_empty(), "{}", c.id);
        assert_eq!(rep.prepared_by, None, "{}", c.id);
        checked += rep.findings.len();
    }
    assert!(checked > 200, "{checked}");
}

/// Dates as officers write them: ISO, day first, year first with slashes, TOML's own date; a
/// date that is not one is refused naming the value, in English and Vietnamese.
#[test]
fn evidence_dates_are_read_as_officers_write_them() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
    for text in [
        "as_of = \"2026-03-02\"",
        "as_of = \"02/03/2026\"",
        "as_of = \"2026/03/02\"",
        "as_of = 2026-03-02",
        "as_of = \" 2026-03-02 \"",
    ] {
        assert_eq!(evidence(text).as_of, d, "{text}");
    }
    for text in [
        "as_of = \"\"",
        "as_of = \"YYYY-MM-DD\"",
        "as_of = \"yyyy-mm-dd\"",
    ] {
        assert_eq!(evidence(text).as_of, None, "{text}");
    }
    let e =
        EvidenceFile::parse(r#"{"as_of": null, "items": {"x": {"date": "15/01/2026"}}}"#).unwrap();
    assert_eq!(e.as_of, None);
    assert_eq!(
        e.items["x"].date,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 15)
    );
    for (text, value) in [
        ("as_of = \"31/02/2026\"", "31/02/2026"),
        ("[items.x]\ndone_on = \"tháng 3\"", "tháng 3"),
        ("as_of = 2026-03-02T09:00:00", "2026-03-02T09:00:00"),
    ] {
        let err = EvidenceFile::parse(text).unwrap_err();
        assert!(err.to_string().contains(value), "{text}: {err}");
        let vi = egov_core::Localize::message(&err, egov_core::Lang::Vi);
        assert!(
            vi.contains(&format!("giá trị «{value}» không hợp lệ: cần một ngày")),
            "{text}: {vi}"
        );
    }
}
