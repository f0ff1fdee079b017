//! The README's Vietnamese walk-through «Một ngày làm việc của văn thư» (issue 17): every command
//! runs as written, in a working folder beside the repository's testdata, with the exit code the
//! README gives in square brackets (0 when none), in Vietnamese, whatever the machine's locale.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The walk-through's commands with their expected exit codes.
fn commands() -> Vec<(String, i32)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("### Một ngày làm việc của văn thư")
        .expect("the officer's walk-through");
    let block = &readme[start..];
    let block = &block[block.find("```sh").unwrap() + 5..];
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .filter(|l| l.starts_with("egov "))
        .map(|l| {
            let (code, comment) = l.split_once("  #").unwrap_or((l, ""));
            let exit = comment
                .trim()
                .strip_prefix('[')
                .and_then(|c| c.split_once(']'))
                .map_or(0, |(n, _)| n.parse().unwrap());
            (code.trim().to_owned(), exit)
        })
        .collect()
}

#[test]
fn core_06_the_officers_day_runs_as_written_in_vietnamese() {
    let cmds = commands();
    assert!(cmds.len() >= 12, "{cmds:?}");
    let work = std::env::temp_dir().join(format!("egov-officer-day-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    std::os::unix::fs::symlink(root().join("testdata"), work.join("testdata")).unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_egov"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (cmd, want) in &cmds {
        let mut c = Command::new("bash");
        c.args(["-c", cmd]).current_dir(&work).env("PATH", &path);
        for (k, _) in std::env::vars() {
            if k.starts_with("EGOV_") || k.starts_with("LC_") || k == "LANG" {
                c.env_remove(k);
            }
        }
        // No egov.toml of the machine: the walk-through starts from egov's defaults.
        c.env("HOME", &work)
            .env("XDG_CONFIG_HOME", work.join("none"))
            .env("EGOV_TODAY", "2026-03-02");
        let o = c.output().unwrap();
        let (out, err) = (
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr),
        );
        assert_eq!(o.status.code(), Some(*want), "{cmd}\n{out}\n{err}");
        assert!(
            !out.trim().is_empty() || !err.trim().is_empty(),
            "{cmd}: no answer"
        );
    }
    assert!(work.join("bao-cao-hop-thu.html").is_file());
    assert!(work.join("danh-muc.csv").is_file());
    std::fs::remove_dir_all(&work).unwrap();
}
