//! The words of an outcome that every phase shares: the levels, the kinds of recommendation
//! and the kinds of notice. Rule sets name them, the engine decides them, the assessment
//! carries them and the report words them.

use std::fmt;

/// The version of the exchange formats the schemas describe
/// ([`crate::interop::schema`]), which every assessment carries (`schema_version`). It
/// changes when a format changes incompatibly (major), compatibly (minor), or only in its
/// documentation (patch).
pub const SCHEMA_VERSION: &str = "5.6.0";

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How far the indicators go, in increasing order.
///
/// `NoIndicators < FurtherInquiry < ReasonableGrounds < DefinitionMet`. The level is monotone
/// in the evidence: another present indicator never lowers it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// No indicator is present.
    NoIndicators,
    /// Indicators are present, below reasonable grounds: keep identifying.
    FurtherInquiry,
    /// Reasonable grounds to believe the person is a victim: the screening threshold at which
    /// protection must start (CoE Convention Art. 10(2), EU Directive 2011/36/EU Art. 11(2),
    /// the UK NRM's first stage).
    ReasonableGrounds,
    /// The indicators meet the definition under the rule set's person-level rule. Decision
    /// support, not a legal determination.
    DefinitionMet,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 4] = [
        Level::NoIndicators,
        Level::FurtherInquiry,
        Level::ReasonableGrounds,
        Level::DefinitionMet,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::NoIndicators => "no_indicators",
            Level::FurtherInquiry => "further_inquiry",
            Level::ReasonableGrounds => "reasonable_grounds",
            Level::DefinitionMet => "definition_met",
        }
    }

    /// The level in words, in English, as the first release wrote them.
    #[deprecated(
        since = "0.2.0",
        note = "English only, and not the report's words: use `render::Locale::level_sentence`"
    )]
    pub const fn in_words(self) -> &'static str {
        match self {
            Level::NoIndicators => "No indicator of trafficking is recorded as present.",
            Level::FurtherInquiry => {
                "Indicators of trafficking are present, below reasonable grounds: continue identification."
            }
            Level::ReasonableGrounds => {
                "Reasonable grounds to believe this person may be a victim of trafficking: protection should start now."
            }
            Level::DefinitionMet => {
                "The recorded indicators meet the definition of trafficking under this rule set (decision support, not a legal determination)."
            }
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of step a recommendation proposes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecommendationKind {
    /// Do not punish the person for offences they were compelled to commit (CoE Art. 26,
    /// EU Directive Art. 8, OHCHR Guideline 4(5)).
    NonPunishment,
    /// Refer to assistance (CoE Art. 12).
    ReferralToAssistance,
    /// A recovery and reflection period of at least 30 days (CoE Art. 13).
    RecoveryAndReflectionPeriod,
    /// No removal from the territory while identification is pending (CoE Art. 10(2)).
    NoRemovalPendingIdentification,
    /// Referral to child protection.
    ChildProtectionReferral,
    /// Continue identification: ask the next questions.
    ContinueIdentification,
    /// Exploitative conditions without (so far) the coercion of trafficking: refer to labour
    /// inspection or a labour-rights service.
    LabourRightsReferral,
    /// Do not charge, detain, remove or refuse entry on the listed grounds until
    /// identification is complete: decisions on these are made while identification goes on.
    ProtectionPendingIdentification,
    /// Apply for the victim confirmation certificate (Korea: Act Art. 14).
    ConfirmationCertificate,
    /// Debts claimed by the exploiter are void (Korea: Act Art. 24, Sex Trade Act Art. 10):
    /// tell the person.
    DebtsVoid,
}

/// The kind of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// Age is not established and nothing gives reason to believe the person is a child: the
    /// adult rules were applied, and age is the first question.
    AgeNotEstablished,
    /// No age is recorded but there are reasons to believe the person is a child: the child
    /// rules were applied as a presumption pending age assessment.
    ChildPresumed,
    /// The ages recorded do not settle whether the person was a child at the time of the act
    /// under the rule set's age rule: the adult rules were applied; ask what
    /// `explanation.subject.ask_first` names (the year of birth, the year the exploitation
    /// began, or the age then).
    AgeAtExploitationUncertain,
    /// The children's list strengths were applied.
    ChildStrengthsApplied,
    /// The means are not required because the person has a disability (rule set policy).
    MeansNotRequiredForDisability,
    /// No form of exploitation was recorded, so every list was treated as relevant.
    NoFormsRecorded,
    /// Offences are listed that the non-punishment advisory does not name at this level (the
    /// notice's `offences`, and the level from which it would: `from_level`).
    OffencesBelowThreshold,
    /// A rule used by this assessment is not verified against its primary source.
    RuleNotVerified,
    /// One fact is recorded absent under one wording and present under another.
    SameFactAnsweredBothWays,
    /// A rule set's notice: consent to the exploitation is irrelevant once a means was used.
    ConsentIrrelevant,
    /// The interview was held in conditions that make a "no" unreliable: "absent" answers do
    /// not settle their questions; hold the interview again in safe conditions.
    InterviewConditionsUnsafe,
    /// The person is hurt, in danger or needs a doctor: safety first.
    SafetyFirst,
    /// A rule set's notice of a duty owed to anyone who sold sex or is a victim of the sex
    /// trade, whatever the level: the investigator must tell them that the claims of those
    /// who arranged the sex trade, employed, recruited or placed them for it, or trafficked
    /// them for it are void and that support facilities are open to them (Korea: Sex Trade
    /// Act Art. 10(1),(3)). Where it is given is the rule set's `context`. It leads what to do
    /// now (since schema 4.12.0).
    SexTradeClaimsVoid,
    /// A safety question was asked and its answer is not known (hurt, in danger, in need of a
    /// doctor): not a "no"; ask it again first, in safe conditions. The notice's `safety`
    /// holds the answers. It leads what to do now, after any safety first (since schema
    /// 5.1.0).
    SafetyNotKnown,
}
