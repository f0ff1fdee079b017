//! `egov`: Vietnamese e-government compliance answers without code.
//!
//! Every subcommand prints a readable answer by default and the library's serde form with
//! `--json`. Exit codes: 0 = valid / compliant, 1 = invalid input or non-compliant (the reason is
//! printed), 2 = usage, I/O or internal error. No command panics: a closed standard output ends
//! it quietly, and a bug is reported as `error[internal]` with exit 2.
#![forbid(unsafe_code)]

/// mimalloc instead of the system allocator: counting large event files merges sorted runs of
/// keys, and glibc malloc returned and re-faulted those pages (kernel time up to 45 % of a run).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod checklist;
mod commands;
mod docs;
mod edxml;
mod edxml_make;
mod files;
mod input;
mod mark;
#[cfg(feature = "pdf")]
mod mark_pdf;
#[cfg(feature = "pdf")]
mod mark_pdf_scans;
mod output;
#[cfg(feature = "pdf")]
mod pdf_sign;
mod platform;
mod registry;
mod schema;
mod schema_types;
mod surface;
mod template;
mod trust;
mod trustlist;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Vietnamese e-government compliance: identifiers, documents and deadlines.
#[derive(Debug, Parser)]
#[command(
    name = "egov",
    version = surface::version(),
    about,
    long_about = None,
    after_help = "Exit codes: 0 valid / compliant, 1 invalid input or non-compliant, 2 usage, I/O or internal error.\nEvery answer names its rule ID and legal basis; --json prints the library's serde form."
)]
struct Cli {
    /// Print the result as JSON (the library's serde form) instead of text.
    #[arg(long, global = true)]
    json: bool,

    /// Refuse times without a UTC offset (by default `2026-03-02 09:15` and `02/03/2026 09:15`
    /// are Vietnam time, UTC+07:00, with a note on standard error).
    #[arg(long, global = true)]
    strict_time: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check an agency code such as 000.00.18.G12 (DOC-02…04).
    Code {
        /// The 13-character code.
        code: String,
        /// Accept any 4 dot-separated alphanumeric groups of 13 characters (reports what it tolerated).
        #[arg(long)]
        lenient: bool,
        /// An agency registry (CSV or .json) to check the code against.
        #[arg(long)]
        registry: Option<PathBuf>,
        /// The date to check the registry as of (YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Parse a document number "số và ký hiệu" such as 28/2018/QĐ-TTg.
    Docnum {
        /// The number and symbol.
        number: String,
    },
    /// Parse a document identifier such as 000.00.00.G22,2018/09/20,7816/VPCP-TTĐT (DOC-08).
    Docid {
        /// The identifier in edXML form: agency,yyyy/MM/dd,number.
        id: String,
    },
    /// Validate a document metadata record a)–q) given as JSON (DOC-10); `-` reads stdin.
    Metadata {
        /// The JSON file.
        file: PathBuf,
    },
    /// Send deadline of an e-document, and whether a send was on time (DOC-19, DOC-21).
    Deadline {
        /// When the document was signed for issuance: ISO 8601 with offset
        /// (2026-02-13T15:00:00+07:00), or a date alone (treated as the end of that day, A-06).
        #[arg(long)]
        signed: String,
        /// Urgency: khẩn, thượng khẩn, hỏa tốc (with or without diacritics); omit if not urgent.
        #[arg(long)]
        urgency: Option<String>,
        /// When it was sent (ISO 8601); judges the send against the deadline.
        #[arg(long)]
        sent: Option<String>,
        /// Read times without an offset as Vietnam local time (UTC+07:00).
        #[arg(long)]
        local: bool,
        /// End of "the morning" of the next working day, HH:MM (default 12:00, A-06).
        #[arg(long)]
        morning_end: Option<String>,
        /// A calendar JSON file replacing the built-in table.
        #[arg(long)]
        calendar: Option<PathBuf>,
    },
    /// Is a date a working day in the public-sector calendar? (CORE-02)
    Workday {
        /// The date, YYYY-MM-DD.
        date: String,
        /// A calendar JSON file replacing the built-in table.
        #[arg(long)]
        calendar: Option<PathBuf>,
    },
    /// Conversion marks paper ↔ data message (NĐ 137/2024 Đ4, Đ5): stamp and verify.
    #[command(subcommand)]
    Mark(Box<mark::MarkCommand>),
    /// PAdES digital signatures on PDF files (NĐ 30/2020 Đ25, QĐ 28/2018/QĐ-TTg Đ6.1): sign
    /// with a PEM key, a PKCS#12 file or a PKCS#11 token; verify every signature.
    #[cfg(feature = "pdf")]
    #[command(subcommand)]
    Pdf(Box<pdf_sign::PdfCommand>),
    /// Generate an Ed25519 signing key for conversion marks.
    Keygen(mark::KeygenArgs),
    /// Signed trust lists of conversion-mark keys: new, add, retire, revoke, sign, show,
    /// verify (format egov-trust-list/1).
    #[command(subcommand)]
    Trustlist(Box<trustlist::TrustListCommand>),
    /// Duties of the law as checklists judged on your evidence: list, show, template, run.
    #[command(subcommand)]
    Checklist(Box<checklist::ChecklistCommand>),
    /// Platform size classes: count active users, classify, report (NĐ 137/2024 Đ15–20).
    #[command(subcommand)]
    Platform(Box<platform::PlatformCommand>),
    /// Agency catalogues: import the lists agencies hold (CSV, spreadsheets) into egov's
    /// registry, every row accounted for; check a registry as of a date (DOC-01, DOC-04).
    #[command(subcommand)]
    Registry(Box<registry::RegistryCommand>),
    /// Network-trust ("tín nhiệm mạng") criteria of NĐ 137/2024 Đ21 (TRUST-01…04).
    Trust {
        #[command(subcommand)]
        command: Box<trust::TrustCommand>,
    },
    /// edXML packages and status messages of the national document axis (QĐ 28/2018/QĐ-TTg,
    /// QCVN 102:2016): check, show, extract attachments.
    Edxml {
        #[command(subcommand)]
        command: Box<edxml::EdxmlCommand>,
    },
    /// Processing statuses of a received e-document (QĐ 28/2018/QĐ-TTg Đ5.4, Đ8, Đ9, Đ10.2.h):
    /// the transition table, one event applied, edXML StatusCodes (DOC-11, 22, 27…30).
    #[command(subcommand)]
    Status(Box<docs::StatusCommand>),
    /// Urgency «độ khẩn» (Đ10.2.k; DOC-12): khẩn, thượng khẩn, hỏa tốc in any spelling, or an
    /// edXML Priority code.
    Urgency(docs::UrgencyArgs),
    /// Legal value of an e-document (Đ4; DOC-14): equivalent to paper or for reference only.
    ///
    /// Exits 1 when Đ4 does not settle it (not sent through the document system).
    LegalValue(docs::LegalValueArgs),
    /// Must a paper copy go with the e-document? (Đ5.3, Đ7.2; DOC-17); with --issued, judges
    /// what was done.
    PaperCopy(docs::PaperCopyArgs),
    /// A commented example of an input file (metadata, calendar, trust-request,
    /// platform-history, edxml-build, kpi-observations, registry, checklist-evidence), in TOML.
    Template(template::TemplateArgs),
    /// The JSON Schemas of egov's inputs and `--json` outputs (schemas/): one, the list, or all
    /// written into a directory.
    Schema(schema::SchemaArgs),
    /// Shell completion script for bash, zsh, fish, PowerShell or Elvish, on standard output.
    Completions(surface::CompletionsArgs),
    /// The manual page(s) in roff: `egov`'s on standard output, or one per (sub)command in
    /// --out DIR.
    Man(surface::ManArgs),
}

fn main() -> ExitCode {
    // A bug must not end a command with a Rust panic message and exit 101.
    std::panic::set_hook(Box::new(|info| {
        output::err(&format!(
            "error[internal]: egov gặp lỗi nội bộ / hit an internal error ({info}); please report it"
        ));
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output (exit 0), usage errors to standard error
            // (exit 2); a closed pipe is ignored either way.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let as_json = cli.json;
    input::set_strict_time(cli.strict_time);
    match std::panic::catch_unwind(move || run(cli.command, as_json)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(2),
    }
}

fn run(command: Command, as_json: bool) -> ExitCode {
    let result = match command {
        Command::Code {
            code,
            lenient,
            registry,
            as_of,
        } => commands::code(&code, lenient, registry.as_deref(), as_of.as_deref()),
        Command::Docnum { number } => commands::docnum(&number),
        Command::Docid { id } => commands::docid(&id),
        Command::Metadata { file } => commands::metadata(&file),
        Command::Deadline {
            signed,
            urgency,
            sent,
            local,
            morning_end,
            calendar,
        } => commands::deadline(&commands::DeadlineArgs {
            signed: &signed,
            urgency: urgency.as_deref(),
            sent: sent.as_deref(),
            local,
            morning_end: morning_end.as_deref(),
            calendar: calendar.as_deref(),
        }),
        Command::Workday { date, calendar } => commands::workday(&date, calendar.as_deref()),
        Command::Mark(cmd) => mark::run(*cmd),
        #[cfg(feature = "pdf")]
        Command::Pdf(cmd) => pdf_sign::run(*cmd),
        Command::Keygen(args) => mark::keygen(&args),
        Command::Trustlist(cmd) => trustlist::run(*cmd),
        Command::Checklist(cmd) => checklist::run(*cmd),
        Command::Platform(cmd) => platform::run(*cmd),
        Command::Registry(cmd) => registry::run(*cmd),
        Command::Trust { command } => trust::run(*command),
        // Prints its own answer: a package that cannot be read exits 2 with the reader's code
        // (`edxml.malformed`, …), which `output::error_exit_code` would map to 1.
        Command::Edxml { command } => return edxml::run(*command, as_json),
        Command::Status(cmd) => docs::status(*cmd),
        Command::Urgency(args) => docs::urgency(&args),
        Command::LegalValue(args) => docs::legal_value(&args),
        Command::PaperCopy(args) => docs::paper_copy(&args),
        Command::Template(args) => return template::run(&args, as_json),
        Command::Schema(args) => return schema::run(&args, as_json),
        // The script is the answer, with or without --json.
        Command::Completions(args) => return surface::completions(&args),
        Command::Man(args) => return surface::man(&args, as_json),
    };
    output::emit(result, as_json)
}
