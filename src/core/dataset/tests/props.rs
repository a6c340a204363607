//! Property tests: merging datasets is commutative, associative and idempotent, and the bundle
//! does not depend on the order in which the same texts were imported.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::super::*;
use super::day;
use crate::core::answers::Answer;
use crate::core::testkit::Rng;

/// The default day, parsed once for all cases.
static DAY: LazyLock<Definition> = LazyLock::new(day);

/// Respondents from a small pool, few distinct times and answers: duplicates and conflicts
/// (including equal times) are frequent.
fn random_record(def: &Definition, rng: &mut Rng) -> Record {
    let respondent = format!("{:016x}", 0xabc0 + rng.below(4));
    let (event, table) = ("ev", 1 + rng.below(2) as u32);
    let mut r = if rng.below(5) == 0 {
        Record::new_table(def, event, table, &respondent, "en", 1_602_322_200)
    } else {
        Record::new(def, event, table, &respondent, "en", 1_602_322_200)
    };
    r.updated_at = time::format_rfc3339(1_602_322_200 + 60 * rng.below(3) as u64);
    if r.kind == RecordKind::Participant {
        for qid in ["age_band", "gender", "area", "covid_use_changed"] {
            let Some(q) = def.question(&qid.into()) else { continue };
            let options = q.kind.option_ids();
            if rng.below(3) > 0 {
                r.answers.insert(q.id.clone(), Answer::Option(options[rng.below(2)].clone()));
            }
        }
    }
    r.for_export(def)
}

/// A text as it is handed over: a record file or a chat with a few codes, and its source.
fn random_input(def: &Definition, rng: &mut Rng) -> (String, String) {
    let sources = ["a.json", "chat.txt", "pasted text"];
    let source = sources[rng.below(sources.len())].to_string();
    if rng.below(2) == 0 {
        return (source, random_record(def, rng).to_json());
    }
    let mut chat = String::new();
    for i in 0..1 + rng.below(3) {
        let code = code::encode(&random_record(def, rng), def).unwrap();
        chat.push_str(&format!("10:{i:02} From P{i} to Everyone: {code}\n"));
    }
    (source, chat)
}

/// Up to 5 texts, some of them handed over twice (the same or another way).
fn random_inputs(def: &Definition, rng: &mut Rng) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for _ in 0..rng.below(6) {
        match out.len() {
            n if n > 0 && rng.below(3) == 0 => {
                let again = out[rng.below(n)].clone();
                out.push(again);
            }
            _ => out.push(random_input(def, rng)),
        }
    }
    out
}

/// Some of `pool`'s texts, so that datasets built from one pool overlap.
fn pick(pool: &[(String, String)], rng: &mut Rng) -> Vec<(String, String)> {
    if pool.is_empty() {
        return Vec::new();
    }
    (0..rng.below(5)).map(|_| pool[rng.below(pool.len())].clone()).collect()
}

fn build(def: &Definition, inputs: &[(String, String)]) -> String {
    let mut d = Dataset::new(def);
    for (source, text) in inputs {
        let r = d.import_text(def, source, text);
        assert!(r.rejected.is_empty(), "{r}");
    }
    d.to_bundle_json()
}

fn merge(def: &Definition, bundles: &[&str]) -> String {
    let inputs: Vec<(String, String)> =
        bundles.iter().map(|b| ("bundle.json".into(), b.to_string())).collect();
    build(def, &inputs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn the_order_of_imports_does_not_matter(seed in any::<u64>()) {
        let def = &*DAY;
        let mut rng = Rng(seed | 1);
        let mut inputs = random_inputs(def, &mut rng);
        inputs.extend(random_inputs(def, &mut rng));
        let bundle = build(def, &inputs);
        rng.shuffle(&mut inputs);
        prop_assert_eq!(build(def, &inputs), bundle);
    }

    #[test]
    fn merging_is_commutative_associative_and_idempotent(seed in any::<u64>()) {
        let def = &*DAY;
        let mut rng = Rng(seed | 1);
        let mut pool = random_inputs(def, &mut rng);
        pool.extend(random_inputs(def, &mut rng));
        let (ia, ib, ic) = (pick(&pool, &mut rng), pick(&pool, &mut rng), pick(&pool, &mut rng));
        let (a, b, c) = (build(def, &ia), build(def, &ib), build(def, &ic));
        let ab = merge(def, &[&a, &b]);
        prop_assert_eq!(&merge(def, &[&b, &a]), &ab);
        // Merging bundles is the same as importing everything into one dataset.
        prop_assert_eq!(&build(def, &[ia.clone(), ib.clone()].concat()), &ab);
        let bc = merge(def, &[&b, &c]);
        prop_assert_eq!(merge(def, &[&ab, &c]), merge(def, &[&a, &bc]));
        prop_assert_eq!(&merge(def, &[&a, &a]), &a);
        prop_assert_eq!(&merge(def, &[&a]), &a);
        prop_assert_eq!(&merge(def, &[&ab, &a]), &ab);
    }
}

#[test]
fn the_generated_inputs_hold_duplicates_and_conflicts() {
    let def = &*DAY;
    let (mut duplicates, mut conflicts, mut ties) = (0, 0, 0);
    for seed in 1..40 {
        let mut rng = Rng(seed);
        let mut d = Dataset::new(def);
        for (source, text) in random_inputs(def, &mut rng) {
            let r = d.import_text(def, &source, &text);
            duplicates += r.duplicates;
            conflicts += r.conflicts.len();
            ties += r.conflicts.iter().filter(|c| c.kept == c.dropped).count();
        }
    }
    assert!(duplicates > 5 && conflicts > 5 && ties > 2, "{duplicates} {conflicts} {ties}");
}
