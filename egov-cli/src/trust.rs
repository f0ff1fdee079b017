//! `egov trust …`: the six network-trust ("tín nhiệm mạng") criteria of NĐ 137/2024 Đ21
//! (TRUST-01…04) from evidence files, and the self-declaration (Đ21.3).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use egov_core::VnDateTime;
use egov_trust::{
    evaluate_site, load_anchors, load_chain, parse_security_txt, Anchors, Assessment, Attestation,
    BlocklistSnapshot, ConsentCommitment, ContactEvidence, Context, Declaration, Lang, Page,
    SecurityLevelAttestation, SiteEvidence, SystemInfo, TlsEvidence, TlsPolicy,
};
use serde::Deserialize;
use serde_json::json;

use crate::commands::outcome_label;
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
        /// Language of the Markdown: vi or en.
        #[arg(long, default_value = "vi")]
        lang: String,
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
    /// Attestations JSON: security_level, consent, malware_scan, contacts, system, addresses,
    /// gov_names.
    #[arg(long)]
    attest: Option<PathBuf>,
    /// Trust anchors (PEM/DER roots) instead of the built-in Mozilla roots.
    #[arg(long)]
    anchors: Option<PathBuf>,
    /// With --anchors: keep the built-in roots too.
    #[arg(long)]
    with_builtin_roots: bool,
    /// TLS policy file (TOML or JSON); default: the built-in policy.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// Evaluation time (ISO 8601 with offset, or local Vietnam time); default now.
    #[arg(long)]
    now: Option<String>,
}

/// The `--attest` file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttestFile {
    #[serde(default)]
    system: Option<SystemInfo>,
    #[serde(default)]
    security_level: Option<SecurityLevelAttestation>,
    #[serde(default)]
    consent: Option<ConsentCommitment>,
    #[serde(default)]
    malware_scan: Option<Attestation>,
    #[serde(default)]
    contacts: Vec<ContactEvidence>,
    #[serde(default)]
    addresses: Vec<IpAddr>,
    #[serde(default)]
    gov_names: Vec<String>,
}

fn err(code: &str, message: impl Into<String>) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message: message.into(),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| err("io.read", format!("cannot read {}: {e}", path.display())))
}

fn read_text(path: &Path) -> Result<String, CmdResult> {
    String::from_utf8(read(path)?)
        .map_err(|_| err("io.utf8", format!("{} is not UTF-8", path.display())))
}

fn time(s: Option<&str>) -> Result<VnDateTime, CmdResult> {
    match s {
        Some(s) => VnDateTime::parse_local(s).map_err(|e| CmdResult::error(&e)),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
            VnDateTime::from_unix_seconds(secs).map_err(|e| CmdResult::error(&e))
        }
    }
}

/// Everything `evaluate_site` needs, owned.
struct Loaded {
    evidence: SiteEvidence,
    anchors: Anchors,
    policy: TlsPolicy,
    blocklist: Option<BlocklistSnapshot>,
    now: VnDateTime,
}

impl Loaded {
    fn assess(&self) -> Assessment {
        evaluate_site(
            &self.evidence,
            &Context {
                now: self.now,
                anchors: &self.anchors,
                policy: &self.policy,
                blocklist: self.blocklist.as_ref(),
            },
        )
    }

    fn anchors_desc(&self) -> String {
        match &self.anchors {
            Anchors::BuiltIn => "webpki-roots (Mozilla)".to_owned(),
            Anchors::Custom(v) => format!("{} roots from --anchors", v.len()),
            Anchors::BuiltInAnd(v) => {
                format!("webpki-roots (Mozilla) + {} roots from --anchors", v.len())
            }
        }
    }
}

fn load(a: &EvidenceArgs) -> Result<Loaded, CmdResult> {
    let now = time(a.now.as_deref())?;
    let attest: AttestFile = match &a.attest {
        Some(p) => serde_json::from_str(&read_text(p)?)
            .map_err(|e| err("trust.attest_json", format!("{}: {e}", p.display())))?,
        None => AttestFile::default(),
    };
    let policy = match &a.policy {
        Some(p) => TlsPolicy::from_text(&read_text(p)?).map_err(|e| CmdResult::error(&e))?,
        None => TlsPolicy::default(),
    };
    let anchors = match &a.anchors {
        Some(p) => {
            let roots = load_anchors(&read(p)?).map_err(|e| CmdResult::error(&e))?;
            if a.with_builtin_roots {
                Anchors::BuiltInAnd(roots)
            } else {
                Anchors::Custom(roots)
            }
        }
        None => Anchors::BuiltIn,
    };
    let blocklist = match &a.blocklist {
        Some(p) => {
            let fetched = match &a.blocklist_fetched_at {
                Some(t) => Some(time(Some(t))?),
                None => None,
            };
            let source = a
                .blocklist_source
                .clone()
                .unwrap_or_else(|| p.display().to_string());
            Some(BlocklistSnapshot::parse(source, fetched, &read_text(p)?))
        }
        None => None,
    };
    let host = a.host.clone();
    let tls = match &a.cert {
        Some(p) => Some(TlsEvidence {
            chain: load_chain(&read(p)?).map_err(|e| CmdResult::error(&e))?,
            host: host.clone().unwrap_or_default(),
            version: a.tls_version.clone(),
            cipher_suite: a.cipher.clone(),
        }),
        None => None,
    };
    let page = match &a.page {
        Some(p) => {
            let raw = a
                .page_url
                .clone()
                .or_else(|| host.as_ref().map(|h| format!("https://{h}/")))
                .unwrap_or_else(|| "https://localhost/".to_owned());
            let url =
                url::Url::parse(&raw).map_err(|e| err("trust.page_url", format!("{raw}: {e}")))?;
            Some(Page {
                url,
                html: read(p)?,
            })
        }
        None => None,
    };
    let security_txt = match &a.security_txt {
        Some(p) => Some((read(p)?, None)),
        None => None,
    };
    let mut addresses = a.addresses.clone();
    addresses.extend(attest.addresses);
    let mut system = attest.system.unwrap_or_default();
    if system.url.is_empty() {
        if let Some(h) = &host {
            system.url = format!("https://{h}/");
        }
    }
    Ok(Loaded {
        evidence: SiteEvidence {
            system,
            host,
            addresses,
            security_level: attest.security_level,
            consent: attest.consent,
            tls,
            page,
            malware_scan: attest.malware_scan,
            gov_names: attest.gov_names,
            security_txt,
            contacts: attest.contacts,
        },
        anchors,
        policy,
        blocklist,
        now,
    })
}

fn assessment_result(a: &Assessment) -> CmdResult {
    let mut human = format!(
        "Network trust (NĐ 137/2024 Đ21) at {}: {}",
        a.evaluated_at,
        if a.meets_criteria {
            "meets all six criteria".to_owned()
        } else {
            format!("does not meet the criteria ({})", outcome_label(a.outcome))
        }
    );
    for v in &a.verdicts {
        human.push_str(&format!(
            "\n{}) {} — {}",
            v.criterion.letter(),
            v.criterion.title(),
            outcome_label(v.outcome)
        ));
        for f in &v.findings {
            human.push_str(&format!("\n  [{}] {}", outcome_label(f.outcome), f.message));
        }
    }
    let json = serde_json::to_value(a).unwrap_or_else(|e| json!({ "error": e.to_string() }));
    if a.meets_criteria {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    }
}

fn declare(loaded: &Loaded, lang: &str) -> CmdResult {
    let lang = match lang {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        other => {
            return err(
                "trust.lang",
                format!("--lang must be vi or en, not {other:?}"),
            )
        }
    };
    let a = loaded.assess();
    let d = Declaration::new(
        loaded.evidence.system.clone(),
        &a,
        &loaded.policy,
        &loaded.anchors_desc(),
        loaded.blocklist.as_ref(),
    );
    CmdResult::Valid {
        human: d.to_markdown(lang),
        json: serde_json::to_value(&d).unwrap_or_else(|e| json!({ "error": e.to_string() })),
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
    let mut human = format!(
        "security.txt {}: {} contact(s), {}",
        file.display(),
        st.contacts.len(),
        if st.is_valid() {
            "valid (RFC 9116)"
        } else {
            "INVALID (RFC 9116)"
        }
    );
    for p in &st.problems {
        let line = p.line.map_or_else(String::new, |l| format!("line {l}: "));
        human.push_str(&format!(
            "\n  {line}{:?} {} — {}",
            p.severity, p.code, p.message
        ));
    }
    let json = serde_json::to_value(&st).unwrap_or_else(|e| json!({ "error": e.to_string() }));
    if st.is_valid() {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
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
    assessment_result(&loaded.assess())
}

/// Runs an `egov trust` subcommand.
pub fn run(cmd: TrustCommand) -> CmdResult {
    match cmd {
        TrustCommand::Check(a) => match load(&a) {
            Ok(l) => assessment_result(&l.assess()),
            Err(e) => e,
        },
        TrustCommand::Declare { evidence, lang } => match load(&evidence) {
            Ok(l) => declare(&l, &lang),
            Err(e) => e,
        },
        TrustCommand::SecurityTxt { file, now, url } => {
            security_txt(&file, now.as_deref(), url.as_deref())
        }
        #[cfg(feature = "probe")]
        TrustCommand::Probe { url, evidence } => probe(&url, &evidence),
    }
}
