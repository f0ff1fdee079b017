//! How the monthly counts were produced, when this SDK counted them, and what that says about
//! the classification built on them (PLAT-01, NĐ 137/2024 Đ17.1–2).
//!
//! Every line and event not counted is accounted for by reason; a classification built on input
//! with lines not counted says so next to the class, with the share not counted
//! ([`CountingSummary::findings`]).

use egov_core::{Finding, Instrument, Lang, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::counter::{CountStats, MonthActivity};
use crate::csv::ParseStats;

/// A count as people read it in `lang` (grouped by threes from five digits: `60 000`).
fn count(lang: Lang, n: u64) -> String {
    lang.number(&n.to_string())
}

/// How the monthly counts were produced, when this SDK counted them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountingSummary {
    /// Per-month distinct users and events.
    pub months: Vec<MonthActivity>,
    /// Event accounting.
    pub events: CountStats,
    /// Line accounting of the CSV input, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<ParseStats>,
    /// How string identifiers are reduced to keys.
    #[serde(default = "id_hash")]
    pub id_hash: String,
    /// Birthday bound on a key collision among the largest month's users (display).
    #[serde(default)]
    pub collision_bound: String,
    /// How the count was made, when it was not made by this process alone: the engine and the
    /// method (`engine-exact: Apache Spark 3.5.9 COUNT(DISTINCT) over egov's SQL`), recorded as
    /// the counting methodology (PLAT-12, NĐ 137/2024 Đ18.4.c) next to the class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

fn id_hash() -> String {
    "integers as is; other identifiers XXH3-64 (seed 0)".to_owned()
}

/// `part` of `whole` in percent, two decimals (display only): written with a point, and as
/// Vietnamese writes it (decimal comma).
fn percent(part: u64, whole: u64) -> (String, String) {
    let share = crate::classify::decimal(i128::from(part) * 100, u128::from(whole.max(1)), 2);
    let share_vi = Lang::Vi.number(&share);
    (share, share_vi)
}

impl CountingSummary {
    /// A summary of counted months and accounting.
    pub fn new(months: Vec<MonthActivity>, events: CountStats, lines: Option<ParseStats>) -> Self {
        let max = months.iter().map(|m| m.active_users).max().unwrap_or(0);
        CountingSummary {
            months,
            events,
            lines,
            id_hash: id_hash(),
            collision_bound: crate::counter::collision_bound(max),
            method: None,
        }
    }

    /// The same summary, recording how the count was made (PLAT-12, Đ18.4.c).
    pub fn with_method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into());
        self
    }

    /// The same summary, stating that string identifiers were keyed with the platform's salt
    /// (`salt_id` names it) instead of XXH3-64.
    pub fn keyed_with(mut self, salt_id: &str) -> Self {
        self.id_hash = format!(
            "integers as is; other identifiers SipHash-2-4 under the platform's salt (salt id {salt_id})"
        );
        self
    }

    /// What the accounting says about counts built on it (PLAT-01, Đ17.1–2):
    ///
    /// * lines not counted (malformed, a kind outside Đ17.1, …): **Warning**, with their number,
    ///   their share of the data lines, the reasons and the kinds not counted;
    /// * events with a timestamp outside 1970–2199: **Warning**;
    /// * events of users outside Vietnam: **Pass**, stated (Đ17.2 counts users in Vietnam only).
    pub fn findings(&self) -> Vec<Finding> {
        let basis = LegalRef::clause(Instrument::Nd137_2024, 17, 1);
        let mut out = Vec::new();
        if let Some(l) = self.lines.as_ref().filter(|l| l.malformed > 0) {
            let data_lines = l.events + l.malformed;
            let (share, share_vi) = percent(l.malformed, data_lines);
            let reasons: Vec<String> = l
                .malformed_by_reason
                .iter()
                .map(|(r, n)| format!("{}: {n}", r.describe()))
                .collect();
            let reasons_vi: Vec<String> = l
                .malformed_by_reason
                .iter()
                .map(|(r, n)| format!("{}: {n}", r.describe_vi()))
                .collect();
            let kinds: Vec<String> = l
                .unrecognised_kinds
                .iter()
                .map(|(k, n)| format!("«{k}» × {n}"))
                .collect();
            let (kinds_en, kinds_vi) = if kinds.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!("; kinds not counted: {}", kinds.join(", ")),
                    format!("; loại hoạt động không được đếm: {}", kinds.join(", ")),
                )
            };
            out.push(
                Finding::new(
                    "PLAT-01",
                    basis.clone(),
                    Outcome::Warning,
                    format!(
                        "{} of {} data lines ({share} %) were not counted ({}){kinds_en}; the monthly counts leave them out",
                        count(Lang::En, l.malformed),
                        count(Lang::En, data_lines),
                        reasons.join("; ")
                    ),
                    format!(
                        "{} trong {} dòng dữ liệu ({share_vi}%) không được đếm ({}){kinds_vi}; số người dùng hằng tháng không tính các dòng này",
                        count(Lang::Vi, l.malformed),
                        count(Lang::Vi, data_lines),
                        reasons_vi.join("; ")
                    ),
                )
                .with_field("counting.lines")
                .with_evidence(json!({
                    "lines_not_counted": l.malformed,
                    "data_lines": data_lines,
                    "share_percent": share,
                    "by_reason": l.malformed_by_reason,
                    "unrecognised_kinds": l.unrecognised_kinds,
                })),
            );
        }
        if let Some(method) = &self.method {
            out.push(
                Finding::new(
                    "PLAT-12",
                    LegalRef::point(Instrument::Nd137_2024, 18, 4, "c"),
                    Outcome::Pass,
                    format!("counting method: {method}"),
                    format!("phương pháp đếm số người sử dụng có hoạt động: {method}"),
                )
                .with_field("counting.method"),
            );
        }
        let e = &self.events;
        if e.timestamp_out_of_range > 0 {
            let (share, share_vi) = percent(e.timestamp_out_of_range, e.events_seen);
            out.push(
                Finding::new(
                    "PLAT-01",
                    basis.clone(),
                    Outcome::Warning,
                    format!(
                        "{} of {} events ({share} %) have a timestamp outside 1970–2199 and were not counted",
                        count(Lang::En, e.timestamp_out_of_range),
                        count(Lang::En, e.events_seen)
                    ),
                    format!(
                        "{} trong {} sự kiện ({share_vi}%) có thời điểm ngoài khoảng 1970–2199, không được đếm",
                        count(Lang::Vi, e.timestamp_out_of_range),
                        count(Lang::Vi, e.events_seen)
                    ),
                )
                .with_field("counting.events"),
            );
        }
        if e.outside_vietnam > 0 {
            let (share, share_vi) = percent(e.outside_vietnam, e.events_seen);
            out.push(
                Finding::new(
                    "PLAT-01",
                    LegalRef::clause(Instrument::Nd137_2024, 17, 2),
                    Outcome::Pass,
                    format!(
                        "{} of {} events ({share} %) are of users outside Vietnam and are not counted (Đ17.2 «tại Việt Nam»)",
                        count(Lang::En, e.outside_vietnam),
                        count(Lang::En, e.events_seen)
                    ),
                    format!(
                        "{} trong {} sự kiện ({share_vi}%) là của người dùng ngoài Việt Nam, không được đếm (khoản 2 Điều 17 «tại Việt Nam»)",
                        count(Lang::Vi, e.outside_vietnam),
                        count(Lang::Vi, e.events_seen)
                    ),
                )
                .with_field("counting.events"),
            );
        }
        out
    }
}

/// Why monthly counts could not be read from JSON (PLAT-01 → PLAT-02…06).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountsJsonError {
    /// Neither an array of months nor an object with `months` or `counting`.
    #[error("monthly counts: expected an array of {{\"month\", \"active_users\"}} or an object with \"months\" or \"counting\"")]
    Shape,
    /// The months do not read (serde's reason).
    #[error("monthly counts: {0}")]
    Months(String),
    /// The event accounting (`events` or `stats`) does not read.
    #[error("event accounting: {0}")]
    Events(String),
    /// The line accounting (`lines`) does not read.
    #[error("line accounting: {0}")]
    Lines(String),
}

impl egov_core::ErrorCode for CountsJsonError {
    fn code(&self) -> &'static str {
        "platform.invalid_monthly"
    }
}

/// The part that does not read and serde's reason, in Vietnamese (CORE-06).
impl egov_core::Localize for CountsJsonError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        let json = |r: &str| egov_core::i18n::format_error_vi("JSON", r);
        let (part, reason) = match self {
            CountsJsonError::Shape => (
                "số người dùng hằng tháng",
                "cần một danh sách các «{\"month\", \"active_users\"}», hoặc một đối tượng có «months» hoặc «counting»".to_owned(),
            ),
            CountsJsonError::Months(r) => ("số người dùng hằng tháng", json(r)),
            CountsJsonError::Events(r) => ("số liệu đối soát sự kiện", json(r)),
            CountsJsonError::Lines(r) => ("số liệu đối soát dòng", json(r)),
        };
        egov_core::args!(part = part, reason = reason)
    }
}

/// Monthly counts from the JSON any egov step produces, so that each output feeds the next
/// (PLAT-01 → PLAT-02…06):
///
/// * an array of `{"month", "active_users"}` (extra members such as `events` allowed);
/// * a counter's months `{"months": [...], "stats": {...}, "lines"?: {...}}` (C, Python);
/// * a counting summary `{"months", "events", "lines"?, …}`;
/// * any object with `"counting"` (the CLI's `egov platform count --json`, a report).
///
/// The counting accounting, when present, comes back too: a classification built on it
/// reports the lines not counted ([`CountingSummary::findings`]).
pub fn counts_from_json(
    value: &serde_json::Value,
) -> Result<(Vec<crate::MonthlyCount>, Option<CountingSummary>), CountsJsonError> {
    use serde_json::Value;
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    struct Month {
        month: crate::YearMonth,
        active_users: u64,
        #[serde(default)]
        events: u64,
    }
    let months_of = |v: &Value| -> Result<Vec<Month>, CountsJsonError> {
        serde_json::from_value(v.clone()).map_err(|e| CountsJsonError::Months(e.to_string()))
    };
    // How ids became keys and how the count was made, carried over when stated.
    let mut extra: (Option<String>, Option<String>) = (None, None);
    let (months, stats, lines) = match value {
        Value::Array(_) => (months_of(value)?, None, None),
        Value::Object(o) => {
            if let Some(c) = o.get("counting").filter(|c| c.is_object()) {
                return counts_from_json(c);
            }
            let Some(m) = o.get("months") else {
                return Err(CountsJsonError::Shape);
            };
            let stats = match o.get("events").or_else(|| o.get("stats")) {
                Some(s) if s.is_object() => Some(
                    serde_json::from_value::<CountStats>(s.clone())
                        .map_err(|e| CountsJsonError::Events(e.to_string()))?,
                ),
                _ => None,
            };
            let lines = match o.get("lines") {
                Some(l) if l.is_object() => Some(
                    serde_json::from_value::<ParseStats>(l.clone())
                        .map_err(|e| CountsJsonError::Lines(e.to_string()))?,
                ),
                _ => None,
            };
            let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
            extra = (text("id_hash"), text("method"));
            (months_of(m)?, stats, lines)
        }
        _ => return Err(CountsJsonError::Shape),
    };
    let monthly = months
        .iter()
        .map(|m| crate::MonthlyCount {
            month: m.month,
            active_users: m.active_users,
        })
        .collect();
    let summary = stats.map(|stats| {
        let activity = months
            .iter()
            .map(|m| MonthActivity {
                month: m.month,
                active_users: m.active_users,
                events: m.events,
            })
            .collect();
        let mut s = CountingSummary::new(activity, stats, lines);
        if let Some(h) = extra.0 {
            s.id_hash = h;
        }
        s.method = extra.1;
        s
    });
    Ok((monthly, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plat_01_every_count_output_feeds_the_classification() {
        let months = serde_json::json!([
            {"month": "2025-01", "active_users": 5, "events": 9},
            {"month": "2025-02", "active_users": 6, "events": 9}
        ]);
        let stats = serde_json::json!({"events_seen": 20, "events_counted": 18, "outside_vietnam": 2, "timestamp_out_of_range": 0});
        let lines = serde_json::json!({"lines": 21, "header_lines": 1, "blank_lines": 0, "events": 20, "malformed": 0, "malformed_by_reason": {}, "examples": []});
        let forms = [
            months.clone(),
            serde_json::json!({"months": months, "stats": stats}),
            serde_json::json!({"months": months, "stats": stats, "lines": lines}),
            serde_json::json!({"counting": {"months": months, "events": stats, "lines": lines}, "threads": 2}),
        ];
        for (i, f) in forms.iter().enumerate() {
            let (monthly, summary) = counts_from_json(f).unwrap();
            assert_eq!(monthly.len(), 2);
            assert_eq!(monthly[1].active_users, 6);
            assert_eq!(summary.is_some(), i > 0, "form {i}");
            if let Some(s) = summary {
                assert_eq!(s.events.outside_vietnam, 2);
                assert_eq!(s.months[0].events, 9);
            }
        }
        assert!(counts_from_json(&serde_json::json!({"rows": []})).is_err());
        assert!(counts_from_json(&serde_json::json!(3)).is_err());
    }

    #[test]
    fn plat_12_the_counting_method_of_an_engine_result_is_a_finding_next_to_the_class() {
        // A Spark result saved as JSON (egov.spark: "method", and the SQL it ran) feeds the
        // classification, and its method is recorded (Đ18.4.c).
        let f = serde_json::json!({
            "months": [{"month": "2025-01", "active_users": 5, "events": 9}],
            "events": {"events_seen": 9, "events_counted": 9, "outside_vietnam": 0, "timestamp_out_of_range": 0},
            "method": "engine-exact: Apache Spark 3.5.9 COUNT(DISTINCT) over egov's SQL",
            "sql": {"monthly": "SELECT …", "outcomes": "SELECT …"}
        });
        let (_, summary) = counts_from_json(&f).unwrap();
        let summary = summary.unwrap();
        let findings = summary.findings();
        let m = findings.iter().find(|f| f.rule == "PLAT-12").unwrap();
        assert_eq!(m.outcome, Outcome::Pass);
        assert!(m.message.contains("Apache Spark 3.5.9"), "{}", m.message);
        assert!(m.message_vi.contains("phương pháp đếm"));
        assert_eq!(m.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ18.4.c");
        // Without a method, no such finding.
        let plain = CountingSummary::new(summary.months.clone(), summary.events, None);
        assert!(plain.findings().iter().all(|f| f.rule != "PLAT-12"));
        assert_eq!(plain.with_method("x").method.as_deref(), Some("x"),);
    }

    #[test]
    fn plat_01_shares_not_counted_read_with_a_decimal_comma_in_vietnamese() {
        let f = serde_json::json!({
            "months": [{"month": "2025-01", "active_users": 5, "events": 9}],
            "events": {"events_seen": 3575, "events_counted": 3407, "outside_vietnam": 168, "timestamp_out_of_range": 0}
        });
        let (_, summary) = counts_from_json(&f).unwrap();
        let findings = summary.unwrap().findings();
        let abroad = findings
            .iter()
            .find(|f| f.message.contains("outside Vietnam"))
            .unwrap();
        assert!(
            abroad.message.contains("168 of 3575 events (4.7 %)"),
            "{}",
            abroad.message
        );
        assert!(
            abroad.message_vi.contains("168 trong 3575 sự kiện (4,7%)"),
            "{}",
            abroad.message_vi
        );
    }
}
