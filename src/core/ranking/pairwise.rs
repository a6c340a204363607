//! The pairwise majority matrix, the Condorcet winner and loser, and Copeland.
//!
//! `N[a][b]` is the total weight of the ballots that express "a before b": a is in an earlier
//! tier than b, or a is ranked and b is not. Tied options, and two unranked options, express
//! nothing. Every pairwise method (Copeland, Schulze, ranked pairs, Kemeny) reads only this.

use super::profile::Profile;
use super::scoring::{Scored, by_key};

/// The weighted pairwise preference counts of a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairwise {
    n: usize,
    cells: Vec<u64>,
}

impl Pairwise {
    /// Counts every preference that the profile's ballots express.
    pub fn from_profile(profile: &Profile) -> Pairwise {
        let n = profile.len();
        let mut cells = vec![0u64; n * n];
        for ballot in profile.ballots() {
            let class = ballot.classes(n);
            for a in 0..n {
                let row = &mut cells[a * n..(a + 1) * n];
                for (b, cell) in row.iter_mut().enumerate() {
                    if class[a] < class[b] {
                        *cell += ballot.weight;
                    }
                }
            }
        }
        Pairwise { n, cells }
    }

    /// A matrix given cell by cell (`f(a, b)` = weight preferring a to b; the diagonal is 0).
    pub fn from_fn(n: usize, f: impl Fn(usize, usize) -> u64) -> Pairwise {
        let cells = (0..n * n).map(|i| if i / n == i % n { 0 } else { f(i / n, i % n) }).collect();
        Pairwise { n, cells }
    }

    /// The number of options.
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The weight of the ballots that prefer `a` to `b`.
    pub fn get(&self, a: usize, b: usize) -> u64 {
        self.cells[a * self.n + b]
    }

    /// `N[a][b] - N[b][a]`: positive when a majority of those expressing a preference put a first.
    pub fn margin(&self, a: usize, b: usize) -> i64 {
        self.get(a, b) as i64 - self.get(b, a) as i64
    }

    /// Whether a strict majority prefers `a` to `b`.
    pub fn beats(&self, a: usize, b: usize) -> bool {
        self.get(a, b) > self.get(b, a)
    }

    /// The matrix as rows: `rows()[a][b] = N[a][b]`.
    pub fn rows(&self) -> Vec<Vec<u64>> {
        self.cells.chunks(self.n.max(1)).map(<[u64]>::to_vec).collect()
    }

    /// The number of weighted pairwise preferences the ballots express in all.
    pub fn expressed(&self) -> u64 {
        self.cells.iter().sum()
    }

    /// The score of an order: the weighted number of ballot preferences it agrees with, i.e. the
    /// sum of `N[a][b]` over the pairs where `a` comes before `b`. Options missing from `order`
    /// contribute nothing.
    pub fn order_score(&self, order: &[usize]) -> u64 {
        let mut score = 0;
        for (i, &a) in order.iter().enumerate() {
            for &b in &order[i + 1..] {
                score += self.get(a, b);
            }
        }
        score
    }

    /// The option that beats every other option by a strict majority, if any.
    pub fn condorcet_winner(&self) -> Option<usize> {
        (0..self.n).find(|&a| (0..self.n).all(|b| a == b || self.beats(a, b)))
    }

    /// The option that loses to every other option by a strict majority, if any.
    pub fn condorcet_loser(&self) -> Option<usize> {
        (0..self.n).find(|&a| (0..self.n).all(|b| a == b || self.beats(b, a)))
    }
}

/// Copeland: an option scores its pairwise majority wins minus its losses (a pairwise tie
/// counts 0). Co-winners are all options with the highest score.
pub fn copeland(m: &Pairwise) -> Scored {
    let n = m.len();
    let scores: Vec<i64> =
        (0..n).map(|a| (0..n).filter(|&b| b != a).map(|b| m.margin(a, b).signum()).sum::<i64>()).collect();
    by_key(&scores, scores.iter().map(|&s| s as f64).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ranking::profile::Ballot;

    #[test]
    fn counts_only_expressed_preferences() {
        // 0 > {1, 2}, 3 unranked (weight 2); 3 > 1 (weight 1).
        let p = Profile::numbered(
            4,
            vec![Ballot { weight: 2, tiers: vec![vec![0], vec![1, 2]] }, Ballot::strict(1, &[3, 1])],
        )
        .unwrap();
        let m = Pairwise::from_profile(&p);
        // Ballot 2 ranks 3 and 1 above the unranked 0 and 2.
        assert_eq!(m.rows(), vec![vec![0, 2, 2, 2], vec![1, 0, 1, 2], vec![0, 0, 0, 2], vec![1, 1, 1, 0]]);
        assert_eq!(m.margin(0, 3), 1);
        assert_eq!(m.margin(1, 2), 1);
        assert_eq!(m.expressed(), 15);
        assert_eq!(m.order_score(&[0, 3, 1, 2]), 2 + 2 + 2 + 1 + 1 + 1);
    }

    #[test]
    fn condorcet_winner_and_loser_are_strict() {
        let m = Pairwise::from_fn(3, |a, b| if a < b { 2 } else { 1 });
        assert_eq!(m.condorcet_winner(), Some(0));
        assert_eq!(m.condorcet_loser(), Some(2));
        // A tie between 0 and 1 leaves no strict winner; 2 still loses to both.
        let m = Pairwise::from_fn(3, |_, b| if b == 2 { 2 } else { 1 });
        assert_eq!(m.condorcet_winner(), None);
        assert_eq!(m.condorcet_loser(), Some(2));
    }

    #[test]
    fn copeland_scores_wins_minus_losses() {
        // 0 beats 1, 0 ties 2, 2 beats 1.
        let m = Pairwise::from_fn(3, |a, b| match (a, b) {
            (0, 1) | (2, 1) => 3,
            _ => 1,
        });
        let c = copeland(&m);
        assert_eq!(c.scores, vec![1.0, -2.0, 1.0]);
        assert_eq!(c.winners, vec![0, 2]);
        assert_eq!(c.order, vec![0, 2, 1]);
        assert_eq!(c.order_tie_break, Some(crate::core::ranking::BY_OPTION_ID));
    }
}
