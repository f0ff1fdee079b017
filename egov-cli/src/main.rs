//! `egov`: Vietnamese e-government compliance answers without code.
//!
//! Every subcommand prints a readable answer by default and the library's serde form with
//! `--json`. Exit codes: 0 = valid / compliant, 1 = invalid input or non-compliant (the reason is
//! printed), 2 = usage error.
#![forbid(unsafe_code)]

mod commands;
mod output;

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
    /// Is a date a working day in the public-sector calendar? (CORE-02)
    Workday {
        /// The date, YYYY-MM-DD.
        date: String,
        /// A calendar JSON file replacing the built-in table.
        #[arg(long)]
        calendar: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Workday { date, calendar } => commands::workday(&date, calendar.as_deref()),
    };
    output::emit(result, cli.json)
}
