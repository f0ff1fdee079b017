//! Checklists (egov-checklist) as the CLI, C and Python callers use them: loading the shipped
//! checklists, the built-in working calendar, reading an evidence file, and a full run of the
//! 47 duties of `nd137-qd28-document-management` on the example evidence of a province
//! (`testdata/checklists/provincial-document-management.toml`), as `egov checklist run` and
//! the bindings' `checklist.run` do on every call. `Registry::builtin` parses the shipped TOML
//! once per process and hands out copies; the first row measures that parse.
//!
//! Run: `cargo bench --bench checklist -- --quick`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use egov::checklist::registry::BUILTIN;
use egov::checklist::{parse_checklist, run, EvidenceFile, Registry};
use egov::core::WorkingCalendar;

const EVIDENCE: &str = include_str!("../testdata/checklists/provincial-document-management.toml");
const ID: &str = "nd137-qd28-document-management";

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("checklist");
    // Reading the shipped TOML, which `Registry::builtin` does once per process.
    g.bench_function("parse the 18 shipped checklists (TOML)", |b| {
        b.iter(|| {
            for (name, text) in BUILTIN {
                black_box(parse_checklist(name, black_box(text)).unwrap());
            }
        })
    });
    g.bench_function("Registry::builtin (a copy of the parsed registry)", |b| {
        b.iter(|| black_box(Registry::builtin().unwrap()))
    });
    g.bench_function("WorkingCalendar::vietnam", |b| {
        b.iter(|| black_box(WorkingCalendar::vietnam()))
    });
    g.bench_function("EvidenceFile::parse (47 items)", |b| {
        b.iter(|| black_box(EvidenceFile::parse(black_box(EVIDENCE)).unwrap()))
    });
    let registry = Registry::builtin().unwrap();
    let calendar = WorkingCalendar::vietnam();
    let evidence = EvidenceFile::parse(EVIDENCE).unwrap();
    g.bench_function("run (47 duties, loaded once)", |b| {
        b.iter(|| black_box(run(&registry, ID, &evidence, None, &calendar).unwrap()))
    });
    // What one `checklist.run` call of the bindings does: load, read, run.
    g.bench_function("load + read + run (one binding call)", |b| {
        b.iter(|| {
            let registry = Registry::builtin().unwrap();
            let evidence = EvidenceFile::parse(black_box(EVIDENCE)).unwrap();
            black_box(run(&registry, ID, &evidence, None, &WorkingCalendar::vietnam()).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
