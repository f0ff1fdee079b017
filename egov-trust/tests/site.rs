//! TRUST-03 / TRUST-04: whole-site evaluation and the self-declaration (Đ21.3).

use egov_core::{Outcome, VnDateTime};
use egov_trust::*;
use url::Url;

fn data(p: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../testdata/trust/{p}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn evidence() -> SiteEvidence {
    let now = VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap();
    let page_url = Url::parse("https://good.test.gov.vn/").unwrap();
    SiteEvidence {
        system: SystemInfo {
            name: "Cổng dịch vụ công thử nghiệm".into(),
            owner: "Sở Khoa học và Công nghệ | thử nghiệm".into(),
            url: page_url.to_string(),
        },
        host: Some("good.test.gov.vn".into()),
        addresses: vec!["192.0.2.10".parse().unwrap()],
        security_level: Some(SecurityLevelAttestation {
            level: 3,
            approval_reference: "123/QĐ-SKHCN".into(),
            approved_at: VnDateTime::parse_local("2025-05-01").unwrap(),
            approved_by: None,
        }),
        consent: Some(ConsentCommitment {
            url: "https://good.test.gov.vn/chinh-sach-bao-mat".into(),
            text: "Chỉ thu thập dữ liệu cá nhân khi được người dùng đồng ý.".into(),
        }),
        tls: Some(TlsEvidence {
            chain: load_chain(&data("certs/good.pem")).unwrap(),
            host: "good.test.gov.vn".into(),
            version: Some("TLSv1.3".into()),
            cipher_suite: Some("TLS_AES_128_GCM_SHA256".into()),
        }),
        page: Some(Page {
            url: page_url,
            html: b"<html><a href='/chinh-sach-bao-mat'>Bao mat</a><script src='/app.js'></script></html>".to_vec(),
        }),
        malware_scan: Some(Attestation {
            by: "Trung tâm giám sát".into(),
            at: now,
            reference: "RQ-2026-11".into(),
            found_problems: false,
        }),
        gov_names: vec![],
        security_txt: Some((
            data("securitytxt/good-test-gov-vn.txt"),
            Some("https://good.test.gov.vn/.well-known/security.txt".into()),
        )),
        contacts: vec![],
    }
}

fn run(ev: &SiteEvidence) -> (Assessment, BlocklistSnapshot, Anchors, TlsPolicy) {
    let anchors = Anchors::Custom(load_anchors(&data("certs/test-root.pem")).unwrap());
    let policy = TlsPolicy::default();
    let bl = BlocklistSnapshot::parse(
        "tinnhiemmang.vn snapshot (test)",
        Some(VnDateTime::parse("2026-11-22T00:00:00+07:00").unwrap()),
        "evil.vn\n198.51.100.0/24\n",
    );
    let ctx = Context {
        now: VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap(),
        anchors: &anchors,
        policy: &policy,
        blocklist: Some(&bl),
    };
    let a = evaluate_site(ev, &ctx);
    (a, bl, anchors, policy)
}

#[test]
fn trust_03_full_evidence_meets_all_six() {
    let (a, ..) = run(&evidence());
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
}

#[test]
fn trust_03_missing_or_bad_evidence() {
    let mut ev = evidence();
    ev.malware_scan = None;
    let (a, ..) = run(&ev);
    assert_eq!(a.verdict(Criterion::Dd).unwrap().outcome, Outcome::Unknown);
    assert_eq!(a.outcome, Outcome::Unknown);
    ev.addresses = vec!["198.51.100.3".parse().unwrap()];
    let (a, ..) = run(&ev);
    assert_eq!(a.verdict(Criterion::D).unwrap().outcome, Outcome::Fail);
    assert_eq!(a.outcome, Outcome::Fail);
    let (a, ..) = run(&SiteEvidence::default());
    assert_eq!(a.outcome, Outcome::Unknown);
    assert!(a.verdicts.iter().all(|v| v.outcome == Outcome::Unknown));
}

/// The declaration of [`evidence`], with the test root as its anchors.
fn declaration() -> Declaration {
    let ev = evidence();
    let (a, bl, ..) = run(&ev);
    Declaration::new(
        ev.system.clone(),
        &a,
        &TlsPolicy::default(),
        "test root",
        Some(&bl),
    )
}

#[test]
fn trust_04_declaration_json_and_markdown() {
    let d = declaration();
    let json = d.to_json();
    assert_eq!(Declaration::from_json(&json).unwrap(), d);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], DECLARATION_FORMAT);
    assert_eq!(v["meets_criteria"], true);
    assert_eq!(v["criteria"][4]["point"], "đ");
    assert_eq!(v["evaluated_at"], "2026-11-23T09:00:00+07:00");
    assert_eq!(v["policy_settings"]["versions"]["TLSv1.2"], "sufficient");
    let vi = d.to_markdown(Lang::Vi);
    assert!(vi.starts_with("# Tự công bố đáp ứng tiêu chí tín nhiệm mạng"));
    assert!(vi.contains("khoản 3 Điều 21 NĐ 137/2024/NĐ-CP"));
    assert!(vi.contains("Đáp ứng đủ sáu tiêu chí"));
    assert!(vi.contains("Sở Khoa học và Công nghệ \\| thử nghiệm"));
    assert!(vi.contains("## đ) Không chứa liên kết độc hại"));
    let en = d.to_markdown(Lang::En);
    assert!(en.contains("Meets all six criteria"));
    assert!(
        en.contains("| TLS versions accepted | TLSv1.2 (sufficient), TLSv1.3 (good) |"),
        "{en}"
    );
    assert!(
        en.contains("| c | Encryption by a secure algorithm from a trusted third party | Pass |")
    );
    assert!(en.contains("tinnhiemmang.vn snapshot (test) (2026-11-22T00:00:00+07:00)"));
}

/// TRUST-04 (Đ21.3): the published declaration reads as sentences; each finding's evidence
/// (codes, tiers, dates as JSON) is kept whole in an appendix under the label the finding
/// gives, not printed raw after the sentence.
#[test]
fn trust_04_declaration_markdown_puts_evidence_in_an_appendix() {
    let d = declaration();
    let with_evidence: Vec<(String, usize, &serde_json::Value)> = d
        .criteria
        .iter()
        .flat_map(|c| {
            c.findings
                .iter()
                .enumerate()
                .filter_map(|(i, f)| f.evidence.as_ref().map(|e| (c.point.clone(), i + 1, e)))
        })
        .collect();
    assert!(with_evidence.len() >= 3, "{with_evidence:?}");
    for (lang, label, heading) in [
        (egov_core::Lang::Vi, "bằng chứng", "## Phụ lục: bằng chứng"),
        (egov_core::Lang::En, "evidence", "## Appendix: evidence"),
    ] {
        let md = d.to_markdown(lang);
        let (body, appendix) = md.split_once(heading).expect(heading);
        for line in body.lines().filter(|l| l.starts_with("- **")) {
            assert!(!line.contains('{') && !line.contains('`'), "{line}");
        }
        for (point, n, value) in &with_evidence {
            assert!(body.contains(&format!("({label} {point}.{n})")), "{body}");
            let (_, after) = appendix
                .split_once(&format!("\n### {point}.{n}\n\n```json\n"))
                .unwrap_or_else(|| panic!("{point}.{n} in {appendix}"));
            let json = &after[..after.find("\n```\n").unwrap()];
            assert_eq!(
                &serde_json::from_str::<serde_json::Value>(json).unwrap(),
                *value
            );
        }
        assert_eq!(appendix.matches("\n### ").count(), with_evidence.len());
    }
}

/// TRUST-04 (Đ21.3): what a page or a certificate wrote reaches the published Markdown as text,
/// never as markup — an agency publishing its declaration on its site publishes no script, link
/// or image a page put in a link — and a table cell stays one cell.
#[test]
fn trust_04_declaration_markdown_escapes_what_pages_and_certificates_wrote() {
    let mut d = declaration();
    let hostile = "«https://x.example/<img src=x onerror=alert(1)>» [bấm](javascript:alert(1)) `x` **y** a & b\nline";
    d.system.name = format!("Cổng | {hostile}");
    for c in &mut d.criteria {
        for f in &mut c.findings {
            f.message = hostile.to_owned();
            f.message_vi = hostile.to_owned();
        }
    }
    for lang in [egov_core::Lang::Vi, egov_core::Lang::En] {
        let md = d.to_markdown(lang);
        for markup in ["<img", " [bấm](", "`x`", "**y**", "a & b", "\nline"] {
            assert!(!md.contains(markup), "{markup} in {md}");
        }
        assert!(
            md.contains("&lt;img src=x onerror=alert(1)&gt;» \\[bấm\\](javascript:alert(1)) \\`x\\` \\*\\*y\\*\\* a &amp; b line"),
            "{md}"
        );
        assert!(md.contains("| Cổng \\| «https://x.example/&lt;img"), "{md}");
    }
}
