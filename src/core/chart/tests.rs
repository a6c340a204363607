//! Charts: well-formed, escaped, N everywhere, bars that add up, readable colours, the same
//! bytes every time, tables that say what the tallies say.

use super::fmt::{count, escape, fixed, round_percents, wrap};
use super::palette::{
    self, BACKGROUND, BAR, INK, MUTED, NO_CLEAR_OPINION, OUTLINE, TRACK, contrast, text_on,
};
use super::preview::{records, sample_charts};
use super::xml_check::{attr, bars, num, segments, tags, texts_on_rects, well_formed};
use super::*;
use crate::core::definition::{Definition, Kind};
use crate::core::parse::parse_definition;
use crate::core::record::Record;
use crate::core::tally::{Tally, breakdown, tally};
use crate::core::testkit::Rng;

const HOSTILE: &str = r#"<script>alert("x")</script> & 'q'"#;

/// A small day whose every label is hostile markup.
const DAY: &str = r#"{
  "format": "dialogue-kit/questionnaire", "format_version": 1, "id": "h", "version": "1",
  "title": {"en": "H"}, "languages": ["en", "fr"],
  "scales": {"agree": {"points": [{"id": "a1", "label": {"en": "Agree <b>", "fr": "D'accord"}},
      {"id": "a2", "label": {"en": "Neutral"}}, {"id": "a3", "label": {"en": "Disagree"}}],
      "no_clear_opinion": {"en": "No clear opinion"}}},
  "sessions": [{"id": "s1", "title": {"en": "One"}, "questions": [
    {"id": "pick", "kind": "single_choice", "text": {"en": "<script>alert(\"x\")</script> & 'q'"},
     "no_clear_opinion": {"en": "NCO & co"},
     "options": [{"id": "x", "label": {"en": "<script>alert(\"x\")</script> & 'q'"}},
                 {"id": "y", "label": {"en": "Y \"quoted\""}}, {"id": "z", "label": {"en": "=1+1"}}]},
    {"id": "sc", "kind": "scale", "scale": "agree", "text": {"en": "Scale?", "fr": "Échelle ?"}},
    {"id": "gr", "kind": "grid", "scale": "agree", "text": {"en": "Grid?"},
     "items": [{"id": "i1", "label": {"en": "<i>1</i>"}}, {"id": "i2", "label": {"en": "I & 2"}}]},
    {"id": "mc", "kind": "multiple_choice", "text": {"en": "Many?"},
     "options": [{"id": "a", "label": {"en": "A < B"}}, {"id": "b", "label": {"en": "B > A"}}, {"id": "c", "label": {"en": "C"}}]},
    {"id": "ord", "kind": "ordering", "text": {"en": "Order?"},
     "options": [{"id": "p", "label": {"en": "P&Q"}}, {"id": "q", "label": {"en": "Q"}}, {"id": "r", "label": {"en": "R"}}]},
    {"id": "num", "kind": "numeric", "max": 10, "min_label": {"en": "<none>"}, "max_label": {"en": "all & more"},
     "text": {"en": "How much?"}},
    {"id": "yn", "kind": "yes_no", "text": {"en": "Yes?"}, "no_clear_opinion": {"en": "Unsure"}},
    {"id": "where", "kind": "country", "profile": "country", "text": {"en": "Where?"}},
    {"id": "tx", "kind": "text", "max_length": 50, "text": {"en": "Say?"}}
  ]}]
}"#;

fn hostile_def() -> Definition {
    parse_definition(DAY).unwrap()
}

fn default_day() -> (Definition, Vec<Record>) {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let recs = records(&def, 2020, 300);
    (def, recs)
}

/// Every question chart of `def` over `recs`, with the tally it came from.
fn question_charts(def: &Definition, recs: &[Record]) -> Vec<(Chart, Tally)> {
    let t = tally(def, recs);
    def.questions()
        .filter_map(|(_, q)| {
            let tally = t.get(q.id.as_str())?.clone();
            question_chart(def, q, &tally, "en").map(|c| (c, tally))
        })
        .collect()
}

fn all_charts() -> Vec<Chart> {
    let (def, recs) = default_day();
    let hostile = hostile_def();
    let mut charts = sample_charts(&def, &recs);
    charts.extend(sample_charts(&def, &[]));
    charts.extend(question_charts(&hostile, &records(&hostile, 7, 40)).into_iter().map(|(c, _)| c));
    charts
}

#[test]
fn every_svg_and_table_is_well_formed() {
    for c in all_charts() {
        for doc in [c.svg(), c.svg_wide(), c.table_html()] {
            if let Err(e) = well_formed(&doc) {
                panic!("{}: {e}\n{doc}", c.id);
            }
        }
    }
    assert!(well_formed("<a><b></a></b>").is_err());
    assert!(well_formed("<a x=1/>").is_err());
    assert!(well_formed("<a>&nbsp;</a>").is_err());
    assert!(well_formed("<a>1 < 2</a>").is_err());
}

#[test]
fn svg_is_self_contained_and_scalable() {
    for c in all_charts() {
        let svg = c.svg();
        let root = tags(&svg)[0].0;
        assert!(root.starts_with("svg "), "{}", c.id);
        assert_eq!(attr(root, "xmlns"), Some("http://www.w3.org/2000/svg"));
        assert_eq!(attr(root, "role"), Some("img"));
        assert!(attr(root, "viewBox").is_some_and(|v| v.starts_with("0 0 600 ")));
        assert_eq!(attr(root, "width"), Some("100%"), "no pixel width");
        assert!(attr(root, "height").is_none());
        let labelled = attr(root, "aria-labelledby").unwrap();
        let ids: Vec<&str> = labelled.split(' ').collect();
        assert!(svg.contains(&format!("<title id=\"{}\">", ids[0])), "{}", c.id);
        assert!(svg.contains(&format!("<desc id=\"{}\">", ids[1])), "{}", c.id);
        assert!(
            !svg.contains("href") && !svg.contains("url(") && !svg.contains("@import"),
            "no external resources"
        );
        // The smallest text: >= 11 px when 600 units are drawn 360 px wide.
        for (t, _) in tags(&svg).into_iter().filter(|(t, _)| t.starts_with("text ")) {
            assert!(num(t, "font-size") * 360.0 / 600.0 >= 11.0, "{t}");
        }
    }
}

#[test]
fn every_chart_says_its_n() {
    let (def, recs) = default_day();
    for (c, t) in question_charts(&def, &recs) {
        let n = format!("N = {}", count(t.n()));
        assert!(c.subtitle.contains(&n), "{}: {}", c.id, c.subtitle);
        assert!(c.svg().contains(&n) && c.table_html().contains(&n), "{}", c.id);
        if let Tally::Grid(g) = &t {
            for item in &g.items {
                assert!(c.svg().contains(&format!("N = {}", count(item.tally.n))), "{} item N", c.id);
            }
        }
    }
    for c in all_charts() {
        assert!(c.subtitle.contains("N = ") && c.svg().contains("N = "), "{}", c.id);
    }
    let b = breakdown(&def, &recs, "regional_group", &"internet_opportunity_threat".into()).unwrap();
    let svg = breakdown_chart(&def, &b, "en").unwrap().svg();
    for g in b.groups.iter().filter(|g| g.tally.n() > 0) {
        assert!(svg.contains(&format!("(N = {})", count(g.tally.n()))), "group N");
    }
}

#[test]
fn hostile_labels_are_escaped() {
    let def = hostile_def();
    let charts = question_charts(&def, &records(&def, 3, 30));
    assert_eq!(charts.len(), 8, "every kind but text");
    let escaped = escape(HOSTILE);
    assert_eq!(escaped, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    for (c, _) in &charts {
        for doc in [c.svg(), c.table_html()] {
            assert!(
                !doc.contains("<script")
                    && !doc.contains("<b>")
                    && !doc.contains("<i>")
                    && !doc.contains("<none>")
            );
            assert!(!doc.contains(" & ") && !doc.contains("\"quoted"), "{}", c.id);
        }
    }
    let pick = &charts[0].0;
    assert!(pick.svg().contains(&format!("<title id=\"chart-pick-title\">{escaped}</title>")));
    assert!(pick.table_html().contains(&format!("<caption>{escaped} (N = ")));
    // Controls XML does not allow are dropped; the id of a chart never breaks an attribute.
    assert_eq!(escape("a\u{1}b\u{FFFF}\tc"), "ab c");
    let mut odd = ranked_chart("x\" onload=\"y", HOSTILE, "N = 1", 1.0, &[(HOSTILE.into(), 1.0, "1".into())]);
    assert!(well_formed(&odd.svg()).is_ok() && !odd.svg().contains("onload=\""));
    odd.title = String::new();
    assert!(well_formed(&odd.svg()).is_ok());
}

#[test]
fn stacked_bars_fill_the_width_in_scale_order() {
    let (def, recs) = default_day();
    let mut checked = 0;
    for c in sample_charts(&def, &recs) {
        let ChartBody::Stacked(s) = &c.body else { continue };
        let colours: Vec<&str> = s.categories.iter().map(|k| k.color.as_str()).collect();
        let nco: Vec<usize> = (0..colours.len()).filter(|&i| colours[i] == NO_CLEAR_OPINION).collect();
        assert!(nco.is_empty() || nco == [colours.len() - 1], "{}: no clear opinion last", c.id);
        for svg in [c.svg(), c.svg_wide()] {
            let width = if svg.contains("viewBox=\"0 0 600 ") { 568.0 } else { 928.0 };
            for bar in bars(&svg).into_iter().filter(|b| b.contains("class=\"seg\"")) {
                let segs = segments(bar);
                let total: f64 = segs.iter().map(|s| s.1).sum();
                assert!((total - width).abs() < 0.05, "{}: {total}", c.id);
                for w in segs.windows(2) {
                    assert!((w[0].0 + w[0].1 - w[1].0).abs() < 0.05, "{}: contiguous", c.id);
                }
                // Colours in category order (empty categories are not drawn).
                let idx: Vec<usize> =
                    segs.iter().map(|s| colours.iter().position(|k| *k == s.2).unwrap()).collect();
                assert!(idx.windows(2).all(|w| w[0] < w[1]) || colours.len() > 8, "{}: {idx:?}", c.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn small_segments_are_not_labelled_and_labels_add_up() {
    for counts in [vec![1u64, 2, 97], vec![1, 1, 1], vec![333, 333, 334], vec![0, 0, 5], vec![7, 0, 3, 1]] {
        let n = counts.iter().sum();
        let p = round_percents(&counts, n);
        assert_eq!(p.iter().sum::<u64>(), 100, "{counts:?} {p:?}");
        for (c, p) in counts.iter().zip(&p) {
            assert!((*p as f64 - 100.0 * *c as f64 / n as f64).abs() < 1.0);
        }
    }
    assert_eq!(round_percents(&[0, 0], 0), vec![0, 0]);
    let s = Stacked {
        categories: palette::diverging(3)
            .into_iter()
            .map(|color| Category { label: "c".into(), color })
            .collect(),
        rows: vec![StackRow {
            label: String::new(),
            bars: vec![StackBar { label: None, n: 100, counts: vec![4, 48, 48] }],
        }],
        each_n: false,
    };
    let data = table::stacked_table("t", &s, "Item", None);
    let c = Chart {
        id: "s".into(),
        title: "T".into(),
        subtitle: "N = 100".into(),
        body: ChartBody::Stacked(s),
        data,
    };
    let labels: Vec<String> = tags(&c.svg())
        .iter()
        .filter(|(t, _)| attr(t, "class") == Some("seg-label"))
        .map(|(_, x)| x.to_string())
        .collect();
    assert_eq!(labels, ["48%", "48%"], "4% only in the table and the description");
    assert!(c.svg().contains("c 4%") && c.table_html().contains("<td class=\"num\">4.0</td>"));
}

#[test]
fn text_colours_have_enough_contrast() {
    for k in 1..=14 {
        for colour in palette::diverging(k).iter().chain(&palette::categorical(k)) {
            assert!(contrast(text_on(colour), colour) >= 4.5, "{colour}");
        }
    }
    for colour in [NO_CLEAR_OPINION, BAR, TRACK] {
        assert!(contrast(text_on(colour), colour) >= 4.5, "{colour}");
    }
    assert!(
        contrast(INK, BACKGROUND) >= 4.5 && contrast(MUTED, BACKGROUND) >= 4.5 && contrast(INK, TRACK) >= 4.5
    );
    assert!(contrast(OUTLINE, BACKGROUND) >= 3.0, "outlines of graphics");
    assert!(
        (contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9
            && (contrast("#777777", "#777777") - 1.0).abs() < 1e-9
    );
    let mut seen = 0;
    for c in all_charts() {
        let svg = c.svg();
        for (fg, bg, tx, rx, rw) in texts_on_rects(&svg) {
            assert!(contrast(&fg, &bg) >= 4.5, "{}: {fg} on {bg}", c.id);
            assert!(tx >= rx - 0.05 && tx <= rx + rw + 0.05, "{}: the text sits on that rect", c.id);
            seen += 1;
        }
        for (t, _) in tags(&svg).into_iter().filter(|(t, _)| t.starts_with("text ")) {
            if !matches!(attr(t, "class"), Some("seg-label" | "value")) {
                assert!(contrast(attr(t, "fill").unwrap(), BACKGROUND) >= 4.5, "{t}");
            }
        }
    }
    assert!(seen > 500, "{seen}");
}

#[test]
fn output_is_deterministic_whatever_the_record_order() {
    let (def, recs) = default_day();
    let mut shuffled = recs.clone();
    Rng(99).shuffle(&mut shuffled);
    let render = |recs: &[Record]| {
        sample_charts(&def, recs)
            .iter()
            .map(|c| c.svg() + &c.svg_wide() + &c.table_html() + &c.data.to_csv())
            .collect::<Vec<_>>()
    };
    let first = render(&recs);
    assert_eq!(first, render(&recs));
    assert_eq!(first, render(&shuffled));
}

#[test]
fn tables_match_the_tallies() {
    let def = hostile_def();
    let recs = records(&def, 11, 60);
    for (c, t) in question_charts(&def, &recs) {
        let rows = &c.data.rows;
        let n = |r: &Vec<TableCell>, i: usize| match r[i] {
            TableCell::Number { value, .. } => value,
            _ => f64::NAN,
        };
        match &t {
            Tally::Choice(t) => {
                assert_eq!(rows.len(), t.options.len() + usize::from(t.no_clear_opinion.is_some()));
                for (r, o) in rows.iter().zip(&t.options) {
                    assert_eq!((n(r, 1), n(r, 2)), (o.count as f64, o.percent.unwrap()));
                }
                if let Some(s) = &t.no_clear_opinion {
                    assert_eq!(n(rows.last().unwrap(), 1), s.count as f64);
                }
            }
            Tally::Grid(g) => {
                for (r, item) in rows.iter().zip(&g.items) {
                    assert_eq!(n(r, 1), item.tally.n as f64);
                    assert_eq!(n(r, 2), item.tally.options[0].percent.unwrap());
                }
            }
            Tally::Multiple(m) => {
                let sum: f64 = rows.iter().map(|r| n(r, 1)).sum();
                assert_eq!(sum, m.options.iter().map(|o| o.count).sum::<u64>() as f64);
                assert!(rows.windows(2).all(|w| n(&w[0], 1) >= n(&w[1], 1)), "sorted");
            }
            Tally::Ordering(o) => {
                for opt in &o.options {
                    let label = super::from_tally::label_of(
                        &super::from_tally::option_labels(def.question(&"ord".into()).unwrap(), "en"),
                        opt.id.as_str(),
                    );
                    let row = rows.iter().find(|r| r[0] == TableCell::text(label.as_str())).unwrap();
                    assert_eq!((n(row, 1), n(row, 3)), (opt.first as f64, opt.mean_rank.unwrap()));
                }
            }
            Tally::Numeric(t) => {
                assert_eq!(rows.len(), 11);
                assert!(rows.iter().zip(&t.values).all(|(r, v)| n(r, 1) == v.count as f64));
                assert!(c.subtitle.contains(&format!("mean\u{a0}{}", fixed(t.summary.mean.unwrap(), 1))));
            }
            Tally::Country(t) => {
                assert_eq!(n(&rows[0], 2), t.groups.iter().map(|g| g.count).max().unwrap() as f64);
                assert_eq!(rows.len(), 5 + t.countries.len().min(10));
            }
            Tally::Text(_) => unreachable!("no chart"),
        }
    }
}

#[test]
fn labels_follow_the_language() {
    let def = hostile_def();
    let q = def.question(&"sc".into()).unwrap();
    let t = tally(&def, &records(&def, 5, 20));
    let fr = question_chart(&def, q, t.get("sc").unwrap(), "fr").unwrap();
    assert_eq!(fr.title, "Échelle ?");
    assert!(fr.svg().contains("D&#39;accord") && fr.svg().contains("Neutral"), "English stands in");
    let ChartBody::Stacked(s) = &fr.body else { panic!() };
    assert_eq!(s.categories.last().map(|c| c.color.as_str()), Some(NO_CLEAR_OPINION));
    assert!(matches!(q.kind, Kind::Scale { .. }));
}

#[test]
fn ranked_chart_sorts_and_tables() {
    let rows: Vec<(String, f64, String)> = [("low", 1.5, "1.5"), ("high", 6.25, "6.3"), ("mid", 3.0, "3.0")]
        .iter()
        .map(|(l, v, d)| (l.to_string(), *v, d.to_string()))
        .collect();
    let c = ranked_chart("imp", "Importance", "N = 12 tables", 8.0, &rows);
    let ChartBody::Ranked(r) = &c.body else { panic!() };
    assert_eq!(r.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["high", "mid", "low"]);
    assert_eq!(c.data.rows[0], vec![TableCell::text("high"), TableCell::Number { value: 6.25, decimals: 2 }]);
    let widths: Vec<f64> = tags(&c.svg())
        .iter()
        .filter(|(t, _)| attr(t, "class") == Some("rank"))
        .map(|(t, _)| num(t, "width"))
        .collect();
    assert_eq!(widths, [443.8, 213.0, 106.5], "568 * value / 8");
    assert!(c.table_html().contains("<th scope=\"row\">high</th><td class=\"num\">6.25</td>"));
}

#[test]
fn formats_and_csv() {
    assert_eq!((count(0), count(4503), count(1_234_567)), ("0".into(), "4,503".into(), "1,234,567".into()));
    assert_eq!(
        (fixed(-0.04, 1), fixed(47.75, 1), fixed(f64::NAN, 0)),
        ("0.0".into(), "47.8".into(), "0".into())
    );
    assert_eq!(TableCell::number(Some(4503.25), 1).display(), "4,503.2");
    assert_eq!(wrap("N = 4,503 valid answers", 20.0, 120.0, false)[0], "N = 4,503");
    assert_eq!(wrap("", 20.0, 90.0, false), [""]);
    assert!(wrap("Supercalifragilisticexpialidocious", 20.0, 100.0, true).len() > 1);
    let t = DataTable {
        caption: "c".into(),
        columns: vec!["a".into(), "b, c".into()],
        rows: vec![
            vec![TableCell::text("=HYPERLINK(\"x\")"), TableCell::count(4503)],
            vec![TableCell::Empty, TableCell::text("-1")],
        ],
    };
    assert_eq!(t.to_csv(), "a,\"b, c\"\n\"'=HYPERLINK(\"\"x\"\")\",4503\n,'-1\n");
}
