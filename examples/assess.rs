//! Assess a case file: prints the assessment as JSON (default) or as the caseworker's text
//! report.
//!
//! ```text
//! cargo run --example assess -- examples/cases/fisher_distant_water.json
//! cargo run --example assess -- --format text examples/cases/fisher_distant_water.json
//! cargo run --example assess -- --lang ko --rule-set kr-2024 examples/cases/kr_distant_water_fisher.json
//! cat case.json | cargo run --example assess -- --rule-set kr-2024 -
//! ```
//!
//! On bad input it exits with status 1 and one line naming the problem (never the case's
//! free text). Exit status 2 means the command line itself was wrong.

use std::process::ExitCode;

mod common;

use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, ParseOptions, RuleSet};

const HELP: &str = "\
assess: screen one case file for indicators of human trafficking

USAGE:
    assess [OPTIONS] <CASE.json | ->

ARGS:
    <CASE.json>   a case document (see schemas/case.schema.json); `-` reads standard input

OPTIONS:
    --format json     print the assessment as JSON (default): level, score, score range,
                      level range, rule set stamp, explanation and recommendations
    --format text     print the plain-text report a caseworker reads on one screen
    --lang en|ko      the language of the text: with no --format, print the report in it;
                      with --format json, print {assessment, prose}: the
                      language-neutral assessment and its texts in that language
    --rule-set ID     a built-in rule set: ilo-2009, kr-2024 or kr-2023 (default: ilo-2009;
                      kr-2024, Korean law, with --lang ko)
    --rules FILE      a rule set file of your own (validated before use)
    --reveal-values   attach offending values to parse errors (local debugging only:
                      values may be a victim's words)
    -h, --help        print this help

EXIT STATUS:
    0 assessed; 1 the case or rule set is invalid; 2 bad command line
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
}

struct Args {
    format: Format,
    lang: Option<Locale>,
    rule_set: Option<String>,
    rules_file: Option<String>,
    reveal: bool,
    input: String,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut format = None;
    let mut lang = None;
    let mut rule_set = None;
    let mut rules_file = None;
    let mut reveal = false;
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" => match args.next().as_deref() {
                Some("json") => format = Some(Format::Json),
                Some("text") => format = Some(Format::Text),
                _ => return Err("--format takes `json` or `text`".into()),
            },
            "--lang" => match args.next().as_deref().and_then(Locale::from_tag) {
                Some(l) => lang = Some(l),
                None => return Err("--lang takes `en` or `ko`".into()),
            },
            "--rule-set" => rule_set = Some(args.next().ok_or("--rule-set takes an id")?),
            "--rules" => rules_file = Some(args.next().ok_or("--rules takes a file")?),
            "--reveal-values" => reveal = true,
            other if other.starts_with("--") => {
                return Err(format!("unknown option `{other}` (see --help)"));
            }
            other => {
                if input.replace(other.to_owned()).is_some() {
                    return Err("give one case file".into());
                }
            }
        }
    }
    let input = input.ok_or("give a case file, or `-` for standard input (see --help)")?;
    // Mistakes of the command line (exit status 2), found before any file is read.
    if rules_file.is_some() && rule_set.is_some() {
        return Err("give --rule-set or --rules, not both".into());
    }
    if let Some(id) = &rule_set {
        RuleSet::builtin(id).map_err(|e| e.to_string())?;
    }
    let format = match (format, lang) {
        (Some(f), _) => f,
        (None, Some(_)) => Format::Text,
        (None, None) => Format::Json,
    };
    Ok(Some(Args {
        format,
        lang,
        rule_set,
        rules_file,
        reveal,
        input,
    }))
}

fn run(args: Args) -> Result<String, String> {
    let lang = args.lang.unwrap_or_default();
    let assessor: Box<dyn std::ops::Deref<Target = Assessor>> =
        match (&args.rules_file, &args.rule_set) {
            (Some(_), Some(_)) => return Err("give --rule-set or --rules, not both".into()),
            (Some(file), None) => {
                let text = common::read_text(file, lang)?;
                let rules = RuleSet::from_json(&text).map_err(|e| format!("{file}: {e}"))?;
                let assessor = Assessor::new(rules, trafficking_indicators::Catalogue::builtin())
                    .map_err(|e| format!("{file}: {e}"))?;
                Box::new(Box::new(assessor))
            }
            (None, id) => {
                // Korean means Korean law unless a rule set is named.
                let default = match args.lang {
                    Some(Locale::Ko) => "kr-2024",
                    _ => trafficking_indicators::DEFAULT_RULE_SET,
                };
                let id = id.as_deref().unwrap_or(default);
                Box::new(Assessor::builtin(id).map_err(|e| e.to_string())?)
            }
        };
    let text = common::read_text(&args.input, lang)?;
    let options = if args.reveal {
        ParseOptions::revealing_values()
    } else {
        ParseOptions::new()
    };
    let name = if args.input == "-" {
        lang.word("file.standard_input").unwrap_or("<stdin>")
    } else {
        &args.input
    };
    // The case's errors in the reader's language (`--lang`), English by default.
    let case = Case::from_json_with(&text, options)
        .map_err(|e| format!("{name}: {}", e.message_in(lang)))?;
    let assessment = assessor
        .assess(&case)
        .map_err(|e| format!("{name}: {}", e.message_in(lang)))?;
    Ok(match (args.format, args.lang) {
        (Format::Json, None) => assessment.to_json_pretty(),
        (Format::Json, Some(lang)) => {
            let both = serde_json::json!({
                "assessment": serde_json::to_value(&assessment).map_err(|e| e.to_string())?,
                "prose": serde_json::to_value(assessment.prose(lang)).map_err(|e| e.to_string())?,
            });
            serde_json::to_string_pretty(&both).map_err(|e| e.to_string())?
        }
        (Format::Text, lang) => assessment.report_in(lang.unwrap_or_default()),
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("assess: {message}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(output) => match common::print(output.trim_end()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("assess: {message}");
                ExitCode::from(1)
            }
        },
        Err(message) => {
            // One line: the error types never contain newlines except `Problems`, whose
            // lines are indented continuations of the same message.
            eprintln!("assess: {message}");
            ExitCode::from(1)
        }
    }
}
