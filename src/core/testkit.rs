//! Helpers shared by the core's tests: the sample module's small deterministic random
//! generator, so that proptest's seeds drive whole generated profiles and answer sets
//! reproducibly.

pub use super::sample::Rng;
