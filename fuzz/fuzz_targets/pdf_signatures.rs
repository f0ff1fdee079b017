//! PAdES signatures of untrusted PDFs (`egov_conversion::pdf::verify_signatures`, DOC-18):
//! never a panic (lopdf, byte ranges, the CMS inside `/Contents`); a file that reads gives a
//! report whose counts agree (valid only with a signature, every signature's covered revision
//! within the file, every finding a DOC-18 finding; every revision after the first signed one
//! classified once, in order, permitted exactly when nothing else changed).
#![no_main]

use egov_conversion::pdf::{verify_signatures, SignatureVerifyOptions};
use egov_core::ErrorCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = SignatureVerifyOptions {
        limits: egov_fuzz::pdf_limits(),
        ..Default::default()
    };
    match verify_signatures(data, &opts) {
        Ok(r) => {
            if r.all_valid {
                assert!(!r.signatures.is_empty());
            }
            for s in &r.signatures {
                assert!(s.signed_len <= data.len() as u64);
                if let Some(rev) = s.revision {
                    assert!(rev >= 1 && rev <= r.revisions, "{rev} of {}", r.revisions);
                }
                if s.valid {
                    assert!(s.range_problem.is_none());
                }
            }
            assert!(r.findings.iter().all(|f| f.rule == "DOC-18"));
            let first = r.signatures.iter().filter_map(|s| s.revision).min();
            match first {
                Some(first) => {
                    let revs: Vec<usize> = r.updates.iter().map(|u| u.revision).collect();
                    assert_eq!(revs, (first + 1..=r.revisions).collect::<Vec<_>>());
                }
                None => assert!(r.updates.is_empty()),
            }
            for u in &r.updates {
                assert_eq!(u.permitted, u.other_changes.is_empty(), "{u:?}");
                assert!(u.other_changes.iter().all(|c| !c.vi().is_empty()));
            }
        }
        Err(e) => assert!(e.code().starts_with("pdf."), "{e:?}"),
    }
});
