//! Load a rule set of your own, validate it (printing every problem with its JSON path), and
//! assess a case with it. Optionally extend the built-in catalogue with a national list first,
//! and name an agency's own services (`--contacts`, a contact directory in the format of
//! `schemas/contact_directory.schema.json`).
//!
//! ```text
//! cargo run --example custom_rules -- examples/rule_sets/strict_screening.json examples/cases/early_interview.json
//! cargo run --example custom_rules -- examples/rule_sets/five_mistakes.json examples/cases/fisher_distant_water.json
//! cargo run --example custom_rules -- --extend examples/rule_sets/national_list.json RULES.json CASE.json
//! cargo run --example custom_rules -- --extend examples/rule_sets/kr_national_list_example.json --format text --lang ko kr-2024 examples/rule_sets/kr_national_list_case.json
//! cargo run --example custom_rules -- --contacts MY_DIRECTORY.json --format text --lang ko kr-2024 CASE.json
//! cargo run --example custom_rules -- --canonical rule_set kr-2024 | sha256sum
//! ```
//!
//! With `--canonical rule_set` (or `catalogue`), the canonical JSON of the rule set (or of the
//! catalogue, extended with `--extend`) is printed instead, with no final newline: the text
//! whose SHA-256 is the digest an assessment records, so any SHA-256 tool can check it.

use std::process::ExitCode;
use std::sync::Arc;

#[macro_use]
mod common;

use trafficking_indicators::policy::ContactDirectory;
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, validate};

const HELP: &str = "\
custom_rules: validate a rule set file and assess a case with it

USAGE:
    custom_rules [--extend CATALOGUE.json] [--contacts DIRECTORY.json] [--format json|text] [--lang en|ko] <RULES> <CASE.json>
    custom_rules [--extend CATALOGUE.json] --canonical rule_set <RULES>
    custom_rules [--extend CATALOGUE.json] --canonical catalogue [<RULES>]

Each option is given at most once (one extension).

--canonical prints the canonical JSON of the rule set (after validation) or of the catalogue
(the built-in one, extended with --extend; a rule set given is validated against it, and may
be left out), with no final newline: the text whose SHA-256 is
the digest an assessment records (`rule_set.digest`, `rule_set.catalogue_digest`), so that a
program in any language can check a digest: `custom_rules --canonical rule_set kr-2024 |
sha256sum`. The digest is printed on standard error.

RULES is a rule set file, or the id of a built-in rule set (ilo-2009, kr-2024, kr-2023).
With --contacts, the services named are an agency's own directory (the format of
schemas/contact_directory.schema.json, checked as the built-in one is) in place of the
directory the rule set names.
With --extend, the extension's lists are added to the catalogue and to the rule set's lists
(so that its items are weighed), and the rule set's id gets the suffix `-extended`.
Every problem in the rule set is printed with its JSON path; an invalid rule set never
assesses (exit status 1).
";

/// A mistake of the command line: exit status 2, as for the other examples.
fn usage(message: &str) -> Result<ExitCode, String> {
    eprintln!("custom_rules: {message} (see --help)");
    Ok(ExitCode::from(2))
}

fn run() -> Result<ExitCode, String> {
    let mut extend = None;
    let mut contacts = None;
    let mut canonical: Option<bool> = None; // Some(true): the rule set; Some(false): the catalogue
    let mut text = None;
    let mut lang_given = false;
    let mut lang = Locale::En;
    let mut files = Vec::new();
    // An option given twice is a mistake, never a silent choice of its last value (one
    // extension: a second `--extend` is refused, not dropped).
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let option = arg.as_str();
        if let Err(message) = given.check(
            option,
            &[
                "--extend",
                "--contacts",
                "--format",
                "--lang",
                "--canonical",
            ],
            Locale::En,
        ) {
            return usage(&message);
        }
        match option {
            "-h" | "--help" => {
                out!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--extend" => match args.next() {
                Some(file) => extend = Some(file),
                None => return usage("--extend takes a file"),
            },
            "--contacts" => match args.next() {
                Some(file) => contacts = Some(file),
                None => return usage("--contacts takes a file"),
            },
            "--canonical" => {
                canonical = match args.next().as_deref() {
                    Some("rule_set") => Some(true),
                    Some("catalogue") => Some(false),
                    _ => return usage("--canonical takes `rule_set` or `catalogue`"),
                }
            }
            "--format" => {
                text = match args.next().as_deref() {
                    Some("text") => Some(true),
                    Some("json") => Some(false),
                    _ => return usage("--format takes `json` or `text`"),
                }
            }
            "--lang" => match args.next().as_deref().and_then(Locale::from_tag) {
                Some(l) => {
                    lang = l;
                    lang_given = true;
                }
                None => return usage("--lang takes `en` or `ko`"),
            },
            other if other.starts_with("--") => {
                eprintln!(
                    "custom_rules: {}",
                    common::unknown_argument(other, Locale::En)
                );
                return Ok(ExitCode::from(2));
            }
            _ => files.push(arg),
        }
    }
    // The canonical JSON is one text whatever the language: an option that would have no
    // effect is refused, not ignored.
    if canonical.is_some() && contacts.is_some() {
        return usage("--canonical takes no --contacts (a directory has no digest in the stamp)");
    }
    if canonical.is_some() && (lang_given || text.is_some()) {
        return usage("--canonical takes neither --format nor --lang");
    }
    // As in `assess`: a language without a format asks for the text report.
    let text = text.unwrap_or(lang_given);
    let (rules_path, case_path) = match (files.as_slice(), canonical) {
        // The catalogue's canonical JSON needs no rule set: the built-in catalogue, or the
        // one `--extend` makes.
        ([], Some(false)) => (None, None),
        ([rules], Some(_)) => (Some(rules), None),
        ([rules, case], None) => (Some(rules), Some(case)),
        (_, Some(false)) => {
            return usage("with --canonical catalogue, give at most a rule set file");
        }
        (_, Some(true)) => return usage("with --canonical, give a rule set file alone"),
        (_, None) => return usage("give a rule set file and a case file"),
    };
    let mut rules = match rules_path {
        None => None,
        Some(path) => Some(match RuleSet::builtin(path) {
            Ok(builtin) => builtin.clone(),
            Err(_) => RuleSet::from_json(&common::read_text(path, "file.role.rule_set", lang)?)
                .map_err(|e| format!("{}: {e}", lang.word_or_key("file.role.rule_set")))?,
        }),
    };
    let mut catalogue = Catalogue::builtin();
    if let Some(path) = &extend {
        let text = common::read_text(path, "file.role.catalogue", lang)?;
        let extended = catalogue
            .extend_from_json(&text)
            .map_err(|e| format!("{}: {e}", lang.word_or_key("file.role.catalogue")))?;
        // The library's reader, as for the extension itself (a byte-order mark is skipped).
        let document = trafficking_indicators::CatalogueDocument::from_json(&text)
            .map_err(|e| format!("{}: {e}", lang.word_or_key("file.role.catalogue")))?;
        if let Some(rules) = &mut rules {
            for list in document.lists {
                if !rules.lists.contains(&list.id) {
                    rules.lists.push(list.id);
                }
            }
            rules.id.push_str("-extended");
        }
        catalogue = Arc::new(extended);
    }
    if let Some(rules) = &rules {
        let problems = validate(rules, &catalogue);
        if !problems.is_empty() {
            // The file by its role, never its name (README, "Privacy").
            eprintln!("the rule set file: {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  {p}");
            }
            return Ok(ExitCode::from(1));
        }
        // On standard error: standard output is the assessment alone (JSON a program can read).
        eprintln!(
            "rule set `{}` v{} is valid; digest {}",
            rules.id,
            rules.version,
            rules.digest().map_err(|e| e.to_string())?
        );
    }
    let (rules, case_path) = match (rules, case_path) {
        (Some(rules), Some(case_path)) => (rules, case_path),
        // `--canonical`: the text whose SHA-256 is the digest, with no final newline.
        (rules, _) => {
            let canonical = match &rules {
                Some(rules) if canonical == Some(true) => rules.canonical_json(),
                _ => {
                    eprintln!(
                        "catalogue digest {}",
                        catalogue.digest().map_err(|e| e.to_string())?
                    );
                    catalogue.canonical_json()
                }
            }
            .map_err(|e| e.to_string())?;
            common::print_bare(&canonical)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let mut assessor = Assessor::new(rules, catalogue).map_err(|e| e.to_string())?;
    if let Some(path) = &contacts {
        // What is wrong inside a directory is for its author, in English (as for a rule set).
        let directory =
            ContactDirectory::from_json(&common::read_text(path, "file.role.contacts", lang)?)
                .map_err(|e| format!("{}: {e}", lang.word_or_key("file.role.contacts")))?;
        assessor = assessor
            .with_contacts(directory)
            .map_err(|e| format!("{}: {e}", lang.word_or_key("file.role.contacts")))?;
    }
    // The files' and the case's errors in the reader's language; what is wrong inside a rule
    // set or an extension is for its author, in English.
    let case =
        Case::from_json(&common::read_text(case_path, "file.role.case", lang)?).map_err(|e| {
            format!(
                "{}: {}",
                lang.word_or_key("file.role.case"),
                e.message_in(lang)
            )
        })?;
    let assessment = assessor.assess(&case).map_err(|e| {
        format!(
            "{}: {}",
            lang.word_or_key("file.role.case"),
            e.message_in(lang)
        )
    })?;
    if text {
        common::print(assessment.report_in(lang).trim_end())?;
    } else {
        common::print(&assessment.to_json_pretty())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    run().unwrap_or_else(|message| {
        eprintln!("custom_rules: {message}");
        ExitCode::from(1)
    })
}
