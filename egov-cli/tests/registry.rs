//! `egov registry import|check` (DOC-01, DOC-04): catalogues as agencies hold them, every row
//! accounted for; a registry checked as of a date.

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("egov-registry-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn doc_04_cli_imports_a_spreadsheet_with_a_title_row_and_reports_the_rejected_row() {
    let out = temp("province.json");
    let o = egov(&[
        "registry",
        "import",
        "testdata/registry/catalogue-province.xlsx",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(1), "a rejected row: exit 1");
    let v = json(&o);
    assert_eq!(v["header_row"], 3);
    assert_eq!(v["rows_above_header"], 2);
    assert_eq!(v["rows"], 5);
    assert_eq!(v["imported"], 4);
    assert_eq!(
        v["rejected"][0]["row"], 8,
        "the row number the spreadsheet shows"
    );
    assert_eq!(v["rejected"][0]["reason"], "catalogue.bad_code");
    assert_eq!(v["columns"]["valid_to"], "Ngày hết hiệu lực");
    // A date cell and a text date both read.
    let reg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let entries = reg["entries"].as_array().unwrap();
    let by_code = |c: &str| entries.iter().find(|e| e["code"] == c).unwrap().clone();
    assert_eq!(by_code("000.00.00.H10")["valid_to"], "2025-06-30");
    assert_eq!(by_code("000.00.00.H10")["replaced_by"], "000.00.00.H29");
    assert_eq!(by_code("000.00.31.H29")["valid_from"], "2025-07-01");
    assert_eq!(by_code("000.00.32.H29")["valid_from"], "2025-07-01");
    assert_eq!(
        by_code("000.00.32.H29")["source"],
        "catalogue-province.xlsx"
    );
}

#[test]
fn doc_04_cli_imports_a_semicolon_csv_and_the_result_checks() {
    let out = temp("semicolon.csv");
    let o = egov(&[
        "--lang",
        "vi",
        "registry",
        "import",
        "testdata/registry/catalogue-semicolon.csv",
        "--source",
        "Danh mục tỉnh (minh họa)",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Đã nhập 3 trong 3 dòng"), "{text}");
    assert!(text.contains("cột không dùng: «Ghi chú»"), "{text}");
    let o = egov(&[
        "registry",
        "check",
        out.to_str().unwrap(),
        "--as-of",
        "30/06/2025",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["valid_codes"], 2, "the new department starts on 1 July");
    assert_eq!(v["findings"][0]["rule"], "DOC-01");
    assert_eq!(v["findings"][0]["outcome"], "pass");
    // English on request.
    let o = egov(&[
        "registry",
        "check",
        out.to_str().unwrap(),
        "--as-of",
        "2025-07-01",
        "--lang",
        "en",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("codes valid on 2025-07-01"));
    // The agency's own CSV given where egov's registry belongs: refused, naming the way in.
    for args in [
        vec![
            "registry",
            "check",
            "testdata/registry/catalogue-semicolon.csv",
        ],
        vec![
            "code",
            "000.00.00.G22",
            "--registry",
            "testdata/registry/catalogue-semicolon.csv",
            "--as-of",
            "2025-07-01",
        ],
    ] {
        let mut vi = vec!["--lang", "vi"];
        vi.extend(args);
        let o = egov(&vi);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with(
                "lỗi[registry.unknown_column]: testdata/registry/catalogue-semicolon.csv: "
            ),
            "{err}"
        );
        assert!(
            err.contains("cần nhập trước: egov registry import TỆP --out danh-muc.toml"),
            "{err}"
        );
    }
}

#[test]
fn doc_01_cli_check_warns_when_a_body_holds_two_codes() {
    let reg = temp("two-codes.csv");
    std::fs::write(
        &reg,
        "code,name_vi\n000.01.31.H29,Sở Tư pháp\n000.02.31.H29,Sở Tư Pháp\n",
    )
    .unwrap();
    let o = egov(&[
        "registry",
        "check",
        reg.to_str().unwrap(),
        "--as-of",
        "2026-01-01",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "a warning is not a failure");
    assert_eq!(json(&o)["findings"][0]["outcome"], "warning");
}

#[test]
fn doc_04_cli_bad_inputs_say_what_and_where() {
    // Not UTF-8: say how to save it.
    let latin = temp("latin.csv");
    std::fs::write(&latin, b"M\xe3 \xf0\xeanh danh;T\xean\n").unwrap();
    let o = egov(&["registry", "import", latin.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("catalogue.encoding") && err.contains("CSV UTF-8"),
        "{err}"
    );
    // A file named .xlsx that is not a spreadsheet.
    let fake = temp("fake.xlsx");
    std::fs::write(&fake, b"not a zip").unwrap();
    let o = egov(&["registry", "import", fake.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("catalogue.spreadsheet"));
    // A sheet that does not exist names the sheets there are.
    let o = egov(&[
        "registry",
        "import",
        "testdata/registry/catalogue-province.xlsx",
        "--sheet",
        "Sheet9",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("«Danh mục», «Ghi chú»"));
    // The notes sheet has no header: the columns expected are named.
    let o = egov(&[
        "registry",
        "import",
        "testdata/registry/catalogue-province.xlsx",
        "--sheet",
        "Ghi chú",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("catalogue.missing_column"));
}

#[test]
fn doc_04_cli_lists_every_overlapping_row_in_one_run() {
    let file = temp("overlaps.csv");
    std::fs::write(
        &file,
        "Mã định danh;Tên cơ quan, đơn vị;Ngày hiệu lực;Ngày hết hiệu lực\n\
         000.00.00.G22;Văn phòng Chính phủ;;31/12/2025\n\
         000.00.00.G22;Văn phòng Chính phủ;01/06/2025;\n\
         000.00.00.H29;UBND thành phố Hà Nội;;\n\
         000.00.00.G12;Bộ Nội vụ;;\n\
         000.00.00.G12;Bộ Nội vụ;01/03/2025;\n",
    )
    .unwrap();
    let out = temp("overlaps-out.csv");
    let o = egov(&[
        "--json",
        "registry",
        "import",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["imported"], 1);
    assert_eq!(v["rejected_by_reason"]["catalogue.overlap"], 4);
    let rows: Vec<u64> = v["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [2, 3, 5, 6]);
    // The registry written holds only the row that overlaps nothing.
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("000.00.00.H29") && !written.contains("G22") && !written.contains("G12"),
        "{written}"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "vi")
        .args(["registry", "import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("LOẠI dòng 2: 000.00.00.G22: hiệu lực đến 31/12/2025, chồng lấn bản ghi cùng mã ở dòng 3"),
        "{text}"
    );
}

/// `--out` is written whole or not at all and never over an existing file without `--force`
/// (as every other egov command that writes a file); a missing column is said in Vietnamese
/// with the headers found and the names read for it, quoted.
#[test]
fn doc_04_cli_import_keeps_an_existing_registry_and_names_the_columns() {
    let out = temp("kept.csv");
    std::fs::write(&out, "kept\n").unwrap();
    let args = |force: bool| {
        let mut a = vec![
            "registry".to_owned(),
            "import".to_owned(),
            "testdata/registry/catalogue-semicolon.csv".to_owned(),
            "-o".to_owned(),
            out.display().to_string(),
        ];
        if force {
            a.push("--force".to_owned());
        }
        a
    };
    let a = args(false);
    let o = egov(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("io.exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept\n");
    let a = args(true);
    let o = egov(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("code,"));
    let english = temp("english-headers.csv");
    std::fs::write(
        &english,
        "code,name,valid_from\n000.00.18.G12,Bộ Nội vụ,2020-01-01\n",
    )
    .unwrap();
    let o = egov(&[
        "--lang",
        "vi",
        "registry",
        "import",
        english.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("dòng tiêu đề gồm «code», «name», «valid_from»; tên cột được nhận: «name_vi»"),
        "{err}"
    );
}
