//! Property tests over random profiles (few options; complete, truncated and tied ballots):
//! Condorcet consistency, Kemeny optimality, independence of ballot order, and the exact
//! algorithms against brute force.

use proptest::prelude::*;

use super::kemeny::kemeny;
use super::pairwise::{Pairwise, copeland};
use super::profile::{Ballot, Profile};
use super::ranked_pairs::ranked_pairs;
use super::report::rank;
use super::schulze::schulze;
use super::scoring::{borda, mean_rank, plurality};

use crate::core::testkit::Rng;

/// A random profile over `n` options: each ballot a random order, cut to its top k, with
/// neighbouring options merged into tied tiers now and then.
fn random_profile(seed: u64, n: usize, ballots: usize) -> Profile {
    let mut rng = Rng(seed | 1);
    let list = (0..ballots)
        .map(|_| {
            let mut order: Vec<usize> = (0..n).collect();
            rng.shuffle(&mut order);
            order.truncate(1 + rng.below(n));
            let ties = rng.below(3) == 0;
            let mut tiers: Vec<Vec<usize>> = Vec::new();
            for o in order {
                match tiers.last_mut() {
                    Some(t) if ties && rng.below(2) == 0 => t.push(o),
                    _ => tiers.push(vec![o]),
                }
            }
            Ballot { weight: 1 + rng.below(4) as u64, tiers }
        })
        .collect();
    Profile::numbered(n, list).expect("random ballots are valid")
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn go(left: &mut Vec<usize>, prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if left.is_empty() {
            out.push(prefix.clone());
        }
        for i in 0..left.len() {
            let x = left.remove(i);
            prefix.push(x);
            go(left, prefix, out);
            prefix.pop();
            left.insert(i, x);
        }
    }
    let mut out = Vec::new();
    go(&mut (0..n).collect(), &mut Vec::new(), &mut out);
    out
}

/// Ranked pairs winners by trying every order of every group of equal-margin pairs; `None`
/// when there are more than 40,320 orders.
fn ranked_pairs_brute_force(m: &Pairwise) -> Option<Vec<usize>> {
    let n = m.len();
    let mut pairs: Vec<(i64, usize, usize)> = Vec::new();
    for a in 0..n {
        for b in 0..n {
            if m.margin(a, b) > 0 {
                pairs.push((m.margin(a, b), a, b));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for (i, &(d, a, b)) in pairs.iter().enumerate() {
        if i == 0 || pairs[i - 1].0 != d {
            groups.push(Vec::new());
        }
        groups.last_mut().expect("a group").push((a, b));
    }
    let orders: usize = groups.iter().map(|g| (1..=g.len()).product::<usize>()).product();
    if orders > 40_320 {
        return None;
    }
    let mut sequences: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    for g in &groups {
        let mut next = Vec::new();
        for s in &sequences {
            for p in permutations(g.len()) {
                let mut t = s.clone();
                t.extend(p.iter().map(|&i| g[i]));
                next.push(t);
            }
        }
        sequences = next;
    }
    let mut winners = vec![false; n];
    for s in sequences {
        // Locked edges and a reachability check by search.
        let mut locked = vec![vec![false; n]; n];
        let reaches = |locked: &Vec<Vec<bool>>, from: usize, to: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![from];
            while let Some(x) = stack.pop() {
                if x == to {
                    return true;
                }
                for y in 0..n {
                    if locked[x][y] && !seen[y] {
                        seen[y] = true;
                        stack.push(y);
                    }
                }
            }
            false
        };
        for (a, b) in s {
            if !reaches(&locked, b, a) {
                locked[a][b] = true;
            }
        }
        for x in 0..n {
            if (0..n).all(|y| !locked[y][x]) {
                winners[x] = true;
            }
        }
    }
    Some((0..n).filter(|&x| winners[x]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_condorcet_winner_wins_every_condorcet_method(seed in any::<u64>(), n in 1usize..=6, b in 1usize..=9) {
        let p = random_profile(seed, n, b);
        let m = Pairwise::from_profile(&p);
        if let Some(c) = m.condorcet_winner() {
            prop_assert_eq!(copeland(&m).winners, vec![c]);
            prop_assert_eq!(schulze(&m).winners, vec![c]);
            prop_assert_eq!(ranked_pairs(&m).unwrap().winners, vec![c]);
            prop_assert_eq!(kemeny(&m).unwrap().winners, vec![c]);
        }
        if let Some(l) = m.condorcet_loser() {
            prop_assert!(n == 1 || !kemeny(&m).unwrap().winners.contains(&l));
        }
    }

    #[test]
    fn kemeny_agrees_at_least_as_much_as_any_other_order(seed in any::<u64>(), n in 1usize..=7, b in 1usize..=9) {
        let p = random_profile(seed, n, b);
        let m = Pairwise::from_profile(&p);
        let k = kemeny(&m).unwrap();
        prop_assert_eq!(m.order_score(&k.order), k.agreement);
        for order in [
            schulze(&m).order,
            ranked_pairs(&m).unwrap().order,
            copeland(&m).order,
            borda(&p).order,
            mean_rank(&p).order,
            plurality(&p).unwrap().order,
        ] {
            prop_assert!(m.order_score(&order) <= k.agreement, "{:?} beats Kemeny", order);
        }
        for o in &k.orders {
            prop_assert_eq!(m.order_score(o), k.agreement);
        }
    }

    #[test]
    fn results_do_not_depend_on_ballot_order(seed in any::<u64>(), n in 1usize..=6, b in 1usize..=9) {
        let p = random_profile(seed, n, b);
        let mut ballots = p.ballots().to_vec();
        Rng(seed.rotate_left(17) | 1).shuffle(&mut ballots);
        let shuffled = Profile::numbered(n, ballots).unwrap();
        prop_assert_eq!(rank(&p), rank(&shuffled));
    }

    #[test]
    fn kemeny_equals_brute_force(seed in any::<u64>(), n in 1usize..=7, b in 1usize..=7) {
        let p = random_profile(seed, n, b);
        let m = Pairwise::from_profile(&p);
        let k = kemeny(&m).unwrap();
        let all = permutations(n);
        let best = all.iter().map(|o| m.order_score(o)).max().unwrap();
        let optimal: Vec<Vec<usize>> = all.into_iter().filter(|o| m.order_score(o) == best).collect();
        prop_assert_eq!(k.agreement, best);
        prop_assert_eq!(k.orders_count, optimal.len() as u64);
        // `permutations` lists orders lexicographically, as Kemeny does.
        prop_assert_eq!(&k.orders[..], &optimal[..optimal.len().min(100)]);
        let mut firsts: Vec<usize> = optimal.iter().map(|o| o[0]).collect();
        firsts.dedup();
        firsts.sort();
        firsts.dedup();
        prop_assert_eq!(k.winners, firsts);
    }

    #[test]
    fn ranked_pairs_equals_brute_force(seed in any::<u64>(), n in 1usize..=6, b in 1usize..=7) {
        let p = random_profile(seed, n, b);
        let m = Pairwise::from_profile(&p);
        let brute = ranked_pairs_brute_force(&m);
        prop_assume!(brute.is_some());
        prop_assert_eq!(Some(ranked_pairs(&m).unwrap().winners), brute);
    }

    #[test]
    fn borda_and_mean_rank_agree(seed in any::<u64>(), n in 1usize..=6, b in 1usize..=9) {
        let p = random_profile(seed, n, b);
        let (bo, mr) = (borda(&p), mean_rank(&p));
        prop_assert_eq!(bo.winners, mr.winners);
        prop_assert_eq!(bo.order, mr.order);
    }
}

#[test]
fn brute_force_helpers_are_right() {
    assert_eq!(
        permutations(3),
        vec![vec![0, 1, 2], vec![0, 2, 1], vec![1, 0, 2], vec![1, 2, 0], vec![2, 0, 1], vec![2, 1, 0]]
    );
    let cycle = Pairwise::from_fn(3, |a, b| if (a + 1) % 3 == b { 2 } else { 1 });
    assert_eq!(ranked_pairs_brute_force(&cycle), Some(vec![0, 1, 2]));
}
