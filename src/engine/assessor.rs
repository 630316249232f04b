//! The engine: a validated rule set compiled against a catalogue, ready to assess cases.
//!
//! Compilation turns ids into dense indices once, so an assessment does no string lookups
//! beyond resolving each observation's indicator id, and the explanation is built from cheap
//! clones of ids (process-lifetime strings for the built-in catalogue) without copying text.
//! This file holds the compiled form and the compiler; the steps of an assessment are in the
//! files beside it, in the order they run: `person`, `tally`, `rules`, `questions`,
//! `explain`, `advice`, and `assess`, which runs them as a pipeline.

use std::sync::{Arc, OnceLock};

use crate::assessment::RuleName;
use crate::assessment::{Citation, Level, NoticeKind, RecommendationKind, RuleSetStamp, Text};
use crate::case::OffenceKind;
use crate::catalogue::Catalogue;
use crate::model::error::RuleSetError;
use crate::model::id::{ConceptId, IndicatorId, ListId};
use crate::model::indicator::{Dimension, PalermoElement, Strength, Verification};
use crate::model::limits::MAX_RULE_SET_LISTS;
use crate::policy::contacts::ContactDirectory;
use crate::policy::rule_set::{
    ActEvidence, BackgroundEvidence, Condition, ContextCondition, ExemptGroup, LegalEffect,
    RecommendationAudience, RuleSet, validate_result,
};
use crate::policy::rule_set::{BUILTIN_RULE_SET_COUNT, DEFAULT_RULE_SET, builtin_position};

/// A rule set validated and compiled against a catalogue: the thing that assesses cases.
///
/// Build one with [`Assessor::new`] (which validates) or take a built-in with
/// [`Assessor::builtin`]. It is immutable and `Send + Sync`: share one across threads (it is
/// not `Clone`: keep it in an `Arc`, or use the built-in `&'static` ones).
pub struct Assessor {
    pub(super) catalogue: Arc<Catalogue>,
    pub(super) rule_set: Arc<RuleSet>,
    pub(super) stamp: Arc<RuleSetStamp>,
    /// Per catalogue entry, in catalogue order.
    pub(super) entries: Vec<CompiledEntry>,
    /// How many distinct (dimension, concept) slots the catalogue has.
    pub(super) n_slots: usize,
    /// The rule set's lists, in rule set order.
    pub(super) lists: Vec<CompiledList>,
    pub(super) clauses: Vec<CompiledClause>,
    pub(super) elements: [ElementDims; 3],
    /// Per element: the rule set's lists of element facts that evidence it (bit set).
    pub(super) element_lists: [u64; 3],
    /// The child age limit and whether Korea's year rule applies.
    pub(super) age_limit: (u8, bool),
    pub(super) exempt_children: bool,
    pub(super) exempt_disability: bool,
    pub(super) exempt_act_evidence: ActEvidence,
    pub(super) criteria: Vec<CompiledCriterion>,
    pub(super) weights: [f64; 3],
    pub(super) recommendations: Vec<CompiledRecommendation>,
    pub(super) non_punishment: CompiledNonPunishment,
    pub(super) rule_notices: Vec<CompiledNotice>,
    pub(super) contacts: Option<Contacts>,
    pub(super) person_rule_verification: Verification,
    /// How likely the purpose fact of a recorded form is (from the question priors).
    pub(super) purpose_fact_likelihood: f32,
    /// Verification marks of the dimension and person-level rules, where not verified.
    pub(super) rules_not_verified: Vec<(RuleName, Verification)>,
}

/// What it assesses by: the rule set's id and version, the two digests and the catalogue's
/// size. The compiled tables are left out: a derived `Debug` printed them all (about 590 KB
/// for a built-in rule set), and `{:?}` of a service's state ends up in its logs.
impl std::fmt::Debug for Assessor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assessor")
            .field("rule_set", &&*self.stamp.id)
            .field("version", &&*self.stamp.version)
            .field("digest", &&*self.stamp.digest)
            .field("catalogue_digest", &&*self.stamp.catalogue_digest)
            .field("catalogue_entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

#[derive(Debug)]
pub(super) struct CompiledEntry {
    pub(super) id: IndicatorId,
    /// None for an element fact.
    pub(super) dimension: Option<Dimension>,
    /// For an element fact: the element it evidences.
    pub(super) fact: Option<PalermoElement>,
    /// Evidences the act for a person exempt from the means (`ConductOrControl`).
    pub(super) act: bool,
    /// An item of appearance: score only.
    pub(super) appearance: bool,
    /// Background the rule set does not let decide alone (`background_evidence: not_alone`):
    /// counted in its dimension's combination rule and the score shown, seen by no other
    /// level rule.
    pub(super) background: bool,
    /// The forms the entry belongs to (0: every form).
    pub(super) forms: u16,
    /// Not asked of a national.
    pub(super) non_nationals_only: bool,
    /// How likely a "yes" is, per type of exploitation (`priors::TYPE_KEYS`).
    pub(super) prior: [f32; 6],
    /// The weight of the entry's lists in the question order (the priors' `list_weights`).
    pub(super) list_weight: f32,
    /// Dense concept index.
    pub(super) concept: u32,
    /// Dense index of (dimension, concept): entries of one concept in one dimension count
    /// once.
    pub(super) slot: u32,
    pub(super) adult: Strength,
    pub(super) child: Strength,
    /// Bit i set: the entry is in the rule set's list i. Zero: not weighed by this rule set.
    pub(super) lists: u64,
    /// Bit g set: the entry belongs to watch group g (the lists or indicators a condition
    /// names).
    pub(super) watch: u64,
}

#[derive(Debug)]
pub(super) struct CompiledList {
    pub(super) id: ListId,
    pub(super) audience: crate::catalogue::Audience,
    pub(super) forms: u16,
}

#[derive(Debug)]
pub(super) struct CompiledClause {
    pub(super) id: ConceptId,
    /// Cumulative needs: indicators of strength >= strong, >= medium, >= weak.
    pub(super) need: [u32; 3],
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ElementDims(pub(super) u8);

#[derive(Debug)]
pub(super) struct CompiledCriterion {
    pub(super) id: ConceptId,
    pub(super) conditions: Vec<CompiledCondition>,
}

#[derive(Debug, Clone)]
pub(super) enum CompiledCondition {
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
pub(super) struct CompiledRecommendation {
    pub(super) kind: RecommendationKind,
    pub(super) levels: [bool; 4],
    pub(super) when: Vec<CompiledCondition>,
    pub(super) audience: RecommendationAudience,
    pub(super) context: Vec<ContextCondition>,
    pub(super) legal_basis: Arc<[Citation]>,
    pub(super) standards: Arc<[Citation]>,
    pub(super) additions: Vec<CompiledAddition>,
    pub(super) basis: Option<Verification>,
}

/// An addition to a recommendation, given with it where its context holds at its levels.
#[derive(Debug)]
pub(super) struct CompiledAddition {
    /// What the case must record.
    pub(super) context: Vec<ContextCondition>,
    /// The levels it is given at (all false: every level).
    pub(super) levels: [bool; 4],
    /// Its sources.
    pub(super) legal_basis: Arc<[Citation]>,
}

/// A rule set's notice, given where its context holds at its levels.
#[derive(Debug)]
pub(super) struct CompiledNotice {
    pub(super) kind: NoticeKind,
    /// The levels it is given at.
    pub(super) levels: [bool; 4],
    /// Its sources.
    pub(super) legal_basis: Arc<[Citation]>,
    /// What the case must record.
    pub(super) context: Vec<ContextCondition>,
}

#[derive(Debug)]
pub(super) struct CompiledLink {
    pub(super) offence: OffenceKind,
    pub(super) concepts: Vec<u32>,
    pub(super) legal_basis: Arc<[Citation]>,
    pub(super) effect: Option<LegalEffect>,
}

#[derive(Debug)]
pub(super) struct CompiledChildNonPunishment {
    pub(super) min_level: Level,
    pub(super) covers: Vec<OffenceKind>,
    pub(super) legal_basis: Arc<[Citation]>,
    pub(super) covers_basis: Arc<[Citation]>,
    pub(super) effect: LegalEffect,
    /// The age of criminal responsibility and its sources, if the rule set names one.
    pub(super) below_age: Option<(u8, Arc<[Citation]>)>,
}

#[derive(Debug)]
pub(super) struct CompiledNonPunishment {
    pub(super) min_level: Level,
    pub(super) legal_basis: Arc<[Citation]>,
    pub(super) standards: Arc<[Citation]>,
    /// Per offence kind, in `OffenceKind::ALL` order.
    pub(super) links: Vec<CompiledLink>,
    pub(super) child: Option<CompiledChildNonPunishment>,
}

/// The levels in `at`, as a set indexed by level.
pub(super) fn levels_of(at: &[Level]) -> [bool; 4] {
    let mut levels = [false; 4];
    for l in at {
        if let Some(slot) = levels.get_mut(*l as usize) {
            *slot = true;
        }
    }
    levels
}

pub(super) const fn dim_bit(d: Dimension) -> u8 {
    1 << d.index()
}

pub(super) fn dims_mask(dims: &[Dimension]) -> u8 {
    dims.iter().fold(0, |m, d| m | dim_bit(*d))
}

pub(super) fn lists_mask(rule_set: &RuleSet, lists: &[ListId]) -> u64 {
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
pub(super) struct WatchGroup {
    pub(super) lists: u64,
    pub(super) ids: Vec<IndicatorId>,
}

pub(super) fn watch_bit(groups: &mut Vec<WatchGroup>, group: WatchGroup) -> u64 {
    let bit = if groups.len() < 64 {
        1u64 << groups.len()
    } else {
        0
    };
    groups.push(group);
    bit
}

/// A contact directory as an assessor uses it: the directory, and each contact's number and
/// checked date as an assessment carries them, made once (an assessment clones them: no
/// allocation per contact).
#[derive(Debug)]
pub(super) struct Contacts {
    pub(super) directory: Arc<ContactDirectory>,
    /// In directory order.
    pub(super) texts: Vec<(Option<Text>, Text)>,
}

impl Contacts {
    fn new(directory: Arc<ContactDirectory>) -> Contacts {
        let texts = directory
            .contacts
            .iter()
            .map(|c| {
                (
                    c.number.as_deref().map(Text::from),
                    Text::from(c.checked.as_str()),
                )
            })
            .collect();
        Contacts { directory, texts }
    }
}

pub(super) fn compile_condition(
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
    /// [`crate::catalogue::QuestionPriors`]): the ranking of `ask_next` and the interview
    /// follow them; levels, scores and recommendations do not change. The document is
    /// checked first, its list weights against this assessor's catalogue: a weight for a list
    /// the catalogue does not have is an error, never ignored.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::catalogue::QuestionPriors;
    /// use trafficking_indicators::{Assessor, Catalogue, RuleSet};
    ///
    /// let rules = RuleSet::builtin("kr-2024")?;
    /// let mut priors = QuestionPriors::builtin().clone();
    /// priors.default_probability = 0.5;
    /// let assessor =
    ///     Assessor::new(rules.clone(), Catalogue::builtin())?.with_question_priors(&priors)?;
    /// assert_eq!(assessor.rule_set().id, "kr-2024");
    /// // A weight for a list the catalogue does not have (a misspelt id): refused, with its place.
    /// priors.list_weights.insert("ilo_ec_2009_adult_labor".into(), 0.5);
    /// let another = Assessor::new(rules.clone(), Catalogue::builtin())?;
    /// let e = another.with_question_priors(&priors).unwrap_err();
    /// let paths: Vec<String> = e.problems().into_iter().map(|p| p.path).collect();
    /// assert_eq!(paths, ["$.list_weights.ilo_ec_2009_adult_labor"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_question_priors(
        mut self,
        priors: &crate::catalogue::priors::QuestionPriors,
    ) -> Result<Assessor, crate::model::error::PriorsError> {
        let mut problems = priors.problems();
        problems.extend(priors.list_problems(|id| self.catalogue.list(id).is_some()));
        crate::model::error::Problems::into_result(problems)
            .map_err(crate::model::error::PriorsError::Invalid)?;
        for (e, source) in self.entries.iter_mut().zip(self.catalogue.entries()) {
            e.prior = priors.column(source.ctdc_means_of_control.map(|c| c.column()));
            e.list_weight = priors.list_weight(&source.lists);
        }
        self.purpose_fact_likelihood = priors.purpose_fact_probability as f32;
        Ok(self)
    }

    /// The same assessor with another contact directory: an agency's own services in place
    /// of (or, with no directory named by the rule set, beside) the built-in one. The
    /// directory is checked as [`ContactDirectory::from_json`] checks it (a directory built in
    /// code may have been changed since it was read); each of its problems is refused with its
    /// place. Under a rule set with a `jurisdiction` (the Korean ones: `KR`), a directory of
    /// another `jurisdiction` is refused
    /// ([`ContactDirectoryError::OtherJurisdiction`](crate::model::error::ContactDirectoryError::OtherJurisdiction)),
    /// as validation refuses a rule set naming a built-in directory of another country: the
    /// services to call follow the law the advice cites. A rule set without one (`ilo-2009`,
    /// international) takes a directory of any country. The rule set's stamp is unchanged
    /// and names no directory: an assessment lists each service by its id, number, mark and
    /// checked date, not the directory it came from (keep that beside the assessment where it
    /// matters), and two assessments that differ only in their directory's words compare
    /// equal.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::policy::ContactDirectory;
    /// use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet};
    ///
    /// let mut directory =
    ///     ContactDirectory::from_json(&std::fs::read_to_string("data/contacts/kr.json")?)?;
    /// directory.id = "kr-busan-ngo".into();
    /// directory.contacts.retain(|c| c.number.as_deref() == Some("112"));
    /// let assessor = Assessor::new(RuleSet::builtin("kr-2024")?.clone(), Catalogue::builtin())?
    ///     .with_contacts(directory)?;
    /// let a = assessor.assess(&Case::from_json(r#"{"subject": {"age_years": 30}}"#)?)?;
    /// assert!(a.contacts.iter().all(|c| c.number.as_deref() == Some("112")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_contacts(
        mut self,
        directory: ContactDirectory,
    ) -> Result<Assessor, crate::model::error::ContactDirectoryError> {
        crate::model::error::Problems::into_result(directory.problems())
            .map_err(crate::model::error::ContactDirectoryError::Invalid)?;
        if let Some(own) = self.rule_set.jurisdiction.as_deref()
            && own != directory.jurisdiction
        {
            return Err(crate::model::error::ContactDirectoryError::OtherJurisdiction);
        }
        self.contacts = Some(Contacts::new(Arc::new(directory)));
        Ok(self)
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

    /// Whether the advice this assessor gives can depend on the type of sexual exploitation:
    /// a recommendation, an addition or a notice of the rule set, or a contact of its
    /// directory, is given only where the type may be (or may not be) one of some types
    /// ([`ContextCondition::SexualExploitationTypes`]). Under the Korean rule sets it can
    /// (the Sex Trade Act's notice and services); under `ilo-2009` it cannot. The
    /// [interview](crate::interview::Interview) asks the type only where this holds.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::Assessor;
    ///
    /// assert!(Assessor::builtin("kr-2024")?.advice_depends_on_sexual_exploitation_types());
    /// assert!(!Assessor::builtin("ilo-2009")?.advice_depends_on_sexual_exploitation_types());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn advice_depends_on_sexual_exploitation_types(&self) -> bool {
        let reads = |context: &[ContextCondition]| {
            context
                .iter()
                .any(|c| c.mentions(&|c| matches!(c, ContextCondition::SexualExploitationTypes(_))))
        };
        let rules = self
            .recommendations
            .iter()
            .any(|r| reads(&r.context) || r.additions.iter().any(|a| reads(&a.context)))
            || self.rule_notices.iter().any(|n| reads(&n.context));
        let contacts = self.contacts.as_ref().is_some_and(|c| {
            c.directory.contacts.iter().any(|c| {
                reads(&c.context) || c.first_screen_unless.iter().any(|u| reads(&u.context))
            })
        });
        rules || contacts
    }

    pub(super) fn compile(
        rule_set: RuleSet,
        catalogue: Arc<Catalogue>,
    ) -> Result<Assessor, RuleSetError> {
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
        // The overrides and references by id, the first where one is repeated (validation
        // refuses a repeat), looked up once per entry and per citation.
        let mut overrides: std::collections::HashMap<
            &str,
            Strength,
            crate::model::limits::SeededState,
        > = std::collections::HashMap::default();
        for o in &rule_set.strength_overrides {
            overrides.entry(o.indicator.as_str()).or_insert(o.strength);
        }
        let mut references: std::collections::HashMap<
            &str,
            &crate::catalogue::Reference,
            crate::model::limits::SeededState,
        > = std::collections::HashMap::default();
        for r in &rule_set.references {
            references.entry(r.id.as_str()).or_insert(r);
        }
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
            let overridden = overrides.get(e.id.as_str()).copied();
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
                background: e.background.is_some()
                    && !e.appearance
                    && rule_set.person_rule.background_evidence == BackgroundEvidence::NotAlone,
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
                .filter_map(|id| references.get(id.as_str()))
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
                    .map(|a| CompiledAddition {
                        context: a.context.clone(),
                        levels: levels_of(&a.at_levels),
                        legal_basis: cite(&a.legal_basis),
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
            .map(|n| CompiledNotice {
                kind: n.kind,
                levels: levels_of(&n.at_levels),
                legal_basis: cite(&n.legal_basis),
                context: n.context.clone(),
            })
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
                below_age: c.below_age.as_ref().map(|b| (b.age, cite(&b.legal_basis))),
            }),
        };
        let contacts = rule_set
            .contact_directory
            .as_deref()
            .and_then(ContactDirectory::builtin_shared)
            .and_then(Clone::clone)
            .map(Contacts::new);
        let w = &rule_set.weights;
        let stamp = Arc::new(RuleSetStamp {
            id: Text::from(rule_set.id.as_str()),
            version: Text::from(rule_set.version.as_str()),
            effective_date: Text::from(rule_set.effective_date.as_str()),
            effective_date_verification: rule_set
                .effective_date_verification
                .filter(|v| *v != crate::model::indicator::Verification::Verified),
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

    pub(super) fn weight(&self, s: Strength) -> f64 {
        self.weights.get(s.index()).copied().unwrap_or(0.0)
    }

    pub(super) fn element_dims(&self, element: PalermoElement) -> u8 {
        self.elements.get(element as usize).map_or(0, |e| e.0)
    }

    /// The points an entry adds at a strength: its weight, or nothing for an element fact.
    pub(super) fn weight_of(&self, e: &CompiledEntry, s: Strength) -> f64 {
        if e.dimension.is_some() {
            self.weight(s)
        } else {
            0.0
        }
    }

    pub(super) fn gain(&self, e: &CompiledEntry, from: Strength, to: Strength) -> f64 {
        self.weight_of(e, to) - self.weight_of(e, from)
    }
}
