//! The fuzz target `ctdc_file`: bytes as the rows of a CTDC file, under the real file's header,
//! through `CtdcReader`. What it checks is written once, in `tests/fuzz_checks/ctdc_file.rs`,
//! which `tests/integration/fuzz_checks.rs` also runs (with `--features ctdc`), on every seed
//! and on generated inputs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
#[allow(dead_code)] // each target calls one module's check
mod checks;

fuzz_target!(|data: &[u8]| checks::ctdc_file::check(data));
