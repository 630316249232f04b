//! Every documented limit, exceeded, gives its typed error.

use trafficking_indicators::catalogue::CatalogueDocument;
use trafficking_indicators::{
    Case, CaseError, Catalogue, CatalogueError, IndicatorId, Limits, Observation,
    ObservationStatus, RuleSet, RuleSetError, assess, validate,
};

fn parse_err(json: &str) -> CaseError {
    Case::from_json(json).expect_err("over the limit")
}

#[test]
fn case_document_size() {
    let limit = Limits::DEFAULT.max_case_bytes;
    let json = format!(r#"{{"case_reference": "x"}}{}"#, " ".repeat(limit));
    assert_eq!(
        parse_err(&json),
        CaseError::TooLarge {
            bytes: json.len(),
            limit
        }
    );
}

/// A case at the size limit is taken from a file with the line ending most editors add after
/// it (`\n` or `\r\n`, not counted), as a batch takes it as a line; one byte more, or a
/// second line ending, is over (until the seventeenth session `assess` refused the file that
/// `batch` took as a line).
#[test]
fn case_document_size_does_not_count_a_final_line_ending() {
    let limit = Limits::DEFAULT.max_case_bytes;
    let head = r#"{"subject": {"age_years": 30}"#;
    let case = format!("{head}{}}}", " ".repeat(limit - head.len() - 1));
    assert_eq!(case.len(), limit);
    for text in [
        case.clone(),
        format!("{case}\n"),
        format!("{case}\r\n"),
        format!("\u{feff}{case}\n"),
    ] {
        let read = Case::from_json(&text);
        assert!(read.is_ok(), "{:?}: {read:?}", &text[text.len() - 2..]);
    }
    for (text, bytes) in [
        (format!("{case}\n\n"), limit + 1),
        (format!("{case}\r\n\r\n"), limit + 2),
        (format!("{case} \n"), limit + 1),
        (format!("{case}\n\r"), limit + 2),
    ] {
        assert_eq!(
            parse_err(&text),
            CaseError::TooLarge { bytes, limit },
            "{:?}",
            &text[text.len() - 2..]
        );
    }
}

#[test]
fn number_of_observations() {
    let limit = Limits::DEFAULT.max_observations;
    let one = r#"{"indicator": "withholding_of_wages", "status": "present"}"#;
    let json = format!(
        r#"{{"observations": [{}]}}"#,
        vec![one; limit + 1].join(",")
    );
    assert_eq!(
        parse_err(&json),
        CaseError::TooMany {
            path: "$.observations".into(),
            count: limit + 1,
            limit
        }
    );
    // A case built in code meets the same limit when assessed.
    let id = IndicatorId::new("withholding_of_wages").expect("id");
    let case = Case {
        observations: vec![Observation::new(id, ObservationStatus::Present); limit + 1],
        ..Case::default()
    };
    assert!(matches!(assess(&case), Err(CaseError::TooMany { .. })));
}

#[test]
fn number_of_offences_and_forms() {
    let limit = Limits::DEFAULT.max_offences;
    let json = format!(
        r#"{{"offences": [{}]}}"#,
        vec![r#"{"kind": "other"}"#; limit + 1].join(",")
    );
    assert!(matches!(
        parse_err(&json),
        CaseError::TooMany { limit: 100, .. }
    ));
    let json = format!(
        r#"{{"forms": [{}]}}"#,
        vec![r#""labour""#; Limits::DEFAULT.max_forms + 1].join(",")
    );
    assert!(matches!(
        parse_err(&json),
        CaseError::TooMany { limit: 16, .. }
    ));
}

#[test]
fn string_lengths() {
    let note = "é".repeat(Limits::DEFAULT.max_note_chars + 1);
    let json = format!(
        r#"{{"observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{note}"}}]}}"#
    );
    assert_eq!(
        parse_err(&json),
        CaseError::TextTooLong {
            path: "$.observations[0].note".into(),
            chars: 4001,
            limit: 4000
        }
    );
    // The limit counts characters, not bytes: 4,000 two-byte characters are fine.
    let note = "é".repeat(Limits::DEFAULT.max_note_chars);
    let json = format!(
        r#"{{"observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{note}"}}]}}"#
    );
    assert!(Case::from_json(&json).is_ok());
    let json = format!(r#"{{"case_reference": "{}"}}"#, "R".repeat(129));
    assert!(matches!(
        parse_err(&json),
        CaseError::TextTooLong { limit: 128, .. }
    ));
    let json = r#"{"observations": [{"indicator": "a_very_long_indicator_id_that_goes_on_and_on_beyond_sixty_four_bytes", "status": "present"}]}"#;
    assert!(matches!(
        parse_err(json),
        CaseError::InvalidIndicatorId { .. }
    ));
}

#[test]
fn age_and_nesting() {
    assert!(matches!(
        parse_err(r#"{"subject": {"age_years": 131}}"#),
        CaseError::InvalidValue { .. }
    ));
    let deep = format!(r#"{{"subject": {}{}}}"#, "[".repeat(40), "]".repeat(40));
    assert_eq!(parse_err(&deep), CaseError::TooDeep { limit: 32 });
}

#[test]
fn rule_set_size_and_items() {
    let limit = Limits::DEFAULT.max_rule_set_bytes;
    let json = format!("{{}}{}", " ".repeat(limit));
    assert!(matches!(
        RuleSet::from_json(&json),
        Err(RuleSetError::TooLarge { .. })
    ));
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    let reference = rules.references[0].clone();
    rules.references = (0..=Limits::DEFAULT.max_rule_set_items)
        .map(|_| reference.clone())
        .collect();
    let problems = validate(&rules, &Catalogue::builtin());
    assert!(
        problems
            .iter()
            .any(|p| p.path == "$.references" && p.message.contains("limit of 1000"))
    );
}

#[test]
fn catalogue_size_and_entries() {
    let limit = Limits::DEFAULT.max_catalogue_bytes;
    let json = format!("{{}}{}", " ".repeat(limit));
    assert!(matches!(
        CatalogueDocument::from_json(&json),
        Err(CatalogueError::TooLarge { .. })
    ));
    let builtin = Catalogue::builtin();
    let entry = builtin.entries()[0].clone();
    let doc = CatalogueDocument {
        format_version: 1,
        references: Vec::new(),
        lists: Vec::new(),
        entries: vec![entry; Limits::DEFAULT.max_catalogue_entries],
    };
    let err = builtin.extend(doc).expect_err("too many");
    assert!(
        err.problems()[0].message.contains("at most 10000 entries"),
        "{err}"
    );
}

/// A document of JSON under the repository.
fn json_of(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(crate::common::root(path)).expect("readable");
    serde_json::from_str(&text).expect("JSON")
}

/// `n` distinct snake_case ids, `prefix0` to `prefix{n-1}`, as JSON strings.
fn ids(prefix: &str, n: usize) -> serde_json::Value {
    (0..n)
        .map(|i| serde_json::json!(format!("{prefix}{i}")))
        .collect()
}

/// `doc` with `value` at `pointer`, whose parent exists (the field is added if absent).
fn with(doc: &serde_json::Value, pointer: &str, value: serde_json::Value) -> serde_json::Value {
    let mut doc = doc.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match doc.pointer_mut(parent).expect("the parent exists") {
        serde_json::Value::Object(o) => {
            o.insert(key.to_owned(), value);
        }
        serde_json::Value::Array(a) => a[key.parse::<usize>().expect("an index")] = value,
        _ => panic!("{parent}: not an object or array"),
    }
    doc
}

/// The problems of a catalogue extension the built-in catalogue refuses.
fn extension_problems(doc: &serde_json::Value) -> Vec<trafficking_indicators::Problem> {
    match Catalogue::builtin().extend_from_json(&doc.to_string()) {
        Err(CatalogueError::Invalid(problems)) => problems.as_slice().to_vec(),
        other => panic!("refused as invalid: {:?}", other.map(|_| ())),
    }
}

/// Every array of a catalogue extension is counted before any of its items is checked: an
/// entry naming 100,000 lists, or 100,000 references, is refused with one problem naming the
/// array and the limit (until the thirty-fourth session each of the 100,000 was compared with
/// every one before it: minutes of CPU for an 8 MiB extension). No item is named.
#[test]
fn catalogue_extension_arrays_are_counted_before_their_items() {
    let limit = Limits::DEFAULT.max_catalogue_items;
    assert_eq!(limit, 1_000);
    let base = json_of("examples/rule_sets/national_list.json");
    let references: serde_json::Value = (0..100_000)
        .map(|i| serde_json::json!({"id": format!("r{i}"), "title": "t", "verification": "secondary"}))
        .collect();
    let over = |pointer: &str, items: serde_json::Value| with(&base, pointer, items);
    for (pointer, items, path) in [
        (
            "/entries/0/lists",
            ids("list_", 100_000),
            "$[0].entries[0].lists",
        ),
        ("/references", references, "$[0].references"),
        (
            "/lists/0/provenance/notes",
            (0..limit + 1)
                .map(|_| serde_json::json!("A note."))
                .collect(),
            "$[0].lists[0].provenance.notes",
        ),
        (
            "/entries/1/forms",
            (0..limit + 1)
                .map(|_| serde_json::json!("labour"))
                .collect(),
            "$[0].entries[1].forms",
        ),
        (
            "/lists/0/scope/forms",
            (0..limit + 1)
                .map(|_| serde_json::json!("sexual"))
                .collect(),
            "$[0].lists[0].scope.forms",
        ),
    ] {
        let n = items.as_array().map_or(0, Vec::len);
        let problems = extension_problems(&over(pointer, items));
        assert_eq!(problems.len(), 1, "{path}: {problems:?}");
        assert_eq!(problems[0].path, path);
        assert_eq!(
            problems[0].message,
            format!("{n} items, more than the limit of {limit}")
        );
    }
    // At the limit the array is read item by item: 1,000 unknown lists, each named.
    let problems = extension_problems(&over("/entries/0/lists", ids("list_", limit)));
    assert_eq!(problems.len(), limit);
    assert_eq!(problems[limit - 1].path, "$[0].entries[0].lists[999]");
    // A repeated list is found at each repeat, in one pass: the first of each is not one.
    let mut lists = vec![serde_json::json!("example_national_list"); 3];
    lists.push(serde_json::json!("list_0"));
    let problems = extension_problems(&over("/entries/0/lists", lists.into()));
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$[0].entries[0].lists[1]",
            "$[0].entries[0].lists[2]",
            "$[0].entries[0].lists[3]"
        ]
    );
}

/// Every array of a rule set is counted before any of its items is checked, deep ones too (a
/// recommendation's legal basis, the values of a context condition, a condition inside `any`):
/// one over the limit is the only problem reported, with its path, and `Assessor::new` refuses
/// the rule set. Until the thirty-fourth session 100,000 lists were reported as more than the
/// limit and then each compared with every one before it, and an array inside another was not
/// counted at all.
#[test]
fn rule_set_arrays_are_counted_before_their_items() {
    let limit = Limits::DEFAULT.max_rule_set_items;
    // The smallest built-in rule set, so that 100,000 list ids fit the 1 MiB a rule set has.
    let base = json_of("data/rule_sets/ilo-2009.json");
    let over = |pointer: &str, items: serde_json::Value| {
        RuleSet::from_json(&with(&base, pointer, items).to_string()).expect("parses")
    };
    let sectors: serde_json::Value = (0..limit + 1)
        .map(|_| serde_json::json!("fishing_at_sea"))
        .collect();
    let any: serde_json::Value = (0..limit + 1)
        .map(|_| serde_json::json!("treated_as_child"))
        .collect();
    for (pointer, items, path) in [
        ("/lists", ids("l", 100_000), "$.lists".to_owned()),
        (
            "/recommendations/0/legal_basis",
            ids("reference_", limit + 1),
            "$.recommendations[0].legal_basis".to_owned(),
        ),
        (
            "/recommendations/0/context",
            serde_json::json!([{ "sectors": sectors }]),
            "$.recommendations[0].context[0].sectors".to_owned(),
        ),
        (
            "/levels/reasonable_grounds/0/all",
            serde_json::json!([{ "any": any }]),
            "$.levels.reasonable_grounds[0].all[0].any".to_owned(),
        ),
        (
            "/non_punishment/links/0/concepts",
            ids("concept_", limit + 1),
            "$.non_punishment.links[0].concepts".to_owned(),
        ),
    ] {
        let n = match &items {
            serde_json::Value::Array(a) if a.len() > 1 => a.len(),
            _ => limit + 1,
        };
        let rules = over(pointer, items);
        let problems = validate(&rules, &Catalogue::builtin());
        assert_eq!(problems.len(), 1, "{path}: {problems:?}");
        assert_eq!(problems[0].path, path);
        assert_eq!(
            problems[0].message,
            format!("{n} items, more than the limit of {limit}")
        );
        assert!(matches!(
            trafficking_indicators::Assessor::new(rules, Catalogue::builtin()),
            Err(RuleSetError::Invalid(_))
        ));
    }
    // Within the limit, a list named three times is found at its two repeats.
    let mut lists = base["lists"].as_array().expect("lists").clone();
    lists.push(lists[0].clone());
    lists.push(lists[0].clone());
    let problems = validate(&over("/lists", lists.into()), &Catalogue::builtin());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let n = base["lists"].as_array().map_or(0, Vec::len);
    assert_eq!(
        paths,
        [format!("$.lists[{n}]"), format!("$.lists[{}]", n + 1)]
    );
}

/// A contact directory's arrays are counted as a rule set's are: 50,000 values in one
/// contact's condition, or more than 1,000 contacts, are refused with one problem naming the
/// array (the contacts' ids were compared each with every one before it).
#[test]
fn contact_directory_arrays_are_counted_before_their_items() {
    use trafficking_indicators::policy::ContactDirectory;
    let limit = Limits::DEFAULT.max_rule_set_items;
    let base = json_of("data/contacts/kr.json");
    let contact = serde_json::json!({
        "id": "c", "name": "n", "name_en": "n", "reach": "r", "purpose": "p",
        "min_level": "further_inquiry", "source": {"title": "t"}, "checked": "2026-01-01",
        "verification": "secondary"
    });
    let contacts: serde_json::Value = (0..limit + 1)
        .map(|i| {
            let mut c = contact.clone();
            c["id"] = serde_json::json!(format!("c{i}"));
            c
        })
        .collect();
    let sectors: serde_json::Value = (0..50_000)
        .map(|_| serde_json::json!("fishing_at_sea"))
        .collect();
    for (pointer, items, path, n) in [
        ("/contacts", contacts, "$.contacts", limit + 1),
        (
            "/contacts/0/context",
            serde_json::json!([{ "sectors": sectors }]),
            "$.contacts[0].context[0].sectors",
            50_000,
        ),
    ] {
        let doc = with(&base, pointer, items);
        let e = ContactDirectory::from_json(&doc.to_string()).expect_err("over the limit");
        let problems = e.problems();
        assert_eq!(problems.len(), 1, "{path}: {problems:?}");
        assert_eq!(problems[0].path, path);
        assert_eq!(
            problems[0].message,
            format!("{n} items, more than the limit of {limit}")
        );
    }
}
