//! TRUST-02.c/e probe (feature `probe`): real TLS handshakes with servers started on loopback,
//! certificates minted by rcgen at test time (a test CA, an expired leaf, a self-signed leaf).
#![cfg(feature = "probe")]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread;

use egov_core::{Outcome, VnDateTime};
use egov_trust::probe::{probe, ProbeOptions};
use egov_trust::{
    evaluate_site, evaluate_tls, load_anchors, Anchors, Context, SiteEvidence, TlsPolicy,
};
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

struct Minted {
    ca_pem: String,
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

fn mint(kind: &str) -> Minted {
    let (ca_params, ca_key, ca_pem) = ca();
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
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
fn serve(m: &Minted, connections: usize) -> SocketAddr {
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

fn opts(addr: SocketAddr) -> ProbeOptions {
    ProbeOptions {
        connect_to: Some(addr),
        timeout: std::time::Duration::from_secs(5),
        ..Default::default()
    }
}

fn now() -> VnDateTime {
    VnDateTime::parse("2026-11-23T09:00:00+07:00").unwrap()
}

#[test]
fn trust_02c_probe_test_ca_server() {
    let m = mint("good");
    let addr = serve(&m, 2);
    let p = probe(&format!("https://localhost:{}/", addr.port()), &opts(addr)).unwrap();
    assert_eq!(p.page.status, 200);
    assert_eq!(p.tls.version.as_deref(), Some("TLSv1.3"));
    assert!(p.tls.cipher_suite.as_deref().unwrap().starts_with("TLS13_"));
    assert_eq!(p.tls.chain.len(), 1);
    assert_eq!(p.security_txt.as_ref().unwrap().status, 200);
    assert_eq!(
        p.security_txt.as_ref().unwrap().content_type.as_deref(),
        Some("text/plain; charset=utf-8")
    );
    let anchors = Anchors::Custom(load_anchors(m.ca_pem.as_bytes()).unwrap());
    let v = evaluate_tls(Some(&p.tls), &anchors, &TlsPolicy::default(), now());
    assert_eq!(v.outcome, Outcome::Pass, "{:#?}", v.findings);
    // The probed page and security.txt feed đ) and e).
    let mut ev = SiteEvidence::default();
    p.merge_into(&mut ev);
    let bl = egov_trust::BlocklistSnapshot::parse("t", None, "evil.vn\n");
    let policy = TlsPolicy::default();
    let a = evaluate_site(
        &ev,
        &Context {
            now: now(),
            anchors: &anchors,
            policy: &policy,
            blocklist: Some(&bl),
        },
    );
    assert_eq!(
        a.verdict(egov_trust::Criterion::Dd).unwrap().outcome,
        Outcome::Fail
    );
    assert_eq!(
        a.verdict(egov_trust::Criterion::E).unwrap().outcome,
        Outcome::Pass
    );
    assert_eq!(
        a.verdict(egov_trust::Criterion::D).unwrap().outcome,
        Outcome::Pass
    );
}

#[test]
fn trust_02c_probe_expired_server() {
    let m = mint("expired");
    let addr = serve(&m, 2);
    let p = probe(&format!("https://localhost:{}/", addr.port()), &opts(addr)).unwrap();
    let anchors = Anchors::Custom(load_anchors(m.ca_pem.as_bytes()).unwrap());
    let v = evaluate_tls(Some(&p.tls), &anchors, &TlsPolicy::default(), now());
    assert_eq!(v.outcome, Outcome::Fail);
    assert!(
        v.findings
            .iter()
            .any(|f| f.message.contains("expired on 2021-01-01")),
        "{:#?}",
        v.findings
    );
}

#[test]
fn trust_02c_probe_self_signed_server() {
    let m = mint("self-signed");
    let addr = serve(&m, 2);
    let p = probe(&format!("https://localhost:{}/", addr.port()), &opts(addr)).unwrap();
    let v = evaluate_tls(
        Some(&p.tls),
        &Anchors::BuiltIn,
        &TlsPolicy::default(),
        now(),
    );
    assert_eq!(v.outcome, Outcome::Fail);
    assert!(
        v.findings.iter().any(|f| f.message.contains("self-signed")),
        "{:#?}",
        v.findings
    );
}

#[test]
fn trust_02c_probe_errors() {
    use egov_core::ErrorCode;
    assert_eq!(
        probe("http://localhost/", &ProbeOptions::default())
            .unwrap_err()
            .code(),
        "probe.url"
    );
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let e = probe(
        &format!("https://localhost:{}/", closed.port()),
        &opts(closed),
    )
    .unwrap_err();
    assert_eq!(e.code(), "probe.connect");
}
