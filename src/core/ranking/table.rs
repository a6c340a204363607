//! The consensus of a table: 5 to 8 members each order the options (all of them, or their top
//! k) on their phone, and the table sees one order they agree with most.
//!
//! [`consensus`] works on option indices; [`consensus_by_id`] is the thin adapter for any id
//! type (the questionnaire's option ids). The consensus is the Kemeny-Young order (the first
//! optimal order by option id when several are optimal, and then `order_tie_break` says so),
//! with each member's Kendall tau distance to it and Kendall's W for the whole table.

use std::fmt;

use super::RankError;
use super::agreement::{distance, kendall_w};
use super::kemeny::{self, kemeny};
use super::pairwise::Pairwise;
use super::profile::{Ballot, Profile, ProfileError};

/// How far one member's order is from the consensus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberDistance {
    /// Pairs of options the member ordered one way and the consensus the other.
    pub distance: u64,
    /// Pairs of options the member's order says something about (for a top-k order, the
    /// pairs among the k and each of the k against each unranked option).
    pub pairs: u64,
}

/// A table's consensus.
#[derive(Clone, Debug, PartialEq)]
pub struct Consensus<T> {
    /// The consensus order, best first.
    pub order: Vec<T>,
    /// `Some(BY_OPTION_ID)` when several orders are equally good and `order` is the first by id.
    pub order_tie_break: Option<&'static str>,
    /// How many orders are equally good.
    pub orders_count: u64,
    /// Every option that comes first in some equally good order.
    pub winners: Vec<T>,
    /// Each member's distance to `order`, in the members' order.
    pub members: Vec<MemberDistance>,
    /// Kendall's W over the members (None when undefined, e.g. a single option).
    pub kendall_w: Option<f64>,
}

/// Why there is no consensus. Members are numbered from 1 in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    NoOptions,
    NoMembers,
    EmptyOrder { member: usize },
    UnknownOption { member: usize, option: String },
    Repeated { member: usize, option: String },
    Ballots(ProfileError),
    Rank(RankError),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::NoOptions => f.write_str("there are no options to order"),
            TableError::NoMembers => f.write_str("no member has handed in an order yet"),
            TableError::EmptyOrder { member } => write!(f, "member {member}'s order is empty"),
            TableError::UnknownOption { member, option } => {
                write!(f, "member {member}'s order names '{option}', which is not one of the options")
            }
            TableError::Repeated { member, option } => {
                write!(f, "member {member}'s order names '{option}' twice")
            }
            TableError::Ballots(e) => e.fmt(f),
            TableError::Rank(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TableError {}

/// The consensus of members' orders over options `0..options`.
pub fn consensus(options: usize, orders: &[Vec<usize>]) -> Result<Consensus<usize>, TableError> {
    if options == 0 {
        return Err(TableError::NoOptions);
    }
    if orders.is_empty() {
        return Err(TableError::NoMembers);
    }
    if options > kemeny::MAX_OPTIONS {
        let max = kemeny::MAX_OPTIONS;
        return Err(TableError::Rank(RankError::TooManyOptions { method: "Kemeny-Young", options, max }));
    }
    for (i, order) in orders.iter().enumerate() {
        let member = i + 1;
        if order.is_empty() {
            return Err(TableError::EmptyOrder { member });
        }
        for (j, &o) in order.iter().enumerate() {
            if o >= options {
                return Err(TableError::UnknownOption { member, option: o.to_string() });
            }
            if order[..j].contains(&o) {
                return Err(TableError::Repeated { member, option: o.to_string() });
            }
        }
    }
    let ballots: Vec<Ballot> = orders.iter().map(|o| Ballot::strict(1, o)).collect();
    let profile = Profile::numbered(options, ballots).map_err(TableError::Ballots)?;
    let k = kemeny(&Pairwise::from_profile(&profile)).map_err(TableError::Rank)?;
    let members = profile
        .ballots()
        .iter()
        .map(|b| {
            let (distance, pairs) = distance(b, &k.order);
            MemberDistance { distance, pairs }
        })
        .collect();
    Ok(Consensus {
        order: k.order,
        order_tie_break: k.order_tie_break,
        orders_count: k.orders_count,
        winners: k.winners,
        members,
        kendall_w: kendall_w(&profile),
    })
}

/// [`consensus`] over option ids: `options` lists every option, each member's order names
/// some of them.
pub fn consensus_by_id<T: Clone + PartialEq + fmt::Display>(
    options: &[T],
    orders: &[Vec<T>],
) -> Result<Consensus<T>, TableError> {
    let mut indexed = Vec::with_capacity(orders.len());
    for (i, order) in orders.iter().enumerate() {
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            let index = options.iter().position(|o| o == id);
            let index = index.ok_or(TableError::UnknownOption { member: i + 1, option: id.to_string() })?;
            if out.contains(&index) {
                return Err(TableError::Repeated { member: i + 1, option: id.to_string() });
            }
            out.push(index);
        }
        indexed.push(out);
    }
    let c = consensus(options.len(), &indexed)?;
    let ids = |os: &[usize]| os.iter().map(|&o| options[o].clone()).collect();
    Ok(Consensus {
        order: ids(&c.order),
        order_tie_break: c.order_tie_break,
        orders_count: c.orders_count,
        winners: ids(&c.winners),
        members: c.members,
        kendall_w: c.kendall_w,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ranking::BY_OPTION_ID;

    #[test]
    fn five_members_agree_mostly() {
        let orders = vec![vec![0, 1, 2, 3], vec![0, 1, 3, 2], vec![1, 0, 2, 3], vec![0, 2, 1, 3], vec![0, 1]];
        let c = consensus(4, &orders).unwrap();
        assert_eq!(c.order, vec![0, 1, 2, 3]);
        assert_eq!(c.order_tie_break, None);
        assert_eq!(c.winners, vec![0]);
        let d: Vec<(u64, u64)> = c.members.iter().map(|m| (m.distance, m.pairs)).collect();
        // The top-2 order [0, 1] expresses 0>1, 0>2, 0>3, 1>2, 1>3 (not 2 vs 3).
        assert_eq!(d, vec![(0, 6), (1, 6), (1, 6), (1, 6), (0, 5)]);
        let w = c.kendall_w.unwrap();
        assert!(w > 0.6 && w < 1.0, "{w}");
    }

    #[test]
    fn ties_are_named() {
        let c = consensus(2, &[vec![0, 1], vec![1, 0]]).unwrap();
        assert_eq!(c.order, vec![0, 1]);
        assert_eq!(c.orders_count, 2);
        assert_eq!(c.winners, vec![0, 1]);
        assert_eq!(c.order_tie_break, Some(BY_OPTION_ID));
        assert_eq!(c.kendall_w, Some(0.0));
    }

    #[test]
    fn by_id_maps_ids_both_ways() {
        let options = ["dns", "ip", "tls"];
        let c = consensus_by_id(&options, &[vec!["tls", "dns"], vec!["tls", "ip", "dns"]]).unwrap();
        assert_eq!(c.order, vec!["tls", "dns", "ip"]);
        let e = consensus_by_id(&options, &[vec!["tls"], vec!["http"]]).unwrap_err();
        assert_eq!(e.to_string(), "member 2's order names 'http', which is not one of the options");
        let e = consensus_by_id(&options, &[vec!["ip", "ip"]]).unwrap_err();
        assert_eq!(e.to_string(), "member 1's order names 'ip' twice");
    }

    #[test]
    fn refuses_what_cannot_be_ranked() {
        assert_eq!(consensus(3, &[]), Err(TableError::NoMembers));
        assert_eq!(consensus(0, &[vec![]]), Err(TableError::NoOptions));
        assert_eq!(consensus(3, &[vec![0], vec![]]), Err(TableError::EmptyOrder { member: 2 }));
        assert!(matches!(consensus(3, &[vec![3]]), Err(TableError::UnknownOption { member: 1, .. })));
        assert!(matches!(consensus(21, &[vec![0]]), Err(TableError::Rank(_))));
    }
}
