//! What a checklist is: duties of the law as data (issue 16).
//!
//! A checklist is a TOML file: its identity and version, the instrument it rests on, other
//! checklists it includes, and one `[[item]]` per duty, each with its rule ID, citation, the
//! Vietnamese words of the law it rests on (checked by a test to be the seed's own text), and
//! the evidence that decides it. Nothing here judges: see [`crate::engine`].

use egov_core::LegalRef;
use serde::{Deserialize, Serialize};

/// How binding a checklist is. Only `in_force` checklists belong to default reports; the
/// others are optional profiles, labelled as such in every finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Enacted and in force.
    InForce,
    /// From a draft instrument: not law.
    Draft,
    /// From a strategy or policy document: targets, not duties.
    Policy,
}

/// A checklist: a versioned list of duties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable identifier (`nd137-d13-incident-plans`).
    pub id: String,
    /// Version of this checklist (the date its text was last checked against the law).
    pub version: String,
    /// Title in Vietnamese.
    pub title_vi: String,
    /// Title in English.
    pub title_en: String,
    /// How binding it is.
    pub status: Status,
    /// Who the duties fall on, in Vietnamese (`chủ quản hệ thống thông tin`).
    #[serde(default)]
    pub applies_to_vi: String,
    /// Who the duties fall on, in English.
    #[serde(default)]
    pub applies_to_en: String,
    /// Other checklists whose items come first, by id.
    #[serde(default)]
    pub includes: Vec<String>,
    /// The duties.
    #[serde(default, rename = "item")]
    pub items: Vec<Item>,
}

/// One duty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Identifier within the checklist, the key of its evidence (`d13_2_a_backups`).
    pub id: String,
    /// Rule ID from the requirements digest (`TRUST-05`).
    pub rule: String,
    /// The provision it rests on.
    pub basis: LegalRef,
    /// The words of the law, verbatim from the seed text.
    pub quote_vi: String,
    /// The duty in Vietnamese, as a question or a statement to attest.
    pub title_vi: String,
    /// The duty in English.
    pub title_en: String,
    /// What evidence decides it.
    pub evidence: EvidenceSpec,
}

/// The evidence an item needs and how it decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EvidenceSpec {
    /// A dated statement that the duty is met (`satisfied`, `date`, who and a reference):
    /// Pass when satisfied, Fail when not; dated in the future or older than `max_age_days`,
    /// it is not evidence (Unknown).
    Attestation {
        /// Oldest acceptable attestation, in days before the evaluation date (default: no limit).
        #[serde(default)]
        max_age_days: Option<u32>,
    },
    /// A document that must exist (a plan, a decision, a contract): Pass with a reference (and a
    /// date not in the future, not older than `max_age_days`).
    Document {
        /// Oldest acceptable document, in days (default: no limit).
        #[serde(default)]
        max_age_days: Option<u32>,
    },
    /// A published address (`https://…`): Pass with an `http(s)` URL.
    Url {
        /// Only `https` passes (`http` is a Warning).
        #[serde(default)]
        https_only: bool,
    },
    /// A number within bounds (inclusive).
    Number {
        /// Smallest passing value.
        #[serde(default)]
        min: Option<f64>,
        /// Largest passing value.
        #[serde(default)]
        max: Option<f64>,
        /// Unit, for messages (`ngày` / `days`).
        #[serde(default)]
        unit: String,
    },
    /// Something done by a date: Pass when `done_on` is on or before `due` (rolled to the next
    /// working day when `roll_to_working_day`), Fail when later, Unknown when not done and not
    /// yet due, Fail when not done and overdue.
    Deadline {
        /// The due date (`YYYY-MM-DD`).
        due: chrono::NaiveDate,
        /// Roll a due date on a day off to the next working day (default true).
        #[serde(default = "yes")]
        roll_to_working_day: bool,
    },
    /// One value among those the law allows, each with its outcome.
    Choice {
        /// The allowed values.
        options: Vec<ChoiceOption>,
    },
}

fn yes() -> bool {
    true
}

/// One allowed value of a [`EvidenceSpec::Choice`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The value (`fully_online`).
    pub value: String,
    /// What it means, in Vietnamese.
    pub label_vi: String,
    /// What it means, in English.
    pub label_en: String,
    /// The outcome it gives.
    pub outcome: egov_core::Outcome,
}
