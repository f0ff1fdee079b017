//! Counting Arrow record batches (issue 15; PLAT-01, NĐ 137/2024 Đ17.1): the same counts and
//! the same accounting as CSV, across batches, with string ids keyed under the platform's salt.
#![cfg(feature = "arrow")]

use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    BooleanArray, DictionaryArray, Int64Array, RecordBatch, StringArray, TimestampMillisecondArray,
};
use egov_platform_class::arrow_events::{ArrowEventCounter, EventColumns};
use egov_platform_class::ids::IdSalt;
use egov_platform_class::ingest::{partial_of_csv_reader, CountOptions};
use egov_platform_class::partial::IdScheme;

/// 2025-01-31T17:00:00Z = 1 February 2025 00:00 in Vietnam.
const FEB_VN: i64 = 1_738_342_800;

fn batch(users: Vec<&str>, at: Vec<i64>, kinds: Vec<Option<&str>>, vn: Vec<bool>) -> RecordBatch {
    RecordBatch::try_from_iter([
        ("user_id", Arc::new(StringArray::from(users)) as _),
        (
            "timestamp",
            Arc::new(TimestampMillisecondArray::from(at).with_timezone("UTC")) as _,
        ),
        ("kind", Arc::new(StringArray::from(kinds)) as _),
        ("in_vietnam", Arc::new(BooleanArray::from(vn)) as _),
    ])
    .unwrap()
}

#[test]
fn plat_01_arrow_batches_count_by_vietnam_month_with_rows_accounted() {
    let mut c = ArrowEventCounter::new(EventColumns::default(), Default::default(), None);
    // One second before and at the Vietnam month boundary; a user abroad; a bad kind; a null.
    c.add_batch(&batch(
        vec!["a", "b", "c"],
        vec![(FEB_VN - 1) * 1000, FEB_VN * 1000, FEB_VN * 1000],
        vec![Some("login"), Some("service_use"), Some("login")],
        vec![true, true, false],
    ))
    .unwrap();
    c.add_batch(&batch(
        vec!["a", "d", "e"],
        vec![FEB_VN * 1000; 3],
        vec![Some("access"), Some("dance"), None],
        vec![true; 3],
    ))
    .unwrap();
    let s = c.summary();
    let months: Vec<(String, u64)> = s
        .months
        .iter()
        .map(|m| (m.month.to_string(), m.active_users))
        .collect();
    assert_eq!(months, [("2025-01".into(), 1), ("2025-02".into(), 2)]);
    let rows = s.lines.unwrap();
    assert_eq!((rows.lines, rows.events, rows.malformed), (6, 4, 2));
    // Row numbers run on across batches; the offset is the batch.
    let ex: Vec<(u64, u64)> = rows.examples.iter().map(|e| (e.line, e.offset)).collect();
    assert_eq!(ex, [(5, 1), (6, 1)]);
    assert_eq!(s.events.outside_vietnam, 1);
    assert_eq!(c.batches(), 2);
}

#[test]
fn plat_01_arrow_batch_with_wrong_columns_is_refused_whole() {
    let mut c = ArrowEventCounter::new(EventColumns::default(), Default::default(), None);
    let b = RecordBatch::try_from_iter([("user_id", Arc::new(Int64Array::from(vec![1, 2])) as _)])
        .unwrap();
    let e = c.add_batch(&b).unwrap_err();
    assert_eq!(e.column, "timestamp");
    assert_eq!(egov_core::ErrorCode::code(&e), "arrow.column");
    let b = RecordBatch::try_from_iter([
        ("user_id", Arc::new(BooleanArray::from(vec![true])) as _),
        ("timestamp", Arc::new(Int64Array::from(vec![FEB_VN])) as _),
        ("kind", Arc::new(StringArray::from(vec!["login"])) as _),
        ("in_vietnam", Arc::new(BooleanArray::from(vec![true])) as _),
    ])
    .unwrap();
    assert!(c.add_batch(&b).unwrap_err().message.contains("Boolean"));
    assert_eq!(c.summary().lines.unwrap().lines, 0);
}

#[test]
fn plat_01_dictionary_kinds_and_integer_ids() {
    let kinds: DictionaryArray<Int32Type> = vec!["login", "login", "nope", "service"]
        .into_iter()
        .collect();
    let b = RecordBatch::try_from_iter([
        ("user_id", Arc::new(Int64Array::from(vec![7, 7, 8, 9])) as _),
        (
            "timestamp",
            Arc::new(Int64Array::from(vec![FEB_VN; 4])) as _,
        ),
        ("kind", Arc::new(kinds) as _),
    ])
    .unwrap();
    let cols = EventColumns {
        in_vietnam: None,
        ..EventColumns::default()
    };
    let mut c = ArrowEventCounter::new(cols, Default::default(), None);
    c.add_batch(&b).unwrap();
    let s = c.summary();
    assert_eq!(s.months[0].active_users, 2);
    assert_eq!(s.lines.unwrap().malformed, 1);
}

#[test]
fn plat_01_salted_ids_key_digits_too_and_match_the_csv_reader() {
    let salt = IdSalt::from_hex("000102030405060708090a0b0c0d0e0f").unwrap();
    let users = vec!["0912345678", "user@example.vn", "0912345678"];
    let b = batch(
        users.clone(),
        vec![FEB_VN * 1000; 3],
        vec![Some("login"); 3],
        vec![true; 3],
    );
    let mut c = ArrowEventCounter::new(
        EventColumns::default(),
        Default::default(),
        Some(salt.clone()),
    );
    c.add_batch(&b).unwrap();
    let p = c.partial(4);
    assert_eq!(p.ids, IdScheme::keyed(&salt));
    let keys: Vec<i64> = p.rows().map(|(_, _, k)| k).collect();
    // A phone number in digits is keyed, never kept as the integer 912345678.
    assert!(!keys.contains(&912_345_678));
    let mut expected: Vec<i64> = [salt.key(b"0912345678"), salt.key(b"user@example.vn")]
        .iter()
        .map(|k| k.0 as i64)
        .collect();
    expected.sort_unstable();
    let mut got = keys.clone();
    got.sort_unstable();
    assert_eq!(got, expected);
    assert!(c.summary().id_hash.contains(&salt.salt_id()));

    // The CSV reader under the same salt keys the same users the same way.
    let csv = format!(
        "user_id,timestamp,kind,in_vietnam\n{}",
        users
            .iter()
            .map(|u| format!("{u},{FEB_VN},login,1\n"))
            .collect::<String>()
    );
    let opts = CountOptions {
        salt: Some(salt.clone()),
        ..CountOptions::default()
    };
    let (r, csv_partial) = partial_of_csv_reader(csv.as_bytes(), "csv", None, &opts, 4).unwrap();
    assert_eq!(csv_partial.ids, IdScheme::keyed(&salt));
    assert_eq!(csv_partial.months, p.months);
    assert!(r.summary.id_hash.contains("SipHash"));
    // Without the salt, the digits are the integer (the CSV reader's documented default).
    let (_, plain) =
        partial_of_csv_reader(csv.as_bytes(), "csv", None, &CountOptions::default(), 4).unwrap();
    assert!(plain.rows().any(|(_, _, k)| k == 912_345_678));
}
