//! The indicator model: dimensions, strengths, Palermo elements, forms of exploitation and
//! the indicator entry with its provenance and crosswalks.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::id::{ConceptId, IndicatorId, ListId, ReferenceId};
use crate::model::limits::text;

/// One of the six dimensions of the ILO/European Commission operational indicators (2009).
///
/// Three dimensions describe the recruitment phase, three the destination phase. Each is tied
/// to the element of the Palermo Protocol's definition (Art. 3(a)) that it evidences: the
/// recruitment dimensions evidence the **act** (recruitment, transport, transfer, harbouring or
/// receipt, here by deceptive, coercive or abusive means), exploitative conditions of work
/// evidence the **purpose** (exploitation), and the destination dimensions of coercion and
/// abuse of vulnerability evidence the **means**.
///
/// Source: ILO publication page WCMS_105023 and the European Commission's anti-trafficking
/// page (verified, `domain.md` §1.2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Deceptive recruitment (including transfer and transport).
    DeceptiveRecruitment,
    /// Coercive recruitment.
    CoerciveRecruitment,
    /// Recruitment by abuse of vulnerability.
    RecruitmentByAbuseOfVulnerability,
    /// Exploitative conditions of work ("exploitation").
    ExploitativeConditionsOfWork,
    /// Coercion at destination.
    CoercionAtDestination,
    /// Abuse of vulnerability at destination.
    AbuseOfVulnerabilityAtDestination,
}

impl Dimension {
    /// All six dimensions, in the order of the ILO/EC brochure.
    pub const ALL: [Dimension; 6] = [
        Dimension::DeceptiveRecruitment,
        Dimension::CoerciveRecruitment,
        Dimension::RecruitmentByAbuseOfVulnerability,
        Dimension::ExploitativeConditionsOfWork,
        Dimension::CoercionAtDestination,
        Dimension::AbuseOfVulnerabilityAtDestination,
    ];

    /// The Palermo element this dimension evidences.
    pub const fn element(self) -> PalermoElement {
        match self {
            Dimension::DeceptiveRecruitment
            | Dimension::CoerciveRecruitment
            | Dimension::RecruitmentByAbuseOfVulnerability => PalermoElement::Act,
            Dimension::ExploitativeConditionsOfWork => PalermoElement::Purpose,
            Dimension::CoercionAtDestination | Dimension::AbuseOfVulnerabilityAtDestination => {
                PalermoElement::Means
            }
        }
    }

    /// Whether an entry of this dimension may carry an `act_evidence` mark: a recruitment
    /// dimension (conduct of a recruiter) or coercion at destination (control over where the
    /// person is). The catalogue's validation and [`Indicator::evidences_act`] both ask this.
    pub(crate) fn may_mark_act_evidence(self) -> bool {
        matches!(self.phase(), Phase::Recruitment)
            || matches!(self, Dimension::CoercionAtDestination)
    }

    /// The phase of the trafficking process this dimension describes.
    pub const fn phase(self) -> Phase {
        match self {
            Dimension::DeceptiveRecruitment
            | Dimension::CoerciveRecruitment
            | Dimension::RecruitmentByAbuseOfVulnerability => Phase::Recruitment,
            _ => Phase::Destination,
        }
    }

    /// The phase in words: "recruitment" or "destination".
    pub const fn phase_name(self) -> &'static str {
        match self.phase() {
            Phase::Recruitment => "recruitment",
            Phase::Destination => "destination",
        }
    }

    /// Position in [`Dimension::ALL`], for dense per-dimension tables.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The name of the dimension as the ILO/EC brochure words it.
    pub const fn label(self) -> &'static str {
        match self {
            Dimension::DeceptiveRecruitment => "Deceptive recruitment",
            Dimension::CoerciveRecruitment => "Coercive recruitment",
            Dimension::RecruitmentByAbuseOfVulnerability => "Recruitment by abuse of vulnerability",
            Dimension::ExploitativeConditionsOfWork => "Exploitative conditions of work",
            Dimension::CoercionAtDestination => "Coercion at destination",
            Dimension::AbuseOfVulnerabilityAtDestination => "Abuse of vulnerability at destination",
        }
    }

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::DeceptiveRecruitment => "deceptive_recruitment",
            Dimension::CoerciveRecruitment => "coercive_recruitment",
            Dimension::RecruitmentByAbuseOfVulnerability => "recruitment_by_abuse_of_vulnerability",
            Dimension::ExploitativeConditionsOfWork => "exploitative_conditions_of_work",
            Dimension::CoercionAtDestination => "coercion_at_destination",
            Dimension::AbuseOfVulnerabilityAtDestination => "abuse_of_vulnerability_at_destination",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The three elements of trafficking in persons in the Palermo Protocol, Art. 3(a).
///
/// For adults all three must be established; for a child (under 18, Art. 3(c) and (d)) the
/// means are not required.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PalermoElement {
    /// Recruitment, transportation, transfer, harbouring or receipt of persons.
    Act,
    /// Threat or use of force or other coercion, abduction, fraud, deception, abuse of power or
    /// of a position of vulnerability, or payments to a person having control over another.
    Means,
    /// Exploitation: of the prostitution of others or other sexual exploitation, forced labour
    /// or services, slavery or similar practices, servitude, or removal of organs.
    Purpose,
}

impl PalermoElement {
    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            PalermoElement::Act => "act",
            PalermoElement::Means => "means",
            PalermoElement::Purpose => "purpose",
        }
    }

    /// The three elements in the order of Art. 3(a).
    pub const ALL: [PalermoElement; 3] = [
        PalermoElement::Act,
        PalermoElement::Means,
        PalermoElement::Purpose,
    ];

    /// A short label.
    pub const fn label(self) -> &'static str {
        match self {
            PalermoElement::Act => "act",
            PalermoElement::Means => "means",
            PalermoElement::Purpose => "purpose (exploitation)",
        }
    }
}

/// The phase of the trafficking process an indicator describes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Recruitment, including transfer and transport.
    Recruitment,
    /// At destination: during the work or service.
    Destination,
}

/// How strongly an indicator points to trafficking, in the ILO/EC Delphi ranking.
///
/// Ordered `Weak < Medium < Strong`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// A weak indicator: on its own it says little.
    Weak,
    /// A medium indicator.
    Medium,
    /// A strong indicator.
    Strong,
}

impl Strength {
    /// All strengths, strongest first (the order explanations use).
    pub const STRONGEST_FIRST: [Strength; 3] = [Strength::Strong, Strength::Medium, Strength::Weak];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Medium => "medium",
            Strength::Strong => "strong",
        }
    }

    /// Position in a dense table indexed weak = 0, medium = 1, strong = 2.
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A form of exploitation under consideration in a case.
// Its serde `Deserialize` is the case vocabularies' (`keyword!` in `case/`): an error names
// the type and the names it allows, never the value given. (Not a doc comment: the JSON
// Schemas take their descriptions from these.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExploitationForm {
    /// Forced labour or services, labour exploitation.
    Labour,
    /// Sexual exploitation, including the exploitation of the prostitution of others.
    Sexual,
    /// Domestic servitude.
    DomesticServitude,
    /// Forced criminality: being made to commit offences.
    ForcedCriminality,
    /// Forced begging.
    Begging,
    /// Forced marriage.
    ForcedMarriage,
    /// Removal of organs.
    OrganRemoval,
    /// Another form of exploitation.
    Other,
    /// Slavery, practices similar to slavery, or servitude (Palermo Art. 3(a)).
    SlaveryOrServitude,
    /// The recruitment or use of children by armed forces or groups.
    ChildSoldiering,
}

impl ExploitationForm {
    /// All forms.
    pub const ALL: [ExploitationForm; 10] = [
        ExploitationForm::Labour,
        ExploitationForm::Sexual,
        ExploitationForm::DomesticServitude,
        ExploitationForm::ForcedCriminality,
        ExploitationForm::Begging,
        ExploitationForm::ForcedMarriage,
        ExploitationForm::OrganRemoval,
        ExploitationForm::Other,
        ExploitationForm::SlaveryOrServitude,
        ExploitationForm::ChildSoldiering,
    ];

    /// Bit for a compact set of forms.
    pub(crate) const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            ExploitationForm::Labour => "labour",
            ExploitationForm::Sexual => "sexual",
            ExploitationForm::DomesticServitude => "domestic_servitude",
            ExploitationForm::ForcedCriminality => "forced_criminality",
            ExploitationForm::Begging => "begging",
            ExploitationForm::ForcedMarriage => "forced_marriage",
            ExploitationForm::OrganRemoval => "organ_removal",
            ExploitationForm::Other => "other",
            ExploitationForm::SlaveryOrServitude => "slavery_or_servitude",
            ExploitationForm::ChildSoldiering => "child_soldiering",
        }
    }

    /// A plain label.
    pub const fn label(self) -> &'static str {
        match self {
            ExploitationForm::Labour => "labour exploitation",
            ExploitationForm::Sexual => "sexual exploitation",
            ExploitationForm::DomesticServitude => "domestic servitude",
            ExploitationForm::ForcedCriminality => "forced criminality",
            ExploitationForm::Begging => "forced begging",
            ExploitationForm::ForcedMarriage => "forced marriage",
            ExploitationForm::OrganRemoval => "organ removal",
            ExploitationForm::Other => "other exploitation",
            ExploitationForm::SlaveryOrServitude => "slavery or servitude",
            ExploitationForm::ChildSoldiering => "child soldiering",
        }
    }
}

/// The subject's age group as far as it is established.
///
/// A child is anyone under 18 (Palermo Art. 3(d)); a rule set may set another limit (Korea:
/// under 19). Where age is not established, the child rules apply only when there are reasons
/// to believe the person is a child (`subject.possibly_minor`), as CoE Convention Art. 10(3)
/// and EU Directive 2011/36/EU Art. 13(2) presume; otherwise age is the first question.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// 18 or older, established.
    Adult,
    /// Under 18, established.
    Child,
    /// Not established.
    NotEstablished,
}

impl AgeGroup {
    /// Whether the age group is an established child.
    pub const fn is_child(self) -> bool {
        matches!(self, AgeGroup::Child)
    }

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            AgeGroup::Adult => "adult",
            AgeGroup::Child => "child",
            AgeGroup::NotEstablished => "not_established",
        }
    }
}

/// How sure we are of a fact, in the marks of `domain.md`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Stated in a source that was read: the issuing body's own page or a faithful
    /// reproduction of its text.
    Verified,
    /// Found only in a non-authoritative source; plausible, to be checked against the primary
    /// document.
    Secondary,
    /// No reachable source: a gap or a flagged recollection, encoded only as a configurable
    /// default.
    Unverified,
    /// A choice made by this project, with its reason written beside it.
    ProjectJudgement,
}

impl Verification {
    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Secondary => "secondary",
            Verification::Unverified => "unverified",
            Verification::ProjectJudgement => "project_judgement",
        }
    }
}

/// Confidence in a secondary fact beyond its verification mark.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// No particular doubt beyond the verification mark.
    #[default]
    Normal,
    /// The source itself is thin or internally doubtful (for example the children-in-labour
    /// variations of `domain.md` §1.5).
    Low,
}

/// Where a fact comes from and how sure we are of it.
///
/// Every catalogue entry and every list-specific strength carries one, so a reviewer can check
/// it against the primary document later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source document, an id in the catalogue's reference table.
    pub source: ReferenceId,
    /// Where in the source document: section, list and dimension.
    #[schemars(length(min = 1, max = text::TITLE))]
    pub section: String,
    /// The secondary document the fact was actually read in, when it was not read in `source`
    /// itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<ReferenceId>,
    /// The verification mark.
    pub verification: Verification,
    /// Confidence beyond the mark.
    #[serde(default)]
    pub confidence: Confidence,
    /// Notes for the reviewer: recorded conflicts between sources, and for project judgement
    /// the reason for the choice (at least one note is required then).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1, max = text::NOTE)))]
    pub notes: Vec<String>,
}

/// A strength that one list gives an entry, where it differs from the entry's default strength
/// (for example the children-in-labour list's upgrades).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListStrength {
    /// The list that gives this strength.
    pub list: ListId,
    /// The strength in that list.
    pub strength: Strength,
    /// Where the variation comes from.
    pub provenance: Provenance,
}

/// One of the 11 ILO indicators of forced labour (ILO Special Action Programme to Combat
/// Forced Labour, 2012 booklet, WCMS_203832). Names verified; the medium/strong vocabulary is
/// not part of that booklet.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IloForcedLabourIndicator {
    /// 1. Abuse of vulnerability.
    AbuseOfVulnerability,
    /// 2. Deception.
    Deception,
    /// 3. Restriction of movement.
    RestrictionOfMovement,
    /// 4. Isolation.
    Isolation,
    /// 5. Physical and sexual violence.
    PhysicalAndSexualViolence,
    /// 6. Intimidation and threats.
    IntimidationAndThreats,
    /// 7. Retention of identity documents.
    RetentionOfIdentityDocuments,
    /// 8. Withholding of wages.
    WithholdingOfWages,
    /// 9. Debt bondage.
    DebtBondage,
    /// 10. Abusive working and living conditions.
    AbusiveWorkingAndLivingConditions,
    /// 11. Excessive overtime.
    ExcessiveOvertime,
}

impl IloForcedLabourIndicator {
    /// The 11 indicators in the booklet's order.
    pub const ALL: [IloForcedLabourIndicator; 11] = [
        IloForcedLabourIndicator::AbuseOfVulnerability,
        IloForcedLabourIndicator::Deception,
        IloForcedLabourIndicator::RestrictionOfMovement,
        IloForcedLabourIndicator::Isolation,
        IloForcedLabourIndicator::PhysicalAndSexualViolence,
        IloForcedLabourIndicator::IntimidationAndThreats,
        IloForcedLabourIndicator::RetentionOfIdentityDocuments,
        IloForcedLabourIndicator::WithholdingOfWages,
        IloForcedLabourIndicator::DebtBondage,
        IloForcedLabourIndicator::AbusiveWorkingAndLivingConditions,
        IloForcedLabourIndicator::ExcessiveOvertime,
    ];

    /// The indicator's name as the booklet gives it.
    pub const fn label(self) -> &'static str {
        match self {
            IloForcedLabourIndicator::AbuseOfVulnerability => "Abuse of vulnerability",
            IloForcedLabourIndicator::Deception => "Deception",
            IloForcedLabourIndicator::RestrictionOfMovement => "Restriction of movement",
            IloForcedLabourIndicator::Isolation => "Isolation",
            IloForcedLabourIndicator::PhysicalAndSexualViolence => "Physical and sexual violence",
            IloForcedLabourIndicator::IntimidationAndThreats => "Intimidation and threats",
            IloForcedLabourIndicator::RetentionOfIdentityDocuments => {
                "Retention of identity documents"
            }
            IloForcedLabourIndicator::WithholdingOfWages => "Withholding of wages",
            IloForcedLabourIndicator::DebtBondage => "Debt bondage",
            IloForcedLabourIndicator::AbusiveWorkingAndLivingConditions => {
                "Abusive working and living conditions"
            }
            IloForcedLabourIndicator::ExcessiveOvertime => "Excessive overtime",
        }
    }
}

/// A means-of-control column of the CTDC datasets (Global Dataset and Global K-anonymised
/// Dataset, codebook v7). Serialized as the column name itself, e.g.
/// `meansOfControlWithholdsDocuments`.
///
/// `meansOfControlNotSpecified` is not here: it flags that no means was reported, it is not an
/// indicator.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum CtdcMeansOfControl {
    /// Work to pay off a real or perceived debt.
    #[serde(rename = "meansOfControlDebtBondage")]
    DebtBondage,
    /// The exploiter takes the person's earnings.
    #[serde(rename = "meansOfControlTakesEarnings")]
    TakesEarnings,
    /// Bank accounts, cards or cash controlled by the exploiter.
    #[serde(rename = "meansOfControlRestrictsFinancialAccess")]
    RestrictsFinancialAccess,
    /// Threats of harm to the person or others (excluding threats of police).
    #[serde(rename = "meansOfControlThreats")]
    Threats,
    /// Psychological abuse.
    #[serde(rename = "meansOfControlPsychologicalAbuse")]
    PsychologicalAbuse,
    /// Physical abuse (excluding sexual abuse).
    #[serde(rename = "meansOfControlPhysicalAbuse")]
    PhysicalAbuse,
    /// Sexual abuse used as control, not as the purpose of the exploitation.
    #[serde(rename = "meansOfControlSexualAbuse")]
    SexualAbuse,
    /// Tricked into the situation.
    #[serde(rename = "meansOfControlFalsePromises")]
    FalsePromises,
    /// Drugs or alcohol induced or supplied, or an addiction exploited.
    #[serde(rename = "meansOfControlPsychoactiveSubstances")]
    PsychoactiveSubstances,
    /// Physical or social isolation, confinement or monitoring.
    #[serde(rename = "meansOfControlRestrictsMovement")]
    RestrictsMovement,
    /// Medical care restricted.
    #[serde(rename = "meansOfControlRestrictsMedicalCare")]
    RestrictsMedicalCare,
    /// Excessive working hours.
    #[serde(rename = "meansOfControlExcessiveWorkingHours")]
    ExcessiveWorkingHours,
    /// Access to the person's own children restricted or manipulated.
    #[serde(rename = "meansOfControlUsesChildren")]
    UsesChildren,
    /// Threat to involve police or immigration.
    #[serde(rename = "meansOfControlThreatOfLawEnforcement")]
    ThreatOfLawEnforcement,
    /// Food, shelter, hygiene or clothing withheld.
    #[serde(rename = "meansOfControlWithholdsNecessities")]
    WithholdsNecessities,
    /// Passport, ID, permits or court papers withheld.
    #[serde(rename = "meansOfControlWithholdsDocuments")]
    WithholdsDocuments,
    /// Another means of control.
    #[serde(rename = "meansOfControlOther")]
    Other,
}

impl CtdcMeansOfControl {
    /// The 17 specific columns in the order of the CTDC file's header.
    pub const ALL: [CtdcMeansOfControl; 17] = [
        CtdcMeansOfControl::DebtBondage,
        CtdcMeansOfControl::TakesEarnings,
        CtdcMeansOfControl::RestrictsFinancialAccess,
        CtdcMeansOfControl::Threats,
        CtdcMeansOfControl::PsychologicalAbuse,
        CtdcMeansOfControl::PhysicalAbuse,
        CtdcMeansOfControl::SexualAbuse,
        CtdcMeansOfControl::FalsePromises,
        CtdcMeansOfControl::PsychoactiveSubstances,
        CtdcMeansOfControl::RestrictsMovement,
        CtdcMeansOfControl::RestrictsMedicalCare,
        CtdcMeansOfControl::ExcessiveWorkingHours,
        CtdcMeansOfControl::UsesChildren,
        CtdcMeansOfControl::ThreatOfLawEnforcement,
        CtdcMeansOfControl::WithholdsNecessities,
        CtdcMeansOfControl::WithholdsDocuments,
        CtdcMeansOfControl::Other,
    ];

    /// The column name in the CTDC file.
    pub const fn column(self) -> &'static str {
        match self {
            CtdcMeansOfControl::DebtBondage => "meansOfControlDebtBondage",
            CtdcMeansOfControl::TakesEarnings => "meansOfControlTakesEarnings",
            CtdcMeansOfControl::RestrictsFinancialAccess => {
                "meansOfControlRestrictsFinancialAccess"
            }
            CtdcMeansOfControl::Threats => "meansOfControlThreats",
            CtdcMeansOfControl::PsychologicalAbuse => "meansOfControlPsychologicalAbuse",
            CtdcMeansOfControl::PhysicalAbuse => "meansOfControlPhysicalAbuse",
            CtdcMeansOfControl::SexualAbuse => "meansOfControlSexualAbuse",
            CtdcMeansOfControl::FalsePromises => "meansOfControlFalsePromises",
            CtdcMeansOfControl::PsychoactiveSubstances => "meansOfControlPsychoactiveSubstances",
            CtdcMeansOfControl::RestrictsMovement => "meansOfControlRestrictsMovement",
            CtdcMeansOfControl::RestrictsMedicalCare => "meansOfControlRestrictsMedicalCare",
            CtdcMeansOfControl::ExcessiveWorkingHours => "meansOfControlExcessiveWorkingHours",
            CtdcMeansOfControl::UsesChildren => "meansOfControlUsesChildren",
            CtdcMeansOfControl::ThreatOfLawEnforcement => "meansOfControlThreatOfLawEnforcement",
            CtdcMeansOfControl::WithholdsNecessities => "meansOfControlWithholdsNecessities",
            CtdcMeansOfControl::WithholdsDocuments => "meansOfControlWithholdsDocuments",
            CtdcMeansOfControl::Other => "meansOfControlOther",
        }
    }
}

/// Whether a recruitment-phase entry, or an entry of coercion at destination, evidences the
/// Palermo act, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActEvidenceMark {
    /// True: the entry describes conduct of a recruiter (deception, coercion, abduction,
    /// abuse of a situation), which is recruitment; or, at destination, control over where the
    /// person is (kept, held or moved), which is harbouring, receipt or transfer. False:
    /// background vulnerability, or coercion that shows neither.
    pub evidences_act: bool,
    /// Why, in one sentence.
    #[schemars(length(min = 1, max = text::TITLE))]
    pub reason: String,
}

/// An entry of a vulnerability dimension that describes the person's own circumstances
/// (poverty, a family to support, a residence permit tied to the employer, a hard past), not
/// anything anyone did to them, and why. Under a rule set whose person rule says
/// `background_evidence: not_alone`, such entries still count in their dimension's
/// combination rule, but no level rule is met because of them alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackgroundMark {
    /// Why, in one sentence.
    #[schemars(length(min = 1, max = text::TITLE))]
    pub reason: String,
}

/// One indicator of the catalogue: a phenomenon in one dimension, with its strength, wording,
/// lists, provenance and crosswalks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    /// Stable id; never renumbered or reused.
    pub id: IndicatorId,
    /// The phenomenon, shared with the entries for the same phenomenon elsewhere.
    pub concept: ConceptId,
    /// The ILO/EC dimension this entry belongs to. Absent for the Palermo element facts (the
    /// lists `palermo_purpose` and `palermo_acts`), which belong to no dimension: they never
    /// count in a dimension's tally, rule or score, and evidence their `element` directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Dimension>,
    /// For an entry without a dimension: the Palermo element it evidences directly (`act` or
    /// `purpose`). Exactly one of `dimension` and `element` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<PalermoElement>,
    /// The forms of exploitation the entry belongs to, where it belongs to particular ones
    /// (the purpose facts); empty: every form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<ExploitationForm>,
    /// For a recruitment-phase entry: whether it evidences the act (it describes conduct of a
    /// recruiter: deception, coercion, abduction, abuse of a situation) or only background
    /// vulnerability, and why. For an entry of coercion at destination: whether it shows
    /// control over where the person is (kept, held or moved: harbouring, receipt or transfer)
    /// or only coercion, and why. Used for persons exempt from the means element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act_evidence: Option<ActEvidenceMark>,
    /// For an entry of a vulnerability dimension: it describes the person's own circumstances,
    /// not anything anyone did to them (see [`BackgroundMark`]), and why. Entries of one
    /// concept in one dimension are all background or none is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<BackgroundMark>,
    /// An item of appearance or demeanour (clothing, fear, not knowing the address): it adds
    /// to the score, to further inquiry and to the questions, but no rule of a level is met
    /// because of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub appearance: bool,
    /// The strength in the entry's first (defining) list.
    pub strength: Strength,
    /// The published wording of the indicator.
    #[schemars(length(min = 1, max = text::LABEL))]
    pub label: String,
    /// What the indicator means, in plain language for a caseworker.
    #[schemars(length(min = 1, max = text::NOTE))]
    pub description: String,
    /// How an interviewer asks about it, in plain words: open, non-leading, without blame.
    /// Items of appearance are observed, not asked, and say so. Entries of one concept in one
    /// phase share one question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = text::TITLE))]
    pub question: Option<String>,
    /// The same question as it is put to a child (a person whose age now is recorded under the
    /// rule set's age limit, or presumed a child while the age is uncertain): plain words, one
    /// thing at a time, no adult framing (no job offer, employer or contract where the child
    /// may have been brought for sex, begging, crime or marriage), an open invitation that can
    /// be answered. It asks about the same fact as `question`. The interview and the report
    /// use it whenever the person is addressed as a child (`addressed_as_child` in the
    /// assessment's subject finding; project wording, see the README, "The guided
    /// interview"). Entries of one concept in one phase share it, as they share `question`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = text::TITLE))]
    pub question_child: Option<String>,
    /// The entry is about immigration status and cannot apply to a national: it is not asked
    /// when `subject.national` is true (project judgement).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_nationals_only: bool,
    /// The lists this entry belongs to.
    #[schemars(length(min = 1))]
    pub lists: Vec<ListId>,
    /// Where the entry, its dimension and its strength come from.
    pub provenance: Provenance,
    /// Strengths that particular lists give this entry, where they differ from `strength`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub list_strengths: Vec<ListStrength>,
    /// The ILO 2012 forced-labour indicator this entry corresponds to, if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ilo_forced_labour: Option<IloForcedLabourIndicator>,
    /// The CTDC means-of-control column this entry corresponds to, if one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctdc_means_of_control: Option<CtdcMeansOfControl>,
}

impl IndicatorEntry {
    /// The strength this entry has in `list`: the list's variation if it gives one, else the
    /// entry's default strength.
    pub fn strength_in(&self, list: &ListId) -> Strength {
        self.list_strengths
            .iter()
            .find(|v| &v.list == list)
            .map_or(self.strength, |v| v.strength)
    }

    /// The phase of the entry's dimension (none for an element fact).
    pub fn phase(&self) -> Option<Phase> {
        self.dimension.map(Dimension::phase)
    }

    /// The Palermo element the entry evidences: its dimension's, or its own.
    pub fn evidenced_element(&self) -> Option<PalermoElement> {
        self.dimension.map(Dimension::element).or(self.element)
    }

    /// Whether the entry evidences the act for a person exempt from the means: an act fact,
    /// a recruitment-phase entry marked as conduct of a recruiter, or an indicator of coercion
    /// at destination marked as control over where the person is (kept, held or moved: which is
    /// harbouring, receipt or transfer; confinement, held papers, debt bondage, being moved
    /// between places), each by its `act_evidence` mark. Never an item of appearance, nor an
    /// entry without a mark. Until the thirty-fourth session every indicator of coercion at
    /// destination evidenced it, so a boy of 15 whose employer held back a month's pay met the
    /// definition of trafficking (an international verdict review).
    pub fn evidences_act(&self) -> bool {
        if self.appearance || self.background.is_some() {
            return false;
        }
        match self.dimension {
            None => self.element == Some(PalermoElement::Act),
            Some(d) if d.may_mark_act_evidence() => {
                self.act_evidence.as_ref().is_some_and(|m| m.evidences_act)
            }
            Some(_) => false,
        }
    }

    /// Whether the entry belongs to `list`.
    pub fn in_list(&self, list: &ListId) -> bool {
        self.lists.iter().any(|l| l == list)
    }
}
