//! `egov trustlist …`: signed trust lists of conversion-mark keys (issue 14, format
//! `egov-trust-list/1`), as glue over `egov_conversion::trustlist`. No rule lives here: the
//! format, the issue/co-sign workflow and the verification semantics are the library's.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use egov_conversion::trustlist::{
    verify_lists, Holder, KeyStatus, ListEntry, ListVerification, Role, SignedTrustList, TrustList,
    Voucher,
};
use egov_conversion::{KeyFile, PublicKey};
use egov_core::{ErrorCode, Finding, VnDateTime};

use crate::commands::{outcome_word, prose_time};
use crate::files::AtomicFile;
use crate::i18n::t;
use crate::mark::{coded, load_key, now, read};
use crate::output::CmdResult;
use crate::schema_types::to_json;

/// `egov trustlist` subcommands.
#[derive(Debug, Subcommand)]
pub enum TrustListCommand {
    /// Start a new, empty list of a list operator (a ministry, a province).
    New {
        /// The operator's full name.
        #[arg(long)]
        issuer: String,
        /// The operator's agency code (mã định danh).
        #[arg(long)]
        issuer_code: Option<String>,
        /// Where to write the list.
        #[arg(short = 'o', long)]
        out: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Add a key (from a key file, an entry file written by `egov keygen --entry-out`, or a
    /// public key with its holder). The list's signatures are dropped: sign it again.
    Add(AddArgs),
    /// Retire a key: what it signed up to --at stays trusted. Signatures dropped.
    Retire {
        /// The list file.
        list: PathBuf,
        /// The key's id (16 hex digits).
        #[arg(long)]
        key_id: String,
        /// When (default now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Revoke a key for compromise: nothing it signed stays trusted, whatever date a mark
    /// claims. Signatures dropped.
    Revoke {
        /// The list file.
        list: PathBuf,
        /// The key's id (16 hex digits).
        #[arg(long)]
        key_id: String,
        /// Why (shown to verifiers).
        #[arg(long)]
        reason: String,
        /// When the compromise was declared (default now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Sign the list with an operator key: an unsigned list is issued (issue time --at, next
    /// update after --valid-days, sequence + 1); an issued list is co-signed as it is.
    Sign {
        /// The list file.
        list: PathBuf,
        /// The operator's key file (`egov keygen`).
        #[arg(long)]
        key: PathBuf,
        /// Issue time (default now).
        #[arg(long)]
        at: Option<String>,
        /// Days until the next list is due (default 30).
        #[arg(long, default_value_t = 30)]
        valid_days: u32,
    },
    /// Show a list: issuer, sequence, dates, keys with their status, signatures.
    Show {
        /// The list file.
        list: PathBuf,
    },
    /// Verify lists against the operator keys you pin (chains through list operators): exit 0
    /// when every list is accepted and fresh.
    Verify {
        /// The list files (any order).
        #[arg(required = true)]
        lists: Vec<PathBuf>,
        /// A pinned operator key: 64 hex digits or a key file (repeatable).
        #[arg(long, required = true)]
        pin: Vec<String>,
        /// The time to judge at (default now).
        #[arg(long)]
        at: Option<String>,
    },
}

/// What a listed key may sign.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// Signs conversion marks.
    MarkSigner,
    /// Signs trust lists (a province operator named in a national list).
    ListOperator,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::MarkSigner => Role::MarkSigner,
            RoleArg::ListOperator => Role::ListOperator,
        }
    }
}

/// `egov trustlist add` arguments.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The list file.
    list: PathBuf,
    /// A key file (`egov keygen`): its public key, its label as the holder.
    #[arg(long, conflicts_with_all = ["entry", "public_key"])]
    key: Option<PathBuf>,
    /// An entry file written by `egov keygen --entry-out`.
    #[arg(long, conflicts_with = "public_key")]
    entry: Option<PathBuf>,
    /// A public key (64 hex digits), with --holder.
    #[arg(long, requires = "holder")]
    public_key: Option<String>,
    /// Who holds the key (default: the key file's label).
    #[arg(long)]
    holder: Option<String>,
    /// The holder's agency code.
    #[arg(long)]
    agency_code: Option<String>,
    /// What the key signs.
    #[arg(long, value_enum, default_value = "mark-signer")]
    role: RoleArg,
    /// Start of the key's signing period (default now).
    #[arg(long)]
    from: Option<String>,
    /// End of the key's signing period.
    #[arg(long)]
    until: Option<String>,
}

/// Runs a trustlist subcommand.
pub fn run(cmd: TrustListCommand) -> CmdResult {
    let r = match cmd {
        TrustListCommand::New {
            issuer,
            issuer_code,
            out,
            force,
        } => new_cmd(&issuer, issuer_code.as_deref(), &out, force),
        TrustListCommand::Add(a) => add_cmd(&a),
        TrustListCommand::Retire { list, key_id, at } => edit(
            &list,
            |l, at| {
                l.retire(&key_id, at)
                    .map(|()| t!("trustlist-retired", key_id = &key_id, at = prose_time(at)))
            },
            at.as_deref(),
        ),
        TrustListCommand::Revoke {
            list,
            key_id,
            reason,
            at,
        } => edit(
            &list,
            |l, at| {
                l.revoke(&key_id, at, &reason).map(|()| {
                    t!(
                        "trustlist-revoked",
                        key_id = &key_id,
                        at = prose_time(at),
                        reason = &reason
                    )
                })
            },
            at.as_deref(),
        ),
        TrustListCommand::Sign {
            list,
            key,
            at,
            valid_days,
        } => sign_cmd(&list, &key, at.as_deref(), valid_days),
        TrustListCommand::Show { list } => show_cmd(&list),
        TrustListCommand::Verify { lists, pin, at } => verify_cmd(&lists, &pin, at.as_deref()),
    };
    r.unwrap_or_else(|e| e)
}

/// A time option (`what`: `--at`, `--from`) or now.
fn time(at: Option<&str>, what: &str) -> Result<VnDateTime, CmdResult> {
    match at {
        Some(s) => crate::input::time(s, what),
        None => now(),
    }
}

/// Reads a list file (format rules checked, signatures not).
pub(crate) fn read_list(path: &Path) -> Result<SignedTrustList, CmdResult> {
    let text = String::from_utf8_lossy(&read(path)?).into_owned();
    SignedTrustList::from_json(&text).map_err(|e| CmdResult::error_at(path.display(), &e))
}

fn write_list(path: &Path, list: &SignedTrustList, force: bool) -> Result<(), CmdResult> {
    let mut text = list.to_json();
    text.push('\n');
    AtomicFile::create(path, force)?.finish_with(text.as_bytes())
}

fn new_cmd(
    issuer: &str,
    code: Option<&str>,
    out: &Path,
    force: bool,
) -> Result<CmdResult, CmdResult> {
    let t = now()?;
    let next = t
        .checked_add(chrono::TimeDelta::days(30))
        .ok_or_else(|| coded_msg("time.invalid", t!("trustlist-now-plus-30")))?;
    let list = SignedTrustList::unsigned(TrustList::new(Holder::new(issuer, code), t, next));
    list.list.validate().map_err(coded)?;
    write_list(out, &list, force)?;
    Ok(CmdResult::Valid {
        human: t!(
            "trustlist-new",
            issuer = list.list.issuer.display(),
            path = out.display().to_string()
        ),
        json: to_json(&list)?,
    })
}

fn coded_msg(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

fn add_cmd(a: &AddArgs) -> Result<CmdResult, CmdResult> {
    let mut list = read_list(&a.list)?;
    let from = time(a.from.as_deref(), "--from")?;
    let until = a
        .until
        .as_deref()
        .map(|u| crate::input::time(u, "--until"))
        .transpose()?;
    let entry = match (&a.key, &a.entry, &a.public_key) {
        (Some(k), _, _) => {
            let text = String::from_utf8_lossy(&read(k)?).into_owned();
            let file =
                KeyFile::from_json(&text).map_err(|e| CmdResult::error_at(k.display(), &e))?;
            let public = egov_conversion::trustlist::parse_public_key(&file.public_key)
                .ok_or_else(|| coded_msg("key.invalid", t!("keygen-bad-public-key")))?;
            let holder = a.holder.clone().unwrap_or(file.label);
            ListEntry::new(
                public,
                a.role.into(),
                Holder::new(&holder, a.agency_code.as_deref()),
                from,
                until,
            )
        }
        (None, Some(e), _) => {
            let text = String::from_utf8_lossy(&read(e)?).into_owned();
            let mut entry: ListEntry =
                serde_json::from_str(&text).map_err(|err| CmdResult::Error {
                    code: "trust_list.parse".into(),
                    message: t!(
                        "trustlist-not-entry",
                        path = e.display().to_string(),
                        line = err.line(),
                        column = err.column()
                    ),
                })?;
            if a.from.is_some() {
                entry.valid_from = from;
            }
            if until.is_some() {
                entry.valid_until = until;
            }
            entry
        }
        (None, None, Some(pk)) => {
            let public: PublicKey = egov_conversion::trustlist::parse_public_key(pk)
                .ok_or_else(|| coded_msg("key.invalid", t!("trustlist-public-key-hex")))?;
            let holder = a.holder.clone().unwrap_or_default();
            ListEntry::new(
                public,
                a.role.into(),
                Holder::new(&holder, a.agency_code.as_deref()),
                from,
                until,
            )
        }
        (None, None, None) => return Err(coded_msg("usage", t!("trustlist-usage-add"))),
    };
    let id = entry.key_id.clone();
    let holder = entry.holder.display();
    let was_signed = !list.signatures.is_empty();
    list.edit().add(entry).map_err(coded)?;
    list.list.validate().map_err(coded)?;
    write_list(&a.list, &list, true)?;
    Ok(CmdResult::Valid {
        human: format!(
            "{}\n{}",
            t!("trustlist-added", key_id = id, holder = holder),
            sign_next(was_signed)
        ),
        json: to_json(&list)?,
    })
}

/// What to do after an edit: sign the list again (its signatures were dropped), or sign it
/// for the first time (it had none).
fn sign_next(was_signed: bool) -> String {
    if was_signed {
        t!("trustlist-resign")
    } else {
        t!("trustlist-sign-first")
    }
}

fn edit(
    path: &Path,
    change: impl FnOnce(
        &mut TrustList,
        VnDateTime,
    ) -> Result<String, egov_conversion::trustlist::TrustListError>,
    at: Option<&str>,
) -> Result<CmdResult, CmdResult> {
    let mut list = read_list(path)?;
    let at = time(at, "--at")?;
    let was_signed = !list.signatures.is_empty();
    let said = change(list.edit(), at).map_err(coded)?;
    list.list.validate().map_err(coded)?;
    write_list(path, &list, true)?;
    Ok(CmdResult::Valid {
        human: format!("{said}\n{}", sign_next(was_signed)),
        json: to_json(&list)?,
    })
}

fn sign_cmd(
    path: &Path,
    key: &Path,
    at: Option<&str>,
    valid_days: u32,
) -> Result<CmdResult, CmdResult> {
    let mut list = read_list(path)?;
    let signing = load_key(key)?;
    let human = if list.signatures.is_empty() {
        let t = time(at, "--at")?;
        let next = t
            .checked_add(chrono::TimeDelta::days(i64::from(valid_days.max(1))))
            .ok_or_else(|| coded_msg("time.invalid", t!("trustlist-valid-days")))?;
        list.issue(&signing, t, next).map_err(coded)?;
        t!(
            "trustlist-issued",
            sequence = list.list.sequence,
            next = prose_time(list.list.next_update)
        )
    } else {
        // Co-signing: this key signs the list as it is, next to the others.
        list.sign(&signing).map_err(coded)?;
        t!(
            "trustlist-cosigned",
            sequence = list.list.sequence,
            signatures = list.signatures.len()
        )
    };
    write_list(path, &list, true)?;
    Ok(CmdResult::Valid {
        human,
        json: to_json(&list)?,
    })
}

fn status_text(s: &KeyStatus) -> String {
    match s {
        KeyStatus::Active => t!("trustlist-key-active"),
        KeyStatus::Retired { at } => t!("trustlist-key-retired", at = prose_time(*at)),
        KeyStatus::Revoked { at, reason } => {
            t!(
                "trustlist-key-revoked",
                at = prose_time(*at),
                reason = reason
            )
        }
    }
}

fn role_text(r: Role) -> String {
    match r {
        Role::MarkSigner => t!("trustlist-role-mark-signer"),
        Role::ListOperator => t!("trustlist-role-list-operator"),
    }
}

fn show_cmd(path: &Path) -> Result<CmdResult, CmdResult> {
    let s = read_list(path)?;
    let l = &s.list;
    let mut h = t!(
        "trustlist-show",
        format = l.format.to_string(),
        issuer = l.issuer.display(),
        sequence = l.sequence,
        issued = prose_time(l.issued_at),
        next = prose_time(l.next_update),
        keys = l.entries.len()
    );
    h.push('\n');
    for e in &l.entries {
        let period = match e.valid_until {
            Some(u) => t!(
                "trustlist-period-until",
                from = prose_time(e.valid_from),
                until = prose_time(u)
            ),
            None => t!("trustlist-period", from = prose_time(e.valid_from)),
        };
        h.push_str(&format!(
            "  {}  {}\n      {}; {period}; {}\n",
            e.key_id,
            e.holder.display(),
            role_text(e.role),
            status_text(&e.status)
        ));
    }
    if s.signatures.is_empty() {
        h.push_str(&t!("trustlist-unsigned"));
    } else {
        let ids: Vec<&str> = s.signatures.iter().map(|x| x.key_id.as_str()).collect();
        h.push_str(&t!("trustlist-signatures", ids = ids.join(", ")));
    }
    h.push('\n');
    Ok(CmdResult::Valid {
        human: h.trim_end().to_owned(),
        json: to_json(&s)?,
    })
}

/// Parses `--pin`: 64 hex digits, or a key file (its public key).
pub(crate) fn pins(specs: &[String]) -> Result<Vec<PublicKey>, CmdResult> {
    specs
        .iter()
        .map(|p| {
            if let Some(k) = egov_conversion::trustlist::parse_public_key(p) {
                return Ok(k);
            }
            let path = Path::new(p);
            let text = String::from_utf8_lossy(&read(path)?).into_owned();
            let file = KeyFile::from_json(&text).map_err(|e| CmdResult::Error {
                code: e.code().to_owned(),
                message: t!("trustlist-bad-pin", pin = p),
            })?;
            egov_conversion::trustlist::parse_public_key(&file.public_key)
                .ok_or_else(|| coded_msg("key.invalid", t!("keygen-bad-public-key")))
        })
        .collect()
}

/// Reads and verifies lists (for `trustlist verify` and `mark verify --trust-list`).
pub(crate) fn verified_lists(
    paths: &[PathBuf],
    pin_specs: &[String],
    at: Option<&str>,
) -> Result<ListVerification, CmdResult> {
    let lists = paths
        .iter()
        .map(|p| read_list(p))
        .collect::<Result<Vec<_>, _>>()?;
    let pins = pins(pin_specs)?;
    Ok(verify_lists(&lists, &pins, time(at, "--at")?))
}

/// `[ĐẠT] rule (basis): message` lines in the run's language.
pub(crate) fn findings_text(findings: &[Finding]) -> String {
    let mut s = String::new();
    let lang = crate::i18n::lang();
    for f in findings {
        let (basis, message) = match lang {
            crate::i18n::Lang::Vi => (f.basis.to_string_vi(), &f.message_vi),
            crate::i18n::Lang::En => (f.basis.to_string(), &f.message),
        };
        s.push_str(&format!(
            "[{}] {} ({basis}): {message}\n",
            outcome_word(f.outcome),
            f.rule
        ));
    }
    s
}

/// Who vouched for a list, in the run's language.
fn vouched_text(via: &Voucher) -> String {
    match via {
        Voucher::PinnedKey { key_id } => t!("trustlist-via-pin", key_id = key_id.as_str()),
        Voucher::ListOperator {
            operator,
            key_id,
            list_issuer,
        } => t!(
            "trustlist-via-operator",
            operator = format!("{operator} ({key_id})"),
            issuer = list_issuer.as_str()
        ),
        other => other.to_string(),
    }
}

/// The lists as judged, one line each.
pub(crate) fn lists_text(v: &ListVerification, paths: &[PathBuf]) -> String {
    let mut s = String::new();
    for (l, p) in v.lists.iter().zip(paths) {
        let state = match (l.accepted, l.stale) {
            (true, false) => t!("trustlist-accepted"),
            (true, true) => t!("trustlist-accepted-stale"),
            (false, _) => t!("trustlist-not-accepted"),
        };
        s.push_str(&format!(
            "{}: {} {} — {state}{}\n",
            p.display(),
            l.issuer.display(),
            t!("trustlist-number", sequence = l.sequence),
            l.voucher
                .as_ref()
                .map(|v| format!(" ({})", vouched_text(v)))
                .unwrap_or_default()
        ));
    }
    s
}

fn verify_cmd(paths: &[PathBuf], pin: &[String], at: Option<&str>) -> Result<CmdResult, CmdResult> {
    let v = verified_lists(paths, pin, at)?;
    let mut human = lists_text(&v, paths);
    human.push_str(&t!("trustlist-keys-vouched", count = v.keys.len()));
    human.push('\n');
    human.push_str(&findings_text(&v.findings));
    let human = human.trim_end().to_owned();
    let json = to_json(&v)?;
    Ok(if v.all_fresh() && v.lists.iter().all(|l| l.accepted) {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}
