//! Batch assessment: a stream of JSON Lines cases in, a stream of JSON Lines records out.
//!
//! Each input line is one case document. Each output line is one record, in input order:
//!
//! ```text
//! {"line":1,"assessment":{ ... the assessment ... }}
//! {"line":2,"error":{"kind":"case","message":"$.observations[0].status: not an allowed value, ...","path":"$.observations[0].status"}}
//! ```
//!
//! An error record's `path` (when the error has one: [`CaseError::path`](crate::CaseError::path))
//! is the JSON path of the field to show the person who fills in the case, so a program in
//! another language need not parse the message.
//!
//! A bad line yields an error record carrying its line number, and the batch goes on (or
//! stops, if the caller asks: [`OnError::Stop`]). Blank lines are skipped: they hold no case.
//! Memory does not grow with the number of cases: lines are read, assessed and written in
//! chunks of bounded size, and a line longer than the case size limit is skipped without being
//! held in memory. Error records carry the same messages as [`CaseError`](crate::CaseError),
//! which never quote free text from a case.
//!
//! With `threads > 1`, each chunk is assessed on that many threads and written in input order.

use std::io::{self, BufRead, Read, Write};
use std::time::{Duration, Instant};

use crate::case::Case;
use crate::engine::assessor::Assessor;
use crate::model::json::looks_utf16;
use crate::model::limits::Limits;
use crate::model::vocabulary::Level;

// The records are written directly as bytes (it is faster); these types describe them for the
// exported schema (`batch_record.schema.json`), and a test checks that every record the batch
// writes validates against it.

/// One output record of a batch assessment (JSON Lines: one record per non-blank input line,
/// in input order): the line's assessment, or what is wrong with the line.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only described, never built: the writer writes the bytes itself
pub(crate) enum BatchRecord {
    /// The line's case, assessed.
    Assessed(AssessedRecord),
    /// The line could not be assessed.
    Failed(ErrorRecord),
}

/// A record of an assessed line.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssessedRecord {
    /// The line's number in the input, from 1 (blank lines are counted, and skipped).
    #[schemars(range(min = 1))]
    line: u64,
    /// The assessment, as `assessment.schema.json` describes it.
    assessment: Box<crate::assessment::Assessment>,
}

/// A record of a line that could not be assessed.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ErrorRecord {
    /// The line's number in the input, from 1.
    #[schemars(range(min = 1))]
    line: u64,
    /// What is wrong.
    error: RecordError,
}

/// What is wrong with a line. The message never quotes a value from the case.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordError {
    /// What kind of problem.
    kind: RecordErrorKind,
    /// The problem in English, as `CaseError`'s `Display` gives it for a case (a syntax error's
    /// position as "column N of this line").
    message: String,
    /// The JSON path of the field to fix, when the problem has one (a line that is not JSON
    /// has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    path: Option<String>,
}

/// The kinds of problem a line can have.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RecordErrorKind {
    /// The case is not valid: its JSON, its fields, or its content against the catalogue and
    /// the rule set (`path` names the field when there is one).
    Case,
    /// The line itself: longer than the case size limit, or not UTF-8.
    Line,
    /// The assessment could not be written.
    Output,
}

impl RecordErrorKind {
    /// The kind as the record writes it.
    const fn as_str(&self) -> &'static str {
        match self {
            RecordErrorKind::Case => "case",
            RecordErrorKind::Line => "line",
            RecordErrorKind::Output => "output",
        }
    }
}

/// What to do when a line cannot be assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Write an error record and go on with the next line.
    #[default]
    Continue,
    /// Write an error record and stop.
    Stop,
}

/// The most worker threads a batch uses, whatever it is asked for: more would only hold
/// more lines in memory (`chunk_lines` per thread) without assessing faster.
pub const MAX_THREADS: usize = 256;

/// How to run a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchOptions {
    /// What to do with a bad line.
    pub on_error: OnError,
    /// Worker threads (1: assess on the calling thread).
    pub threads: usize,
    /// Lines per chunk and thread: the memory bound.
    pub chunk_lines: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            on_error: OnError::Continue,
            threads: 1,
            chunk_lines: 512,
        }
    }
}

impl BatchOptions {
    /// The defaults: continue on error, one thread.
    pub fn new() -> Self {
        BatchOptions::default()
    }

    /// The same options with `on_error`.
    pub fn on_error(mut self, on_error: OnError) -> Self {
        self.on_error = on_error;
        self
    }

    /// The same options with `threads` worker threads (at least 1, at most
    /// [`MAX_THREADS`]).
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.clamp(1, MAX_THREADS);
        self
    }
}

/// What a batch did.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct BatchSummary {
    /// Non-blank lines read.
    pub lines: u64,
    /// Cases assessed.
    pub assessed: u64,
    /// Lines that gave an error record.
    pub errors: u64,
    /// Assessed cases per level, in level order.
    pub by_level: [u64; 4],
    /// Assessed cases whose level could still change if the open questions were answered.
    pub could_change: u64,
    /// Whether the batch stopped at an error ([`OnError::Stop`]).
    pub stopped: bool,
    /// Wall-clock time.
    #[serde(serialize_with = "seconds")]
    pub elapsed: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl BatchSummary {
    /// Lines per second over the whole batch.
    pub fn lines_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.lines as f64 / secs
        } else {
            0.0
        }
    }

    /// The number of assessed cases at `level`.
    pub fn at_level(&self, level: Level) -> u64 {
        self.by_level.get(level as usize).copied().unwrap_or(0)
    }
}

impl std::fmt::Display for BatchSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} non-blank line(s): {} assessed, {} error(s){}; ",
            self.lines,
            self.assessed,
            self.errors,
            if self.stopped {
                ", stopped at the first error"
            } else {
                ""
            }
        )?;
        let levels: Vec<String> = Level::ALL
            .iter()
            .map(|l| format!("{} {}", l.as_str(), self.at_level(*l)))
            .collect();
        write!(
            f,
            "{}; level could change for {}; {:.2} s, {:.0} cases/s",
            levels.join(", "),
            self.could_change,
            self.elapsed.as_secs_f64(),
            self.lines_per_second()
        )
    }
}

/// A batch could not read its input or write its output. (Bad cases are not errors of the
/// batch: they are error records in the output.)
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// Reading the input failed.
    #[error("cannot read the input after line {line}: {source}")]
    Read {
        /// The last line read.
        line: u64,
        /// The I/O error.
        source: io::Error,
    },
    /// Writing the output failed.
    #[error("cannot write the output: {0}")]
    Write(io::Error),
    /// A worker thread failed.
    #[error("a worker thread failed")]
    Worker,
}

/// What became of one line: assessed (with its level and whether the level could change),
/// or an error record.
type LineResult = Option<(Level, bool)>;

/// One worker's records: their bytes, and for each record where it ends and its result.
type WorkerOutput = (Vec<u8>, Vec<(usize, LineResult)>);

/// Assesses one line and appends its output record (without the newline) to `out`.
fn assess_line(assessor: &Assessor, line: u64, text: &str, out: &mut Vec<u8>) -> LineResult {
    let result = Case::from_json(text).and_then(|case| assessor.assess(&case));
    match result {
        Ok(a) => {
            let mark = out.len();
            out.extend_from_slice(b"{\"line\":");
            crate::model::json_out::write_u64(out, line);
            out.extend_from_slice(b",\"assessment\":");
            match crate::model::json_out::write(out, &a) {
                Ok(()) => {
                    out.push(b'}');
                    Some((a.level, a.level_range.could_change))
                }
                Err(e) => {
                    out.truncate(mark);
                    error_record(line, RecordErrorKind::Output, &e.to_string(), None, out)
                }
            }
        }
        Err(e) => error_record(
            line,
            RecordErrorKind::Case,
            &line_message(&e),
            e.path(),
            out,
        ),
    }
}

/// A case error's English message for a batch record. A syntax error's position is within
/// the line (its line is always 1: a line of JSON Lines holds no newline), so it says "column
/// N of this line" rather than "line 1 column N", which would read as the file's first line
/// beside the record's own `line`.
fn line_message(e: &crate::model::error::CaseError) -> String {
    match e {
        crate::model::error::CaseError::Syntax {
            message,
            line: 1,
            column,
        } => format!(
            "the case is not valid JSON: {} at column {column} of this line",
            crate::model::error::syntax_described(message)
        ),
        other => other.to_string(),
    }
}

fn error_record(
    line: u64,
    kind: RecordErrorKind,
    message: &str,
    path: Option<&str>,
    out: &mut Vec<u8>,
) -> LineResult {
    // `{"line":N,"error":{"kind":...,"message":...,"path":...}}`, keys in the same order as
    // assessment records; `path` only when the error has one.
    out.extend_from_slice(b"{\"line\":");
    out.extend_from_slice(line.to_string().as_bytes());
    out.extend_from_slice(b",\"error\":{\"kind\":");
    let _ = serde_json::to_writer(&mut *out, kind.as_str());
    out.extend_from_slice(b",\"message\":");
    let _ = serde_json::to_writer(&mut *out, message);
    if let Some(path) = path {
        out.extend_from_slice(b",\"path\":");
        let _ = serde_json::to_writer(&mut *out, path);
    }
    out.extend_from_slice(b"}}");
    None
}

/// A line read from the input.
enum Input {
    /// The line is in the buffer (whether it is UTF-8 is `process`'s to find out, once).
    Line(u64),
    /// The line was longer than the limit and was skipped: its number and size.
    TooLong(u64, usize),
}

/// Reads the next non-blank line into `buf`, bounded by `limit` bytes. `None` at the end.
fn read_line<R: BufRead>(
    input: &mut R,
    line_no: &mut u64,
    buf: &mut Vec<u8>,
    limit: usize,
) -> Result<Option<Input>, BatchError> {
    loop {
        buf.clear();
        // The limit is on the case, not on its line ending ("\n" or "\r\n"): a line may be
        // two bytes longer than the limit.
        let read = Read::take(&mut *input, limit as u64 + 2)
            .read_until(b'\n', buf)
            .map_err(|source| BatchError::Read {
                line: *line_no,
                source,
            })?;
        if read == 0 {
            return Ok(None);
        }
        *line_no += 1;
        if buf.last() != Some(&b'\n') && buf.len() > limit {
            // Too long: skip the rest of the line without holding it. Its size, as the limit
            // counts it, leaves out the line ending ("\n" or "\r\n"), whose "\r" may be the
            // last byte of what was read before.
            let mut skipped = buf.len();
            let mut last = buf.last().copied();
            loop {
                let (done, used, content) = {
                    let available = input.fill_buf().map_err(|source| BatchError::Read {
                        line: *line_no,
                        source,
                    })?;
                    if available.is_empty() {
                        (true, 0, 0)
                    } else {
                        match available.iter().position(|b| *b == b'\n') {
                            Some(i) => {
                                let before = i.checked_sub(1).and_then(|j| available.get(j));
                                if before.copied().or(last) == Some(b'\r') {
                                    // The "\r" was counted: take it back.
                                    skipped = skipped.saturating_sub(1);
                                }
                                (true, i + 1, i)
                            }
                            None => {
                                last = available.last().copied();
                                (false, available.len(), available.len())
                            }
                        }
                    }
                };
                input.consume(used);
                skipped += content;
                if done {
                    break;
                }
            }
            buf.clear();
            return Ok(Some(Input::TooLong(*line_no, skipped)));
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        // Blank: white space only, or the NUL bytes UTF-16 puts beside it (in a UTF-16 file
        // the newline's second byte begins the next line, so its last line is one NUL), after
        // any UTF-8 byte-order marks, which the case reader skips too (a file saved by a
        // Windows tool with an empty first line has a line of a mark alone).
        if without_byte_order_marks(buf)
            .iter()
            .all(|b| b.is_ascii_whitespace() || *b == 0)
        {
            continue;
        }
        return Ok(Some(Input::Line(*line_no)));
    }
}

/// The bytes of a line after the UTF-8 byte-order marks it starts with, if any.
fn without_byte_order_marks(mut line: &[u8]) -> &[u8] {
    while let Some(rest) = line.strip_prefix(b"\xef\xbb\xbf") {
        line = rest;
    }
    line
}

/// Turns one input line into its record in `out`.
fn process(
    assessor: &Assessor,
    input: &Input,
    text: &[u8],
    limit: usize,
    out: &mut Vec<u8>,
) -> LineResult {
    match input {
        // Every line of a UTF-16 file gets the same record, said so as every reader of the
        // crate says it: the first line's (which starts with the byte-order mark and is not
        // UTF-8 at all) and the others' (which have a NUL beside each ASCII letter and can be).
        Input::Line(n) if looks_utf16(text) => error_record(
            *n,
            RecordErrorKind::Line,
            "the line is UTF-16 text: save the file as UTF-8",
            None,
            out,
        ),
        Input::Line(n) => match std::str::from_utf8(text) {
            Ok(text) => assess_line(assessor, *n, text, out),
            // Another encoding (CP949, for one).
            Err(_) => error_record(
                *n,
                RecordErrorKind::Line,
                "the line is not valid UTF-8",
                None,
                out,
            ),
        },
        Input::TooLong(n, bytes) => error_record(
            *n,
            RecordErrorKind::Line,
            &format!("the line has {bytes} bytes, more than the limit of {limit}"),
            None,
            out,
        ),
    }
}

/// Assesses a stream of JSON Lines cases into a stream of JSON Lines records; see the module
/// documentation for the record format.
///
/// # Example
///
/// ```
/// use trafficking_indicators::Assessor;
/// use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};
///
/// let input = concat!(
///     r#"{"subject": {"age_years": 40}, "observations": [{"indicator": "withholding_of_wages", "status": "present"}]}"#,
///     "\n",
///     r#"{"observations": [{"indicator": "no_such_indicator", "status": "present"}]}"#,
///     "\n"
/// );
/// let mut output = Vec::new();
/// let summary = assess_jsonl(Assessor::default_builtin(), input.as_bytes(), &mut output, &BatchOptions::new())?;
/// assert_eq!((summary.assessed, summary.errors), (1, 1)); // a bad line is a record, not a stop
/// assert_eq!(String::from_utf8(output)?.lines().count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess_jsonl<R: BufRead, W: Write>(
    assessor: &Assessor,
    input: R,
    output: W,
    options: &BatchOptions,
) -> Result<BatchSummary, BatchError> {
    assess_jsonl_with_progress(assessor, input, output, options, |_| {})
}

/// Counts one line's result; true when the batch must stop.
fn tally(summary: &mut BatchSummary, result: LineResult, options: &BatchOptions) -> bool {
    summary.lines += 1;
    match result {
        Some((level, could_change)) => {
            summary.assessed += 1;
            if let Some(n) = summary.by_level.get_mut(level as usize) {
                *n += 1;
            }
            summary.could_change += u64::from(could_change);
            false
        }
        None => {
            summary.errors += 1;
            options.on_error == OnError::Stop
        }
    }
}

/// [`assess_jsonl`], calling `progress` with the running summary after each chunk of lines
/// (for a progress display).
pub fn assess_jsonl_with_progress<R: BufRead, W: Write>(
    assessor: &Assessor,
    mut input: R,
    mut output: W,
    options: &BatchOptions,
    mut progress: impl FnMut(&BatchSummary),
) -> Result<BatchSummary, BatchError> {
    let start = Instant::now();
    let limit = Limits::default().max_batch_line_bytes;
    let mut summary = BatchSummary {
        lines: 0,
        assessed: 0,
        errors: 0,
        by_level: [0; 4],
        could_change: 0,
        stopped: false,
        elapsed: Duration::ZERO,
    };
    let threads = options.threads.clamp(1, MAX_THREADS);
    let chunk = options.chunk_lines.max(1);
    // Lines held at once with several threads (saturating: the fields are public).
    let held = chunk.saturating_mul(threads);
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut out = Vec::new();
    if threads == 1 {
        // Read, assess, write, one line at a time, reusing two buffers.
        let mut since_progress = 0;
        while let Some(line) = read_line(&mut input, &mut line_no, &mut buf, limit)? {
            out.clear();
            let result = process(assessor, &line, &buf, limit, &mut out);
            out.push(b'\n');
            output.write_all(&out).map_err(BatchError::Write)?;
            let stop = tally(&mut summary, result, options);
            since_progress += 1;
            if since_progress == chunk {
                since_progress = 0;
                summary.elapsed = start.elapsed();
                progress(&summary);
            }
            if stop {
                summary.stopped = true;
                break;
            }
        }
    } else {
        // Chunks of lines assessed on `threads` threads, written in input order.
        let mut pending: Vec<(Input, Vec<u8>)> = Vec::with_capacity(held.min(1 << 16));
        loop {
            pending.clear();
            while pending.len() < held {
                match read_line(&mut input, &mut line_no, &mut buf, limit)? {
                    Some(line) => pending.push((line, std::mem::take(&mut buf))),
                    None => break,
                }
            }
            if pending.is_empty() {
                break;
            }
            let per = pending.len().div_ceil(threads);
            let parts: Vec<WorkerOutput> = std::thread::scope(|scope| {
                let handles: Vec<_> = pending
                    .chunks(per)
                    .map(|part| {
                        scope.spawn(move || {
                            let mut bytes = Vec::new();
                            let mut ends = Vec::with_capacity(part.len());
                            for (line, text) in part {
                                let result = process(assessor, line, text, limit, &mut bytes);
                                bytes.push(b'\n');
                                ends.push((bytes.len(), result));
                            }
                            (bytes, ends)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().map_err(|_| BatchError::Worker))
                    .collect::<Result<Vec<_>, _>>()
            })?;
            'parts: for (bytes, ends) in parts {
                let mut from = 0;
                for (end, result) in ends {
                    let record = bytes.get(from..end).unwrap_or(&[]);
                    output.write_all(record).map_err(BatchError::Write)?;
                    from = end;
                    if tally(&mut summary, result, options) {
                        summary.stopped = true;
                        break 'parts;
                    }
                }
            }
            summary.elapsed = start.elapsed();
            progress(&summary);
            if summary.stopped {
                break;
            }
        }
    }
    output.flush().map_err(BatchError::Write)?;
    summary.elapsed = start.elapsed();
    progress(&summary);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str, options: BatchOptions) -> (String, BatchSummary) {
        let mut out = Vec::new();
        let summary = assess_jsonl(
            Assessor::default_builtin(),
            input.as_bytes(),
            &mut out,
            &options,
        )
        .expect("in-memory batch");
        (String::from_utf8(out).expect("utf-8"), summary)
    }

    #[test]
    fn a_bad_line_in_the_middle_yields_one_error_record_and_the_rest() {
        let good =
            r#"{"observations": [{"indicator": "withholding_of_wages", "status": "present"}]}"#;
        let input = format!("{good}\n{good}\n{{not json\n\n{good}\n");
        for threads in [1, 2] {
            let (out, summary) = run(&input, BatchOptions::new().threads(threads));
            let lines: Vec<serde_json::Value> = out
                .lines()
                .map(|l| serde_json::from_str(l).expect("record"))
                .collect();
            assert_eq!(lines.len(), 4);
            let numbers: Vec<u64> = lines
                .iter()
                .map(|l| l["line"].as_u64().unwrap_or(0))
                .collect();
            assert_eq!(
                numbers,
                vec![1, 2, 3, 5],
                "blank line 4 is skipped, numbering kept"
            );
            assert!(
                lines[2]["error"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("not valid JSON"))
            );
            assert!(lines[3]["assessment"]["level"].is_string());
            assert_eq!((summary.assessed, summary.errors, summary.lines), (3, 1, 4));
        }
    }

    #[test]
    fn stop_on_error_stops() {
        let input = "{}\nnope\n{}\n";
        let (out, summary) = run(input, BatchOptions::new().on_error(OnError::Stop));
        assert_eq!(out.lines().count(), 2);
        assert!(summary.stopped);
    }

    #[test]
    fn an_overlong_line_is_skipped_with_an_error() {
        let long = format!(
            "{{\"case_reference\": \"{}\"}}",
            "x".repeat(Limits::DEFAULT.max_batch_line_bytes)
        );
        let input = format!("{{}}\n{long}\n{{}}\n");
        let (out, summary) = run(&input, BatchOptions::new());
        assert_eq!(summary.errors, 1);
        assert_eq!(summary.assessed, 2);
        assert!(out.contains("more than the limit"));
    }

    /// An overlong line's size, as its error gives it, is the line's own, without its
    /// ending, as the limit counts it: with "\n" or "\r\n", at the end of the input or not,
    /// and wherever the reader's buffer happens to split the line (its "\r" at the end of
    /// one chunk and its "\n" at the start of the next included).
    #[test]
    fn an_overlong_lines_size_leaves_out_its_line_ending() {
        let limit = 10;
        for size in [11, 12, 13, 17, 40] {
            for ending in ["", "\n", "\r\n"] {
                if size == limit + 1 && ending == "\n" {
                    // Read whole (limit + 2 bytes with its ending): the case reader refuses
                    // it, with its own error.
                    continue;
                }
                for capacity in [1, 2, 3, 5, 8, 64] {
                    // Without an ending, the line is the last of the input.
                    let next_line = if ending.is_empty() { "" } else { "{}\n" };
                    let text = format!("{}{ending}{next_line}", "x".repeat(size));
                    let mut input = std::io::BufReader::with_capacity(capacity, text.as_bytes());
                    let (mut line_no, mut buf) = (0, Vec::new());
                    let first = read_line(&mut input, &mut line_no, &mut buf, limit);
                    let Ok(Some(Input::TooLong(1, skipped))) = first else {
                        panic!("size {size}, ending {ending:?}: not too long");
                    };
                    assert_eq!(skipped, size, "ending {ending:?}, capacity {capacity}");
                    if !ending.is_empty() {
                        // The next line is read whole.
                        let next = read_line(&mut input, &mut line_no, &mut buf, limit);
                        assert!(matches!(next, Ok(Some(Input::Line(2)))));
                        assert_eq!(buf, b"{}");
                    }
                }
            }
        }
    }

    /// A case the reader takes on its own (exactly at the size limit) is taken as a batch
    /// line too, with either line ending: the limit is on the case, not on its newline.
    #[test]
    fn a_case_at_the_size_limit_is_assessed_whatever_its_line_ending() {
        let limit = Limits::DEFAULT.max_case_bytes;
        let head = r#"{"subject": {"age_years": 30}"#;
        let case = format!("{head}{}}}", " ".repeat(limit - head.len() - 1));
        assert_eq!(case.len(), limit);
        assert!(crate::Case::from_json(&case).is_ok(), "the reader takes it");
        for ending in ["\n", "\r\n"] {
            let (out, summary) = run(&format!("{case}{ending}{{}}{ending}"), BatchOptions::new());
            assert_eq!(
                (summary.assessed, summary.errors),
                (2, 0),
                "{ending:?}: {out}"
            );
        }
    }

    /// A line of byte-order marks alone, or with white space, is blank like an empty line
    /// (it was an error record saying the case is not JSON); a mark before a case is skipped,
    /// as the case reader skips it. Blank lines are counted in the line numbers.
    #[test]
    fn a_line_of_a_byte_order_mark_alone_is_blank() {
        let case = r#"{"subject": {"age_years": 30}}"#;
        let input =
            format!("\u{feff}\n\u{feff}\u{feff} \t\r\n{case}\n\u{feff}{case}\r\n\u{feff}\r\n");
        for threads in [1, 2] {
            let (out, summary) = run(&input, BatchOptions::new().threads(threads));
            assert_eq!(
                (summary.lines, summary.assessed, summary.errors),
                (2, 2, 0),
                "{out}"
            );
            let numbers: Vec<u64> = out
                .lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).expect("record")["line"]
                        .as_u64()
                        .unwrap_or(0)
                })
                .collect();
            assert_eq!(numbers, vec![3, 4]);
        }
        // A mark before something that is not a case is still an error record.
        let (out, summary) = run("\u{feff}x\n", BatchOptions::new());
        assert_eq!(summary.errors, 1, "{out}");
    }

    /// An error record names the field to fix as a JSON path, apart from the message; an
    /// error with no field (a line that is not JSON) has none.
    #[test]
    fn an_error_record_carries_the_path_of_the_field() {
        let input = "{\"observations\": [{\"indicator\": \"withholding_of_wages\", \"status\": \"maybe\"}]}\n{oops\n";
        let (out, _) = run(input, BatchOptions::new());
        let records: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("record"))
            .collect();
        assert_eq!(
            records.first().and_then(|r| r["error"]["path"].as_str()),
            Some("$.observations[0].status")
        );
        assert!(
            records
                .get(1)
                .is_some_and(|r| r["error"].get("path").is_none())
        );
    }

    /// An absurd number of threads is capped, not an overflow or an allocation failure.
    #[test]
    fn any_number_of_threads_gives_the_same_records() {
        let input = "{}\n{}\nnope\n{}\n";
        let (one, _) = run(input, BatchOptions::new());
        for threads in [2, 1000, usize::MAX] {
            let options = BatchOptions::new().threads(threads);
            assert!(options.threads <= MAX_THREADS);
            assert_eq!(run(input, options).0, one);
        }
        let mut options = BatchOptions::new();
        options.threads = usize::MAX;
        options.chunk_lines = usize::MAX;
        assert_eq!(
            run(input, options).0,
            one,
            "set through the public fields too"
        );
    }
}
