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
//!
//! Dates (`as_of`, `date`, `done_on`) are read as officers write them — `"2026-03-02"`,
//! `"02/03/2026"` (day first), `"2026/03/02"`, or TOML's own date `2026-03-02` — and a date
//! left as the template wrote it (`"YYYY-MM-DD"`) or empty is not given: the item says it is
//! missing, so a template filled in part runs (see [`crate::template`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize};

/// The evidence for a run of one or more checklists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// Evaluation date; `None`: the date the caller passes. Dates are written `2026-03-02`,
    /// `02/03/2026` or `2026/03/02` (or as a TOML date); empty or `YYYY-MM-DD`: not given.
    #[serde(default, deserialize_with = "date_field")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
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
    /// When the attestation was made or the document issued (a date as `as_of`).
    #[serde(default, deserialize_with = "date_field")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
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
    /// When something due was done (a date as `as_of`).
    #[serde(default, deserialize_with = "date_field")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub done_on: Option<NaiveDate>,
    /// The item does not apply, with the reason (Pass is not claimed: the finding says so).
    #[serde(default)]
    pub not_applicable: Option<String>,
    /// A free note carried into the finding.
    #[serde(default)]
    pub note: Option<String>,
}

impl Evidence {
    /// Whether the entry gives nothing at all (every field absent, or a text empty): judged as
    /// an item with no entry (its evidence missing).
    pub fn is_empty(&self) -> bool {
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
        self.satisfied.is_none()
            && self.date.is_none()
            && blank(&self.by)
            && blank(&self.reference)
            && blank(&self.url)
            && self.value.is_none()
            && blank(&self.choice)
            && self.done_on.is_none()
            && blank(&self.not_applicable)
            && blank(&self.note)
    }
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

/// What a date field takes, as serde's error says it (in Vietnamese through
/// `egov_core::i18n::serde_reason_vi`).
const DATE_FORMS: &str = "a date: 2026-03-02, 02/03/2026 or 2026/03/02";

/// A date field of an evidence file (see the module documentation): `None` for an empty value
/// or the template's placeholder.
fn date_field<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_any(DateField)
}

#[derive(Clone, Copy)]
struct DateField;

impl<'de> Visitor<'de> for DateField {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(DATE_FORMS)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() || t.eq_ignore_ascii_case("YYYY-MM-DD") {
            return Ok(None);
        }
        egov_core::time::parse_date(t)
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    /// TOML's own date (`as_of = 2026-03-02`), read by the toml crate's own `Datetime` (which
    /// serde sees as a map); a time or an offset with it is refused.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let dt = toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }
            _ => None,
        };
        date.map(Some)
            .ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&dt.to_string()), &self))
    }
}
