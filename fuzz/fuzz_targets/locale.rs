//! The fuzz target `locale`. What it checks is written once, in `tests/fuzz_checks/locale.rs`,
//! which `tests/integration/fuzz_checks.rs` also runs, on every seed and on generated inputs,
//! in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::locale::check(data));
