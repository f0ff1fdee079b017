//! Keys on PKCS#11 tokens (feature `pkcs11`): USB tokens and HSMs.
//!
//! Vietnamese agencies hold their signing keys on USB tokens issued by the public CAs (VNPT-CA,
//! Viettel-CA, BKAV-CA and others); each token's driver ships a PKCS#11 module (a `.so`, `.dll`
//! or `.dylib`), and the key never leaves the token. [`Pkcs11Signer`] loads that module, logs in
//! with the user PIN and makes the private-key operation on the token, for the digital
//! signatures egov writes: the electronic copy's signature of NĐ 30/2020 Đ25 (CMS/PAdES) and
//! the edXML package signature of QĐ 28/2018/QĐ-TTg Đ8.1 (XMLDSig). The same [`Signer`] goes to
//! both writers.
//!
//! Opening a signer ([`Pkcs11Signer::open`]):
//! - the module is loaded and initialised once per process and kept loaded (a PKCS#11 module
//!   may be initialised only once per process; several signers share it);
//! - the token is chosen by label or slot (or is the only one present);
//! - one session is opened and logged in as the user; it is kept for the signer's lifetime and
//!   reused by every signature (behind a mutex: the signer is `Send + Sync`);
//! - the private key is found by label and/or `CKA_ID` (or is the token's only one); RSA keys
//!   sign RSA-SHA256 by default ([`Pkcs11Signer::with_algorithm`] picks SHA-384/512), EC keys on
//!   P-256/P-384 ECDSA with their curve's hash;
//! - the certificate is the caller's chain, or else the token's certificate with the key's
//!   `CKA_ID` (or label); either way its public key must be the token key's
//!   ([`KeyError::CertificateKeyMismatch`] otherwise).
//!
//! PKCS#11 logs a whole process in to a token, not one session: while another session of this
//! process is logged in to the same token, the token accepts the login without looking at the
//! PIN. Keys that ask for the PIN again at every signature (`CKA_ALWAYS_AUTHENTICATE`) are
//! refused at opening.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use x509_cert::der::asn1::UintRef;

use crate::algorithm::strip_zeros;
use x509_cert::der::{Decode, Reader, SliceReader};
use x509_cert::Certificate;

use crate::algorithm::{self, DigestAlgorithm, SignatureAlgorithm, SignatureEncoding};
use crate::signer::{KeyError, Signer};

/// Where the key is: the module, the token, the PIN and the key's label or id.
///
/// `Debug` never shows the PIN.
#[derive(Clone, Default)]
pub struct Pkcs11Config {
    /// The token vendor's PKCS#11 module (shared library).
    pub module: PathBuf,
    /// The token's label (`CKA_LABEL` of the token, as `pkcs11-tool -L` shows it).
    pub token_label: Option<String>,
    /// The slot id. With neither label nor slot, the only initialised token present is used.
    pub slot: Option<u64>,
    /// The user PIN. Empty on a token with a PIN pad (protected authentication path): the
    /// token asks for it itself.
    pub pin: String,
    /// The private key's label (`CKA_LABEL`).
    pub key_label: Option<String>,
    /// The private key's id (`CKA_ID`). With neither label nor id, the token's only private
    /// key is used.
    pub key_id: Option<Vec<u8>>,
}

impl fmt::Debug for Pkcs11Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkcs11Config")
            .field("module", &self.module)
            .field("token_label", &self.token_label)
            .field("slot", &self.slot)
            .field("pin", &"<hidden>")
            .field("key_label", &self.key_label)
            .field("key_id", &self.key_id.as_deref().map(hex))
            .finish()
    }
}

/// A signer whose private key stays on a PKCS#11 token. See the [module docs](self).
pub struct Pkcs11Signer {
    session: Mutex<Session>,
    key: ObjectHandle,
    kind: KeyKind,
    algorithm: SignatureAlgorithm,
    mechanisms: Vec<MechanismType>,
    certs: Vec<Vec<u8>>,
    module: PathBuf,
    token_label: String,
    key_label: String,
    key_id: Vec<u8>,
}

impl fmt::Debug for Pkcs11Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Pkcs11Signer");
        d.field("module", &self.module)
            .field("token", &self.token_label)
            .field("key_label", &self.key_label)
            .field("key_id", &hex(&self.key_id))
            .field("algorithm", &self.algorithm)
            .field("certificates", &self.certs.len());
        if let Ok(s) = self.session.try_lock() {
            d.field("session", &s.handle());
        }
        d.finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Rsa,
    /// ECDSA with the curve's field size in bytes (32 for P-256, 48 for P-384).
    Ec(usize),
}

/// The public half as the token tells it, to compare with the certificate's.
enum PublicHalf {
    Rsa {
        modulus: Vec<u8>,
        exponent: Option<Vec<u8>>,
    },
    Ec(Vec<u8>),
    /// The token does not show it: a trial signature checks the certificate instead.
    Unknown,
}

const OID_P256: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
const OID_RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const OID_EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";

impl Pkcs11Signer {
    /// Opens the key `config` names and logs in. `certificates`: the signer's certificate
    /// first, then intermediates (DER); `None` reads the key's certificate from the token.
    pub fn open(
        config: &Pkcs11Config,
        certificates: Option<Vec<Vec<u8>>>,
    ) -> Result<Pkcs11Signer, KeyError> {
        let ctx = load_module(&config.module)?;
        let (slot, token_label, protected_path) = find_token(&ctx, config)?;
        let mechanisms = ctx.get_mechanism_list(slot).unwrap_or_default();
        let session = ctx.open_ro_session(slot).map_err(|e| {
            pkcs11(
                &format!("cannot open a session on token \"{token_label}\""),
                &e,
            )
        })?;
        login(&session, &config.pin, protected_path, &token_label)?;
        let key = find_key(&session, config, &token_label)?;
        let (kind, key_label, key_id) = key_attributes(&session, key)?;
        let algorithm = match kind {
            KeyKind::Rsa => SignatureAlgorithm::RsaSha256,
            KeyKind::Ec(32) => SignatureAlgorithm::EcdsaP256Sha256,
            KeyKind::Ec(_) => SignatureAlgorithm::EcdsaP384Sha384,
        };
        let mut signer = Pkcs11Signer {
            session: Mutex::new(session),
            key,
            kind,
            algorithm,
            mechanisms,
            certs: Vec::new(),
            module: config.module.clone(),
            token_label,
            key_label,
            key_id,
        };
        let public = signer.public_half()?;
        signer.certs = match certificates {
            Some(certs) => {
                let Some(first) = certs.first() else {
                    return Err(KeyError::NoCertificate);
                };
                if !signer.certificate_matches(first, &public)? {
                    return Err(KeyError::CertificateKeyMismatch);
                }
                certs
            }
            None => vec![signer.certificate_from_token(&public)?],
        };
        Ok(signer)
    }

    /// Signs with `algorithm` instead of the key's default: RSA keys take RSA-SHA256/384/512,
    /// and RSA-SHA1 (legacy, weak: for a receiver that accepts nothing else; an edXML
    /// signature refuses it without `SignOptions::legacy_sha1`); EC keys only their curve's
    /// ECDSA. [`KeyError::UnsupportedKey`] otherwise.
    pub fn with_algorithm(mut self, algorithm: SignatureAlgorithm) -> Result<Self, KeyError> {
        let fits = match self.kind {
            KeyKind::Rsa => matches!(
                algorithm,
                SignatureAlgorithm::RsaSha1
                    | SignatureAlgorithm::RsaSha256
                    | SignatureAlgorithm::RsaSha384
                    | SignatureAlgorithm::RsaSha512
            ),
            KeyKind::Ec(_) => algorithm == self.algorithm,
        };
        if !fits {
            return Err(KeyError::UnsupportedKey);
        }
        self.algorithm = algorithm;
        Ok(self)
    }

    /// The token's label.
    pub fn token_label(&self) -> &str {
        &self.token_label
    }

    /// The private key's label (`CKA_LABEL`; empty when it has none).
    pub fn key_label(&self) -> &str {
        &self.key_label
    }

    /// The private key's id (`CKA_ID`; empty when it has none).
    pub fn key_id(&self) -> &[u8] {
        &self.key_id
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The key's public half from the private key's attributes or its public-key object.
    fn public_half(&self) -> Result<PublicHalf, KeyError> {
        let session = self.session();
        let read = |object: ObjectHandle, types: &[AttributeType]| {
            session
                .get_attributes(object, types)
                .map_err(|e| pkcs11("cannot read the key's attributes", &e))
        };
        let public_object = || -> Result<Option<ObjectHandle>, KeyError> {
            if self.key_id.is_empty() {
                return Ok(None);
            }
            let found = session
                .find_objects(&[
                    Attribute::Class(ObjectClass::PUBLIC_KEY),
                    Attribute::Id(self.key_id.clone()),
                ])
                .map_err(|e| pkcs11("cannot search the token's public keys", &e))?;
            Ok(match found.as_slice() {
                [one] => Some(*one),
                _ => None,
            })
        };
        match self.kind {
            KeyKind::Rsa => {
                let rsa = |attrs: Vec<Attribute>| {
                    let mut modulus = None;
                    let mut exponent = None;
                    for a in attrs {
                        match a {
                            Attribute::Modulus(m) if !m.is_empty() => modulus = Some(m),
                            Attribute::PublicExponent(e) if !e.is_empty() => exponent = Some(e),
                            _ => {}
                        }
                    }
                    modulus.map(|modulus| PublicHalf::Rsa { modulus, exponent })
                };
                let types = [AttributeType::Modulus, AttributeType::PublicExponent];
                if let Some(p) = rsa(read(self.key, &types)?) {
                    return Ok(p);
                }
                if let Some(object) = public_object()? {
                    if let Some(p) = rsa(read(object, &types)?) {
                        return Ok(p);
                    }
                }
                Ok(PublicHalf::Unknown)
            }
            KeyKind::Ec(field) => {
                let Some(object) = public_object()? else {
                    return Ok(PublicHalf::Unknown);
                };
                let point = read(object, &[AttributeType::EcPoint])?
                    .into_iter()
                    .find_map(|a| match a {
                        Attribute::EcPoint(p) => Some(p),
                        _ => None,
                    });
                Ok(match point.and_then(|p| ec_point(&p, field)) {
                    Some(p) => PublicHalf::Ec(p),
                    None => PublicHalf::Unknown,
                })
            }
        }
    }

    /// Whether the certificate `der` carries the token key's public half.
    fn certificate_matches(&self, der: &[u8], public: &PublicHalf) -> Result<bool, KeyError> {
        let cert = Certificate::from_der(der).map_err(|e| KeyError::Certificates(e.to_string()))?;
        let spki = cert.tbs_certificate().subject_public_key_info();
        let cert_key = spki.subject_public_key.raw_bytes();
        let oid = spki.algorithm.oid.to_string();
        match (self.kind, oid.as_str()) {
            (KeyKind::Rsa, OID_RSA_ENCRYPTION) | (KeyKind::Ec(_), OID_EC_PUBLIC_KEY) => {}
            _ => return Ok(false),
        }
        match public {
            PublicHalf::Rsa { modulus, exponent } => {
                let Some((n, e)) = rsa_public_key(cert_key) else {
                    return Ok(false);
                };
                Ok(strip_zeros(&n) == strip_zeros(modulus)
                    && exponent
                        .as_ref()
                        .is_none_or(|x| strip_zeros(x) == strip_zeros(&e)))
            }
            PublicHalf::Ec(point) => Ok(point.as_slice() == cert_key),
            PublicHalf::Unknown => {
                // A trial signature with the token key, checked with the certificate's key.
                let probe = b"egov-sign: does this certificate belong to the token key?";
                let sig = self
                    .sign(probe)
                    .map_err(|e| KeyError::Pkcs11(format!("trial signature: {e}")))?;
                Ok(algorithm::verify(
                    self.algorithm,
                    SignatureEncoding::Fixed,
                    cert_key,
                    probe,
                    &sig,
                )
                .is_some())
            }
        }
    }

    /// The key's certificate on the token: same `CKA_ID` (or label, for a key without id).
    fn certificate_from_token(&self, public: &PublicHalf) -> Result<Vec<u8>, KeyError> {
        let values = {
            let session = self.session();
            let mut template = vec![Attribute::Class(ObjectClass::CERTIFICATE)];
            if !self.key_id.is_empty() {
                template.push(Attribute::Id(self.key_id.clone()));
            } else if !self.key_label.is_empty() {
                template.push(Attribute::Label(self.key_label.as_bytes().to_vec()));
            } else {
                return Err(KeyError::NoCertificate);
            }
            let found = session
                .find_objects(&template)
                .map_err(|e| pkcs11("cannot search the token's certificates", &e))?;
            let mut values = Vec::new();
            for object in found {
                let attrs = session
                    .get_attributes(object, &[AttributeType::Value])
                    .map_err(|e| pkcs11("cannot read a certificate on the token", &e))?;
                values.extend(attrs.into_iter().filter_map(|a| match a {
                    Attribute::Value(v) if !v.is_empty() => Some(v),
                    _ => None,
                }));
            }
            values
        };
        if values.is_empty() {
            return Err(KeyError::NoCertificate);
        }
        // A token may hold the same certificate twice, or a renewed one beside the old.
        for v in values {
            if self.certificate_matches(&v, public)? {
                return Ok(v);
            }
        }
        Err(KeyError::CertificateKeyMismatch)
    }
}

impl Signer for Pkcs11Signer {
    fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm
    }

    fn certificates(&self) -> Vec<Vec<u8>> {
        self.certs.clone()
    }

    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, String> {
        let session = self.session();
        let on_token = |mechanism: &Mechanism, input: &[u8]| {
            session
                .sign(mechanism, self.key, input)
                .map_err(|e| describe(&e))
        };
        match (self.kind, self.algorithm) {
            (KeyKind::Rsa, alg) => {
                let (hashing, mechanism, digest) = match alg {
                    SignatureAlgorithm::RsaSha1 => (
                        MechanismType::SHA1_RSA_PKCS,
                        Mechanism::Sha1RsaPkcs,
                        DigestAlgorithm::Sha1,
                    ),
                    SignatureAlgorithm::RsaSha256 => (
                        MechanismType::SHA256_RSA_PKCS,
                        Mechanism::Sha256RsaPkcs,
                        DigestAlgorithm::Sha256,
                    ),
                    SignatureAlgorithm::RsaSha384 => (
                        MechanismType::SHA384_RSA_PKCS,
                        Mechanism::Sha384RsaPkcs,
                        DigestAlgorithm::Sha384,
                    ),
                    SignatureAlgorithm::RsaSha512 => (
                        MechanismType::SHA512_RSA_PKCS,
                        Mechanism::Sha512RsaPkcs,
                        DigestAlgorithm::Sha512,
                    ),
                    other => return Err(format!("{other:?} is not made with an RSA key")),
                };
                // Tokens whose module offers only the raw CKM_RSA_PKCS get the DigestInfo.
                let raw_only = !self.mechanisms.is_empty()
                    && !self.mechanisms.contains(&hashing)
                    && self.mechanisms.contains(&MechanismType::RSA_PKCS);
                if raw_only {
                    on_token(&Mechanism::RsaPkcs, &digest_info(digest, data))
                } else {
                    on_token(&mechanism, data)
                }
            }
            (KeyKind::Ec(field), alg) if alg.is_ecdsa() => {
                let digest = alg.digest().digest(data);
                let sig = on_token(&Mechanism::Ecdsa, &digest)?;
                algorithm::ecdsa_asn1_to_fixed(&sig, field).ok_or_else(|| {
                    format!(
                        "the token returned an ECDSA signature of {} bytes, not r‖s",
                        sig.len()
                    )
                })
            }
            (_, other) => Err(format!("{other:?} is not made with an EC key")),
        }
    }
}

/// The module, loaded and initialised once per process.
fn load_module(path: &Path) -> Result<Pkcs11, KeyError> {
    static MODULES: OnceLock<Mutex<HashMap<PathBuf, Pkcs11>>> = OnceLock::new();
    let mut modules = MODULES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(ctx) = modules.get(path) {
        return Ok(ctx.clone());
    }
    let ctx = Pkcs11::new(path).map_err(|e| {
        KeyError::Pkcs11(format!(
            "cannot load the PKCS#11 module {}: {e}",
            path.display()
        ))
    })?;
    match ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        // Another part of the process initialised it already: share it.
        Ok(()) | Err(CkError::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
        Err(e) => {
            return Err(pkcs11(
                &format!("the PKCS#11 module {} did not initialise", path.display()),
                &e,
            ))
        }
    }
    modules.insert(path.to_path_buf(), ctx.clone());
    Ok(ctx)
}

/// The slot, its token's label and whether the token has a PIN pad.
fn find_token(ctx: &Pkcs11, config: &Pkcs11Config) -> Result<(Slot, String, bool), KeyError> {
    let slots = ctx
        .get_slots_with_initialized_token()
        .map_err(|e| pkcs11("cannot list the tokens", &e))?;
    let mut present = Vec::new();
    for slot in slots {
        let info = ctx
            .get_token_info(slot)
            .map_err(|e| pkcs11(&format!("cannot read the token in slot {}", slot.id()), &e))?;
        present.push((
            slot,
            info.label().trim_end().to_string(),
            info.protected_authentication_path(),
        ));
    }
    let listing = || {
        present
            .iter()
            .map(|(s, l, _)| format!("\"{l}\" (slot {})", s.id()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let wanted = || match (&config.token_label, config.slot) {
        (Some(l), Some(s)) => format!("token \"{l}\" in slot {s}"),
        (Some(l), None) => format!("token \"{l}\""),
        (None, Some(s)) => format!("token in slot {s}"),
        (None, None) => "token".to_string(),
    };
    if present.is_empty() {
        return Err(KeyError::Pkcs11(format!(
            "no {} found: no initialised token is present (is the USB token plugged in?)",
            wanted()
        )));
    }
    let chosen: Vec<_> = present
        .iter()
        .filter(|(slot, label, _)| {
            config.slot.is_none_or(|id| slot.id() == id)
                && config.token_label.as_deref().is_none_or(|l| l == label)
        })
        .collect();
    match chosen.as_slice() {
        [(slot, label, pad)] => Ok((*slot, label.clone(), *pad)),
        [] => Err(KeyError::Pkcs11(format!(
            "no {} found; the tokens present are: {}",
            wanted(),
            listing()
        ))),
        _ => Err(KeyError::Pkcs11(format!(
            "several tokens match, name one by label or slot: {}",
            listing()
        ))),
    }
}

fn login(session: &Session, pin: &str, pin_pad: bool, token: &str) -> Result<(), KeyError> {
    let result = if pin.is_empty() && pin_pad {
        session.login(UserType::User, None)
    } else {
        session.login(UserType::User, Some(&AuthPin::from(pin)))
    };
    match result {
        // This process is logged in to the token already (another signer's session).
        Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
        Err(CkError::Pkcs11(RvError::PinIncorrect, _)) => Err(KeyError::Pkcs11(format!(
            "token \"{token}\" refused the PIN: it is wrong (CKR_PIN_INCORRECT; tokens lock \
             after a few wrong PINs)"
        ))),
        Err(CkError::Pkcs11(RvError::PinLenRange | RvError::PinInvalid, _)) => {
            Err(KeyError::Pkcs11(format!(
                "token \"{token}\" refused the PIN: wrong length or characters"
            )))
        }
        Err(CkError::Pkcs11(RvError::PinLocked, _)) => Err(KeyError::Pkcs11(format!(
            "token \"{token}\" refused the PIN: it is locked after too many wrong PINs \
             (CKR_PIN_LOCKED; unlock it with the token's tool)"
        ))),
        Err(CkError::Pkcs11(RvError::PinExpired, _)) => Err(KeyError::Pkcs11(format!(
            "token \"{token}\" refused the PIN: it has expired (CKR_PIN_EXPIRED; change it with \
             the token's tool)"
        ))),
        Err(CkError::Pkcs11(RvError::UserPinNotInitialized, _)) => Err(KeyError::Pkcs11(format!(
            "token \"{token}\" has no user PIN set yet"
        ))),
        Err(e) => Err(pkcs11(&format!("cannot log in to token \"{token}\""), &e)),
    }
}

fn find_key(
    session: &Session,
    config: &Pkcs11Config,
    token: &str,
) -> Result<ObjectHandle, KeyError> {
    let mut template = vec![Attribute::Class(ObjectClass::PRIVATE_KEY)];
    if let Some(label) = &config.key_label {
        template.push(Attribute::Label(label.as_bytes().to_vec()));
    }
    if let Some(id) = &config.key_id {
        template.push(Attribute::Id(id.clone()));
    }
    let found = session
        .find_objects(&template)
        .map_err(|e| pkcs11("cannot search the token's private keys", &e))?;
    if let [one] = found.as_slice() {
        return Ok(*one);
    }
    // Name the keys there are, for the message.
    let all = session
        .find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY)])
        .map_err(|e| pkcs11("cannot search the token's private keys", &e))?;
    let mut names = Vec::new();
    for k in all {
        let (_, label, id) = label_and_id(session, k)?;
        names.push(format!("\"{label}\" (id {})", hex(&id)));
    }
    let listing = if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    };
    let mut wanted = Vec::new();
    if let Some(label) = &config.key_label {
        wanted.push(format!("labelled \"{label}\""));
    }
    if let Some(id) = &config.key_id {
        wanted.push(format!("with id {}", hex(id)));
    }
    let wanted: String = wanted.iter().map(|w| format!(" {w}")).collect();
    if found.is_empty() {
        Err(KeyError::Pkcs11(format!(
            "no private key{wanted} on token \"{token}\"; its private keys are: {listing}"
        )))
    } else {
        Err(KeyError::Pkcs11(format!(
            "{} private keys{wanted} on token \"{token}\", name one by label or id: {listing}",
            found.len()
        )))
    }
}

fn label_and_id(
    session: &Session,
    key: ObjectHandle,
) -> Result<(Vec<Attribute>, String, Vec<u8>), KeyError> {
    let attrs = session
        .get_attributes(
            key,
            &[
                AttributeType::KeyType,
                AttributeType::Label,
                AttributeType::Id,
                AttributeType::Sign,
                AttributeType::AlwaysAuthenticate,
                AttributeType::EcParams,
            ],
        )
        .map_err(|e| pkcs11("cannot read the key's attributes", &e))?;
    let mut label = String::new();
    let mut id = Vec::new();
    for a in &attrs {
        match a {
            Attribute::Label(l) => label = String::from_utf8_lossy(l).into_owned(),
            Attribute::Id(i) => id.clone_from(i),
            _ => {}
        }
    }
    Ok((attrs, label, id))
}

/// The key's kind, label and id.
fn key_attributes(
    session: &Session,
    key: ObjectHandle,
) -> Result<(KeyKind, String, Vec<u8>), KeyError> {
    let (attrs, label, id) = label_and_id(session, key)?;
    let mut key_type = None;
    let mut params = None;
    for a in attrs {
        match a {
            Attribute::KeyType(t) => key_type = Some(t),
            Attribute::EcParams(p) => params = Some(p),
            Attribute::Sign(false) => {
                return Err(KeyError::Pkcs11(format!(
                    "the private key \"{label}\" is not allowed to sign (CKA_SIGN is false)"
                )))
            }
            Attribute::AlwaysAuthenticate(true) => {
                return Err(KeyError::Pkcs11(format!(
                    "the private key \"{label}\" asks for the PIN at every signature \
                     (CKA_ALWAYS_AUTHENTICATE), which egov does not support"
                )))
            }
            _ => {}
        }
    }
    let kind = match key_type {
        Some(KeyType::RSA) => KeyKind::Rsa,
        Some(KeyType::EC) => match params.as_deref() {
            Some(OID_P256) => KeyKind::Ec(32),
            Some(OID_P384) => KeyKind::Ec(48),
            _ => return Err(KeyError::UnsupportedKey),
        },
        _ => return Err(KeyError::UnsupportedKey),
    };
    Ok((kind, label, id))
}

/// `CKA_EC_POINT`: DER OCTET STRING around the uncompressed point (PKCS#11), or the bare
/// point (some modules).
fn ec_point(value: &[u8], field: usize) -> Option<Vec<u8>> {
    let len = 1 + 2 * field;
    if value.len() == len && value.first() == Some(&0x04) {
        return Some(value.to_vec());
    }
    let octets = x509_cert::der::asn1::OctetString::from_der(value).ok()?;
    let point = octets.as_bytes();
    (point.len() == len && point.first() == Some(&0x04)).then(|| point.to_vec())
}

/// `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`.
fn rsa_public_key(der: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut r = SliceReader::new(der).ok()?;
    r.sequence(|r| {
        let n = UintRef::decode(r)?;
        let e = UintRef::decode(r)?;
        Ok::<_, x509_cert::der::Error>((n.as_bytes().to_vec(), e.as_bytes().to_vec()))
    })
    .ok()
}

/// `DigestInfo` for PKCS#1 v1.5 (RFC 8017 §9.2 note 1), for modules with only `CKM_RSA_PKCS`.
fn digest_info(digest: DigestAlgorithm, data: &[u8]) -> Vec<u8> {
    let prefix: &[u8] = match digest {
        DigestAlgorithm::Sha1 => &[
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
            0x14,
        ],
        DigestAlgorithm::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ],
        DigestAlgorithm::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x02, 0x05, 0x00, 0x04, 0x30,
        ],
        DigestAlgorithm::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x03, 0x05, 0x00, 0x04, 0x40,
        ],
    };
    [prefix, &digest.digest(data)].concat()
}

fn hex(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "none".to_string();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A cryptoki error, short: the function and the `CKR_` code.
fn describe(e: &CkError) -> String {
    match e {
        CkError::Pkcs11(rv, function) => format!("{function:?} failed: {rv:?}"),
        other => other.to_string(),
    }
}

fn pkcs11(context: &str, e: &CkError) -> KeyError {
    KeyError::Pkcs11(format!("{context}: {}", describe(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pin_is_never_debug_printed() {
        let c = Pkcs11Config {
            pin: "123456-secret".into(),
            key_id: Some(vec![1, 0xab]),
            ..Default::default()
        };
        let s = format!("{c:?}");
        assert!(!s.contains("123456"), "{s}");
        assert!(s.contains("01ab"), "{s}");
    }

    #[test]
    fn ec_points_bare_or_wrapped_and_der_ecdsa_signatures() {
        let mut point = vec![0x04];
        point.extend([7u8; 64]);
        assert_eq!(ec_point(&point, 32).as_deref(), Some(&point[..]));
        let wrapped = [&[0x04, 0x41][..], &point].concat();
        assert_eq!(ec_point(&wrapped, 32).as_deref(), Some(&point[..]));
        assert_eq!(ec_point(&wrapped, 48), None);
        let mut raw = vec![0u8; 64];
        raw[0] = 0x80;
        raw[63] = 1;
        let der = algorithm::ecdsa_fixed_to_asn1(&raw).unwrap_or_default();
        assert_eq!(algorithm::ecdsa_asn1_to_fixed(&der, 32), Some(raw.clone()));
        assert_eq!(algorithm::ecdsa_asn1_to_fixed(&raw, 32), Some(raw));
        assert_eq!(algorithm::ecdsa_asn1_to_fixed(&[1, 2, 3], 32), None);
    }

    #[test]
    fn digest_info_has_the_digest_after_its_algorithm() {
        let d = digest_info(DigestAlgorithm::Sha256, b"abc");
        assert_eq!(d.len(), 19 + 32);
        assert_eq!(&d[19..], &DigestAlgorithm::Sha256.digest(b"abc")[..]);
        assert_eq!(digest_info(DigestAlgorithm::Sha512, b"").len(), 19 + 64);
    }
}
