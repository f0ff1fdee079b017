//! Signed trust lists (`egov_conversion::trustlist`, issue 14): JSON text as received from a
//! list operator (or an attacker) read, verified against the fuzz key as pin, and used to check
//! a mark.
//!
//! Invariants: what reads re-validates, survives its own JSON form, and has canonical bytes; a
//! list signed (issued) by the pinned fuzz key is accepted, and changing its sequence makes it
//! unaccepted; verification and the mark check never panic and always give one state.
#![no_main]

use egov_conversion::trustlist::{check_mark, verify_lists, SignedTrustList};
use egov_conversion::PublicKey;
use egov_core::VnDateTime;
use egov_fuzz::{json_round_trip, signing_key, utf8};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = utf8(data) else { return };
    let Ok(list) = SignedTrustList::from_json(text) else {
        return;
    };
    assert!(list.list.validate().is_ok());
    let canonical = list
        .list
        .canonical_bytes()
        .expect("a list that validates is canonical");
    let again = SignedTrustList::from_json(&list.to_json()).expect("own JSON reads back");
    assert_eq!(again, list);
    assert_eq!(again.list.canonical_bytes().ok(), Some(canonical));

    let key = signing_key();
    let pin = PublicKey(key.verifying_key().to_bytes());
    let at = VnDateTime::parse("2026-03-02T10:00:00+07:00").expect("fixed time");
    let v = verify_lists(std::slice::from_ref(&list), &[pin], at);
    json_round_trip(&v.lists);
    let c = check_mark(
        "EGCM:00282574512039154461620760613781690911536985370992855",
        &v,
        None,
    );
    let _ = c.status.code();

    // Issued by the pinned key: accepted unless the list itself revokes or retires that key.
    let mut own = SignedTrustList::unsigned(list.list.clone());
    let next = list.list.next_update.max(list.list.issued_at);
    let Some(later) = next.checked_add(chrono::TimeDelta::days(1)) else {
        return;
    };
    if own.issue(&key, list.list.issued_at, later).is_err() {
        return;
    }
    let names_pin = own.list.entries.iter().any(|e| e.public_key == pin);
    let v = verify_lists(std::slice::from_ref(&own), &[pin], at);
    assert!(v.lists[0].accepted || names_pin, "{v:?}");
    let mut changed = own.clone();
    changed.list.sequence ^= 1;
    let v = verify_lists(std::slice::from_ref(&changed), &[pin], at);
    assert!(!v.lists[0].accepted, "a changed list is accepted");
});
