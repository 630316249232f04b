//! CTDC rows: any row of cells (split at `;`) under the real file's header gives a record or a typed
//! error naming the row and column; a record assesses. Every `@@` of the input becomes a marker,
//! and no error message may repeat it: a cell is about a person, and an error never quotes one.
//!
//! The checks live in `fuzz/checks/ctdc_row.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::ctdc_row::check(data));
