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
    verify, Failure, PublicKey, Step, TrustSet, TrustSetError, TrustedKey, Verification,
    VerificationState,
};
