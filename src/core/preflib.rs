//! Reader for PrefLib preference files (`.soc`, `.soi`, `.toc`, `.toi`), the public library
//! of real elections and surveys at preflib.org, into a ranking [`Profile`].
//!
//! A file starts with `#` header lines, of which two are read: `# NUMBER ALTERNATIVES: n` and
//! `# ALTERNATIVE NAME i: name` (options are numbered from 1). Then each line is a distinct
//! ballot and how many voters cast it: `count: a,b,{c,d},e`, best first, braces holding tied
//! options; options not named are unranked. The extension says what ballots may hold: `soc`
//! strict complete orders, `soi` strict orders that may stop early, `toc` complete orders with
//! ties, `toi` orders with ties that may stop early. Every error names its line and the reason.
//! A count of 0 is accepted and the line skipped: PrefLib lists such orders (e.g. in
//! `00004-00000163.soc`); any other count must be a positive whole number.

use std::collections::BTreeMap;
use std::fmt;

use super::ranking::{Ballot, OptionInfo, OptionTag, Profile, ProfileError};

/// The PrefLib data types this reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Strict complete orders.
    Soc,
    /// Strict incomplete orders.
    Soi,
    /// Complete orders with ties.
    Toc,
    /// Incomplete orders with ties.
    Toi,
}

impl Format {
    /// The format a file name's extension says, if it is one of the four.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "soc" => Some(Format::Soc),
            "soi" => Some(Format::Soi),
            "toc" => Some(Format::Toc),
            "toi" => Some(Format::Toi),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Soc => "soc",
            Format::Soi => "soi",
            Format::Toc => "toc",
            Format::Toi => "toi",
        }
    }

    fn strict(self) -> bool {
        matches!(self, Format::Soc | Format::Soi)
    }

    fn complete(self) -> bool {
        matches!(self, Format::Soc | Format::Toc)
    }
}

/// What is wrong with a PrefLib file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The line is not `count: ballot`; the text says why.
    Malformed(String),
    /// `# NUMBER ALTERNATIVES` is missing before the first ballot, or not a whole number ≥ 1.
    NoOptionCount,
    BadCount(String),
    OptionOutOfRange {
        option: u64,
        options: usize,
    },
    Repeated {
        option: u64,
    },
    UnclosedBrace,
    Incomplete {
        format: Format,
        ranked: usize,
        options: usize,
    },
    Ties {
        format: Format,
    },
    Empty,
    Profile(ProfileError),
}

/// A problem and the line it is on (from 1), when it is on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreflibError {
    pub line: Option<usize>,
    pub problem: Problem,
}

impl fmt::Display for PreflibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match &self.problem {
            Problem::Malformed(why) => write!(f, "not a ballot of the form 'count: a,b,{{c,d}}': {why}"),
            Problem::NoOptionCount => {
                f.write_str("the header '# NUMBER ALTERNATIVES: n' (n ≥ 1) must come before the ballots")
            }
            Problem::BadCount(c) => write!(f, "the count '{c}' is not a positive whole number"),
            Problem::OptionOutOfRange { option, options } => {
                write!(f, "there is no option {option}: the file has {options} options, numbered from 1")
            }
            Problem::Repeated { option } => write!(f, "the ballot names option {option} twice"),
            Problem::UnclosedBrace => f.write_str("a '{' is not closed"),
            Problem::Incomplete { format, ranked, options } => write!(
                f,
                "a .{} file holds complete orders, but this ballot ranks {ranked} of the {options} options",
                format.extension()
            ),
            Problem::Ties { format } => write!(
                f,
                "a .{} file holds strict orders, but this ballot has tied options (braces)",
                format.extension()
            ),
            Problem::Empty => f.write_str("the file holds no ballots"),
            Problem::Profile(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PreflibError {}

fn at<T>(line: usize, problem: Problem) -> Result<T, PreflibError> {
    Err(PreflibError { line: Some(line), problem })
}

/// Reads a PrefLib file of the given format.
pub fn parse(text: &str, format: Format) -> Result<Profile, PreflibError> {
    let mut options: Option<usize> = None;
    let mut names: BTreeMap<u64, (usize, String)> = BTreeMap::new();
    let mut ballots = Vec::new();
    for (i, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = i + 1;
        let content = raw.trim();
        if content.is_empty() {
            continue;
        }
        if let Some(header) = content.strip_prefix('#') {
            let header = header.trim();
            if let Some(n) = header.strip_prefix("NUMBER ALTERNATIVES:") {
                match n.trim().parse::<usize>() {
                    Ok(n) if n >= 1 => options = Some(n),
                    _ => return at(line, Problem::NoOptionCount),
                }
            } else if let Some(rest) = header.strip_prefix("ALTERNATIVE NAME") {
                let Some((number, name)) = rest.split_once(':') else {
                    return at(line, Problem::Malformed("an option name needs 'i: name'".into()));
                };
                let Ok(number) = number.trim().parse::<u64>() else {
                    return at(
                        line,
                        Problem::Malformed(format!("'{}' is not an option number", number.trim())),
                    );
                };
                names.insert(number, (line, name.trim().to_string()));
            }
            continue;
        }
        let Some(n) = options else {
            return at(line, Problem::NoOptionCount);
        };
        let Some((count, body)) = content.split_once(':') else {
            return at(line, Problem::Malformed("no ':' after the count".into()));
        };
        let count = count.trim();
        let weight = match count.parse::<u64>() {
            Ok(w) if count.bytes().all(|b| b.is_ascii_digit()) => w,
            _ => return at(line, Problem::BadCount(count.to_string())),
        };
        let tiers = parse_ballot(body, n).or_else(|p| at(line, p))?;
        let ranked: usize = tiers.iter().map(Vec::len).sum();
        if format.strict() && tiers.iter().any(|t| t.len() > 1) {
            return at(line, Problem::Ties { format });
        }
        if format.complete() && ranked < n {
            return at(line, Problem::Incomplete { format, ranked, options: n });
        }
        if weight > 0 {
            ballots.push(Ballot { weight, tiers });
        }
    }
    let Some(n) = options else {
        return Err(PreflibError { line: None, problem: Problem::Empty });
    };
    if let Some((&number, &(line, _))) = names.iter().find(|&(&k, _)| k == 0 || k > n as u64) {
        return at(line, Problem::OptionOutOfRange { option: number, options: n });
    }
    if ballots.is_empty() {
        return Err(PreflibError { line: None, problem: Problem::Empty });
    }
    let infos = (1..=n as u64)
        .map(|i| OptionInfo {
            id: OptionTag::Number(i),
            name: names.remove(&i).map(|(_, name)| name).unwrap_or_else(|| i.to_string()),
        })
        .collect();
    Profile::new(infos, ballots).map_err(|e| PreflibError { line: None, problem: Problem::Profile(e) })
}

/// One token of a ballot.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Number(u64),
    Open,
    Close,
    Comma,
}

fn tokens(body: &str) -> Result<Vec<Token>, Problem> {
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => out.push(Token::Open),
            '}' => out.push(Token::Close),
            ',' => out.push(Token::Comma),
            c if c.is_whitespace() => {}
            c if c.is_ascii_digit() => {
                let mut end = i + 1;
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                let digits = &body[i..end];
                let n = digits
                    .parse()
                    .map_err(|_| Problem::Malformed(format!("option '{digits}' is too large")))?;
                out.push(Token::Number(n));
            }
            c => return Err(Problem::Malformed(format!("unexpected '{c}'"))),
        }
    }
    Ok(out)
}

/// Parses `a,b,{c,d},e` into tiers of option indices (from 0).
fn parse_ballot(body: &str, n: usize) -> Result<Vec<Vec<usize>>, Problem> {
    let tokens = tokens(body)?;
    if tokens.is_empty() {
        return Err(Problem::Malformed("the ballot names no option".into()));
    }
    let mut seen = vec![false; n];
    let mut take = |option: u64| -> Result<usize, Problem> {
        if option == 0 || option > n as u64 {
            return Err(Problem::OptionOutOfRange { option, options: n });
        }
        let index = (option - 1) as usize;
        if seen[index] {
            return Err(Problem::Repeated { option });
        }
        seen[index] = true;
        Ok(index)
    };
    let mut tiers = Vec::new();
    let mut it = tokens.into_iter();
    loop {
        match it.next() {
            Some(Token::Number(o)) => tiers.push(vec![take(o)?]),
            Some(Token::Open) => {
                let mut tier = Vec::new();
                loop {
                    match it.next() {
                        Some(Token::Number(o)) => tier.push(take(o)?),
                        _ => {
                            return Err(Problem::Malformed("expected an option number inside braces".into()));
                        }
                    }
                    match it.next() {
                        Some(Token::Comma) => {}
                        Some(Token::Close) => break,
                        None => return Err(Problem::UnclosedBrace),
                        Some(_) => {
                            return Err(Problem::Malformed("expected ',' or '}' after an option".into()));
                        }
                    }
                }
                tiers.push(tier);
            }
            Some(Token::Close) => return Err(Problem::Malformed("'}' without a '{'".into())),
            Some(Token::Comma) | None => return Err(Problem::Malformed("expected an option number".into())),
        }
        match it.next() {
            None => return Ok(tiers),
            Some(Token::Comma) => {}
            Some(Token::Close) => return Err(Problem::Malformed("'}' without a '{'".into())),
            Some(_) => return Err(Problem::Malformed("expected ',' between options".into())),
        }
    }
}

#[cfg(test)]
mod tests;
