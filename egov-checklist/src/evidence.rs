//! What the caller holds: an evidence file (TOML or JSON), one entry per checklist item.
//!
//! ```toml
//! as_of = "2026-03-02"              # evaluation date (default: the caller's "today")
//!
//! [items.d13_2_a_backups]           # the item's id
//! satisfied = true
//! date = "2026-01-15"
//! by = "Trung tâm CNTT, Sở TT&TT"
//! reference = "QĐ 12/QĐ-STTTT ngày 15/01/2026"
//! ```
//!
//! One shape for every kind of evidence: each kind reads the fields it needs (see
//! [`crate::model::EvidenceSpec`]) and says which are missing.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The evidence for a run of one or more checklists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// Evaluation date; `None`: the date the caller passes.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// Who filled it in (kept in the report).
    #[serde(default)]
    pub prepared_by: Option<String>,
    /// Evidence by item id.
    #[serde(default)]
    pub items: BTreeMap<String, Evidence>,
}

/// Evidence for one item. Every field is optional; an item reads those its kind needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Attestation: the duty is met (true) or not (false).
    #[serde(default)]
    pub satisfied: Option<bool>,
    /// When the attestation was made or the document issued.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Who attests or issued it.
    #[serde(default)]
    pub by: Option<String>,
    /// A reference to the document (number and date, file name, register entry).
    #[serde(default)]
    pub reference: Option<String>,
    /// A published address.
    #[serde(default)]
    pub url: Option<String>,
    /// A measured value.
    #[serde(default)]
    pub value: Option<f64>,
    /// The value chosen among a choice's options.
    #[serde(default)]
    pub choice: Option<String>,
    /// When something due was done.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    /// The item does not apply, with the reason (Pass is not claimed: the finding says so).
    #[serde(default)]
    pub not_applicable: Option<String>,
    /// A free note carried into the finding.
    #[serde(default)]
    pub note: Option<String>,
}

/// Why an evidence file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("evidence: {0}")]
pub struct EvidenceError(pub String);

impl egov_core::ErrorCode for EvidenceError {
    fn code(&self) -> &'static str {
        "checklist.evidence"
    }
}

impl egov_core::Localize for EvidenceError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        let reason = if self.0.starts_with("no evaluation date") {
            "chưa có ngày đánh giá: hãy ghi as_of trong tệp bằng chứng hoặc nêu ngày khi chạy"
                .to_owned()
        } else {
            crate::format_error_vi("TOML hoặc JSON", &self.0)
        };
        egov_core::args!(reason = reason)
    }
}

impl EvidenceFile {
    /// Reads TOML (or JSON, when the text starts with `{`).
    pub fn parse(text: &str) -> Result<Self, EvidenceError> {
        if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|e| EvidenceError(e.to_string()))
        } else {
            toml::from_str(text).map_err(|e| EvidenceError(e.to_string()))
        }
    }
}
