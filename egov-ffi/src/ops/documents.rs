//! Document identifiers, «số và ký hiệu», urgency (DOC-08, Đ10.2).

use super::*;

/// `document_id.parse`: an edXML document identifier, as `egov docid --json`.
pub fn document_id_parse(input: &str) -> OpResult {
    check_len("document id", input)?;
    let parsed = EdxmlDocumentId::parse(input).map_err(dom)?;
    let id = &parsed.value;
    let mut findings = parsed.findings();
    findings.extend(id.check_consistency(&EdxmlContext::default()).findings);
    to_value(&id.view(findings))
}

/// `number.parse`: a document number «số và ký hiệu», as `egov docnum --json`.
pub fn number_parse(input: &str) -> OpResult {
    check_len("document number", input)?;
    let parsed = DocNumber::parse(input).map_err(dom)?;
    to_value(&parsed.value.view(parsed.findings()))
}

/// `urgency.parse`: field k (DOC-12). `urgency` is `null` for "not urgent".
pub fn urgency_parse(input: &str) -> OpResult {
    check_len("urgency", input)?;
    let u = Urgency::parse_optional(input).map_err(dom)?;
    Ok(json!({
        "urgency": u,
        "name_vi": u.map(Urgency::name_vi),
        "name_en": u.map(Urgency::name_en),
        "edxml_priority": egov_docs::urgency::edxml_priority(u),
    }))
}
