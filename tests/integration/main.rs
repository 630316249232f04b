//! The integration tests: one test binary (fast to build), one module per concern.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod assessment;
mod assessment_json;
mod batch;
mod bundled_cases;
mod case_format;
mod catalogue;
mod cli;
mod combination_rule;
mod common;
mod ctdc;
mod data_cases;
mod differential;
mod docs;
mod fuzz_checks;
mod htcds;
mod interview;
mod korea;
mod layout;
mod limits;
mod locale;
mod page_requests;
mod person_rule;
mod privacy;
mod properties;
mod robustness;
mod rule_sets;
mod schemas;
