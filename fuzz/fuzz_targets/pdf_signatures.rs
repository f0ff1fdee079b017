//! PAdES signatures of untrusted PDFs (`egov_conversion::pdf::verify_signatures`, DOC-18):
//! never a panic (lopdf, byte ranges, the CMS inside `/Contents`); a file that reads gives a
//! report whose counts agree (valid only with a signature, every signature's covered revision
//! within the file, every finding a DOC-18 finding).
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
        }
        Err(e) => assert!(e.code().starts_with("pdf."), "{e:?}"),
    }
});
