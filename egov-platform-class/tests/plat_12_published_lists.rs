//! PLAT-12 (NĐ 137/2024 Đ18.4.b–c): the lists the Ministry publishes, as dated data the caller
//! records, compared with the counting source and the platform's own determination.

use chrono::NaiveDate;
use egov_core::{ErrorCode, Outcome};
use egov_platform_class::{
    check_count_source, check_platform_listing, PublishedList, PublishedListKind, Scale,
    UserCountSource,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TOOLS: &str = r#"{
  "format": "egov-published-list/1",
  "kind": "measurement_tools",
  "published_on": "2026-01-15",
  "source": "https://example.gov.vn/danh-sach-cong-cu",
  "description": "illustrative: not a published list",
  "entries": [
    {"name": "Công cụ  Đo lường A"},
    {"name": "Nguồn số liệu B", "listed_from": "2026-03-01", "listed_to": "2026-06-30"}
  ]
}"#;

const PLATFORMS: &str = r#"{
  "format": "egov-published-list/1",
  "kind": "platforms",
  "published_on": "2026-02-01",
  "source": "https://www.mic.gov.vn/",
  "entries": [
    {"name": "Sàn X", "scale": "very_large"},
    {"name": "Ứng dụng Y", "scale": "large"}
  ]
}"#;

#[test]
fn plat_12_a_listed_tool_passes_and_names_the_list_version() {
    let list = PublishedList::from_json(TOOLS).unwrap();
    assert_eq!(list.kind, PublishedListKind::MeasurementTools);
    let source = UserCountSource::IndependentTool("công cụ đo lường a".into());
    let f = check_count_source(&source, &list, day(2026, 2, 1)).unwrap();
    assert_eq!(f.outcome, Outcome::Pass, "{}", f.message);
    assert_eq!(f.rule, "PLAT-12");
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ18.4.c");
    let ev = f.evidence.unwrap();
    assert_eq!(ev["list"]["published_on"], "2026-01-15");
    assert_eq!(
        ev["list"]["source"],
        "https://example.gov.vn/danh-sach-cong-cu"
    );
}

#[test]
fn plat_12_a_name_typed_decomposed_finds_the_composed_entry_and_diacritics_count() {
    let list = PublishedList::from_json(TOOLS).unwrap();
    // «Công cụ Đo lường A» decomposed (NFD), as macOS and some web forms send it.
    let nfd = "Co\u{0302}ng cu\u{0323}  \u{0110}o lu\u{031b}o\u{031b}\u{0300}ng A";
    assert!(list.find(nfd, day(2026, 2, 1)).is_some());
    let source = UserCountSource::IndependentTool(nfd.into());
    let f = check_count_source(&source, &list, day(2026, 2, 1)).unwrap();
    assert_eq!(f.outcome, Outcome::Pass, "{}", f.message);
    // Without its diacritics it is another name.
    assert!(list.find("Cong cu Do luong A", day(2026, 2, 1)).is_none());
}

#[test]
fn plat_12_listing_has_dates_and_an_unlisted_tool_is_a_warning_not_a_failure() {
    let list = PublishedList::from_json(TOOLS).unwrap();
    let b = UserCountSource::TrustedReference("Nguồn số liệu B".into());
    assert_eq!(
        check_count_source(&b, &list, day(2026, 2, 28))
            .unwrap()
            .outcome,
        Outcome::Warning
    );
    assert_eq!(
        check_count_source(&b, &list, day(2026, 3, 1))
            .unwrap()
            .outcome,
        Outcome::Pass
    );
    assert_eq!(
        check_count_source(&b, &list, day(2026, 6, 30))
            .unwrap()
            .outcome,
        Outcome::Pass
    );
    let after = check_count_source(&b, &list, day(2026, 7, 1)).unwrap();
    assert_eq!(after.outcome, Outcome::Warning);
    assert!(after.message_vi.contains("không bắt buộc"));
    // Counted by egov or by the platform: nothing to compare with the list.
    assert!(check_count_source(&UserCountSource::EgovCounter, &list, day(2026, 3, 1)).is_none());
    assert!(check_count_source(&UserCountSource::SelfMeasured, &list, day(2026, 3, 1)).is_none());
}

#[test]
fn plat_12_platform_listing_agrees_or_is_reconciled() {
    let list = PublishedList::from_json(PLATFORMS).unwrap();
    let on = day(2026, 3, 1);
    let f = check_platform_listing("Sàn X", Scale::VeryLarge, &list, on);
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ18.4.b");
    let f = check_platform_listing("Sàn X", Scale::Large, &list, on);
    assert_eq!(f.outcome, Outcome::Warning);
    assert!(f.message_vi.contains("quy mô rất lớn") && f.message_vi.contains("quy mô lớn"));
    // Not listed and below the thresholds: they agree.
    assert_eq!(
        check_platform_listing("Trang Z", Scale::BelowThreshold, &list, on).outcome,
        Outcome::Pass
    );
    // Large by its own count, not on the list: reconcile.
    assert_eq!(
        check_platform_listing("Trang Z", Scale::Large, &list, on).outcome,
        Outcome::Warning
    );
    // Listed but below by its own count.
    assert_eq!(
        check_platform_listing("Ứng dụng Y", Scale::BelowThreshold, &list, on).outcome,
        Outcome::Warning
    );
    // Before the list was published, nothing is listed.
    assert_eq!(
        check_platform_listing("Sàn X", Scale::BelowThreshold, &list, day(2026, 1, 31)).outcome,
        Outcome::Pass
    );
}

#[test]
fn plat_12_the_wrong_list_is_reported() {
    let tools = PublishedList::from_json(TOOLS).unwrap();
    let platforms = PublishedList::from_json(PLATFORMS).unwrap();
    let f = check_platform_listing("Sàn X", Scale::VeryLarge, &tools, day(2026, 3, 1));
    assert_eq!(f.outcome, Outcome::Warning);
    let tool = UserCountSource::IndependentTool("Công cụ Đo lường A".into());
    assert_eq!(
        check_count_source(&tool, &platforms, day(2026, 3, 1))
            .unwrap()
            .outcome,
        Outcome::Warning
    );
}

#[test]
fn plat_12_bad_list_files_are_typed_errors() {
    let cases = [
        (
            TOOLS.replace("egov-published-list/1", "v2"),
            "published_list.format",
        ),
        (
            TOOLS.replace("https://example.gov.vn/danh-sach-cong-cu", " "),
            "published_list.no_source",
        ),
        (
            TOOLS.replace("Công cụ  Đo lường A", ""),
            "published_list.empty_name",
        ),
        (
            TOOLS.replace("\"2026-06-30\"", "\"2026-02-01\""),
            "published_list.interval",
        ),
        (
            PLATFORMS.replace(", \"scale\": \"large\"", ""),
            "published_list.scale",
        ),
        (
            PLATFORMS.replace("\"large\"", "\"below_threshold\""),
            "published_list.scale",
        ),
        (
            TOOLS.replace(
                "{\"name\": \"Công cụ  Đo lường A\"}",
                "{\"name\": \"A\", \"scale\": \"large\"}",
            ),
            "published_list.scale",
        ),
        (
            TOOLS.replace("\"entries\"", "\"entry\""),
            "published_list.json",
        ),
        ("[]".to_owned(), "published_list.json"),
    ];
    for (text, code) in cases {
        let err = PublishedList::from_json(&text).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(!err.message_vi().is_empty());
    }
}

#[test]
fn plat_12_report_compares_the_lists_given() {
    use egov_core::WorkingCalendar;
    use egov_platform_class::{
        build_report, ClassificationInput, Intermediary, MonthlyCount, ReportContext, YearMonth,
    };
    // March 2025 to February 2026, 5 M a month: large (3 % to 10 % of about 100 M).
    let months = (3..=14)
        .map(|m| MonthlyCount {
            month: YearMonth::new(2025 + (m as i32 - 1) / 12, (m - 1) % 12 + 1).unwrap(),
            active_users: 5_000_000,
        })
        .collect();
    let input = ClassificationInput {
        monthly: months,
        population: None,
        thresholds: None,
        source: UserCountSource::IndependentTool("Công cụ Đo lường A".into()),
        intermediary: Intermediary::Attested,
        counting: None,
    };
    let context = ReportContext {
        published_lists: vec![
            PublishedList::from_json(TOOLS).unwrap(),
            PublishedList::from_json(PLATFORMS).unwrap(),
        ],
        platform_name: Some("Sàn X".into()),
        ..ReportContext::default()
    };
    let report = build_report(
        &input,
        day(2026, 3, 1),
        &context,
        &WorkingCalendar::vietnam(),
    )
    .unwrap();
    let outcomes: Vec<Outcome> = report.published_lists.iter().map(|f| f.outcome).collect();
    // The tool is listed; Sàn X is published as very large while its own count says large.
    assert_eq!(outcomes, [Outcome::Pass, Outcome::Warning]);
    assert!(report
        .citations
        .iter()
        .any(|c| c.to_string() == "NĐ 137/2024/NĐ-CP Đ18.4.b"));
    assert!(report.to_markdown().contains("Danh sách do Bộ công bố"));
    // Without the name, the platforms list cannot be compared and says so.
    let no_name = ReportContext {
        platform_name: None,
        ..context
    };
    let report = build_report(
        &input,
        day(2026, 3, 1),
        &no_name,
        &WorkingCalendar::vietnam(),
    )
    .unwrap();
    assert_eq!(report.published_lists[1].outcome, Outcome::Unknown);
}
