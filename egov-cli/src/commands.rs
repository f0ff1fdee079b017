//! One function per subcommand: parse the input with the library, build the answer.
//! No rule of law lives here; the CLI is glue.

use std::path::Path;

use crate::output::CmdResult;
use crate::schema_types::{
    to_json, CodeOutput, DeadlineOutput, MetadataOutput, RegistryAnswer, WorkdayOutput,
};
use chrono::{NaiveDate, NaiveTime};
use egov_core::{DayKind, Finding, Outcome, VnDateTime, WorkingCalendar};
use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::deadline::{judge_send, send_deadline, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::number::DocNumber;
use egov_docs::registry::{AgencyRegistry, InMemoryRegistry};
use egov_docs::urgency::Urgency;

/// Loads the calendar from `path`, or the built-in one.
fn load_calendar(path: Option<&Path>) -> Result<WorkingCalendar, CmdResult> {
    let Some(path) = path else {
        return Ok(WorkingCalendar::vietnam());
    };
    let text = std::fs::read_to_string(path).map_err(|e| CmdResult::Error {
        code: "io.read".to_owned(),
        message: format!("cannot read calendar file {}: {e}", path.display()),
    })?;
    if crate::input::is_toml(path) {
        return crate::input::toml_doc(&text, path, "calendar.toml");
    }
    WorkingCalendar::from_json(&text).map_err(|e| CmdResult::error(&e))
}

/// `egov workday <DATE>`.
pub fn workday(date: &str, calendar: Option<&Path>) -> CmdResult {
    let cal = match load_calendar(calendar) {
        Ok(cal) => cal,
        Err(e) => return e,
    };
    let day = match parse_date(date, "date") {
        Ok(day) => day,
        Err(e) => return e,
    };
    let kind = cal.day_kind(day);
    let next = match cal.next_working_day(day) {
        Ok(next) => next,
        Err(e) => return CmdResult::error(&e),
    };
    let covered = cal.covers(day);
    let what = match &kind {
        DayKind::Working => "a working day".to_owned(),
        DayKind::WorkingWeekend { reason } => format!("a working day ({reason})"),
        DayKind::Weekend => "a weekly rest day".to_owned(),
        DayKind::DayOff { reason } => format!("a day off: {reason}"),
    };
    let mut human = format!(
        "{day} ({}) is {what}.\nNext working day: {next} ({}).\nCalendar: {}",
        day.format("%A"),
        next.format("%A"),
        cal.name
    );
    if !covered {
        human.push_str(
            "\nNote: the calendar table does not cover this year; only weekends were applied.",
        );
    }
    let json = to_json(&WorkdayOutput {
        date: day,
        is_working_day: kind.is_working(),
        day_kind: kind,
        next_working_day: next,
        calendar: cal.name,
        calendar_covers_date: covered,
    });
    match json {
        Ok(json) => CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

/// Arguments of `egov deadline`.
pub struct DeadlineArgs<'a> {
    pub signed: &'a str,
    pub urgency: Option<&'a str>,
    pub sent: Option<&'a str>,
    pub local: bool,
    pub morning_end: Option<&'a str>,
    pub calendar: Option<&'a Path>,
}

/// A time argument: Vietnam time when it has no offset (`--local` says so without the note).
fn parse_time(input: &str, local: bool) -> Result<VnDateTime, CmdResult> {
    if local {
        VnDateTime::parse_local(input).map_err(|e| CmdResult::error(&e))
    } else {
        crate::input::time(input, "time")
    }
}

/// `egov deadline --signed … [--urgency …] [--sent …]`.
pub fn deadline(args: &DeadlineArgs<'_>) -> CmdResult {
    match deadline_inner(args) {
        Ok(r) | Err(r) => r,
    }
}

fn deadline_inner(args: &DeadlineArgs<'_>) -> Result<CmdResult, CmdResult> {
    let cal = load_calendar(args.calendar)?;
    let mut policy = SendDeadlinePolicy::default();
    if let Some(m) = args.morning_end {
        policy.morning_end =
            NaiveTime::parse_from_str(m.trim(), "%H:%M").map_err(|_| CmdResult::Error {
                code: "time.invalid".to_owned(),
                message: format!("--morning-end '{m}' is not a time of day (expected HH:MM)"),
            })?;
    }
    let urgency = match args.urgency {
        Some(u) => Urgency::parse_optional(u).map_err(|e| CmdResult::error(&e))?,
        None => None,
    };
    let signed = args.signed.trim();
    let deadline = match egov_core::time::parse_date(signed) {
        Ok(date) => send_deadline_from_date(date, urgency, &cal, &policy),
        Err(_) => send_deadline(parse_time(signed, args.local)?, urgency, &cal, &policy),
    }
    .map_err(|e| CmdResult::error(&e))?;

    let mut human = format!(
        "Signed:          {} ({}){}\nUrgency:         {}\nSame-day target: {}\nLatest:          {} ({}, the next working day; morning ends {})",
        deadline.signed_at,
        deadline.signed_at.date().format("%A"),
        if deadline.signed_at_is_date_only { ", date only: read as end of day (A-06)" } else { "" },
        urgency.map_or("not urgent", |u| u.name_vi()),
        deadline.same_day_target,
        deadline.latest,
        deadline.latest.date().format("%A"),
        policy.morning_end.format("%H:%M"),
    );
    if let Some(immediate) = deadline.immediate {
        human.push_str(&format!(
            "\nImmediate:       {immediate} (urgent: send right after digital signing)"
        ));
    }
    human.push_str(&format!(
        "\nRule:            {}, {}",
        deadline.rule, deadline.basis
    ));
    human.push_str(&format!("\nCalendar:        {}", deadline.calendar));
    if !deadline.calendar_covers {
        human.push_str("\nNote: the calendar table does not cover the deadline's year; only weekends were applied.");
    }
    let Some(sent) = args.sent else {
        let json = to_json(&DeadlineOutput {
            deadline,
            judgement: None,
        })?;
        return Ok(CmdResult::Valid { human, json });
    };
    let sent_at = parse_time(sent.trim(), args.local)?;
    let finding = judge_send(&deadline, sent_at);
    human.push_str(&format!(
        "\nSent:            {sent_at}\nVerdict:         {} ({}, {})\n                 {}\n                 {}",
        outcome_label(finding.outcome),
        finding.rule,
        finding.basis,
        finding.message,
        finding.message_vi
    ));
    let failed = finding.outcome == Outcome::Fail;
    let json = to_json(&DeadlineOutput {
        deadline,
        judgement: Some(finding),
    })?;
    Ok(if failed {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}

/// The upper-case label of an outcome for text output.
pub fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "PASS",
        Outcome::Warning => "WARNING",
        Outcome::Unknown => "UNKNOWN",
        Outcome::Fail => "FAIL",
    }
}

/// Text lines for findings: `[PASS] message (rule, basis)`.
fn findings_text(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "\n  [{}] {} ({}, {})",
                outcome_label(f.outcome),
                f.message,
                f.rule,
                f.basis
            )
        })
        .collect()
}

fn any_fail(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.outcome == Outcome::Fail)
}

fn read_input(path: &Path) -> Result<String, CmdResult> {
    let read = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    };
    read.map_err(|e| CmdResult::Error {
        code: "io.read".to_owned(),
        message: format!("cannot read {}: {e}", path.display()),
    })
}

/// `egov code <CODE> [--lenient] [--registry FILE --as-of DATE]` (DOC-02…04).
pub fn code(input: &str, lenient: bool, registry: Option<&Path>, as_of: Option<&str>) -> CmdResult {
    match code_inner(input, lenient, registry, as_of) {
        Ok(r) | Err(r) => r,
    }
}

fn code_inner(
    input: &str,
    lenient: bool,
    registry: Option<&Path>,
    as_of: Option<&str>,
) -> Result<CmdResult, CmdResult> {
    let profile = if lenient {
        AgencyProfile::LENIENT
    } else {
        AgencyProfile::STRICT
    };
    let parsed = AgencyCode::parse_with(input, profile).map_err(|e| CmdResult::error(&e))?;
    let code = parsed.value;
    let mut findings = parsed.findings();
    findings.extend(code.check());
    let mut registry_answer = None;
    let mut not_in_registry = false;
    if let Some(path) = registry {
        let text = read_input(path)?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let reg = if crate::input::is_toml(path) {
            crate::input::toml_doc(&text, path, "registry.toml")?
        } else if is_json {
            InMemoryRegistry::from_json(&text).map_err(|e| CmdResult::error(&e))?
        } else {
            InMemoryRegistry::from_csv(&text).map_err(|e| CmdResult::error(&e))?
        };
        let on = match as_of {
            Some(d) => parse_date(d, "--as-of")?,
            None => {
                return Err(CmdResult::Error {
                    code: "usage.as_of".to_owned(),
                    message:
                        "--registry needs --as-of YYYY-MM-DD: codes change when agencies merge"
                            .to_owned(),
                })
            }
        };
        let status = reg.lookup(&code, on);
        let finding = reg.check(&code, on);
        registry_answer = Some(RegistryAnswer { as_of: on, status });
        // Not in the registry given (Unknown): not shown valid, so not exit 0.
        not_in_registry = finding.outcome == egov_core::Outcome::Unknown;
        findings.push(finding);
    }
    let parent = code
        .parent()
        .map_or_else(|| "none (level 1)".to_owned(), |p| p.to_string());
    let [g4, g3, g2, g1] = code.groups();
    let human = format!(
        "{code}: agency code, level {}\n  parent: {parent}\n  root:   {}\n  groups: level 4 {g4} · level 3 {g3} · level 2 {g2} · level 1 {g1}{}",
        code.level(),
        code.root(),
        findings_text(&findings),
    );
    let json = to_json(&CodeOutput {
        view: code.view(findings.clone()),
        registry: registry_answer,
    })?;
    Ok(if any_fail(&findings) || not_in_registry {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}

/// A date argument (`2026-02-13`, `13/02/2026` or `2026/02/13`); `what` names it in the error.
pub(crate) fn parse_date(input: &str, what: &str) -> Result<NaiveDate, CmdResult> {
    crate::input::date(input, what)
}

/// `egov docnum <NUMBER>`: "số và ký hiệu".
pub fn docnum(input: &str) -> CmdResult {
    let parsed = match DocNumber::parse(input) {
        Ok(p) => p,
        Err(e) => return CmdResult::error(&e),
    };
    let n = &parsed.value;
    let findings = parsed.findings();
    let type_text = n.doc_type().map_or_else(
        || "none named (công văn or other)".to_owned(),
        |t| format!("{} ({})", t.name_vi(), t.name_en()),
    );
    let human = format!(
        "{n}: document number\n  number: {}\n  year:   {}\n  symbol: {}\n  type:   {type_text}\n  issuer: {}\n  drafting unit: {}{}",
        n.number(),
        n.year().map_or_else(|| "—".to_owned(), |y| y.to_string()),
        n.symbol(),
        n.issuer(),
        n.drafting_unit().unwrap_or("—"),
        findings_text(&findings),
    );
    match to_json(&n.view(findings)) {
        Ok(json) => CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

/// `egov docid <ID>`: edXML document identifier (DOC-08).
pub fn docid(input: &str) -> CmdResult {
    let parsed = match EdxmlDocumentId::parse(input) {
        Ok(p) => p,
        Err(e) => return CmdResult::error(&e),
    };
    let id = &parsed.value;
    let mut findings = parsed.findings();
    findings.extend(id.check_consistency(&EdxmlContext::default()).findings);
    let structural = id.to_document_id().ok();
    let human = format!(
        "{id}: document identifier (edXML form)\n  agency: {}\n  date:   {}\n  number: {}\n  year, sequence: {}{}",
        id.organ_id(),
        id.promulgation_date(),
        id.number(),
        structural.map_or_else(|| "—".to_owned(), |d| format!("{}, {}", d.year(), d.seq())),
        findings_text(&findings),
    );
    let json = match to_json(&id.view(findings.clone())) {
        Ok(json) => json,
        Err(e) => return e,
    };
    if any_fail(&findings) {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    }
}

/// `egov metadata <FILE|->`: validate a metadata record a)–q) (DOC-10).
pub fn metadata(path: &Path) -> CmdResult {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(e) => return e,
    };
    let record = if crate::input::is_toml(path) {
        match crate::input::toml_doc::<DocumentMetadata>(&text, path, "metadata.toml") {
            Ok(r) => r,
            Err(e) => return e,
        }
    } else {
        match DocumentMetadata::from_json(&text) {
            Ok(r) => r,
            Err(e) => return CmdResult::error(&e),
        }
    };
    let report = record.validate(&MetadataPolicy::default());
    let overall = report.overall();
    let human = format!(
        "Metadata record (QĐ 28/2018/QĐ-TTg Đ10.2): {}{}",
        outcome_label(overall),
        findings_text(&report.findings)
    );
    let json = match to_json(&MetadataOutput {
        overall,
        findings: report.findings,
    }) {
        Ok(json) => json,
        Err(e) => return e,
    };
    if overall == Outcome::Fail {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    }
}
