//! Detached CMS signatures (the CAdES form PAdES uses) with the agency's key from PKCS#8 and
//! from PKCS#12 files, checked both ways against OpenSSL (`openssl cms`, an independent CMS
//! implementation) and time-stamped by `openssl ts` (RFC 3161). The test command installs
//! OpenSSL; a missing `openssl` fails these tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use egov_core::VnDateTime;
use egov_sign::cms::{self, CmsSignOptions, CmsVerifyOptions, TimeSource, TimeStamper};
use egov_sign::*;

fn pki_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/pki")
        .join(name)
}

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(pki_path(name)).unwrap()
}

fn signer(stem: &str) -> KeyPairSigner {
    let mut chain = pki(&format!("{stem}.pem"));
    if stem == "signer-ec" {
        chain.extend_from_slice(&pki("intermediate-ca.pem"));
    }
    KeyPairSigner::from_pem(&pki(&format!("{stem}.key")), &chain).unwrap()
}

fn anchors(names: &[&str]) -> TrustAnchors {
    let mut pem = Vec::new();
    for n in names {
        pem.extend(pki(n));
    }
    TrustAnchors::from_pem(&pem).unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-sign-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const CONTENT: &[u8] = b"%PDF-1.7 \xc4\x91i\xe1\xbb\x81u 4 kho\xe1\xba\xa3n 1: b\xe1\xba\xa3n sao \xc4\x91i\xe1\xbb\x87n t\xe1\xbb\xad";

fn sign(s: &dyn Signer, opts: &CmsSignOptions<'_>) -> Vec<u8> {
    let d = cms::digest_algorithm(s, opts);
    cms::sign_detached(s, &d.digest(CONTENT), opts).unwrap()
}

fn verify(der: &[u8], content: &[u8], a: TrustAnchors) -> CmsVerification {
    let d = cms::stated_digest(der).unwrap();
    cms::verify_detached(
        der,
        &d.digest(content),
        &CmsVerifyOptions {
            anchors: a,
            ..Default::default()
        },
    )
}

fn openssl() -> Command {
    Command::new("openssl")
}

#[test]
fn rsa_and_ec_signatures_verify_with_egov_and_chain_to_the_root() {
    let rsa = sign(&signer("signer-rsa"), &CmsSignOptions::default());
    let v = verify(&rsa, CONTENT, anchors(&["root-ca.pem"]));
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(v.signature_algorithm, Some(SignatureAlgorithm::RsaSha256));
    assert!(v.signing_certificate_bound);
    assert_eq!(
        v.chain,
        Some(ChainStatus::Trusted {
            anchor: "CN=egov TEST Root CA,O=egov TEST PKI,C=VN".into(),
            length: 2
        })
    );
    assert_eq!(v.time_source, Some(TimeSource::Now));
    let ec = sign(&signer("signer-ec"), &CmsSignOptions::default());
    let v = verify(&ec, CONTENT, anchors(&["root-ca.pem"]));
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(
        v.signature_algorithm,
        Some(SignatureAlgorithm::EcdsaP256Sha256)
    );
    assert!(matches!(
        v.chain,
        Some(ChainStatus::Trusted { length: 3, .. })
    ));
    // No anchors: the signature verifies, the chain is not checked.
    let v = verify(&rsa, CONTENT, TrustAnchors::new());
    assert!(v.is_valid());
    assert_eq!(v.chain, Some(ChainStatus::NotChecked));
}

#[test]
fn tampered_content_another_root_and_an_expired_certificate_fail_distinctly() {
    let der = sign(&signer("signer-rsa"), &CmsSignOptions::default());
    let mut changed = CONTENT.to_vec();
    changed[3] ^= 1;
    let v = verify(&der, &changed, anchors(&["root-ca.pem"]));
    assert_eq!(
        v.failure.as_ref().map(|f| f.code()),
        Some("cms.digest_mismatch")
    );
    let v = verify(&der, CONTENT, anchors(&["other-root-ca.pem"]));
    assert_eq!(v.failure.as_ref().map(|f| f.code()), Some("cms.untrusted"));
    let old = sign(&signer("signer-expired"), &CmsSignOptions::default());
    let v = verify(&old, CONTENT, anchors(&["root-ca.pem"]));
    assert_eq!(v.failure.as_ref().map(|f| f.code()), Some("cms.expired"));
    assert!(v
        .failure
        .unwrap()
        .message_vi()
        .contains("không còn hiệu lực"));
    // At a time inside its validity, given by the caller, the expired signer's chain holds.
    let d = cms::stated_digest(&old).unwrap();
    let v = cms::verify_detached(
        &old,
        &d.digest(CONTENT),
        &CmsVerifyOptions {
            anchors: anchors(&["root-ca.pem"]),
            at: Some(VnDateTime::from_unix_seconds(1_593_561_600).unwrap()),
            claimed_time: None,
        },
    );
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(v.time_source, Some(TimeSource::Caller));
    // A flipped byte in the signature value.
    let mut bad = der.clone();
    let n = bad.len();
    bad[n - 20] ^= 0x40;
    let v = verify(&bad, CONTENT, anchors(&["root-ca.pem"]));
    assert!(!v.is_valid());
}

#[test]
fn garbage_is_a_typed_failure_not_a_panic() {
    for bytes in [
        &b""[..],
        b"\x30\x03\x02\x01\x01",
        b"not der at all",
        &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
    ] {
        let v = cms::verify_detached(bytes, &[0; 32], &CmsVerifyOptions::default());
        assert_eq!(v.failure.as_ref().map(|f| f.code()), Some("cms.malformed"));
    }
}

#[test]
fn pkcs12_files_modern_and_legacy_open_and_sign() {
    let s = KeyPairSigner::from_pkcs12(&pki("signer-rsa.p12"), "egov-test").unwrap();
    assert_eq!(s.algorithm(), SignatureAlgorithm::RsaSha256);
    assert_eq!(s.certificates().len(), 2, "signer and root");
    let v = verify(
        &sign(&s, &CmsSignOptions::default()),
        CONTENT,
        anchors(&["root-ca.pem"]),
    );
    assert!(v.is_valid(), "{v:?}");
    let s = KeyPairSigner::from_pkcs12(&pki("signer-ec-legacy.p12"), "egov-test").unwrap();
    assert_eq!(s.algorithm(), SignatureAlgorithm::EcdsaP256Sha256);
    let v = verify(
        &sign(&s, &CmsSignOptions::default()),
        CONTENT,
        anchors(&["root-ca.pem"]),
    );
    assert!(
        matches!(v.chain, Some(ChainStatus::Trusted { length: 3, .. })),
        "{v:?}"
    );
    let e = KeyPairSigner::from_pkcs12(&pki("signer-rsa.p12"), "wrong").unwrap_err();
    assert_eq!(e.code(), "sign.key.pkcs12");
    let e = KeyPairSigner::from_pkcs12(b"not a pfx", "egov-test").unwrap_err();
    assert_eq!(e.code(), "sign.key.pkcs12");
}

#[test]
fn a_certificate_that_is_not_the_keys_is_refused() {
    let e =
        KeyPairSigner::from_pem(&pki("signer-rsa.key"), &pki("signer-untrusted.pem")).unwrap_err();
    assert_eq!(e.code(), "sign.key.certificate_mismatch");
    assert!(e.message_vi().contains("không khớp"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn openssl_verifies_egovs_signatures_and_egov_verifies_openssls() {
    let d = tmp("openssl");
    let content = write(&d, "content.bin", CONTENT);
    for stem in ["signer-rsa", "signer-ec"] {
        let der = write(
            &d,
            &format!("{stem}.p7s"),
            &sign(&signer(stem), &CmsSignOptions::default()),
        );
        let out = openssl()
            .args([
                "cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any", "-in",
            ])
            .arg(&der)
            .arg("-content")
            .arg(&content)
            .arg("-CAfile")
            .arg(pki_path("root-ca.pem"))
            .args(["-out", "/dev/null"])
            .output()
            .expect("openssl must be installed (the test command installs it)");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && said.contains("Verification successful"),
            "{stem}: {said}"
        );
        // OpenSSL also reads the ESS signing-certificate-v2 attribute egov wrote.
        let out = openssl()
            .args(["cms", "-cmsout", "-print", "-inform", "DER", "-in"])
            .arg(&der)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("id-smime-aa-signingCertificateV2"), "{text}");
        assert!(!text.contains("signingTime"), "PAdES forbids signing-time");
    }
    // OpenSSL signs (CAdES form, with the intermediate) and egov verifies; tampering fails.
    let theirs = d.join("theirs.p7s");
    let out = openssl()
        .args([
            "cms", "-sign", "-binary", "-cades", "-outform", "DER", "-in",
        ])
        .arg(&content)
        .arg("-signer")
        .arg(pki_path("signer-ec.pem"))
        .arg("-inkey")
        .arg(pki_path("signer-ec.key"))
        .arg("-certfile")
        .arg(pki_path("intermediate-ca.pem"))
        .arg("-out")
        .arg(&theirs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let der = std::fs::read(&theirs).unwrap();
    let v = verify(&der, CONTENT, anchors(&["root-ca.pem"]));
    assert!(v.is_valid(), "{v:?}");
    assert!(v.signing_certificate_bound);
    assert!(v.signing_time.is_some(), "OpenSSL adds signing-time");
    assert!(!verify(&der, b"other content", anchors(&["root-ca.pem"])).is_valid());
}

/// A time-stamping authority: `openssl ts -reply` over the request egov builds.
struct OpensslTsa(PathBuf);

impl TimeStamper for OpensslTsa {
    fn timestamp(&self, digest: DigestAlgorithm, imprint: &[u8]) -> Result<Vec<u8>, String> {
        let req = write(
            &self.0,
            "req.tsq",
            &cms::timestamp_request(digest, imprint, Some(42)),
        );
        let out = openssl()
            .current_dir(&self.0)
            .args(["ts", "-reply", "-config", "tsa.cnf", "-queryfile"])
            .arg(&req)
            .args(["-out", "resp.tsr"])
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        std::fs::read(self.0.join("resp.tsr")).map_err(|e| e.to_string())
    }
}

fn tsa_dir(name: &str) -> PathBuf {
    let d = tmp(name);
    for f in ["tsa.cnf", "tsa.pem", "tsa.key"] {
        std::fs::copy(pki_path(f), d.join(f)).unwrap();
    }
    std::fs::write(d.join("tsaserial"), "01\n").unwrap();
    d
}

#[test]
fn a_signature_time_stamp_from_an_rfc3161_service_is_verified_and_dates_the_chain() {
    let d = tsa_dir("tsa");
    let tsa = OpensslTsa(d.clone());
    let der = sign(
        &signer("signer-rsa"),
        &CmsSignOptions {
            timestamper: Some(&tsa),
            ..Default::default()
        },
    );
    let v = verify(&der, CONTENT, anchors(&["root-ca.pem", "tsa.pem"]));
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(v.time_source, Some(TimeSource::Timestamp));
    let ts = v.timestamp.unwrap();
    assert!(ts.authority.unwrap().subject.contains("egov TEST TSA"));
    assert!(ts.time.starts_with("20"), "{}", ts.time);
    // OpenSSL reads the token egov embedded: `openssl ts -verify` against the signature value.
    // (The imprint check is egov's; here OpenSSL confirms the token itself is sound.)
    let p7 = write(&d, "sig.p7s", &der);
    let out = openssl()
        .args(["cms", "-cmsout", "-print", "-inform", "DER", "-in"])
        .arg(&p7)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("id-smime-aa-timeStampToken"));
    // Without the TSA's root as an anchor, the time-stamp is untrusted and so is the signature.
    let v = verify(&der, CONTENT, anchors(&["root-ca.pem"]));
    assert_eq!(
        v.failure.as_ref().map(|f| f.code()),
        Some("cms.timestamp"),
        "{v:?}"
    );
}

#[test]
fn openssl_ts_verifies_egovs_request_and_the_token_egov_embeds() {
    // The request egov builds is one OpenSSL reads; the reply verifies against the imprint.
    let d = tsa_dir("tsq");
    let imprint = DigestAlgorithm::Sha256.digest(b"signature value");
    let req = write(
        &d,
        "q.tsq",
        &cms::timestamp_request(DigestAlgorithm::Sha256, &imprint, None),
    );
    let out = openssl()
        .args(["ts", "-query", "-text", "-in"])
        .arg(&req)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Certificate required: yes"), "{text}");
    let hex: String = imprint.iter().map(|b| format!("{b:02x}")).collect();
    let reply = OpensslTsa(d.clone())
        .timestamp(DigestAlgorithm::Sha256, &imprint)
        .unwrap();
    let resp = write(&d, "r.tsr", &reply);
    let out = openssl()
        .args(["ts", "-verify", "-digest", &hex, "-in"])
        .arg(&resp)
        .arg("-CAfile")
        .arg(pki_path("tsa.pem"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Verification: OK"),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn doc_18_a_callback_signer_signs_with_the_callers_function() {
    // The private-key operation elsewhere (here a key in memory standing in for a token or a
    // remote service): egov builds and hashes the CMS, the function signs.
    let key = signer("signer-rsa");
    let calls = std::cell::Cell::new(0);
    let external = CallbackSigner::new(
        SignatureAlgorithm::RsaSha256,
        &pki("signer-rsa.pem"),
        |data: &[u8]| {
            calls.set(calls.get() + 1);
            key.sign(data)
        },
    )
    .unwrap();
    assert_eq!(external.certificates(), key.certificates());
    let der = sign(&external, &CmsSignOptions::default());
    assert_eq!(calls.get(), 1);
    let v = verify(&der, CONTENT, anchors(&["root-ca.pem"]));
    assert!(v.is_valid(), "{v:?}");
    // What the function says when it fails is the signing's error; no chain is no signer.
    let failing = CallbackSigner::new(
        SignatureAlgorithm::RsaSha256,
        &pki("signer-rsa.pem"),
        |_: &[u8]| Err("token removed".to_owned()),
    )
    .unwrap();
    let e = cms::sign_detached(&failing, &[0; 32], &CmsSignOptions::default()).unwrap_err();
    assert_eq!(e.code(), "cms.sign.signer");
    assert!(e.to_string().contains("token removed"));
    let none = CallbackSigner::new(SignatureAlgorithm::RsaSha256, b"", |_: &[u8]| Ok(vec![]));
    assert_eq!(none.unwrap_err().code(), "sign.key.no_certificate");
}

#[test]
fn doc_18_a_callback_signer_takes_ecdsa_as_der_or_raw() {
    // Tokens' libraries, OpenSSL and signing services return ECDSA as DER; the CMS carries it
    // either way, and a function returning something else is refused with its length.
    let key = signer("signer-ec");
    for as_der in [true, false] {
        let external = CallbackSigner::new(
            SignatureAlgorithm::EcdsaP256Sha256,
            &pki("signer-ec.pem"),
            |data: &[u8]| {
                let raw = key.sign(data)?;
                Ok(if as_der {
                    egov_sign::algorithm::ecdsa_fixed_to_asn1(&raw).unwrap()
                } else {
                    raw
                })
            },
        )
        .unwrap();
        let raw = external.sign(b"bytes to sign").unwrap();
        assert_eq!(raw.len(), 64, "as DER: {as_der}");
        let der = sign(&external, &CmsSignOptions::default());
        let v = verify(
            &der,
            CONTENT,
            anchors(&["root-ca.pem", "intermediate-ca.pem"]),
        );
        assert!(v.is_valid(), "as DER: {as_der}: {v:?}");
    }
    let short = CallbackSigner::new(
        SignatureAlgorithm::EcdsaP256Sha256,
        &pki("signer-ec.pem"),
        |_: &[u8]| Ok(vec![0x30, 3, 1, 2, 3]),
    )
    .unwrap();
    let e = short.sign(b"x").unwrap_err();
    assert!(e.contains("5 bytes"), "{e}");
}
