//! Duties of Vietnamese e-government law as data (issue 16): checklists in TOML, one item per
//! duty with its rule ID, citation and the Vietnamese words of the law, judged on the caller's
//! evidence into the same bilingual [`Finding`]s as every other egov check.
//!
//! ```
//! use egov_checklist::{run, EvidenceFile, Registry};
//! use egov_core::{Outcome, WorkingCalendar};
//!
//! let registry = Registry::builtin()?;
//! let evidence = EvidenceFile::parse(r#"
//!     as_of = "2026-03-02"
//!     [items.d13_1_ready]
//!     satisfied = true
//!     date = "2026-01-15"
//!     by = "Sở Khoa học và Công nghệ"
//! "#)?;
//! let report = run(&registry, "nd137-d13-incident-plans", &evidence, None, &WorkingCalendar::vietnam())?;
//! assert_eq!(report.findings[0].outcome, Outcome::Pass);
//! // The items with no evidence are Unknown and say what is missing.
//! assert_eq!(report.overall, Outcome::Unknown);
//! assert!(report.findings[1].message_vi.contains("chưa có bằng chứng"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

pub mod engine;
pub mod evidence;
pub mod indicators;
pub mod kpi;
pub mod model;
pub mod registry;
pub mod requests;
pub mod service_levels;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use egov_core::{Finding, LegalRef, Outcome, WorkingCalendar};
use serde::{Deserialize, Serialize};

pub use evidence::{Evidence, EvidenceError, EvidenceFile};
pub use model::{Checklist, ChoiceOption, EvidenceSpec, Item, Status};
pub use registry::{parse_checklist, ChecklistError, Registry};

/// The result of running a checklist on evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChecklistReport {
    /// The checklist run.
    pub checklist: String,
    /// Its version.
    pub version: String,
    /// Its title in Vietnamese.
    pub title_vi: String,
    /// Its title in English.
    pub title_en: String,
    /// How binding it is.
    pub status: Status,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Who prepared the evidence, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<String>,
    /// One finding per item, included checklists first.
    pub findings: Vec<Finding>,
    /// `Fail` if any failed, else `Unknown` if any is unknown, else `Pass`.
    pub overall: Outcome,
    /// Items by outcome.
    pub counts: BTreeMap<Outcome, usize>,
    /// Evidence entries no item of the run has (misspelt ids): reported, never dropped.
    pub unused_evidence: Vec<String>,
}

/// Runs checklist `id` (with what it includes) on `evidence`, on `as_of` (else the evidence
/// file's `as_of`; one of them is required: [`EvidenceError`] otherwise, wrapped as
/// [`RunError::Evidence`]).
pub fn run(
    registry: &Registry,
    id: &str,
    evidence: &EvidenceFile,
    as_of: Option<NaiveDate>,
    calendar: &WorkingCalendar,
) -> Result<ChecklistReport, RunError> {
    let c = registry.get(id)?;
    let items = registry.resolve(id)?;
    let Some(as_of) = as_of.or(evidence.as_of) else {
        return Err(RunError::Evidence(EvidenceError(
            "no evaluation date: give as_of in the evidence file or as an argument".into(),
        )));
    };
    let findings: Vec<Finding> = items
        .iter()
        .map(|(list, item)| {
            engine::judge_item(list, item, evidence.items.get(&item.id), as_of, calendar)
        })
        .collect();
    let mut counts = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.outcome).or_insert(0) += 1;
    }
    let report = egov_core::Report {
        findings: findings.clone(),
    };
    let unused_evidence = evidence
        .items
        .keys()
        .filter(|k| !items.iter().any(|(_, i)| &i.id == *k))
        .cloned()
        .collect();
    Ok(ChecklistReport {
        checklist: c.id.clone(),
        version: c.version.clone(),
        title_vi: c.title_vi.clone(),
        title_en: c.title_en.clone(),
        status: c.status,
        as_of,
        // The template's empty `prepared_by = ""` names no one.
        prepared_by: evidence
            .prepared_by
            .clone()
            .filter(|p| !p.trim().is_empty()),
        overall: report.overall(),
        findings,
        counts,
        unused_evidence,
    })
}

/// Why a run could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The checklist is unknown or cannot be resolved.
    #[error(transparent)]
    Checklist(#[from] ChecklistError),
    /// The evidence cannot be used.
    #[error(transparent)]
    Evidence(#[from] EvidenceError),
}

impl egov_core::ErrorCode for RunError {
    fn code(&self) -> &'static str {
        match self {
            RunError::Checklist(e) => e.code(),
            RunError::Evidence(e) => e.code(),
        }
    }
}

impl egov_core::Localize for RunError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        // The code is the nested error's, so is the catalogue.
        match self {
            RunError::Checklist(e) => e.catalogue(),
            RunError::Evidence(e) => e.catalogue(),
        }
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            RunError::Checklist(e) => e.message_args(),
            RunError::Evidence(e) => e.message_args(),
        }
    }
}

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

pub(crate) use egov_core::i18n::format_error_vi;

fn cite(b: &LegalRef) -> String {
    b.to_string()
}

/// An evidence file to fill in for checklist `id`: every item with its citation, the
/// Vietnamese words of the law and the fields its kind needs, commented (TOML). Run as
/// written, or filled in part, every item left as written is missing its evidence (unknown),
/// never passed or failed: its dates are placeholders (`"YYYY-MM-DD"`, read as not given), its
/// texts empty and its number commented out.
pub fn template(registry: &Registry, id: &str) -> Result<String, ChecklistError> {
    let c = registry.get(id)?;
    let items = registry.resolve(id)?;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Bằng chứng cho / Evidence for: {} ({})",
        c.title_vi, c.id
    );
    let _ = writeln!(t, "# {}", c.title_en);
    let _ = writeln!(t, "# Phiên bản / version {}\n", c.version);
    let _ = writeln!(
        t,
        "as_of = \"YYYY-MM-DD\"   # ngày đánh giá / evaluation date"
    );
    let _ = writeln!(t, "prepared_by = \"\"        # người lập / prepared by\n");
    for (list, item) in items {
        let _ = writeln!(t, "# {} — {} [{}]", item.rule, cite(&item.basis), list.id);
        let _ = writeln!(t, "# «{}»", item.quote_vi);
        let _ = writeln!(t, "# {}", item.title_vi);
        let _ = writeln!(t, "# {}", item.title_en);
        let _ = writeln!(t, "[items.{}]", item.id);
        match &item.evidence {
            EvidenceSpec::Attestation { max_age_days } => {
                let _ = writeln!(t, "satisfied = true        # đáp ứng? / met?");
                let _ = writeln!(
                    t,
                    "date = \"YYYY-MM-DD\"      # ngày xác nhận / date of the attestation{}",
                    max_age_days
                        .map(|d| format!(" (≤ {d} ngày / days)"))
                        .unwrap_or_default()
                );
                let _ = writeln!(
                    t,
                    "by = \"\"                 # người xác nhận / who attests"
                );
                let _ = writeln!(
                    t,
                    "reference = \"\"          # số, ký hiệu văn bản / document reference"
                );
            }
            EvidenceSpec::Document { max_age_days } => {
                let _ = writeln!(
                    t,
                    "reference = \"\"          # số, ký hiệu, ngày văn bản / document reference"
                );
                let _ = writeln!(
                    t,
                    "date = \"YYYY-MM-DD\"      # ngày ban hành / date issued{}",
                    max_age_days
                        .map(|d| format!(" (≤ {d} ngày / days)"))
                        .unwrap_or_default()
                );
            }
            EvidenceSpec::Url { .. } => {
                let _ = writeln!(
                    t,
                    "url = \"\"                # địa chỉ công bố (https://…) / published at"
                );
            }
            EvidenceSpec::Number { min, max, unit } => {
                // Commented: a number cannot be left empty, and 0 would be judged.
                let _ = writeln!(
                    t,
                    "# value = 0             # {unit} (min {}, max {}): bỏ dấu # / uncomment",
                    min.map_or("—".into(), |v| v.to_string()),
                    max.map_or("—".into(), |v| v.to_string())
                );
            }
            EvidenceSpec::Deadline { due, .. } => {
                let _ = writeln!(
                    t,
                    "done_on = \"YYYY-MM-DD\"   # ngày thực hiện / done on (hạn / due {due})"
                );
            }
            EvidenceSpec::Choice { options } => {
                let values: Vec<String> = options
                    .iter()
                    .map(|o| format!("{} ({})", o.value, o.label_vi))
                    .collect();
                let _ = writeln!(t, "choice = \"\"             # {}", values.join(" | "));
            }
        }
        let _ = writeln!(
            t,
            "# not_applicable = \"\"   # lý do không áp dụng / why it does not apply\n"
        );
    }
    Ok(t)
}

#[cfg(test)]
mod catalogue_tests {
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::{Lang, Localize, VnDateTime};

    use crate::evidence::{EvidenceError, EvidenceFile};
    use crate::kpi::{parse_targets, KpiError, Rational};
    use crate::registry::{parse_checklist, ChecklistError};
    use crate::requests::{parse_request, RequestError, RequestState};
    use crate::RunError;

    /// CORE-06: every error code of egov-checklist has a Vietnamese message in locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let t = |h| VnDateTime::from_ymd_hms(2025, 3, 4, h, 0, 0).unwrap();
        let evidence = EvidenceFile::parse("as_of = ").unwrap_err();
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(parse_checklist("a.toml", "id = ").unwrap_err()),
            Box::new(ChecklistError::Unknown("x".into())),
            Box::new(ChecklistError::Duplicate("x".into())),
            Box::new(ChecklistError::Cycle("a → b → a".into())),
            Box::new(ChecklistError::DuplicateItem {
                item: "i1".into(),
                first: "a".into(),
                second: "b".into(),
            }),
            Box::new(evidence.clone()),
            Box::new(RunError::Evidence(evidence)),
            Box::new(Rational::parse("1/0").unwrap_err()),
            Box::new(parse_targets("[[target]]\nid = 1").unwrap_err()),
            Box::new(RequestError::IllegalTransition {
                from: RequestState::Received,
                to: RequestState::ResultNotified,
            }),
            Box::new(RequestError::BlankReason),
            Box::new(RequestError::BlankResult),
            Box::new(RequestError::BlankId),
            Box::new(RequestError::TimeBackwards {
                index: 1,
                at: t(8),
                previous: t(9),
            }),
            Box::new(parse_request("{").unwrap_err()),
        ];
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        assert!(gaps.is_empty(), "{gaps:#?}");
        // Parser reasons are said in Vietnamese: the place, not serde's English.
        let e = parse_request("{").unwrap_err();
        assert_eq!(
            e.message(Lang::Vi),
            "không phải bản ghi yêu cầu: không đúng định dạng JSON ở dòng 1, cột 1"
        );
        let e = RunError::Evidence(EvidenceError(
            "no evaluation date: give as_of in the evidence file or as an argument".into(),
        ));
        assert!(e.message(Lang::Vi).contains("chưa có ngày đánh giá"));
        assert_eq!(
            KpiError::Parse("target id «t1» appears twice".into()).message(Lang::Vi),
            "chỉ tiêu KPI: mã chỉ tiêu «t1» có hai lần"
        );
        assert_eq!(
            KpiError::Value("3 of 0".into()).message(Lang::Vi),
            "«3/0» không phải một giá trị chính xác (số thập phân, hoặc phân số có mẫu số khác 0)"
        );
        assert_eq!(
            RequestError::TimeBackwards {
                index: 1,
                at: t(8),
                previous: t(9),
            }
            .message(Lang::Vi),
            "bước 1 lúc 08:00 04/03/2025 sớm hơn bước trước đó lúc 09:00 04/03/2025"
        );
    }
}
