//! The case format: the public JSON contract, strict parsing and errors that name the problem.

use trafficking_indicators::{Case, CaseError, ObservationStatus, ParseOptions, assess};

const GOOD: &str = r#"{
  "case_reference": "NGO-TEST-0001",
  "subject": { "age_years": 31, "disability": false },
  "forms": ["labour", "sexual"],
  "observations": [
    { "indicator": "confiscation_of_documents_at_destination", "status": "present", "source": "document", "note": "employer has the passport" },
    { "indicator": "debt_bondage_at_destination", "status": "absent", "source": "self_report" },
    { "indicator": "deceived_about_wages", "status": "not_assessed" }
  ],
  "offences": [ { "kind": "irregular_stay", "stage": "charged", "note": "overstay" } ]
}"#;

fn err(json: &str) -> String {
    match Case::from_json(json) {
        Ok(case) => match assess(&case) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_case_round_trips_through_json() {
    let case = Case::from_json(GOOD).expect("parses");
    assert_eq!(case.observations.len(), 3);
    assert_eq!(case.observations[2].status, ObservationStatus::NotAssessed);
    let again = Case::from_json(&case.to_json_pretty()).expect("re-parses");
    assert_eq!(again, case);
    // serde's Deserialize goes through the same strict reader.
    let via_serde: Case = serde_json::from_str(GOOD).expect("serde");
    assert_eq!(via_serde, case);
}

#[test]
fn unknown_field_is_rejected_naming_the_place_and_the_nearest_field() {
    // A key the case format does not have is never shown (a snake_case token can be a name);
    // the field it most likely misspells is.
    let json = GOOD.replace("\"source\": \"document\"", "\"sauce\": \"document\"");
    assert_eq!(
        err(&json),
        "$.observations[0]: unknown field (a name the case format does not have, not shown), expected one of `indicator`, `status`, `source`, `note`; the nearest is `source`"
    );
    let json = GOOD.replace("\"forms\"", "\"form\"");
    assert!(
        err(&json).starts_with(
            "$: unknown field (a name the case format does not have, not shown), expected one of `case_reference`"
        ) && err(&json).ends_with("; the nearest is `forms`"),
        "{}",
        err(&json)
    );
    // Nothing near: the fields allowed, no guess.
    let json = GOOD.replace("\"forms\"", "\"maria_kim\"");
    assert!(!err(&json).contains("maria") && !err(&json).contains("nearest"));
    // A field of the format in the wrong object is named: it is the format's word.
    let json = GOOD.replace("\"forms\"", "\"status\"");
    assert!(err(&json).starts_with("$: unknown field `status`, expected one of"));
}

#[test]
fn unknown_indicator_id_is_an_error_naming_the_nearest_never_a_skip() {
    // The unknown id is not shown (a snake_case token can be a name); the id it most likely
    // misspells is, or, when none is near, a word to check the spelling.
    let json = GOOD.replace("debt_bondage_at_destination", "debt_bondage_at_destinaton");
    assert_eq!(
        err(&json),
        "$.observations[1].indicator: unknown indicator id (not shown): not in the catalogue; the nearest is `debt_bondage_at_destination`"
    );
    let json = GOOD.replace("debt_bondage_at_destination", "maria_kim");
    assert_eq!(
        err(&json),
        "$.observations[1].indicator: unknown indicator id (not shown): not in the catalogue (check the spelling)"
    );
}

#[test]
fn a_status_outside_the_three_is_rejected_naming_the_field() {
    for bad in ["\"yes\"", "\"Present\"", "true", "null", "1"] {
        let json = GOOD.replace("\"status\": \"absent\"", &format!("\"status\": {bad}"));
        let e = err(&json);
        assert!(e.starts_with("$.observations[1].status: "), "{bad}: {e}");
        assert!(
            e.contains("`present`, `absent`, `not_assessed`"),
            "{bad}: {e}"
        );
    }
}

#[test]
fn missing_required_fields_are_named() {
    let json = r#"{"observations": [{"indicator": "withholding_of_wages"}]}"#;
    assert_eq!(err(json), "$.observations[0]: missing field `status`");
    let json = r#"{"offences": [{"stage": "charged"}]}"#;
    assert_eq!(err(json), "$.offences[0]: missing field `kind`");
}

#[test]
fn duplicate_keys_are_rejected() {
    let json = r#"{"observations": [{"indicator": "withholding_of_wages", "status": "present", "status": "absent"}]}"#;
    assert_eq!(
        err(json),
        "$.observations[0]: the key `status` appears twice"
    );
}

#[test]
fn wrong_types_name_the_kind_not_the_value() {
    let json = r#"{"subject": {"age_years": "thirty"}}"#;
    assert_eq!(
        err(json),
        "$.subject.age_years: expected a whole number of years from 0 to 130, found a string"
    );
    let json = r#"{"subject": {"age_years": 17.5}}"#;
    assert!(err(json).starts_with("$.subject.age_years: not an allowed value"));
    let json = r#"{"subject": {"age_years": 131}}"#;
    assert!(err(json).starts_with("$.subject.age_years: not an allowed value"));
}

#[test]
fn an_indicator_id_must_be_a_snake_case_token() {
    let json = GOOD.replace("debt_bondage_at_destination", "Debt bondage!");
    let e = err(&json);
    assert!(
        e.starts_with("$.observations[1].indicator: not a valid indicator id"),
        "{e}"
    );
    assert!(!e.contains("Debt bondage"), "{e}");
}

#[test]
fn contradictory_age_and_minority_are_rejected() {
    let json = r#"{"subject": {"age_years": 16, "minor": false}}"#;
    assert!(err(json).contains("contradict"));
}

#[test]
fn invalid_forms_and_duplicate_forms_are_rejected() {
    assert!(err(r#"{"forms": ["fishing"]}"#).starts_with("$.forms[0]: not an allowed value"));
    assert_eq!(
        err(r#"{"forms": ["labour", "labour"]}"#),
        "$.forms[1]: form `labour` is listed twice"
    );
}

/// A condition of the interview listed twice is named as one, not as a pending measure, in
/// English and in Korean.
#[test]
fn an_interview_condition_listed_twice_is_named_as_an_interview_condition() {
    let json = r#"{"interview_conditions": ["no_interpreter", "not_private", "no_interpreter"]}"#;
    let e = Case::from_json(json).expect_err("listed twice");
    assert!(
        matches!(
            &e,
            CaseError::DuplicateInterviewCondition { path, condition: "no_interpreter" }
                if path == "$.interview_conditions[2]"
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "$.interview_conditions[2]: interview condition `no_interpreter` is listed twice"
    );
    assert_eq!(
        e.message_in(trafficking_indicators::render::Locale::Ko),
        "$.interview_conditions[2]: 같은 면담 조건이 두 번 기록됨(`no_interpreter`)"
    );
    // A measure listed twice is still a measure.
    assert!(matches!(
        Case::from_json(r#"{"measures": ["detention", "detention"]}"#),
        Err(CaseError::DuplicateMeasure { .. })
    ));
}

#[test]
fn syntax_errors_give_line_and_column() {
    let e = Case::from_json("{\n  \"forms\": [\"labour\",]\n}").expect_err("invalid JSON");
    assert!(matches!(e, CaseError::Syntax { line: 2, .. }), "{e:?}");
}

#[test]
fn revealing_values_is_opt_in() {
    let json = r#"{"forms": ["she said fishing"]}"#;
    let hidden = Case::from_json(json).expect_err("bad form").to_string();
    assert!(!hidden.contains("she said"), "{hidden}");
    let shown = Case::from_json_with(json, ParseOptions::revealing_values())
        .expect_err("bad form")
        .to_string();
    assert!(shown.contains("she said fishing"), "{shown}");
}

#[test]
fn an_empty_case_is_valid_and_has_no_indicators() {
    let case = Case::from_json("{}").expect("empty case");
    let a = assess(&case).expect("assesses");
    assert_eq!(a.level, trafficking_indicators::Level::NoIndicators);
    assert_eq!(a.score, 0.0);
}

/// `Case::from_json` reads well-formed documents by a fast path and everything else through
/// serde_json, exactly as `Case`'s `Deserialize` does. The two must agree on every document:
/// the same case, or both an error. Checked on the data test cases, the bundled cases and
/// generated cases (compact and pretty), and on each of them cut short and with one byte
/// changed at many places (so that the fast path meets every kind of damage).
#[test]
fn the_fast_reader_and_serdes_reader_agree_on_every_document() {
    use trafficking_indicators::interop::synthetic::SyntheticCases;
    let mut texts: Vec<String> = Vec::new();
    for path in crate::common::data_case_files() {
        let text = std::fs::read_to_string(&path).expect("data case");
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        texts.push(serde_json::to_string(&value["case"]).expect("case"));
    }
    for name in crate::common::bundled_case_names() {
        texts.push(
            std::fs::read_to_string(crate::common::root(&format!("examples/cases/{name}")))
                .expect("bundled case"),
        );
    }
    for (i, case) in SyntheticCases::new(11).take(200).enumerate() {
        let mut case = case;
        // Escapes in free text, for the fast path's unescaping.
        if i % 3 == 0 {
            case.case_reference = Some(trafficking_indicators::case::CaseReference::new(
                "ref \"7\" \\ tab\t é 한국 \u{1} 😀 /",
            ));
        }
        texts.push(if i % 2 == 0 {
            serde_json::to_string(&case).expect("json")
        } else {
            case.to_json_pretty()
        });
    }
    let replacements = [b'"', b'\\', b',', b'}', b']', b'-', b'0', b'x', b' ', 0x01];
    let mut checked = 0;
    let mut fast_errors = 0;
    let mut valid = 0;
    for text in &texts {
        // (Some data cases are invalid on purpose: they test an error.)
        valid += usize::from(Case::from_json(text).is_ok());
        let mut variants: Vec<Vec<u8>> = Vec::new();
        let bytes = text.as_bytes();
        let step = (bytes.len() / 40).max(1);
        for at in (0..bytes.len()).step_by(step) {
            variants.push(bytes[..at].to_vec());
            let replacement = replacements[at % replacements.len()];
            let mut changed = bytes.to_vec();
            changed[at] = replacement;
            variants.push(changed);
        }
        variants.push(bytes.to_vec());
        for variant in variants {
            let Ok(variant) = String::from_utf8(variant) else {
                continue;
            };
            let fast = Case::from_json(&variant);
            let by_serde = serde_json::from_str::<Case>(&variant);
            fast_errors += usize::from(fast.is_err());
            match (&fast, &by_serde) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{variant}"),
                (Err(_), Err(_)) => {}
                _ => panic!(
                    "the readers disagree ({} against {}) on {variant}",
                    fast.is_ok(),
                    by_serde.is_ok()
                ),
            }
            checked += 1;
        }
    }
    assert!(valid > texts.len() * 9 / 10, "{valid} of {}", texts.len());
    assert!(checked > 10_000, "{checked}");
    assert!(fast_errors > checked / 4, "{fast_errors} of {checked}");
}

/// JSON Schema counts `30.0` as an integer, and programs in other languages write whole
/// numbers so (Python's `json` from a float column): an age or a year written that way is
/// the whole number; a fraction or a negative number is still refused, by path.
#[test]
fn a_whole_number_written_with_a_decimal_point_is_that_number() {
    let case = Case::from_json(
        r#"{"subject": {"age_years": 30.0, "birth_year": 1996.0}, "exploitation_began_year": 2024.0}"#,
    )
    .expect("whole numbers");
    assert_eq!(case.subject.age_years, Some(30));
    assert_eq!(case.subject.birth_year, Some(1996));
    assert_eq!(
        Case::from_json(r#"{"subject": {"age_years": -0}}"#).map(|c| c.subject.age_years),
        Ok(Some(0))
    );
    for bad in ["30.5", "-1", "-1.0", "1e300", "131.0"] {
        let err =
            Case::from_json(&format!(r#"{{"subject": {{"age_years": {bad}}}}}"#)).expect_err(bad);
        assert_eq!(err.path(), Some("$.subject.age_years"), "{bad}: {err}");
    }
}

/// A syntax error of a common kind is described in the reader's words, the JSON parser's own
/// (English) text kept in brackets for a technician: in Korean the parser's words were the
/// only description (`...(JSON 해석기의 설명: EOF while parsing an object)`). Classified by the
/// parser's words; nothing from the input is shown (a name typed in the note is not).
#[test]
fn a_syntax_error_of_a_common_kind_is_described_in_the_readers_words() {
    use trafficking_indicators::render::Locale;
    let note = r#"{"observations": [{"indicator": "withholding_of_wages", "status": "present", "note": "김영희"#;
    for (json, parser, en, ko) in [
        (
            format!("{note}\"}}]"),
            "EOF while parsing an object",
            "the text ends before the JSON does: a closing bracket or quote may be missing",
            "입력된 글이 중간에 끝남: 닫는 괄호나 따옴표가 빠졌을 수 있음",
        ),
        (
            format!("{note}\"}}]}} 김영희"),
            "trailing characters",
            "there is more text after the JSON",
            "JSON이 끝난 뒤에 다른 글자가 있음",
        ),
        (
            r#"{"forms": ["labour",]}"#.to_owned(),
            "trailing comma",
            "there is a comma before a closing bracket",
            "닫는 괄호 바로 앞에 쉼표가 있음",
        ),
        (
            r#"{"forms": [김영희]}"#.to_owned(),
            "expected value",
            "a value is missing or is not a JSON value",
            "값이 있어야 할 자리에 값이 없거나 올바른 JSON 값이 아님",
        ),
        (
            r#"{"forms": ["labour" "sexual"]}"#.to_owned(),
            "expected `,` or `]`",
            "a comma or a closing bracket is missing",
            "쉼표(,)나 닫는 괄호가 빠짐",
        ),
        (
            r#"{"subject" {}}"#.to_owned(),
            "expected `:`",
            "a colon is missing after a key",
            "키 뒤에 쌍점(:)이 빠짐",
        ),
        (
            r#"{subject: {}}"#.to_owned(),
            "key must be a string",
            "a key is not in double quotes",
            "키가 큰따옴표로 묶여 있지 않음",
        ),
        (
            r#"{"case_reference": "김영희\q"}"#.to_owned(),
            "invalid escape",
            "a backslash escape between quotes is not valid",
            "따옴표 안의 역슬래시(\\) 표기가 올바르지 않음",
        ),
        (
            r#"{"subject": {"age_years": 1e999}}"#.to_owned(),
            "number out of range",
            "a number is too large to read",
            "숫자가 너무 커서 읽을 수 없음",
        ),
        // Every other start of the parser's words the table covers (a review of the session's
        // change: seven were never parsed, so a parser that reworded one would go unnoticed).
        (
            r#"{"subject": {"age_years": 01}}"#.to_owned(),
            "invalid number",
            "a number is not written as JSON writes numbers",
            "숫자 표기가 JSON 형식에 맞지 않음",
        ),
        (
            "{\"case_reference\": \"a\tb\"}".to_owned(),
            "control character (\\u0000-\\u001F) found while parsing a string",
            "a line break or tab is written as it is between quotes",
            "따옴표 안에 줄바꿈이나 탭이 그대로 들어 있음",
        ),
        (
            r#"{"subject": {"national": tru}}"#.to_owned(),
            "expected ident",
            "a value is missing or is not a JSON value",
            "값이 있어야 할 자리에 값이 없거나 올바른 JSON 값이 아님",
        ),
        (
            r#"{"subject": {"age_years": 30 "national": true}}"#.to_owned(),
            "expected `,` or `}`",
            "a comma or a closing bracket is missing",
            "쉼표(,)나 닫는 괄호가 빠짐",
        ),
        (
            r#"{"case_reference": "\ud800"}"#.to_owned(),
            "unexpected end of hex escape",
            "a \\u escape between quotes is half of a character (a lone surrogate): the text is not valid Unicode",
            "따옴표 안의 \\u 표기가 한 글자의 절반뿐임(짝이 없는 서로게이트): 올바른 유니코드 텍스트가 아님",
        ),
        (
            r#"{"case_reference": "\udc00x"}"#.to_owned(),
            "lone leading surrogate in hex escape",
            "a \\u escape between quotes is half of a character (a lone surrogate): the text is not valid Unicode",
            "따옴표 안의 \\u 표기가 한 글자의 절반뿐임(짝이 없는 서로게이트): 올바른 유니코드 텍스트가 아님",
        ),
    ] {
        let e = Case::from_json(&json).expect_err("not valid JSON");
        assert!(matches!(e, CaseError::Syntax { .. }), "{e:?}");
        let english = e.message_in(Locale::En);
        assert_eq!(english, e.to_string());
        assert!(
            english.starts_with(&format!(
                "the case is not valid JSON: {en} ({parser}) at line "
            )),
            "{english}"
        );
        let korean = e.message_in(Locale::Ko);
        assert!(
            korean.starts_with("사건 기록이 올바른 JSON이 아님: 줄 ")
                && korean.ends_with(&format!(": {ko}(JSON 해석기의 설명: {parser})")),
            "{korean}"
        );
        for message in [&english, &korean] {
            assert!(
                !message.contains("김영희") && !message.contains("labour"),
                "{message}"
            );
        }
    }
    // A case with nothing in it is empty, not missing a bracket (a file saved empty).
    for blank in ["", "   ", "\n\n", "\u{feff}", "\u{feff} \r\n"] {
        let e = Case::from_json(blank).expect_err("empty");
        assert!(matches!(e, CaseError::Empty), "{blank:?}: {e:?}");
        assert_eq!(e.to_string(), "the case is empty: it holds no JSON");
        assert_eq!(
            e.message_in(Locale::Ko),
            "사건 기록이 비어 있음(JSON 내용이 없음)"
        );
    }
    // A kind without a description keeps the parser's words alone.
    let e = CaseError::Syntax {
        message: "expected `\"`".to_owned(),
        line: 1,
        column: 2,
    };
    assert_eq!(
        e.to_string(),
        "the case is not valid JSON: expected `\"` at line 1 column 2"
    );
    assert_eq!(
        e.message_in(Locale::Ko),
        "사건 기록이 올바른 JSON이 아님: 줄 1, 열 2(JSON 해석기의 설명: expected `\"`)"
    );
}

/// A national recorded with a pending removal, or with a refusal of entry, is a contradiction
/// naming both fields, whichever way the case enters: read from JSON or built in code and
/// assessed. Detention alone is a national's too (police custody).
#[test]
fn a_national_is_never_recorded_as_removed_or_refused_entry() {
    use trafficking_indicators::case::Measure;
    use trafficking_indicators::{Assessor, CaseError};
    let expected = "`$.subject.national` and `$.measures` contradict each other: a national is not removed from their own country or refused entry to it";
    for measure in ["removal_pending", "refusal_of_entry"] {
        for national in ["true", "false"] {
            let json = format!(
                r#"{{"subject": {{"national": {national}}}, "measures": ["detention", "{measure}"]}}"#
            );
            let read = Case::from_json(&json);
            if national == "true" {
                assert_eq!(read.err().map(|e| e.to_string()).as_deref(), Some(expected));
            } else {
                assert!(read.is_ok(), "{measure} {national}");
            }
        }
    }
    let mut case = Case::default();
    case.subject.national = Some(true);
    case.measures = vec![Measure::Detention];
    assert!(case.check().is_ok());
    for measure in [Measure::RefusalOfEntry, Measure::RemovalPending] {
        case.measures = vec![measure];
        assert!(matches!(case.check(), Err(CaseError::Contradiction { .. })));
        let assessed = Assessor::builtin("ilo-2009")
            .expect("built in")
            .assess(&case);
        assert_eq!(
            assessed.err().map(|e| e.to_string()).as_deref(),
            Some(expected)
        );
    }
}
