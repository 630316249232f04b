//! A guided interview in the terminal: one question at a time, until the level is settled.
//!
//! ```text
//! cargo run --example interview -- --lang ko --rule-set kr-2024 --out case.json
//! cargo run --example interview -- --resume case.json --out case.json
//! printf 'n\nn\nn\nn\n\n\n27\n1\ny: the captain keeps my passport\nq\n' | cargo run --example interview
//! ```
//!
//! Answers: `y` (yes), `n` (no), `?` (not known), `s` (skip: recorded as not assessed), `u`
//! (undo), `q` (save and quit), with an optional note after a colon on an indicator's answer
//! (a skip's too: why it was skipped). An age may carry its Korean unit (`만 28세`, `28살`).
//! Five indicator questions in a row without an answer (counted from the case, so an undone
//! answer does not count) tell the officer to check who is present and who interprets.
//! The age question takes a number of years or `?`; the forms question, and the type of
//! sexual exploitation (asked under the Korean rule sets once the form is sexual), one or
//! more numbers or `?`. A wrong key gets a short help line and the same question again; an answer the library
//! refuses (a note on a safety question, "not known" on the interviewer's own observation),
//! a note on an answer that records none, and a line that is not UTF-8 text get their reason
//! and the same question again: nothing typed is dropped without a word. The end of input
//! saves and exits cleanly. Nothing typed is ever repeated in an error. The officer records
//! what the file or the setting shows and the case does not yet record (never asked of the
//! person), in two parts: once the safety questions are answered, nationality, disability
//! and the interview's conditions (they decide which questions apply and how far a "no" can
//! be trusted); after the questions (at `q`, or once the interview can stop), offences and their
//! stage, measures pending and sector. `?` or an empty line leaves one unrecorded, `q` skips
//! the rest of that part. At the end: the report of the case as recorded,
//! in the chosen language, and the case (to `--out`, or printed) to resume later.

use std::io::BufRead;
use std::process::ExitCode;

#[macro_use]
mod common;

use trafficking_indicators::assessment::NoticeKind;
use trafficking_indicators::case::{
    InterviewCondition, Measure, Offence, OffenceStage, Sector, SexualExploitationType,
};
use trafficking_indicators::interview::{Interview, InterviewError, Reply, Topic};
use trafficking_indicators::render::{Locale, fill};
use trafficking_indicators::{Assessor, Case, ExploitationForm, ObservationStatus, OffenceKind};

// The help and the usage errors are in the locale files (`cli.interview.help`, `cli.error.*`),
// in the language `--lang` names.

struct Args {
    lang: Locale,
    rule_set: Option<String>,
    resume: Option<String>,
    out: Option<String>,
}

fn parse_args(words: Locale) -> Result<Option<Args>, String> {
    let word = |key: &str| words.word_or_key(key).to_owned();
    let mut a = Args {
        lang: Locale::En,
        rule_set: None,
        resume: None,
        out: None,
    };
    // An option given twice is a mistake, never a silent choice of one of its values.
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--lang" => {
                given.once("--lang", words)?;
                a.lang = args
                    .next()
                    .as_deref()
                    .and_then(Locale::from_tag)
                    .ok_or_else(|| word("cli.error.lang"))?;
            }
            "--rule-set" => {
                given.once("--rule-set", words)?;
                let id = args
                    .next()
                    .ok_or_else(|| word("cli.error.rule_set_value"))?;
                // An unknown id is a mistake of the command line (exit status 2).
                trafficking_indicators::RuleSet::builtin(&id)
                    .map_err(|_| common::unknown_rule_set(words))?;
                a.rule_set = Some(id);
            }
            "--resume" => {
                given.once("--resume", words)?;
                a.resume = Some(args.next().ok_or_else(|| word("cli.error.resume_value"))?)
            }
            "--out" => {
                given.once("--out", words)?;
                a.out = Some(args.next().ok_or_else(|| word("cli.error.out_value"))?)
            }
            // An option is named; any other argument (perhaps a file's name) is not repeated.
            other => return Err(common::unknown_argument(other, words)),
        }
    }
    // A new interview never writes over a saved one: the officer who forgot `--resume` would
    // lose it (a Korean caseworker's review, thirty-fifth session). Resuming may save in place.
    if let (None, Some(out)) = (&a.resume, &a.out) {
        let holds_something = std::fs::metadata(out).is_ok_and(|m| m.is_file() && m.len() > 0);
        if holds_something {
            return Err(word("cli.error.out_exists"));
        }
    }
    Ok(Some(a))
}

fn save(case: &Case, out: Option<&str>, lang: Locale) -> Result<(), String> {
    let json = case.to_json_pretty();
    match out {
        Some(path) => {
            if let Err(e) = common::write_private(path, &format!("{json}\n")) {
                // The answers are not lost with the file: the case goes to standard output,
                // where the officer can still save it (a review, thirty-ninth session).
                common::print(&json)?;
                let cannot = fill(
                    lang.word_or_key("file.cannot_write"),
                    &[
                        ("name", lang.word_or_key("file.role.out")),
                        ("reason", &common::reason(&e, common::Access::Write, lang)),
                    ],
                );
                return Err(format!(
                    "{cannot}\n{}",
                    lang.word_or_key("interview.printed_instead")
                ));
            }
            let saved = lang.word("interview.saved").unwrap_or("");
            eprintln!("{}", fill(saved, &[("path", path)]));
        }
        None => common::print(&json)?,
    }
    Ok(())
}

/// How many indicator questions in a row without an answer ("not known" or a skip) make the
/// terminal tell the officer to check the conditions of the interview.
const UNANSWERED_WARNING: usize = 5;

/// What a line of input asks for.
enum Input {
    Skip,
    Undo,
    Quit,
    /// `s` with a note: on an indicator question, a skip that keeps why (a refusal to
    /// answer, say); elsewhere refused, as a note on any other answer is.
    SkipWithNote(String),
    /// `u` or `q` with a note, which neither records.
    KeyWithNote,
    Other(String, Option<String>),
}

/// Why a line of input recorded nothing: the terminal says which, then asks the same question
/// again. None of them repeats what was typed.
enum Refused {
    /// Not an answer this question takes: its help line.
    Help,
    /// A note after an age, a year of birth, the forms or the type, or after a skip off an
    /// indicator question: none of them records a note.
    NoteOffIndicator,
    /// A note after `u` or `q`.
    NoteOnKey,
    /// The library's own reason.
    Library(InterviewError),
}

impl From<InterviewError> for Refused {
    fn from(e: InterviewError) -> Refused {
        Refused::Library(e)
    }
}

/// One line of input.
enum Line {
    Text(String),
    /// A line that is not UTF-8 (a terminal in another encoding, such as CP949).
    NotUtf8,
    /// The end of input, or input that cannot be read any more.
    End,
}

/// Reads one line, without its line end. A line that is not UTF-8 is read to its end and
/// reported as such, so that reading goes on with the next line.
fn read_line(input: &mut impl BufRead) -> Line {
    let mut bytes = Vec::new();
    match input.read_until(b'\n', &mut bytes) {
        Ok(0) | Err(_) => Line::End,
        Ok(_) => {
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            String::from_utf8(bytes).map_or(Line::NotUtf8, Line::Text)
        }
    }
}

fn read_input(line: &str) -> Input {
    let (key, note) = match line.split_once(':') {
        Some((k, n)) => (
            k.trim(),
            Some(n.trim().to_owned()).filter(|n| !n.is_empty()),
        ),
        None => (line.trim(), None),
    };
    // The letters typed with the Korean keyboard layout on (두벌식: y ㅛ, n ㅜ, s ㄴ, u ㅕ,
    // q ㅂ) mean the same as the letters.
    let key = match key.to_lowercase().as_str() {
        "ㅛ" => "y".to_owned(),
        "ㅜ" => "n".to_owned(),
        "ㄴ" => "s".to_owned(),
        "ㅕ" => "u".to_owned(),
        "ㅂ" => "q".to_owned(),
        "모름" => "?".to_owned(),
        other => other.to_owned(),
    };
    match (key.as_str(), note) {
        ("s", Some(note)) => Input::SkipWithNote(note),
        ("u" | "q", Some(_)) => Input::KeyWithNote,
        ("s", None) => Input::Skip,
        ("u", None) => Input::Undo,
        ("q", None) => Input::Quit,
        (_, note) => Input::Other(key, note),
    }
}

fn run(args: Args) -> Result<(), String> {
    let rule_set = args
        .rule_set
        .clone()
        .unwrap_or_else(|| common::default_rule_set(args.lang).to_owned());
    let assessor = Assessor::builtin(&rule_set).map_err(|e| e.to_string())?;
    let lang = args.lang;
    // A saved case that cannot be resumed says why in the officer's language.
    let case = match &args.resume {
        Some(path) => {
            let role = "file.role.resume";
            let text = common::read_text(path, role, lang)?;
            Case::from_json(&text)
                .map_err(|e| format!("{}: {}", lang.word_or_key(role), e.message_in(lang)))?
        }
        None => Case::default(),
    };
    let mut interview = Interview::new(assessor, case).map_err(|e| e.message_in(lang))?;
    let word = |key: &str| lang.word(key).unwrap_or("");
    outln!(
        "{}",
        fill(word("interview.title"), &[("rule_set", &rule_set)])
    );
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut ended = false;
    let mut setting_asked = false;
    loop {
        if let Some(reason) = interview.finished() {
            outln!(
                "{}",
                word(&format!("interview.finished.{}", reason.as_str()))
            );
            break;
        }
        let Some(q) = interview.next() else {
            break;
        };
        // Once the safety questions are answered, what the officer sees and the questions
        // depend on (nationality, disability, the interview's conditions), never asked of the
        // person; the case is then taken up again with them.
        if !matches!(q.topic, Topic::Safety(_)) && !setting_asked {
            setting_asked = true;
            let mut case = interview.case().clone();
            let done = record_before_questions(assessor, &mut case, &mut input, lang);
            if &case != interview.case() {
                interview = Interview::new(assessor, case).map_err(|e| e.message_in(lang))?;
            }
            if done == Err(Halt::End) {
                outln!("{}", word("interview.ended"));
                ended = true;
                break;
            }
            continue;
        }
        // The running status from the first question about what happened: before it (safety,
        // age, forms) it says nothing yet (a Korean caseworker's review, thirty-fifth session).
        let status_now = matches!(q.topic, Topic::Indicator(_));
        if let Some(a) = interview.assessment().ok().filter(|_| status_now) {
            let level = word(&format!("level.{}", a.level.as_str()));
            let n = |x: f64| format!("{}", x.round());
            outln!(
                "{}",
                fill(
                    word("interview.status"),
                    &[
                        ("level", level),
                        ("score", &n(a.score)),
                        ("max", &n(a.score_range.max)),
                    ]
                )
            );
        }
        let text = interview.question_text(&q, lang);
        if q.lead {
            outln!("{}. {text} {}", q.number, word("interview.lead"));
        } else {
            outln!("{}. {text}", q.number);
        }
        if let Some(means) = interview.yes_means(&q, lang) {
            outln!("   ({means})");
        }
        let line = match read_line(&mut input) {
            Line::Text(line) => line,
            Line::NotUtf8 => {
                // Not the end of the interview: say so and ask the same question again.
                outln!("{}", word("interview.not_utf8"));
                continue;
            }
            Line::End => {
                // End of input: save what was learned and stop cleanly.
                outln!("{}", word("interview.ended"));
                ended = true;
                break;
            }
        };
        let typed = read_input(&line);
        // An undo answers nothing: it does not count towards the unanswered questions below.
        let answered = !matches!(typed, Input::Undo);
        let result: Result<(), Refused> = match typed {
            Input::Quit => break,
            Input::Undo => {
                if interview.undo() {
                    outln!("{}", word("interview.undone"));
                } else {
                    outln!("{}", word("interview.nothing_to_undo"));
                }
                Ok(())
            }
            Input::KeyWithNote => Err(Refused::NoteOnKey),
            Input::Skip => interview.skip().map_err(Refused::from),
            // A skip keeps its note only on an indicator question, recorded as the skip is
            // (not assessed, no source); anywhere else the note is refused, not dropped.
            Input::SkipWithNote(note) => match &q.topic {
                Topic::Indicator(id) => {
                    // A lead's note from before the interview is kept beside why it was
                    // skipped, not replaced by it.
                    let earlier = interview
                        .case()
                        .observations
                        .iter()
                        .find(|o| &o.indicator == id)
                        .and_then(|o| o.note.as_ref())
                        .map(|n| format!("{}; ", n.as_str()))
                        .unwrap_or_default();
                    interview
                        .answer(
                            id,
                            ObservationStatus::NotAssessed,
                            None,
                            Some(&format!("{earlier}{note}")),
                        )
                        .map_err(Refused::from)
                }
                _ => Err(Refused::NoteOffIndicator),
            },
            // An age, a year of birth and the forms record no note: one is refused, not
            // dropped.
            Input::Other(_, Some(_))
                if matches!(
                    q.topic,
                    Topic::Age | Topic::BirthYear | Topic::Forms | Topic::SexualExploitationTypes
                ) =>
            {
                Err(Refused::NoteOffIndicator)
            }
            Input::Other(key, note) => match &q.topic {
                Topic::Age => match key.as_str() {
                    "?" => interview.answer_age(None).map_err(Refused::from),
                    // "만 28세" or "28살" as an officer types it: the number of years.
                    k => match years(k) {
                        Some(y) if y <= 130 => interview.answer_age(Some(y)).map_err(Refused::from),
                        _ => Err(Refused::Help),
                    },
                },
                Topic::BirthYear => match key.as_str() {
                    "?" => interview.answer_birth_year(None).map_err(Refused::from),
                    k => match k.parse::<u16>() {
                        Ok(y) if (1900..=2100).contains(&y) => {
                            interview.answer_birth_year(Some(y)).map_err(Refused::from)
                        }
                        _ => Err(Refused::Help),
                    },
                },
                Topic::Forms => match picked(&key, &ExploitationForm::ALL) {
                    Some(forms) => interview.answer_forms(&forms).map_err(Refused::from),
                    None => Err(Refused::Help),
                },
                Topic::SexualExploitationTypes => {
                    match picked(&key, &SexualExploitationType::ALL) {
                        Some(types) => interview
                            .answer_sexual_exploitation_types(&types)
                            .map_err(Refused::from),
                        None => Err(Refused::Help),
                    }
                }
                topic => {
                    let reply = reply_of(&key);
                    let done = match reply {
                        Some(r) => interview.reply(r, note.as_deref()).map_err(Refused::from),
                        None => Err(Refused::Help),
                    };
                    if done.is_ok()
                        && reply == Some(Reply::Yes)
                        && matches!(topic, Topic::Safety(_))
                    {
                        // Safety first: the alert at once, not only in the report at the end.
                        if let Ok(a) = interview.assessment() {
                            let prose = a.prose(lang);
                            let alerts = a.explanation.notices.iter().zip(&prose.notices);
                            for (_, text) in
                                alerts.filter(|(n, _)| n.kind == NoticeKind::SafetyFirst)
                            {
                                outln!("! {text}");
                            }
                        }
                    }
                    done
                }
            },
        };
        // Indicator questions left without an answer ("not known" or a skip), the last ones
        // asked, counted from the case (so an undo and a resumed interview count right): as an
        // answer makes them five, the officer is told to look at who is present and who
        // interprets.
        if result.is_ok()
            && answered
            && matches!(q.topic, Topic::Indicator(_))
            && unanswered_run(interview.case()) == UNANSWERED_WARNING
        {
            let count = UNANSWERED_WARNING.to_string();
            outln!(
                "{}",
                fill(word("interview.many_unanswered"), &[("count", &count)])
            );
        }
        match result {
            Ok(()) => {}
            Err(Refused::Help) => {
                let help = match q.topic {
                    Topic::Age => "interview.help.age",
                    Topic::BirthYear => "interview.help.year",
                    Topic::Forms | Topic::SexualExploitationTypes => "interview.help.forms",
                    Topic::ReasonsToBelieveChild => "interview.help.observation",
                    _ => "interview.help",
                };
                outln!("{}", word(help));
            }
            Err(Refused::NoteOnKey) => outln!("{}", word("interview.no_note_on_key")),
            // The library's words for the same refusal (`InterviewError::WrongAnswer`).
            Err(Refused::NoteOffIndicator) => outln!(
                "{}",
                fill(
                    word("error.interview.wrong_answer"),
                    &[(
                        "expected",
                        word("error.interview.expected.note_off_indicator")
                    )]
                )
            ),
            // Its message names what the question takes, never what was typed.
            Err(Refused::Library(e)) => outln!("{}", e.message_in(lang)),
        }
    }
    // Before the report, what the officer knows without asking the person (the nationality,
    // offences, measures, sector and the interview's conditions), where the case does not
    // record it yet: the first screen's stay, non-punishment and contact lines depend on it.
    // Not at the end of input, which saves what was learned and stops.
    let mut case = interview.case().clone();
    if !ended {
        // A `q` or the end of input there stops it; the report follows either way.
        let _halted = record_before_report(assessor, &mut case, &mut input, lang);
    }
    let a = assessor.assess(&case).map_err(|e| e.message_in(lang))?;
    outln!();
    out!("{}", a.report_in(lang));
    // Where the case still does not record them (not known, or skipped), the officer is
    // told, since the non-punishment and stay advice needs them.
    if let Some(key) = not_asked(&case) {
        outln!();
        outln!("{}", word(key));
    }
    save(&case, args.out.as_deref(), lang)
}

/// Why the record section stopped before its last item: the rest skipped (`q`), or the end
/// of input.
#[derive(Debug, PartialEq)]
enum Halt {
    Skip,
    End,
}

/// Asks one item of the record section until a line reads (`parse` gives `None` for a line
/// it does not take: the help line, and the same item again). `?` and an empty line are
/// handed to `parse` as `?`; `q` skips the rest.
fn ask_record<T>(
    input: &mut impl BufRead,
    lang: Locale,
    prompt: &str,
    help: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, Halt> {
    let word = |key: &str| lang.word(key).unwrap_or("");
    loop {
        outln!("{prompt}");
        let line = match read_line(input) {
            Line::Text(line) => line,
            Line::NotUtf8 => {
                outln!("{}", word("interview.not_utf8"));
                continue;
            }
            Line::End => return Err(Halt::End),
        };
        let key = match read_input(&line) {
            Input::Quit => return Err(Halt::Skip),
            Input::Other(key, None) if key.is_empty() => "?".to_owned(),
            Input::Other(key, None) => key,
            // Nothing here takes a note, a skip or an undo: the help line (never what was
            // typed).
            _ => {
                outln!("{}", word(help));
                continue;
            }
        };
        match parse(&key) {
            Some(value) => return Ok(value),
            None => outln!("{}", word(help)),
        }
    }
}

/// A prompt and its numbered choices, one per line, in the officer's language.
fn list_prompt<T>(lang: Locale, key: &str, items: &[T], word: impl Fn(&T) -> String) -> String {
    let choices: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("  {}. {}", i + 1, lang.word_or_key(&word(item))))
        .collect();
    format!("{}\n{}", lang.word(key).unwrap_or(""), choices.join("\n"))
}

/// Keeps a change to the case only where the case still assesses; says why otherwise.
fn keep(assessor: &Assessor, case: &mut Case, lang: Locale, change: impl FnOnce(&mut Case)) {
    let mut changed = case.clone();
    change(&mut changed);
    match assessor.assess(&changed) {
        Ok(_) => *case = changed,
        Err(e) => outln!("{}", e.message_in(lang)),
    }
}

/// The yes-or-no items of the record section: `Some(None)` for `?`.
fn yes_no_unknown(key: &str) -> Option<Option<bool>> {
    match reply_of(key)? {
        Reply::Yes => Some(Some(true)),
        Reply::No => Some(Some(false)),
        _ => Some(None),
    }
}

/// Exactly one choice by its number, or `Some(None)` for `?`.
fn picked_one<T: Copy>(key: &str, items: &[T]) -> Option<Option<T>> {
    if key == "?" {
        return Some(None);
    }
    match picked(key, items)?.as_slice() {
        [one] => Some(Some(*one)),
        _ => None,
    }
}

/// The first part of the record section, once the safety questions are answered: what the
/// officer sees, which decides which questions apply and how far a "no" can be trusted
/// (nationality, disability, the interview's conditions), where the case does not record it
/// yet. Never asked of the person.
fn record_before_questions(
    assessor: &Assessor,
    case: &mut Case,
    input: &mut impl BufRead,
    lang: Locale,
) -> Result<(), Halt> {
    let word = |key: &str| lang.word(key).unwrap_or("");
    let national_missing = case.subject.national.is_none();
    let disability_missing = case.subject.disability.is_none();
    let conditions_missing = case.interview_conditions.is_empty();
    if !(national_missing || disability_missing || conditions_missing) {
        return Ok(());
    }
    outln!("{}", word("interview.record.heading.setting"));
    if national_missing {
        // A case already recording a removal or a refusal of entry cannot record a national:
        // "yes" gets the help line, which says so.
        let removal = case.measures.iter().any(|m| !m.applies_to_nationals());
        let help = if removal {
            "interview.record.help.not_national"
        } else {
            "interview.record.help.yes_no"
        };
        let national = ask_record(input, lang, word("interview.record.national"), help, |k| {
            yes_no_unknown(k).filter(|v| !(removal && *v == Some(true)))
        })?;
        keep(assessor, case, lang, |c| c.subject.national = national);
    }
    if disability_missing {
        let disability = ask_record(
            input,
            lang,
            word("interview.record.disability"),
            "interview.record.help.yes_no",
            yes_no_unknown,
        )?;
        keep(assessor, case, lang, |c| c.subject.disability = disability);
    }
    if conditions_missing {
        let prompt = list_prompt(
            lang,
            "interview.record.conditions",
            &InterviewCondition::ALL,
            |c| format!("condition.{}", c.as_str()),
        );
        let mut conditions = ask_record(input, lang, &prompt, "interview.record.help.list", |k| {
            picked(k, &InterviewCondition::ALL)
        })?;
        conditions.sort_unstable();
        conditions.dedup();
        // Someone on the exploiter's side in the room: what happened is not asked in front of
        // them.
        if conditions.iter().any(|c| {
            matches!(
                c,
                InterviewCondition::ExploiterPresent
                    | InterviewCondition::InterpreterLinkedToExploiter
            )
        }) {
            outln!("{}", word("interview.record.unsafe"));
        }
        keep(assessor, case, lang, |c| {
            c.interview_conditions = conditions
        });
    }
    Ok(())
}

/// The second part, after the questions and before the report: the proceedings the file
/// shows (offences and the stage of each, measures pending) and the sector, where the case
/// does not record them yet. Each change is kept only if the case still assesses (the
/// choices offered always do: a national is not offered removal or refusal of entry). A
/// `q` or the end of input ends it; what was recorded before is kept.
fn record_before_report(
    assessor: &Assessor,
    case: &mut Case,
    input: &mut impl BufRead,
    lang: Locale,
) -> Result<(), Halt> {
    let word = |key: &str| lang.word(key).unwrap_or("");
    let offences_missing = case.offences.is_empty();
    let measures_missing = case.measures.is_empty();
    let sector_missing = case.sector.is_none();
    if !(offences_missing || measures_missing || sector_missing) {
        return Ok(());
    }
    outln!();
    outln!("{}", word("interview.record.heading"));
    if offences_missing {
        // A national commits no irregular entry or stay: those are not offered.
        let offered: Vec<OffenceKind> = OffenceKind::ALL
            .into_iter()
            .filter(|k| {
                case.subject.national != Some(true)
                    || !matches!(k, OffenceKind::IrregularEntry | OffenceKind::IrregularStay)
            })
            .collect();
        let prompt = list_prompt(lang, "interview.record.offences", &offered, |k| {
            format!("offence.{}", k.as_str())
        });
        let mut kinds = ask_record(input, lang, &prompt, "interview.record.help.list", |k| {
            picked(k, &offered)
        })?;
        kinds.sort_unstable();
        kinds.dedup();
        let stages = OffenceStage::ALL
            .iter()
            .enumerate()
            .map(|(i, st)| format!("{} {}", i + 1, word(&format!("stage.{}", st.as_str()))))
            .collect::<Vec<_>>()
            .join(", ");
        // Every offence named is kept: its stage where given, none where the rest was
        // skipped or the input ended.
        let mut offences: Vec<Offence> = kinds.iter().map(|k| Offence::new(*k)).collect();
        let mut halted = Ok(());
        for offence in &mut offences {
            let name = word(&format!("offence.{}", offence.kind.as_str()));
            let prompt = fill(
                word("interview.record.stage"),
                &[("offence", name), ("stages", &stages)],
            );
            match ask_record(input, lang, &prompt, "interview.record.help.one", |k| {
                picked_one(k, &OffenceStage::ALL)
            }) {
                Ok(stage) => offence.stage = stage,
                Err(halt) => {
                    halted = Err(halt);
                    break;
                }
            }
        }
        keep(assessor, case, lang, |c| c.offences = offences);
        halted?;
    }
    if measures_missing {
        // A national faces no removal and no refusal of entry: those are not offered.
        let national = case.subject.national == Some(true);
        let offered: Vec<Measure> = Measure::ALL
            .into_iter()
            .filter(|m| !national || m.applies_to_nationals())
            .collect();
        let prompt = list_prompt(lang, "interview.record.measures", &offered, |m| {
            let key = format!("measure.{}", m.as_str());
            let national_key = format!("{key}.national");
            if national && lang.word(&national_key).is_some() {
                national_key
            } else {
                key
            }
        });
        let mut measures = ask_record(input, lang, &prompt, "interview.record.help.list", |k| {
            picked(k, &offered)
        })?;
        measures.sort_unstable();
        measures.dedup();
        keep(assessor, case, lang, |c| c.measures = measures);
    }
    if sector_missing {
        let prompt = list_prompt(lang, "interview.record.sector", &Sector::ALL, |s| {
            format!("sector.{}", s.as_str())
        });
        let sector = ask_record(input, lang, &prompt, "interview.record.help.one", |k| {
            picked_one(k, &Sector::ALL)
        })?;
        keep(assessor, case, lang, |c| c.sector = sector);
    }
    Ok(())
}

/// A reply to a yes-or-no question as typed: the letters, and the Korean words for them.
fn reply_of(key: &str) -> Option<Reply> {
    match key {
        "y" | "yes" | "예" | "네" => Some(Reply::Yes),
        "n" | "no" | "아니요" | "아니오" => Some(Reply::No),
        "?" => Some(Reply::NotKnown),
        _ => None,
    }
}

/// An age as an officer types it: a number of years, with or without "만" before it and one
/// Korean unit after it ("만 28세", "28살").
fn years(key: &str) -> Option<u8> {
    let key = key.strip_prefix('만').unwrap_or(key).trim();
    let key = key
        .strip_suffix('세')
        .or_else(|| key.strip_suffix('살'))
        .unwrap_or(key)
        .trim();
    key.parse().ok()
}

/// How many of the last indicator questions asked were left without an answer ("not known"
/// or a skip), in a row.
fn unanswered_run(case: &Case) -> usize {
    let Some(record) = &case.interview else {
        return 0;
    };
    record
        .asked
        .iter()
        .rev()
        .take_while(|id| {
            case.observations
                .iter()
                .any(|o| &o.indicator == *id && o.status == ObservationStatus::NotAssessed)
        })
        .count()
}

/// The choices a list answer picks: numbers from 1 into `choices`, separated by spaces or
/// commas, or `?` for none (not known). `None` when the answer is neither.
fn picked<T: Copy>(key: &str, choices: &[T]) -> Option<Vec<T>> {
    if key == "?" {
        return Some(Vec::new());
    }
    let picked: Option<Vec<T>> = key
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<usize>()
                .ok()
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| choices.get(i).copied())
        })
        .collect();
    picked.filter(|p| !p.is_empty())
}

/// The words for what the case still does not record, which the person is never asked and
/// the officer may have left as not known: the nationality (and so the visa), and any offence
/// or measure (a booking, a charge, detention).
fn not_asked(case: &Case) -> Option<&'static str> {
    let nationality = case.subject.national.is_none();
    let proceedings = case.offences.is_empty() && case.measures.is_empty();
    match (nationality, proceedings) {
        (true, true) => Some("interview.not_asked.both"),
        (true, false) => Some("interview.not_asked.nationality"),
        // A national is not removed: the stay advice is not at stake (a Korean caseworker's
        // review, thirty-fifth session).
        (false, true) if case.subject.national == Some(true) => {
            Some("interview.not_asked.proceedings.national")
        }
        (false, true) => Some("interview.not_asked.proceedings"),
        (false, false) => None,
    }
}

fn main() -> ExitCode {
    let words = common::cli_lang();
    match parse_args(words) {
        Ok(None) => {
            out!("{}", words.word_or_key("cli.interview.help"));
            ExitCode::SUCCESS
        }
        Ok(Some(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("interview: {message}");
                ExitCode::from(1)
            }
        },
        Err(message) => {
            eprintln!("interview: {message}");
            ExitCode::from(2)
        }
    }
}
