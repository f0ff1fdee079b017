//! One function per subcommand: parse the input with the library, build the answer.
//! No rule of law lives here; the CLI is glue.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use egov_core::{DayKind, ErrorCode, Outcome, TimeError, VnDateTime, WorkingCalendar};
use egov_docs::deadline::{judge_send, send_deadline, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::urgency::Urgency;
use serde_json::json;

use crate::output::CmdResult;

/// Loads the calendar from `path`, or the built-in one.
fn load_calendar(path: Option<&Path>) -> Result<WorkingCalendar, CmdResult> {
    let Some(path) = path else {
        return Ok(WorkingCalendar::vietnam());
    };
    let text = std::fs::read_to_string(path).map_err(|e| CmdResult::Error {
        code: "io.read".to_owned(),
        message: format!("cannot read calendar file {}: {e}", path.display()),
    })?;
    WorkingCalendar::from_json(&text).map_err(|e| CmdResult::error(&e))
}

/// `egov workday <DATE>`.
pub fn workday(date: &str, calendar: Option<&Path>) -> CmdResult {
    let cal = match load_calendar(calendar) {
        Ok(cal) => cal,
        Err(e) => return e,
    };
    let Ok(day) = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") else {
        return CmdResult::Error {
            code: "date.invalid".to_owned(),
            message: format!("'{date}' is not a date (expected YYYY-MM-DD)"),
        };
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
    let json = json!({
        "date": day,
        "is_working_day": kind.is_working(),
        "day_kind": kind,
        "next_working_day": next,
        "calendar": cal.name,
        "calendar_covers_date": covered,
    });
    CmdResult::Valid { human, json }
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

fn parse_time(input: &str, local: bool) -> Result<VnDateTime, CmdResult> {
    let parsed = if local {
        VnDateTime::parse_local(input)
    } else {
        VnDateTime::parse(input)
    };
    parsed.map_err(|e| match e {
        TimeError::MissingOffset { .. } => CmdResult::Error {
            code: e.code().to_owned(),
            message: format!("{e} (pass --local to read it as Vietnam time)"),
        },
        _ => CmdResult::error(&e),
    })
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
    let deadline = match NaiveDate::parse_from_str(signed, "%Y-%m-%d") {
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
    let mut json = json!({ "deadline": deadline });
    let Some(sent) = args.sent else {
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
    json["judgement"] = json!(finding);
    Ok(if finding.outcome == Outcome::Fail {
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
