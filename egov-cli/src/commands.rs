//! One function per subcommand: parse the input with the library, build the answer.
//! No rule of law lives here; the CLI is glue.

use std::path::Path;

use crate::output::CmdResult;
use crate::schema_types::{
    to_json, CodeOutput, DeadlineOutput, MetadataOutput, RegistryAnswer, WorkdayOutput,
};
use chrono::{NaiveDate, NaiveTime};
use egov_core::{DayKind, Finding, LegalRef, Outcome, VnDateTime, WorkingCalendar, YearSchedule};
use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::deadline::{judge_send, send_deadline, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::number::DocNumber;
use egov_docs::registry::AgencyRegistry;
use egov_docs::urgency::Urgency;

use crate::i18n::{lang, t, Lang};

/// Loads the calendar from `path`, or the built-in one.
fn load_calendar(path: Option<&Path>) -> Result<WorkingCalendar, CmdResult> {
    let Some(path) = path else {
        return Ok(WorkingCalendar::vietnam());
    };
    let text = std::fs::read_to_string(path).map_err(|e| CmdResult::Error {
        code: "io.read".to_owned(),
        message: t!(
            "cmd-calendar-unreadable",
            path = path.display().to_string(),
            detail = crate::files::io_detail(&e)
        ),
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
    let day = match parse_date(date, lang().pick("`NGÀY`", "`DATE`")) {
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
        DayKind::Working => t!("cmd-day-working"),
        DayKind::WorkingWeekend { reason } => {
            t!("cmd-day-working-weekend", reason = day_reason(reason))
        }
        DayKind::Weekend => t!("cmd-day-weekend"),
        DayKind::DayOff { reason } => t!("cmd-day-off", reason = day_reason(reason)),
    };
    let mut human = t!(
        "cmd-workday",
        date = prose_date(day),
        weekday = weekday(day),
        what = what,
        next = prose_date(next),
        next_weekday = weekday(next),
        calendar = calendar_name(&cal.name),
    );
    if !covered {
        human.push('\n');
        human.push_str(&t!("cmd-calendar-not-covering-year"));
    }
    let (schedule, year) = cal.least_certain_schedule(&[day, next]);
    if covered {
        push_schedule_note(&mut human, schedule, year);
    }
    let json = to_json(&WorkdayOutput {
        date: day,
        is_working_day: kind.is_working(),
        day_kind: kind,
        next_working_day: next,
        calendar: cal.name,
        calendar_covers_date: covered,
        calendar_schedule: schedule,
    });
    match json {
        Ok(json) => CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

/// A note when the answer rests on a year whose schedule is not (fully) announced (CORE-02):
/// it may change when the Government announces it.
fn push_schedule_note(human: &mut String, schedule: YearSchedule, year: i32) {
    let note = match schedule {
        YearSchedule::PartlyAnnounced => {
            t!("cmd-calendar-partly-announced", year = year.to_string())
        }
        YearSchedule::Projected => t!("cmd-calendar-projected", year = year.to_string()),
        YearSchedule::Announced | YearSchedule::NotCovered => return,
    };
    human.push('\n');
    human.push_str(&note);
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
fn parse_time(input: &str, what: &str, local: bool) -> Result<VnDateTime, CmdResult> {
    if local {
        VnDateTime::parse_local(input).map_err(|e| CmdResult::error(&e))
    } else {
        crate::input::time(input, what)
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
                message: t!("cmd-morning-end-invalid", value = m),
            })?;
    }
    let urgency = match args.urgency {
        Some(u) => Urgency::parse_optional(u).map_err(|e| CmdResult::error(&e))?,
        None => None,
    };
    let signed = args.signed.trim();
    let deadline = match egov_core::time::parse_date(signed) {
        Ok(date) => send_deadline_from_date(date, urgency, &cal, &policy),
        Err(_) => send_deadline(
            parse_time(signed, "--signed", args.local)?,
            urgency,
            &cal,
            &policy,
        ),
    }
    .map_err(|e| CmdResult::error(&e))?;

    let mut human = t!(
        "cmd-deadline",
        signed = prose_time(deadline.signed_at),
        signed_weekday = weekday(deadline.signed_at.date()),
        date_only = if deadline.signed_at_is_date_only {
            t!("cmd-deadline-date-only")
        } else {
            String::new()
        },
        urgency = urgency_text(urgency),
        same_day = prose_time(deadline.same_day_target),
        latest = prose_time(deadline.latest),
        latest_weekday = weekday(deadline.latest.date()),
        morning_end = policy.morning_end.format("%H:%M").to_string(),
    );
    if let Some(immediate) = deadline.immediate {
        human.push('\n');
        human.push_str(&t!("cmd-deadline-immediate", at = prose_time(immediate)));
    }
    human.push('\n');
    human.push_str(&t!(
        "cmd-deadline-rule",
        rule = deadline.rule.as_ref(),
        basis = basis_text(&deadline.basis)
    ));
    human.push('\n');
    human.push_str(&t!(
        "cmd-deadline-calendar",
        calendar = calendar_name(&deadline.calendar)
    ));
    // How certain the calendar's schedule is closes the answer: after the verdict on
    // `--sent`, so the conclusion follows the deadline it judges, and not at all when the
    // verdict's own message says it (`judgement_is_provisional`).
    let mut calendar_note = String::new();
    if !deadline.calendar_covers {
        calendar_note.push('\n');
        calendar_note.push_str(&t!("cmd-calendar-not-covering-deadline"));
    } else {
        let (schedule, year) =
            cal.least_certain_schedule(&[deadline.signed_at.date(), deadline.next_working_day]);
        push_schedule_note(&mut calendar_note, schedule, year);
    }
    let Some(sent) = args.sent else {
        human.push_str(&calendar_note);
        let json = to_json(&DeadlineOutput {
            deadline,
            judgement: None,
        })?;
        return Ok(CmdResult::Valid { human, json });
    };
    let sent_at = parse_time(sent.trim(), "--sent", args.local)?;
    let finding = judge_send(&deadline, sent_at);
    human.push('\n');
    human.push_str(&t!(
        "cmd-deadline-verdict",
        sent = prose_time(sent_at),
        outcome = outcome_word(finding.outcome),
        rule = finding.rule.as_ref(),
        basis = basis_text(&finding.basis),
        message = finding_message(&finding),
    ));
    if !deadline.judgement_is_provisional(sent_at) {
        human.push_str(&calendar_note);
    }
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

/// The upper-case label of an outcome in the run's language (CORE-06: ĐẠT, LƯU Ý, CHƯA RÕ,
/// KHÔNG ĐẠT in Vietnamese; PASS, WARNING, UNKNOWN, FAIL in English).
pub(crate) fn outcome_word(outcome: Outcome) -> String {
    match outcome {
        Outcome::Pass => t!("outcome-pass"),
        Outcome::Warning => t!("outcome-warning"),
        Outcome::Unknown => t!("outcome-unknown"),
        Outcome::Fail => t!("outcome-fail"),
    }
}

/// A finding's message in the run's language (CORE-06).
pub(crate) fn finding_message(f: &Finding) -> &str {
    match lang() {
        Lang::Vi => &f.message_vi,
        Lang::En => &f.message,
    }
}

/// A citation in the run's language: `khoản 2 Điều 6 QĐ 28/2018/QĐ-TTg` in Vietnamese, the
/// short form `QĐ 28/2018/QĐ-TTg Đ6.2` in English (CORE-06, CORE-14: the instrument as written).
pub(crate) fn basis_text(basis: &LegalRef) -> String {
    match lang() {
        Lang::Vi => basis.to_string_vi(),
        Lang::En => basis.to_string(),
    }
}

/// The weekday of `date` in the run's language (thứ Hai … Chủ nhật; Monday … Sunday).
pub(crate) fn weekday(date: NaiveDate) -> String {
    use chrono::{Datelike, Weekday};
    match date.weekday() {
        Weekday::Mon => t!("weekday-mon"),
        Weekday::Tue => t!("weekday-tue"),
        Weekday::Wed => t!("weekday-wed"),
        Weekday::Thu => t!("weekday-thu"),
        Weekday::Fri => t!("weekday-fri"),
        Weekday::Sat => t!("weekday-sat"),
        Weekday::Sun => t!("weekday-sun"),
    }
}

/// A time as the run's language writes it to people: `16:30 ngày 13/02/2026` in Vietnamese
/// (Vietnam time), ISO 8601 in English.
pub(crate) fn prose_time(t: VnDateTime) -> String {
    match lang() {
        Lang::Vi => egov_core::i18n::datetime_vi(t),
        Lang::En => t.to_string(),
    }
}

/// A time or date that a library carries as ISO 8601 text, in prose: Vietnamese prose's form
/// in Vietnamese ([`egov_core::i18n::iso_vi`]), as written in English (CORE-06).
pub(crate) fn prose_iso(text: &str) -> String {
    match lang() {
        Lang::Vi => egov_core::i18n::iso_vi(text),
        Lang::En => text.to_owned(),
    }
}

/// A date in prose: dd/mm/yyyy in Vietnamese, ISO in English (CORE-06).
pub(crate) fn prose_date(date: NaiveDate) -> String {
    match lang() {
        Lang::Vi => egov_core::i18n::date_vi(date),
        Lang::En => date.to_string(),
    }
}

/// The reason a calendar gives for a day, in the run's language (CORE-02, CORE-06). The
/// built-in table writes «Vietnamese (English)»: Vietnamese prints the Vietnamese part; English
/// prints the English part with the official Vietnamese name quoted. A reason of a caller's
/// table in another form is the caller's text, printed as written (quoted in English).
pub(crate) fn day_reason(reason: &str) -> String {
    let split = reason
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once(" ("))
        .filter(|(vi, en)| !vi.trim().is_empty() && !en.trim().is_empty());
    match (lang(), split) {
        (Lang::Vi, Some((vi, _))) => vi.trim().to_owned(),
        (Lang::En, Some((vi, en))) => format!("{} («{}»)", en.trim(), vi.trim()),
        (Lang::Vi, None) => reason.to_owned(),
        (Lang::En, None) => format!("«{reason}»"),
    }
}

/// A calendar's name in the run's language (the library names its built-in calendar in
/// Vietnamese: «lịch làm việc của cơ quan nhà nước (vn-public-sector, phiên bản 23/11/2026)»).
fn calendar_name(name: &str) -> String {
    egov_core::calendar::vietnam::name_for_people(name, lang())
}

/// The urgency in the run's language, or «not urgent».
fn urgency_text(u: Option<Urgency>) -> String {
    match (u, lang()) {
        (None, _) => t!("cmd-not-urgent"),
        (Some(u), Lang::Vi) => u.name_vi().to_owned(),
        (Some(u), Lang::En) => u.name_en().to_owned(),
    }
}

/// Text lines for findings: `[ĐẠT] message (rule, basis)` in the run's language.
fn findings_text(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "\n  [{}] {} ({}, {})",
                outcome_word(f.outcome),
                finding_message(f),
                f.rule,
                basis_text(&f.basis)
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
        message: t!(
            "cmd-cannot-read",
            path = path.display().to_string(),
            detail = crate::files::io_detail(&e)
        ),
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
    let parsed = AgencyCode::parse_with(input, profile).map_err(|e| {
        let refused = CmdResult::error(&e);
        // A code the lenient profile takes (spaces around it, a lowercase letter, …): say how.
        if !lenient && AgencyCode::parse_with(input, AgencyProfile::LENIENT).is_ok() {
            refused.with_hint("cmd-code-lenient-would-accept")
        } else {
            refused
        }
    })?;
    let code = parsed.value;
    let mut findings = parsed.findings();
    findings.extend(code.check());
    let mut registry_answer = None;
    let mut not_in_registry = false;
    if let Some(path) = registry {
        let text = read_input(path)?;
        let reg = crate::registry::registry_from_text(&text, path)?;
        let on = match as_of {
            Some(d) => parse_date(d, "--as-of")?,
            None => {
                return Err(CmdResult::Error {
                    code: "usage.as_of".to_owned(),
                    message: t!("cmd-registry-needs-as-of"),
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
        .map_or_else(|| t!("cmd-code-no-parent"), |p| p.to_string());
    let [g4, g3, g2, g1] = code.groups();
    let human = t!(
        "cmd-code",
        code = code.to_string(),
        level = code.level(),
        parent = parent,
        root = code.root().to_string(),
        g4 = g4.to_string(),
        g3 = g3.to_string(),
        g2 = g2.to_string(),
        g1 = g1.to_string(),
    ) + &findings_text(&findings);
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
        || t!("cmd-docnum-no-type"),
        |ty| match lang() {
            Lang::Vi => ty.name_vi().to_owned(),
            Lang::En => format!("{} («{}»)", ty.name_en(), ty.name_vi()),
        },
    );
    let human = t!(
        "cmd-docnum",
        value = n.to_string(),
        number = n.number().to_string(),
        year = n.year().map_or_else(|| "—".to_owned(), |y| y.to_string()),
        symbol = n.symbol().to_string(),
        doc_type = type_text,
        issuer = n.issuer().to_string(),
        unit = n.drafting_unit().unwrap_or("—"),
    ) + &findings_text(&findings);
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
    let human = t!(
        "cmd-docid",
        value = id.to_string(),
        agency = id.organ_id().to_string(),
        date = prose_date(id.promulgation_date()),
        number = id.number().to_string(),
        year_seq =
            structural.map_or_else(|| "—".to_owned(), |d| format!("{}, {}", d.year(), d.seq())),
    ) + &findings_text(&findings);
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
    let human =
        t!("cmd-metadata", outcome = outcome_word(overall)) + &findings_text(&report.findings);
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
