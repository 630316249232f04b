//! HTCDS interoperability: the Human Trafficking Case Data Standard's methods of control and
//! trafficking status.
//!
//! IOM's [Human Trafficking Case Data Standard](https://github.com/UNMigration/HTCDS) (HTCDS,
//! v2.0 of 24 December 2021, CC BY 4.0) is a data model for case-management systems. Two of
//! its victim-context fields meet this crate:
//!
//! - `vic_MethodsOfControl`, a multi-select of 16 picklist values ([`MethodOfControl`]). They
//!   map to catalogue indicators through the same crosswalk as the CTDC columns
//!   ([`crate::interop::ctdc::Crosswalk`]), whose definitions HTCDS copies almost word for word.
//!   [`observations`] turns a list of values into observations; [`methods_of_control`] and
//!   [`summary`] go back from an assessment to the values.
//! - `vic_TraffickingStatus` ([`TraffickingStatus`]): see [`trafficking_status`].
//!
//! # The standard's inconsistencies
//!
//! 1. `RestrictsMovement` is defined in `Field Definitions.md`
//!    (`MethodsOfControlRestrictsMovement`) but is **missing from the v2.0 picklist** (the ods
//!    and the XLSForm). There is no [`MethodOfControl`] for it: isolation, confinement or
//!    surveillance found by an assessment cannot be written back except as `Other`, and
//!    [`HtcdsSummary::without_picklist_value`] lists it.
//! 2. The `Field Definitions.md` names do not match the picklist values:
//!    `MethodsOfControlThreats` is `PhysicalThreats`, `MethodsOfControlUsesChildren` is
//!    `ThreatensChildrenFamily`, `MethodsOfControlThreatOfLawEnforcement` is
//!    `ThreatsLawEnforcement` and `MethodsOfControlPsychoactiveSubstances` is
//!    `PsychoactiveSubstance` (singular). The serde names here are the picklist values, which
//!    are what systems store; [`MethodOfControl::field_definitions_name`] gives the other.
//!    The picklist labels also say something narrower ("Physical threats") or different
//!    ("Threatens children/family") from the definitions (threats of harm or loss to anyone;
//!    limiting access to the person's own children); the crosswalk follows the definitions.
//! 3. The XLSForm names the field `vic_Methods_of_Control` (and `prs_First_Name`) where the
//!    standard says `vic_MethodsOfControl` (`prs_FirstName`). The values are the same; a reader
//!    of XLSForm exports must accept both field names.
//!
//! # Trafficking status: what a screening can and cannot say
//!
//! | crate level | `vic_TraffickingStatus` |
//! |---|---|
//! | `no_indicators` | none (leave the field unset) |
//! | `further_inquiry` | none (leave the field unset) |
//! | `reasonable_grounds` | `PossibleVictimOfTrafficking` |
//! | `definition_met` | `PossibleVictimOfTrafficking` |
//!
//! HTCDS defines a possible victim as "someone who might be a victim of trafficking but who has
//! not yet been verified", for use "when there are indicators of trafficking but when it hasn't
//! been possible to formally verify". Reasonable grounds is the screening threshold at which
//! protection must start (CoE Convention Art. 10(2)), so it is where this crate says
//! "possible". Below it the crate asks for further identification and says nothing in HTCDS
//! terms.
//!
//! [`trafficking_status`] **never** returns `ActualVictimOfTrafficking`: that is "someone who
//! has been determined to be a victim", a decision by a competent authority (HTCDS records who
//! decided in `vic_TraffickingStatusDecisionMakingOrg`), which no screening tool makes; even
//! `definition_met` is decision support, not a legal determination. It **never** returns
//! `NotAVictimOfTrafficking` either: a screening that finds few indicators has not shown that
//! the person was not trafficked (most records are incomplete), and saying so could deny a
//! victim protection.
//!
//! ```
//! use trafficking_indicators::interop::htcds::{self, MethodOfControl, TraffickingStatus};
//! use trafficking_indicators::{assess, Case, Subject};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let values = MethodOfControl::parse_list("ExcessiveWorkingHours;WithholdsDocuments")?;
//! let case = Case {
//!     subject: Subject { minor: Some(false), ..Subject::default() },
//!     observations: htcds::observations(&values),
//!     ..Case::default()
//! };
//! let assessment = assess(&case)?;
//! assert_eq!(htcds::trafficking_status(&assessment), Some(TraffickingStatus::PossibleVictimOfTrafficking));
//! assert_eq!(htcds::summary(&assessment).methods_of_control, values);
//! # Ok(())
//! # }
//! ```

use std::fmt;

use serde::Serialize;

use crate::assessment::{Assessment, Level};
use crate::case::{Observation, ObservationStatus};
use crate::interop::ctdc::{ControlColumn, Crosswalk, CrosswalkRow};
pub use crate::interop::picklist::{HtcdsError, METHODS_OF_CONTROL_FIELD, MethodOfControl};
use crate::model::id::IndicatorId;

/// The crosswalk of a picklist value (here, not beside the picklist, because the crosswalk
/// is read with the CTDC data).
impl MethodOfControl {
    /// The built-in crosswalk row for this value.
    pub fn crosswalk_row(self) -> Option<&'static CrosswalkRow> {
        Crosswalk::builtin().row_for_htcds(self)
    }

    /// The CTDC column with the same definition.
    pub fn ctdc_column(self) -> Option<ControlColumn> {
        self.crosswalk_row().map(|r| r.column)
    }

    /// The catalogue indicators this value makes present (none for `Other`, which does not
    /// say what the means was).
    pub fn indicators(self) -> &'static [IndicatorId] {
        self.crosswalk_row()
            .map_or(&[], |r| r.indicators.as_slice())
    }
}

/// The name the HTCDS XLSForm gives the same field.
pub const METHODS_OF_CONTROL_FIELD_XLSFORM: &str = "vic_Methods_of_Control";

/// The name of the HTCDS trafficking-status field.
pub const TRAFFICKING_STATUS_FIELD: &str = "vic_TraffickingStatus";

/// Observations for the methods of control an HTCDS record lists: each value's indicators,
/// present, without repeats, in crosswalk order. Values not listed give nothing: an unticked
/// box in a multi-select is not an answer "no", so those indicators stay open questions.
/// `Other` gives nothing, because it does not say what the means was.
pub fn observations(values: &[MethodOfControl]) -> Vec<Observation> {
    let mut out: Vec<Observation> = Vec::new();
    for row in &Crosswalk::builtin().rows {
        let Some(value) = row.htcds_picklist else {
            continue;
        };
        if !values.contains(&value) {
            continue;
        }
        for id in &row.indicators {
            if !out.iter().any(|o| &o.indicator == id) {
                out.push(Observation::new(id.clone(), ObservationStatus::Present));
            }
        }
    }
    out
}

/// One picklist value supported by an assessment.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct MethodOfControlFinding {
    /// The value.
    pub value: MethodOfControl,
    /// Its indicators recorded present in the assessment.
    pub present: Vec<IndicatorId>,
    /// Other values mapped to the same indicators: the assessment cannot tell which of them
    /// applies (physical or sexual abuse both map to violence on victims; psychological abuse
    /// and psychoactive substances both to strong influence).
    pub shares_indicators_with: Vec<MethodOfControl>,
}

/// The picklist values whose crosswalk indicators are recorded present in the assessment, in
/// picklist order. Only the exact indicator ids count: another list's wording of the same
/// concept is not translated, because the HTCDS value is narrower than the concept.
pub fn methods_of_control(assessment: &Assessment) -> Vec<MethodOfControlFinding> {
    let present: Vec<&IndicatorId> = assessment.present_indicators().collect();
    let mut out = Vec::new();
    for value in MethodOfControl::ALL {
        let found: Vec<IndicatorId> = value
            .indicators()
            .iter()
            .filter(|id| present.contains(id))
            .cloned()
            .collect();
        if found.is_empty() {
            continue;
        }
        let shares_indicators_with = MethodOfControl::ALL
            .iter()
            .copied()
            .filter(|other| {
                *other != value && other.indicators().iter().any(|id| found.contains(id))
            })
            .collect();
        out.push(MethodOfControlFinding {
            value,
            present: found,
            shares_indicators_with,
        });
    }
    out
}

/// A `vic_TraffickingStatus` value. Read back from any serde format as the picklist of
/// [`MethodOfControl`] is: an error never repeats the value (serde's derived reader would
/// quote it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TraffickingStatus {
    /// "Someone who might be a victim of trafficking but who has not yet been verified."
    PossibleVictimOfTrafficking,
    /// "Someone who has been determined to be a victim of trafficking": a decision by a
    /// competent authority. This crate never returns it.
    ActualVictimOfTrafficking,
    /// "Someone who has been determined not to be a victim of trafficking." This crate never
    /// returns it.
    NotAVictimOfTrafficking,
}

impl TraffickingStatus {
    /// The picklist value, as stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            TraffickingStatus::PossibleVictimOfTrafficking => "PossibleVictimOfTrafficking",
            TraffickingStatus::ActualVictimOfTrafficking => "ActualVictimOfTrafficking",
            TraffickingStatus::NotAVictimOfTrafficking => "NotAVictimOfTrafficking",
        }
    }
}

impl TraffickingStatus {
    /// Every value, in the standard's order.
    pub const ALL: [TraffickingStatus; 3] = [
        TraffickingStatus::PossibleVictimOfTrafficking,
        TraffickingStatus::ActualVictimOfTrafficking,
        TraffickingStatus::NotAVictimOfTrafficking,
    ];
}

crate::interop::picklist::picklist!(TraffickingStatus, TRAFFICKING_STATUS_FIELD);

impl Serialize for TraffickingStatus {
    /// As its name in every format (a binary format too, which the reader asks for a string).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for TraffickingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The HTCDS trafficking status a screening level supports: `PossibleVictimOfTrafficking` at
/// `reasonable_grounds` or above, `None` below. Never `ActualVictimOfTrafficking` (a legal
/// decision) and never `NotAVictimOfTrafficking` (a screening cannot establish it); see the
/// module documentation.
pub const fn trafficking_status_for_level(level: Level) -> Option<TraffickingStatus> {
    match level {
        Level::ReasonableGrounds | Level::DefinitionMet => {
            Some(TraffickingStatus::PossibleVictimOfTrafficking)
        }
        Level::NoIndicators | Level::FurtherInquiry => None,
    }
}

/// The HTCDS trafficking status the assessment supports (see
/// [`trafficking_status_for_level`]).
pub fn trafficking_status(assessment: &Assessment) -> Option<TraffickingStatus> {
    trafficking_status_for_level(assessment.level)
}

/// Names the type only: the value is a finding about a person, and `{:?}` is what ends up
/// in logs.
impl fmt::Debug for MethodOfControlFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MethodOfControlFinding(<not shown>)")
    }
}

/// An assessment in HTCDS terms, serialized with the HTCDS field names.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct HtcdsSummary {
    /// `vic_TraffickingStatus`: see [`trafficking_status`]; absent below reasonable grounds.
    #[serde(
        rename = "vic_TraffickingStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub trafficking_status: Option<TraffickingStatus>,
    /// `vic_MethodsOfControl`: the values the assessment supports unambiguously, in picklist
    /// order.
    #[serde(rename = "vic_MethodsOfControl")]
    pub methods_of_control: Vec<MethodOfControl>,
    /// Groups of values of which the assessment supports at least one but cannot tell which
    /// (they share an indicator): ask, do not tick them all.
    pub one_of: Vec<Vec<MethodOfControl>>,
    /// Crosswalk indicators recorded present that no picklist value expresses (restriction of
    /// movement, abduction).
    pub without_picklist_value: Vec<IndicatorId>,
}

/// Names the type only: every field is a finding about a person (see
/// [`MethodOfControlFinding`]'s `Debug`).
impl fmt::Debug for HtcdsSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HtcdsSummary(<not shown>)")
    }
}

/// The assessment in HTCDS terms: status, methods of control, and what HTCDS cannot express.
pub fn summary(assessment: &Assessment) -> HtcdsSummary {
    let findings = methods_of_control(assessment);
    let mut methods = Vec::new();
    let mut one_of: Vec<Vec<MethodOfControl>> = Vec::new();
    for f in &findings {
        if f.shares_indicators_with.is_empty() {
            methods.push(f.value);
        } else {
            let mut group = vec![f.value];
            group.extend(f.shares_indicators_with.iter().copied());
            group.sort_unstable();
            if !one_of.contains(&group) {
                one_of.push(group);
            }
        }
    }
    let present: Vec<&IndicatorId> = assessment.present_indicators().collect();
    let mut without = Vec::new();
    for row in &Crosswalk::builtin().rows {
        if row.htcds_picklist.is_some() {
            continue;
        }
        for id in &row.indicators {
            let expressed = MethodOfControl::ALL
                .iter()
                .any(|m| m.indicators().contains(id));
            if present.contains(&id) && !expressed && !without.contains(id) {
                without.push(id.clone());
            }
        }
    }
    HtcdsSummary {
        trafficking_status: trafficking_status(assessment),
        methods_of_control: methods,
        one_of,
        without_picklist_value: without,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_the_picklist_values() {
        for m in MethodOfControl::ALL {
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
            assert_eq!(MethodOfControl::parse(m.as_str()), Ok(m));
        }
        for s in [
            TraffickingStatus::PossibleVictimOfTrafficking,
            TraffickingStatus::ActualVictimOfTrafficking,
            TraffickingStatus::NotAVictimOfTrafficking,
        ] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    #[test]
    fn no_level_gives_actual_or_not_a_victim() {
        for level in Level::ALL {
            let status = trafficking_status_for_level(level);
            assert_ne!(status, Some(TraffickingStatus::ActualVictimOfTrafficking));
            assert_ne!(status, Some(TraffickingStatus::NotAVictimOfTrafficking));
            assert_eq!(status.is_some(), level >= Level::ReasonableGrounds);
        }
    }
}
