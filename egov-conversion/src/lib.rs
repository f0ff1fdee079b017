//! # egov-conversion
//!
//! Conversion marks for paper → data message and data message → paper, as required by
//! Nghị định 137/2024/NĐ-CP Điều 4, Điều 5 and Điều 23 (rules CONV-01…21):
//!
//! - [`mark`]: the mark model ([`ConversionMark`]) and the wording of its text mark
//!   ([`Wording`], SDK defaults per REQUIREMENTS §7 A-08).
//! - [`validate()`]: findings with citations for a mark (CONV-02, 05, 06, 09, 10, 11, 14, 15).
//! - [`law_art12`]: the conversion against Điều 12 of the Law on E-Transactions as one check
//!   (CONV-01, CONV-08).
//! - [`capability`]: the conversion-system checklist (Đ4.2, Đ5.3) and the Đ23 transition
//!   deadline.
//! - [`payload`]: the signed, compact QR payload ([`payload::sign`], [`payload::decode`]).
//! - [`verify()`]: offline verification as a ladder of [`VerificationState`]s.
//! - [`trustlist`]: signed, chainable trust lists of mark-signing keys (format
//!   `egov-trust-list/1`), verified against pinned keys, and a mark checked against them in one
//!   state ([`trustlist::MarkStatus`]): verified, list stale, key unknown, key revoked, ….
//! - `render` (cargo feature `render`, on by default): draw the mark block and stamp it onto a
//!   PNG/JPEG page at a blank place ([`render::Position::Auto`]).
//! - `scan` (feature `scan-zxing`, on by default, or `scan-rxing`): find every mark on scans,
//!   photocopies and phone photos (multi-page TIFF too) and verify it. `scan-zxing` decodes
//!   with zxing-cpp (C++17, built from its bundled sources by cmake); `scan-rxing` is pure Rust
//!   (rxing, the Rust port of ZXing) for targets without a C++ toolchain, such as WebAssembly.
//!   Both verified every page of the committed degraded corpus; the measurements on 1000 pages
//!   are in `benches/mark_robustness.md`. `scan-rqrr` (rqrr with egov's binarisations) is kept
//!   as the measured baseline only: it reads far fewer degraded pages. Everything above builds
//!   without any imaging dependency (`default-features = false`).
//! - `pdf` (feature `pdf`, not default; Rust 1.92): stamp an existing PDF with the mark as an
//!   incremental update that keeps the original bytes as the prefix, the payload also in XMP
//!   (`pdf::stamp`), and verify a stamped PDF: payload, the original revision's hash, the
//!   revisions after it, and the QR code printed on the rendered page (`pdf::verify_pdf`).
//!
//! ## Printed size
//!
//! With the defaults a QR module is 0.51 mm (6 px at 300 dpi, 3 px in a 150-dpi rescan) and
//! the code is printed at level M with its 4-module quiet zone, at most version 17 (47 mm
//! square). Measured on real marks: a paper → data mark of a provincial service centre is
//! version 10, a 33 mm code in a 99 × 34 mm block; the longest converter name with a lookup URL
//! version 13, 39 mm (105 × 40 mm); data → paper marks with a code locator version 15, 43 mm
//! (109 × 44 mm), and with the Hồ Chí Minh City land office's names and full URL version 16,
//! 45 mm (111 × 46 mm). [`render::stamp`] reports the size it printed
//! ([`render::PrintedSize`]) and warns when a caller's `module_mm` is under 0.5 mm
//! ([`render::MIN_MODULE_MM`]): a 150-dpi scan may not read it.
//!
//! ## Quick start
//!
//! ```
//! use egov_conversion::payload::{content_digest, PayloadOptions};
//! use egov_conversion::{sign, ConversionMark, Profile, PublicKey, SigningKey, TrustSet,
//!     TrustedKey, VerificationState, Wording};
//! # #[cfg(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr"))] {
//! use egov_conversion::{render, scan};
//! let key = SigningKey::from_bytes(&[7; 32]); // use `egov keygen` for a real key
//! let at = egov_core::VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap();
//! let mark = ConversionMark::paper_to_data(Profile::General, at, "UBND phường Hàng Bạc",
//!     &Wording::default());
//! assert!(egov_conversion::validate(&mark).is_compliant());
//!
//! // The unmarked scan (an A4 page at 300 dpi, PNG): its SHA-256 goes into the payload.
//! let page = render::encode_png(&render::sample_a4_page(300)).unwrap();
//! let signed = sign(&mark, &content_digest(&page), &key, &PayloadOptions::default()).unwrap();
//! let stamped = render::stamp(&page, &signed, &Default::default()).unwrap();
//!
//! let trust = TrustSet { keys: vec![TrustedKey::new("UBND phường Hàng Bạc",
//!     PublicKey(key.verifying_key().to_bytes()))] };
//! let found = scan::verify_page_bytes(&stamped.image, &trust, Some(&page)).unwrap();
//! assert_eq!(found.verification.state, VerificationState::ContentMatches);
//! # }
//! ```
//!
//! The QR code is optional in law (Đ4.1.a, Đ5.2.a «có thể lựa chọn hiển thị bổ sung mã phản
//! hồi nhanh (QR)»); the **text mark is mandatory** even when a QR code is shown (A-10).
//!
//! ## Signed payload v1 (specification)
//!
//! **QR text.** `[LOOKUP_URL "#"] "EGCM:" DIGITS`. With a lookup URL (http(s), no `#`, ≤ 255
//! bytes) a phone camera opens the URL, and the payload rides in the fragment, which browsers
//! never send to the server. `DIGITS` is the body in decimal so that the QR code uses numeric
//! mode: each 7-byte group, read big-endian, is written as exactly 17 digits (zero-padded); a
//! final group of k = 1…6 bytes takes 3, 5, 8, 10, 13 or 15 digits. A digit count no byte count
//! produces, or a group value ≥ 256^k, is malformed. Encoders use QR error-correction level M.
//!
//! **Body** (all integers big-endian; `str8` = one length byte 0–255, then that many bytes of
//! UTF-8 in NFC without leading/trailing white space):
//!
//! | # | field | encoding |
//! |---|---|---|
//! | 1 | version | `u8` = 1 |
//! | 2 | direction | `u8`: 1 paper → data (Đ4), 2 data → paper (Đ5) |
//! | 3 | profile | `u8`: 0 general, 1 administrative-procedure result, 2 sao y, 3 sao lục, 4 trích sao |
//! | 4 | content scope | `u8`: 1 = SHA-256 of the exact bytes of the content **before marking** |
//! | 5 | conversion time | `u32` Unix seconds (second precision, A-09) |
//! | 6 | text mark | `u8` tag: 0 = the SDK default wording v1 for (direction, profile) (see [`mark::Wording::sdk_default`], frozen for v1); 1 = `str8` follows (must differ from the default) |
//! | 7 | converter's full name | `str8` |
//! | 8 | source system | `u8` tag: 0 none; 1 = system name `str8`, owner name `str8`, locator |
//! | 8a | locator | `u8` tag: 1 full URL `str8`; 2 unique code `str8` + search interface `str8`; 3 full URL equal to the lookup URL (nothing follows; must be used when equal) |
//! | 9 | extensions (A-11) | `u8` count ≤ 16, then (name `str8`, value `str8`) pairs, names strictly increasing bytewise |
//! | 10 | content hash | 32 bytes SHA-256 |
//! | 11 | key id | 8 bytes: the first 8 bytes of SHA-256 of the signer's 32-byte Ed25519 public key |
//! | 12 | signature | 64 bytes Ed25519 |
//!
//! **Signature** (Ed25519, verified strictly) over: the ASCII string
//! `egov-conversion-mark:v1`, a `0x00` byte, one byte with the lookup URL's length and the URL's
//! bytes (length 0 without one), then fields 1–11. The lookup URL is thus signed too: a
//! reprinted QR pointing elsewhere fails.
//!
//! **What the hash covers.** The mark changes the page it is stamped on, so the hash covers the
//! content *before* marking: for paper → data, the unmarked file the conversion produced; for
//! data → paper, the original data message as stored on the information system (what the
//! locator returns). A verifier holding that file can recompute it.
//!
//! **Limits.** Decoders read at most 4096 characters of QR text and accept bodies of 116–1024
//! bytes, checking both before allocating. Encoders refuse a body over
//! [`payload::PayloadLimits::max_body_bytes`] (default 600) or a QR code above
//! [`payload::PayloadLimits::max_qr_version`] (default 17 at level M). Anything that is not the
//! canonical encoding (trailing bytes, unknown tags, non-NFC text, unsorted extensions, inline
//! text equal to the default) is malformed, so one mark has exactly one payload.
//!
//! **Verification ladder** ([`verify()`]): malformed → well-formed → signature valid (with a
//! key of the caller's [`TrustSet`] whose id matches; no such key = the signature cannot be
//! checked) → key trusted (the conversion time lies within that key's validity) → content
//! matches (when the content is supplied). A failure names its step and gives a stable code.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod capability;
mod digits;
pub mod image_facts;
pub mod keys;
pub mod law_art12;
pub mod mark;
pub mod payload;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod qr;
#[cfg(feature = "render")]
pub mod render;
#[cfg(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr"))]
pub mod scan;
pub mod trustlist;
mod validate;
mod verify;

pub use ed25519_dalek::{SigningKey, VerifyingKey};
pub use keys::{KeyFile, KeyFileError};
pub use mark::{AccessLocator, ConversionMark, Direction, Profile, SourceSystem, Wording};
pub use payload::{sign, SignedMark};
pub use validate::{validate, MAX_FIELD_BYTES};
pub use verify::{
    verify, Failure, PublicKey, PublicKeyError, Step, TrustSet, TrustSetError, TrustedKey,
    Verification, VerificationState,
};

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

pub(crate) use egov_core::i18n::format_error_vi;

#[cfg(test)]
mod catalogue_tests {
    use chrono::NaiveDate;
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::{Lang, Localize};

    use crate::capability::DeadlineError;
    use crate::keys::KeyFileError;
    use crate::payload::{Malformed as M, PayloadError as P};
    use crate::trustlist::TrustListError as T;
    use crate::verify::{PublicKeyError, TrustSetError};

    /// CORE-06: every error code of egov-conversion has a Vietnamese message in locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let s = |t: &str| t.to_owned();
        // Extended below by the features built (none without default features).
        #[cfg_attr(not(feature = "render"), allow(unused_mut))]
        let mut errors: Vec<Box<dyn Localize>> = vec![
            Box::new(DeadlineError::OutOfRange {
                start: d,
                months: 12,
            }),
            Box::new(DeadlineError::Calendar(s("no working day"))),
            Box::new(KeyFileError::Random(s("unavailable"))),
            Box::new(KeyFileError::Invalid(s(
                "expected value at line 1 column 1",
            ))),
            Box::new(KeyFileError::Mismatch("key_id")),
            Box::new(KeyFileError::BlankLabel),
            Box::new(P::InvalidMark(vec![s("CONV-03 issuer")])),
            Box::new(P::FieldTooLong {
                field: "issuer",
                len: 300,
            }),
            Box::new(P::TooManyExtensions(17)),
            Box::new(P::TimeOutOfRange(s("2200-01-01T00:00:00+07:00"))),
            Box::new(P::InvalidLookupUrl(s("ftp://x"))),
            Box::new(P::TooLarge {
                what: "body bytes",
                size: 2000,
                limit: 1024,
            }),
            Box::new(M::TextTooLong(5000)),
            Box::new(M::NoPrefix),
            Box::new(M::BadLookupUrl),
            Box::new(M::Digits(s("odd length"))),
            Box::new(M::BodyLength(3)),
            Box::new(M::UnsupportedVersion(9)),
            Box::new(M::Truncated {
                field: "issuer",
                offset: 12,
            }),
            Box::new(M::BadValue {
                field: "direction",
                value: 7,
                offset: 9,
            }),
            Box::new(M::BadText {
                field: "issuer",
                offset: 12,
            }),
            Box::new(M::NonCanonical("converted_at out of range")),
            Box::new(M::TrailingBytes(2)),
            Box::new(T::Parse(s("expected value at line 1 column 1"))),
            Box::new(T::TooLarge(s("2000 entries"))),
            Box::new(T::Invalid(s("entries[0].key_id"))),
            Box::new(T::NoSuchKey(s("ab12"))),
            Box::new(T::Conflict(s("duplicate key"))),
            Box::new(TrustSetError(s("EOF while parsing"))),
            Box::new(PublicKeyError),
        ];
        #[cfg(feature = "render")]
        {
            use crate::render::RenderError as R;
            errors.extend([
                Box::new(R::Font(s("bad table"))) as Box<dyn Localize>,
                Box::new(R::Qr(s("data too long"))),
                Box::new(R::Decode(s("bad png"))),
                Box::new(R::UnsupportedFormat(s("gif"))),
                Box::new(R::Encode(s("disk full"))),
                Box::new(R::DoesNotFit {
                    block_w: 900,
                    block_h: 300,
                    page_w: 800,
                    page_h: 1100,
                    dpi: 300,
                }),
                Box::new(R::BadDpi(20)),
                Box::new(R::CoversContent {
                    rect: [10, 20, 300, 100],
                    dark_per_mille: 120,
                }),
                Box::new(R::NoBlankArea {
                    block_w_mm: 60,
                    block_h_mm: 20,
                }),
                Box::new(R::BadOption {
                    field: "text_width_mm",
                    reason: s("too small"),
                }),
            ]);
        }
        #[cfg(any(feature = "scan-zxing", feature = "scan-rxing", feature = "scan-rqrr"))]
        {
            use crate::scan::ScanError as S;
            errors.extend([
                Box::new(S::TooLarge(90_000_000)) as Box<dyn Localize>,
                Box::new(S::NoMark(2)),
                Box::new(S::TooManyPages),
                Box::new(S::NoPages),
            ]);
        }
        #[cfg(feature = "pdf")]
        {
            use crate::pdf::PdfError as F;
            errors.extend([
                Box::new(F::TooLarge { size: 10, limit: 5 }) as Box<dyn Localize>,
                Box::new(F::NotPdf),
                Box::new(F::Parse(s("bad header"))),
                Box::new(F::Encrypted(s("RC4"))),
                Box::new(F::XrefDamaged(s("rebuilt"))),
                Box::new(F::NoSuchPage { page: 3, count: 2 }),
                Box::new(F::BadPage {
                    page: 1,
                    reason: s("no MediaBox"),
                }),
                Box::new(F::TooManyPages {
                    count: 5000,
                    limit: 2000,
                }),
                Box::new(F::DoesNotFit {
                    page: 1,
                    block_w_pt: 283.0,
                    block_h_pt: 85.0,
                    page_w_pt: 200.0,
                    page_h_pt: 300.0,
                }),
                Box::new(F::NoBlankArea {
                    page: 1,
                    block_w_pt: 283.0,
                    block_h_pt: 85.0,
                    margin_mm: 10.0,
                }),
                Box::new(F::BadOption {
                    field: "title_pt",
                    reason: s("too small"),
                }),
                Box::new(F::BadScan {
                    scan: s("trang-1.tif"),
                    page: Some(2),
                    problem: crate::pdf::ScanProblem::NotAnImage,
                }),
                Box::new(F::Payload(s("x"))),
                Box::new(F::Draw(s("x"))),
                Box::new(F::Write(s("x"))),
                Box::new(F::TimeLimit {
                    stage: "stamping",
                    limit_ms: 5000,
                }),
                Box::new(F::Sign(s("x"))),
                Box::new(F::Locked {
                    permission: 1,
                    change: "adding a signature",
                }),
                Box::new(F::Internal("loading the PDF")),
            ]);
        }
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let mut gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        // Entries of errors behind features this build leaves off.
        let scan = cfg!(any(
            feature = "scan-zxing",
            feature = "scan-rxing",
            feature = "scan-rqrr"
        ));
        gaps.retain(|g| {
            !(cfg!(not(feature = "pdf")) && g.starts_with("pdf-")
                || cfg!(not(feature = "render"))
                    && (g.starts_with("render-") || g.starts_with("image-"))
                || !scan
                    && (g.starts_with("scan-")
                        || g.starts_with("image-too_large")
                        || g.starts_with("image-too_many_pages")
                        || g.starts_with("image-no_pages")))
        });
        assert!(gaps.is_empty(), "{gaps:#?}");
        assert_eq!(
            T::Parse(s("expected value at line 4 column 2")).message(Lang::Vi),
            "không phải danh sách tin cậy: không đúng định dạng JSON ở dòng 4, cột 2"
        );
        // A signing key file given where a trust set belongs: serde's reason, in Vietnamese.
        let key_file = r#"{"label": "k", "public_key": "00"}"#;
        assert_eq!(
            crate::verify::TrustSet::from_json(key_file)
                .unwrap_err()
                .message(Lang::Vi),
            "tập khóa tin cậy không hợp lệ: không đúng định dạng JSON ở dòng 1, cột 8: có trường «label» mà định dạng này không có (các trường: «keys»)"
        );
        assert_eq!(
            M::NonCanonical("converted_at out of range").message(Lang::Vi),
            "mã hóa không theo dạng chuẩn (converted_at)"
        );
    }

    /// CORE-06: the PDF errors keep the Vietnamese wording `egov mark pdf` used (mm, not pt;
    /// the change DocMDP forbids named in Vietnamese).
    #[cfg(feature = "pdf")]
    #[test]
    fn core_06_pdf_errors_in_vietnamese() {
        use crate::pdf::PdfError as F;
        let e = F::DoesNotFit {
            page: 2,
            block_w_pt: 283.46,
            block_h_pt: 85.04,
            page_w_pt: 595.28,
            page_h_pt: 841.89,
        };
        assert_eq!(
            e.message(Lang::Vi),
            "khối ký hiệu (100 × 30 mm) không vừa trang 2 (210 × 297 mm phần hiển thị) ở vị trí đã chọn"
        );
        let e = F::Locked {
            permission: 1,
            change: "adding a signature",
        };
        assert!(e.message(Lang::Vi).contains("không cho phép thêm chữ ký;"));
        use crate::pdf::ScanProblem as P;
        let scan = |page, problem| F::BadScan {
            scan: "ghi-chu.txt".into(),
            page,
            problem,
        };
        assert_eq!(
            scan(None, P::NotAnImage).message(Lang::Vi),
            "ảnh quét ghi-chu.txt không dùng được: không phải ảnh JPEG, PNG hoặc TIFF"
        );
        assert_eq!(
            scan(None, P::NotAnImage).to_string(),
            "cannot use the scan ghi-chu.txt: not a JPEG, PNG or TIFF image"
        );
        let many = P::TooManyPixels {
            width: 9000,
            height: 9000,
            limit: 60_000_000,
        };
        assert_eq!(
            scan(Some(3), many.clone()).message(Lang::Vi),
            "ảnh quét ghi-chu.txt trang 3 không dùng được: 9000×9000 điểm ảnh, nhiều hơn giới hạn 60000000"
        );
        assert_eq!(
            scan(Some(3), many).to_string(),
            "cannot use the scan ghi-chu.txt page 3: 9000×9000 pixels is more than 60000000"
        );
        let cut = P::Unreadable {
            format: "JPEG",
            reason: "unexpected end of file".into(),
        };
        assert_eq!(
            scan(None, cut).message(Lang::Vi),
            "ảnh quét ghi-chu.txt không dùng được: không đọc được ảnh JPEG («unexpected end of file»)"
        );
        assert_eq!(
            F::Internal("rendering the page").message(Lang::Vi),
            "lỗi nội bộ khi dựng hình trang (tệp đầu vào gây lỗi trong thư viện PDF; xin báo lỗi)"
        );
    }
}
