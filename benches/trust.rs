//! Network-trust (egov-trust) throughput: blocklist lookups against a million entries, link
//! extraction from a 5 MB page, and a full evaluation of one site's evidence.
//!
//! Run: `cargo bench --bench trust -- --quick`
//! Python comparison (lxml and BeautifulSoup on the same page): `benches/trust_links.sh`.
//!
//! Targets (issue 5): ≥ 10 million blocklist lookups/s per core; ≥ 200 MB/s link extraction.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egov::core::VnDateTime;
use egov::trust::*;

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

const TLDS: [&str; 6] = ["vn", "com.vn", "com", "net", "gov.vn", "org"];

fn domain(r: &mut Lcg) -> String {
    format!(
        "s{:x}-{}.{}",
        r.next(),
        r.below(1000),
        TLDS[r.below(TLDS.len() as u64) as usize]
    )
}

/// 1,000,000 entries: 990,000 domains and 10,000 IPv4/IPv6 addresses and ranges.
fn big_list() -> (BlocklistSnapshot, Vec<String>) {
    let mut r = Lcg(42);
    let mut text = String::with_capacity(32 << 20);
    let mut listed = Vec::new();
    for i in 0..990_000 {
        let d = domain(&mut r);
        if i % 100 == 0 {
            listed.push(d.clone());
        }
        text.push_str(&d);
        text.push('\n');
    }
    for i in 0..10_000u32 {
        if i % 2 == 0 {
            let _ = writeln!(text, "10.{}.{}.0/24", (i >> 8) & 255, i & 255);
        } else {
            let _ = writeln!(text, "2001:db8:{:x}::/48", i);
        }
    }
    let s = BlocklistSnapshot::parse("bench", None, &text);
    assert_eq!(
        s.domain_count() + s.range_count(),
        1_000_000,
        "{}",
        s.rejected.len()
    );
    (s, listed)
}

/// Lookup batch: 1 in 10 is a listed domain or a subdomain of one, the rest are misses with 2–4
/// labels (each miss tests every suffix).
fn lookups(listed: &[String]) -> Vec<String> {
    let mut r = Lcg(7);
    (0..10_000)
        .map(|i| {
            if i % 10 == 0 {
                let d = &listed[r.below(listed.len() as u64) as usize];
                if i % 20 == 0 {
                    format!("www.{d}")
                } else {
                    d.clone()
                }
            } else {
                format!("www.{}", domain(&mut r))
            }
        })
        .collect()
}

/// A ~5 MB page with realistic markup: text, nested divs, and every kind of link.
pub fn big_page() -> Vec<u8> {
    let mut r = Lcg(99);
    let mut s = String::with_capacity(5 << 20);
    s.push_str("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng</title>\
                <base href=\"https://dichvucong.gov.vn/p/\"><link rel=\"stylesheet\" href=\"/css/a.css\">\
                <meta http-equiv=\"refresh\" content=\"600; url=/p/home\"></head><body>\n");
    let mut i = 0u64;
    while s.len() < 5 * 1024 * 1024 {
        i += 1;
        let _ = write!(
            s,
            "<div class=\"item\" id=\"i{i}\"><h3>Thủ tục hành chính số {i}</h3>\
             <p>Hướng dẫn thực hiện thủ tục, thành phần hồ sơ, thời hạn giải quyết và lệ phí. \
             Người dân có thể nộp hồ sơ trực tuyến tại cổng dịch vụ công.</p>\
             <a href=\"/thu-tuc/{i}\">Chi tiết</a> <a href=\"https://{}/x?id={i}\">Liên kết</a>",
            domain(&mut r)
        );
        match i % 8 {
            0 => {
                let _ = write!(
                    s,
                    "<img src=\"img/{i}.png\" srcset=\"img/{i}@2x.png 2x\" alt=\"\">"
                );
            }
            1 => {
                let _ = write!(
                    s,
                    "<script src=\"https://cdn.example.net/{i}.js\"></script>"
                );
            }
            2 => {
                let _ = write!(s, "<form action=\"/nop/{i}\" method=\"post\"><input type=\"text\" name=\"q\"></form>");
            }
            3 => {
                let _ = write!(s, "<iframe src=\"https://maps.example.com/{i}\"></iframe>");
            }
            _ => s.push_str("<span>Đã cập nhật</span>"),
        }
        s.push_str("</div>\n");
    }
    s.push_str("</body></html>\n");
    s.into_bytes()
}

fn bench_blocklist(c: &mut Criterion) {
    let (list, listed) = big_list();
    let batch = lookups(&listed);
    let hits = batch
        .iter()
        .filter(|h| list.match_host(h).is_some())
        .count();
    assert_eq!(hits, 1000);
    let mut g = c.benchmark_group("trust_blocklist_1M");
    g.throughput(Throughput::Elements(batch.len() as u64));
    g.bench_function("match_normalized", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter(|h| list.match_normalized(black_box(h)).is_some())
                .count()
        })
    });
    g.bench_function("match_host", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter(|h| list.match_host(black_box(h)).is_some())
                .count()
        })
    });
    let addrs: Vec<std::net::IpAddr> = (0..10_000u32)
        .map(|i| {
            if i % 2 == 0 {
                std::net::IpAddr::from([10, (i >> 3) as u8, i as u8, 7])
            } else {
                format!("2001:db8:{:x}::1", i * 3).parse().unwrap()
            }
        })
        .collect();
    g.bench_function("match_addr", |b| {
        b.iter(|| {
            addrs
                .iter()
                .filter(|a| list.match_addr(black_box(**a)).is_some())
                .count()
        })
    });
    g.finish();
}

fn bench_links(c: &mut Criterion) {
    let page = big_page();
    // Written out for the Python comparison (benches/trust_links.py).
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/trust-bench-page.html");
    let _ = std::fs::write(&out, &page);
    let url = url::Url::parse("https://dichvucong.gov.vn/").unwrap();
    let n = extract_links(&page, &url).unwrap().len();
    println!("trust_links: {} bytes, {n} links", page.len());
    let mut g = c.benchmark_group("trust_links_5MB");
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.sample_size(10);
    // Extraction with every URL resolved against the page and <base href> (url::Url::join).
    // Extraction with every URL resolved against the page and <base href> (url::Url::join).
    g.bench_function("extract_links", |b| {
        b.iter(|| extract_links(black_box(&page), &url).unwrap().len())
    });
    let links = extract_links(&page, &url).unwrap();
    let bare = String::from_utf8(page.clone())
        .unwrap()
        .replace(" href=", " hraf=")
        .replace(" src=", " srx=")
        .replace(" action=", " actiox=")
        .replace(" srcset=", " srcsex=")
        .replace(" content=", " contenx=");
    assert!(extract_links(bare.as_bytes(), &url).unwrap().is_empty());
    // The lol_html pass alone: same page with the URL attributes renamed, so nothing matches.
    g.bench_function("lol_html_pass_no_links", |b| {
        b.iter(|| {
            extract_links(black_box(bare.as_bytes()), &url)
                .unwrap()
                .len()
        })
    });
    // Extraction proper: every link streamed out, not resolved.
    g.bench_function("scan_links", |b| {
        b.iter(|| {
            let mut n = 0usize;
            scan_links(black_box(&page), |l| n += l.value.len()).unwrap();
            n
        })
    });
    let bl = BlocklistSnapshot::from_entries("bench", None, ["evil.vn", "example.com"]);
    g.bench_function("extract_and_flag", |b| {
        b.iter(|| {
            let l = extract_links(black_box(&page), &url).unwrap();
            flag_links(&l, &url, Some(&bl), &[]).len()
        })
    });
    g.bench_function("flag_only", |b| {
        b.iter(|| flag_links(black_box(&links), &url, Some(&bl), &[]).len())
    });
    g.finish();
}

fn bench_site(c: &mut Criterion) {
    let td = |p: &str| {
        std::fs::read(format!("{}/testdata/trust/{p}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let now = VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap();
    let page_url = url::Url::parse("https://good.test.gov.vn/").unwrap();
    let mut html = String::from("<html><body><a href='/bao-mat'>Bảo mật</a>");
    for i in 0..500 {
        let _ = write!(
            html,
            "<p>Mục {i}</p><a href='/muc/{i}'>{i}</a><img src='/i/{i}.png'>"
        );
    }
    html.push_str("</body></html>");
    let ev = SiteEvidence {
        system: SystemInfo::default(),
        host: Some("good.test.gov.vn".into()),
        addresses: vec!["192.0.2.10".parse().unwrap()],
        security_level: Some(SecurityLevelAttestation {
            level: 3,
            approval_reference: "123/QĐ".into(),
            approved_at: VnDateTime::parse_local("2025-05-01").unwrap(),
            approved_by: None,
        }),
        consent: Some(ConsentCommitment {
            url: "https://good.test.gov.vn/bao-mat".into(),
            text: "Cam kết".into(),
        }),
        tls: Some(TlsEvidence {
            chain: load_chain(&td("certs/good.pem")).unwrap(),
            host: "good.test.gov.vn".into(),
            version: Some("TLSv1.3".into()),
            cipher_suite: Some("TLS_AES_128_GCM_SHA256".into()),
        }),
        page: Some(Page {
            url: page_url,
            html: html.into_bytes(),
        }),
        malware_scan: Some(Attestation {
            by: "SOC".into(),
            at: now,
            reference: "RQ".into(),
            found_problems: false,
        }),
        gov_names: vec![],
        security_txt: Some((
            td("securitytxt/good-test-gov-vn.txt"),
            Some("https://good.test.gov.vn/.well-known/security.txt".into()),
        )),
        contacts: vec![],
    };
    let anchors = Anchors::Custom(load_anchors(&td("certs/test-root.pem")).unwrap());
    let policy = TlsPolicy::default();
    let (list, _) = big_list();
    let ctx = Context {
        now,
        anchors: &anchors,
        policy: &policy,
        blocklist: Some(&list),
    };
    assert!(evaluate_site(&ev, &ctx).meets_criteria);
    let mut g = c.benchmark_group("trust_site");
    g.bench_function("evaluate_site", |b| {
        b.iter(|| evaluate_site(black_box(&ev), &ctx).meets_criteria)
    });
    g.finish();
}

criterion_group!(benches, bench_blocklist, bench_links, bench_site);
criterion_main!(benches);
