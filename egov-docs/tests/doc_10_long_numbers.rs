//! Numbers with more digits than a `u32` holds, through every entry point of egov-docs that
//! reads a "số và ký hiệu" or another number (DOC-08, DOC-10.c; QĐ 28/2018/QĐ-TTg Đ10.2.b–c).
//!
//! Fuzzing found `DocNumber::parse("9999999999")` panicking with "attempt to multiply with
//! overflow" in debug builds: the tenth digit was multiplied in before the nine-digit limit was
//! checked. Every entry point must answer a typed error instead.

use egov_core::ErrorCode;
use egov_core::Outcome;
use egov_docs::document_id::{DocumentId, DocumentIdFormat, EdxmlContext, EdxmlDocumentId};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::number::DocNumber;
use egov_docs::status::from_edxml_code;
use egov_docs::urgency::Urgency;

fn long_numbers() -> Vec<String> {
    [10usize, 20, 40]
        .into_iter()
        .flat_map(|n| {
            [
                "9".repeat(n),
                "1".repeat(n),
                format!("1{}", "0".repeat(n - 1)),
            ]
        })
        .collect()
}

#[test]
fn doc_10_long_numbers_are_typed_errors_in_doc_number() {
    for n in long_numbers() {
        for s in [
            n.clone(),
            format!("{n}/QĐ-TTg"),
            format!("{n}/2018/QĐ-TTg"),
            format!("{n} /BNV-VP"),
            format!("{n}/BNV-VP"),
        ] {
            let e = DocNumber::parse(&s).unwrap_err();
            assert!(e.code().starts_with("doc_number."), "{s}: {e:?}");
            assert_eq!(DocNumber::validate(&s), Err(e), "{s}");
            assert!(s.parse::<DocNumber>().is_err(), "{s}");
            let json = serde_json::to_string(&s).unwrap();
            assert!(serde_json::from_str::<DocNumber>(&json).is_err(), "{s}");
        }
        let e = DocNumber::parse(&format!("{n}/QĐ-TTg")).unwrap_err();
        assert_eq!(e.code(), "doc_number.number_too_large", "{n}");
    }
    // Nine significant digits are the most a number may have, with any leading zeros.
    assert_eq!(
        DocNumber::parse("999999999/QĐ-TTg").unwrap().value.number(),
        999_999_999
    );
    assert_eq!(
        DocNumber::parse("0999999999/QĐ-TTg")
            .unwrap()
            .value
            .number(),
        999_999_999
    );
}

#[test]
fn doc_08_long_numbers_are_typed_errors_in_document_ids() {
    for n in long_numbers() {
        let edxml = format!("000.00.00.G22,2018/09/20,{n}/VPCP-TTĐT");
        let e = EdxmlDocumentId::parse(&edxml).unwrap_err();
        assert_eq!(e.code(), "document_id.number", "{edxml}");
        assert!(
            EdxmlDocumentId::parse_with(&edxml, egov_docs::agency::AgencyProfile::LENIENT).is_err()
        );
        assert!(edxml.parse::<EdxmlDocumentId>().is_err());
        let json = serde_json::to_string(&edxml).unwrap();
        assert!(serde_json::from_str::<EdxmlDocumentId>(&json).is_err());

        // The structural sequence number is a `u32`: ten digits that fit are a sequence
        // number, anything larger is a typed error.
        let triple = format!("000.00.00.G22:2018:{n}");
        let structural = format!(r#"{{"agency":"000.00.00.G22","year":2018,"seq":{n}}}"#);
        match n.parse::<u32>() {
            Ok(seq) => {
                let id = DocumentId::parse(&triple, DocumentIdFormat::SdkTriple).unwrap();
                assert_eq!(id.seq(), seq);
                assert_eq!(serde_json::from_str::<DocumentId>(&structural).unwrap(), id);
            }
            Err(_) => {
                let e = DocumentId::parse(&triple, DocumentIdFormat::SdkTriple).unwrap_err();
                assert_eq!(e.code(), "document_id.seq", "{triple}");
                assert!(serde_json::from_str::<DocumentId>(&structural).is_err());
            }
        }

        let context = format!(r#"{{"number":"{n}/VPCP-TTĐT"}}"#);
        assert!(serde_json::from_str::<EdxmlContext>(&context).is_err());
    }
}

#[test]
fn doc_10_long_numbers_fail_metadata_validation_without_panicking() {
    for n in long_numbers() {
        let record = DocumentMetadata {
            number: Some(format!("{n}/VPCP-TTĐT")),
            document_id: Some(format!("000.00.00.G22,2018/09/20,{n}/VPCP-TTĐT")),
            ..DocumentMetadata::default()
        };
        let report = record.validate(&MetadataPolicy::default());
        for field in ["number", "document_id"] {
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.field.as_deref() == Some(field) && f.outcome == Outcome::Fail),
                "{n}: {field}"
            );
        }
    }
}

#[test]
fn doc_11_doc_12_long_codes_are_typed_errors() {
    for n in long_numbers() {
        assert!(from_edxml_code(&n).is_err(), "{n}");
        assert!(Urgency::from_edxml_priority(&n).is_err(), "{n}");
        assert!(Urgency::parse_optional(&n).is_err(), "{n}");
    }
}
