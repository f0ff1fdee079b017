//! Importing an agency catalogue as agencies hold it (rule DOC-04; choice A-29): the CSV or
//! spreadsheet exports of the national and provincial lists of agency codes, with the columns
//! they use, into an [`InMemoryRegistry`] — every row accounted for.
//!
//! QĐ 28/2018/QĐ-TTg Đ16.1 gives the Ministry the single national list; Đ19.1.c has ministries
//! and provinces issue codes for their units. Those lists circulate as spreadsheets whose
//! headers are Vietnamese («Mã định danh», «Tên cơ quan, đơn vị», «Cấp», «Đơn vị cấp trên»,
//! «Ngày hiệu lực», …). [`import_table`] maps such headers ([`Column::aliases`], compared without
//! case, diacritics or spacing) to the registry's fields and reads every row:
//!
//! * a row with a usable code and name is **imported**; dates are read as officers write them
//!   (`13/02/2026`, `2026/02/13`, ISO: [`egov_core::time::parse_date`]);
//! * a row that cannot be (no code, a malformed code, no name, an impossible date, a validity
//!   that ends before it starts, a code replaced by itself) is **rejected** with its row number
//!   and reason — never dropped silently; blank rows are counted;
//! * a row whose «Cấp» (level) or «Đơn vị cấp trên» (parent code) disagrees with its code
//!   (DOC-03) is imported with a **warning** naming both;
//! * the 2025 mergers are expressible: an old code with «Ngày hết hiệu lực» and «Mã thay thế»,
//!   its successor with «Ngày hiệu lực» from the next day. Records of one code whose validities
//!   overlap are each **rejected** (`catalogue.overlap`), naming a row they overlap: the registry
//!   would not say which of them holds, and one run lists every such row.
//!
//! egov ships no catalogue: [`InMemoryRegistry::illustrative_sample`] is a sample, and a real
//! list is the caller's, with its source recorded in each entry.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};

use crate::agency::{AgencyCode, AgencyProfile};
use crate::registry::{InMemoryRegistry, RecordAt, RegistryEntry, RegistryError};
use crate::text::fold;

/// A registry field a catalogue column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The agency code (required).
    Code,
    /// The Vietnamese name (required).
    NameVi,
    /// The English name.
    NameEn,
    /// The level 1–4, checked against the code.
    Level,
    /// The parent unit's code, checked against the code.
    Parent,
    /// First valid day.
    ValidFrom,
    /// Last valid day (inclusive).
    ValidTo,
    /// The successor code.
    ReplacedBy,
    /// Where the row comes from.
    Source,
}

impl Column {
    /// Every column, in the order of the canonical CSV.
    pub const ALL: [Column; 9] = [
        Column::Code,
        Column::NameVi,
        Column::NameEn,
        Column::Level,
        Column::Parent,
        Column::ValidFrom,
        Column::ValidTo,
        Column::ReplacedBy,
        Column::Source,
    ];

    /// The headers recognised for this column, folded (lower case, no diacritics, single
    /// spaces): the registry's own name and the Vietnamese headers of catalogue exports.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Code => &[
                "code",
                "ma dinh danh",
                "ma dinh danh co quan",
                "ma dinh danh co quan, to chuc",
                "ma dinh danh don vi",
                "ma co quan",
                "ma don vi",
                "ma",
            ],
            Column::NameVi => &[
                "name_vi",
                "ten co quan",
                "ten co quan, to chuc",
                "ten co quan, don vi",
                "ten don vi",
                "ten to chuc",
                "ten",
                "ten tieng viet",
            ],
            Column::NameEn => &["name_en", "ten tieng anh", "ten giao dich tieng anh"],
            Column::Level => &["level", "cap", "cap ma", "cap don vi"],
            Column::Parent => &[
                "parent",
                "don vi cha",
                "ma don vi cha",
                "don vi cap tren",
                "ma don vi cap tren",
                "ma cap tren",
                "co quan chu quan",
                "ma co quan chu quan",
            ],
            Column::ValidFrom => &[
                "valid_from",
                "ngay hieu luc",
                "hieu luc tu",
                "hieu luc tu ngay",
                "tu ngay",
                "ngay bat dau",
            ],
            Column::ValidTo => &[
                "valid_to",
                "ngay het hieu luc",
                "hieu luc den",
                "hieu luc den ngay",
                "den ngay",
                "ngay ket thuc",
            ],
            Column::ReplacedBy => &[
                "replaced_by",
                "ma thay the",
                "ma moi",
                "ma ke thua",
                "thay the boi",
            ],
            Column::Source => &["source", "nguon", "can cu", "van ban can cu"],
        }
    }

    /// The column's name in the canonical CSV (`code`, `name_vi`, …).
    pub fn as_str(self) -> &'static str {
        self.aliases()[0]
    }

    fn from_header(header: &str) -> Option<Column> {
        let folded = fold(header.trim().trim_start_matches('\u{feff}'));
        let folded = folded.trim_end_matches([':', '*']).trim();
        Column::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&folded))
    }
}

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RejectedRow {
    /// The row number in the source (1-based, the header row included).
    pub row: usize,
    /// A stable reason code (`catalogue.no_code`, `catalogue.bad_code`, …).
    pub reason: String,
    /// What went wrong, in English.
    pub message: String,
    /// What went wrong, in Vietnamese.
    pub message_vi: String,
}

/// A row imported with a disagreement worth a look (DOC-03).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RowWarning {
    /// The row number in the source (1-based, the header row included).
    pub row: usize,
    /// The code of the row.
    pub code: AgencyCode,
    /// A stable code (`catalogue.level_mismatch`, `catalogue.parent_mismatch`).
    pub kind: String,
    /// What disagrees, in English.
    pub message: String,
    /// What disagrees, in Vietnamese.
    pub message_vi: String,
}

/// The result of an import: the registry and the account of every row.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueImport {
    /// The registry of the imported rows.
    pub registry: InMemoryRegistry,
    /// Which header each field was read from.
    pub columns: BTreeMap<Column, String>,
    /// Headers that map to no field (their values are not imported).
    pub ignored_columns: Vec<String>,
    /// The row the header was found on (1-based; 0 when the caller gave the header).
    pub header_row: usize,
    /// Rows above the header (a title, a blank line), not data.
    pub rows_above_header: usize,
    /// Data rows read (blank rows excluded).
    pub rows: usize,
    /// Blank rows skipped.
    pub blank_rows: usize,
    /// Rows imported.
    pub imported: usize,
    /// Rows not imported, with their reasons.
    pub rejected: Vec<RejectedRow>,
    /// Rows imported with a warning.
    pub warnings: Vec<RowWarning>,
}

impl CatalogueImport {
    /// Rejected rows counted by reason code.
    pub fn rejected_by_reason(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for r in &self.rejected {
            *out.entry(r.reason.as_str()).or_insert(0) += 1;
        }
        out
    }

    /// The import as one finding (DOC-04, QĐ 28/2018/QĐ-TTg Đ16.1): `Pass` when every data row
    /// was imported without a warning, `Warning` when some rows were rejected or disagree
    /// (the counts by reason in the evidence).
    pub fn finding(&self) -> Finding {
        let rejected = self.rejected.len();
        let warned = self.warnings.len();
        let outcome = if rejected == 0 && warned == 0 {
            Outcome::Pass
        } else {
            Outcome::Warning
        };
        Finding::new(
            "DOC-04",
            LegalRef::clause(Instrument::Qd28_2018, 16, 1),
            outcome,
            format!(
                "{} of {} rows imported; {rejected} rejected, {warned} with a warning, {} blank",
                self.imported, self.rows, self.blank_rows
            ),
            format!(
                "Đã nhập {} trong {} dòng; {rejected} dòng bị loại, {warned} dòng có cảnh báo, {} dòng trống",
                self.imported, self.rows, self.blank_rows
            ),
        )
        .with_evidence(serde_json::json!({
            "rows": self.rows,
            "imported": self.imported,
            "blank_rows": self.blank_rows,
            "rejected_by_reason": self.rejected_by_reason(),
            "warnings": warned,
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
            "header_row": self.header_row,
            "rows_above_header": self.rows_above_header,
        }))
    }
}

/// Why a catalogue could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// A required column (code or Vietnamese name) has no header.
    #[error(
        "no column for {column}: the header row has {headers:?}; expected one of {expected:?}"
    )]
    MissingColumn {
        /// The field.
        column: &'static str,
        /// The headers found.
        headers: Vec<String>,
        /// The headers recognised for it.
        expected: &'static [&'static str],
    },
    /// Two headers map to the same field.
    #[error("columns '{first}' and '{second}' both hold {column}")]
    DuplicateColumn {
        /// The field.
        column: &'static str,
        /// The first header.
        first: String,
        /// The second header.
        second: String,
    },
    /// The CSV text could not be read.
    #[error("CSV row {row}: {message}")]
    Csv {
        /// The row (1-based).
        row: usize,
        /// What went wrong.
        message: String,
    },
    /// The imported rows make an inconsistent registry (two records of one code overlap).
    #[error(transparent)]
    Registry(#[from] RegistryError),
}

impl CatalogueError {
    /// The error in Vietnamese (the English text is `Display`): DOC-04.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for CatalogueError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            CatalogueError::MissingColumn {
                column,
                headers,
                expected,
            } => {
                let quoted = |names: &mut dyn Iterator<Item = &str>| {
                    names
                        .map(egov_core::i18n::quote_vi)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                egov_core::args!(
                    column = *column,
                    headers = quoted(&mut headers.iter().map(String::as_str)),
                    expected = quoted(&mut expected.iter().copied())
                )
            }
            CatalogueError::DuplicateColumn {
                column,
                first,
                second,
            } => {
                egov_core::args!(column = *column, first = first, second = second)
            }
            CatalogueError::Csv { row, message } => egov_core::args!(row = row, message = message),
            CatalogueError::Registry(e) => egov_core::Localize::message_args(e),
        }
    }
}

impl ErrorCode for CatalogueError {
    fn code(&self) -> &'static str {
        match self {
            CatalogueError::MissingColumn { .. } => "catalogue.missing_column",
            CatalogueError::DuplicateColumn { .. } => "catalogue.duplicate_column",
            CatalogueError::Csv { .. } => "catalogue.csv",
            CatalogueError::Registry(e) => e.code(),
        }
    }
}

/// Imports a table: `header` and the data rows with their 1-based row numbers (the header is
/// usually row 1). `source` is recorded in each entry that has no source column value. See the
/// [module docs](self).
pub fn import_table(
    header: &[String],
    rows: impl IntoIterator<Item = (usize, Vec<String>)>,
    source: &str,
) -> Result<CatalogueImport, CatalogueError> {
    let mut columns: BTreeMap<Column, (usize, String)> = BTreeMap::new();
    let mut ignored_columns = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) => {
                if let Some((_, first)) = columns.get(&c) {
                    return Err(CatalogueError::DuplicateColumn {
                        column: c.as_str(),
                        first: first.clone(),
                        second: h.clone(),
                    });
                }
                columns.insert(c, (i, h.clone()));
            }
            None if h.trim().is_empty() => {}
            None => ignored_columns.push(h.clone()),
        }
    }
    for required in [Column::Code, Column::NameVi] {
        if !columns.contains_key(&required) {
            return Err(CatalogueError::MissingColumn {
                column: required.as_str(),
                headers: header.to_vec(),
                expected: required.aliases(),
            });
        }
    }
    let mut out = CatalogueImport {
        registry: InMemoryRegistry::new(Vec::new())?,
        columns: columns.iter().map(|(c, (_, h))| (*c, h.clone())).collect(),
        ignored_columns,
        header_row: 0,
        rows_above_header: 0,
        rows: 0,
        blank_rows: 0,
        imported: 0,
        rejected: Vec::new(),
        warnings: Vec::new(),
    };
    let mut entries = Vec::new();
    let mut at = Vec::new();
    for (row, fields) in rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            out.blank_rows += 1;
            continue;
        }
        out.rows += 1;
        let get = |c: Column| -> &str {
            columns
                .get(&c)
                .and_then(|(i, _)| fields.get(*i))
                .map_or("", |s| s.trim())
        };
        match read_row(row, &get, source) {
            Ok((entry, warnings)) => {
                out.warnings.extend(warnings);
                entries.push(entry);
                at.push(RecordAt::Line(row));
            }
            Err(rejected) => out.rejected.push(rejected),
        }
    }
    let (entries, at) = reject_overlaps(entries, at, &mut out.rejected);
    out.rejected.sort_by_key(|r| r.row);
    out.imported = entries.len();
    out.registry = InMemoryRegistry::validated(entries, at)?;
    Ok(out)
}

/// Takes out every record whose validity overlaps another record of the same code (the registry
/// would not say which of them holds on a shared day, DOC-04/A-29) and rejects it naming a row
/// it overlaps, so one run lists every such row. Records are `(code, valid_from)`-sorted and
/// swept once: a record overlaps a later one when it ends on or after the next one starts, an
/// earlier one when it starts on or before the latest end so far (an open start or end is
/// unbounded, as in [`InMemoryRegistry::new`]).
fn reject_overlaps(
    entries: Vec<RegistryEntry>,
    at: Vec<RecordAt>,
    rejected: &mut Vec<RejectedRow>,
) -> (Vec<RegistryEntry>, Vec<RecordAt>) {
    let row = |i: usize| match at.get(i) {
        Some(RecordAt::Line(n) | RecordAt::Entry(n)) => *n,
        None => 0,
    };
    // `a` ends before `b` starts (`a` sorted first).
    let before = |a: &RegistryEntry, b: &RegistryEntry| matches!((a.valid_to, b.valid_from), (Some(t), Some(f)) if t < f);
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries.get(i).map(|e| (e.code, e.valid_from)));
    // For each record, a row it overlaps.
    let mut overlaps: Vec<Option<usize>> = vec![None; entries.len()];
    // The record of this code seen so far that ends last.
    let mut latest: Option<usize> = None;
    for (k, &i) in order.iter().enumerate() {
        let Some(e) = entries.get(i) else { continue };
        let latest_here = latest.filter(|&l| entries.get(l).is_some_and(|p| p.code == e.code));
        let earlier = latest_here.filter(|&l| entries.get(l).is_some_and(|p| !before(p, e)));
        let later = order.get(k + 1).copied().filter(|&n| {
            entries
                .get(n)
                .is_some_and(|n| n.code == e.code && !before(e, n))
        });
        if let Some(slot) = overlaps.get_mut(i) {
            *slot = earlier.or(later).map(row);
        }
        let ends_later = |l: usize| {
            entries
                .get(l)
                .is_some_and(|p| match (p.valid_to, e.valid_to) {
                    (None, _) => false,
                    (_, None) => true,
                    (Some(a), Some(b)) => b > a,
                })
        };
        latest = match latest_here {
            Some(l) if !ends_later(l) => Some(l),
            _ => Some(i),
        };
    }
    let mut kept = Vec::with_capacity(entries.len());
    let mut kept_at = Vec::with_capacity(entries.len());
    for (i, (e, place)) in entries.into_iter().zip(at.iter().copied()).enumerate() {
        match overlaps.get(i).copied().flatten() {
            Some(other) => rejected.push(overlap_row(row(i), &e, other)),
            None => {
                kept.push(e);
                kept_at.push(place);
            }
        }
    }
    (kept, kept_at)
}

fn overlap_row(row: usize, e: &RegistryEntry, other: usize) -> RejectedRow {
    use egov_core::i18n::date_vi;
    let (en, vi) = match (e.valid_from, e.valid_to) {
        (None, None) => (
            "valid with no start or end".to_owned(),
            "hiệu lực không giới hạn".to_owned(),
        ),
        (Some(f), None) => (
            format!("valid from {f}"),
            format!("hiệu lực từ {}", date_vi(f)),
        ),
        (None, Some(t)) => (
            format!("valid until {t}"),
            format!("hiệu lực đến {}", date_vi(t)),
        ),
        (Some(f), Some(t)) => (
            format!("valid from {f} to {t}"),
            format!("hiệu lực từ {} đến {}", date_vi(f), date_vi(t)),
        ),
    };
    reject(
        row,
        "catalogue.overlap",
        format!(
            "{}: {en}, which overlaps the record of the same code on row {other}: the registry would not say which holds",
            e.code
        ),
        format!(
            "{}: {vi}, chồng lấn bản ghi cùng mã ở dòng {other}: danh mục sẽ không rõ bản ghi nào có hiệu lực",
            e.code
        ),
    )
}

fn reject(row: usize, reason: &str, en: String, vi: String) -> RejectedRow {
    RejectedRow {
        row,
        reason: reason.to_owned(),
        message: en,
        message_vi: vi,
    }
}

fn read_row<'a>(
    row: usize,
    get: &dyn Fn(Column) -> &'a str,
    source: &str,
) -> Result<(RegistryEntry, Vec<RowWarning>), RejectedRow> {
    let code_text = get(Column::Code);
    if code_text.is_empty() {
        return Err(reject(
            row,
            "catalogue.no_code",
            "no agency code".into(),
            "không có mã định danh".into(),
        ));
    }
    let code = AgencyCode::parse_with(code_text, AgencyProfile::LENIENT)
        .map(|p| p.value)
        .map_err(|e| {
            reject(
                row,
                "catalogue.bad_code",
                format!("'{code_text}' is not an agency code: {e}"),
                format!("«{code_text}» không phải mã định danh: {}", e.message_vi()),
            )
        })?;
    let name_vi = get(Column::NameVi);
    if name_vi.is_empty() {
        return Err(reject(
            row,
            "catalogue.no_name",
            format!("{code} has no Vietnamese name"),
            format!("{code} không có tên cơ quan, đơn vị"),
        ));
    }
    let date = |c: Column| -> Result<Option<NaiveDate>, RejectedRow> {
        let text = get(c);
        if text.is_empty() {
            return Ok(None);
        }
        egov_core::time::parse_date(text).map(Some).map_err(|_| {
            reject(
                row,
                "catalogue.bad_date",
                format!(
                    "{}: '{text}' is not a date (dd/mm/yyyy, yyyy-mm-dd or yyyy/mm/dd)",
                    c.as_str()
                ),
                format!(
                    "{}: «{text}» không phải ngày (dd/mm/yyyy, yyyy-mm-dd hoặc yyyy/mm/dd)",
                    c.as_str()
                ),
            )
        })
    };
    let valid_from = date(Column::ValidFrom)?;
    let valid_to = date(Column::ValidTo)?;
    if let (Some(from), Some(to)) = (valid_from, valid_to) {
        if to < from {
            return Err(reject(
                row,
                "catalogue.interval",
                format!("{code}: valid until {to}, before it is valid from {from}"),
                format!(
                    "{code}: hết hiệu lực ngày {}, trước ngày có hiệu lực {}",
                    egov_core::i18n::date_vi(to),
                    egov_core::i18n::date_vi(from)
                ),
            ));
        }
    }
    let replaced_text = get(Column::ReplacedBy);
    let replaced_by = if replaced_text.is_empty() {
        None
    } else {
        let successor = AgencyCode::parse_with(replaced_text, AgencyProfile::LENIENT)
            .map(|p| p.value)
            .map_err(|e| {
                reject(
                    row,
                    "catalogue.bad_code",
                    format!("replaced_by '{replaced_text}' is not an agency code: {e}"),
                    format!(
                        "mã thay thế «{replaced_text}» không phải mã định danh: {}",
                        e.message_vi()
                    ),
                )
            })?;
        if successor == code {
            return Err(reject(
                row,
                "catalogue.self_replacement",
                format!("{code} is replaced by itself"),
                format!("{code} được thay thế bằng chính nó"),
            ));
        }
        Some(successor)
    };
    let mut warnings = Vec::new();
    let level_text = get(Column::Level);
    if !level_text.is_empty() {
        let digits: String = level_text.chars().filter(char::is_ascii_digit).collect();
        if digits.parse::<u8>().ok() != Some(code.level()) {
            warnings.push(RowWarning {
                row,
                code,
                kind: "catalogue.level_mismatch".into(),
                message: format!(
                    "{code} is a level-{} code; the row says level '{level_text}'",
                    code.level()
                ),
                message_vi: format!(
                    "{code} là mã cấp {}; dòng ghi cấp «{level_text}»",
                    code.level()
                ),
            });
        }
    }
    let parent_text = get(Column::Parent);
    if !parent_text.is_empty() {
        // A parent given as a code is checked; a parent given by name is not.
        if let Ok(p) = AgencyCode::parse_with(parent_text, AgencyProfile::LENIENT) {
            if code.parent() != Some(p.value) {
                let expected = code
                    .parent()
                    .map_or_else(|| "none (a level-1 code)".to_owned(), |c| c.to_string());
                warnings.push(RowWarning {
                    row,
                    code,
                    kind: "catalogue.parent_mismatch".into(),
                    message: format!(
                        "the parent of {code} is {expected} by its code; the row says {}",
                        p.value
                    ),
                    message_vi: format!(
                        "theo mã, đơn vị cấp trên của {code} là {expected}; dòng ghi {}",
                        p.value
                    ),
                });
            }
        }
    }
    let source_text = get(Column::Source);
    let entry = RegistryEntry {
        code,
        name_vi: name_vi.to_owned(),
        name_en: Some(get(Column::NameEn).to_owned()).filter(|s| !s.is_empty()),
        valid_from,
        valid_to,
        replaced_by,
        source: if source_text.is_empty() {
            source.to_owned()
        } else {
            source_text.to_owned()
        },
    };
    Ok((entry, warnings))
}

/// How many rows from the top [`import_rows`] looks through for the header.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// True when `row` names at least the code and the Vietnamese name columns.
pub fn is_header_row(row: &[String]) -> bool {
    let found: Vec<Column> = row.iter().filter_map(|h| Column::from_header(h)).collect();
    found.contains(&Column::Code) && found.contains(&Column::NameVi)
}

/// Imports a whole sheet: the header is the first of the top [`HEADER_SEARCH_ROWS`] rows that
/// names the code and name columns ([`is_header_row`]), so a title or a blank line above the
/// table is skipped (and counted); the rows below are data. Rows carry their 1-based numbers.
/// See [`import_table`].
pub fn import_rows(
    rows: Vec<(usize, Vec<String>)>,
    source: &str,
) -> Result<CatalogueImport, CatalogueError> {
    let found = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|(_, r)| is_header_row(r));
    let Some(at) = found else {
        // No header found: report the first row with text as the header that was read.
        let first = rows
            .iter()
            .find(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .map(|(_, r)| r.clone())
            .unwrap_or_default();
        return import_table(&first, Vec::new(), source);
    };
    let mut rows = rows.into_iter();
    let (header_row, header) = rows.nth(at).unwrap_or_default();
    let mut out = import_table(&header, rows, source)?;
    out.header_row = header_row;
    out.rows_above_header = at;
    Ok(out)
}

/// Imports a CSV export (UTF-8, a BOM allowed; CRLF, LF or CR line ends; comma or semicolon separated, as a spreadsheet
/// in a Vietnamese locale writes it: the separator is the one the first line uses more). See
/// [`import_rows`].
pub fn import_csv(text: &str, source: &str) -> Result<CatalogueImport, CatalogueError> {
    let text = text.trim_start_matches('\u{feff}');
    // Line ends as editors count them: CRLF, LF, and the bare CR of old spreadsheets, so the
    // row numbers reported are the lines an officer sees (found by fuzzing: a bare CR put a
    // data row on the header's line number).
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.as_str();
    let head: String = text.lines().take(5).collect();
    let delimiter = if head.matches(';').count() > head.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CatalogueError::Csv {
            row: e.position().map_or(i + 1, |p| p.line() as usize),
            message: e.to_string(),
        })?;
        let row = record.position().map_or(i + 1, |p| p.line() as usize);
        rows.push((row, record.iter().map(str::to_owned).collect()));
    }
    import_rows(rows, source)
}
