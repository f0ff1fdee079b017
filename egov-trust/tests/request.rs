//! TRUST-02…04 through the JSON request form (`egov_trust::request`) that the bindings and
//! `egov trust --attest` take: the same verdicts as the typed evidence, and typed errors that
//! say which part was wrong.

use egov_core::{ErrorCode, Outcome};
use egov_trust::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn text(p: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../testdata/trust/{p}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The full evidence of `tests/site.rs` (all six criteria met) in its JSON form.
fn full() -> Value {
    let mut v: Value = serde_json::from_str(&text("attest-example.json")).unwrap();
    let extra = json!({
        "now": "2026-11-23T09:00:00+07:00",
        "host": "good.test.gov.vn",
        "tls": {"chain": text("certs/good.pem"), "version": "TLSv1.3", "cipher_suite": "TLS_AES_128_GCM_SHA256"},
        "page": {"html": "<html><a href='/bao-mat'>Bảo mật</a><script src='/app.js'></script></html>"},
        "security_txt": {"content": text("securitytxt/good-test-gov-vn.txt")},
        "blocklist": {"source": "tinnhiemmang.vn snapshot (test)", "fetched_at": "2026-11-22T00:00:00+07:00",
                      "entries": "evil.vn\n198.51.100.0/24\n"},
        "anchors": {"roots": text("certs/test-root.pem")},
    });
    for (k, val) in extra.as_object().unwrap() {
        v[k] = val.clone();
    }
    v
}

fn prepare(v: &Value) -> Result<PreparedEvaluation, RequestError> {
    EvaluationRequest::from_json(&v.to_string())?.prepare()
}

#[test]
fn trust_03_request_with_full_evidence_meets_all_six() {
    let p = prepare(&full()).unwrap();
    let a = p.assess();
    for v in &a.verdicts {
        assert_eq!(
            v.outcome,
            Outcome::Pass,
            "{:?}: {:#?}",
            v.criterion,
            v.findings
        );
    }
    assert!(a.meets_criteria);
    // The page URL defaults to https://HOST/, the system URL is the attested one.
    assert_eq!(
        p.evidence.page.as_ref().unwrap().url.as_str(),
        "https://good.test.gov.vn/"
    );
    assert_eq!(
        p.evidence.addresses,
        ["192.0.2.10".parse::<std::net::IpAddr>().unwrap()]
    );
}

#[test]
fn trust_02_one_criterion_equals_the_site_verdict() {
    let mut v = full();
    v["addresses"] = json!(["198.51.100.3"]);
    v["page"]["html"] = json!("<a href='http://evil.vn/x'>x</a>");
    let p = prepare(&v).unwrap();
    let a = p.assess();
    for c in [
        Criterion::A,
        Criterion::B,
        Criterion::C,
        Criterion::D,
        Criterion::Dd,
        Criterion::E,
    ] {
        assert_eq!(&p.criterion(c), a.verdict(c).unwrap(), "{c:?}");
    }
    assert_eq!(p.criterion(Criterion::D).outcome, Outcome::Fail);
    assert_eq!(p.criterion(Criterion::Dd).outcome, Outcome::Fail);
    // The consent page is no longer linked: b) cannot be shown.
    assert_eq!(p.criterion(Criterion::B).outcome, Outcome::Unknown);
    let links = p.links().unwrap().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].url.as_ref().unwrap().as_str(), "http://evil.vn/x");
}

#[test]
fn trust_02c_builtin_roots_do_not_trust_the_test_ca() {
    let mut v = full();
    v.as_object_mut().unwrap().remove("anchors");
    let c = prepare(&v).unwrap().criterion(Criterion::C);
    assert_eq!(c.outcome, Outcome::Fail, "{:#?}", c.findings);
    v["anchors"] = json!({"roots": text("certs/test-root.pem"), "with_builtin": true});
    assert_eq!(
        prepare(&v).unwrap().criterion(Criterion::C).outcome,
        Outcome::Pass
    );
}

#[test]
fn trust_02c_policy_as_text_or_settings() {
    let mut v = full();
    let mut strict = TlsPolicy {
        name: "strict (test)".into(),
        ..TlsPolicy::default()
    };
    strict.versions.remove("TLSv1.3");
    v["policy"] = serde_json::to_value(&strict).unwrap();
    let c = prepare(&v).unwrap().criterion(Criterion::C);
    assert_eq!(c.outcome, Outcome::Fail, "TLS 1.3 unlisted is insufficient");
    v["policy"] = json!(strict.to_toml());
    let p = prepare(&v).unwrap();
    assert_eq!(p.policy.name, "strict (test)");
    assert_eq!(p.criterion(Criterion::C).outcome, Outcome::Fail);
    assert_eq!(p.declare().policy, "strict (test)");
}

#[test]
fn trust_04_declaration_from_request_names_the_context() {
    let d = prepare(&full()).unwrap().declare();
    assert!(d.meets_criteria);
    assert_eq!(d.system.name, "Cổng dịch vụ công (ví dụ)");
    assert_eq!(d.anchors, "1 caller-supplied roots");
    assert_eq!(
        d.blocklist_source.as_deref(),
        Some("tinnhiemmang.vn snapshot (test)")
    );
    assert_eq!(d.evaluated_at.to_string(), "2026-11-23T09:00:00+07:00");
    // Read by people in Vietnamese: the anchors, the evaluation and advisory-list times.
    assert_eq!(d.anchors_vi, "1 chứng thư gốc do người dùng cung cấp");
    let vi = d.to_markdown(egov_core::Lang::Vi);
    assert!(
        vi.contains("| Thời điểm đánh giá | 09:00 ngày 23/11/2026 |"),
        "{vi}"
    );
    assert!(
        vi.contains(
            "| Danh sách khuyến cáo | tinnhiemmang.vn snapshot (test) (00:00 ngày 22/11/2026) |"
        ),
        "{vi}"
    );
    let en = d.to_markdown(egov_core::Lang::En);
    assert!(
        en.contains("| Trust anchors | 1 caller-supplied roots |"),
        "{en}"
    );
}

#[test]
fn trust_04_system_url_defaults_to_the_host() {
    let p = prepare(
        &json!({"now": "2026-11-23T09:00:00+07:00", "host": "dichvucong.gov.vn",
        "system": {"name": "Cổng Dịch vụ công quốc gia", "owner": "Văn phòng Chính phủ"}}),
    )
    .unwrap();
    assert_eq!(p.evidence.system.url, "https://dichvucong.gov.vn/");
    assert_eq!(p.declare().system.owner, "Văn phòng Chính phủ");
}

#[test]
fn trust_03_empty_request_is_unknown_not_pass() {
    let a = prepare(&json!({"now": "2026-11-23T09:00:00+07:00"}))
        .unwrap()
        .assess();
    assert_eq!(a.outcome, Outcome::Unknown);
    assert!(!a.meets_criteria);
}

#[test]
fn trust_request_errors_name_the_part() {
    let code = |v: Value| prepare(&v).unwrap_err().code();
    assert_eq!(code(json!({})), "trust.now_missing");
    let mut v = full();
    v["tls"]["chain"] = json!("not a certificate");
    assert_eq!(code(v), "tls.cert_empty");
    let mut v = full();
    v["anchors"]["roots"] = json!("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n");
    let e = prepare(&v).unwrap_err();
    assert_eq!(e.code(), "tls.cert_pem");
    assert!(e.to_string().starts_with("anchors.roots:"), "{e}");
    let mut v = full();
    v["page"]["url"] = json!("not a url");
    assert_eq!(code(v), "trust.page_url");
    // Without a host the certificate cannot be checked for it, nor relative links resolved.
    let mut v = full();
    v.as_object_mut().unwrap().remove("host");
    assert_eq!(code(v.clone()), "trust.host_missing");
    v.as_object_mut().unwrap().remove("tls");
    assert_eq!(code(v.clone()), "trust.host_missing");
    v["page"]["url"] = json!("https://good.test.gov.vn/");
    assert!(prepare(&v).is_ok());
    let mut v = full();
    v["policy"] = json!("versions = 3");
    assert_eq!(code(v), "tls_policy.toml");
    let mut v = full();
    v["policy"] = json!({"name": 1});
    assert_eq!(code(v), "tls_policy.json");
    // A misspelt key is an error, not silently ignored, at any depth: `found_problem` for
    // `found_problems` would otherwise turn a failing malware scan into a passing one.
    let mut v = full();
    v["malware_scan"]["found_problem"] = json!(true);
    assert_eq!(
        EvaluationRequest::from_json(&v.to_string())
            .unwrap_err()
            .code(),
        "trust.request_json"
    );
    for (path, key) in [
        ("security_level", "aproval_reference"),
        ("consent", "link"),
        ("system", "owner_name"),
        ("anchors", "builtin"),
    ] {
        let mut v = full();
        v[path][key] = json!("x");
        assert!(
            EvaluationRequest::from_json(&v.to_string()).is_err(),
            "{path}.{key}"
        );
    }
    let mut v = full();
    v["policy"] = serde_json::to_value(TlsPolicy::default()).unwrap();
    v["policy"]["version"] = json!({});
    assert_eq!(prepare(&v).unwrap_err().code(), "tls_policy.json");
    let e = EvaluationRequest::from_json(r#"{"now":"2026-11-23T09:00:00+07:00","hostname":"x"}"#)
        .unwrap_err();
    assert_eq!(e.code(), "trust.request_json");
    assert!(e.to_string().contains("hostname"), "{e}");
    let e = EvaluationRequest::from_json(r#"{"now":"yesterday"}"#).unwrap_err();
    assert_eq!(e.code(), "trust.request_json");
}

proptest! {
    #[test]
    fn trust_request_parser_never_panics(s in "\\PC{0,200}") {
        if let Ok(r) = EvaluationRequest::from_json(&s) {
            if let Ok(p) = r.prepare() {
                let _ = p.assess();
            }
        }
    }

    #[test]
    fn trust_request_any_page_and_entries_evaluate(html in "\\PC{0,300}", entries in "\\PC{0,100}", host in "[a-z0-9.-]{0,30}") {
        let v = json!({"now": "2026-11-23T09:00:00+07:00", "host": host,
            "page": {"url": "https://example.gov.vn/", "html": html}, "blocklist": {"entries": entries}});
        let p = prepare(&v).unwrap();
        let a = p.assess();
        prop_assert_eq!(a.verdicts.len(), 6);
        prop_assert_eq!(&p.criterion(Criterion::Dd), a.verdict(Criterion::Dd).unwrap());
    }
}
