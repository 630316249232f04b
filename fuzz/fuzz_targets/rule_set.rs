//! Rule set parsing plus validation: any bytes must give a rule set or a typed error; a rule
//! set compiles exactly when it validates, and one that does must assess a bundled case (an
//! assessment whose score, level and contributions hold together), unless the rule set
//! weighs none of the lists of one of the case's indicators (a valid rule set may leave a
//! list out: the case is then refused with `IndicatorNotInRuleSet`, and nothing else).
//!
//! The checks live in `fuzz/checks/rule_set.rs`, shared with the property tests of
//! `tests/integration/fuzz_checks.rs`, which run them on generated inputs and on this target's
//! seeds in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::rule_set::check(data));
