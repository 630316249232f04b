//! Property tests: monotonicity, additivity and determinism over random cases.

use proptest::prelude::*;
use trafficking_indicators::case::{Measure, Sector};
use trafficking_indicators::{
    Assessment, Assessor, Case, Catalogue, EvidenceSource, ExploitationForm, IndicatorId,
    Observation, ObservationStatus, Offence, OffenceKind, Subject, assess,
};

fn ids() -> Vec<IndicatorId> {
    Catalogue::builtin()
        .entries()
        .iter()
        .map(|e| e.id.clone())
        .collect()
}

fn status() -> impl Strategy<Value = ObservationStatus> {
    prop_oneof![
        Just(ObservationStatus::Present),
        Just(ObservationStatus::Absent),
        Just(ObservationStatus::NotAssessed)
    ]
}

fn subject() -> impl Strategy<Value = Subject> {
    (
        proptest::option::of(0u8..=90),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(age_years, minor, disability)| Subject {
            minor: if age_years.is_some() { None } else { minor },
            // Reasons to believe a child, only where no age is recorded.
            possibly_minor: if age_years.is_none() && minor.is_none() {
                disability
            } else {
                None
            },
            age_years,
            disability,
            ..Subject::default()
        })
}

/// Who the person is and what is pending: nationality, sector, measures, offences.
fn context() -> impl Strategy<Value = (Option<bool>, Option<Sector>, Vec<Measure>, Vec<Offence>)> {
    (
        proptest::option::of(any::<bool>()),
        proptest::option::of(proptest::sample::select(Sector::ALL.to_vec())),
        proptest::sample::subsequence(Measure::ALL.to_vec(), 0..=3),
        proptest::sample::subsequence(OffenceKind::ALL.to_vec(), 0..=2),
    )
        .prop_map(|(national, sector, mut measures, offences)| {
            let offences = offences.into_iter().map(Offence::new).collect();
            // A national is never removed or refused entry (the case reader refuses it).
            if national == Some(true) {
                measures.retain(|m| m.applies_to_nationals());
            }
            (national, sector, measures, offences)
        })
}

/// A random valid case: distinct indicators, each with one status.
pub fn case() -> impl Strategy<Value = Case> {
    let n = ids().len();
    (
        subject(),
        proptest::sample::subsequence(ExploitationForm::ALL.to_vec(), 0..=3),
        proptest::collection::btree_map(0..n, status(), 0..40),
        context(),
    )
        .prop_map(
            move |(mut subject, forms, picks, (national, sector, measures, offences))| {
                let all = ids();
                subject.national = national;
                Case {
                    subject,
                    forms,
                    sector,
                    measures,
                    offences,
                    observations: picks
                        .into_iter()
                        .map(|(i, s)| {
                            Observation::new(all[i].clone(), s)
                                .with_source(EvidenceSource::ThirdParty)
                        })
                        .collect(),
                    ..Case::default()
                }
            },
        )
}

fn run(case: &Case) -> Assessment {
    assess(case).expect("random valid cases assess")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Nationality, sector, pending measures and offences decide which advice and which
    /// services fit, never the level, the score or the explanation of the evidence.
    #[test]
    fn who_the_person_is_and_what_is_pending_never_changes_the_level(case in case()) {
        let mut bare = case.clone();
        bare.subject.national = None;
        bare.sector = None;
        bare.measures.clear();
        bare.offences.clear();
        for id in ["ilo-2009", "kr-2023", "kr-2024"] {
            let assessor = Assessor::builtin(id).expect("built in");
            let with = assessor.assess(&case).expect("assesses");
            let without = assessor.assess(&bare).expect("assesses");
            prop_assert_eq!(with.level, without.level);
            prop_assert_eq!(with.score, without.score);
            prop_assert_eq!(with.level_range, without.level_range);
            prop_assert_eq!(&with.explanation.dimensions, &without.explanation.dimensions);
            prop_assert_eq!(&with.explanation.elements, &without.explanation.elements);
        }
    }

    #[test]
    fn adding_a_present_indicator_never_lowers_score_or_level(case in case(), pick in any::<proptest::sample::Index>()) {
        let all = ids();
        let id = pick.get(&all).clone();
        let mut more = case.clone();
        more.observations.retain(|o| o.indicator != id);
        let without = run(&more);
        more.observations.push(Observation::new(id, ObservationStatus::Present));
        let after = run(&more);
        prop_assert!(after.score >= without.score);
        prop_assert!(after.level >= without.level);
    }

    #[test]
    fn resolving_not_assessed_as_absent_never_raises_score_or_level(case in case()) {
        let before = run(&case);
        let mut resolved = case.clone();
        for o in &mut resolved.observations {
            if o.status == ObservationStatus::NotAssessed {
                o.status = ObservationStatus::Absent;
            }
        }
        let after = run(&resolved);
        prop_assert!(after.score <= before.score);
        prop_assert!(after.level <= before.level);
    }

    /// The child rules only remove a requirement (the means) and only raise strengths: the
    /// level they give is never below the adult rules' level on the same evidence.
    #[test]
    fn the_child_rules_never_give_a_lower_level(case in case()) {
        let mut unknown = case.clone();
        unknown.subject = Subject { disability: case.subject.disability, ..Subject::default() };
        let a = run(&unknown);
        let child = a.level_if_child.expect("age not established gives level_if_child");
        prop_assert!(child >= a.level, "{:?} < {:?}", child, a.level);
    }

    #[test]
    fn contributions_sum_to_the_score_within_bounds(case in case()) {
        let a = run(&case);
        let sum: f64 = a.explanation.score.contributions.iter().map(|c| c.points).sum();
        prop_assert!((sum - a.score).abs() < 1e-9, "{} != {}", sum, a.score);
        prop_assert!((0.0..=100.0).contains(&a.score));
        prop_assert!(a.score_range.min <= a.score && a.score <= a.score_range.max);
        prop_assert!(a.score_range.max <= 100.0);
        prop_assert!(a.level_range.min == a.level && a.level <= a.level_range.max);
    }

    #[test]
    fn observation_order_does_not_change_a_byte(case in case(), seed in any::<u64>()) {
        let first = run(&case).to_json();
        let mut shuffled = case.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.observations.len();
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.observations.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(run(&shuffled).to_json(), first);
    }

    #[test]
    fn answering_every_open_question_present_reaches_the_upper_bounds(case in case()) {
        let a = run(&case);
        let mut all_present = case.clone();
        let answered: std::collections::BTreeSet<IndicatorId> = case
            .observations.iter()
            .filter(|o| o.status != ObservationStatus::NotAssessed)
            .map(|o| o.indicator.clone()).collect();
        all_present.observations.retain(|o| o.status != ObservationStatus::NotAssessed);
        let catalogue = Catalogue::builtin();
        // A concept answered absent in a dimension, and present there under no wording, is
        // settled: its other wordings are not open questions.
        let concept_of = |id: &IndicatorId| catalogue.get(id.as_str()).map(|e| (e.dimension, e.concept.clone()));
        let with_status = |s: ObservationStatus| -> std::collections::BTreeSet<_> {
            case.observations.iter().filter(|o| o.status == s).filter_map(|o| concept_of(&o.indicator)).collect()
        };
        let present = with_status(ObservationStatus::Present);
        let settled: std::collections::BTreeSet<_> =
            with_status(ObservationStatus::Absent).difference(&present).cloned().collect();
        for list in &a.explanation.subject.relevant_lists {
            for e in catalogue.in_list(list.as_str()) {
                if settled.contains(&(e.dimension, e.concept.clone())) {
                    continue;
                }
                // An entry of particular forms (a purpose fact) is open only for those forms.
                if !e.forms.is_empty() && !case.forms.is_empty()
                    && !e.forms.iter().any(|f| case.forms.contains(f))
                {
                    continue;
                }
                if !answered.contains(&e.id) && !all_present.observations.iter().any(|o| o.indicator == e.id) {
                    all_present.observations.push(Observation::new(e.id.clone(), ObservationStatus::Present));
                }
            }
        }
        let top = run(&all_present);
        prop_assert!((top.score - a.score_range.max).abs() < 1e-9, "{} vs {}", top.score, a.score_range.max);
        prop_assert_eq!(top.level, a.level_range.max);
    }
}
