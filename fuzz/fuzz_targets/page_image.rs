//! Page images (`egov_conversion::scan`): bytes → `load_greyscale` (PNG, JPEG, TIFF through the
//! crate's own decoding path) → `verify_page` with the build's QR decoder (zxing-cpp by
//! default). Images over `MAX_FUZZ_PIXELS` are skipped before decoding so an execution stays
//! fast. The page verdict is consistent with the marks found.
#![no_main]

use egov_conversion::scan::{
    is_mark_text, load_greyscale, load_pages, verify_page, ScanError, Verdict, MAX_PAGES,
};
use egov_conversion::verify;
use egov_fuzz::{image_within_limits, json_round_trip, trust_set};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if !image_within_limits(data) {
        return;
    }
    let page = match load_greyscale(data) {
        Ok(p) => p,
        Err(e) => {
            assert!(
                matches!(
                    e,
                    ScanError::Decode(_) | ScanError::NoPages | ScanError::TooLarge(_)
                ),
                "{e:?}"
            );
            // Every page of the file: the first one failing fails the whole file too.
            assert!(
                load_pages(data).is_err(),
                "load_pages reads what load_greyscale refuses"
            );
            return;
        }
    };
    match load_pages(data) {
        Ok(pages) => {
            assert!(!pages.is_empty() && pages.len() <= MAX_PAGES);
            assert_eq!(pages[0], page, "first page differs from load_greyscale");
        }
        Err(e) => assert!(!matches!(e, ScanError::NoMark(_)), "{e:?}"),
    }
    match verify_page(&page, trust_set(), None) {
        Ok(pv) => {
            assert!(!pv.marks.is_empty());
            assert!(pv.qr_codes_found >= pv.marks.len(), "{pv:?}");
            let best = &pv.marks[0];
            assert_eq!(pv.qr_text, best.qr_text);
            assert_eq!(pv.verification, best.verification);
            assert_eq!(pv.printed_lines, best.printed_lines);
            for m in &pv.marks {
                assert!(
                    is_mark_text(&m.qr_text),
                    "{:?} is not a mark text",
                    m.qr_text
                );
                // Each mark's verification is the one of its QR text.
                assert_eq!(m.verification, verify(&m.qr_text, trust_set(), None));
            }
            let distinct = {
                let mut t: Vec<&str> = pv.marks.iter().map(|m| m.qr_text.as_str()).collect();
                t.sort_unstable();
                t.dedup();
                t.len()
            };
            match pv.verdict {
                Verdict::ConflictingMarks => assert!(distinct > 1, "{pv:?}"),
                Verdict::Verified => {
                    assert_eq!(distinct, 1);
                    assert!(best.verification.is_verified());
                }
                Verdict::NotVerified => {
                    assert_eq!(distinct, 1);
                    assert!(!best.verification.is_verified());
                }
            }
            assert_eq!(pv.is_verified(), pv.verdict == Verdict::Verified);
            json_round_trip(&pv);
        }
        Err(ScanError::NoMark(_)) => {}
        Err(e) => panic!("verify_page: {e:?}"),
    }
});
