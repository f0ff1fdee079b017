//! The JSON Schemas of `egov platform count|merge|classify|report` and of the platform evidence
//! inputs (NĐ 137/2024/NĐ-CP Đ15–20): the answer types and their [`Entry`] list.

use egov_core::Finding;
use egov_platform_class::csv::Columns;
use egov_platform_class::ingest::Compression;
use egov_platform_class::partial::IdScheme;
use egov_platform_class::{Classification, CountingSummary};
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// The Parquet column mapping a count read (feature `parquet`).
#[cfg(feature = "parquet")]
pub use egov_platform_class::parquet_events::EventColumns;

/// `egov platform count`: the monthly active users counted from an events log (PLAT-01,
/// NĐ 137/2024/NĐ-CP Đ17.1), how the input was read and how long it took.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CountOutput {
    /// The months (distinct active users located in Vietnam, events), the event accounting and
    /// the line accounting (every line not counted, by reason).
    pub counting: CountingSummary,
    /// What the accounting means for the count (PLAT-01): lines not read, events outside
    /// Vietnam or out of range, months missing.
    pub findings: Vec<Finding>,
    /// How the input was read: CSV (compression, columns) or Parquet (files, row groups,
    /// column mapping).
    pub input: CountInput,
    /// The CSV's compression (as `input.compression`); null for Parquet input.
    pub compression: Option<Compression>,
    /// The columns read (as `input.columns`): CSV column positions, or the Parquet column
    /// mapping.
    pub columns: CountColumns,
    /// Worker threads used.
    pub threads: usize,
    /// Seconds the count took (wall clock; varies from run to run).
    pub seconds: f64,
    /// The partial written with `--partial-out`; null without it.
    pub partial: Option<String>,
}

/// An entry of a Parquet dataset folder not read.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParquetSkipped {
    /// The entry's path.
    pub path: String,
    /// Why it was not read.
    pub reason: ParquetSkipReason,
}

/// Why an entry of a Parquet dataset folder is not read.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParquetSkipReason {
    /// Its name starts with `.` or `_`: hidden, a marker or metadata (`_SUCCESS`, `.crc`
    /// checksums, `_metadata`), not data (as pyarrow's dataset discovery skips them).
    Hidden,
    /// A file not named `.parquet`.
    NotParquet,
    /// A symbolic link to a folder: not followed.
    LinkToFolder,
    /// Not a readable file: a broken link, a pipe, a socket.
    Unreadable,
}

/// How `egov platform count` read its input, by format.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum CountInput {
    /// An events CSV (plain, gzip or zstd), from a file or standard input.
    Csv {
        /// How the CSV was compressed (detected from its first bytes).
        compression: Compression,
        /// Where the four columns were found (from the header, or the default order).
        columns: Columns,
    },
    /// Parquet files: one file, or the `.parquet` files of a folder and its partition folders
    /// (feature `parquet`).
    #[cfg(feature = "parquet")]
    Parquet {
        /// How many Parquet files were read.
        files: usize,
        /// Entries of the folder not read, each with why.
        skipped: Vec<ParquetSkipped>,
        /// How many row groups they held.
        row_groups: usize,
        /// Which columns held what (`--columns`, `--timestamp-unit`).
        columns: EventColumns,
    },
}

impl CountInput {
    /// The compression of a CSV input; `None` for Parquet.
    pub fn compression(&self) -> Option<Compression> {
        match self {
            CountInput::Csv { compression, .. } => Some(*compression),
            #[cfg(feature = "parquet")]
            CountInput::Parquet { .. } => None,
        }
    }

    /// The columns read.
    pub fn columns(&self) -> CountColumns {
        match self {
            CountInput::Csv { columns, .. } => CountColumns::Csv(*columns),
            #[cfg(feature = "parquet")]
            CountInput::Parquet { columns, .. } => CountColumns::Parquet(columns.clone()),
        }
    }
}

/// The columns a count read: CSV column positions or a Parquet column mapping.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CountColumns {
    /// CSV: the 0-based positions of the four columns.
    Csv(Columns),
    /// Parquet: the names of the columns (feature `parquet`).
    #[cfg(feature = "parquet")]
    Parquet(EventColumns),
}

/// `egov platform merge`: partial counts made apart, merged into the count of all their events
/// (PLAT-01, NĐ 137/2024/NĐ-CP Đ17.1).
#[derive(Debug, Serialize, JsonSchema)]
pub struct MergeOutput {
    /// The merged months, event accounting and line accounting.
    pub counting: CountingSummary,
    /// What the accounting means for the count (PLAT-01).
    pub findings: Vec<Finding>,
    /// The partial files merged, in the order given.
    pub partials: Vec<String>,
    /// How user ids became keys in every partial (the same for all: XXH3, or keyed under the
    /// platform's salt, named by its id only).
    pub ids: IdScheme,
    /// Shards of the partials.
    pub shards: u32,
    /// The merged partial written with `--out`; null without it.
    pub out: Option<String>,
}

/// `egov platform classify`: the platform's class from twelve monthly counts (PLAT-02…06,
/// NĐ 137/2024/NĐ-CP Đ17).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ClassifyOutput {
    /// The class, the mean of the months, its share of the population, the distances to the
    /// thresholds, the inputs used and the findings.
    pub classification: Classification,
    /// How the counts were made, when they were counted here (`--events`, `--partials`) or
    /// read from a counter's JSON output; absent for counts given as numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counting: Option<CountingSummary>,
}

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Input, "platform-evidence", egov_platform_class::Evidence,
            "Bằng chứng thực hiện nghĩa vụ của nền tảng số trung gian / Intermediary platform obligations evidence (PLAT-13…27)",
            "Read by `--evidence FILE` of `egov platform report` (JSON, or TOML for a .toml file): for each item of the Đ19/Đ20 checklist, whether the owner attests it is met."),
        entry!(Input, "platform-owner-evidence", egov_platform_class::OwnerEvidence,
            "Căn cứ xác định chủ quản nền tảng số / Platform owner evidence (CORE-05, PLAT-07)",
            "Read by `--owner-evidence FILE` of `egov platform report` (JSON, or TOML for a .toml file): what the owner is determined from (Đ15.3)."),
        entry!(Input, "platform-functions", egov_platform_class::FunctionProfile,
            "Chức năng của hệ thống / System functions (PLAT-08)",
            "Read by `--functions FILE` of `egov platform report` (JSON, or TOML for a .toml file): the system's main functions and classes of Đ16.1."),
        entry!(Input, "published-list", egov_platform_class::PublishedList,
            "Danh sách do Bộ công bố / Published list (PLAT-12, egov-published-list/1)",
            "Read by `--published-list FILE` of `egov platform report` (JSON, repeatable): a list of Đ18.4.b platforms or Đ18.4.c measurement tools as recorded on a date."),
        entry!(Input, "platform-partial", egov_platform_class::partial::Partial,
            "Kết quả đếm từng phần / Partial count (PLAT-01)",
            "Read by `egov platform merge FILE…` and `--partials FILE…` of `egov platform classify|report` (JSON; Parquet too); `egov platform count --partial-out FILE.json` writes one."),
        entry!(Output, "platform-count", CountOutput,
            "Số người dùng hoạt động hằng tháng đếm từ nhật ký / Monthly active users counted from events (PLAT-01)",
            "Printed by `egov --json platform count FILE` (CSV, or Parquet with the `parquet` feature)."),
        entry!(Output, "platform-merge", MergeOutput,
            "Gộp các kết quả đếm từng phần / Merged partial counts (PLAT-01)",
            "Printed by `egov --json platform merge FILE…`."),
        entry!(Output, "platform-classify", ClassifyOutput,
            "Phân loại nền tảng số / Platform classification (PLAT-02…06)",
            "Printed by `egov --json platform classify --monthly FILE|--events FILE|--partials FILE…`."),
        entry!(Output, "platform-report", egov_platform_class::PlatformReport,
            "Báo cáo tự phân loại nền tảng số / Platform self-classification report (PLAT-02…27, CORE-05)",
            "Printed by `egov --json platform report --monthly FILE …` (exit 1 when an obligation, the Đ18.2 reporting duty, or the owner or function classification given fails)."),
    ]
}
