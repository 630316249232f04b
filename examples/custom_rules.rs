//! Load a rule set of your own, validate it (printing every problem with its JSON path), and
//! assess a case with it. Optionally extend the built-in catalogue with a national list first.
//!
//! ```text
//! cargo run --example custom_rules -- examples/rule_sets/strict_screening.json examples/cases/early_interview.json
//! cargo run --example custom_rules -- examples/rule_sets/five_mistakes.json examples/cases/fisher_distant_water.json
//! cargo run --example custom_rules -- --extend examples/rule_sets/national_list.json RULES.json CASE.json
//! ```

use std::process::ExitCode;
use std::sync::Arc;

use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, validate};

const HELP: &str = "\
custom_rules: validate a rule set file and assess a case with it

USAGE:
    custom_rules [--extend CATALOGUE.json] [--format json|text] <RULES.json> <CASE.json>

Every problem in the rule set is printed with its JSON path; an invalid rule set never
assesses (exit status 1).
";

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

fn run() -> Result<ExitCode, String> {
    let mut extend = None;
    let mut text = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--extend" => extend = Some(args.next().ok_or("--extend takes a file")?),
            "--format" => {
                text = match args.next().as_deref() {
                    Some("text") => true,
                    Some("json") => false,
                    _ => return Err("--format takes `json` or `text`".into()),
                }
            }
            _ => files.push(arg),
        }
    }
    let [rules_path, case_path] = files.as_slice() else {
        return Err("give a rule set file and a case file (see --help)".into());
    };
    let mut catalogue = Catalogue::builtin();
    if let Some(path) = &extend {
        let extended = catalogue
            .extend_from_json(&read(path)?)
            .map_err(|e| format!("{path}: {e}"))?;
        catalogue = Arc::new(extended);
    }
    let rules = RuleSet::from_json(&read(rules_path)?).map_err(|e| format!("{rules_path}: {e}"))?;
    let problems = validate(&rules, &catalogue);
    if !problems.is_empty() {
        eprintln!("{rules_path}: {} problem(s):", problems.len());
        for p in &problems {
            eprintln!("  {p}");
        }
        return Ok(ExitCode::from(1));
    }
    println!(
        "rule set `{}` v{} is valid; digest {}",
        rules.id,
        rules.version,
        rules.digest()
    );
    let assessor = Assessor::new(rules, catalogue).map_err(|e| e.to_string())?;
    let case = Case::from_json(&read(case_path)?).map_err(|e| format!("{case_path}: {e}"))?;
    let assessment = assessor
        .assess(&case)
        .map_err(|e| format!("{case_path}: {e}"))?;
    if text {
        print!("{}", assessment.report());
    } else {
        println!("{}", assessment.to_json_pretty());
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    run().unwrap_or_else(|message| {
        eprintln!("custom_rules: {message}");
        ExitCode::from(1)
    })
}
