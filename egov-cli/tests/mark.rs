//! End-to-end tests of `egov keygen` and `egov mark …` (NĐ 137/2024 Đ4, Đ5).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
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

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-mark-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A blank A4 page at 300 dpi with a dark bar across the middle.
fn page(path: &Path) {
    let mut img = image::GrayImage::from_pixel(2480, 3508, image::Luma([255]));
    for y in 1500..1560 {
        for x in 200..2280 {
            img.put_pixel(x, y, image::Luma([0]));
        }
    }
    img.save(path).unwrap();
}

fn keygen(d: &Path, name: &str) -> (PathBuf, PathBuf) {
    let key = d.join(format!("{name}.key.json"));
    let trust = d.join(format!("{name}.trust.json"));
    let o = egov(&[
        "--json",
        "keygen",
        "--out",
        s(&key),
        "--label",
        "UBND tỉnh Lào Cai",
        "--trust-out",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["key_id"].as_str().unwrap().len(), 16);
    (key, trust)
}

/// A fresh directory with a key, its trust set and an A4 page: (dir, key, trust, page).
fn setup(name: &str) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
    let d = dir(name);
    let (key, trust) = keygen(&d, "a");
    let pg = d.join("page.png");
    page(&pg);
    (d, key, trust, pg)
}

#[test]
fn conv_02_cli_paper_to_data_then_verify() {
    let (d, key, trust, pg) = setup("p2d");
    let out = d.join("out.png");
    let o = egov(&[
        "--json",
        "mark",
        "paper-to-data",
        "--page",
        s(&pg),
        "--converter",
        "Ủy ban nhân dân phường Cốc Lếu",
        "--key",
        s(&key),
        "--at",
        "2026-03-02T09:15:00+07:00",
        "--out",
        s(&out),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert!(v["qr_version"].as_u64().unwrap() <= 15);
    assert_eq!(v["mark"]["direction"], "paper_to_data");
    let payload = std::fs::read_to_string(v["payload_out"].as_str().unwrap()).unwrap();
    assert!(payload.starts_with("EGCM:"));

    let o = egov(&[
        "--json",
        "mark",
        "verify",
        s(&out),
        "--content",
        s(&pg),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["state"], "content_matches");
    assert_eq!(v["signer"], "UBND tỉnh Lào Cai");

    // Another key's trust set: not verified, exit 1, says which step.
    let (_, other) = keygen(&d, "b");
    let o = egov(&["--json", "mark", "verify", s(&out), "--trust", s(&other)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["failure"]["code"], "signature.unknown_key");
    // Text output names the state.
    let o = egov(&["mark", "verify", s(&out), "--trust", s(&trust)]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("VERIFIED")
            && text.contains("— state: signature valid, key trusted (`key_trusted`)"),
        "{text}"
    );
}

#[test]
fn conv_11_cli_data_to_paper_with_code_locator_and_payload_verify() {
    let (d, key, trust, pg) = setup("d2p");
    let original = d.join("message.xml");
    std::fs::write(&original, "<van-ban>nội dung gốc</van-ban>").unwrap();
    let o = egov(&[
        "--json",
        "mark",
        "data-to-paper",
        "--page",
        s(&pg),
        "--converter",
        "Văn phòng UBND tỉnh Lào Cai",
        "--key",
        s(&key),
        "--content",
        s(&original),
        "--system",
        "Hệ thống quản lý văn bản và điều hành tỉnh Lào Cai",
        "--owner",
        "Ủy ban nhân dân tỉnh Lào Cai",
        "--code",
        "000.00.37.H37-260302-0001",
        "--search",
        "https://vanban.laocai.gov.vn/tra-cuu",
        "--lookup-url",
        "https://vanban.laocai.gov.vn/tra-cuu",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert!(v["qr_text"]
        .as_str()
        .unwrap()
        .starts_with("https://vanban.laocai.gov.vn/tra-cuu#EGCM:"));
    let payload = v["payload_out"].as_str().unwrap().to_owned();
    let stamped = v["out"].as_str().unwrap().to_owned();
    let o = egov(&[
        "--json",
        "mark",
        "verify",
        &payload,
        "--payload",
        "--content",
        s(&original),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(json(&o)["state"], "content_matches");
    // The printed page is not the data message: content mismatch, exit 1.
    let o = egov(&[
        "--json",
        "mark",
        "verify",
        &stamped,
        "--content",
        s(&pg),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["failure"]["step"], "content");
}

#[test]
fn cli_mark_errors_are_coded() {
    let (_, key, _, pg) = setup("err");
    // Missing locator for data → paper (Đ5.1.b): coded error, exit 1.
    let o = egov(&[
        "--json",
        "mark",
        "data-to-paper",
        "--page",
        s(&pg),
        "--converter",
        "A",
        "--key",
        s(&key),
        "--system",
        "S",
        "--owner",
        "O",
    ]);
    assert_eq!(o.status.code(), Some(2), "a usage error");
    assert_eq!(json(&o)["error"]["code"], "usage.locator");
    // Empty converter: the mark is not signed.
    let o = egov(&[
        "--json",
        "mark",
        "paper-to-data",
        "--page",
        s(&pg),
        "--converter",
        " ",
        "--key",
        s(&key),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "payload.invalid_mark");
    let o = egov(&["mark", "verify", s(&pg), "--trust", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(2), "an I/O error");
    assert_eq!(egov(&["mark", "verify"]).status.code(), Some(2));
}

/// Stamps `pg` with a paper → data mark signed by `key` at `position`; returns the output path.
fn stamp(pg: &Path, key: &Path, out: &Path, position: &str, converter: &str) -> Output {
    egov(&[
        "--json",
        "mark",
        "paper-to-data",
        "--page",
        s(pg),
        "--converter",
        converter,
        "--key",
        s(key),
        "--at",
        "2026-03-02T09:15:00+07:00",
        "--position",
        position,
        "--out",
        s(out),
    ])
}

/// A PNG page with a pHYs chunk stating `dpi` (as scanners write it; the image crate writes
/// none).
fn stating_dpi(png: &[u8], dpi: u32) -> Vec<u8> {
    let ppm = (f64::from(dpi) / 0.0254).round() as u32;
    let mut chunk = b"pHYs".to_vec();
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.push(1);
    let mut crc = flate2::Crc::new();
    crc.update(&chunk);
    let ihdr_end = 8 + 8 + 13 + 4;
    let mut out = png[..ihdr_end].to_vec();
    out.extend_from_slice(&9u32.to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(&png[ihdr_end..]);
    out
}

/// CONV-12: a page scanned at 150 dpi that says so is stamped at its own resolution without
/// --dpi (sized for 300 dpi, the block was twice its size on paper and found no room); --dpi
/// still decides when given.
#[test]
fn conv_12_cli_stamps_a_scan_at_the_resolution_it_states() {
    let (d, key, trust, _) = setup("dpi");
    let mut img = image::GrayImage::from_pixel(1240, 1754, image::Luma([255]));
    for y in 750..780 {
        for x in 100..1140 {
            img.put_pixel(x, y, image::Luma([0]));
        }
    }
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let pg = d.join("scan-150.png");
    std::fs::write(&pg, stating_dpi(&png.into_inner(), 150)).unwrap();
    let out = d.join("scan-150.marked.png");
    let o = stamp(&pg, &key, &out, "auto", "Ủy ban nhân dân phường Cốc Lếu");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v = json(&o);
    assert_eq!(
        (v["dpi"].as_u64(), v["dpi_from_image"].as_bool()),
        (Some(150), Some(true))
    );
    let o = egov(&["mark", "verify", s(&out), "--trust", s(&trust)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The same page stamped again, with the flags given (each to a file of its own).
    let again = |flags: &[&str], out: &str| {
        let out = d.join(out);
        let mut args = vec![
            "mark",
            "paper-to-data",
            "--page",
            s(&pg),
            "--converter",
            "A",
        ];
        args.extend(["--key", s(&key), "--out", s(&out)]);
        args.extend_from_slice(flags);
        egov(&args)
    };
    let v = json(&again(&["--json", "--dpi", "300"], "forced-300.png"));
    assert_eq!(
        (v["dpi"].as_u64(), v["dpi_from_image"].as_bool()),
        (Some(300), Some(false)),
        "--dpi decides"
    );
    let o = again(&[], "text.png");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Page resolution: 150 dpi, as the image file states"),
        "{text}"
    );
}

/// The default position finds a blank area; a position that covers content is refused unless
/// forced (then stamped with a warning).
#[test]
fn conv_02_cli_auto_position_and_force() {
    let (d, key, _, pg) = setup("auto");
    let out = d.join("auto.png");
    let o = stamp(&pg, &key, &out, "auto", "Ủy ban nhân dân phường Cốc Lếu");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v = json(&o);
    assert!(v["printed"]["module_mm"].as_f64().unwrap() >= 0.5);
    assert!(v["printed"]["qr_mm"].as_f64().unwrap() < 48.0);
    // The page has a bar across the middle (y 1500–1560 px); mm 120 from the top is on it.
    let o = egov(&[
        "--json",
        "mark",
        "paper-to-data",
        "--page",
        s(&pg),
        "--converter",
        "A",
        "--key",
        s(&key),
        "--position",
        "bottom-left",
        "--out",
        s(&d.join("x.png")),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let mut bar = image::GrayImage::from_pixel(2480, 3508, image::Luma([255]));
    for y in 100..3400 {
        for x in (100..2380).step_by(4) {
            bar.put_pixel(x, y, image::Luma([0]));
        }
    }
    let full = d.join("full.png");
    bar.save(&full).unwrap();
    let o = stamp(&full, &key, &d.join("y.png"), "top-right", "A");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "render.covers_content");
    let o = stamp(&full, &key, &d.join("y.png"), "auto", "A");
    assert_eq!(json(&o)["error"]["code"], "render.no_blank_area");
    let mut args = vec![
        "--json",
        "mark",
        "paper-to-data",
        "--page",
        s(&full),
        "--converter",
        "A",
        "--key",
        s(&key),
        "--position",
        "top-right",
        "--force",
    ];
    let y = d.join("y.png");
    args.extend(["--out", s(&y)]);
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let placed = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "position")
        .unwrap();
    assert_eq!(placed["outcome"], "warning");
    assert_eq!(placed["rule"], "CONV-02");
}

/// Two different marks on one page: both listed, verdict conflicting, exit 1; a list of
/// pages names the page carrying the mark; the printed lines are in the output.
#[test]
fn conv_03_cli_every_mark_and_every_page_count() {
    let (d, key, trust, pg) = setup("marks");
    let (other_key, _) = keygen(&d, "forger");
    let one = d.join("one.png");
    assert_eq!(
        stamp(
            &pg,
            &key,
            &one,
            "top-left",
            "Ủy ban nhân dân phường Cốc Lếu"
        )
        .status
        .code(),
        Some(0)
    );
    let two = d.join("two.png");
    let o = stamp(
        &one,
        &other_key,
        &two,
        "bottom-right",
        "Ủy ban nhân dân phường Kim Tân",
    );
    assert_eq!(o.status.code(), Some(0));
    let o = egov(&["--json", "mark", "verify", s(&two), "--trust", s(&trust)]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["verdict"], "conflicting_marks");
    assert_eq!(v["qr_codes_found"], 2);
    assert_eq!(v["marks"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["marks"][1]["verification"]["failure"]["code"],
        "signature.unknown_key"
    );
    assert_eq!(v["findings"][0]["outcome"], "fail");
    let o = egov(&[
        "--lang",
        "vi",
        "mark",
        "verify",
        s(&two),
        "--trust",
        s(&trust),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("NHIỀU KÝ HIỆU KHÁC NHAU"), "{text}");
    assert!(
        text.contains("Chuyển đổi bởi: Ủy ban nhân dân phường Kim Tân"),
        "{text}"
    );

    // Pages in order: blank, marked. The mark is on page 2.
    let o = egov(&[
        "--json",
        "mark",
        "verify",
        s(&pg),
        s(&one),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v = json(&o);
    assert_eq!(v["verdict"], "verified");
    assert_eq!(v["mark_page"], 2);
    assert_eq!(v["pages_scanned"], 2);
    assert_eq!(v["pages"][0]["error_code"], "scan.no_mark");
    assert_eq!(
        v["printed_lines"][2],
        "Chuyển đổi bởi: Ủy ban nhân dân phường Cốc Lếu"
    );
    // Two pages, the second also carrying a forged mark: the document is not verified and the
    // text names the other page's marks with their failure.
    let o = egov(&["mark", "verify", s(&one), s(&two), "--trust", s(&trust)]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Page 2: mark"), "{text}");
    assert!(text.contains("signature.unknown_key"), "{text}");
    let vi = egov(&[
        "--lang",
        "vi",
        "mark",
        "verify",
        s(&one),
        s(&two),
        "--trust",
        s(&trust),
    ]);
    let text = String::from_utf8_lossy(&vi.stdout);
    assert!(text.contains("Trang 2: ký hiệu"), "{text}");
    assert!(text.contains("signature.unknown_key"), "{text}");
    // No mark anywhere: a coded error naming every page.
    let o = egov(&[
        "--json",
        "mark",
        "verify",
        s(&pg),
        s(&pg),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = json(&o);
    assert_eq!(e["error"]["code"], "scan.no_mark");
    assert!(e["error"]["message"].as_str().unwrap().contains("page 2"));
    // Each page's reason in the run's language: a page that is not an image, in Vietnamese.
    let o = egov(&[
        "--lang",
        "vi",
        "mark",
        "verify",
        s(&pg),
        s(&trust),
        "--trust",
        s(&trust),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("trang 1: [scan.no_mark] không tìm thấy mã QR nào")
            && text.contains("trang 2: [image.decode] không đọc được tệp ảnh"),
        "{text}"
    );
}
