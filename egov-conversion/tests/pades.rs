//! PAdES signatures on real PDFs (NĐ 30/2020 Đ25: the copying agency's digital signature on an
//! electronic copy; NĐ 137/2024 Đ4.1.b–c, CONV-05/06; QĐ 28/2018/QĐ-TTg Đ6.1, DOC-18), checked
//! by an independent validator: pyHanko (`pyhanko sign validate`, the test CA as trust root)
//! validates every signature egov writes, egov validates pyHanko's, and `qpdf --check` accepts
//! every file egov writes. The test command installs pyHanko and qpdf and sets
//! `EGOV_PDF_TOOLS_REQUIRED=1` and `EGOV_PYHANKO`; a missing tool then fails the test.
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};
use std::process::Command;

use egov_conversion::pdf::{
    sign_pdf, verify_signatures, PadesOptions, PdfError, SignatureKind, SignatureVerifyOptions,
};
use egov_core::ErrorCode;
use egov_sign::{KeyPairSigner, TrustAnchors};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pki(name: &str) -> Vec<u8> {
    std::fs::read(root().join("testdata/pki").join(name)).unwrap()
}

fn pdf(name: &str) -> Vec<u8> {
    std::fs::read(root().join("testdata/pdf").join(name)).unwrap()
}

fn signer(stem: &str) -> KeyPairSigner {
    let mut chain = pki(&format!("{stem}.pem"));
    if stem == "signer-ec" {
        chain.extend_from_slice(&pki("intermediate-ca.pem"));
    }
    KeyPairSigner::from_pem(&pki(&format!("{stem}.key")), &chain).unwrap()
}

fn anchors() -> SignatureVerifyOptions {
    SignatureVerifyOptions {
        anchors: TrustAnchors::from_pem(&[pki("root-ca.pem"), pki("tsa.pem")].concat()).unwrap(),
        ..Default::default()
    }
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-pades-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

fn pyhanko() -> Option<PathBuf> {
    let p = std::env::var("EGOV_PYHANKO")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/venv/bin/pyhanko"));
    if p.exists() {
        Some(p)
    } else {
        assert!(
            !required(),
            "pyHanko is required (EGOV_PYHANKO) but {p:?} does not exist"
        );
        None
    }
}

/// `pyhanko sign validate` with the test roots; returns (success, output).
fn pyhanko_validate(file: &Path) -> Option<(bool, String)> {
    let exe = pyhanko()?;
    let root_ca = root().join("testdata/pki/root-ca.pem");
    let tsa = root().join("testdata/pki/tsa.pem");
    let out = Command::new(exe)
        .args([
            "sign",
            "validate",
            "--pretty-print",
            "--no-revocation-check",
            "--trust-replace",
            "--trust",
        ])
        .arg(&root_ca)
        .arg("--trust")
        .arg(&tsa)
        .arg(file)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.success(), text))
}

/// pyHanko's judgement: `signatures` fields, each "judged VALID" with a trusted certificate
/// (document time-stamps are reported in their own section).
fn valid_in_pyhanko(text: &str, signatures: usize) -> bool {
    text.matches("The signature is judged VALID.").count() == signatures
        && text.matches("The signer's certificate is trusted.").count() >= signatures
        && !text.contains("INVALID")
}

fn qpdf_check(file: &Path) {
    match Command::new("qpdf").arg("--check").arg(file).output() {
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check {file:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => assert!(!required(), "qpdf is required: {e}"),
    }
}

#[test]
fn doc_18_egov_signs_a_libreoffice_pdf_and_pyhanko_validates_it() {
    let original = pdf("libreoffice-6-4-writer-multilang.pdf");
    let signed = sign_pdf(
        &original,
        &signer("signer-rsa"),
        None,
        &PadesOptions::default(),
    )
    .unwrap();
    assert!(signed.pdf.starts_with(&original));
    assert_eq!(signed.field_name, "Signature1");
    let d = tmp("lo");
    let f = d.join("signed.pdf");
    std::fs::write(&f, &signed.pdf).unwrap();
    qpdf_check(&f);
    let r = verify_signatures(&signed.pdf, &anchors()).unwrap();
    assert!(r.all_valid, "{r:#?}");
    assert_eq!(r.signatures.len(), 1);
    let s = &r.signatures[0];
    assert_eq!(s.revisions_after, 0);
    assert_eq!(s.revision, Some(r.revisions));
    assert_eq!(s.signed_len, signed.pdf.len() as u64);
    if let Some((ok, text)) = pyhanko_validate(&f) {
        assert!(ok, "{text}");
        assert!(valid_in_pyhanko(&text, 1), "{text}");
    }
}
