//! A participant's answers: one value per answered question, keyed by question id.
//!
//! A question that was skipped has no entry: it is *missing*. "No clear opinion" is an answer
//! a person chose and is stored as [`Answer::NoClearOpinion`] (or [`Cell::NoClearOpinion`] in a
//! grid), never confused with missing. [`check`] says whether a value fits its question; every
//! path that brings answers in (the app, a file, a share code) goes through it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::countries;
use super::definition::{Kind, Question};
use super::text::{ItemId, OptionId, QuestionId};

/// One question's answer. In JSON: `{"option": "agree"}`, `"no_clear_opinion"`,
/// `{"options": ["a", "b"]}`, `{"grid": {"item": {"option": "agree"}}}`, `{"number": 7}`,
/// `{"text": "..."}`, `{"order": ["a", "b"]}`, `{"country": "PRT"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Single choice, scale point, yes / no.
    Option(OptionId),
    /// "No clear opinion", where the question offers it.
    NoClearOpinion,
    /// Multiple choice: the chosen options, in the definition's order.
    Options(Vec<OptionId>),
    /// Grid: a cell per answered item; unanswered items are absent (missing).
    Grid(BTreeMap<ItemId, Cell>),
    /// Numeric scale 0..max.
    Number(u32),
    /// Open text.
    Text(String),
    /// Ordering: options from first to last (all of them, or the top k).
    Order(Vec<OptionId>),
    /// Country as ISO 3166-1 alpha-3.
    Country(String),
    /// List: the entries, in the order written.
    List(Vec<String>),
}

/// One item of a grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Option(OptionId),
    NoClearOpinion,
}

/// The answers of one respondent.
pub type Answers = BTreeMap<QuestionId, Answer>;

/// Why a value does not fit its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misfit(pub String);

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn misfit<T>(msg: impl Into<String>) -> Result<T, Misfit> {
    Err(Misfit(msg.into()))
}

/// Checks that `answer` is a valid answer to `question`.
pub fn check(question: &Question, answer: &Answer) -> Result<(), Misfit> {
    let kind = &question.kind;
    match (kind, answer) {
        (_, Answer::NoClearOpinion) if kind.offers_no_clear_opinion() => {
            if matches!(kind, Kind::Grid { .. }) {
                return misfit("a grid takes an answer per item, not one for the whole grid");
            }
            Ok(())
        }
        (_, Answer::NoClearOpinion) => misfit("this question does not offer 'no clear opinion'"),
        (Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. }, Answer::Option(o)) => {
            known(kind.has_option(o), o)
        }
        (Kind::MultipleChoice { options, max }, Answer::Options(chosen)) => {
            if chosen.is_empty() {
                return misfit("no option chosen (leave the question out instead)");
            }
            if let Some(max) = max
                && chosen.len() > *max as usize
            {
                return misfit(format!("{} options chosen, at most {max} allowed", chosen.len()));
            }
            distinct_known(chosen, &options.iter().map(|o| &o.id).collect::<Vec<_>>())
        }
        (Kind::Grid { items, scale }, Answer::Grid(cells)) => {
            if cells.is_empty() {
                return misfit("no item answered (leave the question out instead)");
            }
            for (item, cell) in cells {
                if !items.iter().any(|i| &i.id == item) {
                    return misfit(format!("unknown item '{item}'"));
                }
                match cell {
                    Cell::Option(o) => known(scale.points.iter().any(|p| &p.id == o), o)?,
                    Cell::NoClearOpinion if scale.no_clear_opinion.is_some() => {}
                    Cell::NoClearOpinion => {
                        return misfit("this grid does not offer 'no clear opinion'");
                    }
                }
            }
            Ok(())
        }
        (Kind::Numeric { max, .. }, Answer::Number(n)) => {
            if n > max {
                misfit(format!("{n} is above the maximum {max}"))
            } else {
                Ok(())
            }
        }
        (Kind::Text { max_length }, Answer::Text(t)) => {
            let len = t.chars().count();
            if len == 0 {
                misfit("empty text (leave the question out instead)")
            } else if len > *max_length as usize {
                misfit(format!("text of {len} characters, at most {max_length} allowed"))
            } else {
                Ok(())
            }
        }
        (Kind::Ordering { options, top }, Answer::Order(order)) => {
            let want = top.map(|k| k as usize).unwrap_or(options.len());
            if order.is_empty() || order.len() > want {
                return misfit(format!("an order of {} options, expected 1 to {want}", order.len()));
            }
            if top.is_none() && order.len() != options.len() {
                return misfit(format!(
                    "an order of {} options, expected all {}",
                    order.len(),
                    options.len()
                ));
            }
            distinct_known(order, &options.iter().map(|o| &o.id).collect::<Vec<_>>())
        }
        (Kind::Country, Answer::Country(code)) => match countries::by_code(code) {
            Some(c) if c.code == code => Ok(()),
            _ => misfit(format!("'{code}' is not a UN member state's ISO 3166 alpha-3 code")),
        },
        (Kind::List { max_items, max_length }, Answer::List(entries)) => {
            if entries.is_empty() || entries.len() > *max_items as usize {
                return misfit(format!("{} entries, expected 1 to {max_items}", entries.len()));
            }
            for e in entries {
                let len = e.chars().count();
                if e.trim().is_empty() {
                    return misfit("an empty entry (leave it out instead)");
                }
                if len > *max_length as usize {
                    return misfit(format!("an entry of {len} characters, at most {max_length} allowed"));
                }
            }
            Ok(())
        }
        (kind, _) => misfit(format!("this kind of answer does not fit a {} question", kind.name())),
    }
}

fn known(ok: bool, o: &OptionId) -> Result<(), Misfit> {
    if ok { Ok(()) } else { misfit(format!("unknown option '{o}'")) }
}

fn distinct_known(chosen: &[OptionId], allowed: &[&OptionId]) -> Result<(), Misfit> {
    for (i, o) in chosen.iter().enumerate() {
        known(allowed.contains(&o), o)?;
        if chosen[..i].contains(o) {
            return misfit(format!("option '{o}' given twice"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::definition::{Choice, Scale};
    use crate::core::text::Text;

    fn q(kind: Kind) -> Question {
        Question {
            id: "q".into(),
            text: Text::en("Q"),
            help: None,
            kind,
            show_if: None,
            profile: None,
            ballot_for: None,
            repeats: None,
        }
    }

    fn opts(ids: &[&str]) -> Vec<Choice<OptionId>> {
        ids.iter().map(|i| Choice { id: (*i).into(), label: Text::en(i), hint: None }).collect()
    }

    fn o(s: &str) -> OptionId {
        OptionId::from(s)
    }

    #[test]
    fn no_clear_opinion_only_where_offered() {
        let with = q(Kind::YesNo { no_clear_opinion: Some(Text::en("NCO")) });
        let without = q(Kind::YesNo { no_clear_opinion: None });
        assert!(check(&with, &Answer::NoClearOpinion).is_ok());
        assert!(check(&without, &Answer::NoClearOpinion).is_err());
        assert!(check(&without, &Answer::Option(o("yes"))).is_ok());
        assert!(check(&without, &Answer::Option(o("maybe"))).is_err());
    }

    #[test]
    fn multiple_choice_limits() {
        let q = q(Kind::MultipleChoice { options: opts(&["a", "b", "c"]), max: Some(2) });
        assert!(check(&q, &Answer::Options(vec![o("a"), o("c")])).is_ok());
        assert!(check(&q, &Answer::Options(vec![o("a"), o("b"), o("c")])).is_err());
        assert!(check(&q, &Answer::Options(vec![o("a"), o("a")])).is_err());
        assert!(check(&q, &Answer::Options(vec![])).is_err());
    }

    #[test]
    fn ordering_all_or_top() {
        let all = q(Kind::Ordering { options: opts(&["a", "b", "c"]), top: None });
        assert!(check(&all, &Answer::Order(vec![o("c"), o("a"), o("b")])).is_ok());
        assert!(check(&all, &Answer::Order(vec![o("c"), o("a")])).is_err());
        let top = q(Kind::Ordering { options: opts(&["a", "b", "c"]), top: Some(2) });
        assert!(check(&top, &Answer::Order(vec![o("c"), o("a")])).is_ok());
        assert!(check(&top, &Answer::Order(vec![o("c"), o("a"), o("b")])).is_err());
    }

    #[test]
    fn grid_cells() {
        let scale = Scale { points: opts(&["agree", "disagree"]), no_clear_opinion: None };
        let items = vec![Choice { id: ItemId::from("un"), label: Text::en("UN"), hint: None }];
        let q = q(Kind::Grid { items, scale });
        let mut cells = BTreeMap::new();
        cells.insert(ItemId::from("un"), Cell::Option(o("agree")));
        assert!(check(&q, &Answer::Grid(cells.clone())).is_ok());
        cells.insert(ItemId::from("un"), Cell::NoClearOpinion);
        assert!(check(&q, &Answer::Grid(cells.clone())).is_err());
        cells.clear();
        cells.insert(ItemId::from("xx"), Cell::Option(o("agree")));
        assert!(check(&q, &Answer::Grid(cells)).is_err());
    }

    #[test]
    fn numbers_texts_countries() {
        let n = q(Kind::Numeric { max: 8, min_label: Text::en("0"), max_label: Text::en("8") });
        assert!(check(&n, &Answer::Number(8)).is_ok());
        assert!(check(&n, &Answer::Number(9)).is_err());
        assert!(check(&n, &Answer::Text("8".into())).is_err());
        let t = q(Kind::Text { max_length: 3 });
        assert!(check(&t, &Answer::Text("abç".into())).is_ok());
        assert!(check(&t, &Answer::Text("abcd".into())).is_err());
        let c = q(Kind::Country);
        assert!(check(&c, &Answer::Country("PRT".into())).is_ok());
        assert!(check(&c, &Answer::Country("prt".into())).is_err());
        assert!(check(&c, &Answer::Country("XXX".into())).is_err());
    }

    #[test]
    fn json_shape() {
        let a = Answer::Option(o("agree"));
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"option":"agree"}"#);
        assert_eq!(serde_json::to_string(&Answer::NoClearOpinion).unwrap(), r#""no_clear_opinion""#);
    }
}
