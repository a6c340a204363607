//! Tests of share codes: lossless round trips over random answer sets, damage detection,
//! and the length of a code for a whole day.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::core::answers::{Answer, Cell, check};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Kind, Question};
use crate::core::parse::parse_definition;
use crate::core::text::OptionId;

fn day() -> Definition {
    parse_definition(crate::DEFAULT_DAY).expect("the default day parses")
}

use crate::core::testkit::Rng;

/// A random valid answer to `q` (with free text when `text` is set).
fn random_answer(q: &Question, rng: &mut Rng, text: bool) -> Option<Answer> {
    let pick = |ids: &[OptionId], rng: &mut Rng| ids[rng.below(ids.len())].clone();
    let a = match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            if q.kind.offers_no_clear_opinion() && rng.below(5) == 0 {
                Answer::NoClearOpinion
            } else {
                Answer::Option(pick(&q.kind.option_ids(), rng))
            }
        }
        Kind::MultipleChoice { options, max } => {
            let k = 1 + rng.below(max.map_or(options.len(), |m| m as usize));
            let mut chosen: Vec<OptionId> = options.iter().map(|o| o.id.clone()).collect();
            while chosen.len() > k {
                chosen.remove(rng.below(chosen.len()));
            }
            Answer::Options(chosen)
        }
        Kind::Grid { items, scale } => {
            let mut cells = BTreeMap::new();
            for item in items {
                match rng.below(6) {
                    0 => {}
                    1 if scale.no_clear_opinion.is_some() => {
                        cells.insert(item.id.clone(), Cell::NoClearOpinion);
                    }
                    _ => {
                        let p = &scale.points[rng.below(scale.points.len())];
                        cells.insert(item.id.clone(), Cell::Option(p.id.clone()));
                    }
                }
            }
            if cells.is_empty() {
                return None;
            }
            Answer::Grid(cells)
        }
        Kind::Numeric { max, .. } => Answer::Number(rng.below(*max as usize + 1) as u32),
        Kind::Text { max_length } => {
            if !text {
                return None;
            }
            let samples =
                ["Mais educação digital", "=SUM(A1)", "<b>hi</b> 🌍", "ok", "données, \"vie privée\""];
            let s: String = samples[rng.below(samples.len())].chars().take(*max_length as usize).collect();
            Answer::Text(s)
        }
        Kind::Ordering { options, top } => {
            let mut left: Vec<OptionId> = options.iter().map(|o| o.id.clone()).collect();
            let k = match top {
                Some(t) => 1 + rng.below(*t as usize),
                None => left.len(),
            };
            let mut order = Vec::new();
            while order.len() < k {
                order.push(left.remove(rng.below(left.len())));
            }
            Answer::Order(order)
        }
        Kind::Country => Answer::Country(COUNTRIES[rng.below(COUNTRIES.len())].code.to_string()),
        Kind::List { max_items, max_length } => {
            if !text {
                return None;
            }
            let words = ["Access for all", "Less hate", "Privacy 🔒", "=cmd|' /C calc'!A0", "Schools"];
            let n = 1 + rng.below(*max_items as usize);
            Answer::List(
                (0..n)
                    .map(|_| words[rng.below(words.len())].chars().take(*max_length as usize).collect())
                    .collect(),
            )
        }
    };
    assert_eq!(check(q, &a), Ok(()), "generated answer must be valid");
    Some(a)
}

/// A record with each question answered with probability `density` percent.
fn random_record(def: &Definition, seed: u64, density: usize, text: bool) -> Record {
    let mut rng = Rng(seed | 1);
    let respondent = crate::core::hash::hex(&rng.next_u64().to_be_bytes());
    let mut r = Record::new(def, "pt-2020-10", 1 + rng.below(40) as u32, &respondent, "en", 1_602_322_200);
    r.updated_at = time::format_rfc3339(1_602_322_200 + rng.below(30_000) as u64);
    for (_, q) in def.questions() {
        if rng.below(100) < density
            && let Some(a) = random_answer(q, &mut rng, text)
        {
            r.answers.insert(q.id.clone(), a);
        }
    }
    r.for_export(def)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn round_trip(seed in any::<u64>(), density in 0usize..=100, text in any::<bool>()) {
        let def = day();
        let r = random_record(&def, seed, density, text);
        let code = encode(&r, &def).unwrap();
        prop_assert!(code.starts_with(PREFIX));
        prop_assert_eq!(decode(&code, &def), Ok(r.clone()));
        // The file says the same.
        prop_assert_eq!(Record::from_json(&r.to_json()), Ok(r));
    }

    #[test]
    fn any_single_changed_character_is_detected(seed in any::<u64>(), pos in any::<usize>(), with in any::<usize>()) {
        let def = day();
        let r = random_record(&def, seed, 70, false);
        let code = encode(&r, &def).unwrap();
        let mut chars: Vec<char> = code.chars().collect();
        let alphabet: Vec<char> =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!".chars().collect();
        let i = pos % chars.len();
        let replacement = alphabet.iter().copied().filter(|&c| c != chars[i]).nth(with % (alphabet.len() - 1)).unwrap();
        chars[i] = replacement;
        let damaged: String = chars.into_iter().collect();
        prop_assert!(decode(&damaged, &def).is_err(), "changed {i} to {replacement}: {damaged}");
    }

    #[test]
    fn a_lost_or_added_character_is_detected(seed in any::<u64>(), pos in any::<usize>()) {
        let def = day();
        let code = encode(&random_record(&def, seed, 70, false), &def).unwrap();
        let i = PREFIX.len() + pos % (code.len() - PREFIX.len());
        let mut lost = code.clone();
        lost.remove(i);
        prop_assert!(decode(&lost, &def).is_err());
        let mut added = code.clone();
        added.insert(i, 'A');
        prop_assert!(decode(&added, &def).is_err());
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,300}") {
        let def = day();
        let _ = decode(&s, &def);
        let _ = decode(&format!("{PREFIX}{s}"), &def);
    }
}

#[test]
fn chat_wrapping_is_tolerated() {
    let def = day();
    let r = random_record(&def, 7, 80, false);
    let code = encode(&r, &def).unwrap();
    let wrapped = format!("  {}\n{}  ", &code[..40], &code[40..]);
    assert_eq!(decode(&wrapped, &def), Ok(r));
}

#[test]
fn errors_say_what_happened() {
    let def = day();
    let code = encode(&random_record(&def, 9, 80, false), &def).unwrap();
    assert_eq!(decode("hello", &def), Err(CodeError::NotACode));
    assert!(matches!(decode(&code.replacen("DK1-", "DK2-", 1), &def), Err(CodeError::NewerFormat(_))));
    let other =
        parse_definition(&crate::DEFAULT_DAY.replacen("\"version\": \"", "\"version\": \"x", 1)).unwrap();
    assert!(matches!(decode(&code, &other), Err(CodeError::OtherQuestionnaire { .. })));
    assert!(matches!(decode(&code[..code.len() - 3], &def), Err(CodeError::Damaged(_))));
}

#[test]
fn hidden_or_invalid_answers_are_not_packed() {
    let def = day();
    let mut r = random_record(&def, 3, 50, false);
    r.answers.insert("no_such_question".into(), Answer::Number(1));
    assert!(matches!(encode(&r, &def), Err(CodeError::Unpackable(_))));
}

/// The length of a code for the whole default day answered without free text: every question
/// answered, every grid item answered. Printed for the closing note; bounded so a regression
/// shows. Run with `cargo test code_length -- --nocapture`.
#[test]
fn code_length_for_the_whole_day() {
    let def = day();
    let mut lengths: Vec<usize> = (1..=200u64)
        .map(|seed| {
            let mut rng = Rng(seed);
            let mut r = random_record(&def, seed, 0, false);
            for (_, q) in def.questions() {
                let a = loop {
                    match random_answer(q, &mut rng, false) {
                        Some(Answer::Grid(mut cells)) => {
                            if let Kind::Grid { items, scale } = &q.kind {
                                for i in items {
                                    cells
                                        .entry(i.id.clone())
                                        .or_insert(Cell::Option(scale.points[0].id.clone()));
                                }
                            }
                            break Some(Answer::Grid(cells));
                        }
                        None if matches!(q.kind, Kind::Text { .. }) => break None,
                        None => continue,
                        a => break a,
                    }
                };
                if let Some(a) = a {
                    r.answers.insert(q.id.clone(), a);
                }
            }
            let r = r.for_export(&def);
            let code = encode(&r, &def).unwrap();
            assert_eq!(decode(&code, &def), Ok(r));
            code.len()
        })
        .collect();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    println!(
        "share code length, whole default day without free text: median {median}, max {}",
        lengths[lengths.len() - 1]
    );
    assert!(median <= 200, "median code length {median} is above the 200-character aim");
}
