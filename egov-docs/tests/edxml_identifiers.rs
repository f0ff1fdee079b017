//! Every `OrganId`, `DocumentId` and `Code` of every real edXML fixture either parses or fails
//! with the error that `testdata/edxml/SOURCES.md` predicts from its defect list.
//!
//! Values are pulled out with plain regular expressions (no XML parser): the fixtures include
//! files that are not namespace-well-formed, and only the element text matters here.

// Test-only helpers outside `#[test]` functions: panicking on a broken fixture is the point.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use egov_core::{ErrorCode, Outcome};
use egov_docs::agency::AgencyCode;
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::number::DocNumber;
use regex::Regex;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml");

/// The kinds of value extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    OrganId,
    DocumentId,
    Code,
}

/// What SOURCES.md predicts for a value: `Ok` or the error code, with the reason.
fn expectation(kind: Kind, value: &str) -> Option<(Result<(), &'static str>, &'static str)> {
    use Kind::*;
    let uuid = Regex::new(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        .ok()?
        .is_match(value);
    Some(match (kind, value) {
        (OrganId, "000.00.00.G22" | "000.00.00.G17" | "000.00.00.H14" | "000.00.00.H41") => {
            (Ok(()), "real QCVN 102 agency codes")
        }
        (OrganId, "vxp.saas.02" | "vxp.saas.03") => (
            Err("agency_code.group_count"),
            "SOURCES: \"OrganId is a system id (vxp.saas.03), not an agency code\"",
        ),
        (OrganId, "null") => (
            Err("agency_code.group_count"),
            "SOURCES: \"the first TraceHeader/OrganId is the literal string null\"",
        ),
        (DocumentId, "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT") => {
            (Ok(()), "the VPCP sample dispatch 7816/VPCP-TTĐT")
        }
        (DocumentId, "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT") => (
            Err("document_id.no_such_date"),
            "SOURCES: \"Impossible date: … 2014/02/30 (there is no 30 February)\"",
        ),
        (DocumentId, "test-doc" | "test-123" | "GW-20251014073327634-773") => (
            Err("document_id.field_count"),
            "SOURCES: gateway test packages with placeholder DocumentIds",
        ),
        (DocumentId, _) if uuid => (
            Err("document_id.field_count"),
            "SOURCES: \"DocumentId is a UUID\"",
        ),
        (Code, "7816/VPCP-TTĐT" | "202545/VPCP-TTĐT" | "123/TEST") => {
            (Ok(()), "number/symbol in the Nghị định 30/2020 form")
        }
        (Code, "20251020104803/GW-AUTO" | "20251016110432/GW-AUTO") => (
            Err("doc_number.number_too_large"),
            "SOURCES: \"CodeNumber is a timestamp\"",
        ),
        (Code, "BINTEST123/GW-AUTO" | "GW-20251014073327634-773/GW-TEST") => (
            Err("doc_number.not_numeric"),
            "SOURCES: gateway test packages with non-numeric CodeNumber",
        ),
        _ => return None,
    })
}

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(FIXTURES);
    let mut out = Vec::new();
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".edxml") || name.ends_with(".xml") {
            out.push((name, fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    assert!(
        out.len() >= 18,
        "expected the 18 edXML fixtures, found {}",
        out.len()
    );
    out
}

fn element(name: &str) -> Regex {
    Regex::new(&format!(r"<(?:\w+:)?{name}>([^<]*)</(?:\w+:)?{name}>")).unwrap()
}

/// Every (kind, value) in one file, in document order per kind.
fn extract(xml: &str) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    for c in element("OrganId").captures_iter(xml) {
        out.push((Kind::OrganId, c[1].to_owned()));
    }
    for c in element("DocumentId").captures_iter(xml) {
        out.push((Kind::DocumentId, c[1].to_owned()));
    }
    // `Code` as text (status messages) …
    let text = Regex::new(r"<(?:\w+:)?Code>([^<]+)</(?:\w+:)?Code>").unwrap();
    for c in text.captures_iter(xml) {
        out.push((Kind::Code, c[1].to_owned()));
    }
    // … or as CodeNumber + CodeNotation (packages): "số" / "ký hiệu".
    let pair = Regex::new(
        r"(?s)<(?:\w+:)?Code>\s*<(?:\w+:)?CodeNumber>([^<]*)</(?:\w+:)?CodeNumber>\s*<(?:\w+:)?CodeNotation>([^<]*)</(?:\w+:)?CodeNotation>\s*</(?:\w+:)?Code>",
    )
    .unwrap();
    for c in pair.captures_iter(xml) {
        out.push((Kind::Code, format!("{}/{}", &c[1], &c[2])));
    }
    out
}

fn outcome(kind: Kind, value: &str) -> Result<(), &'static str> {
    match kind {
        Kind::OrganId => AgencyCode::parse(value).map(|_| ()).map_err(|e| e.code()),
        Kind::DocumentId => EdxmlDocumentId::parse(value)
            .map(|_| ())
            .map_err(|e| e.code()),
        Kind::Code => DocNumber::parse(value).map(|_| ()).map_err(|e| e.code()),
    }
}

#[test]
fn doc_02_08_every_fixture_identifier_parses_or_fails_as_predicted() {
    let mut seen: BTreeMap<(Kind, String), usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for (file, xml) in fixtures() {
        for (kind, value) in extract(&xml) {
            *seen.entry((kind, value.clone())).or_default() += 1;
            let Some((expected, why)) = expectation(kind, &value) else {
                failures.push(format!(
                    "{file}: {kind:?} {value:?} has no expectation: check SOURCES.md and add one"
                ));
                continue;
            };
            let got = outcome(kind, &value);
            if got != expected {
                failures.push(format!(
                    "{file}: {kind:?} {value:?}: expected {expected:?} ({why}), got {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let count = |k: Kind| {
        seen.iter()
            .filter(|((kind, _), _)| *kind == k)
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    // Totals over the 18 fixtures (a changed fixture set must update these).
    assert_eq!(count(Kind::OrganId), 42, "{seen:#?}");
    assert_eq!(count(Kind::DocumentId), 19, "{seen:#?}");
    assert_eq!(count(Kind::Code), 17, "{seen:#?}");
    // Values SOURCES.md names from files that were not copied (personal data).
    assert_eq!(
        outcome(Kind::OrganId, "28.22.H17"),
        Err("agency_code.group_count")
    );
    assert_eq!(
        outcome(Kind::OrganId, "01.02.G22"),
        Err("agency_code.group_count")
    );
    assert_eq!(outcome(Kind::OrganId, "000.00.00.A80"), Ok(()));
    assert_eq!(outcome(Kind::OrganId, "002.00.20.H13"), Ok(()));
    assert_eq!(
        outcome(Kind::OrganId, "001.00.20.TT2"),
        Err("agency_code.expected_digit")
    );
    assert_eq!(
        outcome(Kind::DocumentId, "000.00.04.G14,2012/08/06,267/VPCP-TTĐT"),
        Ok(())
    );
    assert_eq!(
        outcome(Kind::Code, "74fass22/VPCP-TTĐT"),
        Err("doc_number.not_numeric")
    );
    assert!(seen.contains_key(&(
        Kind::DocumentId,
        "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT".to_owned()
    )));
}

#[test]
fn doc_08_impossible_date_error_names_the_field() {
    let (_, xml) = fixtures()
        .into_iter()
        .find(|(f, _)| f.starts_with("vnpt-edxml102-builder-output"))
        .unwrap();
    let id = extract(&xml)
        .into_iter()
        .find(|(k, v)| *k == Kind::DocumentId && v.contains("2014/02/30"))
        .unwrap()
        .1;
    let e = EdxmlDocumentId::parse(&id).unwrap_err();
    assert_eq!(
        e.to_string(),
        "field promulgation_date at byte 14: 2014/02/30 is not a calendar date"
    );
}

/// The `ResponseFor` block of each status message, checked for consistency. SOURCES.md
/// predicts two defects: in `status_builder_01` the `PromulgationDate` (2018/09/28) differs
/// from the DocumentId date (2015/09/30); in `status_cancellation_13` the `OrganId` (H41)
/// differs from the DocumentId's organ (G22). Every other message is consistent.
#[test]
fn doc_08_response_for_consistency_matches_sources_md() {
    let block = Regex::new(r"(?s)<(?:\w+:)?ResponseFor>(.*?)</(?:\w+:)?ResponseFor>").unwrap();
    let field = |xml: &str, name: &str| element(name).captures(xml).map(|c| c[1].trim().to_owned());
    let mut checked = 0;
    for (file, xml) in fixtures() {
        if !file.starts_with("vpcp-sdk-sample-status_") {
            continue;
        }
        let inner = block.captures(&xml).unwrap()[1].to_owned();
        let id: EdxmlDocumentId = field(&inner, "DocumentId").unwrap().parse().unwrap();
        let ctx = EdxmlContext {
            // In ResponseFor, OrganId names the organ that issued the answered document.
            sender: Some(field(&inner, "OrganId").unwrap().parse().unwrap()),
            sender_is_issuer: true,
            promulgation_date: Some(
                NaiveDate::parse_from_str(&field(&inner, "PromulgationDate").unwrap(), "%Y/%m/%d")
                    .unwrap(),
            ),
            number: Some(field(&inner, "Code").unwrap().parse().unwrap()),
        };
        let report = id.check_consistency(&ctx);
        let failed: Vec<&str> = report
            .with_outcome(Outcome::Fail)
            .map(|f| f.field.as_deref().unwrap_or(""))
            .collect();
        let expected: &[&str] = if file.contains("builder_01") {
            &["promulgation_date"]
        } else if file.contains("cancellation_13") {
            &["document_id.organ_id"]
        } else {
            &[]
        };
        assert_eq!(failed, expected, "{file}: {report:#?}");
        checked += 1;
    }
    assert_eq!(checked, 10);
}
