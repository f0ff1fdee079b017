//! Conversion marks on real PDFs (feature `pdf`, issue 13): every file of `testdata/pdf/`
//! (7 producers, `testdata/pdf/SOURCES.md`) is stamped, then checked with independent tools —
//! qpdf, poppler-utils (pdftotext, pdffonts, pdftoppm) and zxing-cpp — and with egov's own
//! verification. `EGOV_PDF_TOOLS_REQUIRED=1` (set by `scripts/test.sh`) makes the tools
//! mandatory: a missing tool then fails the test instead of skipping the check.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use egov_conversion::payload::{content_digest, PayloadOptions};
use egov_conversion::pdf::{self, PdfError, StampOptions, StampedPdf, VerifyOptions, XrefKind};
use egov_core::{ErrorCode, Outcome};
use proptest::prelude::*;

/// The SDK's default text mark for data → paper (CONV-11).
const DATA_TO_PAPER_TEXT: &str = "Văn bản giấy được chuyển đổi từ thông điệp dữ liệu";

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/pdf");

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "testdata/pdf holds {} PDFs", v.len());
    v
}

fn is_encrypted_fixture(p: &Path) -> bool {
    p.file_name()
        .unwrap()
        .to_string_lossy()
        .contains("encrypted")
}

fn payload_options() -> PayloadOptions {
    PayloadOptions {
        lookup_url: Some(common::LOOKUP.into()),
        ..Default::default()
    }
}

struct Case {
    name: String,
    original: Vec<u8>,
    stamped: StampedPdf,
    path: PathBuf,
}

/// Every unencrypted fixture stamped once (page 1, defaults), written under the test tmp dir.
fn stamped() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-stamped");
        std::fs::create_dir_all(&out).unwrap();
        corpus()
            .into_iter()
            .filter(|p| !is_encrypted_fixture(p))
            .map(|p| {
                let original = std::fs::read(&p).unwrap();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                // The signed pyHanko page (106 × 51 mm) has a signature widget over its lower
                // half: annotations paint over page content, so the mark goes above it, with a
                // shorter payload (no lookup URL) and 0.3 mm modules (a digital page, not a rescan).
                let tiny = name.starts_with("pyhanko");
                let payload = if tiny {
                    PayloadOptions::default()
                } else {
                    payload_options()
                };
                let go = |o: &StampOptions| {
                    let mut o = *o;
                    if tiny {
                        o = small_page_options();
                        o.render.module_mm = 0.3;
                        o.render.text_width_mm = 60.0;
                        o.render.title_pt = 5.5;
                        o.render.text_pt = 4.5;
                        o.placement = pdf::Placement::Corner {
                            corner: pdf::Corner::TopLeft,
                            margin_mm: 1.0,
                        };
                    }
                    pdf::stamp(
                        &original,
                        &common::data_to_paper(),
                        &common::key(5),
                        &payload,
                        &o,
                    )
                };
                // Small pages (a 106 × 63 mm crop box, a 106 × 51 mm signed page) take a narrower
                // text column and smaller margins; the default refuses them with a typed error.
                // A page without a blank corner (a full-page skewed scan, a small page full of
                // text) is refused by the automatic placement; the caller then names a corner.
                let mut o = StampOptions::default();
                let stamped = loop {
                    match go(&o) {
                        Err(PdfError::DoesNotFit { .. }) if o.render.text_width_mm > 52.0 => {
                            o = small_page_options();
                        }
                        Err(PdfError::NoBlankArea { margin_mm, .. }) => {
                            o.placement = pdf::Placement::Corner {
                                corner: pdf::Corner::BottomRight,
                                margin_mm,
                            };
                        }
                        other => break other,
                    }
                }
                .unwrap_or_else(|e| panic!("{name}: {e}"));
                let path = out.join(&name);
                std::fs::write(&path, &stamped.pdf).unwrap();
                Case {
                    name,
                    original,
                    stamped,
                    path,
                }
            })
            .collect()
    })
}

fn small_page_options() -> StampOptions {
    let mut o = StampOptions {
        placement: pdf::Placement::Auto { margin_mm: 1.5 },
        ..Default::default()
    };
    o.render.text_width_mm = 52.0;
    o.render.title_pt = 6.5;
    o.render.text_pt = 5.5;
    o
}

fn required() -> bool {
    std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1")
}

/// Whether `tool` runs; with EGOV_PDF_TOOLS_REQUIRED=1 a missing tool is a failure.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok()
        || Command::new(tool).arg("--version").output().is_ok();
    if !ok {
        assert!(
            !required(),
            "EGOV_PDF_TOOLS_REQUIRED=1 but {tool} is missing (apt-get install qpdf poppler-utils)"
        );
        eprintln!("skipped: {tool} missing (apt-get install qpdf poppler-utils)");
    }
    ok
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let o = cmd.output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn conv_12_encrypted_pdfs_are_refused_with_a_typed_error() {
    let enc: Vec<PathBuf> = corpus()
        .into_iter()
        .filter(|p| is_encrypted_fixture(p))
        .collect();
    assert_eq!(enc.len(), 2);
    for p in enc {
        let bytes = std::fs::read(&p).unwrap();
        let err = pdf::stamp(
            &bytes,
            &common::data_to_paper(),
            &common::key(5),
            &payload_options(),
            &StampOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, PdfError::Encrypted(_)), "{p:?}: {err}");
        assert_eq!(err.code(), "pdf.encrypted");
        let err =
            pdf::verify_pdf(&bytes, &common::trust(5), &VerifyOptions::default()).unwrap_err();
        assert!(matches!(err, PdfError::Encrypted(_)), "{p:?}: {err}");
    }
}

#[test]
fn conv_16_stamp_is_an_incremental_update_keeping_the_original_as_prefix() {
    for c in stamped() {
        let n = c.original.len();
        assert_eq!(&c.stamped.pdf[..n], &c.original[..], "{}", c.name);
        assert!(c.stamped.pdf.len() > n);
        assert_eq!(c.stamped.original_len, n);
        // The signed payload carries N and the hash of exactly those bytes.
        assert_eq!(
            c.stamped.signed.mark.extensions.get("pdf.len"),
            Some(&n.to_string())
        );
        assert_eq!(c.stamped.signed.content_sha256, content_digest(&c.original));
        // No second header in the update.
        assert!(
            !c.stamped.pdf[n..].windows(5).any(|w| w == b"%PDF-"),
            "{}",
            c.name
        );
    }
}

#[test]
fn conv_16_pades_signed_original_revision_stays_byte_identical() {
    let c = stamped()
        .iter()
        .find(|c| c.name.starts_with("pyhanko-pades"))
        .unwrap();
    // The signature's /ByteRange [0 2905 25421 432] and the document time-stamp's end at
    // byte 46212 lie inside the untouched prefix.
    assert_eq!(&c.stamped.pdf[..c.original.len()], &c.original[..]);
    let v = pdf::verify_pdf(&c.stamped.pdf, &common::trust(5), &VerifyOptions::default()).unwrap();
    assert!(v.verified, "{:#?}", v.findings);
    assert_eq!(v.revisions_after.len(), 1);
    let r = &v.revisions_after[0];
    assert_eq!(r.start, c.original.len() as u64);
    assert_eq!(r.xref_kind, XrefKind::Table);
    assert!(r.chains);
    assert!(r.objects.as_ref().is_some_and(|o| !o.is_empty()));
}

#[test]
fn conv_12_qpdf_check_passes_on_every_stamped_pdf() {
    if !have("qpdf") {
        return;
    }
    for c in stamped() {
        // Two fixtures have linearization warnings in the original already (SOURCES.md):
        // qpdf exits 3 for warnings; errors exit 2.
        let orig = Command::new("qpdf")
            .arg("--check")
            .arg(Path::new(DIR).join(&c.name))
            .output()
            .unwrap()
            .status;
        let (_, out, err) = run(Command::new("qpdf").arg("--check").arg(&c.path));
        let code = Command::new("qpdf")
            .arg("--check")
            .arg(&c.path)
            .output()
            .unwrap()
            .status
            .code();
        assert!(
            code == Some(0) || (code == Some(3) && orig.code() == Some(3)),
            "{}: qpdf --check exit {code:?}\n{out}\n{err}",
            c.name
        );
        assert!(
            out.contains("No syntax or stream encoding errors found"),
            "{}: {out}{err}",
            c.name
        );
    }
}

#[test]
fn conv_11_pdftotext_returns_the_vietnamese_mark_lines_exactly() {
    if !have("pdftotext") {
        return;
    }
    for c in stamped() {
        let p = c.stamped.page.to_string();
        let (ok, out, err) = run(Command::new("pdftotext")
            .args(["-f", &p, "-l", &p, "-enc", "UTF-8"])
            .arg(&c.path)
            .arg("-"));
        assert!(ok, "{}: {err}", c.name);
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        for want in &c.stamped.block.printed_lines {
            assert!(
                lines.contains(&want.as_str()),
                "{}: line {want:?} not in pdftotext output:\n{out}",
                c.name
            );
        }
        // The wrapped lines are the mark's lines (CONV-11 text, time, converter; CONV-09/10).
        // (wrapping only breaks at spaces, or inside a word longer than the column).
        let squash = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        let joined = squash(&c.stamped.block.printed_lines.concat());
        let all = squash(&c.stamped.signed.mark.display_lines().concat());
        assert_eq!(joined, all, "{}", c.name);
        assert!(
            squash(&out.replace('\n', "")).contains(&squash(DATA_TO_PAPER_TEXT)),
            "{}",
            c.name
        );
    }
}

#[test]
fn conv_11_pdffonts_shows_the_font_embedded_subset_with_unicode_map() {
    if !have("pdffonts") {
        return;
    }
    for c in stamped() {
        let p = c.stamped.page.to_string();
        let (ok, out, err) = run(Command::new("pdffonts")
            .args(["-f", &p, "-l", &p])
            .arg(&c.path));
        assert!(ok, "{}: {err}", c.name);
        let row = out
            .lines()
            .find(|l| l.contains("DejaVuSans"))
            .unwrap_or_else(|| panic!("{}: no DejaVu Sans in\n{out}", c.name));
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert!(
            cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
            "{}: subset tag in {row}",
            c.name
        );
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "{}: {row}",
            c.name
        );
    }
}

#[test]
fn conv_12_pdftoppm_render_decodes_with_zxing_to_the_signed_payload() {
    if !have("pdftoppm") {
        return;
    }
    let Some(python) = common::zxing_python() else {
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-rendered");
    std::fs::create_dir_all(&out).unwrap();
    for c in stamped() {
        let p = c.stamped.page.to_string();
        let prefix = out.join(c.name.trim_end_matches(".pdf"));
        let (ok, _, err) = run(Command::new("pdftoppm")
            .args([
                "-r",
                "150",
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                &p,
                "-l",
                &p,
            ])
            .arg(&c.path)
            .arg(&prefix));
        assert!(ok, "{}: {err}", c.name);
        let png = prefix.with_extension("png");
        let (ok, json, err) = run(Command::new(&python).arg(common::ZXING_SCRIPT).arg(&png));
        assert!(ok, "{}: {err}", c.name);
        let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
        let texts: Vec<&str> = v["texts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(
            texts.contains(&c.stamped.signed.qr_text.as_str()),
            "{}: zxing read {texts:?}",
            c.name
        );
    }
}

#[test]
fn conv_12_egov_verify_passes_on_every_stamped_pdf_and_reads_the_printed_qr() {
    for c in stamped() {
        let v = pdf::verify_pdf(&c.stamped.pdf, &common::trust(5), &VerifyOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert!(v.verified, "{}: {:#?}", c.name, v.findings);
        assert_eq!(v.original_len, Some(c.original.len() as u64));
        assert_eq!(
            v.xmp_payload.as_deref(),
            Some(c.stamped.signed.qr_text.as_str())
        );
        let printed = v.printed.as_ref().unwrap();
        assert!(printed.matches_xmp, "{}: {printed:?}", c.name);
        assert!(v
            .findings
            .iter()
            .all(|f| f.outcome == Outcome::Pass && f.rule.starts_with("CONV-")));
        assert!(!v.revisions_after.is_empty());
    }
}

#[test]
fn conv_16_one_changed_byte_in_the_original_revision_fails_verification() {
    for c in stamped() {
        let mut bad = c.stamped.pdf.clone();
        // A byte in the middle of the original revision, changed to another printable byte
        // inside a content or comment area is still readable; any change must fail the hash.
        let i = c.original.len() / 2;
        bad[i] = if bad[i] == b'0' { b'1' } else { b'0' };
        match pdf::verify_pdf(
            &bad,
            &common::trust(5),
            &VerifyOptions {
                render: false,
                ..Default::default()
            },
        ) {
            Ok(v) => {
                assert!(!v.verified, "{}", c.name);
                let f = v
                    .verification
                    .as_ref()
                    .and_then(|v| v.failure.as_ref())
                    .unwrap();
                assert_eq!(f.code, "content.mismatch", "{}", c.name);
                assert!(v
                    .findings
                    .iter()
                    .any(|f| f.outcome == Outcome::Fail && f.rule == "CONV-12"));
            }
            // A change that breaks the PDF's structure is refused outright: also a failure.
            Err(e) => eprintln!("{}: tampered file refused: {e}", c.name),
        }
    }
}

#[test]
fn conv_12_marks_signed_by_an_unknown_key_do_not_verify() {
    let c = &stamped()[0];
    let v = pdf::verify_pdf(
        &c.stamped.pdf,
        &common::trust(9),
        &VerifyOptions {
            render: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!v.verified);
    assert_eq!(
        v.verification.unwrap().failure.unwrap().code,
        "signature.unknown_key"
    );
}

#[test]
fn conv_16_an_unmarked_pdf_reports_no_payload() {
    let bytes = std::fs::read(Path::new(DIR).join("kodak-capture-ccitt-scan.pdf")).unwrap();
    let v = pdf::verify_pdf(&bytes, &common::trust(5), &VerifyOptions::default()).unwrap();
    assert!(!v.verified);
    assert!(v.xmp_payload.is_none());
    assert_eq!(v.findings[0].rule, "CONV-12");
    assert_eq!(v.findings[0].outcome, Outcome::Fail);
}

#[test]
fn conv_12_rotated_and_cropped_pages_get_the_block_inside_the_visible_area() {
    for c in stamped() {
        let r = c.stamped.rect;
        let doc = lopdf_like_boxes(&c.original);
        if let Some([llx, lly, urx, ury]) = doc {
            assert!(
                r.x >= llx - 0.5
                    && r.y >= lly - 0.5
                    && r.x + r.w <= urx + 0.5
                    && r.y + r.h <= ury + 0.5,
                "{}: block {r:?} outside crop box {doc:?}",
                c.name
            );
        }
    }
}

/// The CropBox (or MediaBox) of page 1 as written in a simple single-page fixture, when it is a
/// direct array on the page (enough for the CropBox fixture).
fn lopdf_like_boxes(bytes: &[u8]) -> Option<[f32; 4]> {
    let s = String::from_utf8_lossy(bytes);
    let i = s.find("/CropBox")?;
    let a = s[i..].find('[')? + i + 1;
    let b = s[a..].find(']')? + a;
    let v: Vec<f32> = s[a..b]
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random bytes never panic the verifier: a typed error or a result.
    #[test]
    fn conv_12_verify_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = pdf::verify_pdf(&bytes, &common::trust(5), &VerifyOptions::default());
        let mut with_header = b"%PDF-1.7\n".to_vec();
        with_header.extend_from_slice(&bytes);
        let _ = pdf::verify_pdf(&with_header, &common::trust(5), &VerifyOptions::default());
    }

    /// Truncated and bit-flipped stamped files never panic the verifier, and never verify
    /// unless the change left the signed prefix and the update intact.
    #[test]
    fn conv_16_verify_never_panics_on_truncated_or_flipped_stamped_pdfs(cut in 0usize..100_000, flip in 0usize..100_000, bit in 0u8..8) {
        let c = &stamped()[stamped().len() / 2];
        let len = c.stamped.pdf.len();
        let t = &c.stamped.pdf[..cut % len];
        let opts = VerifyOptions { render: false, ..Default::default() };
        if let Ok(v) = pdf::verify_pdf(t, &common::trust(5), &opts) {
            prop_assert!(!v.verified);
        }
        let mut f = c.stamped.pdf.clone();
        f[flip % len] ^= 1 << bit;
        let _ = pdf::verify_pdf(&f, &common::trust(5), &opts);
    }
}
