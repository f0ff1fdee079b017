//! The certification (DocMDP) permissions of a document (ISO 32000-1 §12.8.2.2, §12.8.4): what
//! its author allows after certifying it. 1: no change at all; 2: form filling and signing;
//! 3: also annotations. Stamping page content is allowed by none of them; an approval
//! signature by 2 and 3; an annotation by 3.

use lopdf::{Document, Object};

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

/// The DocMDP permission `/P` of the document's certification signature (`/Perms /DocMDP`),
/// or `None` when the document is not certified. A `/TransformParams` without `/P` means 2.
pub fn docmdp_permission(doc: &Document) -> Option<u8> {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|r| resolve(doc, r))?;
    let perms = root
        .as_dict()
        .ok()?
        .get(b"Perms")
        .ok()
        .and_then(|p| resolve(doc, p))?;
    let sig = perms
        .as_dict()
        .ok()?
        .get(b"DocMDP")
        .ok()
        .and_then(|s| resolve(doc, s))?
        .as_dict()
        .ok()?;
    let refs = sig
        .get(b"Reference")
        .ok()
        .and_then(|r| resolve(doc, r))
        .and_then(|r| r.as_array().ok());
    let Some(refs) = refs else {
        return Some(2);
    };
    for r in refs {
        let Some(d) = resolve(doc, r).and_then(|d| d.as_dict().ok()) else {
            continue;
        };
        let is_docmdp = d
            .get(b"TransformMethod")
            .ok()
            .and_then(|m| m.as_name().ok())
            == Some(&b"DocMDP"[..]);
        if !is_docmdp {
            continue;
        }
        let p = d
            .get(b"TransformParams")
            .ok()
            .and_then(|t| resolve(doc, t))
            .and_then(|t| t.as_dict().ok())
            .and_then(|t| t.get(b"P").ok())
            .and_then(|p| p.as_i64().ok());
        return Some(match p {
            Some(1) => 1,
            Some(3) => 3,
            _ => 2,
        });
    }
    Some(2)
}
