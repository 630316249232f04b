//! CTDC interoperability: one row of the Counter Trafficking Data Collaborative's Global
//! K-anonymised Dataset becomes a [`Case`].
//!
//! The [Counter Trafficking Data Collaborative](https://www.ctdatacollaborative.org/) (CTDC,
//! IOM) publishes victim-level records contributed by IOM, Polaris and Liberty Shared. Its Global
//! K-anonymised Dataset (15 July 2021, 97,750 rows, codebook v7) is a `;`-separated file whose
//! columns record, among other things, the means of control the person experienced (1 = yes,
//! 0 = no, empty = unknown), the type of exploitation and whether the person was a minor. Its
//! terms of use ([`TERMS_OF_USE_URL`]) ask users to cite CTDC and never to try to re-identify
//! anyone.
//!
//! # The crosswalk
//!
//! How each CTDC column becomes catalogue indicators is data, not code:
//! `data/crosswalks/ctdc_means_of_control.json`, compiled into the crate and read by
//! [`Crosswalk::builtin`]. One row per column (the 17 specific `meansOfControl…` columns,
//! `meansOfControlNotSpecified` and `isAbduction`), each with the indicators it maps to, its
//! reason (citing the codebook definition), its verification mark, a confidence and the
//! corresponding HTCDS `vic_MethodsOfControl` picklist value (see [`crate::interop::htcds`]).
//! CTDC records control during the trafficking situation, so columns map to destination-phase
//! entries; only false promises and abduction map to recruitment. `meansOfControlOther` and
//! `meansOfControlNotSpecified` map to nothing: the first does not say what the means was, the
//! second describes the record, not the person.
//!
//! # Row mapping
//!
//! [`CtdcHeader::from_fields`] finds the columns it needs by name (a missing one is an error
//! naming it) and [`CtdcRecord::from_fields`] maps one row:
//!
//! - each crosswalk column: `1` is present, `0` is absent and an empty cell is **not
//!   assessed, never absent**; it is recorded as `not_assessed` so the explanation shows it and
//!   the assessment counts it among the open questions. Any other value is a [`CtdcError`]
//!   naming the row and the column. In a row whose `meansOfControlNotSpecified` is `1` (no
//!   means of control was reported), a `0` in a specific means-of-control column is not
//!   assessed too: the row says nothing was reported, so its zeros are no answer;
//! - two columns mapped to one indicator (physical and sexual abuse to violence on victims;
//!   psychological abuse and psychoactive substances to strong influence) give one observation:
//!   present if either is `1`, absent only if both are `0`, otherwise not assessed;
//! - within one row, a `0` for an indicator whose concept (in the same dimension) is present
//!   through another column is not recorded: CTDC keeps apart facts the catalogue counts once
//!   (takes earnings and restricts financial access both fall under withholding of wages), so
//!   the `0` does not contradict the `1` and recording it would raise a false "same fact
//!   answered both ways" notice. It cannot change the level or the score, since the present
//!   answer counts; the raw value stays in [`CtdcRecord::controls`];
//! - `majorityStatus` `Minor` sets `subject.minor = true`, `Adult` sets it false, empty or
//!   `Unknown` leaves the age now not recorded. `majorityStatusAtExploit` sets
//!   `subject.minor_at_exploitation` the same way, and where recorded it decides the child
//!   rules (the age at the act); with neither, the age is not established and the assessment
//!   applies the adult rules and gives `level_if_child`. The status when the person entered the
//!   trafficking process is kept in the record
//!   ([`CtdcRecord::minor_at_exploitation_or_entry`]). `Minor` when registered with `Adult`
//!   when the exploitation began contradicts itself: the row is a
//!   [`CtdcError::Contradiction`] naming both columns (after every cell of the row has been
//!   checked, so a malformed cell is reported first);
//! - the exploitation columns set the case's forms, deduplicated and sorted: `isForcedLabour`
//!   labour, `isSexualExploit` sexual, `isSexAndLabour` both, `isForcedMarriage` forced
//!   marriage, `isOrganRemoval` organ removal, `isOtherExploit` other,
//!   `isSlaveryAndPractices` slavery or servitude, `isForcedMilitary` child soldiering,
//!   `typeOfLabourBegging` begging, `typeOfLabourDomesticWork` domestic servitude,
//!   `typeOfLabourIllicitActivities` forced criminality;
//! - the four `typeOfSex*` columns set the case's `sexual_exploitation_types`, in the order of
//!   [`SexualExploitationType::ALL`]: `typeOfSexProstitution` prostitution,
//!   `typeOfSexPornography` pornography, `typeOfSexRemoteInteractiveServices` remote
//!   interactive services, `typeOfSexPrivateSexualServices` private sexual services; a `1` in
//!   any of them sets the form sexual too (a type of sexual exploitation is sexual
//!   exploitation; every such row of the July 2021 file has `isSexualExploit` too), so that the
//!   case is never refused for a type without its form. The type decides, under the Korean
//!   rule sets, whether the Sex Trade Act's notice and services are given;
//! - the twelve `typeOfLabour*` columns that name a sector set the case's `sector` where
//!   exactly one is `1` (`typeOfLabourNotSpecified` names none; several leave it open, and all
//!   are kept in [`CtdcRecord::sectors`]). CTDC has no fishing-at-sea sector: a fisher is
//!   `aquafarming` or `other` there, so the seafarers' services are never named from CTDC;
//! - a `1` in an exploitation-type column (and the `typeOfSex*` columns) records the Palermo
//!   purpose fact, and a recorded recruiter (`recruiterRelation*` other than `Unknown`) records
//!   `act_recruitment`, as the data file `data/crosswalks/ctdc_purpose_and_act.json` says, each
//!   mapping with its reason ([`FactCrosswalk`]); a `0` records nothing;
//! - the case reference is `ctdc-row-<n>`, never anything from the data; observations carry no
//!   evidence source, because a CTDC row does not say how each fact was established.
//!
//! Rows are numbered from 1 (the first row after the header). `CtdcReader` reads each line as
//! one row and skips empty lines, so in a file without empty lines row `n` is line `n + 1`.
//!
//! # Privacy of errors
//!
//! A CTDC cell is about a person and may hold free text, a name or an age. An error names the
//! row and the column and what was expected, and never quotes the value: even a short token
//! (`Kim`, `17`) can identify or describe someone.
//!
//! # Reading a file
//!
//! With the cargo feature `ctdc`, `CtdcReader` streams a file of any size from any
//! [`std::io::Read`]: one `Result` per row, so a malformed row yields its error and the rest go
//! on, and memory does not grow with the file. Each line is one row, read on its own: a quote
//! a line opens must close on it (CTDC's cells hold no line breaks), and a line is at most
//! [`MAX_LINE_BYTES`] long. A stray `"` or an overlong line is thus an error of its row alone
//! ([`CtdcError::UnclosedQuote`], [`CtdcError::LineTooLong`]), never the rows after it read as
//! one cell: the records and errors yielded count every line after the header that is not
//! empty.
//!
//! ```
//! use trafficking_indicators::interop::ctdc::{CtdcHeader, CtdcRecord};
//! use trafficking_indicators::{assess, ObservationStatus};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let names = CtdcHeader::required_columns();
//! let header = CtdcHeader::from_fields(&names)?;
//! let mut row = vec![""; names.len()];
//! let mut set = |column: &str, value: &'static str| {
//!     let i = names.iter().position(|n| *n == column).unwrap();
//!     row[i] = value;
//! };
//! set("Datasource", "Case Management");
//! set("majorityStatus", "Adult");
//! set("isForcedLabour", "1");
//! set("meansOfControlWithholdsDocuments", "1");
//! set("meansOfControlDebtBondage", "0");
//! let record = CtdcRecord::from_fields(&header, 1, &row)?;
//! assert_eq!(record.case.subject.minor, Some(false));
//! let status = |id: &str| {
//!     record.case.observations.iter().find(|o| o.indicator == id).map(|o| o.status)
//! };
//! assert_eq!(status("confiscation_of_documents_at_destination"), Some(ObservationStatus::Present));
//! assert_eq!(status("debt_bondage_at_destination"), Some(ObservationStatus::Absent));
//! // An empty cell is not assessed, never absent.
//! assert_eq!(status("threats_of_violence_at_destination"), Some(ObservationStatus::NotAssessed));
//! let assessment = assess(&record.case)?;
//! assert_eq!(assessment.case_reference.as_ref().map(|r| r.as_str()), Some("ctdc-row-1"));
//! # Ok(())
//! # }
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::case::{
    Case, CaseReference, Observation, ObservationStatus, Sector, SexualExploitationType, Subject,
};
use crate::catalogue::Catalogue;
use crate::interop::picklist::MethodOfControl;
use crate::model::error::Problem;
use crate::model::id::{ConceptId, IndicatorId};
use crate::model::indicator::{
    Confidence, CtdcMeansOfControl, Dimension, ExploitationForm, Verification,
};

/// The version of the crosswalk file format this crate reads.
pub const CROSSWALK_FORMAT_VERSION: u32 = 1;

/// Where the built-in crosswalk lives in the crate.
pub const CROSSWALK_PATH: &str = "data/crosswalks/ctdc_means_of_control.json";

const CROSSWALK_JSON: &str = include_str!("../../data/crosswalks/ctdc_means_of_control.json");

/// Where the built-in purpose and act crosswalk lives in the repository.
pub const FACT_CROSSWALK_PATH: &str = "data/crosswalks/ctdc_purpose_and_act.json";

const FACT_CROSSWALK_JSON: &str = include_str!("../../data/crosswalks/ctdc_purpose_and_act.json");

/// CTDC's terms of use: cite the Counter Trafficking Data Collaborative, and never try to
/// re-identify anyone.
pub const TERMS_OF_USE_URL: &str = "https://www.ctdatacollaborative.org/terms-use";

/// The attribution to print wherever CTDC data or results computed from it are shown.
pub const ATTRIBUTION: &str = "Data: Counter Trafficking Data Collaborative (CTDC), Global K-anonymised Dataset (15 July 2021), https://www.ctdatacollaborative.org/ - used under the CTDC terms of use, https://www.ctdatacollaborative.org/terms-use (do not attempt to re-identify anyone).";

/// A CTDC column that the crosswalk maps: the 17 specific means-of-control columns (the
/// catalogue's [`CtdcMeansOfControl`]), `meansOfControlNotSpecified` and `isAbduction`.
/// Serialized as the column name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ControlColumn {
    /// One of the 17 specific means-of-control columns.
    Means(CtdcMeansOfControl),
    /// `meansOfControlNotSpecified`: 1 when no means of control was reported.
    NotSpecified,
    /// `isAbduction`: exploitation through wrongful removal or retention.
    Abduction,
}

impl ControlColumn {
    /// Every crosswalk column, in the order of the CTDC header.
    // Evaluated at compile time: an index out of range fails the build, never a run.
    #[allow(clippy::indexing_slicing)]
    pub const ALL: [ControlColumn; 19] = {
        let mut all = [ControlColumn::NotSpecified; 19];
        let mut i = 0;
        while i < CtdcMeansOfControl::ALL.len() {
            all[i] = ControlColumn::Means(CtdcMeansOfControl::ALL[i]);
            i += 1;
        }
        all[18] = ControlColumn::Abduction;
        all
    };

    /// The column name in the CTDC file.
    pub const fn column(self) -> &'static str {
        match self {
            ControlColumn::Means(m) => m.column(),
            ControlColumn::NotSpecified => "meansOfControlNotSpecified",
            ControlColumn::Abduction => "isAbduction",
        }
    }

    /// The column with this name.
    pub fn from_column(name: &str) -> Option<ControlColumn> {
        ControlColumn::ALL.into_iter().find(|c| c.column() == name)
    }

    /// The catalogue's name for this column ([`CtdcMeansOfControl`]), for the 17 specific
    /// means-of-control columns; `None` for `meansOfControlNotSpecified` and `isAbduction`.
    pub const fn means_of_control(self) -> Option<CtdcMeansOfControl> {
        match self {
            ControlColumn::Means(m) => Some(m),
            ControlColumn::NotSpecified | ControlColumn::Abduction => None,
        }
    }

    /// Whether this is one of the 17 specific means-of-control columns (not
    /// `meansOfControlNotSpecified`, not `isAbduction`).
    pub const fn is_specific_means_of_control(self) -> bool {
        self.means_of_control().is_some()
    }

    /// Position in [`ControlColumn::ALL`].
    pub const fn index(self) -> usize {
        match self {
            ControlColumn::Means(m) => m as usize,
            ControlColumn::NotSpecified => 17,
            ControlColumn::Abduction => 18,
        }
    }
}

impl Serialize for ControlColumn {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.column())
    }
}

impl<'de> Deserialize<'de> for ControlColumn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        ControlColumn::from_column(&name).ok_or_else(|| {
            serde::de::Error::custom("not a CTDC means-of-control column or `isAbduction`")
        })
    }
}

impl fmt::Display for ControlColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.column())
    }
}

/// A source the crosswalk cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkSource {
    /// Short id used in the text.
    pub id: String,
    /// Full title.
    pub title: String,
    /// Where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One CTDC column and what it maps to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkRow {
    /// The CTDC column.
    pub column: ControlColumn,
    /// The catalogue indicators a `1` in this column makes present (empty: the column maps to
    /// no indicator, and `reason` says why).
    pub indicators: Vec<IndicatorId>,
    /// Why, citing the CTDC codebook definition.
    pub reason: String,
    /// The verification mark of the mapping.
    pub verification: Verification,
    /// Confidence beyond the mark: `low` where the fit is approximate.
    #[serde(default)]
    pub confidence: Confidence,
    /// The HTCDS v2.0 `vic_MethodsOfControl` picklist value for this column, if the picklist
    /// has one.
    pub htcds_picklist: Option<MethodOfControl>,
    /// The name HTCDS `Field Definitions.md` gives this method of control, if it defines one
    /// (it differs from the picklist value for four columns).
    pub htcds_field_definitions_name: Option<String>,
    /// Notes on the data or on the standards' inconsistencies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why the mapping differs from the `ctdc_means_of_control` field of a catalogue entry it
    /// names (that field holds one column only). Required exactly when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_note: Option<String>,
}

/// The crosswalk document: CTDC columns to catalogue indicators and HTCDS picklist values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// The file format version ([`CROSSWALK_FORMAT_VERSION`]).
    pub format_version: u32,
    /// The crosswalk's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it is and the rules it follows.
    pub description: String,
    /// The documents it cites.
    pub sources: Vec<CrosswalkSource>,
    /// Notes that concern several rows: the standards' inconsistencies.
    #[serde(default)]
    pub notes: Vec<String>,
    /// One row per column.
    pub rows: Vec<CrosswalkRow>,
}

/// Parses a crosswalk file compiled into the crate.
fn parse_builtin<T: serde::de::DeserializeOwned>(json: &str) -> T {
    let parsed = serde_json::from_str::<T>(json);
    // PANIC SAFETY: the files are compiled into the crate and the test suite parses them and
    // checks them against the catalogue (`builtin_crosswalk_has_no_problems`,
    // `builtin_fact_crosswalk_names_facts_and_columns`), so this can only fail in a crate
    // built from data that failed its own tests. It is not reachable from input.
    #[allow(clippy::expect_used)]
    parsed.expect("a built-in CTDC crosswalk is valid")
}

/// The problem with a crosswalk's format version, if it is not the one this crate reads.
fn format_version_problem(version: u32) -> Option<Problem> {
    (version != CROSSWALK_FORMAT_VERSION).then(|| {
        Problem::new(
            "$.format_version",
            format!(
                "unsupported crosswalk format version {version}, this crate reads version {CROSSWALK_FORMAT_VERSION}"
            ),
        )
    })
}

/// One CTDC column that records the exploitation itself or a recruiter, and the Palermo
/// purpose or act fact a `1` in it records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactRow {
    /// The CTDC column name.
    pub column: String,
    /// The catalogue entry (a purpose or act fact) a `1` records as present.
    pub indicator: IndicatorId,
    /// Why.
    pub reason: String,
    /// The mark of the mapping.
    pub verification: Verification,
    /// `low` for an approximate fit.
    #[serde(default)]
    pub confidence: Confidence,
}

/// The crosswalk from CTDC exploitation-type and recruiter columns to the Palermo purpose and
/// act facts (`data/crosswalks/ctdc_purpose_and_act.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactCrosswalk {
    /// The file format version ([`CROSSWALK_FORMAT_VERSION`]).
    pub format_version: u32,
    /// The crosswalk's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it is and the rules it follows.
    pub description: String,
    /// The documents it cites.
    pub sources: Vec<CrosswalkSource>,
    /// One row per (column, fact).
    pub rows: Vec<FactRow>,
}

impl FactCrosswalk {
    /// The built-in crosswalk, parsed once per process.
    pub fn builtin() -> &'static FactCrosswalk {
        static BUILTIN: OnceLock<FactCrosswalk> = OnceLock::new();
        BUILTIN.get_or_init(|| parse_builtin(FACT_CROSSWALK_JSON))
    }

    /// The path and text of the built-in crosswalk file.
    pub fn builtin_file() -> (&'static str, &'static str) {
        (FACT_CROSSWALK_PATH, FACT_CROSSWALK_JSON)
    }

    /// Every problem with this crosswalk against a catalogue, each with its JSON path: an
    /// unsupported format version, an indicator that is not a purpose or act fact, a
    /// (column, indicator) pair given twice, or an empty reason.
    pub fn problems(&self, catalogue: &Catalogue) -> Vec<Problem> {
        let mut problems: Vec<Problem> = format_version_problem(self.format_version)
            .into_iter()
            .collect();
        for (i, row) in self.rows.iter().enumerate() {
            if self
                .rows
                .iter()
                .take(i)
                .any(|o| o.column == row.column && o.indicator == row.indicator)
            {
                problems.push(Problem::new(
                    format!("$.rows[{i}]"),
                    format!("column `{}` maps to `{}` twice", row.column, row.indicator),
                ));
            }
            match catalogue.get(row.indicator.as_str()) {
                Some(e) if e.dimension.is_none() => {}
                Some(_) => problems.push(Problem::new(
                    format!("$.rows[{i}].indicator"),
                    format!("`{}` is not a purpose or act fact", row.indicator),
                )),
                None => problems.push(Problem::new(
                    format!("$.rows[{i}].indicator"),
                    format!("unknown indicator id `{}`", row.indicator),
                )),
            }
            if row.reason.trim().is_empty() {
                problems.push(Problem::new(
                    format!("$.rows[{i}].reason"),
                    "the reason is empty",
                ));
            }
        }
        problems
    }
}

impl Crosswalk {
    /// The built-in crosswalk (`data/crosswalks/ctdc_means_of_control.json`), parsed once per
    /// process.
    pub fn builtin() -> &'static Crosswalk {
        static BUILTIN: OnceLock<Crosswalk> = OnceLock::new();
        BUILTIN.get_or_init(|| parse_builtin(CROSSWALK_JSON))
    }

    /// The path and text of the built-in crosswalk file.
    pub fn builtin_file() -> (&'static str, &'static str) {
        (CROSSWALK_PATH, CROSSWALK_JSON)
    }

    /// The row for a column.
    pub fn row(&self, column: ControlColumn) -> Option<&CrosswalkRow> {
        self.rows.iter().find(|r| r.column == column)
    }

    /// The row whose HTCDS picklist value is `value`.
    pub fn row_for_htcds(&self, value: MethodOfControl) -> Option<&CrosswalkRow> {
        self.rows.iter().find(|r| r.htcds_picklist == Some(value))
    }

    /// Every problem with this crosswalk against a catalogue, each with its JSON path: an
    /// unsupported format version, a column missing or given twice, an empty reason, an
    /// indicator the catalogue does not have or named twice, two indicators of one dimension
    /// that do not share a concept (one fact counted twice), an HTCDS value given to two
    /// columns, and a `catalogue_note` missing where an indicator's catalogue entry names
    /// another CTDC column (or present where none does).
    pub fn problems(&self, catalogue: &Catalogue) -> Vec<Problem> {
        let mut problems: Vec<Problem> = format_version_problem(self.format_version)
            .into_iter()
            .collect();
        for column in ControlColumn::ALL {
            if !self.rows.iter().any(|r| r.column == column) {
                problems.push(Problem::new(
                    "$.rows",
                    format!("no row for column `{column}`"),
                ));
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let path = format!("$.rows[{i}]");
            if self.rows.iter().take(i).any(|r| r.column == row.column) {
                problems.push(Problem::new(
                    format!("{path}.column"),
                    format!("column `{}` has two rows", row.column),
                ));
            }
            if row.reason.trim().is_empty() {
                problems.push(Problem::new(
                    format!("{path}.reason"),
                    "every row gives its reason",
                ));
            }
            if let Some(value) = row.htcds_picklist
                && self
                    .rows
                    .iter()
                    .take(i)
                    .any(|r| r.htcds_picklist == Some(value))
            {
                problems.push(Problem::new(
                    format!("{path}.htcds_picklist"),
                    format!("HTCDS value `{}` is given to two columns", value.as_str()),
                ));
            }
            let mut differs = false;
            let mut seen: Vec<(Option<Dimension>, &ConceptId, &IndicatorId)> = Vec::new();
            for (j, id) in row.indicators.iter().enumerate() {
                let ipath = format!("{path}.indicators[{j}]");
                if row.indicators.iter().take(j).any(|other| other == id) {
                    problems.push(Problem::new(&ipath, format!("`{id}` is named twice")));
                    continue;
                }
                let Some(entry) = catalogue.get(id.as_str()) else {
                    problems.push(Problem::new(
                        &ipath,
                        format!("unknown indicator id `{id}`: not in the catalogue"),
                    ));
                    continue;
                };
                if let Some((_, _, other)) = seen
                    .iter()
                    .find(|(d, c, _)| *d == entry.dimension && **c != entry.concept)
                {
                    problems.push(Problem::new(
                        &ipath,
                        format!(
                            "`{id}` and `{other}` are in one dimension with different concepts: one column would count twice"
                        ),
                    ));
                }
                seen.push((entry.dimension, &entry.concept, id));
                if let Some(named) = entry.ctdc_means_of_control
                    && row.column.means_of_control() != Some(named)
                {
                    differs = true;
                    if row.catalogue_note.is_none() {
                        problems.push(Problem::new(
                            &ipath,
                            format!(
                                "the catalogue links `{id}` to `{}`; say why this row differs in `catalogue_note`",
                                named.column()
                            ),
                        ));
                    }
                }
            }
            if !differs && row.catalogue_note.is_some() {
                problems.push(Problem::new(
                    format!("{path}.catalogue_note"),
                    "a catalogue note, but no indicator of this row is linked to another column",
                ));
            }
        }
        problems
    }
}

/// One compiled crosswalk target: an indicator, the columns that feed it and its slot
/// (dimension and concept) in the built-in catalogue.
#[derive(Debug)]
struct Target {
    id: IndicatorId,
    columns: Vec<ControlColumn>,
    slot: usize,
}

/// The built-in crosswalk compiled for row mapping: targets in order of first appearance.
fn targets() -> &'static [Target] {
    static TARGETS: OnceLock<Vec<Target>> = OnceLock::new();
    TARGETS.get_or_init(|| {
        let catalogue = Catalogue::builtin();
        let mut targets: Vec<Target> = Vec::new();
        let mut slots: BTreeMap<(Option<Dimension>, String), usize> = BTreeMap::new();
        for row in &Crosswalk::builtin().rows {
            for id in &row.indicators {
                if let Some(t) = targets.iter_mut().find(|t| &t.id == id) {
                    t.columns.push(row.column);
                    continue;
                }
                let next = slots.len();
                let slot = match catalogue.get(id.as_str()) {
                    Some(e) => *slots
                        .entry((e.dimension, e.concept.as_str().to_owned()))
                        .or_insert(next),
                    // Not reachable with the tested built-in data: a slot of its own.
                    None => *slots
                        .entry((None, format!("#{}", id.as_str())))
                        .or_insert(next),
                };
                targets.push(Target {
                    id: id.clone(),
                    columns: vec![row.column],
                    slot,
                });
            }
        }
        targets
    })
}

/// One cell of a binary CTDC column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CtdcValue {
    /// `1`: experienced / recorded as yes.
    One,
    /// `0`: recorded as no.
    Zero,
    /// Empty: missing, not known.
    Empty,
}

impl CtdcValue {
    /// The observation status: `1` present, `0` absent, empty not assessed.
    pub const fn status(self) -> ObservationStatus {
        match self {
            CtdcValue::One => ObservationStatus::Present,
            CtdcValue::Zero => ObservationStatus::Absent,
            CtdcValue::Empty => ObservationStatus::NotAssessed,
        }
    }
}

/// How the person came to CTDC (`Datasource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// `Case Management`: the person received services from an agency in person.
    CaseManagement,
    /// `Hotline`: the person was reported or referred through a helpline (phone, text, online
    /// form or email), in practice mostly the Polaris helplines in the United States.
    Hotline,
}

impl DataSource {
    /// Both sources.
    pub const ALL: [DataSource; 2] = [DataSource::CaseManagement, DataSource::Hotline];

    /// The value as the CTDC file writes it.
    pub const fn ctdc_value(self) -> &'static str {
        match self {
            DataSource::CaseManagement => "Case Management",
            DataSource::Hotline => "Hotline",
        }
    }
}

/// Gender as CTDC records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// `Female`.
    Female,
    /// `Male`.
    Male,
    /// `Transgender/NonConforming`.
    TransgenderNonConforming,
}

/// Minor or adult at some point in time, as CTDC records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Majority {
    /// `Minor`: under 18.
    Minor,
    /// `Adult`: 18 or older.
    Adult,
}

/// A CTDC type-of-exploitation column recorded as `1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExploitationType {
    /// `isForcedLabour`.
    ForcedLabour,
    /// `isSexualExploit`.
    SexualExploit,
    /// `isOtherExploit`.
    OtherExploit,
    /// `isSexAndLabour`: both sexual and labour exploitation.
    SexAndLabour,
    /// `isForcedMarriage`.
    ForcedMarriage,
    /// `isForcedMilitary`.
    ForcedMilitary,
    /// `isOrganRemoval`.
    OrganRemoval,
    /// `isSlaveryAndPractices`: slavery and similar practices.
    SlaveryAndPractices,
}

impl ExploitationType {
    /// Every type, in the order of the CTDC header.
    pub const ALL: [ExploitationType; 8] = [
        ExploitationType::ForcedLabour,
        ExploitationType::SexualExploit,
        ExploitationType::OtherExploit,
        ExploitationType::SexAndLabour,
        ExploitationType::ForcedMarriage,
        ExploitationType::ForcedMilitary,
        ExploitationType::OrganRemoval,
        ExploitationType::SlaveryAndPractices,
    ];

    /// The column name in the CTDC file.
    pub const fn column(self) -> &'static str {
        match self {
            ExploitationType::ForcedLabour => "isForcedLabour",
            ExploitationType::SexualExploit => "isSexualExploit",
            ExploitationType::OtherExploit => "isOtherExploit",
            ExploitationType::SexAndLabour => "isSexAndLabour",
            ExploitationType::ForcedMarriage => "isForcedMarriage",
            ExploitationType::ForcedMilitary => "isForcedMilitary",
            ExploitationType::OrganRemoval => "isOrganRemoval",
            ExploitationType::SlaveryAndPractices => "isSlaveryAndPractices",
        }
    }

    /// The forms of exploitation a `1` in this column sets.
    pub const fn forms(self) -> &'static [ExploitationForm] {
        match self {
            ExploitationType::ForcedLabour => &[ExploitationForm::Labour],
            ExploitationType::SexualExploit => &[ExploitationForm::Sexual],
            ExploitationType::SexAndLabour => &[ExploitationForm::Labour, ExploitationForm::Sexual],
            ExploitationType::ForcedMarriage => &[ExploitationForm::ForcedMarriage],
            ExploitationType::OrganRemoval => &[ExploitationForm::OrganRemoval],
            ExploitationType::SlaveryAndPractices => &[ExploitationForm::SlaveryOrServitude],
            ExploitationType::ForcedMilitary => &[ExploitationForm::ChildSoldiering],
            ExploitationType::OtherExploit => &[ExploitationForm::Other],
        }
    }
}

/// The three type-of-labour columns that set a form of exploitation of their own.
const LABOUR_FORMS: [(&str, ExploitationForm); 3] = [
    ("typeOfLabourBegging", ExploitationForm::Begging),
    (
        "typeOfLabourDomesticWork",
        ExploitationForm::DomesticServitude,
    ),
    (
        "typeOfLabourIllicitActivities",
        ExploitationForm::ForcedCriminality,
    ),
];

/// The type-of-sexual-exploitation columns: a `1` records the type in the case's
/// `sexual_exploitation_types` and the form `sexual` (a type of sexual exploitation is sexual
/// exploitation; in the July 2021 file every row with such a `1` also has `isSexualExploit`).
const SEXUAL_TYPE_COLUMNS: [(&str, SexualExploitationType); 4] = [
    (
        "typeOfSexProstitution",
        SexualExploitationType::Prostitution,
    ),
    ("typeOfSexPornography", SexualExploitationType::Pornography),
    (
        "typeOfSexRemoteInteractiveServices",
        SexualExploitationType::RemoteInteractiveServices,
    ),
    (
        "typeOfSexPrivateSexualServices",
        SexualExploitationType::PrivateSexualServices,
    ),
];

/// The type-of-labour columns that name a sector. `typeOfLabourNotSpecified` names none.
const SECTOR_COLUMNS: [(&str, Sector); 12] = [
    ("typeOfLabourAgriculture", Sector::Agriculture),
    ("typeOfLabourAquafarming", Sector::Aquafarming),
    ("typeOfLabourBegging", Sector::Begging),
    ("typeOfLabourConstruction", Sector::Construction),
    ("typeOfLabourDomesticWork", Sector::DomesticWork),
    ("typeOfLabourHospitality", Sector::Hospitality),
    ("typeOfLabourIllicitActivities", Sector::IllicitActivities),
    ("typeOfLabourManufacturing", Sector::Manufacturing),
    ("typeOfLabourMiningOrDrilling", Sector::MiningOrDrilling),
    ("typeOfLabourPeddling", Sector::Peddling),
    ("typeOfLabourTransportation", Sector::Transportation),
    ("typeOfLabourOther", Sector::Other),
];

const DATASOURCE: &str = "Datasource";
const YEAR: &str = "yearOfRegistration";
const GENDER: &str = "gender";
const MAJORITY: &str = "majorityStatus";
const MAJORITY_AT_EXPLOIT: &str = "majorityStatusAtExploit";
const MAJORITY_ENTRY: &str = "majorityEntry";

/// The CTDC column a subject field of the mapped case comes from (the field's JSON path for
/// a field the mapping never sets, so that the answer is always a name, never a value).
fn column_of(path: &'static str) -> &'static str {
    match path {
        "$.subject.minor" => MAJORITY,
        "$.subject.minor_at_exploitation" => MAJORITY_AT_EXPLOIT,
        other => other,
    }
}

/// What is wrong with a CTDC file, its header or one of its rows.
///
/// Every variant names where (the row, numbered from 1 after the header, and the column) and
/// what was expected. A value from the file is never quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CtdcError {
    /// The file is empty: there is no header line.
    #[error("the CTDC file has no header line")]
    MissingHeader,
    /// The file is UTF-16 text (what Excel's "Unicode text" writes); the reader takes UTF-8,
    /// with or without a byte-order mark (what Excel's "CSV UTF-8" writes).
    #[error("the CTDC file is UTF-16 text: save it as UTF-8")]
    Utf16,
    /// The header lacks a column the mapping needs.
    #[error("the CTDC header has no column `{column}`")]
    MissingColumn {
        /// The column.
        column: &'static str,
    },
    /// The header names a column the mapping needs twice.
    #[error("the CTDC header has the column `{column}` twice")]
    DuplicateColumn {
        /// The column.
        column: &'static str,
    },
    /// A row has a different number of fields from the header.
    #[error("row {row}: {found} fields, but the header has {expected}")]
    FieldCount {
        /// The row, from 1.
        row: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A cell holds a value its column does not allow.
    #[error("row {row}, column `{column}`: expected {expected}; the value found is not shown")]
    InvalidValue {
        /// The row, from 1.
        row: u64,
        /// The column.
        column: &'static str,
        /// What the column allows.
        expected: &'static str,
    },
    /// Two cells of a row contradict each other by the case format's age rules, so the row
    /// cannot be one person's record: `majorityStatus` `Minor` (under 18 when registered) with
    /// `majorityStatusAtExploit` `Adult` (18 or over when the exploitation began, which came
    /// first). Names both columns and never the values. The rest of the file still maps.
    #[error("row {row}: the columns `{first}` and `{second}` contradict each other: {reason}")]
    Contradiction {
        /// The row, from 1.
        row: u64,
        /// The first column.
        first: &'static str,
        /// The second column.
        second: &'static str,
        /// Why they cannot both be true.
        reason: &'static str,
    },
    /// Reading failed (an I/O error). Reading stops.
    #[error("reading the CTDC file failed after row {after_row}: {kind}")]
    Io {
        /// The last row read, 0 for the header.
        after_row: u64,
        /// What went wrong.
        kind: std::io::ErrorKind,
    },
    /// The CSV reader could not read the next record. Reading stops.
    ///
    /// Not given by `CtdcReader` since the thirty-fourth session: it reads each line on its
    /// own, and a line it cannot read is an error of that row alone
    /// ([`CtdcError::UnclosedQuote`], [`CtdcError::LineTooLong`]).
    #[error("the CTDC file could not be read as `;`-separated values after row {after_row}")]
    Csv {
        /// The last row read, 0 for the header.
        after_row: u64,
    },
    /// A cell of the row opens a quote that its line does not close (a stray `"` at the start
    /// of a cell). The row is not read; the next line is. CTDC's cells hold no line breaks, so
    /// a quoted cell never goes on to the next line.
    #[error(
        "row {row}, {}: the cell opens a quote that is not closed on its line; the value found is not shown",
        Place(*field, *column)
    )]
    UnclosedQuote {
        /// The row, from 1.
        row: u64,
        /// The cell's position in the row, from 1.
        field: usize,
        /// The cell's column, if the mapping reads it (the name of another column is the
        /// file's and is not repeated).
        column: Option<&'static str>,
    },
    /// The row's line is longer than the reader takes ([`MAX_LINE_BYTES`]). The row is not
    /// read (nor kept in memory); the next line is.
    #[error("row {row}: the line is longer than {limit} bytes and is not read")]
    LineTooLong {
        /// The row, from 1.
        row: u64,
        /// The longest line read, in bytes, its line end not counted.
        limit: usize,
    },
    /// A cell of the header opens a quote that its line does not close.
    #[error(
        "the CTDC header, field {field}: the cell opens a quote that is not closed on its line"
    )]
    HeaderUnclosedQuote {
        /// The cell's position in the header, from 1.
        field: usize,
    },
    /// The header line is longer than the reader takes ([`MAX_LINE_BYTES`]): the file is not
    /// a CTDC file, or its line ends are not `\n`, `\r\n` or `\r`.
    #[error("the CTDC header line is longer than {limit} bytes")]
    HeaderTooLong {
        /// The longest line read, in bytes, its line end not counted.
        limit: usize,
    },
}

/// Where a cell is: its column when the mapping reads it, otherwise its position.
struct Place(usize, Option<&'static str>);

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(column) => write!(f, "column `{column}` (field {})", self.0),
            None => write!(f, "field {}", self.0),
        }
    }
}

impl CtdcError {
    /// The row the error is about, if it is about one row.
    pub fn row(&self) -> Option<u64> {
        match self {
            CtdcError::FieldCount { row, .. }
            | CtdcError::InvalidValue { row, .. }
            | CtdcError::Contradiction { row, .. }
            | CtdcError::UnclosedQuote { row, .. }
            | CtdcError::LineTooLong { row, .. } => Some(*row),
            _ => None,
        }
    }

    /// The column the error is about, if any (for a contradiction, the first of the two).
    pub fn column(&self) -> Option<&'static str> {
        match self {
            CtdcError::MissingColumn { column }
            | CtdcError::DuplicateColumn { column }
            | CtdcError::InvalidValue { column, .. }
            | CtdcError::Contradiction { first: column, .. } => Some(column),
            CtdcError::UnclosedQuote { column, .. } => *column,
            _ => None,
        }
    }
}

/// Where the columns the mapping needs are, found by name in a CTDC header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CtdcHeader {
    fields: usize,
    datasource: usize,
    year: usize,
    gender: usize,
    majority: usize,
    majority_at_exploit: usize,
    majority_entry: usize,
    controls: [usize; 19],
    exploitation: [usize; 8],
    labour: [usize; 3],
    sectors: [usize; 12],
    sexual_types: [usize; 4],
    /// Per row of the purpose and act crosswalk: the column's position.
    facts: Vec<usize>,
}

impl CtdcHeader {
    /// The columns the mapping reads, in the order of the CTDC header. Every other column is
    /// ignored.
    pub fn required_columns() -> Vec<&'static str> {
        let mut names = vec![
            YEAR,
            DATASOURCE,
            GENDER,
            MAJORITY,
            MAJORITY_AT_EXPLOIT,
            MAJORITY_ENTRY,
        ];
        names.extend(
            ControlColumn::ALL
                .iter()
                .filter(|c| **c != ControlColumn::Abduction)
                .map(|c| c.column()),
        );
        names.extend(ExploitationType::ALL.iter().map(|t| t.column()));
        names.extend(LABOUR_FORMS.iter().map(|(c, _)| *c));
        for (column, _) in SECTOR_COLUMNS {
            if !names.contains(&column) {
                names.push(column);
            }
        }
        names.push(ControlColumn::Abduction.column());
        for (column, _) in SEXUAL_TYPE_COLUMNS {
            if !names.contains(&column) {
                names.push(column);
            }
        }
        for row in &FactCrosswalk::builtin().rows {
            if !names.contains(&row.column.as_str()) {
                names.push(row.column.as_str());
            }
        }
        names
    }

    /// Finds the columns by name in the header's fields. The first field of the CTDC file (the
    /// terms-of-use sentence) and every column the mapping does not read are ignored; a
    /// missing or repeated column the mapping needs is an error naming it. A leading
    /// byte-order mark is skipped; a header of UTF-16 text read as UTF-8 (NUL bytes between
    /// its letters, as the readers of the other inputs detect it) is [`CtdcError::Utf16`].
    pub fn from_fields<S: AsRef<str>>(fields: &[S]) -> Result<CtdcHeader, CtdcError> {
        // UTF-16 read as UTF-8 has a NUL byte beside every ASCII letter. (Its byte-order mark
        // reads as two replacement characters, but so can the start of a header in CP949 or
        // another 8-bit encoding, so that is not taken as a sign.)
        let first = fields.first().map_or("", |f| f.as_ref());
        if first.starts_with('\u{fffe}') || fields.iter().any(|f| f.as_ref().contains('\0')) {
            return Err(CtdcError::Utf16);
        }
        let find = |column: &'static str| find_column(fields, column);
        let mut controls = [0usize; 19];
        for (slot, column) in controls.iter_mut().zip(ControlColumn::ALL) {
            *slot = find(column.column())?;
        }
        let mut exploitation = [0usize; 8];
        for (slot, t) in exploitation.iter_mut().zip(ExploitationType::ALL) {
            *slot = find(t.column())?;
        }
        let mut labour = [0usize; 3];
        for (slot, (column, _)) in labour.iter_mut().zip(LABOUR_FORMS) {
            *slot = find(column)?;
        }
        let mut sectors = [0usize; 12];
        for (slot, (column, _)) in sectors.iter_mut().zip(SECTOR_COLUMNS) {
            *slot = find(column)?;
        }
        let mut sexual_types = [0usize; 4];
        for (slot, (column, _)) in sexual_types.iter_mut().zip(SEXUAL_TYPE_COLUMNS) {
            *slot = find(column)?;
        }
        let facts = FactCrosswalk::builtin()
            .rows
            .iter()
            .map(|r| find_column(fields, r.column.as_str()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CtdcHeader {
            sectors,
            sexual_types,
            facts,
            fields: fields.len(),
            datasource: find(DATASOURCE)?,
            year: find(YEAR)?,
            gender: find(GENDER)?,
            majority: find(MAJORITY)?,
            majority_at_exploit: find(MAJORITY_AT_EXPLOIT)?,
            majority_entry: find(MAJORITY_ENTRY)?,
            controls,
            exploitation,
            labour,
        })
    }

    /// How many fields the header has; every row must have as many.
    pub fn len(&self) -> usize {
        self.fields
    }

    /// Whether the header has no fields (never true for a header that was found).
    pub fn is_empty(&self) -> bool {
        self.fields == 0
    }

    /// The name of the column at `position` (from 0), if the mapping reads it; `None` for a
    /// column it does not read, whose name is the file's and is not repeated.
    pub fn column_at(&self, position: usize) -> Option<&'static str> {
        let single = [
            (self.year, YEAR),
            (self.datasource, DATASOURCE),
            (self.gender, GENDER),
            (self.majority, MAJORITY),
            (self.majority_at_exploit, MAJORITY_AT_EXPLOIT),
            (self.majority_entry, MAJORITY_ENTRY),
        ];
        let controls = self
            .controls
            .iter()
            .zip(ControlColumn::ALL)
            .map(|(i, c)| (*i, c.column()));
        let exploitation = self
            .exploitation
            .iter()
            .zip(ExploitationType::ALL)
            .map(|(i, t)| (*i, t.column()));
        let labour = self
            .labour
            .iter()
            .zip(LABOUR_FORMS)
            .map(|(i, (c, _))| (*i, c));
        let sectors = self
            .sectors
            .iter()
            .zip(SECTOR_COLUMNS)
            .map(|(i, (c, _))| (*i, c));
        let sexual_types = self
            .sexual_types
            .iter()
            .zip(SEXUAL_TYPE_COLUMNS)
            .map(|(i, (c, _))| (*i, c));
        let facts = self
            .facts
            .iter()
            .zip(&FactCrosswalk::builtin().rows)
            .map(|(i, r)| (*i, r.column.as_str()));
        single
            .into_iter()
            .chain(controls)
            .chain(exploitation)
            .chain(labour)
            .chain(sectors)
            .chain(sexual_types)
            .chain(facts)
            .find(|(i, _)| *i == position)
            .map(|(_, name)| name)
    }
}

fn find_column<S: AsRef<str>>(fields: &[S], column: &'static str) -> Result<usize, CtdcError> {
    // Byte-order marks can only lead the first field (the csv reader takes off one; a file
    // saved by two tools can carry two): they are skipped there, and nowhere else.
    let name = |i: usize, field: &S| -> bool {
        let field = field.as_ref();
        let field = if i == 0 {
            field.trim_start_matches('\u{feff}')
        } else {
            field
        };
        field == column
    };
    let mut at = fields
        .iter()
        .enumerate()
        .filter(|(i, f)| name(*i, f))
        .map(|(i, _)| i);
    let first = at.next().ok_or(CtdcError::MissingColumn { column })?;
    if at.next().is_some() {
        return Err(CtdcError::DuplicateColumn { column });
    }
    Ok(first)
}

/// One CTDC row mapped: the case to assess and the row's metadata for reporting.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct CtdcRecord {
    /// The row number, from 1 (the first row after the header).
    pub row: u64,
    /// The case: reference `ctdc-row-<n>`, minority, forms and one observation per crosswalk
    /// indicator.
    pub case: Case,
    /// `Datasource`, if recorded.
    pub data_source: Option<DataSource>,
    /// `yearOfRegistration`, if recorded.
    pub year_of_registration: Option<u16>,
    /// `gender`, if recorded.
    pub gender: Option<Gender>,
    /// `majorityStatus`: minor or adult when registered (this sets `case.subject.minor`).
    pub majority_status: Option<Majority>,
    /// `majorityStatusAtExploit`: minor or adult when exploitation began.
    pub majority_at_exploitation: Option<Majority>,
    /// `majorityEntry`: minor or adult when the person entered the trafficking process.
    pub majority_at_entry: Option<Majority>,
    /// The type-of-exploitation columns recorded as `1`, in header order.
    pub exploitation: Vec<ExploitationType>,
    /// The sectors recorded as `1` in the type-of-labour columns, in header order; the case's
    /// `sector` is set when there is exactly one.
    pub sectors: Vec<Sector>,
    /// The raw value of every crosswalk column, in [`ControlColumn::ALL`] order.
    pub controls: Vec<(ControlColumn, CtdcValue)>,
}

/// The row number and the case as [`Case`]'s `Debug` shows it, and whether each of the row's
/// own fields is recorded, never a value (a row is about a real person, and `{:?}` is what
/// ends up in logs).
impl std::fmt::Debug for CtdcRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::case::{Count, NotShown};
        f.debug_struct("CtdcRecord")
            .field("row", &self.row)
            .field("case", &self.case)
            .field("data_source", &NotShown(&self.data_source))
            .field(
                "year_of_registration",
                &NotShown(&self.year_of_registration),
            )
            .field("gender", &NotShown(&self.gender))
            .field("majority_status", &NotShown(&self.majority_status))
            .field(
                "majority_at_exploitation",
                &NotShown(&self.majority_at_exploitation),
            )
            .field("majority_at_entry", &NotShown(&self.majority_at_entry))
            .field("exploitation", &Count(self.exploitation.len()))
            .field("sectors", &Count(self.sectors.len()))
            .field("controls", &Count(self.controls.len()))
            .finish()
    }
}

impl CtdcRecord {
    /// Maps one row. `row` is the row number (from 1) that errors and the case reference
    /// carry; `fields` are the row's cells, as many as the header has.
    pub fn from_fields<S: AsRef<str>>(
        header: &CtdcHeader,
        row: u64,
        fields: &[S],
    ) -> Result<CtdcRecord, CtdcError> {
        if fields.len() != header.fields {
            return Err(CtdcError::FieldCount {
                row,
                expected: header.fields,
                found: fields.len(),
            });
        }
        let cell = |i: usize| fields.get(i).map_or("", |f| f.as_ref().trim());

        let mut controls = Vec::with_capacity(ControlColumn::ALL.len());
        for (column, &i) in ControlColumn::ALL.iter().zip(header.controls.iter()) {
            controls.push((*column, binary(row, column.column(), cell(i))?));
        }
        let mut exploitation = Vec::new();
        let mut forms: Vec<ExploitationForm> = Vec::new();
        for (t, &i) in ExploitationType::ALL.iter().zip(header.exploitation.iter()) {
            if binary(row, t.column(), cell(i))? == CtdcValue::One {
                exploitation.push(*t);
                forms.extend_from_slice(t.forms());
            }
        }
        for ((column, form), &i) in LABOUR_FORMS.iter().zip(header.labour.iter()) {
            if binary(row, column, cell(i))? == CtdcValue::One {
                forms.push(*form);
            }
        }
        let mut sexual_exploitation_types = Vec::new();
        for ((column, t), &i) in SEXUAL_TYPE_COLUMNS.iter().zip(header.sexual_types.iter()) {
            if binary(row, column, cell(i))? == CtdcValue::One {
                sexual_exploitation_types.push(*t);
                forms.push(ExploitationForm::Sexual);
            }
        }
        forms.sort_unstable();
        forms.dedup();
        // The sector, where exactly one type-of-labour column names one; several recorded
        // sectors leave it open (all are kept in the record).
        let mut sectors = Vec::new();
        for ((column, sector), &i) in SECTOR_COLUMNS.iter().zip(header.sectors.iter()) {
            if binary(row, column, cell(i))? == CtdcValue::One {
                sectors.push(*sector);
            }
        }

        let data_source = keyword(
            row,
            DATASOURCE,
            cell(header.datasource),
            &[
                ("Case Management", Some(DataSource::CaseManagement)),
                ("Hotline", Some(DataSource::Hotline)),
            ],
            "`Case Management`, `Hotline` or empty",
        )?;
        let gender = keyword(
            row,
            GENDER,
            cell(header.gender),
            &[
                ("Female", Some(Gender::Female)),
                ("Male", Some(Gender::Male)),
                (
                    "Transgender/NonConforming",
                    Some(Gender::TransgenderNonConforming),
                ),
            ],
            "`Female`, `Male`, `Transgender/NonConforming` or empty",
        )?;
        let majority = |column: &'static str, i: usize| {
            keyword(
                row,
                column,
                cell(i),
                &[
                    ("Minor", Some(Majority::Minor)),
                    ("Adult", Some(Majority::Adult)),
                    ("Unknown", None),
                ],
                "`Minor`, `Adult`, `Unknown` or empty",
            )
        };
        let majority_status = majority(MAJORITY, header.majority)?;
        let majority_at_exploitation = majority(MAJORITY_AT_EXPLOIT, header.majority_at_exploit)?;
        let majority_at_entry = majority(MAJORITY_ENTRY, header.majority_entry)?;
        let year_of_registration = year(row, cell(header.year))?;

        let mut observations = observations(&controls);
        for (fact, &i) in FactCrosswalk::builtin()
            .rows
            .iter()
            .zip(header.facts.iter())
        {
            if binary(row, fact.column.as_str(), cell(i))? == CtdcValue::One
                && !observations.iter().any(|o| o.indicator == fact.indicator)
            {
                observations.push(Observation::new(
                    fact.indicator.clone(),
                    ObservationStatus::Present,
                ));
            }
        }
        let subject = Subject {
            age_years: None,
            minor: majority_status.map(|m| m == Majority::Minor),
            disability: None,
            minor_at_exploitation: majority_at_exploitation.map(|m| m == Majority::Minor),
            ..Subject::default()
        };
        // The case format's own age rules (`Case::check`), so that they are written once: a
        // row they reject (a minor when registered who was an adult when the exploitation
        // began, which came first) is an error naming the two columns, not a record that
        // cannot be assessed. Checked once every cell is read, so that a malformed cell is
        // reported first. (None of the real file's 97,750 rows has it.)
        if let Err((first, second, reason)) = subject.check_ages(None) {
            return Err(CtdcError::Contradiction {
                row,
                first: column_of(first),
                second: column_of(second),
                reason,
            });
        }
        let case = Case {
            case_reference: Some(CaseReference::new(format!("ctdc-row-{row}"))),
            subject,
            forms,
            sexual_exploitation_types,
            observations,
            offences: Vec::new(),
            exploitation_began_year: None,
            sector: match sectors.as_slice() {
                [one] => Some(*one),
                _ => None,
            },
            measures: Vec::new(),
            interview_conditions: Vec::new(),
            interview: None,
        };
        Ok(CtdcRecord {
            row,
            case,
            data_source,
            year_of_registration,
            gender,
            majority_status,
            majority_at_exploitation,
            majority_at_entry,
            exploitation,
            sectors,
            controls,
        })
    }

    /// The raw value of a crosswalk column.
    pub fn control(&self, column: ControlColumn) -> CtdcValue {
        self.controls
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(CtdcValue::Empty, |(_, v)| *v)
    }

    /// Whether any of the 17 specific means-of-control columns holds a value (1 or 0).
    pub fn any_means_of_control_recorded(&self) -> bool {
        self.controls
            .iter()
            .any(|(c, v)| c.is_specific_means_of_control() && *v != CtdcValue::Empty)
    }

    /// Whether the person is recorded as a minor when exploitation began or when they entered
    /// the trafficking process. Such a person may be registered as an adult
    /// (`majorityStatus`), which is what sets the case's age group.
    pub fn minor_at_exploitation_or_entry(&self) -> bool {
        self.majority_at_exploitation == Some(Majority::Minor)
            || self.majority_at_entry == Some(Majority::Minor)
    }
}

/// The observations of one row: one per crosswalk indicator, in crosswalk order (see the
/// module documentation for the merging rules).
fn observations(controls: &[(ControlColumn, CtdcValue)]) -> Vec<Observation> {
    let raw = |c: ControlColumn| {
        controls
            .get(c.index())
            .filter(|(col, _)| *col == c)
            .map_or(CtdcValue::Empty, |(_, v)| *v)
    };
    // A row that says no means of control was reported (`meansOfControlNotSpecified` 1) holds
    // no answer in its specific columns' `0`s: they are read as not assessed, never absent (a
    // researcher's review, fortieth session: 1,215 Case Management rows of the July 2021 file
    // have the flag and zeros). A `1` there is a means reported all the same.
    let not_reported = raw(ControlColumn::NotSpecified) == CtdcValue::One;
    let value = |c: ControlColumn| match raw(c) {
        CtdcValue::Zero if not_reported && c.is_specific_means_of_control() => CtdcValue::Empty,
        v => v,
    };
    let targets = targets();
    let statuses: Vec<ObservationStatus> = targets
        .iter()
        .map(|t| {
            let values = t.columns.iter().map(|c| value(*c));
            if values.clone().any(|v| v == CtdcValue::One) {
                ObservationStatus::Present
            } else if values.clone().all(|v| v == CtdcValue::Zero) {
                ObservationStatus::Absent
            } else {
                ObservationStatus::NotAssessed
            }
        })
        .collect();
    targets
        .iter()
        .zip(statuses.iter())
        .filter(|(t, status)| {
            // A `0` beside a present wording of the same concept does not contradict it.
            **status != ObservationStatus::Absent
                || !targets
                    .iter()
                    .zip(statuses.iter())
                    .any(|(o, s)| o.slot == t.slot && *s == ObservationStatus::Present)
        })
        .map(|(t, status)| Observation::new(t.id.clone(), *status))
        .collect()
}

fn binary(row: u64, column: &'static str, value: &str) -> Result<CtdcValue, CtdcError> {
    match value {
        "1" => Ok(CtdcValue::One),
        "0" => Ok(CtdcValue::Zero),
        "" => Ok(CtdcValue::Empty),
        _ => Err(CtdcError::InvalidValue {
            row,
            column,
            expected: "`1`, `0` or empty",
        }),
    }
}

fn keyword<T: Copy>(
    row: u64,
    column: &'static str,
    value: &str,
    table: &[(&str, Option<T>)],
    expected: &'static str,
) -> Result<Option<T>, CtdcError> {
    if value.is_empty() {
        return Ok(None);
    }
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value))
        .map(|(_, v)| *v)
        .ok_or(CtdcError::InvalidValue {
            row,
            column,
            expected,
        })
}

fn year(row: u64, value: &str) -> Result<Option<u16>, CtdcError> {
    if value.is_empty() {
        return Ok(None);
    }
    let parsed = (value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y));
    match parsed {
        Some(y) => Ok(Some(y)),
        None => Err(CtdcError::InvalidValue {
            row,
            column: YEAR,
            expected: "a year from 1900 to 2100 or empty",
        }),
    }
}

/// The longest line `CtdcReader` reads, in bytes, its line end not counted: 64 KiB. The
/// lines of CTDC's file are at most 1,600 bytes (the header; a row at most 435). A longer row
/// is [`CtdcError::LineTooLong`] and a longer header [`CtdcError::HeaderTooLong`]: the reader
/// keeps no more than this of a line, however long it is.
pub const MAX_LINE_BYTES: usize = 1 << 16;

/// Streams a CTDC file: one `Result` per row.
///
/// The file is `;`-separated with double-quoted text fields (the CTDC layout); line ends may
/// be CRLF, LF or CR. The header is read when the reader is made. Each line is one row, read
/// on its own: CTDC's cells hold no line breaks, so a quote opened on a line must close on it.
/// A row whose line opens a quote it does not close (a stray `"` at the start of a cell) is
/// [`CtdcError::UnclosedQuote`], naming the row and the cell, and a line longer than
/// [`MAX_LINE_BYTES`] is [`CtdcError::LineTooLong`]; either is an error of that row alone. A
/// malformed row yields its [`CtdcError`] and the rows after it are still read, so that
/// the records and the errors yielded together count every line after the header (an empty
/// line is not a row, and is skipped); an I/O error ends the iteration after yielding it.
/// Its buffers (a 64 KiB read buffer, the line, kept to at most [`MAX_LINE_BYTES`], and the
/// line's cells) are reused from line to line, so memory does not grow with the file.
///
/// ```no_run
/// use trafficking_indicators::{assess, interop::ctdc::CtdcReader};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let file = std::fs::File::open("the_global_k_anon_dataset.csv")?;
/// for row in CtdcReader::new(std::io::BufReader::new(file))? {
///     match row {
///         Ok(record) => println!("{}", assess(&record.case)?.level),
///         Err(error) => eprintln!("{error}"), // names row and column, never a value
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[cfg(feature = "ctdc")]
pub struct CtdcReader<R> {
    lines: Lines<R>,
    header: CtdcHeader,
    cells: Cells,
    row: u64,
    finished: bool,
}

#[cfg(feature = "ctdc")]
impl<R> fmt::Debug for CtdcReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CtdcReader")
            .field("header", &self.header)
            .field("rows_read", &self.row)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "ctdc")]
impl<R: std::io::Read> CtdcReader<R> {
    /// Reads the header and finds the columns the mapping needs. Empty lines before it are
    /// skipped.
    pub fn new(reader: R) -> Result<CtdcReader<R>, CtdcError> {
        let mut lines = Lines::new(reader);
        let mut cells = Cells::new();
        let header = loop {
            match lines.next_line() {
                Ok(Line::Read) if lines.line.is_empty() => {}
                Ok(Line::Read) => break &lines.line,
                Ok(Line::TooLong) => {
                    return Err(CtdcError::HeaderTooLong {
                        limit: MAX_LINE_BYTES,
                    });
                }
                Ok(Line::End) => return Err(CtdcError::MissingHeader),
                Err(kind) => return Err(CtdcError::Io { after_row: 0, kind }),
            }
        };
        if let Err(field) = cells.split(header) {
            // UTF-16 read as UTF-8 has a NUL byte beside every ASCII letter: name the
            // encoding, not a quote that is only one half of a two-byte letter.
            return Err(if header.contains(&0) {
                CtdcError::Utf16
            } else {
                CtdcError::HeaderUnclosedQuote { field }
            });
        }
        let fields: Vec<std::borrow::Cow<'_, str>> = cells.fields().collect();
        let header = CtdcHeader::from_fields(&fields)?;
        Ok(CtdcReader {
            lines,
            header,
            cells,
            row: 0,
            finished: false,
        })
    }

    /// The header's column positions.
    pub fn header(&self) -> &CtdcHeader {
        &self.header
    }

    /// How many rows have been read so far (mapped or not): every line after the header but
    /// the empty ones, each of which has yielded one record or one error.
    pub fn rows_read(&self) -> u64 {
        self.row
    }
}

#[cfg(feature = "ctdc")]
impl<R: std::io::Read> Iterator for CtdcReader<R> {
    type Item = Result<CtdcRecord, CtdcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        loop {
            match self.lines.next_line() {
                Ok(Line::Read) if self.lines.line.is_empty() => {}
                Ok(Line::Read) => {
                    self.row += 1;
                    let row = self.row;
                    if let Err(field) = self.cells.split(&self.lines.line) {
                        return Some(Err(CtdcError::UnclosedQuote {
                            row,
                            field,
                            column: self.header.column_at(field.saturating_sub(1)),
                        }));
                    }
                    // Cells that are not UTF-8 become replacement characters, which no column
                    // the mapping reads accepts; unread columns do not matter.
                    let fields: Vec<std::borrow::Cow<'_, str>> = self.cells.fields().collect();
                    return Some(CtdcRecord::from_fields(&self.header, row, &fields));
                }
                Ok(Line::TooLong) => {
                    self.row += 1;
                    return Some(Err(CtdcError::LineTooLong {
                        row: self.row,
                        limit: MAX_LINE_BYTES,
                    }));
                }
                Ok(Line::End) => {
                    self.finished = true;
                    return None;
                }
                Err(kind) => {
                    self.finished = true;
                    return Some(Err(CtdcError::Io {
                        after_row: self.row,
                        kind,
                    }));
                }
            }
        }
    }
}

/// What [`Lines::next_line`] found.
#[cfg(feature = "ctdc")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// A line, in [`Lines::line`] without its line end (empty for an empty line).
    Read,
    /// A line longer than [`MAX_LINE_BYTES`], read to its end and not kept.
    TooLong,
    /// The end of the input.
    End,
}

/// The input's physical lines, one at a time, each at most [`MAX_LINE_BYTES`] long. A line
/// ends at `\n`, `\r\n` or `\r` (as the `csv` crate the reader used until the thirty-fourth
/// session ended records), or at the end of the input.
#[cfg(feature = "ctdc")]
struct Lines<R> {
    input: std::io::BufReader<R>,
    /// The last line read, without its line end.
    line: Vec<u8>,
    /// The last line ended with `\r`: a `\n` right after it ends no other line.
    after_cr: bool,
}

#[cfg(feature = "ctdc")]
impl<R: std::io::Read> Lines<R> {
    fn new(reader: R) -> Lines<R> {
        Lines {
            input: std::io::BufReader::with_capacity(1 << 16, reader),
            line: Vec::new(),
            after_cr: false,
        }
    }

    /// Reads the next line into `self.line`. A line longer than [`MAX_LINE_BYTES`] is read
    /// to its end and dropped as it comes, so that memory stays bounded.
    fn next_line(&mut self) -> Result<Line, std::io::ErrorKind> {
        use std::io::BufRead;
        self.line.clear();
        let mut too_long = false;
        let mut started = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.kind()),
            };
            if available.is_empty() {
                break;
            }
            if std::mem::take(&mut self.after_cr) && available.first() == Some(&b'\n') {
                self.input.consume(1);
                continue;
            }
            started = true;
            let end = available.iter().position(|b| *b == b'\n' || *b == b'\r');
            let taken = end.map_or(available, |i| available.get(..i).unwrap_or_default());
            if !too_long {
                if self.line.len().saturating_add(taken.len()) > MAX_LINE_BYTES {
                    too_long = true;
                    self.line.clear();
                } else {
                    self.line.extend_from_slice(taken);
                }
            }
            match end {
                Some(i) => {
                    self.after_cr = available.get(i) == Some(&b'\r');
                    self.input.consume(i.saturating_add(1));
                    break;
                }
                None => {
                    let n = available.len();
                    self.input.consume(n);
                }
            }
        }
        Ok(match (started, too_long) {
            (false, _) => Line::End,
            (true, false) => Line::Read,
            (true, true) => Line::TooLong,
        })
    }
}

/// One line split into its cells by `csv-core`'s parser (the `csv` crate's, with `;` between
/// cells, `"` around them and `""` for a quote inside), its buffers reused from line to line.
#[cfg(feature = "ctdc")]
struct Cells {
    parser: csv_core::Reader,
    /// The cells' bytes, one after the other.
    output: Vec<u8>,
    /// Where each cell ends in `output`.
    ends: Vec<usize>,
    /// How many of `ends` the last line filled.
    fields: usize,
}

#[cfg(feature = "ctdc")]
impl Cells {
    fn new() -> Cells {
        Cells {
            parser: csv_core::ReaderBuilder::new()
                .delimiter(b';')
                .terminator(csv_core::Terminator::Any(b'\n'))
                .build(),
            output: Vec::new(),
            ends: vec![0; 64],
            fields: 0,
        }
    }

    /// Splits `line` (without its line end) into cells, or gives the position (from 1) of the
    /// cell whose quote the line does not close.
    fn split(&mut self, line: &[u8]) -> Result<(), usize> {
        // Each line is a record of its own: no state is carried over from the line before.
        // (So the parser skips a byte-order mark at the start of any line, as the `csv` crate
        // skipped one at the start of the file.)
        self.parser.reset();
        if line
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(line)
            .is_empty()
        {
            // The parser would skip it as an empty line: it is one empty cell (the reader
            // skips an empty line before it gets here, but not a byte-order mark alone).
            match self.ends.first_mut() {
                Some(end) => *end = 0,
                None => self.ends.push(0),
            }
            self.fields = 1;
            return Ok(());
        }
        // The cells are never longer than the line and its line end; the buffers grow should
        // that ever be wrong, or the line have more cells than any before it.
        let needed = line.len().saturating_add(1);
        if self.output.len() < needed {
            self.output.resize(needed, 0);
        }
        let (mut written, mut ended) = (0usize, 0usize);
        // The line, then its line end, which ends the record unless a quote is still open.
        for input in [line, b"\n".as_slice()] {
            let mut read = 0usize;
            loop {
                let (result, n_in, n_out, n_ends) = self.parser.read_record(
                    input.get(read..).unwrap_or_default(),
                    self.output.get_mut(written..).unwrap_or_default(),
                    self.ends.get_mut(ended..).unwrap_or_default(),
                );
                read = read.saturating_add(n_in);
                written = written.saturating_add(n_out);
                ended = ended.saturating_add(n_ends);
                match result {
                    csv_core::ReadRecordResult::Record | csv_core::ReadRecordResult::End => {
                        self.fields = ended;
                        return Ok(());
                    }
                    csv_core::ReadRecordResult::InputEmpty => break,
                    csv_core::ReadRecordResult::OutputFull => {
                        let len = self.output.len().saturating_mul(2).max(1);
                        self.output.resize(len, 0);
                    }
                    csv_core::ReadRecordResult::OutputEndsFull => {
                        let len = self.ends.len().saturating_mul(2).max(1);
                        self.ends.resize(len, 0);
                    }
                }
            }
        }
        // The line end was read inside a quoted cell: the cell after the last one ended is
        // open.
        self.fields = 0;
        Err(ended.saturating_add(1))
    }

    /// The cells of the last line split, as text (a cell that is not UTF-8 with replacement
    /// characters).
    fn fields(&self) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
        let ends = self.ends.get(..self.fields).unwrap_or_default();
        let starts = std::iter::once(0).chain(ends.iter().copied());
        starts.zip(ends.iter().copied()).map(|(start, end)| {
            String::from_utf8_lossy(self.output.get(start..end).unwrap_or_default())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_fact_crosswalk_names_facts_and_columns() {
        let crosswalk = FactCrosswalk::builtin();
        assert_eq!(crosswalk.problems(&Catalogue::builtin()), Vec::new());
        let header = CtdcHeader::required_columns();
        for row in &crosswalk.rows {
            assert!(header.contains(&row.column.as_str()), "{}", row.column);
        }
        // Every purpose fact CTDC can express, and the act of recruitment, are reached.
        for id in [
            "purpose_sexual_exploitation",
            "purpose_forced_labour_or_services",
            "purpose_forced_marriage",
            "purpose_organ_removal",
            "purpose_slavery_or_servitude",
            "purpose_forced_begging",
            "purpose_forced_criminality",
            "act_recruitment",
        ] {
            assert!(
                crosswalk.rows.iter().any(|r| r.indicator.as_str() == id),
                "{id}"
            );
        }
    }

    #[test]
    fn builtin_crosswalk_has_no_problems() {
        let problems = Crosswalk::builtin().problems(&Catalogue::builtin());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_column_has_a_target_order_and_name() {
        for (i, c) in ControlColumn::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.column()));
        }
        // Every target's columns are real rows.
        for t in targets() {
            assert!(!t.columns.is_empty());
        }
    }

    #[test]
    fn an_invalid_cell_is_named_by_row_and_column_and_its_value_never_shown() {
        // Short tokens too: a first name, an age, a code can each describe a person. The
        // message is the same whatever the value, so it cannot carry any of it.
        let values = [
            "Kim",
            "17",
            "2",
            "Teen",
            "Minji",
            "she was beaten",
            "Ünï",
            "-99",
        ];
        let messages = |value: &str| {
            [
                binary(3, "isAbduction", value).err(),
                keyword(
                    3,
                    "majorityStatus",
                    value,
                    &[("Adult", Some(()))],
                    "`Adult`",
                )
                .err(),
                year(3, value).err(),
            ]
            .map(|e| e.map(|e| e.to_string()))
        };
        let reference = messages("x");
        for message in reference.iter() {
            let Some(text) = message else {
                panic!("`x` is valid in no column");
            };
            assert!(text.starts_with("row 3, column `"), "{text}");
            assert!(text.ends_with("; the value found is not shown"), "{text}");
        }
        for value in values {
            assert_eq!(messages(value), reference, "{value}");
        }
    }

    #[test]
    fn years_are_checked() {
        assert_eq!(year(1, "2019"), Ok(Some(2019)));
        assert_eq!(year(1, ""), Ok(None));
        assert!(year(1, "19").is_err());
        assert!(year(1, "3019").is_err());
        assert!(year(1, "+201").is_err());
    }
}
