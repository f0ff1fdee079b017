//! The tool's surface (issue 17): `egov --version` names the cargo features built in, `egov
//! completions` writes shell scripts and `egov man` roff pages, both generated from the clap
//! definitions. The man pages are rendered by groff (Debian `groff-base`, which
//! scripts/test.sh installs when missing): a missing groff fails the test, it never skips it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Subcommands every page and script must name.
const SUBCOMMANDS: [&str; 8] = [
    "workday",
    "deadline",
    "edxml",
    "checklist",
    "status",
    "urgency",
    "legal-value",
    "paper-copy",
];

#[test]
fn cli_version_lists_the_cargo_features_built_in() {
    let o = egov(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    let line = stdout(&o);
    let want_features: Vec<&str> = [
        ("pdf", cfg!(feature = "pdf")),
        ("parquet", cfg!(feature = "parquet")),
        ("probe", cfg!(feature = "probe")),
    ]
    .iter()
    .filter(|(_, on)| *on)
    .map(|(name, _)| *name)
    .collect();
    let want = if want_features.is_empty() {
        "none".to_owned()
    } else {
        want_features.join(", ")
    };
    assert_eq!(
        line.trim_end(),
        format!("egov {} (features: {want})", env!("CARGO_PKG_VERSION"))
    );
    // -V says the same.
    assert_eq!(stdout(&egov(&["-V"])), line);
}

#[test]
fn cli_completions_bash_names_the_subcommands() {
    let o = egov(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let script = stdout(&o);
    assert!(script.contains("_egov()"), "{script}");
    assert!(
        script.contains("complete -F _egov"),
        "not a bash completion script"
    );
    for sub in SUBCOMMANDS {
        assert!(script.contains(sub), "bash completion lacks `{sub}`");
    }
    // Nested subcommands and their options are completed too.
    assert!(
        script.contains("egov__subcmd__edxml__subcmd__check"),
        "{script}"
    );
    assert!(script.contains("--strict-time"));
    // The script is valid bash (read from standard input: it is too long for an argument).
    let mut bash = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    bash.stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let check = bash.wait_with_output().unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let o = egov(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(stdout(&o).contains("edxml"), "{shell}");
    }
    assert_eq!(egov(&["completions", "tcsh"]).status.code(), Some(2));
}

/// groff renders the page as man does (UTF-8 through preconv) with every warning on (`-ww`); its
/// warnings are failures.
fn groff_renders(roff: &str, what: &str) -> String {
    let dir = std::env::temp_dir().join(format!("egov-man-{}-{what}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("page.1");
    std::fs::write(&file, roff).unwrap();
    let o = Command::new("groff")
        // -k: preconv reads the UTF-8 (Vietnamese) text, as man does.
        // -P -cbou: plain text, no overstriking for bold and underline.
        .args(["-k", "-man", "-Tutf8", "-ww", "-P", "-cbou"])
        .arg(&file)
        .output()
        .expect("groff is needed to check the man pages (Debian: apt-get install groff-base; scripts/test.sh installs it)");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "groff failed on {what}: {stderr}");
    assert!(stderr.trim().is_empty(), "groff warns on {what}: {stderr}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn cli_man_page_is_roff_groff_renders_and_lists_the_subcommands() {
    let o = egov(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let roff = stdout(&o);
    assert!(roff.starts_with(".ie \\n(.g .ds Aq") || roff.contains("\n.TH EGOV 1"));
    assert!(roff.contains(".TH EGOV 1"), "{roff}");
    assert!(roff.contains(".SH SUBCOMMANDS"), "{roff}");
    for sub in SUBCOMMANDS {
        assert!(
            roff.contains(&format!("egov\\-{}(1)", sub.replace('-', "\\-"))),
            "the page lacks `{sub}`"
        );
    }
    let text = groff_renders(&roff, "egov.1");
    assert!(text.contains("NAME"), "{text}");
    assert!(text.contains("SUBCOMMANDS"), "{text}");
    assert!(text.contains("egov-paper-copy"), "{text}");
}

#[test]
fn cli_man_out_writes_one_page_per_subcommand() {
    let dir = std::env::temp_dir().join(format!("egov-man-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.display().to_string();
    let o = egov(&["--json", "man", "--out", &d]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let written: Vec<PathBuf> = v["written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| PathBuf::from(p.as_str().unwrap()))
        .collect();
    for name in [
        "egov.1",
        "egov-status.1",
        "egov-status-apply.1",
        "egov-edxml-check.1",
        "egov-urgency.1",
        "egov-completions.1",
    ] {
        let p = dir.join(name);
        assert!(written.contains(&p), "{name} not in {written:?}");
        assert!(p.exists(), "{name}");
    }
    assert!(!dir.join("egov-help.1").exists(), "help is not a page");
    let apply = std::fs::read_to_string(dir.join("egov-status-apply.1")).unwrap();
    assert!(apply.contains(".TH EGOV-STATUS-APPLY 1"), "{apply}");
    let text = groff_renders(&apply, "egov-status-apply.1");
    assert!(text.contains("--reason"), "{text}");
    // An output directory that cannot be made: exit 2 (I/O).
    let o = egov(&["man", "--out", "/proc/egov-cannot-write"]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
