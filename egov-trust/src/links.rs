//! Criterion đ) (TRUST-02.đ, NĐ 137/2024 Đ21.2.đ; A-22): every link on a page, extracted in one
//! streaming pass (lol_html), checked against the advisory blocklist and for warning signs
//! (IP-literal hosts, `javascript:`/`data:` URLs, mixed-content downloads, look-alikes of
//! `gov.vn` names). Malware is judged only from a scan attestation.

use std::borrow::Cow;

use egov_core::{Finding, Outcome, VnDateTime};
use lol_html::html_content::Element;
use lol_html::{ElementContentHandlers, HandlerResult, HtmlRewriter, Selector, Settings};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use url::Url;

use crate::blocklist::BlocklistSnapshot;
use crate::criteria::{age, finding};
use crate::{Attestation, Criterion, CriterionVerdict};

/// One link found on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// Element name (`a`, `script`, `iframe`, `form`, `meta`, …).
    pub element: &'static str,
    /// Attribute it came from (`href`, `src`, `action`, `content`, …).
    pub attribute: &'static str,
    /// The value as written (trimmed).
    pub raw: String,
    /// Resolved against the page URL (and any `<base href>`), when it parses.
    pub url: Option<Url>,
    /// `true` for `<a download>`.
    pub download: bool,
}

/// The page could not be scanned.
#[derive(Debug, thiserror::Error)]
#[error("HTML scan failed: {0}")]
pub struct LinkError(String);

impl egov_core::Localize for LinkError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
}

/// A scan error, for the catalogue test.
#[cfg(test)]
pub(crate) fn scan_error_for_tests() -> LinkError {
    LinkError("unexpected end".into())
}

impl egov_core::ErrorCode for LinkError {
    fn code(&self) -> &'static str {
        "links.scan_failed"
    }
}

/// Element and the attributes of it that hold URLs.
const TARGETS: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("area", &["href"]),
    ("link", &["href"]),
    ("script", &["src"]),
    ("iframe", &["src"]),
    ("frame", &["src"]),
    ("img", &["src", "srcset"]),
    ("source", &["src", "srcset"]),
    ("video", &["src", "poster"]),
    ("audio", &["src"]),
    ("track", &["src"]),
    ("embed", &["src"]),
    ("object", &["data"]),
    ("form", &["action"]),
    ("button", &["formaction"]),
    ("input", &["formaction", "src"]),
];

/// A link as written, reported by [`scan_links`] before any URL resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawLink<'a> {
    /// Element name.
    pub element: &'static str,
    /// Attribute name (`content` for meta refresh).
    pub attribute: &'static str,
    /// The value, trimmed; for `srcset`, one candidate URL.
    pub value: &'a str,
    /// `true` for `<a download>`.
    pub download: bool,
}

fn handler<'h>(
    selector: &str,
    f: impl FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h,
) -> Result<(Cow<'static, Selector>, ElementContentHandlers<'h>), LinkError> {
    let sel: Selector = selector
        .parse()
        .map_err(|e: lol_html::errors::SelectorError| LinkError(e.to_string()))?;
    Ok((
        Cow::Owned(sel),
        ElementContentHandlers::default().element(f),
    ))
}

/// The URL in a `<meta http-equiv="refresh" content="5; url=…">` value.
fn refresh_target(content: &str) -> Option<&str> {
    let (_, rest) = content.split_once([';', ','])?;
    let rest = rest.trim_start();
    let rest = match rest.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("url") => {
            rest[3..].trim_start().strip_prefix('=')?.trim()
        }
        _ => rest,
    };
    Some(rest.trim_matches(|c| c == '\'' || c == '"'))
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ): streams every link of `html` to `on_link` in one pass (lol_html, one selector list), in
/// document order, without resolving URLs: anchors, areas, link tags, scripts, iframes/frames,
/// images and srcsets, media, embeds, objects, forms and form actions, meta refresh, and
/// `<base href>` (reported with element `base`).
pub fn scan_links(html: &[u8], mut on_link: impl FnMut(RawLink<'_>)) -> Result<(), LinkError> {
    let mut sel = String::from("base[href], meta[http-equiv]");
    for &(tag, attrs) in TARGETS {
        for a in attrs {
            sel.push_str(", ");
            sel.push_str(tag);
            sel.push('[');
            sel.push_str(a);
            sel.push(']');
        }
    }
    let f = &mut on_link;
    let settings = Settings::new().append_element_content_handler(handler(&sel, move |el| {
        let name = el.tag_name();
        let mut emit = |element, attribute, value: &str, download| {
            let value = value.trim();
            if !value.is_empty() {
                f(RawLink {
                    element,
                    attribute,
                    value,
                    download,
                });
            }
        };
        match name.as_str() {
            "base" => {
                if let Some(h) = el.get_attribute("href") {
                    emit("base", "href", &h, false);
                }
            }
            "meta" => {
                let refresh = el
                    .get_attribute("http-equiv")
                    .is_some_and(|h| h.trim().eq_ignore_ascii_case("refresh"));
                if let Some(c) = refresh.then(|| el.get_attribute("content")).flatten() {
                    if let Some(t) = refresh_target(&c) {
                        emit("meta", "content", t, false);
                    }
                }
            }
            other => {
                let Some(&(tag, attrs)) = TARGETS.iter().find(|(t, _)| *t == other) else {
                    return Ok(());
                };
                let download = tag == "a" && el.has_attribute("download");
                for &a in attrs {
                    let Some(v) = el.get_attribute(a) else {
                        continue;
                    };
                    if a == "srcset" {
                        for u in v.split(',').filter_map(|c| c.split_whitespace().next()) {
                            emit(tag, a, u, false);
                        }
                    } else {
                        emit(tag, a, &v, download);
                    }
                }
            }
        }
        Ok(())
    })?);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html).map_err(|e| LinkError(e.to_string()))?;
    rewriter.end().map_err(|e| LinkError(e.to_string()))
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ): extracts every link (see [`scan_links`]) in one streaming pass over `html`, resolving each
/// against `page_url` and any `<base href>` before it.
pub fn extract_links(html: &[u8], page_url: &Url) -> Result<Vec<Link>, LinkError> {
    let mut base = page_url.clone();
    let mut links = Vec::new();
    scan_links(html, |l| {
        if l.element == "base" {
            if let Ok(u) = base.join(l.value) {
                base = u;
            }
            return;
        }
        links.push(Link {
            element: l.element,
            attribute: l.attribute,
            raw: l.value.to_owned(),
            url: base.join(l.value).ok(),
            download: l.download,
        });
    })?;
    Ok(links)
}

/// A warning sign or hit on one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkFlag {
    /// The link's host or address is on the advisory list.
    Blocklisted,
    /// The host is an IP address literal.
    IpLiteral,
    /// A `javascript:` URL.
    JavascriptUrl,
    /// A `data:` URL outside images and media.
    DataUrl,
    /// An `http:` download or active resource on an `https:` page.
    MixedContent,
    /// A host that imitates a `gov.vn` name (punycode, confusable characters, `gov.vn` outside
    /// `.gov.vn`).
    LookAlike,
}

impl egov_core::ErrorCode for LinkFlag {
    fn code(&self) -> &'static str {
        match self {
            LinkFlag::Blocklisted => "links.blocklisted",
            LinkFlag::IpLiteral => "links.ip_literal",
            LinkFlag::JavascriptUrl => "links.javascript_url",
            LinkFlag::DataUrl => "links.data_url",
            LinkFlag::MixedContent => "links.mixed_content",
            LinkFlag::LookAlike => "links.look_alike",
        }
    }
}

/// The flag in English (the Vietnamese is the catalogue's, [`egov_core::Localize`]).
impl std::fmt::Display for LinkFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LinkFlag::Blocklisted => "link to a host or address on the advisory list",
            LinkFlag::IpLiteral => "link to an IP address literal",
            LinkFlag::JavascriptUrl => "javascript: URL",
            LinkFlag::DataUrl => "data: URL outside images and media",
            LinkFlag::MixedContent => "http: download or active resource on an https: page",
            LinkFlag::LookAlike => "host imitating a gov.vn name",
        })
    }
}

impl egov_core::Localize for LinkFlag {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
}

const DOWNLOAD_EXT: &[&str] = &[
    ".exe", ".msi", ".apk", ".dmg", ".pkg", ".bat", ".cmd", ".scr", ".jar", ".zip", ".rar", ".7z",
    ".iso", ".doc", ".docx", ".xls", ".xlsx", ".pdf",
];

/// Maps a character to the Latin letter it can pass for (a small subset of Unicode
/// confusables: Cyrillic and Greek look-alikes, digits) after diacritics are removed.
fn confusable(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' | 'ı' | '1' | 'l' => 'l',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'о' | 'ο' | '0' => 'o',
        'р' | 'ρ' => 'p',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'đ' | 'Đ' => 'd',
        other => other,
    }
}

/// The "skeleton" of a host for look-alike comparison: Unicode form, diacritics stripped,
/// confusables folded, `rn` → `m`, hyphens and dots dropped.
pub fn skeleton(host: &str) -> String {
    let (uni, _) = idna::domain_to_unicode(&host.to_lowercase());
    let folded: String = uni
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(confusable)
        .filter(|c| *c != '-' && *c != '.')
        .collect();
    folded.replace("rn", "m").replace('i', "l")
}

fn is_gov_vn(host: &str) -> bool {
    host == "gov.vn" || host.ends_with(".gov.vn")
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ): whether `host` imitates one of `gov_names` or a `gov.vn` name in general (TRUST-02.đ
/// heuristic): a different host whose skeleton equals a known name's; a non-`gov.vn` host whose
/// skeleton contains `govvn`; or a `gov.vn` host with punycode labels that folds to ASCII.
pub fn look_alike_of<'a>(host: &str, gov_names: &'a [String]) -> Option<Cow<'a, str>> {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let sk = skeleton(&h);
    for g in gov_names {
        if !g.eq_ignore_ascii_case(&h) && skeleton(g) == sk {
            return Some(Cow::Borrowed(g.as_str()));
        }
    }
    if !is_gov_vn(&h) && sk.contains("govvn") {
        return Some(Cow::Owned("*.gov.vn".to_owned()));
    }
    if is_gov_vn(&h) && h.contains("xn--") && sk.is_ascii() {
        return Some(Cow::Owned("*.gov.vn".to_owned()));
    }
    None
}

/// One flagged link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FlaggedLink {
    /// The link.
    pub link: Link,
    /// What is wrong.
    pub flag: LinkFlag,
    /// Detail: the advisory list's entry a listed link falls under (a domain, or an address
    /// range `first-last`), the `gov.vn` name a look-alike imitates, the host of an IP-literal
    /// link, the URL of mixed content; empty for `javascript:` and `data:` URLs.
    pub detail: String,
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ): flags the links of a page (see [`LinkFlag`]). `page_url`
/// decides mixed content; `gov_names` are `gov.vn` names to protect from look-alikes (the page's
/// own host is added when it is a `gov.vn` host).
pub fn flag_links(
    links: &[Link],
    page_url: &Url,
    blocklist: Option<&BlocklistSnapshot>,
    gov_names: &[String],
) -> Vec<FlaggedLink> {
    let mut names = gov_names.to_vec();
    if let Some(h) = page_url.host_str().filter(|h| is_gov_vn(h)) {
        names.push(h.to_owned());
    }
    let https_page = page_url.scheme() == "https";
    let mut look_alikes: std::collections::HashMap<&str, Option<String>> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    let mut flag = |link: &Link, flag: LinkFlag, detail: String| {
        out.push(FlaggedLink {
            link: link.clone(),
            flag,
            detail,
        })
    };
    for l in links {
        let Some(u) = &l.url else { continue };
        match u.scheme() {
            "javascript" => flag(l, LinkFlag::JavascriptUrl, String::new()),
            "data" if !matches!(l.element, "img" | "source" | "video" | "audio" | "track") => {
                flag(l, LinkFlag::DataUrl, String::new())
            }
            "http" | "https" => {
                let passive = matches!(
                    l.element,
                    "a" | "area" | "form" | "button" | "input" | "meta"
                );
                let path = u.path().to_ascii_lowercase();
                let download = l.download || DOWNLOAD_EXT.iter().any(|e| path.ends_with(e));
                if https_page && u.scheme() == "http" && (download || !passive) {
                    flag(l, LinkFlag::MixedContent, u.to_string());
                }
                match u.host() {
                    Some(url::Host::Ipv4(_)) | Some(url::Host::Ipv6(_)) => flag(
                        l,
                        LinkFlag::IpLiteral,
                        u.host_str().unwrap_or("").to_owned(),
                    ),
                    Some(url::Host::Domain(d)) => {
                        // Hosts repeat across a page: judge each once.
                        let verdict = look_alikes
                            .entry(d)
                            .or_insert_with(|| look_alike_of(d, &names).map(Cow::into_owned));
                        if let Some(g) = verdict {
                            flag(l, LinkFlag::LookAlike, g.clone());
                        }
                    }
                    None => {}
                }
                if let (Some(b), Some(h)) = (blocklist, u.host_str()) {
                    if let Some(hit) = b.match_host(h) {
                        flag(l, LinkFlag::Blocklisted, hit.listed_entry());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// What a flagged link's finding says, in English and Vietnamese: the link as written, where
/// it sits, what is wrong in words (not the code, which the evidence keeps) and, for a
/// look-alike or a listed host, the name imitated or the list's entry.
fn flagged_link_messages(f: &FlaggedLink) -> (String, String) {
    use egov_core::{Lang, Localize};
    let place = format!("<{} {}>", f.link.element, f.link.attribute);
    let link = truncate(&f.link.raw);
    let (detail_en, detail_vi) = match f.flag {
        LinkFlag::LookAlike if !f.detail.is_empty() => (
            format!(" (imitates {})", f.detail),
            format!(" (giả dạng {})", f.detail),
        ),
        LinkFlag::Blocklisted if !f.detail.is_empty() => (
            format!(" (listed as {})", f.detail),
            format!(" (mục «{}» của danh sách)", f.detail),
        ),
        _ => (String::new(), String::new()),
    };
    (
        format!("{link} ({place}): {}{detail_en}", f.flag.message(Lang::En)),
        format!(
            "«{link}» ({place}): {}{detail_vi}",
            f.flag.message(Lang::Vi)
        ),
    )
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ, A-22): the verdict on a page. `Fail` when a link is on the
/// advisory list or a current malware-scan attestation reports problems; `Unknown` without the
/// page, without a blocklist, or without a current malware-scan attestation: one dated after
/// `now`, or older than `max_scan_age_days` (stale; default
/// [`AttestationMaxAge::MALWARE_SCAN_DAYS`](crate::AttestationMaxAge::MALWARE_SCAN_DAYS), the
/// law sets no age), is not evidence either way; warning signs (IP literals,
/// `javascript:`/`data:` URLs, mixed content, look-alikes) are warnings; otherwise `Pass`.
pub fn evaluate_links(
    page: Option<(&Url, &[Link])>,
    blocklist: Option<&BlocklistSnapshot>,
    gov_names: &[String],
    malware_scan: Option<&Attestation>,
    now: VnDateTime,
    max_scan_age_days: u32,
) -> CriterionVerdict {
    let c = Criterion::Dd;
    let mut out: Vec<Finding> = Vec::new();
    match page {
        None => out.push(finding(
            c,
            Outcome::Unknown,
            "no page HTML was given, links not checked",
            "chưa có nội dung trang, chưa kiểm tra liên kết",
        )),
        Some((page_url, links)) => {
            let flagged = flag_links(links, page_url, blocklist, gov_names);
            for f in &flagged {
                use egov_core::ErrorCode;
                let outcome = if f.flag == LinkFlag::Blocklisted {
                    Outcome::Fail
                } else {
                    Outcome::Warning
                };
                let (en, vi) = flagged_link_messages(f);
                out.push(
                    finding(c, outcome, en, vi)
                    .with_field("links")
                    .with_evidence(serde_json::json!({ "code": f.flag.code(), "detail": f.detail, "url": f.link.raw })),
                );
            }
            match blocklist {
                None => out.push(finding(
                    c,
                    Outcome::Unknown,
                    format!(
                        "{} links extracted, but no advisory blocklist was given",
                        links.len()
                    ),
                    format!(
                        "đã trích {} liên kết nhưng chưa có danh sách khuyến cáo để đối chiếu",
                        links.len()
                    ),
                )),
                Some(b) if !flagged.iter().any(|f| f.flag == LinkFlag::Blocklisted) => out.push(
                    finding(
                        c,
                        Outcome::Pass,
                        format!(
                            "none of {} links is on the advisory list ({})",
                            links.len(),
                            b.source
                        ),
                        format!(
                            "không liên kết nào trong {} liên kết thuộc danh sách khuyến cáo ({})",
                            links.len(),
                            b.source
                        ),
                    )
                    .with_evidence(
                        serde_json::json!({ "links": links.len(), "flagged": flagged.len() }),
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    out.push(malware_scan_finding(malware_scan, now, max_scan_age_days));
    CriterionVerdict::from_findings(c, out)
}

/// TRUST-02.đ (NĐ 137/2024 Đ21.2.đ, A-22): the finding on the malware-scan attestation. A scan
/// dated after `now` or older than `max_age_days` is not evidence (`Unknown`), whatever it found;
/// a current one that found problems fails; a current clean one passes.
fn malware_scan_finding(scan: Option<&Attestation>, now: VnDateTime, max_age_days: u32) -> Finding {
    let c = Criterion::Dd;
    let Some(a) = scan else {
        return finding(
            c,
            Outcome::Unknown,
            "no malware-scan attestation was given",
            "chưa có kết quả rà quét mã độc",
        )
        .with_field("malware_scan");
    };
    let judged = age(a.at, now, max_age_days);
    let what = ("the malware scan", "kết quả rà quét mã độc");
    let f = match judged.problem(c, what, a.at, max_age_days) {
        // Not evidence now, whatever it found; say what it found all the same.
        Some(mut f) if a.found_problems => {
            f.message.push_str("; it reported problems");
            f.message_vi.push_str("; kết quả đó ghi nhận có vấn đề");
            f
        }
        Some(f) => f,
        None if a.found_problems => finding(
            c,
            Outcome::Fail,
            format!(
                "malware scan by {} on {} ({}) found problems",
                a.by,
                a.at.date(),
                a.reference
            ),
            format!(
                "rà quét mã độc của {} ngày {} ({}) phát hiện vấn đề",
                a.by,
                egov_core::i18n::date_vi(a.at.date()),
                a.reference
            ),
        ),
        None => finding(
            c,
            Outcome::Pass,
            format!(
                "malware scan by {} on {} ({}) found nothing",
                a.by,
                a.at.date(),
                a.reference
            ),
            format!(
                "rà quét mã độc của {} ngày {} ({}) không phát hiện vấn đề",
                a.by,
                egov_core::i18n::date_vi(a.at.date()),
                a.reference
            ),
        ),
    };
    let mut evidence = judged.evidence(max_age_days);
    if let Ok(v) = serde_json::to_value(a) {
        evidence["attestation"] = v;
    }
    f.with_field("malware_scan").with_evidence(evidence)
}

fn truncate(s: &str) -> String {
    let mut t: String = s.chars().take(100).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}
