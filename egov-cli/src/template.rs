//! `egov template KIND [-o FILE] [--force]`: a commented example of each file officers write for
//! `egov`, in TOML (comments in Vietnamese first, then English, each field with its point,
//! article or rule ID). Every command that reads one of these inputs takes TOML for a `.toml`
//! file (and JSON otherwise); the data is the same, described by `schemas/input/KIND.schema.json`
//! (the templates name it in a `#:schema` line, which TOML editors such as Taplo read).
//! `egov-cli/tests/template.rs` runs every template through its command.

use std::path::PathBuf;

use clap::Args;

use crate::output::CmdResult;
use crate::schema_types::{to_json, WrittenOutput};

/// The templates: kind, what it is for, text.
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "metadata",
        "egov metadata FILE",
        include_str!("../templates/metadata.toml"),
    ),
    (
        "calendar",
        "egov workday|deadline --calendar FILE",
        include_str!("../templates/calendar.toml"),
    ),
    (
        "trust-request",
        "egov trust check|declare --attest FILE",
        include_str!("../templates/trust-request.toml"),
    ),
    (
        "platform-history",
        "egov platform classify|report --monthly FILE",
        include_str!("../templates/platform-history.toml"),
    ),
    (
        "edxml-build",
        "egov edxml build FILE --out PACKAGE",
        include_str!("../templates/edxml-build.toml"),
    ),
    (
        "kpi-observations",
        "egov checklist kpi FILE",
        include_str!("../templates/kpi-observations.toml"),
    ),
    (
        "registry",
        "egov code CODE --registry FILE --as-of DATE",
        include_str!("../templates/registry.toml"),
    ),
    (
        "config",
        "egov.toml (every command; egov config)",
        include_str!("../templates/config.toml"),
    ),
];

/// The checklist whose evidence file `egov template checklist-evidence` writes by default.
const DEFAULT_CHECKLIST: &str = "nd137-agency-system";

/// `egov template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// metadata, calendar, trust-request, platform-history, edxml-build, kpi-observations,
    /// registry, config or checklist-evidence. Omitted: the list.
    kind: Option<String>,
    /// For checklist-evidence: the checklist (`egov checklist list`; same as
    /// `egov checklist template ID`).
    #[arg(long, value_name = "ID")]
    checklist: Option<String>,
    /// Write the template to FILE instead of standard output.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

/// The template of `kind` (checklist-evidence: of `checklist`).
pub fn text(kind: &str, checklist: Option<&str>) -> Result<String, CmdResult> {
    if kind == "checklist-evidence" {
        let registry = egov_checklist::Registry::builtin().map_err(|e| CmdResult::error(&e))?;
        return egov_checklist::template(&registry, checklist.unwrap_or(DEFAULT_CHECKLIST))
            .map_err(|e| CmdResult::error(&e));
    }
    TEMPLATES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, _, t)| (*t).to_owned())
        .ok_or_else(|| CmdResult::Error {
            code: "usage.template".into(),
            message: crate::i18n::t!("template-unknown", kind = kind),
        })
}

/// Runs `egov template`.
pub fn run(a: &TemplateArgs, as_json: bool) -> std::process::ExitCode {
    let Some(kind) = &a.kind else {
        let mut human = String::new();
        for (k, used, _) in TEMPLATES {
            human.push_str(&format!("{k:<20} {used}\n"));
        }
        human.push_str(&format!(
            "{:<20} egov checklist run ID --evidence FILE (--checklist ID)",
            "checklist-evidence"
        ));
        let names: Vec<String> = TEMPLATES
            .iter()
            .map(|(k, _, _)| (*k).to_owned())
            .chain(["checklist-evidence".to_owned()])
            .collect();
        let json = to_json(&crate::schema_types::TemplateList { templates: names });
        return crate::output::emit(
            match json {
                Ok(json) => CmdResult::Valid { human, json },
                Err(e) => e,
            },
            as_json,
        );
    };
    let text = match text(kind, a.checklist.as_deref()) {
        Ok(t) => t,
        Err(e) => return crate::output::emit(e, as_json),
    };
    let Some(out) = &a.out else {
        // The template is the answer, with or without --json.
        crate::output::out(text.trim_end());
        return std::process::ExitCode::SUCCESS;
    };
    crate::output::emit(write(out, a.force, &text), as_json)
}

/// Writes a template to `out` (`-o FILE`; replaced only with `--force`), whole or not at all:
/// the answer names the file written.
pub fn write(out: &std::path::Path, force: bool, text: &str) -> CmdResult {
    let result = crate::files::AtomicFile::create(out, force)
        .and_then(|f| f.finish_with(text.as_bytes()))
        .and_then(|()| {
            to_json(&WrittenOutput {
                written: vec![out.display().to_string()],
            })
        });
    match result {
        Ok(json) => CmdResult::Valid {
            human: crate::i18n::t!("files-wrote", path = out.display().to_string()),
            json,
        },
        Err(e) => e,
    }
}
