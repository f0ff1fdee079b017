//! The Vietnamese lunar calendar, computed at UTC+7. (Being filled in.)
