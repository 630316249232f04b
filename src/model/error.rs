//! Errors. One error type per operation; messages are lowercase, name the JSON path of the
//! problem and what was expected, and never repeat the text of a free-text field.
//!
//! Case documents describe real people, so [`CaseError`]'s message never carries a value
//! from the case unless the caller asked for it with
//! [`ParseOptions::reveal_values`](crate::ParseOptions) (for a developer debugging locally):
//! not an unknown indicator id nor a key the case format does not have either, since a
//! snake_case token can be a name (`maria_kim`). It names the place, and the nearest known
//! name where that helps. In the errors of policy documents (rule sets, catalogues, priors),
//! identifiers and field names are quoted when they match the identifier grammar
//! (`snake_case`, at most 64 bytes), which no sentence can.

use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::id::{IdError, IndicatorId};
use crate::model::limits::text;

/// One problem found by validation, with the JSON path where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Problem {
    /// Where the problem is, as a JSON path such as `$.levels.reasonable_grounds[1]`.
    pub path: String,
    /// What is wrong, in a plain sentence.
    pub message: String,
}

impl Problem {
    /// A problem at `path` when a document's text is outside the bounds its schema gives it
    /// (between `min` and `max` characters, blank counting as empty when required; see
    /// `text::problem`), else none. The one check every validator of rule sets, catalogue
    /// documents and priors uses for its texts.
    pub(crate) fn of_text(
        path: impl Into<String>,
        value: &str,
        min: usize,
        max: usize,
    ) -> Option<Problem> {
        text::problem(value, min, max).map(|message| Problem::new(path, message))
    }

    /// A problem at `path` when the array there holds `count` items, more than `limit`, else
    /// none. The one message of every validator's item limits; it names the array and the
    /// numbers, never an item.
    pub(crate) fn of_count(path: impl Into<String>, count: usize, limit: usize) -> Option<Problem> {
        (count > limit).then(|| {
            Problem::new(
                path,
                format!("{count} items, more than the limit of {limit}"),
            )
        })
    }

    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem validation found, in document order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// `Ok` when there is no problem, else every problem.
    pub(crate) fn into_result(problems: Vec<Problem>) -> Result<(), Problems> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// One problem.
    pub(crate) fn one(problem: Problem) -> Problems {
        Problems(vec![problem])
    }

    /// The problems.
    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a `Problems` value holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// The kind of a JSON value, named in type errors instead of the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        })
    }
}

/// A field or key name as it may appear in a message: quoted when a message may name it,
/// otherwise described without its text.
///
/// In a case, a message names only the case format's own field names: any other key may be
/// what someone typed about a person (`maria_kim`), so it is not shown, snake_case or not;
/// a likely misspelling is answered with the nearest field the format allows there
/// ([`FieldName::nearest`]). In a rule set, catalogue or priors document (policy data, not a
/// person's), a key is quoted when it is a snake_case token, or such tokens joined by dots
/// (a locale file's keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName(Shown);

/// What a message may say of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The name itself.
    Name(String),
    /// Neither a snake_case token nor such tokens joined by dots (in a policy document): not
    /// shown.
    NotToken,
    /// Not a field of the case format: not shown; the nearest field allowed there, if the
    /// name is near enough to one to be its misspelling.
    NotInFormat(Option<&'static str>),
}

impl FieldName {
    /// A name quoted when it is a snake_case token (a field of the case format, or a key of
    /// a policy document).
    pub(crate) fn new(name: &str) -> Self {
        FieldName(if crate::model::id::is_id(name) {
            Shown::Name(name.to_owned())
        } else {
            Shown::NotToken
        })
    }

    /// A key of a policy document (a rule set, a catalogue, priors, a contact directory, a
    /// locale file: never a case), quoted when it is a snake_case token or such tokens joined
    /// by dots, as a locale file's keys are. Only the policy documents' reader calls it, so
    /// that nothing typed in a case is quoted through it.
    pub(crate) fn policy_key(name: &str) -> Self {
        FieldName(if crate::model::id::is_dotted_key(name) {
            Shown::Name(name.to_owned())
        } else {
            Shown::NotToken
        })
    }

    /// A key the case format does not have, never shown, with the nearest field allowed
    /// where it stands, if any.
    pub(crate) fn not_in_format(nearest: Option<&'static str>) -> Self {
        FieldName(Shown::NotInFormat(nearest))
    }

    /// The name, when a message may quote it.
    pub fn as_token(&self) -> Option<&str> {
        match &self.0 {
            Shown::Name(name) => Some(name),
            Shown::NotToken | Shown::NotInFormat(_) => None,
        }
    }

    /// For a key a case's format does not have, the field allowed in its place that it most
    /// likely misspells (`status` for `statsu`), if one is near enough.
    pub fn nearest(&self) -> Option<&'static str> {
        match self.0 {
            Shown::NotInFormat(nearest) => nearest,
            Shown::Name(_) | Shown::NotToken => None,
        }
    }

    /// What a message may say of the name.
    pub(crate) fn shown(&self) -> &Shown {
        &self.0
    }
}

impl fmt::Display for FieldName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Shown::Name(name) => write!(f, "`{name}`"),
            Shown::NotToken => f.write_str("(a name that is not a snake_case token, not shown)"),
            Shown::NotInFormat(_) => {
                f.write_str("(a name the case format does not have, not shown)")
            }
        }
    }
}

/// The end of a message about a name the reader does not know: the nearest known one, when
/// there is one.
fn nearest_clause(nearest: Option<&str>) -> String {
    nearest.map_or_else(String::new, |n| format!("; the nearest is `{n}`"))
}

/// The end of the message about an unknown indicator id: the nearest id in the catalogue, or
/// a word to check the spelling.
fn unknown_indicator_end(nearest: Option<&IndicatorId>) -> String {
    match nearest {
        Some(id) => format!("; the nearest is `{id}`"),
        None => " (check the spelling)".to_owned(),
    }
}

/// What is wrong with a case: its JSON, its structure, or its content against the catalogue
/// and rule set.
///
/// Every variant names where (a JSON path such as `$.observations[2].status`, or a line and
/// column for syntax errors) and what was expected. No message repeats the text of a note, a
/// case reference or any other value from the case, an indicator id the catalogue does not
/// have or a key the case format does not have (a path renders such a key as `?`), except
/// [`CaseError::Revealed`]'s, which exists only when the caller opted in with
/// [`ParseOptions::reveal_values`](crate::ParseOptions). Where it helps, a message names the
/// nearest known name instead: a field the format allows there, an id in the catalogue.
///
/// `Debug` shows the variant and the message, never the fields: a program that prints an
/// error with `{:?}` (as `fn main() -> Result<(), Box<dyn Error>>` does) shows no value from
/// the case, not even the age of [`CaseError::ContradictoryAge`].
#[derive(Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The document is larger than the case size limit.
    #[error("the case document has {bytes} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The text is UTF-16; the readers take UTF-8 (with or without a byte-order mark).
    #[error("the case is UTF-16 text: save it as UTF-8")]
    Utf16,
    /// The text holds no JSON: it is empty or only spaces and line breaks (a file saved
    /// empty, or nothing sent).
    #[error("the case is empty: it holds no JSON")]
    Empty,
    /// The text is not valid JSON.
    /// The message starts with a plain description where the parser's text is one of
    /// the common kinds (`SYNTAX_GLOSSES`), the parser's text then in brackets.
    #[error("the case is not valid JSON: {} at line {line} column {column}", syntax_described(.message))]
    Syntax {
        /// What the JSON parser expected (its own words, never the input's).
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
    },
    /// Arrays and objects are nested deeper than any case needs.
    #[error("the case nests arrays and objects more than {limit} deep")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// An object has the same key twice. The key is named only when it is one of the case
    /// format's own names.
    #[error("{path}: the key {key} appears twice")]
    DuplicateKey {
        /// The object.
        path: String,
        /// The key.
        key: FieldName,
    },
    /// An object has a field the format does not define. The field is named only when it is
    /// one of the case format's own names (given in the wrong object); any other key is not
    /// shown, and the nearest field allowed there is named when the key is near enough to
    /// one ([`FieldName::nearest`]).
    #[error("{path}: unknown field {field}, expected one of {expected}{}", nearest_clause(.field.nearest()))]
    UnknownField {
        /// The object.
        path: String,
        /// The field.
        field: FieldName,
        /// The fields the format defines there.
        expected: &'static str,
    },
    /// A required field is missing.
    #[error("{path}: missing field `{field}`")]
    MissingField {
        /// The object.
        path: String,
        /// The field.
        field: &'static str,
    },
    /// A value has the wrong JSON type.
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        /// The value.
        path: String,
        /// What the format expects.
        expected: &'static str,
        /// What was there.
        found: JsonKind,
    },
    /// A value is of the right type but not one of the allowed values.
    #[error("{path}: not an allowed value, expected {expected}")]
    InvalidValue {
        /// The value.
        path: String,
        /// What the format allows.
        expected: &'static str,
    },
    /// An indicator id does not follow the id grammar.
    #[error("{path}: not a valid indicator id: {reason}")]
    InvalidIndicatorId {
        /// The value.
        path: String,
        /// Why.
        reason: IdError,
    },
    /// A text is longer than its limit.
    #[error("{path}: the text has {chars} characters, more than the limit of {limit}")]
    TextTooLong {
        /// The value.
        path: String,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// An array has more items than its limit.
    #[error("{path}: {count} items, more than the limit of {limit}")]
    TooMany {
        /// The array.
        path: String,
        /// How many items.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The same form of exploitation is listed twice.
    #[error("{path}: form `{form}` is listed twice")]
    DuplicateForm {
        /// The second occurrence.
        path: String,
        /// The form.
        form: &'static str,
    },
    /// The same pending measure is listed twice.
    #[error("{path}: `{measure}` is listed twice")]
    DuplicateMeasure {
        /// The second occurrence.
        path: String,
        /// The measure.
        measure: &'static str,
    },
    /// The same interview condition is listed twice.
    #[error("{path}: interview condition `{condition}` is listed twice")]
    DuplicateInterviewCondition {
        /// The second occurrence.
        path: String,
        /// The condition.
        condition: &'static str,
    },
    /// The same type of sexual exploitation is listed twice (since schema 4.13.0).
    /// The message names the place only: the type is about what happened to a person.
    #[error("{path}: this type of sexual exploitation is listed earlier too")]
    DuplicateSexualExploitationType {
        /// The second occurrence.
        path: String,
        /// The type (for programs; never in the message).
        kind: &'static str,
    },
    /// Age and minority contradict each other.
    #[error("$.subject: `age_years` and `minor` contradict each other; a child is under 18")]
    ContradictoryAge {
        /// The age given.
        age: u8,
        /// The minority given.
        minor: bool,
    },
    /// Two recorded facts contradict each other: about the person's age, or a national
    /// recorded with a removal or a refusal of entry. The message names both paths and why,
    /// never the values (though the reason tells what kind of facts they are).
    #[error("`{first}` and `{second}` contradict each other: {reason}")]
    Contradiction {
        /// The first field's JSON path.
        first: &'static str,
        /// The second field's JSON path.
        second: &'static str,
        /// Why they cannot both be true.
        reason: &'static str,
    },
    /// An observation names an indicator the catalogue does not have. The message never
    /// repeats the id (a snake_case token can still be a name: `maria_kim`); it names the
    /// path and, when the id is near enough to one to be its misspelling, the nearest id in
    /// the catalogue.
    #[error(
        "{path}: unknown indicator id (not shown): not in the catalogue{}",
        unknown_indicator_end(.nearest.as_ref())
    )]
    UnknownIndicator {
        /// The observation's `indicator` field.
        path: String,
        /// The id (for the program; never in the message).
        id: IndicatorId,
        /// The catalogue's id nearest to it, if one is near enough to be what it misspells.
        nearest: Option<IndicatorId>,
    },
    /// An observation names an indicator that is in the catalogue but in none of the rule
    /// set's lists, so the rule set cannot weigh it.
    #[error(
        "{path}: indicator `{id}` is in none of the lists rule set `{rule_set}` uses, so it cannot be weighed"
    )]
    IndicatorNotInRuleSet {
        /// The observation's `indicator` field.
        path: String,
        /// The id.
        id: IndicatorId,
        /// The rule set.
        rule_set: String,
    },
    /// `interview.asked` lists an indicator twice: an interview asks each question once.
    /// The message names the path, not the id: the case reader, which finds this, has no
    /// catalogue to tell a known id from an unknown one (which may be anything typed).
    #[error(
        "{path}: the indicator is listed earlier in `asked` too; an interview asks each question once"
    )]
    AskedTwice {
        /// The second listing.
        path: String,
        /// The indicator.
        id: IndicatorId,
    },
    /// `interview.asked` lists an indicator that no observation answers: every question an
    /// interview asks is answered in `observations` (a skip as `not_assessed`), and a listed
    /// question is never asked again, so it would stay unanswered for good. The message
    /// names the path, not the id (as [`CaseError::AskedTwice`]'s).
    #[error("{path}: the indicator is listed as asked, but `observations` records no answer to it")]
    AskedWithoutAnswer {
        /// The listing.
        path: String,
        /// The indicator.
        id: IndicatorId,
    },
    /// Two observations of one indicator have different statuses. The message names the two
    /// paths, not the id (as [`CaseError::AskedTwice`]'s: the case reader finds this too).
    #[error(
        "the observations at {first} and {second} record one indicator as {first_status} and as {second_status}; record one status per indicator"
    )]
    ConflictingObservations {
        /// The indicator.
        id: IndicatorId,
        /// Path of the first observation.
        first: String,
        /// Its status.
        first_status: &'static str,
        /// Path of the second observation.
        second: String,
        /// Its status.
        second_status: &'static str,
    },
    /// An error with the offending value attached, made only when the caller opted in with
    /// [`ParseOptions::reveal_values`](crate::ParseOptions). Never log it outside a developer's
    /// own machine.
    #[error("{error} (value: {value})")]
    Revealed {
        /// The error.
        error: Box<CaseError>,
        /// The offending value, as JSON.
        value: String,
    },
}

impl fmt::Debug for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple(self.variant())
            .field(&format_args!("{self}"))
            .finish()
    }
}

impl CaseError {
    /// The variant's name, for `Debug`.
    fn variant(&self) -> &'static str {
        match self {
            CaseError::TooLarge { .. } => "TooLarge",
            CaseError::Utf16 => "Utf16",
            CaseError::Empty => "Empty",
            CaseError::Syntax { .. } => "Syntax",
            CaseError::TooDeep { .. } => "TooDeep",
            CaseError::DuplicateKey { .. } => "DuplicateKey",
            CaseError::UnknownField { .. } => "UnknownField",
            CaseError::MissingField { .. } => "MissingField",
            CaseError::WrongType { .. } => "WrongType",
            CaseError::InvalidValue { .. } => "InvalidValue",
            CaseError::InvalidIndicatorId { .. } => "InvalidIndicatorId",
            CaseError::TextTooLong { .. } => "TextTooLong",
            CaseError::TooMany { .. } => "TooMany",
            CaseError::DuplicateForm { .. } => "DuplicateForm",
            CaseError::DuplicateMeasure { .. } => "DuplicateMeasure",
            CaseError::DuplicateInterviewCondition { .. } => "DuplicateInterviewCondition",
            CaseError::DuplicateSexualExploitationType { .. } => "DuplicateSexualExploitationType",
            CaseError::ContradictoryAge { .. } => "ContradictoryAge",
            CaseError::Contradiction { .. } => "Contradiction",
            CaseError::UnknownIndicator { .. } => "UnknownIndicator",
            CaseError::IndicatorNotInRuleSet { .. } => "IndicatorNotInRuleSet",
            CaseError::AskedTwice { .. } => "AskedTwice",
            CaseError::AskedWithoutAnswer { .. } => "AskedWithoutAnswer",
            CaseError::ConflictingObservations { .. } => "ConflictingObservations",
            CaseError::Revealed { .. } => "Revealed",
        }
    }

    /// The JSON path the error points at, when it has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            CaseError::DuplicateKey { path, .. }
            | CaseError::UnknownField { path, .. }
            | CaseError::MissingField { path, .. }
            | CaseError::WrongType { path, .. }
            | CaseError::InvalidValue { path, .. }
            | CaseError::InvalidIndicatorId { path, .. }
            | CaseError::TextTooLong { path, .. }
            | CaseError::TooMany { path, .. }
            | CaseError::DuplicateForm { path, .. }
            | CaseError::DuplicateMeasure { path, .. }
            | CaseError::DuplicateInterviewCondition { path, .. }
            | CaseError::DuplicateSexualExploitationType { path, .. }
            | CaseError::UnknownIndicator { path, .. }
            | CaseError::IndicatorNotInRuleSet { path, .. }
            | CaseError::AskedTwice { path, .. }
            | CaseError::AskedWithoutAnswer { path, .. } => Some(path),
            CaseError::ConflictingObservations { second, .. } => Some(second),
            CaseError::ContradictoryAge { .. } => Some("$.subject"),
            CaseError::Contradiction { first, .. } => Some(first),
            CaseError::Revealed { error, .. } => error.path(),
            CaseError::TooLarge { .. }
            | CaseError::Syntax { .. }
            | CaseError::TooDeep { .. }
            | CaseError::Utf16
            | CaseError::Empty => None,
        }
    }
}

/// The method every error of a JSON document read by the strict reader shares (a catalogue,
/// a rule set, question priors, a contact directory): each such error has the variants
/// `TooLarge`, `Parse` and `Invalid` (made from the reader's problem in one place:
/// `model::json`'s `from_document`).
macro_rules! document_error {
    ($error:ident) => {
        impl $error {
            /// Every problem, for an invalid document; another error as one problem at `$`.
            pub fn problems(&self) -> Vec<Problem> {
                match self {
                    $error::Invalid(p) => p.as_slice().to_vec(),
                    other => vec![Problem::new("$", other.to_string())],
                }
            }
        }
    };
}

/// What is wrong with a catalogue document.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// The document is larger than the catalogue size limit.
    #[error("the catalogue document has {bytes} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON does not parse into the catalogue format.
    #[error("the catalogue does not parse: {message} at line {line} column {column}")]
    Parse {
        /// What the parser found.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
    },
    /// The document parses but its parts do not fit together.
    #[error("the catalogue is invalid: {0}")]
    Invalid(Problems),
}

document_error!(CatalogueError);

/// What is wrong with a rule set.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleSetError {
    /// The document is larger than the rule set size limit.
    #[error("the rule set document has {bytes} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON does not parse into the rule set format.
    #[error("the rule set does not parse: {message} at line {line} column {column}")]
    Parse {
        /// What the parser found.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
    },
    /// The rule set parses but does not validate against the catalogue.
    #[error("the rule set is invalid: {0}")]
    Invalid(Problems),
    /// No built-in rule set has this id.
    #[error("no built-in rule set is called {} (there are {known})", quoted_id(.0), known = builtin_rule_sets_named())]
    UnknownBuiltin(String),
    /// The rule set or catalogue could not be written as canonical JSON for its digest.
    #[error("the rule set or catalogue cannot be written as canonical JSON: {0}")]
    Canonical(String),
}

/// An id as a message quotes it; the placeholder for an id that is not shown (not a short
/// printable token: it may be anything someone typed) stays unquoted.
fn quoted_id(id: &str) -> String {
    if id.starts_with('(') {
        id.to_owned()
    } else {
        format!("`{id}`")
    }
}

/// The built-in rule sets' ids as a sentence names them: "`a`, `b` and `c`".
fn builtin_rule_sets_named() -> String {
    let ids = crate::model::id::BUILTIN_RULE_SET_IDS.map(|id| format!("`{id}`"));
    match ids.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

document_error!(RuleSetError);

/// What is wrong with a question priors document ([`crate::catalogue::QuestionPriors`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PriorsError {
    /// The document is larger than the limit (the rule set size limit).
    #[error("the priors document has {bytes} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON does not parse into the priors format.
    #[error("the priors document does not parse: {message} at line {line} column {column}")]
    Parse {
        /// What the parser found.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
    },
    /// The document parses but does not check (a probability out of range, a count above
    /// its rows, an unknown type, column or list).
    #[error("the priors document is invalid: {0}")]
    Invalid(Problems),
}

document_error!(PriorsError);

/// What is wrong with a contact directory ([`crate::policy::ContactDirectory`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ContactDirectoryError {
    /// The document is larger than the limit (the rule set size limit).
    #[error("the contact directory has {bytes} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The JSON does not parse into the contact directory format.
    #[error("the contact directory does not parse: {message} at line {line} column {column}")]
    Parse {
        /// What the parser found.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters (as an editor counts them).
        column: usize,
    },
    /// The document parses but does not check (an id used twice, an empty name, a malformed
    /// number, a condition that can never hold; see [`crate::policy::ContactDirectory::problems`]).
    #[error("the contact directory is invalid: {0}")]
    Invalid(Problems),
    /// The directory is sound but serves another country than the rule set's law: its
    /// `jurisdiction` is not the rule set's `jurisdiction`
    /// ([`crate::Assessor::with_contacts`]; a rule set without a jurisdiction takes a
    /// directory of any country). Neither value is named.
    #[error(
        "the contact directory's `jurisdiction` is not the rule set's `jurisdiction`: a rule set that applies one country's law takes only a directory of that country"
    )]
    OtherJurisdiction,
}

document_error!(ContactDirectoryError);

/// The JSON parser's syntax messages an officer may meet, by the start serde_json gives their
/// text (its `Display`: "EOF while parsing an object", "trailing characters"; a test parses a
/// document of each kind, so a parser whose words change is noticed), with the key of a plain
/// description (`error.syntax.<key>` in the locale files) and that description's English,
/// which `Display` gives (a test checks it is the locale's). Classified by the parser's own
/// words, never by the input.
pub(crate) const SYNTAX_GLOSSES: [(&[&str], &str, &str); 12] = [
    (
        &["EOF while parsing"],
        "ends_early",
        "the text ends before the JSON does: a closing bracket or quote may be missing",
    ),
    (
        &["trailing characters"],
        "trailing",
        "there is more text after the JSON",
    ),
    (
        &["trailing comma"],
        "trailing_comma",
        "there is a comma before a closing bracket",
    ),
    (
        &["expected value", "expected ident"],
        "value",
        "a value is missing or is not a JSON value",
    ),
    (
        &["expected `,` or "],
        "comma",
        "a comma or a closing bracket is missing",
    ),
    (&["expected `:`"], "colon", "a colon is missing after a key"),
    (
        &["key must be a string"],
        "key",
        "a key is not in double quotes",
    ),
    (
        &["invalid escape"],
        "escape",
        "a backslash escape between quotes is not valid",
    ),
    // A `\u` escape of half a character: a high surrogate not followed by a low one ("end of
    // hex escape"), or a low one first ("lone leading surrogate"). Writers that allow them
    // (Python's `json.dumps` of a string with a lone surrogate) write escapes that look
    // complete, so "not valid" alone would send the writer looking at the wrong thing.
    (
        &["unexpected end of hex escape", "lone leading surrogate"],
        "surrogate",
        "a \\u escape between quotes is half of a character (a lone surrogate): the text is not valid Unicode",
    ),
    (
        &["number out of range"],
        "number_range",
        "a number is too large to read",
    ),
    (
        &["invalid number"],
        "number",
        "a number is not written as JSON writes numbers",
    ),
    (
        &["control character"],
        "control",
        "a line break or tab is written as it is between quotes",
    ),
];

/// The plain description's key and English for a parser's syntax message, if it has one.
pub(crate) fn syntax_gloss(message: &str) -> Option<(&'static str, &'static str)> {
    SYNTAX_GLOSSES
        .iter()
        .find(|(starts, _, _)| starts.iter().any(|start| message.starts_with(start)))
        .map(|(_, key, english)| (*key, *english))
}

/// A syntax error's text in English: the plain description, then the parser's words in
/// brackets; the parser's words alone where there is no description.
pub(crate) fn syntax_described(message: &str) -> String {
    match syntax_gloss(message) {
        Some((_, english)) => format!("{english} ({message})"),
        None => message.to_owned(),
    }
}

/// The message of a serde_json error without its trailing position, which the error types
/// carry separately.
pub(crate) fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod syntax_gloss_tests {
    use super::{CaseError, SYNTAX_GLOSSES, syntax_gloss};
    use crate::model::json::{Keys, parse};

    /// Every start of the parser's words the table covers is what the parser says for some
    /// document, so a parser that rewords one is noticed here rather than by an officer.
    #[test]
    fn every_start_in_the_table_is_what_the_parser_says() {
        let inputs: [(&str, &str); 14] = [
            ("EOF while parsing", r#"{"a": "#),
            ("trailing characters", "{} x"),
            ("trailing comma", "[1,]"),
            ("expected value", "[,]"),
            ("expected ident", "[tru]"),
            ("expected `,` or ", "[1 2]"),
            ("expected `:`", r#"{"a" 1}"#),
            ("key must be a string", "{1: 2}"),
            ("invalid escape", r#""\q""#),
            ("unexpected end of hex escape", r#""\ud800""#),
            ("lone leading surrogate", r#""\udc00x""#),
            ("number out of range", "1e999"),
            ("invalid number", "[01]"),
            ("control character", "\"a\tb\""),
        ];
        for (starts, key, _) in SYNTAX_GLOSSES {
            for start in starts {
                let input = inputs
                    .iter()
                    .find(|(s, _)| s == start)
                    .map(|(_, input)| *input);
                let Some(input) = input else {
                    panic!("no document in this test gives `{start}`");
                };
                let Err(CaseError::Syntax { message, .. }) = parse(input, 32, Keys::Tokens) else {
                    panic!("{input:?} parsed");
                };
                assert!(message.starts_with(start), "{input:?}: {message}");
                assert_eq!(syntax_gloss(&message).map(|(k, _)| k), Some(key));
            }
        }
    }
}
