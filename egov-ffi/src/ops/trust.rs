//! Network trust (NĐ 137/2024 Đ21; TRUST-01…04).

use super::*;

/// `trust.security_txt`: parses and checks a security.txt file (TRUST-02.e, RFC 9116) at
/// `now` (timestamp with offset); `fetched_from` is the URI it was read from (compared with
/// `Canonical`, and echoed as `fetched_from`) or `None`. The library's `SecurityTxt` JSON
/// (`problems` with `code`, `severity` and `line`) plus `"valid": bool`. Whether the file is the
/// site's (its host, its contacts' domains) is judged by `trust.evaluate` / `trust.criterion`,
/// which know the site.
pub fn trust_security_txt(
    content: &[u8],
    now: &str,
    fetched_from: Option<&str>,
) -> OpResult<String> {
    check_len("security.txt", content)?;
    let now = parse_time(now, false)?;
    if let Some(f) = fetched_from {
        check_len("fetched_from", f)?;
    }
    let parsed = egov_trust::parse_security_txt(content, now, fetched_from);
    let mut out = to_value(&parsed)?;
    out["valid"] = json!(parsed.is_valid());
    Ok(out.to_string())
}

/// `trust.blocklist_match`: whether `host` (or a parent domain; an IP literal as an address)
/// is on the advisory list `list` (one domain, address or range a line, TRUST-02.d):
/// `{"listed": bool, "hit": …, "rejected_lines": […]}`.
pub fn trust_blocklist_match(list: &str, host: &str) -> OpResult<String> {
    check_len("list", list)?;
    check_len("host", host)?;
    let snapshot = egov_trust::BlocklistSnapshot::parse("caller", None, list);
    let hit = snapshot.match_host(host);
    to_text(&json!({
        "listed": hit.is_some(),
        "hit": hit,
        "rejected_lines": snapshot.rejected,
    }))
}

/// Loads a site-evaluation request (the JSON form of `egov_trust::request`: evidence, `now`,
/// anchors, policy, blocklist, `max_attestation_age` overrides of the attestation age limits).
pub fn trust_prepare(request: &str) -> OpResult<egov_trust::PreparedEvaluation> {
    from_json::<egov_trust::EvaluationRequest>("request", request)?
        .prepare()
        .map_err(dom)
}

/// `trust.evaluate`: the six criteria of Đ21.2 and the overall verdict (TRUST-02, TRUST-03):
/// the library's `Assessment` JSON (`evaluated_at`, `verdicts`, `outcome`, `meets_criteria`).
pub fn trust_evaluate(request: &str) -> OpResult<String> {
    to_text(&trust_prepare(request)?.assess())
}

/// `trust.criterion`: one criterion (`a` … `e`, `đ` or `dd`) from the same request, e.g. `c`
/// for a TLS check: the library's `CriterionVerdict` JSON.
pub fn trust_criterion(request: &str, criterion: &str) -> OpResult<String> {
    check_len("criterion", criterion)?;
    let c = egov_trust::Criterion::from_letter(criterion).ok_or_else(|| {
        OpError::input(BindingError::Criterion {
            input: clip(criterion),
        })
    })?;
    to_text(&trust_prepare(request)?.criterion(c))
}

/// `trust.links`: the links of the request's page (TRUST-02.đ) resolved against its URL, the
/// flagged ones (listed, IP literal, script URL, mixed content, look-alike) and the verdict
/// (with the malware scan judged at `now` against the policy's age limit, as in `trust.evaluate`):
/// `{"links": [...], "flagged": [...], "verdict": {...}}`. Without a page: error
/// `trust.page_missing`.
pub fn trust_links(request: &str) -> OpResult<String> {
    let p = trust_prepare(request)?;
    let page = p
        .evidence
        .page
        .as_ref()
        .ok_or_else(|| OpError::input(BindingError::PageMissing))?;
    let links = egov_trust::extract_links(&page.html, &page.url).map_err(dom)?;
    let flagged = egov_trust::flag_links(
        &links,
        &page.url,
        p.blocklist.as_ref(),
        &p.evidence.gov_names,
    );
    // The verdict from the links already extracted (as `evaluate_site` does for đ), not a
    // second scan of the page.
    let verdict = egov_trust::evaluate_links(
        Some((&page.url, &links)),
        p.blocklist.as_ref(),
        &p.evidence.gov_names,
        p.evidence.malware_scan.as_ref(),
        p.now,
        p.policy.max_attestation_age.malware_scan_days,
    );
    to_text(&json!({ "links": links, "flagged": flagged, "verdict": verdict }))
}

/// `trust.declare`: the self-declaration (TRUST-04, Đ21.3) of the request in `lang` (`vi` or
/// `en`): `{"declaration": {...}, "markdown": "..."}`.
pub fn trust_declare(request: &str, lang: &str) -> OpResult<String> {
    check_len("lang", lang)?;
    let lang = match lang.trim() {
        "vi" => egov_trust::Lang::Vi,
        "en" => egov_trust::Lang::En,
        other => {
            return Err(OpError::input(BindingError::Language {
                input: clip(other),
            }))
        }
    };
    let d = trust_prepare(request)?.declare();
    to_text(&json!({ "markdown": d.to_markdown(lang), "declaration": d }))
}
