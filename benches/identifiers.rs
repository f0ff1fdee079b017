//! Identifier parsing: egov's hand-written parsers against the regular expressions a user would
//! otherwise write, side by side on the same realistic mixed batch (valid and invalid inputs).
//!
//! Run: `cargo bench --bench identifiers -- --quick`
//!
//! Targets (DESIGN §4, issue brief): agency codes ≥ 10 million/s on one core and ≥ 5× the
//! regex validator `^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$`.
//!
//! Document numbers are compared like for like: `DocNumber::validate` (yes or no) with a
//! validating regex (`is_match`), and `DocNumber::parse` with the same regex extracting the parts
//! (`captures`), which is what `DocNumber::parse` does (plus NFC, the
//! canonical form, type linking and warnings: it accepts `512 /SY-VPUBND` with a warning where
//! the regex rejects it).

// Constant regular expressions in a benchmark harness.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egov::docs::agency::AgencyCode;
use egov::docs::number::DocNumber;
use regex::Regex;

#[path = "support/lcg.rs"]
mod lcg;
use lcg::Lcg;

/// 4096 agency codes: about 80 % valid (levels 1–4, G and H codes), 20 % invalid in the ways
/// real data is (the edXML fixtures' `28.22.H17`, `null`, `vxp.saas.03`, lowercase letters,
/// wrong group lengths, surrounding spaces).
fn agency_batch() -> Vec<String> {
    let mut rng = Lcg(0x5eed_0001);
    let invalid = [
        "28.22.H17",
        "null",
        "vxp.saas.03",
        "000.00.00.g22",
        "0000.00.00.G22",
        "000.00.00.G2",
        " 000.00.00.H41",
        "01.02.G22",
        "000.00.00.GX2",
        "000,00,00,G22",
        "",
    ];
    (0..4096)
        .map(|_| {
            if rng.below(5) == 0 {
                invalid[rng.below(invalid.len() as u64) as usize].to_owned()
            } else {
                let letter = if rng.below(2) == 0 { 'G' } else { 'H' };
                let level = rng.below(4);
                let l2 = if level >= 1 { rng.below(99) + 1 } else { 0 };
                let l3 = if level >= 2 { rng.below(99) + 1 } else { 0 };
                let l4 = if level >= 3 { rng.below(999) + 1 } else { 0 };
                format!("{l4:03}.{l3:02}.{l2:02}.{letter}{:02}", rng.below(64) + 1)
            }
        })
        .collect()
}

/// 4096 "số và ký hiệu": about 80 % valid in the Nghị định 30/2020 forms (normative with year,
/// typed administrative, công văn, copies; Vietnamese letters), 20 % defective (stray spaces,
/// empty draft numbers, timestamps and test strings from the fixtures).
fn number_batch() -> Vec<String> {
    let mut rng = Lcg(0x5eed_0002);
    let types = [
        "QĐ", "NQ", "CT", "QyĐ", "TB", "KH", "BC", "TTr", "CV", "HĐ", "GM", "SY",
    ];
    let issuers = [
        "TTg",
        "BNV",
        "UBND",
        "VPCP-TTĐT",
        "BTC",
        "BTTTT",
        "VPUBND",
        "SXD-QLCL",
        "CP",
    ];
    let normative = [
        "QĐ-TTg",
        "NĐ-CP",
        "TT-BTC",
        "TT-BTTTT",
        "NQ-CP",
        "TTLT-BTC-BNV",
    ];
    let defective = [
        "512 /SY-VPUBND",
        "342 /QĐ-TTg",
        "/2021/NĐ-CP",
        "      /2021/NĐ-CP",
        "20251020104803/GW-AUTO",
        "BINTEST123/GW-AUTO",
        "7816",
        "28/18/QĐ-TTg",
        "5/BNV-VP",
    ];
    (0..4096)
        .map(|_| match rng.below(10) {
            0 | 1 => defective[rng.below(defective.len() as u64) as usize].to_owned(),
            2 | 3 => format!(
                "{}/{}/{}",
                rng.below(300) + 10,
                2015 + rng.below(11),
                normative[rng.below(normative.len() as u64) as usize]
            ),
            4 | 5 => format!("{}/VPCP-TTĐT", rng.below(9000) + 10),
            _ => format!(
                "{:02}/{}-{}",
                rng.below(2000) + 1,
                types[rng.below(types.len() as u64) as usize],
                issuers[rng.below(issuers.len() as u64) as usize]
            ),
        })
        .collect()
}

fn agency_codes(c: &mut Criterion) {
    let batch = agency_batch();
    let re = Regex::new(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$").unwrap();
    // Same verdicts on the same inputs: the comparison is like for like.
    let ours = batch
        .iter()
        .filter(|s| AgencyCode::parse(s).is_ok())
        .count();
    let theirs = batch.iter().filter(|s| re.is_match(s)).count();
    assert_eq!(ours, theirs);

    let mut group = c.benchmark_group("agency_code");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("egov_parse", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter(|s| AgencyCode::parse(black_box(s)).is_ok())
                .count()
        })
    });
    group.bench_function("egov_parse_level", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter_map(|s| AgencyCode::parse(black_box(s)).ok())
                .map(|c| u32::from(c.level()))
                .sum::<u32>()
        })
    });
    group.bench_function("regex_is_match", |b| {
        b.iter(|| batch.iter().filter(|s| re.is_match(black_box(s))).count())
    });
    group.finish();
}

fn doc_numbers(c: &mut Criterion) {
    let batch = number_batch();
    // What a user would write: digits, optional /yyyy, symbol groups of letters and digits.
    let re = Regex::new(r"^\d+(?:/\d{4})?/[\p{L}\d]+(?:-[\p{L}\d]+)*$").unwrap();

    let mut group = c.benchmark_group("doc_number");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("egov_parse", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter(|s| DocNumber::parse(black_box(s)).is_ok())
                .count()
        })
    });
    group.bench_function("egov_validate", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter(|s| DocNumber::validate(black_box(s)).is_ok())
                .count()
        })
    });
    group.bench_function("regex_is_match", |b| {
        b.iter(|| batch.iter().filter(|s| re.is_match(black_box(s))).count())
    });
    group.bench_function("regex_captures", |b| {
        let cap = Regex::new(r"^(\d+)(?:/(\d{4}))?/([\p{L}\d]+)((?:-[\p{L}\d]+)*)$").unwrap();
        b.iter(|| {
            batch
                .iter()
                .filter_map(|s| cap.captures(black_box(s)))
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, agency_codes, doc_numbers);
criterion_main!(benches);
