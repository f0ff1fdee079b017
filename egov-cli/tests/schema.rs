//! The committed JSON Schemas (schemas/) and the templates of `egov template` (issue 17).
//!
//! * Drift: `egov schema --all` regenerates schemas/ exactly; `EGOV_BLESS=1` rewrites it.
//! * Every template is accepted as-is by the command that reads it (or gives its documented
//!   outcome), and its data has the keys its schema names.
//!
//! The schemas themselves, the templates and the real `--json` answers are validated by an
//! independent implementation in egov-python/tests/test_schemas.py (Python `jsonschema`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn egov(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the egov binary runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-schema-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The files under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn committed_schemas_match_the_code() {
    let committed = repo().join("schemas");
    if std::env::var_os("EGOV_BLESS").is_some() {
        let o = egov(
            &["schema", "--all", committed.to_str().unwrap(), "--force"],
            &repo(),
        );
        assert_eq!(o.status.code(), Some(0), "{o:?}");
    }
    let fresh = tmp("drift");
    let o = egov(&["schema", "--all", fresh.to_str().unwrap()], &repo());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let want = files(&fresh);
    assert_eq!(
        files(&committed),
        want,
        "schemas/ has other files than `egov schema --all` writes (EGOV_BLESS=1 cargo test -p egov-cli --test schema)"
    );
    assert!(want.len() >= 20, "{want:?}");
    for f in &want {
        let a = std::fs::read_to_string(fresh.join(f)).unwrap();
        let b = std::fs::read_to_string(committed.join(f)).unwrap();
        assert!(
            a == b,
            "schemas/{} drifted from the Rust types: run EGOV_BLESS=1 cargo test -p egov-cli --test schema",
            f.display()
        );
    }
    let _ = std::fs::remove_dir_all(&fresh);
}

#[test]
fn schema_prints_one_by_name_and_refuses_unknown_names() {
    let o = egov(&["schema", "metadata"], &repo());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(v["$id"]
        .as_str()
        .unwrap()
        .ends_with("/schemas/input/metadata.schema.json"));
    // serde's renames and skips: the state-secret flag, deny_unknown_fields.
    assert_eq!(v["additionalProperties"], false);
    assert!(v["properties"]["classification"].is_object());
    let out = egov(&["schema", "output/metadata"], &repo());
    let out: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out["required"], serde_json::json!(["overall", "findings"]));
    let bad = egov(&["--json", "schema", "nope"], &repo());
    assert_eq!(bad.status.code(), Some(2));
    let e: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(e["error"]["code"], "usage.schema");
}

#[test]
fn schema_all_refuses_to_overwrite_without_force() {
    let d = tmp("force");
    assert_eq!(
        egov(&["schema", "--all", d.to_str().unwrap()], &d)
            .status
            .code(),
        Some(0)
    );
    let again = egov(&["--json", "schema", "--all", d.to_str().unwrap()], &d);
    assert_eq!(again.status.code(), Some(2));
    let e: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(e["error"]["code"], "io.exists");
    assert_eq!(
        egov(&["schema", "--all", d.to_str().unwrap(), "--force"], &d)
            .status
            .code(),
        Some(0)
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Writes `egov template KIND` into `dir` and returns its path.
fn template(kind: &str, dir: &Path) -> PathBuf {
    let path = dir.join(format!("{kind}.toml"));
    let o = egov(&["template", kind, "-o", path.to_str().unwrap()], dir);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    // The same text on standard output.
    let stdout = egov(&["template", kind], dir);
    assert_eq!(
        String::from_utf8(stdout.stdout).unwrap().trim_end(),
        text.trim_end()
    );
    path
}

fn json_of(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

#[test]
fn every_template_is_accepted_by_its_command() {
    let d = tmp("templates");
    let p = |kind: &str| template(kind, &d).to_str().unwrap().to_owned();

    let o = egov(&["--json", "metadata", &p("metadata")], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(json_of(&o)["overall"], "pass");

    // The configuration template, saved as egov.toml, is read by every command.
    let cfg = p("config");
    let o = egov(&["--json", "--config", &cfg, "config"], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let names: Vec<String> = json_of(&o)["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["lang", "format", "strict_time"]);

    let cal = p("calendar");
    let o = egov(&["--json", "workday", "2026-02-17", "--calendar", &cal], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let v = json_of(&o);
    assert_eq!(v["is_working_day"], false);
    assert!(v["calendar"].as_str().unwrap().contains("2026"));
    let o = egov(&["--json", "workday", "2026-01-10", "--calendar", &cal], &d);
    assert_eq!(json_of(&o)["is_working_day"], true, "the make-up Saturday");

    // The template holds what the agency attests; without the site's TLS chain, page and
    // security.txt some criteria stay unknown: exit 1, documented in the template.
    let o = egov(
        &[
            "--json",
            "trust",
            "check",
            "--attest",
            &p("trust-request"),
            "--now",
            "2026-12-01T00:00:00+07:00",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("soc@good.test.gov.vn"), "{text}");

    let o = egov(
        &[
            "--json",
            "platform",
            "classify",
            "--monthly",
            &p("platform-history"),
            "--date",
            "2026-01-15",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        json_of(&o)["classification"]["months"]
            .as_array()
            .unwrap()
            .len(),
        12
    );

    // The description names its attachment `cong-van.pdf`, beside it.
    std::fs::write(d.join("cong-van.pdf"), b"%PDF-1.7\n%%EOF\n").unwrap();
    let out = d.join("goi.edxml");
    let o = egov(
        &[
            "--json",
            "edxml",
            "build",
            &p("edxml-build"),
            "--out",
            out.to_str().unwrap(),
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    // The package the template describes is complete: the receiving check fails nothing
    // (the sender's TraceHeader gives point n, OtherInfo the urgency); only the signature,
    // made next with `egov edxml sign`, is missing (a DOC-14 warning).
    let o = egov(&["--json", "edxml", "check", out.to_str().unwrap()], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let not_passed: Vec<String> = json_of(&o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["outcome"] != "pass")
        .map(|f| format!("{} {}", f["rule"], f["message"]))
        .collect();
    assert_eq!(not_passed.len(), 1, "{not_passed:?}");
    assert!(not_passed[0].starts_with("\"DOC-14\""), "{not_passed:?}");

    let o = egov(&["--json", "checklist", "kpi", &p("kpi-observations")], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(json_of(&o)["tracked"][0]["id"], "k1d");

    let reg = p("registry");
    let o = egov(
        &[
            "--json",
            "code",
            "000.00.00.G22",
            "--registry",
            &reg,
            "--as-of",
            "2026-01-01",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(json_of(&o)["registry"]["status"]["status"], "valid");
    let o = egov(&["registry", "check", &reg, "--as-of", "2026-01-01"], &d);
    assert_eq!(o.status.code(), Some(0), "{o:?}");

    // The evidence template (`egov checklist template`) has placeholders to fill in: documented
    // in its header, refused until they are.
    let o = egov(
        &[
            "--json",
            "checklist",
            "run",
            "nd137-agency-system",
            "--evidence",
            &p("checklist-evidence"),
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(json_of(&o)["error"]["code"], "checklist.evidence");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn templates_comment_in_vietnamese_then_english_and_name_their_schema() {
    let d = tmp("comments");
    for kind in [
        "metadata",
        "calendar",
        "trust-request",
        "platform-history",
        "edxml-build",
        "kpi-observations",
        "registry",
    ] {
        let text = std::fs::read_to_string(template(kind, &d)).unwrap();
        let first = text.lines().next().unwrap();
        assert_eq!(
            first,
            format!(
                "#:schema https://github.com/egov-sdk/egov/raw/main/schemas/input/{kind}.schema.json"
            )
        );
        assert!(repo()
            .join(format!("schemas/input/{kind}.schema.json"))
            .is_file());
        assert!(
            text.contains(" / "),
            "{kind}: Vietnamese / English comments"
        );
    }
    let md = std::fs::read_to_string(d.join("metadata.toml")).unwrap();
    for point in [
        "# a) ",
        "# b) ",
        "# e) Trích yếu",
        "# i) ",
        "# p) ",
        "# q) ",
    ] {
        assert!(md.contains(point), "{point}");
    }
    assert!(md.contains("DOC-10"));
    // -o refuses to overwrite without --force (`template` wrote it above).
    let path = d.join("metadata.toml");
    let o = egov(
        &[
            "--json",
            "template",
            "metadata",
            "-o",
            path.to_str().unwrap(),
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json_of(&o)["error"]["code"], "io.exists");
    let o = egov(
        &[
            "template",
            "metadata",
            "-o",
            path.to_str().unwrap(),
            "--force",
        ],
        &d,
    );
    assert_eq!(o.status.code(), Some(0));
    let o = egov(&["--json", "template", "nope"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json_of(&o)["error"]["code"], "usage.template");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_toml_input_with_a_misspelt_key_is_a_coded_error_with_its_line() {
    let d = tmp("bad");
    let bad = d.join("m.toml");
    std::fs::write(&bad, "agency_code = \"000.00.00.G22\"\nsumary = \"x\"\n").unwrap();
    let o = egov(&["--json", "metadata", bad.to_str().unwrap()], &d);
    assert_eq!(o.status.code(), Some(1));
    let e = json_of(&o);
    assert_eq!(e["error"]["code"], "metadata.toml");
    let msg = e["error"]["message"].as_str().unwrap();
    assert!(msg.contains("line 2") && msg.contains("sumary"), "{msg}");
    let _ = std::fs::remove_dir_all(&d);
}
