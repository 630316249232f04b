//! Batch assessment of JSON Lines: every good line assessed, bad lines reported by number.

use trafficking_indicators::Assessor;
use trafficking_indicators::interop::batch::{BatchOptions, OnError, assess_jsonl};

use crate::common::root;

fn bundled_lines() -> Vec<String> {
    [
        "fisher_distant_water",
        "entertainment_visa_bar",
        "child_domestic_servitude",
        "poor_conditions_no_coercion",
        "early_interview",
    ]
    .iter()
    .map(|n| {
        let text =
            std::fs::read_to_string(root(&format!("examples/cases/{n}.json"))).expect("case");
        serde_json::from_str::<serde_json::Value>(&text)
            .expect("JSON")
            .to_string()
    })
    .collect()
}

fn run(
    input: &str,
    options: BatchOptions,
) -> (
    Vec<serde_json::Value>,
    trafficking_indicators::interop::batch::BatchSummary,
) {
    let mut out = Vec::new();
    let summary = assess_jsonl(
        Assessor::default_builtin(),
        input.as_bytes(),
        &mut out,
        &options,
    )
    .expect("batch");
    let records = String::from_utf8(out)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (records, summary)
}

#[test]
fn a_bad_line_in_the_middle_gives_one_error_record_and_every_good_assessment() {
    let good = bundled_lines();
    let mut lines: Vec<String> = (0..40).map(|i| good[i % good.len()].clone()).collect();
    lines.insert(20, r#"{"observations": [{"indicator": "withholding_of_wages", "status": "maybe", "note": "SECRET"}]}"#.to_owned());
    let input = lines.join("\n") + "\n";
    for threads in [1, 2] {
        let (records, summary) = run(&input, BatchOptions::new().threads(threads));
        assert_eq!(records.len(), 41, "threads {threads}");
        assert_eq!((summary.assessed, summary.errors), (40, 1));
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r["line"], (i + 1) as u64, "records keep input order");
            if i == 20 {
                let message = r["error"]["message"].as_str().expect("message");
                assert!(message.starts_with("$.observations[0].status"), "{message}");
                assert!(!message.contains("SECRET"));
            } else {
                assert!(r["assessment"]["level"].is_string(), "line {}", i + 1);
            }
        }
    }
}

#[test]
fn batch_output_is_the_same_with_one_or_two_threads_and_equals_single_assessments() {
    let input: String = bundled_lines()
        .iter()
        .cycle()
        .take(30)
        .map(|l| format!("{l}\n"))
        .collect();
    let (one, _) = run(&input, BatchOptions::new());
    let (two, _) = run(&input, BatchOptions::new().threads(2));
    assert_eq!(one, two);
    let case = trafficking_indicators::Case::from_json(&bundled_lines()[0]).expect("case");
    let single: serde_json::Value = serde_json::from_str(
        &trafficking_indicators::assess(&case)
            .expect("assessment")
            .to_json(),
    )
    .expect("JSON");
    assert_eq!(one[0]["assessment"], single);
}

#[test]
fn stop_on_error_stops_after_the_error_record() {
    let good = bundled_lines();
    let input = format!("{}\nnot json\n{}\n", good[0], good[1]);
    let (records, summary) = run(&input, BatchOptions::new().on_error(OnError::Stop));
    assert_eq!(records.len(), 2);
    assert!(summary.stopped);
    assert_eq!(records[1]["line"], 2);
}

/// A batch saved as UTF-16 ("Unicode text", either byte order) gets one record per line, each
/// saying so in the same words, as the other readers say it; a line in another encoding (CP949
/// Korean) is "not valid UTF-8".
#[test]
fn a_utf16_batch_is_named_on_every_line_and_another_encoding_is_not_utf8() {
    let lines = bundled_lines();
    // Three cases, a blank line among them, and a final line end.
    let text = format!("{}\n\n{}\n{}\n", lines[0], lines[1], lines[2]);
    let utf16 = |big_endian: bool| crate::common::utf16_file(&text, big_endian);
    // "성매매" in CP949, in a case: the line is not UTF-8, and not UTF-16 either.
    let cp949: &[u8] = b"{\"case_reference\": \"\xbc\xba\xb8\xc5\xb8\xc5\"}\n";
    for (input, records, expect) in [
        (
            utf16(false),
            3,
            "the line is UTF-16 text: save the file as UTF-8",
        ),
        (
            utf16(true),
            3,
            "the line is UTF-16 text: save the file as UTF-8",
        ),
        (cp949.to_vec(), 1, "the line is not valid UTF-8"),
    ] {
        let mut out = Vec::new();
        let summary = assess_jsonl(
            Assessor::default_builtin(),
            input.as_slice(),
            &mut out,
            &BatchOptions::new(),
        )
        .expect("batch");
        assert_eq!((summary.assessed, summary.errors), (0, records));
        let out = String::from_utf8(out).expect("UTF-8");
        assert_eq!(out.lines().count() as u64, records, "{out}");
        for line in out.lines() {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
            assert_eq!(record["error"]["kind"], "line", "{line}");
            assert_eq!(record["error"]["message"], expect, "{line}");
        }
    }
}

/// The summary counts the lines that hold a case (blank lines are skipped, and their numbers
/// still count in the records' `line`), and says so: a file of 3 lines with one blank gives
/// "2 non-blank line(s)", records for lines 1 and 3.
#[test]
fn the_summary_says_it_counts_non_blank_lines() {
    let (records, summary) = run("{}\n\n{}\n", BatchOptions::new());
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["line"], 3);
    assert_eq!(summary.lines, 2);
    assert!(
        summary
            .to_string()
            .starts_with("2 non-blank line(s): 2 assessed, 0 error(s); "),
        "{summary}"
    );
}

/// A line that is not JSON says where within the line, as "column N of this line": "line 1
/// column N" read as the file's first line beside the record's own `line` (integrator review).
#[test]
fn a_syntax_error_names_the_column_of_its_own_line() {
    let (records, _) = run(
        "{}\n{\"subject\": {\"age_years\": }}\n",
        BatchOptions::new(),
    );
    assert_eq!(records[1]["line"], 2);
    let message = records[1]["error"]["message"].as_str().expect("message");
    assert_eq!(
        message,
        "the case is not valid JSON: a value is missing or is not a JSON value (expected value) \
         at column 27 of this line"
    );
}

/// The engine issue's size target, kept: the mean assessment JSON on the batch generator's
/// first 20,000 cases (seed 1, the batch example's `--generate 20000`) is at most 6,511 bytes,
/// half its size when the issue was written (13,022). A size, not a time: it does not depend
/// on the machine. The twenty-eighth session found it at 6,516.4 bytes, crossed unnoticed in
/// an earlier session; this test would have failed then.
#[test]
fn the_mean_assessment_json_stays_within_half_its_first_size() {
    use trafficking_indicators::interop::synthetic::SyntheticCases;
    let mut output = Vec::new();
    let summary = assess_jsonl(
        Assessor::default_builtin(),
        SyntheticCases::new(1).into_jsonl_reader(20_000),
        &mut output,
        &BatchOptions::new(),
    )
    .expect("the batch runs");
    assert_eq!(summary.assessed, 20_000);
    let text = String::from_utf8(output).expect("UTF-8");
    let mut bytes = 0usize;
    let mut n = 0usize;
    for line in text.lines() {
        // Each record is `{"line":N,"assessment":{...}}`: the assessment's own bytes.
        let start = line.find(r#""assessment":"#).expect("an assessment record") + 13;
        bytes += line.len() - start - 1;
        n += 1;
    }
    let mean = bytes as f64 / n as f64;
    // The measure itself works: an assessment is some kilobytes, never a few bytes.
    assert!(
        mean > 4000.0,
        "mean assessment JSON {mean:.1} bytes: is the measure broken?"
    );
    assert!(
        mean <= 6511.0,
        "mean assessment JSON {mean:.1} bytes, over 6,511"
    );
}
