//! Counting the present indicators: one per slot (a concept in a dimension, or an element
//! fact), the strongest, with the points and groups they add.

use crate::case::{EvidenceSource, ObservationStatus};
use crate::model::indicator::{Dimension, Strength};
use crate::policy::rule_set::SCORE_CAP;

use crate::engine::assessor::*;
use crate::engine::person::*;
use crate::engine::read::Reading;

/// A present indicator that counts: the strongest present entry of its slot.
#[derive(Debug)]
pub(super) struct Counted {
    /// None for an element fact.
    pub(super) dimension: Option<Dimension>,
    pub(super) appearance: bool,
    pub(super) slot: u32,
    pub(super) strength: Strength,
    pub(super) pos: usize,
    /// Other present entries of the same slot, counted once with this one.
    pub(super) same_concept: Vec<usize>,
}

/// The evidence a level is computed from: per dimension, the counted (distinct-concept)
/// indicators by strength that the rules may use (items of appearance excluded), the element
/// facts present, and the score's raw points. Small and `Copy`, so "what if this indicator
/// were present" is a copy and an update.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    /// counts[dimension][strength index: weak 0, medium 1, strong 2], appearance excluded.
    pub(super) counts: [[u32; 3]; 6],
    /// Raw points of everything counted, appearance included: the score shown.
    pub(super) raw: f64,
    /// Raw points without items of appearance: the score the level rules see.
    pub(super) decisive_raw: f64,
    /// Per minimum strength (weak 0, medium 1, strong 2): the rule set's lists with a present
    /// element fact of at least that strength (bit set).
    pub(super) fact_lists: [u64; 3],
    /// Per minimum strength: the watch groups with a present entry (appearance excluded) of
    /// at least that strength (bit set).
    pub(super) watched: [u64; 3],
    /// Per minimum strength (weak 0, medium 1, strong 2): the dimensions with a counted
    /// indicator (appearance excluded) of at least that strength (bit set). Only grows: a
    /// slot raised to a stronger wording is still present at every weaker minimum.
    pub(super) present_dims: [u8; 3],
    /// The dimensions with a present indicator that may decide a level on its own (neither an
    /// item of appearance nor background the rule set does not let decide alone), bit set:
    /// a positive dimension evidences its element only when its bit is set here.
    pub(super) conduct_dims: u8,
    /// A present indicator evidences the act for a person exempt from the means.
    pub(super) act: bool,
    /// Anything present at all (further inquiry).
    pub(super) any: bool,
}

impl Tally {
    /// Counts a newly present entry at `strength`, adding `weight` points.
    #[inline(always)]
    pub(super) fn add(&mut self, e: &CompiledEntry, strength: Strength, weight: f64) {
        self.count(e, None, strength, weight);
    }

    /// The slot of `e` counted with `from` now counts with `to` (a stronger wording of the
    /// same concept in the same dimension; the same appearance class, which the catalogue
    /// guarantees), adding `gain` points.
    #[inline(always)]
    pub(super) fn upgrade(&mut self, e: &CompiledEntry, from: Strength, to: Strength, gain: f64) {
        self.count(e, Some(from), to, gain);
    }

    // Inlined: out of line (as the compiler chose once background entries gave it two more
    // branches) it cost about 1,300 more instructions per typical assessment (callgrind).
    #[inline(always)]
    pub(super) fn count(
        &mut self,
        e: &CompiledEntry,
        from: Option<Strength>,
        to: Strength,
        points: f64,
    ) {
        // Background the rule set does not let decide alone gives no further inquiry either.
        self.any |= !e.background;
        self.shown(e, to);
        let Some(dimension) = e.dimension else {
            // An element fact: its lists, at every minimum strength it reaches.
            for lists in self.fact_lists.iter_mut().take(to.index() + 1) {
                *lists |= e.lists;
            }
            return;
        };
        self.raw += points;
        if e.appearance {
            return;
        }
        // Background counts in its dimension's combination rule only (the catalogue keeps a
        // concept all background or none, so an upgrade stays within one kind).
        if !e.background {
            self.decisive_raw += points;
            for dims in self.present_dims.iter_mut().take(to.index() + 1) {
                *dims |= dim_bit(dimension);
            }
        }
        if let Some(c) = self.counts.get_mut(dimension.index()) {
            if let Some(slot) = from.and_then(|f| c.get_mut(f.index())) {
                *slot = slot.saturating_sub(1);
            }
            if let Some(slot) = c.get_mut(to.index()) {
                *slot += 1;
            }
        }
    }

    /// What every present entry shows, whether it counts or another wording of its slot
    /// does: evidence of the act, the groups the conditions watch at its strength, and
    /// whether its dimension holds evidence that may decide (items of appearance and
    /// background that may not decide alone excluded from both).
    #[inline(always)]
    pub(super) fn shown(&mut self, e: &CompiledEntry, strength: Strength) {
        self.act |= e.act;
        if !e.appearance && !e.background {
            for groups in self.watched.iter_mut().take(strength.index() + 1) {
                *groups |= e.watch;
            }
            if let Some(d) = e.dimension {
                self.conduct_dims |= dim_bit(d);
            }
        }
    }

    pub(super) fn dim(&self, dimension: Dimension) -> [u32; 3] {
        self.counts
            .get(dimension.index())
            .copied()
            .unwrap_or_default()
    }

    pub(super) fn any_present(&self, mask: u8) -> bool {
        self.strongest(mask).is_some()
    }

    /// The strongest present strength in any dimension of `mask`.
    pub(super) fn strongest(&self, mask: u8) -> Option<Strength> {
        [Strength::Strong, Strength::Medium, Strength::Weak]
            .into_iter()
            .find(|s| self.present_at_least(mask, *s))
    }

    /// Whether a dimension of `mask` has a counted indicator of at least `min`.
    pub(super) fn present_at_least(&self, mask: u8, min: Strength) -> bool {
        self.present_dims
            .get(min.index())
            .is_some_and(|dims| dims & mask != 0)
    }

    pub(super) fn watched(&self, groups: u64, min: Strength) -> bool {
        self.watched
            .get(min.index())
            .is_some_and(|present| present & groups != 0)
    }

    pub(super) fn facts(&self, lists: u64, min: Strength) -> bool {
        self.fact_lists
            .get(min.index())
            .is_some_and(|present| present & lists != 0)
    }

    pub(super) fn score(&self) -> f64 {
        self.raw.min(SCORE_CAP)
    }

    pub(super) fn decisive_score(&self) -> f64 {
        self.decisive_raw.min(SCORE_CAP)
    }
}

/// The present indicators of one case counted for one person.
pub(super) struct Counting {
    pub(super) tally: Tally,
    pub(super) counted: Vec<Counted>,
    pub(super) slots: Vec<SlotState>,
}

/// What one assessment knows about a slot (a concept within a dimension).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SlotState {
    /// The strength the slot counts with, when an entry of it is present.
    pub(super) present: Option<Strength>,
    /// An entry of it was answered absent and none is present: the concept is settled.
    pub(super) closed: bool,
    /// The strongest unresolved strength folded into the all-present bound.
    pub(super) raised: Option<Strength>,
    /// The index of this slot's best open question among the ranked ones.
    pub(super) winner: Option<u32>,
}

impl Assessor {
    /// Counts the present indicators for this person: per slot (dimension and concept, or
    /// element fact), the strongest entry.
    pub(super) fn count(
        &self,
        resolved: &[(usize, ObservationStatus, Option<EvidenceSource>, usize)],
        person: &Person,
    ) -> Counting {
        // Sized for every observation, so that collecting never reallocates.
        let mut present: Vec<(u32, Strength, usize)> = Vec::with_capacity(resolved.len());
        present.extend(
            resolved
                .iter()
                .filter(|(_, st, _, _)| *st == ObservationStatus::Present)
                .filter_map(|&(pos, _, _, _)| {
                    self.entries
                        .get(pos)
                        .map(|e| (e.slot, self.strength(e, person), pos))
                }),
        );
        present.dedup_by_key(|p| p.2);
        // Slots are numbered in dimension order; strongest first, then catalogue order.
        present.sort_unstable_by(|a, b| (a.0, b.1, a.2).cmp(&(b.0, a.1, b.2)));
        let mut tally = Tally::default();
        let mut slots = vec![SlotState::default(); self.n_slots];
        let mut counted: Vec<Counted> = Vec::with_capacity(present.len());
        for &(slot, strength, pos) in &present {
            match counted.last_mut() {
                Some(last) if last.slot == slot => {
                    // Counted once with the stronger wording, but still present: the lists
                    // and indicators a condition watches, and evidence of the act, see it
                    // (otherwise a stronger wording of the same fact could hide a weaker
                    // one's list and lower the level).
                    if let Some(e) = self.entries.get(pos) {
                        tally.shown(e, strength);
                    }
                    last.same_concept.push(pos);
                }
                _ => {
                    let Some(e) = self.entries.get(pos) else {
                        continue;
                    };
                    tally.add(e, strength, self.weight_of(e, strength));
                    if let Some(state) = slots.get_mut(slot as usize) {
                        state.present = Some(strength);
                    }
                    counted.push(Counted {
                        dimension: e.dimension,
                        appearance: e.appearance,
                        slot,
                        strength,
                        pos,
                        same_concept: Vec::new(),
                    });
                }
            }
        }
        Counting {
            tally,
            counted,
            slots,
        }
    }

    /// Settles the concepts answered "absent": a concept answered absent in a dimension (and
    /// not present there under another wording) is not asked again. Returns the
    /// contradictions: an absent wording beside a present one of the same slot (the absent
    /// position, the counted one).
    pub(super) fn settle(
        &self,
        reading: &Reading,
        counted: &[Counted],
        slots: &mut [SlotState],
    ) -> Vec<(usize, usize)> {
        let (resolved, unreliable_no) = (&reading.resolved, reading.unreliable_no);
        // A concept answered "absent" in a dimension (and not present there under another
        // wording) is settled: its other wordings in that dimension are not asked again.
        // An absent wording beside a present one of the same slot is a contradiction in the
        // record: the present answer counts, and the reader is told.
        let mut contradicted: Vec<(usize, usize)> = Vec::new();
        for &(pos, st, _, _) in resolved {
            if st != ObservationStatus::Absent || unreliable_no {
                continue;
            }
            let Some(e) = self.entries.get(pos) else {
                continue;
            };
            if let Some(state) = slots.get_mut(e.slot as usize) {
                if state.present.is_none() {
                    state.closed = true;
                } else if let Some(k) = counted.iter().find(|k| k.slot == e.slot) {
                    contradicted.push((pos, k.pos));
                }
            }
        }
        contradicted
    }
}
