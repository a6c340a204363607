//! The input of every ranking method: a weighted profile of (possibly truncated, possibly tied)
//! ballots over options `0..n`, checked once when it is built.
//!
//! A [`Ballot`] is an ordered list of tiers, best first; a tier is a set of tied options. An
//! option in no tier is *unranked*: tied with the other unranked options, below every ranked
//! one. A [`Profile`] can only be made through [`Profile::new`], so every method may rely on
//! its invariants: at least one option, at least one ballot, every ballot names only known
//! options, each at most once, in non-empty tiers, with a positive weight.

use std::fmt;

use serde::Serialize;

/// The most options a profile may have (pairwise methods keep an n × n matrix).
pub const MAX_OPTIONS: usize = 1024;
/// The largest total weight: 2^53, so that every weight and score is exact in JSON numbers.
pub const MAX_TOTAL_WEIGHT: u64 = 1 << 53;

/// How an option is named outside the engine: the number a PrefLib file gives it, or the
/// option id of a questionnaire. In JSON: a number or a string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum OptionTag {
    Number(u64),
    Text(String),
}

impl fmt::Display for OptionTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionTag::Number(n) => write!(f, "{n}"),
            OptionTag::Text(s) => f.write_str(s),
        }
    }
}

/// One option of a profile: its outside id and a human-readable name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionInfo {
    pub id: OptionTag,
    pub name: String,
}

/// A ballot: tiers of tied options, best first, and how many voters cast it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub weight: u64,
    pub tiers: Vec<Vec<usize>>,
}

impl Ballot {
    /// A ballot with no ties: `order` from best to worst (all options or the top k).
    pub fn strict(weight: u64, order: &[usize]) -> Ballot {
        Ballot { weight, tiers: order.iter().map(|&o| vec![o]).collect() }
    }

    /// How many options the ballot ranks.
    pub fn ranked(&self) -> usize {
        self.tiers.iter().map(Vec::len).sum()
    }

    /// For each of the `n` options, the index of its tier; unranked options get `tiers.len()`.
    /// Option `a` is preferred to `b` exactly when its class is smaller.
    pub fn classes(&self, n: usize) -> Vec<usize> {
        let mut class = vec![self.tiers.len(); n];
        for (t, tier) in self.tiers.iter().enumerate() {
            for &o in tier {
                class[o] = t;
            }
        }
        class
    }

    /// For each of the `n` options, twice its average position (positions count from 1): a
    /// tier of k options at positions p+1..=p+k shares them, each getting 2p + k + 1; the
    /// unranked options share the positions left.
    pub fn doubled_positions(&self, n: usize) -> Vec<u64> {
        let ranked = self.ranked() as u64;
        let unranked = n as u64 - ranked;
        let mut pos = vec![2 * ranked + unranked + 1; n];
        let mut p = 0u64;
        for tier in &self.tiers {
            let k = tier.len() as u64;
            for &o in tier {
                pos[o] = 2 * p + k + 1;
            }
            p += k;
        }
        pos
    }

    /// The sizes of the groups of tied options: every tier, and the unranked options as one
    /// group (when there are any).
    pub fn tie_groups(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        let unranked = n - self.ranked();
        self.tiers.iter().map(Vec::len).chain((unranked > 0).then_some(unranked))
    }
}

/// Why a list of ballots is not a profile. Ballots are numbered from 1, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    NoOptions,
    TooManyOptions { options: usize },
    DuplicateOptionId { id: OptionTag },
    NoBallots,
    ZeroWeight { ballot: usize },
    EmptyBallot { ballot: usize },
    EmptyTier { ballot: usize, tier: usize },
    UnknownOption { ballot: usize, option: usize, options: usize },
    Repeated { ballot: usize, option: OptionTag },
    TooHeavy,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::NoOptions => f.write_str("there are no options to rank"),
            ProfileError::TooManyOptions { options } => {
                write!(f, "{options} options; at most {MAX_OPTIONS} can be ranked")
            }
            ProfileError::DuplicateOptionId { id } => write!(f, "two options have the id '{id}'"),
            ProfileError::NoBallots => f.write_str("there are no ballots"),
            ProfileError::ZeroWeight { ballot } => {
                write!(f, "ballot {ballot} has weight 0 (leave it out instead)")
            }
            ProfileError::EmptyBallot { ballot } => {
                write!(f, "ballot {ballot} ranks no option (leave it out instead)")
            }
            ProfileError::EmptyTier { ballot, tier } => {
                write!(f, "ballot {ballot}: place {tier} holds no option")
            }
            ProfileError::UnknownOption { ballot, option, options } => {
                write!(f, "ballot {ballot} names option index {option}, but there are only {options} options")
            }
            ProfileError::Repeated { ballot, option } => {
                write!(f, "ballot {ballot} names option '{option}' more than once")
            }
            ProfileError::TooHeavy => {
                write!(f, "the ballots' weights add up to more than {MAX_TOTAL_WEIGHT}")
            }
        }
    }
}

impl std::error::Error for ProfileError {}

/// A checked, weighted profile. See the module documentation for its invariants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    options: Vec<OptionInfo>,
    ballots: Vec<Ballot>,
    total: u64,
}

impl Profile {
    /// Checks `ballots` against `options` and builds the profile.
    pub fn new(options: Vec<OptionInfo>, ballots: Vec<Ballot>) -> Result<Profile, ProfileError> {
        let n = options.len();
        if n == 0 {
            return Err(ProfileError::NoOptions);
        }
        if n > MAX_OPTIONS {
            return Err(ProfileError::TooManyOptions { options: n });
        }
        let mut ids: Vec<&OptionTag> = options.iter().map(|o| &o.id).collect();
        ids.sort();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(ProfileError::DuplicateOptionId { id: w[0].clone() });
        }
        if ballots.is_empty() {
            return Err(ProfileError::NoBallots);
        }
        let mut total: u64 = 0;
        let mut seen = vec![usize::MAX; n];
        for (i, b) in ballots.iter().enumerate() {
            let ballot = i + 1;
            if b.weight == 0 {
                return Err(ProfileError::ZeroWeight { ballot });
            }
            if b.tiers.is_empty() {
                return Err(ProfileError::EmptyBallot { ballot });
            }
            for (t, tier) in b.tiers.iter().enumerate() {
                if tier.is_empty() {
                    return Err(ProfileError::EmptyTier { ballot, tier: t + 1 });
                }
                for &o in tier {
                    if o >= n {
                        return Err(ProfileError::UnknownOption { ballot, option: o, options: n });
                    }
                    if seen[o] == i {
                        return Err(ProfileError::Repeated { ballot, option: options[o].id.clone() });
                    }
                    seen[o] = i;
                }
            }
            total = total
                .checked_add(b.weight)
                .filter(|&t| t <= MAX_TOTAL_WEIGHT)
                .ok_or(ProfileError::TooHeavy)?;
        }
        Ok(Profile { options, ballots, total })
    }

    /// A profile whose options are numbered 1..=n, named by their number.
    pub fn numbered(n: usize, ballots: Vec<Ballot>) -> Result<Profile, ProfileError> {
        let options =
            (1..=n as u64).map(|i| OptionInfo { id: OptionTag::Number(i), name: i.to_string() }).collect();
        Profile::new(options, ballots)
    }

    pub fn options(&self) -> &[OptionInfo] {
        &self.options
    }

    /// The number of options, n.
    pub fn len(&self) -> usize {
        self.options.len()
    }

    /// Always false: a profile has at least one option.
    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }

    pub fn ballots(&self) -> &[Ballot] {
        &self.ballots
    }

    /// The sum of the ballots' weights (the number of voters).
    pub fn total_weight(&self) -> u64 {
        self.total
    }

    /// The outside id of option `i`.
    pub fn tag(&self, i: usize) -> &OptionTag {
        &self.options[i].id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(weight: u64, tiers: &[&[usize]]) -> Ballot {
        Ballot { weight, tiers: tiers.iter().map(|t| t.to_vec()).collect() }
    }

    #[test]
    fn classes_and_positions_follow_the_conventions() {
        // 5 options: 2 first, {0, 4} tied second, 1 and 3 unranked.
        let ballot = b(1, &[&[2], &[0, 4]]);
        assert_eq!(ballot.classes(5), vec![1, 2, 0, 2, 1]);
        // Positions: 2 -> 1; 0, 4 -> 2.5; 1, 3 share 4 and 5 -> 4.5. Doubled:
        assert_eq!(ballot.doubled_positions(5), vec![5, 9, 2, 9, 5]);
        assert_eq!(ballot.tie_groups(5).collect::<Vec<_>>(), vec![1, 2, 2]);
        let full = Ballot::strict(1, &[1, 0]);
        assert_eq!(full.doubled_positions(2), vec![4, 2]);
        assert_eq!(full.tie_groups(2).collect::<Vec<_>>(), vec![1, 1]);
    }

    #[test]
    fn rejects_bad_ballots_with_their_number() {
        let p = |ballots| Profile::numbered(3, ballots);
        assert_eq!(p(vec![]), Err(ProfileError::NoBallots));
        assert_eq!(
            p(vec![Ballot::strict(1, &[0]), Ballot::strict(0, &[1])]),
            Err(ProfileError::ZeroWeight { ballot: 2 })
        );
        assert_eq!(p(vec![b(1, &[])]), Err(ProfileError::EmptyBallot { ballot: 1 }));
        assert_eq!(p(vec![b(1, &[&[0], &[]])]), Err(ProfileError::EmptyTier { ballot: 1, tier: 2 }));
        let e = p(vec![b(1, &[&[3]])]).unwrap_err();
        assert_eq!(e.to_string(), "ballot 1 names option index 3, but there are only 3 options");
        let e = p(vec![Ballot::strict(1, &[0]), b(2, &[&[1, 2], &[2]])]).unwrap_err();
        assert_eq!(e.to_string(), "ballot 2 names option '3' more than once");
        assert_eq!(Profile::numbered(0, vec![Ballot::strict(1, &[0])]), Err(ProfileError::NoOptions));
        assert_eq!(
            p(vec![Ballot::strict(MAX_TOTAL_WEIGHT, &[0]), Ballot::strict(1, &[1])]),
            Err(ProfileError::TooHeavy)
        );
    }

    #[test]
    fn rejects_duplicate_ids() {
        let o = |id: &str| OptionInfo { id: OptionTag::Text(id.into()), name: id.into() };
        let e = Profile::new(vec![o("a"), o("b"), o("a")], vec![Ballot::strict(1, &[0])]).unwrap_err();
        assert_eq!(e.to_string(), "two options have the id 'a'");
    }

    #[test]
    fn keeps_options_and_total() {
        let p = Profile::numbered(3, vec![Ballot::strict(2, &[0, 1, 2]), Ballot::strict(3, &[2])]).unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(p.total_weight(), 5);
        assert_eq!(p.tag(2), &OptionTag::Number(3));
        assert_eq!(serde_json::to_string(&p.options()[0]).unwrap(), r#"{"id":1,"name":"1"}"#);
    }
}
