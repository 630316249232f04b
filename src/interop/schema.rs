//! JSON Schemas for the seven formats integrators exchange with this crate: the case, the
//! assessment, the rule set, the catalogue, the contact directory, the batch record and the
//! assessment with its texts in one language.
//!
//! The schemas are generated from the Rust types (schemars 1.x, JSON Schema draft 2020-12),
//! so titles and descriptions are the types' doc comments. They are committed under
//! `schemas/`; a test fails when they drift from the code, and another validates every bundled
//! document against them and checks that what a schema rejects, the library rejects too.
//!
//! A schema describes structure and limits. Some rules need the catalogue or the whole
//! document and are checked only by the library: whether an indicator id exists, conflicting
//! observations, duplicate JSON keys, contradictory age fields, a national recorded with a
//! removal or a refusal of entry, a rule set's weights out of order (each weight's bounds are
//! in the schema).

use schemars::{JsonSchema, Schema, generate::SchemaSettings};

use crate::assessment::Assessment;
use crate::case::Case;
use crate::catalogue::CatalogueDocument;
use crate::interop::batch::BatchRecord;
use crate::policy::contacts::ContactDirectory;
use crate::policy::rule_set::RuleSet;
use crate::render::report::AssessmentWithProse;

/// The version of the exchange formats the schemas describe (defined with the shared
/// vocabulary, since every assessment carries it).
pub use crate::model::vocabulary::SCHEMA_VERSION;

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
    if let Direction::Output = direction {
        let defs = value.get("$defs").cloned().unwrap_or_default();
        declare_defaults(&mut value, &defs);
    }
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "$id".to_owned(),
            format!("urn:trafficking-indicators:schema:{name}:{SCHEMA_VERSION}").into(),
        );
        object.insert("x-schema-version".to_owned(), SCHEMA_VERSION.into());
    }
    value
}

/// In a schema of output, gives every property the crate may leave out its `default`: what
/// leaving it out means. The crate leaves out a field only when it is false, empty or null
/// (`skip_serializing_if` with `Not::not`, `is_empty` or `Option::is_none`), so a boolean's
/// default is `false`, an array's `[]` and a nullable value's `null`; a property left out on
/// another condition declares its default on the field (`recorded`: 1). Code generators
/// (pydantic, json-schema-to-typescript) then give `false` and `[]` rather than "undefined".
/// A test checks that no property is left without one (but a batch error's `path`, a string
/// when written and left out when the error names no field), and that the crate never writes
/// a property whose value is its default.
fn declare_defaults(schema: &mut serde_json::Value, defs: &serde_json::Value) {
    use serde_json::Value;
    if let Value::Object(object) = schema {
        let required: Vec<String> = object
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|k| k.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            for (name, property) in properties.iter_mut() {
                if required.contains(name) {
                    continue;
                }
                if let Value::Object(p) = property
                    && !p.contains_key("default")
                    && let Some(default) = left_out_means(p, defs)
                {
                    p.insert("default".to_owned(), default);
                }
            }
        }
        // Into the places that hold schemas, never into other keywords' values (a
        // property named `required` or `items` is a schema's name, not a keyword).
        for (keyword, value) in object.iter_mut() {
            match (keyword.as_str(), value) {
                ("properties" | "$defs", Value::Object(schemas)) => {
                    for schema in schemas.values_mut() {
                        declare_defaults(schema, defs);
                    }
                }
                ("anyOf" | "oneOf" | "allOf" | "prefixItems", Value::Array(schemas)) => {
                    for schema in schemas {
                        declare_defaults(schema, defs);
                    }
                }
                ("items" | "additionalProperties" | "not", schema) => {
                    declare_defaults(schema, defs);
                }
                _ => {}
            }
        }
    }
}

/// What a left-out property of this schema means: `false`, `[]` or `null` by its type (a
/// local `$ref` followed once); `None` for any other type.
fn left_out_means(
    property: &serde_json::Map<String, serde_json::Value>,
    defs: &serde_json::Value,
) -> Option<serde_json::Value> {
    use serde_json::Value;
    let target = property
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .and_then(|name| defs.get(name))
        .and_then(Value::as_object)
        .unwrap_or(property);
    let types: Vec<&str> = match target.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let null_branch = target
        .get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|branches| {
            branches
                .iter()
                .any(|b| b.get("type") == Some(&"null".into()))
        });
    if types.contains(&"null") || null_branch {
        Some(Value::Null)
    } else if types == ["boolean"] {
        Some(Value::Bool(false))
    } else if types == ["array"] {
        Some(Value::Array(Vec::new()))
    } else {
        None
    }
}

/// The seven schemas, in a fixed order: case, assessment, rule set, catalogue, contact
/// directory, batch record, assessment with prose.
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
        SchemaFile {
            file_name: "assessment_with_prose.schema.json",
            schema: schema_of::<AssessmentWithProse<'static>>(
                "assessment_with_prose",
                Direction::Output,
            ),
        },
    ]
}
