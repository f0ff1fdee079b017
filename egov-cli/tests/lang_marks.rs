//! CORE-06 (Vietnamese first; issue 17): every subcommand of the conversion-mark, PDF,
//! trust-list, edXML and surface modules speaks one language per run. `--lang vi` output holds
//! no English message word, `--lang en` output no Vietnamese letter outside quoted law, codes,
//! citations, the printed mark («  | …» lines, the law's own wording) and the proper names the
//! inputs carry (listed in [`NAMES`]). Each case runs with the other language in `EGOV_LANG`, so
//! the flag is what chooses.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::lang::{assert_english, assert_vietnamese};

/// Proper names and document text the inputs carry (printed as given, in Vietnamese).
const NAMES: &[&str] = &[
    "Ủy ban nhân dân phường Cốc Lếu",
    "Ủy ban nhân dân tỉnh Lào Cai",
    "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
    "Bộ phận Văn thư, Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
    "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai",
    "Bộ Thông tin và Truyền thông",
    "UBND phường Cốc Lếu",
    "UBND tỉnh Lào Cai",
    "Văn thư TEST RSA",
    "egov TEST Root CA",
    "Văn thư TEST EC",
    "Sở khác",
    "thiết bị ký bị mất",
    // Text of the edXML fixtures (agencies, people, the document's own fields).
    "Văn thư cơ - Phòng Văn thư - Lưu trữ: Tiếp nhận văn bản điện tử, vào sổ văn bản đến của đơn vị",
    "Số 03, đường Trường Thi, Thành phố Vinh, Tỉnh Nghệ An, Việt Nam",
    "Số 1, Hà Nội",
    "Gộp 3 file",
    "Đơn vị test vxp 3",
    "UBND Tỉnh Nghệ An",
    "Nguyễn Văn A",
    "Chủ tịch UBND",
    "Báo cáo",
    "Công văn",
    "Hà Nội",
    "Thành phố Đà Nẵng",
    "Công khai",
    "Lưu hành nội bộ",
    "Các phòng ban; Ban lãnh đạo",
    "Mô tả ngắn",
    "Phụ lục 1",
    "Phụ lục 2",
    "VPCP-TTĐT",
    "File uploaded via Gateway",
    "Test From",
    "Test To",
    // edXML element names `edxml show` labels its rows with.
    "(From)",
    "(To)",
    "(Paper)",
    // edXML message kinds (codes) heading the kind row.
    "edoc (",
    "status (",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn td(p: &str) -> String {
    root().join("testdata").join(p).display().to_string()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-cli-lang-marks-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `egov --lang LANG ARGS…` with the other language in `EGOV_LANG`.
fn egov(lang: &str, args: &[&str]) -> Output {
    let other = if lang == "vi" { "en" } else { "vi" };
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", other)
        .env("EGOV_P12_PASSWORD", "egov-test")
        .arg("--lang")
        .arg(lang)
        .args(args)
        .output()
        .expect("the egov binary runs")
}

/// Standard output and standard error, the printed mark's lines (`| …`) and [`NAMES`] taken out.
fn text(o: &Output) -> String {
    let mut t = String::from_utf8_lossy(&o.stdout).into_owned();
    t.push_str(&String::from_utf8_lossy(&o.stderr));
    let mut t: String = t
        .lines()
        .filter(|l| !l.trim_start().starts_with('|'))
        // A finding's element path (`    edXMLEnvelope/…, line 7, column 11`, `    attachments`).
        .map(|l| match l.strip_prefix("    ") {
            Some(rest)
                if rest
                    .split(", ")
                    .next()
                    .is_some_and(|p| p.is_ascii() && !p.is_empty() && !p.contains(' '))
                    && rest.split(", ").count() <= 3 =>
            {
                rest.split_once(", ").map_or("", |(_, place)| place)
            }
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    for n in NAMES {
        t = t.replace(n, "NAME");
    }
    t
}

/// Runs `args` in `lang`, checks the exit code and the language; returns the text.
fn check(lang: &str, args: &[&str], code: i32) -> String {
    let o = egov(lang, args);
    let t = text(&o);
    let cmd = format!("egov --lang {lang} {}", args.join(" "));
    assert_eq!(o.status.code(), Some(code), "{cmd}:\n{t}");
    assert!(!t.trim().is_empty(), "{cmd}: says nothing");
    if lang == "vi" {
        assert_vietnamese(&cmd, &t);
    } else {
        assert_english(&cmd, &t);
    }
    t
}

/// A blank A4 page at 300 dpi with a dark bar across the middle.
fn page(path: &Path) {
    let mut img = image::GrayImage::from_pixel(2480, 3508, image::Luma([255]));
    for y in 1500..1560 {
        for x in 200..2280 {
            img.put_pixel(x, y, image::Luma([0]));
        }
    }
    img.save(path).unwrap();
}

const AT: &str = "2026-03-02T09:15:00+07:00";

#[test]
fn core_06_keygen_and_mark_speak_one_language() {
    for lang in ["vi", "en"] {
        let d = dir(&format!("mark-{lang}"));
        let key = d.join("k.json");
        let trust = d.join("t.json");
        let entry = d.join("e.json");
        check(
            lang,
            &[
                "keygen",
                "--out",
                s(&key),
                "--label",
                "UBND tỉnh Lào Cai",
                "--trust-out",
                s(&trust),
                "--entry-out",
                s(&entry),
            ],
            0,
        );
        check(lang, &["keygen", "--from", s(&key)], 0);
        // An existing key is not overwritten.
        let t = check(lang, &["keygen", "--out", s(&key), "--label", "X"], 2);
        assert!(t.contains("io.exists"), "{t}");
        // A new key needs its holder's name: a verifier shows it as the signer.
        let t = check(lang, &["keygen", "--out", s(&d.join("n.json"))], 2);
        assert!(t.contains("--label"), "{t}");
        let t = check(
            lang,
            &["keygen", "--out", s(&d.join("n.json")), "--label", " "],
            2,
        );
        assert!(t.contains("--label"), "{t}");
        assert!(!d.join("n.json").exists());
        // An existing key keeps its file's label: --label beside --from is refused, not ignored.
        let t = check(lang, &["keygen", "--from", s(&key), "--label", "Y"], 2);
        assert!(t.contains("--label"), "{t}");
        let pg = d.join("page.png");
        page(&pg);
        let out = d.join("out.png");
        check(
            lang,
            &[
                "mark",
                "paper-to-data",
                "--page",
                s(&pg),
                "--converter",
                "Ủy ban nhân dân phường Cốc Lếu",
                "--key",
                s(&key),
                "--at",
                AT,
                "--out",
                s(&out),
            ],
            0,
        );
        // A page that is not there.
        check(
            lang,
            &[
                "mark",
                "paper-to-data",
                "--page",
                s(&d.join("missing.png")),
                "--converter",
                "Ủy ban nhân dân phường Cốc Lếu",
                "--key",
                s(&key),
                "--at",
                AT,
            ],
            2,
        );
        // data-to-paper without a locator.
        check(
            lang,
            &[
                "mark",
                "data-to-paper",
                "--page",
                s(&pg),
                "--converter",
                "Ủy ban nhân dân phường Cốc Lếu",
                "--key",
                s(&key),
                "--system",
                "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai",
                "--owner",
                "Ủy ban nhân dân tỉnh Lào Cai",
            ],
            2,
        );
        // Verified with its content; the payload against another key's trust set fails.
        let t = check(
            lang,
            &[
                "mark",
                "verify",
                s(&out),
                "--content",
                s(&pg),
                "--trust",
                s(&trust),
            ],
            0,
        );
        assert!(t.contains(if lang == "vi" {
            "ĐÃ XÁC THỰC"
        } else {
            "VERIFIED"
        }));
        let other = d.join("other.json");
        let other_trust = d.join("other.trust.json");
        check(
            lang,
            &[
                "keygen",
                "--out",
                s(&other),
                "--label",
                "UBND tỉnh Lào Cai",
                "--trust-out",
                s(&other_trust),
            ],
            0,
        );
        let payload = format!("{}.payload.txt", s(&out));
        check(
            lang,
            &[
                "mark",
                "verify",
                &payload,
                "--payload",
                "--trust",
                s(&other_trust),
            ],
            1,
        );
        check(
            lang,
            &[
                "mark",
                "verify",
                &payload,
                s(&pg),
                "--payload",
                "--trust",
                s(&trust),
            ],
            2,
        );
        // A page without a mark.
        check(lang, &["mark", "verify", s(&pg), "--trust", s(&trust)], 1);
    }
}

#[test]
fn core_06_trustlist_speaks_one_language() {
    for lang in ["vi", "en"] {
        let d = dir(&format!("trustlist-{lang}"));
        let op = d.join("op.json");
        let signer = d.join("signer.json");
        check(
            lang,
            &[
                "keygen",
                "--out",
                s(&op),
                "--label",
                "Bộ Thông tin và Truyền thông",
            ],
            0,
        );
        check(
            lang,
            &[
                "keygen",
                "--out",
                s(&signer),
                "--label",
                "UBND phường Cốc Lếu",
            ],
            0,
        );
        let list = d.join("list.json");
        let l = s(&list);
        check(
            lang,
            &[
                "trustlist",
                "new",
                "--issuer",
                "Bộ Thông tin và Truyền thông",
                "--issuer-code",
                "000.00.00.G12",
                "--out",
                l,
            ],
            0,
        );
        check(lang, &["trustlist", "show", l], 0);
        check(
            lang,
            &[
                "trustlist",
                "add",
                l,
                "--key",
                s(&op),
                "--role",
                "list-operator",
                "--from",
                "2026-01-01T00:00:00+07:00",
            ],
            0,
        );
        check(
            lang,
            &[
                "trustlist",
                "add",
                l,
                "--key",
                s(&signer),
                "--from",
                "2026-01-01T00:00:00+07:00",
            ],
            0,
        );
        check(lang, &["trustlist", "add", l], 2);
        check(
            lang,
            &[
                "trustlist",
                "sign",
                l,
                "--key",
                s(&op),
                "--at",
                "2026-01-01T00:00:00+07:00",
            ],
            0,
        );
        check(lang, &["trustlist", "show", l], 0);
        check(
            lang,
            &[
                "trustlist",
                "verify",
                l,
                "--pin",
                s(&op),
                "--at",
                "2026-01-15T10:00:00+07:00",
            ],
            0,
        );
        // Stale after its next update; a pin that is neither hex nor a key file.
        check(
            lang,
            &[
                "trustlist",
                "verify",
                l,
                "--pin",
                s(&op),
                "--at",
                "2026-05-01T00:00:00+07:00",
            ],
            1,
        );
        check(lang, &["trustlist", "verify", l, "--pin", s(&list)], 1);
        // A mark checked against the list.
        let pg = d.join("page.png");
        page(&pg);
        let out = d.join("out.png");
        check(
            lang,
            &[
                "mark",
                "paper-to-data",
                "--page",
                s(&pg),
                "--converter",
                "Ủy ban nhân dân phường Cốc Lếu",
                "--key",
                s(&signer),
                "--at",
                "2026-01-10T09:00:00+07:00",
                "--out",
                s(&out),
            ],
            0,
        );
        let payload = format!("{}.payload.txt", s(&out));
        check(
            lang,
            &[
                "mark",
                "verify",
                &payload,
                "--payload",
                "--trust-list",
                l,
                "--pin",
                s(&op),
                "--at",
                "2026-01-15T10:00:00+07:00",
            ],
            0,
        );
        let json: serde_json::Value =
            serde_json::from_slice(&egov(lang, &["--json", "keygen", "--from", s(&signer)]).stdout)
                .unwrap();
        let kid = json["key_id"].as_str().unwrap().to_owned();
        check(
            lang,
            &[
                "trustlist",
                "retire",
                l,
                "--key-id",
                &kid,
                "--at",
                "2026-03-01T00:00:00+07:00",
            ],
            0,
        );
        check(
            lang,
            &[
                "trustlist",
                "revoke",
                l,
                "--key-id",
                &kid,
                "--reason",
                "thiết bị ký bị mất",
                "--at",
                "2026-03-02T09:30:00+07:00",
            ],
            0,
        );
    }
}

const CORRUPT_PDF: &str = "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml";
const STATUS_03: &str = "vpcp-sdk-sample-status_acceptance_03.edxml";
const VNPT: &str = "vnpt-edxml102-builder-output-2019-04-11.edxml";
const THREE: &str = "pvn-gateway-built-3-attachments-1f881896.edxml";

fn fixture(name: &str) -> String {
    td(&format!("edxml/{name}"))
}

#[test]
fn core_06_edxml_speaks_one_language() {
    for lang in ["vi", "en"] {
        let d = dir(&format!("edxml-{lang}"));
        let names = |t: &str| t.to_owned();
        let _ = names;
        check(lang, &["edxml", "check", &fixture(CORRUPT_PDF)], 1);
        check(lang, &["edxml", "check", &fixture(STATUS_03)], 0);
        check(
            lang,
            &[
                "edxml",
                "check",
                &fixture(THREE),
                "--registry",
                s(&d.join("none.csv")),
            ],
            2,
        );
        // Every real package, checked and shown in Vietnamese (the exit code is the check's
        // verdict; in English their Vietnamese names and subjects, printed as data, are the
        // packages' own, so English keeps to the packages above and their NAMES).
        let mut all: Vec<_> = std::fs::read_dir(root().join("testdata/edxml"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "edxml"))
            .collect();
        all.sort();
        assert!(all.len() >= 15, "the real packages are there");
        for f in all.iter().filter(|_| lang == "vi") {
            let f = s(f);
            let verdict = egov("vi", &["edxml", "check", f]).status.code().unwrap();
            check(lang, &["edxml", "check", f], verdict);
            check(lang, &["edxml", "show", f], 0);
        }
        check(lang, &["edxml", "show", &fixture(THREE)], 0);
        check(lang, &["edxml", "show", &fixture(STATUS_03)], 0);
        check(
            lang,
            &[
                "edxml",
                "extract",
                &fixture(THREE),
                "--out",
                s(&d.join("x")),
            ],
            0,
        );
        check(
            lang,
            &[
                "edxml",
                "extract",
                &fixture(CORRUPT_PDF),
                "--out",
                s(&d.join("y")),
            ],
            0,
        );
        std::fs::write(d.join("cv.pdf"), b"%PDF-1.7\n%%EOF\n").unwrap();
        let desc = d.join("d.toml");
        std::fs::write(
            &desc,
            "kind = \"edoc\"\n[header]\ndocument_id = \"000.00.00.G22,2026/12/04,19/VPCP\"\nsubject = \"x\"\nto = [{ organ_id = \"000.00.00.H41\" }]\n[header.from]\norgan_id = \"000.00.00.G22\"\n[[attachments]]\ncontent_id = \"cid:1\"\nattachment_name = \"cv.pdf\"\ncontent_type = \"application/pdf\"\nfile = \"cv.pdf\"\n",
        )
        .unwrap();
        let built = d.join("p.edxml");
        check(lang, &["edxml", "build", s(&desc), "--out", s(&built)], 0);
        check(lang, &["edxml", "build", s(&desc), "--out", s(&built)], 2);
        let st = d.join("st.edxml");
        check(
            lang,
            &[
                "edxml",
                "status",
                &fixture(VNPT),
                "--code",
                "02",
                "--out",
                s(&st),
            ],
            2,
        );
        check(
            lang,
            &[
                "edxml",
                "status",
                &fixture(VNPT),
                "--code",
                "03",
                "--at",
                "2026-12-04T10:00:00+07:00",
                "--out",
                s(&st),
            ],
            0,
        );
        check(
            lang,
            &[
                "edxml",
                "status",
                &fixture(STATUS_03),
                "--code",
                "03",
                "--out",
                s(&d.join("s2.edxml")),
            ],
            2,
        );
        let signed = d.join("s.edxml");
        check(
            lang,
            &[
                "edxml",
                "sign",
                &fixture(THREE),
                "--key",
                &td("pki/signer-ec.key"),
                "--cert",
                &td("pki/signer-ec.pem"),
                "--out",
                s(&signed),
            ],
            0,
        );
        check(
            lang,
            &[
                "edxml",
                "verify",
                s(&signed),
                "--at",
                "2026-06-01T00:00:00+07:00",
            ],
            0,
        );
        check(lang, &["edxml", "verify", &fixture(THREE)], 1);
        check(lang, &["edxml", "verify", s(&d.join("none.edxml"))], 2);
        let by_command = format!("openssl dgst -sha256 -sign {}", td("pki/signer-rsa.key"));
        check(
            lang,
            &[
                "edxml",
                "sign",
                &fixture(THREE),
                "--signer-command",
                &by_command,
                "--cert",
                &td("pki/signer-rsa.pem"),
                "--out",
                s(&d.join("by-command.edxml")),
            ],
            0,
        );
        check(
            lang,
            &[
                "edxml",
                "sign",
                &fixture(THREE),
                "--signer-command",
                "exit 3",
                "--cert",
                &td("pki/signer-rsa.pem"),
                "--out",
                s(&d.join("by-failing-command.edxml")),
            ],
            1,
        );

        // What goes wrong, said in the run's language too: a package cut short, a key that
        // is not one, a package signed twice, a description that does not describe, a file
        // it names that is not there, a status code that is none, anchors that do not read.
        let whole = std::fs::read(fixture(THREE)).unwrap();
        let cut = d.join("cut.edxml");
        std::fs::write(&cut, &whole[..1500]).unwrap();
        let bad_pem = d.join("bad.pem");
        std::fs::write(&bad_pem, "not a key\n").unwrap();
        check(lang, &["edxml", "check", s(&cut)], 2);
        check(lang, &["edxml", "show", s(&cut)], 2);
        check(
            lang,
            &[
                "edxml",
                "status",
                s(&cut),
                "--code",
                "03",
                "--out",
                s(&d.join("s3.edxml")),
            ],
            2,
        );
        check(
            lang,
            &[
                "edxml",
                "sign",
                &fixture(THREE),
                "--key",
                s(&bad_pem),
                "--cert",
                s(&bad_pem),
                "--out",
                s(&d.join("s4.edxml")),
            ],
            1,
        );
        check(
            lang,
            &[
                "edxml",
                "sign",
                s(&signed),
                "--key",
                &td("pki/signer-ec.key"),
                "--cert",
                &td("pki/signer-ec.pem"),
                "--out",
                s(&d.join("s5.edxml")),
            ],
            1,
        );
        let not_a_kind = d.join("not-a-kind.toml");
        std::fs::write(&not_a_kind, "kind = 5\n").unwrap();
        check(
            lang,
            &[
                "edxml",
                "build",
                s(&not_a_kind),
                "--out",
                s(&d.join("b1.edxml")),
            ],
            1,
        );
        let no_file = d.join("no-file.toml");
        std::fs::write(
            &no_file,
            std::fs::read_to_string(&desc)
                .unwrap()
                .replace("file = \"cv.pdf\"", "file = \"gone.pdf\""),
        )
        .unwrap();
        check(
            lang,
            &[
                "edxml",
                "build",
                s(&no_file),
                "--out",
                s(&d.join("b2.edxml")),
            ],
            2,
        );
        check(
            lang,
            &[
                "edxml",
                "status",
                &fixture(VNPT),
                "--code",
                "99",
                "--out",
                s(&d.join("s6.edxml")),
            ],
            2,
        );
        check(
            lang,
            &["edxml", "verify", s(&signed), "--anchors", s(&bad_pem)],
            2,
        );
        check(
            lang,
            &["edxml", "check", s(&signed), "--anchors", s(&bad_pem)],
            2,
        );
    }
}

#[test]
fn core_06_man_speaks_one_language() {
    for lang in ["vi", "en"] {
        let d = dir(&format!("man-{lang}"));
        check(lang, &["man", "--out", s(&d.join("pages"))], 0);
        let file = d.join("file");
        std::fs::write(&file, "x").unwrap();
        check(lang, &["man", "--out", s(&file.join("sub"))], 2);
    }
}

#[test]
fn core_06_the_checker_catches_the_other_language() {
    let caught = |f: fn()| std::panic::catch_unwind(f).is_err();
    assert!(caught(|| assert_vietnamese(
        "x",
        "lỗi[io]: cannot read the file"
    )));
    assert!(caught(|| assert_english(
        "x",
        "error[io]: không đọc được tệp"
    )));
    // Quoted law, citations, codes and paths pass.
    assert_english(
        "x",
        "FAIL DOC-21 (QĐ 28/2018/QĐ-TTg Đ6.2): status 03 «Tiếp nhận» [trust_list.parse] /tmp/tệp.pdf",
    );
    assert_vietnamese(
        "x",
        "lỗi[io.read]: không đọc được /tmp/the-file.json (`--from`)",
    );
}

#[cfg(feature = "pdf")]
const LIBREOFFICE: &str = "pdf/libreoffice-6-4-writer-multilang.pdf";
#[cfg(feature = "pdf")]
const ENCRYPTED: &str = "pdf/libreoffice-writer-user-password-encrypted.pdf";
#[cfg(feature = "pdf")]
const LOOKUP: &str = "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001";

/// `mark pdf stamp|verify`, `pdf sign|verify`, `mark pdf from-scans` (each slow case once per
/// language).
#[cfg(feature = "pdf")]
#[test]
fn core_06_pdf_marks_and_signatures_speak_one_language() {
    for lang in ["vi", "en"] {
        let d = dir(&format!("pdf-{lang}"));
        let key = d.join("k.json");
        let trust = d.join("t.json");
        check(
            lang,
            &[
                "keygen",
                "--out",
                s(&key),
                "--label",
                "UBND tỉnh Lào Cai",
                "--trust-out",
                s(&trust),
            ],
            0,
        );
        let input = td(LIBREOFFICE);
        let out = d.join("stamped.pdf");
        let data_to_paper = [
            "--direction",
            "data-to-paper",
            "--converter",
            "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
            "--system",
            "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai",
            "--owner",
            "Ủy ban nhân dân tỉnh Lào Cai",
            "--url",
            LOOKUP,
            "--at",
            AT,
        ];
        let stamp = |out: &Path, extra: &[&str]| {
            let mut a = vec![
                "mark",
                "pdf",
                "stamp",
                &input,
                "--out",
                s(out),
                "--key",
                s(&key),
            ];
            a.extend_from_slice(&data_to_paper);
            a.extend_from_slice(extra);
            a.into_iter().map(str::to_owned).collect::<Vec<_>>()
        };
        let args = stamp(&out, &[]);
        check(
            lang,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            0,
        );
        // Not over an existing file; a paper-to-data mark with a source system; a bad page.
        check(
            lang,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            2,
        );
        check(
            lang,
            &[
                "mark",
                "pdf",
                "stamp",
                &input,
                "--out",
                s(&d.join("x.pdf")),
                "--key",
                s(&key),
                "--direction",
                "paper-to-data",
                "--converter",
                "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
                "--system",
                "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai",
            ],
            2,
        );
        let args = stamp(&d.join("p9.pdf"), &["--page", "9"]);
        check(
            lang,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            1,
        );
        check(
            lang,
            &[
                "mark",
                "pdf",
                "stamp",
                &td(ENCRYPTED),
                "--out",
                s(&d.join("e.pdf")),
                "--key",
                s(&key),
                "--direction",
                "paper-to-data",
                "--converter",
                "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
            ],
            1,
        );
        check(
            lang,
            &["mark", "pdf", "verify", s(&out), "--trust", s(&trust)],
            0,
        );
        check(
            lang,
            &["mark", "pdf", "verify", &input, "--trust", s(&trust)],
            1,
        );

        // PAdES signatures.
        let signed = d.join("signed.pdf");
        let sign = |input: &str, out: &Path| {
            vec![
                "pdf".to_owned(),
                "sign".into(),
                input.into(),
                "--out".into(),
                s(out).into(),
                "--key".into(),
                td("pki/signer-rsa.key"),
                "--cert".into(),
                td("pki/signer-rsa.pem"),
                "--at".into(),
                AT.into(),
            ]
        };
        let a = sign(&input, &signed);
        check(lang, &a.iter().map(String::as_str).collect::<Vec<_>>(), 0);
        check(lang, &a.iter().map(String::as_str).collect::<Vec<_>>(), 2);
        let a = sign(&td(ENCRYPTED), &d.join("e2.pdf"));
        check(lang, &a.iter().map(String::as_str).collect::<Vec<_>>(), 1);
        check(
            lang,
            &[
                "pdf",
                "verify",
                s(&signed),
                "--anchors",
                &td("pki/root-ca.pem"),
            ],
            0,
        );
        check(lang, &["pdf", "verify", s(&signed)], 0);
        check(lang, &["pdf", "verify", &input], 1);

        // A certified copy from scans: a grey page and a file that is not an image.
        let pg = d.join("page.png");
        page(&pg);
        let copy = d.join("copy.pdf");
        let from_scans = |images: &[&str], out: &Path| {
            let mut a: Vec<String> = ["mark", "pdf", "from-scans"].map(String::from).to_vec();
            a.extend(images.iter().map(|x| (*x).to_owned()));
            a.extend(
                [
                    "--out",
                    s(out),
                    "--converter",
                    "Bộ phận Văn thư, Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
                    "--key",
                    s(&key),
                    "--at",
                    AT,
                    "--agency",
                    "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
                    "--p12",
                    &td("pki/signer-rsa.p12"),
                    "--password-env",
                    "EGOV_P12_PASSWORD",
                    "--assume-dpi",
                    "300",
                ]
                .map(String::from),
            );
            a
        };
        let a = from_scans(&[s(&pg)], &copy);
        check(lang, &a.iter().map(String::as_str).collect::<Vec<_>>(), 1);
        let a = from_scans(&[s(&trust)], &d.join("copy2.pdf"));
        check(lang, &a.iter().map(String::as_str).collect::<Vec<_>>(), 1);
    }
}
