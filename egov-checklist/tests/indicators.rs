//! OTH-39 and OTH-40 (NĐ 137/2024 Đ10.3–10.5): direction indicators.

use egov_checklist::indicators::{
    check_indicator, check_indicators, Indicator, IndicatorGroup, IndicatorSet,
};
use egov_core::Outcome;

const SEED: &str = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");

fn full() -> Indicator {
    serde_json::from_value(serde_json::json!({
        "code": "KT-01", "name": "Tăng trưởng GRDP quý",
        "set": "provincial_leaders", "group": "daily_monthly_socio_economic",
        "method": "GRDP quý này so với cùng kỳ năm trước", "unit": "%",
        "attributes": ["giá so sánh 2010"], "breakdowns": ["khu vực kinh tế", "huyện"],
        "period": "quý", "source": "Cục Thống kê tỉnh", "comparability": "so sánh cùng kỳ",
        "criteria": ["a", "đ"]
    }))
    .unwrap()
}

fn outcomes(f: &[egov_core::Finding], rule: &str) -> Vec<Outcome> {
    f.iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.outcome)
        .collect()
}

#[test]
fn oth_39_every_indicator_has_the_seven_elements_of_d10_4_d() {
    assert!(SEED.contains("phải có phương pháp tính, đơn vị đo lường; xác định rõ ràng các thuộc tính, phân tổ chủ yếu, kỳ dữ liệu, nguồn dữ liệu và khả năng so sánh"));
    let f = check_indicator(&full());
    assert_eq!(outcomes(&f, "OTH-39"), vec![Outcome::Pass]);
    let mut i = full();
    i.unit = " ".into();
    i.breakdowns = vec!["".into()];
    i.comparability.clear();
    let f = check_indicator(&i);
    let fails: Vec<_> = f.iter().filter(|f| f.rule == "OTH-39").collect();
    assert_eq!(fails.len(), 3);
    assert!(fails.iter().all(|f| f.outcome == Outcome::Fail));
    assert!(fails[0].message_vi.contains("đơn vị đo lường"));
    assert!(fails[1].message_vi.contains("phân tổ chủ yếu"));
    assert!(fails[2].message_vi.contains("khả năng so sánh"));
    assert_eq!(fails[0].basis.to_string(), "NĐ 137/2024/NĐ-CP Đ10.4.d");
}

#[test]
fn oth_40_indicator_needs_one_of_five_criteria() {
    assert!(SEED.contains("Chỉ số phục vụ chỉ đạo, điều hành được lựa chọn phải đáp ứng một trong các tiêu chí sau đây"));
    let mut i = full();
    assert_eq!(
        outcomes(&check_indicator(&i), "OTH-40"),
        vec![Outcome::Pass]
    );
    i.criteria.clear();
    let f = check_indicator(&i);
    assert_eq!(outcomes(&f, "OTH-40"), vec![Outcome::Fail]);
    let one = f.iter().find(|f| f.rule == "OTH-40").unwrap();
    assert_eq!(one.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ10.5");
    // One criterion is enough; "đ" and "dd" are the same point.
    let single: Indicator = serde_json::from_value(serde_json::json!({
        "code": "X", "name": "X", "set": "other_agency", "group": "other", "criteria": ["dd"]
    }))
    .unwrap();
    let f = check_indicator(&single);
    assert_eq!(outcomes(&f, "OTH-40"), vec![Outcome::Pass]);
    assert!(f
        .iter()
        .any(|f| f.rule == "OTH-40" && f.message_vi.contains("tiêu chí đ")));
    // An unknown criterion letter is an error, not ignored.
    assert!(serde_json::from_value::<Indicator>(serde_json::json!({
        "code": "X", "name": "X", "set": "other_agency", "group": "other", "criteria": ["e"]
    }))
    .is_err());
}

#[test]
fn oth_39_groups_listed_for_each_set_of_d10_3() {
    // Đ10.3.c lists six groups for a province; one indicator covers one.
    let f = check_indicators(&[full()]);
    let warnings: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "OTH-39" && f.outcome == Outcome::Warning)
        .collect();
    assert_eq!(warnings.len(), 5, "{warnings:#?}");
    assert!(warnings
        .iter()
        .all(|w| w.basis.to_string() == "NĐ 137/2024/NĐ-CP Đ10.3.c"));
    assert!(warnings
        .iter()
        .any(|w| w.message_vi.contains("Nghị quyết Hội đồng nhân dân")));
    // Ad hoc groups are the Government's (a), not a province's (c).
    let mut odd = full();
    odd.code = "DX-01".into();
    odd.group = IndicatorGroup::AdHoc;
    let f = check_indicators(&[full(), odd]);
    assert!(f
        .iter()
        .any(|f| f.outcome == Outcome::Warning && f.message.contains("DX-01")));
    // Another agency's own set (Đ10.3.d) has no listed groups.
    assert!(IndicatorSet::OtherAgency.listed_groups().0.is_empty());
    let (gov, point) = IndicatorSet::Government.listed_groups();
    assert_eq!((gov.len(), point), (4, Some("a")));
}
