//! Canonical XML 1.0 (inclusive and exclusive), the byte string XMLDSig hashes: DOC-18
//! (QĐ 28/2018/QĐ-TTg Đ6.1, integrity and authenticity of origin of e-documents) and the
//! QCVN 102:2016 `Signature` block.
//!
//! The independent implementation is libxml2 through Python lxml (`tests/c14n/lxml_c14n.py`,
//! one process serving the whole run): `EGOV_LXML_PYTHON` names a Python with lxml (default
//! `python3`); with `EGOV_LXML_REQUIRED=1` (the test command) a missing lxml fails the tests,
//! otherwise the comparisons are skipped with a note. The W3C/xmlsec "merlin" interop vectors
//! (`tests/c14n/merlin/`) are checked without Python.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use base64::Engine;
use egov_edxml::c14n::{
    canonicalize, canonicalize_span, canonicalize_to_vec, canonicalize_with_limits, Algorithm,
    C14nError, Limits, Subset, EXCLUSIVE, EXCLUSIVE_WITH_COMMENTS, INCLUSIVE,
    INCLUSIVE_WITH_COMMENTS,
};
use proptest::prelude::*;
use quick_xml::events::Event;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

// ------------------------------------------------------------------------------------------------
// The independent canonicaliser: libxml2 through lxml.

const LXML_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/c14n/lxml_c14n.py");

/// The Python with lxml: `EGOV_LXML_PYTHON` or `python3`. `None` (the comparison skips) only
/// where it lacks lxml and `EGOV_LXML_REQUIRED` is not 1; the test command sets it, so there it
/// cannot skip.
fn lxml_python() -> Option<String> {
    let python = std::env::var("EGOV_LXML_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let has = Command::new(&python)
        .args(["-c", "import lxml.etree"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has {
        return Some(python);
    }
    let required = std::env::var("EGOV_LXML_REQUIRED").is_ok_and(|v| v == "1");
    assert!(!required, "EGOV_LXML_REQUIRED=1 but {python} lacks lxml");
    eprintln!("skipped: {python} lacks lxml (set EGOV_LXML_PYTHON)");
    None
}

struct Lxml {
    _child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

static LXML: OnceLock<Option<Mutex<Lxml>>> = OnceLock::new();

fn lxml_server() -> Option<&'static Mutex<Lxml>> {
    LXML.get_or_init(|| {
        let python = lxml_python()?;
        let mut child = Command::new(&python)
            .arg(LXML_SCRIPT)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {python} {LXML_SCRIPT}: {e}"));
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Some(Mutex::new(Lxml {
            _child: child,
            stdin,
            stdout,
        }))
    })
    .as_ref()
}

/// Which part of a document, with elements named by local name (the first in document order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'n> {
    Document,
    Apex(&'n str),
    Enveloped(&'n str),
}

/// libxml2's canonical form, `None` when lxml is not available (and not required).
fn lxml_c14n(xml: &[u8], alg: &Algorithm, part: Part) -> Option<Result<Vec<u8>, String>> {
    let server = lxml_server()?;
    let (exclusive, prefixes) = match alg {
        Algorithm::Exclusive {
            inclusive_prefixes, ..
        } => (true, inclusive_prefixes.clone()),
        Algorithm::Inclusive { .. } => (false, Vec::new()),
    };
    // lxml keeps only the prefixes that are names in the document's dictionary, so `#default`
    // never reaches libxml2: it is checked against the merlin vectors and written-out bytes.
    assert!(
        !prefixes.iter().any(|p| p == "#default"),
        "lxml cannot express #default"
    );
    let job = serde_json::json!({
        "xml": B64.encode(xml),
        "exclusive": exclusive,
        "with_comments": alg.keeps_comments(),
        "prefixes": prefixes,
        "apex": match part { Part::Apex(n) => Some(n), _ => None },
        "omit": match part { Part::Enveloped(n) => Some(n), _ => None },
    });
    let mut s = server.lock().unwrap_or_else(|e| e.into_inner());
    writeln!(s.stdin, "{job}").unwrap();
    s.stdin.flush().unwrap();
    let mut line = String::new();
    s.stdout.read_line(&mut line).unwrap();
    drop(s);
    let answer: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("lxml answered {line:?}: {e}"));
    Some(match (answer.get("ok"), answer.get("error")) {
        (Some(ok), _) => Ok(B64.decode(ok.as_str().unwrap()).unwrap()),
        (_, Some(err)) => Err(err.as_str().unwrap_or("?").to_owned()),
        _ => panic!("lxml answered {line:?}"),
    })
}

// ------------------------------------------------------------------------------------------------
// Helpers

/// (offset of `<`, qualified name) of every element start tag, in document order.
fn elements(xml: &[u8]) -> Vec<(u64, String)> {
    let bom = if xml.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut r = quick_xml::Reader::from_reader(&xml[bom as usize..]);
    let mut v = Vec::new();
    loop {
        let at = r.buffer_position() + bom;
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => v.push((at, e.name().as_ref().to_owned())),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    v
}

/// The offset of the first element with this local name.
fn offset_of(xml: &[u8], local: &str) -> Option<u64> {
    elements(xml)
        .into_iter()
        .find(|(_, q)| q.rsplit(':').next() == Some(local))
        .map(|(o, _)| o)
}

fn subset(xml: &[u8], part: Part) -> Subset {
    match part {
        Part::Document => Subset::document(),
        Part::Apex(n) => Subset::element_at(offset_of(xml, n).unwrap()),
        Part::Enveloped(n) => match offset_of(xml, n) {
            Some(o) => Subset::enveloped(o),
            None => Subset::document(),
        },
    }
}

fn ours(xml: &[u8], alg: &Algorithm, part: Part) -> Result<Vec<u8>, C14nError> {
    canonicalize_to_vec(xml, alg, &subset(xml, part))
}

fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Our canonical form equals libxml2's (when lxml is there); returns ours.
fn same_as_libxml2(what: &str, xml: &[u8], alg: &Algorithm, part: Part) -> Vec<u8> {
    let mine =
        ours(xml, alg, part).unwrap_or_else(|e| panic!("{what} ({}, {part:?}): {e}", alg.uri()));
    if let Some(theirs) = lxml_c14n(xml, alg, part) {
        let theirs = theirs.unwrap_or_else(|e| panic!("{what}: lxml failed: {e}"));
        assert!(
            mine == theirs,
            "{what} ({alg:?}, {part:?}): differs from libxml2\n ours: {}\nlxml: {}",
            show(&mine),
            show(&theirs)
        );
    }
    mine
}

fn algorithms() -> Vec<Algorithm> {
    vec![
        Algorithm::inclusive(),
        Algorithm::inclusive().with_comments(true),
        Algorithm::exclusive(),
        Algorithm::exclusive().with_comments(true),
        Algorithm::exclusive().with_inclusive_prefixes(vec!["edXML".into(), "b".into()]),
    ]
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/edxml");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("edxml" | "xml")
            )
        })
        .collect();
    v.sort();
    assert_eq!(v.len(), 18, "the 18 edXML fixtures in {}", dir.display());
    v
}

/// Every fixture, whole, as `edXMLEnvelope`, `edXMLHeader` and `SignedInfo` subtrees and with
/// its `Signature` (in whatever namespace) left out, equals libxml2 with `alg`.
fn every_fixture(alg: &Algorithm) -> usize {
    let mut checked = 0;
    for path in fixtures() {
        let xml = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for part in [
            Part::Document,
            Part::Apex("edXMLEnvelope"),
            Part::Apex("edXMLHeader"),
            Part::Apex("SignedInfo"),
            Part::Enveloped("Signature"),
        ] {
            if let Part::Apex(n) = part {
                if offset_of(&xml, n).is_none() {
                    continue;
                }
            }
            let c = same_as_libxml2(&name, &xml, alg, part);
            // Canonical output is canonical: once more gives the same bytes.
            if part == Part::Document {
                assert_eq!(
                    show(&canonicalize_to_vec(&c, alg, &Subset::document()).unwrap()),
                    show(&c),
                    "{name}: not idempotent"
                );
            }
            checked += 1;
        }
    }
    checked
}

// ------------------------------------------------------------------------------------------------
// Real files against libxml2

#[test]
fn doc_18_c14n_inclusive_matches_libxml2_on_every_fixture() {
    for alg in [
        Algorithm::inclusive(),
        Algorithm::inclusive().with_comments(true),
    ] {
        let n = every_fixture(&alg);
        // 18 files × (whole, envelope, header, enveloped) + the one SignedInfo.
        assert_eq!(n, 18 * 4 + 1);
    }
}

#[test]
fn doc_18_c14n_exclusive_matches_libxml2_on_every_fixture() {
    for alg in algorithms().into_iter().filter(Algorithm::is_exclusive) {
        assert_eq!(every_fixture(&alg), 18 * 4 + 1);
    }
}

/// The VNPT builder's package has a `Signature` without the XMLDSig namespace (it inherits the
/// QCVN default namespace): the enveloped transform leaves it out all the same, and `SignedInfo`
/// as an apex carries the inherited `xmlns` and `xmlns:edXML`.
#[test]
fn doc_18_c14n_enveloped_and_signed_info_of_the_vnpt_package() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml");
    let xml = std::fs::read(path).unwrap();
    let whole = ours(&xml, &Algorithm::inclusive(), Part::Document).unwrap();
    let env = same_as_libxml2(
        "vnpt enveloped",
        &xml,
        &Algorithm::inclusive(),
        Part::Enveloped("Signature"),
    );
    assert!(show(&whole).contains("<Signature>"));
    assert!(!show(&env).contains("Signature"), "{}", show(&env));
    assert!(!show(&env).contains("SignedInfo"));
    let si = same_as_libxml2(
        "vnpt SignedInfo",
        &xml,
        &Algorithm::inclusive(),
        Part::Apex("SignedInfo"),
    );
    assert!(
        show(&si).starts_with(
            "<SignedInfo xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\" \
             xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
        ),
        "{}",
        show(&si)
    );
    let si_exc = same_as_libxml2(
        "vnpt SignedInfo",
        &xml,
        &Algorithm::exclusive(),
        Part::Apex("SignedInfo"),
    );
    assert!(
        show(&si_exc).starts_with("<SignedInfo xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"),
        "{}",
        show(&si_exc)
    );
}

// ------------------------------------------------------------------------------------------------
// Targeted rules: expected bytes written out, and libxml2 agreeing.

/// Checks `xml` against an expected canonical form in inclusive and exclusive mode (and libxml2).
fn case(what: &str, xml: &str, part: Part, inclusive: &str, exclusive: &str) {
    for (alg, want) in [
        (Algorithm::inclusive(), inclusive),
        (Algorithm::exclusive(), exclusive),
    ] {
        let got = same_as_libxml2(what, xml.as_bytes(), &alg, part);
        assert_eq!(show(&got), want, "{what} ({})", alg.uri());
    }
}

#[test]
fn doc_18_c14n_resolves_entity_and_character_references_in_text_and_attributes() {
    let xml = "<r a=\"&lt;&gt;&amp;&quot;&apos;&#x9;&#10;&#13;&#x1F600;&#x0041;\">\
               &lt;&gt;&amp;&quot;&apos;&#x41;&#66;&#xD;&#9;&#xA;&#x1F600;</r>";
    let want = "<r a=\"&lt;>&amp;&quot;'&#x9;&#xA;&#xD;😀A\">&lt;&gt;&amp;\"'AB&#xD;\t\n😀</r>";
    case("references", xml, Part::Document, want, want);
    // References in a namespace declaration are resolved too.
    case(
        "namespace URI",
        "<p:r xmlns:p=\"urn:&#x61;b\" p:x=\"1\"/>",
        Part::Document,
        "<p:r xmlns:p=\"urn:ab\" p:x=\"1\"></p:r>",
        "<p:r xmlns:p=\"urn:ab\" p:x=\"1\"></p:r>",
    );
    // An `&` in a namespace URI is escaped like any attribute value (the W3C text); libxml2
    // writes it raw, which is not XML, so there is no comparison with it here.
    let c = canonicalize_to_vec(
        b"<r xmlns=\"urn:x?a=1&amp;b=2\"/>",
        &Algorithm::inclusive(),
        &Subset::document(),
    )
    .unwrap();
    assert_eq!(show(&c), "<r xmlns=\"urn:x?a=1&amp;b=2\"></r>");
    // A single quote delimiting the value, a double quote inside it.
    case(
        "quotes",
        "<r a='say \"hi\"' b=\"it's\"/>",
        Part::Document,
        "<r a=\"say &quot;hi&quot;\" b=\"it's\"></r>",
        "<r a=\"say &quot;hi&quot;\" b=\"it's\"></r>",
    );
}

#[test]
fn doc_18_c14n_normalises_crlf_and_lone_cr_in_text_attributes_comments_and_pis() {
    let xml = "<r a=\"x\r\ny\rz\n\tw\">1\r\n2\r3\n<!--c\r\nd\re--><?p q\r\nr?></r>";
    let want = "<r a=\"x y z  w\">1\n2\n3\n<?p q\nr?></r>";
    case("line ends", xml, Part::Document, want, want);
    let c = canonicalize_to_vec(
        xml.as_bytes(),
        &Algorithm::inclusive().with_comments(true),
        &Subset::document(),
    )
    .unwrap();
    assert_eq!(
        show(&c),
        "<r a=\"x y z  w\">1\n2\n3\n<!--c\nd\ne--><?p q\nr?></r>"
    );
    same_as_libxml2(
        "line ends",
        xml.as_bytes(),
        &Algorithm::inclusive().with_comments(true),
        Part::Document,
    );
}

#[test]
fn doc_18_c14n_writes_cdata_sections_as_escaped_text() {
    let xml = "<r>a<![CDATA[<b> & ]] > \r\n \"q\"]]>c<![CDATA[]]></r>";
    let want = "<r>a&lt;b&gt; &amp; ]] &gt; \n \"q\"c</r>";
    case("CDATA", xml, Part::Document, want, want);
}

#[test]
fn doc_18_c14n_sorts_attributes_by_namespace_uri_then_local_name() {
    // Prefix b is bound to urn:a and a to urn:b: the order follows the URIs, not the prefixes
    // (and `xml:lang`, in http://www.w3.org/XML/1998/namespace, sorts before urn:).
    let xml = "<r xmlns='urn:default' xmlns:b='urn:a' xmlns:a='urn:b' \
               b:x='1' a:x='2' z='3' a:a='4' b:z='5' y='6' xml:lang='vi'/>";
    case(
        "attribute order",
        xml,
        Part::Document,
        "<r xmlns=\"urn:default\" xmlns:a=\"urn:b\" xmlns:b=\"urn:a\" y=\"6\" z=\"3\" \
         xml:lang=\"vi\" b:x=\"1\" b:z=\"5\" a:a=\"4\" a:x=\"2\"></r>",
        "<r xmlns=\"urn:default\" xmlns:a=\"urn:b\" xmlns:b=\"urn:a\" y=\"6\" z=\"3\" \
         xml:lang=\"vi\" b:x=\"1\" b:z=\"5\" a:a=\"4\" a:x=\"2\"></r>",
    );
}

#[test]
fn doc_18_c14n_undeclares_the_default_namespace_only_where_an_output_ancestor_declared_one() {
    case(
        "xmlns=\"\" under a default",
        "<r xmlns=\"urn:d\"><a xmlns=\"\"><b xmlns=\"\"/></a><c xmlns=\"\"/><d/></r>",
        Part::Document,
        "<r xmlns=\"urn:d\"><a xmlns=\"\"><b></b></a><c xmlns=\"\"></c><d></d></r>",
        "<r xmlns=\"urn:d\"><a xmlns=\"\"><b></b></a><c xmlns=\"\"></c><d></d></r>",
    );
    case(
        "superfluous xmlns=\"\"",
        "<r><a xmlns=\"\"/></r>",
        Part::Document,
        "<r><a></a></r>",
        "<r><a></a></r>",
    );
    // Exclusive: the default namespace was never rendered, so nothing to undeclare.
    case(
        "xmlns=\"\" under an unused default",
        "<p:r xmlns:p=\"urn:p\" xmlns=\"urn:d\"><a xmlns=\"\"/></p:r>",
        Part::Document,
        "<p:r xmlns=\"urn:d\" xmlns:p=\"urn:p\"><a xmlns=\"\"></a></p:r>",
        "<p:r xmlns:p=\"urn:p\"><a></a></p:r>",
    );
    // An apex whose default namespace is undeclared has no default namespace node.
    case(
        "apex under xmlns=\"\"",
        "<r xmlns=\"urn:d\"><a xmlns=\"\"><b/></a></r>",
        Part::Apex("b"),
        "<b></b>",
        "<b></b>",
    );
}

#[test]
fn doc_18_c14n_renders_nested_redeclarations_where_the_binding_changes() {
    case(
        "redeclarations",
        "<a:r xmlns:a=\"urn:a:1\"><a:s xmlns:a=\"urn:a:1\"><a:t xmlns:a=\"urn:a:2\">\
         <a:u xmlns:a=\"urn:a:1\"/></a:t></a:s></a:r>",
        Part::Document,
        "<a:r xmlns:a=\"urn:a:1\"><a:s><a:t xmlns:a=\"urn:a:2\"><a:u xmlns:a=\"urn:a:1\">\
         </a:u></a:t></a:s></a:r>",
        "<a:r xmlns:a=\"urn:a:1\"><a:s><a:t xmlns:a=\"urn:a:2\"><a:u xmlns:a=\"urn:a:1\">\
         </a:u></a:t></a:s></a:r>",
    );
    case(
        "unused redeclaration",
        "<r xmlns:a=\"urn:a:1\"><s xmlns:a=\"urn:a:2\"><a:t/></s><a:v/></r>",
        Part::Document,
        "<r xmlns:a=\"urn:a:1\"><s xmlns:a=\"urn:a:2\"><a:t></a:t></s><a:v></a:v></r>",
        "<r><s><a:t xmlns:a=\"urn:a:2\"></a:t></s><a:v xmlns:a=\"urn:a:1\"></a:v></r>",
    );
}

#[test]
fn doc_18_c14n_imports_xml_attributes_onto_an_inclusive_apex() {
    // C14N 1.0 §2.4 (the W3C's own §3.7 example, without its DTD): the nearest xml:* of the
    // ancestors come onto the apex; exclusive C14N imports none.
    let xml = "<doc xmlns=\"http://www.ietf.org\" xmlns:w3c=\"http://www.w3.org\" xml:lang=\"en\">\
               <e1 xml:space=\"preserve\"><e2 xmlns=\"\" xml:lang=\"vi\"><e3 id=\"E3\"/></e2>\
               <e4 xml:lang=\"fr\"/></e1></doc>";
    case(
        "xml:* onto e3",
        xml,
        Part::Apex("e3"),
        "<e3 xmlns:w3c=\"http://www.w3.org\" id=\"E3\" xml:lang=\"vi\" xml:space=\"preserve\"></e3>",
        "<e3 id=\"E3\"></e3>",
    );
    case(
        "xml:* onto e1",
        xml,
        Part::Apex("e1"),
        "<e1 xmlns=\"http://www.ietf.org\" xmlns:w3c=\"http://www.w3.org\" xml:lang=\"en\" \
         xml:space=\"preserve\"><e2 xmlns=\"\" xml:lang=\"vi\"><e3 id=\"E3\"></e3></e2>\
         <e4 xml:lang=\"fr\"></e4></e1>",
        "<e1 xmlns=\"http://www.ietf.org\" xml:space=\"preserve\"><e2 xmlns=\"\" xml:lang=\"vi\">\
         <e3 id=\"E3\"></e3></e2><e4 xml:lang=\"fr\"></e4></e1>",
    );
}

#[test]
fn doc_18_c14n_apex_renders_every_inherited_binding_in_inclusive_mode() {
    // The legacy edXML shape: `Signature` inherits the QCVN default namespace, or declares the
    // XMLDSig one; `SignedInfo` is canonicalised as an apex.
    for (sig, incl, excl) in [
        (
            "<Signature>",
            "<SignedInfo xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\" \
             xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">",
            "<SignedInfo xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">",
        ),
        (
            "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">",
            "<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\" \
             xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">",
            "<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">",
        ),
    ] {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\
             <edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\r\n\
             <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\r\n\
             <edXML:edXMLHeader>{sig}<SignedInfo>\r\n\
             <CanonicalizationMethod Algorithm=\"{INCLUSIVE}\"/>\r\n\
             </SignedInfo></Signature></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>"
        );
        let rest = format!(
            "\n<CanonicalizationMethod Algorithm=\"{INCLUSIVE}\"></CanonicalizationMethod>\n\
             </SignedInfo>"
        );
        case(
            "SignedInfo apex",
            &xml,
            Part::Apex("SignedInfo"),
            &format!("{incl}{rest}"),
            &format!("{excl}{rest}"),
        );
    }
}

#[test]
fn doc_18_c14n_exclusive_honours_the_inclusive_namespaces_prefix_list() {
    let xml = "<r xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns:c=\"urn:c\">\
               <s a:x=\"1\"><t/></s></r>";
    let cases: [(&[&str], Part, &str); 4] = [
        (
            &[],
            Part::Document,
            "<r xmlns=\"urn:d\"><s xmlns:a=\"urn:a\" a:x=\"1\"><t></t></s></r>",
        ),
        (
            &["b", "zz"],
            Part::Document,
            "<r xmlns=\"urn:d\" xmlns:b=\"urn:b\"><s xmlns:a=\"urn:a\" a:x=\"1\"><t></t></s></r>",
        ),
        (
            &["b"],
            Part::Apex("s"),
            "<s xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" a:x=\"1\"><t></t></s>",
        ),
        (
            &["c", "a"],
            Part::Apex("t"),
            "<t xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:c=\"urn:c\"></t>",
        ),
    ];
    for (prefixes, part, want) in cases {
        let alg = Algorithm::exclusive()
            .with_inclusive_prefixes(prefixes.iter().map(|p| p.to_string()).collect());
        let got = same_as_libxml2("PrefixList", xml.as_bytes(), &alg, part);
        assert_eq!(show(&got), want, "{prefixes:?} {part:?}");
    }
    // `#default` names the default namespace: rendered on a prefixed element that does not use
    // it, once (the merlin vector c14n-18 checks the same against xmlsec).
    let xml = "<p:r xmlns:p=\"urn:p\" xmlns=\"urn:d\"><p:s><t/><u xmlns=\"\"/></p:s></p:r>";
    for (prefixes, want) in [
        (
            vec![],
            "<p:r xmlns:p=\"urn:p\"><p:s><t xmlns=\"urn:d\"></t><u></u></p:s></p:r>",
        ),
        (
            vec!["#default".to_string()],
            "<p:r xmlns=\"urn:d\" xmlns:p=\"urn:p\"><p:s><t></t><u xmlns=\"\"></u></p:s></p:r>",
        ),
    ] {
        let alg = Algorithm::exclusive().with_inclusive_prefixes(prefixes);
        assert_eq!(
            show(&ours(xml.as_bytes(), &alg, Part::Document).unwrap()),
            want
        );
    }
}

#[test]
fn doc_18_c14n_keeps_comments_and_pis_outside_the_root_with_line_feeds() {
    let xml = "\u{FEFF}<?xml version=\"1.0\"?>\r\n<?pi-before data?>\r\n<!-- c1 -->\r\n\
               <r><!-- in --><?pi-in  x ?></r>\r\n<!-- c2 -->\r\n<?pi-after?>\r\n";
    let without = "<?pi-before data?>\n<r><?pi-in x ?></r>\n<?pi-after?>";
    case("top-level nodes", xml, Part::Document, without, without);
    let with = "<?pi-before data?>\n<!-- c1 -->\n<r><!-- in --><?pi-in x ?></r>\n<!-- c2 -->\n<?pi-after?>";
    for alg in [
        Algorithm::inclusive().with_comments(true),
        Algorithm::exclusive().with_comments(true),
    ] {
        let got = same_as_libxml2("top-level nodes", xml.as_bytes(), &alg, Part::Document);
        assert_eq!(show(&got), with);
    }
    // The document element as apex: the nodes outside it are not in the subset.
    let got = ours(
        xml.as_bytes(),
        &Algorithm::inclusive().with_comments(true),
        Part::Apex("r"),
    )
    .unwrap();
    assert_eq!(show(&got), "<r><!-- in --><?pi-in x ?></r>");
}

#[test]
fn doc_18_c14n_keeps_nfd_text_byte_exact() {
    // "Việt Nam" decomposed (NFD): e, U+0302, U+0323. Never Unicode-normalised: NFD and NFC
    // canonicalise (and so hash) differently.
    let nfd = "Vie\u{302}\u{323}t Nam";
    let nfc = "Việt Nam";
    assert_ne!(nfd.as_bytes(), nfc.as_bytes());
    for s in [nfd, nfc] {
        let xml = format!("<r t=\"{s}\">{s}</r>");
        let want = format!("<r t=\"{s}\">{s}</r>");
        case("NFD", &xml, Part::Document, &want, &want);
    }
}

#[test]
fn doc_18_c14n_drops_whitespace_outside_the_document_element_and_inside_tags() {
    let xml = "\r\n  \t<r\r\n  b = 'x'\ta=\"y\" ><a\n/> t </r >\r\n\r\n  ";
    let want = "<r a=\"y\" b=\"x\"><a></a> t </r>";
    case("outside whitespace", xml, Part::Document, want, want);
}

#[test]
fn doc_18_c14n_enveloped_transform_omits_the_signature_in_any_namespace() {
    for sig in [
        "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature>",
        "<Signature><SignedInfo/></Signature>",
        "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>",
    ] {
        let xml = format!("<r xmlns=\"urn:r\">\n  <a/>\n  {sig}\n  <c/>\n</r>");
        let want = "<r xmlns=\"urn:r\">\n  <a></a>\n  \n  <c></c>\n</r>";
        case("enveloped", &xml, Part::Enveloped("Signature"), want, want);
        // The same through the byte span a locator reports.
        let start = offset_of(xml.as_bytes(), "Signature").unwrap();
        let end = start + sig.len() as u64;
        let got = canonicalize_span(xml.as_bytes(), &Algorithm::inclusive(), None, Some((start, end)))
            .unwrap();
        assert_eq!(show(&got), want);
        let wrong = canonicalize_span(
            xml.as_bytes(),
            &Algorithm::inclusive(),
            None,
            Some((start, end + 1)),
        );
        assert!(
            matches!(wrong, Err(C14nError::SpanMismatch { found, .. }) if found == end),
            "{wrong:?}"
        );
    }
}

#[test]
fn doc_18_c14n_algorithm_identifiers_round_trip() {
    for uri in [
        INCLUSIVE,
        INCLUSIVE_WITH_COMMENTS,
        EXCLUSIVE,
        EXCLUSIVE_WITH_COMMENTS,
    ] {
        let alg = Algorithm::from_uri(uri).unwrap();
        assert_eq!(alg.uri(), uri);
        assert_eq!(alg.keeps_comments(), uri.ends_with("#WithComments"));
    }
    // The URI some edXML builders write is not an algorithm identifier.
    assert_eq!(
        Algorithm::from_uri("http://www.w3.org/TR/xml-exc-c14n#"),
        None
    );
    assert_eq!(
        Algorithm::from_uri("http://www.w3.org/2006/12/xml-c14n11"),
        None,
        "C14N 1.1 is not implemented"
    );
}

// ------------------------------------------------------------------------------------------------
// W3C/xmlsec interop vectors

fn merlin(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/c14n/merlin")
            .join(name),
    )
    .unwrap()
}

#[test]
fn doc_18_c14n_matches_the_merlin_c14n_three_vectors() {
    let xml = merlin("merlin-c14n-three-signature.xml");
    let something = elements(&xml)
        .into_iter()
        .find(|(_, q)| q == "bar:Something")
        .unwrap()
        .0;
    let signed_info = offset_of(&xml, "SignedInfo").unwrap();
    for (alg, apex, expected) in [
        (
            Algorithm::inclusive(),
            something,
            "merlin-c14n-three-c14n-0.txt",
        ),
        (
            Algorithm::exclusive(),
            something,
            "merlin-c14n-three-c14n-9.txt",
        ),
        (
            Algorithm::exclusive().with_inclusive_prefixes(vec!["#default".into()]),
            something,
            "merlin-c14n-three-c14n-18.txt",
        ),
        (
            Algorithm::inclusive(),
            signed_info,
            "merlin-c14n-three-c14n-27.txt",
        ),
    ] {
        let got = canonicalize_to_vec(&xml, &alg, &Subset::element_at(apex)).unwrap();
        assert_eq!(show(&got), show(&merlin(expected)), "{expected}");
    }
}

#[test]
fn doc_18_c14n_reproduces_the_merlin_exc_c14n_one_digests() {
    let xml = merlin("merlin-exc-c14n-one-exc-signature.xml");
    let text = show(&xml);
    let object = elements(&xml)
        .into_iter()
        .find(|(_, q)| q == "dsig:Object")
        .unwrap()
        .0;
    let list = || vec!["bar".to_string(), "#default".to_string()];
    for (alg, digest) in [
        (Algorithm::exclusive(), "7yOTjUu+9oEhShgyIIXDLjQ08aY="),
        (
            Algorithm::exclusive().with_inclusive_prefixes(list()),
            "09xMy0RTQM1Q91demYe/0F6AGXo=",
        ),
        (
            Algorithm::exclusive().with_comments(true),
            "ZQH+SkCN8c5y0feAr+aRTZDwyvY=",
        ),
        (
            Algorithm::exclusive()
                .with_comments(true)
                .with_inclusive_prefixes(list()),
            "a1cTqBgbqpUt6bMJN4C6zFtnoyo=",
        ),
    ] {
        assert!(text.contains(&format!("<dsig:DigestValue>{digest}</dsig:DigestValue>")));
        let c = canonicalize_to_vec(&xml, &alg, &Subset::element_at(object)).unwrap();
        assert_eq!(B64.encode(sha1(&c)), digest, "{alg:?}: {}", show(&c));
    }
}

/// SHA-1 (FIPS 180-4), only to compare with the vectors' SHA-1 digests.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(block[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[test]
fn sha1_helper_matches_fips_180_vectors() {
    let hex = |b: [u8; 20]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    assert_eq!(
        hex(sha1(b"abc")),
        "a9993e364706816aba3e25717850c26c9cd0d89d"
    );
    assert_eq!(
        hex(sha1(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        )),
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
    );
    assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

// ------------------------------------------------------------------------------------------------
// Refusals and errors: typed, with the place.

fn err(xml: &str) -> C14nError {
    canonicalize_to_vec(xml.as_bytes(), &Algorithm::inclusive(), &Subset::document()).unwrap_err()
}

#[test]
fn doc_18_c14n_refuses_a_doctype_with_an_external_entity() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>";
    let e = err(xml);
    assert!(
        matches!(e, C14nError::DoctypeRefused { at } if at.offset == 22 && at.line == 2 && at.column == 1),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("no external entities") && msg.contains("no entity expansion"),
        "{msg}"
    );
    // An external DTD only.
    let e = err("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>");
    assert!(
        matches!(e, C14nError::DoctypeRefused { at } if at.offset == 0),
        "{e:?}"
    );
}

#[test]
fn doc_18_c14n_refuses_a_billion_laughs_doctype() {
    let mut dtd = String::from("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>");
    let xml = format!("{dtd}<lolz>&lol9;</lolz>");
    assert!(matches!(err(&xml), C14nError::DoctypeRefused { .. }));
    // Without the DOCTYPE the entity is simply unknown.
    let e = err("<lolz>&lol9;</lolz>");
    assert!(
        matches!(&e, C14nError::UnknownEntity { name, at } if name == "lol9" && at.offset == 6),
        "{e:?}"
    );
    let e = err("<r a=\"x&nbsp;\"/>");
    assert!(
        matches!(&e, C14nError::UnknownEntity { name, at } if name == "nbsp" && at.offset == 7),
        "{e:?}"
    );
}

#[test]
fn doc_18_c14n_reports_an_undefined_prefix() {
    let e = err("<r>\n  <p:a/></r>");
    assert!(
        matches!(&e, C14nError::UndefinedPrefix { prefix, at } if prefix == "p" && at.offset == 7 && at.line == 2 && at.column == 4),
        "{e:?}"
    );
    let e = err("<r q:x=\"1\"/>");
    assert!(
        matches!(&e, C14nError::UndefinedPrefix { prefix, at } if prefix == "q" && at.offset == 3),
        "{e:?}"
    );
    // Out of scope after its element closed.
    let e = err("<r><a xmlns:p=\"urn:p\"/><p:b/></r>");
    assert!(
        matches!(&e, C14nError::UndefinedPrefix { prefix, .. } if prefix == "p"),
        "{e:?}"
    );
}

#[test]
fn doc_18_c14n_enforces_the_depth_and_attribute_limits() {
    let nested = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
    assert_eq!(Limits::default().max_depth, 256);
    canonicalize_to_vec(
        nested(256).as_bytes(),
        &Algorithm::inclusive(),
        &Subset::document(),
    )
    .unwrap();
    let e = err(&nested(257));
    assert!(
        matches!(e, C14nError::LimitExceeded { max: 256, at, .. } if at.offset == 256 * 3),
        "{e:?}"
    );
    let limits = Limits {
        max_depth: 3,
        max_attributes: 2,
        max_namespaces: 2,
    };
    let run = |xml: &str| {
        canonicalize_with_limits(
            xml.as_bytes(),
            &Algorithm::exclusive(),
            &Subset::document(),
            &limits,
            &mut Vec::new(),
        )
    };
    assert!(run(&nested(3)).is_ok());
    assert!(matches!(
        run(&nested(4)),
        Err(C14nError::LimitExceeded { max: 3, .. })
    ));
    assert!(run("<r a='1' b='2'/>").is_ok());
    let e = run("<r a='1' b='2' c='3'/>").unwrap_err();
    assert!(
        matches!(e, C14nError::LimitExceeded { limit, max: 2, at } if limit.contains("attributes") && at.offset == 15),
        "{e:?}"
    );
    let e = run("<r xmlns:a='urn:a'><s xmlns:b='urn:b'><t xmlns:c='urn:c'/></s></r>").unwrap_err();
    assert!(
        matches!(e, C14nError::LimitExceeded { limit, max: 2, .. } if limit.contains("namespace")),
        "{e:?}"
    );
}

#[test]
fn doc_18_c14n_reports_malformed_xml_with_its_byte_offset() {
    let cases: [(&str, u64, &str); 14] = [
        ("<r>\n<a></b></r>", 7, "expected `</a>`"),
        ("<r><a></a>", 10, "ends inside an element"),
        ("<r/>text", 4, "text outside"),
        ("<r/><s/>", 4, "second document element"),
        ("", 0, "no document element"),
        ("<r>a]]>b</r>", 4, "]]>"),
        ("<r>a\u{1}b</r>", 4, "control character"),
        ("<r a=\"<\"/>", 6, "`<` in an attribute value"),
        ("<r a=\"1\" a=\"2\"/>", 9, "duplicate attribute"),
        (
            "<r xmlns:p=\"urn:x\" xmlns:q=\"urn:x\" p:a=\"1\" q:a=\"2\"/>",
            43,
            "duplicate attribute",
        ),
        ("<r a=\"1\"b=\"2\"/>", 8, "whitespace is required"),
        ("<r>&#0;</r>", 3, "invalid reference"),
        ("<r/><?xml version=\"1.0\"?>", 4, "XML declaration"),
        ("<a:b:c/>", 1, "invalid element name"),
    ];
    for (xml, offset, reason) in cases {
        let e = err(xml);
        let at = e
            .position()
            .unwrap_or_else(|| panic!("{xml:?}: {e:?} has no position"));
        assert_eq!(at.offset, offset, "{xml:?}: {e}");
        assert!(
            matches!(e, C14nError::Malformed { .. }) && e.to_string().contains(reason),
            "{xml:?}: {e}"
        );
    }
    // Invalid UTF-8, with the offset of the first bad byte.
    let e = canonicalize_to_vec(
        b"<r>ab\xC3(</r>",
        &Algorithm::inclusive(),
        &Subset::document(),
    )
    .unwrap_err();
    assert!(
        matches!(&e, C14nError::Malformed { at, reason } if at.offset == 5 && reason.contains("UTF-8")),
        "{e:?}"
    );
    // A relative namespace URI fails C14N (§2.1).
    let e = err("<r xmlns:a=\"relative/path\"/>");
    assert!(
        matches!(&e, C14nError::RelativeNamespaceUri { uri, .. } if uri == "relative/path"),
        "{e:?}"
    );
    // Only UTF-8 XML 1.0.
    let e = err("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>");
    assert!(
        matches!(&e, C14nError::Unsupported { what: "encoding", value, .. } if value == "ISO-8859-1"),
        "{e:?}"
    );
    let e = err("<?xml version=\"1.1\"?><r/>");
    assert!(
        matches!(
            &e,
            C14nError::Unsupported {
                what: "XML version",
                ..
            }
        ),
        "{e:?}"
    );
    // An apex or omitted element that is not there.
    let e = canonicalize_to_vec(
        b"<r><a/></r>",
        &Algorithm::inclusive(),
        &Subset::element_at(1),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            C14nError::NoElementAt {
                role: "apex",
                offset: 1
            }
        ),
        "{e:?}"
    );
    let e = canonicalize_to_vec(
        b"<r><a/></r>",
        &Algorithm::inclusive(),
        &Subset::enveloped(99),
    )
    .unwrap_err();
    assert!(
        matches!(e, C14nError::NoElementAt { offset: 99, .. }),
        "{e:?}"
    );
}

#[test]
fn doc_18_c14n_reports_a_failing_writer() {
    struct Broken;
    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let e = canonicalize(
        b"<r/>",
        &Algorithm::inclusive(),
        &Subset::document(),
        &mut Broken,
    )
    .unwrap_err();
    assert!(
        matches!(e, C14nError::Write(_)) && e.to_string().contains("disk full"),
        "{e}"
    );
}

/// A large base64 text node is written through as it is (and libxml2 agrees).
#[test]
fn doc_18_c14n_streams_a_large_text_node() {
    let payload: String = (0..3_000_000u32)
        .map(|i| {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                [(i * 7 % 64) as usize] as char
        })
        .collect();
    let xml = format!(
        "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><Attachment>{payload}</Attachment>\r\n</edXML>"
    );
    let c = same_as_libxml2(
        "large",
        xml.as_bytes(),
        &Algorithm::inclusive(),
        Part::Document,
    );
    // Nothing to escape: the document itself, its one CR LF as LF.
    assert!(c == xml.replace("\r\n", "\n").as_bytes());
}

// ------------------------------------------------------------------------------------------------
// Random documents: idempotent, and equal to libxml2.

const PREFIXES: [&str; 3] = ["a", "b", "c"];

#[derive(Debug, Clone)]
enum Node {
    Elem(Elem),
    /// Text pieces, each (content, written as character references, as CDATA).
    Text(Vec<(String, bool, bool)>),
    Comment(String),
    Pi(String),
}

/// An attribute value's pieces, each (content, written as character references).
type Pieces = Vec<(String, bool)>;

#[derive(Debug, Clone)]
struct Elem {
    /// Prefix index (into PREFIXES), or none.
    prefix: Option<usize>,
    local: &'static str,
    /// (prefix index or None for the default namespace, URI variant; 2 = `xmlns=""`).
    decls: Vec<(Option<usize>, u8)>,
    /// (prefix: None, Some(i) or Some(3) for `xml`, local, value pieces, single quotes).
    attrs: Vec<(Option<usize>, &'static str, Pieces, bool)>,
    children: Vec<Node>,
}

fn uri(prefix: Option<usize>, variant: u8) -> String {
    match prefix {
        None if variant >= 2 => String::new(),
        None => format!("urn:default:{variant}"),
        Some(p) => format!("urn:{}:{}", PREFIXES[p], variant.min(1)),
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z ]{1,6}",
        Just("&".into()),
        Just("<".into()),
        Just(">".into()),
        Just("\"".into()),
        Just("'".into()),
        Just("\r\n".into()),
        Just("\r".into()),
        Just("\n".into()),
        Just("\t".into()),
        Just("]]".into()),
        Just("Việt".into()),
        Just("Vie\u{302}\u{323}t".into()),
        Just("😀".into()),
    ]
}

fn text_pieces() -> impl Strategy<Value = Vec<(String, bool, bool)>> {
    prop::collection::vec((piece(), any::<bool>(), prop::bool::weighted(0.15)), 1..5)
}

fn leaf() -> impl Strategy<Value = Node> {
    prop_oneof![
        4 => text_pieces().prop_map(Node::Text),
        1 => "[a-z ]{0,8}".prop_map(Node::Comment),
        1 => "[a-z ]{0,8}".prop_map(Node::Pi),
    ]
}

fn elem(children: impl Strategy<Value = Vec<Node>>) -> impl Strategy<Value = Elem> {
    (
        prop::option::of(0..3usize),
        prop::sample::select(vec!["e", "f", "g"]),
        prop::collection::vec((prop::option::of(0..3usize), 0..3u8), 0..3),
        prop::collection::vec(
            (
                prop::option::weighted(0.5, 0..4usize),
                prop::sample::select(vec!["x", "y", "lang", "space"]),
                prop::collection::vec((piece(), any::<bool>()), 0..4),
                any::<bool>(),
            ),
            0..4,
        ),
        children,
    )
        .prop_map(|(prefix, local, decls, attrs, children)| Elem {
            prefix,
            local,
            decls,
            attrs,
            children,
        })
}

fn tree() -> impl Strategy<Value = Elem> {
    let node = leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            2 => leaf(),
            3 => elem(prop::collection::vec(inner, 0..4)).prop_map(Node::Elem),
        ]
    });
    elem(prop::collection::vec(node, 0..5))
}

fn write_text(out: &mut String, pieces: &[(String, bool, bool)]) {
    for (s, refs, cdata) in pieces {
        if *cdata && !s.contains("]]") {
            out.push_str(&format!("<![CDATA[{s}]]>"));
            continue;
        }
        for c in s.chars() {
            match (c, refs) {
                (_, true) if !c.is_ascii_alphanumeric() => {
                    out.push_str(&format!("&#x{:X};", c as u32))
                }
                ('&', _) => out.push_str("&amp;"),
                ('<', _) => out.push_str("&lt;"),
                ('>', _) => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
    }
}

/// Writes the element; undeclared prefixes get a declaration on the element that uses them.
fn write_elem(out: &mut String, e: &Elem, scope: &mut Vec<(Option<usize>, String)>) {
    let mark = scope.len();
    let mut decls: Vec<(Option<usize>, String)> = Vec::new();
    for (p, v) in &e.decls {
        if !decls.iter().any(|(q, _)| q == p) {
            decls.push((*p, uri(*p, *v)));
        }
    }
    let bound =
        |p: usize, decls: &Vec<(Option<usize>, String)>, scope: &Vec<(Option<usize>, String)>| {
            decls.iter().any(|(q, _)| *q == Some(p)) || scope.iter().any(|(q, _)| *q == Some(p))
        };
    let mut used: Vec<usize> = e.prefix.into_iter().collect();
    let mut attrs: Vec<(String, &Pieces, bool)> = Vec::new();
    for (p, local, value, single) in &e.attrs {
        let name = match p {
            None => local.to_string(),
            Some(3) => format!("xml:{local}"),
            Some(i) => {
                used.push(*i);
                format!("{}:{local}", PREFIXES[*i])
            }
        };
        if !attrs.iter().any(|(n, _, _)| *n == name) {
            attrs.push((name, value, *single));
        }
    }
    for p in used {
        if !bound(p, &decls, scope) {
            decls.push((Some(p), uri(Some(p), 0)));
        }
    }
    let qname = match e.prefix {
        Some(p) => format!("{}:{}", PREFIXES[p], e.local),
        None => e.local.to_string(),
    };
    out.push('<');
    out.push_str(&qname);
    for (p, u) in &decls {
        match p {
            None => out.push_str(&format!(" xmlns=\"{u}\"")),
            Some(i) => out.push_str(&format!("\r\n xmlns:{}='{u}'", PREFIXES[*i])),
        }
    }
    for (name, value, single) in &attrs {
        let q = if *single { '\'' } else { '"' };
        out.push_str(&format!(" {name} =\t{q}"));
        for (s, refs) in value.iter() {
            for c in s.chars() {
                match (c, refs) {
                    (_, true) if !c.is_ascii_alphanumeric() => {
                        out.push_str(&format!("&#{};", c as u32))
                    }
                    ('&', _) => out.push_str("&amp;"),
                    ('<', _) => out.push_str("&lt;"),
                    (c, _) if c == q => out.push_str(if q == '"' { "&quot;" } else { "&apos;" }),
                    _ => out.push(c),
                }
            }
        }
        out.push(q);
    }
    scope.extend(decls);
    if e.children.is_empty() {
        out.push_str("/>");
    } else {
        out.push('>');
        for c in &e.children {
            match c {
                Node::Elem(e) => write_elem(out, e, scope),
                Node::Text(t) => write_text(out, t),
                Node::Comment(c) => out.push_str(&format!("<!--{c}-->")),
                Node::Pi(d) => out.push_str(&format!("<?pi {d}?>")),
            }
        }
        out.push_str(&format!("</{qname} >"));
    }
    scope.truncate(mark);
}

fn document(root: &Elem, prolog: bool, before: &[Node], after: &[Node]) -> String {
    let mut s = String::new();
    if prolog {
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
    }
    let misc = |s: &mut String, nodes: &[Node]| {
        for n in nodes {
            match n {
                Node::Comment(c) => s.push_str(&format!("<!--{c}-->\r\n")),
                Node::Pi(d) => s.push_str(&format!("<?top {d}?>\n")),
                _ => s.push_str(" \t\r\n"),
            }
        }
    };
    misc(&mut s, before);
    write_elem(&mut s, root, &mut Vec::new());
    misc(&mut s, after);
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn doc_18_c14n_is_idempotent_and_matches_libxml2_on_random_documents(
        root in tree(),
        prolog in any::<bool>(),
        before in prop::collection::vec(leaf(), 0..3),
        after in prop::collection::vec(leaf(), 0..3),
        alg in prop::sample::select(algorithms()),
        apex in prop::sample::select(vec!["", "e", "f", "g"]),
        omit in prop::sample::select(vec!["", "e", "f", "g"]),
    ) {
        let xml = document(&root, prolog, &before, &after);
        let bytes = xml.as_bytes();
        let parts = [
            Part::Document,
            if apex.is_empty() { Part::Document } else { Part::Apex(apex) },
            if omit.is_empty() { Part::Document } else { Part::Enveloped(omit) },
        ];
        for part in parts {
            let part = match part {
                Part::Apex(n) if offset_of(bytes, n).is_none() => continue,
                // The document element cannot be left out in lxml.
                Part::Enveloped(n) if offset_of(bytes, n).is_none_or(|o| Some(o) == offset_of(bytes, root.local)) => continue,
                p => p,
            };
            let c = ours(bytes, &alg, part).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
            if part == Part::Document {
                let again = canonicalize_to_vec(&c, &alg, &Subset::document())
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{}", show(&c))))?;
                prop_assert_eq!(show(&again), show(&c), "not idempotent on\n{}", xml);
            }
            if let Some(theirs) = lxml_c14n(bytes, &alg, part) {
                let theirs = theirs.map_err(|e| TestCaseError::fail(format!("lxml: {e}\n{xml}")))?;
                prop_assert_eq!(show(&c), show(&theirs), "{:?} {:?} differs from libxml2 on\n{}", alg, part, xml);
            }
        }
    }
}

/// DOC-28 (Đ9.1, a package as other systems wrote it): a character XML 1.0 does not allow
/// (§2.2 `Char`), written in text, an attribute, a comment or a processing instruction, or
/// referred to (`&#x1B;`), makes the document
/// not well-formed: libxml2 refuses it, and so do egov's reader and canonicaliser, naming the
/// character and its place. C1 controls such as U+009B are XML 1.0 characters: all accept them.
#[test]
fn doc_28_characters_xml_does_not_allow_are_refused_like_libxml2() {
    let doc = |inner: &str| format!("<a xmlns=\"urn:x\"><b t=\"1\">{inner}</b></a>");
    let refused = [
        doc("x&#x1B;[31m"),
        doc("x\u{1b}[31m"),
        doc("&#1;"),
        doc("x&#xFFFE;"),
        "<a xmlns=\"urn:x\" t=\"&#x7;\"/>".to_owned(),
        "<a xmlns=\"urn:x\" t=\"\u{7}\"/>".to_owned(),
        doc("<!-- x\u{1b} -->"),
        doc("<?p x\u{7}?>"),
    ];
    for xml in &refused {
        let err = egov_edxml::read_bytes(xml.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "edxml.malformed", "{xml:?}: {err}");
        assert!(err.to_string().contains("XML 1.0 does not allow"), "{err}");
        assert!(
            err.message_vi().contains("XML 1.0 không cho phép"),
            "{}",
            err.message_vi()
        );
        assert!(err.message_vi().contains("dòng 1"), "{}", err.message_vi());
        assert!(
            ours(xml.as_bytes(), &Algorithm::inclusive(), Part::Document).is_err(),
            "the canonicaliser took {xml:?}"
        );
        if let Some(theirs) = lxml_c14n(xml.as_bytes(), &Algorithm::inclusive(), Part::Document) {
            assert!(theirs.is_err(), "libxml2 took {xml:?}");
        }
    }
    let c1 = doc("x&#x9B;2J\u{9b}");
    // Well-formed (refused only as not being an edXML package).
    let err = egov_edxml::read_bytes(c1.as_bytes()).unwrap_err();
    assert_ne!(err.code(), "edxml.malformed", "{err}");
    same_as_libxml2(
        "C1 controls",
        c1.as_bytes(),
        &Algorithm::inclusive(),
        Part::Document,
    );
}
