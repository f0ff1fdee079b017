//! Vietnam time and the working-day calendar (CORE-01, CORE-02).

use super::*;

/// Parses a timestamp (CORE-01); JSON `{"datetime", "unix_seconds"}`.
#[pyfunction]
pub(crate) fn time_parse(py: Python<'_>, input: &str, local: bool) -> PyResult<String> {
    text(py, ops::time_parse(input, local))
}

/// A working-day calendar (built-in Vietnamese or the caller's JSON table).
#[pyclass(frozen, module = "egov._egov")]
pub(crate) struct Calendar {
    inner: WorkingCalendar,
}

#[pymethods]
impl Calendar {
    /// The built-in Vietnamese public-sector calendar.
    #[staticmethod]
    fn vietnam() -> Self {
        Calendar {
            inner: ops::builtin_calendar().clone(),
        }
    }

    /// A calendar from its JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        plain(py, ops::calendar_from_json(text)).map(|inner| Calendar { inner })
    }

    /// The calendar's name and version.
    #[getter]
    fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// The calendar's JSON form.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Whether `date` (`YYYY-MM-DD`) is a working day.
    fn is_working_day(&self, py: Python<'_>, date: &str) -> PyResult<bool> {
        plain(py, ops::calendar_is_working_day(&self.inner, date))
    }

    /// The first working day after `date`, `YYYY-MM-DD`.
    fn next_working_day(&self, py: Python<'_>, date: &str) -> PyResult<String> {
        text(py, ops::calendar_next_working_day(&self.inner, date))
    }

    /// `date` plus `days` working days, `YYYY-MM-DD`.
    fn add_working_days(&self, py: Python<'_>, date: &str, days: u32) -> PyResult<String> {
        text(py, ops::calendar_add_working_days(&self.inner, date, days))
    }

    /// The JSON description of `date` (as `egov workday --json`).
    fn day(&self, py: Python<'_>, date: &str) -> PyResult<String> {
        text(py, ops::calendar_day(&self.inner, date))
    }
}

/// The caller's calendar, or the built-in Vietnamese one.
pub(crate) fn calendar_or_builtin(calendar: Option<&Calendar>) -> &WorkingCalendar {
    match calendar {
        Some(c) => &c.inner,
        None => ops::builtin_calendar(),
    }
}
