//! The signed payload in the document's XMP metadata (catalog `/Metadata`): own namespace,
//! declared in a PDF/A extension schema (ISO 19005-1 §6.7.8) so that PDF/A files stay valid.
//!
//! Properties (all simple text): `egcm:payload` the QR text exactly as printed,
//! `egcm:originalLength` the length N of the original file in bytes (the signed copy is the
//! payload's `pdf.len` extension), `egcm:page` the 1-based page carrying the printed mark.

/// The XMP namespace of egov conversion marks.
pub const NAMESPACE: &str = "https://egov-sdk.github.io/ns/conversion-mark/1.0/";
/// Its prefix.
pub const PREFIX: &str = "egcm";

const BEGIN_MARK: &str = "<!-- egov conversion mark: begin -->";
const END_MARK: &str = "<!-- egov conversion mark: end -->";

/// What egov writes into the XMP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmpMark {
    /// The QR text (payload), as printed.
    pub payload: String,
    /// Length of the original file, bytes.
    pub original_length: u64,
    /// Page carrying the mark, 1-based.
    pub page: u32,
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The egov `rdf:Description`s: the extension schema (first child `pdfaExtension:schemas`, in a
/// Description of its own as xmpbox/PDFBox Preflight requires, PDF.md §5) and the values.
fn descriptions(m: &XmpMark, with_schema: bool) -> String {
    let schema = if with_schema {
        format!(
            "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n\
             <pdfaExtension:schemas><rdf:Bag>{}</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n",
            schema_li(false)
        )
    } else {
        String::new()
    };
    format!(
        "{BEGIN_MARK}\n{schema}<rdf:Description rdf:about=\"\" xmlns:{PREFIX}=\"{NAMESPACE}\">\n\
         <{PREFIX}:payload>{}</{PREFIX}:payload>\n\
         <{PREFIX}:originalLength>{}</{PREFIX}:originalLength>\n\
         <{PREFIX}:page>{}</{PREFIX}:page>\n\
         </rdf:Description>\n{END_MARK}\n",
        escape(&m.payload),
        m.original_length,
        m.page
    )
}

fn property(name: &str, ty: &str, desc: &str) -> String {
    format!(
        "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name><pdfaProperty:valueType>{ty}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>{desc}</pdfaProperty:description></rdf:li>"
    )
}

/// The extension schema's `rdf:li` for the egcm namespace.
/// The extension schema entry. `declare`: with the `pdfaSchema`/`pdfaProperty` namespace
/// declarations on the entry itself, for a packet that does not declare them (PDFBox's xmpbox
/// ignores an entry that redeclares them, so they are left out when the packet has them).
fn schema_li(declare: bool) -> String {
    let ns = if declare {
        " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\""
    } else {
        ""
    };
    format!(
        "<rdf:li rdf:parseType=\"Resource\"{ns}><pdfaSchema:schema>egov conversion mark (NĐ 137/2024/NĐ-CP Điều 4, 5)</pdfaSchema:schema><pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI><pdfaSchema:prefix>{PREFIX}</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>{}{}{}</rdf:Seq></pdfaSchema:property></rdf:li>",
        property("payload", "Text", "Signed conversion-mark payload, the QR text as printed"),
        property("originalLength", "Integer", "Length in bytes of the original file, the prefix the payload's content hash covers"),
        property("page", "Integer", "Page carrying the printed mark, 1-based"),
    )
}

/// A fresh XMP packet holding only the egov mark.
pub fn new_packet(m: &XmpMark) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n{}</rdf:RDF>\n</x:xmpmeta>\n{}<?xpacket end=\"w\"?>",
        descriptions(m, true),
        " ".repeat(64)
    )
}

/// Merges the egov mark into an existing XMP packet: an earlier egov block is replaced; when
/// the packet already declares PDF/A extension schemas, the egcm schema joins that `rdf:Bag`
/// (a second `pdfaExtension:schemas` property would be a duplicate), otherwise a Description
/// of its own is added. A read-only packet trailer (`end="r"`) becomes writable (`"w"`).
/// `None` when the packet has no `</rdf:RDF>` to insert before (the caller writes a new one).
pub fn merge(existing: &str, m: &XmpMark) -> Option<String> {
    let mut x = existing.to_owned();
    // Drop an earlier egov block (a re-stamped file carries only the newest mark).
    while let (Some(b), Some(e)) = (x.find(BEGIN_MARK), x.find(END_MARK)) {
        if e < b {
            break;
        }
        x.replace_range(b..e + END_MARK.len(), "");
    }
    // PDFBox's xmpbox (Preflight) registers extension schemas only from an rdf:Description whose
    // first child is `pdfaExtension:schemas`, before it reads the data: an existing schemas
    // property inside another description (krilla writes one after its data) is moved into a
    // description of its own at the top, with this namespace's entry added.
    let mut with_schema = true;
    const OPEN: &str = "<pdfaExtension:schemas>";
    const CLOSE: &str = "</pdfaExtension:schemas>";
    if let (Some(b), Some(e)) = (x.find(OPEN), x.find(CLOSE)) {
        if e < b {
            return None;
        }
        let mut schemas = x[b..e + CLOSE.len()].to_owned();
        if !schemas.contains(NAMESPACE) {
            let at = schemas.find("<rdf:Bag>")? + "<rdf:Bag>".len();
            schemas.insert_str(at, &schema_li(false));
        }
        let own = x[..b]
            .rfind("<rdf:Description")
            .map(|d| {
                x[d..b].trim_end().ends_with('>') && {
                    let head = &x[d..b];
                    !head[head.find('>').unwrap_or(0) + 1..].contains('<')
                }
            })
            .unwrap_or(false);
        if !own {
            x.replace_range(b..e + CLOSE.len(), "");
            let rdf = x.find("<rdf:RDF")?;
            let at = rdf + x[rdf..].find('>')? + 1;
            x.insert_str(
                at,
                &format!(
                    "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">{schemas}</rdf:Description>\n"
                ),
            );
        } else {
            x.replace_range(b..e + CLOSE.len(), &schemas);
        }
        with_schema = false;
    }
    let end = x.rfind("</rdf:RDF>")?;
    x.insert_str(end, &descriptions(m, with_schema));
    Some(
        x.replace("<?xpacket end=\"r\"?>", "<?xpacket end=\"w\"?>")
            .replace("<?xpacket end='r'?>", "<?xpacket end='w'?>"),
    )
}

fn element<'a>(x: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{PREFIX}:{name}>");
    let close = format!("</{PREFIX}:{name}>");
    let s = x.find(&open)? + open.len();
    let e = x[s..].find(&close)? + s;
    Some(&x[s..e])
}

/// Reads the egov mark from an XMP packet (`None` when there is none). Fields that do not parse
/// are `None`-equivalent: the payload is required, a bad length or page is reported as 0.
pub fn read(xmp: &str) -> Option<XmpMark> {
    let payload = unescape(element(xmp, "payload")?.trim());
    let original_length = element(xmp, "originalLength")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let page = element(xmp, "page")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Some(XmpMark {
        payload,
        original_length,
        page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conv_12_xmp_round_trip_and_merge() {
        let m = XmpMark {
            payload: "https://x.gov.vn/a?b=1&c=2#EGCM:123".into(),
            original_length: 42,
            page: 2,
        };
        assert_eq!(read(&new_packet(&m)), Some(m.clone()));
        let existing = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' xmlns:pdfaExtension='http://www.aiim.org/pdfa/ns/extension/'><pdfaExtension:schemas><rdf:Bag></rdf:Bag></pdfaExtension:schemas></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='r'?>";
        let merged = merge(existing, &m).unwrap();
        assert_eq!(read(&merged), Some(m.clone()));
        assert_eq!(merged.matches("<pdfaExtension:schemas>").count(), 1);
        assert!(merged.ends_with("<?xpacket end='w'?>"));
        let m2 = XmpMark { page: 1, ..m };
        let again = merge(&merged, &m2).unwrap();
        assert_eq!(read(&again), Some(m2));
        assert_eq!(again.matches("<egcm:payload>").count(), 1);
    }
}
