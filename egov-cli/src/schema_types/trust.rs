//! The JSON Schemas of `egov trust check|declare|security-txt` (and `probe`, feature `probe`)
//! and of the TLS policy input: the answer types and their [`Entry`] list. The evidence request
//! (`--attest`) has its input schema in the base list (`input/trust-request`).

use egov_core::Finding;
use egov_trust::Assessment;
use schemars::JsonSchema;
use serde::Serialize;

use crate::schema::{entry, Entry};

/// `egov trust check` (and `probe`): the six network-trust criteria of Đ21.2 (TRUST-02, TRUST-03;
/// NĐ 137/2024/NĐ-CP Đ21), with the certification code's findings when the evidence gave one
/// (TRUST-01, Đ21.1).
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckOutput {
    /// The evaluation time, one verdict per criterion a)–e) in the order of Đ21.2, the overall
    /// outcome and whether all six pass.
    #[serde(flatten)]
    pub assessment: Assessment,
    /// The findings on the network-trust certification code (TRUST-01, Đ21.1); absent when the
    /// evidence gave no code (and from `egov trust probe`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certification: Option<Vec<Finding>>,
}

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    vec![
        entry!(Input, "trust-policy", egov_trust::TlsPolicy,
            "Chính sách TLS và thời hạn bằng chứng / TLS and attestation-age policy (TRUST-02 c), a), đ))",
            "Read by `--policy FILE` of `egov trust check|declare|probe` (TOML, or JSON when the file starts with `{`); the default policy is the `policy_settings` of `egov --json trust declare`."),
        entry!(Output, "trust-check", CheckOutput,
            "Đánh giá tiêu chí tín nhiệm mạng / Network-trust assessment (TRUST-01…03)",
            "Printed by `egov --json trust check [--attest FILE --cert FILE …]` and `egov --json trust probe URL …` (feature `probe`); exit 1 unless all six criteria pass."),
        entry!(Output, "trust-declare", egov_trust::Declaration,
            "Bản tự công bố đáp ứng tiêu chí tín nhiệm mạng / Network-trust self-declaration (TRUST-04, Đ21.3)",
            "Printed by `egov --json trust declare [--attest FILE --cert FILE …]` (format egov-trust-declaration/1)."),
        entry!(Output, "trust-security-txt", egov_trust::SecurityTxt,
            "Kiểm tra tệp security.txt / security.txt check (RFC 9116)",
            "Printed by `egov --json trust security-txt FILE [--now TIME --url URI]` (exit 1 when a problem is an error)."),
    ]
}
