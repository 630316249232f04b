//! Score, ranges, open questions, the explanation's accounting, and determinism.

use trafficking_indicators::{
    Assessor, Case, CaseError, Catalogue, Disposition, Level, ObservationStatus, RuleSet, assess,
};

use crate::common::{adult, present, run};

use ObservationStatus::{Absent, NotAssessed, Present};

#[test]
fn contributions_sum_to_the_score_and_weights_follow_strength() {
    let a = run(&adult(&present(&[
        "confiscation_of_documents_at_destination",
        "withholding_of_wages",
        "unodc_fear_or_anxiety",
    ])));
    let points: Vec<f64> = a
        .explanation
        .score
        .contributions
        .iter()
        .map(|c| c.points)
        .collect();
    assert_eq!(points, vec![10.0, 5.0, 2.0]);
    assert_eq!(a.score, 17.0);
}

#[test]
fn the_score_is_capped_at_100_and_scaled_proportionally() {
    let catalogue = Catalogue::builtin();
    let all: Vec<&str> = catalogue
        .in_list("ilo_ec_2009_adult_labour")
        .map(|e| e.id.as_str())
        .collect();
    let obs: Vec<(&str, ObservationStatus)> = all.iter().map(|id| (*id, Present)).collect();
    let a = run(&adult(&obs));
    assert_eq!(a.score, 100.0);
    assert!(a.explanation.score.raw_points > 100.0);
    let sum: f64 = a
        .explanation
        .score
        .contributions
        .iter()
        .map(|c| c.points)
        .sum();
    assert!((sum - 100.0).abs() < 1e-9, "{sum}");
    assert_eq!(a.level, Level::DefinitionMet);
    assert!(!a.level_range.could_change);
}

#[test]
fn not_assessed_is_not_absent() {
    let base = [("confiscation_of_documents_at_destination", Present)];
    let mut unknown = base.to_vec();
    unknown.push(("debt_bondage_at_destination", NotAssessed));
    let mut absent = base.to_vec();
    absent.push(("debt_bondage_at_destination", Absent));
    let u = run(&adult(&unknown));
    let a = run(&adult(&absent));
    // Same level and score now...
    assert_eq!((u.level, u.score), (a.level, a.score));
    // ...but only the unknown one is an open question that could still change the result.
    let asks = |x: &trafficking_indicators::Assessment| {
        x.explanation
            .ask_next
            .iter()
            .any(|q| q.id.as_str() == "debt_bondage_at_destination")
    };
    // (The unknown one is among the open questions, counted below; an absent one never is.)
    assert!(!asks(&a));
    // "Absent" settles the concept in that dimension, including its other wording
    // ("believes they are bonded by debt"), so two open questions fewer.
    assert_eq!(
        u.score_range.unresolved_indicators,
        a.score_range.unresolved_indicators + 2
    );
    assert!(
        !a.explanation
            .ask_next
            .iter()
            .any(|q| q.id.as_str() == "unodc_believes_bonded_by_debt")
    );
}

#[test]
fn the_ranges_bound_the_outcome_of_the_open_questions() {
    let a = run(&adult(&present(&[
        "confiscation_of_documents_at_destination",
    ])));
    assert_eq!(a.level, Level::FurtherInquiry);
    assert_eq!(a.score_range.min, a.score);
    assert_eq!(a.score_range.max, 100.0);
    assert_eq!(a.level_range.max, Level::DefinitionMet);
    assert!(a.level_range.could_change);
}

#[test]
fn ask_next_puts_the_questions_that_raise_the_level_first() {
    // One strong coercion indicator: one exploitation indicator would give reasonable
    // grounds (strong coercion with exploitation), so those questions come first.
    let a = run(&adult(&present(&[
        "confiscation_of_documents_at_destination",
    ])));
    let first = &a.explanation.ask_next[0];
    assert_eq!(first.level_if_present, Level::ReasonableGrounds);
    assert_eq!(
        first.dimension,
        Some(trafficking_indicators::Dimension::ExploitativeConditionsOfWork)
    );
    let levels: Vec<Level> = a
        .explanation
        .ask_next
        .iter()
        .map(|q| q.level_if_present)
        .collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "ordered by level");
    // A question whose concept is already counted at that strength is not asked again.
    assert!(
        !a.explanation
            .ask_next
            .iter()
            .any(|q| q.id.as_str() == "unodc_passport_or_id_held_by_another")
    );
}

#[test]
fn every_observation_is_accounted_for_and_identical_ones_count_once() {
    let case = adult(&[
        ("confiscation_of_documents_at_destination", Present),
        ("unodc_passport_or_id_held_by_another", Present),
        ("withholding_of_wages", Present),
        ("withholding_of_wages", Present),
        ("debt_bondage_at_destination", Absent),
        ("deceived_about_wages", NotAssessed),
    ]);
    let a = run(&case);
    let found: Vec<(&str, u32, &Disposition)> = a
        .explanation
        .observations
        .iter()
        .map(|o| (o.id.as_str(), o.recorded, &o.disposition))
        .collect();
    assert_eq!(found.len(), 5);
    assert!(found.contains(&("withholding_of_wages", 2, &Disposition::Counted)));
    assert!(found.contains(&("debt_bondage_at_destination", 1, &Disposition::Absent)));
    assert!(found.contains(&("deceived_about_wages", 1, &Disposition::NotAssessed)));
    assert!(found.iter().any(|(id, _, d)| *id == "unodc_passport_or_id_held_by_another"
        && matches!(d, Disposition::CountedWithSameConcept { counted_as } if counted_as.as_str() == "confiscation_of_documents_at_destination")));
    assert_eq!(
        a.score, 15.0,
        "the duplicate and the same-concept entry add nothing"
    );
}

#[test]
fn conflicting_observations_are_an_error_naming_both_observations() {
    let case = adult(&[
        ("withholding_of_wages", Present),
        ("withholding_of_wages", Absent),
    ]);
    let e = assess(&case).expect_err("conflict");
    assert!(
        matches!(&e, CaseError::ConflictingObservations { id, .. } if id.as_str() == "withholding_of_wages")
    );
    assert_eq!(
        e.to_string(),
        "the observations at $.observations[0] and $.observations[1] record one indicator as present and as absent; record one status per indicator"
    );
}

/// The one rule of conflicting observations, whoever applies it: the reader of a case, the
/// check of a case built in code, and the assessment name the same two records. Each
/// observation is compared with the first of its indicator: a worker said twice that wages
/// were withheld, then that they were not; the third contradicts the first. Where two
/// indicators conflict, the records of the smallest id are named, whatever the catalogue's
/// order (by their places: a case error repeats no id the reader cannot know is the
/// catalogue's).
#[test]
fn a_conflict_is_named_alike_by_the_reader_the_check_and_the_assessment() {
    let same = |case: &trafficking_indicators::Case| {
        let checked = case.check().expect_err("conflict");
        let assessed = assess(case).expect_err("conflict");
        let json = serde_json::to_string(case).expect("JSON");
        let read = trafficking_indicators::Case::from_json(&json).expect_err("conflict");
        assert_eq!(assessed, checked);
        assert_eq!(read, checked);
        checked.to_string()
    };
    let case = adult(&[
        ("withholding_of_wages", Present),
        ("withholding_of_wages", Present),
        ("withholding_of_wages", Absent),
    ]);
    assert_eq!(
        same(&case),
        "the observations at $.observations[0] and $.observations[2] record one indicator as present and as absent; record one status per indicator"
    );
    // `deceived_about_wages` comes first in the catalogue, `confiscation_…` first by id.
    let case = adult(&[
        ("deceived_about_wages", Present),
        ("confiscation_of_documents_at_destination", Present),
        ("deceived_about_wages", Absent),
        ("confiscation_of_documents_at_destination", NotAssessed),
    ]);
    assert_eq!(
        same(&case),
        "the observations at $.observations[1] and $.observations[3] record one indicator as present and as not_assessed; record one status per indicator"
    );
}

#[test]
fn the_same_case_gives_byte_identical_json_in_any_observation_order() {
    let mut case = adult(&[
        ("confiscation_of_documents_at_destination", Present),
        ("withholding_of_wages", Present),
        ("excessive_working_days_or_hours", Present),
        ("deceived_about_wages", NotAssessed),
        ("debt_bondage_at_destination", Absent),
    ]);
    let first = run(&case).to_json();
    assert_eq!(run(&case).to_json(), first);
    case.observations.reverse();
    assert_eq!(run(&case).to_json(), first);
    case.observations.rotate_left(2);
    assert_eq!(run(&case).to_json(), first);
}

#[test]
fn assessments_carry_the_rule_set_stamp() {
    let a = run(&adult(&[]));
    let rules = RuleSet::builtin("ilo-2009").expect("builtin");
    assert_eq!(&*a.rule_set.id, "ilo-2009");
    assert_eq!(&*a.rule_set.version, rules.version.as_str());
    assert_eq!(
        &*a.rule_set.digest,
        rules.digest().expect("digest").as_str()
    );
    assert_eq!(a.rule_set.digest.len(), 64);
    assert_eq!(
        &*a.rule_set.catalogue_digest,
        Catalogue::builtin().digest().expect("digest").as_str()
    );
}

#[test]
fn an_indicator_outside_the_rule_sets_lists_is_an_error_not_a_skip() {
    let mut rules = RuleSet::builtin("ilo-2009").expect("builtin").clone();
    rules.lists.retain(|l| l.as_str() != "korea_context");
    let assessor = Assessor::new(rules, Catalogue::builtin()).expect("valid");
    let case = adult(&present(&["kr_drink_quotas_and_bar_fines"]));
    let e = assessor.assess(&case).expect_err("not weighed");
    assert!(
        e.to_string()
            .contains("in none of the lists rule set `ilo-2009` uses"),
        "{e}"
    );
}

#[test]
fn the_text_report_says_level_why_unknowns_and_next_steps() {
    let case = Case::from_json(include_str!(
        "../../examples/cases/fisher_distant_water.json"
    ))
    .expect("bundled case");
    let report = run(&case).report();
    for heading in [
        "LEVEL:",
        "WHAT TO DO NOW",
        "WHAT TO ASK NEXT",
        "WHY",
        "SCORE",
        "WHAT TO DO: IN FULL",
    ] {
        assert!(report.contains(heading), "{heading}");
    }
    assert!(
        report.lines().count() < 90,
        "fits on a screen or two: {}",
        report.lines().count()
    );
}

#[test]
fn one_fact_answered_both_ways_counts_as_present_and_is_flagged() {
    let case = adult(&[
        ("confiscation_of_documents_at_destination", Absent),
        ("unodc_passport_or_id_held_by_another", Present),
    ]);
    let a = run(&case);
    assert_eq!(a.score, 10.0);
    assert!(a.explanation.notices.iter().any(|n| n.kind
        == trafficking_indicators::assessment::NoticeKind::SameFactAnsweredBothWays
        && n.indicators.iter().map(|i| i.as_str()).collect::<Vec<_>>()
            == [
                "confiscation_of_documents_at_destination",
                "unodc_passport_or_id_held_by_another"
            ]));
}

/// An assessor's `{:?}` says what it assesses by (rule set, version, digests), in a line a log
/// can hold: derived, it printed every compiled table (about 590 KB), and a service that logs
/// its state at start-up would write all of it.
#[test]
fn an_assessors_debug_names_its_rule_set_in_one_short_line() {
    for id in trafficking_indicators::RuleSet::builtin_ids() {
        let a = trafficking_indicators::Assessor::builtin(id).expect("built in");
        let text = format!("{a:?}");
        assert!(text.len() < 400, "{} bytes", text.len());
        assert!(text.contains(&format!("rule_set: \"{id}\"")), "{text}");
        assert!(text.contains(&*a.stamp().digest), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
}
