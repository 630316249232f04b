//! Rule sets and catalogue extensions as validated, versioned data.

use std::sync::Arc;

use trafficking_indicators::catalogue::CatalogueDocument;
use trafficking_indicators::{
    Assessor, Case, Catalogue, Level, RuleSet, RuleSetError, assess, validate,
};

use crate::common::{adult, present, root};

/// The person-level rule's entry for `element`, to change it.
fn element_mut(
    rules: &mut RuleSet,
    element: trafficking_indicators::PalermoElement,
) -> &mut trafficking_indicators::policy::ElementRule {
    rules
        .person_rule
        .elements
        .iter_mut()
        .find(|e| e.element == element)
        .expect("the built-in rule set names every element")
}

#[test]
fn builtin_rule_sets_validate() {
    for id in RuleSet::builtin_ids() {
        let rules = RuleSet::builtin(id).expect("parses");
        assert_eq!(validate(rules, &Catalogue::builtin()), vec![], "{id}");
        assert!(Assessor::builtin(id).is_ok(), "{id}");
        // Each file declares the id it is listed under, and its name is that id.
        assert_eq!(rules.id.as_str(), id);
        assert!(
            RuleSet::builtin_files().any(|(path, _)| path == format!("data/rule_sets/{id}.json")),
            "{id}"
        );
    }
    let unknown = Assessor::builtin("uk-2023").map(|_| ()).unwrap_err();
    assert!(matches!(unknown, RuleSetError::UnknownBuiltin(_)));
    // The error names the rule sets there are, all of them.
    assert_eq!(
        unknown.to_string(),
        "no built-in rule set is called `uk-2023` (there are `ilo-2009`, `kr-2023` and `kr-2024`)"
    );
    assert_eq!(RuleSet::builtin_ids().count(), 3);
}

/// The bundled broken rule set has five different mistakes; one call reports all five, each
/// with its JSON path.
#[test]
fn five_mistakes_give_five_errors_with_paths_in_one_call() {
    let text =
        std::fs::read_to_string(root("examples/rule_sets/five_mistakes.json")).expect("file");
    let rules = RuleSet::from_json(&text).expect("parses: the mistakes are in the content");
    let problems = validate(&rules, &Catalogue::builtin());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "$.lists[1]",
            "$.weights.medium",
            "$.strength_overrides[0].indicator",
            "$.person_rule.elements[1].dimensions",
            "$.levels.reasonable_grounds[0].all[0]",
        ],
        "{problems:#?}"
    );
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages[0].contains("unknown list id `ilo_ec_2009_adult_labor`"));
    assert!(messages[1].contains("cannot be negative"));
    assert!(messages[2].contains("unknown indicator id `debt_bondage_at_destinaton`"));
    assert!(messages[3].contains("names no dimension"));
    assert!(messages[4].contains("unreachable"));
    // ... and such a rule set can never assess.
    match Assessor::new(rules, Catalogue::builtin()) {
        Err(RuleSetError::Invalid(p)) => assert_eq!(p.len(), 5),
        other => panic!("expected the five problems, got {other:?}"),
    }
}

#[test]
fn other_mistakes_are_caught_too() {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.weights.strong = f64::NAN;
    rules.weights.weak = f64::INFINITY;
    rules.lists.push(rules.lists[0].clone());
    rules
        .dimension_rule
        .clauses
        .push(rules.dimension_rule.clauses[0].clone());
    rules
        .levels
        .reasonable_grounds
        .push(rules.levels.reasonable_grounds[0].clone());
    rules.effective_date = "2023-02-30".into();
    rules.non_punishment.links.pop();
    let problems = validate(&rules, &Catalogue::builtin());
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "$.effective_date: an effective date is a calendar date",
        "$.lists[10]: duplicate list id `ilo_ec_2009_adult_labour`",
        "$.weights.strong: a weight must be a number, not NaN",
        "$.weights.weak: a weight must be finite",
        "$.dimension_rule.clauses[4].id: duplicate clause id `two_strong`",
        "$.levels.reasonable_grounds[5].id: duplicate criterion id `exploitation_with_means`",
        "$.non_punishment.links: offence `other` has no link",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(expected)),
            "missing `{expected}` in {text:#?}"
        );
    }
}

#[test]
fn a_dimension_evidences_one_element() {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    // Coercion at destination, which evidences the means, named under the act as well.
    let coercion =
        element_mut(&mut rules, trafficking_indicators::PalermoElement::Means).dimensions[0];
    element_mut(&mut rules, trafficking_indicators::PalermoElement::Act)
        .dimensions
        .push(coercion);
    let text: Vec<String> = validate(&rules, &Catalogue::builtin())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        text.iter()
            .any(|t| t.contains("already makes up another element")),
        "{text:#?}"
    );
}

#[test]
fn out_of_order_weights_and_thresholds_are_rejected() {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.weights.weak = 8.0; // above medium
    let paths: Vec<String> = validate(&rules, &Catalogue::builtin())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, vec!["$.weights"]);
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.levels.reasonable_grounds[3].all =
        vec![trafficking_indicators::policy::Condition::ScoreAtLeast(0.0)];
    let problems = validate(&rules, &Catalogue::builtin());
    assert!(
        problems[0].message.starts_with("levels out of order"),
        "{problems:?}"
    );
}

#[test]
fn changing_one_weight_changes_the_digest_and_the_stamp() {
    let builtin = RuleSet::builtin("ilo-2009").expect("builtin");
    let mut changed = builtin.clone();
    changed.weights.medium = 6.0;
    assert_ne!(
        builtin.digest().expect("digest"),
        changed.digest().expect("digest")
    );
    let a = Assessor::new(changed, Catalogue::builtin()).expect("valid");
    let case = adult(&present(&["withholding_of_wages"]));
    let stamped = a.assess(&case).expect("assesses");
    assert_eq!(
        &*stamped.rule_set.digest,
        a.rule_set().digest().expect("digest").as_str()
    );
    assert_ne!(
        stamped.rule_set.digest,
        assess(&case).expect("default").rule_set.digest
    );
}

#[test]
fn the_digest_is_of_the_canonical_content_not_the_file_layout() {
    let (_, text) = RuleSet::builtin_files().next().expect("a file");
    let compact: serde_json::Value = serde_json::from_str(text).expect("JSON");
    let reparsed = RuleSet::from_json(&compact.to_string()).expect("parses");
    let digest = reparsed.digest().expect("digest");
    assert_eq!(
        digest,
        RuleSet::builtin("ilo-2009")
            .expect("builtin")
            .digest()
            .expect("digest")
    );
    // The digest is SHA-256 of the canonical JSON, which anyone can recompute.
    use sha2::{Digest, Sha256};
    let canonical = reparsed.canonical_json().expect("canonical JSON");
    let expected: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, expected);
}

#[test]
fn korea_exempts_persons_with_disabilities_from_the_means() {
    let ilo = RuleSet::builtin("ilo-2009").expect("builtin");
    let kr = RuleSet::builtin("kr-2023").expect("builtin");
    use trafficking_indicators::policy::ExemptGroup;
    assert!(!ilo.exempts(ExemptGroup::PersonsWithDisabilities));
    assert!(kr.exempts(ExemptGroup::PersonsWithDisabilities) && kr.exempts(ExemptGroup::Children));
    assert!(
        kr.references
            .iter()
            .any(|r| r.id.as_str() == "kr_act_18100")
    );
    assert_eq!(kr.effective_date, "2023-01-01");
}

#[test]
fn a_rule_set_loads_from_a_file_and_assesses() {
    let text =
        std::fs::read_to_string(root("examples/rule_sets/strict_screening.json")).expect("file");
    let rules = RuleSet::from_json(&text).expect("parses");
    let assessor = Assessor::new(rules, Catalogue::builtin()).expect("valid");
    let case = adult(&present(&[
        "confiscation_of_documents_at_destination",
        "excessive_working_days_or_hours",
    ]));
    // The strict policy drops the single-strong-indicator criterion.
    assert_eq!(
        assessor.assess(&case).expect("assesses").level,
        Level::FurtherInquiry
    );
    assert_eq!(
        assess(&case).expect("default").level,
        Level::ReasonableGrounds
    );
}

#[test]
fn a_national_list_extends_the_catalogue() {
    let text =
        std::fs::read_to_string(root("examples/rule_sets/national_list.json")).expect("file");
    let catalogue = Catalogue::builtin()
        .extend_from_json(&text)
        .expect("valid extension");
    assert_eq!(catalogue.len(), Catalogue::builtin().len() + 3);
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.id = "ilo-2009-with-national-list".into();
    rules
        .lists
        .push("example_national_list".parse().expect("id"));
    let assessor = Assessor::new(rules, Arc::new(catalogue)).expect("valid");
    let case = Case::from_json(
        r#"{"subject": {"age_years": 35}, "observations": [
            {"indicator": "example_recruitment_fee_above_legal_cap", "status": "present"},
            {"indicator": "deceived_about_wages", "status": "present"}]}"#,
    )
    .expect("case");
    let a = assessor.assess(&case).expect("assesses");
    assert_eq!(a.explanation.dimensions[0].counts.medium, 2);
    // The same case is an error under the built-in catalogue: the id is unknown there.
    assert!(assess(&case).is_err());
}

#[test]
fn an_extension_cannot_override_a_builtin_id() {
    let clash = r#"{"format_version": 1, "entries": [{
        "id": "debt_bondage_at_destination", "concept": "debt_bondage", "dimension": "coercion_at_destination",
        "strength": "weak", "label": "Debt", "description": "A weaker debt bondage.", "lists": ["unodc_general"],
        "provenance": {"source": "ilo_ec_2009", "section": "x", "verification": "project_judgement", "notes": ["why"]}}]}"#;
    let err = Catalogue::builtin()
        .extend(CatalogueDocument::from_json(clash).expect("parses"))
        .expect_err("clash");
    let problems = err.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "$[0].entries[0].id");
    assert!(
        problems[0].message.contains("collides"),
        "{}",
        problems[0].message
    );
}

/// The catalogue keeps element facts, recruiter-conduct marks and items of appearance apart:
/// an entry has a dimension or an element (act or purpose), never both or neither; only a
/// recruitment-phase entry carries an act-evidence mark; an element fact is no item of
/// appearance; and a sign of appearance never shares a concept with the fact it points to.
#[test]
fn an_extension_that_mixes_facts_dimensions_and_appearance_is_rejected() {
    let entry = |id: &str, concept: &str, place: &str, extra: &str| {
        format!(
            r#"{{"id": "{id}", "concept": "{concept}", {place} "strength": "weak", "label": "x",
            "description": "x", "lists": ["unodc_general"]{extra},
            "provenance": {{"source": "ilo_ec_2009", "section": "x", "verification": "project_judgement", "notes": ["why"]}}}}"#
        )
    };
    let entries = [
        entry(
            "example_both",
            "example_both",
            r#""dimension": "coercion_at_destination", "element": "purpose","#,
            "",
        ),
        entry("example_neither", "example_neither", "", ""),
        entry(
            "example_means_fact",
            "example_means_fact",
            r#""element": "means","#,
            "",
        ),
        entry(
            "example_mark_on_conditions",
            "example_mark_on_conditions",
            r#""dimension": "exploitative_conditions_of_work","#,
            r#", "act_evidence": {"evidences_act": true, "reason": "x"}"#,
        ),
        entry(
            "example_appearance_fact",
            "example_appearance_fact",
            r#""element": "purpose","#,
            r#", "appearance": true"#,
        ),
        entry(
            "example_looks_confined",
            "isolation_confinement_or_surveillance",
            r#""dimension": "coercion_at_destination","#,
            r#", "appearance": true"#,
        ),
        // The person's own circumstances are marked only in a vulnerability dimension, never
        // on an item of appearance, and never share a concept with what someone did.
        entry(
            "example_background_coercion",
            "example_background_coercion",
            r#""dimension": "coercion_at_destination","#,
            r#", "background": {"reason": "x"}"#,
        ),
        entry(
            "example_background_looks",
            "example_background_looks",
            r#""dimension": "abuse_of_vulnerability_at_destination","#,
            r#", "appearance": true, "background": {"reason": "x"}"#,
        ),
        entry(
            "example_dependency_background",
            "dependency_on_exploiters",
            r#""dimension": "abuse_of_vulnerability_at_destination","#,
            r#", "background": {"reason": "x"}"#,
        ),
        entry(
            "example_background_conduct",
            "example_background_conduct",
            r#""dimension": "recruitment_by_abuse_of_vulnerability","#,
            r#", "act_evidence": {"evidences_act": true, "reason": "x"}, "background": {"reason": "x"}"#,
        ),
    ];
    let doc = format!(
        r#"{{"format_version": 1, "entries": [{}]}}"#,
        entries.join(",")
    );
    let err = Catalogue::builtin()
        .extend(CatalogueDocument::from_json(&doc).expect("parses"))
        .expect_err("invalid");
    let found: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    for expected in [
        "$[0].entries[0].element: an entry with a dimension evidences that dimension's element",
        "$[0].entries[1]: an entry needs a `dimension`, or an `element`",
        "$[0].entries[2].element: the means are evidenced through the ILO/EC dimensions",
        "$[0].entries[3].act_evidence: only a recruitment-phase entry or an entry of coercion at destination is marked",
        "$[0].entries[4].appearance: an element fact is not an item of appearance",
        "$[0].entries[5].concept: concept `isolation_confinement_or_surveillance` is shared with `isolation_confinement_or_surveillance_at_destination`",
        "$[0].entries[6].background: only an entry of a vulnerability dimension is marked as background",
        "$[0].entries[7].background: an item of appearance is not marked as background",
        "$[0].entries[8].concept: concept `dependency_on_exploiters` is shared with `dependency_on_exploiters` in the same dimension, but only one of them is marked as background",
        "$[0].entries[9].background: background (the person's own circumstances) is not conduct of a recruiter",
    ] {
        assert!(
            found.iter().any(|t| t.starts_with(expected)),
            "missing `{expected}` in {found:#?}"
        );
    }
    assert_eq!(found.len(), 10, "{found:#?}");
}

/// Lists named as direct evidence of an element must be lists of element facts of that
/// element, among the rule set's lists: a list with dimensioned entries would let one fact
/// count both in a dimension and as the element.
#[test]
fn element_fact_lists_must_hold_facts_of_that_element() {
    use trafficking_indicators::ListId;
    use trafficking_indicators::policy::Condition;
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    let purpose = element_mut(&mut rules, trafficking_indicators::PalermoElement::Purpose);
    purpose.lists = vec![
        ListId::new("unodc_general").expect("id"),
        ListId::new("palermo_acts").expect("id"),
    ];
    rules.levels.reasonable_grounds[0]
        .all
        .push(Condition::ListIndicatorPresent {
            lists: vec![ListId::new("not_in_this_rule_set").expect("id")],
            min_strength: trafficking_indicators::Strength::Weak,
        });
    rules.levels.reasonable_grounds[1]
        .all
        .push(Condition::Any(Vec::new()));
    let text: Vec<String> = validate(&rules, &Catalogue::builtin())
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "$.person_rule.elements[2].lists[0]: list `unodc_general` has entries with a dimension",
        "$.person_rule.elements[2].lists[1]: list `palermo_acts` has entries that evidence another element",
        "$.levels.reasonable_grounds[0].all[2].list_indicator_present.lists[0]: list `not_in_this_rule_set` is not among the rule set's lists",
        "$.levels.reasonable_grounds[1].all[2]: names no condition",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(expected)),
            "missing `{expected}` in {text:#?}"
        );
    }
}

/// An unknown built-in id is named when it is a short token, and not shown (nor quoted as if
/// it were the id) when it may be anything someone typed.
#[test]
fn an_unknown_builtin_id_is_named_or_plainly_not_shown() {
    let short = trafficking_indicators::RuleSet::builtin("kr-2025").expect_err("unknown");
    assert!(
        short
            .to_string()
            .starts_with("no built-in rule set is called `kr-2025` (")
    );
    let typed = trafficking_indicators::RuleSet::builtin("Maria Kim lives here")
        .expect_err("unknown")
        .to_string();
    assert!(typed.starts_with("no built-in rule set is called (an id that is not shown) ("));
    assert!(!typed.contains("Maria"), "{typed}");
}

/// A number in a problem message is readable however small: a weight of 1e-320 gave a
/// threshold message with a decimal of more than three hundred digits.
#[test]
fn tiny_and_negative_weights_are_shown_readably() {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.weights.strong = 1e-320;
    rules.weights.medium = 1e-320;
    rules.weights.weak = -1e-320;
    let problems = validate(&rules, &Catalogue::builtin());
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("cannot be negative (found -1e-320)")),
        "{text:#?}"
    );
    assert!(text.iter().all(|t| t.len() < 300), "{text:#?}");
}

/// The person's own circumstances (poverty, a family to support, a permit tied to the
/// employer) make both vulnerability dimensions positive by the ILO/EC combination rule. The
/// built-in rule sets do not let them decide alone; a rule set that says
/// `background_evidence: counts` (the ILO/EC reading, and the default of a rule set that says
/// nothing) lets them evidence the act and the means.
#[test]
fn background_alone_decides_only_where_the_rule_set_lets_it() {
    let case = adult(&present(&[
        "economic_reasons_at_recruitment",
        "family_situation_at_recruitment",
        "difficulties_in_the_past_at_recruitment",
        "economic_reasons_at_destination",
        "family_situation_at_destination",
        "relationship_with_authorities_at_destination",
        "excessive_working_days_or_hours",
        "low_or_no_salary",
    ]));
    for id in RuleSet::builtin_ids() {
        let builtin = RuleSet::builtin(id).expect("builtin");
        let a = Assessor::builtin(id)
            .expect("builtin")
            .assess(&case)
            .expect("valid");
        assert_eq!(a.level, Level::FurtherInquiry, "{id}");
        assert_eq!(
            a.positive_dimensions().len(),
            3,
            "{id}: the ILO/EC rule is unchanged"
        );
        let background_only: Vec<_> = a
            .explanation
            .dimensions
            .iter()
            .filter(|d| d.background_only)
            .map(|d| d.dimension)
            .collect();
        assert_eq!(background_only.len(), 2, "{id}");
        let mut counts = builtin.clone();
        counts.person_rule.background_evidence =
            trafficking_indicators::policy::BackgroundEvidence::Counts;
        let a = Assessor::new(counts, Catalogue::builtin())
            .expect("valid")
            .assess(&case)
            .expect("valid");
        assert_eq!(a.level, Level::DefinitionMet, "{id} with `counts`");
        assert!(a.explanation.dimensions.iter().all(|d| !d.background_only));
        // Left out of a rule set's JSON, the field reads as `counts`.
        let mut json: serde_json::Value = serde_json::to_value(builtin).expect("json");
        let removed = json["person_rule"]
            .as_object_mut()
            .and_then(|o| o.remove("background_evidence"));
        assert_eq!(removed, Some(serde_json::json!("not_alone")), "{id}");
        let read = RuleSet::from_json(&json.to_string()).expect("reads");
        assert_eq!(
            read.person_rule.background_evidence,
            trafficking_indicators::policy::BackgroundEvidence::Counts
        );
    }
    // Only circumstances: no sign of trafficking at all, and the report says why.
    let poor = adult(&present(&["economic_reasons_at_destination"]));
    let a = Assessor::builtin("kr-2024")
        .expect("builtin")
        .assess(&poor)
        .expect("valid");
    assert_eq!(a.level, Level::NoIndicators);
    assert!(a.score > 0.0);
    assert!(
        a.report()
            .contains("Only the person's own circumstances are recorded")
    );
}

/// A reasonable-grounds criterion added to `ilo-2009`, its conditions written as in a file.
fn ilo_2009_with_criterion(all: serde_json::Value) -> RuleSet {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    let mut criterion = rules.levels.reasonable_grounds[0].clone();
    criterion.id = trafficking_indicators::ConceptId::new("added_criterion").expect("id");
    criterion.all = serde_json::from_value(all).expect("conditions");
    rules.levels.reasonable_grounds.push(criterion);
    rules
}

/// A criterion that asks only who the person is (a child, exempt from the means) would give
/// a 12-year-old reasonable grounds with nothing observed: levels out of order, wherever the
/// person-only condition stands (alone, beside another, in a branch of `any`).
#[test]
fn a_criterion_that_holds_without_any_indicator_is_rejected() {
    let at = "$.levels.reasonable_grounds[5].all";
    for all in [
        serde_json::json!(["treated_as_child"]),
        serde_json::json!(["means_not_required"]),
        serde_json::json!(["means_not_required", "treated_as_child"]),
        serde_json::json!([{ "any": ["treated_as_child", "means_not_required"] }]),
        serde_json::json!([
            "treated_as_child",
            { "any": [{ "score_at_least": 30.0 }, "means_not_required"] }
        ]),
    ] {
        let rules = ilo_2009_with_criterion(all.clone());
        let text: Vec<String> = validate(&rules, &Catalogue::builtin())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            text,
            vec![format!(
                "{at}: levels out of order: this criterion holds without any indicator present"
            )],
            "{all}"
        );
        assert!(Assessor::new(rules, Catalogue::builtin()).is_err(), "{all}");
    }
    // A child with nothing observed has no indicators under the built-in rule set.
    let twelve = crate::common::with_subject(
        trafficking_indicators::Subject {
            age_years: Some(12),
            ..Default::default()
        },
        &[],
    );
    assert_eq!(
        assess(&twelve).expect("assesses").level,
        Level::NoIndicators
    );
    // A person-only condition beside one that needs evidence is fine: the evidence decides.
    for all in [
        serde_json::json!(["treated_as_child", { "score_at_least": 30.0 }]),
        serde_json::json!([{ "any": ["treated_as_child", "means_not_required"] }, { "element_met": "purpose" }]),
        serde_json::json!([{ "any": ["treated_as_child", { "element_met": "act" }] }, { "element_met": "purpose" }]),
    ] {
        let rules = ilo_2009_with_criterion(all.clone());
        assert_eq!(validate(&rules, &Catalogue::builtin()), vec![], "{all}");
        let assessor = Assessor::new(rules, Catalogue::builtin()).expect("valid");
        assert_eq!(
            assessor.assess(&twelve).expect("assesses").level,
            Level::NoIndicators,
            "{all}"
        );
    }
}

/// Every problem names a place of the document that has it: its path, read in the rule set's
/// own JSON, finds a value. Conditions are externally tagged, so a condition's dimensions are
/// under its name (`…all[1].any_dimension_positive[0]`), in a criterion, in a branch of `any`
/// and in a recommendation's `when`. Each built-in rule set, its lists cut to one at a time
/// (every dimension without an indicator in some of them), with a nested criterion, an
/// `indicator_present` in a recommendation, a context condition that names nothing and one
/// that names an indicator the catalogue lacks.
#[test]
fn every_problem_path_names_a_place_in_the_rule_set() {
    use serde_json::json;
    let catalogue = Catalogue::builtin();
    let mut checked = 0;
    for id in RuleSet::builtin_ids() {
        let text = std::fs::read_to_string(root(&format!("data/rule_sets/{id}.json"))).expect(id);
        let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let basis = doc["levels"]["reasonable_grounds"][0]["basis"].clone();
        let coercion = json!({ "indicator_present": {
            "dimensions": ["deceptive_recruitment", "coercion_at_destination"],
            "min_strength": "weak"
        } });
        let criteria = doc["levels"]["reasonable_grounds"]
            .as_array_mut()
            .expect("criteria");
        let nested = criteria.len();
        criteria.push(json!({
            "id": "nested_conditions",
            "label": "a criterion with conditions inside conditions",
            "all": [
                { "score_at_least": 1.0e9 },
                { "any": [{ "any_dimension_positive": ["coercive_recruitment"] }, coercion] }
            ],
            "basis": basis
        }));
        let recommendations = doc["recommendations"]
            .as_array_mut()
            .expect("recommendations");
        let labour = recommendations
            .iter()
            .position(|r| r["kind"] == "labour_rights_referral")
            .expect("a labour rights referral");
        recommendations[labour]["when"]
            .as_array_mut()
            .expect("when")
            .push(coercion.clone());
        recommendations[0]["context"] = json!([{ "forms": [] }]);
        recommendations[1]["context"] = json!([{ "indicators_present": ["no_such_indicator"] }]);
        if doc["non_punishment"]["child"].is_object() {
            doc["non_punishment"]["child"]["below_age"] = json!({ "age": 0, "legal_basis": [] });
        }
        let lists = doc["lists"].as_array().expect("lists").clone();
        for list in &lists {
            let mut cut = doc.clone();
            cut["lists"] = json!([list]);
            let rules = RuleSet::from_json(&cut.to_string()).expect("parses");
            let problems = validate(&rules, &catalogue);
            assert!(!problems.is_empty(), "{id} with only {list}");
            for p in &problems {
                // A problem of the contact directory names a place in that document.
                if p.path.starts_with("$.contact_directory(") {
                    continue;
                }
                assert!(
                    crate::common::value_at(&cut, &p.path).is_some(),
                    "{id} with only {list}: `{}` names no place: {}",
                    p.path,
                    p.message
                );
                checked += 1;
            }
            if list == "palermo_acts" {
                // No dimension has an indicator in a list of facts.
                let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
                for expected in [
                    "$.levels.reasonable_grounds[0].all[1].any_dimension_positive[0]".to_owned(),
                    format!(
                        "$.levels.reasonable_grounds[{nested}].all[1].any[0].any_dimension_positive[0]"
                    ),
                    format!(
                        "$.levels.reasonable_grounds[{nested}].all[1].any[1].indicator_present.dimensions[1]"
                    ),
                    format!("$.recommendations[{labour}].when[0].any_dimension_positive[0]"),
                    format!("$.recommendations[{labour}].when[1].indicator_present.dimensions[0]"),
                    "$.recommendations[0].context[0]".to_owned(),
                ] {
                    assert!(
                        paths.contains(&expected.as_str()),
                        "{id}: {expected} in {paths:#?}"
                    );
                }
            }
        }
    }
    assert!(checked > 300, "{checked}");
}

/// An extension of an extended catalogue clashes with the catalogue it extends, the first
/// extension included: the same words as a clash with a built-in id, not "a duplicate" (the
/// words for an id repeated inside one document). Both extensions' entries stay extensions.
#[test]
fn an_extension_of_an_extension_cannot_override_the_first_extension() {
    let text =
        std::fs::read_to_string(root("examples/rule_sets/national_list.json")).expect("file");
    let national = Catalogue::builtin()
        .extend_from_json(&text)
        .expect("valid extension");
    let err = national.extend_from_json(&text).expect_err("clash");
    let problems = err.problems();
    let entries: Vec<_> = problems
        .iter()
        .filter(|p| p.path.starts_with("$[0].entries["))
        .collect();
    assert_eq!(entries.len(), 3, "{problems:#?}");
    for p in entries {
        assert!(
            p.message
                .ends_with("collides with an indicator id of the catalogue it extends"),
            "{}: {}",
            p.path,
            p.message
        );
    }
    // An id twice in one extension is a duplicate.
    let mut twice: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let first = twice["entries"][0].clone();
    twice["entries"]
        .as_array_mut()
        .expect("entries")
        .push(first);
    let err = Catalogue::builtin()
        .extend_from_json(&twice.to_string())
        .expect_err("duplicate");
    let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "$[0].entries[3].id: `example_recruitment_fee_above_legal_cap` is a duplicate indicator id"
        ]
    );
    let fee = trafficking_indicators::IndicatorId::new("example_recruitment_fee_above_legal_cap")
        .expect("id");
    assert!(national.is_extension(&fee));
    let builtin =
        trafficking_indicators::IndicatorId::new("debt_bondage_at_destination").expect("id");
    assert!(!national.is_extension(&builtin));
}

/// The strong-coercion criterion's label names its indicators as examples: under the
/// children's strengths abduction, forced marriage or sale is strong coercion too and meets
/// it (a 15-year-old sold by her father was told the criterion meant violence, documents,
/// debt or confinement).
#[test]
fn the_strong_coercion_criterion_names_its_indicators_as_examples() {
    let ko = trafficking_indicators::render::Locale::Ko.texts();
    for id in RuleSet::builtin_ids() {
        let rules = RuleSet::builtin(id).expect("built in");
        let c = rules
            .levels
            .reasonable_grounds
            .iter()
            .find(|c| c.id == "strong_coercion_with_exploitation")
            .expect("the criterion");
        assert!(
            c.label.contains("(for example violence"),
            "{id}: {}",
            c.label
        );
        let key = format!(
            "rules.{}.criterion.strong_coercion_with_exploitation",
            rules.text_namespace()
        );
        let korean = ko.get(&key).expect("Korean");
        assert!(korean.contains("(예: 폭력"), "{id}: {korean}");
    }
    // A child sold (strong under the children's strengths) meets it.
    let case = Case::from_json(
        r#"{"subject": {"age_years": 15}, "forms": ["forced_marriage"],
            "observations": [
              {"indicator": "abduction_forced_marriage_adoption_or_sale", "status": "present"},
              {"indicator": "purpose_forced_marriage", "status": "present"}]}"#,
    )
    .expect("valid");
    let a = Assessor::builtin("kr-2024")
        .expect("built in")
        .assess(&case)
        .expect("assessed");
    let report = a.report();
    assert!(
        report.contains("a strong coercion indicator (for example violence"),
        "{report}"
    );
}

/// A condition that names only what no condition sees can never hold: an item of appearance,
/// or, under `background_evidence: not_alone`, the person's own circumstances. Under
/// `counts` the circumstance is seen, and the same condition is accepted.
#[test]
fn a_condition_naming_only_what_no_condition_sees_is_unreachable() {
    let mut rules = RuleSet::builtin("kr-2024").expect("builtin").clone();
    let mut criterion = rules.levels.reasonable_grounds[0].clone();
    criterion.all = vec![
        serde_json::from_value(serde_json::json!({"any_indicator_present": {
            "indicators": ["economic_reasons_at_destination", "unodc_few_clothes_mostly_sex_work_clothing"],
            "min_strength": "weak"}}))
        .expect("a condition"),
    ];
    rules.levels.reasonable_grounds.push(criterion);
    let n = rules.levels.reasonable_grounds.len() - 1;
    let problems: Vec<String> = validate(&rules, &Catalogue::builtin())
        .iter()
        .map(ToString::to_string)
        .collect();
    let at = |k: usize| {
        format!(
            "$.levels.reasonable_grounds[{n}].all[0].any_indicator_present.indicators[{k}]: unreachable"
        )
    };
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&at(0)) && p.contains("background")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&at(1)) && p.contains("appearance")),
        "{problems:#?}"
    );
    rules.person_rule.background_evidence =
        trafficking_indicators::policy::BackgroundEvidence::Counts;
    let problems: Vec<String> = validate(&rules, &Catalogue::builtin())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        !problems.iter().any(|p| p.starts_with(&at(0))),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with(&at(1))),
        "{problems:#?}"
    );
}

/// `ilo-2009`'s referral names the assistance CoE Convention Art. 12(1) sets as a minimum,
/// access to education for a child among it, and says that it does not depend on the
/// person's willingness to act as a witness (Art. 12(6)): an officer who offers help only to a
/// person who will testify is doing what it forbids. Since ilo-2009 3.21.0 it also gives the
/// universal minimum (Palermo Art. 6(3)), information on proceedings and compensation (Art.
/// 6(2)(a), (6)), in place of the EU Directive, which binds only EU Member States.
#[test]
fn the_international_referral_gives_the_whole_minimum_and_no_condition_of_testifying() {
    use trafficking_indicators::render::Locale;
    let a = crate::common::assess_json_under("ilo-2009", crate::common::FORCED_LABOUR_NON_NATIONAL);
    for (lang, texts) in [
        (
            Locale::En,
            [
                "access to education for a child (the minimum under CoE Convention Art. 12(1);",
                "must not depend on the person's willingness to act as a witness or to cooperate with the investigation (CoE Convention Art. 12(6))",
                "that they may seek compensation for the damage suffered (Art. 6(6))",
            ],
        ),
        (
            Locale::Ko,
            [
                "아동인 경우 교육 기회를 제공할 것(유럽평의회 인신매매방지협약(CoE 협약) 제12조제1항의 최소 기준임.",
                "증인이 되거나 수사에 협조할 의사가 있는지에 따라 좌우되어서는 아니 됨(같은 협약 제12조제6항)",
                "입은 손해의 배상을 구할 수 있다는 것(같은 조 제6항;",
            ],
        ),
    ] {
        let report = a.report_in(lang);
        for text in texts {
            assert!(report.contains(text), "{lang:?}: missing {text}");
        }
    }
}

/// `ilo-2009`'s child non-punishment advisory speaks of the form the child is in: a boy
/// moving drugs is told that consent changes nothing for a child, not that "a child in the
/// sex trade is a victim of sexual exploitation".
#[test]
fn the_international_child_advisory_does_not_speak_of_the_sex_trade_to_a_drug_courier() {
    use trafficking_indicators::render::Locale;
    let case = r#"{"subject": {"age_years": 15, "national": true}, "forms": ["forced_criminality"],
        "offences": [{"kind": "drug_offence", "stage": "suspected"}],
        "observations": [
            {"indicator": "act_recruitment", "status": "present"},
            {"indicator": "forced_into_illicit_or_criminal_activities", "status": "present"},
            {"indicator": "purpose_forced_criminality", "status": "present"}]}"#;
    let a = crate::common::assess_json_under("ilo-2009", case);
    for (lang, says, not) in [
        (
            Locale::En,
            "what the child says about consent changes nothing, as the means are not required for a child (Palermo Art. 3(c))",
            "a child in the sex trade is a victim",
        ),
        (
            Locale::Ko,
            "동의에 관한 아동의 진술은 판단에 영향을 미치지 아니함",
            "성매매에 연루된 아동은",
        ),
    ] {
        let report = a.report_in(lang);
        assert!(report.contains(says), "{lang:?}");
        assert!(!report.contains(not), "{lang:?}");
    }
}

/// Since schema 4.11.0 a child advisory's `covers_basis` need not be among its `legal_basis`
/// (the Korean rule sets cite Youth Sex Offences Act Art. 38(1) on the prostitution line only),
/// but each id is still checked: an unknown reference, or one of another jurisdiction in a
/// rule set for one, is a problem at its path.
#[test]
fn a_child_advisorys_covers_basis_is_checked_as_a_legal_basis() {
    let mut doc = crate::common::data_json("data/rule_sets/kr-2024.json");
    let child = &doc["non_punishment"]["child"];
    assert!(
        !child["legal_basis"]
            .as_array()
            .expect("array")
            .contains(&child["covers_basis"][0]),
        "the built-in rule set relies on it"
    );
    let problems_with = |doc: &serde_json::Value| {
        let rules = RuleSet::from_json(&doc.to_string()).expect("parses");
        validate(&rules, &Catalogue::builtin())
    };
    assert_eq!(problems_with(&doc), vec![]);
    for (id, says) in [
        ("no_such_reference", "unknown reference id"),
        ("coe_cets_197_art_10", "is not KR law"),
    ] {
        doc["non_punishment"]["child"]["covers_basis"] = serde_json::json!([id]);
        let problems = problems_with(&doc);
        assert!(
            problems
                .iter()
                .any(|p| p.path == "$.non_punishment.child.covers_basis[0]"
                    && p.message.contains(says)),
            "{id}: {problems:#?}"
        );
    }
}

/// A rule set's notices (since schema 4.12.0) are checked: a context condition that can never
/// hold (an `offences` list naming nothing), "not a national" (a notice has no "if the person
/// is not a national"), a kind given twice and a kind that is the engine's to give are named
/// by their paths (a list of types of sexual exploitation naming nothing too, since schema
/// 4.13.0). The built-in notice on the Sex Trade Act's duty holds where the sex trade may be
/// what the person went through.
#[test]
fn a_notices_context_that_can_never_hold_is_a_problem() {
    let mut value = crate::common::data_json("data/rule_sets/kr-2024.json");
    let notices = value["notices"].as_array_mut().expect("notices");
    let at = notices
        .iter()
        .position(|n| n["kind"] == "sex_trade_claims_void")
        .expect("the Sex Trade Act's notice");
    assert_eq!(
        notices[at]["context"],
        serde_json::json!([{ "sexual_exploitation_types": ["prostitution"] }])
    );
    notices[at]["context"] = serde_json::json!([
        { "offences": [] },
        "not_national",
        { "sexual_exploitation_types": [] }
    ]);
    // A second notice of the same kind, and one of a kind the engine gives from the case.
    let mut twice = notices[at].clone();
    twice["context"] = serde_json::json!([{ "offences": ["prostitution"] }]);
    notices.push(twice);
    let mut engines = notices[at].clone();
    engines["kind"] = serde_json::json!("safety_first");
    engines["context"] = serde_json::json!([]);
    notices.push(engines);
    let n = notices.len();
    let rules = RuleSet::from_json(&value.to_string()).expect("parses");
    let problems = validate(&rules, &Catalogue::builtin());
    let found: Vec<(String, String)> = problems.into_iter().map(|p| (p.path, p.message)).collect();
    let not_national = "a notice cannot say \"if the person is not a national\" where \
        nationality is not recorded: name it in the text, or use a recommendation";
    let twice = "the same kind of notice is given twice: one notice per kind (its wording is \
        keyed by kind)";
    let engines = "a rule set gives only notices of kind `consent_irrelevant` or \
        `sex_trade_claims_void`; the others come from the case";
    let mut expected = vec![
        (
            format!("$.notices[{at}].context[1]"),
            not_national.to_owned(),
        ),
        (
            format!("$.notices[{at}].context[0]"),
            "names nothing, so it can never hold".to_owned(),
        ),
        (
            format!("$.notices[{at}].context[2]"),
            "names nothing, so it can never hold".to_owned(),
        ),
        (format!("$.notices[{}].kind", n - 2), twice.to_owned()),
        (format!("$.notices[{}].kind", n - 1), engines.to_owned()),
    ];
    let mut found = found;
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}

/// The stay line under `ilo-2009` asked for a stay whatever the person wanted; an abandoned
/// seafarer wants to go home. It now says to ask the person first, and that a return should
/// be safe and preferably voluntary (Palermo Protocol Art. 8(2)).
#[test]
fn the_stay_line_says_to_ask_what_the_person_wants_and_a_return_is_preferably_voluntary() {
    // The bundled distant-water fisher, a non-national at reasonable grounds or above.
    let fisher = std::fs::read_to_string(root("examples/cases/fisher_distant_water.json"))
        .expect("the bundled case");
    let case = |national: bool| {
        let mut case = trafficking_indicators::Case::from_json(&fisher).expect("valid");
        case.subject.national = Some(national);
        case
    };
    let assessor = trafficking_indicators::Assessor::builtin("ilo-2009").expect("built in");
    let a = assessor.assess(&case(false)).expect("assessed");
    assert!(a.level >= trafficking_indicators::Level::ReasonableGrounds);
    let stay = a
        .recommendations
        .iter()
        .find(|r| {
            r.kind == trafficking_indicators::RecommendationKind::NoRemovalPendingIdentification
        })
        .expect("the stay line");
    assert!(stay.additions.iter().any(|p| {
        p.legal_basis
            .iter()
            .any(|c| c.reference.as_str() == "palermo_protocol_art_8_2")
    }));
    for (locale, words) in [
        (
            trafficking_indicators::render::Locale::En,
            "preferably be voluntary",
        ),
        (
            trafficking_indicators::render::Locale::Ko,
            "자발적인 것이 바람직함",
        ),
    ] {
        assert!(a.report_in(locale).contains(words), "{locale:?}");
    }
    // On the first screen too (a first-screen review found it only in the full text).
    let first =
        crate::common::first_screen(&a.report_in(trafficking_indicators::render::Locale::En));
    assert!(first.contains("ask what they want"), "{first}");
    assert!(first.contains("preferably voluntary"), "{first}");
    let national = assessor.assess(&case(true)).expect("assessed");
    assert!(
        !national
            .report_in(trafficking_indicators::render::Locale::En)
            .contains("preferably be voluntary")
    );
}

/// A person presumed a child pending age assessment is told so on the first screen, where
/// the child protection step is (the presumption was said only under "notes" unless an
/// offence was listed; a first-screen review, twenty-seventh session).
#[test]
fn a_presumed_childs_first_screen_says_the_presumption() {
    use trafficking_indicators::render::Locale;
    let case = r#"{"subject": {"possibly_minor": true}, "forms": ["sexual"],
        "observations": [{"indicator": "purpose_sexual_exploitation", "status": "present"}]}"#;
    for (id, locale, words) in [
        (
            "ilo-2009",
            Locale::En,
            "Treat the person as a child until the age is assessed",
        ),
        (
            "kr-2024",
            Locale::Ko,
            "연령이 확인될 때까지 아동ㆍ청소년으로 보고",
        ),
    ] {
        let a = crate::common::assess_json_under(id, case);
        let first = crate::common::first_screen(&a.report_in(locale));
        assert!(first.contains(words), "{id}: {first}");
    }
    // A child whose age is known is not told of a presumption.
    let a = crate::common::assess_json_under(
        "ilo-2009",
        r#"{"subject": {"age_years": 15}, "forms": ["sexual"],
            "observations": [{"indicator": "purpose_sexual_exploitation", "status": "present"}]}"#,
    );
    assert!(
        !a.report_in(Locale::En)
            .contains("until the age is assessed, and refer")
    );
}

/// The conditions new in schema 5.1.0 are checked, by path: an `indicators_present` id the
/// catalogue lacks, or one in none of the rule set's lists (a case cannot record it, so the
/// condition would never hold); an age of criminal responsibility of 0, above the child age
/// limit (the ages between would be left out without a word), or without a source (a code
/// review, thirtieth session: the path test alone could not fail without these checks).
#[test]
fn the_new_conditions_are_checked_by_path() {
    use serde_json::json;
    let catalogue = Catalogue::builtin();
    let problems_under = |id: &str,
                          edit: &dyn Fn(&mut serde_json::Value)|
     -> Vec<(String, String)> {
        let text = std::fs::read_to_string(root(&format!("data/rule_sets/{id}.json"))).expect(id);
        let mut doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        edit(&mut doc);
        let rules = RuleSet::from_json(&doc.to_string()).expect("parses");
        validate(&rules, &catalogue)
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    };
    let problems_with = |edit: &dyn Fn(&mut serde_json::Value)| problems_under("kr-2024", edit);
    // An entry of one list only, with that list taken out of the rule set: a case could no
    // longer record it.
    let kr = RuleSet::builtin("kr-2024").expect("built in");
    let (list, id) = kr
        .lists
        .iter()
        .find_map(|list| {
            catalogue
                .entries()
                .iter()
                .find(|e| e.lists.len() == 1 && e.lists.contains(list))
                .map(|e| (list.as_str().to_owned(), e.id.as_str().to_owned()))
        })
        .expect("an entry of one list");
    let problems = problems_with(&|doc| {
        let lists = doc["lists"].as_array_mut().expect("lists");
        lists.retain(|l| l != list.as_str());
        doc["recommendations"][0]["context"] = json!([{ "indicators_present": [id.clone()] }]);
    });
    assert!(
        problems.iter().any(|(path, message)| path
            == "$.recommendations[0].context[0].indicators_present[0]"
            && message.contains("none of the rule set's lists")),
        "{problems:?}"
    );
    for (below, path, words) in [
        (
            json!({ "age": 0, "legal_basis": ["kr_criminal_act_art_9"] }),
            "$.non_punishment.child.below_age.age",
            "under 0",
        ),
        (
            json!({ "age": 20, "legal_basis": ["kr_criminal_act_art_9"] }),
            "$.non_punishment.child.below_age.age",
            "child age limit (19)",
        ),
        (
            json!({ "age": 14, "legal_basis": [] }),
            "$.non_punishment.child.below_age.legal_basis",
            "cite",
        ),
    ] {
        let problems =
            problems_with(&|doc| doc["non_punishment"]["child"]["below_age"] = below.clone());
        assert!(
            problems.iter().any(|(p, m)| p == path && m.contains(words)),
            "{below}: {problems:?}"
        );
    }
    assert!(
        problems_with(&|_| {}).is_empty(),
        "the built-in rule set is valid"
    );
}

/// Under `ilo-2009`, a person whose papers someone else holds, with a removal, detention or
/// refusal of entry under way, is told to have them recovered and, for a return, of the State
/// of nationality's duty to issue travel documents (Palermo Art. 8(4)); for a child, that
/// child protection decides any return and any contact with the consulate (a code review,
/// thirty-eighth session: the line asked a detained boy of 15 for his own consent). Not for a
/// national, and not without such a measure (the narrowing policy item 58 explains).
#[test]
fn held_papers_with_a_removal_under_way_are_recovered_and_a_child_left_to_child_protection() {
    let case = |age: u32, national: bool, measures: &str| {
        format!(
            r#"{{"subject": {{"age_years": {age}, "national": {national}}}, "forms": ["labour"],
                "measures": [{measures}],
                "observations": [
                  {{"indicator": "confiscation_of_documents_at_destination", "status": "present"}},
                  {{"indicator": "excessive_working_days_or_hours", "status": "present"}},
                  {{"indicator": "act_recruitment", "status": "present"}}]}}"#
        )
    };
    let prose = |json: &str| {
        let a = crate::common::assess_json_under("ilo-2009", json);
        let prose = a.prose(trafficking_indicators::render::Locale::En);
        prose
            .recommendations
            .iter()
            .flat_map(|r| r.additions.iter().cloned())
            .collect::<Vec<String>>()
            .join("\n")
    };
    let adult = prose(&case(30, false, r#""detention""#));
    assert!(adult.contains("(Palermo Art. 8(4))"), "{adult}");
    assert!(adult.contains("only with the person's consent"), "{adult}");
    let child = prose(&case(15, false, r#""detention""#));
    assert!(
        child.contains(
            "for a child, child protection decides any return and any contact with the consulate"
        ),
        "{child}"
    );
    for (what, json) in [
        ("a national", case(30, true, r#""detention""#)),
        ("no measure", case(30, false, "")),
    ] {
        let text = prose(&json);
        assert!(!text.contains("Palermo Art. 8(4)"), "{what}: {text}");
    }
}
