//! The ILO/EC combination rule, clause by clause, and every near miss (domain.md 1.6).
//!
//! All cases are adults in the coercion-at-destination dimension, which has indicators of
//! all three strengths: strong (confiscated documents, debt bondage, confinement, violence),
//! medium (forced tasks or clients, withholding of wages, under strong influence) and weak
//! (threat to inform family; fear or anxiety; lets others speak; insults).

use trafficking_indicators::{Dimension, Strength};

use crate::common::{adult, present, run};

const S1: &str = "confiscation_of_documents_at_destination";
const S2: &str = "debt_bondage_at_destination";
const M1: &str = "forced_tasks_or_clients";
const M2: &str = "withholding_of_wages";
const M3: &str = "under_strong_influence";
const W1: &str = "threat_to_inform_family_or_public_at_destination";
const W2: &str = "unodc_fear_or_anxiety";
const W3: &str = "unodc_lets_others_speak_for_them";
const W4: &str = "unodc_labour_insults";

/// Whether coercion at destination is positive, and by which clause.
fn coercion(ids: &[&'static str]) -> (bool, Option<String>, Option<String>) {
    let a = run(&adult(&present(ids)));
    let d = a
        .dimension(Dimension::CoercionAtDestination)
        .expect("dimension");
    (
        d.positive,
        d.clause_met.as_ref().map(|c| c.id.to_string()),
        d.shortfall.as_ref().map(|s| {
            let needs: Vec<String> = s
                .needs
                .iter()
                .map(|n| format!("{} more {}", n.count, n.min_strength.as_str()))
                .collect();
            format!("{}: needs {}", s.clause.id, needs.join(" and "))
        }),
    )
}

#[test]
fn two_strong_indicators_make_a_dimension_positive() {
    assert_eq!(coercion(&[S1, S2]), (true, Some("two_strong".into()), None));
}

#[test]
fn one_strong_plus_one_medium_makes_a_dimension_positive() {
    assert_eq!(
        coercion(&[S1, M1]),
        (true, Some("strong_plus_one".into()), None)
    );
}

#[test]
fn one_strong_plus_one_weak_makes_a_dimension_positive() {
    assert_eq!(
        coercion(&[S1, W1]),
        (true, Some("strong_plus_one".into()), None)
    );
}

#[test]
fn three_medium_indicators_make_a_dimension_positive() {
    assert_eq!(
        coercion(&[M1, M2, M3]),
        (true, Some("three_medium".into()), None)
    );
}

#[test]
fn two_medium_plus_one_weak_make_a_dimension_positive() {
    assert_eq!(
        coercion(&[M1, M2, W1]),
        (true, Some("two_medium_plus_one_weak".into()), None)
    );
}

#[test]
fn one_strong_alone_is_not_enough() {
    let (positive, clause, lack) = coercion(&[S1]);
    assert!(!positive && clause.is_none());
    assert_eq!(lack.as_deref(), Some("strong_plus_one: needs 1 more weak"));
}

#[test]
fn two_medium_alone_are_not_enough() {
    let (positive, _, lack) = coercion(&[M1, M2]);
    assert!(!positive);
    assert_eq!(
        lack.as_deref(),
        Some("two_medium_plus_one_weak: needs 1 more weak")
    );
}

#[test]
fn one_medium_plus_two_weak_are_not_enough() {
    let (positive, _, lack) = coercion(&[M1, W1, W2]);
    assert!(!positive);
    assert_eq!(
        lack.as_deref(),
        Some("two_medium_plus_one_weak: needs 1 more medium")
    );
}

#[test]
fn weak_indicators_alone_are_never_enough() {
    let (positive, _, lack) = coercion(&[W1, W2, W3, W4]);
    assert!(!positive);
    // The nearest clause now is "one strong plus one medium or weak": the weak indicators
    // already supply the "one more", a strong one is missing.
    assert_eq!(
        lack.as_deref(),
        Some("strong_plus_one: needs 1 more strong")
    );
}

#[test]
fn no_indicator_is_not_positive() {
    let (positive, _, lack) = coercion(&[]);
    assert!(!positive);
    assert!(lack.is_some());
}

#[test]
fn one_fact_under_two_lists_wordings_counts_once() {
    // The UNODC item "passport or ID held by someone else" is the same concept as the ILO/EC
    // "confiscation of documents" at destination: recorded twice, it is one strong indicator.
    let a = run(&adult(&present(&[
        S1,
        "unodc_passport_or_id_held_by_another",
    ])));
    let d = a
        .dimension(Dimension::CoercionAtDestination)
        .expect("dimension");
    assert!(
        !d.positive,
        "one fact must not make a dimension positive on its own"
    );
    assert_eq!(d.counts.strong, 1);
    assert_eq!(d.counted.len(), 1);
    assert_eq!(d.counted[0].same_concept.len(), 1);
}

#[test]
fn the_same_concept_in_two_dimensions_counts_in_each() {
    // Documents confiscated during recruitment and at destination are two facts.
    let a = run(&adult(&present(&[
        S1,
        "confiscation_of_documents_at_recruitment",
    ])));
    let rec = a
        .dimension(Dimension::CoerciveRecruitment)
        .expect("dimension");
    let dest = a
        .dimension(Dimension::CoercionAtDestination)
        .expect("dimension");
    assert_eq!(rec.counted[0].strength, Strength::Medium);
    assert_eq!(dest.counted[0].strength, Strength::Strong);
}

#[test]
fn dimensions_are_judged_independently() {
    // Two strong indicators in two different dimensions make neither positive.
    let a = run(&adult(&present(&[S1, "excessive_working_days_or_hours"])));
    assert!(a.positive_dimensions().is_empty());
}
