//! Synthetic ballots for the ranking benchmarks (shared by `examples/bench_ranking.rs` and
//! `tests/bench_web.rs`): deterministic, so every run measures the same work.

use dialogue_kit::core::ranking::{Ballot, OptionInfo, OptionTag, Profile};
use dialogue_kit::core::sample::Rng;

/// `ballots` complete orders over `n` options, each the reference order 0..n disturbed by
/// `noise` random swaps of neighbours (groups that mostly agree, as tables do).
pub fn profile(n: usize, ballots: usize, noise: usize, seed: u64) -> Profile {
    let mut rng = Rng(seed | 1);
    let options = (0..n)
        .map(|i| OptionInfo { id: OptionTag::Number(i as u64 + 1), name: format!("option {}", i + 1) })
        .collect();
    let ballots = (0..ballots)
        .map(|_| {
            let mut order: Vec<usize> = (0..n).collect();
            for _ in 0..noise {
                let i = rng.below(n - 1);
                order.swap(i, i + 1);
            }
            Ballot::strict(1, &order)
        })
        .collect();
    Profile::new(options, ballots).expect("a valid synthetic profile")
}
