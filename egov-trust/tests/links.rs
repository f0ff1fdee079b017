//! TRUST-02.đ: link extraction in one streaming pass and the link checks.

use egov_core::{ErrorCode, Outcome, VnDateTime};
use egov_trust::{
    evaluate_links, extract_links, flag_links, look_alike_of, Attestation, AttestationMaxAge,
    BlocklistSnapshot, LinkFlag,
};
use url::Url;

fn page() -> (Url, Vec<u8>) {
    let html = std::fs::read(format!(
        "{}/../testdata/trust/pages/portal.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    (Url::parse("https://dichvucong.gov.vn/").unwrap(), html)
}

/// The evaluation time of these tests.
fn now() -> VnDateTime {
    VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap()
}

/// The default age limit of a malware scan (30 days).
const DAYS: u32 = AttestationMaxAge::MALWARE_SCAN_DAYS;

fn blocklist() -> BlocklistSnapshot {
    BlocklistSnapshot::parse("test", None, "evil.vn\nexample.com\n")
}

#[test]
fn trust_02dd_extracts_every_kind_of_link() {
    let (u, html) = page();
    let links = extract_links(&html, &u).unwrap();
    let got: Vec<(String, &str, String)> = links
        .iter()
        .map(|l| {
            (
                l.element.to_owned(),
                l.attribute,
                l.url.as_ref().map_or(l.raw.clone(), |u| u.to_string()),
            )
        })
        .collect();
    let has = |e: &str, a: &str, url: &str| {
        assert!(
            got.iter().any(|g| g.0 == e && g.1 == a && g.2 == url),
            "{e} {a} {url} not in {got:#?}"
        )
    };
    has("link", "href", "https://dichvucong.gov.vn/css/main.css");
    has("meta", "content", "https://dichvucong.gov.vn/p/home");
    has("script", "src", "http://cdn.example.net/legacy.js");
    has(
        "a",
        "href",
        "https://dichvucong.gov.vn/p/home/dvc-chinh-sach-bao-mat.html",
    );
    has("img", "srcset", "https://dichvucong.gov.vn/img/logo-3x.png");
    has("img", "src", "https://dichvucong.gov.vn/p/logo.png");
    has("iframe", "src", "https://maps.example.com/embed");
    has("form", "action", "https://dichvucong.gov.vn/dang-nhap");
    has("button", "formaction", "https://login.gov.vn/sso");
    has("object", "data", "https://dichvucong.gov.vn/doc.pdf");
    has("area", "href", "https://dichvucong.gov.vn/map");
    assert_eq!(links.len(), 23, "{got:#?}");
}

#[test]
fn trust_02dd_flags() {
    let (u, html) = page();
    let links = extract_links(&html, &u).unwrap();
    let b = blocklist();
    let flagged = flag_links(&links, &u, Some(&b), &[]);
    let codes: Vec<(&str, &str)> = flagged
        .iter()
        .map(|f| (f.flag.code(), f.link.raw.as_str()))
        .collect();
    let has = |code: &str, raw: &str| {
        assert!(
            codes.contains(&(code, raw)),
            "{code} {raw} not in {codes:#?}"
        )
    };
    has("links.blocklisted", "https://evil.vn/win");
    has("links.blocklisted", "https://sub.Example.COM./x");
    has("links.ip_literal", "http://203.0.113.50/login");
    has("links.javascript_url", "javascript:void(0)");
    has("links.data_url", "data:text/html;base64,PHNjcmlwdD4=");
    has("links.mixed_content", "http://cdn.example.net/legacy.js");
    has("links.mixed_content", "http://files.example.org/setup.exe");
    has("links.look_alike", "https://dichvucong-gov.vn.example.com/");
    has("links.look_alike", "https://dịchvụcông.gov.vn/");
    has("links.look_alike", "https://dichvuc0ng.gov.vn/");
    // Inline images are not data-URL warnings; the page's own links are clean.
    assert!(!codes.iter().any(|c| c.1.starts_with("data:image")));
    assert!(!codes.iter().any(|c| c.1.contains("login.gov.vn")));
    // example.com is listed, so the look-alike under it and the maps iframe are hits too.
    has("links.blocklisted", "//maps.example.com/embed");
    assert_eq!(codes.len(), 12, "{codes:#?}");
}

#[test]
fn trust_02dd_look_alikes() {
    let names = vec!["dichvucong.gov.vn".to_owned()];
    assert!(look_alike_of("dichvucong.gov.vn", &names).is_none());
    assert!(look_alike_of("dichvucông.gov.vn", &names).is_some());
    assert!(look_alike_of("xn--dichvucng-t6a.gov.vn", &names).is_some());
    assert!(
        look_alike_of("dichvucоng.gov.vn", &names).is_some(),
        "Cyrillic o"
    );
    assert!(look_alike_of("dichvu-cong.gov.vn", &names).is_some());
    assert!(look_alike_of("portal-gov-vn.com", &[]).is_some());
    assert!(look_alike_of("baochinhphu.vn", &names).is_none());
    assert!(look_alike_of("moh.gov.vn", &names).is_none());
}

#[test]
fn trust_02dd_verdicts() {
    let (u, html) = page();
    let links = extract_links(&html, &u).unwrap();
    let scan = Attestation {
        by: "VNCERT/CC".into(),
        at: VnDateTime::parse("2026-11-20T09:00:00+07:00").unwrap(),
        reference: "scan-2026-11-20".into(),
        found_problems: false,
    };
    let b = blocklist();
    assert_eq!(
        evaluate_links(Some((&u, &links)), Some(&b), &[], Some(&scan), now(), DAYS).outcome,
        Outcome::Fail
    );
    let clean = extract_links(
        b"<a href='/a'>a</a><script src='https://dichvucong.gov.vn/x.js'></script>",
        &u,
    )
    .unwrap();
    assert_eq!(
        evaluate_links(Some((&u, &clean)), Some(&b), &[], Some(&scan), now(), DAYS).outcome,
        Outcome::Pass
    );
    assert_eq!(
        evaluate_links(Some((&u, &clean)), Some(&b), &[], None, now(), DAYS).outcome,
        Outcome::Unknown,
        "malware verdict needs an attestation"
    );
    assert_eq!(
        evaluate_links(Some((&u, &clean)), None, &[], Some(&scan), now(), DAYS).outcome,
        Outcome::Unknown
    );
    let bad = Attestation {
        found_problems: true,
        ..scan
    };
    assert_eq!(
        evaluate_links(Some((&u, &clean)), Some(&b), &[], Some(&bad), now(), DAYS).outcome,
        Outcome::Fail
    );
    assert_eq!(
        evaluate_links(None, Some(&b), &[], None, now(), DAYS).outcome,
        Outcome::Unknown
    );
    assert_eq!(LinkFlag::LookAlike.code(), "links.look_alike");
}

#[test]
fn trust_02dd_malware_scan_dated_in_the_future_or_stale_is_not_evidence() {
    let u = Url::parse("https://dichvucong.gov.vn/").unwrap();
    let clean = extract_links(b"<a href='/a'>a</a>", &u).unwrap();
    let b = blocklist();
    let scan = |at: &str, found_problems: bool| Attestation {
        by: "VNCERT/CC".into(),
        at: VnDateTime::parse(at).unwrap(),
        reference: "scan".into(),
        found_problems,
    };
    let judge = |a: &Attestation, days: u32| {
        evaluate_links(Some((&u, &clean)), Some(&b), &[], Some(a), now(), days)
    };
    // After the evaluation time: not evidence, clean or not.
    for found in [false, true] {
        let v = judge(&scan("2026-12-01T00:00:00+07:00", found), DAYS);
        assert_eq!(v.outcome, Outcome::Unknown, "{:#?}", v.findings);
    }
    // Seven years old: stale, clean or not; the stale one that found problems says so.
    let v = judge(&scan("2019-11-23T09:00:00+07:00", false), DAYS);
    assert_eq!(v.outcome, Outcome::Unknown);
    let v = judge(&scan("2019-11-23T09:00:00+07:00", true), DAYS);
    assert_eq!(v.outcome, Outcome::Unknown);
    let f = v.findings.last().unwrap();
    assert_eq!(f.rule, "TRUST-02.đ");
    assert!(f.message.contains("stale"), "{}", f.message);
    assert!(f.message.contains("it reported problems"), "{}", f.message);
    // The limit is the caller's: a year-long limit accepts a 200-day-old scan.
    let old = scan("2026-05-07T09:00:00+07:00", false);
    assert_eq!(judge(&old, DAYS).outcome, Outcome::Unknown);
    assert_eq!(judge(&old, 365).outcome, Outcome::Pass);
    // A current scan that found problems fails, with its date.
    let v = judge(&scan("2026-11-20T09:00:00+07:00", true), DAYS);
    assert_eq!(v.outcome, Outcome::Fail);
    assert!(v.findings.last().unwrap().message.contains("2026-11-20"));
}

#[test]
fn trust_02dd_garbage_html_does_not_fail() {
    let u = Url::parse("https://a.gov.vn/").unwrap();
    let links = extract_links(b"<a href=\"x\" <<<>>> <script src=y></scr", &u).unwrap();
    assert!(links.len() <= 2);
    let links = extract_links(&[0xff, 0xfe, b'<', b'a'], &u).unwrap();
    assert!(links.is_empty());
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        /// TRUST-02.đ: arbitrary bytes and tag soup never panic the extractor or the checks.
        #[test]
        fn trust_02dd_arbitrary_html_never_panics(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            soup in proptest::collection::vec("<(a|img|meta|base|form|script) (href|src|srcset|content|http-equiv|action)=[\"']?[ -~é]{0,20}[\"']?>?", 0..12),
        ) {
            let u = Url::parse("https://a.gov.vn/x/").unwrap();
            let bl = blocklist();
            for input in [bytes, soup.concat().into_bytes()] {
                if let Ok(links) = extract_links(&input, &u) {
                    let _ = flag_links(&links, &u, Some(&bl), &["a.gov.vn".to_owned()]);
                }
            }
        }
    }
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ): each flagged link's finding names the link, where it sits
/// and what is wrong in words (the catalogue's Vietnamese, the English text), with the name a
/// look-alike imitates and the list entry a link matched; the code stays in the evidence.
#[test]
fn trust_02dd_flagged_link_findings_say_what_is_wrong_in_words() {
    let (u, html) = page();
    let links = extract_links(&html, &u).unwrap();
    let b = blocklist();
    let v = evaluate_links(Some((&u, &links)), Some(&b), &[], None, now(), DAYS);
    let flagged: Vec<&egov_core::Finding> = v
        .findings
        .iter()
        .filter(|f| f.evidence.as_ref().is_some_and(|e| e.get("url").is_some()))
        .collect();
    assert!(flagged.len() >= 8, "{flagged:#?}");
    for f in &flagged {
        assert!(!f.message.contains("links."), "{}", f.message);
        assert!(!f.message_vi.contains("links."), "{}", f.message_vi);
        let code = f.evidence.as_ref().unwrap()["code"].as_str().unwrap();
        assert!(code.starts_with("links."), "{code}");
    }
    let has = |text: &str, vi: bool| {
        assert!(
            flagged
                .iter()
                .any(|f| if vi { &f.message_vi } else { &f.message }.contains(text)),
            "{text} in {flagged:#?}"
        )
    };
    has(
        "«http://cdn.example.net/legacy.js» (<script src>): tải tệp hoặc tài nguyên qua http: trên trang https: (nội dung hỗn hợp)",
        true,
    );
    has(
        "http://cdn.example.net/legacy.js (<script src>): http: download or active resource on an https: page",
        false,
    );
    has(
        "(<a href>): tên miền giả dạng tên miền gov.vn (giả dạng dichvucong.gov.vn)",
        true,
    );
    has(
        "host imitating a gov.vn name (imitates dichvucong.gov.vn)",
        false,
    );
    has("https://sub.Example.COM./x» (<a href>): liên kết tới máy chủ hoặc địa chỉ có trong danh sách cảnh báo (mục «example.com» của danh sách)", true);
    has("(listed as example.com)", false);
}
