//! Interview answer sequences through the library's `Interview`: any sequence of replies
//! (with and without a source), skips, undos, ages, years and forms keeps the case valid and
//! assessable after every step, every next question has words in English and Korean (the
//! adult's or, once the person is a child, the child's), and the saved case resumes at the
//! same question.
//!
//! The checks live in `fuzz/checks/interview.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::interview::check(data));
