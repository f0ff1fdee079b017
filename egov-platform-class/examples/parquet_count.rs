//! Counts monthly active users in Parquet files, as `egov platform count FILE.parquet` does,
//! with the same allocator (mimalloc): for measuring the Parquet path's time and peak memory
//! without building the whole CLI (`benches/platform_vs_duckdb.sh` measures the CLI itself).
//!
//! `cargo run --release -p egov-platform-class --features parquet --example parquet_count -- FILE… [--threads N]`

use std::path::PathBuf;
use std::time::Instant;

use egov_platform_class::csv::KindAliases;
use egov_platform_class::parquet_events::{count_parquet_files, EventColumns};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut threads = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--threads" {
            threads = args.next().ok_or("--threads N")?.parse()?;
        } else {
            files.push(PathBuf::from(a));
        }
    }
    let started = Instant::now();
    let c = count_parquet_files(
        &files,
        &EventColumns::default(),
        &KindAliases::default(),
        None,
        threads,
    )?;
    let user_months: u64 = c.summary.months.iter().map(|m| m.active_users).sum();
    println!(
        "{:.2} s, {} threads, {} row groups, {user_months} user-months",
        started.elapsed().as_secs_f64(),
        c.threads,
        c.row_groups
    );
    Ok(())
}
