//! Schulze (beatpath): winners and the Schulze order.
//!
//! The link from a to b has strength `N[a][b] - N[b][a]` where that margin is positive (no
//! link otherwise); a path is as strong as its weakest link, and `p[a][b]` is the strongest
//! path from a to b. a is ranked above b when `p[a][b] > p[b][a]`. The winners are the options
//! no other option is ranked above. The order lists, tier by tier, the options not ranked below
//! any option still left; options within a tier are tied and listed by option id.

use super::pairwise::Pairwise;
use super::{BY_OPTION_ID, Ordered};

/// The strongest path strengths `p[a][b]` (margin links, widest path by Floyd–Warshall).
pub fn strongest_paths(m: &Pairwise) -> Vec<Vec<u64>> {
    let n = m.len();
    let mut p: Vec<Vec<u64>> =
        (0..n).map(|a| (0..n).map(|b| m.margin(a, b).max(0) as u64).collect()).collect();
    for k in 0..n {
        for i in 0..n {
            if i == k || p[i][k] == 0 {
                continue;
            }
            for j in 0..n {
                if j != i && j != k {
                    let via = p[i][k].min(p[k][j]);
                    if via > p[i][j] {
                        p[i][j] = via;
                    }
                }
            }
        }
    }
    p
}

/// Runs Schulze on a pairwise matrix.
pub fn schulze(m: &Pairwise) -> Ordered {
    let n = m.len();
    let p = strongest_paths(m);
    let mut left: Vec<usize> = (0..n).collect();
    let mut tiers = Vec::new();
    while !left.is_empty() {
        let top: Vec<usize> =
            left.iter().copied().filter(|&a| left.iter().all(|&b| p[b][a] <= p[a][b])).collect();
        // The Schulze relation is a strict partial order, so `top` is never empty; guard anyway.
        let top = if top.is_empty() { left.clone() } else { top };
        left.retain(|o| !top.contains(o));
        tiers.push(top);
    }
    let winners = tiers.first().cloned().unwrap_or_default();
    let tied = tiers.iter().any(|t| t.len() > 1);
    Ordered { winners, order: tiers.concat(), order_tie_break: tied.then_some(BY_OPTION_ID), tiers }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_beatpath_beats_a_lost_duel() {
        // 0 beats 1 by 5, 1 beats 2 by 5, 2 beats 0 by 1: the path 0 -> 1 -> 2 (5) is stronger
        // than 2's direct win (1), so 0 > 1 > 2.
        let m = Pairwise::from_fn(3, |a, b| match (a, b) {
            (0, 1) | (1, 2) => 10,
            (1, 0) | (2, 1) => 5,
            (2, 0) => 8,
            _ => 7,
        });
        assert_eq!(strongest_paths(&m), vec![vec![0, 5, 5], vec![1, 0, 5], vec![1, 1, 0]]);
        let s = schulze(&m);
        assert_eq!(s.winners, vec![0]);
        assert_eq!(s.order, vec![0, 1, 2]);
        assert_eq!(s.order_tie_break, None);
    }

    #[test]
    fn no_margins_means_one_tier() {
        let s = schulze(&Pairwise::from_fn(3, |_, _| 4));
        assert_eq!(s.winners, vec![0, 1, 2]);
        assert_eq!(s.tiers, vec![vec![0, 1, 2]]);
        assert_eq!(s.order_tie_break, Some(BY_OPTION_ID));
    }
}
