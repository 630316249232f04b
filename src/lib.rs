//! # trafficking-indicators
//!
//! Where officials have no agreed indicators for identifying victims of human trafficking,
//! victims are missed, and some are treated as criminals: arrested for irregular status or
//! for offences they were forced to commit. This crate turns the internationally agreed
//! indicators into a typed, testable, explainable assessment that any program can embed:
//!
//! - the **catalogue** ([`Catalogue`]): the ILO/European Commission operational indicators
//!   (2009) for adults and children in labour exploitation, the UNODC indicator items and a
//!   few documented context items, each [`IndicatorEntry`] with its [`Dimension`],
//!   [`Strength`], wording, lists, [`Provenance`] (with the verification mark of its source)
//!   and crosswalks to the ILO 2012 forced-labour indicators and the CTDC data columns;
//! - the **case** ([`Case`]): what a caseworker recorded, each [`Observation`] present,
//!   absent or not assessed, with its evidence source; the person's age, disability and
//!   nationality; the forms of exploitation considered and the sector; offences the person
//!   faces and measures pending (detention, removal, refusal of entry);
//! - the **rule set** ([`RuleSet`]): the policy, as data: weights, the ILO/EC combination
//!   rule, the Palermo person-level rule, reasonable-grounds criteria, non-punishment links
//!   and recommendations, each with its sources. Built in: `ilo-2009` (default), `kr-2024`
//!   and `kr-2023` (Korea's 2021 Act: means not required for children or youth under 19 or
//!   persons with disabilities; the purpose also evidenced by the exploitation itself, in any
//!   form);
//! - the **assessment** ([`Assessment`]): a [`Level`] (`no_indicators` < `further_inquiry` <
//!   `reasonable_grounds` < `definition_met`), a score from 0 to 100 whose contributions sum
//!   to it, the range both could take once the open questions are answered, an
//!   [`Explanation`] an auditor can check line by line, what to ask next, and
//!   [`Recommendation`]s with their legal sources (protection pending identification,
//!   referral, recovery and reflection period, non-removal, non-punishment, child protection;
//!   under the Korean rule sets, Korean law) and, where the rule set names a directory,
//!   [who to call](policy::ContactDirectory). Decision support, never a legal determination.
//!
//! ## Layout
//!
//! One folder per phase a case goes through, each with one job:
//!
//! | module | its job |
//! |---|---|
//! | [`model`] | the shared vocabulary: ids, dimensions, strengths, elements, forms, levels, limits, the errors |
//! | [`case`] | the case and its strict reader |
//! | [`catalogue`] | the indicator catalogue, its extensions and the question priors |
//! | [`policy`] | rule sets (types, built-ins, validation), context conditions and contact directories |
//! | `engine` (internal) | a rule set compiled against a catalogue: the [`Assessor`] |
//! | [`assessment`] | what an assessment says: level, score, ranges, explanation, recommendations |
//! | [`interview`] | the guided interview: the next question, answers, undo, resume |
//! | [`render`] | what a person reads: the locale data (English, Korean) and the text report |
//! | [`interop`] | JSON Lines batches, CTDC and HTCDS, the JSON Schemas, synthetic cases |
//!
//! A file never imports, directly or through others, a file that imports it back (a test
//! checks it). The reasons behind the design are in [`design`].
//!
//! ## Example
//!
//! ```
//! use trafficking_indicators::{assess, Case, Level, RecommendationKind};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let case = Case::from_json(r#"{
//!     "case_reference": "FISH-0042",
//!     "subject": { "age_years": 27 },
//!     "forms": ["labour"],
//!     "observations": [
//!         { "indicator": "confiscation_of_documents_at_destination", "status": "present", "source": "self_report" },
//!         { "indicator": "excessive_working_days_or_hours", "status": "present", "source": "self_report" },
//!         { "indicator": "withholding_of_wages", "status": "present", "source": "document" },
//!         { "indicator": "deceived_about_wages", "status": "not_assessed" }
//!     ],
//!     "offences": [ { "kind": "irregular_stay", "stage": "charged" } ]
//! }"#)?;
//!
//! let assessment = assess(&case)?;
//! assert_eq!(assessment.level, Level::ReasonableGrounds);
//! assert!(assessment.level_range.could_change); // open questions could raise it
//! let advisory = assessment.recommendation(RecommendationKind::NonPunishment);
//! assert!(advisory.is_some()); // the irregular stay is linked to the confiscated passport
//! println!("{}", assessment.report());
//! # Ok(())
//! # }
//! ```
//!
//! A rule set of your own is validated against the catalogue before it can assess:
//!
//! ```
//! use std::sync::Arc;
//! use trafficking_indicators::{Assessor, Catalogue, RuleSet};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut rules = RuleSet::builtin("ilo-2009")?.clone();
//! rules.id = "my-policy".into();
//! rules.weights.strong = -1.0; // a mistake
//! let problems = trafficking_indicators::validate(&rules, &Catalogue::builtin());
//! assert_eq!(problems[0].path, "$.weights.strong");
//! assert!(Assessor::new(rules, Catalogue::builtin()).is_err());
//! # Ok(())
//! # }
//! ```
//!
//! ## Privacy
//!
//! Case data is about real victims. No error message or `Display` output of this crate
//! contains the text of a note, a case reference or any other value from a case; free-text
//! types redact themselves in `Debug` output. [`ParseOptions::revealing_values`] attaches the
//! offending value to parse errors for a developer debugging locally; it is off by default.
//!
//! ## In a service
//!
//! - An [`Assessor`] is immutable and `Send + Sync`, and [`Assessor::assess`] takes `&self`:
//!   share one across threads. The built-in ones are `&'static` ([`Assessor::builtin`]); one
//!   of your own goes in an `Arc` (it is not `Clone`). Its `{:?}` is one line: the rule set,
//!   its version, the two digests and the catalogue's size.
//! - A case from a request body: call [`Case::from_json`] on the body's text. It refuses a case
//!   over the size limit before reading it and returns the typed [`CaseError`] with its path.
//!   Deserializing a [`Case`] through serde (a web framework's JSON extractor) uses the same
//!   reader but cannot apply the size limit, and its error is the deserializer's.
//! - An [`Interview`](interview::Interview) borrows its assessor and keeps the undo history of
//!   one session. Between two requests keep the case (`interview.case().to_json_pretty()`)
//!   and build the interview again from it: it asks the same next question (an undo then
//!   reaches only the answers given since).
//! - [`interop::batch::assess_jsonl`] reads and writes with blocking I/O on the calling thread
//!   (and assesses there or on worker threads, [`interop::batch::BatchOptions::threads`]); in
//!   an async runtime, run it on a blocking thread.
//! - Feature `ctdc`: the reader of the Counter Trafficking Data Collaborative's CSV files
//!   (`interop::ctdc::CtdcReader`, one more dependency, `csv-core`; the crosswalks and the
//!   row mapping are there without it). The minimum Rust is 1.88.
//!
//! ## Sources and their marks
//!
//! Every fact is marked as in the project's domain notes: `verified` (read in the issuing
//! body's text or a faithful reproduction), `secondary` (only in a non-authoritative source),
//! `unverified` (a flagged recollection, encoded only as a configurable default) or
//! `project_judgement` (a choice made here, with its reason). The ILO/EC strengths and the
//! dimension rule are secondary; the person-level rule is unverified. Assessments say so in
//! their notices.

// The lints (no `unsafe`, documented public items, and no `unwrap`, `expect`, `panic!` or
// unchecked indexing) are set for every target in the `[lints]` table of Cargo.toml; the unit
// tests may use them:
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

// The phases a case goes through, one folder each (see DESIGN.md, "Layout").
pub mod assessment;
pub mod case;
pub mod catalogue;
mod engine;
pub mod interop;
pub mod interview;
pub mod model;
pub mod policy;
pub mod render;

pub use assessment::{
    AgeBasis, AgeQuestion, Assessment, Disposition, Explanation, Level, Question, Recommendation,
    RecommendationKind,
};
pub use case::{
    Case, EvidenceSource, Observation, ObservationStatus, Offence, OffenceKind, OffenceStage,
    ParseOptions, Subject,
};
pub use catalogue::{Catalogue, CatalogueDocument, IndicatorList};
pub use engine::Assessor;
pub use model::{
    ActEvidenceMark, AgeGroup, BackgroundMark, CaseError, CatalogueError, ConceptId,
    ContactDirectoryError, Dimension, ExploitationForm, IndicatorEntry, IndicatorId, Limits,
    ListId, PalermoElement, PriorsError, Problem, Problems, Provenance, RuleSetError, Strength,
    Verification,
};
pub use policy::{AgeRule, DEFAULT_RULE_SET, RuleSet, validate};

#[doc = include_str!("../DESIGN.md")]
pub mod design {}

/// Assesses a case with the default rule set (`ilo-2009`) and the built-in catalogue.
///
/// The error says what in the case is wrong: an unknown indicator id, conflicting
/// observations, a value out of range. To assess with another rule set or catalogue, build an
/// [`Assessor`].
///
/// # Example
///
/// ```
/// use trafficking_indicators::{Case, Level, assess};
///
/// let case = Case::from_json(r#"{ "subject": { "age_years": 30 }, "observations": [
///     { "indicator": "confiscation_of_documents_at_destination", "status": "present" } ] }"#)?;
/// let assessment = assess(&case)?;
/// assert!(assessment.level >= Level::FurtherInquiry);
/// println!("{}", assessment.report());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(case: &Case) -> Result<Assessment, CaseError> {
    Assessor::default_builtin().assess(case)
}
