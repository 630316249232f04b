//! The case: what a caseworker recorded about one person.
//!
//! A [`Case`] is filled in by an integrator, by hand in JSON or from another language, so its
//! JSON names are the public contract (see the JSON Schema in `schemas/case.schema.json`):
//! `case_reference`, `subject.age_years`, `subject.minor`, `subject.disability`, `forms`,
//! `observations[].indicator`, `observations[].status`, `observations[].source`,
//! `observations[].note`, `offences[].kind`, `offences[].stage`, `offences[].note`.
//!
//! Parsing is strict: unknown fields, duplicate keys, wrong types and values outside the
//! allowed sets are errors that name their JSON path. No error quotes a value from the case.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::error::{CaseError, FieldName};
use crate::model::id::IndicatorId;
use crate::model::indicator::{AgeGroup, ExploitationForm};
use crate::model::json::{self, Json, Number, Path};
use crate::model::json_in;
use crate::model::keyword::{Keyword, keyword_names, read_keyword};
use crate::model::limits::Limits;

mod direct;

/// Options for reading a case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Attach the offending value to errors ([`CaseError::Revealed`]). Off by default: turn it
    /// on only on a developer's own machine, never where errors are logged, because the value
    /// may be a victim's words.
    pub reveal_values: bool,
}

impl ParseOptions {
    /// The default options: values are never revealed.
    pub const fn new() -> Self {
        ParseOptions {
            reveal_values: false,
        }
    }

    /// Options that attach offending values to errors, for local debugging only.
    pub const fn revealing_values() -> Self {
        ParseOptions {
            reveal_values: true,
        }
    }
}

macro_rules! free_text {
    ($(#[$doc:meta])* $name:ident, $max:literal, $schema_doc:literal) => {
        $(#[$doc])*
        ///
        /// Its `Debug` output is redacted (only the length is shown) so that a case printed to
        /// a log by mistake does not carry it; read it with `as_str`.
        #[derive(Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
        #[serde(transparent)]
        #[schemars(description = $schema_doc)]
        pub struct $name(#[schemars(length(max = $max))] String);

        impl $name {
            /// Wraps a text.
            pub fn new(text: impl Into<String>) -> Self {
                $name(text.into())
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(<redacted, {} chars>)"), self.0.chars().count())
            }
        }
    };
}

free_text!(
    /// A pseudonymous reference to the case in the integrator's own system. No names are
    /// needed anywhere in this crate; do not put one here.
    CaseReference,
    128,
    "A pseudonymous reference to the case in the integrator's own system, at most 128 characters. Never a name."
);

free_text!(
    /// The person's visa or residence status as recorded (for example "E-6-2"), in the
    /// integrator's words.
    Visa,
    200,
    "The person's visa or residence status as recorded, at most 200 characters. Never repeated in error messages."
);

free_text!(
    /// A caseworker's free-text note.
    Note,
    4000,
    "A caseworker's free-text note, at most 4,000 characters. Never repeated in error messages."
);

/// One person's case as recorded for screening.
///
/// A case document is at most 1 MiB (1,048,576 bytes of UTF-8 JSON; a byte-order mark and a
/// final line break not counted): a byte count, which the schema cannot express, so a writer
/// checks it itself (one that escapes every non-ASCII character, as Python's `json.dumps` does
/// by default, writes a Korean character in six bytes instead of three).
#[derive(Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Case")]
pub struct Case {
    /// A pseudonymous reference in the integrator's own system (optional, at most 128
    /// characters). Never a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<CaseReference>,
    /// What is known about the person. Omitted means nothing is known: age not established.
    #[serde(default)]
    pub subject: Subject,
    /// The forms of exploitation under consideration. Empty means not yet known: every list
    /// is relevant.
    #[serde(default)]
    #[schemars(length(max = 16), extend("uniqueItems" = true))]
    pub forms: Vec<ExploitationForm>,
    /// How the person was sexually exploited, where known (the CTDC and HTCDS types of
    /// sexual exploitation): prostitution, pornography, remote interactive services (live
    /// sexual streams, webcams) or private sexual services. Only with `sexual` in `forms`.
    /// Empty means not known. Laws and services of the sex trade (Korea's Sex Trade Act and
    /// its support services) are named where `prostitution` is recorded, a prostitution
    /// offence is listed, or no type is recorded (since schema 4.13.0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 4), extend("uniqueItems" = true))]
    pub sexual_exploitation_types: Vec<SexualExploitationType>,
    /// The indicators asked about, each present, absent or not assessed.
    #[serde(default)]
    #[schemars(length(max = 1000))]
    pub observations: Vec<Observation>,
    /// Offences the person is suspected of, charged with or convicted of.
    #[serde(default)]
    #[schemars(length(max = 100))]
    pub offences: Vec<Offence>,
    /// The calendar year in which the exploitation began, if known (1900 to 2100). With
    /// `subject.birth_year` it settles the person's age at the time of the act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub exploitation_began_year: Option<u16>,
    /// The sector where the person worked or was exploited, if known (the CTDC
    /// `typeOfLabour` sectors, fishing at sea, and the crew of another ship at sea). Decides
    /// which services are named (a fisher's or a ship's crew member's case names seafarers'
    /// labour inspection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Measures pending against the person: detention, removal, refusal of entry. Decisions
    /// on these are made during identification, so the assessment advises protection pending
    /// identification when one is listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 3), extend("uniqueItems" = true))]
    pub measures: Vec<Measure>,
    /// Conditions of the interview that make an answer of "no" unreliable (the exploiter
    /// present, no interpreter, an interpreter linked to the exploiter, no privacy). When any
    /// is recorded, an answer of "absent" does not settle its question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 4), extend("uniqueItems" = true))]
    pub interview_conditions: Vec<InterviewCondition>,
    /// What a guided interview has asked (so that a saved case resumes at the same next
    /// question). Not used by the rules, except the safety answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<InterviewRecord>,
}

impl Case {
    /// Whether the case lists an offence of this kind, at any stage.
    pub(crate) fn lists_offence(&self, kind: OffenceKind) -> bool {
        self.offences.iter().any(|o| o.kind == kind)
    }
}

/// How a person was sexually exploited (the types of sexual exploitation of the CTDC data
/// model and HTCDS, `typeOfSex*` and `vic_TypeOfSexExploitation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SexualExploitationType {
    /// Made to sell sex to clients (the sex trade).
    Prostitution,
    /// Sexual images or videos made of the person.
    Pornography,
    /// Live sexual performances at a distance: streams, webcams, video chats.
    RemoteInteractiveServices,
    /// Sexual services to one person or a household, not to clients. For a child, anything
    /// given or promised for sex with the child (money, lodging, an allowance), to the child
    /// or to anyone else, even by one person, makes it `prostitution`: buying sex from a child
    /// (Korea's Youth Sex Offences Act Art. 2 item 4). Record that type for it.
    PrivateSexualServices,
}

impl SexualExploitationType {
    /// All types.
    pub const ALL: [SexualExploitationType; 4] = [
        SexualExploitationType::Prostitution,
        SexualExploitationType::Pornography,
        SexualExploitationType::RemoteInteractiveServices,
        SexualExploitationType::PrivateSexualServices,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            SexualExploitationType::Prostitution => "prostitution",
            SexualExploitationType::Pornography => "pornography",
            SexualExploitationType::RemoteInteractiveServices => "remote_interactive_services",
            SexualExploitationType::PrivateSexualServices => "private_sexual_services",
        }
    }
}

/// A condition of the interview that makes a "no" unreliable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterviewCondition {
    /// The exploiter, an employer or someone linked to them was present.
    ExploiterPresent,
    /// No interpreter, in a language the person does not master.
    NoInterpreter,
    /// The interpreter is linked to the exploiter (a broker, the employer's staff).
    InterpreterLinkedToExploiter,
    /// The interview was not private.
    NotPrivate,
}

impl InterviewCondition {
    /// All conditions.
    pub const ALL: [InterviewCondition; 4] = [
        InterviewCondition::ExploiterPresent,
        InterviewCondition::NoInterpreter,
        InterviewCondition::InterpreterLinkedToExploiter,
        InterviewCondition::NotPrivate,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            InterviewCondition::ExploiterPresent => "exploiter_present",
            InterviewCondition::NoInterpreter => "no_interpreter",
            InterviewCondition::InterpreterLinkedToExploiter => "interpreter_linked_to_exploiter",
            InterviewCondition::NotPrivate => "not_private",
        }
    }
}

/// An answer to a yes-or-no question of the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Asked; not known.
    NotKnown,
}

impl Answer {
    /// All answers.
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotKnown];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotKnown => "not_known",
        }
    }
}

/// The safety questions asked first: is the person hurt, in danger, in need of a doctor.
#[derive(Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Is the person hurt?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hurt: Option<Answer>,
    /// Is the person in danger now?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_danger: Option<Answer>,
    /// Does the person need a doctor?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_doctor: Option<Answer>,
}

impl Safety {
    /// Whether any answer is yes.
    pub fn any_yes(&self) -> bool {
        self.answers().contains(&Some(Answer::Yes))
    }

    /// Whether any answer is "not known" (asked, not answered).
    pub fn any_not_known(&self) -> bool {
        self.answers().contains(&Some(Answer::NotKnown))
    }

    /// The three answers: hurt, in danger, needs a doctor.
    fn answers(&self) -> [Option<Answer>; 3] {
        [self.hurt, self.in_danger, self.needs_doctor]
    }

    /// Whether the person is hurt or needs a doctor (a "yes" to either question).
    pub fn hurt_or_needs_doctor(&self) -> bool {
        [self.hurt, self.needs_doctor].contains(&Some(Answer::Yes))
    }
}

/// A question of the interview's opening asked after safety: the answers are recorded in the
/// case (the subject, the forms), where they may also have been written before the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OpeningQuestion {
    /// The person's age.
    Age,
    /// Whether there are reasons to believe the person is a child (the age is not known).
    ReasonsToBelieveChild,
    /// The calendar year of birth.
    BirthYear,
    /// The forms of exploitation.
    Forms,
    /// The type of sexual exploitation (asked where the form `sexual` is recorded and the
    /// rule set's advice depends on the type; since schema 4.14.0).
    SexualExploitationTypes,
}

impl OpeningQuestion {
    /// All opening questions, in the order the interview asks them.
    pub const ALL: [OpeningQuestion; 5] = [
        OpeningQuestion::Age,
        OpeningQuestion::ReasonsToBelieveChild,
        OpeningQuestion::BirthYear,
        OpeningQuestion::Forms,
        OpeningQuestion::SexualExploitationTypes,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            OpeningQuestion::Age => "age",
            OpeningQuestion::ReasonsToBelieveChild => "reasons_to_believe_child",
            OpeningQuestion::BirthYear => "birth_year",
            OpeningQuestion::Forms => "forms",
            OpeningQuestion::SexualExploitationTypes => "sexual_exploitation_types",
        }
    }
}

/// What a guided interview asked, recorded in the case so that it resumes where it stopped.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewRecord {
    /// Indicators asked in the interview, in the order asked (each once, and each answered in
    /// `observations`: a case that lists one twice, or without an answer, is refused). An
    /// indicator answered "not assessed" here was asked, and is not asked again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 1000), extend("uniqueItems" = true))]
    pub asked: Vec<IndicatorId>,
    /// The age was asked and is not known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    // The reader takes null as false: the schema says so too.
    #[schemars(with = "Option<bool>")]
    pub age_not_known: bool,
    /// The forms of exploitation were asked and are not known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    // The reader takes null as false: the schema says so too.
    #[schemars(with = "Option<bool>")]
    pub forms_not_known: bool,
    /// The year of birth was asked and is not known (the age may be known all the same); the
    /// interview does not ask the year again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    // The reader takes null as false: the schema says so too.
    #[schemars(with = "Option<bool>")]
    pub birth_year_not_known: bool,
    /// The type of sexual exploitation was asked and is not known (or the person did not
    /// say); the interview does not ask it again (since schema 4.14.0).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    // The reader takes null as false: the schema says so too.
    #[schemars(with = "Option<bool>")]
    pub sexual_exploitation_types_not_known: bool,
    /// The opening questions after safety that the interview asked, in the order asked (a
    /// question asked again, its answer having been removed from the case, is listed again).
    /// With the safety answers and `asked` they number the interview's questions: the case may
    /// record an age, a year of birth or the forms that no one asked in the interview.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 1000))]
    pub opening_asked: Vec<OpeningQuestion>,
    /// The safety answers.
    #[serde(default, skip_serializing_if = "Safety::is_empty")]
    pub safety: Safety,
}

impl Safety {
    /// Whether nothing was asked.
    pub fn is_empty(&self) -> bool {
        self.hurt.is_none() && self.in_danger.is_none() && self.needs_doctor.is_none()
    }
}

/// What is known about the person the case is about. Every field is optional: absent means
/// not known.
#[derive(Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Age in whole years, if known (0 to 130).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 130))]
    pub age_years: Option<u8>,
    /// Whether the person is under 18, if known and the age itself is not. Must agree with
    /// `age_years` when both are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor: Option<bool>,
    /// Whether the person has a disability, if known. Some rule sets (Korea's 2021 Act) do not
    /// require the means element for persons with disabilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<bool>,
    /// The age is uncertain and there are reasons to believe the person is a child (CoE
    /// Convention Art. 10(3), EU Directive 2011/36/EU Art. 13(2)): the child rules apply as a
    /// presumption pending age assessment. Only where no age is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub possibly_minor: Option<bool>,
    /// Age in whole years when the exploitation began, if known (0 to 130). Decides the child
    /// rules (the means element); the age now decides child protection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 130))]
    pub age_at_exploitation_years: Option<u8>,
    /// Whether the person was under 18 when the exploitation began, where only that is known
    /// (as CTDC's `majorityStatusAtExploit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor_at_exploitation: Option<bool>,
    /// The calendar year of birth, if known (1900 to 2100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub birth_year: Option<u16>,
    /// Whether the person is a national of the country where they are being assessed, if
    /// recorded. Advice for non-nationals (stay, suspension of removal) is given when this is
    /// false, or, worded "if the person is not a national", when it is not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<bool>,
    /// The person's visa or residence status as recorded (free text, at most 200
    /// characters; redacted in debug output and never repeated in errors). Not used by the
    /// rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa: Option<Visa>,
}

/// Whether a person has a disability, as far as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityStatus {
    /// Recorded as having a disability.
    Yes,
    /// Recorded as not having a disability.
    No,
    /// Not recorded.
    NotKnown,
}

impl DisabilityStatus {
    /// Whether nothing is recorded.
    pub fn is_not_known(&self) -> bool {
        *self == DisabilityStatus::NotKnown
    }
}

impl Subject {
    /// The age group now, under 18: from `age_years` when known, else from `minor`, else not
    /// established. (The age at the time of the act, and a rule set's own age limit, are
    /// applied by the assessment.)
    pub fn age_group(&self) -> AgeGroup {
        match (self.age_years, self.minor) {
            (Some(age), _) if age < 18 => AgeGroup::Child,
            (Some(_), _) => AgeGroup::Adult,
            (None, Some(true)) => AgeGroup::Child,
            (None, Some(false)) => AgeGroup::Adult,
            (None, None) => AgeGroup::NotEstablished,
        }
    }

    /// The least age the person can have now by what is recorded, for services with an age
    /// limit of their own: the age now when it is known. Otherwise what is recorded about the
    /// time of the act, since no one is younger now than then: the age then, 18 for "under 18
    /// then" answered no, the lower of the two ages the years of birth and of the start allow
    /// (`began`: the case's `exploitation_began_year`); where these disagree (the case format
    /// lets them differ by a year) the lowest, so that a doubt keeps a child's service. Then
    /// "under 18 now", where answered, settles the side of 18. 0 when nothing is recorded.
    pub(crate) fn least_age_now(&self, began: Option<u16>) -> u8 {
        if let Some(age) = self.age_years {
            return age;
        }
        let then = self.least_age_then(began).unwrap_or(0);
        match self.minor {
            Some(true) => then.min(17),
            Some(false) => then.max(18),
            None => then,
        }
    }

    /// The lowest age the person may have had when the exploitation began, by what the case
    /// records about that time: the age then, 18 for "under 18 then" answered no, the lower of
    /// the two ages the years of birth and of the start (`began`) allow; the lowest where they
    /// disagree. `None` when nothing about that time is recorded.
    pub(crate) fn least_age_then(&self, began: Option<u16>) -> Option<u8> {
        let by_years = self.birth_year.zip(began).map(|(birth, began)| {
            u8::try_from(began.saturating_sub(birth).saturating_sub(1)).unwrap_or(u8::MAX)
        });
        let adult_then = (self.minor_at_exploitation == Some(false)).then_some(18);
        [self.age_at_exploitation_years, adult_then, by_years]
            .into_iter()
            .flatten()
            .min()
    }

    /// Whether the person has a disability, as far as recorded.
    pub fn disability_status(&self) -> DisabilityStatus {
        match self.disability {
            Some(true) => DisabilityStatus::Yes,
            Some(false) => DisabilityStatus::No,
            None => DisabilityStatus::NotKnown,
        }
    }
}

/// Whether an indicator was found: three values, never a boolean. Not assessed is not absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObservationStatus {
    /// The indicator was found.
    Present,
    /// The indicator was asked about or checked and not found.
    Absent,
    /// The indicator was not asked about or could not be checked.
    NotAssessed,
}

impl ObservationStatus {
    /// All statuses.
    pub const ALL: [ObservationStatus; 3] = [
        ObservationStatus::Present,
        ObservationStatus::Absent,
        ObservationStatus::NotAssessed,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            ObservationStatus::Present => "present",
            ObservationStatus::Absent => "absent",
            ObservationStatus::NotAssessed => "not_assessed",
        }
    }
}

/// Where a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceSource {
    /// The person said so.
    SelfReport,
    /// A document shows it.
    Document,
    /// The caseworker, inspector or officer saw it.
    DirectObservation,
    /// Someone else reported it.
    ThirdParty,
}

impl EvidenceSource {
    /// All sources.
    pub const ALL: [EvidenceSource; 4] = [
        EvidenceSource::SelfReport,
        EvidenceSource::Document,
        EvidenceSource::DirectObservation,
        EvidenceSource::ThirdParty,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            EvidenceSource::SelfReport => "self_report",
            EvidenceSource::Document => "document",
            EvidenceSource::DirectObservation => "direct_observation",
            EvidenceSource::ThirdParty => "third_party",
        }
    }
}

/// One indicator asked about, with what was found and how.
#[derive(Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The indicator's id in the catalogue. An id the catalogue does not have is an error.
    pub indicator: IndicatorId,
    /// Present, absent or not assessed.
    pub status: ObservationStatus,
    /// Where the finding comes from, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EvidenceSource>,
    /// A free-text note (at most 4,000 characters). Never repeated in errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl Observation {
    /// An observation with this status and no source or note.
    pub fn new(indicator: IndicatorId, status: ObservationStatus) -> Self {
        Observation {
            indicator,
            status,
            source: None,
            note: None,
        }
    }

    /// The same observation with its evidence source.
    pub fn with_source(mut self, source: EvidenceSource) -> Self {
        self.source = Some(source);
        self
    }

    /// The same observation with a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(Note::new(note));
        self
    }
}

/// The kind of an offence the person is suspected of, charged with or convicted of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OffenceKind {
    /// Irregular (unauthorised) entry into the country.
    IrregularEntry,
    /// Irregular stay: overstay or work without a permit.
    IrregularStay,
    /// Use or possession of false or someone else's documents.
    DocumentOffence,
    /// Prostitution-related offences.
    Prostitution,
    /// Drug offences, including cultivation and transport.
    DrugOffence,
    /// Theft, pickpocketing or other petty crime.
    TheftOrPettyCrime,
    /// Begging.
    Begging,
    /// Another offence.
    Other,
}

impl OffenceKind {
    /// All kinds.
    pub const ALL: [OffenceKind; 8] = [
        OffenceKind::IrregularEntry,
        OffenceKind::IrregularStay,
        OffenceKind::DocumentOffence,
        OffenceKind::Prostitution,
        OffenceKind::DrugOffence,
        OffenceKind::TheftOrPettyCrime,
        OffenceKind::Begging,
        OffenceKind::Other,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            OffenceKind::IrregularEntry => "irregular_entry",
            OffenceKind::IrregularStay => "irregular_stay",
            OffenceKind::DocumentOffence => "document_offence",
            OffenceKind::Prostitution => "prostitution",
            OffenceKind::DrugOffence => "drug_offence",
            OffenceKind::TheftOrPettyCrime => "theft_or_petty_crime",
            OffenceKind::Begging => "begging",
            OffenceKind::Other => "other",
        }
    }

    /// A plain label.
    pub const fn label(self) -> &'static str {
        match self {
            OffenceKind::IrregularEntry => "irregular entry",
            OffenceKind::IrregularStay => {
                "irregular stay or work without a permit (including work outside one's status)"
            }
            OffenceKind::DocumentOffence => "a document offence",
            OffenceKind::Prostitution => "a prostitution-related offence",
            OffenceKind::DrugOffence => "a drug offence",
            OffenceKind::TheftOrPettyCrime => "theft or petty crime",
            OffenceKind::Begging => "begging",
            OffenceKind::Other => "an offence of another kind",
        }
    }
}

/// How far proceedings on an offence have gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OffenceStage {
    /// Suspected, arrested or under investigation.
    Suspected,
    /// Charged or prosecuted.
    Charged,
    /// Convicted or penalised.
    Convicted,
}

impl OffenceStage {
    /// All stages.
    pub const ALL: [OffenceStage; 3] = [
        OffenceStage::Suspected,
        OffenceStage::Charged,
        OffenceStage::Convicted,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            OffenceStage::Suspected => "suspected",
            OffenceStage::Charged => "charged",
            OffenceStage::Convicted => "convicted",
        }
    }
}

/// The sector of work: the CTDC `typeOfLabour` sectors (based on ISIC sections), fishing at
/// sea, and the crew of another ship at sea.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sector {
    /// Agriculture, forestry and fishing on land.
    Agriculture,
    /// Aquafarming.
    Aquafarming,
    /// Begging.
    Begging,
    /// Construction.
    Construction,
    /// Domestic work.
    DomesticWork,
    /// Hospitality: hotels, restaurants, bars and entertainment venues.
    Hospitality,
    /// Illicit activities.
    IllicitActivities,
    /// Manufacturing.
    Manufacturing,
    /// Mining or drilling.
    MiningOrDrilling,
    /// Peddling.
    Peddling,
    /// Transportation.
    Transportation,
    /// Another sector.
    Other,
    /// Fishing at sea, on a fishing vessel (seafarers' labour law applies).
    FishingAtSea,
    /// Crew of another vessel at sea: a merchant ship, tanker or other vessel that is not a
    /// fishing vessel (added in schema 4.10.0). Korea's Seafarers Act covers Korean ships,
    /// foreign ships chartered to take Korean nationality and foreign ships sailing only
    /// between Korean ports (Art. 3(1)), not every ship.
    ShippingAtSea,
}

impl Sector {
    /// All sectors.
    pub const ALL: [Sector; 14] = [
        Sector::Agriculture,
        Sector::Aquafarming,
        Sector::Begging,
        Sector::Construction,
        Sector::DomesticWork,
        Sector::Hospitality,
        Sector::IllicitActivities,
        Sector::Manufacturing,
        Sector::MiningOrDrilling,
        Sector::Peddling,
        Sector::Transportation,
        Sector::Other,
        Sector::FishingAtSea,
        Sector::ShippingAtSea,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Sector::Agriculture => "agriculture",
            Sector::Aquafarming => "aquafarming",
            Sector::Begging => "begging",
            Sector::Construction => "construction",
            Sector::DomesticWork => "domestic_work",
            Sector::Hospitality => "hospitality",
            Sector::IllicitActivities => "illicit_activities",
            Sector::Manufacturing => "manufacturing",
            Sector::MiningOrDrilling => "mining_or_drilling",
            Sector::Peddling => "peddling",
            Sector::Transportation => "transportation",
            Sector::Other => "other",
            Sector::FishingAtSea => "fishing_at_sea",
            Sector::ShippingAtSea => "shipping_at_sea",
        }
    }
}

/// A measure pending against the person, decided while identification may still be going
/// on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// Held in detention (for example a foreigners' protection centre).
    Detention,
    /// A removal or deportation order is pending or being enforced.
    RemovalPending,
    /// Entry to the country is being refused (for example at a port or airport).
    RefusalOfEntry,
}

impl Measure {
    /// All measures.
    pub const ALL: [Measure; 3] = [
        Measure::Detention,
        Measure::RemovalPending,
        Measure::RefusalOfEntry,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Measure::Detention => "detention",
            Measure::RemovalPending => "removal_pending",
            Measure::RefusalOfEntry => "refusal_of_entry",
        }
    }

    /// Whether a national can face the measure: detention (custody) yes; a removal or a
    /// refusal of entry only a non-national faces, so a case recording one for a national
    /// is a contradiction ([`CaseError::Contradiction`]).
    pub const fn applies_to_nationals(self) -> bool {
        matches!(self, Measure::Detention)
    }

    /// A plain label.
    pub const fn label(self) -> &'static str {
        match self {
            Measure::Detention => "detention",
            Measure::RemovalPending => "pending removal or deportation",
            Measure::RefusalOfEntry => "refusal of entry",
        }
    }
}

/// An offence the person is suspected of, charged with or convicted of.
#[derive(Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offence {
    /// What kind of offence.
    pub kind: OffenceKind,
    /// How far proceedings have gone, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<OffenceStage>,
    /// A free-text note (at most 4,000 characters). Never repeated in errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl Offence {
    /// An offence of this kind, stage not recorded.
    pub fn new(kind: OffenceKind) -> Self {
        Offence {
            kind,
            stage: None,
            note: None,
        }
    }
}

/// An optional value in `Debug` output: whether it is recorded, not what it is (an age, a
/// nationality, an indicator's status or an offence is about a real person). Free text is
/// redacted by its own type (`CaseReference`, `Visa`, `Note`).
pub(crate) struct NotShown<'a, T>(pub(crate) &'a Option<T>);

impl<T> fmt::Debug for NotShown<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Some(<not shown>)"
        } else {
            "None"
        })
    }
}

/// A value in `Debug` output that is always there (a yes or no, a kind), shown as
/// `<not shown>`.
pub(crate) struct NotShownValue;

impl fmt::Debug for NotShownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<not shown>")
    }
}

/// A list in `Debug` output: how many items, not what they are.
pub(crate) struct Count(pub(crate) usize);

impl fmt::Debug for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[<{} not shown>]", self.0)
    }
}

/// Shows which fields are recorded and how many items each list holds, never a value (as do
/// the `Debug` outputs of [`Subject`], [`Observation`], [`Offence`], [`InterviewRecord`] and
/// [`Safety`]): `{:?}` is what ends up in logs. Serialize the case to read it.
impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Case")
            .field("case_reference", &self.case_reference)
            .field("subject", &self.subject)
            .field("forms", &Count(self.forms.len()))
            .field(
                "sexual_exploitation_types",
                &Count(self.sexual_exploitation_types.len()),
            )
            .field("observations", &Count(self.observations.len()))
            .field("offences", &Count(self.offences.len()))
            .field(
                "exploitation_began_year",
                &NotShown(&self.exploitation_began_year),
            )
            .field("sector", &NotShown(&self.sector))
            .field("measures", &Count(self.measures.len()))
            .field(
                "interview_conditions",
                &Count(self.interview_conditions.len()),
            )
            .field("interview", &self.interview)
            .finish()
    }
}

impl fmt::Debug for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subject")
            .field("age_years", &NotShown(&self.age_years))
            .field("minor", &NotShown(&self.minor))
            .field("disability", &NotShown(&self.disability))
            .field("possibly_minor", &NotShown(&self.possibly_minor))
            .field(
                "age_at_exploitation_years",
                &NotShown(&self.age_at_exploitation_years),
            )
            .field(
                "minor_at_exploitation",
                &NotShown(&self.minor_at_exploitation),
            )
            .field("birth_year", &NotShown(&self.birth_year))
            .field("national", &NotShown(&self.national))
            .field("visa", &self.visa)
            .finish()
    }
}

impl fmt::Debug for Observation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Observation")
            .field("indicator", &NotShownValue)
            .field("status", &NotShownValue)
            .field("source", &NotShown(&self.source))
            .field("note", &self.note)
            .finish()
    }
}

impl fmt::Debug for Offence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Offence")
            .field("kind", &NotShownValue)
            .field("stage", &NotShown(&self.stage))
            .field("note", &self.note)
            .finish()
    }
}

impl fmt::Debug for Safety {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Safety")
            .field("hurt", &NotShown(&self.hurt))
            .field("in_danger", &NotShown(&self.in_danger))
            .field("needs_doctor", &NotShown(&self.needs_doctor))
            .finish()
    }
}

impl fmt::Debug for InterviewRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InterviewRecord")
            .field("asked", &Count(self.asked.len()))
            .field("age_not_known", &NotShownValue)
            .field("forms_not_known", &NotShownValue)
            .field("birth_year_not_known", &NotShownValue)
            .field("sexual_exploitation_types_not_known", &NotShownValue)
            .field("opening_asked", &Count(self.opening_asked.len()))
            .field("safety", &self.safety)
            .finish()
    }
}

impl Case {
    /// Reads a case from JSON with the default options (values never revealed in errors).
    ///
    /// The document is checked for structure, limits and internal consistency (ages that
    /// contradict each other, a national recorded with a removal or a refusal of entry,
    /// conflicting observations of one indicator). Indicator ids are
    /// checked against a catalogue when the case is assessed.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::{Case, CaseError, ObservationStatus};
    ///
    /// let case = Case::from_json(r#"{
    ///     "subject": { "age_years": 34 },
    ///     "observations": [
    ///         { "indicator": "withholding_of_wages", "status": "present", "source": "document" }
    ///     ]
    /// }"#)?;
    /// assert_eq!(case.observations[0].status, ObservationStatus::Present);
    ///
    /// // A typo is an error that names where, never a silent skip.
    /// let typo = Case::from_json(r#"{ "observations": [ { "indicator": "x", "status": "yes" } ] }"#);
    /// let message = typo.expect_err("not a status").to_string();
    /// assert!(message.contains("observations[0]") && !message.contains("yes"));
    /// # Ok::<(), CaseError>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Case, CaseError> {
        Case::from_json_with(json, ParseOptions::new())
    }

    /// Reads a case from JSON with explicit options.
    pub fn from_json_with(json: &str, options: ParseOptions) -> Result<Case, CaseError> {
        let json = json::text_input(json).map_err(|_| CaseError::Utf16)?;
        // Nothing to read is its own mistake (a file saved empty), not a bracket missing.
        if json.trim_ascii().is_empty() {
            return Err(CaseError::Empty);
        }
        let limits = Limits::default();
        // The limit is on the document, not on the line ending most editors add after it
        // (one "\n" or "\r\n"), as it is on a batch line: the same case is taken from a file
        // and from a batch alike.
        let counted = json
            .strip_suffix('\n')
            .map_or(json, |text| text.strip_suffix('\r').unwrap_or(text));
        if counted.len() > limits.max_case_bytes {
            return Err(CaseError::TooLarge {
                bytes: counted.len(),
                limit: limits.max_case_bytes,
            });
        }
        // Straight from the text when the case is plainly valid; else through the tree,
        // whose strict reader gives every error.
        if let Some(case) = direct::read(json, &limits) {
            return Ok(case);
        }
        read_strict(json, options, &limits)
    }

    /// The case as pretty JSON in the public format. Writing cannot fail (every map key is a
    /// string, every number finite); [`Case::from_json`] reads it back as the same case.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks limits and internal consistency; the parser calls it, and so does every
    /// assessment (a case built in code gets the same checks as one read from JSON).
    ///
    /// Two observations of one indicator with the same status are allowed (they count once);
    /// with different statuses they are an error naming both observations.
    pub fn check(&self) -> Result<(), CaseError> {
        self.check_limits()?;
        self.check_conflicts()
    }

    /// The checks of [`Case::check`] except conflicting observations, which an assessment
    /// finds more cheaply once observations are resolved to catalogue positions.
    pub(crate) fn check_limits(&self) -> Result<(), CaseError> {
        let limits = Limits::default();
        if let Some(reference) = &self.case_reference {
            check_text(reference.as_str(), limits.max_case_reference_chars, || {
                "$.case_reference".to_owned()
            })?;
        }
        if let Some(age) = self.subject.age_years
            && u64::from(age) > limits.max_age_years
        {
            return Err(CaseError::InvalidValue {
                path: "$.subject.age_years".to_owned(),
                expected: AGE_EXPECTED,
            });
        }
        if let (Some(age), Some(minor)) = (self.subject.age_years, self.subject.minor)
            && (age < 18) != minor
        {
            return Err(CaseError::ContradictoryAge { age, minor });
        }
        if let Some(age) = self.subject.age_at_exploitation_years
            && u64::from(age) > limits.max_age_years
        {
            return Err(CaseError::InvalidValue {
                path: "$.subject.age_at_exploitation_years".to_owned(),
                expected: AGE_EXPECTED,
            });
        }
        for (year, path) in [
            (self.subject.birth_year, "$.subject.birth_year"),
            (self.exploitation_began_year, "$.exploitation_began_year"),
        ] {
            if let Some(y) = year
                && !(MIN_YEAR..=MAX_YEAR).contains(&y)
            {
                return Err(CaseError::InvalidValue {
                    path: path.to_owned(),
                    expected: YEAR_EXPECTED,
                });
            }
        }
        self.subject
            .check_ages(self.exploitation_began_year)
            .map_err(|(first, second, reason)| CaseError::Contradiction {
                first,
                second,
                reason,
            })?;
        check_count(self.forms.len(), limits.max_forms, "$.forms")?;
        for (i, form) in self.forms.iter().enumerate() {
            if self.forms.iter().take(i).any(|f| f == form) {
                return Err(CaseError::DuplicateForm {
                    path: format!("$.forms[{i}]"),
                    form: form.as_str(),
                });
            }
        }
        check_count(
            self.sexual_exploitation_types.len(),
            SexualExploitationType::ALL.len(),
            "$.sexual_exploitation_types",
        )?;
        for (i, kind) in self.sexual_exploitation_types.iter().enumerate() {
            if self
                .sexual_exploitation_types
                .iter()
                .take(i)
                .any(|k| k == kind)
            {
                return Err(CaseError::DuplicateSexualExploitationType {
                    path: format!("$.sexual_exploitation_types[{i}]"),
                    kind: kind.as_str(),
                });
            }
        }
        // The types of sexual exploitation describe the form `sexual`: recorded beside forms
        // that leave it out (or before any form is), they contradict the forms.
        if !self.sexual_exploitation_types.is_empty()
            && !self.forms.contains(&ExploitationForm::Sexual)
        {
            return Err(CaseError::Contradiction {
                first: "$.forms",
                second: "$.sexual_exploitation_types",
                reason: SEXUAL_TYPES_WITHOUT_FORM,
            });
        }
        check_count(self.measures.len(), Measure::ALL.len(), "$.measures")?;
        for (i, measure) in self.measures.iter().enumerate() {
            if self.measures.iter().take(i).any(|m| m == measure) {
                return Err(CaseError::DuplicateMeasure {
                    path: format!("$.measures[{i}]"),
                    measure: measure.as_str(),
                });
            }
        }
        // A removal or a refusal of entry for a national is a slip of the form (the wrong
        // box ticked, or the nationality), never a fact: the advice for it would be
        // nonsense ("do not charge or detain", recorded: removal pending).
        if self.subject.national == Some(true)
            && self.measures.iter().any(|m| !m.applies_to_nationals())
        {
            return Err(CaseError::Contradiction {
                first: "$.subject.national",
                second: "$.measures",
                reason: NATIONAL_NOT_REMOVED,
            });
        }
        for (i, c) in self.interview_conditions.iter().enumerate() {
            if self.interview_conditions.iter().take(i).any(|o| o == c) {
                return Err(CaseError::DuplicateInterviewCondition {
                    path: format!("$.interview_conditions[{i}]"),
                    condition: c.as_str(),
                });
            }
        }
        if let Some(record) = &self.interview {
            check_count(
                record.asked.len(),
                limits.max_observations,
                "$.interview.asked",
            )?;
            check_count(
                record.opening_asked.len(),
                limits.max_observations,
                "$.interview.opening_asked",
            )?;
            self.check_asked(record)?;
        }
        if let Some(visa) = &self.subject.visa {
            check_text(visa.as_str(), MAX_VISA_CHARS, || {
                "$.subject.visa".to_owned()
            })?;
        }
        check_count(
            self.observations.len(),
            limits.max_observations,
            "$.observations",
        )?;
        for (i, observation) in self.observations.iter().enumerate() {
            if let Some(note) = &observation.note {
                check_text(note.as_str(), limits.max_note_chars, || {
                    format!("$.observations[{i}].note")
                })?;
            }
        }
        check_count(self.offences.len(), limits.max_offences, "$.offences")?;
        for (i, offence) in self.offences.iter().enumerate() {
            if let Some(note) = &offence.note {
                check_text(note.as_str(), limits.max_note_chars, || {
                    format!("$.offences[{i}].note")
                })?;
            }
        }
        Ok(())
    }

    /// The conflict between two observations of one indicator (`first` recorded before
    /// `second`), if their statuses differ: the one rule of conflicting observations, used by
    /// the reader and by the engine.
    pub(crate) fn conflict(&self, first: usize, second: usize) -> Option<CaseError> {
        let a = self.observations.get(first)?;
        let b = self.observations.get(second)?;
        (a.status != b.status).then(|| CaseError::ConflictingObservations {
            id: b.indicator.clone(),
            first: format!("$.observations[{first}]"),
            first_status: a.status.as_str(),
            second: format!("$.observations[{second}]"),
            second_status: b.status.as_str(),
        })
    }

    pub(crate) fn check_conflicts(&self) -> Result<(), CaseError> {
        if self.observations.len() <= 32 {
            self.check_conflicts_pairwise()
        } else {
            self.check_conflicts_sorted()
        }
    }

    /// For a screening form's few observations: each compared with the first of its id
    /// (string comparisons mostly stop at the length), keeping the error the sorted search
    /// reports (the smallest id, then the earliest position).
    fn check_conflicts_pairwise(&self) -> Result<(), CaseError> {
        let mut found: Option<(&str, CaseError)> = None;
        for (i, current) in self.observations.iter().enumerate() {
            let first = self
                .observations
                .iter()
                .take(i)
                .position(|o| o.indicator == current.indicator);
            if let Some(j) = first
                && found
                    .as_ref()
                    .is_none_or(|(id, _)| current.indicator.as_str() < *id)
                && let Some(e) = self.conflict(j, i)
            {
                found = Some((current.indicator.as_str(), e));
            }
        }
        found.map_or(Ok(()), |(_, e)| Err(e))
    }

    /// Observation positions sorted by id: O(n log n) even for the largest allowed case.
    fn check_conflicts_sorted(&self) -> Result<(), CaseError> {
        let mut order: Vec<usize> = (0..self.observations.len()).collect();
        order.sort_by(|&a, &b| {
            let ia = self.observations.get(a).map(|o| o.indicator.as_str());
            let ib = self.observations.get(b).map(|o| o.indicator.as_str());
            ia.cmp(&ib).then(a.cmp(&b))
        });
        let mut first_of_run: Option<usize> = None;
        for &i in &order {
            let Some(current) = self.observations.get(i) else {
                continue;
            };
            match first_of_run.and_then(|j| self.observations.get(j).map(|o| (j, o))) {
                Some((j, first)) if first.indicator == current.indicator => {
                    if let Some(e) = self.conflict(j, i) {
                        return Err(e);
                    }
                }
                _ => first_of_run = Some(i),
            }
        }
        Ok(())
    }
}

/// The longest recorded visa status, in characters.
const MAX_VISA_CHARS: usize = 200;
const AGE_EXPECTED: &str = "a whole number of years from 0 to 130";
const YEAR_EXPECTED: &str = "a calendar year from 1900 to 2100";
const OBJECT_EXPECTED: &str = "an object";
const ARRAY_EXPECTED: &str = "an array";
const STRING_EXPECTED: &str = "a string";
const BOOL_EXPECTED: &str = "true, false or null";
const INDICATOR_ID_EXPECTED: &str = "an indicator id (a string)";

/// Every `expected` text of a [`CaseError`] that is not a list of JSON names (`one of ...`),
/// with the key of its words in the locale files (`error.expected.<key>`), so that a message
/// can be put in the reader's language.
pub(crate) const EXPECTED_TEXTS: [(&str, &str); 7] = [
    (AGE_EXPECTED, "age"),
    (YEAR_EXPECTED, "year"),
    (OBJECT_EXPECTED, "object"),
    (ARRAY_EXPECTED, "array"),
    (STRING_EXPECTED, "string"),
    (BOOL_EXPECTED, "boolean_or_null"),
    (INDICATOR_ID_EXPECTED, "indicator_id"),
];

// Why two recorded facts about the person's age cannot both be true ([`CaseError::Contradiction`]).
const POSSIBLY_MINOR_ALONE: &str = "`possibly_minor` is for a person whose age is not recorded";
const AGE_AT_ABOVE_NOW: &str = "the age at the act is above the age now";
const MINOR_AT_VS_AGE_AT: &str = "a person under 18 is a minor, one of 18 or over is not";
// Worded for any later date: the case's "now", or a CTDC row's registration.
const MINOR_LATER: &str =
    "a person under 18 later was under 18 when the exploitation began, which came first";
const BIRTH_AFTER_BEGAN: &str = "the year of birth is after the year the exploitation began";
const BIRTH_GIVES_OTHER_AGE: &str =
    "the years of birth and of the start of the exploitation give another age at the act";
const BIRTH_SAYS_OTHERWISE: &str =
    "the years of birth and of the start of the exploitation say otherwise";
const BIRTH_ABOVE_NOW: &str = "the years of birth and of the start of the exploitation give an age at the act above the age now";
// Why a national cannot be recorded with a measure that only a non-national can face.
const NATIONAL_NOT_REMOVED: &str =
    "a national is not removed from their own country or refused entry to it";
// Why types of sexual exploitation need the form they describe.
const SEXUAL_TYPES_WITHOUT_FORM: &str =
    "types of sexual exploitation are recorded, so `forms` must list `sexual`";

/// Every reason of a [`CaseError::Contradiction`], with the key of its words in the locale
/// files (`error.reason.<key>`).
pub(crate) const CONTRADICTION_REASONS: [(&str, &str); 10] = [
    (POSSIBLY_MINOR_ALONE, "possibly_minor_alone"),
    (AGE_AT_ABOVE_NOW, "age_at_above_now"),
    (MINOR_AT_VS_AGE_AT, "minor_at_vs_age_at"),
    (MINOR_LATER, "minor_later"),
    (BIRTH_AFTER_BEGAN, "birth_after_began"),
    (BIRTH_GIVES_OTHER_AGE, "birth_gives_other_age"),
    (BIRTH_SAYS_OTHERWISE, "birth_says_otherwise"),
    (BIRTH_ABOVE_NOW, "birth_above_now"),
    (NATIONAL_NOT_REMOVED, "national_not_removed"),
    (SEXUAL_TYPES_WITHOUT_FORM, "sexual_types_without_form"),
];
// The paths of the recorded ages, as the age checks name them.
const PM: &str = "$.subject.possibly_minor";
const AGE: &str = "$.subject.age_years";
const MINOR: &str = "$.subject.minor";
const AGE_AT: &str = "$.subject.age_at_exploitation_years";
const MINOR_AT: &str = "$.subject.minor_at_exploitation";
const BIRTH: &str = "$.subject.birth_year";
const BEGAN: &str = "$.exploitation_began_year";
const MIN_YEAR: u16 = 1900;
const MAX_YEAR: u16 = 2100;

impl Subject {
    /// Each way the case can record an age (now or at the act), with its path: whether it is
    /// recorded. `possibly_minor` stands only where none is.
    fn ages_recorded(&self, began: Option<u16>) -> [(bool, &'static str); 5] {
        [
            (self.age_years.is_some(), AGE),
            (self.minor.is_some(), MINOR),
            (self.age_at_exploitation_years.is_some(), AGE_AT),
            (self.minor_at_exploitation.is_some(), MINOR_AT),
            // A year of birth with the year the exploitation began records the age at the
            // act (alone it settles nothing: no date is recorded to count from).
            (self.birth_year.is_some() && began.is_some(), BIRTH),
        ]
    }

    /// Whether the case records an age, now or at the act (see [`Subject::check_ages`]):
    /// where it does, whether there are reasons to believe the person is a child
    /// (`possibly_minor`) is not asked, and cannot be recorded.
    pub(crate) fn age_recorded(&self, began: Option<u16>) -> bool {
        self.ages_recorded(began).iter().any(|(r, _)| *r)
    }

    /// Checks that the recorded ages agree with each other; on a contradiction returns the two
    /// paths and why, never the values. The CTDC mapping runs it too, on the subject it builds
    /// from a row, so that the age rules are written once.
    pub(crate) fn check_ages(
        &self,
        began: Option<u16>,
    ) -> Result<(), (&'static str, &'static str, &'static str)> {
        let s = self;
        if s.possibly_minor == Some(true)
            && let Some((_, path)) = s.ages_recorded(began).iter().find(|(r, _)| *r)
        {
            return Err((PM, path, POSSIBLY_MINOR_ALONE));
        }
        if let (Some(at), Some(now)) = (s.age_at_exploitation_years, s.age_years)
            && at > now
        {
            return Err((AGE_AT, AGE, AGE_AT_ABOVE_NOW));
        }
        if let (Some(minor_at), Some(at)) = (s.minor_at_exploitation, s.age_at_exploitation_years)
            && minor_at != (at < 18)
        {
            return Err((MINOR_AT, AGE_AT, MINOR_AT_VS_AGE_AT));
        }
        if let (Some(at), Some(true)) = (s.age_at_exploitation_years, s.minor)
            && at >= 18
        {
            return Err((AGE_AT, MINOR, MINOR_LATER));
        }
        if let (Some(false), Some(true)) = (s.minor_at_exploitation, s.minor) {
            return Err((MINOR_AT, MINOR, MINOR_LATER));
        }
        if let (Some(false), Some(now)) = (s.minor_at_exploitation, s.age_years)
            && now < 18
        {
            return Err((MINOR_AT, AGE, MINOR_LATER));
        }
        if let (Some(birth), Some(began)) = (s.birth_year, began) {
            if birth > began {
                return Err((BIRTH, BEGAN, BIRTH_AFTER_BEGAN));
            }
            let span = i32::from(began) - i32::from(birth);
            if let Some(at) = s.age_at_exploitation_years {
                // The age at the act is `span - 1` or `span`; more than a year either side of
                // that is a contradiction.
                let at = i32::from(at);
                if at < span - 2 || at > span + 1 {
                    return Err((AGE_AT, BIRTH, BIRTH_GIVES_OTHER_AGE));
                }
            }
            if let Some(minor_at) = s.minor_at_exploitation {
                // Certainly a minor when span <= 17; certainly not when span - 1 >= 18.
                if (minor_at && span > 18) || (!minor_at && span <= 17) {
                    return Err((MINOR_AT, BIRTH, BIRTH_SAYS_OTHERWISE));
                }
            }
            // The age now is at least the age at the act, which is at least `span - 1`: a
            // person recorded as younger now (or as under 18 now) cannot have been that old.
            if let Some(now) = s.age_years
                && span - 1 > i32::from(now)
            {
                return Err((BIRTH, AGE, BIRTH_ABOVE_NOW));
            }
            if s.minor == Some(true) && span > 18 {
                return Err((BIRTH, MINOR, MINOR_LATER));
            }
        }
        Ok(())
    }
}

impl Case {
    /// Every question an interview lists as asked is listed once and answered in the
    /// observations (a skip as `not_assessed`): a listed question is never asked again, so
    /// one without an answer would stay open for good, and an unknown id would not be noticed.
    fn check_asked(&self, record: &InterviewRecord) -> Result<(), CaseError> {
        if record.asked.is_empty() {
            return Ok(());
        }
        let mut answered: Vec<&str> = self
            .observations
            .iter()
            .map(|o| o.indicator.as_str())
            .collect();
        answered.sort_unstable();
        let mut listed: Vec<&str> = Vec::with_capacity(record.asked.len());
        for (i, id) in record.asked.iter().enumerate() {
            match listed.binary_search(&id.as_str()) {
                Ok(_) => {
                    return Err(CaseError::AskedTwice {
                        path: format!("$.interview.asked[{i}]"),
                        id: id.clone(),
                    });
                }
                Err(at) => listed.insert(at, id.as_str()),
            }
            if answered.binary_search(&id.as_str()).is_err() {
                return Err(CaseError::AskedWithoutAnswer {
                    path: format!("$.interview.asked[{i}]"),
                    id: id.clone(),
                });
            }
        }
        Ok(())
    }
}

fn check_text(text: &str, limit: usize, path: impl FnOnce() -> String) -> Result<(), CaseError> {
    match chars_over(text, limit) {
        Some(chars) => Err(CaseError::TextTooLong {
            path: path(),
            chars,
            limit,
        }),
        None => Ok(()),
    }
}

// The rules for a value's content, one place for both readers (the strict reader and the
// direct reader in `direct.rs`), so that they cannot come to disagree.

/// The text's length in characters when it is over `limit`.
fn chars_over(text: &str, limit: usize) -> Option<usize> {
    // Counting characters is O(n); skip it when the byte length already fits.
    if text.len() <= limit {
        return None;
    }
    Some(text.chars().count()).filter(|chars| *chars > limit)
}

/// The age a whole number `n` gives, if within the limit (and a `u8`: an age a raised limit
/// would allow but a `u8` cannot hold is refused, not dropped).
fn age_within(n: u64, limits: &Limits) -> Option<u8> {
    u8::try_from(n).ok().filter(|_| n <= limits.max_age_years)
}

/// The year a whole number `n` gives, if within the years a case may record.
fn year_within(n: u64) -> Option<u16> {
    u16::try_from(n)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

/// The indicator id `text` names: the built-in catalogue's own id where it names one (shared,
/// not copied), else a new id if well formed.
fn indicator_id_of(text: &str) -> Result<IndicatorId, crate::model::id::IdError> {
    match crate::catalogue::Catalogue::builtin_id(text) {
        Some(id) => Ok(id),
        None => IndicatorId::new(text),
    }
}

fn check_count(count: usize, limit: usize, path: &str) -> Result<(), CaseError> {
    if count > limit {
        return Err(CaseError::TooMany {
            path: path.to_owned(),
            count,
            limit,
        });
    }
    Ok(())
}

/// Reads `json` through the strict tree and the strict reader: every error comes from here.
fn read_strict(json: &str, options: ParseOptions, limits: &Limits) -> Result<Case, CaseError> {
    let tree = json_in::read(json, limits.max_case_depth, CASE_KEY_NAMES)?;
    let reader = Reader { limits, options };
    let case = reader.case(&tree, &Path::ROOT)?;
    case.check()?;
    Ok(case)
}

/// Reads the strict JSON tree into typed case values.
struct Reader<'l> {
    limits: &'l Limits,
    options: ParseOptions,
}

const CASE_FIELDS: &str = "`case_reference`, `subject`, `forms`, `sexual_exploitation_types`, `observations`, `offences`, `exploitation_began_year`, `sector`, `measures`, `interview_conditions`, `interview`";
const SUBJECT_FIELDS: &str = "`age_years`, `minor`, `disability`, `possibly_minor`, `age_at_exploitation_years`, `minor_at_exploitation`, `birth_year`, `national`, `visa`";
const INTERVIEW_FIELDS: &str = "`asked`, `age_not_known`, `forms_not_known`, `birth_year_not_known`, `sexual_exploitation_types_not_known`, `opening_asked`, `safety`";
const SAFETY_FIELDS: &str = "`hurt`, `in_danger`, `needs_doctor`";
const OBSERVATION_FIELDS: &str = "`indicator`, `status`, `source`, `note`";
const OFFENCE_FIELDS: &str = "`kind`, `stage`, `note`";

// The keys of each object, for both readers (in any order: the direct reader matches names).
// A test checks them against the case schema.
const CASE_KEYS: &[&str] = &[
    "case_reference",
    "subject",
    "forms",
    "sexual_exploitation_types",
    "observations",
    "offences",
    "exploitation_began_year",
    "sector",
    "measures",
    "interview_conditions",
    "interview",
];
const SUBJECT_KEYS: &[&str] = &[
    "age_years",
    "minor",
    "disability",
    "possibly_minor",
    "age_at_exploitation_years",
    "minor_at_exploitation",
    "birth_year",
    "national",
    "visa",
];
const OBSERVATION_KEYS: &[&str] = &["indicator", "status", "source", "note"];
const OFFENCE_KEYS: &[&str] = &["kind", "stage", "note"];
const INTERVIEW_KEYS: &[&str] = &[
    "asked",
    "age_not_known",
    "forms_not_known",
    "birth_year_not_known",
    "sexual_exploitation_types_not_known",
    "opening_asked",
    "safety",
];
const SAFETY_KEYS: &[&str] = &["hurt", "in_danger", "needs_doctor"];

/// The keys an error about a case may name: the case format's own, in any of its objects.
/// Any other key may be what someone typed about a person (`maria_kim`), and is not shown.
const CASE_KEY_NAMES: json::Keys = json::Keys::Only(is_case_key);

/// Whether `key` is a field of some object of the case format.
fn is_case_key(key: &str) -> bool {
    [
        CASE_KEYS,
        SUBJECT_KEYS,
        OBSERVATION_KEYS,
        OFFENCE_KEYS,
        INTERVIEW_KEYS,
        SAFETY_KEYS,
    ]
    .iter()
    .any(|keys| keys.contains(&key))
}

impl Reader<'_> {
    /// Wraps an error about `value` with the value itself, when the caller opted in.
    fn reveal(&self, error: CaseError, value: &Json) -> CaseError {
        if self.options.reveal_values {
            CaseError::Revealed {
                error: Box::new(error),
                value: value.to_json_text(),
            }
        } else {
            error
        }
    }

    fn wrong_type(&self, value: &Json, path: &Path<'_>, expected: &'static str) -> CaseError {
        self.reveal(
            CaseError::WrongType {
                path: path.to_string(),
                expected,
                found: value.kind(),
            },
            value,
        )
    }

    fn invalid(&self, value: &Json, path: &Path<'_>, expected: &'static str) -> CaseError {
        self.reveal(
            CaseError::InvalidValue {
                path: path.to_string(),
                expected,
            },
            value,
        )
    }

    fn object<'v>(
        &self,
        value: &'v Json,
        path: &Path<'_>,
        fields: &'static [&'static str],
        expected: &'static str,
    ) -> Result<&'v [(std::borrow::Cow<'v, str>, Json<'v>)], CaseError> {
        let Json::Object(members) = value else {
            return Err(self.wrong_type(value, path, OBJECT_EXPECTED));
        };
        if let Some((key, _)) = members.iter().find(|(k, _)| !fields.contains(&k.as_ref())) {
            // A field of another object is named; any other key never is (it may be a name),
            // but a likely misspelling gets the field it misspells.
            let field = if is_case_key(key) {
                FieldName::new(key)
            } else {
                FieldName::not_in_format(crate::model::id::nearest(key, fields.iter().copied()))
            };
            return Err(CaseError::UnknownField {
                path: path.to_string(),
                field,
                expected,
            });
        }
        Ok(members)
    }

    fn array<'v>(
        &self,
        value: &'v Json,
        path: &Path<'_>,
        limit: usize,
    ) -> Result<&'v [Json<'v>], CaseError> {
        let Json::Array(items) = value else {
            return Err(self.wrong_type(value, path, ARRAY_EXPECTED));
        };
        check_count(items.len(), limit, &path.to_string())?;
        Ok(items)
    }

    fn text(&self, value: &Json, path: &Path<'_>, limit: usize) -> Result<String, CaseError> {
        let Json::String(text) = value else {
            return Err(self.wrong_type(value, path, STRING_EXPECTED));
        };
        check_text(text, limit, || path.to_string())?;
        Ok(text.to_string())
    }

    fn optional_bool(&self, value: &Json, path: &Path<'_>) -> Result<Option<bool>, CaseError> {
        match value {
            Json::Null => Ok(None),
            Json::Bool(b) => Ok(Some(*b)),
            other => Err(self.wrong_type(other, path, BOOL_EXPECTED)),
        }
    }

    fn age(&self, value: &Json, path: &Path<'_>) -> Result<Option<u8>, CaseError> {
        match value {
            Json::Null => Ok(None),
            Json::Number(n) => match whole(n).and_then(|n| age_within(n, self.limits)) {
                Some(age) => Ok(Some(age)),
                None => Err(self.invalid(value, path, AGE_EXPECTED)),
            },
            other => Err(self.wrong_type(other, path, AGE_EXPECTED)),
        }
    }

    fn year(&self, value: &Json, path: &Path<'_>) -> Result<Option<u16>, CaseError> {
        match value {
            Json::Null => Ok(None),
            Json::Number(n) => match whole(n).and_then(year_within) {
                Some(year) => Ok(Some(year)),
                None => Err(self.invalid(value, path, YEAR_EXPECTED)),
            },
            other => Err(self.wrong_type(other, path, YEAR_EXPECTED)),
        }
    }

    fn keyword<T: Keyword>(&self, value: &Json, path: &Path<'_>) -> Result<T, CaseError> {
        let Json::String(text) = value else {
            return Err(self.wrong_type(value, path, T::EXPECTED));
        };
        T::named(text).ok_or_else(|| self.invalid(value, path, T::EXPECTED))
    }

    /// An array of at most `limit` keywords, each checked at its own index.
    fn keywords<T: Keyword>(
        &self,
        value: &Json,
        path: &Path<'_>,
        limit: usize,
    ) -> Result<Vec<T>, CaseError> {
        self.array(value, path, limit)?
            .iter()
            .enumerate()
            .map(|(i, v)| self.keyword(v, &path.index(i)))
            .collect()
    }

    fn case(&self, value: &Json, path: &Path<'_>) -> Result<Case, CaseError> {
        let members = self.object(value, path, CASE_KEYS, CASE_FIELDS)?;
        let mut case = Case::default();
        for (key, value) in members {
            match key.as_ref() {
                "case_reference" => {
                    let p = path.key("case_reference");
                    case.case_reference = match value {
                        Json::Null => None,
                        v => Some(CaseReference(self.text(
                            v,
                            &p,
                            self.limits.max_case_reference_chars,
                        )?)),
                    };
                }
                "subject" => case.subject = self.subject(value, &path.key("subject"))?,
                "exploitation_began_year" => {
                    case.exploitation_began_year =
                        self.year(value, &path.key("exploitation_began_year"))?;
                }
                "forms" => {
                    case.forms = self.keywords(value, &path.key("forms"), self.limits.max_forms)?;
                }
                "sexual_exploitation_types" => {
                    case.sexual_exploitation_types = self.keywords(
                        value,
                        &path.key("sexual_exploitation_types"),
                        SexualExploitationType::ALL.len(),
                    )?;
                }
                "observations" => {
                    let p = path.key("observations");
                    let items = self.array(value, &p, self.limits.max_observations)?;
                    case.observations = items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.observation(v, &p.index(i)))
                        .collect::<Result<_, _>>()?;
                }
                "sector" => {
                    case.sector = self.optional_keyword(value, &path.key("sector"))?;
                }
                "measures" => {
                    case.measures =
                        self.keywords(value, &path.key("measures"), Measure::ALL.len())?;
                }
                "interview_conditions" => {
                    case.interview_conditions = self.keywords(
                        value,
                        &path.key("interview_conditions"),
                        InterviewCondition::ALL.len(),
                    )?;
                }
                "interview" => {
                    case.interview = match value {
                        Json::Null => None,
                        v => Some(self.interview(v, &path.key("interview"))?),
                    };
                }
                "offences" => {
                    let p = path.key("offences");
                    let items = self.array(value, &p, self.limits.max_offences)?;
                    case.offences = items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.offence(v, &p.index(i)))
                        .collect::<Result<_, _>>()?;
                }
                _ => {}
            }
        }
        Ok(case)
    }

    fn subject(&self, value: &Json, path: &Path<'_>) -> Result<Subject, CaseError> {
        let members = self.object(value, path, SUBJECT_KEYS, SUBJECT_FIELDS)?;
        let mut subject = Subject::default();
        for (key, value) in members {
            match key.as_ref() {
                "age_years" => subject.age_years = self.age(value, &path.key("age_years"))?,
                "age_at_exploitation_years" => {
                    subject.age_at_exploitation_years =
                        self.age(value, &path.key("age_at_exploitation_years"))?;
                }
                "possibly_minor" => {
                    subject.possibly_minor =
                        self.optional_bool(value, &path.key("possibly_minor"))?;
                }
                "minor_at_exploitation" => {
                    subject.minor_at_exploitation =
                        self.optional_bool(value, &path.key("minor_at_exploitation"))?;
                }
                "birth_year" => subject.birth_year = self.year(value, &path.key("birth_year"))?,
                "minor" => subject.minor = self.optional_bool(value, &path.key("minor"))?,
                "disability" => {
                    subject.disability = self.optional_bool(value, &path.key("disability"))?;
                }
                "national" => {
                    subject.national = self.optional_bool(value, &path.key("national"))?;
                }
                "visa" => {
                    subject.visa = match value {
                        Json::Null => None,
                        v => Some(Visa(self.text(v, &path.key("visa"), MAX_VISA_CHARS)?)),
                    };
                }
                _ => {}
            }
        }
        Ok(subject)
    }

    fn indicator_id(&self, value: &Json, p: &Path<'_>) -> Result<IndicatorId, CaseError> {
        let Json::String(text) = value else {
            return Err(self.wrong_type(value, p, INDICATOR_ID_EXPECTED));
        };
        indicator_id_of(text).map_err(|reason| {
            self.reveal(
                CaseError::InvalidIndicatorId {
                    path: p.to_string(),
                    reason,
                },
                value,
            )
        })
    }

    fn interview(&self, value: &Json, path: &Path<'_>) -> Result<InterviewRecord, CaseError> {
        let members = self.object(value, path, INTERVIEW_KEYS, INTERVIEW_FIELDS)?;
        let mut record = InterviewRecord::default();
        for (key, value) in members {
            match key.as_ref() {
                "asked" => {
                    let p = path.key("asked");
                    let items = self.array(value, &p, self.limits.max_observations)?;
                    record.asked = items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.indicator_id(v, &p.index(i)))
                        .collect::<Result<_, _>>()?;
                }
                "age_not_known" => {
                    record.age_not_known = self
                        .optional_bool(value, &path.key("age_not_known"))?
                        .unwrap_or(false);
                }
                "forms_not_known" => {
                    record.forms_not_known = self
                        .optional_bool(value, &path.key("forms_not_known"))?
                        .unwrap_or(false);
                }
                "birth_year_not_known" => {
                    record.birth_year_not_known = self
                        .optional_bool(value, &path.key("birth_year_not_known"))?
                        .unwrap_or(false);
                }
                "sexual_exploitation_types_not_known" => {
                    record.sexual_exploitation_types_not_known = self
                        .optional_bool(value, &path.key("sexual_exploitation_types_not_known"))?
                        .unwrap_or(false);
                }
                "opening_asked" => {
                    record.opening_asked = self.keywords(
                        value,
                        &path.key("opening_asked"),
                        self.limits.max_observations,
                    )?;
                }
                "safety" => {
                    let p = path.key("safety");
                    for (k, v) in self.object(value, &p, SAFETY_KEYS, SAFETY_FIELDS)? {
                        let (name, slot) = match k.as_ref() {
                            "hurt" => ("hurt", &mut record.safety.hurt),
                            "in_danger" => ("in_danger", &mut record.safety.in_danger),
                            "needs_doctor" => ("needs_doctor", &mut record.safety.needs_doctor),
                            _ => continue,
                        };
                        *slot = self.optional_keyword(v, &p.key(name))?;
                    }
                }
                _ => {}
            }
        }
        Ok(record)
    }

    /// An optional note (`null` or absent: none), within the note limit.
    fn note(&self, value: &Json, path: &Path<'_>) -> Result<Option<Note>, CaseError> {
        match value {
            Json::Null => Ok(None),
            v => Ok(Some(Note(self.text(
                v,
                path,
                self.limits.max_note_chars,
            )?))),
        }
    }

    /// An optional keyword (`null` or absent: none).
    fn optional_keyword<T: Keyword>(
        &self,
        value: &Json,
        path: &Path<'_>,
    ) -> Result<Option<T>, CaseError> {
        match value {
            Json::Null => Ok(None),
            v => self.keyword(v, path).map(Some),
        }
    }

    fn observation(&self, value: &Json, path: &Path<'_>) -> Result<Observation, CaseError> {
        let members = self.object(value, path, OBSERVATION_KEYS, OBSERVATION_FIELDS)?;
        let mut indicator = None;
        let mut status = None;
        let mut source = None;
        let mut note = None;
        for (key, value) in members {
            match key.as_ref() {
                "indicator" => {
                    indicator = Some(self.indicator_id(value, &path.key("indicator"))?);
                }
                "status" => {
                    status = Some(self.keyword(value, &path.key("status"))?);
                }
                "source" => source = self.optional_keyword(value, &path.key("source"))?,
                "note" => note = self.note(value, &path.key("note"))?,
                _ => {}
            }
        }
        Ok(Observation {
            indicator: indicator.ok_or_else(|| CaseError::MissingField {
                path: path.to_string(),
                field: "indicator",
            })?,
            status: status.ok_or_else(|| CaseError::MissingField {
                path: path.to_string(),
                field: "status",
            })?,
            source,
            note,
        })
    }

    fn offence(&self, value: &Json, path: &Path<'_>) -> Result<Offence, CaseError> {
        let members = self.object(value, path, OFFENCE_KEYS, OFFENCE_FIELDS)?;
        let mut kind = None;
        let mut stage = None;
        let mut note = None;
        for (key, value) in members {
            match key.as_ref() {
                "kind" => {
                    kind = Some(self.keyword(value, &path.key("kind"))?);
                }
                "stage" => stage = self.optional_keyword(value, &path.key("stage"))?,
                "note" => note = self.note(value, &path.key("note"))?,
                _ => {}
            }
        }
        Ok(Offence {
            kind: kind.ok_or_else(|| CaseError::MissingField {
                path: path.to_string(),
                field: "kind",
            })?,
            stage,
            note,
        })
    }
}

/// Implements [`Keyword`] for a case vocabulary and its serde `Deserialize` through
/// [`read_keyword`], which never repeats the value it was given (serde's derived reader quotes
/// it: ``unknown variant `Maria Kim said yes` ``, ``invalid type: integer `17` ``). The wire
/// format stays the derived one: `Serialize` and the JSON Schema are derived as before.
macro_rules! keyword {
    ($t:ident, $expected:literal) => {
        impl Keyword for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            const NAMES: &'static [&'static str] = &keyword_names!($t);
            const EXPECTED: &'static str = $expected;
            const TYPE: &'static str = stringify!($t);
            const WRITTEN_AS_ENUM: bool = true;
            fn name(self) -> &'static str {
                self.as_str()
            }
            fn index(self) -> u32 {
                self as u32
            }
        }

        impl<'de> Deserialize<'de> for $t {
            /// Reads the JSON name. An error names the type and the names it allows, never the
            /// value given.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                read_keyword(deserializer)
            }
        }
    };
}

keyword!(
    ObservationStatus,
    "one of `present`, `absent`, `not_assessed`"
);
keyword!(
    EvidenceSource,
    "one of `self_report`, `document`, `direct_observation`, `third_party`"
);
keyword!(
    ExploitationForm,
    "one of `labour`, `sexual`, `domestic_servitude`, `forced_criminality`, `begging`, `forced_marriage`, `organ_removal`, `other`, `slavery_or_servitude`, `child_soldiering`"
);
keyword!(
    OffenceKind,
    "one of `irregular_entry`, `irregular_stay`, `document_offence`, `prostitution`, `drug_offence`, `theft_or_petty_crime`, `begging`, `other`"
);
keyword!(OffenceStage, "one of `suspected`, `charged`, `convicted`");
keyword!(
    Sector,
    "one of `agriculture`, `aquafarming`, `begging`, `construction`, `domestic_work`, `hospitality`, `illicit_activities`, `manufacturing`, `mining_or_drilling`, `peddling`, `transportation`, `other`, `fishing_at_sea`, `shipping_at_sea`"
);
keyword!(
    Measure,
    "one of `detention`, `removal_pending`, `refusal_of_entry`"
);
keyword!(
    SexualExploitationType,
    "one of `prostitution`, `pornography`, `remote_interactive_services`, `private_sexual_services`"
);
keyword!(
    InterviewCondition,
    "one of `exploiter_present`, `no_interpreter`, `interpreter_linked_to_exploiter`, `not_private`"
);
keyword!(Answer, "one of `yes`, `no`, `not_known`");
keyword!(
    OpeningQuestion,
    "one of `age`, `reasons_to_believe_child`, `birth_year`, `forms`, `sexual_exploitation_types`"
);

impl<'de> Deserialize<'de> for Case {
    /// Deserializes through the same strict reader as [`Case::from_json`]: the same fields,
    /// checks and limits on depth and counts, and the same messages (no values). Two things
    /// differ, because a deserializer never sees the text: the limit on the text's size
    /// ([`Limits::max_case_bytes`], 1 MiB) is not applied, and an error is the deserializer's
    /// own (the [`CaseError`]'s message, its path in words), not a typed [`CaseError`]. A
    /// service that reads a case from a request body (a web framework's JSON extractor
    /// deserializes this way) should take the body as text and call [`Case::from_json`],
    /// which refuses an oversized case before reading it and returns the typed error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let limits = Limits::default();
        let tree = json::tree_from(deserializer, limits.max_case_depth, CASE_KEY_NAMES)?;
        let reader = Reader {
            limits: &limits,
            options: ParseOptions::new(),
        };
        let case = reader
            .case(&tree, &Path::ROOT)
            .map_err(serde::de::Error::custom)?;
        case.check().map_err(serde::de::Error::custom)?;
        Ok(case)
    }
}

/// A JSON number that is a whole number at least 0, however it is written: `30`, `30.0` or
/// `-0` (JSON Schema counts `30.0` as an integer, and a program in another language, such as
/// Python's `json` with a float column, may write it so). `30.5`, `-1` and `1e400` are not.
fn whole(n: &Number) -> Option<u64> {
    match *n {
        Number::Unsigned(n) => Some(n),
        Number::Signed(n) => u64::try_from(n).ok(),
        // Whole, not negative and below 2^53, where every whole number is exact.
        Number::Float(f) if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&f) => {
            Some(f as u64)
        }
        Number::Float(_) => None,
    }
}

#[cfg(test)]
mod tests {
    /// The field lists an unknown-field error names are the keys the readers accept.
    #[test]
    fn unknown_field_errors_name_the_keys_the_readers_accept() {
        for (keys, named) in [
            (CASE_KEYS, CASE_FIELDS),
            (SUBJECT_KEYS, SUBJECT_FIELDS),
            (INTERVIEW_KEYS, INTERVIEW_FIELDS),
            (SAFETY_KEYS, SAFETY_FIELDS),
            (OBSERVATION_KEYS, OBSERVATION_FIELDS),
            (OFFENCE_KEYS, OFFENCE_FIELDS),
        ] {
            let listed: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            assert_eq!(listed.join(", "), named);
        }
    }

    #[test]
    fn both_conflict_searches_report_the_same_error() {
        // Small cases with repeated ids and statuses: the pairwise search (up to 32
        // observations) must report exactly what the sorted one does.
        let ids = [
            "debt_bondage_at_destination",
            "low_or_no_salary",
            "a1",
            "hazardous_work",
        ];
        let statuses = [
            ObservationStatus::Present,
            ObservationStatus::Absent,
            ObservationStatus::NotAssessed,
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as usize
        };
        let mut conflicts = 0;
        for _ in 0..3000 {
            let n = next(33);
            let case = Case {
                observations: (0..n)
                    .filter_map(|_| {
                        let id = IndicatorId::new(ids.get(next(4))?).ok()?;
                        Some(Observation::new(id, *statuses.get(next(3))?))
                    })
                    .collect(),
                ..Case::default()
            };
            let sorted = case.check_conflicts_sorted();
            conflicts += usize::from(sorted.is_err());
            assert_eq!(
                format!("{:?}", case.check_conflicts_pairwise()),
                format!("{sorted:?}")
            );
        }
        assert!(conflicts > 1000, "{conflicts}");
    }

    use super::*;

    /// Each recorded fact about the age gives its bound; the age now decides alone; facts
    /// about the time of the act that disagree (by the year the format allows) give the
    /// lowest, so that a doubt keeps a child's service.
    #[test]
    fn the_least_age_now_takes_each_recorded_fact() {
        let subject = |f: &dyn Fn(&mut Subject)| {
            let mut s = Subject::default();
            f(&mut s);
            s
        };
        let cases: [(Subject, Option<u16>, u8); 11] = [
            (Subject::default(), None, 0),
            (subject(&|s| s.age_years = Some(18)), None, 18),
            // The age now decides, whatever was recorded of the time of the act.
            (
                subject(&|s| {
                    s.age_years = Some(17);
                    s.age_at_exploitation_years = Some(19);
                }),
                None,
                17,
            ),
            (subject(&|s| s.minor = Some(false)), None, 18),
            (subject(&|s| s.minor = Some(true)), None, 0),
            (
                subject(&|s| s.minor_at_exploitation = Some(false)),
                None,
                18,
            ),
            (
                subject(&|s| s.age_at_exploitation_years = Some(18)),
                None,
                18,
            ),
            // Born 2005, exploited from 2024: 18 or 19 then.
            (subject(&|s| s.birth_year = Some(2005)), Some(2024), 18),
            (subject(&|s| s.birth_year = Some(2005)), None, 0),
            // The years say 18 or more, the age then 17: the lowest.
            (
                subject(&|s| {
                    s.birth_year = Some(2005);
                    s.age_at_exploitation_years = Some(17);
                }),
                Some(2024),
                17,
            ),
            // Exploited from 17, and no longer under 18: at least 18 now.
            (
                subject(&|s| {
                    s.age_at_exploitation_years = Some(17);
                    s.minor = Some(false);
                }),
                None,
                18,
            ),
        ];
        for (i, (s, began, least)) in cases.iter().enumerate() {
            assert_eq!(s.least_age_now(*began), *least, "case {i}");
        }
    }

    #[test]
    fn age_group_prefers_age_over_minor_flag() {
        let s = |age_years, minor| Subject {
            age_years,
            minor,
            ..Subject::default()
        };
        assert_eq!(s(Some(17), None).age_group(), AgeGroup::Child);
        assert_eq!(s(Some(18), None).age_group(), AgeGroup::Adult);
        assert_eq!(s(None, Some(true)).age_group(), AgeGroup::Child);
        assert_eq!(s(None, Some(false)).age_group(), AgeGroup::Adult);
        assert_eq!(s(None, None).age_group(), AgeGroup::NotEstablished);
    }

    fn json_name<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The reader's keyword tables must spell every value exactly as serde (and so the JSON
    /// Schema) does.
    #[test]
    fn keyword_tables_agree_with_serde_names() {
        fn check<T: Keyword + Serialize>() {
            for v in T::ALL {
                assert_eq!(json_name(*v), v.name());
                assert!(T::EXPECTED.contains(&format!("`{}`", v.name())));
            }
        }
        check::<ObservationStatus>();
        check::<EvidenceSource>();
        check::<ExploitationForm>();
        check::<OffenceKind>();
        check::<OffenceStage>();
        check::<Sector>();
        check::<Measure>();
        check::<InterviewCondition>();
        check::<SexualExploitationType>();
        check::<Answer>();
        check::<OpeningQuestion>();
    }

    /// A format that is not self-describing (a binary one) reads back the enum serde's derived
    /// `Serialize` wrote, by its variant's name or index, and its errors do not repeat the
    /// value either.
    #[test]
    fn keywords_read_back_from_a_format_that_writes_enums_by_index() {
        use crate::model::keyword::tests::Binary;
        use serde::de::value::{Error, StrDeserializer, U32Deserializer};

        fn check<T: Keyword + for<'de> Deserialize<'de> + PartialEq + fmt::Debug>() {
            for (i, v) in T::ALL.iter().enumerate() {
                // `ALL` is in declaration order, the order of serde's variant indices.
                assert_eq!(usize::try_from(v.index()).ok(), Some(i), "{}", T::TYPE);
                assert_eq!(T::NAMES.get(i).copied(), Some(v.name()));
                let by_index = T::deserialize(Binary(U32Deserializer::<Error>::new(v.index())));
                assert_eq!(by_index.ok(), Some(*v));
                let by_name = T::deserialize(Binary(StrDeserializer::<Error>::new(v.name())));
                assert_eq!(by_name.ok(), Some(*v));
            }
            assert_eq!(T::NAMES.len(), T::ALL.len());
            let err = T::deserialize(Binary(U32Deserializer::<Error>::new(73_317)))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(T::TYPE) && !err.contains("73317"), "{err}");
            let err = T::deserialize(Binary(StrDeserializer::<Error>::new("Maria Kim")))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(T::TYPE) && !err.contains("Maria"), "{err}");
        }
        check::<ObservationStatus>();
        check::<EvidenceSource>();
        check::<ExploitationForm>();
        check::<OffenceKind>();
        check::<OffenceStage>();
        check::<Sector>();
        check::<Measure>();
        check::<InterviewCondition>();
        check::<SexualExploitationType>();
        check::<Answer>();
        check::<OpeningQuestion>();
    }

    #[test]
    fn ids_of_the_loaded_builtin_catalogue_are_shared_not_copied() {
        drop(crate::Catalogue::builtin());
        let case = Case::from_json(
            r#"{"observations": [
                {"indicator": "debt_bondage_at_destination", "status": "present"},
                {"indicator": "not_in_the_catalogue", "status": "absent"}]}"#,
        );
        let ids: Vec<(String, bool)> = case
            .map(|c| {
                c.observations
                    .iter()
                    .map(|o| (o.indicator.to_string(), o.indicator.is_static()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            ids,
            [
                ("debt_bondage_at_destination".to_owned(), true),
                ("not_in_the_catalogue".to_owned(), false)
            ]
        );
    }

    #[test]
    fn notes_are_redacted_in_debug_output() {
        let note = Note::new("she said the captain kept her passport");
        let shown = format!("{note:?}");
        assert!(!shown.contains("captain"));
        assert!(shown.contains("38 chars"), "{shown}");
    }
}
