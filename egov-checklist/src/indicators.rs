//! Direction indicators («chỉ số phục vụ chỉ đạo, điều hành», NĐ 137/2024 Đ10.3–10.5; rules
//! OTH-39 and OTH-40): the indicator record every indicator must complete (Đ10.4.d), the
//! selection rule «phải đáp ứng một trong các tiêu chí sau đây» (Đ10.5), and the groups each
//! indicator set comprises (Đ10.3.a–c).
//!
//! ```
//! use egov_checklist::indicators::{check_indicator, Indicator};
//! use egov_core::Outcome;
//! let i: Indicator = serde_json::from_str(r#"{
//!     "code": "KT-01", "name": "Tăng trưởng GRDP quý",
//!     "set": "provincial_leaders", "group": "daily_monthly_socio_economic",
//!     "method": "GRDP quý này so với cùng kỳ năm trước", "unit": "%",
//!     "attributes": ["giá so sánh 2010"], "breakdowns": ["khu vực kinh tế"],
//!     "period": "quý", "source": "Cục Thống kê tỉnh", "comparability": "so sánh cùng kỳ",
//!     "criteria": ["a", "dd"] }"#).unwrap();
//! assert!(check_indicator(&i).iter().all(|f| f.outcome == Outcome::Pass));
//! ```

use std::collections::BTreeSet;

use egov_core::{Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The indicator sets of Đ10.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorSet {
    /// Đ10.3.a: the Government's and the Prime Minister's.
    Government,
    /// Đ10.3.b: the leaders of a ministry or sector.
    MinistryLeaders,
    /// Đ10.3.c: the leaders of a provincial People's Committee.
    ProvincialLeaders,
    /// Đ10.3.d: another state agency's own set, chosen from its needs.
    OtherAgency,
}

/// The indicator groups named in Đ10.3.a–c.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorGroup {
    /// «nhóm chỉ số phục vụ chỉ đạo, điều hành hằng ngày, hằng tháng» (a, b, c).
    DailyMonthlySocioEconomic,
    /// «nhóm chỉ số theo dõi, giám sát việc thực hiện các chương trình mục tiêu quốc gia, dự án
    /// quan trọng quốc gia» (a, b, c).
    NationalTargetProgrammes,
    /// «nhóm chỉ số phục vụ chỉ đạo, điều hành, tương tác trực tuyến trong các tình huống khẩn
    /// cấp …» (a, b, c).
    Emergencies,
    /// «các nhóm chỉ số theo yêu cầu đột xuất của Chính phủ, Thủ tướng Chính phủ» (a).
    AdHoc,
    /// «các chỉ số đặc thù của địa phương» (c).
    LocalSpecific,
    /// «nhóm chỉ số theo dõi, giám sát việc thực hiện các chỉ tiêu được giao tại Nghị quyết của
    /// Hội đồng nhân dân cấp tỉnh hằng năm và 5 năm» (c).
    PeoplesCouncilTargets,
    /// «nhóm chỉ số theo dõi, giám sát việc thực hiện các nhiệm vụ được Chính phủ, Thủ tướng
    /// Chính phủ giao hằng tháng, quý, năm» (c).
    AssignedTasks,
    /// A group of the agency's own (Đ10.3.d: sets are adjusted to the situation).
    Other,
}

impl IndicatorGroup {
    fn name_vi(self) -> &'static str {
        match self {
            IndicatorGroup::DailyMonthlySocioEconomic => "chỉ đạo, điều hành hằng ngày, hằng tháng",
            IndicatorGroup::NationalTargetProgrammes => {
                "chương trình mục tiêu quốc gia, dự án quan trọng quốc gia"
            }
            IndicatorGroup::Emergencies => "tình huống khẩn cấp",
            IndicatorGroup::AdHoc => "yêu cầu đột xuất",
            IndicatorGroup::LocalSpecific => "chỉ số đặc thù của địa phương",
            IndicatorGroup::PeoplesCouncilTargets => "chỉ tiêu Nghị quyết Hội đồng nhân dân",
            IndicatorGroup::AssignedTasks => "nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao",
            IndicatorGroup::Other => "nhóm khác",
        }
    }
}

impl IndicatorSet {
    /// The groups Đ10.3 lists for this set, with the point that lists them (none for
    /// [`IndicatorSet::OtherAgency`], which chooses its own).
    pub fn listed_groups(self) -> (&'static [IndicatorGroup], Option<&'static str>) {
        use IndicatorGroup as G;
        match self {
            IndicatorSet::Government => (
                &[
                    G::DailyMonthlySocioEconomic,
                    G::NationalTargetProgrammes,
                    G::Emergencies,
                    G::AdHoc,
                ],
                Some("a"),
            ),
            IndicatorSet::MinistryLeaders => (
                &[
                    G::DailyMonthlySocioEconomic,
                    G::NationalTargetProgrammes,
                    G::Emergencies,
                ],
                Some("b"),
            ),
            IndicatorSet::ProvincialLeaders => (
                &[
                    G::DailyMonthlySocioEconomic,
                    G::NationalTargetProgrammes,
                    G::Emergencies,
                    G::LocalSpecific,
                    G::PeoplesCouncilTargets,
                    G::AssignedTasks,
                ],
                Some("c"),
            ),
            IndicatorSet::OtherAgency => (&[], None),
        }
    }
}

/// The five selection criteria of Đ10.5 (JSON `a`, `b`, `c`, `d`, `dd` for đ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SelectionCriterion {
    /// a) decisive for priority goals and tasks.
    #[serde(rename = "a")]
    Decisive,
    /// b) supports analysis, forecasting, assessing completion and proposing solutions.
    #[serde(rename = "b")]
    SupportsAnalysis,
    /// c) specific, quantitative, time-bound, observable and verifiable.
    #[serde(rename = "c")]
    Measurable,
    /// d) provided at short, continuous frequency (day, week, month), shared automatically.
    #[serde(rename = "d")]
    Frequent,
    /// đ) a component of related statistical indicators.
    #[serde(rename = "dd", alias = "đ")]
    StatisticalComponent,
}

impl SelectionCriterion {
    /// The point letter of Đ10.5.
    pub fn letter(self) -> &'static str {
        match self {
            SelectionCriterion::Decisive => "a",
            SelectionCriterion::SupportsAnalysis => "b",
            SelectionCriterion::Measurable => "c",
            SelectionCriterion::Frequent => "d",
            SelectionCriterion::StatisticalComponent => "đ",
        }
    }
}

/// One direction indicator (OTH-39, Đ10.4.d: «phải có phương pháp tính, đơn vị đo lường; xác
/// định rõ ràng các thuộc tính, phân tổ chủ yếu, kỳ dữ liệu, nguồn dữ liệu và khả năng so
/// sánh»), with the set and group it belongs to and the Đ10.5 criteria it was selected on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The agency's code for the indicator.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The set it belongs to (Đ10.3).
    pub set: IndicatorSet,
    /// Its group within the set (Đ10.3).
    pub group: IndicatorGroup,
    /// «phương pháp tính».
    #[serde(default)]
    pub method: String,
    /// «đơn vị đo lường».
    #[serde(default)]
    pub unit: String,
    /// «thuộc tính».
    #[serde(default)]
    pub attributes: Vec<String>,
    /// «phân tổ chủ yếu».
    #[serde(default)]
    pub breakdowns: Vec<String>,
    /// «kỳ dữ liệu».
    #[serde(default)]
    pub period: String,
    /// «nguồn dữ liệu».
    #[serde(default)]
    pub source: String,
    /// «khả năng so sánh».
    #[serde(default)]
    pub comparability: String,
    /// The Đ10.5 criteria it meets.
    #[serde(default)]
    pub criteria: BTreeSet<SelectionCriterion>,
}

/// Reads indicators from JSON: an array of [`Indicator`]s or `{"indicators": [...]}` (the
/// form the CLI, C and Python take). The error names the first problem (serde's message with
/// its line and column).
pub fn parse_indicators(text: &str) -> Result<Vec<Indicator>, serde_json::Error> {
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    struct Wrapped {
        indicators: Vec<Indicator>,
    }
    if text.trim_start().starts_with('[') {
        serde_json::from_str(text)
    } else {
        serde_json::from_str::<Wrapped>(text).map(|w| w.indicators)
    }
}

fn finding(
    rule: &'static str,
    basis: LegalRef,
    outcome: Outcome,
    en: String,
    vi: String,
) -> Finding {
    Finding::new(rule, basis, outcome, en, vi)
}

/// OTH-39 (Đ10.4.d) and OTH-40 (Đ10.5): the findings on one indicator.
///
/// - OTH-39: one **Fail** per element of the record that is missing (blank), naming it in the
///   decree's words; one **Pass** when all seven are there.
/// - OTH-40: **Fail** when no selection criterion is given («phải đáp ứng một trong các tiêu chí
///   sau đây»), **Pass** naming the criteria otherwise.
pub fn check_indicator(i: &Indicator) -> Vec<Finding> {
    let d10_4_d = LegalRef::point(Instrument::Nd137_2024, 10, 4, "d");
    let blank = |s: &str| s.trim().is_empty();
    let list_blank = |v: &[String]| v.iter().all(|s| s.trim().is_empty());
    let elements: [(&str, &str, bool); 7] = [
        ("method", "phương pháp tính", blank(&i.method)),
        ("unit", "đơn vị đo lường", blank(&i.unit)),
        ("attributes", "thuộc tính", list_blank(&i.attributes)),
        ("breakdowns", "phân tổ chủ yếu", list_blank(&i.breakdowns)),
        ("period", "kỳ dữ liệu", blank(&i.period)),
        ("source", "nguồn dữ liệu", blank(&i.source)),
        ("comparability", "khả năng so sánh", blank(&i.comparability)),
    ];
    let evidence = json!({ "code": i.code });
    let mut out = Vec::new();
    for (field, vi, missing) in elements {
        if missing {
            out.push(
                finding(
                    "OTH-39",
                    d10_4_d.clone(),
                    Outcome::Fail,
                    format!("Indicator {}: no {field} (Đ10.4.d requires it).", i.code),
                    format!(
                        "Chỉ số {}: chưa xác định {vi} (điểm d khoản 4 Điều 10).",
                        i.code
                    ),
                )
                .with_evidence(json!({ "code": i.code, "missing": field })),
            );
        }
    }
    if out.is_empty() {
        out.push(
            finding(
                "OTH-39",
                d10_4_d,
                Outcome::Pass,
                format!(
                    "Indicator {}: method, unit, attributes, breakdowns, period, source and comparability are defined.",
                    i.code
                ),
                format!(
                    "Chỉ số {}: có phương pháp tính, đơn vị đo lường, thuộc tính, phân tổ chủ yếu, kỳ dữ liệu, nguồn dữ liệu và khả năng so sánh.",
                    i.code
                ),
            )
            .with_evidence(evidence.clone()),
        );
    }
    let d10_5 = LegalRef::clause(Instrument::Nd137_2024, 10, 5);
    if i.criteria.is_empty() {
        out.push(
            finding(
                "OTH-40",
                d10_5,
                Outcome::Fail,
                format!(
                    "Indicator {}: meets none of the selection criteria a)–đ) of Đ10.5; it must meet at least one.",
                    i.code
                ),
                format!(
                    "Chỉ số {}: chưa đáp ứng tiêu chí nào tại khoản 5 Điều 10; chỉ số được lựa chọn phải đáp ứng một trong các tiêu chí a) đến đ).",
                    i.code
                ),
            )
            .with_evidence(evidence),
        );
    } else {
        let letters: Vec<&str> = i.criteria.iter().map(|c| c.letter()).collect();
        out.push(
            finding(
                "OTH-40",
                d10_5,
                Outcome::Pass,
                format!(
                    "Indicator {}: selected on criteria {} of Đ10.5.",
                    i.code,
                    letters.join(", ")
                ),
                format!(
                    "Chỉ số {}: đáp ứng tiêu chí {} khoản 5 Điều 10.",
                    i.code,
                    letters.join(", ")
                ),
            )
            .with_evidence(json!({ "code": i.code, "criteria": letters })),
        );
    }
    out
}

/// OTH-39 (Đ10.3.a–c): every indicator's findings, then, for each set a–c present, a
/// **Warning** for each group the decree lists for that set with no indicator («bao gồm: …»;
/// Đ10.3.d lets sets be adjusted, so a gap is a warning, not a failure), and a **Warning** for an
/// indicator whose group the decree does not list for its set.
pub fn check_indicators(indicators: &[Indicator]) -> Vec<Finding> {
    let mut out: Vec<Finding> = indicators.iter().flat_map(check_indicator).collect();
    let sets: BTreeSet<IndicatorSet> = indicators.iter().map(|i| i.set).collect();
    for set in sets {
        let (listed, point) = set.listed_groups();
        let Some(point) = point else { continue };
        let basis = LegalRef::point(Instrument::Nd137_2024, 10, 3, point);
        for g in listed {
            if !indicators.iter().any(|i| i.set == set && i.group == *g) {
                out.push(finding(
                    "OTH-39",
                    basis.clone(),
                    Outcome::Warning,
                    format!(
                        "Set {set:?}: no indicator in the group {g:?} that Đ10.3.{point} lists."
                    ),
                    format!(
                        "Bộ chỉ số chưa có chỉ số thuộc nhóm «{}» (điểm {point} khoản 3 Điều 10).",
                        g.name_vi()
                    ),
                ));
            }
        }
        for i in indicators.iter().filter(|i| i.set == set) {
            if i.group != IndicatorGroup::Other && !listed.contains(&i.group) {
                out.push(finding(
                    "OTH-39",
                    basis.clone(),
                    Outcome::Warning,
                    format!(
                        "Indicator {}: the group {:?} is not one Đ10.3.{point} lists for this set.",
                        i.code, i.group
                    ),
                    format!(
                        "Chỉ số {}: nhóm «{}» không thuộc các nhóm tại điểm {point} khoản 3 Điều 10 cho bộ chỉ số này.",
                        i.code,
                        i.group.name_vi()
                    ),
                ));
            }
        }
    }
    out
}
