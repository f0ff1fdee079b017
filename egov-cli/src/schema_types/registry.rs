//! The JSON Schemas of `egov registry import|check`: the answer types and their [`Entry`] list.
//! The registry file both commands write and read has its input schema in the base list
//! (`input/registry`); the catalogues `import` reads are CSV or spreadsheets, not JSON.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egov_core::Finding;
use egov_docs::catalogue::{Column, RejectedRow, RowWarning};
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// `egov registry import`: a catalogue of agency codes read into egov's registry, every row
/// accounted for (DOC-03, DOC-04; QĐ 28/2018/QĐ-TTg Đ16.1).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ImportOutput {
    /// The catalogue file read.
    pub file: String,
    /// Data rows read (blank rows excluded).
    pub rows: usize,
    /// Blank rows skipped.
    pub blank_rows: usize,
    /// Rows imported into the registry.
    pub imported: usize,
    /// Rows not imported, each with its row number, reason code and message (English and
    /// Vietnamese).
    pub rejected: Vec<RejectedRow>,
    /// How many rows were rejected for each reason code (`catalogue.no_code`,
    /// `catalogue.bad_code`, …).
    pub rejected_by_reason: BTreeMap<String, usize>,
    /// Rows imported with a disagreement worth a look (level or parent not matching the code).
    pub warnings: Vec<RowWarning>,
    /// Which header each registry field was read from (`code` → «Mã định danh», …).
    pub columns: BTreeMap<Column, String>,
    /// Headers that map to no registry field (their values are not imported).
    pub ignored_columns: Vec<String>,
    /// The row the header was found on (1-based).
    pub header_row: usize,
    /// Rows above the header (a title, a blank line): not data.
    pub rows_above_header: usize,
    /// The import as one finding (DOC-04): a pass when every data row was imported without a
    /// warning, else a warning.
    pub finding: Finding,
    /// The registry written with `--out`; null without it.
    pub out: Option<String>,
}

/// `egov registry check`: a registry as of a date (DOC-01, QĐ 28/2018/QĐ-TTg Đ10.2.a).
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckOutput {
    /// The registry file read.
    pub file: String,
    /// Records in the registry (valid or not on the date).
    pub records: usize,
    /// The date the registry was checked on.
    pub as_of: NaiveDate,
    /// Codes valid on that date.
    pub valid_codes: usize,
    /// The one-code-per-body check (DOC-01): a pass, or a warning listing the bodies that appear
    /// to hold more than one valid code (same name under the same parent).
    pub findings: Vec<Finding>,
}

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Output, "registry-import", ImportOutput,
            "Nhập danh mục mã định danh cơ quan / Agency catalogue import (DOC-03, DOC-04)",
            "Printed by `egov --json registry import FILE [--sheet NAME --source TEXT --out FILE]` (exit 1 when a row was rejected)."),
        entry!(Output, "registry-check", CheckOutput,
            "Kiểm tra danh mục mã định danh / Agency registry check (DOC-01)",
            "Printed by `egov --json registry check FILE [--as-of DATE]`."),
    ]
}
