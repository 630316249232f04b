//! JSON Lines batches: any bytes give one record per non-blank line, each valid JSON, and a
//! summary that adds up.
//!
//! The checks live in `fuzz/checks/batch_line.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::batch_line::check(data));
