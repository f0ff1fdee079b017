//! DOC-04 (QĐ 28/2018/QĐ-TTg Đ16.1, Đ19.1.c): agency catalogues imported as agencies hold them,
//! every row accounted for; DOC-03 disagreements reported; the 2025 mergers expressible.

use chrono::NaiveDate;
use egov_core::{ErrorCode, Outcome};
use egov_docs::catalogue::{import_csv, import_table, Column};
use egov_docs::registry::{AgencyRegistry, RegistryStatus};
use proptest::prelude::*;

/// A provincial export as a spreadsheet in a Vietnamese locale writes it: BOM, semicolons,
/// Vietnamese headers, dd/mm/yyyy dates, a notes column, a blank row and some bad rows.
const PROVINCE: &str = "\u{feff}STT;Mã định danh;Tên cơ quan, đơn vị;Cấp;Đơn vị cấp trên;Ngày hiệu lực;Ngày hết hiệu lực;Mã thay thế;Ghi chú\n\
1;000.00.00.H10;UBND tỉnh Bình Dương;1;;;30/06/2025;000.00.00.H29;sáp nhập\n\
2;000.00.00.H29;UBND Thành phố Hồ Chí Minh;1;;;;;\n\
3;000.00.31.H29;Sở Tư pháp;2;000.00.00.H29;01/07/2025;;;\n\
4;000.01.31.H29;Phòng Hành chính tư pháp;2;000.00.00.H29;;;;cấp ghi sai\n\
;;;;;;;;\n\
5;;Sở thiếu mã;2;;;;;\n\
6;000.00.32.H29;;2;;;;;\n\
7;000.00.33.H29;Sở Y tế;2;;31/02/2025;;;\n\
8;000.00.34.H29;Sở Xây dựng;2;;01/07/2025;30/06/2025;;\n\
9;00.00.35.H29;Sở Nội vụ;2;;;;;\n";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn doc_04_vietnamese_export_is_imported_with_every_row_accounted_for() {
    let imp = import_csv(PROVINCE, "Danh mục mã định danh tỉnh (thử nghiệm)").unwrap();
    assert_eq!(imp.rows, 9);
    assert_eq!(imp.blank_rows, 1);
    assert_eq!(imp.imported, 4);
    assert_eq!(imp.rejected.len(), 5);
    assert_eq!(imp.imported + imp.rejected.len(), imp.rows);
    let by_reason = imp.rejected_by_reason();
    assert_eq!(by_reason["catalogue.no_code"], 1);
    assert_eq!(by_reason["catalogue.no_name"], 1);
    assert_eq!(by_reason["catalogue.bad_date"], 1);
    assert_eq!(by_reason["catalogue.interval"], 1);
    assert_eq!(by_reason["catalogue.bad_code"], 1);
    // Row numbers are the file's (the header is row 1, the blank row counts).
    let no_code = imp
        .rejected
        .iter()
        .find(|r| r.reason == "catalogue.no_code")
        .unwrap();
    assert_eq!(no_code.row, 7);
    assert!(imp.rejected.iter().all(|r| !r.message_vi.is_empty()));
    assert_eq!(imp.columns[&Column::Code], "Mã định danh");
    assert_eq!(imp.columns[&Column::Parent], "Đơn vị cấp trên");
    assert_eq!(imp.ignored_columns, ["STT", "Ghi chú"]);
    let f = imp.finding();
    assert_eq!(f.rule, "DOC-04");
    assert_eq!(f.outcome, Outcome::Warning);
    assert!(f.message_vi.contains("5 dòng bị loại"));
}

#[test]
fn doc_04_the_2025_merger_is_expressible() {
    let imp = import_csv(PROVINCE, "thử nghiệm").unwrap();
    let reg = &imp.registry;
    let old = "000.00.00.H10".parse().unwrap();
    assert!(matches!(
        reg.lookup(&old, day(2025, 6, 30)),
        RegistryStatus::Valid { .. }
    ));
    let after = reg.lookup(&old, day(2025, 7, 1));
    assert!(matches!(after, RegistryStatus::Expired { .. }), "{after:?}");
    assert_eq!(
        reg.successor(&old, day(2025, 7, 1))
            .map(|e| e.code.to_string()),
        Some("000.00.00.H29".to_owned())
    );
    let entry = &reg.history(&old)[0];
    assert_eq!(entry.source, "thử nghiệm");
    assert_eq!(entry.valid_to, Some(day(2025, 6, 30)));
}

#[test]
fn doc_03_level_and_parent_disagreements_are_warnings() {
    let imp = import_csv(PROVINCE, "thử nghiệm").unwrap();
    // Row 5: 000.01.31.H29 is a level-3 code under 000.00.31.H29, the row says level 2 under the province.
    let kinds: Vec<(usize, &str)> = imp
        .warnings
        .iter()
        .map(|w| (w.row, w.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (5, "catalogue.level_mismatch"),
            (5, "catalogue.parent_mismatch")
        ]
    );
    assert!(imp.warnings[1].message_vi.contains("000.00.31.H29"));
}

#[test]
fn doc_04_missing_or_duplicate_columns_are_typed_errors() {
    let err = import_csv("Mã;Ghi chú\n000.00.00.G22;x\n", "t").unwrap_err();
    assert_eq!(err.code(), "catalogue.missing_column");
    assert!(err.to_string().contains("name_vi"));
    let err = import_csv("Mã định danh,Mã đơn vị,Tên\n", "t").unwrap_err();
    assert_eq!(err.code(), "catalogue.duplicate_column");
    assert!(err.message_vi().contains("Mã định danh"));
    let err = import_csv("", "t").unwrap_err();
    assert_eq!(err.code(), "catalogue.missing_column");
}

#[test]
fn doc_04_overlapping_records_of_one_code_are_each_rejected_naming_the_other_row() {
    // Rows 2 and 3 overlap (G22 from 01/06/2025 while the first record runs to the end of
    // 2025); rows 5 and 6 too (G12, both open-ended); row 4 is another code and row 7 a later
    // G12 record that would be fine alone but overlaps row 6's open end. Every such row is
    // listed in one run; the others are imported.
    let text = "code,name_vi,valid_from,valid_to\n\
                000.00.00.G22,Văn phòng Chính phủ,,2025-12-31\n\
                000.00.00.G22,Văn phòng Chính phủ,2025-06-01,\n\
                000.00.00.H29,Ủy ban nhân dân thành phố Hà Nội,,\n\
                000.00.00.G12,Bộ Nội vụ,,\n\
                000.00.00.G12,Bộ Nội vụ,2025-03-01,\n\
                000.00.00.G12,Bộ Nội vụ,2026-01-01,2026-12-31\n\
                000.00.00.G09,Bộ Tài chính,,2025-02-28\n\
                000.00.00.G09,Bộ Tài chính,2025-03-01,\n";
    let imp = import_csv(text, "t").unwrap();
    assert_eq!(imp.rows, 8);
    assert_eq!(imp.imported, 3, "{imp:#?}");
    let rows: Vec<usize> = imp.rejected.iter().map(|r| r.row).collect();
    assert_eq!(rows, [2, 3, 5, 6, 7]);
    assert!(imp.rejected.iter().all(|r| r.reason == "catalogue.overlap"));
    assert_eq!(imp.rejected_by_reason().get("catalogue.overlap"), Some(&5));
    let r2 = &imp.rejected[0];
    assert!(r2.message.contains("row 3"), "{}", r2.message);
    assert!(
        r2.message_vi.contains("chồng lấn") && r2.message_vi.contains("dòng 3"),
        "{}",
        r2.message_vi
    );
    assert!(imp.rejected[1].message.contains("row 2"));
    assert_eq!(imp.finding().outcome, Outcome::Warning);
    // What remains is a consistent registry: H29 and both G09 records (which meet, not overlap).
    let codes: Vec<String> = imp
        .registry
        .entries()
        .iter()
        .map(|e| e.code.to_string())
        .collect();
    assert_eq!(codes, ["000.00.00.G09", "000.00.00.G09", "000.00.00.H29"]);
}

#[test]
fn doc_04_quoted_fields_and_comma_files_read_like_the_registry_format() {
    let text = "code,name_vi,name_en,source\n\"000.00.00.G22\",\"Văn phòng Chính phủ, Hà Nội\",Government Office,\"QĐ 1/2026\"\n";
    let imp = import_csv(text, "t").unwrap();
    assert_eq!(imp.imported, 1);
    let e = &imp.registry.entries()[0];
    assert_eq!(e.name_vi, "Văn phòng Chính phủ, Hà Nội");
    assert_eq!(e.name_en.as_deref(), Some("Government Office"));
    assert_eq!(e.source, "QĐ 1/2026");
    assert_eq!(imp.finding().outcome, Outcome::Pass);
}

proptest! {
    /// Whatever the rows hold, the import never panics and every data row is imported or
    /// rejected with a reason.
    #[test]
    fn doc_04_every_row_is_accounted_for(rows in prop::collection::vec(
        prop::collection::vec(prop_oneof![
            Just(String::new()),
            Just("000.00.00.G22".to_owned()),
            Just("000.01.00.G22".to_owned()),
            Just("abc".to_owned()),
            Just("13/02/2026".to_owned()),
            Just("2026-02-30".to_owned()),
            "[a-zA-Zà-ỹ0-9./ ]{0,12}",
        ], 0..6),
        0..20,
    )) {
        let header: Vec<String> = ["Mã định danh", "Tên", "Ngày hiệu lực", "Ngày hết hiệu lực", "Cấp"]
            .iter().map(|s| s.to_string()).collect();
        let numbered: Vec<(usize, Vec<String>)> = rows.into_iter().enumerate().map(|(i, r)| (i + 2, r)).collect();
        let total = numbered.len();
        // Overlapping records are rejected rows, never a failed import.
        let imp = import_table(&header, numbered, "t").unwrap();
        prop_assert_eq!(imp.rows + imp.blank_rows, total);
        prop_assert_eq!(imp.imported + imp.rejected.len(), imp.rows);
        prop_assert_eq!(imp.registry.entries().len(), imp.imported);
    }
}

proptest! {
    /// The rows rejected for an overlap are exactly those whose validity shares a day with
    /// another record of the same code, by the pairwise definition (an open start or end
    /// unbounded); the one-pass sweep of the import is checked against it.
    #[test]
    fn doc_04_overlap_rejections_match_the_pairwise_definition(records in prop::collection::vec(
        (0..3usize, prop::option::of(0..40u32), prop::option::of(0..40u32)),
        0..12,
    )) {
        let codes = ["000.00.00.G22", "000.00.00.G12", "000.00.00.H29"];
        let day = |n: u32| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n.into());
        // Keep the intervals well formed (an inverted one is rejected for another reason).
        let records: Vec<(usize, Option<u32>, Option<u32>)> = records
            .into_iter()
            .map(|(c, f, t)| match (f, t) {
                (Some(f), Some(t)) if t < f => (c, Some(t), Some(f)),
                other => (c, other.0, other.1),
            })
            .collect();
        let header: Vec<String> = ["code", "name_vi", "valid_from", "valid_to"]
            .iter().map(|s| s.to_string()).collect();
        let show = |d: Option<u32>| d.map(|n| day(n).to_string()).unwrap_or_default();
        let rows = records.iter().enumerate().map(|(i, (c, f, t))| {
            (i + 2, vec![codes[*c].to_owned(), "Cơ quan".to_owned(), show(*f), show(*t)])
        });
        let imp = import_table(&header, rows, "t").unwrap();
        let share_a_day = |a: &(usize, Option<u32>, Option<u32>), b: &(usize, Option<u32>, Option<u32>)| {
            a.0 == b.0
                && a.1.unwrap_or(0) <= b.2.unwrap_or(u32::MAX)
                && b.1.unwrap_or(0) <= a.2.unwrap_or(u32::MAX)
        };
        let expected: Vec<usize> = (0..records.len())
            .filter(|&i| (0..records.len()).any(|j| j != i && share_a_day(&records[i], &records[j])))
            .map(|i| i + 2)
            .collect();
        let rejected: Vec<usize> = imp.rejected.iter().map(|r| r.row).collect();
        prop_assert_eq!(&rejected, &expected);
        prop_assert!(imp.rejected.iter().all(|r| r.reason == "catalogue.overlap"));
        prop_assert_eq!(imp.imported, records.len() - expected.len());
    }
}

#[test]
fn doc_04_imported_registry_writes_back_as_the_registry_csv() {
    let imp = import_csv(PROVINCE, "Danh mục \"thử\", 2026").unwrap();
    let csv = imp.registry.to_csv();
    let again = egov_docs::registry::InMemoryRegistry::from_csv(&csv).unwrap();
    assert_eq!(again.entries(), imp.registry.entries());
    assert!(csv.starts_with("code,name_vi,name_en,valid_from,valid_to,replaced_by,source\n"));
}

#[test]
fn doc_04_bare_cr_line_ends_number_rows_as_editors_do() {
    // Old spreadsheets end lines with a bare CR; the rows must still be numbered by line, and the
    // header row's number is never given to a data row (found by fuzzing).
    let text = "Mã định danh;Tên cơ quan\r000.00.00.G22;Văn phòng Chính phủ\r000.00.00;Sai mã\r";
    let imp = import_csv(text, "t").unwrap();
    assert_eq!(imp.header_row, 1);
    assert_eq!(imp.imported, 1);
    assert_eq!(imp.rejected[0].row, 3);
    let crlf = import_csv(&text.replace('\r', "\r\n"), "t").unwrap();
    assert_eq!(crlf.rejected[0].row, 3);
}
