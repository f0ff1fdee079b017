//! Whether a document's content is a state secret (rule CORE-08). QĐ 28/2018/QĐ-TTg Đ1.2:
//! «Quyết định này không áp dụng đối với việc gửi, nhận văn bản điện tử có nội dung thuộc bí mật
//! nhà nước theo quy định của pháp luật»; NĐ 137/2024 Đ6.1: activities touching state secrets
//! «phải tuân thủ quy định của pháp luật về bảo vệ bí mật nhà nước và pháp luật về cơ yếu».
//!
//! egov does not judge such documents: a check given a [`Classification::StateSecret`] item
//! answers with the one finding [`Classification::out_of_scope_finding`] instead.
//!
//! ```
//! use egov_core::classification::Classification;
//! assert!(Classification::default().in_scope_of_qd28());
//! let f = Classification::StateSecret.out_of_scope_finding().unwrap();
//! assert_eq!(f.rule, "CORE-08");
//! ```

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Outcome};
use crate::legal::{Instrument, LegalRef};

/// The classification of a document's content (CORE-08). JSON `unclassified` (the default),
/// `state_secret`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// Not a state secret: the rules of QĐ 28/2018 apply.
    #[default]
    Unclassified,
    /// «có nội dung thuộc bí mật nhà nước»: outside QĐ 28/2018 (Đ1.2); the law on protecting
    /// state secrets and on cryptography applies instead (NĐ 137/2024 Đ6.1).
    StateSecret,
}

impl Classification {
    /// Whether QĐ 28/2018 applies to a document of this classification (Đ1.2).
    pub fn in_scope_of_qd28(self) -> bool {
        self == Classification::Unclassified
    }

    /// `true` for the default, so serde can leave it out.
    pub fn is_unclassified(&self) -> bool {
        *self == Classification::Unclassified
    }

    /// CORE-08 (QĐ 28/2018 Đ1.2): for a state-secret document, the finding that it is outside
    /// the decision and not judged by egov (a `Warning`: the document is not checked, and must
    /// not travel by the means the decision regulates); `None` otherwise.
    pub fn out_of_scope_finding(self) -> Option<Finding> {
        match self {
            Classification::Unclassified => None,
            Classification::StateSecret => Some(
                Finding::new(
                    "CORE-08",
                    LegalRef::clause(Instrument::Qd28_2018, 1, 2),
                    Outcome::Warning,
                    "The document's content is a state secret: QĐ 28/2018 does not apply (Đ1.2); \
                     it is exchanged under the law on protecting state secrets and on \
                     cryptography, and egov does not check it.",
                    "Văn bản có nội dung thuộc bí mật nhà nước: không áp dụng QĐ 28/2018/QĐ-TTg \
                     (khoản 2 Điều 1); thực hiện theo pháp luật về bảo vệ bí mật nhà nước và \
                     pháp luật về cơ yếu, egov không kiểm tra văn bản này.",
                )
                .with_field("classification"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_08_state_secret_documents_are_outside_qd28() {
        let seed = include_str!("../../testdata/seeds/004_470975e342d407df.txt");
        assert!(seed.contains("Quyết định này không áp dụng đối với việc gửi, nhận văn bản điện tử có nội dung thuộc bí mật nhà nước"));
        assert!(Classification::Unclassified
            .out_of_scope_finding()
            .is_none());
        let f = Classification::StateSecret.out_of_scope_finding().unwrap();
        assert_eq!(
            (f.outcome, f.basis.article, f.basis.clause),
            (Outcome::Warning, 1, Some(2))
        );
        assert!(!Classification::StateSecret.in_scope_of_qd28());
        assert_eq!(
            serde_json::to_string(&Classification::StateSecret).unwrap(),
            "\"state_secret\""
        );
    }
}
