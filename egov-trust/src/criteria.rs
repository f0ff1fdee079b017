//! The six criteria of NĐ 137/2024 Đ21.2 (TRUST-02), their verdicts and the overall verdict
//! (TRUST-03), plus the attestation-based criteria a) and b).

use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};

/// One of the six criteria of NĐ 137/2024 Đ21.2 (TRUST-02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Criterion {
    /// a) level-based information security.
    #[serde(rename = "a")]
    A,
    /// b) consent for personal data.
    #[serde(rename = "b")]
    B,
    /// c) encryption by a secure algorithm from a trusted third party.
    #[serde(rename = "c")]
    C,
    /// d) domain and server address not on the advisory list.
    #[serde(rename = "d")]
    D,
    /// đ) no malicious links, malware or scams.
    #[serde(rename = "đ")]
    Dd,
    /// e) public security contact point.
    #[serde(rename = "e")]
    E,
}

impl Criterion {
    /// All six, in the order of Đ21.2.
    pub const ALL: [Criterion; 6] = [
        Criterion::A,
        Criterion::B,
        Criterion::C,
        Criterion::D,
        Criterion::Dd,
        Criterion::E,
    ];

    /// The point letter (`a`, `b`, `c`, `d`, `đ`, `e`).
    pub fn letter(self) -> &'static str {
        match self {
            Criterion::A => "a",
            Criterion::B => "b",
            Criterion::C => "c",
            Criterion::D => "d",
            Criterion::Dd => "đ",
            Criterion::E => "e",
        }
    }

    /// The criterion of a point letter: `a`, `b`, `c`, `d`, `đ` (also `dd`, ASCII), `e`, any case.
    pub fn from_letter(letter: &str) -> Option<Criterion> {
        match letter.trim().to_lowercase().as_str() {
            "a" => Some(Criterion::A),
            "b" => Some(Criterion::B),
            "c" => Some(Criterion::C),
            "d" => Some(Criterion::D),
            "đ" | "dd" => Some(Criterion::Dd),
            "e" => Some(Criterion::E),
            _ => None,
        }
    }

    /// The rule ID used in findings for this criterion (`TRUST-02.a` …).
    pub fn rule(self) -> &'static str {
        match self {
            Criterion::A => "TRUST-02.a",
            Criterion::B => "TRUST-02.b",
            Criterion::C => "TRUST-02.c",
            Criterion::D => "TRUST-02.d",
            Criterion::Dd => "TRUST-02.đ",
            Criterion::E => "TRUST-02.e",
        }
    }

    /// The citation: NĐ 137/2024 Đ21.2 and the point.
    pub fn basis(self) -> LegalRef {
        LegalRef::point(Instrument::Nd137_2024, 21, 2, self.letter())
    }

    /// Short English title.
    pub fn title(self) -> &'static str {
        match self {
            Criterion::A => "Level-based information-system security",
            Criterion::B => "Personal data collected only with user consent",
            Criterion::C => "Encryption by a secure algorithm from a trusted third party",
            Criterion::D => "Domain and server address not on the advisory list",
            Criterion::Dd => "No malicious links, malware or scams",
            Criterion::E => "Public information-security contact point",
        }
    }

    /// Short Vietnamese title (wording of Đ21.2).
    pub fn title_vi(self) -> &'static str {
        match self {
            Criterion::A => "Tuân thủ quy định về bảo đảm an toàn thông tin theo cấp độ",
            Criterion::B => "Chỉ thu thập, lưu trữ dữ liệu cá nhân khi được người sử dụng đồng ý",
            Criterion::C => "Mã hóa bằng thuật toán an toàn do bên thứ ba tin cậy cung cấp",
            Criterion::D => {
                "Tên miền, địa chỉ máy chủ không thuộc danh sách khuyến cáo không truy cập"
            }
            Criterion::Dd => "Không chứa liên kết độc hại, mã độc, thông tin lừa đảo",
            Criterion::E => {
                "Có thông tin công khai về đầu mối tiếp nhận, xử lý vấn đề an toàn thông tin"
            }
        }
    }
}

/// The verdict on one criterion, with every finding that led to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CriterionVerdict {
    /// The criterion.
    pub criterion: Criterion,
    /// `Pass`, `Fail` or `Unknown` (never `Warning`: warnings are in the findings).
    pub outcome: Outcome,
    /// The findings, in the order the checks ran.
    pub findings: Vec<Finding>,
}

impl CriterionVerdict {
    /// Builds the verdict from findings (TRUST-03): `Fail` if any finding failed, else `Unknown`
    /// if any is unknown or there are no findings, else `Pass` (warnings do not block).
    pub fn from_findings(criterion: Criterion, findings: Vec<Finding>) -> Self {
        let outcome = if findings.iter().any(|f| f.outcome == Outcome::Fail) {
            Outcome::Fail
        } else if findings.is_empty() || findings.iter().any(|f| f.outcome == Outcome::Unknown) {
            Outcome::Unknown
        } else {
            Outcome::Pass
        };
        CriterionVerdict {
            criterion,
            outcome,
            findings,
        }
    }
}

/// A finding about `criterion` citing Đ21.2 at the criterion's point.
pub(crate) fn finding(
    criterion: Criterion,
    outcome: Outcome,
    en: impl Into<String>,
    vi: impl Into<String>,
) -> Finding {
    Finding::new(criterion.rule(), criterion.basis(), outcome, en, vi)
}

/// The overall assessment (TRUST-03, NĐ 137/2024 Đ21.1–2): meets the criteria only when all six
/// pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    /// The evaluation time the caller passed.
    pub evaluated_at: VnDateTime,
    /// One verdict per criterion, in the order of Đ21.2.
    pub verdicts: Vec<CriterionVerdict>,
    /// `Pass` when all six pass, `Fail` when any fails, otherwise `Unknown`.
    pub outcome: Outcome,
    /// `true` only when all six criteria pass.
    pub meets_criteria: bool,
}

impl Assessment {
    /// TRUST-03 (NĐ 137/2024 Đ21.2): combines the six verdicts. A missing criterion counts as
    /// `Unknown`.
    pub fn new(evaluated_at: VnDateTime, mut verdicts: Vec<CriterionVerdict>) -> Self {
        for c in Criterion::ALL {
            if !verdicts.iter().any(|v| v.criterion == c) {
                verdicts.push(CriterionVerdict::from_findings(c, Vec::new()));
            }
        }
        verdicts.sort_by_key(|v| v.criterion);
        let outcome = if verdicts.iter().any(|v| v.outcome == Outcome::Fail) {
            Outcome::Fail
        } else if verdicts.iter().all(|v| v.outcome == Outcome::Pass) {
            Outcome::Pass
        } else {
            Outcome::Unknown
        };
        Assessment {
            evaluated_at,
            verdicts,
            meets_criteria: outcome == Outcome::Pass,
            outcome,
        }
    }

    /// The verdict on one criterion.
    pub fn verdict(&self, criterion: Criterion) -> Option<&CriterionVerdict> {
        self.verdicts.iter().find(|v| v.criterion == criterion)
    }
}

/// A generic attestation: who attests, when, and a reference (report number, URL).
///
/// An attestation is evidence at the evaluation time only when it is dated no later than that
/// time and is not older than the maximum age for its criterion ([`AttestationMaxAge`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// Who attests (organisation or auditor).
    pub by: String,
    /// When the attestation was made (for a scan: when the scan ran).
    pub at: VnDateTime,
    /// Report number, document number or URL.
    pub reference: String,
    /// Whether the attested check found a problem (for a malware scan: malware found).
    #[serde(default)]
    pub found_problems: bool,
}

/// How old an attestation may be at the evaluation time, per criterion, in days (A-22; issue
/// #11). NĐ 137/2024 Đ21.2 says nothing about the age of evidence: these are SDK defaults,
/// documented and overridable (in the policy's `[max_attestation_age]` table or the request's
/// `max_attestation_age` key), in the spirit of REQUIREMENTS §7.
///
/// * a) **1826 days (five years)** for the approval of the security level (NĐ 85/2016). Neither
///   the decree nor the other seeds give the approval a validity period or a re-assessment
///   interval (they speak only of periodic checks, «định kỳ kiểm tra, đánh giá», QĐ 942/QĐ-TTg
///   Đ1.V.6.a, without a period). The approval stays in force until the system changes, so the
///   limit is long: one five-year IT planning cycle (the «kế hoạch 5 năm» of NĐ 137/2024 Đ6.2.a), after
///   which an unchanged approval is unlikely to describe the system. Owners of cấp độ 3–5 systems,
///   which are checked more often, may want a shorter limit.
/// * đ) **30 days** for a malware / malicious-link scan: a scan is an observation at one point in
///   time of content that changes, so an old clean scan says little about the page today; 30
///   days matches a monthly scanning cycle.
///
/// An attestation dated after the evaluation time is never evidence; one older than its limit
/// is stale. Neither is a `Pass`: both make the criterion `Unknown` (not evidenced), with the
/// age and the limit in the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct AttestationMaxAge {
    /// a) the security-level approval ([`SecurityLevelAttestation::approved_at`]), in days.
    pub security_level_days: u32,
    /// đ) the malware-scan attestation ([`Attestation::at`]), in days.
    pub malware_scan_days: u32,
}

impl AttestationMaxAge {
    /// a) default: five years (see the type's docs).
    pub const SECURITY_LEVEL_DAYS: u32 = 1826;
    /// đ) default: 30 days (see the type's docs).
    pub const MALWARE_SCAN_DAYS: u32 = 30;
}

impl Default for AttestationMaxAge {
    fn default() -> Self {
        AttestationMaxAge {
            security_level_days: Self::SECURITY_LEVEL_DAYS,
            malware_scan_days: Self::MALWARE_SCAN_DAYS,
        }
    }
}

const DAY_SECS: i64 = 24 * 3600;

/// Whether an attestation dated `at` is evidence at `now` (A-22, issue #11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Age {
    /// Dated after `now`.
    Future,
    /// Older than the limit; whole days.
    Stale(i64),
    /// Within the limit; whole days.
    Current(i64),
}

pub(crate) fn age(at: VnDateTime, now: VnDateTime, max_days: u32) -> Age {
    let secs = now.unix_seconds().saturating_sub(at.unix_seconds());
    if secs < 0 {
        Age::Future
    } else if secs > i64::from(max_days).saturating_mul(DAY_SECS) {
        Age::Stale(secs / DAY_SECS)
    } else {
        Age::Current(secs / DAY_SECS)
    }
}

impl Age {
    /// The age facts for a finding's evidence.
    pub(crate) fn evidence(self, max_days: u32) -> serde_json::Value {
        match self {
            Age::Future => serde_json::json!({ "future": true, "max_age_days": max_days }),
            Age::Stale(d) | Age::Current(d) => {
                serde_json::json!({ "age_days": d, "max_age_days": max_days })
            }
        }
    }

    /// The `Unknown` finding for an attestation that is not evidence at `now`, or `None` when it
    /// is current. `what` names it in English and Vietnamese.
    pub(crate) fn problem(
        self,
        criterion: Criterion,
        what: (&str, &str),
        at: VnDateTime,
        max_days: u32,
    ) -> Option<Finding> {
        let (en, vi) = what;
        match self {
            Age::Current(_) => None,
            Age::Future => Some(finding(
                criterion,
                Outcome::Unknown,
                format!(
                    "{en} dated {at} is after the evaluation time: it cannot be evidence yet"
                ),
                format!(
                    "{vi} ghi lúc {}, sau thời điểm đánh giá: chưa thể là bằng chứng",
                    egov_core::i18n::datetime_vi(at)
                ),
            )),
            Age::Stale(days) => Some(finding(
                criterion,
                Outcome::Unknown,
                format!(
                    "{en} dated {} is stale: {days} days old, limit {max_days} days (max_attestation_age; the law sets no age)",
                    at.date()
                ),
                format!(
                    "{vi} ngày {} đã quá cũ: {days} ngày, giới hạn {max_days} ngày (max_attestation_age; pháp luật không quy định thời hạn)",
                    egov_core::i18n::date_vi(at.date())
                ),
            )),
        }
    }
}

/// Attested security level under Nghị định 85/2016/NĐ-CP (criterion a).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SecurityLevelAttestation {
    /// Approved level, cấp độ 1–5.
    pub level: u8,
    /// Number of the approval decision (quyết định phê duyệt hồ sơ đề xuất cấp độ).
    pub approval_reference: String,
    /// Date of the approval.
    pub approved_at: VnDateTime,
    /// Approving authority, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
}

fn nd85_2016() -> LegalRef {
    LegalRef::instrument(Instrument::Other("NĐ 85/2016/NĐ-CP".to_owned()))
}

/// TRUST-02.a (NĐ 137/2024 Đ21.2.a, A-22): level-based security from an attestation. `Unknown`
/// without one; `Fail` for a level outside 1–5; `Unknown` for an approval without reference,
/// dated after `now`, or older than `max_age_days` (stale; default
/// [`AttestationMaxAge::SECURITY_LEVEL_DAYS`], the law sets no age); otherwise `Pass`.
pub fn evaluate_security_level(
    attestation: Option<&SecurityLevelAttestation>,
    now: VnDateTime,
    max_age_days: u32,
) -> CriterionVerdict {
    let c = Criterion::A;
    let age_of = |a: &SecurityLevelAttestation| age(a.approved_at, now, max_age_days);
    let f = match attestation {
        None => finding(
            c,
            Outcome::Unknown,
            "no attestation of the approved security level (NĐ 85/2016) was given",
            "chưa có bằng chứng phê duyệt cấp độ an toàn hệ thống thông tin (NĐ 85/2016)",
        ),
        Some(a) if !(1..=5).contains(&a.level) => finding(
            c,
            Outcome::Fail,
            format!("security level {} is not one of cấp độ 1–5", a.level),
            format!("cấp độ {} không thuộc cấp độ 1–5", a.level),
        )
        .with_field("level"),
        Some(a) if a.approval_reference.trim().is_empty() => finding(
            c,
            Outcome::Unknown,
            "the security-level attestation has no approval reference",
            "thiếu số quyết định phê duyệt cấp độ",
        )
        .with_field("approval_reference"),
        Some(a) => match age_of(a).problem(
            c,
            ("the security-level approval", "quyết định phê duyệt cấp độ"),
            a.approved_at,
            max_age_days,
        ) {
            Some(f) => f.with_field("approved_at"),
            None => finding(
                c,
                Outcome::Pass,
                format!(
                    "security level {} approved by {} on {}",
                    a.level,
                    a.approval_reference,
                    a.approved_at.date()
                ),
                format!(
                    "cấp độ {} được phê duyệt theo {} ngày {}",
                    a.level,
                    a.approval_reference,
                    egov_core::i18n::date_vi(a.approved_at.date())
                ),
            ),
        },
    };
    // The level scheme itself is NĐ 85/2016; the evidence names it beside the attestation,
    // with the attestation's age and the limit it was judged against.
    let f = match attestation.and_then(|a| Some((a, serde_json::to_value(a).ok()?))) {
        Some((a, value)) => {
            let mut e = age_of(a).evidence(max_age_days);
            e["attestation"] = value;
            e["level_scheme"] = serde_json::json!(nd85_2016().to_string());
            f.with_evidence(e)
        }
        None => f,
    };
    CriterionVerdict::from_findings(c, vec![f])
}

/// The published personal-data consent commitment (criterion b).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentCommitment {
    /// Where it is published.
    pub url: String,
    /// Its text.
    pub text: String,
}

/// TRUST-02.b (NĐ 137/2024 Đ21.2.b): the consent commitment exists (a valid http(s) URL and
/// non-empty text) and is reachable from the evidence: when the page's links are given, one of
/// them must point at the commitment URL. `Unknown` without a commitment or when it is not
/// linked from the given page.
pub fn evaluate_consent(
    commitment: Option<&ConsentCommitment>,
    page_links: Option<&[url::Url]>,
) -> CriterionVerdict {
    let c = Criterion::B;
    let Some(cm) = commitment else {
        return CriterionVerdict::from_findings(
            c,
            vec![finding(
                c,
                Outcome::Unknown,
                "no published personal-data consent commitment was given",
                "chưa có cam kết công khai về thu thập dữ liệu cá nhân khi được người dùng đồng ý",
            )],
        );
    };
    let evidence = serde_json::json!({ "url": cm.url, "text_chars": cm.text.chars().count() });
    let parsed = url::Url::parse(cm.url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http"));
    let f = match parsed {
        None => finding(
            c,
            Outcome::Unknown,
            format!("commitment URL {:?} is not an http(s) URL", cm.url),
            format!(
                "địa chỉ cam kết {} không phải URL http(s)",
                egov_core::i18n::quote_vi(&cm.url)
            ),
        )
        .with_field("url"),
        Some(_) if cm.text.trim().is_empty() => finding(
            c,
            Outcome::Unknown,
            "the commitment text is empty",
            "nội dung cam kết trống",
        )
        .with_field("text"),
        Some(u) => match page_links {
            Some(links) if !links.iter().any(|l| same_document(l, &u)) => finding(
                c,
                Outcome::Unknown,
                format!("the page given does not link to the commitment at {u}"),
                format!("trang được cung cấp không có liên kết tới cam kết tại {u}"),
            )
            .with_field("url"),
            _ => finding(
                c,
                Outcome::Pass,
                format!("consent commitment published at {u}"),
                format!("cam kết được công bố tại {u}"),
            ),
        },
    };
    CriterionVerdict::from_findings(c, vec![f.with_evidence(evidence)])
}

/// Two URLs name the same document (fragment ignored, host case-insensitive via `url`).
fn same_document(a: &url::Url, b: &url::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && a.path().trim_end_matches('/') == b.path().trim_end_matches('/')
        && a.query() == b.query()
}
