//! The JSON Schemas: committed files equal the generated ones, every bundled document
//! validates, and what a schema rejects the library rejects too.

use proptest::prelude::*;
use serde_json::{Value, json};
use trafficking_indicators::interop::schema::{SCHEMA_VERSION, schemas};
use trafficking_indicators::{Case, Catalogue, RuleSet, assess};

use crate::common::root;

fn committed(name: &str) -> Value {
    let text = std::fs::read_to_string(root(&format!("schemas/{name}"))).expect("committed schema");
    serde_json::from_str(&text).expect("schema JSON")
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&committed(name)).expect("a valid JSON Schema")
}

fn json_files(dir: &str) -> Vec<(String, Value)> {
    crate::common::json_files_in(dir)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (
                p.display().to_string(),
                serde_json::from_str(&text).expect("JSON"),
            )
        })
        .collect()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for file in schemas() {
        let path = root(&format!("schemas/{}", file.file_name));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == file.to_file_text(),
            "{} drifted from the code: run `cargo run --example export_schema`",
            file.file_name
        );
    }
    assert_eq!(schemas().len(), 7);
}

#[test]
fn schemas_have_titles_descriptions_and_a_version() {
    for file in schemas() {
        let s = &file.schema;
        assert!(s["title"].is_string(), "{}", file.file_name);
        assert!(s["description"].is_string(), "{}", file.file_name);
        assert_eq!(s["x-schema-version"], SCHEMA_VERSION);
        assert!(
            s["$id"]
                .as_str()
                .is_some_and(|id| id.ends_with(SCHEMA_VERSION))
        );
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
    let case = committed("case.schema.json");
    assert!(case["properties"]["observations"]["description"].is_string());
}

#[test]
fn every_bundled_document_validates_against_its_schema() {
    let case = validator("case.schema.json");
    let assessment = validator("assessment.schema.json");
    let rule_set = validator("rule_set.schema.json");
    let catalogue = validator("catalogue.schema.json");
    let contacts = validator("contact_directory.schema.json");
    let mut checked = 0;
    for (id, path) in trafficking_indicators::policy::ContactDirectory::builtin_files() {
        let text = std::fs::read_to_string(crate::common::root(path)).expect(id);
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(errors(&contacts, &doc), Vec::<String>::new(), "{path}");
        checked += 1;
    }
    for (path, doc) in json_files("examples/cases") {
        assert_eq!(errors(&case, &doc), Vec::<String>::new(), "{path}");
        let a = assess(&Case::from_json(&doc.to_string()).expect("case")).expect("assessment");
        let out: Value = serde_json::from_str(&a.to_json()).expect("JSON");
        assert_eq!(
            errors(&assessment, &out),
            Vec::<String>::new(),
            "assessment of {path}"
        );
        checked += 2;
    }
    for (path, doc) in json_files("tests/cases") {
        if doc["expected"].get("error").is_some() {
            // A case the library must reject; the schema may reject it too.
            continue;
        }
        assert_eq!(errors(&case, &doc["case"]), Vec::<String>::new(), "{path}");
        checked += 1;
    }
    for (path, text) in RuleSet::builtin_files() {
        let doc: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(errors(&rule_set, &doc), Vec::<String>::new(), "{path}");
        checked += 1;
    }
    for (path, text) in Catalogue::builtin_files() {
        let doc: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(errors(&catalogue, &doc), Vec::<String>::new(), "{path}");
        checked += 1;
    }
    // The examples' own documents, each against its format's schema; a new file there must be
    // listed here (five_mistakes.json is invalid on purpose: the rule-set example of errors).
    for (path, doc) in json_files("examples/rule_sets") {
        let schema = match path.rsplit('/').next().unwrap_or("") {
            "strict_screening.json" => &rule_set,
            "national_list.json" | "kr_national_list_example.json" => &catalogue,
            "kr_national_list_case.json" => &case,
            "five_mistakes.json" => continue,
            other => panic!("examples/rule_sets/{other}: say which schema it follows"),
        };
        assert_eq!(errors(schema, &doc), Vec::<String>::new(), "{path}");
        checked += 1;
    }
    let whole: Value =
        serde_json::to_value(Catalogue::builtin().to_document()).expect("catalogue JSON");
    assert_eq!(
        errors(&catalogue, &whole),
        Vec::<String>::new(),
        "merged catalogue"
    );
    assert!(checked >= 20, "{checked}");
}

/// What `assess --format json --lang` prints (`Assessment::with_prose`) validates against its
/// schema, in both languages, for every bundled case; and every assessment names the schema
/// version it follows.
#[test]
fn every_assessment_with_prose_validates_and_names_its_schema_version() {
    use trafficking_indicators::render::Locale;
    let schema = validator("assessment_with_prose.schema.json");
    let mut checked = 0;
    for (path, doc) in json_files("examples/cases") {
        let a = assess(&Case::from_json(&doc.to_string()).expect("case")).expect("assessment");
        for locale in [Locale::En, Locale::Ko] {
            let both = serde_json::to_value(a.with_prose(locale)).expect("JSON");
            assert_eq!(errors(&schema, &both), Vec::<String>::new(), "{path}");
            assert_eq!(both["assessment"]["schema_version"], SCHEMA_VERSION);
            assert_eq!(both["prose"]["locale"], locale.tag());
            checked += 1;
        }
    }
    assert!(checked >= 16, "{checked}");
    // A version of another shape is refused: the field is a version, not free text.
    let assessment = validator("assessment.schema.json");
    let a = assess(&Case::default()).expect("assessment");
    let mut out: Value = serde_json::from_str(&a.to_json()).expect("JSON");
    assert_eq!(out["schema_version"], SCHEMA_VERSION);
    out["schema_version"] = json!("latest");
    assert!(!errors(&assessment, &out).is_empty());
}

/// Resolves a local `$ref` once.
fn resolved<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => &root["$defs"][name],
        None => schema,
    }
}

/// Walks an output document with its schema: for every object the schema describes by
/// `properties`, a property the document writes must not hold its declared default (the
/// crate leaves a field out exactly when it has that value); each that does is pushed to
/// `found`. Returns how many properties with a default were seen written.
fn never_writes_a_default(
    doc: &Value,
    schema: &Value,
    root: &Value,
    at: &str,
    found: &mut Vec<String>,
) -> usize {
    let schema = resolved(schema, root);
    let mut seen = 0;
    if let Some(branches) = schema["anyOf"].as_array().or(schema["oneOf"].as_array()) {
        // The branch an object follows: the first whose properties name all its fields
        // (only objects have properties to check; a value of another kind has none).
        let fits = |b: &&Value| {
            let b = resolved(b, root);
            doc.as_object().is_some_and(|o| {
                b["properties"]
                    .as_object()
                    .is_some_and(|p| o.keys().all(|k| p.contains_key(k)))
            })
        };
        return match branches.iter().find(fits) {
            Some(b) => never_writes_a_default(doc, resolved(b, root), root, at, found),
            None => 0,
        };
    }
    match doc {
        Value::Object(fields) => {
            for (name, value) in fields {
                let property = &schema["properties"][name];
                if let Some(declared) = property.get("default") {
                    if value == declared {
                        found.push(format!("{at}.{name}"));
                    }
                    seen += 1;
                }
                let sub = if property.is_null() {
                    &schema["additionalProperties"]
                } else {
                    property
                };
                seen += never_writes_a_default(value, sub, root, &format!("{at}.{name}"), found);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{at}[{i}]");
                seen += never_writes_a_default(item, &schema["items"], root, &at, found);
            }
        }
        _ => {}
    }
    seen
}

/// In the schemas of output, every property the crate may leave out says what leaving it out
/// means (`default`), and no assessment of a data or bundled case writes a property with its
/// default value: "absent" and the default mean the same.
#[test]
fn output_schemas_declare_what_a_left_out_field_means() {
    fn missing(schema: &Value, at: &str, out: &mut Vec<String>) {
        match schema {
            Value::Object(o) => {
                if let Some(Value::Object(properties)) = o.get("properties") {
                    let required: Vec<&str> = o
                        .get("required")
                        .and_then(Value::as_array)
                        .map(|r| r.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    for (name, p) in properties {
                        if !required.contains(&name.as_str()) && p.get("default").is_none() {
                            out.push(format!("{at}.{name}"));
                        }
                    }
                }
                for (k, v) in o {
                    missing(v, &format!("{at}/{k}"), out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| missing(v, at, out)),
            _ => {}
        }
    }
    for name in [
        "assessment.schema.json",
        "batch_record.schema.json",
        "assessment_with_prose.schema.json",
    ] {
        let mut out = Vec::new();
        missing(&committed(name), "", &mut out);
        // A batch error's path is left out when the error names no field: a string when
        // written, so `null` would not be its value.
        out.retain(|p| p != "/$defs/RecordError.path");
        assert_eq!(
            out,
            Vec::<String>::new(),
            "{name}: a left-out field without a default"
        );
    }
    let schema = committed("assessment.schema.json");
    let mut seen = 0;
    let mut cases: Vec<(String, Value, Option<String>)> = json_files("examples/cases")
        .into_iter()
        .map(|(p, d)| (p, d, None))
        .collect();
    for (path, doc) in json_files("tests/cases") {
        if doc["expected"].get("error").is_none() {
            let rule_set = doc["rule_set"].as_str().map(str::to_owned);
            cases.push((path, doc["case"].clone(), rule_set));
        }
    }
    for (path, case, rule_set) in &cases {
        let assessor = trafficking_indicators::Assessor::builtin(
            rule_set
                .as_deref()
                .unwrap_or(trafficking_indicators::DEFAULT_RULE_SET),
        )
        .expect("built-in rule set");
        let Ok(case) = Case::from_json(&case.to_string()) else {
            continue;
        };
        let Ok(a) = assessor.assess(&case) else {
            continue;
        };
        let out: Value = serde_json::from_str(&a.to_json()).expect("JSON");
        let mut found = Vec::new();
        seen += never_writes_a_default(&out, &schema, &schema, path, &mut found);
        assert_eq!(
            found,
            Vec::<String>::new(),
            "written with its default: leave it out"
        );
    }
    // Most assessments write some optional field (for_child, counted, contacts, ...).
    assert!(seen > 500, "{seen}");
    // The walk finds a default written, at the top and deep in a recommendation.
    let text = std::fs::read_to_string(root("examples/cases/early_interview.json"));
    let a = assess(&Case::from_json(&text.expect("case file")).expect("case")).expect("a");
    let mut out: Value = serde_json::from_str(&a.to_json()).expect("JSON");
    out["contacts"] = json!([]);
    out["recommendations"][0]["for_child"] = json!(false);
    let mut found = Vec::new();
    never_writes_a_default(&out, &schema, &schema, "$", &mut found);
    assert_eq!(found, ["$.contacts", "$.recommendations[0].for_child"]);
}

/// Three hand-made invalid case documents: both the schema and the library reject each.
#[test]
fn schema_and_library_agree_on_invalid_cases() {
    let case = validator("case.schema.json");
    let invalid = [
        // A status that is not one of the three.
        json!({"observations": [{"indicator": "withholding_of_wages", "status": "yes"}]}),
        // An unknown field (a typo of `observations`).
        json!({"observation": [{"indicator": "withholding_of_wages", "status": "present"}]}),
        // An age outside the accepted range, and an id that is not a snake_case token.
        json!({"subject": {"age_years": 200}, "observations": [{"indicator": "Withholding Wages", "status": "present"}]}),
        // A measure outside the closed set, and one listed twice.
        json!({"measures": ["deportation"]}),
        json!({"measures": ["detention", "detention"]}),
        // A sector outside the closed set; nationality that is not a boolean.
        json!({"sector": "fishing"}),
        json!({"subject": {"national": "yes"}}),
    ];
    for doc in invalid {
        assert!(!case.is_valid(&doc), "schema accepts {doc}");
        let lib = Case::from_json(&doc.to_string()).and_then(|c| assess(&c));
        assert!(lib.is_err(), "library accepts {doc}");
    }
}

/// Mutations of a valid case: whenever the schema rejects one, so does the library.
fn mutated() -> impl Strategy<Value = Value> {
    let base = json!({
        "case_reference": "NGO-1",
        "subject": {"age_years": 30, "disability": false},
        "forms": ["labour"],
        "observations": [
            {"indicator": "withholding_of_wages", "status": "present", "source": "document", "note": "n"},
            {"indicator": "debt_bondage_at_destination", "status": "absent"}
        ],
        "offences": [{"kind": "irregular_stay", "stage": "charged"}]
    });
    let pointers = vec![
        "/case_reference",
        "/subject",
        "/subject/age_years",
        "/subject/minor",
        "/subject/disability",
        "/forms",
        "/forms/0",
        "/observations",
        "/observations/0",
        "/observations/0/indicator",
        "/observations/0/status",
        "/observations/0/source",
        "/observations/0/note",
        "/observations/1/status",
        "/offences",
        "/offences/0",
        "/offences/0/kind",
        "/offences/0/stage",
    ];
    let values = vec![
        json!(null),
        json!(true),
        json!(-1),
        json!(17),
        json!(1.5),
        json!(131),
        json!("present"),
        json!("Present"),
        json!("x".repeat(5000)),
        json!("labour"),
        json!("nope"),
        json!([]),
        json!({}),
        json!(["labour", "labour"]),
        json!({"extra": 1}),
        json!("withholding_of_wages"),
    ];
    (
        proptest::sample::select(pointers),
        proptest::sample::select(values),
        any::<bool>(),
    )
        .prop_map(move |(pointer, value, add_unknown)| {
            let mut doc = base.clone();
            if let Some(slot) = doc.pointer_mut(pointer) {
                *slot = value;
            }
            if add_unknown && let Some(obj) = doc.as_object_mut() {
                obj.insert("unknown".into(), json!(1));
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn what_the_schema_rejects_the_library_rejects(doc in mutated()) {
        let case = validator("case.schema.json");
        if !case.is_valid(&doc) {
            let lib = Case::from_json(&doc.to_string()).and_then(|c| assess(&c));
            prop_assert!(lib.is_err(), "the schema rejects but the library accepts {}", doc);
        }
        // Whatever the error, its English is its `Display` and its Korean has no English left
        // (a part of a message without its Korean would show here).
        if let Err(e) = Case::from_json(&doc.to_string()).and_then(|c| assess(&c)) {
            use trafficking_indicators::render::Locale;
            prop_assert_eq!(e.message_in(Locale::En), e.to_string());
            let korean = e.message_in(Locale::Ko);
            prop_assert_eq!(crate::common::english_left_in(&korean), None, "{}", korean);
        }
    }
}

/// Every record the batch writes, assessed or not, validates against the batch record schema
/// (the writer writes the bytes itself, so this is what ties it to the schema); a record with
/// a field the schema does not define does not.
#[test]
fn every_batch_record_validates_against_its_schema() {
    use trafficking_indicators::Assessor;
    use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};
    let v = validator("batch_record.schema.json");
    let long = format!(r#"{{"case_reference": "{}"}}"#, "x".repeat(1_100_000));
    let mut input = Vec::new();
    for line in [
        r#"{"subject": {"age_years": 30}, "observations": [{"indicator": "withholding_of_wages", "status": "present"}]}"#,
        r#"{"subject": {"age_years": "thirty"}}"#,
        r#"{"observations": [ {"indicator": "#,
        "",
        r#"{"forms": ["sexual"], "observations": [{"indicator": "confiscation_of_documents_at_destination", "status": "present", "source": "document"}]}"#,
        &long,
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"\xff\xfe not UTF-8\n");
    for rule_set in ["ilo-2009", "kr-2024", "kr-2023"] {
        let assessor = Assessor::builtin(rule_set).expect("built-in");
        let mut out = Vec::new();
        assess_jsonl(assessor, input.as_slice(), &mut out, &BatchOptions::new()).expect("runs");
        let records: Vec<Value> = String::from_utf8(out)
            .expect("UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON record"))
            .collect();
        let kinds: Vec<&str> = records
            .iter()
            .map(|r| r["error"]["kind"].as_str().unwrap_or("assessed"))
            .collect();
        assert_eq!(
            kinds,
            ["assessed", "case", "case", "assessed", "line", "line"],
            "{rule_set}"
        );
        for record in &records {
            assert_eq!(errors(&v, record), Vec::<String>::new(), "{record}");
        }
        let mut extra = records[1].clone();
        extra["error"]["value"] = json!("a value from the case");
        assert!(!errors(&v, &extra).is_empty());
        let mut zero = records[0].clone();
        zero["line"] = json!(0);
        assert!(!errors(&v, &zero).is_empty());
    }
}

/// Every string, array and number of a document, as JSON pointers, one per generalised path
/// (array indices as `*`), with the mutations to try there: a text emptied, blank, far too
/// long; a list emptied; a number made zero, negative or far too large (a weight of 0 or
/// less, or above the score's cap, was accepted by the rule set schema until 4.8.0).
fn mutation_points(
    v: &Value,
    path: &str,
    seen: &mut std::collections::BTreeSet<String>,
    out: &mut Vec<(String, Value)>,
) {
    let general: String = path
        .split('/')
        .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
        .collect::<Vec<_>>()
        .join("/");
    match v {
        Value::String(_) if seen.insert(format!("{general} string")) => {
            out.push((path.to_owned(), json!("")));
            out.push((path.to_owned(), json!(" ")));
            out.push((path.to_owned(), json!("x".repeat(5000))));
        }
        Value::Number(_) if seen.insert(format!("{general} number")) => {
            out.push((path.to_owned(), json!(0)));
            out.push((path.to_owned(), json!(-5)));
            out.push((path.to_owned(), json!(1000)));
        }
        Value::Array(items) => {
            if seen.insert(format!("{general} array")) {
                out.push((path.to_owned(), json!([])));
            }
            for (i, x) in items.iter().enumerate() {
                mutation_points(x, &format!("{path}/{i}"), seen, out);
            }
        }
        Value::Object(fields) => {
            for (k, x) in fields {
                mutation_points(x, &format!("{path}/{k}"), seen, out);
            }
        }
        _ => {}
    }
}

/// A JSON pointer as the library writes a problem's path: `/a/0/b` under `root` is
/// `root.a[0].b`.
fn problem_path(root: &str, pointer: &str) -> String {
    let mut out = root.to_owned();
    for part in pointer.split('/').skip(1) {
        if part.parse::<usize>().is_ok() {
            out.push_str(&format!("[{part}]"));
        } else {
            out.push('.');
            out.push_str(part);
        }
    }
    out
}

/// Whether a problem at `found` names the place `at`: the place itself, something inside it,
/// or an element enclosing it (a condition that names nothing is reported at the condition),
/// but not the document as a whole.
fn names(found: &str, at: &str, root: &str) -> bool {
    let inside = |outer: &str, inner: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    inside(at, found) || (found != root && inside(found, at))
}

/// Checks every mutation of `doc` (at places not already seen): where the schema rejects it,
/// the library reports a problem naming the place. And every text whose length the schema
/// bounds (it rejects 5,000 characters there), filled with Korean up to the largest of the
/// schemas' bounds it accepts there: the library reports nothing at that place, so a length
/// is counted in characters as the schema counts it, not in bytes. Returns how many
/// mutations the schema rejected.
fn agree(
    name: &str,
    doc: &Value,
    schema: &jsonschema::Validator,
    root: &str,
    seen: &mut std::collections::BTreeSet<String>,
    library: impl Fn(&Value) -> Result<Vec<trafficking_indicators::Problem>, String>,
) -> usize {
    assert!(schema.is_valid(doc), "{name}: {:?}", errors(schema, doc));
    assert_eq!(library(doc), Ok(Vec::new()), "{name}");
    let mut points = Vec::new();
    mutation_points(doc, "", seen, &mut points);
    let with = |pointer: &str, value: &Value| {
        let mut mutated = doc.clone();
        if let Some(slot) = mutated.pointer_mut(pointer) {
            *slot = value.clone();
        }
        mutated
    };
    let mut rejected = 0;
    for (pointer, value) in &points {
        let mutated = with(pointer, value);
        if schema.is_valid(&mutated) {
            continue;
        }
        rejected += 1;
        let at = problem_path(root, pointer);
        match library(&mutated) {
            // A document that does not parse into the types is rejected as a whole.
            Err(_) => {}
            Ok(problems) => assert!(
                problems.iter().any(|p| names(&p.path, &at, root)),
                "{name}: the schema rejects a change at {at}, the library reports {problems:?}"
            ),
        }
        if value.as_str().is_some_and(|t| t.len() == 5000) {
            let korean = [4000, 2000, 1000, 500, 300, 200, 64]
                .into_iter()
                .map(|n| json!("가".repeat(n)))
                .map(|text| with(pointer, &text))
                .find(|mutated| schema.is_valid(mutated));
            if let Some(mutated) = korean {
                let problems = library(&mutated).unwrap_or_default();
                assert!(
                    !problems.iter().any(|p| p.path == at),
                    "{name}: the schema accepts Korean text at {at} as long as it is, the library reports {problems:?}"
                );
            }
        }
    }
    rejected
}

/// Each text and list of the bundled rule sets and of a catalogue extension (with every
/// optional text filled in first), emptied, made blank, made far too long, or filled with
/// Korean text up to each bound, one at a time: whatever the schema rejects, the library
/// rejects too, naming the place; a length the schema accepts, the library accepts. (The
/// library rejects more: a required text of spaces only, and what needs the catalogue or the
/// whole document, such as an unknown reference, an offence without a link or a context
/// condition that names nothing.)
#[test]
fn what_the_rule_set_and_catalogue_schemas_reject_the_library_rejects() {
    let catalogue = Catalogue::builtin();
    let rule_set_schema = validator("rule_set.schema.json");
    let rule_set = |doc: &Value| {
        RuleSet::from_json(&doc.to_string())
            .map(|rules| trafficking_indicators::validate(&rules, &catalogue))
            .map_err(|e| e.to_string())
    };
    let mut rejected = 0;
    // The three rule sets share most of their shape: each place is tried once.
    let mut seen = std::collections::BTreeSet::new();
    for (name, mut doc) in json_files("data/rule_sets") {
        // An optional part the bundled rule sets leave out: a strength override.
        let source = doc_first_reference(&doc);
        if let Some(rules) = doc.as_object_mut() {
            rules.insert(
                "strength_overrides".into(),
                json!([{
                    "indicator": "withholding_of_wages",
                    "strength": "strong",
                    "basis": {
                        "sources": [source],
                        "verification": "project_judgement",
                        "rationale": "A test override."
                    }
                }]),
            );
        }
        rejected += agree(&name, &doc, &rule_set_schema, "$", &mut seen, rule_set);
    }
    let extension_schema = validator("catalogue.schema.json");
    let file = "examples/rule_sets/kr_national_list_example.json";
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(root(file)).expect("readable"))
            .expect("JSON");
    // The optional texts the example leaves out: a question in both registers, a reference's
    // address, quote and jurisdiction.
    for (pointer, value) in [
        ("/entries/0/question", json!("What happened?")),
        ("/entries/0/question_child", json!("What happened?")),
        ("/references/0/url", json!("https://example.org/")),
        ("/references/0/quote", json!("A quote.")),
        ("/references/0/jurisdiction", json!("KR")),
    ] {
        let (parent, field) = pointer.rsplit_once('/').expect("a field");
        if let Some(object) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
            object.insert(field.to_owned(), value);
        }
    }
    let extension = |doc: &Value| match catalogue.extend_from_json(&doc.to_string()) {
        Ok(_) => Ok(Vec::new()),
        Err(trafficking_indicators::CatalogueError::Invalid(problems)) => {
            Ok(problems.as_slice().to_vec())
        }
        Err(e) => Err(e.to_string()),
    };
    let mut seen = std::collections::BTreeSet::new();
    rejected += agree(file, &doc, &extension_schema, "$[0]", &mut seen, extension);
    assert!(rejected >= 300, "{rejected}");
}

/// The contact directory's texts, ids and numbers, each emptied, made blank, made far too long
/// or filled with Korean up to its bound, one at a time: whatever the schema rejects, the
/// library rejects too, naming the place; a length the schema accepts, the library accepts.
/// Until the thirty-fourth session the library checked no upper length, nor the directory's
/// id, jurisdiction or description.
#[test]
fn what_the_contact_directory_schema_rejects_the_library_rejects() {
    use trafficking_indicators::ContactDirectoryError;
    use trafficking_indicators::policy::ContactDirectory;
    let schema = validator("contact_directory.schema.json");
    let library = |doc: &Value| match ContactDirectory::from_json(&doc.to_string()) {
        Ok(_) => Ok(Vec::new()),
        Err(ContactDirectoryError::Invalid(problems)) => Ok(problems.as_slice().to_vec()),
        Err(e) => Err(e.to_string()),
    };
    let mut rejected = 0;
    let mut seen = std::collections::BTreeSet::new();
    for (id, path) in ContactDirectory::builtin_files() {
        let text = std::fs::read_to_string(root(path)).expect(id);
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        rejected += agree(path, &doc, &schema, "$", &mut seen, library);
    }
    assert!(rejected >= 40, "{rejected}");
}

/// Each field the contact directory schema bounds, one value over the bound at a time: both
/// the schema and the library reject it, the library with the field's path and without the
/// value; at the bound both accept it.
#[test]
fn the_contact_directory_is_checked_as_its_schema_has_it() {
    use trafficking_indicators::policy::ContactDirectory;
    let schema = validator("contact_directory.schema.json");
    let base = crate::common::data_json("data/contacts/kr.json");
    // The first contact with a number, a legal basis and an address of its source.
    let with_all = base["contacts"]
        .as_array()
        .and_then(|c| {
            c.iter().position(|c| {
                c.get("number").is_some()
                    && c.get("legal_basis").is_some()
                    && c["source"].get("url").is_some()
            })
        })
        .expect("a contact with a number, a legal basis and an address");
    let c = format!("/contacts/{with_all}");
    let at = format!("$.contacts[{with_all}]");
    let set = |pointer: &str, value: Value| {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).expect("a field of kr.json") = value;
        doc
    };
    let korean = |n: usize| json!("가".repeat(n));
    let cases: Vec<(String, Value, Value, String)> = vec![
        // (pointer, a value over the bound, a value at it, the path named)
        (
            "/id".into(),
            json!("Kim Younghee's agency!"),
            json!("kr-busan-ngo"),
            "$.id".into(),
        ),
        (
            "/id".into(),
            json!("k".repeat(65)),
            json!("k".repeat(64)),
            "$.id".into(),
        ),
        (
            "/jurisdiction".into(),
            json!("Korea"),
            json!("JP"),
            "$.jurisdiction".into(),
        ),
        (
            "/jurisdiction".into(),
            json!("kr"),
            json!("KR"),
            "$.jurisdiction".into(),
        ),
        (
            "/description".into(),
            json!(""),
            json!("d"),
            "$.description".into(),
        ),
        (
            "/description".into(),
            korean(2001),
            korean(2000),
            "$.description".into(),
        ),
        (
            format!("{c}/name"),
            korean(201),
            korean(200),
            format!("{at}.name"),
        ),
        (
            format!("{c}/name_en"),
            json!("N".repeat(201)),
            json!("N".repeat(200)),
            format!("{at}.name_en"),
        ),
        (
            format!("{c}/reach"),
            korean(501),
            korean(500),
            format!("{at}.reach"),
        ),
        (
            format!("{c}/purpose"),
            korean(501),
            korean(500),
            format!("{at}.purpose"),
        ),
        (
            format!("{c}/source/title"),
            korean(501),
            korean(500),
            format!("{at}.source.title"),
        ),
        (
            format!("{c}/source/url"),
            json!("u".repeat(501)),
            json!("u".repeat(500)),
            format!("{at}.source.url"),
        ),
        (
            format!("{c}/legal_basis"),
            korean(301),
            korean(300),
            format!("{at}.legal_basis"),
        ),
        (
            format!("{c}/number"),
            json!("1"),
            json!("12"),
            format!("{at}.number"),
        ),
        (
            format!("{c}/number"),
            json!("+1"),
            json!("+12"),
            format!("{at}.number"),
        ),
        (
            format!("{c}/number"),
            json!("1".repeat(21)),
            json!("1".repeat(20)),
            format!("{at}.number"),
        ),
    ];
    for (pointer, over, at_bound, path) in cases {
        let doc = set(&pointer, over.clone());
        assert!(!schema.is_valid(&doc), "{pointer}: the schema accepts it");
        let e = ContactDirectory::from_json(&doc.to_string()).expect_err(&pointer);
        let problems = e.problems();
        assert_eq!(
            problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            [path.as_str()],
            "{pointer}"
        );
        let shown = e.to_string();
        if let Some(value) = over.as_str().filter(|v| v.len() > 1) {
            assert!(!shown.contains(value), "{pointer}: {shown}");
        }
        let doc = set(&pointer, at_bound);
        assert!(
            schema.is_valid(&doc),
            "{pointer}: {:?}",
            errors(&schema, &doc)
        );
        assert!(
            ContactDirectory::from_json(&doc.to_string()).is_ok(),
            "{pointer}: at the bound"
        );
    }
}

/// The weights are bounded alike by the rule set schema and the library: more than 0 and at
/// most the score's cap, 100 (until schema 4.8.0 the schema took any number, and a policy
/// editor validating with it alone accepted a rule set `Assessor::new` refuses). Their order
/// (strong at least medium at least weak) is the library's check only.
#[test]
fn the_rule_set_schema_bounds_the_weights_as_the_library_does() {
    let catalogue = Catalogue::builtin();
    let schema = validator("rule_set.schema.json");
    let (_, base) = json_files("data/rule_sets")
        .into_iter()
        .next()
        .expect("a rule set");
    let with = |weights: [f64; 3]| {
        let mut doc = base.clone();
        for (name, w) in ["strong", "medium", "weak"].into_iter().zip(weights) {
            doc["weights"][name] = json!(w);
        }
        doc
    };
    let library = |doc: &Value| -> Vec<String> {
        let rules = RuleSet::from_json(&doc.to_string()).expect("parses");
        trafficking_indicators::validate(&rules, &catalogue)
            .iter()
            .map(|p| p.path.clone())
            .collect()
    };
    for (i, name) in ["strong", "medium", "weak"].into_iter().enumerate() {
        for bad in [0.0, -0.0, -5.0, 100.5, 1000.0] {
            // The others as they are, in order: only this weight is wrong.
            let mut weights = [100.0, 50.0, 0.5];
            weights[i] = bad;
            let doc = with(weights);
            assert!(
                !schema.is_valid(&doc),
                "{name} = {bad}: the schema accepts it"
            );
            let at = format!("$.weights.{name}");
            assert!(
                library(&doc).contains(&at),
                "{name} = {bad}: {:?}",
                library(&doc)
            );
        }
    }
    for good in [[100.0, 100.0, 100.0], [100.0, 50.0, 1e-9]] {
        let doc = with(good);
        assert!(
            schema.is_valid(&doc),
            "{good:?}: {:?}",
            errors(&schema, &doc)
        );
        assert!(library(&doc).is_empty(), "{good:?}: {:?}", library(&doc));
    }
    // Out of order: the library alone refuses it.
    let doc = with([1.0, 2.0, 3.0]);
    assert!(schema.is_valid(&doc));
    assert_eq!(library(&doc), vec!["$.weights".to_owned()]);
}

/// The first reference id of a rule set document.
fn doc_first_reference(doc: &Value) -> Value {
    doc.pointer("/references/0/id")
        .cloned()
        .unwrap_or(Value::Null)
}

/// A date the schemas refuse the library refuses, and the other way round: a rule set's
/// `effective_date` and a contact's `checked` are calendar dates written `YYYY-MM-DD` in ASCII
/// digits (the schemas said `\d`, which Python's and other engines read as any script's digits,
/// and checked no month or day: an integrator's review, fortieth session). With format
/// checking on, as a validator that checks `date` does.
#[test]
fn a_date_is_a_calendar_date_for_the_schemas_as_for_the_library() {
    use trafficking_indicators::ContactDirectoryError;
    use trafficking_indicators::policy::ContactDirectory;
    let strict = |name: &str| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(&committed(name))
            .expect("a valid JSON Schema")
    };
    let rule_schema = strict("rule_set.schema.json");
    let contact_schema = strict("contact_directory.schema.json");
    let catalogue = Catalogue::builtin();
    let (_, rule_set) = json_files("data/rule_sets")
        .into_iter()
        .next()
        .expect("a rule set");
    let (_, directory) = ContactDirectory::builtin_files()
        .next()
        .map(|(id, path)| {
            let text = std::fs::read_to_string(root(path)).expect(id);
            (id, serde_json::from_str::<Value>(&text).expect("JSON"))
        })
        .expect("a directory");
    assert!(directory.pointer("/contacts/0/checked").is_some());
    for (date, valid) in [
        ("2024-02-29", true),
        ("2023-01-01", true),
        ("2023-02-29", false),
        ("2024-13-45", false),
        ("2024-04-31", false),
        ("２０２４-０１-０１", false),
        ("٢٠٢٤-٠١-٠١", false),
        ("2024-1-01", false),
    ] {
        let mut doc = rule_set.clone();
        doc["effective_date"] = json!(date);
        assert_eq!(
            rule_schema.is_valid(&doc),
            valid,
            "schema, rule set, {date}"
        );
        let rules = RuleSet::from_json(&doc.to_string()).expect("parses");
        let problems: Vec<String> = trafficking_indicators::validate(&rules, &catalogue)
            .iter()
            .map(|p| p.path.clone())
            .collect();
        assert_eq!(
            !problems.contains(&"$.effective_date".to_owned()),
            valid,
            "library, rule set, {date}: {problems:?}"
        );
        let mut doc = directory.clone();
        doc["contacts"][0]["checked"] = json!(date);
        assert_eq!(
            contact_schema.is_valid(&doc),
            valid,
            "schema, directory, {date}"
        );
        let library = match ContactDirectory::from_json(&doc.to_string()) {
            Ok(_) => true,
            Err(ContactDirectoryError::Invalid(problems)) => !problems
                .as_slice()
                .iter()
                .any(|p| p.path.ends_with(".checked")),
            Err(e) => panic!("{date}: {e}"),
        };
        assert_eq!(library, valid, "library, directory, {date}");
    }
}

/// An interview's question listed as asked twice: the case schema refuses it (`uniqueItems`,
/// since 5.6.0), as the library does.
#[test]
fn a_question_asked_twice_is_refused_by_the_schema_as_by_the_library() {
    let schema = validator("case.schema.json");
    let case = json!({
        "observations": [
            { "indicator": "deceived_about_wages", "status": "absent" }
        ],
        "interview": { "asked": ["deceived_about_wages", "deceived_about_wages"] }
    });
    assert!(!schema.is_valid(&case));
    assert!(Case::from_json(&case.to_string()).is_err());
    let once = json!({
        "observations": [
            { "indicator": "deceived_about_wages", "status": "absent" }
        ],
        "interview": { "asked": ["deceived_about_wages"] }
    });
    assert!(schema.is_valid(&once), "{:?}", errors(&schema, &once));
    assert!(Case::from_json(&once.to_string()).is_ok());
}
