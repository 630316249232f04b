//! The `assess` example binary: output formats and one-line errors with a non-zero exit.

use std::path::PathBuf;
use std::process::Command;

use crate::common::root;

/// The example binary cargo built next to this test binary.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/integration-<hash> -> target/<profile>/examples/<name>
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn assess(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(example("assess"))
        .args(args)
        .current_dir(root(""))
        .output()
        .expect("run the assess example (cargo test builds it)");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_output_has_level_score_range_explanation_and_recommendations() {
    let (code, out, _) = assess(&["examples/cases/fisher_distant_water.json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    for key in [
        "level",
        "score",
        "score_range",
        "level_range",
        "explanation",
        "recommendations",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["level"], "definition_met");
}

#[test]
fn text_output_is_the_report() {
    let (code, out, _) = assess(&["--format", "text", "examples/cases/early_interview.json"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("LEVEL: ") && out.contains("WHAT TO DO NOW"),
        "{out}"
    );
}

#[test]
fn a_malformed_file_gives_one_line_and_a_non_zero_exit() {
    let dir = std::env::temp_dir().join(format!("ti-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"observations\": [ {\"indicator\": ").expect("write");
    let (code, out, err) = assess(&[broken.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("not valid JSON") && err.contains("line 1"),
        "{err}"
    );

    let typo = dir.join("typo.json");
    std::fs::write(
        &typo,
        r#"{"observations": [{"indicator": "debt_bondage_at_destinaton", "status": "present", "note": "SECRET WORDS"}]}"#,
    )
    .expect("write");
    let (code, _, err) = assess(&[typo.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("unknown indicator id (not shown)")
            && err.contains("the nearest is `debt_bondage_at_destination`")
            && !err.contains("destinaton"),
        "{err}"
    );
    assert!(!err.contains("SECRET"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_describes_both_formats() {
    let (code, out, _) = assess(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--format json") && out.contains("--format text"));
}

#[test]
fn export_schema_writes_the_committed_schemas() {
    let dir = std::env::temp_dir().join(format!("ti-schemas-{}", std::process::id()));
    let out = Command::new(example("export_schema"))
        .arg(&dir)
        .output()
        .expect("run the export_schema example (cargo test builds it)");
    assert!(out.status.success());
    for name in [
        "case.schema.json",
        "assessment.schema.json",
        "rule_set.schema.json",
        "catalogue.schema.json",
        "contact_directory.schema.json",
        "batch_record.schema.json",
        "assessment_with_prose.schema.json",
    ] {
        let written = std::fs::read(dir.join(name)).expect("written");
        let committed = std::fs::read(root(&format!("schemas/{name}"))).expect("committed");
        assert!(
            written == committed,
            "{name}: schemas/ differs from the exporter's output"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn run_example(name: &str, args: &[&str]) -> (i32, String, String) {
    run_example_in(&root(""), name, args, b"")
}

/// Runs an example in `dir` with `input` on its standard input (an example that stops
/// before reading it all is not an error): its exit status, standard output and error.
fn run_example_in(
    dir: &std::path::Path,
    name: &str,
    args: &[&str],
    input: &[u8],
) -> (i32, String, String) {
    let mut child = Command::new(example(name))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the example (cargo test builds it)");
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write as _;
        let _ = stdin.write_all(input);
    }
    let out = child.wait_with_output().expect("ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn lang_ko_prints_a_korean_report() {
    let (code, out, _) = assess(&[
        "--lang",
        "ko",
        "--rule-set",
        "kr-2024",
        "examples/cases/kr_distant_water_fisher.json",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("판단 수준:") && out.contains("지금 할 일"),
        "{out}"
    );
    let (code, out, _) = assess(&[
        "--format",
        "json",
        "--lang",
        "ko",
        "examples/cases/fisher_distant_water.json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["prose"]["locale"], "ko");
    assert_eq!(v["assessment"]["level"], "definition_met");
    // Korean means Korean law unless a rule set is named.
    assert_eq!(v["assessment"]["rule_set"]["id"], "kr-2024");
    let (code, _, err) = assess(&["--lang", "fr", "examples/cases/fisher_distant_water.json"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn catalogue_json_in_korean_has_korean_labels() {
    let (code, out, _) = run_example("catalogue", &["--json", "--lang", "ko"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let entries = v["entries"].as_array().expect("entries");
    assert!(entries.len() > 100);
    for e in entries {
        for field in ["label", "description", "question"] {
            let text = e[field].as_str().unwrap_or("");
            assert!(
                text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{}: {field} not Korean",
                e["id"]
            );
        }
    }
}

#[test]
fn the_korean_national_list_loads_with_custom_rules_extend() {
    let (code, out, err) = run_example(
        "custom_rules",
        &[
            "--extend",
            "examples/rule_sets/kr_national_list_example.json",
            "--format",
            "text",
            "--lang",
            "ko",
            "kr-2024",
            "examples/rule_sets/kr_national_list_case.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("kr-2024-extended"), "{out}");
    assert!(out.contains("송출업체가 보증금"), "{out}");
}

#[test]
fn the_batch_example_writes_its_synthetic_input_and_assesses_it_from_a_file() {
    // `--cases-only` writes the generated cases; assessing that file gives the same records
    // as assessing the generated cases directly.
    let (code, cases, _) = run_example("batch", &["--generate", "5", "--cases-only"]);
    assert_eq!(code, 0);
    assert_eq!(cases.lines().count(), 5);
    for line in cases.lines() {
        trafficking_indicators::Case::from_json(line).expect("a generated case reads back");
    }
    let dir = std::env::temp_dir().join(format!("ti-batch-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("cases.jsonl");
    std::fs::write(&file, &cases).expect("write cases");
    let (code, from_file, _) = run_example("batch", &[file.to_str().expect("utf-8 path")]);
    let (code_generated, generated, _) = run_example("batch", &["--generate", "5"]);
    assert_eq!((code, code_generated), (0, 0));
    assert_eq!(from_file.lines().count(), 5);
    assert_eq!(from_file, generated);
    // Two input files: an error, not the last one alone with the first silently dropped.
    let path = file.to_str().expect("utf-8 path");
    let (code, out, err) = run_example("batch", &[path, path]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("give one input file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    // Without --generate there is nothing to write.
    let (code, _, err) = run_example("batch", &["--cases-only"]);
    assert_eq!(code, 2);
    assert!(err.contains("--cases-only goes with --generate"), "{err}");
}

/// The batch's exit status tells a pipeline whether its output is complete: 0 every line
/// assessed, 1 finished with error records (or stopped at the first, as asked), 2 a wrong
/// command line, 3 aborted (the input cannot be opened, the output cannot be written: the
/// output is cut short). Until the seventeenth session 1 meant both "finished with error
/// records" and "aborted".
#[test]
fn the_batch_exit_status_tells_finished_from_aborted() {
    let dir = std::env::temp_dir().join(format!("ti-batch-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = r#"{"subject": {"age_years": 30}}"#;
    let file = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("utf-8 path").to_owned()
    };
    let all_good = file("good.jsonl", &format!("{good}\n{good}\n"));
    let mixed = file("mixed.jsonl", &format!("{good}\nnot json\n{good}\n"));
    let (code, out, err) = run_example("batch", &[&all_good]);
    assert_eq!((code, out.lines().count()), (0, 2), "{err}");
    // Finished: a record for every line, one of them an error.
    let (code, out, err) = run_example("batch", &[&mixed]);
    assert_eq!((code, out.lines().count()), (1, 3), "{err}");
    let (code, out, err) = run_example("batch", &["--stop-on-error", &mixed]);
    assert_eq!((code, out.lines().count()), (1, 2), "{err}");
    // Aborted.
    let missing = dir.join("missing.jsonl");
    let (code, out, err) = run_example("batch", &[missing.to_str().expect("utf-8 path")]);
    assert_eq!((code, out.as_str()), (3, ""), "{err}");
    assert!(err.contains("cannot open"), "{err}");
    for args in [
        &["--generate", "3000"][..],
        &["--generate", "3000", "--cases-only"],
    ] {
        let out = with_screen_closed("batch", args, b"");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains("cannot write the output"), "{args:?}: {err}");
    }
    // A wrong command line, and the help, which says all this. An unknown rule set is named
    // as `assess` names it: not quoted, with the ids there are.
    let (code, _, _) = run_example("batch", &["--threads", "0", &all_good]);
    assert_eq!(code, 2);
    let (code, _, err) = run_example("batch", &["--rule-set", "nope", &all_good]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no built-in rule set has this name") && !err.contains("nope"),
        "{err}"
    );
    let (code, help, _) = run_example("batch", &["--help"]);
    assert_eq!(code, 0);
    assert!(
        help.contains("EXIT STATUS:") && help.contains("3 aborted"),
        "{help}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A case file at the size limit is assessed with the line ending an editor adds after it, as
/// `batch` assesses it as a line (the limit is on the case, not on its line ending).
#[test]
fn a_case_file_at_the_size_limit_with_a_final_newline_is_assessed_as_in_a_batch() {
    let limit = trafficking_indicators::Limits::DEFAULT.max_case_bytes;
    let head = r#"{"subject": {"age_years": 30}"#;
    let case = format!("{head}{}}}", " ".repeat(limit - head.len() - 1));
    let dir = std::env::temp_dir().join(format!("ti-cli-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for ending in ["\n", "\r\n"] {
        let path = dir.join("case.json");
        std::fs::write(&path, format!("{case}{ending}")).expect("write");
        let path = path.to_str().expect("utf-8 path");
        let (code, _, err) = run_example("assess", &[path]);
        assert_eq!(code, 0, "{ending:?}: {err}");
        let (code, out, err) = run_example("batch", &[path]);
        assert_eq!((code, out.lines().count()), (0, 1), "{ending:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Korean means Korean law unless a rule set is named; a file saved as UTF-16 gets an error
/// that says so; a mistake of the command line is exit status 2 in every example.
#[test]
fn the_examples_read_as_an_officer_would_expect() {
    // (With --lang ko, kr-2024: checked in `lang_ko_prints_a_korean_report`.)
    let (_, out, _) = assess(&["examples/cases/fisher_distant_water.json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["rule_set"]["id"], "ilo-2009", "English keeps the default");

    let dir = std::env::temp_dir().join(format!("ti-cli-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let utf16 = dir.join("case.json");
    let bytes = crate::common::utf16_file("{}", false);
    std::fs::write(&utf16, bytes).expect("write");
    let path = utf16.to_str().expect("utf-8 path");
    let (code, _, err) = run_example("assess", &[path]);
    assert_eq!(code, 1);
    assert!(err.contains("is UTF-16 text: save it as UTF-8"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);

    for (example, args) in [
        (
            "assess",
            &[
                "--rule-set",
                "kr-2099",
                "examples/cases/fisher_distant_water.json",
            ][..],
        ),
        (
            "custom_rules",
            &[
                "--formt",
                "text",
                "kr-2024",
                "examples/cases/fisher_distant_water.json",
            ][..],
        ),
        ("interview", &["--rule-set", "kr-2099"][..]),
    ] {
        let (code, _, err) = run_example(example, args);
        assert_eq!(code, 2, "{example}: {err}");
    }
    // custom_rules: standard output is the assessment alone, JSON a program can read.
    let (code, out, err) = run_example(
        "custom_rules",
        &["kr-2024", "examples/cases/fisher_distant_water.json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        serde_json::from_str::<serde_json::Value>(&out).is_ok(),
        "{out}"
    );
    assert!(err.contains("is valid; digest"), "{err}");
}

/// Runs an example with `input` on its standard input and its standard output closed before
/// it writes (a reader that stopped reading), and waits for it.
fn with_screen_closed(name: &str, args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(example(name))
        .args(args)
        .current_dir(root(""))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write as _;
        stdin.write_all(input).expect("the input");
    }
    child.wait_with_output().expect("ends")
}

/// A reader that stops early (`assess … | head -1`) closes the pipe: the example stops
/// quietly, without a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let schemas = std::env::temp_dir().join(format!("ti-pipe-schemas-{}", std::process::id()));
    let schemas = schemas.to_str().expect("utf-8 path").to_owned();
    let runs: [(&str, Vec<&str>); 10] = [
        (
            "assess",
            vec![
                "--format",
                "text",
                "examples/cases/fisher_distant_water.json",
            ],
        ),
        ("assess", vec!["--help"]),
        ("catalogue", vec![]),
        ("catalogue", vec!["--json", "--lang", "ko"]),
        ("batch", vec!["--help"]),
        ("export_schema", vec![schemas.as_str()]),
        ("interview", vec!["--lang", "ko"]),
        ("screening_page", vec!["--help"]),
        ("interview_metric", vec!["--help"]),
        ("custom_rules", vec!["--canonical", "rule_set", "kr-2024"]),
    ];
    for (name, args) in runs {
        let out = with_screen_closed(name, &args, b"");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{name} {args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{name} {args:?}: {err}");
    }
    std::fs::remove_dir_all(&schemas).ok();
    // The rest of the work is still done: an interview whose screen was closed still saves
    // every answer it was given.
    let saved = std::env::temp_dir().join(format!("ti-pipe-saved-{}.json", std::process::id()));
    let out = with_screen_closed(
        "interview",
        &["--out", saved.to_str().expect("utf-8 path")],
        b"n\nn\nn\n\n\n\n40\n1\ny\nq\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let case = std::fs::read_to_string(&saved).expect("the case is saved");
    assert!(case.contains("\"age_years\": 40"), "{case}");
    assert!(case.contains("\"status\": \"present\""), "{case}");
    std::fs::remove_file(&saved).ok();
}

/// With `--lang ko`, what an officer reads when a file cannot be used is Korean: the case's
/// error (its path and JSON names kept) and the file's.
#[test]
fn errors_are_in_the_chosen_language() {
    let dir = std::env::temp_dir().join(format!("ti-cli-ko-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let typo = dir.join("typo.json");
    std::fs::write(
        &typo,
        r#"{"observations": [{"indicator": "withholding_of_wages", "status": "presnet", "note": "비밀"}]}"#,
    )
    .expect("write");
    let path = typo.to_str().expect("utf-8 path");
    let (code, _, err) = run_example("assess", &["--lang", "ko", path]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "$.observations[0].status: 허용되지 않는 값(허용되는 값: `present`, `absent`, `not_assessed` 중 하나)"
        ),
        "{err}"
    );
    assert!(!err.contains("비밀"), "{err}");
    // The interview resumes a saved case: the same error, in Korean.
    let (code, _, err) = run_example("interview", &["--lang", "ko", "--resume", path]);
    assert_eq!(code, 1);
    assert!(err.contains("허용되지 않는 값"), "{err}");
    // A file saved as UTF-16, and one that is not there.
    let utf16 = dir.join("utf16.json");
    let bytes = crate::common::utf16_file("{}", false);
    std::fs::write(&utf16, bytes).expect("write");
    let (_, _, err) = run_example(
        "assess",
        &["--lang", "ko", utf16.to_str().expect("utf-8 path")],
    );
    assert!(err.contains("파일이 UTF-16 형식임"), "{err}");
    let missing = dir.join("missing.json");
    let (code, _, err) = run_example(
        "interview",
        &[
            "--lang",
            "ko",
            "--resume",
            missing.to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("파일을 읽을 수 없음"), "{err}");
    // In English, the `Display` text.
    let (_, _, err) = run_example("assess", &[path]);
    assert!(err.contains("not an allowed value"), "{err}");
    // The programs' own words: the help and the mistakes of the command line (exit 2).
    let (code, out, _) = run_example("assess", &["--lang", "ko", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("assess: 인신매매등 피해자 식별 지원: "),
        "{out}"
    );
    let (code, out, _) = run_example("interview", &["--lang", "ko", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("사용법:") && out.contains("--resume FILE"),
        "{out}"
    );
    let (code, _, err) = run_example(
        "assess",
        &[
            "--lang",
            "ko",
            "--rule-set",
            "kr-2099",
            "examples/cases/fisher_distant_water.json",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("이 이름의 기본 제공 규칙 세트가 없음"),
        "{err}"
    );
    let (code, _, err) = run_example("interview", &["--lang", "ko", "--out=secret.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("알 수 없는 옵션: `--out=…`") && !err.contains("secret"),
        "{err}"
    );
    let (code, _, err) = run_example("interview", &["--lang", "ko", "secret.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("알 수 없는 인자") && !err.contains("secret"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every report the README shows under an `assess` command is what that command prints
/// today: a report excerpt that no longer matches (a wording changed in the locale, a line
/// added) fails here instead of misleading a reader.
#[test]
fn the_readme_reports_are_what_their_commands_print() {
    let readme = std::fs::read_to_string(root("README.md")).expect("README");
    let lines: Vec<&str> = readme.lines().collect();
    const COMMAND: &str = "cargo run --example assess -- ";
    let mut checked = 0;
    for (i, line) in lines.iter().enumerate() {
        if *line != "```text" {
            continue;
        }
        let command = lines[i.saturating_sub(8)..i]
            .iter()
            .rev()
            .find_map(|l| l.find(COMMAND).map(|at| &l[at + COMMAND.len()..]));
        let Some(command) = command else {
            continue;
        };
        let args: Vec<&str> = command
            .split('`')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let end = lines[i + 1..]
            .iter()
            .position(|l| *l == "```")
            .expect("the block ends");
        let shown = lines[i + 1..i + 1 + end].join("\n");
        let (code, out, _) = assess(&args);
        assert_eq!(code, 0, "{args:?}");
        assert_eq!(
            shown,
            out.trim_end(),
            "README block after line {} ({args:?})",
            i + 1
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked} README reports checked");
}

/// An option given twice is a mistake of the command line (exit status 2) that names the
/// option, in the language the example gives its usage errors in; never a silent choice of
/// the last value (or, for `assess --lang`, the first for its words and the last for the run).
#[test]
fn a_repeated_option_is_a_usage_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("ti-cli-repeated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    let (a, b) = (a.to_str().expect("utf-8"), b.to_str().expect("utf-8"));
    let case = "examples/cases/fisher_distant_water.json";
    let list = "examples/rule_sets/national_list.json";
    let kr_list = "examples/rule_sets/kr_national_list_example.json";
    let runs: Vec<(&str, Vec<&str>, &str)> = vec![
        (
            "assess",
            vec!["--rule-set", "kr-2024", "--rule-set", "ilo-2009", case],
            "--rule-set",
        ),
        (
            "assess",
            vec!["--lang", "en", "--lang", "ko", case],
            "--lang",
        ),
        (
            "assess",
            vec!["--format", "json", "--format", "text", case],
            "--format",
        ),
        ("assess", vec!["--rules", a, "--rules", b, case], "--rules"),
        (
            "assess",
            vec!["--reveal-values", "--reveal-values", case],
            "--reveal-values",
        ),
        ("interview", vec!["--out", a, "--out", b], "--out"),
        ("interview", vec!["--resume", a, "--resume", b], "--resume"),
        (
            "interview",
            vec!["--rule-set", "kr-2024", "--rule-set", "kr-2023"],
            "--rule-set",
        ),
        ("interview", vec!["--lang", "en", "--lang", "ko"], "--lang"),
        (
            "batch",
            vec!["--generate", "2", "--generate", "3"],
            "--generate",
        ),
        (
            "batch",
            vec!["--generate", "2", "--seed", "1", "--seed", "2"],
            "--seed",
        ),
        (
            "batch",
            vec!["--generate", "2", "--threads", "1", "--threads", "2"],
            "--threads",
        ),
        (
            "batch",
            vec![
                "--generate",
                "2",
                "--rule-set",
                "kr-2024",
                "--rule-set",
                "ilo-2009",
            ],
            "--rule-set",
        ),
        (
            "batch",
            vec!["--generate", "2", "--stop-on-error", "--stop-on-error"],
            "--stop-on-error",
        ),
        (
            "batch",
            vec!["--generate", "2", "--cases-only", "--cases-only"],
            "--cases-only",
        ),
        (
            "custom_rules",
            vec!["--extend", list, "--extend", kr_list, "kr-2024", case],
            "--extend",
        ),
        (
            "custom_rules",
            vec!["--format", "json", "--format", "text", "kr-2024", case],
            "--format",
        ),
        (
            "custom_rules",
            vec!["--lang", "ko", "--lang", "en", "kr-2024", case],
            "--lang",
        ),
        ("catalogue", vec!["--json", "--json"], "--json"),
        ("catalogue", vec!["--lang", "ko", "--lang", "en"], "--lang"),
        (
            "catalogue",
            vec![
                "--list",
                "ilo_ec_2009_adult_labour",
                "--list",
                "unodc_general",
            ],
            "--list",
        ),
        (
            "catalogue",
            vec![
                "--dimension",
                "coercion_at_destination",
                "--dimension",
                "deceptive_recruitment",
            ],
            "--dimension",
        ),
        (
            "interview_metric",
            vec!["--synthetic", "2", "--seed", "1", "--seed", "2"],
            "--seed",
        ),
        (
            "interview_metric",
            vec!["--synthetic", "2", "--synthetic", "3"],
            "--synthetic",
        ),
        (
            "interview_metric",
            vec![
                "--synthetic",
                "2",
                "--rule-set",
                "kr-2024",
                "--rule-set",
                "ilo-2009",
            ],
            "--rule-set",
        ),
        (
            "screening_page",
            vec!["--listen", "127.0.0.1:0", "--listen", "127.0.0.1:0"],
            "--listen",
        ),
    ];
    let mut problems = Vec::new();
    for (name, args, option) in &runs {
        let (code, out, err) = run_example(name, args);
        let named = format!("`{option}` is given more than once");
        if code != 2 || !out.is_empty() || !err.contains(&named) {
            problems.push(format!("{name} {args:?}: exit {code}, stderr {err:?}"));
        }
    }
    // The interview saved nothing (to neither file).
    if std::path::Path::new(a).exists() || std::path::Path::new(b).exists() {
        problems.push("interview --out a --out b wrote a file".to_owned());
    }
    // With --lang ko, the words of `assess` and `interview` are Korean.
    for name in ["assess", "interview"] {
        let mut args = vec!["--lang", "ko", "--lang", "en"];
        if name == "assess" {
            args.push(case);
        }
        let (code, _, err) = run_example(name, &args);
        if code != 2 || !err.contains("`--lang` 옵션을 두 번 이상 씀") {
            problems.push(format!("{name} {args:?} in Korean: exit {code}, {err:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The batch example refuses what it would otherwise ignore or change: `--seed` without
/// `--generate`, an unknown rule set with `--cases-only`, the options of the assessment with
/// `--cases-only`, and a number of threads outside 1 to `MAX_THREADS` (which the library's
/// `BatchOptions::threads` would clamp).
#[test]
fn the_batch_example_refuses_what_it_would_ignore_or_change() {
    use trafficking_indicators::interop::batch::MAX_THREADS;
    let above = (MAX_THREADS + 1).to_string();
    let range = format!("--threads takes a number from 1 to {MAX_THREADS}");
    let case = "examples/cases/fisher_distant_water.json";
    let refused: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--seed", "5", case], "--seed goes with --generate"),
        (vec!["--seed", "5", "-"], "--seed goes with --generate"),
        (
            vec!["--generate", "2", "--cases-only", "--rule-set", "kr2024"],
            "no built-in rule set",
        ),
        (
            vec!["--generate", "2", "--cases-only", "--rule-set", "kr-2024"],
            "--rule-set does not go with --cases-only",
        ),
        (
            vec!["--generate", "2", "--cases-only", "--threads", "2"],
            "--threads does not go with --cases-only",
        ),
        (
            vec!["--generate", "2", "--cases-only", "--stop-on-error"],
            "--stop-on-error does not go with --cases-only",
        ),
        (vec!["--generate", "2", "--threads", "0"], &range),
        (vec!["--generate", "2", "--threads", &above], &range),
        (
            vec!["--generate", "2", "--threads", "99999999999999999999999"],
            &range,
        ),
    ];
    let mut problems = Vec::new();
    for (args, expected) in &refused {
        let (code, out, err) = run_example("batch", args);
        if code != 2 || !out.is_empty() || !err.contains(expected) {
            problems.push(format!("batch {args:?}: exit {code}, stderr {err:?}"));
        }
    }
    // What is allowed still runs.
    for args in [
        vec!["--generate", "2", "--threads", "2", "--seed", "3"],
        vec!["--generate", "2", "--cases-only", "--seed", "3"],
        vec![
            "--generate",
            "2",
            "--rule-set",
            "kr-2024",
            "--stop-on-error",
        ],
    ] {
        let (code, out, err) = run_example("batch", &args);
        if code != 0 || out.lines().count() != 2 {
            problems.push(format!("batch {args:?}: exit {code}, stderr {err:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `catalogue --list` without an id is refused (it printed every entry); `export_schema`
/// takes no option but `--help` (it created a folder named `--dry-run`).
#[test]
fn an_option_without_its_value_or_unknown_is_refused() {
    let mut problems = Vec::new();
    let (code, out, err) = run_example("catalogue", &["--list"]);
    if code != 2 || !out.is_empty() || !err.contains("--list takes a list id") {
        problems.push(format!("catalogue --list: exit {code}, stderr {err:?}"));
    }
    let dir = std::env::temp_dir().join(format!("ti-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for option in ["--dry-run", "-n", "-"] {
        let out = Command::new(example("export_schema"))
            .arg(option)
            .current_dir(&dir)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(2)
            || !err.contains(&format!("unknown option `{option}`"))
            || dir.join(option).exists()
        {
            problems.push(format!("export_schema {option}: {:?}, {err:?}", out.status));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An unknown option is named by every example, up to any `=` and then `=…` (what follows may
/// be a file's name, and a file's name may be a person's); an argument that is not an option is never
/// repeated. Until the fifteenth session `custom_rules`, `interview`, `interview_metric` and
/// the page did not name an unknown option, and the others repeated the whole argument.
#[test]
fn an_unknown_option_is_named_without_what_follows_its_equals_sign() {
    let mut problems = Vec::new();
    for name in [
        "assess",
        "interview",
        "custom_rules",
        "batch",
        "catalogue",
        "export_schema",
        "interview_metric",
        "screening_page",
    ] {
        let (code, out, err) = run_example(name, &["--bogus=kim-minji.json"]);
        // In the words of the locale data, the same in every example (since the eighteenth
        // session: `batch` and `interview_metric` worded it themselves).
        let words = "unknown option `--bogus=…` (see --help)";
        if code != 2 || !out.is_empty() || !err.contains(words) || err.contains("kim-minji") {
            problems.push(format!("{name}: exit {code}, stderr {err:?}"));
        }
    }
    for (name, args) in [
        ("interview", vec!["kim-minji.json"]),
        ("interview", vec!["-kim-minji.json"]),
        ("export_schema", vec!["-kim-minji"]),
        ("screening_page", vec!["-kim-minji.json"]),
        (
            "assess",
            vec!["examples/cases/fisher_distant_water.json", "kim-minji.json"],
        ),
        ("catalogue", vec!["kim-minji.json"]),
        ("interview_metric", vec!["kim-minji.json"]),
        ("screening_page", vec!["kim-minji.json"]),
    ] {
        let (code, out, err) = run_example(name, &args);
        if code != 2 || !out.is_empty() || err.contains("kim-minji") {
            problems.push(format!("{name} {args:?}: exit {code}, stderr {err:?}"));
        }
    }
    // Where a file is read, a name that starts with one dash is a file, not an option, and
    // `-` is standard input, as before.
    let case = std::fs::read_to_string(root("examples/cases/fisher_distant_water.json"))
        .expect("bundled case");
    let dir = std::env::temp_dir().join(format!("ti-cli-dash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("-case.json"), &case).expect("written");
    for (name, args, stdin) in [
        ("assess", vec!["-case.json"], ""),
        ("assess", vec!["-"], case.as_str()),
        ("custom_rules", vec!["ilo-2009", "-case.json"], ""),
        ("custom_rules", vec!["ilo-2009", "-"], case.as_str()),
    ] {
        let (code, _, err) = run_example_in(&dir, name, &args, stdin.as_bytes());
        if code != 0 {
            problems.push(format!("{name} {args:?}: exit {code}, stderr {err:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `ctdc --jsonl a --jsonl b` wrote only `b`; it is a usage error now, and writes neither.
#[cfg(feature = "ctdc")]
#[test]
fn ctdc_refuses_a_repeated_option() {
    let dir = std::env::temp_dir().join(format!("ti-cli-ctdc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    let (a_s, b_s) = (a.to_str().expect("utf-8"), b.to_str().expect("utf-8"));
    let sample = "tests/fixtures/ctdc/sample.csv";
    for (args, option) in [
        (vec![sample, "--jsonl", a_s, "--jsonl", b_s], "--jsonl"),
        (
            vec![sample, "--rule-set", "kr-2024", "--rule-set", "ilo-2009"],
            "--rule-set",
        ),
    ] {
        let (code, out, err) = run_example("ctdc", &args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(
            err.contains(&format!("`{option}` is given more than once")),
            "{err}"
        );
    }
    assert!(!a.exists() && !b.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A case file is often named after the person it is about. No program repeats the name of a
/// file it cannot read, or of a case file it read, in an error: it names the file by its role
/// ("the case file"), in the officer's language, with the common reasons in that language too.
#[test]
fn no_error_repeats_a_file_name() {
    let dir = std::env::temp_dir().join(format!("ti-file-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let missing = dir.join("kim_younghee_statement.json");
    let missing = missing.to_str().expect("utf-8 path");
    let broken = dir.join("kim_younghee_broken.json");
    std::fs::write(&broken, r#"{"subject": {"age_years": "thirty"}}"#).expect("written");
    let broken = broken.to_str().expect("utf-8 path");
    let unwritable = dir.join("kim_younghee_folder");
    std::fs::create_dir_all(&unwritable).expect("a folder");
    let unwritable = unwritable.to_str().expect("utf-8 path");
    for (name, args, expected) in [
        (
            "assess",
            vec![missing],
            "cannot read the case file: there is no such file",
        ),
        (
            "assess",
            vec!["--lang", "ko", missing],
            "파일을 읽을 수 없음(사건 기록 파일): 파일이 없음",
        ),
        ("assess", vec![broken], "the case file: "),
        (
            "assess",
            vec!["--rules", missing, broken],
            "cannot read the rule set file",
        ),
        (
            "assess",
            vec![unwritable],
            "cannot read the case file: it is a folder, not a file",
        ),
        (
            "interview",
            vec!["--resume", missing],
            "cannot read the saved case given with --resume",
        ),
        (
            "interview",
            vec!["--resume", broken],
            "the saved case given with --resume: ",
        ),
        (
            "custom_rules",
            vec!["ilo-2009", missing],
            "cannot read the case file",
        ),
        ("batch", vec![missing], "cannot open the input file"),
    ] {
        let (code, _, err) = run_example(name, &args);
        assert_ne!(code, 0, "{name} {args:?}");
        assert!(err.contains(expected), "{name} {args:?}: {err}");
        assert!(!err.contains("kim_younghee"), "{name} {args:?}: {err}");
    }
    // Saving where a folder stands: the file is named by its role too, and the case is not
    // lost with it: it is printed on standard output, and the officer is told so.
    let out = run_example_in(
        &root(""),
        "interview",
        &["--out", unwritable],
        b"n\nn\nn\n\n\n\n40\nq\n",
    );
    assert_eq!(out.0, 1, "{}", out.2);
    assert!(
        out.2.contains("cannot write the file given with --out")
            && out.2.contains("printed on standard output instead"),
        "{}",
        out.2
    );
    assert!(!out.2.contains("kim_younghee"), "{}", out.2);
    let printed = out
        .1
        .rfind("\n{\n")
        .map_or("", |i| out.1.get(i + 1..).unwrap_or(""));
    let case = trafficking_indicators::Case::from_json(printed).expect("the case is printed");
    assert_eq!(case.subject.age_years, Some(40));
    // Saving into a folder that does not exist: the reason names the folder, not a file (a
    // file to be written is created, so "no such file" would mislead), in Korean too.
    let no_folder = dir.join("kim_younghee_missing_folder").join("case.json");
    let no_folder = no_folder.to_str().expect("utf-8 path");
    for (lang, expected) in [
        (
            "en",
            "cannot write the file given with --out: there is no such folder",
        ),
        (
            "ko",
            "파일을 저장할 수 없음(--out으로 지정한 파일): 폴더가 없음",
        ),
    ] {
        let out = run_example_in(
            &root(""),
            "interview",
            &["--lang", lang, "--out", no_folder],
            b"n\nn\nn\n\n\n\n40\nq\n",
        );
        assert_eq!(out.0, 1, "{}", out.2);
        assert!(out.2.contains(expected), "{lang}: {}", out.2);
        assert!(!out.2.contains("kim_younghee"), "{}", out.2);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// An integrator in another language checks a digest an assessment records: the SHA-256 of
/// what `custom_rules --canonical` prints, byte for byte (no final newline), is the rule set's
/// `digest` and the catalogue's `catalogue_digest`.
#[test]
fn the_canonical_json_printed_gives_the_digest_an_assessment_records() {
    use sha2::Digest;
    let hex = |bytes: &[u8]| {
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    for id in ["ilo-2009", "kr-2023", "kr-2024"] {
        let stamp = trafficking_indicators::Assessor::builtin(id)
            .expect("built-in")
            .stamp()
            .clone();
        let (code, out, err) = run_example("custom_rules", &["--canonical", "rule_set", id]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.ends_with('\n'), "no final newline");
        assert_eq!(hex(out.as_bytes()), &*stamp.digest, "{id}");
        assert!(err.contains(&*stamp.digest), "{err}");
        let (code, out, _) = run_example("custom_rules", &["--canonical", "catalogue", id]);
        assert_eq!(code, 0);
        assert_eq!(hex(out.as_bytes()), &*stamp.catalogue_digest, "{id}");
    }
    // The catalogue needs no rule set: the built-in one, and the one an extension makes,
    // whose digest is what an assessment under the extended rule set records.
    let builtin = trafficking_indicators::Assessor::builtin("kr-2024")
        .expect("built-in")
        .stamp()
        .catalogue_digest
        .clone();
    let (code, out, err) = run_example("custom_rules", &["--canonical", "catalogue"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(hex(out.as_bytes()), &*builtin);
    let list = "examples/rule_sets/kr_national_list_example.json";
    let (code, out, err) = run_example(
        "custom_rules",
        &["--extend", list, "--canonical", "catalogue"],
    );
    assert_eq!(code, 0, "{err}");
    let extended = hex(out.as_bytes());
    assert_ne!(extended, &*builtin);
    let (code, assessment, err) = run_example(
        "custom_rules",
        &[
            "--extend",
            list,
            "kr-2024",
            "examples/rule_sets/kr_national_list_case.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let assessment: serde_json::Value = serde_json::from_str(&assessment).expect("JSON");
    assert_eq!(
        assessment["rule_set"]["catalogue_digest"].as_str(),
        Some(extended.as_str())
    );
    // One file only, and a known thing to print.
    let (code, _, err) = run_example("custom_rules", &["--canonical", "rule_set"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run_example(
        "custom_rules",
        &["--canonical", "catalogue", "ilo-2009", "case.json"],
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run_example(
        "custom_rules",
        &["--canonical", "rule_set", "ilo-2009", "case.json"],
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run_example("custom_rules", &["--canonical", "rules", "ilo-2009"]);
    assert_eq!(code, 2, "{err}");
    // An option that would change nothing is refused, not ignored.
    let (code, _, err) = run_example(
        "custom_rules",
        &["--canonical", "rule_set", "--lang", "ko", "ilo-2009"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--canonical takes neither --format nor --lang"),
        "{err}"
    );
}

/// `custom_rules --contacts` assesses with an agency's own directory: its services are the
/// ones named; a broken directory is refused with its problem and the file's role, never its
/// name; beside `--canonical` it is refused (it would change nothing printed).
#[test]
fn custom_rules_takes_an_agencys_own_contact_directory() {
    let dir = std::env::temp_dir().join(format!("ti-contacts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let mut doc = crate::common::data_json("data/contacts/kr.json");
    doc["id"] = "kr-busan-ngo".into();
    doc["contacts"][0]["name_en"] = "Busan migrant support group (example)".into();
    let own = dir.join("kim_agency_contacts.json");
    std::fs::write(&own, doc.to_string()).expect("written");
    let own_s = own.to_str().expect("a path in UTF-8");
    let case = "examples/cases/kr_e62_entertainer_near_base.json";
    let (code, out, err) = run_example(
        "custom_rules",
        &["--contacts", own_s, "--format", "text", "kr-2024", case],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Busan migrant support group (example)"),
        "{out}"
    );
    // A malformed number: refused, naming the problem's place and the file's role.
    doc["contacts"][0]["number"] = "call 112".into();
    std::fs::write(&own, doc.to_string()).expect("written");
    let (code, _, err) = run_example("custom_rules", &["--contacts", own_s, "kr-2024", case]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("the contact directory file"), "{err}");
    assert!(err.contains("$.contacts[0].number"), "{err}");
    assert!(!err.contains("kim_agency"), "{err}");
    let (code, _, err) = run_example(
        "custom_rules",
        &["--contacts", own_s, "--canonical", "rule_set", "kr-2024"],
    );
    assert_eq!(code, 2, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A new interview never writes over a saved one: an officer who forgot `--resume` is told
/// how to go on, in their language, and the saved case is left as it was; resuming saves in
/// place (a Korean caseworker's review, thirty-fifth session).
#[test]
fn a_new_interview_does_not_write_over_a_saved_case() {
    let saved = std::env::temp_dir().join(format!("ti-no-overwrite-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&saved);
    let path = saved.to_str().expect("utf-8 path");
    let dir = root("");
    let (code, _, err) = run_example_in(
        &dir,
        "interview",
        &["--rule-set", "kr-2024", "--out", path],
        b"n\nn\nn\n\n\n\n40\nq\n",
    );
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read_to_string(&saved).expect("saved");
    for (lang, says) in [
        ("en", "already holds something"),
        ("ko", "이미 내용이 있음"),
    ] {
        let (code, out, err) = run_example_in(
            &dir,
            "interview",
            &["--lang", lang, "--rule-set", "kr-2024", "--out", path],
            b"q\n",
        );
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains(says) && err.contains("--resume"), "{err}");
        assert!(
            !err.contains(path),
            "the file's name is not repeated: {err}"
        );
    }
    assert_eq!(std::fs::read_to_string(&saved).expect("kept"), before);
    // The saved case is readable by its owner only: on a shared machine a case file readable
    // by every user (mode 644) would show them what the person said.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved)
            .expect("saved")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    // Resuming may save in place.
    let (code, _, err) = run_example_in(
        &dir,
        "interview",
        &["--rule-set", "kr-2024", "--resume", path, "--out", path],
        b"q\n1\nq\n",
    );
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(&saved).expect("saved again");
    assert_ne!(after, before, "the form given on resuming is saved");
    assert!(after.contains("\"age_years\": 40"), "{after}");
    // A case saved through a link goes where the link points (an encrypted volume, say), and
    // the link stays a link (a review, thirty-ninth session: the link was replaced by a file).
    #[cfg(unix)]
    {
        let link = saved.with_extension("link.json");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&saved, &link).expect("make a link");
        let link_path = link.to_str().expect("utf-8 path");
        let (code, _, err) = run_example_in(
            &dir,
            "interview",
            &[
                "--rule-set",
                "kr-2024",
                "--resume",
                link_path,
                "--out",
                link_path,
            ],
            b"q\nn\nq\n",
        );
        assert_eq!(code, 0, "{err}");
        let kind = std::fs::symlink_metadata(&link).expect("link").file_type();
        assert!(kind.is_symlink(), "the link was replaced");
        let through = std::fs::read_to_string(&saved).expect("saved through the link");
        assert_ne!(
            through, after,
            "the answer given through the link is saved where it points"
        );
        std::fs::remove_file(&link).ok();
    }
    std::fs::remove_file(&saved).ok();
}

/// The screening page never listens on every interface: an unspecified address is refused
/// however it is written (`0:0` is 0.0.0.0 too), checked on the address bound, before a
/// request is served (a privacy audit, thirty-ninth session: `0:PORT` was served to the
/// whole network).
#[test]
fn the_screening_page_refuses_an_unspecified_address_however_written() {
    // `[::ffff:0.0.0.0]` is :: written as an IPv4-mapped address (a review, same session);
    // it needs IPv6, which a test machine may lack: there it cannot bind (exit 1) and is
    // skipped.
    for listen in ["0.0.0.0:0", "0:0", "[::ffff:0.0.0.0]:0"] {
        let mut child = Command::new(example("screening_page"))
            .args(["--listen", listen])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run the example (cargo test builds it)");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if started.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        let out = child.wait_with_output().expect("output");
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        if listen.starts_with('[') && status.and_then(|s| s.code()) == Some(1) {
            assert!(stderr.contains("cannot listen"), "{listen}: {stderr}");
            continue;
        }
        assert_eq!(
            status.and_then(|s| s.code()),
            Some(2),
            "{listen}: still serving, or another exit: {stdout}{stderr}"
        );
        assert!(stdout.is_empty(), "{listen}: announced {stdout}");
        assert!(
            stderr.contains("not an unspecified one"),
            "{listen}: {stderr}"
        );
    }
}
