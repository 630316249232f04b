//! Words in the reader's language: every text a person reads, as data, one file per language.
//!
//! `data/locales/en.json` holds the English of the report, the notices and the vocabulary
//! (levels, dimensions, offences, ...); the English of the catalogue, the rule sets and the
//! contact directory stays in those files. `data/locales/ko.json` holds the Korean of all of
//! them, keyed by id:
//!
//! - `indicator.<id>.label`, `.description`, `.question`, `.question_child`: catalogue entries;
//! - `rules.<namespace>.…`: a rule set's texts (`criterion.<id>`, `clause.<id>`,
//!   `recommendation.<kind>`, `….addition.<n>`, `….rationale`, `non_punishment`,
//!   `non_punishment.child`, `non_punishment.link.<offence>`, `notice.<kind>`), where the
//!   namespace is the rule set's `text_namespace` (`ilo`, `kr`) or its id;
//! - `reference.<id>`: the titles of the documents rule sets cite;
//! - `contact.<id>.reach`, `.purpose`: the contact directory;
//! - everything else (`level.*`, `dimension.*`, `report.*`, `notice.*`, ...): the words of the
//!   report.
//!
//! Korean texts are the project's translation, not official wording; the file says so. A
//! text missing from a locale falls back to English, and a test fails when any key lacks
//! Korean. Templates take named values in braces (`{count}`); a test checks that every
//! translation uses the same names as the English.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The built-in locale files.
const EN: &str = include_str!("../../data/locales/en.json");
const KO: &str = include_str!("../../data/locales/ko.json");

/// A language the crate can write in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Korean (the project's translation, not official wording).
    Ko,
}

impl Locale {
    /// Every locale.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ko];

    /// The language tag, `en` or `ko`.
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
        }
    }

    /// The locale for a tag (`en`, `ko`, also `en-GB`, `ko-KR`), if there is one.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The locale's texts.
    pub fn texts(self) -> &'static LocaleTexts {
        static EN_TEXTS: OnceLock<LocaleTexts> = OnceLock::new();
        static KO_TEXTS: OnceLock<LocaleTexts> = OnceLock::new();
        let (cell, text) = match self {
            Locale::En => (&EN_TEXTS, EN),
            Locale::Ko => (&KO_TEXTS, KO),
        };
        // The built-in files are read once, without the strict reader's second pass: a unit
        // test reads them strictly (no key twice), so start-up need not.
        cell.get_or_init(|| serde_json::from_str(text).unwrap_or_default())
    }
}

/// The texts of one locale file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleTexts {
    /// The file format version (1).
    pub format_version: u32,
    /// The language tag.
    pub locale: String,
    /// Who wrote the texts and what they are (for Korean: the project's translation, not an
    /// official wording).
    pub translation: String,
    /// The texts, by key.
    pub texts: BTreeMap<String, String>,
}

impl LocaleTexts {
    /// Parses a locale file, strictly: a key given twice (a text a translator wrote twice,
    /// of which serde would keep the last without a word) is an error naming its place, as
    /// is a file larger than the rule set size limit.
    pub fn from_json(text: &str) -> Result<LocaleTexts, serde_json::Error> {
        use crate::model::json::{DocumentProblem, read_document};
        use serde::de::Error as _;
        let limit = crate::model::limits::Limits::default().max_rule_set_bytes;
        read_document(text, limit).map_err(|p| match p {
            DocumentProblem::TooLarge { bytes, limit } => serde_json::Error::custom(format!(
                "the locale file has {bytes} bytes, more than the limit of {limit}"
            )),
            DocumentProblem::Duplicate(problem) => serde_json::Error::custom(problem),
            DocumentProblem::Parse {
                message,
                line,
                column,
            } => serde_json::Error::custom(format!("{message} at line {line} column {column}")),
        })
    }

    /// The text for a key, if the locale has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }
}

/// The locale key of the sentence that says what a level means.
pub(crate) const fn level_sentence_key(level: crate::model::vocabulary::Level) -> &'static str {
    use crate::model::vocabulary::Level;
    match level {
        Level::NoIndicators => "level.no_indicators.sentence",
        Level::FurtherInquiry => "level.further_inquiry.sentence",
        Level::ReasonableGrounds => "level.reasonable_grounds.sentence",
        Level::DefinitionMet => "level.definition_met.sentence",
    }
}

/// The words to use of a text that has an adult's and a child's wording: the child's only
/// where `child` is set, and the language before the register (the locale's adult wording
/// before the English child's). Each pair is `[child's, adult's]`, the locale's first. The
/// interview's opening questions and every indicator question choose here.
pub(crate) fn in_register<'t>(
    child: bool,
    [local_child, local_adult]: [Option<&'t str>; 2],
    [english_child, english_adult]: [Option<&'t str>; 2],
) -> Option<&'t str> {
    let for_child = |text: Option<&'t str>| text.filter(|_| child);
    for_child(local_child)
        .or(local_adult)
        .or(for_child(english_child))
        .or(english_adult)
}

impl Locale {
    /// An indicator entry with its label, description and question in this locale, where the
    /// locale has them (English: the entry as it is).
    pub fn entry(
        self,
        entry: &crate::model::indicator::IndicatorEntry,
    ) -> crate::model::indicator::IndicatorEntry {
        let mut out = entry.clone();
        if self == Locale::En {
            return out;
        }
        let texts = self.texts();
        let id = entry.id.as_str();
        if let Some(label) = texts.get(&format!("indicator.{id}.label")) {
            label.clone_into(&mut out.label);
        }
        if let Some(description) = texts.get(&format!("indicator.{id}.description")) {
            description.clone_into(&mut out.description);
        }
        if let Some(question) = texts.get(&format!("indicator.{id}.question")) {
            out.question = Some(question.to_owned());
            // The language matters more than the register: without a child's wording in this
            // locale, the child is asked the locale's adult question, not the English child's.
            out.question_child = None;
        }
        if let Some(question) = texts.get(&format!("indicator.{id}.question_child")) {
            out.question_child = Some(question.to_owned());
        }
        out
    }

    /// The level in one sentence, in this language (`level.<level>.sentence` in the locale
    /// file): the shared wording, as the report's first screen says it unless the rule set's
    /// namespace words it in its own law's terms (`rules.<namespace>.level.<level>.sentence`:
    /// the Korean rule sets say 인신매매등, the term Korea's Act defines, where the shared Korean
    /// says 인신매매), or says more of the case (no indicators with only the person's own
    /// circumstances recorded has a sentence of its own).
    ///
    /// ```
    /// use trafficking_indicators::Level;
    /// use trafficking_indicators::render::Locale;
    ///
    /// assert!(Locale::En.level_sentence(Level::ReasonableGrounds).contains("reasonable grounds"));
    /// assert!(Locale::Ko.level_sentence(Level::ReasonableGrounds).contains("상당한 이유"));
    /// ```
    pub fn level_sentence(self, level: crate::model::vocabulary::Level) -> &'static str {
        self.word(level_sentence_key(level)).unwrap_or_default()
    }

    /// A word of the vocabulary (`dimension.coercion_at_destination`, `level.further_inquiry`,
    /// ...) in this locale, falling back to English.
    pub fn word(self, key: &str) -> Option<&'static str> {
        self.texts()
            .get(key)
            .or_else(|| Locale::En.texts().get(key))
    }

    /// [`word`](Self::word), or the key itself where no locale has it: a missing text shows
    /// as its key (which a reader reports and the page's tests catch), never as nothing.
    pub fn word_or_key(self, key: &str) -> &str {
        self.word(key).unwrap_or(key)
    }
}

/// Fills the named values of a template: `{name}` becomes the value. Names not given stay as
/// they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or("");
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(after.get(..=close).unwrap_or("")),
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names in braces a template uses, sorted and without repeats.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_values_and_keeps_unknown_ones() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1")]), "a 1 b {y}");
        assert_eq!(fill("{x}{x}", &[("x", "2")]), "22");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
    }

    #[test]
    fn placeholders_are_the_names_in_braces() {
        assert_eq!(placeholders("{b} and {a} and {b}"), vec!["a", "b"]);
        assert!(placeholders("json {\"not\": 1}").is_empty());
    }

    /// The built-in locale files read strictly: no key twice (serde would keep the last).
    #[test]
    fn the_built_in_locale_files_have_no_key_twice() {
        for text in [EN, KO] {
            assert!(LocaleTexts::from_json(text).is_ok());
        }
        let twice = r#"{"format_version": 1, "locale": "ko", "translation": "t",
            "texts": {"a": "first", "a": "second"}}"#;
        let e = LocaleTexts::from_json(twice).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("$.texts") && e.contains("twice")));
    }

    /// A translator who wrote a text twice is told which key, though a locale file's keys
    /// are dotted (tokens joined by dots, numbers among them), not snake_case tokens: the
    /// file holds no one's case.
    #[test]
    fn a_dotted_key_given_twice_is_named() {
        let key = "rules.kr.recommendation.no_removal_pending_identification.addition.0";
        let twice = format!(
            r#"{{"format_version": 1, "locale": "ko", "translation": "t",
            "texts": {{"level.no_indicators": "a", "{key}": "first", "{key}": "second"}}}}"#
        );
        assert_eq!(
            LocaleTexts::from_json(&twice).err().map(|e| e.to_string()),
            Some(format!("$.texts: the key `{key}` appears twice"))
        );
        // Anything else is still not shown: a sentence, a key with a space or an empty part.
        for key in [
            "Not a key",
            "level..sentence",
            "level.",
            ".level",
            "level.Sentence",
        ] {
            let twice = format!(
                r#"{{"format_version": 1, "locale": "ko", "translation": "t",
                "texts": {{"{key}": "first", "{key}": "second"}}}}"#
            );
            let e = LocaleTexts::from_json(&twice).err().map(|e| e.to_string());
            assert!(
                e.as_deref()
                    .is_some_and(|e| !e.contains(key) && e.contains("not shown")),
                "{key}: {e:?}"
            );
        }
    }

    #[test]
    fn tags_parse() {
        assert_eq!(Locale::from_tag("ko-KR"), Some(Locale::Ko));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
