//! Tables' orders as a ranking profile: every table record that answered an ordering
//! worksheet is one ballot (a group's order), so that `dialogue-kit rank` and, later, the
//! results tallies can say what share of groups put each option first and what the groups'
//! consensus is ("33% of the groups rank data as a human right best").
//!
//! A table that handed over several records counts once, with its latest record.

use std::collections::BTreeMap;

use super::answers::Answer;
use super::definition::{Definition, Kind, RecordKind};
use super::ranking::{Ballot, OptionInfo, OptionTag, Profile};
use super::record::Record;
use super::text::QuestionId;

/// The ordering worksheets that some record answers, in definition order.
pub fn answered_worksheets<'a>(def: &'a Definition, records: &[Record]) -> Vec<&'a QuestionId> {
    def.items(RecordKind::Table)
        .map(|(_, q)| q)
        .filter(|q| matches!(q.kind, Kind::Ordering { .. }))
        .filter(|q| records.iter().any(|r| r.kind == RecordKind::Table && r.answers.contains_key(&q.id)))
        .map(|q| &q.id)
        .collect()
}

/// The groups' orders for `worksheet` as a profile over its options (ids as in the definition).
pub fn profile(def: &Definition, worksheet: &QuestionId, records: &[Record]) -> Result<Profile, String> {
    let Some(Kind::Ordering { options, .. }) = def.worksheet(worksheet).map(|q| &q.kind) else {
        return Err(format!(
            "'{worksheet}' is not an ordering worksheet of {} version {}",
            def.id, def.version
        ));
    };
    // The latest record of each table (by respondent id, the table device's own).
    let mut latest: BTreeMap<&str, &Record> = BTreeMap::new();
    for r in records.iter().filter(|r| r.kind == RecordKind::Table) {
        let keep = latest.get(r.respondent.as_str()).is_none_or(|old| r.updated_at >= old.updated_at);
        if keep {
            latest.insert(&r.respondent, r);
        }
    }
    let ballots: Vec<Ballot> = latest
        .values()
        .filter_map(|r| match r.answers.get(worksheet) {
            Some(Answer::Order(order)) => {
                let idx: Vec<usize> =
                    order.iter().filter_map(|id| options.iter().position(|o| &o.id == id)).collect();
                Some(Ballot::strict(1, &idx))
            }
            _ => None,
        })
        .collect();
    if ballots.is_empty() {
        return Err(format!("no table record answers worksheet '{worksheet}'"));
    }
    let infos = options
        .iter()
        .map(|o| OptionInfo { id: OptionTag::Text(o.id.to_string()), name: o.label.get("en").to_string() })
        .collect();
    Profile::new(infos, ballots).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_definition;

    fn table(def: &Definition, who: &str, at: u64, order: Option<&[&str]>) -> Record {
        let mut r = Record::new_table(def, "ev", 1, who, "en", 1_700_000_000 + at);
        if let Some(o) = order {
            r.answers.insert(
                "unesco_actions_order".into(),
                Answer::Order(o.iter().map(|x| (*x).into()).collect()),
            );
        }
        r
    }

    #[test]
    fn one_ballot_per_table_the_latest() {
        let def = parse_definition(crate::DEFAULT_DAY).unwrap();
        let Some(Kind::Ordering { options, .. }) =
            def.worksheet(&"unesco_actions_order".into()).map(|q| &q.kind)
        else {
            panic!("the default day orders the UNESCO actions")
        };
        let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
        let mut reversed = ids.clone();
        reversed.reverse();
        let records = vec![
            table(&def, "000000000000000a", 0, Some(&ids)),
            table(&def, "000000000000000a", 60, Some(&reversed)),
            table(&def, "000000000000000b", 0, Some(&ids)),
            table(&def, "000000000000000c", 0, None),
        ];
        assert_eq!(answered_worksheets(&def, &records), vec![&QuestionId::from("unesco_actions_order")]);
        let p = profile(&def, &"unesco_actions_order".into(), &records).unwrap();
        assert_eq!(p.total_weight(), 2);
        assert_eq!(p.ballots()[0].tiers[0], vec![ids.len() - 1], "table a counts with its latest order");
        assert!(
            profile(&def, &"ai_hopes".into(), &records).unwrap_err().contains("not an ordering worksheet")
        );
        assert!(
            profile(&def, &"data_models_order".into(), &records).unwrap_err().contains("no table record")
        );
    }
}
