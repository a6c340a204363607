//! Every method on hand-checked textbook profiles: a Condorcet cycle, the Tennessee capital
//! example, Schulze's own example, and Borda against the Condorcet winner.

use super::irv::irv;
use super::kemeny::kemeny;
use super::pairwise::{Pairwise, copeland};
use super::profile::{Ballot, Profile};
use super::ranked_pairs::ranked_pairs;
use super::schulze::schulze;
use super::scoring::{borda, mean_rank, plurality};

fn profile(n: usize, ballots: &[(u64, &[usize])]) -> Profile {
    Profile::numbered(n, ballots.iter().map(|(w, o)| Ballot::strict(*w, o)).collect()).unwrap()
}

/// Letters to option indices: "ACBED" -> [0, 2, 1, 4, 3].
fn letters(s: &str) -> Vec<usize> {
    s.bytes().map(|b| (b - b'A') as usize).collect()
}

#[test]
fn a_condorcet_cycle_has_three_co_winners_everywhere() {
    let p = profile(3, &[(1, &[0, 1, 2]), (1, &[1, 2, 0]), (1, &[2, 0, 1])]);
    let m = Pairwise::from_profile(&p);
    let all = vec![0, 1, 2];
    assert_eq!(m.condorcet_winner(), None);
    assert_eq!(m.condorcet_loser(), None);
    assert_eq!(plurality(&p).unwrap().winners, all);
    assert_eq!(borda(&p).winners, all);
    assert_eq!(mean_rank(&p).winners, all);
    assert_eq!(copeland(&m).winners, all);
    assert_eq!(schulze(&m).winners, all);
    assert_eq!(ranked_pairs(&m).unwrap().winners, all);
    let k = kemeny(&m).unwrap();
    assert_eq!(k.winners, all);
    assert_eq!(k.orders, vec![vec![0, 1, 2], vec![1, 2, 0], vec![2, 0, 1]]);
    assert_eq!(k.agreement, 5);
    assert_eq!(irv(&p).unwrap().winners, all);
}

/// Wikipedia's Tennessee capital example: Memphis 0, Nashville 1, Chattanooga 2, Knoxville 3.
fn tennessee() -> Profile {
    profile(4, &[(42, &[0, 1, 2, 3]), (26, &[1, 2, 3, 0]), (15, &[2, 3, 1, 0]), (17, &[3, 2, 1, 0])])
}

#[test]
fn tennessee_every_method() {
    let p = tennessee();
    let m = Pairwise::from_profile(&p);
    assert_eq!(m.condorcet_winner(), Some(1));
    assert_eq!(m.condorcet_loser(), Some(0));
    let pl = plurality(&p).unwrap();
    assert_eq!((pl.winners, pl.scores), (vec![0], vec![42.0, 26.0, 15.0, 17.0]));
    // Borda: Memphis 126, Nashville 194, Chattanooga 173, Knoxville 107.
    let b = borda(&p);
    assert_eq!(b.scores, vec![126.0, 194.0, 173.0, 107.0]);
    assert_eq!(b.order, vec![1, 2, 0, 3]);
    assert_eq!(copeland(&m).scores, vec![-3.0, 3.0, 1.0, -1.0]);
    assert_eq!(schulze(&m).order, vec![1, 2, 3, 0]);
    assert_eq!(ranked_pairs(&m).unwrap().order, vec![1, 2, 3, 0]);
    let k = kemeny(&m).unwrap();
    assert_eq!((k.order, k.agreement, k.orders_count), (vec![1, 2, 3, 0], 393, 1));
    // IRV: Chattanooga out (15, to Knoxville), then Nashville (26, to Knoxville): Knoxville 58.
    let r = irv(&p).unwrap();
    assert_eq!(r.winners, vec![3]);
    assert_eq!(r.rounds[0].eliminated, vec![2]);
    assert_eq!(r.rounds[1].eliminated, vec![1]);
    assert_eq!(r.rounds[2].tallies, vec![(0, 42.0), (3, 58.0)]);
}

/// Schulze's example (Wikipedia, "Schulze method"): 45 voters over A..E.
#[test]
fn schulze_published_example() {
    let ballots: Vec<Ballot> = [
        (5, "ACBED"),
        (5, "ADECB"),
        (8, "BEDAC"),
        (3, "CABED"),
        (7, "CAEBD"),
        (2, "CBADE"),
        (7, "DCEBA"),
        (8, "EBADC"),
    ]
    .iter()
    .map(|(w, s)| Ballot::strict(*w, &letters(s)))
    .collect();
    let p = Profile::numbered(5, ballots).unwrap();
    let m = Pairwise::from_profile(&p);
    assert_eq!(
        m.rows(),
        vec![
            vec![0, 20, 26, 30, 22],
            vec![25, 0, 16, 33, 18],
            vec![19, 29, 0, 17, 24],
            vec![15, 12, 28, 0, 14],
            vec![23, 27, 21, 31, 0],
        ]
    );
    assert_eq!(m.condorcet_winner(), None);
    let s = schulze(&m);
    assert_eq!(s.winners, letters("E"));
    assert_eq!(s.order, letters("EACBD"));
    assert_eq!(s.order_tie_break, None);
}

#[test]
fn borda_can_miss_the_condorcet_winner() {
    // 3 voters a > b > c, 2 voters b > c > a: a beats b and c 3 to 2, but Borda gives
    // a 6, b 7, c 2.
    let p = profile(3, &[(3, &[0, 1, 2]), (2, &[1, 2, 0])]);
    let m = Pairwise::from_profile(&p);
    assert_eq!(m.condorcet_winner(), Some(0));
    assert_eq!(borda(&p).winners, vec![1]);
    assert_eq!(mean_rank(&p).winners, vec![1]);
    assert_eq!(copeland(&m).winners, vec![0]);
    assert_eq!(schulze(&m).winners, vec![0]);
    assert_eq!(ranked_pairs(&m).unwrap().winners, vec![0]);
    assert_eq!(kemeny(&m).unwrap().winners, vec![0]);
    assert_eq!(plurality(&p).unwrap().winners, vec![0]);
}

#[test]
fn truncated_ballots_count_as_documented() {
    // 2 voters rank only a; 1 voter b > c > a. Pairwise: a > b 2:1, a > c 2:1, b > c 1:0.
    let p = profile(3, &[(2, &[0]), (1, &[1, 2, 0])]);
    let m = Pairwise::from_profile(&p);
    assert_eq!(m.rows(), vec![vec![0, 2, 2], vec![1, 0, 1], vec![1, 0, 0]]);
    assert_eq!(kemeny(&m).unwrap().order, vec![0, 1, 2]);
    // Mean rank: a (1·2 + 3) / 3 = 5/3; b (2.5·2 + 1) / 3 = 2; c (2.5·2 + 2) / 3 = 7/3.
    assert_eq!(mean_rank(&p).order, vec![0, 1, 2]);
    assert_eq!(irv(&p).unwrap().winners, vec![0]);
}
