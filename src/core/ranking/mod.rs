//! The ranking engine: what a group's ordered ballots say together.
//!
//! A [`Profile`] is a weighted list of ballots over options `0..n`; each ballot is an ordered
//! list of tiers of tied options and may stop before the last option (top k). Every method
//! works on that one shape, whatever the ballots came from (a PrefLib file through
//! [`crate::core::preflib`], a table's phones through [`table`]). The conventions for
//! unranked options and ties are written down in `docs/ranking.md`; in short, unranked options
//! are tied below every ranked one, pairwise methods count only expressed preferences, and ties
//! in a result are always reported as ties: where one order has to be shown, the tie-break that
//! made it is named ([`BY_OPTION_ID`]).
//!
//! [`report::rank`] runs every method and gives the JSON printed by `dialogue-kit rank`.

use std::fmt;

pub mod agreement;
pub mod irv;
pub mod kemeny;
pub mod pairwise;
pub mod profile;
pub mod ranked_pairs;
pub mod report;
pub mod schulze;
pub mod scoring;
pub mod table;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod textbook;

pub use pairwise::Pairwise;
pub use profile::{Ballot, OptionInfo, OptionTag, Profile, ProfileError};

/// The tie-break named in results when one order is shown although options are tied: among
/// tied options (or, for Kemeny, among optimal orders) the lower option id comes first.
pub const BY_OPTION_ID: &str = "option id";

/// The outcome of a method that gives co-winners and one order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ordered {
    /// Every co-winner, by option index.
    pub winners: Vec<usize>,
    /// One order of all options, best first.
    pub order: Vec<usize>,
    /// The tie-break that chose `order` among several the method allows; `None` when the
    /// method's result fixes the order.
    pub order_tie_break: Option<&'static str>,
    /// The order as tiers of options the method does not separate.
    pub tiers: Vec<Vec<usize>>,
}

/// Why a method gives no result for a valid profile: the profile is beyond what the method
/// computes exactly in reasonable time and memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RankError {
    /// The method is limited to `max` options.
    TooManyOptions { method: &'static str, options: usize, max: usize },
    /// Ranked pairs: finding every co-winner needs more than `budget` steps of search.
    TooManyTieOrders { pairs: usize, budget: usize },
    /// Exact counting of split ballots would overflow (ties over very many options together
    /// with a very large total weight).
    TooManyTies { method: &'static str },
}

impl fmt::Display for RankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RankError::TooManyOptions { method, options, max } => write!(
                f,
                "{method} is computed exactly for at most {max} options; this profile has {options}"
            ),
            RankError::TooManyTieOrders { pairs, budget } => write!(
                f,
                "ranked pairs: the co-winners depend on the order of {pairs} pairs of equal margin, \
                 too many to explore within the budget of {budget} steps; no result is given \
                 rather than a possibly incomplete one"
            ),
            RankError::TooManyTies { method } => {
                write!(f, "{method}: ballots tie so many options that exact counting would overflow")
            }
        }
    }
}

impl std::error::Error for RankError {}

/// Least common multiple of `1..=k`, the denominator that makes every split share
/// `weight / j` (j ≤ k) a whole number; `None` when it does not fit.
pub(crate) fn lcm_up_to(k: usize) -> Option<u128> {
    let mut l: u128 = 1;
    for j in 2..=k as u128 {
        let g = gcd(l, j);
        l = l.checked_mul(j / g)?;
    }
    Some(l)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Options as bits of a mask, lowest first.
pub(crate) fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            None
        } else {
            let i = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            Some(i)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcm_of_small_ranges() {
        assert_eq!(lcm_up_to(0), Some(1));
        assert_eq!(lcm_up_to(1), Some(1));
        assert_eq!(lcm_up_to(4), Some(12));
        assert_eq!(lcm_up_to(10), Some(2520));
        assert_eq!(lcm_up_to(20), Some(232_792_560));
        assert_eq!(lcm_up_to(200), None);
    }

    #[test]
    fn bits_lists_set_bits() {
        assert_eq!(bits(0b1011_0000).collect::<Vec<_>>(), vec![4, 5, 7]);
        assert_eq!(bits(0).count(), 0);
    }

    #[test]
    fn errors_say_what_to_do() {
        let e = RankError::TooManyOptions { method: "Kemeny-Young", options: 23, max: 20 };
        assert_eq!(
            e.to_string(),
            "Kemeny-Young is computed exactly for at most 20 options; this profile has 23"
        );
    }
}
