//! Urgency, field k (`egov_docs::urgency::Urgency`): every spelling the parser accepts names a
//! level whose own spellings (Vietnamese, English, code, edXML priority) read back to it.
#![no_main]

use egov_docs::urgency::{edxml_priority, Urgency, UrgencyError};
use egov_fuzz::{json_round_trip, utf8};
use libfuzzer_sys::fuzz_target;

fn check_level(u: Urgency) {
    for spelling in [u.name_vi(), u.name_en(), u.as_str()] {
        assert_eq!(Urgency::parse(spelling), Ok(u), "spelling {spelling:?}");
    }
    assert_eq!(Urgency::parse(&u.to_string()), Ok(u));
    let code = edxml_priority(Some(u)).to_string();
    assert_eq!(
        Urgency::from_edxml_priority(&code),
        Ok(Some(u)),
        "priority {code}"
    );
    json_round_trip(&u);
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    let parsed = Urgency::parse(s);
    assert_eq!(s.parse::<Urgency>(), parsed);
    let optional = Urgency::parse_optional(s);
    match &parsed {
        Ok(u) => {
            check_level(*u);
            assert_eq!(optional, Ok(Some(*u)), "parse_optional disagrees on {s:?}");
        }
        Err(UrgencyError::NotUrgent { .. }) | Err(UrgencyError::Empty) => {
            assert_eq!(
                optional,
                Ok(None),
                "{s:?} is not urgent but parse_optional says {optional:?}"
            );
        }
        Err(e) => assert_eq!(
            optional,
            Err(e.clone()),
            "parse_optional disagrees on {s:?}"
        ),
    }
    match Urgency::from_edxml_priority(s) {
        Ok(Some(u)) => {
            check_level(u);
            // A priority code is also a spelling `parse` accepts.
            assert_eq!(parsed, Ok(u), "priority {s:?}");
        }
        Ok(None) => assert_eq!(optional, Ok(None), "priority {s:?} is not urgent"),
        Err(_) => {}
    }
});
