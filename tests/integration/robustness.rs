//! No panics on any input: arbitrary text and JSON through parse and assess, arbitrary rule
//! set mutations through parse, validate and assess.

use proptest::prelude::*;
use serde_json::Value;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, assess, validate};

pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        proptest::sample::select(vec![
            "present",
            "absent",
            "not_assessed",
            "labour",
            "sexual",
            "irregular_stay",
            "charged",
            "withholding_of_wages",
            "confiscation_of_documents_at_destination",
            "self_report",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "case_reference",
                    "subject",
                    "age_years",
                    "minor",
                    "disability",
                    "forms",
                    "observations",
                    "indicator",
                    "status",
                    "source",
                    "note",
                    "offences",
                    "kind",
                    "stage",
                    "other",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        if let Ok(case) = Case::from_json(&text) {
            let _ = assess(&case);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let text = value.to_string();
        if let Ok(case) = Case::from_json(&text) {
            let _ = assess(&case);
            // What parses re-serializes and re-parses to the same case.
            prop_assert_eq!(Case::from_json(&case.to_json_pretty()).ok(), Some(case));
        }
    }

    #[test]
    fn arbitrary_rule_set_mutations_never_panic(
        pointer_pick in any::<proptest::sample::Index>(),
        value in json_value(),
    ) {
        let (_, text) = RuleSet::builtin_files().next().expect("a built-in rule set");
        let mut doc: Value = serde_json::from_str(text).expect("JSON");
        let mut pointers = Vec::new();
        collect_pointers(&doc, String::new(), &mut pointers);
        let pointer = pointer_pick.get(&pointers).clone();
        if let Some(slot) = doc.pointer_mut(&pointer) {
            *slot = value;
        }
        if let Ok(rules) = RuleSet::from_json(&doc.to_string()) {
            let catalogue = Catalogue::builtin();
            let problems = validate(&rules, &catalogue);
            match Assessor::new(rules, catalogue) {
                Ok(assessor) => {
                    prop_assert!(problems.is_empty());
                    let case = Case::from_json(include_str!("../../examples/cases/entertainment_visa_bar.json")).expect("case");
                    let _ = assessor.assess(&case);
                }
                Err(_) => prop_assert!(!problems.is_empty()),
            }
        }
    }
}

pub(crate) fn collect_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                collect_pointers(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                collect_pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Editors on Windows write a UTF-8 byte-order mark: every text input accepts one. UTF-16
/// text gets an error that says so.
#[test]
fn a_byte_order_mark_is_accepted_and_utf16_is_named() {
    use trafficking_indicators::{Catalogue, RuleSet};
    let case = r#"{"subject": {"age_years": 30}}"#;
    assert!(trafficking_indicators::Case::from_json(&format!("\u{feff}{case}")).is_ok());
    // Saved again by a second tool, a file can carry two marks: still UTF-8, not UTF-16.
    assert!(trafficking_indicators::Case::from_json(&format!("\u{feff}\u{feff}{case}")).is_ok());
    let utf16: String = case.chars().flat_map(|c| [c, '\0']).collect();
    let e = trafficking_indicators::Case::from_json(&utf16).expect_err("UTF-16");
    assert!(e.to_string().contains("UTF-16"), "{e}");
    let (_, rules) = RuleSet::builtin_files().next().expect("a rule set");
    assert!(RuleSet::from_json(&format!("\u{feff}{rules}")).is_ok());
    let e = RuleSet::from_json("{\0\"\0").expect_err("UTF-16");
    assert!(e.to_string().contains("UTF-16"), "{e}");
    let extension =
        std::fs::read_to_string(crate::common::root("examples/rule_sets/national_list.json"))
            .expect("file");
    assert!(
        Catalogue::builtin()
            .extend_from_json(&format!("\u{feff}{extension}"))
            .is_ok()
    );
    let e = Catalogue::builtin()
        .extend_from_json("\0{")
        .expect_err("UTF-16");
    assert!(e.to_string().contains("UTF-16"), "{e}");
    // A batch line with a byte-order mark (the first line of a file written on Windows).
    let input = format!("\u{feff}{case}\n");
    let mut out = Vec::new();
    let summary = trafficking_indicators::interop::batch::assess_jsonl(
        trafficking_indicators::Assessor::default_builtin(),
        input.as_bytes(),
        &mut out,
        &trafficking_indicators::interop::batch::BatchOptions::new(),
    )
    .expect("runs");
    assert_eq!(summary.assessed, 1, "{}", String::from_utf8_lossy(&out));
    // A CTDC header as Excel's "CSV UTF-8" writes it, with a mark; and one in UTF-16 (as
    // "Unicode text" writes it), each field read as UTF-8, NUL bytes between the letters.
    use trafficking_indicators::interop::ctdc::{CtdcError, CtdcHeader};
    let mut names = CtdcHeader::required_columns();
    let marked = format!("\u{feff}{}", names[0]);
    names[0] = &marked;
    assert!(CtdcHeader::from_fields(&names).is_ok());
    let utf16: Vec<String> = CtdcHeader::required_columns()
        .iter()
        .map(|n| n.chars().flat_map(|c| [c, '\0']).collect())
        .collect();
    let e = CtdcHeader::from_fields(&utf16).expect_err("UTF-16");
    assert_eq!(e, CtdcError::Utf16);
    assert!(e.to_string().contains("UTF-16"), "{e}");
}

/// A JSON array where a rule set or a catalogue has an object (serde's derive takes a struct's
/// fields in order) is refused with the line and column of the array, as the schemas say.
#[test]
fn an_array_for_an_object_is_refused_in_rule_sets_and_catalogues() {
    use trafficking_indicators::{Catalogue, CatalogueError, RuleSet, RuleSetError};
    let (_, rules) = RuleSet::builtin_files().next().expect("a rule set");
    let mut doc: serde_json::Value = serde_json::from_str(rules).expect("JSON");
    let weights = doc["weights"].clone();
    doc["weights"] = serde_json::json!([
        weights["strong"],
        weights["medium"],
        weights["weak"],
        weights["basis"]
    ]);
    let text = serde_json::to_string_pretty(&doc).expect("text");
    match RuleSet::from_json(&text) {
        Err(RuleSetError::Parse { message, line, .. }) => {
            assert_eq!(message, "invalid type: sequence, expected an object");
            let array_line = text
                .lines()
                .position(|l| l.trim_start().starts_with("\"weights\": ["))
                .expect("the weights line")
                + 1;
            // serde_json gives the position just after the bracket: its line, or the next
            // token's when the array is written over several lines.
            assert!((array_line..=array_line + 1).contains(&line), "{line}");
        }
        other => panic!("{other:?}"),
    }

    let extension =
        std::fs::read_to_string(crate::common::root("examples/rule_sets/national_list.json"))
            .expect("file");
    let mut doc: serde_json::Value = serde_json::from_str(&extension).expect("JSON");
    let entry = doc["entries"][0]["provenance"].clone();
    let as_array: Vec<serde_json::Value> = entry
        .as_object()
        .expect("provenance is an object")
        .values()
        .cloned()
        .collect();
    doc["entries"][0]["provenance"] = serde_json::Value::Array(as_array);
    let e = Catalogue::builtin()
        .extend_from_json(&doc.to_string())
        .expect_err("an array for the provenance");
    assert!(
        matches!(&e, CatalogueError::Parse { message, .. } if message == "invalid type: sequence, expected an object"),
        "{e}"
    );
}

/// Every object of every bundled policy document (the rule sets, the catalogue files, the
/// question priors), replaced in turn by an array of its values in field order, is refused:
/// serde's derive alone takes most of them. This guards the strict reader against a type that
/// would reopen the hole (serde's untagged or internally tagged enums and `flatten` buffer
/// their content past it).
#[test]
fn no_object_of_a_bundled_document_may_be_written_as_an_array() {
    use serde_json::Value;
    use trafficking_indicators::catalogue::QuestionPriors;
    use trafficking_indicators::{CatalogueDocument, RuleSet};

    /// The JSON pointer of every object below the root.
    fn objects(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if !at.is_empty() {
                    out.push(at.clone());
                }
                for (k, x) in m {
                    objects(
                        x,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    objects(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    type Reader = fn(&str) -> bool;
    let mut documents: Vec<(String, String, Reader)> = Vec::new();
    for (id, text) in RuleSet::builtin_files() {
        documents.push((id.to_owned(), text.to_owned(), |t| {
            RuleSet::from_json(t).is_ok()
        }));
    }
    for name in ["ilo_ec_2009", "korea_context", "palermo", "unodc"] {
        let text =
            std::fs::read_to_string(crate::common::root(&format!("data/catalogue/{name}.json")))
                .expect("catalogue file");
        documents.push((name.to_owned(), text, |t| {
            CatalogueDocument::from_json(t).is_ok()
        }));
    }
    let priors = std::fs::read_to_string(crate::common::root(
        "data/priors/ctdc_means_of_control_by_type.json",
    ))
    .expect("priors");
    documents.push(("priors".to_owned(), priors, |t| {
        QuestionPriors::from_json(t).is_ok()
    }));

    let mut tried = 0;
    for (name, text, reads) in documents {
        assert!(reads(&text), "{name} reads as it is");
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        let mut pointers = Vec::new();
        objects(&doc, String::new(), &mut pointers);
        // The large catalogue files: every fifth object, whose kinds repeat entry by entry.
        let step = if pointers.len() > 400 { 5 } else { 1 };
        for pointer in pointers.iter().step_by(step) {
            let mut mutated = doc.clone();
            let Some(slot) = mutated.pointer_mut(pointer) else {
                continue;
            };
            let values: Vec<Value> = slot
                .as_object()
                .map(|m| m.values().cloned().collect())
                .unwrap_or_default();
            *slot = Value::Array(values);
            assert!(
                !reads(&mutated.to_string()),
                "{name}: the object at {pointer} was taken as an array"
            );
            tried += 1;
        }
    }
    assert!(tried > 300, "{tried}");
}

/// A UTF-16 file ("Unicode" in Notepad, either byte order) that a program decoded with
/// `String::from_utf8_lossy` before handing it over starts with two replacement characters
/// (its byte-order mark) and has its first NUL at byte 7 (6 in big-endian); decoded as
/// Latin-1, it starts with `ÿþ`. Every document reader names UTF-16 for it, as for the bytes
/// themselves, where until the thirty-fourth session it gave a syntax error at line 1, column 1
/// (only bytes 0 and 1 were looked at).
#[test]
fn utf16_decoded_before_it_reaches_a_reader_is_named_utf16() {
    use trafficking_indicators::CaseError;
    use trafficking_indicators::catalogue::{CatalogueDocument, QuestionPriors};
    use trafficking_indicators::policy::ContactDirectory;
    use trafficking_indicators::render::LocaleTexts;

    let read = |path: &str| std::fs::read_to_string(crate::common::root(path)).expect("a file");
    let documents = [
        (
            "case",
            r#"{"subject": {"age_years": 30}, "forms": ["labour"]}"#.to_owned(),
        ),
        ("rule set", read("data/rule_sets/kr-2024.json")),
        (
            "catalogue extension",
            read("examples/rule_sets/national_list.json"),
        ),
        ("contact directory", read("data/contacts/kr.json")),
        (
            "priors",
            read("data/priors/ctdc_means_of_control_by_type.json"),
        ),
        ("locale", read("data/locales/en.json")),
    ];
    // What each reader says of a text (`None`: it was read).
    let error = |kind: &str, text: &str| -> Option<String> {
        match kind {
            "case" => Case::from_json(text).err().map(|e| {
                assert!(matches!(e, CaseError::Utf16), "{e:?}");
                e.to_string()
            }),
            "rule set" => RuleSet::from_json(text).err().map(|e| e.to_string()),
            "catalogue extension" => Catalogue::builtin()
                .extend_from_json(text)
                .err()
                .map(|e| e.to_string()),
            "catalogue document" => CatalogueDocument::from_json(text)
                .err()
                .map(|e| e.to_string()),
            "contact directory" => ContactDirectory::from_json(text)
                .err()
                .map(|e| e.to_string()),
            "priors" => QuestionPriors::from_json(text).err().map(|e| e.to_string()),
            "locale" => LocaleTexts::from_json(text).err().map(|e| e.to_string()),
            _ => unreachable!(),
        }
    };
    for (kind, text) in &documents {
        // Read as UTF-8, each document is valid.
        assert_eq!(error(kind, text), None, "{kind}");
        for big_endian in [false, true] {
            let bytes = crate::common::utf16_file(text, big_endian);
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            assert!(lossy.starts_with("\u{fffd}\u{fffd}"));
            let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
            for decoded in [&lossy, &latin1, &format!("\u{feff}{lossy}")] {
                let message =
                    error(kind, decoded).unwrap_or_else(|| panic!("{kind}: UTF-16 was read"));
                assert!(
                    message.contains("UTF-16"),
                    "{kind}, {big_endian}: {message}"
                );
            }
        }
    }
}
