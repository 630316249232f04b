//! The engine: a validated rule set compiled against a catalogue, ready to assess cases.
//!
//! Compilation turns ids into dense indices once, so an assessment does no string lookups
//! beyond resolving each observation's indicator id, and the explanation is built from cheap
//! clones of ids (process-lifetime strings for the built-in catalogue) without copying text.

use std::sync::{Arc, OnceLock};

use crate::assessment::{
    ASK_NEXT_MAX, AgeBasis, AgeQuestion, Assessment, CatalogueHandle, Citation, ClauseRef,
    Contribution, CountedIndicator, CriterionFinding, DimensionFinding, Disposition,
    ElementFinding, Explanation, IndicatorRef, Level, LevelRange, Need, Notice, NoticeKind,
    ObservationFinding, OffenceAdvisory, PersonRuleFinding, PersonRuleForm, Question,
    Recommendation, RecommendationKind, RuleSetStamp, ScoreExplanation, ScoreRange, Shortfall,
    StrengthCounts, SubjectFinding, Text,
};
use crate::assessment::{ContactAdvice, RecommendationPart, RuleName, RulesHandle};
use crate::case::{Case, DisabilityStatus, EvidenceSource, ObservationStatus, OffenceKind};
use crate::catalogue::Catalogue;
use crate::model::error::{CaseError, RuleSetError};
use crate::model::id::{ConceptId, IndicatorId, ListId};
use crate::model::indicator::ExploitationForm;
use crate::model::indicator::{AgeGroup, Dimension, PalermoElement, Strength, Verification};
use crate::policy::contacts::ContactDirectory;
use crate::policy::rule_set::{
    ActEvidence, Condition, ContextCondition, ExemptGroup, LegalEffect, RecommendationAudience,
    RuleSet, SCORE_CAP, validate_result,
};

/// Orders ranked questions so that no more than [`MAX_SAME_DIMENSION_IN_A_ROW`] of one
/// dimension follow each other, unless only that dimension's questions can raise the level;
/// keeps the first `max` (a pure function of the ranking, so the order stays deterministic).
///
/// Only the first `sorted` candidates need be in rank order: the rest is sorted when a pick
/// reaches it, so the result is the same as with every candidate sorted.
fn diversify(
    ranked: Vec<Candidate>,
    mut sorted: usize,
    dimension_of: impl Fn(&Candidate) -> Option<Dimension>,
    level: Level,
    max: usize,
) -> Vec<Candidate> {
    let mut rest: std::collections::VecDeque<Candidate> = ranked.into();
    let mut out: Vec<Candidate> = Vec::with_capacity(max.min(rest.len()));
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
                let mut movers = rest.iter().filter(|c| c.level > level).peekable();
                let only_d = movers.peek().is_some() && movers.all(|c| dimension_of(c) == Some(d));
                if only_d {
                    0
                } else {
                    let found = rest
                        .iter()
                        .take(sorted)
                        .position(|c| dimension_of(c) != Some(d));
                    match found {
                        Some(i) => i,
                        None if sorted < rest.len() => {
                            rest.make_contiguous()
                                .sort_unstable_by_key(|c| std::cmp::Reverse(c.rank));
                            sorted = rest.len();
                            rest.iter()
                                .position(|c| dimension_of(c) != Some(d))
                                .unwrap_or(0)
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
            out.push(c);
        }
    }
    out
}

/// What answering the open questions could still add: per dimension, the strongest strength
/// still askable; whether element facts can still be asked.
#[derive(Debug, Clone, Copy)]
struct Reach {
    open_strength: [Option<Strength>; 6],
    /// The rule set's lists with an element fact still askable (bit set).
    open_fact_lists: u64,
}

/// How many questions of one dimension may follow each other in `ask_next`, unless only that
/// dimension can raise the level.
pub const MAX_SAME_DIMENSION_IN_A_ROW: usize = 3;

/// A cost that stands for "cannot be reached by answering questions".
const UNREACHABLE: u32 = 64;

use crate::model::limits::MAX_RULE_SET_LISTS;
use crate::policy::rule_set::{BUILTIN_RULE_SET_COUNT, DEFAULT_RULE_SET, builtin_position};

/// A rule set validated and compiled against a catalogue: the thing that assesses cases.
///
/// Build one with [`Assessor::new`] (which validates) or take a built-in with
/// [`Assessor::builtin`]. It is immutable and `Send + Sync`: share one across threads.
#[derive(Debug)]
pub struct Assessor {
    catalogue: Arc<Catalogue>,
    rule_set: Arc<RuleSet>,
    stamp: Arc<RuleSetStamp>,
    /// Per catalogue entry, in catalogue order.
    entries: Vec<CompiledEntry>,
    /// How many distinct (dimension, concept) slots the catalogue has.
    n_slots: usize,
    /// The rule set's lists, in rule set order.
    lists: Vec<CompiledList>,
    clauses: Vec<CompiledClause>,
    elements: [ElementDims; 3],
    /// Per element: the rule set's lists of element facts that evidence it (bit set).
    element_lists: [u64; 3],
    /// The child age limit and whether Korea's year rule applies.
    age_limit: (u8, bool),
    exempt_children: bool,
    exempt_disability: bool,
    exempt_act_evidence: ActEvidence,
    criteria: Vec<CompiledCriterion>,
    weights: [f64; 3],
    recommendations: Vec<CompiledRecommendation>,
    non_punishment: CompiledNonPunishment,
    rule_notices: Vec<CompiledNotice>,
    contacts: Option<&'static ContactDirectory>,
    person_rule_verification: Verification,
    /// How likely the purpose fact of a recorded form is (from the question priors).
    purpose_fact_likelihood: f32,
    /// Verification marks of the dimension and person-level rules, where not verified.
    rules_not_verified: Vec<(RuleName, Verification)>,
}

#[derive(Debug)]
struct CompiledEntry {
    id: IndicatorId,
    /// None for an element fact.
    dimension: Option<Dimension>,
    /// For an element fact: the element it evidences.
    fact: Option<PalermoElement>,
    /// Evidences the act for a person exempt from the means (`ConductOrControl`).
    act: bool,
    /// An item of appearance: score only.
    appearance: bool,
    /// The forms the entry belongs to (0: every form).
    forms: u16,
    /// Not asked of a national.
    non_nationals_only: bool,
    /// How likely a "yes" is, per type of exploitation (`priors::TYPE_KEYS`).
    prior: [f32; 6],
    /// The weight of the entry's lists in the question order (the priors' `list_weights`).
    list_weight: f32,
    /// Dense concept index.
    concept: u32,
    /// Dense index of (dimension, concept): entries of one concept in one dimension count
    /// once.
    slot: u32,
    adult: Strength,
    child: Strength,
    /// Bit i set: the entry is in the rule set's list i. Zero: not weighed by this rule set.
    lists: u64,
    /// Bit g set: the entry belongs to watch group g (the lists or indicators a condition
    /// names).
    watch: u64,
}

/// A present indicator that counts: the strongest present entry of its slot.
#[derive(Debug)]
struct Counted {
    /// None for an element fact.
    dimension: Option<Dimension>,
    appearance: bool,
    slot: u32,
    strength: Strength,
    pos: usize,
    /// Other present entries of the same slot, counted once with this one.
    same_concept: Vec<usize>,
}

/// What a "present" answer would do: the level, whether its dimension becomes positive, and
/// the score gain.
type WhatIf = (Level, bool, f64, f64);

/// What the outcome can see of an entry whose "what if" is memoized by key: dimension, lists,
/// watch groups, act, appearance, strength now (0: none) and strength if present.
type MemoKey = (Option<Dimension>, u64, u64, bool, bool, usize, Strength);

/// An open question, before ranking.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    level: Level,
    makes_positive: bool,
    gain: f64,
    pos: usize,
    slot: u32,
    strength: Strength,
    /// The ranking as one integer, highest first: the expected progress towards
    /// reasonable grounds (how many fewer indicators a "yes" would leave to find, times how
    /// likely a "yes" is), then the level if present, whether it makes its dimension positive,
    /// whether its dimension is still open, the score gain (to a ten-thousandth of a point),
    /// and catalogue order. Unique, so the order is total.
    rank: u64,
}

impl Candidate {
    #[allow(clippy::too_many_arguments)]
    fn new(
        progress: f64,
        level: Level,
        makes_positive: bool,
        open: bool,
        gain: f64,
        pos: usize,
        slot: u32,
        strength: Strength,
    ) -> Candidate {
        let value = ((progress.clamp(0.0, 15.0)) * 65_536.0) as u64; // below 2^20
        let fixed = (gain.clamp(0.0, SCORE_CAP) * 1e4) as u64; // below 2^20
        let rank = (value.min((1 << 20) - 1) << 44)
            | ((level as u64) << 42)
            | (u64::from(makes_positive) << 41)
            | (u64::from(open) << 40)
            | (fixed.min((1 << 24) - 1) << 16)
            | (0xffff - (pos as u64).min(0xffff));
        Candidate {
            level,
            makes_positive,
            gain,
            pos,
            slot,
            strength,
            rank,
        }
    }
}

/// What one assessment knows about a slot (a concept within a dimension).
#[derive(Debug, Clone, Copy, Default)]
struct SlotState {
    /// The strength the slot counts with, when an entry of it is present.
    present: Option<Strength>,
    /// An entry of it was answered absent and none is present: the concept is settled.
    closed: bool,
    /// The strongest unresolved strength folded into the all-present bound.
    raised: Option<Strength>,
    /// The index of this slot's best open question among the ranked ones.
    winner: Option<u32>,
}

#[derive(Debug)]
struct CompiledList {
    id: ListId,
    audience: crate::catalogue::Audience,
    forms: u16,
}

#[derive(Debug)]
struct CompiledClause {
    id: ConceptId,
    /// Cumulative needs: indicators of strength >= strong, >= medium, >= weak.
    need: [u32; 3],
}

#[derive(Debug, Clone, Copy, Default)]
struct ElementDims(u8);

#[derive(Debug)]
struct CompiledCriterion {
    id: ConceptId,
    conditions: Vec<CompiledCondition>,
}

#[derive(Debug, Clone)]
enum CompiledCondition {
    ElementMet(PalermoElement),
    AnyDimensionPositive(u8),
    IndicatorPresent(u8, Strength),
    ScoreAtLeast(f64),
    MeansNotRequired,
    TreatedAsChild,
    /// A present entry (not of appearance) of this watch group, at least this strong.
    Watched(u64, Strength),
    Any(Box<[CompiledCondition]>),
}

#[derive(Debug)]
struct CompiledRecommendation {
    kind: RecommendationKind,
    levels: [bool; 4],
    when: Vec<CompiledCondition>,
    audience: RecommendationAudience,
    context: Vec<ContextCondition>,
    legal_basis: Arc<[Citation]>,
    standards: Arc<[Citation]>,
    additions: Vec<CompiledAddition>,
    basis: Option<Verification>,
}

/// An addition to a recommendation: context, levels (all false: every level), sources.
type CompiledAddition = (Vec<ContextCondition>, [bool; 4], Arc<[Citation]>);

/// A rule set's own notice: kind, levels, sources.
type CompiledNotice = (NoticeKind, [bool; 4], Arc<[Citation]>);

#[derive(Debug)]
struct CompiledLink {
    offence: OffenceKind,
    concepts: Vec<u32>,
    legal_basis: Arc<[Citation]>,
    effect: Option<LegalEffect>,
}

#[derive(Debug)]
struct CompiledChildNonPunishment {
    min_level: Level,
    covers: Vec<OffenceKind>,
    legal_basis: Arc<[Citation]>,
    covers_basis: Arc<[Citation]>,
    effect: LegalEffect,
}

#[derive(Debug)]
struct CompiledNonPunishment {
    min_level: Level,
    legal_basis: Arc<[Citation]>,
    standards: Arc<[Citation]>,
    /// Per offence kind, in `OffenceKind::ALL` order.
    links: Vec<CompiledLink>,
    child: Option<CompiledChildNonPunishment>,
}

/// The levels in `at`, as a set indexed by level.
fn levels_of(at: &[Level]) -> [bool; 4] {
    let mut levels = [false; 4];
    for l in at {
        if let Some(slot) = levels.get_mut(*l as usize) {
            *slot = true;
        }
    }
    levels
}

/// Whether a context condition holds for this case and person; `forms` is the set of forms
/// under consideration (recorded, or shown by a purpose fact or a prostitution offence).
fn context_holds(c: &ContextCondition, case: &Case, person: &Person, forms: u16) -> bool {
    match c {
        ContextCondition::NotNational => case.subject.national != Some(true),
        ContextCondition::Child => person.child_now,
        ContextCondition::Disability => person.disability == DisabilityStatus::Yes,
        ContextCondition::Forms(f) => f.iter().any(|f| forms & f.bit() != 0),
        ContextCondition::Sectors(sectors) => case.sector.is_some_and(|s| sectors.contains(&s)),
        ContextCondition::OffenceOrMeasure => {
            !case.offences.is_empty() || !case.measures.is_empty()
        }
        ContextCondition::Measures(m) => case.measures.iter().any(|x| m.contains(x)),
    }
}

/// Whether a context names non-nationals while the case does not record nationality: the
/// advice then applies "if the person is not a national".
fn if_not_national(context: &[ContextCondition], case: &Case) -> bool {
    case.subject.national.is_none() && context.contains(&ContextCondition::NotNational)
}

const fn dim_bit(d: Dimension) -> u8 {
    1 << d.index()
}

fn dims_mask(dims: &[Dimension]) -> u8 {
    dims.iter().fold(0, |m, d| m | dim_bit(*d))
}

/// The evidence a level is computed from: per dimension, the counted (distinct-concept)
/// indicators by strength that the rules may use (items of appearance excluded), the element
/// facts present, and the score's raw points. Small and `Copy`, so "what if this indicator
/// were present" is a copy and an update.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// counts[dimension][strength index: weak 0, medium 1, strong 2], appearance excluded.
    counts: [[u32; 3]; 6],
    /// Raw points of everything counted, appearance included: the score shown.
    raw: f64,
    /// Raw points without items of appearance: the score the level rules see.
    decisive_raw: f64,
    /// Per minimum strength (weak 0, medium 1, strong 2): the rule set's lists with a present
    /// element fact of at least that strength (bit set).
    fact_lists: [u64; 3],
    /// Per minimum strength: the watch groups with a present entry (appearance excluded) of
    /// at least that strength (bit set).
    watched: [u64; 3],
    /// A present indicator evidences the act for a person exempt from the means.
    act: bool,
    /// Anything present at all (further inquiry).
    any: bool,
}

impl Tally {
    /// Counts a newly present entry at `strength`, adding `weight` points.
    fn add(&mut self, e: &CompiledEntry, strength: Strength, weight: f64) {
        self.count(e, None, strength, weight);
    }

    /// The slot of `e` counted with `from` now counts with `to` (a stronger wording of the
    /// same concept in the same dimension; the same appearance class, which the catalogue
    /// guarantees), adding `gain` points.
    fn upgrade(&mut self, e: &CompiledEntry, from: Strength, to: Strength, gain: f64) {
        self.count(e, Some(from), to, gain);
    }

    fn count(&mut self, e: &CompiledEntry, from: Option<Strength>, to: Strength, points: f64) {
        self.any = true;
        self.act |= e.act;
        if !e.appearance {
            for groups in self.watched.iter_mut().take(to.index() + 1) {
                *groups |= e.watch;
            }
        }
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
        self.decisive_raw += points;
        if let Some(c) = self.counts.get_mut(dimension.index()) {
            if let Some(slot) = from.and_then(|f| c.get_mut(f.index())) {
                *slot = slot.saturating_sub(1);
            }
            if let Some(slot) = c.get_mut(to.index()) {
                *slot += 1;
            }
        }
    }

    fn dim(&self, dimension: Dimension) -> [u32; 3] {
        self.counts
            .get(dimension.index())
            .copied()
            .unwrap_or_default()
    }

    fn any_present(&self, mask: u8) -> bool {
        self.strongest(mask).is_some()
    }

    /// The strongest present strength in any dimension of `mask`.
    fn strongest(&self, mask: u8) -> Option<Strength> {
        Dimension::ALL
            .iter()
            .filter(|d| mask & dim_bit(**d) != 0)
            .filter_map(|d| {
                let [w, m, s] = self.dim(*d);
                if s > 0 {
                    Some(Strength::Strong)
                } else if m > 0 {
                    Some(Strength::Medium)
                } else if w > 0 {
                    Some(Strength::Weak)
                } else {
                    None
                }
            })
            .max()
    }

    fn watched(&self, groups: u64, min: Strength) -> bool {
        self.watched
            .get(min.index())
            .is_some_and(|present| present & groups != 0)
    }

    fn facts(&self, lists: u64, min: Strength) -> bool {
        self.fact_lists
            .get(min.index())
            .is_some_and(|present| present & lists != 0)
    }

    fn score(&self) -> f64 {
        self.raw.min(SCORE_CAP)
    }

    fn decisive_score(&self) -> f64 {
        self.decisive_raw.min(SCORE_CAP)
    }
}

/// The present indicators of one case counted for one person.
struct Counting {
    tally: Tally,
    counted: Vec<Counted>,
    slots: Vec<SlotState>,
}

/// Who the person is, as far as the rules are concerned.
#[derive(Debug, Clone, Copy)]
struct Person {
    /// The age group for the child rules (at the act, under the rule set's limit).
    age: AgeGroup,
    basis: AgeBasis,
    child_rules: bool,
    child_now: bool,
    ask_first: Option<AgeQuestion>,
    disability: DisabilityStatus,
    exempt: bool,
}

impl Person {
    /// The same person under the child rules (for `level_if_child`).
    fn as_child(self, exempt_children: bool) -> Person {
        Person {
            child_rules: true,
            exempt: self.exempt || exempt_children,
            ..self
        }
    }
}

/// Whether an age makes a person a child under the limit, or None when the year rule leaves
/// it open (one year short of the limit).
fn child_by_age(age: u8, (limit, year_rule): (u8, bool)) -> Option<bool> {
    if year_rule {
        if u16::from(age) + 2 <= u16::from(limit) {
            Some(true)
        } else if age >= limit {
            Some(false)
        } else {
            None
        }
    } else {
        Some(age < limit)
    }
}

/// Whether "under 18" (or "18 or over") settles childhood under the limit.
fn child_by_minority(minor: bool, limit: (u8, bool)) -> Option<bool> {
    if minor {
        // 17 at most.
        child_by_age(17, limit).filter(|c| *c)
    } else {
        // 18 at least.
        child_by_age(18, limit).filter(|c| !*c)
    }
}

/// Childhood at the act from the years of birth and of the start: the age was `span - 1` or
/// `span`. Under the year rule the years alone decide (`span <= limit - 1`).
fn child_by_years(birth: u16, began: u16, (limit, year_rule): (u8, bool)) -> Option<bool> {
    let span = i32::from(began) - i32::from(birth);
    let limit = i32::from(limit);
    if year_rule {
        Some(span < limit)
    } else if span < limit {
        Some(true)
    } else if span > limit {
        Some(false)
    } else {
        None
    }
}

/// The outcome of the level rules on a tally.
#[derive(Debug, Clone, Copy)]
struct Outcome {
    positive: [Option<usize>; 6],
    positive_mask: u8,
    elements: [bool; 3],
    definition: bool,
    /// The criteria that hold (bit set); for a what-if, only enough to decide the level.
    criteria_met: u64,
    level: Level,
}

fn condition_holds(
    condition: &CompiledCondition,
    tally: &Tally,
    positive_mask: u8,
    elements: &[bool; 3],
    person: &Person,
) -> bool {
    match condition {
        CompiledCondition::ElementMet(el) => elements.get(*el as usize).copied().unwrap_or(false),
        CompiledCondition::AnyDimensionPositive(mask) => positive_mask & mask != 0,
        CompiledCondition::IndicatorPresent(mask, min) => {
            tally.strongest(*mask).is_some_and(|s| s >= *min)
        }
        CompiledCondition::ScoreAtLeast(t) => tally.decisive_score() >= *t,
        CompiledCondition::MeansNotRequired => person.exempt,
        CompiledCondition::TreatedAsChild => person.child_rules,
        CompiledCondition::Watched(group, min) => tally.watched(*group, *min),
        CompiledCondition::Any(conditions) => conditions
            .iter()
            .any(|c| condition_holds(c, tally, positive_mask, elements, person)),
    }
}

fn lists_mask(rule_set: &RuleSet, lists: &[ListId]) -> u64 {
    rule_set
        .lists
        .iter()
        .enumerate()
        .take(MAX_RULE_SET_LISTS)
        .filter(|(_, l)| lists.contains(l))
        .fold(0, |m, (i, _)| m | (1 << i))
}

/// The lists or indicators one condition watches.
#[derive(Debug, Default)]
struct WatchGroup {
    lists: u64,
    ids: Vec<IndicatorId>,
}

fn watch_bit(groups: &mut Vec<WatchGroup>, group: WatchGroup) -> u64 {
    let bit = if groups.len() < 64 {
        1u64 << groups.len()
    } else {
        0
    };
    groups.push(group);
    bit
}

fn compile_condition(
    condition: &Condition,
    rule_set: &RuleSet,
    groups: &mut Vec<WatchGroup>,
) -> CompiledCondition {
    match condition {
        Condition::ElementMet(e) => CompiledCondition::ElementMet(*e),
        Condition::AnyDimensionPositive(d) => CompiledCondition::AnyDimensionPositive(dims_mask(d)),
        Condition::IndicatorPresent {
            dimensions,
            min_strength,
        } => CompiledCondition::IndicatorPresent(dims_mask(dimensions), *min_strength),
        Condition::ScoreAtLeast(t) => CompiledCondition::ScoreAtLeast(*t),
        Condition::MeansNotRequired => CompiledCondition::MeansNotRequired,
        Condition::ListIndicatorPresent {
            lists,
            min_strength,
        } => {
            let group = WatchGroup {
                lists: lists_mask(rule_set, lists),
                ids: Vec::new(),
            };
            CompiledCondition::Watched(watch_bit(groups, group), *min_strength)
        }
        Condition::AnyIndicatorPresent {
            indicators,
            min_strength,
        } => {
            let group = WatchGroup {
                lists: 0,
                ids: indicators.clone(),
            };
            CompiledCondition::Watched(watch_bit(groups, group), *min_strength)
        }
        Condition::TreatedAsChild => CompiledCondition::TreatedAsChild,
        Condition::Any(conditions) => CompiledCondition::Any(
            conditions
                .iter()
                .map(|c| compile_condition(c, rule_set, groups))
                .collect(),
        ),
    }
}

impl Assessor {
    /// Validates `rule_set` against `catalogue` and compiles it. Every problem is returned at
    /// once; an invalid rule set can never assess.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::{Assessor, Catalogue, RuleSet};
    ///
    /// // A built-in rule set, changed as a policy body would, then compiled.
    /// let mut rules = RuleSet::builtin("kr-2024")?.clone();
    /// rules.id = "kr-2024-local".into();
    /// let assessor = Assessor::new(rules, Catalogue::builtin())?;
    /// assert_eq!(assessor.rule_set().id, "kr-2024-local");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(rule_set: RuleSet, catalogue: Arc<Catalogue>) -> Result<Assessor, RuleSetError> {
        validate_result(&rule_set, &catalogue).map_err(RuleSetError::Invalid)?;
        Assessor::compile(rule_set, catalogue)
    }

    /// The same assessor with other likelihoods for ordering questions (see
    /// [`crate::catalogue::QuestionPriors`]): the ranking of `ask_next` and the interview follow them; levels,
    /// scores and recommendations do not change.
    pub fn with_question_priors(
        mut self,
        priors: &crate::catalogue::priors::QuestionPriors,
    ) -> Assessor {
        for (e, source) in self.entries.iter_mut().zip(self.catalogue.entries()) {
            e.prior = priors.column(source.ctdc_means_of_control.map(|c| c.column()));
            e.list_weight = priors.list_weight(&source.lists);
        }
        self.purpose_fact_likelihood = priors.purpose_fact_probability as f32;
        self
    }

    /// The built-in assessor for a built-in rule set (`ilo-2009`, `kr-2023` or `kr-2024`)
    /// over the built-in catalogue. Compiled once per process.
    pub fn builtin(id: &str) -> Result<&'static Assessor, RuleSetError> {
        static BUILTIN: [OnceLock<Result<Assessor, RuleSetError>>; BUILTIN_RULE_SET_COUNT] =
            [const { OnceLock::new() }; BUILTIN_RULE_SET_COUNT];
        let Some(slot) = builtin_position(id).and_then(|i| BUILTIN.get(i)) else {
            return Err(RuleSet::builtin(id)
                .err()
                .unwrap_or_else(|| RuleSetError::UnknownBuiltin("(unnamed)".to_owned())));
        };
        slot.get_or_init(|| {
            RuleSet::builtin(id)
                .cloned()
                .and_then(|rs| Assessor::new(rs, Catalogue::builtin()))
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    /// The default assessor: rule set `ilo-2009` over the built-in catalogue.
    pub fn default_builtin() -> &'static Assessor {
        // PANIC SAFETY: the built-in rule set and catalogue are compiled into the crate and
        // validated by the test suite (`builtin_rule_sets_validate`); this cannot fail from
        // input, only in a crate built from data that failed its own tests.
        #[allow(clippy::expect_used)]
        Assessor::builtin(DEFAULT_RULE_SET).expect("the built-in rule set is valid")
    }

    /// The strength an indicator counts with under this rule set: for an adult, or under the
    /// child rules (an assessment's `subject.treated_as_child`). None for an id outside the
    /// catalogue or the rule set's lists. The assessment JSON leaves a question's strength out
    /// because this states it.
    ///
    /// ```
    /// use trafficking_indicators::{Assessor, Strength};
    /// let assessor = Assessor::default_builtin();
    /// let s = assessor.strength_for("confiscation_of_documents_at_destination", false);
    /// assert_eq!(s, Some(Strength::Strong));
    /// assert_eq!(assessor.strength_for("no_such_indicator", false), None);
    /// ```
    pub fn strength_for(&self, id: &str, treated_as_child: bool) -> Option<Strength> {
        let e = self.entries.get(self.catalogue.position(id)?)?;
        if e.lists == 0 {
            return None;
        }
        Some(if treated_as_child { e.child } else { e.adult })
    }

    /// The rule set.
    pub fn rule_set(&self) -> &RuleSet {
        &self.rule_set
    }

    /// The catalogue.
    pub fn catalogue(&self) -> &Arc<Catalogue> {
        &self.catalogue
    }

    /// The stamp every assessment carries: rule set id, version, date and digests.
    pub fn stamp(&self) -> &RuleSetStamp {
        &self.stamp
    }

    fn compile(rule_set: RuleSet, catalogue: Arc<Catalogue>) -> Result<Assessor, RuleSetError> {
        let rule_set_digest = rule_set
            .digest()
            .map_err(|e| RuleSetError::Canonical(e.to_string()))?;
        let catalogue_digest = catalogue
            .digest()
            .map_err(|e| RuleSetError::Canonical(e.to_string()))?;
        let lists: Vec<CompiledList> = rule_set
            .lists
            .iter()
            .filter_map(|id| catalogue.list(id.as_str()))
            .map(|l| CompiledList {
                id: l.id.clone(),
                audience: l.scope.audience,
                forms: l.scope.forms.iter().fold(0, |m, f| m | f.bit()),
            })
            .collect();
        // Dense concept indices, in order of first appearance.
        let mut concepts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for e in catalogue.entries() {
            let next = concepts.len() as u32;
            concepts.entry(e.concept.as_str()).or_insert(next);
        }
        let concept_index = |c: &ConceptId| concepts.get(c.as_str()).copied().unwrap_or(u32::MAX);
        // Dense slot indices of (dimension, concept), in dimension order (element facts,
        // which have no dimension, first).
        let mut slot_keys: Vec<(Option<Dimension>, u32)> = catalogue
            .entries()
            .iter()
            .map(|e| (e.dimension, concept_index(&e.concept)))
            .collect();
        slot_keys.sort_unstable();
        slot_keys.dedup();
        let mut entries = Vec::with_capacity(catalogue.len());
        for e in catalogue.entries() {
            let concept = concept_index(&e.concept);
            let slot = slot_keys
                .binary_search(&(e.dimension, concept))
                .map_or(u32::MAX, |i| i as u32);
            let mut mask = 0u64;
            for (i, list) in rule_set.lists.iter().enumerate().take(MAX_RULE_SET_LISTS) {
                if e.in_list(list) {
                    mask |= 1 << i;
                }
            }
            let child = match &rule_set.child_strengths {
                Some(list) => e.strength_in(list),
                None => e.strength,
            };
            let overridden = rule_set
                .strength_overrides
                .iter()
                .find(|o| o.indicator == e.id)
                .map(|o| o.strength);
            let act = match rule_set.person_rule.exempt_act_evidence {
                ActEvidence::ConductOrControl => e.evidences_act(),
                // Any present indicator of an act dimension (counted in the tally), or an
                // act fact.
                ActEvidence::AnyPresentIndicator => {
                    e.dimension.is_none() && e.element == Some(PalermoElement::Act)
                }
                ActEvidence::PositiveDimension => false,
            };
            entries.push(CompiledEntry {
                id: e.id.clone(),
                dimension: e.dimension,
                fact: if e.dimension.is_none() {
                    e.element
                } else {
                    None
                },
                act,
                appearance: e.appearance,
                forms: e.forms.iter().fold(0, |m, f| m | f.bit()),
                non_nationals_only: e.non_nationals_only,
                prior: crate::catalogue::priors::QuestionPriors::builtin()
                    .column(e.ctdc_means_of_control.map(|c| c.column())),
                list_weight: crate::catalogue::priors::QuestionPriors::builtin()
                    .list_weight(&e.lists),
                concept,
                slot,
                adult: overridden.unwrap_or(e.strength),
                child: overridden.unwrap_or(child),
                lists: mask,
                watch: 0,
            });
        }
        let concept_of = |c: &ConceptId| -> Option<u32> { concepts.get(c.as_str()).copied() };
        let clauses = rule_set
            .dimension_rule
            .clauses
            .iter()
            .map(|c| {
                let mut by_min = [0u32; 3];
                for r in &c.requires {
                    if let Some(slot) = by_min.get_mut(r.min_strength.index()) {
                        *slot += r.at_least;
                    }
                }
                let [w, m, s] = by_min;
                CompiledClause {
                    id: c.id.clone(),
                    need: [s, s + m, s + m + w],
                }
            })
            .collect();
        let mut elements = [ElementDims::default(); 3];
        let mut element_lists = [0u64; 3];
        for rule in &rule_set.person_rule.elements {
            if let Some(slot) = elements.get_mut(rule.element as usize) {
                slot.0 = dims_mask(&rule.dimensions);
            }
            if let Some(slot) = element_lists.get_mut(rule.element as usize) {
                *slot = lists_mask(&rule_set, &rule.lists);
            }
        }
        let mut groups: Vec<WatchGroup> = Vec::new();
        let criteria = rule_set
            .levels
            .reasonable_grounds
            .iter()
            .map(|c| CompiledCriterion {
                id: c.id.clone(),
                conditions: c
                    .all
                    .iter()
                    .map(|c| compile_condition(c, &rule_set, &mut groups))
                    .collect(),
            })
            .collect();
        let cite = |ids: &[crate::model::id::ReferenceId]| -> Arc<[Citation]> {
            ids.iter()
                .filter_map(|id| rule_set.reference(id.as_str()))
                .map(|r| Citation {
                    reference: r.id.clone(),
                    verification: r.verification,
                })
                .collect()
        };
        let recommendations = rule_set
            .recommendations
            .iter()
            .map(|r| CompiledRecommendation {
                kind: r.kind,
                levels: levels_of(&r.at_levels),
                when: r
                    .when
                    .iter()
                    .map(|c| compile_condition(c, &rule_set, &mut groups))
                    .collect(),
                audience: r.audience,
                context: r.context.clone(),
                legal_basis: cite(&r.legal_basis),
                standards: cite(&r.standards),
                additions: r
                    .additions
                    .iter()
                    .map(|a| {
                        (
                            a.context.clone(),
                            levels_of(&a.at_levels),
                            cite(&a.legal_basis),
                        )
                    })
                    .collect(),
                basis: r.basis.as_ref().map(|b| b.verification),
            })
            .collect();
        // Each entry's watch groups, now that every condition is compiled.
        for e in &mut entries {
            e.watch = groups
                .iter()
                .enumerate()
                .take(64)
                .filter(|(_, g)| g.lists & e.lists != 0 || g.ids.contains(&e.id))
                .fold(0, |m, (i, _)| m | (1 << i));
        }
        let rule_notices = rule_set
            .notices
            .iter()
            .map(|n| (n.kind, levels_of(&n.at_levels), cite(&n.legal_basis)))
            .collect();
        let np = &rule_set.non_punishment;
        let non_punishment = CompiledNonPunishment {
            min_level: np.min_level,
            legal_basis: cite(&np.legal_basis),
            standards: cite(&np.standards),
            links: OffenceKind::ALL
                .iter()
                .filter_map(|kind| np.links.iter().find(|l| l.offence == *kind))
                .map(|l| CompiledLink {
                    offence: l.offence,
                    concepts: l.concepts.iter().filter_map(concept_of).collect(),
                    legal_basis: cite(&l.legal_basis),
                    effect: l.effect,
                })
                .collect(),
            child: np.child.as_ref().map(|c| CompiledChildNonPunishment {
                min_level: c.min_level,
                covers: c.covers.clone(),
                legal_basis: cite(&c.legal_basis),
                covers_basis: cite(&c.covers_basis),
                effect: c.effect,
            }),
        };
        let contacts = rule_set
            .contact_directory
            .as_deref()
            .and_then(ContactDirectory::builtin);
        let w = &rule_set.weights;
        let stamp = Arc::new(RuleSetStamp {
            id: Text::from(rule_set.id.as_str()),
            version: Text::from(rule_set.version.as_str()),
            effective_date: Text::from(rule_set.effective_date.as_str()),
            digest: Text::from(rule_set_digest.as_str()),
            catalogue_digest: Text::from(catalogue_digest.as_str()),
        });
        Ok(Assessor {
            stamp,
            n_slots: slot_keys.len(),
            entries,
            lists,
            clauses,
            elements,
            element_lists,
            age_limit: rule_set.child_age_limit(),
            exempt_children: rule_set.exempts(ExemptGroup::Children),
            exempt_disability: rule_set.exempts(ExemptGroup::PersonsWithDisabilities),
            exempt_act_evidence: rule_set.person_rule.exempt_act_evidence,
            criteria,
            weights: [w.weak, w.medium, w.strong],
            recommendations,
            non_punishment,
            rule_notices,
            contacts,
            person_rule_verification: rule_set.person_rule.basis.verification,
            purpose_fact_likelihood: crate::catalogue::priors::QuestionPriors::builtin()
                .purpose_fact_probability as f32,
            rules_not_verified: [
                (
                    RuleName::DimensionRule,
                    rule_set.dimension_rule.basis.verification,
                ),
                (
                    RuleName::PersonRule,
                    rule_set.person_rule.basis.verification,
                ),
            ]
            .into_iter()
            .filter(|(_, v)| *v != Verification::Verified)
            .collect(),
            rule_set: Arc::new(rule_set),
            catalogue,
        })
    }

    fn weight(&self, s: Strength) -> f64 {
        self.weights.get(s.index()).copied().unwrap_or(0.0)
    }

    fn strength(&self, e: &CompiledEntry, person: &Person) -> Strength {
        if person.child_rules { e.child } else { e.adult }
    }

    /// The index of the first clause a dimension with these counts meets.
    fn clause_met(&self, counts: [u32; 3]) -> Option<usize> {
        let [w, m, s] = counts;
        let at_least = [s, s + m, s + m + w];
        self.clauses.iter().position(|c| {
            c.need
                .iter()
                .zip(at_least.iter())
                .all(|(need, have)| have >= need)
        })
    }

    fn element_dims(&self, element: PalermoElement) -> u8 {
        self.elements.get(element as usize).map_or(0, |e| e.0)
    }

    fn outcome(&self, tally: &Tally, person: &Person) -> Outcome {
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
        self.outcome_from(positive, positive_mask, tally, person, true)
    }

    /// The outcome of `tally`, which differs from the tally of `base` only in `changed` (a
    /// dimension) or in element facts: the other dimensions keep their clauses. Only the
    /// criteria needed to decide the level are evaluated (`criteria_met` is partial).
    fn outcome_after(
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
        self.outcome_from(positive, positive_mask, tally, person, false)
    }

    /// Elements, definition, criteria and level, given the dimensions' results: every
    /// criterion that holds, or (`every_criterion` false) only as many as decide the level.
    fn outcome_from(
        &self,
        positive: [Option<usize>; 6],
        positive_mask: u8,
        tally: &Tally,
        person: &Person,
        every_criterion: bool,
    ) -> Outcome {
        // Each element by the rule: a positive dimension, or a fact of its lists.
        let mut elements = [false; 3];
        for el in PalermoElement::ALL {
            let dims = self.element_dims(el);
            let lists = self.element_lists.get(el as usize).copied().unwrap_or(0);
            if let Some(slot) = elements.get_mut(el as usize) {
                *slot = positive_mask & dims != 0 || tally.facts(lists, Strength::Weak);
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
            if !every_criterion && (definition || criteria_met != 0) {
                break;
            }
            let holds = c
                .conditions
                .iter()
                .all(|cond| condition_holds(cond, tally, positive_mask, &elements, person));
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
            elements,
            definition,
            criteria_met,
            level,
        }
    }

    /// How many more indicators a dimension with these counts needs to be positive, at
    /// best: if every further one had the strongest strength still askable there.
    fn need(&self, counts: [u32; 3], best: Option<Strength>) -> u32 {
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

    /// How many more indicators, at best, a dimension of `mask` needs to be positive.
    fn need_any(&self, tally: &Tally, mask: u8, reach: &Reach) -> u32 {
        Dimension::ALL
            .iter()
            .filter(|d| mask & dim_bit(**d) != 0)
            .map(|d| {
                let best = reach.open_strength.get(d.index()).copied().flatten();
                self.need(tally.dim(*d), best)
            })
            .min()
            .unwrap_or(UNREACHABLE)
    }

    /// How many more indicators, at best, an element needs.
    fn element_cost(
        &self,
        el: PalermoElement,
        tally: &Tally,
        outcome: &Outcome,
        person: &Person,
        reach: &Reach,
    ) -> f64 {
        if outcome.elements.get(el as usize).copied().unwrap_or(false) {
            return 0.0;
        }
        let by_dimension = self.need_any(tally, self.element_dims(el), reach);
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

    fn condition_cost(
        &self,
        c: &CompiledCondition,
        tally: &Tally,
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
                self.element_cost(*el, tally, outcome, person, reach)
            }
            CompiledCondition::AnyDimensionPositive(mask) => {
                f64::from(self.need_any(tally, *mask, reach))
            }
            CompiledCondition::IndicatorPresent(mask, min) => {
                let askable = Dimension::ALL.iter().any(|d| {
                    mask & dim_bit(*d) != 0
                        && reach
                            .open_strength
                            .get(d.index())
                            .copied()
                            .flatten()
                            .is_some_and(|s| s >= *min)
                });
                if askable { 1.0 } else { unreachable }
            }
            CompiledCondition::Watched(..) => 1.0,
            CompiledCondition::ScoreAtLeast(t) => {
                // In indicators of the strongest strength still askable, counted in
                // fractions so that each indicator's share shows.
                let best = reach.open_strength.iter().flatten().max().copied();
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
                .map(|c| self.condition_cost(c, tally, outcome, person, reach))
                .fold(unreachable, f64::min),
        }
    }

    /// How many more present indicators, at best, the case needs to reach reasonable grounds
    /// (0 when it is there): the cheapest of the criteria and the definition.
    fn distance(&self, tally: &Tally, outcome: &Outcome, person: &Person, reach: &Reach) -> f64 {
        if outcome.level >= Level::ReasonableGrounds {
            return 0.0;
        }
        let definition: f64 = PalermoElement::ALL
            .iter()
            .filter(|el| !(person.exempt && **el == PalermoElement::Means))
            .map(|el| self.element_cost(*el, tally, outcome, person, reach))
            .sum();
        self.criteria
            .iter()
            .map(|c| {
                c.conditions
                    .iter()
                    .map(|cond| self.condition_cost(cond, tally, outcome, person, reach))
                    .sum::<f64>()
            })
            .fold(definition, f64::min)
            .min(f64::from(UNREACHABLE))
    }

    fn holds(
        &self,
        c: &CompiledCondition,
        tally: &Tally,
        outcome: &Outcome,
        person: &Person,
    ) -> bool {
        condition_holds(c, tally, outcome.positive_mask, &outcome.elements, person)
    }

    /// Assesses a case.
    ///
    /// The case is checked first ([`Case::check`]); then every observation must name an
    /// indicator of the catalogue that is in one of the rule set's lists. Any problem is a
    /// [`CaseError`] naming where it is; nothing is skipped.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::{Assessor, Case, RecommendationKind};
    ///
    /// let assessor = Assessor::builtin("kr-2024")?;
    /// let case = Case::from_json(r#"{ "subject": { "age_years": 16 }, "forms": ["sexual"],
    ///     "observations": [ { "indicator": "purpose_sexual_exploitation", "status": "present" } ],
    ///     "offences": [ { "kind": "prostitution", "stage": "suspected" } ] }"#)?;
    /// let assessment = assessor.assess(&case)?;
    /// // A child in the sex trade: non-punishment is advised whatever else the case shows.
    /// assert!(assessment.recommendation(RecommendationKind::NonPunishment).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, case: &Case) -> Result<Assessment, CaseError> {
        self.assess_listing(case, ASK_NEXT_MAX)
    }

    /// Assesses a case, listing up to `max_questions` open questions in `ask_next` (the
    /// interview ranks them all).
    pub(crate) fn assess_listing(
        &self,
        case: &Case,
        max_questions: usize,
    ) -> Result<Assessment, CaseError> {
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
        let Counting {
            tally,
            counted,
            mut slots,
        } = self.count(&resolved, &person);

        // A concept answered "absent" in a dimension (and not present there under another
        // wording) is settled: its other wordings in that dimension are not asked again.
        // An absent wording beside a present one of the same slot is a contradiction in the
        // record: the present answer counts, and the reader is told.
        let mut contradicted: Vec<(usize, usize)> = Vec::new();
        for &(pos, st, _, _) in &resolved {
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
        let outcome = self.outcome(&tally, &person);

        // Open questions: relevant entries not answered, in slots not settled.
        let case_forms = case.forms.iter().fold(0u16, |m, f| m | f.bit());
        let relevant_lists = self.relevant_lists(case_forms, &person);
        let mut all_present = tally;
        let mut unresolved = 0u32;
        // What a "present" answer would do depends only on the dimension, the strength the
        // slot has now, the strength it would have and the kind of entry (plain, evidence of
        // the act, appearance): at most 6 x 4 x 3 x 3 outcomes, each computed once per
        // assessment however many questions share it. Element facts are memoized by their
        // lists, act flag and strength.
        let mut memo: [[[[Option<WhatIf>; 3]; 3]; 4]; 6] = [[[[None; 3]; 3]; 4]; 6];
        let mut fact_memo: Vec<(MemoKey, WhatIf)> = Vec::new();
        let mut candidates: Vec<Candidate> = Vec::with_capacity(self.entries.len());
        // The entries that can still be asked: relevant, unanswered, of an unsettled slot.
        let askable = |pos: usize, e: &CompiledEntry, slots: &[SlotState]| {
            e.lists & relevant_lists != 0
                && (e.forms == 0 || case_forms == 0 || e.forms & case_forms != 0)
                && !matches!(
                    status.get(pos).copied().flatten(),
                    Some(ObservationStatus::Present) | Some(ObservationStatus::Absent)
                )
                && !(e.non_nationals_only && case.subject.national == Some(true))
                && slots.get(e.slot as usize).is_some_and(|st| !st.closed)
        };
        // The strongest strength still askable per dimension: how far "at best" can go.
        let mut open_strength: [Option<Strength>; 6] = [None; 6];
        let mut open_fact_lists = 0u64;
        for (pos, e) in self.entries.iter().enumerate() {
            if e.appearance || !askable(pos, e, &slots) {
                continue;
            }
            match e.dimension {
                Some(d) => {
                    if let Some(best) = open_strength.get_mut(d.index()) {
                        let s = self.strength(e, &person);
                        if best.is_none_or(|b| b < s) {
                            *best = Some(s);
                        }
                    }
                }
                None => open_fact_lists |= e.lists,
            }
        }
        let reach = Reach {
            open_strength,
            open_fact_lists,
        };
        let distance_now = self.distance(&tally, &outcome, &person, &reach);
        let type_mask = crate::catalogue::priors::type_mask(&case.forms);
        for (pos, e) in self.entries.iter().enumerate() {
            if !askable(pos, e, &slots) {
                continue;
            }
            let Some(state) = slots.get_mut(e.slot as usize) else {
                continue;
            };
            if state.closed {
                continue;
            }
            unresolved += 1;
            let s = self.strength(e, &person);
            if state.present.is_some_and(|have| have >= s) {
                continue;
            }
            // Toward the all-present bound: each slot raised once, to its strongest.
            match state.raised.or(state.present) {
                Some(have) if have >= s => {}
                Some(have) => all_present.upgrade(e, have, s, self.gain(e, have, s)),
                None => all_present.add(e, s, self.weight_of(e, s)),
            }
            if state.raised.is_none_or(|r| r < s) {
                state.raised = Some(s);
            }
            // What if this one were present?
            let present_now = state.present;
            let what_if = || {
                let mut what_if = tally;
                match present_now {
                    Some(have) => what_if.upgrade(e, have, s, self.gain(e, have, s)),
                    None => what_if.add(e, s, self.weight_of(e, s)),
                }
                let hypothetical = self.outcome_after(&outcome, &what_if, e.dimension, &person);
                let makes_positive = e.dimension.is_some_and(|d| {
                    let was = outcome.positive.get(d.index()).copied().flatten();
                    let now = hypothetical.positive.get(d.index()).copied().flatten();
                    was.is_none() && now.is_some()
                });
                (
                    hypothetical.level,
                    makes_positive,
                    what_if.score() - tally.score(),
                    self.distance(&what_if, &hypothetical, &person, &reach),
                )
            };
            let (level, makes_positive, gain, after) = match e.dimension {
                Some(d) if e.watch == 0 => {
                    let from = present_now.map_or(0, |h| h.index() + 1);
                    let kind = if e.appearance { 2 } else { usize::from(e.act) };
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
                    let key = (e.dimension, e.lists, e.watch, e.act, e.appearance, from, s);
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
            let open = e
                .dimension
                .is_none_or(|d| outcome.positive.get(d.index()).is_some_and(Option::is_none));
            let likelihood = if e.fact == Some(PalermoElement::Purpose) && e.forms & case_forms != 0
            {
                self.purpose_fact_likelihood
            } else {
                e.prior
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| type_mask & (1 << k) != 0)
                    .map(|(_, p)| *p)
                    .fold(0.0f32, f32::max)
            };
            let progress =
                (distance_now - after).max(0.0) * f64::from(likelihood) * f64::from(e.list_weight);
            candidates.push(Candidate::new(
                progress,
                level,
                makes_positive,
                open,
                gain,
                pos,
                e.slot,
                s,
            ));
        }
        // One question per slot, its best-ranked (strongest) wording; then the top few.
        let mut winners: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for c in candidates {
            let Some(state) = slots.get_mut(c.slot as usize) else {
                continue;
            };
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
        let more_questions = winners.len().saturating_sub(max_questions) as u32;
        // Only the best few need ordering: diversify sorts the rest if it ever reaches it.
        let sorted = max_questions.saturating_mul(3).min(winners.len());
        if sorted < winners.len() {
            winners.select_nth_unstable_by_key(sorted, |c| std::cmp::Reverse(c.rank));
        }
        if let Some(top) = winners.get_mut(..sorted) {
            top.sort_unstable_by_key(|c| std::cmp::Reverse(c.rank));
        }
        let dimension_of = |c: &Candidate| self.entries.get(c.pos).and_then(|e| e.dimension);
        let winners = diversify(winners, sorted, dimension_of, outcome.level, max_questions);
        let questions: Vec<Question> = winners
            .iter()
            .filter_map(|c| {
                self.entries.get(c.pos).map(|e| Question {
                    id: e.id.clone(),
                    dimension: e.dimension,
                    strength: c.strength,
                    level_if_present: c.level,
                    makes_dimension_positive: c.makes_positive,
                    score_gain: c.gain,
                })
            })
            .collect();
        let upper = self.outcome(&all_present, &person);

        // The level the child rules would give, where the age at the act is not established.
        let level_if_child = (person.basis == AgeBasis::NotEstablished).then(|| {
            let child = person.as_child(self.exempt_children);
            let counting = self.count(&resolved, &child);
            self.outcome(&counting.tally, &child).level
        });

        let score = tally.score();
        let scale = if tally.raw > SCORE_CAP {
            SCORE_CAP / tally.raw
        } else {
            1.0
        };
        let contributions: Vec<Contribution> = counted
            .iter()
            .filter_map(|k| {
                let dimension = k.dimension?;
                self.entries.get(k.pos).map(|e| Contribution {
                    id: e.id.clone(),
                    dimension,
                    strength: k.strength,
                    weight: self.weight(k.strength),
                    points: self.weight(k.strength) * scale,
                })
            })
            .collect();

        let explanation = Explanation {
            subject: SubjectFinding {
                age_group: person.age,
                treated_as_child: person.child_rules,
                age_basis: person.basis,
                child_protection: person.child_now,
                ask_first: person.ask_first,
                disability: person.disability,
                means_required: !person.exempt,
                means_not_required_because: self.exempt_because(&person),
                forms: {
                    let mut f = case.forms.clone();
                    f.sort_unstable();
                    f
                },
                relevant_lists: self
                    .lists
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| relevant_lists & (1 << i) != 0)
                    .map(|(_, l)| l.id.clone())
                    .collect(),
            },
            dimensions: self.dimension_findings(&tally, &outcome, &counted),
            elements: self.element_findings(&outcome, &person, &counted),
            person_rule: self.person_rule_finding(&outcome, &person),
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
            observations: self.observation_findings(&resolved, &counted),
            ask_next: questions,
            more_questions,
            notices: self.notices(case, &person, outcome.level, &contradicted),
        };
        // The forms under consideration: recorded, shown by a present purpose fact, or (for
        // the sex trade) a prostitution offence listed.
        let forms_considered = counted
            .iter()
            .filter(|k| k.dimension.is_none())
            .filter_map(|k| self.entries.get(k.pos))
            .fold(case_forms, |m, e| m | e.forms)
            | if case
                .offences
                .iter()
                .any(|o| o.kind == OffenceKind::Prostitution)
            {
                ExploitationForm::Sexual.bit()
            } else {
                0
            };
        let recommendations = self.recommendations(
            case,
            &person,
            &tally,
            &outcome,
            &status,
            &slots,
            relevant_lists,
            forms_considered,
        );
        let contacts = self.contacts(case, &person, outcome.level, forms_considered);
        Ok(Assessment {
            case_reference: case.case_reference.clone(),
            level: outcome.level,
            score,
            score_range: ScoreRange {
                min: score,
                max: all_present.score(),
                unresolved_indicators: unresolved,
            },
            level_range: LevelRange {
                min: outcome.level,
                max: upper.level,
                could_change: upper.level != outcome.level,
            },
            level_if_child,
            rule_set: self.stamp.clone(),
            explanation,
            recommendations,
            contacts,
            catalogue: CatalogueHandle(self.catalogue.clone()),
            rules: RulesHandle(self.rule_set.clone(), self.contacts),
        })
    }

    /// The points an entry adds at a strength: its weight, or nothing for an element fact.
    fn weight_of(&self, e: &CompiledEntry, s: Strength) -> f64 {
        if e.dimension.is_some() {
            self.weight(s)
        } else {
            0.0
        }
    }

    fn gain(&self, e: &CompiledEntry, from: Strength, to: Strength) -> f64 {
        self.weight_of(e, to) - self.weight_of(e, from)
    }

    /// Resolves observations to catalogue positions, sorted by position then record order:
    /// every id must be in the catalogue and the rule set's lists, and two observations of
    /// one indicator must agree (identical ones count once).
    #[allow(clippy::type_complexity)]
    fn resolve(
        &self,
        case: &Case,
    ) -> Result<Vec<(usize, ObservationStatus, Option<EvidenceSource>, usize)>, CaseError> {
        let mut resolved: Vec<(usize, ObservationStatus, Option<EvidenceSource>, usize)> =
            Vec::with_capacity(case.observations.len());
        for (i, o) in case.observations.iter().enumerate() {
            let Some(pos) = self.catalogue.position(o.indicator.as_str()) else {
                return Err(CaseError::UnknownIndicator {
                    path: format!("$.observations[{i}].indicator"),
                    id: o.indicator.clone(),
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
        resolved.sort_unstable_by_key(|&(pos, _, _, i)| (pos, i));
        for pair in resolved.windows(2) {
            if let [(pos, _, _, i), (next, _, _, j)] = pair
                && pos == next
                && let Some(e) = case.conflict(*i, *j)
            {
                return Err(e);
            }
        }
        Ok(resolved)
    }

    /// Counts the present indicators for this person: per slot (dimension and concept, or
    /// element fact), the strongest entry.
    fn count(
        &self,
        resolved: &[(usize, ObservationStatus, Option<EvidenceSource>, usize)],
        person: &Person,
    ) -> Counting {
        let mut present: Vec<(u32, Strength, usize)> = resolved
            .iter()
            .filter(|(_, st, _, _)| *st == ObservationStatus::Present)
            .filter_map(|&(pos, _, _, _)| {
                self.entries
                    .get(pos)
                    .map(|e| (e.slot, self.strength(e, person), pos))
            })
            .collect();
        present.dedup_by_key(|p| p.2);
        // Slots are numbered in dimension order; strongest first, then catalogue order.
        present.sort_unstable_by(|a, b| (a.0, b.1, a.2).cmp(&(b.0, a.1, b.2)));
        let mut tally = Tally::default();
        let mut slots = vec![SlotState::default(); self.n_slots];
        let mut counted: Vec<Counted> = Vec::new();
        for &(slot, strength, pos) in &present {
            match counted.last_mut() {
                Some(last) if last.slot == slot => last.same_concept.push(pos),
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

    fn person(&self, case: &Case) -> Person {
        let subject = &case.subject;
        let limit = self.age_limit;
        let (limit_years, year_rule) = limit;
        // The age at the time of the act, where anything about it is recorded. Under the
        // year rule the years decide exactly, so they come first.
        let years = subject.birth_year.zip(case.exploitation_began_year);
        let by_years = years.map(|(b, y)| child_by_years(b, y, limit));
        let by_age_at = subject
            .age_at_exploitation_years
            .map(|a| child_by_age(a, limit));
        let by_minor_at = subject
            .minor_at_exploitation
            .map(|m| child_by_minority(m, limit));
        let at_act: Option<Option<bool>> = if year_rule {
            by_years.or(by_age_at).or(by_minor_at)
        } else {
            match (by_age_at, by_minor_at, by_years) {
                (Some(Some(c)), _, _) | (_, Some(Some(c)), _) | (_, _, Some(Some(c))) => {
                    Some(Some(c))
                }
                (None, None, None) => None,
                _ => Some(None),
            }
        };
        let by_now = subject
            .age_years
            .map(|a| child_by_age(a, limit))
            .or_else(|| subject.minor.map(|m| child_by_minority(m, limit)));
        let (basis, child_rules, ask_first) = match (at_act, by_now) {
            (Some(Some(child)), _) => (AgeBasis::AtExploitation, child, None),
            (None, Some(Some(child))) => (AgeBasis::Now, child, None),
            // Recorded, but not settled under the rule set's age rule.
            (Some(None), _) | (None, Some(None)) => (
                AgeBasis::NotEstablished,
                false,
                Some(AgeQuestion::BirthYear),
            ),
            (None, None) if subject.possibly_minor == Some(true) => {
                (AgeBasis::Presumed, true, None)
            }
            (None, None) => (
                AgeBasis::NotEstablished,
                false,
                Some(AgeQuestion::AgeOrReasonsToBelieveChild),
            ),
        };
        // Child protection follows the age now: under the rule set's limit (the year rule
        // concerns the definition, not protection). Where no age now is recorded, the age at
        // the act or the presumption stands in.
        let child_now = match (subject.age_years, subject.minor) {
            (Some(age), _) => age < limit_years,
            (None, Some(minor)) => minor,
            (None, None) => child_rules,
        };
        let age = match basis {
            AgeBasis::AtExploitation | AgeBasis::Now if child_rules => AgeGroup::Child,
            AgeBasis::AtExploitation | AgeBasis::Now => AgeGroup::Adult,
            AgeBasis::Presumed | AgeBasis::NotEstablished => AgeGroup::NotEstablished,
        };
        let disability = subject.disability_status();
        let exempt = (child_rules && self.exempt_children)
            || (disability == DisabilityStatus::Yes && self.exempt_disability);
        Person {
            age,
            basis,
            child_rules,
            child_now,
            ask_first,
            disability,
            exempt,
        }
    }

    fn exempt_because(&self, person: &Person) -> Vec<ExemptGroup> {
        let mut v = Vec::new();
        if person.child_rules && self.exempt_children {
            v.push(ExemptGroup::Children);
        }
        if person.disability == DisabilityStatus::Yes && self.exempt_disability {
            v.push(ExemptGroup::PersonsWithDisabilities);
        }
        v
    }

    /// The rule set's lists relevant to this person and these forms (a bit set of form bits;
    /// 0: none recorded), as a bit set.
    fn relevant_lists(&self, forms: u16, person: &Person) -> u64 {
        self.lists
            .iter()
            .enumerate()
            .filter(|(_, l)| l.audience.covers(person.age) && (forms == 0 || l.forms & forms != 0))
            .fold(0u64, |m, (i, _)| m | (1 << i))
    }

    fn dimension_findings(
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
                    element: d.element(),
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
                }
            })
            .collect()
    }

    fn clause_ref(&self, i: usize) -> Option<ClauseRef> {
        self.clauses.get(i).map(|c| ClauseRef { id: c.id.clone() })
    }

    /// The clause nearest to being met (fewest indicators missing; the first such clause in
    /// rule order) and what it needs.
    fn shortfall(&self, counts: [u32; 3]) -> Option<Shortfall> {
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

    fn element_findings(
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

    fn person_rule_finding(&self, outcome: &Outcome, person: &Person) -> PersonRuleFinding {
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

    fn observation_findings(
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

    fn notices(
        &self,
        case: &Case,
        person: &Person,
        level: Level,
        contradicted: &[(usize, usize)],
    ) -> Vec<Notice> {
        let mut notices = Vec::new();
        let plain = |kind| Notice {
            kind,
            indicators: Vec::new(),
            rule: None,
            verification: None,
            conditions: Vec::new(),
            safety: None,
            legal_basis: Arc::from([]),
        };
        if let Some(record) = case.interview.as_ref().filter(|r| r.safety.any_yes()) {
            notices.push(Notice {
                safety: Some(record.safety),
                ..plain(NoticeKind::SafetyFirst)
            });
        }
        if !case.interview_conditions.is_empty() {
            let mut conditions = case.interview_conditions.clone();
            conditions.sort_unstable();
            notices.push(Notice {
                conditions,
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
            (AgeBasis::NotEstablished, Some(AgeQuestion::BirthYear)) => {
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
        if !case.offences.is_empty() && level < self.non_punishment_threshold(person) {
            notices.push(plain(NoticeKind::OffencesBelowThreshold));
        }
        for (kind, levels, basis) in &self.rule_notices {
            if levels.get(level as usize).copied().unwrap_or(false) {
                notices.push(Notice {
                    legal_basis: basis.clone(),
                    ..plain(*kind)
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

    #[allow(clippy::too_many_arguments)]
    fn recommendations(
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
        if !case.offences.is_empty() && level >= self.non_punishment_threshold(person) {
            out.push(self.non_punishment_advisory(case, person, status, slots, relevant_lists));
        }
        for r in &self.recommendations {
            let audience_ok = match r.audience {
                RecommendationAudience::Everyone => true,
                RecommendationAudience::ChildrenAndPossibleChildren => person.child_now,
            };
            if !(audience_ok
                && r.levels.get(level as usize).copied().unwrap_or(false)
                && r.context
                    .iter()
                    .all(|c| context_holds(c, case, person, forms))
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
                .filter(|(_, (context, levels, _))| {
                    let at_level = levels.iter().all(|l| !l)
                        || levels.get(level as usize).copied().unwrap_or(false);
                    at_level
                        && context
                            .iter()
                            .all(|c| context_holds(c, case, person, forms))
                })
                .map(|(index, (context, _, basis))| RecommendationPart {
                    index: index as u32,
                    legal_basis: basis.clone(),
                    if_not_national: !rec.if_not_national && if_not_national(context, case),
                })
                .collect();
            rec.verification = r.basis;
            if r.kind == RecommendationKind::ProtectionPendingIdentification {
                let mut offences: Vec<OffenceKind> = case.offences.iter().map(|o| o.kind).collect();
                offences.sort_unstable();
                offences.dedup();
                rec.pending_offences = offences;
                rec.measures = case.measures.clone();
            }
            out.push(rec);
        }
        out
    }

    /// The lowest level at which the non-punishment advisory is given to this person.
    fn non_punishment_threshold(&self, person: &Person) -> Level {
        match &self.non_punishment.child {
            Some(child) if person.child_rules || person.child_now => child.min_level,
            _ => self.non_punishment.min_level,
        }
    }

    /// The services of the contact directory that fit this case at this level.
    fn contacts(
        &self,
        case: &Case,
        person: &Person,
        level: Level,
        forms: u16,
    ) -> Vec<ContactAdvice> {
        let Some(directory) = self.contacts else {
            return Vec::new();
        };
        directory
            .contacts
            .iter()
            .filter(|c| level >= c.min_level && level > Level::NoIndicators)
            .filter(|c| {
                c.context
                    .iter()
                    .all(|x| context_holds(x, case, person, forms))
            })
            .map(|c| ContactAdvice {
                id: c.id.clone(),
                number: c.number.as_deref().map(Text::from),
                verification: c.verification,
                checked: Text::from(c.checked.as_str()),
            })
            .collect()
    }

    fn non_punishment_advisory(
        &self,
        case: &Case,
        person: &Person,
        status: &[Option<ObservationStatus>],
        slots: &[SlotState],
        relevant_lists: u64,
    ) -> Recommendation {
        let child = self
            .non_punishment
            .child
            .as_ref()
            .filter(|_| person.child_rules || person.child_now);
        let mut offences = Vec::new();
        for link in &self.non_punishment.links {
            let kind = link.offence;
            let listed: Vec<_> = case.offences.iter().filter(|o| o.kind == kind).collect();
            if listed.is_empty() {
                continue;
            }
            let mut stages: Vec<_> = listed.iter().filter_map(|o| o.stage).collect();
            stages.sort_unstable();
            stages.dedup();
            let unconditional = child.is_some_and(|c| c.covers.contains(&kind));
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
            let (legal_basis, effect) = match child {
                Some(c) if unconditional => (c.covers_basis.clone(), Some(c.effect)),
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
        rec.offences = offences;
        rec.standards = np.standards.clone();
        rec
    }
}

/// A recommendation with only its kind and sources set.
fn recommendation(kind: RecommendationKind, legal_basis: Arc<[Citation]>) -> Recommendation {
    Recommendation {
        kind,
        for_child: false,
        legal_basis,
        offences: Vec::new(),
        standards: Arc::from([]),
        pending_offences: Vec::new(),
        measures: Vec::new(),
        if_not_national: false,
        additions: Vec::new(),
        verification: None,
    }
}
