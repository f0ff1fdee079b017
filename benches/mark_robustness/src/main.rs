//! Runs every QR decoder on every page of a degraded-page corpus (`examples/mark_corpus.rs`)
//! and prints one JSON line per (page, decoder): whether the mark was read (raw decoders: the
//! text equals the signed QR text in the manifest) or verified (egov: the library call,
//! `scan::verify_page_with`, from the file's bytes), and the time from file bytes to answer.
//!
//! Usage: `egov-mark-robustness CORPUS_DIR [DECODER…]`, decoders: egov (the default build:
//! zxing-cpp passes), egov-rxing (the pure-Rust build: rxing passes), egov-rqrr (rqrr with egov's
//! binarisations), zxing-cpp (the crate, its defaults), rxing (its defaults, try harder), rqrr
//! (on its own) (default: all).

use std::time::Instant;

use egov_conversion::scan::{self, Decoder};
use egov_conversion::TrustSet;
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).peekable();
    let dir = args
        .next()
        .ok_or("usage: egov-mark-robustness CORPUS_DIR [--first N] [DECODER…]")?;
    let mut first = usize::MAX;
    if args.peek().map(String::as_str) == Some("--first") {
        args.next();
        first = args.next().ok_or("--first N")?.parse()?;
    }
    let mut decoders: Vec<String> = args.collect();
    if decoders.is_empty() {
        decoders = [
            "egov",
            "egov-rxing",
            "egov-rqrr",
            "zxing-cpp",
            "rxing",
            "rqrr",
        ]
        .map(String::from)
        .to_vec();
    }
    let manifest: Vec<Value> =
        serde_json::from_slice(&std::fs::read(format!("{dir}/manifest.json"))?)?;
    let trust = TrustSet::from_json(&std::fs::read_to_string(format!("{dir}/trust.json"))?)?;
    for entry in manifest.iter().take(first) {
        let file = entry["file"]
            .as_str()
            .ok_or("manifest entry without file")?;
        let expected = entry["qr_text"]
            .as_str()
            .ok_or("manifest entry without qr_text")?;
        let tampered = entry
            .get("tampered")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let bytes = std::fs::read(format!("{dir}/{file}"))?;
        for d in &decoders {
            let t = Instant::now();
            let (ok, detail) = run(d, &bytes, expected, &trust);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            println!(
                "{}",
                json!({ "file": file, "decoder": d, "ok": ok, "ms": ms, "detail": detail,
                        "tampered": tampered })
            );
        }
    }
    Ok(())
}

fn run(decoder: &str, bytes: &[u8], expected: &str, trust: &TrustSet) -> (bool, String) {
    match decoder {
        "egov" | "egov-rxing" | "egov-rqrr" => {
            let d = match decoder {
                "egov" => Decoder::Zxing,
                "egov-rxing" => Decoder::Rxing,
                _ => Decoder::Rqrr,
            };
            let page = match scan::load_greyscale(bytes) {
                Ok(p) => p,
                Err(e) => return (false, e.to_string()),
            };
            match scan::verify_page_with(d, &page, trust, None) {
                Ok(v) => (
                    v.is_verified(),
                    format!(
                        "{:?} {:?} pass={} failure={}",
                        v.verdict,
                        v.verification.state,
                        v.pass,
                        v.verification
                            .failure
                            .as_ref()
                            .map(|f| f.code.as_str())
                            .unwrap_or("")
                    ),
                ),
                Err(e) => (false, format!("{e}")),
            }
        }
        other => {
            let Ok(img) = image::load_from_memory(bytes) else {
                return (false, "image decode".into());
            };
            let grey = img.into_luma8();
            let texts = raw(other, &grey);
            (
                texts.iter().any(|t| t == expected),
                format!("{} codes", texts.len()),
            )
        }
    }
}

fn raw(decoder: &str, grey: &image::GrayImage) -> Vec<String> {
    let (w, h) = grey.dimensions();
    match decoder {
        "zxing-cpp" => {
            // zxing-cpp's own defaults (try harder, rotate, invert, downscale), QR only.
            let Ok(view) =
                zxingcpp::ImageView::from_slice(grey.as_raw(), w, h, zxingcpp::ImageFormat::Lum)
            else {
                return vec![];
            };
            zxingcpp::read()
                .formats([zxingcpp::BarcodeFormat::QRCode])
                .from(&view)
                .map(|v| v.iter().map(|b| b.text()).collect())
                .unwrap_or_default()
        }
        "rqrr" => {
            // rqrr on its own (its adaptive threshold); egov-rqrr is the same decoder with
            // egov's binarisations and passes.
            let raw = grey.as_raw();
            let wu = w as usize;
            let mut prepared =
                rqrr::PreparedImage::prepare_from_greyscale(wu, h as usize, |x, y| raw[y * wu + x]);
            prepared
                .detect_grids()
                .into_iter()
                .filter_map(|g| g.decode().ok().map(|(_, t)| t))
                .collect()
        }
        "rxing" => {
            let mut hints =
                rxing::DecodeHints::default().with(rxing::DecodeHintValue::TryHarder(true));
            rxing::helpers::detect_in_luma_with_hints(
                grey.as_raw().clone(),
                w,
                h,
                Some(rxing::BarcodeFormat::QR_CODE),
                &mut hints,
            )
            .map(|r| vec![r.getText().to_owned()])
            .unwrap_or_default()
        }
        _ => vec![],
    }
}
