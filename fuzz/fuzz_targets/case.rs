//! Case parsing plus assessment under every built-in rule set: any bytes must give a case or a
//! typed error, never a panic; a parsed case must assess or give a typed error; an error's
//! message (of the reader or of the assessment), in English or Korean, must never carry the
//! marker the target plants wherever the input has `@@` (in a note, a visa, a key, an id:
//! anywhere); the assessment JSON must be
//! byte for byte what serde_json writes; the fast reader behind `Case::from_json` must read
//! every document as `Case`'s serde `Deserialize` does (the same case, or both an error).
//!
//! The checks live in `fuzz/checks/case.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::case::check(data));
