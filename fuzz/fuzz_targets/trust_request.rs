//! Site-evaluation requests (`egov_trust::EvaluationRequest::from_json` → `prepare` → `assess`,
//! `criterion`, `links`, `declare`): the JSON entry point of the CLI, C and Python `trust.*`.
//!
//! Invariants: six verdicts in the order of Đ21.2, each the one `criterion` gives alone; the
//! overall outcome is the rule of TRUST-03; the assessment and the declaration survive a JSON
//! round trip; the declaration renders in both languages.
#![no_main]

use egov_core::Outcome;
use egov_fuzz::{json_round_trip, to_json, utf8};
use egov_trust::{Criterion, Declaration, EvaluationRequest, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = utf8(data) else { return };
    let Ok(request) = EvaluationRequest::from_json(text) else {
        return;
    };
    let prepared = match request.prepare() {
        Ok(p) => p,
        Err(e) => {
            let _ = egov_core::ErrorCode::code(&e);
            let _ = e.to_string();
            return;
        }
    };
    let a = prepared.assess();
    assert_eq!(a.evaluated_at, prepared.now);
    let order: Vec<Criterion> = a.verdicts.iter().map(|v| v.criterion).collect();
    assert_eq!(order, Criterion::ALL, "verdicts out of the order of Đ21.2");
    for v in &a.verdicts {
        assert_ne!(v.outcome, Outcome::Warning, "{v:?}");
        assert_eq!(
            &prepared.criterion(v.criterion),
            v,
            "criterion alone differs"
        );
    }
    let expected = if a.verdicts.iter().any(|v| v.outcome == Outcome::Fail) {
        Outcome::Fail
    } else if a.verdicts.iter().all(|v| v.outcome == Outcome::Pass) {
        Outcome::Pass
    } else {
        Outcome::Unknown
    };
    assert_eq!(a.outcome, expected, "{a:?}");
    assert_eq!(a.meets_criteria, a.outcome == Outcome::Pass);
    json_round_trip(&a);

    if let Some(Ok(links)) = prepared.links() {
        let _ = to_json(&links);
    }
    let d = prepared.declare();
    let text = d.to_json();
    match Declaration::from_json(&text) {
        Ok(back) => assert_eq!(back, d, "declaration round trip through {text}"),
        Err(e) => panic!("the declaration {text} does not read back: {e}"),
    }
    for lang in [Lang::Vi, Lang::En] {
        assert!(!d.to_markdown(lang).is_empty());
    }
});
