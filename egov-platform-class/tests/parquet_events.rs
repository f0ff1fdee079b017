//! Counting Parquet activity logs (issue 15; PLAT-01, NĐ 137/2024 Đ17.1): the same months as
//! the CSV of the same events, whatever the column types, with every row not counted by reason.
#![cfg(feature = "parquet")]

use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Int64Array, RecordBatch, StringArray,
    TimestampMillisecondArray,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use egov_platform_class::csv::{KindAliases, MalformedReason};
use egov_platform_class::ingest::{count_csv_reader, CountOptions};
use egov_platform_class::parquet_events::{count_parquet_files, EventColumns, IntUnit};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("egov-parquet-events-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes `batch` in row groups of `group` rows.
fn write(name: &str, batch: &RecordBatch, group: usize) -> PathBuf {
    let path = dir().join(name);
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(group))
        .build();
    let mut w = ArrowWriter::try_new(
        std::fs::File::create(&path).unwrap(),
        batch.schema(),
        Some(props),
    )
    .unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
    path
}

/// 20 000 events: integer-like and string ids, around the Vietnam month boundary, some outside
/// Vietnam; row 5 has no user, row 7 an unknown kind, row 11 no flag.
/// One event: user, Unix seconds, kind, in Vietnam.
type Event = (Option<String>, i64, Option<&'static str>, Option<bool>);

fn events() -> Vec<Event> {
    (0..20_000u64)
        .map(|i| {
            let user = match i {
                5 => None,
                _ if i % 5 == 0 => Some(format!("u-{}", i % 777)),
                _ => Some((i % 2_500).to_string()),
            };
            let at = 1_738_339_200 + (i as i64 % 300) * 60;
            let kind = match i {
                7 => Some("view"),
                _ if i % 3 == 0 => Some("access"),
                _ => Some("login"),
            };
            let vn = if i == 11 { None } else { Some(i % 9 != 0) };
            (user, at, kind, vn)
        })
        .collect()
}

fn csv_of(ev: &[Event]) -> String {
    let mut s = String::from("user_id,timestamp,kind,in_vietnam\n");
    for (u, at, k, vn) in ev {
        let vn = vn.map_or("", |b| if b { "1" } else { "0" });
        s.push_str(&format!(
            "{},{at},{},{vn}\n",
            u.clone().unwrap_or_default(),
            k.unwrap_or("")
        ));
    }
    s
}

#[test]
fn plat_01_parquet_counts_equal_csv_counts_with_rows_accounted() {
    let ev = events();
    let users: ArrayRef = Arc::new(StringArray::from(
        ev.iter().map(|e| e.0.clone()).collect::<Vec<_>>(),
    ));
    // Milliseconds with a zone, as Spark writes timestamps.
    let times: ArrayRef = Arc::new(
        TimestampMillisecondArray::from(ev.iter().map(|e| e.1 * 1000 + 999).collect::<Vec<_>>())
            .with_timezone("Asia/Ho_Chi_Minh"),
    );
    // Kinds dictionary-encoded, as pandas categoricals arrive.
    let kinds: ArrayRef = Arc::new(
        ev.iter()
            .map(|e| e.2)
            .collect::<DictionaryArray<Int32Type>>(),
    );
    let vn: ArrayRef = Arc::new(BooleanArray::from(
        ev.iter().map(|e| e.3).collect::<Vec<_>>(),
    ));
    let schema = Arc::new(Schema::new(vec![
        Field::new("uid", DataType::Utf8, true),
        Field::new("ts", times.data_type().clone(), false),
        Field::new("activity", kinds.data_type().clone(), true),
        Field::new("vn", DataType::Boolean, true),
    ]));
    let batch = RecordBatch::try_new(schema, vec![users, times, kinds, vn]).unwrap();
    let path = write("events.parquet", &batch, 3_000);
    let columns = EventColumns {
        user: "uid".into(),
        timestamp: "ts".into(),
        kind: Some("activity".into()),
        in_vietnam: Some("vn".into()),
        ..EventColumns::default()
    };
    let csv = csv_of(&ev);
    let from_csv = count_csv_reader(csv.as_bytes(), "csv", None, &CountOptions::default()).unwrap();
    for threads in [1, 3] {
        let p = count_parquet_files(
            std::slice::from_ref(&path),
            &columns,
            &KindAliases::default(),
            None,
            threads,
        )
        .unwrap();
        assert_eq!(
            p.summary.months, from_csv.summary.months,
            "{threads} threads"
        );
        assert_eq!(p.summary.events, from_csv.summary.events);
        assert_eq!(p.row_groups, 7);
        let rows = p.summary.lines.as_ref().unwrap();
        assert_eq!(rows.lines, 20_000);
        assert_eq!(rows.malformed, 3);
        for r in [
            MalformedReason::EmptyUser,
            MalformedReason::BadKind,
            MalformedReason::BadInVietnam,
        ] {
            assert_eq!(rows.malformed_by_reason.get(&r), Some(&1), "{r:?}");
        }
        assert_eq!(rows.unrecognised_kinds.get("view"), Some(&1));
        let lines: Vec<u64> = {
            let mut l: Vec<u64> = rows.examples.iter().map(|e| e.line).collect();
            l.sort_unstable();
            l
        };
        assert_eq!(
            lines,
            vec![6, 8, 12],
            "row numbers from 1, whatever the thread"
        );
    }
    // A caller's alias counts `view` as information access.
    let mut aliases = KindAliases::default();
    let (name, kind) = KindAliases::parse_pair("view=access").unwrap();
    aliases.0.insert(name, kind);
    let p = count_parquet_files(&[path], &columns, &aliases, None, 2).unwrap();
    assert_eq!(p.summary.lines.unwrap().malformed, 2);
}

#[test]
fn plat_01_parquet_integer_ids_and_seconds_and_defaults() {
    let n = 1_000i64;
    let users: ArrayRef = Arc::new(Int64Array::from(
        (0..n).map(|i| i % 100).collect::<Vec<_>>(),
    ));
    let times: ArrayRef = Arc::new(Int64Array::from(
        (0..n)
            .map(|i| (1_738_339_200 + i * 60) * 1_000_000)
            .collect::<Vec<_>>(),
    ));
    let schema = Arc::new(Schema::new(vec![
        Field::new("user_id", DataType::Int64, false),
        Field::new("timestamp", DataType::Int64, false),
    ]));
    let path = write(
        "ints.parquet",
        &RecordBatch::try_new(schema, vec![users, times]).unwrap(),
        256,
    );
    let columns = EventColumns {
        timestamp_unit: IntUnit::Microseconds,
        kind: None,
        in_vietnam: None,
        ..EventColumns::default()
    };
    let p = count_parquet_files(
        &[path.clone(), path.clone()],
        &columns,
        &KindAliases::default(),
        None,
        0,
    )
    .unwrap();
    // 16:00Z + 1000 minutes crosses 17:00Z (midnight in Vietnam): two months, 100 users each.
    let months: Vec<(String, u64)> = p
        .summary
        .months
        .iter()
        .map(|m| (m.month.to_string(), m.active_users))
        .collect();
    assert_eq!(
        months,
        vec![("2025-01".to_owned(), 60), ("2025-02".to_owned(), 100)]
    );
    assert_eq!(p.summary.events.events_counted, 2 * n as u64);
    // A column missing, or of a type not read: an error naming it.
    let bad = EventColumns {
        user: "who".into(),
        ..columns.clone()
    };
    let e = count_parquet_files(
        std::slice::from_ref(&path),
        &bad,
        &KindAliases::default(),
        None,
        1,
    )
    .unwrap_err();
    assert_eq!(egov_core::ErrorCode::code(&e), "parquet.column");
    assert!(e.to_string().contains("who"));
    let e = count_parquet_files(
        &[dir().join("none.parquet")],
        &columns,
        &KindAliases::default(),
        None,
        1,
    )
    .unwrap_err();
    assert_eq!(egov_core::ErrorCode::code(&e), "parquet.read");
    let _ = TimeUnit::Second;
}
