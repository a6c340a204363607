//! The default day, from a sample: a breakdown by every variable works, and `results.json`
//! holds to its schema.

use super::*;

fn sample_day(def: &Definition, participants: usize) -> Vec<Record> {
    sample::day(def, &Spec { participants, events: 3, table_size: 6, seed: 7, text: true })
}

#[test]
fn breakdown_by_every_variable() {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let records = sample_day(&def, 150);
    let filter = Filter { event: Some(sample::event_id(1)), regional_group: None };
    let kept = results(&def, &records, &filter).participants;
    assert_eq!(kept, 50);
    let question: QuestionId = "internet_opportunity_threat".into();
    for by in [
        "country",
        "age_band",
        "gender",
        "occupation",
        "education",
        "area",
        "event",
        "table",
        "regional_group",
        "age_band",
    ] {
        let b = breakdown_any(&def, &records, &filter, by, &question).unwrap_or_else(|e| panic!("{by}: {e}"));
        assert_eq!(b.by, by);
        assert_eq!(b.groups.iter().map(|g| g.respondents).sum::<u64>(), kept, "{by}");
        assert!(b.groups.len() >= 2 || by == "event", "{by}: {:?}", b.groups.len());
        let every = breakdown_all(&def, &records, &filter, by).unwrap();
        assert_eq!(every.len(), def.questions().count());
        assert_eq!(every.iter().find(|x| x.question == question), Some(&b), "{by}");
    }
    // The regional-group breakdown of the results is the same as asking for it.
    let r = results(&def, &records, &filter);
    let asked = breakdown_all(&def, &records, &filter, "regional_group").unwrap();
    assert_eq!(r.regional_groups, asked);
    assert!(breakdown_any(&def, &records, &filter, "internet_describe", &question).is_err());
    assert!(breakdown_any(&def, &records, &filter, "age_band", &"nope".into()).is_err());
}

#[test]
fn results_json_matches_its_schema() {
    let schema: Value = serde_json::from_str(include_str!("../../../../docs/results.schema.json")).unwrap();
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let records = sample_day(&def, 200);
    let filters = [
        all(),
        Filter { event: Some(sample::event_id(0)), regional_group: None },
        Filter { event: None, regional_group: Some(RegionalGroup::Weog) },
        Filter { event: Some("nobody".into()), regional_group: None },
    ];
    let mut top_keys = Vec::new();
    for f in &filters {
        let json: Value = serde_json::from_str(&results(&def, &records, f).to_json()).unwrap();
        let errors = super::schema_check::errors(&schema, &json);
        assert!(errors.is_empty(), "{:#?}", &errors[..errors.len().min(10)]);
        top_keys = json.as_object().unwrap().keys().cloned().collect();
    }
    let small = day();
    let json = serde_json::to_value(results(&small, &mixed(&small), &all())).unwrap();
    assert_eq!(super::schema_check::errors(&schema, &json), Vec::<String>::new());
    // Every key is in the schema's properties, and the checker does catch a stray one.
    let properties = schema["properties"].as_object().unwrap();
    assert!(top_keys.iter().all(|k| properties.contains_key(k)), "{top_keys:?}");
    let mut stray = json.clone();
    stray["questions"][0]["tally"]["choice"]["extra"] = Value::from(1);
    stray["participants"] = Value::from(-1);
    assert_eq!(super::schema_check::errors(&schema, &stray).len(), 2);
}

/// A dataset's packed records give exactly the results, breakdowns and worksheets that the
/// whole records give (the page and `tally` count the packed ones), with and without filters.
#[test]
fn packed_records_count_as_whole_records_do() {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let records = sample_day(&def, 240);
    let mut data = crate::core::dataset::Dataset::new(&def);
    let report = data.import_records(&def, "sample", records.iter().cloned());
    assert_eq!(report.accepted, records.len(), "{report}");
    let whole = data.records(&def);
    let packed: Vec<&crate::core::packed::Packed> = data.entries().map(|e| &e.packed).collect();
    let filters = [
        Filter::default(),
        Filter { event: Some(sample::event_id(2)), regional_group: None },
        Filter { event: None, regional_group: Some(RegionalGroup::Grulac) },
        Filter { event: Some(sample::event_id(0)), regional_group: Some(RegionalGroup::Weog) },
    ];
    for (i, filter) in filters.iter().enumerate() {
        let from_packed = results_from(&def, packed.iter().copied(), filter);
        assert_eq!(from_packed, results(&def, &whole, filter), "{filter:?}");
        assert_eq!(from_packed, results(&def, &records, filter), "{filter:?}");
        // (The last filter may keep nobody: then both count nobody.)
        assert!(from_packed.participants > 0 || i == filters.len() - 1, "{filter:?}");
        for by in ["country", "gender", "table", "regional_group"] {
            assert_eq!(
                breakdown_all(&def, packed.iter().copied(), filter, by),
                breakdown_all(&def, &whole, filter, by),
                "{by} {filter:?}"
            );
        }
    }
}
