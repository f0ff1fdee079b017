//! Criterion benchmark of exact monthly-active-user counting (PLAT-01): an in-memory batch of
//! 10 M events over 1 M users and 12 months, one thread. The 100 M-event run and the DuckDB
//! comparison are in `benches/platform_vs_duckdb.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egov::platform::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};

fn events(n: u64, users: u64) -> Vec<ActivityEvent> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|_| ActivityEvent {
            user: UserKey::from_int(next() % users),
            at: 1_735_664_400 + (next() % (365 * 86_400)) as i64,
            kind: ActivityKind::Login,
            in_vietnam: true,
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let n = 10_000_000;
    let batch = events(n, n / 10);
    let mut g = c.benchmark_group("platform_count");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n));
    g.bench_function("add_batch_10M_events_1M_users", |b| {
        b.iter(|| {
            let mut counter = MonthlyActiveCounter::new();
            counter.add_batch(&batch);
            counter.user_months()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
