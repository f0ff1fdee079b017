//! Agency codes and the registry (DOC-01…04).

use super::*;

pub(crate) fn profile(lenient: bool) -> AgencyProfile {
    if lenient {
        AgencyProfile::LENIENT
    } else {
        AgencyProfile::STRICT
    }
}

/// Parses an agency code (strict QCVN 102 profile, or lenient).
pub fn agency_code(input: &str, lenient: bool) -> OpResult<AgencyCode> {
    check_len("agency code", input)?;
    AgencyCode::parse_with(input, profile(lenient))
        .map(|p| p.value)
        .map_err(dom)
}

/// `agency.parse`: code, level, parent, root, groups and findings, as `egov code --json`.
pub fn agency_parse(input: &str, lenient: bool) -> OpResult {
    check_len("agency code", input)?;
    let parsed = AgencyCode::parse_with(input, profile(lenient)).map_err(dom)?;
    let code = parsed.value;
    let mut findings = parsed.findings();
    findings.extend(code.check());
    to_value(&code.view(findings))
}

/// `agency.is_ancestor_of`: whether `ancestor` is a strict ancestor of `descendant` (strict
/// profile for both).
pub fn agency_is_ancestor_of(ancestor: &str, descendant: &str) -> OpResult<bool> {
    Ok(agency_code(ancestor, false)?.is_ancestor_of(&agency_code(descendant, false)?))
}

/// `agency.registry_check`: the registry status of `code` on `as_of` and its finding (DOC-04).
/// `registry` is the registry's JSON form, or CSV when it does not start with `{`.
pub fn agency_registry_check(code: &str, registry: &str, as_of: &str) -> OpResult {
    let code = agency_code(code, false)?;
    check_len("registry", registry)?;
    let reg = if registry.trim_start().starts_with('{') {
        InMemoryRegistry::from_json(registry)
    } else {
        InMemoryRegistry::from_csv(registry)
    }
    .map_err(dom)?;
    let on = parse_date(as_of)?;
    Ok(json!({
        "code": code,
        "as_of": on,
        "status": reg.lookup(&code, on),
        "finding": reg.check(&code, on),
    }))
}
