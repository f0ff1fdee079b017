//! Exact, streaming, mergeable counting of monthly active users (PLAT-01, NĐ 137/2024 Đ17.1, Đ17.4).
//!
//! An active user of a month is a user with at least one login, information access or service use
//! in that calendar month (Đ17.1), located in Vietnam (Đ17.2 «tại Việt Nam»). Months are in
//! Vietnam time (00:00 +07:00, see [`crate::month`]).
//!
//! ## Design
//!
//! * A user is a 64-bit [`UserKey`]: integer identifiers are used as they are; string identifiers
//!   are hashed with XXH3-64 (seed 0, a fixed, documented, portable function). With `n` distinct
//!   string identifiers in a month, the probability that any two share a key is at most
//!   `n(n−1)/2^65` (birthday bound): 2.7 × 10⁻⁶ for 10 million users, 2.7 × 10⁻⁴ for 100 million.
//!   See [`collision_bound`]. A collision can only make a count lower, never higher.
//! * Each month keeps its keys (bijectively mixed) in a small open-addressing buffer of at most
//!   8 192 slots (64 KiB, so the buffers of a year stay in L2 cache) and in **sorted runs of
//!   distinct keys** whose lengths at least halve from one run to the next (a log-structured
//!   merge). A full buffer is read out in slot order — hash order, because the slot is
//!   `⌊mix(key) · capacity / 2⁶⁴⌋` and probing never wraps — fixed up by insertion sort and pushed
//!   as a run; runs of similar length are merged with deduplication by a branch-free merge that
//!   runs backwards in place in the larger run's allocation, as two interleaved value ranges.
//!   Each key is touched O(log n) times, always sequentially, instead of once at a random address
//!   of a table as large as the month (which costs a cache and TLB miss per event at scale).
//! * Memory: 8 bytes per distinct user-month in the runs, plus duplicates not yet merged away
//!   (at most one level's worth), plus the smaller run during a merge, plus the 64 KiB buffers;
//!   [`compact`](MonthlyActiveCounter::compact) leaves exactly 8 bytes per user-month. Measured:
//!   8.6–9.7 bytes per user-month at 10–100 million events.
//! * Speed (see `benches/platform_vs_duckdb.sh`): about 20 million events per CPU-second on one
//!   core at 100 million events over 10 million users and 12 months.
//! * Batches are inserted in groups of [`GROUP`]: the months of a group are resolved and buffer
//!   room reserved once, then the keys inserted.
//! * Memory grows with distinct user-months, not with events. Counters of disjoint parts of the
//!   events (threads, files, machines) [`merge`](MonthlyActiveCounter::merge) into exactly the
//!   counter of all events, in any order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::classify::MonthlyCount;
use crate::month::YearMonth;

/// Events are inserted in groups of this size (see the module documentation).
pub const GROUP: usize = 32;

/// Days in the day → month table (about 5.6 years around the first event).
const DAY_WINDOW: usize = 2048;

/// The earliest month an event may fall in (older timestamps are malformed).
const MIN_YEAR: i32 = 1970;
/// The latest year an event may fall in (later timestamps are malformed).
const MAX_YEAR: i32 = 2199;

/// A user identifier reduced to 64 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct UserKey(pub u64);

impl UserKey {
    /// An integer identifier, used as it is (no collisions between integers).
    #[inline]
    pub fn from_int(id: u64) -> Self {
        UserKey(id)
    }

    /// A string identifier hashed with XXH3-64, seed 0 (collision bound: [`collision_bound`]).
    #[inline]
    pub fn from_str_id(id: &str) -> Self {
        Self::from_bytes(id.as_bytes())
    }

    /// Raw identifier bytes hashed with XXH3-64, seed 0.
    #[inline]
    pub fn from_bytes(id: &[u8]) -> Self {
        UserKey(xxhash_rust::xxh3::xxh3_64(id))
    }
}

/// The birthday bound on the probability that two of `n` distinct hashed identifiers share a
/// 64-bit key: `n(n−1)/2^65`, as a display string in scientific notation (not used in any legal
/// comparison).
pub fn collision_bound(n: u64) -> String {
    let p = (n as f64) * (n.saturating_sub(1) as f64) / 2f64.powi(65);
    format!("{:.2e}", p.min(1.0))
}

/// The kinds of activity that make a user active (PLAT-01, Đ17.1 «đăng nhập, truy cập thông tin,
/// sử dụng dịch vụ»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Đăng nhập.
    Login,
    /// Truy cập thông tin.
    InformationAccess,
    /// Sử dụng dịch vụ.
    ServiceUse,
}

/// One activity event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActivityEvent {
    /// The user.
    pub user: UserKey,
    /// When, in Unix seconds (the month is taken in Vietnam time).
    pub at: i64,
    /// What the user did.
    pub kind: ActivityKind,
    /// Whether the user was located in Vietnam (Đ17.2 «tại Việt Nam»); the caller attests the
    /// geolocation method (§7 A-13).
    pub in_vietnam: bool,
}

/// Per-month result of a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthActivity {
    /// The month (Vietnam time).
    pub month: YearMonth,
    /// Distinct active users located in Vietnam.
    pub active_users: u64,
    /// Events counted in that month.
    pub events: u64,
}

/// Event accounting of a counter: every event fed is in exactly one bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountStats {
    /// Events fed.
    pub events_seen: u64,
    /// Events counted (in Vietnam, valid timestamp).
    pub events_counted: u64,
    /// Events of users outside Vietnam (not counted, Đ17.2).
    pub outside_vietnam: u64,
    /// Events whose timestamp is outside 1970–2199 (malformed, not counted).
    pub timestamp_out_of_range: u64,
}

impl CountStats {
    fn add(&mut self, o: &CountStats) {
        self.events_seen += o.events_seen;
        self.events_counted += o.events_counted;
        self.outside_vietnam += o.outside_vietnam;
        self.timestamp_out_of_range += o.timestamp_out_of_range;
    }
}

/// Slots of a month's buffer when it is first used.
const BUF_MIN: usize = 1 << 10;
/// Largest buffer (64 KiB of slots): beyond it the buffer is flushed into a sorted run.
const BUF_MAX: usize = 1 << 13;
/// Extra slots past the hashed range, so probing never wraps and slot order stays hash order.
const SLACK: usize = 256;

/// Bijective mixing of a key (xor-shift, then multiplication by an odd constant): distinct keys
/// stay distinct, zero maps to zero only, and the high bits are well spread.
#[inline]
fn mix(key: u64) -> u64 {
    (key ^ (key >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The inverse of [`mix`] (the multiplier's inverse modulo 2⁶⁴, then the xor-shift, which is its
/// own inverse).
#[inline]
fn unmix(m: u64) -> u64 {
    let x = m.wrapping_mul(MIX_INVERSE);
    x ^ (x >> 32)
}

/// `0x9E37_79B9_7F4A_7C15⁻¹ mod 2⁶⁴`.
const MIX_INVERSE: u64 = 0xF1DE_83E1_9937_733D;

/// The distinct keys of one month, stored as mixed keys (see [`mix`]): a small open-addressing
/// buffer that stays in cache, and sorted runs of distinct keys whose lengths at least halve from
/// one run to the next (so there are O(log n) of them). A full buffer is read out in slot order
/// (= hash order, nearly sorted), sorted and pushed as a run; runs of similar length are merged
/// with deduplication. Every key is thus touched O(log n) times, sequentially, instead of once at
/// a random address of a table as large as the month.
#[derive(Debug, Clone, Default)]
struct KeySet {
    buf: Vec<u64>,
    cap: usize,
    buf_len: usize,
    runs: Vec<Vec<u64>>,
    has_zero: bool,
}

#[inline]
fn slot(m: u64, cap: usize) -> usize {
    ((u128::from(m) * cap as u128) >> 64) as usize
}

impl KeySet {
    /// Makes room for `extra` more keys in the buffer.
    #[inline]
    fn reserve(&mut self, extra: usize) {
        if self.buf_len + extra > self.cap * 3 / 4 {
            self.make_room(extra);
        }
    }

    #[cold]
    fn make_room(&mut self, extra: usize) {
        while self.buf_len + extra > self.cap * 3 / 4 {
            if self.cap < BUF_MAX {
                let cap = (self.cap * 2).max(BUF_MIN);
                let old = std::mem::replace(&mut self.buf, vec![0; cap + SLACK]);
                self.cap = cap;
                self.buf_len = 0;
                for m in old.into_iter().filter(|&m| m != 0) {
                    self.insert_mixed(m);
                }
            } else {
                self.flush();
            }
        }
    }

    /// Inserts a key; [`reserve`](Self::reserve) must have made room.
    #[inline]
    fn insert_no_grow(&mut self, key: u64) {
        let m = mix(key);
        if m == 0 {
            self.has_zero = true;
        } else {
            self.insert_mixed(m);
        }
    }

    #[inline]
    fn insert_mixed(&mut self, m: u64) {
        let mut i = slot(m, self.cap);
        loop {
            match self.buf.get(i).copied() {
                Some(s) if s == m => return,
                Some(0) => {
                    self.buf[i] = m;
                    self.buf_len += 1;
                    return;
                }
                Some(_) => i += 1,
                None => {
                    // The slack is exhausted (or there is no buffer yet): start afresh.
                    if self.cap == 0 {
                        self.make_room(1);
                    } else {
                        self.flush();
                    }
                    i = slot(m, self.cap);
                }
            }
        }
    }

    #[inline]
    fn insert(&mut self, key: u64) {
        self.reserve(1);
        self.insert_no_grow(key);
    }

    /// Moves the buffer into a sorted run.
    fn flush(&mut self) {
        if self.buf_len == 0 {
            return;
        }
        // Branch-free compaction of the occupied slots (about 3 in 4 are) into a run of exactly
        // their number (+ 1: the slot written after the last kept key).
        let mut run = vec![0u64; self.buf_len + 1];
        let mut k = 0;
        for &s in &self.buf {
            // k ≤ the keys kept so far ≤ buf_len < run.len(); run[k] is overwritten next unless
            // s was kept.
            if let Some(r) = run.get_mut(k) {
                *r = s;
            }
            k += usize::from(s != 0);
        }
        run.truncate(k);
        self.buf.fill(0);
        self.buf_len = 0;
        insertion_sort(&mut run);
        self.push_run(run);
    }

    /// Adds a sorted run of distinct keys, merging while a run is less than twice the next.
    fn push_run(&mut self, run: Vec<u64>) {
        if run.is_empty() {
            return;
        }
        self.runs.push(run);
        while self.runs.len() >= 2 {
            let n = self.runs.len();
            if self.runs[n - 2].len() >= 2 * self.runs[n - 1].len() {
                break;
            }
            let (Some(b), Some(a)) = (self.runs.pop(), self.runs.pop()) else {
                break;
            };
            self.runs.push(merge_runs(a, b));
        }
    }

    /// Merges everything into one run (for a cheap count and the smallest memory).
    fn compact(&mut self) {
        self.flush();
        self.buf = Vec::new();
        self.cap = 0;
        while self.runs.len() >= 2 {
            let (Some(b), Some(a)) = (self.runs.pop(), self.runs.pop()) else {
                break;
            };
            self.runs.push(merge_runs(a, b));
        }
        self.runs.iter_mut().for_each(Vec::shrink_to_fit);
        self.runs.shrink_to_fit();
    }

    /// Takes in another month's keys.
    fn absorb(&mut self, mut other: KeySet) {
        other.flush();
        self.has_zero |= other.has_zero;
        for run in other.runs {
            self.push_run(run);
        }
    }

    /// Distinct keys: merges the sorted buffer and the runs, smallest first (the runs are
    /// geometric, so this costs about twice the month's size; the temporary is one month's).
    fn count(&self) -> u64 {
        let zero = u64::from(self.has_zero);
        if self.buf_len == 0 && self.runs.len() <= 1 {
            return self.runs.first().map_or(0, |r| r.len() as u64) + zero;
        }
        let mut acc: Vec<u64> = self.buf.iter().copied().filter(|&s| s != 0).collect();
        insertion_sort(&mut acc);
        for run in self.runs.iter().rev() {
            acc = merge_into(acc, run);
        }
        acc.len() as u64 + zero
    }

    /// The distinct keys (unmixed), sorted ascending.
    fn keys(&self) -> Vec<u64> {
        let mut acc: Vec<u64> = self.buf.iter().copied().filter(|&s| s != 0).collect();
        insertion_sort(&mut acc);
        for run in self.runs.iter().rev() {
            acc = merge_into(acc, run);
        }
        let mut keys: Vec<u64> = acc.into_iter().map(unmix).collect();
        if self.has_zero {
            keys.push(0);
        }
        keys.sort_unstable();
        keys
    }

    fn heap_bytes(&self) -> usize {
        (self.buf.capacity() + self.runs.iter().map(Vec::capacity).sum::<usize>()) * 8
            + self.runs.capacity() * 24
    }
}

/// Sorts a nearly sorted slice (the buffer in slot order: only probe displacements are out of
/// order), in O(n + inversions).
fn insertion_sort(v: &mut [u64]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// A backward merge in place: `buf[..i]` holds the rest of the first run, `b[..j]` the rest of
/// the second, and the output grows downwards from `buf[k]`. Since `k ≥ i + j`, writes never
/// overtake unread input.
struct BackMerge<'a> {
    buf: &'a mut [u64],
    b: &'a [u64],
    i: usize,
    j: usize,
    k: usize,
}

impl<'a> BackMerge<'a> {
    fn new(buf: &'a mut [u64], i: usize, b: &'a [u64]) -> Self {
        let k = buf.len();
        BackMerge {
            buf,
            b,
            i,
            j: b.len(),
            k,
        }
    }

    #[inline]
    fn both_left(&self) -> bool {
        self.i > 0 && self.j > 0
    }

    /// One branch-free step: writes the larger head, consuming both inputs on a tie.
    #[inline(always)]
    fn step(&mut self) {
        let (x, y) = (self.buf[self.i - 1], self.b[self.j - 1]);
        self.k -= 1;
        self.buf[self.k] = x.max(y);
        self.i -= usize::from(x >= y);
        self.j -= usize::from(y >= x);
    }

    /// Runs to the end; the output is `buf[start..]`, returns `start`.
    fn finish(mut self) -> usize {
        while self.both_left() {
            self.step();
        }
        let (i, j) = (self.i, self.j);
        self.buf[self.k - j..self.k].copy_from_slice(&self.b[..j]);
        self.k -= j;
        self.buf.copy_within(..i, self.k - i);
        self.k - i
    }
}

/// The sorted union of two sorted runs of distinct keys, without duplicates, built in `run`'s
/// allocation (extended by `other.len()`: a merge needs fresh memory only for the smaller side).
/// The inputs are split at a pivot and the two value ranges merged in one loop: two independent
/// dependency chains run in parallel on the CPU, about twice the speed of one.
fn merge_into(mut run: Vec<u64>, other: &[u64]) -> Vec<u64> {
    if other.is_empty() {
        return run;
    }
    let n = run.len();
    let pivot = run.get(n / 2).copied().unwrap_or(u64::MAX);
    let pa = run.partition_point(|&x| x < pivot);
    let pb = other.partition_point(|&x| x < pivot);
    let total = n + other.len();
    // Exactly the room needed: `resize` alone would double the allocation (amortised growth),
    // and the merged run stays for the rest of the count.
    run.reserve_exact(other.len());
    run.resize(total, 0);
    let lo_end = pa + pb;
    // Lower range: run[..pa] merged with other[..pb] into run[..lo_end];
    // upper range: run[pa..n], moved to run[lo_end..], merged with other[pb..] into run[lo_end..].
    run.copy_within(pa..n, lo_end);
    let (lo_buf, hi_buf) = run.split_at_mut(lo_end);
    let mut lo = BackMerge::new(lo_buf, pa, &other[..pb]);
    let mut hi = BackMerge::new(hi_buf, n - pa, &other[pb..]);
    while lo.both_left() && hi.both_left() {
        lo.step();
        hi.step();
    }
    let lo_start = lo.finish();
    let hi_start = lo_end + hi.finish();
    let lo_len = lo_end - lo_start;
    run.copy_within(lo_start..lo_end, 0);
    run.copy_within(hi_start..total, lo_len);
    run.truncate(lo_len + total - hi_start);
    if run.capacity() - run.len() > run.len() / 8 {
        run.shrink_to_fit();
    }
    run
}

/// Merges two runs in the allocation of the larger.
fn merge_runs(a: Vec<u64>, b: Vec<u64>) -> Vec<u64> {
    if a.len() >= b.len() {
        merge_into(a, &b)
    } else {
        merge_into(b, &a)
    }
}

/// The exact counter of distinct active users per month (PLAT-01, Đ17.1; Đ17.4 monthly figures).
///
/// ```
/// use egov_platform_class::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};
/// let mut a = MonthlyActiveCounter::new();
/// let mut b = MonthlyActiveCounter::new();
/// // 2025-01-31T17:30:00Z is 2025-02-01 00:30 in Vietnam: February.
/// let e = |user, at| ActivityEvent { user: UserKey::from_int(user), at, kind: ActivityKind::Login, in_vietnam: true };
/// a.add(&e(1, 1_738_344_600));
/// b.add_batch(&[e(1, 1_738_344_600), e(2, 1_738_344_600)]);
/// a.merge(b);
/// let months = a.months();
/// assert_eq!(months[0].month.to_string(), "2025-02");
/// assert_eq!(months[0].active_users, 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct MonthlyActiveCounter {
    /// Month index of `sets[0]`.
    base: i32,
    /// Day number of `day_months[0]`.
    day_base: i64,
    /// Month index (or -1 if out of range) of each day of a window around the first event, so
    /// the hot path needs no calendar arithmetic.
    day_months: Vec<i32>,
    sets: Vec<KeySet>,
    events: Vec<u64>,
    stats: CountStats,
}

impl MonthlyActiveCounter {
    /// An empty counter.
    pub fn new() -> Self {
        Self::default()
    }

    /// The position of `month` in `sets`, creating empty sets as needed.
    #[inline]
    fn set_index(&mut self, month: YearMonth) -> usize {
        let m = month.index();
        if self.sets.is_empty() {
            self.base = m;
        }
        if m < self.base {
            let extra = (self.base - m) as usize;
            self.sets
                .splice(0..0, std::iter::repeat_with(KeySet::default).take(extra));
            self.events.splice(0..0, std::iter::repeat_n(0, extra));
            self.base = m;
        }
        let i = (m - self.base) as usize;
        if i >= self.sets.len() {
            self.sets.resize_with(i + 1, KeySet::default);
            self.events.resize(i + 1, 0);
        }
        i
    }

    /// The counting month of a timestamp, `None` outside 1970–2199 (PLAT-01: Vietnam time).
    #[inline]
    fn month_of(&mut self, at: i64) -> Option<YearMonth> {
        let day = crate::month::vn_day(at)?;
        let valid = |m: &YearMonth| (MIN_YEAR..=MAX_YEAR).contains(&m.year());
        if let Some(&m) = usize::try_from(day.wrapping_sub(self.day_base))
            .ok()
            .and_then(|i| self.day_months.get(i))
        {
            return YearMonth::from_index(m);
        }
        if self.day_months.is_empty() {
            self.day_base = day.saturating_sub(DAY_WINDOW as i64 / 2);
            self.day_months = (0..DAY_WINDOW as i64)
                .map(|i| {
                    YearMonth::of_day(self.day_base.saturating_add(i))
                        .filter(valid)
                        .map_or(-1, |m| m.index())
                })
                .collect();
        }
        YearMonth::of_day(day).filter(valid)
    }

    /// Classifies an event: `Some(month)` if it counts (PLAT-01), updating the accounting.
    #[inline]
    fn accept(&mut self, e: &ActivityEvent) -> Option<usize> {
        self.stats.events_seen += 1;
        if !e.in_vietnam {
            self.stats.outside_vietnam += 1;
            return None;
        }
        match self.month_of(e.at) {
            Some(month) => {
                self.stats.events_counted += 1;
                let i = self.set_index(month);
                self.events[i] += 1;
                Some(i)
            }
            None => {
                self.stats.timestamp_out_of_range += 1;
                None
            }
        }
    }

    /// Feeds one event (PLAT-01, NĐ 137/2024 Đ17.1: any login, information access or service use
    /// in Vietnam makes the user active in that month).
    pub fn add(&mut self, event: &ActivityEvent) {
        if let Some(i) = self.accept(event) {
            self.sets[i].insert(event.user.0);
        }
    }

    /// Feeds a batch of events; same result as feeding them one by one, faster (PLAT-01, Đ17.1).
    pub fn add_batch(&mut self, events: &[ActivityEvent]) {
        let mut pending = [(0usize, 0u64); GROUP];
        for group in events.chunks(GROUP) {
            let mut n = 0;
            for e in group {
                if let Some(i) = self.accept(e) {
                    // Absolute month: a later event of the group may prepend months.
                    pending[n] = (i + self.base as usize, e.user.0);
                    n += 1;
                }
            }
            let pending = &mut pending[..n];
            for p in pending.iter_mut() {
                p.0 -= self.base as usize;
                self.sets[p.0].reserve(GROUP);
            }
            for &(i, k) in &*pending {
                self.sets[i].insert_no_grow(k);
            }
        }
    }

    /// Merges another counter into this one: the result is exactly the counter of both event
    /// streams, whatever the split and order.
    pub fn merge(&mut self, other: MonthlyActiveCounter) {
        self.stats.add(&other.stats);
        for (j, (set, events)) in other.sets.into_iter().zip(other.events).enumerate() {
            let Some(month) = YearMonth::from_index(other.base + j as i32) else {
                continue;
            };
            if events == 0 {
                continue;
            }
            let i = self.set_index(month);
            self.events[i] += events;
            self.sets[i].absorb(set);
        }
    }

    /// Merges each month's keys into one sorted run: the least memory and an O(1) count per
    /// month. Optional; [`months`](Self::months) is exact either way.
    pub fn compact(&mut self) {
        self.sets.iter_mut().for_each(KeySet::compact);
    }

    /// The months with at least one counted event, oldest first.
    pub fn months(&self) -> Vec<MonthActivity> {
        self.sets
            .iter()
            .zip(&self.events)
            .enumerate()
            .filter(|(_, (_, &ev))| ev > 0)
            .filter_map(|(i, (set, &events))| {
                Some(MonthActivity {
                    month: YearMonth::from_index(self.base + i as i32)?,
                    active_users: set.count(),
                    events,
                })
            })
            .collect()
    }

    /// The monthly counts in the form [`crate::classify()`] takes.
    pub fn monthly_counts(&self) -> Vec<MonthlyCount> {
        self.months()
            .into_iter()
            .map(|m| MonthlyCount {
                month: m.month,
                active_users: m.active_users,
            })
            .collect()
    }

    /// Event accounting.
    pub fn stats(&self) -> CountStats {
        self.stats
    }

    /// Distinct user-months held (the sum of the monthly counts).
    pub fn user_months(&self) -> u64 {
        self.sets.iter().map(KeySet::count).sum()
    }

    /// Bytes of heap held by the key tables.
    pub fn heap_bytes(&self) -> usize {
        self.sets.iter().map(KeySet::heap_bytes).sum::<usize>()
            + self.sets.capacity() * std::mem::size_of::<KeySet>()
    }

    /// Each month with at least one counted event: its events and its distinct user keys,
    /// sorted ascending (the content of a partial count, [`crate::partial`]).
    pub fn month_keys(&self) -> Vec<(YearMonth, u64, Vec<UserKey>)> {
        self.sets
            .iter()
            .zip(&self.events)
            .enumerate()
            .filter(|(_, (_, &ev))| ev > 0)
            .filter_map(|(i, (set, &events))| {
                let month = YearMonth::from_index(self.base + i as i32)?;
                Some((month, events, set.keys().into_iter().map(UserKey).collect()))
            })
            .collect()
    }

    /// Adds the distinct keys and event count of one month counted elsewhere (a partial count
    /// read back), with `stats` added to the accounting once per partial by the caller.
    pub fn add_month_keys(&mut self, month: YearMonth, events: u64, keys: &[UserKey]) {
        if events == 0 && keys.is_empty() {
            return;
        }
        let i = self.set_index(month);
        self.events[i] += events;
        for chunk in keys.chunks(GROUP) {
            self.sets[i].reserve(chunk.len());
            for k in chunk {
                self.sets[i].insert_no_grow(k.0);
            }
        }
    }

    /// Adds accounting read back from a partial count.
    pub fn add_stats(&mut self, stats: &CountStats) {
        self.stats.add(stats);
    }

    /// Which of `shards` shards a user belongs to. Counters fed only users of distinct shards hold
    /// disjoint key sets, so their monthly counts simply add up ([`sum_disjoint`]); no merge needed.
    #[inline]
    pub fn shard_of(user: UserKey, shards: usize) -> usize {
        ((u128::from(user.0.wrapping_mul(0xD6E8_FEB8_6659_FD93).rotate_left(32)) * shards as u128)
            >> 64) as usize
    }
}

/// Monthly counts of counters that saw disjoint sets of users (for example sharded with
/// [`MonthlyActiveCounter::shard_of`]): per-month sums, with the accounting summed too.
pub fn sum_disjoint(counters: &[MonthlyActiveCounter]) -> (Vec<MonthActivity>, CountStats) {
    let mut by_month: BTreeMap<YearMonth, MonthActivity> = BTreeMap::new();
    let mut stats = CountStats::default();
    for c in counters {
        stats.add(&c.stats);
        for m in c.months() {
            let e = by_month.entry(m.month).or_insert(MonthActivity {
                month: m.month,
                active_users: 0,
                events: 0,
            });
            e.active_users += m.active_users;
            e.events += m.events;
        }
    }
    (by_month.into_values().collect(), stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn ev(user: u64, at: i64) -> ActivityEvent {
        ActivityEvent {
            user: UserKey::from_int(user),
            at,
            kind: ActivityKind::ServiceUse,
            in_vietnam: true,
        }
    }

    /// Counts by brute force.
    fn naive(events: &[ActivityEvent]) -> Vec<(YearMonth, u64)> {
        let mut m: BTreeMap<YearMonth, BTreeSet<u64>> = BTreeMap::new();
        for e in events.iter().filter(|e| e.in_vietnam) {
            m.entry(YearMonth::of_unix_seconds(e.at).unwrap())
                .or_default()
                .insert(e.user.0);
        }
        m.into_iter().map(|(k, v)| (k, v.len() as u64)).collect()
    }

    /// `n` events over `users` users, spread from `start` over `span` seconds.
    fn spread(
        n: u64,
        mul: u64,
        users: u64,
        start: i64,
        step: i64,
        span: i64,
    ) -> Vec<ActivityEvent> {
        (0..n)
            .map(|i| {
                ev(
                    i.wrapping_mul(mul) % users,
                    start + (i as i64 * step) % span,
                )
            })
            .collect()
    }

    fn counts(c: &MonthlyActiveCounter) -> Vec<(YearMonth, u64)> {
        c.months()
            .iter()
            .map(|m| (m.month, m.active_users))
            .collect()
    }

    #[test]
    fn plat_01_event_at_1730_utc_on_31_january_counts_in_february() {
        let t = chrono::DateTime::parse_from_rfc3339("2025-01-31T17:30:00Z")
            .unwrap()
            .timestamp();
        let mut c = MonthlyActiveCounter::new();
        c.add(&ev(7, t));
        c.add(&ev(7, t - 3600)); // 16:30Z = 23:30 in Vietnam, still January
        let m = c.months();
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].month.to_string(), "2025-01");
        assert_eq!(m[1].month.to_string(), "2025-02");
    }

    #[test]
    fn plat_01_counts_distinct_users_outside_vietnam_excluded() {
        let mut c = MonthlyActiveCounter::new();
        let t = 1_740_000_000;
        for u in [0, 1, 2, 2, 0, 3] {
            c.add(&ev(u, t));
        }
        c.add(&ActivityEvent {
            in_vietnam: false,
            ..ev(99, t)
        });
        c.add(&ev(5, i64::MAX));
        c.add(&ev(5, -10_000_000_000));
        assert_eq!(c.months()[0].active_users, 4);
        assert_eq!(c.months()[0].events, 6);
        let s = c.stats();
        assert_eq!(s.events_seen, 9);
        assert_eq!(s.events_counted, 6);
        assert_eq!(s.outside_vietnam, 1);
        assert_eq!(s.timestamp_out_of_range, 2);
    }

    #[test]
    fn plat_01_batch_equals_one_by_one_on_many_users() {
        let events = spread(
            200_000,
            2_654_435_761,
            50_000,
            1_700_000_000,
            977,
            40_000_000,
        );
        let mut a = MonthlyActiveCounter::new();
        events.iter().for_each(|e| a.add(e));
        let mut b = MonthlyActiveCounter::new();
        b.add_batch(&events);
        assert_eq!(counts(&a), counts(&b));
        assert_eq!(counts(&a), naive(&events));
        b.compact();
        assert_eq!(counts(&a), counts(&b));
        let bytes = b.heap_bytes() as f64 / b.user_months() as f64;
        assert!(bytes <= 16.0, "{bytes} bytes per user-month");
    }

    #[test]
    fn plat_01_merge_of_large_counters_with_runs_is_exact() {
        let events = spread(
            120_000,
            0x9E37_79B9,
            30_000,
            1_735_664_400,
            7_919,
            5_000_000,
        );
        let mut parts = [
            MonthlyActiveCounter::new(),
            MonthlyActiveCounter::new(),
            MonthlyActiveCounter::new(),
        ];
        for (k, chunk) in events.chunks(7_000).enumerate() {
            parts[k % 3].add_batch(chunk);
        }
        let [a, b, c] = parts;
        let mut total = c;
        total.merge(a);
        total.merge(b);
        assert_eq!(counts(&total), naive(&events));
        total.compact();
        assert_eq!(counts(&total), naive(&events));
        // After compaction: 8 bytes per user-month plus a fixed overhead per month.
        // After compaction: 8 bytes per user-month plus a fixed overhead per month.
        let fixed = total.sets.capacity() * (std::mem::size_of::<KeySet>() + 24);
        assert!(total.heap_bytes() <= total.user_months() as usize * 8 + fixed);
    }

    #[test]
    fn plat_01_day_table_and_calendar_agree_far_from_the_first_event() {
        let mut c = MonthlyActiveCounter::new();
        let first = 1_738_344_600; // 2025-02-01 00:30 +07:00
        let mut events = vec![ev(1, first)];
        let mut t = 0i64; // 1970-01-01
        while t < 7_258_093_200 {
            // up to 2199-12-31 in Vietnam time
            events.push(ev((t / 1_000) as u64, t));
            t += 86_400 * 97 + 25_199;
        }
        events.push(ev(3, 7_258_093_199)); // 2199-12-31T23:59:59+07:00
        for e in &events {
            c.add(e);
        }
        assert_eq!(counts(&c), naive(&events));
        let last = c.months().last().unwrap().month;
        assert_eq!(last.to_string(), "2199-12");
        c.add(&ev(4, 7_258_093_200)); // 2200-01-01T00:00:00+07:00
        assert_eq!(c.stats().timestamp_out_of_range, 1);
    }

    #[test]
    fn merge_into_is_the_sorted_union() {
        let cases: [(&[u64], &[u64]); 6] = [
            (&[], &[]),
            (&[1, 2, 3], &[]),
            (&[], &[4]),
            (&[1, 3, 5, 7, 9], &[2, 3, 4, 9, 10, 11]),
            (&[5, 6, 7], &[1, 2, 3]),
            (&[1, 2, 3, 4, 5, 6, 7, 8], &[1, 2, 3, 4, 5, 6, 7, 8]),
        ];
        for (a, b) in cases {
            let want: BTreeSet<u64> = a.iter().chain(b).copied().collect();
            assert_eq!(
                merge_into(a.to_vec(), b),
                want.iter().copied().collect::<Vec<_>>()
            );
            assert_eq!(
                merge_into(b.to_vec(), a),
                want.iter().copied().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn string_ids_hash_with_xxh3() {
        assert_eq!(UserKey::from_str_id("alice"), UserKey::from_bytes(b"alice"));
        assert_ne!(UserKey::from_str_id("alice"), UserKey::from_str_id("bob"));
        assert_eq!(collision_bound(10_000_000), "2.71e-6");
    }

    #[test]
    fn sharded_counters_sum_to_the_whole() {
        let events: Vec<_> = (0..5_000u64)
            .map(|i| ev(i % 777, 1_700_000_000 + i as i64 * 5_000))
            .collect();
        let mut shards = vec![
            MonthlyActiveCounter::new(),
            MonthlyActiveCounter::new(),
            MonthlyActiveCounter::new(),
        ];
        for e in &events {
            shards[MonthlyActiveCounter::shard_of(e.user, 3)].add(e);
        }
        let (months, stats) = sum_disjoint(&shards);
        let got: Vec<_> = months.iter().map(|m| (m.month, m.active_users)).collect();
        assert_eq!(got, naive(&events));
        assert_eq!(stats.events_counted, 5_000);
    }

    proptest! {
        #[test]
        fn merge_into_equals_set_union(
            a in prop::collection::btree_set(0u64..500, 0..120),
            b in prop::collection::btree_set(0u64..500, 0..120),
        ) {
            let want: Vec<u64> = a.union(&b).copied().collect();
            let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
            prop_assert_eq!(merge_into(a.clone(), &b), want.clone());
            prop_assert_eq!(merge_runs(b, a), want);
        }

        #[test]
        fn plat_01_merge_of_any_split_in_any_order_is_exact(
            raw in prop::collection::vec((0u64..60, 1_700_000_000i64..1_760_000_000, any::<bool>(), 0usize..5), 0..400),
            order in Just(()).prop_perturb(|_, mut rng| { let mut v: Vec<usize> = (0..5).collect(); for i in (1..5).rev() { v.swap(i, (rng.next_u32() as usize) % (i + 1)); } v }),
        ) {
            let events: Vec<_> = raw.iter().map(|&(u, t, vn, _)| ActivityEvent { in_vietnam: vn, ..ev(u, t) }).collect();
            let mut parts: Vec<MonthlyActiveCounter> = (0..5).map(|_| MonthlyActiveCounter::new()).collect();
            for (e, &(_, _, _, p)) in events.iter().zip(&raw) {
                if p % 2 == 0 { parts[p].add(e) } else { parts[p].add_batch(std::slice::from_ref(e)) }
            }
            let mut total = MonthlyActiveCounter::new();
            for &i in &order {
                total.merge(std::mem::take(&mut parts[i]));
            }
            prop_assert_eq!(counts(&total), naive(&events));
            prop_assert_eq!(total.stats().events_seen, events.len() as u64);
            let mut whole = MonthlyActiveCounter::new();
            whole.add_batch(&events);
            prop_assert_eq!(total.months(), whole.months());
        }
    }
}
