//! Question priors: any bytes must give a priors document or a typed error naming where (a
//! path of tokens, never the document's text); a document that reads and fits the catalogue
//! must rank the questions of a case without a panic and without changing its level, score or
//! number of open questions; one that does not fit is refused only for its list weights.
//!
//! The checks live in `fuzz/checks/priors.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::priors::check(data));
