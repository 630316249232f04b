//! JSON Schemas for the six formats integrators exchange with this crate: the case, the
//! assessment, the rule set, the catalogue, the contact directory and the batch record.
//!
//! The schemas are generated from the Rust types (schemars 1.x, JSON Schema draft 2020-12),
//! so titles and descriptions are the types' doc comments. They are committed under
//! `schemas/`; a test fails when they drift from the code, and another validates every bundled
//! document against them and checks that what a schema rejects, the library rejects too.
//!
//! A schema describes structure and limits. Some rules need the catalogue or the whole
//! document and are checked only by the library: whether an indicator id exists, conflicting
//! observations, duplicate JSON keys, contradictory age fields, a rule set's weights out of
//! order (each weight's bounds are in the schema).

use schemars::{JsonSchema, Schema, generate::SchemaSettings};

use crate::assessment::Assessment;
use crate::case::Case;
use crate::catalogue::CatalogueDocument;
use crate::interop::batch::BatchRecord;
use crate::policy::contacts::ContactDirectory;
use crate::policy::rule_set::RuleSet;

/// The version of the exchange formats the schemas describe. It changes when a format
/// changes incompatibly (major), compatibly (minor), or only in its documentation (patch).
pub const SCHEMA_VERSION: &str = "4.9.0";

/// One exported schema.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaFile {
    /// The file name, e.g. `case.schema.json`.
    pub file_name: &'static str,
    /// The schema document.
    pub schema: serde_json::Value,
}

impl SchemaFile {
    /// The schema as the committed file holds it: indented JSON and a final newline.
    pub fn to_file_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Whether a schema describes documents the crate reads or documents it writes.
#[derive(Clone, Copy)]
enum Direction {
    /// Read by the crate (cases, rule sets, catalogues): optional fields may be omitted.
    Input,
    /// Written by the crate (assessments): describes exactly what is serialized.
    Output,
}

fn schema_of<T: JsonSchema>(name: &str, direction: Direction) -> serde_json::Value {
    let settings = SchemaSettings::draft2020_12();
    let settings = match direction {
        Direction::Input => settings.for_deserialize(),
        Direction::Output => settings.for_serialize(),
    };
    let generator = settings.into_generator();
    let schema: Schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "$id".to_owned(),
            format!("urn:trafficking-indicators:schema:{name}:{SCHEMA_VERSION}").into(),
        );
        object.insert("x-schema-version".to_owned(), SCHEMA_VERSION.into());
    }
    value
}

/// The six schemas, in a fixed order: case, assessment, rule set, catalogue, contact
/// directory, batch record.
///
/// # Example
///
/// ```
/// use trafficking_indicators::interop::schema::{SCHEMA_VERSION, schemas};
///
/// for file in schemas() {
///     // Write each next to your integration: std::fs::write(file.file_name, file.to_file_text())
///     assert_eq!(file.schema["x-schema-version"], SCHEMA_VERSION);
/// }
/// ```
pub fn schemas() -> Vec<SchemaFile> {
    vec![
        SchemaFile {
            file_name: "case.schema.json",
            schema: schema_of::<Case>("case", Direction::Input),
        },
        SchemaFile {
            file_name: "assessment.schema.json",
            schema: schema_of::<Assessment>("assessment", Direction::Output),
        },
        SchemaFile {
            file_name: "rule_set.schema.json",
            schema: schema_of::<RuleSet>("rule_set", Direction::Input),
        },
        SchemaFile {
            file_name: "catalogue.schema.json",
            schema: schema_of::<CatalogueDocument>("catalogue", Direction::Input),
        },
        SchemaFile {
            file_name: "contact_directory.schema.json",
            schema: schema_of::<ContactDirectory>("contact_directory", Direction::Input),
        },
        SchemaFile {
            file_name: "batch_record.schema.json",
            schema: schema_of::<BatchRecord>("batch_record", Direction::Output),
        },
    ]
}
