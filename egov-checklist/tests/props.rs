//! Property tests of the evidence parser and the judgement of attestations (issue 16).

use chrono::{Duration, NaiveDate};
use egov_checklist::{run, EvidenceFile, Registry};
use egov_core::{Outcome, WorkingCalendar};
use proptest::prelude::*;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// TRUST-05 / OTH-36: over the agency-system profile, an attestation dated on or before the
    /// evaluation date passes when met and fails when not; dated after it, it is not evidence;
    /// absent, the item is unknown. Written as TOML and as JSON, the evidence reads the same.
    #[test]
    fn trust_05_attestations_decide_by_their_date_and_answer(
        answers in proptest::collection::vec(
            proptest::option::of((any::<bool>(), -3000i64..60)), 11)
    ) {
        let r = Registry::builtin().unwrap();
        let items = r.resolve("nd137-agency-system").unwrap();
        let mut toml = String::new();
        let mut json_items = serde_json::Map::new();
        for ((_, item), a) in items.iter().zip(&answers) {
            if let Some((met, offset)) = a {
                let date = as_of() + Duration::days(*offset);
                toml.push_str(&format!("[items.{}]\nsatisfied = {met}\ndate = \"{date}\"\n", item.id));
                json_items.insert(item.id.clone(), serde_json::json!({"satisfied": met, "date": date.to_string()}));
            }
        }
        let from_toml = EvidenceFile::parse(&toml).unwrap();
        let from_json = EvidenceFile::parse(&serde_json::json!({"items": json_items}).to_string()).unwrap();
        prop_assert_eq!(&from_toml, &from_json);
        let rep = run(&r, "nd137-agency-system", &from_toml, Some(as_of()), &WorkingCalendar::vietnam()).unwrap();
        for (f, a) in rep.findings.iter().zip(&answers) {
            let want = match a {
                None => Outcome::Unknown,
                Some((_, offset)) if *offset > 0 => Outcome::Unknown,
                Some((true, _)) => Outcome::Pass,
                Some((false, _)) => Outcome::Fail,
            };
            prop_assert_eq!(f.outcome, want, "{}", f.message);
        }
        prop_assert_eq!(rep.counts.values().sum::<usize>(), 11);
    }

    /// The parsers never panic on arbitrary text, and refuse or accept it as a whole.
    #[test]
    fn evidence_and_checklist_parsers_take_any_text(text in ".{0,400}") {
        let _ = EvidenceFile::parse(&text);
        let _ = egov_checklist::parse_checklist("prop", &text);
    }
}
