//! Benchmark driver for `egov-platform-class` counting (see `benches/platform_vs_duckdb.sh`).
//!
//! ```text
//! platform_bench gen  FILE EVENTS USERS   # write an events CSV (user,unix_seconds,kind,in_vietnam)
//! platform_bench mem  EVENTS USERS        # count an in-memory batch, one thread
//! ```
//! Events are uniform over 2025 in Vietnam time and over USERS integer user ids (xorshift, fixed
//! seed), so every run sees the same data.

/// The allocator the `egov` binary uses (see egov-cli/src/main.rs): measured as shipped.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufWriter, Write};
use std::time::Instant;

use egov_platform_class::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};

const START: i64 = 1_735_664_400; // 2025-01-01T00:00:00+07:00
const SPAN: u64 = 365 * 86_400;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`), so a loaded machine does not
/// distort the per-core figure; 0 elsewhere.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn arg(i: usize) -> u64 {
    std::env::args()
        .nth(i)
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: platform_bench gen FILE EVENTS USERS | mem EVENTS USERS");
            std::process::exit(2)
        })
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    match mode.as_str() {
        "gen" => {
            let path = std::env::args().nth(2).unwrap_or_default();
            let (events, users) = (arg(3), arg(4));
            let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).unwrap());
            writeln!(w, "user_id,timestamp,kind,in_vietnam").unwrap();
            let kinds = ["l", "a", "s"];
            for _ in 0..events {
                let u = rng.next() % users;
                let r = rng.next();
                let t = START + (r % SPAN) as i64;
                writeln!(w, "{u},{t},{},1", kinds[(r >> 60) as usize % 3]).unwrap();
            }
            w.flush().unwrap();
        }
        "mem" => {
            let (n, users) = (arg(2), arg(3));
            let events: Vec<ActivityEvent> = (0..n)
                .map(|_| {
                    let u = rng.next() % users;
                    let t = START + (rng.next() % SPAN) as i64;
                    ActivityEvent {
                        user: UserKey::from_int(u),
                        at: t,
                        kind: ActivityKind::Login,
                        in_vietnam: true,
                    }
                })
                .collect();
            let cpu0 = thread_cpu_seconds();
            let t0 = Instant::now();
            let mut c = MonthlyActiveCounter::new();
            c.add_batch(&events);
            let months = c.months();
            let s = t0.elapsed().as_secs_f64();
            let cpu = thread_cpu_seconds() - cpu0;
            let um: u64 = months.iter().map(|m| m.active_users).sum();
            println!(
                "in-memory: {n} events, {um} distinct user-months, {s:.3} s wall, {cpu:.3} s on CPU, {:.1} M events/s wall, {:.1} M events/s per CPU-second (1 thread), key tables {:.2} bytes/user-month",
                n as f64 / s / 1e6,
                n as f64 / cpu / 1e6,
                c.heap_bytes() as f64 / um as f64
            );
            for m in months {
                println!("{} {}", m.month, m.active_users);
            }
        }
        _ => {
            eprintln!("usage: platform_bench gen FILE EVENTS USERS | mem EVENTS USERS");
            std::process::exit(2)
        }
    }
}
