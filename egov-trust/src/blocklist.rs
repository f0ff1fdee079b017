//! Advisory blocklist snapshots (criterion d, TRUST-02.d, NĐ 137/2024 Đ21.2.d; A-21): domain
//! suffix matching on normalised host names and IPv4/IPv6 CIDR ranges.
//!
//! Domains are kept in a hash set of normalised ASCII names; a lookup hashes each label-boundary
//! suffix of the host (`a.b.evil.vn`, `b.evil.vn`, `evil.vn`, `vn`), so a listed domain covers
//! its subdomains and `evil.vn` never matches `notevil.vn`. Address ranges are merged into
//! sorted, disjoint intervals and searched by binary search.

use std::net::IpAddr;

use egov_core::VnDateTime;
use ipnet::IpNet;
use serde::{Deserialize, Serialize};

/// Domain set tuned for lookups: suffix hashes computed right to left in one pass over the host,
/// a blocked Bloom filter (about one byte per entry, so it stays in cache) that rejects most
/// suffixes without touching the table, and an open-addressing table of (hash, index) that is
/// confirmed by comparing the stored name.
#[derive(Debug, Clone, Default)]
struct DomainSet {
    names: Vec<Box<str>>,
    bloom: Vec<u64>,
    hashes: Vec<u64>,
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

/// Byte-wise multiplicative hash fed right to left, so the hash of every label-boundary suffix
/// falls out of one pass. `fin` mixes the running state into the final hash.
#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

#[inline]
fn fin(h: u64) -> u64 {
    let h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = h ^ (h >> 29);
    h | 1
}

const H0: u64 = 0xcbf2_9ce4_8422_2325;

fn hash_whole(s: &str) -> u64 {
    fin(s.bytes().rev().fold(H0, step))
}

impl DomainSet {
    fn build(mut names: Vec<Box<str>>) -> Self {
        names.sort_unstable();
        names.dedup();
        let n = names.len().max(1);
        let cap = (n * 2).next_power_of_two();
        let bloom_words = (n / 8).next_power_of_two().max(1);
        let mut set = DomainSet {
            names,
            bloom: vec![0; bloom_words],
            hashes: vec![0; cap],
            slots: vec![EMPTY; cap],
        };
        for (i, name) in set.names.iter().enumerate() {
            let h = hash_whole(name);
            let (w, bits) = set.bloom_pos(h);
            set.bloom[w] |= bits;
            let mask = cap - 1;
            let mut at = (h as usize) & mask;
            while set.slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            set.hashes[at] = h;
            set.slots[at] = u32::try_from(i).unwrap_or(EMPTY);
        }
        set
    }

    #[inline]
    fn bloom_pos(&self, h: u64) -> (usize, u64) {
        let w = ((h >> 40) as usize) & (self.bloom.len() - 1);
        let bits = (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63));
        (w, bits)
    }

    fn len(&self) -> usize {
        self.names.len()
    }

    #[inline]
    fn get(&self, suffix: &str, h: u64) -> Option<&str> {
        if self.hashes.is_empty() {
            return None;
        }
        let (w, bits) = self.bloom_pos(h);
        if self.bloom[w] & bits != bits {
            return None;
        }
        let mask = self.hashes.len() - 1;
        let mut at = (h as usize) & mask;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return None;
            }
            if self.hashes[at] == h {
                if let Some(name) = self.names.get(slot as usize) {
                    if name.eq_ignore_ascii_case(suffix) {
                        return Some(name);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The listed entry covering `host` (itself or a parent at a label boundary), comparing
    /// ASCII case-insensitively. `Err(())` when the host has non-ASCII bytes and needs IDNA
    /// mapping first.
    #[inline]
    fn find_suffix(&self, host: &str) -> Result<Option<&str>, ()> {
        let b = host.as_bytes();
        let mut h = H0;
        let mut i = b.len();
        // From the shortest suffix (rightmost label) to the whole host; the first listed one
        // (the widest listed parent) is reported.
        while i > 0 {
            i -= 1;
            let c = b[i];
            if c >= 0x80 {
                return Err(());
            }
            if c == b'.' {
                if let Some(hit) = self.get(&host[i + 1..], fin(h)) {
                    return Ok(Some(hit));
                }
            }
            h = step(h, c.to_ascii_lowercase());
        }
        Ok(self.get(host, fin(h)))
    }
}

/// What a lookup matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum BlocklistHit {
    /// The host is the listed domain or one of its subdomains.
    Domain {
        /// The normalised host looked up.
        host: String,
        /// The listed domain that covers it.
        listed: String,
    },
    /// The address falls in a listed address or range.
    Address {
        /// The address looked up.
        address: IpAddr,
        /// The listed range (`first-last`).
        range: String,
    },
}

impl BlocklistHit {
    /// The list's entry that matched: the listed domain, or the listed range (`first-last`).
    pub fn listed_entry(&self) -> String {
        match self {
            BlocklistHit::Domain { listed, .. } => listed.clone(),
            BlocklistHit::Address { range, .. } => range.clone(),
        }
    }
}

impl std::fmt::Display for BlocklistHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlocklistHit::Domain { host, listed } if host == listed => {
                write!(f, "{host} is listed")
            }
            BlocklistHit::Domain { host, listed } => {
                write!(f, "{host} is under the listed domain {listed}")
            }
            BlocklistHit::Address { address, range } => {
                write!(f, "{address} is in the listed range {range}")
            }
        }
    }
}

/// A line of the source file that could not be read as a domain, address or range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RejectedLine {
    /// 1-based line number.
    pub line: usize,
    /// The text.
    pub text: String,
}

/// A snapshot of an advisory do-not-access list: source, fetch time and entries.
#[derive(Debug, Clone, Default)]
pub struct BlocklistSnapshot {
    /// Where the list came from (URL or name).
    pub source: String,
    /// When it was fetched, if known.
    pub fetched_at: Option<VnDateTime>,
    domains: DomainSet,
    pending: Vec<Box<str>>,
    v4: Vec<(u32, u32)>,
    v6: Vec<(u128, u128)>,
    /// Lines that were not understood.
    pub rejected: Vec<RejectedLine>,
}

/// TRUST-02.d (NĐ 137/2024 Đ21.2.d): normalises a host name for matching: trims, strips one trailing dot, maps IDNA (UTS 46) to
/// ASCII punycode and lowercases. `None` when the host is not a valid domain name.
pub fn normalize_host(host: &str) -> Option<String> {
    let h = host.trim();
    let h = h.strip_suffix('.').unwrap_or(h);
    if h.is_empty() {
        return None;
    }
    if h.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && !h.contains("xn--")
    {
        return is_ldh(h).then(|| h.to_owned());
    }
    idna::domain_to_ascii(h).ok().filter(|s| is_ldh(s))
}

/// Letters, digits, hyphens (and `_`, common in real lists) in non-empty labels.
fn is_ldh(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn v6_key(a: std::net::Ipv6Addr) -> u128 {
    u128::from_be_bytes(a.octets())
}

impl BlocklistSnapshot {
    /// An empty snapshot.
    pub fn new(source: impl Into<String>, fetched_at: Option<VnDateTime>) -> Self {
        BlocklistSnapshot {
            source: source.into(),
            fetched_at,
            ..Default::default()
        }
    }

    /// TRUST-02.d (NĐ 137/2024 Đ21.2.d, A-21): reads a list snapshot, one entry a line: a domain (`evil.vn`, `*.evil.vn`, `Evil.VN.`, Unicode or
    /// punycode), a URL (its host is taken), an address (`203.0.113.7`, `2001:db8::1`), a CIDR
    /// range (`198.51.100.0/24`, `2001:db8::/32`), a hosts-file line (`0.0.0.0 evil.vn`) or an
    /// Adblock-style domain rule (`||evil.vn^`).
    /// `#` starts a comment. Unreadable lines go to [`BlocklistSnapshot::rejected`].
    pub fn parse(source: impl Into<String>, fetched_at: Option<VnDateTime>, text: &str) -> Self {
        let mut s = Self::new(source, fetched_at);
        let mut v4 = Vec::new();
        let mut v6 = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut toks = line.split_whitespace();
            let mut tok = toks.next().unwrap_or("");
            if matches!(tok, "0.0.0.0" | "127.0.0.1" | "::" | "::1") {
                if let Some(next) = toks.next() {
                    tok = next;
                }
            }
            if !s.add_entry(tok, &mut v4, &mut v6) {
                s.rejected.push(RejectedLine {
                    line: i + 1,
                    text: raw.to_owned(),
                });
            }
        }
        s.set_ranges(v4, v6);
        s
    }

    /// Builds a snapshot from entries (same forms as [`BlocklistSnapshot::parse`]).
    pub fn from_entries<'a>(
        source: impl Into<String>,
        fetched_at: Option<VnDateTime>,
        entries: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut s = Self::new(source, fetched_at);
        let (mut v4, mut v6) = (Vec::new(), Vec::new());
        for (i, e) in entries.into_iter().enumerate() {
            if !s.add_entry(e, &mut v4, &mut v6) {
                s.rejected.push(RejectedLine {
                    line: i + 1,
                    text: e.to_owned(),
                });
            }
        }
        s.set_ranges(v4, v6);
        s
    }

    fn add_entry(
        &mut self,
        tok: &str,
        v4: &mut Vec<(u32, u32)>,
        v6: &mut Vec<(u128, u128)>,
    ) -> bool {
        let tok = tok.trim();
        if let Ok(ip) = tok.parse::<IpAddr>() {
            push_range(v4, v6, IpNet::from(ip));
            return true;
        }
        if let Ok(net) = tok.parse::<IpNet>() {
            push_range(v4, v6, net);
            return true;
        }
        let host = if tok.contains("://") {
            match url::Url::parse(tok) {
                Ok(u) => match u.host() {
                    Some(url::Host::Domain(d)) => d.to_owned(),
                    Some(url::Host::Ipv4(a)) => {
                        push_range(v4, v6, IpNet::from(IpAddr::V4(a)));
                        return true;
                    }
                    Some(url::Host::Ipv6(a)) => {
                        push_range(v4, v6, IpNet::from(IpAddr::V6(a)));
                        return true;
                    }
                    None => return false,
                },
                Err(_) => return false,
            }
        } else {
            // `*.evil.vn` and Adblock-style `||evil.vn^` name the domain and its subdomains.
            let t = tok.strip_prefix("||").unwrap_or(tok);
            let t = t.strip_suffix('^').unwrap_or(t);
            t.strip_prefix("*.").unwrap_or(t).to_owned()
        };
        match normalize_host(&host) {
            // A name whose last label is a number is not a domain name (URL Standard: such a
            // host is read as an IPv4 address). `||203.0.113.7^` names the address; a wildcard
            // over an address (`*.3.0.11.33`) names nothing and is rejected, as is `x.1.2.3.4`:
            // kept as a domain it could never match itself (found by the blocklist fuzz target).
            Some(h)
                if h.rsplit('.')
                    .next()
                    .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit())) =>
            {
                match h.parse::<IpAddr>() {
                    Ok(ip) if !tok.contains("*.") => {
                        push_range(v4, v6, IpNet::from(ip));
                        true
                    }
                    _ => false,
                }
            }
            Some(h) if h.contains(|c: char| c.is_ascii_alphanumeric()) => {
                self.pending.push(h.into_boxed_str());
                true
            }
            _ => false,
        }
    }

    fn set_ranges(&mut self, mut v4: Vec<(u32, u32)>, mut v6: Vec<(u128, u128)>) {
        let mut names = std::mem::take(&mut self.domains.names);
        names.append(&mut self.pending);
        self.domains = DomainSet::build(names);
        v4.append(&mut self.v4);
        v6.append(&mut self.v6);
        self.v4 = merge(v4);
        self.v6 = merge(v6);
    }

    /// Number of listed domains.
    pub fn domain_count(&self) -> usize {
        self.domains.len()
    }

    /// Number of disjoint address ranges after merging.
    pub fn range_count(&self) -> usize {
        self.v4.len() + self.v6.len()
    }

    /// TRUST-02.d (NĐ 137/2024 Đ21.2.d): whether `host` or any parent domain is listed. The host
    /// is normalised first (case, trailing dot, IDNA); IP-literal hosts are checked as addresses.
    pub fn match_host(&self, host: &str) -> Option<BlocklistHit> {
        let h = host.trim();
        let h = h.strip_suffix('.').unwrap_or(h);
        let last_digit = h.as_bytes().last().is_some_and(u8::is_ascii_digit);
        if last_digit || h.starts_with('[') || h.contains(':') {
            let bare = h.trim_start_matches('[').trim_end_matches(']');
            if let Ok(ip) = bare.parse::<IpAddr>() {
                return self.match_addr(ip);
            }
        }
        let (listed, host) = match self.domains.find_suffix(h) {
            Ok(hit) => (hit?, h.to_ascii_lowercase()),
            Err(()) => {
                let n = normalize_host(h)?;
                (self.domains.find_suffix(&n).ok()??, n)
            }
        };
        Some(BlocklistHit::Domain {
            host,
            listed: listed.to_owned(),
        })
    }

    /// Whether an already-normalised host (see [`normalize_host`]) or a parent is listed:
    /// returns the listed entry. Allocation-free; the hot path of every lookup.
    pub fn match_normalized<'a>(&'a self, host: &str) -> Option<&'a str> {
        self.domains.find_suffix(host).ok().flatten()
    }

    /// TRUST-02.d (NĐ 137/2024 Đ21.2.d): whether a server address falls in a listed address or
    /// range. IPv4-mapped IPv6 addresses are checked as IPv4.
    pub fn match_addr(&self, addr: IpAddr) -> Option<BlocklistHit> {
        let hit = match addr {
            IpAddr::V4(a) => find(&self.v4, u32::from(a)).map(|(s, e)| {
                format!(
                    "{}-{}",
                    std::net::Ipv4Addr::from(s),
                    std::net::Ipv4Addr::from(e)
                )
            }),
            IpAddr::V6(a) => match a.to_ipv4_mapped() {
                Some(v4) => return self.match_addr(IpAddr::V4(v4)),
                None => find(&self.v6, v6_key(a)).map(|(s, e)| {
                    format!(
                        "{}-{}",
                        std::net::Ipv6Addr::from(s),
                        std::net::Ipv6Addr::from(e)
                    )
                }),
            },
        };
        hit.map(|range| BlocklistHit::Address {
            address: addr,
            range,
        })
    }
}

fn push_range(v4: &mut Vec<(u32, u32)>, v6: &mut Vec<(u128, u128)>, net: IpNet) {
    match net {
        IpNet::V4(n) => v4.push((u32::from(n.network()), u32::from(n.broadcast()))),
        IpNet::V6(n) => v6.push((v6_key(n.network()), v6_key(n.broadcast()))),
    }
}

fn merge<T: Ord + Copy + num_like::Succ>(mut v: Vec<(T, T)>) -> Vec<(T, T)> {
    v.sort_unstable();
    let mut out: Vec<(T, T)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1.succ_sat() => {
                if e > last.1 {
                    last.1 = e;
                }
            }
            _ => out.push((s, e)),
        }
    }
    out
}

fn find<T: Ord + Copy>(ranges: &[(T, T)], x: T) -> Option<(T, T)> {
    let i = ranges.partition_point(|r| r.0 <= x);
    let r = *ranges.get(i.checked_sub(1)?)?;
    (x <= r.1).then_some(r)
}

mod num_like {
    /// Saturating successor, for merging adjacent ranges.
    pub trait Succ {
        fn succ_sat(self) -> Self;
    }
    impl Succ for u32 {
        fn succ_sat(self) -> Self {
            self.saturating_add(1)
        }
    }
    impl Succ for u128 {
        fn succ_sat(self) -> Self {
            self.saturating_add(1)
        }
    }
}

/// TRUST-02.d (NĐ 137/2024 Đ21.2.d, A-21): the site's host name and server addresses against
/// an advisory blocklist snapshot. `Fail` on any hit; `Unknown` without a snapshot, a host, or
/// server addresses (a host that is an IP literal is its own address); otherwise `Pass`.
pub fn evaluate_blocklist(
    snapshot: Option<&BlocklistSnapshot>,
    host: Option<&str>,
    addresses: &[IpAddr],
) -> crate::CriterionVerdict {
    use crate::criteria::finding;
    use egov_core::Outcome;
    let c = crate::Criterion::D;
    let Some(s) = snapshot else {
        return crate::CriterionVerdict::from_findings(
            c,
            vec![finding(
                c,
                Outcome::Unknown,
                "no advisory blocklist snapshot was given",
                "chưa có bản danh sách khuyến cáo không truy cập để đối chiếu",
            )],
        );
    };
    let source = serde_json::json!({
        "source": s.source,
        "fetched_at": s.fetched_at,
        "domains": s.domain_count(),
        "ranges": s.range_count(),
    });
    let mut findings = Vec::new();
    match host {
        None => findings.push(
            finding(
                c,
                Outcome::Unknown,
                "no host name was given",
                "chưa có tên miền",
            )
            .with_field("host"),
        ),
        Some(h) => {
            let hit = s.match_host(h);
            let f = match (&hit, normalize_host(h)) {
                (Some(hit), _) => finding(
                    c,
                    Outcome::Fail,
                    format!("host {h} is on the advisory list ({})", s.source),
                    format!("tên miền {h} thuộc danh sách khuyến cáo ({})", s.source),
                )
                .with_evidence(serde_json::json!({ "hit": hit, "list": source })),
                (None, None) if h.trim().parse::<IpAddr>().is_err() => finding(
                    c,
                    Outcome::Unknown,
                    format!("{h:?} is not a valid host name"),
                    format!(
                        "{} không phải tên miền hợp lệ",
                        egov_core::i18n::quote_vi(h)
                    ),
                ),
                (None, _) => finding(
                    c,
                    Outcome::Pass,
                    format!("host {h} is not on the advisory list"),
                    format!("tên miền {h} không thuộc danh sách khuyến cáo"),
                )
                .with_evidence(source.clone()),
            };
            findings.push(f.with_field("host"));
        }
    }
    let host_ip = host.and_then(|h| {
        h.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok()
    });
    if addresses.is_empty() && host_ip.is_none() {
        findings.push(
            finding(
                c,
                Outcome::Unknown,
                "no server address was given",
                "chưa có địa chỉ máy chủ",
            )
            .with_field("addresses"),
        );
    }
    for a in addresses {
        let f = match s.match_addr(*a) {
            Some(hit) => finding(
                c,
                Outcome::Fail,
                format!("server address {a} is on the advisory list"),
                format!("địa chỉ máy chủ {a} thuộc danh sách khuyến cáo"),
            )
            .with_evidence(serde_json::json!({ "hit": hit, "list": source })),
            None => finding(
                c,
                Outcome::Pass,
                format!("server address {a} is not on the advisory list"),
                format!("địa chỉ máy chủ {a} không thuộc danh sách khuyến cáo"),
            ),
        };
        findings.push(f.with_field("addresses"));
    }
    crate::CriterionVerdict::from_findings(c, findings)
}
