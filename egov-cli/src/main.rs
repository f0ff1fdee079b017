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

mod batch;
mod checklist;
mod commands;
mod config;
mod docs;
mod edxml;
mod edxml_make;
mod files;
mod folder;
mod help;
mod i18n;
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
mod signing_key;
mod surface;
mod template;
mod trust;
mod trustlist;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

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
    // Global options come after each command's own (display order 100…), help last.
    #[arg(long, global = true, display_order = 100)]
    json: bool,

    /// Language of everything printed for people: vi (tiếng Việt) or en (English). Default:
    /// EGOV_LANG, then `lang` in egov.toml, then the locale (LC_ALL, LC_MESSAGES, LANG), then vi.
    #[arg(long, global = true, display_order = 101, value_name = "vi|en", value_parser = parse_lang)]
    lang: Option<i18n::Lang>,

    /// The configuration file (default: EGOV_CONFIG, else ./egov.toml, else egov.toml in the
    /// user's configuration directory). `egov config` shows what is in effect.
    #[arg(long, global = true, display_order = 102, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Refuse times without a UTC offset (by default `2026-03-02 09:15`, `02/03/2026 09:15` and
    /// `9h15 ngày 02/03/2026` are Vietnam time, UTC+07:00, with a note on standard error).
    #[arg(long, global = true, display_order = 103)]
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
        /// (2026-02-13T15:00:00+07:00), a Vietnam time as written (13/02/2026 15:00, 15h ngày
        /// 13/2/2026), or a date alone (treated as the end of that day, A-06).
        #[arg(long)]
        signed: String,
        /// Urgency: khẩn, thượng khẩn, hỏa tốc (with or without diacritics); omit if not urgent.
        #[arg(long)]
        urgency: Option<String>,
        /// When it was sent (ISO 8601, or a Vietnam time as written: 13/02/2026 16:30, 16h30
        /// ngày 13/2/2026); judges the send against the deadline.
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
    /// QCVN 102:2016): check, show, extract attachments, build, answer with a status, sign, verify.
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
    /// The settings in effect (egov.toml and EGOV_* variables) and where each comes from.
    Config,
    /// Run a checking command over a folder, a glob or a @LIST, one report for all (table,
    /// CSV, JSON Lines or HTML); exit status of the worst input.
    Batch(batch::BatchArgs),
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

fn parse_lang(s: &str) -> Result<i18n::Lang, String> {
    s.parse::<i18n::Lang>()
        .map_err(|e| egov_core::Localize::message(&e, i18n::lang()))
}

fn main() -> ExitCode {
    // A bug must not end a command with a Rust panic message and exit 101.
    std::panic::set_hook(Box::new(|info| {
        output::err(&format!(
            "{}[internal]: {}",
            i18n::t!("error-prefix"),
            i18n::t!("internal-error", detail = info.to_string())
        ));
    }));
    // The configuration and the language are settled before parsing, so help and usage errors
    // speak the language and options show the office's defaults.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let var = |k: &str| std::env::var(k).ok();
    let file = config::find(
        config::config_flag(&argv),
        &var,
        std::env::current_dir().ok(),
        config::user_dir(),
    );
    let loaded = match file.as_deref().map(config::load).transpose() {
        Ok(l) => l.unwrap_or_default(),
        Err(e) => {
            i18n::set_lang(i18n::resolve(i18n::lang_flag(&argv).as_deref(), None, var));
            let as_json = config::json_output(config::json_flag(&argv), &Default::default(), &var);
            return config_error(&e, as_json);
        }
    };
    i18n::set_lang(i18n::resolve(
        i18n::lang_flag(&argv).as_deref(),
        loaded.settings.lang,
        var,
    ));
    for (name, value, accepted) in config::unusable_env(&var) {
        output::err(&i18n::t!(
            "config-env-ignored",
            var = name,
            value = value,
            accepted = accepted
        ));
    }
    let command = || {
        help::localize(
            config::apply(Cli::command(), &loaded.settings),
            i18n::lang(),
        )
    };
    let parsed = command()
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output (exit 0), usage errors to standard error
            // (exit 2), in the run's language; a closed pipe is ignored either way. Asked for
            // JSON, a usage error is the JSON of every other error, on standard output.
            let missing_subcommand =
                e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
            if e.use_stderr()
                && config::json_output(config::json_flag(&argv), &loaded.settings, &var)
            {
                let message = if missing_subcommand
                    || e.kind() == clap::error::ErrorKind::MissingSubcommand
                {
                    let commands = help::subcommands_at(&command(), &argv).join(", ");
                    i18n::t!("usage-missing-subcommand", commands = commands)
                } else {
                    help::usage_message(&e, i18n::lang())
                };
                return output::emit(
                    output::CmdResult::Error {
                        code: "usage".to_owned(),
                        message,
                    },
                    true,
                );
            }
            if missing_subcommand && i18n::lang() == i18n::Lang::Vi {
                // `egov edxml`: the command's help (already in Vietnamese), as in English.
                output::err(help::usage_words_vi(&e.render().to_string()).trim_end());
            } else if e.use_stderr() && i18n::lang() == i18n::Lang::Vi {
                output::err(&help::usage_error_vi(&e));
            } else if e.kind() == clap::error::ErrorKind::DisplayHelp
                && i18n::lang() == i18n::Lang::Vi
            {
                let rendered = e.render();
                let text = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                    rendered.ansi().to_string()
                } else {
                    rendered.to_string()
                };
                output::out(help::usage_words_vi(&text).trim_end());
            } else {
                let _ = e.print();
            }
            // The command tree again, for this error only (no copy kept on every run).
            if e.kind() == clap::error::ErrorKind::UnknownArgument {
                if let Some(hint) = help::file_argument_hint(&e, &argv, &command()) {
                    output::err(&hint);
                }
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let as_json = config::json_output(cli.json, &loaded.settings, &var);
    input::set_strict_time(config::strict_time(cli.strict_time, &loaded.settings, &var));
    if let Command::Config = cli.command {
        return output::emit(show_config(&loaded), as_json);
    }
    match std::panic::catch_unwind(move || run(cli.command, as_json, &loaded.settings)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(2),
    }
}

fn config_error(e: &config::ConfigError, as_json: bool) -> ExitCode {
    output::emit(
        output::CmdResult::Error {
            code: e.code.to_owned(),
            message: i18n::t!(
                "config-invalid",
                path = e.path.display().to_string(),
                detail = i18n::lang().pick(&e.detail_vi, &e.detail).as_str()
            ),
        },
        as_json,
    )
}

/// Completions, manual pages, templates, schemas, `config` and `batch` print rather than answer (`run` and `main`
/// handle them; `egov batch` refuses them as its command).
fn not_an_answer() -> output::CmdResult {
    output::CmdResult::Error {
        code: "usage.batch".to_owned(),
        message: i18n::t!(
            "batch-not-batchable",
            command = "completions, man, config, batch"
        ),
    }
}

fn show_config(loaded: &config::Loaded) -> output::CmdResult {
    use std::fmt::Write;
    let settings = config::effective(loaded, &|k| std::env::var(k).ok());
    let mut human = match &loaded.path {
        Some(p) => i18n::t!("config-file", path = p.display().to_string()),
        None => i18n::t!("config-no-file"),
    };
    for (name, value, origin) in &settings {
        let from = match origin {
            config::Origin::Environment => i18n::t!("config-from-env"),
            config::Origin::File => i18n::t!("config-from-file"),
        };
        let _ = write!(human, "\n  {name} = {value}  ({from})");
    }
    if settings.is_empty() {
        human.push_str("\n  ");
        human.push_str(&i18n::t!("config-nothing-set"));
    }
    let value = config::ConfigOutput {
        file: loaded.path.clone(),
        settings: settings
            .into_iter()
            .map(|(name, value, origin)| config::Setting {
                name,
                value,
                origin,
            })
            .collect(),
    };
    match schema_types::to_json(&value) {
        Ok(json) => output::CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

fn run(command: Command, as_json: bool, settings: &config::Settings) -> ExitCode {
    match command {
        // The script is the answer, with or without --json.
        Command::Completions(args) => surface::completions(&args),
        Command::Man(args) => surface::man(&args, as_json),
        Command::Batch(args) => batch::run(&args, as_json, settings),
        Command::Template(args) => template::run(&args, as_json),
        Command::Schema(args) => schema::run(&args, as_json),
        other => answer(other).print(as_json),
    }
}

/// A command's answer, unprinted (what `egov batch` collects for each input).
fn answer(command: Command) -> output::Answer {
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
        // Its own answer: a package that cannot be read exits 2 with the reader's code
        // (`edxml.malformed`, …), which `output::error_exit_code` would map to 1.
        Command::Edxml { command } => return edxml::answer(*command),
        Command::Status(cmd) => docs::status(*cmd),
        Command::Urgency(args) => docs::urgency(&args),
        Command::LegalValue(args) => docs::legal_value(&args),
        Command::PaperCopy(args) => docs::paper_copy(&args),
        Command::Completions(_)
        | Command::Man(_)
        | Command::Config
        | Command::Batch(_)
        | Command::Template(_)
        | Command::Schema(_) => not_an_answer(),
    };
    output::answer(result)
}
