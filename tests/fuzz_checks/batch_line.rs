//! JSON Lines batches: any bytes give one record per non-blank line, each valid JSON, and a
//! summary that adds up; no error record repeats the marker planted for every `@@` of the input
//! (an assessment record may: a case's own reference and notes are its to carry).

use trafficking_indicators::Assessor;
use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};

use super::common::MARKER;

/// The input with the marker for every `@@` (the input need not be text).
fn planted(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'@' && tail.first() == Some(&b'@') {
            out.extend_from_slice(MARKER.as_bytes());
            rest = tail.get(1..).unwrap_or_default();
        } else {
            out.push(first);
            rest = tail;
        }
    }
    out
}

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let data = planted(data);
    let mut out = Vec::new();
    let Ok(summary) = assess_jsonl(
        Assessor::default_builtin(),
        data.as_slice(),
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
            assert!(!line.contains(MARKER), "an error record repeats the line");
        }
    }
}
