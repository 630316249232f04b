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
