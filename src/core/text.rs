//! Ids and multilingual texts: the two small types every part of a definition is made of.
//!
//! Ids are newtypes so that a question id can never be passed where an option id is meant.
//! A [`Text`] holds one string per language; English is always present (the parser checks it)
//! and stands in for any missing translation, so a reader never sees a bare key.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The language every definition must be complete in, and the fallback for all others.
pub const FALLBACK_LANGUAGE: &str = "en";

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the definition.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// A session of the day (`s3-data`).
    SessionId
);
id_type!(
    /// A question, unique across the whole definition (`confidence_actors`).
    QuestionId
);
id_type!(
    /// An option of a choice, ordering or scale, unique within its question (`agree`).
    OptionId
);
id_type!(
    /// An item (row) of a grid question, unique within its question (`research`).
    ItemId
);

/// Is `s` a valid id: 1 to 64 of `a-z 0-9 _ -`, starting with a letter or digit?
pub fn is_valid_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
}

/// A text in several languages, keyed by language tag (`en`, `pt`, `zh-Hans`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// An English-only text.
    pub fn en(s: &str) -> Text {
        let mut m = BTreeMap::new();
        m.insert(FALLBACK_LANGUAGE.to_string(), s.to_string());
        Text(m)
    }

    /// The text in `lang`, else in English, else in any language, else empty.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(FALLBACK_LANGUAGE))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("s1-profile"));
        assert!(is_valid_id("16_17"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("Agree"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn text_falls_back_to_english() {
        let mut t = Text::en("Agree");
        t.0.insert("fr".into(), "D'accord".into());
        assert_eq!(t.get("fr"), "D'accord");
        assert_eq!(t.get("pt"), "Agree");
        assert_eq!(Text::default().get("en"), "");
    }
}
