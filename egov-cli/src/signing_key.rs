//! The signer's key named on the command line, for `egov pdf sign`, `egov edxml sign` and
//! `egov mark pdf from-scans`: a PKCS#12 file, a PKCS#8 PEM key with its certificate chain, or
//! a key on a PKCS#11 token (the USB tokens of the public CAs, HSMs), loaded through the
//! signers of egov-sign. Presentation only: no rule of law lives here.

use std::path::{Path, PathBuf};

use std::io::Write as _;
use std::process::{Command, Stdio};

use clap::{ArgGroup, Args, ValueEnum};
use egov_sign::pkcs11::{Pkcs11Config, Pkcs11Signer};
use egov_sign::{CallbackSigner, SignatureAlgorithm};
use egov_sign::{KeyError, KeyPairSigner};

use crate::i18n::t;
use crate::mark::read;
use crate::output::CmdResult;
use crate::schema_types::marks::KeyLocation;

/// Exactly one key source: --p12, --key with --cert, --pkcs11-module, or --signer-command
/// with --cert (`egov pdf sign`, `egov edxml sign`).
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("key_source")
        .required(true)
        .args(["p12", "key", "pkcs11_module", "signer_command"])
))]
pub struct KeyArgs {
    /// The signer's PKCS#8 private key (PEM), RSA or ECDSA P-256/P-384, with --cert.
    #[arg(long, value_name = "KEY.pem", requires = "cert")]
    key: Option<PathBuf>,
    #[command(flatten)]
    flags: KeyFlags,
}

/// The key-source flags every signing command shares, the PEM key's own flag aside (`--key`,
/// or `--agency-key` in `egov mark pdf from-scans`, where `--key` is the mark's key). The
/// command that flattens it names the PEM key flag and the `key_source` group.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("p12_password").args(["password_env", "password_file"])))]
pub struct KeyFlags {
    /// The signer's key and certificate chain in a PKCS#12 file (.p12/.pfx), with its password
    /// from --password-env or --password-file (never on the command line).
    #[arg(long, value_name = "FILE", requires = "p12_password")]
    p12: Option<PathBuf>,
    /// The environment variable holding the PKCS#12 password.
    #[arg(long, value_name = "VAR", requires = "p12")]
    password_env: Option<String>,
    /// A file holding the PKCS#12 password (one trailing line break is ignored).
    #[arg(long, value_name = "FILE", requires = "p12")]
    password_file: Option<PathBuf>,
    /// The signer's certificate, then any intermediates (PEM); with the PEM key or
    /// --signer-command, or with --pkcs11-module instead of the certificate stored on the token.
    #[arg(long, value_name = "CHAIN.pem", conflicts_with = "p12")]
    cert: Option<PathBuf>,
    /// The token vendor's PKCS#11 module (a USB token or HSM: the key never leaves it), with
    /// --pin-env.
    #[arg(long, value_name = "MODULE.so", requires = "pin_env")]
    pkcs11_module: Option<PathBuf>,
    /// The token's label (default: the only token present).
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    token: Option<String>,
    /// The token's slot id.
    #[arg(long, value_name = "N", requires = "pkcs11_module")]
    slot: Option<u64>,
    /// The private key's label on the token (default: the token's only key).
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    key_label: Option<String>,
    /// The private key's id on the token (CKA_ID), hexadecimal.
    #[arg(long, value_name = "HEX", requires = "pkcs11_module")]
    key_id: Option<String>,
    /// The environment variable holding the token's user PIN (empty for a PIN pad).
    #[arg(long, value_name = "VAR", requires = "pkcs11_module")]
    pin_env: Option<String>,
    /// A command that makes the private-key operation (a remote signing service's client, an
    /// HSM's tool): run with `sh -c`, the bytes to sign on its standard input, the signature on
    /// its standard output (RSA: PKCS#1 v1.5; ECDSA: raw r‖s or DER), with --cert; e.g.
    /// `openssl dgst -sha256 -sign key.pem`.
    #[arg(long, value_name = "COMMAND", requires = "cert")]
    signer_command: Option<String>,
    /// What --signer-command signs with (default rsa-sha256).
    #[arg(
        long,
        value_enum,
        value_name = "ALGORITHM",
        requires = "signer_command"
    )]
    signer_algorithm: Option<SignerAlgorithm>,
}

/// The signature algorithms a --signer-command may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignerAlgorithm {
    /// RSA PKCS#1 v1.5 with SHA-256.
    RsaSha256,
    /// RSA PKCS#1 v1.5 with SHA-384.
    RsaSha384,
    /// RSA PKCS#1 v1.5 with SHA-512.
    RsaSha512,
    /// ECDSA on P-256 with SHA-256.
    EcdsaP256Sha256,
    /// ECDSA on P-384 with SHA-384.
    EcdsaP384Sha384,
}

impl SignerAlgorithm {
    fn algorithm(self) -> SignatureAlgorithm {
        match self {
            SignerAlgorithm::RsaSha256 => SignatureAlgorithm::RsaSha256,
            SignerAlgorithm::RsaSha384 => SignatureAlgorithm::RsaSha384,
            SignerAlgorithm::RsaSha512 => SignatureAlgorithm::RsaSha512,
            SignerAlgorithm::EcdsaP256Sha256 => SignatureAlgorithm::EcdsaP256Sha256,
            SignerAlgorithm::EcdsaP384Sha384 => SignatureAlgorithm::EcdsaP384Sha384,
        }
    }
}

impl KeyArgs {
    /// Where the key is, as [`signer`] reads it.
    pub(crate) fn source(&self) -> KeySource<'_> {
        self.flags.source(self.key.as_deref(), "--key")
    }
}

impl KeyFlags {
    /// Where the key is, with the PEM key `key` given by `key_flag` (for messages).
    pub(crate) fn source<'a>(
        &'a self,
        key: Option<&'a Path>,
        key_flag: &'static str,
    ) -> KeySource<'a> {
        KeySource {
            p12: self.p12.as_deref(),
            password_env: self.password_env.as_deref(),
            password_file: self.password_file.as_deref(),
            key,
            key_flag,
            cert: self.cert.as_deref(),
            pkcs11_module: self.pkcs11_module.as_deref(),
            token: self.token.as_deref(),
            slot: self.slot,
            key_label: self.key_label.as_deref(),
            key_id: self.key_id.as_deref(),
            pin_env: self.pin_env.as_deref(),
            token_algorithm: None,
            signer_command: self.signer_command.as_deref(),
            signer_algorithm: self.signer_algorithm.map(SignerAlgorithm::algorithm),
        }
    }
}

/// Where the signer's key is: the PEM key flag and the [`KeyFlags`] of a signing command.
pub(crate) struct KeySource<'a> {
    /// PKCS#12 file.
    pub(crate) p12: Option<&'a Path>,
    /// The environment variable holding the PKCS#12 password.
    pub(crate) password_env: Option<&'a str>,
    /// A file holding the PKCS#12 password.
    pub(crate) password_file: Option<&'a Path>,
    /// PKCS#8 private key (PEM), with `cert`.
    pub(crate) key: Option<&'a Path>,
    /// The flag that gives `key` (`--key`, `--agency-key`), for messages.
    pub(crate) key_flag: &'static str,
    /// Certificate chain (PEM).
    pub(crate) cert: Option<&'a Path>,
    /// PKCS#11 module.
    pub(crate) pkcs11_module: Option<&'a Path>,
    /// Token label.
    pub(crate) token: Option<&'a str>,
    /// Slot id.
    pub(crate) slot: Option<u64>,
    /// Key label on the token.
    pub(crate) key_label: Option<&'a str>,
    /// Key id on the token, hexadecimal.
    pub(crate) key_id: Option<&'a str>,
    /// The environment variable holding the PIN.
    pub(crate) pin_env: Option<&'a str>,
    /// The algorithm a token's key signs with, when not its default (`egov edxml sign
    /// --legacy-rsa-sha1`; clap allows it only with `--pkcs11-module`).
    pub(crate) token_algorithm: Option<egov_sign::SignatureAlgorithm>,
    /// The command that signs (`--signer-command`), with `cert`.
    pub(crate) signer_command: Option<&'a str>,
    /// What it signs with (default RSA-SHA256).
    pub(crate) signer_algorithm: Option<SignatureAlgorithm>,
}

fn usage_error(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

/// A key or certificate that cannot be used: its stable code (`sign.key.pkcs12`, …), exit 1.
fn key_error(source: &str, e: &KeyError) -> CmdResult {
    CmdResult::error_at(source, e)
}

/// The value of an environment variable named on the command line (a password, a PIN).
fn secret_from_env(code: &str, flag: &str, var: &str) -> Result<String, CmdResult> {
    std::env::var(var).map_err(|e| {
        usage_error(
            code,
            t!(
                "pdf-sign-flag-var-the-environment-variable",
                flag = flag.to_string(),
                var = var.to_string(),
                e = e.to_string()
            ),
        )
    })
}

fn password(a: &KeySource<'_>) -> Result<String, CmdResult> {
    if let Some(var) = a.password_env {
        return secret_from_env("usage.password", "--password-env", var);
    }
    let Some(path) = a.password_file else {
        // clap requires one of them with --p12.
        return Ok(String::new());
    };
    let bytes = read(path)?;
    let mut text = String::from_utf8(bytes).map_err(|_| {
        usage_error(
            "usage.password",
            t!(
                "pdf-sign-v1-the-password-is-not",
                v1 = (path.display()).to_string()
            ),
        )
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let s: String = s.chars().filter(|c| *c != ':' && *c != ' ').collect();
    if s.is_empty() {
        return None;
    }
    hex::decode(s).ok()
}

/// PEM certificates (signer first) as DER.
fn pem_chain(path: &Path) -> Result<Vec<Vec<u8>>, CmdResult> {
    let pem = read(path)?;
    egov_sign::certificates_from_pem(&pem).map_err(|e| key_error(&path.display().to_string(), &e))
}

/// The signer the command line names, and how to describe where its key is.
pub(crate) fn signer(
    a: &KeySource<'_>,
) -> Result<(Box<dyn egov_sign::Signer>, KeyLocation), CmdResult> {
    if let (Some(command), Some(cert)) = (a.signer_command, a.cert) {
        let algorithm = a.signer_algorithm.unwrap_or(SignatureAlgorithm::RsaSha256);
        let pem = read(cert)?;
        let program = command.to_owned();
        let s = CallbackSigner::new(algorithm, &pem, move |data: &[u8]| {
            run_command(&program, data)
        })
        .map_err(|e| key_error(&cert.display().to_string(), &e))?;
        return Ok((
            Box::new(s),
            KeyLocation::Command {
                command: command.to_owned(),
                algorithm,
                cert: cert.to_path_buf(),
            },
        ));
    }
    if let Some(p12) = a.p12 {
        let password = password(a)?;
        let data = read(p12)?;
        let s = KeyPairSigner::from_pkcs12(&data, &password)
            .map_err(|e| key_error(&p12.display().to_string(), &e))?;
        return Ok((
            Box::new(s),
            KeyLocation::Pkcs12 {
                file: p12.to_path_buf(),
            },
        ));
    }
    if let (Some(key), Some(cert)) = (a.key, a.cert) {
        let key_pem = read(key)?;
        let cert_pem = read(cert)?;
        let s = KeyPairSigner::from_pem(&key_pem, &cert_pem)
            .map_err(|e| key_error(&format!("{}, {}", key.display(), cert.display()), &e))?;
        return Ok((
            Box::new(s),
            KeyLocation::Pem {
                key: key.to_path_buf(),
                cert: cert.to_path_buf(),
            },
        ));
    }
    let (Some(module), Some(pin_env)) = (a.pkcs11_module, a.pin_env) else {
        // clap requires exactly one key source, and --pin-env with --pkcs11-module.
        let flag = a.key_flag;
        return Err(usage_error(
            "usage.key",
            t!(
                "pdf-sign-give-exactly-one-key-source",
                flag = flag.to_string()
            ),
        ));
    };
    let pin = secret_from_env("usage.pin", "--pin-env", pin_env)?;
    let key_id = match a.key_id {
        Some(h) => Some(hex_decode(h).ok_or_else(|| {
            usage_error(
                "usage.key_id",
                t!("pdf-sign-key-id-h-not-hexadecimal", h = h.to_string()),
            )
        })?),
        None => None,
    };
    let certificates = a.cert.map(pem_chain).transpose()?;
    let config = Pkcs11Config {
        module: module.to_path_buf(),
        token_label: a.token.map(str::to_owned),
        slot: a.slot,
        pin,
        key_label: a.key_label.map(str::to_owned),
        key_id,
    };
    let s = Pkcs11Signer::open(&config, certificates).map_err(|e| {
        let r = key_error(&module.display().to_string(), &e);
        if matches!(e, KeyError::NoCertificate) {
            r.with_hint("pdf-sign-the-token-holds-no-certificate")
        } else {
            r
        }
    })?;
    let s = match a.token_algorithm {
        Some(algorithm) => s
            .with_algorithm(algorithm)
            .map_err(|e| key_error(&module.display().to_string(), &e))?,
        None => s,
    };
    let source = KeyLocation::Pkcs11 {
        module: module.to_path_buf(),
        token: s.token_label().to_owned(),
        key_label: s.key_label().to_owned(),
        key_id: s.key_id().iter().map(|b| format!("{b:02x}")).collect(),
        cert: a.cert.map(Path::to_path_buf),
    };
    Ok((Box::new(s), source))
}

/// Runs `command` with `sh -c`, `input` on its standard input: its standard output, or why not
/// (its exit status and standard error; no output at all). A time-stamping service
/// (`--tsa-command`) or a signer (`--signer-command`) reached through a shell command.
pub(crate) fn run_command(command: &str, input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("sh: {e}"))?;
    // Written from another thread: a command that answers before reading all of its input
    // must not block on a full pipe. A command that does not read it at all is not an error.
    let stdin = child.stdin.take();
    let request = input.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(&request);
        }
    });
    let out = child.wait_with_output().map_err(|e| format!("sh: {e}"))?;
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    if !out.status.success() {
        let status = out
            .status
            .code()
            .map_or_else(|| out.status.to_string(), |c| c.to_string());
        return Err(if stderr.is_empty() {
            format!("exit status {status}")
        } else {
            format!("exit status {status}; stderr: {stderr}")
        });
    }
    if out.stdout.is_empty() {
        return Err(if stderr.is_empty() {
            "no response on standard output".to_owned()
        } else {
            format!("no response on standard output; stderr: {stderr}")
        });
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_are_read_as_hex_with_or_without_colons() {
        assert_eq!(hex_decode("01"), Some(vec![1]));
        assert_eq!(hex_decode("0a:FF"), Some(vec![10, 255]));
        assert_eq!(hex_decode("0"), None);
        assert_eq!(hex_decode("zz"), None);
        assert_eq!(hex_decode(""), None);
    }

    #[test]
    fn a_failing_command_says_why_with_its_stderr() {
        let e = run_command("echo no service >&2; exit 7", b"request").unwrap_err();
        assert!(
            e.contains("exit status 7") && e.contains("no service"),
            "{e}"
        );
        let e = run_command("exit 3", b"request").unwrap_err();
        assert_eq!(e, "exit status 3");
        let e = run_command("cat >/dev/null", b"request").unwrap_err();
        assert!(e.contains("no response"), "{e}");
        assert_eq!(run_command("cat", b"request").unwrap(), b"request");
    }
}
