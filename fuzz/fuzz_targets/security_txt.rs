//! security.txt (`egov_trust::parse_security_txt`, RFC 9116) and the contact criterion e).
//! Input: `[selector][file bytes]`; the selector picks the fetched-from URI and the site.
//!
//! Invariants: line numbers point into the file, the parsed lists come from the fields, codes
//! and severities match their kinds, each problem is said in English and in Vietnamese, and the fields written back as a plain file read the same.
#![no_main]

use egov_core::{Outcome, VnDateTime};
use egov_fuzz::{split_first, to_json};
use egov_trust::{
    evaluate_contact_for, parse_security_txt, Criterion, SecurityTxt, Severity, SiteNames,
};
use libfuzzer_sys::fuzz_target;

const FETCHED_FROM: [Option<&str>; 4] = [
    None,
    Some("https://example.gov.vn/.well-known/security.txt"),
    Some("https://www.example.gov.vn/security.txt"),
    Some("https://other.example/.well-known/security.txt"),
];
const HOSTS: [Option<&str>; 3] = [None, Some("example.gov.vn"), Some("sub.example.gov.vn")];

fn now() -> VnDateTime {
    match VnDateTime::from_ymd_hms(2026, 6, 1, 9, 0, 0) {
        Ok(t) => t,
        Err(e) => panic!("{e:?}"),
    }
}

fn named<'a>(st: &'a SecurityTxt, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    st.fields
        .iter()
        .filter(move |f| f.name.eq_ignore_ascii_case(name))
        .map(|f| f.value.as_str())
}

/// `sub` is an ordered subsequence of `all`.
fn subsequence<'a>(sub: &[String], mut all: impl Iterator<Item = &'a str>) -> bool {
    sub.iter().all(|s| all.any(|a| a == s))
}

fuzz_target!(|data: &[u8]| {
    let Some((sel, file)) = split_first(data) else {
        return;
    };
    let fetched_from = FETCHED_FROM[usize::from(sel & 3)];
    let st = parse_security_txt(file, now(), fetched_from);
    assert_eq!(
        st,
        parse_security_txt(file, now(), fetched_from),
        "not deterministic"
    );
    assert_eq!(st.fetched_from.as_deref(), fetched_from);

    let lines = file.iter().filter(|&&b| b == b'\n').count() + 1;
    for p in &st.problems {
        assert_eq!(p.code, egov_core::ErrorCode::code(&p.kind));
        assert_eq!(p.severity, p.kind.severity());
        assert!(
            !p.message.is_empty() && !p.message_vi.is_empty() && p.message != p.message_vi,
            "{p:?}: a detail in each language"
        );
        if let Some(l) = p.line {
            assert!(
                (1..=lines).contains(&l),
                "problem {p:?} outside the {lines} lines"
            );
        }
    }
    assert_eq!(
        st.codes(),
        st.problems.iter().map(|p| p.code).collect::<Vec<_>>()
    );
    assert_eq!(
        st.is_valid(),
        !st.problems.iter().any(|p| p.severity == Severity::Error)
    );
    let mut last = 0;
    for f in &st.fields {
        assert!(f.line > last, "fields out of order: {:?}", st.fields);
        assert!(f.line <= lines);
        last = f.line;
        assert!(!f.name.is_empty());
        assert_eq!(f.value.trim(), f.value);
    }
    assert!(subsequence(&st.contacts, named(&st, "contact")), "{st:?}");
    assert!(
        subsequence(&st.canonical, named(&st, "canonical")),
        "{st:?}"
    );
    assert!(
        subsequence(&st.encryption, named(&st, "encryption")),
        "{st:?}"
    );
    assert!(subsequence(&st.policy, named(&st, "policy")), "{st:?}");
    if st.expires.is_some() {
        assert!(named(&st, "expires").next().is_some());
    }
    let _ = to_json(&st);

    // The fields written back as a plain (unsigned) file read the same.
    let plain: String = st
        .fields
        .iter()
        .map(|f| format!("{}: {}\n", f.name, f.value))
        .collect();
    let again = parse_security_txt(plain.as_bytes(), now(), fetched_from);
    let pairs = |s: &SecurityTxt| {
        s.fields
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pairs(&again), pairs(&st), "fields of {plain:?}");
    assert_eq!(again.contacts, st.contacts, "{plain:?}");
    assert_eq!(again.expires, st.expires, "{plain:?}");
    assert_eq!(again.canonical, st.canonical, "{plain:?}");
    assert_eq!(again.encryption, st.encryption, "{plain:?}");
    assert_eq!(again.policy, st.policy, "{plain:?}");
    assert_eq!(
        again.preferred_languages, st.preferred_languages,
        "{plain:?}"
    );

    let site = SiteNames {
        host: HOSTS[usize::from((sel >> 2) % 3)].map(str::to_owned),
        own_names: if sel & 0x20 != 0 {
            vec!["example.gov.vn".to_owned()]
        } else {
            Vec::new()
        },
    };
    let verdict = evaluate_contact_for(Some(&st), &[], &site);
    assert_eq!(verdict.criterion, Criterion::E);
    assert_ne!(
        verdict.outcome,
        Outcome::Warning,
        "a verdict is never Warning"
    );
    let _ = to_json(&verdict);
});
