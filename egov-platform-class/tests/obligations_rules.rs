//! One test per rule of the Đ18.2/Đ19/Đ20 checklist (NĐ 137/2024/NĐ-CP): PLAT-11, PLAT-14,
//! PLAT-16, PLAT-17, PLAT-18, PLAT-20, PLAT-22, PLAT-25, PLAT-26, PLAT-27, and CORE-10 (exact
//! ratio arithmetic of the Đ17 thresholds). Each asserts behaviour that a wrong table row or a
//! wrong evaluation would break.

use chrono::NaiveDate;
use egov_core::{Outcome, Report, WorkingCalendar};
use egov_platform_class::obligations::{all_obligations, Requirement, Tier, REPORT_TO_STATE_ID};
use egov_platform_class::*;

fn item(satisfied: bool) -> EvidenceItem {
    EvidenceItem {
        satisfied,
        reference: None,
        note: None,
        channel: None,
    }
}

fn with(items: &[(&str, EvidenceItem)]) -> Evidence {
    let mut ev = Evidence::default();
    for (id, it) in items {
        ev.items.insert((*id).to_owned(), it.clone());
    }
    ev
}

/// Every mandatory item of `class` stated met, prioritised search attested absent.
fn all_mandatory_met(class: LegalClass) -> Evidence {
    let mut ev = Evidence {
        has_prioritised_search: Some(false),
        ..Evidence::default()
    };
    for o in checklist(class) {
        if o.requirement == Requirement::Mandatory {
            ev.items.insert(o.id.to_owned(), item(true));
        }
    }
    ev
}

fn outcome_of(r: &Report, id: &str) -> Outcome {
    r.findings
        .iter()
        .find(|f| f.field.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no finding for {id}"))
        .outcome
}

fn obligations_of(rule: &str) -> Vec<Obligation> {
    all_obligations()
        .into_iter()
        .filter(|o| o.rule == rule)
        .collect()
}

const LARGE: LegalClass = LegalClass::LargeIntermediaryPlatform;
const VERY_LARGE: LegalClass = LegalClass::VeryLargeIntermediaryPlatform;

// ---------------------------------------------------------------- PLAT-11 (Đ18.2 closing)

#[test]
fn plat_11_reporting_duty_arises_only_for_large_or_very_large_intermediary_platforms() {
    let none = Evidence::default();
    for scale in [Scale::Large, Scale::VeryLarge] {
        let f = reporting_duty(scale, Intermediary::Attested, &none);
        assert_eq!(f.rule, "PLAT-11");
        assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ18.2");
        assert_eq!(
            f.outcome,
            Outcome::Unknown,
            "applies, no evidence: never a pass"
        );
        assert!(f.message.contains("state management agency"));
        assert!(f.message_vi.contains("cơ quan quản lý nhà nước"));
        // Intermediary condition not attested either way: unknown, not "does not apply".
        assert_eq!(
            reporting_duty(scale, Intermediary::NotAttested, &none).outcome,
            Outcome::Unknown
        );
        // Attested not an intermediary: the criteria are not met, the duty does not arise.
        assert_eq!(
            reporting_duty(scale, Intermediary::NotIntermediary, &none).outcome,
            Outcome::Pass
        );
    }
    let below = reporting_duty(Scale::BelowThreshold, Intermediary::Attested, &none);
    assert_eq!(below.outcome, Outcome::Pass);
    assert!(below.message.starts_with("not applicable"));
}

#[test]
fn plat_11_reporting_duty_is_judged_by_its_evidence_item() {
    let met = with(&[(
        REPORT_TO_STATE_ID,
        EvidenceItem {
            reference: Some("https://mic.gov.vn/receipt/2026".into()),
            ..item(true)
        },
    )]);
    let f = reporting_duty(Scale::Large, Intermediary::Attested, &met);
    assert_eq!(f.outcome, Outcome::Pass);
    assert!(f.message.contains("https://mic.gov.vn/receipt/2026"));
    let unmet = with(&[(REPORT_TO_STATE_ID, item(false))]);
    assert_eq!(
        reporting_duty(Scale::VeryLarge, Intermediary::Attested, &unmet).outcome,
        Outcome::Fail
    );
    // The item is a known id: the checklist does not warn that it went unused.
    let r = evaluate(LARGE, &met);
    assert_eq!(r.with_outcome(Outcome::Warning).count(), 0);
    assert_eq!(r.findings.len(), 17);
}

#[test]
fn plat_11_report_carries_the_reporting_duty() {
    let months = (1..=12)
        .map(|m| MonthlyCount {
            month: YearMonth::new(2025, m).unwrap(),
            active_users: 3_000_000,
        })
        .collect();
    let mut input = ClassificationInput::new(months, UserCountSource::SelfMeasured);
    input.population = Some(Population::new(
        100_000_000,
        PopulationKind::Average,
        "2025",
        "test",
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    ));
    input.intermediary = Intermediary::Attested;
    let ctx = ReportContext {
        evidence: with(&[(REPORT_TO_STATE_ID, item(false))]),
        ..ReportContext::default()
    };
    let r = build_report(
        &input,
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        &ctx,
        &WorkingCalendar::vietnam(),
    )
    .unwrap();
    let f = r.reporting_duty.as_ref().unwrap();
    assert_eq!(f.rule, "PLAT-11");
    assert_eq!(f.outcome, Outcome::Fail);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["reporting_duty"]["rule"], "PLAT-11");
    assert!(r
        .to_markdown()
        .contains("## Báo cáo, cung cấp số liệu (khoản 2 Điều 18) / Report and data to the state agency (Đ18.2)"));
}

// ---------------------------------------------------------------- PLAT-14 (Đ19.1.a)

#[test]
fn plat_14_issue_mechanism_published_and_channel_agreed_bind_large_platforms() {
    let items = obligations_of("PLAT-14");
    let ids: Vec<&str> = items.iter().map(|o| o.id).collect();
    assert_eq!(
        ids,
        [
            "d19_1_a_issue_mechanism_published",
            "d19_1_a_issue_channel_agreed"
        ]
    );
    for o in &items {
        assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ19.1.a");
        assert_eq!(o.tier, Tier::Large);
        assert_eq!(o.requirement, Requirement::Mandatory);
        assert!(checklist(LARGE).contains(o) && checklist(VERY_LARGE).contains(o));
    }
    assert!(items[0].title_en.contains("Vietnamese"));
    assert!(items[0].title_vi.contains("tiếng Việt"));
    // Đ19.1.a lists e-mail among the channels.
    assert!(items[1].title_en.contains("e-mail"));
    // Not an intermediary platform: Đ19 does not bind it.
    assert!(!checklist(LegalClass::LargeInformationSystem)
        .iter()
        .any(|o| o.rule == "PLAT-14"));
    // Stated unmet: fail; not said: unknown.
    let r = evaluate(
        LARGE,
        &with(&[("d19_1_a_issue_channel_agreed", item(false))]),
    );
    assert_eq!(
        outcome_of(&r, "d19_1_a_issue_channel_agreed"),
        Outcome::Fail
    );
    assert_eq!(
        outcome_of(&r, "d19_1_a_issue_mechanism_published"),
        Outcome::Unknown
    );
    assert_eq!(r.overall(), Outcome::Fail);
    // E-mail is a channel Đ19.1.a lists: met via e-mail is a plain pass.
    let email = EvidenceItem {
        channel: Some(Channel::Email),
        ..item(true)
    };
    let r = evaluate(LARGE, &with(&[("d19_1_a_issue_channel_agreed", email)]));
    assert_eq!(
        outcome_of(&r, "d19_1_a_issue_channel_agreed"),
        Outcome::Pass
    );
}

// ---------------------------------------------------------------- PLAT-16 (Đ19.1.c)

#[test]
fn plat_16_changes_to_the_issue_mechanism_must_be_notified() {
    let items = obligations_of("PLAT-16");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ19.1.c");
    assert_eq!(o.tier, Tier::Large);
    assert_eq!(o.requirement, Requirement::Mandatory);
    assert_eq!(listed_channels(o.id).unwrap().len(), 4);
    // Everything else met, this one stated unmet: the platform is not compliant.
    let mut ev = all_mandatory_met(LARGE);
    ev.items.insert(o.id.to_owned(), item(false));
    let r = evaluate(LARGE, &ev);
    assert_eq!(outcome_of(&r, o.id), Outcome::Fail);
    assert_eq!(r.with_outcome(Outcome::Fail).count(), 1);
    assert_eq!(r.for_rule("PLAT-16").next().unwrap().outcome, Outcome::Fail);
    assert!(!r.is_compliant());
}

// ---------------------------------------------------------------- PLAT-17 (Đ19.2.a)

#[test]
fn plat_17_illegal_content_mechanism_published_in_vietnamese() {
    let items = obligations_of("PLAT-17");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.id, "d19_2_a_illegal_content_mechanism_published");
    assert_eq!(
        o.basis.to_string_vi(),
        "điểm a khoản 2 Điều 19 NĐ 137/2024/NĐ-CP"
    );
    assert!(o.title_vi.contains("tiếng Việt"));
    assert!(o.title_en.contains("illegal content"));
    // Without evidence it is unknown, never passed; with it, passed and referenced.
    let r = evaluate(LARGE, &Evidence::default());
    assert_eq!(outcome_of(&r, o.id), Outcome::Unknown);
    let r = evaluate(
        VERY_LARGE,
        &with(&[(
            o.id,
            EvidenceItem {
                reference: Some("https://example.vn/bao-cao-vi-pham".into()),
                channel: Some(Channel::Website),
                ..item(true)
            },
        )]),
    );
    let f = r.for_rule("PLAT-17").next().unwrap();
    assert_eq!(f.outcome, Outcome::Pass);
    assert!(f.message_vi.contains("https://example.vn/bao-cao-vi-pham"));
}

// ---------------------------------------------------------------- PLAT-18 (Đ19.2.b)

#[test]
fn plat_18_trusted_sources_are_authorities_and_sources_the_owner_designates() {
    let items = obligations_of("PLAT-18");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ19.2.b");
    assert!(o.title_en.contains("competent authorities"));
    assert!(o.title_en.contains("sources the owner designates"));
    assert!(o.title_vi.contains("cơ quan có thẩm quyền"));
    assert!(o.title_vi.contains("chủ quản tự xác định"));
    assert_eq!(o.tier, Tier::Large);
    let r = evaluate(LARGE, &with(&[(o.id, item(false))]));
    assert_eq!(r.for_rule("PLAT-18").next().unwrap().outcome, Outcome::Fail);
}

// ---------------------------------------------------------------- PLAT-20 (Đ19.2.d)

#[test]
fn plat_20_changes_to_the_illegal_content_mechanism_must_be_notified() {
    let items = obligations_of("PLAT-20");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.id, "d19_2_d_illegal_content_mechanism_changes_notified");
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ19.2.d");
    assert_eq!(o.requirement, Requirement::Mandatory);
    // Đ19.2.d refers to the channels of Đ19.2.a, e-mail included.
    assert!(listed_channels(o.id).unwrap().contains(&Channel::Email));
    let mut ev = all_mandatory_met(VERY_LARGE);
    assert!(evaluate(VERY_LARGE, &ev).is_compliant());
    ev.items.remove(o.id);
    let r = evaluate(VERY_LARGE, &ev);
    assert_eq!(outcome_of(&r, o.id), Outcome::Unknown);
    assert_eq!(
        r.overall(),
        Outcome::Unknown,
        "a missing duty is not a pass"
    );
}

// ---------------------------------------------------------------- PLAT-22 (Đ20.1.a)

#[test]
fn plat_22_recommendation_criteria_channels_do_not_include_email() {
    let items = obligations_of("PLAT-22");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.id, "d20_1_a_recommendation_criteria_published");
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ20.1.a");
    assert_eq!(o.tier, Tier::VeryLarge);
    // Very large platforms only.
    assert!(!checklist(LARGE).iter().any(|x| x.rule == "PLAT-22"));
    assert!(checklist(VERY_LARGE).iter().any(|x| x.rule == "PLAT-22"));
    // Đ20.1.a: «trang thông tin điện tử, qua ứng dụng trên thiết bị di động hoặc kênh giao tiếp
    // khác» — unlike Đ19.1.a and Đ20.2.a, no «thư điện tử».
    let listed = listed_channels(o.id).unwrap();
    assert!(!listed.contains(&Channel::Email));
    assert_eq!(
        listed,
        [Channel::Website, Channel::MobileApp, Channel::Other]
    );
    assert!(!o.title_en.contains("e-mail"));
    assert!(listed_channels("d20_2_a_code_of_conduct_published")
        .unwrap()
        .contains(&Channel::Email));
    // Stated met via e-mail: not a plain pass (a warning naming the provision); via the website:
    // a pass.
    let via = |c: Channel| {
        let ev = with(&[(
            o.id,
            EvidenceItem {
                channel: Some(c),
                ..item(true)
            },
        )]);
        evaluate(VERY_LARGE, &ev)
            .for_rule("PLAT-22")
            .next()
            .unwrap()
            .clone()
    };
    let email = via(Channel::Email);
    assert_eq!(email.outcome, Outcome::Warning);
    assert!(email.message.contains("e-mail"), "{}", email.message);
    assert!(email.message.contains("Đ20.1.a"), "{}", email.message);
    assert!(email.message_vi.contains("thư điện tử"));
    assert_eq!(via(Channel::Website).outcome, Outcome::Pass);
    assert_eq!(via(Channel::MobileApp).outcome, Outcome::Pass);
}

// ---------------------------------------------------------------- PLAT-25 (Đ20.2.a)

#[test]
fn plat_25_code_of_conduct_published_binds_very_large_platforms_only() {
    let items = obligations_of("PLAT-25");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.id, "d20_2_a_code_of_conduct_published");
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ20.2.a");
    assert_eq!(o.requirement, Requirement::Mandatory);
    assert!(o.title_en.contains("Vietnamese") && o.title_en.contains("e-mail"));
    assert!(!checklist(LARGE).iter().any(|x| x.rule == "PLAT-25"));
    // E-mail is listed by Đ20.2.a: a plain pass.
    let ev = with(&[(
        o.id,
        EvidenceItem {
            channel: Some(Channel::Email),
            ..item(true)
        },
    )]);
    assert_eq!(
        evaluate(VERY_LARGE, &ev)
            .for_rule("PLAT-25")
            .next()
            .unwrap()
            .outcome,
        Outcome::Pass
    );
    // Evidence for it on a large platform is simply not used by a Đ19 checklist.
    let r = evaluate(LARGE, &ev);
    assert!(r.for_rule("PLAT-25").next().is_none());
    let r = evaluate(VERY_LARGE, &with(&[(o.id, item(false))]));
    assert_eq!(r.overall(), Outcome::Fail);
}

// ---------------------------------------------------------------- PLAT-26 (Đ20.2.b–c)

#[test]
fn plat_26_code_of_conduct_content_and_lawfulness_are_both_required() {
    let items = obligations_of("PLAT-26");
    let bases: Vec<String> = items.iter().map(|o| o.basis.to_string()).collect();
    assert_eq!(
        bases,
        ["NĐ 137/2024/NĐ-CP Đ20.2.b", "NĐ 137/2024/NĐ-CP Đ20.2.c"]
    );
    assert!(items[0].title_en.contains("healthy, equal and safe"));
    assert!(items[1].title_en.contains("conforms to the law"));
    for o in &items {
        assert_eq!(o.requirement, Requirement::Mandatory);
        assert_eq!(o.tier, Tier::VeryLarge);
        let mut ev = all_mandatory_met(VERY_LARGE);
        ev.items.insert(o.id.to_owned(), item(false));
        let r = evaluate(VERY_LARGE, &ev);
        assert_eq!(r.overall(), Outcome::Fail, "{} unmet fails", o.id);
        assert_eq!(r.with_outcome(Outcome::Fail).count(), 1);
    }
}

// ---------------------------------------------------------------- PLAT-27 (Đ20.2.d)

#[test]
fn plat_27_support_for_vulnerable_groups_is_encouraged_never_a_failure() {
    let items = obligations_of("PLAT-27");
    assert_eq!(items.len(), 1);
    let o = &items[0];
    assert_eq!(o.requirement, Requirement::Encouraged);
    assert_eq!(o.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ20.2.d");
    let ev = all_mandatory_met(VERY_LARGE);
    assert!(!ev.items.contains_key(o.id));
    // Absent: a warning, and the platform is still compliant.
    let r = evaluate(VERY_LARGE, &ev);
    assert_eq!(outcome_of(&r, o.id), Outcome::Warning);
    assert!(r.is_compliant());
    // Even stated not done: a warning, not a failure («Khuyến khích»).
    let mut ev2 = ev.clone();
    ev2.items.insert(o.id.to_owned(), item(false));
    let r = evaluate(VERY_LARGE, &ev2);
    assert_eq!(outcome_of(&r, o.id), Outcome::Warning);
    assert_eq!(r.with_outcome(Outcome::Fail).count(), 0);
    assert!(r.is_compliant());
    // Done: a pass.
    ev2.items.insert(o.id.to_owned(), item(true));
    assert_eq!(outcome_of(&evaluate(VERY_LARGE, &ev2), o.id), Outcome::Pass);
}

// ---------------------------------------------------------------- CORE-10 (Đ17.2–3)

const P: u64 = 100_000_000;

/// The 12-month figure the way a float implementation would average it: each month's share of
/// the mean added up in `f64`.
fn float_mean(months: &[u64; 12]) -> f64 {
    months.iter().fold(0.0f64, |acc, &m| acc + m as f64 / 12.0)
}

fn classify_months(months: &[u64; 12], population: u64) -> Classification {
    let monthly = months
        .iter()
        .zip(1..=12u8)
        .map(|(&n, m)| MonthlyCount {
            month: YearMonth::new(2025, m).unwrap(),
            active_users: n,
        })
        .collect();
    let mut input = ClassificationInput::new(monthly, UserCountSource::SelfMeasured);
    input.population = Some(Population::new(
        population,
        PopulationKind::Average,
        "2025",
        "test",
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    ));
    classify(&input, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()).unwrap()
}

#[test]
fn core_10_exactly_3_percent_is_large_where_floats_fall_short() {
    // Twelve months summing to exactly 36 000 000 = 12 × 3 % × 100 000 000: the mean is
    // exactly 3 000 000, «từ 3%» (Đ17.2), so large.
    let months: [u64; 12] = [
        1_841_793, 569_047, 15_590_491, 3_370_501, 3_056_762, 539_949, 1_440_930, 3_444_186,
        1_344_839, 2_494_667, 469_773, 1_837_062,
    ];
    assert_eq!(months.iter().sum::<u64>(), 36_000_000);
    // A float average lands just below the threshold and would call it below 3 %.
    let f = float_mean(&months);
    assert!(f < 0.03 * P as f64, "float mean {f}");
    // Exact arithmetic: large, at distance zero.
    let c = classify_months(&months, P);
    assert_eq!(c.scale, Scale::Large);
    assert_eq!(c.mean_users, "3000000");
    assert_eq!(c.share_percent, "3");
    assert!(c.distances[0].reached);
    assert_eq!(c.distances[0].distance_users, "0");
    assert_eq!(c.distances[0].side, egov_platform_class::Side::At);
    assert_eq!(c.distances[0].additional_user_months_needed, 0);
    assert_eq!(
        scale_of_sum(36_000_000, P, &Thresholds::default()),
        Scale::Large
    );
    // One user-month fewer: below.
    assert_eq!(
        scale_of_sum(35_999_999, P, &Thresholds::default()),
        Scale::BelowThreshold
    );
}

#[test]
fn core_10_exactly_10_percent_is_not_very_large_where_floats_overshoot() {
    // Twelve months summing to exactly 120 000 000 = 12 × 10 % × 100 000 000: the mean is
    // exactly 10 000 000, still «từ 3% đến 10%» (Đ17.2); very large needs «trên 10%» (Đ17.3).
    let months: [u64; 12] = [
        282_669, 3_522_064, 48_514_519, 5_765_760, 1_693_845, 21_750_090, 11_864_159, 8_918_394,
        654_654, 9_208_339, 7_724_490, 101_017,
    ];
    assert_eq!(months.iter().sum::<u64>(), 120_000_000);
    let f = float_mean(&months);
    assert!(f > 0.1 * P as f64, "float mean {f} overshoots 10 %");
    let c = classify_months(&months, P);
    assert_eq!(c.scale, Scale::Large);
    assert_eq!(c.class, LegalClass::LargeInformationSystem);
    assert!(!c.distances[1].reached);
    assert_eq!(c.distances[1].additional_user_months_needed, 1);
    assert_eq!(
        scale_of_sum(120_000_001, P, &Thresholds::default()),
        Scale::VeryLarge
    );
}

#[test]
fn core_10_boundaries_stay_exact_where_f64_loses_integers() {
    // Populations whose 12-month sums pass 2^53: f64 cannot tell S from S ± 1 any more.
    let t = Thresholds::default();
    let p = 100_000_000_000_000_000u64;
    let at_3 = 36_000_000_000_000_000u64; // 12 × 3 % × p
    assert_eq!(at_3 as f64, (at_3 - 1) as f64, "f64 cannot separate them");
    assert_eq!(scale_of_sum(at_3 - 1, p, &t), Scale::BelowThreshold);
    assert_eq!(scale_of_sum(at_3, p, &t), Scale::Large);
    let at_10 = 120_000_000_000_000_000u64; // 12 × 10 % × p
    assert_eq!(scale_of_sum(at_10, p, &t), Scale::Large);
    assert_eq!(scale_of_sum(at_10 + 1, p, &t), Scale::VeryLarge);
}
