//! The HTCDS v2.0 methods-of-control picklist (`vic_MethodsOfControl`) and the errors of
//! reading it, shared by the CTDC crosswalk and the HTCDS mapping (re-exported from
//! [`crate::interop::htcds`]).

use std::fmt;

use serde::Serialize;

/// The name of the HTCDS methods-of-control field.
pub const METHODS_OF_CONTROL_FIELD: &str = "vic_MethodsOfControl";

/// A value of the HTCDS v2.0 `vic_MethodsOfControl` picklist, serialized exactly as the
/// standard spells it (`HTCDS Field Standards 2.0.ods`, `Toolkit/Survey/htcds_xlsform.xml`).
///
/// There is no value for restriction of movement: the v2.0 picklist lacks it (see the module
/// documentation).
///
/// Written by serde as its name ([`MethodOfControl::as_str`]), in every format, and read back
/// as [`MethodOfControl::parse`] reads it: an error never repeats the value, whatever its type
/// (serde's derived reader would quote it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MethodOfControl {
    /// "Physical threats" (Field Definitions: `MethodsOfControlThreats`).
    PhysicalThreats,
    /// "Threats of law enforcement" (`MethodsOfControlThreatOfLawEnforcement`).
    ThreatsLawEnforcement,
    /// "Threatens children/family" (`MethodsOfControlUsesChildren`).
    ThreatensChildrenFamily,
    /// "Debt bondage".
    DebtBondage,
    /// "False promises".
    FalsePromises,
    /// "Physical abuse".
    PhysicalAbuse,
    /// "Sexual abuse".
    SexualAbuse,
    /// "Takes earnings".
    TakesEarnings,
    /// "Restricts financial access".
    RestrictsFinancialAccess,
    /// "Restricts medical care".
    RestrictsMedicalCare,
    /// "Withholds necessities".
    WithholdsNecessities,
    /// "Psychological abuse".
    PsychologicalAbuse,
    /// "Psychoactive substance" (`MethodsOfControlPsychoactiveSubstances`).
    PsychoactiveSubstance,
    /// "Excessive working hours".
    ExcessiveWorkingHours,
    /// "Withholds documents".
    WithholdsDocuments,
    /// "Other".
    Other,
}

impl MethodOfControl {
    /// The 16 values in the order of the v2.0 picklist.
    pub const ALL: [MethodOfControl; 16] = [
        MethodOfControl::PhysicalThreats,
        MethodOfControl::ThreatsLawEnforcement,
        MethodOfControl::ThreatensChildrenFamily,
        MethodOfControl::DebtBondage,
        MethodOfControl::FalsePromises,
        MethodOfControl::PhysicalAbuse,
        MethodOfControl::SexualAbuse,
        MethodOfControl::TakesEarnings,
        MethodOfControl::RestrictsFinancialAccess,
        MethodOfControl::RestrictsMedicalCare,
        MethodOfControl::WithholdsNecessities,
        MethodOfControl::PsychologicalAbuse,
        MethodOfControl::PsychoactiveSubstance,
        MethodOfControl::ExcessiveWorkingHours,
        MethodOfControl::WithholdsDocuments,
        MethodOfControl::Other,
    ];

    /// The picklist value (the "Value Name"), as stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            MethodOfControl::PhysicalThreats => "PhysicalThreats",
            MethodOfControl::ThreatsLawEnforcement => "ThreatsLawEnforcement",
            MethodOfControl::ThreatensChildrenFamily => "ThreatensChildrenFamily",
            MethodOfControl::DebtBondage => "DebtBondage",
            MethodOfControl::FalsePromises => "FalsePromises",
            MethodOfControl::PhysicalAbuse => "PhysicalAbuse",
            MethodOfControl::SexualAbuse => "SexualAbuse",
            MethodOfControl::TakesEarnings => "TakesEarnings",
            MethodOfControl::RestrictsFinancialAccess => "RestrictsFinancialAccess",
            MethodOfControl::RestrictsMedicalCare => "RestrictsMedicalCare",
            MethodOfControl::WithholdsNecessities => "WithholdsNecessities",
            MethodOfControl::PsychologicalAbuse => "PsychologicalAbuse",
            MethodOfControl::PsychoactiveSubstance => "PsychoactiveSubstance",
            MethodOfControl::ExcessiveWorkingHours => "ExcessiveWorkingHours",
            MethodOfControl::WithholdsDocuments => "WithholdsDocuments",
            MethodOfControl::Other => "Other",
        }
    }

    /// The picklist label (the "Value Label") a person sees.
    pub const fn label(self) -> &'static str {
        match self {
            MethodOfControl::PhysicalThreats => "Physical threats",
            MethodOfControl::ThreatsLawEnforcement => "Threats of law enforcement",
            MethodOfControl::ThreatensChildrenFamily => "Threatens children/family",
            MethodOfControl::DebtBondage => "Debt bondage",
            MethodOfControl::FalsePromises => "False promises",
            MethodOfControl::PhysicalAbuse => "Physical abuse",
            MethodOfControl::SexualAbuse => "Sexual abuse",
            MethodOfControl::TakesEarnings => "Takes earnings",
            MethodOfControl::RestrictsFinancialAccess => "Restricts financial access",
            MethodOfControl::RestrictsMedicalCare => "Restricts medical care",
            MethodOfControl::WithholdsNecessities => "Withholds necessities",
            MethodOfControl::PsychologicalAbuse => "Psychological abuse",
            MethodOfControl::PsychoactiveSubstance => "Psychoactive substance",
            MethodOfControl::ExcessiveWorkingHours => "Excessive working hours",
            MethodOfControl::WithholdsDocuments => "Withholds documents",
            MethodOfControl::Other => "Other",
        }
    }

    /// The name `Field Definitions.md` gives this method of control (it differs from the
    /// picklist value for four values).
    pub const fn field_definitions_name(self) -> &'static str {
        match self {
            MethodOfControl::PhysicalThreats => "MethodsOfControlThreats",
            MethodOfControl::ThreatsLawEnforcement => "MethodsOfControlThreatOfLawEnforcement",
            MethodOfControl::ThreatensChildrenFamily => "MethodsOfControlUsesChildren",
            MethodOfControl::DebtBondage => "MethodsOfControlDebtBondage",
            MethodOfControl::FalsePromises => "MethodsOfControlFalsePromises",
            MethodOfControl::PhysicalAbuse => "MethodsOfControlPhysicalAbuse",
            MethodOfControl::SexualAbuse => "MethodsOfControlSexualAbuse",
            MethodOfControl::TakesEarnings => "MethodsOfControlTakesEarnings",
            MethodOfControl::RestrictsFinancialAccess => "MethodsOfControlRestrictsFinancialAccess",
            MethodOfControl::RestrictsMedicalCare => "MethodsOfControlRestrictsMedicalCare",
            MethodOfControl::WithholdsNecessities => "MethodsOfControlWithholdsNecessities",
            MethodOfControl::PsychologicalAbuse => "MethodsOfControlPsychologicalAbuse",
            MethodOfControl::PsychoactiveSubstance => "MethodsOfControlPsychoactiveSubstances",
            MethodOfControl::ExcessiveWorkingHours => "MethodsOfControlExcessiveWorkingHours",
            MethodOfControl::WithholdsDocuments => "MethodsOfControlWithholdsDocuments",
            MethodOfControl::Other => "MethodsOfControlOther",
        }
    }

    /// Reads one picklist value, exactly as the standard spells it.
    pub fn parse(value: &str) -> Result<MethodOfControl, HtcdsError> {
        MethodOfControl::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == value)
            .ok_or(HtcdsError::UnknownValue {
                field: METHODS_OF_CONTROL_FIELD,
                position: 0,
            })
    }

    /// Reads a multi-select as exported: values separated by `;` (the HTCDS Excel toolkit) or
    /// spaces (ODK and KoBoToolbox exports of the XLSForm). Repeats are dropped; the order is
    /// kept. An unknown value is an error giving its position (from 0), never the value. A
    /// leading byte-order mark (a field read from the start of a file written on Windows) is
    /// skipped, as every text input of the crate skips one.
    pub fn parse_list(text: &str) -> Result<Vec<MethodOfControl>, HtcdsError> {
        let mut values = Vec::new();
        for (position, item) in text
            .trim_start_matches('\u{feff}')
            .split(|c: char| c == ';' || c.is_ascii_whitespace())
            .filter(|s| !s.is_empty())
            .enumerate()
        {
            let value = MethodOfControl::parse(item).map_err(|_| HtcdsError::UnknownValue {
                field: METHODS_OF_CONTROL_FIELD,
                position,
            })?;
            if !values.contains(&value) {
                values.push(value);
            }
        }
        Ok(values)
    }
}

impl Serialize for MethodOfControl {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Implements [`Keyword`] for an HTCDS picklist: read through the crate's one reader of closed
/// sets, which names the field but never the value; written (by its own `Serialize`) as its
/// stored spelling in every format, so a binary format is asked for a string.
macro_rules! picklist {
    ($t:ty, $field:expr) => {
        impl $crate::model::keyword::Keyword for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            // `NAMES` and `index` serve a format that writes enums by variant; a picklist is
            // written as a string (`WRITTEN_AS_ENUM` is false), so they are unused here.
            const NAMES: &'static [&'static str] = &$crate::model::keyword::keyword_names!($t);
            const EXPECTED: &'static str = "";
            const TYPE: &'static str = stringify!($t);
            const WRITTEN_AS_ENUM: bool = false;
            fn name(self) -> &'static str {
                self.as_str()
            }
            fn index(self) -> u32 {
                self as u32
            }
            fn what(f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "the HTCDS v2.0 {} picklist", $field)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $t {
            /// Reads the stored spelling. An error names the field, never the value given.
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::model::keyword::read_keyword(deserializer)
            }
        }
    };
}
pub(crate) use picklist;

picklist!(MethodOfControl, METHODS_OF_CONTROL_FIELD);

impl fmt::Display for MethodOfControl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for MethodOfControl {
    type Err = HtcdsError;
    fn from_str(s: &str) -> Result<Self, HtcdsError> {
        MethodOfControl::parse(s)
    }
}

/// What is wrong with an HTCDS value. Never quotes the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtcdsError {
    /// A value that is not in the picklist.
    #[error(
        "{field}: item number {} of the list is not a value of the HTCDS v2.0 picklist (the value is not shown)",
        .position.saturating_add(1)
    )]
    UnknownValue {
        /// The field.
        field: &'static str,
        /// The item's position in the list, from 0 (the message counts from 1, as a person
        /// reading the export does).
        position: usize,
    },
}
