//! Legal value of an e-document, the paper-copy rule and the channel rule (rules DOC-14, DOC-16,
//! DOC-17; choice A-31).
//!
//! * [`legal_value`] (DOC-14, QĐ 28/2018/QĐ-TTg Đ4): a digitally signed e-document sent through
//!   the document system is worth the paper document and replaces it (Đ4.1); any other
//!   e-document sent through the system is for information and reference only (Đ4.2).
//! * [`paper_copy_required`] (DOC-17, Đ5.3, Đ7.2): after sending electronically no paper copy is
//!   issued, except documents to the Government or the Prime Minister under the Government's
//!   working regulation (Đ7.2.a) and document types on the list decided by the head of the
//!   ministry, sector or locality (Đ7.2.b). Both depend on facts outside the decision, so the
//!   caller attests the first and injects the list as a [`PaperCopyPolicy`] (A-31).
//! * [`check_channel`] (DOC-16, Đ5.2, Đ7.1): every e-document goes through the document system
//!   unless the sender or the receiver is not yet technically ready.
//!
//! Documents whose content is a state secret are outside the decision (CORE-08, Đ1.2):
//! [`check_channel`] answers with the out-of-scope finding when [`ChannelFacts::classification`]
//! says so (such a document must not be judged against Đ5.2); [`legal_value`] and
//! [`paper_copy_required`] assume the caller has excluded them.

use std::fmt;

use egov_core::classification::Classification;
use egov_core::{Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};

use crate::text::fold;

const fn qd28(article: u16, clause: u8) -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, article, clause)
}

/// QĐ 28/2018/QĐ-TTg Đ4.1, verbatim.
pub const QUOTE_4_1: &str = "Văn bản điện tử đã ký số theo quy định của pháp luật được gửi, nhận qua hệ thống quản lý văn bản và điều hành quy định tại Quyết định này có giá trị pháp lý tương đương văn bản giấy và thay cho việc gửi, nhận văn bản giấy.";
/// QĐ 28/2018/QĐ-TTg Đ4.2, verbatim.
pub const QUOTE_4_2: &str = "Văn bản điện tử không thuộc khoản 1 Điều này được gửi, nhận qua hệ thống quản lý văn bản và điều hành có giá trị để biết, tham khảo, không thay cho việc gửi, nhận văn bản giấy.";
/// QĐ 28/2018/QĐ-TTg Đ5.3, verbatim.
pub const QUOTE_5_3: &str = "Các cơ quan trong hệ thống hành chính nhà nước không phát hành văn bản giấy đến Bên nhận khi đã gửi văn bản điện tử, trừ các trường hợp quy định tại khoản 2 Điều 7 của Quyết định này.";
/// QĐ 28/2018/QĐ-TTg Đ7.2.a, verbatim.
pub const QUOTE_7_2_A: &str =
    "Văn bản gửi Chính phủ, Thủ tướng Chính phủ theo quy định tại Quy chế làm việc của Chính phủ";
/// QĐ 28/2018/QĐ-TTg Đ7.2.b, verbatim.
pub const QUOTE_7_2_B: &str = "Văn bản theo Danh mục do người đứng đầu bộ, ngành, địa phương quyết định ngoài các văn bản theo quy định tại điểm a khoản 2 Điều này và theo quy định của pháp luật.";
/// QĐ 28/2018/QĐ-TTg Đ7.1, the exception clause, verbatim.
pub const QUOTE_7_1_EXCEPTION: &str = "trừ trường hợp Bên gửi hoặc Bên nhận chưa đáp ứng các yêu cầu về hạ tầng kỹ thuật, công nghệ, an toàn thông tin, giải pháp kết nối, liên thông để gửi, nhận văn bản điện tử";

// ---------------------------------------------------------------------------------------------
// DOC-14 legal value
// ---------------------------------------------------------------------------------------------

/// The legal value of an e-document sent through the document system (DOC-14, Đ4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalValue {
    /// Đ4.1: «có giá trị pháp lý tương đương văn bản giấy và thay cho việc gửi, nhận văn bản giấy».
    EquivalentToPaper,
    /// Đ4.2: «có giá trị để biết, tham khảo, không thay cho việc gửi, nhận văn bản giấy».
    ReferenceOnly,
}

impl LegalValue {
    /// True when the e-document replaces sending the paper document (Đ4.1).
    pub fn replaces_paper(self) -> bool {
        self == LegalValue::EquivalentToPaper
    }

    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            LegalValue::EquivalentToPaper => "equivalent_to_paper",
            LegalValue::ReferenceOnly => "reference_only",
        }
    }

    /// Both values.
    pub const ALL: [LegalValue; 2] = [LegalValue::EquivalentToPaper, LegalValue::ReferenceOnly];

    /// Reads a legal value from its snake_case code (also with spaces or hyphens) or from
    /// Đ4's words, with or without diacritics, in any case: «có giá trị pháp lý tương đương văn
    /// bản giấy», «tương đương văn bản giấy» (Đ4.1); «có giá trị để biết, tham khảo», «để
    /// biết, tham khảo», «tham khảo» (Đ4.2). `None` for anything else.
    ///
    /// ```
    /// use egov_docs::legal_value::LegalValue;
    /// assert_eq!(LegalValue::parse("tương đương văn bản giấy"), Some(LegalValue::EquivalentToPaper));
    /// assert_eq!(LegalValue::parse("de biet, tham khao"), Some(LegalValue::ReferenceOnly));
    /// assert_eq!(LegalValue::parse("reference_only"), Some(LegalValue::ReferenceOnly));
    /// assert_eq!(LegalValue::parse("bản sao"), None);
    /// ```
    pub fn parse(input: &str) -> Option<LegalValue> {
        if input.len() > 200 {
            return None;
        }
        let key = fold(&input.replace(['_', '-'], " "));
        match key.trim_end_matches('.') {
            "equivalent to paper"
            | "co gia tri phap ly tuong duong van ban giay"
            | "gia tri phap ly tuong duong van ban giay"
            | "tuong duong van ban giay" => Some(LegalValue::EquivalentToPaper),
            "reference only"
            | "co gia tri de biet, tham khao"
            | "chi co gia tri de biet, tham khao"
            | "de biet, tham khao"
            | "tham khao" => Some(LegalValue::ReferenceOnly),
            _ => None,
        }
    }

    /// The Vietnamese wording of Đ4.
    pub fn name_vi(self) -> &'static str {
        match self {
            LegalValue::EquivalentToPaper => "có giá trị pháp lý tương đương văn bản giấy",
            LegalValue::ReferenceOnly => "có giá trị để biết, tham khảo",
        }
    }
}

impl fmt::Display for LegalValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

/// The answer of [`legal_value`]: the value, if the decision settles it, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LegalValueAssessment {
    /// The value; `None` when the document did not go through the document system, which Đ4
    /// does not cover.
    pub value: Option<LegalValue>,
    /// The explanation: `Pass` for Đ4.1, `Warning` for Đ4.2 (valid for information only, paper
    /// still needed), `Unknown` outside Đ4.
    pub finding: Finding,
}

/// The legal value of an e-document (DOC-14, QĐ 28/2018/QĐ-TTg Đ4.1 and Đ4.2).
///
/// `digitally_signed_per_law`: signed «theo quy định của pháp luật» (the caller verifies the
/// signature). `sent_via_system`: sent and received through the document-management systems
/// («hệ thống quản lý văn bản và điều hành»). Đ4 only rates documents sent through the system;
/// for any other the value is `None` and the finding `Unknown`: the decision does not settle it.
///
/// ```
/// use egov_core::Outcome;
/// use egov_docs::legal_value::{legal_value, LegalValue};
/// let a = legal_value(true, true);
/// assert_eq!(a.value, Some(LegalValue::EquivalentToPaper));
/// assert_eq!(a.finding.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ4.1");
/// let b = legal_value(false, true);
/// assert_eq!(b.value, Some(LegalValue::ReferenceOnly));
/// assert_eq!(b.finding.outcome, Outcome::Warning);
/// assert_eq!(legal_value(true, false).value, None);
/// ```
pub fn legal_value(digitally_signed_per_law: bool, sent_via_system: bool) -> LegalValueAssessment {
    let evidence = serde_json::json!({
        "digitally_signed_per_law": digitally_signed_per_law,
        "sent_via_system": sent_via_system,
    });
    let (value, finding) = match (sent_via_system, digitally_signed_per_law) {
        (true, true) => (
            Some(LegalValue::EquivalentToPaper),
            Finding::new(
                "DOC-14",
                qd28(4, 1),
                Outcome::Pass,
                "Digitally signed per law and sent through the document system: legally equivalent to the paper document and replaces sending it (Đ4.1).",
                format!("Văn bản đã ký số và được gửi, nhận qua hệ thống quản lý văn bản và điều hành: «{QUOTE_4_1}»"),
            ),
        ),
        (true, false) => (
            Some(LegalValue::ReferenceOnly),
            Finding::new(
                "DOC-14",
                qd28(4, 2),
                Outcome::Warning,
                "Sent through the document system without a digital signature per law: for information and reference only; it does not replace sending the paper document (Đ4.2).",
                format!("Văn bản chưa ký số theo quy định của pháp luật: «{QUOTE_4_2}»"),
            ),
        ),
        (false, _) => (
            None,
            Finding::new(
                "DOC-14",
                LegalRef::article(Instrument::Qd28_2018, 4),
                Outcome::Unknown,
                "Not sent through the document system: Đ4 rates only e-documents sent and received through the document-management systems, so QĐ 28/2018/QĐ-TTg does not settle this document's legal value (see DOC-16 for when another channel is allowed).",
                "Văn bản không được gửi, nhận qua hệ thống quản lý văn bản và điều hành: Điều 4 Quyết định 28/2018/QĐ-TTg chỉ quy định giá trị pháp lý của văn bản điện tử gửi, nhận qua hệ thống này.",
            ),
        ),
    };
    LegalValueAssessment {
        value,
        finding: finding.with_evidence(evidence),
    }
}

// ---------------------------------------------------------------------------------------------
// DOC-17 paper copies
// ---------------------------------------------------------------------------------------------

/// The agency's paper-accompaniment list (DOC-17, Đ7.2.b; A-31): the document types that the head
/// of the ministry, sector or locality decided are sent with a paper copy. Injected by the
/// caller; egov ships no list. JSON: `{"list_source": "...", "listed_document_types": [...]}`;
/// any other member is refused (a misspelt `listed_document_types` would otherwise leave the
/// list empty and answer "no paper" without a word).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PaperCopyPolicy {
    /// The decision that set the list (e.g. `Quyết định số 12/QĐ-UBND`), shown in findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_source: Option<String>,
    /// Document types on the list, by name (`Tờ trình`, `Báo cáo`); matched ignoring case,
    /// diacritics and NFC/NFD form.
    pub listed_document_types: Vec<String>,
}

impl PaperCopyPolicy {
    /// The list entry matching `document_type`, if any (Đ7.2.b).
    pub fn listed(&self, document_type: &str) -> Option<&str> {
        let key = fold(document_type);
        if key.is_empty() {
            return None;
        }
        self.listed_document_types
            .iter()
            .find(|t| fold(t) == key)
            .map(String::as_str)
    }
}

/// The facts about one sent e-document that decide whether paper goes with it (DOC-17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaperCopyCase {
    /// The document type (field đ «Loại văn bản»), matched against the agency list.
    pub document_type: String,
    /// The e-document's legal value ([`legal_value`]).
    pub legal_value: LegalValue,
    /// Đ7.2.a: the document goes to the Government or the Prime Minister and the Government's
    /// working regulation («Quy chế làm việc của Chính phủ») calls for paper. Attested by the
    /// caller: the regulation is not part of the decision (A-31).
    pub to_government_per_working_regulation: bool,
}

/// Why paper goes with an e-document (DOC-17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "ground")]
#[non_exhaustive]
pub enum PaperGround {
    /// Đ4.2: the e-document is for reference only and does not replace the paper document.
    ReferenceOnly,
    /// Đ7.2.a: to the Government or the Prime Minister under the Government's working regulation.
    GovernmentRecipient,
    /// Đ7.2.b: the document type is on the agency head's list.
    AgencyList {
        /// The list entry that matched.
        document_type: String,
        /// The decision that set the list, if given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        list_source: Option<String>,
    },
}

impl PaperGround {
    /// The article the ground rests on.
    pub fn basis(&self) -> LegalRef {
        match self {
            PaperGround::ReferenceOnly => qd28(4, 2),
            PaperGround::GovernmentRecipient => LegalRef::point(Instrument::Qd28_2018, 7, 2, "a"),
            PaperGround::AgencyList { .. } => LegalRef::point(Instrument::Qd28_2018, 7, 2, "b"),
        }
    }
}

/// The answer of [`paper_copy_required`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaperCopyDecision {
    /// True when a paper document must go with the e-document.
    pub required: bool,
    /// Every ground that requires paper; empty when none does (Đ5.3).
    pub grounds: Vec<PaperGround>,
    /// The explanation (outcome `Pass`: the question is answered).
    pub finding: Finding,
}

/// Whether a paper document goes with an e-document already sent electronically (DOC-17,
/// QĐ 28/2018/QĐ-TTg Đ5.3, Đ7.2.a, Đ7.2.b; also Đ4.2). Default: no paper (Đ5.3).
///
/// ```
/// use egov_docs::legal_value::{paper_copy_required, LegalValue, PaperCopyCase, PaperCopyPolicy};
/// let policy = PaperCopyPolicy {
///     list_source: Some("Quyết định số 12/QĐ-UBND".into()),
///     listed_document_types: vec!["Tờ trình".into()],
/// };
/// let mut case = PaperCopyCase {
///     document_type: "Công văn".into(),
///     legal_value: LegalValue::EquivalentToPaper,
///     to_government_per_working_regulation: false,
/// };
/// assert!(!paper_copy_required(&case, &policy).required);          // Đ5.3
/// case.document_type = "TỜ TRÌNH".into();
/// let d = paper_copy_required(&case, &policy);
/// assert!(d.required);                                              // Đ7.2.b
/// assert_eq!(d.finding.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ7.2.b");
/// ```
pub fn paper_copy_required(case: &PaperCopyCase, policy: &PaperCopyPolicy) -> PaperCopyDecision {
    let mut grounds = Vec::new();
    if !case.legal_value.replaces_paper() {
        grounds.push(PaperGround::ReferenceOnly);
    }
    if case.to_government_per_working_regulation {
        grounds.push(PaperGround::GovernmentRecipient);
    }
    if let Some(entry) = policy.listed(&case.document_type) {
        grounds.push(PaperGround::AgencyList {
            document_type: entry.to_owned(),
            list_source: policy.list_source.clone(),
        });
    }
    let evidence = serde_json::json!({ "case": case, "grounds": grounds, "policy": policy });
    let finding = match grounds.first() {
        None => Finding::new(
            "DOC-17",
            qd28(5, 3),
            Outcome::Pass,
            "No paper copy: the e-document was sent and none of the exceptions of Đ7.2 applies (Đ5.3).",
            format!("Không phát hành văn bản giấy: «{QUOTE_5_3}»"),
        ),
        Some(first) => {
            let (en, vi) = describe_grounds(&grounds);
            Finding::new(
                "DOC-17",
                first.basis(),
                Outcome::Pass,
                format!("A paper document goes with the e-document: {en}."),
                format!("Gửi kèm văn bản giấy: {vi}."),
            )
        }
    };
    PaperCopyDecision {
        required: !grounds.is_empty(),
        grounds,
        finding: finding.with_field("paper_copy").with_evidence(evidence),
    }
}

fn describe_grounds(grounds: &[PaperGround]) -> (String, String) {
    let (en, vi): (Vec<String>, Vec<String>) = grounds
        .iter()
        .map(|g| match g {
            PaperGround::ReferenceOnly => (
                "the e-document is for reference only and does not replace paper (Đ4.2)".to_owned(),
                format!("«{QUOTE_4_2}» (khoản 2 Điều 4)"),
            ),
            PaperGround::GovernmentRecipient => (
                "it goes to the Government or the Prime Minister under the Government's working regulation (Đ7.2.a)".to_owned(),
                format!("«{QUOTE_7_2_A}» (điểm a khoản 2 Điều 7)"),
            ),
            PaperGround::AgencyList { document_type, list_source } => {
                let source = list_source.as_deref().unwrap_or("the agency head's list");
                let source_vi = list_source
                    .as_deref()
                    .unwrap_or("Danh mục do người đứng đầu bộ, ngành, địa phương quyết định");
                (
                    // The type as written, quoted «…» like the Vietnamese message (CORE-06).
                    format!("«{document_type}» is on {source} (Đ7.2.b)"),
                    format!("loại văn bản «{document_type}» thuộc {source_vi} (điểm b khoản 2 Điều 7)"),
                )
            }
        })
        .unzip();
    (en.join("; "), vi.join("; "))
}

/// Judges whether a paper document was handled as [`paper_copy_required`] decided (DOC-17):
/// `Fail` when paper was issued though none was required (Đ5.3 forbids it) or was required and
/// not issued (Đ7.2 / Đ4.2); `Pass` otherwise.
pub fn judge_paper_copy(decision: &PaperCopyDecision, paper_issued: bool) -> Finding {
    let evidence = serde_json::json!({
        "required": decision.required,
        "paper_issued": paper_issued,
        "grounds": decision.grounds,
    });
    let (basis, outcome, en, vi) = match (decision.required, paper_issued) {
        (false, true) => (
            qd28(5, 3),
            Outcome::Fail,
            "A paper document was issued to the receiver after the e-document was sent, and no exception of Đ7.2 applies (Đ5.3).".to_owned(),
            format!("Đã phát hành văn bản giấy dù đã gửi văn bản điện tử và không thuộc trường hợp ngoại lệ: «{QUOTE_5_3}»"),
        ),
        (true, false) => {
            let basis = decision
                .grounds
                .first()
                .map_or_else(|| qd28(7, 2), PaperGround::basis);
            let (en, vi) = describe_grounds(&decision.grounds);
            (
                basis,
                Outcome::Fail,
                format!("No paper document was sent although one must go with the e-document: {en}."),
                format!("Chưa gửi kèm văn bản giấy trong khi phải gửi kèm: {vi}."),
            )
        }
        (required, _) => (
            decision.finding.basis.clone(),
            Outcome::Pass,
            if required {
                "The paper document was sent with the e-document, as required.".to_owned()
            } else {
                "No paper document was issued after sending electronically (Đ5.3).".to_owned()
            },
            if required {
                "Đã gửi kèm văn bản giấy theo quy định.".to_owned()
            } else {
                "Không phát hành văn bản giấy khi đã gửi văn bản điện tử (khoản 3 Điều 5).".to_owned()
            },
        ),
    };
    Finding::new("DOC-17", basis, outcome, en, vi)
        .with_field("paper_issued")
        .with_evidence(evidence)
}

// ---------------------------------------------------------------------------------------------
// DOC-16 channel
// ---------------------------------------------------------------------------------------------

/// How an e-document travelled and whether each side was technically ready (DOC-16). Readiness
/// means meeting «các yêu cầu về hạ tầng kỹ thuật, công nghệ, an toàn thông tin, giải pháp kết
/// nối, liên thông» (Đ7.1), attested by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChannelFacts {
    /// Sent and received through the document-management systems.
    pub sent_via_system: bool,
    /// The sender meets the technical requirements.
    pub sender_ready: bool,
    /// The receiver meets the technical requirements.
    pub receiver_ready: bool,
    /// Whether the content is a state secret (CORE-08). Default `unclassified`, left out of
    /// the JSON.
    #[serde(default, skip_serializing_if = "Classification::is_unclassified")]
    pub classification: Classification,
}

/// Checks the channel obligation (DOC-16, QĐ 28/2018/QĐ-TTg Đ5.2 and Đ7.1): `Pass` when the
/// document went through the document system, or another way because the sender or receiver was
/// not technically ready (the Đ7.1 exception); `Fail` when both sides were ready and it did not.
/// A state-secret document (CORE-08, Đ1.2) is not judged: the answer is the out-of-scope finding.
///
/// ```
/// use egov_core::Outcome;
/// use egov_docs::legal_value::{check_channel, ChannelFacts};
/// let f = check_channel(&ChannelFacts { sent_via_system: false, sender_ready: true, receiver_ready: false,
///     classification: Default::default() });
/// assert_eq!(f.outcome, Outcome::Pass);
/// assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ7.1");
/// ```
pub fn check_channel(facts: &ChannelFacts) -> Finding {
    let evidence = serde_json::to_value(facts).unwrap_or_default();
    if let Some(f) = facts.classification.out_of_scope_finding() {
        return f.with_evidence(evidence);
    }
    let finding = if facts.sent_via_system {
        Finding::new(
            "DOC-16",
            qd28(5, 2),
            Outcome::Pass,
            "Sent and received through the document-management system (Đ5.2).",
            "Văn bản điện tử được gửi, nhận qua hệ thống quản lý văn bản và điều hành (khoản 2 Điều 5).",
        )
    } else if !(facts.sender_ready && facts.receiver_ready) {
        let who = match (facts.sender_ready, facts.receiver_ready) {
            (false, false) => ("the sender and the receiver are", "Bên gửi và Bên nhận"),
            (false, true) => ("the sender is", "Bên gửi"),
            _ => ("the receiver is", "Bên nhận"),
        };
        Finding::new(
            "DOC-16",
            qd28(7, 1),
            Outcome::Pass,
            format!(
                "Not sent through the document system, which is allowed because {} not yet technically ready (Đ7.1 exception).",
                who.0
            ),
            format!(
                "Không gửi qua hệ thống quản lý văn bản và điều hành, được phép vì {} chưa đáp ứng yêu cầu: «{QUOTE_7_1_EXCEPTION}».",
                who.1
            ),
        )
    } else {
        Finding::new(
            "DOC-16",
            qd28(5, 2),
            Outcome::Fail,
            "Not sent through the document system although both the sender and the receiver are technically ready (Đ5.2, Đ7.1).",
            "Văn bản điện tử phải được gửi, nhận qua hệ thống quản lý văn bản và điều hành; Bên gửi và Bên nhận đều đã đáp ứng yêu cầu kỹ thuật (khoản 2 Điều 5, khoản 1 Điều 7).",
        )
    };
    finding.with_field("channel").with_evidence(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(doc_type: &str, value: LegalValue, gov: bool) -> PaperCopyCase {
        PaperCopyCase {
            document_type: doc_type.into(),
            legal_value: value,
            to_government_per_working_regulation: gov,
        }
    }

    #[test]
    fn doc_14_legal_values_read_from_their_code_or_article_4s_words() {
        for v in LegalValue::ALL {
            assert_eq!(LegalValue::parse(v.as_str()), Some(v));
            assert_eq!(LegalValue::parse(v.name_vi()), Some(v));
            assert_eq!(LegalValue::parse(&v.name_vi().to_uppercase()), Some(v));
            assert_eq!(LegalValue::parse(&fold(v.name_vi())), Some(v));
            assert_eq!(LegalValue::parse(&v.to_string()), Some(v));
        }
        assert_eq!(
            LegalValue::parse("Equivalent-to-paper"),
            Some(LegalValue::EquivalentToPaper)
        );
        assert_eq!(
            LegalValue::parse("tham khảo."),
            Some(LegalValue::ReferenceOnly)
        );
        for other in ["", "giấy", "bản sao", &"x".repeat(300)] {
            assert_eq!(LegalValue::parse(other), None, "{other}");
        }
    }

    #[test]
    fn doc_14_signed_via_system_is_equivalent_to_paper() {
        let a = legal_value(true, true);
        assert_eq!(a.value, Some(LegalValue::EquivalentToPaper));
        assert!(a.value.unwrap().replaces_paper());
        assert_eq!(a.finding.outcome, Outcome::Pass);
        assert!(a.finding.message_vi.contains("tương đương văn bản giấy"));
        assert_eq!(a.finding.rule, "DOC-14");
    }

    #[test]
    fn doc_14_unsigned_via_system_is_reference_only() {
        let a = legal_value(false, true);
        assert_eq!(a.value, Some(LegalValue::ReferenceOnly));
        assert_eq!(a.finding.basis, qd28(4, 2));
        assert!(a.finding.message_vi.contains("để biết, tham khảo"));
    }

    #[test]
    fn doc_14_outside_the_system_is_not_rated_by_article_4() {
        for signed in [true, false] {
            let a = legal_value(signed, false);
            assert_eq!(a.value, None);
            assert_eq!(a.finding.outcome, Outcome::Unknown);
            assert_eq!(
                a.finding.evidence.as_ref().unwrap()["digitally_signed_per_law"],
                signed
            );
        }
    }

    #[test]
    fn doc_14_quotes_are_verbatim_from_the_seed() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/seeds/004_470975e342d407df.txt"
        ))
        .unwrap();
        for q in [
            QUOTE_4_1,
            QUOTE_4_2,
            QUOTE_5_3,
            QUOTE_7_2_A,
            QUOTE_7_2_B,
            QUOTE_7_1_EXCEPTION,
        ] {
            assert!(seed.contains(q), "{q}");
        }
    }

    #[test]
    fn doc_17_a_misspelt_policy_member_is_refused() {
        let ok: Result<PaperCopyPolicy, _> =
            serde_json::from_str(r#"{"listed_document_types": ["Tờ trình"]}"#);
        assert_eq!(ok.map(|p| p.listed_document_types.len()).ok(), Some(1));
        let misspelt: Result<PaperCopyPolicy, _> =
            serde_json::from_str(r#"{"listed_document_type": ["Tờ trình"]}"#);
        assert!(misspelt.is_err());
    }

    #[test]
    fn doc_17_no_paper_by_default() {
        let d = paper_copy_required(
            &case("Công văn", LegalValue::EquivalentToPaper, false),
            &PaperCopyPolicy::default(),
        );
        assert!(!d.required);
        assert!(d.grounds.is_empty());
        assert_eq!(d.finding.basis, qd28(5, 3));
        assert_eq!(judge_paper_copy(&d, true).outcome, Outcome::Fail);
        assert_eq!(judge_paper_copy(&d, false).outcome, Outcome::Pass);
    }

    #[test]
    fn doc_17_government_recipient_needs_paper() {
        let d = paper_copy_required(
            &case("Tờ trình", LegalValue::EquivalentToPaper, true),
            &PaperCopyPolicy::default(),
        );
        assert!(d.required);
        assert_eq!(d.grounds, vec![PaperGround::GovernmentRecipient]);
        assert_eq!(d.finding.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ7.2.a");
        let f = judge_paper_copy(&d, false);
        assert_eq!(f.outcome, Outcome::Fail);
        assert_eq!(f.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ7.2.a");
        assert_eq!(judge_paper_copy(&d, true).outcome, Outcome::Pass);
    }

    #[test]
    fn doc_17_agency_list_matches_without_diacritics() {
        let policy = PaperCopyPolicy {
            list_source: Some("Quyết định số 12/QĐ-UBND".into()),
            listed_document_types: vec!["Báo cáo".into()],
        };
        let d = paper_copy_required(
            &case("bao cao", LegalValue::EquivalentToPaper, false),
            &policy,
        );
        assert_eq!(
            d.grounds,
            vec![PaperGround::AgencyList {
                document_type: "Báo cáo".into(),
                list_source: Some("Quyết định số 12/QĐ-UBND".into())
            }]
        );
        assert!(d.finding.message_vi.contains("Quyết định số 12/QĐ-UBND"));
        assert_eq!(policy.listed(""), None);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["grounds"][0]["ground"], "agency_list");
    }

    #[test]
    fn doc_17_reference_only_documents_do_not_replace_paper() {
        let d = paper_copy_required(
            &case("Công văn", LegalValue::ReferenceOnly, true),
            &PaperCopyPolicy::default(),
        );
        assert_eq!(
            d.grounds,
            vec![PaperGround::ReferenceOnly, PaperGround::GovernmentRecipient]
        );
        assert_eq!(d.finding.basis, qd28(4, 2));
    }

    #[test]
    fn doc_16_channel_exception_only_when_a_side_is_not_ready() {
        let ok = check_channel(&ChannelFacts {
            sent_via_system: true,
            sender_ready: true,
            receiver_ready: true,
            classification: Classification::Unclassified,
        });
        assert_eq!(ok.outcome, Outcome::Pass);
        let exc = check_channel(&ChannelFacts {
            sent_via_system: false,
            sender_ready: false,
            receiver_ready: false,
            classification: Classification::Unclassified,
        });
        assert_eq!(exc.outcome, Outcome::Pass);
        assert!(exc.message_vi.contains("Bên gửi và Bên nhận"));
        let bad = check_channel(&ChannelFacts {
            sent_via_system: false,
            sender_ready: true,
            receiver_ready: true,
            classification: Classification::Unclassified,
        });
        assert_eq!(bad.outcome, Outcome::Fail);
        assert_eq!(bad.basis, qd28(5, 2));
    }

    #[test]
    fn core_08_a_state_secret_document_is_not_judged_on_its_channel() {
        // Not through the system although both sides are ready: a Fail for an ordinary
        // document, but a state-secret one is outside QĐ 28/2018 (Đ1.2).
        let mut facts = ChannelFacts {
            sent_via_system: false,
            sender_ready: true,
            receiver_ready: true,
            classification: Classification::StateSecret,
        };
        let f = check_channel(&facts);
        assert_eq!((f.rule.as_ref(), f.outcome), ("CORE-08", Outcome::Warning));
        assert_eq!((f.basis.article, f.basis.clause), (1, Some(2)));
        assert!(f.message_vi.contains("bí mật nhà nước"));
        facts.classification = Classification::Unclassified;
        assert_eq!(check_channel(&facts).outcome, Outcome::Fail);
        // JSON without the field stays valid and means unclassified.
        let read: ChannelFacts = serde_json::from_str(
            r#"{"sent_via_system": true, "sender_ready": true, "receiver_ready": true}"#,
        )
        .unwrap();
        assert_eq!(read.classification, Classification::Unclassified);
        let secret: ChannelFacts = serde_json::from_str(
            r#"{"sent_via_system": true, "sender_ready": true, "receiver_ready": true, "classification": "state_secret"}"#,
        )
        .unwrap();
        assert_eq!(check_channel(&secret).rule, "CORE-08");
    }
}
