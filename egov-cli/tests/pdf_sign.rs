//! End-to-end tests of `egov pdf sign|verify`: PAdES signatures on the real PDFs of
//! `testdata/pdf/` with the test PKI of `testdata/pki/` (QĐ 28/2018/QĐ-TTg Đ6.1, DOC-18;
//! NĐ 30/2020 Đ25). Keys from PEM, PKCS#12 and a SoftHSM2 token (PKCS#11); PAdES-B-T through
//! `openssl ts -reply` run by `--tsa-command`; the CLI's output checked by pyHanko
//! (`EGOV_PYHANKO`, default `target/venv/bin/pyhanko`). With `EGOV_PDF_TOOLS_REQUIRED=1` a
//! missing pyHanko or SoftHSM2 fails the test instead of skipping its check.
#![cfg(feature = "pdf")]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AT: &str = "2026-03-02T09:15:00+07:00";
const SIGNER: &str = "Văn thư TEST RSA";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pki(name: &str) -> String {
    root().join("testdata/pki").join(name).display().to_string()
}

fn pdf(name: &str) -> String {
    root().join("testdata/pdf").join(name).display().to_string()
}

const LIBREOFFICE: &str = "libreoffice-6-4-writer-multilang.pdf";
const ENCRYPTED: &str = "libreoffice-writer-user-password-encrypted.pdf";

fn egov_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_egov"));
    c.env("EGOV_LANG", "vi").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the egov binary runs")
}

fn egov(args: &[&str]) -> Output {
    egov_env(args, &[])
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
    let d = std::env::temp_dir().join(format!("egov-cli-pdf-sign-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

/// `egov pdf sign INPUT --out OUT --key signer-rsa.key --cert signer-rsa.pem --at AT EXTRA…`.
fn sign_pem(input: &str, out: &Path, extra: &[&str]) -> Output {
    let key = pki("signer-rsa.key");
    let cert = pki("signer-rsa.pem");
    let mut args = vec![
        "pdf",
        "sign",
        input,
        "--out",
        s(out),
        "--key",
        &key,
        "--cert",
        &cert,
        "--at",
        AT,
    ];
    args.extend_from_slice(extra);
    egov(&args)
}

fn verify(file: &Path, anchors: &[&str], extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["pdf".into(), "verify".into(), s(file).into()];
    for a in anchors {
        args.push("--anchors".into());
        args.push(pki(a));
    }
    args.extend(extra.iter().map(|x| x.to_string()));
    egov(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn doc_18_cli_signs_with_a_pem_key_and_verifies_with_the_root() {
    let d = dir("pem");
    let out = d.join("signed.pdf");
    let o = sign_pem(
        &pdf(LIBREOFFICE),
        &out,
        &["--reason", "Sao từ văn bản giấy", "--location", "Hà Nội"],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    for want in [
        "Đã ký số PAdES-B-B",
        "Trường chữ ký: Signature1",
        SIGNER,
        "Thời điểm ký người ký tự khai (/M): 09:15 ngày 02/03/2026",
        "Phạm vi byte được ký: [0 ",
        "Tệp đã ký: ",
        s(&out),
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    let original = std::fs::read(pdf(LIBREOFFICE)).unwrap();
    let signed = std::fs::read(&out).unwrap();
    assert!(signed.starts_with(&original), "an incremental update");

    let o = verify(&out, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    for want in [
        "Chữ ký 1/1: chữ ký phê duyệt · trường «Signature1» · ETSI.CAdES.detached",
        SIGNER,
        "Nguyên vẹn: có",
        "dẫn tới gốc tin cậy CN=egov TEST Root CA",
        "nguồn: thời điểm người ký tự khai (/M)",
        "Phiên bản được ký: 2/2 · 0 phiên bản thêm sau chữ ký",
        "[ĐẠT] DOC-18",
        "Kết quả: HỢP LỆ — 1 chữ ký",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    assert!(!text.contains("Các phiên bản thêm sau chữ ký"), "{text}");

    // JSON: the library's whole report, and what was signed.
    let o = egov(&[
        "--json",
        "pdf",
        "verify",
        s(&out),
        "--anchors",
        &pki("root-ca.pem"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["all_valid"], true);
    assert_eq!(v["revisions"], 2);
    let sig = &v["signatures"][0];
    assert_eq!(sig["field_name"], "Signature1");
    assert_eq!(sig["kind"], "approval");
    assert_eq!(sig["cms"]["chain"]["status"], "trusted");
    assert_eq!(sig["cms"]["time_source"], "claimed");
    assert_eq!(sig["signed_len"], signed.len());
    assert!(sig["cms"]["signer"]["subject"]
        .as_str()
        .unwrap()
        .contains(SIGNER));
    assert_eq!(v["findings"][0]["rule"], "DOC-18");

    let out2 = d.join("signed-json.pdf");
    let key = pki("signer-rsa.key");
    let cert = pki("signer-rsa.pem");
    let input = pdf(LIBREOFFICE);
    let o = egov(&[
        "--json",
        "pdf",
        "sign",
        &input,
        "--out",
        s(&out2),
        "--key",
        &key,
        "--cert",
        &cert,
        "--at",
        AT,
        "--field",
        "Văn thư",
        "--contact",
        "vanthu@laocai.gov.vn",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["level"], "PAdES-B-B");
    assert_eq!(v["field_name"], "Văn thư");
    assert_eq!(v["claimed_time"], AT);
    assert_eq!(v["original_len"], original.len());
    assert_eq!(v["key_source"]["kind"], "pem");
    assert!(v["signer"]["subject"].as_str().unwrap().contains(SIGNER));
    let br = v["byte_range"].as_array().unwrap();
    assert_eq!(br.len(), 4);
    assert_eq!(
        br[2].as_u64().unwrap() + br[3].as_u64().unwrap(),
        v["output_len"].as_u64().unwrap()
    );
    let o = verify(&out2, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("trường «Văn thư»"), "{}", stdout(&o));
}

#[test]
fn doc_18_cli_signs_with_a_pkcs12_file_its_password_never_on_the_command_line() {
    let d = dir("p12");
    let p12 = pki("signer-rsa.p12");
    let input = pdf(LIBREOFFICE);
    let out = d.join("signed.pdf");
    let o = egov_env(
        &[
            "pdf",
            "sign",
            &input,
            "--out",
            s(&out),
            "--p12",
            &p12,
            "--password-env",
            "EGOV_TEST_P12",
        ],
        &[("EGOV_TEST_P12", "egov-test")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(SIGNER), "{}", stdout(&o));
    let o = verify(&out, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(SIGNER));

    // From a file, its line break ignored.
    let pw = d.join("password.txt");
    std::fs::write(&pw, "egov-test\n").unwrap();
    let out2 = d.join("signed2.pdf");
    let o = egov(&[
        "pdf",
        "sign",
        &input,
        "--out",
        s(&out2),
        "--p12",
        &p12,
        "--password-file",
        s(&pw),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // A wrong password: the key cannot be used (exit 1), with its code; nothing is written.
    let out3 = d.join("wrong.pdf");
    let o = egov_env(
        &[
            "pdf",
            "sign",
            &input,
            "--out",
            s(&out3),
            "--p12",
            &p12,
            "--password-env",
            "EGOV_TEST_P12",
        ],
        &[("EGOV_TEST_P12", "not-the-password")],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[sign.key.pkcs12]:") && err.contains("không mở được tệp PKCS#12"),
        "{err}"
    );
    assert!(!out3.exists());
    // An unset variable is a usage error; --p12 needs a password source; no --password flag.
    let o = egov(&[
        "pdf",
        "sign",
        &input,
        "--out",
        s(&out3),
        "--p12",
        &p12,
        "--password-env",
        "EGOV_TEST_UNSET_VARIABLE",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("lỗi[usage.password]:"),
        "{}",
        stderr(&o)
    );
    let o = egov(&["pdf", "sign", &input, "--out", s(&out3), "--p12", &p12]);
    assert_eq!(o.status.code(), Some(2));
    let o = egov(&[
        "pdf",
        "sign",
        &input,
        "--out",
        s(&out3),
        "--p12",
        &p12,
        "--password",
        "egov-test",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out3.exists());
}

#[test]
fn doc_18_cli_takes_exactly_one_key_source() {
    let d = dir("sources");
    let out = d.join("x.pdf");
    let input = pdf(LIBREOFFICE);
    let key = pki("signer-rsa.key");
    let cert = pki("signer-rsa.pem");
    let p12 = pki("signer-rsa.p12");
    for args in [
        vec!["pdf", "sign", &input, "--out", s(&out)],
        vec!["pdf", "sign", &input, "--out", s(&out), "--key", &key],
        vec![
            "pdf",
            "sign",
            &input,
            "--out",
            s(&out),
            "--key",
            &key,
            "--cert",
            &cert,
            "--p12",
            &p12,
            "--password-env",
            "X",
        ],
        vec![
            "pdf",
            "sign",
            &input,
            "--out",
            s(&out),
            "--pkcs11-module",
            "/nonexistent/module.so",
        ],
        vec![
            "pdf",
            "sign",
            &input,
            "--out",
            s(&out),
            "--key",
            &key,
            "--cert",
            &cert,
            "--token",
            "t",
        ],
    ] {
        let o = egov(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    assert!(!out.exists());
    // A key that is not the certificate's: exit 1 with its code.
    let o = egov(&[
        "pdf",
        "sign",
        &input,
        "--out",
        s(&out),
        "--key",
        &pki("signer-ec.key"),
        "--cert",
        &cert,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("lỗi[sign.key.certificate_mismatch]:"),
        "{}",
        stderr(&o)
    );
}

/// A directory where `openssl ts -reply` answers as the test TSA, and the `--tsa-command`
/// that runs it.
fn openssl_tsa(d: &Path) -> String {
    for f in ["tsa.cnf", "tsa.pem", "tsa.key"] {
        std::fs::copy(pki(f), d.join(f)).unwrap();
    }
    std::fs::write(d.join("tsaserial"), "01\n").unwrap();
    format!(
        "cd '{}' && cat > req.tsq && openssl ts -reply -config tsa.cnf -queryfile req.tsq -out resp.tsr 2>/dev/null && cat resp.tsr",
        d.display()
    )
}

#[test]
fn doc_18_cli_pades_b_t_the_tsa_command_time_stamps_the_signature() {
    let d = dir("bt");
    let tsa = openssl_tsa(&d);
    let out = d.join("bt.pdf");
    let o = sign_pem(
        &pdf("libreoffice-7-3-writer-pdfa-pdfua.pdf"),
        &out,
        &["--tsa-command", &tsa],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Đã ký số PAdES-B-T"), "{text}");
    assert!(
        text.contains("Dấu thời gian của chữ ký (RFC 3161): ")
            && text.contains("cấp bởi CN=egov TEST TSA"),
        "{text}"
    );

    // The time-stamp dates the chain when the TSA is trusted too.
    let o = verify(&out, &["root-ca.pem", "tsa.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    for want in [
        SIGNER,
        "Dấu thời gian của chữ ký (PAdES-B-T): ",
        "CN=egov TEST TSA",
        "(nguồn: dấu thời gian của chữ ký)",
        "Kết quả: HỢP LỆ",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    let o = egov(&[
        "--json",
        "pdf",
        "verify",
        s(&out),
        "--anchors",
        &pki("root-ca.pem"),
        "--anchors",
        &pki("tsa.pem"),
    ]);
    let v = json(&o);
    assert_eq!(v["signatures"][0]["cms"]["time_source"], "timestamp");
    assert!(
        v["signatures"][0]["cms"]["timestamp"]["authority"]["subject"]
            .as_str()
            .unwrap()
            .contains("TSA")
    );
    // An untrusted time-stamping authority fails the signature (the library's answer).
    let o = verify(&out, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("[cms.timestamp]"), "{}", stdout(&o));

    // A failing command: its exit status and standard error, nothing written (exit 2).
    let failed = d.join("failed.pdf");
    let o = sign_pem(
        &pdf(LIBREOFFICE),
        &failed,
        &["--tsa-command", "echo 'TSA unreachable' >&2; exit 7"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[io.tsa_command]:")
            && err.contains("exit status 7")
            && err.contains("TSA unreachable"),
        "{err}"
    );
    assert!(!failed.exists());
    // An answer that is not a time-stamp response: the signature cannot be made (exit 1).
    let o = sign_pem(
        &pdf(LIBREOFFICE),
        &failed,
        &["--tsa-command", "cat >/dev/null; echo not-a-response"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("lỗi[pdf.sign]:"), "{}", stderr(&o));
    assert!(!failed.exists());
}

#[test]
fn doc_18_cli_without_anchors_a_signature_is_valid_but_its_issuer_is_said_unchecked() {
    let d = dir("no-anchors");
    let out = d.join("signed.pdf");
    assert_eq!(
        sign_pem(&pdf(LIBREOFFICE), &out, &[]).status.code(),
        Some(0)
    );
    let o = verify(&out, &[], &[]);
    // The library: a signature that verifies with its chain not checked is `valid`.
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    for want in [
        "Nguyên vẹn: có",
        "Chuỗi chứng thư số: CHƯA KIỂM TRA — không có --anchors",
        "[CHƯA RÕ] DOC-18",
        "đơn vị cấp chứng thư số chưa được kiểm tra",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // With an anchor that did not issue it: not valid.
    let o = verify(&out, &["other-root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("[cms.untrusted]"), "{}", stdout(&o));
}

#[test]
fn doc_18_cli_a_tampered_file_fails() {
    let d = dir("tampered");
    let out = d.join("signed.pdf");
    assert_eq!(
        sign_pem(&pdf(LIBREOFFICE), &out, &[]).status.code(),
        Some(0)
    );
    let mut bytes = std::fs::read(&out).unwrap();
    // One byte of the original revision (inside the first signed range).
    let at = bytes.windows(9).position(|w| w == b"/Producer").unwrap() + 12;
    bytes[at] ^= 0x01;
    let bad = d.join("tampered.pdf");
    std::fs::write(&bad, &bytes).unwrap();
    let o = verify(&bad, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Nguyên vẹn: KHÔNG — [cms.digest_mismatch]"),
        "{text}"
    );
    assert!(text.contains("[KHÔNG ĐẠT] DOC-18"), "{text}");
    assert!(text.contains("Kết quả: KHÔNG HỢP LỆ"), "{text}");
}

#[test]
fn doc_18_cli_a_second_signature_appends_a_revision_after_the_first() {
    let d = dir("two");
    let one = d.join("one.pdf");
    let two = d.join("two.pdf");
    assert_eq!(
        sign_pem(&pdf(LIBREOFFICE), &one, &[]).status.code(),
        Some(0)
    );
    let o = sign_pem(s(&one), &two, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Trường chữ ký: Signature2"));
    let o = verify(&two, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("Chữ ký 1/2") && text.contains("Chữ ký 2/2"),
        "{text}"
    );
    assert!(
        text.contains("Phiên bản được ký: 2/3 · 1 phiên bản thêm sau chữ ký"),
        "{text}"
    );
    assert!(
        text.contains("Phiên bản được ký: 3/3 · 0 phiên bản thêm sau chữ ký"),
        "{text}"
    );
    // The revision after the first signature only adds the second: a permitted update.
    assert!(
        text.contains("có 1 phiên bản được bổ sung sau chữ ký này, chỉ thêm chữ ký số: là những bổ sung được phép sau khi ký"),
        "{text}"
    );
    assert!(!text.contains("[LƯU Ý]"), "{text}");
    // Each revision after a signature on a line of its own.
    assert!(
        text.contains("Các phiên bản thêm sau chữ ký (so với phiên bản trước):\n  Phiên bản 3/3: thêm chữ ký số — bổ sung được phép sau khi ký\n"),
        "{text}"
    );
}

#[test]
fn doc_18_cli_an_unsigned_pdf_has_no_signature_and_is_not_valid() {
    let input = PathBuf::from(pdf(LIBREOFFICE));
    let o = verify(&input, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("tệp không có chữ ký số"),
        "{}",
        stdout(&o)
    );
    let o = verify(&input, &[], &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("no digital signature"),
        "{}",
        stdout(&o)
    );
    let o = egov(&["--json", "pdf", "verify", s(&input)]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["all_valid"], false);
    assert_eq!(v["signatures"].as_array().unwrap().len(), 0);
}

#[test]
fn doc_18_cli_a_file_that_is_not_a_pdf_is_said_so_in_the_runs_language() {
    let d = dir("not-a-pdf");
    let input = d.join("scan.pdf");
    std::fs::write(
        &input,
        "Quyết định số 12/QĐ-UBND (bản gõ, không phải PDF)\n",
    )
    .unwrap();
    let o = verify(&input, &[], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[pdf.not_pdf]:") && err.contains("không phải là PDF"),
        "{err}"
    );
    // Said in Vietnamese: no English reason quoted after it.
    assert!(!err.contains("header in the first"), "{err}");
    let o = verify(&input, &[], &["--lang", "en"]);
    assert!(stderr(&o).contains("not a PDF"), "{}", stderr(&o));
    let out = d.join("x.pdf");
    let o = sign_pem(s(&input), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("lỗi[pdf.not_pdf]:"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    let o = egov(&["--json", "pdf", "verify", s(&input)]);
    assert_eq!(json(&o)["error"]["code"], "pdf.not_pdf");
}

#[test]
fn doc_18_cli_encrypted_pdfs_are_refused_with_their_code() {
    let d = dir("encrypted");
    let out = d.join("x.pdf");
    let o = sign_pem(&pdf(ENCRYPTED), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[pdf.encrypted]:") && err.contains("đã được mã hóa"),
        "{err}"
    );
    // How it is encrypted, in Vietnamese; egov's own English words are not quoted in it.
    assert!(!err.contains("security handler"), "{err}");
    assert!(!out.exists());
    let o = egov(&["pdf", "verify", &pdf(ENCRYPTED)]);
    assert!(
        stderr(&o).contains("đã được mã hóa (bộ xử lý bảo mật «Standard»)"),
        "{}",
        stderr(&o)
    );
    let o = verify(&PathBuf::from(pdf(ENCRYPTED)), &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("lỗi[pdf.encrypted]:"),
        "{}",
        stderr(&o)
    );
    let o = egov(&["--json", "pdf", "verify", &pdf(ENCRYPTED)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "pdf.encrypted");
}

#[test]
fn doc_18_cli_an_existing_output_is_not_overwritten_without_force() {
    let d = dir("exists");
    let out = d.join("signed.pdf");
    std::fs::write(&out, b"keep me").unwrap();
    let o = sign_pem(&pdf(LIBREOFFICE), &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("lỗi[io.exists]:"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let o = sign_pem(&pdf(LIBREOFFICE), &out, &["--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(verify(&out, &["root-ca.pem"], &[]).status.code(), Some(0));
    // A missing input is an I/O error.
    let o = sign_pem("/nonexistent/in.pdf", &d.join("y.pdf"), &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = verify(Path::new("/nonexistent/in.pdf"), &[], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn doc_18_cli_lang_en() {
    let d = dir("en");
    let out = d.join("signed.pdf");
    let o = sign_pem(&pdf(LIBREOFFICE), &out, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for want in [
        "Signed (PAdES-B-B)",
        "Signature field: Signature1",
        "Signer: CN=Văn thư TEST RSA",
        "Signing time the signer claims (/M): 2026-03-02T09:15:00+07:00",
        "Signed byte range: [0 ",
        "Signed file: ",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    let o = verify(&out, &["root-ca.pem"], &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for want in [
        "Signature 1/1: approval signature",
        "Intact: yes",
        "Certificate chain: chains to the trust anchor CN=egov TEST Root CA",
        "Revision covered: 2/2 · 0 revision(s) appended after it",
        "[PASS] DOC-18",
        "Result: VALID — 1 signature(s), all valid",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    let o = verify(&out, &[], &["--lang", "en"]);
    assert!(stdout(&o).contains("NOT CHECKED"), "{}", stdout(&o));
    let o = egov_env(
        &[
            "pdf",
            "sign",
            &pdf(LIBREOFFICE),
            "--out",
            s(&d.join("x.pdf")),
            "--p12",
            &pki("signer-rsa.p12"),
            "--password-env",
            "EGOV_TEST_P12",
            "--lang",
            "en",
        ],
        &[("EGOV_TEST_P12", "wrong")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the PKCS#12 file cannot be opened"),
        "{}",
        stderr(&o)
    );
    let o = sign_pem(&pdf(ENCRYPTED), &d.join("x.pdf"), &["--lang", "en"]);
    assert!(
        stderr(&o).contains("the PDF is encrypted"),
        "{}",
        stderr(&o)
    );
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
        eprintln!("pyHanko not found at {p:?}: its check is skipped");
        None
    }
}

#[test]
fn doc_18_cli_output_validates_in_pyhanko() {
    let Some(exe) = pyhanko() else { return };
    let d = dir("pyhanko");
    let tsa = openssl_tsa(&d);
    for (name, extra) in [
        ("b-b.pdf", vec![]),
        ("b-t.pdf", vec!["--tsa-command", tsa.as_str()]),
    ] {
        let out = d.join(name);
        let o = sign_pem(&pdf(LIBREOFFICE), &out, &extra);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let (valid, text) = pyhanko_validate(&exe, &out, &["root-ca.pem", "tsa.pem"]);
        assert!(valid, "{name}: {text}");
    }
}

/// `pyhanko sign validate` of `file` trusting the test PKI's `trust` files only: whether it
/// judges the signature valid, and what it said.
fn pyhanko_validate(exe: &Path, file: &Path, trust: &[&str]) -> (bool, String) {
    let mut cmd = Command::new(exe);
    cmd.args([
        "sign",
        "validate",
        "--pretty-print",
        "--no-revocation-check",
        "--trust-replace",
    ]);
    for t in trust {
        cmd.arg("--trust").arg(pki(t));
    }
    let o = cmd.arg(file).output().unwrap();
    let text = format!("{}{}", stdout(&o), stderr(&o));
    let valid = o.status.success()
        && text.contains("The signature is judged VALID.")
        && !text.contains("INVALID");
    (valid, text)
}

#[test]
fn doc_18_cli_signs_with_a_key_on_a_pkcs11_token() {
    let Some(module) = support::softhsm::module() else {
        return;
    };
    // A SoftHSM2 token of this test's own, holding the RSA signer's key (not its certificate).
    let d = dir("pkcs11");
    let conf = support::softhsm::token(
        &d,
        "egov-cli",
        Path::new(&pki("signer-rsa.key")),
        "signer-rsa",
    );
    let input = pdf(LIBREOFFICE);
    let cert = pki("signer-rsa.pem");
    let sign = |out: &Path, pin: &str, extra: &[&str]| {
        let mut args = vec![
            "pdf",
            "sign",
            &input,
            "--out",
            s(out),
            "--pkcs11-module",
            s(&module),
            "--token",
            "egov-cli",
            "--pin-env",
            "EGOV_TEST_PIN",
            "--at",
            AT,
        ];
        args.extend_from_slice(extra);
        egov_env(
            &args,
            &[("SOFTHSM2_CONF", s(&conf)), ("EGOV_TEST_PIN", pin)],
        )
    };
    let out = d.join("token.pdf");
    let o = sign(&out, "1234", &["--key-id", "01", "--cert", &cert]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(SIGNER), "{text}");
    assert!(text.contains("token PKCS#11 «egov-cli»"), "{text}");
    let o = verify(&out, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(SIGNER));

    // The token holds no certificate: without --cert the CLI says to give one.
    let none = d.join("no-cert.pdf");
    let o = sign(&none, "1234", &["--key-label", "signer-rsa"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("lỗi[sign.key.no_certificate]:") && stderr(&o).contains("--cert"),
        "{}",
        stderr(&o)
    );
    // A wrong PIN: the token refuses it (exit 1, sign.key.pkcs11); nothing written.
    let o = sign(&none, "0000", &["--cert", &cert]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("lỗi[sign.key.pkcs11]:"),
        "{}",
        stderr(&o)
    );
    assert!(!none.exists());
}

#[cfg(unix)]
#[test]
fn doc_18_cli_the_signed_file_is_an_ordinary_readable_file_not_0600() {
    use std::os::unix::fs::PermissionsExt as _;
    let d = dir("mode");
    let out = d.join("signed.pdf");
    let o = sign_pem(&pdf("libreoffice-6-4-writer-multilang.pdf"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "{mode:o}");
}

#[test]
fn doc_18_cli_signs_a_pdf_through_a_signer_command_and_pyhanko_agrees() {
    // A remote signing service's client stands in as openssl: egov builds the CMS, the command
    // signs its signed attributes.
    let d = dir("signer-command");
    let out = d.join("command.pdf");
    let command = format!("openssl dgst -sha256 -sign {}", pki("signer-rsa.key"));
    let o = egov(&[
        "--json",
        "pdf",
        "sign",
        &pdf(LIBREOFFICE),
        "--out",
        s(&out),
        "--signer-command",
        &command,
        "--cert",
        &pki("signer-rsa.pem"),
        "--at",
        AT,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["key_source"]["kind"], "command", "{v}");
    assert_eq!(v["key_source"]["algorithm"], "rsa_sha256", "{v}");
    let o = verify(&out, &["root-ca.pem"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(SIGNER));
    let Some(exe) = pyhanko() else { return };
    let (valid, text) = pyhanko_validate(&exe, &out, &["root-ca.pem"]);
    assert!(valid, "{text}");
}
