//! Engine-exact counting (issue 15; PLAT-01, NĐ 137/2024 Đ17.1; §7 A-12…A-14): the SQL that
//! applies egov's counting rules inside the engine that holds the activity logs (Spark, DuckDB,
//! Trino, BigQuery), so that the cluster counts with its own `COUNT(DISTINCT)` and egov
//! classifies the result ([`summary_from_engine`]), recording the engine as the counting
//! method (Đ18.4.c).
//!
//! The rules, the same as egov's own counter ([`crate::counter`], [`crate::csv`]):
//! * a row is an event when it has a user id (not empty after trimming), a timestamp, an
//!   activity kind of Đ17.1 (`login`/`l`, `access`/`a`/`information_access`,
//!   `service`/`s`/`service_use`, or the caller's aliases) and an in-Vietnam flag that is a
//!   boolean (`true`/`1`/`yes`/`y`, `false`/`0`/`no`/`n`); otherwise it is not counted, for the
//!   first of these reasons that applies (`empty_user`, `bad_timestamp`, `bad_kind`,
//!   `bad_in_vietnam`);
//! * an event outside Vietnam is not counted (`outside_vietnam`); nor one whose Vietnam-time
//!   year is outside 1970–2199 (`timestamp_out_of_range`);
//! * the month is the calendar month in Vietnam time, UTC+7 without daylight saving since
//!   1975, computed by arithmetic on Unix seconds (floored), never through the session's
//!   time zone;
//! * a user is active in a month when one counted event of the month is theirs:
//!   `COUNT(DISTINCT user)`.
//!
//! One difference is stated, not hidden: without a salt, egov reads the string ids `"007"` and
//! `"7"` as the integer 7 (one user), where SQL compares the strings (two users). Count with
//! a salt ([`crate::ids::IdSalt`]) and egov compares the strings too.
//!
//! ```
//! use egov_platform_class::sql::{Dialect, EngineQuery};
//! let q = EngineQuery::new("events");
//! let sql = q.monthly_sql(Dialect::Spark);
//! assert!(sql.contains("COUNT(DISTINCT u)"));
//! assert!(q.outcomes_sql(Dialect::DuckDb).contains("GROUP BY outcome"));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::counter::{CountStats, MonthActivity};
use crate::csv::{KindAliases, MalformedReason, ParseStats};
use crate::month::YearMonth;
use crate::summary::CountingSummary;
use crate::ActivityKind;

/// The SQL engines egov writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dialect {
    /// Apache Spark SQL 3.1 or later (Databricks, EMR, Dataproc).
    Spark,
    /// DuckDB 0.10 or later.
    #[serde(rename = "duckdb")]
    DuckDb,
    /// Trino (and Presto-derived engines such as Athena v3).
    Trino,
    /// Google BigQuery (GoogleSQL).
    #[serde(rename = "bigquery")]
    BigQuery,
}

impl Dialect {
    /// The dialect named `spark`, `duckdb`, `trino` or `bigquery`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "spark" | "sparksql" | "databricks" => Some(Dialect::Spark),
            "duckdb" => Some(Dialect::DuckDb),
            "trino" | "presto" | "athena" => Some(Dialect::Trino),
            "bigquery" | "bq" => Some(Dialect::BigQuery),
            _ => None,
        }
    }

    fn string_type(self) -> &'static str {
        match self {
            Dialect::Spark | Dialect::BigQuery => "STRING",
            Dialect::DuckDb | Dialect::Trino => "VARCHAR",
        }
    }

    fn int_type(self) -> &'static str {
        match self {
            Dialect::BigQuery => "INT64",
            _ => "BIGINT",
        }
    }

    fn quote(self, ident: &str) -> String {
        match self {
            Dialect::Spark | Dialect::BigQuery => format!("`{}`", ident.replace('`', "``")),
            Dialect::DuckDb | Dialect::Trino => format!("\"{}\"", ident.replace('"', "\"\"")),
        }
    }

    /// The month `YYYY-MM` of the Unix day number expression `day`.
    fn month_of_day(self, day: &str) -> String {
        match self {
            Dialect::Spark => {
                format!("substring(CAST(date_from_unix_date(CAST({day} AS INT)) AS STRING), 1, 7)")
            }
            Dialect::DuckDb => {
                format!("strftime(DATE '1970-01-01' + CAST({day} AS INTEGER), '%Y-%m')")
            }
            Dialect::Trino => {
                format!("substr(CAST(date_add('day', {day}, DATE '1970-01-01') AS VARCHAR), 1, 7)")
            }
            Dialect::BigQuery => {
                format!("FORMAT_DATE('%Y-%m', DATE_ADD(DATE '1970-01-01', INTERVAL {day} DAY))")
            }
        }
    }

    /// Unix seconds (floored, as an integer) of the timestamp expression `col`.
    fn seconds(self, col: &str, time: SqlTime) -> String {
        let int = self.int_type();
        let floor_div = |d: &str| format!("CAST(floor({col} / {d}) AS {int})");
        match time {
            SqlTime::Seconds => format!("CAST({col} AS {int})"),
            SqlTime::Milliseconds => floor_div("1000.0"),
            SqlTime::Microseconds => floor_div("1000000.0"),
            SqlTime::Timestamp => match self {
                Dialect::Spark => format!("CAST(floor(unix_micros({col}) / 1000000.0) AS {int})"),
                Dialect::DuckDb => format!("CAST(floor(epoch_us({col}) / 1000000.0) AS {int})"),
                Dialect::Trino => format!("CAST(floor(to_unixtime({col})) AS {int})"),
                Dialect::BigQuery => format!("UNIX_SECONDS({col})"),
            },
        }
    }
}

/// What the timestamp column holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SqlTime {
    /// A TIMESTAMP (an instant; with or without a zone in the engine's sense).
    #[default]
    Timestamp,
    /// Unix seconds, an integer.
    Seconds,
    /// Unix milliseconds, an integer.
    Milliseconds,
    /// Unix microseconds, an integer.
    Microseconds,
}

/// The table and columns to count (defaults: `user_id`, `timestamp` as a TIMESTAMP, `kind`,
/// `in_vietnam`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EngineQuery {
    /// The table (or view) name, inserted as written: it may be qualified (`lake.events`).
    pub table: String,
    /// The user id column.
    pub user: String,
    /// The timestamp column.
    pub timestamp: String,
    /// What the timestamp column holds.
    pub time: SqlTime,
    /// The activity kind column; `None`: every row is `default_kind`.
    pub kind: Option<String>,
    /// The kind of every row when there is no kind column.
    pub default_kind: ActivityKind,
    /// The in-Vietnam column; `None`: the caller attests every row is in Vietnam (§7 A-13).
    pub in_vietnam: Option<String>,
    /// Extra names of the activity kinds (the caller's legal judgement).
    pub kinds: KindAliases,
}

impl Default for EngineQuery {
    fn default() -> Self {
        EngineQuery::new("events")
    }
}

/// Vietnam time is UTC+7 (no daylight saving since 1975).
const VN_OFFSET: i64 = 7 * 3600;
/// Unix seconds of 2200-01-01T00:00:00Z: Vietnam-time years 1970–2199 are counted.
const END_2199: i64 = 7_258_118_400;

fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

impl EngineQuery {
    /// The default columns of `table`.
    pub fn new(table: &str) -> Self {
        EngineQuery {
            table: table.to_owned(),
            user: "user_id".into(),
            timestamp: "timestamp".into(),
            time: SqlTime::Timestamp,
            kind: Some("kind".into()),
            default_kind: ActivityKind::Login,
            in_vietnam: Some("in_vietnam".into()),
            kinds: KindAliases::default(),
        }
    }

    /// The names that are kinds of Đ17.1: the built-in ones and the caller's aliases, sorted.
    fn kind_names(&self) -> Vec<String> {
        let mut names: Vec<String> = [
            "l",
            "login",
            "a",
            "access",
            "information_access",
            "s",
            "service",
            "service_use",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        names.extend(self.kinds.0.keys().cloned());
        names.sort();
        names.dedup();
        names
    }

    /// The common part: each row with its outcome (`counted` or the reason it is not) and,
    /// for counted rows, its Vietnam month.
    fn rows_cte(&self, d: Dialect) -> String {
        let s = d.string_type();
        let q = |c: &str| d.quote(c);
        let user = format!("NULLIF(TRIM(CAST({} AS {s})), '')", q(&self.user));
        let t = d.seconds(&q(&self.timestamp), self.time);
        let kind_ok = match &self.kind {
            Some(k) => {
                let names: Vec<String> = self.kind_names().iter().map(|n| sql_string(n)).collect();
                format!(
                    "COALESCE(TRIM(CAST({} AS {s})) IN ({}), FALSE)",
                    q(k),
                    names.join(", ")
                )
            }
            None => "TRUE".into(),
        };
        let (vn_true, vn_false) = match &self.in_vietnam {
            Some(v) => {
                let v = format!("TRIM(CAST({} AS {s}))", q(v));
                (
                    format!("COALESCE({v} IN ('1', 'true', 'yes', 'y'), FALSE)"),
                    format!("COALESCE({v} IN ('0', 'false', 'no', 'n'), FALSE)"),
                )
            }
            None => ("TRUE".into(), "FALSE".into()),
        };
        let day = format!("floor((t + {VN_OFFSET}) / 86400.0)");
        let day = format!("CAST({day} AS {})", d.int_type());
        format!(
            "WITH egov_rows AS (\n  SELECT {user} AS u, {t} AS t, {kind_ok} AS kind_ok, {vn_true} AS vn_true, {vn_false} AS vn_false\n  FROM {table}\n),\negov_outcomes AS (\n  SELECT u, t,\n    CASE\n      WHEN u IS NULL THEN 'empty_user'\n      WHEN t IS NULL THEN 'bad_timestamp'\n      WHEN NOT kind_ok THEN 'bad_kind'\n      WHEN NOT (vn_true OR vn_false) THEN 'bad_in_vietnam'\n      WHEN vn_false THEN 'outside_vietnam'\n      WHEN t + {VN_OFFSET} < 0 OR t + {VN_OFFSET} >= {END_2199} THEN 'timestamp_out_of_range'\n      ELSE 'counted'\n    END AS outcome\n  FROM egov_rows\n),\negov_counted AS (\n  SELECT u, {month} AS month FROM egov_outcomes WHERE outcome = 'counted'\n)\n",
            table = self.table,
            month = d.month_of_day(&day),
        )
    }

    /// Monthly active users (PLAT-01, Đ17.1): rows `(month, active_users, events)`, oldest
    /// month first.
    pub fn monthly_sql(&self, d: Dialect) -> String {
        format!(
            "{}SELECT month, COUNT(DISTINCT u) AS active_users, COUNT(*) AS events\nFROM egov_counted\nGROUP BY month\nORDER BY month",
            self.rows_cte(d)
        )
    }

    /// The accounting of every row (PLAT-01: nothing left out silently): rows `(outcome, n)`,
    /// `outcome` = `counted` or the reason the row is not counted.
    pub fn outcomes_sql(&self, d: Dialect) -> String {
        format!(
            "{}SELECT outcome, COUNT(*) AS n\nFROM egov_outcomes\nGROUP BY outcome\nORDER BY outcome",
            self.rows_cte(d)
        )
    }
}

impl EngineQuery {
    /// Both results in one scan of the table: rows `(outcome, month, active_users, n)`, where
    /// the `counted` rows carry their month and its distinct users, and every other outcome
    /// one row with `month` and `active_users` NULL / 0. Split them into
    /// [`EngineQuery::monthly_sql`]'s and [`EngineQuery::outcomes_sql`]'s results (the sum of
    /// `n` per outcome) for [`summary_from_engine`]; what egov's Spark mode runs.
    pub fn combined_sql(&self, d: Dialect) -> String {
        let day = format!(
            "CAST(floor((t + {VN_OFFSET}) / 86400.0) AS {})",
            d.int_type()
        );
        format!(
            "{}SELECT outcome, month, COUNT(DISTINCT u) AS active_users, COUNT(*) AS n\nFROM (\n  SELECT outcome, CASE WHEN outcome = 'counted' THEN u END AS u,\n    CASE WHEN outcome = 'counted' THEN {} END AS month\n  FROM egov_outcomes\n) egov_all\nGROUP BY outcome, month\nORDER BY outcome, month",
            self.rows_cte(d),
            d.month_of_day(&day)
        )
    }
}

/// One row of [`EngineQuery::monthly_sql`]'s result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EngineMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// `COUNT(DISTINCT u)`.
    pub active_users: u64,
    /// `COUNT(*)`.
    pub events: u64,
}

/// Why an engine's result cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EngineResultError {
    /// A month that is not `YYYY-MM`, or given twice.
    #[error("engine result: month «{0}» is not a YYYY-MM month, or appears twice")]
    Month(String),
    /// An outcome egov does not know.
    #[error("engine result: unknown outcome «{0}»")]
    Outcome(String),
    /// The months and the outcomes disagree.
    #[error("engine result: {0}")]
    Inconsistent(String),
}

impl egov_core::ErrorCode for EngineResultError {
    fn code(&self) -> &'static str {
        "platform.engine_result"
    }
}

/// The counting summary of an engine's results (the rows of [`EngineQuery::monthly_sql`] and
/// [`EngineQuery::outcomes_sql`]), checked for consistency: the months' events add up to the
/// counted rows, and every outcome is one egov knows.
pub fn summary_from_engine(
    months: &[EngineMonth],
    outcomes: &BTreeMap<String, u64>,
) -> Result<CountingSummary, EngineResultError> {
    let mut ms: Vec<MonthActivity> = Vec::with_capacity(months.len());
    for m in months {
        let month: YearMonth = m
            .month
            .parse()
            .map_err(|_| EngineResultError::Month(m.month.clone()))?;
        if ms.iter().any(|x| x.month == month) || m.active_users > m.events {
            return Err(EngineResultError::Month(m.month.clone()));
        }
        ms.push(MonthActivity {
            month,
            active_users: m.active_users,
            events: m.events,
        });
    }
    ms.sort_by_key(|m| m.month);
    let mut lines = ParseStats::default();
    let mut stats = CountStats::default();
    for (outcome, &n) in outcomes {
        lines.lines += n;
        let reason = match outcome.as_str() {
            "counted" => {
                stats.events_counted += n;
                None
            }
            "outside_vietnam" => {
                stats.outside_vietnam += n;
                None
            }
            "timestamp_out_of_range" => {
                stats.timestamp_out_of_range += n;
                None
            }
            "empty_user" => Some(MalformedReason::EmptyUser),
            "bad_timestamp" => Some(MalformedReason::BadTimestamp),
            "bad_kind" => Some(MalformedReason::BadKind),
            "bad_in_vietnam" => Some(MalformedReason::BadInVietnam),
            other => return Err(EngineResultError::Outcome(other.to_owned())),
        };
        match reason {
            Some(r) if n > 0 => {
                lines.malformed += n;
                *lines.malformed_by_reason.entry(r).or_default() += n;
            }
            Some(_) => {}
            None => lines.events += n,
        }
    }
    stats.events_seen = lines.events;
    let month_events: u64 = ms.iter().map(|m| m.events).sum();
    if month_events != stats.events_counted {
        return Err(EngineResultError::Inconsistent(format!(
            "the months hold {month_events} events, the outcomes {} counted rows",
            stats.events_counted
        )));
    }
    Ok(CountingSummary::new(ms, stats, Some(lines)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plat_01_sql_names_every_rule_in_every_dialect() {
        let mut q = EngineQuery::new("lake.events");
        q.kinds
            .0
            .insert("view".into(), ActivityKind::InformationAccess);
        for d in [
            Dialect::Spark,
            Dialect::DuckDb,
            Dialect::Trino,
            Dialect::BigQuery,
        ] {
            let sql = q.monthly_sql(d);
            assert!(sql.contains("FROM lake.events"), "{sql}");
            assert!(
                sql.contains("'view'") && sql.contains("'service_use'"),
                "{sql}"
            );
            assert!(sql.contains("25200") && sql.contains("7258118400"), "{sql}");
            assert!(sql.contains("COUNT(DISTINCT u)"));
            assert!(q.outcomes_sql(d).contains("'bad_in_vietnam'"));
            let combined = q.combined_sql(d);
            assert!(combined.contains("GROUP BY outcome, month"), "{combined}");
            assert!(combined.contains("'timestamp_out_of_range'"));
        }
        let mut q = EngineQuery::new("t");
        q.user = "we'ird`\"col".into();
        assert!(q.monthly_sql(Dialect::Spark).contains("`we'ird``\"col`"));
        assert!(q
            .monthly_sql(Dialect::DuckDb)
            .contains("\"we'ird`\"\"col\""));
        q.kinds.0.insert("it's".into(), ActivityKind::Login);
        assert!(q.monthly_sql(Dialect::Trino).contains("'it''s'"));
        assert_eq!(Dialect::from_name("BigQuery"), Some(Dialect::BigQuery));
        assert_eq!(Dialect::from_name("oracle"), None);
    }

    #[test]
    fn plat_01_engine_result_is_checked_and_accounted() {
        let months = vec![
            EngineMonth {
                month: "2025-02".into(),
                active_users: 2,
                events: 3,
            },
            EngineMonth {
                month: "2025-01".into(),
                active_users: 1,
                events: 1,
            },
        ];
        let outcomes: BTreeMap<String, u64> = [
            ("counted".to_owned(), 4),
            ("bad_kind".to_owned(), 2),
            ("outside_vietnam".to_owned(), 1),
        ]
        .into();
        let s = summary_from_engine(&months, &outcomes).unwrap();
        assert_eq!(s.months[0].month.to_string(), "2025-01");
        let l = s.lines.as_ref().unwrap();
        assert_eq!((l.lines, l.events, l.malformed), (7, 5, 2));
        assert_eq!(s.events.outside_vietnam, 1);
        let mut bad = outcomes.clone();
        bad.insert("counted".into(), 5);
        assert!(matches!(
            summary_from_engine(&months, &bad),
            Err(EngineResultError::Inconsistent(_))
        ));
        bad.insert("lost".into(), 1);
        assert!(summary_from_engine(&months, &bad).is_err());
    }
}
