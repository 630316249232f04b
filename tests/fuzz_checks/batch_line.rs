//! JSON Lines batches: any bytes give one record per non-blank line, each valid JSON, and a
//! summary that adds up; no error record repeats the marker planted for every `@@` of the input
//! (an assessment record may: a case's own reference and notes are its to carry), checked once
//! with `MARKER` and once with the snake_case `TOKEN_MARKER` (see the `case` target).

use trafficking_indicators::Assessor;
use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};

use super::common::{self, planted};

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    for marker in common::case_markers(data) {
        check_planted(&planted(data, marker), marker);
    }
}

/// The checks on the input with `marker` planted.
fn check_planted(data: &[u8], marker: &str) {
    let mut out = Vec::new();
    let Ok(summary) = assess_jsonl(
        Assessor::default_builtin(),
        data,
        &mut out,
        &BatchOptions::new(),
    ) else {
        return;
    };
    let text = String::from_utf8(out).expect("the output is UTF-8");
    let records = text.lines().filter(|l| !l.is_empty()).count() as u64;
    assert_eq!(records, summary.lines);
    assert_eq!(summary.assessed + summary.errors, summary.lines);
    for line in text.lines().filter(|l| !l.is_empty()) {
        // Checked as JSON without building a tree of it.
        let _: serde::de::IgnoredAny = serde_json::from_str(line).expect("every record is JSON");
        // `{"line":<n>,"error":{...}}`: what is wrong, never what the line said.
        let error = line
            .split_once(',')
            .is_some_and(|(_, rest)| rest.starts_with("\"error\""));
        if error {
            assert!(!line.contains(marker), "an error record repeats the line");
        }
    }
}
