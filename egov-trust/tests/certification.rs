//! TRUST-01 (NĐ 137/2024 Đ21.1): the certification code as its own type.

use egov_core::chrono::NaiveDate;
use egov_core::{Outcome, VnDateTime};
use egov_trust::{
    Assessment, CertificationCode, CertificationCodeError, Criterion, CriterionVerdict,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap()
}

fn code() -> CertificationCode {
    CertificationCode::new(
        " TNM-2026-000123 ",
        "Trung tâm Giám sát an toàn không gian mạng quốc gia",
        d(2026, 3, 1),
        Some(d(2027, 2, 28)),
        "dichvucong.example.gov.vn",
    )
    .unwrap()
}

fn assessment(outcome: Outcome) -> Assessment {
    let verdicts = Criterion::ALL
        .iter()
        .map(|&c| {
            let mut v = CriterionVerdict::from_findings(c, Vec::new());
            v.outcome = outcome;
            v
        })
        .collect();
    Assessment::new(at("2026-12-01T09:00:00+07:00"), verdicts)
}

#[test]
fn trust_01_a_code_held_for_this_system_in_its_validity_passes() {
    let c = code();
    assert_eq!(
        c.code, "TNM-2026-000123",
        "trimmed, otherwise kept as issued"
    );
    let f = c.check(
        "DichVuCong.example.gov.vn.",
        at("2026-12-04T10:00:00+07:00"),
        None,
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].outcome, Outcome::Pass);
    assert_eq!(f[0].rule, "TRUST-01");
    assert_eq!(f[0].basis.article, 21);
    assert_eq!(f[0].basis.clause, Some(1));
    assert!(f[0]
        .message_vi
        .contains("Mã chứng nhận tín nhiệm mạng TNM-2026-000123"));
}

#[test]
fn trust_01_a_code_for_another_system_fails() {
    let f = code().check("cong.other.gov.vn", at("2026-12-04T10:00:00+07:00"), None);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].outcome, Outcome::Fail);
    assert!(f[0].message.contains("not for «cong.other.gov.vn»"));
}

#[test]
fn trust_01_an_expired_or_future_dated_code_fails() {
    let c = code();
    let after = c.check(
        "dichvucong.example.gov.vn",
        at("2027-03-01T00:00:00+07:00"),
        None,
    );
    assert_eq!(after[0].outcome, Outcome::Fail);
    assert!(after[0]
        .message_vi
        .contains("hết hiệu lực từ ngày 28/02/2027"));
    // The last day of validity still counts.
    let last = c.check(
        "dichvucong.example.gov.vn",
        at("2027-02-28T23:59:59+07:00"),
        None,
    );
    assert_eq!(last[0].outcome, Outcome::Pass);
    let before = c.check(
        "dichvucong.example.gov.vn",
        at("2026-02-28T10:00:00+07:00"),
        None,
    );
    assert_eq!(before[0].outcome, Outcome::Fail);
    assert!(before[0].message.contains("after the evaluation date"));
}

#[test]
fn trust_01_a_code_beside_an_assessment_that_does_not_meet_the_criteria_warns() {
    let c = code();
    let now = at("2026-12-04T10:00:00+07:00");
    let ok = c.check(
        "dichvucong.example.gov.vn",
        now,
        Some(&assessment(Outcome::Pass)),
    );
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].outcome, Outcome::Pass);
    let failing = c.check(
        "dichvucong.example.gov.vn",
        now,
        Some(&assessment(Outcome::Fail)),
    );
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].outcome, Outcome::Warning);
    assert!(failing[0].message_vi.contains("sáu tiêu chí"));
}

#[test]
fn trust_01_shape_errors_are_typed() {
    let day = d(2026, 3, 1);
    let new = |code: &str, issuer: &str, until| {
        CertificationCode::new(code, issuer, day, until, "x.gov.vn")
    };
    assert_eq!(new("  ", "A", None), Err(CertificationCodeError::Empty));
    assert_eq!(
        new("A\nB", "A", None),
        Err(CertificationCodeError::ControlCharacter(1))
    );
    assert_eq!(new("X", " ", None), Err(CertificationCodeError::NoIssuer));
    assert_eq!(
        new(&"X".repeat(129), "A", None),
        Err(CertificationCodeError::TooLong(129))
    );
    assert!(matches!(
        new("X", "A", Some(d(2026, 2, 1))),
        Err(CertificationCodeError::ValidityReversed { .. })
    ));
}

#[test]
fn trust_01_serde_rejects_unknown_fields_and_a_bad_code_read_from_json_fails_the_check() {
    let json = r#"{"code":"","issuer":"A","issued_on":"2026-03-01","system":"x.gov.vn"}"#;
    let c: CertificationCode = serde_json::from_str(json).unwrap();
    let f = c.check("x.gov.vn", at("2026-12-04T10:00:00+07:00"), None);
    assert_eq!(f[0].outcome, Outcome::Fail);
    assert!(f[0].message_vi.contains("trống"));
    let extra =
        r#"{"code":"A","issuer":"A","issued_on":"2026-03-01","system":"x","self_declared":true}"#;
    assert!(serde_json::from_str::<CertificationCode>(extra).is_err());
}
