//! The JSON Schemas of `egov checklist list|show` and the checklist inputs (service facts, indicators): the answer types and their [`Entry`] list.

use crate::schema::Entry;

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    Vec::new()
}
