//! Interview answer sequences through the library's `Interview`, from an empty case or one
//! that records an age at the act (the first byte chooses): any sequence of replies (with and
//! without a source), skips, undos, ages, years, forms and types of sexual exploitation keeps the case valid and
//! assessable after every step, every next question has words in English and Korean (the
//! adult's or, once the person is a child, the child's), and the saved case resumes at the
//! same question. A "yes" or "no" to the question offered, and a skip where it is allowed, is
//! always taken.

use trafficking_indicators::case::SexualExploitationType;
use trafficking_indicators::interview::{Interview, Reply, Topic};
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, EvidenceSource, ExploitationForm};

/// The cases an interview starts from, chosen by the input's first byte: an empty case, and
/// cases that record an age only at the act (as a CTDC row or an earlier record may), where
/// the opening questions must not offer one whose answer the case cannot hold.
const STARTS: [&str; 4] = [
    "{}",
    r#"{"subject": {"age_at_exploitation_years": 16}}"#,
    r#"{"subject": {"minor_at_exploitation": true}}"#,
    r#"{"subject": {"birth_year": 2008}, "exploitation_began_year": 2023}"#,
];

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(assessor) = Assessor::builtin("kr-2024") else {
        return;
    };
    let (start, data) = data.split_first().unwrap_or((&0, &[]));
    let start = STARTS[usize::from(*start) % STARTS.len()];
    let start = Case::from_json(start).expect("a start case reads");
    let Ok(mut iv) = Interview::new(assessor, start) else {
        return;
    };
    // The next question, computed once per step: after each answer it is asked for its words,
    // then answered in the next step (the interview has not changed in between).
    let mut next = iv.next();
    for pair in data.chunks(2).take(40) {
        let op = pair.first().copied().unwrap_or(0);
        let arg = pair.get(1).copied().unwrap_or(0);
        let Some(q) = next else {
            break;
        };
        let before = iv.case().clone();
        let _ = match (op % 10, &q.topic) {
            (0, _) => {
                // Only an indicator's answer keeps a note; any other question refuses one and
                // records nothing, rather than dropping the note.
                let done = iv.reply(Reply::Yes, Some("note"));
                if !matches!(q.topic, Topic::Indicator(_)) {
                    assert!(done.is_err(), "a note is refused off an indicator question");
                    assert_eq!(iv.case(), &before, "a refused answer records nothing");
                }
                done
            }
            // Whether there are reasons to believe the person is a child is the interviewer's
            // own observation: yes or no only, never "not known" or a skip.
            (2 | 3, Topic::ReasonsToBelieveChild) => {
                let done = if op % 10 == 2 {
                    iv.reply(Reply::NotKnown, None)
                } else {
                    iv.skip()
                };
                assert!(
                    done.is_err(),
                    "not known and a skip are refused on the observation"
                );
                assert_eq!(iv.case(), &before, "a refused answer records nothing");
                done
            }
            (8, _) => {
                let source = EvidenceSource::ALL[usize::from(arg) % EvidenceSource::ALL.len()];
                let reply = [Reply::Yes, Reply::No, Reply::NotKnown][usize::from(arg / 4 % 3)];
                let done = iv.reply_from(reply, source, None);
                // Only an indicator's answer records a source; any other question refuses
                // one and records nothing.
                if !matches!(q.topic, Topic::Indicator(_)) {
                    assert!(
                        done.is_err(),
                        "a source is refused off an indicator question"
                    );
                    assert_eq!(iv.case(), &before, "a refused answer records nothing");
                }
                done
            }
            (1, _) => {
                // "Yes" or "no" to a question that takes them is always taken: the
                // interview never offers a question whose answer the case cannot hold.
                let reply = if arg % 2 == 0 { Reply::No } else { Reply::Yes };
                let done = iv.reply(reply, None);
                if matches!(
                    q.topic,
                    Topic::Safety(_) | Topic::ReasonsToBelieveChild | Topic::Indicator(_)
                ) {
                    assert!(done.is_ok(), "{reply:?} to the question offered is refused");
                }
                done
            }
            (2, _) => iv.reply(Reply::NotKnown, None),
            (3, _) => {
                // A skip is taken wherever the question allows one.
                let done = iv.skip();
                assert!(done.is_ok(), "a skip of the question offered is refused");
                done
            }
            (4, _) => {
                iv.undo();
                Ok(())
            }
            (5, _) => iv.answer_age(Some(arg % 140)),
            (6, _) => iv.answer_birth_year(Some(1900 + u16::from(arg) * 2)),
            (9, _) => {
                let types: Vec<SexualExploitationType> = SexualExploitationType::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << i) != 0)
                    .map(|(_, t)| *t)
                    .collect();
                let done = iv.answer_sexual_exploitation_types(&types);
                // Before the form sexual is recorded, any answer (even "not known") is
                // refused, and nothing recorded.
                if !before.forms.contains(&ExploitationForm::Sexual) {
                    assert!(done.is_err(), "a type without the form sexual is refused");
                    assert_eq!(iv.case(), &before, "a refused answer records nothing");
                }
                done
            }
            _ => {
                let forms: Vec<ExploitationForm> = ExploitationForm::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << (i % 8)) != 0)
                    .map(|(_, f)| *f)
                    .collect();
                iv.answer_forms(&forms)
            }
        };
        // Whatever was answered, the case stays valid (each change is assessed before it is
        // kept, so it also stays assessable).
        iv.case()
            .check()
            .expect("the interview keeps the case valid");
        // The next question has words in both languages (the adult's or the child's, as the
        // person is addressed).
        next = iv.next();
        if let Some(q) = &next {
            for lang in [Locale::En, Locale::Ko] {
                let text = iv.question_text(q, lang);
                assert!(!text.trim().is_empty(), "every question has words");
            }
        }
    }
    iv.assessment().expect("the case assesses");
    // A saved case resumes at the same next question (checked once per sequence: every
    // prefix of a sequence is itself an input the fuzzer tries).
    let saved = Case::from_json(&iv.case().to_json_pretty()).expect("the saved case reads back");
    let resumed = Interview::new(assessor, saved).expect("resumes");
    assert_eq!(
        resumed.next().map(|q| q.topic),
        iv.next().map(|q| q.topic),
        "resumes at the same question"
    );
}
