//! Instant runoff (IRV, alternative vote).
//!
//! Each round, every ballot counts for its highest-ranked options still in the race; when its
//! best continuing tier holds k tied options, each gets 1/k of the ballot's weight. A ballot
//! that ranks no continuing option is exhausted and no longer counts. An option with more than
//! half of the continuing (non-exhausted) weight wins. Otherwise every option with the fewest
//! votes is removed at once; if that would remove every option left, they all win together.
//! Counts are exact (whole numbers over a common denominator).

use super::profile::Profile;
use super::{RankError, lcm_up_to};

/// One round of the count.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// The votes of every continuing option, by option index.
    pub tallies: Vec<(usize, f64)>,
    /// The weight of the ballots exhausted so far.
    pub exhausted: f64,
    /// The options removed after this round (empty in the last round).
    pub eliminated: Vec<usize>,
}

/// The IRV result.
#[derive(Clone, Debug, PartialEq)]
pub struct Irv {
    /// The winner, or every option left when the last ones tied.
    pub winners: Vec<usize>,
    pub rounds: Vec<Round>,
}

/// Runs the count.
pub fn irv(profile: &Profile) -> Result<Irv, RankError> {
    let n = profile.len();
    let widest = profile.ballots().iter().flat_map(|b| b.tiers.iter().map(Vec::len)).max().unwrap_or(1);
    // Every share is weight × l / k, exact; the sums stay below 2^53 × l ≤ 2^127.
    let l = lcm_up_to(widest).filter(|&l| l <= 1 << 74).ok_or(RankError::TooManyTies { method: "IRV" })?;
    let to_f64 = |x: u128| x as f64 / l as f64;
    let mut continuing = vec![true; n];
    let mut rounds = Vec::new();
    loop {
        let mut tallies = vec![0u128; n];
        let mut exhausted = 0u128;
        for b in profile.ballots() {
            let best = b.tiers.iter().find(|t| t.iter().any(|&o| continuing[o]));
            match best {
                Some(tier) => {
                    let k = tier.iter().filter(|&&o| continuing[o]).count() as u128;
                    let share = b.weight as u128 * (l / k);
                    for &o in tier.iter().filter(|&&o| continuing[o]) {
                        tallies[o] += share;
                    }
                }
                None => exhausted += b.weight as u128 * l,
            }
        }
        let left: Vec<usize> = (0..n).filter(|&o| continuing[o]).collect();
        let counted: u128 = left.iter().map(|&o| tallies[o]).sum();
        let majority = left.iter().copied().find(|&o| 2 * tallies[o] > counted);
        let fewest = left.iter().map(|&o| tallies[o]).min().unwrap_or(0);
        let losers: Vec<usize> = left.iter().copied().filter(|&o| tallies[o] == fewest).collect();
        let done = majority.is_some() || losers.len() == left.len();
        rounds.push(Round {
            tallies: left.iter().map(|&o| (o, to_f64(tallies[o]))).collect(),
            exhausted: to_f64(exhausted),
            eliminated: if done { Vec::new() } else { losers.clone() },
        });
        if let Some(winner) = majority {
            return Ok(Irv { winners: vec![winner], rounds });
        }
        if losers.len() == left.len() {
            return Ok(Irv { winners: losers, rounds });
        }
        for o in losers {
            continuing[o] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ranking::profile::Ballot;

    fn profile(n: usize, ballots: Vec<Ballot>) -> Profile {
        Profile::numbered(n, ballots).unwrap()
    }

    #[test]
    fn transfers_until_a_majority() {
        // 0: 4, 1: 3, 2: 2 (2's ballots go to 1): 1 wins 5 to 4 in round 2.
        let p =
            profile(3, vec![Ballot::strict(4, &[0]), Ballot::strict(3, &[1, 0]), Ballot::strict(2, &[2, 1])]);
        let r = irv(&p).unwrap();
        assert_eq!(r.winners, vec![1]);
        assert_eq!(r.rounds.len(), 2);
        assert_eq!(r.rounds[0].tallies, vec![(0, 4.0), (1, 3.0), (2, 2.0)]);
        assert_eq!(r.rounds[0].eliminated, vec![2]);
        assert_eq!(r.rounds[1].tallies, vec![(0, 4.0), (1, 5.0)]);
        assert!(r.rounds[1].eliminated.is_empty());
    }

    #[test]
    fn exhausted_ballots_leave_the_majority_base() {
        // Round 1: 0: 4, 1: 3, 2: 3, 3: 1 -> 3 out, its ballot is exhausted.
        // Round 2: 0: 4, 1: 3, 2: 3 of 10 -> no majority; 1 and 2 tie for fewest, both out.
        // Round 3: 0: 4 + 3 (from 1) of 7 (the 2-ballots exhaust): 0 wins.
        let p = profile(
            4,
            vec![
                Ballot::strict(4, &[0]),
                Ballot::strict(3, &[1, 0]),
                Ballot::strict(3, &[2]),
                Ballot::strict(1, &[3]),
            ],
        );
        let r = irv(&p).unwrap();
        assert_eq!(r.winners, vec![0]);
        assert_eq!(r.rounds[1].eliminated, vec![1, 2]);
        assert_eq!(r.rounds[2].tallies, vec![(0, 7.0)]);
        assert_eq!(r.rounds[2].exhausted, 4.0);
    }

    #[test]
    fn a_tie_of_everyone_left_is_a_shared_win() {
        let p = profile(
            3,
            vec![Ballot::strict(1, &[0, 1, 2]), Ballot::strict(1, &[1, 2, 0]), Ballot::strict(1, &[2, 0, 1])],
        );
        let r = irv(&p).unwrap();
        assert_eq!(r.winners, vec![0, 1, 2]);
        assert_eq!(r.rounds.len(), 1);
    }

    #[test]
    fn tied_first_places_split_the_weight() {
        // {0, 1} first with weight 2: 1 each; 2 gets 1 from the other ballot. A three-way tie.
        let p = profile(
            3,
            vec![Ballot { weight: 2, tiers: vec![vec![0, 1], vec![2]] }, Ballot::strict(1, &[2, 0])],
        );
        let r = irv(&p).unwrap();
        assert_eq!(r.rounds[0].tallies, vec![(0, 1.0), (1, 1.0), (2, 1.0)]);
        assert_eq!(r.winners, vec![0, 1, 2]);
        // Once 1 is gone, the tied tier counts fully for 0.
        let p = profile(
            3,
            vec![
                Ballot { weight: 2, tiers: vec![vec![0, 1]] },
                Ballot::strict(3, &[2]),
                Ballot::strict(2, &[0]),
            ],
        );
        let r = irv(&p).unwrap();
        assert_eq!(r.rounds[0].tallies, vec![(0, 3.0), (1, 1.0), (2, 3.0)]);
        assert_eq!(r.rounds[1].tallies, vec![(0, 4.0), (2, 3.0)]);
        assert_eq!(r.winners, vec![0]);
    }
}
