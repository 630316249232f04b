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

use crate::case::Sector;
use crate::model::error::{ContactDirectoryError, Problem, Problems};
use crate::model::id::{ConceptId, is_country_code, is_token};
use crate::model::indicator::Verification;
use crate::model::limits::{Limits, repeats, text};
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
    #[schemars(length(min = 1, max = text::TITLE))]
    pub title: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = text::TITLE))]
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
    #[schemars(length(min = 1, max = text::NOTE))]
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
    #[schemars(length(min = 1, max = text::NAME))]
    pub name: String,
    /// The name in English (the project's rendering unless the service uses it).
    #[schemars(length(min = 1, max = text::NAME))]
    pub name_en: String,
    /// The number to dial, where one national number was found (digits, `+` and `-`).
    /// Absent: none was found; `reach` says how to find the local service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+?[0-9][0-9-]{1,19}$"))]
    pub number: Option<String>,
    /// How to reach it: hours, languages, or how to find the local office.
    #[schemars(length(min = 1, max = text::TITLE))]
    pub reach: String,
    /// What it does for the person.
    #[schemars(length(min = 1, max = text::TITLE))]
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
    #[schemars(length(max = text::LABEL))]
    pub legal_basis: Option<String>,
    /// Where the number and name were read.
    pub source: ContactSource,
    /// The date the number and name were checked, `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), extend("format" = "date"))]
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
    #[schemars(length(min = 1, max = text::TEXT))]
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

    /// Every problem with the directory: its id, jurisdiction and description as the schema
    /// has them; contact ids unique; texts present and within the schema's lengths (counted in
    /// characters, as the schema counts them); a source and a checked date on every contact;
    /// numbers well formed; no condition (of `context` or of `first_screen_unless`) that can
    /// never hold; a reason for each first-screen exclusion. An array of more than
    /// `Limits::max_rule_set_items` items is the only problem reported. Empty when it is
    /// sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.format_version != CONTACT_DIRECTORY_FORMAT_VERSION {
            out.push(Problem::new(
                "$.format_version",
                "unsupported format version: this crate reads version 1",
            ));
        }
        let too_many = self.item_count_problems(Limits::default().max_rule_set_items);
        if !too_many.is_empty() {
            out.extend(too_many);
            return out;
        }
        if !is_token(&self.id) {
            out.push(Problem::new(
                "$.id",
                "a directory id is 1 to 64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
            ));
        }
        if !is_country_code(&self.jurisdiction) {
            out.push(Problem::new(
                "$.jurisdiction",
                "a two-letter country code in capitals",
            ));
        }
        out.extend(Problem::of_text(
            "$.description",
            &self.description,
            1,
            text::TEXT,
        ));
        if self.contacts.is_empty() {
            out.push(Problem::new("$.contacts", "list at least one contact"));
        }
        let repeated = repeats(self.contacts.iter().map(|c| c.id.as_str()));
        for (i, c) in self.contacts.iter().enumerate() {
            let path = format!("$.contacts[{i}]");
            if repeated.binary_search(&i).is_ok() {
                out.push(Problem::new(format!("{path}.id"), "the id is used twice"));
            }
            for (field, value, min, max) in [
                ("name", Some(&c.name), 1, text::NAME),
                ("name_en", Some(&c.name_en), 1, text::NAME),
                ("reach", Some(&c.reach), 1, text::TITLE),
                ("purpose", Some(&c.purpose), 1, text::TITLE),
                ("legal_basis", c.legal_basis.as_ref(), 0, text::LABEL),
                ("source.title", Some(&c.source.title), 1, text::TITLE),
                ("source.url", c.source.url.as_ref(), 0, text::TITLE),
            ] {
                if let Some(value) = value {
                    out.extend(Problem::of_text(format!("{path}.{field}"), value, min, max));
                }
            }
            if !crate::model::json::is_date(&c.checked) {
                out.push(Problem::new(
                    format!("{path}.checked"),
                    "must be the date the contact was checked, YYYY-MM-DD",
                ));
            }
            if let Some(n) = &c.number
                && !is_phone_number(n)
            {
                out.push(Problem::new(
                    format!("{path}.number"),
                    "must be 2 to 20 digits and dashes, starting with a digit, optionally after `+`",
                ));
            }
            ContextCondition::walk(
                &c.context,
                &|| format!("{path}.context"),
                false,
                &mut |condition, at, in_any| {
                    for why in branch_problems(condition, in_any) {
                        out.push(Problem::new(at(), why));
                    }
                },
            );
            // The sectors of each of the contact's own `sectors` conditions, as a set.
            let own_sectors: Vec<u32> = c
                .context
                .iter()
                .filter_map(|own| match own {
                    ContextCondition::Sectors(fit) => Some(sector_set(fit)),
                    _ => None,
                })
                .collect();
            for (k, unless) in c.first_screen_unless.iter().enumerate() {
                let at = format!("{path}.first_screen_unless[{k}]");
                if unless.context.is_empty() {
                    out.push(Problem::new(
                        format!("{at}.context"),
                        "names no condition, so it would hold for every case: list at least one",
                    ));
                } else if unless.context.iter().all(|x| c.context.contains(x)) {
                    // The mirror of no condition: conditions the contact's own context already
                    // requires hold wherever it is listed.
                    out.push(Problem::new(
                        format!("{at}.context"),
                        "names only conditions of the contact's own context, so it would hold wherever the contact is listed: name one that narrows it",
                    ));
                }
                out.extend(Problem::of_text(
                    format!("{at}.reason"),
                    &unless.reason,
                    1,
                    text::NOTE,
                ));
                ContextCondition::walk(
                    &unless.context,
                    &|| format!("{at}.context"),
                    false,
                    &mut |condition, at, in_any| {
                        // A sector outside the contact's own is checked at the top level only (in
                        // an `any`, another branch may still hold), and only for a condition
                        // with no problem of its own, so that one cause is reported.
                        let mut whys: Vec<&str> = branch_problems(condition, in_any).collect();
                        if whys.is_empty() && !in_any {
                            whys.extend(sector_problem(condition, &own_sectors));
                        }
                        for why in whys {
                            out.push(Problem::new(at(), why));
                        }
                    },
                );
            }
        }
        out
    }

    /// The directory's arrays (its contacts, their conditions and exclusions, and the values
    /// of each condition) that hold more than `limit` items, each as a problem at its path.
    fn item_count_problems(&self, limit: usize) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut count = |n: usize, path: &dyn Fn() -> String| {
            if n > limit {
                out.extend(Problem::of_count(path(), n, limit));
            }
        };
        count(self.contacts.len(), &|| "$.contacts".to_owned());
        for (i, c) in self.contacts.iter().enumerate() {
            ContextCondition::count_items(
                &c.context,
                &|| format!("$.contacts[{i}].context"),
                &mut count,
            );
            count(c.first_screen_unless.len(), &|| {
                format!("$.contacts[{i}].first_screen_unless")
            });
            for (k, unless) in c.first_screen_unless.iter().enumerate() {
                ContextCondition::count_items(
                    &unless.context,
                    &|| format!("$.contacts[{i}].first_screen_unless[{k}].context"),
                    &mut count,
                );
            }
        }
        out
    }
}

/// Whether `n` is a number as the schema has it (`^\+?[0-9][0-9-]{1,19}$`): after an optional
/// `+`, a digit and 1 to 19 more digits or dashes.
fn is_phone_number(n: &str) -> bool {
    let digits = n.strip_prefix('+').unwrap_or(n);
    (2..=20).contains(&digits.len())
        && digits.starts_with(|ch: char| ch.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// Why a `first_screen_unless` condition on sectors never holds where the contact is listed:
/// a case has one sector, so sectors none of the contact's own `sectors` conditions names
/// never hold there.
fn sector_problem(condition: &ContextCondition, own_sectors: &[u32]) -> Option<&'static str> {
    let ContextCondition::Sectors(these) = condition else {
        return None;
    };
    let these = sector_set(these);
    own_sectors.iter().any(|fit| these & fit == 0).then_some(
        "names no sector the contact's context names, so it can never hold where the contact is listed",
    )
}

/// A list of sectors as a set, one bit a sector (there are fewer than 32).
fn sector_set(sectors: &[Sector]) -> u32 {
    sectors
        .iter()
        .fold(0, |set, s| set | 1u32.checked_shl(*s as u32).unwrap_or(0))
}

const _: () = assert!(Sector::ALL.len() <= 32, "a sector set has 32 bits");

/// Every reason a directory's condition, or a branch of its `any` (`in_any`), cannot be
/// used, one problem each: those a rule set's condition has too (it can never hold, it
/// cannot be a branch of `any`: [`ContextCondition::problems`]), and naming indicators.
fn branch_problems(
    condition: &ContextCondition,
    in_any: bool,
) -> impl Iterator<Item = &'static str> {
    condition
        .problems(in_any)
        .chain(names_indicators(condition))
}

/// Why a directory's condition cannot be used: one that names indicators (a directory is
/// validated without a catalogue, so its ids could not be checked). `None` for the others.
fn names_indicators(condition: &ContextCondition) -> Option<&'static str> {
    matches!(condition, ContextCondition::IndicatorsPresent(_)).then_some(
        "a contact directory cannot name indicators (`indicators_present` is for rule sets, whose ids are checked against the catalogue)",
    )
}
