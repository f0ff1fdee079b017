//! The optional profiles (issue 16): checklists from draft 003 and the strategy QĐ 942/QĐ-TTg,
//! the two service-level vocabularies and the KPI tracker. None of them is law: no in-force
//! profile includes them, and every finding says where it comes from.

use chrono::NaiveDate;
use egov_checklist::kpi::{
    parse_targets, qd942_targets, track, Observation, Rational, Status, Target,
};
use egov_checklist::service_levels::{
    classify, finding, Delivery, DigitalLevel, LegacyLevel, ServiceFacts,
};
use egov_checklist::{run, EvidenceFile, EvidenceSpec, Registry, Status as ListStatus};
use egov_core::{Finding, Force, Outcome, WorkingCalendar};

const PORTAL: &str = "draft003-portal-functions";
const SATISFACTION: &str = "draft003-satisfaction";
const KPI: &str = "qd942-kpi";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Runs checklist `id` on 2026-03-02 with the given evidence items (TOML): every finding.
fn run_items(id: &str, items: &str) -> Vec<Finding> {
    let r = Registry::builtin().unwrap();
    let e = EvidenceFile::parse(&format!("as_of = \"2026-03-02\"\n{items}")).unwrap();
    run(&r, id, &e, None, &WorkingCalendar::vietnam())
        .unwrap()
        .findings
}

fn judged(id: &str, items: &str, item: &str) -> Finding {
    let field = format!("{id}.{item}");
    run_items(id, items)
        .into_iter()
        .find(|f| f.field.as_deref() == Some(field.as_str()))
        .unwrap_or_else(|| panic!("no item {field}"))
}

fn assert_draft(f: &Finding) {
    assert!(f.message.starts_with("[DRAFT, not law] "), "{}", f.message);
    assert!(
        f.message_vi
            .starts_with("[DỰ THẢO, chưa phải là quy định] "),
        "{}",
        f.message_vi
    );
    assert_eq!(f.basis.force(), Force::Draft);
}

fn assert_strategy(f: &Finding) {
    assert!(
        f.message.starts_with("[STRATEGY target, not binding] "),
        "{}",
        f.message
    );
    assert!(
        f.message_vi
            .starts_with("[MỤC TIÊU chiến lược, không bắt buộc] "),
        "{}",
        f.message_vi
    );
    assert_eq!(f.basis.force(), Force::Policy);
    assert!(f.basis.to_string().starts_with("QĐ 942/QĐ-TTg"));
}

#[test]
fn no_in_force_profile_includes_a_draft_or_policy_checklist() {
    let r = Registry::builtin().unwrap();
    let mut in_force = 0;
    for c in r.iter() {
        // A checklist's status is the force of every instrument its own items cite.
        let want = match c.status {
            ListStatus::InForce => Force::InForce,
            ListStatus::Draft => Force::Draft,
            ListStatus::Policy => Force::Policy,
        };
        for item in &c.items {
            assert_eq!(item.basis.force(), want, "{} / {}", c.id, item.id);
        }
        if c.status != ListStatus::InForce {
            continue;
        }
        in_force += 1;
        for (owner, item) in r.resolve(&c.id).unwrap() {
            assert_eq!(
                owner.status,
                ListStatus::InForce,
                "in-force {} includes {} ({}) through {}",
                c.id,
                owner.id,
                item.id,
                owner.id
            );
        }
    }
    assert!(in_force >= 15);
    assert!(r
        .resolve("nd137-agency-system")
        .unwrap()
        .iter()
        .all(|(c, _)| c.status == ListStatus::InForce));
    assert_eq!(r.get(PORTAL).unwrap().status, ListStatus::Draft);
    assert_eq!(r.get(SATISFACTION).unwrap().status, ListStatus::Draft);
    assert_eq!(r.get(KPI).unwrap().status, ListStatus::Policy);
}

#[test]
fn every_finding_of_the_optional_profiles_says_draft_or_strategy_in_both_languages() {
    for id in [PORTAL, SATISFACTION] {
        let all = run_items(id, "");
        assert!(all.len() >= 9);
        all.iter().for_each(assert_draft);
    }
    let all = run_items(KPI, "");
    assert_eq!(all.len(), qd942_targets().unwrap().len());
    all.iter().for_each(assert_strategy);
    // The titles say it too.
    let r = Registry::builtin().unwrap();
    assert!(r
        .get(PORTAL)
        .unwrap()
        .title_en
        .starts_with("[DRAFT, not law]"));
    assert!(r.get(KPI).unwrap().title_vi.contains("không bắt buộc"));
}

/// The (clause, point) of every item of `id` with `rule`.
fn cited(id: &str, rule: &str) -> Vec<(u16, Option<u8>, Option<String>)> {
    let r = Registry::builtin().unwrap();
    r.get(id)
        .unwrap()
        .items
        .iter()
        .filter(|i| i.rule == rule)
        .map(|i| {
            (
                i.basis.article,
                i.basis.clause,
                i.basis.point.as_deref().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn oth_13_the_portal_is_the_official_source_and_every_channel_is_integrated() {
    let f = judged(
        PORTAL,
        "[items.d7_1_official_portal]\nurl = \"http://stttt.example.gov.vn\"\n",
        "d7_1_official_portal",
    );
    // The draft does not require https: plain http is an address all the same.
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-13", Outcome::Pass));
    assert_draft(&f);
    assert_eq!(
        f.basis.to_string(),
        "Dự thảo 2 NĐ dịch vụ số (seed 003) Đ7.1"
    );
    let f = judged(
        PORTAL,
        "[items.d7_9_channels_synchronised]\nsatisfied = false\ndate = \"2026-02-01\"\n",
        "d7_9_channels_synchronised",
    );
    assert_eq!(f.outcome, Outcome::Fail);
    assert!(f.message_vi.contains("CHƯA đáp ứng"));
    let clauses: Vec<u8> = cited(PORTAL, "OTH-13").iter().filter_map(|c| c.1).collect();
    assert_eq!(clauses, [1, 1, 3, 3, 3, 4, 7, 9]);
}

#[test]
fn oth_14_data_portals_integrated_and_the_open_data_catalogue_published() {
    let items = "[items.d8_4_ministry_data_portal]\nnot_applicable = \"Cơ quan cấp tỉnh\"\n[items.d8_6_open_data_catalogue]\nurl = \"https://data.example.gov.vn/danh-muc\"\n";
    let a = judged(PORTAL, items, "d8_4_ministry_data_portal");
    assert_eq!((a.rule.as_ref(), a.outcome), ("OTH-14", Outcome::Pass));
    assert!(a.message.contains("declared not applicable"));
    let b = judged(PORTAL, items, "d8_6_open_data_catalogue");
    assert_eq!(b.outcome, Outcome::Pass);
    // The province's own integration is still unanswered.
    let c = judged(PORTAL, items, "d8_5_province_data_portal");
    assert_eq!(c.outcome, Outcome::Unknown);
    assert_eq!(cited(PORTAL, "OTH-14").len(), 4);
}

#[test]
fn oth_15_search_links_print_and_english_information() {
    assert_eq!(
        cited(PORTAL, "OTH-15"),
        [
            (9, Some(1), Some("a".into())),
            (9, Some(1), Some("b".into())),
            (9, Some(1), Some("c".into())),
            (9, Some(2), Some("a".into())),
            (9, Some(2), Some("d".into())),
        ]
    );
    let f = judged(
        PORTAL,
        "[items.d9_2_a_english]\nurl = \"english pages\"\n",
        "d9_2_a_english",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-15", Outcome::Fail));
    assert_eq!(
        f.basis.to_string_vi(),
        "điểm a khoản 2 Điều 9 Dự thảo 2 NĐ dịch vụ số (seed 003)"
    );
}

#[test]
fn oth_16_e_participation_one_item_per_function() {
    let clauses: Vec<u8> = cited(PORTAL, "OTH-16").iter().filter_map(|c| c.1).collect();
    assert_eq!(clauses, [1, 2, 3, 4, 5]);
    let f = judged(
        PORTAL,
        "[items.d10_1_questions_realtime]\nsatisfied = true\ndate = \"2026-04-01\"\n",
        "d10_1_questions_realtime",
    );
    // Dated after the evaluation date: not evidence.
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-16", Outcome::Unknown));
}

#[test]
fn oth_17_information_machine_readable_through_an_api_or_not() {
    let item = "d11_3_machine_readable";
    let api = judged(
        PORTAL,
        "[items.d11_3_machine_readable]\nchoice = \"api_or_web_service\"\n",
        item,
    );
    assert_eq!((api.rule.as_ref(), api.outcome), ("OTH-17", Outcome::Pass));
    let pdf = judged(
        PORTAL,
        "[items.d11_3_machine_readable]\nchoice = \"not_machine_readable\"\n",
        item,
    );
    assert_eq!(pdf.outcome, Outcome::Fail);
    assert_draft(&pdf);
    let other = judged(
        PORTAL,
        "[items.d11_3_machine_readable]\nchoice = \"csv\"\n",
        item,
    );
    assert_eq!(other.outcome, Outcome::Unknown);
    assert!(other.message.contains("api_or_web_service"));
}

#[test]
fn oth_18_public_service_portal_integrated_and_channels_in_step() {
    let f = judged(
        PORTAL,
        "[items.d19_5_channels_synchronised]\nsatisfied = false\ndate = \"2026-02-10\"\nby = \"Sở KH&CN\"\n",
        "d19_5_channels_synchronised",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-18", Outcome::Fail));
    assert!(f.message.contains("Sở KH&CN"));
    let clauses: Vec<u8> = cited(PORTAL, "OTH-18").iter().filter_map(|c| c.1).collect();
    assert_eq!(clauses, [2, 2, 3, 4, 5]);
}

#[test]
fn oth_19_functions_for_citizens_and_officials_point_by_point() {
    let points: Vec<(u8, String)> = cited(PORTAL, "OTH-19")
        .into_iter()
        .map(|(_, c, p)| (c.unwrap(), p.unwrap()))
        .collect();
    let want: Vec<(u8, String)> = [
        (1, "a"),
        (1, "b"),
        (1, "c"),
        (1, "d"),
        (1, "đ"),
        (1, "g"),
        (1, "h"),
        (2, "a"),
        (2, "b"),
        (2, "c"),
        (2, "d"),
        (2, "đ"),
    ]
    .into_iter()
    .map(|(c, p)| (c, p.to_owned()))
    .collect();
    // Đ20.1 has no point e in the draft: none is invented.
    assert_eq!(points, want);
    let f = judged(
        PORTAL,
        "[items.d20_1_dd_tracking]\nsatisfied = true\ndate = \"2026-01-20\"\n",
        "d20_1_dd_tracking",
    );
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-19", Outcome::Pass));
    assert_eq!(
        f.basis.to_string(),
        "Dự thảo 2 NĐ dịch vụ số (seed 003) Đ20.1.đ"
    );
}

#[test]
fn oth_24_satisfaction_rating_record_minimum_content_and_confidentiality() {
    let r = Registry::builtin().unwrap();
    let c = r.get(SATISFACTION).unwrap();
    assert!(c.items.iter().all(|i| i.rule == "OTH-24"));
    // The record's minimum content, one item each (Đ38.2).
    let content: Vec<&str> = c
        .items
        .iter()
        .filter(|i| i.basis.clause == Some(2))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        content,
        [
            "d38_2_overall",
            "d38_2_convenience",
            "d38_2_timeliness",
            "d38_2_staff_attitude"
        ]
    );
    let item = "d38_3_confidential";
    let seen = judged(
        SATISFACTION,
        "[items.d38_3_confidential]\nchoice = \"visible_to_provider\"\n",
        item,
    );
    assert_eq!(seen.outcome, Outcome::Fail);
    assert_draft(&seen);
    let hidden = judged(
        SATISFACTION,
        "[items.d38_3_confidential]\nchoice = \"hidden_from_provider\"\n",
        item,
    );
    assert_eq!(hidden.outcome, Outcome::Pass);
    // Criteria per service: a document with its reference, nothing less.
    let criteria = judged(
        SATISFACTION,
        "[items.d38_4_criteria]\nsatisfied = true\ndate = \"2026-01-01\"\n",
        "d38_4_criteria",
    );
    assert_eq!(criteria.outcome, Outcome::Unknown);
    assert!(matches!(
        c.items
            .iter()
            .find(|i| i.id == "d38_1_rating_section")
            .unwrap()
            .evidence,
        EvidenceSpec::Url { .. }
    ));
}

fn facts() -> ServiceFacts {
    ServiceFacts {
        information_published: true,
        forms_downloadable: true,
        submission_online: true,
        mobile_access: true,
        has_fee: true,
        payment_online: true,
        processing_fully_digital: true,
        result_delivery: [Delivery::Online].into(),
    }
}

#[test]
fn oth_01_fully_digitised_only_when_processing_is_wholly_digital_and_no_visit_is_needed() {
    assert_eq!(
        classify(&facts()).digital,
        Some(DigitalLevel::FullyDigitised)
    );
    let postal = ServiceFacts {
        result_delivery: [Delivery::Postal, Delivery::InPerson].into(),
        ..facts()
    };
    assert_eq!(
        classify(&postal).digital,
        Some(DigitalLevel::FullyDigitised)
    );
    let offline = ServiceFacts {
        processing_fully_digital: false,
        ..facts()
    };
    let c = classify(&offline);
    assert_eq!(c.digital, Some(DigitalLevel::PartlyDigitised));
    assert_eq!(
        c.short_of_en,
        ["the agency still processes part of the dossier off-line"]
    );
    let counter = ServiceFacts {
        result_delivery: [Delivery::InPerson].into(),
        ..facts()
    };
    assert_eq!(
        classify(&counter).digital,
        Some(DigitalLevel::PartlyDigitised)
    );
}

#[test]
fn oth_01_a_fee_not_payable_online_or_no_mobile_access_is_neither_level() {
    let cash = ServiceFacts {
        payment_online: false,
        ..facts()
    };
    assert_eq!(classify(&cash).digital, None);
    // No fee: nothing to pay online.
    let free = ServiceFacts {
        has_fee: false,
        ..cash.clone()
    };
    assert_eq!(classify(&free).digital, Some(DigitalLevel::FullyDigitised));
    let desktop = ServiceFacts {
        mobile_access: false,
        ..facts()
    };
    assert_eq!(classify(&desktop).digital, None);
    let f = finding(&cash);
    assert_eq!((f.rule.as_ref(), f.outcome), ("OTH-01", Outcome::Warning));
    assert_draft(&f);
    assert!(f
        .message_vi
        .contains("chưa thanh toán lệ phí trực tuyến được"));
    assert!(f.message.contains("QĐ 942/QĐ-TTg (not binding"));
    let f = finding(&facts());
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(
        f.basis.to_string(),
        "Dự thảo 2 NĐ dịch vụ số (seed 003) Đ16.2"
    );
    assert!(f.message_vi.contains("«Dịch vụ được số hóa toàn trình»"));
    assert_eq!(f.evidence.as_ref().unwrap()["legacy_level"], 4);
}

#[test]
fn oth_03_legacy_levels_and_the_lossy_mapping_agree_with_classification() {
    // Level 4 in the old vocabulary, only partly digitised in the draft's.
    let partly = ServiceFacts {
        processing_fully_digital: false,
        ..facts()
    };
    assert_eq!(classify(&partly).legacy, Some(LegacyLevel::Level4));
    assert_eq!(LegacyLevel::Level4.to_digital().possible.len(), 3);
    assert_eq!(
        DigitalLevel::FullyDigitised.to_legacy().possible,
        [LegacyLevel::Level4]
    );
    let only_forms = ServiceFacts {
        submission_online: false,
        ..facts()
    };
    assert_eq!(classify(&only_forms).legacy, Some(LegacyLevel::Level2));
    assert_eq!(classify(&only_forms).digital, None);
    // Every combination of facts: each vocabulary's level is among those the other's mapping
    // allows. The mapping is lossy, never wrong.
    let deliveries = [Delivery::Online, Delivery::Postal, Delivery::InPerson];
    for bits in 0u32..(1 << 10) {
        let b = |i: u32| bits & (1 << i) != 0;
        let f = ServiceFacts {
            information_published: true,
            forms_downloadable: b(0),
            submission_online: b(1),
            mobile_access: b(2),
            has_fee: b(3),
            payment_online: b(4),
            processing_fully_digital: b(5),
            result_delivery: (0..3)
                .filter(|i| b(6 + i))
                .map(|i| deliveries[i as usize])
                .collect(),
        };
        let c = classify(&f);
        let legacy = c.legacy.unwrap();
        assert!(legacy.to_digital().possible.contains(&c.digital), "{f:?}");
        if let Some(level) = c.digital {
            assert!(level.to_legacy().possible.contains(&legacy), "{f:?}");
        }
    }
    // Serialised names are stable.
    assert_eq!(
        serde_json::to_string(&DigitalLevel::PartlyDigitised).unwrap(),
        "\"partly_digitised\""
    );
    assert_eq!(
        serde_json::to_string(&LegacyLevel::Level3).unwrap(),
        "\"level3\""
    );
}

fn target(id: &str) -> Target {
    qd942_targets()
        .unwrap()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap()
}

fn obs(v: &str, date: &str) -> Observation {
    Observation::new(Rational::parse(v).unwrap(), d(date))
}

#[test]
fn kpi_v1_top_30_of_the_un_ranking_by_2030_is_a_rank_at_most_30() {
    let t = target("kpi_v1");
    assert_eq!((t.rule.as_str(), t.deadline), ("KPI-V1", d("2030-12-31")));
    // Rank 86 at the end of 2020; the line to 30 at the end of 2030 (3652 days) asks
    // 86 − 56·1461/3652 ≈ 63.6 at the end of 2024: rank 63 is on track, 64 behind.
    let seen = [obs("86", "2020-12-31"), obs("63", "2024-12-31")];
    let on = track(&t, &seen, d("2026-03-02"));
    assert_eq!(on.status, Status::OnTrack);
    let req = on.required.unwrap();
    assert!(req > Rational::integer(63) && req < Rational::integer(64));
    assert_eq!(req, Rational::new(86 * 3652 - 56 * 1461, 3652).unwrap());
    let seen = [obs("86", "2020-12-31"), obs("64", "2024-12-31")];
    let behind = track(&t, &seen, d("2026-03-02"));
    assert_eq!(behind.status, Status::Behind);
    assert_eq!(behind.finding.outcome, Outcome::Warning);
    assert_eq!(behind.finding.rule, "KPI-V1");
    assert_strategy(&behind.finding);
    assert!(behind.finding.message_vi.contains("chậm tiến độ"));
    // Rank 30 itself is in the top 30.
    let met = track(&t, &[obs("30", "2030-07-01")], d("2031-01-01"));
    assert_eq!(met.status, Status::Met);
    let missed = track(&t, &[obs("31", "2030-07-01")], d("2031-01-01"));
    assert_eq!(
        (missed.status, missed.finding.outcome),
        (Status::Missed, Outcome::Fail)
    );
}

#[test]
fn kpi_k1d_eighty_percent_is_exact_no_floating_point() {
    let t = target("k1d");
    assert_eq!(t.rule, "K1d");
    // 80 % exactly, as a share: met.
    let met = track(
        &t,
        &[Observation::share(4, 5, d("2025-06-30")).unwrap()],
        d("2025-07-01"),
    );
    assert_eq!(met.status, Status::Met);
    assert!(met.finding.message.contains("met: 80 % on 2025-06-30"));
    // One dossier short of 80 % of a million is not 80 %.
    let short = Observation::share(799_999, 1_000_000, d("2025-12-31")).unwrap();
    assert_eq!(short.value.to_string(), "79.9999");
    let missed = track(&t, &[short], d("2026-01-01"));
    assert_eq!(missed.status, Status::Missed);
    assert!(missed.finding.message_vi.contains("không đạt"));
    // Thirds stay exact.
    let third = Observation::share(2, 3, d("2024-01-01")).unwrap();
    assert_eq!(third.value.to_string(), "200/3");
    assert!(Rational::parse("0.1").unwrap() < Rational::parse("0.10000000000000001").unwrap());
}

#[test]
fn kpi_k1d_on_the_line_is_on_track_one_hair_below_is_behind() {
    let t = target("k1d");
    // 60 % on 31/12/2023; the line to 80 % on 31/12/2025 (731 days) asks 60 + 20·366/731 on
    // 31/12/2024.
    let req = Rational::new(60 * 731 + 20 * 366, 731).unwrap();
    let at = track(
        &t,
        &[
            obs("60", "2023-12-31"),
            Observation::new(req, d("2024-12-31")),
        ],
        d("2025-01-10"),
    );
    assert_eq!((at.status, at.required), (Status::OnTrack, Some(req)));
    let hair = Rational::new(60 * 731 + 20 * 366 - 1, 731).unwrap();
    let below = track(
        &t,
        &[
            obs("60", "2023-12-31"),
            Observation::new(hair, d("2024-12-31")),
        ],
        d("2025-01-10"),
    );
    assert_eq!(below.status, Status::Behind);
}

#[test]
fn kpi_met_late_is_missed_and_observations_after_as_of_are_not_evidence() {
    let t = target("k3h");
    // Reached in 2026, after the 2025 deadline: missed.
    let late = track(
        &t,
        &[obs("40", "2025-06-30"), obs("55", "2026-02-01")],
        d("2026-03-02"),
    );
    assert_eq!(late.status, Status::Missed);
    // A value dated after the evaluation date is left out, and counted.
    let early = track(&t, &[obs("55", "2025-06-30")], d("2025-03-01"));
    assert_eq!(early.status, Status::Undetermined);
    assert_eq!(early.finding.outcome, Outcome::Unknown);
    assert_eq!(
        early.finding.evidence.as_ref().unwrap()["ignored_after_as_of"],
        1
    );
    // One observation before the deadline: no trend yet.
    let one = track(&t, &[obs("40", "2025-01-01")], d("2025-03-01"));
    assert_eq!(one.status, Status::Undetermined);
    assert!(one.finding.message.contains("two on different days"));
    // No observation at all, past the deadline: missed, saying there was none.
    let none = track(&t, &[], d("2026-01-01"));
    assert_eq!(none.status, Status::Missed);
    assert!(none.finding.message.contains("no observation"));
}

#[test]
fn kpi_targets_match_the_qd942_checklist_item_for_item() {
    let targets = qd942_targets().unwrap();
    let r = Registry::builtin().unwrap();
    let c = r.get(KPI).unwrap();
    assert_eq!(c.items.len(), targets.len());
    for (t, i) in targets.iter().zip(&c.items) {
        assert_eq!((&t.id, &t.rule, &t.quote_vi), (&i.id, &i.rule, &i.quote_vi));
        match &i.evidence {
            EvidenceSpec::Deadline {
                due,
                roll_to_working_day,
            } => assert_eq!((*due, *roll_to_working_day), (t.deadline, false)),
            other => panic!("{}: {other:?}", i.id),
        }
    }
    // The rule IDs of REQUIREMENTS §6.6, each at least once.
    for rule in [
        "KPI-V1", "K1a", "K1b", "K1c", "K1d", "K1đ", "K1e", "K2a", "K2b", "K2c", "K3a", "K3b",
        "K3c", "K3d", "K3đ", "K3e", "K3g", "K3h", "K3i", "K3k", "K4h", "K4i", "K5a", "K5b", "K5c",
    ] {
        assert!(targets.iter().any(|t| t.rule == rule), "{rule}");
    }
    // In the checklist, reached after 31/12/2025 is late (a fixed date: no roll-over).
    let f = judged(KPI, "[items.k1d]\ndone_on = \"2026-01-02\"\n", "k1d");
    assert_eq!((f.rule.as_ref(), f.outcome), ("K1d", Outcome::Fail));
    assert_strategy(&f);
    let f = judged(KPI, "[items.kpi_v1]\n", "kpi_v1");
    assert_eq!(f.outcome, Outcome::Unknown);
}

#[test]
fn kpi_bad_data_is_a_typed_error() {
    use egov_core::ErrorCode;
    assert_eq!(Rational::parse("80%").unwrap_err().code(), "kpi.value");
    assert!(Rational::parse("1e3").is_err() && Rational::parse(".5").is_err());
    assert!(Observation::share(1, 0, d("2025-01-01")).is_err());
    let twice = "[[target]]\nid = \"a\"\nrule = \"K1a\"\nsection = \"III\"\nquote_vi = \"x\"\ntitle_vi = \"x\"\ntitle_en = \"x\"\ncomparator = \"at_least\"\nvalue = \"1\"\nunit = \"percent\"\ndeadline = \"2025-12-31\"\n";
    assert!(parse_targets(twice).is_ok());
    let err = parse_targets(&format!("{twice}{twice}")).unwrap_err();
    assert_eq!(err.code(), "kpi.parse");
    assert!(parse_targets(&twice.replace("\"1\"", "\"one\"")).is_err());
}

#[test]
fn kpi_v1_track_all_reads_observations_and_refuses_unknown_ids() {
    use egov_checklist::kpi::{qd942_targets, track_all, ObservationsFile, Status};
    let targets = qd942_targets().unwrap();
    let file = ObservationsFile::from_json(
        r#"{"as_of": "2025-01-15", "observations": {"k1d": [
            {"value": "45", "date": "2023-12-31"}, {"value": "70.5", "date": "2024-12-31"}]}}"#,
    )
    .unwrap();
    let on = file.as_of.unwrap();
    let p = track_all(&targets, &file, on).unwrap();
    assert_eq!(p.tracked.len(), 1);
    assert_eq!(p.tracked[0].id, "k1d");
    assert_eq!(p.tracked[0].tracking.status, Status::OnTrack);
    assert_eq!(p.without_observations.len(), targets.len() - 1);
    // The message rounds the line's exact point for people; the evidence keeps it exact.
    assert!(p.tracked[0].tracking.finding.message.contains("≈62.52 %"));
    assert_eq!(
        p.tracked[0].tracking.required.unwrap().to_string(),
        "45705/731"
    );
    let bad = ObservationsFile::from_json(r#"{"observations": {"k9z": []}}"#).unwrap();
    let err = track_all(&targets, &bad, on).unwrap_err();
    assert!(err.to_string().contains("k9z"));
    assert!(ObservationsFile::from_json(r#"{"observation": {}}"#).is_err());
}
