//! `egov platform …`: count monthly active users, classify, report (NĐ 137/2024 Đ15–20).
//! Glue only: every rule lives in `egov-platform-class`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use egov_core::owner::OwnerClass;
use egov_core::Finding;
use egov_core::{VnDateTime, WorkingCalendar};
use egov_platform_class::csv::KindAliases;
use egov_platform_class::ids::IdSalt;
use egov_platform_class::ingest::{partial_of_csv_file, partial_of_csv_reader};
#[cfg(feature = "parquet")]
use egov_platform_class::parquet_events::{EventColumns, IntUnit};

/// Without the `parquet` feature there is no column mapping to hold.
#[cfg(not(feature = "parquet"))]
#[derive(Debug, Default, Clone, serde::Serialize)]
struct EventColumns;
#[cfg(feature = "parquet")]
use egov_platform_class::partial::IdScheme;
use egov_platform_class::partial::Partial;
use egov_platform_class::{
    build_report, classify, count_csv_file, count_csv_reader, counts_from_json,
    ClassificationInput, CountOptions, Evidence, FunctionProfile, Intermediary, MonthActivity,
    MonthlyCount, OwnerEvidence, PlatformHistory, Population, PopulationKind, PublishedList,
    ReportContext, Side, Thresholds, UserCountSource, YearMonth,
};

use crate::schema_types::platform::{
    ClassifyOutput, CountInput, CountOutput, MergeOutput, ParquetSkipReason, ParquetSkipped,
};
use crate::schema_types::to_json;

use crate::commands::{basis_text, finding_message, outcome_word, parse_date};
use crate::i18n::{lang, t, Lang};
use crate::output::CmdResult;

/// `egov platform` subcommands.
#[derive(Debug, Subcommand)]
// Parsed once per run: the size of the report's arguments does not matter.
#[allow(clippy::large_enum_variant)]
pub enum PlatformCommand {
    /// Count distinct active users per month (Vietnam time) from an events CSV (PLAT-01).
    ///
    /// Columns: user_id,timestamp,kind,in_vietnam (see the egov-platform-class `csv` docs).
    Count {
        /// The events CSV (plain, .gz or .zst, detected from its first bytes), or `-` for
        /// standard input.
        input: String,
        /// Worker threads (default: all cores; one for inputs under 8 MiB).
        #[arg(long)]
        threads: Option<usize>,
        /// Count another activity name as a kind of Đ17.1: `view=access` (repeatable; your own
        /// legal judgement, recorded in the output).
        #[arg(long = "kind", value_name = "NAME=KIND")]
        kinds: Vec<String>,
        /// Also write the count as a partial (the distinct user keys of each month, by shard,
        /// with the accounting), to merge with counts made elsewhere (`egov platform merge`, or
        /// any engine's COUNT(DISTINCT key)): Parquet when the name ends in .parquet, else JSON.
        #[arg(long, value_name = "FILE")]
        partial_out: Option<PathBuf>,
        /// Shards of the partial (default 16; every partial merged together needs the same).
        #[arg(long, requires = "partial_out", default_value_t = egov_platform_class::partial::DEFAULT_SHARDS)]
        shards: u32,
        /// Replace an existing --partial-out file.
        #[arg(long)]
        force: bool,
        /// Parquet input: which columns hold what, `user=uid,timestamp=ts,kind=activity,in_vietnam=vn`
        /// (defaults user_id, timestamp, kind, in_vietnam); `kind=` with no name: every row is a
        /// login; `in_vietnam=` with no name: you attest every row is in Vietnam.
        #[arg(long, value_name = "MAPPING")]
        columns: Option<String>,
        /// Parquet input: the unit of an integer timestamp column (seconds, milliseconds,
        /// microseconds; Arrow timestamps carry their own).
        #[arg(long, value_name = "UNIT", default_value = "seconds")]
        timestamp_unit: String,
        /// Key string user ids (phone numbers, e-mail addresses) under the platform's secret
        /// salt, 32 hex digits read from this environment variable: SipHash-2-4 instead of
        /// XXH3, so partials that leave the platform cannot be reversed. Every partial merged
        /// together needs the same salt. Make one with `openssl rand -hex 16` and keep it.
        #[arg(long, value_name = "VAR", conflicts_with = "id_salt_file")]
        id_salt_env: Option<String>,
        /// As --id-salt-env, the 32 hex digits read from this file.
        #[arg(long, value_name = "FILE")]
        id_salt_file: Option<PathBuf>,
    },
    /// Merge partial counts made apart (separate processes, machines or days of a data lake)
    /// into the count of all their events: months, accounting, findings (PLAT-01). The JSON
    /// output feeds `classify --monthly`.
    Merge {
        /// Partial files (.parquet or .json) written by `count --partial-out`.
        #[arg(required = true)]
        partials: Vec<PathBuf>,
        /// Also write the merged partial (Parquet when the name ends in .parquet, else JSON).
        #[arg(short = 'o', long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing --out file.
        #[arg(long)]
        force: bool,
    },
    /// Classify from 12 monthly counts (PLAT-02…06).
    Classify(ClassifyArgs),
    /// Full self-classification report: class, obligations, next due date (Markdown or --json).
    Report {
        #[command(flatten)]
        classify: ClassifyArgs,
        /// Evidence for the Đ19/Đ20 checklist, a JSON file ({"items": {"<id>": {"satisfied": true}}})
        /// or the same in TOML (a .toml file).
        #[arg(long)]
        evidence: Option<PathBuf>,
        /// When the platform started operating (YYYY-MM-DD).
        #[arg(long)]
        operating_since: Option<String>,
        /// When the first self-classification was made (YYYY-MM-DD).
        #[arg(long)]
        first_classified: Option<String>,
        /// Read «trước 31 tháng 01» as "by 31 January" (default: before, i.e. 30 January; A-16).
        #[arg(long)]
        inclusive_deadline: bool,
        /// The decree's effective date (default 2024-10-23).
        #[arg(long)]
        decree_effective: Option<String>,
        /// The owner class (Đ15.2): state, organisation or individual (CORE-05; when not given
        /// the report says so).
        #[arg(long, value_name = "CLASS")]
        owner_class: Option<String>,
        /// What the owner is determined from (Đ15.3, PLAT-07), a JSON file (TOML for a .toml file):
        /// {"state_body"?: {"kind", "name"}, "approving_authority"?: {"name", "approval":
        /// "investment_policy"|"service_lease", "decision"?}, "hosting_contract"?,
        /// "domain_registration"?, "app_store_publisher_account"?, "owner_name"?}.
        #[arg(long, value_name = "FILE")]
        owner_evidence: Option<PathBuf>,
        /// The system's functions (Đ16.1, PLAT-08), a JSON file (TOML for a .toml file): {"main_functions"?:
        /// ["account_issuance_or_authentication"|"electronic_contracting"|"unilateral_legal_act"],
        /// "classes"?: ["administrative_procedures"|"commerce"|"finance"|"banking"|"other"]}.
        #[arg(long, value_name = "FILE")]
        functions: Option<PathBuf>,
        /// A list the Ministry published (Đ18.4.b platforms, Đ18.4.c measurement tools; PLAT-12),
        /// as recorded on a date: a JSON file of format egov-published-list/1 (see
        /// egov_platform_class::published). Repeatable; compared with the report.
        #[arg(long = "published-list", value_name = "FILE")]
        published_lists: Vec<PathBuf>,
        /// The platform's name as the published platforms list shows it.
        #[arg(long, value_name = "NAME")]
        platform_name: Option<String>,
    },
}

/// Inputs shared by `classify` and `report`.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Monthly counts: `2025-01=123,2025-02=456,…`, or a file of `month,active_users` lines
    /// (or a JSON array of {"month","active_users"}).
    #[arg(long, conflicts_with = "events", value_hint = clap::ValueHint::AnyPath)]
    monthly: Option<String>,
    /// Count the months from events instead: a CSV (or `-` for standard input), or Parquet
    /// files (a file or a folder, default columns user_id, timestamp, kind, in_vietnam).
    #[arg(long, conflicts_with = "partials", value_hint = clap::ValueHint::AnyPath)]
    events: Option<String>,
    /// Merge these partial counts (`count --partial-out`, .parquet or .json) and classify
    /// their total: count, merge and classify in one step.
    #[arg(long, num_args = 1.., value_name = "FILE", conflicts_with = "monthly")]
    partials: Vec<PathBuf>,
    /// With --events: count another activity name as a kind of Đ17.1 (`view=access`).
    #[arg(long = "kind", value_name = "NAME=KIND", requires = "events")]
    kinds: Vec<String>,
    /// Population (default: the built-in official figure latest published on the determination
    /// date, e.g. 102 300 000, average 2025, Cục Thống kê, published 2026-01-05; the answer
    /// says which). Give its publisher and publication date too (§7 A-13).
    #[arg(long, requires_all = ["population_publisher", "population_date"])]
    population: Option<u64>,
    /// Publisher of --population.
    #[arg(long, requires = "population")]
    population_publisher: Option<String>,
    /// Publication date of --population (YYYY-MM-DD).
    #[arg(long, requires = "population")]
    population_date: Option<String>,
    /// Period or instant --population describes (e.g. 2025), if not the publication year.
    #[arg(long, requires = "population")]
    population_reference: Option<String>,
    /// The owner attests the intermediary condition of Đ18.1.
    #[arg(long, conflicts_with = "not_intermediary")]
    intermediary: bool,
    /// The owner attests the system is not an intermediary platform.
    #[arg(long)]
    not_intermediary: bool,
    /// Source of the monthly counts: `self`, `tool:NAME` or `reference:NAME` (Đ18.4.c).
    #[arg(long)]
    source: Option<String>,
    /// Determination date (YYYY-MM-DD; default: today in Vietnam time, or $EGOV_TODAY).
    #[arg(long)]
    date: Option<String>,
    /// Lower threshold in basis points (default 300 = 3 %, Đ17.2).
    #[arg(long)]
    large_bp: Option<u32>,
    /// Upper threshold in basis points (default 1000 = 10 %, Đ17.3).
    #[arg(long)]
    very_large_bp: Option<u32>,
}

/// Runs a platform subcommand.
pub fn run(cmd: PlatformCommand) -> CmdResult {
    let r = match cmd {
        PlatformCommand::Count {
            input,
            threads,
            kinds,
            partial_out,
            shards,
            force,
            columns,
            timestamp_unit,
            id_salt_env,
            id_salt_file,
        } => parquet_columns(columns.as_deref(), &timestamp_unit).and_then(|columns| {
            let salt = id_salt(id_salt_env.as_deref(), id_salt_file.as_deref())?;
            let spec = CountSpec {
                threads,
                kinds: &kinds,
                columns,
                salt,
            };
            count_cmd(&input, &spec, partial_out.as_deref(), shards, force)
        }),
        PlatformCommand::Merge {
            partials,
            out,
            force,
        } => merge_cmd(&partials, out.as_deref(), force),
        PlatformCommand::Classify(args) => classify_cmd(&args),
        PlatformCommand::Report {
            classify,
            evidence,
            operating_since,
            first_classified,
            inclusive_deadline,
            decree_effective,
            owner_class,
            owner_evidence,
            functions,
            published_lists,
            platform_name,
        } => report_cmd(
            &classify,
            &ReportFiles {
                evidence: evidence.as_deref(),
                owner_class: owner_class.as_deref(),
                owner_evidence: owner_evidence.as_deref(),
                functions: functions.as_deref(),
                published_lists: &published_lists,
                platform_name: platform_name.as_deref(),
            },
            operating_since.as_deref(),
            first_classified.as_deref(),
            inclusive_deadline,
            decree_effective.as_deref(),
        ),
    };
    r.unwrap_or_else(|e| e)
}

fn usage(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

/// Input that was read but is not valid (exit 1, unlike usage and I/O errors).
fn invalid(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

fn io_error(path: &str, e: &std::io::Error) -> CmdResult {
    usage(
        "io.read",
        t!(
            "platform-cannot-read",
            path = path,
            detail = crate::files::io_detail(e)
        ),
    )
}

/// A library error with a Vietnamese message, in the run's language (CORE-06).
fn vi_en(vi: String, en: &dyn std::fmt::Display) -> String {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en.to_string(),
    }
}

/// The Parquet column mapping of `--columns` and `--timestamp-unit`.
#[cfg(feature = "parquet")]
fn parquet_columns(spec: Option<&str>, unit: &str) -> Result<EventColumns, CmdResult> {
    let mut c = EventColumns {
        timestamp_unit: match unit {
            "s" | "seconds" => IntUnit::Seconds,
            "ms" | "milliseconds" => IntUnit::Milliseconds,
            "us" | "microseconds" => IntUnit::Microseconds,
            other => return Err(usage("usage", t!("platform-timestamp-unit", value = other))),
        },
        ..EventColumns::default()
    };
    for pair in spec
        .unwrap_or("")
        .split(',')
        .filter(|p| !p.trim().is_empty())
    {
        let (what, name) = pair
            .split_once('=')
            .ok_or_else(|| usage("usage", t!("platform-columns-pair", value = pair)))?;
        let name = name.trim().to_owned();
        match what.trim() {
            "user" | "user_id" => c.user = name,
            "timestamp" => c.timestamp = name,
            "kind" => c.kind = (!name.is_empty()).then_some(name),
            "in_vietnam" => c.in_vietnam = (!name.is_empty()).then_some(name),
            other => return Err(usage("usage", t!("platform-columns-what", value = other))),
        }
    }
    Ok(c)
}

/// Reads `name=kind` pairs of `--kind`.
fn kind_aliases(specs: &[String]) -> Result<KindAliases, CmdResult> {
    let mut aliases = KindAliases::default();
    for spec in specs {
        let (name, kind) = KindAliases::parse_pair(spec)
            .ok_or_else(|| usage("usage", t!("platform-kind-pair", value = spec.as_str())))?;
        aliases.0.insert(name, kind);
    }
    Ok(aliases)
}

/// A count, from CSV or Parquet: the summary, how the input was read (for `--json`), the
/// partial when asked.
struct Counted {
    summary: egov_platform_class::CountingSummary,
    threads: usize,
    /// `{"format": "csv", "compression", "columns"}` or `{"format": "parquet", "files",
    /// "row_groups", "columns"}`.
    input: CountInput,
    partial: Option<Partial>,
    seconds: f64,
}

/// Counts an events CSV file or standard input (plain, gzip or zstd), or Parquet files (a
/// file, or a folder of `.parquet` files), with the library's counter.
fn count_events(
    input: &str,
    threads: Option<usize>,
    kinds: &[String],
) -> Result<Counted, CmdResult> {
    // Without the `parquet` feature EventColumns has no fields.
    #[allow(clippy::default_constructed_unit_structs)]
    let columns = EventColumns::default();
    let spec = CountSpec {
        threads,
        kinds,
        columns,
        salt: None,
    };
    count_events_with(input, &spec, None)
}

/// How to read the events: threads, the caller's kind names, the Parquet columns, the salt.
struct CountSpec<'a> {
    threads: Option<usize>,
    kinds: &'a [String],
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    columns: EventColumns,
    salt: Option<IdSalt>,
}

/// The platform's salt from `--id-salt-env` or `--id-salt-file` (32 hex digits).
fn id_salt(env: Option<&str>, file: Option<&Path>) -> Result<Option<IdSalt>, CmdResult> {
    let (text, from) = match (env, file) {
        (Some(var), _) => (
            std::env::var(var)
                .map_err(|_| usage("usage", t!("platform-salt-env-unset", var = var)))?,
            format!("${var}"),
        ),
        (None, Some(path)) => (
            std::fs::read_to_string(path).map_err(|e| io_error(&path.display().to_string(), &e))?,
            path.display().to_string(),
        ),
        (None, None) => return Ok(None),
    };
    IdSalt::from_hex(&text)
        .map(Some)
        .ok_or_else(|| usage("usage", t!("platform-salt-invalid", from = from.as_str())))
}

/// The Parquet input `input` names: a file starting with the Parquet magic, or a folder laid
/// out as Spark, Hive and pyarrow datasets are; `None` for anything else (CSV).
struct ParquetInput {
    /// The files to read, sorted (folder by folder).
    files: Vec<PathBuf>,
    /// Entries of the folder not read, each with why.
    skipped: Vec<ParquetSkipped>,
}

/// [`ParquetInput`] of `input`, if it is Parquet.
fn parquet_inputs(input: &str) -> Result<Option<ParquetInput>, CmdResult> {
    if input == "-" {
        return Ok(None);
    }
    let path = Path::new(input);
    if path.is_dir() {
        let mut set = ParquetInput {
            files: Vec::new(),
            skipped: Vec::new(),
        };
        parquet_folder(path, &mut set)?;
        if set.files.is_empty() {
            return Err(usage("usage", t!("platform-no-parquet-file", path = input)));
        }
        return Ok(Some(set));
    }
    let mut magic = [0u8; 4];
    let is_parquet = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok()
        && &magic == b"PAR1";
    Ok(is_parquet.then(|| ParquetInput {
        files: vec![path.to_path_buf()],
        skipped: Vec::new(),
    }))
}

/// The `.parquet` files of `dir` at any depth, as pyarrow's dataset discovery finds them:
/// partition folders (`month=2025-01/`, as Spark's `partitionBy` writes) are entered; names
/// starting with `.` or `_` (Spark's `_SUCCESS`, its `.crc` checksums, `_metadata`), other
/// files and symbolic links to folders (never followed: a link up the tree would loop) are
/// listed in `skipped` with the reason.
fn parquet_folder(dir: &Path, set: &mut ParquetInput) -> Result<(), CmdResult> {
    use crate::folder::{self, Entry};
    let entries = folder::entries(dir).map_err(|e| io_error(&dir.display().to_string(), &e))?;
    for p in entries {
        let reason = if folder::name_starts_with(&p, &['.', '_']) {
            ParquetSkipReason::Hidden
        } else {
            match folder::kind(&p) {
                Entry::Folder => {
                    parquet_folder(&p, set)?;
                    continue;
                }
                Entry::File if is_parquet_name(&p) => {
                    set.files.push(p);
                    continue;
                }
                Entry::File => ParquetSkipReason::NotParquet,
                Entry::LinkToFolder => ParquetSkipReason::LinkToFolder,
                Entry::BrokenLink | Entry::Other => ParquetSkipReason::Unreadable,
            }
        };
        set.skipped.push(ParquetSkipped {
            path: p.display().to_string(),
            reason,
        });
    }
    Ok(())
}

/// Without the `parquet` feature: Parquet input is refused, saying why.
#[cfg(not(feature = "parquet"))]
fn count_parquet(_: ParquetInput, _: &CountSpec, _: Option<u32>) -> Result<Counted, CmdResult> {
    Err(usage("usage", t!("platform-no-parquet")))
}

#[cfg(not(feature = "parquet"))]
fn parquet_columns(spec: Option<&str>, _: &str) -> Result<EventColumns, CmdResult> {
    match spec {
        Some(_) => Err(usage(
            "usage",
            format!("--columns: {}", t!("platform-no-parquet")),
        )),
        None => Ok(EventColumns),
    }
}

/// Counts Parquet files (feature `parquet`).
#[cfg(feature = "parquet")]
fn count_parquet(
    input: ParquetInput,
    spec: &CountSpec,
    partial_shards: Option<u32>,
) -> Result<Counted, CmdResult> {
    let started = Instant::now();
    let aliases = kind_aliases(spec.kinds)?;
    let columns = &spec.columns;
    let c = egov_platform_class::parquet_events::count_parquet_files(
        &input.files,
        columns,
        &aliases,
        spec.salt.as_ref(),
        spec.threads.unwrap_or(0),
    )
    .map_err(|e| CmdResult::error(&e))?;
    let partial = match partial_shards {
        None => None,
        Some(n) => {
            let ids = spec.salt.as_ref().map_or(IdScheme::Xxh3, IdScheme::keyed);
            let mut p = Partial::empty(ids.clone(), n);
            for counter in &c.counters {
                p = p
                    .merge(Partial::from_counter(counter, ids.clone(), n))
                    .map_err(|e| invalid("partial.invalid", e.to_string()))?;
            }
            p.lines = c.summary.lines.clone();
            Some(p)
        }
    };
    Ok(Counted {
        input: CountInput::Parquet {
            files: input.files.len(),
            skipped: input.skipped,
            row_groups: c.row_groups,
            columns: columns.clone(),
        },
        summary: c.summary,
        threads: c.threads,
        partial,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// [`count_events`], also making the partial of `shards` shards when asked, with the Parquet
/// column mapping `columns`.
fn count_events_with(
    input: &str,
    spec: &CountSpec,
    partial_shards: Option<u32>,
) -> Result<Counted, CmdResult> {
    if let Some(parquet) = parquet_inputs(input)? {
        return count_parquet(parquet, spec, partial_shards);
    }
    let started = Instant::now();
    let shown = std::sync::atomic::AtomicBool::new(false);
    // Progress for a person watching a terminal only: never into a log or a pipe.
    let on_terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = |bytes: u64| {
        if on_terminal && started.elapsed().as_secs() >= 2 {
            shown.store(true, std::sync::atomic::Ordering::Relaxed);
            use std::io::Write as _;
            let _ = write!(
                std::io::stderr(),
                "\r{}",
                t!("platform-counting-progress", megabytes = bytes >> 20)
            );
        }
    };
    let options = CountOptions {
        threads: spec.threads.unwrap_or(0),
        kinds: kind_aliases(spec.kinds)?,
        progress: Some(&progress),
        block_size: 0,
        salt: spec.salt.clone(),
    };
    // String ids are hashed with XXH3-64, seed 0 (the reader's scheme), or keyed under the
    // salt; integer ids kept.
    let r = match (input == "-", partial_shards) {
        (true, None) => count_csv_reader(std::io::stdin().lock(), "standard input", None, &options)
            .map(|r| (r, None)),
        (false, None) => count_csv_file(Path::new(input), &options).map(|r| (r, None)),
        (true, Some(n)) => {
            partial_of_csv_reader(std::io::stdin().lock(), "standard input", None, &options, n)
                .map(|(r, p)| (r, Some(p)))
        }
        (false, Some(n)) => {
            partial_of_csv_file(Path::new(input), &options, n).map(|(r, p)| (r, Some(p)))
        }
    };
    if shown.load(std::sync::atomic::Ordering::Relaxed) {
        crate::output::err("");
    }
    let r = r.map_err(|e| CmdResult::Error {
        code: egov_core::ErrorCode::code(&e).to_owned(),
        message: vi_en(e.message_vi(), &e),
    })?;
    let (r, partial) = r;
    Ok(Counted {
        input: CountInput::Csv {
            compression: r.compression,
            columns: r.columns,
        },
        summary: r.summary,
        threads: r.threads,
        partial,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn months_table(months: &[MonthActivity]) -> String {
    let mut s = t!("platform-months-head");
    s.push('\n');
    for m in months {
        // The month as each language writes it: `01/2025`, `2025-01` (same width).
        let month = match lang() {
            Lang::Vi => m.month.month_slash_year(),
            Lang::En => m.month.to_string(),
        };
        s.push_str(&format!(
            "{month}  {:>17}  {:>12}\n",
            crate::i18n::count(m.active_users),
            crate::i18n::count(m.events)
        ));
    }
    s
}

/// The accounting of a count (or of merged partials), in the run's language: lines, events,
/// and every line not counted by reason.
fn summary_accounting_text(c: &egov_platform_class::CountingSummary) -> String {
    let mut s = String::new();
    if let Some(l) = &c.lines {
        s.push_str(&t!(
            "platform-lines",
            lines = crate::i18n::count(l.lines),
            events = crate::i18n::count(l.events),
            malformed = crate::i18n::count(l.malformed),
            header = crate::i18n::count(l.header_lines),
            blank = crate::i18n::count(l.blank_lines)
        ));
        s.push('\n');
        for (reason, n) in &l.malformed_by_reason {
            let why = match lang() {
                Lang::Vi => reason.describe_vi().to_string(),
                Lang::En => reason.describe().to_string(),
            };
            s.push_str(&format!("  {} × {why}\n", crate::i18n::count(n)));
        }
        for (kind, n) in &l.unrecognised_kinds {
            s.push_str(&format!(
                "  {}\n",
                t!(
                    "platform-unrecognised-kind",
                    kind = kind.as_str(),
                    count = crate::i18n::count(n)
                )
            ));
        }
        for e in l.examples.iter().take(5) {
            let reason = serde_json::to_value(e.reason).unwrap_or_default();
            // The line as the file has it, quoted: the user's data, not the tool's words.
            s.push_str(&format!(
                "  {} [{}]: «{}»\n",
                t!("platform-line-at", line = e.line, offset = e.offset),
                reason.as_str().unwrap_or_default(),
                e.text
            ));
        }
    }
    s.push_str(&t!(
        "platform-events",
        counted = crate::i18n::count(c.events.events_counted),
        outside = crate::i18n::count(c.events.outside_vietnam),
        out_of_range = crate::i18n::count(c.events.timestamp_out_of_range)
    ));
    s.push('\n');
    s
}

/// Findings as text: outcome, rule, basis and message in the run's language.
fn findings_text(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        s.push_str(&format!(
            "[{}] {} ({}): {}\n",
            outcome_word(f.outcome),
            f.rule,
            basis_text(&f.basis),
            finding_message(f)
        ));
    }
    s
}

fn count_cmd(
    input: &str,
    spec: &CountSpec,
    partial_out: Option<&Path>,
    shards: u32,
    force: bool,
) -> Result<CmdResult, CmdResult> {
    // Refuse an existing output before counting.
    if let Some(p) = partial_out.filter(|p| !force && p.symlink_metadata().is_ok()) {
        return Err(crate::files::exists_error(p));
    }
    let r = count_events_with(input, spec, partial_out.map(|_| shards))?;
    if let (Some(path), Some(p)) = (partial_out, &r.partial) {
        write_partial_file(p, path, force)?;
    }
    let seconds = r.seconds;
    let rate = r.summary.events.events_seen as f64 / seconds.max(1e-9);
    let mut human = months_table(&r.summary.months);
    human.push('\n');
    human.push_str(&parquet_text(&r.input));
    human.push_str(&summary_accounting_text(&r.summary));
    let findings = r.summary.findings();
    human.push_str(&findings_text(&findings));
    human.push_str(&t!(
        "platform-speed",
        threads = r.threads,
        seconds = lang().number(&format!("{seconds:.2}")),
        rate = lang().number(&format!("{:.1}", rate / 1e6))
    ));
    if let Some(path) = partial_out {
        human.push('\n');
        human.push_str(&t!(
            "platform-partial-written",
            path = path.display().to_string(),
            shards = shards
        ));
    }
    let json = to_json(&CountOutput {
        compression: r.input.compression(),
        columns: r.input.columns(),
        input: r.input,
        counting: r.summary,
        findings,
        threads: r.threads,
        seconds,
        partial: partial_out.map(|p| p.display().to_string()),
    })?;
    Ok(CmdResult::Valid { human, json })
}

/// What a Parquet input read and left (the first entries left, then how many more); nothing
/// for CSV.
fn parquet_text(input: &CountInput) -> String {
    #[cfg(feature = "parquet")]
    if let CountInput::Parquet {
        files,
        skipped,
        row_groups,
        ..
    } = input
    {
        const SHOWN: usize = 5;
        let mut s = t!(
            "platform-parquet-read",
            files = *files,
            row_groups = *row_groups
        );
        s.push('\n');
        if !skipped.is_empty() {
            let mut entries = skipped
                .iter()
                .take(SHOWN)
                .map(|k| {
                    let why = match k.reason {
                        ParquetSkipReason::Hidden => t!("platform-skip-hidden"),
                        ParquetSkipReason::NotParquet => t!("platform-skip-not-parquet"),
                        ParquetSkipReason::LinkToFolder => t!("platform-skip-link-to-folder"),
                        ParquetSkipReason::Unreadable => t!("platform-skip-unreadable"),
                    };
                    format!("{} ({why})", k.path)
                })
                .collect::<Vec<_>>()
                .join("; ");
            if skipped.len() > SHOWN {
                entries.push_str(&format!("; … (+{})", skipped.len() - SHOWN));
            }
            s.push_str(&t!(
                "platform-parquet-skipped",
                n = skipped.len(),
                entries = entries
            ));
            s.push('\n');
        }
        return s;
    }
    let _ = input;
    String::new()
}

fn partial_error(path: &Path, e: &dyn std::fmt::Display) -> CmdResult {
    invalid(
        "partial.invalid",
        t!(
            "platform-partial-invalid",
            path = path.display().to_string(),
            detail = e.to_string()
        ),
    )
}

fn is_parquet_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// Writes a partial: Parquet (feature `parquet`) when the name ends in .parquet, else JSON.
fn write_partial_file(p: &Partial, path: &Path, force: bool) -> Result<(), CmdResult> {
    if is_parquet_name(path) {
        return write_partial_parquet(p, path, force);
    }
    let json = serde_json::to_vec(p).map_err(|e| partial_error(path, &e))?;
    crate::files::AtomicFile::create(path, force)?.finish_with(&json)
}

#[cfg(feature = "parquet")]
fn write_partial_parquet(p: &Partial, path: &Path, force: bool) -> Result<(), CmdResult> {
    let mut out = crate::files::AtomicFile::create(path, force)?;
    egov_platform_class::parquet_partial::write_partial(p, &mut *out.file())
        .map_err(|e| partial_error(path, &e))?;
    out.finish()
}

#[cfg(not(feature = "parquet"))]
fn write_partial_parquet(_: &Partial, _: &Path, _: bool) -> Result<(), CmdResult> {
    Err(usage("usage", t!("platform-no-parquet-write")))
}

/// Reads a partial: Parquet by its `PAR1` magic, else JSON.
fn read_partial_file(path: &Path) -> Result<Partial, CmdResult> {
    let what = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_error(&what, &e))?;
    if bytes.starts_with(b"PAR1") {
        #[cfg(feature = "parquet")]
        return egov_platform_class::parquet_partial::read_partial_bytes(bytes)
            .map_err(|e| partial_error(path, &e));
        #[cfg(not(feature = "parquet"))]
        return Err(usage(
            "usage",
            t!("platform-is-parquet", path = what.as_str()),
        ));
    }
    let p: Partial = serde_json::from_slice(&bytes).map_err(|e| partial_error(path, &e))?;
    p.validate().map_err(|e| partial_error(path, &e))?;
    Ok(p)
}

/// The partial files merged into one (associative and commutative: any order gives the same).
fn merge_partial_files(partials: &[PathBuf]) -> Result<Partial, CmdResult> {
    let mut merged: Option<Partial> = None;
    for path in partials {
        let p = read_partial_file(path)?;
        merged = Some(match merged {
            None => p,
            Some(m) => m.merge(p).map_err(|e| {
                invalid(
                    egov_core::ErrorCode::code(&e),
                    format!("{}: {e}", path.display()),
                )
            })?,
        });
    }
    merged.ok_or_else(|| usage("usage", t!("platform-nothing-to-merge")))
}

/// The counting summary of a (merged) partial: months, accounting, and how ids became keys.
fn summary_of_partial(p: &Partial) -> egov_platform_class::CountingSummary {
    let counter = p.clone().into_counter();
    let summary = egov_platform_class::CountingSummary::new(
        counter.months(),
        counter.stats(),
        p.lines.clone(),
    );
    match &p.ids {
        egov_platform_class::partial::IdScheme::Keyed { salt_id } => summary.keyed_with(salt_id),
        _ => summary,
    }
}

fn merge_cmd(
    partials: &[PathBuf],
    out: Option<&Path>,
    force: bool,
) -> Result<CmdResult, CmdResult> {
    if let Some(p) = out.filter(|p| !force && p.symlink_metadata().is_ok()) {
        return Err(crate::files::exists_error(p));
    }
    let merged = merge_partial_files(partials)?;
    if let Some(path) = out {
        write_partial_file(&merged, path, force)?;
    }
    let summary = summary_of_partial(&merged);
    let findings = summary.findings();
    let mut human = months_table(&summary.months);
    human.push('\n');
    human.push_str(&summary_accounting_text(&summary));
    human.push_str(&findings_text(&findings));
    human.push_str(&t!(
        "platform-merged",
        files = partials.len(),
        shards = merged.shards,
        ids = serde_json::to_value(&merged.ids)
            .ok()
            .and_then(|v| v.get("scheme").and_then(|s| s.as_str().map(str::to_owned)))
            .unwrap_or_default()
    ));
    let json = to_json(&MergeOutput {
        counting: summary,
        findings,
        partials: partials.iter().map(|p| p.display().to_string()).collect(),
        ids: merged.ids,
        shards: merged.shards,
        out: out.map(|p| p.display().to_string()),
    })?;
    Ok(CmdResult::Valid { human, json })
}

/// Monthly counts from `--monthly`: inline `2025-01=123,…`, a `month,active_users` file, or
/// the JSON of any count output (`egov platform count --json`, a counter's months), whose
/// accounting then comes along.
fn parse_monthly(
    spec: &str,
) -> Result<
    (
        Vec<MonthlyCount>,
        Option<egov_platform_class::CountingSummary>,
    ),
    CmdResult,
> {
    let text = if spec.contains('=') {
        spec.replace(',', "\n").replace('=', ",")
    } else {
        let t = std::fs::read_to_string(spec).map_err(|e| io_error(spec, &e))?;
        if crate::input::is_toml(Path::new(spec)) {
            let v: serde_json::Value =
                crate::input::toml_doc(&t, Path::new(spec), "platform.invalid_monthly")?;
            return counts_from_json(&v).map_err(|e| CmdResult::error_at(spec, &e));
        }
        let head = t.trim_start();
        if head.starts_with('[') || head.starts_with('{') {
            let v: serde_json::Value = serde_json::from_str(&t).map_err(|e| {
                CmdResult::not_parsed("platform.invalid_monthly", spec, ["JSON", "JSON"], e)
            })?;
            return counts_from_json(&v).map_err(|e| CmdResult::error_at(spec, &e));
        }
        t
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("month") {
            continue;
        }
        let bad = || {
            invalid(
                "platform.invalid_monthly",
                t!("platform-monthly-line", number = i + 1, line = line),
            )
        };
        let (m, n) = line.split_once(',').ok_or_else(bad)?;
        let month: YearMonth = m.trim().parse().map_err(|_| bad())?;
        let active_users: u64 = n.trim().replace('_', "").parse().map_err(|_| bad())?;
        out.push(MonthlyCount {
            month,
            active_users,
        });
    }
    Ok((out, None))
}

fn parse_source(s: Option<&str>, counted: bool) -> Result<UserCountSource, CmdResult> {
    match s {
        None if counted => Ok(UserCountSource::EgovCounter),
        None | Some("self") => Ok(UserCountSource::SelfMeasured),
        Some(x) => match x.split_once(':') {
            Some(("tool", name)) => Ok(UserCountSource::IndependentTool(name.to_owned())),
            Some(("reference", name)) => Ok(UserCountSource::TrustedReference(name.to_owned())),
            _ => Err(usage(
                "platform.invalid_source",
                t!("platform-source", value = x),
            )),
        },
    }
}

/// Today in Vietnam time; `EGOV_TODAY=YYYY-MM-DD` fixes it (reproducible scripts and tests).
pub(crate) fn today_vn() -> Result<NaiveDate, CmdResult> {
    if let Ok(d) = std::env::var("EGOV_TODAY") {
        return parse_date(&d, "EGOV_TODAY");
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    Ok(VnDateTime::from_unix_seconds(secs)
        .map(|t| t.date())
        .unwrap_or_default())
}

/// The classification input and the determination date.
fn build_input(a: &ClassifyArgs) -> Result<(ClassificationInput, NaiveDate), CmdResult> {
    let mut input = match (&a.monthly, &a.events) {
        (Some(m), _) => {
            let (monthly, counting) = parse_monthly(m)?;
            let mut input = ClassificationInput::new(
                monthly,
                parse_source(a.source.as_deref(), counting.is_some())?,
            );
            input.counting = counting;
            input
        }
        (None, Some(ev)) => {
            let mut input = ClassificationInput::counted(count_events(ev, None, &a.kinds)?.summary);
            input.source = parse_source(a.source.as_deref(), true)?;
            input
        }
        (None, None) if !a.partials.is_empty() => {
            let merged = merge_partial_files(&a.partials)?;
            let mut input = ClassificationInput::counted(summary_of_partial(&merged));
            input.source = parse_source(a.source.as_deref(), true)?;
            input
        }
        (None, None) => return Err(usage("usage", t!("platform-no-input"))),
    };
    let date = match &a.date {
        Some(d) => parse_date(d, "--date")?,
        None => today_vn()?,
    };
    if let (Some(p), Some(publisher), Some(published)) =
        (a.population, &a.population_publisher, &a.population_date)
    {
        let published = parse_date(published, "--population-date")?;
        input.population = Some(Population::new(
            p,
            PopulationKind::Average,
            a.population_reference
                .clone()
                .unwrap_or_else(|| "not stated".to_owned()),
            publisher.clone(),
            published,
        ));
    }
    if a.large_bp.is_some() || a.very_large_bp.is_some() {
        // Caller thresholds replace the version in force on the date, from that date.
        let base = Thresholds::in_force_on(date).unwrap_or_default();
        input.thresholds = Some(Thresholds {
            version: "caller-supplied".to_owned(),
            effective_from: date.min(base.effective_from),
            large_min_bp: a.large_bp.unwrap_or(base.large_min_bp),
            very_large_above_bp: a.very_large_bp.unwrap_or(base.very_large_above_bp),
            ..base
        });
    }
    input.intermediary = if a.intermediary {
        Intermediary::Attested
    } else if a.not_intermediary {
        Intermediary::NotIntermediary
    } else {
        Intermediary::NotAttested
    };
    Ok((input, date))
}

fn classify_cmd(a: &ClassifyArgs) -> Result<CmdResult, CmdResult> {
    let (input, date) = build_input(a)?;
    let c = classify(&input, date).map_err(|e| CmdResult::Error {
        code: egov_core::ErrorCode::code(&e).to_owned(),
        message: vi_en(e.message_vi(), &e),
    })?;
    let month = |m: Option<&egov_platform_class::MonthlyCount>| {
        m.map(|m| {
            lang()
                .pick(&m.month.to_vi(), &m.month.to_string())
                .to_owned()
        })
        .unwrap_or_default()
    };
    let mut human = t!(
        "platform-classify",
        class = lang().pick(c.class.name_vi(), c.class.name_en()),
        date = crate::commands::prose_date(date),
        mean = lang().number(&c.mean_users),
        exact = c.mean_exact_text(),
        share = lang().number(&c.share_percent),
        population = lang().number(&c.population.value.to_string()),
        first = month(c.months.first()),
        last = month(c.months.last()),
    );
    human.push('\n');
    for d in &c.distances {
        let label = lang().pick(&d.label_vi(), &d.label_en()).to_owned();
        let users = lang().number(&d.threshold_mean_users);
        let reached = if d.reached {
            t!("platform-reached")
        } else {
            t!("platform-not-reached")
        };
        // The distance in words: above, below or at the threshold (no signed figures).
        let distance = d.distance_users.trim_start_matches('-');
        let points = d.distance_percentage_points.trim_start_matches('-');
        let direction = match d.side {
            Side::Below => "below",
            Side::At => "at",
            Side::Above => "above",
        };
        let line = t!(
            "platform-distance",
            label = label,
            users = users,
            direction = direction,
            distance = lang().number(distance),
            points = lang().number(points),
            reached = reached
        );
        human.push_str(&line);
        human.push('\n');
    }
    human.push_str(&t!("platform-basis", basis = basis_text(&c.class.basis())));
    human.push('\n');
    human.push_str(&findings_text(&c.findings));
    let json = to_json(&ClassifyOutput {
        classification: c,
        counting: input.counting,
    })?;
    Ok(CmdResult::Valid {
        human: human.trim_end().to_owned(),
        json,
    })
}

/// The report's optional inputs read from files or named on the command line.
struct ReportFiles<'a> {
    evidence: Option<&'a Path>,
    owner_class: Option<&'a str>,
    owner_evidence: Option<&'a Path>,
    functions: Option<&'a Path>,
    published_lists: &'a [PathBuf],
    platform_name: Option<&'a str>,
}

/// Reads a JSON file (TOML for a `.toml` file) into `T`; error `code` (exit 1) with the place
/// and reason, in the run's language, when it does not hold a `T`.
fn json_file<T: serde::de::DeserializeOwned>(p: &Path, code: &str) -> Result<T, CmdResult> {
    let text = std::fs::read_to_string(p).map_err(|e| io_error(&p.display().to_string(), &e))?;
    if crate::input::is_toml(p) {
        return crate::input::toml_doc(&text, p, code);
    }
    serde_json::from_str::<T>(&text)
        .map_err(|e| CmdResult::not_parsed(code, p.display(), ["JSON", "JSON"], e))
}

fn report_cmd(
    a: &ClassifyArgs,
    files: &ReportFiles<'_>,
    operating_since: Option<&str>,
    first_classified: Option<&str>,
    inclusive: bool,
    decree_effective: Option<&str>,
) -> Result<CmdResult, CmdResult> {
    let (input, date) = build_input(a)?;
    let mut ctx = ReportContext::default();
    if let Some(p) = files.evidence {
        ctx.evidence = json_file::<Evidence>(p, "platform.invalid_evidence")?;
    }
    if let Some(c) = files.owner_class {
        ctx.owner_class = Some(
            c.parse::<OwnerClass>()
                .map_err(|e| usage(egov_core::ErrorCode::code(&e), e.to_string()))?,
        );
    }
    if let Some(p) = files.owner_evidence {
        ctx.owner_evidence = Some(json_file::<OwnerEvidence>(
            p,
            "platform.invalid_owner_evidence",
        )?);
    }
    if let Some(p) = files.functions {
        ctx.functions = Some(json_file::<FunctionProfile>(
            p,
            "platform.invalid_functions",
        )?);
    }
    for p in files.published_lists {
        let text =
            std::fs::read_to_string(p).map_err(|e| io_error(&p.display().to_string(), &e))?;
        ctx.published_lists
            .push(PublishedList::from_json(&text).map_err(|e| {
                usage(
                    egov_core::ErrorCode::code(&e),
                    format!("{}: {}", p.display(), vi_en(e.message_vi(), &e)),
                )
            })?);
    }
    ctx.platform_name = files.platform_name.map(str::to_owned);
    ctx.history = PlatformHistory {
        operating_since: operating_since
            .map(|d| parse_date(d, "--operating-since"))
            .transpose()?,
        first_self_classification: first_classified
            .map(|d| parse_date(d, "--first-classified"))
            .transpose()?,
    };
    ctx.schedule.inclusive_annual_deadline = inclusive;
    if let Some(d) = decree_effective {
        ctx.schedule.decree_effective = parse_date(d, "--decree-effective")?;
    }
    let report = build_report(&input, date, &ctx, &WorkingCalendar::vietnam())
        .map_err(|e| CmdResult::error(&e))?;
    let human = report.to_markdown();
    let json = to_json(&report)?;
    // Non-compliant when an obligation, the Đ18.2 reporting duty, or the owner or function
    // classification given fails.
    let failed = report.obligations_overall == egov_core::Outcome::Fail
        || report.owner.overall == egov_core::Outcome::Fail
        || report.functions.overall == egov_core::Outcome::Fail
        || report
            .reporting_duty
            .as_ref()
            .is_some_and(|f| f.outcome == egov_core::Outcome::Fail);
    Ok(if failed {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}
