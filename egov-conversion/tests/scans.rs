//! Electronic copies from scans (paper → data, NĐ 137/2024 Đ4; NĐ 30/2020 Đ25 and Phụ lục I,
//! rule CONV-05): page images become PDF/A, checked by independent tools — `qpdf --check`,
//! `pdfimages -list` (the JPEG is embedded unchanged), `pdfinfo` (page size from the scan's
//! resolution) and Apache PDFBox Preflight for PDF/A-1b. The test command installs qpdf,
//! poppler-utils and PDFBox (Debian `libpdfbox2-java`) and sets `EGOV_PDF_TOOLS_REQUIRED=1`.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egov_conversion::pdf::{pdf_from_scans, Conformance, PdfError, ScanProblem, ScansOptions};
use egov_core::{ErrorCode, Outcome};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-scans-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> Option<(bool, String)> {
    match cmd.output() {
        Ok(o) => Some((
            o.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        )),
        Err(e) => {
            assert!(!required(), "{cmd:?}: {e}");
            None
        }
    }
}

/// A colour "scan" at 300 dpi: page 1 of a real LibreOffice PDF rendered by poppler, as a
/// flatbed scanner writes it (JPEG with the resolution in its JFIF header).
fn colour_scan(dir: &Path) -> Option<Vec<u8>> {
    let stem = dir.join("colour");
    run(Command::new("pdftoppm")
        .args([
            "-r",
            "300",
            "-jpeg",
            "-jpegopt",
            "quality=85",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(root().join("testdata/pdf/libreoffice-6-4-writer-multilang.pdf"))
        .arg(&stem))?;
    Some(std::fs::read(dir.join("colour.jpg")).unwrap())
}

fn preflight(file: &Path) -> Option<(bool, String)> {
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
        return None;
    }
    run(Command::new("java")
        .arg("-cp")
        .arg(cp.join(":"))
        .arg("org.apache.pdfbox.preflight.Validator_A1b")
        .arg(file))
}

#[test]
fn conv_05_a_colour_300_dpi_scan_becomes_pdf_a_with_the_jpeg_unchanged() {
    let d = tmp("colour");
    let Some(jpeg) = colour_scan(&d) else { return };
    for conformance in [Conformance::PdfA2b, Conformance::PdfA1b] {
        let out = pdf_from_scans(
            &[("colour.jpg".into(), jpeg.clone())],
            &ScansOptions {
                conformance,
                title: Some("Bản sao điện tử thử nghiệm".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(out.pages.len(), 1);
        let p = &out.pages[0];
        assert_eq!(
            (p.format.as_str(), p.dpi_stated, p.colour),
            ("jpeg", true, true)
        );
        assert!((p.dpi - 300.0).abs() < 0.5, "{p:?}");
        assert!(
            out.findings.iter().all(|f| f.outcome == Outcome::Pass),
            "{:#?}",
            out.findings
        );
        // The JPEG's bytes are inside the PDF unchanged.
        assert!(out.pdf.windows(jpeg.len()).any(|w| w == jpeg.as_slice()));
        let f = d.join(format!("{conformance:?}.pdf"));
        std::fs::write(&f, &out.pdf).unwrap();
        if let Some((ok, text)) = run(Command::new("qpdf").arg("--check").arg(&f)) {
            assert!(ok, "{text}");
        }
        if let Some((_, text)) = run(Command::new("pdfimages").arg("-list").arg(&f)) {
            assert!(text.contains("jpeg"), "{text}");
        }
        if let Some((_, text)) = run(Command::new("pdfinfo").arg(&f)) {
            // A4 at 300 dpi: 2481 × 3508 px → 595.44 × 841.92 pt.
            assert!(text.contains("595.") && text.contains("841."), "{text}");
        }
        if conformance == Conformance::PdfA1b {
            if let Some((ok, text)) = preflight(&f) {
                assert!(ok && text.contains("is a valid PDF/A-1b file"), "{text}");
            }
        }
    }
}

#[test]
fn conv_05_a_grey_150_dpi_scan_without_stated_resolution_is_built_and_reported() {
    // Real degraded scans of the mark corpus: grey JPEGs, 150 dpi, JFIF aspect ratio only.
    let pages: Vec<(String, Vec<u8>)> = ["page-0001.jpg", "page-0002.jpg"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read(root().join("testdata/marks/degraded").join(n)).unwrap(),
            )
        })
        .collect();
    let out = pdf_from_scans(
        &pages,
        &ScansOptions {
            assume_dpi: 150.0,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(out.pages.len(), 2);
    assert!(out.pages.iter().all(|p| !p.colour && !p.dpi_stated));
    let fails: Vec<&str> = out
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .map(|f| f.message_vi.as_str())
        .collect();
    assert_eq!(fails.len(), 2, "{fails:?}");
    assert!(fails.iter().any(|m| m.contains("200 dpi")));
    assert!(fails.iter().any(|m| m.contains("chế độ màu")));
    assert!(out
        .findings
        .iter()
        .any(|f| f.outcome == Outcome::Warning && f.rule == "CONV-05"));
    let f = tmp("grey").join("grey.pdf");
    std::fs::write(&f, &out.pdf).unwrap();
    if let Some((ok, text)) = run(Command::new("qpdf").arg("--check").arg(&f)) {
        assert!(ok, "{text}");
    }
}

#[test]
fn conv_05_every_page_of_a_multi_page_tiff_and_a_png_become_pages() {
    use tiff::encoder::{colortype, TiffEncoder};
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut enc = TiffEncoder::new(&mut buf).unwrap();
        for shade in [40u8, 200] {
            let data: Vec<u8> = (0..200 * 100)
                .flat_map(|i| [shade, (i % 251) as u8, 90])
                .collect();
            let mut img = enc.new_image::<colortype::RGB8>(200, 100).unwrap();
            img.resolution(
                tiff::tags::ResolutionUnit::Inch,
                tiff::encoder::Rational { n: 200, d: 1 },
            );
            img.write_data(&data).unwrap();
        }
    }
    let mut png = Vec::new();
    {
        let mut e = png::Encoder::new(&mut png, 40, 20);
        e.set_color(png::ColorType::Rgb);
        e.set_pixel_dims(Some(png::PixelDimensions {
            xppu: 7874,
            yppu: 7874,
            unit: png::Unit::Meter,
        }));
        let mut w = e.write_header().unwrap();
        w.write_image_data(&vec![128u8; 40 * 20 * 3]).unwrap();
    }
    let out = pdf_from_scans(
        &[
            ("scan.tif".into(), buf.into_inner()),
            ("extra.png".into(), png),
        ],
        &ScansOptions::default(),
    )
    .unwrap();
    let sources: Vec<&str> = out.pages.iter().map(|p| p.source.as_str()).collect();
    assert_eq!(sources, ["scan.tif page 1", "scan.tif page 2", "extra.png"]);
    assert!(
        out.pages
            .iter()
            .all(|p| p.colour && p.dpi_stated && (p.dpi - 200.0).abs() < 1.0),
        "{:?}",
        out.pages
    );
}

#[test]
fn conv_05_inputs_that_are_not_images_are_typed_errors_naming_the_input() {
    let e = pdf_from_scans(
        &[("notes.txt".into(), b"hello".to_vec())],
        &ScansOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "pdf.bad_scan");
    assert_eq!(
        e,
        PdfError::BadScan {
            scan: "notes.txt".into(),
            page: None,
            problem: ScanProblem::NotAnImage
        }
    );
    let e = pdf_from_scans(&[], &ScansOptions::default()).unwrap_err();
    assert_eq!(e.code(), "pdf.bad_option");
    let e = pdf_from_scans(
        &[("cut.jpg".into(), vec![0xff, 0xd8, 0xff, 0xe0, 0, 4, 1])],
        &ScansOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "pdf.bad_scan");
    assert!(
        matches!(&e, PdfError::BadScan { scan, page: None, problem: ScanProblem::Unreadable { format: "JPEG", .. } } if scan == "cut.jpg"),
        "{e:?}"
    );
}

fn pyhanko_validate(file: &Path) -> Option<(bool, String)> {
    let exe = std::env::var("EGOV_PYHANKO")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/venv/bin/pyhanko"));
    if !exe.exists() {
        assert!(!required(), "pyHanko is required: {exe:?}");
        return None;
    }
    run(Command::new(exe)
        .args([
            "sign",
            "validate",
            "--pretty-print",
            "--no-revocation-check",
            "--trust-replace",
            "--trust",
        ])
        .arg(root().join("testdata/pki/root-ca.pem"))
        .arg(file))
}

#[test]
fn conv_05_an_electronic_copy_from_a_scan_is_marked_signed_at_the_top_right_and_stays_pdf_a_1b() {
    use egov_conversion::pdf::{
        self, electronic_copy, CopyOptions, PadesOptions, SignatureVerifyOptions,
    };
    let d = tmp("copy");
    let Some(jpeg) = colour_scan(&d) else { return };
    let pki = root().join("testdata/pki");
    let signer = egov_sign::KeyPairSigner::from_pkcs12(
        &std::fs::read(pki.join("signer-rsa.p12")).unwrap(),
        "egov-test",
    )
    .unwrap();
    let at = common::t("2026-12-05T08:30:00+07:00");
    let opts = CopyOptions {
        scans: ScansOptions {
            conformance: Conformance::PdfA1b,
            ..Default::default()
        },
        agency: "Văn phòng Ủy ban nhân dân tỉnh Lào Cai".into(),
        pades: PadesOptions {
            signing_time: Some(at),
            reason: Some("Sao y từ bản chính".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let copy = electronic_copy(
        &[("colour.jpg".into(), jpeg)],
        &common::paper_to_data(),
        &common::key(5),
        &egov_conversion::payload::PayloadOptions::default(),
        &signer,
        None,
        &opts,
    )
    .unwrap();
    let f = d.join("copy.pdf");
    std::fs::write(&f, &copy.pdf).unwrap();
    // Mark: verified against the unmarked PDF/A, with the printed QR read back from the page.
    let v = pdf::verify_pdf(&copy.pdf, &common::trust(5), &pdf::VerifyOptions::default()).unwrap();
    assert!(v.verified, "{:#?}", v.findings);
    assert_eq!(v.revisions_after.len(), 2, "the mark, then the signature");
    // Signature: covers everything, the mark included.
    let anchors = SignatureVerifyOptions {
        anchors: egov_sign::TrustAnchors::from_pem(
            &std::fs::read(pki.join("root-ca.pem")).unwrap(),
        )
        .unwrap(),
        ..Default::default()
    };
    let r = pdf::verify_signatures(&copy.pdf, &anchors).unwrap();
    assert!(r.all_valid, "{r:#?}");
    assert_eq!(r.signatures[0].revisions_after, 0);
    if let Some((ok, text)) = run(Command::new("qpdf").arg("--check").arg(&f)) {
        assert!(ok, "{text}");
    }
    // The copy block reads back as text, top right.
    if let Some((_, text)) = run(Command::new("pdftotext")
        .args(["-layout", "-l", "1"])
        .arg(&f)
        .arg("-"))
    {
        assert!(text.contains("SAO Y"), "{text}");
        assert!(
            text.contains("Văn phòng Ủy ban nhân dân tỉnh Lào Cai"),
            "{text}"
        );
        assert!(
            text.contains("Thời gian ký: 05/12/2026 08:30:00 +07:00"),
            "{text}"
        );
    }
    if let Some((ok, text)) = preflight(&f) {
        assert!(ok && text.contains("is a valid PDF/A-1b file"), "{text}");
    }
    if let Some((ok, text)) = pyhanko_validate(&f) {
        assert!(
            ok && text.contains("The signature is judged VALID."),
            "{text}"
        );
    }
}

#[test]
fn conv_05_a_tiff_page_over_the_pixel_limit_is_named_by_its_page() {
    use tiff::encoder::{colortype, TiffEncoder};
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut enc = TiffEncoder::new(&mut buf).unwrap();
        for (w, h) in [(200u32, 100u32), (300, 300)] {
            let data = vec![128u8; (w * h) as usize];
            enc.write_image::<colortype::Gray8>(w, h, &data).unwrap();
        }
    }
    let opts = ScansOptions {
        max_pixels: 20_000,
        ..ScansOptions::default()
    };
    let e = pdf_from_scans(&[("scan.tif".into(), buf.into_inner())], &opts).unwrap_err();
    assert_eq!(
        e,
        PdfError::BadScan {
            scan: "scan.tif".into(),
            page: Some(2),
            problem: ScanProblem::TooManyPixels {
                width: 300,
                height: 300,
                limit: 20_000
            }
        }
    );
    assert_eq!(
        e.to_string(),
        "cannot use the scan scan.tif page 2: 300×300 pixels is more than 20000"
    );
}
