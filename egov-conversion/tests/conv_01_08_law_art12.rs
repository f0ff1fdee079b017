//! CONV-01 and CONV-08 (NĐ 137/2024 Đ4 and Đ5 lead-ins): the conversion against khoản 1 and 2
//! of Điều 12 of the Law on E-Transactions, one finding per point of the Law.

use egov_conversion::law_art12::{check_law_art12, Art12Facts};
use egov_conversion::{AccessLocator, ConversionMark, Profile, SourceSystem, Wording};
use egov_core::{Outcome, VnDateTime};

fn at() -> VnDateTime {
    VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap()
}

fn paper_to_data(converter: &str) -> ConversionMark {
    ConversionMark::paper_to_data(Profile::General, at(), converter, &Wording::sdk_default())
}

fn data_to_paper() -> ConversionMark {
    ConversionMark::data_to_paper(
        Profile::General,
        at(),
        "Bộ phận Một cửa phường Bến Nghé",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính TP.HCM".into(),
            owner_name: "Ủy ban nhân dân Thành phố Hồ Chí Minh".into(),
            locator: AccessLocator::FullUrl {
                url: "https://dichvucong.hochiminhcity.gov.vn/tra-cuu/HS-2026-000123".into(),
            },
        },
        &Wording::sdk_default(),
    )
}

fn outcomes(r: &egov_core::Report) -> Vec<(String, Outcome)> {
    r.findings
        .iter()
        .map(|f| (f.basis.point.as_deref().unwrap_or("").to_owned(), f.outcome))
        .collect()
}

#[test]
fn conv_01_paper_to_data_checks_the_four_points_of_khoan_1() {
    let facts = Art12Facts {
        content_intact: Some(true),
        accessible_for_reference: Some(true),
        licence_like: Some(false),
        ..Art12Facts::default()
    };
    let r = check_law_art12(&paper_to_data("Văn phòng UBND tỉnh Bắc Ninh"), &facts);
    assert_eq!(
        outcomes(&r),
        [
            ("a".into(), Outcome::Pass),
            ("b".into(), Outcome::Pass),
            ("c".into(), Outcome::Pass),
            ("d".into(), Outcome::Pass)
        ]
    );
    for f in &r.findings {
        assert_eq!(f.rule, "CONV-01");
        assert_eq!(f.basis.article, 12);
        assert_eq!(f.basis.clause, Some(1));
        assert!(f.basis.to_string().contains("20/2023/QH15"), "{}", f.basis);
        let ev = f.evidence.as_ref().unwrap();
        assert_eq!(ev["required_by"], "NĐ 137/2024/NĐ-CP Đ4");
        assert!(ev["source_of_the_law_text"]
            .as_str()
            .unwrap()
            .contains("not among the seeds"));
    }
}

#[test]
fn conv_01_facts_not_given_are_unknown_and_name_the_field() {
    let r = check_law_art12(
        &paper_to_data("Văn phòng UBND tỉnh Bắc Ninh"),
        &Art12Facts::default(),
    );
    assert_eq!(r.overall(), Outcome::Unknown);
    let a = &r.findings[0];
    assert_eq!(a.outcome, Outcome::Unknown);
    assert!(a.message_vi.contains("content_intact"));
    assert!(r.findings[3].message.contains("licence_like"));
}

#[test]
fn conv_01_a_mark_egov_rejects_fails_point_c() {
    // No converter name: the mark fails CONV-02, so point c of the Law is not met.
    let r = check_law_art12(
        &paper_to_data("  "),
        &Art12Facts {
            content_intact: Some(true),
            ..Art12Facts::default()
        },
    );
    let c = r
        .findings
        .iter()
        .find(|f| f.basis.point.as_deref() == Some("c"))
        .unwrap();
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.message.contains("CONV-02"), "{}", c.message);
    assert_eq!(r.overall(), Outcome::Fail);
}

#[test]
fn conv_01_point_d_a_licence_needs_the_converters_digital_signature() {
    let mark = paper_to_data("Sở Tư pháp tỉnh Bắc Ninh");
    let d = |facts: Art12Facts| {
        check_law_art12(&mark, &facts)
            .findings
            .into_iter()
            .find(|f| f.basis.point.as_deref() == Some("d"))
            .unwrap()
            .outcome
    };
    let licence = Art12Facts {
        licence_like: Some(true),
        ..Art12Facts::default()
    };
    assert_eq!(d(licence), Outcome::Unknown);
    assert_eq!(
        d(Art12Facts {
            digitally_signed: Some(true),
            ..licence
        }),
        Outcome::Pass
    );
    assert_eq!(
        d(Art12Facts {
            digitally_signed: Some(false),
            ..licence
        }),
        Outcome::Fail
    );
    assert_eq!(
        d(Art12Facts {
            digitally_signed: Some(false),
            law_provides_otherwise: Some(true),
            ..licence
        }),
        Outcome::Pass
    );
    assert_eq!(
        d(Art12Facts {
            licence_like: Some(false),
            digitally_signed: Some(false),
            ..licence
        }),
        Outcome::Pass
    );
}

#[test]
fn conv_08_data_to_paper_checks_the_three_points_of_khoan_2() {
    let r = check_law_art12(
        &data_to_paper(),
        &Art12Facts {
            content_intact: Some(false),
            ..Art12Facts::default()
        },
    );
    assert_eq!(
        outcomes(&r),
        [
            ("a".into(), Outcome::Fail),
            ("b".into(), Outcome::Pass),
            ("c".into(), Outcome::Pass)
        ]
    );
    assert!(r
        .findings
        .iter()
        .all(|f| f.rule == "CONV-08" && f.basis.clause == Some(2)));
    assert_eq!(
        r.findings[0].evidence.as_ref().unwrap()["required_by"],
        "NĐ 137/2024/NĐ-CP Đ5"
    );
    assert!(r.findings[1]
        .message_vi
        .contains("chủ quản hệ thống thông tin"));
}

#[test]
fn conv_08_a_paper_without_its_system_fails_point_b() {
    let mut mark = data_to_paper();
    mark.source_system = None;
    let r = check_law_art12(
        &mark,
        &Art12Facts {
            content_intact: Some(true),
            ..Art12Facts::default()
        },
    );
    assert_eq!(r.findings[1].outcome, Outcome::Fail);
    assert!(
        r.findings[1].message.contains("CONV-09"),
        "{}",
        r.findings[1].message
    );
}

#[test]
fn conv_01_facts_json_refuses_misspelt_fields() {
    let f: Art12Facts =
        serde_json::from_str(r#"{"content_intact": true, "licence_like": false}"#).unwrap();
    assert_eq!(f.content_intact, Some(true));
    assert!(serde_json::from_str::<Art12Facts>(r#"{"content_intakt": true}"#).is_err());
}
