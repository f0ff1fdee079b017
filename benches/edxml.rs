//! edXML (egov-edxml) costs per package: reading (attachments decoded, unzipped, hashed and
//! sniffed, not kept), the receiving check, building, canonicalising, signing and verifying,
//! on real packages from `testdata/edxml/` and a generated 1 MiB attachment.
//!
//! Run: `cargo bench --bench edxml -- --quick`
//! Side by side with the tools a user would otherwise use, same files, same run:
//! `benches/edxml_vs_lxml.sh` (Python lxml) and `benches/edxml_vs_xmlsec1.sh` (xmlsec1).
//! Numbers: `benches/edxml_results.md`.
//!
//! Targets (issue 12): read + check ≥ 5× lxml's parse; verifying a 10 MB package not slower
//! than `xmlsec1 --verify`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egov::edxml::c14n::{canonicalize_to_vec, Algorithm, Subset};
use egov::edxml::dsig::{self, KeyPairSigner, SignOptions, TrustAnchors, VerifyOptions};
use egov::edxml::{build_edoc, check, read_bytes, BuildOptions, CheckOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}/testdata/edxml/{name}")).unwrap()
}

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}/testdata/pki/{name}")).unwrap()
}

const FILES: [(&str, &str); 3] = [
    ("status", "vpcp-sdk-sample-status_builder_01.edxml"),
    (
        "vnpt_builder",
        "vnpt-edxml102-builder-output-2019-04-11.edxml",
    ),
    (
        "saas_corrupt_pdf",
        "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml",
    ),
];

fn read_and_check(c: &mut Criterion) {
    let mut g = c.benchmark_group("edxml_read");
    for (label, file) in FILES {
        let bytes = fixture(file);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(format!("read/{label}"), |b| {
            b.iter(|| read_bytes(black_box(&bytes)).unwrap())
        });
        let package = read_bytes(&bytes).unwrap();
        g.bench_function(format!("check/{label}"), |b| {
            b.iter(|| check(black_box(&package), &CheckOptions::default()))
        });
        g.bench_function(format!("read_check/{label}"), |b| {
            b.iter(|| {
                let p = read_bytes(black_box(&bytes)).unwrap();
                check(&p, &CheckOptions::default())
            })
        });
    }
    g.finish();
}

/// A package with a 1 MiB attachment (PDF-like bytes, zipped as the VNPT JAR does).
fn big_package() -> Vec<u8> {
    let builder = read_bytes(&fixture(FILES[1].1)).unwrap();
    let mut edoc = builder.edoc().unwrap().clone();
    edoc.attachments.truncate(1);
    edoc.manifest = None;
    let mut content = b"%PDF-1.7\n".to_vec();
    let mut x: u32 = 1;
    while content.len() < 1 << 20 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        // Half-compressible, like a scanned PDF's mix of text and image streams.
        content.push(if x >> 31 == 0 {
            b'a' + (x >> 24) as u8 % 26
        } else {
            (x >> 16) as u8
        });
    }
    content.extend_from_slice(b"\n%%EOF\n");
    build_edoc(&edoc, &[&content], &BuildOptions::default()).unwrap()
}

fn attachments(c: &mut Criterion) {
    let big = big_package();
    let package = read_bytes(&big).unwrap();
    let mut g = c.benchmark_group("edxml_attachment_1mib");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("read (base64, inflate, SHA-256, sniff)", |b| {
        b.iter(|| read_bytes(black_box(&big)).unwrap())
    });
    let content = vec![0x5Au8; 1 << 20];
    g.bench_function("build (zip, deflate, base64)", |b| {
        let edoc = package.edoc().unwrap();
        b.iter(|| build_edoc(edoc, &[black_box(&content)], &BuildOptions::default()).unwrap())
    });
    g.finish();
}

fn signatures(c: &mut Criterion) {
    let bytes = fixture(FILES[1].1);
    let mut edoc = read_bytes(&bytes).unwrap().edoc().unwrap().clone();
    edoc.signature = None; // the VPCP example's placeholder
    let pdf = &b"%PDF-1.7\n%%EOF\n"[..];
    let rebuilt = build_edoc(
        &edoc,
        &vec![pdf; edoc.attachments.len()],
        &BuildOptions::default(),
    )
    .unwrap();
    let signer = KeyPairSigner::from_pem(&pki("signer-rsa.key"), &pki("signer-rsa.pem")).unwrap();
    let ec = KeyPairSigner::from_pem(&pki("signer-ec.key"), &pki("signer-ec.pem")).unwrap();
    let anchors = TrustAnchors::from_pem(&pki("root-ca.pem")).unwrap();
    let signed = dsig::sign(&rebuilt, &signer, &SignOptions::default()).unwrap();
    // The test certificates are valid from 2026; the package's trace says 2019.
    let options = VerifyOptions {
        anchors,
        at: Some(egov::core::VnDateTime::parse("2026-12-04T09:00:00+07:00").unwrap()),
        ..VerifyOptions::default()
    };
    let v = dsig::verify(&signed, &options);
    assert!(v.is_valid(), "{:?}", v.failure);
    let mut g = c.benchmark_group("edxml_dsig");
    g.throughput(Throughput::Bytes(rebuilt.len() as u64));
    g.bench_function("c14n exclusive (whole package)", |b| {
        let alg = Algorithm::exclusive();
        b.iter(|| canonicalize_to_vec(black_box(&rebuilt), &alg, &Subset::document()).unwrap())
    });
    g.bench_function("sign rsa-sha256 (2048)", |b| {
        b.iter(|| dsig::sign(black_box(&rebuilt), &signer, &SignOptions::default()).unwrap())
    });
    g.bench_function("sign ecdsa-p256", |b| {
        b.iter(|| dsig::sign(black_box(&rebuilt), &ec, &SignOptions::default()).unwrap())
    });
    g.bench_function("verify rsa-sha256 with chain", |b| {
        b.iter(|| dsig::verify(black_box(&signed), &options))
    });
    g.finish();
}

criterion_group!(benches, read_and_check, attachments, signatures);
criterion_main!(benches);
