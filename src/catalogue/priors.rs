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

use crate::model::indicator::{ExploitationForm, Verification};

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

    /// Parses a priors document and checks it: probabilities in (0, 1], counts not above
    /// their rows, only known type keys, an `all` type. Read as rule sets are: a leading
    /// byte-order mark skipped, UTF-16 named, at most the rule-set size limit, an array where
    /// the format has an object refused.
    pub fn from_json(text: &str) -> Result<QuestionPriors, String> {
        use crate::model::json::{DocumentProblem, read_document};
        let limit = crate::model::limits::Limits::default().max_rule_set_bytes;
        let p: QuestionPriors = read_document(text, limit).map_err(|p| match p {
            DocumentProblem::TooLarge { bytes, limit } => {
                format!("the priors document has {bytes} bytes, more than the limit of {limit}")
            }
            DocumentProblem::Duplicate(problem) => problem.to_string(),
            DocumentProblem::Parse {
                message,
                line,
                column,
            } => format!("{message} at line {line} column {column}"),
        })?;
        let problems = p.problems();
        if problems.is_empty() {
            Ok(p)
        } else {
            Err(problems.join("; "))
        }
    }

    /// Every problem with the document (empty when sound).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.format_version != 1 {
            out.push("$.format_version: this crate reads version 1".to_owned());
        }
        for (name, p) in [
            ("default_probability", self.default_probability),
            ("purpose_fact_probability", self.purpose_fact_probability),
            ("default_list_weight", self.default_list_weight),
        ]
        .into_iter()
        .chain(self.list_weights.iter().map(|(k, v)| (k.as_str(), *v)))
        {
            if !(p > 0.0 && p <= 1.0) {
                out.push(format!("$.{name}: a probability in (0, 1]"));
            }
        }
        if !self.types.contains_key("all") {
            out.push("$.types: the type `all` is required".to_owned());
        }
        for (key, t) in &self.types {
            if !TYPE_KEYS.contains(&key.as_str()) {
                out.push(format!("$.types.{key}: unknown type"));
            }
            for (column, n) in &t.counts {
                if *n > t.rows {
                    out.push(format!("$.types.{key}.counts.{column}: more than the rows"));
                }
            }
        }
        out
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
        assert_eq!(p.problems(), Vec::<String>::new());
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
        assert!(QuestionPriors::from_json(&text).is_err());
    }

    /// Read as the other policy documents are: a byte-order mark is skipped; UTF-16 is named;
    /// an array where the format has an object is refused.
    #[test]
    fn the_priors_are_read_as_rule_sets_are() {
        assert!(QuestionPriors::from_json(&format!("\u{feff}{BUILTIN}")).is_ok());
        let e = QuestionPriors::from_json("{\0\"\0").unwrap_err();
        assert!(e.contains("UTF-16"), "{e}");
        let mut doc: serde_json::Value = serde_json::from_str(BUILTIN).unwrap_or_default();
        let all = doc["types"]["all"].clone();
        doc["types"]["all"] = serde_json::json!([all["rows"], all["counts"]]);
        let e = QuestionPriors::from_json(&doc.to_string()).unwrap_err();
        assert!(
            e.starts_with("invalid type: sequence, expected an object at line 1 column"),
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
            QuestionPriors::from_json(&twice).unwrap_err(),
            "$.types: the key `all` appears twice"
        );
    }
}
