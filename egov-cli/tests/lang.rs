//! CORE-06 (Vietnamese first, issue 17): every subcommand of the code, docnum, docid, metadata,
//! deadline, workday, status, urgency, legal-value, paper-copy, registry, checklist, platform
//! and trust commands speaks one language a run: `--lang vi` prints no English message and
//! `--lang en` no Vietnamese one (quoted law, citations and the user's own data aside). Success
//! and error cases alike, on standard output and standard error.

mod support;

use std::io::Write as _;
use std::process::{Command, Stdio};

use support::lang::{assert_english, assert_vietnamese};

fn td(p: &str) -> String {
    format!("{}/../testdata/{p}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("egov-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

/// Runs `egov --lang LANG ARGS…` (stdin `input`) and returns standard output and error joined.
fn run(lang: &str, args: &[&str], input: Option<&str>) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env_remove("EGOV_LANG")
        .env("EGOV_TODAY", "2026-03-02")
        .arg("--lang")
        .arg(lang)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the egov binary runs");
    if let Some(text) = input {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let o = child.wait_with_output().unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), text)
}

/// Runs `args` in both languages, checks each speaks only its own, and that both exit alike.
fn both(args: &[&str]) {
    both_with(args, None);
}

fn both_with(args: &[&str], input: Option<&str>) {
    let cmd = args.join(" ");
    let (vi_code, vi) = run("vi", args, input);
    let (en_code, en) = run("en", args, input);
    assert_eq!(
        vi_code, en_code,
        "`{cmd}`: the same exit code in both languages"
    );
    assert_vietnamese(&cmd, &vi);
    assert_english(&cmd, &en);
}

#[test]
fn core_06_language_checks_see_what_they_should() {
    use support::lang::{english_words, vietnamese_letters};
    assert_eq!(
        english_words("Ngày làm việc: the next day"),
        ["the", "next", "day"]
    );
    assert!(english_words("«the law» QĐ 28/2018/QĐ-TTg Đ10.2.k StatusCode io.read").is_empty());
    assert_eq!(vietnamese_letters("a day off: Tết"), ["Tết"]);
    assert!(
        vietnamese_letters("Lunar New Year («Tết Nguyên Đán») QĐ 28/2018/QĐ-TTg Đ6.2").is_empty()
    );
    // Codes in backquotes and the law's point letters are not words of either language.
    assert!(english_words("đã đến (`arrived`) → từ chối nhận (`rejected`)").is_empty());
    assert!(vietnamese_letters("đ) Malware scan; criteria a)–đ) of Đ10.5").is_empty());
    assert_eq!(english_words("(`code`) the code"), ["the", "code"]);
    assert_eq!(vietnamese_letters("`x` Tờ trình"), ["Tờ", "trình"]);
    // Dates and times written the ISO way, outside quotes and identifiers.
    use support::lang::iso_dates;
    assert_eq!(
        iso_dates("ngày 2026-03-02, lúc 2026-03-02T09:00:00+07:00."),
        ["2026-03-02", "2026-03-02T09:00:00+07:00"]
    );
    assert!(iso_dates(
        "«2026-03-02» `2026-03-02` goi-2026-03-02.edxml 09:00 ngày 02/03/2026 2015/09/30"
    )
    .is_empty());
}

#[test]
fn core_06_workday_speaks_one_language() {
    for date in [
        "2026-02-17",
        "2026-03-02",
        "2026-03-07",
        "2026-01-02",
        "2026-02-31",
    ] {
        both(&["workday", date]);
    }
    both(&[
        "workday",
        "2026-03-02",
        "--calendar",
        "/no/such/calendar.json",
    ]);
    let (_, vi) = run("vi", &["workday", "2026-02-17"], None);
    assert!(vi.contains("thứ Ba") && vi.contains("ngày nghỉ"), "{vi}");
    assert!(vi.contains("Tết Nguyên Đán"), "{vi}");
    let (_, en) = run("en", &["workday", "2026-02-17"], None);
    assert!(
        en.contains("Tuesday") && en.contains("Lunar New Year"),
        "{en}"
    );
}

#[test]
fn core_06_deadline_speaks_one_language() {
    both(&["deadline", "--signed", "2026-02-13T15:00:00+07:00"]);
    both(&["deadline", "--signed", "13/02/2026", "--urgency", "hỏa tốc"]);
    both(&[
        "deadline",
        "--signed",
        "2026-02-13T15:00:00+07:00",
        "--sent",
        "2026-02-24T09:00:00+07:00",
    ]);
    both(&[
        "deadline",
        "--signed",
        "2026-03-02T09:00:00+07:00",
        "--sent",
        "2026-03-02T10:00:00+07:00",
    ]);
    // A time without an offset: the note on standard error.
    both(&["deadline", "--signed", "06/03/2026 16:00"]);
    // Errors of the tool's own.
    both(&["--strict-time", "deadline", "--signed", "06/03/2026 16:00"]);
    both(&["deadline", "--signed", "2026-03-02", "--morning-end", "25h"]);
}

#[test]
fn core_06_code_docnum_docid_metadata_speak_one_language() {
    let registry = format!(
        "{}/../egov-docs/data/agency_registry_sample.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    both(&["code", "000.00.18.G12"]);
    both(&["code", "000.00.00.G22"]);
    both(&["code", "000.00.00.g22", "--lenient"]);
    both(&[
        "code",
        "000.00.00.H09",
        "--registry",
        &registry,
        "--as-of",
        "2025-07-01",
    ]);
    both(&["code", "000.00.00.H09", "--registry", &registry]);
    both(&[
        "code",
        "000.00.00.H09",
        "--registry",
        "/no/such.csv",
        "--as-of",
        "2025-07-01",
    ]);
    both(&[
        "code",
        "000.00.00.H09",
        "--registry",
        &registry,
        "--as-of",
        "31/02/2025",
    ]);
    both(&["docnum", "512 /SY-VPUBND"]);
    both(&["docnum", "28/2018/QĐ-TTg"]);
    both(&["docid", "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT"]);
    both(&["docid", "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT"]);
    both(&["metadata", "/no/such/metadata.json"]);
}

#[test]
fn core_06_status_urgency_legal_value_paper_copy_speak_one_language() {
    both(&[
        "legal-value",
        "--digitally-signed",
        "maybe",
        "--via-system",
        "có",
    ]);
    both(&["status", "transitions"]);
    both(&["status", "transitions", "thu hồi"]);
    both(&["status", "transitions", "deleted"]);
    both(&[
        "status",
        "apply",
        "Đã đến",
        "accept",
        "--at",
        "2026-03-02T09:00:00+07:00",
    ]);
    both(&[
        "status",
        "apply",
        "accepted",
        "recall",
        "--at",
        "2026-03-02T09:00:00+07:00",
    ]);
    both(&["status", "edxml-code", "03"]);
    both(&["status", "edxml-code", "13"]);
    both(&["status", "edxml-code", "đã chuyển xử lý"]);
    both(&["urgency", "HOA TOC"]);
    both(&["urgency", "thượng khẩn"]);
    both(&["urgency", "bình thường"]);
    both(&["urgency", "--edxml-priority", "1"]);
    for (signed, via) in [("yes", "yes"), ("no", "yes"), ("yes", "no")] {
        both(&[
            "legal-value",
            "--digitally-signed",
            signed,
            "--via-system",
            via,
        ]);
    }
    both(&[
        "paper-copy",
        "--type",
        "Công văn",
        "--legal-value",
        "equivalent_to_paper",
    ]);
    both(&[
        "paper-copy",
        "--type",
        "Công văn",
        "--legal-value",
        "equivalent_to_paper",
        "--issued",
        "yes",
    ]);
    both(&[
        "paper-copy",
        "--type",
        "to trinh",
        "--legal-value",
        "equivalent_to_paper",
        "--listed",
        "Tờ trình",
        "--issued",
        "no",
    ]);
    both(&[
        "paper-copy",
        "--type",
        "Báo cáo",
        "--legal-value",
        "equivalent_to_paper",
        "--policy",
        "/no/such/policy.json",
    ]);
    let bad = tmp("bad-policy.json", "{ not json");
    both(&[
        "paper-copy",
        "--type",
        "Báo cáo",
        "--legal-value",
        "equivalent_to_paper",
        "--policy",
        &bad,
    ]);
}

#[test]
fn core_06_registry_speaks_one_language() {
    let out = tmp("registry-out.csv", "");
    std::fs::remove_file(&out).unwrap();
    both(&[
        "registry",
        "import",
        &td("registry/catalogue-semicolon.csv"),
    ]);
    both(&[
        "registry",
        "import",
        &td("registry/catalogue-province.xlsx"),
    ]);
    both(&[
        "registry",
        "import",
        &td("registry/catalogue-province.xlsx"),
        "--sheet",
        "Không có",
    ]);
    let latin1 = std::env::temp_dir().join(format!("egov-lang-latin1-{}.csv", std::process::id()));
    std::fs::write(&latin1, b"M\xe3 \xf0\xednh danh\n").unwrap();
    both(&["registry", "import", latin1.to_str().unwrap()]);
    let registry = format!(
        "{}/../egov-docs/data/agency_registry_sample.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    both(&["registry", "check", &registry, "--as-of", "2025-07-01"]);
    both(&["registry", "check", "/no/such/registry.csv"]);
}

#[test]
fn core_06_checklist_speaks_one_language() {
    // An evidence file with a mistyped key: serde's reason in Vietnamese, not in English.
    let bad = tmp("evidence-typo.toml", "as_of = \"2026-03-02\"\nbogus = 1\n");
    both(&[
        "checklist",
        "run",
        "qd28-d16-conformity",
        "--evidence",
        &bad,
    ]);
    let evidence = td("checklists/provincial-document-system.toml");
    both(&["checklist", "list"]);
    both(&["checklist", "show", "nd137-agency-system"]);
    both(&[
        "checklist",
        "run",
        "nd137-agency-system",
        "--evidence",
        &evidence,
    ]);
    both(&[
        "checklist",
        "run",
        "nd137-agency-system",
        "--evidence",
        "/no/such.toml",
    ]);
    both(&[
        "checklist",
        "indicators",
        &td("checklists/indicators-example.json"),
    ]);
    both(&[
        "checklist",
        "kpi",
        &td("checklists/kpi-observations-example.json"),
    ]);
    both(&[
        "checklist",
        "service-level",
        &td("checklists/service-facts-example.json"),
    ]);
}

#[test]
fn core_06_platform_speaks_one_language() {
    let monthly = td("platform/monthly-2025.csv");
    let events = td("platform/events-2025.csv.gz");
    both(&["platform", "count", &events]);
    // A number that does not parse: the standard library's English reason is not passed on.
    both(&["platform", "count", &events, "--threads", "abc"]);
    // Monthly counts of the wrong shape, or short of a field: said in each language.
    for (name, text) in [
        ("shape.json", r#"{"month": "2025-01"}"#),
        ("field.json", r#"[{"month": "2025-01"}]"#),
    ] {
        let m = tmp(name, text);
        both(&[
            "platform",
            "classify",
            "--monthly",
            &m,
            "--date",
            "2026-01-15",
        ]);
    }
    let (_, vi) = run(
        "vi",
        &["platform", "count", &events, "--threads", "abc"],
        None,
    );
    assert!(
        vi.contains("--threads <SỐ_LUỒNG>: không phải số nguyên"),
        "{vi}"
    );
    both(&[
        "platform",
        "classify",
        "--monthly",
        &monthly,
        "--date",
        "2026-01-15",
    ]);
    both(&[
        "platform",
        "classify",
        "--events",
        &events,
        "--date",
        "2026-01-15",
    ]);
    both(&["platform", "classify", "--date", "2026-01-15"]);
    both(&[
        "platform",
        "classify",
        "--monthly",
        "2025-01=x",
        "--date",
        "2026-01-15",
    ]);
    both(&["platform", "count", &events, "--kind", "view"]);
    both(&["platform", "count", "/no/such/events.csv"]);
    let partial = tmp("partial.json", "");
    both(&["platform", "merge", &partial]);
    let out = std::env::temp_dir().join(format!("egov-lang-partial-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let (code, _) = run(
        "vi",
        &[
            "platform",
            "count",
            &events,
            "--partial-out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, Some(0));
    both(&["platform", "merge", out.to_str().unwrap()]);
    both(&[
        "platform",
        "count",
        &events,
        "--partial-out",
        out.to_str().unwrap(),
    ]);
}

const ATTEST: &str = r#"{
  "system": {"name": "Cổng thử nghiệm", "owner": "Sở KH&CN", "url": "https://good.test.gov.vn/"},
  "security_level": {"level": 3, "approval_reference": "123/QĐ-SKHCN", "approved_at": "2025-05-01T00:00:00+07:00"},
  "consent": {"url": "https://good.test.gov.vn/bao-mat", "text": "Chỉ thu thập khi được đồng ý."},
  "malware_scan": {"by": "SOC", "at": "2026-11-20T09:00:00+07:00", "reference": "RQ-1"},
  "addresses": ["192.0.2.10"]
}"#;

#[test]
fn core_06_trust_speaks_one_language() {
    let attest = tmp("attest.json", ATTEST);
    let page = tmp("page.html", "<a href='/bao-mat'>Bảo mật</a>");
    let bl = tmp("bl.txt", "evil.vn\n198.51.100.0/24\n");
    let cert = td("trust/certs/good.pem");
    let root = td("trust/certs/test-root.pem");
    let sectxt = td("trust/securitytxt/good-test-gov-vn.txt");
    let check = |page: &str| {
        vec![
            "trust".to_owned(),
            "check".into(),
            "--cert".into(),
            cert.clone(),
            "--anchors".into(),
            root.clone(),
            "--host".into(),
            "good.test.gov.vn".into(),
            "--tls-version".into(),
            "TLSv1.3".into(),
            "--cipher".into(),
            "TLS_AES_128_GCM_SHA256".into(),
            "--page".into(),
            page.to_owned(),
            "--security-txt".into(),
            sectxt.clone(),
            "--blocklist".into(),
            bl.clone(),
            "--attest".into(),
            attest.clone(),
            "--now".into(),
            "2026-11-23T09:00:00+07:00".into(),
        ]
    };
    let args = check(&page);
    both(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let bad_page = tmp(
        "page2.html",
        "<a href='/bao-mat'>x</a><a href='https://www.evil.vn/'>y</a>",
    );
    let args = check(&bad_page);
    both(&args.iter().map(String::as_str).collect::<Vec<_>>());
    both(&["trust", "check", "--cert", "/no/such/cert.pem"]);
    // An expired certificate: its end of validity is a time in the finding.
    let mut args = check(&page);
    args[3] = td("trust/certs/expired.pem");
    both(&args.iter().map(String::as_str).collect::<Vec<_>>());
    // The self-declaration (Đ21.3) is a document for people: in Vietnamese, Vietnamese words
    // and dates (its English form holds the system's Vietnamese names as given).
    let mut args = check(&page);
    args[1] = "declare".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, vi) = run("vi", &args, None);
    assert_vietnamese("trust declare", &vi);
    assert!(
        vi.contains("| Thời điểm đánh giá | 09:00 ngày 23/11/2026 |"),
        "{vi}"
    );
    assert!(
        vi.contains("1 chứng thư gốc do người dùng cung cấp"),
        "{vi}"
    );
    for f in [
        "good-test-gov-vn.txt",
        "3mpwrapp.txt",
        "4mica.txt",
        "nine-security.txt",
    ] {
        both(&[
            "trust",
            "security-txt",
            &td(&format!("trust/securitytxt/{f}")),
            "--now",
            "2026-11-23T09:00:00+07:00",
        ]);
    }
    let bad = tmp("security.txt", "Contact: http://x.test/\nnonsense\n");
    both(&[
        "trust",
        "security-txt",
        &bad,
        "--now",
        "2026-11-23T09:00:00+07:00",
    ]);
}
