//! Conversion marks (egov-conversion): make + sign + render one mark; stamp one A4 300-dpi page;
//! decode + verify one A4 300-dpi page. Targets (issue 3): a mark ≤ 5 ms, A4 verification
//! ≤ 50 ms on one core.
//!
//! Run: `cargo bench --bench conversion -- --quick`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use egov::conversion::payload::{content_digest, PayloadOptions};
use egov::conversion::render::{self, RenderOptions, StampOptions};
use egov::conversion::{
    scan, sign, AccessLocator, ConversionMark, Profile, PublicKey, SigningKey, SourceSystem,
    TrustSet, TrustedKey, Wording,
};
use egov::core::VnDateTime;
use image::ImageFormat;

const URL: &str = "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001";

fn mark() -> ConversionMark {
    ConversionMark::data_to_paper(
        Profile::General,
        VnDateTime::parse("2026-03-02T14:05:09+07:00").unwrap(),
        "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl { url: URL.into() },
        },
        &Wording::default(),
    )
}

fn a4_page(format: ImageFormat) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(render::sample_a4_page(300))
        .write_to(&mut buf, format)
        .unwrap();
    buf.into_inner()
}

fn bench(c: &mut Criterion) {
    let key = SigningKey::from_bytes(&[1; 32]);
    let options = PayloadOptions {
        lookup_url: Some(URL.into()),
        ..Default::default()
    };
    let page = a4_page(ImageFormat::Png);
    let digest = content_digest(&page);
    let trust = TrustSet {
        keys: vec![TrustedKey::new(
            "bench",
            PublicKey(key.verifying_key().to_bytes()),
        )],
    };

    c.bench_function("conversion/mark_make_sign_render", |b| {
        b.iter(|| {
            let s = sign(black_box(&mark()), &digest, &key, &options).unwrap();
            render::render_mark(&s, &RenderOptions::default()).unwrap()
        })
    });

    let signed = sign(&mark(), &digest, &key, &options).unwrap();
    c.bench_function("conversion/mark_sign_only", |b| {
        b.iter(|| sign(black_box(&mark()), &digest, &key, &options).unwrap())
    });
    c.bench_function("conversion/mark_render_only", |b| {
        b.iter(|| render::render_mark(black_box(&signed), &RenderOptions::default()).unwrap())
    });
    c.bench_function("conversion/stamp_a4_300dpi_png", |b| {
        b.iter(|| render::stamp(black_box(&page), &signed, &StampOptions::default()).unwrap())
    });

    let stamped = render::stamp(&page, &signed, &StampOptions::default()).unwrap();
    let grey = scan::load_greyscale(&stamped.image).unwrap();
    c.bench_function("conversion/verify_a4_300dpi_decoded", |b| {
        b.iter(|| scan::verify_page(black_box(&grey), &trust, None).unwrap())
    });
    c.bench_function("conversion/verify_a4_300dpi_png_bytes", |b| {
        b.iter(|| scan::verify_page_bytes(black_box(&stamped.image), &trust, Some(&page)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
