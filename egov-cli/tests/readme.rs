//! The README's command-line examples (issue #11): those that need no file but the repository's
//! run, succeed, and do not depend on today's date.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `egov …` lines of the README's "Command line" block, without comments.
fn examples() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("## Command line")
        .expect("a Command line section");
    let block = &readme[start..];
    let block = &block[block.find("```sh").unwrap() + 5..];
    let block = &block[..block.find("```").unwrap()];
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in block.lines() {
        let code = line.split("  #").next().unwrap_or("").trim_end();
        if let Some(c) = code.strip_suffix('\\') {
            pending.push_str(c);
            continue;
        }
        pending.push_str(code);
        let full = std::mem::take(&mut pending);
        if full.trim_start().starts_with("egov ") {
            out.push(full.trim().to_owned());
        }
    }
    out
}

/// Words that name a file: each must exist in the repository for the example to be run.
fn files_exist(example: &str) -> bool {
    example
        .split_whitespace()
        .filter(|w| {
            w.contains('/')
                || w.ends_with(".json")
                || w.ends_with(".csv")
                || w.ends_with(".png")
                || w.ends_with(".txt")
                || w.ends_with(".pem")
                || w.ends_with(".html")
                || w.ends_with(".gz")
        })
        .filter(|w| !w.starts_with("http") && !w.contains('='))
        .all(|w| root().join(w.trim_matches('"')).exists())
}

fn run(example: &str, today: &str) -> (Option<i32>, String) {
    let o = Command::new("bash")
        .args(["-c", example])
        .current_dir(root())
        .env(
            "PATH",
            format!(
                "{}:{}",
                PathBuf::from(env!("CARGO_BIN_EXE_egov"))
                    .parent()
                    .unwrap()
                    .display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("EGOV_TODAY", today)
        // The README's examples show English output (the Vietnamese walk-through sets --lang).
        .env("EGOV_LANG", "en")
        .output()
        .unwrap();
    // The timing line of a count is the one part allowed to differ.
    let stdout = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.contains(" M events/s"))
        .collect::<Vec<_>>()
        .join("\n");
    (o.status.code(), stdout)
}

#[test]
fn readme_examples_run_the_same_whatever_the_date() {
    let all = examples();
    assert!(all.len() >= 15, "{all:?}");
    let runnable: Vec<&String> = all
        .iter()
        .filter(|e| {
            !e.contains('…') && !e.contains("install") && !e.contains('>') && files_exist(e)
        })
        .collect();
    assert!(
        runnable.iter().any(|e| e.contains("platform classify")),
        "{runnable:?}"
    );
    for e in runnable {
        let (code_a, out_a) = run(e, "2026-01-15");
        let (code_b, out_b) = run(e, "2031-07-01");
        assert!(
            matches!(code_a, Some(0 | 1)),
            "{e}: exit {code_a:?}\n{out_a}"
        );
        assert_eq!(code_a, code_b, "{e}: the exit code depends on today's date");
        if out_a != out_b {
            let first = out_a
                .lines()
                .zip(out_b.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("{a}\n  vs\n{b}"))
                .unwrap_or_else(|| {
                    format!(
                        "{} vs {} lines",
                        out_a.lines().count(),
                        out_b.lines().count()
                    )
                });
            panic!("{e}: the answer depends on today's date:\n{first}");
        }
    }
}
