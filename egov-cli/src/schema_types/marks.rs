//! The JSON Schemas of `egov mark`, `mark pdf`, `pdf sign|verify`, `keygen`, `trustlist` and their inputs (trust set, key file): the answer types and their [`Entry`] list.

use crate::schema::Entry;

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    Vec::new()
}
