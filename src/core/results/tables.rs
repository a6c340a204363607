//! The tables' results, worksheet by worksheet. Each table record that answers a worksheet
//! (with an answer that fits it) is one **group**.
//!
//! - An ordering worksheet goes through the ranking engine: for each option, how many groups
//!   placed it first (and their percentage of the groups that ordered) and its mean rank
//!   (1 = first; a top-k order leaves the other options sharing the positions left, as in
//!   `docs/ranking.md`), and the consensus of the groups' orders: the Kemeny-Young orders (every
//!   optimal order, the first by option id shown as `order`), their agreement (the ballot
//!   preferences they keep), the groups' mean Kendall tau distance to `order`, and Kendall's W.
//! - A list worksheet: the groups that wrote at least one entry, and the entries in all.
//! - Any other worksheet (the 0-8 importance grids, the governance level grid): the same tally
//!   as a participant question, where a grid item on a scale of numbers also gets the mean,
//!   median and standard deviation of those numbers.

use serde::Serialize;

use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::ranking::agreement::{kendall_w, mean_distance};
use crate::core::ranking::kemeny::kemeny;
use crate::core::ranking::report::Outcome;
use crate::core::ranking::{Ballot, OptionInfo, OptionTag, Pairwise, Profile};
use crate::core::tally::orders::Orders;
use crate::core::tally::{Pass, RankedOption, Tally};
use crate::core::text::{OptionId, QuestionId};
use crate::core::vals::{Layout, Respondent};

/// One worksheet's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorksheetResult {
    pub worksheet: QuestionId,
    /// The worksheet's kind as in definition files.
    pub kind: &'static str,
    /// Table records whose answer to it was counted.
    pub groups: u64,
    pub result: WorksheetTally,
}

/// A worksheet's result, by kind: `{"ordering": ...}`, `{"list": ...}`, or a tally as for
/// participant questions (`{"grid": ...}`, `{"choice": ...}`...).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorksheetTally {
    Ordering(GroupRanking),
    List(ListTally),
    #[serde(untagged)]
    Other(Tally),
}

/// The groups' orders of one ordering worksheet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRanking {
    /// Groups that ordered.
    pub n: u64,
    /// Every option in definition order: first places, their percentage of `n`, mean rank.
    pub options: Vec<RankedOption>,
    /// The consensus; `None` when no group ordered, `{"error": ...}` when the options are too
    /// many for exact Kemeny-Young.
    pub consensus: Option<Outcome<GroupConsensus>>,
}

/// The Kemeny-Young consensus of the groups' orders, options named by id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupConsensus {
    /// The first optimal order, comparing options by their place in the definition.
    pub order: Vec<OptionId>,
    /// `"option id"` when several orders are optimal and `order` is the first of them.
    pub order_tie_break: Option<&'static str>,
    /// Every optimal order (at most 100), in lexicographic order of the options' places in
    /// the definition.
    pub orders: Vec<Vec<OptionId>>,
    pub orders_count: u64,
    /// Every option first in some optimal order.
    pub winners: Vec<OptionId>,
    /// The groups' pairwise preferences an optimal order keeps.
    pub agreement: u64,
    /// The groups' mean Kendall tau distance to `order`.
    pub mean_distance: f64,
    /// Kendall's W over the groups (0: no agreement, 1: all equal).
    pub kendall_w: Option<f64>,
}

/// A list worksheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListTally {
    /// Groups that wrote at least one entry.
    pub n: u64,
    /// Entries written, over every group.
    pub entries: u64,
}

/// The results of every worksheet of `def` over the table records `tables`.
pub fn worksheets<R: Respondent>(def: &Definition, tables: &[&R]) -> Vec<WorksheetResult> {
    let mut pass = Pass::new(Layout::of(def, RecordKind::Table), 1);
    pass.keep_orders();
    let mut buf = pass.layout().buffer();
    for r in tables {
        pass.add(r, 0, &mut buf);
    }
    let sheets: Vec<&Question> = def.items(RecordKind::Table).map(|(_, q)| q).collect();
    sheets.iter().enumerate().map(|(i, q)| worksheet(q, &pass, i)).collect()
}

fn worksheet(q: &Question, pass: &Pass, i: usize) -> WorksheetResult {
    let tally = pass.tally(i, None);
    let groups = tally.n();
    let result = match (&q.kind, tally, pass.orders(i)) {
        (Kind::Ordering { options, .. }, Tally::Ordering(t), Some(orders)) => {
            let ids: Vec<&OptionId> = options.iter().map(|o| &o.id).collect();
            let consensus = (t.n > 0).then(|| consensus(&ids, orders));
            WorksheetTally::Ordering(GroupRanking { n: t.n, options: t.options, consensus })
        }
        (Kind::List { .. }, t, _) => WorksheetTally::List(ListTally { n: t.n(), entries: pass.entries(i) }),
        (_, t, _) => WorksheetTally::Other(t),
    };
    WorksheetResult { worksheet: q.id.clone(), kind: q.kind.name(), groups, result }
}

/// The Kemeny-Young consensus of the groups' orders (options by index, with how many groups
/// gave each order). Equal orders make one ballot with their number as weight.
fn consensus(ids: &[&OptionId], orders: &Orders) -> Outcome<GroupConsensus> {
    let ballots = orders.sorted().iter().map(|(order, w)| Ballot::strict(*w, order)).collect();
    let infos = ids
        .iter()
        .map(|id| OptionInfo { id: OptionTag::Text(id.to_string()), name: id.to_string() })
        .collect();
    let profile = match Profile::new(infos, ballots) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed { error: e.to_string() },
    };
    let m = Pairwise::from_profile(&profile);
    let named = |os: &[usize]| os.iter().map(|&o| ids[o].clone()).collect::<Vec<_>>();
    match kemeny(&m) {
        Ok(k) => Outcome::Done(GroupConsensus {
            order: named(&k.order),
            order_tie_break: k.order_tie_break,
            orders: k.orders.iter().map(|o| named(o)).collect(),
            orders_count: k.orders_count,
            winners: named(&k.winners),
            agreement: k.agreement,
            mean_distance: mean_distance(&m, &k.order, profile.total_weight()),
            kendall_w: kendall_w(&profile),
        }),
        Err(e) => Outcome::Failed { error: e.to_string() },
    }
}
