//! `egov trust …`: the six network-trust ("tín nhiệm mạng") criteria of NĐ 137/2024 Đ21
//! (TRUST-01…04) from evidence files, and the self-declaration (Đ21.3).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use egov_core::VnDateTime;
use egov_trust::{
    parse_security_txt, AnchorsInput, Assessment, BlocklistInput, EvaluationRequest, Lang,
    PageInput, PreparedEvaluation, SecurityTxtInput, Severity, TlsInput,
};

use crate::schema_types::to_json;
use crate::schema_types::trust::CheckOutput;

use crate::commands::{finding_message, outcome_word};
use crate::i18n::t;
use crate::output::CmdResult;

/// `egov trust` subcommands.
#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Evaluate the six criteria of Đ21.2 from evidence files (exit 0 only when all six pass).
    Check(EvidenceArgs),
    /// Write the self-declaration (Đ21.3): Markdown (default) or JSON with --json.
    Declare {
        #[command(flatten)]
        evidence: EvidenceArgs,
    },
    /// Validate a security.txt file (RFC 9116) with codes and line numbers.
    SecurityTxt {
        /// The file.
        file: PathBuf,
        /// Evaluation time (ISO 8601); default now.
        #[arg(long)]
        now: Option<String>,
        /// The URI it was fetched from (compared with Canonical).
        #[arg(long)]
        url: Option<String>,
    },
    /// Probe a live site over TLS and evaluate what it serves (needs the `probe` feature).
    #[cfg(feature = "probe")]
    Probe {
        /// https:// URL of the site.
        url: String,
        #[command(flatten)]
        evidence: EvidenceArgs,
    },
}

/// Evidence files and evaluation settings shared by `check`, `declare` and `probe`.
#[derive(Debug, Args, Default)]
pub struct EvidenceArgs {
    /// Certificate chain (PEM or DER), leaf first.
    #[arg(long)]
    cert: Option<PathBuf>,
    /// Host name of the site.
    #[arg(long)]
    host: Option<String>,
    /// Negotiated TLS version (TLSv1.3, TLSv1.2, …).
    #[arg(long)]
    tls_version: Option<String>,
    /// Negotiated cipher suite (IANA name).
    #[arg(long)]
    cipher: Option<String>,
    /// Page HTML.
    #[arg(long)]
    page: Option<PathBuf>,
    /// URL of the page (default https://HOST/).
    #[arg(long)]
    page_url: Option<String>,
    /// security.txt file.
    #[arg(long)]
    security_txt: Option<PathBuf>,
    /// The URI the --security-txt file was fetched from (RFC 9116 §3: it is judged for that
    /// host; compared with its Canonical fields, §2.5.2). Default: judged for --host.
    #[arg(long, requires = "security_txt")]
    security_txt_url: Option<String>,
    /// Advisory blocklist snapshot (one domain, address or CIDR range a line).
    #[arg(long)]
    blocklist: Option<PathBuf>,
    /// Source of the blocklist (default: the file name).
    #[arg(long)]
    blocklist_source: Option<String>,
    /// When the blocklist was fetched (ISO 8601).
    #[arg(long)]
    blocklist_fetched_at: Option<String>,
    /// Server address (repeatable).
    #[arg(long = "addr")]
    addresses: Vec<IpAddr>,
    /// Evidence JSON in the bindings' request form (egov_trust::request): typically system,
    /// security_level, consent, malware_scan, contacts, addresses, gov_names; the other flags
    /// fill in or override its keys.
    #[arg(long)]
    attest: Option<PathBuf>,
    /// Trust anchors (PEM/DER roots) instead of the built-in Mozilla roots.
    #[arg(long)]
    anchors: Option<PathBuf>,
    /// With --anchors: keep the built-in roots too.
    #[arg(long)]
    with_builtin_roots: bool,
    /// TLS policy file (TOML or JSON); default: the built-in policy. Its
    /// [max_attestation_age] table sets the attestation age limits.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// a) Maximum age of the security-level approval, in days (default 1826, five years; the
    /// law sets none). Overrides the policy's.
    #[arg(long, value_name = "DAYS")]
    max_security_level_age_days: Option<u32>,
    /// đ) Maximum age of the malware-scan attestation, in days (default 30; the law sets none).
    /// Overrides the policy's.
    #[arg(long, value_name = "DAYS")]
    max_scan_age_days: Option<u32>,
    /// Evaluation time (ISO 8601 with offset, or local Vietnam time); default now.
    #[arg(long)]
    now: Option<String>,
}

fn err(code: &str, message: impl Into<String>) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message: message.into(),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| {
        err(
            "io.read",
            t!(
                "trust-cannot-read",
                path = path.display().to_string(),
                detail = crate::files::io_detail(&e)
            ),
        )
    })
}

fn read_text(path: &Path) -> Result<String, CmdResult> {
    String::from_utf8(read(path)?).map_err(|_| {
        err(
            "io.utf8",
            t!("trust-not-utf8", path = path.display().to_string()),
        )
    })
}

fn time(s: Option<&str>) -> Result<VnDateTime, CmdResult> {
    match s {
        Some(s) => crate::input::time(s, "--now"),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
            VnDateTime::from_unix_seconds(secs).map_err(|e| CmdResult::error(&e))
        }
    }
}

/// Reads the evidence files into the request form the bindings take too (`--attest` is that
/// JSON; the other flags fill or extend it), then loads it.
fn load(a: &EvidenceArgs) -> Result<PreparedEvaluation, CmdResult> {
    let mut req: EvaluationRequest = match &a.attest {
        Some(p) if crate::input::is_toml(p) => {
            crate::input::toml_doc(&read_text(p)?, p, "trust.attest_toml")?
        }
        Some(p) => serde_json::from_str(&read_text(p)?).map_err(|e| {
            CmdResult::not_parsed("trust.attest_json", p.display(), ["JSON", "JSON"], e)
        })?,
        None => EvaluationRequest::default(),
    };
    if a.now.is_some() || req.now.is_none() {
        req.now = Some(time(a.now.as_deref())?);
    }
    if let Some(p) = &a.policy {
        req.policy = Some(serde_json::Value::String(read_text(p)?));
    }
    if let Some(p) = &a.anchors {
        req.anchors = Some(AnchorsInput {
            roots: read(p)?,
            with_builtin: a.with_builtin_roots,
        });
    }
    if let Some(p) = &a.blocklist {
        let fetched_at = match &a.blocklist_fetched_at {
            Some(t) => Some(time(Some(t))?),
            None => None,
        };
        req.blocklist = Some(BlocklistInput {
            source: a
                .blocklist_source
                .clone()
                .unwrap_or_else(|| p.display().to_string()),
            fetched_at,
            entries: read_text(p)?,
        });
    }
    if a.host.is_some() {
        req.host.clone_from(&a.host);
    }
    if let Some(p) = &a.cert {
        req.tls = Some(TlsInput {
            chain: read(p)?,
            version: a.tls_version.clone(),
            cipher_suite: a.cipher.clone(),
        });
    }
    if let Some(p) = &a.page {
        req.page = Some(PageInput {
            url: a.page_url.clone(),
            html: read(p)?,
        });
    }
    if let Some(p) = &a.security_txt {
        req.security_txt = Some(SecurityTxtInput {
            content: read(p)?,
            fetched_from: a.security_txt_url.clone(),
        });
    }
    if a.max_security_level_age_days.is_some() || a.max_scan_age_days.is_some() {
        let ages = req.max_attestation_age.get_or_insert_with(Default::default);
        if a.max_security_level_age_days.is_some() {
            ages.security_level_days = a.max_security_level_age_days;
        }
        if a.max_scan_age_days.is_some() {
            ages.malware_scan_days = a.max_scan_age_days;
        }
    }
    req.addresses.extend(a.addresses.iter().copied());
    req.prepare().map_err(|e| CmdResult::error(&e))
}

/// The assessment's answer (TRUST-03, NĐ 137/2024 Đ21.2), with the certification code's
/// findings (TRUST-01, Đ21.1) when the evidence gave a code: a line per finding, a
/// `certification` key in the JSON. Valid only when all six criteria pass and no certification
/// finding fails.
fn assessment_result(a: Assessment, certification: Option<Vec<egov_core::Finding>>) -> CmdResult {
    let mut human = t!(
        "trust-assessment",
        at = match crate::i18n::lang() {
            crate::i18n::Lang::Vi => egov_core::i18n::datetime_vi(a.evaluated_at),
            crate::i18n::Lang::En => a.evaluated_at.to_string(),
        },
        verdict = if a.meets_criteria {
            t!("trust-meets-all")
        } else {
            t!("trust-does-not-meet", outcome = outcome_word(a.outcome))
        },
    );
    for v in &a.verdicts {
        human.push_str(&format!(
            "\n{}) {} — {}",
            v.criterion.letter(),
            crate::i18n::lang().pick(v.criterion.title_vi(), v.criterion.title()),
            outcome_word(v.outcome)
        ));
        for f in &v.findings {
            human.push_str(&format!(
                "\n  [{}] {}",
                outcome_word(f.outcome),
                finding_message(f)
            ));
        }
    }
    let mut valid = a.meets_criteria;
    if let Some(findings) = &certification {
        human.push('\n');
        human.push_str(&t!("trust-certification"));
        for f in findings {
            human.push_str(&format!(
                "\n  [{}] {}",
                outcome_word(f.outcome),
                finding_message(f)
            ));
        }
        valid &= !findings
            .iter()
            .any(|f| f.outcome == egov_core::Outcome::Fail);
    }
    let json = match to_json(&CheckOutput {
        assessment: a,
        certification,
    }) {
        Ok(j) => j,
        Err(e) => return e,
    };
    if valid {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    }
}

fn declare(loaded: &PreparedEvaluation, lang: Lang) -> CmdResult {
    let d = loaded.declare();
    CmdResult::Valid {
        human: d.to_markdown(lang),
        json: match to_json(&d) {
            Ok(j) => j,
            Err(e) => return e,
        },
    }
}

fn security_txt(file: &Path, now: Option<&str>, url: Option<&str>) -> CmdResult {
    let bytes = match read(file) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let now = match time(now) {
        Ok(t) => t,
        Err(e) => return e,
    };
    let st = parse_security_txt(&bytes, now, url);
    let mut human = t!(
        "trust-security-txt",
        path = file.display().to_string(),
        contacts = st.contacts.len(),
        verdict = if st.is_valid() {
            t!("trust-security-txt-valid")
        } else {
            t!("trust-security-txt-invalid")
        },
    );
    for p in &st.problems {
        let line = p
            .line
            .map_or_else(String::new, |l| t!("trust-line", line = l));
        human.push_str(&format!(
            "\n  {line}{} {} — {}",
            severity_word(p.severity),
            p.code,
            problem_message(p)
        ));
    }
    let json = match to_json(&st) {
        Ok(j) => j,
        Err(e) => return e,
    };
    if st.is_valid() {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    }
}

/// A security.txt problem's severity in the run's language.
fn severity_word(s: Severity) -> String {
    match s {
        Severity::Error => t!("trust-severity-error"),
        Severity::Warning => t!("trust-severity-warning"),
        Severity::Notice => t!("trust-severity-notice"),
    }
}

/// A security.txt problem in the run's language (CORE-06): the library's detail, which names
/// the value at fault and, in Vietnamese, the RFC 9116 section it breaks.
fn problem_message(p: &egov_trust::Problem) -> String {
    match crate::i18n::lang() {
        Lang::En => p.message.clone(),
        Lang::Vi => p.message_vi.clone(),
    }
}

#[cfg(feature = "probe")]
fn probe(url: &str, args: &EvidenceArgs) -> CmdResult {
    let mut loaded = match load(args) {
        Ok(l) => l,
        Err(e) => return e,
    };
    let options = egov_trust::probe::ProbeOptions::default();
    let probed = match egov_trust::probe::probe(url, &options) {
        Ok(p) => p,
        Err(e) => return CmdResult::error(&e),
    };
    probed.merge_into(&mut loaded.evidence);
    assessment_result(loaded.assess(), None)
}

/// Runs an `egov trust` subcommand.
pub fn run(cmd: TrustCommand) -> CmdResult {
    match cmd {
        TrustCommand::Check(a) => match load(&a) {
            Ok(l) => {
                let a = l.assess();
                let certification = l.certification(Some(&a));
                assessment_result(a, certification)
            }
            Err(e) => e,
        },
        TrustCommand::Declare { evidence } => match load(&evidence) {
            Ok(l) => declare(&l, crate::i18n::lang()),
            Err(e) => e,
        },
        TrustCommand::SecurityTxt { file, now, url } => {
            security_txt(&file, now.as_deref(), url.as_deref())
        }
        #[cfg(feature = "probe")]
        TrustCommand::Probe { url, evidence } => probe(&url, &evidence),
    }
}
