//! The explanation: per dimension, per element, the person-level rule and every
//! observation, in the form the assessment carries them.

use crate::assessment::{
    ClauseRef, Contribution, CountedIndicator, CriterionFinding, DimensionFinding, Disposition,
    ElementFinding, Explanation, Need, ObservationFinding, PersonRuleFinding, PersonRuleForm,
    Question, ScoreExplanation, Shortfall, StrengthCounts, SubjectFinding,
};

use crate::assessment::{AgeBasis, AgeQuestion, Notice};
use crate::case::DisabilityStatus;
use crate::case::{Case, EvidenceSource, ObservationStatus, OffenceKind};
use crate::model::id::IndicatorId;
use crate::model::indicator::{Dimension, PalermoElement, Strength};
use crate::model::vocabulary::{Level, NoticeKind};
use crate::policy::rule_set::{ActEvidence, SCORE_CAP};

use crate::engine::assessor::*;
use crate::engine::person::*;
use crate::engine::read::Reading;
use crate::engine::rules::*;
use crate::engine::tally::*;

impl Assessor {
    pub(super) fn dimension_findings(
        &self,
        tally: &Tally,
        outcome: &Outcome,
        counted: &[Counted],
    ) -> Vec<DimensionFinding> {
        Dimension::ALL
            .iter()
            .map(|&d| {
                let [w, m, s] = tally.dim(d);
                let met = outcome.positive.get(d.index()).copied().flatten();
                let appearance: Vec<IndicatorId> = counted
                    .iter()
                    .filter(|k| k.dimension == Some(d) && k.appearance)
                    .filter_map(|k| self.entries.get(k.pos).map(|e| e.id.clone()))
                    .collect();
                let mut items: Vec<CountedIndicator> = counted
                    .iter()
                    .filter(|k| k.dimension == Some(d) && !k.appearance)
                    .filter_map(|k| {
                        self.entries.get(k.pos).map(|e| CountedIndicator {
                            id: e.id.clone(),
                            strength: k.strength,
                            same_concept: k
                                .same_concept
                                .iter()
                                .filter_map(|p| self.entries.get(*p).map(|o| o.id.clone()))
                                .collect(),
                        })
                    })
                    .collect();
                items.sort_by_key(|c| std::cmp::Reverse(c.strength));
                DimensionFinding {
                    dimension: d,
                    // The element the rule set has this dimension evidence (validation makes
                    // each dimension belong to one element).
                    element: PalermoElement::ALL
                        .into_iter()
                        .find(|el| self.element_dims(*el) & dim_bit(d) != 0)
                        .unwrap_or_else(|| d.element()),
                    phase: d.phase(),
                    positive: met.is_some(),
                    clause_met: met.and_then(|i| self.clause_ref(i)),
                    shortfall: if met.is_some() {
                        None
                    } else {
                        self.shortfall([w, m, s])
                    },
                    counts: StrengthCounts {
                        strong: s,
                        medium: m,
                        weak: w,
                    },
                    counted: items,
                    appearance,
                    background_only: met.is_some() && outcome.evidencing_mask & dim_bit(d) == 0,
                }
            })
            .collect()
    }

    pub(super) fn clause_ref(&self, i: usize) -> Option<ClauseRef> {
        self.clauses.get(i).map(|c| ClauseRef { id: c.id.clone() })
    }

    /// The clause nearest to being met (fewest indicators missing; the first such clause in
    /// rule order) and what it needs.
    pub(super) fn shortfall(&self, counts: [u32; 3]) -> Option<Shortfall> {
        let [w, m, s] = counts;
        let (index, needs) = self
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let [need_s, need_m, need_w] = c.need;
                // Missing indicators at each level, strongest first; an added strong one also
                // counts toward the medium and weak levels.
                let miss_s = need_s.saturating_sub(s);
                let miss_m = need_m.saturating_sub(s + miss_s + m);
                let miss_w = need_w.saturating_sub(s + miss_s + m + miss_m + w);
                (i, [miss_s, miss_m, miss_w])
            })
            // Fewest missing; among those, the clause whose missing indicators may be weakest.
            .min_by_key(|(i, miss)| (miss.iter().sum::<u32>(), miss[0], miss[1], *i))?;
        let clause = self.clause_ref(index)?;
        let needs: Vec<Need> = [Strength::Strong, Strength::Medium, Strength::Weak]
            .into_iter()
            .zip(needs)
            .filter(|(_, n)| *n > 0)
            .map(|(min_strength, count)| Need {
                count,
                min_strength,
            })
            .collect();
        Some(Shortfall { clause, needs })
    }

    pub(super) fn element_findings(
        &self,
        outcome: &Outcome,
        person: &Person,
        counted: &[Counted],
    ) -> Vec<ElementFinding> {
        PalermoElement::ALL
            .iter()
            .map(|&el| {
                let mask = self.element_dims(el);
                let dims: Vec<Dimension> = Dimension::ALL
                    .iter()
                    .copied()
                    .filter(|d| mask & dim_bit(*d) != 0)
                    .collect();
                let evidence = if el == PalermoElement::Act && person.exempt {
                    self.exempt_act_evidence
                } else {
                    ActEvidence::PositiveDimension
                };
                let lists = self.element_lists.get(el as usize).copied().unwrap_or(0);
                let act_by_conduct = el == PalermoElement::Act
                    && person.exempt
                    && evidence != ActEvidence::PositiveDimension;
                // Present element facts of this element (or of its lists), and for the act of
                // an exempt person the indicators that evidence it; in catalogue order.
                let mut indicators: Vec<usize> = counted
                    .iter()
                    .flat_map(|k| std::iter::once(k.pos).chain(k.same_concept.iter().copied()))
                    .filter(|&pos| {
                        self.entries.get(pos).is_some_and(|e| {
                            (e.dimension.is_none() && (e.fact == Some(el) || e.lists & lists != 0))
                                || (act_by_conduct && e.act && e.dimension.is_some())
                        })
                    })
                    .collect();
                indicators.sort_unstable();
                indicators.dedup();
                ElementFinding {
                    element: el,
                    required: !(el == PalermoElement::Means && person.exempt),
                    met: outcome.elements.get(el as usize).copied().unwrap_or(false),
                    evidence,
                    positive_dimensions: dims
                        .iter()
                        .copied()
                        .filter(|d| outcome.positive.get(d.index()).copied().flatten().is_some())
                        .collect(),
                    dimensions: dims,
                    lists: self
                        .lists
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i < 64 && lists & (1 << i) != 0)
                        .map(|(_, l)| l.id.clone())
                        .collect(),
                    indicators: indicators
                        .iter()
                        .filter_map(|p| self.entries.get(*p).map(|e| e.id.clone()))
                        .collect(),
                }
            })
            .collect()
    }

    pub(super) fn person_rule_finding(
        &self,
        outcome: &Outcome,
        person: &Person,
    ) -> PersonRuleFinding {
        let form = if person.exempt {
            PersonRuleForm::ActPurpose
        } else {
            PersonRuleForm::ActMeansPurpose
        };
        let missing: Vec<PalermoElement> = PalermoElement::ALL
            .iter()
            .copied()
            .filter(|el| !(person.exempt && *el == PalermoElement::Means))
            .filter(|el| !outcome.elements.get(*el as usize).copied().unwrap_or(false))
            .collect();
        PersonRuleFinding {
            form,
            met: outcome.definition,
            missing,
            verification: self.person_rule_verification,
        }
    }

    pub(super) fn observation_findings(
        &self,
        resolved: &[(usize, ObservationStatus, Option<EvidenceSource>, usize)],
        counted: &[Counted],
    ) -> Vec<ObservationFinding> {
        let mut out: Vec<ObservationFinding> = Vec::with_capacity(resolved.len());
        let mut last: Option<usize> = None;
        for &(pos, st, source, _) in resolved {
            if last == Some(pos)
                && let Some(f) = out.last_mut()
            {
                f.recorded += 1;
                if let Some(s) = source {
                    f.sources.insert(s);
                }
                continue;
            }
            last = Some(pos);
            let Some(e) = self.entries.get(pos) else {
                continue;
            };
            let disposition = match st {
                ObservationStatus::Absent => Disposition::Absent,
                ObservationStatus::NotAssessed => Disposition::NotAssessed,
                ObservationStatus::Present if e.dimension.is_none() => Disposition::ElementFact,
                ObservationStatus::Present if e.appearance => Disposition::ScoreOnly,
                ObservationStatus::Present => counted
                    .iter()
                    .find(|k| k.slot == e.slot && k.pos != pos)
                    .and_then(|k| self.entries.get(k.pos))
                    .map_or(Disposition::Counted, |c| {
                        Disposition::CountedWithSameConcept {
                            counted_as: c.id.clone(),
                        }
                    }),
            };
            out.push(ObservationFinding {
                id: e.id.clone(),
                dimension: e.dimension,
                status: st,
                sources: source.into_iter().collect(),
                recorded: 1,
                disposition,
            });
        }
        out
    }

    /// The explanation: who the person is for the rules, every dimension, element, criterion
    /// and observation, the score, the questions and the notices.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn explain(
        &self,
        case: &Case,
        reading: &Reading,
        tally: &Tally,
        counted: &[Counted],
        outcome: &Outcome,
        relevant_lists: u64,
        (ask_next, more_questions): (Vec<Question>, u32),
        contradicted: &[(usize, usize)],
        forms: u16,
    ) -> Explanation {
        let person = &reading.person;
        let scale = if tally.raw > SCORE_CAP {
            SCORE_CAP / tally.raw
        } else {
            1.0
        };
        let mut contributions: Vec<Contribution> = Vec::with_capacity(counted.len());
        contributions.extend(counted.iter().filter_map(|k| {
            let dimension = k.dimension?;
            self.entries.get(k.pos).map(|e| Contribution {
                id: e.id.clone(),
                dimension,
                strength: k.strength,
                weight: self.weight(k.strength),
                points: self.weight(k.strength) * scale,
            })
        }));

        Explanation {
            subject: SubjectFinding {
                age_group: person.age,
                treated_as_child: person.child_rules,
                age_basis: person.basis,
                child_protection: person.child_now,
                addressed_as_child: person.addressed_as_child,
                adult_now: person.adult_now,
                below_age_at_act: person.below_age_at_act,
                national: case.subject.national == Some(true),
                ask_first: person.ask_first,
                disability: person.disability,
                means_required: !person.exempt,
                means_not_required_because: self.exempt_because(person),
                forms: sorted(&case.forms),
                sexual_exploitation_types: sorted(&case.sexual_exploitation_types),
                relevant_lists: self
                    .lists
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| relevant_lists & (1 << i) != 0)
                    .map(|(_, l)| l.id.clone())
                    .collect(),
            },
            dimensions: self.dimension_findings(tally, outcome, counted),
            elements: self.element_findings(outcome, person, counted),
            person_rule: self.person_rule_finding(outcome, person),
            reasonable_grounds: self
                .criteria
                .iter()
                .enumerate()
                .map(|(i, c)| CriterionFinding {
                    id: c.id.clone(),
                    met: i < 64 && outcome.criteria_met & (1 << i) != 0,
                })
                .collect(),
            score: ScoreExplanation {
                raw_points: tally.raw,
                cap: SCORE_CAP,
                scale,
                contributions,
            },
            observations: self.observation_findings(&reading.resolved, counted),
            ask_next,
            more_questions,
            notices: self.notices(case, person, outcome.level, contradicted, forms),
        }
    }

    /// The notices the reader must know about this assessment.
    pub(super) fn notices(
        &self,
        case: &Case,
        person: &Person,
        level: Level,
        contradicted: &[(usize, usize)],
        forms: u16,
    ) -> Vec<Notice> {
        let mut notices =
            Vec::with_capacity(8 + self.rule_notices.len() + self.rules_not_verified.len());
        let plain = |kind| Notice {
            kind,
            indicators: Vec::new(),
            rule: None,
            verification: None,
            conditions: Vec::new(),
            safety: None,
            offences: Vec::new(),
            from_level: None,
            legal_basis: crate::assessment::no_citations(),
        };
        if let Some(record) = case.interview.as_ref().filter(|r| r.safety.any_yes()) {
            notices.push(Notice {
                safety: Some(record.safety),
                ..plain(NoticeKind::SafetyFirst)
            });
        }
        if let Some(record) = case.interview.as_ref().filter(|r| r.safety.any_not_known()) {
            notices.push(Notice {
                safety: Some(record.safety),
                ..plain(NoticeKind::SafetyNotKnown)
            });
        }
        if !case.interview_conditions.is_empty() {
            notices.push(Notice {
                conditions: sorted(&case.interview_conditions),
                ..plain(NoticeKind::InterviewConditionsUnsafe)
            });
        }
        let mut last = None;
        for &(absent, present) in contradicted {
            if last == Some(absent) {
                continue;
            }
            last = Some(absent);
            if let (Some(a), Some(p)) = (self.entries.get(absent), self.entries.get(present)) {
                notices.push(Notice {
                    indicators: vec![a.id.clone(), p.id.clone()],
                    ..plain(NoticeKind::SameFactAnsweredBothWays)
                });
            }
        }
        match (person.basis, person.ask_first) {
            (AgeBasis::Presumed, _) => notices.push(plain(NoticeKind::ChildPresumed)),
            (
                AgeBasis::NotEstablished,
                Some(
                    AgeQuestion::BirthYear
                    | AgeQuestion::AgeAtExploitation
                    | AgeQuestion::ExploitationBeganYear,
                ),
            ) => {
                notices.push(plain(NoticeKind::AgeAtExploitationUncertain));
            }
            (AgeBasis::NotEstablished, _) => notices.push(plain(NoticeKind::AgeNotEstablished)),
            _ => {}
        }
        if person.child_rules && self.rule_set.child_strengths.is_some() {
            notices.push(plain(NoticeKind::ChildStrengthsApplied));
        }
        if person.disability == DisabilityStatus::Yes && self.exempt_disability {
            notices.push(plain(NoticeKind::MeansNotRequiredForDisability));
        }
        if case.forms.is_empty() {
            notices.push(plain(NoticeKind::NoFormsRecorded));
        }
        // Every recorded offence the non-punishment advisory leaves out at this level is named
        // here, with the level from which the advisory would name it: nothing is dropped
        // silently, and a child's prostitution named at once does not hide another offence.
        let mut left_out: Vec<OffenceKind> = case
            .offences
            .iter()
            .map(|o| o.kind)
            .filter(|kind| !self.names_offence(person, level, *kind))
            .collect();
        if !left_out.is_empty() {
            left_out.sort_unstable();
            left_out.dedup();
            let from_level = left_out
                .iter()
                .map(|kind| self.non_punishment_threshold(person, *kind))
                .min();
            notices.push(Notice {
                offences: left_out,
                from_level,
                ..plain(NoticeKind::OffencesBelowThreshold)
            });
        }
        for n in &self.rule_notices {
            if n.levels.get(level as usize).copied().unwrap_or(false)
                && context_holds(&n.context, case, person, forms)
            {
                notices.push(Notice {
                    legal_basis: n.legal_basis.clone(),
                    ..plain(n.kind)
                });
            }
        }
        for &(rule, verification) in &self.rules_not_verified {
            notices.push(Notice {
                rule: Some(rule),
                verification: Some(verification),
                ..plain(NoticeKind::RuleNotVerified)
            });
        }
        notices
    }
}

/// A sorted copy of what the case lists (the explanation shows every list in one order,
/// whatever order the case was written in).
fn sorted<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut items = items.to_vec();
    items.sort_unstable();
    items
}
