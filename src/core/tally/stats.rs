//! The few statistics the tallies report: percentages and the summary (mean, median, standard
//! deviation) of whole numbers given as a histogram.
//!
//! Everything is computed from integer counts and integer sums, never by adding floats in the
//! order the records came in, so that the same answers give bit-identical numbers whatever
//! their order. A base of 0 gives no percentage and no summary numbers (`None`), never NaN.

use serde::Serialize;

/// `100 * count / base`, or `None` when the base is 0.
pub fn percent(count: u64, base: u64) -> Option<f64> {
    (base > 0).then(|| 100.0 * count as f64 / base as f64)
}

/// Mean, median and standard deviation of whole-number values.
///
/// The standard deviation is the **sample** standard deviation (divided by `n - 1`); it is
/// `None` for fewer than two values. The median of an even number of values is the mean of the
/// two middle ones.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// How many values.
    pub n: u64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub sd: Option<f64>,
}

impl Summary {
    /// The summary of values `first + i`, each occurring `counts[i]` times.
    pub fn from_histogram(counts: &[u64], first: u64) -> Summary {
        let n: u64 = counts.iter().sum();
        let (mut sum, mut squares) = (0u128, 0u128);
        for (i, &c) in counts.iter().enumerate() {
            let v = (first + i as u64) as u128;
            sum += c as u128 * v;
            squares += c as u128 * v * v;
        }
        let n128 = n as u128;
        let mean = (n > 0).then(|| sum as f64 / n as f64);
        // n * sum(v^2) - (sum v)^2 >= 0 (Cauchy-Schwarz), exact in integers.
        let sd = (n > 1).then(|| {
            let numerator = n128 * squares - sum * sum;
            (numerator as f64 / (n128 * (n128 - 1)) as f64).sqrt()
        });
        let median = (n > 0).then(|| {
            let lower = nth(counts, first, (n - 1) / 2);
            let upper = nth(counts, first, n / 2);
            (lower + upper) as f64 / 2.0
        });
        Summary { n, mean, median, sd }
    }

    /// The summary of whole numbers `values[i]`, each occurring `counts[i]` times; the values
    /// may come in any order (a scale's points `"8"` .. `"0"`) and repeat.
    pub fn of_values(counts: &[u64], values: &[u64]) -> Summary {
        let mut pairs: Vec<(u64, u64)> = values.iter().copied().zip(counts.iter().copied()).collect();
        pairs.sort_unstable();
        sorted_pairs(&pairs)
    }
}

/// [`Summary::of_values`] for `(value, count)` pairs sorted by value.
fn sorted_pairs(pairs: &[(u64, u64)]) -> Summary {
    let n: u64 = pairs.iter().map(|p| p.1).sum();
    let (mut sum, mut squares) = (0u128, 0u128);
    for &(v, c) in pairs {
        sum += c as u128 * v as u128;
        squares += c as u128 * v as u128 * v as u128;
    }
    let n128 = n as u128;
    let nth = |k: u64| {
        let mut seen = 0;
        pairs.iter().find(|p| {
            seen += p.1;
            seen > k
        })
    };
    Summary {
        n,
        mean: (n > 0).then(|| sum as f64 / n as f64),
        median: (n > 0).then(|| {
            let (lo, hi) = (nth((n - 1) / 2).map_or(0, |p| p.0), nth(n / 2).map_or(0, |p| p.0));
            (lo as f64 + hi as f64) / 2.0
        }),
        sd: (n > 1).then(|| ((n128 * squares - sum * sum) as f64 / (n128 * (n128 - 1)) as f64).sqrt()),
    }
}

/// The `k`-th smallest value (from 0) of the histogram; `k` is below the total count.
fn nth(counts: &[u64], first: u64, k: u64) -> u64 {
    let mut seen = 0u64;
    for (i, &c) in counts.iter().enumerate() {
        seen += c;
        if seen > k {
            return first + i as u64;
        }
    }
    first + counts.len().saturating_sub(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_never_nan() {
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn summary_of_known_values() {
        // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, median 4.5, sample variance 32/7.
        let mut counts = vec![0u64; 10];
        for v in [2, 4, 4, 4, 5, 5, 7, 9] {
            counts[v] += 1;
        }
        let s = Summary::from_histogram(&counts, 0);
        assert_eq!(s.n, 8);
        assert_eq!(s.mean, Some(5.0));
        assert_eq!(s.median, Some(4.5));
        let sd = s.sd.unwrap();
        assert!((sd - (32.0f64 / 7.0).sqrt()).abs() < 1e-12, "{sd}");
        // Odd count, values offset from 1.
        let s = Summary::from_histogram(&[1, 0, 2], 1);
        assert_eq!((s.mean, s.median), (Some(7.0 / 3.0), Some(3.0)));
    }

    #[test]
    fn values_in_any_order_match_the_histogram() {
        // A 0-8 scale written from 8 down to 0: the same summary as the histogram 0..=8.
        let counts = [0u64, 1, 2, 0, 0, 3, 0, 1, 1];
        let values: Vec<u64> = (0..=8).rev().collect();
        let mut reversed = counts;
        reversed.reverse();
        assert_eq!(Summary::of_values(&reversed, &values), Summary::from_histogram(&counts, 0));
        // Repeated and far-apart values.
        let s = Summary::of_values(&[1, 1, 2], &[5, 1_000_000, 5]);
        assert_eq!((s.n, s.median, s.mean), (4, Some(5.0), Some(1_000_015.0 / 4.0)));
        assert_eq!(Summary::of_values(&[], &[]), Summary { n: 0, mean: None, median: None, sd: None });
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(Summary::from_histogram(&[0, 0], 1), Summary { n: 0, mean: None, median: None, sd: None });
        let one = Summary::from_histogram(&[0, 1], 1);
        assert_eq!((one.mean, one.median, one.sd), (Some(2.0), Some(2.0), None));
    }
}
