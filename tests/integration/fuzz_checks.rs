//! Every input surface under its fuzz target's checks, in every `cargo test`: the checks of
//! `tests/fuzz_checks/` (the code each fuzz target runs) on every committed seed, and property
//! tests that feed them generated inputs of the surface's own shape (one of the crate's cases,
//! rule sets, catalogue extensions, question priors, contact directories or locale files with a
//! value changed, cut short or a
//! marker `@@` planted; a batch of JSON Lines; a CTDC header, or a row of the real file with
//! cells changed; an HTCDS list; a sequence of interview answers). The fuzz runs reach far more
//! inputs; these keep the invariants checked between them, on the machine of anyone who
//! changes the code.

use proptest::prelude::*;
use serde_json::Value;

use crate::common::root;
use crate::robustness::{collect_pointers, json_value};

#[path = "../fuzz_checks/mod.rs"]
mod checks;

/// The committed seeds of a fuzz target (`fuzz/seeds/<target>/`), sorted, as bytes.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(root(&format!("fuzz/seeds/{target}")))
        .expect("the target's seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{target} has seeds");
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("a seed reads"))
        .collect()
}

/// A fuzz target's checks on one input.
type Check = fn(&[u8]);

/// Every target's every seed passes its checks (the regression input of the one crash found,
/// in `ctdc_row`, among them).
#[test]
fn every_seed_passes_its_targets_checks() {
    let targets: Vec<(&str, Check)> = vec![
        ("batch_line", checks::batch_line::check),
        ("case", checks::case::check),
        ("catalogue", checks::catalogue::check),
        ("contacts", checks::contacts::check),
        #[cfg(feature = "ctdc")]
        ("ctdc_file", checks::ctdc_file::check),
        ("ctdc_header", checks::ctdc_header::check),
        ("ctdc_row", checks::ctdc_row::check),
        ("htcds_list", checks::htcds_list::check),
        ("interview", checks::interview::check),
        ("locale", checks::locale::check),
        ("priors", checks::priors::check),
        ("rule_set", checks::rule_set::check),
    ];
    // One entry per seed folder, so that a new target cannot be left out of this test (give it
    // a property below too). `ctdc_file` reads through `CtdcReader`: with `--features ctdc`.
    let mut folders: Vec<String> = std::fs::read_dir(root("fuzz/seeds"))
        .expect("seeds")
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| cfg!(feature = "ctdc") || name != "ctdc_file")
        .collect();
    folders.sort();
    let names: Vec<&str> = targets.iter().map(|(n, _)| *n).collect();
    assert_eq!(folders, names, "every fuzz target's seeds are checked here");
    for (target, check) in targets {
        for seed in seeds(target) {
            check(&seed);
        }
    }
}

/// A JSON document changed one way: a value replaced (by anything JSON can hold, or by a
/// string carrying the marker `@@`), the marker inserted anywhere in the text, the text cut
/// short, or the document as it is.
#[derive(Debug, Clone)]
enum Change {
    Replace(prop::sample::Index, Value),
    Plant(prop::sample::Index, String),
    Insert(prop::sample::Index),
    Cut(prop::sample::Index),
    Keep,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Change::Replace(i, v)),
        3 => (any::<prop::sample::Index>(), "[a-z ]{0,6}@@[a-z_ ]{0,6}")
            .prop_map(|(i, s)| Change::Plant(i, s)),
        2 => any::<prop::sample::Index>().prop_map(Change::Insert),
        1 => any::<prop::sample::Index>().prop_map(Change::Cut),
        1 => Just(Change::Keep),
    ]
}

/// The crate's own documents of a surface, the bases the properties change: the bundled and
/// data test cases, the built-in and example rule sets, the example catalogue extensions, the
/// built-in priors, contact directory and locale files. (Published with the crate, where the fuzz seeds are not: the fuzz targets'
/// seeds hold copies of most of them.)
fn documents(surface: &str) -> &'static [String] {
    static DOCUMENTS: std::sync::OnceLock<Vec<(&str, Vec<String>)>> = std::sync::OnceLock::new();
    let all = DOCUMENTS.get_or_init(|| {
        [
            "case",
            "rule_set",
            "catalogue",
            "priors",
            "contacts",
            "locale",
        ]
        .into_iter()
        .map(|surface| (surface, read_documents(surface)))
        .collect()
    });
    all.iter()
        .find(|(s, _)| *s == surface)
        .map(|(_, documents)| documents.as_slice())
        .unwrap_or_else(|| panic!("no documents for {surface}"))
}

fn read_documents(surface: &str) -> Vec<String> {
    let read = |path: &std::path::Path| std::fs::read_to_string(path).expect("a document reads");
    let files = |dir: &str, names: &[&str]| -> Vec<String> {
        crate::common::json_files_in(dir)
            .iter()
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                names.is_empty() || names.contains(&name)
            })
            .map(|p| read(p))
            .collect()
    };
    let all = match surface {
        "case" => {
            let mut cases = files("examples/cases", &[]);
            for path in crate::common::data_case_files() {
                let doc: Value = serde_json::from_str(&read(&path)).expect("a data case is JSON");
                if let Some(case) = doc.get("case") {
                    cases.push(serde_json::to_string_pretty(case).expect("JSON"));
                }
            }
            cases
        }
        "rule_set" => {
            let mut sets = files("data/rule_sets", &[]);
            sets.extend(files(
                "examples/rule_sets",
                &["five_mistakes.json", "strict_screening.json"],
            ));
            sets
        }
        "catalogue" => files(
            "examples/rule_sets",
            &["national_list.json", "kr_national_list_example.json"],
        ),
        "priors" => files("data/priors", &[]),
        "contacts" => files("data/contacts", &[]),
        "locale" => files("data/locales", &[]),
        other => panic!("no documents for {other}"),
    };
    assert!(!all.is_empty(), "{surface} has documents");
    all
}

/// One of the crate's documents of `surface` with `change` made to it.
fn changed(surface: &str, pick: prop::sample::Index, change: &Change) -> Vec<u8> {
    let text = pick.get(documents(surface)).clone();
    let at = |i: &prop::sample::Index| {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|b| text.is_char_boundary(*b))
            .collect();
        *i.get(&bounds)
    };
    let replace = |i: &prop::sample::Index, value: Value| {
        let Ok(mut doc) = serde_json::from_str::<Value>(&text) else {
            return text.clone();
        };
        let mut pointers = Vec::new();
        collect_pointers(&doc, String::new(), &mut pointers);
        if let Some(slot) = doc.pointer_mut(i.get(&pointers).as_str()) {
            *slot = value;
        }
        doc.to_string()
    };
    match change {
        Change::Replace(i, value) => replace(i, value.clone()),
        Change::Plant(i, s) => replace(i, Value::from(s.as_str())),
        Change::Insert(i) => {
            let b = at(i);
            format!("{}@@{}", &text[..b], &text[b..])
        }
        Change::Cut(i) => text[..at(i)].to_owned(),
        Change::Keep => text,
    }
    .into_bytes()
}

/// A CTDC cell as the file has them, and some it must refuse.
fn ctdc_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(vec!["", "0", "1"]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "Adult", "Minor", "Unknown", "Female", "Male", "0--8", "18--20", "Case Management",
            "Hotline", "2019", "1899", "2101", "Teen", "2", "-99", "yes",
        ])
        .prop_map(str::to_owned),
        1 => "[A-Za-z0-9 -]{0,8}",
    ]
}

/// A row of a CTDC file for the `ctdc_file` checks: a line of a seed (synthetic rows, never
/// the CTDC file's), with a cell changed, a quote put before a cell (a stray one, or one
/// closed with a `;` and a doubled quote inside), a marker planted or the line made longer
/// than the reader takes.
#[cfg(feature = "ctdc")]
fn ctdc_file_row() -> impl Strategy<Value = String> {
    let lines: Vec<String> = seeds("ctdc_file")
        .iter()
        .flat_map(|seed| {
            String::from_utf8_lossy(seed)
                .split(['\n', '\r'])
                .filter(|line| line.len() > 100)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let edit = prop_oneof![
        3 => ctdc_cell().prop_map(|c| (c, false)),
        2 => "[A-Za-z ]{0,6}".prop_map(|c| (format!("\"{c}"), false)),
        2 => "[A-Za-z ]{0,6}".prop_map(|c| (format!("\"{c};\"\"{c}\"\"\""), false)),
        1 => "[A-Za-z]{0,3}@@[a-z]{0,3}".prop_map(|c| (c, false)),
        1 => "[A-Za-z]{0,3}".prop_map(|c| (format!("\"@@{c}"), false)),
        1 => Just((String::new(), true)),
    ];
    (
        prop::sample::select(lines),
        prop::collection::vec((any::<prop::sample::Index>(), edit), 0..3),
    )
        .prop_map(|(line, edits)| {
            let mut cells: Vec<String> = line.split(';').map(str::to_owned).collect();
            for (i, (cell, long)) in edits {
                let at = i.index(cells.len());
                cells[at] = if long {
                    "x".repeat(trafficking_indicators::interop::ctdc::MAX_LINE_BYTES)
                } else {
                    cell
                };
            }
            cells.join(";")
        })
}

/// An item of an HTCDS methods-of-control list: a picklist value, a near miss or a planted
/// marker.
fn htcds_item() -> impl Strategy<Value = String> {
    use trafficking_indicators::interop::htcds::MethodOfControl;
    let values: Vec<String> = MethodOfControl::ALL
        .iter()
        .map(|m| m.as_str().to_owned())
        .collect();
    prop_oneof![
        6 => prop::sample::select(values),
        1 => prop::sample::select(vec![
            "RestrictsMovement".to_owned(),
            "PsychoactiveSubstances".to_owned(),
            "debtbondage".to_owned(),
            "Beaten".to_owned(),
        ]),
        1 => "[A-Za-z]{0,4}@@[A-Za-z]{0,4}",
    ]
}

/// A CTDC header line: the columns the mapping needs in any order among some it does not read,
/// perhaps one left out or given twice, perhaps with byte-order marks before it, and perhaps
/// UTF-16 (a NUL byte in one name).
fn ctdc_header() -> impl Strategy<Value = String> {
    use trafficking_indicators::interop::ctdc::CtdcHeader;
    let required: Vec<String> = CtdcHeader::required_columns()
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    (
        Just(required).prop_shuffle(),
        prop::collection::vec("[A-Za-z]{0,12}", 0..4),
        proptest::option::of(any::<prop::sample::Index>()),
        proptest::option::of(any::<prop::sample::Index>()),
        0..3usize,
        proptest::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(|(mut names, extra, drop, twice, marks, nul)| {
            names.extend(extra);
            if let Some(i) = twice {
                let name = i.get(&names).clone();
                names.push(name);
            }
            if let Some(i) = drop {
                names.remove(i.index(names.len()));
            }
            if let Some(i) = nul {
                let at = i.index(names.len());
                names[at].push('\0');
            }
            format!("{}{}", "\u{feff}".repeat(marks), names.join(";"))
        })
}

/// A line of a JSON Lines batch: a bundled or data case on one line (as a batch holds them),
/// changed as the case property changes one (a marker planted, a value replaced, cut short)
/// or not, a blank line, or text that is not a case.
fn batch_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (any::<prop::sample::Index>(), change()).prop_map(|(pick, c)| {
            // One line: JSON may break lines only between tokens.
            String::from_utf8_lossy(&changed("case", pick, &c)).replace(['\n', '\r'], " ")
        }),
        1 => prop::sample::select(vec![
            String::new(),
            "   ".to_owned(),
            "{".to_owned(),
            "null".to_owned(),
            "[]".to_owned(),
            r#"{"observations": "@@"}"#.to_owned(),
            r#"{"case_reference": "@@", "observations": [{"indicator": "x@@", "status": "present"}]}"#
                .to_owned(),
            // A key and an id that are snake_case tokens with the second marker.
            r#"{"observations": [{"indicator": "@@", "status": "present"}]}"#.to_owned(),
            r#"{"subject": {"@@": 1}}"#.to_owned(),
            r#"{"@@": {"a": 1, "a": 2}}"#.to_owned(),
        ]),
        1 => ".{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn changed_cases_pass_the_case_checks(pick: prop::sample::Index, c in change()) {
        checks::case::check(&changed("case", pick, &c));
    }

    #[test]
    fn changed_rule_sets_pass_the_rule_set_checks(pick: prop::sample::Index, c in change()) {
        checks::rule_set::check(&changed("rule_set", pick, &c));
    }

    #[test]
    fn changed_catalogue_extensions_pass_the_catalogue_checks(
        pick: prop::sample::Index,
        c in change(),
    ) {
        checks::catalogue::check(&changed("catalogue", pick, &c));
    }

    #[test]
    fn changed_question_priors_pass_the_priors_checks(pick: prop::sample::Index, c in change()) {
        checks::priors::check(&changed("priors", pick, &c));
    }

    #[test]
    fn changed_contact_directories_pass_the_contacts_checks(
        pick: prop::sample::Index,
        c in change(),
    ) {
        checks::contacts::check(&changed("contacts", pick, &c));
    }

    #[test]
    fn changed_locale_files_pass_the_locale_checks(pick: prop::sample::Index, c in change()) {
        checks::locale::check(&changed("locale", pick, &c));
    }

    #[test]
    fn ctdc_rows_pass_the_ctdc_row_checks(
        pick: prop::sample::Index,
        changes in prop::collection::vec((any::<prop::sample::Index>(), ctdc_cell()), 0..3),
        plant in proptest::option::of((any::<prop::sample::Index>(), "[A-Za-z]{0,3}@@[a-z]{0,3}")),
    ) {
        // A row of the real file (a seed), a few cells changed, and one cell perhaps carrying
        // the marker, which no error may repeat.
        let row = String::from_utf8(pick.get(&seeds("ctdc_row")).clone()).expect("UTF-8");
        let mut cells: Vec<String> = row.trim_end().split(';').map(str::to_owned).collect();
        for (i, cell) in changes.into_iter().chain(plant) {
            let at = i.index(cells.len());
            cells[at] = cell;
        }
        checks::ctdc_row::check(cells.join(";").as_bytes());
    }

    #[test]
    fn ctdc_headers_pass_the_ctdc_header_checks(line in ctdc_header()) {
        checks::ctdc_header::check(line.as_bytes());
    }

    #[cfg(feature = "ctdc")]
    #[test]
    fn ctdc_files_pass_the_ctdc_file_checks(
        rows in prop::collection::vec(ctdc_file_row(), 0..8),
        ends in prop::collection::vec(
            prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]),
            8,
        ),
        last_end: bool,
    ) {
        // Synthetic rows (the seeds', made up) with quotes stray or doubled, cells changed,
        // lines too long and markers planted, joined by any line ends, the last perhaps none.
        let mut text: String =
            rows.iter().zip(&ends).map(|(row, end)| format!("{row}{end}")).collect();
        if !last_end {
            text.truncate(text.trim_end_matches(['\n', '\r']).len());
        }
        checks::ctdc_file::check(text.as_bytes());
    }

    #[test]
    fn htcds_lists_pass_the_htcds_list_checks(
        items in prop::collection::vec(
            (htcds_item(), prop::sample::select(vec![";", " ", "; ", "\t", ";;"])),
            0..8,
        ),
    ) {
        let text: String = items.iter().map(|(item, sep)| format!("{item}{sep}")).collect();
        checks::htcds_list::check(text.as_bytes());
    }

    #[test]
    fn batches_pass_the_batch_line_checks(
        lines in prop::collection::vec(batch_line(), 0..6),
        crlf: bool,
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        checks::batch_line::check(text.as_bytes());
    }

    #[test]
    fn answer_sequences_pass_the_interview_checks(ops in prop::collection::vec(any::<u8>(), 0..80)) {
        checks::interview::check(&ops);
    }
}
