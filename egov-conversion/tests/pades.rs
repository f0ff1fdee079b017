//! PAdES signatures on real PDFs (NĐ 30/2020 Đ25: the copying agency's digital signature on an
//! electronic copy; NĐ 137/2024 Đ4.1.b–c, CONV-05/06; QĐ 28/2018/QĐ-TTg Đ6.1, DOC-18), checked
//! by an independent validator: pyHanko (`pyhanko sign validate`, the test CA as trust root)
//! validates every signature egov writes, egov validates pyHanko's, and `qpdf --check` accepts
//! every file egov writes. The test command installs pyHanko and qpdf and sets
//! `EGOV_PDF_TOOLS_REQUIRED=1` and `EGOV_PYHANKO`; a missing tool then fails the test.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egov_conversion::pdf::{
    sign_pdf, verify_signatures, PadesOptions, PdfError, SignatureKind, SignatureVerifyOptions,
};
use egov_core::ErrorCode;
use egov_sign::{KeyPairSigner, TrustAnchors};
use lopdf::dictionary;

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

/// `pyhanko sign validate` with the test roots; returns (success, output). Hybrid-reference
/// files (a classic table with an `/XRefStm`, as Word 2010 writes them) are refused by pyHanko's
/// strict mode whoever signed them: for those, `--no-strict-syntax`.
fn pyhanko_validate(file: &Path) -> Option<(bool, String)> {
    let exe = pyhanko()?;
    let bytes = std::fs::read(file).unwrap();
    let hybrid = bytes.windows(8).any(|w| w == b"/XRefStm");
    let root_ca = root().join("testdata/pki/root-ca.pem");
    let tsa = root().join("testdata/pki/tsa.pem");
    let out = Command::new(exe)
        .args([
            "sign",
            "validate",
            "--pretty-print",
            "--no-revocation-check",
            "--trust-replace",
        ])
        .args(if hybrid {
            &["--no-strict-syntax"][..]
        } else {
            &[][..]
        })
        .arg("--trust")
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

/// pyHanko's verdict on the revisions after each signature that does not cover the whole file
/// (its "Modifications" section): "signature maintenance" (validation data and document
/// time-stamps), "signing and form filling", or "may be illegitimate".
fn pyhanko_modifications(file: &Path) -> Option<Vec<&'static str>> {
    let (_, text) = pyhanko_validate(file)?;
    Some(
        text.lines()
            .filter_map(|l| {
                if l.starts_with("All modifications relate to signature maintenance") {
                    Some("maintenance")
                } else if l.starts_with("All modifications relate to signing and form filling") {
                    Some("signing")
                } else if l.starts_with("Some modifications may be illegitimate") {
                    Some("illegitimate")
                } else {
                    None
                }
            })
            .collect(),
    )
}

/// [`pyhanko_modifications`] of `bytes`, written to `path` first.
fn pyhanko_verdicts(path: &Path, bytes: &[u8]) -> Option<Vec<&'static str>> {
    std::fs::write(path, bytes).unwrap();
    pyhanko_modifications(path)
}

/// `bytes` signed by egov (PAdES-B-B, default options) with the test key `stem`.
fn egov_signed(bytes: &[u8], stem: &str) -> egov_conversion::pdf::SignedPdf {
    sign_pdf(bytes, &signer(stem), None, &PadesOptions::default()).unwrap()
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

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(root().join("testdata/pdf"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn doc_18_every_real_pdf_signed_by_egov_validates_in_egov_qpdf_and_pyhanko() {
    let d = tmp("corpus");
    let mut signed_count = 0;
    for (name, original) in corpus() {
        let r = sign_pdf(
            &original,
            &signer("signer-rsa"),
            None,
            &PadesOptions::default(),
        );
        if name.contains("encrypted") {
            assert_eq!(r.unwrap_err().code(), "pdf.encrypted", "{name}");
            continue;
        }
        let signed = r.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(signed.pdf.starts_with(&original), "{name}");
        let f = d.join(&name);
        std::fs::write(&f, &signed.pdf).unwrap();
        // Two fixtures carry linearization warnings already (qpdf exit 3): compare with theirs.
        let before = Command::new("qpdf")
            .arg("--check")
            .arg(root().join("testdata/pdf").join(&name))
            .output()
            .map(|o| o.status.code());
        let after = Command::new("qpdf")
            .arg("--check")
            .arg(&f)
            .output()
            .map(|o| o.status.code());
        match (before, after) {
            (Ok(b), Ok(a)) => assert!(
                a == Some(0) || a == b,
                "{name}: qpdf --check {a:?} (original {b:?})"
            ),
            _ => assert!(!required(), "qpdf is required"),
        }
        let r = verify_signatures(&signed.pdf, &anchors()).unwrap();
        let ours = r.signatures.last().unwrap();
        assert!(ours.valid, "{name}: {ours:#?}");
        assert_eq!(ours.revisions_after, 0, "{name}");
        assert_eq!(ours.kind, SignatureKind::Approval);
        if name.starts_with("pyhanko") {
            // The pyHanko PAdES-B-LTA fixture: its signature and document time-stamp are still
            // intact, covering earlier revisions, with egov's revision after them.
            assert_eq!(r.signatures.len(), 3, "{r:#?}");
            assert!(r.signatures[0].revisions_after >= 2, "{r:#?}");
            // The document time-stamp is pyHanko's test TSA: intact, untrusted under our anchors,
            // verified without anchors.
            let dts = r
                .signatures
                .iter()
                .find(|s| s.kind == SignatureKind::DocumentTimestamp)
                .unwrap();
            assert!(dts.range_problem.is_none(), "{dts:#?}");
            assert!(
                dts.timestamp_problem
                    .as_deref()
                    .is_some_and(|p| p.contains("trust anchor")),
                "{dts:#?}"
            );
            let open = verify_signatures(&signed.pdf, &SignatureVerifyOptions::default()).unwrap();
            assert!(open.all_valid, "{open:#?}");
            assert!(open
                .signatures
                .iter()
                .any(|s| s.kind == SignatureKind::DocumentTimestamp && s.timestamp.is_some()));
            let theirs = &r.signatures[0];
            let cms = theirs.cms.as_ref().unwrap();
            // Signed (and time-stamped) under pyHanko's own test CA, not among the anchors.
            let failure = cms.failure.as_ref().unwrap();
            assert!(failure.to_string().contains("trust anchor"), "{cms:?}");
        } else {
            assert!(r.all_valid, "{name}: {r:#?}");
            if let Some((ok, text)) = pyhanko_validate(&f) {
                assert!(ok && valid_in_pyhanko(&text, 1), "{name}: {text}");
            }
        }
        signed_count += 1;
    }
    assert!(signed_count >= 8, "{signed_count}");
}

#[test]
fn doc_18_an_ecdsa_signature_through_an_intermediate_validates_in_pyhanko() {
    let original = pdf("msword-2010-geobase-data-model-19p.pdf");
    let opts = PadesOptions {
        reason: Some("Sao từ bản chính".into()),
        location: Some("Hà Nội".into()),
        ..Default::default()
    };
    let signed = sign_pdf(&original, &signer("signer-ec"), None, &opts).unwrap();
    let r = verify_signatures(&signed.pdf, &anchors()).unwrap();
    assert!(r.all_valid, "{r:#?}");
    let cms = r.signatures[0].cms.as_ref().unwrap();
    assert!(matches!(
        cms.chain,
        Some(egov_sign::ChainStatus::Trusted { length: 3, .. })
    ));
    let f = tmp("ec").join("ec.pdf");
    std::fs::write(&f, &signed.pdf).unwrap();
    if let Some((ok, text)) = pyhanko_validate(&f) {
        assert!(ok && valid_in_pyhanko(&text, 1), "{text}");
    }
}

/// A time-stamping authority: `openssl ts -reply` (the test TSA of testdata/pki).
struct OpensslTsa(PathBuf);

impl egov_sign::TimeStamper for OpensslTsa {
    fn timestamp(
        &self,
        digest: egov_sign::DigestAlgorithm,
        imprint: &[u8],
    ) -> Result<Vec<u8>, String> {
        let req = self.0.join("req.tsq");
        std::fs::write(
            &req,
            egov_sign::cms::timestamp_request(digest, imprint, Some(7)),
        )
        .unwrap();
        let out = Command::new("openssl")
            .current_dir(&self.0)
            .args([
                "ts",
                "-reply",
                "-config",
                "tsa.cnf",
                "-queryfile",
                "req.tsq",
                "-out",
                "resp.tsr",
            ])
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        std::fs::read(self.0.join("resp.tsr")).map_err(|e| e.to_string())
    }
}

#[test]
fn doc_18_pades_b_t_the_signature_time_stamp_dates_the_chain_in_egov_and_pyhanko() {
    let d = tmp("bt");
    for f in ["tsa.cnf", "tsa.pem", "tsa.key"] {
        std::fs::copy(root().join("testdata/pki").join(f), d.join(f)).unwrap();
    }
    std::fs::write(d.join("tsaserial"), "01\n").unwrap();
    let tsa = OpensslTsa(d.clone());
    let original = pdf("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let signed = sign_pdf(
        &original,
        &signer("signer-rsa"),
        Some(&tsa),
        &PadesOptions::default(),
    )
    .unwrap();
    let r = verify_signatures(&signed.pdf, &anchors()).unwrap();
    assert!(r.all_valid, "{r:#?}");
    let cms = r.signatures[0].cms.as_ref().unwrap();
    assert_eq!(cms.time_source, Some(egov_sign::TimeSource::Timestamp));
    assert!(cms
        .timestamp
        .as_ref()
        .unwrap()
        .authority
        .as_ref()
        .unwrap()
        .subject
        .contains("TSA"));
    let f = d.join("bt.pdf");
    std::fs::write(&f, &signed.pdf).unwrap();
    if let Some((ok, text)) = pyhanko_validate(&f) {
        assert!(ok && valid_in_pyhanko(&text, 1), "{text}");
        assert!(
            text.contains("time stamp token")
                || text.contains("timestamp")
                || text.contains("Timestamp"),
            "{text}"
        );
    }
}

#[test]
fn doc_18_a_certified_document_that_allows_no_change_is_not_signed() {
    // A catalog whose /Perms /DocMDP certification allows no change (P=1).
    let original = pdf("libreoffice-6-4-writer-multilang.pdf");
    let mut doc = lopdf::Document::load_mem(&original).unwrap();
    let params =
        doc.add_object(dictionary! { "Type" => "TransformParams", "P" => 1, "V" => "1.2" });
    let sig = doc.add_object(dictionary! {
        "Type" => "Sig",
        "Reference" => vec![lopdf::Object::Dictionary(dictionary! {
            "Type" => "SigRef", "TransformMethod" => "DocMDP", "TransformParams" => lopdf::Object::Reference(params),
        })],
    });
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_object_mut(root)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set(
            "Perms",
            dictionary! { "DocMDP" => lopdf::Object::Reference(sig) },
        );
    let mut certified = Vec::new();
    doc.save_to(&mut certified).unwrap();
    let e = sign_pdf(
        &certified,
        &signer("signer-rsa"),
        None,
        &PadesOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, PdfError::Locked { permission: 1, .. }), "{e}");
    assert_eq!(e.code(), "pdf.locked");
}

#[test]
fn doc_18_a_signature_the_file_does_not_frame_fails_and_tampering_fails() {
    let original = pdf("libreoffice-6-4-writer-multilang.pdf");
    let signed = sign_pdf(
        &original,
        &signer("signer-rsa"),
        None,
        &PadesOptions::default(),
    )
    .unwrap();
    // One byte of the original revision changed (inside a content stream's text, not syntax).
    let mut t = signed.pdf.clone();
    let i = original.len() / 2;
    t[i] ^= 0x01;
    let r = verify_signatures(&t, &anchors());
    if let Ok(r) = r {
        assert!(!r.all_valid);
        let cms = r.signatures[0].cms.as_ref().unwrap();
        assert_eq!(
            cms.failure.as_ref().map(|f| f.code()),
            Some("cms.digest_mismatch")
        );
        assert!(r
            .findings
            .iter()
            .any(|f| f.outcome == egov_core::Outcome::Fail && f.rule == "DOC-18"));
    }
    // The byte range shifted so that it no longer frames /Contents.
    let p = &signed.pdf;
    let at = p.windows(10).rposition(|w| w == b"/ByteRange").unwrap();
    let mut t = p.clone();
    let digits = at + 10 + p[at + 10..].iter().position(u8::is_ascii_digit).unwrap();
    let second = digits + p[digits..].iter().position(|b| *b == b' ').unwrap() + 1;
    t[second] = if t[second] == b'9' {
        b'8'
    } else {
        t[second] + 1
    };
    let r = verify_signatures(&t, &anchors()).unwrap();
    assert!(!r.all_valid);
    assert!(r.signatures[0].range_problem.is_some(), "{r:#?}");
    // Not a PDF at all, and a PDF header over garbage: two typed errors.
    assert_eq!(
        verify_signatures(b"not a PDF", &anchors())
            .unwrap_err()
            .code(),
        "pdf.not_pdf"
    );
    assert_eq!(
        verify_signatures(b"%PDF-1.7 garbage", &anchors())
            .unwrap_err()
            .code(),
        "pdf.parse"
    );
}

/// pyHanko signs `input` with the test RSA signer (PAdES, its own CLI).
fn pyhanko_sign(input: &Path, output: &Path) -> Option<()> {
    pyhanko_sign_field(input, output, "Sig1")
}

/// pyHanko signs `input` into `field` (a name, or `page/x1,y1,x2,y2/name` for a visible one).
fn pyhanko_sign_field(input: &Path, output: &Path, field: &str) -> Option<()> {
    let exe = pyhanko()?;
    let pki = root().join("testdata/pki");
    let out = Command::new(exe)
        .args([
            "sign",
            "addsig",
            "--field",
            field,
            "--use-pades",
            "pemder",
            "--no-pass",
            "--key",
        ])
        .arg(pki.join("signer-rsa.key"))
        .arg("--cert")
        .arg(pki.join("signer-rsa.pem"))
        .arg(input)
        .arg(output)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyhanko sign addsig: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(())
}

#[test]
fn conv_16_a_pdf_signed_by_pyhanko_then_stamped_by_egov_keeps_its_signature_in_both_verifiers() {
    let d = tmp("pyhanko-then-egov");
    let input = root().join("testdata/pdf/libreoffice-6-4-writer-multilang.pdf");
    let theirs_path = d.join("pyhanko-signed.pdf");
    if pyhanko_sign(&input, &theirs_path).is_none() {
        return; // not required outside the test command, and said so by pyhanko()
    }
    let theirs = std::fs::read(&theirs_path).unwrap();
    // egov stamps the conversion mark (data → paper) as one more revision.
    let stamped = egov_conversion::pdf::stamp(
        &theirs,
        &common::data_to_paper(),
        &common::key(5),
        &egov_conversion::payload::PayloadOptions::default(),
        &egov_conversion::pdf::StampOptions::default(),
    )
    .unwrap();
    let file = stamped.pdf;
    assert!(file.starts_with(&theirs));
    let r = verify_signatures(&file, &anchors()).unwrap();
    assert!(r.all_valid, "{r:#?}");
    assert_eq!(r.signatures.len(), 1);
    let s = &r.signatures[0];
    assert_eq!(s.field_name.as_deref(), Some("Sig1"));
    assert_eq!(s.signed_len, theirs.len() as u64);
    assert_eq!(s.revision, Some(r.revisions - 1));
    assert_eq!(
        s.revisions_after, 1,
        "egov's report states the appended revision"
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.outcome == egov_core::Outcome::Warning
            && f.message_vi.contains("phiên bản được bổ sung sau chữ ký")));
    // The mark verifies too, with pyHanko's signed file as its original.
    let v = egov_conversion::pdf::verify_pdf(
        &file,
        &common::trust(5),
        &egov_conversion::pdf::VerifyOptions {
            render: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(v.verified, "{:#?}", v.findings);
    // The mark's report lists pyHanko's signature too, with the mark's revision after it.
    assert_eq!(v.signatures.len(), 1);
    assert!(v.signatures[0].valid);
    assert_eq!(v.signatures[0].revisions_after, 1);
    // pyHanko verifies the original revision cut out of the stamped file.
    let cut = d.join("original-revision.pdf");
    std::fs::write(&cut, &file[..s.signed_len as usize]).unwrap();
    let (ok, text) = pyhanko_validate(&cut).unwrap();
    assert!(ok && valid_in_pyhanko(&text, 1), "{text}");
    // Any byte of the original revision changed: both verifiers refuse.
    let mut tampered = file.clone();
    let at = s.byte_range[1] as usize / 2;
    tampered[at] ^= 0x20;
    match verify_signatures(&tampered, &anchors()) {
        Ok(r) => {
            assert!(!r.all_valid);
            assert_eq!(
                r.signatures[0]
                    .cms
                    .as_ref()
                    .and_then(|c| c.failure.as_ref())
                    .map(|f| f.code()),
                Some("cms.digest_mismatch")
            );
        }
        Err(e) => panic!("the tampered file should still parse: {e}"),
    }
    let cut_t = d.join("tampered-original.pdf");
    std::fs::write(&cut_t, &tampered[..s.signed_len as usize]).unwrap();
    let (ok, text) = pyhanko_validate(&cut_t).unwrap();
    assert!(
        !ok || !valid_in_pyhanko(&text, 1),
        "pyHanko accepted a tampered file: {text}"
    );
}

#[test]
fn doc_18_pades_b_lta_validation_data_and_document_time_stamps_are_permitted_after_signing() {
    use egov_conversion::pdf::PermittedUpdate::{DocumentTimestamp, ValidationData};
    // pyHanko's B-LTA file: Sig1 (revision 3), then the /DSS and a document time-stamp
    // (revision 4), then the /DSS again with the time-stamp's validation data (revision 5).
    let file = pdf("pyhanko-pades-b-lta-dss-doctimestamp.pdf");
    let r = verify_signatures(&file, &SignatureVerifyOptions::default()).unwrap();
    let summary: Vec<_> = r
        .updates
        .iter()
        .map(|u| (u.revision, u.adds.clone(), u.permitted))
        .collect();
    assert_eq!(
        summary,
        [
            (4, vec![ValidationData, DocumentTimestamp], true),
            (5, vec![ValidationData], true)
        ],
        "{:#?}",
        r.updates
    );
    assert!(r.updates.iter().all(|u| u.other_changes.is_empty()));
    // Both signatures have revisions after them, and neither is warned of them.
    assert_eq!(
        r.signatures
            .iter()
            .map(|s| (s.revision, s.revisions_after))
            .collect::<Vec<_>>(),
        [(Some(3), 2), (Some(4), 1)]
    );
    let after: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.message.contains("appended after this signature"))
        .collect();
    assert_eq!(after.len(), 2, "{:#?}", r.findings);
    for f in &after {
        assert_eq!(f.outcome, egov_core::Outcome::Pass, "{f:#?}");
        assert!(
            f.message_vi.contains("bổ sung được phép sau khi ký"),
            "{f:#?}"
        );
    }
    assert!(after[0]
        .message
        .contains("validation data (/DSS) and a document time-stamp"));
    // pyHanko's difference analysis says the same of Sig1's (it reports the document
    // time-stamp in a section of its own, without one).
    if let Some(verdicts) =
        pyhanko_modifications(&root().join("testdata/pdf/pyhanko-pades-b-lta-dss-doctimestamp.pdf"))
    {
        assert_eq!(verdicts, ["maintenance"]);
    }
}

#[test]
fn doc_18_a_second_signature_is_permitted_after_the_first_in_egov_and_pyhanko() {
    use egov_conversion::pdf::PermittedUpdate::Signature;
    let d = tmp("twice");
    let original = pdf("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let once = egov_signed(&original, "signer-rsa");
    let twice = egov_signed(&once.pdf, "signer-ec");
    let r = verify_signatures(&twice.pdf, &anchors()).unwrap();
    assert!(r.all_valid, "{r:#?}");
    assert_eq!(r.updates.len(), 1, "{:#?}", r.updates);
    assert_eq!(r.updates[0].adds, [Signature]);
    assert!(r.updates[0].permitted, "{:#?}", r.updates);
    assert!(
        r.findings
            .iter()
            .all(|f| f.outcome == egov_core::Outcome::Pass),
        "{:#?}",
        r.findings
    );
    let f = d.join("twice.pdf");
    if let Some(verdicts) = pyhanko_verdicts(&f, &twice.pdf) {
        assert_eq!(verdicts, ["signing"]);
        let (ok, text) = pyhanko_validate(&f).unwrap();
        assert!(ok && valid_in_pyhanko(&text, 2), "{text}");
    }
}

#[test]
fn doc_18_pyhanko_signing_after_egov_is_a_permitted_update_in_both_on_real_producers() {
    use egov_conversion::pdf::PermittedUpdate::{Metadata, Signature};
    let d = tmp("pyhanko-second");
    // pyHanko's writer also updates what it finds: the catalogue's /Version (LibreOffice 6.4,
    // Kodak), the XMP metadata (Ghostscript, LibreOffice's PDF/A): its own policy permits both.
    for name in [
        "libreoffice-6-4-writer-multilang.pdf",
        "ghostscript-9-19-objstm-rotate90-jbig2.pdf",
        "kodak-capture-ccitt-scan.pdf",
        "libreoffice-7-3-writer-pdfa-pdfua.pdf",
    ] {
        let ours = egov_signed(&pdf(name), "signer-rsa");
        let once = d.join(format!("once-{name}"));
        let twice = d.join(format!("twice-{name}"));
        std::fs::write(&once, &ours.pdf).unwrap();
        if pyhanko_sign_field(&once, &twice, "1/50,50,250,120/Sig2").is_none() {
            return; // not required outside the test command, and said so by pyhanko()
        }
        let file = std::fs::read(&twice).unwrap();
        let r = verify_signatures(&file, &anchors()).unwrap();
        assert!(r.all_valid, "{name}: {r:#?}");
        assert_eq!(r.updates.len(), 1, "{name}");
        let u = &r.updates[0];
        assert!(u.permitted, "{name}: {u:#?}");
        assert_eq!(u.adds, [Signature, Metadata], "{name}: {u:#?}");
        assert!(
            r.findings
                .iter()
                .all(|f| f.outcome == egov_core::Outcome::Pass),
            "{name}: {:#?}",
            r.findings
        );
        assert_eq!(
            pyhanko_modifications(&twice).unwrap(),
            ["signing"],
            "{name}"
        );
    }
}

#[test]
fn doc_18_an_object_nothing_uses_added_after_signing_changes_nothing_in_egov_and_pyhanko() {
    let d = tmp("orphan");
    let original = pdf("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let signed = egov_signed(&original, "signer-rsa");
    let doc = lopdf::Document::load_mem(&signed.pdf).unwrap();
    let mut inc = lopdf::IncrementalDocument::create_from(signed.pdf.clone(), doc);
    let id = (inc.get_prev_documents().max_id + 1, 0);
    inc.new_document.max_id = id.0;
    inc.new_document
        .objects
        .insert(id, lopdf::Object::string_literal("nothing refers to this"));
    let mut file = Vec::new();
    inc.save_to(&mut file).unwrap();
    let r = verify_signatures(&file, &anchors()).unwrap();
    assert_eq!(r.updates.len(), 1);
    assert!(
        r.updates[0].permitted && r.updates[0].adds.is_empty(),
        "{r:#?}"
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.outcome == egov_core::Outcome::Pass
                && f.message_vi
                    .contains("không thay đổi đối tượng nào tài liệu sử dụng")),
        "{:#?}",
        r.findings
    );
    if let Some(verdicts) = pyhanko_verdicts(&d.join("orphan.pdf"), &file) {
        assert_eq!(verdicts, ["maintenance"]);
    }
}

#[test]
fn doc_18_a_page_changed_after_signing_is_named_in_egov_and_illegitimate_in_pyhanko() {
    use egov_conversion::pdf::OtherChange;
    let d = tmp("changed");
    let original = pdf("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let signed = egov_signed(&original, "signer-rsa");
    // An incremental update that rewrites page 1's content and adds a text annotation on it.
    let doc = lopdf::Document::load_mem(&signed.pdf).unwrap();
    let mut inc = lopdf::IncrementalDocument::create_from(signed.pdf.clone(), doc);
    let page = inc.get_prev_documents().get_pages()[&1];
    let content = inc
        .get_prev_documents()
        .get_page_contents(page)
        .first()
        .copied()
        .unwrap();
    inc.opt_clone_object_to_new_document(page).unwrap();
    let note = inc.new_document.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "FreeText", "Rect" => vec![10.into(), 10.into(), 200.into(), 40.into()],
        "Contents" => lopdf::Object::string_literal("ĐÃ THANH TOÁN"), "DA" => lopdf::Object::string_literal("/Helv 12 Tf 0 g"),
    });
    let page_dict = inc
        .new_document
        .get_object_mut(page)
        .unwrap()
        .as_dict_mut()
        .unwrap();
    let mut annots = page_dict
        .get(b"Annots")
        .ok()
        .and_then(|a| a.as_array().ok())
        .cloned()
        .unwrap_or_default();
    annots.push(lopdf::Object::Reference(note));
    page_dict.set("Annots", annots);
    inc.new_document.objects.insert(
        content,
        lopdf::Object::Stream(lopdf::Stream::new(
            lopdf::Dictionary::new(),
            b"BT /F1 24 Tf 72 720 Td (Changed) Tj ET".to_vec(),
        )),
    );
    inc.new_document.max_id = inc.new_document.max_id.max(note.0);
    let mut changed = Vec::new();
    inc.save_to(&mut changed).unwrap();
    assert!(changed.starts_with(&signed.pdf));
    let r = verify_signatures(&changed, &anchors()).unwrap();
    assert!(r.all_valid, "the signature itself is intact: {r:#?}");
    assert_eq!(r.updates.len(), 1);
    let u = &r.updates[0];
    assert!(!u.permitted);
    assert!(u.adds.is_empty(), "{u:#?}");
    assert!(
        u.other_changes.contains(&OtherChange::PageContent {
            page: 1,
            object: content.0
        }),
        "{u:#?}"
    );
    assert!(
        u.other_changes.contains(&OtherChange::Annotation {
            page: 1,
            object: note.0
        }),
        "{u:#?}"
    );
    let warn = r
        .findings
        .iter()
        .find(|f| f.outcome == egov_core::Outcome::Warning)
        .expect("a warning on the later revision");
    assert!(
        warn.message_vi.contains("trang 1: nội dung trang")
            && warn.message_vi.contains("trang 1: thêm chú thích"),
        "{warn:#?}"
    );
    if let Some(verdicts) = pyhanko_verdicts(&d.join("changed.pdf"), &changed) {
        assert_eq!(verdicts, ["illegitimate"]);
    }
}
