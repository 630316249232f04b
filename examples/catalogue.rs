//! Print the built-in indicator catalogue as a readable table, or as JSON in the catalogue
//! file format.
//!
//! ```text
//! cargo run --example catalogue
//! cargo run --example catalogue -- --json
//! cargo run --example catalogue -- --json --lang ko
//! cargo run --example catalogue -- --list ilo_ec_2009_adult_labour --dimension coercion_at_destination
//! ```

#[allow(dead_code)] // of the shared helpers, this example uses the printing macros and `Options`
#[macro_use]
mod common;

use std::process::ExitCode;

use trafficking_indicators::catalogue::CatalogueDocument;
use trafficking_indicators::render::{Locale, fill};
use trafficking_indicators::{Catalogue, Dimension, ListId, PalermoElement};

const HELP: &str = "\
catalogue: print the built-in indicator catalogue

USAGE:
    catalogue [--json] [--lang en|ko] [--list LIST_ID] [--dimension DIMENSION]

OPTIONS:
    --json             print JSON in the catalogue file format (references, lists, entries)
    --lang en|ko       labels, descriptions and questions in this language (Korean: the
                       project's translation, not official wording)
    --list ID          only entries of this list (see the list ids in the table header)
    --dimension NAME   only entries of this dimension, e.g. coercion_at_destination
    -h, --help         print this help

Each option is given at most once.
";

fn parse_dimension(name: &str) -> Option<Dimension> {
    Dimension::ALL.into_iter().find(|d| d.as_str() == name)
}

fn main() -> ExitCode {
    let mut json = false;
    let mut lang = Locale::En;
    let mut list: Option<String> = None;
    let mut dimension: Option<Dimension> = None;
    // An option given twice is a mistake, never a silent choice of its last value.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let option = arg.as_str();
        if let Err(message) = given.check(
            option,
            &["--json", "--lang", "--list", "--dimension"],
            Locale::En,
        ) {
            eprintln!("catalogue: {message} (see --help)");
            return ExitCode::from(2);
        }
        match option {
            "-h" | "--help" => {
                out!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--json" => json = true,
            "--lang" => match args.next().as_deref().and_then(Locale::from_tag) {
                Some(l) => lang = l,
                None => {
                    eprintln!("catalogue: --lang takes `en` or `ko`");
                    return ExitCode::from(2);
                }
            },
            "--list" => match args.next() {
                Some(id) => list = Some(id),
                None => {
                    eprintln!("catalogue: --list takes a list id (see --help)");
                    return ExitCode::from(2);
                }
            },
            "--dimension" => match args.next().as_deref().and_then(parse_dimension) {
                Some(d) => dimension = Some(d),
                None => {
                    let names: Vec<&str> = Dimension::ALL.iter().map(|d| d.as_str()).collect();
                    eprintln!("catalogue: --dimension takes one of {}", names.join(", "));
                    return ExitCode::from(2);
                }
            },
            other => {
                eprintln!("catalogue: {}", common::unknown_argument(other, Locale::En));
                return ExitCode::from(2);
            }
        }
    }
    let word = |key: &str| lang.word(key).unwrap_or("");
    // One line per entry: strength, id, label, verification mark.
    let print_row = |strength: trafficking_indicators::Strength,
                     e: &trafficking_indicators::IndicatorEntry| {
        outln!(
            "  {:<7} {:<52} {} [{}]",
            word(&format!("strength.{}", strength.as_str())),
            e.id.as_str(),
            e.label,
            word(&format!(
                "verification.{}",
                e.provenance.verification.as_str()
            ))
        );
    };
    let catalogue = Catalogue::builtin();
    if let Some(id) = &list
        && catalogue.list(id).is_none()
    {
        let ids: Vec<&str> = catalogue.lists().iter().map(|l| l.id.as_str()).collect();
        eprintln!("catalogue: unknown list; the lists are {}", ids.join(", "));
        return ExitCode::from(2);
    }
    let entries: Vec<_> = catalogue
        .entries()
        .iter()
        .filter(|e| {
            list.as_deref()
                .is_none_or(|l| e.lists.iter().any(|x| x.as_str() == l))
        })
        .filter(|e| dimension.is_none_or(|d| e.dimension == Some(d)))
        .map(|e| lang.entry(e))
        .collect();
    if json {
        let mut doc: CatalogueDocument = catalogue.to_document();
        doc.lists
            .retain(|l| list.as_deref().is_none_or(|id| l.id.as_str() == id));
        if lang != Locale::En {
            for l in &mut doc.lists {
                if let Some(title) = lang.texts().get(&format!("list.{}.title", l.id)) {
                    title.clone_into(&mut l.title);
                }
                if let Some(text) = lang.texts().get(&format!("list.{}.description", l.id)) {
                    text.clone_into(&mut l.description);
                }
            }
        }
        doc.entries = entries;
        match serde_json::to_string_pretty(&doc) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                eprintln!("catalogue: {e}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    for l in catalogue.lists() {
        if list.as_deref().is_some_and(|id| id != l.id.as_str()) {
            continue;
        }
        let n = entries.iter().filter(|e| e.in_list(&l.id)).count();
        let title = match lang {
            Locale::En => l.title.as_str(),
            _ => lang
                .texts()
                .get(&format!("list.{}.title", l.id))
                .unwrap_or(&l.title),
        };
        outln!(
            "{}",
            fill(
                word("catalogue.list_line"),
                &[
                    ("id", l.id.as_str()),
                    ("count", &n.to_string()),
                    ("title", title)
                ]
            )
        );
    }
    outln!();
    for d in Dimension::ALL {
        let in_dim: Vec<_> = entries.iter().filter(|e| e.dimension == Some(d)).collect();
        if in_dim.is_empty() {
            continue;
        }
        outln!(
            "{}",
            fill(
                word("catalogue.dimension_header"),
                &[
                    ("dimension", word(&format!("dimension.{}", d.as_str()))),
                    (
                        "element",
                        word(&format!("element.{}", d.element().as_str()))
                    ),
                    ("count", &in_dim.len().to_string()),
                ]
            )
        );
        for e in in_dim {
            let strength = match &list {
                Some(l) => ListId::new(l).map_or(e.strength, |id| e.strength_in(&id)),
                None => e.strength,
            };
            print_row(strength, e);
        }
        outln!();
    }
    for (element, title) in [
        (PalermoElement::Purpose, "catalogue.purpose_facts"),
        (PalermoElement::Act, "catalogue.act_facts"),
    ] {
        let facts: Vec<_> = entries
            .iter()
            .filter(|e| e.dimension.is_none() && e.element == Some(element))
            .collect();
        if facts.is_empty() {
            continue;
        }
        outln!(
            "{}",
            fill(word(title), &[("count", &facts.len().to_string())])
        );
        for e in facts {
            print_row(e.strength, e);
        }
        outln!();
    }
    outln!(
        "{}",
        fill(
            word("catalogue.total"),
            &[
                ("shown", &entries.len().to_string()),
                ("total", &catalogue.len().to_string())
            ]
        )
    );
    ExitCode::SUCCESS
}
