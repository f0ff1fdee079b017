//! QR texts as scanned (`egov_conversion::verify` and `scan::is_mark_text`): any string. The
//! verification ladder is consistent with `payload::decode`, its states with its failure, and
//! its answer survives a serde round trip.
#![no_main]

use egov_conversion::payload;
use egov_conversion::scan::is_mark_text;
use egov_conversion::{verify, Step, TrustSet, VerificationState};
use egov_core::ErrorCode;
use egov_fuzz::{json_round_trip, split_first, trust_set, utf8};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // First byte: whether content is given (and which), then the QR text.
    let Some((sel, rest)) = split_first(data) else {
        return;
    };
    let Some(text) = utf8(rest) else { return };
    let content: Option<&[u8]> = match sel % 3 {
        0 => None,
        1 => Some(b""),
        _ => Some(rest),
    };
    let decoded = payload::decode(text);
    let v = verify(text, trust_set(), content);
    json_round_trip(&v);
    if decoded.is_ok() {
        assert!(
            is_mark_text(text),
            "{text:?} decodes but is not a mark text"
        );
    }
    match (&decoded, &v.failure) {
        (Err(e), Some(f)) => {
            assert_eq!(v.state, VerificationState::Malformed);
            assert_eq!((f.step, f.code.as_str()), (Step::Decode, e.code()));
        }
        (Err(e), None) => panic!("decode fails ({e:?}) but verify has no failure: {v:?}"),
        (Ok(d), failure) => {
            assert!(v.state >= VerificationState::WellFormed, "{v:?}");
            assert_eq!(v.mark.as_ref(), Some(&d.mark));
            assert_eq!(v.lookup_url, d.lookup_url);
            let _ = d.mark.display_lines();
            // Each state says which step could have failed next.
            let expected_step = match v.state {
                VerificationState::Malformed => Step::Decode,
                VerificationState::WellFormed => Step::Signature,
                VerificationState::SignatureValid => Step::Trust,
                VerificationState::KeyTrusted => Step::Content,
                VerificationState::ContentMatches => {
                    assert!(failure.is_none(), "{v:?}");
                    Step::Content
                }
            };
            if let Some(f) = failure {
                assert_eq!(f.step, expected_step, "{v:?}");
            }
            assert_eq!(
                v.content_checked,
                content.is_some() && v.state >= VerificationState::KeyTrusted
            );
            if v.is_verified() {
                assert!(v.signer.is_some());
                assert_eq!(
                    v.state,
                    if content.is_some() {
                        VerificationState::ContentMatches
                    } else {
                        VerificationState::KeyTrusted
                    }
                );
            }
            // Without keys nothing gets past the signature.
            let bare = verify(text, &TrustSet::default(), content);
            assert_eq!(bare.state, VerificationState::WellFormed, "{bare:?}");
        }
    }
    assert_eq!(
        v.is_verified(),
        v.failure.is_none() && v.state >= VerificationState::KeyTrusted
    );
});
