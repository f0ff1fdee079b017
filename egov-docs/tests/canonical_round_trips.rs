//! Whatever a parser accepts, its canonical form reads back to the same value, through the
//! parser, `FromStr` where it has the same profile, and serde (DESIGN §5; DOC-02, DOC-08,
//! DOC-10.c, DOC-11, DOC-12).
//!
//! Fuzzing found `DocNumber::parse("1/" + "A"×254)` accepted while its canonical form (257
//! bytes) was refused; these properties look for the same class of bug in every parser.

use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::document_id::{DocumentId, DocumentIdFormat, EdxmlDocumentId};
use egov_docs::number::{DocNumber, MAX_INPUT_LEN};
use egov_docs::parsed::Tolerance;
use egov_docs::status::{ProcessingStatus, ReportedStatus};
use egov_docs::urgency::Urgency;
use proptest::prelude::*;

fn agency_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}",
        "[ \t]{0,2}[0-9A-Za-z]{1,6}\\.[0-9A-Za-z]{1,4}\\.[0-9A-Za-z]{1,4}\\.[0-9A-Za-z]{1,4}[ \t]{0,2}",
        "\\PC{0,16}",
    ]
}

fn number_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,10}(/[0-9]{4})?/[A-ZĐQDa-z]{1,5}(-[A-Za-zĐ0-9]{1,6}){0,2}",
        "[0-9 ]{1,4} ?/ ?(QD|ND|QĐ|NĐ|CD|HD|Qd|qd)- ?[A-Z]{1,5}",
        ("[1-9]", "[A-Z]{240,256}").prop_map(|(n, a)| format!("{n}/{a}")),
        "\\PC{0,30}",
    ]
}

proptest! {
    #[test]
    fn doc_02_agency_code_canonical_form_reads_back(s in agency_like()) {
        for profile in [AgencyProfile::STRICT, AgencyProfile::LENIENT] {
            if let Ok(p) = AgencyCode::parse_with(&s, profile) {
                let shown = p.value.to_string();
                let again = AgencyCode::parse_with(&shown, profile).unwrap();
                prop_assert_eq!(again.value, p.value);
                prop_assert_eq!(AgencyCode::parse_exact(&shown).unwrap(), p.value);
                let json = serde_json::to_string(&p.value).unwrap();
                prop_assert_eq!(serde_json::from_str::<AgencyCode>(&json).unwrap(), p.value);
            }
        }
    }

    #[test]
    fn doc_08_edxml_id_canonical_form_reads_back(
        organ in agency_like(),
        date in prop_oneof!["[0-9]{4}/[0-9]{2}/[0-9]{2}", "(0000|9999|2018)/(01|02|12)/(01|28|29|31)"],
        number in number_like(),
    ) {
        let s = format!("{organ},{date},{number}");
        for profile in [AgencyProfile::STRICT, AgencyProfile::LENIENT] {
            if let Ok(p) = EdxmlDocumentId::parse_with(&s, profile) {
                let shown = p.value.to_string();
                let again = EdxmlDocumentId::parse_with(&shown, profile);
                prop_assert!(again.is_ok(), "{:?} → {:?}: {:?}", s, shown, again);
                let again = again.unwrap();
                // A non-QCVN layout is a property of the code, not of how it was written: it
                // is reported again; nothing else is.
                prop_assert!(
                    again.warnings.iter().all(|w| w.code() == "agency_code.non_qcvn_layout"),
                    "{:?}: {:?}", shown, again.warnings
                );
                prop_assert_eq!(&again.value, &p.value);
                let json = serde_json::to_string(&p.value).unwrap();
                prop_assert_eq!(serde_json::from_str::<EdxmlDocumentId>(&json).unwrap(), p.value.clone());
                if let Ok(id) = p.value.to_document_id() {
                    let triple = id.render(DocumentIdFormat::SdkTriple).to_string();
                    prop_assert_eq!(DocumentId::parse(&triple, DocumentIdFormat::SdkTriple).unwrap(), id);
                    let json = serde_json::to_string(&id).unwrap();
                    prop_assert_eq!(serde_json::from_str::<DocumentId>(&json).unwrap(), id);
                }
            }
        }
    }

    #[test]
    fn doc_10_number_canonical_form_reads_back(s in number_like()) {
        if let Ok(p) = DocNumber::parse(&s) {
            let shown = p.value.to_string();
            prop_assert!(shown.len() <= MAX_INPUT_LEN);
            let again = DocNumber::parse(&shown).unwrap();
            prop_assert!(again.is_clean(), "{:?}: {:?}", shown, again.warnings);
            prop_assert_eq!(&again.value, &p.value);
            prop_assert_eq!(shown.parse::<DocNumber>().unwrap(), p.value.clone());
            let json = serde_json::to_string(&p.value).unwrap();
            prop_assert_eq!(serde_json::from_str::<DocNumber>(&json).unwrap(), p.value);
        }
    }

    #[test]
    fn doc_11_doc_12_canonical_forms_read_back(s in "\\PC{0,24}") {
        if let Ok(status) = ProcessingStatus::parse(&s) {
            prop_assert_eq!(ProcessingStatus::parse(&status.to_string()), Ok(status));
            prop_assert_eq!(ProcessingStatus::parse(status.as_str()), Ok(status));
            let json = serde_json::to_string(&status).unwrap();
            prop_assert_eq!(serde_json::from_str::<ProcessingStatus>(&json).unwrap(), status);
        }
        if let Ok(reported) = ReportedStatus::parse(&s) {
            prop_assert_eq!(ReportedStatus::parse(&reported.to_string()), Ok(reported.clone()));
            let json = serde_json::to_string(&reported).unwrap();
            prop_assert_eq!(serde_json::from_str::<ReportedStatus>(&json).unwrap(), reported.clone());
            prop_assert_eq!(reported.state(), ProcessingStatus::parse(&s).ok());
            prop_assert!(reported.finding().outcome != egov_core::Outcome::Fail);
        }
        if let Ok(Some(u)) = Urgency::parse_optional(&s) {
            prop_assert_eq!(Urgency::parse(&u.to_string()), Ok(u));
            prop_assert_eq!(Urgency::parse(u.as_str()), Ok(u));
            let json = serde_json::to_string(&u).unwrap();
            prop_assert_eq!(serde_json::from_str::<Urgency>(&json).unwrap(), u);
        }
    }
}

/// Edge cases the properties above reach only by chance.
#[test]
fn doc_08_extreme_dates_and_numbers_read_back() {
    for s in [
        "000.00.00.G22,0000/01/01,01/VPCP",
        "000.00.00.G22,9999/12/31,999999999/VPCP-TTĐT",
        "001.00.20.TT2,2018/09/20,7816/VPCP-TTĐT",
    ] {
        let p = EdxmlDocumentId::parse_with(s, AgencyProfile::LENIENT).unwrap();
        let shown = p.value.to_string();
        assert_eq!(shown, s);
        let json = serde_json::to_string(&p.value).unwrap();
        assert_eq!(
            serde_json::from_str::<EdxmlDocumentId>(&json).unwrap(),
            p.value
        );
    }
}

/// An id built from parts reads back too: its date must have a four-digit year, which is all
/// `yyyy/MM/dd` can carry (`+10000/01/01` would be written and then refused).
#[test]
fn doc_08_edxml_id_from_parts_needs_a_four_digit_year() {
    let organ: AgencyCode = "000.00.00.G22".parse().unwrap();
    let number: DocNumber = "7816/VPCP-TTĐT".parse().unwrap();
    for (y, ok) in [
        (-1, false),
        (0, true),
        (2018, true),
        (9999, true),
        (10_000, false),
    ] {
        let date = chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        match EdxmlDocumentId::new(organ, date, number.clone()) {
            Ok(id) => {
                assert!(ok, "{y}");
                let json = serde_json::to_string(&id).unwrap();
                assert_eq!(serde_json::from_str::<EdxmlDocumentId>(&json).unwrap(), id);
                assert_eq!(id.to_string().parse::<EdxmlDocumentId>().unwrap(), id);
            }
            Err(e) => {
                assert!(!ok, "{y}");
                assert_eq!(egov_core::ErrorCode::code(&e), "document_id.year");
            }
        }
    }
}
