//! The Frictionless Data Package descriptor (`datapackage.json`): the types it is written from.
//!
//! Each CSV writer names its columns as [`Field`]s, and the same list gives both the CSV header
//! and the resource's `schema.fields`, so the descriptor always names every column in the order
//! written. Field order in the JSON is the order of the struct fields here (no maps), so the
//! descriptor is the same bytes on every device.

use serde::Serialize;

/// A column's Table Schema type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Type {
    String,
    Integer,
    Datetime,
}

/// What values a column may hold (Table Schema `constraints`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub(crate) struct Constraints {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<u64>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Constraints {
    fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// One column (Table Schema field descriptor).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Type,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "Constraints::is_empty")]
    pub constraints: Constraints,
}

impl Field {
    /// A column without constraints.
    pub fn new(name: impl Into<String>, kind: Type, description: impl Into<String>) -> Field {
        Field {
            name: name.into(),
            kind,
            description: description.into(),
            constraints: Constraints::default(),
        }
    }

    /// The same column, never empty.
    pub fn required(mut self) -> Field {
        self.constraints.required = true;
        self
    }

    /// The same column, holding one of `values` (or nothing).
    pub fn one_of(mut self, values: Vec<String>) -> Field {
        self.constraints.values = Some(values);
        self
    }

    /// The same column, holding a whole number in `min..=max` (or nothing).
    pub fn between(mut self, min: u64, max: u64) -> Field {
        self.constraints.minimum = Some(min);
        self.constraints.maximum = Some(max);
        self
    }

    /// The same column, every value matching `pattern` (XML Schema syntax: the whole value).
    pub fn pattern(mut self, pattern: &'static str) -> Field {
        self.constraints.pattern = Some(pattern);
        self
    }
}

/// A resource's Table Schema.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Schema {
    pub fields: Vec<Field>,
    #[serde(rename = "missingValues")]
    pub missing_values: [&'static str; 1],
    #[serde(rename = "primaryKey", skip_serializing_if = "Vec::is_empty")]
    pub primary_key: Vec<&'static str>,
}

/// The CSV dialect of every file (CSV Dialect spec).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Dialect {
    pub delimiter: &'static str,
    #[serde(rename = "lineTerminator")]
    pub line_terminator: &'static str,
    #[serde(rename = "quoteChar")]
    pub quote_char: &'static str,
    #[serde(rename = "doubleQuote")]
    pub double_quote: bool,
    pub header: bool,
}

/// The dialect [`super::csv_writer`] writes.
pub(crate) const DIALECT: Dialect =
    Dialect { delimiter: ",", line_terminator: "\n", quote_char: "\"", double_quote: true, header: true };

/// One CSV file of the package (Tabular Data Resource).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Resource {
    pub profile: &'static str,
    pub name: &'static str,
    pub path: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub format: &'static str,
    pub mediatype: &'static str,
    pub encoding: &'static str,
    pub dialect: Dialect,
    pub schema: Schema,
}

impl Resource {
    /// The CSV resource `name` (`name.csv`) with these columns and primary key.
    pub fn csv(
        name: &'static str,
        path: &'static str,
        title: &'static str,
        description: &'static str,
        fields: Vec<Field>,
        primary_key: Vec<&'static str>,
    ) -> Resource {
        Resource {
            profile: "tabular-data-resource",
            name,
            path,
            title,
            description,
            format: "csv",
            mediatype: "text/csv",
            encoding: "utf-8",
            dialect: DIALECT,
            schema: Schema { fields, missing_values: [""], primary_key },
        }
    }
}

/// The questionnaire the data answers (id, version, content hash).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Questionnaire {
    pub id: String,
    pub version: String,
    pub hash: String,
    pub title: String,
}

/// The whole `datapackage.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Package {
    pub profile: &'static str,
    pub name: String,
    pub title: String,
    pub description: String,
    pub questionnaire: Questionnaire,
    pub resources: Vec<Resource>,
}

impl Package {
    /// Pretty JSON and a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
