//! Tests of the package as a whole: the zip and its files, a descriptor that names every column
//! in the order written and whose types and constraints the data meets, and the same bytes
//! whatever the order of the records (a property test).

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::core::sample::{self, Rng, Spec};
use crate::core::time;

fn sample_day(seed: u64, participants: usize) -> (Definition, Vec<Record>) {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let records = sample::day(&def, &Spec { seed, participants, events: 3, table_size: 5, text: true });
    (def, records)
}

const NAMES: [&str; 6] = [DESCRIPTOR, RECORDS, PARTICIPANTS, PARTICIPANTS_WIDE, WORKSHEETS, CODEBOOK];

#[test]
fn the_zip_opens_and_holds_the_documented_files() {
    let (def, records) = sample_day(1, 60);
    let files = data_package(&def, &records);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, NAMES);
    let zipped = zip_files(&files);
    // The streaming zip is the same bytes.
    assert_eq!(data_package_zip(&def, &records), zipped);
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(&zipped)).unwrap();
    assert_eq!(archive.len(), files.len());
    for (i, (name, bytes)) in files.iter().enumerate() {
        let mut entry = archive.by_index(i).unwrap();
        assert_eq!(entry.name().unwrap(), name.as_str());
        assert_eq!(entry.compression(), ::zip::CompressionMethod::Deflated);
        assert_eq!(entry.last_modified(), Some(::zip::DateTime::default()));
        assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o644));
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut back).unwrap();
        assert_eq!(&back, bytes, "{name}");
        // UTF-8, no byte-order mark.
        assert!(std::str::from_utf8(bytes).is_ok() && !bytes.starts_with(b"\xEF\xBB\xBF"), "{name}");
    }
    // Deflate on these tables: the zip is a fraction of the files.
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    assert!(zipped.len() * 4 < total, "{} of {total}", zipped.len());
}

#[test]
fn zip_files_takes_any_files() {
    assert!(::zip::ZipArchive::new(std::io::Cursor::new(zip_files(&[]))).unwrap().is_empty());
    let files = vec![("b/x.txt".to_string(), b"hello".to_vec()), ("a.txt".to_string(), Vec::new())];
    let zipped = zip_files(&files);
    assert_eq!(zip_files(&files), zipped);
    let archive = ::zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    assert_eq!(archive.len(), 2);
    assert_eq!(
        (0..2).map(|i| archive.name_for_index(i).unwrap().unwrap().to_string()).collect::<Vec<_>>(),
        ["b/x.txt", "a.txt"]
    );
}

/// The descriptor's resources as (path, field names, field descriptors).
fn resources(descriptor: &Value) -> Vec<(String, Vec<Value>)> {
    descriptor["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["schema"]["fields"].as_array().unwrap().clone()))
        .collect()
}

#[test]
fn the_descriptor_names_every_column_in_the_order_written() {
    let (def, records) = sample_day(2, 50);
    let files = data_package(&def, &records);
    let d: Value = serde_json::from_str(file(&files, DESCRIPTOR)).unwrap();
    assert_eq!(d["profile"], "tabular-data-package");
    assert_eq!(d["name"], def.id.as_str());
    assert_eq!(d["questionnaire"]["id"], def.id.as_str());
    assert_eq!(d["questionnaire"]["version"], def.version.as_str());
    assert_eq!(d["questionnaire"]["hash"], def.hash.as_str());
    let paths: Vec<String> = resources(&d).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, NAMES[1..]);
    for r in d["resources"].as_array().unwrap() {
        assert_eq!(r["profile"], "tabular-data-resource");
        assert_eq!(r["format"], "csv");
        assert_eq!(r["encoding"], "utf-8");
        assert_eq!(r["schema"]["missingValues"], serde_json::json!([""]));
        assert_eq!(r["dialect"]["lineTerminator"], "\n");
    }
    let keys: Vec<&Value> =
        d["resources"].as_array().unwrap().iter().map(|r| &r["schema"]["primaryKey"]).collect();
    assert_eq!(keys[0], &serde_json::json!(["kind", "respondent"]));
    assert_eq!(keys[2], &serde_json::json!(["respondent"]));
    for (path, fields) in resources(&d) {
        let header = &read(file(&files, &path))[0];
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(header, &names, "{path}");
        for f in &fields {
            let t = f["type"].as_str().unwrap();
            assert!(["string", "integer", "datetime"].contains(&t), "{path} {f}");
        }
    }
}

/// Does `value` (not empty) fit field descriptor `f`?
fn fits(f: &Value, value: &str) -> bool {
    let c = &f["constraints"];
    let typed = match f["type"].as_str().unwrap() {
        "integer" => value.parse::<i64>().is_ok_and(|n| {
            c["minimum"].as_i64().is_none_or(|m| n >= m) && c["maximum"].as_i64().is_none_or(|m| n <= m)
        }),
        "datetime" => time::parse_rfc3339(value).is_some(),
        _ => true,
    };
    let listed = c["enum"].as_array().is_none_or(|values| values.iter().any(|v| v == value));
    let hex = c["pattern"].is_null() || (value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit()));
    typed && listed && hex
}

#[test]
fn every_value_fits_its_declared_type_and_constraints() {
    let (def, records) = sample_day(3, 120);
    let files = data_package(&def, &records);
    let d: Value = serde_json::from_str(file(&files, DESCRIPTOR)).unwrap();
    for (path, fields) in resources(&d) {
        let lines = read(file(&files, &path));
        assert!(lines.len() > 1, "{path} has rows");
        for line in &lines[1..] {
            assert_eq!(line.len(), fields.len(), "{path}");
            for (f, value) in fields.iter().zip(line) {
                if value.is_empty() {
                    assert!(f["constraints"]["required"].is_null(), "{path}: {} is required", f["name"]);
                } else {
                    assert!(fits(f, value), "{path}: {value:?} does not fit {f}");
                }
            }
        }
    }
}

#[test]
fn a_respondent_is_one_row_whatever_versions_come_in() {
    let def = kinds();
    let old = participant(&def, "00000000000000aa", vec![("score", Answer::Number(1))]);
    let mut new = participant(&def, "00000000000000aa", vec![("score", Answer::Number(2))]);
    new.updated_at = "2020-10-10T10:00:00Z".into();
    let mut tie = participant(&def, "00000000000000aa", vec![("score", Answer::Number(3))]);
    tie.updated_at = new.updated_at.clone();
    let kept = if crate::core::dataset::digest(&tie, &def) > crate::core::dataset::digest(&new, &def) {
        "3"
    } else {
        "2"
    };
    for records in [vec![old.clone(), new.clone(), tie.clone()], vec![tie, new.clone(), old, new]] {
        let files = data_package(&def, &records);
        let long = read(file(&files, PARTICIPANTS));
        assert_eq!(long[1..], rows(&[&["00000000000000aa", "score", "", kept, ""]])[..]);
        assert_eq!(read(file(&files, RECORDS)).len(), 2);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn same_bytes_whatever_the_order_of_the_records(seed in any::<u64>(), shuffle in any::<u64>(), copies in 0usize..4) {
        let (def, records) = sample_day(seed, 24);
        let mut mixed = records.clone();
        // Some records handed in twice, and a conflicting later version of one.
        mixed.extend(records.iter().take(copies).cloned());
        let mut later = records[0].clone();
        later.updated_at = time::format_rfc3339(time::parse_rfc3339(&later.updated_at).unwrap() + 60);
        later.answers.clear();
        mixed.push(later.clone());
        Rng::new(shuffle).shuffle(&mut mixed);
        let mut expected = records.clone();
        expected[0] = later;
        let zipped = data_package_zip(&def, &mixed);
        prop_assert!(zipped == data_package_zip(&def, &expected));
        prop_assert!(zipped == zip_files(&data_package(&def, &mixed)));
    }
}
