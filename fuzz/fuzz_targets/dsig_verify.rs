//! XMLDSig signatures of untrusted edXML packages (`egov_edxml::dsig::verify`, DOC-18): never
//! a panic (the `Signature` element, its references and transforms, base64 values, the
//! certificates of `KeyInfo`, the canonicalisation of what the reference selects); the verdict
//! agrees with its parts (valid only with its algorithms, a signer and — anchors being given —
//! a trusted chain); every failure has a stable `dsig.` code and a Vietnamese message, every
//! finding is DOC-18 in both languages; the result survives JSON; verifying twice agrees.
#![no_main]

use std::sync::OnceLock;

use egov_edxml::dsig::{verify, ChainStatus, Failure, TrustAnchors, VerifyOptions};
use egov_edxml::Limits;
use libfuzzer_sys::fuzz_target;

/// The test root and intermediate of `testdata/pki/`, which signed the seeds; a fixed time, so
/// that two runs judge the certificates at the same instant.
fn options() -> &'static VerifyOptions {
    static OPTIONS: OnceLock<VerifyOptions> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut pem = include_bytes!("../../testdata/pki/root-ca.pem").to_vec();
        pem.extend_from_slice(include_bytes!("../../testdata/pki/intermediate-ca.pem"));
        VerifyOptions {
            anchors: TrustAnchors::from_pem(&pem).expect("the test anchors read"),
            at: Some(egov_core::VnDateTime::parse("2026-06-01T12:00:00+07:00").expect("fixed")),
            limits: Limits {
                max_depth: 64,
                max_elements: 20_000,
                max_text_bytes: 1 << 20,
                max_markup_bytes: 1 << 20,
                ..Limits::default()
            },
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let v = verify(data, options());
    match &v.failure {
        None => {
            assert!(
                v.signature_algorithm.is_some() && v.digest_algorithm.is_some(),
                "{v:?}"
            );
            assert!(v.canonicalization.is_some() && v.signer.is_some(), "{v:?}");
            assert!(
                matches!(v.chain, Some(ChainStatus::Trusted { .. })),
                "valid with anchors given but no trusted chain: {v:?}"
            );
        }
        Some(f) => {
            assert!(f.code().starts_with("dsig."), "{f:?}");
            assert!(!f.message_vi().is_empty(), "{f:?}");
            if let Failure::Malformed { reason_vi, .. }
            | Failure::UnsupportedReference { reason_vi, .. }
            | Failure::Untrusted { reason_vi, .. } = f
            {
                assert!(!reason_vi.is_empty(), "no Vietnamese reason: {f:?}");
            }
        }
    }
    for finding in v.findings() {
        assert_eq!(finding.rule, "DOC-18");
        assert!(!finding.message.is_empty() && !finding.message_vi.is_empty());
    }
    egov_fuzz::json_round_trip(&v);
    assert_eq!(v, verify(data, options()), "verifying twice disagrees");
});
