//! The guided interview: the order of its questions, saving and resuming, the terminal
//! example driven through piped input, the wording of every question, and the measure.

use std::io::Write;
use std::process::{Command, Stdio};

use trafficking_indicators::assessment::NoticeKind;
use trafficking_indicators::case::SexualExploitationType;
use trafficking_indicators::interview::{
    Interview, MAX_SAME_DIMENSION_IN_A_ROW, MAX_UNDO, QuestionOrder, Reply, Topic,
    questions_to_reasonable_grounds,
};
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, Catalogue, ExploitationForm, ObservationStatus};

use crate::common::root;

fn assessor() -> &'static Assessor {
    Assessor::builtin("kr-2024").expect("built in")
}

#[test]
fn safety_age_and_forms_come_before_any_indicator() {
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    let mut topics = Vec::new();
    for _ in 0..6 {
        let q = iv.next().expect("a question");
        topics.push(q.topic.clone());
        match q.topic {
            Topic::Safety(_) => iv.reply(Reply::No, None).expect("answer"),
            Topic::Age => iv.answer_age(None).expect("answer"),
            Topic::ReasonsToBelieveChild => iv.reply(Reply::No, None).expect("answer"),
            Topic::Forms => iv
                .answer_forms(&[ExploitationForm::Sexual])
                .expect("answer"),
            Topic::Indicator(_) => break,
            Topic::BirthYear => iv.answer_birth_year(None).expect("answer"),
            other => panic!("a topic this test does not know: {}", other.kind()),
        }
    }
    let first_indicator = topics.iter().position(|t| matches!(t, Topic::Indicator(_)));
    assert!(matches!(topics[0], Topic::Safety(_)));
    let age = topics
        .iter()
        .position(|t| *t == Topic::Age)
        .expect("age asked");
    let forms = topics
        .iter()
        .position(|t| *t == Topic::Forms)
        .expect("forms asked");
    assert!(
        first_indicator.is_none_or(|i| i > age && i > forms),
        "{topics:?}"
    );
    // Everything learned is in the case: the age not known, the reason, the forms, safety.
    let record = iv.case().interview.clone().expect("record");
    assert!(record.age_not_known);
    assert_eq!(iv.case().subject.possibly_minor, Some(false));
    assert_eq!(iv.case().forms, vec![ExploitationForm::Sexual]);
    assert!(record.safety.hurt.is_some());
}

/// Over every data case, answered from the complete case: never more than three questions in
/// a row from one dimension unless only that dimension can raise the level.
#[test]
fn never_more_than_three_in_a_row_from_one_dimension() {
    let (mut cases, mut asked) = (0, 0);
    for (name, a, complete) in crate::common::assessable_data_cases() {
        let Some(mut iv) = fresh_interview(a, &complete) else {
            continue;
        };
        cases += 1;
        let mut run: Vec<Option<trafficking_indicators::Dimension>> = Vec::new();
        let mut reached = false;
        for _ in 0..40 {
            let Some(q) = iv.next() else { break };
            let Topic::Indicator(id) = q.topic.clone() else {
                // An opening question: skipped, or (the reasons to believe the person is a
                // child, which takes no skip) answered "no". Until the thirty-fourth session
                // the refusal was dropped and the age-not-established cases went round on it,
                // testing nothing (a code review).
                opening_answered(&mut iv, &name);
                continue;
            };
            reached = true;
            if run.len() >= MAX_SAME_DIMENSION_IN_A_ROW {
                let last = &run[run.len() - MAX_SAME_DIMENSION_IN_A_ROW..];
                if last.iter().all(|d| d.is_some() && *d == last[0]) && q.dimension == last[0] {
                    // Allowed only when only that dimension can raise the level.
                    let level = iv.assessment().expect("assesses").level;
                    let open = iv.assessment().expect("assesses").explanation.ask_next;
                    let movers: Vec<_> =
                        open.iter().filter(|o| o.level_if_present > level).collect();
                    assert!(
                        !movers.is_empty() && movers.iter().all(|o| o.dimension == q.dimension),
                        "{name}: a fourth question in a row from {:?}",
                        q.dimension
                    );
                }
            }
            run.push(q.dimension);
            let status = status_in(&complete, &id);
            iv.answer(&id, status, None, None).expect("answers");
        }
        asked += usize::from(reached);
    }
    assert!(cases > 0);
    assert_eq!(asked, cases, "every case reaches its indicator questions");
}

/// Answers an opening question the way the tests over every data case do: a skip, or "no"
/// where a skip is refused (the reasons to believe the person is a child).
fn opening_answered(iv: &mut Interview<'_>, name: &str) {
    if iv.skip().is_err() {
        iv.reply(Reply::No, None).unwrap_or_else(|e| {
            panic!("{name}: the opening question takes neither a skip nor a no: {e}")
        });
    }
}

/// With the forms not known, the interview probes each form's purpose fact (made to sell sex,
/// married, an organ removed, used by an armed group, ...): these have no dimension, and an
/// international verdict review (twenty-sixth session) met nine of them in a row for a boy of
/// 16, the sexual one among the first. The facts of one element count as one group for the
/// rule against long runs, with no exception: a code review found them nine in a row again
/// when a child with a sign of control recorded could be moved only by a purpose fact.
#[test]
fn the_probes_of_the_forms_are_not_asked_more_than_three_in_a_row() {
    let catalogue = Catalogue::builtin();
    let nothing: Vec<serde_json::Value> = Vec::new();
    let escorted = vec![serde_json::json!({
        "indicator": "unodc_escorted_to_and_from_work", "status": "present"
    })];
    for rule_set in ["ilo-2009", "kr-2024"] {
        for observations in [&nothing, &escorted] {
            let a = Assessor::builtin(rule_set).expect("built in");
            let start = Case::from_json(
                &serde_json::json!({
                    "subject": { "age_years": 16 },
                    "observations": observations,
                })
                .to_string(),
            )
            .expect("case");
            let mut iv = Interview::new(a, start).expect("starts");
            let mut run = Vec::new();
            let mut probes = 0;
            for _ in 0..40 {
                let Some(q) = iv.next() else { break };
                match q.topic {
                    Topic::Forms => iv.answer_forms(&[]).expect("not known"),
                    Topic::Indicator(id) => {
                        let element = catalogue
                            .get(id.as_str())
                            .filter(|e| e.dimension.is_none())
                            .and_then(|e| e.element);
                        match element {
                            Some(el) if run.last() == Some(&el) => run.push(el),
                            Some(el) => run = vec![el],
                            None => run.clear(),
                        }
                        probes += usize::from(element.is_some());
                        assert!(
                            run.len() <= MAX_SAME_DIMENSION_IN_A_ROW,
                            "{rule_set}, {} observed: a fourth fact in a row: {id:?}",
                            observations.len()
                        );
                        iv.answer(&id, ObservationStatus::Absent, None, None)
                            .expect("answers");
                    }
                    _ => iv.reply(Reply::No, None).expect("answers"),
                }
            }
            // The probes are still asked, only not one after another.
            assert!(probes > MAX_SAME_DIMENSION_IN_A_ROW, "{rule_set}: {probes}");
        }
    }
}

/// The assessment's own list of next questions follows the same rule (a pure function of the
/// case): no four questions in a row of one dimension, or facts of one element, unless only
/// that dimension can raise the level. With the forms not known it listed a coercion question
/// and then nine purpose facts.
#[test]
fn ask_next_lists_no_long_run_of_one_group() {
    let catalogue = Catalogue::builtin();
    let case = Case::from_json(
        r#"{"subject":{"age_years":16},"interview":{"forms_not_known":true,"opening_asked":["forms"]}}"#,
    )
    .expect("case");
    for rule_set in ["ilo-2009", "kr-2024"] {
        let a = Assessor::builtin(rule_set)
            .expect("built in")
            .assess(&case)
            .expect("assesses");
        let key = |id: &str| {
            catalogue.get(id).map(|e| match e.dimension {
                Some(d) => format!("{d:?}"),
                None => format!("{:?}", e.element),
            })
        };
        let keys: Vec<Option<String>> = a
            .explanation
            .ask_next
            .iter()
            .map(|q| key(q.id.as_str()))
            .collect();
        assert!(keys.len() > MAX_SAME_DIMENSION_IN_A_ROW + 1, "{rule_set}");
        for w in keys.windows(MAX_SAME_DIMENSION_IN_A_ROW + 1) {
            let first = w.first().cloned().flatten();
            assert!(
                first.is_none() || w.iter().any(|k| *k != w[0]),
                "{rule_set}: {keys:?}"
            );
        }
    }
}

/// An interview of the person in a complete case: who they are and the forms known, nothing
/// asked yet.
fn fresh_interview<'a>(a: &'a Assessor, complete: &Case) -> Option<Interview<'a>> {
    let start = Case {
        subject: complete.subject.clone(),
        forms: complete.forms.clone(),
        ..Case::default()
    };
    Interview::new(a, start).ok()
}

/// The answer the complete case gives to an indicator question: present, or else absent.
fn status_in(complete: &Case, id: &trafficking_indicators::IndicatorId) -> ObservationStatus {
    if complete
        .observations
        .iter()
        .any(|o| &o.indicator == id && o.status == ObservationStatus::Present)
    {
        ObservationStatus::Present
    } else {
        ObservationStatus::Absent
    }
}

#[test]
fn a_saved_case_resumes_at_the_same_next_question() {
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    iv.answer_age(Some(26)).expect("age");
    iv.answer_forms(&[ExploitationForm::Sexual]).expect("forms");
    iv.answer_sexual_exploitation_types(&[SexualExploitationType::Prostitution])
        .expect("the type");
    for _ in 0..4 {
        iv.reply(Reply::No, Some("그런 일은 없었다고 함"))
            .expect("answer");
    }
    iv.skip().expect("skip");
    let next = iv.next().expect("a question");
    let saved = iv.case().to_json_pretty();
    let resumed = Interview::new(assessor(), Case::from_json(&saved).expect("the saved case"))
        .expect("resumes");
    assert_eq!(resumed.next().map(|q| q.topic), Some(next.topic.clone()));
    assert_eq!(resumed.next().map(|q| q.number), Some(next.number));
    // The skipped question is recorded as not assessed, and not asked again.
    let record = resumed.case().interview.clone().expect("record");
    let skipped = record.asked.last().expect("asked");
    assert!(
        resumed
            .case()
            .observations
            .iter()
            .any(|o| &o.indicator == skipped && o.status == ObservationStatus::NotAssessed)
    );
    assert_ne!(next.topic, Topic::Indicator(skipped.clone()));
}

/// A 30-year-old in labour exploitation, safety asked, with one lead recorded before the
/// interview: withholding of wages "not assessed", with `fields` (its note, its source).
fn with_a_lead(fields: &str) -> Case {
    Case::from_json(&format!(
        r#"{{"subject": {{"age_years": 30}}, "forms": ["labour"],
            "interview": {{"safety": {{"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}},
            "observations": [{{"indicator": "withholding_of_wages", "status": "not_assessed", {fields}}}]}}"#
    ))
    .expect("case")
}

#[test]
fn a_lead_recorded_before_the_interview_comes_first_and_only_once() {
    let case = with_a_lead(r#""note": "the employer said he keeps the wages for her""#);
    let mut iv = Interview::new(assessor(), case).expect("starts");
    let q = iv.next().expect("a question");
    assert!(q.lead);
    assert_eq!(
        q.topic,
        Topic::Indicator("withholding_of_wages".parse().expect("id"))
    );
    iv.reply(Reply::NotKnown, Some("asked, she did not want to say"))
        .expect("answer");
    let q = iv.next().expect("a question");
    assert!(!q.lead);
    assert_ne!(
        q.topic,
        Topic::Indicator("withholding_of_wages".parse().expect("id"))
    );
}

#[test]
fn unsafe_interview_conditions_keep_no_answers_open_and_ask_everything_once() {
    let base = r#"{"subject": {"age_years": 30, "national": false}, "forms": ["sexual"],
        "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}},
        "observations": [{"indicator": "confiscation_of_documents_at_destination", "status": "absent"}]"#;
    let safe = Case::from_json(&format!("{base}}}")).expect("case");
    let unsafe_ = Case::from_json(&format!(
        r#"{base}, "interview_conditions": ["exploiter_present"]}}"#
    ))
    .expect("case");
    let a = assessor().assess(&safe).expect("assesses");
    let b = assessor().assess(&unsafe_).expect("assesses");
    assert!(b.score_range.unresolved_indicators > a.score_range.unresolved_indicators);
    assert!(b.explanation.notices.iter().any(
        |n| n.kind == trafficking_indicators::assessment::NoticeKind::InterviewConditionsUnsafe
    ));
    assert!(b.report().contains("professional interpreter"));
    // The interview does not ask the answered question again, and does not stop early.
    let iv = Interview::new(assessor(), unsafe_).expect("starts");
    assert_ne!(
        iv.next().map(|q| q.topic),
        Some(Topic::Indicator(
            "confiscation_of_documents_at_destination"
                .parse()
                .expect("id")
        ))
    );
    assert_eq!(iv.finished(), None);
}

/// The lines of one section of a report: from its heading to the next blank line.
fn section<'r>(report: &'r str, heading: &str) -> Vec<&'r str> {
    report
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

/// A fisher interviewed through the manning agency's interpreter, with the employer present,
/// answered "no" to every coercion question (a verdict review's case). Those answers are not
/// yet known: the first thing to do is to interview him again in safe conditions, and the
/// reasons never read "asked, nothing found", in English or in Korean.
#[test]
fn an_interview_in_unsafe_conditions_is_held_again_first_and_its_no_answers_clear_nothing() {
    let fisher = |conditions: &str, safety: &str| {
        Case::from_json(&format!(
            r#"{{"subject": {{"age_years": 24, "national": false, "visa": "E-10"}},
                "forms": ["labour"], "sector": "fishing_at_sea", {conditions}
                "interview": {{"safety": {safety}}},
                "observations": [
                  {{"indicator": "excessive_working_days_or_hours", "status": "present", "source": "direct_observation"}},
                  {{"indicator": "confiscation_of_documents_at_destination", "status": "absent", "source": "self_report"}},
                  {{"indicator": "debt_bondage_at_destination", "status": "absent", "source": "self_report"}},
                  {{"indicator": "violence_on_victim_at_destination", "status": "absent", "source": "self_report"}},
                  {{"indicator": "deceived_about_wages", "status": "absent", "source": "self_report"}}]}}"#
        ))
        .expect("case")
    };
    let no_safety_concern = r#"{"hurt": "no", "in_danger": "no", "needs_doctor": "no"}"#;
    let unsafe_ = fisher(
        r#""interview_conditions": ["interpreter_linked_to_exploiter", "exploiter_present"],"#,
        no_safety_concern,
    );
    let a = assessor().assess(&unsafe_).expect("assesses");
    for locale in Locale::ALL {
        let words = locale.texts();
        let word = |key: &str| words.get(key).expect(key);
        let lead = |key: &str| word(key).split('{').next().unwrap_or("").to_owned();
        let report = a.report_in(locale);
        let now = section(&report, word("report.heading.now"));
        let again = lead("notice.interview_conditions_unsafe");
        assert!(
            now.first()
                .is_some_and(|l| l.starts_with(&format!("  ! {again}"))),
            "{locale:?}: the interview again comes first\n{report}"
        );
        let why = section(&report, word("report.heading.why")).join("\n");
        for cleared in ["report.dimension_nothing", "report.asked_not_found"] {
            let cleared = word(cleared).replace("{dimension}", "");
            let cleared = cleared.split('{').next().unwrap_or("");
            assert!(!why.contains(cleared), "{locale:?}: `{cleared}`\n{why}");
        }
        assert!(
            why.contains(&lead("report.asked_not_found_unsafe")),
            "{why}"
        );
        // The questions answered "no" come back under what to ask next, marked as asked
        // again (since the thirtieth session).
        let ask = section(&report, word("report.heading.ask")).join("\n");
        assert!(ask.contains(word("report.recorded_no_unsafe")), "{ask}");
        // Coercion and deception: nothing shown, nothing ruled out.
        let open = lead("report.dimension_nothing_unsafe");
        let open = word("report.dimension_nothing_unsafe")
            .split("{dimension}")
            .nth(1)
            .unwrap_or(&open);
        assert_eq!(why.matches(open).count(), 2, "{locale:?}\n{why}");
        // Said once, on the first screen, not again under the notes.
        assert_eq!(report.matches(&again).count(), 1, "{locale:?}\n{report}");
    }
    // Safety first, then the interview again; and with every answer "no" in unsafe
    // conditions, never "no step follows".
    let hurt = fisher(
        r#""interview_conditions": ["exploiter_present"],"#,
        r#"{"hurt": "yes", "in_danger": "no", "needs_doctor": "no"}"#,
    );
    let report = assessor().assess(&hurt).expect("assesses").report();
    let now = section(&report, "WHAT TO DO NOW");
    assert!(now[0].starts_with("  ! Safety first"), "{report}");
    assert!(
        now[1].starts_with("  ! Interview again in safe conditions"),
        "{report}"
    );
    let all_no = Case::from_json(
        r#"{"subject": {"age_years": 30}, "forms": ["labour"], "interview_conditions": ["not_private"],
            "observations": [{"indicator": "violence_on_victim_at_destination", "status": "absent"}]}"#,
    )
    .expect("case");
    let report = assessor().assess(&all_no).expect("assesses").report();
    assert!(
        report.contains("  ! Interview again in safe conditions"),
        "{report}"
    );
    assert!(!report.contains("No step follows"), "{report}");
    // In safe conditions the same answers are found absent, and said so.
    let safe = fisher("", no_safety_concern);
    let report = assessor().assess(&safe).expect("assesses").report();
    assert!(
        report.contains("Coercion at destination: asked, nothing found."),
        "{report}"
    );
    assert!(
        report.contains("      Asked, does not apply: Confiscation of documents"),
        "{report}"
    );
    assert!(!report.contains("Interview again"), "{report}");
}

/// Where the ages recorded leave the age at the act open but the year of birth is recorded,
/// the assessment asks first what would settle it (the age then, or the year the exploitation
/// began), and the interview does not ask the year of birth again: it goes on to the forms.
#[test]
fn a_recorded_year_of_birth_is_never_asked_again() {
    use trafficking_indicators::AgeQuestion;
    let safe =
        r#""interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}"#;
    // kr-2024 (under 19, no year rule): born 2005, exploited from 2024, so 18 or 19 then.
    let straddle = Case::from_json(&format!(
        r#"{{"subject": {{"age_years": 19, "birth_year": 2005}}, "exploitation_began_year": 2024, {safe}}}"#
    ))
    .expect("case");
    // kr-2023 (the year rule): 18 now, born 2005, the year of the start not recorded.
    let no_start = Case::from_json(&format!(
        r#"{{"subject": {{"age_years": 18, "birth_year": 2005}}, {safe}}}"#
    ))
    .expect("case");
    let kr_2023 = Assessor::builtin("kr-2023").expect("built in");
    for (rules, case, asked) in [
        (assessor(), straddle, AgeQuestion::AgeAtExploitation),
        (kr_2023, no_start, AgeQuestion::ExploitationBeganYear),
    ] {
        let a = rules.assess(&case).expect("assesses");
        assert_eq!(a.explanation.subject.ask_first, Some(asked));
        assert!(!a.explanation.subject.treated_as_child);
        let report = a.report();
        assert!(!report.contains("First ask the year of birth"), "{report}");
        assert!(!report.contains("Ask for the year of birth"), "{report}");
        let iv = Interview::new(rules, case).expect("starts");
        assert_eq!(iv.next().map(|q| q.topic), Some(Topic::Forms));
    }
}

#[test]
fn a_yes_to_a_safety_question_puts_safety_first_in_the_report() {
    let case = Case::from_json(
        r#"{"interview": {"safety": {"hurt": "yes", "in_danger": "no", "needs_doctor": "yes"}}}"#,
    )
    .expect("case");
    let report = assessor()
        .assess(&case)
        .expect("assesses")
        .report_in(Locale::Ko);
    // The first thing to do, under "what to do now", and not contradicted by "nothing to do".
    let mut lines = report.lines().skip_while(|l| *l != "지금 할 일");
    assert_eq!(lines.next(), Some("지금 할 일"), "{report}");
    assert!(
        lines.next().is_some_and(|l| l.starts_with("  ! 안전 우선")),
        "{report}"
    );
    assert!(!report.contains("따로 취할 조치가 없음"), "{report}");
}

/// The safety line names the emergency numbers of the rule set's country: in Korea 119 for
/// a person who is hurt or needs a doctor (fire and ambulance; a verdict review of the
/// twenty-seventh session found the line gave only the police's 112 for a medical need) and
/// 112 for danger; the international rule set, used from Doha to Brussels, names none
/// (Qatar's emergency number is 999; in the EU 112 reaches an operator, not "the police").
/// Found by the twenty-fourth session's international verdict review.
#[test]
fn the_safety_line_names_the_emergency_number_of_the_rule_sets_country_only() {
    let case = r#"{"interview": {"safety": {"hurt": "yes"}}}"#;
    for (rule_set, locale, number, local) in [
        (
            "kr-2024",
            Locale::En,
            true,
            "call 119 (fire and ambulance service) or take them to a hospital now; if they are in danger, separate them from whoever endangers them and move them to a safe place (a shelter; not lodging the employer or the business provides, nor the home of whoever endangers them) (Act Art. 22(2)), and call 112 (police) unless you are the police",
        ),
        (
            "kr-2023",
            Locale::Ko,
            true,
            "다쳤거나 진료가 필요하면 지금 119(소방ㆍ구급)에 신고하거나 병원으로 이송하고, 위험하면 위협하는 사람과 분리해 안전한 곳(보호시설 등. 사업주나 업소가 마련한 숙소, 위협하는 사람의 집은 안 됨)으로 옮기고(인신매매방지법 제22조제2항), 경찰이 아니면 112(경찰)에 신고할 것",
        ),
        (
            "ilo-2009",
            Locale::En,
            false,
            "call the local emergency number now",
        ),
        (
            "ilo-2009",
            Locale::Ko,
            false,
            "해당 국가의 긴급 신고 번호로 신고할 것",
        ),
    ] {
        let report = crate::common::assess_json_under(rule_set, case).report_in(locale);
        let safety = report
            .lines()
            .find(|l| l.starts_with("  ! Safety first") || l.starts_with("  ! 안전 우선"))
            .unwrap_or_else(|| panic!("{rule_set}: no safety line\n{report}"));
        assert!(safety.contains(local), "{rule_set} {locale:?}: {safety}");
        for n in ["112", "119"] {
            assert_eq!(
                safety.contains(n),
                number,
                "{rule_set} {locale:?}: {safety}"
            );
        }
    }
}

/// A person who is hurt is told, on the safety line, to have the injuries recorded with
/// their consent (the project's advice, in every rule set and both languages); a person only
/// in danger or needing a doctor is not (an international verdict review, thirty-eighth
/// session: a man shot when he asked for his pay was only told to get medical care).
#[test]
fn a_hurt_person_is_told_to_have_the_injuries_recorded() {
    for (rule_set, locale, words) in [
        (
            "ilo-2009",
            Locale::En,
            "ask the doctor to record each injury and what they say caused it",
        ),
        (
            "kr-2024",
            Locale::En,
            "ask the doctor to record each injury and what they say caused it",
        ),
        (
            "kr-2023",
            Locale::Ko,
            "의사에게 상처마다 당사자가 말하는 원인과 함께 진료기록에 남기고",
        ),
        (
            "ilo-2009",
            Locale::Ko,
            "의사에게 상처마다 당사자가 말하는 원인과 함께 진료기록에 남기고",
        ),
    ] {
        let safety = |answers: &str| {
            let case = format!(r#"{{"interview": {{"safety": {answers}}}}}"#);
            let report = crate::common::assess_json_under(rule_set, &case).report_in(locale);
            report
                .lines()
                .find(|l| l.starts_with("  ! Safety first") || l.starts_with("  ! 안전 우선"))
                .map(str::to_owned)
                .unwrap_or_else(|| panic!("{rule_set}: no safety line\n{report}"))
        };
        let hurt = safety(r#"{"hurt": "yes"}"#);
        assert_eq!(
            hurt.matches(words).count(),
            1,
            "{rule_set} {locale:?}: {hurt}"
        );
        for other in [
            r#"{"in_danger": "yes"}"#,
            r#"{"needs_doctor": "yes", "hurt": "no"}"#,
        ] {
            let line = safety(other);
            assert!(
                !line.contains(words),
                "{rule_set} {locale:?} {other}: {line}"
            );
        }
    }
    // A child: with the child's agreement, through the protection services, not a carer.
    for (rule_set, locale, words) in [
        (
            "ilo-2009",
            Locale::En,
            "With the agreement of the child, and through the protection services rather than a carer who may have hurt them",
        ),
        (
            "kr-2024",
            Locale::Ko,
            "아동ㆍ청소년의 의사를 존중하여, 다치게 했을 수 있는 보호자가 아니라 보호 기관과 함께",
        ),
    ] {
        let case = r#"{"subject": {"age_years": 15}, "interview": {"safety": {"hurt": "yes"}}}"#;
        let report = crate::common::assess_json_under(rule_set, case).report_in(locale);
        let screen = crate::common::first_screen(&report);
        assert_eq!(screen.matches(words).count(), 1, "{rule_set}: {report}");
    }
}

/// A person who is hurt or needs a doctor gets Korea's fire and ambulance line among the
/// first screen's numbers, first (it is the contact directory's `emergency_119`, fitted by
/// `hurt_or_needs_doctor`); a person only in danger, or not asked, does not. It takes none of
/// the four places: a hurt foreign boy on a fishing boat keeps the seafarers' inspectors and
/// the youth line (a code review, twenty-eighth session, found 119 pushing one out).
#[test]
fn a_hurt_person_gets_119_first_among_the_numbers_to_call() {
    let evidence = r#""observations": [
        {"indicator": "confiscation_of_documents_at_destination", "status": "present"}
    ]"#;
    for (safety, expected) in [
        (r#""hurt": "yes""#, true),
        (r#""needs_doctor": "yes""#, true),
        (r#""in_danger": "yes", "hurt": "no""#, false),
        (r#""hurt": "not_known""#, false),
    ] {
        let case = format!(r#"{{"interview": {{"safety": {{{safety}}}}}, {evidence}}}"#);
        let assessment = crate::common::assess_json_under("kr-2024", &case);
        assert!(
            assessment.level >= trafficking_indicators::Level::FurtherInquiry,
            "{case}"
        );
        let listed = assessment
            .contacts
            .iter()
            .any(|c| c.id.as_str() == "emergency_119");
        assert_eq!(listed, expected, "{case}");
        let report = assessment.report_in(Locale::Ko);
        let call = report
            .lines()
            .find(|l| l.starts_with("  연락처: "))
            .unwrap_or_else(|| panic!("no numbers\n{report}"));
        assert_eq!(
            call.starts_with("  연락처: 소방ㆍ구급 119 · 경찰 112"),
            expected,
            "{call}"
        );
        assert_eq!(call.contains("119"), expected, "{call}");
    }
    let boy = |hurt: &str| {
        let case = format!(
            r#"{{"subject": {{"age_years": 15, "national": false}}, "sector": "fishing_at_sea",
                "forms": ["labour"], "interview": {{"safety": {{"hurt": "{hurt}"}}}}, {evidence}}}"#
        );
        let report = crate::common::assess_json_under("kr-2024", &case).report_in(Locale::Ko);
        report
            .lines()
            .find(|l| l.starts_with("  연락처: "))
            .map(|l| l.trim_start_matches("  연락처: ").to_owned())
            .unwrap_or_default()
    };
    let four = "경찰 112 (아동학대 신고 및 아동 보호) · 중앙인신매매등피해자권익보호기관 (한국여성인권진흥원) 1600-8248 · 지방해양수산청 선원근로감독관 · 청소년전화 1388";
    assert_eq!(boy("no"), four);
    assert_eq!(boy("yes"), format!("소방ㆍ구급 119 · {four}"));
}

/// Every question reads as a question a person can answer: it ends with a question mark,
/// carries no indicator id and no jargon.
#[test]
fn every_question_is_a_question_in_plain_words() {
    let jargon = ["dimension", "indicator", "_", "차원", "지표"];
    let mut problems = Vec::new();
    let ko = Locale::Ko.texts();
    let mut texts: Vec<(String, String)> = Vec::new();
    for e in Catalogue::builtin().entries() {
        texts.push((
            format!("{} (en)", e.id),
            e.question.clone().unwrap_or_default(),
        ));
        let key = format!("indicator.{}.question", e.id);
        texts.push((
            format!("{} (ko)", e.id),
            ko.get(&key).unwrap_or("").to_owned(),
        ));
    }
    for e in Catalogue::builtin().entries() {
        if let Some(child) = &e.question_child {
            texts.push((format!("{} (en, child)", e.id), child.clone()));
        }
        let key = format!("indicator.{}.question_child", e.id);
        if let Some(child) = ko.get(&key) {
            texts.push((format!("{} (ko, child)", e.id), child.to_owned()));
        }
    }
    for key in [
        "interview.safety.hurt",
        "interview.safety.in_danger",
        "interview.safety.needs_doctor",
        "interview.safety.hurt.child",
        "interview.safety.in_danger.child",
        "interview.safety.needs_doctor.child",
        "interview.reasons_child",
    ] {
        for locale in Locale::ALL {
            texts.push((
                format!("{key} ({})", locale.tag()),
                locale.word(key).unwrap_or("").to_owned(),
            ));
        }
    }
    for (what, text) in &texts {
        let text = text.trim();
        if !text.ends_with('?') {
            problems.push(format!("{what}: does not end with a question mark"));
        }
        for j in jargon {
            if text.to_lowercase().contains(j) {
                problems.push(format!("{what}: contains `{j}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A question of the international catalogues is asked under every rule set, `ilo-2009`
/// among them, so it names no country: "in this country", not "in Korea" (an international
/// verdict review, twenty-fifth session, found the question on permission to stay asked of
/// a person in the United States as "in Korea"). Only the Korea context list may name Korea.
#[test]
fn a_question_of_the_international_catalogues_names_no_country() {
    let ko = Locale::Ko.texts();
    let mut problems = Vec::new();
    for e in Catalogue::builtin().entries() {
        if e.lists.iter().all(|l| l.as_str() == "korea_context") {
            continue;
        }
        let mut texts = vec![e.question.clone().unwrap_or_default()];
        texts.extend(e.question_child.clone());
        for key in ["question", "question_child"] {
            if let Some(t) = ko.get(&format!("indicator.{}.{key}", e.id)) {
                texts.push(t.to_owned());
            }
        }
        for text in texts {
            if ["Korea", "한국"].iter().any(|k| text.contains(k)) {
                problems.push(format!("{}: {text}", e.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The measure: questions to reasonable grounds on the data test cases, against catalogue
/// order and random order (`cargo run --release --example interview_metric` prints the
/// table).
#[test]
fn the_interview_reaches_reasonable_grounds_in_few_questions() {
    // Known exceptions, with their reasons (README, "The guided interview"). In the first the
    // ten present indicators are all medium and the strong ones all absent (it tests the
    // score criterion): the interview asks the strong, likely questions first and needs 57
    // questions, catalogue order 56. In the second the means lie only in the vulnerability
    // dimensions, whose questions are the least likely and come last, after every strong
    // coercion question (one "yes" to any of them would give reasonable grounds): 48 against
    // catalogue order's 40.
    const EXCEPTIONS: [&str; 2] = [
        "ilo_2009_weight_of_evidence_score_50",
        "p17_kr_2024_abuse_of_circumstances_shown_meets_the_definition",
    ];
    let mut counts = Vec::new();
    let mut worse = Vec::new();
    for (name, a, case) in crate::common::assessable_data_cases() {
        let Some(n) = questions_to_reasonable_grounds(a, &case, QuestionOrder::Interview) else {
            continue;
        };
        let c =
            questions_to_reasonable_grounds(a, &case, QuestionOrder::Catalogue).unwrap_or(u32::MAX);
        if n > c && !EXCEPTIONS.contains(&name.as_str()) {
            worse.push(format!("{name}: {n} > {c}"));
        }
        counts.push(f64::from(n));
    }
    let mean = counts.iter().sum::<f64>() / counts.len() as f64;
    assert!(counts.len() >= 40, "{}", counts.len());
    assert!(
        mean <= 8.0,
        "mean {mean:.2} questions to reasonable grounds"
    );
    assert!(worse.is_empty(), "worse than catalogue order: {worse:?}");
}

/// A route to reasonable grounds the case can no longer take does not steer the questions: a
/// 16-year-old drug courier (forced criminality) cannot meet the rule set's criterion for a
/// child in sexual exploitation, whose items are never asked of him, and the ranking no
/// longer counts it as one "yes" away. Until the nineteenth session it did, so every
/// question on his real route looked like no progress, and the interview needed 21 questions
/// (catalogue order 43); now 6.
#[test]
fn a_criterion_the_case_can_no_longer_meet_does_not_steer_the_questions() {
    let (_, assessor, case) = crate::common::assessable_data_cases()
        .into_iter()
        .find(|(name, _, _)| name == "kr_2023_child_forced_criminality_drug_offence")
        .expect("the data case");
    let n = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Interview)
        .expect("reaches reasonable grounds");
    assert!(n <= 8, "{n} questions");
}

/// The same measure on cases no one wrote for the ranking: the batch generator's synthetic
/// cases (`interview_metric -- --synthetic N` prints it for many more). The interview needs a
/// fraction of catalogue order's questions on them too, not only on the data test cases.
#[test]
fn on_synthetic_cases_the_interview_needs_far_fewer_questions_than_catalogue_order() {
    let assessor = Assessor::builtin("ilo-2009").expect("built-in");
    let mut pairs = Vec::new();
    for case in trafficking_indicators::interop::synthetic::SyntheticCases::new(7).take(300) {
        let interview = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Interview);
        let catalogue = questions_to_reasonable_grounds(assessor, &case, QuestionOrder::Catalogue);
        if let (Some(i), Some(c)) = (interview, catalogue) {
            pairs.push((f64::from(i), f64::from(c)));
        }
    }
    assert!(pairs.len() >= 20, "{} cases measured", pairs.len());
    let n = pairs.len() as f64;
    let interview = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let catalogue = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    assert!(
        interview * 3.0 <= catalogue,
        "interview {interview:.2}, catalogue order {catalogue:.2}"
    );
}

fn interview_example(args: &[&str], input: &str) -> (i32, String) {
    interview_example_bytes(args, input.as_bytes())
}

/// The terminal interview in Korean under `kr-2024`, resumed from a saved case and quit at
/// the first question: its exit code and what it printed.
fn resume_in_korean_and_quit(saved: &std::path::Path) -> (i32, String) {
    let path = saved.to_str().expect("a path in UTF-8");
    interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--resume", path],
        "q\n",
    )
}

/// A fresh path in the temporary folder (nothing there yet: the example refuses to write a
/// new interview over a file that holds something).
fn temp(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("ti-interview-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn a_whole_interview_through_piped_input_saves_the_expected_case() {
    let out = temp("whole.json");
    let out_s = out.to_str().expect("path");
    // Safety no, no, no; the officer's three record items left not known; age 34; forms 1
    // (labour); then yes, no, not known, and quit.
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\n\n\n\n34\n1\ny\nn\n?\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    // The same interview through the library gives the same case.
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    iv.answer_age(Some(34)).expect("age");
    iv.answer_forms(&[ExploitationForm::Labour]).expect("forms");
    iv.reply(Reply::Yes, None).expect("1");
    iv.reply(Reply::No, None).expect("2");
    iv.reply(Reply::NotKnown, None).expect("3");
    assert_eq!(&saved, iv.case());
    assert_eq!(saved.observations.len(), 3);
    assert!(stdout.contains("LEVEL:"), "the report at the end");
    let _ = std::fs::remove_file(out);
}

/// What a Korean interview review (twenty-ninth session) asked of the terminal: an age typed
/// with its unit ("28세") is read; a skip may keep why ("s: 답변 거부", recorded as the skip
/// is, not assessed, with the note); an undo says so; five indicator questions in a row
/// without an answer tell the officer, once, to check who is present and who interprets.
#[test]
fn the_terminal_reads_an_age_with_its_unit_keeps_a_skips_note_and_warns_after_five_unanswered() {
    let out = temp("unanswered.json");
    let out_s = out.to_str().expect("path");
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\n\n\n\n만 28세\n1\n?\ns: 통역인 앞에서 답변 거부\n?\n?\ns\ny\nu\nq\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(saved.subject.age_years, Some(28), "28세 is 28 years");
    assert_eq!(saved.observations.len(), 5, "the yes was undone");
    assert!(
        saved
            .observations
            .iter()
            .all(|o| o.status == ObservationStatus::NotAssessed)
    );
    let skipped = &saved.observations[1];
    assert_eq!(
        skipped.note.as_ref().map(|n| n.as_str()),
        Some("통역인 앞에서 답변 거부"),
        "a skip keeps its note"
    );
    assert_eq!(skipped.source, None, "recorded as a skip is: no source");
    let warning = trafficking_indicators::render::fill(
        Locale::Ko.word("interview.many_unanswered").expect("words"),
        &[("count", "5")],
    );
    let warning = warning.as_str();
    assert_eq!(stdout.matches(warning).count(), 1, "{stdout}");
    let fifth = stdout.find("\n10. ").expect("the fifth indicator question");
    let sixth = stdout.find("\n11. ").expect("the sixth");
    let at = stdout.find(warning).expect("the warning");
    assert!(fifth < at && at < sixth, "after the fifth:\n{stdout}");
    let undone = Locale::Ko.word("interview.undone").expect("words");
    assert!(stdout.contains(undone), "{stdout}");
    assert!(!stdout.contains("답변 거부"), "nothing typed is echoed");
    let _ = std::fs::remove_file(out);
}

/// The record section as a code review (twenty-ninth session) tried it: offences named and
/// then left by `q` at the first stage are all kept (without a stage); a disability
/// recorded before the questions reaches the first screen of a suspect; a national is not
/// recorded beside a removal the case already records; the unanswered count follows an undo;
/// a skip's note is kept beside a lead's note from before the interview.
#[test]
fn the_record_section_keeps_what_was_named_and_counts_after_an_undo() {
    let out = temp("record-review.json");
    let out_s = out.to_str().expect("path");
    // Not a national, a disability, no conditions; four unknowns, an undo, two more (five in
    // a row once: the undone one does not count), a yes; q; offences 1 2 3, q at the first
    // stage.
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\nn\ny\n\n35\n1\n?\n?\n?\n?\nu\n?\n?\ny\nq\n1 2 3\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(saved.subject.national, Some(false));
    assert_eq!(saved.subject.disability, Some(true));
    let kinds: Vec<&str> = saved.offences.iter().map(|o| o.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["irregular_entry", "irregular_stay", "document_offence"]
    );
    assert!(saved.offences.iter().all(|o| o.stage.is_none()));
    let warning = trafficking_indicators::render::fill(
        Locale::En.word("interview.many_unanswered").expect("words"),
        &[("count", "5")],
    );
    assert_eq!(stdout.matches(warning.as_str()).count(), 1, "{stdout}");
    let screen = stdout
        .split("WHAT TO DO NOW")
        .nth(1)
        .and_then(|rest| rest.split("WHAT TO ASK NEXT").next())
        .expect("the first screen");
    assert!(
        screen.contains("Criminal Procedure Act Art. 244-5"),
        "{screen}"
    );
    let _ = std::fs::remove_file(&out);

    // A case recording a removal: "yes, a national" gets the help line and the item again.
    let saved = temp("record-removal.json");
    let path = saved.to_str().expect("path");
    std::fs::write(
        &saved,
        r#"{"subject": {"age_years": 35}, "forms": ["labour"], "measures": ["removal_pending"],
            "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}},
            "observations": [{"indicator": "confiscation_of_documents_at_destination",
                "status": "not_assessed", "source": "document", "note": "from the file"}]}"#,
    )
    .expect("write");
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2024", "--resume", path, "--out", out_s],
        "y\nn\n\n\ns: refused\nq\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let help = Locale::En
        .word("interview.record.help.not_national")
        .expect("words");
    assert_eq!(stdout.matches(help).count(), 1, "{stdout}");
    let case = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(case.subject.national, Some(false));
    let lead = case
        .observations
        .iter()
        .find(|o| o.indicator.as_str() == "confiscation_of_documents_at_destination")
        .expect("the lead");
    assert_eq!(
        lead.note.as_ref().map(|n| n.as_str()),
        Some("from the file; refused"),
        "both notes"
    );
    assert!(!stdout.contains("refused"), "nothing typed is echoed");
    let _ = std::fs::remove_file(&saved);
    let _ = std::fs::remove_file(&out);
}

/// A question the case records as not known comes back under what to ask next marked as such,
/// so the officer asks it again knowing it was asked (the twenty-ninth session's note: the
/// report's questions did not say so); a question never asked is not marked, nor one
/// answered "no" in safe conditions (it is not asked again).
#[test]
fn a_question_recorded_not_known_is_marked_when_it_comes_back() {
    let case = Case::from_json(
        r#"{"subject": {"age_years": 30, "national": false}, "forms": ["labour"],
            "observations": [
              {"indicator": "excessive_working_days_or_hours", "status": "present"},
              {"indicator": "confiscation_of_documents_at_destination", "status": "not_assessed"},
              {"indicator": "debt_bondage_at_destination", "status": "absent"}]}"#,
    )
    .expect("case");
    let a = assessor().assess(&case).expect("assesses");
    let ids: Vec<&str> = a
        .explanation
        .ask_next
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        ids.contains(&"confiscation_of_documents_at_destination"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"debt_bondage_at_destination"), "{ids:?}");
    for locale in Locale::ALL {
        let words = locale.texts();
        let word = |key: &str| words.get(key).expect(key);
        let report = a.report_in(locale);
        let ask = section(&report, word("report.heading.ask"));
        let marked: Vec<&&str> = ask
            .iter()
            .filter(|l| l.contains(word("report.recorded_not_known")))
            .collect();
        assert_eq!(marked.len(), 1, "{locale:?}\n{report}");
        if locale == Locale::En {
            // The line under the documents question, and no other.
            assert!(
                marked
                    .iter()
                    .all(|l| l.contains("(Confiscation of documents;")),
                "{report}"
            );
        }
        assert!(
            !report.contains(word("report.recorded_no_unsafe")),
            "{locale:?}"
        );
    }
}

/// A safety question answered "not known" is not a "no": the report's first screen says so,
/// naming the questions left unanswered, after any "safety first" (a re-check of Korean
/// interviews, twenty-ninth session: a woman answering through the owner's interpreter left
/// all three unanswered, and nothing said so; the terminal said it at the end, the report
/// since the thirtieth session). Not where every safety question was answered.
#[test]
fn a_safety_question_left_unanswered_leads_the_report() {
    let case = Case::from_json(
        r#"{"interview": {"safety": {"hurt": "yes", "in_danger": "not_known", "needs_doctor": "not_known"}}}"#,
    )
    .expect("case");
    let a = assessor().assess(&case).expect("assesses");
    let kinds: Vec<NoticeKind> = a.explanation.notices.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == NoticeKind::SafetyNotKnown)
            .count(),
        1,
        "{kinds:?}"
    );
    let report = a.report_in(Locale::En);
    let mut lines = report
        .lines()
        .skip_while(|l| *l != "WHAT TO DO NOW")
        .skip(1);
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("  ! Safety first: the person is hurt.")),
        "{report}"
    );
    assert!(
        lines.next().is_some_and(|l| l.starts_with(
            "  ! Safety not known: whether they are in danger now, whether they need a doctor."
        )),
        "{report}"
    );
    // On the first screen and in the full list of what to do, as "safety first" is; never
    // again under the notes.
    assert_eq!(report.matches("Safety not known").count(), 2, "{report}");
    assert_eq!(report.matches("Safety first").count(), 2, "{report}");
    // Through the terminal, in Korean: named where a question was answered "?", not where
    // all three were answered.
    for (input, said) in [
        ("?\n?\nn\n\n\n\n35\n1\nq\nq\n", true),
        ("n\nn\nn\n\n\n\n35\n1\nq\nq\n", false),
    ] {
        let (code, stdout) = interview_example(&["--lang", "ko", "--rule-set", "kr-2024"], input);
        assert_eq!(code, 0, "{stdout}");
        assert_eq!(
            stdout.contains("안전 미확인(부상 여부, 현재 위험 여부)"),
            said,
            "{stdout}"
        );
    }
}

/// After the questions, before the report, the terminal asks the officer (never the person)
/// what the file or the setting shows and the case does not record: nationality, offences
/// with their stage, measures pending, sector and the interview's conditions. They change the
/// first screen (here: the stay line for a detained foreigner, and the safe-interview line
/// for a "no" given beside the exploiter's interpreter). A wrong key gets the help line and
/// the same item again; the end of input keeps what was recorded.
#[test]
fn the_officer_records_the_setting_before_the_report() {
    let out = temp("record.json");
    let out_s = out.to_str().expect("path");
    // Safety no x3; age 35; forms 1 (labour); one "no", then quit. The record section: not a
    // national; offences 2 (irregular stay), a wrong key, then stage 1 (suspected); measures
    // 1 (detention); sector "zz" (wrong), then 8 (manufacturing); conditions 3.
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\nn\n\n3\n35\n1\nn\nq\n2\nzz\n1\n1\nzz\n8\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(saved.subject.national, Some(false));
    assert_eq!(saved.offences.len(), 1);
    assert_eq!(
        saved.offences[0].kind,
        trafficking_indicators::OffenceKind::IrregularStay
    );
    assert_eq!(
        saved.offences[0].stage,
        Some(trafficking_indicators::case::OffenceStage::Suspected)
    );
    assert_eq!(
        saved.measures,
        [trafficking_indicators::case::Measure::Detention]
    );
    assert_eq!(
        saved.sector,
        Some(trafficking_indicators::case::Sector::Manufacturing)
    );
    assert_eq!(
        saved.interview_conditions,
        [trafficking_indicators::case::InterviewCondition::InterpreterLinkedToExploiter]
    );
    assert_eq!(
        saved.observations.len(),
        1,
        "the record section adds no answer"
    );
    let help = Locale::Ko.word("interview.record.help.one").expect("help");
    assert_eq!(
        stdout.matches(help).count(),
        2,
        "each wrong key gets the help line"
    );
    assert!(!stdout.contains("zz"), "nothing typed is echoed");
    // The exploiter's interpreter recorded: what happened is not to be asked in front of them.
    let unsafe_words = Locale::Ko.word("interview.record.unsafe").expect("words");
    assert_eq!(stdout.matches(unsafe_words).count(), 1, "{stdout}");
    // The report is of the case as recorded: the unsafe interview comes first on the screen.
    let report = &stdout[stdout.find("지금 할 일").expect("the first screen")..];
    assert!(
        report.contains("안전한 조건에서 다시 면담할 것"),
        "{report}"
    );
    let _ = std::fs::remove_file(&out);

    // A national is not offered removal or refusal of entry; the end of input keeps what was
    // recorded so far and stops.
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\ny\n\n\n35\n1\nq\n\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(saved.subject.national, Some(true));
    assert!(saved.offences.is_empty() && saved.measures.is_empty());
    let from = stdout.find("Measures pending").expect("the measures item");
    let to = stdout
        .find("TRAFFICKING INDICATORS ASSESSMENT")
        .expect("the report");
    let measures = stdout
        .get(from..to)
        .expect("the measures item before the report");
    assert!(measures.contains("1. detention"), "{measures}");
    let from = stdout
        .find("Offences the person")
        .expect("the offences item");
    let offences = stdout.get(from..to).expect("before the report");
    assert!(
        !offences.contains("irregular entry") && !offences.contains("irregular stay"),
        "a national commits no irregular entry or stay: {offences}"
    );
    assert!(
        !measures.contains("2. "),
        "only detention for a national: {measures}"
    );
    let _ = std::fs::remove_file(&out);

    // At the end of input during the questions, nothing more is asked.
    let (code, stdout) = interview_example(&["--rule-set", "kr-2024"], "n\nn\nn\n35\n1\n");
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("Before the report"), "{stdout}");
}

/// An open question does not say what a "yes" records: the line under it does, in the
/// officer's language. Keys typed with the Korean keyboard layout on mean the same as the
/// letters (ㅛ y, ㅜ n), and a "yes" to a safety question raises the alert at once.
#[test]
fn each_indicator_question_says_what_a_yes_records_and_korean_keys_work() {
    let out = temp("keys.json");
    let out_s = out.to_str().expect("path");
    // Hurt: yes (ㅛ); in danger, needs a doctor: no (ㅜ); age 30; forms 1; one no (ㅜ); quit (ㅂ).
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "ㅛ\nㅜ\nㅜ\n\n\n\n30\n1\nㅜ\nㅂ\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    iv.reply(Reply::Yes, None).expect("hurt");
    iv.reply(Reply::No, None).expect("in danger");
    iv.reply(Reply::No, None).expect("doctor");
    iv.answer_age(Some(30)).expect("age");
    iv.answer_forms(&[ExploitationForm::Labour]).expect("forms");
    let first = iv.next().expect("an indicator question");
    let means = iv.yes_means(&first, Locale::Ko).expect("an indicator");
    iv.reply(Reply::No, None).expect("no");
    assert_eq!(&saved, iv.case(), "ㅛ, ㅜ and ㅂ mean y, n and q");
    assert!(
        stdout.contains(&format!("({means})")),
        "the line under the question: {means}\n{stdout}"
    );
    assert!(means.starts_with("‘예’로 기록되는 사실: "), "{means}");
    let alert = stdout.find("! ").expect("the safety alert");
    let second = stdout.find("2. ").expect("the second question");
    assert!(
        alert < second,
        "the alert comes at once, before the next question:\n{stdout}"
    );
    let _ = std::fs::remove_file(out);
}

#[test]
fn undo_a_wrong_key_a_note_and_the_end_of_input() {
    let out = temp("undo.json");
    let out_s = out.to_str().expect("path");
    // A wrong key at the age question, then 40; forms 2 (sexual), its type 1
    // (prostitution); a yes with a note, undone; a no with a note; then the input ends
    // without q.
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\n\n\n\nforty\n40\n2\n1\ny: 사장이 여권을 가지고 있어요\nu\nn: 본인 말로는 없다고 함\n",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("나이를 숫자"),
        "the help line for a wrong key: {stdout}"
    );
    assert!(!stdout.contains("forty"), "nothing typed is echoed");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(saved.subject.age_years, Some(40));
    assert_eq!(
        saved.sexual_exploitation_types,
        [SexualExploitationType::Prostitution],
        "the type is picked by its number"
    );
    assert_eq!(saved.observations.len(), 1, "the undone answer is gone");
    let o = &saved.observations[0];
    assert_eq!(o.status, ObservationStatus::Absent);
    assert_eq!(
        o.note.as_ref().map(|n| n.as_str()),
        Some("본인 말로는 없다고 함")
    );
    // Resuming from the saved case asks the same next question as the library would.
    let iv = Interview::new(assessor(), saved.clone()).expect("resumes");
    let next = iv.question_text(&iv.next().expect("a question"), Locale::Ko);
    let (code, stdout) = resume_in_korean_and_quit(&out);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(&next),
        "resumes at the same question:\n{stdout}"
    );
    let _ = std::fs::remove_file(out);
}

#[test]
fn the_priors_are_a_replaceable_input() {
    use trafficking_indicators::catalogue::QuestionPriors;
    let builtin = QuestionPriors::builtin();
    let mut flat = builtin.clone();
    flat.types.clear();
    flat.types.insert(
        "all".into(),
        trafficking_indicators::catalogue::TypeCounts {
            rows: 1,
            counts: Default::default(),
        },
    );
    flat.default_probability = 0.5;
    flat.list_weights.clear();
    assert!(flat.problems().is_empty());
    let rules = trafficking_indicators::RuleSet::builtin("kr-2024")
        .expect("built in")
        .clone();
    let other = Assessor::new(rules, Catalogue::builtin())
        .expect("valid")
        .with_question_priors(&flat)
        .expect("sound priors");
    let case =
        Case::from_json(r#"{"subject": {"age_years": 30}, "forms": ["labour"]}"#).expect("case");
    let a = assessor().assess(&case).expect("assesses");
    let b = other.assess(&case).expect("assesses");
    // Same level and score; the order of the questions may differ.
    assert_eq!(a.level, b.level);
    assert_eq!(a.score, b.score);
    let ids = |x: &trafficking_indicators::Assessment| {
        x.explanation
            .ask_next
            .iter()
            .map(|q| q.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_ne!(ids(&a), ids(&b), "the priors change the order");
    // On a case with evidence, recommendations and contacts, nothing but the order of the
    // questions differs: the whole assessment JSON without `ask_next` is the same.
    let text = std::fs::read_to_string(root("examples/cases/kr_distant_water_fisher.json"))
        .expect("bundled case");
    let case = Case::from_json(&text).expect("case");
    let without_questions = |x: &trafficking_indicators::Assessment| {
        let mut v = serde_json::to_value(x).expect("serializes");
        v["explanation"]
            .as_object_mut()
            .expect("explanation")
            .remove("ask_next");
        v
    };
    let (a, b) = (
        assessor().assess(&case).expect("assesses"),
        other.assess(&case).expect("assesses"),
    );
    assert!(!a.recommendations.is_empty() && !a.contacts.is_empty());
    assert_eq!(without_questions(&a), without_questions(&b));
}

#[test]
fn questions_are_numbered_one_after_another() {
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    let mut numbers = Vec::new();
    for _ in 0..8 {
        let q = iv.next().expect("a question");
        numbers.push(q.number);
        match q.topic {
            Topic::Age => iv.answer_age(None).expect("age"),
            Topic::BirthYear => iv.answer_birth_year(None).expect("year"),
            Topic::Forms => iv.answer_forms(&[ExploitationForm::Labour]).expect("forms"),
            _ => iv.reply(Reply::No, None).expect("answer"),
        }
    }
    assert_eq!(numbers, (1..=8).collect::<Vec<u32>>());
}

/// Who the scripted interview speaks with: the age given (or not known), and whether the
/// year of birth is given when asked.
#[derive(Clone, Copy, Debug)]
struct Person {
    age: Option<u8>,
    birth_year: Option<u16>,
}

/// A scripted interview of `person` under `rule_set`, `questions` long: safety answered
/// "no", the age and the year of birth as the person gives them, no reasons to believe a
/// child, labour, then indicators answered yes, no and skipped in turn. With `resume`, the
/// case is saved and the interview resumed from it after every answer, as the page does.
/// Each question's number and topic, in the order asked.
fn scripted(rule_set: &str, person: Person, questions: usize, resume: bool) -> Vec<(u32, Topic)> {
    let assessor = Assessor::builtin(rule_set).expect("built in");
    let mut iv = Interview::new(assessor, Case::default()).expect("starts");
    let mut asked = Vec::new();
    for turn in 0..questions {
        let Some(q) = iv.next() else { break };
        asked.push((q.number, q.topic.clone()));
        match q.topic {
            Topic::Safety(_) | Topic::ReasonsToBelieveChild => iv.reply(Reply::No, None),
            Topic::Age => iv.answer_age(person.age),
            Topic::BirthYear => iv.answer_birth_year(person.birth_year),
            Topic::Forms => iv.answer_forms(&[ExploitationForm::Labour]),
            Topic::Indicator(_) => match turn % 3 {
                0 => iv.reply(Reply::Yes, None),
                1 => iv.reply(Reply::No, None),
                _ => iv.skip(),
            },
            other => panic!("a topic this test does not know: {}", other.kind()),
        }
        .expect("answers");
        if resume {
            let saved = serde_json::to_string(iv.case()).expect("JSON");
            iv = Interview::new(assessor, Case::from_json(&saved).expect("the saved case"))
                .expect("resumes");
        }
    }
    asked
}

/// Questions are numbered as the interview asks them: 1, 2, 3 and on without a gap or a
/// repeat, under each built-in rule set, for an adult, a child, a person whose age is not
/// known and an 18-year-old who does not know the year of birth (under `kr-2023` the year
/// rule asks it: the birth year is the fifth question, the forms the sixth), live and saved
/// and resumed after every answer.
#[test]
fn questions_are_numbered_as_asked_under_every_rule_set_and_across_a_resume() {
    let people = [
        Person {
            age: Some(34),
            birth_year: None,
        },
        Person {
            age: Some(15),
            birth_year: None,
        },
        Person {
            age: None,
            birth_year: None,
        },
        Person {
            age: Some(18),
            birth_year: None,
        },
        Person {
            age: Some(18),
            birth_year: Some(2006),
        },
    ];
    for rule_set in trafficking_indicators::RuleSet::builtin_ids() {
        for person in people {
            let live = scripted(rule_set, person, 16, false);
            let numbers: Vec<u32> = live.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                numbers,
                (1..=16).collect::<Vec<u32>>(),
                "{rule_set} {person:?}"
            );
            assert_eq!(
                scripted(rule_set, person, 16, true),
                live,
                "{rule_set} {person:?}"
            );
        }
    }
    let eighteen = scripted(
        "kr-2023",
        Person {
            age: Some(18),
            birth_year: None,
        },
        7,
        false,
    );
    let openings: Vec<(u32, Topic)> = eighteen
        .into_iter()
        .filter(|(_, t)| !matches!(t, Topic::Safety(_) | Topic::Indicator(_)))
        .collect();
    assert_eq!(
        openings,
        [(4, Topic::Age), (5, Topic::BirthYear), (6, Topic::Forms)]
    );
}

/// Under Korean law the type of sexual exploitation decides whether the Sex Trade Act's
/// notice (the duty to whoever sold sex) and its services are given: a girl made to send
/// images is not told of the sex trade. So once the form `sexual` is recorded, the type is
/// asked next, once (an answer or "not known" is recorded and a resumed interview does not
/// ask again); under `ilo-2009`, whose advice does not depend on it, it is not asked.
#[test]
fn the_type_of_sexual_exploitation_is_asked_where_the_advice_depends_on_it() {
    let kr = Assessor::builtin("kr-2024").expect("built in");
    let start = |assessor| {
        let mut iv = Interview::new(assessor, Case::default()).expect("starts");
        for _ in 0..3 {
            iv.reply(Reply::No, None).expect("safety");
        }
        iv.answer_age(Some(13)).expect("age");
        iv.answer_forms(&[ExploitationForm::Sexual]).expect("forms");
        iv
    };
    let sex_trade_notice = |iv: &Interview<'_>| {
        iv.assessment()
            .expect("assesses")
            .explanation
            .notices
            .iter()
            .any(|n| n.kind == trafficking_indicators::assessment::NoticeKind::SexTradeClaimsVoid)
    };
    let mut iv = start(kr);
    let q = iv.next().expect("a question");
    assert_eq!((q.number, &q.topic), (6, &Topic::SexualExploitationTypes));
    assert_eq!(q.topic.kind(), "sexual_exploitation_types");
    for locale in [Locale::En, Locale::Ko] {
        let text = iv.question_text(&q, locale);
        // The person is a child: a type with a child's wording is named in it (the child is
        // not "in prostitution"), with the rule set's word for a child.
        for t in SexualExploitationType::ALL {
            let label = locale
                .word(&format!("sexual_type.{}.child", t.as_str()))
                .or_else(|| locale.word(&format!("sexual_type.{}", t.as_str())))
                .expect("a label");
            for part in label.split("{child}") {
                assert!(text.contains(part), "{text}");
            }
        }
        assert!(
            !text.contains("prostitution: sex with clients")
                && !text.contains("성매매: 성 구매자 상대"),
            "{text}"
        );
    }
    // A child (13) is not asked: the type is recorded from the referral or the documents.
    assert!(
        iv.question_text(&q, Locale::En)
            .contains("do not ask the child")
    );
    assert!(
        iv.question_text(&q, Locale::Ko)
            .contains("당사자에게는 묻지 말 것")
    );
    // Not a yes-or-no question: a reply is refused and nothing is recorded.
    assert!(iv.reply(Reply::Yes, None).is_err());
    // Not known yet: the sex trade may be what happened, and its notice stands.
    assert!(sex_trade_notice(&iv));
    iv.answer_sexual_exploitation_types(&[
        SexualExploitationType::Pornography,
        SexualExploitationType::Pornography,
    ])
    .expect("the type");
    assert_eq!(
        iv.case().sexual_exploitation_types,
        [SexualExploitationType::Pornography]
    );
    assert!(!sex_trade_notice(&iv), "images alone are not the sex trade");
    assert!(matches!(
        iv.next().map(|q| q.topic),
        Some(Topic::Indicator(_))
    ));
    // Undone, the question comes back; skipped, it is recorded as not known, not asked
    // again, and the notice stands.
    assert!(iv.undo());
    assert_eq!(
        iv.next().map(|q| q.topic),
        Some(Topic::SexualExploitationTypes)
    );
    iv.skip().expect("skipped");
    let record = iv.case().interview.clone().expect("record");
    assert!(record.sexual_exploitation_types_not_known);
    assert!(iv.case().sexual_exploitation_types.is_empty());
    assert!(sex_trade_notice(&iv));
    // The type learned later replaces "not known" (the case never says both).
    let mut later = iv.clone();
    later
        .answer_sexual_exploitation_types(&[SexualExploitationType::Prostitution])
        .expect("the type");
    let record = later.case().interview.clone().expect("record");
    assert!(!record.sexual_exploitation_types_not_known);
    let saved = iv.case().to_json_pretty();
    assert!(
        saved.contains(r#""sexual_exploitation_types_not_known": true"#),
        "{saved}"
    );
    assert!(saved.contains(r#""sexual_exploitation_types""#), "{saved}");
    let resumed =
        Interview::new(kr, Case::from_json(&saved).expect("the saved case")).expect("resumes");
    assert_eq!(resumed.next(), iv.next());
    assert!(matches!(
        resumed.next().map(|q| q.topic),
        Some(Topic::Indicator(_))
    ));
    // The advice of `ilo-2009` does not depend on the type: it is not asked.
    let ilo = Assessor::builtin("ilo-2009").expect("built in");
    assert!(!ilo.advice_depends_on_sexual_exploitation_types());
    assert!(matches!(
        start(ilo).next().map(|q| q.topic),
        Some(Topic::Indicator(_))
    ));
    // Nor where the form is not sexual; and an answer to it, even "not known", is refused
    // and records nothing (it would take a number and hide the question later).
    let mut labour = Interview::new(kr, Case::default()).expect("starts");
    for _ in 0..3 {
        labour.reply(Reply::No, None).expect("safety");
    }
    labour.answer_age(Some(30)).expect("age");
    let before = labour.case().clone();
    for types in [&[][..], &[SexualExploitationType::Pornography][..]] {
        assert!(labour.answer_sexual_exploitation_types(types).is_err());
        assert_eq!(labour.case(), &before, "a refused answer records nothing");
    }
    labour
        .answer_forms(&[ExploitationForm::Labour])
        .expect("forms");
    assert!(matches!(
        labour.next().map(|q| q.topic),
        Some(Topic::Indicator(_))
    ));
    // Nor where a prostitution offence is listed: it already counts as the sex trade.
    let booked = Case::from_json(
        r#"{"subject": {"age_years": 30}, "forms": ["sexual"],
            "offences": [{"kind": "prostitution", "stage": "suspected"}],
            "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#,
    )
    .expect("valid");
    let booked = Interview::new(kr, booked).expect("starts");
    assert!(matches!(
        booked.next().map(|q| q.topic),
        Some(Topic::Indicator(_))
    ));
}

/// A year of birth not known is recorded as such: the age given stays known (the case never
/// says `age_not_known` beside an age), and a resumed interview does not ask the year again.
#[test]
fn a_birth_year_not_known_keeps_the_age_and_is_not_asked_again() {
    let assessor = Assessor::builtin("kr-2023").expect("built in");
    let mut iv = Interview::new(assessor, Case::default()).expect("starts");
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    iv.answer_age(Some(18)).expect("age");
    assert_eq!(iv.next().map(|q| q.topic), Some(Topic::BirthYear));
    iv.skip().expect("skipped");
    let record = iv.case().interview.clone().expect("record");
    assert!(record.birth_year_not_known);
    assert!(!record.age_not_known);
    assert_eq!(iv.case().subject.age_years, Some(18));
    let saved = serde_json::to_string(iv.case()).expect("JSON");
    assert!(saved.contains(r#""birth_year_not_known":true"#), "{saved}");
    assert!(!saved.contains("age_not_known"), "{saved}");
    let resumed = Interview::new(assessor, Case::from_json(&saved).expect("the saved case"))
        .expect("resumes");
    let next = resumed.next().expect("a question");
    assert_eq!((next.number, next.topic), (6, Topic::Forms));
    // The year given later, outside the interview, settles the age at the act all the same.
    let mut case = resumed.case().clone();
    case.subject.birth_year = Some(2006);
    assert!(Interview::new(assessor, case).is_ok());
}

/// A case that records the age, the year of birth and the forms before the interview: no
/// one asked them in it, so the interview starts at question 1 (safety), and the first
/// indicator is question 4.
#[test]
fn what_the_case_recorded_before_the_interview_takes_no_number() {
    let assessor = Assessor::builtin("kr-2023").expect("built in");
    let case = Case::from_json(
        r#"{"subject": {"age_years": 18, "birth_year": 2006}, "forms": ["labour"]}"#,
    )
    .expect("case");
    let mut iv = Interview::new(assessor, case).expect("starts");
    let first = iv.next().expect("a question");
    assert_eq!(
        (first.number, first.topic),
        (
            1,
            Topic::Safety(trafficking_indicators::interview::SafetyQuestion::Hurt)
        )
    );
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    let fourth = iv.next().expect("a question");
    assert!(matches!(fourth.topic, Topic::Indicator(_)), "{fourth:?}");
    assert_eq!(fourth.number, 4);
}

/// Over every data case: after an answer is given again, the live interview and the
/// case saved and resumed ask the same next question (the run of questions from one dimension
/// counts questions asked, not answers given).
#[test]
fn an_answer_given_again_resumes_at_the_same_next_question() {
    let (mut cases, mut asked) = (0, 0);
    for (name, a, complete) in crate::common::assessable_data_cases() {
        let Some(mut iv) = fresh_interview(a, &complete) else {
            continue;
        };
        cases += 1;
        let mut reached = false;
        for _ in 0..12 {
            let Some(q) = iv.next() else { break };
            let Topic::Indicator(id) = q.topic.clone() else {
                opening_answered(&mut iv, &name);
                continue;
            };
            reached = true;
            let status = status_in(&complete, &id);
            iv.answer(&id, status, None, None).expect("answers");
            // The caseworker goes back over the answer just given, and keeps it.
            iv.answer(&id, status, None, None).expect("answers again");
            let resumed = Interview::new(a, iv.case().clone()).expect("resumes");
            assert_eq!(
                resumed.next().map(|q| q.topic),
                iv.next().map(|q| q.topic),
                "{name}: the live interview and the resumed case part ways"
            );
        }
        asked += usize::from(reached);
    }
    assert!(cases > 0);
    assert_eq!(asked, cases, "every case reaches its indicator questions");
}

/// A skipped question records "not assessed" with no source: the person said nothing. A "not
/// known" reply is the person's own answer.
#[test]
fn a_skip_records_no_source_and_not_known_records_the_persons_answer() {
    let case = Case::from_json(
        r#"{"subject": {"age_years": 30}, "forms": ["labour"],
            "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#,
    )
    .expect("case");
    let mut iv = Interview::new(assessor(), case).expect("starts");
    iv.skip().expect("skip");
    iv.reply(Reply::NotKnown, None).expect("not known");
    let [skipped, not_known] = iv.case().observations.as_slice() else {
        panic!("two observations: {:?}", iv.case().observations);
    };
    assert_eq!(skipped.status, ObservationStatus::NotAssessed);
    assert_eq!(skipped.source, None);
    assert_eq!(not_known.status, ObservationStatus::NotAssessed);
    assert_eq!(
        not_known.source,
        Some(trafficking_indicators::EvidenceSource::SelfReport)
    );
}

/// Nothing typed is dropped without a word: the case format keeps a note only with an
/// indicator's answer, so a note on a safety or an age question is refused and nothing is
/// recorded; whether there are reasons to believe the person is a child is the interviewer's
/// own observation, so "not known" and a skip are refused there (they were recorded as "no").
#[test]
fn a_note_where_none_is_kept_and_not_known_to_an_observation_are_refused() {
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    assert!(matches!(iv.next().map(|q| q.topic), Some(Topic::Safety(_))));
    let before = iv.case().clone();
    let refused = iv
        .reply(Reply::Yes, Some("bleeding from the head"))
        .expect_err("a note on a safety question is refused");
    assert_eq!(iv.case(), &before, "nothing recorded");
    assert!(
        refused
            .to_string()
            .contains("only an indicator's answer records a note")
    );
    assert!(
        refused
            .message_in(Locale::Ko)
            .contains("메모는 지표 질문의 답에만 기록함"),
        "{}",
        refused.message_in(Locale::Ko)
    );
    // A blank note is no note.
    iv.reply(Reply::No, Some("  "))
        .expect("a blank note is no note");
    iv.reply(Reply::No, None).expect("answer");
    iv.reply(Reply::No, None).expect("answer");
    assert_eq!(iv.next().map(|q| q.topic), Some(Topic::Age));
    iv.answer_age(None).expect("age not known");
    assert_eq!(
        iv.next().map(|q| q.topic),
        Some(Topic::ReasonsToBelieveChild)
    );
    let before = iv.case().clone();
    for refused in [
        iv.reply(Reply::NotKnown, None),
        iv.skip(),
        iv.reply(Reply::Yes, Some("says she is in middle school")),
    ] {
        assert!(refused.is_err(), "refused");
    }
    assert_eq!(iv.case(), &before, "nothing recorded");
    assert_eq!(iv.case().subject.possibly_minor, None);
    let refused = iv.skip().expect_err("refused");
    assert!(
        refused
            .message_in(Locale::Ko)
            .contains("면담자의 관찰 사항"),
        "{}",
        refused.message_in(Locale::Ko)
    );
    iv.reply(Reply::Yes, None).expect("yes");
    assert_eq!(iv.case().subject.possibly_minor, Some(true));
}

/// A lead's note and source (recorded before the interview) survive the answer that settles
/// it, unless the answer brings its own; an earlier answer's note does not survive a new
/// answer.
#[test]
fn answering_a_lead_keeps_what_was_recorded_before() {
    let case = with_a_lead(r#""source": "document", "note": "pay slips show no wages since May""#);
    let mut iv = Interview::new(assessor(), case).expect("starts");
    let q = iv.next().expect("the lead comes first");
    assert!(q.lead);
    iv.reply(Reply::Yes, None).expect("yes");
    let o = iv.case().observations.first().expect("kept");
    assert_eq!(o.status, ObservationStatus::Present);
    assert_eq!(
        o.source,
        Some(trafficking_indicators::EvidenceSource::SelfReport)
    );
    assert_eq!(
        o.note.as_ref().map(|n| n.as_str()),
        Some("pay slips show no wages since May")
    );
    let id = o.indicator.clone();
    iv.answer(&id, ObservationStatus::Absent, None, None)
        .expect("answered again");
    let o = iv.case().observations.first().expect("kept");
    assert_eq!(
        (o.status, o.source, o.note.is_none()),
        (ObservationStatus::Absent, None, true)
    );
}

/// The Korean an officer uses with an adult and not with a child: the subject honorific
/// (-시-: 하셨어요, 계세요, 주시겠어요) and honorific verbs and nouns (말씀, 드시다, 주무시다,
/// 께서). A child is asked in 해요체 without them, and without `KO_OFFICIAL_YOU`.
const KO_ADULT_REGISTER: [&str; 17] = [
    "세요",
    "셨",
    "시겠",
    "하시",
    "으시",
    "오시",
    "말씀",
    "계시",
    "드시",
    "주무",
    "께서",
    "지내시",
    "주시",
    "보시",
    "가시",
    "사시",
    "여쭤",
];

/// 본인, the official "yourself": not said to a child, and not an honorific either, so it
/// does not make a plain 해요체 question an adult's (a counsellor's review, forty-first
/// session, found "일하는(일했던) 집에서 본인은 어디에서 자요?" passing as honorific on it).
const KO_OFFICIAL_YOU: &str = "본인";

/// An adult's framing of what happened to a child: a job offer, an employer, a contract.
const EN_ADULT_FRAMING: [&str; 8] = [
    "offered this job",
    "employer",
    "contract",
    "recruited",
    "as a worker",
    "permission to stay",
    "wages",
    "salary",
];

/// Every indicator question the interview can put to a 15-year-old, over every built-in rule
/// set and form of exploitation, national or not: the words and the questions' ids.
fn questions_put_to_a_child(locale: Locale) -> Vec<(String, String)> {
    let mut asked = Vec::new();
    for id in trafficking_indicators::RuleSet::builtin_ids() {
        let a = Assessor::builtin(id).expect("built in");
        for form in ExploitationForm::ALL {
            for national in [false, true] {
                let mut case = Case::default();
                case.subject.age_years = Some(15);
                case.subject.national = Some(national);
                case.forms = vec![form];
                let mut iv = Interview::new(a, case).expect("starts");
                assert!(iv.speaks_to_child());
                while let Some(q) = iv.next() {
                    let text = iv.question_text(&q, locale);
                    match &q.topic {
                        Topic::Indicator(id) => {
                            asked.push((id.to_string(), text));
                            iv.reply(Reply::NotKnown, None).expect("answers");
                        }
                        Topic::SexualExploitationTypes => {
                            asked.push((format!("{:?}", q.topic), text));
                            iv.skip().expect("not known");
                        }
                        _ => {
                            asked.push((format!("{:?}", q.topic), text));
                            iv.reply(Reply::No, None).expect("answers");
                        }
                    }
                }
            }
        }
    }
    asked.sort();
    asked.dedup();
    asked
}

/// A child is asked in a child's words: every question the interview puts to a 15-year-old
/// is the catalogue's child wording (or an item of appearance, which the interviewer
/// observes), in Korean without the honorifics an officer uses with an adult, in English
/// without a job offer, an employer or a contract.
#[test]
fn a_child_is_asked_in_a_childs_words() {
    let catalogue = Catalogue::builtin();
    let ko = Locale::Ko.texts();
    let mut problems = Vec::new();
    for locale in [Locale::En, Locale::Ko] {
        let asked = questions_put_to_a_child(locale);
        assert!(asked.len() > 80, "{}", asked.len());
        for (id, text) in &asked {
            let entry = catalogue.get(id);
            if entry.is_some_and(|e| e.appearance) {
                continue;
            }
            if let Some(e) = entry {
                let child = match locale {
                    Locale::En => e.question_child.clone(),
                    _ => ko
                        .get(&format!("indicator.{id}.question_child"))
                        .map(str::to_owned),
                };
                if child.as_deref() != Some(text.as_str()) {
                    problems.push(format!("{id} ({}): not the child's wording", locale.tag()));
                }
            }
            let markers: Vec<&str> = match locale {
                Locale::En => EN_ADULT_FRAMING.to_vec(),
                _ => KO_ADULT_REGISTER
                    .iter()
                    .copied()
                    .chain([KO_OFFICIAL_YOU])
                    .collect(),
            };
            for m in markers {
                if text.to_lowercase().contains(m) {
                    problems.push(format!("{id} ({}): `{m}` in {text}", locale.tag()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An adult is asked in an officer's Korean to an adult: every Korean adult question of an
/// entry that is asked (not an item of appearance) carries an honorific of
/// `KO_ADULT_REGISTER`, or -시- in another form (받으실, 필요하실, 쓰이시는); 본인 alone does
/// not count. The schooling question was once in a child's plain 해요체, in the middle of
/// honorific questions.
#[test]
fn an_adult_is_asked_in_honorific_korean() {
    let ko = Locale::Ko.texts();
    let mut problems = Vec::new();
    for e in Catalogue::builtin().entries() {
        if e.appearance {
            continue;
        }
        let key = format!("indicator.{}.question", e.id);
        let text = ko.get(&key).unwrap_or("");
        if !KO_ADULT_REGISTER
            .iter()
            .chain(&["으실", "하실", "이시"])
            .any(|m| text.contains(m))
        {
            problems.push(format!("{key}: no honorific in {text}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A child is asked only whether there was sexual exploitation, not for the account: the
/// child protection advice leaves the account to the statement taken under the Youth Sex
/// Offences Act Art. 26 or the Sexual Crimes Act Art. 30 (video recorded), and a
/// second, unrecorded account can be used to challenge it.
#[test]
fn a_child_is_asked_whether_not_how_of_sexual_exploitation() {
    let entry = Catalogue::builtin()
        .get("purpose_sexual_exploitation")
        .expect("in the catalogue")
        .clone();
    let en = entry.question_child.expect("a child's wording");
    let ko = Locale::Ko
        .texts()
        .get("indicator.purpose_sexual_exploitation.question_child")
        .expect("Korean")
        .to_owned();
    assert!(en.contains("don't need to tell me what happened"), "{en}");
    assert!(!en.to_lowercase().contains("tell me about"), "{en}");
    assert!(
        ko.contains("이야기하지 않아도 돼요") && ko.contains("있는지만"),
        "{ko}"
    );
    assert!(!ko.contains("이야기해 줄"), "{ko}");
}

/// The question on papers taken during recruitment asks about the recruitment and the journey
/// only: asking where the papers are now too made one passport held at the workplace answer
/// it and the destination's question both, and count twice.
#[test]
fn the_recruitment_papers_question_does_not_ask_where_they_are_now() {
    let entry = Catalogue::builtin()
        .get("confiscation_of_documents_at_recruitment")
        .expect("in the catalogue")
        .clone();
    let ko = Locale::Ko.texts();
    for text in [
        entry.question.expect("adult"),
        entry.question_child.expect("child"),
    ] {
        assert!(!text.to_lowercase().contains("now"), "{text}");
    }
    for key in ["question", "question_child"] {
        let key = format!("indicator.confiscation_of_documents_at_recruitment.{key}");
        let text = ko.get(&key).expect("Korean");
        assert!(!text.contains("지금"), "{text}");
    }
}

/// The drink quota and bar fine item asks about its own fact: it repeated the question of
/// `forced_tasks_or_clients` word for word and never named drinks or a bar fine. The two
/// share a concept, so a "no" to one settles the other: it keeps the general question and
/// adds its own. A child is asked about the drinks only: a trauma-informed counsellor's
/// review (forty-first session) found the closed question to a child on customers paying to
/// take them out leading, so the bar fine is asked of an adult.
#[test]
fn the_drink_quota_question_asks_about_drink_quotas_and_bar_fines() {
    let catalogue = Catalogue::builtin();
    let ko = Locale::Ko.texts();
    let general = catalogue.get("forced_tasks_or_clients").expect("an entry");
    let own = catalogue
        .get("kr_drink_quotas_and_bar_fines")
        .expect("an entry");
    assert_eq!(own.concept, general.concept);
    for (text, general, bar_fine) in [
        (&own.question, &general.question, true),
        (&own.question_child, &general.question_child, false),
    ] {
        let text = text.as_deref().expect("a question");
        assert!(text.contains("drinks"), "{text}");
        assert!(!bar_fine || text.contains("take you out"), "{text}");
        assert!(
            text.starts_with(general.as_deref().expect("a question")),
            "{text}"
        );
    }
    for (key, bar_fine) in [("question", true), ("question_child", false)] {
        let own = ko
            .get(&format!("indicator.kr_drink_quotas_and_bar_fines.{key}"))
            .expect("Korean");
        let general = ko
            .get(&format!("indicator.forced_tasks_or_clients.{key}"))
            .expect("Korean");
        assert!(own.contains("음료") && own.starts_with(general), "{own}");
        assert!(!bar_fine || own.contains("데리고 나간"), "{own}");
    }
    // The forms prompt says that more than one number may be given.
    assert!(
        Locale::En
            .word("interview.forms")
            .is_some_and(|w| w.contains("every number"))
    );
    assert!(
        Locale::Ko
            .word("interview.forms")
            .is_some_and(|w| w.contains("모두"))
    );
}

/// The same interview of a 30-year-old keeps the adult wording, and one of a person whose age
/// is uncertain but who is presumed a child gets the child's: the age decides the register,
/// and until it is known the adult wording stands.
#[test]
fn the_age_decides_the_register() {
    let mut adult = Case::default();
    adult.subject.age_years = Some(30);
    adult.forms = vec![ExploitationForm::Sexual];
    let mut presumed = Case::default();
    presumed.subject.possibly_minor = Some(true);
    presumed.forms = vec![ExploitationForm::Sexual];
    let adult = Interview::new(assessor(), adult).expect("starts");
    let presumed = Interview::new(assessor(), presumed).expect("starts");
    assert!(!adult.speaks_to_child() && presumed.speaks_to_child());
    assert!(
        !Interview::new(assessor(), Case::default())
            .expect("starts")
            .speaks_to_child()
    );
    // Safety first, in the register of the person.
    let q = adult.next().expect("a question");
    assert_eq!(
        q.topic,
        Topic::Safety(trafficking_indicators::interview::SafetyQuestion::Hurt)
    );
    assert_eq!(
        adult.question_text(&q, Locale::Ko),
        "지금 다치신 곳이 있으세요?"
    );
    assert_eq!(
        presumed.question_text(&q, Locale::Ko),
        "지금 다친 데 있어요?"
    );
    // An indicator's question: the catalogue's adult and child wordings.
    let catalogue = Catalogue::builtin();
    let id = "purpose_sexual_exploitation";
    let entry = catalogue.get(id).expect("in the catalogue");
    let mut q = q;
    q.topic = Topic::Indicator(trafficking_indicators::IndicatorId::new(id).expect("an id"));
    assert_eq!(Some(adult.question_text(&q, Locale::En)), entry.question);
    assert_eq!(
        Some(presumed.question_text(&q, Locale::En)),
        entry.question_child
    );
    assert_ne!(entry.question, entry.question_child);
    // Exploited at 16, no age now recorded: child protection is the assessment's finding,
    // but the person may be an adult today and is asked in the adult's words.
    let mut then_a_child = Case::default();
    then_a_child.subject.age_at_exploitation_years = Some(16);
    then_a_child.forms = vec![ExploitationForm::Sexual];
    let iv = Interview::new(assessor(), then_a_child.clone()).expect("starts");
    let a = iv.assessment().expect("assesses");
    assert!(a.explanation.subject.child_protection && !iv.speaks_to_child());
    assert_eq!(Some(iv.question_text(&q, Locale::En)), entry.question);
    let report = a.report_in(Locale::Ko);
    let ko = Locale::Ko.texts();
    let adult_ko = ko.get(&format!("indicator.{id}.question")).expect("Korean");
    let child_ko = ko
        .get(&format!("indicator.{id}.question_child"))
        .expect("Korean");
    assert!(
        report.contains(adult_ko) && !report.contains(child_ko),
        "{report}"
    );
    // An 18-year-old under kr-2023's year rule is a youth whose age at the act only the
    // birth year settles: asked for it in a child's words.
    let kr_2023 = Assessor::builtin("kr-2023").expect("built in");
    let mut eighteen = Case::default();
    eighteen.subject.age_years = Some(18);
    eighteen.forms = vec![ExploitationForm::Sexual];
    let mut iv = Interview::new(kr_2023, eighteen).expect("starts");
    assert!(iv.speaks_to_child());
    while let Some(q) = iv.next() {
        if q.topic == Topic::BirthYear {
            let text = iv.question_text(&q, Locale::Ko);
            assert_eq!(Some(text.as_str()), ko.get("interview.birth_year.child"));
            return;
        }
        iv.reply(Reply::No, None).expect("answers");
    }
    panic!("the year of birth is asked");
}

/// The child's wording is data, complete and consistent: every entry that is asked (not an
/// item of appearance) has one in English and Korean, and entries that share an adult's
/// question share the child's. (It may equal the adult's where that is already plain, as
/// for the children's items in English; the register and framing are checked above.)
#[test]
fn every_question_has_a_childs_wording() {
    let ko = Locale::Ko.texts();
    let mut problems = Vec::new();
    let mut by_question: std::collections::BTreeMap<&str, Vec<(&str, Option<&str>)>> =
        std::collections::BTreeMap::new();
    let catalogue = Catalogue::builtin();
    for e in catalogue.entries() {
        if e.appearance {
            continue;
        }
        let id = e.id.as_str();
        if e.question_child.is_none() {
            problems.push(format!("{id}: no child's wording in English"));
        }
        if ko.get(&format!("indicator.{id}.question_child")).is_none() {
            problems.push(format!("{id}: no child's wording in Korean"));
        }
        by_question
            .entry(e.question.as_deref().unwrap_or(""))
            .or_default()
            .push((id, e.question_child.as_deref()));
    }
    for group in by_question.values() {
        if group.iter().any(|(_, c)| *c != group[0].1) {
            let ids: Vec<&str> = group.iter().map(|(id, _)| *id).collect();
            problems.push(format!(
                "{ids:?}: one adult question, different child wordings"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The terminal example asks a 16-year-old in a child's Korean: resumed from a case with the
/// age and the form, the first indicator question is the child's wording.
#[test]
fn the_terminal_asks_a_child_in_a_childs_words() {
    let start = temp("child.json");
    std::fs::write(
        &start,
        r#"{"subject": {"age_years": 16}, "forms": ["sexual"],
            "sexual_exploitation_types": ["prostitution"],
            "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#,
    )
    .expect("written");
    let case = Case::from_json(&std::fs::read_to_string(&start).expect("read")).expect("valid");
    let iv = Interview::new(assessor(), case).expect("starts");
    let q = iv.next().expect("a question");
    let Topic::Indicator(id) = &q.topic else {
        panic!("an indicator first: {:?}", q.topic)
    };
    let child = Locale::Ko
        .texts()
        .get(&format!("indicator.{id}.question_child"))
        .expect("a child's wording");
    let (code, stdout) = resume_in_korean_and_quit(&start);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains(child), "{child}\n{stdout}");
    let _ = std::fs::remove_file(start);
}

/// The report's questions for a child are the child's wording too: a 16-year-old found in a
/// sex-trade venue, nothing asked yet, gets each open question as the catalogue's
/// `question_child` (English) and the locale's `.question_child` (Korean), never the adult's.
#[test]
fn the_report_asks_a_child_in_a_childs_words() {
    let case =
        Case::from_json(r#"{"subject": {"age_years": 16}, "forms": ["sexual"]}"#).expect("valid");
    let a = assessor().assess(&case).expect("assesses");
    assert!(a.explanation.subject.child_protection);
    let catalogue = Catalogue::builtin();
    let ko = Locale::Ko.texts();
    let shown: Vec<_> = a.explanation.ask_next.iter().take(5).collect();
    assert!(!shown.is_empty());
    let en = a.report_in(Locale::En);
    let kr = a.report_in(Locale::Ko);
    for q in shown {
        let id = q.id.as_str();
        let e = catalogue.get(id).expect("in the catalogue");
        if e.appearance {
            continue;
        }
        let child_en = e.question_child.as_deref().expect("a child's wording");
        let child_ko = ko
            .get(&format!("indicator.{id}.question_child"))
            .expect("a Korean child's wording");
        assert!(en.contains(child_en), "{id}: {child_en}\n{en}");
        assert!(kr.contains(child_ko), "{id}: {child_ko}\n{kr}");
        let adult_ko = ko.get(&format!("indicator.{id}.question")).expect("Korean");
        assert!(
            adult_ko == child_ko || !kr.contains(adult_ko),
            "{id}: the adult's wording in a child's report"
        );
    }
}

/// The built-in likelihoods fit every built-in rule set: each list they weigh is a list of the
/// built-in catalogue. A priors document weighing a list the catalogue lacks, or counting a
/// column CTDC lacks, is refused with the place named, never used in part.
#[test]
fn question_priors_name_only_what_exists() {
    use trafficking_indicators::catalogue::QuestionPriors;
    for id in ["ilo-2009", "kr-2023", "kr-2024"] {
        let rules = trafficking_indicators::RuleSet::builtin(id)
            .expect("built in")
            .clone();
        let assessor = Assessor::new(rules, Catalogue::builtin()).expect("valid");
        assert!(
            assessor
                .with_question_priors(QuestionPriors::builtin())
                .is_ok(),
            "{id}"
        );
    }
    let mut priors = QuestionPriors::builtin().clone();
    priors.list_weights.insert("unodc_sheet".into(), 0.5);
    if let Some(all) = priors.types.get_mut("all") {
        all.counts.insert("meansOfControlThreat".into(), 1);
    }
    let rules = trafficking_indicators::RuleSet::builtin("kr-2024")
        .expect("built in")
        .clone();
    let e = Assessor::new(rules, Catalogue::builtin())
        .expect("valid")
        .with_question_priors(&priors)
        .expect_err("refused");
    let paths: Vec<String> = e.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "$.types.all.counts.meansOfControlThreat",
            "$.list_weights.unodc_sheet"
        ]
    );
}

/// The interview example with raw bytes on its standard input (a terminal in another
/// encoding types bytes that are not UTF-8).
fn interview_example_bytes(args: &[&str], input: &[u8]) -> (i32, String) {
    let exe = std::env::current_exe().expect("test binary");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path = dir
        .join("examples")
        .join(format!("interview{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(path)
        .args(args)
        .current_dir(root(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the interview example (cargo test builds it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// When the library refuses an answer (a note on a safety question; "not known" or a skip
/// on whether there are reasons to believe the person is a child, the interviewer's own
/// observation), the terminal prints the library's reason in the officer's language, not
/// its generic help line, and asks the same question again.
#[test]
fn the_terminal_gives_the_librarys_reason_for_a_refused_answer() {
    let out = temp("refused.json");
    let out_s = out.to_str().expect("path");
    // Hurt, with a note: refused; then yes. No, no; age not known; reasons: ?, s (refused),
    // then yes; quit.
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2024", "--out", out_s],
        "y: bleeding from the head\ny\nn\nn\n\n\n\n?\n?\ns\ny\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let note = "this answer does not fit the current question (a reply without a note: only \
                an indicator's answer records a note)";
    let reasons = "this answer does not fit the current question (yes or no: this is the \
                   interviewer's own observation, not a question to the person)";
    assert_eq!(stdout.matches(note).count(), 1, "{stdout}");
    assert_eq!(stdout.matches(reasons).count(), 2, "{stdout}");
    assert!(!stdout.contains("Please answer y, n"), "{stdout}");
    assert!(!stdout.contains("bleeding"), "nothing typed is echoed");
    assert_eq!(stdout.matches("1. Are you hurt?").count(), 2, "asked again");
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
    iv.reply(Reply::Yes, None).expect("hurt");
    iv.reply(Reply::No, None).expect("in danger");
    iv.reply(Reply::No, None).expect("doctor");
    iv.answer_age(None).expect("age");
    iv.reply(Reply::Yes, None)
        .expect("reasons to believe a child");
    assert_eq!(&saved, iv.case());
    // In Korean, the library's Korean words.
    let _ = std::fs::remove_file(&out);
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "ㅛ: 머리에서 피가 남\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(
            "현재 질문에 맞지 않는 답임(메모 없이 답할 것. 메모는 지표 질문의 답에만 기록함)"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("피가"), "nothing typed is echoed");
    let _ = std::fs::remove_file(out);
}

/// A note after an age, a year of birth, the forms or the type (which record none), after
/// `s` off an indicator question, or after `u` or `q`, is refused with its reason and the
/// same question asked again: it was silently dropped and the rest recorded. (A skip of an
/// indicator question keeps its note since the twenty-ninth session.)
#[test]
fn a_note_the_case_cannot_keep_is_refused_in_the_terminal() {
    let out = temp("note-off.json");
    let out_s = out.to_str().expect("path");
    // kr-2023: an 18-year-old's year of birth settles the age at the act (asked after the
    // age). Each answer with a note is refused, then given without.
    let (code, stdout) = interview_example(
        &["--rule-set", "kr-2023", "--out", out_s],
        "n\nn\nn\n\n\n\n18: looks younger\n18\n2007: she says so\n?\n2: in a bar\n2\n\
         s: ask later\nu: wrong\nq: stop here\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    let refused = "this answer does not fit the current question (a reply without a note: only \
                   an indicator's answer records a note)";
    // The age, the year, the forms, and the skip of the type question (not an indicator's).
    assert_eq!(stdout.matches(refused).count(), 4, "{stdout}");
    let on_key = "u and q take no note";
    assert_eq!(stdout.matches(on_key).count(), 2, "{stdout}");
    for typed in [
        "younger",
        "she says",
        "in a bar",
        "ask later",
        "wrong",
        "stop here",
    ] {
        assert!(!stdout.contains(typed), "nothing typed is echoed: {typed}");
    }
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    let kr_2023 = Assessor::builtin("kr-2023").expect("built in");
    let mut iv = Interview::new(kr_2023, Case::default()).expect("starts");
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    iv.answer_age(Some(18)).expect("age");
    assert_eq!(iv.next().map(|q| q.topic), Some(Topic::BirthYear));
    iv.answer_birth_year(None).expect("year");
    iv.answer_forms(&[ExploitationForm::Sexual]).expect("forms");
    assert_eq!(
        &saved,
        iv.case(),
        "no skip, no undo: the next question was never answered"
    );
    // In Korean.
    let _ = std::fs::remove_file(&out);
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\n\n\n\n27: 어려 보임\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(
            "현재 질문에 맞지 않는 답임(메모 없이 답할 것. 메모는 지표 질문의 답에만 기록함)"
        ),
        "{stdout}"
    );
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert_eq!(
        saved.subject.age_years, None,
        "the age with a note is not recorded"
    );
    let _ = std::fs::remove_file(out);
}

/// A line that is not UTF-8 (a terminal set to CP949) is neither the end of the interview
/// nor an answer: the terminal says so, in the officer's language, and asks the same
/// question again, reading on.
#[test]
fn a_line_that_is_not_utf8_is_refused_and_the_interview_goes_on() {
    let out = temp("cp949.json");
    let out_s = out.to_str().expect("path");
    // "아니요" in CP949, at the second safety question.
    let cp949: &[u8] = b"\xbe\xc6\xb4\xcf\xbf\xe4";
    for (lang, says) in [
        ("en", "This line is not UTF-8 text and was not used"),
        ("ko", "입력한 줄이 UTF-8 텍스트가 아니어서 처리하지 않음"),
    ] {
        let _ = std::fs::remove_file(&out);
        let mut input = b"n\n".to_vec();
        input.extend_from_slice(cp949);
        input.extend_from_slice(b"\nn\nn\n\n\n\n30\n1\nq\n");
        let (code, stdout) = interview_example_bytes(
            &["--lang", lang, "--rule-set", "kr-2024", "--out", out_s],
            &input,
        );
        assert_eq!(code, 0, "{stdout}");
        assert_eq!(stdout.matches(says).count(), 1, "{stdout}");
        assert_eq!(stdout.matches("\n2. ").count(), 2, "asked again: {stdout}");
        let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
        let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
        for _ in 0..3 {
            iv.reply(Reply::No, None).expect("safety");
        }
        iv.answer_age(Some(30)).expect("age");
        iv.answer_forms(&[ExploitationForm::Labour]).expect("forms");
        assert_eq!(&saved, iv.case(), "{lang}: read on after the line");
    }
    let _ = std::fs::remove_file(out);
}

/// The terminal interview asks no nationality, visa, charge or detention: at its end, where
/// the case records no nationality or no offence and no measure, it says what was not asked
/// and that the non-punishment and stay advice needs it (a sex-trade victim interviewed in
/// the terminal got no non-punishment line, and nothing said why).
#[test]
fn the_terminal_says_what_the_interview_did_not_ask() {
    let both_en = "Not recorded in this case: the person's nationality and visa status, any \
                   booking or charge against them, and any detention or other measure pending. \
                   Record them when known and assess the case again: the non-punishment and \
                   stay advice depends on them.";
    let (code, stdout) = interview_example(&["--rule-set", "kr-2024"], "n\nn\nn\n24\nq\n");
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.matches(both_en).count(), 1, "{stdout}");
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024"],
        "n\nn\nn\n\n\n\n24\n2\nn\n",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(
            "사건 기록에 없는 사항: 국적ㆍ체류자격, 입건ㆍ기소 등 혐의, 구금ㆍ보호 등 진행 중인 조치. \
             확인되면 사건 기록에 기록하고 다시 평가할 것(비처벌ㆍ체류 관련 권고가 이에 따라 달라짐)."
        ),
        "{stdout}"
    );
    // Resumed from a case that records them, it says only what is still missing.
    let saved = temp("not-asked.json");
    let path = saved.to_str().expect("path");
    for (case, says) in [
        (
            r#"{"subject": {"age_years": 24, "national": false}, "forms": ["sexual"]}"#,
            Some(
                "Not recorded in this case (none, or not known yet): any booking or charge against the person, and any detention or other measure pending. Record them when known and assess the case again: the non-punishment and stay advice",
            ),
        ),
        (
            // A national: the stay is not at stake.
            r#"{"subject": {"age_years": 24, "national": true}, "forms": ["sexual"]}"#,
            Some(
                "Not recorded in this case (none, or not known yet): any booking or charge against the person, and any detention pending. Record them when known and assess the case again: the non-punishment advice depends",
            ),
        ),
        (
            r#"{"subject": {"age_years": 24}, "forms": ["sexual"],
                "offences": [{"kind": "prostitution"}]}"#,
            Some("Not recorded in this case: the person's nationality and visa status. Record"),
        ),
        (
            r#"{"subject": {"age_years": 24, "national": true}, "forms": ["sexual"],
                "measures": ["detention"]}"#,
            None,
        ),
    ] {
        std::fs::write(&saved, case).expect("write");
        let (code, stdout) = interview_example(&["--rule-set", "kr-2024", "--resume", path], "q\n");
        assert_eq!(code, 0, "{stdout}");
        match says {
            Some(text) => assert_eq!(stdout.matches(text).count(), 1, "{case}\n{stdout}"),
            None => assert!(!stdout.contains("Not recorded in this case"), "{stdout}"),
        }
        if case.contains(r#""national": true"#) {
            assert!(!stdout.contains("stay advice"), "{stdout}");
        }
    }
    let _ = std::fs::remove_file(saved);
}

/// The forms question names domestic servitude in words an officer uses (가사노동 착취, with
/// the term 가사 예속 in brackets), not 가사 예속 alone.
#[test]
fn the_korean_forms_question_names_domestic_servitude_as_domestic_labour_exploitation() {
    let mut case = Case::default();
    case.subject.age_years = Some(30);
    let mut iv = Interview::new(assessor(), case).expect("starts");
    for _ in 0..3 {
        iv.reply(Reply::No, None).expect("safety");
    }
    let q = iv.next().expect("the forms question");
    assert_eq!(q.topic, Topic::Forms);
    let text = iv.question_text(&q, Locale::Ko);
    assert!(text.contains("\n  3. 가사노동 착취(가사 예속)"), "{text}");
}

/// A case that records the age at the exploitation (16, from a CTDC row, say) but not the age
/// now: "not known" to the age question goes on to the forms. The interview does not ask
/// whether there are reasons to believe the person is a child, a question whose "yes" the
/// case could not hold beside an age at the act (until the nineteenth session it asked it,
/// then refused the "yes").
#[test]
fn an_age_at_the_act_already_recorded_is_not_followed_by_the_reasons_to_believe_question() {
    let case = Case::from_json(
        r#"{"subject": {"age_at_exploitation_years": 16},
            "interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#,
    )
    .expect("a case");
    let mut iv = Interview::new(assessor(), case).expect("starts");
    assert_eq!(iv.next().map(|q| q.topic), Some(Topic::Age));
    iv.answer_age(None).expect("not known");
    assert_eq!(iv.next().map(|q| q.topic), Some(Topic::Forms));
    // Every answer the interview offers is taken, to the end.
    let mut steps = 0;
    while let Some(q) = iv.next() {
        let done = match q.topic {
            Topic::Forms => iv.answer_forms(&[ExploitationForm::Sexual]),
            Topic::SexualExploitationTypes => {
                iv.answer_sexual_exploitation_types(&[SexualExploitationType::Prostitution])
            }
            Topic::BirthYear => iv.answer_birth_year(None),
            Topic::Age => iv.answer_age(None),
            _ => iv.reply(Reply::Yes, None),
        };
        assert!(done.is_ok(), "{:?} refused: {done:?}", q.topic);
        steps += 1;
        assert!(steps < 400, "the interview does not end");
    }
}

/// A person presumed a child ("reasons to believe: yes") whose age is learned later: the age
/// is recorded and the presumption ends, as it holds only until the age is established
/// (until the nineteenth session the age was refused beside the presumption). Undo brings
/// the presumption back.
#[test]
fn an_age_learned_after_the_presumption_is_recorded_and_ends_it() {
    let case = Case::from_json(
        r#"{"interview": {"safety": {"hurt": "no", "in_danger": "no", "needs_doctor": "no"}}}"#,
    )
    .expect("a case");
    let mut iv = Interview::new(assessor(), case).expect("starts");
    iv.answer_age(None).expect("not known");
    assert_eq!(
        iv.next().map(|q| q.topic),
        Some(Topic::ReasonsToBelieveChild)
    );
    iv.reply(Reply::Yes, None).expect("presumed a child");
    assert_eq!(iv.case().subject.possibly_minor, Some(true));
    iv.answer_age(Some(16)).expect("the age, learned later");
    let subject = &iv.case().subject;
    assert_eq!(
        (subject.age_years, subject.possibly_minor),
        (Some(16), None)
    );
    assert!(
        !iv.case()
            .interview
            .as_ref()
            .is_some_and(|r| r.age_not_known)
    );
    let assessment = iv.assessment().expect("assesses");
    assert!(assessment.explanation.subject.treated_as_child);
    // The saved case reads back as it is.
    let saved = serde_json::to_string(iv.case()).expect("serializes");
    assert_eq!(&Case::from_json(&saved).expect("reads back"), iv.case());
    assert!(iv.undo());
    assert_eq!(iv.case().subject.possibly_minor, Some(true));
}

/// Every answer of an interview can be undone, back to its start, even one that asks every
/// question once (in unsafe conditions, under each rule set); an interview answered again and
/// again keeps only its last `MAX_UNDO` states, so its memory is bounded, and undoes exactly
/// those.
#[test]
fn every_answer_of_a_whole_interview_can_be_undone_and_the_history_is_bounded() {
    let start = r#"{"interview_conditions": ["exploiter_present"]}"#;
    for rule_set in ["ilo-2009", "kr-2023", "kr-2024"] {
        let a = Assessor::builtin(rule_set).expect("built in");
        let mut iv = Interview::new(a, Case::from_json(start).expect("case")).expect("starts");
        let mut answers = 0usize;
        while let Some(q) = iv.next() {
            match q.topic {
                Topic::Age => iv.answer_age(Some(30)),
                Topic::BirthYear => iv.answer_birth_year(None),
                // Every form, so that every list's questions are asked.
                Topic::Forms => iv.answer_forms(&ExploitationForm::ALL),
                Topic::SexualExploitationTypes => {
                    iv.answer_sexual_exploitation_types(&SexualExploitationType::ALL)
                }
                _ => iv.reply(Reply::No, None),
            }
            .expect("answer");
            answers += 1;
            assert!(
                answers <= MAX_UNDO,
                "{rule_set}: more answers than undo keeps"
            );
        }
        assert_eq!(
            iv.finished(),
            Some(trafficking_indicators::interview::FinishReason::EveryQuestionAsked)
        );
        assert!(
            answers > 100,
            "{rule_set}: {answers} answers: not every question was asked"
        );
        let mut undone = 0usize;
        while iv.undo() {
            undone += 1;
        }
        assert_eq!(undone, answers, "{rule_set}");
        assert_eq!(
            iv.case(),
            &Case::from_json(start).expect("case"),
            "{rule_set}"
        );
    }
    // The same question answered again and again, each time with another note: the last
    // MAX_UNDO states only, so undoing them all leaves the case as the 40th answer left it.
    let id = "confiscation_of_documents_at_destination"
        .parse()
        .expect("id");
    let answered = |n: usize| {
        let mut iv = Interview::new(assessor(), Case::default()).expect("starts");
        for i in 0..n {
            let note = format!("answer {i}");
            iv.answer(&id, ObservationStatus::Present, None, Some(&note))
                .expect("answer");
        }
        iv
    };
    let mut iv = answered(MAX_UNDO + 40);
    let mut undone = 0usize;
    while iv.undo() {
        undone += 1;
    }
    assert_eq!(undone, MAX_UNDO);
    assert_eq!(iv.case(), answered(40).case());
    assert_ne!(iv.case(), answered(39).case());
}

/// The screening page keeps the same number of states for undo as the library's interview.
#[test]
fn the_page_undoes_as_many_answers_as_the_library() {
    let app = std::fs::read_to_string(root("examples/screening_page/app.js")).expect("app.js");
    let limit = app
        .lines()
        .find_map(|l| l.strip_prefix("const UNDO_LIMIT = "))
        .and_then(|rest| rest.strip_suffix(';'))
        .and_then(|n| n.parse::<usize>().ok());
    assert_eq!(limit, Some(MAX_UNDO));
}

/// The terminal takes the type of sexual exploitation by its number: a number outside the
/// list gets the help line and the same question; `?` records it as not known.
#[test]
fn the_terminal_takes_the_type_by_number_or_not_known() {
    let out = temp("types.json");
    let out_s = out.to_str().expect("path");
    let (code, stdout) = interview_example(
        &["--lang", "ko", "--rule-set", "kr-2024", "--out", out_s],
        "n\nn\nn\n\n\n\n30\n2\n9\n?\nq\n",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(Locale::Ko.word("interview.help.forms").expect("help")),
        "the help line for a number outside the list: {stdout}"
    );
    let saved = Case::from_json(&std::fs::read_to_string(&out).expect("saved")).expect("valid");
    assert!(saved.sexual_exploitation_types.is_empty());
    let record = saved.interview.expect("a record");
    assert!(record.sexual_exploitation_types_not_known);
    let _ = std::fs::remove_file(out);
}

/// A "yes" records the fact the question asked about: the wage question a concept shares is
/// worded once, and for a woman in sexual exploitation who had answered "no" to the other
/// questions the interview asked it as the fishing fleet's item (several months' wages
/// deducted at the start of a contract on a vessel), so that her "yes" would have recorded
/// that. That item is asked only where labour exploitation is under consideration (or no form
/// is recorded); the general items of the concept are asked in its place.
#[test]
fn the_fishing_fleets_wage_item_is_not_asked_of_a_woman_in_sexual_exploitation() {
    let fleet_item = "kr_wages_deducted_at_contract_start_to_deter_escape";
    let catalogue = Catalogue::builtin();
    for id in trafficking_indicators::RuleSet::builtin_ids() {
        let a = Assessor::builtin(id).expect("built in");
        for (form, may_ask) in [
            (ExploitationForm::Sexual, false),
            (ExploitationForm::Labour, true),
        ] {
            for reply in [Reply::No, Reply::Yes, Reply::NotKnown] {
                let mut case = Case::default();
                case.subject.age_years = Some(28);
                case.subject.national = Some(false);
                case.forms = vec![form];
                let mut iv = Interview::new(a, case).expect("starts");
                let mut wage_questions = Vec::new();
                while let Some(q) = iv.next() {
                    match &q.topic {
                        Topic::Indicator(asked) => {
                            let entry = catalogue.get(asked.as_str()).expect("an entry");
                            if entry.concept.as_str() == "withholding_of_wages" {
                                wage_questions.push(asked.to_string());
                            }
                            iv.reply(reply, None).expect("answers");
                        }
                        Topic::SexualExploitationTypes => iv.skip().expect("not known"),
                        _ => iv.reply(Reply::No, None).expect("answers"),
                    }
                }
                assert_eq!(
                    wage_questions.len(),
                    1,
                    "{id} {form:?} {reply:?}: {wage_questions:?}"
                );
                if !may_ask {
                    assert!(
                        !wage_questions.iter().any(|w| w == fleet_item),
                        "{id} {reply:?}"
                    );
                }
            }
        }
    }
}
