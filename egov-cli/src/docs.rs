//! `egov status|urgency|legal-value|paper-copy`: the document rules of egov-docs that had no
//! command (issue 17). Argument parsing and output only: the statuses, transitions, codes,
//! levels and legal answers are the library's (`egov_docs::status`, `urgency`, `legal_value`).

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::{ArgAction, Args, Subcommand};
use egov_core::{Finding, Outcome, VnDateTime};
use egov_docs::legal_value::{
    judge_paper_copy, legal_value as assess_legal_value, paper_copy_required, LegalValue,
    PaperCopyCase, PaperCopyPolicy,
};
use egov_docs::status::{
    to_edxml_code, EdxmlStatus, Party, ProcessingStatus, StatusError, StatusEvent, StatusEventKind,
    TRANSITIONS,
};
use egov_docs::urgency::{edxml_priority, Urgency};
use serde_json::json;

use crate::commands::{basis_text, finding_message, outcome_word};
use crate::i18n::{lang, t, Lang};
use crate::output::CmdResult;
use crate::schema_types::docs::{
    PaperCopyOutput, StatusEdxmlCodeOutput, StatusSummary, StatusTransitionsOutput, UrgencyOutput,
};
use crate::schema_types::to_json;

/// `egov status` subcommands.
#[derive(Debug, Subcommand)]
pub enum StatusCommand {
    /// The transition table of the status machine, or the events allowed from one status.
    Transitions {
        /// A status (`accepted`, «đã tiếp nhận», `da tiep nhan`, …); omit for the whole table.
        status: Option<String>,
    },
    /// Apply one event to a status: the new status, the notice owed to the other party and
    /// its legal basis; a transition the table does not give exits 1 and names the rule.
    Apply {
        /// The current status (`arrived`, «đã đến», …).
        status: String,
        /// The event: `accept`, `reject`, `forward`, `start_processing`, `complete`, `recall`,
        /// `confirm_cancellation`, or its Vietnamese name («tiếp nhận», «từ chối nhận», …).
        #[arg(value_parser = event_names(), hide_possible_values = true)]
        event: String,
        /// The reason: required to reject (DOC-29, Đ5.4), optional for a recall.
        #[arg(long)]
        reason: Option<String>,
        /// When the event happened (ISO 8601; without an offset: Vietnam time). Default: now.
        #[arg(long)]
        at: Option<String>,
    },
    /// An edXML StatusCode (01…06, 13, 15, 16) with its status and event, or the code of a
    /// status.
    EdxmlCode {
        /// A code (`03`), the code's name (`recall or update accepted`) or a status (`accepted`,
        /// «đã tiếp nhận»).
        code_or_status: String,
    },
}

/// A value given by its code or by the words the library reads for it, passed on to the command
/// as the code. Help and errors list the codes (clap's possible values).
#[derive(Clone)]
struct CodeOrWords {
    /// Every code, in the order help lists them.
    codes: fn() -> Vec<&'static str>,
    /// The library's reader: the code the input names, if any.
    read: fn(&str) -> Option<&'static str>,
}

/// A status event: its code or its Vietnamese name ([`StatusEventKind::parse`]).
fn event_names() -> CodeOrWords {
    CodeOrWords {
        codes: || StatusEventKind::ALL.map(StatusEventKind::as_str).to_vec(),
        read: |s| StatusEventKind::parse(s).map(StatusEventKind::as_str),
    }
}

impl clap::builder::TypedValueParser for CodeOrWords {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        match value.to_str().and_then(self.read) {
            Some(code) => Ok(code.to_owned()),
            None => PossibleValuesParser::new((self.codes)()).parse_ref(cmd, arg, value),
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.codes)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// `egov urgency`.
#[derive(Debug, Args)]
pub struct UrgencyArgs {
    /// The urgency as written: `khẩn`, `thượng khẩn`, `hỏa tốc`, `hoa toc`, `thường`, `urgent`, …
    #[arg(required_unless_present = "edxml_priority")]
    text: Option<String>,
    /// Read an edXML `Priority` code (0…4) instead.
    #[arg(long, value_name = "CODE", conflicts_with = "text")]
    edxml_priority: Option<String>,
}

/// `egov legal-value`.
#[derive(Debug, Args)]
pub struct LegalValueArgs {
    /// Digitally signed as the law requires: yes or no.
    #[arg(long, value_name = "YES|NO", value_parser = crate::input::yes_no, action = ArgAction::Set, required = true)]
    digitally_signed: bool,
    /// Sent and received through the document-management system: yes or no.
    #[arg(long, value_name = "YES|NO", value_parser = crate::input::yes_no, action = ArgAction::Set, required = true)]
    via_system: bool,
}

/// `egov paper-copy`.
#[derive(Debug, Args)]
pub struct PaperCopyArgs {
    /// The document type (`Tờ trình`, `Công văn`, …), matched against the agency's list.
    #[arg(long = "type", value_name = "TYPE")]
    document_type: String,
    /// The e-document's legal value (see `egov legal-value`): `equivalent_to_paper` or
    /// `reference_only`, or Đ4's words («tương đương văn bản giấy», «để biết, tham khảo»).
    #[arg(long, value_parser = legal_value_names(), hide_possible_values = true)]
    legal_value: String,
    /// It goes to the Government or the Prime Minister under the Government's working
    /// regulation (Đ7.2.a); you attest it.
    #[arg(long)]
    to_government: bool,
    /// The agency head's list of document types sent on paper too (Đ7.2.b), as JSON:
    /// {"list_source": "…", "listed_document_types": ["…"]}, or TOML for a .toml file.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// A document type on that list (repeatable; added to --policy's).
    #[arg(long, value_name = "TYPE")]
    listed: Vec<String>,
    /// Whether a paper copy was issued: judges it against the decision (exit 1 if wrong).
    #[arg(long, value_name = "YES|NO", value_parser = crate::input::yes_no)]
    issued: Option<bool>,
}

/// A legal value: its code or Đ4's words ([`LegalValue::parse`]).
fn legal_value_names() -> CodeOrWords {
    CodeOrWords {
        codes: || LegalValue::ALL.map(LegalValue::as_str).to_vec(),
        read: |s| LegalValue::parse(s).map(LegalValue::as_str),
    }
}

/// A status error in the run's language (CORE-06).
fn status_err(e: &StatusError) -> CmdResult {
    CmdResult::Error {
        code: egov_core::ErrorCode::code(e).to_owned(),
        message: match lang() {
            Lang::Vi => e.message_vi(),
            Lang::En => e.to_string(),
        },
    }
}

/// A finding in text: `[ĐẠT] message (rule, basis)` in the run's language.
fn finding_text(f: &Finding) -> String {
    format!(
        "\n  [{}] {} ({}, {})",
        outcome_word(f.outcome),
        finding_message(f),
        f.rule,
        basis_text(&f.basis)
    )
}

/// A status in the run's language with its machine code in backquotes (an identifier, not a
/// word of the sentence, CORE-06): đã tiếp nhận (`accepted`).
fn status_name(s: ProcessingStatus) -> String {
    format!(
        "{} (`{}`)",
        lang().pick(s.name_vi(), s.name_en()),
        s.as_str()
    )
}

/// An event in the run's language with its code: tiếp nhận (`accept`); the English name is the
/// code in words.
fn event_name(e: StatusEventKind) -> String {
    match lang() {
        Lang::Vi => format!("{} (`{}`)", e.name_vi(), e.as_str()),
        Lang::En => format!("{} (`{}`)", e.as_str().replace('_', " "), e.as_str()),
    }
}

fn party_name(p: Party) -> String {
    match p {
        Party::Sender => t!("docs-party-sender"),
        Party::Receiver => t!("docs-party-receiver"),
    }
}

/// A legal value of Đ4 in the run's language, with its code.
fn legal_value_name(v: LegalValue) -> String {
    let name = match (lang(), v) {
        (Lang::Vi, v) => v.name_vi().to_owned(),
        (Lang::En, LegalValue::EquivalentToPaper) => t!("docs-legal-value-equivalent"),
        (Lang::En, _) => t!("docs-legal-value-reference"),
    };
    format!("{name} (`{}`)", v.as_str())
}

/// `egov status …`.
pub fn status(cmd: StatusCommand) -> CmdResult {
    let result = match cmd {
        StatusCommand::Transitions { status } => transitions(status.as_deref()),
        StatusCommand::Apply {
            status,
            event,
            reason,
            at,
        } => apply(&status, &event, reason.as_deref(), at.as_deref()),
        StatusCommand::EdxmlCode { code_or_status } => edxml_code(&code_or_status),
    };
    match result {
        Ok(r) | Err(r) => r,
    }
}

fn transitions(status: Option<&str>) -> Result<CmdResult, CmdResult> {
    let from = status
        .map(ProcessingStatus::parse)
        .transpose()
        .map_err(|e| status_err(&e))?;
    let rows: Vec<_> = TRANSITIONS
        .iter()
        .filter(|t| from.is_none_or(|f| t.from == f))
        .collect();
    let mut human = match from {
        Some(f) => t!(
            "docs-status-events",
            status = status_name(f),
            is_final = if f.is_final() {
                t!("docs-status-final")
            } else {
                String::new()
            },
            code = to_edxml_code(f).unwrap_or("—"),
        ),
        None => t!("docs-transition-table"),
    };
    if rows.is_empty() {
        human.push_str("\n  ");
        human.push_str(&t!("docs-none"));
    }
    for tr in &rows {
        human.push_str(&format!(
            "\n  {} --{}--> {}   {}, {}",
            status_name(tr.from),
            event_name(tr.event),
            status_name(tr.to),
            tr.rule,
            basis_text(&tr.basis)
        ));
    }
    let json = to_json(&StatusTransitionsOutput {
        transitions: rows,
        from: from.map(|f| StatusSummary {
            status: f,
            name_vi: f.name_vi(),
            name_en: f.name_en(),
            is_final: f.is_final(),
            edxml_code: to_edxml_code(f),
        }),
    })?;
    Ok(CmdResult::Valid { human, json })
}

fn apply(
    status: &str,
    event: &str,
    reason: Option<&str>,
    at: Option<&str>,
) -> Result<CmdResult, CmdResult> {
    let from = ProcessingStatus::parse(status).map_err(|e| status_err(&e))?;
    let at: VnDateTime = match at {
        Some(t) => crate::input::time(t, "--at")?,
        None => crate::mark::now()?,
    };
    // The library's JSON form of an event; it says which events need a reason.
    let event: StatusEvent = serde_json::from_value(
        json!({ "event": event, "reason": reason.unwrap_or("") }),
    )
    .map_err(|e| CmdResult::Error {
        code: "usage.event".to_owned(),
        message: t!("docs-event-invalid", event = event, detail = e.to_string()),
    })?;
    let t = from.apply(event, at).map_err(|e| status_err(&e))?;
    let mut human = t!(
        "docs-apply",
        from = status_name(t.from),
        to = status_name(t.to),
        event = event_name(t.event.kind()),
        at = crate::commands::prose_time(t.at),
        rule = t.rule.to_string(),
        basis = basis_text(&t.basis),
    );
    for n in &t.notices {
        human.push('\n');
        human.push_str(&t!(
            "docs-notice",
            from = party_name(n.from),
            to = party_name(n.to),
            rule = n.rule.to_string(),
            basis = basis_text(&n.basis),
            message = lang().pick(&n.message_vi, &n.message),
        ));
    }
    Ok(CmdResult::Valid {
        human,
        json: to_json(&t)?,
    })
}

fn edxml_code(input: &str) -> Result<CmdResult, CmdResult> {
    let code = EdxmlStatus::parse(input).map_err(|e| status_err(&e))?;
    Ok(CmdResult::Valid {
        human: edxml_text(code),
        json: to_json(&StatusEdxmlCodeOutput {
            code: code.code(),
            name_vi: code.name_vi(),
            name_en: code.name_en(),
            status: code.state(),
            event: code.event(),
        })?,
    })
}

fn edxml_text(code: EdxmlStatus) -> String {
    t!(
        "docs-edxml-code",
        code = code.code(),
        name = lang().pick(code.name_vi(), code.name_en()),
        status = code
            .state()
            .map_or_else(|| t!("docs-no-state"), status_name),
        event = code.event().map_or_else(|| t!("docs-no-event"), event_name),
    )
}

/// `egov urgency <TEXT>` / `--edxml-priority CODE` (DOC-12).
pub fn urgency(args: &UrgencyArgs) -> CmdResult {
    let parsed = match (&args.edxml_priority, &args.text) {
        (Some(code), _) => Urgency::from_edxml_priority(code),
        (None, Some(text)) => Urgency::parse_optional(text),
        (None, None) => Ok(None),
    };
    let u = match parsed {
        Ok(u) => u,
        Err(e) => {
            return CmdResult::Error {
                code: egov_core::ErrorCode::code(&e).to_owned(),
                message: match lang() {
                    Lang::Vi => e.message_vi(),
                    Lang::En => e.to_string(),
                },
            }
        }
    };
    // Code 4 and its name read as Hỏa tốc: say what that loses (DOC-12).
    let given = args.edxml_priority.as_deref().or(args.text.as_deref());
    let note = given.and_then(egov_docs::urgency::appointed_time_note);
    let mut human = t!(
        "docs-urgency",
        urgency = u.map_or_else(
            || t!("docs-not-urgent"),
            |u| format!(
                "{} (`{}`)",
                lang().pick(u.name_vi(), u.name_en()),
                u.as_str()
            )
        ),
        priority = edxml_priority(u),
    );
    if let Some((en, vi)) = &note {
        human.push_str(&format!("\n{}: {}", t!("docs-note"), lang().pick(vi, en)));
    }
    match to_json(&UrgencyOutput {
        urgency: u,
        name_vi: u.map(Urgency::name_vi),
        name_en: u.map(Urgency::name_en),
        edxml_priority: edxml_priority(u),
        note: note.as_ref().map(|(en, _)| en.clone()),
        note_vi: note.map(|(_, vi)| vi),
    }) {
        Ok(json) => CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

/// `egov legal-value --digitally-signed yes|no --via-system yes|no` (DOC-14). Exit 1 when Đ4
/// does not settle the value (not sent through the system): not shown to be worth anything.
pub fn legal_value(args: &LegalValueArgs) -> CmdResult {
    let a = assess_legal_value(args.digitally_signed, args.via_system);
    let human = t!(
        "docs-legal-value",
        value = a
            .value
            .map_or_else(|| t!("docs-legal-value-unsettled"), legal_value_name),
    ) + &finding_text(&a.finding);
    let json = match to_json(&a) {
        Ok(json) => json,
        Err(e) => return e,
    };
    if a.finding.outcome == Outcome::Unknown || a.finding.outcome == Outcome::Fail {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    }
}

/// `egov paper-copy --type T --legal-value V [--to-government] [--policy F] [--listed T]…
/// [--issued yes|no]` (DOC-17).
pub fn paper_copy(args: &PaperCopyArgs) -> CmdResult {
    match paper_copy_inner(args) {
        Ok(r) | Err(r) => r,
    }
}

fn paper_copy_inner(args: &PaperCopyArgs) -> Result<CmdResult, CmdResult> {
    let mut policy: PaperCopyPolicy = match &args.policy {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| CmdResult::Error {
                code: "io.read".to_owned(),
                message: t!(
                    "docs-cannot-read",
                    path = path.display().to_string(),
                    detail = crate::files::io_detail(&e)
                ),
            })?;
            if crate::input::is_toml(path) {
                crate::input::toml_doc(&text, path, "paper_copy.policy_invalid")?
            } else {
                serde_json::from_str(&text).map_err(|e| {
                    CmdResult::not_parsed(
                        "paper_copy.policy_invalid",
                        path.display(),
                        ["JSON", "JSON"],
                        e,
                    )
                })?
            }
        }
        None => PaperCopyPolicy::default(),
    };
    policy
        .listed_document_types
        .extend(args.listed.iter().cloned());
    let legal_value: LegalValue =
        serde_json::from_value(json!(args.legal_value)).map_err(|e| CmdResult::Error {
            code: "usage.legal_value".to_owned(),
            message: format!("--legal-value: {e}"),
        })?;
    let case = PaperCopyCase {
        document_type: args.document_type.clone(),
        legal_value,
        to_government_per_working_regulation: args.to_government,
    };
    let decision = paper_copy_required(&case, &policy);
    let mut human = t!(
        "docs-paper-copy",
        decision = if decision.required {
            t!("docs-paper-copy-required")
        } else {
            t!("docs-paper-copy-none")
        },
    ) + &finding_text(&decision.finding);
    let Some(issued) = args.issued else {
        let json = to_json(&PaperCopyOutput {
            decision,
            judgement: None,
        })?;
        return Ok(CmdResult::Valid { human, json });
    };
    let judged = judge_paper_copy(&decision, issued);
    human.push('\n');
    human.push_str(&t!(
        "docs-issued",
        issued = if issued {
            t!("docs-yes")
        } else {
            t!("docs-no")
        },
    ));
    human.push_str(&finding_text(&judged));
    let fail = judged.outcome == Outcome::Fail;
    let json = to_json(&PaperCopyOutput {
        decision,
        judgement: Some(judged),
    })?;
    Ok(if fail {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}
