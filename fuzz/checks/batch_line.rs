//! JSON Lines batches: any bytes give one record per non-blank line, each valid JSON, and a
//! summary that adds up.

use trafficking_indicators::Assessor;
use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
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
    }
}
