//! Attachments extracted to files (DOC-09, DOC-28): every real package, nothing dropped
//! silently, damage reported, a write failure reported with the files already written.

use std::path::{Path, PathBuf};

use egov_edxml::extract::{extract, extract_file, ExtractError, ExtractStatus};
use egov_edxml::{ReadOptions, Unwrap};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/edxml");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "edxml" || e == "xml"))
        .collect();
    v.sort();
    v
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-extract-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn doc_09_every_real_package_accounts_for_every_attachment() {
    let files = fixtures();
    assert!(files.len() >= 10, "{files:?}");
    for (i, f) in files.iter().enumerate() {
        let dir = scratch(&format!("all-{i}"));
        let Ok(x) = extract_file(f, &dir, &ReadOptions::default()) else {
            // Packages that do not read are the reader's tests; here only what reads.
            continue;
        };
        let described = x.package.edoc().map_or(0, |e| e.attachments.len());
        assert_eq!(
            x.attachments.len() + x.without_content().len(),
            described,
            "{}: every attachment is written or listed as without content",
            f.display()
        );
        for a in &x.attachments {
            assert_eq!(a.path.parent(), Some(dir.as_path()));
            let on_disk = std::fs::metadata(&a.path).unwrap().len();
            assert_eq!(on_disk, a.bytes, "{}", a.path.display());
            if let Some(s) = &a.summary {
                assert_eq!(s.content_bytes, a.bytes);
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn doc_28_the_re_encoded_pdf_comes_out_with_its_warning() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml");
    let dir = scratch("corrupt");
    let x = extract_file(&f, &dir, &ReadOptions::default()).unwrap();
    let a = &x.attachments[0];
    assert_eq!(a.status(), ExtractStatus::Warning);
    assert!(a.problems().iter().any(|p| p.code == "text_reencoded"));
    let json = serde_json::to_value(a).unwrap();
    assert_eq!(json["status"], "warning");
    assert_eq!(json["index"], 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The VNPT builder's `.doc` holds XML: the receiving check fails it (DOC-28) and extraction
/// writes it as received with the same finding as a warning (it said "whole" before).
#[test]
fn doc_28_an_attachment_that_is_not_its_declared_type_comes_out_with_a_warning() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml");
    let dir = scratch("mismatch");
    let x = extract_file(&f, &dir, &ReadOptions::default()).unwrap();
    let a = &x.attachments[0];
    assert_eq!(a.status(), ExtractStatus::Warning);
    let p = a.problems();
    let mismatch = p.iter().find(|p| p.code == "type_mismatch").unwrap();
    assert_eq!(
        mismatch.message,
        "it is declared .doc but its content is xml"
    );
    assert_eq!(
        mismatch.message_vi,
        "được khai báo là .doc nhưng nội dung là xml"
    );
    // A PDF that is a PDF says nothing of the kind.
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vxp-saas-received-2025-10-23-874e0f18.edxml");
    let pdf_dir = scratch("match");
    let x = extract_file(&f, &pdf_dir, &ReadOptions::default()).unwrap();
    assert!(x
        .attachments
        .iter()
        .all(|a| a.problems().iter().all(|p| p.code != "type_mismatch")));
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&pdf_dir).unwrap();
}

#[test]
fn doc_09_names_never_collide_and_raw_keeps_the_zip() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml");
    let bytes = std::fs::read(&f).unwrap();
    let dir = scratch("twice");
    let first = extract(&bytes[..], &dir, &ReadOptions::default()).unwrap();
    let raw = ReadOptions {
        unwrap: Unwrap::Never,
        ..ReadOptions::default()
    };
    let second = extract(&bytes[..], &dir, &raw).unwrap();
    for (a, b) in first.attachments.iter().zip(&second.attachments) {
        assert_ne!(a.path, b.path);
        assert!(b.renamed());
        let head = std::fs::read(&b.path).unwrap();
        assert!(head.starts_with(b"PK\x03\x04"), "{}", b.path.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn doc_09_a_write_failure_names_the_file_and_what_was_written() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml");
    let bytes = std::fs::read(&f).unwrap();
    // The output "directory" is a file: nothing can be created in it.
    let base = scratch("notadir");
    std::fs::create_dir_all(&base).unwrap();
    let file = base.join("file");
    std::fs::write(&file, b"x").unwrap();
    let e = extract(&bytes[..], &file, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "io.write");
    assert!(matches!(e, ExtractError::CreateDir { .. }), "{e:?}");
    assert!(!e.message_vi().is_empty());
    // Malformed XML after the first attachment: that attachment is reported as written.
    let cut = bytes.len() - 40;
    let mut broken = bytes[..cut].to_vec();
    broken.extend_from_slice(b"<<<");
    let dir = scratch("broken");
    let e = extract(&broken[..], &dir, &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "edxml.malformed");
    assert!(!e.written().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&base).unwrap();
}

/// Some senders write `AttachmentName` after `ContentTransferEncoded`: the file, created before
/// the name was known, is renamed to it once the package is read (never over an existing file).
#[test]
fn doc_09_a_name_given_after_the_content_still_names_the_file() {
    const NS: &str = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"{NS}\"><edXML:edXMLEnvelope xmlns:edXML=\"{NS}\"><edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From></edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><ContentType>text/plain</ContentType><edXML:ContentTransferEncoded xmlns:edXML=\"{NS}\">eGluIGNow6Bv</edXML:ContentTransferEncoded><AttachmentName>../Tờ trình.txt</AttachmentName></Attachment></AttachmentEncoded></edXML>"
    );
    let dir = scratch("late-name");
    let x = extract(xml.as_bytes(), &dir, &ReadOptions::default()).unwrap();
    let a = &x.attachments[0];
    assert_eq!(a.file_name, "Tờ trình.txt");
    assert_eq!(a.meta.name.as_deref(), Some("../Tờ trình.txt"));
    assert_eq!(
        std::fs::read(dir.join("Tờ trình.txt")).unwrap(),
        "xin chào".as_bytes()
    );
    assert!(!dir.join("attachment-1").exists());
    // A second time: the name is taken, so "(2)", and the first file is untouched.
    let again = extract(xml.as_bytes(), &dir, &ReadOptions::default()).unwrap();
    assert_eq!(again.attachments[0].file_name, "Tờ trình (2).txt");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}
