//! DOC-01 (QĐ 28/2018/QĐ-TTg Đ10.2.a): each body that sends and receives e-documents has one
//! agency code. The registry check looks for bodies that appear to hold two valid codes.

use chrono::NaiveDate;
use egov_core::Outcome;
use egov_docs::registry::InMemoryRegistry;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn doc_01_distinct_bodies_pass() {
    let reg = InMemoryRegistry::illustrative_sample().unwrap();
    let f = reg.check_one_code_per_body(day(2026, 3, 2));
    assert_eq!(f.outcome, Outcome::Pass, "{}", f.message);
    assert_eq!(f.rule, "DOC-01");
    assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ10.2.a");
    assert!(f
        .message_vi
        .contains("mỗi cơ quan, đơn vị có một mã định danh"));
}

#[test]
fn doc_01_same_name_under_one_parent_twice_is_a_warning_naming_both_codes() {
    let reg = InMemoryRegistry::from_csv(
        "code,name_vi\n000.01.31.H29,Sở Tư pháp\n000.02.31.H29,SỞ TƯ PHÁP\n000.03.31.H29,Sở Y tế\n",
    )
    .unwrap();
    let f = reg.check_one_code_per_body(day(2026, 3, 2));
    assert_eq!(f.outcome, Outcome::Warning);
    let ev = f.evidence.as_ref().unwrap();
    assert_eq!(ev["valid_codes"], 3);
    assert_eq!(ev["groups"].as_array().unwrap().len(), 1);
    assert_eq!(
        ev["groups"][0]["codes"],
        serde_json::json!(["000.01.31.H29", "000.02.31.H29"])
    );
    assert_eq!(ev["groups"][0]["parent"], "000.00.31.H29");
    assert!(f.message_vi.contains("000.01.31.H29, 000.02.31.H29"));
}

#[test]
fn doc_01_same_name_under_different_parents_is_two_bodies() {
    // «Sở Tư pháp» of two provinces: the same words, two bodies.
    let reg = InMemoryRegistry::from_csv(
        "code,name_vi\n000.01.31.H29,Sở Tư pháp\n000.01.31.H26,Sở Tư pháp\n",
    )
    .unwrap();
    assert_eq!(
        reg.check_one_code_per_body(day(2026, 3, 2)).outcome,
        Outcome::Pass
    );
}

#[test]
fn doc_01_a_code_replaced_at_a_merger_is_not_a_second_code() {
    // The old code ends the day before the new one starts: one code on each date.
    let reg = InMemoryRegistry::from_csv(
        "code,name_vi,valid_from,valid_to,replaced_by\n\
         000.01.31.H29,Sở Tư pháp,,2025-06-30,000.05.31.H29\n\
         000.05.31.H29,Sở Tư pháp,2025-07-01,,\n",
    )
    .unwrap();
    assert_eq!(
        reg.check_one_code_per_body(day(2025, 6, 30)).outcome,
        Outcome::Pass
    );
    assert_eq!(
        reg.check_one_code_per_body(day(2025, 7, 1)).outcome,
        Outcome::Pass
    );
    // Recorded as overlapping for a day: that day, two codes.
    let overlapping = InMemoryRegistry::from_csv(
        "code,name_vi,valid_from,valid_to\n\
         000.01.31.H29,Sở Tư pháp,,2025-07-01\n\
         000.05.31.H29,Sở Tư pháp,2025-07-01,\n",
    )
    .unwrap();
    let f = overlapping.check_one_code_per_body(day(2025, 7, 1));
    assert_eq!(f.outcome, Outcome::Warning);
    assert_eq!(
        overlapping.check_one_code_per_body(day(2025, 7, 2)).outcome,
        Outcome::Pass
    );
}

#[test]
fn doc_01_an_empty_registry_passes_with_zero_codes() {
    let reg = InMemoryRegistry::new(vec![]).unwrap();
    let f = reg.check_one_code_per_body(day(2026, 1, 1));
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(f.evidence.unwrap()["valid_codes"], 0);
}
