//! Ranked pairs (Tideman) with every co-winner: "parallel universes" ranked pairs.
//!
//! The pairs (a, b) with a positive margin `N[a][b] - N[b][a]` are taken from the largest
//! margin down; each is locked in unless it would close a cycle with pairs already locked. The
//! winners are the options with no locked pair against them. When several pairs have the same
//! margin, the order in which they are taken can change the result, so an option is a
//! co-winner when it wins under *some* order of the equal-margin pairs. Deciding that is
//! NP-hard in general; [`search`] explores the possible outcomes depth first with pruning and
//! memoisation, within a budget of steps, beyond which [`RankError::TooManyTieOrders`] is
//! reported instead of a possibly incomplete set of winners.
//!
//! The one order shown takes equal-margin pairs by option id (first option, then second), and
//! lists options the locked pairs leave unordered by option id. Its `order_tie_break` is `None`
//! when that choice cannot matter: no equal-margin pairs, or no pair skipped for closing a
//! cycle (then every order of the pairs locks them all), and every two options ordered.

mod search;

use super::pairwise::Pairwise;
use super::{BY_OPTION_ID, Ordered, RankError, bits};

/// Ranked pairs keeps relations as 64-bit masks.
pub const MAX_OPTIONS: usize = 64;
/// The default number of search steps before giving up: at most about half a second natively
/// (a step is the work on one row of a relation, a few nanoseconds).
pub const BUDGET: usize = 100_000_000;

/// Reachability: `reach[x]` holds every option below x through locked pairs.
type Closure = Vec<u64>;

fn bit(i: usize) -> u64 {
    1u64 << i
}

/// Whether locking a over b keeps the relation acyclic (b does not already reach a).
fn lockable(reach: &Closure, a: usize, b: usize) -> bool {
    reach[b] & bit(a) == 0
}

/// Whether a is already above b.
fn implied(reach: &Closure, a: usize, b: usize) -> bool {
    reach[a] & bit(b) != 0
}

/// Adds a over b and everything that follows (also correct on relations with cycles).
fn lock(reach: &mut Closure, a: usize, b: usize) {
    let below = bit(b) | reach[b];
    for (x, row) in reach.iter_mut().enumerate() {
        if x == a || *row & bit(a) != 0 {
            *row |= below;
        }
    }
}

/// The options nothing is locked above.
fn sources(reach: &Closure, all: u64) -> u64 {
    all & !reach.iter().fold(0, |acc, r| acc | r)
}

/// The positive-margin pairs grouped by margin, largest first; each group by option id.
fn margin_groups(m: &Pairwise) -> Vec<Vec<(usize, usize)>> {
    let n = m.len();
    let mut pairs: Vec<(i64, usize, usize)> = Vec::new();
    for a in 0..n {
        for b in 0..n {
            let d = m.margin(a, b);
            if d > 0 {
                pairs.push((d, a, b));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut last = None;
    for (d, a, b) in pairs {
        if last != Some(d) {
            groups.push(Vec::new());
            last = Some(d);
        }
        if let Some(g) = groups.last_mut() {
            g.push((a, b));
        }
    }
    groups
}

/// Ranked pairs with the default search budget.
pub fn ranked_pairs(m: &Pairwise) -> Result<Ordered, RankError> {
    ranked_pairs_with_budget(m, BUDGET)
}

/// Ranked pairs, giving up with [`RankError::TooManyTieOrders`] after `budget` search steps.
pub fn ranked_pairs_with_budget(m: &Pairwise, budget: usize) -> Result<Ordered, RankError> {
    let n = m.len();
    if n > MAX_OPTIONS {
        return Err(RankError::TooManyOptions { method: "ranked pairs", options: n, max: MAX_OPTIONS });
    }
    let all = if n == 64 { u64::MAX } else { bit(n) - 1 };
    let groups = margin_groups(m);
    let winners: Vec<usize> = bits(search::winners(&groups, n, budget)?).collect();

    // One universe: every pair in the sorted order (margin, then option ids).
    let mut reach = vec![0; n];
    let mut skipped = false;
    for &(a, b) in groups.iter().flatten() {
        if lockable(&reach, a, b) {
            lock(&mut reach, a, b);
        } else {
            skipped = true;
        }
    }
    let mut left = all;
    let mut tiers = Vec::new();
    while left != 0 {
        let above = bits(left).fold(0, |acc, x| acc | reach[x]);
        let tier: Vec<usize> = bits(left & !above).collect();
        // The locked relation is acyclic, so some option is always free; guard anyway.
        let tier = if tier.is_empty() { bits(left).collect() } else { tier };
        for &o in &tier {
            left &= !bit(o);
        }
        tiers.push(tier);
    }
    // When no pair closes a cycle, every order of the pairs locks them all: the same result.
    let tie_break = (skipped && groups.iter().any(|g| g.len() > 1)) || tiers.iter().any(|t| t.len() > 1);
    Ok(Ordered { winners, order: tiers.concat(), order_tie_break: tie_break.then_some(BY_OPTION_ID), tiers })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A matrix from half-margins: `N[a][b] = 10 + d`, `N[b][a] = 10 - d` (margin 2d), others 10.
    fn from_margins(n: usize, margins: &[(usize, usize, u64)]) -> Pairwise {
        Pairwise::from_fn(n, |a, b| {
            for &(x, y, d) in margins {
                if (x, y) == (a, b) {
                    return 10 + d;
                }
                if (x, y) == (b, a) {
                    return 10 - d;
                }
            }
            10
        })
    }

    #[test]
    fn locks_strongest_pairs_first() {
        // 0>1 (6), 1>2 (4), 2>0 (2): the weakest pair closes the cycle and is skipped.
        let r = ranked_pairs(&from_margins(3, &[(0, 1, 3), (1, 2, 2), (2, 0, 1)])).unwrap();
        assert_eq!(r.winners, vec![0]);
        assert_eq!(r.order, vec![0, 1, 2]);
        assert_eq!(r.order_tie_break, None);
    }

    #[test]
    fn equal_margins_give_every_possible_winner() {
        // A cycle of equal margins: each option wins under some order of the three pairs.
        let r = ranked_pairs(&from_margins(3, &[(0, 1, 1), (1, 2, 1), (2, 0, 1)])).unwrap();
        assert_eq!(r.winners, vec![0, 1, 2]);
        // Taken by option id: 0>1, 1>2 locked, 2>0 skipped.
        assert_eq!(r.order, vec![0, 1, 2]);
        assert_eq!(r.order_tie_break, Some(BY_OPTION_ID));
    }

    #[test]
    fn an_option_that_never_wins_is_not_a_co_winner() {
        // 3 loses to everyone by a large margin; 0, 1, 2 form an equal-margin cycle.
        let r = ranked_pairs(&from_margins(
            4,
            &[(0, 1, 1), (1, 2, 1), (2, 0, 1), (0, 3, 5), (1, 3, 5), (2, 3, 5)],
        ))
        .unwrap();
        assert_eq!(r.winners, vec![0, 1, 2]);
        assert_eq!(r.order.last(), Some(&3));
    }

    #[test]
    fn pairwise_ties_leave_options_unordered() {
        let r = ranked_pairs(&Pairwise::from_fn(3, |_, _| 2)).unwrap();
        assert_eq!(r.winners, vec![0, 1, 2]);
        assert_eq!(r.tiers, vec![vec![0, 1, 2]]);
        assert_eq!(r.order_tie_break, Some(BY_OPTION_ID));
    }

    #[test]
    fn gives_up_clearly_beyond_the_budget() {
        // Seven pairs of equal margin; every option wins under some order of them.
        let pairs = [(0, 4, 1), (1, 0, 1), (1, 2, 1), (1, 3, 1), (2, 0, 1), (3, 2, 1), (4, 1, 1)];
        let m = from_margins(5, &pairs);
        assert_eq!(ranked_pairs(&m).unwrap().winners, vec![0, 1, 2, 3, 4]);
        let e = ranked_pairs_with_budget(&m, 40).unwrap_err();
        assert!(matches!(e, RankError::TooManyTieOrders { pairs: 7, budget: 40 }), "{e:?}");
        assert!(e.to_string().contains("within the budget of 40 steps"), "{e}");
    }
}
