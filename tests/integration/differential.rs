//! A differential check: a deliberately naive implementation of the ILO/EC combination rule
//! and the person-level rule, written from the domain notes (not from the rule set data),
//! compared with the engine on thousands of random cases under the three built-in rule sets; and a
//! naive reading of the five reasonable-grounds criteria the built-in rule sets share,
//! compared with the level.

use std::collections::{BTreeMap, BTreeSet};

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

/// What sets the built-in rule sets apart for these checks: who is a child (Korea's 2023 year
/// rule leaves age 18 unsettled: adult rules) and whether a disability waives the means.
struct Rules {
    id: &'static str,
    exempt_disability: bool,
    child_under: u8,
    year_rule: bool,
}

const RULE_SETS: [Rules; 3] = [
    Rules {
        id: "ilo-2009",
        exempt_disability: false,
        child_under: 18,
        year_rule: false,
    },
    Rules {
        id: "kr-2023",
        exempt_disability: true,
        child_under: 19,
        year_rule: true,
    },
    Rules {
        id: "kr-2024",
        exempt_disability: true,
        child_under: 19,
        year_rule: false,
    },
];

/// Every id of the built-in catalogue, for the random cases.
fn catalogue_ids() -> Vec<IndicatorId> {
    Catalogue::builtin()
        .entries()
        .iter()
        .map(|e| e.id.clone())
        .collect()
}

/// A case read naively under one rule set: who the person is for the rules, and what is
/// present.
struct NaiveReading {
    as_child: bool,
    exempt: bool,
    /// Per dimension: concept -> strongest present strength (items of appearance excluded).
    strongest: [BTreeMap<String, Strength>; 6],
    /// Per dimension: the concepts present that the catalogue marks as background (the
    /// person's own circumstances), which every built-in rule set keeps from deciding alone.
    background: [BTreeSet<String>; 6],
    purpose_fact: bool,
    /// An act fact, a recruitment item marked as a recruiter's conduct, or coercion at
    /// destination.
    act_evidence: bool,
    anything: bool,
    /// Any present wording (appearance excluded) on `palermo_purpose`.
    purpose_list: bool,
    /// Any present wording (appearance excluded) on `unodc_sexual_exploitation`, medium or
    /// stronger for this person.
    sexual_list_medium: bool,
    sexual_fact: bool,
}

impl NaiveReading {
    fn new(case: &Case, rules: &Rules) -> NaiveReading {
        let catalogue = Catalogue::builtin();
        let child_list = ListId::new("ilo_ec_2009_child_labour").expect("id");
        let sexual_list = ListId::new("unodc_sexual_exploitation").expect("id");
        let purpose_list = ListId::new("palermo_purpose").expect("id");
        let as_child = match case.subject.age_years {
            Some(age) if rules.year_rule => age + 1 < rules.child_under,
            Some(age) => age < rules.child_under,
            None => case.subject.possibly_minor == Some(true),
        };
        let mut r = NaiveReading {
            as_child,
            exempt: as_child || (rules.exempt_disability && case.subject.disability == Some(true)),
            strongest: Default::default(),
            background: Default::default(),
            purpose_fact: false,
            act_evidence: false,
            anything: false,
            purpose_list: false,
            sexual_list_medium: false,
            sexual_fact: false,
        };
        for o in case
            .observations
            .iter()
            .filter(|o| o.status == ObservationStatus::Present)
        {
            let e = catalogue.get(o.indicator.as_str()).expect("known");
            // The person's own circumstances alone are no sign of trafficking.
            r.anything |= e.background.is_none();
            let s = if as_child {
                e.strength_in(&child_list)
            } else {
                e.strength
            };
            if !e.appearance && e.background.is_none() {
                r.purpose_list |= e.in_list(&purpose_list);
                r.sexual_list_medium |= e.in_list(&sexual_list) && s >= Strength::Medium;
            }
            r.sexual_fact |= e.id.as_str() == "purpose_sexual_exploitation";
            let Some(dimension) = e.dimension else {
                match e.element {
                    Some(PalermoElement::Purpose) => r.purpose_fact = true,
                    Some(PalermoElement::Act) => r.act_evidence = true,
                    _ => {}
                }
                continue;
            };
            if e.appearance {
                continue;
            }
            // Conduct of a recruiter, or control over where the person is at destination: the
            // catalogue's mark says which (validation allows it on no other entry).
            if e.act_evidence.as_ref().is_some_and(|m| m.evidences_act) {
                r.act_evidence = true;
            }
            if e.background.is_some() {
                r.background[dimension.index()].insert(e.concept.to_string());
            }
            let slot = r.strongest[dimension.index()]
                .entry(e.concept.to_string())
                .or_insert(s);
            if s > *slot {
                *slot = s;
            }
        }
        r
    }

    /// The literal ILO/EC clauses, no substitution: two strong; one strong and one medium
    /// or weak; three medium; two medium and one weak.
    fn positive(&self, d: Dimension) -> bool {
        let count = |s: Strength| {
            self.strongest[d.index()]
                .values()
                .filter(|v| **v == s)
                .count()
        };
        let (st, me, we) = (
            count(Strength::Strong),
            count(Strength::Medium),
            count(Strength::Weak),
        );
        st >= 2 || (st >= 1 && me + we >= 1) || me >= 3 || (me >= 2 && we >= 1)
    }

    /// Positive, and not on the person's own circumstances alone: what evidences an element
    /// and meets a criterion's "dimension positive".
    fn evidences(&self, d: Dimension) -> bool {
        self.positive(d)
            && self.strongest[d.index()]
                .keys()
                .any(|c| !self.background[d.index()].contains(c))
    }

    /// A counted indicator of at least `min` in dimension `d`, not background.
    fn has(&self, d: Dimension, min: Strength) -> bool {
        self.strongest[d.index()]
            .iter()
            .any(|(c, s)| *s >= min && !self.background[d.index()].contains(c))
    }

    fn purpose(&self) -> bool {
        self.evidences(Dimension::ExploitativeConditionsOfWork) || self.purpose_fact
    }

    /// The person-level rule: act, means and purpose; or, for a person exempt from the
    /// means, the purpose with evidence of the act. The exemption removes the means
    /// requirement and never adds one: the adult route still counts for an exempt person.
    fn definition_met(&self) -> bool {
        let act = self.evidences(Dimension::DeceptiveRecruitment)
            || self.evidences(Dimension::CoerciveRecruitment)
            || self.evidences(Dimension::RecruitmentByAbuseOfVulnerability);
        let means = self.evidences(Dimension::CoercionAtDestination)
            || self.evidences(Dimension::AbuseOfVulnerabilityAtDestination);
        (act && means && self.purpose()) || (self.exempt && self.purpose() && self.act_evidence)
    }

    /// The decisive score: per dimension and concept the strongest, weighed strong 10,
    /// medium 5, weak 2, capped at 100; the person's own circumstances left out.
    fn score(&self) -> f64 {
        let weight = |s: &Strength| match s {
            Strength::Strong => 10.0,
            Strength::Medium => 5.0,
            Strength::Weak => 2.0,
        };
        self.strongest
            .iter()
            .zip(&self.background)
            .flat_map(|(concepts, background)| {
                concepts
                    .iter()
                    .filter(|(c, _)| !background.contains(*c))
                    .map(|(_, s)| s)
            })
            .map(weight)
            .sum::<f64>()
            .min(100.0)
    }

    /// The level, read naively from the five reasonable-grounds criteria the built-in rule
    /// sets share (README, "Rule sets"): the definition met; else reasonable grounds when any
    /// of exploitation with a means dimension, strong coercion with exploitation,
    /// exploitation for a person the means are not required of, a child in sexual
    /// exploitation, or a score of at least 50 holds; else further inquiry when anything is
    /// present. Every present wording of a fact counts for the lists a criterion names, even
    /// where a stronger wording of it counts in the dimension.
    fn level(&self) -> Level {
        let any_means_dimension = [
            Dimension::DeceptiveRecruitment,
            Dimension::CoerciveRecruitment,
            Dimension::RecruitmentByAbuseOfVulnerability,
            Dimension::CoercionAtDestination,
            Dimension::AbuseOfVulnerabilityAtDestination,
        ]
        .into_iter()
        .any(|d| self.evidences(d));
        let strong_coercion = (self.has(Dimension::CoerciveRecruitment, Strength::Strong)
            || self.has(Dimension::CoercionAtDestination, Strength::Strong))
            && (self.has(Dimension::ExploitativeConditionsOfWork, Strength::Medium)
                || self.purpose_list);
        let reasonable_grounds = (self.purpose() && any_means_dimension)
            || strong_coercion
            || (self.exempt && self.purpose())
            || (self.as_child && (self.sexual_fact || self.sexual_list_medium))
            || self.score() >= 50.0;
        if self.definition_met() {
            Level::DefinitionMet
        } else if reasonable_grounds {
            Level::ReasonableGrounds
        } else if self.anything {
            Level::FurtherInquiry
        } else {
            Level::NoIndicators
        }
    }
}

#[test]
fn the_level_agrees_with_a_naive_reading_of_the_criteria() {
    let ids = catalogue_ids();
    let mut rng = Rng(0x0dd_ba11_5eed_2026);
    for rules in &RULE_SETS {
        let assessor = Assessor::builtin(rules.id).expect("builtin");
        let mut per_level: BTreeMap<Level, usize> = BTreeMap::new();
        for _ in 0..3000 {
            let case = random_case(&mut rng, &ids);
            let a = assessor.assess(&case).expect("valid");
            assert_eq!(
                a.level,
                NaiveReading::new(&case, rules).level(),
                "{}: level differs for {}",
                rules.id,
                case.to_json_pretty()
            );
            *per_level.entry(a.level).or_default() += 1;
        }
        // The random cases reach every level, so each branch of the reading is compared.
        assert_eq!(per_level.len(), 4, "{}: {per_level:?}", rules.id);
    }
}

#[test]
fn engine_agrees_with_a_naive_implementation_on_random_cases() {
    let ids = catalogue_ids();
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let mut compared = 0;
    let mut definition_met = 0;
    for _ in 0..4000 {
        let case = random_case(&mut rng, &ids);
        for rules in &RULE_SETS {
            let a = Assessor::builtin(rules.id)
                .expect("builtin")
                .assess(&case)
                .expect("valid");
            let naive = NaiveReading::new(&case, rules);
            let positive: Vec<bool> = Dimension::ALL.iter().map(|d| naive.positive(*d)).collect();
            let met = naive.definition_met();
            let engine: Vec<bool> = a
                .explanation
                .dimensions
                .iter()
                .map(|d| d.positive)
                .collect();
            assert_eq!(
                engine,
                positive,
                "{}: dimensions differ for {}",
                rules.id,
                case.to_json_pretty()
            );
            assert_eq!(
                a.explanation.person_rule.met,
                met,
                "{}: person rule differs for {}",
                rules.id,
                case.to_json_pretty()
            );
            assert_eq!(a.level == Level::DefinitionMet, met);
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
