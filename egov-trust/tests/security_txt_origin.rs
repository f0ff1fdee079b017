//! TRUST-02.e (NĐ 137/2024 Đ21.2.e; RFC 9116 §2.5.2, §3; issue #11): a security.txt is judged
//! for the host it was fetched from. Another site's file (its `Canonical` elsewhere, or fetched
//! from another site) fails e); a contact outside the site's own domains is a warning.

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

const OWN: &str = "https://good.test.gov.vn/.well-known/security.txt";

/// Only what e) needs: the host and a security.txt.
fn request(content: &str, fetched_from: Option<&str>) -> Value {
    let mut st = json!({ "content": content });
    if let Some(f) = fetched_from {
        st["fetched_from"] = json!(f);
    }
    json!({
        "now": "2026-11-23T09:00:00+07:00",
        "host": "good.test.gov.vn",
        "security_txt": st,
    })
}

fn e(v: &Value) -> CriterionVerdict {
    EvaluationRequest::from_json(&v.to_string())
        .unwrap()
        .prepare()
        .unwrap()
        .criterion(Criterion::E)
}

/// `(outcome, code)` of every finding that carries a code.
fn codes(v: &CriterionVerdict) -> Vec<(Outcome, String)> {
    v.findings
        .iter()
        .filter_map(|f| {
            let code = f.evidence.as_ref()?.get("code")?.as_str()?.to_owned();
            Some((f.outcome, code))
        })
        .collect()
}

fn has(v: &CriterionVerdict, outcome: Outcome, code: &str) -> bool {
    codes(v).iter().any(|(o, c)| *o == outcome && c == code)
}

fn own_with(lines: &str) -> String {
    format!("Contact: mailto:soc@good.test.gov.vn\nExpires: 2027-06-30T00:00:00+07:00\n{lines}")
}

#[test]
fn trust_02e_own_security_txt_passes_without_warnings() {
    let v = e(&request(
        &text("securitytxt/good-test-gov-vn.txt"),
        Some(OWN),
    ));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    assert!(
        v.findings.iter().all(|f| f.outcome == Outcome::Pass),
        "{:#?}",
        v.findings
    );
    // Without the fetched-from URI the file is judged for the host: its Canonical is there.
    let v = e(&request(&text("securitytxt/good-test-gov-vn.txt"), None));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
}

#[test]
fn trust_02e_another_sites_security_txt_fails_for_a_gov_vn_host() {
    // 9-Security's real file (Canonical https://nine-security.com/…) given for good.test.gov.vn.
    let nine = text("securitytxt/nine-security.txt");
    for from in [None, Some(OWN)] {
        let v = e(&request(&nine, from));
        assert_eq!(v.outcome, Outcome::Fail, "{from:?}: {:#?}", v.findings);
        assert!(
            has(&v, Outcome::Fail, "security_txt.canonical_elsewhere"),
            "{:#?}",
            v.findings
        );
        let f = v
            .findings
            .iter()
            .find(|f| f.outcome == Outcome::Fail)
            .unwrap();
        assert_eq!(f.rule, "TRUST-02.e");
        assert!(f.message.contains("nine-security.com"), "{}", f.message);
        assert!(f.message.contains("RFC 9116 §2.5.2"), "{}", f.message);
        assert!(f.message_vi.contains("trang khác"), "{}", f.message_vi);
        // Its contact is not counted as the site's.
        assert!(!v.findings.iter().any(|f| f.outcome == Outcome::Pass));
    }
}

#[test]
fn trust_02e_security_txt_fetched_from_another_site_fails() {
    let v = e(&request(
        &text("securitytxt/good-test-gov-vn.txt"),
        Some("https://nine-security.com/.well-known/security.txt"),
    ));
    assert_eq!(v.outcome, Outcome::Fail, "{:#?}", v.findings);
    assert!(
        has(&v, Outcome::Fail, "security_txt.other_site"),
        "{:#?}",
        v.findings
    );
    // A host of the same organisation (www. of the site) is only a warning.
    let v = e(&request(
        &own_with(""),
        Some("https://www.good.test.gov.vn/.well-known/security.txt"),
    ));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    assert!(
        has(&v, Outcome::Warning, "security_txt.other_host"),
        "{:#?}",
        v.findings
    );
}

#[test]
fn trust_02e_canonical_on_the_same_site_other_path_is_a_warning() {
    let v = e(&request(
        &own_with("Canonical: https://good.test.gov.vn/security.txt\n"),
        Some(OWN),
    ));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    assert!(
        has(&v, Outcome::Warning, "security_txt.canonical_mismatch"),
        "{:#?}",
        v.findings
    );
    // The same URI in another case of the host and with the default port is the same URI.
    let v = e(&request(
        &own_with("Canonical: https://GOOD.test.gov.vn:443/.well-known/security.txt\n"),
        Some(OWN),
    ));
    assert!(
        !has(&v, Outcome::Warning, "security_txt.canonical_mismatch"),
        "{:#?}",
        v.findings
    );
    // One Canonical of several is enough (RFC 9116 §2.5.2: the fields may list several).
    let v = e(&request(
        &own_with(&format!(
            "Canonical: https://mirror.example.com/security.txt\nCanonical: {OWN}\n"
        )),
        Some(OWN),
    ));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    assert!(codes(&v).is_empty(), "{:#?}", v.findings);
}

#[test]
fn trust_02e_contact_outside_the_sites_domains_is_a_warning() {
    let st = "Contact: mailto:security@gmail.com\nExpires: 2027-06-30T00:00:00+07:00\n";
    let v = e(&request(st, Some(OWN)));
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    assert!(
        has(&v, Outcome::Warning, "security_txt.foreign_contact"),
        "{:#?}",
        v.findings
    );
    let f = v
        .findings
        .iter()
        .find(|f| f.outcome == Outcome::Warning)
        .unwrap();
    assert!(f.message.contains("gmail.com"), "{}", f.message);
    assert!(f.message_vi.contains("gmail.com"), "{}", f.message_vi);
}

#[test]
fn trust_02e_related_contacts_are_fine() {
    for contact in [
        "mailto:soc@good.test.gov.vn",
        "mailto:SOC@Good.Test.Gov.Vn",
        // The parent domain, a sibling of the same organisation.
        "mailto:attt@test.gov.vn",
        "https://lien-he.test.gov.vn/bao-cao",
        // A gov.vn address for a gov.vn site (a provincial or national centre).
        "mailto:ir@ncsc.gov.vn",
        "https://khonggianmang.gov.vn/bao-cao",
        // No domain to judge.
        "tel:+84-24-3000-0000",
    ] {
        let st = format!("Contact: {contact}\nExpires: 2027-06-30T00:00:00+07:00\n");
        let v = e(&request(&st, Some(OWN)));
        assert_eq!(v.outcome, Outcome::Pass, "{contact}: {:#?}", v.findings);
        assert!(codes(&v).is_empty(), "{contact}: {:#?}", v.findings);
    }
}

#[test]
fn trust_02e_the_agencys_own_domain_is_related() {
    // A site outside gov.vn whose owner's domain is given as the system URL or a gov_names entry.
    let st = "Contact: mailto:soc@chinhphu.vn\nExpires: 2027-06-30T00:00:00+07:00\n";
    let mut v = request(st, Some(OWN));
    let w = e(&v);
    assert!(
        has(&w, Outcome::Warning, "security_txt.foreign_contact"),
        "{:#?}",
        w.findings
    );
    v["gov_names"] = json!(["chinhphu.vn"]);
    assert!(codes(&e(&v)).is_empty());
    let mut v = request(st, Some(OWN));
    v["system"] = json!({"name": "x", "owner": "VPCP", "url": "https://www.chinhphu.vn/"});
    assert!(codes(&e(&v)).is_empty());
}

#[test]
fn trust_02e_non_gov_site_parent_domain_and_public_suffixes() {
    let req = |host: &str, contact: &str| {
        json!({
            "now": "2026-11-23T09:00:00+07:00",
            "host": host,
            "security_txt": {"content": format!("Contact: {contact}\nExpires: 2027-06-30T00:00:00+07:00\n")},
        })
    };
    // The registrable domain of the site: fine.
    assert!(codes(&e(&req("shop.example.com.vn", "mailto:sec@example.com.vn"))).is_empty());
    assert!(codes(&e(&req("www.example.com", "https://example.com/security"))).is_empty());
    // Another name under the same public suffix: not related.
    let w = e(&req("shop.example.com.vn", "mailto:sec@other.com.vn"));
    assert!(has(&w, Outcome::Warning, "security_txt.foreign_contact"));
    // gov.vn addresses are related only for gov.vn sites.
    let w = e(&req("www.example.com", "mailto:soc@ncsc.gov.vn"));
    assert!(has(&w, Outcome::Warning, "security_txt.foreign_contact"));
}

#[test]
fn trust_02e_canonical_at_another_gov_vn_agency_fails() {
    // Another agency's file is another site's file, gov.vn or not.
    let v = e(&request(
        &own_with("Canonical: https://mic.gov.vn/.well-known/security.txt\n"),
        Some(OWN),
    ));
    assert_eq!(v.outcome, Outcome::Fail, "{:#?}", v.findings);
    assert!(has(&v, Outcome::Fail, "security_txt.canonical_elsewhere"));
}

#[test]
fn trust_02e_canonical_elsewhere_fails_even_with_other_contact_evidence() {
    let mut v = request(&text("securitytxt/nine-security.txt"), Some(OWN));
    v["contacts"] = json!([{"published_at": "https://good.test.gov.vn/lien-he",
                            "contact": "mailto:soc@good.test.gov.vn"}]);
    let v = e(&v);
    assert_eq!(v.outcome, Outcome::Fail, "{:#?}", v.findings);
}

#[test]
fn trust_02e_parse_records_where_the_file_came_from() {
    let now = egov_core::VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap();
    let st = parse_security_txt(
        text("securitytxt/nine-security.txt").as_bytes(),
        now,
        Some(OWN),
    );
    assert_eq!(st.fetched_from.as_deref(), Some(OWN));
    // The two-argument evaluation judges it for the host it was fetched from.
    let v = evaluate_contact(Some(&st), &[]);
    assert_eq!(v.outcome, Outcome::Fail, "{:#?}", v.findings);
    // Without any host nothing can be compared: the file is judged on its own.
    let st = parse_security_txt(text("securitytxt/nine-security.txt").as_bytes(), now, None);
    assert_eq!(evaluate_contact(Some(&st), &[]).outcome, Outcome::Pass);
}

#[test]
fn trust_02e_site_evidence_and_probe_model_carry_the_source() {
    // The typed evidence: judged for `host`, with the fetched-from URI beside the bytes.
    let now = egov_core::VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap();
    let ev = SiteEvidence {
        host: Some("good.test.gov.vn".into()),
        security_txt: Some((
            text("securitytxt/nine-security.txt").into_bytes(),
            Some("https://nine-security.com/.well-known/security.txt".into()),
        )),
        ..SiteEvidence::default()
    };
    let anchors = Anchors::BuiltIn;
    let policy = TlsPolicy::default();
    let ctx = Context {
        now,
        anchors: &anchors,
        policy: &policy,
        blocklist: None,
    };
    let v = evaluate_criterion(&ev, &ctx, Criterion::E);
    assert_eq!(v.outcome, Outcome::Fail, "{:#?}", v.findings);
    assert!(has(&v, Outcome::Fail, "security_txt.other_site"));
}
