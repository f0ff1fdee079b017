//! The CLI's contract for every subcommand (issue #11): exit 0 valid / compliant, 1 invalid
//! input or non-compliant, 2 usage, I/O or internal error; and no command panics when its
//! standard output is closed (`egov … | head -1`).

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn td(p: &str) -> String {
    root().join("testdata").join(p).display().to_string()
}

thread_local! {
    /// Each test thread works in its own directory (the tests run in parallel).
    static DIR: PathBuf = {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let d = std::env::temp_dir().join(format!("egov-contract-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    };
}

fn dir() -> PathBuf {
    DIR.with(Clone::clone)
}

fn file(name: &str, content: &[u8]) -> String {
    let p = dir().join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

fn run(args: &[String], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .env("EGOV_TODAY", "2026-01-15")
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the egov binary runs")
}

const MONTHS: &str = "2025-01=3000000,2025-02=3000000,2025-03=3000000,2025-04=3000000,2025-05=3000000,2025-06=3000000,2025-07=3000000,2025-08=3000000,2025-09=3000000,2025-10=3000000,2025-11=3000000,2025-12=3000000";

/// Every subcommand, with invocations that must exit 0, 1 and 2.
fn cases() -> Vec<(&'static str, Vec<String>, i32)> {
    let d = dir();
    let key = d.join("contract.key.json");
    let trust = d.join("contract.trust.json");
    let _ = std::fs::remove_file(&key);
    let _ = std::fs::remove_file(&trust);
    let keygen = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args([
            "keygen",
            "--out",
            &key.display().to_string(),
            "--label",
            "UBND tỉnh Lào Cai",
            "--trust-out",
            &trust.display().to_string(),
        ])
        .output()
        .unwrap();
    assert_eq!(keygen.status.code(), Some(0));
    let page = td("marks/degraded/page-0001.jpg");
    let registry = file(
        "registry.csv",
        "code,name_vi,valid_from,valid_to,replaced_by\n000.00.18.G12,Bộ Nội vụ,2020-01-01,,\n"
            .as_bytes(),
    );
    let metadata = {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(td("vectors/metadata.json")).unwrap())
                .unwrap();
        let record = v["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "complete")
            .unwrap()["args"]["record"]
            .clone();
        file("metadata.json", record.to_string().as_bytes())
    };
    let events = file("events.csv", b"1,1738344600,l,1\n2,1738344600,s,1\n");
    let views = file("views.csv", b"1,1738344600,view,1\n");
    let sectxt = td("trust/securitytxt/good-test-gov-vn.txt");
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let k = key.display().to_string();
    let t = trust.display().to_string();
    let fresh_key = d.join("fresh.key.json").display().to_string();
    let _ = std::fs::remove_file(&fresh_key);
    let out_png = d.join("stamped.png").display().to_string();
    let vnpt = td("edxml/vnpt-edxml102-builder-output-2019-04-11.edxml");
    let three = td("edxml/pvn-gateway-built-3-attachments-1f881896.edxml");
    let corrupt_pdf = td("edxml/vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml");
    let malformed = file(
        "malformed.edxml",
        b"<?xml version=\"1.0\"?>\n<edXML>\n  <a></b>\n",
    );
    let doctype = file(
        "doctype.edxml",
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE edXML>\n<edXML/>\n",
    );
    // The three-attachment package with a character that is not base64 in its first attachment.
    let damaged = file(
        "damaged.edxml",
        std::fs::read_to_string(&three)
            .unwrap()
            .replacen(">UEsDBBQA", ">UEsD!BQA", 1)
            .as_bytes(),
    );
    let edxml_out = d.join("edxml-out").display().to_string();
    #[allow(unused_mut)]
    let mut cases = vec![
        ("code", s(&["code", "000.00.18.G12"]), 0),
        ("code", s(&["code", "000.00.18"]), 1),
        (
            "code",
            s(&[
                "code",
                "000.00.19.G12",
                "--registry",
                &registry,
                "--as-of",
                "2026-01-01",
            ]),
            1,
        ),
        (
            "code",
            s(&[
                "code",
                "000.00.18.G12",
                "--registry",
                "/nonexistent/reg.csv",
                "--as-of",
                "2026-01-01",
            ]),
            2,
        ),
        (
            "code",
            s(&["code", "000.00.18.G12", "--registry", &registry]),
            2,
        ),
        ("code", s(&["code"]), 2),
        ("docnum", s(&["docnum", "28/2018/QĐ-TTg"]), 0),
        ("docnum", s(&["docnum", "///"]), 1),
        ("docnum", s(&["docnum", "--bogus", "1/QĐ-UBND"]), 2),
        (
            "docid",
            s(&["docid", "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT"]),
            0,
        ),
        ("docid", s(&["docid", "not an id"]), 1),
        ("metadata", s(&["metadata", &metadata]), 0),
        (
            "metadata",
            s(&["metadata", &file("bad-metadata.json", b"{not json")]),
            1,
        ),
        (
            "metadata",
            s(&["metadata", "/nonexistent/metadata.json"]),
            2,
        ),
        (
            "deadline",
            s(&["deadline", "--signed", "2026-02-13T15:00:00+07:00"]),
            0,
        ),
        (
            "deadline",
            s(&[
                "deadline",
                "--signed",
                "2026-02-13T15:00:00+07:00",
                "--sent",
                "2026-03-20T15:00:00+07:00",
            ]),
            1,
        ),
        ("deadline", s(&["deadline", "--signed", "yesterday"]), 1),
        ("deadline", s(&["deadline"]), 2),
        ("workday", s(&["workday", "2026-02-16"]), 0),
        ("workday", s(&["workday", "2026-02-31"]), 1),
        (
            "workday",
            s(&[
                "workday",
                "2026-02-16",
                "--calendar",
                "/nonexistent/cal.json",
            ]),
            2,
        ),
        (
            "mark paper-to-data",
            s(&[
                "mark",
                "paper-to-data",
                "--page",
                &page,
                "--converter",
                "UBND phường Cốc Lếu",
                "--key",
                &k,
                "--at",
                "2026-03-02T09:15:00+07:00",
                "--out",
                &out_png,
                "--force",
            ]),
            0,
        ),
        (
            "mark paper-to-data",
            s(&[
                "mark",
                "paper-to-data",
                "--page",
                &page,
                "--converter",
                "",
                "--key",
                &k,
                "--out",
                &out_png,
            ]),
            1,
        ),
        (
            "mark paper-to-data",
            s(&[
                "mark",
                "paper-to-data",
                "--page",
                "/nonexistent/p.png",
                "--converter",
                "X",
                "--key",
                &k,
            ]),
            2,
        ),
        (
            "mark data-to-paper",
            s(&[
                "mark",
                "data-to-paper",
                "--page",
                &page,
                "--converter",
                "UBND phường Cốc Lếu",
                "--system",
                "Hệ thống quản lý văn bản",
                "--owner",
                "UBND tỉnh Lào Cai",
                "--url",
                "https://vanban.laocai.gov.vn/tra-cuu",
                "--key",
                &k,
                "--at",
                "2026-03-02T09:15:00+07:00",
                "--out",
                &out_png,
                "--force",
            ]),
            0,
        ),
        (
            "mark data-to-paper",
            s(&[
                "mark",
                "data-to-paper",
                "--page",
                &page,
                "--converter",
                "X",
                "--key",
                &k,
            ]),
            2,
        ),
        (
            "mark data-to-paper",
            s(&[
                "mark",
                "data-to-paper",
                "--page",
                &page,
                "--converter",
                "X",
                "--system",
                "S",
                "--owner",
                "O",
                "--url",
                "https://a.gov.vn/",
                "--key",
                "/nonexistent/key.json",
            ]),
            2,
        ),
        (
            "mark verify",
            s(&["mark", "verify", &page, "--trust", &t]),
            1,
        ),
        (
            "mark verify",
            s(&["mark", "verify", "/nonexistent/page.png", "--trust", &t]),
            2,
        ),
        (
            "keygen",
            s(&["keygen", "--out", &fresh_key, "--label", "UBND xã Tả Van"]),
            0,
        ),
        (
            "keygen",
            s(&["keygen", "--out", &k, "--label", "UBND xã Tả Van"]),
            2,
        ),
        // A new key without a holder's name: a usage error.
        ("keygen", s(&["keygen", "--out", &fresh_key]), 2),
        (
            "keygen",
            s(&[
                "keygen",
                "--from",
                &k,
                "--trust-out",
                &d.join("exported.json").display().to_string(),
                "--force",
            ]),
            0,
        ),
        (
            "keygen",
            s(&[
                "keygen",
                "--from",
                &file("notakey.json", b"{}"),
                "--trust-out",
                &d.join("x.json").display().to_string(),
                "--force",
            ]),
            1,
        ),
        ("platform count", s(&["platform", "count", &events]), 0),
        ("platform count", s(&["platform", "count", &views]), 1),
        (
            "platform count",
            s(&["platform", "count", "/nonexistent/events.csv"]),
            2,
        ),
        (
            "platform classify",
            s(&[
                "platform",
                "classify",
                "--monthly",
                MONTHS,
                "--date",
                "2026-01-15",
            ]),
            0,
        ),
        (
            "platform classify",
            s(&[
                "platform",
                "classify",
                "--monthly",
                "2025-01=5",
                "--date",
                "2026-01-15",
            ]),
            1,
        ),
        (
            "platform classify",
            s(&["platform", "classify", "--date", "2026-01-15"]),
            2,
        ),
        (
            "platform classify",
            s(&["platform", "classify", "--monthly", "/nonexistent/m.csv"]),
            2,
        ),
        (
            "platform report",
            s(&[
                "platform",
                "report",
                "--monthly",
                MONTHS,
                "--date",
                "2026-01-15",
            ]),
            0,
        ),
        (
            "platform report",
            s(&[
                "platform",
                "report",
                "--monthly",
                MONTHS,
                "--date",
                "2026-01-15",
                "--evidence",
                &file("ev.json", b"{oops"),
            ]),
            1,
        ),
        ("platform report", s(&["platform", "report"]), 2),
        (
            "checklist kpi",
            s(&[
                "checklist",
                "kpi",
                &td("checklists/kpi-observations-example.json"),
            ]),
            0,
        ),
        (
            "checklist kpi",
            s(&[
                "checklist",
                "kpi",
                &td("checklists/kpi-observations-example.json"),
                "--as-of",
                "2026-01-01",
            ]),
            1,
        ),
        (
            "checklist kpi",
            s(&["checklist", "kpi", "/nonexistent/obs.json"]),
            2,
        ),
        (
            "checklist service-level",
            s(&[
                "checklist",
                "service-level",
                &td("checklists/service-facts-example.json"),
            ]),
            0,
        ),
        (
            "checklist service-level",
            s(&["checklist", "service-level", &file("facts.json", b"{}")]),
            1,
        ),
        (
            "registry import",
            s(&[
                "registry",
                "import",
                &td("registry/catalogue-semicolon.csv"),
            ]),
            0,
        ),
        (
            "registry import",
            s(&[
                "registry",
                "import",
                &td("registry/catalogue-province.xlsx"),
            ]),
            1,
        ),
        (
            "registry import",
            s(&["registry", "import", "/nonexistent/catalogue.csv"]),
            2,
        ),
        (
            "registry check",
            s(&[
                "registry",
                "check",
                &file(
                    "sample-registry.csv",
                    include_bytes!("../../egov-docs/data/agency_registry_sample.csv"),
                ),
                "--as-of",
                "2026-03-02",
            ]),
            0,
        ),
        (
            "registry check",
            s(&["registry", "check", &file("reg.csv", b"code\n")]),
            1,
        ),
        (
            "registry check",
            s(&["registry", "check", "/nonexistent/reg.csv"]),
            2,
        ),
        (
            "trust security-txt",
            s(&[
                "trust",
                "security-txt",
                &sectxt,
                "--now",
                "2026-01-15T00:00:00+07:00",
            ]),
            0,
        ),
        (
            "trust security-txt",
            s(&[
                "trust",
                "security-txt",
                &file("bad-sectxt.txt", b"nonsense\n"),
                "--now",
                "2026-01-15T00:00:00+07:00",
            ]),
            1,
        ),
        (
            "trust security-txt",
            s(&["trust", "security-txt", "/nonexistent/security.txt"]),
            2,
        ),
        (
            "trust check",
            s(&["trust", "check", "--host", "a.gov.vn"]),
            1,
        ),
        (
            "trust check",
            s(&["trust", "check", "--cert", "/nonexistent.pem"]),
            2,
        ),
        (
            "trust declare",
            s(&["trust", "declare", "--host", "a.gov.vn"]),
            0,
        ),
        (
            "trust declare",
            s(&["trust", "declare", "--page", "/nonexistent/page.html"]),
            2,
        ),
        (
            "edxml check",
            s(&[
                "edxml",
                "check",
                &td("edxml/vpcp-sdk-sample-status_acceptance_03.edxml"),
            ]),
            0,
        ),
        ("edxml check", s(&["edxml", "check", &corrupt_pdf]), 1),
        (
            "edxml check",
            s(&["edxml", "check", "/nonexistent/package.edxml"]),
            2,
        ),
        ("edxml check", s(&["edxml", "check", &malformed]), 2),
        ("edxml check", s(&["edxml", "check"]), 2),
        ("edxml show", s(&["edxml", "show", &vnpt]), 0),
        ("edxml show", s(&["edxml", "show", &doctype]), 2),
        (
            "edxml extract",
            s(&["edxml", "extract", &three, "--out", &edxml_out]),
            0,
        ),
        (
            "edxml extract",
            s(&["edxml", "extract", &damaged, "--out", &edxml_out]),
            1,
        ),
        (
            "edxml extract",
            s(&["edxml", "extract", &vnpt, "--out", &registry]),
            2,
        ),
        ("edxml extract", s(&["edxml", "extract", &vnpt]), 2),
        (
            "edxml build",
            s(&[
                "edxml",
                "build",
                &file("build.json", br#"{"header": {"subject": "x"}}"#),
                "--out",
                &d.join("built.edxml").display().to_string(),
                "--force",
            ]),
            0,
        ),
        (
            "edxml build",
            s(&[
                "edxml",
                "build",
                "/nonexistent/d.json",
                "--out",
                &d.join("x.edxml").display().to_string(),
            ]),
            2,
        ),
        (
            "edxml status",
            s(&[
                "edxml",
                "status",
                &vnpt,
                "--code",
                "01",
                "--at",
                "2026-12-04T10:00:00+07:00",
                "--out",
                &d.join("status.edxml").display().to_string(),
                "--force",
            ]),
            0,
        ),
        (
            "edxml status",
            s(&[
                "edxml",
                "status",
                &vnpt,
                "--code",
                "02",
                "--out",
                &d.join("status.edxml").display().to_string(),
            ]),
            2,
        ),
        ("edxml verify", s(&["edxml", "verify", &vnpt]), 1),
        (
            "edxml verify",
            s(&["edxml", "verify", "/nonexistent/p.edxml"]),
            2,
        ),
        (
            "edxml sign",
            s(&[
                "edxml",
                "sign",
                &vnpt,
                "--key",
                "/nonexistent/k.pem",
                "--cert",
                "/nonexistent/c.pem",
                "--out",
                &d.join("signed.edxml").display().to_string(),
            ]),
            2,
        ),
        ("checklist list", s(&["checklist", "list"]), 0),
        (
            "checklist show",
            s(&["checklist", "show", "no-such-checklist"]),
            1,
        ),
        (
            "checklist template",
            s(&["checklist", "template", "nd137-d14-experts"]),
            0,
        ),
        (
            "checklist run",
            s(&[
                "checklist",
                "run",
                "nd137-agency-system",
                "--evidence",
                &td("checklists/provincial-document-system.toml"),
            ]),
            1,
        ),
        (
            "checklist run",
            s(&[
                "checklist",
                "run",
                "nd137-agency-system",
                "--evidence",
                "/nonexistent/e.toml",
            ]),
            2,
        ),
        (
            "checklist indicators",
            s(&[
                "checklist",
                "indicators",
                &td("checklists/indicators-example.json"),
            ]),
            1,
        ),
        (
            "checklist indicators",
            s(&["checklist", "indicators", "/nonexistent/i.json"]),
            2,
        ),
        ("status transitions", s(&["status", "transitions"]), 0),
        (
            "status transitions",
            s(&["status", "transitions", "lưu trữ"]),
            1,
        ),
        (
            "status apply",
            s(&[
                "status",
                "apply",
                "arrived",
                "accept",
                "--at",
                "2026-03-02T09:00:00+07:00",
            ]),
            0,
        ),
        (
            "status apply",
            s(&[
                "status",
                "apply",
                "rejected",
                "accept",
                "--at",
                "2026-03-02T09:00:00+07:00",
            ]),
            1,
        ),
        (
            "status apply",
            s(&["status", "apply", "arrived", "approve"]),
            2,
        ),
        ("status edxml-code", s(&["status", "edxml-code", "03"]), 0),
        ("status edxml-code", s(&["status", "edxml-code", "07"]), 1),
        ("urgency", s(&["urgency", "khẩn"]), 0),
        ("urgency", s(&["urgency", "rất gấp"]), 1),
        ("urgency", s(&["urgency"]), 2),
        (
            "legal-value",
            s(&[
                "legal-value",
                "--digitally-signed",
                "yes",
                "--via-system",
                "yes",
            ]),
            0,
        ),
        (
            "legal-value",
            s(&[
                "legal-value",
                "--digitally-signed",
                "yes",
                "--via-system",
                "no",
            ]),
            1,
        ),
        (
            "legal-value",
            s(&["legal-value", "--via-system", "maybe"]),
            2,
        ),
        (
            "paper-copy",
            s(&[
                "paper-copy",
                "--type",
                "Công văn",
                "--legal-value",
                "equivalent_to_paper",
            ]),
            0,
        ),
        (
            "paper-copy",
            s(&[
                "paper-copy",
                "--type",
                "Công văn",
                "--legal-value",
                "equivalent_to_paper",
                "--issued",
                "yes",
            ]),
            1,
        ),
        (
            "paper-copy",
            s(&["paper-copy", "--type", "x", "--legal-value", "x"]),
            2,
        ),
        ("completions", s(&["completions", "bash"]), 0),
        ("completions", s(&["completions", "tcsh"]), 2),
        ("man", s(&["man"]), 0),
        ("man", s(&["man", "--out", "/proc/egov-no-such-dir"]), 2),
        ("version", s(&["--version"]), 0),
        ("help", s(&["--help"]), 0),
        ("usage", s(&["no-such-command"]), 2),
    ];
    #[cfg(feature = "pdf")]
    cases.extend(pdf_cases(&d, &k, &t));
    cases
}

/// `egov mark pdf stamp|verify` (feature `pdf`): a refused PDF (encrypted) exits 1 like an
/// image that cannot be marked; a missing file or an existing output exits 2.
#[cfg(feature = "pdf")]
fn pdf_cases(d: &std::path::Path, k: &str, t: &str) -> Vec<(&'static str, Vec<String>, i32)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let original = td("pdf/libreoffice-6-4-writer-multilang.pdf");
    let encrypted = td("pdf/libreoffice-writer-user-password-encrypted.pdf");
    let marked = d.join("contract.marked.pdf").display().to_string();
    let stamped = d.join("contract.stamped.pdf").display().to_string();
    let stamp = |input: &str, out: &str, force: bool| {
        let mut a = s(&[
            "mark",
            "pdf",
            "stamp",
            input,
            "--out",
            out,
            "--direction",
            "paper-to-data",
            "--converter",
            "UBND phường Cốc Lếu",
            "--key",
            k,
            "--at",
            "2026-03-02T09:15:00+07:00",
        ]);
        if force {
            a.push("--force".to_owned());
        }
        a
    };
    let o = run(&stamp(&original, &marked, true), Stdio::piped());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    vec![
        ("mark pdf stamp", stamp(&original, &stamped, true), 0),
        ("mark pdf stamp", stamp(&encrypted, &stamped, true), 1),
        (
            "mark pdf stamp",
            stamp("/nonexistent/in.pdf", &stamped, true),
            2,
        ),
        ("mark pdf stamp", stamp(&original, &marked, false), 2),
        (
            "mark pdf verify",
            s(&["mark", "pdf", "verify", &marked, "--trust", t]),
            0,
        ),
        (
            "mark pdf verify",
            s(&["mark", "pdf", "verify", &original, "--trust", t]),
            1,
        ),
        (
            "mark pdf verify",
            s(&["mark", "pdf", "verify", "/nonexistent/m.pdf", "--trust", t]),
            2,
        ),
    ]
    .into_iter()
    .chain(pdf_sign_cases(d))
    .chain(from_scans_cases(d, k))
    .collect()
}

/// `egov mark pdf from-scans` (feature `pdf`): a conforming copy exits 0; a copy whose format
/// fails (a grey scan) is written and exits 1, as does a file that is not an image; a missing
/// file, an existing output or a missing `--agency` exits 2.
#[cfg(feature = "pdf")]
fn from_scans_cases(d: &std::path::Path, k: &str) -> Vec<(&'static str, Vec<String>, i32)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // A colour page at 200 dpi, 6 × 8.5 inches, as a scanner writes it (JFIF density).
    let colour = {
        let page = image::RgbImage::from_fn(1200, 1700, |x, y| {
            if (200..1000).contains(&x) && (300..340).contains(&y) {
                image::Rgb([180, 20, 20])
            } else {
                image::Rgb([250, 248, 240])
            }
        });
        let mut jpeg = std::io::Cursor::new(Vec::new());
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85);
        enc.set_pixel_density(image::codecs::jpeg::PixelDensity::dpi(200));
        enc.encode_image(&page).unwrap();
        file("contract-colour.jpg", &jpeg.into_inner())
    };
    let grey = td("marks/degraded/page-0001.jpg");
    let not_image = file("contract-notes.txt", "không phải ảnh\n".as_bytes());
    let password = file("contract-p12-password.txt", b"egov-test\n");
    let p12 = td("pki/signer-rsa.p12");
    let copy = d.join("contract.copy.pdf").display().to_string();
    let other = d.join("contract.copy2.pdf").display().to_string();
    let scans = |image: &str, out: &str, agency: bool| {
        let mut a = s(&[
            "mark",
            "pdf",
            "from-scans",
            image,
            "--out",
            out,
            "--force",
            "--converter",
            "UBND phường Cốc Lếu",
            "--key",
            k,
            "--at",
            "2026-03-02T09:15:00+07:00",
            "--p12",
            &p12,
            "--password-file",
            &password,
        ]);
        if agency {
            a.extend(s(&["--agency", "UBND phường Cốc Lếu"]));
        }
        a
    };
    let o = run(&scans(&colour, &copy, true), Stdio::piped());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let mut no_force = scans(&colour, &copy, true);
    no_force.retain(|a| a != "--force");
    vec![
        ("mark pdf from-scans", scans(&colour, &other, true), 0),
        ("mark pdf from-scans", scans(&grey, &other, true), 1),
        ("mark pdf from-scans", scans(&not_image, &other, true), 1),
        (
            "mark pdf from-scans",
            scans("/nonexistent/scan.jpg", &other, true),
            2,
        ),
        ("mark pdf from-scans", no_force, 2),
        ("mark pdf from-scans", scans(&colour, &other, false), 2),
    ]
}

/// `egov pdf sign|verify` (feature `pdf`): a key that cannot be opened or a refused PDF exits
/// 1, a file without a valid signature exits 1; a missing file or an existing output exits 2.
#[cfg(feature = "pdf")]
fn pdf_sign_cases(d: &std::path::Path) -> Vec<(&'static str, Vec<String>, i32)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let original = td("pdf/libreoffice-6-4-writer-multilang.pdf");
    let encrypted = td("pdf/libreoffice-writer-user-password-encrypted.pdf");
    let root_ca = td("pki/root-ca.pem");
    let signed = d.join("contract.signed.pdf").display().to_string();
    let resigned = d.join("contract.resigned.pdf").display().to_string();
    let sign = |input: &str, out: &str, key: &str, force: bool| {
        let mut a = s(&[
            "pdf",
            "sign",
            input,
            "--out",
            out,
            "--key",
            key,
            "--cert",
            &td("pki/signer-rsa.pem"),
            "--at",
            "2026-03-02T09:15:00+07:00",
        ]);
        if force {
            a.push("--force".to_owned());
        }
        a
    };
    let rsa = td("pki/signer-rsa.key");
    let o = run(&sign(&original, &signed, &rsa, true), Stdio::piped());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    vec![
        ("pdf sign", sign(&original, &resigned, &rsa, true), 0),
        ("pdf sign", sign(&encrypted, &resigned, &rsa, true), 1),
        (
            "pdf sign",
            sign(&original, &resigned, &td("pki/signer-ec.key"), true),
            1,
        ),
        (
            "pdf sign",
            sign("/nonexistent/in.pdf", &resigned, &rsa, true),
            2,
        ),
        ("pdf sign", sign(&original, &signed, &rsa, false), 2),
        (
            "pdf sign",
            s(&["pdf", "sign", &original, "--out", &resigned]),
            2,
        ),
        (
            "pdf verify",
            s(&["pdf", "verify", &signed, "--anchors", &root_ca]),
            0,
        ),
        (
            "pdf verify",
            s(&["pdf", "verify", &original, "--anchors", &root_ca]),
            1,
        ),
        ("pdf verify", s(&["pdf", "verify", &encrypted]), 1),
        ("pdf verify", s(&["pdf", "verify", "/nonexistent/s.pdf"]), 2),
    ]
}

#[test]
fn cli_exit_codes_follow_the_contract_for_every_subcommand() {
    let mut wrong = Vec::new();
    for (name, args, want) in cases() {
        let o = run(&args, Stdio::piped());
        let stderr = String::from_utf8_lossy(&o.stderr);
        if o.status.code() != Some(want) || stderr.contains("panicked") {
            wrong.push(format!(
                "{name}: {args:?} exited {:?}, want {want}\n  stderr: {}",
                o.status.code(),
                stderr.lines().next().unwrap_or("")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases broke the contract:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn cli_closed_stdout_never_panics() {
    let mut wrong = Vec::new();
    for json in [false, true] {
        for (name, mut args, want) in cases() {
            if json {
                args.insert(0, "--json".to_owned());
            }
            // A pipe whose reading end is already closed: every write fails with EPIPE.
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            let o = run(&args, Stdio::from(writer));
            let stderr = String::from_utf8_lossy(&o.stderr);
            if o.status.code() != Some(want)
                || stderr.contains("panicked")
                || stderr.contains("Broken pipe")
            {
                wrong.push(format!(
                    "{name} {args:?}: exit {:?}: {stderr}",
                    o.status.code()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn cli_pipe_into_head_exits_cleanly() {
    let events = {
        let mut csv = Vec::new();
        for i in 0..200_000u64 {
            csv.extend_from_slice(
                format!("{},{},l,1\n", i % 5000, 1_735_664_400 + i as i64 * 60).as_bytes(),
            );
        }
        file("many-events.csv", &csv)
    };
    let egov = env!("CARGO_BIN_EXE_egov");
    for cmd in [
        format!("{egov} --json platform count {events}"),
        format!("{egov} workday 2026-02-16"),
        format!(
            "{egov} edxml show {}",
            td("edxml/vnpt-edxml102-builder-output-2019-04-11.edxml")
        ),
        format!(
            "{egov} --json edxml check {}",
            td("edxml/vpcp-sdk-sample-status_acceptance_03.edxml")
        ),
        format!(
            "{egov} --json keygen --from {} --trust-out {}/t.json --force",
            dir().join("contract.key.json").display(),
            dir().display()
        ),
        format!("{egov} --help"),
    ] {
        let o = Command::new("bash")
            .args(["-c", &format!("set -o pipefail; {cmd} | head -1")])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        assert_ne!(o.status.code(), Some(101), "{cmd}");
        assert_eq!(
            String::from_utf8_lossy(&o.stdout).lines().count(),
            1,
            "{cmd}"
        );
    }
}

/// Asked for JSON (`--json` or `EGOV_FORMAT=json`), a usage error is answered as every other
/// error is: `{"error": {"code": "usage", "message"}}` on standard output, exit 2, in the run's
/// language, nothing on standard error. So is a configuration file that does not load.
#[test]
fn cli_json_usage_errors_are_json() {
    let bad_toml = file("bad-egov.toml", b"lang = \"vi\"\nformatt = \"json\"\n");
    let cases: [(&[&str], &str, &str); 7] = [
        (&["--json", "docnum"], "<NUMBER>", "<SỐ>"),
        (&["--json", "docnmu"], "docnum", "docnum"),
        (
            &["docnum", "--jsn", "1/QĐ-UBND", "--json"],
            "--jsn",
            "--jsn",
        ),
        (
            &["--json", "keygen", "--out", "k.json", "--label", " "],
            "--label",
            "--label",
        ),
        (
            &["--json", "keygen", "--from", "k.json", "--label", "X"],
            "--label",
            "--label",
        ),
        (
            &["--json", "status", "apply", "đã đến", "bay"],
            "bay",
            "bay",
        ),
        (
            &["--json", "--config", &bad_toml, "code", "000.00.18.G12"],
            "formatt",
            "formatt",
        ),
    ];
    for lang in ["vi", "en"] {
        for (args, en_word, vi_word) in cases {
            for via_env in [false, true] {
                let args: Vec<&str> = if via_env {
                    args.iter().copied().filter(|a| *a != "--json").collect()
                } else {
                    args.to_vec()
                };
                let mut cmd = Command::new(env!("CARGO_BIN_EXE_egov"));
                cmd.env("EGOV_LANG", lang).args(&args).current_dir(dir());
                if via_env {
                    cmd.env("EGOV_FORMAT", "json");
                }
                let o = cmd.output().unwrap();
                let shown = format!("{lang} {args:?}: {o:?}");
                assert_eq!(o.status.code(), Some(2), "{shown}");
                assert!(o.stderr.is_empty(), "{shown}");
                let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect(&shown);
                let code = v["error"]["code"].as_str().unwrap_or_default();
                let message = v["error"]["message"].as_str().unwrap_or_default();
                if args.contains(&"--config") {
                    assert_eq!(code, "usage.config", "{shown}");
                } else {
                    assert_eq!(code, "usage", "{shown}");
                }
                let word = if lang == "vi" { vi_word } else { en_word };
                assert!(message.contains(word), "{shown}");
                assert!(
                    !message.contains("Usage:") && !message.contains("Cách dùng"),
                    "{shown}"
                );
            }
        }
    }
}
