//! End-to-end tests of `egov trust …` (TRUST-02…04): exit codes 0 (all six pass), 1 (not met
//! or invalid), 2 (usage), `--json`, and the declaration.

use std::path::PathBuf;
use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn td(p: &str) -> String {
    format!("{}/../testdata/trust/{p}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str, content: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("egov-cli-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

const ATTEST: &str = r#"{
  "system": {"name": "Cổng thử nghiệm", "owner": "Sở KH&CN", "url": "https://good.test.gov.vn/"},
  "security_level": {"level": 3, "approval_reference": "123/QĐ-SKHCN", "approved_at": "2025-05-01T00:00:00+07:00"},
  "consent": {"url": "https://good.test.gov.vn/bao-mat", "text": "Chỉ thu thập khi được đồng ý."},
  "malware_scan": {"by": "SOC", "at": "2026-11-20T09:00:00+07:00", "reference": "RQ-1"},
  "addresses": ["192.0.2.10"]
}"#;

fn full_args(attest: &str, page: &str, bl: &str) -> Vec<String> {
    [
        "trust",
        "check",
        "--cert",
        &td("certs/good.pem"),
        "--anchors",
        &td("certs/test-root.pem"),
        "--host",
        "good.test.gov.vn",
        "--tls-version",
        "TLSv1.3",
        "--cipher",
        "TLS_AES_128_GCM_SHA256",
        "--page",
        page,
        "--security-txt",
        &td("securitytxt/good-test-gov-vn.txt"),
        "--blocklist",
        bl,
        "--attest",
        attest,
        "--now",
        "2026-11-23T09:00:00+07:00",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn trust_03_cli_check_all_six_pass_exits_0() {
    let attest = tmp("attest.json", ATTEST);
    let page = tmp("page.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl.txt", "evil.vn\n198.51.100.0/24\n");
    let mut args = full_args(&attest, &page, &bl);
    args.insert(0, "--json".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = egov(&args);
    let v = json(&o);
    assert_eq!(o.status.code(), Some(0), "{v:#}");
    assert_eq!(v["meets_criteria"], true);
    assert_eq!(v["verdicts"][2]["criterion"], "c");
    // Text output too.
    let o = egov(&args[1..]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("meets all six criteria"));
}

#[test]
fn trust_02_cli_check_failures_exit_1() {
    let attest = tmp("attest2.json", ATTEST);
    let page = tmp(
        "page2.html",
        "<a href='/bao-mat'>x</a><a href='https://www.evil.vn/'>y</a>",
    );
    let bl = tmp("bl2.txt", "evil.vn\n");
    let args = full_args(&attest, &page, &bl);
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.insert(0, "--json");
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["verdicts"][4]["outcome"], "fail");
    // A real public chain, no other evidence: c passes at its time, the rest is unknown.
    let o = egov(&[
        "--json",
        "trust",
        "check",
        "--cert",
        &td("certs/digicert_chain.pem"),
        "--host",
        "www.digicert.com",
        "--tls-version",
        "TLSv1.2",
        "--cipher",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "--now",
        "2026-02-01T00:00:00Z",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["verdicts"][2]["outcome"], "pass", "{v:#}");
    assert_eq!(v["outcome"], "unknown");
    // SHA-1 fails c.
    let o = egov(&[
        "--json",
        "trust",
        "check",
        "--cert",
        &td("certs/sha1.pem"),
        "--anchors",
        &td("certs/test-root.pem"),
        "--host",
        "sha1.test.gov.vn",
        "--now",
        "2026-11-23",
    ]);
    assert_eq!(json(&o)["verdicts"][2]["outcome"], "fail");
}

#[test]
fn trust_04_cli_declare_markdown_and_json() {
    let attest = tmp("attest3.json", ATTEST);
    let page = tmp("page3.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl3.txt", "evil.vn\n");
    let mut args = full_args(&attest, &page, &bl);
    args[1] = "declare".into();
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = egov(&[&["--lang", "vi"][..], &args].concat());
    assert_eq!(o.status.code(), Some(0));
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(
        md.starts_with("# Tự công bố đáp ứng tiêu chí tín nhiệm mạng"),
        "{md}"
    );
    assert!(md.contains("Cổng thử nghiệm"));
    args.extend(["--lang", "en"]);
    let md = String::from_utf8_lossy(&egov(&args).stdout).into_owned();
    assert!(md.contains("Meets all six criteria"), "{md}");
    args.insert(0, "--json");
    let v = json(&egov(&args));
    assert_eq!(v["format"], "egov-trust-declaration/1");
    assert_eq!(v["system"]["owner"], "Sở KH&CN");
}

#[test]
fn trust_02e_cli_security_txt() {
    let o = egov(&[
        "--json",
        "trust",
        "security-txt",
        &td("securitytxt/4mica.txt"),
        "--now",
        "2026-11-23",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["problems"][0]["code"], "security_txt.invalid_uri");
    assert_eq!(v["problems"][0]["line"], 1);
    // The detail, value included, in each language (not only the kind's general statement).
    assert_eq!(
        v["problems"][0]["message_vi"],
        "«mairon@4mica.io» không phải URI (RFC 9116 §2.5)"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args([
            "trust",
            "security-txt",
            &td("securitytxt/4mica.txt"),
            "--now",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("dòng 1: Lỗi security_txt.invalid_uri — «mairon@4mica.io» không phải URI"),
        "{text}"
    );
    let o = egov(&[
        "trust",
        "security-txt",
        &td("securitytxt/nine-security.txt"),
        "--now",
        "2026-11-23",
    ]);
    assert_eq!(o.status.code(), Some(0));
}

/// The value after `flag` in `args` replaced by `value`.
fn set(args: &mut [String], flag: &str, value: &str) {
    let i = args.iter().position(|a| a == flag).unwrap();
    args[i + 1] = value.to_owned();
}

/// `--json` output of `egov` on `args` with extra arguments.
fn run_json(args: &[String], extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all: Vec<&str> = vec!["--json"];
    all.extend(args.iter().map(String::as_str));
    all.extend(extra);
    let o = egov(&all);
    (o.status.code(), json(&o))
}

/// The codes in the evidence of a verdict's findings.
fn codes(verdict: &serde_json::Value) -> Vec<String> {
    verdict["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["evidence"]["code"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn trust_02e_cli_another_sites_security_txt_fails() {
    let attest = tmp("attest-e1.json", ATTEST);
    let page = tmp("page-e1.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl-e1.txt", "evil.vn\n");
    let mut args = full_args(&attest, &page, &bl);
    // 9-Security's own file (Canonical https://nine-security.com/…) offered for good.test.gov.vn.
    set(
        &mut args,
        "--security-txt",
        &td("securitytxt/nine-security.txt"),
    );
    let (code, v) = run_json(&args, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    assert_eq!(v["verdicts"][5]["outcome"], "fail", "{v:#}");
    assert!(codes(&v["verdicts"][5]).contains(&"security_txt.canonical_elsewhere".to_owned()));
    // The site's own file, said to be fetched from another site.
    let args = full_args(&attest, &page, &bl);
    let (code, v) = run_json(
        &args,
        &[
            "--security-txt-url",
            "https://nine-security.com/.well-known/security.txt",
        ],
    );
    assert_eq!(code, Some(1));
    assert!(codes(&v["verdicts"][5]).contains(&"security_txt.other_site".to_owned()));
    // Fetched from where it says it lives: all six pass.
    let (code, v) = run_json(
        &args,
        &[
            "--security-txt-url",
            "https://good.test.gov.vn/.well-known/security.txt",
        ],
    );
    assert_eq!(code, Some(0), "{v:#}");
    // The URL without the file is a usage error.
    assert_eq!(
        egov(&["trust", "check", "--security-txt-url", "https://a.gov.vn/"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn trust_02dd_cli_stale_or_future_scan_is_not_a_pass() {
    let page = tmp("page-dd1.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl-dd1.txt", "evil.vn\n");
    // A scan dated after the evaluation time.
    let future = tmp(
        "attest-dd1.json",
        &ATTEST.replace("2026-11-20T09:00:00+07:00", "2026-12-01T09:00:00+07:00"),
    );
    let (code, v) = run_json(&full_args(&future, &page, &bl), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(v["verdicts"][4]["outcome"], "unknown", "{v:#}");
    // The attested scan (2026-11-20) judged six weeks later: stale under the 30-day default.
    let attest = tmp("attest-dd2.json", ATTEST);
    let mut args = full_args(&attest, &page, &bl);
    set(&mut args, "--now", "2027-01-01T09:00:00+07:00");
    let (code, v) = run_json(&args, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(v["verdicts"][4]["outcome"], "unknown", "{v:#}");
    let text = v["verdicts"][4].to_string();
    assert!(text.contains("42 days old, limit 30 days"), "{text}");
    // A longer limit of the caller's.
    let (code, v) = run_json(&args, &["--max-scan-age-days", "60"]);
    assert_eq!(code, Some(0), "{v:#}");
}

#[test]
fn trust_02a_cli_max_security_level_age() {
    let attest = tmp("attest-a1.json", ATTEST);
    let page = tmp("page-a1.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl-a1.txt", "evil.vn\n");
    let args = full_args(&attest, &page, &bl);
    // Approved 2025-05-01: 571 days before the evaluation, over a one-year limit.
    let (code, v) = run_json(&args, &["--max-security-level-age-days", "365"]);
    assert_eq!(code, Some(1));
    assert_eq!(v["verdicts"][0]["outcome"], "unknown", "{v:#}");
    assert!(v["verdicts"][0].to_string().contains("stale"));
    // The declaration states the limits used.
    let mut decl = args.clone();
    decl[1] = "declare".into();
    let (_, d) = run_json(&decl, &["--max-scan-age-days", "14"]);
    assert_eq!(
        d["policy_settings"]["max_attestation_age"],
        serde_json::json!({"security_level_days": 1826, "malware_scan_days": 14})
    );
}

#[test]
fn trust_cli_errors_and_usage() {
    // A missing file is an I/O error: exit 2 (README, "Exit codes").
    let o = egov(&["--json", "trust", "check", "--cert", "/nonexistent.pem"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["error"]["code"], "io.read");
    let bad = tmp("bad.pem", "not a certificate");
    let o = egov(&["--json", "trust", "check", "--cert", &bad]);
    assert_eq!(json(&o)["error"]["code"], "tls.cert_empty");
    assert_eq!(
        egov(&["trust", "check", "--addr", "not-an-ip"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(egov(&["trust"]).status.code(), Some(2));
}

/// `egov trust probe` against a loopback HTTPS server (feature `probe`).
#[cfg(feature = "probe")]
#[path = "../../egov-trust/tests/support/tls_server.rs"]
mod tls_server;

#[cfg(feature = "probe")]
mod probe {
    use super::*;

    #[test]
    fn trust_02c_cli_probe_loopback_server() {
        let m = tls_server::mint("good");
        let addr = tls_server::serve(&m, 2);
        let ca = tmp("probe-ca.pem", &m.ca_pem);
        let url = format!("https://127.0.0.1:{}/", addr.port());
        let o = egov(&[
            "--json",
            "trust",
            "probe",
            &url,
            "--anchors",
            &ca,
            "--now",
            "2026-11-23T09:00:00+07:00",
        ]);
        let v = json(&o);
        assert_eq!(o.status.code(), Some(1), "not all six: {v:#}");
        assert_eq!(v["verdicts"][2]["outcome"], "pass", "{v:#}");
        assert_eq!(v["verdicts"][5]["outcome"], "pass", "{v:#}");
        assert_eq!(
            json(&egov(&["--json", "trust", "probe", "http://127.0.0.1/"]))["error"]["code"],
            "probe.url"
        );
    }
}

#[test]
fn trust_01_cli_certification_code_is_judged_beside_the_criteria() {
    let with_code = |code: &str| {
        ATTEST.replacen(
            "\"addresses\"",
            &format!(
                "\"certification\": {{\"code\": \"{code}\", \"issuer\": \"Cơ quan cấp (ví dụ)\", \
                 \"issued_on\": \"2026-03-01\", \"valid_until\": \"2027-02-28\", \
                 \"system\": \"good.test.gov.vn\"}},\n  \"addresses\""
            ),
            1,
        )
    };
    let page = tmp("page-c.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl-c.txt", "evil.vn\n");
    // A valid code beside six passing criteria: still exit 0, the code reported.
    let attest = tmp("attest-c.json", &with_code("TNM-0001"));
    let args = full_args(&attest, &page, &bl);
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.insert(0, "--json");
    let o = egov(&args);
    let v = json(&o);
    assert_eq!(o.status.code(), Some(0), "{v:#}");
    assert_eq!(v["certification"][0]["rule"], "TRUST-01");
    assert_eq!(v["certification"][0]["outcome"], "pass");
    assert_eq!(
        v["meets_criteria"], true,
        "the code is not a seventh criterion"
    );
    // The same code judged after its validity (now = 2027-03-01): exit 1, the reason said.
    let mut late = args.clone();
    let i = late
        .iter()
        .position(|a| *a == "2026-11-23T09:00:00+07:00")
        .unwrap();
    late[i] = "2027-03-01T09:00:00+07:00";
    let o = egov(&late[1..]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Certification code (TRUST-01, Đ21.1)"),
        "{text}"
    );
    assert!(text.contains("expired on 2027-02-28"), "{text}");
    // An empty code read from the evidence: a failure, not silence.
    let attest = tmp("attest-c2.json", &with_code(""));
    let args = full_args(&attest, &page, &bl);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = egov(&args);
    assert_eq!(o.status.code(), Some(1));
}

/// TRUST-03 (Đ21.2): an evidence file with a date that is not one is refused with the place
/// and the reason in Vietnamese — the library's own message for the date, which serde carries
/// only in English — and with serde's English in an English run.
#[test]
fn trust_03_cli_attest_file_with_a_bad_date_refused_in_the_runs_language() {
    let bad = tmp(
        "attest-bad-date.json",
        r#"{"security_level": {"level": 3, "approval_reference": "1/QĐ", "approved_at": "2025-02-31T00:00:00+07:00"}}"#,
    );
    let run = |lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_egov"))
            .args(["--lang", lang, "trust", "check", "--attest", &bad])
            .output()
            .unwrap()
    };
    let o = run("vi");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "không đúng định dạng JSON ở dòng 1, cột 106: «2025-02-31T00:00:00+07:00» không phải"
        ),
        "{err}"
    );
    assert!(
        !err.contains("timestamp") && !err.contains("at line"),
        "{err}"
    );
    let o = run("en");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("is not an ISO 8601 timestamp"), "{err}");
}
