//! TRUST-02.c: certificate chains and TLS parameters against the policy, on a real public chain
//! (www.digicert.com, see testdata/trust/SOURCES.md) and on generated bad certificates.

use egov_core::{Outcome, VnDateTime};
use egov_trust::{
    evaluate_tls, load_anchors, load_chain, summarize, Anchors, KeyInfo, Tier, TlsEvidence,
    TlsPolicy,
};

fn cert_file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../testdata/trust/certs/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn t(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap()
}

fn ev(file: &str, host: &str) -> TlsEvidence {
    TlsEvidence {
        chain: load_chain(&cert_file(file)).unwrap(),
        host: host.into(),
        version: Some("TLSv1.3".into()),
        cipher_suite: Some("TLS_AES_256_GCM_SHA384".into()),
    }
}

fn test_anchors() -> Anchors {
    Anchors::Custom(load_anchors(&cert_file("test-root.pem")).unwrap())
}

fn codes(v: &egov_trust::CriterionVerdict) -> Vec<String> {
    v.findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn trust_02c_real_digicert_chain_passes_with_builtin_roots() {
    let e = ev("digicert_chain.pem", "www.digicert.com");
    assert_eq!(e.chain.len(), 3);
    let v = evaluate_tls(
        Some(&e),
        &Anchors::BuiltIn,
        &TlsPolicy::default(),
        t("2026-02-01T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", codes(&v));
    let leaf = summarize(&e.chain[0]).unwrap();
    assert_eq!(leaf.key, KeyInfo::Rsa { bits: 2048 });
    assert_eq!(leaf.signature_algorithm, "sha256WithRSAEncryption");
    assert!(
        leaf.subject.contains("CN=www.digicert.com"),
        "{}",
        leaf.subject
    );
}

#[test]
fn trust_02c_real_chain_with_system_root_as_caller_anchor() {
    // The Mozilla root from /etc/ssl/certs as the only anchor.
    let anchors = Anchors::Custom(load_anchors(&cert_file("DigiCert_Global_Root_G2.pem")).unwrap());
    let e = ev("digicert_chain.pem", "digicert.com");
    let v = evaluate_tls(
        Some(&e),
        &anchors,
        &TlsPolicy::default(),
        t("2026-02-01T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", codes(&v));
    // Against the test root alone there is no path.
    let v = evaluate_tls(
        Some(&e),
        &test_anchors(),
        &TlsPolicy::default(),
        t("2026-02-01T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Fail);
}

#[test]
fn trust_02c_real_chain_expired_and_wrong_host() {
    let e = ev("digicert_chain.pem", "dichvucong.gov.vn");
    let v = evaluate_tls(
        Some(&e),
        &Anchors::BuiltIn,
        &TlsPolicy::default(),
        t("2026-11-23T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Fail);
    let fails = codes(&v);
    assert!(fails.iter().any(|m| m.contains("expired on")), "{fails:#?}");
    assert!(
        fails.iter().any(|m| m.contains("not valid for host")),
        "{fails:#?}"
    );
    // The path itself is still good (checked inside the leaf's validity).
    assert!(!fails.iter().any(|m| m.contains("no path")), "{fails:#?}");
}

#[test]
fn trust_02c_generated_good_passes_with_test_root() {
    let e = ev("good.pem", "good.test.gov.vn");
    let v = evaluate_tls(
        Some(&e),
        &test_anchors(),
        &TlsPolicy::default(),
        t("2026-11-23T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", codes(&v));
    // Public roots do not know the test root.
    let v = evaluate_tls(
        Some(&e),
        &Anchors::BuiltIn,
        &TlsPolicy::default(),
        t("2026-11-23T00:00:00Z"),
    );
    assert!(codes(&v).iter().any(|m| m.contains("no path")));
}

#[test]
fn trust_02c_generated_bad_certificates_fail() {
    let now = t("2026-11-23T00:00:00Z");
    let p = TlsPolicy::default();
    let a = test_anchors();
    let expired = evaluate_tls(Some(&ev("expired.pem", "expired.test.gov.vn")), &a, &p, now);
    assert!(
        codes(&expired)
            .iter()
            .any(|m| m.contains("expired on 2021-01-01")),
        "{:#?}",
        codes(&expired)
    );
    let sha1 = evaluate_tls(Some(&ev("sha1.pem", "sha1.test.gov.vn")), &a, &p, now);
    assert!(
        codes(&sha1)
            .iter()
            .any(|m| m.contains("sha1WithRSAEncryption")),
        "{:#?}",
        codes(&sha1)
    );
    let rsa = evaluate_tls(Some(&ev("rsa1024.pem", "rsa1024.test.gov.vn")), &a, &p, now);
    assert!(
        codes(&rsa).iter().any(|m| m.contains("RSA 1024")),
        "{:#?}",
        codes(&rsa)
    );
    let ss = evaluate_tls(
        Some(&ev("self-signed.pem", "selfsigned.test.gov.vn")),
        &a,
        &p,
        now,
    );
    assert!(
        codes(&ss).iter().any(|m| m.contains("self-signed")),
        "{:#?}",
        codes(&ss)
    );
    for v in [expired, sha1, rsa, ss] {
        assert_eq!(v.outcome, Outcome::Fail);
    }
    let wrong = evaluate_tls(Some(&ev("good.pem", "other.test.gov.vn")), &a, &p, now);
    assert!(codes(&wrong)
        .iter()
        .any(|m| m.contains("not valid for host other.test.gov.vn")));
}

#[test]
fn trust_02c_tls_version_and_cipher_tiers() {
    let p = TlsPolicy::default();
    assert_eq!(p.version_tier("TLSv1.3"), Tier::Good);
    assert_eq!(p.version_tier("TLSv1_2"), Tier::Sufficient);
    assert_eq!(p.version_tier("TLS 1.1"), Tier::Insufficient);
    assert_eq!(p.version_tier("1.0"), Tier::Insufficient);
    assert_eq!(p.version_tier("SSLv3"), Tier::Insufficient);
    assert_eq!(p.cipher_tier("TLS13_AES_128_GCM_SHA256"), Tier::Good);
    assert_eq!(
        p.cipher_tier("TLS_RSA_WITH_AES_128_CBC_SHA"),
        Tier::PhaseOut
    );
    assert_eq!(
        p.cipher_tier("TLS_RSA_WITH_RC4_128_SHA"),
        Tier::Insufficient
    );
    let now = t("2026-11-23T00:00:00Z");
    let a = test_anchors();
    let mut e = ev("good.pem", "good.test.gov.vn");
    e.version = Some("TLSv1.1".into());
    assert_eq!(evaluate_tls(Some(&e), &a, &p, now).outcome, Outcome::Fail);
    e.version = Some("TLSv1.2".into());
    e.cipher_suite = Some("TLS_RSA_WITH_AES_256_GCM_SHA384".into());
    let v = evaluate_tls(Some(&e), &a, &p, now);
    assert_eq!(v.outcome, Outcome::Pass);
    assert!(v.findings.iter().any(|f| f.outcome == Outcome::Warning));
    e.cipher_suite = None;
    assert_eq!(
        evaluate_tls(Some(&e), &a, &p, now).outcome,
        Outcome::Unknown
    );
    assert_eq!(evaluate_tls(None, &a, &p, now).outcome, Outcome::Unknown);
}

#[test]
fn trust_02c_policy_files_round_trip_and_override() {
    let p = TlsPolicy::default();
    let toml = p.to_toml();
    assert_eq!(TlsPolicy::from_text(&toml).unwrap(), p);
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(TlsPolicy::from_text(&json).unwrap(), p);
    // A stricter policy: TLS 1.2 phased out, RSA needs 3072 bits to pass.
    let strict = toml
        .replace(
            "\"TLSv1.2\" = \"sufficient\"",
            "\"TLSv1.2\" = \"insufficient\"",
        )
        .replace("sufficient = 2048", "sufficient = 3072")
        .replace("phase_out = 2048", "phase_out = 3072");
    let strict = TlsPolicy::from_toml(&strict).unwrap();
    assert_eq!(strict.version_tier("TLSv1.2"), Tier::Insufficient);
    assert_eq!(
        strict.key_tier(&KeyInfo::Rsa { bits: 2048 }),
        Tier::Insufficient
    );
    let e = ev("digicert_chain.pem", "www.digicert.com");
    let v = evaluate_tls(
        Some(&e),
        &Anchors::BuiltIn,
        &strict,
        t("2026-02-01T00:00:00Z"),
    );
    assert_eq!(v.outcome, Outcome::Fail);
    assert!(TlsPolicy::from_text("versions = 3").is_err());
}

#[test]
fn trust_02c_load_errors() {
    use egov_core::ErrorCode;
    assert_eq!(load_chain(b"").unwrap_err().code(), "tls.cert_empty");
    assert_eq!(
        load_chain(&[0x30, 0x03, 1, 2, 3]).unwrap_err().code(),
        "tls.cert_der"
    );
    let der = load_chain(&cert_file("good.pem")).unwrap()[0].to_vec();
    assert_eq!(load_chain(&der).unwrap().len(), 1);
}

/// TRUST-02.c (NĐ 137/2024 Đ21.2.c): the findings read as sentences in each language — the
/// server's certificate named as such and the others counted from 1, tiers in words, the
/// trust anchors in the finding's language, webpki's refusals explained — while the evidence
/// keeps webpki's own name for developers.
#[test]
fn trust_02c_findings_say_it_in_words_in_both_languages() {
    let now = t("2026-11-23T00:00:00Z");
    let p = TlsPolicy::default();
    let expired = evaluate_tls(
        Some(&ev("digicert_chain.pem", "www.digicert.com")),
        &Anchors::BuiltIn,
        &p,
        now,
    );
    let untrusted = evaluate_tls(
        Some(&ev("good.pem", "good.test.gov.vn")),
        &Anchors::BuiltIn,
        &p,
        now,
    );
    let all: Vec<&egov_core::Finding> =
        expired.findings.iter().chain(&untrusted.findings).collect();
    for f in &all {
        for debug in [
            "UnknownIssuer",
            "Sufficient",
            "Good",
            "PhaseOut",
            "certificate 0",
            "thứ 0",
            "thứ 1 ",
        ] {
            assert!(
                !f.message_vi.contains(debug) || f.message_vi.contains(&format!("webpki: {debug}")),
                "{debug} in {}",
                f.message_vi
            );
        }
        assert!(!f.message_vi.contains("Mozilla roots"), "{}", f.message_vi);
        assert!(!f.message.contains("certificate 0"), "{}", f.message);
    }
    let vi: Vec<&str> = all.iter().map(|f| f.message_vi.as_str()).collect();
    let en: Vec<&str> = all.iter().map(|f| f.message.as_str()).collect();
    let has = |list: &[&str], text: &str| {
        assert!(list.iter().any(|m| m.contains(text)), "{text} in {list:#?}")
    };
    has(&vi, "chứng thư của máy chủ (CN=www.digicert.com");
    has(&vi, "hết hạn lúc");
    has(&vi, "khóa của chứng thư thứ 2 trong chuỗi RSA 2048: đủ");
    has(
        &en,
        "key of certificate 2 of the chain RSA 2048: sufficient",
    );
    has(
        &en,
        "the server's certificate signed with sha256WithRSAEncryption: good",
    );
    has(
        &vi,
        "chứng thư gốc tin cậy (webpki-roots (120 chứng thư gốc của Mozilla))",
    );
    has(
        &vi,
        "không tìm thấy bên cấp trong chuỗi hay trong các chứng thư gốc tin cậy (webpki: UnknownIssuer)",
    );
    has(
        &en,
        "no certificate of the chain or of the trust anchors issued it",
    );
    let untrusted_evidence = untrusted
        .findings
        .iter()
        .find_map(|f| f.evidence.as_ref().filter(|e| e["code"] == "tls.untrusted"))
        .expect("tls.untrusted evidence");
    assert_eq!(untrusted_evidence["webpki"], "UnknownIssuer");
}
