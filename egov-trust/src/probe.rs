//! Live probe (feature `probe`, the crate's only I/O): a real TLS handshake with rustls, the
//! page and `/.well-known/security.txt` fetched over it, gathered as evidence for criteria c),
//! d), đ) and e) (TRUST-02, NĐ 137/2024 Đ21.2). The server's chain is recorded, not trusted:
//! the chain is judged afterwards by [`crate::evaluate_tls`] against the caller's anchors and
//! policy, so expired or self-signed servers can still be probed and reported.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egov_core::ErrorCode;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme, StreamOwned};
use url::Url;

use crate::{Page, SiteEvidence, TlsEvidence};

/// Probe settings.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    /// Connect and read/write timeout.
    pub timeout: Duration,
    /// Largest response read, in bytes.
    pub max_bytes: u64,
    /// Connect to this address instead of resolving the host (tests, pinned servers).
    pub connect_to: Option<SocketAddr>,
}

impl Default for ProbeOptions {
    fn default() -> Self {
        ProbeOptions {
            timeout: Duration::from_secs(10),
            max_bytes: 16 << 20,
            connect_to: None,
        }
    }
}

/// Why a probe failed.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    /// The URL is not an `https://` URL with a host.
    #[error("not an https URL with a host: {0}")]
    Url(String),
    /// The host did not resolve or the TCP connection failed.
    #[error("cannot connect to {host}: {reason}")]
    Connect {
        /// Host (and port).
        host: String,
        /// Why.
        reason: String,
    },
    /// The TLS handshake failed (for example a server offering only TLS < 1.2).
    #[error("TLS handshake with {host} failed: {reason}")]
    Tls {
        /// Host.
        host: String,
        /// Why.
        reason: String,
    },
    /// Reading the HTTP response failed or it was malformed.
    #[error("HTTP exchange with {host} failed: {reason}")]
    Http {
        /// Host.
        host: String,
        /// Why.
        reason: String,
    },
}

impl egov_core::Localize for ProbeError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        // The reason is the network library's English: the Vietnamese names the host only.
        match self {
            ProbeError::Url(url) => egov_core::args!(url = url),
            ProbeError::Connect { host, .. }
            | ProbeError::Tls { host, .. }
            | ProbeError::Http { host, .. } => egov_core::args!(host = host),
        }
    }
}

impl ErrorCode for ProbeError {
    fn code(&self) -> &'static str {
        match self {
            ProbeError::Url(_) => "probe.url",
            ProbeError::Connect { .. } => "probe.connect",
            ProbeError::Tls { .. } => "probe.tls",
            ProbeError::Http { .. } => "probe.http",
        }
    }
}

/// Records the chain the server presents; handshake signatures are still verified.
#[derive(Debug)]
struct Recorder {
    provider: Arc<CryptoProvider>,
    chain: Mutex<Vec<CertificateDer<'static>>>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let mut chain = vec![end_entity.clone().into_owned()];
        chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        if let Ok(mut slot) = self.chain.lock() {
            *slot = chain;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// One HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// The `Content-Type` header, lower-cased, if any.
    pub content_type: Option<String>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// What a probe gathered.
#[derive(Debug, Clone)]
pub struct Probed {
    /// The URL probed.
    pub url: Url,
    /// Its host.
    pub host: String,
    /// The address connected to.
    pub address: SocketAddr,
    /// Chain, negotiated version and cipher suite.
    pub tls: TlsEvidence,
    /// The page response.
    pub page: Response,
    /// The `/.well-known/security.txt` response, if the exchange worked.
    pub security_txt: Option<Response>,
}

impl Probed {
    /// Adds what was probed to `evidence` (host, address, TLS, the page if 200, security.txt if
    /// 200 and `text/plain` or untyped), keeping what the caller already set.
    pub fn merge_into(&self, evidence: &mut SiteEvidence) {
        if evidence.host.is_none() {
            evidence.host = Some(self.host.clone());
        }
        if !evidence.addresses.contains(&self.address.ip()) {
            evidence.addresses.push(self.address.ip());
        }
        evidence.tls = Some(self.tls.clone());
        if self.page.status == 200 && evidence.page.is_none() {
            evidence.page = Some(Page {
                url: self.url.clone(),
                html: self.page.body.clone(),
            });
        }
        // RFC 9116 §3: served as text/plain; an HTML "soft 404" is not a security.txt.
        let plain = |r: &&Response| {
            r.status == 200
                && r.content_type
                    .as_deref()
                    .is_none_or(|t| t.starts_with("text/plain"))
        };
        if let Some(st) = self.security_txt.as_ref().filter(plain) {
            if evidence.security_txt.is_none() {
                let from = self.url.join("/.well-known/security.txt").ok();
                evidence.security_txt = Some((st.body.clone(), from.map(|u| u.to_string())));
            }
        }
        if evidence.system.url.is_empty() {
            evidence.system.url = self.url.to_string();
        }
    }
}

fn version_name(v: rustls::ProtocolVersion) -> String {
    match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_owned(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_owned(),
        other => format!("{other:?}"),
    }
}

struct Exchange {
    response: Response,
    version: Option<String>,
    cipher: Option<String>,
}

fn exchange(
    config: &Arc<ClientConfig>,
    host: &str,
    addr: SocketAddr,
    path: &str,
    opts: &ProbeOptions,
) -> Result<Exchange, ProbeError> {
    let conn_err = |e: std::io::Error| ProbeError::Connect {
        host: host.to_owned(),
        reason: e.to_string(),
    };
    let sock = TcpStream::connect_timeout(&addr, opts.timeout).map_err(conn_err)?;
    sock.set_read_timeout(Some(opts.timeout))
        .map_err(conn_err)?;
    sock.set_write_timeout(Some(opts.timeout))
        .map_err(conn_err)?;
    let tls_err = |reason: String| ProbeError::Tls {
        host: host.to_owned(),
        reason,
    };
    let name = ServerName::try_from(host.to_owned()).map_err(|e| tls_err(e.to_string()))?;
    let conn = ClientConnection::new(config.clone(), name).map_err(|e| tls_err(e.to_string()))?;
    let mut tls = StreamOwned::new(conn, sock);
    while tls.conn.is_handshaking() {
        tls.conn
            .complete_io(&mut tls.sock)
            .map_err(|e| tls_err(e.to_string()))?;
    }
    let version = tls.conn.protocol_version().map(version_name);
    let cipher = tls
        .conn
        .negotiated_cipher_suite()
        .map(|s| format!("{:?}", s.suite()));
    let http_err = |reason: String| ProbeError::Http {
        host: host.to_owned(),
        reason,
    };
    let req = format!(
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: egov-trust-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    );
    tls.write_all(req.as_bytes())
        .and_then(|()| tls.flush())
        .map_err(|e| http_err(e.to_string()))?;
    let mut buf = Vec::new();
    match (&mut tls).take(opts.max_bytes).read_to_end(&mut buf) {
        Ok(_) => {}
        // A server that closes without close_notify: keep what arrived.
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !buf.is_empty() => {}
        Err(e) => return Err(http_err(e.to_string())),
    }
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| http_err("no end of headers".to_owned()))?;
    let head = String::from_utf8_lossy(&buf[..split]);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| http_err(format!("bad status line {:?}", head.lines().next())))?;
    let content_type = head.lines().skip(1).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| v.trim().to_ascii_lowercase())
    });
    Ok(Exchange {
        response: Response {
            status,
            content_type,
            body: buf[split + 4..].to_vec(),
        },
        version,
        cipher,
    })
}

/// Probes `url` (https only): handshake, GET the page, GET `/.well-known/security.txt`.
pub fn probe(url: &str, opts: &ProbeOptions) -> Result<Probed, ProbeError> {
    let u = Url::parse(url).map_err(|e| ProbeError::Url(format!("{url}: {e}")))?;
    let host = match (u.scheme(), u.host_str()) {
        ("https", Some(h)) => h.trim_start_matches('[').trim_end_matches(']').to_owned(),
        _ => return Err(ProbeError::Url(url.to_owned())),
    };
    let port = u.port_or_known_default().unwrap_or(443);
    let addr = match opts.connect_to {
        Some(a) => a,
        None => (host.as_str(), port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(|| ProbeError::Connect {
                host: format!("{host}:{port}"),
                reason: "does not resolve".to_owned(),
            })?,
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let recorder = Arc::new(Recorder {
        provider: provider.clone(),
        chain: Mutex::new(Vec::new()),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ProbeError::Tls {
            host: host.clone(),
            reason: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let config = Arc::new(config);
    let path = match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_owned(),
    };
    let page = exchange(&config, &host, addr, &path, opts)?;
    let chain = recorder.chain.lock().map(|c| c.clone()).unwrap_or_default();
    let security_txt = exchange(&config, &host, addr, "/.well-known/security.txt", opts)
        .ok()
        .map(|e| e.response);
    Ok(Probed {
        url: u,
        host: host.clone(),
        address: addr,
        tls: TlsEvidence {
            chain,
            host,
            version: page.version,
            cipher_suite: page.cipher,
        },
        page: page.response,
        security_txt,
    })
}
