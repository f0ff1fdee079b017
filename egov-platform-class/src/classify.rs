//! Classification by the 12-month average of monthly active users (PLAT-02…06, NĐ 137/2024 Đ17–18).
//!
//! The figure is the arithmetic mean of the active users of the **12 most recent complete calendar
//! months before the determination date** (PLAT-04, Đ17.4; month choice per REQUIREMENTS §7 A-12).
//! It is compared with the latest official population using integers only (PLAT-03): with `S` the
//! sum of the 12 monthly counts, `P` the population and a threshold of `t` basis points,
//! `S · 10 000 ≥ t · 12 · P` in `u128`. No floating point decides a class.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use egov_core::{ErrorCode, Finding, Instrument, Lang, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::month::YearMonth;
use crate::summary::CountingSummary;

/// How many months the average covers (PLAT-04, Đ17.4 «12 tháng gần nhất»).
pub const MONTHS_IN_WINDOW: usize = 12;

/// What kind of population figure a [`Population`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PopulationKind {
    /// Average population of a year (dân số trung bình).
    Average,
    /// A census count at a reference instant (tổng điều tra).
    Census,
    /// A sample survey (điều tra giữa kỳ).
    Survey,
}

impl PopulationKind {
    /// The kind of figure in Vietnamese, as the statistics office names it.
    pub fn name_vi(self) -> &'static str {
        match self {
            PopulationKind::Average => "dân số trung bình",
            PopulationKind::Census => "tổng điều tra",
            PopulationKind::Survey => "điều tra giữa kỳ",
        }
    }

    /// The kind of figure in English.
    pub fn name_en(self) -> &'static str {
        match self {
            PopulationKind::Average => "average population",
            PopulationKind::Census => "census",
            PopulationKind::Survey => "mid-term survey",
        }
    }
}

/// The official population figure the thresholds are a share of (PLAT-02, Đ17.2 «tổng dân số theo
/// công bố chính thức gần nhất của cơ quan có thẩm quyền»; §7 A-13). Always an input: the caller
/// attests it is the latest official publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// Number of persons.
    pub value: u64,
    /// Kind of figure.
    pub kind: PopulationKind,
    /// The period or instant the figure describes (`2025`, `2024-04-01`).
    pub reference: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published.
    pub published_on: NaiveDate,
    /// Where it was reported, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Population {
    /// The built-in dated default for a determination date on or after 05/01/2026: the average
    /// population of Vietnam in 2025, **102.3 million**, published 05/01/2026 by Cục Thống kê,
    /// Bộ Tài chính (DATA.md §5, verified in two press reports). Prefer
    /// [`latest_published_on`](Self::latest_published_on), which picks the figure by date.
    pub fn vietnam_2025_average() -> Self {
        Population {
            value: 102_300_000,
            kind: PopulationKind::Average,
            reference: "2025".to_owned(),
            publisher: "Cục Thống kê, Bộ Tài chính".to_owned(),
            published_on: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
            url: Some(
                "https://nhandan.vn/ocop/dan-so-trung-binh-cua-viet-nam-nam-2025-dat-1023-trieu-nguoi-post934760.html"
                    .to_owned(),
            ),
        }
    }

    /// The built-in official average-population figures, oldest first (DATA.md §5): 2022
    /// (99.46 million, published 10/01/2023), 2023 (100.3 million, 29/12/2023), 2024
    /// (101.3 million, 06/01/2025), 2025 (102.3 million, 05/01/2026).
    pub fn builtin() -> Vec<Population> {
        let figure = |value, year: &str, publisher: &str, published: (i32, u32, u32), url: &str| {
            Population {
                value,
                kind: PopulationKind::Average,
                reference: year.to_owned(),
                publisher: publisher.to_owned(),
                published_on: NaiveDate::from_ymd_opt(published.0, published.1, published.2)
                    .unwrap_or_default(),
                url: Some(url.to_owned()),
            }
        };
        vec![
            figure(99_460_000, "2022", "Tổng cục Thống kê", (2023, 1, 10),
                "https://dantri.com.vn/an-sinh/dan-so-viet-nam-cham-nguong-100-trieu-nguoi-20230110224945117.htm"),
            figure(100_300_000, "2023", "Tổng cục Thống kê", (2023, 12, 29),
                "https://www.anninhthudo.vn/dan-so-viet-nam-vuot-100-trieu-nguoi-post562765.antd"),
            figure(101_300_000, "2024", "Tổng cục Thống kê", (2025, 1, 6),
                "https://kinhtevadubao.vn/sau-5-nam-ke-tu-nam-2019-den-nay-quy-mo-dan-so-viet-nam-tang-them-49-trieu-nguoi-30755.html"),
            Population::vietnam_2025_average(),
        ]
    }

    /// The built-in figure that was the latest official publication on `date` (PLAT-02, Đ17.2
    /// «công bố chính thức gần nhất»; §7 A-13), `None` before the first one.
    pub fn latest_published_on(date: NaiveDate) -> Option<Population> {
        Population::builtin()
            .into_iter()
            .rev()
            .find(|p| p.published_on <= date)
    }

    /// A caller-supplied figure with its provenance.
    pub fn new(
        value: u64,
        kind: PopulationKind,
        reference: impl Into<String>,
        publisher: impl Into<String>,
        published_on: NaiveDate,
    ) -> Self {
        Population {
            value,
            kind,
            reference: reference.into(),
            publisher: publisher.into(),
            published_on,
            url: None,
        }
    }
}

/// The thresholds as versioned data (PLAT-05, Đ17.5: revised «theo từng thời kỳ»), in basis
/// points of the population (1 % = 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Version label of this table.
    pub version: String,
    /// Where the values come from.
    pub basis: LegalRef,
    /// Date from which these thresholds apply.
    pub effective_from: NaiveDate,
    /// Lower bound of "large", inclusive (Đ17.2 «từ 3%»): 300.
    pub large_min_bp: u32,
    /// Upper bound of "large", inclusive; above it is "very large" (Đ17.2 «đến 10%», Đ17.3
    /// «trên 10%»): 1000.
    pub very_large_above_bp: u32,
}

impl Default for Thresholds {
    /// NĐ 137/2024 Đ17.2–3 as in force from 23/10/2024: 3 % and 10 %.
    fn default() -> Self {
        Thresholds {
            version: "nd137-2024".to_owned(),
            basis: LegalRef::article(Instrument::Nd137_2024, 17),
            effective_from: NaiveDate::from_ymd_opt(2024, 10, 23).unwrap_or_default(),
            large_min_bp: 300,
            very_large_above_bp: 1000,
        }
    }
}

impl Thresholds {
    /// The built-in threshold versions, oldest first (PLAT-05, Đ17.5): today only NĐ 137/2024,
    /// in force from 23/10/2024.
    pub fn versions() -> Vec<Thresholds> {
        vec![Thresholds::default()]
    }

    /// The built-in version in force on `date` (the latest whose `effective_from` is on or
    /// before it), `None` before NĐ 137/2024 took effect (PLAT-05, Đ17.5).
    pub fn in_force_on(date: NaiveDate) -> Option<Thresholds> {
        Thresholds::versions()
            .into_iter()
            .rev()
            .find(|t| t.effective_from <= date)
    }
}

/// Where the monthly counts come from (PLAT-12, Đ18.4.c; recorded in every report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum UserCountSource {
    /// Counted by this SDK from raw activity events.
    EgovCounter,
    /// The platform's own analytics.
    SelfMeasured,
    /// An independent measurement tool (named), e.g. one on the list of Đ18.4.c.
    IndependentTool(String),
    /// A trusted reference data source (named), Đ18.4.c.
    TrustedReference(String),
}

impl UserCountSource {
    /// The source in Vietnamese, in Đ18.4.c's terms («công cụ đo lường, thống kê độc lập»,
    /// «nguồn số liệu tham khảo tin cậy»); [`fmt::Display`] gives the English.
    pub fn to_vi(&self) -> String {
        match self {
            UserCountSource::EgovCounter => "egov đếm từ dữ liệu hoạt động".to_owned(),
            UserCountSource::SelfMeasured => "số liệu do nền tảng tự thống kê".to_owned(),
            UserCountSource::IndependentTool(n) => {
                format!("công cụ đo lường, thống kê độc lập: {n}")
            }
            UserCountSource::TrustedReference(n) => format!("nguồn số liệu tham khảo tin cậy: {n}"),
        }
    }
}

impl fmt::Display for UserCountSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserCountSource::EgovCounter => f.write_str("counted by egov from activity events"),
            UserCountSource::SelfMeasured => f.write_str("platform's own analytics"),
            UserCountSource::IndependentTool(n) => write!(f, "independent measurement tool: {n}"),
            UserCountSource::TrustedReference(n) => write!(f, "trusted reference source: {n}"),
        }
    }
}

/// Active users of one calendar month (Vietnam time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthlyCount {
    /// The month.
    pub month: YearMonth,
    /// Distinct active users located in Vietnam in that month (PLAT-01, Đ17.1).
    pub active_users: u64,
}

/// The attested intermediary condition (PLAT-06, Đ18.1): the system creates an electronic
/// environment for parties to transact or provide/use products and services, **and** its owner
/// is independent of the transacting parties. Separate from size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Intermediary {
    /// The owner attests both conditions of Đ18.1.
    Attested,
    /// The owner attests the system is not an intermediary platform.
    NotIntermediary,
    /// Nobody attested either way.
    #[default]
    NotAttested,
}

/// Size by users alone (PLAT-02/03, Đ17.2–3). `BelowThreshold` is not a legal term (§7 A-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Below 3 %.
    BelowThreshold,
    /// From 3 % to 10 %, both inclusive (Đ17.2).
    Large,
    /// Above 10 % (Đ17.3).
    VeryLarge,
}

/// The legal class that follows from the scale and the intermediary condition (PLAT-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalClass {
    /// Neither threshold reached.
    BelowThreshold,
    /// «Hệ thống thông tin … quy mô lớn» (Đ17.2), not (or not attested as) an intermediary.
    LargeInformationSystem,
    /// «Hệ thống thông tin … quy mô rất lớn» (Đ17.3), not (or not attested as) an intermediary.
    VeryLargeInformationSystem,
    /// «Nền tảng số trung gian quy mô lớn» (Đ18.1.a): obligations of Đ19.
    LargeIntermediaryPlatform,
    /// «Nền tảng số trung gian quy mô rất lớn» (Đ18.1.b): obligations of Đ19 and Đ20.
    VeryLargeIntermediaryPlatform,
}

impl LegalClass {
    /// From the scale and the intermediary attestation (PLAT-06, Đ18.1).
    pub fn from_parts(scale: Scale, intermediary: Intermediary) -> Self {
        let attested = intermediary == Intermediary::Attested;
        match (scale, attested) {
            (Scale::BelowThreshold, _) => LegalClass::BelowThreshold,
            (Scale::Large, false) => LegalClass::LargeInformationSystem,
            (Scale::VeryLarge, false) => LegalClass::VeryLargeInformationSystem,
            (Scale::Large, true) => LegalClass::LargeIntermediaryPlatform,
            (Scale::VeryLarge, true) => LegalClass::VeryLargeIntermediaryPlatform,
        }
    }

    /// English name.
    pub fn name_en(&self) -> &'static str {
        match self {
            LegalClass::BelowThreshold => "below the large-scale threshold",
            LegalClass::LargeInformationSystem => "large-scale information system (Đ17.2)",
            LegalClass::VeryLargeInformationSystem => "very-large-scale information system (Đ17.3)",
            LegalClass::LargeIntermediaryPlatform => {
                "large-scale intermediary digital platform (Đ18.1.a)"
            }
            LegalClass::VeryLargeIntermediaryPlatform => {
                "very-large-scale intermediary digital platform (Đ18.1.b)"
            }
        }
    }

    /// Vietnamese name.
    pub fn name_vi(&self) -> &'static str {
        match self {
            LegalClass::BelowThreshold => "dưới ngưỡng quy mô lớn",
            LegalClass::LargeInformationSystem => {
                "hệ thống thông tin phục vụ giao dịch điện tử quy mô lớn (khoản 2 Điều 17)"
            }
            LegalClass::VeryLargeInformationSystem => {
                "hệ thống thông tin phục vụ giao dịch điện tử quy mô rất lớn (khoản 3 Điều 17)"
            }
            LegalClass::LargeIntermediaryPlatform => {
                "nền tảng số trung gian quy mô lớn phục vụ giao dịch điện tử (điểm a khoản 1 Điều 18)"
            }
            LegalClass::VeryLargeIntermediaryPlatform => {
                "nền tảng số trung gian quy mô rất lớn phục vụ giao dịch điện tử (điểm b khoản 1 Điều 18)"
            }
        }
    }

    /// The citation of this class.
    pub fn basis(&self) -> LegalRef {
        match self {
            LegalClass::BelowThreshold => LegalRef::article(Instrument::Nd137_2024, 17),
            LegalClass::LargeInformationSystem => LegalRef::clause(Instrument::Nd137_2024, 17, 2),
            LegalClass::VeryLargeInformationSystem => {
                LegalRef::clause(Instrument::Nd137_2024, 17, 3)
            }
            LegalClass::LargeIntermediaryPlatform => {
                LegalRef::point(Instrument::Nd137_2024, 18, 1, "a")
            }
            LegalClass::VeryLargeIntermediaryPlatform => {
                LegalRef::point(Instrument::Nd137_2024, 18, 1, "b")
            }
        }
    }
}

/// Where the platform's 12-month mean stands against a threshold, compared exactly (PLAT-02,
/// PLAT-03): the sign of [`ThresholdDistance::distance_users`] before rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Fewer users than the threshold.
    Below,
    /// Exactly the threshold (reached for `large_min`, ≥; not for `very_large_above`, >).
    At,
    /// More users than the threshold.
    Above,
}

/// How far the platform is from one threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThresholdDistance {
    /// `large_min` (≥, Đ17.2) or `very_large_above` (>, Đ17.3).
    pub threshold: String,
    /// The threshold in basis points of the population.
    pub threshold_bp: u32,
    /// The threshold as an average number of users, exact decimal (`3069000`).
    pub threshold_mean_users: String,
    /// Whether the platform is over it (≥ for `large_min`, > for `very_large_above`).
    pub reached: bool,
    /// Below, at or above the threshold, exactly (the distances below are rounded).
    pub side: Side,
    /// Average users minus the threshold, exact, rounded half away from zero to 2 decimals.
    pub distance_users: String,
    /// Share minus the threshold in percentage points, rounded to 6 decimals.
    pub distance_percentage_points: String,
    /// Extra total users over the 12 months (sum, not mean) the platform would need to reach the
    /// threshold; 0 if reached.
    pub additional_user_months_needed: u64,
}

impl ThresholdDistance {
    /// The threshold in the law's words, in Vietnamese (PLAT-02, PLAT-03; NĐ 137/2024 Đ17.2,
    /// Đ17.3): «Ngưỡng quy mô lớn (từ 3% tổng dân số, khoản 2 Điều 17)».
    pub fn label_vi(&self) -> String {
        self.label(Lang::Vi)
    }

    /// The threshold in English: "Large threshold (at least 3 % of the population, Đ17.2)".
    pub fn label_en(&self) -> String {
        self.label(Lang::En)
    }

    fn label(&self, lang: Lang) -> String {
        // The threshold in per cent of the population (`3`, `2,5`).
        let p = lang.number(&decimal(i128::from(self.threshold_bp), 100, 2));
        match (self.threshold.as_str(), lang) {
            ("large_min", Lang::Vi) => {
                format!("Ngưỡng quy mô lớn (từ {p}% tổng dân số, khoản 2 Điều 17)")
            }
            ("large_min", Lang::En) => {
                format!("Large threshold (at least {p} % of the population, Đ17.2)")
            }
            ("very_large_above", Lang::Vi) => {
                format!("Ngưỡng quy mô rất lớn (trên {p}% tổng dân số, khoản 3 Điều 17)")
            }
            ("very_large_above", Lang::En) => {
                format!("Very large threshold (more than {p} % of the population, Đ17.3)")
            }
            (other, Lang::Vi) => format!("Ngưỡng {other} ({p}% tổng dân số)"),
            (other, Lang::En) => format!("Threshold {other} ({p} % of the population)"),
        }
    }
}

/// The result of a classification (PLAT-02…06).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Classification {
    /// The determination date the window was taken from.
    pub determination_date: NaiveDate,
    /// The 12 months used, oldest first.
    pub months: Vec<MonthlyCount>,
    /// Months given but outside the window (ignored).
    pub ignored_months: Vec<YearMonth>,
    /// Sum of the 12 monthly counts.
    pub sum: u64,
    /// The mean as an exact fraction `sum/12`.
    pub mean_exact: String,
    /// The mean rounded half away from zero to 2 decimals (display only).
    pub mean_users: String,
    /// The mean as a share of the population in percent, 6 decimals (display only).
    pub share_percent: String,
    /// Size by users (PLAT-02/03).
    pub scale: Scale,
    /// The intermediary attestation used (PLAT-06).
    pub intermediary: Intermediary,
    /// The resulting legal class.
    pub class: LegalClass,
    /// Distance to each threshold.
    pub distances: Vec<ThresholdDistance>,
    /// The population used.
    pub population: Population,
    /// The thresholds used.
    pub thresholds: Thresholds,
    /// Where the counts come from.
    pub source: UserCountSource,
    /// Whether the population and the thresholds were the built-in ones chosen by date.
    #[serde(default)]
    pub defaults: DefaultsUsed,
    /// What the classification rests on, stated: the population and thresholds used (and where
    /// they come from), and the counting accounting when counted here (PLAT-01, PLAT-02,
    /// PLAT-05). Warnings do not change the class; they say how far to trust it.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl Classification {
    /// The exact mean as people read it: `15 750 000/12`, the sum grouped by threes from five
    /// digits up (both languages group alike); [`Classification::mean_exact`] is the same
    /// fraction for machines.
    pub fn mean_exact_text(&self) -> String {
        format!("{}/{MONTHS_IN_WINDOW}", Lang::Vi.count(self.sum))
    }
}

/// Which inputs of a classification were the built-in defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DefaultsUsed {
    /// The population was the built-in figure latest published on the determination date.
    pub population: bool,
    /// The thresholds were the built-in version in force on the determination date.
    pub thresholds: bool,
}

/// `2025-11, 2025-12` for error messages.
/// The months, each written by `each` (`2025-01` in English, `01/2025` in Vietnamese).
fn join_months(months: &[YearMonth], each: fn(&YearMonth) -> String) -> String {
    months.iter().map(each).collect::<Vec<_>>().join(", ")
}

fn outside_en(outside: &Option<(usize, YearMonth, YearMonth)>) -> String {
    match outside {
        Some((n, a, b)) => format!(
            "; {n} month{} given lie outside it ({a}…{b}): is the determination date right?",
            if *n == 1 { "" } else { "s" }
        ),
        None => String::new(),
    }
}

/// Why a classification could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClassifyError {
    /// Fewer than 12 complete months in the window (PLAT-04, §7 A-12).
    #[error(
        "insufficient history: {available} of the 12 months {first}…{last} are given; missing {}{}",
        join_months(missing, ToString::to_string),
        outside_en(outside)
    )]
    InsufficientHistory {
        /// First month of the window.
        first: YearMonth,
        /// Last month of the window.
        last: YearMonth,
        /// Months present.
        available: usize,
        /// Months missing.
        missing: Vec<YearMonth>,
        /// The months given outside the window, if any: how many, the first and the last (a
        /// determination date that does not follow the data, said in the message).
        outside: Option<(usize, YearMonth, YearMonth)>,
    },
    /// The same month was given twice.
    #[error("month {month} is given more than once")]
    DuplicateMonth {
        /// The month.
        month: YearMonth,
    },
    /// A population of 0 makes every share undefined.
    #[error("population must be greater than 0")]
    ZeroPopulation,
    /// Thresholds must satisfy 0 < large_min ≤ very_large_above.
    #[error("invalid thresholds: large_min {large_min_bp} bp, very_large_above {very_large_above_bp} bp")]
    InvalidThresholds {
        /// Lower threshold.
        large_min_bp: u32,
        /// Upper threshold.
        very_large_above_bp: u32,
    },
    /// The determination date is so early that no 12-month window exists.
    #[error("determination date {0} is out of range")]
    DateOutOfRange(NaiveDate),
    /// No thresholds were in force on the determination date (PLAT-05): before NĐ 137/2024
    /// took effect, or caller thresholds whose `effective_from` is later.
    #[error("no thresholds in force on {date}: version {version} applies from {effective_from}")]
    ThresholdsNotInForce {
        /// The determination date.
        date: NaiveDate,
        /// The version asked for (or the earliest built-in one).
        version: String,
        /// When it applies from.
        effective_from: NaiveDate,
    },
    /// No built-in population figure was published by the determination date: give one
    /// (PLAT-02).
    #[error("no built-in population figure was published by {0}; give the official figure")]
    NoPopulation(NaiveDate),
    /// The counting saw no event at all (PLAT-01): there is nothing to classify.
    #[error("the counts come from input without any activity event")]
    NoEvents,
}

impl ClassifyError {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for ClassifyError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            ClassifyError::InsufficientHistory {
                first,
                last,
                available,
                missing,
                outside,
            } => egov_core::args!(
                available = available,
                first = first.month_slash_year(),
                last = last.month_slash_year(),
                missing = join_months(missing, YearMonth::month_slash_year),
                outside = outside.map_or(0, |o| o.0),
                outside_first = outside.map(|o| o.1.month_slash_year()).unwrap_or_default(),
                outside_last = outside.map(|o| o.2.month_slash_year()).unwrap_or_default()
            ),
            ClassifyError::DuplicateMonth { month } => {
                egov_core::args!(month = month.month_slash_year())
            }
            ClassifyError::ZeroPopulation | ClassifyError::NoEvents => egov_core::args!(
                source = "counts",
                lines = 0u64,
                malformed = 0u64,
                reasons = ""
            ),
            ClassifyError::InvalidThresholds {
                large_min_bp,
                very_large_above_bp,
            } => egov_core::args!(
                large_min_bp = large_min_bp,
                very_large_above_bp = very_large_above_bp
            ),
            ClassifyError::DateOutOfRange(d) | ClassifyError::NoPopulation(d) => {
                egov_core::args!(date = egov_core::i18n::date_vi(*d))
            }
            ClassifyError::ThresholdsNotInForce {
                date,
                version,
                effective_from,
            } => egov_core::args!(
                date = egov_core::i18n::date_vi(*date),
                version = version,
                effective_from = egov_core::i18n::date_vi(*effective_from)
            ),
        }
    }
}

impl ErrorCode for ClassifyError {
    fn code(&self) -> &'static str {
        match self {
            ClassifyError::InsufficientHistory { .. } => "platform.insufficient_history",
            ClassifyError::DuplicateMonth { .. } => "platform.duplicate_month",
            ClassifyError::ZeroPopulation => "platform.zero_population",
            ClassifyError::InvalidThresholds { .. } => "platform.invalid_thresholds",
            ClassifyError::DateOutOfRange(_) => "platform.date_out_of_range",
            ClassifyError::ThresholdsNotInForce { .. } => "platform.thresholds_not_in_force",
            ClassifyError::NoPopulation(_) => "platform.no_population",
            ClassifyError::NoEvents => "platform.no_events",
        }
    }
}

/// Everything a classification needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClassificationInput {
    /// Monthly counts; may include months outside the window (they are ignored and listed).
    pub monthly: Vec<MonthlyCount>,
    /// Where the counts come from (PLAT-12).
    pub source: UserCountSource,
    /// Population (PLAT-02); `None`: the built-in figure that was the latest publication on the
    /// determination date ([`Population::latest_published_on`]), stated in the findings.
    #[serde(default)]
    pub population: Option<Population>,
    /// Thresholds (PLAT-05); `None`: the built-in version in force on the determination date
    /// ([`Thresholds::in_force_on`]).
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    /// Intermediary attestation (PLAT-06).
    #[serde(default)]
    pub intermediary: Intermediary,
    /// How the counts were produced, when this SDK counted them: its accounting becomes
    /// findings next to the class (lines not counted, their share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting: Option<CountingSummary>,
}

impl ClassificationInput {
    /// Counts with the built-in population and thresholds chosen by the determination date,
    /// no intermediary attestation.
    pub fn new(monthly: Vec<MonthlyCount>, source: UserCountSource) -> Self {
        ClassificationInput {
            monthly,
            source,
            population: None,
            thresholds: None,
            intermediary: Intermediary::NotAttested,
            counting: None,
        }
    }

    /// Counts made by this SDK ([`UserCountSource::EgovCounter`]), with their accounting.
    pub fn counted(summary: CountingSummary) -> Self {
        let monthly = summary
            .months
            .iter()
            .map(|m| MonthlyCount {
                month: m.month,
                active_users: m.active_users,
            })
            .collect();
        ClassificationInput {
            counting: Some(summary),
            ..ClassificationInput::new(monthly, UserCountSource::EgovCounter)
        }
    }
}

/// The 12 complete calendar months before `date`, oldest first (PLAT-04, Đ17.4, §7 A-12).
pub fn window_before(date: NaiveDate) -> Option<(YearMonth, YearMonth)> {
    let current = YearMonth::new(date.year(), u8::try_from(date.month()).ok()?)?;
    let last = current.prev()?;
    let first = current.add_months(-(MONTHS_IN_WINDOW as i32))?;
    Some((first, last))
}

/// Size by users from the 12-month sum (PLAT-02, PLAT-03; Đ17.2–3), exact in `u128`:
/// very large ⇔ `S·10 000 > vl·12·P`; large ⇔ `l·12·P ≤ S·10 000 ≤ vl·12·P`.
pub fn scale_of_sum(sum: u64, population: u64, thresholds: &Thresholds) -> Scale {
    let s = u128::from(sum) * 10_000;
    let base = MONTHS_IN_WINDOW as u128 * u128::from(population);
    if s > u128::from(thresholds.very_large_above_bp) * base {
        Scale::VeryLarge
    } else if s >= u128::from(thresholds.large_min_bp) * base {
        Scale::Large
    } else {
        Scale::BelowThreshold
    }
}

/// Classifies a platform on `determination_date` (PLAT-02…06, NĐ 137/2024 Đ17.2–4, Đ18.1).
///
/// ```
/// use chrono::NaiveDate;
/// use egov_platform_class::{classify, ClassificationInput, MonthlyCount, Scale, UserCountSource, YearMonth};
/// let months = (1..=12)
///     .map(|m| MonthlyCount { month: YearMonth::new(2025, m).unwrap(), active_users: 4_000_000 })
///     .collect();
/// let input = ClassificationInput::new(months, UserCountSource::SelfMeasured);
/// let c = classify(&input, NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()).unwrap();
/// assert_eq!(c.scale, Scale::Large);
/// ```
pub fn classify(
    input: &ClassificationInput,
    determination_date: NaiveDate,
) -> Result<Classification, ClassifyError> {
    if input.counting.as_ref().is_some_and(|c| {
        c.events.events_seen == 0 && c.lines.as_ref().is_none_or(|l| l.events == 0)
    }) {
        return Err(ClassifyError::NoEvents);
    }
    let defaults = DefaultsUsed {
        population: input.population.is_none(),
        thresholds: input.thresholds.is_none(),
    };
    let population = match &input.population {
        Some(p) => p.clone(),
        None => Population::latest_published_on(determination_date)
            .ok_or(ClassifyError::NoPopulation(determination_date))?,
    };
    let thresholds = match &input.thresholds {
        Some(t) => t.clone(),
        None => Thresholds::in_force_on(determination_date).ok_or_else(|| {
            let first = Thresholds::default();
            ClassifyError::ThresholdsNotInForce {
                date: determination_date,
                version: first.version,
                effective_from: first.effective_from,
            }
        })?,
    };
    if thresholds.effective_from > determination_date {
        return Err(ClassifyError::ThresholdsNotInForce {
            date: determination_date,
            version: thresholds.version,
            effective_from: thresholds.effective_from,
        });
    }
    let p = population.value;
    if p == 0 {
        return Err(ClassifyError::ZeroPopulation);
    }
    let t = &thresholds;
    if t.large_min_bp == 0 || t.large_min_bp > t.very_large_above_bp {
        return Err(ClassifyError::InvalidThresholds {
            large_min_bp: t.large_min_bp,
            very_large_above_bp: t.very_large_above_bp,
        });
    }
    let (first, last) = window_before(determination_date)
        .ok_or(ClassifyError::DateOutOfRange(determination_date))?;
    let mut sorted = input.monthly.clone();
    sorted.sort_by_key(|m| m.month);
    if let Some(w) = sorted.windows(2).find(|w| w[0].month == w[1].month) {
        return Err(ClassifyError::DuplicateMonth { month: w[0].month });
    }
    let (months, ignored): (Vec<MonthlyCount>, Vec<MonthlyCount>) = sorted
        .into_iter()
        .partition(|m| m.month >= first && m.month <= last);
    if months.len() < MONTHS_IN_WINDOW {
        let missing = first
            .through(last)
            .filter(|ym| !months.iter().any(|m| m.month == *ym))
            .collect();
        let outside = match (ignored.first(), ignored.last()) {
            (Some(a), Some(b)) => Some((ignored.len(), a.month, b.month)),
            _ => None,
        };
        return Err(ClassifyError::InsufficientHistory {
            first,
            last,
            available: months.len(),
            missing,
            outside,
        });
    }
    let sum: u64 = months
        .iter()
        .fold(0u64, |acc, m| acc.saturating_add(m.active_users));
    let scale = scale_of_sum(sum, p, t);
    let n = MONTHS_IN_WINDOW as u128;
    let distances = vec![
        distance(sum, p, "large_min", t.large_min_bp, false),
        distance(sum, p, "very_large_above", t.very_large_above_bp, true),
    ];
    Ok(Classification {
        determination_date,
        months,
        ignored_months: ignored.into_iter().map(|m| m.month).collect(),
        sum,
        mean_exact: format!("{sum}/{MONTHS_IN_WINDOW}"),
        mean_users: decimal(i128::from(sum), n, 2),
        share_percent: decimal(i128::from(sum) * 100, n * u128::from(p), 6),
        scale,
        intermediary: input.intermediary,
        class: LegalClass::from_parts(scale, input.intermediary),
        distances,
        findings: basis_findings(
            input,
            &population,
            &thresholds,
            defaults,
            determination_date,
        ),
        population,
        thresholds,
        source: input.source.clone(),
        defaults,
    })
}

/// How old a built-in population figure may be before a newer official publication is likely
/// (the statistics office publishes the average population every January): 13 months.
const POPULATION_FRESH_DAYS: i64 = 396;

/// The findings that state what a classification rests on (PLAT-01, PLAT-02, PLAT-05).
fn basis_findings(
    input: &ClassificationInput,
    population: &Population,
    thresholds: &Thresholds,
    defaults: DefaultsUsed,
    date: NaiveDate,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let pop_basis = LegalRef::clause(Instrument::Nd137_2024, 17, 2);
    // The figure grouped by threes (`102 300 000`), as both languages write it to people.
    let value = Lang::En.number(&population.value.to_string());
    let who = format!(
        "{value} ({}, {}, published {})",
        population.reference, population.publisher, population.published_on
    );
    let who_vi = format!(
        "{value} (năm/thời điểm {}, {}, công bố ngày {})",
        population.reference,
        population.publisher,
        egov_core::i18n::date_vi(population.published_on)
    );
    let age = (date - population.published_on).num_days();
    if defaults.population {
        let stale = age > POPULATION_FRESH_DAYS;
        out.push(
            Finding::new(
                "PLAT-02",
                pop_basis.clone(),
                Outcome::Warning,
                if stale {
                    format!("population: the built-in figure {who}, {age} days before the determination date; a newer official figure has probably been published: give it")
                } else {
                    format!("population: the built-in figure {who}, the latest publication known to this SDK on {date}; give the official figure to attest it")
                },
                if stale {
                    format!("dân số: số liệu dựng sẵn {who_vi}, trước ngày xác định {age} ngày; có lẽ đã có số liệu chính thức mới hơn: hãy nêu số liệu đó")
                } else {
                    format!("dân số: số liệu dựng sẵn {who_vi}, là công bố gần nhất mà SDK biết vào ngày {}; hãy nêu số liệu chính thức để xác nhận", egov_core::i18n::date_vi(date))
                },
            )
            .with_field("population")
            .with_evidence(json!({ "default": true, "published_days_before": age })),
        );
    } else {
        let (outcome, en, vi) = if population.published_on > date {
            (
                Outcome::Warning,
                format!("population: {who} was published after the determination date {date}"),
                format!(
                    "dân số: {who_vi} được công bố sau ngày xác định {}",
                    egov_core::i18n::date_vi(date)
                ),
            )
        } else {
            (
                Outcome::Pass,
                format!(
                    "population: {who}, given by the caller as the latest official publication"
                ),
                format!("dân số: {who_vi}, do bên sử dụng nêu là công bố chính thức gần nhất"),
            )
        };
        out.push(
            Finding::new("PLAT-02", pop_basis, outcome, en, vi)
                .with_field("population")
                .with_evidence(json!({ "default": false, "published_days_before": age })),
        );
    }
    let origin = if defaults.thresholds {
        "built-in"
    } else {
        "given by the caller"
    };
    let origin_vi = if defaults.thresholds {
        "dựng sẵn"
    } else {
        "do bên sử dụng nêu"
    };
    out.push(
        Finding::new(
            "PLAT-05",
            LegalRef::clause(Instrument::Nd137_2024, 17, 5),
            Outcome::Pass,
            format!(
                "thresholds: version {} ({origin}), in force from {} on the determination date {date}: large from {} bp, very large above {} bp",
                thresholds.version, thresholds.effective_from, thresholds.large_min_bp, thresholds.very_large_above_bp
            ),
            format!(
                "ngưỡng: phiên bản {} ({origin_vi}), áp dụng từ ngày {}, có hiệu lực vào ngày xác định {}: quy mô lớn từ {} phần vạn, quy mô rất lớn trên {} phần vạn",
                thresholds.version,
                egov_core::i18n::date_vi(thresholds.effective_from),
                egov_core::i18n::date_vi(date),
                thresholds.large_min_bp,
                thresholds.very_large_above_bp
            ),
        )
        .with_field("thresholds"),
    );
    if let Some(c) = &input.counting {
        out.extend(c.findings());
    }
    out
}

/// Distance of the 12-month sum to one threshold (`strict`: must be exceeded, Đ17.3).
fn distance(sum: u64, population: u64, name: &str, bp: u32, strict: bool) -> ThresholdDistance {
    let n = MONTHS_IN_WINDOW as u128;
    let p = u128::from(population);
    let bp128 = u128::from(bp);
    // Sum at the threshold, as the exact fraction bp·12·P / 10 000.
    let t_num = bp128 * n * p;
    let s_num = u128::from(sum) * 10_000;
    let reached = if strict {
        s_num > t_num
    } else {
        s_num >= t_num
    };
    // Smallest integer sum that reaches the threshold.
    let needed_sum = if strict {
        t_num / 10_000 + 1
    } else {
        t_num.div_ceil(10_000)
    };
    let additional = needed_sum.saturating_sub(u128::from(sum));
    // Mean minus threshold mean = (S·10 000 − bp·12·P) / (12 · 10 000).
    let diff =
        i128::try_from(s_num).unwrap_or(i128::MAX) - i128::try_from(t_num).unwrap_or(i128::MAX);
    ThresholdDistance {
        threshold: name.to_owned(),
        threshold_bp: bp,
        threshold_mean_users: decimal(i128::try_from(bp128 * p).unwrap_or(i128::MAX), 10_000, 2),
        reached,
        side: match s_num.cmp(&t_num) {
            std::cmp::Ordering::Less => Side::Below,
            std::cmp::Ordering::Equal => Side::At,
            std::cmp::Ordering::Greater => Side::Above,
        },
        distance_users: decimal(diff, n * 10_000, 2),
        // (S/12/P·100) − bp/100 = diff / (12 · P · 100)
        distance_percentage_points: decimal(diff, n * p * 100, 6),
        additional_user_months_needed: if reached {
            0
        } else {
            u64::try_from(additional).unwrap_or(u64::MAX)
        },
    }
}

/// `num / den` as a decimal string with `places` decimals, rounded half away from zero, trailing
/// zeros (and a bare point) removed ([`egov_core::i18n::decimal`], exact integer arithmetic);
/// `NaN` when `den` is zero or the value is beyond the arithmetic (no count reaches that).
pub(crate) fn decimal(num: i128, den: u128, places: u32) -> String {
    egov_core::i18n::decimal(num, den, places).map_or_else(
        || "NaN".to_owned(),
        |d| egov_core::i18n::trim_decimal_zeros(&d).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: u64 = 100_000_000;

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// 12 months of 2025 whose counts sum to `sum` (spread as evenly as possible).
    fn months_with_sum(sum: u64) -> Vec<MonthlyCount> {
        (1..=12u8)
            .map(|m| MonthlyCount {
                month: ym(2025, m),
                active_users: sum / 12 + u64::from(u64::from(m) <= sum % 12),
            })
            .collect()
    }

    fn classify_sum(sum: u64) -> Classification {
        let mut input =
            ClassificationInput::new(months_with_sum(sum), UserCountSource::SelfMeasured);
        input.population = Some(Population::new(
            P,
            PopulationKind::Average,
            "test",
            "test",
            date(2026, 1, 5),
        ));
        classify(&input, date(2026, 1, 15)).unwrap()
    }

    #[test]
    fn plat_03_boundaries_with_whole_means() {
        assert_eq!(classify_sum(2_999_999 * 12).scale, Scale::BelowThreshold);
        assert_eq!(classify_sum(3_000_000 * 12).scale, Scale::Large);
        assert_eq!(classify_sum(10_000_000 * 12).scale, Scale::Large);
        assert_eq!(classify_sum(10_000_001 * 12).scale, Scale::VeryLarge);
    }

    #[test]
    fn plat_03_boundaries_with_non_whole_means() {
        // 35 999 999 / 12 = 2 999 999.9166… < 3 000 000
        assert_eq!(classify_sum(35_999_999).scale, Scale::BelowThreshold);
        // 36 000 001 / 12 = 3 000 000.0833… ≥ 3 %
        assert_eq!(classify_sum(36_000_001).scale, Scale::Large);
        // 119 999 999 / 12 = 9 999 999.9166… ≤ 10 %
        assert_eq!(classify_sum(119_999_999).scale, Scale::Large);
        // 120 000 001 / 12 = 10 000 000.0833… > 10 %
        let c = classify_sum(120_000_001);
        assert_eq!(c.scale, Scale::VeryLarge);
        assert_eq!(c.mean_users, "10000000.08");
        assert_eq!(c.mean_exact, "120000001/12");
    }

    #[test]
    fn plat_03_scale_is_exact_for_huge_values() {
        let t = Thresholds::default();
        assert_eq!(scale_of_sum(u64::MAX, u64::MAX, &t), Scale::Large); // 1/12 = 8.3 %
        assert_eq!(scale_of_sum(u64::MAX, 1, &t), Scale::VeryLarge);
    }

    #[test]
    fn plat_03_distance_to_thresholds() {
        let c = classify_sum(35_999_988); // mean 2 999 999
        let large = &c.distances[0];
        assert!(!large.reached);
        assert_eq!(large.threshold_mean_users, "3000000");
        assert_eq!(large.distance_users, "-1");
        assert_eq!(large.side, Side::Below);
        assert_eq!(large.distance_percentage_points, "-0.000001");
        assert_eq!(large.additional_user_months_needed, 12);
        let vl = &c.distances[1];
        assert_eq!(vl.distance_users, "-7000001");
        assert_eq!(vl.distance_percentage_points, "-7.000001");
        assert_eq!(vl.additional_user_months_needed, 120_000_001 - 35_999_988);
        let c = classify_sum(120_000_000);
        assert!(!c.distances[1].reached, "10 % exactly is not above 10 %");
        assert_eq!(c.distances[1].side, Side::At);
        assert_eq!(c.distances[0].side, Side::Above);
        assert_eq!(c.distances[1].additional_user_months_needed, 1);
        assert_eq!(c.share_percent, "10");
        // One user-month over the threshold: above it, by a twelfth of a user on average.
        let c = classify_sum(120_000_001);
        assert_eq!(c.distances[1].distance_users, "0.08");
        assert_eq!(c.distances[1].side, Side::Above);
    }

    #[test]
    fn plat_04_insufficient_history_is_explicit() {
        let mut months = months_with_sum(120_000_000);
        months.remove(4);
        let input = ClassificationInput::new(months, UserCountSource::SelfMeasured);
        let err = classify(&input, date(2026, 1, 15)).unwrap_err();
        assert_eq!(err.code(), "platform.insufficient_history");
        assert!(err.to_string().ends_with("missing 2025-05"), "{err}");
        let vi = egov_core::Localize::message(&err, egov_core::Lang::Vi);
        assert!(vi.ends_with("thiếu 05/2025"), "{vi}");
        match err {
            ClassifyError::InsufficientHistory {
                missing, available, ..
            } => {
                assert_eq!(available, 11);
                assert_eq!(missing, vec![ym(2025, 5)]);
            }
            other => panic!("unexpected {other:?}"),
        }
        // Data for 2025 classified on a date in December 2026: the months given are named.
        let input =
            ClassificationInput::new(months_with_sum(120_000_000), UserCountSource::SelfMeasured);
        let err = classify(&input, date(2026, 12, 8)).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "; 11 months given lie outside it (2025-01…2025-11): is the determination date right?"
            ),
            "{err}"
        );
        let vi = egov_core::Localize::message(&err, egov_core::Lang::Vi);
        assert!(
            vi.ends_with("; 11 tháng đã cho nằm ngoài khoảng này (01/2025…11/2025): ngày xác định có đúng không?"),
            "{vi}"
        );
    }

    #[test]
    fn plat_04_window_is_12_complete_months_before_the_date() {
        assert_eq!(
            window_before(date(2026, 1, 1)),
            Some((ym(2025, 1), ym(2025, 12)))
        );
        assert_eq!(
            window_before(date(2026, 3, 31)),
            Some((ym(2025, 3), ym(2026, 2)))
        );
        // The current (incomplete) month is ignored, and so are older months.
        let mut months = months_with_sum(48_000_000);
        months.push(MonthlyCount {
            month: ym(2026, 1),
            active_users: 99_000_000,
        });
        months.push(MonthlyCount {
            month: ym(2024, 12),
            active_users: 99_000_000,
        });
        let input = ClassificationInput::new(months, UserCountSource::SelfMeasured);
        let c = classify(&input, date(2026, 1, 20)).unwrap();
        assert_eq!(c.sum, 48_000_000);
        assert_eq!(c.ignored_months, vec![ym(2024, 12), ym(2026, 1)]);
    }

    #[test]
    fn plat_04_duplicate_month_is_an_error() {
        let mut months = months_with_sum(12);
        months.push(months[0]);
        let input = ClassificationInput::new(months, UserCountSource::SelfMeasured);
        let err = classify(&input, date(2026, 1, 15)).unwrap_err();
        assert_eq!(err.code(), "platform.duplicate_month");
    }

    #[test]
    fn plat_06_intermediary_distinguishes_the_legal_class() {
        let mut input = ClassificationInput::new(
            months_with_sum(50_000_000 * 12),
            UserCountSource::SelfMeasured,
        );
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        assert_eq!(c.class, LegalClass::VeryLargeInformationSystem);
        input.intermediary = Intermediary::Attested;
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        assert_eq!(c.class, LegalClass::VeryLargeIntermediaryPlatform);
        assert_eq!(c.class.basis().to_string(), "NĐ 137/2024/NĐ-CP Đ18.1.b");
        input.monthly = months_with_sum(12);
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        assert_eq!(c.class, LegalClass::BelowThreshold);
    }

    #[test]
    fn plat_02_default_population_and_thresholds() {
        let p = Population::vietnam_2025_average();
        assert_eq!(p.value, 102_300_000);
        assert_eq!(p.published_on, date(2026, 1, 5));
        let c = classify(
            &ClassificationInput::new(
                months_with_sum(3_069_000 * 12),
                UserCountSource::EgovCounter,
            ),
            date(2026, 1, 15),
        )
        .unwrap();
        assert_eq!(c.scale, Scale::Large);
        assert_eq!(c.distances[0].threshold_mean_users, "3069000");
        assert_eq!(c.distances[1].threshold_mean_users, "10230000");
    }

    #[test]
    fn plat_05_thresholds_are_data() {
        let mut input = ClassificationInput::new(
            months_with_sum(2_600_000 * 12),
            UserCountSource::SelfMeasured,
        );
        input.population = Some(Population::new(
            P,
            PopulationKind::Census,
            "x",
            "x",
            date(2026, 1, 5),
        ));
        let mut t = Thresholds {
            large_min_bp: 250,
            version: "hypothetical".to_owned(),
            ..Default::default()
        };
        input.thresholds = Some(t.clone());
        assert_eq!(
            classify(&input, date(2026, 1, 15)).unwrap().scale,
            Scale::Large
        );
        t.large_min_bp = 2000;
        input.thresholds = Some(t);
        assert_eq!(
            classify(&input, date(2026, 1, 15)).unwrap_err().code(),
            "platform.invalid_thresholds"
        );
        input.population.as_mut().unwrap().value = 0;
        assert_eq!(
            classify(&input, date(2026, 1, 15)).unwrap_err().code(),
            "platform.zero_population"
        );
    }

    #[test]
    fn plat_05_threshold_version_is_chosen_by_the_determination_date() {
        let mut input = ClassificationInput::new(
            months_with_sum(3_100_000 * 12),
            UserCountSource::SelfMeasured,
        );
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        assert_eq!(c.thresholds.version, "nd137-2024");
        assert!(c.defaults.thresholds);
        let f = c.findings.iter().find(|f| f.rule == "PLAT-05").unwrap();
        assert!(
            f.message.contains("nd137-2024") && f.message.contains("2024-10-23"),
            "{}",
            f.message
        );
        // Before NĐ 137/2024 took effect no thresholds were in force.
        input.monthly = (1..=12u8)
            .map(|m| MonthlyCount {
                month: ym(2023, m),
                active_users: 1,
            })
            .collect();
        let e = classify(&input, date(2024, 1, 15)).unwrap_err();
        assert_eq!(e.code(), "platform.thresholds_not_in_force");
        assert!(!e.message_vi().contains("version"));
        // Caller thresholds that apply only later are refused too: effective_from is compared.
        input.monthly = months_with_sum(3_100_000 * 12);
        let later = Thresholds {
            version: "future".to_owned(),
            effective_from: date(2027, 1, 1),
            ..Default::default()
        };
        input.thresholds = Some(later);
        assert_eq!(
            classify(&input, date(2026, 1, 15)).unwrap_err().code(),
            "platform.thresholds_not_in_force"
        );
    }

    #[test]
    fn plat_02_default_population_is_the_latest_published_on_the_date_and_stated() {
        let input = ClassificationInput::new(
            months_with_sum(3_050_000 * 12),
            UserCountSource::SelfMeasured,
        );
        // On 15/01/2026 the 2025 average (102.3 M, published 05/01/2026) applies: below 3 %.
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        assert_eq!(c.population.value, 102_300_000);
        assert!(c.defaults.population);
        assert_eq!(c.scale, Scale::BelowThreshold);
        let f = c.findings.iter().find(|f| f.rule == "PLAT-02").unwrap();
        assert_eq!(f.outcome, Outcome::Warning);
        assert!(
            f.message.contains("102 300 000") && f.message.contains("built-in"),
            "{}",
            f.message
        );
        assert!(f.message_vi.contains("dựng sẵn"));
        // On 03/01/2026 only the 2024 figure (101.3 M, 06/01/2025) was published: large.
        let c = classify(&input, date(2026, 1, 3)).unwrap();
        assert_eq!(c.population.value, 101_300_000);
        // Long after the last known publication the finding says a newer figure is likely.
        let mut late = input.clone();
        late.monthly = (1..=12u8)
            .map(|m| MonthlyCount {
                month: ym(2029, m),
                active_users: 1,
            })
            .collect();
        let c = classify(&late, date(2030, 1, 15)).unwrap();
        let f = c.findings.iter().find(|f| f.rule == "PLAT-02").unwrap();
        assert!(f.message.contains("newer official figure"), "{}", f.message);
        // A caller's figure is stated as the caller's, and the default flag is off.
        let mut given = input.clone();
        given.population = Some(Population::new(
            P,
            PopulationKind::Average,
            "2025",
            "GSO",
            date(2026, 1, 5),
        ));
        let c = classify(&given, date(2026, 1, 15)).unwrap();
        assert!(!c.defaults.population);
        let f = c.findings.iter().find(|f| f.rule == "PLAT-02").unwrap();
        assert_eq!(f.outcome, Outcome::Pass);
    }

    #[test]
    fn plat_01_counting_accounting_is_a_finding_next_to_the_class() {
        use crate::counter::{CountStats, MonthActivity};
        use crate::csv::{MalformedReason, ParseStats};
        let months: Vec<MonthActivity> = months_with_sum(1_200)
            .iter()
            .map(|m| MonthActivity {
                month: m.month,
                active_users: m.active_users,
                events: 1_000,
            })
            .collect();
        let mut lines = ParseStats {
            lines: 2_000_000,
            events: 1_000_000,
            malformed: 1_000_000,
            ..Default::default()
        };
        lines
            .malformed_by_reason
            .insert(MalformedReason::BadKind, 1_000_000);
        lines
            .unrecognised_kinds
            .insert("view".to_owned(), 1_000_000);
        let events = CountStats {
            events_seen: 1_000_000,
            events_counted: 1_000_000,
            ..Default::default()
        };
        let input = ClassificationInput::counted(CountingSummary::new(months, events, Some(lines)));
        let c = classify(&input, date(2026, 1, 15)).unwrap();
        let f = c.findings.iter().find(|f| f.rule == "PLAT-01").unwrap();
        assert_eq!(f.outcome, Outcome::Warning);
        assert!(
            f.message
                .contains("1 000 000 of 2 000 000 data lines (50 %)"),
            "{}",
            f.message
        );
        assert!(f.message.contains("«view» × 1000000"), "{}", f.message);
        assert!(f.message_vi.contains("không được đếm"));
        // Counting that saw no event at all cannot be classified.
        let empty = ClassificationInput::counted(CountingSummary::new(
            Vec::new(),
            CountStats::default(),
            Some(ParseStats {
                lines: 3,
                malformed: 3,
                ..Default::default()
            }),
        ));
        assert_eq!(
            classify(&empty, date(2026, 1, 15)).unwrap_err().code(),
            "platform.no_events"
        );
    }

    #[test]
    fn plat_02_plat_03_thresholds_are_named_in_the_law_s_words() {
        let at = |threshold: &str, bp| ThresholdDistance {
            threshold: threshold.to_owned(),
            threshold_bp: bp,
            threshold_mean_users: String::new(),
            reached: false,
            side: Side::Below,
            distance_users: String::new(),
            distance_percentage_points: String::new(),
            additional_user_months_needed: 0,
        };
        assert_eq!(
            at("large_min", 300).label_vi(),
            "Ngưỡng quy mô lớn (từ 3% tổng dân số, khoản 2 Điều 17)"
        );
        assert_eq!(
            at("very_large_above", 1000).label_vi(),
            "Ngưỡng quy mô rất lớn (trên 10% tổng dân số, khoản 3 Điều 17)"
        );
        assert_eq!(
            at("large_min", 250).label_en(),
            "Large threshold (at least 2.5 % of the population, Đ17.2)"
        );
        assert_eq!(
            at("large_min", 250).label_vi(),
            "Ngưỡng quy mô lớn (từ 2,5% tổng dân số, khoản 2 Điều 17)"
        );
    }

    #[test]
    fn decimal_rounds_half_away_from_zero() {
        assert_eq!(decimal(1, 8, 2), "0.13");
        assert_eq!(decimal(-1, 8, 2), "-0.13");
        assert_eq!(decimal(-1, 1000, 2), "0");
        assert_eq!(decimal(25, 10, 0), "3");
        assert_eq!(decimal(120_000_001, 12, 2), "10000000.08");
    }
}
