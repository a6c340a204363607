//! Positional methods: plurality, Borda and mean rank, and the result shape they share with
//! Copeland ([`Scored`]).
//!
//! Sums are kept exact (whole numbers over a common denominator), so that equal scores are
//! found equal and a tie is reported as a tie, whatever the order of the ballots. Conventions:
//! a top tier of k tied options gives each of them 1/k of the ballot's first place; a tier of
//! k options at positions p+1..=p+k gives each of them the average of those positions (and of
//! their Borda points); the unranked options share the positions (points) left.

use super::profile::Profile;
use super::{BY_OPTION_ID, RankError, lcm_up_to};

/// The result of a method that gives every option a score.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// Every option with the best score.
    pub winners: Vec<usize>,
    /// Each option's score (for display; winners and order come from exact values).
    pub scores: Vec<f64>,
    /// Options from best to worst score; equal scores in the order named by `order_tie_break`.
    pub order: Vec<usize>,
    /// `Some(BY_OPTION_ID)` when some scores are equal, `None` when the order is strict.
    pub order_tie_break: Option<&'static str>,
}

/// Builds a [`Scored`] from exact keys, higher is better.
pub(crate) fn by_key<K: Ord + Copy>(keys: &[K], scores: Vec<f64>) -> Scored {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[b].cmp(&keys[a]).then(a.cmp(&b)));
    let best = order.first().map(|&o| keys[o]);
    let winners = order.iter().copied().take_while(|&o| Some(keys[o]) == best).collect();
    let tied = order.windows(2).any(|w| keys[w[0]] == keys[w[1]]);
    Scored { winners, scores, order, order_tie_break: tied.then_some(BY_OPTION_ID) }
}

/// Plurality: the percentage of the total weight that places each option first. A top tier
/// of k tied options splits the ballot's weight equally among them.
pub fn plurality(profile: &Profile) -> Result<Scored, RankError> {
    let n = profile.len();
    let widest = profile.ballots().iter().map(|b| b.tiers[0].len()).max().unwrap_or(1);
    let l = lcm_up_to(widest).ok_or(RankError::TooManyTies { method: "plurality" })?;
    let mut keys = vec![0u128; n];
    for b in profile.ballots() {
        let top = &b.tiers[0];
        let share = b.weight as u128 * (l / top.len() as u128);
        for &o in top {
            keys[o] += share;
        }
    }
    let whole = l as f64 * profile.total_weight() as f64;
    let scores = keys.iter().map(|&k| 100.0 * k as f64 / whole).collect();
    Ok(by_key(&keys, scores))
}

/// Twice the weighted sum of each option's (average) position.
fn doubled_position_sums(profile: &Profile) -> Vec<u128> {
    let n = profile.len();
    let mut sums = vec![0u128; n];
    for b in profile.ballots() {
        for (sum, pos) in sums.iter_mut().zip(b.doubled_positions(n)) {
            *sum += b.weight as u128 * pos as u128;
        }
    }
    sums
}

/// Mean rank: each option's average position over the ballots (1 = first), weighted; lower is
/// better, so the winners have the lowest mean.
pub fn mean_rank(profile: &Profile) -> Scored {
    let sums = doubled_position_sums(profile);
    let denominator = 2.0 * profile.total_weight() as f64;
    let scores = sums.iter().map(|&s| s as f64 / denominator).collect();
    let keys: Vec<std::cmp::Reverse<u128>> = sums.into_iter().map(std::cmp::Reverse).collect();
    by_key(&keys, scores)
}

/// Borda: n - 1 points for the first place down to 0 for the last, i.e. n minus the position;
/// tied and unranked options share their positions' points. With these conventions Borda and
/// mean rank always order the options the same way (Borda = weight × (n − mean rank)).
pub fn borda(profile: &Profile) -> Scored {
    let n = profile.len() as u128;
    let total = profile.total_weight() as u128;
    let keys: Vec<u128> = doubled_position_sums(profile).iter().map(|&s| 2 * n * total - s).collect();
    let scores = keys.iter().map(|&k| k as f64 / 2.0).collect();
    by_key(&keys, scores)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ranking::profile::Ballot;

    fn profile(n: usize, ballots: Vec<Ballot>) -> Profile {
        Profile::numbered(n, ballots).unwrap()
    }

    #[test]
    fn plurality_splits_tied_first_places() {
        let p = profile(
            3,
            vec![
                Ballot { weight: 3, tiers: vec![vec![0, 1]] },
                Ballot::strict(1, &[1, 2]),
                Ballot::strict(2, &[2]),
            ],
        );
        let r = plurality(&p).unwrap();
        // 0: 1.5, 1: 2.5, 2: 2 of 6.
        let want = [25.0, 250.0 / 6.0, 200.0 / 6.0];
        assert!(r.scores.iter().zip(want).all(|(s, w)| (s - w).abs() < 1e-9), "{:?}", r.scores);
        assert_eq!(r.winners, vec![1]);
        assert_eq!(r.order, vec![1, 2, 0]);
        assert_eq!(r.order_tie_break, None);
    }

    #[test]
    fn plurality_reports_exact_ties() {
        // Thirds add up exactly: 0 gets 1/3 + 1/3 + 1/3 = 1, as much as 3.
        let tied = Ballot { weight: 1, tiers: vec![vec![0, 1, 2]] };
        let p = profile(4, vec![tied.clone(), tied.clone(), tied, Ballot::strict(1, &[3])]);
        let r = plurality(&p).unwrap();
        assert_eq!(r.winners, vec![0, 1, 2, 3]);
        assert_eq!(r.order_tie_break, Some(BY_OPTION_ID));
    }

    #[test]
    fn borda_and_mean_rank_share_positions() {
        // 4 options. Ballot 1: 0 > {1, 2} > 3. Ballot 2 (top 1): 3, the rest share 2..=4.
        let p = profile(
            4,
            vec![Ballot { weight: 1, tiers: vec![vec![0], vec![1, 2], vec![3]] }, Ballot::strict(1, &[3])],
        );
        let m = mean_rank(&p);
        assert_eq!(m.scores, vec![2.0, 2.75, 2.75, 2.5]);
        assert_eq!(m.winners, vec![0]);
        assert_eq!(m.order, vec![0, 3, 1, 2]);
        let b = borda(&p);
        assert_eq!(b.scores, vec![4.0, 2.5, 2.5, 3.0]);
        assert_eq!(b.winners, vec![0]);
        assert_eq!(b.order, m.order);
        assert_eq!(b.order_tie_break, Some(BY_OPTION_ID));
    }

    #[test]
    fn borda_textbook_points() {
        // 3 voters a > b > c, 2 voters b > c > a: a 6, b 7, c 2.
        let p = profile(3, vec![Ballot::strict(3, &[0, 1, 2]), Ballot::strict(2, &[1, 2, 0])]);
        let b = borda(&p);
        assert_eq!(b.scores, vec![6.0, 7.0, 2.0]);
        assert_eq!(b.winners, vec![1]);
    }
}
