//! The fuzz targets' checks, one module per target: `check(data)` takes the input's bytes and
//! panics (an assertion) on a finding. Each target in `fuzz/fuzz_targets/` calls its module;
//! `tests/integration/fuzz_checks.rs` includes this folder too and runs the same checks on
//! generated inputs and on every committed seed, so each input surface has property tests with
//! the invariants of its fuzz target. `ctdc_file` reads through `CtdcReader`, so it is compiled
//! with the feature `ctdc` only (the fuzz package turns it on).

pub mod batch_line;
pub mod case;
pub mod catalogue;
pub mod common;
pub mod contacts;
#[cfg(feature = "ctdc")]
pub mod ctdc_file;
pub mod ctdc_header;
pub mod ctdc_row;
pub mod htcds_list;
pub mod interview;
pub mod locale;
pub mod priors;
pub mod rule_set;
