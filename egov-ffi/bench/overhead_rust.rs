//! Baseline for the overhead measurement: the same calls straight into the Rust crates, and
//! through `egov_ffi::ops` (the layer C and Python share). It also writes the stamped A4 page
//! (`target/release/bench-page.png`) and its trust set (`bench-trust.json`) that the C and
//! Python runs verify. Run: egov-ffi/bench/run.sh
use std::hint::black_box;
use std::time::Instant;

use egov_core::{VnDateTime, WorkingCalendar};
use egov_docs::agency::AgencyCode;
use egov_docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};

/// Mean time per call over `n` calls, best of three rounds (the statistic the C and Python
/// runners report too).
fn bench(label: &str, n: u32, mut f: impl FnMut()) {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        best = best.min(t.elapsed().as_nanos() as f64 / f64::from(n));
    }
    println!("{label:<52} {best:10.0} ns/call");
}

/// A sample A4 page at 300 dpi stamped with a signed mark (seed 07…07); writes the page and
/// the trust set next to the binary for the C and Python runs.
fn stamped_page() -> (Vec<u8>, String) {
    use egov_conversion::{AccessLocator, ConversionMark, Profile, SourceSystem, Wording};
    let page = egov_conversion::render::sample_a4_page(300);
    let mut png = std::io::Cursor::new(Vec::new());
    if let Err(e) =
        image::DynamicImage::ImageLuma8(page).write_to(&mut png, image::ImageFormat::Png)
    {
        panic!("cannot encode the sample page: {e}");
    }
    let at = VnDateTime::parse("2026-03-02T14:05:09+07:00").expect("valid time");
    let mark = ConversionMark::data_to_paper(
        Profile::General,
        at,
        "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl {
                url: "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001".into(),
            },
        },
        &Wording::default(),
    );
    let mark = serde_json::to_string(&mark).expect("mark serialises");
    let seed = "07".repeat(32);
    let (image, _) = egov_ffi::ops::conversion_stamp_page(png.get_ref(), &mark, None, &seed, None)
        .expect("stamp");
    let key = egov_conversion::SigningKey::from_bytes(&[7; 32]);
    let trust = serde_json::json!({"keys": [{"label": "bench",
        "public_key": egov_conversion::payload::hex(&key.verifying_key().to_bytes())}]})
    .to_string();
    let dir = std::env::current_exe()
        .ok()
        .and_then(|p| {
            p.parent()
                .and_then(|d| d.parent())
                .map(std::path::Path::to_path_buf)
        })
        .unwrap_or_default();
    std::fs::write(dir.join("bench-page.png"), &image).expect("write page");
    std::fs::write(dir.join("bench-trust.json"), &trust).expect("write trust");
    (image, trust)
}

fn main() {
    let (page, trust) = stamped_page();
    let trust_set = egov_conversion::TrustSet::from_json(&trust).expect("trust set");
    bench("Rust scan::verify_page_bytes (A4 300 dpi PNG)", 20, || {
        black_box(
            egov_conversion::scan::verify_page_bytes(black_box(&page), &trust_set, None).ok(),
        );
    });
    bench("Rust ops::conversion_verify_page (JSON out)", 20, || {
        black_box(egov_ffi::ops::conversion_verify_page(black_box(&page), &trust, None).ok());
    });
    let record = include_str!("record.json");
    let cal = WorkingCalendar::vietnam();
    bench("Rust AgencyCode::parse + level", 2_000_000, || {
        black_box(
            AgencyCode::parse(black_box("000.00.18.G12"))
                .map(|c| c.level())
                .ok(),
        );
    });
    bench("Rust ops::agency_parse (JSON value)", 200_000, || {
        black_box(egov_ffi::ops::agency_parse(black_box("000.00.18.G12"), false).ok());
    });
    bench(
        "Rust DocumentMetadata::from_json + validate",
        20_000,
        || {
            let r = DocumentMetadata::from_json(black_box(record)).ok();
            black_box(r.map(|r| r.validate(&MetadataPolicy::default())));
        },
    );
    bench("Rust ops::metadata_validate (JSON text)", 20_000, || {
        black_box(egov_ffi::ops::metadata_validate(black_box(record), None).ok());
    });
    bench("Rust send_deadline + judge_send", 50_000, || {
        let s = VnDateTime::parse("2026-02-13T16:00:00+07:00").ok();
        let t = VnDateTime::parse("2026-02-23T12:30:00+07:00").ok();
        if let (Some(s), Some(t)) = (s, t) {
            let d = send_deadline(s, None, &cal, &SendDeadlinePolicy::default()).ok();
            black_box(d.map(|d| judge_send(&d, t)));
        }
    });
}
