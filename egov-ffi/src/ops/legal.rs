//! Send deadlines, legal value, paper copies, channels, metadata a)–q).

use super::*;

/// The arguments of [`deadline`]: the JSON request of `egov_deadline`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeadlineRequest {
    /// Signing time with offset, or a date `YYYY-MM-DD` (then end of that day, A-06).
    pub signed: String,
    /// Urgency (field k); absent or a "not urgent" spelling means not urgent.
    pub urgency: Option<String>,
    /// When the document was sent: adds a judgement (DOC-19/21).
    pub sent: Option<String>,
    /// Read timestamps without an offset as Vietnam local time.
    pub local: bool,
    /// The policy; defaults when absent.
    pub policy: Option<SendDeadlinePolicy>,
    /// The end of the morning `HH:MM`, a shortcut for `policy.morning_end`.
    pub morning_end: Option<String>,
}

/// The answer of [`deadline`].
#[derive(serde::Serialize)]
pub(crate) struct DeadlineAnswer {
    deadline: egov_docs::deadline::SendDeadline,
    #[serde(skip_serializing_if = "Option::is_none")]
    judgement: Option<egov_core::Finding>,
}

/// `deadline.compute`: the send deadline and, when `sent` is given, the judgement, as JSON text
/// in the shape of `egov deadline --json` (`{"deadline": …, "judgement": …}`).
pub fn deadline(req: &DeadlineRequest, cal: &WorkingCalendar) -> OpResult<String> {
    let mut policy = req.policy.unwrap_or_default();
    if let Some(m) = &req.morning_end {
        policy.morning_end = NaiveTime::parse_from_str(m.trim(), "%H:%M").map_err(|_| {
            OpError::input(BindingError::TimeOfDay {
                name: "morning_end".to_owned(),
                input: clip(m),
            })
        })?;
    }
    let urgency = match &req.urgency {
        Some(u) => {
            check_len("urgency", u)?;
            Urgency::parse_optional(u).map_err(dom)?
        }
        None => None,
    };
    check_len("signed", &req.signed)?;
    let signed = req.signed.trim();
    let d = match NaiveDate::parse_from_str(signed, "%Y-%m-%d") {
        Ok(date) => send_deadline_from_date(date, urgency, cal, &policy),
        Err(_) => send_deadline(parse_time(signed, req.local)?, urgency, cal, &policy),
    }
    .map_err(dom)?;
    let judgement = match &req.sent {
        Some(sent) => Some(judge_send(&d, parse_time(sent.trim(), req.local)?)),
        None => None,
    };
    to_text(&DeadlineAnswer {
        deadline: d,
        judgement,
    })
}

/// The arguments of [`handover`]: an urgent document taken in by a receiver.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HandoverRequest {
    /// Urgency (field k); a "not urgent" spelling is refused: the duty is for urgent documents.
    pub urgency: String,
    /// When the document was taken in («đã tiếp nhận»).
    pub accepted: String,
    /// When it was submitted or handed over for processing, if it was.
    pub handed_over: Option<String>,
    /// The time the judgement is made (needed when `handed_over` is absent).
    pub as_of: Option<String>,
    /// Read timestamps without an offset as Vietnam local time.
    pub local: bool,
    /// The policy; defaults when absent.
    pub policy: Option<egov_docs::handover::HandoverPolicy>,
}

/// `deadline.handover`: the receive side of DOC-21 (QĐ 28/2018/QĐ-TTg Đ6.2), one finding:
/// an urgent document handed over for processing immediately after it is taken in.
pub fn handover(req: &HandoverRequest) -> OpResult {
    check_len("urgency", &req.urgency)?;
    let urgency = Urgency::parse_optional(&req.urgency)
        .map_err(dom)?
        .ok_or_else(|| dom(egov_docs::handover::HandoverError::NotUrgent))?;
    let accepted = parse_time(req.accepted.trim(), req.local)?;
    let handed_over = match &req.handed_over {
        Some(t) => Some(parse_time(t.trim(), req.local)?),
        None => None,
    };
    let as_of = match (&req.as_of, handed_over) {
        (Some(t), _) => parse_time(t.trim(), req.local)?,
        (None, Some(h)) => h,
        (None, None) => {
            return Err(bad_arg(
                "as_of",
                ArgumentProblem::NeededWithout {
                    other: "handed_over".to_owned(),
                },
            ))
        }
    };
    let finding = egov_docs::handover::judge_urgent_handover(
        urgency,
        accepted,
        handed_over,
        as_of,
        &req.policy.unwrap_or_default(),
    )
    .map_err(dom)?;
    Ok(json!(finding))
}

/// `legal_value.assess`: the legal value of an e-document (DOC-14).
pub fn legal_value_assess(digitally_signed_per_law: bool, sent_via_system: bool) -> OpResult {
    to_value(&legal_value(digitally_signed_per_law, sent_via_system))
}

/// `legal_value.paper_copy`: whether paper goes with the e-document (DOC-17). `policy` may be
/// `None` (no agency list).
pub fn paper_copy(case: &str, policy: Option<&str>) -> OpResult {
    let case: PaperCopyCase = from_json("case", case)?;
    let policy: PaperCopyPolicy = match policy {
        Some(p) => from_json("policy", p)?,
        None => PaperCopyPolicy::default(),
    };
    to_value(&paper_copy_required(&case, &policy))
}

/// `legal_value.channel`: the channel obligation (DOC-16).
pub fn channel(facts: &str) -> OpResult {
    let facts: ChannelFacts = from_json("facts", facts)?;
    to_value(&check_channel(&facts))
}

/// `metadata.validate`: validates a record a)–q) (DOC-10); JSON text in the shape of
/// `egov metadata --json` (`{"overall": …, "findings": […]}`). `policy` may be `None` (the
/// default policy, A-05).
pub fn metadata_validate(record: &str, policy: Option<&str>) -> OpResult<String> {
    check_len("metadata record", record)?;
    let record = DocumentMetadata::from_json(record).map_err(dom)?;
    let policy: MetadataPolicy = match policy {
        Some(p) => from_json("policy", p)?,
        None => MetadataPolicy::default(),
    };
    let report = record.validate(&policy);
    to_text(&MetadataAnswer {
        overall: report.overall(),
        findings: report.findings,
    })
}
