//! Counting monthly active users from an activity CSV stream or file (PLAT-01, NĐ 137/2024
//! Đ17.1): plain, gzip or zstd, on any number of threads, with every line accounted for.
//!
//! One reader (the calling thread) decompresses if needed and cuts the text into blocks of whole
//! lines, numbering each block's first line and byte offset; worker threads read the blocks and
//! route each user to the worker owning its shard ([`MonthlyActiveCounter::shard_of`]), so the
//! workers' key sets are disjoint and memory stays one key per distinct user-month. The line
//! numbers and byte offsets reported for malformed lines are those of the (decompressed) text,
//! whatever the thread count.
//!
//! Input that yields **no event at all** is an error ([`IngestError::NoEvents`]), never
//! "0 users": a wrong column order, a compressed file read as text or a kind the reader does not
//! know all end there, with the accounting that says why.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use egov_core::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::counter::{sum_disjoint, ActivityEvent, MonthlyActiveCounter};
use crate::csv::{
    Columns, CsvEventReader, KindAliases, MalformedReason, ParseStats, ReaderOptions,
};
use crate::partial::{IdScheme, Partial};
use crate::report::CountingSummary;

/// Bytes per block handed to a worker.
const BLOCK: usize = 1 << 20;
/// Events forwarded to another shard per message.
const ROUTE_BATCH: usize = 8192;

/// How the input was compressed (detected from its first bytes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// Plain text.
    #[default]
    None,
    /// gzip (RFC 1952; concatenated members are read as one stream).
    Gzip,
    /// Zstandard (RFC 8878).
    Zstd,
}

impl Compression {
    /// Detects gzip (`1f 8b`) and zstd (`28 b5 2f fd`) by their magic numbers.
    pub fn detect(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// Options of a count.
#[derive(Default)]
pub struct CountOptions<'a> {
    /// Worker threads; 0 = one per core (one for inputs under 8 MiB).
    pub threads: usize,
    /// Extra names of the activity kinds (the caller's mapping, see [`KindAliases`]).
    pub kinds: KindAliases,
    /// Called now and then with the bytes read so far (compressed bytes for compressed input).
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// The platform's salt: when given, string user ids are keyed under it (see
    /// [`crate::ids::IdSalt`]) instead of XXH3-64.
    pub salt: Option<crate::ids::IdSalt>,
    /// Bytes of text per block handed to a thread: 0 = 1 MiB; at least [`MIN_BLOCK`].
    /// Smaller blocks spread a small input over the threads (and bound memory per thread).
    pub block_size: usize,
}

/// The smallest block: a line of [`crate::csv::MAX_LINE`] bytes and its line ending fit.
pub const MIN_BLOCK: usize = crate::csv::MAX_LINE + 2;

/// The result of a count: the summary (months, event and line accounting) and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountResult {
    /// Months, event accounting, line accounting.
    #[serde(flatten)]
    pub summary: CountingSummary,
    /// How the input was compressed.
    pub compression: Compression,
    /// The columns read (from the header, or the default order).
    pub columns: Columns,
    /// Worker threads used.
    pub threads: usize,
}

/// Why a count could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The input could not be read (or decompressed).
    #[error("cannot read {what}: {source}")]
    Io {
        /// The input (a path or "standard input").
        what: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Not one line of the input is an event (PLAT-01): nothing can be counted.
    #[error("{}", no_events_message(.0))]
    NoEvents(Box<ParseStats>),
    /// A worker thread stopped unexpectedly.
    #[error("a counting thread stopped unexpectedly")]
    Worker,
    /// The workers' counts could not be joined into one partial (a bug: they share one scheme).
    #[error("cannot build the partial count: {0}")]
    Partial(String),
}

fn no_events_message(lines: &ParseStats) -> String {
    let mut s = format!(
        "no activity event in the input: {} lines read, {} not counted",
        lines.lines, lines.malformed
    );
    for (r, n) in &lines.malformed_by_reason {
        s.push_str(&format!("; {}: {n}", r.describe()));
    }
    if !lines.unrecognised_kinds.is_empty() {
        let kinds: Vec<String> = lines
            .unrecognised_kinds
            .iter()
            .map(|(k, n)| format!("{k:?} × {n}"))
            .collect();
        s.push_str(&format!("; kinds not counted: {}", kinds.join(", ")));
    }
    s
}

impl IngestError {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

/// The operating system's reason in Vietnamese (CORE-06); a reason without a Vietnamese name is
/// quoted as the system gives it.
impl egov_core::Localize for IngestError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            IngestError::Io { what, source } => {
                egov_core::args!(what = what, kind = egov_core::i18n::io_reason_vi(source))
            }
            IngestError::NoEvents(lines) => {
                let reasons: String = lines
                    .malformed_by_reason
                    .iter()
                    .map(|(r, n)| format!("; {}: {n}", r.describe_vi()))
                    .collect();
                egov_core::args!(
                    source = "text",
                    lines = lines.lines,
                    malformed = lines.malformed,
                    reasons = reasons
                )
            }
            IngestError::Worker => egov_core::args!(),
            IngestError::Partial(e) => egov_core::args!(reason = e),
        }
    }
}

impl ErrorCode for IngestError {
    fn code(&self) -> &'static str {
        match self {
            IngestError::Io { .. } => "io.read",
            IngestError::NoEvents(_) => "platform.no_events",
            IngestError::Partial(_) => "partial.invalid",
            IngestError::Worker => "internal",
        }
    }
}

/// Counts the activity CSV file at `path` (plain, gzip or zstd) (PLAT-01, Đ17.1).
pub fn count_csv_file(path: &Path, options: &CountOptions<'_>) -> Result<CountResult, IngestError> {
    let what = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| IngestError::Io {
        what: what.clone(),
        source,
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    count_csv_reader(file, &what, Some(size), options)
}

/// Counts an activity CSV stream (plain, gzip or zstd) (PLAT-01, Đ17.1). `what` names the input
/// in errors; `size_hint` (bytes) chooses the thread count when `options.threads` is 0.
pub fn count_csv_reader<R: Read>(
    input: R,
    what: &str,
    size_hint: Option<u64>,
    options: &CountOptions<'_>,
) -> Result<CountResult, IngestError> {
    count_csv_inner(input, what, size_hint, options).map(|(r, _)| r)
}

/// [`count_csv_file`], also giving the count as a [`Partial`] (issue 15) of `shards` shards,
/// with the line accounting, to write out and merge elsewhere. Its key scheme follows
/// `options.salt` (keyed under the salt, else XXH3-64).
pub fn partial_of_csv_file(
    path: &Path,
    options: &CountOptions<'_>,
    shards: u32,
) -> Result<(CountResult, Partial), IngestError> {
    let what = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| IngestError::Io {
        what: what.clone(),
        source,
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    partial_of_csv_reader(file, &what, Some(size), options, shards)
}

/// [`count_csv_reader`], also giving the count as a [`Partial`] (see [`partial_of_csv_file`]).
pub fn partial_of_csv_reader<R: Read>(
    input: R,
    what: &str,
    size_hint: Option<u64>,
    options: &CountOptions<'_>,
    shards: u32,
) -> Result<(CountResult, Partial), IngestError> {
    let ids = options
        .salt
        .as_ref()
        .map_or(IdScheme::Xxh3, IdScheme::keyed);
    let (r, counters) = count_csv_inner(input, what, size_hint, options)?;
    let mut partial = Partial::empty(ids.clone(), shards);
    for c in &counters {
        // The workers' counters hold disjoint users: the merge is a union of disjoint sets.
        partial = partial
            .merge(Partial::from_counter(c, ids.clone(), shards))
            .map_err(|e| IngestError::Partial(e.to_string()))?;
    }
    partial.lines = r.summary.lines.clone();
    Ok((r, partial))
}

fn count_csv_inner<R: Read>(
    input: R,
    what: &str,
    size_hint: Option<u64>,
    options: &CountOptions<'_>,
) -> Result<(CountResult, Vec<MonthlyActiveCounter>), IngestError> {
    let io = |source| IngestError::Io {
        what: what.to_owned(),
        source,
    };
    let progress = Progress::new(options.progress);
    let mut buffered = BufReader::with_capacity(1 << 16, progress.wrap(input));
    let compression = Compression::detect(buffered.fill_buf().map_err(io)?);
    let text: Box<dyn Read + '_> = match compression {
        Compression::None => Box::new(buffered),
        Compression::Gzip => decompress_gzip(buffered),
        Compression::Zstd => decompress_zstd(buffered).map_err(io)?,
    };
    let threads = match options.threads {
        0 if size_hint.is_some_and(|s| s < (8 << 20)) => 1,
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, 256);
    let block = match options.block_size {
        0 => BLOCK,
        n => n.max(MIN_BLOCK),
    };
    let mut blocks = Blocks::new(text, what, block);
    // The columns come from the first line, so that every block is read the same way.
    let first = blocks.first_line().map_err(io)?;
    let columns = match first.as_deref().map(Columns::from_header) {
        Some(Some(Ok(c))) => c,
        _ => Columns::default(),
    };
    let reader_options = ReaderOptions {
        columns: match first.as_deref().map(Columns::from_header) {
            Some(Some(Err(_))) => None, // let the first block's reader report the bad header
            _ => Some(columns),
        },
        kinds: Arc::new(options.kinds.clone()),
        salt: options.salt.clone(),
    };
    let (counters, mut lines) = if threads == 1 {
        count_inline(&mut blocks, &reader_options)?
    } else {
        count_parallel(&mut blocks, &reader_options, threads)?
    };
    lines.merge(&blocks.stats);
    let (months, events) = sum_disjoint(&counters);
    if lines.events == 0 {
        return Err(IngestError::NoEvents(Box::new(lines)));
    }
    Ok((
        CountResult {
            summary: {
                let s = CountingSummary::new(months, events, Some(lines));
                match &options.salt {
                    Some(salt) => s.keyed_with(&salt.salt_id()),
                    None => s,
                }
            },
            compression,
            columns,
            threads,
        },
        counters,
    ))
}

#[cfg(feature = "compression")]
fn decompress_gzip<'a, R: BufRead + 'a>(r: R) -> Box<dyn Read + 'a> {
    Box::new(flate2::bufread::MultiGzDecoder::new(r))
}

#[cfg(feature = "compression")]
fn decompress_zstd<'a, R: BufRead + 'a>(r: R) -> std::io::Result<Box<dyn Read + 'a>> {
    Ok(Box::new(zstd::stream::read::Decoder::with_buffer(r)?))
}

#[cfg(not(feature = "compression"))]
fn decompress_gzip<'a, R: BufRead + 'a>(_: R) -> Box<dyn Read + 'a> {
    Box::new(Unsupported("gzip"))
}

#[cfg(not(feature = "compression"))]
fn decompress_zstd<'a, R: BufRead + 'a>(_: R) -> std::io::Result<Box<dyn Read + 'a>> {
    Ok(Box::new(Unsupported("zstd")))
}

/// A reader that fails: compressed input without the `compression` feature.
#[cfg(not(feature = "compression"))]
struct Unsupported(&'static str);

#[cfg(not(feature = "compression"))]
impl Read for Unsupported {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            format!(
                "{} input needs the `compression` feature of egov-platform-class",
                self.0
            ),
        ))
    }
}

/// Counts bytes read for the progress callback.
struct Progress<'a> {
    callback: Option<&'a (dyn Fn(u64) + Sync)>,
    done: AtomicU64,
}

impl<'a> Progress<'a> {
    fn new(callback: Option<&'a (dyn Fn(u64) + Sync)>) -> Self {
        Progress {
            callback,
            done: AtomicU64::new(0),
        }
    }

    fn wrap<R: Read>(&'a self, inner: R) -> Counting<'a, R> {
        Counting {
            inner,
            progress: self,
            since: 0,
        }
    }
}

struct Counting<'a, R> {
    inner: R,
    progress: &'a Progress<'a>,
    since: u64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(cb) = self.progress.callback {
            let total = self.progress.done.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
            self.since += n as u64;
            if self.since >= 64 << 20 || n == 0 {
                self.since = 0;
                cb(total);
            }
        }
        Ok(n)
    }
}

/// A block of whole lines: its text, the byte offset of its first byte and the number of its
/// first line.
struct Block {
    text: Vec<u8>,
    offset: u64,
    line: u64,
}

/// Cuts a text stream into blocks of whole lines, numbering them. A line longer than a block is
/// counted here as `line_too_long` and skipped.
struct Blocks<'a> {
    input: Box<dyn Read + 'a>,
    /// The input's name, for errors.
    what: String,
    /// Bytes per block.
    block: usize,
    /// Bytes read but not yet handed out (the start of an unfinished line).
    pending: Vec<u8>,
    offset: u64,
    line: u64,
    eof: bool,
    stats: ParseStats,
}

impl<'a> Blocks<'a> {
    fn new(input: Box<dyn Read + 'a>, what: &str, block: usize) -> Self {
        Blocks {
            input,
            what: what.to_owned(),
            block,
            pending: Vec::with_capacity(block),
            offset: 0,
            line: 1,
            eof: false,
            stats: ParseStats::default(),
        }
    }

    /// Reads until `pending` holds `want` bytes or the input ends.
    fn fill(&mut self, want: usize) -> std::io::Result<()> {
        while !self.eof && self.pending.len() < want {
            let len = self.pending.len();
            self.pending.resize(want, 0);
            let n = loop {
                match self.input.read(&mut self.pending[len..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.pending.truncate(len);
                        return Err(e);
                    }
                }
            };
            self.pending.truncate(len + n);
            self.eof = n == 0;
        }
        Ok(())
    }

    /// The first line of the input (without its ending), not consumed; `None` if empty.
    fn first_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        self.fill(self.block)?;
        if self.pending.is_empty() {
            return Ok(None);
        }
        let end = memchr::memchr(b'\n', &self.pending).unwrap_or(self.pending.len());
        Ok(Some(self.pending[..end].to_vec()))
    }

    /// The next block of whole lines (the last may lack its line ending), `None` at the end.
    fn next_block(&mut self) -> std::io::Result<Option<Block>> {
        loop {
            self.fill(self.block)?;
            if self.pending.is_empty() {
                return Ok(None);
            }
            let cut = if self.eof {
                Some(self.pending.len())
            } else {
                memchr::memrchr(b'\n', &self.pending).map(|i| i + 1)
            };
            let Some(cut) = cut else {
                self.skip_long_line()?;
                continue;
            };
            let rest = self.pending.split_off(cut);
            let text = std::mem::replace(&mut self.pending, rest);
            self.pending
                .reserve(self.block.saturating_sub(self.pending.len()));
            let block = Block {
                offset: self.offset,
                line: self.line,
                text,
            };
            self.offset += block.text.len() as u64;
            self.line += memchr::memchr_iter(b'\n', &block.text).count() as u64;
            return Ok(Some(block));
        }
    }

    /// `pending` is a whole block without a line ending: a line longer than a block, counted
    /// as `line_too_long` and read through to its end.
    fn skip_long_line(&mut self) -> std::io::Result<()> {
        self.stats.lines += 1;
        self.stats.malformed(
            self.line,
            self.offset,
            MalformedReason::LineTooLong,
            &self.pending,
        );
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.pending) {
                self.offset += i as u64 + 1;
                self.line += 1;
                self.pending.drain(..=i);
                return Ok(());
            }
            self.offset += self.pending.len() as u64;
            self.pending.clear();
            self.fill(self.block)?;
            if self.pending.is_empty() {
                self.line += 1;
                return Ok(());
            }
        }
    }
}

/// Reads one block: its events and its line accounting.
fn read_block(
    block: &Block,
    options: &ReaderOptions,
    events: &mut Vec<ActivityEvent>,
) -> ParseStats {
    let mut reader = CsvEventReader::starting_at(block.offset, block.line, options.clone());
    reader.feed(&block.text, events);
    reader.finish(events);
    reader.take_stats()
}

type Counted = (Vec<MonthlyActiveCounter>, ParseStats);

fn count_inline(blocks: &mut Blocks<'_>, options: &ReaderOptions) -> Result<Counted, IngestError> {
    let mut counter = MonthlyActiveCounter::new();
    let mut lines = ParseStats::default();
    let mut events = Vec::with_capacity(BLOCK / 16);
    while let Some(block) = blocks.next_block().map_err(|source| IngestError::Io {
        what: blocks.what.clone(),
        source,
    })? {
        lines.merge(&read_block(&block, options, &mut events));
        counter.add_batch(&events);
        events.clear();
    }
    Ok((vec![counter], lines))
}

fn count_parallel(
    blocks: &mut Blocks<'_>,
    options: &ReaderOptions,
    n: usize,
) -> Result<Counted, IngestError> {
    let (work_tx, work_rx) = mpsc::sync_channel::<Block>(2 * n);
    let work_rx = Mutex::new(work_rx);
    let (txs, rxs): (Vec<_>, Vec<_>) = (0..n)
        .map(|_| mpsc::sync_channel::<Vec<ActivityEvent>>(16))
        .unzip();
    std::thread::scope(|s| {
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
                let work_rx = &work_rx;
                s.spawn(move || worker(shard, work_rx, options))
            })
            .collect();
        drop(txs);
        let mut read_error = None;
        loop {
            match blocks.next_block() {
                Ok(Some(block)) => {
                    if work_tx.send(block).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            }
        }
        drop(work_tx);
        let mut counters = Vec::with_capacity(n);
        let mut lines = ParseStats::default();
        let mut failed = false;
        for h in handles {
            match h.join() {
                Ok((c, l)) => {
                    counters.push(c);
                    lines.merge(&l);
                }
                Err(_) => failed = true,
            }
        }
        if let Some(source) = read_error {
            return Err(IngestError::Io {
                what: blocks.what.clone(),
                source,
            });
        }
        if failed {
            return Err(IngestError::Worker);
        }
        Ok((counters, lines))
    })
}

#[cfg(feature = "parquet")]
/// What [`count_items_sharded`] calls for each work item: read it, handing events to `sink` in
/// batches, and account for what it read in `stats`.
pub(crate) type ReadItem<'a, T, E> = dyn Fn(&T, &mut dyn FnMut(&mut Vec<ActivityEvent>), &mut ParseStats) -> Result<(), E>
    + Sync
    + 'a;

/// Counts work items known in advance (Parquet row groups) on `n` worker threads that take
/// items in turn and route each user to the worker owning its shard, as the CSV reader does:
/// every user is held by one counter only, so memory is one set of user-months, not one per
/// thread. Returns the workers' counters (disjoint users) and the accounting; the first error
/// of any item stops its worker and is returned.
#[cfg(feature = "parquet")]
pub(crate) fn count_items_sharded<T: Sync, E: Send>(
    items: &[T],
    n: usize,
    read: &ReadItem<'_, T, E>,
    worker_stopped: impl Fn() -> E,
) -> Result<(Vec<MonthlyActiveCounter>, ParseStats), E> {
    let n = n.max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (txs, rxs): (Vec<_>, Vec<_>) = (0..n)
        .map(|_| mpsc::sync_channel::<Vec<ActivityEvent>>(16))
        .unzip();
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = rxs
            .into_iter()
            .enumerate()
            .map(|(me, rx)| {
                let mut shard = Shard {
                    me,
                    counter: MonthlyActiveCounter::new(),
                    local: Vec::new(),
                    outbox: vec![Vec::new(); n],
                    txs: txs.clone(),
                    rx,
                };
                let next = &next;
                s.spawn(move || {
                    let mut stats = ParseStats::default();
                    let mut error = None;
                    loop {
                        shard.drain();
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let mut sink = |events: &mut Vec<ActivityEvent>| shard.take(events, false);
                        if let Err(e) = read(item, &mut sink, &mut stats) {
                            error = Some(e);
                            break;
                        }
                    }
                    shard.take(&mut Vec::new(), true);
                    (shard.finish(), stats, error)
                })
            })
            .collect();
        drop(txs);
        handles.into_iter().map(|h| h.join()).collect()
    });
    let mut counters = Vec::with_capacity(n);
    let mut stats = ParseStats::default();
    for r in results {
        // A worker that stopped lost its events: no answer rather than a wrong one.
        let Ok((c, st, error)) = r else {
            return Err(worker_stopped());
        };
        if let Some(e) = error {
            return Err(e);
        }
        counters.push(c);
        stats.merge(&st);
    }
    Ok((counters, stats))
}

/// One worker: reads blocks from the queue, counts its shard, forwards the rest.
fn worker(
    mut shard: Shard,
    work: &Mutex<mpsc::Receiver<Block>>,
    options: &ReaderOptions,
) -> (MonthlyActiveCounter, ParseStats) {
    let mut lines = ParseStats::default();
    let mut events = Vec::with_capacity(BLOCK / 16);
    loop {
        // Count what other shards forwarded, then take the next block (waiting a little while
        // the reader catches up).
        shard.drain();
        let block = match work.lock() {
            Ok(rx) => rx.recv_timeout(std::time::Duration::from_millis(1)),
            Err(_) => break,
        };
        match block {
            Ok(block) => {
                lines.merge(&read_block(&block, options, &mut events));
                shard.take(&mut events, false);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    shard.take(&mut events, true);
    (shard.finish(), lines)
}

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
