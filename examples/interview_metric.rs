//! How many questions a guided interview needs to reach reasonable grounds, on the data test
//! cases, against catalogue order and random order.
//!
//! ```text
//! cargo run --release --example interview_metric
//! ```
//!
//! For every data test case (`tests/cases/*.json`) whose complete answers reach at least
//! reasonable grounds, the interview starts from the subject and the forms, answers the
//! opening questions (safety, age, forms) from the case without counting them, and answers
//! each indicator question "present" if the case has it, else "absent", until the level
//! reaches reasonable grounds. The same for catalogue order and for a random order (mean of 20
//! seeds), among the same open questions.
//!
//! ```text
//! cargo run --release --example interview_metric -- --synthetic 20000 --seed 7 --rule-set ilo-2009
//! ```
//!
//! The same measure, interview against catalogue order, on the batch generator's synthetic
//! cases instead: many more cases than the data test cases, written by no one who knew the
//! ranking. The generator records indicators whatever the forms, so many of its cases reach
//! reasonable grounds only through an indicator the interview never asks (mostly one outside
//! the lists of the case's forms or tied to another form; otherwise another wording of a
//! concept the interview asked and was told "absent", because the generator records wordings
//! independently); those are counted by reason and left out, as are the few where only
//! catalogue order meets such a wording first. The measured cases are split by route: those
//! that reach reasonable grounds by the score criterion alone (with random order too, the
//! mean of 20 seeds) and the rest.

use std::collections::BTreeMap;
#[allow(dead_code)] // of the shared helpers, this example uses the printing macros and `Options`
#[macro_use]
mod common;

use std::process::ExitCode;

use trafficking_indicators::interop::synthetic::SyntheticCases;
use trafficking_indicators::interview::{QuestionOrder, questions_to_reasonable_grounds};
use trafficking_indicators::policy::Condition;
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, ConceptId, Level, ListId, ObservationStatus};

const USAGE: &str = "usage: interview_metric [--synthetic N [--seed S] [--rule-set ID]]";

const HELP: &str = "\
interview_metric: how many questions a guided interview needs to reach reasonable grounds

USAGE:
    interview_metric [--synthetic N [--seed S] [--rule-set ID]]

Without options: on the data test cases (tests/cases) whose complete answers reach
reasonable grounds, the interview (Interview::next) against catalogue order and a random
order (mean of 20 seeds), with the cases that needed most questions.
With --synthetic N: on the batch generator's first N synthetic cases (seed S, 7 by default)
under the rule set ID (ilo-2009 when not given), interview against catalogue
order, split by route.
Each option is given at most once. Build with --release: the synthetic measure assesses
every case many times.
";

const SEEDS: u64 = 20;

/// One case: its name, and the questions the interview, catalogue order and random order
/// needed.
type Row = (String, u32, u32, Option<f64>);

fn main() -> ExitCode {
    let mut synthetic: Option<u64> = None;
    let mut seed: Option<u64> = None;
    let mut rule_set: Option<String> = None;
    // An option given twice is a mistake, never a silent choice of its last value.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            out!("{HELP}");
            return ExitCode::SUCCESS;
        }
        if let Err(message) =
            given.check(&arg, &["--synthetic", "--seed", "--rule-set"], Locale::En)
        {
            eprintln!("interview_metric: {message} ({USAGE})");
            return ExitCode::from(2);
        }
        let number = |v: Option<String>| v.and_then(|v| v.parse().ok());
        let problem = match arg.as_str() {
            "--synthetic" => number(args.next())
                .map(|n| synthetic = Some(n))
                .ok_or("--synthetic takes a number".to_owned()),
            "--seed" => number(args.next())
                .map(|s| seed = Some(s))
                .ok_or("--seed takes a number".to_owned()),
            "--rule-set" => args
                .next()
                .map(|v| rule_set = Some(v))
                .ok_or("--rule-set takes an id".to_owned()),
            other => {
                // Named as every example names it, from the locale data.
                eprintln!(
                    "interview_metric: {}",
                    common::unknown_argument(other, Locale::En)
                );
                return ExitCode::from(2);
            }
        };
        if let Err(message) = problem {
            eprintln!("interview_metric: {message} ({USAGE})");
            return ExitCode::from(2);
        }
    }
    match synthetic {
        Some(n) => synthetic_cases(
            n,
            seed.unwrap_or(7),
            rule_set.as_deref().unwrap_or("ilo-2009"),
        ),
        None if seed.is_some() || rule_set.is_some() => {
            eprintln!("interview_metric: --seed and --rule-set go with --synthetic ({USAGE})");
            ExitCode::from(2)
        }
        None => data_cases(),
    }
}

/// Why the interview cannot bring a synthetic case to reasonable grounds: the first of its
/// present indicators the interview never asks, by the reason it is not asked.
fn why_left_out(assessor: &Assessor, case: &Case, relevant: &[ListId]) -> &'static str {
    let catalogue = assessor.catalogue();
    let present = || {
        case.observations
            .iter()
            .filter(|o| o.status == ObservationStatus::Present)
            .filter_map(|o| catalogue.get(o.indicator.as_str()))
    };
    if present().any(|e| !e.lists.iter().any(|l| relevant.contains(l))) {
        "an indicator outside the lists of the case's forms"
    } else if present()
        .any(|e| !e.forms.is_empty() && !e.forms.iter().any(|f| case.forms.contains(f)))
    {
        "an indicator tied to another form"
    } else if present().any(|e| {
        case.observations.iter().any(|o| {
            o.status == ObservationStatus::Absent
                && o.indicator != e.id
                && catalogue.get(o.indicator.as_str()).is_some_and(|other| {
                    other.concept == e.concept && other.dimension == e.dimension
                })
        })
    }) {
        "one concept recorded present and absent in two wordings"
    } else {
        "another wording of a concept asked and answered \"absent\", or the simulation stopped"
    }
}

/// The measure on `n` synthetic cases: interview against catalogue order.
fn synthetic_cases(n: u64, seed: u64, rule_set: &str) -> ExitCode {
    let assessor = match Assessor::builtin(rule_set) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("interview_metric: {e}");
            return ExitCode::from(2);
        }
    };
    // The criteria that look at the score alone (the weight of evidence), to tell the cases
    // that reach reasonable grounds by these and no other criterion.
    let score_only: Vec<&ConceptId> = assessor
        .rule_set()
        .levels
        .reasonable_grounds
        .iter()
        .filter(|c| {
            c.all
                .iter()
                .all(|k| matches!(k, Condition::ScoreAtLeast(_)))
        })
        .map(|c| &c.id)
        .collect();
    let mut reaching = 0u32;
    // (interview, catalogue order, by the score alone) per case both bring to reasonable
    // grounds.
    let mut pairs: Vec<(u32, u32, bool)> = Vec::new();
    // Random order (mean of the seeds) on the cases by the score alone: few, and the route
    // where the interview loses most often, so worth the extra runs.
    let mut random_by_score: Vec<f64> = Vec::new();
    let mut random_failed = 0u32;
    let mut left_out: BTreeMap<&'static str, u32> = BTreeMap::new();
    for case in SyntheticCases::new(seed).take(n as usize) {
        let Ok(complete) = assessor.assess(&case) else {
            continue;
        };
        if complete.level < Level::ReasonableGrounds {
            continue;
        }
        reaching += 1;
        let interview = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Interview);
        let catalogue = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Catalogue);
        match (interview, catalogue) {
            (Some(i), Some(c)) => {
                let by_score_alone = complete.level == Level::ReasonableGrounds
                    && complete
                        .explanation
                        .reasonable_grounds
                        .iter()
                        .all(|c| !c.met || score_only.contains(&&c.id));
                if by_score_alone {
                    let (random, failed) = random_order(assessor, &case);
                    random_by_score.extend(random);
                    random_failed += failed;
                }
                pairs.push((i, c, by_score_alone));
            }
            (None, _) => {
                let why = why_left_out(
                    assessor,
                    &case,
                    &complete.explanation.subject.relevant_lists,
                );
                *left_out.entry(why).or_default() += 1;
            }
            (Some(_), None) => *left_out.entry("catalogue order only").or_default() += 1,
        }
    }
    outln!("synthetic cases: {n} (seed {seed}), rule set {rule_set}");
    outln!("complete cases at reasonable grounds or above: {reaching}");
    outln!(
        "left out, because in one order or both the interview asks every question it can and stays below: {}",
        reaching as usize - pairs.len()
    );
    for (why, count) in &left_out {
        outln!("  {count:>6}  {why}");
    }
    if pairs.is_empty() {
        eprintln!("interview_metric: no case measured");
        return ExitCode::from(1);
    }
    let k = pairs.len() as f64;
    // The mean of one order's questions over the measured cases, or over one route's (the
    // score criterion alone: `Some(true)`; any other: `Some(false)`).
    let mean = |route: Option<bool>, f: fn(&(u32, u32, bool)) -> u32| {
        mean_of(
            pairs
                .iter()
                .filter(|p| route.is_none_or(|alone| p.2 == alone))
                .map(|p| f64::from(f(p))),
        )
    };
    let mut gaps: Vec<u32> = pairs
        .iter()
        .filter(|(i, c, _)| i > c)
        .map(|(i, c, _)| i - c)
        .collect();
    let by_score = pairs.iter().filter(|p| p.2).count();
    let worse_by_score = pairs.iter().filter(|p| p.2 && p.0 > p.1).count();
    gaps.sort_unstable();
    // The median, the mean of the middle two for an even count.
    let median = match gaps.len() {
        0 => 0.0,
        len if len % 2 == 1 => gaps.get(len / 2).map_or(0.0, |&g| f64::from(g)),
        len => {
            let (a, b) = (gaps.get(len / 2 - 1), gaps.get(len / 2));
            a.zip(b)
                .map_or(0.0, |(&a, &b)| (f64::from(a) + f64::from(b)) / 2.0)
        }
    };
    let worst = pairs.iter().map(|p| p.0).max().unwrap_or(0);
    outln!(
        "measured: {}; mean questions to reasonable grounds: interview {}, catalogue order {}",
        pairs.len(),
        shown(mean(None, |p| p.0), 2),
        shown(mean(None, |p| p.1), 2)
    );
    outln!(
        "cases worse than catalogue order: {} ({:.2}%), by a median of {median} and at most {} questions; worst case for the interview: {worst} questions",
        gaps.len(),
        100.0 * gaps.len() as f64 / k,
        gaps.last().copied().unwrap_or(0),
    );
    outln!(
        "of these, by the score criterion alone: {worse_by_score} (of {by_score} such cases measured); by any other route: {} (of {})",
        gaps.len() - worse_by_score,
        pairs.len() - by_score
    );
    match (mean(Some(true), |p| p.0), mean(Some(true), |p| p.1)) {
        (Some(i), Some(c)) => outln!(
            "mean questions by the score criterion alone: interview {i:.1}, catalogue order {c:.1}, random order {} (mean of {SEEDS} seeds{})",
            shown(mean_of(random_by_score.iter().copied()), 1),
            failed_runs(random_failed),
        ),
        _ => outln!("mean questions by the score criterion alone: no case measured"),
    }
    match (mean(Some(false), |p| p.0), mean(Some(false), |p| p.1)) {
        (Some(i), Some(c)) => {
            outln!("mean questions by any other route: interview {i:.2}, catalogue order {c:.2}")
        }
        _ => outln!("mean questions by any other route: no case measured"),
    }
    ExitCode::SUCCESS
}

/// The questions random order needs to reach reasonable grounds, the mean over the [`SEEDS`]
/// seeds that reach it (none: `None`), and how many seeds do not.
fn random_order(assessor: &Assessor, case: &Case) -> (Option<f64>, u32) {
    let runs: Vec<Option<u32>> = (1..=SEEDS)
        .map(|seed| questions_to_reasonable_grounds(assessor, case, QuestionOrder::Random(seed)))
        .collect();
    let failed = runs.iter().filter(|r| r.is_none()).count() as u32;
    (
        mean_of(runs.iter().flatten().map(|&n| f64::from(n))),
        failed,
    )
}

/// The mean, or `None` for no value at all.
fn mean_of(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0u32), |(s, k), v| (s + v, k + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// A mean to `decimals` places, or that there is no case to take it over.
fn shown(mean: Option<f64>, decimals: usize) -> String {
    mean.map_or_else(|| "(no case)".to_owned(), |m| format!("{m:.decimals$}"))
}

/// The random-order runs that never reached reasonable grounds, said only when there are any.
fn failed_runs(failed: u32) -> String {
    if failed == 0 {
        String::new()
    } else {
        format!("; {failed} runs did not reach reasonable grounds and are left out")
    }
}

/// The measure on the data test cases, with random order too.
fn data_cases() -> ExitCode {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("interview_metric: cannot read {}", dir.display());
        return ExitCode::from(1);
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut rows: Vec<Row> = Vec::new();
    let mut random_failed = 0u32;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(rule_set) = doc.get("rule_set").and_then(serde_json::Value::as_str) else {
            continue;
        };
        let Ok(assessor) = Assessor::builtin(rule_set) else {
            continue;
        };
        let Ok(case) =
            Case::from_json(&doc.get("case").map(ToString::to_string).unwrap_or_default())
        else {
            continue;
        };
        let Some(interview) =
            questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Interview)
        else {
            continue;
        };
        let catalogue = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Catalogue)
            .unwrap_or(u32::MAX);
        let (random, failed) = random_order(assessor, &case);
        random_failed += failed;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_owned();
        rows.push((name, interview, catalogue, random));
    }
    if rows.is_empty() {
        eprintln!("interview_metric: no case reaches reasonable grounds");
        return ExitCode::from(1);
    }
    // The first column as wide as the longest case name.
    let width = rows.iter().map(|(name, ..)| name.len()).max().unwrap_or(0);
    outln!(
        "{:<width$} {:>9} {:>9} {:>9}",
        "case",
        "interview",
        "catalogue",
        "random"
    );
    for (name, i, c, r) in &rows {
        let mark = if i > c {
            "  <- worse than catalogue order"
        } else {
            ""
        };
        let r = r.map_or_else(|| "-".to_owned(), |r| format!("{r:.1}"));
        outln!("{name:<width$} {i:>9} {c:>9} {r:>9}{mark}");
    }
    let worst = rows.iter().max_by_key(|r| r.1).map_or(0, |r| r.1);
    let worse = rows.iter().filter(|r| r.1 > r.2).count();
    outln!();
    outln!(
        "cases reaching reasonable grounds with every answer: {}",
        rows.len()
    );
    outln!(
        "mean questions to reasonable grounds: interview {}, catalogue order {}, random order {} (mean of {SEEDS} seeds{})",
        shown(mean_of(rows.iter().map(|r| f64::from(r.1))), 2),
        shown(mean_of(rows.iter().map(|r| f64::from(r.2))), 2),
        shown(mean_of(rows.iter().filter_map(|r| r.3)), 2),
        failed_runs(random_failed),
    );
    outln!(
        "worst case for the interview: {worst} questions; cases worse than catalogue order: {worse}"
    );
    ExitCode::SUCCESS
}
