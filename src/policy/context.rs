//! Conditions on who the person is and what the case records, beside the evidence, shared by
//! rule sets (recommendations and their additions) and contact directories.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::{Measure, Sector};
use crate::model::indicator::ExploitationForm;

/// A condition on who the person is and what the case records, beside the evidence: it
/// decides whether a recommendation, an addition to it or a contact fits the case. It never
/// decides a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ContextCondition {
    /// The person is not a national, or nationality is not recorded (the advice then says
    /// "if the person is not a national").
    NotNational,
    /// The person is a child now, or presumed one pending age assessment.
    Child,
    /// The person is recorded as having a disability.
    Disability,
    /// One of these forms is under consideration: listed in the case's `forms`, shown by a
    /// present purpose fact of that form, or (for `sexual`) a prostitution offence listed.
    Forms(Vec<ExploitationForm>),
    /// The case's sector is one of these.
    Sectors(Vec<Sector>),
    /// The case lists an offence or a pending measure.
    OffenceOrMeasure,
    /// The case lists one of these pending measures.
    Measures(Vec<Measure>),
}
