//! Helpers shared by the fuzz targets in `fuzz_targets/`: input splitting, the fixed signing key
//! and trust set, serde round trips, and the image-size cap that keeps one execution fast.

use std::fmt::Debug;
use std::io::Cursor;
use std::sync::OnceLock;

use egov_conversion::{KeyFile, SigningKey, TrustSet};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The seed of the fuzzers' signing key: `07…07`, the seed of the golden payloads in
/// `testdata/vectors/conversion_marks.json`, so those QR texts verify in full.
pub const KEY_SEED: [u8; 32] = [7; 32];

/// Largest image (total pixels, over every page) a target hands to the decoder: zxing-cpp on a
/// larger page costs tens of milliseconds per pass, which would starve the fuzzer. The crate's
/// own limit (80 Mpx) is a size limit, not a speed limit.
pub const MAX_FUZZ_PIXELS: u64 = 512 * 512;

/// Most TIFF pages a target lets through (`load_pages` reads up to 500).
pub const MAX_FUZZ_PAGES: usize = 4;

/// The limits the PDF targets read under: 1 MiB files and decompressed streams, 50 pages and a
/// 2-second budget, so that one execution stays fast (the crate's defaults are 64 MiB and 60 s).
pub fn pdf_limits() -> egov_conversion::pdf::PdfLimits {
    egov_conversion::pdf::PdfLimits {
        max_file_bytes: 1 << 20,
        max_decompressed_bytes: 1 << 20,
        max_pages: 50,
        time_budget_ms: 2_000,
        ..egov_conversion::pdf::PdfLimits::default()
    }
}

/// The key file of [`KEY_SEED`].
pub fn key_file() -> &'static KeyFile {
    static KEY: OnceLock<KeyFile> = OnceLock::new();
    KEY.get_or_init(|| KeyFile::from_seed("egov fuzz key", &KEY_SEED))
}

/// The signing key of [`KEY_SEED`].
pub fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&KEY_SEED)
}

/// A trust set holding the [`KEY_SEED`] key alone, with no validity window.
pub fn trust_set() -> &'static TrustSet {
    static TRUST: OnceLock<TrustSet> = OnceLock::new();
    TRUST.get_or_init(|| match key_file().trust_set() {
        Ok(t) => t,
        Err(e) => panic!("the fuzz key file must give a trust set: {e}"),
    })
}

/// The input as UTF-8, or `None` (the string parsers take `&str`).
pub fn utf8(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The first byte (a selector) and the rest; `None` for empty input.
pub fn split_first(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(b, rest)| (*b, rest))
}

/// Serialises `v` to JSON, reads it back and asserts the value is unchanged.
pub fn json_round_trip<T>(v: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = match serde_json::to_string(v) {
        Ok(t) => t,
        Err(e) => panic!("{v:?} does not serialise: {e}"),
    };
    let back: T = match serde_json::from_str(&text) {
        Ok(b) => b,
        Err(e) => panic!("{v:?} serialised as {text} does not read back: {e}"),
    };
    assert_eq!(&back, v, "serde round trip through {text}");
}

/// Serialises `v` to JSON text; panics if it cannot (every answer of the SDK must serialise).
pub fn to_json<T: Serialize + Debug>(v: &T) -> String {
    match serde_json::to_string(v) {
        Ok(t) => t,
        Err(e) => panic!("{v:?} does not serialise: {e}"),
    }
}

/// True when the image in `bytes` is small enough to decode in a fuzz execution: at most
/// [`MAX_FUZZ_PIXELS`] over at most [`MAX_FUZZ_PAGES`] pages. An image whose header cannot be
/// read is let through: the crate reads the same header with the same decoder and fails there.
pub fn image_within_limits(bytes: &[u8]) -> bool {
    if matches!(image::guess_format(bytes), Ok(image::ImageFormat::Tiff)) {
        return tiff_within_limits(bytes);
    }
    let reader = match image::ImageReader::new(Cursor::new(bytes)).with_guessed_format() {
        Ok(r) => r,
        Err(_) => return true,
    };
    match reader.into_dimensions() {
        Ok((w, h)) => u64::from(w) * u64::from(h) <= MAX_FUZZ_PIXELS,
        Err(_) => true,
    }
}

fn tiff_within_limits(bytes: &[u8]) -> bool {
    let mut dec = match tiff::decoder::Decoder::new(Cursor::new(bytes)) {
        Ok(d) => d,
        Err(_) => return true,
    };
    let mut total = 0u64;
    for page in 0.. {
        if page >= MAX_FUZZ_PAGES {
            return false;
        }
        match dec.dimensions() {
            Ok((w, h)) => total += u64::from(w) * u64::from(h),
            Err(_) => return true,
        }
        if total > MAX_FUZZ_PIXELS {
            return false;
        }
        if !dec.more_images() {
            break;
        }
        if dec.next_image().is_err() {
            return true;
        }
    }
    true
}
