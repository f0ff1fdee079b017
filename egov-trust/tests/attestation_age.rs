//! TRUST-02.a and TRUST-02.đ (A-22, issue #11): an attestation is evidence only when it is dated
//! no later than the evaluation time and is not older than the maximum age for its criterion
//! (SDK defaults: a) 1826 days, đ) 30 days; overridable in the policy or the request).

use egov_core::Outcome;
use egov_trust::*;
use serde_json::{json, Value};

fn text(p: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../testdata/trust/{p}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Every criterion met at 2026-11-23 (as in `tests/request.rs`).
fn full() -> Value {
    let mut v: Value = serde_json::from_str(&text("attest-example.json")).unwrap();
    let extra = json!({
        "now": "2026-11-23T09:00:00+07:00",
        "host": "good.test.gov.vn",
        "tls": {"chain": text("certs/good.pem"), "version": "TLSv1.3", "cipher_suite": "TLS_AES_128_GCM_SHA256"},
        "page": {"html": "<html><a href='/bao-mat'>Bảo mật</a></html>"},
        "security_txt": {"content": text("securitytxt/good-test-gov-vn.txt"),
                         "fetched_from": "https://good.test.gov.vn/.well-known/security.txt"},
        "blocklist": {"source": "tinnhiemmang.vn snapshot (test)", "entries": "evil.vn\n"},
        "anchors": {"roots": text("certs/test-root.pem")},
    });
    for (k, val) in extra.as_object().unwrap() {
        v[k] = val.clone();
    }
    v
}

fn verdict(v: &Value, c: Criterion) -> CriterionVerdict {
    EvaluationRequest::from_json(&v.to_string())
        .unwrap()
        .prepare()
        .unwrap()
        .criterion(c)
}

fn with_scan_at(at: &str) -> Value {
    let mut v = full();
    v["malware_scan"]["at"] = json!(at);
    v
}

fn with_approval_at(at: &str) -> Value {
    let mut v = full();
    v["security_level"]["approved_at"] = json!(at);
    v
}

/// The finding about the attestation (the one naming its field).
fn attestation_finding<'a>(v: &'a CriterionVerdict, field: &str) -> &'a egov_core::Finding {
    v.findings
        .iter()
        .find(|f| f.field.as_deref() == Some(field))
        .unwrap_or_else(|| panic!("no finding on {field}: {:#?}", v.findings))
}

#[test]
fn trust_02dd_full_evidence_still_passes() {
    assert_eq!(verdict(&full(), Criterion::Dd).outcome, Outcome::Pass);
    assert_eq!(verdict(&full(), Criterion::A).outcome, Outcome::Pass);
}

#[test]
fn trust_02dd_future_dated_malware_scan_is_not_evidence() {
    let v = verdict(&with_scan_at("2026-12-01T09:00:00+07:00"), Criterion::Dd);
    assert_eq!(v.outcome, Outcome::Unknown, "{:#?}", v.findings);
    let f = attestation_finding(&v, "malware_scan");
    assert_eq!(f.outcome, Outcome::Unknown);
    assert_eq!(f.rule, "TRUST-02.đ");
    assert!(
        f.message.contains("after the evaluation time"),
        "{}",
        f.message
    );
    assert!(
        f.message_vi.contains("sau thời điểm đánh giá"),
        "{}",
        f.message_vi
    );
    // One second in the future is already the future.
    let v = verdict(&with_scan_at("2026-11-23T09:00:01+07:00"), Criterion::Dd);
    assert_eq!(v.outcome, Outcome::Unknown);
}

#[test]
fn trust_02dd_malware_scan_seven_years_old_is_stale() {
    let v = verdict(&with_scan_at("2019-11-23T09:00:00+07:00"), Criterion::Dd);
    assert_eq!(v.outcome, Outcome::Unknown, "{:#?}", v.findings);
    let f = attestation_finding(&v, "malware_scan");
    assert_eq!(f.outcome, Outcome::Unknown);
    assert!(f.message.contains("stale"), "{}", f.message);
    assert!(f.message.contains("2557 days old"), "{}", f.message);
    assert!(f.message.contains("limit 30 days"), "{}", f.message);
    assert!(f.message_vi.contains("quá cũ"), "{}", f.message_vi);
    assert!(f.message_vi.contains("2557 ngày"), "{}", f.message_vi);
    let e = f.evidence.as_ref().unwrap();
    assert_eq!(e["age_days"], 2557);
    assert_eq!(e["max_age_days"], 30);
}

#[test]
fn trust_02dd_malware_scan_default_limit_is_30_days() {
    // 2026-10-24T09:00 is 30 days before now: still current; a second earlier it is stale.
    let v = verdict(&with_scan_at("2026-10-24T09:00:00+07:00"), Criterion::Dd);
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    let v = verdict(&with_scan_at("2026-10-24T08:59:59+07:00"), Criterion::Dd);
    assert_eq!(v.outcome, Outcome::Unknown, "{:#?}", v.findings);
}

#[test]
fn trust_02dd_stale_scan_that_found_malware_is_not_a_pass_either() {
    let mut v = with_scan_at("2019-11-23T09:00:00+07:00");
    v["malware_scan"]["found_problems"] = json!(true);
    assert_ne!(verdict(&v, Criterion::Dd).outcome, Outcome::Pass);
}

#[test]
fn trust_02dd_max_scan_age_overridable_in_the_request() {
    let mut v = with_scan_at("2026-09-01T09:00:00+07:00");
    assert_eq!(verdict(&v, Criterion::Dd).outcome, Outcome::Unknown);
    v["max_attestation_age"] = json!({"malware_scan_days": 90});
    assert_eq!(verdict(&v, Criterion::Dd).outcome, Outcome::Pass);
    // Only the key given changes: a) keeps its default.
    let p = EvaluationRequest::from_json(&v.to_string())
        .unwrap()
        .prepare()
        .unwrap();
    assert_eq!(p.policy.max_attestation_age.malware_scan_days, 90);
    assert_eq!(p.policy.max_attestation_age.security_level_days, 1826);
    // A misspelt key is an error, not silently the default.
    v["max_attestation_age"] = json!({"malware_scan": 90});
    assert!(EvaluationRequest::from_json(&v.to_string()).is_err());
}

#[test]
fn trust_02dd_max_scan_age_overridable_in_the_policy() {
    let mut v = with_scan_at("2026-11-01T09:00:00+07:00");
    let mut policy = TlsPolicy::default();
    policy.max_attestation_age.malware_scan_days = 7;
    v["policy"] = json!(policy.to_toml());
    assert_eq!(verdict(&v, Criterion::Dd).outcome, Outcome::Unknown);
    v["policy"] = serde_json::to_value(&policy).unwrap();
    assert_eq!(verdict(&v, Criterion::Dd).outcome, Outcome::Unknown);
    // The request's key wins over the policy's.
    v["max_attestation_age"] = json!({"malware_scan_days": 30});
    assert_eq!(verdict(&v, Criterion::Dd).outcome, Outcome::Pass);
}

#[test]
fn trust_02_policy_without_attestation_ages_keeps_working() {
    // A policy written before the attestation ages existed (no [max_attestation_age] table)
    // still loads, with the documented defaults.
    let mut old: Value = serde_json::to_value(TlsPolicy::default()).unwrap();
    old.as_object_mut().unwrap().remove("max_attestation_age");
    let p = TlsPolicy::from_json(&old.to_string()).unwrap();
    assert_eq!(p.max_attestation_age, AttestationMaxAge::default());
    assert_eq!(
        AttestationMaxAge::default(),
        AttestationMaxAge {
            security_level_days: 1826,
            malware_scan_days: 30
        }
    );
    let toml = TlsPolicy::default().to_toml();
    assert!(toml.contains("[max_attestation_age]"), "{toml}");
    let cut = toml.split("[max_attestation_age]").next().unwrap();
    assert_eq!(
        TlsPolicy::from_toml(cut).unwrap().max_attestation_age,
        AttestationMaxAge::default()
    );
}

#[test]
fn trust_02a_future_dated_approval_is_not_evidence() {
    let v = verdict(&with_approval_at("2027-01-01T00:00:00+07:00"), Criterion::A);
    assert_eq!(v.outcome, Outcome::Unknown);
    let f = attestation_finding(&v, "approved_at");
    assert!(
        f.message.contains("after the evaluation time"),
        "{}",
        f.message
    );
}

#[test]
fn trust_02a_approval_older_than_five_years_is_stale() {
    // 2021-11-01 is 1848 days before 2026-11-23: over the 1826-day default.
    let v = verdict(&with_approval_at("2021-11-01T00:00:00+07:00"), Criterion::A);
    assert_eq!(v.outcome, Outcome::Unknown, "{:#?}", v.findings);
    let f = attestation_finding(&v, "approved_at");
    assert_eq!(f.rule, "TRUST-02.a");
    assert!(f.message.contains("stale"), "{}", f.message);
    assert!(f.message.contains("limit 1826 days"), "{}", f.message);
    assert!(f.message_vi.contains("quá cũ"), "{}", f.message_vi);
    // Four years and eleven months: current.
    let v = verdict(&with_approval_at("2022-01-01T00:00:00+07:00"), Criterion::A);
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
}

#[test]
fn trust_02a_max_approval_age_overridable() {
    let mut v = full(); // approved 2025-05-01: 571 days before now
    v["max_attestation_age"] = json!({"security_level_days": 365});
    assert_eq!(verdict(&v, Criterion::A).outcome, Outcome::Unknown);
    let mut v = with_approval_at("2016-07-01T00:00:00+07:00");
    v["max_attestation_age"] = json!({"security_level_days": 4000});
    assert_eq!(verdict(&v, Criterion::A).outcome, Outcome::Pass);
}

#[test]
fn trust_04_declaration_states_the_attestation_ages() {
    let d = EvaluationRequest::from_json(&full().to_string())
        .unwrap()
        .prepare()
        .unwrap()
        .declare();
    assert_eq!(d.policy_settings.max_attestation_age.malware_scan_days, 30);
    let en = d.to_markdown(Lang::En);
    assert!(
        en.contains("| Attestation max age | a) 1826 days, đ) 30 days |"),
        "{en}"
    );
    let vi = d.to_markdown(Lang::Vi);
    assert!(
        vi.contains("| Tuổi tối đa của bằng chứng xác nhận | a) 1826 ngày, đ) 30 ngày |"),
        "{vi}"
    );
}
