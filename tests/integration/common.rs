//! Helpers shared by the integration tests.

use trafficking_indicators::{
    Assessment, Assessor, Case, EvidenceSource, IndicatorId, Observation, ObservationStatus,
    Offence, OffenceKind, Subject, assess,
};

/// An adult (age 30) case with these observations, forms left open.
pub fn adult(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(
        Subject {
            age_years: Some(30),
            ..Subject::default()
        },
        observations,
    )
}

/// A child (age 15) case with these observations.
pub fn child(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(
        Subject {
            age_years: Some(15),
            ..Subject::default()
        },
        observations,
    )
}

/// A case whose subject's age is not established.
pub fn age_unknown(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(Subject::default(), observations)
}

pub fn with_subject(subject: Subject, observations: &[(&str, ObservationStatus)]) -> Case {
    Case {
        subject,
        observations: observations
            .iter()
            .map(|(id, status)| {
                Observation::new(IndicatorId::new(id).expect("valid id"), *status)
                    .with_source(EvidenceSource::SelfReport)
            })
            .collect(),
        ..Case::default()
    }
}

/// Present indicators.
pub fn present(ids: &[&'static str]) -> Vec<(&'static str, ObservationStatus)> {
    ids.iter()
        .map(|id| (*id, ObservationStatus::Present))
        .collect()
}

pub fn with_offences(mut case: Case, kinds: &[OffenceKind]) -> Case {
    case.offences = kinds.iter().map(|k| Offence::new(*k)).collect();
    case
}

pub fn run(case: &Case) -> Assessment {
    assess(case).expect("the case assesses")
}

/// A data test case (`tests/cases/<name>.json`), assessed under the rule set it names.
pub fn assess_data_case(name: &str) -> Assessment {
    let text =
        std::fs::read_to_string(root(&format!("tests/cases/{name}.json"))).expect("the data case");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let rule_set = doc["rule_set"]
        .as_str()
        .expect("the case names its rule set");
    assess_json_under(rule_set, &doc["case"].to_string())
}

/// A case written as JSON, read and assessed under a built-in rule set.
pub fn assess_json_under(rule_set: &str, case: &str) -> Assessment {
    let case = Case::from_json(case).expect("a valid case");
    Assessor::builtin(rule_set)
        .expect("a built-in rule set")
        .assess(&case)
        .expect("the case assesses")
}

/// The first screen of a text report, in English or Korean: from its heading ("WHAT TO DO
/// NOW", "지금 할 일") to the first blank line, the heading included.
pub fn first_screen(report: &str) -> String {
    report
        .lines()
        .skip_while(|l| *l != "WHAT TO DO NOW" && *l != "지금 할 일")
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A non-national held in forced labour (documents held, wages withheld, violence, the
/// purpose fact): reasonable grounds under every built-in rule set.
pub const FORCED_LABOUR_NON_NATIONAL: &str = r#"{"subject": {"age_years": 30, "national": false}, "forms": ["labour"],
    "observations": [
        {"indicator": "confiscation_of_documents_at_destination", "status": "present"},
        {"indicator": "withholding_of_wages", "status": "present"},
        {"indicator": "violence_on_victim_at_destination", "status": "present"},
        {"indicator": "purpose_forced_labour_or_services", "status": "present"}]}"#;

/// The value a problem's path names in `doc` (`$`, then `.key` and `[index]`), or `None`
/// where the path names nothing there.
pub fn value_at<'a>(doc: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut rest = path.strip_prefix('$')?;
    let mut at = doc;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            at = at.get(after.get(..end)?)?;
            rest = after.get(end..)?;
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            at = at.get(after.get(..end)?.parse::<usize>().ok()?)?;
            rest = after.get(end + 1..)?;
        } else {
            return None;
        }
    }
    Some(at)
}

/// The path of a bundled file, from the crate root.
pub fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A data file of the repository (`data/...`), parsed as a JSON value: the built-in rule sets
/// and directories, which tests change one field of to see what the validators say.
pub fn data_json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root(path)).expect("data file");
    serde_json::from_str(&text).expect("JSON")
}

/// The file names of the bundled example cases (`examples/cases/*.json`), sorted.
pub fn bundled_case_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root("examples/cases"))
        .expect("cases")
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// A bundled case (its name without `.json`) assessed as the README runs it: Korean cases
/// (`kr_*`) under `kr-2024`, the others under the default rule set.
pub fn assess_bundled(name: &str) -> Assessment {
    let path = root(&format!("examples/cases/{name}.json"));
    let text = std::fs::read_to_string(&path).expect("bundled case");
    let case = Case::from_json(&text).expect("valid case");
    if name.starts_with("kr_") {
        Assessor::builtin("kr-2024")
            .expect("built in")
            .assess(&case)
            .expect("assesses")
    } else {
        assess(&case).expect("assesses")
    }
}

/// The committed snapshot at `path`, empty when there is none. With `UPDATE_SNAPSHOTS` set,
/// `actual` is written there first (review the change before committing it).
pub fn snapshot(path: &std::path::Path, actual: &str) -> String {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, actual).expect("write snapshot");
    }
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The data test cases' files (`tests/cases/*.json`), sorted.
pub fn data_case_files() -> Vec<std::path::PathBuf> {
    json_files_in("tests/cases")
}

/// The JSON files of a folder of the crate, sorted.
pub fn json_files_in(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root(dir))
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The data test cases that assess, with their rule set.
pub fn assessable_data_cases() -> Vec<(String, &'static Assessor, Case)> {
    let mut out = Vec::new();
    for path in data_case_files() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let Ok(a) = Assessor::builtin(doc["rule_set"].as_str().unwrap_or("")) else {
            continue;
        };
        if let Ok(case) = Case::from_json(&doc["case"].to_string())
            && a.assess(&case).is_ok()
        {
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
            out.push((name.to_owned(), a, case));
        }
    }
    out
}

/// The first English word left in a Korean error message, if any: everything but the JSON
/// path, the JSON names in backticks, the JSON parser's own description and a few names
/// Korean writes in Latin letters (JSON, UTF-8, ID, null, true, false, snake_case).
pub fn english_left_in(korean: &str) -> Option<String> {
    let text = korean
        .split_once("(JSON 해석기의 설명:")
        .map_or(korean, |(before, _)| before);
    // Drop the spans in backticks.
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    const LATIN: [&str; 9] = [
        "JSON",
        "UTF",
        "ID",
        "MiB",
        "null",
        "true",
        "false",
        "snake_case",
        "x",
    ];
    plain
        .split(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .filter(|w| !w.starts_with('$'))
        .flat_map(|w| w.split(|c: char| !(c.is_ascii_alphabetic() || c == '_')))
        .find(|w| w.len() >= 2 && !LATIN.contains(w))
        .map(str::to_owned)
}

/// `text` as a UTF-16 file is written ("Unicode text" on Windows): its byte-order mark, then
/// each code unit, little-endian or big-endian.
pub fn utf16_file(text: &str, big_endian: bool) -> Vec<u8> {
    let mark = if big_endian {
        [0xfe, 0xff]
    } else {
        [0xff, 0xfe]
    };
    let units = text.encode_utf16().flat_map(|unit| {
        if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        }
    });
    mark.into_iter().chain(units).collect()
}

/// The `case` of a data test case (`tests/cases/<name>.json`), as JSON text.
pub fn data_case(name: &str) -> String {
    let text =
        std::fs::read_to_string(root(&format!("tests/cases/{name}.json"))).expect("the data case");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["case"].to_string()
}
