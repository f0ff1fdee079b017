//! The operations every binding exposes, in safe Rust: typed arguments in, the crates' JSON
//! (serde) form out, errors as [`OpError`] carrying the library's stable
//! [`egov_core::ErrorCode`] string and the message in English and Vietnamese.
//!
//! The C exports in the crate root and the Python module (`egov-python`) are thin wrappers over
//! these functions, and [`call`] dispatches an operation by name with JSON arguments: the entry
//! point of the shared test vectors (`testdata/vectors/`), so every surface runs the same code.
//! No rule of law lives here: each function drives the domain crates the way `egov-cli` does and
//! mirrors its JSON shapes.
#![forbid(unsafe_code)]

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime};
use egov_core::binding::{ArgumentProblem, BindingError, Expected};
use egov_core::{Outcome, VnDateTime, WorkingCalendar};
use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::deadline::{judge_send, send_deadline, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::legal_value::{
    check_channel, legal_value, paper_copy_required, ChannelFacts, PaperCopyCase, PaperCopyPolicy,
};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::number::DocNumber;
use egov_docs::registry::{AgencyRegistry, InMemoryRegistry};
use egov_docs::status::{
    EdxmlStatus, ProcessingStatus, SenderEvent, SenderStatus, StatusEvent, StatusTracker,
};
use egov_docs::urgency::Urgency;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::EgovResult;

mod agency;
mod checklist;
mod conversion;
mod documents;
mod edxml;
mod legal;
mod pdf;
mod platform;
mod signer;
mod status;
mod time;
mod trust;
mod trustlist;
pub use agency::*;
pub use checklist::*;
pub use conversion::*;
pub use documents::*;
pub use edxml::*;
pub use legal::*;
pub use pdf::*;
pub use platform::*;
pub use signer::*;
pub use status::*;
pub use time::*;
pub use trust::*;
pub use trustlist::*;

/// The largest string argument (in bytes) any operation accepts: 4 MiB. Larger input is
/// [`EgovResult::InputTooLarge`] before any parsing.
pub const EGOV_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The largest page image, and the largest content a conversion mark's hash covers (a scan, a
/// PDF), in bytes: 64 MiB, room for a 12-Mpx phone photo or a multi-page scan. Larger input is [`EgovResult::InputTooLarge`] before any
/// decoding (the pixel count is limited again from the image header).
pub const EGOV_MAX_IMAGE_BYTES: usize = 64 * 1024 * 1024;

/// Why an operation failed: a result code, the stable error code string and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpError {
    /// The C result code.
    pub result: EgovResult,
    /// The stable error code (`agency_code.group_length`, `ffi.null_argument`, …).
    pub code: Cow<'static, str>,
    /// A human-readable message in English (may be reworded between releases).
    pub message: String,
    /// The message in Vietnamese (CORE-06), from the error's crate catalogue: every error has
    /// one, the binding layer's own (`ffi.*`, [`BindingError`]) included. `None` only for an
    /// error built by hand from a code and an English message.
    pub message_vi: Option<String>,
}

impl OpError {
    /// An error about the call itself ([`BindingError`]: a NULL argument, JSON of the wrong
    /// shape, …) with its C result code, in English and in Vietnamese (CORE-06).
    pub fn call(result: EgovResult, err: &BindingError) -> Self {
        OpError {
            result,
            ..OpError::domain(err)
        }
    }

    /// A domain error: result [`EgovResult::InvalidInput`], the error's own code and its
    /// message in English and in Vietnamese (CORE-06).
    pub fn domain<E: egov_core::Localize>(err: &E) -> Self {
        OpError {
            result: EgovResult::InvalidInput,
            code: Cow::Borrowed(err.code()),
            message: err.message(egov_core::Lang::En),
            message_vi: Some(err.message(egov_core::Lang::Vi)),
        }
    }

    /// A [`BindingError`] about the input (result [`EgovResult::InvalidInput`]).
    pub fn input(err: BindingError) -> Self {
        OpError::call(EgovResult::InvalidInput, &err)
    }
}

/// The result of every operation.
pub type OpResult<T = Value> = Result<T, OpError>;

fn dom<E: egov_core::Localize>(err: E) -> OpError {
    OpError::domain(&err)
}

/// Strings and byte buffers alike: at most [`EGOV_MAX_INPUT_BYTES`], else
/// [`EgovResult::InputTooLarge`] naming `what`.
pub(crate) fn check_len(what: &str, s: impl AsRef<[u8]>) -> OpResult<()> {
    check_size(what, s.as_ref().len())
}

/// [`check_len`] on a length alone (for a C buffer before it is borrowed).
pub(crate) fn check_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_INPUT_BYTES)
}

fn check_limit(what: &str, len: usize, max: usize) -> OpResult<()> {
    if len > max {
        return Err(OpError::call(
            EgovResult::InputTooLarge,
            &BindingError::InputTooLarge {
                what: what.to_owned(),
                len,
                max,
            },
        ));
    }
    Ok(())
}

/// A page image: at most [`EGOV_MAX_IMAGE_BYTES`], else [`EgovResult::InputTooLarge`].
pub(crate) fn check_image_size(what: &str, len: usize) -> OpResult<()> {
    check_limit(what, len, EGOV_MAX_IMAGE_BYTES)
}

/// A checklist answer: the overall outcome and the findings (metadata, conversion marks).
#[derive(serde::Serialize)]
pub(crate) struct MetadataAnswer {
    pub(crate) overall: Outcome,
    pub(crate) findings: Vec<egov_core::Finding>,
}

/// Serialises straight to JSON text: for the rich results, building a `Value` first would cost
/// more than the computation.
pub(crate) fn to_text<T: serde::Serialize>(v: &T) -> OpResult<String> {
    serde_json::to_string(v).map_err(serialize_error)
}

pub(crate) fn parse_text(text: &str) -> OpResult {
    serde_json::from_str(text).map_err(serialize_error)
}

/// Parses a JSON argument into `T` (size-checked first).
pub fn from_json<T: DeserializeOwned>(what: &str, text: &str) -> OpResult<T> {
    check_len(what, text)?;
    serde_json::from_str(text).map_err(|e| invalid_json(what, e))
}

fn to_value<T: serde::Serialize>(v: &T) -> OpResult {
    serde_json::to_value(v).map_err(serialize_error)
}

/// Parses a `YYYY-MM-DD` date (error code `date.invalid`, as the CLI).
pub fn parse_date(input: &str) -> OpResult<NaiveDate> {
    check_len("date", input)?;
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| OpError::input(BindingError::Date { input: clip(input) }))
}

/// Parses a timestamp: with an offset, or (when `local`) read as Vietnam local time.
pub fn parse_time(input: &str, local: bool) -> OpResult<VnDateTime> {
    check_len("timestamp", input)?;
    if local {
        VnDateTime::parse_local(input)
    } else {
        VnDateTime::parse(input)
    }
    .map_err(dom)
}

use egov_core::binding::clip;

/// `ffi.unknown_operation`.
pub(crate) fn unknown_operation(op: &str) -> OpError {
    OpError::call(
        EgovResult::UnknownOperation,
        &BindingError::UnknownOperation { op: clip(op) },
    )
}

/// `ffi.serialize`: a result that cannot be written as JSON (a defect of egov).
pub fn serialize_error(e: impl std::fmt::Display) -> OpError {
    OpError::call(
        EgovResult::Internal,
        &BindingError::Serialize {
            reason: e.to_string(),
        },
    )
}

/// `ffi.invalid_json`: argument `what` is not JSON of the expected shape.
pub fn invalid_json(what: &str, e: impl std::fmt::Display) -> OpError {
    OpError::call(
        EgovResult::InvalidJson,
        &BindingError::InvalidJson {
            what: what.to_owned(),
            reason: e.to_string(),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Dispatch by name (test vectors, `egov_call`)
// ---------------------------------------------------------------------------------------------

/// The `threads` and `kinds` arguments of a CSV count.
fn count_csv_options(args: &Value) -> OpResult<CountCsvOptions> {
    let mut o = CountCsvOptions::default();
    if let Some(t) = args.get("threads").filter(|v| !v.is_null()) {
        o.threads = t
            .as_u64()
            .and_then(|t| usize::try_from(t).ok())
            .ok_or_else(|| not_a("threads", Expected::NonNegativeInteger))?;
    }
    if let Some(k) = args.get("kinds").filter(|v| !v.is_null()) {
        o.kinds = from_value("kinds", k.clone())?;
    }
    Ok(o)
}

/// `ffi.invalid_arguments` (result [`EgovResult::InvalidJson`]): what is wrong with argument
/// `name`.
fn bad_arg(name: &str, problem: ArgumentProblem) -> OpError {
    OpError::call(
        EgovResult::InvalidJson,
        &BindingError::argument(name, problem),
    )
}

/// Argument `name` is missing.
fn missing(name: &str) -> OpError {
    bad_arg(name, ArgumentProblem::Missing)
}

/// Argument `name` is not what it should be.
fn not_a(name: &str, expected: Expected) -> OpError {
    bad_arg(name, ArgumentProblem::NotA(expected))
}

/// Argument `name` does not read (`reason`: the parser's words).
fn invalid_arg(name: &str, reason: impl std::fmt::Display) -> OpError {
    bad_arg(
        name,
        ArgumentProblem::Invalid {
            reason: reason.to_string(),
        },
    )
}

/// Of two arguments that may each be given, neither as `expected` though one is there: the
/// error names the first one given (the callers have already taken every right case).
fn not_either(args: &Value, name: &str, other: &str, expected: Expected) -> OpError {
    let given = args.get(name).is_some_and(|v| !v.is_null());
    not_a(if given { name } else { other }, expected)
}

/// Neither argument `name` nor `other` is given.
fn missing_either(name: &str, other: &str) -> OpError {
    bad_arg(
        name,
        ArgumentProblem::MissingWith {
            other: other.to_owned(),
        },
    )
}

fn str_arg<'a>(args: &'a Value, key: &str) -> OpResult<&'a str> {
    match args.get(key) {
        Some(Value::String(s)) => Ok(s),
        None | Some(Value::Null) => Err(missing(key)),
        Some(_) => Err(not_a(key, Expected::String)),
    }
}

fn opt_str_arg<'a>(args: &'a Value, key: &str) -> OpResult<Option<&'a str>> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(not_a(key, Expected::String)),
    }
}

fn bool_arg(args: &Value, key: &str) -> OpResult<bool> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(not_a(key, Expected::Boolean)),
    }
}

/// A JSON argument given either as an object (re-serialised) or as a string holding JSON.
fn json_arg(args: &Value, key: &str) -> OpResult<Option<String>> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Ok(Some(v.to_string())),
    }
}

/// An image answer of `call` (JSON only): the metadata plus the image as hex, its length and
/// SHA-256.
fn image_answer(meta: &str, image: &[u8]) -> OpResult {
    use egov_conversion::payload::{content_digest, hex};
    let mut out = parse_text(meta)?;
    out["image_sha256"] = json!(hex(&content_digest(image)));
    out["image_len"] = json!(image.len());
    out["image_hex"] = json!(hex(image));
    Ok(out)
}

fn request_arg(args: &Value) -> OpResult<String> {
    json_arg(args, "request")?.ok_or_else(|| missing("request"))
}

fn calendar_arg(args: &Value) -> OpResult<Cow<'static, WorkingCalendar>> {
    match json_arg(args, "calendar")? {
        Some(text) => calendar_from_json(&text).map(Cow::Owned),
        None => Ok(Cow::Borrowed(builtin_calendar())),
    }
}

/// Every operation name [`call`] knows, in a stable order.
pub const OPERATIONS: [&str; 68] = [
    "time.parse",
    "calendar.day",
    "calendar.is_working_day",
    "calendar.next_working_day",
    "calendar.add_working_days",
    "agency.parse",
    "agency.is_ancestor_of",
    "agency.registry_check",
    "document_id.parse",
    "number.parse",
    "urgency.parse",
    "status.apply",
    "status.from_edxml",
    "status.sender_apply",
    "status.replay",
    "deadline.compute",
    "deadline.handover",
    "legal_value.assess",
    "legal_value.paper_copy",
    "legal_value.channel",
    "metadata.validate",
    "conversion.make",
    "conversion.validate",
    "conversion.law_art12",
    "conversion.check_system",
    "conversion.sign",
    "conversion.verify",
    "conversion.stamp_page",
    "conversion.render_mark",
    "conversion.verify_page",
    "conversion.verify_document",
    "platform.classify",
    "platform.count",
    "platform.count_csv",
    "platform.count_file",
    "conversion.keygen",
    "conversion.trust_set_from_key",
    "platform.report",
    "platform.next_due",
    "trust.security_txt",
    "trust.blocklist_match",
    "trust.evaluate",
    "trust.criterion",
    "trust.links",
    "trust.declare",
    "edxml.read",
    "edxml.check",
    "edxml.build",
    "edxml.qcvn_dates",
    "edxml.sign",
    "edxml.verify",
    "pdf.stamp",
    "pdf.verify",
    "pdf.sign",
    "pdf.verify_signatures",
    "trustlist.new",
    "trustlist.add",
    "trustlist.retire",
    "trustlist.revoke",
    "trustlist.issue",
    "trustlist.cosign",
    "trustlist.verify",
    "trustlist.check_mark",
    "checklist.list",
    "checklist.template",
    "checklist.run",
    "checklist.indicators",
    "checklist.request",
];

/// Runs operation `op` with arguments `args` (a JSON object); the arguments are named as in the
/// typed functions above. Calendar operations take an optional `calendar` (JSON form; default
/// the built-in Vietnamese calendar).
pub fn call(op: &str, args: &Value) -> OpResult {
    if !args.is_object() {
        return Err(not_a("arguments", Expected::Object));
    }
    match op {
        "time.parse" => time_parse(str_arg(args, "input")?, bool_arg(args, "local")?),
        "calendar.day" => calendar_day(&*calendar_arg(args)?, str_arg(args, "date")?),
        "calendar.is_working_day" => Ok(json!(calendar_is_working_day(
            &*calendar_arg(args)?,
            str_arg(args, "date")?
        )?)),
        "calendar.next_working_day" => Ok(json!(calendar_next_working_day(
            &*calendar_arg(args)?,
            str_arg(args, "date")?
        )?)),
        "calendar.add_working_days" => {
            let days = args
                .get("days")
                .and_then(Value::as_u64)
                .and_then(|d| u32::try_from(d).ok())
                .ok_or_else(|| not_a("days", Expected::U32))?;
            Ok(json!(calendar_add_working_days(
                &*calendar_arg(args)?,
                str_arg(args, "date")?,
                days
            )?))
        }
        "agency.parse" => agency_parse(str_arg(args, "code")?, bool_arg(args, "lenient")?),
        "agency.is_ancestor_of" => Ok(json!(agency_is_ancestor_of(
            str_arg(args, "ancestor")?,
            str_arg(args, "descendant")?
        )?)),
        "agency.registry_check" => {
            let registry = json_arg(args, "registry")?.ok_or_else(|| missing("registry"))?;
            agency_registry_check(str_arg(args, "code")?, &registry, str_arg(args, "as_of")?)
        }
        "document_id.parse" => document_id_parse(str_arg(args, "id")?),
        "number.parse" => number_parse(str_arg(args, "number")?),
        "urgency.parse" => urgency_parse(str_arg(args, "input")?),
        "status.apply" => {
            // A string that is not an object's JSON text names the event (`"tiếp nhận"`).
            let event = match args.get("event") {
                Some(Value::String(name)) if !name.trim_start().starts_with('{') => {
                    Value::String(name.clone()).to_string()
                }
                _ => json_arg(args, "event")?.ok_or_else(|| missing("event"))?,
            };
            status_apply(str_arg(args, "from")?, &event, str_arg(args, "at")?)
        }
        "status.from_edxml" => status_from_edxml(str_arg(args, "code")?),
        "status.sender_apply" => sender_apply(str_arg(args, "from")?, str_arg(args, "event")?),
        "status.replay" => status_replay(
            str_arg(args, "receiver")?,
            str_arg(args, "arrived_at")?,
            args.get("events").unwrap_or(&Value::Null),
        ),
        "deadline.compute" => {
            let mut req = args.clone();
            if let Some(obj) = req.as_object_mut() {
                obj.remove("calendar");
            }
            let req: DeadlineRequest =
                serde_json::from_value(req).map_err(|e| invalid_arg("request", e))?;
            parse_text(&deadline(&req, &*calendar_arg(args)?)?)
        }
        "deadline.handover" => {
            let req: HandoverRequest =
                serde_json::from_value(args.clone()).map_err(|e| invalid_arg("request", e))?;
            handover(&req)
        }
        "legal_value.assess" => legal_value_assess(
            bool_arg(args, "digitally_signed_per_law")?,
            bool_arg(args, "sent_via_system")?,
        ),
        "legal_value.paper_copy" => {
            let case = json_arg(args, "case")?.ok_or_else(|| missing("case"))?;
            paper_copy(&case, json_arg(args, "policy")?.as_deref())
        }
        "legal_value.channel" => {
            let facts = json_arg(args, "facts")?.ok_or_else(|| missing("facts"))?;
            channel(&facts)
        }
        "metadata.validate" => {
            let record = json_arg(args, "record")?.ok_or_else(|| missing("record"))?;
            parse_text(&metadata_validate(
                &record,
                json_arg(args, "policy")?.as_deref(),
            )?)
        }
        "conversion.make" => parse_text(&conversion_make(&args.to_string())?),
        "conversion.check_system" => {
            let system = json_arg(args, "system")?.ok_or_else(|| missing("system"))?;
            parse_text(&conversion_check_system(
                &system,
                opt_str_arg(args, "now")?,
                opt_str_arg(args, "effective_date")?,
                &*calendar_arg(args)?,
            )?)
        }
        "conversion.validate" => {
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            parse_text(&conversion_validate(&mark)?)
        }
        "conversion.law_art12" => {
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            parse_text(&conversion_law_art12(
                &mark,
                json_arg(args, "facts")?.as_deref(),
            )?)
        }
        "conversion.keygen" => parse_text(&conversion_keygen(str_arg(args, "label")?)?),
        "conversion.trust_set_from_key" => {
            let key = json_arg(args, "key")?.ok_or_else(|| missing("key"))?;
            parse_text(&conversion_trust_set_from_key(&key)?)
        }
        "conversion.sign" => {
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            let content =
                content_arg(args)?.ok_or_else(|| missing_either("content_hex", "content_text"))?;
            parse_text(&conversion_sign(
                &mark,
                &content,
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?)
        }
        "conversion.verify" => {
            let trust = json_arg(args, "trust")?.ok_or_else(|| missing("trust"))?;
            parse_text(&conversion_verify(
                str_arg(args, "qr_text")?,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "conversion.stamp_page" => {
            let page = decode_hex("page_hex", str_arg(args, "page_hex")?)?;
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            let (image, meta) = conversion_stamp_page(
                &page,
                &mark,
                content_arg(args)?.as_deref(),
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?;
            image_answer(&meta, &image)
        }
        "conversion.render_mark" => {
            let mark = json_arg(args, "mark")?.ok_or_else(|| missing("mark"))?;
            let content =
                content_arg(args)?.ok_or_else(|| missing_either("content_hex", "content_text"))?;
            let (png, meta) = conversion_render_mark(
                &mark,
                &content,
                str_arg(args, "secret_key")?,
                json_arg(args, "options")?.as_deref(),
            )?;
            image_answer(&meta, &png)
        }
        "conversion.verify_page" => {
            let image = decode_hex("image_hex", str_arg(args, "image_hex")?)?;
            let trust = json_arg(args, "trust")?.ok_or_else(|| missing("trust"))?;
            parse_text(&conversion_verify_page(
                &image,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "conversion.verify_document" => {
            let list = match args.get("images_hex") {
                Some(Value::Array(a)) => a,
                _ => return Err(not_a("images_hex", Expected::HexStrings)),
            };
            let images = list
                .iter()
                .map(|v| match v {
                    Value::String(h) => decode_hex("images_hex", h),
                    _ => Err(not_a("images_hex", Expected::HexStrings)),
                })
                .collect::<OpResult<Vec<Vec<u8>>>>()?;
            let refs: Vec<&[u8]> = images.iter().map(Vec::as_slice).collect();
            let trust = json_arg(args, "trust")?.ok_or_else(|| missing("trust"))?;
            parse_text(&conversion_verify_document(
                &refs,
                &trust,
                content_arg(args)?.as_deref(),
            )?)
        }
        "platform.classify" => parse_text(&platform_classify(&args.to_string())?),
        "platform.count" => {
            let events = json_arg(args, "events")?.ok_or_else(|| missing("events"))?;
            parse_text(&platform_count(&events)?)
        }
        "platform.report" => parse_text(&platform_report(&args.to_string())?),
        "platform.next_due" => parse_text(&platform_next_due(&args.to_string())?),
        "platform.count_csv" => {
            let csv =
                content_arg(args)?.ok_or_else(|| missing_either("content_hex", "content_text"))?;
            let options = count_csv_options(args)?;
            parse_text(&platform_count_csv_with(&csv, &options)?)
        }
        "platform.count_file" => {
            let options = count_csv_options(args)?;
            parse_text(&platform_count_file(str_arg(args, "path")?, &options)?)
        }
        "trust.security_txt" => {
            let content =
                content_arg(args)?.ok_or_else(|| missing_either("content_hex", "content_text"))?;
            parse_text(&trust_security_txt(
                &content,
                str_arg(args, "now")?,
                opt_str_arg(args, "fetched_from")?,
            )?)
        }
        "trust.blocklist_match" => parse_text(&trust_blocklist_match(
            str_arg(args, "list")?,
            str_arg(args, "host")?,
        )?),
        "trust.evaluate" => parse_text(&trust_evaluate(&request_arg(args)?)?),
        "trust.criterion" => parse_text(&trust_criterion(
            &request_arg(args)?,
            str_arg(args, "criterion")?,
        )?),
        "trust.links" => parse_text(&trust_links(&request_arg(args)?)?),
        "trust.declare" => parse_text(&trust_declare(&request_arg(args)?, str_arg(args, "lang")?)?),
        op if op.starts_with("edxml.") => call_edxml(op, args),
        op if op.starts_with("pdf.") => call_pdf(op, args),
        op if op.starts_with("trustlist.") => trustlist::call_trustlist(op, args),
        "checklist.list" => parse_text(&checklist_list(Some(&args.to_string()))?),
        "checklist.template" => parse_text(&checklist_template(&args.to_string())?),
        "checklist.run" => parse_text(&checklist_run(&args.to_string())?),
        "checklist.indicators" => parse_text(&checklist_indicators(&args.to_string())?),
        "checklist.request" => parse_text(&checklist_request(&args.to_string())?),
        _ => Err(unknown_operation(op)),
    }
}

/// [`call`] with the arguments as JSON text, answering compact JSON text.
pub fn call_json(op: &str, args: &str) -> OpResult<String> {
    check_len("operation", op)?;
    let args: Value = from_json("arguments", args)?;
    call(op, &args).map(|v| v.to_string())
}
