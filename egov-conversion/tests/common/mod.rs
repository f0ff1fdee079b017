//! Fixtures shared by the integration tests: realistic marks and deterministic keys.
#![allow(dead_code)]

use egov_conversion::{
    AccessLocator, ConversionMark, Profile, PublicKey, SigningKey, SourceSystem, TrustSet,
    TrustedKey, Wording,
};
use egov_core::VnDateTime;

/// The full URL of the data message on the information system, also used as the QR's lookup URL.
pub const LOOKUP: &str = "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001";

pub fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

pub fn trust(seed: u8) -> TrustSet {
    TrustSet {
        keys: vec![TrustedKey {
            label: "Văn phòng UBND tỉnh Lào Cai".into(),
            public_key: PublicKey(key(seed).verifying_key().to_bytes()),
            not_before: Some(t("2025-01-01T00:00:00+07:00")),
            not_after: Some(t("2027-12-31T23:59:59+07:00")),
            compromised: false,
        }],
    }
}

pub fn t(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap()
}

pub fn paper_to_data() -> ConversionMark {
    ConversionMark::paper_to_data(
        Profile::AdminProcedureResult,
        t("2026-03-02T09:15:27+07:00"),
        "Bộ phận Tiếp nhận và Trả kết quả, Ủy ban nhân dân phường Cốc Lếu, tỉnh Lào Cai",
        &Wording::default(),
    )
}

/// A realistic data → paper mark: Vietnamese agency and system names with diacritics, the
/// message's full URL as locator.
pub fn data_to_paper() -> ConversionMark {
    ConversionMark::data_to_paper(
        Profile::General,
        t("2026-03-02T14:05:09+07:00"),
        "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl { url: LOOKUP.into() },
        },
        &Wording::default(),
    )
}

/// A heavy data → paper mark: a person and agency as converter, and a locator URL different
/// from the lookup URL (two long URLs in one QR code).
pub fn data_to_paper_heavy() -> ConversionMark {
    let mut m = data_to_paper();
    m.converter_full_name = "Nguyễn Thị Thùy Dương, Văn phòng Ủy ban nhân dân tỉnh Lào Cai".into();
    if let Some(s) = &mut m.source_system {
        s.locator = AccessLocator::FullUrl {
            url:
                "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001?tai-lieu=ket-qua"
                    .into(),
        };
    }
    m
}

/// The Python with zxing-cpp and pillow that runs `scripts/zxing_decode.py` (the independent
/// decoder): `EGOV_ZXING_PYTHON` or `python3`. `None` (the test skips) only where it lacks them
/// and `EGOV_ZXING_REQUIRED` is not 1; the test command sets it, so there it cannot skip.
pub fn zxing_python() -> Option<String> {
    let python = std::env::var("EGOV_ZXING_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let has = std::process::Command::new(&python)
        .args(["-c", "import zxingcpp, PIL"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has {
        return Some(python);
    }
    let required = std::env::var("EGOV_ZXING_REQUIRED").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "EGOV_ZXING_REQUIRED=1 but {python} lacks zxing-cpp/pillow"
    );
    eprintln!("skipped: {python} lacks zxing-cpp/pillow (set EGOV_ZXING_PYTHON)");
    None
}

/// `scripts/zxing_decode.py`.
pub const ZXING_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/zxing_decode.py");
