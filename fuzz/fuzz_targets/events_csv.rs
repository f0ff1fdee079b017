//! The events CSV reader and the monthly-active-user counter (`egov_platform_class::csv`,
//! `counter`), fed in chunks whose boundaries come from the input: `[n][n chunk lengths][csv]`.
//!
//! Kept thin (the API is being reworked): chunking never changes the events or the line
//! accounting; every line is in one bucket; the counter (one by one, batched, or split and
//! merged, over copies of the events with other user keys) equals a plain set-per-month model.
#![no_main]

use std::collections::{BTreeMap, BTreeSet};

use egov_platform_class::csv::CsvEventReader;
use egov_platform_class::{ActivityEvent, MonthActivity, MonthlyActiveCounter, UserKey, YearMonth};
use libfuzzer_sys::fuzz_target;

fn read_chunked(csv: &[u8], lens: &[u8]) -> (Vec<ActivityEvent>, CsvEventReader) {
    let mut r = CsvEventReader::new(0);
    let mut out = Vec::new();
    let mut pos = 0;
    if !lens.is_empty() {
        // Cycle through the lengths (0 feeds an empty chunk); bounded in case they are all 0.
        for (i, &len) in lens.iter().cycle().enumerate() {
            if pos >= csv.len() || i > csv.len() + lens.len() {
                break;
            }
            let end = (pos + usize::from(len)).min(csv.len());
            r.feed(&csv[pos..end], &mut out);
            pos = end;
        }
    }
    r.feed(&csv[pos..], &mut out);
    r.finish(&mut out);
    (out, r)
}

/// Distinct users and events per month, the obvious way.
fn model(events: &[ActivityEvent]) -> Vec<MonthActivity> {
    let mut months: BTreeMap<YearMonth, (BTreeSet<u64>, u64)> = BTreeMap::new();
    for e in events.iter().filter(|e| e.in_vietnam) {
        let Some(m) = YearMonth::of_unix_seconds(e.at) else {
            continue;
        };
        if !(1970..=2199).contains(&m.year()) {
            continue;
        }
        let entry = months.entry(m).or_default();
        entry.0.insert(e.user.0);
        entry.1 += 1;
    }
    months
        .into_iter()
        .map(|(month, (users, events))| MonthActivity {
            month,
            active_users: users.len() as u64,
            events,
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    // Low 4 bits: how many chunk lengths follow; high 3 bits: the counter sees the events
    // 2^k times over with other user keys (past the key sets' first buffer of 1024).
    let n = usize::from(sel % 16).min(rest.len());
    let copies = 1u64 << ((sel >> 4) & 7);
    let (lens, csv) = rest.split_at(n);

    let (events, mut chunked) = read_chunked(csv, lens);
    let (whole_events, mut whole) = read_chunked(csv, &[]);
    assert_eq!(events, whole_events, "chunking {lens:?} changed the events");
    let stats = chunked.take_stats();
    assert_eq!(
        stats,
        whole.take_stats(),
        "chunking {lens:?} changed the accounting"
    );
    assert_eq!(stats.events, events.len() as u64);
    assert_eq!(
        stats.lines,
        stats.header_lines + stats.blank_lines + stats.events + stats.malformed,
        "a line in no bucket or in two: {stats:?}"
    );
    assert_eq!(
        stats.malformed_by_reason.values().sum::<u64>(),
        stats.malformed
    );
    assert!(stats.examples.len() as u64 <= stats.malformed);

    let events: Vec<ActivityEvent> = (0..copies)
        .flat_map(|k| {
            events.iter().map(move |e| ActivityEvent {
                user: UserKey(e.user.0 ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                ..*e
            })
        })
        .collect();
    let expected = model(&events);
    let mut one = MonthlyActiveCounter::new();
    for e in &events {
        one.add(e);
    }
    let mut batch = MonthlyActiveCounter::new();
    batch.add_batch(&events);
    let cut = events.len() * usize::from(lens.first().copied().unwrap_or(0)) / 255;
    let mut merged = MonthlyActiveCounter::new();
    merged.add_batch(&events[cut..]);
    let mut first = MonthlyActiveCounter::new();
    first.add_batch(&events[..cut]);
    merged.merge(first);

    for (name, c) in [
        ("add", &mut one),
        ("add_batch", &mut batch),
        ("merge", &mut merged),
    ] {
        assert_eq!(c.months(), expected, "{name}: months differ from the model");
        let s = c.stats();
        assert_eq!(s.events_seen, events.len() as u64, "{name}: {s:?}");
        assert_eq!(
            s.events_seen,
            s.events_counted + s.outside_vietnam + s.timestamp_out_of_range,
            "{name}: {s:?}"
        );
        assert_eq!(
            expected.iter().map(|m| m.events).sum::<u64>(),
            s.events_counted
        );
        assert_eq!(
            c.user_months(),
            expected.iter().map(|m| m.active_users).sum::<u64>(),
            "{name}: user_months"
        );
        c.compact();
        assert_eq!(c.months(), expected, "{name}: compact changed the months");
    }
});
