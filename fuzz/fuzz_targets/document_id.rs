//! Document identifiers (`egov_docs::document_id`): the edXML id (`organ,yyyy/MM/dd,number`,
//! strict and lenient agency profiles) and the SDK triple (`agency:yyyy:seq`). Display → parse
//! gives the same value; serde round trips; an id is consistent with its own parts.
#![no_main]

use chrono::Datelike;
use egov_core::Outcome;
use egov_docs::agency::AgencyProfile;
use egov_docs::document_id::{DocumentId, DocumentIdFormat, EdxmlContext, EdxmlDocumentId};
use egov_fuzz::{json_round_trip, to_json, utf8};
use libfuzzer_sys::fuzz_target;

fn check_edxml(id: &EdxmlDocumentId, profile: AgencyProfile) {
    let shown = id.to_string();
    match EdxmlDocumentId::parse_with(&shown, profile) {
        Ok(again) => {
            assert_eq!(
                &again.value, id,
                "display form {shown:?} reads back differently"
            );
            // A strict id's display form is canonical. A lenient one may keep a tolerance that
            // belongs to the code itself (a layout outside QCVN 102:2016), so only the strict
            // profile must read it back without warnings.
            if profile == AgencyProfile::STRICT {
                assert!(
                    again.warnings.is_empty(),
                    "display form {shown:?}: {:?}",
                    again.warnings
                );
            }
        }
        Err(e) => panic!("display form {shown:?} of {id:?} does not parse: {e:?}"),
    }
    // serde reads the display form with `AgencyCode::parse_exact` (strict or lenient codes).
    json_round_trip(id);
    let _ = to_json(&id.view(Vec::new()));

    // Against its own parts, the only possible failure is a number year that is not the date's.
    let ctx = EdxmlContext {
        sender: Some(id.organ_id()),
        sender_is_issuer: true,
        promulgation_date: Some(id.promulgation_date()),
        number: Some(id.number().clone()),
    };
    let report = id.check_consistency(&ctx);
    let year_ok = id
        .number()
        .year()
        .is_none_or(|y| i32::from(y) == id.promulgation_date().year());
    if year_ok {
        assert!(
            report.with_outcome(Outcome::Fail).next().is_none(),
            "{id:?} is inconsistent with itself: {report:?}"
        );
    }
    let _ = id.check_consistency(&EdxmlContext::default());

    match id.to_document_id() {
        Ok(d) => {
            assert_eq!(d.agency(), id.organ_id());
            assert_eq!(i32::from(d.year()), id.promulgation_date().year());
            assert_eq!(d.seq(), id.number().number());
            check_triple(&d);
        }
        Err(_) => {
            let y = id.promulgation_date().year();
            assert!(!(1..=9999).contains(&y), "{id:?}: no triple for year {y}");
        }
    }
}

fn check_triple(id: &DocumentId) {
    let shown = id.render(DocumentIdFormat::SdkTriple).to_string();
    assert_eq!(
        DocumentId::parse(&shown, DocumentIdFormat::SdkTriple),
        Ok(*id),
        "triple {shown:?} reads back differently"
    );
    json_round_trip(id);
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };

    let strict = EdxmlDocumentId::parse(s);
    assert_eq!(
        s.parse::<EdxmlDocumentId>(),
        strict.clone().map(|p| p.value)
    );
    if let Ok(p) = &strict {
        check_edxml(&p.value, AgencyProfile::STRICT);
        let _ = p.findings();
    }
    match EdxmlDocumentId::parse_with(s, AgencyProfile::LENIENT) {
        Ok(p) => {
            check_edxml(&p.value, AgencyProfile::LENIENT);
            if let Ok(q) = &strict {
                assert_eq!(p.value, q.value, "lenient and strict disagree on {s:?}");
            }
        }
        Err(_) => assert!(strict.is_err(), "lenient refuses the strict id {s:?}"),
    }

    if let Ok(id) = DocumentId::parse(s, DocumentIdFormat::SdkTriple) {
        check_triple(&id);
        // The triple's text form is canonical: only the display form parses.
        assert_eq!(id.render(DocumentIdFormat::SdkTriple).to_string(), s);
    }
});
