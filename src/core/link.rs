//! Reading the link a participant opens (`#/p?event=pt-2020-10&table=7&lang=pt`), or the one a
//! table facilitator opens (`#/t?event=pt-2020-10&table=7`).
//!
//! The app has no server, so everything it needs to know about where an answer belongs comes
//! from the link. A link with a missing or odd event or table is reported precisely, so that
//! the participant can fix it (or ask) instead of answering into the wrong place.

/// The places in the app a link can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no hash: the start page.
    Home,
    /// `#/p?...`: the participant app.
    Participant(Result<ParticipantLink, Vec<LinkProblem>>),
    /// `#/t?...`: the table app (same parameters).
    Table(Result<ParticipantLink, Vec<LinkProblem>>),
    /// `#/r...`: the results, which live in their own page (`results.html`) and bundle.
    Results(String),
    /// Anything else.
    Unknown(String),
}

/// What a participant link says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantLink {
    pub event: String,
    pub table: u32,
    /// `lang=`, when given and well-formed.
    pub language: Option<String>,
}

/// What is wrong with a participant link, and what it said (to prefill a correction form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    pub field: &'static str,
    pub message: String,
    pub given: Option<String>,
}

/// Reads `location.hash`.
pub fn parse_hash(hash: &str) -> Route {
    let h = hash.trim_start_matches('#');
    let (path, query) = h.split_once('?').unwrap_or((h, ""));
    match path.trim_end_matches('/') {
        "" => Route::Home,
        "/p" | "p" => Route::Participant(participant(query)),
        "/t" | "t" => Route::Table(participant(query)),
        r if r == "/r" || r.starts_with("/r/") => Route::Results(h.to_string()),
        other => Route::Unknown(other.to_string()),
    }
}

/// The hash of a participant link (what the correction form sets).
pub fn participant_hash(event: &str, table: u32, language: Option<&str>) -> String {
    day_hash("p", event, table, language)
}

/// The hash of a table link.
pub fn table_hash(event: &str, table: u32) -> String {
    day_hash("t", event, table, None)
}

fn day_hash(place: &str, event: &str, table: u32, language: Option<&str>) -> String {
    let mut h = format!("#/{place}?event={}&table={table}", encode_component(event));
    if let Some(l) = language {
        h.push_str(&format!("&lang={}", encode_component(l)));
    }
    h
}

fn participant(query: &str) -> Result<ParticipantLink, Vec<LinkProblem>> {
    let (mut event, mut table, mut language) = (None, None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode_component(v);
        match k {
            "event" => event = Some(v),
            "table" => table = Some(v),
            "lang" => language = Some(v),
            _ => {}
        }
    }
    let mut problems = Vec::new();
    let event = match event.as_deref().map(str::trim) {
        Some(e) if super::record::is_valid_event(e) => Some(e.to_string()),
        Some("") | None => {
            problems.push(LinkProblem {
                field: "event",
                message: "The link does not say which event this is.".into(),
                given: None,
            });
            None
        }
        Some(e) => {
            problems.push(LinkProblem {
                field: "event",
                message: "The event name in the link is not valid (use letters, digits, - _ or ., up to 40)."
                    .into(),
                given: Some(e.to_string()),
            });
            None
        }
    };
    let table = match table.as_deref().map(str::trim) {
        Some(t) => match t.parse::<u32>() {
            Ok(n) if (1..=super::record::MAX_TABLE).contains(&n) => Some(n),
            _ => {
                problems.push(LinkProblem {
                    field: "table",
                    message: format!(
                        "The table number in the link is not a number from 1 to {}.",
                        super::record::MAX_TABLE
                    ),
                    given: Some(t.to_string()),
                });
                None
            }
        },
        None => {
            problems.push(LinkProblem {
                field: "table",
                message: "The link does not say which table you are at.".into(),
                given: None,
            });
            None
        }
    };
    let language = language
        .filter(|l| (2..=20).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    match (event, table) {
        (Some(event), Some(table)) if problems.is_empty() => Ok(ParticipantLink { event, table, language }),
        _ => Err(problems),
    }
}

/// Percent-decoding of a query value (`+` is a space); invalid escapes are kept as written.
fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_link() {
        assert_eq!(
            parse_hash("#/p?event=pt-2020-10&table=7&lang=pt"),
            Route::Participant(Ok(ParticipantLink {
                event: "pt-2020-10".into(),
                table: 7,
                language: Some("pt".into())
            }))
        );
        assert_eq!(parse_hash(""), Route::Home);
        assert_eq!(parse_hash("#/"), Route::Home);
        assert_eq!(parse_hash("#/x"), Route::Unknown("/x".into()));
        assert_eq!(parse_hash("#/r"), Route::Results("/r".into()));
        assert_eq!(parse_hash("#/r/present"), Route::Results("/r/present".into()));
        assert_eq!(parse_hash("#/rx"), Route::Unknown("/rx".into()));
    }

    #[test]
    fn odd_links_say_what_is_wrong() {
        let Route::Participant(Err(p)) = parse_hash("#/p?table=abc") else { panic!() };
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].field, "event");
        assert_eq!(p[1].given.as_deref(), Some("abc"));
        let Route::Participant(Err(p)) = parse_hash("#/p?event=%3Cscript%3E&table=0") else { panic!() };
        assert_eq!(p[0].given.as_deref(), Some("<script>"));
        assert_eq!(p[1].field, "table");
        // A bad language is ignored, not an error: the participant can choose one.
        let Route::Participant(Ok(l)) = parse_hash("#/p?event=e&table=1&lang=%%") else { panic!() };
        assert_eq!(l.language, None);
    }

    #[test]
    fn table_links() {
        assert!(matches!(parse_hash(&table_hash("pt", 2)), Route::Table(Ok(l)) if l.table == 2));
        assert!(matches!(parse_hash("#/t?event=pt"), Route::Table(Err(p)) if p[0].field == "table"));
    }

    #[test]
    fn hash_round_trip() {
        let h = participant_hash("pt.2020", 3, Some("pt"));
        assert_eq!(h, "#/p?event=pt.2020&table=3&lang=pt");
        assert!(matches!(parse_hash(&h), Route::Participant(Ok(l)) if l.event == "pt.2020" && l.table == 3));
        assert_eq!(decode_component("a%20b%2"), "a b%2");
    }
}
