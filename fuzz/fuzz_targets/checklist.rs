//! Checklists and evidence files (`egov_checklist`, issue 16). Input: `[selector][text]`; an
//! even selector reads the text as the caller's checklist (TOML) and runs it, an odd one reads
//! it as an evidence file (TOML, or JSON when it starts with `{`) and runs every shipped
//! checklist on it.
//!
//! Invariants: no panic; a run answers one finding per item of the checklist and what it
//! includes, its counts add up to them, the overall outcome is the worst of Fail / Unknown,
//! every unused evidence id is one of the file's and no item's, and every unknown finding that
//! had no evidence names what is missing.
#![no_main]

use chrono::NaiveDate;
use egov_checklist::{run, EvidenceFile, Registry};
use egov_core::{Outcome, WorkingCalendar};
use egov_fuzz::split_first;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The shipped checklists, borrowed: `Registry::builtin` parses them once per process but still
/// hands out a copy on every call (57 µs), which inputs that only read need not pay (the
/// checks below still run on every input).
fn builtin() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| match Registry::builtin() {
        Ok(r) => r,
        Err(e) => panic!("the shipped checklists must load: {e}"),
    })
}

/// The built-in working calendar, built once (it copies its tables on every build).
fn calendar() -> &'static WorkingCalendar {
    static CALENDAR: OnceLock<WorkingCalendar> = OnceLock::new();
    CALENDAR.get_or_init(WorkingCalendar::vietnam)
}

fn check(registry: &Registry, id: &str, evidence: &EvidenceFile, calendar: &WorkingCalendar) {
    let Ok(items) = registry.resolve(id) else {
        return;
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 2);
    let Ok(rep) = run(registry, id, evidence, as_of, calendar) else {
        return;
    };
    assert_eq!(rep.findings.len(), items.len());
    assert_eq!(rep.counts.values().sum::<usize>(), items.len());
    let worst = if rep.findings.iter().any(|f| f.outcome == Outcome::Fail) {
        Outcome::Fail
    } else if rep.findings.is_empty() || rep.findings.iter().any(|f| f.outcome == Outcome::Unknown)
    {
        // Nothing judged is not a pass.
        Outcome::Unknown
    } else {
        Outcome::Pass
    };
    assert_eq!(rep.overall, worst);
    for u in &rep.unused_evidence {
        assert!(evidence.items.contains_key(u));
        assert!(items.iter().all(|(_, i)| &i.id != u));
    }
    for ((_, item), f) in items.iter().zip(&rep.findings) {
        assert_eq!(f.rule, item.rule.as_str());
        if !evidence.items.contains_key(&item.id) {
            assert_eq!(f.outcome, Outcome::Unknown);
            let missing = f.evidence.as_ref().map(|e| e["missing"].clone());
            assert!(missing.is_some_and(|m| m.as_array().is_some_and(|a| !a.is_empty())));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((selector, rest)) = split_first(data) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let calendar = calendar();
    if selector % 2 == 0 {
        let mut registry = builtin().clone();
        let Ok(list) = egov_checklist::parse_checklist("fuzz", text) else {
            return;
        };
        let id = list.id.clone();
        if registry.add(list).is_err() {
            return;
        }
        let evidence = EvidenceFile::parse(
            "as_of = \"2026-03-02\"\n[items.d14_1_scope]\nchoice = \"other\"\n",
        )
        .unwrap_or_default();
        check(&registry, &id, &evidence, calendar);
        let _ = egov_checklist::template(&registry, &id);
    } else if let Ok(evidence) = EvidenceFile::parse(text) {
        let registry = builtin();
        for c in registry.iter() {
            check(registry, &c.id, &evidence, calendar);
        }
    }
});
