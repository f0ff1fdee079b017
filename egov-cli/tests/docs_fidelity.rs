//! `egov docnum` and `egov docid` agree with egov-docs on the hardening of issue #11: the
//! issuer and drafting unit of a công văn, a type abbreviation without diacritics, numbers of
//! ten or more digits (rule DOC-10.c; QĐ 28/2018/QĐ-TTg Đ10.2.c, form per NĐ 30/2020).

use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

/// Exit code and JSON output of `egov --json <args>`.
fn json_of(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = egov(&all);
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (o.status.code(), v)
}

#[test]
fn doc_10_cli_cong_van_has_issuer_and_drafting_unit() {
    let (code, v) = json_of(&["docnum", "05/BNV-VP"]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["issuer"], "BNV");
    assert_eq!(v["drafting_unit"], "VP");
    let (_, v) = json_of(&["docnum", "15/QĐ-UBND"]);
    assert_eq!(v["issuer"], "UBND");
    assert_eq!(v["drafting_unit"], serde_json::Value::Null);
}

#[test]
fn doc_10_cli_type_without_diacritics_is_a_warning() {
    let (code, v) = json_of(&["docnum", "28/2018/QD-TTg"]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["canonical"], "28/2018/QĐ-TTg");
    assert_eq!(v["type_abbreviation"], "QĐ");
    assert_eq!(v["doc_type"]["name_vi"], "Quyết định");
    assert_eq!(v["findings"][0]["outcome"], "warning");
    assert!(v["findings"][0]["message_vi"]
        .as_str()
        .unwrap_or_default()
        .contains("«QĐ»"));
}

#[test]
fn doc_10_cli_long_numbers_are_coded_errors() {
    for n in ["9999999999", "99999999999999999999", &"9".repeat(40)] {
        for input in [
            n.to_owned(),
            format!("{n}/QĐ-TTg"),
            format!("000.00.00.G22,2018/09/20,{n}/VPCP-TTĐT"),
        ] {
            let cmd = if input.contains(',') {
                "docid"
            } else {
                "docnum"
            };
            let (code, v) = json_of(&[cmd, &input]);
            assert_eq!(code, Some(1), "{input}: {v}");
            let error = v["error"]["code"].as_str().unwrap_or_default();
            assert!(
                error.starts_with("doc_number.") || error.starts_with("document_id."),
                "{input}: {v}"
            );
        }
    }
}
