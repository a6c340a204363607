//! Hand-computed tallies of small datasets: one per kind, breakdowns and before / after.

use super::*;
use crate::core::answers::Cell;
use crate::core::parse::parse_definition;

const DAY: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "t", "version": "1",
  "title": {"en": "T"}, "languages": ["en"],
  "scales": {
    "agree": {"points": [{"id": "agree", "label": {"en": "Agree"}}, {"id": "neutral", "label": {"en": "Neutral"}},
                         {"id": "disagree", "label": {"en": "Disagree"}}],
              "no_clear_opinion": {"en": "No clear opinion"}},
    "know": {"points": [{"id": "k1", "label": {"en": "Know well"}}, {"id": "k2", "label": {"en": "A little"}},
                        {"id": "k3", "label": {"en": "Heard"}}, {"id": "k4", "label": {"en": "Never"}}],
             "no_clear_opinion": {"en": "No clear opinion"}}
  },
  "sessions": [{"id": "s1", "title": {"en": "One"}, "questions": [
    {"id": "age", "kind": "single_choice", "profile": "age_band", "text": {"en": "Age?"},
     "options": [{"id": "young", "label": {"en": "Young"}}, {"id": "old", "label": {"en": "Old"}}]},
    {"id": "pick", "kind": "single_choice", "text": {"en": "Pick?"}, "no_clear_opinion": {"en": "NCO"},
     "options": [{"id": "x", "label": {"en": "X"}}, {"id": "y", "label": {"en": "Y"}}, {"id": "z", "label": {"en": "Z"}}]},
    {"id": "sc", "kind": "scale", "scale": "agree", "text": {"en": "Scale?"}},
    {"id": "mc", "kind": "multiple_choice", "text": {"en": "Many?"},
     "options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}, {"id": "c", "label": {"en": "C"}}]},
    {"id": "gr", "kind": "grid", "scale": "agree", "text": {"en": "Grid?"},
     "items": [{"id": "i1", "label": {"en": "I1"}}, {"id": "i2", "label": {"en": "I2"}}]},
    {"id": "num", "kind": "numeric", "max": 10, "min_label": {"en": "0"}, "max_label": {"en": "10"},
     "text": {"en": "How much?"}},
    {"id": "yn", "kind": "yes_no", "text": {"en": "Yes?"}, "no_clear_opinion": {"en": "NCO"}},
    {"id": "tx", "kind": "text", "max_length": 50, "text": {"en": "Say?"}},
    {"id": "ord", "kind": "ordering", "top": 2, "text": {"en": "Order?"},
     "options": [{"id": "p", "label": {"en": "P"}}, {"id": "q", "label": {"en": "Q"}},
                 {"id": "r", "label": {"en": "R"}}, {"id": "s", "label": {"en": "S"}}]},
    {"id": "where", "kind": "country", "profile": "country", "text": {"en": "Where?"}},
    {"id": "before", "kind": "grid", "scale": "know", "text": {"en": "Before?"},
     "items": [{"id": "i1", "label": {"en": "I1"}}, {"id": "i2", "label": {"en": "I2"}}]},
    {"id": "after", "kind": "grid", "scale": "know", "text": {"en": "After?"},
     "items": [{"id": "i1", "label": {"en": "I1"}}, {"id": "i2", "label": {"en": "I2"}}]}
  ]}]
}"#;

fn def() -> Definition {
    parse_definition(DAY).unwrap()
}

fn o(s: &str) -> Answer {
    Answer::Option(s.into())
}

fn opts(ids: &[&str]) -> Vec<OptionId> {
    ids.iter().map(|s| (*s).into()).collect()
}

fn grid(cells: &[(&str, Option<&str>)]) -> Answer {
    Answer::Grid(
        cells
            .iter()
            .map(|(item, cell)| {
                ((*item).into(), cell.map_or(Cell::NoClearOpinion, |p| Cell::Option(p.into())))
            })
            .collect(),
    )
}

fn rec(def: &Definition, n: u64, answers: Vec<(&str, Answer)>) -> Record {
    let mut r = Record::new(def, "ev", 1, &format!("{n:016x}"), "en", 1_700_000_000);
    r.answers = answers.into_iter().map(|(q, a)| (q.into(), a)).collect();
    r
}

/// Five respondents; the fifth answered nothing.
fn records(def: &Definition) -> Vec<Record> {
    vec![
        rec(
            def,
            1,
            vec![
                ("age", o("young")),
                ("pick", o("x")),
                ("sc", o("agree")),
                ("mc", Answer::Options(opts(&["a", "b"]))),
                ("gr", grid(&[("i1", Some("agree")), ("i2", None)])),
                ("yn", o("yes")),
                ("tx", Answer::Text("hello".into())),
                ("ord", Answer::Order(opts(&["p", "q"]))),
                ("where", Answer::Country("PRT".into())),
            ],
        ),
        rec(
            def,
            2,
            vec![
                ("age", o("young")),
                ("pick", o("x")),
                ("sc", Answer::NoClearOpinion),
                ("mc", Answer::Options(opts(&["b"]))),
                ("gr", grid(&[("i1", Some("disagree"))])),
                ("yn", o("no")),
                ("ord", Answer::Order(opts(&["q", "p"]))),
                ("where", Answer::Country("FRA".into())),
            ],
        ),
        rec(
            def,
            3,
            vec![
                ("age", o("old")),
                ("pick", Answer::NoClearOpinion),
                ("sc", o("disagree")),
                ("gr", grid(&[("i2", Some("neutral"))])),
                ("yn", Answer::NoClearOpinion),
                ("ord", Answer::Order(opts(&["p", "r"]))),
                ("where", Answer::Country("KEN".into())),
            ],
        ),
        rec(
            def,
            4,
            vec![
                ("pick", o("y")),
                // Does not fit a scale question: treated as missing.
                ("sc", Answer::Number(3)),
                ("mc", Answer::Options(opts(&["b", "c"]))),
                ("where", Answer::Country("BRA".into())),
            ],
        ),
        rec(def, 5, vec![]),
    ]
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn counts(options: &[OptionCount]) -> Vec<u64> {
    options.iter().map(|c| c.count).collect()
}

fn choice<'a>(t: &'a Tallies, id: &str) -> &'a ChoiceTally {
    match t.get(id) {
        Some(Tally::Choice(c)) => c,
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn single_choice_reports_no_clear_opinion_apart() {
    let def = def();
    let t = tally(&def, &records(&def));
    assert_eq!(t.respondents, 5);
    let pick = choice(&t, "pick");
    assert_eq!(pick.n, 4, "the fifth respondent is missing, not counted");
    assert_eq!(counts(&pick.options), [2, 1, 0]);
    assert_eq!(
        pick.options.iter().map(|c| c.percent).collect::<Vec<_>>(),
        [Some(50.0), Some(25.0), Some(0.0)]
    );
    assert_eq!(pick.no_clear_opinion, Some(Share { count: 1, percent: Some(25.0) }));
    assert_eq!(pick.points, None);
    // A question without "no clear opinion" reports none.
    assert_eq!(choice(&t, "age").no_clear_opinion, None);
    let yn = choice(&t, "yn");
    assert_eq!((yn.n, counts(&yn.options)), (3, vec![1, 1]));
    assert!(close(yn.options[0].percent, 100.0 / 3.0));
    assert_eq!(yn.no_clear_opinion.as_ref().map(|s| s.count), Some(1));
}

#[test]
fn scale_points_exclude_no_clear_opinion() {
    let def = def();
    let t = tally(&def, &records(&def));
    let sc = choice(&t, "sc");
    assert_eq!(sc.n, 3, "a misfit answer is missing");
    assert_eq!(counts(&sc.options), [1, 0, 1]);
    assert!(close(sc.options[0].percent, 100.0 / 3.0));
    assert_eq!(sc.no_clear_opinion.as_ref().map(|s| s.count), Some(1));
    let points = sc.points.as_ref().unwrap();
    // Indices 1 and 3: mean 2, median 2, sample sd sqrt(2).
    assert_eq!((points.n, points.mean, points.median), (2, Some(2.0), Some(2.0)));
    assert!(close(points.sd, 2f64.sqrt()));
}

#[test]
fn multiple_choice_percent_of_respondents() {
    let def = def();
    let t = tally(&def, &records(&def));
    let Some(Tally::Multiple(mc)) = t.get("mc") else { panic!() };
    assert_eq!(mc.n, 3);
    assert_eq!(counts(&mc.options), [1, 3, 1]);
    assert_eq!(mc.options[1].percent, Some(100.0));
    assert!(close(mc.options[0].percent, 100.0 / 3.0));
}

#[test]
fn grid_items_have_their_own_n() {
    let def = def();
    let t = tally(&def, &records(&def));
    let Some(Tally::Grid(gr)) = t.get("gr") else { panic!() };
    assert_eq!(gr.n, 3);
    let (i1, i2) = (&gr.items[0].tally, &gr.items[1].tally);
    assert_eq!((i1.n, counts(&i1.options)), (2, vec![1, 0, 1]));
    assert_eq!(i1.no_clear_opinion, Some(Share { count: 0, percent: Some(0.0) }));
    assert_eq!((i2.n, counts(&i2.options)), (2, vec![0, 1, 0]));
    assert_eq!(i2.no_clear_opinion, Some(Share { count: 1, percent: Some(50.0) }));
    assert_eq!(i2.points.as_ref().map(|p| (p.n, p.mean)), Some((1, Some(2.0))));
    let json = serde_json::to_string(&gr.items[0]).unwrap();
    assert!(json.starts_with(r#"{"item":"i1","n":2,"options":"#), "{json}");
}

#[test]
fn numeric_median_and_sample_sd() {
    let def = def();
    let mut rs: Vec<Record> = [2, 4, 4, 4, 5, 5, 7, 9]
        .iter()
        .zip(1..)
        .map(|(&v, i)| rec(&def, i, vec![("num", Answer::Number(v))]))
        .collect();
    rs.push(rec(&def, 99, vec![]));
    let t = tally(&def, &rs);
    let Some(Tally::Numeric(num)) = t.get("num") else { panic!() };
    assert_eq!((num.summary.n, num.summary.mean, num.summary.median), (8, Some(5.0), Some(4.5)));
    assert!(close(num.summary.sd, (32f64 / 7.0).sqrt()));
    assert_eq!(num.values.len(), 11);
    assert_eq!((num.values[4].value, num.values[4].count, num.values[4].percent), (4, 3, Some(37.5)));
    assert_eq!(num.values[10].percent, Some(0.0));
}

#[test]
fn text_is_only_counted() {
    let def = def();
    let t = tally(&def, &records(&def));
    assert_eq!(t.get("tx"), Some(&Tally::Text(TextTally { n: 1 })));
}

#[test]
fn ordering_first_place_and_mean_rank_with_top_k() {
    let def = def();
    let t = tally(&def, &records(&def));
    let Some(Tally::Ordering(ord)) = t.get("ord") else { panic!() };
    assert_eq!(ord.n, 3);
    assert_eq!(ord.options.iter().map(|o| o.first).collect::<Vec<_>>(), [2, 1, 0, 0]);
    assert!(close(ord.options[0].percent_first, 200.0 / 3.0));
    // [p q], [q p], [p r]: unranked options share positions 3 and 4 (3.5 each).
    let means = [4.0 / 3.0, 6.5 / 3.0, 3.0, 3.5];
    for (opt, want) in ord.options.iter().zip(means) {
        assert!(close(opt.mean_rank, want), "{}: {:?} != {want}", opt.id, opt.mean_rank);
    }
}

#[test]
fn country_and_regional_groups() {
    let def = def();
    let t = tally(&def, &records(&def));
    let Some(Tally::Country(c)) = t.get("where") else { panic!() };
    assert_eq!(c.n, 4);
    let codes: Vec<_> = c.countries.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(codes, [("BRA", 1), ("FRA", 1), ("KEN", 1), ("PRT", 1)], "in the UN list's order");
    let groups: Vec<_> = c.groups.iter().map(|g| (g.group.id(), g.count)).collect();
    assert_eq!(
        groups,
        [("weog", 2), ("grulac", 1), ("asia_pacific", 0), ("african", 1), ("eastern_european", 0)]
    );
    assert_eq!(c.groups[0].percent, Some(50.0));
}

#[test]
fn no_records_give_no_percentages() {
    let def = def();
    let t = tally(&def, &[]);
    assert_eq!(t.respondents, 0);
    assert_eq!(choice(&t, "pick").options[0].percent, None);
    assert_eq!(choice(&t, "pick").no_clear_opinion, Some(Share { count: 0, percent: None }));
    let json = serde_json::to_string(&t).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
}

#[test]
fn breakdown_by_profile_question() {
    let def = def();
    let rs = records(&def);
    let b = breakdown(&def, &rs, "age_band", &"sc".into()).unwrap();
    assert_eq!(
        b,
        breakdown(&def, &rs, "age", &"sc".into()).map(|b| Breakdown { by: "age_band".into(), ..b }).unwrap()
    );
    let values: Vec<_> = b.groups.iter().map(|g| (g.value.as_deref(), g.respondents, g.tally.n())).collect();
    assert_eq!(values, [(Some("young"), 2, 2), (Some("old"), 1, 1), (None, 2, 0)]);
    let Tally::Choice(young) = &b.groups[0].tally else { panic!() };
    assert_eq!(counts(&young.options), [1, 0, 0]);
    assert_eq!(young.no_clear_opinion.as_ref().map(|s| s.count), Some(1));
    assert_eq!(young.points.as_ref().map(|p| (p.n, p.sd)), Some((1, None)));
    let Tally::Choice(missing) = &b.groups[2].tally else { panic!() };
    assert_eq!(missing.options[0].percent, None);
}

#[test]
fn breakdown_by_regional_group_event_and_table() {
    let def = def();
    let mut rs = records(&def);
    let b = breakdown(&def, &rs, breakdown::REGIONAL_GROUP, &"pick".into()).unwrap();
    let values: Vec<_> = b.groups.iter().map(|g| (g.value.as_deref(), g.respondents, g.tally.n())).collect();
    assert_eq!(
        values,
        [
            (Some("weog"), 2, 2),
            (Some("grulac"), 1, 1),
            (Some("asia_pacific"), 0, 0),
            (Some("african"), 1, 1),
            (Some("eastern_european"), 0, 0),
            (None, 1, 0)
        ]
    );
    let Tally::Choice(weog) = &b.groups[0].tally else { panic!() };
    assert_eq!(weog.options[0].percent, Some(100.0));
    for (r, table) in rs.iter_mut().zip([2, 10, 2, 1, 10]) {
        r.table = table;
    }
    rs[0].event = "other".into();
    let b = breakdown(&def, &rs, breakdown::TABLE, &"pick".into()).unwrap();
    let values: Vec<_> = b.groups.iter().map(|g| (g.value.as_deref(), g.respondents)).collect();
    assert_eq!(values, [(Some("1"), 1), (Some("2"), 2), (Some("10"), 2)], "tables by number");
    let b = breakdown(&def, &rs, breakdown::EVENT, &"pick".into()).unwrap();
    let values: Vec<_> = b.groups.iter().map(|g| (g.value.as_deref(), g.respondents)).collect();
    assert_eq!(values, [(Some("ev"), 4), (Some("other"), 1)]);
    let b = breakdown(&def, &rs, "country", &"pick".into()).unwrap();
    let values: Vec<_> = b.groups.iter().map(|g| g.value.as_deref()).collect();
    assert_eq!(values, [Some("BRA"), Some("FRA"), Some("KEN"), Some("PRT"), None]);
}

#[test]
fn breakdown_refuses_what_it_cannot_split_by() {
    let def = def();
    let rs = records(&def);
    assert!(breakdown(&def, &rs, "mc", &"sc".into()).unwrap_err().contains("neither a profile"));
    assert!(
        breakdown(&def, &rs, "age_band", &"nope".into()).unwrap_err().contains("no participant question")
    );
}

#[test]
fn before_and_after_on_three_respondents() {
    let def = def();
    let rs = vec![
        rec(
            &def,
            1,
            vec![
                ("before", grid(&[("i1", Some("k3")), ("i2", Some("k1"))])),
                ("after", grid(&[("i1", Some("k1")), ("i2", Some("k1"))])),
            ],
        ),
        rec(
            &def,
            2,
            vec![
                ("before", grid(&[("i1", Some("k2")), ("i2", Some("k2"))])),
                ("after", grid(&[("i1", Some("k4")), ("i2", Some("k1"))])),
            ],
        ),
        rec(
            &def,
            3,
            vec![
                ("before", grid(&[("i1", Some("k4")), ("i2", None)])),
                ("after", grid(&[("i1", Some("k2")), ("i2", Some("k3"))])),
            ],
        ),
    ];
    let c = change(&def, &rs, &"before".into(), &"after".into()).unwrap();
    let i1 = &c.items[0];
    assert_eq!((i1.paired, i1.towards_first.count, i1.same.count, i1.towards_last.count), (3, 2, 0, 1));
    assert!(close(i1.towards_first.percent, 200.0 / 3.0));
    assert!(close(i1.mean_change, -2.0 / 3.0));
    let i2 = &c.items[1];
    assert_eq!((i2.paired, i2.towards_first.count, i2.same.count, i2.towards_last.count), (2, 1, 1, 0));
    assert_eq!((i2.same.percent, i2.mean_change), (Some(50.0), Some(-0.5)));
    assert!(change(&def, &rs, &"before".into(), &"gr".into()).unwrap_err().contains("scale points"));
    assert!(change(&def, &rs, &"before".into(), &"mc".into()).unwrap_err().contains("not a grid"));
    let none = change(&def, &[], &"before".into(), &"after".into()).unwrap();
    assert_eq!(
        (none.items[0].paired, none.items[0].mean_change, none.items[0].same.percent),
        (0, None, None)
    );
}

#[test]
fn the_default_day_tallies() {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let t = tally(&def, &[]);
    assert_eq!(t.questions.len(), def.items(RecordKind::Participant).count());
    assert!(change(&def, &[], &"knowledge_start".into(), &"knowledge_end".into()).is_ok());
    assert!(breakdown(&def, &[], "age_band", &"internet_freedom_space".into()).is_ok());
}
