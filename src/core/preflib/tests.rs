//! Tests of the PrefLib reader: the nine real files in `tests/fixtures/preflib/`, and every
//! error with its line number.

use super::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/preflib/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The number a `# KEY: value` header line gives.
fn header(text: &str, key: &str) -> u64 {
    let prefix = format!("# {key}:");
    let line = text.lines().find(|l| l.starts_with(&prefix)).expect("the header is there");
    line[prefix.len()..].trim().parse().expect("a number")
}

#[test]
fn reads_every_real_file() {
    let files = [
        ("00002-00000005.toc", 9),
        ("00004-00000101.soc", 4),
        ("00004-00000163.soc", 4),
        ("00007-00000019.soi", 5),
        ("00007-00000052.toc", 14),
        ("00008-00000009.soi", 11),
        ("00014-00000001.soc", 10),
        ("00016-00000001.toc", 11),
        ("00028-00000001.soi", 5),
    ];
    for (name, options) in files {
        let text = fixture(name);
        let format = Format::from_path(name).expect("a PrefLib extension");
        let p = parse(&text, format).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.len(), options, "{name}");
        assert_eq!(p.total_weight(), header(&text, "NUMBER VOTERS"), "{name}");
        let unique = header(&text, "NUMBER UNIQUE ORDERS") as usize;
        // 00004-00000163.soc lists one order with count 0, which is skipped.
        let skipped = usize::from(name == "00004-00000163.soc");
        assert_eq!(p.ballots().len(), unique - skipped, "{name}");
    }
}

#[test]
fn keeps_names_ids_and_ties() {
    let p = parse(&fixture("00014-00000001.soc"), Format::Soc).unwrap();
    assert_eq!(p.options()[0].name, "ebi (shrimp)");
    assert_eq!(p.options()[9].id, OptionTag::Number(10));
    assert_eq!(p.ballots()[0], Ballot::strict(3, &[6, 3, 4, 0, 9, 1, 7, 2, 8, 5]));
    let p = parse(&fixture("00002-00000005.toc"), Format::Toc).unwrap();
    assert_eq!(p.ballots()[0], Ballot { weight: 12, tiers: vec![vec![8], (0..8).collect()] });
    let p = parse(&fixture("00007-00000019.soi"), Format::Soi).unwrap();
    assert_eq!(p.ballots()[0], Ballot::strict(15, &[3]));
}

const HEAD: &str = "# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n";

/// The error message for `body` after the 2 header lines.
fn error(format: Format, body: &str) -> String {
    match parse(&format!("{HEAD}{body}"), format) {
        Ok(p) => panic!("accepted {body:?}: {p:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn small_file_with_defaults() {
    let p = parse(&format!("{HEAD}\n2: 3, 1\r\n1: {{1,2}},3\n"), Format::Toi).unwrap();
    assert_eq!(p.options()[0].name, "A");
    assert_eq!(p.options()[1].name, "2");
    assert_eq!(p.ballots()[0], Ballot::strict(2, &[2, 0]));
    assert_eq!(p.ballots()[1], Ballot { weight: 1, tiers: vec![vec![0, 1], vec![2]] });
}

#[test]
fn malformed_lines_say_where_and_why() {
    assert_eq!(
        error(Format::Soi, "1: 1\n2 1,2\n"),
        "line 4: not a ballot of the form 'count: a,b,{c,d}': no ':' after the count"
    );
    assert!(error(Format::Soi, "1: 1,,2").starts_with("line 3: not a ballot"));
    assert!(error(Format::Soi, "1: 1,2,").contains("expected an option number"));
    assert!(error(Format::Soi, "1: 1 2").contains("expected ',' between options"));
    assert!(error(Format::Soi, "1: a").contains("unexpected 'a'"));
    assert!(error(Format::Soi, "1:").contains("names no option"));
    assert!(error(Format::Toi, "1: 1,2}").contains("'}' without a '{'"));
    assert!(error(Format::Toi, "1: {1,{2}}").contains("inside braces"));
    assert!(error(Format::Toi, "1: {}").contains("inside braces"));
    assert!(error(Format::Toi, "1: 99999999999999999999999").contains("too large"));
}

#[test]
fn counts_must_be_whole_numbers() {
    assert_eq!(error(Format::Soi, "-2: 1"), "line 3: the count '-2' is not a positive whole number");
    assert!(error(Format::Soi, "2.5: 1").contains("the count '2.5'"));
    assert!(error(Format::Soi, "+2: 1").contains("the count '+2'"));
    assert!(error(Format::Soi, ": 1").contains("the count ''"));
    // A count of 0 is skipped (PrefLib writes them); a file of only those is empty.
    let p = parse(&format!("{HEAD}0: 1\n4: 2\n"), Format::Soi).unwrap();
    assert_eq!(p.ballots(), &[Ballot::strict(4, &[1])]);
    assert_eq!(error(Format::Soi, "0: 1\n"), "the file holds no ballots");
}

#[test]
fn options_must_exist_once() {
    assert_eq!(
        error(Format::Soi, "1: 1\n1: 4"),
        "line 4: there is no option 4: the file has 3 options, numbered from 1"
    );
    assert!(error(Format::Soi, "1: 0").contains("there is no option 0"));
    assert_eq!(error(Format::Toi, "1: {1,2},1"), "line 3: the ballot names option 1 twice");
    assert_eq!(error(Format::Toi, "1: 2,{1,3"), "line 3: a '{' is not closed");
}

#[test]
fn the_format_decides_what_ballots_may_hold() {
    assert_eq!(
        error(Format::Soc, "1: 1,2"),
        "line 3: a .soc file holds complete orders, but this ballot ranks 2 of the 3 options"
    );
    assert_eq!(
        error(Format::Soi, "1: {1,2}"),
        "line 3: a .soi file holds strict orders, but this ballot has tied options (braces)"
    );
    assert!(error(Format::Soc, "1: {1,2},3").contains("a .soc file holds strict orders"));
    assert!(error(Format::Toc, "1: {1,2}").contains("a .toc file holds complete orders"));
    assert!(parse(&format!("{HEAD}1: 3,1,2"), Format::Soc).is_ok());
    assert!(parse(&format!("{HEAD}1: {{3,1}},2"), Format::Toc).is_ok());
}

#[test]
fn headers_and_empty_files() {
    assert_eq!(
        parse("1: 1,2\n", Format::Soi).unwrap_err().to_string(),
        "line 1: the header '# NUMBER ALTERNATIVES: n' (n ≥ 1) must come before the ballots"
    );
    assert!(
        parse("# NUMBER ALTERNATIVES: zero\n", Format::Soi).unwrap_err().to_string().starts_with("line 1:")
    );
    assert_eq!(parse("", Format::Soi).unwrap_err().to_string(), "the file holds no ballots");
    assert_eq!(parse(HEAD, Format::Soi).unwrap_err().to_string(), "the file holds no ballots");
    let e = parse("# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 3: C\n1: 1\n", Format::Soi).unwrap_err();
    assert_eq!(e.to_string(), "line 2: there is no option 3: the file has 2 options, numbered from 1");
    let e = parse("# NUMBER ALTERNATIVES: 2\n1: 1\n9007199254740992: 2\n", Format::Soi).unwrap_err();
    assert!(e.to_string().contains("add up to more than"), "{e}");
}

#[test]
fn formats_from_file_names() {
    assert_eq!(Format::from_path("a/b/00014-00000001.soc"), Some(Format::Soc));
    assert_eq!(Format::from_path("X.TOC"), Some(Format::Toc));
    assert_eq!(Format::from_path("x.toi"), Some(Format::Toi));
    assert_eq!(Format::from_path("x.csv"), None);
    assert_eq!(Format::from_path("soc"), None);
}
