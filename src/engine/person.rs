//! Who the person is for the rules: the age that decides the child rules, the exemptions
//! from the means, and the strengths and lists that follow.

use crate::assessment::{AgeBasis, AgeQuestion};
use crate::case::{Case, DisabilityStatus, OffenceKind, SexualExploitationType};
use crate::model::indicator::{AgeGroup, ExploitationForm, Strength};
use crate::policy::rule_set::ContextCondition;
use crate::policy::rule_set::ExemptGroup;

use crate::model::vocabulary::Level;

use crate::engine::assessor::*;

/// Who the person is, as far as the rules are concerned.
#[derive(Debug, Clone, Copy)]
pub(super) struct Person {
    /// The age group for the child rules (at the act, under the rule set's limit).
    pub(super) age: AgeGroup,
    pub(super) basis: AgeBasis,
    pub(super) child_rules: bool,
    pub(super) child_now: bool,
    /// Whether the questions are put in a child's words: the age now is recorded and under
    /// the limit, or the person is presumed a child. Unlike `child_now`, the age at the act
    /// does not stand in: a person exploited as a child may be an adult now.
    pub(super) addressed_as_child: bool,
    /// Whether the case shows the person an adult now under the rule set's limit: an age
    /// now at or over it, or "not a minor" where the limit is 18 or less (under a limit of
    /// 19, "not a minor" leaves 18 open).
    pub(super) adult_now: bool,
    pub(super) ask_first: Option<AgeQuestion>,
    pub(super) disability: DisabilityStatus,
    pub(super) exempt: bool,
    /// Whether the age now is recorded and under the rule set's age of criminal
    /// responsibility (`non_punishment.child.below_age`): no offence is punished, whatever
    /// the indicators show. An age at the act or a presumption does not settle it.
    pub(super) below_age_of_responsibility: bool,
    /// Whether the person may have been under that age when the exploitation began (the age
    /// then, or the years of birth and of the start), though not under it now: an act of
    /// theirs committed before that age is not punished, which only its date can tell.
    pub(super) below_age_at_act: bool,
}

impl Person {
    /// The same person under the child rules (for `level_if_child`).
    pub(super) fn as_child(self, exempt_children: bool) -> Person {
        Person {
            child_rules: true,
            exempt: self.exempt || exempt_children,
            ..self
        }
    }
}

/// Whether an age makes a person a child under the limit, or None when the year rule leaves
/// it open (one year short of the limit).
pub(super) fn child_by_age(age: u8, (limit, year_rule): (u8, bool)) -> Option<bool> {
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
pub(super) fn child_by_minority(minor: bool, limit: (u8, bool)) -> Option<bool> {
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
pub(super) fn child_by_years(
    birth: u16,
    began: u16,
    (limit, year_rule): (u8, bool),
) -> Option<bool> {
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

/// What to ask first where the ages recorded do not settle the age at the act: the year of
/// birth where it is not recorded; where it is, the year the exploitation began where that is
/// not; where both are (they straddle the limit, which only a rule without the year rule
/// allows), the age at the act or the dates. Never a fact already recorded.
pub(super) fn unsettled_age_question(birth: Option<u16>, began: Option<u16>) -> AgeQuestion {
    match (birth, began) {
        (None, _) => AgeQuestion::BirthYear,
        (Some(_), None) => AgeQuestion::ExploitationBeganYear,
        (Some(_), Some(_)) => AgeQuestion::AgeAtExploitation,
    }
}

impl Assessor {
    pub(super) fn strength(&self, e: &CompiledEntry, person: &Person) -> Strength {
        if person.child_rules { e.child } else { e.adult }
    }

    pub(super) fn person(&self, case: &Case) -> Person {
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
                Some(unsettled_age_question(
                    subject.birth_year,
                    case.exploitation_began_year,
                )),
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
        // Child protection follows the age now: an age in years under the rule set's limit
        // (the year rule concerns the definition, not protection). `minor` ("under 18 now")
        // stands as recorded, whatever the limit: under a limit of 19 a person recorded not
        // a minor is not given child protection while the age is unsettled (the assessment
        // asks the age first, and says what the child rules would give); a minor is given it
        // under any limit. Where no age now is recorded, the age at the act or the
        // presumption stands in. (DESIGN.md, open questions.)
        let child_now = match (subject.age_years, subject.minor) {
            (Some(age), _) => age < limit_years,
            (None, Some(minor)) => minor,
            (None, None) => child_rules,
        };
        let adult_now = match (subject.age_years, subject.minor) {
            (Some(age), _) => age >= limit_years,
            (None, Some(false)) => limit_years <= 18,
            _ => false,
        };
        let addressed_as_child = match (subject.age_years, subject.minor) {
            (Some(_), _) | (None, Some(_)) => child_now,
            (None, None) => subject.possibly_minor == Some(true),
        };
        let age = match basis {
            AgeBasis::AtExploitation | AgeBasis::Now if child_rules => AgeGroup::Child,
            AgeBasis::AtExploitation | AgeBasis::Now => AgeGroup::Adult,
            AgeBasis::Presumed | AgeBasis::NotEstablished => AgeGroup::NotEstablished,
        };
        let disability = subject.disability_status();
        let exempt = (child_rules && self.exempt_children)
            || (disability == DisabilityStatus::Yes && self.exempt_disability);
        // The rule set's age of criminal responsibility, if it sets one: under it now (by the
        // age now recorded), or possibly under it when the exploitation began (the least age
        // then the case allows), though not now.
        let responsibility_age = self
            .non_punishment
            .child
            .as_ref()
            .and_then(|c| c.below_age.as_ref())
            .map(|(age, _)| *age);
        let below_age_of_responsibility = responsibility_age
            .is_some_and(|age| child_now && subject.age_years.is_some_and(|now| now < age));
        let below_age_at_act = !below_age_of_responsibility
            && responsibility_age.is_some_and(|age| {
                subject
                    .least_age_then(case.exploitation_began_year)
                    .is_some_and(|then| then < age)
            });
        Person {
            age,
            basis,
            child_rules,
            child_now,
            addressed_as_child,
            adult_now,
            ask_first,
            disability,
            exempt,
            below_age_of_responsibility,
            below_age_at_act,
        }
    }

    pub(super) fn exempt_because(&self, person: &Person) -> Vec<ExemptGroup> {
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
    pub(super) fn relevant_lists(&self, forms: u16, person: &Person) -> u64 {
        self.lists
            .iter()
            .enumerate()
            .filter(|(_, l)| l.audience.covers(person.age) && (forms == 0 || l.forms & forms != 0))
            .fold(0u64, |m, (i, _)| m | (1 << i))
    }

    /// The lowest level at which the non-punishment advisory names an offence of this kind for
    /// this person. For a child now (or presumed one), an offence the child advisory covers
    /// whatever the indicators show (`covers`: a child on the other side of a purchase of sex,
    /// Youth Sex Offences Act Art. 38(1)) is named from the child's `min_level`, which may be
    /// `no_indicators`; any other offence, and a covered one of a person who is a child only
    /// at the time of the act (the offence's date is not recorded), needs at least one sign of
    /// trafficking (further inquiry): with none recorded, nothing shows an offence committed
    /// in the course of being trafficked (Korea's Act Art. 4(2)) or linked to an exploitation
    /// (Palermo), so no advisory can rest on it. A child under the age of criminal
    /// responsibility (by the age now) is not punished for any offence: every offence is named
    /// from the child's `min_level` (a Korean code review, thirtieth session: a boy of 13 with
    /// little recorded was told the advisory would name his offence from further inquiry).
    pub(super) fn non_punishment_threshold(&self, person: &Person, offence: OffenceKind) -> Level {
        match &self.non_punishment.child {
            Some(child) if person.child_rules || person.child_now => {
                if person.below_age_of_responsibility || self.covers_offence(person, child, offence)
                {
                    child.min_level
                } else {
                    child.min_level.max(Level::FurtherInquiry)
                }
            }
            _ => self.non_punishment.min_level,
        }
    }

    /// Whether the child advisory covers this offence of this person whatever the indicators
    /// show: an offence in `covers`, of a person known to be a child now (an age now, or
    /// "under 18 now", under the limit) or presumed one. Not where only the age at the act
    /// makes the person a child (`child_now` lets it stand in for protection): the offence's
    /// date is not recorded, and a person of 24 exploited at 16 was told "not punished:
    /// mandatory" with nothing asked (a review, twenty-fourth session).
    pub(super) fn covers_offence(
        &self,
        person: &Person,
        child: &CompiledChildNonPunishment,
        offence: OffenceKind,
    ) -> bool {
        person.addressed_as_child && child.covers.contains(&offence)
    }

    /// Whether the non-punishment advisory names this offence at this level.
    pub(super) fn names_offence(
        &self,
        person: &Person,
        level: Level,
        offence: OffenceKind,
    ) -> bool {
        level >= self.non_punishment_threshold(person, offence)
    }
}

/// Whether every condition of a context holds for this case and person; `forms` is the set
/// of forms under consideration (recorded, or shown by a purpose fact or a prostitution
/// offence).
pub(super) fn context_holds(
    context: &[ContextCondition],
    case: &Case,
    person: &Person,
    forms: u16,
) -> bool {
    context
        .iter()
        .all(|c| condition_holds(c, case, person, forms))
}

/// Whether one context condition holds.
fn condition_holds(c: &ContextCondition, case: &Case, person: &Person, forms: u16) -> bool {
    match c {
        ContextCondition::NotNational => case.subject.national != Some(true),
        ContextCondition::Child => person.child_now,
        ContextCondition::ChildUnder(limit) => {
            person.child_now && case.subject.least_age_now(case.exploitation_began_year) < *limit
        }
        ContextCondition::AgeAtLeast(limit) => {
            case.subject.least_age_now(case.exploitation_began_year) >= *limit
        }
        ContextCondition::Disability => person.disability == DisabilityStatus::Yes,
        ContextCondition::Forms(f) => f.iter().any(|f| forms & f.bit() != 0),
        ContextCondition::Sectors(sectors) => case.sector.is_some_and(|s| sectors.contains(&s)),
        ContextCondition::OffenceOrMeasure => {
            !case.offences.is_empty() || !case.measures.is_empty()
        }
        ContextCondition::Measures(m) => case.measures.iter().any(|x| m.contains(x)),
        ContextCondition::NoMeasure => case.measures.is_empty(),
        ContextCondition::Offences(o) => case.offences.iter().any(|x| o.contains(&x.kind)),
        ContextCondition::IndicatorsPresent(ids) => case.observations.iter().any(|o| {
            o.status == crate::case::ObservationStatus::Present && ids.contains(&o.indicator)
        }),
        ContextCondition::Any(branches) => branches
            .iter()
            .any(|b| condition_holds(b, case, person, forms)),
        ContextCondition::HurtOrNeedsDoctor => case
            .interview
            .as_ref()
            .is_some_and(|r| r.safety.hurt_or_needs_doctor()),
        ContextCondition::SexualExploitationTypes(types) => {
            let recorded = &case.sexual_exploitation_types;
            !types.is_empty()
                && forms & ExploitationForm::Sexual.bit() != 0
                && (recorded.is_empty()
                    || recorded.iter().any(|t| types.contains(t))
                    || (types.contains(&SexualExploitationType::Prostitution)
                        && case.lists_offence(OffenceKind::Prostitution)))
        }
    }
}
