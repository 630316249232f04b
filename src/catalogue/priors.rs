//! How likely a "yes" is, for ordering questions: aggregate counts, as replaceable data.
//!
//! The guided interview and the assessment's `ask_next` rank an open question by how much a
//! "yes" would move the case towards reasonable grounds *and* how likely that "yes" is. The
//! likelihood comes from a [`QuestionPriors`] document: the built-in one
//! (`data/priors/ctdc_means_of_control_by_type.json`) counts, in the CTDC data, how often each
//! means of control is recorded per type of exploitation (aggregates only, never rows). A
//! different document can replace it ([`crate::Assessor::with_question_priors`]); nothing about
//! likelihood is a constant in code.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::error::{PriorsError, Problem, Problems};
use crate::model::indicator::{CtdcMeansOfControl, ExploitationForm, Verification};
use crate::model::limits::text;

const BUILTIN: &str = include_str!("../../data/priors/ctdc_means_of_control_by_type.json");

/// The keys of the types a priors document may give, in the engine's order.
pub(crate) const TYPE_KEYS: [&str; 6] = [
    "all",
    "sexual",
    "labour",
    "sexual_and_labour",
    "forced_marriage",
    "other",
];

/// Counts for one type of exploitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeCounts {
    /// How many records of this type there are.
    pub rows: u32,
    /// Per CTDC means-of-control column: in how many of them it is recorded.
    pub counts: BTreeMap<String, u32>,
}

/// Likelihoods for ordering questions: aggregate CTDC counts per type of exploitation, a
/// default and list weights, shipped as data (`data/priors/`) and replaceable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionPriors {
    /// The file format version (1).
    pub format_version: u32,
    /// Stable id.
    pub id: String,
    /// What the counts are and how they are used.
    pub description: String,
    /// Where the counts come from.
    pub source: String,
    /// The mark of the choices made.
    pub verification: Verification,
    /// The likelihood of an indicator the counts do not cover.
    pub default_probability: f64,
    /// The likelihood of the purpose fact of a form the case records.
    pub purpose_fact_probability: f64,
    /// Why these numbers.
    pub rationale: String,
    /// Counts per type: `all` and any of `sexual`, `labour`, `sexual_and_labour`,
    /// `forced_marriage`, `other`.
    pub types: BTreeMap<String, TypeCounts>,
    /// A weight per catalogue list (by id) for the question order, where a list's items
    /// should come before or after others of equal use; an entry takes the highest weight of
    /// its lists, and `default_list_weight` where none is given.
    #[serde(default)]
    pub list_weights: BTreeMap<String, f64>,
    /// The weight of a list not in `list_weights`.
    #[serde(default = "one")]
    pub default_list_weight: f64,
    /// Why these list weights.
    #[serde(default)]
    pub list_weights_rationale: String,
}

fn one() -> f64 {
    1.0
}

impl QuestionPriors {
    /// The built-in document, parsed once.
    pub fn builtin() -> &'static QuestionPriors {
        static CELL: OnceLock<QuestionPriors> = OnceLock::new();
        CELL.get_or_init(|| {
            serde_json::from_str(BUILTIN).unwrap_or(QuestionPriors {
                format_version: 1,
                id: "uniform".to_owned(),
                description: String::new(),
                source: String::new(),
                verification: Verification::ProjectJudgement,
                default_probability: 0.5,
                purpose_fact_probability: 0.5,
                rationale: String::new(),
                types: BTreeMap::new(),
                list_weights: BTreeMap::new(),
                default_list_weight: 1.0,
                list_weights_rationale: String::new(),
            })
        })
    }

    /// Parses a priors document and checks it ([`problems`](Self::problems)): probabilities
    /// and weights in (0, 1], types with records, counts not above their rows, only known
    /// type keys and CTDC means-of-control columns, an `all` type, a token id, texts within
    /// their bounds.
    /// Read as rule sets are: a leading byte-order mark skipped, UTF-16 named, at most the
    /// rule-set size limit, an array where the format has an object refused, a key given
    /// twice refused. Its list weights name catalogue lists, which
    /// [`Assessor::with_question_priors`](crate::Assessor::with_question_priors) checks.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::catalogue::QuestionPriors;
    ///
    /// let text = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/data/priors/ctdc_means_of_control_by_type.json"
    /// ))?;
    /// let priors = QuestionPriors::from_json(&text)?;
    /// assert_eq!(priors.id, "ctdc-2021-means-of-control-by-type");
    /// // A count misspelled as a column CTDC does not have is an error, never ignored.
    /// let typo = text.replacen("meansOfControlThreats", "meansOfControlThreat", 1);
    /// let e = QuestionPriors::from_json(&typo).unwrap_err();
    /// assert!(e.problems()[0].message.contains("not a CTDC means-of-control column"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<QuestionPriors, PriorsError> {
        let limit = crate::model::limits::Limits::default().max_rule_set_bytes;
        let p: QuestionPriors =
            crate::model::json::read_document(text, limit).map_err(PriorsError::from_document)?;
        Problems::into_result(p.problems())
            .map(|()| p)
            .map_err(PriorsError::Invalid)
    }

    /// Every problem with the document, each with its JSON path (empty when sound). The list
    /// weights' list ids are checked against a catalogue by
    /// [`Assessor::with_question_priors`](crate::Assessor::with_question_priors).
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.format_version != 1 {
            out.push(Problem::new(
                "$.format_version",
                "this crate reads version 1",
            ));
        }
        if !crate::model::id::is_token(&self.id) {
            out.push(Problem::new(
                "$.id",
                "an id is 1 to 64 lowercase letters, digits, `-`, `_` or `.`, starting with a letter or digit",
            ));
        }
        for (field, value, min) in [
            ("description", &self.description, 1),
            ("source", &self.source, 1),
            ("rationale", &self.rationale, 1),
            ("list_weights_rationale", &self.list_weights_rationale, 0),
        ] {
            out.extend(Problem::of_text(
                format!("$.{field}"),
                value,
                min,
                text::DESCRIPTION,
            ));
        }
        // A likelihood or weight as the engine uses it (`f32`): a value too small for it
        // would become 0 there.
        let usable = |p: f64| p > 0.0 && p <= 1.0 && (p as f32) > 0.0;
        for (name, p) in [
            ("default_probability", self.default_probability),
            ("purpose_fact_probability", self.purpose_fact_probability),
        ] {
            if !usable(p) {
                out.push(Problem::new(format!("$.{name}"), "a probability in (0, 1]"));
            }
        }
        if !usable(self.default_list_weight) {
            out.push(Problem::new("$.default_list_weight", "a weight in (0, 1]"));
        }
        for (list, w) in &self.list_weights {
            if !usable(*w) {
                out.push(Problem::new(
                    format!("$.list_weights.{}", path_key(list)),
                    "a weight in (0, 1]",
                ));
            }
        }
        if !self.types.contains_key("all") {
            out.push(Problem::new("$.types", "the type `all` is required"));
        }
        let columns = CtdcMeansOfControl::ALL.map(CtdcMeansOfControl::column);
        for (key, t) in &self.types {
            let tpath = format!("$.types.{}", path_key(key));
            if !TYPE_KEYS.contains(&key.as_str()) {
                out.push(Problem::new(
                    tpath.clone(),
                    format!("unknown type: one of {}", TYPE_KEYS.join(", ")),
                ));
            }
            if t.rows == 0 {
                out.push(Problem::new(
                    format!("{tpath}.rows"),
                    "a type with no records says nothing: leave it out, so that `all` is used",
                ));
            }
            for (column, n) in &t.counts {
                let cpath = format!("{tpath}.counts.{}", path_key(column));
                if !columns.contains(&column.as_str()) {
                    out.push(Problem::new(
                        cpath.clone(),
                        "not a CTDC means-of-control column (`meansOfControl...`), so it would never be used",
                    ));
                }
                if *n > t.rows {
                    out.push(Problem::new(cpath, "more than the rows"));
                }
            }
        }
        out
    }

    /// The problems of the list weights, given which list ids a catalogue has: a weight for a
    /// list it does not have would never be used.
    pub(crate) fn list_problems(&self, known: impl Fn(&str) -> bool) -> Vec<Problem> {
        self.list_weights
            .keys()
            .filter(|id| !known(id))
            .map(|id| {
                Problem::new(
                    format!("$.list_weights.{}", path_key(id)),
                    "not a list of the catalogue, so it would never be used",
                )
            })
            .collect()
    }

    /// The weight of an entry in the question order, from its lists.
    pub(crate) fn list_weight(&self, lists: &[crate::model::id::ListId]) -> f32 {
        lists
            .iter()
            .map(|l| {
                self.list_weights
                    .get(l.as_str())
                    .copied()
                    .unwrap_or(self.default_list_weight)
            })
            .fold(0.0f64, f64::max) as f32
    }

    /// Per type key (in [`TYPE_KEYS`] order): the likelihood of a CTDC column, or the
    /// default where the column is absent or the type is not given (then `all`).
    pub(crate) fn column(&self, column: Option<&str>) -> [f32; 6] {
        let all = self.types.get("all");
        TYPE_KEYS.map(|key| {
            let Some(column) = column else {
                return self.default_probability as f32;
            };
            match self.types.get(key).or(all) {
                Some(t) => {
                    let n = t.counts.get(column).copied().unwrap_or(0);
                    ((f64::from(n) + 1.0) / (f64::from(t.rows) + 2.0)) as f32
                }
                None => self.default_probability as f32,
            }
        })
    }
}

/// A map key as a path shows it: itself when it is a plain token (ASCII letters, digits and
/// `_`, at most 64), else `?`, as the JSON reader's paths show a key they do not quote, so
/// that a path never carries arbitrary text and no key can pose as a deeper path.
fn path_key(key: &str) -> &str {
    let plain = !key.is_empty()
        && key.len() <= 64
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain { key } else { "?" }
}

/// The type keys (indices into [`TYPE_KEYS`]) that a case's forms select: `all` when none.
pub(crate) fn type_mask(forms: &[ExploitationForm]) -> u8 {
    let mut mask = 0u8;
    let has = |f| forms.contains(&f);
    if has(ExploitationForm::Sexual) {
        mask |= 1 << 1;
    }
    if has(ExploitationForm::Labour) || has(ExploitationForm::DomesticServitude) {
        mask |= 1 << 2;
    }
    if has(ExploitationForm::Sexual) && has(ExploitationForm::Labour) {
        mask |= 1 << 3;
    }
    if has(ExploitationForm::ForcedMarriage) {
        mask |= 1 << 4;
    }
    if has(ExploitationForm::Other) {
        mask |= 1 << 5;
    }
    if mask == 0 {
        mask = 1;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_priors_are_sound_and_used() {
        let p = QuestionPriors::builtin();
        assert_eq!(p.problems(), Vec::<Problem>::new());
        assert_eq!(p.id, "ctdc-2021-means-of-control-by-type");
        let threats = p.column(Some("meansOfControlThreats"));
        assert!(threats.iter().all(|x| *x > 0.0 && *x < 1.0));
        assert_eq!(p.column(None), [p.default_probability as f32; 6]);
    }

    #[test]
    fn a_broken_priors_document_is_rejected() {
        let text = BUILTIN.replace(
            "\"default_probability\": 0.2",
            "\"default_probability\": 1.5",
        );
        let e = QuestionPriors::from_json(&text).unwrap_err();
        assert_eq!(
            e.problems(),
            vec![Problem::new(
                "$.default_probability",
                "a probability in (0, 1]"
            )]
        );
    }

    /// Each number where the engine uses it: a list weight out of range is named at its own
    /// key; a probability too small for the engine's `f32` is as good as 0; a type with no
    /// records, an id that is not a token, an empty description are refused.
    #[test]
    fn every_value_is_checked_where_it_is() {
        let mut p = QuestionPriors::builtin().clone();
        p.list_weights
            .insert("ilo_ec_2009_adult_labour".into(), 2.0);
        p.list_weights.insert("default_probability".into(), 0.0);
        p.purpose_fact_probability = 1e-300;
        if let Some(t) = p.types.get_mut("labour") {
            t.rows = 0;
            t.counts.clear();
        }
        p.id = "Not a token".into();
        p.description = " ".into();
        let paths: Vec<String> = p.problems().into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "$.id",
                "$.description",
                "$.purpose_fact_probability",
                "$.list_weights.default_probability",
                "$.list_weights.ilo_ec_2009_adult_labour",
                "$.types.labour.rows",
            ]
        );
    }

    /// A column CTDC does not have, a type the engine does not read, a key that is not a
    /// plain token: each an error naming its place, never a count silently unused, and the
    /// key itself never quoted when it is not a plain token.
    #[test]
    fn an_unknown_column_or_type_is_an_error() {
        let mut doc: serde_json::Value = serde_json::from_str(BUILTIN).unwrap_or_default();
        doc["types"]["all"]["counts"]["meansOfControlThreat"] = serde_json::json!(1);
        doc["types"]["labor"] = doc["types"]["all"].clone();
        doc["types"]["all"]["counts"]["a key with spaces"] = serde_json::json!(1);
        let e = QuestionPriors::from_json(&doc.to_string()).unwrap_err();
        let paths: Vec<String> = e.problems().into_iter().map(|p| p.path).collect();
        assert!(
            paths.contains(&"$.types.all.counts.meansOfControlThreat".to_owned()),
            "{paths:?}"
        );
        assert!(paths.contains(&"$.types.labor".to_owned()), "{paths:?}");
        assert!(
            paths.contains(&"$.types.all.counts.?".to_owned()),
            "{paths:?}"
        );
        assert!(!e.to_string().contains("spaces"), "{e}");
    }

    /// Read as the other policy documents are: a byte-order mark is skipped; UTF-16 is named;
    /// an array where the format has an object is refused.
    #[test]
    fn the_priors_are_read_as_rule_sets_are() {
        assert!(QuestionPriors::from_json(&format!("\u{feff}{BUILTIN}")).is_ok());
        let e = QuestionPriors::from_json("{\0\"\0").unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");
        let mut doc: serde_json::Value = serde_json::from_str(BUILTIN).unwrap_or_default();
        let all = doc["types"]["all"].clone();
        doc["types"]["all"] = serde_json::json!([all["rows"], all["counts"]]);
        let e = QuestionPriors::from_json(&doc.to_string()).unwrap_err();
        assert!(
            matches!(&e, PriorsError::Parse { message, line: 1, .. } if message == "invalid type: sequence, expected an object"),
            "{e}"
        );
        // A type twice: serde would keep the second silently.
        let twice = BUILTIN.replacen(
            "\"all\": {",
            "\"all\": {\"rows\": 1, \"counts\": {}}, \"all\": {",
            1,
        );
        assert_ne!(twice, BUILTIN);
        assert_eq!(
            QuestionPriors::from_json(&twice).unwrap_err().problems(),
            vec![Problem::new("$.types", "the key `all` appears twice")]
        );
    }
}
