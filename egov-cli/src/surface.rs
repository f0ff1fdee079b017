//! The tool's own surface (issue 17): `--version` with the cargo features built in, shell
//! completions and manual pages generated from the same clap definitions as the parser.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::{Args, CommandFactory};
use clap_complete::Shell;
use serde_json::json;

use crate::output::CmdResult;

/// The cargo features of egov-cli, each with whether this binary was built with it.
const FEATURES: [(&str, bool); 3] = [
    ("pdf", cfg!(feature = "pdf")),
    ("parquet", cfg!(feature = "parquet")),
    ("probe", cfg!(feature = "probe")),
];

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let on: Vec<&str> = FEATURES
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect();
    let on = if on.is_empty() {
        crate::i18n::t!("surface-features-none")
    } else {
        on.join(", ")
    };
    crate::i18n::t!(
        "surface-version",
        version = env!("CARGO_PKG_VERSION"),
        features = on
    )
});

/// `egov --version` / `-V`: `0.1.0 (features: pdf, parquet)` (clap prefixes the name).
pub fn version() -> &'static str {
    VERSION.as_str()
}

/// `egov completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    shell: Shell,
}

/// `egov man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `egov.1` and one page per subcommand (`egov-edxml-check.1`, …) into this
    /// directory (created if missing) instead of `egov.1` on standard output.
    #[arg(short = 'o', long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Writes bytes to standard output; a closed pipe ends quietly (as `output::out`).
fn out_bytes(bytes: &[u8]) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(bytes).and_then(|()| o.flush());
}

/// `egov completions <SHELL>`: the script on standard output, exit 0. It is generated into
/// memory first: clap_complete panics on a write error, and `egov completions bash | head`
/// must end quietly.
pub fn completions(args: &CompletionsArgs) -> ExitCode {
    let mut cmd = crate::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "egov", &mut script);
    out_bytes(&script);
    ExitCode::SUCCESS
}

/// The clap command the pages describe: `help` is not a command of its own there.
fn man_command() -> clap::Command {
    let mut cmd = crate::Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// One page: the title in capitals as man pages have it (`.TH EGOV 1`, `.TH EGOV-EDXML-CHECK 1`).
fn page(cmd: clap::Command) -> clap_mangen::Man {
    let title = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_uppercase();
    clap_mangen::Man::new(cmd).title(title)
}

fn write_err(path: &Path, e: &std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: "io.write".to_owned(),
        message: crate::i18n::t!(
            "surface-cannot-write",
            path = path.display().to_string(),
            detail = crate::files::io_detail(e)
        ),
    }
}

/// Writes the page of `cmd` and of every visible subcommand under it into `dir`.
fn write_pages(
    cmd: &clap::Command,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<(), CmdResult> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    let man = page(cmd.clone());
    let path = dir.join(man.get_filename());
    let mut roff = Vec::new();
    man.render(&mut roff).map_err(|e| write_err(&path, &e))?;
    std::fs::write(&path, roff).map_err(|e| write_err(&path, &e))?;
    written.push(path);
    Ok(())
}

/// `egov man [--out DIR]`: without --out the page itself on standard output (with or without
/// --json); with --out the list of files written.
pub fn man(args: &ManArgs, as_json: bool) -> ExitCode {
    let cmd = man_command();
    let Some(dir) = &args.out else {
        let mut roff = Vec::new();
        if let Err(e) = page(cmd).render(&mut roff) {
            return crate::output::emit(write_err(Path::new("-"), &e), as_json);
        }
        out_bytes(&roff);
        return ExitCode::SUCCESS;
    };
    crate::output::emit(man_to(&cmd, dir), as_json)
}

fn man_to(cmd: &clap::Command, dir: &Path) -> CmdResult {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return write_err(dir, &e);
    }
    let mut written = Vec::new();
    if let Err(e) = write_pages(cmd, dir, &mut written) {
        return e;
    }
    written.sort();
    let human = format!(
        "{}\n{}",
        crate::i18n::t!(
            "surface-wrote-pages",
            count = written.len(),
            dir = dir.display().to_string()
        ),
        written
            .iter()
            .map(|p| format!("  {}", p.display()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let json = json!({ "dir": dir, "written": written });
    CmdResult::Valid { human, json }
}
