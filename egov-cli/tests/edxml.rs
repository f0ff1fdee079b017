//! `egov edxml check|show|extract` on the real packages of testdata/edxml (QĐ 28/2018/QĐ-TTg;
//! QCVN 102:2016): exit codes, text in Vietnamese and English, the JSON shapes, hostile
//! attachment names and damaged attachments.

mod support;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> String {
    root()
        .join("testdata/edxml")
        .join(name)
        .display()
        .to_string()
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// A fresh directory per test.
fn tmp(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-edxml-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn egov_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit code and JSON of `egov --json <args>`.
fn json_of(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = egov(&all);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", stdout(&o)));
    (o.status.code(), v)
}

const CORRUPT_PDF: &str = "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml";
const STATUS_01: &str = "vpcp-sdk-sample-status_builder_01.edxml";
const STATUS_03: &str = "vpcp-sdk-sample-status_acceptance_03.edxml";
const VNPT: &str = "vnpt-edxml102-builder-output-2019-04-11.edxml";
const TRUNCATED_ZIP: &str = "pvn-gateway-test_edxml_with_content.edxml";
const THREE: &str = "pvn-gateway-built-3-attachments-1f881896.edxml";

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn doc_28_check_fails_a_pdf_reencoded_as_text_in_vietnamese() {
    let o = egov(&["edxml", "check", &fixture(CORRUPT_PDF)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    // The summary head.
    assert!(out.contains("edoc"), "{out}");
    assert!(out.contains("vxp.saas.03"), "{out}");
    assert!(
        out.contains("efa170d6-eca4-47e1-aef7-a6dafce24e9e"),
        "{out}"
    );
    assert!(
        out.contains("d3de0f0724bab4cec7dc2e69db9ef21df43c263bb6c2ab8fbb2c4f8513c7d5ed"),
        "{out}"
    );
    assert!(out.contains("29 483 byte"), "{out}");
    // The finding: outcome, rule, article in Vietnamese word order, message, path and line.
    let line = out
        .lines()
        .find(|l| l.contains("DOC-28"))
        .unwrap_or_else(|| panic!("no DOC-28 line: {out}"));
    assert!(
        line.starts_with("[KHÔNG ĐẠT] DOC-28 (khoản 1 Điều 9"),
        "{line}"
    );
    assert!(line.contains("U+FFFD"), "{line}");
    assert!(line.contains("mã hóa lại"), "{line}");
    assert!(
        out.contains("AttachmentEncoded/Attachment[1], dòng 85, cột 5"),
        "{out}"
    );
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Kết quả: KHÔNG ĐẠT — "), "{last}");
    assert!(last.contains("không đạt") && last.contains("đạt"), "{last}");
}

#[test]
fn doc_28_check_json_shape() {
    let (code, v) = json_of(&["edxml", "check", &fixture(CORRUPT_PDF)]);
    assert_eq!(code, Some(1), "{v}");
    for key in [
        "file",
        "kind",
        "layout",
        "bytes",
        "sha256",
        "from",
        "to",
        "document_id",
        "subject",
        "status_code",
        "attachments",
        "signature_verified",
        "overall",
        "compliant",
        "counts",
        "findings",
    ] {
        assert!(v.get(key).is_some(), "no {key}: {v}");
    }
    assert_eq!(v["kind"], "edoc");
    assert_eq!(v["bytes"], 29483);
    assert_eq!(v["attachments"], 1);
    assert_eq!(v["from"]["organ_id"], "vxp.saas.03");
    assert_eq!(v["to"][0]["organ_id"], "vxp.saas.03");
    assert_eq!(v["overall"], "fail");
    assert_eq!(v["compliant"], false);
    assert_eq!(v["signature_verified"], false);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(v["counts"]["total"], findings.len());
    let counted: u64 = ["pass", "warning", "unknown", "fail"]
        .iter()
        .map(|k| v["counts"][k].as_u64().unwrap())
        .sum();
    assert_eq!(counted as usize, findings.len());
    let doc28 = findings
        .iter()
        .find(|f| f["rule"] == "DOC-28" && f["outcome"] == "fail")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(doc28["field"], "AttachmentEncoded/Attachment[1]");
    assert_eq!(doc28["evidence"]["location"]["line"], 85);
    assert_eq!(doc28["evidence"]["location"]["column"], 5);
    assert!(doc28["message_vi"].as_str().unwrap().contains("U+FFFD"));
    assert_eq!(doc28["basis"]["article"], 9);
}

#[test]
fn doc_28_check_in_english() {
    let o = egov(&["edxml", "check", "--lang", "en", &fixture(CORRUPT_PDF)]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = out.lines().find(|l| l.contains("DOC-28")).unwrap();
    assert!(
        line.starts_with("[FAIL] DOC-28 (QĐ 28/2018/QĐ-TTg Đ9.1):"),
        "{line}"
    );
    assert!(line.contains("re-encoded"), "{line}");
    assert!(
        out.contains("AttachmentEncoded/Attachment[1], line 85, column 5"),
        "{out}"
    );
    assert!(out.lines().last().unwrap().starts_with("Result: FAIL — "));
    assert!(!out.contains("KHÔNG ĐẠT"), "{out}");
}

#[test]
fn doc_11_check_status_message_with_a_failing_finding_exits_1() {
    let (code, v) = json_of(&["edxml", "check", &fixture(STATUS_01)]);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["kind"], "status");
    assert_eq!(v["status_code"], "01");
    assert_eq!(v["attachments"], 0);
    assert_eq!(v["from"]["organ_id"], "000.00.00.H41");
    assert_eq!(v["to"][0]["organ_id"], "000.00.00.G22");
    assert_eq!(v["document_id"], "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "DOC-10" && f["outcome"] == "fail"));
    let text = stdout(&egov(&["edxml", "check", &fixture(STATUS_01)]));
    assert!(
        text.contains("status (thông điệp trạng thái xử lý)"),
        "{text}"
    );
    assert!(text.contains("000.00.00.H41"), "{text}");
}

#[test]
fn doc_05_check_warnings_only_exits_0_and_no_layout_drops_them() {
    let (code, v) = json_of(&["edxml", "check", &fixture(STATUS_03)]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["compliant"], true);
    assert_eq!(v["counts"]["fail"], 0);
    let doc05 = |v: &Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "DOC-05")
            .count()
    };
    assert!(doc05(&v) >= 3, "{v}");
    let (code, v) = json_of(&["edxml", "check", "--no-layout", &fixture(STATUS_03)]);
    assert_eq!(code, Some(0));
    assert_eq!(doc05(&v), 0, "{v}");
    let o = egov(&["edxml", "check", &fixture(STATUS_03)]);
    let out = stdout(&o);
    assert!(out.contains("[LƯU Ý] DOC-05"), "{out}");
    assert!(out.contains("dòng 9, cột 4"), "{out}");
}

#[test]
fn doc_05_check_reads_standard_input() {
    let bytes = std::fs::read(fixture(STATUS_03)).unwrap();
    let o = egov_stdin(&["--json", "edxml", "check", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["file"], "-");
    assert_eq!(
        v["sha256"],
        "228490b849c17774b997155a1e2d016f5ddb2dbeb33b77f474a77e4e121a214b"
    );
}

#[test]
fn doc_04_check_uses_the_registry_and_calendar_options() {
    let d = tmp("registry");
    // The sender and recipient of the status message, valid from 2020 only: not in force on the
    // 2015 document date.
    let registry = write(
        &d,
        "registry.csv",
        "code,name_vi,valid_from,valid_to,replaced_by\n000.00.00.H41,UBND Tỉnh Nghệ An,2020-01-01,,\n000.00.00.G22,Văn phòng Chính phủ,2020-01-01,,\n"
            .as_bytes(),
    );
    let (_, v) = json_of(&[
        "edxml",
        "check",
        "--registry",
        &registry,
        &fixture(STATUS_03),
    ]);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "DOC-04"),
        "{v}"
    );
    let (code, v) = json_of(&[
        "edxml",
        "check",
        "--registry",
        "/nonexistent/registry.csv",
        &fixture(STATUS_03),
    ]);
    assert_eq!(code, Some(2), "{v}");
    assert_eq!(v["error"]["code"], "io.read");
    let (code, v) = json_of(&[
        "edxml",
        "check",
        "--calendar",
        "/nonexistent/calendar.json",
        &fixture(STATUS_03),
    ]);
    assert_eq!(code, Some(2), "{v}");
    let bad = write(&d, "calendar.json", b"{not json");
    let (code, v) = json_of(&["edxml", "check", "--calendar", &bad, &fixture(STATUS_03)]);
    assert_eq!(
        code,
        Some(1),
        "an invalid calendar file is invalid input: {v}"
    );
    assert!(v["error"]["code"].is_string());
}

#[test]
fn doc_18_check_verifies_an_xmldsig_signature() {
    use egov_edxml::dsig::{sign, KeyPairSigner, SignOptions};
    let pki = root().join("testdata/pki");
    // The committed test PKI of egov-edxml (testdata/pki/make_certs.py).
    let key = std::fs::read(pki.join("signer-rsa.key")).unwrap();
    let cert = std::fs::read(pki.join("signer-rsa.pem")).unwrap();
    let signer = KeyPairSigner::from_pem(&key, &cert).unwrap();
    let signed = sign(
        &std::fs::read(fixture(THREE)).unwrap(),
        &signer,
        &SignOptions::default(),
    )
    .unwrap();
    let d = tmp("dsig");
    let file = write(&d, "signed.edxml", &signed);
    let (_, v) = json_of(&["edxml", "check", &file]);
    assert_eq!(v["signature_verified"], true, "{v}");
    let doc18: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "DOC-18")
        .collect();
    assert!(!doc18.is_empty(), "{v}");
    let fails = |v: &Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "DOC-18" && f["outcome"] == "fail")
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .collect()
    };
    let signed_fails = fails(&v);
    let text = stdout(&egov(&["edxml", "check", &file]));
    assert!(text.contains("đã xác minh XMLDSig"), "{text}");
    // Tampered after signing: the verification fails.
    let tampered = String::from_utf8(signed)
        .unwrap()
        .replace("localB.txt", "localX.txt");
    let file = write(&d, "tampered.edxml", tampered.as_bytes());
    let (code, v) = json_of(&["edxml", "check", &file]);
    assert_eq!(code, Some(1), "{v}");
    assert!(
        fails(&v).iter().any(|m| !signed_fails.contains(m)),
        "tampering adds a failing DOC-18 finding: {v}"
    );
    let roots = pki.join("root-ca.pem").display().to_string();
    let (code, v) = json_of(&["edxml", "check", "--anchors", &roots, &file]);
    assert_eq!(code, Some(1), "{v}");
    let (code, v) = json_of(&["edxml", "check", "--anchors", "/nonexistent.pem", &file]);
    assert_eq!(code, Some(2), "{v}");
}

// ---------------------------------------------------------------------------------------------
// Packages that cannot be read: exit 2 with the reader's code, message and location.

#[test]
fn doc_05_doctype_is_refused_with_exit_2() {
    let d = tmp("doctype");
    let file = write(
        &d,
        "doctype.edxml",
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<edXML>&x;</edXML>\n",
    );
    for sub in ["check", "show"] {
        let o = egov(&["edxml", sub, &file]);
        assert_eq!(o.status.code(), Some(2), "{sub}");
        let err = stderr(&o);
        assert!(err.starts_with("lỗi[edxml.doctype]: "), "{sub}: {err}");
        assert!(err.contains("DOCTYPE") && err.contains("dòng 2"), "{err}");
        let (code, v) = json_of(&["edxml", sub, &file]);
        assert_eq!(code, Some(2));
        assert_eq!(v["error"]["code"], "edxml.doctype");
        assert_eq!(v["error"]["location"]["line"], 2);
        assert!(v["error"]["message_vi"]
            .as_str()
            .unwrap()
            .contains("DOCTYPE"));
    }
    let out = d.join("out");
    let (code, v) = json_of(&[
        "edxml",
        "extract",
        &file,
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(code, Some(2), "{v}");
    assert_eq!(v["error"]["code"], "edxml.doctype");
    assert_eq!(v["written"], serde_json::json!([]));
}

#[test]
fn doc_05_malformed_package_exits_2_with_its_line() {
    let d = tmp("malformed");
    let file = write(
        &d,
        "bad.edxml",
        b"<?xml version=\"1.0\"?>\n<edXML>\n  <edXMLEnvelope>\n    <a></b>\n",
    );
    let o = egov(&["edxml", "check", &file]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[edxml.malformed]: XML không đúng cú pháp tại dòng 4"),
        "{err}"
    );
    let o = egov(&["edxml", "check", "--lang", "en", &file]);
    assert!(
        stderr(&o).contains("not well-formed XML at line 4"),
        "{}",
        stderr(&o)
    );
    let (code, v) = json_of(&["edxml", "show", &file]);
    assert_eq!(code, Some(2));
    assert_eq!(v["error"]["code"], "edxml.malformed");
    assert_eq!(v["error"]["location"]["line"], 4);
    assert!(v["error"]["location"]["column"].as_u64().unwrap() > 0);
    // Not edXML at all, and a file that is not there.
    let html = write(&d, "page.edxml", b"<html><body/></html>");
    let (code, v) = json_of(&["edxml", "check", &html]);
    assert_eq!(code, Some(2));
    assert_eq!(v["error"]["code"], "edxml.not_edxml");
    let (code, v) = json_of(&["edxml", "check", "/nonexistent/package.edxml"]);
    assert_eq!(code, Some(2));
    assert_eq!(v["error"]["code"], "io.open");
    assert_eq!(v["error"]["location"], Value::Null);
}

// ---------------------------------------------------------------------------------------------
// show

#[test]
fn doc_10_show_prints_the_header_trace_signature_and_attachments() {
    let o = egov(&["edxml", "show", &fixture(VNPT)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
        "Trích yếu: V/v kết nối, liên thông phần mềm quản lý văn bản",
        "Vết xử lý (TraceHeaderList)",
        "1. 000.00.00.G22 — 2019/04/11 00:00:00",
        "Nghiệp vụ (Bussiness):",
        "Chữ ký (như được ghi, chưa xác minh)",
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
        "Danh mục (edXMLManifest)",
        "1896_QD-TTg_m_294779.doc",
        "8381 byte, xml, ZIP «7a71a0ee-2f35-400d-aca9-811d478eb158.edxml», CRC khớp",
        "e7de316a8b44b0afd55400ab40ed5851fdca8c86b972aec61e7baf85b51e1fbc",
        "103:7 [edxml.signature_namespace]",
    ] {
        assert!(out.contains(want), "no {want:?} in:\n{out}");
    }
    let en = stdout(&egov(&["edxml", "show", "--lang", "en", &fixture(VNPT)]));
    assert!(en.contains("Signature (as written, not verified)"), "{en}");
    assert!(en.contains("CRC ok"), "{en}");
}

#[test]
fn doc_11_show_json_is_the_package() {
    let (code, v) = json_of(&["edxml", "show", &fixture(STATUS_01)]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["message"]["kind"], "status");
    assert_eq!(v["message"]["status_code"], "01");
    assert_eq!(v["layout"], "layered");
    assert_eq!(v["bytes"], 1829);
    assert!(v["deviations"].as_array().unwrap().is_empty());
    assert!(v["line_breaks"].is_array());
    let (code, v) = json_of(&["edxml", "show", &fixture(CORRUPT_PDF)]);
    assert_eq!(
        code,
        Some(0),
        "a package that reads is shown, defects and all"
    );
    let p = &v["message"]["attachments"][0]["payload"];
    assert_eq!(p["content_kind"], "pdf");
    assert_eq!(p["replacement_chars"], 3894);
    let out = stdout(&egov(&["edxml", "show", &fixture(STATUS_01)]));
    assert!(out.contains("Mã trạng thái: 01"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// extract

#[test]
fn doc_09_extract_writes_the_nested_package_named_doc() {
    let d = tmp("vnpt");
    let out = d.join("out");
    let o = egov(&[
        "edxml",
        "extract",
        &fixture(VNPT),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(out.join("1896_QD-TTg_m_294779.doc")).unwrap();
    assert_eq!(bytes.len(), 8381);
    assert!(bytes.starts_with(b"<?xml"));
    let text = stdout(&o);
    assert!(
        text.contains("1896_QD-TTg_m_294779.doc — 8381 byte, xml, SHA-256 e7de316a"),
        "{text}"
    );
    // Sizes from five digits are grouped, as everywhere else (CORE-06).
    let saas = d.join("saas");
    let o = egov(&[
        "edxml",
        "extract",
        &fixture("vxp-saas-received-2025-10-23-874e0f18.edxml"),
        "--out",
        &saas.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("1761211722949_TestTrucLienThong.pdf — 11 229 byte, pdf"),
        "{}",
        stdout(&o)
    );
    // The builder's `.doc` is XML: written as received, with the receiving check's finding as a
    // warning (DOC-28).
    assert!(
        text.contains("LƯU Ý [type_mismatch] được khai báo là .doc nhưng nội dung là xml"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .contains("0 nguyên vẹn, 1 có lưu ý"),
        "{text}"
    );
    // Again: never overwritten, a second name instead; --raw keeps the ZIP wrapper.
    let (code, v) = json_of(&[
        "edxml",
        "extract",
        "--raw",
        &fixture(VNPT),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["unwrap"], "never");
    let a = &v["attachments"][0];
    assert_eq!(a["file_name"], "1896_QD-TTg_m_294779 (2).doc");
    assert_eq!(a["renamed"], true);
    assert_eq!(a["content_kind"], "zip");
    let raw = std::fs::read(out.join("1896_QD-TTg_m_294779 (2).doc")).unwrap();
    assert!(raw.starts_with(b"PK\x03\x04"));
    assert_eq!(a["written_bytes"], raw.len());
    assert_eq!(
        std::fs::read(out.join("1896_QD-TTg_m_294779.doc")).unwrap(),
        bytes
    );
}

#[test]
fn doc_09_extract_json_shape() {
    let d = tmp("shape");
    let out = d.join("out").display().to_string();
    let (code, v) = json_of(&["edxml", "extract", &fixture(THREE), "--out", &out]);
    assert_eq!(code, Some(0), "{v}");
    for key in [
        "file",
        "kind",
        "bytes",
        "sha256",
        "out_dir",
        "unwrap",
        "attachments",
        "counts",
    ] {
        assert!(v.get(key).is_some(), "no {key}: {v}");
    }
    assert_eq!(v["unwrap"], "auto");
    assert_eq!(
        v["counts"],
        serde_json::json!({"attachments": 3, "written": 3, "whole": 3, "with_warnings": 0, "damaged": 0, "not_written": 0})
    );
    let a = v["attachments"].as_array().unwrap();
    assert_eq!(a.len(), 3);
    for (i, x) in a.iter().enumerate() {
        for key in [
            "index",
            "attachment_name",
            "content_id",
            "content_type",
            "file_name",
            "path",
            "renamed",
            "written_bytes",
            "content_bytes",
            "content_kind",
            "content_sha256",
            "wrapping",
            "status",
            "problems",
            "payload",
        ] {
            assert!(x.get(key).is_some(), "no {key}: {x}");
        }
        assert_eq!(x["index"], i + 1);
        assert_eq!(x["status"], "whole");
        assert_eq!(x["renamed"], false);
        assert_eq!(x["written_bytes"], x["content_bytes"]);
        assert_eq!(x["wrapping"]["kind"], "zip");
        let path = x["path"].as_str().unwrap();
        assert_eq!(
            std::fs::read(path).unwrap().len() as u64,
            x["written_bytes"].as_u64().unwrap()
        );
    }
    assert_eq!(a[0]["file_name"], "localA.txt");
    assert_eq!(a[2]["attachment_name"], "localC.txt");
}

#[test]
fn doc_28_extract_truncated_zip_is_a_warning_not_damage() {
    let d = tmp("truncated");
    let out = d.join("out").display().to_string();
    let o = egov(&["edxml", "extract", &fixture(TRUNCATED_ZIP), "--out", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("test.txt — 5 byte, text"), "{text}");
    assert!(text.contains("LƯU Ý [zip_truncated]"), "{text}");
    assert!(text.contains("bị cắt cụt"), "{text}");
    let (code, v) = json_of(&["edxml", "extract", &fixture(TRUNCATED_ZIP), "--out", &out]);
    assert_eq!(code, Some(0));
    let a = &v["attachments"][0];
    assert_eq!(a["status"], "warning");
    assert_eq!(a["problems"][0]["code"], "zip_truncated");
    assert_eq!(a["problems"][0]["severity"], "warning");
    assert_eq!(a["file_name"], "test (2).txt");
    assert_eq!(v["counts"]["with_warnings"], 1);
    let en = egov(&[
        "edxml",
        "extract",
        "--lang",
        "en",
        &fixture(TRUNCATED_ZIP),
        "--out",
        &out,
    ]);
    assert!(stdout(&en).contains("WARNING [zip_truncated] the ZIP archive is cut short"));
    assert_eq!(std::fs::read(d.join("out/test.txt")).unwrap(), b"hello");
}

#[test]
fn doc_28_extract_reports_a_reencoded_pdf() {
    let d = tmp("reencoded");
    let out = d.join("out").display().to_string();
    let (code, v) = json_of(&["edxml", "extract", &fixture(CORRUPT_PDF), "--out", &out]);
    assert_eq!(code, Some(0), "written whole, as sent: {v}");
    let a = &v["attachments"][0];
    assert_eq!(a["content_kind"], "pdf");
    assert!(a["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["code"] == "text_reencoded"));
}

/// The three-attachment package with its `AttachmentEncoded` names replaced.
fn with_names(names: [&str; 3]) -> String {
    let mut s = fixture_text(THREE);
    for (old, new) in ["localA.txt", "localB.txt", "localC.txt"].iter().zip(names) {
        s = s.replace(
            &format!("<AttachmentName>{old}</AttachmentName>"),
            &format!("<AttachmentName>{new}</AttachmentName>"),
        );
    }
    s
}

#[test]
fn doc_09_extract_hostile_names_stay_inside_the_directory() {
    let d = tmp("hostile");
    let outside = d.join("outside.txt");
    std::fs::write(&outside, b"untouched").unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    // A link planted in the directory under the name the first attachment gets.
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, out.join("passwd")).unwrap();
    let file = write(
        &d,
        "hostile.edxml",
        with_names(["../../etc/passwd", "C:\\x\\..\\y", "..\u{202E}/.."]).as_bytes(),
    );
    let (code, v) = json_of(&[
        "edxml",
        "extract",
        &file,
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(code, Some(0), "{v}");
    let names: Vec<&str> = v["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file_name"].as_str().unwrap())
        .collect();
    #[cfg(unix)]
    assert_eq!(names, ["passwd (2)", "y", "attachment-3"]);
    #[cfg(not(unix))]
    assert_eq!(names, ["passwd", "y", "attachment-3"]);
    for a in v["attachments"].as_array().unwrap() {
        let p = PathBuf::from(a["path"].as_str().unwrap());
        assert_eq!(p.parent().unwrap(), out, "{p:?}");
        assert_eq!(a["renamed"], true);
        assert!(std::fs::symlink_metadata(&p).unwrap().is_file());
    }
    assert_eq!(std::fs::read(&outside).unwrap(), b"untouched");
    assert_eq!(
        v["attachments"][0]["attachment_name"], "../../etc/passwd",
        "the name as written is reported"
    );
    let text = stdout(&egov(&[
        "edxml",
        "extract",
        &file,
        "--out",
        &out.display().to_string(),
    ]));
    assert!(
        text.contains("tên trong gói tin: \"../../etc/passwd\""),
        "{text}"
    );
    let mut entries: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert!(entries.contains(&"y (2)".to_owned()), "{entries:?}");
    assert!(!d.join("etc").exists() && !d.join("y").exists());
}

#[test]
fn doc_28_extract_damaged_attachments_exit_1() {
    let d = tmp("damaged");
    let three = fixture_text(THREE);
    // A: CRC-32 in the data descriptor changed; B: a character that is not base64; C: the
    // base64 cut after 100 characters, past the entry's header (the deflate stream ends early).
    let crc = three.replacen("BQSwcI/16R3A0", "BQSwcIAF6R3A0", 1);
    assert_ne!(crc, three);
    let b64 = crc.replacen(
        ">UEsDBBQACAgIAJBYUFsAAAAAAAAAAAAAAAAoAAAANjBj",
        ">UEsDBBQACAgIAJBYUFsAAAAAAAAAAAAAAAAoAAAA!jBj",
        1,
    );
    assert_ne!(b64, crc);
    let start = b64.rfind(">UEsDB").unwrap() + 1;
    let end = start + b64[start..].find('<').unwrap();
    let cut = format!("{}{}", &b64[..start + 100], &b64[end..]);
    let file = write(&d, "damaged.edxml", cut.as_bytes());
    let out = d.join("out").display().to_string();
    let (code, v) = json_of(&["edxml", "extract", &file, "--out", &out]);
    assert_eq!(code, Some(1), "{v}");
    let a = v["attachments"].as_array().unwrap();
    let codes = |x: &Value| -> Vec<String> {
        x["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] == "damaged")
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(&a[0]), ["crc"], "{}", a[0]);
    assert!(codes(&a[1]).contains(&"base64".to_owned()), "{}", a[1]);
    assert_eq!(codes(&a[2]), ["zip_entry"], "{}", a[2]);
    for x in a {
        assert_eq!(x["status"], "damaged");
    }
    assert_eq!(v["counts"]["damaged"], 3);
    assert_eq!(v["counts"]["written"], 3);
    let text = stdout(&egov(&["edxml", "extract", &file, "--out", &out]));
    assert!(text.contains("HỎNG [crc]"), "{text}");
    assert!(text.contains("HỎNG [base64]"), "{text}");
    assert!(text.contains("HỎNG [zip_entry]"), "{text}");
}

#[test]
fn doc_09_extract_attachment_without_content_is_reported() {
    let d = tmp("nocontent");
    let three = fixture_text(THREE);
    let start = three.rfind("<edXML:ContentTransferEncoded").unwrap();
    let end = three.rfind("</edXML:ContentTransferEncoded>").unwrap()
        + "</edXML:ContentTransferEncoded>".len();
    let file = write(
        &d,
        "nocontent.edxml",
        format!("{}{}", &three[..start], &three[end..]).as_bytes(),
    );
    let out = d.join("out").display().to_string();
    let (code, v) = json_of(&["edxml", "extract", &file, "--out", &out]);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["counts"]["written"], 2);
    assert_eq!(v["counts"]["not_written"], 1);
    assert_eq!(v["counts"]["attachments"], 3);
    let last = &v["attachments"][2];
    assert_eq!(last["status"], "no_content");
    assert_eq!(last["attachment_name"], "localC.txt");
    assert_eq!(last["path"], Value::Null);
}

#[test]
fn doc_09_extract_io_errors_exit_2() {
    let d = tmp("io");
    // --out is a regular file.
    let not_a_dir = write(&d, "file", b"x");
    let (code, v) = json_of(&["edxml", "extract", &fixture(VNPT), "--out", &not_a_dir]);
    assert_eq!(code, Some(2), "{v}");
    assert_eq!(v["error"]["code"], "io.write");
    let o = egov(&["edxml", "extract", &fixture(VNPT), "--out", &not_a_dir]);
    assert!(stderr(&o).starts_with("lỗi[io.write]: không tạo được thư mục"));
    // A malformed package after its first attachment: the file written so far is listed.
    let three = fixture_text(THREE);
    let cut = three.rfind("<Attachment>").unwrap();
    let file = write(
        &d,
        "cut.edxml",
        format!("{}<Attachment><oops></Attachment>", &three[..cut]).as_bytes(),
    );
    let out = d.join("out").display().to_string();
    let (code, v) = json_of(&["edxml", "extract", &file, "--out", &out]);
    assert_eq!(code, Some(2), "{v}");
    assert_eq!(v["error"]["code"], "edxml.malformed");
    let written = v["written"].as_array().unwrap();
    assert_eq!(written.len(), 2, "{v}");
    assert_eq!(written[0]["complete"], true);
    // Missing --out is a usage error.
    assert_eq!(
        egov(&["edxml", "extract", &fixture(VNPT)]).status.code(),
        Some(2)
    );
}

#[test]
fn doc_09_extract_from_standard_input() {
    let d = tmp("stdin");
    let out = d.join("out").display().to_string();
    let bytes = std::fs::read(fixture(THREE)).unwrap();
    let o = egov_stdin(&["edxml", "extract", "-", "--out", &out], &bytes);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("out/localB.txt")).unwrap().len(), 11);
    let o = egov_stdin(&["--json", "edxml", "show", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["message"]["attachments"].as_array().unwrap().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// build, status, sign, verify

#[test]
fn doc_05_build_from_a_toml_or_json_description_and_files() {
    let d = tmp("build");
    write(&d, "cv.pdf", b"%PDF-1.7\n%%EOF\n");
    let toml = write(
        &d,
        "d.toml",
        "kind = \"edoc\"\n[header]\ndocument_id = \"000.00.00.G22,2026/12/04,19/VPCP-TTĐT\"\nsubject = \"V/v thử nghiệm\"\nto = [{ organ_id = \"000.00.00.H41\" }]\n[header.from]\norgan_id = \"000.00.00.G22\"\n[[attachments]]\ncontent_id = \"cid:1\"\nattachment_name = \"cv.pdf\"\ncontent_type = \"application/pdf\"\nfile = \"cv.pdf\"\n".as_bytes(),
    );
    let out = d.join("p.edxml").display().to_string();
    let (code, v) = json_of(&["edxml", "build", &toml, "--out", &out]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["attachments"][0]["bytes"], 15);
    let p = egov_edxml::read_bytes(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        p.edoc().unwrap().header.subject.as_deref(),
        Some("V/v thử nghiệm")
    );
    // Never over an existing file without --force.
    let (code, v) = json_of(&["edxml", "build", &toml, "--out", &out]);
    assert_eq!(
        (code, v["error"]["code"].as_str()),
        (Some(2), Some("io.exists")),
        "{v}"
    );
    // JSON, attachments from --attach alone, LF.
    let json = write(&d, "d.json", br#"{"header": {"from": {"organ_id": "000.00.00.G22"}, "to": [{"organ_id": "000.00.00.H41"}], "subject": "x"}}"#);
    let pdf = d.join("cv.pdf").display().to_string();
    let (code, v) = json_of(&[
        "edxml", "build", &json, "--attach", &pdf, "--eol", "lf", "--out", &out, "--force",
    ]);
    assert_eq!(code, Some(0), "{v}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.contains(&b'\r'));
    let p = egov_edxml::read_bytes(&bytes).unwrap();
    let a = &p.edoc().unwrap().attachments[0];
    assert_eq!(
        (a.attachment_name.as_deref(), a.content_type.as_deref()),
        (Some("cv.pdf"), Some("application/pdf"))
    );
    // A description that is not one: exit 1 with its code.
    let bad = write(&d, "bad.json", br#"{"header": {"nope": 1}}"#);
    let (code, v) = json_of(&["edxml", "build", &bad, "--out", &out, "--force"]);
    assert_eq!(
        (code, v["error"]["code"].as_str()),
        (Some(1), Some("edxml.build.description")),
        "{v}"
    );
}

/// DOC-10 d/n/o: a description written by a person gives dates and times as they write them;
/// the package carries edXML's forms, each rewrite said (standard error, `dates_rewritten`),
/// and its own check finds nothing to say about them. A value that is not a date is refused by
/// element and nothing is written.
#[test]
fn doc_10_build_writes_a_description_s_dates_in_edxml_form() {
    let d = tmp("build-dates");
    let toml = write(
        &d,
        "d.toml",
        "[header]\ndocument_id = \"000.00.00.G22,2026/12/04,19/VPCP-TTĐT\"\nsubject = \"V/v thử nghiệm\"\ndue_date = \"14/12/2026\"\nto = [{ organ_id = \"000.00.00.H41\" }]\n[header.from]\norgan_id = \"000.00.00.G22\"\n[header.code]\nnumber = \"19\"\nnotation = \"VPCP-TTĐT\"\n[header.promulgation_info]\nplace = \"Hà Nội\"\ndate = \"ngày 4 tháng 12 năm 2026\"\n[trace]\nbusiness_first = false\n[[trace.trace_headers]]\norgan_id = \"000.00.00.G22\"\ntimestamp = \"9h ngày 04/12/2026\"\n".as_bytes(),
    );
    let out = d.join("p.edxml").display().to_string();
    let o = egov(&["--json", "edxml", "build", &toml, "--out", &out]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let written: Vec<(&str, &str)> = v["dates_rewritten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["given"].as_str().unwrap(), r["written"].as_str().unwrap()))
        .collect();
    assert_eq!(
        written,
        [
            ("ngày 4 tháng 12 năm 2026", "2026/12/04"),
            ("14/12/2026", "2026/12/14"),
            ("9h ngày 04/12/2026", "2026/12/04 09:00:00")
        ]
    );
    let note = String::from_utf8_lossy(&o.stderr);
    assert!(note.contains("egov: ghi chú: MessageHeader/DueDate «14/12/2026» được ghi theo dạng của edXML: «2026/12/14»"), "{note}");
    let bytes = std::fs::read(&out).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<edXML:PromulgationDate>2026/12/04</edXML:PromulgationDate>"),
        "{text}"
    );
    assert!(
        text.contains("<edXML:Timestamp>2026/12/04 09:00:00</edXML:Timestamp>"),
        "{text}"
    );
    let (_, v) = json_of(&["edxml", "check", &out]);
    let dates: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["rule"] == "DOC-05" && f["message"].as_str().unwrap_or("").contains("yyyy/MM/dd")
        })
        .collect();
    assert!(dates.is_empty(), "{dates:?}");
    // Not a date: refused by element, nothing written.
    let bad = write(
        &d,
        "bad.json",
        r#"{"header": {"from": {"organ_id": "000.00.00.G22"}, "to": [{"organ_id": "000.00.00.H41"}], "subject": "x", "due_date": "tuần sau"}}"#.as_bytes(),
    );
    let out2 = d.join("q.edxml");
    let o = egov(&["edxml", "build", &bad, "--out", &out2.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("lỗi[edxml.build.date]"), "{err}");
    assert!(
        err.contains("MessageHeader/DueDate: «tuần sau» không viết theo dạng yyyy/MM/dd"),
        "{err}"
    );
    assert!(!out2.exists());
}

/// A build that fails leaves no file behind (no empty or half-written package a clerk could
/// send by mistake), and a failed `--force` build leaves the old package as it was.
#[test]
fn doc_05_a_failed_build_leaves_no_file_and_keeps_the_old_one() {
    let d = tmp("build-fail");
    let json = write(
        &d,
        "d.json",
        br#"{"header": {"from": {"organ_id": "000.00.00.G22"}, "to": [{"organ_id": "000.00.00.H41"}], "subject": "x"}, "attachments": [{"content_id": "cid:1", "attachment_name": "a.pdf", "file": "missing.pdf"}]}"#,
    );
    let out = d.join("p.edxml");
    let out_s = out.display().to_string();
    let (code, v) = json_of(&["edxml", "build", &json, "--out", &out_s]);
    assert_eq!(code, Some(2), "{v}");
    assert!(!out.exists(), "no file after a failed build");
    // One attachment described, two given: refused before anything is written.
    let pdf = write(&d, "a.pdf", b"%PDF-1.7\n%%EOF\n");
    let (code, _) = json_of(&[
        "edxml", "build", &json, "--attach", &pdf, "--attach", &pdf, "--out", &out_s,
    ]);
    assert_ne!(code, Some(0));
    assert!(!out.exists());
    // The old package survives a failed --force build.
    std::fs::write(&out, b"old package").unwrap();
    let (code, _) = json_of(&["edxml", "build", &json, "--out", &out_s, "--force"]);
    assert_eq!(code, Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"old package");
    // Nothing else left in the directory (no temporary file).
    let mut names: Vec<String> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.pdf", "d.json", "p.edxml"]);
}

#[test]
fn doc_29_status_answers_a_package_and_a_refusal_needs_its_reason() {
    let d = tmp("status");
    let out = d.join("st.edxml").display().to_string();
    let pkg = fixture(VNPT);
    let (code, v) = json_of(&["edxml", "status", &pkg, "--code", "02", "--out", &out]);
    assert_eq!(
        (code, v["error"]["code"].as_str()),
        (Some(2), Some("usage.reason_required")),
        "{v}"
    );
    let (code, v) = json_of(&[
        "edxml",
        "status",
        &pkg,
        "--code",
        "02",
        "--description",
        "Thiếu chữ ký số",
        "--at",
        "2026-12-04T10:00:00+07:00",
        "--out",
        &out,
    ]);
    assert_eq!(code, Some(0), "{v}");
    let m = &v["message"];
    assert_eq!(m["status_code"], "02");
    assert_eq!(
        m["from"]["organ_id"], "000.00.00.H41",
        "the first receiver reports"
    );
    assert_eq!(
        m["response_for"]["document_id"],
        "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    );
    assert_eq!(m["timestamp"], "2026/12/04 10:00:00");
    let p = egov_edxml::read_bytes(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        p.status().unwrap().description.as_deref(),
        Some("Thiếu chữ ký số")
    );
    assert!(p.deviations.is_empty(), "{:?}", p.deviations);
    // `--reason`, as `egov status apply` calls it, is the same option.
    let (code, v) = json_of(&[
        "edxml",
        "status",
        &pkg,
        "--code",
        "từ chối",
        "--reason",
        "Thiếu phụ lục",
        "--out",
        &out,
        "--force",
    ]);
    assert_eq!(code, Some(0), "{v}");
    let p = egov_edxml::read_bytes(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        p.status().unwrap().description.as_deref(),
        Some("Thiếu phụ lục")
    );
    // A recall comes from the sender.
    let (code, v) = json_of(&[
        "edxml", "status", &pkg, "--code", "13", "--out", &out, "--force",
    ]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["message"]["from"]["organ_id"], "000.00.00.G22");
    let (code, _) = json_of(&[
        "edxml", "status", &pkg, "--code", "99", "--out", &out, "--force",
    ]);
    assert_eq!(code, Some(2));
}

#[test]
fn doc_18_sign_then_verify_and_tampering_fails() {
    let d = tmp("sign");
    let pki = root().join("testdata/pki");
    let p = |n: &str| pki.join(n).display().to_string();
    let signed = d.join("s.edxml").display().to_string();
    let (code, v) = json_of(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--key",
        &p("signer-ec.key"),
        "--cert",
        &p("signer-ec.pem"),
        "--out",
        &signed,
    ]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["algorithm"], "ecdsa_p256_sha256");
    // The clerk reads the algorithm's name, not its XMLDSig URI.
    let again = d.join("named.edxml").display().to_string();
    let out = egov(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--key",
        &p("signer-ec.key"),
        "--cert",
        &p("signer-ec.pem"),
        "--out",
        &again,
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(ECDSA P-256 SHA-256): "), "{text}");
    assert!(!text.contains("http://"), "{text}");
    // The EC signer's intermediate is not in its chain file: untrusted against the root alone.
    let (code, v) = json_of(&[
        "edxml",
        "verify",
        &signed,
        "--anchors",
        &p("root-ca.pem"),
        "--at",
        "2026-12-04T10:00:00+07:00",
    ]);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["verification"]["failure"]["code"], "untrusted");
    let chain = write(
        &d,
        "chain.pem",
        &[
            std::fs::read(pki.join("signer-ec.pem")).unwrap(),
            std::fs::read(pki.join("intermediate-ca.pem")).unwrap(),
        ]
        .concat(),
    );
    let (code, v) = json_of(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--key",
        &p("signer-ec.key"),
        "--cert",
        &chain,
        "--out",
        &signed,
        "--force",
    ]);
    assert_eq!(code, Some(0), "{v}");
    let (code, v) = json_of(&[
        "edxml",
        "verify",
        &signed,
        "--anchors",
        &p("root-ca.pem"),
        "--at",
        "2026-12-04T10:00:00+07:00",
    ]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["valid"], true);
    // Without anchors: the signature verifies, trust is unknown, exit 0.
    let (code, v) = json_of(&[
        "edxml",
        "verify",
        &signed,
        "--at",
        "2026-12-04T10:00:00+07:00",
    ]);
    assert_eq!(
        (code, v["findings"][0]["outcome"].as_str()),
        (Some(0), Some("unknown")),
        "{v}"
    );
    // Tampered.
    let tampered = std::fs::read_to_string(&signed)
        .unwrap()
        .replace("vxp.saas.02", "vxp.saas.09");
    let t = write(&d, "t.edxml", tampered.as_bytes());
    let (code, v) = json_of(&[
        "edxml",
        "verify",
        &t,
        "--anchors",
        &p("root-ca.pem"),
        "--at",
        "2026-12-04T10:00:00+07:00",
    ]);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(v["verification"]["failure"]["code"], "digest_mismatch");
    // Text output in Vietnamese.
    let out = egov(&[
        "edxml",
        "verify",
        &t,
        "--anchors",
        &p("root-ca.pem"),
        "--at",
        "2026-12-04T10:00:00+07:00",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("đã bị thay đổi sau khi ký"));
    // Signing twice is refused.
    let again = d.join("again.edxml").display().to_string();
    let (code, v) = json_of(&[
        "edxml",
        "sign",
        &signed,
        "--key",
        &p("signer-rsa.key"),
        "--cert",
        &p("signer-rsa.pem"),
        "--out",
        &again,
    ]);
    assert_eq!(
        (code, v["error"]["code"].as_str()),
        (Some(1), Some("dsig.sign.already_signed")),
        "{v}"
    );
}

/// `egov edxml check` verifies a signed status message (DOC-18) instead of passing over it.
#[test]
fn doc_18_check_verifies_a_signed_status_message() {
    let d = tmp("sign-status");
    let pki = root().join("testdata/pki");
    let p = |n: &str| pki.join(n).display().to_string();
    let signed = d.join("st.edxml").display().to_string();
    let (code, v) = json_of(&[
        "edxml",
        "sign",
        &fixture(STATUS_01),
        "--key",
        &p("signer-rsa.key"),
        "--cert",
        &p("signer-rsa.pem"),
        "--out",
        &signed,
    ]);
    assert_eq!(code, Some(0), "{v}");
    let (_, v) = json_of(&["edxml", "check", &signed, "--anchors", &p("root-ca.pem")]);
    assert_eq!(v["signature_verified"], true, "{v}");
    let doc18: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "DOC-18")
        .collect();
    assert_eq!(doc18.len(), 1, "{v}");
    assert_eq!(doc18[0]["outcome"], "pass");
}

// ---------------------------------------------------------------------------------------------
// egov edxml sign: the keys officers hold (a PKCS#12 file, a USB token), RSA-SHA1 only behind
// its flag.

/// `egov --json edxml verify FILE --anchors root-ca.pem --at …`: exit code and JSON.
fn verify_json(file: &str) -> (Option<i32>, Value) {
    let roots = root()
        .join("testdata/pki/root-ca.pem")
        .display()
        .to_string();
    json_of(&[
        "edxml",
        "verify",
        file,
        "--anchors",
        &roots,
        "--at",
        "2026-06-01T00:00:00+07:00",
    ])
}

fn pki(name: &str) -> String {
    root().join("testdata/pki").join(name).display().to_string()
}

#[test]
fn doc_18_cli_signs_a_package_with_a_pkcs12_file() {
    let d = tmp("sign-p12");
    let out = d.join("p12.edxml").display().to_string();
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .env("EGOV_TEST_P12", "egov-test")
        .args([
            "--json",
            "edxml",
            "sign",
            &fixture(THREE),
            "--p12",
            &pki("signer-rsa.p12"),
            "--password-env",
            "EGOV_TEST_P12",
            "--out",
            &out,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["algorithm"], "rsa_sha256", "{v}");
    assert_eq!(v["key_source"]["kind"], "pkcs12", "{v}");
    let (code, v) = verify_json(&out);
    assert_eq!(code, Some(0), "{v}");
    // RSA-SHA1 is made only on a token: with a key file the flag is a usage error.
    let o = egov(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--key",
        &pki("signer-rsa.key"),
        "--cert",
        &pki("signer-rsa.pem"),
        "--legacy-rsa-sha1",
        "--out",
        &d.join("sha1.edxml").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--pkcs11-module"), "{}", stderr(&o));
    assert!(!d.join("sha1.edxml").exists());
}

#[test]
fn doc_18_cli_signs_a_package_on_a_token_and_rsa_sha1_only_behind_its_flag() {
    let Some(module) = support::softhsm::module() else {
        return;
    };
    let d = tmp("sign-token");
    let conf = support::softhsm::token(
        &d,
        "egov-edxml",
        Path::new(&pki("signer-rsa.key")),
        "signer-rsa",
    );
    let module = module.display().to_string();
    let conf = conf.display().to_string();
    let input = fixture(THREE);
    let cert = pki("signer-rsa.pem");
    let sign = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "--json",
            "edxml",
            "sign",
            &input,
            "--pkcs11-module",
            &module,
            "--pin-env",
            "EGOV_TEST_PIN",
            "--cert",
            &cert,
            "--out",
            out,
        ];
        args.extend_from_slice(extra);
        let o = Command::new(env!("CARGO_BIN_EXE_egov"))
            .env("EGOV_LANG", "vi")
            .env("SOFTHSM2_CONF", &conf)
            .env("EGOV_TEST_PIN", "1234")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
        serde_json::from_slice::<Value>(&o.stdout).unwrap()
    };
    // The key never leaves the token: RSA-SHA256 by default.
    let modern = d.join("token.edxml").display().to_string();
    let v = sign(&modern, &[]);
    assert_eq!(v["algorithm"], "rsa_sha256", "{v}");
    assert_eq!(v["key_source"]["kind"], "pkcs11", "{v}");
    assert_eq!(v["key_source"]["token"], "egov-edxml", "{v}");
    let (code, v) = verify_json(&modern);
    assert_eq!(code, Some(0), "{v}");

    // --legacy-rsa-sha1: RSA-SHA1 over SHA-1 digests, for a receiver that accepts nothing else.
    let legacy = d.join("sha1.edxml").display().to_string();
    let v = sign(&legacy, &["--legacy-rsa-sha1"]);
    assert_eq!(v["algorithm"], "rsa_sha1", "{v}");
    let text = std::fs::read_to_string(&legacy).unwrap();
    assert!(text.contains("xmldsig#rsa-sha1") && text.contains("xmldsig#sha1"));
    let (code, v) = verify_json(&legacy);
    assert_eq!(code, Some(0), "{v}");
    assert!(v.to_string().contains("SHA-1"), "egov warns of SHA-1: {v}");
    // The independent verifier accepts it too.
    let xmlsec = match std::env::var("EGOV_XMLSEC1") {
        Ok(p) if Path::new(&p).exists() => p,
        _ => {
            assert!(
                !std::env::var("EGOV_DSIG_TOOLS_REQUIRED").is_ok_and(|v| v == "1"),
                "EGOV_DSIG_TOOLS_REQUIRED=1 but EGOV_XMLSEC1 is not an xmlsec1 binary"
            );
            return;
        }
    };
    for file in [&modern, &legacy] {
        let o = Command::new(&xmlsec)
            .args([
                "--verify",
                "--enabled-reference-uris",
                "empty",
                "--trusted-pem",
                &pki("root-ca.pem"),
                file,
            ])
            .output()
            .unwrap();
        let said = format!("{}{}", stdout(&o), stderr(&o));
        assert!(
            o.status.success() && said.contains("OK"),
            "xmlsec1 {file}: {said}"
        );
    }
}

#[test]
fn doc_18_cli_signs_through_a_signer_command_as_a_remote_service_would() {
    // The private-key operation made by a command (here openssl standing in for a remote
    // signing service's client): RSA as PKCS#1 v1.5, ECDSA as the DER openssl writes.
    let d = tmp("sign-command");
    for (stem, algorithm, chain) in [
        ("signer-rsa", "rsa-sha256", vec!["signer-rsa.pem"]),
        (
            "signer-ec",
            "ecdsa-p256-sha256",
            vec!["signer-ec.pem", "intermediate-ca.pem"],
        ),
    ] {
        let cert = d.join(format!("{stem}-chain.pem"));
        let pem: Vec<u8> = chain
            .iter()
            .flat_map(|c| std::fs::read(pki(c)).unwrap())
            .collect();
        std::fs::write(&cert, pem).unwrap();
        let out = d.join(format!("{stem}.edxml")).display().to_string();
        let command = format!("openssl dgst -sha256 -sign {}", pki(&format!("{stem}.key")));
        let (code, v) = json_of(&[
            "edxml",
            "sign",
            &fixture(THREE),
            "--signer-command",
            &command,
            "--signer-algorithm",
            algorithm,
            "--cert",
            &cert.display().to_string(),
            "--out",
            &out,
        ]);
        assert_eq!(code, Some(0), "{v}");
        assert_eq!(v["key_source"]["kind"], "command", "{v}");
        assert_eq!(v["key_source"]["command"], command.as_str(), "{v}");
        let (code, v) = verify_json(&out);
        assert_eq!(code, Some(0), "{stem}: {v}");
    }
    // A command that fails: its stderr is the reason, nothing is written.
    let out = d.join("failed.edxml");
    let o = egov(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--signer-command",
        "echo 'the service refused' >&2; exit 3",
        "--cert",
        &pki("signer-rsa.pem"),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("lỗi[dsig.sign.signer]:")
            && stderr(&o).contains("the service refused"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // --signer-command needs --cert (clap says so in Vietnamese).
    let o = egov(&[
        "edxml",
        "sign",
        &fixture(THREE),
        "--signer-command",
        "true",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// DOC-05: a package is another system's text. A subject carrying terminal control sequences
/// (CSI as a character reference, a bidirectional override) is shown as escapes, never sent to
/// the clerk's terminal to recolour, move or reorder what it shows; the JSON is still JSON, with
/// the subject's value unchanged.
#[test]
fn doc_05_show_and_check_cannot_steer_the_terminal() {
    let d = tmp("terminal");
    let text = fixture_text(VNPT);
    let start = text.find("<edXML:Subject>").unwrap() + "<edXML:Subject>".len();
    let end = start + text[start..].find("</edXML:Subject>").unwrap();
    let hostile = format!(
        "{}V/v họp&#x9B;2J\u{202e}lệnh{}",
        &text[..start],
        &text[end..]
    );
    let pkg = d.join("hostile.edxml");
    std::fs::write(&pkg, hostile.as_bytes()).unwrap();
    let pkg = pkg.display().to_string();
    for cmd in ["show", "check"] {
        let o = egov(&["edxml", cmd, &pkg]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("họp\\u009b2J\\u202elệnh"), "{cmd}: {out}");
        assert!(
            !out.contains('\u{9b}') && !out.contains('\u{202e}'),
            "{cmd}"
        );
    }
    let o = egov(&["--json", "edxml", "show", &pkg]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}'));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v.to_string().contains("V/v họp\u{9b}2J\u{202e}lệnh"), "{v}");
}
