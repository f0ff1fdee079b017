//! Conversion marks and PAdES signatures on PDF (feature `pdf`, issue 13), on a 100-page PDF of
//! real producer content (`target/bench-pdf/text-100p.pdf`: the Word 2010 fixture of
//! `testdata/pdf/` joined to 100 pages by qpdf, made by `benches/pdf_inputs.py`, run here when
//! the file is missing): stamp page 1 (blank corner found automatically / a fixed corner),
//! verify the stamped file (page not rendered / rendered at 150 dpi and its QR decoded), sign it
//! PAdES-B-B (RSA-2048) and verify that signature with its chain.
//!
//! Run: `nice cargo bench --bench pdf -- --quick` (`EGOV_BENCH_SCAN=1`: also the 215 MB scan)
//! Side by side with pyHanko, same files, same run, and memory on a 215 MB scan:
//! `benches/pdf_vs_pyhanko.sh`. Numbers: `benches/pdf_results.md`.
//!
//! Target (issue 13): ≥ 10× faster than pyHanko doing the same stamp.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use egov::conversion::payload::PayloadOptions;
use egov::conversion::pdf::{
    self, Corner, PadesOptions, Placement, SignatureVerifyOptions, StampOptions, VerifyOptions,
};
use egov::conversion::{
    AccessLocator, ConversionMark, Profile, PublicKey, SigningKey, SourceSystem, TrustSet,
    TrustedKey, Wording,
};
use egov::core::VnDateTime;
use egov::sign::{KeyPairSigner, TrustAnchors};

/// The allocator of the `egov` binary, so these figures and the CLI's agree.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const URL: &str = "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001";

fn t(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap()
}

/// The data → paper mark `benches/pdf_vs_pyhanko.sh` stamps with the CLI.
fn mark() -> ConversionMark {
    ConversionMark::data_to_paper(
        Profile::General,
        t("2026-03-02T14:05:09+07:00"),
        "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl { url: URL.into() },
        },
        &Wording::default(),
    )
}

fn input_100p() -> Vec<u8> {
    let path = format!("{ROOT}/target/bench-pdf/text-100p.pdf");
    if !Path::new(&path).exists() {
        let status = std::process::Command::new("python3")
            .arg(format!("{ROOT}/benches/pdf_inputs.py"))
            .arg("--text-only")
            .status()
            .expect("python3 benches/pdf_inputs.py --text-only (needs qpdf)");
        assert!(status.success(), "benches/pdf_inputs.py failed");
    }
    std::fs::read(&path).unwrap()
}

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}/testdata/pki/{name}")).unwrap()
}

fn bench(c: &mut Criterion) {
    let original = input_100p();
    let key = SigningKey::from_bytes(&[7; 32]);
    let trust = TrustSet {
        keys: vec![TrustedKey::new(
            "bench",
            PublicKey(key.verifying_key().to_bytes()),
        )],
    };
    let payload = PayloadOptions::default();
    let auto = StampOptions::default();
    let fixed = StampOptions {
        placement: Placement::Corner {
            corner: Corner::BottomLeft,
            margin_mm: 10.0,
        },
        ..StampOptions::default()
    };

    let mut g = c.benchmark_group("pdf_100p");
    g.bench_function("stamp_page1_auto_corner", |b| {
        b.iter(|| pdf::stamp(black_box(&original), &mark(), &key, &payload, &auto).unwrap())
    });
    g.bench_function("stamp_page1_fixed_corner", |b| {
        b.iter(|| pdf::stamp(black_box(&original), &mark(), &key, &payload, &fixed).unwrap())
    });

    let stamped = pdf::stamp(&original, &mark(), &key, &payload, &auto).unwrap();
    let no_render = VerifyOptions {
        render: false,
        ..VerifyOptions::default()
    };
    let render = VerifyOptions::default();
    assert!(
        pdf::verify_pdf(&stamped.pdf, &trust, &render)
            .unwrap()
            .verified
    );
    g.bench_function("verify_mark_no_render", |b| {
        b.iter(|| pdf::verify_pdf(black_box(&stamped.pdf), &trust, &no_render).unwrap())
    });
    g.bench_function("verify_mark_render_150dpi", |b| {
        b.iter(|| pdf::verify_pdf(black_box(&stamped.pdf), &trust, &render).unwrap())
    });

    let signer = KeyPairSigner::from_pem(&pki("signer-rsa.key"), &pki("signer-rsa.pem")).unwrap();
    let pades = PadesOptions {
        signing_time: Some(t("2026-03-02T14:05:09+07:00")),
        ..PadesOptions::default()
    };
    g.bench_function("pades_sign_rsa2048", |b| {
        b.iter(|| pdf::sign_pdf(black_box(&original), &signer, None, &pades).unwrap())
    });
    let signed = pdf::sign_pdf(&original, &signer, None, &pades).unwrap();
    let anchors = SignatureVerifyOptions {
        anchors: TrustAnchors::from_pem(&pki("root-ca.pem")).unwrap(),
        ..Default::default()
    };
    assert!(
        pdf::verify_signatures(&signed.pdf, &anchors)
            .unwrap()
            .all_valid
    );
    g.bench_function("pades_verify_chain", |b| {
        b.iter(|| pdf::verify_signatures(black_box(&signed.pdf), &anchors).unwrap())
    });
    // Signed twice: the revision after the first signature is loaded and compared with the one
    // before it (what that comparison costs beside `pades_verify_chain`).
    let twice = pdf::sign_pdf(&signed.pdf, &signer, None, &pades).unwrap();
    let r = pdf::verify_signatures(&twice.pdf, &anchors).unwrap();
    assert!(r.all_valid && r.updates.len() == 1 && r.updates[0].permitted);
    g.bench_function("pades_verify_two_signatures", |b| {
        b.iter(|| pdf::verify_signatures(black_box(&twice.pdf), &anchors).unwrap())
    });
    g.finish();
}

/// The 215 MB scan of `benches/pdf_inputs.py`, only with `EGOV_BENCH_SCAN=1` (it must exist):
/// stamping (blank corner found on the 300-dpi JPEG page) and signing in memory, without the
/// CLI's file reading, writing and `fsync`.
fn scan(c: &mut Criterion) {
    if std::env::var("EGOV_BENCH_SCAN").as_deref() != Ok("1") {
        return;
    }
    let original = std::fs::read(format!("{ROOT}/target/bench-pdf/scan-200mb.pdf"))
        .expect("target/bench-pdf/scan-200mb.pdf: run benches/pdf_inputs.py");
    let key = SigningKey::from_bytes(&[7; 32]);
    let mark = ConversionMark::paper_to_data(
        Profile::General,
        t("2026-03-02T09:15:27+07:00"),
        "Bộ phận Tiếp nhận và Trả kết quả, Ủy ban nhân dân phường Cốc Lếu, tỉnh Lào Cai",
        &Wording::default(),
    );
    let payload = PayloadOptions::default();
    let signer = KeyPairSigner::from_pem(&pki("signer-rsa.key"), &pki("signer-rsa.pem")).unwrap();
    let pades = PadesOptions {
        signing_time: Some(t("2026-03-02T14:05:09+07:00")),
        ..PadesOptions::default()
    };
    let mut g = c.benchmark_group("pdf_scan_215mb");
    g.sample_size(10);
    g.bench_function("stamp_page1_auto_corner", |b| {
        b.iter(|| {
            pdf::stamp(
                black_box(&original),
                &mark,
                &key,
                &payload,
                &StampOptions::default(),
            )
            .unwrap()
        })
    });
    g.bench_function("pades_sign_rsa2048", |b| {
        b.iter(|| pdf::sign_pdf(black_box(&original), &signer, None, &pades).unwrap())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, scan
}
criterion_main!(benches);
