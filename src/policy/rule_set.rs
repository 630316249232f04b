//! Rule sets: the policy that turns observations into a level, as validated, versioned data.
//!
//! Who decides what counts as reasonable grounds is a policy body, not a programmer, so every
//! number and threshold the assessment uses lives in a [`RuleSet`] document with its sources:
//! the weights, the ILO/EC combination rule's clauses, the person-level rule, the
//! reasonable-grounds criteria, the non-punishment links and the recommendations. The crate
//! ships three: `ilo-2009` (the default), `kr-2024` and `kr-2023`; the Korean ones declare the
//! jurisdiction `KR` and cite Korean law as the legal basis of every recommendation.
//!
//! A rule set is checked against a catalogue by [`validate`], which reports every problem at
//! once with its JSON path; only a valid rule set can become an [`Assessor`](crate::Assessor).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::OffenceKind;
use crate::catalogue::{Catalogue, Reference};
use crate::model::error::{Problem, Problems, RuleSetError};
use crate::model::id::{
    BUILTIN_RULE_SET_IDS, ConceptId, IndicatorId, ListId, ReferenceId, is_token,
};
use crate::model::indicator::{Dimension, PalermoElement, Strength, Verification};
use crate::model::limits::{Limits, SeededState, repeats, text};
use crate::model::vocabulary::{Level, RecommendationKind};
pub use crate::policy::context::ContextCondition;

/// The version of the rule set file format this crate reads and writes.
pub const RULE_SET_FORMAT_VERSION: u32 = 1;

/// The highest score: scores are bounded to 0..=100.
pub const SCORE_CAP: f64 = 100.0;

/// The id of the default rule set.
pub const DEFAULT_RULE_SET: &str = BUILTIN_RULE_SET_IDS[0];

/// The built-in rule set files, each with its id (written once, in `model::id`; a test checks
/// that every file declares the id it is listed under).
const BUILTIN_RULE_SETS: [(&str, &str, &str); 3] = [
    (
        BUILTIN_RULE_SET_IDS[0],
        "data/rule_sets/ilo-2009.json",
        include_str!("../../data/rule_sets/ilo-2009.json"),
    ),
    (
        BUILTIN_RULE_SET_IDS[1],
        "data/rule_sets/kr-2023.json",
        include_str!("../../data/rule_sets/kr-2023.json"),
    ),
    (
        BUILTIN_RULE_SET_IDS[2],
        "data/rule_sets/kr-2024.json",
        include_str!("../../data/rule_sets/kr-2024.json"),
    ),
];

/// How many rule sets are built in.
pub(crate) const BUILTIN_RULE_SET_COUNT: usize = BUILTIN_RULE_SETS.len();

/// The position of a built-in rule set among [`RuleSet::builtin_ids`], if `id` is one.
pub(crate) fn builtin_position(id: &str) -> Option<usize> {
    BUILTIN_RULE_SETS.iter().position(|(i, _, _)| *i == id)
}

/// Why a rule, weight or threshold is what it is: its sources, how sure we are, and the
/// reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// Ids of the rule set's references this rests on (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<ReferenceId>,
    /// The verification mark of the rule itself.
    pub verification: Verification,
    /// The reasoning, in a few plain sentences.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub rationale: String,
}

/// The weight a present indicator of one strength adds to the score: more than 0, at most
/// the score's cap (100), and strong at least medium at least weak (that order is checked by
/// the library only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Points for a strong indicator.
    #[schemars(range(max = SCORE_CAP), extend("exclusiveMinimum" = 0))]
    pub strong: f64,
    /// Points for a medium indicator.
    #[schemars(range(max = SCORE_CAP), extend("exclusiveMinimum" = 0))]
    pub medium: f64,
    /// Points for a weak indicator.
    #[schemars(range(max = SCORE_CAP), extend("exclusiveMinimum" = 0))]
    pub weak: f64,
    /// Why these numbers.
    pub basis: Basis,
}

impl Weights {
    /// The weight of a strength.
    pub fn of(&self, strength: Strength) -> f64 {
        match strength {
            Strength::Strong => self.strong,
            Strength::Medium => self.medium,
            Strength::Weak => self.weak,
        }
    }
}

/// "At least `at_least` present indicators of strength `min_strength` or stronger".
///
/// A stronger indicator can always stand in for a weaker one, which keeps the rule monotone:
/// more or stronger evidence never turns a positive dimension negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// How many indicators.
    #[schemars(range(min = 1))]
    pub at_least: u32,
    /// Of at least this strength.
    pub min_strength: Strength,
}

/// One clause of the dimension rule: the dimension is positive when all its requirements are
/// met by distinct present indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable clause id, e.g. `strong_plus_one`.
    pub id: crate::model::id::ConceptId,
    /// The clause in words, e.g. "one strong plus one medium or weak".
    #[schemars(length(min = 1, max = text::LABEL))]
    pub label: String,
    /// The requirements, met together by distinct indicators.
    #[schemars(length(min = 1))]
    pub requires: Vec<Requirement>,
}

/// When a dimension is positive: when any clause is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionRule {
    /// The clauses, in the order the explanation reports them.
    #[schemars(length(min = 1))]
    pub clauses: Vec<Clause>,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// Which dimensions make up one Palermo element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementRule {
    /// The element.
    pub element: PalermoElement,
    /// The dimensions that evidence it; the element is met when any of them is positive.
    #[schemars(length(min = 1))]
    pub dimensions: Vec<Dimension>,
    /// Lists of element facts (entries without a dimension, such as `palermo_purpose`) that
    /// also evidence it: the element is met when any of their entries is present, whatever
    /// the dimensions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<ListId>,
}

/// A group of people for whom a rule set does not require the means element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExemptGroup {
    /// Children under the rule set's age rule, and persons presumed children pending age
    /// assessment (`possibly_minor`).
    Children,
    /// Persons with a disability (Korea's 2021 Act).
    PersonsWithDisabilities,
}

/// How the act element is evidenced for a person exempt from the means element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActEvidence {
    /// A positive act dimension, as for everyone else.
    PositiveDimension,
    /// Any present indicator in an act dimension: without the means requirement, the
    /// recruitment dimensions' indicators evidence the act itself.
    AnyPresentIndicator,
    /// A present act fact (list `palermo_acts`), a present recruitment-phase indicator that
    /// the catalogue marks as conduct of a recruiter (`act_evidence`), or a present indicator
    /// of coercion at destination that the catalogue marks as control over where the person
    /// is (kept, held or moved: harbouring, receipt or transfer). Not coercion that shows
    /// neither (withheld pay, threats, violence alone), not background vulnerability, and
    /// never an item of appearance.
    ConductOrControl,
}

/// Who counts as a child for the rule that the means are not required, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRule {
    /// A person younger than this (in whole years) is a child for the means rule: 18 under
    /// Palermo Art. 3(d), 19 for Korea's children and youth.
    #[schemars(range(min = 1, max = 30))]
    pub child_under: u8,
    /// Korea's year rule as in force on 1 January 2023: a person who has reached 1 January of
    /// the year in which they turn `child_under` is not a child. With it, only the years of
    /// birth and of the act settle the age at its limit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_rule: bool,
    /// Where the limit comes from.
    pub basis: Basis,
}

impl AgeRule {
    /// Palermo Art. 3(d): under 18, no year rule (the rule of a rule set that names none).
    pub const PALERMO_CHILD_UNDER: u8 = 18;
}

/// The person-level rule: which dimensions make up which element, and who is exempt from
/// the means element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRule {
    /// The three elements and their dimensions, each element once.
    #[schemars(length(min = 3, max = 3))]
    pub elements: Vec<ElementRule>,
    /// Who does not need the means element.
    #[serde(default)]
    pub means_not_required_for: Vec<ExemptGroup>,
    /// How the act is evidenced for someone exempt from the means element.
    pub exempt_act_evidence: ActEvidence,
    /// What entries the catalogue marks as background (the person's own circumstances) can
    /// decide. Absent: `counts`, the ILO/EC reading.
    #[serde(default, skip_serializing_if = "BackgroundEvidence::is_counts")]
    pub background_evidence: BackgroundEvidence,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// What the entries the catalogue marks as background (`background`: poverty, a family to
/// support, a residence permit tied to the employer, a hard past) can decide.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackgroundEvidence {
    /// They count like any other indicator: a vulnerability dimension positive on them alone
    /// evidences its element (the ILO/EC reading, in which the dimension is the means).
    #[default]
    Counts,
    /// They still count in their dimension's combination rule and in the score shown, but no
    /// level rule is met because of them: a dimension evidences an element, or meets
    /// `any_dimension_positive`, only when it is positive and holds a present indicator that
    /// is not background; the indicator conditions do not see them, and the score the
    /// criteria read leaves them out, as it leaves out items of appearance; and they alone do
    /// not give further inquiry. Palermo's means is the *abuse* of a position of
    /// vulnerability, and Korea's Act (Art. 2(1)) the *taking advantage* of a state of
    /// desperation: being poor is neither.
    NotAlone,
}

impl BackgroundEvidence {
    /// The default, the ILO/EC reading (left out of a rule set's JSON).
    pub fn is_counts(&self) -> bool {
        *self == BackgroundEvidence::Counts
    }
}

/// A condition in a reasonable-grounds criterion. Every condition is monotone: more present
/// evidence never makes a true condition false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Condition {
    /// The element is met under the person rule (for the act of a person exempt from the
    /// means, as the person rule's `exempt_act_evidence` says).
    ElementMet(PalermoElement),
    /// At least one of these dimensions is positive.
    AnyDimensionPositive(#[schemars(length(min = 1))] Vec<Dimension>),
    /// At least one indicator of at least `min_strength` is present in one of `dimensions`.
    IndicatorPresent {
        /// Where to look.
        #[schemars(length(min = 1))]
        dimensions: Vec<Dimension>,
        /// How strong it must be.
        min_strength: Strength,
    },
    /// The score is at least this.
    ScoreAtLeast(f64),
    /// The person is exempt from the means element (a child, a possible child, or another
    /// group the person rule names).
    MeansNotRequired,
    /// At least one entry of these lists is present with at least `min_strength`. Items of
    /// appearance never count.
    ListIndicatorPresent {
        /// The lists.
        #[schemars(length(min = 1))]
        lists: Vec<ListId>,
        /// How strong it must be.
        min_strength: Strength,
    },
    /// At least one of these indicators is present with at least `min_strength`. Items of
    /// appearance never count.
    AnyIndicatorPresent {
        /// The indicators.
        #[schemars(length(min = 1))]
        indicators: Vec<IndicatorId>,
        /// How strong it must be.
        min_strength: Strength,
    },
    /// The person is treated as a child under the rule set's age rule (a child at the time
    /// of the act, or presumed one pending age assessment).
    TreatedAsChild,
    /// At least one of these conditions holds.
    Any(#[schemars(length(min = 1))] Vec<Condition>),
}

/// What a legal source does for the person: decides how an advisory is worded.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LegalEffect {
    /// The law says the person is not punished: mandatory.
    NotPunished,
    /// The court may reduce or waive the penalty: discretionary, not a bar to prosecution.
    PenaltyMayBeReducedOrWaived,
    /// An international standard the decision-maker should consider.
    StandardToConsider,
}

impl LegalEffect {
    /// A plain label.
    pub const fn label(self) -> &'static str {
        match self {
            LegalEffect::NotPunished => "not punished (mandatory)",
            LegalEffect::PenaltyMayBeReducedOrWaived => {
                "the court may reduce or waive the sentence (discretionary)"
            }
            LegalEffect::StandardToConsider => "international standard to consider",
        }
    }
}

/// One way to reach reasonable grounds: all its conditions hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable criterion id.
    pub id: ConceptId,
    /// The criterion in words.
    #[schemars(length(min = 1, max = text::LABEL))]
    pub label: String,
    /// The conditions, all required.
    #[schemars(length(min = 1))]
    pub all: Vec<Condition>,
    /// Why this criterion gives reasonable grounds.
    pub basis: Basis,
}

/// The level criteria. `no_indicators` and `further_inquiry` are fixed by definition (no
/// present indicator; some present indicator); `definition_met` is the person rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelRules {
    /// Reasonable grounds hold when any of these criteria holds (or the definition is met).
    #[schemars(length(min = 1))]
    pub reasonable_grounds: Vec<Criterion>,
}

/// Links an offence to the indicators that point to compulsion in committing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OffenceLink {
    /// The offence.
    pub offence: OffenceKind,
    /// Concepts whose present indicators point to compulsion for this offence.
    #[schemars(length(min = 1))]
    pub concepts: Vec<ConceptId>,
    /// Why these indicators are linked to this offence.
    #[schemars(length(min = 1, max = text::NOTE))]
    pub reason: String,
    /// The legal sources for this offence in particular (ids of the rule set's references),
    /// beside the advisory's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<ReferenceId>,
    /// What those sources do for the person (mandatory, discretionary or a standard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<LegalEffect>,
}

/// The non-punishment advisory for a child: it covers the offences named in `covers`
/// whatever the indicators show, and every other linked offence, without asking whether the
/// child was compelled. For a person who was a child at the time of the act and is an adult
/// now, the report words it apart (an offence may be an adult's, and then compulsion is asked
/// about again); below the age of criminal responsibility (`below_age`) no offence is
/// punished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildNonPunishmentRule {
    /// The lowest level at which it names an offence in `covers` for a child now (or presumed
    /// one), and every offence of a child under the age of criminal responsibility
    /// (`below_age`); every other offence, and a covered one of a person who was a child only
    /// at the time of the act, is named from further inquiry at the lowest.
    pub min_level: Level,
    /// Offences covered for a child whatever the indicators show (a child in the sex trade
    /// is a victim: `prostitution`).
    #[schemars(length(min = 1))]
    pub covers: Vec<OffenceKind>,
    /// The advisory's wording for a child.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub text: String,
    /// The legal sources (ids of the rule set's references).
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
    /// What those sources do for a child.
    pub effect: LegalEffect,
    /// The sources that cover the offences in `covers` for a child (ids of the rule set's
    /// references), cited on those offences' lines; since schema 4.11.0 they need not be among
    /// the advisory's own legal basis.
    #[schemars(length(min = 1))]
    pub covers_basis: Vec<ReferenceId>,
    /// The age of criminal responsibility, where the rule set's law sets one: a child whose
    /// age now is recorded and under it is not punished for any offence, whatever the
    /// indicators show (Korea: under 14, Criminal Act Art. 9). Since schema 5.1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below_age: Option<BelowAgeRule>,
}

/// The age of criminal responsibility of a rule set's law, and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BelowAgeRule {
    /// A child whose age now is under this is not punished.
    #[schemars(range(min = 1))]
    pub age: u8,
    /// The legal sources (ids of the rule set's references), cited on every offence of such
    /// a child.
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
}

/// The non-punishment advisory: when it is given, and which indicators it connects to each
/// offence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonPunishmentRule {
    /// The lowest level at which the advisory is given when offences are listed.
    pub min_level: Level,
    /// The advisory's wording.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub text: String,
    /// The legal sources: ids of the rule set's references.
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
    /// One link per offence kind.
    pub links: Vec<OffenceLink>,
    /// International standards named beside the legal sources (never as obligations of the
    /// rule set's jurisdiction).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<ReferenceId>,
    /// The advisory for a child, if the rule set gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child: Option<ChildNonPunishmentRule>,
}

/// Who a recommendation is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationAudience {
    /// Everyone.
    Everyone,
    /// Children and persons whose age is not established.
    ChildrenAndPossibleChildren,
}

/// A recommendation the rule set emits at some levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationRule {
    /// What kind of step it is.
    pub kind: RecommendationKind,
    /// The levels at which it is given.
    #[schemars(length(min = 1))]
    pub at_levels: Vec<Level>,
    /// Who it is for.
    pub audience: RecommendationAudience,
    /// Further conditions, all required (none: the level and audience decide).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// The wording: decision support, never a legal determination.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub text: String,
    /// The legal or guidance sources: ids of the rule set's references. Under a rule set with
    /// a `jurisdiction`, only that jurisdiction's law.
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
    /// International standards named beside the legal basis, never as obligations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<ReferenceId>,
    /// Who and what the case must record for the recommendation to fit, all required.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<ContextCondition>,
    /// Sentences and sources added when their context holds (for example the Sex Trade
    /// Act's stay of deportation for a non-national in the sex trade).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additions: Vec<RecommendationAddition>,
    /// Why the recommendation is given when it is, where that is a choice of the rule set
    /// (for example advice applied before reasonable grounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// A notice a rule set gives at some levels (for example, under Korea's Act, that consent is
/// irrelevant once a means was used).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeRule {
    /// What kind of notice.
    pub kind: crate::model::vocabulary::NoticeKind,
    /// The levels at which it is given.
    #[schemars(length(min = 1))]
    pub at_levels: Vec<Level>,
    /// The wording.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub text: String,
    /// Its legal sources.
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
    /// Who and what the case must record for the notice to be given, all required (none:
    /// the level decides; since schema 4.12.0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<ContextCondition>,
}

/// A sentence and sources added to a recommendation when the context holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationAddition {
    /// The conditions, all required.
    #[schemars(length(min = 1))]
    pub context: Vec<ContextCondition>,
    /// The levels at which it is added (none: every level of the recommendation), so that
    /// advice another recommendation gives at higher levels is not repeated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub at_levels: Vec<Level>,
    /// The added wording.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub text: String,
    /// The added legal sources.
    #[schemars(length(min = 1))]
    pub legal_basis: Vec<ReferenceId>,
}

/// A strength a rule set gives one indicator, replacing the catalogue's strength for adults
/// and children alike (a national policy that ranks an indicator differently).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrengthOverride {
    /// The indicator.
    pub indicator: IndicatorId,
    /// Its strength under this rule set.
    pub strength: Strength,
    /// Why.
    pub basis: Basis,
}

/// A complete rule set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Rule set")]
pub struct RuleSet {
    /// The file format version; this crate reads version 1.
    pub format_version: u32,
    /// Stable id, e.g. `ilo-2009`: lowercase letters, digits, `-`, `_` and `.`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]{0,63}$"))]
    pub id: String,
    /// Version of this rule set, e.g. `1.0.0`. Change it whenever the content changes.
    #[schemars(length(min = 1, max = text::VERSION))]
    pub version: String,
    /// The date from which the rule set applies, `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), extend("format" = "date"))]
    pub effective_date: String,
    /// How the effective date is known, where it was not read in a source (for example
    /// computed from "three months after promulgation"): the report shows the mark beside
    /// the date. Absent: read in the sources the rule set cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date_verification: Option<Verification>,
    /// A short title.
    #[schemars(length(min = 1, max = text::LABEL))]
    pub title: String,
    /// What the rule set is for and what it rests on.
    #[schemars(length(min = 1, max = text::DESCRIPTION))]
    pub description: String,
    /// The legal order whose law the rule set applies (for example `KR`), if any: then every
    /// `legal_basis` must cite a reference of that jurisdiction, and other instruments may
    /// only be named as `standards`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub jurisdiction: Option<String>,
    /// The namespace of the rule set's texts in the locale data (`rules.<namespace>.…`), so
    /// that rule sets with the same wording share one translation (`ilo`, `kr`). Absent: the
    /// rule set's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]{0,63}$"))]
    pub text_namespace: Option<String>,
    /// The built-in directory of services to call (for example `kr`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_directory: Option<String>,
    /// The documents the rule set cites.
    #[schemars(length(min = 1))]
    pub references: Vec<Reference>,
    /// The catalogue lists whose indicators the rule set weighs.
    #[schemars(length(min = 1))]
    pub lists: Vec<ListId>,
    /// A list whose strengths apply when the person is treated as a child (for the ILO/EC
    /// lists: the children-in-labour variations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_strengths: Option<ListId>,
    /// Strengths this rule set gives particular indicators instead of the catalogue's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strength_overrides: Vec<StrengthOverride>,
    /// Points per strength.
    pub weights: Weights,
    /// When a dimension is positive.
    pub dimension_rule: DimensionRule,
    /// Who counts as a child for the means rule. Absent: under 18 (Palermo Art. 3(d)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_rule: Option<AgeRule>,
    /// When the definition is met.
    pub person_rule: PersonRule,
    /// When there are reasonable grounds.
    pub levels: LevelRules,
    /// The non-punishment advisory.
    pub non_punishment: NonPunishmentRule,
    /// The other recommendations.
    pub recommendations: Vec<RecommendationRule>,
    /// Notices the rule set gives at some levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<NoticeRule>,
}

impl RuleSet {
    /// Parses a rule set from JSON (without validating it against a catalogue; see
    /// [`validate`]).
    pub fn from_json(json: &str) -> Result<RuleSet, RuleSetError> {
        crate::model::json::read_document(json, Limits::default().max_rule_set_bytes)
            .map_err(RuleSetError::from_document)
    }

    /// A built-in rule set by id: `ilo-2009`, `kr-2023` or `kr-2024`. Parsed once per process.
    pub fn builtin(id: &str) -> Result<&'static RuleSet, RuleSetError> {
        static PARSED: OnceLock<Vec<(&'static str, Result<RuleSet, RuleSetError>)>> =
            OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            BUILTIN_RULE_SETS
                .iter()
                .map(|(id, _, json)| (*id, RuleSet::from_json(json)))
                .collect()
        });
        match parsed.iter().find(|(name, _)| *name == id) {
            Some((_, Ok(rule_set))) => Ok(rule_set),
            Some((_, Err(e))) => Err(e.clone()),
            None => Err(RuleSetError::UnknownBuiltin(
                if id.len() <= 64 && id.bytes().all(|b| b.is_ascii_graphic()) {
                    id.to_owned()
                } else {
                    "(an id that is not shown)".to_owned()
                },
            )),
        }
    }

    /// The ids of the built-in rule sets.
    pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
        BUILTIN_RULE_SETS.iter().map(|(id, _, _)| *id)
    }

    /// The paths and text of the built-in rule set files.
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUILTIN_RULE_SETS
            .iter()
            .map(|(_, path, json)| (*path, *json))
    }

    /// The canonical JSON of this rule set: the serialization of the parsed value, so two
    /// files that differ only in whitespace or key order have the same canonical form.
    pub fn canonical_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// The SHA-256 digest of [`RuleSet::canonical_json`], as lowercase hex.
    /// A failure to write the canonical JSON is an error, never the digest of an empty text.
    pub fn digest(&self) -> Result<String, serde_json::Error> {
        Ok(crate::model::hash::sha256_hex(
            self.canonical_json()?.as_bytes(),
        ))
    }

    /// The reference with this id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id.as_str() == id)
    }

    /// The age under which a person is a child for the means rule, and whether Korea's year
    /// rule applies.
    pub fn child_age_limit(&self) -> (u8, bool) {
        self.age_rule
            .as_ref()
            .map_or((AgeRule::PALERMO_CHILD_UNDER, false), |r| {
                (r.child_under, r.year_rule)
            })
    }

    /// The namespace of the rule set's texts in the locale data: `text_namespace`, or the id.
    pub fn text_namespace(&self) -> &str {
        self.text_namespace.as_deref().unwrap_or(&self.id)
    }

    /// Whether `exempt` is among the groups exempt from the means element.
    pub fn exempts(&self, group: ExemptGroup) -> bool {
        self.person_rule.means_not_required_for.contains(&group)
    }
}

/// Checks a rule set against a catalogue and returns every problem at once, each with its
/// JSON path. An empty result means the rule set can be used to assess.
///
/// # Example
///
/// ```
/// use trafficking_indicators::{Catalogue, RuleSet, validate};
///
/// let mut rules = RuleSet::builtin("ilo-2009")?.clone();
/// assert!(validate(&rules, &Catalogue::builtin()).is_empty());
/// rules.weights.strong = -1.0; // every problem is reported, with its JSON path
/// let problems = validate(&rules, &Catalogue::builtin());
/// assert!(problems.iter().any(|p| p.to_string().contains("weights")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(rule_set: &RuleSet, catalogue: &Catalogue) -> Vec<Problem> {
    // Every array counted before any item is checked: one over the limit is the rule set's
    // only problem reported, as one over the byte limit is, and no check below runs over
    // more than `max_rule_set_items` items of one array.
    let too_many = item_count_problems(rule_set, Limits::default().max_rule_set_items);
    if !too_many.is_empty() {
        return too_many;
    }
    let mut v = Validator {
        rule_set,
        catalogue,
        problems: Vec::new(),
        concepts: [0; 6],
        max_score: 0.0,
        watch_groups: 0,
        references: HashMap::with_capacity_and_hasher(
            rule_set.references.len(),
            SeededState::default(),
        ),
        lists: rule_set.lists.iter().map(ListId::as_str).collect(),
        overrides: HashMap::with_capacity_and_hasher(
            rule_set.strength_overrides.len(),
            SeededState::default(),
        ),
        list_facts: HashMap::with_capacity_and_hasher(
            catalogue.lists().len(),
            SeededState::default(),
        ),
    };
    // The first of a repeated id is the one looked up, as a search in order finds it.
    for r in &rule_set.references {
        v.references.entry(r.id.as_str()).or_insert(r);
    }
    for o in &rule_set.strength_overrides {
        v.overrides
            .entry(o.indicator.as_str())
            .or_insert(o.strength);
    }
    for e in catalogue.entries() {
        for l in &e.lists {
            let facts = v.list_facts.entry(l.as_str()).or_default();
            facts.with_dimension |= e.dimension.is_some();
            facts.elements |= ListFacts::bit(e.element);
        }
    }
    // Derived once: every check below reads them.
    v.concepts = Dimension::ALL.map(|d| v.count_concepts(d));
    v.max_score = v.compute_max_score();
    v.run();
    v.problems
}

/// Validates and returns `Err` with every problem, or `Ok`.
pub(crate) fn validate_result(rule_set: &RuleSet, catalogue: &Catalogue) -> Result<(), Problems> {
    Problems::into_result(validate(rule_set, catalogue))
}

struct Validator<'a> {
    rule_set: &'a RuleSet,
    catalogue: &'a Catalogue,
    problems: Vec<Problem>,
    /// Distinct concepts per dimension among the rule set's lists.
    concepts: [usize; 6],
    /// The highest score the rule set's lists can give.
    max_score: f64,
    /// How many list or indicator conditions the rule set has (at most 64).
    watch_groups: usize,
    /// The rule set's references by id (the first, where an id is repeated).
    references: HashMap<&'a str, &'a Reference, SeededState>,
    /// The rule set's lists.
    lists: HashSet<&'a str, SeededState>,
    /// The rule set's strength overrides by indicator (the first, where one is repeated).
    overrides: HashMap<&'a str, Strength, SeededState>,
    /// What the entries of each catalogue list are, by list id (a list without entries has
    /// none).
    list_facts: HashMap<&'a str, ListFacts, SeededState>,
}

/// What the entries of one catalogue list are, for the checks of the conditions that name it.
#[derive(Debug, Default)]
struct ListFacts {
    /// Whether an entry of the list has a dimension.
    with_dimension: bool,
    /// The elements its entries name, as a set of [`ListFacts::bit`]s.
    elements: u8,
}

impl ListFacts {
    /// An entry's element (or none) as one bit of a set.
    fn bit(element: Option<PalermoElement>) -> u8 {
        1 << element.map_or(0, |e| e as u8 + 1)
    }
}

/// Counts of the items of a rule set's arrays, each against the limit: a problem, with the
/// array's path, for each over it. The path is written only for an array over the limit.
struct ItemCounter {
    limit: usize,
    problems: Vec<Problem>,
}

impl ItemCounter {
    fn count(&mut self, n: usize, path: &dyn Fn() -> String) {
        if n > self.limit {
            self.problems
                .extend(Problem::of_count(path(), n, self.limit));
        }
    }

    fn basis(&mut self, basis: &Basis, at: &dyn Fn() -> String) {
        self.count(basis.sources.len(), &|| format!("{}.sources", at()));
    }

    fn context(&mut self, context: &[ContextCondition], at: &dyn Fn() -> String) {
        ContextCondition::count_items(context, at, &mut |n, path| self.count(n, path));
    }

    fn conditions(&mut self, conditions: &[Condition], at: &dyn Fn() -> String) {
        self.count(conditions.len(), at);
        for (i, c) in conditions.iter().enumerate() {
            let (key, n) = match c {
                Condition::AnyDimensionPositive(dims) => ("any_dimension_positive", dims.len()),
                Condition::IndicatorPresent { dimensions, .. } => {
                    ("indicator_present.dimensions", dimensions.len())
                }
                Condition::ListIndicatorPresent { lists, .. } => {
                    ("list_indicator_present.lists", lists.len())
                }
                Condition::AnyIndicatorPresent { indicators, .. } => {
                    ("any_indicator_present.indicators", indicators.len())
                }
                Condition::Any(branches) => {
                    self.conditions(branches, &|| format!("{}[{i}].any", at()));
                    continue;
                }
                Condition::ElementMet(_)
                | Condition::ScoreAtLeast(_)
                | Condition::MeansNotRequired
                | Condition::TreatedAsChild => continue,
            };
            self.count(n, &|| format!("{}[{i}].{key}", at()));
        }
    }
}

/// Every array of the rule set that holds more than `limit` items, each as a problem at its
/// path. Linear in the rule set: it reads each array's length, never compares its items.
fn item_count_problems(rs: &RuleSet, limit: usize) -> Vec<Problem> {
    let mut c = ItemCounter {
        limit,
        problems: Vec::new(),
    };
    let at = |path: &'static str| move || path.to_owned();
    c.count(rs.references.len(), &at("$.references"));
    c.count(rs.lists.len(), &at("$.lists"));
    c.count(rs.strength_overrides.len(), &at("$.strength_overrides"));
    for (i, o) in rs.strength_overrides.iter().enumerate() {
        c.basis(&o.basis, &|| format!("$.strength_overrides[{i}].basis"));
    }
    c.basis(&rs.weights.basis, &at("$.weights.basis"));
    let rule = &rs.dimension_rule;
    c.count(rule.clauses.len(), &at("$.dimension_rule.clauses"));
    for (i, clause) in rule.clauses.iter().enumerate() {
        c.count(clause.requires.len(), &|| {
            format!("$.dimension_rule.clauses[{i}].requires")
        });
    }
    c.basis(&rule.basis, &at("$.dimension_rule.basis"));
    if let Some(age_rule) = &rs.age_rule {
        c.basis(&age_rule.basis, &at("$.age_rule.basis"));
    }
    let person = &rs.person_rule;
    c.count(person.elements.len(), &at("$.person_rule.elements"));
    for (i, element) in person.elements.iter().enumerate() {
        c.count(element.dimensions.len(), &|| {
            format!("$.person_rule.elements[{i}].dimensions")
        });
        c.count(element.lists.len(), &|| {
            format!("$.person_rule.elements[{i}].lists")
        });
    }
    c.count(
        person.means_not_required_for.len(),
        &at("$.person_rule.means_not_required_for"),
    );
    c.basis(&person.basis, &at("$.person_rule.basis"));
    let criteria = &rs.levels.reasonable_grounds;
    c.count(criteria.len(), &at("$.levels.reasonable_grounds"));
    for (i, criterion) in criteria.iter().enumerate() {
        c.conditions(&criterion.all, &|| {
            format!("$.levels.reasonable_grounds[{i}].all")
        });
        c.basis(&criterion.basis, &|| {
            format!("$.levels.reasonable_grounds[{i}].basis")
        });
    }
    let np = &rs.non_punishment;
    c.count(np.legal_basis.len(), &at("$.non_punishment.legal_basis"));
    c.count(np.standards.len(), &at("$.non_punishment.standards"));
    c.count(np.links.len(), &at("$.non_punishment.links"));
    for (i, link) in np.links.iter().enumerate() {
        c.count(link.concepts.len(), &|| {
            format!("$.non_punishment.links[{i}].concepts")
        });
        c.count(link.legal_basis.len(), &|| {
            format!("$.non_punishment.links[{i}].legal_basis")
        });
    }
    if let Some(child) = &np.child {
        c.count(child.covers.len(), &at("$.non_punishment.child.covers"));
        c.count(
            child.legal_basis.len(),
            &at("$.non_punishment.child.legal_basis"),
        );
        c.count(
            child.covers_basis.len(),
            &at("$.non_punishment.child.covers_basis"),
        );
        if let Some(below) = &child.below_age {
            c.count(
                below.legal_basis.len(),
                &at("$.non_punishment.child.below_age.legal_basis"),
            );
        }
    }
    c.count(rs.recommendations.len(), &at("$.recommendations"));
    for (i, r) in rs.recommendations.iter().enumerate() {
        let path = || format!("$.recommendations[{i}]");
        c.count(r.at_levels.len(), &|| format!("{}.at_levels", path()));
        c.conditions(&r.when, &|| format!("{}.when", path()));
        c.count(r.legal_basis.len(), &|| format!("{}.legal_basis", path()));
        c.count(r.standards.len(), &|| format!("{}.standards", path()));
        c.context(&r.context, &|| format!("{}.context", path()));
        c.count(r.additions.len(), &|| format!("{}.additions", path()));
        for (j, a) in r.additions.iter().enumerate() {
            let apath = || format!("{}.additions[{j}]", path());
            c.context(&a.context, &|| format!("{}.context", apath()));
            c.count(a.at_levels.len(), &|| format!("{}.at_levels", apath()));
            c.count(a.legal_basis.len(), &|| format!("{}.legal_basis", apath()));
        }
        if let Some(basis) = &r.basis {
            c.basis(basis, &|| format!("{}.basis", path()));
        }
    }
    c.count(rs.notices.len(), &at("$.notices"));
    for (i, n) in rs.notices.iter().enumerate() {
        let path = || format!("$.notices[{i}]");
        c.count(n.at_levels.len(), &|| format!("{}.at_levels", path()));
        c.count(n.legal_basis.len(), &|| format!("{}.legal_basis", path()));
        c.context(&n.context, &|| format!("{}.context", path()));
    }
    c.problems
}

impl Validator<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// A text between `min` and `max` characters, the bounds its schema gives.
    fn check_text(&mut self, path: impl Into<String>, value: &str, min: usize, max: usize) {
        self.problems
            .extend(Problem::of_text(path, value, min, max));
    }

    fn run(&mut self) {
        let rs = self.rule_set;
        if rs.format_version != RULE_SET_FORMAT_VERSION {
            self.problem(
                "$.format_version",
                format!(
                    "unsupported rule set format version {}, this crate reads version {RULE_SET_FORMAT_VERSION}",
                    rs.format_version
                ),
            );
        }
        self.check_header();
        self.check_references();
        self.check_lists();
        self.check_weights();
        self.check_overrides();
        self.check_dimension_rule();
        self.check_person_rule();
        self.check_levels();
        self.check_non_punishment();
        self.check_recommendations();
        self.check_notices();
        self.check_contacts();
        if self.watch_groups > 64 {
            self.problem(
                "$",
                "more than 64 `list_indicator_present` and `any_indicator_present` conditions",
            );
        }
    }

    /// A legal basis: known references, and under a rule set with a jurisdiction, only that
    /// jurisdiction's law (international instruments go in `standards`).
    fn check_legal_basis(&mut self, ids: &[ReferenceId], path: &str) {
        for (i, id) in ids.iter().enumerate() {
            let ipath = format!("{path}[{i}]");
            self.check_reference_id(id, &ipath);
            if let (Some(j), Some(r)) = (
                self.rule_set.jurisdiction.as_deref(),
                self.references.get(id.as_str()),
            ) && r.jurisdiction.as_deref() != Some(j)
            {
                self.problem(
                    ipath,
                    format!(
                        "reference `{id}` is not {j} law: a rule set for {j} cites other instruments only as `standards`, never as an obligation"
                    ),
                );
            }
        }
    }

    /// A legal basis that must cite something: `if_empty` names what is missing.
    fn check_required_legal_basis(&mut self, ids: &[ReferenceId], path: &str, if_empty: &str) {
        if ids.is_empty() {
            self.problem(path, if_empty);
        }
        self.check_legal_basis(ids, path);
    }

    fn check_standards(&mut self, ids: &[ReferenceId], path: &str) {
        for (i, id) in ids.iter().enumerate() {
            self.check_reference_id(id, &format!("{path}[{i}]"));
        }
    }

    fn check_context(&mut self, context: &[ContextCondition], path: &str) {
        ContextCondition::walk(context, &|| path.to_owned(), false, &mut |c, at, in_any| {
            for why in c.problems(in_any) {
                self.problem(at(), why);
            }
            if let ContextCondition::IndicatorsPresent(ids) = c {
                for (j, id) in ids.iter().enumerate() {
                    let at = format!("{}.indicators_present[{j}]", at());
                    match self.catalogue.get(id.as_str()) {
                        None => self.problem(at, format!("unknown indicator id `{id}`: not in the catalogue")),
                        // A case may record only indicators of the rule set's lists: one
                        // outside them is never present.
                        Some(e) if !self.in_lists(e) => self
                            .problem(
                                at,
                                format!(
                                    "indicator `{id}` is in none of the rule set's lists, so it can never hold"
                                ),
                            ),
                        Some(_) => {}
                    }
                }
            }
        });
    }

    fn check_notices(&mut self) {
        use crate::model::vocabulary::NoticeKind;
        let repeated = repeats(self.rule_set.notices.iter().map(|n| n.kind as usize));
        for (i, n) in self.rule_set.notices.iter().enumerate() {
            let path = format!("$.notices[{i}]");
            // Only these kinds are a rule set's to give: the others are the engine's, read
            // from the case (and two of them change how the report reads the answers).
            if !matches!(
                n.kind,
                NoticeKind::ConsentIrrelevant | NoticeKind::SexTradeClaimsVoid
            ) {
                self.problem(
                    format!("{path}.kind"),
                    "a rule set gives only notices of kind `consent_irrelevant` or `sex_trade_claims_void`; the others come from the case",
                );
            }
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.kind"),
                    "the same kind of notice is given twice: one notice per kind (its wording is keyed by kind)",
                );
            }
            if let Some(at) = n
                .context
                .iter()
                .position(|c| *c == ContextCondition::NotNational)
            {
                self.problem(
                    format!("{path}.context[{at}]"),
                    "a notice cannot say \"if the person is not a national\" where nationality is not recorded: name it in the text, or use a recommendation",
                );
            }
            if n.at_levels.is_empty() {
                self.problem(format!("{path}.at_levels"), "name at least one level");
            }
            self.check_text(format!("{path}.text"), &n.text, 1, text::TEXT);
            self.check_required_legal_basis(
                &n.legal_basis,
                &format!("{path}.legal_basis"),
                "cite at least one source",
            );
            self.check_context(&n.context, &format!("{path}.context"));
        }
    }

    fn check_contacts(&mut self) {
        if let Some(id) = &self.rule_set.contact_directory {
            match crate::policy::contacts::ContactDirectory::builtin(id) {
                None => self.problem(
                    "$.contact_directory",
                    format!("no built-in contact directory is called `{id}`"),
                ),
                Some(d) => {
                    if self.rule_set.jurisdiction.as_deref() != Some(d.jurisdiction.as_str()) {
                        self.problem(
                            "$.contact_directory",
                            format!(
                                "directory `{id}` is for {}, not the rule set's jurisdiction",
                                d.jurisdiction
                            ),
                        );
                    }
                    for p in d.problems() {
                        self.problem(
                            format!(
                                "$.contact_directory({id}){}",
                                p.path.trim_start_matches('$')
                            ),
                            p.message,
                        );
                    }
                }
            }
        }
    }

    fn check_header(&mut self) {
        let rs = self.rule_set;
        let id_ok = is_token(&rs.id);
        if let Some(j) = &rs.jurisdiction
            && !crate::model::id::is_country_code(j)
        {
            self.problem("$.jurisdiction", "a two-letter country code in capitals");
        }
        if !id_ok {
            self.problem(
                "$.id",
                "a rule set id is 1 to 64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
            );
        }
        self.check_text("$.version", &rs.version, 1, text::VERSION);
        if !crate::model::json::is_date(&rs.effective_date) {
            self.problem(
                "$.effective_date",
                "an effective date is a calendar date written YYYY-MM-DD",
            );
        }
        self.check_text("$.title", &rs.title, 1, text::LABEL);
        self.check_text("$.description", &rs.description, 1, text::DESCRIPTION);
        if let Some(ns) = &rs.text_namespace
            && !is_token(ns)
        {
            self.problem(
                "$.text_namespace",
                "a text namespace is 1 to 64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
            );
        }
    }

    fn check_references(&mut self) {
        let rs = self.rule_set;
        if rs.references.is_empty() {
            self.problem("$.references", "a rule set cites at least one reference");
        }
        let repeated = repeats(rs.references.iter().map(|r| r.id.as_str()));
        for (i, r) in rs.references.iter().enumerate() {
            // A rule set's own references and a catalogue document's share these checks.
            self.problems
                .extend(crate::catalogue::reference_text_problems(
                    r,
                    &format!("$.references[{i}]"),
                ));
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("$.references[{i}].id"),
                    format!("duplicate reference id `{}`", r.id),
                );
            }
        }
    }

    fn check_basis(&mut self, basis: &Basis, path: &str) {
        if basis.sources.is_empty() {
            self.problem(format!("{path}.sources"), "cite at least one reference");
        }
        for (i, source) in basis.sources.iter().enumerate() {
            self.check_reference_id(source, &format!("{path}.sources[{i}]"));
        }
        self.check_text(format!("{path}.rationale"), &basis.rationale, 1, text::TEXT);
    }

    fn check_reference_id(&mut self, id: &ReferenceId, path: &str) {
        if !self.references.contains_key(id.as_str()) {
            self.problem(
                path,
                format!("unknown reference id `{id}`: not in this rule set's references"),
            );
        }
    }

    fn check_lists(&mut self) {
        let rs = self.rule_set;
        if rs.lists.is_empty() {
            self.problem("$.lists", "a rule set uses at least one catalogue list");
        }
        if rs.lists.len() > crate::model::limits::MAX_RULE_SET_LISTS {
            self.problem(
                "$.lists",
                format!(
                    "{} lists, more than the limit of {}",
                    rs.lists.len(),
                    crate::model::limits::MAX_RULE_SET_LISTS
                ),
            );
        }
        let repeated = repeats(rs.lists.iter().map(ListId::as_str));
        for (i, list) in rs.lists.iter().enumerate() {
            if self.catalogue.list(list.as_str()).is_none() {
                self.problem(
                    format!("$.lists[{i}]"),
                    format!("unknown list id `{list}`: not in the catalogue"),
                );
            }
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("$.lists[{i}]"),
                    format!("duplicate list id `{list}`"),
                );
            }
        }
        if let Some(child) = &rs.child_strengths {
            if self.catalogue.list(child.as_str()).is_none() {
                self.problem(
                    "$.child_strengths",
                    format!("unknown list id `{child}`: not in the catalogue"),
                );
            } else if !self.lists.contains(child.as_str()) {
                self.problem(
                    "$.child_strengths",
                    format!("list `{child}` gives children's strengths but is not in `lists`"),
                );
            }
        }
    }

    fn check_weights(&mut self) {
        let w = &self.rule_set.weights;
        let named = [("strong", w.strong), ("medium", w.medium), ("weak", w.weak)];
        let mut all_valid = true;
        for (name, value) in named {
            let path = format!("$.weights.{name}");
            if value.is_nan() {
                self.problem(path, "a weight must be a number, not NaN");
                all_valid = false;
            } else if value.is_infinite() {
                self.problem(path, "a weight must be finite");
                all_valid = false;
            } else if value < 0.0 {
                let value = shown(value);
                self.problem(path, format!("a weight cannot be negative (found {value})"));
                all_valid = false;
            } else if value == 0.0 {
                self.problem(
                    path,
                    "a weight of zero would let a present indicator count for nothing",
                );
                all_valid = false;
            } else if value > SCORE_CAP {
                self.problem(
                    path,
                    format!("a weight is at most {SCORE_CAP}, the score's cap"),
                );
                all_valid = false;
            }
        }
        if all_valid && !(w.strong >= w.medium && w.medium >= w.weak) {
            self.problem(
                "$.weights",
                "weights out of order: a strong indicator must weigh at least as much as a medium one, and a medium at least as much as a weak one",
            );
        }
        self.check_basis(&w.basis, "$.weights.basis");
    }

    fn check_overrides(&mut self) {
        let overrides = &self.rule_set.strength_overrides;
        let repeated = repeats(overrides.iter().map(|o| o.indicator.as_str()));
        for (i, o) in overrides.iter().enumerate() {
            let path = format!("$.strength_overrides[{i}]");
            match self.catalogue.get(o.indicator.as_str()) {
                None => self.problem(
                    format!("{path}.indicator"),
                    format!(
                        "unknown indicator id `{}`: not in the catalogue",
                        o.indicator
                    ),
                ),
                Some(e) if !self.in_lists(e) => self.problem(
                    format!("{path}.indicator"),
                    format!(
                        "indicator `{}` is in none of the rule set's lists",
                        o.indicator
                    ),
                ),
                Some(_) => {}
            }
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.indicator"),
                    format!("duplicate indicator id `{}`: overridden twice", o.indicator),
                );
            }
            self.check_basis(&o.basis, &format!("{path}.basis"));
        }
    }

    /// Whether an entry is in one of the rule set's lists: a case may record only such
    /// entries, and only they count in a dimension or the score.
    fn in_lists(&self, e: &crate::model::indicator::IndicatorEntry) -> bool {
        e.lists.iter().any(|l| self.lists.contains(l.as_str()))
    }

    /// The strongest strength an entry can count with under this rule set.
    fn best_strength(&self, e: &crate::model::indicator::IndicatorEntry) -> Strength {
        match self.overrides.get(e.id.as_str()) {
            Some(strength) => *strength,
            None => e
                .list_strengths
                .iter()
                .map(|v| v.strength)
                .fold(e.strength, Ord::max),
        }
    }

    fn check_dimension_rule(&mut self) {
        let rule = &self.rule_set.dimension_rule;
        if rule.clauses.is_empty() {
            self.problem(
                "$.dimension_rule.clauses",
                "at least one clause is needed, or no dimension can ever be positive",
            );
        }
        let repeated = repeats(rule.clauses.iter().map(|c| &c.id));
        for (i, clause) in rule.clauses.iter().enumerate() {
            let path = format!("$.dimension_rule.clauses[{i}]");
            self.check_text(format!("{path}.label"), &clause.label, 1, text::LABEL);
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate clause id `{}`", clause.id),
                );
            }
            if clause.requires.is_empty() {
                self.problem(
                    format!("{path}.requires"),
                    "a clause with no requirement would make every dimension positive without evidence",
                );
            }
            for (j, req) in clause.requires.iter().enumerate() {
                if req.at_least == 0 {
                    self.problem(
                        format!("{path}.requires[{j}].at_least"),
                        "a requirement needs at least one indicator",
                    );
                }
            }
            let needed: u64 = clause.requires.iter().map(|r| u64::from(r.at_least)).sum();
            let most = self.concepts.iter().copied().max().unwrap_or(0);
            if needed > most as u64 {
                self.problem(
                    format!("{path}.requires"),
                    format!(
                        "unreachable: the clause needs {needed} indicators but no dimension of the rule set's lists has more than {most}"
                    ),
                );
            }
        }
        self.check_basis(&rule.basis, "$.dimension_rule.basis");
    }

    /// The number of distinct concepts in a dimension of the rule set's lists.
    fn concepts_in(&self, dimension: Dimension) -> usize {
        self.concepts.get(dimension.index()).copied().unwrap_or(0)
    }

    fn count_concepts(&self, dimension: Dimension) -> usize {
        let mut concepts: Vec<&str> = self
            .catalogue
            .in_dimension(dimension)
            .filter(|e| self.in_lists(e))
            .map(|e| e.concept.as_str())
            .collect();
        concepts.sort_unstable();
        concepts.dedup();
        concepts.len()
    }

    fn check_person_rule(&mut self) {
        let rule = &self.rule_set.person_rule;
        for element in PalermoElement::ALL {
            let count = rule
                .elements
                .iter()
                .filter(|e| e.element == element)
                .count();
            if count == 0 {
                self.problem(
                    "$.person_rule.elements",
                    format!(
                        "the person rule does not say which dimensions make up the {} element",
                        element.label()
                    ),
                );
            } else if count > 1 {
                self.problem(
                    "$.person_rule.elements",
                    format!("the {} element is defined {count} times", element.label()),
                );
            }
        }
        // The dimensions of the elements before the one checked.
        let mut used_before = [false; 6];
        for (i, element) in rule.elements.iter().enumerate() {
            let path = format!("$.person_rule.elements[{i}].dimensions");
            if element.dimensions.is_empty() {
                self.problem(
                    path.clone(),
                    "the person rule names no dimension for this element",
                );
            }
            let repeated = repeats(element.dimensions.iter().map(|d| d.index()));
            for (j, d) in element.dimensions.iter().enumerate() {
                if repeated.binary_search(&j).is_ok() {
                    self.problem(
                        format!("{path}[{j}]"),
                        format!("dimension `{}` is named twice", d.as_str()),
                    );
                }
                if used_before.get(d.index()).copied().unwrap_or(false) {
                    self.problem(
                        format!("{path}[{j}]"),
                        format!(
                            "dimension `{}` already makes up another element: a dimension evidences one element",
                            d.as_str()
                        ),
                    );
                }
                if self.concepts_in(*d) == 0 {
                    self.problem(
                        format!("{path}[{j}]"),
                        format!(
                            "unreachable: dimension `{}` has no indicator in the rule set's lists",
                            d.as_str()
                        ),
                    );
                }
            }
            for d in &element.dimensions {
                if let Some(used) = used_before.get_mut(d.index()) {
                    *used = true;
                }
            }
        }
        // The rule set outlives this borrow of the validator.
        let rule_set: &RuleSet = self.rule_set;
        for (i, element) in rule_set.person_rule.elements.iter().enumerate() {
            if !element.lists.is_empty() {
                self.check_fact_lists(
                    &element.lists,
                    &format!("$.person_rule.elements[{i}]"),
                    Some(element.element),
                );
            }
        }
        if let Some(age_rule) = &rule_set.age_rule {
            if !(1..=30).contains(&age_rule.child_under) {
                self.problem(
                    "$.age_rule.child_under",
                    "an age limit from 1 to 30 years is expected",
                );
            }
            self.check_basis(&age_rule.basis, "$.age_rule.basis");
        }
        let rule = &self.rule_set.person_rule;
        for i in repeats(rule.means_not_required_for.iter().map(|g| *g as usize)) {
            self.problem(
                format!("$.person_rule.means_not_required_for[{i}]"),
                "group named twice",
            );
        }
        self.check_basis(&rule.basis, "$.person_rule.basis");
    }

    fn compute_max_score(&self) -> f64 {
        let w = &self.rule_set.weights;
        let mut total = 0.0;
        for d in Dimension::ALL {
            // Each concept's best strength, in order of first appearance (the order of the
            // sum below), found through an index by concept.
            let mut best: Vec<(&str, Strength)> = Vec::new();
            let mut at: HashMap<&str, usize, SeededState> =
                HashMap::with_capacity_and_hasher(self.concepts_in(d), SeededState::default());
            for e in self.catalogue.in_dimension(d) {
                if !self.in_lists(e) {
                    continue;
                }
                let s = self.best_strength(e);
                match at.get(e.concept.as_str()).and_then(|&i| best.get_mut(i)) {
                    Some(slot) => slot.1 = slot.1.max(s),
                    None => {
                        at.insert(e.concept.as_str(), best.len());
                        best.push((e.concept.as_str(), s));
                    }
                }
            }
            // Invalid weights are reported by `check_weights`; here they count as zero so
            // that one mistake is not reported again as an unreachable threshold.
            total += best
                .iter()
                .map(|(_, s)| w.of(*s).max(0.0))
                .filter(|x| x.is_finite())
                .sum::<f64>();
        }
        total.min(SCORE_CAP)
    }

    fn check_levels(&mut self) {
        let criteria = &self.rule_set.levels.reasonable_grounds;
        if criteria.len() > 64 {
            self.problem(
                "$.levels.reasonable_grounds",
                format!("{} criteria, more than the limit of 64", criteria.len()),
            );
        }
        if criteria.is_empty() {
            self.problem(
                "$.levels.reasonable_grounds",
                "at least one criterion is needed, or reasonable grounds could only be reached with the full definition",
            );
        }
        let max_score = self.max_score;
        let repeated = repeats(criteria.iter().map(|c| &c.id));
        for (i, c) in criteria.iter().enumerate() {
            let path = format!("$.levels.reasonable_grounds[{i}]");
            self.check_text(format!("{path}.label"), &c.label, 1, text::LABEL);
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate criterion id `{}`", c.id),
                );
            }
            if c.all.is_empty() {
                self.problem(
                    format!("{path}.all"),
                    "levels out of order: a criterion without conditions would give reasonable grounds with no indicator present",
                );
            }
            if !c.all.is_empty() && c.all.iter().all(holds_without_evidence) {
                self.problem(
                    format!("{path}.all"),
                    "levels out of order: this criterion holds without any indicator present",
                );
            }
            for (j, cond) in c.all.iter().enumerate() {
                self.check_condition(cond, &format!("{path}.all[{j}]"), max_score);
            }
            self.check_basis(&c.basis, &format!("{path}.basis"));
        }
    }

    fn check_condition(&mut self, cond: &Condition, cpath: &str, max_score: f64) {
        match cond {
            Condition::ScoreAtLeast(t) => {
                if !t.is_finite() {
                    self.problem(cpath, "a score threshold must be a finite number");
                } else if *t <= 0.0 {
                    self.problem(
                        cpath,
                        "levels out of order: a score threshold of zero or less holds with no indicator present, below further inquiry",
                    );
                } else if *t > max_score {
                    self.problem(
                        cpath,
                        format!(
                            "unreachable: the threshold {} is above the highest score the rule set's lists can give ({})",
                            shown(*t),
                            shown(max_score)
                        ),
                    );
                }
            }
            Condition::AnyDimensionPositive(dims)
            | Condition::IndicatorPresent {
                dimensions: dims, ..
            } => {
                if dims.is_empty() {
                    self.problem(cpath, "names no dimension, so it can never hold");
                }
                // The condition is externally tagged: its dimensions are under its name.
                let list = match cond {
                    Condition::IndicatorPresent { .. } => "indicator_present.dimensions",
                    _ => "any_dimension_positive",
                };
                for (k, d) in dims.iter().enumerate() {
                    if self.concepts_in(*d) == 0 {
                        self.problem(
                            format!("{cpath}.{list}[{k}]"),
                            format!(
                                "unreachable: dimension `{}` has no indicator in the rule set's lists",
                                d.as_str()
                            ),
                        );
                    }
                }
            }
            Condition::ListIndicatorPresent { lists, .. } => {
                self.watch_groups += 1;
                let path = format!("{cpath}.list_indicator_present.lists");
                if lists.is_empty() {
                    self.problem(&path, "names no list, so it can never hold");
                }
                for (k, list) in lists.iter().enumerate() {
                    if !self.lists.contains(list.as_str()) {
                        self.problem(
                            format!("{path}[{k}]"),
                            format!("list `{list}` is not among the rule set's lists"),
                        );
                    } else if !self.list_facts.contains_key(list.as_str()) {
                        self.problem(
                            format!("{path}[{k}]"),
                            format!("unreachable: list `{list}` has no entry"),
                        );
                    }
                }
            }
            Condition::AnyIndicatorPresent { indicators, .. } => {
                self.watch_groups += 1;
                let path = format!("{cpath}.any_indicator_present.indicators");
                if indicators.is_empty() {
                    self.problem(&path, "names no indicator, so it can never hold");
                }
                for (k, id) in indicators.iter().enumerate() {
                    match self.catalogue.get(id.as_str()) {
                        None => self.problem(
                            format!("{path}[{k}]"),
                            format!("unknown indicator id `{id}`"),
                        ),
                        Some(e) if !self.in_lists(e) => self
                            .problem(
                                format!("{path}[{k}]"),
                                format!(
                                    "unreachable: indicator `{id}` is in none of the rule set's lists"
                                ),
                            ),
                        Some(e) if e.appearance => self.problem(
                            format!("{path}[{k}]"),
                            format!(
                                "unreachable: indicator `{id}` is an item of appearance, which no condition sees"
                            ),
                        ),
                        Some(e)
                            if e.background.is_some()
                                && self.rule_set.person_rule.background_evidence
                                    == BackgroundEvidence::NotAlone =>
                        {
                            self.problem(
                                format!("{path}[{k}]"),
                                format!(
                                    "unreachable: indicator `{id}` is background (the person's own circumstances), which no condition sees under `background_evidence: not_alone`"
                                ),
                            )
                        }
                        Some(_) => {}
                    }
                }
            }
            Condition::Any(conditions) => {
                if conditions.is_empty() {
                    self.problem(cpath, "names no condition, so it can never hold");
                }
                for (k, c) in conditions.iter().enumerate() {
                    self.check_condition(c, &format!("{cpath}.any[{k}]"), max_score);
                }
            }
            Condition::ElementMet(_) | Condition::MeansNotRequired | Condition::TreatedAsChild => {}
        }
    }

    /// Lists named as element evidence must be lists of the rule set holding only element
    /// facts (entries without a dimension), of `element` when one is given: then a present
    /// fact changes no dimension, and the engine's "what if" outcomes stay exact.
    fn check_fact_lists(&mut self, lists: &[ListId], path: &str, element: Option<PalermoElement>) {
        if lists.is_empty() {
            self.problem(path, "names no list, so it can never hold");
        }
        for (k, list) in lists.iter().enumerate() {
            let lpath = format!("{path}.lists[{k}]");
            if !self.lists.contains(list.as_str()) {
                self.problem(
                    lpath,
                    format!("list `{list}` is not among the rule set's lists"),
                );
                continue;
            }
            let Some(facts) = self.list_facts.get(list.as_str()) else {
                self.problem(lpath, format!("unreachable: list `{list}` has no entry"));
                continue;
            };
            if facts.with_dimension {
                self.problem(
                    lpath,
                    format!(
                        "list `{list}` has entries with a dimension: only lists of element facts (entries without a dimension) evidence an element directly"
                    ),
                );
            } else if let Some(el) = element
                && facts.elements & !ListFacts::bit(Some(el)) != 0
            {
                self.problem(
                    lpath,
                    format!(
                        "list `{list}` has entries that evidence another element than {}",
                        el.label()
                    ),
                );
            }
        }
    }

    fn check_non_punishment(&mut self) {
        let np = &self.rule_set.non_punishment;
        if np.min_level < Level::FurtherInquiry {
            self.problem(
                "$.non_punishment.min_level",
                "the advisory needs at least one indicator present: use `further_inquiry` or higher",
            );
        }
        self.check_text("$.non_punishment.text", &np.text, 1, text::TEXT);
        self.check_required_legal_basis(
            &np.legal_basis,
            "$.non_punishment.legal_basis",
            "cite at least one legal source",
        );
        self.check_standards(&np.standards, "$.non_punishment.standards");
        if let Some(child) = &np.child {
            if child.min_level > np.min_level {
                self.problem(
                    "$.non_punishment.child.min_level",
                    "the advisory for a child must not start above the advisory for an adult",
                );
            }
            self.check_text("$.non_punishment.child.text", &child.text, 1, text::TEXT);
            if child.covers.is_empty() {
                self.problem("$.non_punishment.child.covers", "name at least one offence");
            }
            self.check_required_legal_basis(
                &child.legal_basis,
                "$.non_punishment.child.legal_basis",
                "cite at least one legal source",
            );
            if child.covers_basis.is_empty() {
                self.problem(
                    "$.non_punishment.child.covers_basis",
                    "cite the source that covers the offences",
                );
            }
            // The covered offences' sources are cited on their own lines; the advisory's own
            // sources need not repeat them (since schema 4.11.0: a boy in forced labour read
            // the Youth Sex Offences Act among his advisory's sources). They are checked as
            // references like every legal basis.
            self.check_legal_basis(&child.covers_basis, "$.non_punishment.child.covers_basis");
            if let Some(below) = &child.below_age {
                let (limit, _) = self.rule_set.child_age_limit();
                if below.age == 0 {
                    self.problem(
                        "$.non_punishment.child.below_age.age",
                        crate::policy::context::UNDER_ZERO,
                    );
                } else if below.age > limit {
                    self.problem(
                        "$.non_punishment.child.below_age.age",
                        format!(
                            "above the rule set's child age limit ({limit}): only a child is covered, so the ages between would be left out without a word"
                        ),
                    );
                }
                self.check_required_legal_basis(
                    &below.legal_basis,
                    "$.non_punishment.child.below_age.legal_basis",
                    "cite the source that sets the age",
                );
            }
        }
        let repeated = repeats(np.links.iter().map(|l| l.offence as usize));
        for (i, link) in np.links.iter().enumerate() {
            let path = format!("$.non_punishment.links[{i}]");
            self.check_text(format!("{path}.reason"), &link.reason, 1, text::NOTE);
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.offence"),
                    format!("offence `{}` is linked twice", link.offence.as_str()),
                );
            }
            if link.concepts.is_empty() {
                self.problem(format!("{path}.concepts"), "link at least one concept");
            }
            self.check_legal_basis(&link.legal_basis, &format!("{path}.legal_basis"));
            if link.effect.is_some() && link.legal_basis.is_empty() {
                self.problem(
                    format!("{path}.effect"),
                    "an effect needs the legal basis that has it",
                );
            }
            for (j, c) in link.concepts.iter().enumerate() {
                if !self.catalogue.has_concept(c.as_str()) {
                    self.problem(
                        format!("{path}.concepts[{j}]"),
                        format!("unknown concept id `{c}`: no catalogue entry has it"),
                    );
                }
            }
        }
        for kind in OffenceKind::ALL {
            if !np.links.iter().any(|l| l.offence == kind) {
                self.problem(
                    "$.non_punishment.links",
                    format!(
                        "offence `{}` has no link: an offence must never go without the indicators that could show compulsion",
                        kind.as_str()
                    ),
                );
            }
        }
    }

    fn check_recommendations(&mut self) {
        let recs = &self.rule_set.recommendations;
        let max_score = self.max_score;
        let repeated = repeats(recs.iter().map(|r| r.kind as usize));
        for (i, r) in recs.iter().enumerate() {
            let path = format!("$.recommendations[{i}]");
            if r.at_levels.is_empty() {
                self.problem(format!("{path}.at_levels"), "name at least one level");
            }
            if r.at_levels.contains(&Level::NoIndicators) {
                self.problem(
                    format!("{path}.at_levels"),
                    "recommendations are for cases with indicators present; remove `no_indicators`",
                );
            }
            self.check_text(format!("{path}.text"), &r.text, 1, text::TEXT);
            for (j, cond) in r.when.iter().enumerate() {
                self.check_condition(cond, &format!("{path}.when[{j}]"), max_score);
            }
            self.check_required_legal_basis(
                &r.legal_basis,
                &format!("{path}.legal_basis"),
                "cite at least one source",
            );
            self.check_standards(&r.standards, &format!("{path}.standards"));
            self.check_context(&r.context, &format!("{path}.context"));
            let given: HashSet<usize, SeededState> =
                r.at_levels.iter().map(|l| *l as usize).collect();
            for (j, a) in r.additions.iter().enumerate() {
                let apath = format!("{path}.additions[{j}]");
                if a.context.is_empty() {
                    self.problem(
                        format!("{apath}.context"),
                        "an addition needs a context; put unconditional advice in the text",
                    );
                }
                self.check_context(&a.context, &format!("{apath}.context"));
                for (k, l) in a.at_levels.iter().enumerate() {
                    if !given.contains(&(*l as usize)) {
                        self.problem(
                            format!("{apath}.at_levels[{k}]"),
                            "the recommendation itself is not given at this level",
                        );
                    }
                }
                self.check_text(format!("{apath}.text"), &a.text, 1, text::TEXT);
                self.check_required_legal_basis(
                    &a.legal_basis,
                    &format!("{apath}.legal_basis"),
                    "cite at least one source",
                );
            }
            if let Some(basis) = &r.basis {
                self.check_basis(basis, &format!("{path}.basis"));
            }
            if repeated.binary_search(&i).is_ok() {
                self.problem(
                    format!("{path}.kind"),
                    "the same kind of recommendation is given twice: one rule per kind (its wording is keyed by kind), with `context` and `additions` for the cases it covers",
                );
            }
            if r.kind == RecommendationKind::NonPunishment {
                self.problem(
                    format!("{path}.kind"),
                    "the non-punishment advisory is configured in `non_punishment`, not here",
                );
            }
        }
    }
}

/// Whether a condition can hold for a person with no indicator present: it asks only about
/// the person (exempt from the means, treated as a child), or it is an `any` with such a
/// branch. Elements, dimensions, indicators and a positive score all need evidence (a score
/// threshold of zero or less is reported on its own).
fn holds_without_evidence(cond: &Condition) -> bool {
    match cond {
        Condition::MeansNotRequired | Condition::TreatedAsChild => true,
        Condition::Any(branches) => branches.iter().any(holds_without_evidence),
        Condition::ElementMet(_)
        | Condition::AnyDimensionPositive(_)
        | Condition::IndicatorPresent { .. }
        | Condition::ScoreAtLeast(_)
        | Condition::ListIndicatorPresent { .. }
        | Condition::AnyIndicatorPresent { .. } => false,
    }
}

/// A number in a problem message: as written for everyday sizes, in exponent form for the
/// very small or very large (`{}` writes 1e-320 with more than three hundred digits).
fn shown(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
