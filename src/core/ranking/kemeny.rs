//! Kemeny-Young, exact: the orders that agree with the most ballot preferences.
//!
//! The score of an order is the sum of `N[a][b]` over the pairs where a comes before b. The
//! best orders are found by dynamic programming over subsets, not by trying permutations:
//! `f(S)`, the best score of an order of the set S, is the best over `x` in S of "x first,
//! then the best order of S without x": `f(S) = max_x (Σ_{b ∈ S∖x} N[x][b] + f(S∖x))`. That is
//! `2^n · n` steps; the inner sums come from small precomputed tables (7 options at a time),
//! so 20 options take a fraction of a second and 8 bytes × 2 × 2^n of memory (16 MiB).
//! Every optimal order is then found by following every choice of `x` that attains the
//! maximum, in option id order, so the orders come out sorted and the first is the one shown.

use super::pairwise::Pairwise;
use super::{BY_OPTION_ID, RankError, bits};

/// The most options Kemeny-Young is computed for (memory and time grow as 2^n).
pub const MAX_OPTIONS: usize = 20;
/// The most optimal orders listed.
pub const MAX_ORDERS: usize = 100;

/// Options per lookup table chunk.
const CHUNK: usize = 7;

/// The Kemeny-Young result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kemeny {
    /// Every option that is first in some optimal order.
    pub winners: Vec<usize>,
    /// The first optimal order by option id (lexicographically smallest).
    pub order: Vec<usize>,
    /// `Some(BY_OPTION_ID)` when there are several optimal orders.
    pub order_tie_break: Option<&'static str>,
    /// The score of the optimal orders: how many (weighted) ballot preferences they agree with.
    pub agreement: u64,
    /// Optimal orders in lexicographic order of option ids, at most [`MAX_ORDERS`].
    pub orders: Vec<Vec<usize>>,
    /// How many optimal orders there are in all (saturating at `u64::MAX`).
    pub orders_count: u64,
}

/// `row(x, T) = Σ_{b ∈ T} N[x][b]` by table lookups.
struct Rows {
    chunks: usize,
    table: Vec<u64>,
}

impl Rows {
    fn new(m: &Pairwise) -> Rows {
        let n = m.len();
        let chunks = n.div_ceil(CHUNK);
        let mut table = vec![0u64; (n * chunks) << CHUNK];
        for x in 0..n {
            for c in 0..chunks {
                let base = (x * chunks + c) << CHUNK;
                for set in 1usize..1 << CHUNK {
                    let low = set.trailing_zeros() as usize;
                    let b = c * CHUNK + low;
                    let cell = if b < n { m.get(x, b) } else { 0 };
                    table[base + set] = table[base + (set & (set - 1))] + cell;
                }
            }
        }
        Rows { chunks, table }
    }

    fn row(&self, x: usize, set: usize) -> u64 {
        let mut sum = 0;
        for c in 0..self.chunks {
            sum += self.table[((x * self.chunks + c) << CHUNK) + ((set >> (c * CHUNK)) & ((1 << CHUNK) - 1))];
        }
        sum
    }
}

/// Computes the Kemeny-Young orders of a pairwise matrix with at most [`MAX_OPTIONS`] options.
pub fn kemeny(m: &Pairwise) -> Result<Kemeny, RankError> {
    let n = m.len();
    if n > MAX_OPTIONS {
        return Err(RankError::TooManyOptions { method: "Kemeny-Young", options: n, max: MAX_OPTIONS });
    }
    let rows = Rows::new(m);
    let size = 1usize << n;
    let mut best = vec![0u64; size];
    let mut count = vec![0u64; size];
    count[0] = 1;
    for set in 1..size {
        let (mut top, mut ways) = (0u64, 0u64);
        for x in bits(set as u64) {
            let rest = set & !(1 << x);
            let score = rows.row(x, rest) + best[rest];
            if score > top || ways == 0 {
                (top, ways) = (score, count[rest]);
            } else if score == top {
                ways = ways.saturating_add(count[rest]);
            }
        }
        best[set] = top;
        count[set] = ways;
    }
    let full = size - 1;
    let attains = |x: usize, set: usize| {
        let rest = set & !(1 << x);
        rows.row(x, rest) + best[rest] == best[set]
    };
    let winners: Vec<usize> = (0..n).filter(|&x| attains(x, full)).collect();
    let mut orders = Vec::new();
    let mut prefix = Vec::with_capacity(n);
    collect(full, &mut prefix, &mut orders, &attains);
    let orders_count = count[full];
    Ok(Kemeny {
        winners,
        order: orders.first().cloned().unwrap_or_default(),
        order_tie_break: (orders_count > 1).then_some(BY_OPTION_ID),
        agreement: best[full],
        orders,
        orders_count,
    })
}

/// Appends to `out` every optimal completion of `prefix` over `set`, smallest first.
fn collect(
    set: usize,
    prefix: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    attains: &impl Fn(usize, usize) -> bool,
) {
    if set == 0 {
        out.push(prefix.clone());
        return;
    }
    for x in bits(set as u64) {
        if out.len() >= MAX_ORDERS {
            return;
        }
        if attains(x, set) {
            prefix.push(x);
            collect(set & !(1 << x), prefix, out, attains);
            prefix.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transitive_majority_is_the_order() {
        let m = Pairwise::from_fn(4, |a, b| if a > b { 3 } else { 1 });
        let k = kemeny(&m).unwrap();
        assert_eq!(k.order, vec![3, 2, 1, 0]);
        assert_eq!(k.winners, vec![3]);
        assert_eq!(k.agreement, 6 * 3);
        assert_eq!(k.orders_count, 1);
        assert_eq!(k.order_tie_break, None);
    }

    #[test]
    fn indifference_makes_every_order_optimal() {
        let k = kemeny(&Pairwise::from_fn(5, |_, _| 1)).unwrap();
        assert_eq!(k.orders_count, 120);
        assert_eq!(k.orders.len(), MAX_ORDERS);
        assert_eq!(k.orders[0], vec![0, 1, 2, 3, 4]);
        assert_eq!(k.orders[1], vec![0, 1, 2, 4, 3]);
        assert_eq!(k.winners, vec![0, 1, 2, 3, 4]);
        assert_eq!(k.order_tie_break, Some(BY_OPTION_ID));
    }

    #[test]
    fn one_option_and_the_limit() {
        let k = kemeny(&Pairwise::from_fn(1, |_, _| 0)).unwrap();
        assert_eq!((k.order, k.orders_count, k.agreement), (vec![0], 1, 0));
        let e = kemeny(&Pairwise::from_fn(21, |_, _| 0)).unwrap_err();
        assert_eq!(e, RankError::TooManyOptions { method: "Kemeny-Young", options: 21, max: 20 });
    }

    #[test]
    fn lookup_tables_add_rows_across_chunks() {
        let m = Pairwise::from_fn(16, |a, b| (a * 31 + b * 7) as u64 % 11);
        let rows = Rows::new(&m);
        for set in [0usize, 1, 0b1010_1010_1010_1010, 0xffff, 0x8001] {
            for x in 0..16 {
                let want: u64 = bits(set as u64).map(|b| m.get(x, b)).sum();
                assert_eq!(rows.row(x, set), want, "x {x} set {set:b}");
            }
        }
    }
}
