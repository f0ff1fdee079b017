//! The owner class and its determination (CORE-05, PLAT-07; NĐ 137/2024 Đ15.2–15.3) and the
//! function classes (PLAT-08; Đ16.1, §7 A-15), alone and in the self-classification report.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use egov_core::owner::OwnerClass;
use egov_core::{Outcome, Report, WorkingCalendar};
use egov_platform_class::functions::assess_functions;
use egov_platform_class::owner::{assess_owner, ApprovalKind};
use egov_platform_class::*;

fn authority() -> ApprovingAuthority {
    ApprovingAuthority {
        name: "Hội đồng quản trị Công ty cổ phần Chợ Số".into(),
        approval: ApprovalKind::InvestmentPolicy,
        decision: Some("Nghị quyết 12/2024/NQ-HĐQT".into()),
    }
}

fn ministry() -> StateBody {
    StateBody {
        kind: StateOwnerBody::Ministry,
        name: "Bộ Tài chính".into(),
    }
}

fn plat_07(r: &Report) -> &egov_core::Finding {
    r.for_rule("PLAT-07").next().expect("a PLAT-07 finding")
}

// ---------------------------------------------------------------- CORE-05 (Đ15.2)

#[test]
fn core_05_owner_class_is_given_or_said_not_given_never_assumed() {
    let r = determine_owner(None, None);
    let f = r.for_rule("CORE-05").next().unwrap();
    assert_eq!(f.outcome, Outcome::Unknown);
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ15.2");
    assert!(f.message.contains("not given"));
    assert_eq!(r.overall(), Outcome::Unknown);
    // Evidence alone does not make a class: nothing is inferred.
    let ev = OwnerEvidence {
        domain_registration: Some("chotot-example.vn, Nguyễn Văn A".into()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(None, Some(&ev));
    assert!(r.findings.iter().all(|f| f.outcome == Outcome::Unknown));
    // A class given is cited at its point of Đ15.2 with the decree's words.
    for (class, point, vi) in [
        (
            OwnerClass::State,
            "a",
            "Chủ quản là cơ quan, tổ chức nhà nước",
        ),
        (
            OwnerClass::Organisation,
            "b",
            "Chủ quản là tổ chức, doanh nghiệp",
        ),
        (OwnerClass::Individual, "c", "Chủ quản là cá nhân"),
    ] {
        let r = determine_owner(Some(class), None);
        let f = r.for_rule("CORE-05").next().unwrap();
        assert_eq!(f.outcome, Outcome::Pass);
        assert_eq!(
            f.basis.to_string(),
            format!("NĐ 137/2024/NĐ-CP Đ15.2.{point}")
        );
        assert!(f.message_vi.contains(vi));
    }
}

// ---------------------------------------------------------------- PLAT-07 (Đ15.3)

#[test]
fn plat_07_state_owner_needs_a_state_body_or_the_approving_authority() {
    let missing = determine_owner(Some(OwnerClass::State), None);
    let f = plat_07(&missing);
    assert_eq!(
        f.outcome,
        Outcome::Unknown,
        "missing evidence is not a pass"
    );
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ15.3.a");
    assert!(f.message.contains("ministry"));
    let body = OwnerEvidence {
        state_body: Some(ministry()),
        ..OwnerEvidence::default()
    };
    let f = determine_owner(Some(OwnerClass::State), Some(&body));
    assert_eq!(plat_07(&f).outcome, Outcome::Pass);
    assert!(plat_07(&f).message_vi.contains("Bộ Tài chính"));
    let auth = OwnerEvidence {
        approving_authority: Some(ApprovingAuthority {
            name: "Ủy ban nhân dân huyện X".into(),
            approval: ApprovalKind::ServiceLease,
            decision: None,
        }),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::State), Some(&auth));
    assert_eq!(plat_07(&r).outcome, Outcome::Pass);
    assert!(plat_07(&r).message.contains("decided to lease the service"));
    // Hosting or domain data are a basis for individuals only: warned as unused, and they do
    // not determine a state owner.
    let only_domain = OwnerEvidence {
        domain_registration: Some("dichvucong-example.gov.vn".into()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::State), Some(&only_domain));
    assert_eq!(plat_07(&r).outcome, Outcome::Unknown);
    let w = r.with_outcome(Outcome::Warning).next().unwrap();
    assert_eq!(w.rule, "PLAT-07");
    assert_eq!(
        w.field.as_deref(),
        Some("owner_evidence.domain_registration")
    );
}

#[test]
fn plat_07_organisation_owner_is_the_authority_approving_investment_or_lease() {
    let ev = OwnerEvidence {
        approving_authority: Some(authority()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Organisation), Some(&ev));
    let f = plat_07(&r);
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ15.3.b");
    assert!(f.message.contains("Nghị quyết 12/2024/NQ-HĐQT"));
    assert!(f.message_vi.contains("chấp thuận chủ trương đầu tư dự án"));
    assert!(f.evidence.is_some());
    assert!(r.is_compliant());
    // No authority, or a blank name: unknown.
    let blank = OwnerEvidence {
        approving_authority: Some(ApprovingAuthority {
            name: "  ".into(),
            ..authority()
        }),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Organisation), Some(&blank));
    assert_eq!(plat_07(&r).outcome, Outcome::Unknown);
    // A ministry is a state owner (Đ15.3.a), not an organisation's: contradiction, fail.
    let contradiction = OwnerEvidence {
        state_body: Some(ministry()),
        approving_authority: Some(authority()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Organisation), Some(&contradiction));
    assert_eq!(plat_07(&r).outcome, Outcome::Fail);
    assert_eq!(r.overall(), Outcome::Fail);
}

#[test]
fn plat_07_individual_owner_from_one_or_more_of_hosting_domain_app_store() {
    let missing = determine_owner(
        Some(OwnerClass::Individual),
        Some(&OwnerEvidence::default()),
    );
    let f = plat_07(&missing);
    assert_eq!(f.outcome, Outcome::Unknown);
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ15.3.c");
    assert!(f.message.contains("hosting contract"));
    for ev in [
        OwnerEvidence {
            hosting_contract: Some("HĐ 01/2025 với Nhà cung cấp lưu trữ Y".into()),
            ..OwnerEvidence::default()
        },
        OwnerEvidence {
            domain_registration: Some("banhang-example.vn, chủ thể: Trần Thị B".into()),
            ..OwnerEvidence::default()
        },
        OwnerEvidence {
            app_store_publisher_account: Some("Google Play: Tran Thi B".into()),
            ..OwnerEvidence::default()
        },
    ] {
        let r = determine_owner(Some(OwnerClass::Individual), Some(&ev));
        assert_eq!(plat_07(&r).outcome, Outcome::Pass, "{ev:?}");
    }
    // Several at once: all named.
    let all = OwnerEvidence {
        hosting_contract: Some("HĐ 01/2025".into()),
        domain_registration: Some("banhang-example.vn".into()),
        app_store_publisher_account: Some("App Store: Tran Thi B".into()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Individual), Some(&all));
    let f = plat_07(&r);
    assert!(f.message.contains("web hosting contract: HĐ 01/2025"));
    assert!(f.message.contains("app-store publisher account"));
    // Blank strings are not evidence.
    let blank = OwnerEvidence {
        domain_registration: Some("   ".into()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Individual), Some(&blank));
    assert_eq!(plat_07(&r).outcome, Outcome::Unknown);
    // An approving authority is not a basis of Đ15.3.c: warned, not used.
    let auth = OwnerEvidence {
        approving_authority: Some(authority()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Individual), Some(&auth));
    assert_eq!(plat_07(&r).outcome, Outcome::Unknown);
    assert_eq!(r.with_outcome(Outcome::Warning).count(), 1);
    // A provincial People's Committee is not an individual.
    let pc = OwnerEvidence {
        state_body: Some(StateBody {
            kind: StateOwnerBody::ProvincialPeoplesCommittee,
            name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
        }),
        domain_registration: Some("laocai-example.vn".into()),
        ..OwnerEvidence::default()
    };
    let r = determine_owner(Some(OwnerClass::Individual), Some(&pc));
    assert_eq!(plat_07(&r).outcome, Outcome::Fail);
}

#[test]
fn plat_07_owner_evidence_json_is_strict_and_typed() {
    let ev: OwnerEvidence = serde_json::from_str(
        r#"{"owner_name": "Công ty cổ phần Chợ Số",
            "approving_authority": {"name": "Hội đồng quản trị", "approval": "service_lease"}}"#,
    )
    .unwrap();
    assert_eq!(
        ev.approving_authority.as_ref().unwrap().approval,
        ApprovalKind::ServiceLease
    );
    assert!(serde_json::from_str::<OwnerEvidence>(r#"{"domain": "x.vn"}"#).is_err());
    assert!(serde_json::from_str::<OwnerEvidence>(
        r#"{"state_body": {"kind": "district_peoples_committee", "name": "x"}}"#
    )
    .is_err());
    let a = assess_owner(Some(OwnerClass::Organisation), Some(&ev));
    assert_eq!(a.overall, Outcome::Pass);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["class"], "organisation");
    assert_eq!(json["findings"][1]["rule"], "PLAT-07");
}

// ---------------------------------------------------------------- PLAT-08 (Đ16.1)

fn profile(main: Option<&[MainFunction]>, classes: &[FunctionClass]) -> FunctionProfile {
    FunctionProfile {
        main_functions: main.map(|m| m.iter().copied().collect::<BTreeSet<_>>()),
        classes: if classes.is_empty() {
            None
        } else {
            Some(FunctionClasses::new(classes.iter().copied()).unwrap())
        },
    }
}

#[test]
fn plat_08_function_classes_are_a_non_empty_set_of_points_a_to_dd() {
    let points: Vec<String> = FunctionClass::ALL
        .iter()
        .map(|c| c.basis().to_string())
        .collect();
    assert_eq!(
        points,
        [
            "NĐ 137/2024/NĐ-CP Đ16.1.a",
            "NĐ 137/2024/NĐ-CP Đ16.1.b",
            "NĐ 137/2024/NĐ-CP Đ16.1.c",
            "NĐ 137/2024/NĐ-CP Đ16.1.d",
            "NĐ 137/2024/NĐ-CP Đ16.1.đ"
        ]
    );
    assert_eq!(
        FunctionClass::AdministrativeProcedures.name_vi(),
        "Giải quyết thủ tục hành chính trên môi trường điện tử"
    );
    assert_eq!(
        FunctionClass::Other.name_vi(),
        "Giao dịch điện tử trong hoạt động khác"
    );
    // Multi-label (A-15), duplicates merged, order of the decree.
    let c: FunctionClasses = serde_json::from_str(r#"["banking", "commerce", "banking"]"#).unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::json!(["commerce", "banking"])
    );
    // At least one.
    assert!(serde_json::from_str::<FunctionClasses>("[]").is_err());
    assert!(FunctionClasses::new([]).is_err());
    assert!(serde_json::from_str::<FunctionClasses>(r#"["gaming"]"#).is_err());
}

#[test]
fn plat_08_main_functions_of_d16_1_require_at_least_one_class() {
    use FunctionClass::*;
    use MainFunction::*;
    let judge = |p: Option<&FunctionProfile>| {
        let r = check_functions(p);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].rule, "PLAT-08");
        r.findings[0].clone()
    };
    // Not given: unknown, never assumed.
    let f = judge(None);
    assert_eq!(f.outcome, Outcome::Unknown);
    assert!(f.message.contains("not given"));
    // Main functions and several classes: pass.
    let p = profile(Some(&[ElectronicContracting]), &[Commerce, Banking]);
    let f = judge(Some(&p));
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ16.1");
    assert!(f
        .message_vi
        .contains("Giao dịch điện tử trong hoạt động ngân hàng (điểm d)"));
    // One class: cited at its point.
    let p = profile(
        Some(&[AccountIssuanceOrAuthentication]),
        &[AdministrativeProcedures],
    );
    assert_eq!(
        judge(Some(&p)).basis.to_string(),
        "NĐ 137/2024/NĐ-CP Đ16.1.a"
    );
    // Main functions of Đ16.1 but no class: fail (đ takes "other activities").
    let p = profile(Some(&[UnilateralLegalAct]), &[]);
    assert_eq!(judge(Some(&p)).outcome, Outcome::Fail);
    // None of the main functions: Đ16.1 does not class it; classes then contradict.
    assert_eq!(judge(Some(&profile(Some(&[]), &[]))).outcome, Outcome::Pass);
    assert_eq!(
        judge(Some(&profile(Some(&[]), &[Finance]))).outcome,
        Outcome::Fail
    );
    // Classes without the main functions: recorded, unknown.
    assert_eq!(
        judge(Some(&profile(None, &[Other]))).outcome,
        Outcome::Unknown
    );
    assert_eq!(
        judge(Some(&FunctionProfile::default())).outcome,
        Outcome::Unknown
    );
    let a = assess_functions(Some(&profile(Some(&[ElectronicContracting]), &[Other])));
    assert_eq!(a.overall, Outcome::Pass);
}

// ---------------------------------------------------------------- the report

fn input() -> ClassificationInput {
    let months = (1..=12)
        .map(|m| MonthlyCount {
            month: YearMonth::new(2025, m).unwrap(),
            active_users: 3_000_000,
        })
        .collect();
    let mut i = ClassificationInput::new(months, UserCountSource::SelfMeasured);
    i.population = Some(Population::new(
        100_000_000,
        PopulationKind::Average,
        "2025",
        "test",
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    ));
    i.intermediary = Intermediary::Attested;
    i
}

fn report(ctx: &ReportContext) -> PlatformReport {
    build_report(
        &input(),
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        ctx,
        &WorkingCalendar::vietnam(),
    )
    .unwrap()
}

#[test]
fn plat_07_and_plat_08_report_says_when_owner_and_functions_are_not_given() {
    let r = report(&ReportContext::default());
    assert_eq!(r.owner.class, None);
    assert_eq!(r.owner.overall, Outcome::Unknown);
    assert!(r.owner.findings.iter().any(|f| f.rule == "CORE-05"));
    assert_eq!(r.functions.profile, None);
    assert_eq!(r.functions.findings[0].outcome, Outcome::Unknown);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["owner"]["class"], serde_json::Value::Null);
    assert_eq!(json["owner"]["overall"], "unknown");
    assert_eq!(json["functions"]["findings"][0]["rule"], "PLAT-08");
    let md = r.to_markdown();
    assert!(md.contains(
        "## Phân loại theo chủ quản (Điều 15) / Owner class (Đ15)\n\n- Chưa cho biết / Not given"
    ));
    assert!(md.contains(
        "## Phân loại theo chức năng (khoản 1 Điều 16) / Function classes (Đ16.1)\n\n- Chưa cho biết / Not given"
    ));
    // Not given, so not cited.
    assert!(!r
        .citations
        .iter()
        .any(|c| c.article == 15 || c.article == 16));
    // Nothing not given changes the obligations.
    assert_eq!(r.obligations.len(), 17);
}

#[test]
fn plat_07_and_plat_08_report_records_owner_and_functions_when_given() {
    let ctx: ReportContext = serde_json::from_str(
        r#"{
            "owner_class": "organisation",
            "owner_evidence": {
                "owner_name": "Công ty cổ phần Chợ Số",
                "approving_authority": {"name": "Hội đồng quản trị", "approval": "investment_policy"}
            },
            "functions": {
                "main_functions": ["electronic_contracting"],
                "classes": ["commerce", "other"]
            }
        }"#,
    )
    .unwrap();
    let r = report(&ctx);
    assert_eq!(r.owner.class, Some(OwnerClass::Organisation));
    assert_eq!(r.owner.overall, Outcome::Pass);
    assert_eq!(r.functions.overall, Outcome::Pass);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["owner"]["class"], "organisation");
    assert_eq!(
        json["owner"]["evidence"]["approving_authority"]["approval"],
        "investment_policy"
    );
    assert_eq!(
        json["functions"]["profile"]["classes"],
        serde_json::json!(["commerce", "other"])
    );
    let md = r.to_markdown();
    assert!(md.contains("- **Chủ quản là tổ chức, doanh nghiệp** (điểm b khoản 2 Điều 15 NĐ 137/2024/NĐ-CP) / The owner is an organisation or enterprise (NĐ 137/2024/NĐ-CP Đ15.2.b)"));
    assert!(md.contains("- Chủ quản / Owner: Công ty cổ phần Chợ Số"));
    assert!(md.contains("- **Giao dịch điện tử trong hoạt động thương mại** (điểm b khoản 1 Điều 16 NĐ 137/2024/NĐ-CP) / E-transactions in commercial activities (NĐ 137/2024/NĐ-CP Đ16.1.b)"));
    assert!(md.contains("Đ16.1.đ"));
    let cited: Vec<String> = r.citations.iter().map(|c| c.to_string()).collect();
    for c in [
        "NĐ 137/2024/NĐ-CP Đ15.2.b",
        "NĐ 137/2024/NĐ-CP Đ15.3.b",
        "NĐ 137/2024/NĐ-CP Đ16.1.b",
        "NĐ 137/2024/NĐ-CP Đ16.1.đ",
    ] {
        assert!(cited.iter().any(|x| x == c), "{c} cited: {cited:?}");
    }
    // A round trip keeps them.
    let back: PlatformReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn plat_08_report_context_refuses_an_empty_class_set_and_keeps_old_json_valid() {
    // Contexts written before these fields existed still parse.
    let old: ReportContext =
        serde_json::from_str(r#"{"evidence": {"items": {}}, "history": {}}"#).unwrap();
    assert_eq!(old.owner_class, None);
    assert_eq!(old.functions, None);
    assert!(serde_json::from_str::<ReportContext>(r#"{"functions": {"classes": []}}"#).is_err());
    assert!(serde_json::from_str::<ReportContext>(r#"{"owner_class": "company"}"#).is_err());
    // Serialising a default context adds nothing.
    assert_eq!(
        serde_json::to_value(ReportContext::default()).unwrap()["owner_class"],
        serde_json::Value::Null
    );
}
