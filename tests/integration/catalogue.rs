//! The built-in catalogue: counts, strengths, provenance, crosswalks, id stability.

use std::collections::{BTreeMap, BTreeSet};

use trafficking_indicators::model::{CtdcMeansOfControl, IloForcedLabourIndicator};
use trafficking_indicators::{Catalogue, Dimension, PalermoElement, Strength, Verification};

use crate::common::{root, snapshot};

const ADULT: &str = "ilo_ec_2009_adult_labour";
const CHILD: &str = "ilo_ec_2009_child_labour";

#[test]
fn builtin_catalogue_loads() {
    let c = Catalogue::builtin();
    assert!(c.len() > 100, "{}", c.len());
}

#[test]
fn adult_labour_list_has_67_entries_10_10_16_9_15_7() {
    let c = Catalogue::builtin();
    let counts: Vec<usize> = Dimension::ALL
        .iter()
        .map(|d| c.in_list(ADULT).filter(|e| e.dimension == Some(*d)).count())
        .collect();
    assert_eq!(counts, vec![10, 10, 16, 9, 15, 7]);
    assert_eq!(c.in_list(ADULT).count(), 67);
}

/// The strengths of domain.md 1.4, written out independently of the data file: a wrong
/// strength anywhere in the adult list fails here.
#[test]
fn adult_labour_strengths_follow_domain_notes() {
    use Strength::{Medium as M, Strong as S, Weak as W};
    let expected: &[(&str, Strength)] = &[
        ("deceived_about_nature_of_job", S),
        ("deceived_about_conditions_of_work", M),
        ("deceived_about_contract", M),
        ("deceived_about_family_reunification", M),
        ("deceived_about_housing_and_living_conditions", M),
        ("deceived_about_legal_documentation_or_status", M),
        ("deceived_about_travel_and_recruitment_conditions", M),
        ("deceived_about_wages", M),
        ("deceived_through_promise_of_marriage_or_adoption", M),
        ("deceived_about_education", W),
        ("violence_on_victim_at_recruitment", S),
        ("abduction_forced_marriage_adoption_or_sale", M),
        ("confiscation_of_documents_at_recruitment", M),
        ("debt_bondage_at_recruitment", M),
        ("isolation_confinement_or_surveillance_at_recruitment", M),
        ("threat_of_denunciation_at_recruitment", M),
        ("threat_to_inform_family_or_public_at_recruitment", M),
        ("threats_of_violence_at_recruitment", M),
        ("violence_on_family_at_recruitment", M),
        ("withholding_of_money", M),
        ("abuse_of_difficult_family_situation", M),
        ("abuse_of_illegal_status", M),
        ("abuse_of_lack_of_education_or_language", M),
        ("abuse_of_lack_of_information", M),
        ("control_by_exploiters", M),
        ("economic_reasons_at_recruitment", M),
        ("false_information_about_law_and_authorities", M),
        ("false_information_about_successful_migration", M),
        ("family_situation_at_recruitment", M),
        ("personal_situation", M),
        ("psychological_and_emotional_dependency", M),
        ("relationship_with_authorities_at_recruitment", M),
        ("difficulties_in_the_past_at_recruitment", M),
        ("difficulty_organising_travel", M),
        ("abuse_of_cultural_or_religious_beliefs", W),
        ("general_context", W),
        ("excessive_working_days_or_hours", S),
        ("bad_living_conditions", M),
        ("hazardous_work", M),
        ("low_or_no_salary", M),
        ("no_respect_of_labour_laws_or_contract", M),
        ("no_social_protection", M),
        ("very_bad_working_conditions", M),
        ("wage_manipulation", M),
        ("no_access_to_education", W),
        ("confiscation_of_documents_at_destination", S),
        ("debt_bondage_at_destination", S),
        ("isolation_confinement_or_surveillance_at_destination", S),
        ("violence_on_victim_at_destination", S),
        ("forced_into_illicit_or_criminal_activities", M),
        ("forced_tasks_or_clients", M),
        ("forced_to_act_against_peers", M),
        ("forced_to_lie_to_authorities_or_family", M),
        ("threat_of_denunciation_at_destination", M),
        ("threat_of_worse_working_conditions", M),
        ("threats_of_violence_at_destination", M),
        ("under_strong_influence", M),
        ("violence_on_family_at_destination", M),
        ("withholding_of_wages", M),
        ("threat_to_inform_family_or_public_at_destination", W),
        ("dependency_on_exploiters", M),
        ("difficulty_living_in_unknown_area", M),
        ("economic_reasons_at_destination", M),
        ("family_situation_at_destination", M),
        ("relationship_with_authorities_at_destination", M),
        ("difficulties_in_the_past_at_destination", W),
        ("personal_characteristics", W),
    ];
    let c = Catalogue::builtin();
    let actual: Vec<(&str, Strength)> = c
        .in_list(ADULT)
        .map(|e| (e.id.as_str(), e.strength))
        .collect();
    assert_eq!(actual, expected);
    for e in c.in_list(ADULT) {
        assert_eq!(
            e.provenance.verification,
            Verification::Secondary,
            "{}",
            e.id
        );
    }
}

#[test]
fn recorded_conflicts_are_in_the_provenance() {
    let c = Catalogue::builtin();
    for id in [
        "bad_living_conditions",
        "hazardous_work",
        "low_or_no_salary",
    ] {
        let e = c.get(id).expect("entry");
        assert_eq!(e.strength, Strength::Medium, "{id} follows domain.md 1.4");
        assert!(
            e.provenance
                .notes
                .iter()
                .any(|n| n.contains("Conflict") && n.contains("strong")),
            "{id} records the NGO page's conflicting strength"
        );
    }
}

#[test]
fn one_phenomenon_in_two_dimensions_is_two_entries_of_one_concept() {
    let c = Catalogue::builtin();
    let rec = c
        .get("confiscation_of_documents_at_recruitment")
        .expect("entry");
    let dest = c
        .get("confiscation_of_documents_at_destination")
        .expect("entry");
    assert_eq!(rec.concept, dest.concept);
    assert_eq!(
        (rec.dimension, rec.strength),
        (Some(Dimension::CoerciveRecruitment), Strength::Medium)
    );
    assert_eq!(
        (dest.dimension, dest.strength),
        (Some(Dimension::CoercionAtDestination), Strength::Strong)
    );
    for concept in ["debt_bondage", "isolation_confinement_or_surveillance"] {
        let strengths: BTreeMap<Dimension, Strength> = c
            .in_list(ADULT)
            .filter(|e| e.concept.as_str() == concept)
            .filter_map(|e| e.dimension.map(|d| (d, e.strength)))
            .collect();
        assert_eq!(
            strengths,
            BTreeMap::from([
                (Dimension::CoerciveRecruitment, Strength::Medium),
                (Dimension::CoercionAtDestination, Strength::Strong)
            ]),
            "{concept}"
        );
    }
}

#[test]
fn children_list_has_65_entries_and_no_weak_tier() {
    let c = Catalogue::builtin();
    let list = trafficking_indicators::ListId::new(CHILD).expect("id");
    let entries: Vec<_> = c.in_list(CHILD).collect();
    assert_eq!(entries.len(), 65);
    assert!(
        c.get("no_social_protection")
            .is_some_and(|e| !e.in_list(&list))
    );
    assert!(
        c.get("false_information_about_law_and_authorities")
            .is_some_and(|e| !e.in_list(&list))
    );
    for e in &entries {
        assert_ne!(
            e.strength_in(&list),
            Strength::Weak,
            "{} is weak in the children's list",
            e.id
        );
    }
    let upgraded = |id: &str| c.get(id).map(|e| e.strength_in(&list));
    assert_eq!(upgraded("deceived_about_education"), Some(Strength::Strong));
    assert_eq!(
        upgraded("debt_bondage_at_recruitment"),
        Some(Strength::Strong)
    );
    assert_eq!(upgraded("no_access_to_education"), Some(Strength::Medium));
    for e in &entries {
        for v in &e.list_strengths {
            assert!(
                matches!(
                    v.provenance.verification,
                    Verification::Secondary | Verification::ProjectJudgement
                ),
                "{}",
                e.id
            );
            assert_eq!(
                v.provenance.confidence,
                trafficking_indicators::model::Confidence::Low,
                "{}",
                e.id
            );
        }
    }
}

#[test]
fn every_entry_has_provenance_with_a_known_source() {
    let c = Catalogue::builtin();
    for e in c.entries() {
        let p = &e.provenance;
        assert!(c.reference(p.source.as_str()).is_some(), "{}: source", e.id);
        if let Some(via) = &p.via {
            assert!(c.reference(via.as_str()).is_some(), "{}: via", e.id);
        }
        assert!(!p.section.trim().is_empty(), "{}: section", e.id);
        if p.verification == Verification::ProjectJudgement {
            assert!(
                !p.notes.is_empty(),
                "{}: a judgement gives its reason",
                e.id
            );
        }
        assert!(
            !e.description.trim().is_empty() && !e.description.contains("TODO"),
            "{}",
            e.id
        );
    }
    for l in c.lists() {
        assert!(
            c.reference(l.provenance.source.as_str()).is_some(),
            "list {}",
            l.id
        );
    }
}

#[test]
fn unodc_and_context_items_are_marked_as_project_judgement() {
    let c = Catalogue::builtin();
    let placed: Vec<_> = c
        .entries()
        .iter()
        .filter(|e| e.id.as_str().starts_with("unodc_") || e.id.as_str().starts_with("kr_"))
        .collect();
    assert!(placed.len() >= 50, "{}", placed.len());
    for e in placed {
        assert_eq!(
            e.provenance.verification,
            Verification::ProjectJudgement,
            "{}",
            e.id
        );
        assert!(!e.provenance.notes.is_empty(), "{}", e.id);
    }
}

/// Ids in the raw files are unique across files (the loader would also refuse duplicates).
#[test]
fn ids_are_unique_across_the_data_files() {
    let mut seen = BTreeSet::new();
    for (path, text) in Catalogue::builtin_files() {
        let doc: serde_json::Value = serde_json::from_str(text).expect(path);
        for e in doc["entries"].as_array().expect("entries") {
            let id = e["id"].as_str().expect("id").to_owned();
            assert!(seen.insert(id.clone()), "{id} appears twice ({path})");
        }
    }
    assert_eq!(seen.len(), Catalogue::builtin().len());
}

/// Ids are the public contract: they are never renumbered, renamed or removed. This fails
/// when the id list changes; an added id is added to the snapshot deliberately.
#[test]
fn indicator_ids_match_the_committed_snapshot() {
    let c = Catalogue::builtin();
    let actual: String = c
        .entries()
        .iter()
        .map(|e| {
            let place = match (e.dimension, e.element) {
                (Some(d), _) => d.as_str(),
                (None, Some(PalermoElement::Act)) => "element:act",
                (None, _) => "element:purpose",
            };
            format!("{place} {}\n", e.id)
        })
        .collect();
    let expected = snapshot(&root("tests/snapshots/indicator_ids.txt"), &actual);
    // Every snapshot id must still exist with the same dimension, in the same order.
    assert_eq!(
        actual, expected,
        "indicator ids changed: ids are never renamed or removed"
    );
}

#[test]
fn every_crosswalk_target_exists_and_every_target_is_used() {
    let c = Catalogue::builtin();
    let ilo: BTreeSet<IloForcedLabourIndicator> = c
        .entries()
        .iter()
        .filter_map(|e| e.ilo_forced_labour)
        .collect();
    assert_eq!(
        ilo,
        IloForcedLabourIndicator::ALL.into_iter().collect(),
        "each of the 11 is reached"
    );
    // The CTDC columns named by the entries are real columns of the CTDC file's header, as
    // listed in the shared crosswalk.
    let header = include_str!("../fixtures/ctdc_means_of_control_columns.txt");
    let columns: BTreeSet<&str> = header.lines().filter(|l| !l.is_empty()).collect();
    let ctdc: BTreeSet<CtdcMeansOfControl> = c
        .entries()
        .iter()
        .filter_map(|e| e.ctdc_means_of_control)
        .collect();
    for col in &ctdc {
        assert!(
            columns.contains(col.column()),
            "{} is not a CTDC column",
            col.column()
        );
    }
    for col in [
        CtdcMeansOfControl::DebtBondage,
        CtdcMeansOfControl::TakesEarnings,
        CtdcMeansOfControl::Threats,
        CtdcMeansOfControl::PhysicalAbuse,
        CtdcMeansOfControl::FalsePromises,
        CtdcMeansOfControl::RestrictsMovement,
        CtdcMeansOfControl::ExcessiveWorkingHours,
        CtdcMeansOfControl::ThreatOfLawEnforcement,
        CtdcMeansOfControl::WithholdsDocuments,
    ] {
        assert!(
            ctdc.contains(&col),
            "{} has no catalogue entry",
            col.column()
        );
    }
}

#[test]
fn the_catalogue_document_round_trips() {
    let c = Catalogue::builtin();
    let json = serde_json::to_string(&c.to_document()).expect("serialize");
    let again = Catalogue::from_json(&json).expect("reload");
    assert_eq!(again.to_document(), c.to_document());
    assert_eq!(again.digest().expect("digest"), c.digest().expect("digest"));
}

/// A problem in a list is reported at that list's place in the document, also when an
/// earlier list of the same document is refused as a duplicate (which is never added).
#[test]
fn a_list_problem_names_the_list_where_it_is() {
    let path = crate::common::root("examples/rule_sets/national_list.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let Some(lists) = doc.pointer_mut("/lists").and_then(|l| l.as_array_mut()) else {
        panic!("the example has lists");
    };
    let mut second = lists.first().cloned().expect("a list");
    second["id"] = serde_json::json!("another_list");
    second["title"] = serde_json::json!("x".repeat(400));
    // The first list twice: the copy is refused; the long title is in the third.
    let first = lists.first().cloned().expect("a list");
    lists.push(first);
    lists.push(second);
    let problems = Catalogue::builtin()
        .extend_from_json(&doc.to_string())
        .expect_err("invalid")
        .problems();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"$[0].lists[1].id"), "{paths:?}");
    assert!(paths.contains(&"$[0].lists[2].title"), "{paths:?}");
}

/// For a person exempt from the means (a child; under Korea's Act, a person with a
/// disability), the act may be shown by an indicator of coercion at destination only where it
/// shows control over where the person is: kept, held or moved (harbouring, receipt,
/// transfer). Every such entry of the built-in catalogue carries its mark, and entries of one
/// concept agree. Until the thirty-fourth session every indicator of coercion at destination
/// showed the act, so a boy of 15 whose employer held back a month's pay met the definition of
/// trafficking (an international verdict review).
#[test]
fn coercion_at_destination_shows_the_act_only_by_control_over_where_the_person_is() {
    let c = Catalogue::builtin();
    let mut by_concept: std::collections::BTreeMap<String, bool> = Default::default();
    let mut shows = Vec::new();
    for e in c.entries() {
        if e.dimension != Some(Dimension::CoercionAtDestination) || e.appearance {
            continue;
        }
        let mark = e
            .act_evidence
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no act_evidence mark", e.id));
        let earlier = by_concept.insert(e.concept.to_string(), mark.evidences_act);
        assert!(
            earlier.is_none_or(|m| m == mark.evidences_act),
            "{}: its concept's entries disagree",
            e.id
        );
        if mark.evidences_act {
            shows.push(e.concept.to_string());
        }
    }
    shows.sort();
    shows.dedup();
    assert_eq!(
        shows,
        [
            "confiscation_of_documents",
            "debt_bondage",
            "isolation_confinement_or_surveillance",
            "unodc_moved_between_brothels_or_locations",
        ]
    );
}
