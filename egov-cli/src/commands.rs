//! One function per subcommand: parse the input with the library, build the answer.
//! No rule of law lives here; the CLI is glue.

use std::path::Path;

use chrono::NaiveDate;
use egov_core::{DayKind, WorkingCalendar};
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
