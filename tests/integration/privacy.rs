//! No victim data in errors: a sentinel in every free-text field of an invalid case never
//! appears in any error message, `Display` or `Debug` output.

use trafficking_indicators::render::Locale;
use trafficking_indicators::{Case, ParseOptions, assess};

const SENTINEL: &str = "Sentinel Maria told us 7731";

fn fields(extra: &str) -> String {
    format!(
        r#""case_reference": "{SENTINEL}",
           "offences": [{{"kind": "irregular_stay", "note": "{SENTINEL}"}}]{extra}"#
    )
}

fn obs(indicator: &str, status: &str) -> String {
    format!(
        r#"{{"indicator": "{indicator}", "status": "{status}", "source": "self_report", "note": "{SENTINEL}"}}"#
    )
}

/// Invalid cases, each with the sentinel in every free-text field and, where the mistake
/// allows, in the very place that is wrong.
fn invalid_cases() -> Vec<(String, String)> {
    let ok = obs("withholding_of_wages", "present");
    let mut cases = vec![
        (
            "unknown top-level field",
            format!(
                r#"{{{}, "observations": [{ok}], "{SENTINEL}": 1}}"#,
                fields("")
            ),
        ),
        (
            "unknown token field",
            format!(
                r#"{{{}, "observations": [{ok}], "notes": "{SENTINEL}"}}"#,
                fields("")
            ),
        ),
        (
            "status is free text",
            format!(
                r#"{{{}, "observations": [{}]}}"#,
                fields(""),
                obs("withholding_of_wages", SENTINEL)
            ),
        ),
        (
            "indicator is free text",
            format!(
                r#"{{{}, "observations": [{}]}}"#,
                fields(""),
                obs(SENTINEL, "present")
            ),
        ),
        (
            "unknown indicator id",
            format!(
                r#"{{{}, "observations": [{}]}}"#,
                fields(""),
                obs("withholding_of_wagez", "present")
            ),
        ),
        (
            "conflicting observations",
            format!(
                r#"{{{}, "observations": [{ok}, {}]}}"#,
                fields(""),
                obs("withholding_of_wages", "absent")
            ),
        ),
        (
            "form is free text",
            format!(
                r#"{{{}, "forms": ["{SENTINEL}"], "observations": [{ok}]}}"#,
                fields("")
            ),
        ),
        (
            "source is free text",
            format!(
                r#"{{{}, "observations": [{{"indicator": "withholding_of_wages", "status": "present", "source": "{SENTINEL}"}}]}}"#,
                fields("")
            ),
        ),
        (
            "offence kind is free text",
            format!(
                r#"{{"case_reference": "{SENTINEL}", "offences": [{{"kind": "{SENTINEL}", "note": "{SENTINEL}"}}]}}"#
            ),
        ),
        (
            "stage is free text",
            format!(
                r#"{{"case_reference": "{SENTINEL}", "offences": [{{"kind": "other", "stage": "{SENTINEL}", "note": "{SENTINEL}"}}]}}"#
            ),
        ),
        (
            "age is free text",
            format!(
                r#"{{{}, "subject": {{"age_years": "{SENTINEL}"}}}}"#,
                fields("")
            ),
        ),
        (
            "minor is free text",
            format!(
                r#"{{{}, "subject": {{"minor": "{SENTINEL}"}}}}"#,
                fields("")
            ),
        ),
        (
            "visa too long, with a valid visa elsewhere",
            format!(
                r#"{{{}, "subject": {{"visa": "{}"}}}}"#,
                fields(""),
                SENTINEL.repeat(20)
            ),
        ),
        (
            "unknown measure and sector",
            format!(
                r#"{{{}, "subject": {{"visa": "{SENTINEL}"}}, "measures": ["{SENTINEL}"], "sector": "{SENTINEL}"}}"#,
                fields("")
            ),
        ),
        (
            "national is free text",
            format!(
                r#"{{{}, "subject": {{"national": "{SENTINEL}", "visa": "{SENTINEL}"}}}}"#,
                fields("")
            ),
        ),
        (
            "contradictory age",
            format!(
                r#"{{{}, "subject": {{"age_years": 15, "minor": false}}}}"#,
                fields("")
            ),
        ),
        (
            "note is an object",
            format!(
                r#"{{{}, "observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": {{"text": "{SENTINEL}"}}}}]}}"#,
                fields("")
            ),
        ),
        (
            "note too long",
            format!(
                r#"{{{}, "observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{}"}}]}}"#,
                fields(""),
                SENTINEL.repeat(200)
            ),
        ),
        (
            "reference too long",
            format!(r#"{{"case_reference": "{}"}}"#, SENTINEL.repeat(10)),
        ),
        (
            "duplicate key",
            format!(
                r#"{{{}, "observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{SENTINEL}", "note": "{SENTINEL}"}}]}}"#,
                fields("")
            ),
        ),
        (
            "missing status",
            format!(
                r#"{{{}, "observations": [{{"indicator": "withholding_of_wages", "note": "{SENTINEL}"}}]}}"#,
                fields("")
            ),
        ),
        (
            "truncated JSON",
            format!(
                r#"{{{}, "observations": [{{"note": "{SENTINEL}"#,
                fields("")
            ),
        ),
        (
            "bad escape in a note",
            format!(
                r#"{{{}, "observations": [{{"note": "{SENTINEL} \q"}}]}}"#,
                fields("")
            ),
        ),
        (
            "nested too deep",
            format!(
                r#"{{{}, "subject": {}{SENTINEL:?}{}}}"#,
                fields(""),
                "[".repeat(40),
                "]".repeat(40)
            ),
        ),
    ];
    cases.push(("not an object", format!(r#""{SENTINEL}""#)));
    cases
        .into_iter()
        .map(|(name, json)| (name.to_owned(), json))
        .collect()
}

/// Every text an invalid case's error gives: `Display`, `Debug`, and the Korean message.
fn error_texts(json: &str) -> Option<Vec<String>> {
    let mut texts = Vec::new();
    let error = match Case::from_json(json) {
        Err(e) => e,
        Ok(case) => match assess(&case) {
            Err(e) => e,
            Ok(_) => return None,
        },
    };
    texts.extend([error.to_string(), format!("{error:?}")]);
    if let Err(e) = serde_json::from_str::<Case>(json) {
        texts.extend([e.to_string(), format!("{e:?}")]);
    }
    // In English the message is the `Display` text; the Korean one comes last.
    assert_eq!(error.message_in(Locale::En), error.to_string());
    texts.push(error.message_in(Locale::Ko));
    Some(texts)
}

#[test]
fn no_error_carries_free_text_from_the_case() {
    for (name, json) in invalid_cases() {
        let texts = error_texts(&json).unwrap_or_else(|| panic!("{name}: the case was accepted"));
        for text in texts {
            for word in ["Sentinel", "Maria", "7731"] {
                assert!(
                    !text.contains(word),
                    "{name}: `{word}` leaked into `{text}`"
                );
            }
        }
    }
}

/// A snake_case token is the shape of a key and of an indicator id, and of a name too: one
/// the case format or the catalogue does not have is never repeated, wherever it stands (an
/// unknown indicator id, a key, a key on the path to a key given twice, an id of two
/// conflicting observations or of an interview's question), in English, in Korean, in `Debug`
/// or through serde; the message names the place, and reads in Korean.
#[test]
fn no_error_repeats_an_unknown_key_or_id_though_it_is_a_snake_case_token() {
    const TOKEN: &str = "maria_kim_7731";
    let cases = [
        format!(r#"{{"observations": [{{"indicator": "{TOKEN}", "status": "present"}}]}}"#),
        format!(r#"{{"{TOKEN}": 1}}"#),
        format!(r#"{{"subject": {{"{TOKEN}": true}}}}"#),
        format!(r#"{{"subject": {{"{TOKEN}": 1, "{TOKEN}": 2}}}}"#),
        format!(r#"{{"subject": {{"{TOKEN}": {{"a": 1, "a": 2}}}}}}"#),
        format!(
            r#"{{"observations": [{{"indicator": "{TOKEN}", "status": "present"}}, {{"indicator": "{TOKEN}", "status": "absent"}}]}}"#
        ),
        format!(
            r#"{{"observations": [{{"indicator": "{TOKEN}", "status": "present"}}], "interview": {{"asked": ["{TOKEN}", "{TOKEN}"]}}}}"#
        ),
        format!(r#"{{"interview": {{"asked": ["{TOKEN}"]}}}}"#),
    ];
    for json in &cases {
        let texts = error_texts(json).unwrap_or_else(|| panic!("{json}: the case was accepted"));
        for text in &texts {
            for word in ["maria", "kim", "7731"] {
                assert!(
                    !text.contains(word),
                    "{json}: `{word}` leaked into `{text}`"
                );
            }
        }
        let korean = texts.last().expect("the Korean message");
        assert_eq!(
            crate::common::english_left_in(korean),
            None,
            "{json}: `{korean}`"
        );
    }
}

/// The same invalid cases with Korean free text: no Hangul ever reaches an error. (The
/// sentinel is swapped for a Korean one of the same role; the "too long" cases stay too long,
/// counted in characters.)
#[test]
fn no_error_carries_korean_free_text_from_the_case() {
    const KOREAN: &str = "센티넬 마리아 씨가 직접 말한 내용 7731";
    for (name, json) in invalid_cases() {
        let json = json.replace(SENTINEL, KOREAN);
        let texts = error_texts(&json).unwrap_or_else(|| panic!("{name}: the case was accepted"));
        let (korean_message, english) = texts.split_last().expect("three texts");
        for text in english {
            assert!(
                !text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{name}: Hangul leaked into `{text}`"
            );
            assert!(!text.contains("7731"), "{name}: `{text}`");
        }
        // The Korean message is Korean: none of the case's words reach it.
        for word in KOREAN.split(' ') {
            assert!(
                !korean_message.contains(word),
                "{name}: `{word}` leaked into `{korean_message}`"
            );
        }
    }
}

/// Notes in Korean are counted in characters, not bytes: 4,000 Hangul characters (12,000
/// bytes in UTF-8) are accepted; 4,001 are an error naming the path, never the text.
#[test]
fn korean_notes_are_counted_in_characters() {
    let note = |n: usize| {
        format!(
            r#"{{"observations": [{{"indicator": "withholding_of_wages", "status": "present", "note": "{}"}}]}}"#,
            "가".repeat(n)
        )
    };
    let ok = Case::from_json(&note(4000)).expect("4,000 Hangul characters fit");
    let text = ok.observations[0]
        .note
        .as_ref()
        .map(|n| n.as_str().chars().count());
    assert_eq!(text, Some(4000));
    assert!(assess(&ok).is_ok());
    let err = Case::from_json(&note(4001)).expect_err("4,001 do not");
    let message = err.to_string();
    assert!(message.contains("$.observations[0].note"), "{message}");
    assert!(!message.contains('가'), "{message}");
    // The visa is counted the same way: 200 characters.
    let visa = |n: usize| format!(r#"{{"subject": {{"visa": "{}"}}}}"#, "비".repeat(n));
    assert!(Case::from_json(&visa(200)).is_ok());
    let err = Case::from_json(&visa(201)).expect_err("too long");
    assert!(err.to_string().contains("$.subject.visa") && !err.to_string().contains('비'));
}

#[test]
fn the_debug_output_of_a_valid_case_hides_its_free_text() {
    let json = format!(
        r#"{{{}, "observations": [{}]}}"#,
        fields(""),
        obs("withholding_of_wages", "present")
    );
    let case = Case::from_json(&json).expect("valid");
    let shown = format!("{case:?}");
    assert!(!shown.contains("Maria"), "{shown}");
}

#[test]
fn revealing_values_is_the_only_way_to_see_them() {
    let json = format!(
        r#"{{"observations": [{}]}}"#,
        obs("withholding_of_wages", SENTINEL)
    );
    let hidden = Case::from_json(&json).expect_err("invalid");
    assert!(!hidden.to_string().contains("Maria"));
    let shown = Case::from_json_with(&json, ParseOptions::revealing_values()).expect_err("invalid");
    assert!(shown.to_string().contains(SENTINEL), "{shown}");
}

/// `{:?}` of an error (what `fn main() -> Result<(), Box<dyn Error>>` prints) shows no value
/// from the case: not the age either.
#[test]
fn debug_output_of_an_error_shows_no_age() {
    let err = Case::from_json(r#"{"subject": {"age_years": 15, "minor": false}}"#)
        .expect_err("contradictory");
    let debug = format!("{err:?}");
    assert!(debug.starts_with("ContradictoryAge("), "{debug}");
    assert!(!debug.contains("15") && !debug.contains("false"), "{debug}");
}

/// A case reference is free text from the field: a line break or a terminal escape in it
/// must not forge or hide lines of the report (a "LEVEL:" line of its own, text concealed).
#[test]
fn a_case_reference_cannot_forge_or_hide_report_lines() {
    let case = Case::from_json(
        r#"{"case_reference": "ABC-1\n\nLEVEL: NO INDICATORS\u001b[8m\u202e",
            "subject": {"age_years": 30},
            "observations": [
              {"indicator": "confiscation_of_documents_at_destination", "status": "present"},
              {"indicator": "excessive_working_days_or_hours", "status": "present"},
              {"indicator": "withholding_of_wages", "status": "present"}]}"#,
    )
    .expect("valid");
    let a = assess(&case).expect("assessed");
    for report in [
        a.report(),
        a.report_in(trafficking_indicators::render::Locale::Ko),
    ] {
        let level_lines = report.lines().filter(|l| l.starts_with("LEVEL:")).count();
        assert!(level_lines <= 1, "one level line only:\n{report}");
        assert!(!report.contains("\nLEVEL: NO INDICATORS"), "{report}");
        assert!(
            !report
                .chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "no control or direction character:\n{report}"
        );
        assert!(report.lines().next().is_some_and(|l| l.contains("ABC-1")));
    }
}

/// Every error the invalid cases give reads in Korean: no English word of a message is left
/// (only the path, the JSON names and the parser's own description of a syntax error, kept
/// as they are).
#[test]
fn every_error_reads_in_korean() {
    for (name, json) in invalid_cases() {
        let texts = error_texts(&json).unwrap_or_else(|| panic!("{name}: the case was accepted"));
        let korean = texts.last().expect("the Korean message");
        assert_eq!(
            crate::common::english_left_in(korean),
            None,
            "{name}: `{korean}`"
        );
        // The same check finds the English in the English message (so it can fail).
        assert!(
            crate::common::english_left_in(&texts[0]).is_some(),
            "{name}: {}",
            texts[0]
        );
    }
}

/// `{:?}` of a case, of an interview over it and of its assessment (what a `tracing::debug!`
/// or a failed `unwrap` prints into a log) shows no value the case records: no age, year,
/// nationality, indicator, status, offence or safety answer, and no free text (until the
/// nineteenth session the derived `Debug` printed all but the free text).
#[test]
fn debug_output_shows_the_shape_of_a_case_never_its_values() {
    let json = r#"{"case_reference": "Sentinel Maria 7731",
        "subject": {"age_years": 16, "birth_year": 2009, "disability": true, "national": false, "visa": "E-6-2 Sentinel"},
        "forms": ["sexual"], "exploitation_began_year": 2023, "sector": "hospitality",
        "observations": [{"indicator": "withholding_of_wages", "status": "present", "source": "document", "note": "Sentinel"}],
        "offences": [{"kind": "prostitution", "stage": "convicted", "note": "Sentinel"}],
        "measures": ["detention"], "interview_conditions": ["not_private"],
        "interview": {"asked": ["withholding_of_wages"], "safety": {"hurt": "yes"}}}"#;
    let case = Case::from_json(json).expect("a case");
    let assessor = trafficking_indicators::Assessor::builtin("kr-2024").expect("built in");
    let assessment = assessor.assess(&case).expect("assesses");
    let interview =
        trafficking_indicators::interview::Interview::new(assessor, case.clone()).expect("starts");
    let outputs = [
        format!("{case:?}"),
        format!("{case:#?}"),
        format!("{:?}", case.subject),
        format!("{:?}", case.observations),
        format!("{:?}", case.offences),
        format!("{:?}", case.interview),
        format!("{interview:?}"),
        format!("{assessment:?}"),
    ];
    // The rule set's version is the rule set's, not the case's: left out of the search (its
    // digits may match the age, as `2.16.0` does).
    let version = format!("{:?}", assessment.rule_set.version);
    for out in &outputs {
        let out = &out.replace(&version, "");
        for value in [
            "16",
            "2009",
            "2023",
            "Sentinel",
            "Maria",
            "E-6",
            "withholding",
            "Present",
            "Document",
            "Prostitution",
            "Convicted",
            "Hospitality",
            "Sexual",
            "Detention",
            "NotPrivate",
            "Yes",
            "Level",
            "Reasonable",
            "Definition",
        ] {
            assert!(!out.contains(value), "`{value}` in: {out}");
        }
    }
    // The shape stays readable: which fields are recorded, how many items.
    assert!(
        outputs[0].contains("age_years: Some(<not shown>)"),
        "{}",
        outputs[0]
    );
    assert!(outputs[0].contains("minor: None"), "{}", outputs[0]);
    assert!(
        outputs[0].contains("national: Some(<not shown>)"),
        "{}",
        outputs[0]
    );
    assert!(
        outputs[0].contains("observations: [<1 not shown>]"),
        "{}",
        outputs[0]
    );
    assert!(outputs[7].contains("kr-2024"), "{}", outputs[7]);
}

/// Reads `json` as a `T` through serde_json (alone and inside a list, where the value is not
/// the whole document) and returns every error text, `Display` and `Debug`.
fn serde_errors<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> Vec<String> {
    let alone = serde_json::from_str::<T>(json).map(|_| ()).err();
    let listed = serde_json::from_str::<Vec<T>>(&format!("[{json}]"))
        .map(|_| ())
        .err();
    [alone, listed]
        .into_iter()
        .flat_map(|err| {
            let err = err.unwrap_or_else(|| panic!("`{json}` was read"));
            [err.to_string(), format!("{err:?}")]
        })
        .collect()
}

/// The case vocabularies are public and derive nothing that reads them back through serde:
/// an unknown name, or a value of another type, is refused by an error that names the type
/// and the names it allows, never the value (serde's derived reader quoted it, ``unknown
/// variant `Maria Kim said yes` ``, and ``invalid type: integer `17` ``).
#[test]
fn serde_errors_of_the_case_vocabularies_name_the_type_never_the_value() {
    use trafficking_indicators::ExploitationForm;
    use trafficking_indicators::case::{
        Answer, EvidenceSource, InterviewCondition, Measure, ObservationStatus, OffenceKind,
        OffenceStage, OpeningQuestion, Sector, SexualExploitationType,
    };

    fn check<T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug>(
        type_name: &str,
        all: &[T],
    ) {
        // A name, a snake_case token like a name, and other types of value, each distinctive.
        for (bad, shows) in [
            (r#""Maria Kim said yes""#, "Maria"),
            (r#""maria_kim""#, "maria"),
            (r#""Present ""#, "Present"),
            ("17317", "17317"),
            ("-17317", "17317"),
            ("173.17", "173.17"),
            ("true", "true"),
            ("null", "null"),
            (r#"["Maria Kim"]"#, "Maria"),
            (r#"{"Maria Kim": null}"#, "Maria"),
        ] {
            for text in serde_errors::<T>(bad) {
                assert!(!text.contains(shows), "{type_name}, {bad}: {text}");
                assert!(text.contains(type_name), "{type_name}, {bad}: {text}");
                assert!(text.contains("not shown"), "{type_name}, {bad}: {text}");
            }
        }
        // A number is not a value, though a format that writes enums by number would give a
        // variant's index so.
        for index in ["0", "1"] {
            assert!(serde_json::from_str::<T>(index).is_err(), "{type_name}");
        }
        // The allowed names are given, and each is still read (the wire format is the same).
        let display = serde_errors::<T>(r#""Maria Kim""#).remove(0);
        for value in all {
            let json = serde_json::to_string(value).expect("serializes");
            assert!(display.contains(&json.replace('"', "`")), "{display}");
            let back: T = serde_json::from_str(&json).expect("reads its own name");
            assert_eq!(serde_json::to_string(&back).expect("serializes"), json);
        }
    }

    check("ObservationStatus", &ObservationStatus::ALL);
    check("EvidenceSource", &EvidenceSource::ALL);
    check("OffenceKind", &OffenceKind::ALL);
    check("OffenceStage", &OffenceStage::ALL);
    check("Sector", &Sector::ALL);
    check("Measure", &Measure::ALL);
    check("SexualExploitationType", &SexualExploitationType::ALL);
    check("InterviewCondition", &InterviewCondition::ALL);
    check("Answer", &Answer::ALL);
    check("OpeningQuestion", &OpeningQuestion::ALL);
    check("ExploitationForm", &ExploitationForm::ALL);
}

/// `{:?}` and `{:#?}` of every public part of an assessment, of every data case, and of what is
/// made from it (its texts, its HTCDS terms, the interview's next question) names types and
/// counts, never a finding: no indicator the case records, no yes or no (`true`, `false`,
/// a disability's `Yes`), no level, strength, dimension or age group. Until the thirty-fourth
/// session only `Assessment`'s own `Debug` was redacted, and `{:?}` of `a.explanation` named
/// the indicators found, `treated_as_child: true` and `disability: Yes`.
#[test]
fn debug_output_of_an_assessments_parts_shows_no_finding() {
    use std::collections::BTreeSet;
    use std::fmt::Debug;
    use trafficking_indicators::assessment::ObservationGroups;

    fn both(out: &mut Vec<String>, value: &dyn Debug) {
        out.push(format!("{value:?}"));
        out.push(format!("{value:#?}"));
    }

    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut cases = 0;
    for (name, assessor, case) in crate::common::assessable_data_cases() {
        cases += 1;
        let a = assessor.assess(&case).expect("assesses");
        let x = &a.explanation;
        let mut out = Vec::new();
        both(&mut out, &a.score_range);
        both(&mut out, &a.level_range);
        both(&mut out, x);
        both(&mut out, &x.subject);
        both(&mut out, &x.person_rule);
        both(&mut out, &x.score);
        both(&mut out, &x.dimensions);
        both(&mut out, &x.elements);
        both(&mut out, &x.reasonable_grounds);
        both(&mut out, &x.observations);
        both(&mut out, &x.ask_next);
        both(&mut out, &x.notices);
        both(&mut out, &a.recommendations);
        both(&mut out, &a.contacts);
        both(&mut out, &ObservationGroups::of(&x.observations));
        // What is made from the assessment: its texts, its HTCDS terms, the next question.
        for locale in [Locale::En, Locale::Ko] {
            both(&mut out, &a.with_prose(locale));
            let prose = a.prose(locale);
            both(&mut out, &prose.recommendations);
            both(&mut out, &prose.contacts);
        }
        both(
            &mut out,
            &trafficking_indicators::interop::htcds::summary(&a),
        );
        both(
            &mut out,
            &trafficking_indicators::interop::htcds::methods_of_control(&a),
        );
        let interview = trafficking_indicators::interview::Interview::new(assessor, case.clone())
            .expect("an interview");
        both(&mut out, &interview.next());
        if interview
            .next()
            .is_some_and(|q| q.topic.kind() == "indicator")
        {
            seen.insert("indicator question");
        }
        for d in &x.dimensions {
            both(&mut out, &d.counted);
            both(&mut out, &d.clause_met);
            both(&mut out, &d.shortfall);
            both(&mut out, &d.counts);
            if let Some(s) = &d.shortfall {
                both(&mut out, &s.clause);
                both(&mut out, &s.needs);
                seen.insert("shortfall");
            }
            if d.counted.iter().any(|c| !c.same_concept.is_empty()) {
                seen.insert("same concept");
            }
        }
        both(&mut out, &x.score.contributions);
        for o in &x.observations {
            both(&mut out, &o.disposition);
            both(&mut out, &o.sources);
            if o.disposition != trafficking_indicators::assessment::Disposition::Counted {
                seen.insert("other disposition");
            }
        }
        for n in &x.notices {
            both(&mut out, &n.legal_basis);
            if !n.indicators.is_empty() {
                seen.insert("notice naming indicators");
            }
        }
        for r in &a.recommendations {
            both(&mut out, &r.legal_basis);
            both(&mut out, &r.additions);
            both(&mut out, &r.offences);
            for o in &r.offences {
                both(&mut out, &o.linked_indicators);
                seen.insert("offence advisory");
                if !o.linked_indicators.is_empty() {
                    seen.insert("linked indicator");
                }
            }
            if !r.additions.is_empty() {
                seen.insert("addition");
            }
        }
        if !a.contacts.is_empty() {
            seen.insert("contact");
        }
        if x.subject.treated_as_child {
            seen.insert("child");
        }
        if x.subject.disability == trafficking_indicators::case::DisabilityStatus::Yes {
            seen.insert("disability");
        }
        if !x.ask_next.is_empty() {
            seen.insert("question");
        }

        let ids: BTreeSet<&str> = case
            .observations
            .iter()
            .map(|o| o.indicator.as_str())
            .collect();
        for text in &out {
            for id in &ids {
                assert!(!text.contains(id), "{name}: `{id}` in {text}");
            }
            for word in [
                "true",
                "false",
                "Yes",
                "NotKnown",
                "Child",
                "Adult",
                "NoIndicators",
                "FurtherInquiry",
                "ReasonableGrounds",
                "DefinitionMet",
                "Strong",
                "Medium",
                "Weak",
                "Recruitment",
                "Destination",
                "Verified",
            ] {
                assert!(!text.contains(word), "{name}: `{word}` in {text}");
            }
        }
        // The shape stays readable.
        let explanation = format!("{x:?}");
        assert!(
            explanation.starts_with("Explanation { subject: SubjectFinding(<not shown>)"),
            "{explanation}"
        );
        assert!(
            explanation.contains(&format!(
                "observations: [<{} not shown>]",
                x.observations.len()
            )),
            "{explanation}"
        );
    }
    assert!(cases > 200, "{cases}");
    for part in [
        "shortfall",
        "same concept",
        "other disposition",
        "notice naming indicators",
        "offence advisory",
        "linked indicator",
        "addition",
        "contact",
        "child",
        "disability",
        "question",
        "indicator question",
    ] {
        assert!(seen.contains(part), "no data case has a {part}");
    }
}

/// The interview record's flags (the age, the forms, the year of birth, the type of sexual
/// exploitation asked and not known) are shown as `<not shown>`, not as `true`.
#[test]
fn debug_output_of_an_interview_record_hides_its_flags() {
    let case = Case::from_json(
        r#"{"forms": ["sexual"], "interview": {"age_not_known": true, "forms_not_known": true,
            "birth_year_not_known": true, "sexual_exploitation_types_not_known": true,
            "opening_asked": ["age", "birth_year", "sexual_exploitation_types"]}}"#,
    )
    .expect("a case");
    for out in [
        format!("{:?}", case.interview),
        format!("{:#?}", case.interview),
        format!("{case:?}"),
    ] {
        assert!(!out.contains("true"), "{out}");
        assert!(out.contains("age_not_known: <not shown>"), "{out}");
        assert!(out.contains("opening_asked: [<3 not shown>]"), "{out}");
    }
}
