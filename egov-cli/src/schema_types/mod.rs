//! The CLI's own `--json` answers as types (what `serde_json::json!` built before), so that their
//! JSON Schema is generated like the library types' ([`crate::schema`]). Every answer goes
//! through `serde_json::to_value`, whose maps are sorted: the printed JSON is the same bytes as
//! the `json!` objects gave.

use chrono::NaiveDate;
use egov_core::{DayKind, Finding, Outcome};
use egov_docs::agency::AgencyCodeView;
use egov_docs::deadline::SendDeadline;
use egov_docs::registry::RegistryStatus;
use egov_platform_class::YearMonth;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::output::CmdResult;

pub mod checklist;
pub mod docs;
pub mod edxml;
pub mod marks;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod platform;
pub mod registry;
pub mod trust;

/// The answer as JSON; a type that does not serialise is an internal error (it cannot happen
/// for these types, but the CLI does not panic).
pub fn to_json<T: Serialize>(value: &T) -> Result<serde_json::Value, CmdResult> {
    serde_json::to_value(value).map_err(|e| CmdResult::Error {
        code: "internal".into(),
        message: e.to_string(),
    })
}

/// `{"error": {"code", "message"}}`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorOutput {
    /// What went wrong.
    pub error: ErrorBody,
}

/// The error's code and message.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    /// A stable code: `io.read`, `metadata.json`, `usage`, … (`usage…`, `io…`, `internal`
    /// and `….internal` exit 2, the others 1).
    pub code: String,
    /// What went wrong, for people (in English for an error of an egov library).
    pub message: String,
    /// What went wrong in Vietnamese (CORE-06), when the error comes from an egov library
    /// (every library error has it); absent for the command-line tool's own errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_vi: Option<String>,
}

/// `egov code`: the code's view and the registry's answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CodeOutput<'a> {
    /// The code, its level, parent, root, groups and findings.
    #[serde(flatten)]
    pub view: AgencyCodeView<'a>,
    /// The registry's answer; null without `--registry`.
    pub registry: Option<RegistryAnswer>,
}

/// What the registry says about the code on a date.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegistryAnswer {
    /// The date asked about.
    pub as_of: NaiveDate,
    /// Active, superseded, unknown, ….
    pub status: RegistryStatus,
}

/// `egov metadata`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MetadataOutput {
    /// The worst outcome of the findings.
    pub overall: Outcome,
    /// One or more findings per point a)–q), in the order of Đ10.2.
    pub findings: Vec<Finding>,
}

/// `egov workday`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WorkdayOutput {
    /// The date asked about.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub is_working_day: bool,
    /// What kind of day it is, and why.
    pub day_kind: DayKind,
    /// The next working day after it.
    pub next_working_day: NaiveDate,
    /// The calendar's name and version.
    pub calendar: String,
    /// Whether the calendar's table covers the date's year (only weekends apply outside it).
    pub calendar_covers_date: bool,
    /// Where the answer comes from for the date and the next working day, the least certain of
    /// their years: announced, partly announced, the statutory projection (it may change when
    /// the year's schedule is announced), or not covered (CORE-02).
    pub calendar_schedule: egov_core::YearSchedule,
}

/// `egov deadline`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DeadlineOutput {
    /// The send deadlines.
    pub deadline: SendDeadline,
    /// With `--sent`: whether the send was on time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judgement: Option<Finding>,
}

/// `egov checklist kpi`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct KpiOutput {
    /// The day the targets were judged on.
    pub as_of: NaiveDate,
    /// The targets with observations, in the targets' order.
    pub tracked: Vec<egov_checklist::kpi::TrackedTarget>,
    /// The ids of the targets without observations.
    pub without_observations: Vec<String>,
}

/// `egov checklist indicators`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct IndicatorsOutput {
    /// How many indicators the file has.
    pub indicators: usize,
    /// The findings (OTH-39/40).
    pub findings: Vec<Finding>,
}

/// `egov checklist service-level`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ServiceLevelOutput {
    /// The service's place in the levels.
    pub classification: egov_checklist::service_levels::Classification,
    /// The finding.
    pub finding: Finding,
}

/// `egov checklist template ID --json`: the template's text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TemplateText {
    /// The evidence file to fill in (TOML).
    pub template: String,
}

/// `egov schema --json` (no name): the schemas there are.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SchemaList {
    /// `input/metadata`, `output/code`, ….
    pub schemas: Vec<String>,
}

/// `egov template --json` (no kind): the kinds there are.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TemplateList {
    /// `metadata`, `calendar`, ….
    pub templates: Vec<String>,
}

pub use crate::schema::Written as WrittenOutput;

/// Monthly active users as `egov platform classify|report --monthly FILE` reads them from JSON
/// or TOML (other forms: CSV lines `YYYY-MM,COUNT`, or any egov counter's JSON output).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Read for its schema only; `counts_from_json` reads the file.
pub enum MonthlyCountsFile {
    /// A list of months.
    List(Vec<MonthEntry>),
    /// An object with `months` (a counter's output, or `egov template platform-history`).
    Months(MonthsObject),
}

/// `{"months": [...]}`: other members (`$schema`, `events`, `lines`, …) are allowed.
#[derive(Debug, Deserialize, JsonSchema)]
#[allow(dead_code)] // Read for its schema only; `counts_from_json` reads the file.
pub struct MonthsObject {
    /// The months, oldest first: twelve for a classification (Đ17.1).
    pub months: Vec<MonthEntry>,
}

/// One month's count (PLAT-01, Đ17.1).
#[derive(Debug, Deserialize, JsonSchema)]
#[allow(dead_code)] // Read for its schema only; `counts_from_json` reads the file.
pub struct MonthEntry {
    /// The month, YYYY-MM.
    pub month: YearMonth,
    /// Distinct active users located in Vietnam in that month.
    pub active_users: u64,
    /// Events counted that month (kept from a counter's output; not used).
    #[serde(default)]
    pub events: u64,
}
