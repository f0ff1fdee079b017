//! Vietnam time (`egov_core::time::VnDateTime`): `parse` (offset required) and `parse_local`
//! (offset optional). Display → parse gives the same instant; serde round trip; `parse_local`
//! agrees with `parse` whenever the input carries an offset.
#![no_main]

use egov_core::{TimeError, VnDateTime, VN_OFFSET_SECONDS};
use egov_fuzz::{json_round_trip, utf8};
use libfuzzer_sys::fuzz_target;

fn check(t: &VnDateTime) {
    let shown = t.to_string();
    assert_eq!(VnDateTime::parse(&shown), Ok(*t), "display form {shown:?}");
    assert_eq!(VnDateTime::parse_local(&shown), Ok(*t), "display form {shown:?} (local)");
    json_round_trip(t);
    assert_eq!(t.as_datetime().offset().local_minus_utc(), VN_OFFSET_SECONDS);
    assert_eq!(t.to_utc(), t.as_datetime());
    assert_eq!(VnDateTime::from_utc(t.to_utc()), *t);
    assert_eq!(VnDateTime::from_local(t.naive_local()), Ok(*t));
    assert_eq!(t.since(t).num_seconds(), 0);
    if t.as_datetime().timestamp_subsec_nanos() == 0 {
        assert_eq!(VnDateTime::from_unix_seconds(t.unix_seconds()), Ok(*t));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    let strict = VnDateTime::parse(s);
    assert_eq!(s.parse::<VnDateTime>(), strict);
    if let Ok(t) = &strict {
        check(t);
    }
    match VnDateTime::parse_local(s) {
        Ok(t) => {
            check(&t);
            if let Ok(u) = &strict {
                assert_eq!(t, *u, "parse_local and parse disagree on {s:?}");
            }
        }
        Err(e) => {
            assert!(strict.is_err(), "parse_local refuses {s:?} that parse reads");
            let _ = e.to_string();
        }
    }
    if let Err(TimeError::MissingOffset { .. }) = strict {
        // No offset: read as local time, or refused only when out of range.
        match VnDateTime::parse_local(s) {
            Ok(_) | Err(TimeError::OutOfRange { .. }) => {}
            Err(e) => panic!("{s:?} lacks only an offset, yet parse_local says {e:?}"),
        }
    }
});
