//! Assess every row of a CTDC file (the Counter Trafficking Data Collaborative's Global
//! K-anonymised Dataset) and print how the levels fall by type of exploitation and by data
//! source.
//!
//! ```text
//! cargo run --release --features ctdc --example ctdc -- ../shared/data/ctdc/the_global_k_anon_dataset.csv
//! cargo run --release --features ctdc --example ctdc -- FILE --jsonl assessments.jsonl --rule-set kr-2024
//! ```
//!
//! A malformed row is counted and reported by row number and column (never its content) and
//! the rest of the file is still assessed. Exit status 1 when the file cannot be opened or its
//! header lacks a column the mapping needs, 2 for a bad command line.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
#[allow(dead_code)] // of the shared helpers, this example uses the printing macros, `Options` and `unknown_argument`
#[macro_use]
mod common;

use std::process::ExitCode;
use std::time::Instant;

use trafficking_indicators::interop::ctdc::{
    self, CtdcReader, CtdcRecord, DataSource, ExploitationType, Majority,
};
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessment, Assessor};

const HELP: &str = "\
ctdc: assess every row of a CTDC K-anonymised dataset file

USAGE:
    ctdc <FILE> [--jsonl OUT] [--rule-set ID]

ARGS:
    <FILE>           the CTDC file (`;`-separated, e.g. the_global_k_anon_dataset.csv)

OPTIONS:
    --jsonl OUT      also write one assessment JSON per line to OUT, in row order
                     (malformed rows are skipped; each assessment's case_reference names
                     its row as ctdc-row-<n>)
    --rule-set ID    a built-in rule set: ilo-2009 (default), kr-2024 or kr-2023
    -h, --help       print this help
";

struct Args {
    input: String,
    jsonl: Option<String>,
    rule_set: String,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut input = None;
    let mut jsonl = None;
    let mut rule_set = trafficking_indicators::DEFAULT_RULE_SET.to_owned();
    // An option given twice is a mistake, never a silent choice of its last value.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--jsonl" => {
                given.once("--jsonl", Locale::En)?;
                jsonl = Some(args.next().ok_or("--jsonl takes a file")?);
            }
            "--rule-set" => {
                given.once("--rule-set", Locale::En)?;
                rule_set = args.next().ok_or("--rule-set takes an id")?;
            }
            other if other.starts_with("--") => {
                return Err(common::unknown_argument(other, Locale::En));
            }
            other => {
                if input.replace(other.to_owned()).is_some() {
                    return Err("give one CTDC file".into());
                }
            }
        }
    }
    let input = input.ok_or("give the CTDC file to read (see --help)")?;
    Ok(Some(Args {
        input,
        jsonl,
        rule_set,
    }))
}

/// Rows by level, for one group.
#[derive(Default, Clone, Copy)]
struct Tally {
    levels: [u64; 4],
    could_change: u64,
}

impl Tally {
    fn add(&mut self, a: &Assessment) {
        if let Some(n) = self.levels.get_mut(a.level as usize) {
            *n += 1;
        }
        if a.level_range.could_change {
            self.could_change += 1;
        }
    }

    fn rows(&self) -> u64 {
        self.levels.iter().sum()
    }
}

/// Groups in a fixed order, so the tables are the same on every run.
struct Table {
    title: &'static str,
    groups: BTreeMap<usize, (&'static str, Tally)>,
}

impl Table {
    fn new(title: &'static str) -> Table {
        Table {
            title,
            groups: BTreeMap::new(),
        }
    }

    fn add(&mut self, (order, label): (usize, &'static str), a: &Assessment) {
        self.groups
            .entry(order)
            .or_insert((label, Tally::default()))
            .1
            .add(a);
    }

    fn print(&self, total: &Tally) {
        outln!("{}", self.title);
        outln!(
            "  {:<30} {:>7}  {:>18} {:>18} {:>18} {:>18}  {:>16}",
            "",
            "rows",
            "no_indicators",
            "further_inquiry",
            "reasonable_grounds",
            "definition_met",
            "could change"
        );
        for (label, tally) in self.groups.values() {
            row(label, tally);
        }
        row("all rows", total);
        outln!();
    }
}

fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn cell(part: u64, whole: u64) -> String {
    format!("{part:>7} {:>5.1}%", pct(part, whole))
}

fn row(label: &str, t: &Tally) {
    let n = t.rows();
    outln!(
        "  {:<30} {:>7}  {:>18} {:>18} {:>18} {:>18}  {:>16}",
        label,
        n,
        cell(t.levels[0], n),
        cell(t.levels[1], n),
        cell(t.levels[2], n),
        cell(t.levels[3], n),
        cell(t.could_change, n)
    );
}

fn exploitation_group(record: &CtdcRecord) -> (usize, &'static str) {
    use ExploitationType as T;
    let has = |t: T| record.exploitation.contains(&t);
    if has(T::SexAndLabour) || (has(T::ForcedLabour) && has(T::SexualExploit)) {
        return (2, "sexual and labour");
    }
    match record.exploitation.as_slice() {
        [T::SexualExploit] => (0, "sexual exploitation"),
        [T::ForcedLabour] => (1, "forced labour"),
        [T::OtherExploit] => (3, "other exploitation"),
        [T::ForcedMarriage] => (4, "forced marriage"),
        [T::SlaveryAndPractices] => (5, "slavery and similar practices"),
        [] => (7, "type not recorded"),
        _ => (6, "several other combinations"),
    }
}

fn source_group(record: &CtdcRecord) -> (usize, &'static str) {
    match record.data_source {
        Some(DataSource::CaseManagement) => (0, "Case Management"),
        Some(DataSource::Hotline) => (1, "Hotline"),
        None => (2, "not recorded"),
    }
}

fn age_group(record: &CtdcRecord) -> (usize, &'static str) {
    match record.majority_status {
        Some(Majority::Minor) => (0, "minor when registered"),
        Some(Majority::Adult) if record.minor_at_exploitation_or_entry() => {
            (2, "adult, minor earlier")
        }
        Some(Majority::Adult) => (1, "adult (not minor earlier)"),
        None => (3, "age not recorded"),
    }
}

fn means_group(record: &CtdcRecord) -> (usize, &'static str) {
    if record.any_means_of_control_recorded() {
        (0, "some means of control known")
    } else {
        (1, "no means of control known")
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            out!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("ctdc: {e}");
            return ExitCode::from(2);
        }
    };
    let assessor = match Assessor::builtin(&args.rule_set) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("ctdc: {e}");
            return ExitCode::from(2);
        }
    };
    let file = match File::open(&args.input) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("ctdc: cannot open the CTDC file: {}", e.kind());
            return ExitCode::from(1);
        }
    };
    let mut jsonl = match &args.jsonl {
        None => None,
        Some(path) => match File::create(path) {
            Ok(f) => Some(BufWriter::new(f)),
            Err(e) => {
                eprintln!("ctdc: cannot create the --jsonl file: {}", e.kind());
                return ExitCode::from(1);
            }
        },
    };

    outln!("{}", ctdc::ATTRIBUTION);
    let stamp = assessor.stamp();
    // What a researcher cites beside the figures: the crate's version, the rule set's, and the
    // two crosswalk files by the SHA-256 of their bytes (a researcher's review, fortieth
    // session: the figures change with the rules and the mappings).
    let short = |text: &str| {
        use sha2::{Digest, Sha256};
        Sha256::digest(text.as_bytes())
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let (means_path, means_text) = ctdc::Crosswalk::builtin_file();
    let (facts_path, facts_text) = ctdc::FactCrosswalk::builtin_file();
    outln!(
        "Rule set {} v{} (effective {}), digest {}; trafficking-indicators {}; crosswalks {} (SHA-256 {}) and {} (SHA-256 {}).",
        stamp.id,
        stamp.version,
        stamp.effective_date,
        stamp.digest.get(..12).unwrap_or(&stamp.digest),
        env!("CARGO_PKG_VERSION"),
        means_path,
        short(means_text),
        facts_path,
        short(facts_text)
    );
    outln!(
        "Every CTDC row is a person already registered as a victim: the levels below measure how much of that the row's recorded indicators show, not whether the person was trafficked.\n"
    );

    let start = Instant::now();
    let reader = match CtdcReader::new(BufReader::with_capacity(1 << 16, file)) {
        Ok(r) => r,
        Err(e) => {
            // The file by its role, never its name (README, "Privacy").
            eprintln!("ctdc: the CTDC file: {e}");
            return ExitCode::from(1);
        }
    };
    let mut by_type = Table::new("Level by type of exploitation");
    let mut by_source = Table::new("Level by data source");
    let mut by_means = Table::new("Level by whether any means of control is known");
    let mut by_age =
        Table::new("Level by age (majorityStatus, and minor at exploitation or entry)");
    let mut total = Tally::default();
    let mut rows_read = 0u64;
    let mut malformed: Vec<String> = Vec::new();
    let mut malformed_count = 0u64;
    let mut not_assessed = 0u64;
    let mut write_failed = false;
    for result in reader {
        rows_read += 1;
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                malformed_count += 1;
                if malformed.len() < 5 {
                    malformed.push(e.to_string()); // row and column, never the cell's text
                }
                continue;
            }
        };
        let assessment = match assessor.assess(&record.case) {
            Ok(a) => a,
            Err(e) => {
                not_assessed += 1;
                eprintln!("ctdc: row {}: not assessed: {e}", record.row);
                continue;
            }
        };
        total.add(&assessment);
        by_type.add(exploitation_group(&record), &assessment);
        by_source.add(source_group(&record), &assessment);
        by_means.add(means_group(&record), &assessment);
        by_age.add(age_group(&record), &assessment);
        if let Some(out) = jsonl.as_mut()
            && !write_failed
            && writeln!(out, "{}", assessment.to_json()).is_err()
        {
            write_failed = true;
        }
    }
    if let Some(mut out) = jsonl
        && (out.flush().is_err() || write_failed)
    {
        eprintln!("ctdc: writing the JSON Lines file failed");
        return ExitCode::from(1);
    }
    let elapsed = start.elapsed();

    by_type.print(&total);
    by_source.print(&total);
    by_means.print(&total);
    by_age.print(&total);

    let n = total.rows();
    let at_least_rg = total.levels[2] + total.levels[3];
    outln!(
        "Reasonable grounds or above (HTCDS vic_TraffickingStatus = PossibleVictimOfTrafficking): {}",
        cell(at_least_rg, n).trim_start()
    );
    outln!(
        "Level could still change if the open questions were answered: {} of {} assessed rows ({:.1}%)",
        total.could_change,
        n,
        pct(total.could_change, n)
    );
    outln!(
        "Rows read: {rows_read}; assessed: {n}; malformed: {malformed_count}; valid but not assessable: {not_assessed}"
    );
    for line in &malformed {
        outln!("  {line}");
    }
    if malformed_count > malformed.len() as u64 {
        outln!(
            "  ... and {} more",
            malformed_count - malformed.len() as u64
        );
    }
    if let Some(path) = &args.jsonl {
        outln!("Assessments written to {path} (one JSON per line).");
    }
    let secs = elapsed.as_secs_f64();
    outln!(
        "Elapsed: {:.2} s for reading, mapping and assessing ({:.0} rows per second, one thread).",
        secs,
        if secs > 0.0 {
            rows_read as f64 / secs
        } else {
            0.0
        }
    );
    ExitCode::SUCCESS
}
