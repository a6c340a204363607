//! The search for every ranked pairs co-winner over the orders of equal-margin pairs.
//!
//! Within one group of equal-margin pairs, the orders of the pairs lead exactly to the
//! *maximal* sets of pairs that can be added without a cycle. The search goes group by group,
//! keeping the locked relation as its transitive closure:
//!
//! - at the start of a group, a pair on no cycle of "locked pairs + the group's open pairs" is
//!   in every outcome and is locked at once; only the others are branched on;
//! - each of those is locked or left out (left out only if later pairs of the group can close
//!   a cycle with it; at the end of the group every left-out pair must close one, so each
//!   maximal set is produced once);
//! - states at a group start are memoised on the closure (the outcome depends on nothing else);
//! - a branch stops when no option that is free (nothing locked above it) and not yet a known
//!   winner can still end up free: every y that beats x by margin must become reachable from
//!   x before the pair (y, x) comes up, through pairs locked or still lockable; and, decided
//!   once for all, through pairs of margin at least that of (y, x).
//!
//! The work is counted in steps, one per row of a relation updated or searched (so a step
//! takes about the same time for any number of options); beyond the budget the search stops
//! with an error.

use std::collections::HashSet;

use super::{Closure, bit, implied, lock, lockable, sources};
use crate::core::ranking::{RankError, bits};

/// Every option that wins under some order of the equal-margin pairs, as a mask.
pub(super) fn winners(groups: &[Vec<(usize, usize)>], n: usize, budget: usize) -> Result<u64, RankError> {
    let mut positive = vec![0u64; n];
    let mut beaten_by = vec![0u64; n];
    for &(a, b) in groups.iter().flatten() {
        positive[a] |= bit(b);
        beaten_by[b] |= bit(a);
    }
    let mut search = Search {
        groups,
        beaten_by,
        positive,
        possible: possible_winners(groups, n),
        all: if n == 64 { u64::MAX } else { bit(n) - 1 },
        winners: 0,
        seen: HashSet::new(),
        steps: 0,
        budget,
    };
    // A quick universe in favour of each possible winner finds most winners at once, so that
    // the search can skip them.
    for x in bits(search.possible) {
        search.winners |= favouring(groups, n, x, search.all);
    }
    search.group(0, vec![0; n])?;
    Ok(search.winners)
}

/// The free options of the universe that, within each group, takes the pairs over x last and
/// the pairs from x first.
fn favouring(groups: &[Vec<(usize, usize)>], n: usize, x: usize, all: u64) -> u64 {
    let mut reach: Closure = vec![0; n];
    for group in groups {
        let mut ordered = group.clone();
        ordered.sort_by_key(|&(a, b)| {
            if a == x {
                0
            } else if b == x {
                2
            } else {
                1
            }
        });
        for (a, b) in ordered {
            if lockable(&reach, a, b) {
                lock(&mut reach, a, b);
            }
        }
    }
    sources(&reach, all)
}

/// The options that can win under some order of the pairs, judged before any is locked: for
/// each y beating x, x must reach y through pairs of margin at least that of (y, x).
fn possible_winners(groups: &[Vec<(usize, usize)>], n: usize) -> u64 {
    let mut group_of = vec![usize::MAX; n * n];
    for (g, pairs) in groups.iter().enumerate() {
        for &(a, b) in pairs {
            group_of[a * n + b] = g;
        }
    }
    // Reachability through the pairs of the first g + 1 groups, for every g.
    let mut reach: Closure = vec![0; n];
    let mut by_group = Vec::with_capacity(groups.len());
    for pairs in groups {
        for &(a, b) in pairs {
            if !implied(&reach, a, b) {
                lock(&mut reach, a, b);
            }
        }
        by_group.push(reach.clone());
    }
    let can_win = |x: usize| {
        (0..n).all(|y| {
            let g = group_of[y * n + x];
            g == usize::MAX || by_group[g][x] & bit(y) != 0
        })
    };
    (0..n).filter(|&x| can_win(x)).fold(0, |acc, x| acc | bit(x))
}

struct Search<'a> {
    groups: &'a [Vec<(usize, usize)>],
    /// `beaten_by[x]`: every y with a positive margin over x.
    beaten_by: Vec<u64>,
    /// `positive[a]`: every b over which a has a positive margin.
    positive: Vec<u64>,
    /// The options that can win at all (see [`possible_winners`]).
    possible: u64,
    all: u64,
    winners: u64,
    seen: HashSet<(usize, Closure)>,
    steps: usize,
    budget: usize,
}

impl Search<'_> {
    fn spend(&mut self, steps: usize) -> Result<(), RankError> {
        self.steps += steps;
        if self.steps > self.budget {
            let pairs = self.groups.iter().filter(|g| g.len() > 1).map(Vec::len).sum();
            return Err(RankError::TooManyTieOrders { pairs, budget: self.budget });
        }
        Ok(())
    }

    /// The free options that are not known winners yet.
    fn open_candidates(&self, reach: &Closure) -> u64 {
        sources(reach, self.all) & self.possible & !self.winners
    }

    /// Whether some open candidate x can still end up free: it must come to reach every
    /// option beating it through locked pairs or pairs that can still be locked.
    fn worth_going_on(&mut self, reach: &Closure, left_out: &[(usize, usize)]) -> Result<bool, RankError> {
        let candidates = self.open_candidates(reach);
        if candidates == 0 {
            return Ok(false);
        }
        let n = reach.len();
        let mut work = 2 * n;
        // blocked[a]: the b that already reach a, so that a over b can no longer be locked.
        let mut blocked = vec![0u64; n];
        for (b, &r) in reach.iter().enumerate() {
            for a in bits(r) {
                blocked[a] |= bit(b);
            }
        }
        let mut next: Vec<u64> = (0..n).map(|a| reach[a] | (self.positive[a] & !blocked[a])).collect();
        for &(a, b) in left_out {
            if !implied(reach, a, b) {
                next[a] &= !bit(b);
            }
        }
        let mut found = false;
        for x in bits(candidates) {
            let need = self.beaten_by[x] & !reach[x];
            let mut seen = bit(x) | next[x];
            while need & !seen != 0 {
                work += seen.count_ones() as usize;
                let more = bits(seen).fold(seen, |acc, a| acc | next[a]);
                if more == seen {
                    break;
                }
                seen = more;
            }
            if need & !seen == 0 {
                found = true;
                break;
            }
        }
        self.spend(work)?;
        Ok(found)
    }

    /// Starts group `g` (or the first later group with a pair still open).
    fn group(&mut self, mut g: usize, mut reach: Closure) -> Result<(), RankError> {
        if !self.worth_going_on(&reach, &[])? {
            return Ok(());
        }
        let open = loop {
            let Some(group) = self.groups.get(g) else {
                self.winners |= sources(&reach, self.all);
                return Ok(());
            };
            let open: Vec<(usize, usize)> = group
                .iter()
                .copied()
                .filter(|&(a, b)| lockable(&reach, a, b) && !implied(&reach, a, b))
                .collect();
            if !open.is_empty() {
                break open;
            }
            g += 1;
        };
        if !self.seen.insert((g, reach.clone())) {
            return Ok(());
        }
        self.spend((open.len() + 1) * reach.len())?;
        // Pairs on no cycle of "locked + open" are in every outcome of this group.
        let mut everything = reach.clone();
        for &(a, b) in &open {
            lock(&mut everything, a, b);
        }
        let (cyclic, forced): (Vec<_>, Vec<_>) =
            open.into_iter().partition(|&(a, b)| everything[b] & bit(a) != 0);
        for (a, b) in forced {
            lock(&mut reach, a, b);
        }
        self.decide(g, reach, &cyclic, &mut Vec::new())
    }

    /// Decides the pairs `pairs` of group `g`, one at a time: locked or left out.
    fn decide(
        &mut self,
        g: usize,
        reach: Closure,
        pairs: &[(usize, usize)],
        left_out: &mut Vec<(usize, usize)>,
    ) -> Result<(), RankError> {
        let Some((&(a, b), rest)) = pairs.split_first() else {
            // Maximal: every pair left out must now close a cycle.
            if left_out.iter().any(|&(a, b)| lockable(&reach, a, b) && !implied(&reach, a, b)) {
                return Ok(());
            }
            return self.group(g + 1, reach);
        };
        if !lockable(&reach, a, b) || implied(&reach, a, b) {
            return self.decide(g, reach, rest, left_out);
        }
        if !self.worth_going_on(&reach, left_out)? {
            return Ok(());
        }
        self.spend((pairs.len() + left_out.len() + 2) * reach.len())?;
        // A pair left out must come to close a cycle through the pairs still to decide: give
        // up on this branch when one cannot any more, and leave a over b out only if it can.
        let mut later = reach.clone();
        for &(c, d) in pairs {
            lock(&mut later, c, d);
        }
        if left_out.iter().any(|&(c, d)| later[d] & bit(c) == 0 && !implied(&reach, c, d)) {
            return Ok(());
        }
        let can_leave_out = later[b] & bit(a) != 0;
        let mut locked = reach.clone();
        lock(&mut locked, a, b);
        // Keeping b free first finds new winners sooner.
        let leave_out_first = can_leave_out && self.open_candidates(&reach) & bit(b) != 0;
        if !leave_out_first {
            self.decide(g, locked.clone(), rest, left_out)?;
        }
        if can_leave_out {
            left_out.push((a, b));
            self.decide(g, reach, rest, left_out)?;
            left_out.pop();
        }
        if leave_out_first {
            self.decide(g, locked, rest, left_out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possible_winners_need_a_strong_enough_path_back() {
        // 0 > 1 (group 0), 1 > 2 (group 1), 2 > 0 (group 2): 2 cannot reach 1 through pairs as
        // strong as 1 > 2, and 1 cannot reach 0 through pairs as strong as 0 > 1.
        let groups = vec![vec![(0, 1)], vec![(1, 2)], vec![(2, 0)]];
        assert_eq!(possible_winners(&groups, 3), 0b001);
        // All in one group: each can win.
        let groups = vec![vec![(0, 1), (1, 2), (2, 0)]];
        assert_eq!(possible_winners(&groups, 3), 0b111);
        assert_eq!(winners(&groups, 3, 100), Ok(0b111));
    }

    #[test]
    fn an_unbeaten_option_wins_alone() {
        let groups = vec![vec![(0, 1), (1, 2)], vec![(0, 2)]];
        assert_eq!(possible_winners(&groups, 3), 0b001);
        assert_eq!(winners(&groups, 3, 100), Ok(0b001));
    }
}
