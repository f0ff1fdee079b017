//! Duties of the law as data (issue 16; `egov_checklist`): list the checklists, write an
//! evidence template, run a checklist on evidence. The caller's own checklists travel as TOML
//! text in `checklists`.

use egov_checklist::{EvidenceFile, Registry};

use super::*;

/// A `checklist.*` request: the checklist id, the evidence (TOML or JSON text, or a JSON
/// object), the evaluation date, the caller's own checklists (TOML texts).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistRequest {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    evidence: Option<Value>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    checklists: Vec<String>,
}

fn request(text: Option<&str>) -> OpResult<ChecklistRequest> {
    match text.map(str::trim) {
        None | Some("") => Ok(ChecklistRequest::default()),
        Some(t) => {
            check_len("request", t)?;
            from_json("request", t)
        }
    }
}

fn registry(r: &ChecklistRequest) -> OpResult<Registry> {
    let mut reg = Registry::builtin().map_err(dom)?;
    for (i, text) in r.checklists.iter().enumerate() {
        reg.add_toml(&format!("checklists[{i}]"), text)
            .map_err(dom)?;
    }
    Ok(reg)
}

fn id(r: &ChecklistRequest) -> OpResult<&str> {
    r.id.as_deref().ok_or_else(|| missing("request.id"))
}

/// `checklist.list`: `{"checklists": [{"id", "version", "status", "items", "title_vi",
/// "title_en"}]}`, the shipped ones and the request's own.
pub fn checklist_list(request_json: Option<&str>) -> OpResult<String> {
    let r = request(request_json)?;
    let reg = registry(&r)?;
    let rows: Vec<Value> = reg
        .iter()
        .map(|c| {
            serde_json::json!({"id": c.id, "version": c.version, "status": c.status,
                "items": reg.resolve(&c.id).map_or(0, |v| v.len()),
                "title_vi": c.title_vi, "title_en": c.title_en})
        })
        .collect();
    to_text(&serde_json::json!({ "checklists": rows }))
}

/// `checklist.template`: `{"template": "<TOML to fill in>"}` for the request's `id`.
pub fn checklist_template(request_json: &str) -> OpResult<String> {
    let r = request(Some(request_json))?;
    let reg = registry(&r)?;
    let t = egov_checklist::template(&reg, id(&r)?).map_err(dom)?;
    to_text(&serde_json::json!({ "template": t }))
}

/// `checklist.indicators`: direction indicators (OTH-39, OTH-40; NĐ 137/2024 Đ10.3–10.5)
/// checked from `request_json`, `{"indicators": [Indicator, …]}` (or the array alone):
/// `{"indicators": N, "outcome", "findings": […]}`, the library's findings, the outcome the
/// worst of them.
pub fn checklist_indicators(request_json: &str) -> OpResult<String> {
    check_len("request", request_json)?;
    let list = egov_checklist::indicators::parse_indicators(request_json)
        .map_err(|e| invalid_json("request", e))?;
    let findings = egov_checklist::indicators::check_indicators(&list);
    let outcome = findings
        .iter()
        .map(|f| f.outcome)
        .max()
        .unwrap_or(Outcome::Pass);
    to_text(&serde_json::json!({
        "indicators": list.len(),
        "outcome": outcome,
        "findings": findings,
    }))
}

/// `checklist.request`: a citizen request of NĐ 137/2024 Đ7.1 (OTH-12) judged at a time, from
/// `{"request": CitizenRequest (object or JSON text), "as_of": "<timestamp with offset>",
/// "options": {"decide_by", "notify_by"}?}`: `{"request": id, "state" (at `as_of`, `null`
/// before receipt), "outcome", "findings": […]}`, the library's findings, the outcome the worst
/// of them. A history off the machine is the library's error (`request.illegal_transition`,
/// `request.time_backwards`, `request.json`, …).
pub fn checklist_request(request_json: &str) -> OpResult<String> {
    use egov_checklist::requests::{check_request_with, parse_request, RequestOptions};
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Args {
        request: Value,
        as_of: String,
        #[serde(default)]
        options: Option<RequestOptions>,
    }
    let args: Args = from_json("request", request_json)?;
    let text = match &args.request {
        Value::String(t) => t.clone(),
        v => v.to_string(),
    };
    let req = parse_request(&text).map_err(dom)?;
    let as_of = parse_time(&args.as_of, false)?;
    let findings = check_request_with(&req, as_of, &args.options.unwrap_or_default());
    let outcome = findings
        .iter()
        .map(|f| f.outcome)
        .max()
        .unwrap_or(Outcome::Unknown);
    to_text(&serde_json::json!({
        "request": req.id(),
        "state": req.state_at(as_of),
        "outcome": outcome,
        "findings": findings,
    }))
}

/// `checklist.run`: the report (`ChecklistReport`) of the request's `id` on its `evidence`,
/// on `as_of` (else the evidence's own).
pub fn checklist_run(request_json: &str) -> OpResult<String> {
    let r = request(Some(request_json))?;
    let reg = registry(&r)?;
    let evidence = match &r.evidence {
        None => return Err(missing("request.evidence")),
        Some(Value::String(text)) => EvidenceFile::parse(text).map_err(dom)?,
        Some(v) => EvidenceFile::parse(&v.to_string()).map_err(dom)?,
    };
    let as_of = r.as_of.as_deref().map(parse_date).transpose()?;
    let report = egov_checklist::run(&reg, id(&r)?, &evidence, as_of, &WorkingCalendar::vietnam())
        .map_err(dom)?;
    to_text(&report)
}
