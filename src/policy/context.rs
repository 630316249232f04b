//! Conditions on who the person is and what the case records, beside the evidence, shared by
//! rule sets (recommendations, their additions and notices) and contact directories.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{Measure, Sector};
use crate::model::id::IndicatorId;
use crate::model::indicator::ExploitationForm;

/// A condition on who the person is and what the case records, beside the evidence: it
/// decides whether a recommendation, an addition to it, a notice or a contact fits the case.
/// It never decides a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ContextCondition {
    /// The person is not a national, or nationality is not recorded (the advice then says
    /// "if the person is not a national").
    NotNational,
    /// The person is a child now, or presumed one pending age assessment.
    Child,
    /// As `child`, for a service whose law sets a lower age than the rule set's own limit
    /// (Korea's Child Welfare Act: under 18, where the rule sets' limit is 19): the person is
    /// a child now, or presumed one, and what the case records shows them under this age now
    /// or leaves it open: the age now; else the age at the time of the act, "under 18 then",
    /// or the years of birth and of the start (no one is younger now than then; where these
    /// disagree, the lowest); and "under 18 now" where answered.
    ChildUnder(#[schemars(range(min = 1))] u8),
    /// The person is recorded as having a disability.
    Disability,
    /// One of these forms is under consideration: listed in the case's `forms`, shown by a
    /// present purpose fact of that form, or (for `sexual`) a prostitution offence listed.
    Forms(#[schemars(length(min = 1))] Vec<ExploitationForm>),
    /// The case's sector is one of these.
    Sectors(#[schemars(length(min = 1))] Vec<Sector>),
    /// The case lists an offence or a pending measure.
    OffenceOrMeasure,
    /// The case lists one of these pending measures.
    Measures(#[schemars(length(min = 1))] Vec<Measure>),
    /// The case lists one of these offences, at any stage (since schema 4.12.0).
    Offences(#[schemars(length(min = 1))] Vec<crate::case::OffenceKind>),
    /// The form `sexual` is under consideration (as `forms: [sexual]`) and the sexual
    /// exploitation may be of one of these types: the case lists one of them in
    /// `sexual_exploitation_types`, or lists no type (not known yet); a prostitution offence
    /// listed counts as `prostitution`. For the laws and services of the sex trade, which
    /// other sexual exploitation (images, live streams) does not call for (since schema
    /// 4.13.0).
    SexualExploitationTypes(#[schemars(length(min = 1))] Vec<crate::case::SexualExploitationType>),
    /// The interview recorded that the person is hurt or needs a doctor (a "yes" to either
    /// safety question): for an emergency medical service (since schema 4.15.0).
    HurtOrNeedsDoctor,
    /// One of these indicators is recorded present: for advice that follows from one fact,
    /// such as the law against holding a person's passport (since schema 5.1.0). Rule sets
    /// only: the ids must be in the catalogue the rule set is validated with; a contact
    /// directory, validated without one, may not use it.
    IndicatorsPresent(#[schemars(length(min = 1))] Vec<IndicatorId>),
    /// No pending measure is recorded: the person is not detained, under removal or being
    /// refused entry (yet). For advice to whoever meets the person before any such measure,
    /// such as an official's duty to notify the immigration office and its exemptions
    /// (since schema 5.2.0).
    NoMeasure,
    /// The person is at least this many years old now by what the case records: the age now;
    /// else, since no one is younger now than then, the least age at the time of the act (as
    /// `child_under` reads it). A year of birth alone gives no age now (the engine reads no
    /// clock, so that an assessment is the same on any day): record the age. For a service or
    /// a duty for older people (Korea's elder protection agencies and the duty to report elder
    /// abuse, for persons of 65 and over, Elderly Welfare Act Art. 39-6(2)) (since schema
    /// 5.3.0).
    AgeAtLeast(#[schemars(range(min = 1, max = 130))] u8),
    /// At least one of these conditions holds: for advice that follows from any of several
    /// facts, such as the child-abuse measures for a child recorded hurt, or confined,
    /// threatened or sold (since schema 5.5.0). `not_national` may not be one of them (the
    /// advice could not say "if the person is not a national" only where that decided it),
    /// nor another `any` (its conditions belong in this one).
    Any(#[schemars(length(min = 1))] Vec<ContextCondition>),
}

/// What [`ContextCondition::walk`] calls on each condition: the condition, its path, and
/// whether it is a branch of an `any`.
pub(crate) type Visit<'a> = dyn FnMut(&ContextCondition, &dyn Fn() -> String, bool) + 'a;

/// Why `not_national` may not be a branch of `any`.
const NOT_NATIONAL_IN_ANY: &str = "`not_national` cannot be one branch of `any`: the advice could not say \"if the person is not a national\" only where that decided it; make it a condition of its own";

/// Why an `any` may not be a branch of `any` (which also bounds how deep a validated
/// condition goes).
const ANY_IN_ANY: &str = "an `any` inside `any` adds nothing: list its conditions in the outer one";

/// Why an age limit of 0 can never hold (a context condition's, or a rule set's age of
/// criminal responsibility).
pub(crate) const UNDER_ZERO: &str = "no one is under 0, so it can never hold";

/// Why an age of at least 0, or of more than the case format's greatest age
/// (`Limits::max_age_years`), decides nothing.
const AT_LEAST_OUT_OF_RANGE: &str =
    "an age of at least 0 always holds and one over 130 never does: give 1 to 130";

impl ContextCondition {
    /// The key and length of the condition's array, for one that has one (`sectors`,
    /// `indicators_present`, ...): what a validator counts against its item limit.
    pub(crate) fn items(&self) -> Option<(&'static str, usize)> {
        match self {
            ContextCondition::Forms(f) => Some(("forms", f.len())),
            ContextCondition::Sectors(s) => Some(("sectors", s.len())),
            ContextCondition::Measures(m) => Some(("measures", m.len())),
            ContextCondition::Offences(o) => Some(("offences", o.len())),
            ContextCondition::SexualExploitationTypes(t) => {
                Some(("sexual_exploitation_types", t.len()))
            }
            ContextCondition::IndicatorsPresent(ids) => Some(("indicators_present", ids.len())),
            ContextCondition::Any(branches) => Some(("any", branches.len())),
            ContextCondition::NotNational
            | ContextCondition::Child
            | ContextCondition::ChildUnder(_)
            | ContextCondition::Disability
            | ContextCondition::OffenceOrMeasure
            | ContextCondition::HurtOrNeedsDoctor
            | ContextCondition::NoMeasure
            | ContextCondition::AgeAtLeast(_) => None,
        }
    }

    /// Why the condition can never hold (or, for an age of at least 0, always holds), as the
    /// validators of rule sets and contact directories word it: a list that names nothing, or
    /// an age no one is under. `None` for a condition that can hold.
    pub(crate) fn never_holds(&self) -> Option<&'static str> {
        let empty = match self {
            ContextCondition::Forms(f) => f.is_empty(),
            ContextCondition::Sectors(s) => s.is_empty(),
            ContextCondition::Measures(m) => m.is_empty(),
            ContextCondition::Offences(o) => o.is_empty(),
            ContextCondition::SexualExploitationTypes(t) => t.is_empty(),
            ContextCondition::IndicatorsPresent(ids) => ids.is_empty(),
            ContextCondition::Any(branches) => branches.is_empty(),
            ContextCondition::ChildUnder(limit) => {
                return (*limit == 0).then_some(UNDER_ZERO);
            }
            ContextCondition::AgeAtLeast(limit) => {
                let oldest = crate::model::limits::Limits::DEFAULT.max_age_years;
                return (*limit == 0 || u64::from(*limit) > oldest)
                    .then_some(AT_LEAST_OUT_OF_RANGE);
            }
            ContextCondition::NotNational
            | ContextCondition::Child
            | ContextCondition::Disability
            | ContextCondition::OffenceOrMeasure
            | ContextCondition::HurtOrNeedsDoctor
            | ContextCondition::NoMeasure => false,
        };
        empty.then_some("names nothing, so it can never hold")
    }

    /// Why this condition cannot be a branch of `any`, if it cannot: `not_national` (the
    /// advice could not then say "if the person is not a national"), and `any` itself.
    pub(crate) fn not_a_branch(&self) -> Option<&'static str> {
        match self {
            ContextCondition::NotNational => Some(NOT_NATIONAL_IN_ANY),
            ContextCondition::Any(_) => Some(ANY_IN_ANY),
            _ => None,
        }
    }

    /// Every reason this condition, or a branch of an `any` (`in_any`), cannot be used as
    /// written, as both validators (rule sets and contact directories) report them, one
    /// problem each: it can never hold ([`never_holds`](Self::never_holds)), and it cannot
    /// be a branch ([`not_a_branch`](Self::not_a_branch)).
    pub(crate) fn problems(&self, in_any: bool) -> impl Iterator<Item = &'static str> {
        self.never_holds()
            .into_iter()
            .chain(self.not_a_branch().filter(|_| in_any))
    }

    /// Calls `visit` on each condition of `context` and, depth first, on each branch of an
    /// `any`, with its path (`{at}[i]`, then `{at}[i].any[j]`) and whether it is a branch of
    /// an `any`: what the validators of rule sets and contact directories check, and count.
    pub(crate) fn walk(
        context: &[ContextCondition],
        at: &dyn Fn() -> String,
        in_any: bool,
        visit: &mut Visit<'_>,
    ) {
        for (i, c) in context.iter().enumerate() {
            let path = || format!("{}[{i}]", at());
            visit(c, &path, in_any);
            if let ContextCondition::Any(branches) = c {
                ContextCondition::walk(branches, &|| format!("{}.any", path()), true, visit);
            }
        }
    }

    /// Gives `count` the length of `context` and of every array in it, branches of `any`
    /// included, each with its path: what the validators of rule sets and contact
    /// directories hold against their item limit.
    pub(crate) fn count_items(
        context: &[ContextCondition],
        at: &dyn Fn() -> String,
        count: &mut dyn FnMut(usize, &dyn Fn() -> String),
    ) {
        count(context.len(), at);
        ContextCondition::walk(context, at, false, &mut |condition, path, _| {
            if let Some((key, n)) = condition.items() {
                count(n, &|| format!("{}.{key}", path()));
            }
        });
    }

    /// Whether this condition, or one of its branches however deep, satisfies `test`.
    pub(crate) fn mentions(&self, test: &dyn Fn(&ContextCondition) -> bool) -> bool {
        test(self)
            || matches!(self, ContextCondition::Any(branches) if branches.iter().any(|b| b.mentions(test)))
    }
}
