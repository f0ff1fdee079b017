//! Signing on a PKCS#11 token: SoftHSM2 (Debian `softhsm2`) stands in for the USB token, set
//! up once per test process in a temporary directory with the committed test keys
//! (`softhsm2-util --import`) and the RSA signer's certificate (`pkcs11-tool` from `opensc`).
//! Signatures made on the token are checked by egov and by `openssl cms -verify`. The test
//! command installs SoftHSM2, OpenSC and OpenSSL; when they are missing these tests fail, they
//! never skip. `EGOV_PKCS11_MODULE` names another SoftHSM2 module than Debian's.

#![cfg(feature = "pkcs11")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use egov_sign::algorithm::{self, SignatureEncoding};
use egov_sign::cms::{self, CmsSignOptions, CmsVerifyOptions};
use egov_sign::pkcs11::{Pkcs11Config, Pkcs11Signer};
use egov_sign::*;
use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

const TOKEN: &str = "egov-test";
/// A second token, only ever given wrong PINs (a process logged in to a token is not asked
/// for its PIN again, so the wrong-PIN test has a token of its own).
const PIN_TOKEN: &str = "egov-pin";
const PIN: &str = "1234";

struct Hsm {
    dir: PathBuf,
    module: PathBuf,
    slot: u64,
}

fn pki_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/pki")
        .join(name)
}

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(pki_path(name)).unwrap()
}

fn der_chain(names: &[&str]) -> Vec<Vec<u8>> {
    names
        .iter()
        .flat_map(|n| Certificate::load_pem_chain(&pki(n)).unwrap())
        .map(|c| c.to_der().unwrap())
        .collect()
}

fn module_path() -> PathBuf {
    if let Some(m) = std::env::var_os("EGOV_PKCS11_MODULE") {
        return PathBuf::from(m);
    }
    [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .expect("SoftHSM2 must be installed (apt-get install softhsm2; the test command does)")
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (the test command installs softhsm2 and opensc)"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?}: {text}");
    text
}

/// The token, set up once per test process before the module is first loaded.
fn hsm() -> &'static Hsm {
    static HSM: OnceLock<Hsm> = OnceLock::new();
    HSM.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("egov-sign-pkcs11-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("tokens")).unwrap();
        let conf = dir.join("softhsm2.conf");
        std::fs::write(
            &conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                dir.join("tokens").display()
            ),
        )
        .unwrap();
        // SoftHSM2 reads its configuration when it is loaded: for this process (the module is
        // loaded after this runs) and for the tools below.
        std::env::set_var("SOFTHSM2_CONF", &conf);
        let module = module_path();
        let init = |label: &str| {
            let said = run(Command::new("softhsm2-util").args([
                "--init-token",
                "--free",
                "--label",
                label,
                "--pin",
                PIN,
                "--so-pin",
                "5678",
            ]));
            // "The token has been initialized and is reassigned to slot 1234"
            said.split("reassigned to slot ")
                .nth(1)
                .and_then(|s| s.split_whitespace().next())
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or_else(|| panic!("no slot in: {said}"))
        };
        let slot = init(TOKEN);
        init(PIN_TOKEN);
        for (key, label, id) in [
            ("signer-rsa.key", "signer-rsa", "01"),
            ("signer-ec.key", "signer-ec", "02"),
        ] {
            run(Command::new("softhsm2-util")
                .arg("--import")
                .arg(pki_path(key))
                .args(["--token", TOKEN, "--label", label, "--id", id, "--pin", PIN]));
        }
        let tool = |object: &Path, kind: &str, id: &str, label: &str| {
            run(Command::new("pkcs11-tool")
                .arg("--module")
                .arg(&module)
                .args(["--token-label", TOKEN, "--login", "--pin", PIN])
                .arg("--write-object")
                .arg(object)
                .args(["--type", kind, "--id", id, "--label", label]));
        };
        // The RSA signer's certificate goes on the token beside its key (as CAs deliver them).
        let cert = dir.join("signer-rsa.der");
        run(Command::new("openssl")
            .args(["x509", "-outform", "DER", "-in"])
            .arg(pki_path("signer-rsa.pem"))
            .arg("-out")
            .arg(&cert));
        tool(&cert, "cert", "01", "signer-rsa");
        // The EC key once more without a public-key object (pkcs11-tool writes the private key
        // alone): its certificate is checked by a trial signature.
        let bare = dir.join("signer-ec.der");
        run(Command::new("openssl")
            .args(["pkey", "-outform", "DER", "-in"])
            .arg(pki_path("signer-ec.key"))
            .arg("-out")
            .arg(&bare));
        tool(&bare, "privkey", "03", "signer-ec-bare");
        Hsm { dir, module, slot }
    })
}

fn config(key_label: Option<&str>) -> Pkcs11Config {
    Pkcs11Config {
        module: hsm().module.clone(),
        token_label: Some(TOKEN.into()),
        slot: None,
        pin: PIN.into(),
        key_label: key_label.map(Into::into),
        key_id: None,
    }
}

fn rsa_signer() -> Pkcs11Signer {
    Pkcs11Signer::open(&config(Some("signer-rsa")), None).unwrap()
}

fn ec_signer() -> Pkcs11Signer {
    let mut c = config(None);
    c.key_id = Some(vec![0x02]);
    Pkcs11Signer::open(
        &c,
        Some(der_chain(&["signer-ec.pem", "intermediate-ca.pem"])),
    )
    .unwrap()
}

const CONTENT: &[u8] =
    b"%PDF-1.7 b\xe1\xba\xa3n sao \xc4\x91i\xe1\xbb\x87n t\xe1\xbb\xad k\xc3\xbd tr\xc3\xaan token";

fn cms_sign(s: &dyn Signer) -> Vec<u8> {
    let opts = CmsSignOptions::default();
    let d = cms::digest_algorithm(s, &opts);
    cms::sign_detached(s, &d.digest(CONTENT), &opts).unwrap()
}

fn egov_verify(der: &[u8]) -> CmsVerification {
    let d = cms::stated_digest(der).unwrap();
    cms::verify_detached(
        der,
        &d.digest(CONTENT),
        &CmsVerifyOptions {
            anchors: TrustAnchors::from_pem(&pki("root-ca.pem")).unwrap(),
            ..Default::default()
        },
    )
}

fn openssl_verify(der: &[u8], name: &str) {
    let d = &hsm().dir;
    let sig = d.join(format!("{name}.p7s"));
    let content = d.join(format!("{name}.bin"));
    std::fs::write(&sig, der).unwrap();
    std::fs::write(&content, CONTENT).unwrap();
    let out = Command::new("openssl")
        .args([
            "cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any", "-in",
        ])
        .arg(&sig)
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
        "{name}: {said}"
    );
}

fn open_err(c: &Pkcs11Config, certs: Option<Vec<Vec<u8>>>) -> KeyError {
    match Pkcs11Signer::open(c, certs) {
        Ok(s) => panic!("opened {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn rsa_key_on_the_token_signs_with_the_certificate_read_from_the_token_verified_by_egov_and_openssl(
) {
    let s = rsa_signer();
    assert_eq!(s.algorithm(), SignatureAlgorithm::RsaSha256);
    assert_eq!(s.key_id(), &[0x01]);
    assert_eq!(s.certificates(), der_chain(&["signer-rsa.pem"]));
    let der = cms_sign(&s);
    let v = egov_verify(&der);
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
    openssl_verify(&der, "rsa");
}

#[test]
fn ec_key_on_the_token_signs_p256_with_the_callers_chain_verified_by_egov_and_openssl() {
    let s = ec_signer();
    assert_eq!(s.algorithm(), SignatureAlgorithm::EcdsaP256Sha256);
    assert_eq!(s.key_label(), "signer-ec");
    assert_eq!(s.certificates().len(), 2);
    let der = cms_sign(&s);
    let v = egov_verify(&der);
    assert!(v.is_valid(), "{v:?}");
    assert_eq!(
        v.signature_algorithm,
        Some(SignatureAlgorithm::EcdsaP256Sha256)
    );
    assert!(
        matches!(v.chain, Some(ChainStatus::Trusted { length: 3, .. })),
        "{v:?}"
    );
    openssl_verify(&der, "ec");
}

#[test]
fn the_slot_chooses_the_token_and_rsa_sha384_and_sha512_are_made_on_the_token() {
    let hsm = hsm();
    let mut c = config(Some("signer-rsa"));
    c.token_label = None;
    c.slot = Some(hsm.slot);
    for alg in [SignatureAlgorithm::RsaSha384, SignatureAlgorithm::RsaSha512] {
        let s = Pkcs11Signer::open(&c, None)
            .unwrap()
            .with_algorithm(alg)
            .unwrap();
        assert_eq!(s.token_label(), TOKEN);
        let der = cms_sign(&s);
        let v = egov_verify(&der);
        assert!(v.is_valid(), "{v:?}");
        assert_eq!(v.signature_algorithm, Some(alg));
        openssl_verify(&der, &format!("{alg:?}"));
    }
    // An EC key signs with its curve's hash only.
    let e = ec_signer()
        .with_algorithm(SignatureAlgorithm::EcdsaP384Sha384)
        .unwrap_err();
    assert_eq!(e.code(), "sign.key.unsupported");
    let e = ec_signer()
        .with_algorithm(SignatureAlgorithm::RsaSha1)
        .unwrap_err();
    assert_eq!(e.code(), "sign.key.unsupported");
    // RSA-SHA1 on an RSA token key only when asked (an edXML signature behind its legacy
    // option): the token signs it, egov's CMS refuses to make it.
    let legacy = rsa_signer()
        .with_algorithm(SignatureAlgorithm::RsaSha1)
        .unwrap();
    assert_eq!(legacy.algorithm(), SignatureAlgorithm::RsaSha1);
    let opts = CmsSignOptions::default();
    let e = cms::sign_detached(&legacy, &[0; 20], &opts).unwrap_err();
    assert_eq!(e.code(), "cms.sign.sha1");
    let sig = legacy.sign(CONTENT).unwrap();
    assert_eq!(sig.len(), 256, "a 2048-bit RSA signature");
}

#[test]
fn a_wrong_pin_is_refused_by_the_token() {
    let mut c = config(None);
    c.token_label = Some(PIN_TOKEN.into());
    c.pin = "9999".into();
    let e = open_err(&c, None);
    assert_eq!(e.code(), "sign.key.pkcs11");
    let m = e.to_string();
    assert!(
        m.contains("refused the PIN") && m.contains("CKR_PIN_INCORRECT"),
        "{m}"
    );
    assert!(e.message_vi().contains("refused the PIN"));
    assert!(!format!("{c:?}").contains("9999"), "the PIN is not printed");
}

#[test]
fn an_unknown_token_label_names_the_tokens_present() {
    let mut c = config(Some("signer-rsa"));
    c.token_label = Some("VNPT-CA token".into());
    let e = open_err(&c, None);
    assert_eq!(e.code(), "sign.key.pkcs11");
    let m = e.to_string();
    assert!(m.contains("no token \"VNPT-CA token\" found"), "{m}");
    assert!(
        m.contains(&format!("\"{TOKEN}\"")) && m.contains(&format!("\"{PIN_TOKEN}\"")),
        "{m}"
    );
    // Several tokens and none named: the caller must choose.
    c.token_label = None;
    let m = open_err(&c, None).to_string();
    assert!(m.contains("several tokens match"), "{m}");
    // A module that is not there.
    c.module = hsm().dir.join("no-such-module.so");
    let e = open_err(&c, None);
    assert_eq!(e.code(), "sign.key.pkcs11");
    assert!(
        e.to_string().contains("cannot load the PKCS#11 module"),
        "{e}"
    );
}

#[test]
fn an_unknown_key_label_or_several_matching_keys_are_errors_naming_the_keys() {
    let e = open_err(&config(Some("no-such-key")), None);
    assert_eq!(e.code(), "sign.key.pkcs11");
    let m = e.to_string();
    assert!(m.contains("no private key labelled \"no-such-key\""), "{m}");
    assert!(
        m.contains("\"signer-rsa\" (id 01)") && m.contains("\"signer-ec\" (id 02)"),
        "{m}"
    );
    let mut c = config(None);
    c.key_id = Some(vec![0x7f]);
    let m = open_err(&c, None).to_string();
    assert!(m.contains("no private key with id 7f"), "{m}");
    // The token holds three private keys: naming none is ambiguous.
    let m = open_err(&config(None), None).to_string();
    assert!(m.contains("3 private keys"), "{m}");
    // A key found, but no certificate for it on the token and none given.
    let mut c = config(Some("signer-ec"));
    c.key_id = Some(vec![0x02]);
    let e = open_err(&c, None);
    assert_eq!(e.code(), "sign.key.no_certificate");
    assert_eq!(open_err(&c, Some(vec![])).code(), "sign.key.no_certificate");
}

#[test]
fn a_caller_certificate_that_is_not_the_keys_is_refused() {
    // RSA key, another RSA certificate (modulus differs).
    let e = open_err(
        &config(Some("signer-rsa")),
        Some(der_chain(&["signer-untrusted.pem"])),
    );
    assert_eq!(e.code(), "sign.key.certificate_mismatch");
    // EC key, another EC certificate (point differs) and an RSA certificate.
    for wrong in ["intermediate-ca.pem", "signer-rsa.pem"] {
        let e = open_err(&config(Some("signer-ec")), Some(der_chain(&[wrong])));
        assert_eq!(e.code(), "sign.key.certificate_mismatch", "{wrong}");
    }
    // A key with no public-key object on the token: the trial signature tells.
    let e = open_err(
        &config(Some("signer-ec-bare")),
        Some(der_chain(&["intermediate-ca.pem"])),
    );
    assert_eq!(e.code(), "sign.key.certificate_mismatch");
    let s = Pkcs11Signer::open(
        &config(Some("signer-ec-bare")),
        Some(der_chain(&["signer-ec.pem", "intermediate-ca.pem"])),
    )
    .unwrap();
    let v = egov_verify(&cms_sign(&s));
    assert!(v.is_valid(), "{v:?}");
    // Garbage instead of a certificate.
    let e = open_err(&config(Some("signer-rsa")), Some(vec![b"not der".to_vec()]));
    assert_eq!(e.code(), "sign.key.certificates");
}

fn session_of(s: &Pkcs11Signer) -> String {
    let d = format!("{s:?}");
    let at = d.find("session: ").expect("the session handle is shown");
    d[at..].split([',', ' ', '}']).nth(1).unwrap().to_string()
}

#[test]
fn twenty_signatures_from_four_threads_reuse_the_one_session() {
    let s = rsa_signer();
    let before = session_of(&s);
    let cert = Certificate::from_der(&s.certificates()[0]).unwrap();
    let key = cert
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes()
        .to_vec();
    std::thread::scope(|scope| {
        for t in 0..4u8 {
            let (s, key) = (&s, &key);
            scope.spawn(move || {
                for i in 0..5u8 {
                    let data = [b"document ", &[t, i][..]].concat();
                    let sig = s.sign(&data).unwrap();
                    assert!(algorithm::verify(
                        SignatureAlgorithm::RsaSha256,
                        SignatureEncoding::Fixed,
                        key,
                        &data,
                        &sig
                    )
                    .is_some());
                }
            });
        }
    });
    assert_eq!(
        session_of(&s),
        before,
        "no session was opened for a signature"
    );
    // The EC signer too: raw r‖s of 64 bytes each time, verified with the certificate's key.
    let ec = ec_signer();
    let before = session_of(&ec);
    let cert = Certificate::from_der(&ec.certificates()[0]).unwrap();
    let point = cert
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes()
        .to_vec();
    for i in 0..20u8 {
        let sig = ec.sign(&[i]).unwrap();
        assert_eq!(sig.len(), 64);
        assert!(algorithm::verify(
            SignatureAlgorithm::EcdsaP256Sha256,
            SignatureEncoding::Fixed,
            &point,
            &[i],
            &sig
        )
        .is_some());
    }
    assert_eq!(session_of(&ec), before);
}
