//! Baseline for the overhead measurement: the same calls straight into the Rust crates, and
//! through `egov_ffi::ops` (the layer C and Python share). Run: egov-ffi/bench/run.sh
use std::hint::black_box;
use std::time::Instant;

use egov_core::{VnDateTime, WorkingCalendar};
use egov_docs::agency::AgencyCode;
use egov_docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};

fn bench(label: &str, n: u32, mut f: impl FnMut()) {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    let ns = t.elapsed().as_nanos() as f64 / f64::from(n);
    println!("{label:<52} {ns:10.0} ns/call");
}

fn main() {
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
