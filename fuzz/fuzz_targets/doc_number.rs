//! «Số và ký hiệu» (`egov_docs::number::DocNumber`): parse → canonical → parse gives the same
//! value with no warning; `validate` agrees with `parse`; serde round trip; the parts.
#![no_main]

use egov_docs::number::DocNumber;
use egov_fuzz::{json_round_trip, to_json, utf8};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    let parsed = DocNumber::parse(s);
    // `validate` is `parse` without building the value: same verdict, same error.
    assert_eq!(
        DocNumber::validate(s),
        parsed.as_ref().map(|_| ()).map_err(|e| *e),
        "validate and parse disagree on {s:?}"
    );
    assert_eq!(s.parse::<DocNumber>(), parsed.clone().map(|p| p.value));
    let p = match parsed {
        Ok(p) => p,
        Err(e) => {
            let _ = e.offset();
            let _ = e.to_string();
            return;
        }
    };
    let n = &p.value;
    let _ = p.findings();
    let canonical = n.as_str();
    assert_eq!(n.to_string(), canonical);

    // The canonical form reads back to the same value, with nothing tolerated.
    match DocNumber::parse(canonical) {
        Ok(again) => {
            assert_eq!(
                &again.value, n,
                "canonical form {canonical:?} of {s:?} reads back differently"
            );
            assert!(
                again.warnings.is_empty(),
                "canonical form {canonical:?} of {s:?} has warnings {:?}",
                again.warnings
            );
        }
        Err(e) => panic!("canonical form {canonical:?} of {s:?} does not parse: {e:?}"),
    }
    assert_eq!(DocNumber::validate(canonical), Ok(()));
    json_round_trip(n);

    // The parts are slices of the canonical form.
    assert!(n.number() >= 1, "{n:?}: number 0");
    let symbol = n.symbol();
    assert!(!symbol.is_empty(), "{n:?}: empty symbol");
    assert!(canonical.ends_with(symbol), "{n:?}: symbol {symbol:?}");
    assert!(canonical.starts_with(|c: char| c.is_ascii_digit()), "{n:?}");
    if let Some(y) = n.year() {
        assert!(canonical.contains(&format!("/{y:04}/")), "{n:?}: year {y}");
    }
    if let Some(t) = n.type_abbreviation() {
        assert!(symbol.starts_with(t), "{n:?}: type {t:?}");
        assert!(
            n.doc_type().is_some(),
            "{n:?}: a type abbreviation without a type"
        );
    }
    // The issuer is part of the symbol (after the type, or the first group of a công văn).
    assert!(
        symbol.contains(n.issuer()),
        "{n:?}: issuer {:?}",
        n.issuer()
    );
    let _ = to_json(&n.view(Vec::new()));
});
