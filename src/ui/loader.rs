//! Loads the day's definition the deployment names (`assets/day.json`), falling back to the
//! copy kept from the last visit when the network fails. Shared by every page that needs it.

use crate::core::definition::Definition;
use crate::core::parse::parse_definition;
use crate::ui::{browser, storage};

/// Where the day's definition is, relative to the page.
pub const DEFINITION_URL: &str = "assets/day.json";

/// Why there is no definition to work with.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Could not be fetched, and no copy was kept.
    Unreachable(String),
    /// Fetched but not a valid definition: every problem, for the organiser.
    Invalid(Vec<String>),
}

/// Fetches, parses and keeps a copy of the definition.
pub async fn load_definition() -> Result<Definition, LoadError> {
    let text = match browser::fetch_text(DEFINITION_URL).await {
        Ok(t) => t,
        Err(e) => storage::load_definition().ok_or(LoadError::Unreachable(e))?,
    };
    match parse_definition(&text) {
        Ok(def) => {
            storage::save_definition(&text);
            Ok(def)
        }
        Err(problems) => Err(LoadError::Invalid(problems.iter().map(ToString::to_string).collect())),
    }
}
