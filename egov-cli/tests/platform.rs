//! End-to-end tests of `egov platform …` (PLAT-01…27): output, `--json`, exit codes.

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

fn egov_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the egov binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("egov-platform-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const MONTHS_2025: &str = "2025-01=3000000,2025-02=3000000,2025-03=3000000,2025-04=3000000,2025-05=3000000,2025-06=3000000,2025-07=3000000,2025-08=3000000,2025-09=3000000,2025-10=3000000,2025-11=3000000,2025-12=3000000";

/// `platform classify` at the 3 % boundary (P = 100 000 000, mean 3 000 000), plus `extra`.
fn classify_at_3_percent(extra: &[&str]) -> Output {
    at_3_percent("classify", extra)
}

/// `platform <cmd>` at the 3 % boundary, plus `extra`.
fn at_3_percent(cmd: &str, extra: &[&str]) -> Output {
    egov(&at_3_percent_args(cmd, extra))
}

/// The arguments of [`at_3_percent`].
fn at_3_percent_args<'a>(cmd: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "platform",
        cmd,
        "--monthly",
        MONTHS_2025,
        "--population",
        "100000000",
        "--population-publisher",
        "test",
        "--population-date",
        "2026-01-05",
        "--date",
        "2026-01-15",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn plat_03_cli_classify_boundary_is_large() {
    let o = classify_at_3_percent(&["--intermediary", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["classification"]["scale"], "large");
    assert_eq!(v["classification"]["class"], "large_intermediary_platform");
    assert_eq!(v["classification"]["distances"][0]["distance_users"], "0");
    let human = classify_at_3_percent(&[]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("large-scale information system"), "{text}");
    // The exact mean's numerator is grouped as every other count is.
    let exact = v["classification"]["mean_exact"].as_str().unwrap();
    let (numerator, _) = exact.split_once('/').unwrap();
    assert!(numerator.len() >= 5, "{exact}");
    assert!(!text.contains(exact), "{exact} ungrouped in:\n{text}");
    assert!(text.contains("/12)"), "{text}");
}

#[test]
fn plat_04_cli_insufficient_history_exits_1_with_code() {
    let o = egov(&[
        "--json",
        "platform",
        "classify",
        "--monthly",
        "2025-12=5",
        "--date",
        "2026-01-15",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "platform.insufficient_history");
    assert_eq!(
        egov(&["platform", "classify"]).status.code(),
        Some(2),
        "a usage error"
    );
    assert_eq!(
        egov(&["platform", "classify", "--bogus"]).status.code(),
        Some(2)
    );
}

#[test]
fn plat_01_cli_count_from_stdin_reports_malformed_lines() {
    let csv = b"user_id,timestamp,kind,in_vietnam\n1,2025-01-31T17:30:00Z,login,1\n2,1738344600,s,1\nbad\n3,1738344600,l,0\n";
    let o = egov_stdin(&["--json", "platform", "count", "-"], csv);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["counting"]["months"][0]["month"], "2025-02");
    assert_eq!(v["counting"]["months"][0]["active_users"], 2);
    assert_eq!(v["counting"]["lines"]["malformed"], 1);
    assert_eq!(v["counting"]["events"]["outside_vietnam"], 1);
}

#[test]
fn plat_01_cli_count_file_with_threads_equals_stdin() {
    // ~9 MB so the file is split across threads.
    let mut csv = Vec::new();
    let mut x: u64 = 42;
    for i in 0..400_000u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let t = 1_735_664_400 + (x % (365 * 86_400)) as i64;
        if i % 50_000 == 7 {
            csv.extend_from_slice(b"oops\n");
        }
        writeln!(csv, "{},{t},l,{}", x % 60_000, u8::from(i % 10 != 0)).unwrap();
    }
    let path = temp_file("events.csv", &csv);
    let a = json(&egov(&[
        "--json",
        "platform",
        "count",
        "--threads",
        "3",
        path.to_str().unwrap(),
    ]));
    let b = json(&egov_stdin(&["--json", "platform", "count", "-"], &csv));
    assert_eq!(a["threads"], 3);
    assert_eq!(a["counting"]["months"], b["counting"]["months"]);
    assert_eq!(a["counting"]["events"], b["counting"]["events"]);
    assert_eq!(a["counting"]["lines"]["malformed"], 8);
    assert_eq!(a["counting"]["lines"]["lines"], 400_008);
    assert_eq!(a["counting"]["months"].as_array().unwrap().len(), 12);
}

#[test]
fn plat_report_cli_markdown_and_json() {
    let evidence = temp_file(
        "evidence.json",
        br#"{"items": {"d19_1_b_notify_result": {"satisfied": false}}}"#,
    );
    let args = [
        "--intermediary",
        "--first-classified",
        "2025-10-01",
        "--evidence",
        evidence.to_str().unwrap(),
    ];
    let o = at_3_percent("report", &args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed obligation is non-compliant"
    );
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("## Nghĩa vụ / Obligations"));
    assert!(md.contains("2026-01-30"));
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json(&at_3_percent("report", &with_json));
    assert_eq!(v["next_due"]["due_on"], "2026-01-30");
    assert_eq!(v["obligations_overall"], "fail");
}

#[test]
fn plat_01_cli_count_more_threads_than_lines() {
    let csv = b"1,1738344600,l,1\n2,1738344600,l,1\n1,1738344600,a,1";
    let path = temp_file("tiny.csv", csv);
    for threads in ["1", "2", "5", "16", "64"] {
        let v = json(&egov(&[
            "--json",
            "platform",
            "count",
            "--threads",
            threads,
            path.to_str().unwrap(),
        ]));
        assert_eq!(v["counting"]["lines"]["lines"], 3, "threads {threads}");
        assert_eq!(
            v["counting"]["months"][0]["active_users"], 2,
            "threads {threads}"
        );
    }
}

/// Twelve months of 2025, `users` distinct users a month, and as many `view` lines.
fn half_view_csv(users: u64) -> Vec<u8> {
    let mut csv = Vec::new();
    for m in 1..=12u32 {
        let t = chrono::NaiveDate::from_ymd_opt(2025, m, 10)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        for u in 0..users {
            writeln!(csv, "{u},{t},login,1").unwrap();
            writeln!(csv, "{u},{t},view,1").unwrap();
        }
    }
    csv
}

#[test]
fn plat_01_cli_classify_says_which_lines_it_left_out() {
    let path = temp_file("half-view.csv", &half_view_csv(50));
    let args = [
        "platform",
        "classify",
        "--events",
        path.to_str().unwrap(),
        "--date",
        "2026-01-15",
    ];
    let o = egov(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("600 of 1200 data lines (50 %) were not counted"),
        "{text}"
    );
    assert!(text.contains("«view» × 600"), "{text}");
    // The same in Vietnamese (CORE-06: one language a run).
    let mut vi = args.to_vec();
    vi.extend(["--lang", "vi"]);
    let o = egov(&vi);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("600 trong 1200 dòng dữ liệu (50%) không được đếm"),
        "{text}"
    );
    let mut with_json = args.to_vec();
    with_json.insert(0, "--json");
    let v = json(&egov(&with_json));
    let findings = v["classification"]["findings"].as_array().unwrap();
    let f = findings.iter().find(|f| f["rule"] == "PLAT-01").unwrap();
    assert_eq!(f["outcome"], "warning");
    assert_eq!(f["evidence"]["share_percent"], "50");
    assert_eq!(v["counting"]["lines"]["unrecognised_kinds"]["view"], 600);
    // The same file with `view` mapped by the caller counts every line.
    let mut mapped = args.to_vec();
    mapped.extend(["--kind", "view=access", "--json"]);
    let v = json(&egov(&mapped));
    assert_eq!(v["counting"]["lines"]["malformed"], 0);
}

#[test]
fn plat_01_cli_no_event_at_all_is_an_error_not_zero_users() {
    let path = temp_file(
        "views-only.csv",
        b"1,1738344600,view,1\n2,1738344600,view,1\n",
    );
    for cmd in [
        &["platform", "count", path.to_str().unwrap()][..],
        &[
            "platform",
            "classify",
            "--events",
            path.to_str().unwrap(),
            "--date",
            "2026-01-15",
        ],
    ] {
        let o = egov(cmd);
        assert_eq!(o.status.code(), Some(1), "{cmd:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("platform.no_events"), "{err}");
        // In Vietnamese when asked (CORE-06: one language a run).
        let mut vi = cmd.to_vec();
        vi.extend(["--lang", "vi"]);
        let err = String::from_utf8_lossy(&egov(&vi).stderr).into_owned();
        assert!(err.contains("platform.no_events"), "{err}");
        assert!(err.contains("không có sự kiện hoạt động nào"), "{err}");
    }
}

#[test]
fn plat_01_cli_counts_gzip_and_zstd_files() {
    let csv = half_view_csv(20);
    let plain = temp_file("plain.csv", &csv);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&csv).unwrap();
    let gz = temp_file("events.csv.gz", &gz.finish().unwrap());
    let zst = temp_file("events.csv.zst", &zstd::encode_all(&csv[..], 3).unwrap());
    let want = json(&egov(&[
        "--json",
        "platform",
        "count",
        plain.to_str().unwrap(),
    ]));
    for (p, kind) in [(gz, "gzip"), (zst, "zstd")] {
        let v = json(&egov(&["--json", "platform", "count", p.to_str().unwrap()]));
        assert_eq!(v["compression"], kind);
        assert_eq!(v["counting"], want["counting"], "{kind}");
    }
}

#[test]
fn plat_01_cli_line_numbers_are_the_same_on_any_thread_count() {
    let mut csv = b"user_id,timestamp,kind,in_vietnam\n".to_vec();
    for i in 0..300_000u64 {
        if i % 20_000 == 3 {
            writeln!(csv, "{i},yesterday,l,1").unwrap();
        } else {
            writeln!(csv, "{},{},l,1", i % 7_000, 1_735_664_400 + i as i64 * 97).unwrap();
        }
    }
    let path = temp_file("numbered.csv", &csv);
    let run = |threads: &str| {
        json(&egov(&[
            "--json",
            "platform",
            "count",
            "--threads",
            threads,
            path.to_str().unwrap(),
        ]))
    };
    let one = run("1");
    let examples = one["counting"]["lines"]["examples"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(examples.len(), 15);
    // Header is line 1; data line i is line i + 2.
    assert_eq!(examples[0]["line"], 5);
    assert_eq!(examples[1]["line"], 20_005);
    let text = String::from_utf8(csv).unwrap();
    for e in &examples {
        let off = e["offset"].as_u64().unwrap() as usize;
        assert!(text[off..].starts_with(e["text"].as_str().unwrap()));
    }
    for threads in ["2", "4"] {
        assert_eq!(
            run(threads)["counting"],
            one["counting"],
            "{threads} threads"
        );
    }
}

#[test]
fn plat_01_cli_count_json_feeds_classify() {
    let path = temp_file("feed.csv", &half_view_csv(30));
    let counted = egov(&["--json", "platform", "count", path.to_str().unwrap()]);
    assert_eq!(counted.status.code(), Some(0));
    let count_json = temp_file("count.json", &counted.stdout);
    let o = egov(&[
        "--json",
        "platform",
        "classify",
        "--monthly",
        count_json.to_str().unwrap(),
        "--date",
        "2026-01-15",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["classification"]["months"][0]["active_users"], 30);
    // The accounting came along: the lines left out are still reported.
    let f = v["classification"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "PLAT-01")
        .cloned();
    assert!(f.is_some(), "{v}");
}

#[test]
fn plat_02_cli_states_the_population_and_threshold_version_used() {
    let o = egov(&[
        "platform",
        "classify",
        "--monthly",
        MONTHS_2025,
        "--date",
        "2026-01-15",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("102 300 000 (2025") && text.contains("built-in"),
        "{text}"
    );
    // In Vietnamese when asked (CORE-06: one language a run).
    let vi = egov(&[
        "platform",
        "classify",
        "--monthly",
        MONTHS_2025,
        "--date",
        "2026-01-15",
        "--lang",
        "vi",
    ]);
    let vi = String::from_utf8_lossy(&vi.stdout);
    assert!(vi.contains("dựng sẵn 102 300 000 (năm"), "{vi}");
    assert!(text.contains("nd137-2024"), "{text}");
    // The default date is today, or EGOV_TODAY: the answer depends on it, and says so.
    let on = |today: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_egov"))
            .env("EGOV_LANG", "en")
            .args(["--json", "platform", "classify", "--monthly", MONTHS_2025])
            .env("EGOV_TODAY", today)
            .output()
            .unwrap();
        (o.status.code(), json_or_error(&o))
    };
    let (code, v) = on("2026-01-15");
    assert_eq!(code, Some(0));
    assert_eq!(v["classification"]["determination_date"], "2026-01-15");
    let (code, _) = on("2027-03-01");
    assert_eq!(
        code,
        Some(1),
        "2025's months are no longer the window in March 2027"
    );
}

fn json_or_error(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null)
}

/// The Python with DuckDB: `EGOV_DUCKDB_PYTHON` or `python3`. `None` (the DuckDB comparison is
/// left out) only where it lacks duckdb and `EGOV_DUCKDB_REQUIRED` is not 1; the test command
/// sets both, so there it cannot be left out.
#[cfg(feature = "parquet")]
fn duckdb_python() -> Option<String> {
    let python = std::env::var("EGOV_DUCKDB_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let has = Command::new(&python)
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has {
        return Some(python);
    }
    let required = std::env::var("EGOV_DUCKDB_REQUIRED").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "EGOV_DUCKDB_REQUIRED=1 but {python} lacks duckdb"
    );
    eprintln!("left out: {python} lacks duckdb (set EGOV_DUCKDB_PYTHON)");
    None
}

/// Events of 3 000 users (integer and string ids) around the Vietnam month boundary, some
/// outside Vietnam, some malformed lines.
fn partial_csv() -> Vec<u8> {
    let mut s = String::from("user_id,timestamp,kind,in_vietnam\n");
    for i in 0..30_000u64 {
        let user = if i % 4 == 0 {
            format!("user{}@example.vn", i % 1_300)
        } else {
            (i % 3_000).to_string()
        };
        // 2025-01-31T16:00:00Z (23:00 in Vietnam) plus up to 4 hours: both months.
        let at = 1_738_339_200 + (i as i64 % 240) * 60;
        s.push_str(&format!("{user},{at},login,{}\n", u8::from(i % 13 != 0)));
        if i % 10_000 == 5 {
            s.push_str("not,a,line\n");
        }
    }
    s.into_bytes()
}

#[cfg(feature = "parquet")]
#[test]
fn plat_01_cli_partials_from_separate_processes_merge_into_the_whole() {
    let csv = partial_csv();
    let text = String::from_utf8(csv.clone()).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let body: Vec<&str> = lines.collect();
    let whole = temp_file("partial-whole.csv", &csv);
    // Three processes count three parts, writing Parquet (two) and JSON (one) partials.
    let mut partials = Vec::new();
    for (i, chunk) in body.chunks(body.len().div_ceil(3)).enumerate() {
        let part = temp_file(
            &format!("partial-part{i}.csv"),
            format!("{header}\n{}\n", chunk.join("\n")).as_bytes(),
        );
        let ext = if i == 1 { "json" } else { "parquet" };
        let out = whole.with_file_name(format!("part{i}.{ext}"));
        let o = egov(&[
            "platform",
            "count",
            part.to_str().unwrap(),
            "--threads",
            "2",
            "--partial-out",
            out.to_str().unwrap(),
            "--force",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        partials.push(out);
    }
    // An existing output is refused without --force.
    let o = egov(&[
        "platform",
        "count",
        whole.to_str().unwrap(),
        "--partial-out",
        partials[0].to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("io.exists")
            || String::from_utf8_lossy(&o.stderr).contains("io.exists")
    );
    // A fourth merges them.
    let merged_file = whole.with_file_name("merged.parquet");
    let mut args = vec!["--json", "platform", "merge"];
    args.extend(partials.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", merged_file.to_str().unwrap(), "--force"]);
    let merged = egov(&args);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let merged = json(&merged);
    let one = json(&egov(&[
        "--json",
        "platform",
        "count",
        whole.to_str().unwrap(),
    ]));
    assert_eq!(merged["counting"]["months"], one["counting"]["months"]);
    assert_eq!(merged["counting"]["events"], one["counting"]["events"]);
    assert_eq!(
        merged["counting"]["lines"]["malformed"],
        one["counting"]["lines"]["malformed"]
    );
    assert_eq!(merged["counting"]["months"].as_array().unwrap().len(), 2);
    // The merged JSON feeds classify like a count's.
    let out = temp_file("merged.json", &serde_json::to_vec(&merged).unwrap());
    let c = egov(&[
        "--json",
        "platform",
        "classify",
        "--monthly",
        out.to_str().unwrap(),
        "--date",
        "2025-03-15",
    ]);
    assert_eq!(
        c.status.code(),
        Some(1),
        "two months are not enough history"
    );
    // DuckDB, without egov: COUNT(DISTINCT key) over the Parquet partials and the merged file.
    if let Some(python) = duckdb_python() {
        let files: Vec<String> = [&partials[0], &partials[2], &merged_file]
            .iter()
            .map(|p| format!("'{}'", p.display()))
            .collect();
        // The JSON partial is read by egov only; its keys are in the merged file.
        let script = format!(
            "import duckdb, json\n\
             parts = duckdb.sql(\"SELECT month, COUNT(DISTINCT key) FROM read_parquet([{}]) GROUP BY month ORDER BY month\").fetchall()\n\
             merged = duckdb.sql(\"SELECT month, COUNT(DISTINCT key), COUNT(*) FROM read_parquet({}) GROUP BY month ORDER BY month\").fetchall()\n\
             print(json.dumps({{'parts': parts, 'merged': merged}}))",
            files.join(","),
            files[2]
        );
        let o = Command::new(python).args(["-c", &script]).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let want: Vec<(String, u64)> = one["counting"]["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["month"].as_str().unwrap().to_owned(),
                    m["active_users"].as_u64().unwrap(),
                )
            })
            .collect();
        for (i, (month, users)) in want.iter().enumerate() {
            assert_eq!(d["merged"][i][0], *month);
            assert_eq!(
                d["merged"][i][1], *users,
                "DuckDB COUNT(DISTINCT) of the merged file"
            );
            assert_eq!(d["merged"][i][2], *users, "keys are unique in a partial");
            assert_eq!(
                d["parts"][i][1], *users,
                "DuckDB over the parts and the merged file"
            );
        }
    }
}

#[test]
fn plat_01_cli_merge_refuses_what_is_not_a_partial() {
    let bad = temp_file("not-a-partial.json", b"{\"format\": \"x\"}");
    let o = egov(&["--json", "platform", "merge", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let body = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(body.contains("partial.invalid"), "{body}");
    let o = egov(&["platform", "merge", "/nonexistent/x.parquet"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Parquet written by DuckDB (an independent writer: strings, a TIMESTAMP in microseconds,
/// booleans, 4 row groups), counted by egov and by DuckDB's own COUNT(DISTINCT) per Vietnam
/// month: the same numbers; `view` rows not counted and reported.
#[cfg(feature = "parquet")]
#[test]
fn plat_01_cli_counts_parquet_written_by_duckdb_like_duckdb() {
    let Some(python) = duckdb_python() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("egov-duckdb-parquet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("events.parquet");
    let script = format!(
        "import duckdb, json\n\
         duckdb.sql(\"\"\"COPY (SELECT CASE WHEN i % 4 = 0 THEN 'u' || (i % 5000) ELSE CAST(i % 20000 AS VARCHAR) END AS uid,\n\
           make_timestamp((1738339200 + (i % 7200) * 60) * 1000000) AS ts,\n\
           CASE WHEN i % 10 = 0 THEN 'view' ELSE 'login' END AS activity,\n\
           i % 7 <> 0 AS vn FROM range(200000) t(i)) TO '{0}' (FORMAT PARQUET, ROW_GROUP_SIZE 50000)\"\"\")\n\
         rows = duckdb.sql(\"\"\"SELECT strftime(ts + INTERVAL 7 HOUR, '%Y-%m') AS m, COUNT(DISTINCT uid)\n\
           FROM read_parquet('{0}') WHERE vn AND activity = 'login' GROUP BY m ORDER BY m\"\"\").fetchall()\n\
         print(json.dumps(rows))",
        file.display()
    );
    let o = Command::new(python).args(["-c", &script]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let want: Vec<(String, u64)> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(want.len(), 2, "{want:?}");
    for threads in ["1", "3"] {
        let out = egov(&[
            "--json",
            "platform",
            "count",
            file.to_str().unwrap(),
            "--threads",
            threads,
            "--columns",
            "user=uid,timestamp=ts,kind=activity,in_vietnam=vn",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let j = json(&out);
        let got: Vec<(String, u64)> = j["counting"]["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["month"].as_str().unwrap().to_owned(),
                    m["active_users"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, want, "{threads} threads");
        assert_eq!(j["input"]["format"], "parquet");
        assert_eq!(j["input"]["row_groups"], 4);
        assert_eq!(j["counting"]["lines"]["malformed"], 20_000, "the view rows");
        assert_eq!(j["counting"]["lines"]["unrecognised_kinds"]["view"], 20_000);
    }
    // The folder works too; a wrong column name is an error naming it.
    let out = egov(&[
        "--json",
        "platform",
        "count",
        dir.to_str().unwrap(),
        "--columns",
        "user=uid,timestamp=ts,kind=activity,in_vietnam=vn",
    ]);
    assert!(out.status.success());
    let out = egov(&["platform", "count", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("parquet.column") && text.contains("user_id"),
        "{text}"
    );
}

/// A Parquet dataset as Spark's `partitionBy` and DuckDB's `PARTITION_BY` write it (Hive-style
/// folders `part=0/…`), with Spark's `_SUCCESS` marker, a hidden `.crc` checksum, a stray text
/// file and a symbolic link back up the tree: egov reads every `.parquet` file at any depth,
/// once, and counts like DuckDB over `**/*.parquet`; each entry not read is listed with why.
#[cfg(all(feature = "parquet", unix))]
#[test]
fn plat_01_cli_counts_a_partitioned_parquet_dataset_like_duckdb() {
    let Some(python) = duckdb_python() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("egov-duckdb-dataset-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let script = format!(
        "import duckdb, glob, json\n\
         duckdb.sql(\"\"\"COPY (SELECT CAST(i % 9000 AS VARCHAR) AS uid,\n\
           make_timestamp((1738339200 + (i % 7200) * 60) * 1000000) AS ts,\n\
           'login' AS activity, i % 7 <> 0 AS vn, i % 3 AS part FROM range(60000) t(i))\n\
           TO '{0}' (FORMAT PARQUET, PARTITION_BY (part))\"\"\")\n\
         rows = duckdb.sql(\"\"\"SELECT strftime(ts + INTERVAL 7 HOUR, '%Y-%m') AS m, COUNT(DISTINCT uid)\n\
           FROM read_parquet('{0}/**/*.parquet') WHERE vn GROUP BY m ORDER BY m\"\"\").fetchall()\n\
         print(json.dumps([rows, len(glob.glob('{0}/**/*.parquet', recursive=True))]))",
        dir.display()
    );
    let o = Command::new(python).args(["-c", &script]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (want, files): (Vec<(String, u64)>, u64) = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(want.len(), 2, "{want:?}");
    assert!(files >= 3, "one file per partition at least: {files}");
    std::fs::write(dir.join("_SUCCESS"), "").unwrap();
    std::fs::write(dir.join("part=0/.data_0.parquet.crc"), "crc").unwrap();
    std::fs::write(dir.join("notes.txt"), "exported 2026-02-01").unwrap();
    std::os::unix::fs::symlink("..", dir.join("part=1/up")).unwrap();

    let columns = "user=uid,timestamp=ts,kind=activity,in_vietnam=vn";
    let out = egov(&[
        "--json",
        "platform",
        "count",
        dir.to_str().unwrap(),
        "--columns",
        columns,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j = json(&out);
    let got: Vec<(String, u64)> = j["counting"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_owned(),
                m["active_users"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want, "the same users as DuckDB, each file read once");
    assert_eq!(j["input"]["files"], files);
    let skipped: Vec<(String, &str)> = j["input"]["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let path = v["path"].as_str().unwrap();
            let rel = path.strip_prefix(dir.to_str().unwrap()).unwrap_or(path);
            (rel.to_owned(), v["reason"].as_str().unwrap())
        })
        .collect();
    let want = [
        ("/_SUCCESS", "hidden"),
        ("/notes.txt", "not_parquet"),
        ("/part=0/.data_0.parquet.crc", "hidden"),
        ("/part=1/up", "link_to_folder"),
    ];
    assert_eq!(
        skipped,
        want.map(|(p, r)| (p.to_owned(), r)),
        "each entry not read, with why (a code, the same in every language)"
    );
    let out = egov(&[
        "platform",
        "count",
        dir.to_str().unwrap(),
        "--columns",
        columns,
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("Read {files} Parquet files")),
        "{text}"
    );
    assert!(text.contains("Skipped 4 entries of the folder: "), "{text}");
    for (entry, why) in [
        ("/_SUCCESS (", "«_»"),
        ("/part=0/.data_0.parquet.crc (", "«.»"),
        ("/notes.txt (", "not a .parquet file"),
        ("/part=1/up (", "links are not followed"),
    ] {
        assert!(
            text.split("; ")
                .any(|s| s.contains(entry) && s.contains(why)),
            "{entry} … {why} not in {text}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Salted keys (issue 15): `--id-salt-env` keys string ids (digits too) with SipHash under the
/// platform's salt; the partial names the salt, a partial of another salt or of XXH3 keys is
/// refused at merge, and the months are those of the unsalted count (keying changes no count).
#[test]
fn plat_01_cli_salted_partials_name_their_salt_and_do_not_mix() {
    let csv = temp_file("salted.csv", &partial_csv());
    let count = |out: &str, salt: Option<&str>| {
        let out = csv.with_file_name(out);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_egov"));
        cmd.env("EGOV_LANG", "en")
            .args(["--json", "platform", "count", csv.to_str().unwrap()])
            .args(["--partial-out", out.to_str().unwrap(), "--force"]);
        if let Some(s) = salt {
            cmd.env("EGOV_TEST_SALT", s)
                .args(["--id-salt-env", "EGOV_TEST_SALT"]);
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (json(&o), out)
    };
    let (plain, plain_p) = count("plain.json", None);
    let (a, a_p) = count("salt-a.json", Some("000102030405060708090a0b0c0d0e0f"));
    let (_, b_p) = count("salt-b.json", Some("ffeeddccbbaa99887766554433221100"));
    assert_eq!(plain["counting"]["months"], a["counting"]["months"]);
    assert!(a["counting"]["id_hash"]
        .as_str()
        .unwrap()
        .contains("SipHash-2-4"));
    let pa: serde_json::Value = serde_json::from_slice(&std::fs::read(&a_p).unwrap()).unwrap();
    assert_eq!(pa["ids"]["scheme"], "keyed");
    assert_eq!(pa["ids"]["salt_id"].as_str().unwrap().len(), 16);
    // The salt itself is nowhere in the partial.
    assert!(!std::fs::read_to_string(&a_p)
        .unwrap()
        .contains("0001020304"));
    for other in [&b_p, &plain_p] {
        let o = egov(&[
            "--json",
            "platform",
            "merge",
            a_p.to_str().unwrap(),
            other.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1));
        let body = String::from_utf8_lossy(&o.stdout);
        assert!(
            body.contains("scheme") || body.contains("partial."),
            "{body}"
        );
    }
    // A bad salt is a usage error naming the fix; nothing is counted.
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .env("EGOV_TEST_SALT", "short")
        .args([
            "platform",
            "count",
            csv.to_str().unwrap(),
            "--id-salt-env",
            "EGOV_TEST_SALT",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("openssl rand -hex 16"));
}

#[test]
fn plat_12_cli_classify_and_report_from_a_spark_result_record_its_method() {
    // What egov.spark.count_active_users returns, saved as JSON (12 months, 4 M users each).
    let months: Vec<serde_json::Value> = (1..=12)
        .map(|m| serde_json::json!({"month": format!("2025-{m:02}"), "active_users": 4_000_000, "events": 9_000_000}))
        .collect();
    let result = serde_json::json!({
        "months": months,
        "events": {"events_seen": 108_000_000u64, "events_counted": 108_000_000u64, "outside_vietnam": 0, "timestamp_out_of_range": 0},
        "lines": {"lines": 108_000_005u64, "header_lines": 0, "blank_lines": 0, "events": 108_000_000u64, "malformed": 5, "malformed_by_reason": {"bad_kind": 5}, "examples": []},
        "method": "engine-exact: Apache Spark 3.5.9 COUNT(DISTINCT) over egov's SQL",
        "sql": {"monthly": "SELECT …", "outcomes": "SELECT …"}
    });
    let path = temp_file("spark-result.json", result.to_string().as_bytes());
    let p = path.to_str().unwrap();
    let o = egov(&[
        "--json",
        "platform",
        "classify",
        "--monthly",
        p,
        "--date",
        "2026-01-15",
        "--intermediary",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let c = &json(&o)["classification"];
    assert_eq!(c["class"], "large_intermediary_platform");
    let findings = c["findings"].as_array().unwrap();
    let m = findings
        .iter()
        .find(|f| f["rule"] == "PLAT-12")
        .expect("the method is a finding");
    assert!(m["message"]
        .as_str()
        .unwrap()
        .contains("Apache Spark 3.5.9"));
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "PLAT-01" && f["outcome"] == "warning"));
    // The report in Vietnamese names it too.
    let o = egov(&[
        "platform",
        "report",
        "--monthly",
        p,
        "--date",
        "2026-01-15",
        "--intermediary",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("phương pháp đếm"), "{text}");
}

#[test]
fn plat_01_cli_classify_and_report_straight_from_partials_equal_the_whole_count() {
    // 12 months of 2025, three parts counted by three processes; classify and report read the
    // partials directly (count → merge → classify in one step), equal to classifying the whole.
    let mut whole = String::from("user_id,timestamp,kind,in_vietnam\n");
    for i in 0..24_000u64 {
        let month = i % 12;
        // The 10th of each month, 10:00 in Vietnam.
        let at = 1_736_478_000 + month as i64 * 30 * 86_400;
        whole.push_str(&format!("{},{at},login,1\n", i % 5_000));
    }
    let body: Vec<&str> = whole.lines().skip(1).collect();
    let whole_path = temp_file("classify-whole.csv", whole.as_bytes());
    let mut partials = Vec::new();
    for (i, chunk) in body.chunks(body.len().div_ceil(3)).enumerate() {
        let part = temp_file(
            &format!("classify-part{i}.csv"),
            format!("user_id,timestamp,kind,in_vietnam\n{}\n", chunk.join("\n")).as_bytes(),
        );
        let out = whole_path.with_file_name(format!("classify-part{i}.json"));
        let o = egov(&[
            "platform",
            "count",
            part.to_str().unwrap(),
            "--partial-out",
            out.to_str().unwrap(),
            "--force",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        partials.push(out.to_str().unwrap().to_owned());
    }
    let common = ["--date", "2026-01-15"];
    let mut args = vec!["--json", "platform", "classify", "--partials"];
    args.extend(partials.iter().map(String::as_str));
    args.extend(common);
    let from_partials = egov(&args);
    assert!(
        from_partials.status.success(),
        "{}",
        String::from_utf8_lossy(&from_partials.stderr)
    );
    let mut args = vec!["--json", "platform", "classify", "--events"];
    args.push(whole_path.to_str().unwrap());
    args.extend(common);
    let from_events = json(&egov(&args));
    let from_partials = json(&from_partials);
    for key in ["sum", "mean_users", "class", "months"] {
        assert_eq!(
            from_partials["classification"][key], from_events["classification"][key],
            "{key}"
        );
    }
    // Month m holds users i % 5000 for i ≡ m (mod 12): the 1 250 users ≡ m (mod 4).
    assert_eq!(from_partials["classification"]["sum"], 12 * 1_250);
    // The report reads them too; --partials and --monthly do not mix.
    let mut args = vec!["platform", "report", "--partials"];
    args.extend(partials.iter().map(String::as_str));
    args.extend(common);
    assert!(egov(&args).status.success());
    let o = egov(&[
        "platform",
        "classify",
        "--monthly",
        "2025-01=1",
        "--partials",
        &partials[0],
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn plat_07_cli_report_records_owner_class_and_evidence() {
    let evidence = temp_file(
        "owner.json",
        r#"{"owner_name": "Công ty cổ phần Chợ Số",
            "approving_authority": {"name": "Hội đồng quản trị", "approval": "investment_policy"}}"#
            .as_bytes(),
    );
    let args = [
        "--intermediary",
        "--owner-class",
        "organisation",
        "--owner-evidence",
        evidence.to_str().unwrap(),
        "--json",
    ];
    let o = at_3_percent("report", &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["owner"]["class"], "organisation");
    assert_eq!(v["owner"]["overall"], "pass");
    assert_eq!(v["owner"]["findings"][1]["rule"], "PLAT-07");
    assert_eq!(v["owner"]["findings"][1]["basis"]["clause"], 3);
    assert_eq!(v["owner"]["findings"][1]["basis"]["point"], "b");
    assert_eq!(v["reporting_duty"]["rule"], "PLAT-11");
    // Not given: the report says so, in both languages.
    let o = at_3_percent("report", &["--intermediary"]);
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains(
        "## Phân loại theo chủ quản (Điều 15) / Owner class (Đ15)\n\n- Chưa cho biết / Not given"
    ));
    assert!(md.contains(
        "## Phân loại theo chức năng (khoản 1 Điều 16) / Function classes (Đ16.1)\n\n- Chưa cho biết / Not given"
    ));
    // A ministry named as the owner of an organisation's system contradicts the class: exit 1.
    let contradiction = temp_file(
        "owner-ministry.json",
        r#"{"state_body": {"kind": "ministry", "name": "Bộ Tài chính"}}"#.as_bytes(),
    );
    let o = at_3_percent(
        "report",
        &[
            "--owner-class",
            "organisation",
            "--owner-evidence",
            contradiction.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["owner"]["overall"], "fail");
    // An unknown class or a misspelt evidence key is an error, with its code.
    let o = at_3_percent("report", &["--owner-class", "company", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "owner.unknown_class");
    let bad = temp_file("owner-bad.json", br#"{"domain": "x.vn"}"#);
    let o = at_3_percent(
        "report",
        &["--owner-evidence", bad.to_str().unwrap(), "--json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "platform.invalid_owner_evidence");
}

#[test]
fn plat_08_cli_report_records_function_classes() {
    let functions = temp_file(
        "functions.json",
        br#"{"main_functions": ["electronic_contracting"], "classes": ["commerce", "banking"]}"#,
    );
    let o = at_3_percent(
        "report",
        &["--functions", functions.to_str().unwrap(), "--json"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(
        v["functions"]["profile"]["classes"],
        serde_json::json!(["commerce", "banking"])
    );
    assert_eq!(v["functions"]["findings"][0]["rule"], "PLAT-08");
    assert_eq!(v["functions"]["overall"], "pass");
    // Main functions of Đ16.1 without a class: fail, exit 1.
    let none = temp_file(
        "functions-none.json",
        br#"{"main_functions": ["unilateral_legal_act"]}"#,
    );
    let o = at_3_percent("report", &["--functions", none.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    // An empty class set is refused (at least one, §7 A-15).
    let empty = temp_file("functions-empty.json", br#"{"classes": []}"#);
    let o = at_3_percent(
        "report",
        &["--functions", empty.to_str().unwrap(), "--json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["error"]["code"], "platform.invalid_functions");
}

#[test]
fn plat_12_cli_report_compares_the_published_lists() {
    let tools = temp_file(
        "tools.json",
        r#"{"format": "egov-published-list/1", "kind": "measurement_tools",
            "published_on": "2026-01-05", "source": "https://example.gov.vn/cong-cu",
            "entries": [{"name": "Công cụ A"}]}"#
            .as_bytes(),
    );
    let platforms = temp_file(
        "platforms.json",
        r#"{"format": "egov-published-list/1", "kind": "platforms",
            "published_on": "2026-01-05", "source": "https://www.mic.gov.vn/",
            "entries": [{"name": "Chợ Số", "scale": "very_large"}]}"#
            .as_bytes(),
    );
    let o = at_3_percent(
        "report",
        &[
            "--source",
            "tool:công cụ a",
            "--published-list",
            tools.to_str().unwrap(),
            "--published-list",
            platforms.to_str().unwrap(),
            "--platform-name",
            "Chợ Số",
            "--json",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    let lists = v["published_lists"].as_array().unwrap();
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0]["rule"], "PLAT-12");
    assert_eq!(lists[0]["outcome"], "pass");
    // Large by its own count (3 %), very large on the list: reconcile, a warning.
    assert_eq!(lists[1]["outcome"], "warning");
    assert_eq!(lists[1]["basis"]["point"], "b");
    // A list file that is not one: an input error naming the file and the code.
    let bad = temp_file("bad-list.json", br#"{"format": "v9"}"#);
    let o = at_3_percent(
        "report",
        &["--published-list", bad.to_str().unwrap(), "--json"],
    );
    assert_eq!(o.status.code(), Some(1), "invalid input, not a usage error");
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("published_list.json")
            || String::from_utf8_lossy(&o.stderr).contains("published_list.json")
    );
}

/// The text answer names each threshold in the law's words and says the distance in words,
/// figures the way each language writes them (PLAT-02, PLAT-03; CORE-06).
#[test]
fn plat_02_plat_03_cli_classify_text_names_the_thresholds_in_the_law_s_words() {
    let text = |lang: &str| {
        let o = classify_at_3_percent(&["--lang", lang]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let vi = text("vi");
    for want in [
        "= 3% tổng dân số 100 000 000",
        "Các tháng: từ tháng 01/2025 đến tháng 12/2025",
        "Ngưỡng quy mô lớn (từ 3% tổng dân số, khoản 2 Điều 17): 3 000 000 người dùng; bằng ngưỡng — đã đạt ngưỡng",
        "Ngưỡng quy mô rất lớn (trên 10% tổng dân số, khoản 3 Điều 17): 10 000 000 người dùng; thấp hơn ngưỡng 7 000 000 người dùng (7 điểm phần trăm) — chưa đạt ngưỡng",
    ] {
        assert!(vi.contains(want), "{want:?} not in\n{vi}");
    }
    assert!(!vi.contains("large_min") && !vi.contains("-7"), "{vi}");
    let en = text("en");
    for want in [
        "Months: 2025-01 to 2025-12",
        "Large threshold (at least 3 % of the population, Đ17.2): 3 000 000 users; exactly at it — reached",
        "Very large threshold (more than 10 % of the population, Đ17.3): 10 000 000 users; below it by 7 000 000 users (7 pp) — not reached",
    ] {
        assert!(en.contains(want), "{want:?} not in\n{en}");
    }
}

/// PLAT-07, PLAT-08 (Đ15.3, Đ16.1) and the Đ19/Đ20 evidence: a file that is not what it should
/// be is refused with the place and the reason in the run's language — serde's own reasons and
/// the library's (an empty set of function classes) alike, never serde's English in a
/// Vietnamese run — and the same files are read from TOML.
#[test]
fn plat_08_cli_report_files_refused_in_vietnamese_and_read_from_toml() {
    let vi = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_egov"))
            .args(["--lang", "vi"])
            .args(at_3_percent_args("report", extra))
            .output()
            .unwrap()
    };
    let empty = temp_file("functions-empty-vi.json", br#"{"classes": []}"#);
    let unknown = temp_file("owner-unknown-vi.json", br#"{"domain": "x.vn"}"#);
    for (flag, file, said) in [
        (
            "--functions",
            &empty,
            "không đúng định dạng JSON ở dòng 1, cột 15: chưa có nhóm chức năng nào",
        ),
        (
            "--owner-evidence",
            &unknown,
            "không đúng định dạng JSON ở dòng 1, cột 9: có trường «domain» mà định dạng này không có",
        ),
    ] {
        let o = vi(&[flag, file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(said), "{err}");
        assert!(!err.contains("expected") && !err.contains("at line"), "{err}");
    }
    let toml = temp_file(
        "functions.toml",
        b"main_functions = [\"electronic_contracting\"]\nclasses = [\"commerce\"]\n",
    );
    let o = at_3_percent("report", &["--functions", toml.to_str().unwrap(), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        json(&o)["functions"]["profile"]["classes"],
        serde_json::json!(["commerce"])
    );
}
