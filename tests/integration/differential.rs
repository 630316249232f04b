//! A differential check: a deliberately naive implementation of the ILO/EC combination rule
//! and the person-level rule, written from the domain notes (not from the rule set data),
//! compared with the engine on thousands of random cases under both built-in rule sets; and a
//! naive reading of the five reasonable-grounds criteria the built-in rule sets share,
//! compared with the level.

use std::collections::BTreeMap;

use trafficking_indicators::{
    Assessor, Case, Catalogue, Dimension, ExploitationForm, IndicatorId, Level, ListId,
    Observation, ObservationStatus, PalermoElement, Strength, Subject,
};

/// A tiny seeded generator (xorshift64*), so the check is reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_case(rng: &mut Rng, ids: &[IndicatorId]) -> Case {
    let subject = Subject {
        age_years: match rng.below(4) {
            0 => None,
            1 => Some(rng.below(18) as u8),
            _ => Some(18 + rng.below(60) as u8),
        },
        minor: None,
        disability: match rng.below(3) {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        },
        ..Subject::default()
    };
    let mut subject = subject;
    if subject.age_years.is_none() && rng.below(2) == 0 {
        subject.possibly_minor = Some(true);
    }
    let n = rng.below(30) as usize;
    let mut picked: BTreeMap<usize, ObservationStatus> = BTreeMap::new();
    for _ in 0..n {
        let status = match rng.below(4) {
            0 | 1 => ObservationStatus::Present,
            2 => ObservationStatus::Absent,
            _ => ObservationStatus::NotAssessed,
        };
        picked.insert(rng.below(ids.len() as u64) as usize, status);
    }
    let forms = ExploitationForm::ALL
        .iter()
        .filter(|_| rng.below(5) == 0)
        .copied()
        .collect();
    Case {
        subject,
        forms,
        observations: picked
            .into_iter()
            .map(|(i, s)| Observation::new(ids[i].clone(), s))
            .collect(),
        ..Case::default()
    }
}

/// The naive rule: literal clauses, no substitution, concepts deduplicated by hand; items of
/// appearance never count in a dimension; purpose facts evidence the purpose; for a person
/// exempt from the means the act is an act fact, a recruitment item marked as a recruiter's
/// conduct, or coercion at destination. `child_under` is the rule set's age limit (Korea's
/// 2023 year rule leaves age 18 unsettled: adult rules).
fn naive(
    case: &Case,
    exempt_disability: bool,
    child_under: u8,
    year_rule: bool,
) -> ([bool; 6], bool) {
    let catalogue = Catalogue::builtin();
    let child_list = ListId::new("ilo_ec_2009_child_labour").expect("id");
    let as_child = match case.subject.age_years {
        Some(age) if year_rule => age + 1 < child_under,
        Some(age) => age < child_under,
        None => case.subject.possibly_minor == Some(true),
    };
    // Per dimension: concept -> strongest present strength.
    let mut present: [BTreeMap<String, Strength>; 6] = Default::default();
    let mut purpose_fact = false;
    let mut act_evidence = false;
    for o in &case.observations {
        if o.status != ObservationStatus::Present {
            continue;
        }
        let e = catalogue.get(o.indicator.as_str()).expect("known");
        let Some(dimension) = e.dimension else {
            match e.element {
                Some(PalermoElement::Purpose) => purpose_fact = true,
                Some(PalermoElement::Act) => act_evidence = true,
                _ => {}
            }
            continue;
        };
        if e.appearance {
            continue;
        }
        let recruiter = e.act_evidence.as_ref().is_some_and(|m| m.evidences_act);
        if recruiter || dimension == Dimension::CoercionAtDestination {
            act_evidence = true;
        }
        let s = if as_child {
            e.strength_in(&child_list)
        } else {
            e.strength
        };
        let slot = present[dimension.index()]
            .entry(e.concept.to_string())
            .or_insert(s);
        if s > *slot {
            *slot = s;
        }
    }
    let mut positive = [false; 6];
    for (d, concepts) in present.iter().enumerate() {
        let count = |s: Strength| concepts.values().filter(|v| **v == s).count();
        let (st, me, we) = (
            count(Strength::Strong),
            count(Strength::Medium),
            count(Strength::Weak),
        );
        positive[d] = st >= 2 || (st >= 1 && me + we >= 1) || me >= 3 || (me >= 2 && we >= 1);
    }
    let use_dim = |d: Dimension| positive[d.index()];
    let exempt = as_child || (exempt_disability && case.subject.disability == Some(true));
    let purpose = use_dim(Dimension::ExploitativeConditionsOfWork) || purpose_fact;
    let act = use_dim(Dimension::DeceptiveRecruitment)
        || use_dim(Dimension::CoerciveRecruitment)
        || use_dim(Dimension::RecruitmentByAbuseOfVulnerability);
    let means = use_dim(Dimension::CoercionAtDestination)
        || use_dim(Dimension::AbuseOfVulnerabilityAtDestination);
    // The exemption removes the means requirement and never adds one: the adult route
    // still counts for an exempt person.
    let met = (act && means && purpose) || (exempt && purpose && act_evidence);
    (positive, met)
}

/// The level under a built-in rule set, read naively from the five reasonable-grounds
/// criteria the three share (README, "Rule sets"): the definition met; else reasonable grounds
/// when any of exploitation with a means dimension, strong coercion with exploitation,
/// exploitation for a person the means are not required of, a child in sexual exploitation,
/// or a score of at least 50 holds; else further inquiry when anything is present. Every
/// present wording of a fact counts for the lists a criterion names, even where a stronger
/// wording of it counts in the dimension. The rule sets differ in who is a child and whether
/// a disability waives the means (the arguments, as for [`naive`]).
fn naive_level(case: &Case, exempt_disability: bool, child_under: u8, year_rule: bool) -> Level {
    let catalogue = Catalogue::builtin();
    let child_list = ListId::new("ilo_ec_2009_child_labour").expect("id");
    let sexual_list = ListId::new("unodc_sexual_exploitation").expect("id");
    let purpose_list = ListId::new("palermo_purpose").expect("id");
    let as_child = match case.subject.age_years {
        Some(age) if year_rule => age + 1 < child_under,
        Some(age) => age < child_under,
        None => case.subject.possibly_minor == Some(true),
    };
    let exempt = as_child || (exempt_disability && case.subject.disability == Some(true));
    let weight = |s: Strength| match s {
        Strength::Strong => 10.0,
        Strength::Medium => 5.0,
        Strength::Weak => 2.0,
    };
    let mut strongest: [BTreeMap<String, Strength>; 6] = Default::default();
    let (mut purpose_fact, mut anything) = (false, false);
    let (mut purpose_list_present, mut sexual_list_medium, mut sexual_fact) = (false, false, false);
    for o in case
        .observations
        .iter()
        .filter(|o| o.status == ObservationStatus::Present)
    {
        anything = true;
        let e = catalogue.get(o.indicator.as_str()).expect("known");
        let s = if as_child {
            e.strength_in(&child_list)
        } else {
            e.strength
        };
        if !e.appearance {
            purpose_list_present |= e.in_list(&purpose_list);
            sexual_list_medium |= e.in_list(&sexual_list) && s >= Strength::Medium;
        }
        sexual_fact |= e.id.as_str() == "purpose_sexual_exploitation";
        let Some(dimension) = e.dimension else {
            purpose_fact |= e.element == Some(PalermoElement::Purpose);
            continue;
        };
        if e.appearance {
            continue;
        }
        let slot = strongest[dimension.index()]
            .entry(e.concept.to_string())
            .or_insert(s);
        if s > *slot {
            *slot = s;
        }
    }
    let has = |d: Dimension, min: Strength| strongest[d.index()].values().any(|s| *s >= min);
    let positive = |d: Dimension| {
        let count = |s: Strength| strongest[d.index()].values().filter(|v| **v == s).count();
        let (st, me, we) = (
            count(Strength::Strong),
            count(Strength::Medium),
            count(Strength::Weak),
        );
        st >= 2 || (st >= 1 && me + we >= 1) || me >= 3 || (me >= 2 && we >= 1)
    };
    let score: f64 = strongest
        .iter()
        .flat_map(|concepts| concepts.values())
        .map(|s| weight(*s))
        .sum::<f64>()
        .min(100.0);
    let purpose = positive(Dimension::ExploitativeConditionsOfWork) || purpose_fact;
    let any_means_dimension = [
        Dimension::DeceptiveRecruitment,
        Dimension::CoerciveRecruitment,
        Dimension::RecruitmentByAbuseOfVulnerability,
        Dimension::CoercionAtDestination,
        Dimension::AbuseOfVulnerabilityAtDestination,
    ]
    .into_iter()
    .any(positive);
    let (_, definition) = naive(case, exempt_disability, child_under, year_rule);
    let strong_coercion = (has(Dimension::CoerciveRecruitment, Strength::Strong)
        || has(Dimension::CoercionAtDestination, Strength::Strong))
        && (has(Dimension::ExploitativeConditionsOfWork, Strength::Medium) || purpose_list_present);
    let reasonable_grounds = (purpose && any_means_dimension)
        || strong_coercion
        || (exempt && purpose)
        || (as_child && (sexual_fact || sexual_list_medium))
        || score >= 50.0;
    if definition {
        Level::DefinitionMet
    } else if reasonable_grounds {
        Level::ReasonableGrounds
    } else if anything {
        Level::FurtherInquiry
    } else {
        Level::NoIndicators
    }
}

#[test]
fn the_level_agrees_with_a_naive_reading_of_the_criteria() {
    let ids: Vec<IndicatorId> = Catalogue::builtin()
        .entries()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let mut rng = Rng(0x0dd_ba11_5eed_2026);
    for (rule_set, exempt_disability, child_under, year_rule) in [
        ("ilo-2009", false, 18, false),
        ("kr-2023", true, 19, true),
        ("kr-2024", true, 19, false),
    ] {
        let assessor = Assessor::builtin(rule_set).expect("builtin");
        let mut per_level: BTreeMap<Level, usize> = BTreeMap::new();
        for _ in 0..3000 {
            let case = random_case(&mut rng, &ids);
            let a = assessor.assess(&case).expect("valid");
            assert_eq!(
                a.level,
                naive_level(&case, exempt_disability, child_under, year_rule),
                "{rule_set}: level differs for {}",
                case.to_json_pretty()
            );
            *per_level.entry(a.level).or_default() += 1;
        }
        // The random cases reach every level, so each branch of the reading is compared.
        assert_eq!(per_level.len(), 4, "{rule_set}: {per_level:?}");
    }
}

#[test]
fn engine_agrees_with_a_naive_implementation_on_random_cases() {
    let ids: Vec<IndicatorId> = Catalogue::builtin()
        .entries()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let mut compared = 0;
    let mut definition_met = 0;
    for _ in 0..4000 {
        let case = random_case(&mut rng, &ids);
        for (rule_set, exempt_disability, child_under, year_rule) in [
            ("ilo-2009", false, 18, false),
            ("kr-2023", true, 19, true),
            ("kr-2024", true, 19, false),
        ] {
            let a = Assessor::builtin(rule_set)
                .expect("builtin")
                .assess(&case)
                .expect("valid");
            let (positive, met) = naive(&case, exempt_disability, child_under, year_rule);
            let engine: Vec<bool> = a
                .explanation
                .dimensions
                .iter()
                .map(|d| d.positive)
                .collect();
            assert_eq!(
                engine,
                positive.to_vec(),
                "{rule_set}: dimensions differ for {}",
                case.to_json_pretty()
            );
            assert_eq!(
                a.explanation.person_rule.met,
                met,
                "{rule_set}: person rule differs for {}",
                case.to_json_pretty()
            );
            assert_eq!(a.level == trafficking_indicators::Level::DefinitionMet, met);
            compared += 1;
            definition_met += usize::from(met);
        }
    }
    assert_eq!(compared, 12000);
    // The random cases exercise both outcomes, not just one.
    assert!(
        definition_met > 300 && definition_met < 11700,
        "{definition_met}"
    );
}
