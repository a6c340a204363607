//! The distinct orders given to an ordering question and how many gave each: what the tables'
//! consensus is computed from. An order of at most 15 options, each among the first 16, is
//! kept as one number (4 bits a place, and its length), so that counting 100,000 orders
//! allocates nothing; longer ones are kept as they are.

use std::collections::{BTreeMap, HashMap};

/// Orders (options by index, first to last) and their counts.
#[derive(Clone, Debug, Default)]
pub struct Orders {
    packed: HashMap<u64, u64>,
    long: BTreeMap<Vec<usize>, u64>,
}

/// The most places a packed order holds.
const PACKED: usize = 15;

impl Orders {
    /// Counts one more `order`.
    pub fn add(&mut self, order: &[usize]) {
        if order.len() <= PACKED && order.iter().all(|&i| i < 16) {
            let key = order
                .iter()
                .enumerate()
                .fold((order.len() as u64) << 60, |k, (p, &i)| k | (i as u64) << (4 * p));
            *self.packed.entry(key).or_default() += 1;
        } else {
            *self.long.entry(order.to_vec()).or_default() += 1;
        }
    }

    /// Every distinct order with its count, sorted by order.
    pub fn sorted(&self) -> Vec<(Vec<usize>, u64)> {
        let unpack = |key: u64| (0..(key >> 60) as usize).map(|p| (key >> (4 * p)) as usize & 15).collect();
        let mut out: Vec<(Vec<usize>, u64)> = self.packed.iter().map(|(&k, &n)| (unpack(k), n)).collect();
        out.extend(self.long.iter().map(|(o, &n)| (o.clone(), n)));
        out.sort_unstable();
        out
    }

    pub fn is_empty(&self) -> bool {
        self.packed.is_empty() && self.long.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_and_long_orders_come_back_sorted() {
        let mut o = Orders::default();
        let long: Vec<usize> = (0..20).rev().collect();
        for order in [vec![2, 0, 1], vec![0], vec![2, 0, 1], vec![15, 14], long.clone(), vec![0, 1]] {
            o.add(&order);
        }
        assert_eq!(
            o.sorted(),
            [(vec![0], 1), (vec![0, 1], 1), (vec![2, 0, 1], 2), (vec![15, 14], 1), (long, 1)]
        );
        assert!(Orders::default().is_empty() && !o.is_empty());
    }
}
