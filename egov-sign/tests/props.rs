//! Property tests of egov-sign's parsers and encoders (the CMS reader behind DOC-18's PAdES and
//! time-stamp checks): arbitrary bytes and mutated real signatures never panic and always get a
//! coded failure; the ECDSA `r‖s` → DER conversion is what ring reads back.

use egov_sign::algorithm::{ecdsa_fixed_to_asn1, verify, SignatureEncoding};
use egov_sign::cms::{self, CmsSignOptions, CmsVerifyOptions};
use egov_sign::{DigestAlgorithm, KeyPairSigner, SignatureAlgorithm, Signer, TrustAnchors};
use proptest::prelude::*;

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../testdata/pki")
            .join(name),
    )
    .unwrap()
}

fn ec() -> KeyPairSigner {
    KeyPairSigner::from_pem(
        &pki("signer-ec.key"),
        &[pki("signer-ec.pem"), pki("intermediate-ca.pem")].concat(),
    )
    .unwrap()
}

fn signed() -> Vec<u8> {
    let s = ec();
    cms::sign_detached(
        &s,
        &DigestAlgorithm::Sha256.digest(b"content"),
        &CmsSignOptions::default(),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_are_a_coded_failure(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let v = cms::verify_detached(&bytes, &[0; 32], &CmsVerifyOptions::default());
        let f = v.failure.expect("random bytes are not a signature");
        prop_assert!(f.code().starts_with("cms."));
        prop_assert!(cms::verify_timestamp_token(&bytes, &|d| d.digest(b""), &TrustAnchors::new()).is_err());
    }

    #[test]
    fn a_changed_byte_of_the_signature_value_or_the_signers_certificate_never_verifies(
        at in any::<prop::sample::Index>(),
        in_cert in any::<bool>(),
        xor in 1u8..=255,
    ) {
        // CMS has unsigned fields (SignedData's version and digestAlgorithms, the intermediates
        // when no anchor is given): those may change without effect. The signature value (the
        // last bytes of a signature egov writes) and the signer's certificate (bound by
        // signing-certificate-v2) may not.
        let good = signed();
        let mut bad = good.clone();
        let leaf = x509_cert::Certificate::load_pem_chain(&pki("signer-ec.pem")).unwrap().remove(0);
        let leaf_der = x509_cert::der::Encode::to_der(&leaf).unwrap();
        let i = if in_cert {
            let start = good.windows(leaf_der.len()).position(|w| w == leaf_der.as_slice()).unwrap();
            start + at.index(leaf_der.len())
        } else {
            good.len() - 1 - at.index(64)
        };
        bad[i] ^= xor;
        let d = DigestAlgorithm::Sha256.digest(b"content");
        let v = cms::verify_detached(&bad, &d, &CmsVerifyOptions::default());
        prop_assert!(v.failure.is_some(), "a signature changed at byte {} verified", i);
    }

    #[test]
    fn ecdsa_fixed_to_der_is_what_ring_verifies(msg in proptest::collection::vec(any::<u8>(), 0..64)) {
        let s = ec();
        let raw = s.sign(&msg).unwrap();
        prop_assert_eq!(raw.len(), 64);
        let der = ecdsa_fixed_to_asn1(&raw).unwrap();
        let cert = x509_cert::Certificate::load_pem_chain(&pki("signer-ec.pem")).unwrap().remove(0);
        let key = cert.tbs_certificate().subject_public_key_info().subject_public_key.raw_bytes().to_vec();
        prop_assert!(verify(SignatureAlgorithm::EcdsaP256Sha256, SignatureEncoding::Asn1, &key, &msg, &der).is_some());
        prop_assert!(verify(SignatureAlgorithm::EcdsaP256Sha256, SignatureEncoding::Fixed, &key, &msg, &raw).is_some());
    }
}
