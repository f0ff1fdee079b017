//! Findings: the explainable result of every check (DESIGN §2).
//!
//! A check never returns a bare boolean. It returns [`Finding`]s that name the rule ID, cite the
//! legal basis, give an [`Outcome`] and say why in English and Vietnamese. `Unknown` means "not
//! enough evidence", never "passed".

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::legal::LegalRef;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule is met.
    Pass,
    /// The rule is met, but the input deviates from the recommended form (for example stray
    /// spaces in a document number). Does not make a report non-compliant.
    Warning,
    /// Not enough evidence to decide. Never counts as passed.
    Unknown,
    /// The rule is not met.
    Fail,
}

/// One explained result of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Rule ID from the requirements digest (`DOC-19`, `CORE-01`, …).
    pub rule: Cow<'static, str>,
    /// The legal basis.
    pub basis: LegalRef,
    /// The outcome.
    pub outcome: Outcome,
    /// What was found, in English.
    pub message: String,
    /// What was found, in Vietnamese.
    pub message_vi: String,
    /// The field or input the finding is about (`signer.full_name`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Cow<'static, str>>,
    /// Evidence supporting the outcome (values compared, dates computed), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<serde_json::Value>,
}

impl Finding {
    /// A finding with the given rule, basis, outcome and messages.
    pub fn new(
        rule: &'static str,
        basis: LegalRef,
        outcome: Outcome,
        message: impl Into<String>,
        message_vi: impl Into<String>,
    ) -> Self {
        Finding {
            rule: Cow::Borrowed(rule),
            basis,
            outcome,
            message: message.into(),
            message_vi: message_vi.into(),
            field: None,
            evidence: None,
        }
    }

    /// Names the field the finding is about.
    pub fn with_field(mut self, field: &'static str) -> Self {
        self.field = Some(Cow::Borrowed(field));
        self
    }

    /// Attaches evidence.
    pub fn with_evidence(mut self, evidence: serde_json::Value) -> Self {
        self.evidence = Some(evidence);
        self
    }
}

/// A list of findings with an overall outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Every finding, in the order the checks ran.
    pub findings: Vec<Finding>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// `Fail` if any finding failed; otherwise `Unknown` if any is unknown; otherwise `Pass`
    /// (warnings do not fail a report). An empty report is `Unknown`: nothing was checked.
    pub fn overall(&self) -> Outcome {
        if self.findings.is_empty() {
            return Outcome::Unknown;
        }
        if self.findings.iter().any(|f| f.outcome == Outcome::Fail) {
            Outcome::Fail
        } else if self.findings.iter().any(|f| f.outcome == Outcome::Unknown) {
            Outcome::Unknown
        } else {
            Outcome::Pass
        }
    }

    /// True when the overall outcome is `Pass`.
    pub fn is_compliant(&self) -> bool {
        self.overall() == Outcome::Pass
    }

    /// The findings with the given outcome.
    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.outcome == outcome)
    }

    /// The findings of one rule.
    pub fn for_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule == rule)
    }
}

impl Extend<Finding> for Report {
    fn extend<T: IntoIterator<Item = Finding>>(&mut self, iter: T) {
        self.findings.extend(iter);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legal::Instrument;

    fn f(outcome: Outcome) -> Finding {
        Finding::new(
            "DOC-19",
            LegalRef::clause(Instrument::Qd28_2018, 6, 2),
            outcome,
            "m",
            "m",
        )
    }

    #[test]
    fn report_overall_fail_beats_unknown_beats_pass() {
        let mut r = Report::new();
        assert_eq!(r.overall(), Outcome::Unknown);
        r.push(f(Outcome::Pass));
        r.push(f(Outcome::Warning));
        assert_eq!(r.overall(), Outcome::Pass);
        assert!(r.is_compliant());
        r.push(f(Outcome::Unknown));
        assert_eq!(r.overall(), Outcome::Unknown);
        r.push(f(Outcome::Fail));
        assert_eq!(r.overall(), Outcome::Fail);
        assert_eq!(r.with_outcome(Outcome::Fail).count(), 1);
    }

    #[test]
    fn finding_serde_uses_snake_case() {
        let json = serde_json::to_value(f(Outcome::Fail).with_field("signed_at")).unwrap();
        assert_eq!(json["outcome"], "fail");
        assert_eq!(json["rule"], "DOC-19");
        assert_eq!(json["field"], "signed_at");
        assert!(json.get("evidence").is_none());
    }
}
