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

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
#[allow(dead_code)] // of the shared helpers, this example uses the printing macros and `Options`
#[macro_use]
mod common;

use std::process::ExitCode;

use trafficking_indicators::interop::batch::{BatchOptions, OnError, assess_jsonl_with_progress};
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
    --seed S          seed for --generate (default 1)
    --cases-only      with --generate: write the synthetic cases themselves, one per line,
                      without assessing them (an input file for timing the batch alone)
    --threads T       worker threads (default 1); output order is preserved
    --stop-on-error   stop at the first bad line (default: record it and go on)
    --rule-set ID     ilo-2009 (default), kr-2024 or kr-2023
    -h, --help        print this help

Each option is given at most once.
Each output line is {\"line\":N,\"assessment\":{...}} or {\"line\":N,\"error\":{...}}.
The summary (counts per level, errors, elapsed, cases per second) goes to standard error.
";

fn main() -> ExitCode {
    let mut generate: Option<u64> = None;
    let mut seed = 1u64;
    let mut cases_only = false;
    let mut options = BatchOptions::new();
    let mut rule_set = DEFAULT_RULE_SET.to_owned();
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
            "--seed" => number("--seed").map(|n| seed = n),
            "--threads" => number("--threads").map(|n| options = options.threads(n as usize)),
            "--cases-only" => given.once("--cases-only", Locale::En).map(|()| {
                cases_only = true;
            }),
            "--stop-on-error" => given.once("--stop-on-error", Locale::En).map(|()| {
                options = options.on_error(OnError::Stop);
            }),
            "--rule-set" => given
                .once("--rule-set", Locale::En)
                .and_then(|()| match args.next() {
                    Some(id) => {
                        rule_set = id;
                        Ok(())
                    }
                    None => Err("--rule-set takes an id".to_owned()),
                }),
            other if other.starts_with("--") => Err(format!("unknown option `{other}`")),
            // One input: a second file name is an error, never a silent choice of the last.
            _ if input.is_some() => Err("give one input file, not two".to_owned()),
            other => {
                input = Some(other.to_owned());
                Ok(())
            }
        };
        if let Err(message) = result {
            eprintln!("batch: {message} (see --help)");
            return ExitCode::from(2);
        }
    }
    if cases_only {
        let Some(n) = generate else {
            eprintln!("batch: --cases-only goes with --generate N (see --help)");
            return ExitCode::from(2);
        };
        let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let mut lines = SyntheticCases::new(seed).into_jsonl_reader(n);
        return match std::io::copy(&mut lines, &mut out).and_then(|_| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("batch: {e}");
                ExitCode::from(1)
            }
        };
    }
    let assessor = match Assessor::builtin(&rule_set) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("batch: {e}");
            return ExitCode::from(2);
        }
    };
    let reader: Box<dyn BufRead> = match (generate, input.as_deref()) {
        (Some(n), None) => Box::new(SyntheticCases::new(seed).into_jsonl_reader(n)),
        (None, Some("-")) => Box::new(BufReader::new(std::io::stdin().lock())),
        (None, Some(path)) => match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                eprintln!("batch: cannot open `{path}`: {e}");
                return ExitCode::from(1);
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
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::from(1)
        }
    }
}
