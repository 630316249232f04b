//! The rules of a level: each dimension by the combination rule, the elements and the
//! definition by the person-level rule, and the reasonable-grounds criteria.

use crate::assessment::{AgeBasis, Level};
use crate::case::{Case, OffenceKind};
use crate::model::indicator::ExploitationForm;
use crate::model::indicator::{Dimension, PalermoElement, Strength};
use crate::policy::rule_set::ActEvidence;

use crate::engine::assessor::*;
use crate::engine::person::*;
use crate::engine::read::Reading;
use crate::engine::tally::*;

/// The outcome of the level rules on a tally.
#[derive(Debug, Clone, Copy)]
pub(super) struct Outcome {
    pub(super) positive: [Option<usize>; 6],
    pub(super) positive_mask: u8,
    /// The positive dimensions that evidence their element and meet `any_dimension_positive`:
    /// those holding a present indicator that may decide alone (all positive ones, unless
    /// the rule set keeps background from deciding alone).
    pub(super) evidencing_mask: u8,
    pub(super) elements: [bool; 3],
    pub(super) definition: bool,
    /// The criteria that hold (bit set); for a what-if, only enough to decide the level.
    pub(super) criteria_met: u64,
    pub(super) level: Level,
}

/// Which reasonable-grounds criteria an outcome evaluates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Criteria {
    /// Every criterion: the explanation lists each.
    Every,
    /// Criteria in order until one holds (or the definition is met): enough for the level.
    UntilLevelDecided,
    /// None: the caller knows the level from a base outcome.
    Skip,
}

pub(super) fn condition_holds(
    condition: &CompiledCondition,
    tally: &Tally,
    evidencing_mask: u8,
    elements: &[bool; 3],
    person: &Person,
) -> bool {
    match condition {
        CompiledCondition::ElementMet(el) => elements.get(*el as usize).copied().unwrap_or(false),
        CompiledCondition::AnyDimensionPositive(mask) => evidencing_mask & mask != 0,
        CompiledCondition::IndicatorPresent(mask, min) => tally.present_at_least(*mask, *min),
        CompiledCondition::ScoreAtLeast(t) => tally.decisive_score() >= *t,
        CompiledCondition::MeansNotRequired => person.exempt,
        CompiledCondition::TreatedAsChild => person.child_rules,
        CompiledCondition::Watched(group, min) => tally.watched(*group, *min),
        CompiledCondition::Any(conditions) => conditions
            .iter()
            .any(|c| condition_holds(c, tally, evidencing_mask, elements, person)),
    }
}

impl Assessor {
    /// The index of the first clause a dimension with these counts meets.
    pub(super) fn clause_met(&self, counts: [u32; 3]) -> Option<usize> {
        let [w, m, s] = counts;
        let at_least = [s, s + m, s + m + w];
        self.clauses.iter().position(|c| {
            c.need
                .iter()
                .zip(at_least.iter())
                .all(|(need, have)| have >= need)
        })
    }

    pub(super) fn outcome(&self, tally: &Tally, person: &Person) -> Outcome {
        let mut positive = [None; 6];
        let mut positive_mask = 0u8;
        for d in Dimension::ALL {
            let met = self.clause_met(tally.dim(d));
            if met.is_some() {
                positive_mask |= dim_bit(d);
            }
            if let Some(slot) = positive.get_mut(d.index()) {
                *slot = met;
            }
        }
        self.outcome_from(positive, positive_mask, tally, person, Criteria::Every)
    }

    /// The outcome of `tally`, which differs from the tally of `base` only in `changed` (a
    /// dimension) or in element facts: the other dimensions keep their clauses. Only the
    /// criteria needed to decide the level are evaluated (`criteria_met` is partial).
    pub(super) fn outcome_after(
        &self,
        base: &Outcome,
        tally: &Tally,
        changed: Option<Dimension>,
        person: &Person,
    ) -> Outcome {
        let mut positive = base.positive;
        let mut positive_mask = base.positive_mask;
        if let Some(d) = changed {
            let met = self.clause_met(tally.dim(d));
            if let Some(slot) = positive.get_mut(d.index()) {
                *slot = met;
            }
            if met.is_some() {
                positive_mask |= dim_bit(d);
            } else {
                positive_mask &= !dim_bit(d);
            }
        }
        if base.definition {
            // More evidence never takes anything away (weights are ordered and never
            // negative; every condition is monotone): the definition stays met.
            return Outcome {
                positive,
                positive_mask,
                evidencing_mask: positive_mask & tally.conduct_dims,
                ..*base
            };
        }
        let check = if base.criteria_met == 0 {
            Criteria::UntilLevelDecided
        } else {
            Criteria::Skip
        };
        let mut outcome = self.outcome_from(positive, positive_mask, tally, person, check);
        if base.criteria_met != 0 && !outcome.definition {
            // The criteria that held still hold (monotone): they decide the level.
            outcome.criteria_met = base.criteria_met;
            outcome.level = Level::ReasonableGrounds;
        }
        outcome
    }

    /// Elements, definition, criteria and level, given the dimensions' results: every
    /// criterion that holds, only as many as decide the level, or none (`check`).
    pub(super) fn outcome_from(
        &self,
        positive: [Option<usize>; 6],
        positive_mask: u8,
        tally: &Tally,
        person: &Person,
        check: Criteria,
    ) -> Outcome {
        // Each element by the rule: a positive dimension that may decide, or a fact of its
        // lists.
        let evidencing_mask = positive_mask & tally.conduct_dims;
        let mut elements = [false; 3];
        for el in PalermoElement::ALL {
            let dims = self.element_dims(el);
            let lists = self.element_lists.get(el as usize).copied().unwrap_or(0);
            if let Some(slot) = elements.get_mut(el as usize) {
                *slot = evidencing_mask & dims != 0 || tally.facts(lists, Strength::Weak);
            }
        }
        // For a person exempt from the means, the act may also be evidenced another way. The
        // exemption only removes a requirement: evidence that meets the adult rule (a positive
        // act dimension with the means) still meets it.
        if person.exempt {
            let dims = self.element_dims(PalermoElement::Act);
            let lists = self
                .element_lists
                .get(PalermoElement::Act as usize)
                .copied()
                .unwrap_or(0);
            let [by_rule, means, _] = elements;
            let act = match self.exempt_act_evidence {
                ActEvidence::PositiveDimension => by_rule,
                ActEvidence::AnyPresentIndicator => by_rule || tally.any_present(dims) || tally.act,
                // Not a positive recruitment dimension on its own: background vulnerability
                // alone can make one, and it is not the act.
                ActEvidence::ConductOrControl => {
                    tally.facts(lists, Strength::Weak) || tally.act || (by_rule && means)
                }
            };
            if let Some(slot) = elements.get_mut(PalermoElement::Act as usize) {
                *slot = act;
            }
        }
        let [act, means, purpose] = elements;
        let definition = act && purpose && (means || person.exempt);
        let mut criteria_met = 0u64;
        for (i, c) in self.criteria.iter().enumerate().take(64) {
            let decided = definition || criteria_met != 0;
            if check == Criteria::Skip || (check == Criteria::UntilLevelDecided && decided) {
                break;
            }
            let holds = c
                .conditions
                .iter()
                .all(|cond| condition_holds(cond, tally, evidencing_mask, &elements, person));
            if holds {
                criteria_met |= 1 << i;
            }
        }
        let level = if definition {
            Level::DefinitionMet
        } else if criteria_met != 0 {
            Level::ReasonableGrounds
        } else if tally.any {
            Level::FurtherInquiry
        } else {
            Level::NoIndicators
        };
        Outcome {
            positive,
            positive_mask,
            evidencing_mask,
            elements,
            definition,
            criteria_met,
            level,
        }
    }

    pub(super) fn holds(
        &self,
        c: &CompiledCondition,
        tally: &Tally,
        outcome: &Outcome,
        person: &Person,
    ) -> bool {
        condition_holds(c, tally, outcome.evidencing_mask, &outcome.elements, person)
    }

    /// The level the child rules would give, where the age at the act is not established.
    pub(super) fn level_if_child(&self, reading: &Reading) -> Option<Level> {
        let person = reading.person;
        (person.basis == AgeBasis::NotEstablished).then(|| {
            let child = person.as_child(self.exempt_children);
            let counting = self.count(&reading.resolved, &child);
            self.outcome(&counting.tally, &child).level
        })
    }

    /// The forms under consideration: recorded, shown by a present purpose fact, or (for the
    /// sex trade) a prostitution offence listed.
    pub(super) fn forms_considered(
        &self,
        case: &Case,
        reading: &Reading,
        counted: &[Counted],
    ) -> u16 {
        counted
            .iter()
            .filter(|k| k.dimension.is_none())
            .filter_map(|k| self.entries.get(k.pos))
            .fold(reading.forms, |m, e| m | e.forms)
            | if case.lists_offence(OffenceKind::Prostitution) {
                ExploitationForm::Sexual.bit()
            } else {
                0
            }
    }
}
