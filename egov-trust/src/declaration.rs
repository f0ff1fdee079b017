//! The self-declaration (TRUST-04, NĐ 137/2024 Đ21.3): JSON and readable Markdown in
//! Vietnamese or English.

use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};

use crate::{Assessment, BlocklistSnapshot, SystemInfo, TlsPolicy};

/// Format tag written into every declaration.
pub const DECLARATION_FORMAT: &str = "egov-trust-declaration/1";

/// One criterion in a declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeclaredCriterion {
    /// Point letter (`a` … `e`, `đ`).
    pub point: String,
    /// English title.
    pub title: String,
    /// Vietnamese title.
    pub title_vi: String,
    /// Citation.
    pub basis: LegalRef,
    /// Verdict.
    pub outcome: Outcome,
    /// Findings with their evidence.
    pub findings: Vec<Finding>,
}

/// A self-declaration (Đ21.3): the system, the owner, each criterion with its evidence and
/// verdict, the evaluation time and the policy used. A self-assessment, not a certificate
///
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Declaration {
    /// Always [`DECLARATION_FORMAT`].
    pub format: String,
    /// Legal basis of the declaration (Đ21.3).
    pub basis: LegalRef,
    /// The system and its owner.
    pub system: SystemInfo,
    /// When the evidence was evaluated.
    pub evaluated_at: VnDateTime,
    /// Name of the TLS policy.
    pub policy: String,
    /// The TLS policy itself (tiers for versions, cipher suites, signatures, keys) and the
    /// maximum attestation ages of a) and đ).
    pub policy_settings: TlsPolicy,
    /// Trust anchors used.
    pub anchors: String,
    /// The same in Vietnamese, when the caller gave it ([`Declaration::with_anchors_vi`]); the
    /// Vietnamese Markdown falls back to `anchors`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub anchors_vi: String,
    /// Blocklist source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocklist_source: Option<String>,
    /// Blocklist fetch time, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocklist_fetched_at: Option<VnDateTime>,
    /// SDK name and version that produced it.
    pub generator: String,
    /// The six criteria.
    pub criteria: Vec<DeclaredCriterion>,
    /// `Pass` / `Fail` / `Unknown`.
    pub outcome: Outcome,
    /// `true` only when all six pass.
    pub meets_criteria: bool,
}

/// The language of a declaration (egov-core's, shared by every crate).
pub use egov_core::Lang;

fn outcome_word(o: Outcome, lang: Lang) -> &'static str {
    match (o, lang) {
        (Outcome::Pass, Lang::Vi) => "Đạt",
        (Outcome::Fail, Lang::Vi) => "Không đạt",
        (Outcome::Unknown, Lang::Vi) => "Chưa xác định",
        (Outcome::Warning, Lang::Vi) => "Lưu ý",
        (Outcome::Pass, Lang::En) => "Pass",
        (Outcome::Fail, Lang::En) => "Fail",
        (Outcome::Unknown, Lang::En) => "Unknown",
        (Outcome::Warning, Lang::En) => "Warning",
    }
}

/// Text for a table cell: [`inline`], with `|` escaped so it cannot end the cell.
fn cell(s: &str) -> String {
    inline(s).replace('|', "\\|")
}

/// Text that is not ours (a link as a page wrote it, a certificate's subject, a system's name)
/// as inline Markdown that renders as written: HTML's `<`, `>` and `&` as entities, so a
/// published declaration cannot carry a page's markup into the agency's site, and the
/// characters that would start a link, code or emphasis escaped; on one line.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

impl Declaration {
    /// TRUST-04 (NĐ 137/2024 Đ21.3): builds the declaration from an assessment.
    pub fn new(
        system: SystemInfo,
        assessment: &Assessment,
        policy: &TlsPolicy,
        anchors: &str,
        blocklist: Option<&BlocklistSnapshot>,
    ) -> Self {
        Declaration {
            format: DECLARATION_FORMAT.to_owned(),
            basis: LegalRef::clause(Instrument::Nd137_2024, 21, 3),
            system,
            evaluated_at: assessment.evaluated_at,
            policy: policy.name.clone(),
            policy_settings: policy.clone(),
            anchors: anchors.to_owned(),
            anchors_vi: String::new(),
            blocklist_source: blocklist.map(|b| b.source.clone()),
            blocklist_fetched_at: blocklist.and_then(|b| b.fetched_at),
            generator: format!("egov-trust {}", env!("CARGO_PKG_VERSION")),
            criteria: assessment
                .verdicts
                .iter()
                .map(|v| DeclaredCriterion {
                    point: v.criterion.letter().to_owned(),
                    title: v.criterion.title().to_owned(),
                    title_vi: v.criterion.title_vi().to_owned(),
                    basis: v.criterion.basis(),
                    outcome: v.outcome,
                    findings: v.findings.clone(),
                })
                .collect(),
            outcome: assessment.outcome,
            meets_criteria: assessment.meets_criteria,
        }
    }

    /// The trust anchors described in Vietnamese (as [`crate::Anchors::describe_vi`] does).
    pub fn with_anchors_vi(mut self, anchors_vi: impl Into<String>) -> Self {
        self.anchors_vi = anchors_vi.into();
        self
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a declaration back from JSON.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Readable Markdown in Vietnamese or English.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let mut md = String::new();
        let t = |v: &'static str, e: &'static str| if vi { v } else { e };
        md.push_str(&format!(
            "# {}\n\n",
            t(
                "Tự công bố đáp ứng tiêu chí tín nhiệm mạng",
                "Self-declaration of the network-trust («tín nhiệm mạng») criteria"
            )
        ));
        let basis = if vi {
            self.basis.to_string_vi()
        } else {
            self.basis.to_string()
        };
        md.push_str(&format!("{}: {basis}\n\n", t("Căn cứ", "Basis")));
        md.push_str("| | |\n|---|---|\n");
        for (k, v) in [
            (t("Hệ thống", "System"), self.system.name.clone()),
            (t("Chủ quản", "Owner"), self.system.owner.clone()),
            ("URL", self.system.url.clone()),
            (
                t("Thời điểm đánh giá", "Evaluated at"),
                if vi {
                    egov_core::i18n::datetime_vi(self.evaluated_at)
                } else {
                    self.evaluated_at.to_string()
                },
            ),
            (t("Chính sách TLS", "TLS policy"), self.policy.clone()),
            (
                t("Phiên bản TLS được chấp nhận", "TLS versions accepted"),
                self.policy_settings
                    .versions
                    .iter()
                    .filter(|(_, tier)| **tier != crate::Tier::Insufficient)
                    .map(|(v, tier)| format!("{v} ({})", if vi { tier.vi() } else { tier.en() }))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                t("Tuổi tối đa của bằng chứng xác nhận", "Attestation max age"),
                format!(
                    "a) {} {days}, đ) {} {days}",
                    self.policy_settings.max_attestation_age.security_level_days,
                    self.policy_settings.max_attestation_age.malware_scan_days,
                    days = t("ngày", "days"),
                ),
            ),
            (
                t("Chứng thư gốc tin cậy", "Trust anchors"),
                if vi && !self.anchors_vi.is_empty() {
                    self.anchors_vi.clone()
                } else {
                    self.anchors.clone()
                },
            ),
            (
                t("Danh sách khuyến cáo", "Advisory list"),
                match (&self.blocklist_source, &self.blocklist_fetched_at) {
                    (Some(s), Some(at)) if vi => {
                        format!("{s} ({})", egov_core::i18n::datetime_vi(*at))
                    }
                    (Some(s), Some(at)) => format!("{s} ({at})"),
                    (Some(s), None) => s.clone(),
                    _ => "—".to_owned(),
                },
            ),
            (t("Công cụ", "Generator"), self.generator.clone()),
        ] {
            md.push_str(&format!("| {k} | {} |\n", cell(&v)));
        }
        md.push_str(&format!(
            "\n**{}: {}**\n\n",
            t("Kết luận", "Conclusion"),
            if self.meets_criteria {
                t("Đáp ứng đủ sáu tiêu chí", "Meets all six criteria")
            } else {
                t(
                    "Chưa đáp ứng đủ sáu tiêu chí",
                    "Does not (yet) meet all six criteria",
                )
            }
        ));
        md.push_str(&format!(
            "| {} | {} | {} |\n|---|---|---|\n",
            t("Điểm", "Point"),
            t("Tiêu chí", "Criterion"),
            t("Kết quả", "Verdict")
        ));
        for c in &self.criteria {
            let title = if vi { &c.title_vi } else { &c.title };
            md.push_str(&format!(
                "| {} | {} | {} |\n",
                c.point,
                cell(title),
                outcome_word(c.outcome, lang)
            ));
        }
        for c in &self.criteria {
            let title = if vi { &c.title_vi } else { &c.title };
            let basis = if vi {
                c.basis.to_string_vi()
            } else {
                c.basis.to_string()
            };
            md.push_str(&format!(
                "\n## {}) {title} — {}\n\n{}: {basis}\n\n",
                c.point,
                outcome_word(c.outcome, lang),
                t("Căn cứ", "Basis")
            ));
            for (i, f) in c.findings.iter().enumerate() {
                let msg = if vi { &f.message_vi } else { &f.message };
                md.push_str(&format!(
                    "- **{}** {}",
                    outcome_word(f.outcome, lang),
                    inline(msg.trim())
                ));
                if f.evidence.is_some() {
                    md.push_str(&format!(
                        " ({} {}.{})",
                        t("bằng chứng", "evidence"),
                        c.point,
                        i + 1
                    ));
                }
                md.push('\n');
            }
        }
        push_evidence_appendix(&mut md, &self.criteria, lang);
        md
    }
}

/// The evidence behind the findings, as an appendix: the sentences above are what a reader
/// needs; the values compared (codes, tiers, dates) follow for whoever checks them, each under
/// the label its finding gives («bằng chứng a.1»), so nothing in the JSON is left out.
fn push_evidence_appendix(md: &mut String, criteria: &[DeclaredCriterion], lang: Lang) {
    let vi = lang == Lang::Vi;
    let mut entries = criteria
        .iter()
        .flat_map(|c| {
            c.findings
                .iter()
                .enumerate()
                .filter_map(move |(i, f)| f.evidence.as_ref().map(|e| (c.point.as_str(), i + 1, e)))
        })
        .peekable();
    if entries.peek().is_none() {
        return;
    }
    md.push_str(if vi {
        "\n## Phụ lục: bằng chứng\n\nCác giá trị đã đối chiếu cho từng kết quả trên, dạng JSON như trong bản JSON của bản tự công bố.\n"
    } else {
        "\n## Appendix: evidence\n\nThe values compared for each finding above, as JSON, as the declaration's JSON form holds them.\n"
    });
    for (point, n, evidence) in entries {
        let text = serde_json::to_string_pretty(evidence).unwrap_or_else(|_| evidence.to_string());
        // A fence longer than any run of backticks in the text, so none can close it.
        let longest = text.split(|ch| ch != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        md.push_str(&format!(
            "\n### {point}.{n}\n\n{fence}json\n{text}\n{fence}\n"
        ));
    }
}
