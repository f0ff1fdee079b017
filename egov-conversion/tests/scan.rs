//! Scanning pages for marks: every orientation, every mark on the page, the printed lines a
//! person compares, multi-page documents (CONV-03 Đ4.1.a, CONV-12 Đ5.2.a).
#![cfg(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr"))]

mod common;

use common::*;
use egov_conversion::payload::{content_digest, PayloadOptions};
use egov_conversion::render::{self, Position, StampOptions};
use egov_conversion::scan::{self, Verdict};
use egov_conversion::{sign, ConversionMark, SignedMark, Step, VerificationState};
use egov_core::Outcome;
use image::GrayImage;

fn png(img: &GrayImage) -> Vec<u8> {
    render::encode_png(img).unwrap()
}

fn signed_by(m: &ConversionMark, content: &[u8], key_seed: u8, lookup: Option<&str>) -> SignedMark {
    let o = PayloadOptions {
        lookup_url: lookup.map(str::to_owned),
        ..Default::default()
    };
    sign(m, &content_digest(content), &key(key_seed), &o).unwrap()
}

fn stamp_at(page: &[u8], s: &SignedMark, position: Position) -> Vec<u8> {
    let o = StampOptions {
        position,
        ..Default::default()
    };
    render::stamp(page, s, &o).unwrap().image
}

fn grey(bytes: &[u8]) -> GrayImage {
    scan::load_greyscale(bytes).unwrap()
}

/// The verification lists the signed mark's lines exactly as the block prints them, in
/// Vietnamese, so that a reader can compare them with the printed text.
#[test]
fn conv_12_result_lists_the_printed_lines() {
    let original = png(&render::sample_a4_page(300));
    let s = signed_by(&data_to_paper(), &original, 1, Some(LOOKUP));
    let stamped = stamp_at(&original, &s, Position::Auto);
    let pv = scan::verify_page_bytes(&stamped, &trust(1), None).unwrap();
    assert_eq!(pv.verdict, Verdict::Verified);
    assert_eq!(pv.printed_lines, s.mark.display_lines());
    assert_eq!(
        pv.printed_lines[0],
        "Văn bản giấy được chuyển đổi từ thông điệp dữ liệu"
    );
    assert!(pv.printed_lines[2].starts_with("Chuyển đổi bởi: Văn phòng Ủy ban nhân dân"));
    assert_eq!(pv.marks.len(), 1);
    assert_eq!(pv.marks[0].printed_lines, pv.printed_lines);
    assert_eq!(pv.decoder, scan::DECODER);
    // The corners lie inside the stamped block's QR area (left part of the block).
    let [x, y, w, h] = pv.marks[0]
        .corners
        .iter()
        .fold([i32::MAX, i32::MAX, 0, 0], |a, c| {
            [
                a[0].min(c[0]),
                a[1].min(c[1]),
                a[2].max(c[0]),
                a[3].max(c[1]),
            ]
        });
    assert!(
        x > 1000 && y > 50 && w > x && h > y,
        "{:?}",
        pv.marks[0].corners
    );
}

/// Pages are scanned sideways and upside down: every quarter turn verifies.
#[test]
fn conv_03_every_orientation_verifies() {
    let original = png(&render::sample_a4_page(300));
    let s = signed_by(&paper_to_data(), &original, 1, None);
    let page = grey(&stamp_at(&original, &s, Position::Auto));
    for (turn, img) in [
        (90, image::imageops::rotate90(&page)),
        (180, image::imageops::rotate180(&page)),
        (270, image::imageops::rotate270(&page)),
    ] {
        let pv = scan::verify_page(&img, &trust(1), Some(&original))
            .unwrap_or_else(|e| panic!("{turn}°: {e}"));
        assert_eq!(
            pv.verification.state,
            VerificationState::ContentMatches,
            "{turn}°"
        );
    }
}

/// A forged mark (signed by an unknown key) stamped beside a genuine one: both are reported
/// and the page is not verified, although the genuine mark alone verifies.
#[test]
fn conv_03_a_second_different_mark_is_a_conflict() {
    let original = png(&GrayImage::from_pixel(2480, 3508, image::Luma([255])));
    let genuine = signed_by(&paper_to_data(), &original, 1, None);
    let mut forged_mark = paper_to_data();
    forged_mark.converter_full_name = "Ủy ban nhân dân phường Cốc Lếu".into();
    let forged = signed_by(&forged_mark, &original, 9, None);
    let once = stamp_at(&original, &genuine, Position::TopRight);
    let twice = stamp_at(&once, &forged, Position::BottomRight);
    let pv = scan::verify_page_bytes(&twice, &trust(1), Some(&original)).unwrap();
    assert_eq!(pv.qr_codes_found, 2);
    assert_eq!(pv.marks.len(), 2);
    assert_eq!(pv.verdict, Verdict::ConflictingMarks);
    assert!(!pv.is_verified());
    // Best first: the genuine one verifies, the forged one names its failure.
    assert_eq!(pv.marks[0].qr_text, genuine.qr_text);
    assert_eq!(
        pv.marks[0].verification.state,
        VerificationState::ContentMatches
    );
    let f = pv.marks[1].verification.failure.as_ref().unwrap();
    assert_eq!(
        (f.step, f.code.as_str()),
        (Step::Signature, "signature.unknown_key")
    );
    assert_eq!(pv.findings.len(), 1);
    assert_eq!(
        (pv.findings[0].rule.as_ref(), pv.findings[0].outcome),
        ("CONV-03", Outcome::Fail)
    );
    assert!(pv.findings[0].message_vi.contains("2 ký hiệu chuyển đổi"));
}

/// The same mark stamped twice is reported twice with a warning, and still verifies.
#[test]
fn conv_03_the_same_mark_twice_is_a_warning() {
    let original = png(&GrayImage::from_pixel(2480, 3508, image::Luma([255])));
    let s = signed_by(&paper_to_data(), &original, 1, None);
    let once = stamp_at(&original, &s, Position::TopRight);
    let twice = stamp_at(&once, &s, Position::BottomRight);
    let pv = scan::verify_page_bytes(&twice, &trust(1), None).unwrap();
    assert_eq!(pv.marks.len(), 2);
    assert_eq!(pv.verdict, Verdict::Verified);
    assert_eq!(pv.findings[0].outcome, Outcome::Warning);
}

fn tiff_pages(pages: &[GrayImage]) -> Vec<u8> {
    use tiff::encoder::{colortype, Compression, TiffEncoder};
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut enc = TiffEncoder::new(&mut buf)
        .unwrap()
        .with_compression(Compression::Lzw);
    for p in pages {
        enc.write_image::<colortype::Gray8>(p.width(), p.height(), p.as_raw())
            .unwrap();
    }
    buf.into_inner()
}

/// A multi-page TIFF (LZW, as scanners write): every page is read, and the result says which
/// page carries the mark.
#[test]
fn conv_03_multi_page_tiff_names_the_page_with_the_mark() {
    let blank = render::sample_a4_page(150);
    let original = png(&blank);
    let s = signed_by(&paper_to_data(), &original, 1, None);
    let mut o = StampOptions::default();
    o.render.dpi = 150;
    let marked = grey(&render::stamp(&original, &s, &o).unwrap().image);
    let tiff = tiff_pages(&[blank.clone(), marked, blank]);
    let pages = scan::load_pages(&tiff).unwrap();
    assert_eq!(pages.len(), 3);
    let doc = scan::verify_files(&[&tiff], &trust(1), None).unwrap();
    assert_eq!(doc.pages_scanned, 3);
    assert_eq!(doc.mark_page, Some(2));
    assert_eq!(doc.pages_with_marks, vec![2]);
    assert_eq!(doc.verdict, Verdict::Verified);
    assert_eq!(doc.pages[0].error_code.as_deref(), Some("scan.no_mark"));
    assert!(doc.pages[1].result.is_some());
    // A list of page images, one unreadable: it is reported as a page, not dropped.
    let p1 = png(&render::sample_a4_page(150));
    let p2 = png(&pages[1]);
    let doc = scan::verify_files(&[&p1, b"not an image", &p2], &trust(1), None).unwrap();
    assert_eq!(doc.pages_scanned, 3);
    assert_eq!(doc.mark_page, Some(3));
    assert_eq!(doc.pages[1].error_code.as_deref(), Some("image.decode"));
    // Its reason in both languages (CORE-06), the Vietnamese without the parser's English.
    assert!(doc.pages[1]
        .error
        .as_deref()
        .unwrap()
        .starts_with("cannot read the image"));
    assert_eq!(
        doc.pages[1].error_vi.as_deref(),
        Some("không đọc được tệp ảnh")
    );
    assert_eq!(
        doc.pages[0]
            .error_vi
            .as_deref()
            .map(|m| m.starts_with("không tìm thấy mã QR")),
        Some(true)
    );
    // load_greyscale reads a TIFF's first page.
    assert_eq!(
        scan::load_greyscale(&tiff).unwrap().dimensions(),
        pages[0].dimensions()
    );
    assert_eq!(
        egov_core::ErrorCode::code(&scan::verify_files(&[], &trust(1), None).unwrap_err()),
        "image.no_pages"
    );
}

/// Different marks on two pages of one document: a conflict across pages.
#[test]
fn conv_03_different_marks_on_two_pages_conflict() {
    let blank = render::sample_a4_page(150);
    let original = png(&blank);
    let mut o = StampOptions::default();
    o.render.dpi = 150;
    let a = signed_by(&paper_to_data(), &original, 1, None);
    let b = signed_by(&data_to_paper(), &original, 1, None);
    let pa = render::stamp(&original, &a, &o).unwrap().image;
    let pb = render::stamp(&original, &b, &o).unwrap().image;
    let doc = scan::verify_files(&[&pa, &pb], &trust(1), None).unwrap();
    assert_eq!(doc.pages_with_marks, vec![1, 2]);
    assert_eq!(doc.verdict, Verdict::ConflictingMarks);
    assert_eq!(doc.findings[0].outcome, Outcome::Fail);
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Arbitrary bytes behind a TIFF header (either byte order, classic or BigTIFF): an
        /// error or pages, never a panic; documents of such files likewise.
        #[test]
        fn prop_tiff_bytes_never_panic(
            magic in prop::sample::select(vec![&b"II*\0"[..], &b"MM\0*"[..], &b"II+\0"[..]]),
            body in proptest::collection::vec(any::<u8>(), 0..2048),
        ) {
            let mut bytes = magic.to_vec();
            bytes.extend_from_slice(&body);
            let _ = scan::load_pages(&bytes);
            let _ = scan::load_greyscale(&bytes);
            let _ = scan::verify_files(&[&bytes, &bytes], &trust(1), None);
        }

        /// A valid multi-page TIFF with bytes flipped: never a panic.
        #[test]
        fn prop_mutated_tiff_never_panics(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)) {
            let page = GrayImage::from_fn(40, 30, |x, y| image::Luma([((x * 7 + y * 3) % 256) as u8]));
            let mut bytes = tiff_pages(&[page.clone(), page]);
            for (at, v) in flips {
                let n = bytes.len();
                bytes[at % n] ^= v;
            }
            let _ = scan::load_pages(&bytes);
        }
    }
}
