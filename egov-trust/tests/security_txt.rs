//! TRUST-02.e: security.txt (RFC 9116) parsing, on real files from public repositories
//! (testdata/trust/SOURCES.md) and on crafted ones.

use egov_core::{Outcome, VnDateTime};
use egov_trust::{evaluate_contact, parse_security_txt, ContactEvidence, ProblemKind, Severity};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let p = format!(
        "{}/../testdata/trust/securitytxt/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(p).unwrap()
}

fn now() -> VnDateTime {
    VnDateTime::parse("2026-11-23T12:00:00+07:00").unwrap()
}

#[test]
fn trust_02e_real_nine_security_is_valid_crlf() {
    let st = parse_security_txt(&fixture("nine-security.txt"), now(), None);
    assert!(st.is_valid(), "{:?}", st.problems);
    assert_eq!(st.contacts, ["mailto:security@nine-security.com"]);
    assert_eq!(st.preferred_languages, ["en", "zh-Hant"]);
    assert_eq!(st.canonical.len(), 1);
    assert!(!st.signed);
    assert_eq!(st.codes(), ["security_txt.not_signed"]);
    let v = evaluate_contact(Some(&st), &[]);
    assert_eq!(v.outcome, Outcome::Pass);
}

#[test]
fn trust_02e_real_4mica_missing_expires_and_bad_contact() {
    let st = parse_security_txt(&fixture("4mica.txt"), now(), None);
    assert!(!st.is_valid());
    let p = &st.problems[0];
    assert_eq!((p.code, p.line), ("security_txt.invalid_uri", Some(1)));
    assert!(st.codes().contains(&"security_txt.missing_expires"));
    // The Contact field is there but unusable, so no missing_contact.
    assert!(!st.codes().contains(&"security_txt.missing_contact"));
    assert_eq!(
        evaluate_contact(Some(&st), &[]).outcome,
        Outcome::Fail,
        "no usable contact"
    );
}

#[test]
fn trust_02e_real_3mpwrapp_expired_at_evaluation_time() {
    let st = parse_security_txt(&fixture("3mpwrapp.txt"), now(), None);
    let p = st
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::Expired)
        .unwrap();
    assert_eq!(p.line, Some(6));
    assert_eq!(p.severity, Severity::Error);
    // Other published contact evidence still satisfies criterion e.
    let other = ContactEvidence {
        published_at: "https://3mpwrapp.ca/privacy/".into(),
        contact: "mailto:empowrapp08162025@gmail.com".into(),
    };
    assert_eq!(evaluate_contact(Some(&st), &[]).outcome, Outcome::Fail);
    assert_eq!(evaluate_contact(Some(&st), &[other]).outcome, Outcome::Pass);
    // A year earlier the same file was current.
    let then = VnDateTime::parse("2026-01-01T00:00:00Z").unwrap();
    assert!(parse_security_txt(&fixture("3mpwrapp.txt"), then, None).is_valid());
}

#[test]
fn trust_02e_codes_and_lines() {
    let text = "# c\nContact: http://example.vn/sec\nExpires: 2026-12-01T00:00:00Z\nExpires: 2026-12-02T00:00:00Z\nPreferred-Languages: vi, en, not a tag\nFoo: bar\nno colon here\nEncryption: https://example.vn/key.asc\nCanonical: https://example.vn/.well-known/security.txt\n";
    let st = parse_security_txt(
        text.as_bytes(),
        now(),
        Some("https://other.vn/.well-known/security.txt"),
    );
    let got: Vec<(&str, Option<usize>)> = st.problems.iter().map(|p| (p.code, p.line)).collect();
    assert_eq!(
        got,
        [
            ("security_txt.insecure_uri", Some(2)),
            ("security_txt.multiple_expires", Some(4)),
            ("security_txt.invalid_language_tag", Some(5)),
            ("security_txt.unknown_field", Some(6)),
            ("security_txt.invalid_line", Some(7)),
            ("security_txt.canonical_mismatch", Some(9)),
            ("security_txt.not_signed", None),
        ]
    );
    assert_eq!(st.encryption, ["https://example.vn/key.asc"]);
    assert_eq!(st.preferred_languages, ["vi", "en"]);
    // Each problem says what is wrong on its line in Vietnamese too, the value at fault
    // included, with the section of RFC 9116 it breaks (CORE-06).
    let vi: Vec<&str> = st.problems.iter().map(|p| p.message_vi.as_str()).collect();
    assert_eq!(
        vi,
        [
            "http://example.vn/sec là địa chỉ web không dùng https (RFC 9116 §2.5: phải bắt đầu bằng https://)",
            "trường Expires xuất hiện nhiều lần (RFC 9116 §2.5.5: chỉ được một lần)",
            "«not a tag» không phải mã ngôn ngữ (RFC 9116 §2.5.8, RFC 5646)",
            "trường Foo không do RFC 9116 định nghĩa (được phép, bị bỏ qua: §2.4)",
            "cần dạng «Tên: giá trị», gặp «no colon here» (RFC 9116 §3)",
            "tệp được tải từ https://other.vn/.well-known/security.txt, không phải URI nào ghi trong Canonical (RFC 9116 §2.5.2)",
            "tệp không được ký số OpenPGP (RFC 9116 §2.3: nên ký)",
        ]
    );
    // The criterion's Vietnamese findings carry the Vietnamese detail, not the English one.
    let verdict = evaluate_contact(Some(&st), &[]);
    let details: Vec<&str> = verdict
        .findings
        .iter()
        .filter(|f| f.message.starts_with("security.txt security_txt."))
        .map(|f| f.message_vi.as_str())
        .collect();
    assert_eq!(details.len(), 4, "{details:?}");
    assert!(
        details
            .iter()
            .all(|d| !d.contains("is a web URI") && !d.contains("appears more")),
        "{details:?}"
    );
}

#[test]
fn trust_02e_missing_everything_and_far_expiry() {
    let st = parse_security_txt(b"", now(), None);
    assert_eq!(
        st.codes(),
        [
            "security_txt.missing_contact",
            "security_txt.missing_expires",
            "security_txt.not_signed"
        ]
    );
    let far = b"Contact: mailto:a@b.vn\nExpires: 2030-01-01T00:00:00Z\n";
    let st = parse_security_txt(far, now(), None);
    assert!(st.is_valid());
    assert!(st.codes().contains(&"security_txt.expires_too_far"));
    let bad = b"Contact: tel:+84-24-1234\nExpires: next year\n";
    let st = parse_security_txt(bad, now(), None);
    assert_eq!(st.problems[0].code, "security_txt.invalid_expires");
    assert_eq!(st.contacts, ["tel:+84-24-1234"]);
}

#[test]
fn trust_02e_signed_file_detected_and_body_parsed() {
    let signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:sec@example.vn\nExpires: 2027-06-01T00:00:00Z\n- -----dash escaped\n-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n";
    let st = parse_security_txt(signed.as_bytes(), now(), None);
    assert!(st.signed);
    assert_eq!(st.contacts, ["mailto:sec@example.vn"]);
    assert_eq!(st.problems[0].code, "security_txt.invalid_line");
    assert_eq!(st.problems[0].line, Some(6));
    let broken =
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:sec@example.vn\n";
    let st = parse_security_txt(broken.as_bytes(), now(), None);
    assert!(st.codes().contains(&"security_txt.invalid_signature_block"));
}

#[test]
fn trust_02e_invalid_utf8_and_unknown_without_evidence() {
    let st = parse_security_txt(b"Contact: mailto:a@b.vn\n\xff\xfe\n", now(), None);
    assert_eq!(st.problems[0].code, "security_txt.invalid_utf8");
    assert_eq!(st.problems[0].line, Some(2));
    assert_eq!(evaluate_contact(None, &[]).outcome, Outcome::Unknown);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn trust_02e_never_panics_on_bytes(input in proptest::collection::vec(any::<u8>(), 0..512)) {
        let st = parse_security_txt(&input, now(), Some("https://x.vn/.well-known/security.txt"));
        for p in &st.problems {
            prop_assert!(p.code.starts_with("security_txt."));
            if let Some(l) = p.line { prop_assert!(l >= 1); }
        }
    }

    #[test]
    fn trust_02e_never_panics_on_fieldish_text(
        lines in proptest::collection::vec("(Contact|Expires|Canonical|Preferred-Languages|-----BEGIN PGP SIGNED MESSAGE-----|-----BEGIN PGP SIGNATURE-----|#|- )?:? ?[ -~é\r]{0,40}", 0..20)
    ) {
        let text = lines.join("\n");
        let _ = parse_security_txt(text.as_bytes(), now(), None);
    }
}

#[test]
fn trust_02e_real_signed_datum_file() {
    let before = VnDateTime::parse("2025-06-01T00:00:00Z").unwrap();
    let st = parse_security_txt(
        &fixture("datum-signed.txt"),
        before,
        Some("https://api.datum.net/.well-known/security.txt"),
    );
    assert!(st.signed);
    assert!(st.is_valid(), "{:?}", st.problems);
    assert!(st.problems.is_empty(), "{:?}", st.problems);
    assert_eq!(st.contacts, ["mailto:security@datum.net"]);
    assert_eq!(st.encryption.len(), 1);
    assert_eq!(st.policy.len(), 1);
    // At the tests' evaluation time it has expired, on its line (5).
    let st = parse_security_txt(&fixture("datum-signed.txt"), now(), None);
    let p = &st.problems[0];
    assert_eq!((p.code, p.line), ("security_txt.expired", Some(5)));
}
