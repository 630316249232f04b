//! Who to call: directories of services, as data with their sources and the date each number
//! was checked.
//!
//! A rule set names a directory (`contact_directory`); the assessment then lists the services
//! that fit the person, the form of exploitation and the sector (a fisher is not sent to a
//! sex-trade counselling centre), each with its number where one was found, its source, the
//! date it was checked and its verification mark. A service with no national number found is
//! listed without one, never with a guessed one.

use std::sync::{Arc, OnceLock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::error::{ContactDirectoryError, Problems};
use crate::model::id::ConceptId;
use crate::model::indicator::Verification;
use crate::model::vocabulary::Level;
use crate::policy::context::ContextCondition;

/// The version of the contact directory file format this crate reads.
pub const CONTACT_DIRECTORY_FORMAT_VERSION: u32 = 1;

/// The built-in directories: id, path, text.
const BUILTIN_DIRECTORIES: [(&str, &str, &str); 1] = [(
    "kr",
    "data/contacts/kr.json",
    include_str!("../../data/contacts/kr.json"),
)];

/// Where a contact's details were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactSource {
    /// What was read: a page, a statute, a press report.
    #[schemars(length(min = 1, max = 500))]
    pub title: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub url: Option<String>,
}

/// When the report's first screen leaves a contact out, though it fits the case: the contact
/// stays in the full list, with its purpose. For example the labour ministry's line for a
/// crew member at sea, whom the seafarers' labour inspectors serve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstScreenExclusion {
    /// Who and what the case must record for the first screen to leave the contact out, all
    /// required (the same conditions as a contact's `context`); at least one.
    #[schemars(length(min = 1))]
    pub context: Vec<ContextCondition>,
    /// Why, for the people who maintain the directory (not shown in the report).
    #[schemars(length(min = 1, max = crate::model::limits::text::NOTE))]
    pub reason: String,
    /// Where the reason comes from: `verified` (a statute or an official page the contact's
    /// sources name), `secondary`, `unverified`, or `project_judgement` (a choice of this
    /// project, its reason written beside it).
    pub verification: Verification,
}

/// One service an officer or caseworker can call or refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stable id.
    pub id: ConceptId,
    /// The name in the country's language.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// The name in English (the project's rendering unless the service uses it).
    #[schemars(length(min = 1, max = 200))]
    pub name_en: String,
    /// The number to dial, where one national number was found (digits, `+` and `-`).
    /// Absent: none was found; `reach` says how to find the local service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+?[0-9][0-9-]{1,19}$"))]
    pub number: Option<String>,
    /// How to reach it: hours, languages, or how to find the local office.
    #[schemars(length(min = 1, max = 500))]
    pub reach: String,
    /// What it does for the person.
    #[schemars(length(min = 1, max = 500))]
    pub purpose: String,
    /// The lowest level at which it is named.
    pub min_level: Level,
    /// Who and what the case must record for it to fit, all required (none: every case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<ContextCondition>,
    /// Cases whose first screen leaves the contact out though it fits them, each with its
    /// reason: the first screen leaves it out when the conditions of any entry all hold. It
    /// stays in the full list with its purpose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first_screen_unless: Vec<FirstScreenExclusion>,
    /// The legal basis of the service, where one was read (for example the article that
    /// sets it up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 300))]
    pub legal_basis: Option<String>,
    /// Where the number and name were read.
    pub source: ContactSource,
    /// The date the number and name were checked, `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub checked: String,
    /// How sure we are of the number and name: `verified` (an official page or the statute),
    /// `secondary` (press, a copy of a website), `unverified`.
    pub verification: Verification,
}

/// A directory of services for one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Contact directory")]
pub struct ContactDirectory {
    /// The file format version; this crate reads version 1.
    pub format_version: u32,
    /// Stable id, e.g. `kr`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]{0,63}$"))]
    pub id: String,
    /// The country, a two-letter code.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub jurisdiction: String,
    /// What the directory is and how it was compiled.
    #[schemars(length(min = 1, max = 2000))]
    pub description: String,
    /// The services.
    #[schemars(length(min = 1))]
    pub contacts: Vec<Contact>,
}

impl ContactDirectory {
    /// The built-in directory with this id, parsed once per process; `None` if there is none
    /// (or, which a test rules out, if the built-in file were broken).
    pub fn builtin(id: &str) -> Option<&'static ContactDirectory> {
        Self::builtin_shared(id)?.as_deref()
    }

    /// The built-in directory with this id, as an assessor shares it.
    pub(crate) fn builtin_shared(id: &str) -> Option<&'static Option<Arc<ContactDirectory>>> {
        static KR: OnceLock<Option<Arc<ContactDirectory>>> = OnceLock::new();
        let (_, _, text) = BUILTIN_DIRECTORIES.iter().find(|(i, _, _)| *i == id)?;
        let cell = match id {
            "kr" => &KR,
            _ => return None,
        };
        // Read without the strict reader's second pass and the checks: tests read the
        // built-in files strictly and check them, so start-up need not.
        Some(cell.get_or_init(|| serde_json::from_str(text).ok().map(Arc::new)))
    }

    /// Reads a contact directory (`schemas/contact_directory.schema.json`) and checks it: a key
    /// given twice, an unknown field or any of [`ContactDirectory::problems`] is an error
    /// naming its place. A leading byte-order mark is skipped. What is wrong is for the
    /// directory's author, in English; a directory holds no case data.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::policy::ContactDirectory;
    ///
    /// let text = std::fs::read_to_string("data/contacts/kr.json")?;
    /// let mut directory = ContactDirectory::from_json(&text)?;
    /// assert_eq!(directory.id, "kr");
    /// // An agency's own directory: a copy with another id, checked the same way.
    /// directory.id = "kr-busan-ngo".into();
    /// assert!(directory.problems().is_empty());
    /// let broken = text.replacen("\"format_version\": 1", "\"format_version\": 2", 1);
    /// let e = ContactDirectory::from_json(&broken).unwrap_err();
    /// assert_eq!(e.problems()[0].path, "$.format_version");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<ContactDirectory, ContactDirectoryError> {
        let limit = crate::model::limits::Limits::default().max_rule_set_bytes;
        let d: ContactDirectory = crate::model::json::read_document(text, limit)
            .map_err(ContactDirectoryError::from_document)?;
        Problems::into_result(d.problems())
            .map(|()| d)
            .map_err(ContactDirectoryError::Invalid)
    }

    /// The built-in directories' ids and file paths.
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUILTIN_DIRECTORIES.iter().map(|(id, path, _)| (*id, *path))
    }

    /// Every problem with the directory: ids unique, texts present, a source and a checked
    /// date on every contact, numbers well formed, no condition (of `context` or of
    /// `first_screen_unless`) that can never hold, a reason for each first-screen exclusion.
    /// Empty when it is sound.
    pub fn problems(&self) -> Vec<crate::model::error::Problem> {
        let mut out = Vec::new();
        let mut problem = |path: String, message: &str| {
            out.push(crate::model::error::Problem {
                path,
                message: message.to_owned(),
            })
        };
        if self.format_version != CONTACT_DIRECTORY_FORMAT_VERSION {
            problem(
                "$.format_version".to_owned(),
                "unsupported format version: this crate reads version 1",
            );
        }
        if self.contacts.is_empty() {
            problem("$.contacts".to_owned(), "list at least one contact");
        }
        for (i, c) in self.contacts.iter().enumerate() {
            let path = format!("$.contacts[{i}]");
            if self.contacts.iter().take(i).any(|o| o.id == c.id) {
                problem(format!("{path}.id"), "the id is used twice");
            }
            for (field, text) in [
                ("name", &c.name),
                ("name_en", &c.name_en),
                ("reach", &c.reach),
                ("purpose", &c.purpose),
                ("source.title", &c.source.title),
            ] {
                if text.trim().is_empty() {
                    problem(format!("{path}.{field}"), "must not be empty");
                }
            }
            if !crate::model::json::is_date(&c.checked) {
                problem(
                    format!("{path}.checked"),
                    "must be the date the contact was checked, YYYY-MM-DD",
                );
            }
            if let Some(n) = &c.number {
                let digits = n.strip_prefix('+').unwrap_or(n);
                let well_formed = !digits.is_empty()
                    && digits.len() <= 20
                    && digits.starts_with(|ch: char| ch.is_ascii_digit())
                    && digits.chars().all(|ch| ch.is_ascii_digit() || ch == '-');
                if !well_formed {
                    problem(
                        format!("{path}.number"),
                        "must be digits and dashes, optionally after `+`",
                    );
                }
            }
            for (j, condition) in c.context.iter().enumerate() {
                if let Some(why) = condition
                    .never_holds()
                    .or_else(|| names_indicators(condition))
                {
                    problem(format!("{path}.context[{j}]"), why);
                }
            }
            for (k, unless) in c.first_screen_unless.iter().enumerate() {
                let at = format!("{path}.first_screen_unless[{k}]");
                if unless.context.is_empty() {
                    problem(
                        format!("{at}.context"),
                        "names no condition, so it would hold for every case: list at least one",
                    );
                } else if unless.context.iter().all(|x| c.context.contains(x)) {
                    // The mirror of no condition: conditions the contact's own context already
                    // requires hold wherever it is listed.
                    problem(
                        format!("{at}.context"),
                        "names only conditions of the contact's own context, so it would hold wherever the contact is listed: name one that narrows it",
                    );
                }
                if let Some(p) = crate::model::error::Problem::of_text(
                    format!("{at}.reason"),
                    &unless.reason,
                    1,
                    crate::model::limits::text::NOTE,
                ) {
                    problem(p.path, &p.message);
                }
                for (j, condition) in unless.context.iter().enumerate() {
                    let why = condition.never_holds().or_else(|| names_indicators(condition)).or_else(|| {
                        // A case has one sector: sectors the contact's own context does not
                        // name never hold where the contact is listed.
                        let ContextCondition::Sectors(these) = condition else {
                            return None;
                        };
                        c.context
                            .iter()
                            .any(|own| {
                                matches!(own, ContextCondition::Sectors(fit)
                                    if !these.iter().any(|s| fit.contains(s)))
                            })
                            .then_some(
                                "names no sector the contact's context names, so it can never hold where the contact is listed",
                            )
                    });
                    if let Some(why) = why {
                        problem(format!("{at}.context[{j}]"), why);
                    }
                }
            }
        }
        out
    }
}

/// Why a directory's condition cannot be used: one that names indicators (a directory is
/// validated without a catalogue, so its ids could not be checked). `None` for the others.
fn names_indicators(condition: &ContextCondition) -> Option<&'static str> {
    matches!(condition, ContextCondition::IndicatorsPresent(_)).then_some(
        "a contact directory cannot name indicators (`indicators_present` is for rule sets, whose ids are checked against the catalogue)",
    )
}
