//! The self-classification report (PLAT-02…27): inputs, method, monthly counts, average, class,
//! obligations, next due date and citations, as JSON (serde) and as bilingual Markdown an owner can
//! attach to a submission (Đ18.2 closing paragraph: «báo cáo, cung cấp số liệu»).

use std::fmt::Write as _;

use chrono::NaiveDate;
use egov_core::i18n::date_vi;
use egov_core::{
    CalendarError, ErrorCode, Finding, Instrument, Lang, LegalRef, Outcome, WorkingCalendar,
};
use serde::{Deserialize, Serialize};

use crate::classify::{
    classify, Classification, ClassificationInput, ClassifyError, Intermediary, Scale,
    UserCountSource,
};
use crate::functions::{assess_functions, FunctionAssessment, FunctionProfile};
use crate::month::YearMonth;
use crate::obligations::{evaluate, reporting_duty, Evidence};
use crate::owner::{assess_owner, OwnerAssessment, OwnerEvidence};
use crate::published::{
    check_count_source, check_platform_listing, PublishedList, PublishedListKind,
};
use crate::schedule::{next_due, NextDue, PlatformHistory, ScheduleParams};
use egov_core::owner::OwnerClass;

pub use crate::summary::CountingSummary;

/// Why a report could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The classification failed.
    #[error(transparent)]
    Classify(#[from] ClassifyError),
    /// The working calendar could not place a deadline.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl ErrorCode for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::Classify(e) => e.code(),
            ReportError::Calendar(e) => e.code(),
        }
    }
}

impl egov_core::Localize for ReportError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        // The code is the nested error's, so is the catalogue.
        match self {
            ReportError::Classify(e) => e.catalogue(),
            ReportError::Calendar(e) => e.catalogue(),
        }
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            ReportError::Classify(e) => e.message_args(),
            ReportError::Calendar(e) => e.message_args(),
        }
    }
}

/// The full self-classification report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlatformReport {
    /// The determination date.
    pub determination_date: NaiveDate,
    /// The method, in English.
    pub method: Vec<String>,
    /// The method, in Vietnamese.
    pub method_vi: Vec<String>,
    /// How the counts were produced, if counted here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting: Option<CountingSummary>,
    /// The classification, with its inputs (population, thresholds, source, intermediary).
    pub classification: Classification,
    /// One finding per obligation (empty unless an intermediary platform of large scale).
    pub obligations: Vec<Finding>,
    /// Overall outcome of the obligations (`unknown` if there are none to check).
    pub obligations_overall: Outcome,
    /// The next self-classification due.
    pub next_due: NextDue,
    /// The owner class and the evidence the owner is determined from, with their findings
    /// (CORE-05, PLAT-07; Đ15.2–15.3). When not given, the findings say so (`unknown`).
    #[serde(default)]
    pub owner: OwnerAssessment,
    /// The function classes of Đ16.1, with their finding (PLAT-08). When not given, the finding
    /// says so (`unknown`).
    #[serde(default)]
    pub functions: FunctionAssessment,
    /// The duty to report and provide data to the state management agency (PLAT-11, Đ18.2);
    /// always present in a report built here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_duty: Option<Finding>,
    /// The report compared with the published lists given (PLAT-12, Đ18.4.b–c): one finding per
    /// list (none for a tools list when the counts were not made by a named tool or source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_lists: Vec<Finding>,
    /// Every provision relied on.
    pub citations: Vec<LegalRef>,
}

/// Everything a report needs besides the classification input (JSON: every field optional,
/// unknown fields refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportContext {
    /// Evidence for the obligations.
    #[serde(default)]
    pub evidence: Evidence,
    /// The platform's history (operating since, first self-classification).
    #[serde(default)]
    pub history: PlatformHistory,
    /// Schedule parameters.
    #[serde(default)]
    pub schedule: ScheduleParams,
    /// The owner class (CORE-05, Đ15.2); `None` = not given (the report says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_class: Option<OwnerClass>,
    /// The evidence the owner is determined from (PLAT-07, Đ15.3); `None` = not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_evidence: Option<OwnerEvidence>,
    /// The system's main functions and classes of Đ16.1 (PLAT-08); `None` = not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub functions: Option<FunctionProfile>,
    /// The lists the Ministry published (PLAT-12, Đ18.4.b–c), as the caller recorded them; each
    /// is compared with the report ([`crate::published`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_lists: Vec<PublishedList>,
    /// The platform's name as a platforms list would show it (needed to compare with one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<String>,
}

/// Builds the report (PLAT-02…27, NĐ 137/2024 Đ17–20; with CORE-05, PLAT-07, PLAT-08 of
/// Đ15–16): classification, obligations of the resulting class, the Đ18.2 reporting duty
/// (PLAT-11), next due date, and the owner and function classes when given (their findings say
/// when they are not). `determination_date` is also "today" for the schedule. When the counts were made here
/// (`input.counting`), the report carries their accounting.
pub fn build_report(
    input: &ClassificationInput,
    determination_date: NaiveDate,
    context: &ReportContext,
    calendar: &WorkingCalendar,
) -> Result<PlatformReport, ReportError> {
    let counting = input.counting.clone();
    let classification = classify(input, determination_date)?;
    let obligations = evaluate(classification.class, &context.evidence);
    let next_due = next_due(
        determination_date,
        &context.history,
        &context.schedule,
        calendar,
    )?;
    let clause = |article, clause| LegalRef::clause(Instrument::Nd137_2024, article, clause);
    let mut citations = vec![
        clause(17, 1),
        clause(17, 2),
        clause(17, 3),
        clause(17, 4),
        clause(17, 5),
        clause(18, 1),
        clause(18, 2),
        LegalRef::point(Instrument::Nd137_2024, 18, 4, "c"),
    ];
    let owner = assess_owner(context.owner_class, context.owner_evidence.as_ref());
    let functions = assess_functions(context.functions.as_ref());
    let reporting = reporting_duty(
        classification.scale,
        classification.intermediary,
        &context.evidence,
    );
    // What was given is relied on; what was not is reported as not given, not cited.
    let mut relied: Vec<&Finding> = Vec::new();
    if context.owner_class.is_some() {
        relied.extend(owner.findings.iter());
    }
    if let Some(p) = &context.functions {
        relied.extend(functions.findings.iter());
        if let Some(c) = &p.classes {
            for class in c.iter() {
                let b = class.basis();
                if !citations.contains(&b) {
                    citations.push(b);
                }
            }
        }
    }
    for f in relied.into_iter().chain(&obligations.findings) {
        if !citations.contains(&f.basis) {
            citations.push(f.basis.clone());
        }
    }
    let published_lists = compare_published_lists(
        context,
        &classification.source,
        classification.scale,
        determination_date,
    );
    for f in &published_lists {
        if !citations.contains(&f.basis) {
            citations.push(f.basis.clone());
        }
    }
    let (method, method_vi) = method_text(&classification);
    Ok(PlatformReport {
        determination_date,
        method,
        method_vi,
        counting,
        obligations_overall: obligations.overall(),
        obligations: obligations.findings,
        classification,
        next_due,
        owner,
        functions,
        reporting_duty: Some(reporting),
        published_lists,
        citations,
    })
}

/// PLAT-12 (Đ18.4.b–c): each published list given, compared with the report.
fn compare_published_lists(
    context: &ReportContext,
    source: &UserCountSource,
    scale: Scale,
    on: NaiveDate,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for list in &context.published_lists {
        match list.kind {
            PublishedListKind::MeasurementTools => {
                out.extend(check_count_source(source, list, on));
            }
            PublishedListKind::Platforms => match &context.platform_name {
                Some(name) => out.push(check_platform_listing(name, scale, list, on)),
                None => out.push(Finding::new(
                    "PLAT-12",
                    LegalRef::point(Instrument::Nd137_2024, 18, 4, "b"),
                    Outcome::Unknown,
                    "a platforms list was given without the platform's name (platform_name): not compared",
                    "có danh sách nền tảng nhưng không có tên nền tảng (platform_name): chưa đối chiếu được",
                )),
            },
        }
    }
    out
}

fn method_text(c: &Classification) -> (Vec<String>, Vec<String>) {
    let first = c.months.first().map(|m| m.month);
    let last = c.months.last().map(|m| m.month);
    let en_month = |m: Option<YearMonth>| m.map(|m| m.to_string()).unwrap_or_default();
    let vi_month = |m: Option<YearMonth>| m.map(|m| m.to_vi()).unwrap_or_default();
    let large = crate::classify::decimal(i128::from(c.thresholds.large_min_bp), 100, 2);
    let very_large = crate::classify::decimal(i128::from(c.thresholds.very_large_above_bp), 100, 2);
    (
        vec![
            "An active user is a user with at least one login, information access or service use in the month, located in Vietnam (Đ17.1, Đ17.2).".to_owned(),
            "Months are calendar months in Vietnam time (00:00 +07:00).".to_owned(),
            format!("The figure is the arithmetic mean over the 12 most recent complete calendar months before the determination date: {} to {} (Đ17.4).", en_month(first), en_month(last)),
            format!("Compared with {large} % and {very_large} % of the population of {} ({}, published {} by {}), in exact integer arithmetic (no rounding decides the class).",
                c.population.value, c.population.reference, c.population.published_on, c.population.publisher),
            format!("Source of the monthly counts: {} (Đ18.4.c).", c.source),
        ],
        vec![
            "Người sử dụng có hoạt động: có ít nhất một hoạt động đăng nhập, truy cập thông tin, sử dụng dịch vụ trong tháng, tại Việt Nam (khoản 1, 2 Điều 17).".to_owned(),
            "Tháng dương lịch theo giờ Việt Nam (00:00 +07:00).".to_owned(),
            format!("Trung bình cộng của 12 tháng gần nhất đã kết thúc trước ngày xác định: từ {} đến {} (khoản 4 Điều 17).", vi_month(first), vi_month(last)),
            format!("So sánh với {}% và {}% tổng dân số {} ({}, công bố ngày {} bởi {}) bằng số học số nguyên chính xác (không làm tròn khi xác định quy mô).",
                Lang::Vi.number(&large), Lang::Vi.number(&very_large),
                Lang::Vi.number(&c.population.value.to_string()), c.population.reference, egov_core::i18n::date_vi(c.population.published_on), c.population.publisher),
            format!("Nguồn số liệu hằng tháng: {} (điểm c khoản 4 Điều 18).", c.source.to_vi()),
        ],
    )
}

fn findings_table(md: &mut String, findings: &[Finding]) {
    let _ = writeln!(
        md,
        "| Căn cứ / Basis | Kết quả / Outcome | Nội dung / Finding |\n|---|---|---|"
    );
    for f in findings {
        let _ = writeln!(
            md,
            "| {}<br>{} ({}) | {} | {}<br>{} |",
            f.basis.to_string_vi(),
            f.basis,
            f.rule,
            outcome_vi(f.outcome),
            f.message_vi,
            f.message
        );
    }
}

/// A figure of the bilingual report: digits grouped by threes with a space from five digits up
/// (`3 069 000`, ISO 80000-1, read alike in both languages), a decimal point kept as computed.
fn group(figure: &str) -> String {
    Lang::En.number(figure)
}

fn outcome_vi(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "Đạt / Pass",
        Outcome::Warning => "Lưu ý / Warning",
        Outcome::Unknown => "Chưa xác định / Unknown",
        Outcome::Fail => "Không đạt / Fail",
    }
}

impl PlatformReport {
    /// The report as Markdown with Vietnamese and English headings.
    pub fn to_markdown(&self) -> String {
        let c = &self.classification;
        let mut md = String::new();
        let _ = writeln!(
            md,
            "# Báo cáo tự xác định quy mô nền tảng số / Platform self-classification report\n"
        );
        let _ = writeln!(
            md,
            "Ngày xác định / Determination date: **{}** ({})\n",
            date_vi(self.determination_date),
            self.determination_date
        );
        let _ = writeln!(md, "## Kết quả / Result\n");
        let _ = writeln!(
            md,
            "- **{}** ({})",
            c.class.name_vi(),
            c.class.basis().to_string_vi()
        );
        let _ = writeln!(md, "- **{}** ({})", c.class.name_en(), c.class.basis());
        let _ = writeln!(
            md,
            "- Trung bình / Mean monthly active users: **{}** (= {}), {}% tổng dân số / {} % of the population",
            group(&c.mean_users),
            c.mean_exact_text(),
            Lang::Vi.number(&c.share_percent),
            c.share_percent
        );
        let intermediary = match c.intermediary {
            Intermediary::Attested => "đã xác nhận / attested",
            Intermediary::NotIntermediary => "không phải nền tảng trung gian / not an intermediary",
            Intermediary::NotAttested => "chưa xác nhận / not attested",
        };
        let _ = writeln!(
            md,
            "- Điều kiện nền tảng trung gian (khoản 1 Điều 18) / Intermediary condition (Đ18.1): {intermediary}\n"
        );
        let _ = writeln!(
            md,
            "## Phân loại theo chủ quản (Điều 15) / Owner class (Đ15)\n"
        );
        match self.owner.class {
            Some(o) => {
                let _ = writeln!(
                    md,
                    "- **{}** ({}) / {} ({})",
                    o.name_vi(),
                    o.basis().to_string_vi(),
                    o.name_en(),
                    o.basis()
                );
            }
            None => {
                let _ = writeln!(md, "- Chưa cho biết / Not given");
            }
        }
        if let Some(name) = self
            .owner
            .evidence
            .as_ref()
            .and_then(|e| e.owner_name.as_deref())
        {
            let _ = writeln!(md, "- Chủ quản / Owner: {name}");
        }
        let _ = writeln!(md);
        findings_table(&mut md, &self.owner.findings);
        let _ = writeln!(
            md,
            "\n## Phân loại theo chức năng (khoản 1 Điều 16) / Function classes (Đ16.1)\n"
        );
        match self
            .functions
            .profile
            .as_ref()
            .and_then(|p| p.classes.as_ref())
        {
            Some(classes) => {
                for c in classes.iter() {
                    let _ = writeln!(
                        md,
                        "- **{}** ({}) / {} ({})",
                        c.name_vi(),
                        c.basis().to_string_vi(),
                        c.name_en(),
                        c.basis()
                    );
                }
            }
            None => {
                let _ = writeln!(md, "- Chưa cho biết / Not given");
            }
        }
        let _ = writeln!(md);
        findings_table(&mut md, &self.functions.findings);
        let _ = writeln!(md);
        let _ = writeln!(
            md,
            "## Khoảng cách tới ngưỡng / Distance to thresholds\n\n| Ngưỡng / Threshold | Người sử dụng (trung bình) / Users (mean) | Đã đạt / Reached | Khoảng cách (người sử dụng) / Distance (users) | Khoảng cách (điểm phần trăm) / Distance (pp) | Số người sử dụng-tháng còn thiếu / Extra user-months needed |\n|---|---:|---|---:|---:|---:|"
        );
        for d in &c.distances {
            let _ = writeln!(
                md,
                "| {} / {} | {} | {} | {} | {} | {} |",
                d.label_vi(),
                d.label_en(),
                group(&d.threshold_mean_users),
                if d.reached { "có / yes" } else { "chưa / no" },
                group(&d.distance_users),
                d.distance_percentage_points,
                Lang::En.count(d.additional_user_months_needed)
            );
        }
        let _ = writeln!(
            md,
            "\n## Số liệu theo tháng / Monthly active users\n\n| Tháng / Month | Người sử dụng / Users |\n|---|---:|"
        );
        for m in &c.months {
            let _ = writeln!(
                md,
                "| {} | {} |",
                m.month.month_slash_year(),
                Lang::En.count(m.active_users)
            );
        }
        let _ = writeln!(md, "| **Σ** | **{}** |", Lang::En.count(c.sum));
        if let Some(k) = &self.counting {
            let _ = writeln!(
                md,
                "\n## Đếm từ sự kiện / Counting from events\n\n- Sự kiện đã đọc / Events seen: {}; được đếm / counted: {}; ngoài Việt Nam / outside Vietnam: {}; thời điểm ngoài phạm vi / timestamp out of range: {}",
                k.events.events_seen,
                k.events.events_counted,
                k.events.outside_vietnam,
                k.events.timestamp_out_of_range
            );
            if let Some(l) = &k.lines {
                let _ = writeln!(
                    md,
                    "- Dòng / Lines: {}; sự kiện / events: {}; không được đếm / not counted: {}; tiêu đề / header: {}; trống / blank: {}",
                    l.lines, l.events, l.malformed, l.header_lines, l.blank_lines
                );
                for (r, n) in &l.malformed_by_reason {
                    let _ = writeln!(md, "  - {}: {n} / {}", r.describe_vi(), r.describe());
                }
                for (kind, n) in &l.unrecognised_kinds {
                    let _ = writeln!(md, "  - «{kind}»: {n}");
                }
            }
            let _ = writeln!(
                md,
                "- Mã người dùng / Identifiers: {}; cận trên xác suất trùng / collision bound: {}",
                k.id_hash, k.collision_bound
            );
        }
        let _ = writeln!(md, "\n## Dữ liệu đầu vào / Inputs\n");
        let p = &c.population;
        let _ = writeln!(
            md,
            "- Dân số / Population: {} ({} / {}, {}), {} — {} ({}){}",
            Lang::En.count(p.value),
            p.kind.name_vi(),
            p.kind.name_en(),
            p.reference,
            p.publisher,
            date_vi(p.published_on),
            p.published_on,
            p.url
                .as_deref()
                .map(|u| format!(", <{u}>"))
                .unwrap_or_default()
        );
        let _ = writeln!(
            md,
            "- Ngưỡng / Thresholds: `{}`, áp dụng từ / from {} ({}): lớn / large ≥ {} bp, rất lớn / very large > {} bp ({})",
            c.thresholds.version,
            date_vi(c.thresholds.effective_from),
            c.thresholds.effective_from,
            c.thresholds.large_min_bp,
            c.thresholds.very_large_above_bp,
            c.thresholds.basis
        );
        let _ = writeln!(
            md,
            "- Nguồn số liệu / Source: {} / {}",
            c.source.to_vi(),
            c.source
        );
        if !c.findings.is_empty() {
            let _ = writeln!(md, "\n## Căn cứ của kết quả / What the class rests on\n");
            findings_table(&mut md, &c.findings);
        }
        let _ = writeln!(md, "\n## Phương pháp / Method\n");
        for (en, vi) in self.method.iter().zip(
            self.method_vi
                .iter()
                .chain(std::iter::repeat(&String::new())),
        ) {
            // Vietnamese first, as everywhere in the report; English beneath in italics.
            if vi.is_empty() {
                let _ = writeln!(md, "- {en}");
            } else {
                let _ = writeln!(md, "- {vi}\n  _{en}_");
            }
        }
        if let Some(f) = &self.reporting_duty {
            let _ = writeln!(
                md,
                "\n## Báo cáo, cung cấp số liệu (khoản 2 Điều 18) / Report and data to the state agency (Đ18.2)\n"
            );
            findings_table(&mut md, std::slice::from_ref(f));
        }
        if !self.published_lists.is_empty() {
            let _ = writeln!(
                md,
                "\n## Danh sách do Bộ công bố (điểm b, c khoản 4 Điều 18) / Lists the Ministry published (Đ18.4.b–c)\n"
            );
            findings_table(&mut md, &self.published_lists);
        }
        let _ = writeln!(md, "\n## Nghĩa vụ / Obligations\n");
        if self.obligations.is_empty() {
            let _ = writeln!(md, "Không áp dụng Điều 19, 20 / Đ19–20 do not apply to this class (they bind intermediary platforms of large or very large scale).");
        } else {
            let _ = writeln!(
                md,
                "Tổng thể / Overall: **{}**\n\n| # | Căn cứ / Basis | Kết quả / Outcome | Nghĩa vụ / Obligation |\n|---|---|---|---|",
                outcome_vi(self.obligations_overall)
            );
            for (i, f) in self.obligations.iter().enumerate() {
                let _ = writeln!(
                    md,
                    "| {} | {}<br>{} ({}) | {} | {}<br>{} |",
                    i + 1,
                    f.basis.to_string_vi(),
                    f.basis,
                    f.rule,
                    outcome_vi(f.outcome),
                    f.message_vi,
                    f.message
                );
            }
        }
        let _ = writeln!(md, "\n## Thời hạn tiếp theo / Next due date\n");
        let n = &self.next_due;
        let _ = writeln!(
            md,
            "- {}{} ({}, {})\n- {}\n- _{}_",
            n.due_on
                .map(|d| format!("{} / {d}", date_vi(d)))
                .unwrap_or_else(|| "không xác định / not determined".to_owned()),
            if n.overdue {
                " — **quá hạn / overdue**"
            } else {
                ""
            },
            n.rule,
            n.basis,
            n.note_vi,
            n.note
        );
        let _ = writeln!(md, "\n## Căn cứ pháp lý / Citations\n");
        for r in &self.citations {
            let _ = writeln!(md, "- {} — {}", r.to_string_vi(), r);
        }
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::{MonthlyCount, UserCountSource};
    use crate::month::YearMonth;

    fn input(users: u64, intermediary: Intermediary) -> ClassificationInput {
        let months = (1..=12)
            .map(|m| MonthlyCount {
                month: YearMonth::new(2025, m).unwrap(),
                active_users: users,
            })
            .collect();
        let mut i = ClassificationInput::new(months, UserCountSource::IndependentTool("X".into()));
        i.intermediary = intermediary;
        i
    }

    #[test]
    fn plat_report_very_large_intermediary_json_and_markdown() {
        let ctx = ReportContext {
            history: PlatformHistory {
                operating_since: None,
                first_self_classification: NaiveDate::from_ymd_opt(2025, 10, 1),
            },
            ..ReportContext::default()
        };
        let r = build_report(
            &input(20_000_000, Intermediary::Attested),
            NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            &ctx,
            &WorkingCalendar::vietnam(),
        )
        .unwrap();
        assert_eq!(r.obligations.len(), 26);
        assert_eq!(r.obligations_overall, Outcome::Unknown);
        assert_eq!(r.next_due.due_on, NaiveDate::from_ymd_opt(2026, 1, 30));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["classification"]["class"],
            "very_large_intermediary_platform"
        );
        assert_eq!(json["classification"]["source"]["kind"], "independent_tool");
        let md = r.to_markdown();
        assert!(md.contains(
            "# Báo cáo tự xác định quy mô nền tảng số / Platform self-classification report"
        ));
        assert!(md.contains("nền tảng số trung gian quy mô rất lớn"));
        // Months and figures as both languages read them (PLAT-04).
        assert!(md.contains("| 12/2025 | 20 000 000 |"), "{md}");
        // Thresholds in the law's words, both languages (PLAT-02, PLAT-03).
        assert!(
            md.contains("| Ngưỡng quy mô rất lớn (trên 10% tổng dân số, khoản 3 Điều 17) / Very large threshold (more than 10 % of the population, Đ17.3) | 10 230 000 | có / yes |"),
            "{md}"
        );
        assert!(md.contains("- 30/01/2026 / 2026-01-30 (PLAT-"), "{md}");
        assert!(md.contains("NĐ 137/2024/NĐ-CP Đ20.2.d"));
    }

    #[test]
    fn plat_04_the_method_says_the_same_in_both_languages_with_vietnamese_months() {
        let r = build_report(
            &input(5_000_000, Intermediary::Attested),
            NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            &ReportContext::default(),
            &WorkingCalendar::vietnam(),
        )
        .unwrap();
        assert_eq!(r.method.len(), r.method_vi.len(), "{:#?}", r.method_vi);
        let vi = r.method_vi.join("\n");
        assert!(
            vi.contains("từ tháng 01/2025 đến tháng 12/2025 (khoản 4 Điều 17)"),
            "{vi}"
        );
        assert!(!vi.contains("2025-01"), "{vi}");
        assert!(
            vi.contains("So sánh với 3% và 10% tổng dân số 102 300 000 (2025"),
            "{vi}"
        );
        assert!(
            vi.contains("Nguồn số liệu hằng tháng: công cụ đo lường, thống kê độc lập: X"),
            "{vi}"
        );
        let en = r.method.join("\n");
        assert!(en.contains("2025-01 to 2025-12 (Đ17.4)"), "{en}");
        assert!(
            en.contains("independent measurement tool: X (Đ18.4.c)"),
            "{en}"
        );
    }

    #[test]
    fn plat_report_insufficient_history_propagates_its_code() {
        let mut i = input(1, Intermediary::NotAttested);
        i.monthly.pop();
        let err = build_report(
            &i,
            NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            &ReportContext::default(),
            &WorkingCalendar::vietnam(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "platform.insufficient_history");
    }
}
