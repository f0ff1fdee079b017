//! TRUST-02.a, TRUST-02.b and TRUST-03: attestation-based criteria and the overall verdict.

use egov_core::{Outcome, VnDateTime};
use egov_trust::{
    evaluate_consent, evaluate_security_level, Assessment, AttestationMaxAge, ConsentCommitment,
    Criterion, CriterionVerdict, SecurityLevelAttestation,
};

/// The default age limit of a) (five years).
const DAYS: u32 = AttestationMaxAge::SECURITY_LEVEL_DAYS;

fn t(s: &str) -> VnDateTime {
    VnDateTime::parse_local(s).unwrap()
}

fn level(level: u8, reference: &str) -> SecurityLevelAttestation {
    SecurityLevelAttestation {
        level,
        approval_reference: reference.into(),
        approved_at: t("2025-03-01"),
        approved_by: Some("Sở KH&CN".into()),
    }
}

#[test]
fn trust_02a_level_attestation() {
    let now = t("2026-11-23");
    assert_eq!(
        evaluate_security_level(None, now, DAYS).outcome,
        Outcome::Unknown
    );
    let v = evaluate_security_level(Some(&level(3, "123/QĐ-STTTT")), now, DAYS);
    assert_eq!(v.outcome, Outcome::Pass);
    assert_eq!(v.findings[0].rule, "TRUST-02.a");
    assert_eq!(v.findings[0].basis.to_string(), "NĐ 137/2024/NĐ-CP Đ21.2.a");
    assert_eq!(
        evaluate_security_level(Some(&level(6, "1/QĐ")), now, DAYS).outcome,
        Outcome::Fail
    );
    assert_eq!(
        evaluate_security_level(Some(&level(2, " ")), now, DAYS).outcome,
        Outcome::Unknown
    );
    assert_eq!(
        evaluate_security_level(Some(&level(2, "1/QĐ")), t("2024-01-01"), DAYS).outcome,
        Outcome::Unknown
    );
}

#[test]
fn trust_02a_approval_age_limit() {
    let now = t("2026-11-23");
    let at = |d: &str| SecurityLevelAttestation {
        approved_at: t(d),
        ..level(3, "123/QĐ-STTTT")
    };
    // 1826 days before now is the last current day; a day more is stale.
    assert_eq!(
        evaluate_security_level(Some(&at("2021-11-23")), now, DAYS).outcome,
        Outcome::Pass
    );
    let v = evaluate_security_level(Some(&at("2021-11-22")), now, DAYS);
    assert_eq!(v.outcome, Outcome::Unknown);
    assert_eq!(v.findings[0].field.as_deref(), Some("approved_at"));
    assert!(v.findings[0]
        .message
        .contains("1827 days old, limit 1826 days"));
    let e = v.findings[0].evidence.as_ref().unwrap();
    assert_eq!(e["age_days"], 1827);
    assert_eq!(e["level_scheme"], "NĐ 85/2016/NĐ-CP");
    assert_eq!(e["attestation"]["level"], 3);
    // A shorter limit of the caller's.
    assert_eq!(
        evaluate_security_level(Some(&at("2025-03-01")), now, 365).outcome,
        Outcome::Unknown
    );
    // A level outside 1–5 still fails, whatever the date.
    let bad = SecurityLevelAttestation {
        level: 9,
        ..at("2010-01-01")
    };
    assert_eq!(
        evaluate_security_level(Some(&bad), now, DAYS).outcome,
        Outcome::Fail
    );
}

#[test]
fn trust_02b_consent_commitment() {
    let cm = ConsentCommitment {
        url: "https://dichvucong.gov.vn/p/home/dvc-chinh-sach-bao-mat.html".into(),
        text: "Chúng tôi chỉ thu thập dữ liệu cá nhân khi được người dùng đồng ý.".into(),
    };
    assert_eq!(evaluate_consent(None, None).outcome, Outcome::Unknown);
    assert_eq!(evaluate_consent(Some(&cm), None).outcome, Outcome::Pass);
    let linked =
        [
            url::Url::parse("https://DICHVUCONG.gov.vn/p/home/dvc-chinh-sach-bao-mat.html#top")
                .unwrap(),
        ];
    assert_eq!(
        evaluate_consent(Some(&cm), Some(&linked)).outcome,
        Outcome::Pass
    );
    let other = [url::Url::parse("https://dichvucong.gov.vn/other").unwrap()];
    assert_eq!(
        evaluate_consent(Some(&cm), Some(&other)).outcome,
        Outcome::Unknown
    );
    let empty = ConsentCommitment {
        text: " ".into(),
        ..cm.clone()
    };
    assert_eq!(
        evaluate_consent(Some(&empty), None).outcome,
        Outcome::Unknown
    );
    let bad = ConsentCommitment {
        url: "javascript:alert(1)".into(),
        ..cm
    };
    assert_eq!(evaluate_consent(Some(&bad), None).outcome, Outcome::Unknown);
}

#[test]
fn trust_03_all_six_must_pass() {
    let now = t("2026-11-23");
    let pass = |c| {
        CriterionVerdict::from_findings(
            c,
            vec![egov_core::Finding::new(
                c.rule(),
                c.basis(),
                Outcome::Pass,
                "ok",
                "đạt",
            )],
        )
    };
    let all: Vec<_> = Criterion::ALL.iter().map(|&c| pass(c)).collect();
    let a = Assessment::new(now, all.clone());
    assert!(a.meets_criteria);
    assert_eq!(a.outcome, Outcome::Pass);
    // Five passing and one missing: unknown, not met.
    let a = Assessment::new(now, all[..5].to_vec());
    assert_eq!(a.outcome, Outcome::Unknown);
    assert!(!a.meets_criteria);
    assert_eq!(a.verdicts.len(), 6);
    // One failing: fail.
    let mut v = all.clone();
    v[2] = CriterionVerdict::from_findings(
        Criterion::C,
        vec![egov_core::Finding::new(
            "TRUST-02.c",
            Criterion::C.basis(),
            Outcome::Fail,
            "x",
            "x",
        )],
    );
    assert_eq!(Assessment::new(now, v).outcome, Outcome::Fail);
    assert_eq!(
        Criterion::Dd.basis().to_string_vi(),
        "điểm đ khoản 2 Điều 21 NĐ 137/2024/NĐ-CP"
    );
    assert_eq!(serde_json::to_string(&Criterion::Dd).unwrap(), "\"đ\"");
}
