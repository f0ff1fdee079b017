//! The two ways a mark is written into an existing PDF (shared/spec/PDF.md §3.3): page content
//! (default, always prints) and a `/Stamp` annotation (a marked copy distributed
//! electronically), with the document's certification (DocMDP) respected and what stamping
//! means for its signatures stated (CONV-16, NĐ 137/2024 Đ5.3.c). Checked with qpdf and by
//! reading the printed QR back from the page rendered (annotation appearances included).
#![cfg(feature = "pdf")]

mod common;

use std::path::PathBuf;
use std::process::Command;

use egov_conversion::payload::PayloadOptions;
use egov_conversion::pdf::{self, PdfError, StampMode, StampOptions, VerifyOptions};
use egov_core::{ErrorCode, Outcome};
use lopdf::dictionary;

fn pdf_file(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../testdata/pdf")
            .join(name),
    )
    .unwrap()
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

fn stamp(original: &[u8], mode: StampMode) -> Result<pdf::StampedPdf, PdfError> {
    pdf::stamp(
        original,
        &common::data_to_paper(),
        &common::key(5),
        &PayloadOptions::default(),
        &StampOptions {
            mode,
            ..StampOptions::default()
        },
    )
}

/// A copy of `original` certified with DocMDP permission `p` (structure only: the checks read
/// `/Perms /DocMDP`, as validators do).
fn certified(original: &[u8], p: i64) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(original).unwrap();
    let params =
        doc.add_object(dictionary! { "Type" => "TransformParams", "P" => p, "V" => "1.2" });
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
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn conv_12_annotation_mode_writes_a_printable_stamp_annotation_whose_qr_reads_back() {
    let original = pdf_file("libreoffice-6-4-writer-multilang.pdf");
    let s = stamp(&original, StampMode::Annotation).unwrap();
    assert_eq!(s.mode, StampMode::Annotation);
    assert!(
        s.corner.is_some(),
        "auto placement names the corner it chose"
    );
    assert!(
        s.findings.is_empty(),
        "no signature, nothing to say: {:?}",
        s.findings
    );
    let doc = lopdf::Document::load_mem(&s.pdf).unwrap();
    let stamps: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Stamp"))
        .collect();
    assert_eq!(stamps.len(), 1);
    assert_eq!(stamps[0].get(b"F").unwrap().as_i64().unwrap(), 4);
    // The page content is untouched: only the annotation shows the mark.
    let v = pdf::verify_pdf(&s.pdf, &common::trust(5), &VerifyOptions::default()).unwrap();
    assert!(v.verified, "{:#?}", v.findings);
    assert_eq!(v.printed.as_ref().map(|p| p.matches_xmp), Some(true));
    let f = std::env::temp_dir().join(format!("egov-annot-{}.pdf", std::process::id()));
    std::fs::write(&f, &s.pdf).unwrap();
    match Command::new("qpdf").arg("--check").arg(&f).output() {
        Ok(o) => assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout)),
        Err(e) => assert!(!required(), "{e}"),
    }
}

#[test]
fn conv_16_docmdp_p1_and_p2_refuse_an_annotation_p3_allows_it_and_content_mode_warns() {
    let original = pdf_file("libreoffice-6-4-writer-multilang.pdf");
    for p in [1, 2] {
        let e = stamp(&certified(&original, p), StampMode::Annotation).unwrap_err();
        assert!(
            matches!(e, PdfError::Locked { permission, .. } if i64::from(permission) == p),
            "{e}"
        );
        assert_eq!(e.code(), "pdf.locked");
    }
    let doc = certified(&original, 3);
    let s = stamp(&doc, StampMode::Annotation).unwrap();
    assert!(s.pdf.starts_with(&doc));
    // Content mode on a certified document: stamped, with a warning that says what it does.
    let s = stamp(&certified(&original, 2), StampMode::Content).unwrap();
    assert_eq!(s.findings.len(), 1);
    let f = &s.findings[0];
    assert_eq!((f.rule.as_ref(), f.outcome), ("CONV-16", Outcome::Warning));
    assert!(f.message_vi.contains("DocMDP P=2"), "{}", f.message_vi);
}

#[test]
fn conv_16_stamping_a_signed_pdf_states_what_validators_will_say() {
    let original = pdf_file("libreoffice-6-4-writer-multilang.pdf");
    let pki = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/pki");
    let signer = egov_sign::KeyPairSigner::from_pem(
        &std::fs::read(pki.join("signer-rsa.key")).unwrap(),
        &std::fs::read(pki.join("signer-rsa.pem")).unwrap(),
    )
    .unwrap();
    let signed = pdf::sign_pdf(&original, &signer, None, &pdf::PadesOptions::default()).unwrap();
    for mode in [StampMode::Content, StampMode::Annotation] {
        let s = stamp(&signed.pdf, mode).unwrap();
        assert_eq!(s.findings.len(), 1, "{mode:?}");
        assert!(
            s.findings[0].message_vi.contains("1 chữ ký số"),
            "{}",
            s.findings[0].message_vi
        );
        // The signature still verifies over its revision, with one revision after it.
        let r = pdf::verify_signatures(&s.pdf, &Default::default()).unwrap();
        assert!(r.all_valid, "{r:#?}");
        assert_eq!(r.signatures[0].revisions_after, 1);
    }
}
