//! Write the JSON Schemas of the case, assessment, rule set, catalogue and contact directory
//! formats to a folder (default `schemas/`), for integrators in other languages to build
//! forms and validate data.
//!
//! ```text
//! cargo run --example export_schema             # writes schemas/*.schema.json
//! cargo run --example export_schema -- out/     # writes out/*.schema.json
//! ```

use std::path::PathBuf;
#[allow(dead_code)] // of the shared helpers, this example uses the printing macros and `unknown_argument`
#[macro_use]
mod common;

use std::process::ExitCode;
use trafficking_indicators::render::Locale;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        outln!(
            "export_schema: write the JSON Schemas to a folder\n\nUSAGE:\n    export_schema [DIR]   (default: schemas/)"
        );
        return ExitCode::SUCCESS;
    }
    // A folder is never named after a mistyped option (`--dry-run` would be created).
    if let Some(option) = args.iter().find(|a| a.starts_with('-')) {
        eprintln!(
            "export_schema: {}",
            common::unknown_argument(option, Locale::En)
        );
        return ExitCode::from(2);
    }
    if args.len() > 1 {
        eprintln!("export_schema: give at most one folder");
        return ExitCode::from(2);
    }
    let dir = PathBuf::from(args.first().map_or("schemas", String::as_str));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("export_schema: cannot create `{}`: {e}", dir.display());
        return ExitCode::from(1);
    }
    for file in trafficking_indicators::interop::schema::schemas() {
        let path = dir.join(file.file_name);
        if let Err(e) = std::fs::write(&path, file.to_file_text()) {
            eprintln!("export_schema: cannot write `{}`: {e}", path.display());
            return ExitCode::from(1);
        }
        outln!("{}", path.display());
    }
    ExitCode::SUCCESS
}
