//! The open questions, ranked: how far the case is from reasonable grounds, what a "yes"
//! to each question would change, how likely it is, and no long runs of one dimension.

use crate::assessment::{Level, Question};
use crate::case::{Case, ObservationStatus};
use crate::model::indicator::{Dimension, PalermoElement, Strength};
use crate::policy::rule_set::SCORE_CAP;

use crate::engine::assessor::*;
use crate::engine::person::*;
use crate::engine::read::Reading;
use crate::engine::rules::*;
use crate::engine::tally::*;

/// What the rule against long runs groups questions by: an indicator's dimension, or, for a
/// fact of a Palermo element (the purpose facts of the forms: sexual exploitation, forced
/// marriage, organ removal, ...; the facts of the act), its element. So the probes of the
/// forms of exploitation, asked when the forms are not known, are not asked one after
/// another either (an international verdict review, twenty-sixth session, found nine in a
/// row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKey {
    /// An indicator of this dimension.
    Dimension(Dimension),
    /// A fact of this element.
    Element(PalermoElement),
}

impl RunKey {
    /// How many keys there are.
    pub(crate) const COUNT: usize = Dimension::ALL.len() + PalermoElement::ALL.len();

    /// The key of a catalogue entry, if it has a dimension or an element.
    pub(crate) fn of(
        dimension: Option<Dimension>,
        element: Option<PalermoElement>,
    ) -> Option<RunKey> {
        dimension
            .map(RunKey::Dimension)
            .or(element.map(RunKey::Element))
    }

    /// Whether a run of this key may go on when only its questions can raise the level: a
    /// dimension's may; the facts of an element (the probes of the forms) may not, since
    /// asking each form's purpose one after another is what the rule is there to prevent.
    pub(crate) fn may_run_on(self) -> bool {
        matches!(self, RunKey::Dimension(_))
    }

    /// A dense index below [`RunKey::COUNT`].
    pub(crate) fn index(self) -> usize {
        match self {
            RunKey::Dimension(d) => d.index(),
            RunKey::Element(el) => Dimension::ALL.len() + el as usize,
        }
    }
}

/// Orders ranked questions so that no more than [`MAX_SAME_DIMENSION_IN_A_ROW`] of one
/// dimension (or of one element's facts, [`RunKey`]) follow each other, unless only those
/// questions can raise the level; keeps the first `max` (a pure function of the ranking, so
/// the order stays deterministic).
///
/// Only the first `sorted` candidates need be in rank order: the rest is sorted when a pick
/// reaches it, so the result is the same as with every candidate sorted.
pub(super) fn diversify(
    ranked: Vec<Candidate>,
    mut sorted: usize,
    key_of: impl Fn(&Candidate) -> Option<RunKey>,
    level: Level,
    max: usize,
) -> Vec<Candidate> {
    // The candidates left that would raise the level, in all and per dimension, kept as
    // candidates are taken: whether only one dimension can still raise the level is then a
    // comparison, not a pass over the rest.
    let mut movers = 0usize;
    let mut movers_in = [0usize; RunKey::COUNT];
    for c in ranked.iter().filter(|c| c.level > level) {
        movers += 1;
        if let Some(n) = key_of(c).and_then(|d| movers_in.get_mut(d.index())) {
            *n += 1;
        }
    }
    let mut rest: std::collections::VecDeque<Candidate> = ranked.into();
    let mut out: Vec<Candidate> = Vec::with_capacity(max.min(rest.len()));
    while out.len() < max && !rest.is_empty() {
        if sorted == 0 {
            // Every sorted candidate was taken: order the rest before the next pick.
            rest.make_contiguous()
                .sort_unstable_by_key(|c| std::cmp::Reverse(c.rank));
            sorted = rest.len();
        }
        let pick = match streak(&out, &key_of) {
            Some(d) => {
                let only_d =
                    d.may_run_on() && movers > 0 && movers_in.get(d.index()) == Some(&movers);
                if only_d {
                    0
                } else {
                    let found = rest.iter().take(sorted).position(|c| key_of(c) != Some(d));
                    match found {
                        Some(i) => i,
                        None if sorted < rest.len() => {
                            rest.make_contiguous()
                                .sort_unstable_by_key(|c| std::cmp::Reverse(c.rank));
                            sorted = rest.len();
                            rest.iter().position(|c| key_of(c) != Some(d)).unwrap_or(0)
                        }
                        None => 0,
                    }
                }
            }
            None => 0,
        };
        if pick < sorted {
            sorted -= 1;
        }
        if let Some(c) = rest.remove(pick) {
            if c.level > level {
                movers -= 1;
                if let Some(n) = key_of(&c).and_then(|d| movers_in.get_mut(d.index())) {
                    *n -= 1;
                }
            }
            out.push(c);
        }
    }
    out
}

/// The key (dimension or element, [`RunKey`]) shared by the last
/// [`MAX_SAME_DIMENSION_IN_A_ROW`] items, if they share one (after which the next question
/// comes from another, unless only that one's questions can raise the level). The ranking and
/// the interview's own history both ask it.
pub(crate) fn streak<T>(items: &[T], key_of: impl Fn(&T) -> Option<RunKey>) -> Option<RunKey> {
    let start = items.len().checked_sub(MAX_SAME_DIMENSION_IN_A_ROW)?;
    let (first, rest) = items.get(start..)?.split_first()?;
    let d = key_of(first)?;
    rest.iter().all(|x| key_of(x) == Some(d)).then_some(d)
}

/// What every "what if" of one assessment starts from.
#[derive(Clone, Copy)]
pub(super) struct Base<'a> {
    pub(super) tally: &'a Tally,
    pub(super) outcome: &'a Outcome,
    pub(super) person: &'a Person,
    pub(super) reach: &'a Reach,
    pub(super) needs_now: &'a Needs,
    pub(super) distance_now: f64,
}

/// What answering the open questions could still add: per dimension, the strongest strength
/// still askable; whether element facts can still be asked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reach {
    pub(super) open_strength: [Option<Strength>; 6],
    /// Per dimension, the strongest strength still askable among the entries that may decide
    /// (not appearance, not background kept from deciding alone): what a condition on a
    /// present indicator, or on the score that such entries make, can still reach.
    pub(super) open_decisive: [Option<Strength>; 6],
    /// Per minimum strength (weak, medium, strong): the watch groups with an entry still
    /// askable at that strength or above (not appearance, not background kept from deciding
    /// alone, as the tally's `watched`).
    pub(super) open_watch: [u64; 3],
    /// The rule set's lists with an element fact still askable (bit set).
    pub(super) open_fact_lists: u64,
    /// The dimensions with a question still askable whose "yes" may decide a level on its
    /// own (not appearance, not background the rule set keeps from deciding alone), bit set.
    pub(super) open_conduct: u8,
}

/// Per dimension, how many more indicators it needs, at best, to be positive (computed once
/// per tally: a "what if" changes one dimension, so it updates one entry).
#[derive(Debug, Clone, Copy)]
pub(super) struct Needs(pub(super) [u32; 6]);

impl Needs {
    /// Recomputes the need of dimension `d` from `tally`.
    pub(super) fn update(
        &mut self,
        assessor: &Assessor,
        tally: &Tally,
        reach: &Reach,
        d: Dimension,
    ) {
        let best = reach.open_strength.get(d.index()).copied().flatten();
        let mut need = assessor.need(tally.dim(d), best);
        if tally.conduct_dims & dim_bit(d) == 0 {
            // A dimension evidences its element only with an indicator that may decide
            // alone: at least one of those must still be found.
            need = if reach.open_conduct & dim_bit(d) != 0 {
                need.max(1)
            } else {
                UNREACHABLE
            };
        }
        if let Some(slot) = self.0.get_mut(d.index()) {
            *slot = need;
        }
    }
}

/// How many questions of one dimension may follow each other in `ask_next` and the interview,
/// unless only that dimension can raise the level; the facts of one Palermo element (the
/// probes of the forms of exploitation) count as one group, with no such exception.
pub const MAX_SAME_DIMENSION_IN_A_ROW: usize = 3;

/// A cost that stands for "cannot be reached by answering questions".
pub(super) const UNREACHABLE: u32 = 64;

/// The open questions, ranked, and what answering all of them could reach.
pub(super) struct RankedQuestions {
    /// The best open questions, in order.
    pub(super) ask_next: Vec<Question>,
    /// How many more there are.
    pub(super) more_questions: u32,
    /// The tally if every open question were answered "present".
    pub(super) all_present: Tally,
    /// How many open questions there are in all.
    pub(super) unresolved: u32,
}

/// What a "present" answer would do, computed once per distinct "what if".
#[derive(Debug, Clone, Copy)]
pub(super) struct WhatIf {
    /// The level it would give.
    pub(super) level: Level,
    /// Whether its dimension would become positive.
    pub(super) makes_positive: bool,
    /// The score it would add.
    pub(super) gain: f64,
    /// How many more present indicators, at best, reasonable grounds would still need.
    pub(super) after: f64,
    /// The bits of a question's rank these give: the level, whether it makes its dimension
    /// positive, and the score gain (to a ten-thousandth of a point).
    pub(super) bits: u64,
}

impl WhatIf {
    /// The outcome of a "present" answer, with its bits of the rank packed once.
    pub(super) fn new(level: Level, makes_positive: bool, gain: f64, after: f64) -> WhatIf {
        // The cast is of a value clamped below 2^20 (to `u32`, which is cheaper than to `u64`
        // and the same for these values; NaN gives 0 either way).
        let fixed = u64::from((gain.clamp(0.0, SCORE_CAP) * 1e4) as u32);
        let bits = ((level as u64) << 42)
            | (u64::from(makes_positive) << 41)
            | (fixed.min((1 << 24) - 1) << 16);
        WhatIf {
            level,
            makes_positive,
            gain,
            after,
            bits,
        }
    }
}

/// What the outcome can see of an entry whose "what if" is memoized by key: dimension, lists,
/// watch groups, act, appearance, background, strength now (0: none) and strength if present.
pub(super) type MemoKey = (
    Option<Dimension>,
    u64,
    u64,
    bool,
    bool,
    bool,
    usize,
    Strength,
);

/// An open question, before ranking.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) level: Level,
    pub(super) makes_positive: bool,
    pub(super) gain: f64,
    pub(super) pos: usize,
    pub(super) strength: Strength,
    /// The ranking as one integer, highest first: the expected progress towards
    /// reasonable grounds (how many fewer indicators a "yes" would leave to find, times how
    /// likely a "yes" is), then the level if present, whether it makes its dimension positive,
    /// whether its dimension is still open, the score gain (to a ten-thousandth of a point),
    /// and catalogue order. Unique, so the order is total.
    pub(super) rank: u64,
}

impl Candidate {
    #[cfg(test)]
    pub(super) fn new(
        progress: f64,
        level: Level,
        makes_positive: bool,
        open: bool,
        gain: f64,
        pos: usize,
        strength: Strength,
    ) -> Candidate {
        let what_if = WhatIf::new(level, makes_positive, gain, 0.0);
        Candidate::of(progress, &what_if, open, pos, strength)
    }

    /// The candidate for the entry at `pos`, given what a "present" answer would do.
    pub(super) fn of(
        progress: f64,
        what_if: &WhatIf,
        open: bool,
        pos: usize,
        strength: Strength,
    ) -> Candidate {
        let value = u64::from((progress.clamp(0.0, 15.0) * 65_536.0) as u32); // below 2^20
        let rank = (value.min((1 << 20) - 1) << 44)
            | what_if.bits
            | (u64::from(open) << 40)
            | (0xffff - (pos as u64).min(0xffff));
        Candidate {
            level: what_if.level,
            makes_positive: what_if.makes_positive,
            gain: what_if.gain,
            pos,
            strength,
            rank,
        }
    }
}

impl Assessor {
    /// How many more indicators a dimension with these counts needs to be positive, at
    /// best: if every further one had the strongest strength still askable there.
    pub(super) fn need(&self, counts: [u32; 3], best: Option<Strength>) -> u32 {
        let [w, m, s] = counts;
        let have = [s, s + m, s + m + w];
        // Which cumulative tiers (strong, medium or stronger, any) a new indicator raises.
        let raises = match best {
            Some(Strength::Strong) => [true, true, true],
            Some(Strength::Medium) => [false, true, true],
            Some(Strength::Weak) => [false, false, true],
            None => [false, false, false],
        };
        self.clauses
            .iter()
            .map(|c| {
                let mut k = 0;
                for ((need, have), raised) in c.need.iter().zip(have.iter()).zip(raises) {
                    let short = need.saturating_sub(*have);
                    if short > 0 && !raised {
                        return UNREACHABLE;
                    }
                    k = k.max(short);
                }
                k
            })
            .min()
            .unwrap_or(UNREACHABLE)
    }

    /// How many more indicators, at best, each dimension needs to be positive.
    pub(super) fn needs(&self, tally: &Tally, reach: &Reach) -> Needs {
        let mut needs = Needs([UNREACHABLE; 6]);
        for d in Dimension::ALL {
            needs.update(self, tally, reach, d);
        }
        needs
    }

    /// How many more indicators, at best, a dimension of `mask` needs to be positive.
    pub(super) fn need_any(&self, needs: &Needs, mask: u8) -> u32 {
        Dimension::ALL
            .iter()
            .filter(|d| mask & dim_bit(**d) != 0)
            .filter_map(|d| needs.0.get(d.index()).copied())
            .min()
            .unwrap_or(UNREACHABLE)
    }

    /// How many more indicators, at best, an element needs.
    pub(super) fn element_cost(
        &self,
        el: PalermoElement,
        needs: &Needs,
        outcome: &Outcome,
        person: &Person,
        reach: &Reach,
    ) -> f64 {
        if outcome.elements.get(el as usize).copied().unwrap_or(false) {
            return 0.0;
        }
        let by_dimension = self.need_any(needs, self.element_dims(el));
        let has_facts = self
            .element_lists
            .get(el as usize)
            .is_some_and(|l| l & reach.open_fact_lists != 0);
        let by_fact = if has_facts || (person.exempt && el == PalermoElement::Act) {
            1
        } else {
            UNREACHABLE
        };
        f64::from(by_dimension.min(by_fact))
    }

    pub(super) fn condition_cost(
        &self,
        c: &CompiledCondition,
        tally: &Tally,
        needs: &Needs,
        outcome: &Outcome,
        person: &Person,
        reach: &Reach,
    ) -> f64 {
        if self.holds(c, tally, outcome, person) {
            return 0.0;
        }
        let unreachable = f64::from(UNREACHABLE);
        match c {
            CompiledCondition::ElementMet(el) => {
                self.element_cost(*el, needs, outcome, person, reach)
            }
            CompiledCondition::AnyDimensionPositive(mask) => f64::from(self.need_any(needs, *mask)),
            CompiledCondition::IndicatorPresent(mask, min) => {
                let askable = Dimension::ALL.iter().any(|d| {
                    mask & dim_bit(*d) != 0
                        && reach
                            .open_decisive
                            .get(d.index())
                            .copied()
                            .flatten()
                            .is_some_and(|s| s >= *min)
                });
                if askable { 1.0 } else { unreachable }
            }
            // One more indicator, if one of the group can still be asked.
            CompiledCondition::Watched(group, min) => {
                let open = reach.open_watch.get(min.index()).copied().unwrap_or(0);
                if open & group != 0 { 1.0 } else { unreachable }
            }
            CompiledCondition::ScoreAtLeast(t) => {
                // In indicators of the strongest strength still askable, counted in
                // fractions so that each indicator's share shows (the decisive score: of
                // entries that may decide).
                let best = reach.open_decisive.iter().flatten().max().copied();
                match best {
                    Some(s) if self.weight(s) > 0.0 => {
                        ((t - tally.decisive_score()) / self.weight(s)).max(0.0)
                    }
                    _ => unreachable,
                }
            }
            CompiledCondition::MeansNotRequired | CompiledCondition::TreatedAsChild => unreachable,
            CompiledCondition::Any(cs) => cs
                .iter()
                .map(|c| self.condition_cost(c, tally, needs, outcome, person, reach))
                .fold(unreachable, f64::min),
        }
    }

    /// How many more present indicators, at best, the case needs to reach reasonable grounds
    /// (0 when it is there): the cheapest of the criteria and the definition.
    pub(super) fn distance(
        &self,
        tally: &Tally,
        needs: &Needs,
        outcome: &Outcome,
        person: &Person,
        reach: &Reach,
    ) -> f64 {
        if outcome.level >= Level::ReasonableGrounds {
            return 0.0;
        }
        let definition: f64 = PalermoElement::ALL
            .iter()
            .filter(|el| !(person.exempt && **el == PalermoElement::Means))
            .map(|el| self.element_cost(*el, needs, outcome, person, reach))
            .sum();
        // The cheapest route. Costs are never negative, so a criterion whose first conditions
        // already cost as much as the cheapest route so far cannot be cheaper: its other
        // conditions are not costed (the sums that are computed are the same).
        let mut best = definition;
        for c in &self.criteria {
            let mut sum = 0.0;
            for cond in &c.conditions {
                sum += self.condition_cost(cond, tally, needs, outcome, person, reach);
                if sum >= best {
                    break;
                }
            }
            best = best.min(sum);
        }
        best.min(f64::from(UNREACHABLE))
    }

    /// What a "present" answer to `e` (at strength `s`, its slot now at `present_now`)
    /// would do. Called once per distinct "what if" (the caller memoizes), so kept out of
    /// the loop over the open questions.
    #[inline(never)]
    pub(super) fn what_if_present(
        &self,
        base: &Base<'_>,
        e: &CompiledEntry,
        present_now: Option<Strength>,
        s: Strength,
    ) -> WhatIf {
        let Base {
            tally,
            outcome,
            person,
            reach,
            needs_now,
            distance_now,
        } = *base;
        let mut what_if = *tally;
        match present_now {
            Some(have) => what_if.upgrade(e, have, s, self.gain(e, have, s)),
            None => what_if.add(e, s, self.weight_of(e, s)),
        }
        if e.appearance && !(person.exempt && e.act) {
            // An item of appearance adds to the score only: no rule sees it, so the
            // outcome and the distance stay; only "nothing present" becomes "further
            // inquiry".
            return WhatIf::new(
                outcome.level.max(Level::FurtherInquiry),
                false,
                what_if.score() - tally.score(),
                distance_now,
            );
        }
        let hypothetical = self.outcome_after(outcome, &what_if, e.dimension, person);
        let makes_positive = e.dimension.is_some_and(|d| {
            let was = outcome.positive.get(d.index()).copied().flatten();
            let now = hypothetical.positive.get(d.index()).copied().flatten();
            was.is_none() && now.is_some()
        });
        let after = if hypothetical.level >= Level::ReasonableGrounds {
            0.0
        } else {
            let mut needs = *needs_now;
            if let Some(d) = e.dimension {
                needs.update(self, &what_if, reach, d);
            }
            self.distance(&what_if, &needs, &hypothetical, person, reach)
        };
        WhatIf::new(
            hypothetical.level,
            makes_positive,
            what_if.score() - tally.score(),
            after,
        )
    }

    /// Ranks the open questions (at most `max_questions` in `ask_next`), and bounds what
    /// answering them all could reach.
    #[allow(clippy::too_many_arguments)]
    // Out of line: inlined into `assess_listing` it costs about 900 more instructions per
    // typical assessment (measured with callgrind), from register pressure in the caller.
    #[inline(never)]
    pub(super) fn rank_questions(
        &self,
        case: &Case,
        reading: &Reading,
        slots: &mut [SlotState],
        tally: &Tally,
        outcome: &Outcome,
        relevant_lists: u64,
        max_questions: usize,
    ) -> RankedQuestions {
        let person = &reading.person;
        let tally = *tally;
        let outcome = *outcome;
        // Open questions: relevant entries not answered, in slots not settled.
        let case_forms = reading.forms;
        let mut all_present = tally;
        let mut unresolved = 0u32;
        // What a "present" answer would do depends only on the dimension, the strength the
        // slot has now, the strength it would have and the kind of entry (plain, evidence of
        // the act, appearance, background kept from deciding alone, with or without evidence
        // of the act): at most 6 x 4 x 3 x 5 outcomes, each computed once per assessment
        // however many questions share it. Element facts are memoized by their lists, act flag
        // and strength.
        let mut memo: [[[[Option<WhatIf>; 5]; 3]; 4]; 6] = [[[[None; 5]; 3]; 4]; 6];
        let mut fact_memo: Vec<(MemoKey, WhatIf)> = Vec::new();
        // The entries that can still be asked: relevant, unanswered, of an unsettled slot.
        let askable = |pos: usize, e: &CompiledEntry, slots: &[SlotState]| {
            e.lists & relevant_lists != 0
                && (e.forms == 0 || case_forms == 0 || e.forms & case_forms != 0)
                && !matches!(
                    reading.status.get(pos).copied().flatten(),
                    Some(ObservationStatus::Present) | Some(ObservationStatus::Absent)
                )
                && !(e.non_nationals_only && case.subject.national == Some(true))
                && slots.get(e.slot as usize).is_some_and(|st| !st.closed)
        };
        // The strongest strength still askable per dimension: how far "at best" can go.
        let mut open_strength: [Option<Strength>; 6] = [None; 6];
        let mut open_decisive: [Option<Strength>; 6] = [None; 6];
        let mut open_watch = [0u64; 3];
        let mut open_fact_lists = 0u64;
        let mut open_conduct = 0u8;
        let mut open: Vec<usize> = Vec::with_capacity(self.entries.len());
        for (pos, e) in self.entries.iter().enumerate() {
            if !askable(pos, e, slots) {
                continue;
            }
            open.push(pos);
            if e.appearance {
                continue;
            }
            let s = self.strength(e, person);
            if !e.background {
                for groups in open_watch.iter_mut().take(s.index() + 1) {
                    *groups |= e.watch;
                }
            }
            match e.dimension {
                Some(d) => {
                    if !e.background {
                        open_conduct |= dim_bit(d);
                        if let Some(best) = open_decisive.get_mut(d.index())
                            && best.is_none_or(|b| b < s)
                        {
                            *best = Some(s);
                        }
                    }
                    if let Some(best) = open_strength.get_mut(d.index())
                        && best.is_none_or(|b| b < s)
                    {
                        *best = Some(s);
                    }
                }
                None => open_fact_lists |= e.lists,
            }
        }
        let reach = Reach {
            open_strength,
            open_decisive,
            open_watch,
            open_fact_lists,
            open_conduct,
        };
        let needs_now = self.needs(&tally, &reach);
        let distance_now = self.distance(&tally, &needs_now, &outcome, person, &reach);
        let base = Base {
            tally: &tally,
            outcome: &outcome,
            person,
            reach: &reach,
            needs_now: &needs_now,
            distance_now,
        };
        let type_mask = crate::catalogue::priors::type_mask(&case.forms);
        let mut winners: Vec<Candidate> = Vec::with_capacity(open.len());
        for pos in open {
            let Some(e) = self.entries.get(pos) else {
                continue;
            };
            let Some(state) = slots.get_mut(e.slot as usize) else {
                continue;
            };
            unresolved += 1;
            let s = self.strength(e, person);
            if state.present.is_some_and(|have| have >= s) {
                // A weaker wording of a fact already counted: not asked, but if present it
                // would show its lists to the conditions that watch them.
                all_present.shown(e, s);
                continue;
            }
            // Toward the all-present bound: each slot raised once, to its strongest (the
            // other wordings still show their lists to the conditions that watch them).
            match state.raised.or(state.present) {
                Some(have) if have >= s => all_present.shown(e, s),
                Some(have) => all_present.upgrade(e, have, s, self.gain(e, have, s)),
                None => all_present.add(e, s, self.weight_of(e, s)),
            }
            if state.raised.is_none_or(|r| r < s) {
                state.raised = Some(s);
            }
            let present_now = state.present;
            let what_if = || self.what_if_present(&base, e, present_now, s);
            let what_if: WhatIf = match e.dimension {
                Some(d) if e.watch == 0 => {
                    let from = present_now.map_or(0, |h| h.index() + 1);
                    // Evidence of the act matters only to a person exempt from the means;
                    // background the rule set keeps from deciding alone is a kind of its own.
                    let kind = if e.appearance {
                        2
                    } else {
                        usize::from(e.act && person.exempt) + 3 * usize::from(e.background)
                    };
                    let slot = memo
                        .get_mut(d.index())
                        .and_then(|m| m.get_mut(from))
                        .and_then(|m| m.get_mut(s.index()))
                        .and_then(|m| m.get_mut(kind));
                    let Some(slot) = slot else {
                        continue;
                    };
                    *slot.get_or_insert_with(what_if)
                }
                _ => {
                    // Element facts, and entries a condition watches: keyed by everything the
                    // outcome can see of them.
                    let from = present_now.map_or(0, |h| h.index() + 1);
                    let key = (
                        e.dimension,
                        e.lists,
                        e.watch,
                        e.act,
                        e.appearance,
                        e.background,
                        from,
                        s,
                    );
                    match fact_memo.iter().find(|(k, _)| *k == key) {
                        Some((_, w)) => *w,
                        None => {
                            let w = what_if();
                            fact_memo.push((key, w));
                            w
                        }
                    }
                }
            };
            // Still open: its dimension does not yet evidence its element.
            let open = e
                .dimension
                .is_none_or(|d| outcome.evidencing_mask & dim_bit(d) == 0);
            let likelihood = if distance_now == 0.0 {
                // Nothing to progress towards: the likelihood cannot change the rank.
                0.0
            } else if e.fact == Some(PalermoElement::Purpose) && e.forms & case_forms != 0 {
                self.purpose_fact_likelihood
            } else {
                e.prior
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| type_mask & (1 << k) != 0)
                    .map(|(_, p)| *p)
                    .fold(0.0f32, f32::max)
            };
            let progress = (distance_now - what_if.after).max(0.0)
                * f64::from(likelihood)
                * f64::from(e.list_weight);
            let c = Candidate::of(progress, &what_if, open, pos, s);
            // One question per slot: its best-ranked (strongest) wording.
            match state.winner {
                Some(i) => {
                    if let Some(w) = winners.get_mut(i as usize)
                        && c.rank > w.rank
                    {
                        *w = c;
                    }
                }
                None => {
                    state.winner = Some(winners.len() as u32);
                    winners.push(c);
                }
            }
        }
        // Then the top few.
        let more_questions = winners.len().saturating_sub(max_questions) as u32;
        // Only the best few need ordering: diversify sorts the rest if it ever reaches it.
        let sorted = max_questions.saturating_add(4).min(winners.len());
        if sorted < winners.len() {
            winners.select_nth_unstable_by_key(sorted, |c| std::cmp::Reverse(c.rank));
        }
        if let Some(top) = winners.get_mut(..sorted) {
            top.sort_unstable_by_key(|c| std::cmp::Reverse(c.rank));
        }
        let key_of = |c: &Candidate| {
            self.entries
                .get(c.pos)
                .and_then(|e| RunKey::of(e.dimension, e.fact))
        };
        let winners = diversify(winners, sorted, key_of, outcome.level, max_questions);
        // Sized once: a filtered collect would start small and reallocate twice.
        let mut questions: Vec<Question> = Vec::with_capacity(winners.len());
        questions.extend(winners.iter().filter_map(|c| {
            self.entries.get(c.pos).map(|e| Question {
                id: e.id.clone(),
                dimension: e.dimension,
                strength: c.strength,
                level_if_present: c.level,
                makes_dimension_positive: c.makes_positive,
                score_gain: c.gain,
            })
        }));
        RankedQuestions {
            ask_next: questions,
            more_questions,
            all_present,
            unresolved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cmp::Reverse;

    /// The rule as the interview issue words it, on candidates sorted in full: the best next;
    /// after three of one dimension in a row, the best of another dimension, unless only
    /// that dimension's questions can raise the level (or no other is left).
    fn plain(
        mut rest: Vec<Candidate>,
        dimension_of: impl Fn(&Candidate) -> Option<RunKey>,
        level: Level,
        max: usize,
    ) -> Vec<usize> {
        rest.sort_by_key(|c| Reverse(c.rank));
        let mut out: Vec<Candidate> = Vec::new();
        while out.len() < max && !rest.is_empty() {
            let streak = match out.as_slice() {
                [.., x, y, z] => {
                    let d = dimension_of(x);
                    (d.is_some() && d == dimension_of(y) && d == dimension_of(z)).then_some(d)
                }
                _ => None,
            }
            .flatten();
            let pick = match streak {
                Some(d) => {
                    let movers: Vec<&Candidate> = rest.iter().filter(|c| c.level > level).collect();
                    if d.may_run_on()
                        && !movers.is_empty()
                        && movers.iter().all(|c| dimension_of(c) == Some(d))
                    {
                        0
                    } else {
                        rest.iter()
                            .position(|c| dimension_of(c) != Some(d))
                            .unwrap_or(0)
                    }
                }
                None => 0,
            };
            out.push(rest.remove(pick));
        }
        out.iter().map(|c| c.pos).collect()
    }

    const LEVELS: [Level; 4] = [
        Level::NoIndicators,
        Level::FurtherInquiry,
        Level::ReasonableGrounds,
        Level::DefinitionMet,
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// `diversify` sorts lazily and counts the candidates that can raise the level as it
        /// goes; it must pick exactly what the plain rule picks.
        #[test]
        fn diversify_picks_what_the_plain_rule_picks(
            specs in prop::collection::vec((0u8..4, 0usize..10, 0u8..4, 0u8..3), 0..40),
            level in 0usize..4,
            sorted in 0usize..45,
            max in 0usize..45,
        ) {
            // Six dimensions, the three elements' facts, and none.
            let keys: Vec<RunKey> = Dimension::ALL
                .iter()
                .map(|d| RunKey::Dimension(*d))
                .chain(PalermoElement::ALL.iter().map(|el| RunKey::Element(*el)))
                .collect();
            let dims: Vec<Option<RunKey>> =
                specs.iter().map(|s| keys.get(s.1).copied()).collect();
            let candidates: Vec<Candidate> = specs
                .iter()
                .enumerate()
                .map(|(pos, &(l, _, progress, gain))| {
                    let l = LEVELS.get(usize::from(l)).copied().unwrap_or(Level::NoIndicators);
                    Candidate::new(
                        f64::from(progress), l, progress > 1, gain > 0, f64::from(gain) * 5.0,
                        pos, Strength::Medium,
                    )
                })
                .collect();
            let level = LEVELS.get(level).copied().unwrap_or(Level::NoIndicators);
            let dimension_of = |c: &Candidate| dims.get(c.pos).copied().flatten();
            // As `rank_questions` hands them over: the best `sorted` first and in order, the
            // rest in any order.
            let sorted = sorted.min(candidates.len());
            let mut input = candidates.clone();
            if sorted < input.len() {
                input.select_nth_unstable_by_key(sorted, |c| Reverse(c.rank));
            }
            if let Some(top) = input.get_mut(..sorted) {
                top.sort_unstable_by_key(|c| Reverse(c.rank));
            }
            let got: Vec<usize> =
                diversify(input, sorted, dimension_of, level, max).iter().map(|c| c.pos).collect();
            prop_assert_eq!(got, plain(candidates, dimension_of, level, max));
        }
    }
}
