//! How much the ballots agree: Kendall's W, and the Kendall tau distance of ballots to an order.
//!
//! Kendall's W (coefficient of concordance) treats each ballot as a ranking with tied ranks
//! averaged; unranked options share the ranks left, as one more group of ties. With m the
//! total weight, n the options, `R_j` the weighted sum of option j's ranks and `T` the weighted
//! sum over ballots of `Σ (t³ − t)` over their groups of t tied options:
//! `W = 12 Σ (R_j − m(n+1)/2)² / (m²(n³ − n) − m T)`, from 0 (no agreement) to 1 (all equal).
//!
//! The distance of a ballot to an order counts the pairs where the ballot expresses a
//! preference (see [`super::pairwise`]) that the order reverses; pairs the ballot leaves tied
//! or both unranked count neither way.

use super::pairwise::Pairwise;
use super::profile::{Ballot, Profile};

/// Kendall's W with the tie correction; `None` when it is undefined (one option, or every
/// ballot ties every option).
pub fn kendall_w(profile: &Profile) -> Option<f64> {
    let n = profile.len();
    let m = profile.total_weight() as u128;
    let mut doubled_sums = vec![0u128; n];
    let mut ties = 0u128;
    for b in profile.ballots() {
        let w = b.weight as u128;
        for (sum, pos) in doubled_sums.iter_mut().zip(b.doubled_positions(n)) {
            *sum += w * pos as u128;
        }
        ties += w * b.tie_groups(n).map(|t| (t as u128).pow(3) - t as u128).sum::<u128>();
    }
    let n3 = (n as u128).pow(3) - n as u128;
    let room = m * n3 - ties;
    if room == 0 {
        return None;
    }
    // Doubled sums against the doubled mean m(n + 1): the squares are 4 × (R_j − R̄)².
    let doubled_mean = (m * (n as u128 + 1)) as i128;
    let four_s: f64 = doubled_sums
        .iter()
        .map(|&r| {
            let d = (r as i128 - doubled_mean) as f64;
            d * d
        })
        .sum();
    Some(3.0 * four_s / (m as f64 * room as f64))
}

/// One ballot against an order of all options: `(discordant, expressed)`, the number of pairs
/// the ballot expresses that `order` reverses, and the number of pairs it expresses.
pub fn distance(ballot: &Ballot, order: &[usize]) -> (u64, u64) {
    let n = order.len();
    let class = ballot.classes(n);
    let mut place = vec![0; n];
    for (i, &o) in order.iter().enumerate() {
        place[o] = i;
    }
    let (mut discordant, mut expressed) = (0, 0);
    for a in 0..n {
        for b in a + 1..n {
            if class[a] != class[b] {
                expressed += 1;
                if (class[a] < class[b]) != (place[a] < place[b]) {
                    discordant += 1;
                }
            }
        }
    }
    (discordant, expressed)
}

/// The mean, over the (weighted) ballots, of their distance to `order`: the expressed
/// preferences `order` does not agree with, per ballot.
pub fn mean_distance(m: &Pairwise, order: &[usize], total_weight: u64) -> f64 {
    (m.expressed() - m.order_score(order)) as f64 / total_weight as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(n: usize, ballots: Vec<Ballot>) -> Option<f64> {
        kendall_w(&Profile::numbered(n, ballots).unwrap())
    }

    #[test]
    fn kendall_w_textbook_values() {
        // Full agreement is 1, with or without ties.
        assert_eq!(w(3, vec![Ballot::strict(5, &[2, 0, 1])]), Some(1.0));
        let tied = Ballot { weight: 4, tiers: vec![vec![0, 1], vec![2]] };
        assert_eq!(w(3, vec![tied]), Some(1.0));
        // Ranks (1, 2, 3) and (1, 3, 2): R = (2, 5, 5), S = 6, W = 12·6 / (4·24) = 0.75.
        assert_eq!(w(3, vec![Ballot::strict(1, &[0, 1, 2]), Ballot::strict(1, &[0, 2, 1])]), Some(0.75));
        // Opposite orders: W = 0.
        assert_eq!(w(3, vec![Ballot::strict(1, &[0, 1, 2]), Ballot::strict(1, &[2, 1, 0])]), Some(0.0));
        // A weight counts as that many identical ballots.
        let weighted = w(3, vec![Ballot::strict(2, &[0, 1, 2]), Ballot::strict(1, &[1, 2, 0])]);
        let repeated = w(
            3,
            vec![Ballot::strict(1, &[0, 1, 2]), Ballot::strict(1, &[1, 2, 0]), Ballot::strict(1, &[0, 1, 2])],
        );
        assert_eq!(weighted, repeated);
    }

    #[test]
    fn kendall_w_unranked_options_are_tied() {
        // Top 1 of 3 is the ranking (1, 2.5, 2.5): the same as a ballot 0 > {1, 2}.
        let top = w(3, vec![Ballot::strict(1, &[0]), Ballot::strict(1, &[1, 0, 2])]);
        let tied =
            w(3, vec![Ballot { weight: 1, tiers: vec![vec![0], vec![1, 2]] }, Ballot::strict(1, &[1, 0, 2])]);
        assert_eq!(top, tied);
        assert_eq!(w(1, vec![Ballot::strict(1, &[0])]), None);
        assert_eq!(w(2, vec![Ballot { weight: 1, tiers: vec![vec![0, 1]] }]), None);
    }

    #[test]
    fn distance_counts_only_expressed_pairs() {
        // 4 options; the ballot says 2 > 0, and both above the unranked 1 and 3.
        let b = Ballot::strict(1, &[2, 0]);
        // 5 expressed pairs: 2>0, 2>1, 2>3, 0>1, 0>3; the order 1,0,3,2 reverses 2>0, 2>1,
        // 2>3 and 0>1.
        assert_eq!(distance(&b, &[1, 0, 3, 2]), (4, 5));
        assert_eq!(distance(&b, &[2, 0, 3, 1]), (0, 5));
        let tied = Ballot { weight: 1, tiers: vec![vec![0, 1, 2, 3]] };
        assert_eq!(distance(&tied, &[3, 2, 1, 0]), (0, 0));
    }

    #[test]
    fn mean_distance_matches_ballot_distances() {
        let ballots = vec![Ballot::strict(2, &[2, 0]), Ballot::strict(1, &[0, 1, 2, 3])];
        let p = Profile::numbered(4, ballots.clone()).unwrap();
        let order = [1, 0, 3, 2];
        let sum: u64 = ballots.iter().map(|b| b.weight * distance(b, &order).0).sum();
        let m = Pairwise::from_profile(&p);
        assert_eq!(mean_distance(&m, &order, p.total_weight()), sum as f64 / 3.0);
    }
}
