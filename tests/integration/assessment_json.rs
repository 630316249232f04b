//! The assessment JSON states each fact once (schema 4.0.0): what it leaves out is stated by
//! the rest of the JSON, the catalogue or the rule set, and can be read back from them. These
//! tests read every left-out field back and compare it with the library's own value.

use serde_json::Value;
use trafficking_indicators::policy::StrengthOverride;
use trafficking_indicators::{
    Assessment, Assessor, Case, Catalogue, Disposition, IndicatorId, RuleSet, Strength,
};

/// Every data test case and bundled case, with the assessor it is assessed under.
fn all_cases() -> Vec<(String, &'static Assessor, Case)> {
    let mut out = crate::common::assessable_data_cases();
    // The same cases under a rule set that overrides a strength: what the JSON leaves out is
    // the rule set's, not only the catalogue's.
    let overriding = overriding_assessor();
    let again: Vec<_> = out
        .iter()
        .filter(|(_, a, case)| a.rule_set().id == "ilo-2009" && overriding.assess(case).is_ok())
        .map(|(name, _, case)| (format!("{name} (override)"), overriding, case.clone()))
        .collect();
    assert!(!again.is_empty());
    out.extend(again);
    for name in crate::common::bundled_case_names() {
        let text = std::fs::read_to_string(crate::common::root(&format!("examples/cases/{name}")))
            .expect("bundled case");
        let case = Case::from_json(&text).expect("valid");
        let id = if name.starts_with("kr_") {
            "kr-2024"
        } else {
            "ilo-2009"
        };
        out.push((name, Assessor::builtin(id).expect("built in"), case));
    }
    assert!(out.len() >= 80, "the cases were found");
    out
}

/// `ilo-2009` with withholding of wages (medium in the catalogue) made strong.
fn overriding_assessor() -> &'static Assessor {
    static ASSESSOR: std::sync::OnceLock<Assessor> = std::sync::OnceLock::new();
    ASSESSOR.get_or_init(|| {
        let mut rules = RuleSet::builtin("ilo-2009").expect("built in").clone();
        rules.id = "ilo-2009-override".into();
        let basis = rules.weights.basis.clone();
        rules.strength_overrides.push(StrengthOverride {
            indicator: IndicatorId::new("withholding_of_wages").expect("an id"),
            strength: Strength::Strong,
            basis,
        });
        Assessor::new(rules, Catalogue::builtin()).expect("a valid rule set")
    })
}

fn strength(v: &Value) -> Strength {
    serde_json::from_value(v.clone()).expect("a strength")
}

fn json_of(a: &Assessment) -> Value {
    serde_json::from_str(&a.to_json()).expect("JSON")
}

#[test]
fn observations_left_out_fields_read_back_from_their_group_and_the_catalogue() {
    for (name, assessor, case) in all_cases() {
        let a = assessor.assess(&case).expect("assesses");
        let json = json_of(&a);
        let groups = &json["explanation"]["observations"];
        let mut in_json = 0;
        for g in groups.as_object().expect("groups").values() {
            in_json += g.as_array().expect("a group").len();
        }
        assert_eq!(
            in_json,
            a.explanation.observations.len(),
            "{name}: one entry each"
        );
        for f in &a.explanation.observations {
            let group = match &f.disposition {
                Disposition::Counted => "counted",
                Disposition::CountedWithSameConcept { .. } => "counted_with_same_concept",
                Disposition::ElementFact => "element_fact",
                Disposition::ScoreOnly => "score_only",
                Disposition::Absent => "absent",
                Disposition::NotAssessed => "not_assessed",
                other => panic!("a disposition this test does not know: {other:?}"),
            };
            let entry = groups[group]
                .as_array()
                .and_then(|g| g.iter().find(|o| o["id"] == f.id.as_str()))
                .unwrap_or_else(|| panic!("{name}: {} in {group}", f.id));
            // The status follows from the group.
            let status = match group {
                "absent" => "absent",
                "not_assessed" => "not_assessed",
                _ => "present",
            };
            assert_eq!(f.status.as_str(), status, "{name}: {}", f.id);
            // The dimension is the catalogue's.
            let entry_in_catalogue = a.catalogue.catalogue().get(f.id.as_str()).expect("known");
            assert_eq!(
                f.dimension, entry_in_catalogue.dimension,
                "{name}: {}",
                f.id
            );
            // Sources and repeats are there unless empty or one.
            let sources: Vec<String> = f
                .sources
                .iter()
                .map(|s| serde_json::to_value(s).expect("source").to_string())
                .collect();
            let sources_json: Vec<String> = entry["sources"]
                .as_array()
                .map(|v| v.iter().map(ToString::to_string).collect())
                .unwrap_or_default();
            assert_eq!(sources, sources_json, "{name}: {}", f.id);
            assert_eq!(
                u64::from(f.recorded),
                entry["recorded"].as_u64().unwrap_or(1)
            );
            if let Disposition::CountedWithSameConcept { counted_as } = &f.disposition {
                assert_eq!(entry["counted_as"], counted_as.as_str());
            }
        }
    }
}

#[test]
fn dimension_element_score_and_question_fields_read_back() {
    for (name, assessor, case) in all_cases() {
        let a = assessor.assess(&case).expect("assesses");
        let json = json_of(&a);
        let ex = &json["explanation"];
        let rules = assessor.rule_set();
        let child = ex["subject"]["treated_as_child"] == true;
        assert_eq!(child, a.explanation.subject.treated_as_child);
        for (d, dj) in a
            .explanation
            .dimensions
            .iter()
            .zip(ex["dimensions"].as_array().expect("dims"))
        {
            assert_eq!(
                dj["dimension"],
                serde_json::to_value(d.dimension).expect("dimension")
            );
            // Positive exactly when a clause is met.
            assert_eq!(
                d.positive,
                dj.get("clause_met").is_some(),
                "{name}: {:?}",
                d.dimension
            );
            // The counts are the counted indicators by strength.
            let counted: Vec<Strength> = dj["counted"]
                .as_array()
                .map(|c| c.iter().map(|x| strength(&x["strength"])).collect())
                .unwrap_or_default();
            let count = |s: Strength| counted.iter().filter(|x| **x == s).count() as u32;
            assert_eq!(
                (d.counts.strong, d.counts.medium, d.counts.weak),
                (
                    count(Strength::Strong),
                    count(Strength::Medium),
                    count(Strength::Weak)
                ),
                "{name}: {:?}",
                d.dimension
            );
            // The element is the rule set's.
            let element = rules
                .person_rule
                .elements
                .iter()
                .find(|e| e.dimensions.contains(&d.dimension))
                .map(|e| e.element);
            assert_eq!(Some(d.element), element, "{name}: {:?}", d.dimension);
        }
        for e in &a.explanation.elements {
            let rule = rules
                .person_rule
                .elements
                .iter()
                .find(|r| r.element == e.element);
            assert_eq!(Some(&e.dimensions), rule.map(|r| &r.dimensions), "{name}");
        }
        // A contribution's strength is its counted strength (or, for an item of appearance,
        // the rule set's for the person); its weight is the rule set's; its dimension the
        // catalogue's.
        let scale = ex["score"]["scale"].as_f64().expect("scale");
        for c in &a.explanation.score.contributions {
            let in_dimension = ex["dimensions"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|d| d["counted"].as_array().into_iter().flatten())
                .find(|k| k["id"] == c.id.as_str())
                .map(|k| strength(&k["strength"]));
            let s = in_dimension.or_else(|| assessor.strength_for(c.id.as_str(), child));
            assert_eq!(Some(c.strength), s, "{name}: {}", c.id);
            assert_eq!(c.weight, rules.weights.of(c.strength), "{name}: {}", c.id);
            let entry = a.catalogue.catalogue().get(c.id.as_str()).expect("known");
            assert_eq!(Some(c.dimension), entry.dimension);
            let points = ex["score"]["contributions"]
                .as_array()
                .and_then(|v| v.iter().find(|x| x["id"] == c.id.as_str()))
                .and_then(|x| x["points"].as_f64())
                .expect("points");
            assert!((points - c.weight * scale).abs() < 1e-9, "{name}: {}", c.id);
        }
        for q in &a.explanation.ask_next {
            assert_eq!(
                Some(q.strength),
                assessor.strength_for(q.id.as_str(), child),
                "{name}: {}",
                q.id
            );
            let entry = a.catalogue.catalogue().get(q.id.as_str()).expect("known");
            assert_eq!(q.dimension, entry.dimension);
        }
    }
}

/// The crate writes the assessment JSON with its own compact writer (faster on ids and
/// keys): its bytes must be exactly `serde_json`'s, on every data and bundled case and on
/// generated cases under every built-in rule set, including notes and references that need
/// escaping.
#[test]
fn the_compact_json_is_byte_for_byte_what_serde_json_writes() {
    let mut checked = 0;
    for (name, assessor, case) in all_cases() {
        let a = assessor.assess(&case).expect("assessable");
        assert_eq!(
            a.to_json(),
            serde_json::to_string(&a).expect("JSON"),
            "{name}"
        );
        // The observations are written straight from the findings: as their groups would be.
        let groups =
            trafficking_indicators::assessment::ObservationGroups::of(&a.explanation.observations);
        assert_eq!(
            json_of(&a)["explanation"]["observations"],
            serde_json::to_value(&groups).expect("JSON"),
            "{name}"
        );
        checked += 1;
    }
    for id in RuleSet::builtin_ids() {
        let assessor = Assessor::builtin(id).expect("built in");
        for (i, mut case) in trafficking_indicators::interop::synthetic::SyntheticCases::new(11)
            .take(300)
            .enumerate()
        {
            // Text that needs escaping, in the fields that reach the JSON.
            if i % 3 == 0 {
                case.case_reference = Some(trafficking_indicators::case::CaseReference::new(
                    format!("ref \"{i}\" \\ tab\t line\n 한국 \u{1}"),
                ));
            }
            let a = assessor.assess(&case).expect("assessable");
            let json = a.to_json();
            assert_eq!(
                json,
                serde_json::to_string(&a).expect("JSON"),
                "{id} case {i}"
            );
            assert_eq!(
                i % 3 == 0,
                json.contains(
                    r#"ref \"{i}\" \\ tab\t line\n"#.replace("{i}", &i.to_string()).as_str()
                )
            );
            checked += 1;
        }
    }
    assert!(checked > 900);
}
