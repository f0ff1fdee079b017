//! Agency codes (`egov_docs::agency`): the strict parser, the lenient profile, `parse_exact`
//! (what serde and registries read), and the hierarchy of every code that parses.
#![no_main]

use egov_docs::agency::{AgencyCode, AgencyProfile, GapPolicy, AGENCY_CODE_LEN};
use egov_fuzz::{json_round_trip, to_json, utf8};
use libfuzzer_sys::fuzz_target;

fn check_code(c: &AgencyCode) {
    let s = c.as_str();
    assert_eq!(s.len(), AGENCY_CODE_LEN, "{c:?}");
    assert_eq!(c.to_string(), s);
    // Every code the SDK displays reads back exactly (serde, registry files).
    assert_eq!(
        AgencyCode::parse_exact(s),
        Ok(*c),
        "parse_exact of the display form"
    );
    json_round_trip(c);
    assert_eq!(c.groups().join("."), s, "groups");
    for level in 1..=4u8 {
        assert!(c.group(level).is_some(), "group {level} of {c:?}");
    }
    let level = c.level();
    assert!((1..=4).contains(&level), "{c:?}: level {level}");
    let root = c.root();
    assert!(root.is_root(), "{c:?}: root {root:?} is not level 1");
    assert_eq!(root.root(), root);
    match c.parent() {
        None => assert_eq!(level, 1, "{c:?}: no parent above level 1"),
        Some(p) => {
            assert!(p.level() < level, "{c:?}: parent {p:?} not higher");
            assert!(
                p.is_ancestor_of(c),
                "{c:?}: parent {p:?} is not an ancestor"
            );
            assert!(!c.is_ancestor_of(&p), "{c:?} is an ancestor of its parent");
            assert!(root.is_ancestor_of(c) || root == *c, "{c:?}: root {root:?}");
        }
    }
    assert!(!c.is_ancestor_of(c), "{c:?} is its own ancestor");
    if let Some(gap) = c.hierarchy_gap() {
        assert!(gap < level, "{c:?}: gap {gap} at or below its level");
    }
    let findings = c.check();
    let _ = to_json(&c.view(findings));
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };

    let strict = AgencyCode::parse(s);
    if let Ok(c) = &strict {
        check_code(c);
        assert!(
            c.is_qcvn_layout(),
            "{c:?}: a strict code has the QCVN layout"
        );
    }
    // `FromStr` is the strict parser.
    assert_eq!(s.parse::<AgencyCode>(), strict);
    // The STRICT profile is `parse` with no warnings.
    match AgencyCode::parse_with(s, AgencyProfile::STRICT) {
        Ok(p) => {
            assert_eq!(Ok(p.value), strict);
            assert!(p.warnings.is_empty());
        }
        Err(e) => assert_eq!(Err(e), strict),
    }
    // Rejecting gaps refuses exactly the codes that have one.
    let reject = AgencyProfile::STRICT.with_gaps(GapPolicy::Reject);
    match (&strict, AgencyCode::parse_with(s, reject)) {
        (Ok(c), Ok(p)) => {
            assert_eq!(p.value, *c);
            assert_eq!(c.hierarchy_gap(), None);
        }
        (Ok(c), Err(_)) => assert!(c.hierarchy_gap().is_some(), "{c:?} refused without a gap"),
        (Err(_), Ok(p)) => panic!("gap policy accepted {:?} that strict refuses", p.value),
        (Err(_), Err(_)) => {}
    }

    match AgencyCode::parse_with(s, AgencyProfile::LENIENT) {
        Ok(p) => {
            check_code(&p.value);
            let _ = to_json(&p.warnings);
            let _ = p.findings();
            // The lenient reading only tolerates: a strict code reads the same.
            if let Ok(c) = &strict {
                assert_eq!(p.value, *c, "lenient and strict disagree on {s:?}");
            }
        }
        Err(_) => assert!(strict.is_err(), "lenient refuses a strict code {s:?}"),
    }
    match AgencyCode::parse_exact(s) {
        Ok(c) => {
            assert_eq!(c.as_str(), s, "parse_exact accepts only the display form");
            check_code(&c);
        }
        Err(e) => {
            if let Err(strict_e) = &strict {
                assert_eq!(e, *strict_e, "parse_exact reports the strict error");
            }
        }
    }
});
