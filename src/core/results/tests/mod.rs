//! Hand-computed results of small days: the tables' orderings (first places, mean ranks, the
//! Kemeny consensus), a 0-8 importance grid, lists, before / after from `repeats`, the filters
//! by event and by regional group. The default day's own tests are in [`default_day`].

use serde_json::Value;

use super::*;
use crate::core::answers::{Answer, Cell};
use crate::core::definition::RecordKind;
use crate::core::parse::parse_definition;
use crate::core::ranking;
use crate::core::sample::{self, Spec};
use crate::core::tally::{ChoiceTally, Tally};

fn day() -> Definition {
    let points: Vec<String> =
        (0..=8).map(|i| format!(r#"{{"id": "{i}", "label": {{"en": "{i}"}}}}"#)).collect();
    let json = r#"{
      "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
      "title": {"en": "T"}, "languages": ["en"],
      "scales": {
        "know": {"points": [{"id": "k1", "label": {"en": "Well"}}, {"id": "k2", "label": {"en": "A little"}},
                            {"id": "k3", "label": {"en": "Heard"}}, {"id": "k4", "label": {"en": "Never"}}],
                 "no_clear_opinion": {"en": "No clear opinion"}},
        "importance": {"points": [POINTS]}
      },
      "sessions": [{"id": "s1", "title": {"en": "One"}, "questions": [
        {"id": "where", "kind": "country", "profile": "country", "text": {"en": "Where?"}},
        {"id": "age", "kind": "single_choice", "profile": "age_band", "text": {"en": "Age?"},
         "options": [{"id": "young", "label": {"en": "Young"}}, {"id": "old", "label": {"en": "Old"}}]},
        {"id": "pick", "kind": "yes_no", "text": {"en": "Yes?"}, "no_clear_opinion": {"en": "NCO"}},
        {"id": "before", "kind": "grid", "scale": "know", "text": {"en": "Before?"},
         "items": [{"id": "i1", "label": {"en": "I1"}}, {"id": "i2", "label": {"en": "I2"}}]},
        {"id": "after", "kind": "grid", "scale": "know", "repeats": "before", "text": {"en": "After?"},
         "items": [{"id": "i1", "label": {"en": "I1"}}, {"id": "i2", "label": {"en": "I2"}}]}
      ], "worksheets": [
        {"id": "order", "kind": "ordering", "text": {"en": "Order?"},
         "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}},
                     {"id": "c", "label": {"en": "C"}}, {"id": "d", "label": {"en": "D"}}]},
        {"id": "importance", "kind": "grid", "scale": "importance", "text": {"en": "How important?"},
         "items": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}]},
        {"id": "hopes", "kind": "list", "max_items": 5, "max_length": 100, "text": {"en": "Hopes?"}}
      ]}]
    }"#
    .replace("POINTS", &points.join(", "));
    parse_definition(&json).unwrap()
}

fn participant(def: &Definition, n: u64, event: &str, table: u32, answers: Vec<(&str, Answer)>) -> Record {
    let mut r = Record::new(def, event, table, &format!("{n:016x}"), "en", 1_700_000_000);
    r.answers = answers.into_iter().map(|(q, a)| (q.into(), a)).collect();
    r
}

fn table(def: &Definition, n: u64, event: &str, table: u32, answers: Vec<(&str, Answer)>) -> Record {
    participant(def, n, event, table, answers).with_kind(RecordKind::Table)
}

fn o(s: &str) -> Answer {
    Answer::Option(s.into())
}

fn country(code: &str) -> Answer {
    Answer::Country(code.into())
}

fn order(ids: &[&str]) -> Answer {
    Answer::Order(ids.iter().map(|s| (*s).into()).collect())
}

fn grid(cells: &[(&str, Option<&str>)]) -> Answer {
    Answer::Grid(
        cells
            .iter()
            .map(|(i, c)| ((*i).into(), c.map_or(Cell::NoClearOpinion, |p| Cell::Option(p.into()))))
            .collect(),
    )
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn worksheet<'a>(r: &'a Results, id: &str) -> &'a WorksheetResult {
    r.worksheets.iter().find(|w| w.worksheet.as_str() == id).unwrap()
}

fn all() -> Filter {
    Filter::default()
}

#[test]
fn group_orderings_first_places_mean_ranks_and_consensus() {
    let def = day();
    let records = vec![
        table(&def, 1, "ev", 1, vec![("order", order(&["a", "b", "c", "d"]))]),
        table(&def, 2, "ev", 2, vec![("order", order(&["a", "c", "b", "d"]))]),
        table(&def, 3, "ev", 3, vec![("order", order(&["b", "a", "c", "d"]))]),
        table(&def, 4, "ev", 4, vec![("order", order(&["c", "a", "b", "d"]))]),
        // Does not fit (an option twice): not a group.
        table(&def, 5, "ev", 5, vec![("order", order(&["a", "a", "b", "d"]))]),
    ];
    let r = results(&def, &records, &all());
    assert_eq!(r.tables, 5);
    let w = worksheet(&r, "order");
    assert_eq!((w.kind, w.groups), ("ordering", 4));
    let WorksheetTally::Ordering(g) = &w.result else { panic!("{w:?}") };
    let first: Vec<(u64, Option<f64>)> = g.options.iter().map(|o| (o.first, o.percent_first)).collect();
    assert_eq!(first, [(2, Some(50.0)), (1, Some(25.0)), (1, Some(25.0)), (0, Some(0.0))]);
    // Positions: a 1,1,2,2; b 2,3,1,3; c 3,2,3,1; d 4,4,4,4.
    let means: Vec<Option<f64>> = g.options.iter().map(|o| o.mean_rank).collect();
    assert_eq!(means, [Some(1.5), Some(2.25), Some(2.25), Some(4.0)]);
    // a beats b and c 3-1, b and c tie 2-2, d is last: a b c d and a c b d both keep 20 of
    // the 24 preferences expressed.
    let Some(ranking::report::Outcome::Done(c)) = &g.consensus else { panic!("{g:?}") };
    let ids =
        |v: &[crate::core::text::OptionId]| v.iter().map(|o| o.as_str().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&c.order), ["a", "b", "c", "d"]);
    assert_eq!(
        c.orders.iter().map(|o| ids(o)).collect::<Vec<_>>(),
        [["a", "b", "c", "d"], ["a", "c", "b", "d"]]
    );
    assert_eq!((c.orders_count, c.order_tie_break, c.agreement), (2, Some("option id"), 20));
    assert_eq!(ids(&c.winners), ["a"]);
    assert_eq!(c.mean_distance, 1.0);
    // Rank sums 6, 9, 9, 16 around 10: S = 54, W = 12 S / (m^2 (n^3 - n)) = 648 / 960.
    assert!(close(c.kendall_w, 0.675), "{:?}", c.kendall_w);
}

#[test]
fn importance_is_summarised_in_the_scales_own_numbers() {
    let def = day();
    let records = vec![
        table(&def, 1, "ev", 1, vec![("importance", grid(&[("x", Some("0")), ("y", Some("8"))]))]),
        table(&def, 2, "ev", 2, vec![("importance", grid(&[("x", Some("4")), ("y", Some("8"))]))]),
        table(&def, 3, "ev", 3, vec![("importance", grid(&[("x", Some("8"))]))]),
    ];
    let r = results(&def, &records, &all());
    let w = worksheet(&r, "importance");
    assert_eq!((w.kind, w.groups), ("grid", 3));
    let WorksheetTally::Other(Tally::Grid(g)) = &w.result else { panic!("{w:?}") };
    let (x, y) = (&g.items[0].tally, &g.items[1].tally);
    let numbers = x.numbers.as_ref().unwrap();
    // 0, 4, 8: mean 4, median 4, sample sd sqrt((16 + 0 + 16) / 2) = 4.
    assert_eq!((numbers.n, numbers.mean, numbers.median, numbers.sd), (3, Some(4.0), Some(4.0), Some(4.0)));
    // The point index counts from 1: one more.
    assert_eq!(x.points.as_ref().and_then(|p| p.mean), Some(5.0));
    let numbers = y.numbers.as_ref().unwrap();
    assert_eq!((numbers.n, numbers.mean, numbers.sd), (2, Some(8.0), Some(0.0)));
    assert_eq!(y.options[8].percent, Some(100.0));
    let json = serde_json::to_value(w).unwrap();
    assert!(json["result"]["grid"]["items"][0]["numbers"]["mean"] == 4.0, "{json}");
}

#[test]
fn lists_count_the_groups_and_their_entries() {
    let def = day();
    let list = |n: usize| Answer::List((0..n).map(|i| format!("entry {i}")).collect());
    let records = vec![
        table(&def, 1, "ev", 1, vec![("hopes", list(2))]),
        table(&def, 2, "ev", 2, vec![("hopes", list(3))]),
        table(&def, 3, "ev", 3, vec![]),
        // Too many entries: does not fit, not counted.
        table(&def, 4, "ev", 4, vec![("hopes", list(6))]),
    ];
    let r = results(&def, &records, &all());
    let w = worksheet(&r, "hopes");
    assert_eq!(w.result, WorksheetTally::List(ListTally { n: 2, entries: 5 }));
    assert_eq!(w.groups, 2);
    let WorksheetTally::Ordering(g) = &worksheet(&r, "order").result else { panic!() };
    assert_eq!((g.n, &g.consensus), (0, &None), "no group ordered: no consensus");
}

/// Five participants at two tables of event `ev` and one of `other`, and their tables.
fn mixed(def: &Definition) -> Vec<Record> {
    vec![
        participant(def, 1, "ev", 1, vec![("where", country("PRT")), ("pick", o("yes"))]),
        participant(def, 2, "ev", 1, vec![("where", country("FRA")), ("pick", o("no"))]),
        participant(def, 3, "ev", 2, vec![("where", country("PRT")), ("pick", o("yes"))]),
        participant(def, 4, "ev", 2, vec![("where", country("KEN")), ("pick", Answer::NoClearOpinion)]),
        participant(def, 5, "other", 3, vec![("pick", o("yes"))]),
        table(def, 11, "ev", 1, vec![("hopes", Answer::List(vec!["a".into()]))]),
        table(def, 12, "ev", 2, vec![("hopes", Answer::List(vec!["b".into()]))]),
        table(def, 13, "other", 3, vec![("hopes", Answer::List(vec!["c".into()]))]),
    ]
}

fn pick(r: &Results) -> &ChoiceTally {
    match &r.questions.iter().find(|q| q.question.as_str() == "pick").unwrap().tally {
        Tally::Choice(c) => c,
        t => panic!("{t:?}"),
    }
}

#[test]
fn filter_by_event() {
    let def = day();
    let records = mixed(&def);
    let r = results(&def, &records, &Filter { event: Some("ev".into()), regional_group: None });
    assert_eq!((r.participants, r.tables), (4, 2));
    assert_eq!(r.events, [EventCount { event: "ev".into(), participants: 4, tables: 2 }]);
    let p = pick(&r);
    assert_eq!((p.n, p.options[0].count, p.options[1].count), (4, 2, 1));
    assert_eq!(p.no_clear_opinion.as_ref().map(|s| s.count), Some(1));
    let all = results(&def, &records, &all());
    assert_eq!((all.participants, all.tables), (5, 3));
    assert_eq!(
        all.events,
        [
            EventCount { event: "ev".into(), participants: 4, tables: 2 },
            EventCount { event: "other".into(), participants: 1, tables: 1 }
        ]
    );
    let none = results(&def, &records, &Filter { event: Some("nope".into()), regional_group: None });
    assert_eq!((none.participants, none.tables, none.events.len()), (0, 0, 0));
}

#[test]
fn filter_by_regional_group_keeps_tables_of_that_group_only() {
    let def = day();
    let records = mixed(&def);
    let weog = Filter { event: None, regional_group: Some(RegionalGroup::Weog) };
    let r = results(&def, &records, &weog);
    // PRT, FRA, PRT; table 1 (PRT, FRA) only: table 2 is mixed, table 3 gave no country.
    assert_eq!((r.participants, r.tables), (3, 1));
    assert_eq!(worksheet(&r, "hopes").result, WorksheetTally::List(ListTally { n: 1, entries: 1 }));
    assert_eq!((pick(&r).n, pick(&r).options[0].count), (3, 2));
    let african = Filter { event: None, regional_group: Some(RegionalGroup::African) };
    let r = results(&def, &records, &african);
    assert_eq!((r.participants, r.tables), (1, 0));
    let json = serde_json::to_value(&r.filter).unwrap();
    assert_eq!(json, serde_json::json!({"event": null, "regional_group": "african"}));
    // Both at once.
    let both = Filter { event: Some("other".into()), regional_group: Some(RegionalGroup::Weog) };
    assert_eq!(results(&def, &records, &both).participants, 0);
}

#[test]
fn regional_breakdown_and_header() {
    let def = day();
    let mut records = mixed(&def);
    let mut stranger = participant(&def, 99, "ev", 1, vec![("pick", o("yes"))]);
    stranger.questionnaire.hash = "sha256:other".into();
    records.push(stranger);
    let r = results(&def, &records, &all());
    assert_eq!((r.format, r.format_version, r.other_questionnaire), (FORMAT, 1, 1));
    assert_eq!((r.questionnaire.id.as_str(), r.questionnaire.hash.as_str()), ("t", def.hash.as_str()));
    let b = r.regional_groups.iter().find(|b| b.question.as_str() == "pick").unwrap();
    assert_eq!(b.by, "regional_group");
    let groups: Vec<(Option<&str>, u64, u64)> =
        b.groups.iter().map(|g| (g.value.as_deref(), g.respondents, g.tally.n())).collect();
    assert_eq!(
        groups,
        [
            (Some("weog"), 3, 3),
            (Some("grulac"), 0, 0),
            (Some("asia_pacific"), 0, 0),
            (Some("african"), 1, 1),
            (Some("eastern_european"), 0, 0),
            (None, 1, 1)
        ]
    );
    let Tally::Choice(weog) = &b.groups[0].tally else { panic!() };
    assert!(close(weog.options[0].percent, 200.0 / 3.0));
    assert_eq!(r.regional_groups.len(), r.questions.len());
}

#[test]
fn before_and_after_come_from_repeats() {
    let def = day();
    let records = vec![
        participant(
            &def,
            1,
            "ev",
            1,
            vec![
                ("before", grid(&[("i1", Some("k3")), ("i2", Some("k1"))])),
                ("after", grid(&[("i1", Some("k1")), ("i2", Some("k1"))])),
            ],
        ),
        participant(
            &def,
            2,
            "ev",
            1,
            vec![
                ("before", grid(&[("i1", Some("k2")), ("i2", Some("k2"))])),
                ("after", grid(&[("i1", Some("k4")), ("i2", Some("k1"))])),
            ],
        ),
        participant(
            &def,
            3,
            "ev",
            1,
            vec![
                ("before", grid(&[("i1", Some("k4")), ("i2", None)])),
                ("after", grid(&[("i1", Some("k2")), ("i2", Some("k3"))])),
            ],
        ),
        // Only after: not paired.
        participant(&def, 4, "ev", 1, vec![("after", grid(&[("i1", Some("k2"))]))]),
    ];
    let r = results(&def, &records, &all());
    assert_eq!(r.changes.len(), 1);
    let c = &r.changes[0];
    assert_eq!((c.before.as_str(), c.after.as_str()), ("before", "after"));
    let i1 = &c.items[0];
    // k3 -> k1, k2 -> k4, k4 -> k2: two towards the first point, one towards the last.
    assert_eq!((i1.paired, i1.towards_first.count, i1.same.count, i1.towards_last.count), (3, 2, 0, 1));
    assert!(close(i1.mean_change, -2.0 / 3.0));
    let i2 = &c.items[1];
    // k1 -> k1, k2 -> k1; the third said no clear opinion before.
    assert_eq!((i2.paired, i2.towards_first.count, i2.same.count), (2, 1, 1));
    assert_eq!((i2.same.percent, i2.mean_change), (Some(50.0), Some(-0.5)));
    assert_eq!(c, &crate::core::tally::change(&def, &records, &"before".into(), &"after".into()).unwrap());
}

#[test]
fn no_records_give_nulls_not_nan() {
    let def = day();
    let r = results(&def, &[], &all());
    assert_eq!((r.participants, r.tables, r.events.len()), (0, 0, 0));
    let json = r.to_json();
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let r = results(&def, &[], &all());
    assert_eq!(r.questions.len(), def.questions().count());
    assert_eq!(r.worksheets.len(), def.items(RecordKind::Table).count());
    assert_eq!(r.changes.len(), 2);
}

mod default_day;
