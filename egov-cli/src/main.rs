//! `egov`: Vietnamese e-government compliance answers without code.
//!
//! Every subcommand prints a readable answer by default and the library's serde form with
//! `--json`. Exit codes: 0 = valid / compliant, 1 = invalid input or non-compliant (the reason is
//! printed), 2 = usage error.
#![forbid(unsafe_code)]

mod commands;
mod output;
mod platform;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Vietnamese e-government compliance: identifiers, documents and deadlines.
#[derive(Debug, Parser)]
#[command(name = "egov", version, about, long_about = None)]
struct Cli {
    /// Print the result as JSON (the library's serde form) instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
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
    /// Platform size classes: count active users, classify, report (NĐ 137/2024 Đ15–20).
    #[command(subcommand)]
    Platform(platform::PlatformCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
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
        Command::Platform(cmd) => platform::run(cmd),
    };
    output::emit(result, cli.json)
}
