//! Tests of the UN member list: completeness, uniqueness, group sizes, the special cases.
use super::*;
use std::collections::HashSet;

fn count(group: RegionalGroup) -> usize {
    COUNTRIES.iter().filter(|c| c.group == group).count()
}

#[test]
fn has_exactly_193_entries() {
    assert_eq!(COUNTRIES.len(), 193);
}

#[test]
fn codes_are_unique_uppercase_alpha3() {
    let mut seen = HashSet::new();
    for c in &COUNTRIES {
        assert_eq!(c.code.len(), 3, "{}", c.code);
        assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.code);
        assert!(seen.insert(c.code), "duplicate code {}", c.code);
    }
}

#[test]
fn names_are_unique_and_non_empty() {
    let mut seen = HashSet::new();
    for c in &COUNTRIES {
        assert!(!c.name.is_empty());
        assert_eq!(c.name.trim(), c.name);
        assert!(seen.insert(c.name), "duplicate name {}", c.name);
    }
}

#[test]
fn sorted_by_name_ignoring_case_and_accents() {
    fn key(name: &str) -> String {
        name.chars()
            .map(|ch| match ch {
                'ô' => 'o',
                'ü' => 'u',
                'é' => 'e',
                other => other.to_ascii_lowercase(),
            })
            .collect()
    }
    for pair in COUNTRIES.windows(2) {
        assert!(key(pair[0].name) < key(pair[1].name), "{} / {}", pair[0].name, pair[1].name);
    }
}

#[test]
fn per_group_counts() {
    // UN figures: African 54, Asia-Pacific 53 without Kiribati and Türkiye, EEG 23,
    // GRULAC 33, WEOG 28 members including Türkiye and Israel, plus the United States.
    assert_eq!(count(RegionalGroup::African), 54);
    assert_eq!(count(RegionalGroup::AsiaPacific), 54); // 53 + Kiribati
    assert_eq!(count(RegionalGroup::EasternEuropean), 23);
    assert_eq!(count(RegionalGroup::Grulac), 33);
    assert_eq!(count(RegionalGroup::Weog), 29); // 28 + United States
    let total: usize = RegionalGroup::ALL.iter().map(|&g| count(g)).sum();
    assert_eq!(total, 193);
}

#[test]
fn spot_checks() {
    let cases = [
        ("BRA", RegionalGroup::Grulac),
        ("DEU", RegionalGroup::Weog),
        ("POL", RegionalGroup::EasternEuropean),
        ("NGA", RegionalGroup::African),
        ("JPN", RegionalGroup::AsiaPacific),
        ("USA", RegionalGroup::Weog),
        ("TUR", RegionalGroup::Weog),
        ("ISR", RegionalGroup::Weog),
        ("KIR", RegionalGroup::AsiaPacific),
        ("SSD", RegionalGroup::African),
        ("RUS", RegionalGroup::EasternEuropean),
        ("PRT", RegionalGroup::Weog),
        ("SGP", RegionalGroup::AsiaPacific),
    ];
    for (code, group) in cases {
        assert_eq!(group_of(code), Some(group), "{code}");
    }
}

#[test]
fn lookups_ignore_case() {
    assert_eq!(by_code("deu").map(|c| c.name), Some("Germany"));
    assert_eq!(by_code("Tur").map(|c| c.name), Some("Türkiye"));
    assert_eq!(index_of("afg"), Some(0));
    assert_eq!(index_of("ZWE"), Some(192));
    assert_eq!(group_of("kir"), Some(RegionalGroup::AsiaPacific));
    for (i, c) in COUNTRIES.iter().enumerate() {
        assert_eq!(index_of(c.code), Some(i));
        assert_eq!(by_code(&c.code.to_ascii_lowercase()), Some(c));
    }
}

#[test]
fn unknown_codes_are_none() {
    for code in ["XXX", "", "DE", "DEUT", "EU", "PSE", "VAT"] {
        assert_eq!(by_code(code), None, "{code}");
        assert_eq!(index_of(code), None, "{code}");
        assert_eq!(group_of(code), None, "{code}");
    }
}

#[test]
fn serde_uses_the_ids() {
    for g in RegionalGroup::ALL {
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(json, format!("\"{}\"", g.id()));
        assert_eq!(serde_json::from_str::<RegionalGroup>(&json).unwrap(), g);
    }
}

#[test]
fn group_ids_round_trip() {
    for g in RegionalGroup::ALL {
        assert_eq!(RegionalGroup::from_id(g.id()), Some(g));
        assert!(!g.name().is_empty() && !g.short().is_empty());
    }
    assert_eq!(RegionalGroup::from_id("WEOG"), None);
    assert_eq!(RegionalGroup::from_id("asia-pacific"), None);
}
