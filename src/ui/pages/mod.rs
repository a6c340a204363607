//! Whole screens of the app: the start page and the participant's day.

pub mod home;
pub mod participant;
