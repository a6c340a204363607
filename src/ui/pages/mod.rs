//! Whole screens of the app: the start page, and the day as a participant or a table lives it.

pub mod day;
pub mod home;
