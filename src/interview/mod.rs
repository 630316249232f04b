//! A guided interview: the right next question, until the level is settled. No I/O.
//!
//! An [`Interview`] holds a case and asks, one at a time: first safety (is the person hurt, in
//! danger, in need of a doctor), then the person's age (or whether there are reasons to
//! believe they are a child), then the forms of exploitation (and, where the form is sexual
//! and the rule set's advice depends on it, the type of sexual exploitation), then the leads
//! recorded before
//! the interview (indicators "not assessed" with a note), then the indicators in the order of
//! the assessment's `ask_next` ranking. Everything asked and learned is recorded in the case
//! ([`Interview::case`]): saving an interview is saving that case as JSON, and an interview
//! resumed from it asks the same next question.
//!
//! ```
//! use trafficking_indicators::interview::{Interview, Reply, Topic};
//! use trafficking_indicators::{Assessor, Case};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let assessor = Assessor::builtin("kr-2024")?;
//! let mut interview = Interview::new(assessor, Case::default())?;
//! // Safety comes first.
//! let first = interview.next().expect("a question");
//! assert!(matches!(first.topic, Topic::Safety(_)));
//! interview.reply(Reply::No, None)?;
//! interview.reply(Reply::No, None)?;
//! interview.reply(Reply::No, None)?;
//! // Then the age.
//! assert_eq!(interview.next().map(|q| q.topic), Some(Topic::Age));
//! interview.answer_age(Some(17))?;
//! assert!(interview.assessment()?.explanation.subject.treated_as_child);
//! interview.undo();
//! assert_eq!(interview.next().map(|q| q.topic), Some(Topic::Age));
//! # Ok(())
//! # }
//! ```

use std::sync::OnceLock;

use crate::assessment::{Assessment, Level};
use crate::case::{
    Answer, Case, EvidenceSource, InterviewRecord, Note, Observation, ObservationStatus,
    OpeningQuestion, SexualExploitationType,
};
use crate::engine::assessor::Assessor;
use crate::model::error::CaseError;
use crate::model::id::IndicatorId;
use crate::model::indicator::{Dimension, ExploitationForm};

pub use crate::engine::questions::MAX_SAME_DIMENSION_IN_A_ROW;
use crate::engine::questions::RunKey;

/// The safety questions, asked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SafetyQuestion {
    /// Is the person hurt?
    Hurt,
    /// Is the person in danger now?
    InDanger,
    /// Does the person need a doctor?
    NeedsDoctor,
}

impl SafetyQuestion {
    /// In the order asked.
    pub const ALL: [SafetyQuestion; 3] = [
        SafetyQuestion::Hurt,
        SafetyQuestion::InDanger,
        SafetyQuestion::NeedsDoctor,
    ];

    /// The snake_case name (as in the case's `interview.safety`).
    pub const fn as_str(self) -> &'static str {
        match self {
            SafetyQuestion::Hurt => "hurt",
            SafetyQuestion::InDanger => "in_danger",
            SafetyQuestion::NeedsDoctor => "needs_doctor",
        }
    }
}

/// What a question is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Topic {
    /// A safety question.
    Safety(SafetyQuestion),
    /// The person's age, in years.
    Age,
    /// Whether there are reasons to believe the person is a child (the age is not known).
    ReasonsToBelieveChild,
    /// The calendar year of birth (the age at the time of the act is not settled).
    BirthYear,
    /// The forms of exploitation.
    Forms,
    /// The type of sexual exploitation: asked right after the forms where the form `sexual`
    /// is recorded with no type and the rule set's advice depends on the type (under the
    /// Korean rule sets, whether the Sex Trade Act's notice and services are given:
    /// [`Assessor::advice_depends_on_sexual_exploitation_types`]).
    SexualExploitationTypes,
    /// An indicator of the catalogue.
    Indicator(IndicatorId),
}

impl Topic {
    /// What kind of question it is, as an id: `safety`, `age`, `reasons_to_believe_child`,
    /// `birth_year`, `forms`, `sexual_exploitation_types` or `indicator` (the screening
    /// page's API sends it as `kind`).
    pub const fn kind(&self) -> &'static str {
        match self {
            Topic::Safety(_) => "safety",
            Topic::Age => "age",
            Topic::ReasonsToBelieveChild => "reasons_to_believe_child",
            Topic::BirthYear => "birth_year",
            Topic::Forms => "forms",
            Topic::SexualExploitationTypes => "sexual_exploitation_types",
            Topic::Indicator(_) => "indicator",
        }
    }
}

/// The next question, and what its answer could change.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct NextQuestion {
    /// Its number in the interview, from 1: one more than the questions this interview has
    /// asked (the safety answers, `opening_asked` and `asked` of the case's interview record),
    /// so numbers run on without a gap, across a save and resume too. An answer the case
    /// recorded before the interview was not asked, and takes no number.
    pub number: u32,
    /// What it is about.
    pub topic: Topic,
    /// For an indicator: it was recorded "not assessed" with a note before the interview (a
    /// lead).
    pub lead: bool,
    /// For an indicator: its dimension (none for an element fact).
    pub dimension: Option<Dimension>,
    /// For an indicator: the level if the answer is yes.
    pub level_if_yes: Option<Level>,
    /// For an indicator: whether a yes would make its dimension positive.
    pub makes_dimension_positive: bool,
}

/// Its number and the kind of question, never the indicator or what a yes would change (the
/// level, a dimension: findings about the person); `{:?}` is what ends up in logs.
impl std::fmt::Debug for NextQuestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NextQuestion")
            .field("number", &self.number)
            .field("kind", &self.topic.kind())
            .finish_non_exhaustive()
    }
}

/// A yes-or-no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reply {
    /// Yes: present.
    Yes,
    /// No: absent.
    No,
    /// Not known: not assessed.
    NotKnown,
}

/// Why the interview can stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FinishReason {
    /// No open question can change the level any more.
    LevelCannotChange,
    /// Every question that could apply has been asked once (when the interview's conditions
    /// make a "no" unreliable, the interview asks everything once).
    EveryQuestionAsked,
}

impl FinishReason {
    /// The reason as an id (`level_cannot_change`, `every_question_asked`): the locale files
    /// word it under `interview.finished.<id>`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FinishReason::LevelCannotChange => "level_cannot_change",
            FinishReason::EveryQuestionAsked => "every_question_asked",
        }
    }
}

const SOURCE_OFF_INDICATOR: &str =
    "a reply without a source: only an indicator's answer records how it is known";
const NOT_YES_OR_NO: &str =
    "a number of years, a year, the forms of exploitation, or the types of sexual exploitation";
const NOTE_OFF_INDICATOR: &str =
    "a reply without a note: only an indicator's answer records a note";
const REASONS_YES_OR_NO: &str =
    "yes or no: this is the interviewer's own observation, not a question to the person";
const TYPES_WITHOUT_SEXUAL_FORM: &str =
    "the types of sexual exploitation only once the form sexual is recorded";

/// Every `expected` text of an [`InterviewError::WrongAnswer`], with the key of its words in
/// the locale files (`error.interview.expected.<key>`).
pub(crate) const WRONG_ANSWER_TEXTS: [(&str, &str); 5] = [
    (SOURCE_OFF_INDICATOR, "source_off_indicator"),
    (NOT_YES_OR_NO, "not_yes_or_no"),
    (NOTE_OFF_INDICATOR, "note_off_indicator"),
    (REASONS_YES_OR_NO, "reasons_yes_or_no"),
    (TYPES_WITHOUT_SEXUAL_FORM, "types_without_sexual_form"),
];

/// A note as the interview takes it: one of spaces only is no note.
fn written(note: Option<&str>) -> Option<&str> {
    note.filter(|n| !n.trim().is_empty())
}

/// An answer the interview cannot take.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InterviewError {
    /// The reply does not fit the question (for example yes or no to the age question).
    #[error("this answer does not fit the current question ({expected})")]
    WrongAnswer {
        /// What the question takes.
        expected: &'static str,
    },
    /// There is no question left to answer.
    #[error("the interview has no question left")]
    NoQuestion,
    /// The answer makes the case invalid (the message names where, never the value).
    #[error(transparent)]
    Case(#[from] CaseError),
}

impl InterviewError {
    /// The message in `locale`: in English exactly the `Display` text, in Korean the
    /// project's translation (see [`CaseError::message_in`]).
    pub fn message_in(&self, locale: crate::render::locale::Locale) -> String {
        match self {
            InterviewError::WrongAnswer { expected } => {
                let expected = match WRONG_ANSWER_TEXTS.iter().find(|(t, _)| t == expected) {
                    Some((_, key)) => locale
                        .word_or_key(&format!("error.interview.expected.{key}"))
                        .to_owned(),
                    None => (*expected).to_owned(),
                };
                crate::render::locale::fill(
                    locale.word_or_key("error.interview.wrong_answer"),
                    &[("expected", &expected)],
                )
            }
            InterviewError::NoQuestion => {
                locale.word_or_key("error.interview.no_question").to_owned()
            }
            InterviewError::Case(e) => e.message_in(locale),
        }
    }
}

/// Records in the case's interview record that the interview asked an opening question (up
/// to the limit of the record's list, which only a case whose answers were removed outside
/// the interview a thousand times could reach).
fn asked_opening(case: &mut Case, question: OpeningQuestion) {
    let limit = crate::model::limits::Limits::default().max_observations;
    let record = case.interview.get_or_insert_with(InterviewRecord::default);
    if record.opening_asked.len() < limit {
        record.opening_asked.push(question);
    }
}

/// How many answers an [`Interview`] can undo, the last ones: more than twice the answers
/// of an interview that asks every question once (109 under each built-in rule set, with
/// every form recorded, in a test), so that only answers given again and again reach it.
/// Each keeps a state of the case, so the bound is the interview's memory bound (in states:
/// a state with long notes weighs more).
pub const MAX_UNDO: usize = 256;

/// A guided interview over a case (see the [module documentation](self)). Its `Debug`
/// output names the rule set, the case as [`Case`]'s `Debug` shows it (no value) and how many
/// answers can be undone, never the earlier states of the case.
#[derive(Clone)]
pub struct Interview<'a> {
    assessor: &'a Assessor,
    case: Case,
    /// The states of the case before its last answers, at most [`MAX_UNDO`] (the oldest is
    /// dropped first).
    history: std::collections::VecDeque<Case>,
    /// The case's assessment with every open question ranked, computed once per state of the
    /// case (`next`, `finished` and `open_questions` read it; every change clears it).
    ranked: OnceLock<Option<Assessment>>,
}

impl std::fmt::Debug for Interview<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interview")
            .field("rule_set", &self.assessor.stamp().id)
            .field("case", &self.case)
            .field("answers_to_undo", &self.history.len())
            .finish_non_exhaustive()
    }
}

impl<'a> Interview<'a> {
    /// Starts (or resumes) an interview on a case; the case must assess.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::interview::{Interview, Reply, Topic};
    /// use trafficking_indicators::{Assessor, Case, ExploitationForm};
    ///
    /// let mut interview = Interview::new(Assessor::builtin("kr-2024")?, Case::default())?;
    /// // Safety first, then age, then the forms, then indicators.
    /// while let Some(q) = interview.next() {
    ///     match q.topic {
    ///         Topic::Safety(_) => interview.reply(Reply::No, None)?,
    ///         Topic::Age => interview.answer_age(Some(31))?,
    ///         Topic::Forms => interview.answer_forms(&[ExploitationForm::Labour])?,
    ///         Topic::Indicator(_) => break,
    ///         _ => interview.reply(Reply::NotKnown, None)?,
    ///     }
    /// }
    /// interview.reply(Reply::Yes, Some("the employer keeps the passport"))?;
    /// // Saving is the case JSON; loading it resumes at the same question.
    /// let saved = interview.case().to_json_pretty();
    /// let resumed = Interview::new(Assessor::builtin("kr-2024")?, Case::from_json(&saved)?)?;
    /// assert_eq!(resumed.next().map(|q| q.topic), interview.next().map(|q| q.topic));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(assessor: &'a Assessor, case: Case) -> Result<Interview<'a>, CaseError> {
        case.check()?;
        let ranked = assessor.assess_listing(&case, usize::MAX)?;
        Ok(Interview {
            assessor,
            case,
            history: std::collections::VecDeque::new(),
            ranked: OnceLock::from(Some(ranked)),
        })
    }

    /// The case so far: save it as JSON to resume later.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The assessment of the case so far.
    pub fn assessment(&self) -> Result<Assessment, CaseError> {
        self.assessor.assess(&self.case)
    }

    /// What the interview has recorded so far (nothing yet: the empty record), borrowed.
    fn record(&self) -> &InterviewRecord {
        static EMPTY: std::sync::OnceLock<InterviewRecord> = std::sync::OnceLock::new();
        self.case
            .interview
            .as_ref()
            .unwrap_or_else(|| EMPTY.get_or_init(InterviewRecord::default))
    }

    /// The indicators this interview has asked, sorted, for lookups: a case answered in full
    /// lists a hundred or more, and the open questions are looked up in it one by one.
    fn asked_sorted(&self) -> Vec<&str> {
        let mut asked: Vec<&str> = self
            .case
            .interview
            .as_ref()
            .map(|r| r.asked.iter().map(IndicatorId::as_str).collect())
            .unwrap_or_default();
        asked.sort_unstable();
        asked
    }

    /// How many questions this interview has asked so far (all topics), for numbering: not
    /// what the case records, which may have been written before the interview.
    fn asked_count(&self) -> u32 {
        let Some(r) = &self.case.interview else {
            return 0;
        };
        let safety = [r.safety.hurt, r.safety.in_danger, r.safety.needs_doctor]
            .iter()
            .filter(|a| a.is_some())
            .count();
        let count = safety
            .saturating_add(r.opening_asked.len())
            .saturating_add(r.asked.len());
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// The opening question still to ask, if any: safety, age, forms, type of sexual
    /// exploitation.
    fn opening(&self, a: &Assessment) -> Option<Topic> {
        let r = self.record();
        let safety = [
            (SafetyQuestion::Hurt, r.safety.hurt),
            (SafetyQuestion::InDanger, r.safety.in_danger),
            (SafetyQuestion::NeedsDoctor, r.safety.needs_doctor),
        ];
        if let Some((q, _)) = safety.iter().find(|(_, a)| a.is_none()) {
            return Some(Topic::Safety(*q));
        }
        let s = &self.case.subject;
        let age_now_known = s.age_years.is_some() || s.minor.is_some();
        if !age_now_known && !r.age_not_known {
            return Some(Topic::Age);
        }
        // Not where an age at the act is recorded: the case cannot hold the presumption
        // beside it (`Subject::check_ages`), so a "yes" would be refused.
        if !s.age_recorded(self.case.exploitation_began_year) && s.possibly_minor.is_none() {
            return Some(Topic::ReasonsToBelieveChild);
        }
        // The year of birth only where the assessment asks it first (never once recorded).
        // The interview asks neither the year the exploitation began nor the age then (the
        // assessment's other first questions where the year of birth is recorded): the report
        // asks them, and the interview goes on to the forms and the indicators.
        if a.explanation.subject.ask_first == Some(crate::assessment::AgeQuestion::BirthYear)
            && s.birth_year.is_none()
            && !r.age_not_known
            && !r.birth_year_not_known
        {
            return Some(Topic::BirthYear);
        }
        if self.case.forms.is_empty() && !r.forms_not_known {
            return Some(Topic::Forms);
        }
        // Asked only where the answer can change the advice: a question about what was done
        // to the person that changes nothing is not put to them. A prostitution offence
        // listed already counts as the sex trade (`ContextCondition::SexualExploitationTypes`).
        if self.case.forms.contains(&ExploitationForm::Sexual)
            && self.case.sexual_exploitation_types.is_empty()
            && !r.sexual_exploitation_types_not_known
            && !self
                .case
                .lists_offence(crate::case::OffenceKind::Prostitution)
            && self.assessor.advice_depends_on_sexual_exploitation_types()
        {
            return Some(Topic::SexualExploitationTypes);
        }
        None
    }

    /// Leads: indicators recorded "not assessed" with a note before the interview, in case
    /// order, not yet asked.
    fn lead(&self, asked: &[&str]) -> Option<IndicatorId> {
        self.case
            .observations
            .iter()
            .find(|o| {
                o.status == ObservationStatus::NotAssessed
                    && o.note.is_some()
                    && asked.binary_search(&o.indicator.as_str()).is_err()
            })
            .map(|o| o.indicator.clone())
    }

    /// The assessment with every open question ranked.
    fn ranked(&self) -> Option<&Assessment> {
        self.ranked
            .get_or_init(|| self.assessor.assess_listing(&self.case, usize::MAX).ok())
            .as_ref()
    }

    /// The dimension (or the element, for element facts) of the last indicator questions
    /// asked (as many as [`MAX_SAME_DIMENSION_IN_A_ROW`]), when they share one.
    fn streak(&self) -> Option<RunKey> {
        let asked = self.case.interview.as_ref().map(|r| r.asked.as_slice())?;
        crate::engine::questions::streak(asked, |id| self.run_key(id))
    }

    /// What the rule against long runs groups this question with.
    fn run_key(&self, id: &IndicatorId) -> Option<RunKey> {
        let e = self.assessor.catalogue().get(id.as_str())?;
        RunKey::of(e.dimension, e.element)
    }

    /// The next question, or `None` when there is nothing left to ask.
    pub fn next(&self) -> Option<NextQuestion> {
        self.next_from(self.ranked()?)
    }

    /// The next question, given the case's assessment with every open question ranked.
    fn next_from(&self, a: &Assessment) -> Option<NextQuestion> {
        let number = self.asked_count() + 1;
        if let Some(topic) = self.opening(a) {
            return Some(NextQuestion {
                number,
                topic,
                lead: false,
                dimension: None,
                level_if_yes: None,
                makes_dimension_positive: false,
            });
        }
        let asked = self.asked_sorted();
        if let Some(id) = self.lead(&asked) {
            let q = a.explanation.ask_next.iter().find(|q| q.id == id);
            let dimension = self
                .assessor
                .catalogue()
                .get(id.as_str())
                .and_then(|e| e.dimension);
            return Some(NextQuestion {
                number,
                lead: true,
                dimension,
                level_if_yes: q.map(|q| q.level_if_present),
                makes_dimension_positive: q.is_some_and(|q| q.makes_dimension_positive),
                topic: Topic::Indicator(id),
            });
        }
        let open: Vec<_> = a
            .explanation
            .ask_next
            .iter()
            .filter(|q| asked.binary_search(&q.id.as_str()).is_err())
            .collect();
        // Never more than three in a row from one dimension, unless only that dimension can
        // move the level; never more than three facts of one element (the probes of the
        // forms) at all, while any other question is open.
        let streak = self.streak();
        let only_that_moves = streak.filter(|d| d.may_run_on()).is_some_and(|d| {
            let movers: Vec<_> = open
                .iter()
                .filter(|q| q.level_if_present > a.level)
                .collect();
            !movers.is_empty() && movers.iter().all(|q| self.run_key(&q.id) == Some(d))
        });
        let q = open
            .iter()
            .find(|q| streak.is_none() || only_that_moves || self.run_key(&q.id) != streak)
            .or_else(|| open.first())?;
        Some(NextQuestion {
            number,
            topic: Topic::Indicator(q.id.clone()),
            lead: false,
            dimension: q.dimension,
            level_if_yes: Some(q.level_if_present),
            makes_dimension_positive: q.makes_dimension_positive,
        })
    }

    /// Why the interview can stop, if it can.
    pub fn finished(&self) -> Option<FinishReason> {
        let a = self.ranked()?;
        match self.next_from(a) {
            None => Some(FinishReason::EveryQuestionAsked),
            Some(q) if !matches!(q.topic, Topic::Indicator(_)) || q.lead => None,
            Some(_) if !self.case.interview_conditions.is_empty() => None,
            Some(_) if !a.level_range.could_change => Some(FinishReason::LevelCannotChange),
            Some(_) => None,
        }
    }

    fn commit(&mut self, case: Case) -> Result<(), InterviewError> {
        // The assessment checks the case as `Case::check` does (its limits, and conflicting
        // observations reported the same way), so a case it takes is valid: checking it
        // first as well would do the work twice on every answer.
        let ranked = self.assessor.assess_listing(&case, usize::MAX)?;
        // The case before the answer is kept for undo (moved, not copied), the last
        // `MAX_UNDO` of them: an interview answered again and again (a program driving it,
        // a page left open) keeps a bounded memory.
        if self.history.len() >= MAX_UNDO {
            self.history.pop_front();
        }
        self.history
            .push_back(std::mem::replace(&mut self.case, case));
        self.ranked = OnceLock::from(Some(ranked));
        Ok(())
    }

    /// Answers an indicator question (the current one or any other): its status, how it was
    /// established, and a note (never repeated in errors). Replaces an earlier answer; a lead
    /// (an observation recorded "not assessed") keeps its note and source where the answer
    /// gives none.
    pub fn answer(
        &mut self,
        indicator: &IndicatorId,
        status: ObservationStatus,
        source: Option<EvidenceSource>,
        note: Option<&str>,
    ) -> Result<(), InterviewError> {
        let mut case = self.case.clone();
        // A lead (recorded "not assessed" before it was asked) keeps its note and source unless
        // the answer gives its own: the answer settles the lead, it does not erase it. An
        // earlier answer (present or absent) is replaced whole: its note was about that answer.
        let before = case
            .observations
            .iter()
            .find(|o| &o.indicator == indicator && o.status == ObservationStatus::NotAssessed);
        let mut observation = Observation::new(indicator.clone(), status);
        observation.source = source.or_else(|| before.and_then(|o| o.source));
        observation.note = written(note)
            .map(Note::new)
            .or_else(|| before.and_then(|o| o.note.clone()));
        case.observations.retain(|o| &o.indicator != indicator);
        case.observations.push(observation);
        let record = case.interview.get_or_insert_with(InterviewRecord::default);
        if !record.asked.contains(indicator) {
            record.asked.push(indicator.clone());
        }
        self.commit(case)
    }

    /// Answers the current yes-or-no question: safety, reasons to believe a child, or an
    /// indicator. An indicator's answer may carry a note, and is recorded as the person's
    /// own (`self_report`); [`reply_from`](Self::reply_from) records another source. The
    /// case format has no place for a note on the other questions, so a note there is a
    /// [`InterviewError::WrongAnswer`] and nothing is recorded, rather than a note dropped
    /// without a word; so is "not known" to whether there are reasons to believe the person
    /// is a child, which is the interviewer's own observation (yes or no), not the person's
    /// answer.
    pub fn reply(&mut self, reply: Reply, note: Option<&str>) -> Result<(), InterviewError> {
        self.reply_inner(reply, None, note)
    }

    /// Answers the current indicator question and records how the answer is known: a
    /// passport found in the employer's safe is a `document` or a `direct_observation`, not
    /// the person's word. Only an indicator's answer records a source; for any other
    /// question this is a [`InterviewError::WrongAnswer`] and nothing is recorded (use
    /// [`reply`](Self::reply)).
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::interview::{Interview, Reply, Topic};
    /// use trafficking_indicators::{Assessor, Case, EvidenceSource, ExploitationForm};
    ///
    /// let assessor = Assessor::builtin("kr-2024")?;
    /// let mut case = Case::default();
    /// case.subject.age_years = Some(34);
    /// let mut interview = Interview::new(assessor, case)?;
    /// interview.answer_forms(&[ExploitationForm::Labour])?;
    /// // The safety questions first: the person's own answers.
    /// while !matches!(interview.next().map(|q| q.topic), Some(Topic::Indicator(_))) {
    ///     interview.reply(Reply::No, None)?;
    /// }
    /// if let Some(Topic::Indicator(id)) = interview.next().map(|q| q.topic) {
    ///     interview.reply_from(Reply::Yes, EvidenceSource::DirectObservation, Some("seen on site"))?;
    ///     let recorded = interview.case().observations.iter().find(|o| o.indicator == id);
    ///     assert_eq!(recorded.and_then(|o| o.source), Some(EvidenceSource::DirectObservation));
    /// }
    /// // A safety question records no source: asked with one, it is refused.
    /// let mut fresh = Interview::new(assessor, Case::default())?;
    /// assert!(fresh.reply_from(Reply::No, EvidenceSource::Document, None).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reply_from(
        &mut self,
        reply: Reply,
        source: EvidenceSource,
        note: Option<&str>,
    ) -> Result<(), InterviewError> {
        self.reply_inner(reply, Some(source), note)
    }

    fn reply_inner(
        &mut self,
        reply: Reply,
        source: Option<EvidenceSource>,
        note: Option<&str>,
    ) -> Result<(), InterviewError> {
        let next = self.next().ok_or(InterviewError::NoQuestion)?;
        let indicator = matches!(next.topic, Topic::Indicator(_));
        if source.is_some() && !indicator {
            return Err(InterviewError::WrongAnswer {
                expected: SOURCE_OFF_INDICATOR,
            });
        }
        if written(note).is_some() && !indicator {
            return Err(InterviewError::WrongAnswer {
                expected: NOTE_OFF_INDICATOR,
            });
        }
        if next.topic == Topic::ReasonsToBelieveChild && reply == Reply::NotKnown {
            return Err(InterviewError::WrongAnswer {
                expected: REASONS_YES_OR_NO,
            });
        }
        let answer = match reply {
            Reply::Yes => Answer::Yes,
            Reply::No => Answer::No,
            Reply::NotKnown => Answer::NotKnown,
        };
        match next.topic {
            Topic::Safety(q) => {
                let mut case = self.case.clone();
                let record = case.interview.get_or_insert_with(InterviewRecord::default);
                match q {
                    SafetyQuestion::Hurt => record.safety.hurt = Some(answer),
                    SafetyQuestion::InDanger => record.safety.in_danger = Some(answer),
                    SafetyQuestion::NeedsDoctor => record.safety.needs_doctor = Some(answer),
                }
                self.commit(case)
            }
            Topic::ReasonsToBelieveChild => {
                let mut case = self.case.clone();
                case.subject.possibly_minor = Some(reply == Reply::Yes);
                asked_opening(&mut case, OpeningQuestion::ReasonsToBelieveChild);
                self.commit(case)
            }
            Topic::Indicator(id) => {
                let status = match reply {
                    Reply::Yes => ObservationStatus::Present,
                    Reply::No => ObservationStatus::Absent,
                    Reply::NotKnown => ObservationStatus::NotAssessed,
                };
                let source = source.unwrap_or(EvidenceSource::SelfReport);
                self.answer(&id, status, Some(source), note)
            }
            Topic::Age | Topic::BirthYear | Topic::Forms | Topic::SexualExploitationTypes => {
                Err(InterviewError::WrongAnswer {
                    expected: NOT_YES_OR_NO,
                })
            }
        }
    }

    /// Answers the age question: years, or `None` when not known. An age given after the
    /// age was recorded as not known (the age learned later, from a document, say) records
    /// it and ends what stood in its place: `age_not_known`, and a presumption that the
    /// person is a child (`possibly_minor`), which holds only until the age is established.
    pub fn answer_age(&mut self, years: Option<u8>) -> Result<(), InterviewError> {
        let mut case = self.case.clone();
        match years {
            Some(y) => {
                case.subject.age_years = Some(y);
                case.subject.possibly_minor = None;
                if let Some(record) = case.interview.as_mut() {
                    record.age_not_known = false;
                }
            }
            None => {
                case.interview
                    .get_or_insert_with(InterviewRecord::default)
                    .age_not_known = true;
            }
        }
        asked_opening(&mut case, OpeningQuestion::Age);
        self.commit(case)
    }

    /// Answers the year-of-birth question: the year, or `None` when not known (recorded as
    /// `birth_year_not_known`: the age already given stays known).
    pub fn answer_birth_year(&mut self, year: Option<u16>) -> Result<(), InterviewError> {
        let mut case = self.case.clone();
        match year {
            Some(y) => case.subject.birth_year = Some(y),
            None => {
                case.interview
                    .get_or_insert_with(InterviewRecord::default)
                    .birth_year_not_known = true;
            }
        }
        asked_opening(&mut case, OpeningQuestion::BirthYear);
        self.commit(case)
    }

    /// Answers the forms question: the forms, or none when not known.
    pub fn answer_forms(&mut self, forms: &[ExploitationForm]) -> Result<(), InterviewError> {
        let mut case = self.case.clone();
        let mut forms = forms.to_vec();
        forms.sort_unstable();
        forms.dedup();
        if forms.is_empty() {
            case.interview
                .get_or_insert_with(InterviewRecord::default)
                .forms_not_known = true;
        } else {
            case.forms = forms;
        }
        asked_opening(&mut case, OpeningQuestion::Forms);
        self.commit(case)
    }

    /// Answers the question of the type of sexual exploitation: the types, or none when not
    /// known (recorded as `sexual_exploitation_types_not_known`; the case's advice then reads
    /// as if the type may be the sex trade). Types given after "not known" replace it. Only
    /// once the form `sexual` is recorded: before, any answer (even "not known") is a
    /// [`InterviewError::WrongAnswer`] and nothing is recorded.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::case::SexualExploitationType;
    /// use trafficking_indicators::interview::{Interview, Reply, Topic};
    /// use trafficking_indicators::{Assessor, Case, ExploitationForm};
    ///
    /// let assessor = Assessor::builtin("kr-2024")?;
    /// let mut case = Case::default();
    /// case.subject.age_years = Some(13);
    /// let mut interview = Interview::new(assessor, case)?;
    /// while matches!(interview.next().map(|q| q.topic), Some(Topic::Safety(_))) {
    ///     interview.reply(Reply::No, None)?;
    /// }
    /// interview.answer_forms(&[ExploitationForm::Sexual])?;
    /// // Under the Korean rule sets the type decides whether the Sex Trade Act applies.
    /// assert_eq!(interview.next().map(|q| q.topic), Some(Topic::SexualExploitationTypes));
    /// interview.answer_sexual_exploitation_types(&[SexualExploitationType::Pornography])?;
    /// assert!(matches!(interview.next().map(|q| q.topic), Some(Topic::Indicator(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer_sexual_exploitation_types(
        &mut self,
        types: &[SexualExploitationType],
    ) -> Result<(), InterviewError> {
        if !self.case.forms.contains(&ExploitationForm::Sexual) {
            return Err(InterviewError::WrongAnswer {
                expected: TYPES_WITHOUT_SEXUAL_FORM,
            });
        }
        let mut case = self.case.clone();
        let mut types = types.to_vec();
        types.sort_unstable();
        types.dedup();
        if types.is_empty() {
            case.interview
                .get_or_insert_with(InterviewRecord::default)
                .sexual_exploitation_types_not_known = true;
        } else {
            case.sexual_exploitation_types = types;
            if let Some(record) = case.interview.as_mut() {
                record.sexual_exploitation_types_not_known = false;
            }
        }
        asked_opening(&mut case, OpeningQuestion::SexualExploitationTypes);
        self.commit(case)
    }

    /// Skips the current question: an indicator is recorded as not assessed (and not asked
    /// again) with no source, since the person said nothing (a "not known" reply records
    /// the person's own answer, `self_report`); an opening question as not known. Whether
    /// there are reasons to believe the person is a child is the interviewer's own
    /// observation: it cannot be skipped ([`InterviewError::WrongAnswer`]).
    pub fn skip(&mut self) -> Result<(), InterviewError> {
        let next = self.next().ok_or(InterviewError::NoQuestion)?;
        match next.topic {
            Topic::Age => self.answer_age(None),
            Topic::BirthYear => self.answer_birth_year(None),
            Topic::Forms => self.answer_forms(&[]),
            Topic::SexualExploitationTypes => self.answer_sexual_exploitation_types(&[]),
            Topic::Indicator(id) => self.answer(&id, ObservationStatus::NotAssessed, None, None),
            Topic::Safety(_) | Topic::ReasonsToBelieveChild => self.reply(Reply::NotKnown, None),
        }
    }

    /// Undoes the last answer; false when there is nothing to undo in this session (no
    /// answer yet, or the last [`MAX_UNDO`] undone already).
    pub fn undo(&mut self) -> bool {
        match self.history.pop_back() {
            Some(previous) => {
                self.case = previous;
                self.ranked = OnceLock::new();
                true
            }
            None => false,
        }
    }
}

impl Interview<'_> {
    /// Every open indicator question not yet asked in this interview, best first (the
    /// assessment's ranking), leads first.
    pub fn open_questions(&self) -> Vec<IndicatorId> {
        let Some(a) = self.ranked() else {
            return Vec::new();
        };
        let asked = self.asked_sorted();
        let lead = self.lead(&asked);
        let rest = a
            .explanation
            .ask_next
            .iter()
            .filter(|q| {
                asked.binary_search(&q.id.as_str()).is_err() && lead.as_ref() != Some(&q.id)
            })
            .map(|q| q.id.clone())
            .collect::<Vec<_>>();
        lead.into_iter().chain(rest).collect()
    }
}

/// The order in which a simulated interview asks the indicator questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionOrder {
    /// [`Interview::next`].
    Interview,
    /// Catalogue order, among the same open questions.
    Catalogue,
    /// A random order among the same open questions, from a seed.
    Random(u64),
}

/// Simulates an interview of the person a complete case describes, and counts the
/// indicator questions asked until the level reaches reasonable grounds.
///
/// The interview starts from the case's subject, forms and dates (no observations); the
/// opening questions (safety, age, forms, type of sexual exploitation) are answered from the
/// case and not counted; each
/// indicator question is answered "present" if the case records it present, else "absent".
/// Returns `None` when the complete case itself is below reasonable grounds or the
/// interview runs out of questions first.
pub fn questions_to_reasonable_grounds(
    assessor: &Assessor,
    complete: &Case,
    order: QuestionOrder,
) -> Option<u32> {
    if assessor.assess(complete).ok()?.level < Level::ReasonableGrounds {
        return None;
    }
    let start = Case {
        subject: complete.subject.clone(),
        forms: complete.forms.clone(),
        exploitation_began_year: complete.exploitation_began_year,
        sector: complete.sector,
        ..Case::default()
    };
    let present = |id: &IndicatorId| {
        complete
            .observations
            .iter()
            .any(|o| &o.indicator == id && o.status == ObservationStatus::Present)
    };
    let mut interview = Interview::new(assessor, start).ok()?;
    let mut rng = crate::interop::synthetic::SplitMix64(match order {
        QuestionOrder::Random(seed) => seed,
        _ => 0,
    });
    let mut count = 0u32;
    for _ in 0..2000 {
        if interview.assessment().ok()?.level >= Level::ReasonableGrounds {
            return Some(count);
        }
        let next = interview.next()?;
        match next.topic {
            Topic::Safety(_) | Topic::ReasonsToBelieveChild => {
                interview.reply(Reply::No, None).ok()?;
            }
            Topic::Age => interview.answer_age(complete.subject.age_years).ok()?,
            Topic::BirthYear => interview
                .answer_birth_year(complete.subject.birth_year)
                .ok()?,
            Topic::Forms => interview.answer_forms(&complete.forms).ok()?,
            Topic::SexualExploitationTypes => interview
                .answer_sexual_exploitation_types(&complete.sexual_exploitation_types)
                .ok()?,
            Topic::Indicator(first) => {
                let id = match order {
                    QuestionOrder::Interview => first,
                    QuestionOrder::Catalogue => {
                        let open = interview.open_questions();
                        let catalogue = assessor.catalogue();
                        open.into_iter().min_by_key(|id| {
                            catalogue.position(id.as_str()).unwrap_or(usize::MAX)
                        })?
                    }
                    QuestionOrder::Random(_) => {
                        let open = interview.open_questions();
                        let i = rng.below(open.len() as u64) as usize;
                        open.get(i)?.clone()
                    }
                };
                let status = if present(&id) {
                    ObservationStatus::Present
                } else {
                    ObservationStatus::Absent
                };
                interview.answer(&id, status, None, None).ok()?;
                count += 1;
            }
        }
    }
    None
}

impl Interview<'_> {
    /// The words of a question in a language: the interviewer's question for an indicator
    /// (from the catalogue and the locale data), the opening questions from the locale data.
    /// For the forms question, the forms follow, one per line, numbered from 1 in
    /// [`ExploitationForm::ALL`] order. A child is asked in a child's words (see
    /// [`speaks_to_child`](Self::speaks_to_child)).
    pub fn question_text(&self, q: &NextQuestion, locale: crate::render::locale::Locale) -> String {
        use crate::render::locale::Locale;
        let word = |key: &str| locale.word(key).unwrap_or("").to_owned();
        let child = self.speaks_to_child();
        // An opening question's words: the child's where the person is addressed as a child;
        // the locale's before English (the language matters more than the register).
        let opening = |key: &str| -> String {
            let child_key = format!("{key}.child");
            let local = |k: &str| match locale {
                Locale::En => None,
                _ => locale.texts().get(k),
            };
            let english = |k: &str| Locale::En.texts().get(k);
            crate::render::locale::in_register(
                child,
                [local(&child_key), local(key)],
                [english(&child_key), english(key)],
            )
            .unwrap_or("")
            .to_owned()
        };
        match &q.topic {
            Topic::Safety(s) => opening(&format!("interview.safety.{}", s.as_str())),
            Topic::Age => opening("interview.age"),
            Topic::ReasonsToBelieveChild => word("interview.reasons_child"),
            Topic::BirthYear => opening("interview.birth_year"),
            Topic::Forms => {
                let mut text = word("interview.forms");
                for (i, f) in ExploitationForm::ALL.iter().enumerate() {
                    text.push_str(&format!(
                        "\n  {}. {}",
                        i + 1,
                        word(&format!("form.{}", f.as_str()))
                    ));
                }
                text
            }
            Topic::SexualExploitationTypes => {
                let mut text = opening("interview.sexual_exploitation_types");
                // A child is not "in prostitution": the type's child wording where it has one,
                // with the rule set's word for a child (as the report names it).
                let term = word(crate::render::report::child_term_key(
                    self.assessor.rule_set(),
                ));
                for (i, t) in SexualExploitationType::ALL.iter().enumerate() {
                    let key = format!("sexual_type.{}", t.as_str());
                    let name = match locale.word(&format!("{key}.child")).filter(|_| child) {
                        Some(template) => {
                            crate::render::locale::fill(template, &[("child", &term)])
                        }
                        None => word(&key),
                    };
                    text.push_str(&format!("\n  {}. {}", i + 1, name));
                }
                text
            }
            Topic::Indicator(id) => {
                let catalogue = self.assessor.catalogue();
                let id = id.as_str();
                crate::render::report::indicator_question(catalogue, locale, id, child)
                    .or_else(|| crate::render::report::indicator_label(catalogue, locale, id))
                    .unwrap_or_default()
                    .to_owned()
            }
        }
    }

    /// Whether the questions are put to a child: the age now is recorded and under the rule
    /// set's age limit (19 under Korea's Act), or the person is presumed a child while the age
    /// is uncertain ([`SubjectFinding::addressed_as_child`](crate::assessment::SubjectFinding::addressed_as_child)).
    /// [`question_text`](Self::question_text) then gives the child's wording where the data
    /// has one (catalogue `question_child`, locale `indicator.<id>.question_child`,
    /// `interview.safety.<question>.child`, `interview.birth_year.child`). Until the age now
    /// is known the adult wording stands (the age is asked right after safety); an age at the
    /// time of the act does not stand in for it, since a person exploited as a child may be
    /// an adult today (child protection may still apply: that is the assessment's finding).
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::interview::Interview;
    /// use trafficking_indicators::{Assessor, Case};
    ///
    /// let assessor = Assessor::builtin("kr-2024")?;
    /// let mut interview = Interview::new(assessor, Case::default())?;
    /// assert!(!interview.speaks_to_child());
    /// interview.answer_age(Some(18))?; // under 19: a youth under Korea's Act
    /// assert!(interview.speaks_to_child());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn speaks_to_child(&self) -> bool {
        self.ranked()
            .is_some_and(|a| a.explanation.subject.addressed_as_child)
    }

    /// What a "yes" records, for a question about an indicator, in a language: the open
    /// question does not say it, and the interviewer must know which fact a "yes" confirms
    /// (for example "Yes records: Isolation, confinement or surveillance"). The indicator's
    /// label comes from the locale data, else the catalogue's English. `None` for the opening
    /// questions, whose own words say what a "yes" means.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::interview::{Interview, Topic};
    /// use trafficking_indicators::render::Locale;
    /// use trafficking_indicators::{Assessor, Case};
    ///
    /// let assessor = Assessor::default_builtin();
    /// let case = Case::from_json(r#"{"subject": {"age_years": 30}, "forms": ["labour"],
    ///     "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#)?;
    /// let interview = Interview::new(&assessor, case)?;
    /// let q = interview.next().ok_or("no question")?;
    /// assert!(matches!(q.topic, Topic::Indicator(_)));
    /// let means = interview.yes_means(&q, Locale::En).ok_or("an indicator question")?;
    /// assert!(means.starts_with("Yes records: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yes_means(
        &self,
        q: &NextQuestion,
        locale: crate::render::locale::Locale,
    ) -> Option<String> {
        let Topic::Indicator(id) = &q.topic else {
            return None;
        };
        let label =
            crate::render::report::indicator_label(self.assessor.catalogue(), locale, id.as_str())?;
        let template = locale.word("interview.yes_means")?;
        Some(crate::render::locale::fill(template, &[("label", label)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::locale::Locale;

    /// Every message in English is exactly its `Display` text (so no key is missing from the
    /// English file), and every word of a wrong answer has its own Korean.
    #[test]
    fn the_english_message_is_the_display_text_and_every_word_has_korean() {
        let wrong = WRONG_ANSWER_TEXTS
            .iter()
            .map(|(expected, _)| InterviewError::WrongAnswer { expected });
        let errors = [
            InterviewError::NoQuestion,
            InterviewError::Case(CaseError::Utf16),
        ];
        for e in errors.into_iter().chain(wrong) {
            assert_eq!(e.message_in(Locale::En), e.to_string());
            assert_ne!(e.message_in(Locale::Ko), e.to_string(), "{e:?}");
        }
        for (english, key) in WRONG_ANSWER_TEXTS {
            let key = format!("error.interview.expected.{key}");
            assert_ne!(Locale::Ko.word_or_key(&key), english);
            assert_eq!(Locale::En.word_or_key(&key), english);
        }
    }
}
