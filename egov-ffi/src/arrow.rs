//! Activity events as Apache Arrow data (issue 15, PLAT-01, NĐ 137/2024 Đ17.1):
//! `egov_arrow_counter_*`, record batches taken through the Arrow C data interface
//! (<https://arrow.apache.org/docs/format/CDataInterface.html>) without copying them into
//! JSON. Every rule is egov-platform-class's `ArrowEventCounter`; this module moves values.

use arrow_array::ffi::{from_ffi, FFI_ArrowArray};
use arrow_array::{RecordBatch, StructArray};
use arrow_schema::ffi::FFI_ArrowSchema;
use egov_platform_class::arrow_events::ArrowEventCounter;

use super::*;

/// A counter of activity events given as Arrow record batches.
pub struct EgovArrowCounter(ArrowEventCounter);

/// Creates a counter of Arrow record batches. `options_json` (NULL: the defaults) is
/// `{"columns"?: {"user"? (default "user_id"), "timestamp"? ("timestamp"), "timestamp_unit"?
/// ("seconds", "milliseconds", "microseconds": an integer timestamp's unit; Arrow timestamps
/// carry their own), "kind"? ("kind"; null: every row is "default_kind"), "default_kind"?
/// ("login"), "in_vietnam"? ("in_vietnam"; null: you attest every row is in Vietnam)},
/// "kinds"?: {"view": "information_access"} (your mapping of other activity names to the kinds
/// of Đ17.1), "id_salt"?: "32 hex digits" (string ids keyed under your secret salt,
/// SipHash-2-4)}`. A salt that is not 32 hex digits is `EGOV_RESULT_INVALID_INPUT` with code
/// `platform.id_salt`. Free the counter with [`egov_arrow_counter_free`].
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out_counter` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_arrow_counter_new(
    options_json: *const c_char,
    out_counter: *mut *mut EgovArrowCounter,
) -> EgovResult {
    guard(|| {
        // SAFETY: forwarded contract of this function.
        let (options, slot) = unsafe {
            (
                arg_opt_str(options_json, "options_json")?,
                out_slot(out_counter, "out_counter")?,
            )
        };
        let counter = ops::arrow_counter_new(options)?;
        *slot = Box::into_raw(Box::new(EgovArrowCounter(counter)));
        Ok(())
    })
}

/// Frees a counter; NULL is a no-op.
///
/// # Safety
/// `counter` is NULL or a handle from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn egov_arrow_counter_free(counter: *mut EgovArrowCounter) {
    if counter.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: created by `Box::into_raw` in this library, freed once.
        drop(unsafe { Box::from_raw(counter) });
    }));
}

/// Counts one record batch given through the Arrow C data interface: `array` a struct array
/// (one child per column) and `schema` its struct schema (the form `RecordBatch` export takes
/// in every Arrow implementation: Arrow C++ `ExportRecordBatch`, nanoarrow, arrow-rs, pyarrow's
/// `_export_to_c`). **Both are moved in**: egov calls their `release` callbacks (on success and on
/// error) and marks them released, so the caller must not release them again. A batch whose
/// named columns are missing or of another type is refused whole (`EGOV_RESULT_INVALID_INPUT`,
/// code `arrow.column`); a structure the importer cannot read is `arrow.import`; rows that
/// cannot be read are counted by reason (see [`egov_arrow_counter_summary`]).
///
/// # Safety
/// `counter` is a live handle used by no other thread; `array` and `schema` point to valid,
/// not yet released Arrow C data interface structures describing the same struct array.
#[no_mangle]
pub unsafe extern "C" fn egov_arrow_counter_add(
    counter: *mut EgovArrowCounter,
    array: *mut FFI_ArrowArray,
    schema: *mut FFI_ArrowSchema,
) -> EgovResult {
    guard(|| {
        if array.is_null() {
            return Err(null_arg("array"));
        }
        if schema.is_null() {
            return Err(null_arg("schema"));
        }
        // SAFETY: non-NULL and valid by the caller's contract; `from_raw` moves the structure
        // out and leaves the caller's marked released, so it is released exactly once (here,
        // when the imported data drops).
        let (array, schema) = unsafe {
            (
                FFI_ArrowArray::from_raw(array),
                FFI_ArrowSchema::from_raw(schema),
            )
        };
        // SAFETY: as above.
        let c = unsafe { arg_handle_mut(counter, "counter")? };
        let import = |e: arrow_schema::ArrowError| {
            OpError::input(BindingError::Arrow {
                stream: false,
                reason: e.to_string(),
            })
        };
        // SAFETY: `array` and `schema` describe the same data by the caller's contract.
        let data = unsafe { from_ffi(array, &schema) }.map_err(import)?;
        let batch = match data.data_type() {
            arrow_schema::DataType::Struct(_) => RecordBatch::from(StructArray::from(data)),
            other => {
                return Err(OpError::input(BindingError::Arrow {
                    stream: false,
                    reason: format!(
                        "a record batch is a struct array (one child per column), not {other}"
                    ),
                }))
            }
        };
        if batch.num_rows() == 0 && batch.num_columns() == 0 {
            return Ok(());
        }
        c.0.add_batch(&batch).map_err(|e| OpError::domain(&e))
    })
}

/// The months counted so far and the accounting of every row: `{"months": [{"month",
/// "active_users", "events"}], "events": {…}, "lines": {"lines" (rows), "malformed",
/// "malformed_by_reason", "examples"…}, "id_hash", "collision_bound"}` — the `monthly` that
/// [`egov_platform_classify`] takes.
///
/// # Safety
/// `counter` is a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_arrow_counter_summary(
    counter: *const EgovArrowCounter,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let c = arg_handle(counter, "counter")?;
            ops::to_text(&c.0.summary())
        })
    }
}

/// The partial count (`egov-partial/1` JSON: the distinct keys of each month in `shards`
/// shards, with the accounting), to merge with partials made elsewhere (`egov platform merge`).
/// `shards` 0 is `EGOV_RESULT_INVALID_INPUT`.
///
/// # Safety
/// `counter` is a live handle; `out_json` is writable.
#[no_mangle]
pub unsafe extern "C" fn egov_arrow_counter_partial(
    counter: *const EgovArrowCounter,
    shards: u32,
    out_json: *mut *mut c_char,
) -> EgovResult {
    // SAFETY: the caller's contract covers every pointer.
    unsafe {
        string_out(out_json, || {
            let c = arg_handle(counter, "counter")?;
            if shards == 0 || shards > 65_536 {
                return Err(OpError::input(BindingError::Shards {
                    shards: u64::from(shards),
                }));
            }
            ops::to_text(&c.0.partial(shards))
        })
    }
}
