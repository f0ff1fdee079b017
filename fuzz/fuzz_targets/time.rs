//! Vietnam time (`egov_core::time::VnDateTime`): `parse` (offset required) and `parse_local`
//! (offset optional). Display → parse gives the same instant; serde round trip; `parse_local`
//! agrees with `parse` whenever the input carries an offset. `parse_date` (the date forms
//! officers and edXML write): a date read back from each of its written forms is the same date,
//! and agrees with `parse_local` at midnight.
#![no_main]

use egov_core::{TimeError, VnDateTime, VN_OFFSET_SECONDS};
use egov_fuzz::{json_round_trip, utf8};
use libfuzzer_sys::fuzz_target;

fn check(t: &VnDateTime) {
    let shown = t.to_string();
    assert_eq!(VnDateTime::parse(&shown), Ok(*t), "display form {shown:?}");
    assert_eq!(
        VnDateTime::parse_local(&shown),
        Ok(*t),
        "display form {shown:?} (local)"
    );
    json_round_trip(t);
    assert_eq!(
        t.as_datetime().offset().local_minus_utc(),
        VN_OFFSET_SECONDS
    );
    assert_eq!(t.to_utc(), t.as_datetime());
    assert_eq!(VnDateTime::from_utc(t.to_utc()), *t);
    assert_eq!(VnDateTime::from_local(t.naive_local()), Ok(*t));
    assert_eq!(t.since(t).num_seconds(), 0);
    if t.as_datetime().timestamp_subsec_nanos() == 0 {
        assert_eq!(VnDateTime::from_unix_seconds(t.unix_seconds()), Ok(*t));
    }
}

fn check_date(s: &str) {
    if let Ok(d) = egov_core::time::parse_date(s) {
        for form in ["%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%-d/%-m/%Y"] {
            let shown = d.format(form).to_string();
            assert_eq!(
                egov_core::time::parse_date(&shown),
                Ok(d),
                "{s:?} as {shown:?}"
            );
        }
        let midnight = VnDateTime::parse_local(s).expect("a date parse_date reads is a local time");
        assert_eq!(midnight.date(), d, "{s:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    check_date(s);
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
            assert!(
                strict.is_err(),
                "parse_local refuses {s:?} that parse reads"
            );
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
