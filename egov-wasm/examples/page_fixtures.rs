//! Fixtures of the verification-page test (`scripts/test-verify-page.sh`), from fixed Ed25519
//! seeds and the current time:
//! `cargo run -p egov-wasm --example page_fixtures -- OUT_DIR LOOKUP_URL [stale]`.
//!
//! Writes OUT_DIR/trust-list.json (the operator of seed 01…01, pinned in OUT_DIR/config.json,
//! lists mark key 0a…0a active and 0b…0b revoked; with `stale`, issued 60 days ago and due 30
//! days ago), OUT_DIR/payloads.json (the URL fragments of the cases: valid, tampered, unknown,
//! revoked, malformed) and OUT_DIR/content.bin / other.bin (the file the valid mark hashes, and
//! another).

use egov_conversion::payload::{content_digest, PayloadOptions};
use egov_conversion::trustlist::{Holder, KeyStatus, ListEntry, Role, SignedTrustList, TrustList};
use egov_conversion::{sign, ConversionMark, Profile, PublicKey, SigningKey, Wording};
use egov_core::VnDateTime;
use serde_json::json;

fn key(b: u8) -> SigningKey {
    SigningKey::from_bytes(&[b; 32])
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(out), Some(url)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: page_fixtures OUT_DIR LOOKUP_URL [stale]");
        std::process::exit(2);
    };
    let stale = args.get(3).is_some_and(|a| a == "stale");
    let out = std::path::Path::new(out);
    std::fs::create_dir_all(out).expect("output folder");
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let now = VnDateTime::from_unix_seconds(secs as i64).expect("now");
    let days = |d: i64| now.checked_add(chrono::TimeDelta::days(d)).expect("date");
    let since = VnDateTime::parse("2025-01-01T00:00:00+07:00").expect("date");

    let mut list = TrustList::new(
        Holder::new(
            "Sở Khoa học và Công nghệ tỉnh Lào Cai",
            Some("000.00.37.H37"),
        ),
        since,
        days(1),
    );
    let public = |b: u8| PublicKey(key(b).verifying_key().to_bytes());
    list.add(ListEntry::new(
        public(0x0a),
        Role::MarkSigner,
        Holder::new("Ủy ban nhân dân phường Cốc Lếu", Some("000.01.37.H37")),
        since,
        None,
    ))
    .expect("entry");
    let mut revoked = ListEntry::new(
        public(0x0b),
        Role::MarkSigner,
        Holder::new("Ủy ban nhân dân phường Kim Tân", Some("000.02.37.H37")),
        since,
        None,
    );
    revoked.status = KeyStatus::Revoked {
        at: days(-10),
        reason: "thiết bị ký bị mất".into(),
    };
    list.add(revoked).expect("entry");
    let mut signed = SignedTrustList::unsigned(list);
    let (issued, next) = if stale {
        (days(-60), days(-30))
    } else {
        (days(-1), days(30))
    };
    signed.issue(&key(0x01), issued, next).expect("issue");
    std::fs::write(out.join("trust-list.json"), signed.to_json()).expect("write list");
    std::fs::write(
        out.join("config.json"),
        json!({"lists": ["trust-list.json"], "pins": [egov_conversion::payload::hex(&public(0x01).0)]})
            .to_string(),
    )
    .expect("write config");

    let content = "Bản quét chưa đóng dấu của văn bản giấy".as_bytes();
    std::fs::write(out.join("content.bin"), content).expect("write content");
    std::fs::write(out.join("other.bin"), b"another file").expect("write other");
    let at = days(-2);
    let mark = ConversionMark::paper_to_data(
        Profile::General,
        at,
        "Bộ phận Tiếp nhận và Trả kết quả, Ủy ban nhân dân phường Cốc Lếu",
        &Wording::default(),
    );
    let opts = PayloadOptions {
        lookup_url: Some(url.clone()),
        ..Default::default()
    };
    let fragment = |b: u8| {
        let qr = sign(&mark, &content_digest(content), &key(b), &opts)
            .expect("sign")
            .qr_text;
        qr.split_once('#')
            .map(|(_, f)| f.to_owned())
            .expect("fragment")
    };
    let valid = fragment(0x0a);
    // One digit of the last group (inside the signature) changed: still well-formed.
    let mut t = valid.clone().into_bytes();
    let n = t.len();
    t[n - 3] = if t[n - 3] == b'1' { b'2' } else { b'1' };
    let tampered = String::from_utf8(t).expect("digits");
    let payloads = json!({
        "valid": valid,
        "tampered": tampered,
        "unknown": fragment(0x0c),
        "revoked": fragment(0x0b),
        "malformed": "EGCM:123",
    });
    std::fs::write(out.join("payloads.json"), payloads.to_string()).expect("write payloads");
}
