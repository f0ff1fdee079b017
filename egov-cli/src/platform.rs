//! `egov platform …`: count monthly active users, classify, report (NĐ 137/2024 Đ15–20).
//! Glue only: every rule lives in `egov-platform-class`.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use egov_core::{VnDateTime, WorkingCalendar};
use egov_platform_class::csv::{CsvEventReader, ParseStats};
use egov_platform_class::{
    build_report, classify, sum_disjoint, ActivityEvent, ClassificationInput, CountStats,
    CountingSummary, Evidence, Intermediary, MonthActivity, MonthlyActiveCounter, MonthlyCount,
    PlatformHistory, Population, PopulationKind, ReportContext, UserCountSource, YearMonth,
};
use serde_json::json;

use crate::commands::parse_date;
use crate::output::CmdResult;

/// `egov platform` subcommands.
#[derive(Debug, Subcommand)]
pub enum PlatformCommand {
    /// Count distinct active users per month (Vietnam time) from an events CSV (PLAT-01).
    ///
    /// Columns: user_id,timestamp,kind,in_vietnam (see the egov-platform-class `csv` docs).
    Count {
        /// The events CSV, or `-` for standard input.
        input: String,
        /// Worker threads for a file (default: all cores). Standard input uses one.
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Classify from 12 monthly counts (PLAT-02…06).
    Classify(ClassifyArgs),
    /// Full self-classification report: class, obligations, next due date (Markdown or --json).
    Report {
        #[command(flatten)]
        classify: ClassifyArgs,
        /// Evidence for the Đ19/Đ20 checklist, a JSON file ({"items": {"<id>": {"satisfied": true}}}).
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
    },
}

/// Inputs shared by `classify` and `report`.
#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Monthly counts: `2025-01=123,2025-02=456,…`, or a file of `month,active_users` lines
    /// (or a JSON array of {"month","active_users"}).
    #[arg(long, conflicts_with = "events")]
    monthly: Option<String>,
    /// Count the months from an events CSV instead (or `-` for standard input).
    #[arg(long)]
    events: Option<String>,
    /// Population (default: 102 300 000, average 2025, Cục Thống kê, published 2026-01-05).
    /// Give its publisher and publication date too (§7 A-13).
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
    /// Determination date (YYYY-MM-DD; default: today in Vietnam time).
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
        PlatformCommand::Count { input, threads } => count_cmd(&input, threads),
        PlatformCommand::Classify(args) => classify_cmd(&args),
        PlatformCommand::Report {
            classify,
            evidence,
            operating_since,
            first_classified,
            inclusive_deadline,
            decree_effective,
        } => report_cmd(
            &classify,
            evidence.as_deref(),
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

/// Totals of a count: per month, events, lines.
struct Counted {
    months: Vec<MonthActivity>,
    events: CountStats,
    lines: ParseStats,
    threads: usize,
    seconds: f64,
}

const BLOCK: usize = 1 << 20;
const ROUTE_BATCH: usize = 8192;

fn io_error(path: &str, e: &std::io::Error) -> CmdResult {
    usage("io.read", format!("cannot read {path}: {e}"))
}

/// Counts an events CSV: standard input on one thread; a file split into byte ranges, one per
/// thread, each user routed to the thread owning its shard so key sets stay disjoint (memory =
/// one key per distinct user-month).
fn count_events(input: &str, threads: Option<usize>) -> Result<Counted, CmdResult> {
    let started = Instant::now();
    if input == "-" {
        let mut counter = MonthlyActiveCounter::new();
        let mut reader = CsvEventReader::new(0);
        let mut events = Vec::new();
        let mut buf = vec![0u8; BLOCK];
        let mut stdin = std::io::stdin().lock();
        let mut done: u64 = 0;
        let mut last = Instant::now();
        loop {
            let n = stdin.read(&mut buf).map_err(|e| io_error(input, &e))?;
            if n == 0 {
                break;
            }
            reader.feed(&buf[..n], &mut events);
            counter.add_batch(&events);
            events.clear();
            done += n as u64;
            if last.elapsed() > Duration::from_secs(2) {
                eprint!("\rcounting: {} MB read", done >> 20);
                last = Instant::now();
            }
        }
        reader.finish(&mut events);
        counter.add_batch(&events);
        if done > 0 && started.elapsed() > Duration::from_secs(2) {
            eprintln!();
        }
        let (months, stats) = sum_disjoint(std::slice::from_ref(&counter));
        return Ok(Counted {
            months,
            events: stats,
            lines: reader.stats().clone(),
            threads: 1,
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    let size = std::fs::metadata(input)
        .map_err(|e| io_error(input, &e))?
        .len();
    let n = threads
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, 256);
    let n = if threads.is_none() && size < (8 << 20) {
        1
    } else {
        n
    };
    let progress = AtomicU64::new(0);
    let (txs, rxs): (Vec<_>, Vec<_>) = (0..n)
        .map(|_| mpsc::sync_channel::<Vec<ActivityEvent>>(16))
        .unzip();
    let results = std::thread::scope(|s| {
        let handles: Vec<_> = rxs
            .into_iter()
            .enumerate()
            .map(|(me, rx)| {
                let shard = Shard {
                    me,
                    counter: MonthlyActiveCounter::new(),
                    local: Vec::new(),
                    outbox: vec![Vec::new(); n],
                    txs: txs.clone(),
                    rx,
                };
                let progress = &progress;
                let start = size * me as u64 / n as u64;
                let end = size * (me as u64 + 1) / n as u64;
                s.spawn(move || worker(input, shard, start, end, progress))
            })
            .collect();
        drop(txs);
        let big = size >= (256 << 20);
        while big && !handles.iter().all(|h| h.is_finished()) {
            std::thread::sleep(Duration::from_millis(500));
            let done = progress.load(Ordering::Relaxed).min(size);
            eprint!(
                "\rcounting: {:>3} % ({} of {} MB)",
                done * 100 / size.max(1),
                done >> 20,
                size >> 20
            );
        }
        if big {
            eprintln!();
        }
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(usage("internal", "worker panicked".into())))
            })
            .collect::<Vec<_>>()
    });
    let mut counters = Vec::with_capacity(n);
    let mut lines = ParseStats::default();
    for r in results {
        let (c, l) = r?;
        counters.push(c);
        lines.merge(&l);
    }
    let (months, events) = sum_disjoint(&counters);
    Ok(Counted {
        months,
        events,
        lines,
        threads: n,
        seconds: started.elapsed().as_secs_f64(),
    })
}

type WorkerResult = Result<(MonthlyActiveCounter, ParseStats), CmdResult>;

/// One worker's shard: its counter, and the channels to the other shards.
struct Shard {
    me: usize,
    counter: MonthlyActiveCounter,
    local: Vec<ActivityEvent>,
    outbox: Vec<Vec<ActivityEvent>>,
    txs: Vec<mpsc::SyncSender<Vec<ActivityEvent>>>,
    rx: mpsc::Receiver<Vec<ActivityEvent>>,
}

impl Shard {
    /// Counts the events of this shard, forwards the others (all of them when `flush`), and
    /// counts what other shards forwarded.
    fn take(&mut self, events: &mut Vec<ActivityEvent>, flush: bool) {
        let shards = self.txs.len();
        for e in events.drain(..) {
            let s = MonthlyActiveCounter::shard_of(e.user, shards);
            if s == self.me {
                self.local.push(e);
            } else if let Some(o) = self.outbox.get_mut(s) {
                o.push(e);
            }
        }
        self.counter.add_batch(&self.local);
        self.local.clear();
        for s in 0..shards {
            let Some(o) = self.outbox.get_mut(s) else {
                continue;
            };
            if o.is_empty() || (!flush && o.len() < ROUTE_BATCH) {
                continue;
            }
            let mut batch = std::mem::replace(o, Vec::with_capacity(ROUTE_BATCH));
            let Some(tx) = self.txs.get(s).cloned() else {
                continue;
            };
            // Never block while others may be blocked on us: drain our inbox between attempts.
            loop {
                match tx.try_send(batch) {
                    Ok(()) => break,
                    Err(mpsc::TrySendError::Full(b)) => {
                        batch = b;
                        self.drain();
                        std::thread::yield_now();
                    }
                    Err(mpsc::TrySendError::Disconnected(_)) => break,
                }
            }
        }
        self.drain();
    }

    fn drain(&mut self) {
        while let Ok(batch) = self.rx.try_recv() {
            self.counter.add_batch(&batch);
        }
    }

    /// Stops sending and counts everything still forwarded to this shard.
    fn finish(mut self) -> MonthlyActiveCounter {
        self.txs.clear();
        for batch in self.rx.iter() {
            self.counter.add_batch(&batch);
        }
        self.counter
    }
}

/// Reads the lines starting in `[start, end)` of the file, counts its own shard, forwards the rest.
fn worker(
    path: &str,
    mut shard: Shard,
    start: u64,
    end: u64,
    progress: &AtomicU64,
) -> WorkerResult {
    let mut file = File::open(path).map_err(|e| io_error(path, &e))?;
    // Start one byte early and skip through the first newline: the line containing `start - 1`
    // belongs to the previous range.
    let mut pos = start.saturating_sub(1);
    file.seek(SeekFrom::Start(pos))
        .map_err(|e| io_error(path, &e))?;
    let mut reader = CsvEventReader::new(start);
    let mut buf = vec![0u8; BLOCK];
    let mut skipping = start > 0;
    let mut events = Vec::with_capacity(BLOCK / 16);
    let mut finished = start >= end;
    while !finished {
        let got = file.read(&mut buf).map_err(|e| io_error(path, &e))?;
        if got == 0 {
            break;
        }
        let mut block = &buf[..got];
        pos += got as u64;
        progress.fetch_add(got as u64, Ordering::Relaxed);
        let abs_before = pos - got as u64;
        if skipping {
            match memchr_nl(block) {
                Some(i) => {
                    block = &block[i + 1..];
                    skipping = false;
                    if abs_before + i as u64 + 1 >= end {
                        // The skipped line reaches past the range: no line starts in it.
                        break;
                    }
                }
                None => continue,
            }
        }
        let abs = pos - block.len() as u64;
        // Stop after the first newline at or after `end - 1`.
        if pos >= end {
            let from = (end.saturating_sub(1)).saturating_sub(abs) as usize;
            if let Some(i) = block.get(from..).and_then(memchr_nl) {
                block = &block[..from + i + 1];
                finished = true;
            }
        }
        reader.feed(block, &mut events);
        shard.take(&mut events, false);
    }
    reader.finish(&mut events);
    shard.take(&mut events, true);
    Ok((shard.finish(), reader.stats().clone()))
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

fn months_table(months: &[MonthActivity]) -> String {
    let mut s = String::from("Month     Active users (VN)        Events\n");
    for m in months {
        s.push_str(&format!(
            "{}  {:>17}  {:>12}\n",
            m.month, m.active_users, m.events
        ));
    }
    s
}

fn count_cmd(input: &str, threads: Option<usize>) -> Result<CmdResult, CmdResult> {
    let c = count_events(input, threads)?;
    let rate = c.events.events_seen as f64 / c.seconds.max(1e-9);
    let mut human = months_table(&c.months);
    human.push_str(&format!(
        "\nLines: {} (events {}, malformed {}, header {}, blank {})\nEvents: counted {}, outside Vietnam {}, timestamp out of range {}\n{} threads, {:.2} s, {:.1} M events/s",
        c.lines.lines, c.lines.events, c.lines.malformed, c.lines.header_lines, c.lines.blank_lines,
        c.events.events_counted, c.events.outside_vietnam, c.events.timestamp_out_of_range,
        c.threads, c.seconds, rate / 1e6
    ));
    for (reason, n) in &c.lines.malformed_by_reason {
        human.push_str(&format!("\n  malformed {reason:?}: {n}"));
    }
    for e in c.lines.examples.iter().take(5) {
        human.push_str(&format!(
            "\n  at byte {}: {:?}: {}",
            e.offset, e.reason, e.text
        ));
    }
    let summary = CountingSummary::new(c.months, c.events, Some(c.lines));
    let json = json!({ "counting": summary, "threads": c.threads, "seconds": c.seconds });
    Ok(CmdResult::Valid { human, json })
}

fn parse_monthly(spec: &str) -> Result<Vec<MonthlyCount>, CmdResult> {
    let text = if spec.contains('=') {
        spec.replace(',', "\n").replace('=', ",")
    } else {
        let t = std::fs::read_to_string(spec).map_err(|e| io_error(spec, &e))?;
        if t.trim_start().starts_with('[') {
            return serde_json::from_str(&t)
                .map_err(|e| usage("platform.invalid_monthly", format!("{spec}: {e}")));
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
            usage(
                "platform.invalid_monthly",
                format!("monthly count {} '{line}' is not YYYY-MM,COUNT", i + 1),
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
    Ok(out)
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
                format!("--source '{x}' is not self, tool:NAME or reference:NAME"),
            )),
        },
    }
}

fn today_vn() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    VnDateTime::from_unix_seconds(secs)
        .map(|t| t.date())
        .unwrap_or_default()
}

/// The classification input and the counting summary (when counted from events).
fn build_input(
    a: &ClassifyArgs,
) -> Result<(ClassificationInput, NaiveDate, Option<CountingSummary>), CmdResult> {
    let (monthly, counting) = match (&a.monthly, &a.events) {
        (Some(m), _) => (parse_monthly(m)?, None),
        (None, Some(ev)) => {
            let c = count_events(ev, None)?;
            let monthly = c
                .months
                .iter()
                .map(|m| MonthlyCount {
                    month: m.month,
                    active_users: m.active_users,
                })
                .collect();
            (
                monthly,
                Some(CountingSummary::new(c.months, c.events, Some(c.lines))),
            )
        }
        (None, None) => return Err(usage("usage", "give --monthly or --events".to_owned())),
    };
    let mut input = ClassificationInput::new(
        monthly,
        parse_source(a.source.as_deref(), counting.is_some())?,
    );
    if let (Some(p), Some(publisher), Some(date)) =
        (a.population, &a.population_publisher, &a.population_date)
    {
        let published = parse_date(date, "--population-date")?;
        input.population = Population::new(
            p,
            PopulationKind::Average,
            a.population_reference
                .clone()
                .unwrap_or_else(|| "not stated".to_owned()),
            publisher.clone(),
            published,
        );
    }
    if let Some(bp) = a.large_bp {
        input.thresholds.large_min_bp = bp;
        input.thresholds.version = "caller-supplied".to_owned();
    }
    if let Some(bp) = a.very_large_bp {
        input.thresholds.very_large_above_bp = bp;
        input.thresholds.version = "caller-supplied".to_owned();
    }
    input.intermediary = if a.intermediary {
        Intermediary::Attested
    } else if a.not_intermediary {
        Intermediary::NotIntermediary
    } else {
        Intermediary::NotAttested
    };
    let date = match &a.date {
        Some(d) => parse_date(d, "--date")?,
        None => today_vn(),
    };
    Ok((input, date, counting))
}

fn classify_cmd(a: &ClassifyArgs) -> Result<CmdResult, CmdResult> {
    let (input, date, counting) = build_input(a)?;
    let c = classify(&input, date).map_err(|e| CmdResult::error(&e))?;
    let mut human = format!(
        "Class:        {}\n              {}\nMean users:   {} ({}) = {} % of {}\nMonths:       {} … {}\n",
        c.class.name_en(),
        c.class.name_vi(),
        c.mean_users,
        c.mean_exact,
        c.share_percent,
        c.population.value,
        c.months.first().map(|m| m.month.to_string()).unwrap_or_default(),
        c.months.last().map(|m| m.month.to_string()).unwrap_or_default(),
    );
    for d in &c.distances {
        human.push_str(&format!(
            "{:<13} {} users: distance {} users, {} pp{}\n",
            format!("{}:", d.threshold),
            d.threshold_mean_users,
            d.distance_users,
            d.distance_percentage_points,
            if d.reached { " (reached)" } else { "" }
        ));
    }
    human.push_str(&format!("Basis:        {}", c.class.basis()));
    let mut json = json!({ "classification": c });
    if let Some(k) = counting {
        json["counting"] = json!(k);
    }
    Ok(CmdResult::Valid { human, json })
}

fn report_cmd(
    a: &ClassifyArgs,
    evidence: Option<&Path>,
    operating_since: Option<&str>,
    first_classified: Option<&str>,
    inclusive: bool,
    decree_effective: Option<&str>,
) -> Result<CmdResult, CmdResult> {
    let (input, date, counting) = build_input(a)?;
    let mut ctx = ReportContext::default();
    if let Some(p) = evidence {
        let text =
            std::fs::read_to_string(p).map_err(|e| io_error(&p.display().to_string(), &e))?;
        ctx.evidence = serde_json::from_str::<Evidence>(&text)
            .map_err(|e| usage("platform.invalid_evidence", format!("{}: {e}", p.display())))?;
    }
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
    let report = build_report(&input, date, &ctx, &WorkingCalendar::vietnam(), counting)
        .map_err(|e| CmdResult::error(&e))?;
    let human = report.to_markdown();
    let json = json!(report);
    Ok(if report.obligations_overall == egov_core::Outcome::Fail {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}
