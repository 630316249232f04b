//! Criterion benchmarks, named `area/case`. Each says which user situation it stands for.
//!
//! Run with `cargo bench`; the README quotes the medians with the machine they came from.
//! These machines are shared and noisy: compare ratios within one run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::io::BufRead;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use trafficking_indicators::catalogue::CatalogueDocument;
use trafficking_indicators::interop::batch::{BatchOptions, assess_jsonl};
use trafficking_indicators::interop::synthetic::{SyntheticCases, full_adult_labour_case};
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, validate};

/// A typical parsed case: about 20 observations, as a screening form produces.
fn typical() -> Case {
    // The first synthetic case with 18 to 22 observations, so the input is stable.
    SyntheticCases::new(42)
        .find(|c| {
            (18..=22).contains(&c.observations.len())
                && c.subject.age_years.is_some_and(|a| a >= 18)
        })
        .unwrap_or_default()
}

/// Interactive screening: a form is re-assessed as each answer comes in, so one assessment
/// (explanation included) must cost nothing a person could notice.
fn assess(c: &mut Criterion) {
    let assessor = Assessor::default_builtin();
    let typical = typical();
    let full = full_adult_labour_case(7);
    let mut g = c.benchmark_group("assess");
    g.throughput(Throughput::Elements(1));
    g.bench_function("typical", |b| {
        b.iter(|| assessor.assess(black_box(&typical)))
    });
    g.bench_function("full", |b| b.iter(|| assessor.assess(black_box(&full))));
    // The same, with the caseworker's text report rendered.
    g.bench_function("typical_with_report", |b| {
        b.iter(|| assessor.assess(black_box(&typical)).map(|a| a.report()))
    });
    g.bench_function("full_with_report", |b| {
        b.iter(|| assessor.assess(black_box(&full)).map(|a| a.report()))
    });
    g.finish();
}

/// A service endpoint or a form backend: JSON text in, assessment JSON out. The serde_json
/// round trip of the same case (parse into a `Value`, serialize it again) is the floor any
/// JSON service pays; the ratio shows what the assessment itself costs.
fn pipeline(c: &mut Criterion) {
    let assessor = Assessor::default_builtin();
    let json = typical().to_json_pretty();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("parse_assess_serialize", |b| {
        b.iter(|| {
            Case::from_json(black_box(&json))
                .and_then(|case| assessor.assess(&case))
                .map(|a| a.to_json())
        })
    });
    g.bench_function("serde_value_roundtrip_baseline", |b| {
        b.iter(|| {
            serde_json::from_str::<serde_json::Value>(black_box(&json))
                .map(|v| serde_json::to_string(&v))
        })
    });
    g.bench_function("parse_only", |b| {
        b.iter(|| Case::from_json(black_box(&json)))
    });
    g.finish();
}

/// Re-assessing a case archive when a rule set changes, or a research dataset: JSON Lines in
/// and out on one thread. Baseline: the same lines parsed and re-serialized by serde_json.
fn batch(c: &mut Criterion) {
    let assessor = Assessor::default_builtin();
    let n = 2_000u64;
    let mut input = Vec::new();
    std::io::Read::read_to_end(&mut SyntheticCases::new(1).into_jsonl_reader(n), &mut input)
        .unwrap_or_default();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(n));
    g.sample_size(20);
    g.bench_function(BenchmarkId::new("jsonl_single_thread", n), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(input.len() * 8);
            assess_jsonl(
                assessor,
                black_box(&input[..]),
                &mut out,
                &BatchOptions::new(),
            )
            .map(|s| (s.assessed, out.len()))
        })
    });
    g.bench_function(BenchmarkId::new("jsonl_two_threads", n), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(input.len() * 8);
            assess_jsonl(
                assessor,
                black_box(&input[..]),
                &mut out,
                &BatchOptions::new().threads(2),
            )
            .map(|s| (s.assessed, out.len()))
        })
    });
    g.bench_function(BenchmarkId::new("serde_value_roundtrip_baseline", n), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(input.len() * 2);
            for line in black_box(&input[..]).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                    let _ = serde_json::to_writer(&mut out, &v);
                    out.push(b'\n');
                }
            }
            out.len()
        })
    });
    g.finish();
}

/// Loading a policy: a rule set parsed from its file, validated against the catalogue and
/// compiled, as a service does at start-up or when an administrator uploads a new one.
fn rule_set(c: &mut Criterion) {
    let (_, text) = RuleSet::builtin_files().next().unwrap_or(("", "{}"));
    let catalogue = Catalogue::builtin();
    let mut g = c.benchmark_group("rule_set");
    g.bench_function("load_validate_compile", |b| {
        b.iter(|| {
            RuleSet::from_json(black_box(text)).ok().map(|rs| {
                (
                    validate(&rs, &catalogue).len(),
                    Assessor::new(rs, catalogue.clone()).is_ok(),
                )
            })
        })
    });
    g.finish();
}

/// The built-in catalogue: what its first use costs a process (parsing and indexing the
/// embedded files; it happens once), and what every later lookup by id costs.
fn catalogue(c: &mut Criterion) {
    let files: Vec<&str> = Catalogue::builtin_files().map(|(_, t)| t).collect();
    let mut g = c.benchmark_group("catalogue");
    g.bench_function("first_use_parse_and_index", |b| {
        b.iter(|| {
            let docs: Result<Vec<_>, _> = files
                .iter()
                .map(|t| CatalogueDocument::from_json(black_box(t)))
                .collect();
            docs.map(|d| Catalogue::from_documents(d).map(|c| c.len()))
        })
    });
    let builtin = Catalogue::builtin();
    let ids: Vec<String> = builtin.entries().iter().map(|e| e.id.to_string()).collect();
    g.bench_function("lookup_by_id", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % ids.len();
            builtin.get(black_box(&ids[i])).map(|e| e.strength)
        })
    });
    g.finish();
}

criterion_group!(benches, assess, pipeline, batch, rule_set, catalogue);
criterion_main!(benches);
