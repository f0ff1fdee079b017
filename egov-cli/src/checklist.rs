//! `egov checklist list|show|template|run|indicators`: the duties of the law as data (egov-checklist,
//! issue 16). Every judgement is the library's; this module reads files and prints.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use egov_checklist::{run as run_checklist, template, ChecklistReport, EvidenceFile, Registry};
use egov_core::{Outcome, WorkingCalendar};

use crate::i18n::{t, Lang};
use crate::output::CmdResult;
use crate::schema_types::checklist::{
    ChecklistListOutput, ChecklistRow, ChecklistShowOutput, ShowItem,
};
use crate::schema_types::{to_json, IndicatorsOutput, KpiOutput, ServiceLevelOutput, TemplateText};

/// Options every `checklist` subcommand takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Your own checklist files (TOML), added to the shipped ones (repeatable).
    #[arg(long = "file", value_name = "TOML")]
    files: Vec<PathBuf>,
}

/// `egov checklist` subcommands.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// The checklists: id, how binding, number of duties, title.
    List(Common),
    /// One checklist's duties with their citation and the words of the law.
    Show {
        /// Checklist id (see `egov checklist list`).
        id: String,
        #[command(flatten)]
        common: Common,
    },
    /// An evidence file to fill in (TOML, every duty with its citation and quote, commented).
    Template {
        /// Checklist id.
        id: String,
        /// Write the template to FILE instead of standard output.
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long, requires = "out")]
        force: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Judge a checklist on an evidence file: one finding per duty, what is missing for each
    /// unknown. Exit 0 when every duty passes, 1 otherwise.
    Run {
        /// Checklist id.
        id: String,
        /// The evidence file (TOML or JSON; `egov checklist template` writes one).
        #[arg(long)]
        evidence: PathBuf,
        /// Evaluation date: 2026-03-02, 02/03/2026 or 2026/03/02 (default: the evidence file's
        /// `as_of`).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Check direction indicators (NĐ 137/2024 Đ10.3–10.5, OTH-39/40): each needs its seven
    /// elements and at least one selection criterion. Input: a JSON array of indicators (or
    /// `{"indicators": [...]}`). Exit 0 when nothing fails, 1 otherwise.
    Indicators {
        /// The indicators file (JSON).
        file: PathBuf,
    },
    /// Track the targets of the strategy QĐ 942/QĐ-TTg (not binding: a strategy's targets)
    /// from your measurements: met, on track, behind, missed, or undetermined. Input (JSON):
    /// {"as_of"?: "2025-01-15", "observations": {"k1d": [{"value": "70.5", "date":
    /// "2024-12-31"}]}}; the target ids are those of `egov checklist show qd942-kpi`. Exit 0
    /// unless a target was missed.
    Kpi {
        /// The observations file (JSON).
        file: PathBuf,
        /// The day to judge on (default: the file's as_of, else today in Vietnam).
        #[arg(long)]
        as_of: Option<String>,
        /// Your own targets (TOML, `[[target]]` tables as in egov-checklist/kpi/qd942.toml)
        /// instead of the strategy's.
        #[arg(long, value_name = "TOML")]
        targets: Option<PathBuf>,
    },
    /// Place an online public service in the levels of draft 003 Đ16 (partly / fully
    /// digitised; a draft, not binding) and in the legacy levels 1–4, from its facts (JSON:
    /// information_published, forms_downloadable, submission_online, mobile_access, has_fee,
    /// payment_online, processing_fully_digital, result_delivery: ["online"|"postal"|"in_person"]).
    ServiceLevel {
        /// The facts file (JSON).
        file: PathBuf,
    },
}

fn read(path: &Path) -> Result<String, CmdResult> {
    std::fs::read_to_string(path).map_err(|e| CmdResult::Error {
        code: "io.read".into(),
        message: format!("{}: {}", path.display(), crate::files::io_detail(&e)),
    })
}

fn registry(c: &Common) -> Result<Registry, CmdResult> {
    let mut r = Registry::builtin().map_err(|e| CmdResult::error(&e))?;
    for f in &c.files {
        let text = read(f)?;
        r.add_toml(&f.display().to_string(), &text)
            .map_err(|e| CmdResult::error(&e))?;
    }
    Ok(r)
}

/// Runs one `egov checklist` subcommand.
pub fn run(cmd: ChecklistCommand) -> CmdResult {
    match inner(cmd) {
        Ok(r) | Err(r) => r,
    }
}

fn status_label(s: egov_checklist::Status, _lang: Lang) -> String {
    use egov_checklist::Status;
    match s {
        Status::InForce => t!("checklist-in-force"),
        Status::Draft => t!("checklist-draft"),
        Status::Policy => t!("checklist-policy"),
    }
}

fn inner(cmd: ChecklistCommand) -> Result<CmdResult, CmdResult> {
    match cmd {
        ChecklistCommand::List(c) => {
            let r = registry(&c)?;
            let mut human = String::new();
            let mut rows = Vec::new();
            // Columns as wide as their widest cell (a caller's TOML may bring a longer ID; the
            // policy label is longer than 18 characters in Vietnamese).
            let id_width = r.iter().map(|l| l.id.chars().count()).max().unwrap_or(0);
            let status_width = r
                .iter()
                .map(|l| status_label(l.status, crate::i18n::lang()).chars().count())
                .max()
                .unwrap_or(0);
            for l in r.iter() {
                let n = r.resolve(&l.id).map_or(0, |v| v.len());
                let _ = writeln!(
                    human,
                    "{:<id_width$} {:<status_width$} {:>3} {}  {}",
                    l.id,
                    status_label(l.status, crate::i18n::lang()),
                    n,
                    t!("checklist-items"),
                    crate::i18n::lang().pick(&l.title_vi, &l.title_en)
                );
                rows.push(ChecklistRow {
                    id: l.id.clone(),
                    version: l.version.clone(),
                    status: l.status,
                    items: n,
                    title_vi: l.title_vi.clone(),
                    title_en: l.title_en.clone(),
                });
            }
            Ok(CmdResult::Valid {
                human,
                json: to_json(&ChecklistListOutput { checklists: rows })?,
            })
        }
        ChecklistCommand::Show { id, common: c } => {
            let r = registry(&c)?;
            let l = r.get(&id).map_err(|e| CmdResult::error(&e))?;
            let items = r.resolve(&id).map_err(|e| CmdResult::error(&e))?;
            let mut human = format!(
                "{} ({}, {} {})\n",
                crate::i18n::lang().pick(&l.title_vi, &l.title_en),
                status_label(l.status, crate::i18n::lang()),
                t!("checklist-version"),
                crate::commands::prose_iso(&l.version)
            );
            let applies = crate::i18n::lang().pick(&l.applies_to_vi, &l.applies_to_en);
            if !applies.is_empty() {
                let _ = writeln!(human, "{}: {applies}", t!("checklist-applies-to"));
            }
            for (_, item) in &items {
                let _ = write!(
                    human,
                    "\n{} — {} ({})\n  {}\n  «{}»\n",
                    item.id,
                    item.rule,
                    item.basis,
                    crate::i18n::lang().pick(&item.title_vi, &item.title_en),
                    item.quote_vi
                );
            }
            let json = to_json(&ChecklistShowOutput {
                checklist: l,
                items: items
                    .iter()
                    .map(|(from, item)| ShowItem {
                        from: &from.id,
                        item,
                    })
                    .collect(),
            })?;
            Ok(CmdResult::Valid { human, json })
        }
        ChecklistCommand::Template {
            id,
            out,
            force,
            common: c,
        } => {
            let r = registry(&c)?;
            let t = template(&r, &id).map_err(|e| CmdResult::error(&e))?;
            if let Some(out) = out {
                return Ok(crate::template::write(&out, force, &t));
            }
            let json = to_json(&TemplateText {
                template: t.clone(),
            })?;
            Ok(CmdResult::Valid { human: t, json })
        }
        ChecklistCommand::Run {
            id,
            evidence,
            as_of,
            common: c,
        } => {
            let r = registry(&c)?;
            let text = read(&evidence)?;
            let e = EvidenceFile::parse(&text)
                .map_err(|err| CmdResult::error_at(evidence.display(), &err))?;
            let as_of = match as_of {
                None => None,
                Some(d) => Some(crate::input::date(&d, "--as-of")?),
            };
            let rep = run_checklist(&r, &id, &e, as_of, &WorkingCalendar::vietnam())
                .map_err(|err| CmdResult::error(&err))?;
            let human = report_text(&rep, crate::i18n::lang());
            let json = crate::schema_types::to_json(&rep)?;
            Ok(if rep.overall == Outcome::Pass {
                CmdResult::Valid { human, json }
            } else {
                CmdResult::Invalid { human, json }
            })
        }
        ChecklistCommand::Indicators { file } => indicators(&file, crate::i18n::lang()),
        ChecklistCommand::Kpi {
            file,
            as_of,
            targets,
        } => kpi(
            &file,
            as_of.as_deref(),
            targets.as_deref(),
            crate::i18n::lang(),
        ),
        ChecklistCommand::ServiceLevel { file } => service_level(&file, crate::i18n::lang()),
    }
}

fn kpi(
    file: &Path,
    as_of: Option<&str>,
    targets: Option<&Path>,
    lang: Lang,
) -> Result<CmdResult, CmdResult> {
    use egov_checklist::kpi::{parse_targets, qd942_targets, track_all, ObservationsFile};
    let kpi_error =
        |path: &Path, e: egov_checklist::kpi::KpiError| CmdResult::error_at(path.display(), &e);
    let observations = if crate::input::is_toml(file) {
        crate::input::toml_doc::<ObservationsFile>(&read(file)?, file, "kpi.toml")?
    } else {
        ObservationsFile::from_json(&read(file)?).map_err(|e| kpi_error(file, e))?
    };
    let targets = match targets {
        Some(p) => parse_targets(&read(p)?).map_err(|e| kpi_error(p, e))?,
        None => qd942_targets().map_err(|e| CmdResult::error(&e))?,
    };
    let on = match (as_of, observations.as_of) {
        (Some(d), _) => crate::input::date(d, "--as-of")?,
        (None, Some(d)) => d,
        (None, None) => crate::platform::today_vn()?,
    };
    let progress = track_all(&targets, &observations, on).map_err(|e| kpi_error(file, e))?;
    let mut human = String::new();
    let _ = writeln!(
        human,
        "{} {}",
        t!("checklist-kpi-title"),
        crate::commands::prose_date(on)
    );
    for t in &progress.tracked {
        let f = &t.tracking.finding;
        let _ = writeln!(
            human,
            "[{}] {}: {}",
            crate::commands::outcome_word(f.outcome),
            t.id,
            lang.pick(&f.message_vi, &f.message)
        );
    }
    let _ = writeln!(
        human,
        "\n{}",
        t!(
            "checklist-kpi-totals",
            tracked = progress.tracked.len(),
            without = progress.without_observations.len()
        )
    );
    let missed = progress
        .tracked
        .iter()
        .any(|t| t.tracking.finding.outcome == Outcome::Fail);
    let json = to_json(&KpiOutput {
        as_of: on,
        tracked: progress.tracked,
        without_observations: progress.without_observations,
    })?;
    Ok(if missed {
        CmdResult::Invalid { human, json }
    } else {
        CmdResult::Valid { human, json }
    })
}

fn service_level(file: &Path, lang: Lang) -> Result<CmdResult, CmdResult> {
    use egov_checklist::service_levels::{classify, finding, ServiceFacts};
    let facts: ServiceFacts = serde_json::from_str(&read(file)?).map_err(|e| {
        CmdResult::not_parsed(
            "checklist.service_facts",
            file.display(),
            ["JSON", "JSON"],
            e,
        )
    })?;
    let f = finding(&facts);
    let c = classify(&facts);
    let human = format!(
        "[{}] {} ({}): {}\n",
        crate::commands::outcome_word(f.outcome),
        f.rule,
        f.basis,
        lang.pick(&f.message_vi, &f.message)
    );
    let json = to_json(&ServiceLevelOutput {
        classification: c,
        finding: f,
    })?;
    Ok(CmdResult::Valid { human, json })
}

fn indicators(file: &Path, lang: Lang) -> Result<CmdResult, CmdResult> {
    use egov_checklist::indicators::check_indicators;
    let text = read(file)?;
    let list = egov_checklist::indicators::parse_indicators(&text).map_err(|e| {
        CmdResult::not_parsed("checklist.indicators", file.display(), ["JSON", "JSON"], e)
    })?;
    let findings = check_indicators(&list);
    let mut human = String::new();
    for f in &findings {
        let _ = writeln!(
            human,
            "[{}] {} ({}): {}",
            crate::commands::outcome_word(f.outcome),
            f.rule,
            f.basis,
            lang.pick(&f.message_vi, &f.message)
        );
    }
    let failed = findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .count();
    let _ = writeln!(
        human,
        "\n{}",
        t!(
            "checklist-indicator-totals",
            count = list.len(),
            failed = failed
        )
    );
    let json = to_json(&IndicatorsOutput {
        indicators: list.len(),
        findings,
    })?;
    Ok(if failed == 0 {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

/// The report as an officer reads it: the checklist, the date, one line per duty with its
/// outcome and citation, what is missing, and the totals.
fn report_text(rep: &ChecklistReport, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", lang.pick(&rep.title_vi, &rep.title_en));
    let _ = writeln!(
        s,
        "{}",
        t!(
            "checklist-report-head",
            date = crate::commands::prose_date(rep.as_of),
            checklist = rep.checklist.as_str(),
            version = crate::commands::prose_iso(&rep.version)
        )
    );
    if let Some(p) = &rep.prepared_by {
        let _ = writeln!(s, "{}", t!("checklist-prepared-by", name = p.as_str()));
    }
    s.push('\n');
    for f in &rep.findings {
        let _ = writeln!(
            s,
            "[{}] {} ({}): {}",
            crate::commands::outcome_word(f.outcome),
            f.rule,
            f.basis,
            lang.pick(&f.message_vi, &f.message)
        );
    }
    s.push('\n');
    let count = |o| rep.counts.get(&o).copied().unwrap_or(0);
    let _ = writeln!(
        s,
        "{}",
        t!(
            "checklist-overall",
            outcome = crate::commands::outcome_word(rep.overall),
            pass = count(Outcome::Pass),
            warning = count(Outcome::Warning),
            unknown = count(Outcome::Unknown),
            fail = count(Outcome::Fail)
        )
    );
    if !rep.unused_evidence.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            t!(
                "checklist-unused-evidence",
                ids = rep.unused_evidence.join(", ")
            )
        );
    }
    s
}
