//! Catalogue extensions: any bytes must give an extended catalogue or a typed error; an
//! extension that loads must work with a rule set that weighs its lists: the rule set
//! compiles (when the lists fit the limit a rule set has), and a case recording its first 20
//! entries present reads and assesses (an assessment, not an error) with a score, a level and
//! contributions that hold together.
//!
//! The checks live in `fuzz/checks/catalogue.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::catalogue::check(data));
