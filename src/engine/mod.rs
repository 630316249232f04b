//! The engine: a validated rule set compiled against a catalogue, and the assessment of a case as a pipeline of steps.

pub(crate) mod assessor;

pub use assessor::*;
