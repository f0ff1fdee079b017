//! Partial counts that cross processes, machines and engines (issue 15; PLAT-01, NĐ 137/2024
//! Đ17.1, Đ17.4): the distinct user keys of each month, split into shards, so that counts made
//! apart merge into exactly the count of all events — by egov ([`Partial::merge`]) or by any SQL
//! engine with `COUNT(DISTINCT key)` over the rows `(month, shard, key)`.
//!
//! ## Form (`egov-partial/1`)
//!
//! * Rows `(month, shard, key)`: `month` as `YYYY-MM` (Vietnam time), `shard` =
//!   [`MonthlyActiveCounter::shard_of`] of the key among [`Partial::shards`], `key` the 64-bit
//!   user key as a **signed** 64-bit integer (the same bits: Spark reads unsigned 64-bit Parquet
//!   columns as decimals). Within one `(month, shard)` the keys are sorted (as signed integers)
//!   and unique.
//! * Integer user ids are kept as they are (`key` = the id), so they compress; string ids are
//!   hashed ([`IdScheme`]). Partials merge only when their schemes agree.
//! * The events per month and the accounting of events not counted ([`CountStats`]) travel with
//!   the rows, so nothing skipped is lost on the way.
//!
//! Merging is associative and commutative and the merge of the partials of disjoint parts of
//! the events is the partial of all of them (property tests in `tests/partial.rs`).
//!
//! ```sql
//! -- Any engine, without egov, over the rows of every partial file:
//! SELECT month, COUNT(DISTINCT key) AS active_users FROM partials GROUP BY month ORDER BY month;
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::counter::{CountStats, MonthlyActiveCounter, UserKey};
use crate::csv::ParseStats;
use crate::month::YearMonth;

/// The `format` of version 1.
pub const PARTIAL_FORMAT: &str = "egov-partial/1";
/// Shards of a partial unless the caller chooses: enough for parallel merges, few enough that
/// a month's rows stay in large sorted runs.
pub const DEFAULT_SHARDS: u32 = 16;

/// How string user ids became keys. Integer ids are always kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "scheme", rename_all = "snake_case", deny_unknown_fields)]
pub enum IdScheme {
    /// Only integer ids: keys are the ids.
    Integer,
    /// String ids hashed with XXH3-64, seed 0 (the CSV reader's default): fast and portable,
    /// but anyone can hash a phone number and compare, so such partials must stay inside the
    /// platform.
    Xxh3,
    /// String ids hashed with SipHash-2-4 under the platform's secret 128-bit salt: keys cannot
    /// be reversed or compared without it. `salt_id` names the salt (the first 8 bytes of
    /// SipHash-2-4 of `egov-salt-id` under it, hex) so that partials of different salts are
    /// never merged.
    Keyed {
        /// Names the salt without revealing it.
        salt_id: String,
    },
}

impl IdScheme {
    /// The scheme of string ids hashed under `salt`.
    pub fn keyed(salt: &crate::ids::IdSalt) -> Self {
        IdScheme::Keyed {
            salt_id: salt.salt_id(),
        }
    }
}

/// Why partials cannot be used together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartialError {
    /// Different key schemes (or salts): their keys are not comparable.
    #[error(
        "the partials hash user ids differently ({0:?} vs {1:?}): their keys cannot be merged"
    )]
    SchemeMismatch(IdScheme, IdScheme),
    /// Different shard counts.
    #[error("the partials have {0} and {1} shards")]
    ShardMismatch(u32, u32),
    /// A rule of the form is broken (unsorted keys, a key in the wrong shard, …).
    #[error("invalid partial: {0}")]
    Invalid(String),
}

impl egov_core::ErrorCode for PartialError {
    fn code(&self) -> &'static str {
        match self {
            PartialError::SchemeMismatch(..) => "partial.scheme_mismatch",
            PartialError::ShardMismatch(..) => "partial.shard_mismatch",
            PartialError::Invalid(_) => "partial.invalid",
        }
    }
}

/// One month of a partial: events counted and the keys of each shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartialMonth {
    /// The month (Vietnam time).
    pub month: YearMonth,
    /// Events counted in the month.
    pub events: u64,
    /// Keys per shard (index = shard), each sorted as signed integers and unique.
    pub shards: Vec<Vec<i64>>,
}

impl PartialMonth {
    /// Distinct keys of the month (shards are disjoint).
    pub fn active_users(&self) -> u64 {
        self.shards.iter().map(|s| s.len() as u64).sum()
    }
}

/// A partial count (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partial {
    /// [`PARTIAL_FORMAT`].
    pub format: String,
    /// How string ids became keys.
    pub ids: IdScheme,
    /// Number of shards.
    pub shards: u32,
    /// Accounting of every event fed (counted or not, by reason).
    pub stats: CountStats,
    /// Accounting of the lines read, when the events came from text (CSV): malformed lines by
    /// reason, so that what was not counted travels with the count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<ParseStats>,
    /// Months, oldest first.
    pub months: Vec<PartialMonth>,
}

fn shard_keys(keys: &[UserKey], shards: u32) -> Vec<Vec<i64>> {
    let n = shards.max(1) as usize;
    let mut out = vec![Vec::new(); n];
    for k in keys {
        out[MonthlyActiveCounter::shard_of(*k, n)].push(k.0 as i64);
    }
    for s in &mut out {
        s.sort_unstable();
    }
    out
}

/// Merges two sorted, unique lists into one.
fn union(a: &[i64], b: &[i64]) -> Vec<i64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

impl Partial {
    /// The partial of a counter, its keys in `shards` shards (at least 1).
    pub fn from_counter(counter: &MonthlyActiveCounter, ids: IdScheme, shards: u32) -> Partial {
        let shards = shards.max(1);
        Partial {
            format: PARTIAL_FORMAT.to_owned(),
            ids,
            shards,
            stats: counter.stats(),
            lines: None,
            months: counter
                .month_keys()
                .into_iter()
                .map(|(month, events, keys)| PartialMonth {
                    month,
                    events,
                    shards: shard_keys(&keys, shards),
                })
                .collect(),
        }
    }

    /// An empty partial (the identity of [`merge`](Self::merge)).
    pub fn empty(ids: IdScheme, shards: u32) -> Partial {
        Partial {
            format: PARTIAL_FORMAT.to_owned(),
            ids,
            shards: shards.max(1),
            stats: CountStats::default(),
            lines: None,
            months: Vec::new(),
        }
    }

    /// Checks the rules of the form: format, shard count, every key in its shard, sorted,
    /// unique, months in order and not repeated, at least one event per distinct key.
    pub fn validate(&self) -> Result<(), PartialError> {
        let bad = |s: String| Err(PartialError::Invalid(s));
        if self.format != PARTIAL_FORMAT {
            return bad(format!(
                "format is {:?}, not {PARTIAL_FORMAT:?}",
                self.format
            ));
        }
        if self.shards == 0 {
            return bad("shards is 0".into());
        }
        let mut last: Option<YearMonth> = None;
        for m in &self.months {
            if last.is_some_and(|l| l >= m.month) {
                return bad(format!("month {} is out of order or repeated", m.month));
            }
            last = Some(m.month);
            if m.shards.len() != self.shards as usize {
                return bad(format!(
                    "month {} has {} shards, the partial {}",
                    m.month,
                    m.shards.len(),
                    self.shards
                ));
            }
            for (i, keys) in m.shards.iter().enumerate() {
                if keys.windows(2).any(|w| w[0] >= w[1]) {
                    return bad(format!(
                        "month {} shard {i}: keys not sorted and unique",
                        m.month
                    ));
                }
                if let Some(k) = keys.iter().find(|&&k| {
                    MonthlyActiveCounter::shard_of(UserKey(k as u64), self.shards as usize) != i
                }) {
                    return bad(format!(
                        "month {} shard {i}: key {k} belongs to another shard",
                        m.month
                    ));
                }
            }
            if m.events < m.active_users() {
                return bad(format!(
                    "month {}: {} events for {} distinct users",
                    m.month,
                    m.events,
                    m.active_users()
                ));
            }
        }
        Ok(())
    }

    /// Merges another partial of disjoint events into this one: keys united per month and
    /// shard, events and accounting summed. Associative and commutative.
    pub fn merge(mut self, other: Partial) -> Result<Partial, PartialError> {
        if self.ids != other.ids {
            return Err(PartialError::SchemeMismatch(self.ids, other.ids));
        }
        if self.shards != other.shards {
            return Err(PartialError::ShardMismatch(self.shards, other.shards));
        }
        self.stats = sum_stats(&self.stats, &other.stats);
        self.lines = match (self.lines.take(), other.lines) {
            (Some(mut a), Some(b)) => {
                a.merge(&b);
                Some(a)
            }
            (a, b) => a.or(b),
        };
        let mut by_month: BTreeMap<YearMonth, PartialMonth> =
            self.months.into_iter().map(|m| (m.month, m)).collect();
        for m in other.months {
            match by_month.get_mut(&m.month) {
                None => {
                    by_month.insert(m.month, m);
                }
                Some(mine) => {
                    mine.events += m.events;
                    for (a, b) in mine.shards.iter_mut().zip(&m.shards) {
                        *a = union(a, b);
                    }
                }
            }
        }
        self.months = by_month.into_values().collect();
        Ok(self)
    }

    /// A counter holding this partial's keys (to merge with counts made here, or to classify).
    pub fn into_counter(self) -> MonthlyActiveCounter {
        let mut c = MonthlyActiveCounter::new();
        c.add_stats(&self.stats);
        for m in self.months {
            let keys: Vec<UserKey> = m
                .shards
                .iter()
                .flatten()
                .map(|&k| UserKey(k as u64))
                .collect();
            c.add_month_keys(m.month, m.events, &keys);
        }
        c
    }

    /// The rows `(month, shard, key)`, in order: what a Parquet partial file holds.
    pub fn rows(&self) -> impl Iterator<Item = (YearMonth, u32, i64)> + '_ {
        self.months.iter().flat_map(|m| {
            m.shards
                .iter()
                .enumerate()
                .flat_map(move |(s, keys)| keys.iter().map(move |&k| (m.month, s as u32, k)))
        })
    }
}

fn sum_stats(a: &CountStats, b: &CountStats) -> CountStats {
    let mut c = MonthlyActiveCounter::new();
    c.add_stats(a);
    c.add_stats(b);
    c.stats()
}
