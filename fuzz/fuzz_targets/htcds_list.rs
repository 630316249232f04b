//! HTCDS `vic_MethodsOfControl` values as exported (`;`- or space-separated): any text gives the
//! values, each once and in order, or a typed error giving the item's position; values read back
//! the same when written out again either way; and no error repeats a marker planted for every
//! `@@` of the input (an error never quotes a value: it is about a person).
//!
//! The checks live in `fuzz/checks/htcds_list.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::htcds_list::check(data));
