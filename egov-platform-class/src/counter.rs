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
//! * Each month has its own open-addressing hash set of keys (linear probing, `u64` slots, key 0
//!   kept as a flag). The slot of a key is `⌊mix(key) · capacity / 2⁶⁴⌋`, so capacity need not be a
//!   power of two: the set grows by 3/2 at a load of 4/5, keeping the load between 0.53 and 0.8,
//!   i.e. **10–15 bytes per distinct user-month** (10.2 measured on uniform data), plus the old
//!   table of one month while it grows. Because the slot order is the hash order, growing is a
//!   near-sequential copy.
//! * Batches are inserted in groups of [`GROUP`]: the slots of the whole group are read first so the
//!   cache misses overlap, then the keys are inserted (safe-code software prefetch).
//! * Memory grows with distinct user-months, not with events. Counters of disjoint parts of the
//!   events (threads, files, machines) [`merge`](MonthlyActiveCounter::merge) into exactly the
//!   counter of all events, in any order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::classify::MonthlyCount;
use crate::month::YearMonth;

/// Events are inserted in groups of this size (see the module documentation).
pub const GROUP: usize = 32;

/// The earliest month an event may fall in (older timestamps are malformed).
const MIN_YEAR: i32 = 1970;
/// The latest year an event may fall in (later timestamps are malformed).
const MAX_YEAR: i32 = 2199;

/// A user identifier reduced to 64 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// An open-addressing set of non-zero `u64` keys (zero is a flag).
#[derive(Debug, Clone, Default)]
struct KeySet {
    slots: Vec<u64>,
    len: usize,
    limit: usize,
    has_zero: bool,
}

#[inline]
fn mix(key: u64) -> u64 {
    (key ^ (key >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl KeySet {
    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        ((u128::from(mix(key)) * self.slots.len() as u128) >> 64) as usize
    }

    fn count(&self) -> u64 {
        self.len as u64 + u64::from(self.has_zero)
    }

    /// Makes room for `extra` more keys without growing during insertion.
    #[inline]
    fn reserve(&mut self, extra: usize) {
        if self.len + extra > self.limit {
            self.grow(self.len + extra);
        }
    }

    #[cold]
    fn grow(&mut self, need: usize) {
        let mut cap = (self.slots.len() * 3 / 2).max(64);
        while cap * 4 / 5 < need {
            cap = cap * 3 / 2;
        }
        let old = std::mem::replace(&mut self.slots, vec![0; cap]);
        self.limit = cap * 4 / 5;
        self.len = 0;
        for k in old.into_iter().filter(|&k| k != 0) {
            self.insert_no_grow(k);
        }
    }

    /// Reads the key's first slot so a following insert hits the cache.
    #[inline]
    fn touch(&self, key: u64) -> u64 {
        self.slots.get(self.slot_of(key)).copied().unwrap_or(0)
    }

    /// Inserts a key; there must be room (`len < limit`).
    #[inline]
    fn insert_no_grow(&mut self, key: u64) {
        if key == 0 {
            self.has_zero = true;
            return;
        }
        let cap = self.slots.len();
        let mut i = self.slot_of(key);
        // Terminates: len < limit < cap, so an empty slot exists.
        loop {
            let s = self.slots[i];
            if s == key {
                return;
            }
            if s == 0 {
                self.slots[i] = key;
                self.len += 1;
                return;
            }
            i += 1;
            if i == cap {
                i = 0;
            }
        }
    }

    #[inline]
    fn insert(&mut self, key: u64) {
        self.reserve(1);
        self.insert_no_grow(key);
    }

    fn heap_bytes(&self) -> usize {
        self.slots.capacity() * 8
    }

    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.slots
            .iter()
            .copied()
            .filter(|&k| k != 0)
            .chain(self.has_zero.then_some(0))
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

    /// Classifies an event: `Some(month)` if it counts (PLAT-01), updating the accounting.
    #[inline]
    fn accept(&mut self, e: &ActivityEvent) -> Option<usize> {
        self.stats.events_seen += 1;
        if !e.in_vietnam {
            self.stats.outside_vietnam += 1;
            return None;
        }
        match YearMonth::of_unix_seconds(e.at).filter(|m| (MIN_YEAR..=MAX_YEAR).contains(&m.year()))
        {
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

    /// Feeds one event (PLAT-01).
    pub fn add(&mut self, event: &ActivityEvent) {
        if let Some(i) = self.accept(event) {
            self.sets[i].insert(event.user.0);
        }
    }

    /// Feeds a batch of events; same result as feeding them one by one, faster (PLAT-01).
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
            let pending = &*pending;
            let mut touched = 0u64;
            for &(i, k) in pending {
                touched ^= self.sets[i].touch(k);
            }
            std::hint::black_box(touched);
            for &(i, k) in pending {
                self.sets[i].insert_no_grow(k);
            }
        }
    }

    /// Merges another counter into this one: the result is exactly the counter of both event
    /// streams, whatever the split and order.
    pub fn merge(&mut self, mut other: MonthlyActiveCounter) {
        self.stats.add(&other.stats);
        for (j, set) in other.sets.iter_mut().enumerate() {
            let Some(month) = YearMonth::from_index(other.base + j as i32) else {
                continue;
            };
            if set.count() == 0 && other.events[j] == 0 {
                continue;
            }
            let i = self.set_index(month);
            self.events[i] += other.events[j];
            let mine = &mut self.sets[i];
            if mine.count() < set.count() {
                std::mem::swap(mine, set);
            }
            mine.reserve(set.len);
            for k in set.keys() {
                mine.insert_no_grow(k);
            }
        }
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
        self.sets.iter().map(KeySet::heap_bytes).sum::<usize>() + self.sets.capacity() * 48
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
        let events: Vec<_> = (0..200_000u64)
            .map(|i| {
                ev(
                    i.wrapping_mul(2_654_435_761) % 50_000,
                    1_700_000_000 + (i as i64 * 977) % 40_000_000,
                )
            })
            .collect();
        let mut a = MonthlyActiveCounter::new();
        events.iter().for_each(|e| a.add(e));
        let mut b = MonthlyActiveCounter::new();
        b.add_batch(&events);
        assert_eq!(counts(&a), counts(&b));
        assert_eq!(counts(&a), naive(&events));
        let bytes = b.heap_bytes() as f64 / b.user_months() as f64;
        assert!(bytes <= 16.0, "{bytes} bytes per user-month");
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
