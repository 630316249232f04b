//! Reading a case for the rules: the person, and every observation at its catalogue entry.

use crate::case::{Case, EvidenceSource, ObservationStatus};
use crate::model::error::CaseError;

use crate::engine::assessor::Assessor;
use crate::engine::person::Person;

/// One observation at its catalogue position: position, status, source, and its index in the
/// case.
pub(super) type Resolved = (usize, ObservationStatus, Option<EvidenceSource>, usize);

/// The first step of an assessment: what the case says, in the engine's terms.
pub(super) struct Reading {
    /// Who the person is for the rules.
    pub(super) person: Person,
    /// The observations at their catalogue positions, sorted by position then record order.
    pub(super) resolved: Vec<Resolved>,
    /// One status per catalogue position; an "absent" answer counts as not assessed where the
    /// interview's conditions make a "no" unreliable.
    pub(super) status: Vec<Option<ObservationStatus>>,
    /// The interview's conditions make a "no" unreliable.
    pub(super) unreliable_no: bool,
    /// The forms of exploitation the case records, as a bit set.
    pub(super) forms: u16,
}

impl Assessor {
    /// Reads a case: its limits, the person, and every observation resolved (an unknown id,
    /// an id outside the rule set's lists and conflicting observations are errors).
    pub(super) fn read(&self, case: &Case) -> Result<Reading, CaseError> {
        case.check_limits()?;
        let person = self.person(case);
        let resolved = self.resolve(case)?;
        // One status per catalogue position (conflicts were rejected above). Where the
        // interview's conditions make a "no" unreliable, an "absent" answer settles nothing:
        // it counts as not assessed for the questions and the ranges.
        let unreliable_no = !case.interview_conditions.is_empty();
        let mut status: Vec<Option<ObservationStatus>> = vec![None; self.entries.len()];
        for &(pos, st, _, _) in &resolved {
            if let Some(slot) = status.get_mut(pos) {
                *slot = Some(match st {
                    ObservationStatus::Absent if unreliable_no => ObservationStatus::NotAssessed,
                    other => other,
                });
            }
        }
        Ok(Reading {
            person,
            resolved,
            status,
            unreliable_no,
            forms: case.forms.iter().fold(0u16, |m, f| m | f.bit()),
        })
    }

    /// Resolves observations to catalogue positions, sorted by position then record order:
    /// every id must be in the catalogue and the rule set's lists, and two observations of
    /// one indicator must agree (identical ones count once). A conflict is reported as
    /// [`Case::check`] reports it (each observation against the first of its indicator, the
    /// smallest id first, then the earliest position), by asking it.
    pub(super) fn resolve(&self, case: &Case) -> Result<Vec<Resolved>, CaseError> {
        let mut resolved: Vec<Resolved> = Vec::with_capacity(case.observations.len());
        for (i, o) in case.observations.iter().enumerate() {
            let Some(pos) = self.catalogue.position(o.indicator.as_str()) else {
                return Err(CaseError::UnknownIndicator {
                    path: format!("$.observations[{i}].indicator"),
                    id: o.indicator.clone(),
                    nearest: self.catalogue.nearest_id(o.indicator.as_str()),
                });
            };
            if self.entries.get(pos).is_none_or(|e| e.lists == 0) {
                return Err(CaseError::IndicatorNotInRuleSet {
                    path: format!("$.observations[{i}].indicator"),
                    id: o.indicator.clone(),
                    rule_set: self.rule_set.id.clone(),
                });
            }
            resolved.push((pos, o.status, o.source, i));
        }
        // By position, then record order, as one integer: both are far below 2^32 (the
        // catalogue and the case are bounded by the limits), and one comparison is cheaper
        // than a pair's.
        resolved.sort_unstable_by_key(|&(pos, _, _, i)| ((pos as u64) << 32) | i as u64);
        // Within a run of one indicator, any two records that disagree make some neighbours
        // disagree. Which two to name is `Case::check`'s rule, kept in one place: the engine
        // only notices that there is a conflict.
        for pair in resolved.windows(2) {
            if let [(pos, _, _, i), (next, _, _, j)] = pair
                && pos == next
                && let Some(e) = case.conflict(*i, *j)
            {
                return Err(case.check_conflicts().err().unwrap_or(e));
            }
        }
        Ok(resolved)
    }
}
