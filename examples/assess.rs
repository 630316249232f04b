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

#[macro_use]
mod common;

use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, ParseOptions, RuleSet};

// The help and the usage errors are in the locale files (`cli.assess.help`, `cli.error.*`),
// in the language `--lang` names.

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

fn parse_args(words: Locale) -> Result<Option<Args>, String> {
    let word = |key: &str| words.word_or_key(key).to_owned();
    let mut format = None;
    let mut lang = None;
    let mut rule_set = None;
    let mut rules_file = None;
    let mut reveal = false;
    let mut input = None;
    // An option given twice is a mistake, never a silent choice of one of its values.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" => {
                given.once("--format", words)?;
                match args.next().as_deref() {
                    Some("json") => format = Some(Format::Json),
                    Some("text") => format = Some(Format::Text),
                    _ => return Err(word("cli.error.format")),
                }
            }
            "--lang" => {
                given.once("--lang", words)?;
                match args.next().as_deref().and_then(Locale::from_tag) {
                    Some(l) => lang = Some(l),
                    None => return Err(word("cli.error.lang")),
                }
            }
            "--rule-set" => {
                given.once("--rule-set", words)?;
                rule_set = Some(
                    args.next()
                        .ok_or_else(|| word("cli.error.rule_set_value"))?,
                );
            }
            "--rules" => {
                given.once("--rules", words)?;
                rules_file = Some(args.next().ok_or_else(|| word("cli.error.rules_value"))?)
            }
            "--reveal-values" => {
                given.once("--reveal-values", words)?;
                reveal = true;
            }
            other if other.starts_with("--") => {
                return Err(common::unknown_argument(other, words));
            }
            other => {
                if input.replace(other.to_owned()).is_some() {
                    return Err(word("cli.error.one_case"));
                }
            }
        }
    }
    let input = input.ok_or_else(|| word("cli.error.no_case"))?;
    // Mistakes of the command line (exit status 2), found before any file is read.
    if rules_file.is_some() && rule_set.is_some() {
        return Err(word("cli.error.rule_set_and_rules"));
    }
    if let Some(id) = &rule_set {
        RuleSet::builtin(id).map_err(|_| common::unknown_rule_set(words))?;
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
            (Some(_), Some(_)) => {
                return Err(lang.word_or_key("cli.error.rule_set_and_rules").to_owned());
            }
            (Some(file), None) => {
                let role = "file.role.rule_set";
                let text = common::read_text(file, role, lang)?;
                let named = |e: &dyn std::fmt::Display| format!("{}: {e}", lang.word_or_key(role));
                let rules = RuleSet::from_json(&text).map_err(|e| named(&e))?;
                let assessor = Assessor::new(rules, trafficking_indicators::Catalogue::builtin())
                    .map_err(|e| named(&e))?;
                Box::new(Box::new(assessor))
            }
            (None, id) => {
                let id = id.as_deref().unwrap_or(common::default_rule_set(lang));
                Box::new(Assessor::builtin(id).map_err(|e| e.to_string())?)
            }
        };
    let text = common::read_text(&args.input, "file.role.case", lang)?;
    let options = if args.reveal {
        ParseOptions::revealing_values()
    } else {
        ParseOptions::new()
    };
    // Named by its role, never its path: a case file is often named after the person.
    let name = if args.input == "-" {
        lang.word_or_key("file.standard_input")
    } else {
        lang.word_or_key("file.role.case")
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
            serde_json::to_string_pretty(&assessment.with_prose(lang)).map_err(|e| e.to_string())?
        }
        (Format::Text, lang) => assessment.report_in(lang.unwrap_or_default()),
    })
}

fn main() -> ExitCode {
    let words = common::cli_lang();
    let args = match parse_args(words) {
        Ok(Some(args)) => args,
        Ok(None) => {
            out!("{}", words.word_or_key("cli.assess.help"));
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
