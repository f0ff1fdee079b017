//! Loopback HTTPS test servers with rcgen-minted certificates, shared by the egov-trust probe
//! tests and the egov-cli `trust probe` test (included with `#[path]`).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread;

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

pub struct Minted {
    pub ca_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

fn ca() -> (CertificateParams, KeyPair, String) {
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name
        .push(rcgen::DnType::CommonName, "egov probe test CA");
    let cert = p.self_signed(&key).unwrap();
    (p, key, cert.pem())
}

pub fn mint(kind: &str) -> Minted {
    let (ca_params, ca_key, ca_pem) = ca();
    let key = KeyPair::generate().unwrap();
    let mut p =
        CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).unwrap();
    if kind == "expired" {
        p.not_before = rcgen::date_time_ymd(2020, 1, 1);
        p.not_after = rcgen::date_time_ymd(2021, 1, 1);
    }
    let cert = if kind == "self-signed" {
        p.self_signed(&key).unwrap()
    } else {
        p.signed_by(&key, &Issuer::from_params(&ca_params, &ca_key))
            .unwrap()
    };
    Minted {
        ca_pem,
        chain: vec![cert.der().clone()],
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    }
}

/// Serves `connections` HTTPS requests on 127.0.0.1: `/` is a page, the well-known path a
/// security.txt, anything else 404.
pub fn serve(m: &Minted, connections: usize) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(m.chain.clone(), m.key.clone_key())
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(stream) = stream else { continue };
            let conn = rustls::ServerConnection::new(config.clone()).unwrap();
            let mut tls = rustls::StreamOwned::new(conn, stream);
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match tls.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let req = String::from_utf8_lossy(&req);
            let (status, body) = if req.starts_with("GET / ") {
                (
                    "200 OK",
                    "<html><a href='/bao-mat'>Bảo mật</a><a href='https://evil.vn/'>x</a></html>"
                        .to_owned(),
                )
            } else if req.starts_with("GET /.well-known/security.txt ") {
                (
                    "200 OK",
                    "Contact: mailto:soc@localhost.gov.vn\nExpires: 2027-01-01T00:00:00Z\n"
                        .to_owned(),
                )
            } else {
                ("404 Not Found", String::new())
            };
            let ctype = if req.contains("security.txt") {
                "text/plain; charset=utf-8"
            } else {
                "text/html"
            };
            let resp = format!(
                "HTTP/1.0 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let _ = tls.write_all(resp.as_bytes());
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    });
    addr
}
