//! CMS signatures read from untrusted bytes (`egov_sign::cms`, the parser behind PAdES
//! verification, DOC-18): never a panic; every failure has a stable `cms.` code and a
//! Vietnamese message; a time-stamp token is judged without a panic either; the verdict does
//! not depend on anything but the input (verifying twice agrees).
#![no_main]

use egov_sign::cms::{self, CmsVerifyOptions};
use egov_sign::{DigestAlgorithm, TrustAnchors};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A fixed verification time: with "now" two runs a second apart may judge a certificate's
    // validity at different instants (and say so), which is not a difference of verdict.
    let opts = CmsVerifyOptions {
        at: Some(egov_core::VnDateTime::parse("2026-06-01T12:00:00+07:00").expect("fixed time")),
        ..CmsVerifyOptions::default()
    };
    let digest = match cms::stated_digest(data) {
        Ok(d) => d.digest(b"content"),
        Err(f) => {
            assert!(f.code().starts_with("cms."), "{f:?}");
            assert!(!f.message_vi().is_empty());
            DigestAlgorithm::Sha256.digest(b"content")
        }
    };
    let v = cms::verify_detached(data, &digest, &opts);
    if let Some(f) = &v.failure {
        assert!(f.code().starts_with("cms."), "{f:?}");
        assert!(!f.message_vi().is_empty());
    }
    let again = cms::verify_detached(data, &digest, &opts);
    assert_eq!(v.failure, again.failure);
    // At the time of verification (the default): codes and messages all the same.
    let now = cms::verify_detached(data, &digest, &CmsVerifyOptions::default());
    if let Some(f) = &now.failure {
        assert!(f.code().starts_with("cms."), "{f:?}");
    }
    let _ = cms::verify_timestamp_token(data, &|d| d.digest(b"content"), &TrustAnchors::new());
});
