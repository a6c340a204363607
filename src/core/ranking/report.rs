//! Every method on one profile, as the JSON report `dialogue-kit rank` prints.
//!
//! [`rank`] takes a [`Profile`] from any source and returns a [`Report`], a plain `Serialize`
//! struct whose fields come out in a fixed order; option indices are turned into the options'
//! outside ids ([`OptionTag`]) here and nowhere else. A method that cannot give an exact result
//! for this profile (too many options, too many tie orders) is reported as
//! `{"error": "..."}` in place of its result. The schema is in `docs/ranking.md`.

use serde::{Serialize, Serializer, ser::SerializeMap};
use serde_json::Value;

use super::irv::{Irv, irv};
use super::kemeny::{Kemeny, kemeny};
use super::pairwise::{Pairwise, copeland};
use super::profile::{OptionInfo, OptionTag, Profile};
use super::ranked_pairs::ranked_pairs;
use super::scoring::{Scored, borda, mean_rank, plurality};
use super::{Ordered, RankError, agreement, schulze};

/// The result of one method, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome<T> {
    Done(T),
    Failed { error: String },
}

impl<T> From<Result<T, RankError>> for Outcome<T> {
    fn from(r: Result<T, RankError>) -> Self {
        match r {
            Ok(t) => Outcome::Done(t),
            Err(e) => Outcome::Failed { error: e.to_string() },
        }
    }
}

/// Option id -> number, in the profile's option order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores(pub Vec<(OptionTag, Value)>);

impl Serialize for Scores {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, v) in &self.0 {
            map.serialize_entry(&id.to_string(), v)?;
        }
        map.end()
    }
}

/// A JSON number, written as an integer when it is one.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 { Value::from(x as i64) } else { Value::from(x) }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoredOut {
    pub winners: Vec<OptionTag>,
    pub scores: Scores,
    pub order: Vec<OptionTag>,
    pub order_tie_break: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrderedOut {
    pub winners: Vec<OptionTag>,
    pub order: Vec<OptionTag>,
    pub order_tie_break: Option<&'static str>,
    pub tiers: Vec<Vec<OptionTag>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KemenyOut {
    pub winners: Vec<OptionTag>,
    pub order: Vec<OptionTag>,
    pub order_tie_break: Option<&'static str>,
    pub agreement: u64,
    pub orders: Vec<Vec<OptionTag>>,
    pub orders_count: u64,
    pub mean_distance: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundOut {
    pub tallies: Scores,
    pub exhausted: Value,
    pub eliminated: Vec<OptionTag>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IrvOut {
    pub winners: Vec<OptionTag>,
    pub rounds: Vec<RoundOut>,
}

/// The whole report; see `docs/ranking.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub options: Vec<OptionInfo>,
    pub ballots: u64,
    pub plurality: Outcome<ScoredOut>,
    pub borda: ScoredOut,
    pub copeland: ScoredOut,
    pub schulze: OrderedOut,
    pub ranked_pairs: Outcome<OrderedOut>,
    pub kemeny: Outcome<KemenyOut>,
    pub irv: Outcome<IrvOut>,
    pub mean_rank: ScoredOut,
    pub condorcet_winner: Option<OptionTag>,
    pub condorcet_loser: Option<OptionTag>,
    pub kendall_w: Option<f64>,
    pub pairwise: Vec<Vec<u64>>,
}

impl Report {
    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// Runs every method on `profile`.
pub fn rank(profile: &Profile) -> Report {
    let m = Pairwise::from_profile(profile);
    let tags = Tags(profile);
    let total = profile.total_weight();
    Report {
        options: profile.options().to_vec(),
        ballots: total,
        plurality: plurality(profile).map(|s| tags.scored(&s)).into(),
        borda: tags.scored(&borda(profile)),
        copeland: tags.scored(&copeland(&m)),
        schulze: tags.ordered(&schulze::schulze(&m)),
        ranked_pairs: ranked_pairs(&m).map(|r| tags.ordered(&r)).into(),
        kemeny: kemeny(&m).map(|k| tags.kemeny(&k, &m, total)).into(),
        irv: irv(profile).map(|r| tags.irv(&r)).into(),
        mean_rank: tags.scored(&mean_rank(profile)),
        condorcet_winner: m.condorcet_winner().map(|o| tags.one(o)),
        condorcet_loser: m.condorcet_loser().map(|o| tags.one(o)),
        kendall_w: agreement::kendall_w(profile),
        pairwise: m.rows(),
    }
}

/// Turns option indices into outside ids.
struct Tags<'a>(&'a Profile);

impl Tags<'_> {
    fn one(&self, o: usize) -> OptionTag {
        self.0.tag(o).clone()
    }

    fn list(&self, os: &[usize]) -> Vec<OptionTag> {
        os.iter().map(|&o| self.one(o)).collect()
    }

    fn scored(&self, s: &Scored) -> ScoredOut {
        ScoredOut {
            winners: self.list(&s.winners),
            scores: Scores(s.scores.iter().enumerate().map(|(o, &v)| (self.one(o), number(v))).collect()),
            order: self.list(&s.order),
            order_tie_break: s.order_tie_break,
        }
    }

    fn ordered(&self, r: &Ordered) -> OrderedOut {
        OrderedOut {
            winners: self.list(&r.winners),
            order: self.list(&r.order),
            order_tie_break: r.order_tie_break,
            tiers: r.tiers.iter().map(|t| self.list(t)).collect(),
        }
    }

    fn kemeny(&self, k: &Kemeny, m: &Pairwise, total: u64) -> KemenyOut {
        KemenyOut {
            winners: self.list(&k.winners),
            order: self.list(&k.order),
            order_tie_break: k.order_tie_break,
            agreement: k.agreement,
            orders: k.orders.iter().map(|o| self.list(o)).collect(),
            orders_count: k.orders_count,
            mean_distance: agreement::mean_distance(m, &k.order, total),
        }
    }

    fn irv(&self, r: &Irv) -> IrvOut {
        let rounds = r
            .rounds
            .iter()
            .map(|round| RoundOut {
                tallies: Scores(round.tallies.iter().map(|&(o, v)| (self.one(o), number(v))).collect()),
                exhausted: number(round.exhausted),
                eliminated: self.list(&round.eliminated),
            })
            .collect();
        IrvOut { winners: self.list(&r.winners), rounds }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ranking::profile::Ballot;

    fn cycle() -> Profile {
        Profile::numbered(
            3,
            vec![Ballot::strict(1, &[0, 1, 2]), Ballot::strict(1, &[1, 2, 0]), Ballot::strict(1, &[2, 0, 1])],
        )
        .unwrap()
    }

    #[test]
    fn keys_come_in_the_documented_order() {
        let json = rank(&cycle()).to_json().unwrap();
        let keys = [
            "\"options\"",
            "\"ballots\"",
            "\"plurality\"",
            "\"borda\"",
            "\"copeland\"",
            "\"schulze\"",
            "\"ranked_pairs\"",
            "\"kemeny\"",
            "\"irv\"",
            "\"mean_rank\"",
            "\"condorcet_winner\"",
            "\"condorcet_loser\"",
            "\"kendall_w\"",
            "\"pairwise\"",
        ];
        let at: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap_or(usize::MAX)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}\n{json}");
    }

    #[test]
    fn ids_are_the_outside_ids() {
        let v: Value = serde_json::from_str(&rank(&cycle()).to_json().unwrap()).unwrap();
        assert_eq!(v["options"][0], serde_json::json!({"id": 1, "name": "1"}));
        assert_eq!(v["ballots"], 3);
        assert_eq!(v["borda"]["scores"], serde_json::json!({"1": 3, "2": 3, "3": 3}));
        assert_eq!(v["kemeny"]["winners"], serde_json::json!([1, 2, 3]));
        assert_eq!(v["kemeny"]["orders"], serde_json::json!([[1, 2, 3], [2, 3, 1], [3, 1, 2]]));
        assert_eq!(v["kemeny"]["order_tie_break"], "option id");
        assert_eq!(v["condorcet_winner"], Value::Null);
        assert_eq!(v["pairwise"], serde_json::json!([[0, 2, 1], [1, 0, 2], [2, 1, 0]]));
        assert_eq!(v["irv"]["rounds"][0]["tallies"], serde_json::json!({"1": 1, "2": 1, "3": 1}));
    }

    #[test]
    fn a_method_beyond_its_limit_is_an_error_entry() {
        let p = Profile::numbered(21, vec![Ballot::strict(1, &[20, 3])]).unwrap();
        let v: Value = serde_json::from_str(&rank(&p).to_json().unwrap()).unwrap();
        let error = v["kemeny"]["error"].as_str().unwrap_or_default();
        assert!(error.contains("at most 20 options"), "{error}");
        assert_eq!(v["schulze"]["winners"], serde_json::json!([21]));
        assert_eq!(v["condorcet_winner"], 21);
    }
}
