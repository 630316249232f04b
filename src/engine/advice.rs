//! What follows from an assessment: recommendations with their legal sources, the
//! non-punishment advisory and who to call (the notices are explained before, in `explain`).

use std::sync::Arc;

use crate::assessment::{
    Citation, IndicatorRef, Level, OffenceAdvisory, Recommendation, RecommendationKind,
};
use crate::assessment::{ContactAdvice, RecommendationPart};
use crate::case::{Case, ObservationStatus, OffenceKind, OffenceStage};
use crate::policy::rule_set::LegalEffect;
use crate::policy::rule_set::{ContextCondition, RecommendationAudience};

use crate::engine::assessor::*;
use crate::engine::person::*;
use crate::engine::read::Reading;
use crate::engine::rules::*;
use crate::engine::tally::*;

/// The last step of an assessment: what follows from it.
pub(super) struct Advice {
    /// The recommendations, each with its legal sources.
    pub(super) recommendations: Vec<Recommendation>,
    /// Who to call.
    pub(super) contacts: Vec<ContactAdvice>,
}

/// Whether a context names non-nationals while the case does not record nationality: the
/// advice then applies "if the person is not a national".
pub(super) fn if_not_national(context: &[ContextCondition], case: &Case) -> bool {
    case.subject.national.is_none() && context.contains(&ContextCondition::NotNational)
}

/// The offences listed in the case every listing of which is recorded `charged` or
/// `convicted` (past the decision to charge), each kind once, in order.
pub(super) fn already_charged(case: &Case) -> Vec<OffenceKind> {
    let mut kinds: Vec<OffenceKind> = case
        .offences
        .iter()
        .map(|o| o.kind)
        .filter(|kind| {
            case.offences.iter().filter(|o| o.kind == *kind).all(|o| {
                matches!(
                    o.stage,
                    Some(OffenceStage::Charged | OffenceStage::Convicted)
                )
            })
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

/// A recommendation with only its kind and sources set.
pub(super) fn recommendation(
    kind: RecommendationKind,
    legal_basis: Arc<[Citation]>,
) -> Recommendation {
    Recommendation {
        kind,
        for_child: false,
        below_age_of_responsibility: false,
        legal_basis,
        offences: Vec::new(),
        standards: crate::assessment::no_citations(),
        pending_offences: Vec::new(),
        already_charged: Vec::new(),
        measures: Vec::new(),
        if_not_national: false,
        additions: Vec::new(),
        verification: None,
    }
}

#[allow(clippy::too_many_arguments)]
impl Assessor {
    pub(super) fn recommendations(
        &self,
        case: &Case,
        person: &Person,
        tally: &Tally,
        outcome: &Outcome,
        status: &[Option<ObservationStatus>],
        slots: &[SlotState],
        relevant_lists: u64,
        forms: u16,
    ) -> Vec<Recommendation> {
        let level = outcome.level;
        let mut out = Vec::new();
        if case
            .offences
            .iter()
            .any(|o| self.names_offence(person, level, o.kind))
        {
            out.push(self.non_punishment_advisory(
                case,
                person,
                level,
                status,
                slots,
                relevant_lists,
            ));
        }
        for r in &self.recommendations {
            let audience_ok = match r.audience {
                RecommendationAudience::Everyone => true,
                RecommendationAudience::ChildrenAndPossibleChildren => person.child_now,
            };
            if !(audience_ok
                && r.levels.get(level as usize).copied().unwrap_or(false)
                && context_holds(&r.context, case, person, forms)
                && r.when.iter().all(|c| self.holds(c, tally, outcome, person)))
            {
                continue;
            }
            let mut rec = recommendation(r.kind, r.legal_basis.clone());
            rec.standards = r.standards.clone();
            rec.if_not_national = if_not_national(&r.context, case);
            rec.additions = r
                .additions
                .iter()
                .enumerate()
                .filter(|(_, a)| {
                    let at_level = a.levels.iter().all(|l| !l)
                        || a.levels.get(level as usize).copied().unwrap_or(false);
                    at_level && context_holds(&a.context, case, person, forms)
                })
                .map(|(index, a)| RecommendationPart {
                    index: index as u32,
                    legal_basis: a.legal_basis.clone(),
                    if_not_national: !rec.if_not_national && if_not_national(&a.context, case),
                })
                .collect();
            rec.verification = r.basis;
            if r.kind == RecommendationKind::ProtectionPendingIdentification {
                let mut offences: Vec<OffenceKind> = case.offences.iter().map(|o| o.kind).collect();
                offences.sort_unstable();
                offences.dedup();
                rec.pending_offences = offences;
                rec.already_charged = already_charged(case);
                rec.measures = case.measures.clone();
            }
            out.push(rec);
        }
        out
    }

    /// The services of the contact directory that fit this case at this level.
    pub(super) fn contacts(
        &self,
        case: &Case,
        person: &Person,
        level: Level,
        forms: u16,
    ) -> Vec<ContactAdvice> {
        let Some(Contacts { directory, texts }) = &self.contacts else {
            return Vec::new();
        };
        directory
            .contacts
            .iter()
            .zip(texts)
            .filter(|(c, _)| level >= c.min_level && level > Level::NoIndicators)
            .filter(|(c, _)| context_holds(&c.context, case, person, forms))
            .map(|(c, (number, checked))| ContactAdvice {
                id: c.id.clone(),
                number: number.clone(),
                verification: c.verification,
                checked: checked.clone(),
                off_first_screen: c
                    .first_screen_unless
                    .iter()
                    .any(|u| context_holds(&u.context, case, person, forms)),
            })
            .collect()
    }

    pub(super) fn non_punishment_advisory(
        &self,
        case: &Case,
        person: &Person,
        level: Level,
        status: &[Option<ObservationStatus>],
        slots: &[SlotState],
        relevant_lists: u64,
    ) -> Recommendation {
        let child = self
            .non_punishment
            .child
            .as_ref()
            .filter(|_| person.child_rules || person.child_now);
        // A child under the age of criminal responsibility, by the age now recorded (an age
        // at the act or a presumption does not settle the age now): no offence is punished
        // (a Korean verdict review, thirtieth session: a boy of 13 was told the court "may
        // reduce or waive the sentence").
        let below_age = child
            .and_then(|c| c.below_age.as_ref())
            .filter(|_| person.below_age_of_responsibility);
        let mut offences = Vec::new();
        for link in &self.non_punishment.links {
            let kind = link.offence;
            let listed: Vec<_> = case.offences.iter().filter(|o| o.kind == kind).collect();
            if listed.is_empty() || !self.names_offence(person, level, kind) {
                continue;
            }
            let mut stages: Vec<_> = listed.iter().filter_map(|o| o.stage).collect();
            stages.sort_unstable();
            stages.dedup();
            // Covered whatever the indicators show only for a person known to be a child now
            // (or presumed one): the offence's date is not recorded, so for a person who was
            // a child only at the act it goes through its link like any other offence.
            // An offence the child advisory covers keeps its own source (Korea: a child on the
            // other side of a purchase of sex is a victim, Youth Sex Offences Act Art. 38(1)),
            // under the age of criminal responsibility too; the others take that age's.
            let covered = child.is_some_and(|c| self.covers_offence(person, c, kind));
            let unconditional = covered || below_age.is_some();
            let mut linked = Vec::new();
            let mut ask = Vec::new();
            // Each slot is asked about once, and not at all when it is settled (present under
            // another wording, or answered absent). For an offence a child is covered for
            // whatever the indicators show, nothing is asked.
            let mut asked: Vec<u32> = Vec::new();
            for (pos, e) in self.entries.iter().enumerate() {
                if e.lists == 0 || !link.concepts.contains(&e.concept) {
                    continue;
                }
                let settled = slots
                    .get(e.slot as usize)
                    .is_none_or(|s| s.present.is_some() || s.closed);
                match status.get(pos).copied().flatten() {
                    Some(ObservationStatus::Present) => linked.push(IndicatorRef {
                        id: e.id.clone(),
                        dimension: e.dimension,
                    }),
                    Some(ObservationStatus::Absent) => {}
                    _ if !unconditional
                        && e.lists & relevant_lists != 0
                        && !settled
                        && !asked.contains(&e.slot) =>
                    {
                        asked.push(e.slot);
                        ask.push(e.id.clone());
                    }
                    _ => {}
                }
            }
            let (legal_basis, effect) = match (child, below_age) {
                (Some(c), _) if covered => (c.covers_basis.clone(), Some(c.effect)),
                (_, Some((_, basis))) => (basis.clone(), Some(LegalEffect::NotPunished)),
                _ => (link.legal_basis.clone(), link.effect),
            };
            offences.push(OffenceAdvisory {
                offence: kind,
                stages,
                recorded: listed.len() as u32,
                linked_indicators: linked,
                ask_about: ask,
                legal_basis,
                effect,
                unconditional,
            });
        }
        let np = &self.non_punishment;
        let mut rec = match child {
            Some(c) => recommendation(RecommendationKind::NonPunishment, c.legal_basis.clone()),
            None => recommendation(RecommendationKind::NonPunishment, np.legal_basis.clone()),
        };
        rec.for_child = child.is_some();
        rec.below_age_of_responsibility = below_age.is_some();
        rec.offences = offences;
        // Only what the advisory names: an offence it leaves out below its level is not
        // "already charged" in it either.
        rec.already_charged = already_charged(case)
            .into_iter()
            .filter(|kind| self.names_offence(person, level, *kind))
            .collect();
        rec.standards = np.standards.clone();
        rec
    }

    /// What follows: the recommendations and who to call, for the forms under consideration.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn advise(
        &self,
        case: &Case,
        reading: &Reading,
        tally: &Tally,
        outcome: &Outcome,
        slots: &[SlotState],
        relevant_lists: u64,
        forms_considered: u16,
    ) -> Advice {
        let person = &reading.person;
        let recommendations = self.recommendations(
            case,
            person,
            tally,
            outcome,
            &reading.status,
            slots,
            relevant_lists,
            forms_considered,
        );
        let contacts = self.contacts(case, person, outcome.level, forms_considered);
        Advice {
            recommendations,
            contacts,
        }
    }
}
