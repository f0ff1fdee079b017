//! Classes of information systems by function (rule PLAT-08; NĐ 137/2024 Điều 16.1).
//!
//! Đ16.1: «Hệ thống thông tin phục vụ giao dịch điện tử có các chức năng, tính năng chính cho
//! phép: cấp, xác thực tài khoản giao dịch điện tử; giao kết hợp đồng điện tử hoặc thực hiện hành
//! vi pháp lý đơn phương làm phát sinh, thay đổi, chấm dứt quyền, nghĩa vụ của các bên liên quan
//! bằng phương tiện điện tử, được phân loại như sau: a) …; đ) Giao dịch điện tử trong hoạt động
//! khác.»
//!
//! The main functions that bring a system under Đ16.1 are [`MainFunction`]s; its classes a–đ are
//! [`FunctionClass`]es. A system may belong to several classes (§7 A-15), so the classes are a
//! set, [`FunctionClasses`], never empty (point đ, "other activities", takes whatever a–d do
//! not). [`check_functions`] judges a [`FunctionProfile`].

use std::collections::BTreeSet;
use std::fmt;

use egov_core::{Finding, Instrument, LegalRef, Outcome, Report};
use serde::{Deserialize, Serialize};

/// A main function that brings a system under Đ16.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MainFunction {
    /// «cấp, xác thực tài khoản giao dịch điện tử»: issuing or authenticating e-transaction
    /// accounts.
    AccountIssuanceOrAuthentication,
    /// «giao kết hợp đồng điện tử»: concluding electronic contracts.
    ElectronicContracting,
    /// «thực hiện hành vi pháp lý đơn phương làm phát sinh, thay đổi, chấm dứt quyền, nghĩa vụ của
    /// các bên liên quan bằng phương tiện điện tử»: performing, by electronic means, unilateral
    /// legal acts that create, change or end the rights and obligations of the parties.
    UnilateralLegalAct,
}

impl MainFunction {
    /// In the decree's words.
    pub fn name_vi(&self) -> &'static str {
        match self {
            MainFunction::AccountIssuanceOrAuthentication => {
                "cấp, xác thực tài khoản giao dịch điện tử"
            }
            MainFunction::ElectronicContracting => "giao kết hợp đồng điện tử",
            MainFunction::UnilateralLegalAct => {
                "thực hiện hành vi pháp lý đơn phương làm phát sinh, thay đổi, chấm dứt quyền, nghĩa vụ của các bên liên quan bằng phương tiện điện tử"
            }
        }
    }

    /// In English.
    pub fn name_en(&self) -> &'static str {
        match self {
            MainFunction::AccountIssuanceOrAuthentication => {
                "issuing or authenticating e-transaction accounts"
            }
            MainFunction::ElectronicContracting => "concluding electronic contracts",
            MainFunction::UnilateralLegalAct => {
                "unilateral legal acts creating, changing or ending rights and obligations by electronic means"
            }
        }
    }
}

/// A class of Đ16.1 (points a–đ). JSON: `administrative_procedures`, `commerce`, `finance`,
/// `banking`, `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FunctionClass {
    /// Đ16.1.a «Giải quyết thủ tục hành chính trên môi trường điện tử».
    AdministrativeProcedures,
    /// Đ16.1.b «Giao dịch điện tử trong hoạt động thương mại».
    Commerce,
    /// Đ16.1.c «Giao dịch điện tử trong hoạt động tài chính».
    Finance,
    /// Đ16.1.d «Giao dịch điện tử trong hoạt động ngân hàng».
    Banking,
    /// Đ16.1.đ «Giao dịch điện tử trong hoạt động khác».
    Other,
}

impl FunctionClass {
    /// Every class, in the decree's order (Đ16.1.a–đ).
    pub const ALL: [FunctionClass; 5] = [
        FunctionClass::AdministrativeProcedures,
        FunctionClass::Commerce,
        FunctionClass::Finance,
        FunctionClass::Banking,
        FunctionClass::Other,
    ];

    /// The JSON name.
    pub fn as_str(&self) -> &'static str {
        match self {
            FunctionClass::AdministrativeProcedures => "administrative_procedures",
            FunctionClass::Commerce => "commerce",
            FunctionClass::Finance => "finance",
            FunctionClass::Banking => "banking",
            FunctionClass::Other => "other",
        }
    }

    /// The point letter of Đ16.1 (`a`, `b`, `c`, `d`, `đ`).
    pub fn point(&self) -> &'static str {
        match self {
            FunctionClass::AdministrativeProcedures => "a",
            FunctionClass::Commerce => "b",
            FunctionClass::Finance => "c",
            FunctionClass::Banking => "d",
            FunctionClass::Other => "đ",
        }
    }

    /// The class in the decree's words.
    pub fn name_vi(&self) -> &'static str {
        match self {
            FunctionClass::AdministrativeProcedures => {
                "Giải quyết thủ tục hành chính trên môi trường điện tử"
            }
            FunctionClass::Commerce => "Giao dịch điện tử trong hoạt động thương mại",
            FunctionClass::Finance => "Giao dịch điện tử trong hoạt động tài chính",
            FunctionClass::Banking => "Giao dịch điện tử trong hoạt động ngân hàng",
            FunctionClass::Other => "Giao dịch điện tử trong hoạt động khác",
        }
    }

    /// The class in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            FunctionClass::AdministrativeProcedures => {
                "Handling administrative procedures electronically"
            }
            FunctionClass::Commerce => "E-transactions in commercial activities",
            FunctionClass::Finance => "E-transactions in financial activities",
            FunctionClass::Banking => "E-transactions in banking activities",
            FunctionClass::Other => "E-transactions in other activities",
        }
    }

    /// Its point of Đ16.1.
    pub fn basis(&self) -> LegalRef {
        LegalRef::point(Instrument::Nd137_2024, 16, 1, self.point())
    }
}

impl fmt::Display for FunctionClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An empty set of function classes (§7 A-15: at least one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no function class: a system under NĐ 137/2024 Đ16.1 belongs to at least one of its classes a–đ (đ: other activities)")]
pub struct NoFunctionClass;

impl egov_core::ErrorCode for NoFunctionClass {
    fn code(&self) -> &'static str {
        "platform.no_function_class"
    }
}

impl egov_core::Localize for NoFunctionClass {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        egov_core::args!()
    }
}

/// The classes of Đ16.1 a system belongs to: a non-empty set (PLAT-08, §7 A-15). JSON: an
/// array of class names, duplicates merged, an empty array refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "Vec<FunctionClass>", into = "Vec<FunctionClass>")]
pub struct FunctionClasses(BTreeSet<FunctionClass>);

impl FunctionClasses {
    /// The set of `classes`; refused when empty (PLAT-08, Đ16.1, §7 A-15).
    pub fn new(classes: impl IntoIterator<Item = FunctionClass>) -> Result<Self, NoFunctionClass> {
        let set: BTreeSet<FunctionClass> = classes.into_iter().collect();
        if set.is_empty() {
            Err(NoFunctionClass)
        } else {
            Ok(FunctionClasses(set))
        }
    }

    /// The classes, in the decree's order.
    pub fn iter(&self) -> impl Iterator<Item = FunctionClass> + '_ {
        self.0.iter().copied()
    }

    /// Whether the set holds `class`.
    pub fn contains(&self, class: FunctionClass) -> bool {
        self.0.contains(&class)
    }

    /// How many classes (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false (the set is never empty); for API symmetry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TryFrom<Vec<FunctionClass>> for FunctionClasses {
    type Error = NoFunctionClass;

    fn try_from(v: Vec<FunctionClass>) -> Result<Self, Self::Error> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        FunctionClasses::new(v).inspect_err(|e| {
            egov_core::i18n::carry(e);
        })
    }
}

impl From<FunctionClasses> for Vec<FunctionClass> {
    fn from(c: FunctionClasses) -> Self {
        c.0.into_iter().collect()
    }
}

/// A system's functions as its owner states them (PLAT-08, Đ16.1; JSON: unknown fields
/// refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FunctionProfile {
    /// The main functions of Đ16.1 the system has: `None` = not said; an empty set = the owner
    /// states it has none of them (Đ16.1 then does not class it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_functions: Option<BTreeSet<MainFunction>>,
    /// Its classes of Đ16.1.a–đ; `None` = not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<FunctionClasses>,
}

/// The function part of a platform report: the profile as given and its findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunctionAssessment {
    /// The profile; `None` = not given.
    pub profile: Option<FunctionProfile>,
    /// The findings of [`check_functions`].
    pub findings: Vec<Finding>,
    /// Their overall outcome.
    pub overall: Outcome,
}

impl Default for FunctionAssessment {
    /// Nothing given, nothing judged (`overall` = `unknown`).
    fn default() -> Self {
        FunctionAssessment {
            profile: None,
            findings: Vec::new(),
            overall: Outcome::Unknown,
        }
    }
}

/// The function assessment of a report (PLAT-08; NĐ 137/2024 Đ16.1).
pub fn assess_functions(profile: Option<&FunctionProfile>) -> FunctionAssessment {
    let r = check_functions(profile);
    FunctionAssessment {
        profile: profile.cloned(),
        overall: r.overall(),
        findings: r.findings,
    }
}

fn names(classes: &FunctionClasses) -> (String, String) {
    let en: Vec<String> = classes
        .iter()
        .map(|c| format!("{} ({}, Đ16.1.{})", c.name_en(), c.as_str(), c.point()))
        .collect();
    let vi: Vec<String> = classes
        .iter()
        .map(|c| format!("{} (điểm {})", c.name_vi(), c.point()))
        .collect();
    (en.join("; "), vi.join("; "))
}

/// Judges a system's function profile (rule PLAT-08; NĐ 137/2024 Đ16.1): one finding.
///
/// * not given, or neither member given: `Unknown` (nothing is assumed);
/// * main functions of Đ16.1 stated and classes given: `Pass`, every class listed (several
///   allowed, §7 A-15);
/// * main functions of Đ16.1 stated, no class: `Fail` (Đ16.1 classes every such system; point đ
///   takes "other activities");
/// * the owner states none of the main functions: `Pass` (Đ16.1 does not class it) without
///   classes, `Fail` with classes (they belong to systems with those functions);
/// * classes without the main functions: `Unknown` (the classes are recorded, but nothing shows
///   the system is one Đ16.1 classes).
pub fn check_functions(profile: Option<&FunctionProfile>) -> Report {
    let clause = LegalRef::clause(Instrument::Nd137_2024, 16, 1);
    let mut r = Report::new();
    let Some(p) = profile else {
        r.push(
            Finding::new(
                "PLAT-08",
                clause,
                Outcome::Unknown,
                "function classes not given (Đ16.1.a–đ): not assumed",
                "chưa cho biết phân loại theo chức năng, tính năng (điểm a–đ khoản 1 Điều 16): không mặc định",
            )
            .with_field("functions"),
        );
        return r;
    };
    let main: Option<(String, String)> = p.main_functions.as_ref().map(|m| {
        (
            m.iter().map(|f| f.name_en()).collect::<Vec<_>>().join("; "),
            m.iter().map(|f| f.name_vi()).collect::<Vec<_>>().join("; "),
        )
    });
    let has_main = p.main_functions.as_ref().map(|m| !m.is_empty());
    let (outcome, basis, en, vi) = match (has_main, &p.classes) {
        (Some(true), Some(c)) => {
            let (cen, cvi) = names(c);
            let (men, mvi) = main.unwrap_or_default();
            let basis = if c.len() == 1 {
                c.iter().next().map(|c| c.basis()).unwrap_or(clause)
            } else {
                clause
            };
            (
                Outcome::Pass,
                basis,
                format!("main functions of Đ16.1 ({men}); classed as {cen}"),
                format!("chức năng, tính năng chính theo khoản 1 Điều 16 ({mvi}); phân loại: {cvi}"),
            )
        }
        (Some(true), None) => {
            let (men, mvi) = main.unwrap_or_default();
            (
                Outcome::Fail,
                clause,
                format!("the system's main functions are those of Đ16.1 ({men}) but no class a–đ is given: such a system belongs to at least one (đ: other activities)"),
                format!("hệ thống có chức năng, tính năng chính theo khoản 1 Điều 16 ({mvi}) nhưng chưa được phân loại theo điểm a–đ: hệ thống thuộc ít nhất một loại (điểm đ: hoạt động khác)"),
            )
        }
        (Some(false), None) => (
            Outcome::Pass,
            clause,
            "the owner states the system has none of the main functions of Đ16.1 (issuing or authenticating e-transaction accounts, e-contracts, unilateral legal acts): Đ16.1 does not class it".to_owned(),
            "chủ quản xác nhận hệ thống không có chức năng, tính năng chính theo khoản 1 Điều 16 (cấp, xác thực tài khoản; giao kết hợp đồng điện tử; hành vi pháp lý đơn phương): không phân loại theo khoản 1 Điều 16".to_owned(),
        ),
        (Some(false), Some(c)) => {
            let (cen, cvi) = names(c);
            (
                Outcome::Fail,
                clause,
                format!("classes {cen} given, but the owner states the system has none of the main functions Đ16.1 classes: contradictory"),
                format!("đã phân loại {cvi} nhưng chủ quản xác nhận hệ thống không có chức năng, tính năng chính theo khoản 1 Điều 16: mâu thuẫn"),
            )
        }
        (None, Some(c)) => {
            let (cen, cvi) = names(c);
            (
                Outcome::Unknown,
                clause,
                format!("classed as {cen}, but the main functions that bring a system under Đ16.1 are not stated"),
                format!("phân loại: {cvi}, nhưng chưa cho biết chức năng, tính năng chính theo khoản 1 Điều 16"),
            )
        }
        (None, None) => (
            Outcome::Unknown,
            clause,
            "neither the main functions nor the classes of Đ16.1 are given".to_owned(),
            "chưa cho biết chức năng, tính năng chính và phân loại theo khoản 1 Điều 16".to_owned(),
        ),
    };
    r.push(
        Finding::new("PLAT-08", basis, outcome, en, vi)
            .with_field("functions")
            .with_evidence(serde_json::to_value(p).unwrap_or_default()),
    );
    r
}
