//! Metadata records a)–q) read from JSON (`egov_docs::metadata::DocumentMetadata::from_json`)
//! and validated (DOC-10): serde round trip, validation deterministic and the same on the
//! re-read record, one verdict consistent with the findings.
#![no_main]

use egov_core::{Outcome, Report};
use egov_docs::metadata::{DocumentMetadata, MetadataField, MetadataPolicy};
use egov_fuzz::{to_json, utf8};
use libfuzzer_sys::fuzz_target;

fn check_report(r: &Report) {
    // One finding (at least) for every point a)–q), whatever the record holds.
    for field in MetadataField::ALL {
        assert!(
            r.findings
                .iter()
                .any(|f| f.field.as_deref() == Some(field.key())),
            "no finding for point {}) {}: {r:?}",
            field.point(),
            field.key()
        );
    }
    let _ = to_json(r);
}

fn fails(r: &Report) -> usize {
    r.with_outcome(Outcome::Fail).count()
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    let record = match DocumentMetadata::from_json(s) {
        Ok(r) => r,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let policies = [
        MetadataPolicy::default(),
        MetadataPolicy {
            required: MetadataField::ALL.into_iter().collect(),
        },
        MetadataPolicy {
            required: Default::default(),
        },
    ];
    let reports: Vec<Report> = policies.iter().map(|p| record.validate(p)).collect();
    for (p, r) in policies.iter().zip(&reports) {
        check_report(r);
        assert_eq!(&record.validate(p), r, "validation is not deterministic");
    }
    // Requiring more points never fails fewer.
    assert!(fails(&reports[1]) >= fails(&reports[0]), "{reports:?}");
    assert!(fails(&reports[0]) >= fails(&reports[2]), "{reports:?}");

    // serde round trip. `other` holds free JSON (floats may move by one ulp through text), so
    // it is compared by keys; everything else exactly, and validation must not change.
    let text = to_json(&record);
    let again = match DocumentMetadata::from_json(&text) {
        Ok(a) => a,
        Err(e) => panic!("the JSON form {text} of a record does not read back: {e}"),
    };
    assert!(
        again.other.keys().eq(record.other.keys()),
        "other keys changed through {text}"
    );
    let strip = |r: &DocumentMetadata| DocumentMetadata {
        other: Default::default(),
        ..r.clone()
    };
    assert_eq!(strip(&again), strip(&record), "round trip through {text}");
    for (p, r) in policies.iter().zip(&reports) {
        assert_eq!(&again.validate(p), r, "validation changed through {text}");
    }
});
