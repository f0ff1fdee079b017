//! Partial counts (issue 15; PLAT-01, NĐ 137/2024 Đ17.1): the partials of disjoint parts of the
//! events merge, in any order and grouping, into exactly the count of all of them.

use egov_platform_class::ids::IdSalt;
use egov_platform_class::partial::{IdScheme, Partial, PartialError, DEFAULT_SHARDS};
use egov_platform_class::{ActivityEvent, ActivityKind, MonthlyActiveCounter, UserKey};
use proptest::prelude::*;

fn event(user: u64, at: i64, in_vietnam: bool) -> ActivityEvent {
    ActivityEvent {
        user: UserKey(user),
        at,
        kind: ActivityKind::Login,
        in_vietnam,
    }
}

fn count(events: &[ActivityEvent]) -> MonthlyActiveCounter {
    let mut c = MonthlyActiveCounter::new();
    c.add_batch(events);
    c
}

fn partial(events: &[ActivityEvent], shards: u32) -> Partial {
    Partial::from_counter(&count(events), IdScheme::Integer, shards)
}

/// Events over three months around the Vietnam month boundary, users with large keys too (the
/// signed form of keys ≥ 2^63 must sort and merge right).
fn arb_events() -> impl Strategy<Value = Vec<ActivityEvent>> {
    let user = prop_oneof![
        0u64..50,
        any::<u64>(),
        Just(0),
        Just(u64::MAX),
        Just(1 << 63)
    ];
    // 2025-01-31T16:00:00Z .. +70 days: straddles 1 February and 1 March in Vietnam time.
    let at = 1_738_339_200i64..1_738_339_200 + 70 * 86_400;
    proptest::collection::vec(
        (user, at, proptest::bool::weighted(0.9)).prop_map(|(u, t, v)| event(u, t, v)),
        0..300,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn plat_01_partial_of_parts_merges_into_the_whole(
        events in arb_events(),
        cut1 in 0usize..300,
        cut2 in 0usize..300,
        shards in 1u32..9,
    ) {
        let n = events.len();
        let (a, b) = (cut1.min(n), cut2.min(n));
        let (lo, hi) = (a.min(b), a.max(b));
        let whole = partial(&events, shards);
        prop_assert!(whole.validate().is_ok());
        let p1 = partial(&events[..lo], shards);
        let p2 = partial(&events[lo..hi], shards);
        let p3 = partial(&events[hi..], shards);
        // Associative and commutative.
        let left = p1.clone().merge(p2.clone()).unwrap().merge(p3.clone()).unwrap();
        let right = p3.clone().merge(p1.clone().merge(p2.clone()).unwrap()).unwrap();
        let swapped = p2.merge(p3).unwrap().merge(p1).unwrap();
        prop_assert_eq!(&left, &whole);
        prop_assert_eq!(&right, &whole);
        prop_assert_eq!(&swapped, &whole);
        // Empty is the identity; the counter read back counts the same.
        let e = Partial::empty(IdScheme::Integer, shards);
        prop_assert_eq!(&e.merge(whole.clone()).unwrap(), &whole);
        let back = whole.clone().into_counter();
        prop_assert_eq!(back.months(), count(&events).months());
        prop_assert_eq!(back.stats(), count(&events).stats());
        // JSON round trip.
        let json = serde_json::to_string(&whole).unwrap();
        prop_assert_eq!(serde_json::from_str::<Partial>(&json).unwrap(), whole.clone());
        // The rows: COUNT(DISTINCT key) GROUP BY month gives the monthly counts.
        let mut by_month = std::collections::BTreeMap::new();
        for (m, _, k) in whole.rows() {
            by_month.entry(m).or_insert_with(std::collections::BTreeSet::new).insert(k);
        }
        let counts: Vec<(String, u64)> = by_month.iter().map(|(m, s)| (m.to_string(), s.len() as u64)).collect();
        let expected: Vec<(String, u64)> = count(&events).months().iter().map(|m| (m.month.to_string(), m.active_users)).collect();
        prop_assert_eq!(counts, expected);
    }
}

#[test]
fn plat_01_partials_of_other_schemes_or_shards_do_not_merge() {
    let events = [event(1, 1_738_339_200, true)];
    let salt = IdSalt::from_bytes(&[7; 16]);
    let keyed = Partial::from_counter(&count(&events), IdScheme::keyed(&salt), DEFAULT_SHARDS);
    let other = Partial::from_counter(
        &count(&events),
        IdScheme::keyed(&IdSalt::from_bytes(&[8; 16])),
        DEFAULT_SHARDS,
    );
    assert!(matches!(
        keyed.clone().merge(other),
        Err(PartialError::SchemeMismatch(..))
    ));
    assert!(matches!(
        keyed.clone().merge(partial(&events, DEFAULT_SHARDS)),
        Err(PartialError::SchemeMismatch(..))
    ));
    let eight = Partial::from_counter(&count(&events), IdScheme::keyed(&salt), 8);
    assert!(matches!(
        keyed.merge(eight),
        Err(PartialError::ShardMismatch(16, 8))
    ));
}

#[test]
fn plat_01_validate_names_what_is_wrong() {
    let events: Vec<ActivityEvent> = (0..40).map(|u| event(u, 1_738_339_200, true)).collect();
    let good = partial(&events, 4);
    assert!(good.validate().is_ok());
    let mut unsorted = good.clone();
    unsorted.months[0].shards[0].reverse();
    assert!(unsorted
        .validate()
        .unwrap_err()
        .to_string()
        .contains("sorted"));
    let mut moved = good.clone();
    let k = moved.months[0].shards[0].remove(0);
    moved.months[0].shards[1].push(k);
    moved.months[0].shards[1].sort_unstable();
    assert!(moved
        .validate()
        .unwrap_err()
        .to_string()
        .contains("another shard"));
    let mut few = good.clone();
    few.months[0].events = 1;
    assert!(few.validate().unwrap_err().to_string().contains("events"));
    let mut fmt = good;
    fmt.format = "x".into();
    assert!(fmt.validate().is_err());
}

#[test]
fn plat_01_keyed_ids_differ_from_unkeyed_and_by_salt() {
    let a = IdSalt::from_bytes(&[1; 16]);
    let b = IdSalt::from_bytes(&[2; 16]);
    let id = b"0912345678";
    assert_ne!(a.key(id), b.key(id));
    assert_ne!(a.key(id), UserKey::from_bytes(id));
    assert_eq!(a.key(id), IdSalt::from_bytes(&[1; 16]).key(id));
}

#[cfg(feature = "parquet")]
#[test]
fn plat_01_partial_parquet_round_trip() {
    use egov_platform_class::parquet_partial::{read_partial_bytes, write_partial};
    let events: Vec<ActivityEvent> = (0..5000u64)
        .map(|u| {
            event(
                u.wrapping_mul(0x9E37_79B9_7F4A_7C15),
                1_738_339_200 + (u as i64 % 60) * 86_400,
                u % 17 != 0,
            )
        })
        .collect();
    let p = Partial::from_counter(
        &count(&events),
        IdScheme::keyed(&IdSalt::from_bytes(&[3; 16])),
        8,
    );
    let mut file = Vec::new();
    write_partial(&p, &mut file).unwrap();
    assert!(file.starts_with(b"PAR1"));
    let back = read_partial_bytes(file.clone()).unwrap();
    assert_eq!(back, p);
    // Not a partial: a clear error.
    let err = read_partial_bytes(b"not parquet".to_vec()).unwrap_err();
    assert_eq!(egov_core::ErrorCode::code(&err), "partial.invalid");
}

#[test]
fn plat_01_partials_of_csv_parts_merge_with_their_line_accounting() {
    use egov_platform_class::ingest::{count_csv_reader, partial_of_csv_reader, CountOptions};
    // Integer and string ids, a line outside Vietnam, a malformed line in each part, events on
    // both sides of the Vietnam month boundary (2025-01-31T17:00Z = 1 February 00:00 +07).
    let mut csv = String::from("user_id,timestamp,kind,in_vietnam\n");
    for i in 0..3000u64 {
        let user = if i % 3 == 0 {
            format!("user-{}", i % 700)
        } else {
            (i % 900).to_string()
        };
        let at = 1_738_342_800 - 3600 + (i as i64 % 7) * 1200;
        csv.push_str(&format!("{user},{at},login,{}\n", u8::from(i % 11 != 0)));
        if i % 1000 == 999 {
            csv.push_str("broken line\n");
        }
    }
    let lines: Vec<&str> = csv.lines().collect();
    let header = lines[0];
    let body = &lines[1..];
    let thirds: Vec<String> = body
        .chunks(body.len().div_ceil(3))
        .map(|c| format!("{header}\n{}\n", c.join("\n")))
        .collect();
    let opts = CountOptions {
        threads: 2,
        block_size: 4096,
        ..CountOptions::default()
    };
    let (whole_count, whole) =
        partial_of_csv_reader(csv.as_bytes(), "all", None, &opts, 4).unwrap();
    let mut merged = Partial::empty(IdScheme::Xxh3, 4);
    for t in &thirds {
        let (_, p) = partial_of_csv_reader(t.as_bytes(), "part", None, &opts, 4).unwrap();
        merged = merged.merge(p).unwrap();
    }
    assert_eq!(merged.months, whole.months);
    assert_eq!(merged.stats, whole.stats);
    let (ml, wl) = (merged.lines.clone().unwrap(), whole.lines.clone().unwrap());
    assert_eq!(ml.malformed, 3);
    assert_eq!(ml.malformed, wl.malformed);
    assert_eq!(ml.events, wl.events);
    let plain = count_csv_reader(csv.as_bytes(), "all", None, &opts).unwrap();
    assert_eq!(plain.summary.months, whole_count.summary.months);
    let counted = merged.into_counter();
    assert_eq!(counted.months(), plain.summary.months);
    assert_eq!(
        counted.months().len(),
        2,
        "January and February in Vietnam time"
    );
}
