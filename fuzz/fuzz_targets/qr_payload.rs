//! The signed QR payload (`egov_conversion::payload::decode`), fed a binary body: the input is
//! `[flags][body]`, turned into the QR text `[lookup_url "#"] "EGCM:" digits(body)`.
//!
//! Invariants: a body that decodes is canonical (its text is the only text of that body, the
//! mark is already normalised), `verify` agrees with `decode`, and re-signing the decoded mark
//! with the fuzz key gives the same field bytes (one mark, one payload) and a mark that
//! verifies.
#![no_main]

use egov_conversion::payload::{self, PayloadError, PayloadLimits, PayloadOptions, MAX_BODY};
use egov_conversion::{sign, verify, Step, VerificationState};
use egov_core::ErrorCode;
use egov_fuzz::{json_round_trip, signing_key, split_first, trust_set};
use libfuzzer_sys::fuzz_target;

/// Lookup URLs the flags choose from (bits 0–1).
const LOOKUP: [Option<&str>; 4] = [
    None,
    Some("https://tracuu.example.gov.vn/m"),
    Some("http://a.vn"),
    Some("https://x.example/p?q=1"),
];
/// Content-hash trailer: SHA-256, key id, signature.
const TRAILER: usize = 32 + payload::KEY_ID_LEN + 64;

fuzz_target!(|data: &[u8]| {
    let Some((flags, body)) = split_first(data) else {
        return;
    };
    let url = LOOKUP[usize::from(flags & 3)];
    let text = payload::qr_text(url, body);
    let decoded = payload::decode(&text);
    let v = verify(&text, trust_set(), None);
    json_round_trip(&v);
    let d = match decoded {
        Ok(d) => d,
        Err(e) => {
            assert_eq!(v.state, VerificationState::Malformed, "{e:?} but {v:?}");
            let f = v.failure.as_ref().map(|f| (f.step, f.code.as_str()));
            assert_eq!(f, Some((Step::Decode, e.code())), "{v:?}");
            return;
        }
    };

    // Canonical: the body and URL come back, and re-encoding gives the same text.
    assert_eq!(d.body, body);
    assert_eq!(d.lookup_url.as_deref(), url);
    assert_eq!(payload::qr_text(d.lookup_url.as_deref(), &d.body), text);
    assert_eq!(
        d.mark.clone().normalized(),
        d.mark,
        "decoded mark is not normalised"
    );
    assert!(v.state >= VerificationState::WellFormed, "{v:?}");
    assert_eq!(v.mark.as_ref(), Some(&d.mark));
    assert_eq!(v.key_id.as_deref(), Some(payload::hex(&d.key_id).as_str()));
    json_round_trip(&d.mark);
    let _ = d.mark.display_lines();
    let _ = d.check_signature(&trust_set().keys[0].public_key.0);

    // One mark, one payload: signing the decoded mark again gives the same field bytes.
    let options = PayloadOptions {
        lookup_url: d.lookup_url.clone(),
        limits: PayloadLimits {
            max_body_bytes: MAX_BODY,
            max_qr_version: 40,
        },
    };
    match sign(&d.mark, &d.content_sha256, &signing_key(), &options) {
        Ok(s) => {
            assert_eq!(s.mark, d.mark, "signing changed the decoded mark");
            let n = d.body.len();
            assert_eq!(s.body.len(), n, "re-signed body length");
            assert_eq!(
                s.body[..n - TRAILER + 32],
                d.body[..n - TRAILER + 32],
                "re-signed fields differ from the decoded ones"
            );
            let again = verify(&s.qr_text, trust_set(), None);
            assert!(
                again.is_verified(),
                "re-signed mark does not verify: {again:?}"
            );
            assert_eq!(again.mark.as_ref(), Some(&d.mark));
            match payload::decode(&s.qr_text) {
                Ok(p) => assert_eq!(p.mark, d.mark),
                Err(e) => panic!("re-signed text does not decode: {e:?}"),
            }
        }
        // A well-formed payload may carry a mark that validation refuses (the ladder says so).
        Err(PayloadError::InvalidMark(_)) => {}
        Err(e) => panic!("a decoded mark cannot be signed again: {e:?} ({d:?})"),
    }
});
