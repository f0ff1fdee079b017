//! The owner of an information system serving e-transactions and how it is determined (rules
//! CORE-05 and PLAT-07; NĐ 137/2024 Điều 15).
//!
//! Đ15.2 classes a system by its owner ([`OwnerClass`], in `egov-core`); Đ15.3 says who the
//! owner is, differently for each class:
//!
//! * a) state: «các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh,
//!   thành phố trực thuộc trung ương hoặc cấp có thẩm quyền chấp thuận chủ trương đầu tư dự án
//!   hoặc quyết định thuê dịch vụ để thiết lập, nâng cấp, mở rộng hệ thống thông tin đó» —
//!   [`OwnerEvidence::state_body`](OwnerEvidence#structfield.state_body) or [`OwnerEvidence::approving_authority`](OwnerEvidence#structfield.approving_authority);
//! * b) enterprises and other organisations: «cấp có thẩm quyền chấp thuận chủ trương đầu tư dự
//!   án hoặc quyết định thuê dịch vụ …» — [`OwnerEvidence::approving_authority`](OwnerEvidence#structfield.approving_authority);
//! * c) individuals: «có thể căn cứ vào một hoặc nhiều thông tin bao gồm: thông tin hợp đồng thuê
//!   dịch vụ lưu trữ (web); thông tin đăng ký tên miền trang thông tin điện tử hoặc tài khoản phát
//!   hành ứng dụng di động trên các kho ứng dụng» — [`OwnerEvidence::hosting_contract`],
//!   [`OwnerEvidence::domain_registration`], [`OwnerEvidence::app_store_publisher_account`].
//!
//! [`determine_owner`] judges the evidence against the class: `Pass` when the evidence the
//! class needs is there, `Unknown` when it is missing (Đ15.3 says how the owner is determined;
//! it does not make holding the evidence a duty, so its absence is not a failure), `Fail` when
//! the evidence contradicts the class (a ministry or provincial People's Committee named as the
//! owner of an organisation's or an individual's system), `Warning` for evidence the class's
//! point of Đ15.3 does not use. The SDK never infers the class from the evidence.

use egov_core::owner::OwnerClass;
use egov_core::{Finding, Instrument, LegalRef, Outcome, Report};
use serde::{Deserialize, Serialize};

/// The state bodies Đ15.3.a names as owners of state systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StateOwnerBody {
    /// «bộ» (a ministry).
    Ministry,
    /// «cơ quan ngang bộ» (a ministry-level agency).
    MinistryLevelAgency,
    /// «cơ quan thuộc Chính phủ» (an agency under the Government).
    GovernmentAgency,
    /// «Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương» (the People's Committee of a
    /// province or centrally-run city).
    ProvincialPeoplesCommittee,
}

impl StateOwnerBody {
    /// The kind of body in the decree's words.
    pub fn name_vi(&self) -> &'static str {
        match self {
            StateOwnerBody::Ministry => "bộ",
            StateOwnerBody::MinistryLevelAgency => "cơ quan ngang bộ",
            StateOwnerBody::GovernmentAgency => "cơ quan thuộc Chính phủ",
            StateOwnerBody::ProvincialPeoplesCommittee => {
                "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"
            }
        }
    }

    /// The kind of body in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            StateOwnerBody::Ministry => "ministry",
            StateOwnerBody::MinistryLevelAgency => "ministry-level agency",
            StateOwnerBody::GovernmentAgency => "agency under the Government",
            StateOwnerBody::ProvincialPeoplesCommittee => {
                "People's Committee of a province or centrally-run city"
            }
        }
    }
}

/// A state body of Đ15.3.a that manages the system directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StateBody {
    /// Which kind of body.
    pub kind: StateOwnerBody,
    /// Its name (e.g. «Bộ Tài chính»).
    pub name: String,
}

/// What the competent authority decided (Đ15.3.a, Đ15.3.b): «chấp thuận chủ trương đầu tư dự án
/// hoặc quyết định thuê dịch vụ để thiết lập, nâng cấp, mở rộng hệ thống thông tin đó».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// «chấp thuận chủ trương đầu tư dự án»: approved the investment policy of the project.
    InvestmentPolicy,
    /// «quyết định thuê dịch vụ»: decided to lease the service.
    ServiceLease,
}

impl ApprovalKind {
    fn name_vi(&self) -> &'static str {
        match self {
            ApprovalKind::InvestmentPolicy => "chấp thuận chủ trương đầu tư dự án",
            ApprovalKind::ServiceLease => "quyết định thuê dịch vụ",
        }
    }

    fn name_en(&self) -> &'static str {
        match self {
            ApprovalKind::InvestmentPolicy => "approved the investment policy of the project",
            ApprovalKind::ServiceLease => "decided to lease the service",
        }
    }
}

/// The authority that approved the investment or decided the lease to establish, upgrade or
/// extend the system (Đ15.3.a second branch, Đ15.3.b).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ApprovingAuthority {
    /// The authority (e.g. «Hội đồng quản trị Công ty cổ phần X»).
    pub name: String,
    /// What it decided.
    pub approval: ApprovalKind,
    /// The decision (number, date), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// What the owner of a system is determined from (PLAT-07, Đ15.3). Every member optional;
/// which ones count depends on the [`OwnerClass`] (JSON: unknown fields refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OwnerEvidence {
    /// The owner's name, as the caller states it (not evidence by itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// Đ15.3.a, first branch: the ministry, ministry-level agency, agency under the Government or
    /// provincial People's Committee that is the owner (state systems only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_body: Option<StateBody>,
    /// Đ15.3.a second branch and Đ15.3.b: the authority that approved the investment policy or
    /// decided the service lease.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approving_authority: Option<ApprovingAuthority>,
    /// Đ15.3.c: the web hosting contract («hợp đồng thuê dịch vụ lưu trữ (web)»): provider,
    /// contract reference, the contracting party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting_contract: Option<String>,
    /// Đ15.3.c: the domain registration of the website («đăng ký tên miền trang thông tin điện
    /// tử»): domain name and registrant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_registration: Option<String>,
    /// Đ15.3.c: the publisher account of the mobile app in app stores («tài khoản phát hành ứng
    /// dụng di động trên các kho ứng dụng»): store and account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_store_publisher_account: Option<String>,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl OwnerEvidence {
    fn state_body(&self) -> Option<&StateBody> {
        self.state_body
            .as_ref()
            .filter(|b| !b.name.trim().is_empty())
    }

    fn approving_authority(&self) -> Option<&ApprovingAuthority> {
        self.approving_authority
            .as_ref()
            .filter(|a| !a.name.trim().is_empty())
    }

    /// The Đ15.3.c items given (non-empty), as (field, English, Vietnamese, value).
    fn individual_items(&self) -> Vec<(&'static str, &'static str, &'static str, &str)> {
        [
            (
                "owner_evidence.hosting_contract",
                "web hosting contract",
                "hợp đồng thuê dịch vụ lưu trữ (web)",
                given(&self.hosting_contract),
            ),
            (
                "owner_evidence.domain_registration",
                "domain registration",
                "đăng ký tên miền trang thông tin điện tử",
                given(&self.domain_registration),
            ),
            (
                "owner_evidence.app_store_publisher_account",
                "app-store publisher account",
                "tài khoản phát hành ứng dụng di động trên kho ứng dụng",
                given(&self.app_store_publisher_account),
            ),
        ]
        .into_iter()
        .filter_map(|(f, en, vi, v)| v.map(|v| (f, en, vi, v)))
        .collect()
    }
}

/// The owner part of a platform report: the class and evidence as given, and their findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OwnerAssessment {
    /// The owner class (CORE-05, Đ15.2); `None` = not given.
    pub class: Option<OwnerClass>,
    /// The evidence the owner is determined from (PLAT-07, Đ15.3); `None` = not given.
    pub evidence: Option<OwnerEvidence>,
    /// The findings of [`determine_owner`].
    pub findings: Vec<Finding>,
    /// Their overall outcome (`unknown` when nothing was given).
    pub overall: Outcome,
}

impl Default for OwnerAssessment {
    /// Nothing given, nothing judged (`overall` = `unknown`).
    fn default() -> Self {
        OwnerAssessment {
            class: None,
            evidence: None,
            findings: Vec::new(),
            overall: Outcome::Unknown,
        }
    }
}

/// The owner assessment of a report (CORE-05, PLAT-07; NĐ 137/2024 Đ15.2–15.3).
pub fn assess_owner(
    class: Option<OwnerClass>,
    evidence: Option<&OwnerEvidence>,
) -> OwnerAssessment {
    let report = determine_owner(class, evidence);
    OwnerAssessment {
        class,
        evidence: evidence.cloned(),
        overall: report.overall(),
        findings: report.findings,
    }
}

fn d15(clause: u8) -> LegalRef {
    LegalRef::clause(Instrument::Nd137_2024, 15, clause)
}

/// Judges the owner class and the evidence the owner is determined from (rules CORE-05 and
/// PLAT-07; NĐ 137/2024 Đ15.2 and Đ15.3.a–c).
///
/// Findings, in order:
/// 1. CORE-05 (Đ15.2.a–c): the class, `Pass` when given, `Unknown` "not given" otherwise (no
///    class is assumed);
/// 2. PLAT-07 (Đ15.3.a, b or c for the class; Đ15.3 without a class): `Pass` when the evidence
///    the class's point names is given (a state body or an approving authority for a state
///    owner; an approving authority for an organisation; one or more of hosting contract,
///    domain registration, app-store publisher account for an individual), `Unknown` when it is
///    missing, `Fail` when a state body of Đ15.3.a is named as the owner of an organisation's
///    or individual's system;
/// 3. PLAT-07 `Warning`s for evidence the class's point does not use.
///
/// Blank strings count as not given.
pub fn determine_owner(class: Option<OwnerClass>, evidence: Option<&OwnerEvidence>) -> Report {
    let mut r = Report::new();
    let Some(class) = class else {
        r.push(
            Finding::new(
                "CORE-05",
                d15(2),
                Outcome::Unknown,
                "owner class not given (state, organisation or individual, Đ15.2): not assumed",
                "chưa cho biết phân loại theo chủ quản (cơ quan, tổ chức nhà nước; tổ chức, doanh nghiệp; cá nhân — khoản 2 Điều 15): không mặc định",
            )
            .with_field("owner_class"),
        );
        let (en, vi) = if evidence.is_some() {
            (
                "owner evidence given but no owner class: the evidence cannot be judged (Đ15.3 differs by class)",
                "có thông tin xác định chủ quản nhưng chưa cho biết phân loại chủ quản: không đánh giá được (khoản 3 Điều 15 khác nhau theo từng loại)",
            )
        } else {
            (
                "owner determination evidence not given (Đ15.3)",
                "chưa có thông tin xác định chủ quản (khoản 3 Điều 15)",
            )
        };
        r.push(
            Finding::new("PLAT-07", d15(3), Outcome::Unknown, en, vi).with_field("owner_evidence"),
        );
        return r;
    };
    r.push(
        Finding::new(
            "CORE-05",
            class.basis(),
            Outcome::Pass,
            format!("owner class: {} ({})", class.name_en(), class.as_str()),
            format!("phân loại theo chủ quản: {}", class.name_vi()),
        )
        .with_field("owner_class"),
    );
    let basis = class.determination_basis();
    let empty = OwnerEvidence::default();
    let ev = evidence.unwrap_or(&empty);
    let not_given = evidence.is_none();
    let state_body = ev.state_body();
    let authority = ev.approving_authority();
    let individual = ev.individual_items();
    let authority_text = |a: &ApprovingAuthority| {
        let d = a
            .decision
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        (
            format!(
                "{}, which {}{}",
                a.name.trim(),
                a.approval.name_en(),
                d.map(|d| format!(" ({d})")).unwrap_or_default()
            ),
            format!(
                "{} ({}{})",
                a.name.trim(),
                a.approval.name_vi(),
                d.map(|d| format!(", {d}")).unwrap_or_default()
            ),
        )
    };
    let missing = |en: &str, vi: &str| {
        let (en_pre, vi_pre) = if not_given {
            (
                "owner determination evidence not given",
                "chưa có thông tin xác định chủ quản",
            )
        } else {
            (
                "the evidence given does not determine the owner",
                "thông tin đã cho không xác định được chủ quản",
            )
        };
        (
            Outcome::Unknown,
            format!("{en_pre}: {en}"),
            format!("{vi_pre}: {vi}"),
        )
    };
    let mut unused: Vec<(&'static str, String, String)> = Vec::new();
    let (outcome, en, vi) = match class {
        OwnerClass::State => {
            for (f, en, vi, _) in &individual {
                unused.push((f, (*en).to_owned(), (*vi).to_owned()));
            }
            if let Some(b) = state_body {
                (
                    Outcome::Pass,
                    format!(
                        "the owner is {} ({}), a body named by Đ15.3.a",
                        b.name.trim(),
                        b.kind.name_en()
                    ),
                    format!(
                        "chủ quản là {} ({}) theo điểm a khoản 3 Điều 15",
                        b.name.trim(),
                        b.kind.name_vi()
                    ),
                )
            } else if let Some(a) = authority {
                let (en, vi) = authority_text(a);
                (
                    Outcome::Pass,
                    format!("the owner is the competent authority {en} (Đ15.3.a)"),
                    format!("chủ quản là cấp có thẩm quyền {vi} (điểm a khoản 3 Điều 15)"),
                )
            } else {
                missing(
                    "a state owner is a ministry, ministry-level agency, agency under the Government or provincial People's Committee, or the authority that approved the investment policy or decided the service lease establishing, upgrading or extending the system (Đ15.3.a)",
                    "chủ quản là bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương hoặc cấp có thẩm quyền chấp thuận chủ trương đầu tư dự án hoặc quyết định thuê dịch vụ (điểm a khoản 3 Điều 15)",
                )
            }
        }
        OwnerClass::Organisation => {
            for (f, en, vi, _) in &individual {
                unused.push((f, (*en).to_owned(), (*vi).to_owned()));
            }
            if let Some(b) = state_body {
                (
                    Outcome::Fail,
                    format!(
                        "{} ({}) is a state owner of Đ15.3.a, not the owner of an organisation's or enterprise's system (Đ15.3.b covers those not under point a): the owner class contradicts the evidence",
                        b.name.trim(),
                        b.kind.name_en()
                    ),
                    format!(
                        "{} ({}) là chủ quản thuộc điểm a khoản 3 Điều 15, không phải chủ quản của doanh nghiệp, tổ chức khác (điểm b): phân loại chủ quản mâu thuẫn với thông tin đã cho",
                        b.name.trim(),
                        b.kind.name_vi()
                    ),
                )
            } else if let Some(a) = authority {
                let (en, vi) = authority_text(a);
                (
                    Outcome::Pass,
                    format!("the owner is the competent authority {en} (Đ15.3.b)"),
                    format!("chủ quản là cấp có thẩm quyền {vi} (điểm b khoản 3 Điều 15)"),
                )
            } else {
                missing(
                    "the owner of an enterprise's or other organisation's system is the authority that approved the investment policy or decided the service lease establishing, upgrading or extending it (Đ15.3.b)",
                    "chủ quản là cấp có thẩm quyền chấp thuận chủ trương đầu tư dự án hoặc quyết định thuê dịch vụ để thiết lập, nâng cấp, mở rộng hệ thống thông tin (điểm b khoản 3 Điều 15)",
                )
            }
        }
        OwnerClass::Individual => {
            if authority.is_some() {
                unused.push((
                    "owner_evidence.approving_authority",
                    "approving authority".to_owned(),
                    "cấp có thẩm quyền chấp thuận, quyết định".to_owned(),
                ));
            }
            if let Some(b) = state_body {
                (
                    Outcome::Fail,
                    format!(
                        "{} ({}) is a state owner of Đ15.3.a, not an individual: the owner class contradicts the evidence",
                        b.name.trim(),
                        b.kind.name_en()
                    ),
                    format!(
                        "{} ({}) là chủ quản thuộc điểm a khoản 3 Điều 15, không phải cá nhân: phân loại chủ quản mâu thuẫn với thông tin đã cho",
                        b.name.trim(),
                        b.kind.name_vi()
                    ),
                )
            } else if individual.is_empty() {
                missing(
                    "an individual owner is determined from one or more of: the web hosting contract, the website's domain registration, the mobile app's publisher account in app stores (Đ15.3.c)",
                    "xác định chủ quản là cá nhân căn cứ vào một hoặc nhiều thông tin: hợp đồng thuê dịch vụ lưu trữ (web); đăng ký tên miền trang thông tin điện tử; tài khoản phát hành ứng dụng di động trên các kho ứng dụng (điểm c khoản 3 Điều 15)",
                )
            } else {
                let en: Vec<String> = individual
                    .iter()
                    .map(|(_, en, _, v)| format!("{en}: {v}"))
                    .collect();
                let vi: Vec<String> = individual
                    .iter()
                    .map(|(_, _, vi, v)| format!("{vi}: {v}"))
                    .collect();
                (
                    Outcome::Pass,
                    format!(
                        "the individual owner is determined from {} (Đ15.3.c)",
                        en.join("; ")
                    ),
                    format!(
                        "xác định chủ quản là cá nhân căn cứ vào {} (điểm c khoản 3 Điều 15)",
                        vi.join("; ")
                    ),
                )
            }
        }
    };
    let mut f =
        Finding::new("PLAT-07", basis.clone(), outcome, en, vi).with_field("owner_evidence");
    if let Some(e) = evidence {
        f = f.with_evidence(serde_json::to_value(e).unwrap_or_default());
    }
    r.push(f);
    for (field, en, vi) in unused {
        r.push(
            Finding::new(
                "PLAT-07",
                basis.clone(),
                Outcome::Warning,
                format!(
                    "{en} is not a basis of {basis} for this owner class ({}): not used",
                    class.as_str()
                ),
                format!(
                    "{vi} không phải căn cứ theo {} đối với loại chủ quản này: không sử dụng",
                    basis.to_string_vi()
                ),
            )
            .with_field(field),
        );
    }
    r
}
