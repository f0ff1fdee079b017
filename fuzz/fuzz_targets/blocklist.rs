//! Advisory blocklists (`egov_trust::BlocklistSnapshot::parse`, `match_host`, `normalize_host`).
//! Input: the host to look up, a newline, then the list.
//!
//! Invariants: a domain hit names a listed domain that covers the host and matches itself; a
//! subdomain of a hit is a hit; ASCII case never changes a lookup; an address hit's range holds
//! the address; host normalisation is idempotent; rejected lines are real lines.
#![no_main]

use std::net::IpAddr;

use egov_fuzz::utf8;
use egov_trust::{normalize_host, BlocklistHit, BlocklistSnapshot};
use libfuzzer_sys::fuzz_target;

fn parse_range(range: &str) -> Option<(IpAddr, IpAddr)> {
    let (a, b) = range.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

fn to_key(a: IpAddr) -> (u8, u128) {
    match a {
        IpAddr::V4(v) => (4, u128::from(u32::from(v))),
        IpAddr::V6(v) => match v.to_ipv4_mapped() {
            Some(v4) => (4, u128::from(u32::from(v4))),
            None => (6, u128::from(v)),
        },
    }
}

fn check_hit(list: &BlocklistSnapshot, host: &str, hit: &BlocklistHit) {
    match hit {
        BlocklistHit::Domain { host: h, listed } => {
            assert!(
                h == listed || h.ends_with(&format!(".{listed}")),
                "{host:?}: hit {listed:?} does not cover {h:?}"
            );
            assert_eq!(
                list.match_normalized(listed),
                Some(listed.as_str()),
                "{listed:?}"
            );
            match list.match_host(listed) {
                Some(BlocklistHit::Domain { listed: l, .. }) => assert_eq!(&l, listed),
                other => panic!("listed domain {listed:?} does not match itself: {other:?}"),
            }
            // A subdomain of a hit is a hit.
            let sub = format!("fuzz-sub.{h}");
            assert!(
                matches!(list.match_host(&sub), Some(BlocklistHit::Domain { .. })),
                "{sub:?} under the hit {h:?} is not a hit"
            );
        }
        BlocklistHit::Address { address, range } => {
            let Some((lo, hi)) = parse_range(range) else {
                panic!("{host:?}: unreadable range {range:?}")
            };
            // Compared in one space (IPv4 as IPv4-mapped IPv6): a v6 range may end at a mapped
            // address (`::-::ffff:255.255.255.255`) and still hold plain v6 addresses.
            let v6 = |a: IpAddr| match a {
                IpAddr::V4(v) => u128::from(v.to_ipv6_mapped()),
                IpAddr::V6(v) => u128::from(v),
            };
            let same_family = to_key(*address).0 == to_key(lo).0
                || to_key(*address).0 == to_key(hi).0
                || matches!((address, lo), (IpAddr::V6(_), IpAddr::V6(_)));
            assert!(same_family, "{address} in {range}: families");
            assert!(
                v6(lo) <= v6(*address) && v6(*address) <= v6(hi),
                "{address} is not in {range}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = utf8(data) else { return };
    let (host, list_text) = text.split_once('\n').unwrap_or((text, ""));
    let list = BlocklistSnapshot::parse("fuzz", None, list_text);

    let line_count = list_text.lines().count();
    for r in &list.rejected {
        assert!((1..=line_count).contains(&r.line), "{r:?}");
    }
    assert!(list.rejected.len() <= line_count && list.domain_count() <= line_count);

    if let Some(n) = normalize_host(host) {
        assert_eq!(
            normalize_host(&n).as_deref(),
            Some(n.as_str()),
            "not idempotent on {host:?}"
        );
        assert!(n.is_ascii(), "{n:?}");
    }

    let hit = list.match_host(host);
    if let Some(h) = &hit {
        check_hit(&list, host, h);
    }
    // ASCII case does not matter to a lookup.
    let upper = list.match_host(&host.to_ascii_uppercase());
    assert_eq!(
        upper.is_some(),
        hit.is_some(),
        "{host:?}: {hit:?} vs upper case {upper:?}"
    );

    // The list's own entries: a domain line is a hit for itself.
    for line in list_text.lines().take(32) {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() || entry.contains(char::is_whitespace) {
            continue;
        }
        if let Some(h) = list.match_host(entry) {
            check_hit(&list, entry, &h);
        }
        if let Some(n) = normalize_host(entry) {
            let plain =
                !entry.contains("://") && !entry.starts_with("||") && !entry.starts_with("*.");
            // A name ending in a number is not a domain (read as an address, or rejected).
            let numeric_tld = n
                .rsplit('.')
                .next()
                .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()));
            if plain && n.contains(|c: char| c.is_ascii_alphanumeric()) && !numeric_tld {
                assert!(
                    list.match_normalized(&n).is_some(),
                    "listed {entry:?} ({n:?}) is not a hit"
                );
            }
        }
    }
});
