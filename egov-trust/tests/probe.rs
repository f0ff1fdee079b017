//! TRUST-02.c/e probe (feature `probe`): real TLS handshakes with servers started on loopback,
//! certificates minted by rcgen at test time (a test CA, an expired leaf, a self-signed leaf).
#![cfg(feature = "probe")]

use std::net::{SocketAddr, TcpListener};

use egov_core::{Outcome, VnDateTime};
use egov_trust::probe::{probe, ProbeOptions};
use egov_trust::{
    evaluate_site, evaluate_tls, load_anchors, Anchors, Context, SiteEvidence, TlsPolicy,
};

#[path = "support/tls_server.rs"]
mod tls_server;
use tls_server::{mint, serve};

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
