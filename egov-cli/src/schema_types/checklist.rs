//! The JSON Schemas of `egov checklist list|show` and the checklist inputs (service facts, indicators): the answer types and their [`Entry`] list.

use egov_checklist::indicators::Indicator;
use egov_checklist::kpi::Target;
use egov_checklist::{Checklist, Item, Status};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::schema::{entry, Entry};

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Input, "service-facts", egov_checklist::service_levels::ServiceFacts,
            "Thông tin về dịch vụ công trực tuyến / Online public service facts (dự thảo 003 Đ16)",
            "Read by `egov checklist service-level FILE` (JSON): the facts that place a service in the levels of draft 003 Đ16 and the legacy levels 1–4."),
        entry!(Input, "indicators", IndicatorsFile,
            "Chỉ số định hướng / Direction indicators (OTH-39/40, NĐ 137/2024/NĐ-CP Đ10.3–10.5)",
            "Read by `egov checklist indicators FILE` (JSON): an array of indicators, or `{\"indicators\": [...]}`."),
        entry!(Input, "checklist", Checklist,
            "Danh mục nghĩa vụ / Checklist of duties",
            "Read by `--file TOML` of every `egov checklist` subcommand (TOML): your own checklist, added to the shipped ones (as in egov-checklist/checklists/)."),
        entry!(Input, "kpi-targets", KpiTargetsFile,
            "Chỉ tiêu cần theo dõi / KPI targets (QĐ 942/QĐ-TTg)",
            "Read by `egov checklist kpi FILE --targets TOML` (TOML `[[target]]` tables, as in egov-checklist/kpi/qd942.toml): your own targets instead of the strategy's."),
        entry!(Output, "checklist-list", ChecklistListOutput,
            "Danh sách danh mục / Checklists",
            "Printed by `egov --json checklist list [--file TOML]…`."),
        entry!(Output, "checklist-show", ChecklistShowOutput<'static>,
            "Nghĩa vụ của một danh mục / One checklist's duties",
            "Printed by `egov --json checklist show ID [--file TOML]…`; an unknown id prints `error` (exit 1)."),
    ]
}

/// The indicators `egov checklist indicators` reads (OTH-39/40).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Read for its schema only; `parse_indicators` reads the file.
pub enum IndicatorsFile {
    /// A list of indicators.
    List(Vec<Indicator>),
    /// `{"indicators": [...]}`.
    Wrapped(WrappedIndicators),
}

/// `{"indicators": [...]}` (no other member).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read for its schema only; `parse_indicators` reads the file.
pub struct WrappedIndicators {
    /// The indicators, each with its seven elements (Đ10.4) and the Đ10.5 criteria it meets.
    pub indicators: Vec<Indicator>,
}

/// The targets `egov checklist kpi --targets` reads.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read for its schema only; `parse_targets` reads the file.
pub struct KpiTargetsFile {
    /// One `[[target]]` table per target; ids are unique.
    pub target: Vec<Target>,
}

/// `egov checklist list`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChecklistListOutput {
    /// Every checklist (shipped and `--file`), by id.
    pub checklists: Vec<ChecklistRow>,
}

/// One checklist in the list.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChecklistRow {
    /// Stable identifier (`nd137-d13-incident-plans`).
    pub id: String,
    /// Its version (the date its text was last checked against the law).
    pub version: String,
    /// How binding it is: `in_force`, `draft` (not law) or `policy` (targets, not duties).
    pub status: Status,
    /// Number of duties, those of the checklists it includes counted.
    pub items: usize,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
}

/// `egov checklist show ID`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChecklistShowOutput<'a> {
    /// The checklist as written (its own duties under `item`).
    pub checklist: &'a Checklist,
    /// Every duty, those of the included checklists first, with the checklist each comes from.
    pub items: Vec<ShowItem<'a>>,
}

/// One duty of `egov checklist show`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShowItem<'a> {
    /// The id of the checklist it comes from.
    pub from: &'a str,
    /// The duty: rule ID, citation, the words of the law, the evidence that decides it.
    pub item: &'a Item,
}
