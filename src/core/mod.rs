//! The pure core of dialogue-kit: everything a test or the command-line program wants to
//! check, with no browser in sight.
//!
//! Nothing under `core` imports `yew`, `web-sys` or `gloo`. The web layer (`crate::ui`) and the
//! `dialogue-kit` binary both sit on top of these modules, so a questionnaire behaves the same in
//! a phone's browser, in `cargo test` and on a coordinator's laptop.

pub mod answers;
pub mod ballots;
pub mod bits;
pub mod chart;
pub mod code;
pub mod condition;
pub mod countries;
pub mod crc;
pub mod dataset;
pub mod definition;
pub mod export;
pub mod flow;
pub mod group_orders;
pub mod hash;
pub mod link;
pub mod packed;
pub mod parse;
pub mod preflib;
pub mod progress;
pub mod qr;
pub mod ranking;
pub mod record;
pub mod report;
pub mod results;
pub mod sample;
pub mod tally;
#[cfg(test)]
pub mod testkit;
pub mod text;
pub mod time;
pub mod vals;
