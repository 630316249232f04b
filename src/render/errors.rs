//! Error messages in the reader's language.
//!
//! A [`CaseError`]'s `Display` is English, for logs and for developers. An officer who opens
//! a saved case in Korean reads the same message in Korean: [`CaseError::message_in`] builds it
//! from the locale files (`error.case.<variant>`, with the words it is made of under
//! `error.expected.*`, `error.kind.*`, `error.id.*`, `error.reason.*` and `error.field.*`).
//! The English templates give exactly the `Display` text (a test checks every variant), so the
//! two cannot drift apart. JSON names (field names, `present`, `one of ...`'s values) and the
//! JSON parser's own description of a syntax error stay as they are in every language: they
//! are what the officer's file contains. A syntax error of a common kind is first described in
//! the reader's words (`error.syntax.*`), the parser's then in brackets. Like `Display`, no message carries a value from the
//! case (except [`CaseError::Revealed`], which exists only when the caller opted in).

use crate::model::error::{CaseError, FieldName, JsonKind, Shown};
use crate::model::id::{IdError, MAX_ID_LEN};
use crate::render::locale::{Locale, fill};

/// The words of `key` in `locale`, English when the locale lacks them; the key itself when
/// neither has it (a test checks that every key used here is in the English file).
fn word(locale: Locale, key: &str) -> String {
    locale.word_or_key(key).to_owned()
}

fn template(locale: Locale, key: &str, values: &[(&str, &str)]) -> String {
    fill(&word(locale, key), values)
}

/// An `expected` text in the reader's language: a list of JSON names keeps its names.
fn expected(locale: Locale, text: &str) -> String {
    if let Some(values) = text.strip_prefix("one of ") {
        return template(locale, "error.expected.one_of", &[("values", values)]);
    }
    match crate::case::EXPECTED_TEXTS.iter().find(|(t, _)| *t == text) {
        Some((_, key)) => word(locale, &format!("error.expected.{key}")),
        None => text.to_owned(),
    }
}

fn kind(locale: Locale, kind: JsonKind) -> String {
    let key = match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "bool",
        JsonKind::Number => "number",
        JsonKind::String => "string",
        JsonKind::Array => "array",
        JsonKind::Object => "object",
    };
    word(locale, &format!("error.kind.{key}"))
}

fn field(locale: Locale, name: &FieldName) -> String {
    match name.shown() {
        Shown::Name(token) => format!("`{token}`"),
        Shown::NotToken => word(locale, "error.field.hidden"),
        Shown::NotInFormat(_) => word(locale, "error.field.not_in_format"),
    }
}

fn id_error(locale: Locale, e: IdError) -> String {
    match e {
        IdError::Empty => word(locale, "error.id.empty"),
        IdError::TooLong(len) => template(
            locale,
            "error.id.too_long",
            &[("max", &MAX_ID_LEN.to_string()), ("len", &len.to_string())],
        ),
        IdError::NotSnakeCase => word(locale, "error.id.not_snake_case"),
    }
}

fn reason(locale: Locale, text: &str) -> String {
    match crate::case::CONTRADICTION_REASONS
        .iter()
        .find(|(t, _)| *t == text)
    {
        Some((_, key)) => word(locale, &format!("error.reason.{key}")),
        None => text.to_owned(),
    }
}

fn status(locale: Locale, name: &str) -> String {
    // The statuses are JSON names: kept as written, in backticks where the message is Korean.
    match locale {
        Locale::En => name.to_owned(),
        Locale::Ko => format!("`{name}`"),
    }
}

impl CaseError {
    /// The message in `locale`: in English exactly the `Display` text, in Korean the
    /// project's translation. The path, the JSON names and the parser's description of a
    /// syntax error are kept as they are; no value from the case is shown.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::Case;
    /// use trafficking_indicators::render::Locale;
    ///
    /// let e = Case::from_json(r#"{"subject": {"age_years": "thirty"}}"#).unwrap_err();
    /// assert_eq!(e.message_in(Locale::En), e.to_string());
    /// assert_eq!(
    ///     e.message_in(Locale::Ko),
    ///     "$.subject.age_years: 값의 형식이 맞지 않음(필요한 값: 0~130의 정수(만 나이), 입력된 값: 문자열)"
    /// );
    /// ```
    pub fn message_in(&self, locale: Locale) -> String {
        let n = |v: &usize| v.to_string();
        match self {
            CaseError::TooLarge { bytes, limit } => template(
                locale,
                "error.case.too_large",
                &[("bytes", &n(bytes)), ("limit", &n(limit))],
            ),
            CaseError::Utf16 => word(locale, "error.case.utf16"),
            CaseError::Empty => word(locale, "error.case.empty"),
            CaseError::Syntax {
                message,
                line,
                column,
            } => match crate::model::error::syntax_gloss(message) {
                // A common kind is described in the reader's words, the parser's (English)
                // words kept in brackets for a technician.
                Some((key, _)) => template(
                    locale,
                    "error.case.syntax_described",
                    &[
                        ("gloss", &word(locale, &format!("error.syntax.{key}"))),
                        ("message", message),
                        ("line", &n(line)),
                        ("column", &n(column)),
                    ],
                ),
                None => template(
                    locale,
                    "error.case.syntax",
                    &[
                        ("message", message),
                        ("line", &n(line)),
                        ("column", &n(column)),
                    ],
                ),
            },
            CaseError::TooDeep { limit } => {
                template(locale, "error.case.too_deep", &[("limit", &n(limit))])
            }
            CaseError::DuplicateKey { path, key } => template(
                locale,
                "error.case.duplicate_key",
                &[("path", path), ("key", &field(locale, key))],
            ),
            CaseError::UnknownField {
                path,
                field: name,
                expected,
            } => match name.nearest() {
                None => template(
                    locale,
                    "error.case.unknown_field",
                    &[
                        ("path", path),
                        ("field", &field(locale, name)),
                        ("expected", expected),
                    ],
                ),
                Some(nearest) => template(
                    locale,
                    "error.case.unknown_field_nearest",
                    &[
                        ("path", path),
                        ("field", &field(locale, name)),
                        ("expected", expected),
                        ("nearest", nearest),
                    ],
                ),
            },
            CaseError::MissingField { path, field } => template(
                locale,
                "error.case.missing_field",
                &[("path", path), ("field", field)],
            ),
            CaseError::WrongType {
                path,
                expected: e,
                found,
            } => template(
                locale,
                "error.case.wrong_type",
                &[
                    ("path", path),
                    ("expected", &expected(locale, e)),
                    ("found", &kind(locale, *found)),
                ],
            ),
            CaseError::InvalidValue { path, expected: e } => template(
                locale,
                "error.case.invalid_value",
                &[("path", path), ("expected", &expected(locale, e))],
            ),
            CaseError::InvalidIndicatorId { path, reason } => template(
                locale,
                "error.case.invalid_indicator_id",
                &[("path", path), ("reason", &id_error(locale, *reason))],
            ),
            CaseError::TextTooLong { path, chars, limit } => template(
                locale,
                "error.case.text_too_long",
                &[("path", path), ("chars", &n(chars)), ("limit", &n(limit))],
            ),
            CaseError::TooMany { path, count, limit } => template(
                locale,
                "error.case.too_many",
                &[("path", path), ("count", &n(count)), ("limit", &n(limit))],
            ),
            CaseError::DuplicateForm { path, form } => template(
                locale,
                "error.case.duplicate_form",
                &[("path", path), ("form", form)],
            ),
            CaseError::DuplicateMeasure { path, measure } => template(
                locale,
                "error.case.duplicate_measure",
                &[("path", path), ("measure", measure)],
            ),
            CaseError::DuplicateInterviewCondition { path, condition } => template(
                locale,
                "error.case.duplicate_interview_condition",
                &[("path", path), ("condition", condition)],
            ),
            CaseError::DuplicateSexualExploitationType { path, .. } => template(
                locale,
                "error.case.duplicate_sexual_exploitation_type",
                &[("path", path)],
            ),
            CaseError::ContradictoryAge { .. } => word(locale, "error.case.contradictory_age"),
            CaseError::Contradiction {
                first,
                second,
                reason: r,
            } => template(
                locale,
                "error.case.contradiction",
                &[
                    ("first", first),
                    ("second", second),
                    ("reason", &reason(locale, r)),
                ],
            ),
            // The id is never shown: it is not in the catalogue, and may be anything typed.
            CaseError::UnknownIndicator { path, nearest, .. } => match nearest {
                None => template(locale, "error.case.unknown_indicator", &[("path", path)]),
                Some(nearest) => template(
                    locale,
                    "error.case.unknown_indicator_nearest",
                    &[("path", path), ("nearest", nearest.as_str())],
                ),
            },
            CaseError::AskedTwice { path, .. } => {
                template(locale, "error.case.asked_twice", &[("path", path)])
            }
            CaseError::AskedWithoutAnswer { path, .. } => {
                template(locale, "error.case.asked_without_answer", &[("path", path)])
            }
            CaseError::IndicatorNotInRuleSet { path, id, rule_set } => template(
                locale,
                "error.case.indicator_not_in_rule_set",
                &[("path", path), ("id", id.as_str()), ("rule_set", rule_set)],
            ),
            CaseError::ConflictingObservations {
                first,
                first_status,
                second,
                second_status,
                ..
            } => template(
                locale,
                "error.case.conflicting_observations",
                &[
                    ("first", first),
                    ("first_status", &status(locale, first_status)),
                    ("second", second),
                    ("second_status", &status(locale, second_status)),
                ],
            ),
            CaseError::Revealed { error, value } => template(
                locale,
                "error.case.revealed",
                &[("error", &error.message_in(locale)), ("value", value)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::IndicatorId;

    /// One error of every variant, with every kind of part a message is made of.
    fn every_error() -> Vec<CaseError> {
        let id = IndicatorId::new("confiscation_of_documents").unwrap_or_else(|_| unreachable!());
        let path = || "$.observations[1].status".to_owned();
        let mut errors = vec![
            CaseError::TooLarge {
                bytes: 2_000_000,
                limit: 1_048_576,
            },
            CaseError::Utf16,
            CaseError::Empty,
            CaseError::Syntax {
                message: "expected `,` or `}`".to_owned(),
                line: 3,
                column: 7,
            },
            CaseError::TooDeep { limit: 32 },
            CaseError::DuplicateKey {
                path: path(),
                key: FieldName::new("status"),
            },
            CaseError::DuplicateKey {
                path: path(),
                key: FieldName::new("Not A Token"),
            },
            CaseError::UnknownField {
                path: path(),
                field: FieldName::new("statsu"),
                expected: "`indicator`, `status`, `source`, `note`",
            },
            CaseError::UnknownField {
                path: path(),
                field: FieldName::not_in_format(Some("status")),
                expected: "`indicator`, `status`, `source`, `note`",
            },
            CaseError::UnknownField {
                path: path(),
                field: FieldName::not_in_format(None),
                expected: "`indicator`, `status`, `source`, `note`",
            },
            CaseError::DuplicateKey {
                path: path(),
                key: FieldName::not_in_format(None),
            },
            CaseError::MissingField {
                path: path(),
                field: "indicator",
            },
            CaseError::InvalidValue {
                path: path(),
                expected: "one of `present`, `absent`, `not_assessed`",
            },
            CaseError::TextTooLong {
                path: path(),
                chars: 5000,
                limit: 4000,
            },
            CaseError::TooMany {
                path: path(),
                count: 2000,
                limit: 1000,
            },
            CaseError::DuplicateForm {
                path: path(),
                form: "sexual",
            },
            CaseError::DuplicateMeasure {
                path: path(),
                measure: "detention",
            },
            CaseError::DuplicateInterviewCondition {
                path: "$.interview_conditions[1]".to_owned(),
                condition: "no_interpreter",
            },
            CaseError::DuplicateSexualExploitationType {
                path: "$.sexual_exploitation_types[1]".to_owned(),
                kind: "pornography",
            },
            CaseError::ContradictoryAge {
                age: 30,
                minor: true,
            },
            CaseError::UnknownIndicator {
                path: path(),
                id: id.clone(),
                nearest: None,
            },
            CaseError::UnknownIndicator {
                path: path(),
                id: id.clone(),
                nearest: Some(id.clone()),
            },
            CaseError::IndicatorNotInRuleSet {
                path: path(),
                id: id.clone(),
                rule_set: "kr-2024".to_owned(),
            },
            CaseError::AskedTwice {
                path: "$.interview.asked[2]".to_owned(),
                id: id.clone(),
            },
            CaseError::AskedWithoutAnswer {
                path: "$.interview.asked[0]".to_owned(),
                id: id.clone(),
            },
            CaseError::ConflictingObservations {
                id,
                first: "$.observations[0]".to_owned(),
                first_status: "present",
                second: "$.observations[3]".to_owned(),
                second_status: "absent",
            },
        ];
        for kind in [
            JsonKind::Null,
            JsonKind::Bool,
            JsonKind::Number,
            JsonKind::String,
            JsonKind::Array,
            JsonKind::Object,
        ] {
            for (expected, _) in crate::case::EXPECTED_TEXTS {
                errors.push(CaseError::WrongType {
                    path: path(),
                    expected,
                    found: kind,
                });
            }
        }
        for reason in [IdError::Empty, IdError::TooLong(80), IdError::NotSnakeCase] {
            errors.push(CaseError::InvalidIndicatorId {
                path: path(),
                reason,
            });
        }
        for (reason, _) in crate::case::CONTRADICTION_REASONS {
            errors.push(CaseError::Contradiction {
                first: "$.subject.age_at_exploitation_years",
                second: "$.subject.age_years",
                reason,
            });
        }
        errors.push(CaseError::Revealed {
            error: Box::new(CaseError::TooDeep { limit: 32 }),
            value: "[[[]]]".to_owned(),
        });
        errors
    }

    #[test]
    fn the_english_message_is_the_display_text_for_every_variant() {
        for e in every_error() {
            assert_eq!(e.message_in(Locale::En), e.to_string());
        }
    }

    #[test]
    fn every_part_of_a_message_has_korean_and_keeps_the_path_and_json_names() {
        for e in every_error() {
            let ko = e.message_in(Locale::Ko);
            assert_ne!(ko, e.to_string(), "{e:?}");
            if let Some(path) = e.path() {
                assert!(ko.contains(path), "{ko}");
            }
        }
        // Each word from a table has its own Korean (none falls back to English).
        for (english, key) in crate::case::EXPECTED_TEXTS {
            let ko = word(Locale::Ko, &format!("error.expected.{key}"));
            assert_ne!(ko, english);
            assert_eq!(word(Locale::En, &format!("error.expected.{key}")), english);
        }
        for (_, key, english) in crate::model::error::SYNTAX_GLOSSES {
            let ko = word(Locale::Ko, &format!("error.syntax.{key}"));
            assert_ne!(ko, english);
            assert_eq!(word(Locale::En, &format!("error.syntax.{key}")), english);
        }
        for (english, key) in crate::case::CONTRADICTION_REASONS {
            let ko = word(Locale::Ko, &format!("error.reason.{key}"));
            assert_ne!(ko, english);
            assert_eq!(word(Locale::En, &format!("error.reason.{key}")), english);
        }
        // A list of JSON names keeps its names.
        let e = CaseError::InvalidValue {
            path: "$.forms[0]".to_owned(),
            expected: "one of `yes`, `no`, `not_known`",
        };
        assert_eq!(
            e.message_in(Locale::Ko),
            "$.forms[0]: 허용되지 않는 값(허용되는 값: `yes`, `no`, `not_known` 중 하나)"
        );
    }
}
