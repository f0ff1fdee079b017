//! The JSON Schemas of every `egov edxml` subcommand: the answer types and their [`Entry`] list.

use crate::schema::Entry;

/// This domain's committed schemas (inputs first), appended to [`crate::schema::entries`].
pub fn entries() -> Vec<Entry> {
    Vec::new()
}
