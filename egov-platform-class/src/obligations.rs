//! Obligations of large (NĐ 137/2024 Đ19, PLAT-13…20) and very large (Đ20, PLAT-21…27)
//! intermediary platforms, as a checklist with citations, and the evaluation of a platform's
//! evidence against it.
//!
//! Đ19 and Đ20 bind owners of **intermediary** platforms (Đ18.1). A very large platform carries
//! every Đ19 duty plus Đ20 (PLAT-21). Each item is judged `Pass` (evidence says it is met),
//! `Fail` (evidence says it is not), or `Unknown` (no evidence); an encouraged item (Đ20.2.d) is
//! never a failure, and a conditional one (Đ20.1.a, prioritised search display) passes as not
//! applicable when the platform attests it has no such feature.

use std::collections::BTreeMap;

use egov_core::{Finding, Instrument, LegalRef, Outcome, Report};
use serde::{Deserialize, Serialize};

use crate::classify::{Intermediary, LegalClass, Scale};

/// Which platforms an item binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Large and very large intermediary platforms (Đ19; Đ20 preamble includes Đ19).
    Large,
    /// Very large intermediary platforms only (Đ20).
    VeryLarge,
}

/// How binding an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Always required.
    Mandatory,
    /// Required only if the platform has search with prioritised display (Đ20.1.a).
    IfPrioritisedSearch,
    /// Encouraged, not required («Khuyến khích», Đ20.2.d).
    Encouraged,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Obligation {
    /// Stable item identifier, the key of [`Evidence::items`].
    pub id: &'static str,
    /// Rule ID from the requirements digest.
    pub rule: &'static str,
    /// Legal basis.
    pub basis: LegalRef,
    /// Which platforms it binds.
    pub tier: Tier,
    /// How binding it is.
    pub requirement: Requirement,
    /// What is required, in English.
    pub title_en: &'static str,
    /// What is required, in Vietnamese (close to the decree's wording).
    pub title_vi: &'static str,
}

type Row = (
    &'static str,
    &'static str,
    u16,
    u8,
    &'static str,
    Tier,
    Requirement,
    &'static str,
    &'static str,
);

use Requirement::{Encouraged, IfPrioritisedSearch, Mandatory};
use Tier::{Large, VeryLarge};

/// The checklist (PLAT-13…27), in the decree's order.
#[rustfmt::skip]
const TABLE: &[Row] = &[
    ("d19_1_a_issue_mechanism_published", "PLAT-14", 19, 1, "a", Large, Mandatory,
     "Publish the mechanism for reporting and handling issues, easy to reach, in Vietnamese (other languages optional)",
     "Công bố công khai cơ chế phản ánh và xử lý vướng mắc, dễ tiếp cận và truy cập, bằng tiếng Việt (có thể thêm ngôn ngữ khác)"),
    ("d19_1_a_issue_channel_agreed", "PLAT-14", 19, 1, "a", Large, Mandatory,
     "Agree with users on one common channel for receiving information (website, e-mail, mobile app or other)",
     "Thống nhất với người sử dụng một kênh giao tiếp phổ biến tiếp nhận thông tin (trang thông tin điện tử, thư điện tử, ứng dụng di động hoặc kênh khác)"),
    ("d19_1_b_receive_issues", "PLAT-15", 19, 1, "b", Large, Mandatory,
     "Receive issues from users: technical issues, complaints, disputes between transacting parties, others",
     "Tiếp nhận vướng mắc từ người sử dụng: vướng mắc kỹ thuật, khiếu nại, tranh chấp giữa các bên tham gia giao dịch và vướng mắc khác"),
    ("d19_1_b_notify_account_before_handling", "PLAT-15", 19, 1, "b", Large, Mandatory,
     "Notify the account concerned before handling",
     "Gửi thông báo tới tài khoản có liên quan trước khi tiến hành xử lý"),
    ("d19_1_b_inform_affected_users", "PLAT-15", 19, 1, "b", Large, Mandatory,
     "Inform affected users of the issue and the handling measures",
     "Cung cấp thông tin cho người sử dụng chịu ảnh hưởng từ các vướng mắc và các biện pháp xử lý"),
    ("d19_1_b_notify_result", "PLAT-15", 19, 1, "b", Large, Mandatory,
     "Notify the result of handling",
     "Thông báo kết quả xử lý vướng mắc"),
    ("d19_1_b_vietnam_contact_point", "PLAT-15", 19, 1, "b", Large, Mandatory,
     "Provide a contact point in Vietnam",
     "Cung cấp đầu mối liên hệ tại Việt Nam"),
    ("d19_1_c_issue_mechanism_changes_notified", "PLAT-16", 19, 1, "c", Large, Mandatory,
     "Notify and update users on changes to the issue mechanism via a common channel",
     "Thông báo và cập nhật tới người sử dụng khi cơ chế phản ánh và xử lý vướng mắc thay đổi"),
    ("d19_2_a_illegal_content_mechanism_published", "PLAT-17", 19, 2, "a", Large, Mandatory,
     "Publish the mechanism for reporting and handling illegal content, easy to reach, in Vietnamese, with an agreed channel",
     "Công bố công khai cơ chế phản ánh và xử lý nội dung vi phạm pháp luật, dễ tiếp cận, bằng tiếng Việt, qua kênh đã thống nhất"),
    ("d19_2_b_trusted_sources_defined", "PLAT-18", 19, 2, "b", Large, Mandatory,
     "Treat requests of competent authorities (and sources the owner designates) as trusted report sources",
     "Nguồn phản ánh tin cậy gồm cơ quan có thẩm quyền khi có yêu cầu và các nguồn do chủ quản tự xác định"),
    ("d19_2_c_information_to_authorities", "PLAT-19", 19, 2, "c", Large, Mandatory,
     "Give competent authorities information on the conduct, content and violator on request",
     "Cung cấp thông tin về hành vi, nội dung, chủ thể vi phạm cho cơ quan có thẩm quyền khi có yêu cầu"),
    ("d19_2_c_warn_account_before_handling", "PLAT-19", 19, 2, "c", Large, Mandatory,
     "Warn the account showing signs of violation before handling",
     "Gửi cảnh báo tới tài khoản có dấu hiệu vi phạm pháp luật trước khi tiến hành xử lý"),
    ("d19_2_c_inform_affected_users", "PLAT-19", 19, 2, "c", Large, Mandatory,
     "Inform users affected by illegal content of the remedies",
     "Cung cấp thông tin cho người sử dụng chịu ảnh hưởng của thông tin vi phạm pháp luật và các biện pháp khắc phục"),
    ("d19_2_c_vietnam_contact_point", "PLAT-19", 19, 2, "c", Large, Mandatory,
     "Publish the owner's contact point in Vietnam",
     "Thông tin đầu mối liên hệ tại Việt Nam của chủ quản nền tảng số"),
    ("d19_2_d_illegal_content_mechanism_changes_notified", "PLAT-20", 19, 2, "d", Large, Mandatory,
     "Notify and update users on changes to the illegal-content mechanism via a common channel",
     "Thông báo và cập nhật tới người sử dụng khi cơ chế phản ánh và xử lý nội dung vi phạm thay đổi"),
    ("d19_3_monthly_active_user_statistics", "PLAT-13", 19, 3, "", Large, Mandatory,
     "Keep monthly statistics of active users",
     "Thống kê thông tin số lượng người sử dụng có hoạt động theo từng tháng"),
    ("d19_3_annual_submission", "PLAT-13", 19, 3, "", Large, Mandatory,
     "Before 31 January each year, submit the information of Law on E-Transactions Art. 47.1.b through the MIC system or other e-means",
     "Định kỳ trước 31 tháng 01 hằng năm, cung cấp thông tin theo điểm b khoản 1 Điều 47 Luật Giao dịch điện tử qua Hệ thống tiếp nhận, tổng hợp dữ liệu"),
    ("d20_1_a_recommendation_criteria_published", "PLAT-22", 20, 1, "a", VeryLarge, Mandatory,
     "Publish the general principles, parameters or criteria of content recommendation and ad display, in Vietnamese, via website, mobile app or other channel",
     "Công bố công khai nguyên tắc chung, thông số hoặc tiêu chí khuyến nghị hiển thị nội dung, hiển thị quảng cáo, bằng tiếng Việt"),
    ("d20_1_a_prioritised_display_criteria_published", "PLAT-23", 20, 1, "a", VeryLarge, IfPrioritisedSearch,
     "If the platform has search with prioritised display, publish the criteria for prioritised content",
     "Trường hợp có tính năng tìm kiếm và ưu tiên hiển thị, công bố công khai tiêu chí xác định nội dung được hiển thị ưu tiên"),
    ("d20_1_b_recommendation_opt_out", "PLAT-24", 20, 1, "b", VeryLarge, Mandatory,
     "Let users opt out of recommendation and ads based on analysis of user data",
     "Cho phép người sử dụng lựa chọn không sử dụng tính năng khuyến nghị hiển thị nội dung, quảng cáo dựa trên phân tích dữ liệu về người sử dụng"),
    ("d20_1_b_opt_out_accessibility_notice", "PLAT-24", 20, 1, "b", VeryLarge, Mandatory,
     "On opt-out, inform the user how their access to content changes",
     "Cung cấp thông tin cho người sử dụng về sự thay đổi khả năng tiếp cận nội dung khi họ không sử dụng tính năng khuyến nghị"),
    ("d20_1_b_choice_not_changed_without_consent", "PLAT-24", 20, 1, "b", VeryLarge, Mandatory,
     "Never change the user's choice automatically without consent",
     "Không được tự động thay đổi lựa chọn phương án của người sử dụng khi chưa có sự đồng ý"),
    ("d20_2_a_code_of_conduct_published", "PLAT-25", 20, 2, "a", VeryLarge, Mandatory,
     "Publish and disseminate a code of conduct, in Vietnamese, updated to stakeholders on change via e-mail, website, mobile app or other",
     "Công khai và phổ biến bộ quy tắc ứng xử bằng tiếng Việt, cập nhật tới các bên liên quan khi có thay đổi"),
    ("d20_2_b_code_of_conduct_content", "PLAT-26", 20, 2, "b", VeryLarge, Mandatory,
     "The code sets rules of communication and behaviour keeping the platform healthy, equal and safe",
     "Bộ quy tắc gồm nguyên tắc giao tiếp, hành xử nhằm duy trì môi trường lành mạnh, bình đẳng và an toàn"),
    ("d20_2_c_code_of_conduct_lawful", "PLAT-26", 20, 2, "c", VeryLarge, Mandatory,
     "The code conforms to the law and protects the rights and interests of the transacting parties",
     "Bộ quy tắc phù hợp với quy định của pháp luật và bảo đảm quyền, lợi ích của các bên tham gia giao dịch"),
    ("d20_2_d_code_supports_vulnerable_groups", "PLAT-27", 20, 2, "d", VeryLarge, Encouraged,
     "(Encouraged) A code of conduct supporting people with disabilities and other vulnerable groups",
     "(Khuyến khích) Quy tắc ứng xử hỗ trợ người khuyết tật và các đối tượng yếu thế khác"),
];

fn obligation(row: &Row) -> Obligation {
    let &(id, rule, article, clause, point, tier, requirement, title_en, title_vi) = row;
    let basis = if point.is_empty() {
        LegalRef::clause(Instrument::Nd137_2024, article, clause)
    } else {
        LegalRef::point(Instrument::Nd137_2024, article, clause, point)
    };
    Obligation {
        id,
        rule,
        basis,
        tier,
        requirement,
        title_en,
        title_vi,
    }
}

/// The checklist for a class (PLAT-13…27, NĐ 137/2024 Đ19–20; PLAT-21: very large = Đ19 ∪ Đ20). Empty unless the
/// class is an intermediary platform (Đ19, Đ20 bind owners of intermediary platforms only).
pub fn checklist(class: LegalClass) -> Vec<Obligation> {
    let max = match class {
        LegalClass::LargeIntermediaryPlatform => Tier::Large,
        LegalClass::VeryLargeIntermediaryPlatform => Tier::VeryLarge,
        _ => return Vec::new(),
    };
    TABLE
        .iter()
        .filter(|r| r.5 <= max)
        .map(obligation)
        .collect()
}

/// Every item of the checklist, whatever the class.
pub fn all_obligations() -> Vec<Obligation> {
    TABLE.iter().map(obligation).collect()
}

/// What the platform shows for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceItem {
    /// Whether the owner attests the item is met.
    pub satisfied: bool,
    /// Where to see it (URL, document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Any remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The channel agreed with users, for the items whose provision lists channels (Đ19.1.a,
    /// Đ19.1.c, Đ19.2.a, Đ19.2.d, Đ20.1.a, Đ20.2.a); see [`listed_channels`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// A communication channel named by Đ19–20: CORE-07's shared vocabulary (JSON `website`,
/// `email`, `mobile_app`, `other`).
pub use egov_core::channel::Channel;

const ALL_FOUR: &[Channel] = &[
    Channel::Website,
    Channel::Email,
    Channel::MobileApp,
    Channel::Other,
];

/// The channels the provision of item `id` lists, `None` when it names none (CORE-07).
/// Đ19.1.a (and Đ19.1.c, Đ19.2.a, Đ19.2.d, which refer to it) and Đ20.2.a list website, e-mail,
/// mobile app or other channel; Đ20.1.a, for the recommendation criteria (PLAT-22), lists
/// «trang thông tin điện tử, qua ứng dụng trên thiết bị di động hoặc kênh giao tiếp khác»:
/// **no e-mail**.
pub fn listed_channels(id: &str) -> Option<&'static [Channel]> {
    match id {
        "d19_1_a_issue_mechanism_published"
        | "d19_1_a_issue_channel_agreed"
        | "d19_1_c_issue_mechanism_changes_notified"
        | "d19_2_a_illegal_content_mechanism_published"
        | "d19_2_d_illegal_content_mechanism_changes_notified"
        | "d20_2_a_code_of_conduct_published" => Some(ALL_FOUR),
        "d20_1_a_recommendation_criteria_published" => {
            Some(&[Channel::Website, Channel::MobileApp, Channel::Other])
        }
        _ => None,
    }
}

/// A platform's evidence, keyed by [`Obligation::id`] (JSON: unknown fields refused; an
/// unknown item id is reported by [`evaluate`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Evidence per item.
    #[serde(default)]
    pub items: BTreeMap<String, EvidenceItem>,
    /// Whether the platform has search with prioritised display (Đ20.1.a); `None` = not said.
    #[serde(default)]
    pub has_prioritised_search: Option<bool>,
}

/// Judges the evidence against the checklist of `class` (PLAT-13…27, NĐ 137/2024 Đ19–20): one
/// finding per item.
/// Items the evidence does not mention are `Unknown`, never `Pass`.
pub fn evaluate(class: LegalClass, evidence: &Evidence) -> Report {
    let mut report = Report::new();
    for o in checklist(class) {
        let item = evidence.items.get(o.id);
        let (outcome, en, vi) = match (o.requirement, item) {
            (Requirement::IfPrioritisedSearch, _) if evidence.has_prioritised_search == Some(false) => (
                Outcome::Pass,
                "not applicable: the platform attests it has no search with prioritised display".to_owned(),
                "không áp dụng: nền tảng xác nhận không có tính năng tìm kiếm ưu tiên hiển thị".to_owned(),
            ),
            (_, Some(e)) if e.satisfied && e.channel.is_some_and(|c| {
                listed_channels(o.id).is_some_and(|l| !l.contains(&c))
            }) => {
                let c = e.channel.unwrap_or(Channel::Other);
                let listed = listed_channels(o.id).unwrap_or_default();
                (
                    Outcome::Warning,
                    format!(
                        "stated met via {}, which {} does not list (it lists {}): only its open «kênh giao tiếp khác» could cover it",
                        c.name_en(),
                        o.basis,
                        listed.iter().map(Channel::name_en).collect::<Vec<_>>().join(", ")
                    ),
                    format!(
                        "xác nhận đáp ứng qua {}, kênh không được nêu tại {} (chỉ nêu {})",
                        c.name_vi(),
                        o.basis.to_string_vi(),
                        listed.iter().map(Channel::name_vi).collect::<Vec<_>>().join(", ")
                    ),
                )
            }
            (_, Some(e)) if e.satisfied => (
                Outcome::Pass,
                format!("met{}", e.reference.as_deref().map(|r| format!(" (see {r})")).unwrap_or_default()),
                format!("đáp ứng{}", e.reference.as_deref().map(|r| format!(" (xem {r})")).unwrap_or_default()),
            ),
            (Requirement::Encouraged, _) => (
                Outcome::Warning,
                "encouraged, not required: not shown".to_owned(),
                "khuyến khích, không bắt buộc: chưa có".to_owned(),
            ),
            (_, Some(_)) => (
                Outcome::Fail,
                "the owner states it is not met".to_owned(),
                "chủ quản xác nhận chưa đáp ứng".to_owned(),
            ),
            (Requirement::IfPrioritisedSearch, None) if evidence.has_prioritised_search.is_none() => (
                Outcome::Unknown,
                "no evidence, and not said whether the platform has search with prioritised display".to_owned(),
                "chưa có bằng chứng và chưa xác định nền tảng có tính năng tìm kiếm ưu tiên hiển thị hay không".to_owned(),
            ),
            (_, None) => (
                Outcome::Unknown,
                "no evidence given".to_owned(),
                "chưa có bằng chứng".to_owned(),
            ),
        };
        let mut f = Finding::new(
            o.rule,
            o.basis.clone(),
            outcome,
            format!("{}: {en}", o.title_en),
            format!("{}: {vi}", o.title_vi),
        )
        .with_field(o.id);
        if let Some(e) = item {
            f = f.with_evidence(serde_json::to_value(e).unwrap_or_default());
        }
        report.push(f);
    }
    // Evidence under an id no obligation has (a misspelling) would otherwise vanish silently
    // and leave its item `Unknown`: say so. A class without obligations uses no evidence at all,
    // so nothing is misread there (and a lone warning must not make its overall a pass).
    let mut known: std::collections::BTreeSet<&str> =
        all_obligations().iter().map(|o| o.id).collect();
    known.insert(REPORT_TO_STATE_ID);
    let has_obligations = !report.findings.is_empty();
    for id in evidence
        .items
        .keys()
        .filter(|k| has_obligations && !known.contains(k.as_str()))
    {
        let mut f = Finding::new(
            "PLAT-13",
            LegalRef::article(Instrument::Nd137_2024, 19),
            Outcome::Warning,
            format!("evidence for '{id}' was not used: no obligation has that id"),
            format!("bằng chứng cho «{id}» không được sử dụng: không có nghĩa vụ nào mang mã này"),
        );
        f.field = Some(id.clone().into());
        report.push(f);
    }
    report
}

/// The [`Evidence::items`] key of the PLAT-11 duty judged by [`reporting_duty`].
pub const REPORT_TO_STATE_ID: &str = "d18_2_report_and_data_provided";

/// The duty to report and provide data to the state management agency when the platform meets
/// the criteria of a large or very large intermediary platform (rule PLAT-11; NĐ 137/2024 Đ18.2,
/// closing paragraph: «Trường hợp đáp ứng tiêu chí xác định nền tảng số trung gian quy mô lớn,
/// rất lớn, chủ quản nền tảng số thực hiện báo cáo, cung cấp số liệu cho cơ quan quản lý nhà
/// nước.»).
///
/// * large or very large scale with the intermediary condition attested (Đ18.1): the duty
///   applies, judged by the evidence item [`REPORT_TO_STATE_ID`] (`Pass` / `Fail`), `Unknown`
///   without it;
/// * large or very large scale, intermediary condition not attested either way: `Unknown` (the
///   duty applies if the condition holds);
/// * below the threshold, or attested not an intermediary: `Pass`, the duty does not apply.
pub fn reporting_duty(scale: Scale, intermediary: Intermediary, evidence: &Evidence) -> Finding {
    let basis = LegalRef::clause(Instrument::Nd137_2024, 18, 2);
    let item = evidence.items.get(REPORT_TO_STATE_ID);
    let duty_en = "report and provide data to the state management agency (Đ18.2)";
    let duty_vi = "báo cáo, cung cấp số liệu cho cơ quan quản lý nhà nước (khoản 2 Điều 18)";
    let (outcome, en, vi) = match (scale, intermediary) {
        (Scale::BelowThreshold, _) => (
            Outcome::Pass,
            format!("not applicable: below the large-scale threshold, the platform does not meet the criteria of a large or very large intermediary platform; the duty to {duty_en} does not arise"),
            format!("không áp dụng: dưới ngưỡng quy mô lớn, không đáp ứng tiêu chí nền tảng số trung gian quy mô lớn, rất lớn; không phát sinh trách nhiệm {duty_vi}"),
        ),
        (_, Intermediary::NotIntermediary) => (
            Outcome::Pass,
            format!("not applicable: the owner attests the system is not an intermediary platform (Đ18.1); the duty to {duty_en} does not arise"),
            format!("không áp dụng: chủ quản xác nhận hệ thống không phải nền tảng số trung gian (khoản 1 Điều 18); không phát sinh trách nhiệm {duty_vi}"),
        ),
        (_, Intermediary::NotAttested) => (
            Outcome::Unknown,
            format!("large or very large scale, but the intermediary condition of Đ18.1 is not attested: if it holds, the owner must {duty_en}"),
            format!("quy mô lớn hoặc rất lớn nhưng chưa xác nhận điều kiện nền tảng số trung gian (khoản 1 Điều 18): nếu đáp ứng, chủ quản phải {duty_vi}"),
        ),
        (_, Intermediary::Attested) => match item {
            Some(e) if e.satisfied => (
                Outcome::Pass,
                format!("the platform meets the criteria of a large or very large intermediary platform; the owner attests it did {duty_en}{}", e.reference.as_deref().map(|r| format!(" (see {r})")).unwrap_or_default()),
                format!("đáp ứng tiêu chí nền tảng số trung gian quy mô lớn, rất lớn; chủ quản xác nhận đã {duty_vi}{}", e.reference.as_deref().map(|r| format!(" (xem {r})")).unwrap_or_default()),
            ),
            Some(_) => (
                Outcome::Fail,
                format!("the platform meets the criteria of a large or very large intermediary platform; the owner states it did not {duty_en}"),
                format!("đáp ứng tiêu chí nền tảng số trung gian quy mô lớn, rất lớn; chủ quản xác nhận chưa {duty_vi}"),
            ),
            None => (
                Outcome::Unknown,
                format!("the platform meets the criteria of a large or very large intermediary platform: the owner must {duty_en}; no evidence it was done (evidence item '{REPORT_TO_STATE_ID}')"),
                format!("đáp ứng tiêu chí nền tảng số trung gian quy mô lớn, rất lớn: chủ quản phải {duty_vi}; chưa có bằng chứng (mục '{REPORT_TO_STATE_ID}')"),
            ),
        },
    };
    let mut f = Finding::new("PLAT-11", basis, outcome, en, vi).with_field(REPORT_TO_STATE_ID);
    if let Some(e) = item {
        f = f.with_evidence(serde_json::to_value(e).unwrap_or_default());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plat_21_very_large_carries_all_large_duties_plus_d20() {
        let large = checklist(LegalClass::LargeIntermediaryPlatform);
        let very = checklist(LegalClass::VeryLargeIntermediaryPlatform);
        assert_eq!(large.len(), 17);
        assert!(large.iter().all(|o| very.contains(o)));
        assert_eq!(very.len(), 26);
        assert!(very.iter().any(|o| o.rule == "PLAT-27"));
        assert!(checklist(LegalClass::VeryLargeInformationSystem).is_empty());
        assert!(checklist(LegalClass::BelowThreshold).is_empty());
        let ids: std::collections::BTreeSet<_> = all_obligations().iter().map(|o| o.id).collect();
        assert_eq!(ids.len(), TABLE.len(), "item ids are unique");
    }

    #[test]
    fn plat_13_evidence_under_an_unknown_id_is_reported_not_dropped() {
        let mut ev = Evidence::default();
        ev.items.insert(
            "d19_1_a_issue_mechanism_publishd".into(),
            EvidenceItem {
                satisfied: true,
                reference: None,
                note: None,
                channel: None,
            },
        );
        let r = evaluate(LegalClass::LargeIntermediaryPlatform, &ev);
        assert_eq!(r.findings.len(), 18);
        let last = r.findings.last().unwrap();
        assert_eq!(last.outcome, Outcome::Warning);
        assert!(last.message.contains("d19_1_a_issue_mechanism_publishd"));
        // A class without obligations stays without findings (overall unknown, not pass).
        let none = evaluate(LegalClass::BelowThreshold, &ev);
        assert!(none.findings.is_empty());
        assert_eq!(none.overall(), Outcome::Unknown);
        // The misspelt item stays unknown: no false pass.
        let item = r
            .findings
            .iter()
            .find(|f| f.field.as_deref() == Some("d19_1_a_issue_mechanism_published"))
            .unwrap();
        assert_eq!(item.outcome, Outcome::Unknown);
    }

    #[test]
    fn plat_13_to_20_evidence_gives_pass_fail_unknown() {
        let mut ev = Evidence::default();
        ev.items.insert(
            "d19_1_a_issue_mechanism_published".into(),
            EvidenceItem {
                satisfied: true,
                reference: Some("https://example.vn/khieu-nai".into()),
                note: None,
                channel: None,
            },
        );
        ev.items.insert(
            "d19_1_b_notify_result".into(),
            EvidenceItem {
                satisfied: false,
                reference: None,
                note: None,
                channel: None,
            },
        );
        let r = evaluate(LegalClass::LargeIntermediaryPlatform, &ev);
        assert_eq!(r.findings.len(), 17);
        assert_eq!(r.with_outcome(Outcome::Pass).count(), 1);
        assert_eq!(r.with_outcome(Outcome::Fail).count(), 1);
        assert_eq!(r.with_outcome(Outcome::Unknown).count(), 15);
        assert_eq!(r.overall(), Outcome::Fail);
        let pass = r.with_outcome(Outcome::Pass).next().unwrap();
        assert_eq!(pass.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ19.1.a");
        assert!(pass.message.contains("https://example.vn/khieu-nai"));
    }

    #[test]
    fn plat_23_and_27_conditional_and_encouraged_items() {
        let mut ev = Evidence {
            has_prioritised_search: Some(false),
            ..Evidence::default()
        };
        for o in checklist(LegalClass::VeryLargeIntermediaryPlatform) {
            if o.requirement == Requirement::Mandatory {
                ev.items.insert(
                    o.id.into(),
                    EvidenceItem {
                        satisfied: true,
                        reference: None,
                        note: None,
                        channel: None,
                    },
                );
            }
        }
        let r = evaluate(LegalClass::VeryLargeIntermediaryPlatform, &ev);
        assert_eq!(r.for_rule("PLAT-23").next().unwrap().outcome, Outcome::Pass);
        assert_eq!(
            r.for_rule("PLAT-27").next().unwrap().outcome,
            Outcome::Warning
        );
        assert!(r.is_compliant());
        ev.has_prioritised_search = None;
        let r = evaluate(LegalClass::VeryLargeIntermediaryPlatform, &ev);
        assert_eq!(
            r.for_rule("PLAT-23").next().unwrap().outcome,
            Outcome::Unknown
        );
    }
}
