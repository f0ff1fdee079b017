//! Page links, criterion đ) (`egov_trust::links`): `scan_links` / `extract_links` over any
//! bytes as HTML, then `flag_links` and `evaluate_links` against a small fixed blocklist.
//! Input: `[selector][html]`; the selector picks the page URL.
//!
//! Invariants: extraction reports exactly the scanned links (less `<base>`), values trimmed and
//! non-empty; every flagged link is one of the page's; a verdict is never `Warning`;
//! look-alike detection never flags a protected name itself.
#![no_main]

use egov_core::{Outcome, VnDateTime};
use egov_fuzz::{split_first, to_json};
use egov_trust::{
    evaluate_links, extract_links, flag_links, look_alike_of, scan_links, skeleton,
    BlocklistSnapshot, Criterion, LinkFlag,
};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use url::Url;

const PAGES: [&str; 4] = [
    "https://dichvucong.example.gov.vn/a/b.html",
    "http://example.gov.vn/",
    "https://[2001:db8::1]/x?y#z",
    "file:///tmp/page.html",
];

fn blocklist() -> &'static BlocklistSnapshot {
    static LIST: OnceLock<BlocklistSnapshot> = OnceLock::new();
    LIST.get_or_init(|| {
        BlocklistSnapshot::parse(
            "fuzz",
            None,
            "evil.vn\n*.bad.example\n203.0.113.0/24\n2001:db8:bad::/48\n0.0.0.0 ads.example\n",
        )
    })
}

fn now() -> VnDateTime {
    match VnDateTime::from_ymd_hms(2026, 6, 1, 9, 0, 0) {
        Ok(t) => t,
        Err(e) => panic!("{e:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((sel, html)) = split_first(data) else {
        return;
    };
    let page = match Url::parse(PAGES[usize::from(sel & 3)]) {
        Ok(u) => u,
        Err(e) => panic!("{e}"),
    };
    let gov_names = vec!["dichvucong.gov.vn".to_owned(), "chinhphu.vn".to_owned()];

    let mut raw = Vec::new();
    let scanned = scan_links(html, |l| {
        assert!(!l.value.is_empty(), "{l:?}");
        assert_eq!(l.value.trim(), l.value, "{l:?}");
        raw.push((l.element, l.attribute, l.value.to_owned(), l.download));
    });
    let links = match extract_links(html, &page) {
        Ok(links) => links,
        Err(e) => {
            assert!(scanned.is_err(), "extract fails ({e}) where scan does not");
            return;
        }
    };
    assert!(scanned.is_ok(), "scan fails where extract does not");
    let expected: Vec<_> = raw.into_iter().filter(|r| r.0 != "base").collect();
    let got: Vec<_> = links
        .iter()
        .map(|l| (l.element, l.attribute, l.raw.clone(), l.download))
        .collect();
    assert_eq!(got, expected, "extract_links and scan_links disagree");
    for l in &links {
        if l.download {
            assert_eq!(l.element, "a");
        }
    }

    let flagged = flag_links(&links, &page, Some(blocklist()), &gov_names);
    for f in &flagged {
        assert!(
            links.contains(&f.link),
            "flagged link {f:?} is not on the page"
        );
        let url = f.link.url.as_ref();
        assert!(url.is_some(), "flagged a link without a URL: {f:?}");
        if f.flag == LinkFlag::Blocklisted {
            let host = url.and_then(|u| u.host_str()).unwrap_or("");
            assert!(blocklist().match_host(host).is_some(), "{f:?}");
        }
    }
    let _ = to_json(&flagged);
    let verdict = evaluate_links(
        Some((&page, &links)),
        Some(blocklist()),
        &gov_names,
        None,
        now(),
        90,
    );
    assert_eq!(verdict.criterion, Criterion::Dd);
    assert_ne!(verdict.outcome, Outcome::Warning);
    if flagged.iter().any(|f| f.flag == LinkFlag::Blocklisted) {
        assert_eq!(
            verdict.outcome,
            Outcome::Fail,
            "a blocklisted link does not fail: {verdict:?}"
        );
    }
    let _ = to_json(&verdict);

    // Look-alikes: hosts of the page, judged against the protected names.
    for l in links.iter().take(16) {
        let Some(host) = l.url.as_ref().and_then(|u| u.host_str()) else {
            continue;
        };
        let _ = skeleton(host);
        if let Some(g) = look_alike_of(host, &gov_names) {
            assert!(
                !g.eq_ignore_ascii_case(host.trim_end_matches('.')),
                "{host:?} imitates itself"
            );
        }
    }
    for g in &gov_names {
        assert_eq!(
            look_alike_of(g, &gov_names),
            None,
            "{g:?} is flagged as a look-alike of itself"
        );
    }
});
