//! Appending an annotation to a page in an incremental update: the page's `/Annots` array is
//! extended where it lives (its own object, or inline in a copy of the page).

use lopdf::{IncrementalDocument, Object, ObjectId};

use super::PdfError;

/// Adds `annot` to page `page`'s `/Annots`.
pub(super) fn append_annotation(
    inc: &mut IncrementalDocument,
    page: ObjectId,
    annot: ObjectId,
) -> Result<(), PdfError> {
    let w = |e: lopdf::Error| PdfError::Write(e.to_string());
    let annots: Option<Object> = inc
        .get_prev_documents()
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"Annots").ok().cloned());
    match annots {
        Some(Object::Reference(id)) => {
            let mut arr = inc
                .get_prev_documents()
                .get_object(id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default();
            arr.push(Object::Reference(annot));
            inc.new_document.objects.insert(id, Object::Array(arr));
        }
        other => {
            let mut arr = match other {
                Some(Object::Array(a)) => a,
                _ => Vec::new(),
            };
            arr.push(Object::Reference(annot));
            inc.opt_clone_object_to_new_document(page).map_err(w)?;
            inc.new_document
                .get_object_mut(page)
                .and_then(Object::as_dict_mut)
                .map_err(w)?
                .set("Annots", Object::Array(arr));
        }
    }
    Ok(())
}
