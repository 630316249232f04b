//! The assessment: the level, the score and the explanation a caseworker can act on and an
//! auditor can check line by line.
//!
//! Everything here is data in a deterministic order (catalogue order, dimension order, rule
//! set order); the text report (`render::report`, which adds `Assessment::report`) is one function over it.

use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use crate::case::{CaseReference, DisabilityStatus, EvidenceSource, ObservationStatus};
use crate::case::{Count, NotShownValue};
use crate::case::{Measure, OffenceKind, OffenceStage};
use crate::model::id::{ConceptId, IndicatorId, ListId, ReferenceId};
use crate::model::indicator::Verification;
use crate::model::indicator::{
    AgeGroup, Dimension, ExploitationForm, PalermoElement, Phase, Strength,
};
pub use crate::model::vocabulary::{Level, NoticeKind, RecommendationKind};
use crate::policy::rule_set::{ActEvidence, ExemptGroup, LegalEffect};

/// Shared, immutable text taken from the rule set or catalogue (cloning it allocates nothing).
pub type Text = Arc<str>;

/// The most open questions an explanation lists; the rest are counted in
/// [`Explanation::more_questions`] and bounded by the score and level ranges.
pub const ASK_NEXT_MAX: usize = 10;

/// The catalogue an assessment was made with, kept (not serialized) so that the text report
/// can print indicator labels. Assessment JSON names indicators by id only: ids are the
/// contract, and integrators show labels in their users' languages.
#[derive(Clone)]
pub struct CatalogueHandle(pub(crate) Arc<crate::catalogue::Catalogue>);

impl CatalogueHandle {
    /// The catalogue.
    pub fn catalogue(&self) -> &crate::catalogue::Catalogue {
        &self.0
    }

    /// The published label of an indicator, or its id when the catalogue does not have it.
    pub fn label<'a>(&'a self, id: &'a IndicatorId) -> &'a str {
        self.0
            .get(id.as_str())
            .map_or(id.as_str(), |e| e.label.as_str())
    }
}

/// The rule set (and its contact directory) an assessment was made with, kept for rendering
/// its wording; not part of the JSON.
#[derive(Clone)]
pub struct RulesHandle(
    pub(crate) Arc<crate::policy::rule_set::RuleSet>,
    pub(crate) Option<Arc<crate::policy::contacts::ContactDirectory>>,
);

impl RulesHandle {
    /// The rule set.
    pub fn rule_set(&self) -> &crate::policy::rule_set::RuleSet {
        &self.0
    }

    /// The contact directory, if the rule set names one (or the assessor was given one:
    /// [`Assessor::with_contacts`](crate::Assessor::with_contacts)).
    pub fn contacts(&self) -> Option<&crate::policy::contacts::ContactDirectory> {
        self.1.as_deref()
    }
}

impl fmt::Debug for RulesHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RulesHandle({})", self.0.id)
    }
}

impl PartialEq for RulesHandle {
    /// Two handles compare equal when they hold the same rule set content.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl fmt::Debug for CatalogueHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CatalogueHandle({} entries)", self.0.len())
    }
}

impl PartialEq for CatalogueHandle {
    /// Assessments compare by content; the catalogue is identified by the stamp's digest.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The rule set and catalogue that produced an assessment, so it can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct RuleSetStamp {
    /// Rule set id.
    pub id: Text,
    /// Rule set version.
    pub version: Text,
    /// The date from which the rule set applies.
    pub effective_date: Text,
    /// How the effective date is known, where the rule set says it was not read in a source
    /// (`kr-2024`'s is computed): absent when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_date_verification: Option<crate::model::indicator::Verification>,
    /// SHA-256 of the rule set's canonical JSON.
    pub digest: Text,
    /// SHA-256 of the catalogue's canonical JSON.
    pub catalogue_digest: Text,
}

/// The score's possible range once every unresolved indicator is answered.
#[derive(Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ScoreRange {
    /// The score if every unresolved indicator turned out absent (the current score).
    pub min: f64,
    /// The score if every unresolved indicator turned out present.
    pub max: f64,
    /// How many indicators of the relevant lists are not assessed or not asked about.
    pub unresolved_indicators: u32,
}

/// The level's possible range once every unresolved indicator is answered.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct LevelRange {
    /// The level if every unresolved indicator turned out absent (the current level).
    pub min: Level,
    /// The level if every unresolved indicator turned out present.
    pub max: Level,
    /// Whether answering the unresolved indicators could change the level.
    pub could_change: bool,
}

/// The result of assessing one case: level, score, their ranges, the explanation and what
/// follows.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Assessment")]
#[non_exhaustive]
pub struct Assessment {
    /// The version of the assessment format this JSON follows: the `x-schema-version` of the
    /// schema that describes it (`schemas/assessment.schema.json`,
    /// [`SCHEMA_VERSION`](crate::interop::schema::SCHEMA_VERSION)), so that a stored
    /// assessment says which schema reads it. Major.minor.patch, as the schemas' versions.
    #[schemars(extend("pattern" = "^[0-9]+\\.[0-9]+\\.[0-9]+$"))]
    pub schema_version: &'static str,
    /// The case's pseudonymous reference, copied from the case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<CaseReference>,
    /// The level.
    pub level: Level,
    /// The weighted score, 0 to 100.
    pub score: f64,
    /// What the score could become.
    pub score_range: ScoreRange,
    /// What the level could become.
    pub level_range: LevelRange,
    /// Where the person's age (at the time of the act) is not established and the adult rules
    /// were applied: the level the child rules would give. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_if_child: Option<Level>,
    /// The rule set and catalogue used.
    pub rule_set: Arc<RuleSetStamp>,
    /// Why.
    pub explanation: Explanation,
    /// What follows.
    pub recommendations: Vec<Recommendation>,
    /// Who to call: the services of the rule set's contact directory that fit the case, in
    /// directory order. Empty when the rule set names no directory.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactAdvice>,
    /// The catalogue used, for labels in the text report (not serialized).
    #[serde(skip)]
    #[schemars(skip)]
    pub catalogue: CatalogueHandle,
    /// The rule set and contact directory used, for their wording in the text report (not
    /// serialized).
    #[serde(skip)]
    #[schemars(skip)]
    pub rules: RulesHandle,
}

/// Names the format and the rule set and counts what the assessment holds, never its findings
/// (the level, the indicators found, the advice are about a real person, and `{:?}` is what
/// ends up in logs): read the fields, or serialize it, to see them.
impl fmt::Debug for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Assessment")
            .field("schema_version", &self.schema_version)
            .field("case_reference", &self.case_reference)
            .field("rule_set", &self.rule_set.id)
            .field("rule_set_version", &self.rule_set.version)
            .field("recommendations", &self.recommendations.len())
            .field("contacts", &self.contacts.len())
            .finish_non_exhaustive()
    }
}

/// `Debug` for a part of an assessment that names its type and nothing it holds:
/// `Recommendation(<not shown>)`. Each of these is a finding about a real person (an
/// indicator found, a yes or no, a level, a score, the advice that follows), and in a list in
/// a fixed order (the dimensions, the observations) even a count or an absent field per item
/// would tell one; `{:?}` is what ends up in logs. Read the fields, or serialize the
/// assessment, to see them.
macro_rules! debug_not_shown {
    ($($t:ident $(<$lt:lifetime>)?),* $(,)?) => {$(
        impl fmt::Debug for $t $(<$lt>)? {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($t), "(<not shown>)"))
            }
        }
    )*};
}

debug_not_shown!(
    ScoreRange,
    LevelRange,
    SubjectFinding,
    CountedIndicator,
    ClauseRef,
    Need,
    Shortfall,
    StrengthCounts,
    DimensionFinding,
    ElementFinding,
    PersonRuleFinding,
    CriterionFinding,
    Contribution,
    ScoreExplanation,
    ObservationFinding,
    GroupedObservation<'_>,
    ObservationGroups<'_>,
    Question,
    Notice,
    Citation,
    IndicatorRef,
    OffenceAdvisory,
    Recommendation,
    RecommendationPart,
    ContactAdvice,
);

/// Counts the explanation's lists, as [`Assessment`]'s `Debug` counts the recommendations,
/// and names its other parts' types, never a finding (each part's own `Debug` names its type
/// only).
impl fmt::Debug for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Explanation")
            .field("subject", &self.subject)
            .field("dimensions", &Count(self.dimensions.len()))
            .field("elements", &Count(self.elements.len()))
            .field("person_rule", &self.person_rule)
            .field("reasonable_grounds", &Count(self.reasonable_grounds.len()))
            .field("score", &self.score)
            .field("observations", &Count(self.observations.len()))
            .field("ask_next", &Count(self.ask_next.len()))
            .field("more_questions", &NotShownValue)
            .field("notices", &Count(self.notices.len()))
            .finish()
    }
}

/// The disposition's name, as an [`ObservationStatus`]'s `Debug` gives its name; never the
/// indicator a concept was counted under.
impl fmt::Debug for Disposition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Disposition::Counted => f.write_str("Counted"),
            Disposition::CountedWithSameConcept { .. } => f
                .debug_struct("CountedWithSameConcept")
                .field("counted_as", &NotShownValue)
                .finish(),
            Disposition::Absent => f.write_str("Absent"),
            Disposition::NotAssessed => f.write_str("NotAssessed"),
            Disposition::ElementFact => f.write_str("ElementFact"),
            Disposition::ScoreOnly => f.write_str("ScoreOnly"),
        }
    }
}

/// How many sources, not which (as a case's `Debug` shows an observation's source).
impl fmt::Debug for SourceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SourceSet")
            .field(&Count(self.iter().count()))
            .finish()
    }
}

/// Why the assessment came out as it did.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Explanation {
    /// How the person was treated.
    pub subject: SubjectFinding,
    /// One finding per dimension, in the ILO/EC order.
    pub dimensions: Vec<DimensionFinding>,
    /// One finding per Palermo element.
    pub elements: Vec<ElementFinding>,
    /// The person-level rule and its outcome.
    pub person_rule: PersonRuleFinding,
    /// The reasonable-grounds criteria and which hold.
    pub reasonable_grounds: Vec<CriterionFinding>,
    /// How the score was made.
    pub score: ScoreExplanation,
    /// Every observation in the case and what became of it, in catalogue order. In the JSON,
    /// grouped by what became of them (counted, absent, not assessed and the rest): each
    /// group in catalogue order, an empty group left out.
    #[serde(serialize_with = "serialize_observations")]
    #[schemars(with = "ObservationGroups<'static>")]
    pub observations: Vec<ObservationFinding>,
    /// The open questions to ask next, at most 10 (`ASK_NEXT_MAX`): first those whose "present"
    /// answer would raise the level, then those that would make a dimension positive, then
    /// those in dimensions not yet positive, each group by score gain. One question per fact.
    pub ask_next: Vec<Question>,
    /// How many further open questions there are beyond `ask_next`.
    pub more_questions: u32,
    /// Things the reader must know about this assessment.
    pub notices: Vec<Notice>,
}

/// What the person's age for the child rules rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgeBasis {
    /// The age when the exploitation began (its age, minority, or years of birth and start).
    AtExploitation,
    /// The age now (no age at the act recorded).
    Now,
    /// No age recorded, and reasons to believe the person is a child: presumed a child
    /// pending age assessment.
    Presumed,
    /// Not established: the adult rules apply, and `level_if_child` gives the child rules'
    /// level.
    NotEstablished,
}

/// A fact about the person to establish before the indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgeQuestion {
    /// The person's age, or whether there are reasons to believe they are a child.
    AgeOrReasonsToBelieveChild,
    /// The year (or date) of birth: it is not recorded, and the ages recorded do not settle
    /// the age at the act under the rule set's age rule.
    BirthYear,
    /// The age when the exploitation began (`subject.age_at_exploitation_years`), or the dates
    /// of birth and of the start: the years of birth and of the start are recorded but leave
    /// the age at the act on both sides of the rule set's age limit (born 2005, exploitation
    /// began 2024, under 19 without the year rule: 18 or 19).
    AgeAtExploitation,
    /// The year the exploitation began (`exploitation_began_year`): the year of birth is
    /// recorded, but without the year of the start the ages recorded do not settle the age at
    /// the act under the rule set's age rule.
    ExploitationBeganYear,
}

/// How the person was treated.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct SubjectFinding {
    /// Age group for the child rules (at the act, under the rule set's age limit):
    /// `not_established` when presumed or not established.
    pub age_group: AgeGroup,
    /// Whether the child rules were applied (means not required where the rule set exempts
    /// children, children's strengths): a child at the time of the act, or presumed one.
    pub treated_as_child: bool,
    /// What the age for the child rules rests on.
    pub age_basis: AgeBasis,
    /// Whether child protection and child advice apply: a child now (under the rule set's age
    /// limit), or presumed one.
    pub child_protection: bool,
    /// Whether questions to the person are put in a child's words (the interview's and the
    /// report's): the age now is recorded and under the rule set's limit, or the person is
    /// presumed a child. Unlike `child_protection`, an age at the act does not stand in for
    /// the age now: a person exploited as a child may be an adult today. A choice of words,
    /// not a finding: not serialized.
    #[serde(skip)]
    #[schemars(skip)]
    pub addressed_as_child: bool,
    /// Whether the case shows the person an adult now: an age now at or over the rule set's
    /// limit, or "not a minor" where the limit is 18 or less. The report words the
    /// non-punishment advisory of a person who was a child at the act and is an adult now
    /// apart. A choice of words, not a finding: not serialized.
    #[serde(skip)]
    #[schemars(skip)]
    pub adult_now: bool,
    /// Whether the person may have been under the rule set's age of criminal responsibility
    /// when the exploitation began, though not now: the report asks to date each act. A
    /// choice of words, not a finding: not serialized.
    #[serde(skip)]
    #[schemars(skip)]
    pub below_age_at_act: bool,
    /// Whether the case records the person as a national: the report's words leave out what
    /// concerns only non-nationals (removal, refusal of entry) where it does. A choice of
    /// words: not serialized (the case records it).
    #[serde(skip)]
    #[schemars(skip)]
    pub national: bool,
    /// What to ask about the person before any indicator, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask_first: Option<AgeQuestion>,
    /// Disability as recorded; absent when not recorded (`not_known`), as in the case format
    /// (since schema 5.0.0; always written before).
    // Written for every assessment, it was 24 of the mean assessment's 6,520 bytes on the
    // batch generator's cases (twenty-eighth session).
    #[serde(skip_serializing_if = "DisabilityStatus::is_not_known")]
    #[schemars(extend("default" = "not_known"))]
    pub disability: DisabilityStatus,
    /// Whether the means element is required for this person.
    pub means_required: bool,
    /// Why the means element is not required, if it is not (left out of the JSON when empty).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub means_not_required_because: Vec<ExemptGroup>,
    /// The forms of exploitation under consideration, sorted.
    pub forms: Vec<ExploitationForm>,
    /// The types of sexual exploitation recorded, sorted (left out of the JSON when none is;
    /// since schema 4.13.0): they decide whether the sex trade's laws and services are named.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub sexual_exploitation_types: Vec<crate::case::SexualExploitationType>,
    /// The lists whose unresolved indicators were counted as open questions.
    pub relevant_lists: Vec<ListId>,
}

/// A present indicator that counted in a dimension.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct CountedIndicator {
    /// The indicator.
    pub id: IndicatorId,
    /// The strength it counted with (the child-list strength where the child rules apply).
    pub strength: Strength,
    /// Other present indicators of the same concept in this dimension, counted once with this
    /// one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same_concept: Vec<IndicatorId>,
}

/// A clause of the dimension rule, by id (its wording is in the rule set and the locale
/// data); in the JSON, the id itself.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
#[non_exhaustive]
pub struct ClauseRef {
    /// Clause id.
    pub id: ConceptId,
}

/// How many more indicators of a strength a clause needs.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Need {
    /// How many more.
    pub count: u32,
    /// Of at least this strength.
    pub min_strength: Strength,
}

/// What a negative dimension lacks: the nearest clause and what it still needs.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Shortfall {
    /// The clause nearest to being met.
    pub clause: ClauseRef,
    /// What it still needs.
    pub needs: Vec<Need>,
}

/// The count of present indicators (distinct concepts) by strength.
#[derive(Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct StrengthCounts {
    /// Strong.
    pub strong: u32,
    /// Medium.
    pub medium: u32,
    /// Weak.
    pub weak: u32,
}

/// One dimension's result under the combination rule.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct DimensionFinding {
    /// The dimension.
    pub dimension: Dimension,
    /// The Palermo element it evidences. Not in the JSON: the rule set states it (the element
    /// whose `dimensions` name it, one at most, validation checks; a dimension no element
    /// names keeps its ILO/EC element).
    #[serde(skip)]
    pub element: PalermoElement,
    /// Its phase. Not in the JSON: it follows from the dimension.
    #[serde(skip)]
    pub phase: Phase,
    /// Whether it is positive. Not in the JSON: a dimension is positive exactly when
    /// `clause_met` is there.
    #[serde(skip)]
    pub positive: bool,
    /// The clause it met, if positive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause_met: Option<ClauseRef>,
    /// What it lacks, if not positive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<Shortfall>,
    /// Present indicators by strength, as the combination rule counts them (items of
    /// appearance excluded). Not in the JSON: it is `counted` counted by strength.
    #[serde(skip)]
    pub counts: StrengthCounts,
    /// The present indicators that counted, strongest first (left out of the JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub counted: Vec<CountedIndicator>,
    /// Present items of appearance or demeanour: they add to the score but not to the
    /// combination rule or any level rule.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appearance: Vec<IndicatorId>,
    /// Positive, but only on indicators the catalogue marks as background (the person's own
    /// circumstances) and the rule set does not let decide alone (`background_evidence:
    /// not_alone`): it evidences no element and meets no `any_dimension_positive` condition.
    /// Left out of the JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub background_only: bool,
}

/// One Palermo element's result.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ElementFinding {
    /// The element.
    pub element: PalermoElement,
    /// Whether this person's definition requires it.
    pub required: bool,
    /// Whether it is met.
    pub met: bool,
    /// What evidences it for this person.
    pub evidence: ActEvidence,
    /// The dimensions that make it up. Not in the JSON: the rule set states them.
    #[serde(skip)]
    pub dimensions: Vec<Dimension>,
    /// Those of them that are positive by the combination rule (left out of the JSON when
    /// none). One positive on the person's own circumstances alone
    /// (`dimensions[].background_only`) is listed, but does not evidence the element.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub positive_dimensions: Vec<Dimension>,
    /// The lists of element facts that evidence it directly (`palermo_purpose`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<ListId>,
    /// Present indicators that evidence it outside the dimension rule, in catalogue order:
    /// element facts (purpose, act) and, for the act of a person exempt from the means, the
    /// recruiter-conduct and destination-control indicators that evidence it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorId>,
}

/// Which form of the person-level rule applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PersonRuleForm {
    /// Act, means and purpose are all required (adults).
    ActMeansPurpose,
    /// Act and purpose; the means are not required (children and possible children, and in
    /// some rule sets persons with disabilities).
    ActPurpose,
}

/// The person-level rule and its outcome.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct PersonRuleFinding {
    /// Which form applied.
    pub form: PersonRuleForm,
    /// Whether the definition is met.
    pub met: bool,
    /// Required elements not met, in Palermo order.
    pub missing: Vec<PalermoElement>,
    /// The rule's verification mark in the rule set.
    pub verification: Verification,
}

/// One reasonable-grounds criterion and whether it holds.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct CriterionFinding {
    /// Criterion id.
    pub id: ConceptId,
    /// Whether it holds.
    pub met: bool,
}

/// One present indicator's share of the score.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Contribution {
    /// The indicator.
    pub id: IndicatorId,
    /// Its dimension. Not in the JSON: the catalogue states it.
    #[serde(skip)]
    pub dimension: Dimension,
    /// The strength it counted with. Not in the JSON: the dimension finding's `counted` states
    /// it (for an item of appearance, the rule set does: [`crate::Assessor::strength_for`]).
    #[serde(skip)]
    pub strength: Strength,
    /// The rule set's weight for that strength. Not in the JSON: the rule set states it
    /// (`points` is it times `scale`).
    #[serde(skip)]
    pub weight: f64,
    /// The points it adds: the weight, scaled down proportionally when the raw total exceeds
    /// the cap. The points of all contributions sum to the score.
    pub points: f64,
}

/// How the score was made.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ScoreExplanation {
    /// The sum of the weights of the counted indicators.
    pub raw_points: f64,
    /// The cap (100).
    pub cap: f64,
    /// The factor applied to each weight (1 unless the raw total exceeds the cap).
    pub scale: f64,
    /// One contribution per counted indicator, in dimension order, strongest first.
    pub contributions: Vec<Contribution>,
}

/// What became of an observation.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "disposition")]
#[non_exhaustive]
pub enum Disposition {
    /// Present and counted.
    Counted,
    /// Present; counted once together with another present indicator of the same concept in
    /// the same dimension.
    CountedWithSameConcept {
        /// The indicator the concept was counted under.
        counted_as: IndicatorId,
    },
    /// Recorded as absent.
    Absent,
    /// Recorded as not assessed: an open question, not an absence.
    NotAssessed,
    /// Present; an element fact (purpose or act), shown under its element and in no
    /// dimension or score.
    ElementFact,
    /// Present; an item of appearance or demeanour, counted in the score only.
    ScoreOnly,
}

/// A set of evidence sources, serialized as a JSON array in the fixed order `self_report`,
/// `document`, `direct_observation`, `third_party` (so the output never depends on the order
/// observations were recorded in).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SourceSet(u8);

impl SourceSet {
    fn bit(source: EvidenceSource) -> u8 {
        1 << (source as u8)
    }

    /// Adds a source.
    pub fn insert(&mut self, source: EvidenceSource) {
        self.0 |= SourceSet::bit(source);
    }

    /// Whether the set has `source`.
    pub fn contains(&self, source: EvidenceSource) -> bool {
        self.0 & SourceSet::bit(source) != 0
    }

    /// The sources, in the fixed order.
    pub fn iter(&self) -> impl Iterator<Item = EvidenceSource> + '_ {
        EvidenceSource::ALL
            .into_iter()
            .filter(|s| self.contains(*s))
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl FromIterator<EvidenceSource> for SourceSet {
    fn from_iter<I: IntoIterator<Item = EvidenceSource>>(iter: I) -> Self {
        let mut set = SourceSet::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

impl Serialize for SourceSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl JsonSchema for SourceSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourceSet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let item = generator.subschema_for::<EvidenceSource>();
        schemars::json_schema!({
            "description": "Evidence sources, without repeats, in the order self_report, document, direct_observation, third_party.",
            "type": "array",
            "items": item,
            "uniqueItems": true,
            "maxItems": 4
        })
    }
}

/// One observation of the case and what became of it.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ObservationFinding {
    /// The indicator.
    pub id: IndicatorId,
    /// Its dimension (none for an element fact). Not in the JSON: the catalogue states it.
    #[serde(skip)]
    pub dimension: Option<Dimension>,
    /// The recorded status. Not in the JSON: the disposition implies it (`absent`,
    /// `not_assessed`, otherwise present).
    #[serde(skip)]
    pub status: ObservationStatus,
    /// The evidence sources recorded, in a fixed order, without repeats (left out of the JSON
    /// when none was recorded).
    #[serde(skip_serializing_if = "SourceSet::is_empty")]
    pub sources: SourceSet,
    /// How many identical observations were merged into this one (left out of the JSON when it
    /// was recorded once).
    #[serde(skip_serializing_if = "is_one", default = "one")]
    #[schemars(extend("default" = 1))]
    pub recorded: u32,
    /// What became of it.
    #[serde(flatten)]
    pub disposition: Disposition,
}

/// An observation in the JSON, within its group (counted, absent, not assessed and the rest).
#[derive(Serialize, JsonSchema)]
#[non_exhaustive]
pub struct GroupedObservation<'a> {
    /// The indicator.
    pub id: &'a IndicatorId,
    /// The evidence sources recorded, in a fixed order, without repeats (left out when none).
    #[serde(skip_serializing_if = "SourceSet::is_empty")]
    pub sources: SourceSet,
    /// How many identical observations were merged into this one (left out when it was
    /// recorded once).
    #[serde(skip_serializing_if = "is_one")]
    #[schemars(extend("default" = 1))]
    pub recorded: u32,
    /// In `counted_with_same_concept`: the indicator the concept was counted under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_as: Option<&'a IndicatorId>,
}

/// The JSON form of the explanation's `observations`: the observations grouped by what became of
/// them, each group in catalogue order, an empty group left out. The group names the
/// disposition, and with it the recorded status: `absent` and `not_assessed` as recorded,
/// every other group present.
#[derive(Default, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ObservationGroups<'a> {
    /// Present and counted.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub counted: Vec<GroupedObservation<'a>>,
    /// Present; counted once together with another present indicator of the same concept in
    /// the same dimension (`counted_as`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub counted_with_same_concept: Vec<GroupedObservation<'a>>,
    /// Present; an element fact (purpose or act), shown under its element and in no dimension
    /// or score.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub element_fact: Vec<GroupedObservation<'a>>,
    /// Present; an item of appearance or demeanour, counted in the score only.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub score_only: Vec<GroupedObservation<'a>>,
    /// Recorded as absent.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub absent: Vec<GroupedObservation<'a>>,
    /// Recorded as not assessed: open questions, not absences.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub not_assessed: Vec<GroupedObservation<'a>>,
}

impl<'a> ObservationGroups<'a> {
    /// Groups observation findings by disposition, keeping their order within each group.
    pub fn of(findings: &'a [ObservationFinding]) -> ObservationGroups<'a> {
        let mut groups = ObservationGroups::default();
        let ObservationGroups {
            counted,
            counted_with_same_concept,
            element_fact,
            score_only,
            absent,
            not_assessed,
        } = &mut groups;
        // In field order, as `group_of` numbers them.
        let mut lists = [
            counted,
            counted_with_same_concept,
            element_fact,
            score_only,
            absent,
            not_assessed,
        ];
        for f in findings {
            let (group, grouped) = group_of(f);
            if let Some(list) = lists.get_mut(group) {
                list.push(grouped);
            }
        }
        groups
    }
}

/// The group of [`ObservationGroups`] a finding goes in (its field, in field order), and the
/// finding as that group lists it.
fn group_of(f: &ObservationFinding) -> (usize, GroupedObservation<'_>) {
    let (group, counted_as) = match &f.disposition {
        Disposition::Counted => (0, None),
        Disposition::CountedWithSameConcept { counted_as } => (1, Some(counted_as)),
        Disposition::ElementFact => (2, None),
        Disposition::ScoreOnly => (3, None),
        Disposition::Absent => (4, None),
        Disposition::NotAssessed => (5, None),
    };
    let grouped = GroupedObservation {
        id: &f.id,
        sources: f.sources,
        recorded: f.recorded,
        counted_as,
    };
    (group, grouped)
}

/// One group of [`ObservationGroups`], serialized straight from the findings.
struct FindingGroup<'a> {
    findings: &'a [ObservationFinding],
    group: usize,
}

impl Serialize for FindingGroup<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.findings.iter().filter_map(|f| {
            let (group, grouped) = group_of(f);
            (group == self.group).then_some(grouped)
        }))
    }
}

/// Writes the findings as [`ObservationGroups::of`] groups them, the same JSON, without
/// building the groups (an assessment is written far more often than its groups are read).
fn serialize_observations<S: serde::Serializer>(
    findings: &[ObservationFinding],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    const FIELDS: [&str; 6] = [
        "counted",
        "counted_with_same_concept",
        "element_fact",
        "score_only",
        "absent",
        "not_assessed",
    ];
    let mut present = [false; 6];
    for f in findings {
        if let Some(p) = present.get_mut(group_of(f).0) {
            *p = true;
        }
    }
    let len = present.iter().filter(|p| **p).count();
    let mut groups = serializer.serialize_struct("ObservationGroups", len)?;
    for (group, (name, present)) in FIELDS.into_iter().zip(present).enumerate() {
        if present {
            groups.serialize_field(name, &FindingGroup { findings, group })?;
        } else {
            groups.skip_field(name)?;
        }
    }
    groups.end()
}

/// An unresolved indicator worth asking about, with what a "present" answer would do.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Question {
    /// The indicator.
    pub id: IndicatorId,
    /// Its dimension (none for an element fact). Not in the JSON: the catalogue states it.
    #[serde(skip)]
    pub dimension: Option<Dimension>,
    /// The strength it would count with. Not in the JSON: the rule set states it (its strength
    /// overrides, its children's list where `subject.treated_as_child`, else the catalogue's
    /// strength): [`crate::Assessor::strength_for`].
    #[serde(skip)]
    pub strength: Strength,
    /// The level if it were present (everything else unchanged).
    pub level_if_present: Level,
    /// Whether it would make its dimension positive (left out of the JSON when not).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub makes_dimension_positive: bool,
    /// How much the score would rise.
    pub score_gain: f64,
}

/// A rule of a rule set, named in a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleName {
    /// The dimension rule (the ILO/EC combination rule).
    DimensionRule,
    /// The person-level rule.
    PersonRule,
}

/// Something the reader must know about this assessment.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Notice {
    /// What kind.
    pub kind: NoticeKind,
    /// For `same_fact_answered_both_ways`: the indicator answered absent, then the one
    /// answered present.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorId>,
    /// For `rule_not_verified`: which rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleName>,
    /// For `rule_not_verified`: its mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// For `interview_conditions_unsafe`: the conditions recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<crate::case::InterviewCondition>,
    /// For `safety_first` and `safety_not_known`: the safety answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safety: Option<crate::case::Safety>,
    /// For `offences_below_threshold`: the offences listed in the case that the
    /// non-punishment advisory leaves out at this level, each kind once, in order. Present
    /// on every such notice since schema 4.11.0 (never empty there); left out of every other
    /// notice, and of such a notice written under 4.10.0 or earlier.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offences: Vec<OffenceKind>,
    /// For `offences_below_threshold`: the level from which the advisory would name them.
    /// Present on every such notice since schema 4.11.0; left out of every other notice, and
    /// of such a notice written under 4.10.0 or earlier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_level: Option<Level>,
    /// Its legal sources, for a rule set's notice.
    #[serde(skip_serializing_if = "<[Citation]>::is_empty")]
    pub legal_basis: Arc<[Citation]>,
}

/// A source a recommendation rests on.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Citation {
    /// The reference id in the rule set (its title is in the rule set and the locale data).
    pub reference: ReferenceId,
    /// How sure the rule set is that the source says what it is cited for.
    pub verification: Verification,
}

/// No citations: one shared empty list, so that an assessment does not allocate one per
/// notice and recommendation.
pub(crate) fn no_citations() -> std::sync::Arc<[Citation]> {
    static EMPTY: std::sync::OnceLock<std::sync::Arc<[Citation]>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| std::sync::Arc::from([])).clone()
}

/// An indicator and its dimension.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct IndicatorRef {
    /// The indicator.
    pub id: IndicatorId,
    /// Its dimension (none for an element fact). Not in the JSON: the catalogue states it.
    #[serde(skip)]
    pub dimension: Option<Dimension>,
}

/// The non-punishment advisory for one kind of offence.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct OffenceAdvisory {
    /// The offence.
    pub offence: OffenceKind,
    /// The recorded stages of proceedings, sorted, without repeats.
    pub stages: Vec<OffenceStage>,
    /// How many offences of this kind the case lists.
    pub recorded: u32,
    /// Present indicators that point to compulsion in this offence.
    pub linked_indicators: Vec<IndicatorRef>,
    /// Unresolved indicators that could show compulsion: ask about them.
    pub ask_about: Vec<IndicatorId>,
    /// The legal sources for this offence in particular.
    #[serde(skip_serializing_if = "<[Citation]>::is_empty")]
    pub legal_basis: Arc<[Citation]>,
    /// What those sources do for the person: mandatory, discretionary, or a standard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<LegalEffect>,
    /// Covered for a child whatever the indicators show: whether the child was compelled is
    /// not asked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unconditional: bool,
}

/// A step that follows from the assessment, with its legal source. Decision support, never a
/// legal determination.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Recommendation {
    /// What kind of step. Its wording is the rule set's text for this kind, in the locale
    /// data under `rules.<text namespace>.recommendation.<kind>`.
    pub kind: RecommendationKind,
    /// For the non-punishment advisory: the advisory for a child was given.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub for_child: bool,
    /// For the child's non-punishment advisory: the child's age now is under the rule set's
    /// age of criminal responsibility, so no offence listed is punished, whatever the
    /// indicators show (each is `unconditional`, with that source). Since schema 5.1.0.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub below_age_of_responsibility: bool,
    /// Its sources.
    pub legal_basis: Arc<[Citation]>,
    /// For the non-punishment advisory: one entry per offence kind listed in the case that
    /// the advisory names at this level (a child's offence that no law spares outright is
    /// named from further inquiry; the notice `offences_below_threshold` lists the others).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offences: Vec<OffenceAdvisory>,
    /// International standards named beside the legal basis, never as obligations.
    #[serde(skip_serializing_if = "<[Citation]>::is_empty")]
    pub standards: Arc<[Citation]>,
    /// For protection pending identification: the offences listed in the case, each kind
    /// once, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_offences: Vec<OffenceKind>,
    /// For protection pending identification and the non-punishment advisory: the offences
    /// listed in the case every listing of which is recorded `charged` or `convicted`, each
    /// kind once, in order (for the advisory, only those it names). The decision to charge
    /// is past for them: the advice is to bring the indicators to the prosecutor or court
    /// handling the case, not to wait before charging.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub already_charged: Vec<OffenceKind>,
    /// For protection pending identification: the measures listed in the case, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Advice for non-nationals where nationality is not recorded: it applies if the person
    /// is not a national.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub if_not_national: bool,
    /// Further advice that fits this case (for example a stay of deportation for a
    /// non-national in the sex trade), each with its own sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub additions: Vec<RecommendationPart>,
    /// Where giving it at this level is the rule set's own choice: its verification mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
}

/// Further advice within a recommendation, with its own sources.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct RecommendationPart {
    /// Which addition of the rule set's recommendation (from 0): its wording is under
    /// `rules.<text namespace>.recommendation.<kind>.addition.<index>`.
    pub index: u32,
    /// Its legal sources.
    pub legal_basis: Arc<[Citation]>,
    /// It is for non-nationals and nationality is not recorded: it applies if the person is
    /// not a national.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub if_not_national: bool,
}

/// A service to call or refer to, from the rule set's contact directory, fitting the person,
/// the form and the sector.
#[derive(Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ContactAdvice {
    /// The contact's id in the directory (its name, how to reach it and what it does are in
    /// the directory and the locale data).
    pub id: ConceptId,
    /// The number to dial, where one national number was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<Text>,
    /// How sure the directory is of the number and name.
    pub verification: Verification,
    /// When they were checked, `YYYY-MM-DD`.
    pub checked: Text,
    /// The directory leaves it off the report's first screen for this case (its
    /// `first_screen_unless`); the full list names it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub off_first_screen: bool,
}

impl Assessment {
    /// The assessment as compact JSON. The same case and rule set always give the same bytes.
    ///
    /// Writing cannot fail: every part of an assessment has a JSON form (every map key is a
    /// string; a number that is not finite is written as `null`), so the empty string a
    /// failure would give is never returned: the bundled cases' snapshots compare every
    /// bundled assessment's JSON, and the case format's fuzz target checks each assessment
    /// it makes against serde_json's own writing, which stops the run on a failure.
    pub fn to_json(&self) -> String {
        crate::model::json_out::to_vec(self)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// The assessment as indented JSON (the same values as [`Assessment::to_json`], which
    /// says why writing cannot fail).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The recommendation of a kind, if given.
    pub fn recommendation(&self, kind: RecommendationKind) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.kind == kind)
    }

    /// The finding for one dimension.
    pub fn dimension(&self, dimension: Dimension) -> Option<&DimensionFinding> {
        self.explanation
            .dimensions
            .iter()
            .find(|d| d.dimension == dimension)
    }

    /// The indicators recorded present in the case, in catalogue order.
    pub fn present_indicators(&self) -> impl Iterator<Item = &IndicatorId> {
        self.explanation
            .observations
            .iter()
            .filter(|o| o.status == ObservationStatus::Present)
            .map(|o| &o.id)
    }

    /// The dimensions that are positive, in ILO/EC order.
    pub fn positive_dimensions(&self) -> Vec<Dimension> {
        self.explanation
            .dimensions
            .iter()
            .filter(|d| d.positive)
            .map(|d| d.dimension)
            .collect()
    }
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn one() -> u32 {
    1
}
