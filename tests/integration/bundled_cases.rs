//! The bundled example cases come out as a caseworker reading them would expect.

use trafficking_indicators::assessment::NoticeKind;
use trafficking_indicators::{Dimension, Level, RecommendationKind};

use crate::common::{assess_bundled as load, bundled_case_names, root, snapshot};

fn kinds(a: &trafficking_indicators::Assessment) -> Vec<RecommendationKind> {
    a.recommendations.iter().map(|r| r.kind).collect()
}

#[test]
fn fisher_on_a_distant_water_vessel_meets_the_definition() {
    let a = load("fisher_distant_water");
    assert_eq!(a.level, Level::DefinitionMet);
    assert!(
        a.positive_dimensions()
            .contains(&Dimension::CoercionAtDestination)
    );
    assert!(
        a.positive_dimensions()
            .contains(&Dimension::ExploitativeConditionsOfWork)
    );
    assert!(kinds(&a).contains(&RecommendationKind::ReferralToAssistance));
}

#[test]
fn bar_worker_charged_with_prostitution_gets_the_non_punishment_advisory() {
    let a = load("entertainment_visa_bar");
    assert_eq!(a.level, Level::DefinitionMet);
    let advisory = a
        .recommendation(RecommendationKind::NonPunishment)
        .expect("advisory");
    let offences: Vec<_> = advisory
        .offences
        .iter()
        .map(|o| o.offence.as_str())
        .collect();
    assert_eq!(offences, vec!["irregular_stay", "prostitution"]);
    for o in &advisory.offences {
        assert!(
            !o.linked_indicators.is_empty(),
            "{} is linked to compulsion",
            o.offence.as_str()
        );
    }
    assert_eq!(kinds(&a)[0], RecommendationKind::NonPunishment);
}

#[test]
fn child_in_domestic_servitude_is_referred_to_child_protection_first() {
    let a = load("child_domestic_servitude");
    assert!(a.level >= Level::ReasonableGrounds);
    assert!(a.explanation.subject.treated_as_child && !a.explanation.subject.means_required);
    assert_eq!(kinds(&a)[0], RecommendationKind::ChildProtectionReferral);
}

#[test]
fn poor_conditions_without_coercion_are_a_labour_rights_case() {
    let a = load("poor_conditions_no_coercion");
    assert_eq!(a.level, Level::FurtherInquiry);
    assert_eq!(
        a.positive_dimensions(),
        vec![Dimension::ExploitativeConditionsOfWork]
    );
    assert!(kinds(&a).contains(&RecommendationKind::LabourRightsReferral));
    assert!(
        a.recommendation(RecommendationKind::ReferralToAssistance)
            .is_none()
    );
}

#[test]
fn an_early_interview_says_what_to_ask_next() {
    let a = load("early_interview");
    assert!(a.level_range.could_change);
    assert!(!a.explanation.ask_next.is_empty());
    assert!(
        a.explanation
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::AgeNotEstablished)
    );
    assert!(a.explanation.ask_next[0].level_if_present > a.level);
}

#[test]
fn an_entertainer_detained_after_a_raid_is_protected_under_korean_law() {
    let a = load("kr_e62_entertainer_near_base");
    assert_eq!(a.level, Level::ReasonableGrounds);
    let pending = a
        .recommendation(RecommendationKind::ProtectionPendingIdentification)
        .expect("protection pending identification");
    assert_eq!(pending.measures.len(), 1);
    assert_eq!(pending.pending_offences.len(), 2);
    let stay = a
        .recommendation(RecommendationKind::NoRemovalPendingIdentification)
        .expect("stay of deportation");
    assert!(
        stay.additions
            .iter()
            .flat_map(|p| p.legal_basis.iter())
            .any(|c| c.reference.as_str() == "kr_sex_trade_act_art_11")
    );
    let advisory = a
        .recommendation(RecommendationKind::NonPunishment)
        .expect("advisory");
    let prostitution = advisory
        .offences
        .iter()
        .find(|o| o.offence.as_str() == "prostitution")
        .expect("the charge");
    assert_eq!(
        prostitution.effect,
        Some(trafficking_indicators::policy::LegalEffect::NotPunished)
    );
    assert!(kinds(&a).contains(&RecommendationKind::DebtsVoid));
    assert!(
        a.contacts
            .iter()
            .any(|c| c.id.as_str() == "sex_trade_counselling_centres")
    );
    assert!(!kinds(&a).contains(&RecommendationKind::RecoveryAndReflectionPeriod));
}

/// The assessment JSON of every bundled case, byte for byte, against a committed snapshot:
/// output is deterministic across runs and platforms (no hash-map order, fixed float
/// formatting), and any change to the output is a deliberate, reviewed one.
#[test]
fn assessments_match_the_committed_snapshots() {
    let names = bundled_case_names();
    assert!(names.len() >= 5);
    for name in names {
        let a = load(name.trim_end_matches(".json"));
        let actual = format!("{}\n", a.to_json_pretty());
        let expected = snapshot(
            &root(&format!("tests/snapshots/assessments/{name}")),
            &actual,
        );
        assert!(
            actual == expected,
            "{name}: the assessment differs from tests/snapshots/assessments/{name} (set UPDATE_SNAPSHOTS=1 after reviewing the change)"
        );
    }
}
