//! Members' ballots for a table worksheet: each member of a table orders the options on their
//! phone (a participant ordering question with `ballot_for`), hands over their share code, and
//! the table app reads the codes to show the group's consensus.
//!
//! Reading is forgiving about what arrives (a whole chat pasted at once, the same code twice,
//! a member who changed their mind and sent a new code) and strict about what counts: one ballot
//! per member (the latest), and a clear reason for every code that is not used. A code from
//! another table or event is kept but flagged, for the facilitator to decide.

use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::code::{self, PREFIX};
use super::definition::{Definition, RecordKind};
use super::text::{OptionId, QuestionId};

/// One member's order for the worksheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub respondent: String,
    pub event: String,
    pub table: u32,
    pub updated_at: String,
    /// From first to last (all options, or the top k).
    pub order: Vec<OptionId>,
    /// Counted in the consensus: false for a code from another table or event until the
    /// facilitator includes it.
    pub included: bool,
}

impl Member {
    /// Is this member's code from another event or table than the one being filled?
    pub fn is_foreign(&self, event: &str, table: u32) -> bool {
        self.event != event || self.table != table
    }
}

/// What happened to the codes of one paste.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// New members.
    pub added: usize,
    /// A member who sent a newer order: the old one is replaced.
    pub updated: usize,
    /// The same member and order again (counted once).
    pub duplicates: usize,
    /// From another table or event: kept aside, not counted until included.
    pub foreign: usize,
    /// Codes that could not be used, each with why.
    pub rejected: Vec<String>,
}

/// Every share code in a text (a chat transcript, several codes pasted at once).
pub fn extract_codes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(PREFIX) {
        let tail = &rest[i + PREFIX.len()..];
        let end =
            tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(tail.len());
        out.push(format!("{PREFIX}{}", &tail[..end]));
        rest = &tail[end..];
    }
    out
}

/// Reads every code in `text` and merges the ballots for `worksheet` into `members`.
pub fn import(
    def: &Definition,
    worksheet: &QuestionId,
    event: &str,
    table: u32,
    text: &str,
    members: &mut Vec<Member>,
) -> ImportReport {
    let mut report = ImportReport::default();
    let ballot_questions: Vec<&QuestionId> = def.ballots_for(worksheet).map(|q| &q.id).collect();
    let codes = extract_codes(text);
    if codes.is_empty() && !text.trim().is_empty() {
        report.rejected.push(format!("no code found (codes start with {PREFIX})"));
    }
    for c in codes {
        let short = format!("{}…", c.chars().take(12).collect::<String>());
        let record = match code::decode(&c, def) {
            Ok(r) => r,
            Err(e) => {
                report.rejected.push(format!("{short}: {e}"));
                continue;
            }
        };
        if record.kind != RecordKind::Participant {
            report.rejected.push(format!("{short}: this is a table's code, not a member's"));
            continue;
        }
        let order = ballot_questions.iter().find_map(|q| match record.answers.get(*q) {
            Some(Answer::Order(o)) => Some(o.clone()),
            _ => None,
        });
        let Some(order) = order else {
            report
                .rejected
                .push(format!("{short}: this member has not ordered the options of this worksheet yet"));
            continue;
        };
        let mut m = Member {
            respondent: record.respondent,
            event: record.event,
            table: record.table,
            updated_at: record.updated_at,
            order,
            included: true,
        };
        if m.is_foreign(event, table) {
            m.included = false;
            report.foreign += 1;
        }
        match members.iter_mut().find(|x| x.respondent == m.respondent) {
            Some(old) if old.order == m.order && old.event == m.event && old.table == m.table => {
                report.duplicates += 1;
            }
            // Times are RFC 3339 in UTC, so they compare as text.
            Some(old) if m.updated_at >= old.updated_at => {
                m.included = m.included || (old.included && !m.is_foreign(event, table));
                *old = m;
                report.updated += 1;
            }
            Some(_) => report.duplicates += 1,
            None => {
                // A member of another table is listed (and reported as such), not "added".
                if m.included {
                    report.added += 1;
                }
                members.push(m);
            }
        }
    }
    report
}

/// The table's consensus: the Kemeny order of the counted members' ballots.
#[derive(Clone, Debug, PartialEq)]
pub struct Consensus {
    /// Best first, over every option of the worksheet.
    pub order: Vec<OptionId>,
    /// How many orders are equally good (1: the consensus is unique).
    pub optimal_orders: u64,
    /// The tie-break that chose `order` when several are optimal.
    pub tie_break: Option<&'static str>,
    /// Per counted member: the share (0-100) of the pairs their ballot expresses that the
    /// consensus reverses.
    pub distances: Vec<(String, f64)>,
    /// Kendall's W (0: no agreement, 1: all members give the same order).
    pub kendall_w: Option<f64>,
    pub counted: usize,
}

impl Consensus {
    /// The distance of one member, if counted.
    pub fn distance_of(&self, respondent: &str) -> Option<f64> {
        self.distances.iter().find(|(r, _)| r == respondent).map(|(_, d)| *d)
    }

    /// How much the table agreed, in words.
    pub fn describe(&self) -> String {
        let w = match self.kendall_w {
            Some(w) if w >= 0.7 => format!("The table agrees strongly (Kendall's W = {w:.2})."),
            Some(w) if w >= 0.4 => format!("The table partly agrees (Kendall's W = {w:.2})."),
            Some(w) => format!("The table's orders differ a lot (Kendall's W = {w:.2})."),
            None => String::new(),
        };
        let ties = match (self.optimal_orders, self.tie_break) {
            (1, _) => String::new(),
            (n, Some(tb)) => format!(" {n} orders fit the ballots equally well; this one is first by {tb}."),
            (n, None) => format!(" {n} orders fit the ballots equally well."),
        };
        format!("{w}{ties}")
    }
}

/// The consensus of the counted members for `worksheet`, or why there is none yet.
pub fn consensus(def: &Definition, worksheet: &QuestionId, members: &[Member]) -> Result<Consensus, String> {
    use super::definition::Kind;
    let Some(Kind::Ordering { options, .. }) = def.worksheet(worksheet).map(|q| &q.kind) else {
        return Err(format!("'{worksheet}' is not an ordering worksheet"));
    };
    let counted: Vec<&Member> = members.iter().filter(|m| m.included).collect();
    if counted.is_empty() {
        return Err("No member's order is counted yet.".into());
    }
    let ids: Vec<OptionId> = options.iter().map(|o| o.id.clone()).collect();
    let orders: Vec<Vec<OptionId>> = counted.iter().map(|m| m.order.clone()).collect();
    let c = super::ranking::table::consensus_by_id(&ids, &orders).map_err(|e| e.to_string())?;
    let distances = counted
        .iter()
        .zip(&c.members)
        .map(|(m, d)| {
            let share = if d.pairs == 0 { 0.0 } else { 100.0 * d.distance as f64 / d.pairs as f64 };
            (m.respondent.clone(), share)
        })
        .collect();
    Ok(Consensus {
        order: c.order,
        optimal_orders: c.orders_count,
        tie_break: c.order_tie_break,
        distances,
        kendall_w: c.kendall_w,
        counted: counted.len(),
    })
}

impl ImportReport {
    /// One sentence for the facilitator.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("{} added", self.added)];
        if self.updated > 0 {
            parts.push(format!("{} updated with a newer order", self.updated));
        }
        if self.duplicates > 0 {
            parts.push(format!("{} already here (counted once)", self.duplicates));
        }
        if self.foreign > 0 {
            parts.push(format!(
                "{} from another table or event (not counted unless you include them)",
                self.foreign
            ));
        }
        if !self.rejected.is_empty() {
            parts.push(format!("{} not used", self.rejected.len()));
        }
        parts.join(", ") + "."
    }
}

#[cfg(test)]
mod tests;
