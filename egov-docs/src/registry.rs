//! Registries of agency codes with validity intervals (rules DOC-04, A-29).
//!
//! QĐ 28/2018/QĐ-TTg Đ16.1 makes the Ministry (then of Information and Communications) keep the
//! single national list of agency codes and update it when administrative units or
//! organisations change; Đ19.1.c makes ministries and provinces issue codes for their units.
//! The SDK therefore bundles **no truth**: a registry is supplied by the caller through the
//! [`AgencyRegistry`] trait, and a code is checked **as of the document date** (A-29), because
//! codes stop being valid when bodies merge (the 2025 reorganisation merged ministries and
//! provinces).
//!
//! [`InMemoryRegistry`] implements the trait and loads from CSV or JSON. The CSV columns are
//!
//! | column | required | content |
//! |---|---|---|
//! | `code` | yes | the agency code as displayed (`000.00.18.G12`) |
//! | `name_vi` | yes | Vietnamese name, non-empty (stored NFC) |
//! | `name_en` | no | English name |
//! | `valid_from` | no | first valid day, `YYYY-MM-DD`; empty = since before the records |
//! | `valid_to` | no | last valid day (inclusive), `YYYY-MM-DD`; empty = still valid |
//! | `replaced_by` | no | the code that replaced it |
//! | `source` | no | where the row comes from |
//!
//! in any order, with a header row. Fields may be quoted (`"…"`, with `""` for a quote, and
//! commas or line breaks inside); lines starting with `#` are comments; a UTF-8 BOM and CRLF
//! line ends are accepted. Every loading error names the line and column.
//!
//! `data/agency_registry_sample.csv` (and `.json`) is an **illustrative sample**, not the
//! national list: see [`InMemoryRegistry::illustrative_sample`].

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::agency::AgencyCode;
use crate::text::nfc;

/// One registry record: a code, its names, validity interval, successor and source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegistryEntry {
    /// The agency code.
    pub code: AgencyCode,
    /// Vietnamese name (NFC).
    pub name_vi: String,
    /// English name, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// First day the code is valid; `None` = since before the registry's records.
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// Last day the code is valid (inclusive); `None` = still valid.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    /// The code that replaced this one, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<AgencyCode>,
    /// Where the record comes from.
    #[serde(default)]
    pub source: String,
}

impl RegistryEntry {
    /// True when `on` falls inside `[valid_from, valid_to]`.
    pub fn is_valid_on(&self, on: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= on) && self.valid_to.is_none_or(|t| on <= t)
    }
}

/// The status of a code on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RegistryStatus {
    /// Known and valid on that date.
    Valid {
        /// The record valid on that date.
        entry: RegistryEntry,
    },
    /// Known, but only valid from a later date.
    NotYetValid {
        /// The earliest record.
        entry: RegistryEntry,
    },
    /// Known, but expired before that date (see `entry.replaced_by`).
    Expired {
        /// The latest record that ended before the date.
        entry: RegistryEntry,
    },
    /// Not in the registry.
    Unknown,
}

fn basis_d16_1() -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, 16, 1)
}

/// A source of agency codes with validity intervals (DOC-04, QĐ 28/2018/QĐ-TTg Đ16.1 and
/// Đ19.1.c; A-29). Implement [`history`](Self::history) (and
/// [`is_complete`](Self::is_complete) if the registry is authoritative); the other methods have
/// default implementations.
///
/// ```
/// use chrono::NaiveDate;
/// use egov_core::Outcome;
/// use egov_docs::registry::{AgencyRegistry, InMemoryRegistry, RegistryStatus};
/// let reg = InMemoryRegistry::from_csv(
///     "code,name_vi,valid_to,replaced_by\n\
///      000.00.00.H09,UBND tỉnh Bình Dương,2025-06-30,000.00.00.H29\n\
///      000.00.00.H29,UBND Thành phố Hồ Chí Minh,,\n",
/// ).unwrap();
/// let code = "000.00.00.H09".parse().unwrap();
/// let before = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
/// let after = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
/// assert!(matches!(reg.lookup(&code, before), RegistryStatus::Valid { .. }));
/// assert!(matches!(reg.lookup(&code, after), RegistryStatus::Expired { .. }));
/// assert_eq!(reg.check(&code, after).outcome, Outcome::Fail);
/// assert_eq!(reg.successor(&code, after).unwrap().code.as_str(), "000.00.00.H29");
/// ```
pub trait AgencyRegistry {
    /// Every record of `code`, earliest `valid_from` first (empty when unknown).
    fn history(&self, code: &AgencyCode) -> Cow<'_, [RegistryEntry]>;

    /// True when the registry claims to list every code in use, so that an unknown code fails
    /// the check instead of being `Unknown`. Default `false`.
    fn is_complete(&self) -> bool {
        false
    }

    /// The status of `code` on the date `on` (DOC-04, QĐ 28/2018/QĐ-TTg Đ16.1; A-29: a code is
    /// validated as of the document date). `valid_to` is inclusive.
    fn lookup(&self, code: &AgencyCode, on: NaiveDate) -> RegistryStatus {
        let history = self.history(code);
        if let Some(entry) = history.iter().find(|e| e.is_valid_on(on)) {
            return RegistryStatus::Valid {
                entry: entry.clone(),
            };
        }
        let ended = history
            .iter()
            .filter(|e| e.valid_to.is_some_and(|t| t < on))
            .max_by_key(|e| e.valid_to);
        match (ended, history.first()) {
            (Some(entry), _) => RegistryStatus::Expired {
                entry: entry.clone(),
            },
            (None, Some(first)) => RegistryStatus::NotYetValid {
                entry: first.clone(),
            },
            (None, None) => RegistryStatus::Unknown,
        }
    }

    /// The record valid on `on` for `code`, following `replaced_by` from expired codes (at most
    /// 16 steps, so cycles end). `None` when no valid successor is recorded (DOC-04, QĐ
    /// 28/2018/QĐ-TTg Đ16.1 «cập nhật kịp thời mã định danh cơ quan khi có sự thay đổi»; A-29).
    fn successor(&self, code: &AgencyCode, on: NaiveDate) -> Option<RegistryEntry> {
        let mut current = *code;
        for _ in 0..16 {
            match self.lookup(&current, on) {
                RegistryStatus::Valid { entry } => return Some(entry),
                RegistryStatus::Expired { entry } => current = entry.replaced_by?,
                RegistryStatus::NotYetValid { .. } | RegistryStatus::Unknown => return None,
            }
        }
        None
    }

    /// The registry check of `code` on `on` as a finding (DOC-04, QĐ 28/2018/QĐ-TTg Đ16.1;
    /// A-29): `Pass` when known and valid, `Fail` when not yet valid or expired (naming the
    /// replacement), `Unknown` when not in the registry (`Fail` if
    /// [`is_complete`](Self::is_complete)).
    fn check(&self, code: &AgencyCode, on: NaiveDate) -> Finding {
        let status = self.lookup(code, on);
        let day = egov_core::i18n::date_vi;
        let on_vi = day(on);
        let (outcome, en, vi) = match &status {
            RegistryStatus::Valid { entry } => (
                Outcome::Pass,
                format!(
                    "{code} («{}») is in the registry and valid on {on}",
                    entry.name_vi
                ),
                format!(
                    "{code} ({}) có trong danh sách và còn hiệu lực ngày {on_vi}",
                    entry.name_vi
                ),
            ),
            RegistryStatus::NotYetValid { entry } => {
                let from = entry.valid_from.map(|d| d.to_string()).unwrap_or_default();
                let from_vi = entry.valid_from.map(day).unwrap_or_default();
                (
                    Outcome::Fail,
                    format!(
                        "{code} («{}») is not yet valid on {on}: valid from {from}",
                        entry.name_vi
                    ),
                    format!(
                        "{code} ({}) chưa có hiệu lực ngày {on_vi}: hiệu lực từ {from_vi}",
                        entry.name_vi
                    ),
                )
            }
            RegistryStatus::Expired { entry } => {
                let to = entry.valid_to.map(|d| d.to_string()).unwrap_or_default();
                let to_vi = entry.valid_to.map(day).unwrap_or_default();
                let (rep_en, rep_vi) = match entry.replaced_by {
                    Some(r) => {
                        let name = self
                            .successor(&r, on)
                            .filter(|e| e.code == r)
                            .map(|e| e.name_vi);
                        // The official Vietnamese name, quoted in the English message (CORE-06).
                        (
                            name.as_ref().map_or_else(
                                || format!("; replaced by {r}"),
                                |n| format!("; replaced by {r} («{n}»)"),
                            ),
                            name.map_or_else(
                                || format!("; được thay bằng {r}"),
                                |n| format!("; được thay bằng {r} ({n})"),
                            ),
                        )
                    }
                    None => (String::new(), String::new()),
                };
                (
                    Outcome::Fail,
                    format!(
                        "{code} («{}») expired on {to}, before {on}{rep_en}",
                        entry.name_vi
                    ),
                    format!(
                        "{code} ({}) hết hiệu lực từ sau ngày {to_vi}, trước ngày {on_vi}{rep_vi}",
                        entry.name_vi
                    ),
                )
            }
            RegistryStatus::Unknown => (
                if self.is_complete() {
                    Outcome::Fail
                } else {
                    Outcome::Unknown
                },
                format!("{code} is not in the registry"),
                format!("{code} không có trong danh sách mã định danh"),
            ),
        };
        Finding::new("DOC-04", basis_d16_1(), outcome, en, vi)
            .with_field("agency_code")
            .with_evidence(serde_json::json!({
                "code": code,
                "on": on,
                "lookup": status,
            }))
    }
}

/// Where a record came from, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordAt {
    /// A CSV line (1-based).
    Line(usize),
    /// An entry of a JSON file or of a `Vec` (1-based).
    Entry(usize),
}

impl fmt::Display for RecordAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordAt::Line(n) => write!(f, "line {n}"),
            RecordAt::Entry(n) => write!(f, "entry {n}"),
        }
    }
}

/// Why a registry could not be loaded. Lines and columns are 1-based; columns count characters.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// CSV syntax (quotes, line structure).
    #[error("CSV line {line}, column {column}: {message}")]
    Csv {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What is wrong.
        message: &'static str,
    },
    /// A required column is missing from the header.
    #[error("CSV header: required column '{column}' is missing")]
    MissingColumn {
        /// The column.
        column: &'static str,
    },
    /// The header names a column this format does not have.
    #[error("CSV line {line}, column {column}: unknown column '{name}' (expected code, name_vi, name_en, valid_from, valid_to, replaced_by, source)")]
    UnknownColumn {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// The name.
        name: String,
    },
    /// The header names a column twice.
    #[error("CSV line {line}, column {column}: column '{name}' appears twice")]
    DuplicateColumn {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// The name.
        name: String,
    },
    /// A record has a different number of fields than the header.
    #[error("CSV line {line}: {found} field(s), the header has {expected}")]
    FieldCount {
        /// Line.
        line: usize,
        /// Fields in the header.
        expected: usize,
        /// Fields in the record.
        found: usize,
    },
    /// A field's value is invalid.
    #[error("CSV line {line}, column {column} ({field}): {message}")]
    Field {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// Column name.
        field: &'static str,
        /// What is wrong.
        message: String,
        /// What is wrong, in Vietnamese.
        message_vi: String,
    },
    /// JSON syntax or a field's value in a JSON file.
    #[error("JSON line {line}, column {column}: {message}")]
    Json {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An empty Vietnamese name.
    #[error("{at}: {code} has an empty name_vi")]
    EmptyName {
        /// The record.
        at: RecordAt,
        /// Its code.
        code: AgencyCode,
    },
    /// `valid_to` is before `valid_from`.
    #[error("{at}: {code} has valid_to before valid_from")]
    Interval {
        /// The record.
        at: RecordAt,
        /// Its code.
        code: AgencyCode,
    },
    /// A code replaced by itself.
    #[error("{at}: {code} is replaced by itself")]
    SelfReplacement {
        /// The record.
        at: RecordAt,
        /// Its code.
        code: AgencyCode,
    },
    /// Two records of one code overlap in time.
    #[error("{at}: the validity of {code} overlaps the record at {other}")]
    Overlap {
        /// The later record.
        at: RecordAt,
        /// The code.
        code: AgencyCode,
        /// The earlier record.
        other: RecordAt,
    },
}

impl RecordAt {
    /// Where the record is, in Vietnamese (`dòng 3`, `mục 2`).
    pub fn to_vi(&self) -> String {
        match self {
            RecordAt::Line(n) => format!("dòng {n}"),
            RecordAt::Entry(n) => format!("mục {n}"),
        }
    }
}

/// The Vietnamese text of a CSV syntax message of [`RegistryError::Csv`].
fn csv_message_vi(message: &str) -> &'static str {
    match message {
        "quoted field is never closed" => "trường trong dấu ngoặc kép không được đóng",
        "unexpected character after a closing quote" => "có ký tự lạ sau dấu ngoặc kép đóng",
        "quote inside an unquoted field; quote the whole field and double the quote" => {
            "có dấu ngoặc kép trong trường không đặt trong ngoặc kép; hãy đặt cả trường trong ngoặc kép và viết dấu ngoặc kép hai lần"
        }
        _ => "sai cú pháp CSV",
    }
}

impl RegistryError {
    /// The error in Vietnamese (the English text is `Display`): DOC-04, QĐ 28/2018/QĐ-TTg
    /// Đ16.1; validity intervals A-29.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for RegistryError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use RegistryError as E;
        match self {
            E::Csv {
                line,
                column,
                message,
            } => egov_core::args!(
                line = line,
                column = column,
                message = csv_message_vi(message)
            ),
            E::MissingColumn { column } => egov_core::args!(column = *column),
            E::UnknownColumn { line, column, name } | E::DuplicateColumn { line, column, name } => {
                egov_core::args!(line = line, column = column, name = name)
            }
            E::FieldCount {
                line,
                expected,
                found,
            } => {
                egov_core::args!(line = line, expected = expected, found = found)
            }
            E::Field {
                line,
                column,
                field,
                message_vi,
                ..
            } => egov_core::args!(
                line = line,
                column = column,
                field = *field,
                message = message_vi
            ),
            E::Json { line, column, .. } => egov_core::args!(line = line, column = column),
            E::EmptyName { at, code }
            | E::Interval { at, code }
            | E::SelfReplacement { at, code } => {
                egov_core::args!(at = at.to_vi(), code = code.to_string())
            }
            E::Overlap { at, code, other } => egov_core::args!(
                at = at.to_vi(),
                code = code.to_string(),
                other = other.to_vi()
            ),
        }
    }
}

impl ErrorCode for RegistryError {
    fn code(&self) -> &'static str {
        match self {
            RegistryError::Csv { .. } => "registry.csv_syntax",
            RegistryError::MissingColumn { .. } => "registry.missing_column",
            RegistryError::UnknownColumn { .. } => "registry.unknown_column",
            RegistryError::DuplicateColumn { .. } => "registry.duplicate_column",
            RegistryError::FieldCount { .. } => "registry.field_count",
            RegistryError::Field { .. } => "registry.invalid_field",
            RegistryError::Json { .. } => "registry.json",
            RegistryError::EmptyName { .. } => "registry.empty_name",
            RegistryError::Interval { .. } => "registry.interval",
            RegistryError::SelfReplacement { .. } => "registry.self_replacement",
            RegistryError::Overlap { .. } => "registry.overlap",
        }
    }
}

/// An in-memory [`AgencyRegistry`], loadable from CSV or JSON (DOC-04, A-29).
///
/// Serialized as `{"description": …, "complete": false, "entries": [RegistryEntry, …]}`, the
/// JSON file format of [`from_json`](Self::from_json).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RegistryFile", into = "RegistryFile")]
pub struct InMemoryRegistry {
    /// Sorted by (code, valid_from).
    entries: Vec<RegistryEntry>,
    complete: bool,
    description: Option<String>,
}

/// The JSON file format.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct RegistryFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default)]
    complete: bool,
    entries: Vec<RegistryEntry>,
}

impl TryFrom<RegistryFile> for InMemoryRegistry {
    type Error = RegistryError;
    fn try_from(f: RegistryFile) -> Result<Self, Self::Error> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        let mut reg = InMemoryRegistry::new(f.entries).inspect_err(|e| {
            egov_core::i18n::carry(e);
        })?;
        reg.complete = f.complete;
        reg.description = f.description;
        Ok(reg)
    }
}

impl From<InMemoryRegistry> for RegistryFile {
    fn from(r: InMemoryRegistry) -> Self {
        RegistryFile {
            description: r.description,
            complete: r.complete,
            entries: r.entries,
        }
    }
}

const SAMPLE_CSV: &str = include_str!("../data/agency_registry_sample.csv");

impl InMemoryRegistry {
    /// A registry of `entries` (not complete), validated: non-empty names, `valid_to` not
    /// before `valid_from`, no self-replacement, no overlapping records of one code. Names are
    /// stored NFC. Errors name the entry (1-based).
    pub fn new(entries: Vec<RegistryEntry>) -> Result<Self, RegistryError> {
        let at: Vec<RecordAt> = (1..=entries.len()).map(RecordAt::Entry).collect();
        Self::validated(entries, at)
    }

    pub(crate) fn validated(
        mut entries: Vec<RegistryEntry>,
        at: Vec<RecordAt>,
    ) -> Result<Self, RegistryError> {
        for (e, &at) in entries.iter_mut().zip(&at) {
            e.name_vi = nfc(e.name_vi.trim());
            e.name_en = e
                .name_en
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(nfc);
            e.source = nfc(&e.source);
            if e.name_vi.is_empty() {
                return Err(RegistryError::EmptyName { at, code: e.code });
            }
            if let (Some(from), Some(to)) = (e.valid_from, e.valid_to) {
                if to < from {
                    return Err(RegistryError::Interval { at, code: e.code });
                }
            }
            if e.replaced_by == Some(e.code) {
                return Err(RegistryError::SelfReplacement { at, code: e.code });
            }
        }
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_key(|&i| entries.get(i).map(|e| (e.code, e.valid_from)));
        let mut sorted = Vec::with_capacity(entries.len());
        let mut sorted_at = Vec::with_capacity(entries.len());
        let mut slots: Vec<Option<RegistryEntry>> = entries.into_iter().map(Some).collect();
        for i in order {
            if let Some(e) = slots.get_mut(i).and_then(Option::take) {
                sorted.push(e);
                sorted_at.push(at.get(i).copied().unwrap_or(RecordAt::Entry(i + 1)));
            }
        }
        for (k, pair) in sorted.windows(2).enumerate() {
            if let [a, b] = pair {
                let disjoint = matches!((a.valid_to, b.valid_from), (Some(t), Some(f)) if t < f);
                if a.code == b.code && !disjoint {
                    let get =
                        |j: usize| sorted_at.get(j).copied().unwrap_or(RecordAt::Entry(j + 1));
                    return Err(RegistryError::Overlap {
                        at: get(k + 1),
                        code: b.code,
                        other: get(k),
                    });
                }
            }
        }
        Ok(InMemoryRegistry {
            entries: sorted,
            complete: false,
            description: None,
        })
    }

    /// Loads the CSV format described in the [module docs](self). Errors name the line and
    /// column (DOC-04 data loading).
    pub fn from_csv(text: &str) -> Result<Self, RegistryError> {
        let records = csv::parse(text)?;
        let mut records = records.into_iter();
        let Some(header) = records.next() else {
            return Err(RegistryError::MissingColumn { column: "code" });
        };
        let columns = csv::columns(&header)?;
        let mut entries = Vec::new();
        let mut at = Vec::new();
        for record in records {
            if record.fields.len() != columns.len() {
                return Err(RegistryError::FieldCount {
                    line: record.line,
                    expected: columns.len(),
                    found: record.fields.len(),
                });
            }
            entries.push(csv::entry(&record, &columns)?);
            at.push(RecordAt::Line(record.line));
        }
        Self::validated(entries, at)
    }

    /// Loads the JSON format `{"description"?, "complete"?, "entries": [...]}` where each entry
    /// has the fields of [`RegistryEntry`]. Syntax and field errors name the line and column;
    /// consistency errors name the entry.
    pub fn from_json(text: &str) -> Result<Self, RegistryError> {
        let file: RegistryFile = serde_json::from_str(text).map_err(|e| RegistryError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        InMemoryRegistry::try_from(file)
    }

    /// **Illustrative sample, not the national list** (`data/agency_registry_sample.csv`): a few
    /// real codes seen in the edXML fixtures and public integrations (Văn phòng Chính phủ
    /// `000.00.00.G22`, Bộ Tài chính `000.00.00.G12`, Tổng cục Thuế `000.00.18.G12`, UBND tỉnh
    /// Nghệ An `000.00.00.H41`, …) and one **illustrative** merge case of the 2025 province
    /// mergers (Bình Dương, valid until 2025-06-30, replaced by Thành phố Hồ Chí Minh). For
    /// examples and tests; real checks need the caller's registry (DOC-04).
    pub fn illustrative_sample() -> Result<Self, RegistryError> {
        let mut reg = Self::from_csv(SAMPLE_CSV)?;
        reg.description =
            Some("Illustrative sample, not the national list of agency codes".to_owned());
        Ok(reg)
    }

    /// Marks the registry as complete (unknown codes then fail the check) or not.
    pub fn with_complete(mut self, complete: bool) -> Self {
        self.complete = complete;
        self
    }

    /// Sets a description (what the registry is, its date and source).
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The description, if any.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The registry in the CSV format of [`from_csv`](Self::from_csv) (a header row, every
    /// column, fields quoted when they hold a comma, a quote or a line break), so that
    /// `from_csv(&r.to_csv())` gives the same records.
    pub fn to_csv(&self) -> String {
        fn field(out: &mut String, s: &str) {
            if s.contains([',', '"', '\n', '\r']) || s.starts_with('#') {
                out.push('"');
                out.push_str(&s.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(s);
            }
        }
        let mut out = String::from("code,name_vi,name_en,valid_from,valid_to,replaced_by,source\n");
        for e in &self.entries {
            let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let cells = [
                e.code.to_string(),
                e.name_vi.clone(),
                e.name_en.clone().unwrap_or_default(),
                date(e.valid_from),
                date(e.valid_to),
                e.replaced_by.map(|c| c.to_string()).unwrap_or_default(),
                e.source.clone(),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                field(&mut out, c);
            }
            out.push('\n');
        }
        out
    }

    /// Every record, sorted by code then `valid_from`.
    pub fn entries(&self) -> &[RegistryEntry] {
        &self.entries
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no records.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl InMemoryRegistry {
    /// DOC-01 (QĐ 28/2018/QĐ-TTg Đ10.2.a: «… có một mã định danh khi tham gia gửi, nhận văn bản
    /// điện tử»): each body has one code. A registry cannot know two bodies are one, so this
    /// looks for the sign of it: two or more codes valid on `on` whose Vietnamese names are the
    /// same (compared without case, diacritics or spacing) under the same parent code. One
    /// finding: `Pass` when there is none, else `Warning` naming each group (equal names are
    /// evidence, not proof: the caller's registry decides).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use egov_core::Outcome;
    /// use egov_docs::registry::InMemoryRegistry;
    /// let reg = InMemoryRegistry::from_csv(
    ///     "code,name_vi\n000.01.31.H29,Sở Tư pháp\n000.02.31.H29,Sở  tư pháp\n000.03.31.H29,Sở Y tế\n",
    /// )?;
    /// let f = reg.check_one_code_per_body(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    /// assert_eq!(f.outcome, Outcome::Warning);
    /// assert_eq!(f.rule, "DOC-01");
    /// assert_eq!(f.evidence.unwrap()["groups"][0]["codes"].as_array().unwrap().len(), 2);
    /// # Ok::<(), egov_docs::registry::RegistryError>(())
    /// ```
    pub fn check_one_code_per_body(&self, on: NaiveDate) -> Finding {
        use std::collections::BTreeMap;
        let mut bodies: BTreeMap<(Option<AgencyCode>, String), Vec<&RegistryEntry>> =
            BTreeMap::new();
        for e in self.entries.iter().filter(|e| e.is_valid_on(on)) {
            bodies
                .entry((e.code.parent(), crate::text::fold(&e.name_vi)))
                .or_default()
                .push(e);
        }
        let groups: Vec<serde_json::Value> = bodies
            .values()
            .filter(|g| g.len() > 1)
            .map(|g| {
                serde_json::json!({
                    "name_vi": g.first().map(|e| e.name_vi.as_str()),
                    "parent": g.first().and_then(|e| e.code.parent()),
                    "codes": g.iter().map(|e| e.code).collect::<Vec<_>>(),
                })
            })
            .collect();
        let valid = self.entries.iter().filter(|e| e.is_valid_on(on)).count();
        let basis = LegalRef::point(Instrument::Qd28_2018, 10, 2, "a");
        let finding = if groups.is_empty() {
            Finding::new(
                "DOC-01",
                basis,
                Outcome::Pass,
                format!("On {on}, no two of the {valid} valid codes name the same body under the same parent: one code per body."),
                format!("Ngày {}, không có hai trong số {valid} mã còn hiệu lực mang cùng tên cơ quan dưới cùng đơn vị cấp trên: mỗi cơ quan, đơn vị có một mã định danh.", egov_core::i18n::date_vi(on)),
            )
        } else {
            let list = groups
                .iter()
                .map(|g| {
                    let codes: Vec<&str> = g["codes"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|c| c.as_str()).collect())
                        .unwrap_or_default();
                    format!(
                        "«{}»: {}",
                        g["name_vi"].as_str().unwrap_or_default(),
                        codes.join(", ")
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            Finding::new(
                "DOC-01",
                basis,
                Outcome::Warning,
                format!("On {on}, {} bodies appear to hold more than one valid code (same name under the same parent): {list}. Each body has one code; check the registry.", groups.len()),
                format!("Ngày {}, {} cơ quan, đơn vị dường như có nhiều hơn một mã định danh còn hiệu lực (cùng tên, cùng đơn vị cấp trên): {list}. Mỗi cơ quan, đơn vị có một mã định danh; cần rà soát danh sách mã.", egov_core::i18n::date_vi(on), groups.len()),
            )
        };
        finding.with_evidence(serde_json::json!({
            "on": on,
            "valid_codes": valid,
            "groups": groups,
        }))
    }
}

impl AgencyRegistry for InMemoryRegistry {
    fn history(&self, code: &AgencyCode) -> Cow<'_, [RegistryEntry]> {
        let start = self.entries.partition_point(|e| e.code < *code);
        let end = self.entries.partition_point(|e| e.code <= *code);
        Cow::Borrowed(self.entries.get(start..end).unwrap_or_default())
    }

    fn is_complete(&self) -> bool {
        self.complete
    }
}

/// A small CSV reader (RFC 4180 quoting, `#` comment lines, BOM, CRLF).
mod csv {
    use chrono::NaiveDate;

    use super::{RegistryEntry, RegistryError};
    use crate::agency::AgencyCode;

    pub(super) struct Field {
        pub value: String,
        pub line: usize,
        pub column: usize,
    }

    pub(super) struct Record {
        pub line: usize,
        pub fields: Vec<Field>,
    }

    struct Cursor<'a> {
        rest: &'a str,
        line: usize,
        column: usize,
    }

    impl Cursor<'_> {
        fn peek(&self) -> Option<char> {
            self.rest.chars().next()
        }

        fn at_line_end(&self) -> bool {
            self.rest.starts_with('\n') || self.rest.starts_with("\r\n")
        }

        fn bump(&mut self) -> Option<char> {
            let c = self.peek()?;
            self.rest = self.rest.get(c.len_utf8()..).unwrap_or_default();
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
            Some(c)
        }

        /// Consumes a line end (`\n` or `\r\n`) if there is one.
        fn line_end(&mut self) -> bool {
            if self.rest.starts_with("\r\n") {
                self.rest = self.rest.get(1..).unwrap_or_default();
            }
            if self.rest.starts_with('\n') {
                self.bump();
                return true;
            }
            false
        }

        fn skip_line(&mut self) {
            while let Some(c) = self.bump() {
                if c == '\n' {
                    break;
                }
            }
        }

        fn error(&self, message: &'static str) -> RegistryError {
            RegistryError::Csv {
                line: self.line,
                column: self.column,
                message,
            }
        }

        fn field(&mut self) -> Result<Field, RegistryError> {
            let (line, column) = (self.line, self.column);
            let mut value = String::new();
            if self.peek() == Some('"') {
                self.bump();
                loop {
                    match self.bump() {
                        None => {
                            return Err(RegistryError::Csv {
                                line,
                                column,
                                message: "quoted field is never closed",
                            })
                        }
                        Some('"') if self.peek() == Some('"') => {
                            self.bump();
                            value.push('"');
                        }
                        Some('"') => break,
                        Some(c) => value.push(c),
                    }
                }
                if !(self.rest.is_empty() || self.at_line_end() || self.peek() == Some(',')) {
                    return Err(self.error("unexpected character after a closing quote"));
                }
            } else {
                while let Some(c) = self.peek() {
                    if c == ',' || self.at_line_end() {
                        break;
                    }
                    if c == '"' {
                        return Err(self.error("quote inside an unquoted field; quote the whole field and double the quote"));
                    }
                    value.push(c);
                    self.bump();
                }
            }
            Ok(Field {
                value,
                line,
                column,
            })
        }
    }

    /// Splits `text` into records.
    pub(super) fn parse(text: &str) -> Result<Vec<Record>, RegistryError> {
        let mut cur = Cursor {
            rest: text.strip_prefix('\u{feff}').unwrap_or(text),
            line: 1,
            column: 1,
        };
        let mut records = Vec::new();
        while !cur.rest.is_empty() {
            if cur.peek() == Some('#') {
                cur.skip_line();
                continue;
            }
            if cur.line_end() {
                continue;
            }
            let line = cur.line;
            let mut fields = Vec::new();
            loop {
                fields.push(cur.field()?);
                if cur.peek() == Some(',') {
                    cur.bump();
                    continue;
                }
                cur.line_end();
                break;
            }
            records.push(Record { line, fields });
        }
        Ok(records)
    }

    pub(super) const COLUMNS: [&str; 7] = [
        "code",
        "name_vi",
        "name_en",
        "valid_from",
        "valid_to",
        "replaced_by",
        "source",
    ];

    /// Maps each header field to its column name.
    pub(super) fn columns(header: &Record) -> Result<Vec<&'static str>, RegistryError> {
        let mut out: Vec<&'static str> = Vec::with_capacity(header.fields.len());
        for f in &header.fields {
            let name = f.value.trim();
            let Some(&known) = COLUMNS.iter().find(|c| **c == name) else {
                return Err(RegistryError::UnknownColumn {
                    line: f.line,
                    column: f.column,
                    name: name.to_owned(),
                });
            };
            if out.contains(&known) {
                return Err(RegistryError::DuplicateColumn {
                    line: f.line,
                    column: f.column,
                    name: name.to_owned(),
                });
            }
            out.push(known);
        }
        for required in ["code", "name_vi"] {
            if !out.contains(&required) {
                return Err(RegistryError::MissingColumn { column: required });
            }
        }
        Ok(out)
    }

    fn field_error(
        f: &Field,
        field: &'static str,
        message: String,
        message_vi: String,
    ) -> RegistryError {
        RegistryError::Field {
            line: f.line,
            column: f.column,
            field,
            message,
            message_vi,
        }
    }

    fn code(f: &Field, name: &'static str) -> Result<AgencyCode, RegistryError> {
        AgencyCode::parse_exact(&f.value)
            .map_err(|e| field_error(f, name, e.to_string(), e.message_vi()))
    }

    fn date(f: &Field, name: &'static str) -> Result<Option<NaiveDate>, RegistryError> {
        if f.value.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&f.value, "%Y-%m-%d")
            .map(Some)
            .map_err(|e| {
                field_error(
                    f,
                    name,
                    format!("'{}' is not a date YYYY-MM-DD ({e})", f.value),
                    format!("«{}» không phải ngày dạng YYYY-MM-DD", f.value),
                )
            })
    }

    /// Builds an entry from a record whose fields match `columns`.
    pub(super) fn entry(
        record: &Record,
        columns: &[&'static str],
    ) -> Result<RegistryEntry, RegistryError> {
        let mut code_value = None;
        let mut name_vi = String::new();
        let mut name_en = None;
        let mut valid_from = None;
        let mut valid_to = None;
        let mut replaced_by = None;
        let mut source = String::new();
        for (f, &name) in record.fields.iter().zip(columns) {
            match name {
                "code" => code_value = Some(code(f, name)?),
                "name_vi" => {
                    if f.value.trim().is_empty() {
                        return Err(field_error(
                            f,
                            name,
                            "the Vietnamese name must not be empty".to_owned(),
                            "tên tiếng Việt không được để trống".to_owned(),
                        ));
                    }
                    name_vi.clone_from(&f.value);
                }
                "name_en" => name_en = Some(f.value.clone()),
                "valid_from" => valid_from = date(f, name)?,
                "valid_to" => valid_to = date(f, name)?,
                "replaced_by" if !f.value.is_empty() => replaced_by = Some(code(f, name)?),
                "source" => source.clone_from(&f.value),
                _ => {}
            }
        }
        Ok(RegistryEntry {
            code: code_value.ok_or(RegistryError::MissingColumn { column: "code" })?,
            name_vi,
            name_en,
            valid_from,
            valid_to,
            replaced_by,
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn code(s: &str) -> AgencyCode {
        s.parse().unwrap()
    }

    #[test]
    fn doc_04_sample_loads_and_holds_real_codes() {
        let reg = InMemoryRegistry::illustrative_sample().unwrap();
        assert!(reg.description().unwrap().contains("not the national list"));
        let on = d(2024, 1, 1);
        for (c, name) in [
            ("000.00.00.G22", "Văn phòng Chính phủ"),
            ("000.00.00.G12", "Bộ Tài chính"),
            ("000.00.18.G12", "Tổng cục Thuế"),
            ("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An"),
        ] {
            match reg.lookup(&code(c), on) {
                RegistryStatus::Valid { entry } => assert_eq!(entry.name_vi, name),
                other => panic!("{c}: {other:?}"),
            }
            assert_eq!(reg.check(&code(c), on).outcome, Outcome::Pass);
        }
        // The JSON sample is the same registry.
        let json = include_str!("../data/agency_registry_sample.json");
        let from_json = InMemoryRegistry::from_json(json).unwrap();
        assert_eq!(from_json.entries(), reg.entries());
    }

    #[test]
    fn a_29_merged_province_expires_and_names_its_successor() {
        let reg = InMemoryRegistry::illustrative_sample().unwrap();
        let binh_duong = code("000.00.00.H09");
        assert!(matches!(
            reg.lookup(&binh_duong, d(2025, 6, 30)),
            RegistryStatus::Valid { .. }
        ));
        let f = reg.check(&binh_duong, d(2025, 7, 1));
        assert_eq!(f.outcome, Outcome::Fail);
        assert_eq!(f.rule, "DOC-04");
        assert!(
            f.message.contains("replaced by 000.00.00.H29"),
            "{}",
            f.message
        );
        assert!(f.message.contains("Hồ Chí Minh"), "{}", f.message);
        assert_eq!(f.evidence.as_ref().unwrap()["lookup"]["status"], "expired");
        assert_eq!(
            reg.successor(&binh_duong, d(2025, 7, 1)).unwrap().code,
            code("000.00.00.H29")
        );
    }

    #[test]
    fn doc_04_unknown_and_not_yet_valid() {
        let reg = InMemoryRegistry::from_csv(
            "code,name_vi,valid_from\n000.00.00.G22,Văn phòng Chính phủ,2018-09-06\n",
        )
        .unwrap();
        let f = reg.check(&code("000.00.00.G99"), d(2020, 1, 1));
        assert_eq!(f.outcome, Outcome::Unknown);
        let f = reg
            .clone()
            .with_complete(true)
            .check(&code("000.00.00.G99"), d(2020, 1, 1));
        assert_eq!(f.outcome, Outcome::Fail);
        let f = reg.check(&code("000.00.00.G22"), d(2018, 9, 5));
        assert_eq!(f.outcome, Outcome::Fail);
        assert!(f.message.contains("not yet valid"));
        assert!(matches!(
            reg.lookup(&code("000.00.00.G22"), d(2018, 9, 6)),
            RegistryStatus::Valid { .. }
        ));
    }

    #[test]
    fn doc_04_reused_code_history() {
        let reg = InMemoryRegistry::from_csv(
            "code,name_vi,valid_from,valid_to\n\
             000.00.00.H29,B,2025-07-01,\n\
             000.00.00.H29,A,,2025-06-30\n",
        )
        .unwrap();
        let h = code("000.00.00.H29");
        assert_eq!(reg.history(&h).len(), 2);
        let name = |on| match reg.lookup(&h, on) {
            RegistryStatus::Valid { entry } => entry.name_vi,
            other => panic!("{other:?}"),
        };
        assert_eq!(name(d(2020, 1, 1)), "A");
        assert_eq!(name(d(2025, 7, 1)), "B");
        assert!(reg.history(&code("000.00.00.H28")).is_empty());
    }

    #[test]
    fn csv_quoting_comments_bom_and_crlf() {
        let text = "\u{feff}# comment, with \"quotes\"\r\n\
                    source,code,name_vi,name_en\r\n\
                    \r\n\
                    \"a, \"\"quoted\"\"\nsource\",000.00.00.G22,\"Văn phòng Chính phủ\",Government Office\r\n\
                    x,000.00.00.G12,Bộ Tài chính,\r\n";
        let reg = InMemoryRegistry::from_csv(text).unwrap();
        assert_eq!(reg.len(), 2);
        let g22 = reg.history(&code("000.00.00.G22"));
        assert_eq!(g22[0].source, "a, \"quoted\"\nsource");
        assert_eq!(g22[0].name_en.as_deref(), Some("Government Office"));
        assert_eq!(reg.history(&code("000.00.00.G12"))[0].name_en, None);
    }

    #[test]
    fn csv_errors_name_line_and_column() {
        let cases: &[(&str, &str, usize, usize)] = &[
            (
                "code,name_vi\n000.00.00.G22,\"abc\n",
                "registry.csv_syntax",
                2,
                15,
            ),
            (
                "code,name_vi\n000.00.00.G22,\"abc\"x\n",
                "registry.csv_syntax",
                2,
                20,
            ),
            (
                "code,name_vi\n000.00.00.G22,ab\"c\n",
                "registry.csv_syntax",
                2,
                17,
            ),
            ("code,nam_vi\n", "registry.unknown_column", 1, 6),
            ("code,name_vi,code\n", "registry.duplicate_column", 1, 14),
            (
                "code,name_vi\n000.00.00.g22,X\n",
                "registry.invalid_field",
                2,
                1,
            ),
            (
                "name_vi,code\nX,28.22.H17\n",
                "registry.invalid_field",
                2,
                3,
            ),
            (
                "code,name_vi,valid_to\n000.00.00.G22,X,2025-02-30\n",
                "registry.invalid_field",
                2,
                17,
            ),
            (
                "code,name_vi\n000.00.00.G22,\n",
                "registry.invalid_field",
                2,
                15,
            ),
        ];
        for (text, expected, line, column) in cases {
            let e = InMemoryRegistry::from_csv(text).unwrap_err();
            assert_eq!(e.code(), *expected, "{text:?}: {e}");
            let (l, c) = match &e {
                RegistryError::Csv { line, column, .. }
                | RegistryError::UnknownColumn { line, column, .. }
                | RegistryError::DuplicateColumn { line, column, .. }
                | RegistryError::Field { line, column, .. } => (*line, *column),
                other => panic!("{other:?}"),
            };
            assert_eq!((l, c), (*line, *column), "{text:?}: {e}");
            assert!(e.to_string().contains(&format!("line {line}")), "{e}");
        }
        let e = InMemoryRegistry::from_csv("name_vi\nX\n").unwrap_err();
        assert_eq!(e, RegistryError::MissingColumn { column: "code" });
        let e = InMemoryRegistry::from_csv("code,name_vi\n000.00.00.G22\n").unwrap_err();
        assert_eq!(
            e,
            RegistryError::FieldCount {
                line: 2,
                expected: 2,
                found: 1
            }
        );
        let e = InMemoryRegistry::from_csv(
            "code,name_vi,valid_from,valid_to\n000.00.00.G22,X,2020-01-02,2020-01-01\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: 000.00.00.G22 has valid_to before valid_from"
        );
        let e = InMemoryRegistry::from_csv(
            "code,name_vi,valid_from,valid_to\n000.00.00.G22,X,,2020-01-01\n000.00.00.G22,Y,2019-06-01,\n",
        )
        .unwrap_err();
        assert_eq!(
            e,
            RegistryError::Overlap {
                at: RecordAt::Line(3),
                code: code("000.00.00.G22"),
                other: RecordAt::Line(2)
            }
        );
        let e =
            InMemoryRegistry::from_csv("code,name_vi,replaced_by\n000.00.00.G22,X,000.00.00.G22\n")
                .unwrap_err();
        assert_eq!(e.code(), "registry.self_replacement");
    }

    #[test]
    fn json_errors_name_line_and_column() {
        let e = InMemoryRegistry::from_json(
            "{\"entries\": [\n  {\"code\": \"28.22.H17\", \"name_vi\": \"X\"}\n]}",
        )
        .unwrap_err();
        match &e {
            RegistryError::Json { line, message, .. } => {
                assert_eq!(*line, 2);
                assert!(message.contains("agency_code.group_count"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let e = InMemoryRegistry::from_json(
            "{\"entries\": [{\"code\": \"000.00.00.G22\", \"name_vi\": \" \"}]}",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "entry 1: 000.00.00.G22 has an empty name_vi");
        assert_eq!(
            InMemoryRegistry::from_json("[").unwrap_err().code(),
            "registry.json"
        );
    }

    #[test]
    fn json_round_trip_and_trait_object() {
        let reg = InMemoryRegistry::illustrative_sample().unwrap();
        let json = serde_json::to_string(&reg).unwrap();
        let back = InMemoryRegistry::from_json(&json).unwrap();
        assert_eq!(back, reg);
        let dynamic: &dyn AgencyRegistry = &reg;
        assert_eq!(
            dynamic.check(&code("000.00.00.G22"), d(2025, 1, 1)).outcome,
            Outcome::Pass
        );
    }

    proptest! {
        #[test]
        fn csv_reader_never_panics(s in "[a-z_,\"\\r\\n#0-9. G\u{feff}é-]{0,80}") {
            let _ = InMemoryRegistry::from_csv(&s);
            let _ = InMemoryRegistry::from_csv(&format!("code,name_vi,source\n{s}"));
        }

        #[test]
        fn csv_quoted_values_round_trip(name in "\\PC{1,20}", source in "[^\u{0}]{0,30}") {
            prop_assume!(!name.trim().is_empty());
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let text = format!("code,name_vi,source\n000.00.00.G22,{},{}\n", q(&name), q(&source));
            let reg = InMemoryRegistry::from_csv(&text).unwrap();
            let e = &reg.entries()[0];
            prop_assert_eq!(&e.name_vi, &nfc(name.trim()));
            prop_assert_eq!(&e.source, &nfc(&source));
        }
    }
}
