//! Online public-service levels in the two vocabularies of the non-binding seeds (OTH-01,
//! OTH-03, REQUIREMENTS A-26). **Neither is law here**: both come from a draft or a strategy,
//! and every finding says so.
//!
//! * [`DigitalLevel`]: the **two** levels of draft 2 of the decree on digital services (seed
//!   003 Đ16, a DRAFT, never adopted as written): «Dịch vụ được số hóa một phần» (partly
//!   digitised) and «Dịch vụ được số hóa toàn trình» (fully digitised, end to end).
//! * [`LegacyLevel`]: levels 1–4, the vocabulary the strategy QĐ 942/QĐ-TTg (seed 002, a
//!   POLICY, not binding) still uses («dịch vụ công trực tuyến mức độ 4», «mức độ 3, mức độ 4»).
//!   The seed names the levels without defining them; the definitions below are those of
//!   Nghị định 43/2011/NĐ-CP Art. 3 (OUTSIDE KNOWLEDGE, confidence high), which the later
//!   vocabulary replaced.
//!
//! [`classify`] places a service described by its facts in both vocabularies. The mapping
//! between them is **lossy** (A-26): a level alone does not tell the other vocabulary's level,
//! so [`LegacyLevel::to_digital`] and [`DigitalLevel::to_legacy`] return every level the other
//! vocabulary allows and the fact that decides between them.
//!
//! ```
//! use egov_checklist::service_levels::{classify, Delivery, DigitalLevel, LegacyLevel, ServiceFacts};
//! let facts = ServiceFacts {
//!     information_published: true,
//!     forms_downloadable: true,
//!     submission_online: true,
//!     mobile_access: true,
//!     has_fee: true,
//!     payment_online: true,
//!     processing_fully_digital: false,
//!     result_delivery: [Delivery::Online, Delivery::InPerson].into(),
//! };
//! let c = classify(&facts);
//! assert_eq!(c.digital, Some(DigitalLevel::PartlyDigitised));
//! // Level 4 of the old vocabulary, yet only partly digitised in the draft's.
//! assert_eq!(c.legacy, Some(LegacyLevel::Level4));
//! assert!(LegacyLevel::Level4.to_digital().possible.contains(&Some(DigitalLevel::FullyDigitised)));
//! ```

use std::collections::BTreeSet;

use egov_core::{Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The two levels of draft 003 Đ16 (a draft: not law).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DigitalLevel {
    /// Đ16.1: submitted and paid online, but processed partly or wholly off-line; the result may
    /// be delivered online, in person or by post.
    PartlyDigitised,
    /// Đ16.2: submitted and paid online and processed wholly in the digital environment; the
    /// result delivered online or by post.
    FullyDigitised,
}

impl DigitalLevel {
    /// The draft's own words naming the level (verbatim, seed 003).
    pub fn quote_vi(self) -> &'static str {
        match self {
            DigitalLevel::PartlyDigitised => "Dịch vụ được số hóa một phần",
            DigitalLevel::FullyDigitised => "Dịch vụ được số hóa toàn trình",
        }
    }

    /// The level in English.
    pub fn name_en(self) -> &'static str {
        match self {
            DigitalLevel::PartlyDigitised => "partly digitised",
            DigitalLevel::FullyDigitised => "fully digitised (end to end)",
        }
    }

    /// The clause of draft 003 Đ16 defining it.
    pub fn basis(self) -> LegalRef {
        let clause = match self {
            DigitalLevel::PartlyDigitised => 1,
            DigitalLevel::FullyDigitised => 2,
        };
        LegalRef::clause(Instrument::Draft003, 16, clause)
    }

    /// The legacy levels a service of this level may have (lossy, A-26): a fully digitised
    /// service is level 4; a partly digitised one is level 4 when its result can be had
    /// without coming in (online or by post), level 3 when only in person.
    pub fn to_legacy(self) -> LegacyMapping {
        match self {
            DigitalLevel::FullyDigitised => LegacyMapping {
                possible: &[LegacyLevel::Level4],
                decided_by_en: "",
                decided_by_vi: "",
            },
            DigitalLevel::PartlyDigitised => LegacyMapping {
                possible: &[LegacyLevel::Level3, LegacyLevel::Level4],
                decided_by_en: "how the result is delivered: online or by post is level 4, only in person level 3",
                decided_by_vi: "cách trả kết quả: trực tuyến hoặc qua bưu điện là mức độ 4, chỉ trực tiếp là mức độ 3",
            },
        }
    }
}

/// Levels 1–4 of the vocabulary seed 002 uses (definitions: Nghị định 43/2011, outside
/// knowledge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegacyLevel {
    /// Level 1: information on the procedure published.
    Level1,
    /// Level 2: level 1 and the forms downloadable.
    Level2,
    /// Level 3: level 2 and the dossier submitted online; fees paid and results delivered
    /// off-line.
    Level3,
    /// Level 4: level 3 and fees paid online, the result delivered online or by post.
    Level4,
}

impl LegacyLevel {
    /// The number (1–4).
    pub fn number(self) -> u8 {
        match self {
            LegacyLevel::Level1 => 1,
            LegacyLevel::Level2 => 2,
            LegacyLevel::Level3 => 3,
            LegacyLevel::Level4 => 4,
        }
    }

    /// The draft levels a service of this legacy level may have (lossy, A-26): level 4 says
    /// nothing about processing or mobile access, level 3 nothing about a fee. `None` in
    /// [`DigitalMapping::possible`] means "neither of the draft's levels" (not an online
    /// service in its sense).
    pub fn to_digital(self) -> DigitalMapping {
        match self {
            LegacyLevel::Level1 | LegacyLevel::Level2 => DigitalMapping {
                possible: &[None],
                decided_by_en: "",
                decided_by_vi: "",
            },
            LegacyLevel::Level3 => DigitalMapping {
                possible: &[None, Some(DigitalLevel::PartlyDigitised)],
                decided_by_en: "whether the service has a fee (a level-3 fee is paid off-line, which neither draft level allows) and works on mobile devices",
                decided_by_vi: "dịch vụ có lệ phí hay không (ở mức độ 3 lệ phí nộp trực tiếp, không thuộc mức nào của dự thảo) và có dùng được trên thiết bị di động không",
            },
            LegacyLevel::Level4 => DigitalMapping {
                possible: &[
                    None,
                    Some(DigitalLevel::PartlyDigitised),
                    Some(DigitalLevel::FullyDigitised),
                ],
                decided_by_en: "whether the agency processes the dossier wholly in the digital environment (full) or not (partly), and whether the service works on mobile devices (neither if not)",
                decided_by_vi: "cơ quan có xử lý toàn bộ hồ sơ trên môi trường số hay không (toàn trình hoặc một phần), và dịch vụ có dùng được trên thiết bị di động không (không thuộc mức nào nếu không)",
            },
        }
    }
}

/// What a legacy level says about the draft's levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigitalMapping {
    /// Every draft level a service of that legacy level may have (`None`: neither).
    pub possible: &'static [Option<DigitalLevel>],
    /// The fact that decides between them, in English (empty when only one is possible).
    pub decided_by_en: &'static str,
    /// The same, in Vietnamese.
    pub decided_by_vi: &'static str,
}

/// What a draft level says about the legacy levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegacyMapping {
    /// Every legacy level a service of that draft level may have.
    pub possible: &'static [LegacyLevel],
    /// The fact that decides between them, in English (empty when only one is possible).
    pub decided_by_en: &'static str,
    /// The same, in Vietnamese.
    pub decided_by_vi: &'static str,
}

/// How a result can reach the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Online («trực tuyến»).
    Online,
    /// By post («qua đường bưu điện»).
    Postal,
    /// In person at the agency («gửi trực tiếp»).
    InPerson,
}

/// The facts about one service that decide its level in either vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceFacts {
    /// Information on the procedure is published online.
    pub information_published: bool,
    /// The forms can be downloaded.
    pub forms_downloadable: bool,
    /// The dossier can be submitted online.
    pub submission_online: bool,
    /// Submission works on many devices, mobile included («bao gồm cả thiết bị di động»).
    pub mobile_access: bool,
    /// The service has a fee or charge («lệ phí (nếu có)»).
    pub has_fee: bool,
    /// The fee can be paid online (ignored when there is none).
    pub payment_online: bool,
    /// The agency processes the whole dossier in the digital environment («toàn bộ quá trình
    /// xử lý hồ sơ … trên môi trường số»).
    pub processing_fully_digital: bool,
    /// The ways the result can reach the user.
    pub result_delivery: BTreeSet<Delivery>,
}

/// A service placed in both vocabularies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Classification {
    /// Its level under draft 003 Đ16, `None` when it is neither.
    pub digital: Option<DigitalLevel>,
    /// Its legacy level, `None` when not even information is published.
    pub legacy: Option<LegacyLevel>,
    /// Why it is not at a higher draft level, in English (empty at the top).
    pub short_of_en: Vec<&'static str>,
    /// The same, in Vietnamese.
    pub short_of_vi: Vec<&'static str>,
}

/// Places a service in both vocabularies from its facts.
///
/// Draft 003 Đ16 (read by this SDK): both levels need online submission on many devices, mobile
/// included, and the fee (if any) paid online; *fully* digitised also needs the whole processing
/// digital and a result that can be had online or by post (in person is not among the ways Đ16.2
/// lists: a service whose result is only in person is partly digitised). Legacy levels follow
/// Nghị định 43/2011 (outside knowledge); level 4 needs online payment when there is a fee and
/// a result online or by post.
pub fn classify(f: &ServiceFacts) -> Classification {
    let mut short_en = Vec::new();
    let mut short_vi = Vec::new();
    let paid = !f.has_fee || f.payment_online;
    let remote_result = f.result_delivery.contains(&Delivery::Online)
        || f.result_delivery.contains(&Delivery::Postal);
    if !f.submission_online {
        short_en.push("the dossier cannot be submitted online");
        short_vi.push("chưa nộp hồ sơ trực tuyến được");
    }
    if !f.mobile_access {
        short_en.push("it cannot be used on mobile devices");
        short_vi.push("chưa dùng được trên thiết bị di động");
    }
    if !paid {
        short_en.push("the fee cannot be paid online");
        short_vi.push("chưa thanh toán lệ phí trực tuyến được");
    }
    let online = f.submission_online && f.mobile_access && paid;
    let digital = if !online {
        None
    } else {
        if !f.processing_fully_digital {
            short_en.push("the agency still processes part of the dossier off-line");
            short_vi.push("cơ quan còn xử lý một phần hồ sơ không trên môi trường số");
        }
        if !remote_result {
            short_en.push("the result can only be collected in person");
            short_vi.push("kết quả chỉ nhận trực tiếp");
        }
        if f.processing_fully_digital && remote_result {
            Some(DigitalLevel::FullyDigitised)
        } else {
            Some(DigitalLevel::PartlyDigitised)
        }
    };
    // Each legacy level includes the one below; online submission implies the forms are at
    // hand (as e-forms), so a service submitted online is at least level 3.
    let legacy = if !f.information_published {
        None
    } else if f.submission_online && paid && remote_result {
        Some(LegacyLevel::Level4)
    } else if f.submission_online {
        Some(LegacyLevel::Level3)
    } else if f.forms_downloadable {
        Some(LegacyLevel::Level2)
    } else {
        Some(LegacyLevel::Level1)
    };
    Classification {
        digital,
        legacy,
        short_of_en: short_en,
        short_of_vi: short_vi,
    }
}

/// The level of a service as a finding (OTH-01, citing draft 003 Đ16 and labelled as a draft),
/// with its legacy level (OTH-03) in the evidence. Fully digitised: Pass; partly digitised:
/// Pass, saying what keeps it from full; neither: Warning (the draft is not law, so never Fail).
pub fn finding(f: &ServiceFacts) -> Finding {
    let c = classify(f);
    let why_en = c.short_of_en.join("; ");
    let why_vi = c.short_of_vi.join("; ");
    let legacy_en = c.legacy.map_or("below level 1".to_owned(), |l| {
        format!("level {}", l.number())
    });
    let legacy_vi = c.legacy.map_or("dưới mức độ 1".to_owned(), |l| {
        format!("mức độ {}", l.number())
    });
    let (outcome, basis, en, vi) = match c.digital {
        Some(level) => {
            let (tail_en, tail_vi) = if why_en.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!(" (not fully: {why_en})"),
                    format!(" (chưa toàn trình: {why_vi})"),
                )
            };
            (
                Outcome::Pass,
                level.basis(),
                format!("the service is {}{tail_en}", level.name_en()),
                format!("dịch vụ thuộc mức «{}»{tail_vi}", level.quote_vi()),
            )
        }
        None => (
            Outcome::Warning,
            LegalRef::article(Instrument::Draft003, 16),
            format!("the service is at neither of the draft's two levels: {why_en}"),
            format!("dịch vụ chưa thuộc mức nào trong 02 mức độ của dự thảo: {why_vi}"),
        ),
    };
    let mut out = Finding::new(
        "OTH-01",
        basis,
        outcome,
        format!(
            "[DRAFT, not law] {en}; in the vocabulary of the strategy QĐ 942/QĐ-TTg (not binding; levels of Nghị định 43/2011): {legacy_en}"
        ),
        format!(
            "[DỰ THẢO, chưa phải là quy định] {vi}; theo cách gọi của Chiến lược tại QĐ 942/QĐ-TTg (không bắt buộc; mức độ theo Nghị định 43/2011): {legacy_vi}"
        ),
    );
    out.evidence = Some(json!({
        "force": "draft",
        "digital_level": c.digital,
        "legacy_level": c.legacy.map(LegacyLevel::number),
        "legacy_rule": "OTH-03",
        "short_of": c.short_of_en,
    }));
    out
}
