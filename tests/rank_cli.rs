//! `dialogue-kit rank` on the real PrefLib files in `tests/fixtures/preflib/`, run as a user
//! would: the report's keys and shape, a few known facts about the data, and clear errors.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

const FILES: [&str; 9] = [
    "00002-00000005.toc",
    "00004-00000101.soc",
    "00004-00000163.soc",
    "00007-00000019.soi",
    "00007-00000052.toc",
    "00008-00000009.soi",
    "00014-00000001.soc",
    "00016-00000001.toc",
    "00028-00000001.soi",
];

const KEYS: [&str; 14] = [
    "options",
    "ballots",
    "plurality",
    "borda",
    "copeland",
    "schulze",
    "ranked_pairs",
    "kemeny",
    "irv",
    "mean_rank",
    "condorcet_winner",
    "condorcet_loser",
    "kendall_w",
    "pairwise",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dialogue-kit")).args(args).output().expect("the CLI runs")
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/preflib/{name}")
}

/// The report on a fixture, as text and as JSON.
fn rank(name: &str) -> (String, Value) {
    let o = run(&["rank", &fixture(name)]);
    assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
    (text, v)
}

fn ids(v: &Value) -> Vec<u64> {
    v.as_array().expect("a list").iter().map(|i| i.as_u64().expect("an id")).collect()
}

/// A scratch file with `content`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, content: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("dk-rank-{}-{name}", std::process::id()));
        std::fs::write(&path, content).expect("the scratch file is written");
        Scratch(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 path")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn every_file_gives_every_key_in_order() {
    for name in FILES {
        let (text, v) = rank(name);
        let object = v.as_object().expect("an object");
        assert_eq!(object.len(), KEYS.len(), "{name}: {:?}", object.keys());
        // Top-level keys are the lines indented by two spaces, in the documented order.
        let top: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  \"").filter(|_| !l.starts_with("   ")))
            .filter_map(|l| l.split('"').next())
            .collect();
        assert_eq!(top, KEYS, "{name}");
        let n = v["options"].as_array().expect("options").len();
        assert_eq!(v["options"][0]["id"], 1, "{name}: ids as the file numbers them");
        for method in
            ["plurality", "borda", "copeland", "schulze", "ranked_pairs", "kemeny", "irv", "mean_rank"]
        {
            let winners = ids(&v[method]["winners"]);
            assert!(!winners.is_empty(), "{name} {method}");
            assert!(winners.iter().all(|&w| (1..=n as u64).contains(&w)), "{name} {method}");
            if method != "irv" {
                let mut order = ids(&v[method]["order"]);
                assert!(
                    order.starts_with(&winners) || v[method]["order_tie_break"].is_string(),
                    "{name} {method}"
                );
                order.sort();
                assert_eq!(order, (1..=n as u64).collect::<Vec<_>>(), "{name} {method}: a permutation");
            }
        }
        for scored in ["plurality", "borda", "copeland", "mean_rank"] {
            assert_eq!(v[scored]["scores"].as_object().map(|s| s.len()), Some(n), "{name} {scored}");
        }
        assert!(v["kemeny"]["agreement"].is_u64(), "{name}");
        assert_eq!(v["pairwise"].as_array().map(Vec::len), Some(n), "{name}");
        let w = v["kendall_w"].as_f64().expect("Kendall's W");
        assert!((0.0..=1.0).contains(&w), "{name}: {w}");
    }
}

#[test]
fn the_output_is_deterministic() {
    let name = "00016-00000001.toc";
    assert_eq!(rank(name).0, rank(name).0);
}

#[test]
fn netflix_163_has_no_strict_condorcet_winner() {
    let (_, v) = rank("00004-00000163.soc");
    assert_eq!(v["ballots"], 532);
    assert_eq!(v["condorcet_winner"], Value::Null);
    assert_eq!(v["condorcet_loser"], 1);
    // 2 and 3 tie 266 to 266: every Condorcet method names both.
    assert_eq!(v["pairwise"][1][2], 266);
    assert_eq!(v["pairwise"][2][1], 266);
    for method in ["copeland", "schulze", "ranked_pairs", "kemeny"] {
        assert_eq!(v[method]["winners"], json!([2, 3]), "{method}");
        assert_eq!(v[method]["order_tie_break"], "option id", "{method}");
    }
    assert_eq!(v["kemeny"]["orders"], json!([[2, 3, 4, 1], [3, 2, 4, 1]]));
    assert_eq!(v["kemeny"]["orders_count"], 2);
}

#[test]
fn sushi_kemeny_orders_all_ten() {
    let (_, v) = rank("00014-00000001.soc");
    assert_eq!(v["ballots"], 5000);
    assert_eq!(v["options"][7], json!({"id": 8, "name": "toro (fatty tuna)"}));
    let order = ids(&v["kemeny"]["order"]);
    assert_eq!(order.len(), 10);
    assert_eq!(v["kemeny"]["orders_count"], 1);
    assert_eq!(v["kemeny"]["order_tie_break"], Value::Null);
    // Every ballot is complete, so each expresses all 45 pairs.
    let agreement = v["kemeny"]["agreement"].as_u64().expect("agreement");
    let distance = v["kemeny"]["mean_distance"].as_f64().expect("mean distance");
    assert_eq!(agreement as f64 + distance * 5000.0, 45.0 * 5000.0);
    // A Condorcet winner is first in Kemeny, Schulze, ranked pairs and Copeland.
    let winner = v["condorcet_winner"].as_u64().expect("a Condorcet winner");
    assert_eq!(order[0], winner);
    for method in ["copeland", "schulze", "ranked_pairs"] {
        assert_eq!(ids(&v[method]["winners"]), vec![winner], "{method}");
    }
}

#[test]
fn glasgow_methods_disagree() {
    // Truncated ballots: first places and positions favour 6, pairwise majorities 3.
    let (_, v) = rank("00008-00000009.soi");
    assert_eq!(v["plurality"]["winners"], json!([6]));
    assert_eq!(v["borda"]["winners"], json!([6]));
    assert_eq!(v["irv"]["winners"], json!([6]));
    assert_eq!(v["schulze"]["winners"], json!([3]));
    assert_eq!(v["kemeny"]["winners"], json!([3]));
    assert_eq!(v["condorcet_winner"], Value::Null);
}

#[test]
fn ties_in_the_data_are_reported_as_ties() {
    let (_, v) = rank("00007-00000052.toc");
    assert_eq!(v["condorcet_winner"], Value::Null);
    assert_eq!(v["schulze"]["winners"], json!([6, 7]));
    // The last IRV round is a tie, so both win.
    assert_eq!(v["irv"]["winners"], json!([6, 7]));
    let rounds = v["irv"]["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.last().map(|r| &r["tallies"]), Some(&json!({"6": 90, "7": 90})));
    let (_, v) = rank("00007-00000019.soi");
    assert_eq!(v["condorcet_winner"], Value::Null);
}

#[test]
fn malformed_files_get_their_line_number() {
    let bad = Scratch::new("bad.soi", "# NUMBER ALTERNATIVES: 3\n5: 1,2\n2: 1,{2,3\n");
    let o = run(&["rank", bad.path()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{}: line 3: a '{{' is not closed", bad.path())), "{err}");
    let bad = Scratch::new("bad.soc", "# NUMBER ALTERNATIVES: 3\n5: 1,2,3\n2: 3,1\n");
    let err = String::from_utf8_lossy(&run(&["rank", bad.path()]).stderr).into_owned();
    assert!(err.contains("line 3: a .soc file holds complete orders, but this ballot ranks 2"), "{err}");
    let bad = Scratch::new("out.toc", "# NUMBER ALTERNATIVES: 2\n1: 2,1\n1: 3,{1,2}\n");
    let err = String::from_utf8_lossy(&run(&["rank", bad.path()]).stderr).into_owned();
    assert!(err.contains("line 3: there is no option 3: the file has 2 options"), "{err}");
}

#[test]
fn other_files_are_refused_clearly() {
    let o = run(&["rank", "Cargo.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a PrefLib file"));
    let o = run(&["rank", "tests/fixtures/preflib/no-such-file.soc"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
    let empty = Scratch::new("empty.soi", "# NUMBER ALTERNATIVES: 2\n");
    let err = String::from_utf8_lossy(&run(&["rank", empty.path()]).stderr).into_owned();
    assert!(err.contains("the file holds no ballots"), "{err}");
}

/// Table records (files and codes) for one ordering worksheet: one ballot per table.
#[test]
fn rank_reads_table_records_and_codes() {
    let def = dialogue_kit::core::parse::parse_definition(dialogue_kit::DEFAULT_DAY).unwrap();
    let dir = std::env::temp_dir().join(format!("dk-rank-tables-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let models = ["resource", "labour", "personal_reflection", "infrastructure"];
    let orders: [[usize; 4]; 3] = [[2, 3, 0, 1], [2, 0, 3, 1], [3, 2, 0, 1]];
    let mut files = Vec::new();
    for (t, order) in orders.iter().enumerate() {
        let mut r = dialogue_kit::core::record::Record::new_table(
            &def,
            "rank-test",
            t as u32 + 1,
            &format!("{:016x}", t + 1),
            "en",
            1_700_000_000,
        );
        let order = order.iter().map(|&i| models[i].into()).collect();
        r.answers.insert("data_models_order".into(), dialogue_kit::core::answers::Answer::Order(order));
        let path = dir.join(format!("table{t}.json"));
        if t < 2 {
            std::fs::write(&path, r.to_json()).unwrap();
        } else {
            // The third table's record arrives as a code in a chat transcript.
            let code = dialogue_kit::core::code::encode(&r, &def).unwrap();
            std::fs::write(&path, format!("10:02 From table 3: {code}\n")).unwrap();
        }
        files.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["rank"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ballots"], 3);
    assert_eq!(v["kemeny"]["order"], json!(["personal_reflection", "infrastructure", "resource", "labour"]));
    assert_eq!(v["plurality"]["winners"], json!(["personal_reflection"]));
    assert_eq!(v["condorcet_winner"], "personal_reflection");
    // A worksheet nobody answered, named explicitly, is a clear error.
    let mut args = vec!["rank", "--worksheet", "unesco_actions_order"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("no table record answers worksheet 'unesco_actions_order'")
    );
}
