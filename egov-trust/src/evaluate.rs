//! Whole-site evaluation: all six criteria from one bundle of evidence (TRUST-02, TRUST-03).

use std::net::IpAddr;

use egov_core::{Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::criteria::finding;
use crate::{
    evaluate_blocklist, evaluate_consent, evaluate_contact_for, evaluate_links,
    evaluate_security_level, evaluate_tls, extract_links, parse_security_txt, Anchors, Assessment,
    Attestation, BlocklistSnapshot, ConsentCommitment, ContactEvidence, Criterion,
    CriterionVerdict, Link, LinkError, SecurityLevelAttestation, SiteNames, TlsEvidence, TlsPolicy,
};

/// The system being assessed (Đ21.3 self-declaration header).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SystemInfo {
    /// Name of the information system.
    pub name: String,
    /// Owner (chủ quản hệ thống thông tin).
    pub owner: String,
    /// Main URL (in a request, default `https://HOST/`).
    #[serde(default)]
    pub url: String,
}

/// A page as fetched: its URL and HTML.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL the page was read from.
    pub url: Url,
    /// The HTML bytes.
    pub html: Vec<u8>,
}

/// Everything known about one site. Every field is optional evidence; what is missing makes the
/// corresponding criterion `Unknown`, never `Pass`.
#[derive(Debug, Clone, Default)]
pub struct SiteEvidence {
    /// The system.
    pub system: SystemInfo,
    /// Host name the site is reached by.
    pub host: Option<String>,
    /// Server addresses (resolved by the caller).
    pub addresses: Vec<IpAddr>,
    /// a) the approved security level.
    pub security_level: Option<SecurityLevelAttestation>,
    /// b) the consent commitment.
    pub consent: Option<ConsentCommitment>,
    /// c) the chain and negotiated parameters.
    pub tls: Option<TlsEvidence>,
    /// đ) the page.
    pub page: Option<Page>,
    /// đ) malware-scan attestation.
    pub malware_scan: Option<Attestation>,
    /// đ) further `gov.vn` names to protect from look-alikes.
    pub gov_names: Vec<String>,
    /// e) the security.txt bytes and the URI they were fetched from (the probe fills in
    /// `https://HOST/.well-known/security.txt`). The file is judged for that URI's host (RFC 9116
    /// §3) and its `Canonical` fields against it (§2.5.2); without it, for `host`. See
    /// [`crate::security_txt`].
    pub security_txt: Option<(Vec<u8>, Option<String>)>,
    /// e) other published contact evidence.
    pub contacts: Vec<ContactEvidence>,
}

/// What the evaluation is judged against: evaluation time, trust anchors, the policy (TLS tiers
/// and attestation ages) and the blocklist snapshot.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The evaluation time.
    pub now: VnDateTime,
    /// Trust anchors for c).
    pub anchors: &'a Anchors,
    /// TLS policy for c), and the maximum attestation ages for a) and đ)
    /// ([`TlsPolicy::max_attestation_age`]).
    pub policy: &'a TlsPolicy,
    /// Advisory list for d) and đ).
    pub blocklist: Option<&'a BlocklistSnapshot>,
}

type Scanned<'a> = Option<(&'a Page, Result<Vec<Link>, LinkError>)>;

fn scan_page(ev: &SiteEvidence) -> Scanned<'_> {
    ev.page
        .as_ref()
        .map(|p| (p, extract_links(&p.html, &p.url)))
}

/// a) judged against the policy's age limit for the approval.
fn security_level(ev: &SiteEvidence, ctx: &Context<'_>) -> CriterionVerdict {
    evaluate_security_level(
        ev.security_level.as_ref(),
        ctx.now,
        ctx.policy.max_attestation_age.security_level_days,
    )
}

/// b) needs the page's link targets (is the commitment linked?).
fn consent(ev: &SiteEvidence, links: &Scanned<'_>) -> CriterionVerdict {
    let link_urls: Option<Vec<Url>> = match links {
        Some((_, Ok(l))) => Some(l.iter().filter_map(|l| l.url.clone()).collect()),
        _ => None,
    };
    evaluate_consent(ev.consent.as_ref(), link_urls.as_deref())
}

fn page_links(ev: &SiteEvidence, ctx: &Context<'_>, links: &Scanned<'_>) -> CriterionVerdict {
    match links {
        Some((p, Ok(l))) => evaluate_links(
            Some((&p.url, l)),
            ctx.blocklist,
            &ev.gov_names,
            ev.malware_scan.as_ref(),
            ctx.now,
            ctx.policy.max_attestation_age.malware_scan_days,
        ),
        Some((_, Err(e))) => CriterionVerdict::from_findings(
            Criterion::Dd,
            vec![finding(
                Criterion::Dd,
                Outcome::Unknown,
                format!("the page could not be scanned: {e}"),
                format!("không quét được trang: {e}"),
            )],
        ),
        None => evaluate_links(
            None,
            ctx.blocklist,
            &ev.gov_names,
            ev.malware_scan.as_ref(),
            ctx.now,
            ctx.policy.max_attestation_age.malware_scan_days,
        ),
    }
}

fn contact(ev: &SiteEvidence, ctx: &Context<'_>) -> CriterionVerdict {
    let st = ev
        .security_txt
        .as_ref()
        .map(|(b, from)| parse_security_txt(b, ctx.now, from.as_deref()));
    // Judged for the site: its host, and the owner's other names (the system URL, gov_names).
    let mut own_names = ev.gov_names.clone();
    if !ev.system.url.is_empty() {
        own_names.push(ev.system.url.clone());
    }
    let site = SiteNames {
        host: ev.host.clone(),
        own_names,
    };
    evaluate_contact_for(st.as_ref(), &ev.contacts, &site)
}

/// TRUST-02 (NĐ 137/2024 Đ21.2): evaluates one criterion from the evidence, exactly as
/// [`evaluate_site`] does for it (the page is scanned only for b and đ).
pub fn evaluate_criterion(
    ev: &SiteEvidence,
    ctx: &Context<'_>,
    criterion: Criterion,
) -> CriterionVerdict {
    match criterion {
        Criterion::A => security_level(ev, ctx),
        Criterion::B => consent(ev, &scan_page(ev)),
        Criterion::C => evaluate_tls(ev.tls.as_ref(), ctx.anchors, ctx.policy, ctx.now),
        Criterion::D => evaluate_blocklist(ctx.blocklist, ev.host.as_deref(), &ev.addresses),
        Criterion::Dd => page_links(ev, ctx, &scan_page(ev)),
        Criterion::E => contact(ev, ctx),
    }
}

/// TRUST-02 and TRUST-03 (NĐ 137/2024 Đ21.1–2): evaluates all six criteria and the overall
/// verdict from the evidence. The page is scanned once for b) and đ).
pub fn evaluate_site(ev: &SiteEvidence, ctx: &Context<'_>) -> Assessment {
    let links = scan_page(ev);
    let verdicts = vec![
        security_level(ev, ctx),
        consent(ev, &links),
        evaluate_tls(ev.tls.as_ref(), ctx.anchors, ctx.policy, ctx.now),
        evaluate_blocklist(ctx.blocklist, ev.host.as_deref(), &ev.addresses),
        page_links(ev, ctx, &links),
        contact(ev, ctx),
    ];
    Assessment::new(ctx.now, verdicts)
}
