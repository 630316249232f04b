//! Every word in Korean: the locale data is complete, Korean where it says Korean, and the
//! report puts the level and the actions on the first screen in both languages.

use std::collections::BTreeSet;

use trafficking_indicators::policy::ContactDirectory;
use trafficking_indicators::render::{Locale, placeholders};
use trafficking_indicators::{Assessment, Assessor, Case, Catalogue, RuleSet};

use crate::common::{assess_bundled, bundled_case_names, root, snapshot};

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// The text without its `{placeholders}`.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Three or more English words in a row: text left untranslated. Codes, acronyms and names
/// (ILO, CETS No. 197, women1366) are single tokens and do not count; neither do the names
/// of `{placeholders}`.
fn english_run(text: &str) -> Option<String> {
    let text = without_placeholders(text);
    let mut run: Vec<&str> = Vec::new();
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let english = word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
            && word.chars().any(|c| c.is_ascii_lowercase());
        if english {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else {
            run.clear();
        }
    }
    None
}

/// Every key the Korean locale must have, with the English it translates.
fn required_keys() -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = Locale::En
        .texts()
        .texts
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let catalogue = Catalogue::builtin();
    for e in catalogue.entries() {
        let id = e.id.as_str();
        keys.push((format!("indicator.{id}.label"), e.label.clone()));
        keys.push((format!("indicator.{id}.description"), e.description.clone()));
        keys.push((
            format!("indicator.{id}.question"),
            e.question.clone().unwrap_or_default(),
        ));
        if let Some(child) = &e.question_child {
            keys.push((format!("indicator.{id}.question_child"), child.clone()));
        }
    }
    for l in catalogue.lists() {
        keys.push((format!("list.{}.title", l.id), l.title.clone()));
        keys.push((format!("list.{}.description", l.id), l.description.clone()));
    }
    for id in RuleSet::builtin_ids() {
        let rules = RuleSet::builtin(id).expect("built in");
        let ns = format!("rules.{}", rules.text_namespace());
        for c in &rules.levels.reasonable_grounds {
            keys.push((format!("{ns}.criterion.{}", c.id), c.label.clone()));
        }
        for c in &rules.dimension_rule.clauses {
            keys.push((format!("{ns}.clause.{}", c.id), c.label.clone()));
        }
        for r in &rules.recommendations {
            let kind = serde_json::to_value(r.kind).expect("kind");
            let kind = kind.as_str().expect("a name");
            let key = format!("{ns}.recommendation.{kind}");
            keys.push((key.clone(), r.text.clone()));
            for (i, a) in r.additions.iter().enumerate() {
                keys.push((format!("{key}.addition.{i}"), a.text.clone()));
            }
            if let Some(b) = &r.basis {
                keys.push((format!("{key}.rationale"), b.rationale.clone()));
            }
        }
        let np = &rules.non_punishment;
        keys.push((format!("{ns}.non_punishment"), np.text.clone()));
        if let Some(child) = &np.child {
            keys.push((format!("{ns}.non_punishment.child"), child.text.clone()));
        }
        for l in &np.links {
            keys.push((
                format!("{ns}.non_punishment.link.{}", l.offence.as_str()),
                l.reason.clone(),
            ));
        }
        for n in &rules.notices {
            let kind = serde_json::to_value(n.kind).expect("kind");
            keys.push((
                format!("{ns}.notice.{}", kind.as_str().expect("a name")),
                n.text.clone(),
            ));
        }
        for r in &rules.references {
            keys.push((format!("reference.{}", r.id), r.title.clone()));
        }
    }
    for (id, _) in ContactDirectory::builtin_files() {
        for c in &ContactDirectory::builtin(id).expect("built in").contacts {
            keys.push((format!("contact.{}.reach", c.id), c.reach.clone()));
            keys.push((format!("contact.{}.purpose", c.id), c.purpose.clone()));
        }
    }
    keys.sort();
    keys.dedup_by(|a, b| a.0 == b.0);
    keys
}

#[test]
fn every_text_has_korean_and_no_korean_text_is_empty_or_english() {
    let ko = Locale::Ko.texts();
    assert_eq!(ko.locale, "ko");
    assert!(
        ko.translation.contains("not an official wording"),
        "the Korean file says it is the project's translation"
    );
    let mut problems = Vec::new();
    let required = required_keys();
    for (key, english) in &required {
        match ko.get(key) {
            None => problems.push(format!("{key}: no Korean text")),
            Some(text) if text.trim().is_empty() => problems.push(format!("{key}: empty")),
            Some(text)
                if !has_hangul(text)
                    && without_placeholders(english)
                        .chars()
                        .any(|c| c.is_ascii_alphabetic()) =>
            {
                problems.push(format!("{key}: not Korean"));
            }
            Some(text) => {
                if let Some(run) = english_run(text) {
                    problems.push(format!("{key}: still English (`{run}`)"));
                }
                if placeholders(text) != placeholders(english) {
                    problems.push(format!(
                        "{key}: placeholders {:?}, English has {:?}",
                        placeholders(text),
                        placeholders(english)
                    ));
                }
            }
        }
    }
    let known: BTreeSet<&str> = required.iter().map(|(k, _)| k.as_str()).collect();
    for key in ko.texts.keys() {
        if !known.contains(key.as_str()) {
            problems.push(format!("{key}: a Korean text for nothing (stale key)"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(required.len() > 600, "{}", required.len());
}

#[test]
fn the_english_locale_has_no_empty_text_and_the_test_can_fail() {
    for (key, text) in &Locale::En.texts().texts {
        if key != "report.translation" {
            assert!(!text.trim().is_empty(), "{key}");
        }
    }
    // The checks themselves: an English sentence is caught, a code is not.
    assert!(english_run("피해자 지원 the person is protected").is_some());
    assert!(english_run("「출입국관리법」 CETS No. 197, women1366, E-6-2").is_none());
    assert!(has_hangul("확인서") && !has_hangul("certificate"));
}

/// Every bundled case, assessed as the README runs it.
fn bundled() -> Vec<(String, Assessment)> {
    bundled_case_names()
        .into_iter()
        .map(|name| {
            let a = assess_bundled(name.trim_end_matches(".json"));
            (name, a)
        })
        .collect()
}

/// The first screen, everything before "what to ask next", holds the level, the actions, the
/// non-punishment advisory and who to call, in at most 24 lines (a terminal's height). Until
/// the thirty-first session it was the first 15 lines; since then the rule set's additions to
/// an action each take a line of their own under it (lines of 700 to 1,200 characters were
/// found on a detained person's first screen), so the screen has more, shorter lines.
#[test]
fn the_first_screen_holds_the_level_and_the_actions() {
    for (name, a) in bundled() {
        for locale in Locale::ALL {
            let report = a.report_in(locale);
            let words = locale.texts();
            let ask = words.get("report.heading.ask").expect("heading");
            let first: Vec<&str> = report.lines().take_while(|l| *l != ask).collect();
            assert!(
                first.len() <= 24,
                "{name} {locale:?}: {} lines before the questions",
                first.len()
            );
            let screen = first.join("\n");
            let level = words
                .get(&format!("level.{}", a.level.as_str()))
                .expect("level name");
            assert!(screen.contains(level), "{name} {locale:?}: level\n{screen}");
            let now = words.get("report.heading.now").expect("heading");
            assert!(screen.contains(now), "{name} {locale:?}: actions\n{screen}");
            let actions = first
                .iter()
                .filter(|l| l.trim_start().starts_with("1. ") || l.trim_start().starts_with("! "))
                .count();
            assert!(
                actions >= 1 || a.recommendations.is_empty(),
                "{name} {locale:?}: no action on the first screen\n{screen}"
            );
            if a.recommendations
                .iter()
                .any(|r| r.kind == trafficking_indicators::RecommendationKind::NonPunishment)
            {
                assert!(
                    first.iter().any(|l| l.trim_start().starts_with("! ")),
                    "{name} {locale:?}: the non-punishment advisory is on the first screen\n{screen}"
                );
            }
            if a.contacts.iter().any(|c| c.number.is_some()) {
                let call = words.get("report.call").expect("call");
                let label = call.split('{').next().unwrap_or(call);
                assert!(
                    screen.contains(label),
                    "{name} {locale:?}: who to call\n{screen}"
                );
            }
        }
    }
}

#[test]
fn a_korean_report_is_complete_korean() {
    for (name, a) in bundled() {
        let report = a.report_in(Locale::Ko);
        for (i, line) in report.lines().enumerate() {
            if let Some(run) = english_run(line) {
                panic!(
                    "{name} line {}: English left in the Korean report: `{run}`\n{line}",
                    i + 1
                );
            }
        }
        assert!(has_hangul(&report));
    }
}

/// The Korean and English reports of the Korean bundled cases, byte for byte, against
/// committed snapshots (set UPDATE_SNAPSHOTS=1 after reviewing a change).
#[test]
fn korean_cases_match_their_korean_and_english_report_snapshots() {
    let mut n = 0;
    for (name, a) in bundled() {
        if !name.starts_with("kr_") {
            continue;
        }
        for locale in Locale::ALL {
            let stem = name.trim_end_matches(".json");
            let path = root(&format!(
                "tests/snapshots/reports/{stem}.{}.txt",
                locale.tag()
            ));
            let actual = a.report_in(locale);
            let expected = snapshot(&path, &actual);
            assert!(
                actual == expected,
                "{stem} ({}) differs from its snapshot",
                locale.tag()
            );
            n += 1;
        }
    }
    assert!(
        n >= 6,
        "at least three Korean cases in two languages, found {n}"
    );
}

#[test]
fn the_assessment_json_is_language_neutral() {
    for (name, a) in bundled() {
        let json = a.to_json();
        assert!(!has_hangul(&json), "{name}: Korean in the JSON");
        // No prose: no sentence of the rule set or the locale appears in the JSON.
        let rules = a.rules.rule_set();
        for r in &rules.recommendations {
            let start: String = r.text.chars().take(40).collect();
            assert!(
                !json.contains(&start),
                "{name}: recommendation text in the JSON"
            );
        }
        for text in Locale::En.texts().texts.values().filter(|t| t.len() > 30) {
            let start: String = text.chars().take(30).collect();
            if !start.contains('{') {
                assert!(
                    !json.contains(&start),
                    "{name}: report text in the JSON: {start}"
                );
            }
        }
    }
}

#[test]
fn the_prose_api_gives_every_text_in_a_language() {
    let (_, a) = bundled()
        .into_iter()
        .find(|(n, _)| n == "kr_e62_entertainer_near_base.json")
        .expect("bundled");
    let ko = a.prose(Locale::Ko);
    assert_eq!(ko.recommendations.len(), a.recommendations.len());
    assert!(
        ko.recommendations
            .iter()
            .all(|r| has_hangul(&r.text) && has_hangul(&r.action))
    );
    assert!(ko.contacts.iter().all(|c| has_hangul(&c.name)));
    assert!(ko.indicators.values().all(|l| has_hangul(l)));
    let en = a.prose(Locale::En);
    assert!(en.recommendations.iter().all(|r| !has_hangul(&r.action)));
}

#[test]
fn the_korean_national_list_example_extends_the_catalogue() {
    let text = std::fs::read_to_string(root("examples/rule_sets/kr_national_list_example.json"))
        .expect("file");
    let catalogue = Catalogue::builtin()
        .extend_from_json(&text)
        .expect("a valid extension");
    let added: Vec<_> = catalogue
        .entries()
        .iter()
        .filter(|e| e.lists.iter().any(|l| l.as_str() == "kr_example_checklist"))
        .cloned()
        .collect();
    assert!(added.len() >= 9);
    for e in &added {
        assert!(has_hangul(&e.label), "{}: Korean label", e.id);
        assert!(
            e.provenance.notes.iter().any(|n| n.contains("예시")),
            "{}: marked as an example",
            e.id
        );
    }
    let mut rules = RuleSet::builtin("kr-2024").expect("built in").clone();
    rules.id = "kr-2024-with-example-checklist".into();
    rules
        .lists
        .push("kr_example_checklist".parse().expect("id"));
    let assessor = Assessor::new(rules, std::sync::Arc::new(catalogue)).expect("valid");
    let first = added.first().expect("an entry");
    let case = Case::from_json(&format!(
        r#"{{"subject": {{"age_years": 30}}, "observations": [{{"indicator": "{}", "status": "present"}}]}}"#,
        first.id
    ))
    .expect("case");
    let a = assessor.assess(&case).expect("assesses");
    assert!(a.score > 0.0);
    let report = a.report_in(Locale::Ko);
    assert!(report.contains(first.label.as_str()));
}

/// The opening items of "what to ask next" are not numbered (two "0." read as a mistake), and
/// a score no answer can change is said so, not as a range "from 100 to 100".
#[test]
fn the_report_says_the_opening_items_and_a_settled_score_plainly() {
    let open = trafficking_indicators::Case::from_json(
        r#"{"observations": [{"indicator": "withholding_of_wages", "status": "present"}]}"#,
    )
    .expect("valid");
    let report = trafficking_indicators::assess(&open)
        .expect("assessed")
        .report();
    assert!(report.contains("\n  \u{2022} "), "{report}");
    assert!(!report.contains("\n  0. "), "{report}");
    assert!(report.contains("could range from"), "{report}");
    let catalogue = trafficking_indicators::Catalogue::builtin();
    let all_present: Vec<String> = catalogue
        .entries()
        .iter()
        .map(|e| format!(r#"{{"indicator": "{}", "status": "present"}}"#, e.id))
        .collect();
    let full = format!(
        r#"{{"subject": {{"age_years": 30}}, "forms": ["labour"], "observations": [{}]}}"#,
        all_present.join(",")
    );
    let case = trafficking_indicators::Case::from_json(&full).expect("valid");
    let a = trafficking_indicators::assess(&case).expect("assessed");
    assert_eq!(a.score_range.min, a.score_range.max);
    let report = a.report_in(Locale::Ko);
    assert!(
        report.contains("남은 질문의 답으로는 바뀌지 않음"),
        "{report}"
    );
    assert!(!report.contains("100~100"), "{report}");
}

/// Korean joins words with one middle dot, `ㆍ` (U+318D, as the statutes' titles write it),
/// never `·` (U+00B7): one report line once mixed `입건·구금` with `기만ㆍ강압`. A spaced ` · `
/// separates list items (the status line) and is not a middle dot.
#[test]
fn korean_joins_words_with_one_middle_dot() {
    let mut problems = Vec::new();
    for (key, text) in &Locale::Ko.texts().texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if *c == '\u{b7}'
                && i > 0
                && chars.get(i + 1).is_some_and(|n| !n.is_whitespace())
                && !chars[i - 1].is_whitespace()
            {
                problems.push(format!("{key}: {text}"));
                break;
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every word of a report and of the prose is filled: no `{placeholder}` is left, in either
/// language, for any data test case. The word for a child (`{child}`) is filled by the
/// report's templates only, so a text that gained it but is printed without them would show
/// the bare placeholder.
#[test]
fn no_report_or_prose_leaves_a_placeholder_unfilled() {
    let placeholder = |text: &str| {
        text.split('{').skip(1).find_map(|rest| {
            let name = rest.split('}').next()?;
            (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
                .then(|| name.to_owned())
        })
    };
    // The search finds a bare placeholder, and not JSON's own braces.
    assert_eq!(placeholder("a {child} b").as_deref(), Some("child"));
    assert_eq!(placeholder(r#"{"level":"x"}"#), None);
    let mut checked = 0;
    for (name, assessor, case) in crate::common::assessable_data_cases() {
        let a = assessor.assess(&case).expect("assessable");
        for locale in [Locale::En, Locale::Ko] {
            let report = a.report_in(locale);
            let prose = serde_json::to_string(&a.prose(locale)).expect("JSON");
            for text in [&report, &prose] {
                if let Some(p) = placeholder(text) {
                    panic!("{name} ({locale:?}): `{{{p}}}` left unfilled");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 180, "{checked}");
}

/// A question about an element fact (the exploitation itself: made to sell sex, forced to
/// marry) counts in no dimension and adds no points; the report says what a "yes" does
/// instead of "would add 0 points", which reads as "not worth asking".
#[test]
fn a_question_about_the_exploitation_itself_never_reads_as_worth_0_points() {
    let a = crate::common::assess_json_under(
        "kr-2024",
        r#"{"forms": ["sexual"], "observations": [
            {"indicator": "threats_of_violence_at_destination", "status": "present"}]}"#,
    );
    let en = a.report_in(Locale::En);
    assert!(
        en.contains("a \"yes\" records a fact of the purpose (exploitation), outside the score"),
        "{en}"
    );
    let ko = a.report_in(Locale::Ko);
    assert!(
        ko.contains("\"예\"이면 목적(착취)에 관한 사실로 기록됨"),
        "{ko}"
    );
    let mut checked = 0;
    for (name, assessor, case) in crate::common::assessable_data_cases() {
        let a = assessor.assess(&case).expect("assessable");
        for (locale, zero) in [(Locale::En, "add 0 points"), (Locale::Ko, "\"예\"이면 0점")] {
            assert!(!a.report_in(locale).contains(zero), "{name} ({locale:?})");
            checked += 1;
        }
    }
    assert!(checked >= 180, "{checked}");
}

/// The tool has one Korean name, with the statutory 인신매매등: the page's title, the report's
/// heading and the first line of each command's help all say 인신매매등 피해자 식별 (the page
/// once said `인신매매 지표: 피해자 초기 선별`, the help `인신매매등 피해 징후(지표)`).
#[test]
fn the_korean_name_of_the_tool_is_one_with_the_statutory_term() {
    let ko = Locale::Ko.texts();
    assert_eq!(
        ko.get("page.title"),
        Some("인신매매등 피해자 식별 지원(초기 선별)")
    );
    for key in [
        "page.title",
        "report.title",
        "report.title_case",
        "cli.assess.help",
        "cli.interview.help",
    ] {
        let text = ko.get(key).unwrap_or_default();
        let first = text.lines().next().unwrap_or_default();
        assert!(first.contains("인신매매등 피해자 식별"), "{key}: {first}");
    }
}

/// Two indicators of one list that the ILO/EC words alike (debt bondage at recruitment and at
/// destination) say their phase, so that a list never reads "Debt bondage; ...; Debt bondage"
/// (a verdict review, nineteenth session: the D-4 student's non-punishment line).
#[test]
fn a_list_never_names_two_indicators_with_the_same_words() {
    let a = crate::common::assess_data_case("p19_review_kr_d4_student_factory_agent_tuition_debt");
    for lang in [Locale::En, Locale::Ko] {
        let report = a.report_in(lang);
        let mut checked = 0;
        for line in report.lines().filter(|l| l.trim_start().starts_with("- ")) {
            let Some((_, list)) = line.split_once(": ") else {
                continue;
            };
            let items: Vec<&str> = list.split("; ").map(str::trim).collect();
            let mut seen = std::collections::BTreeSet::new();
            for item in &items {
                assert!(seen.insert(*item), "{lang:?}: {item} twice in: {line}");
            }
            checked += usize::from(items.len() > 1);
        }
        assert!(checked > 0, "{lang:?}: no list checked");
    }
    let english = a.report_in(Locale::En);
    assert!(
        english.contains("Debt bondage (at recruitment)"),
        "{english}"
    );
    assert!(
        english.contains("Debt bondage (at destination)"),
        "{english}"
    );
}

/// A namespaced first-screen key (`rules.<ns>.action.<kind>...`, `rules.<ns>.effect.<effect>.
/// <offence>`) is looked up by the report and falls back silently when absent, so a typo in
/// one would never show: every such key in either language names a namespace of a built-in
/// rule set, a kind of recommendation it gives, an addition it has, a legal effect and an
/// offence that exist (a code review, twenty-ninth session).
#[test]
fn every_namespaced_first_screen_key_names_what_exists() {
    use trafficking_indicators::OffenceKind;
    let rule_sets: Vec<&RuleSet> = RuleSet::builtin_ids()
        .map(|id| RuleSet::builtin(id).expect("built in"))
        .collect();
    let name = |v: serde_json::Value| v.as_str().map(str::to_owned).unwrap_or_default();
    let effects: Vec<String> = rule_sets
        .iter()
        .flat_map(|r| r.non_punishment.links.iter().filter_map(|l| l.effect))
        .map(|e| name(serde_json::to_value(e).expect("effect")))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for locale in [Locale::En, Locale::Ko] {
        for key in locale.texts().texts.keys() {
            let parts: Vec<&str> = key.split('.').collect();
            let ["rules", ns, kind_of_key, rest @ ..] = parts.as_slice() else {
                continue;
            };
            if !matches!(*kind_of_key, "action" | "effect") {
                continue;
            }
            checked += 1;
            let of_ns: Vec<&&RuleSet> = rule_sets
                .iter()
                .filter(|r| r.text_namespace() == *ns)
                .collect();
            if of_ns.is_empty() {
                problems.push(format!(
                    "{key}: no built-in rule set has the namespace {ns}"
                ));
                continue;
            }
            match (*kind_of_key, rest) {
                ("action", [kind, suffix @ ..]) => {
                    let additions: Option<usize> = of_ns
                        .iter()
                        .map(|r| {
                            r.recommendations
                                .iter()
                                .find(|rec| {
                                    name(serde_json::to_value(rec.kind).expect("kind")) == *kind
                                })
                                .map(|rec| rec.additions.len())
                        })
                        .min()
                        .flatten();
                    let Some(additions) = additions else {
                        problems.push(format!("{key}: {kind} is not a recommendation of {ns}"));
                        continue;
                    };
                    if let ["addition", i, more @ ..] = suffix {
                        let fits = i.parse::<usize>().is_ok_and(|i| i < additions);
                        if !fits {
                            problems.push(format!("{key}: {kind} has {additions} additions"));
                        }
                        if !matches!(more, [] | ["release_above" | "said_above" | "same_line_as"]) {
                            problems.push(format!("{key}: not a variant the report looks up"));
                        }
                        // A line joined to another's: the host is another addition with a
                        // first-screen line of its own that joins no other, in both languages
                        // alike (a typo would silently give the text a line of its own).
                        if more == ["same_line_as"] {
                            let value = locale.texts().get(key).unwrap_or_default();
                            let base = format!("rules.{ns}.action.{kind}.addition");
                            let host = value.parse::<usize>().ok().filter(|h| {
                                *h < additions
                                    && h.to_string() != *i
                                    && locale.texts().get(&format!("{base}.{h}")).is_some()
                                    && locale
                                        .texts()
                                        .get(&format!("{base}.{h}.same_line_as"))
                                        .is_none()
                            });
                            if host.is_none() {
                                problems.push(format!(
                                    "{key}: `{value}` names no other addition with a line of its own"
                                ));
                            }
                            let other = if locale == Locale::En {
                                Locale::Ko
                            } else {
                                Locale::En
                            };
                            if other.texts().get(key) != Some(value) {
                                problems.push(format!("{key}: the two languages join differently"));
                            }
                        }
                    }
                }
                ("effect", [effect, offence]) => {
                    if !effects.iter().any(|e| e == effect) {
                        problems.push(format!("{key}: no link has the effect {effect}"));
                    }
                    if !OffenceKind::ALL.iter().any(|o| o.as_str() == *offence) {
                        problems.push(format!("{key}: {offence} is not an offence"));
                    }
                }
                _ => problems.push(format!("{key}: not a key the report looks up")),
            }
        }
    }
    assert!(checked > 20, "the test reads the keys ({checked})");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Under the international rule set, and any rule set of one's own, the Korean report speaks
/// of 인신매매 when it says what the level means; the Korean rule sets keep the term Korea's Act
/// defines, 인신매매등, at every level, in the report and in the prose; the tool's own name keeps
/// the statutory term for all (an international verdict review and a second read, thirty-second
/// session).
#[test]
fn the_korean_level_sentence_uses_the_rule_sets_own_term() {
    use trafficking_indicators::Level;
    let cases = [
        r#"{"subject": {"age_years": 30}}"#,
        r#"{"subject": {"age_years": 30}, "forms": ["labour"],
            "observations": [{"indicator": "excessive_working_days_or_hours", "status": "present"}]}"#,
        crate::common::FORCED_LABOUR_NON_NATIONAL,
    ];
    let own = trafficking_indicators::RuleSet::from_json(
        &std::fs::read_to_string(crate::common::root(
            "examples/rule_sets/strict_screening.json",
        ))
        .expect("the example rule set"),
    )
    .expect("valid");
    let own =
        trafficking_indicators::Assessor::new(own, trafficking_indicators::Catalogue::builtin())
            .expect("validated");
    let mut levels = std::collections::BTreeSet::new();
    for case in cases {
        let parsed = trafficking_indicators::Case::from_json(case).expect("valid");
        for (rule_set, statutory) in [
            ("ilo-2009", false),
            ("kr-2024", true),
            ("kr-2023", true),
            ("own", false),
        ] {
            let a = if rule_set == "own" {
                // The example rule set weighs only the ILO/EC lists: a case with a purpose fact
                // is not for it.
                match own.assess(&parsed) {
                    Ok(a) => a,
                    Err(_) => continue,
                }
            } else {
                crate::common::assess_json_under(rule_set, case)
            };
            levels.insert(a.level);
            let report = a.report_in(Locale::Ko);
            let sentence = report.lines().nth(4).unwrap_or_default().to_owned();
            let prose = a.with_prose(Locale::Ko).prose.level_sentence;
            for text in [&sentence, &prose] {
                assert_eq!(text.contains("인신매매등"), statutory, "{rule_set}: {text}");
            }
            assert!(
                report.starts_with("인신매매등 피해자 식별 평가"),
                "{rule_set}"
            );
        }
    }
    assert!(levels.contains(&Level::FurtherInquiry) && levels.contains(&Level::ReasonableGrounds));
}

/// The detained person's consulate line on the first screen says that a stateless person has no
/// consulate and that the authorities of a State the person fled or fears are never told (a
/// Rohingya girl and an Afghan boy in an international verdict review, thirty-second session:
/// the line said only that the consulate "must be told" of a child's need for a guardian).
#[test]
fn the_consulate_line_never_points_at_a_state_the_person_fled() {
    let a = crate::common::assess_json_under(
        "ilo-2009",
        r#"{"subject": {"age_years": 15, "national": false}, "forms": ["forced_marriage"],
            "measures": ["detention"],
            "observations": [{"indicator": "purpose_forced_marriage", "status": "present"}]}"#,
    );
    for (locale, words) in [
        (Locale::En, "A stateless person has no consulate to tell"),
        (Locale::Ko, "무국적자에게는 알릴 영사기관이 없음"),
    ] {
        let screen = crate::common::first_screen(&a.report_in(locale));
        assert!(screen.contains(words), "{locale:?}\n{screen}");
    }
}

/// Every data test case, too, keeps its first screen to 24 lines in both languages (the
/// thirty-second session's Korean re-check found a variant at 25: a foreign girl of 16 in
/// prostitution, detained and booked; the data cases were all within the limit then).
#[test]
fn every_data_case_keeps_its_first_screen_to_24_lines() {
    let mut checked = 0;
    for (name, assessor, case) in crate::common::assessable_data_cases() {
        let a = assessor.assess(&case).expect("assesses");
        for locale in Locale::ALL {
            let ask = locale.texts().get("report.heading.ask").expect("heading");
            let report = a.report_in(locale);
            let lines = report.lines().take_while(|l| *l != ask).count();
            assert!(lines <= 24, "{name} {locale:?}: {lines} lines");
        }
        checked += 1;
    }
    assert!(checked >= 280, "{checked}");
}

/// The report names what the case records as not known, to be asked again, whatever the
/// questions above it show (a page review, thirty-second session: a loaded case's unchecked
/// threats were named nowhere in the report); an answered "no" is not named there.
#[test]
fn the_report_names_what_is_recorded_as_not_known() {
    let a = crate::common::assess_json_under(
        "ilo-2009",
        r#"{"subject": {"age_years": 30}, "forms": ["labour"],
            "observations": [
              {"indicator": "threats_of_violence_at_destination", "status": "not_assessed", "note": "interpreter changed"},
              {"indicator": "violence_on_victim_at_destination", "status": "absent"},
              {"indicator": "excessive_working_days_or_hours", "status": "present"}]}"#,
    );
    let report = a.report_in(Locale::En);
    let line = report
        .lines()
        .find(|l| l.contains("Recorded as not known"))
        .expect("the line")
        .to_owned();
    assert!(
        line.contains("Threats of violence against victim"),
        "{line}"
    );
    assert!(!line.contains("Violence on victims"), "{line}");
    let none = crate::common::assess_json_under(
        "ilo-2009",
        r#"{"subject": {"age_years": 30}, "forms": ["labour"],
            "observations": [{"indicator": "excessive_working_days_or_hours", "status": "present"}]}"#,
    );
    assert!(!none.report().contains("Recorded as not known"));
}

/// A child in the sex trade is not named "in prostitution" by the report's type line: the
/// child is the victim of those who pay (the Terminology Guidelines' usage; Korea's Youth Sex
/// Offences Act Art. 2 item 6-2, "성매매 피해아동ㆍ청소년", in the Korean rule sets' own term
/// for a person under 19). An adult's line is unchanged (an international verdict review,
/// thirty-fifth session).
#[test]
fn a_child_in_the_sex_trade_is_named_a_victim_not_in_prostitution() {
    let case = |age: u8| {
        format!(
            r#"{{"subject": {{"age_years": {age}}}, "forms": ["sexual"],
                "sexual_exploitation_types": ["prostitution"],
                "observations": [{{"indicator": "purpose_sexual_exploitation", "status": "present"}}]}}"#
        )
    };
    let type_line = |report: &str| {
        report
            .lines()
            .find(|l| l.contains("Type of sexual exploitation") || l.contains("성적 착취의 형태"))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no type line:\n{report}"))
    };
    let child = crate::common::assess_json_under("ilo-2009", &case(14));
    let en = type_line(&child.report_in(Locale::En));
    assert!(
        en.contains("people paying to abuse the child sexually"),
        "{en}"
    );
    assert!(!en.contains("prostitution: sex with clients"), "{en}");
    let ko =
        type_line(&crate::common::assess_json_under("kr-2024", &case(17)).report_in(Locale::Ko));
    assert!(
        ko.contains("아동ㆍ청소년의 성을 사는 행위의 상대방"),
        "{ko}"
    );
    let adult = crate::common::assess_json_under("ilo-2009", &case(30));
    let en = type_line(&adult.report_in(Locale::En));
    assert!(en.contains("prostitution: sex with clients"), "{en}");
}

/// Under the international rules a person is not removed against their wishes while
/// identification goes on, and a return they ask for stays open (Palermo Art. 8(2)): the
/// protection line says so as the stay line does (an international verdict review,
/// thirty-fifth session, on a man who asked to go home). The Korean rule sets keep their own
/// wording.
#[test]
fn the_international_protection_line_removes_no_one_against_their_wishes() {
    let case = r#"{"subject": {"age_years": 41, "national": false},
        "observations": [
          {"indicator": "confiscation_of_documents_at_destination", "status": "present"},
          {"indicator": "withholding_of_wages", "status": "present"}],
        "offences": [{"kind": "irregular_stay", "stage": "suspected"},
                     {"kind": "begging", "stage": "charged"}]}"#;
    let ilo = crate::common::assess_json_under("ilo-2009", case).report_in(Locale::En);
    assert!(
        ilo.contains("do not charge, detain, remove against their wishes or refuse entry"),
        "{ilo}"
    );
    assert!(
        ilo.contains("Nor detain, remove against their wishes or refuse entry on the grounds of what is already charged"),
        "{ilo}"
    );
    let ko = crate::common::assess_json_under("ilo-2009", case).report_in(Locale::Ko);
    assert!(ko.contains("본인의 뜻에 반하여 추방하지 말 것"), "{ko}");
    let kr = crate::common::assess_json_under("kr-2024", case).report_in(Locale::En);
    assert!(!kr.contains("against their wishes or refuse entry"), "{kr}");
    // A child's return waits for child protection, whatever the child wishes.
    let child = case.replace(r#""age_years": 41"#, r#""age_years": 15"#);
    for locale in [Locale::En, Locale::Ko] {
        let report = crate::common::assess_json_under("ilo-2009", &child).report_in(locale);
        assert!(
            !report.contains("against their wishes") && !report.contains("본인의 뜻에 반하여"),
            "{report}"
        );
        assert!(
            report.contains("do not charge, detain, remove or refuse entry")
                || report.contains("입건ㆍ구금ㆍ강제퇴거ㆍ입국 불허를 하지 말 것"),
            "{report}"
        );
    }
}
