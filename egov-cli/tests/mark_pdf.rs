//! End-to-end tests of `egov mark pdf stamp|verify` on the real PDFs of `testdata/pdf/`
//! (NĐ 137/2024 Đ4, Đ5; CONV-12 the signed payload, CONV-16 the original intact).
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LOOKUP: &str = "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001";

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/pdf")
}

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "testdata/pdf holds {} PDFs", v.len());
    v
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn is_encrypted(p: &Path) -> bool {
    name(p).contains("encrypted")
}

/// Size and SHA-256 of each fixture as `testdata/pdf/SOURCES.md` records them (an independent
/// source for the hash the stamp reports).
fn recorded(file: &str) -> (u64, String) {
    let sources = std::fs::read_to_string(corpus_dir().join("SOURCES.md")).unwrap();
    sources
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            let size = cols.get(2)?.parse::<u64>().ok()?;
            let sha = cols.get(3)?.trim_matches('`');
            (cols.get(1)?.trim_matches('`') == file && sha.len() == 64)
                .then(|| (size, sha.to_owned()))
        })
        .next()
        .unwrap_or_else(|| panic!("{file} not in SOURCES.md"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-mark-pdf-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A key and its trust set in `d`.
fn keygen(d: &Path, label: &str) -> (PathBuf, PathBuf) {
    let key = d.join(format!("{label}.key.json"));
    let trust = d.join(format!("{label}.trust.json"));
    let o = egov(&[
        "keygen",
        "--out",
        s(&key),
        "--label",
        "Văn phòng UBND tỉnh Lào Cai",
        "--trust-out",
        s(&trust),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (key, trust)
}

/// The mark's facts: data → paper for documents made on a computer, paper → data for scans.
fn mark_args(file: &str) -> Vec<String> {
    let scan = file.starts_with("kodak") || file.starts_with("epson") || file.contains("jbig2");
    let mut a: Vec<String> = if scan {
        vec![
            "--direction",
            "paper-to-data",
            "--converter",
            "Bộ phận Tiếp nhận và Trả kết quả, UBND phường Cốc Lếu",
            "--profile",
            "admin-result",
        ]
    } else {
        vec![
            "--direction",
            "data-to-paper",
            "--converter",
            "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
            "--system",
            "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai",
            "--owner",
            "Ủy ban nhân dân tỉnh Lào Cai",
            "--url",
            LOOKUP,
        ]
    }
    .into_iter()
    .map(str::to_owned)
    .collect();
    a.extend(["--at".to_owned(), "2026-03-02T14:05:09+07:00".to_owned()]);
    // The signed pyHanko page is 106 × 51 mm with a signature widget over its lower half:
    // a small block above it, no lookup URL (a shorter payload).
    if !file.starts_with("pyhanko") {
        a.extend(["--lookup-url".to_owned(), LOOKUP.to_owned()]);
    }
    a
}

fn stamp(input: &Path, out: &Path, key: &Path, extra: &[String], json: bool) -> Output {
    let file = name(input);
    let mut args: Vec<String> = Vec::new();
    if json {
        args.push("--json".into());
    }
    args.extend(["mark", "pdf", "stamp"].map(String::from));
    args.push(s(input).into());
    args.extend(["--out".into(), s(out).into(), "--key".into(), s(key).into()]);
    args.extend(mark_args(&file));
    args.extend(extra.iter().cloned());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    egov(&refs)
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// Stamps `input`, falling back as a clerk would on the typed refusals: a page too small for
/// the default block takes a narrower one, a page without a blank corner takes a named corner.
/// Returns the successful output and the refusal codes met on the way.
fn stamp_like_a_clerk(input: &Path, out: &Path, key: &Path) -> (Output, Vec<String>) {
    let file = name(input);
    let mut extra: Vec<String> = if file.starts_with("pyhanko") {
        strs(&[
            "--module-mm",
            "0.3",
            "--text-width-mm",
            "60",
            "--title-pt",
            "5.5",
            "--text-pt",
            "4.5",
            "--position",
            "top-left",
            "--margin-mm",
            "1",
        ])
    } else {
        Vec::new()
    };
    let mut refused = Vec::new();
    for _ in 0..3 {
        let o = stamp(input, out, key, &extra, true);
        if o.status.code() == Some(0) {
            return (o, refused);
        }
        // Every refusal: exit 1 (the input was read, it cannot be marked so), a stable code,
        // and no output file.
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stdout(&o));
        assert!(!out.exists(), "{file}: a refused stamp left {out:?}");
        let code = json(&o)["error"]["code"].as_str().unwrap().to_owned();
        match code.as_str() {
            "pdf.does_not_fit" => {
                extra = strs(&[
                    "--text-width-mm",
                    "52",
                    "--title-pt",
                    "6.5",
                    "--text-pt",
                    "5.5",
                    "--margin-mm",
                    "1.5",
                ])
            }
            "pdf.no_blank_area" => extra.extend(strs(&["--position", "bottom-right"])),
            other => panic!("{file}: refused with {other}: {}", stdout(&o)),
        }
        refused.push(code);
    }
    panic!("{file}: not stamped after {refused:?}");
}

#[test]
fn conv_12_conv_16_cli_stamps_every_real_pdf_then_verifies_it() {
    let d = dir("corpus");
    let (key, trust) = keygen(&d, "a");
    let mut refusals = Vec::new();
    let mut stamped = 0;
    for input in corpus().into_iter().filter(|p| !is_encrypted(p)) {
        let file = name(&input);
        let out = d.join(&file);
        let _ = std::fs::remove_file(&out);
        let (o, refused) = stamp_like_a_clerk(&input, &out, &key);
        refusals.extend(refused);
        let v = json(&o);
        for k in [
            "input",
            "out",
            "page",
            "placement",
            "rect_pt",
            "original_len",
            "original_sha256",
            "output_len",
            "qr_text",
            "qr",
            "block",
            "key_id",
            "mark",
            "findings",
        ] {
            assert!(v.get(k).is_some(), "{file}: stamp JSON lacks {k}: {v}");
        }
        let (size, sha) = recorded(&file);
        assert_eq!(v["original_len"], size, "{file}");
        assert_eq!(v["original_sha256"], sha, "{file}");
        assert_eq!(v["page"], 1);
        assert!(v["qr_text"].as_str().unwrap().contains("EGCM:"));
        assert!(v["qr"]["side_mm"].as_f64().unwrap() > 10.0);
        // The original bytes are the output's prefix (an incremental update).
        let original = std::fs::read(&input).unwrap();
        let written = std::fs::read(&out).unwrap();
        assert!(written.starts_with(&original), "{file}");
        assert_eq!(v["output_len"], written.len());

        // Verify, in Vietnamese.
        let o = egov(&["mark", "pdf", "verify", s(&out), "--trust", s(&trust)]);
        let text = stdout(&o);
        assert_eq!(o.status.code(), Some(0), "{file}: {text}{}", stderr(&o));
        for want in [
            "Kết quả: ĐÃ XÁC THỰC",
            "Bậc xác thực đạt được: nội dung khớp bản gốc",
            "Người ký: Văn phòng UBND tỉnh Lào Cai",
            "khớp băm đã ký: có",
            "Phiên bản thêm sau bản gốc: 1",
            "nối đúng về phiên bản trước: có",
            "khớp dữ liệu XMP: có",
            "[ĐẠT] CONV-12 (điểm a khoản 2 Điều 5",
            "[ĐẠT] CONV-16 (điểm c khoản 3 Điều 5",
        ] {
            let want = if want.starts_with("[ĐẠT] CONV-16")
                && v["mark"]["direction"] == "paper_to_data"
            {
                "[ĐẠT] CONV-07 (điểm a khoản 2 Điều 4"
            } else if want.starts_with("[ĐẠT] CONV-12") && v["mark"]["direction"] == "paper_to_data"
            {
                "[ĐẠT] CONV-03 (điểm a khoản 1 Điều 4"
            } else {
                want
            };
            assert!(text.contains(want), "{file}: {want:?} not in\n{text}");
        }
        assert!(
            text.contains(&sha),
            "{file}: the original's hash in\n{text}"
        );

        // And as JSON.
        let o = egov(&[
            "--json",
            "mark",
            "pdf",
            "verify",
            s(&out),
            "--trust",
            s(&trust),
        ]);
        assert_eq!(o.status.code(), Some(0), "{file}");
        let j = json(&o);
        assert_eq!(j["verified"], true);
        assert_eq!(j["original_len"], size);
        assert_eq!(j["original_sha256"], sha);
        assert_eq!(j["original_hash_matches"], true);
        assert_eq!(j["xmp_payload"], v["qr_text"]);
        assert_eq!(j["verification"]["state"], "content_matches");
        assert_eq!(j["printed"]["matches_xmp"], true);
        assert_eq!(j["printed"]["qr_text"], v["qr_text"]);
        assert_eq!(j["revisions_after"].as_array().unwrap().len(), 1);
        assert_eq!(j["revisions_after"][0]["chains"], true);
        assert!(j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["outcome"] == "pass" && f["rule"].as_str().unwrap().starts_with("CONV-")));
        stamped += 1;
    }
    assert_eq!(stamped, 8);
    // The corpus exercises both typed refusals of the automatic placement.
    assert!(
        refusals.iter().any(|c| c == "pdf.no_blank_area"),
        "{refusals:?}"
    );
}

#[test]
fn conv_12_cli_stamp_says_in_vietnamese_what_was_done() {
    let d = dir("text");
    let (key, _) = keygen(&d, "a");
    let input = corpus_dir().join("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let out = d.join("marked.pdf");
    let payload = d.join("marked.payload.txt");
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&payload);
    let o = stamp(
        &input,
        &out,
        &key,
        &strs(&["--payload-out", s(&payload)]),
        false,
    );
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    let (size, sha) = recorded("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let size = grouped(size);
    for want in [
        "Đã đóng ký hiệu chuyển đổi thông điệp dữ liệu → giấy (Điều 5 NĐ 137/2024/NĐ-CP)",
        "cập nhật gia tăng",
        &format!("{size} byte gốc giữ nguyên ở đầu tệp"),
        "Trang: 1 · vị trí: góc trống đầu tiên (tự động), cách mép 10 mm",
        "mã QR phiên bản",
        // Measures with a decimal comma, so the frame's figures are parted by semicolons.
        "kể cả vùng trắng, ô 0,51 mm",
        "khung x 276,8; y 28,3; rộng 306,9; cao 124,3 pt",
        &format!("Bản gốc: {size} byte · SHA-256 {sha}"),
        &format!("Dữ liệu ký hiệu (payload, cũng ghi trong XMP): {LOOKUP}#EGCM:"),
        "Dòng chữ in cạnh mã QR:",
        "| Chủ quản: Ủy ban nhân dân tỉnh Lào Cai",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let p = std::fs::read_to_string(&payload).unwrap();
    assert!(p.starts_with(LOOKUP) && text.contains(&p), "{p}");
}

#[test]
fn conv_12_cli_encrypted_pdfs_are_refused_with_their_code() {
    let d = dir("encrypted");
    let (key, trust) = keygen(&d, "a");
    let enc: Vec<PathBuf> = corpus().into_iter().filter(|p| is_encrypted(p)).collect();
    assert_eq!(enc.len(), 2);
    for input in enc {
        let out = d.join("out.pdf");
        let o = stamp(&input, &out, &key, &[], true);
        assert_eq!(o.status.code(), Some(1), "{input:?}");
        assert_eq!(json(&o)["error"]["code"], "pdf.encrypted");
        assert!(!out.exists());
        // Vietnamese by default, on standard error.
        let o = stamp(&input, &out, &key, &[], false);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.starts_with("lỗi[pdf.encrypted]:") && err.contains("đã được mã hóa"),
            "{err}"
        );
        let o = egov(&[
            "--json",
            "mark",
            "pdf",
            "verify",
            s(&input),
            "--trust",
            s(&trust),
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(json(&o)["error"]["code"], "pdf.encrypted");
        // No temporary file left behind.
        assert!(std::fs::read_dir(&d).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp")));
    }
}

#[test]
fn conv_16_cli_one_changed_byte_in_the_original_fails_verification() {
    let d = dir("tamper");
    let (key, trust) = keygen(&d, "a");
    for file in [
        "libreoffice-6-4-writer-multilang.pdf",
        "msword-2010-geobase-data-model-19p.pdf",
        "epson-scan-ccitt-5p-ocr-indirect-rotate.pdf",
    ] {
        let input = corpus_dir().join(file);
        let out = d.join(file);
        let _ = std::fs::remove_file(&out);
        let (o, _) = stamp_like_a_clerk(&input, &out, &key);
        assert_eq!(o.status.code(), Some(0));
        let n = json(&o)["original_len"].as_u64().unwrap() as usize;
        let mut bad = std::fs::read(&out).unwrap();
        let i = n / 2;
        bad[i] = if bad[i] == b'0' { b'1' } else { b'0' };
        let tampered = d.join(format!("tampered-{file}"));
        std::fs::write(&tampered, &bad).unwrap();
        let o = egov(&[
            "--json",
            "mark",
            "pdf",
            "verify",
            s(&tampered),
            "--trust",
            s(&trust),
        ]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stdout(&o));
        let j = json(&o);
        if j.get("error").is_some() {
            // A change that breaks the PDF's structure is refused outright: also exit 1.
            assert!(j["error"]["code"].as_str().unwrap().starts_with("pdf."));
            continue;
        }
        assert_eq!(j["verified"], false);
        assert_eq!(j["original_hash_matches"], false);
        assert_eq!(j["verification"]["failure"]["code"], "content.mismatch");
        let o = egov(&["mark", "pdf", "verify", s(&tampered), "--trust", s(&trust)]);
        assert_eq!(o.status.code(), Some(1));
        let text = stdout(&o);
        assert!(text.contains("Kết quả: KHÔNG XÁC THỰC"), "{text}");
        assert!(text.contains("khớp băm đã ký: không"), "{text}");
        assert!(text.contains("[KHÔNG ĐẠT] CONV-"), "{text}");
    }
}

#[test]
fn conv_16_cli_an_existing_output_is_not_overwritten_without_force() {
    let d = dir("exists");
    let (key, _) = keygen(&d, "a");
    let input = corpus_dir().join("libreoffice-6-4-writer-multilang.pdf");
    let out = d.join("out.pdf");
    std::fs::write(&out, b"keep me").unwrap();
    let o = stamp(&input, &out, &key, &[], true);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert_eq!(json(&o)["error"]["code"], "io.exists");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let o = stamp(&input, &out, &key, &[], false);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không ghi đè nếu không có --force"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    // With --force the file is replaced whole.
    let o = stamp(&input, &out, &key, &strs(&["--force"]), true);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let written = std::fs::read(&out).unwrap();
    assert!(written.starts_with(&std::fs::read(&input).unwrap()));
    assert!(std::fs::read_dir(&d).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
}

#[test]
fn conv_12_cli_lang_en_and_typed_errors() {
    let d = dir("en");
    let (key, trust) = keygen(&d, "a");
    let input = corpus_dir().join("libreoffice-7-3-writer-pdfa-pdfua.pdf");
    let out = d.join("out.pdf");
    let _ = std::fs::remove_file(&out);
    let o = stamp(&input, &out, &key, &strs(&["--lang", "en"]), false);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Stamped a conversion mark, data message → paper"),
        "{text}"
    );
    assert!(
        text.contains("Original: 30 381 bytes · SHA-256 eb92b44f"),
        "{text}"
    );
    let o = egov(&[
        "mark",
        "pdf",
        "verify",
        s(&out),
        "--trust",
        s(&trust),
        "--lang",
        "en",
    ]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    for want in [
        "Result: VERIFIED",
        "matches the signed hash: yes",
        "Revisions appended after it: 1",
        "[PASS] CONV-12 (NĐ 137/2024/NĐ-CP Đ5.2.a)",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    // Another key's trust set: the ladder stops at the signature, exit 1.
    let (_, other) = keygen(&d, "b");
    let o = egov(&[
        "--json",
        "mark",
        "pdf",
        "verify",
        s(&out),
        "--trust",
        s(&other),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        json(&o)["verification"]["failure"]["code"],
        "signature.unknown_key"
    );
    // A page that does not exist: exit 1 with its code, in either language.
    let out2 = d.join("p9.pdf");
    let o = stamp(&input, &out2, &key, &strs(&["--page", "9"]), false);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("lỗi[pdf.no_such_page]") && stderr(&o).contains("không có trang 9")
    );
    let o = stamp(
        &input,
        &out2,
        &key,
        &strs(&["--page", "9", "--lang", "en"]),
        false,
    );
    assert!(
        stderr(&o).contains("page 9 does not exist"),
        "{}",
        stderr(&o)
    );
    assert!(!out2.exists());
    // An unmarked PDF: not verified, exit 1, the payload finding fails.
    let o = egov(&[
        "--json",
        "mark",
        "pdf",
        "verify",
        s(&corpus_dir().join("kodak-capture-ccitt-scan.pdf")),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&o);
    assert_eq!(j["verified"], false);
    assert_eq!(j["findings"][0]["rule"], "CONV-12");
    assert_eq!(j["findings"][0]["outcome"], "fail");
}

#[test]
fn conv_11_cli_data_to_paper_needs_its_source_system_and_locator() {
    let d = dir("usage");
    let (key, _) = keygen(&d, "a");
    let input = corpus_dir().join("libreoffice-6-4-writer-multilang.pdf");
    let out = d.join("out.pdf");
    let base = [
        "--json",
        "mark",
        "pdf",
        "stamp",
        s(&input),
        "--out",
        s(&out),
        "--key",
        s(&key),
        "--converter",
        "Văn phòng UBND tỉnh Lào Cai",
    ];
    let run = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        egov(&a)
    };
    let o = run(&["--direction", "data-to-paper"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "usage.source");
    let o = run(&[
        "--direction",
        "data-to-paper",
        "--system",
        "S",
        "--owner",
        "O",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "usage.locator");
    let o = run(&["--direction", "paper-to-data", "--system", "S"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "usage.direction");
    // No direction at all: clap's usage error.
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    // A missing input file: I/O error, exit 2.
    let o = egov(&[
        "mark",
        "pdf",
        "stamp",
        "/nonexistent/in.pdf",
        "--out",
        s(&out),
        "--key",
        s(&key),
        "--converter",
        "X",
        "--direction",
        "paper-to-data",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn conv_16_cli_a_damaged_cross_reference_table_is_refused() {
    let d = dir("xref");
    let (key, trust) = keygen(&d, "a");
    let original =
        std::fs::read(corpus_dir().join("libreoffice-6-4-writer-multilang.pdf")).unwrap();
    // `startxref` pointing 7 bytes past the table: a reader corrects it, an incremental update
    // would not chain to the original.
    let at = original
        .windows(9)
        .rposition(|w| w == b"startxref")
        .unwrap();
    let tail = String::from_utf8_lossy(&original[at..]).into_owned();
    let offset: u64 = tail.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut bad = original[..at].to_vec();
    bad.extend_from_slice(format!("startxref\n{}\n%%EOF\n", offset + 7).as_bytes());
    let input = d.join("bad-xref.pdf");
    std::fs::write(&input, &bad).unwrap();
    let out = d.join("out.pdf");
    let o = stamp(&input, &out, &key, &[], true);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(json(&o)["error"]["code"], "pdf.xref_damaged");
    assert!(!out.exists());
    let o = stamp(&input, &out, &key, &[], false);
    assert!(stderr(&o).contains("bị hỏng"), "{}", stderr(&o));
    let o = egov(&[
        "--json",
        "mark",
        "pdf",
        "verify",
        s(&input),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

/// pyHanko (`EGOV_PYHANKO`, default `target/venv/bin/pyhanko`), or `None` (skipped) when it is
/// missing and not required.
fn pyhanko() -> Option<PathBuf> {
    let p = std::env::var("EGOV_PYHANKO")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/venv/bin/pyhanko")
        });
    if p.exists() {
        Some(p)
    } else {
        assert!(
            !required(),
            "pyHanko is required (EGOV_PYHANKO) but {p:?} does not exist"
        );
        eprintln!("pyHanko not found at {p:?}: the test is skipped");
        None
    }
}

#[test]
fn conv_12_cli_annotation_mode_writes_a_stamp_annotation_that_verifies() {
    let d = dir("annotation");
    let (key, trust) = keygen(&d, "a");
    let input = corpus_dir().join("libreoffice-6-4-writer-multilang.pdf");
    let out = d.join("annotated.pdf");
    let _ = std::fs::remove_file(&out);
    let o = stamp(&input, &out, &key, &strs(&["--mode", "annotation"]), false);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    for want in [
        "Cách ghi: chú thích /Stamp (in được, người dùng có thể xóa); cập nhật gia tăng",
        // Auto placement names the corner it chose.
        "vị trí: góc trống đầu tiên (tự động), cách mép 10 mm → góc trên bên phải",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    // No signature in the document: nothing to warn about.
    assert!(!text.contains("CONV-16"), "{text}");
    let written = std::fs::read(&out).unwrap();
    assert!(written.starts_with(&std::fs::read(&input).unwrap()));
    assert!(
        written.windows(14).any(|w| w == b"/Subtype/Stamp")
            || written.windows(15).any(|w| w == b"/Subtype /Stamp"),
        "a /Stamp annotation"
    );
    let o = egov(&["mark", "pdf", "verify", s(&out), "--trust", s(&trust)]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    for want in ["Kết quả: ĐÃ XÁC THỰC", "khớp dữ liệu XMP: có"] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let o = stamp(
        &input,
        &out,
        &key,
        &strs(&["--mode", "annotation", "--force"]),
        true,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["mode"], "annotation");
    assert_eq!(j["corner"], "top_right");
    assert!(
        j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "CONV-16" && f["outcome"] == "pass"),
        "{j}"
    );
}

#[test]
fn conv_16_cli_annotation_mode_is_refused_on_a_certified_pdf_and_content_mode_warns() {
    let Some(exe) = pyhanko() else { return };
    let d = dir("certified");
    let (key, _) = keygen(&d, "a");
    // A certification signature by pyHanko (DocMDP P=2: form filling and signing only).
    let certified = d.join("certified.pdf");
    let _ = std::fs::remove_file(&certified);
    let pki = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/pki");
    let o = Command::new(&exe)
        .args(["sign", "addsig", "--field", "Certification", "--certify"])
        .args(["pemder", "--no-pass", "--key"])
        .arg(pki.join("signer-rsa.key"))
        .arg("--cert")
        .arg(pki.join("signer-rsa.pem"))
        .arg(corpus_dir().join("libreoffice-6-4-writer-multilang.pdf"))
        .arg(&certified)
        .output()
        .unwrap();
    assert!(o.status.success(), "pyhanko: {}{}", stdout(&o), stderr(&o));
    let out = d.join("out.pdf");
    let _ = std::fs::remove_file(&out);
    let o = stamp(
        &certified,
        &out,
        &key,
        &strs(&["--mode", "annotation"]),
        true,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(json(&o)["error"]["code"], "pdf.locked");
    assert!(!out.exists());
    let o = stamp(
        &certified,
        &out,
        &key,
        &strs(&["--mode", "annotation"]),
        false,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("lỗi[pdf.locked]:")
            && err.contains("DocMDP P=2")
            && err.contains("không cho phép thêm chú thích"),
        "{err}"
    );
    assert!(!out.exists());
    // Content mode stamps it, and says what it does to the certification (CONV-16).
    let o = stamp(&certified, &out, &key, &[], false);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", stderr(&o));
    assert!(
        text.contains("[LƯU Ý] CONV-16") && text.contains("DocMDP P=2"),
        "{text}"
    );
    let o = stamp(&certified, &out, &key, &strs(&["--force"]), true);
    let j = json(&o);
    assert_eq!(j["mode"], "content");
    assert!(
        j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "CONV-16" && f["outcome"] == "warning"),
        "{j}"
    );
}

/// A size as the CLI writes it to people: digits grouped by threes with a space from five
/// digits up (`30 381`).
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
