//! Platform size classes and monthly active users (PLAT-01…27).

use super::*;

/// The arguments of [`platform_classify`]: the JSON request of `egov_platform_classify`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    /// Monthly counts `[{"month": "2025-01", "active_users": n}]`, or the output of any count
    /// (`platform.count`, `platform.count_csv`, a counter's months, the CLI's `count --json`),
    /// whose event and line accounting then becomes findings of the classification.
    pub monthly: Value,
    /// The population: a number (provenance "not stated", published on the determination
    /// date) or the library's `Population` object (value, kind, reference, publisher, …);
    /// absent: the built-in figure latest published on the date, stated in the findings.
    #[serde(default)]
    pub population: Option<Value>,
    /// The determination date `YYYY-MM-DD`.
    pub date: String,
    /// Where the counts come from (`{"kind": "self_measured"}`, the default; `egov_counter`
    /// when `monthly` carries a count's accounting).
    #[serde(default)]
    pub source: Option<egov_platform_class::UserCountSource>,
    /// The thresholds (default: the built-in version in force on the date).
    #[serde(default)]
    pub thresholds: Option<egov_platform_class::Thresholds>,
    /// The intermediary attestation (`attested`, `not_intermediary`, default `not_attested`).
    #[serde(default)]
    pub intermediary: Option<egov_platform_class::Intermediary>,
}

impl ClassifyRequest {
    /// The classification input and the determination date of the request: the one place that
    /// reads a request (shared by [`platform_classify`] and [`platform_report`]). A bare number
    /// as `population` has provenance "not stated" and is published on the determination date.
    pub fn into_input(self) -> OpResult<(egov_platform_class::ClassificationInput, NaiveDate)> {
        use egov_platform_class::{ClassificationInput, Population, PopulationKind};
        let date = parse_date(&self.date)?;
        let population = match &self.population {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => {
                let value = n
                    .as_u64()
                    .ok_or_else(|| not_a("population", Expected::NonNegativeInteger))?;
                Some(Population::new(
                    value,
                    PopulationKind::Average,
                    "not stated",
                    "not stated",
                    date,
                ))
            }
            Some(v) => {
                Some(serde_json::from_value(v.clone()).map_err(|e| invalid_arg("population", e))?)
            }
        };
        let (monthly, counting) = egov_platform_class::counts_from_json(&self.monthly)
            .map_err(|e| invalid_arg("monthly", e))?;
        let default_source = if counting.is_some() {
            egov_platform_class::UserCountSource::EgovCounter
        } else {
            egov_platform_class::UserCountSource::SelfMeasured
        };
        let mut input = ClassificationInput::new(monthly, self.source.unwrap_or(default_source));
        input.counting = counting;
        input.population = population;
        input.thresholds = self.thresholds;
        if let Some(i) = self.intermediary {
            input.intermediary = i;
        }
        Ok((input, date))
    }
}

/// `platform.classify`: the size class on the request's date (PLAT-02…06), the library's
/// `Classification` JSON; too few months is the error `platform.insufficient_history`.
pub fn platform_classify(request: &str) -> OpResult<String> {
    let req: ClassifyRequest = from_json("classification request", request)?;
    let (input, date) = req.into_input()?;
    to_text(&egov_platform_class::classify(&input, date).map_err(dom)?)
}

/// One activity event in JSON: `user` an integer (used as is) or a string (hashed), `at` Unix
/// seconds or a timestamp with an offset, `kind` (default `login`), `in_vietnam` (default true).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EventJson {
    user: Value,
    at: Value,
    #[serde(default)]
    kind: Option<egov_platform_class::ActivityKind>,
    #[serde(default)]
    in_vietnam: Option<bool>,
}

/// Parses events (a JSON array of `{"user", "at", "kind"?, "in_vietnam"?}`).
pub fn events_from_json(events: &str) -> OpResult<Vec<egov_platform_class::ActivityEvent>> {
    use egov_platform_class::{ActivityEvent, ActivityKind, UserKey};
    let raw: Vec<EventJson> = from_json("events", events)?;
    raw.into_iter()
        .map(|e| {
            let user = match &e.user {
                Value::Number(n) => n
                    .as_u64()
                    .map(UserKey::from_int)
                    .ok_or_else(|| not_a("events[].user", Expected::IntegerOrString))?,
                Value::String(s) => UserKey::from_str_id(s),
                _ => return Err(not_a("events[].user", Expected::IntegerOrString)),
            };
            let at = match &e.at {
                Value::Number(n) => n
                    .as_i64()
                    .ok_or_else(|| not_a("events[].at", Expected::UnixSecondsOrTimestamp))?,
                Value::String(s) => parse_time(s, false)?.unix_seconds(),
                _ => return Err(not_a("events[].at", Expected::UnixSecondsOrTimestamp)),
            };
            Ok(ActivityEvent {
                user,
                at,
                kind: e.kind.unwrap_or(ActivityKind::Login),
                in_vietnam: e.in_vietnam.unwrap_or(true),
            })
        })
        .collect()
}

/// Adds events (JSON array, see [`events_from_json`]) to `counter`; all or nothing.
pub fn counter_add_json(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    events: &str,
) -> OpResult<()> {
    let events = events_from_json(events)?;
    counter.add_batch(&events);
    Ok(())
}

/// The months of `counter` with their distinct active users, and the event accounting:
/// `{"months": [{"month", "active_users", "events"}], "stats": {…}}`.
pub fn counter_months(counter: &egov_platform_class::MonthlyActiveCounter) -> OpResult<String> {
    to_text(&json!({ "months": counter.months(), "stats": counter.stats() }))
}

/// Feeds a block of activity CSV (`user_id,timestamp,kind,in_vietnam`, see
/// `egov_platform_class::csv`) to `reader` and adds the events of its complete lines to
/// `counter` (PLAT-01, PLAT-02). Blocks may split lines anywhere: a partial last line waits for
/// the next block or [`counter_finish_csv`]. Malformed lines are counted by reason, not dropped
/// silently.
pub fn counter_feed_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
    block: &[u8],
) -> OpResult<()> {
    check_len("CSV block", block)?;
    let mut events = Vec::new();
    reader.feed(block, &mut events);
    counter.add_batch(&events);
    Ok(())
}

/// Ends a CSV stream: reads a final line without a line ending, adds its event, and answers the
/// line accounting (`lines`, `header_lines`, `blank_lines`, `events`, `malformed`,
/// `malformed_by_reason`, `examples` with byte offsets). The reader starts afresh.
pub fn counter_finish_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
) -> OpResult<String> {
    to_text(&finish_csv(counter, reader))
}

pub(crate) fn finish_csv(
    counter: &mut egov_platform_class::MonthlyActiveCounter,
    reader: &mut egov_platform_class::csv::CsvEventReader,
) -> egov_platform_class::csv::ParseStats {
    let mut events = Vec::new();
    reader.finish(&mut events);
    counter.add_batch(&events);
    std::mem::take(reader).stats().clone()
}

/// The options of a CSV count: `threads` (0 or absent: one per core for large inputs) and
/// `kinds` (`{"view": "information_access"}`: the caller's mapping of other activity names to
/// the kinds of Đ17.1).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountCsvOptions {
    /// Worker threads.
    #[serde(default)]
    pub threads: usize,
    /// Extra names of the activity kinds.
    #[serde(default)]
    pub kinds: egov_platform_class::csv::KindAliases,
    /// The platform's salt, 32 hex digits: string user ids are keyed under it (SipHash-2-4)
    /// instead of XXH3-64.
    #[serde(default)]
    pub id_salt: Option<String>,
}

/// The platform's salt from its 32 hex digits (`None`: no salt), or `platform.id_salt`.
pub fn id_salt(hex: Option<&str>) -> OpResult<Option<egov_platform_class::ids::IdSalt>> {
    hex.map(|h| {
        egov_platform_class::ids::IdSalt::from_hex(h)
            .ok_or_else(|| OpError::input(BindingError::IdSalt))
    })
    .transpose()
}

impl CountCsvOptions {
    /// The salt, or `platform.id_salt` when it is not 32 hex digits.
    pub fn salt(&self) -> OpResult<Option<egov_platform_class::ids::IdSalt>> {
        id_salt(self.id_salt.as_deref())
    }
}

/// A count's JSON: `{"months", "stats", "lines", "findings", "compression", "columns",
/// "threads"}`; `stats` is the event accounting, `lines` the line accounting (every line not
/// counted, by reason, with line numbers), `findings` what they mean for a classification.
fn count_json(r: egov_platform_class::CountResult) -> OpResult<String> {
    let findings = r.summary.findings();
    to_text(&json!({
        "months": r.summary.months,
        "stats": r.summary.events,
        "lines": r.summary.lines,
        "findings": findings,
        "compression": r.compression,
        "columns": r.columns,
        "threads": r.threads,
    }))
}

fn ingest_error(e: egov_platform_class::IngestError) -> OpError {
    OpError::domain(&e)
}

/// `platform.count_csv`: counts a whole CSV text (plain, gzip or zstd; a header names the
/// columns in any order) (PLAT-01, Đ17.1): `{"months", "stats", "lines", "findings",
/// "compression", "columns", "threads"}` (`lines`: every line not counted, by reason, with
/// line numbers). Input without any event is the error `platform.no_events`.
pub fn platform_count_csv(csv: &[u8]) -> OpResult<String> {
    platform_count_csv_with(csv, &CountCsvOptions::default())
}

/// [`platform_count_csv`] with options.
pub fn platform_count_csv_with(csv: &[u8], options: &CountCsvOptions) -> OpResult<String> {
    check_len("CSV content", csv)?;
    let opts = egov_platform_class::CountOptions {
        threads: options.threads,
        kinds: options.kinds.clone(),
        progress: None,
        block_size: 0,
        salt: options.salt()?,
    };
    count_json(
        egov_platform_class::count_csv_reader(csv, "CSV content", Some(csv.len() as u64), &opts)
            .map_err(ingest_error)?,
    )
}

/// `platform.count_file`: counts the activity CSV file at `path` (plain, gzip or zstd) on
/// `threads` threads, as [`platform_count_csv`]; an unreadable file is `io.read`.
pub fn platform_count_file(path: &str, options: &CountCsvOptions) -> OpResult<String> {
    let opts = egov_platform_class::CountOptions {
        threads: options.threads,
        kinds: options.kinds.clone(),
        progress: None,
        block_size: 0,
        salt: options.salt()?,
    };
    count_json(
        egov_platform_class::count_csv_file(std::path::Path::new(path), &opts)
            .map_err(ingest_error)?,
    )
}

/// `platform.count`: counts `events` on a new counter and answers [`counter_months`].
pub fn platform_count(events: &str) -> OpResult<String> {
    let mut c = egov_platform_class::MonthlyActiveCounter::new();
    counter_add_json(&mut c, events)?;
    counter_months(&c)
}

/// Reads a JSON value into `T` (error `ffi.invalid_json`, as [`from_json`]).
pub(crate) fn from_value<T: DeserializeOwned>(what: &str, v: Value) -> OpResult<T> {
    serde_json::from_value(v).map_err(|e| invalid_json(what, e))
}

/// Parses a request and removes `keys` from it (when an object) after `first` has read them:
/// the operation's own keys, so that the rest can be read strictly (a request that is not an
/// object then fails as `ffi.invalid_json`, as [`from_json`]).
pub(crate) fn request_without<T>(
    what: &str,
    request: &str,
    keys: &[&str],
    first: impl FnOnce(&Value) -> OpResult<T>,
) -> OpResult<(Value, T)> {
    let mut v: Value = from_json(what, request)?;
    let taken = first(&v)?;
    if let Some(obj) = v.as_object_mut() {
        for k in keys {
            obj.remove(*k);
        }
    }
    Ok((v, taken))
}

/// `platform.report`: the self-classification report (PLAT-02…27, NĐ 137/2024 Đ17–20): the
/// request of [`platform_classify`] plus `context` (the library's `ReportContext`:
/// `{"evidence"?, "history"?, "schedule"?}`, every member optional), `calendar` (JSON form; default the built-in Vietnamese calendar) and
/// `markdown` (bool). The library's `PlatformReport` JSON (`determination_date`, `method`,
/// `method_vi`, `classification`, `obligations`, `obligations_overall`, `next_due`,
/// `citations`), plus `"markdown"` (the bilingual Markdown report) when asked. The determination
/// date is also "today" for the next due date. Errors as `platform.classify`
/// (`platform.insufficient_history`, …) and the calendar's (`calendar.*`).
pub fn platform_report(request: &str) -> OpResult<String> {
    let (rest, (markdown, calendar, context)) = request_without(
        "report request",
        request,
        &["markdown", "calendar", "context"],
        |v| {
            let context: egov_platform_class::ReportContext = match v.get("context") {
                None | Some(Value::Null) => egov_platform_class::ReportContext::default(),
                Some(c) => from_value("report context", c.clone())?,
            };
            Ok((bool_arg(v, "markdown")?, calendar_arg(v)?, context))
        },
    )?;
    let req: ClassifyRequest = from_value("report request", rest)?;
    let (input, date) = req.into_input()?;
    let report =
        egov_platform_class::build_report(&input, date, &context, &calendar).map_err(dom)?;
    let mut out = to_value(&report)?;
    if markdown {
        out["markdown"] = json!(report.to_markdown());
    }
    Ok(out.to_string())
}

/// The request of [`platform_next_due`] (besides `calendar`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextDueRequest {
    /// The reference date `YYYY-MM-DD`.
    pub today: String,
    /// The platform's history (default: nothing known).
    #[serde(default)]
    pub history: egov_platform_class::PlatformHistory,
    /// Schedule parameters (default: §7; each member optional).
    #[serde(default)]
    pub schedule: egov_platform_class::ScheduleParams,
}

/// `platform.next_due`: the next self-classification due on `today` (PLAT-09, PLAT-10, PLAT-13;
/// NĐ 137/2024 Đ18.2, Đ19.3): the first one by 12 months after the decree took effect (2025-10-23
/// by default, A-17) for platforms operating 12 months or more by then; after a first
/// self-classification, yearly «trước 31 tháng 01» (30 January by default, 31 with
/// `inclusive_annual_deadline`, A-16). The request: `{"today": "YYYY-MM-DD", "history"?:
/// {"operating_since"?, "first_self_classification"?}, "schedule"?: {"decree_effective"?,
/// "inclusive_annual_deadline"?, "roll_to_working_day"?}, "calendar"?}` (the library's
/// `PlatformHistory` and `ScheduleParams`). The library's `NextDue` JSON: `{"kind": "first" | "annual" |
/// "not_determined", "due_on", "overdue", "rule", "basis", "note", "note_vi"}`.
pub fn platform_next_due(request: &str) -> OpResult<String> {
    let (rest, calendar) =
        request_without("next-due request", request, &["calendar"], calendar_arg)?;
    let req: NextDueRequest = from_value("next-due request", rest)?;
    let today = parse_date(&req.today)?;
    to_text(
        &egov_platform_class::next_due(today, &req.history, &req.schedule, &calendar)
            .map_err(dom)?,
    )
}

/// Options of a counter of Arrow record batches (issue 15, PLAT-01): `{"columns"?: {"user"?,
/// "timestamp"?, "timestamp_unit"?, "kind"?, "default_kind"?, "in_vietnam"?}, "kinds"?:
/// {"view": "information_access"}, "id_salt"?: "32 hex digits"}`.
#[cfg(feature = "arrow")]
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArrowCountOptions {
    /// Which columns hold what (egov-platform-class's defaults when absent).
    pub columns: egov_platform_class::arrow_events::EventColumns,
    /// Extra names of the activity kinds.
    pub kinds: egov_platform_class::csv::KindAliases,
    /// The platform's salt for string user ids.
    pub id_salt: Option<String>,
}

/// A counter of Arrow record batches from its options' JSON (NULL or empty: the defaults).
#[cfg(feature = "arrow")]
pub fn arrow_counter_new(
    options_json: Option<&str>,
) -> OpResult<egov_platform_class::arrow_events::ArrowEventCounter> {
    let o: ArrowCountOptions = match options_json.map(str::trim) {
        None | Some("") => ArrowCountOptions::default(),
        Some(text) => from_json("options_json", text)?,
    };
    let salt = id_salt(o.id_salt.as_deref())?;
    Ok(egov_platform_class::arrow_events::ArrowEventCounter::new(
        o.columns, o.kinds, salt,
    ))
}
