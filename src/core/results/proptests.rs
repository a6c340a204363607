//! Property test: the same records in any order give the same `results.json`, byte for byte,
//! with and without filters.

use proptest::prelude::*;

use super::{Filter, results};
use crate::core::countries::RegionalGroup;
use crate::core::parse::parse_definition;
use crate::core::sample::{self, Rng, Spec};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn record_order_does_not_change_the_json(seed in any::<u64>(), n in 0usize..60, shuffle in any::<u64>()) {
        let def = parse_definition(crate::DEFAULT_DAY).unwrap();
        let records = sample::day(&def, &Spec { seed, participants: n, events: 2, table_size: 4, text: true });
        let mut shuffled = records.clone();
        Rng::new(shuffle).shuffle(&mut shuffled);
        let group = RegionalGroup::ALL[(seed % 5) as usize];
        for filter in [
            Filter::default(),
            Filter { event: Some(sample::event_id(1)), regional_group: None },
            Filter { event: None, regional_group: Some(group) },
        ] {
            let a = results(&def, &records, &filter).to_json();
            prop_assert_eq!(&a, &results(&def, &shuffled, &filter).to_json());
        }
    }
}
