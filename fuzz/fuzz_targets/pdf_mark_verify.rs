//! Conversion marks on untrusted PDFs (`egov_conversion::pdf::verify_pdf`, CONV-12 / CONV-16,
//! NĐ 137/2024 Đ5): never a panic (lopdf, the XMP packet, the payload in it, the signed length,
//! the incremental sections after it); the verdict agrees with its parts (verified only with
//! the XMP payload, the original's length and hash within the file, and the trust ladder's
//! verification); every error a `pdf.` code, every finding in both languages; verifying twice
//! agrees. The printed QR code is not
//! rendered here (hayro's job; the decoder of rendered pages is `page_image`'s).
#![no_main]

use egov_conversion::pdf::{verify_pdf, VerifyOptions};
use egov_core::ErrorCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = VerifyOptions {
        render: false,
        limits: egov_fuzz::pdf_limits(),
        ..VerifyOptions::default()
    };
    let trust = egov_fuzz::trust_set();
    match verify_pdf(data, trust, &opts) {
        Ok(r) => {
            if r.verified {
                assert!(r.xmp_payload.is_some() && r.verification.is_some(), "{r:?}");
                let len = r
                    .original_len
                    .expect("a verified mark has an original length");
                assert!(len as usize <= data.len(), "{len} of {}", data.len());
                assert!(r.original_sha256.is_some());
            }
            for f in &r.findings {
                assert!(!f.message.is_empty() && !f.message_vi.is_empty(), "{f:?}");
            }
            // The same answer again (unless the time budget, the one outside input, ran out).
            match verify_pdf(data, trust, &opts) {
                Ok(again) => assert_eq!(r, again, "verifying twice disagrees"),
                Err(e) => assert_eq!(e.code(), "pdf.time_limit", "read once, not twice: {e:?}"),
            }
        }
        Err(e) => assert!(e.code().starts_with("pdf."), "{e:?}"),
    }
});
