//! `egov batch`: one command over a folder, a glob or a list; one report; nothing dropped
//! (issue 17). The HTML report is read back by Chromium in scripts/test_batch_report.py.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .env("EGOV_CONFIG", "none")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(args)
        .output()
        .unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn batch_list_of_codes_table_and_exit_of_the_worst() {
    let d = dir("codes");
    let list = d.join("codes.txt");
    std::fs::write(
        &list,
        "# mã của tỉnh\n000.00.18.G12\n\n000.00.18\n000.00.00.H41\n",
    )
    .unwrap();
    let o = egov(&["batch", "code", &format!("@{}", s(&list))]);
    assert_eq!(o.status.code(), Some(1), "one invalid code: exit 1");
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("No.  Result"), "{text}");
    assert_eq!(lines.len(), 5, "header, 3 rows, summary: {text}");
    assert!(
        lines[2].contains("invalid") && lines[2].contains("000.00.18 "),
        "{text}"
    );
    assert_eq!(
        lines[4],
        "3 inputs in all: 2 valid, 1 invalid, 0 errors; 0 skipped."
    );
    // Vietnamese: the same report in the law's words.
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_CONFIG", "none")
        .args(["--lang", "vi", "batch", "code", &format!("@{}", s(&list))])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Tổng cộng 3 đầu vào: 2 hợp lệ, 1 không hợp lệ, 0 lỗi"),
        "{text}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn batch_folder_csv_jsonl_json_and_skipped_entries_are_counted() {
    let d = dir("folder");
    let inbox = d.join("inbox");
    std::fs::create_dir_all(inbox.join("sub")).unwrap();
    let sample = "testdata/edxml/vpcp-sdk-sample-status_inbox_01.edxml";
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    std::fs::copy(root.join(sample), inbox.join("a.edxml")).unwrap();
    std::fs::copy(root.join(sample), inbox.join("sub/b.edxml")).unwrap();
    std::fs::write(inbox.join("broken.edxml"), "<edXML").unwrap();
    std::fs::write(inbox.join(".hidden"), "x").unwrap();

    let o = egov(&["--json", "batch", "edxml", "check", s(&inbox)]);
    assert_eq!(o.status.code(), Some(2), "a malformed package: exit 2");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["counts"]["inputs"], 2);
    assert_eq!(v["counts"]["valid"], 1);
    assert_eq!(v["counts"]["errors"], 1);
    assert_eq!(
        v["counts"]["skipped"], 2,
        "the hidden file and the sub-folder"
    );
    assert_eq!(
        v["results"][1]["result"]["error"]["code"],
        "edxml.malformed"
    );

    let o = egov(&[
        "--json",
        "batch",
        "--recursive",
        "edxml",
        "check",
        s(&inbox),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["counts"]["inputs"], 3);
    assert_eq!(v["counts"]["skipped"], 1);

    let csv = d.join("r.csv");
    let o = egov(&["batch", "--out", s(&csv), "edxml", "check", s(&inbox)]);
    assert_eq!(o.status.code(), Some(2));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("n,input,exit,status,summary\n"), "{text}");
    assert_eq!(text.lines().count(), 3);
    assert!(String::from_utf8_lossy(&o.stderr).contains("2 inputs in all"));
    // An existing report is not replaced without --force.
    let o = egov(&["batch", "--out", s(&csv), "edxml", "check", s(&inbox)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("io.exists"));

    let o = egov(&[
        "batch",
        "--format",
        "jsonl",
        "edxml",
        "check",
        &format!("{}/*.edxml", s(&inbox)),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "two inputs and the summary: {text}");
    assert_eq!(lines[2]["summary"]["inputs"], 2);
    std::fs::remove_dir_all(&d).unwrap();
}

/// The command given in quotes, as one argument, is the same command; a mistyped command is
/// said in the run's language, without clap's English or its usage lines.
#[test]
fn batch_quoted_command_and_usage_errors_in_the_runs_language() {
    let quoted = egov(&["--json", "batch", "edxml check", "testdata/edxml"]);
    let plain = egov(&["--json", "batch", "edxml", "check", "testdata/edxml"]);
    assert_eq!(quoted.status.code(), plain.status.code());
    let q: serde_json::Value = serde_json::from_slice(&quoted.stdout).unwrap();
    let p: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(
        q["command"],
        serde_json::json!(["edxml", "check", "testdata/edxml"])
    );
    assert_eq!(q["counts"], p["counts"]);
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_CONFIG", "none")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(["--lang", "vi", "batch", "edxml", "chek", "testdata/edxml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("không có lệnh «chek»"), "{err}");
    assert!(err.contains("check"), "{err}");
    for english in ["unrecognized", "Usage:", "For more information", "tip:"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
}

#[test]
fn batch_usage_errors_are_said_once() {
    let o = egov(&["batch", "code", "000.00.18.G12"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("usage.batch"));
    let o = egov(&[
        "batch",
        "edxml",
        "check",
        "testdata/edxml",
        "--out",
        "x.html",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.matches("usage.batch").count(), 1, "{err}");
    assert!(err.contains("go before the command"), "{err}");
    let o = egov(&["batch", "code", "@/no/such/list.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("io.read"));
    let o = egov(&["batch", "batch", "code", "@x"]);
    assert_eq!(o.status.code(), Some(2));
    let o = egov(&["batch", "code", "/no/such/*.txt"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a glob matching nothing is not a success"
    );
}

/// A folder holding a symbolic link to itself (or to a parent) is walked once: links to folders
/// are never followed, so no file is checked twice and the walk ends; every entry not run is
/// counted with its reason, in the JSON and in the table.
#[cfg(unix)]
#[test]
fn batch_links_to_folders_are_not_followed_and_every_skip_says_why() {
    use std::os::unix::fs::symlink;
    let d = dir("links");
    let inbox = d.join("inbox");
    std::fs::create_dir_all(inbox.join("sub")).unwrap();
    let sample = "testdata/edxml/vpcp-sdk-sample-status_inbox_01.edxml";
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    std::fs::copy(root.join(sample), inbox.join("a.edxml")).unwrap();
    std::fs::copy(root.join(sample), inbox.join("sub/b.edxml")).unwrap();
    symlink(".", inbox.join("loop")).unwrap();
    symlink("..", inbox.join("sub/up")).unwrap();
    symlink("nowhere.edxml", inbox.join("dangling.edxml")).unwrap();
    symlink("a.edxml", inbox.join("link-to-a.edxml")).unwrap();
    std::fs::write(inbox.join(".hidden.edxml"), "x").unwrap();

    let o = egov(&[
        "--json",
        "batch",
        "--recursive",
        "edxml",
        "check",
        s(&inbox),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let inputs: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["input"].as_str().unwrap())
        .collect();
    let name = |p: &str| p.rsplit('/').next().unwrap().to_owned();
    assert_eq!(
        inputs.iter().map(|p| name(p)).collect::<Vec<_>>(),
        ["a.edxml", "link-to-a.edxml", "b.edxml"],
        "each file once, a link to a file is an input: {inputs:?}"
    );
    let skipped: Vec<(String, &str)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                name(k["path"].as_str().unwrap()),
                k["reason"].as_str().unwrap(),
            )
        })
        .collect();
    let expected = [
        (".hidden.edxml", "hidden"),
        ("dangling.edxml", "broken_link"),
        ("loop", "link_to_folder"),
        ("up", "link_to_folder"),
    ];
    assert_eq!(
        skipped,
        expected.map(|(p, r)| (p.to_owned(), r)),
        "{}",
        v["skipped"]
    );
    assert_eq!(v["counts"]["skipped"], 4);

    // Without --recursive the sub-folder is skipped as such; the table says why, line by line.
    let o = egov(&["batch", "edxml", "check", s(&inbox)]);
    let text = String::from_utf8_lossy(&o.stdout);
    for line in [
        "(a broken symbolic link: it points to no file)",
        "loop (a symbolic link to a folder: links are not followed)",
        "sub (a sub-folder: use --recursive to check inside it)",
        ".hidden.edxml (hidden)",
        "2 inputs in all: 2 valid, 0 invalid, 0 errors; 4 skipped.",
    ] {
        assert!(text.contains(line), "no «{line}» in:\n{text}");
    }
    std::fs::remove_dir_all(&d).unwrap();
}

/// A file whose name is not UTF-8 (a Vietnamese name in a legacy code page, as archives made on
/// older Windows systems unpack) is checked like any other, its name shown lossily: it was
/// once passed on as the lossy text and could not be opened.
#[cfg(unix)]
#[test]
fn batch_checks_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let d = dir("latin");
    let sample = "testdata/edxml/vpcp-sdk-sample-status_inbox_01.edxml";
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let name = std::ffi::OsStr::from_bytes(b"v\xe0n-b\xe3n.edxml");
    std::fs::copy(root.join(sample), d.join(name)).unwrap();
    let o = egov(&["--json", "batch", "edxml", "check", s(&d)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["counts"]["valid"], 1);
    assert!(v["results"][0]["input"]
        .as_str()
        .unwrap()
        .ends_with("v\u{fffd}n-b\u{fffd}n.edxml"));
    std::fs::remove_dir_all(&d).unwrap();
}
