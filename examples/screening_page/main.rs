//! A screening page for the front line: local, offline, in Korean and English.
//!
//! ```text
//! cargo run --release --example screening_page
//! cargo run --release --example screening_page -- --listen 127.0.0.1:0
//! ```
//!
//! Serves one page on 127.0.0.1 (another address only with `--listen`, with a warning), with
//! all its HTML, CSS and JavaScript embedded in the binary: no CDN, no web fonts, no request
//! leaves the machine. The page holds the case; the server stores and logs nothing about it.
//!
//! JSON endpoints over the library:
//! - `GET /api/catalogue?lang=ko&rule_set=kr-2024`: the indicators and the page's words;
//! - `POST /api/assess?lang=ko&rule_set=kr-2024` with a case: the assessment, its prose and
//!   the text report;
//! - `POST /api/interview?lang=ko&rule_set=kr-2024` with `{"case": ..., "answer": ...}`: the
//!   case with the answer recorded and the next question.
//!
//! Hostile input: one request per connection, read under a 20-second deadline, a connection
//! per thread and at most 32 at once, the answer written within 20 seconds (`http.rs`); bodies
//! over 1 MiB are refused, read and thrown away in pieces only up to a declared 16 MiB, and
//! never drained into a buffer of their declared size; a `Host` other than the listening address
//! is refused (DNS rebinding); the API takes and gives JSON only, with the library's own
//! errors (no value is echoed; a case error that begins with its JSON path also gives the
//! path, `"path"`, which the page names in words); a Content-Security-Policy allows only the
//! page's own files; there is no CORS.

use std::io::Write;
use std::process::ExitCode;

// Of the examples' shared helpers, the page uses `Options` and `unknown_argument` (its
// command line speaks English, as the `ctdc` example's does).
#[allow(dead_code, unused_macros)]
#[path = "../common/mod.rs"]
mod common;
mod http;

use http::{BodyError, Request, Response};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use trafficking_indicators::case::SexualExploitationType;
use trafficking_indicators::interview::{Interview, InterviewError, NextQuestion, Reply, Topic};
use trafficking_indicators::render::{Locale, Prose};
use trafficking_indicators::{
    Assessment, Assessor, Case, Catalogue, EvidenceSource, ExploitationForm, RuleSet,
};

const INDEX: &str = include_str!("index.html");
const APP_JS: &str = include_str!("app.js");
const APP_CSS: &str = include_str!("app.css");

/// The largest request body the server reads.
const MAX_BODY: usize = 1 << 20;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The headers of every answer, beside its type and length.
const HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    ("X-Frame-Options", "DENY"),
];

fn respond(status: u16, content_type: &'static str, body: String) -> Response {
    Response {
        status,
        content_type,
        headers: HEADERS,
        body: body.into_bytes(),
    }
}

fn json_response(status: u16, value: &Value) -> Response {
    respond(status, "application/json; charset=utf-8", value.to_string())
}

/// An error answer. What an officer can meet is in the page's language (`page.error.*`,
/// `page.invalid_*`, the case's errors); the messages only a broken client can cause (a
/// request that is not JSON, an unknown reply) are for the integrator, in English.
fn error(status: u16, message: &str) -> Response {
    json_response(status, &json!({ "error": message }))
}

/// Why a case or an answer was refused: the message in the page's language and, where it
/// begins with the JSON path of a case error (`$.observations[1].note: ...`), that path. The
/// page names a path it knows in words (`page.field.*`); other clients keep the path.
struct Refusal {
    message: String,
    path: Option<String>,
}

impl From<String> for Refusal {
    fn from(message: String) -> Self {
        Refusal {
            message,
            path: None,
        }
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Self {
        message.to_owned().into()
    }
}

impl Refusal {
    /// A case error in `lang`, with its path when the message begins with it.
    fn case(e: &trafficking_indicators::CaseError, lang: Locale) -> Self {
        let message = e.message_in(lang);
        let path = e
            .path()
            .filter(|p| message.starts_with(&format!("{p}: ")))
            .map(str::to_owned);
        Refusal { message, path }
    }

    /// An interview error in `lang`: a case error's path as above.
    fn interview(e: &InterviewError, lang: Locale) -> Self {
        match e {
            InterviewError::Case(c) => Refusal::case(c, lang),
            other => other.message_in(lang).into(),
        }
    }

    fn response(self) -> Response {
        let mut body = json!({ "error": self.message });
        if let (Some(path), Some(map)) = (self.path, body.as_object_mut()) {
            map.insert("path".to_owned(), Value::String(path));
        }
        json_response(422, &body)
    }
}

/// The query parameters the API knows: `lang` (`en` or `ko`) and `rule_set` (a built-in rule
/// set). Any other parameter, or a value it does not know, is refused rather than replaced by
/// the default: an integrator's typo (`rule_set=kr2024`, `lang=kr`, `rule-set=...`) must not
/// give an assessment under another law or in another language. A parameter given twice is
/// refused too (`rule_set=kr-2024&rule_set=ilo-2009` must not quietly mean the last). The
/// refusal names the parameter, never the value sent (a broken client's error: in English).
fn params(url: &str) -> Result<(Locale, String), String> {
    let mut lang = None;
    let mut rule_set = None;
    let Some((_, query)) = url.split_once('?') else {
        return Ok((
            Locale::En,
            trafficking_indicators::DEFAULT_RULE_SET.to_owned(),
        ));
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("lang", _)) if lang.is_some() => return Err("`lang` is given twice".into()),
            Some(("rule_set", _)) if rule_set.is_some() => {
                return Err("`rule_set` is given twice".into());
            }
            Some(("lang", v)) => {
                lang = Some(Locale::from_tag(v).ok_or("`lang` takes `en` or `ko`")?);
            }
            Some(("rule_set", v)) if RuleSet::builtin(v).is_ok() => rule_set = Some(v.to_owned()),
            Some(("rule_set", _)) => {
                let ids: Vec<String> = RuleSet::builtin_ids().map(|id| format!("`{id}`")).collect();
                return Err(format!("`rule_set` takes one of {}", ids.join(", ")));
            }
            _ => {
                return Err("the API takes the query parameters `lang` and `rule_set` only".into());
            }
        }
    }
    // Korean without a rule set means Korean law (`kr-2024`), as in the page's menu and on the
    // command line.
    let lang = lang.unwrap_or(Locale::En);
    Ok((
        lang,
        rule_set.unwrap_or_else(|| common::default_rule_set(lang).to_owned()),
    ))
}

/// The words of the page and the vocabulary it shows, in a language.
fn words(lang: Locale) -> Value {
    let mut out = serde_json::Map::new();
    let prefixes = [
        "page.",
        "level.",
        "dimension.",
        "form.",
        "sexual_type.",
        "sector.",
        "measure.",
        "offence.",
        "stage.",
        "condition.",
        "interview.",
        "element.",
        "strength.",
        "source.",
        // The report's headings, which the page sets in bold.
        "report.heading.",
    ];
    for (key, text) in &Locale::En.texts().texts {
        if prefixes.iter().any(|p| key.starts_with(p)) {
            let text = lang.word(key).unwrap_or(text);
            out.insert(key.clone(), Value::String(text.to_owned()));
        }
    }
    Value::Object(out)
}

fn catalogue(lang: Locale, rule_set: &str) -> Value {
    let Ok(rules) = RuleSet::builtin(rule_set) else {
        return json!({});
    };
    let catalogue = Catalogue::builtin();
    let entries: Vec<Value> = catalogue
        .entries()
        .iter()
        .filter(|e| rules.lists.iter().any(|l| e.in_list(l)))
        .map(|e| {
            let e = lang.entry(e);
            json!({
                "id": e.id,
                // Wordings of one concept in one dimension count once: the checklist says so.
                "concept": e.concept,
                "dimension": e.dimension,
                "element": e.element,
                "label": e.label,
                "question": e.question,
                "appearance": e.appearance,
            })
        })
        .collect();
    json!({
        "rule_sets": RuleSet::builtin_ids().collect::<Vec<_>>(),
        "entries": entries,
        "forms": ExploitationForm::ALL,
        "sexual_exploitation_types": trafficking_indicators::case::SexualExploitationType::ALL,
        "sectors": trafficking_indicators::case::Sector::ALL,
        "measures": trafficking_indicators::case::Measure::ALL,
        // The measures a national never faces (the library refuses a case recording one for
        // a national): the page does not offer them together.
        "measures_not_for_nationals": trafficking_indicators::case::Measure::ALL
            .iter()
            .filter(|m| !m.applies_to_nationals())
            .collect::<Vec<_>>(),
        "offences": trafficking_indicators::OffenceKind::ALL,
        "conditions": trafficking_indicators::case::InterviewCondition::ALL,
        "words": words(lang),
    })
}

fn read_body(request: &mut Request) -> Result<String, (u16, &'static str)> {
    let body = request.body(MAX_BODY).map_err(|e| match e {
        BodyError::TooLarge => (413, "the request is larger than 1 MiB"),
        BodyError::Unreadable(why) => (400, why),
    })?;
    String::from_utf8(body).map_err(|_| (400, "the request body is not UTF-8"))
}

/// What `/api/assess` answers. Serialized as it is, not through a `Value` (whose map sorts
/// keys): the assessment keeps the field order of its schema and of `assess --format json`,
/// `schema_version` first.
#[derive(serde::Serialize)]
struct Assessed<'a> {
    assessment: &'a Assessment,
    prose: Prose,
    report: String,
}

fn assess(lang: Locale, rule_set: &str, body: &str) -> Result<String, Refusal> {
    let assessor = Assessor::builtin(rule_set).map_err(|e| e.to_string())?;
    // What the officer reads is in the page's language: the case's errors too.
    let case = Case::from_json(body).map_err(|e| Refusal::case(&e, lang))?;
    let a = assessor
        .assess(&case)
        .map_err(|e| Refusal::case(&e, lang))?;
    let answer = Assessed {
        assessment: &a,
        prose: a.prose(lang),
        report: a.report_in(lang),
    };
    serde_json::to_string(&answer).map_err(|e| e.to_string().into())
}

fn question(interview: &Interview<'_>, q: &NextQuestion, lang: Locale) -> Value {
    let kind = q.topic.kind();
    let id = match &q.topic {
        Topic::Safety(s) => Some(s.as_str().to_owned()),
        Topic::Indicator(id) => Some(id.to_string()),
        _ => None,
    };
    // The opening questions in the page's own words (the terminal's words tell the officer
    // to type numbers or "?", which the page does not use).
    // A child is asked the year of birth in a child's words, and the type of sexual
    // exploitation is recorded from the referral or documents, not asked of the child.
    let page_words = match kind {
        "birth_year" | "sexual_exploitation_types" if interview.speaks_to_child() => lang
            .word(&format!("page.question.{kind}.child"))
            .or_else(|| lang.word(&format!("page.question.{kind}"))),
        "age" | "birth_year" | "forms" | "sexual_exploitation_types" => {
            lang.word(&format!("page.question.{kind}"))
        }
        _ => None,
    };
    let text = match page_words {
        Some(words) => words.to_owned(),
        None => interview.question_text(q, lang),
    };
    json!({
        "number": q.number,
        "kind": kind,
        "id": id,
        "text": text,
        "yes_means": interview.yes_means(q, lang),
        "lead": q.lead,
        "dimension": q.dimension,
        "level_if_yes": q.level_if_yes,
    })
}

/// A JSON object's members in the order sent, each value as the text the client sent: a key
/// sent twice is seen (a map would keep one of the two without a word), and the case inside
/// a request reaches the case reader as it was sent, to be read as `/api/assess` reads it.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, &'de RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// The members of the JSON object `raw` (`what` names it in messages), each key one of
/// `known`, none twice; an integrator's error (in English) otherwise, never quoting a value.
/// A key that is not one of `known` is not shown either, though it be a snake_case token (a
/// token can be a name, `maria_kim`), as the case reader does not show it; a key given twice
/// is one of `known`, and named.
fn members<'a>(raw: &'a str, what: &str, known: &[&'static str]) -> Result<Members<'a>, String> {
    let Ok(members) = serde_json::from_str::<Members<'a>>(raw) else {
        return Err(format!("{what} is not a JSON object"));
    };
    for (i, (key, _)) in members.0.iter().enumerate() {
        let Some(name) = known.iter().find(|k| **k == key.as_str()) else {
            let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            return Err(format!(
                "{what} has an unknown key, not shown (its keys: {})",
                known.join(", ")
            ));
        };
        if members.0.iter().take(i).any(|(k, _)| k == key) {
            return Err(format!("{what} has the key `{name}` twice"));
        }
    }
    Ok(members)
}

impl<'a> Members<'a> {
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// A member's value as `T`, or `message` (which names the key; serde's own message could
/// quote the value, so it is never passed on).
fn value<'a, T: Deserialize<'a>>(raw: &'a RawValue, message: &str) -> Result<T, String> {
    serde_json::from_str(raw.get()).map_err(|_| message.to_owned())
}

/// A list answer (the forms, the types of sexual exploitation): each value at most once, a
/// value named twice refused rather than read as once.
fn list<'a, T: Deserialize<'a> + PartialEq>(
    raw: &'a RawValue,
    message: &str,
    twice: &str,
) -> Result<Vec<T>, String> {
    let values: Vec<T> = value(raw, message)?;
    if values
        .iter()
        .enumerate()
        .any(|(i, v)| values.iter().take(i).any(|u| u == v))
    {
        return Err(twice.to_owned());
    }
    Ok(values)
}

/// The body of `/api/interview`: `{"case": ..., "answer": ...}`, both required (`answer` is
/// `null` to ask for the next question only).
const BODY_KEYS: &[&str] = &["case", "answer"];

/// The keys of an answer: exactly one answer kind, with `question`, and, with `reply` only,
/// `source` and `note`.
const ANSWER_KEYS: &[&str] = &[
    "reply",
    "age",
    "birth_year",
    "forms",
    "sexual_exploitation_types",
    "skip",
    "question",
    "source",
    "note",
];
const ANSWER_KINDS: &[&str] = &[
    "reply",
    "age",
    "birth_year",
    "forms",
    "sexual_exploitation_types",
    "skip",
];

/// The answer kinds as a refusal names them: "reply, age, ... or skip" (from `ANSWER_KINDS`,
/// so a kind added there is named in every refusal).
fn answer_kinds_words() -> String {
    match ANSWER_KINDS.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The question an answer names: `{"number": 7, "id": "..."}` (`id` null for a question
/// without one).
fn asked_question(raw: &RawValue) -> Result<(u64, Option<String>), String> {
    let question = members(raw.get(), "`question`", &["number", "id"])?;
    let number = question.get("number").ok_or("`question` has no `number`")?;
    let number: u64 = value(number, "`question.number` is a whole number")?;
    let id = question
        .get("id")
        .ok_or("`question` has no `id` (null for a question without one)")?;
    let id: Option<String> = value(id, "`question.id` is a string or null")?;
    Ok((number, id))
}

fn interview(lang: Locale, rule_set: &str, body: &str) -> Result<String, Refusal> {
    // A leading byte-order mark is skipped, as the assessment's case reader skips it.
    let body = body.trim_start_matches('\u{feff}');
    let assessor = Assessor::builtin(rule_set).map_err(|e| e.to_string())?;
    let request = members(body, "the request", BODY_KEYS).map_err(|e| {
        // Whether it is JSON at all is asked only of a request refused (a second reading).
        if serde_json::from_str::<serde::de::IgnoredAny>(body).is_err() {
            "the request is not JSON".to_owned()
        } else {
            e
        }
    })?;
    let case_json = request.get("case").ok_or("the request has no `case`")?;
    let answer = request
        .get("answer")
        .ok_or("the request has no `answer` (null for none)")?;
    // The case as the client sent it: the case reader sees every key, a key sent twice too.
    let case = Case::from_json(case_json.get()).map_err(|e| Refusal::case(&e, lang))?;
    let mut iv = Interview::new(assessor, case).map_err(|e| Refusal::case(&e, lang))?;
    let answer = if answer.get() == "null" {
        None
    } else {
        Some(members(answer.get(), "`answer`", ANSWER_KEYS)?)
    };
    let Some(answer) = answer else {
        return interview_result(&iv, lang);
    };
    let kinds: Vec<&str> = answer
        .0
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| ANSWER_KINDS.contains(k))
        .collect();
    let kind = match kinds.as_slice() {
        [one] => *one,
        [] => return Err(format!("`answer` is one of {}", answer_kinds_words()).into()),
        [first, second, ..] => {
            return Err(format!(
                "`answer` has more than one answer (`{first}` and `{second}`): it takes one of {}",
                answer_kinds_words()
            )
            .into());
        }
    };
    for key in ["source", "note"] {
        if kind != "reply" && answer.get(key).is_some() {
            return Err(format!("`{key}` goes with `reply` only, not with `{kind}`").into());
        }
    }
    // An answer names the question it answers (its number, and its indicator where it has
    // one): an answer to a question the officer no longer sees is refused, never recorded
    // against the next one.
    if let Some(asked) = answer.get("question") {
        let asked = asked_question(asked)?;
        let next = iv.next();
        let shown = next.as_ref().map(|q| {
            let id = match &q.topic {
                Topic::Indicator(id) => Some(id.to_string()),
                Topic::Safety(s) => Some(s.as_str().to_owned()),
                _ => None,
            };
            (u64::from(q.number), id)
        });
        // The two list questions have no id and may take the same number (the forms asked
        // again after the type): a list answer must also be of the question's own kind.
        let list_of_another_kind = matches!(kind, "forms" | "sexual_exploitation_types")
            && next.as_ref().is_some_and(|q| q.topic.kind() != kind);
        if shown != Some(asked) || list_of_another_kind {
            return Err(lang
                .word_or_key("page.error.question_changed")
                .to_owned()
                .into());
        }
    }
    let Some(raw) = answer.get(kind) else {
        return Err(format!("`answer` is one of {}", answer_kinds_words()).into());
    };
    let done = match kind {
        "reply" => {
            let reply: String = value(raw, "`reply` is one of `yes`, `no`, `not_known`")?;
            let reply = match reply.as_str() {
                "yes" => Reply::Yes,
                "no" => Reply::No,
                "not_known" => Reply::NotKnown,
                _ => return Err("`reply` is one of `yes`, `no`, `not_known`".into()),
            };
            let note: Option<String> = match answer.get("note") {
                Some(raw) => value(raw, "`note` is a string or null")?,
                None => None,
            };
            // How the answer is known (a passport found in the safe is seen, not said): for
            // an indicator, recorded with the answer; without it (or null), the person's own
            // answer.
            let source: Option<EvidenceSource> = match answer.get("source") {
                Some(raw) => value(
                    raw,
                    "`source` is one of `self_report`, `document`, `direct_observation`, `third_party`, or null",
                )?,
                None => None,
            };
            match source {
                None => iv.reply(reply, note.as_deref()),
                Some(source) => iv.reply_from(reply, source, note.as_deref()),
            }
        }
        "age" => match value::<Option<u64>>(raw, lang.word_or_key("page.invalid_age"))? {
            None => iv.answer_age(None),
            Some(n) => match u8::try_from(n).ok().filter(|n| *n <= 130) {
                Some(n) => iv.answer_age(Some(n)),
                // The page checks this before it sends; another client gets the same
                // words, in the page's language.
                None => return Err(lang.word_or_key("page.invalid_age").to_owned().into()),
            },
        },
        "birth_year" => {
            match value::<Option<u64>>(raw, lang.word_or_key("page.invalid_birth_year"))? {
                None => iv.answer_birth_year(None),
                Some(n) => match u16::try_from(n).ok().filter(|n| (1900..=2100).contains(n)) {
                    Some(n) => iv.answer_birth_year(Some(n)),
                    None => {
                        return Err(lang
                            .word_or_key("page.invalid_birth_year")
                            .to_owned()
                            .into());
                    }
                },
            }
        }
        "forms" => {
            let forms: Vec<ExploitationForm> = list(
                raw,
                "`forms` is a list of forms of exploitation",
                "`forms` names a form twice",
            )?;
            iv.answer_forms(&forms)
        }
        "sexual_exploitation_types" => {
            let types: Vec<SexualExploitationType> = list(
                raw,
                "`sexual_exploitation_types` is a list of types of sexual exploitation",
                "`sexual_exploitation_types` names a type twice",
            )?;
            iv.answer_sexual_exploitation_types(&types)
        }
        _ => {
            // `skip` is `true`: `false` (or anything else) is not a skip, and is refused
            // rather than read as one.
            if !value::<bool>(raw, "`skip` takes `true` only")? {
                return Err("`skip` takes `true` only".into());
            }
            iv.skip()
        }
    };
    done.map_err(|e| Refusal::interview(&e, lang))?;
    interview_result(&iv, lang)
}

/// What `/api/interview` answers: the case with the answer recorded (in the case format's
/// own field order, as the terminal interview saves it), the next question, and whether the
/// interview can end.
#[derive(serde::Serialize)]
struct Interviewed<'a> {
    case: &'a Case,
    next: Option<Value>,
    finished: Option<String>,
}

fn interview_result(iv: &Interview<'_>, lang: Locale) -> Result<String, Refusal> {
    let answer = Interviewed {
        case: iv.case(),
        next: iv.next().map(|q| question(iv, &q, lang)),
        // The reason's id (`level_cannot_change`), never a Rust name that a rename would change.
        finished: iv.finished().map(|r| r.as_str().to_owned()),
    };
    serde_json::to_string(&answer).map_err(|e| e.to_string().into())
}

/// Whether the request's `Host` header names the address the server listens on.
fn host_ok(request: &Request, allowed: &[String]) -> bool {
    let hosts: Vec<&str> = request.header_values("Host").collect();
    matches!(hosts.as_slice(), [one] if allowed.iter().any(|a| a.eq_ignore_ascii_case(one)))
}

fn handle(request: &mut Request, allowed: &[String]) -> Response {
    if !host_ok(request, allowed) {
        return error(421, "this server answers only to its own address");
    }
    let url = request.target().to_owned();
    let path = url.split('?').next().unwrap_or("");
    let (lang, rule_set) = match params(&url) {
        Ok(p) => p,
        Err(message) if path.starts_with("/api/") => return error(400, &message),
        // The page and its files take no parameters and ignore any.
        Err(_) => (
            Locale::En,
            trafficking_indicators::DEFAULT_RULE_SET.to_owned(),
        ),
    };
    match (request.method(), path) {
        ("GET", "/") => respond(200, "text/html; charset=utf-8", INDEX.to_owned()),
        ("GET", "/app.js") => respond(200, "text/javascript; charset=utf-8", APP_JS.to_owned()),
        ("GET", "/app.css") => respond(200, "text/css; charset=utf-8", APP_CSS.to_owned()),
        ("GET", "/api/catalogue") => json_response(200, &catalogue(lang, &rule_set)),
        ("POST", "/api/assess" | "/api/interview") => {
            // The media type, before any parameter, compared without case (RFC 9110 8.3.1).
            let json_type = request.header_values("Content-Type").any(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
            });
            if !json_type {
                return error(415, "the API takes application/json");
            }
            let body = match read_body(request) {
                Ok(b) => b,
                // A file too large to be a case is something an officer can meet (loading
                // the wrong file): said in the page's language.
                Err((413, _)) => return error(413, lang.word_or_key("page.error.too_large")),
                Err((status, message)) => return error(status, message),
            };
            let result = if path == "/api/assess" {
                assess(lang, &rule_set, &body)
            } else {
                interview(lang, &rule_set, &body)
            };
            match result {
                Ok(text) => respond(200, "application/json; charset=utf-8", text),
                Err(refusal) => refusal.response(),
            }
        }
        (_, "/" | "/app.js" | "/app.css" | "/api/catalogue" | "/api/assess" | "/api/interview") => {
            error(405, "method not allowed")
        }
        _ => error(404, "not found"),
    }
}

/// Refuses an unspecified listening address (exit status 2), saying why.
fn refuse_unspecified() -> ExitCode {
    eprintln!(
        "screening_page: give the address others will use, such as 192.168.1.5:7878, not an unspecified one: the server answers only requests that name its address"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut listen = "127.0.0.1:7878".to_owned();
    let mut given = common::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => match args.next() {
                Some(a) => {
                    // Given twice, it is a mistake, never a silent choice of the last address.
                    if let Err(e) = given.once("--listen", Locale::En) {
                        eprintln!("screening_page: {e}");
                        return ExitCode::from(2);
                    }
                    listen = a;
                }
                None => {
                    eprintln!("screening_page: --listen takes an address such as 127.0.0.1:7878");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                // A reader that closed the pipe early no longer wants it: not an error.
                let _ = writeln!(
                    std::io::stdout(),
                    "screening_page [--listen ADDRESS:PORT]   (default 127.0.0.1:7878)"
                );
                return ExitCode::SUCCESS;
            }
            // An option is named up to any `=`; any other argument is not repeated.
            other => {
                let e = common::unknown_argument(other, Locale::En);
                eprintln!("screening_page: {e}");
                return ExitCode::from(2);
            }
        }
    }
    // An unspecified address written as one is refused before binding, so that the reason is
    // given even where the port is taken; any other way of writing one is caught once bound.
    if listen
        .parse::<std::net::SocketAddr>()
        .is_ok_and(|a| a.ip().to_canonical().is_unspecified())
    {
        return refuse_unspecified();
    }
    let listener = match std::net::TcpListener::bind(listen.as_str()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("screening_page: cannot listen on {listen}: {e}");
            return ExitCode::from(1);
        }
    };
    let Ok(addr) = listener.local_addr() else {
        eprintln!("screening_page: not an IP address");
        return ExitCode::from(1);
    };
    // The server answers only requests that name the address it listens on (against DNS
    // rebinding). On 0.0.0.0 or :: it would listen on every interface, and a request naming
    // that address would be answered from anywhere. Checked on the address bound too, not
    // only on the text given: `0:7878` is 0.0.0.0, and `[::ffff:0.0.0.0]:7878` is :: (a
    // privacy audit and a review, thirty-ninth session).
    // The address as IPv4 where it is an IPv4-mapped one (`::ffff:127.0.0.1` is loopback).
    let ip = addr.ip().to_canonical();
    if ip.is_unspecified() {
        drop(listener);
        return refuse_unspecified();
    }
    if !ip.is_loopback() {
        eprintln!(
            "screening_page: WARNING: listening on {addr}, reachable from other machines. Case data is about real people: use 127.0.0.1 unless you know why not."
        );
    }
    let mut allowed = vec![addr.to_string()];
    if ip.is_loopback() {
        allowed.push(format!("localhost:{}", addr.port()));
    }
    // A browser leaves the default port out of the Host header.
    if addr.port() == 80 {
        let host = match addr.ip() {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        };
        allowed.push(host);
        if ip.is_loopback() {
            allowed.push("localhost".to_owned());
        }
    }
    println!("http://{addr}/");
    // The tests read the address from a pipe: send it now, not when the buffer fills.
    let _ = std::io::stdout().flush();
    http::serve(listener, HEADERS, move |request| handle(request, &allowed));
    ExitCode::SUCCESS
}
