//! A parsed value together with what the parser tolerated.
//!
//! Tolerant parsers (the lenient agency-code profile, "số và ký hiệu" with stray spaces) accept
//! input that deviates from the recommended form and say so: they return [`Parsed`], the value
//! plus a list of typed warnings. Each warning has a stable code and turns into an
//! [`Outcome::Warning`](egov_core::Outcome::Warning) [`Finding`] citing its legal basis.

use egov_core::Finding;
use serde::{Deserialize, Serialize};

/// A deviation a parser tolerated: a stable machine code and an explained finding.
pub trait Tolerance {
    /// The stable, machine-readable code (`doc_number.stray_space`). Never changes meaning.
    fn code(&self) -> &'static str;

    /// The tolerated deviation as an `Outcome::Warning` finding citing its basis.
    fn finding(&self) -> Finding;
}

/// A parsed value and the deviations the parser tolerated (empty when the input was in the
/// canonical form).
///
/// ```
/// use egov_docs::number::DocNumber;
/// let parsed = DocNumber::parse("512 /SY-VPUBND").unwrap();
/// assert_eq!(parsed.value.to_string(), "512/SY-VPUBND");
/// assert_eq!(parsed.warnings.len(), 1);
/// assert_eq!(parsed.findings()[0].outcome, egov_core::Outcome::Warning);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Parsed<T, W> {
    /// The parsed value, in canonical form.
    pub value: T,
    /// What the parser tolerated, in input order. Empty for canonical input.
    pub warnings: Vec<W>,
}

impl<T, W> Parsed<T, W> {
    /// A value parsed without any tolerance.
    pub fn clean(value: T) -> Self {
        Parsed {
            value,
            warnings: Vec::new(),
        }
    }

    /// True when nothing was tolerated: the input was already canonical.
    pub fn is_clean(&self) -> bool {
        self.warnings.is_empty()
    }

    /// The value, dropping the warnings.
    pub fn into_value(self) -> T {
        self.value
    }
}

impl<T, W: Tolerance> Parsed<T, W> {
    /// The warnings as `Outcome::Warning` findings.
    pub fn findings(&self) -> Vec<Finding> {
        self.warnings.iter().map(Tolerance::finding).collect()
    }
}
