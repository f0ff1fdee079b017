//! Writes the seed corpora `fuzz/corpus/<target>/` from `testdata/` (the shared vectors, the
//! security.txt files, the page) and from marks signed with the fuzz key. Deterministic:
//! running it again rewrites the same files.
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --example seeds
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use egov_conversion::payload::{self, PayloadLimits, PayloadOptions, MAX_BODY};
use egov_conversion::pdf::{
    stamp, verify_pdf, Corner, Placement, StampMode, StampOptions,
    VerifyOptions as PdfVerifyOptions,
};
use egov_conversion::render::{encode_png, render_mark, RenderOptions};
use egov_conversion::scan::{decode_qr_codes, load_greyscale, verify_page};
use egov_conversion::{sign, AccessLocator, ConversionMark, Profile, SourceSystem, Wording};
use egov_core::{VnDateTime, WorkingCalendar};
use egov_ffi::ops::OPERATIONS;
use egov_fuzz::{signing_key, trust_set, MAX_FUZZ_PIXELS};
use image::GrayImage;
use serde_json::Value;

struct Seeds {
    corpus: PathBuf,
    written: usize,
    bytes: usize,
}

impl Seeds {
    fn put(&mut self, target: &str, name: &str, data: &[u8]) {
        let dir = self.corpus.join(target);
        fs::create_dir_all(&dir).expect("create the corpus directory");
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        fs::write(dir.join(name), data).expect("write a seed");
        self.written += 1;
        self.bytes += data.len();
    }

    fn with_sel(&mut self, target: &str, name: &str, sel: u8, data: &[u8]) {
        let mut v = vec![sel];
        v.extend_from_slice(data);
        self.put(target, name, &v);
    }
}

/// `(id, op, args)` of every case of every vector file.
fn vectors(testdata: &Path) -> Vec<(String, String, Value)> {
    let mut files: Vec<PathBuf> = fs::read_dir(testdata.join("vectors"))
        .expect("testdata/vectors")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: Value = serde_json::from_str(&fs::read_to_string(&f).expect("read vectors"))
            .expect("vector JSON");
        for c in v["cases"].as_array().into_iter().flatten() {
            let id = c["id"].as_str().unwrap_or("case").to_owned();
            let op = c["op"].as_str().unwrap_or("").to_owned();
            out.push((id, op, c["args"].clone()));
        }
    }
    out
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn at(s: &str) -> VnDateTime {
    VnDateTime::parse(s).expect("a timestamp")
}

/// The source system of the seeds' data-to-paper marks.
fn system(locator: AccessLocator) -> SourceSystem {
    SourceSystem {
        system_name: "Hệ thống quản lý văn bản".to_owned(),
        owner_name: "Văn phòng UBND tỉnh".to_owned(),
        locator,
    }
}

/// Marks of every shape, signed with the fuzz key: `(name, qr_text)`.
fn signed_marks() -> Vec<(String, payload::SignedMark)> {
    let key = signing_key();
    let wording = Wording::default();
    let t = at("2026-03-02T09:15:00+07:00");
    let marks = vec![
        (
            "paper-general",
            ConversionMark::paper_to_data(Profile::General, t, "UBND phường Hàng Bạc", &wording),
            None,
        ),
        (
            "paper-sao-y-ext",
            ConversionMark::paper_to_data(Profile::SaoY, t, "Sở Tư pháp", &wording)
                .with_extension("ma_ho_so", "H17.1-2026-000123")
                .with_extension("so_trang", "3"),
            None,
        ),
        (
            "data-url",
            ConversionMark::data_to_paper(
                Profile::General,
                t,
                "UBND xã",
                system(AccessLocator::FullUrl {
                    url: "https://vb.example.gov.vn/d/7816".to_owned(),
                }),
                &wording,
            ),
            None,
        ),
        (
            "data-code",
            ConversionMark::data_to_paper(
                Profile::AdminProcedureResult,
                t,
                "Bộ phận một cửa",
                system(AccessLocator::UniqueCode {
                    code: "HS-0001".to_owned(),
                    search_interface: "https://tracuu.example.gov.vn".to_owned(),
                }),
                &wording,
            ),
            None,
        ),
        (
            "data-lookup",
            ConversionMark::data_to_paper(
                Profile::General,
                t,
                "UBND xã",
                system(AccessLocator::FullUrl {
                    url: "https://tracuu.example.gov.vn/m".to_owned(),
                }),
                &wording,
            ),
            Some("https://tracuu.example.gov.vn/m"),
        ),
    ];
    marks
        .into_iter()
        .map(|(name, mark, lookup)| {
            let options = PayloadOptions {
                lookup_url: lookup.map(str::to_owned),
                limits: PayloadLimits {
                    max_body_bytes: MAX_BODY,
                    max_qr_version: 40,
                },
            };
            let s = sign(
                &mark,
                &payload::content_digest(b"scan bytes"),
                &key,
                &options,
            )
            .unwrap_or_else(|e| panic!("sign {name}: {e}"));
            (name.to_owned(), s)
        })
        .collect()
}

/// The body of a QR text and the flags of `qr_payload` for its lookup URL.
fn body_of(qr_text: &str) -> Option<(u8, Vec<u8>)> {
    let d = payload::decode(qr_text).ok()?;
    let flags = match d.lookup_url.as_deref() {
        None => 0,
        Some("https://tracuu.example.gov.vn/m") => 1,
        Some(_) => return None,
    };
    Some((flags, d.body))
}

fn crop_to_codes(img: &GrayImage) -> Option<GrayImage> {
    let code = decode_qr_codes(img).into_iter().next()?;
    let [x, y, w, h] = code.bounding_box();
    let pad = 24;
    let x0 = (x - pad).max(0) as u32;
    let y0 = (y - pad).max(0) as u32;
    let x1 = ((x + w + pad) as u32).min(img.width());
    let y1 = ((y + h + pad) as u32).min(img.height());
    Some(image::imageops::crop_imm(img, x0, y0, x1 - x0, y1 - y0).to_image())
}

fn hex_decode(h: &str) -> Option<Vec<u8>> {
    hex::decode(h).ok()
}

/// The vectors' pages are 600×800, over the fuzz targets' pixel cap: a page with a mark
/// becomes the crop around its code, a blank page a small blank page.
fn small_image(h: &str) -> String {
    let Some(page) = hex_decode(h).and_then(|b| load_greyscale(&b).ok()) else {
        return h.to_owned();
    };
    if u64::from(page.width()) * u64::from(page.height()) <= MAX_FUZZ_PIXELS {
        return h.to_owned();
    }
    let small = crop_to_codes(&page).unwrap_or_else(|| {
        image::imageops::resize(&page, 240, 320, image::imageops::FilterType::Triangle)
    });
    payload::hex(&encode_png(&small).expect("png"))
}

fn small_images(mut args: Value) -> Value {
    for k in ["image_hex", "page_hex"] {
        if let Some(Value::String(h)) = args.get_mut(k) {
            *h = small_image(h);
        }
    }
    if let Some(Value::Array(list)) = args.get_mut("images_hex") {
        for v in list {
            if let Value::String(h) = v {
                *h = small_image(h);
            }
        }
    }
    args
}

fn encode(img: &GrayImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode an image");
    out.into_inner()
}

fn encode_tiff(img: &GrayImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut enc = tiff::encoder::TiffEncoder::new(&mut out).expect("TIFF encoder");
    enc.write_image::<tiff::encoder::colortype::Gray8>(img.width(), img.height(), img.as_raw())
        .expect("write TIFF");
    out.into_inner()
}

fn main() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let testdata = fuzz.join("../testdata");
    let mut s = Seeds {
        corpus: fuzz.join("corpus"),
        written: 0,
        bytes: 0,
    };
    let cases = vectors(&testdata);

    for (id, op, args) in &cases {
        let arg = |k: &str| args.get(k).filter(|v| !v.is_null()).map(text);
        match op.as_str() {
            "agency.parse" | "agency.registry_check" => {
                if let Some(c) = arg("code") {
                    s.put("agency_code", id, c.as_bytes())
                }
            }
            "agency.is_ancestor_of" => {
                for k in ["ancestor", "descendant"] {
                    if let Some(c) = arg(k) {
                        s.put("agency_code", &format!("{id}-{k}"), c.as_bytes())
                    }
                }
            }
            "number.parse" => {
                if let Some(n) = arg("number") {
                    s.put("doc_number", id, n.as_bytes())
                }
            }
            "document_id.parse" => {
                if let Some(n) = arg("id") {
                    s.put("document_id", id, n.as_bytes())
                }
            }
            "urgency.parse" => {
                if let Some(n) = arg("input") {
                    s.put("urgency", id, n.as_bytes())
                }
            }
            "time.parse" => {
                if let Some(n) = arg("input") {
                    s.put("time", id, n.as_bytes())
                }
            }
            "metadata.validate" => {
                if let Some(r) = arg("record") {
                    s.put("metadata_json", id, r.as_bytes())
                }
            }
            "conversion.verify" => {
                if let Some(t) = arg("qr_text") {
                    s.with_sel("qr_text", id, 0, t.as_bytes());
                    if let Some((flags, body)) = body_of(&t) {
                        s.with_sel("qr_payload", id, flags, &body);
                    }
                }
            }
            "platform.count_csv" => {
                if let Some(c) = arg("content_text") {
                    // Three chunk lengths (7, 1, 13), no copies.
                    let mut v = vec![0x03, 7, 1, 13];
                    v.extend_from_slice(c.as_bytes());
                    s.put("events_csv", id, &v);
                }
            }
            "trust.security_txt" => {
                if let Some(c) = arg("content_text") {
                    s.with_sel("security_txt", id, 1, c.as_bytes())
                }
            }
            "trust.blocklist_match" => {
                if let (Some(h), Some(l)) = (arg("host"), arg("list")) {
                    s.put("blocklist", id, format!("{h}\n{l}").as_bytes());
                }
            }
            "trust.evaluate" | "trust.criterion" | "trust.declare" | "trust.links" => {
                if let Some(r) = arg("request") {
                    s.put("trust_request", id, r.as_bytes());
                    if let Ok(Value::Object(req)) = serde_json::from_str::<Value>(&r) {
                        if let Some(html) = req
                            .get("page")
                            .and_then(|p| p.get("html"))
                            .and_then(Value::as_str)
                        {
                            s.with_sel("page_links", id, 0, html.as_bytes());
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some(cal) = arg("calendar") {
            s.put("calendar_json", id, cal.as_bytes());
        }
        if let Some(i) = OPERATIONS.iter().position(|o| o == op) {
            let args = small_images(args.clone());
            s.with_sel("ffi_ops", id, i as u8, args.to_string().as_bytes());
        }
    }

    // Hand-picked inputs beside the vectors.
    for (name, v) in [
        ("lenient", " 000.00.18.g12 "),
        ("non-qcvn", "001.00.20.TT2"),
        ("gap", "001.00.05.G12"),
    ] {
        s.put("agency_code", name, v.as_bytes());
    }
    for (name, v) in [
        ("triple", "000.00.00.G22:2018:7816"),
        ("edxml", "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT"),
    ] {
        s.put("document_id", name, v.as_bytes());
    }
    for (name, v) in [
        ("thuong", "thượng"),
        ("normal", "bình thường"),
        ("priority-4", "4"),
        ("flash", "FLASH"),
    ] {
        s.put("urgency", name, v.as_bytes());
    }
    for (name, v) in [
        ("local", "2025-01-31 17:30"),
        ("date", "2018-09-20"),
        ("frac", "2025-01-31T17:30:00.123456789+0700"),
    ] {
        s.put("time", name, v.as_bytes());
    }
    s.put(
        "calendar_json",
        "weekends-only",
        WorkingCalendar::weekends_only().to_json().as_bytes(),
    );
    let mut small = WorkingCalendar::weekends_only();
    for (d, why) in [
        ((2026, 2, 16), "Tết"),
        ((2026, 2, 17), "Tết"),
        ((2026, 4, 30), "30/4"),
    ] {
        small.add_day_off(
            chrono::NaiveDate::from_ymd_opt(d.0, d.1, d.2).expect("date"),
            why,
        );
    }
    small.add_working_day(
        chrono::NaiveDate::from_ymd_opt(2026, 1, 10).expect("date"),
        "make-up",
    );
    small.set_coverage(2026, 2026);
    s.put("calendar_json", "small", small.to_json().as_bytes());
    s.put("events_csv", "header-any-order", b"\x23\x05\x40user_id,timestamp,kind,in_vietnam\n42,1738344600,login,1\n43,1738344601,service_use,true\nbad line\n42,2025-02-01T00:00:00+07:00,information_access,1\r\n44,1738344600,logout,1\n");
    for f in ["securitytxt"] {
        let dir = testdata.join("trust").join(f);
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("securitytxt")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for (i, p) in files.iter().enumerate() {
            let name = p.file_stem().and_then(|n| n.to_str()).unwrap_or("file");
            s.with_sel(
                "security_txt",
                name,
                (i % 4) as u8,
                &fs::read(p).expect("read"),
            );
        }
    }
    s.with_sel(
        "page_links",
        "portal",
        0,
        &fs::read(testdata.join("trust/pages/portal.html")).expect("portal.html"),
    );
    s.put("blocklist", "hosts-file", b"ads.Example.COM.\n# comment\n0.0.0.0 ads.example.com\n||tracker.example^\n*.bad.vn\n203.0.113.0/24\n2001:db8::/32\nhttps://xn--bcher-kva.example/x\nb\xc3\xbccher.example\n");
    s.put(
        "blocklist",
        "ip",
        b"[2001:db8::7]\n2001:db8::/32\n198.51.100.7\n",
    );

    // Marks signed with the fuzz key: QR texts, bodies, and small images of them.
    for (name, m) in signed_marks() {
        s.with_sel(
            "qr_text",
            &format!("signed-{name}"),
            0,
            m.qr_text.as_bytes(),
        );
        s.with_sel(
            "qr_text",
            &format!("signed-{name}-content"),
            1,
            m.qr_text.as_bytes(),
        );
        if let Some((flags, body)) = body_of(&m.qr_text) {
            s.with_sel("qr_payload", &format!("signed-{name}"), flags, &body);
        }
        if name == "paper-general" || name == "data-lookup" {
            let opts = RenderOptions {
                dpi: 72,
                ..RenderOptions::default()
            };
            let block = render_mark(&m, &opts).expect("render at 72 dpi");
            let qr = crop_to_codes(&block).unwrap_or(block);
            for (ext, bytes) in [
                ("png", encode_png(&qr).expect("png")),
                ("jpg", encode(&qr, image::ImageFormat::Jpeg)),
                ("tif", encode_tiff(&qr)),
            ] {
                s.put("page_image", &format!("mark-{name}-{ext}"), &bytes);
            }
        }
    }
    // The vectors' stamped page, cropped around its code.
    for (id, op, args) in &cases {
        if op != "conversion.verify_page" || id.contains("wrong-content") {
            continue;
        }
        let Some(h) = args.get("image_hex").and_then(Value::as_str) else {
            continue;
        };
        let Some(bytes) = hex_decode(h) else { continue };
        let Ok(page) = load_greyscale(&bytes) else {
            continue;
        };
        if let Some(c) = crop_to_codes(&page) {
            s.put(
                "page_image",
                &format!("{id}-cropped"),
                &encode_png(&c).expect("png"),
            );
        }
    }

    // Real PDFs of two producers stamped with the fuzz key (content and annotation), and the
    // tiny PDFs of pdf_signatures (unsigned, signed by egov): `pdf_mark_verify` starts from
    // verified marks.
    let tiny = fuzz.join("corpus/pdf_signatures");
    let mark = ConversionMark::data_to_paper(
        Profile::General,
        at("2026-03-02T09:15:00+07:00"),
        "UBND xã",
        system(AccessLocator::UniqueCode {
            code: "HS-0001".to_owned(),
            search_interface: "https://tracuu.example.gov.vn".to_owned(),
        }),
        &Wording::default(),
    );
    for (name, original, mode) in [
        (
            "libreoffice-stamped-content",
            "libreoffice-6-4-writer-multilang.pdf",
            StampMode::Content,
        ),
        (
            "kodak-scan-stamped-annotation",
            "kodak-capture-ccitt-scan.pdf",
            StampMode::Annotation,
        ),
    ] {
        let original = fs::read(testdata.join("pdf").join(original)).expect("a testdata PDF");
        let opts = StampOptions {
            mode,
            // A scan has no blank corner: the block goes where a clerk would put it.
            placement: Placement::Corner {
                corner: Corner::BottomLeft,
                margin_mm: 10.0,
            },
            ..StampOptions::default()
        };
        let stamped = stamp(
            &original,
            &mark,
            &signing_key(),
            &PayloadOptions::default(),
            &opts,
        )
        .unwrap_or_else(|e| panic!("stamp {name}: {e}"));
        let v = verify_pdf(
            &stamped.pdf,
            trust_set(),
            &PdfVerifyOptions {
                render: false,
                ..PdfVerifyOptions::default()
            },
        )
        .expect("the stamped seed reads");
        println!(
            "pdf_mark_verify/{name}: {} bytes, verified {}",
            stamped.pdf.len(),
            v.verified
        );
        s.put("pdf_mark_verify", name, &stamped.pdf);
    }
    for name in ["tiny-unsigned.pdf", "tiny-egov-rsa.pdf"] {
        let bytes = fs::read(tiny.join(name)).expect("a tiny PDF");
        s.put("pdf_mark_verify", name.trim_end_matches(".pdf"), &bytes);
    }

    // Which image seeds the target really verifies (a seed over the pixel cap is skipped).
    let dir = s.corpus.join("page_image");
    let mut images: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("page_image")
        .map(|e| e.expect("entry").path())
        .collect();
    images.sort();
    for p in images {
        let bytes = fs::read(&p).expect("read");
        let img = load_greyscale(&bytes).expect("seed image decodes");
        let px = u64::from(img.width()) * u64::from(img.height());
        let verdict = verify_page(&img, trust_set(), None).map(|v| v.verdict);
        println!(
            "{}: {}x{} ({}), {:?}",
            p.file_name().and_then(|n| n.to_str()).unwrap_or(""),
            img.width(),
            img.height(),
            if px <= MAX_FUZZ_PIXELS {
                "within the cap"
            } else {
                "OVER THE CAP"
            },
            verdict
        );
    }
    println!("{} seeds, {} bytes", s.written, s.bytes);
}
