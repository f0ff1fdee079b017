//! Canonical XML 1.0, inclusive and exclusive (being written; see the module owner's commit).
