//! The built-in Vietnamese public-sector calendar. (Being filled in: announced schedules
//! 2018–2027 and the statutory rule for later years.)

use super::WorkingCalendar;

/// The built-in public-sector calendar.
pub fn public_sector_calendar() -> WorkingCalendar {
    let mut cal = WorkingCalendar::weekends_only();
    cal.name = "vn-public-sector (incomplete)".to_owned();
    cal
}
