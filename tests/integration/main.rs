//! The integration tests: one test binary (fast to build), one module per concern.

mod assessment;
mod case_format;
mod catalogue;
mod combination_rule;
mod common;
mod person_rule;
mod properties;
