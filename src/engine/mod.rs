//! The engine: a rule set compiled against a catalogue, and the assessment of a case as a
//! pipeline of steps, one file each, in the order they run.

pub(crate) mod advice;
pub(crate) mod assess;
pub(crate) mod assessor;
pub(crate) mod explain;
pub(crate) mod person;
pub(crate) mod questions;
pub(crate) mod read;
pub(crate) mod rules;
pub(crate) mod tally;

pub use assessor::*;
