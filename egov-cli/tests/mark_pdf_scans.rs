//! End-to-end tests of `egov mark pdf from-scans`: the electronic copy of a paper document from
//! its scans (NĐ 137/2024 Đ4; NĐ 30/2020 Đ25 and Phụ lục I, rule CONV-05): a colour 300-dpi scan
//! made by poppler's `pdftoppm` from a real LibreOffice PDF, the real grey 150-dpi scans of
//! `testdata/marks/degraded/`, the agency's key from the test PKI's PKCS#12 file. The copy is
//! checked by `egov mark pdf verify`, `egov pdf verify` and, for PDF/A-1b, Apache PDFBox
//! Preflight. With `EGOV_PDF_TOOLS_REQUIRED=1` a missing pdftoppm or Preflight fails the test
//! instead of skipping its check.
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AT: &str = "2026-12-05T08:30:00+07:00";
const AGENCY: &str = "Văn phòng Ủy ban nhân dân tỉnh Lào Cai";
const CONVERTER: &str = "Bộ phận Văn thư, Văn phòng Ủy ban nhân dân tỉnh Lào Cai";
const P12_PASSWORD: &str = "egov-test";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn td(p: &str) -> String {
    root().join("testdata").join(p).display().to_string()
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .env("EGOV_P12_PASSWORD", P12_PASSWORD)
        .output()
        .expect("the egov binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(o), stderr(o)))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-from-scans-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The mark's key and its trust set, from `egov keygen`.
fn keygen(d: &Path) -> (PathBuf, PathBuf) {
    let key = d.join("mark.key.json");
    let trust = d.join("mark.trust.json");
    let o = egov(&[
        "keygen",
        "--out",
        s(&key),
        "--label",
        "UBND tỉnh Lào Cai",
        "--trust-out",
        s(&trust),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (key, trust)
}

/// A colour 300-dpi scan: page 1 of a real LibreOffice PDF rendered by poppler as a flatbed
/// scanner writes it (JPEG, the resolution in its JFIF header). `None` when pdftoppm is
/// missing and not required.
fn colour_scan(d: &Path) -> Option<PathBuf> {
    let stem = d.join("scan");
    let o = Command::new("pdftoppm")
        .args(["-r", "300", "-jpeg", "-singlefile", "-f", "1", "-l", "1"])
        .arg(td("pdf/libreoffice-6-4-writer-multilang.pdf"))
        .arg(&stem)
        .output();
    match o {
        Ok(o) => {
            assert!(o.status.success(), "pdftoppm: {}", stderr(&o));
            Some(d.join("scan.jpg"))
        }
        Err(e) => {
            assert!(!required(), "pdftoppm is required (poppler-utils): {e}");
            eprintln!("pdftoppm not found ({e}): the test is skipped");
            None
        }
    }
}

/// `egov [--json] mark pdf from-scans IMAGES… --out OUT` with the mark's facts and the agency's
/// PKCS#12 key, then `extra`.
fn from_scans(images: &[&str], out: &Path, key: &Path, extra: &[&str], as_json: bool) -> Output {
    let p12 = td("pki/signer-rsa.p12");
    let agency_key = ["--p12", &p12, "--password-env", "EGOV_P12_PASSWORD"];
    from_scans_with(images, out, key, &agency_key, extra, as_json)
}

/// As [`from_scans`], with the agency's key given by `agency_key` (the key-source flags).
fn from_scans_with(
    images: &[&str],
    out: &Path,
    key: &Path,
    agency_key: &[&str],
    extra: &[&str],
    as_json: bool,
) -> Output {
    let mut args: Vec<&str> = Vec::new();
    if as_json {
        args.push("--json");
    }
    args.extend(["mark", "pdf", "from-scans"]);
    args.extend_from_slice(images);
    args.extend([
        "--out",
        s(out),
        "--converter",
        CONVERTER,
        "--key",
        s(key),
        "--at",
        AT,
        "--agency",
        AGENCY,
    ]);
    args.extend_from_slice(agency_key);
    args.extend_from_slice(extra);
    egov(&args)
}

fn preflight(file: &Path) -> Option<String> {
    let jars = [
        "preflight.jar",
        "pdfbox2.jar",
        "fontbox2.jar",
        "xmpbox.jar",
        "commons-logging.jar",
        "javax.activation.jar",
        "jaxb-api.jar",
    ];
    let cp: Vec<String> = jars
        .iter()
        .map(|j| format!("/usr/share/java/{j}"))
        .collect();
    if !Path::new(&cp[0]).exists() {
        assert!(
            !required(),
            "PDFBox Preflight is required: /usr/share/java/preflight.jar"
        );
        eprintln!("PDFBox Preflight not installed: its check is skipped");
        return None;
    }
    let o = Command::new("java")
        .arg("-cp")
        .arg(cp.join(":"))
        .arg("org.apache.pdfbox.preflight.Validator_A1b")
        .arg(file)
        .output();
    match o {
        Ok(o) => Some(format!("{}{}", stdout(&o), stderr(&o))),
        Err(e) => {
            assert!(!required(), "java: {e}");
            None
        }
    }
}

#[test]
fn conv_05_cli_a_colour_300_dpi_scan_becomes_a_marked_signed_copy_that_verifies() {
    let d = dir("colour");
    let Some(scan) = colour_scan(&d) else { return };
    let (key, trust) = keygen(&d);
    let out = d.join("copy.pdf");
    let o = from_scans(
        &[s(&scan)],
        &out,
        &key,
        &["--reason", "Sao y từ bản chính", "--location", "Lào Cai"],
        false,
    );
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    for want in [
        "Đã lập bản sao điện tử từ 1 tệp ảnh quét → ",
        "Định dạng: PDF/A-2b (PDF 1.7) · 1 trang",
        "scan.jpg · JPEG (giữ nguyên dữ liệu ảnh) · ",
        "· 300 dpi (ghi trong ảnh) · màu",
        "[ĐẠT] CONV-05 (Điều 25 NĐ 30/2020/NĐ-CP): mọi trang có độ phân giải từ 200 dpi trở lên",
        "[ĐẠT] CONV-05 (Điều 25 NĐ 30/2020/NĐ-CP): mọi trang ở chế độ màu",
        "Ký hiệu chuyển đổi giấy → thông điệp dữ liệu (Điều 4 NĐ 137/2024/NĐ-CP): trang 1 · vị trí: góc dưới bên trái, cách mép 10 mm",
        "Dữ liệu ký hiệu (payload, cũng ghi trong XMP): EGCM:",
        "Chữ ký số của cơ quan sao (PAdES-B-B): trường «Signature1» · hiển thị ở góc trên bên phải trang 1",
        "  | SAO Y\n",
        &format!("  | {AGENCY}\n"),
        "  | Thời gian ký: 05/12/2026 08:30:00 +07:00",
        "Người ký: CN=Văn thư TEST RSA",
        "Thời điểm ký người ký tự khai (/M): 08:30 ngày 05/12/2026",
        "Lý do ký: Sao y từ bản chính",
        "Địa điểm ký: Lào Cai",
        "Tệp bản sao: ",
        "Kết quả: ĐẠT — bản sao điện tử đúng định dạng",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    assert!(!text.contains("KHÔNG ĐẠT"), "{text}");
    assert!(out.exists());

    // The receiver: the mark against the converting system's key (the printed QR read back),
    // the agency's signature against the root, both exit 0.
    let o = egov(&["mark", "pdf", "verify", s(&out), "--trust", s(&trust)]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    for want in [
        "Kết quả: ĐÃ XÁC THỰC",
        "Phiên bản thêm sau bản gốc: 2",
        "khớp dữ liệu XMP: có",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let o = egov(&[
        "pdf",
        "verify",
        s(&out),
        "--anchors",
        &td("pki/root-ca.pem"),
    ]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    for want in [
        "Chữ ký 1/1: chữ ký phê duyệt · trường «Signature1»",
        "dẫn tới gốc tin cậy CN=egov TEST Root CA",
        "0 phiên bản thêm sau chữ ký",
        "Kết quả: HỢP LỆ — 1 chữ ký",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }

    // An existing output is not replaced without --force (exit 2); with it, the JSON says all.
    let o = from_scans(&[s(&scan)], &out, &key, &[], true);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert_eq!(json(&o)["error"]["code"], "io.exists");
    let payload = d.join("copy.payload.txt");
    let o = from_scans(
        &[s(&scan)],
        &out,
        &key,
        &["--force", "--payload-out", s(&payload)],
        true,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["conforming"], true);
    assert_eq!(j["conformance"], "pdf_a2b");
    assert_eq!(j["output_len"], std::fs::metadata(&out).unwrap().len());
    let page = &j["pages"][0];
    assert_eq!(page["format"], "jpeg");
    assert_eq!(page["colour"], true);
    assert_eq!(page["dpi_stated"], true);
    assert!(
        (page["dpi"].as_f64().unwrap() - 300.0).abs() < 0.5,
        "{page}"
    );
    assert!(j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] == "CONV-05" && f["outcome"] == "pass"));
    assert_eq!(j["mark"]["corner"], "bottom_left");
    assert_eq!(j["mark"]["mode"], "content");
    assert_eq!(j["mark"]["mark"]["direction"], "paper_to_data");
    assert_eq!(
        std::fs::read_to_string(&payload).unwrap(),
        j["mark"]["qr_text"].as_str().unwrap()
    );
    let sig = &j["signature"];
    assert_eq!(sig["level"], "PAdES-B-B");
    assert_eq!(sig["field_name"], "Signature1");
    assert_eq!(sig["key_source"]["kind"], "pkcs12");
    assert_eq!(sig["claimed_time"], AT);
    assert_eq!(sig["appearance"]["lines"][0], "SAO Y");
    assert_eq!(sig["appearance"]["lines"][1], AGENCY);
    assert!(sig["signer"]["subject"]
        .as_str()
        .unwrap()
        .contains("Văn thư TEST RSA"));
    // The copy is the PDF/A, the mark's update, then the signature's update.
    let written = std::fs::read(&out).unwrap();
    assert_eq!(
        sig["byte_range"][2].as_u64().unwrap() + sig["byte_range"][3].as_u64().unwrap(),
        written.len() as u64
    );
}

#[test]
fn conv_05_cli_a_pdf_a_1b_copy_passes_pdfbox_preflight() {
    let d = dir("pdfa1b");
    let Some(scan) = colour_scan(&d) else { return };
    let (key, trust) = keygen(&d);
    let out = d.join("copy-1b.pdf");
    let o = from_scans(
        &[s(&scan)],
        &out,
        &key,
        &["--pdfa", "1b", "--title", "Bản sao điện tử thử nghiệm"],
        false,
    );
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    assert!(
        text.contains("Định dạng: PDF/A-1b (PDF 1.4) · 1 trang")
            && text.contains("định dạng bản sao điện tử: PDF 1.4 (PDF/A-1b), từ PDF 1.4 trở lên"),
        "{text}"
    );
    let o = egov(&["mark", "pdf", "verify", s(&out), "--trust", s(&trust)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    if let Some(report) = preflight(&out) {
        assert!(report.contains("is a valid PDF/A-1b file"), "{report}");
    }
}

#[test]
fn conv_05_cli_grey_150_dpi_scans_are_written_but_exit_1_naming_both_failures() {
    let d = dir("grey");
    let (key, _) = keygen(&d);
    let out = d.join("grey-copy.pdf");
    let pages = [
        td("marks/degraded/page-0001.jpg"),
        td("marks/degraded/page-0002.jpg"),
    ];
    let images: Vec<&str> = pages.iter().map(String::as_str).collect();
    let o = from_scans(&images, &out, &key, &["--assume-dpi", "150"], false);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}{}", stderr(&o));
    // Written, so the clerk can look at it; said not to be a conforming copy.
    assert!(out.exists(), "the copy is written");
    for want in [
        "Định dạng: PDF/A-2b (PDF 1.7) · 2 trang",
        "page-0001.jpg · JPEG (giữ nguyên dữ liệu ảnh) · 1316 × 1812 điểm ảnh · 150 dpi (giả định",
        "đen trắng hoặc thang xám",
        "[KHÔNG ĐẠT] CONV-05 (Điều 25 NĐ 30/2020/NĐ-CP): trang có độ phân giải dưới mức tối thiểu 200 dpi của bản sao điện tử: 1 (150 dpi), 2 (150 dpi)",
        "[KHÔNG ĐẠT] CONV-05 (Điều 25 NĐ 30/2020/NĐ-CP): trang được quét đen trắng hoặc thang xám, không ở chế độ màu: 1, 2",
        "[LƯU Ý] CONV-05",
        "Kết quả: KHÔNG ĐẠT — tệp ",
        "đã được ghi để xem lại, nhưng không phải bản sao điện tử đúng định dạng",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let o = from_scans(
        &images,
        &out,
        &key,
        &["--assume-dpi", "150", "--force", "--lang", "en"],
        true,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["conforming"], false);
    let fails: Vec<&serde_json::Value> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["outcome"] == "fail")
        .collect();
    assert_eq!(fails.len(), 2, "{fails:?}");
    assert!(fails.iter().all(|f| f["rule"] == "CONV-05"));
    assert!(fails[0]["message"].as_str().unwrap().contains("200 dpi"));
    assert!(fails[1]["message"].as_str().unwrap().contains("not colour"));
    assert_eq!(j["pages"].as_array().unwrap().len(), 2);
    assert!(j["pages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["colour"] == false && p["dpi_stated"] == false && p["dpi"] == 150.0));
    // In English too, the text says what was written and why it does not conform.
    let o = from_scans(
        &images,
        &out,
        &key,
        &["--assume-dpi", "150", "--force", "--lang", "en"],
        false,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("[FAIL] CONV-05") && text.contains("Result: NOT CONFORMING"),
        "{text}"
    );
}

#[test]
fn conv_05_cli_a_file_that_is_not_an_image_is_refused_naming_it() {
    let d = dir("not-image");
    let (key, _) = keygen(&d);
    let notes = d.join("ghi-chu.txt");
    std::fs::write(&notes, "không phải ảnh quét\n").unwrap();
    let out = d.join("copy.pdf");
    let o = from_scans(&[s(&notes)], &out, &key, &[], true);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let j = json(&o);
    assert_eq!(j["error"]["code"], "pdf.bad_scan");
    assert_eq!(
        j["error"]["message"],
        format!(
            "ảnh quét {} không dùng được: không phải ảnh JPEG, PNG hoặc TIFF",
            s(&notes)
        ),
        "{j}"
    );
    assert!(!out.exists());
    // Vietnamese on standard error without --json.
    let o = from_scans(&[s(&notes)], &out, &key, &[], false);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[pdf.bad_scan]: ảnh quét ")
            && err.contains("ghi-chu.txt không dùng được: không phải ảnh"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn conv_05_cli_agency_and_one_key_source_are_required() {
    let d = dir("usage");
    let (key, _) = keygen(&d);
    let out = d.join("copy.pdf");
    let page = td("marks/degraded/page-0001.jpg");
    let base = [
        "mark",
        "pdf",
        "from-scans",
        &page,
        "--out",
        s(&out),
        "--converter",
        CONVERTER,
        "--key",
        s(&key),
    ];
    let p12 = td("pki/signer-rsa.p12");
    // No --agency.
    let mut args = base.to_vec();
    args.extend(["--p12", &p12, "--password-env", "EGOV_P12_PASSWORD"]);
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--agency"), "{}", stderr(&o));
    // No key source for the agency's signature.
    let mut args = base.to_vec();
    args.extend(["--agency", AGENCY]);
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // A PEM key given as the mark's key: a coded error that names the flag to use.
    let mut args = base.to_vec();
    let pem = td("pki/signer-rsa.key");
    args[9] = &pem;
    args.extend([
        "--agency",
        AGENCY,
        "--p12",
        &p12,
        "--password-env",
        "EGOV_P12_PASSWORD",
    ]);
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("--agency-key"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn conv_05_cli_the_agency_signs_the_copy_through_a_signer_command() {
    // A remote signing service's client (here the openssl command line with the ECDSA test
    // key, which writes DER) makes the agency's private-key operation; the copy verifies.
    let d = dir("signer-command");
    let Some(scan) = colour_scan(&d) else { return };
    let (key, _) = keygen(&d);
    let out = d.join("copy.pdf");
    let command = format!("openssl dgst -sha256 -sign {}", td("pki/signer-ec.key"));
    let cert = td("pki/signer-ec.pem");
    let agency_key = [
        "--signer-command",
        &command,
        "--signer-algorithm",
        "ecdsa-p256-sha256",
        "--cert",
        &cert,
    ];
    let o = from_scans_with(&[s(&scan)], &out, &key, &agency_key, &[], true);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let j = json(&o);
    let source = &j["signature"]["key_source"];
    assert_eq!(source["kind"], "command", "{source}");
    assert_eq!(source["algorithm"], "ecdsa_p256_sha256", "{source}");
    let anchors = d.join("anchors.pem");
    let chain = [td("pki/root-ca.pem"), td("pki/intermediate-ca.pem")]
        .map(|p| std::fs::read_to_string(p).unwrap())
        .concat();
    std::fs::write(&anchors, chain).unwrap();
    let o = egov(&["--json", "pdf", "verify", s(&out), "--anchors", s(&anchors)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(json(&o)["all_valid"], true);
    // A command without --cert is a usage error, as in `egov pdf sign`.
    let other = d.join("other.pdf");
    let o = from_scans_with(&[s(&scan)], &other, &key, &agency_key[..4], &[], false);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--cert"), "{}", stderr(&o));
}
