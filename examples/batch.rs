//! Assess a JSON Lines file of cases (or standard input) into JSON Lines records on standard
//! output; a summary goes to standard error, with a progress line while it runs when standard
//! error is a terminal.
//!
//! ```text
//! cargo run --release --example batch -- cases.jsonl > assessments.jsonl
//! cargo run --release --example batch -- --generate 100000 > /dev/null
//! cargo run --release --example batch -- --generate 20000 --cases-only > cases.jsonl
//! cargo run --release --example batch -- --threads 2 --stop-on-error - < cases.jsonl
//! ```
//!
//! The exit status tells a pipeline whether the output is complete: 0 every line assessed;
//! 1 the batch ran to its end (with `--stop-on-error`, to the first bad line) and some lines
//! are error records; 2 the command line was wrong; 3 the batch stopped before its end (the
//! input could not be opened or read, or the output could not be written, a closed pipe
//! included), so the output is cut short. `assess` and the other examples use 0, 1 and 2 the
//! same way; 3 is the batch's own.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
// Of the shared helpers, this example uses the printing macros, `Options` and
// `unknown_rule_set`.
#[allow(dead_code)]
#[macro_use]
mod common;

use std::process::ExitCode;

use trafficking_indicators::interop::batch::{
    BatchOptions, MAX_THREADS, OnError, assess_jsonl_with_progress,
};
use trafficking_indicators::interop::synthetic::SyntheticCases;
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, DEFAULT_RULE_SET};

const HELP: &str = "\
batch: assess JSON Lines cases into JSON Lines records

USAGE:
    batch [OPTIONS] <CASES.jsonl | ->
    batch [OPTIONS] --generate N

OPTIONS:
    --generate N      assess N synthetic cases (seeded, reproducible) instead of a file
    --seed S          with --generate: the seed (default 1)
    --cases-only      with --generate: write the synthetic cases themselves, one per line,
                      without assessing them (an input file for timing the batch alone;
                      --threads, --stop-on-error and --rule-set do not go with it)
    --threads T       worker threads, 1 to 256 (default 1); output order is preserved
    --stop-on-error   stop at the first bad line (default: record it and go on)
    --rule-set ID     ilo-2009 (default), kr-2024 or kr-2023
    -h, --help        print this help

Each option is given at most once.
Each output line is {\"line\":N,\"assessment\":{...}} or {\"line\":N,\"error\":{...}}.
The summary (counts per level, errors, elapsed, cases per second) goes to standard error.

EXIT STATUS:
    0 every line assessed; 1 finished, and some lines are error records (with
    --stop-on-error: stopped at the first); 2 bad command line; 3 aborted: the input
    could not be opened or read, or the output could not be written (a closed pipe too),
    so the output is incomplete
";

/// Finished, and some lines are error records (or, with `--stop-on-error`, stopped at the
/// first, as asked): the output holds a record for every line it reached.
const WITH_ERROR_RECORDS: u8 = 1;

/// Stopped before the end: the input could not be opened or read, or the output could not
/// be written (a closed pipe too). The output is incomplete.
const ABORTED: u8 = 3;

/// A mistake of the command line: exit status 2.
fn usage(message: &str) -> ExitCode {
    eprintln!("batch: {message} (see --help)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut generate: Option<u64> = None;
    let mut seed: Option<u64> = None;
    let mut cases_only = false;
    let mut threads: Option<usize> = None;
    let mut stop_on_error = false;
    let mut rule_set: Option<String> = None;
    let mut input: Option<String> = None;
    // An option given twice is a mistake, never a silent choice of its last value.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &'static str| -> Result<u64, String> {
            given.once(name, Locale::En)?;
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} takes a number"))
        };
        let result = match arg.as_str() {
            "-h" | "--help" => {
                out!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--generate" => number("--generate").map(|n| generate = Some(n)),
            "--seed" => number("--seed").map(|n| seed = Some(n)),
            // Refused outside its range, never raised or lowered into it.
            "--threads" => given.once("--threads", Locale::En).and_then(|()| {
                match args.next().and_then(|v| v.parse::<usize>().ok()) {
                    Some(n) if (1..=MAX_THREADS).contains(&n) => {
                        threads = Some(n);
                        Ok(())
                    }
                    _ => Err(format!("--threads takes a number from 1 to {MAX_THREADS}")),
                }
            }),
            "--cases-only" => given.once("--cases-only", Locale::En).map(|()| {
                cases_only = true;
            }),
            "--stop-on-error" => given.once("--stop-on-error", Locale::En).map(|()| {
                stop_on_error = true;
            }),
            "--rule-set" => given
                .once("--rule-set", Locale::En)
                .and_then(|()| match args.next() {
                    Some(id) => {
                        rule_set = Some(id);
                        Ok(())
                    }
                    None => Err("--rule-set takes an id".to_owned()),
                }),
            // Named as every example names it (up to any `=`), from the locale data.
            other if other.starts_with("--") => {
                eprintln!("batch: {}", common::unknown_argument(other, Locale::En));
                return ExitCode::from(2);
            }
            // One input: a second file name is an error, never a silent choice of the last.
            _ if input.is_some() => Err("give one input file, not two".to_owned()),
            other => {
                input = Some(other.to_owned());
                Ok(())
            }
        };
        if let Err(message) = result {
            return usage(&message);
        }
    }
    // The rule set is checked whatever else is asked: a mistyped id is never passed over.
    let assessor = match Assessor::builtin(rule_set.as_deref().unwrap_or(DEFAULT_RULE_SET)) {
        Ok(a) => a,
        Err(_) => return usage(&common::unknown_rule_set(Locale::En)),
    };
    // An option that would have no effect is refused, not ignored.
    if seed.is_some() && generate.is_none() {
        return usage("--seed goes with --generate N");
    }
    let seed = seed.unwrap_or(1);
    if cases_only {
        let Some(n) = generate else {
            return usage("--cases-only goes with --generate N");
        };
        // The cases are written, not assessed: the options of the assessment do not apply.
        for (option, given) in [
            ("--rule-set", rule_set.is_some()),
            ("--threads", threads.is_some()),
            ("--stop-on-error", stop_on_error),
        ] {
            if given {
                return usage(&format!(
                    "{option} does not go with --cases-only (the cases are written, not assessed)"
                ));
            }
        }
        let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let mut lines = SyntheticCases::new(seed).into_jsonl_reader(n);
        return match std::io::copy(&mut lines, &mut out).and_then(|_| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("batch: cannot write the output: {e}");
                ExitCode::from(ABORTED)
            }
        };
    }
    let mut options = BatchOptions::new().threads(threads.unwrap_or(1));
    if stop_on_error {
        options = options.on_error(OnError::Stop);
    }
    let reader: Box<dyn BufRead> = match (generate, input.as_deref()) {
        (Some(n), None) => Box::new(SyntheticCases::new(seed).into_jsonl_reader(n)),
        (None, Some("-")) => Box::new(BufReader::new(std::io::stdin().lock())),
        (None, Some(path)) => match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                // The input is named by its role, not its path: a file is often named after
                // the person it is about.
                eprintln!("batch: cannot open the input file: {e}");
                return ExitCode::from(ABORTED);
            }
        },
        _ => {
            eprintln!("batch: give one input file, `-`, or --generate N (see --help)");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout().lock();
    let out = BufWriter::with_capacity(1 << 16, stdout);
    let show_progress = std::io::stderr().is_terminal();
    let result = assess_jsonl_with_progress(assessor, reader, out, &options, |s| {
        if show_progress {
            eprint!(
                "\r{} cases, {} errors, {:.0} cases/s   ",
                s.lines,
                s.errors,
                s.lines_per_second()
            );
            let _ = std::io::stderr().flush();
        }
    });
    if show_progress {
        eprintln!();
    }
    match result {
        Ok(summary) => {
            eprintln!("batch: {summary}");
            if summary.errors > 0 {
                ExitCode::from(WITH_ERROR_RECORDS)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::from(ABORTED)
        }
    }
}
