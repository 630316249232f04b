//! The catalogue: every indicator the crate knows, its lists and the documents they come from.
//!
//! The built-in catalogue is compiled into the crate from the JSON files under `data/catalogue/`
//! (with `include_str!`) and parsed once per process, on first use. An integrator can extend it
//! with a national or local list in the same format ([`CatalogueDocument`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::error::{CatalogueError, Problem, Problems};
use crate::model::id::{ConceptId, IndicatorId, ListId, ReferenceId};
use crate::model::indicator::{
    AgeGroup, Dimension, ExploitationForm, IndicatorEntry, Provenance, Verification,
};
use crate::model::limits::{Limits, SeededState, text};

/// The version of the catalogue file format this crate reads and writes.
pub const CATALOGUE_FORMAT_VERSION: u32 = 1;

/// The built-in catalogue files, in load order.
const BUILTIN_FILES: [(&str, &str); 4] = [
    (
        "data/catalogue/ilo_ec_2009.json",
        include_str!("../../data/catalogue/ilo_ec_2009.json"),
    ),
    (
        "data/catalogue/unodc.json",
        include_str!("../../data/catalogue/unodc.json"),
    ),
    (
        "data/catalogue/korea_context.json",
        include_str!("../../data/catalogue/korea_context.json"),
    ),
    (
        "data/catalogue/palermo.json",
        include_str!("../../data/catalogue/palermo.json"),
    ),
];

/// A source document cited by catalogue entries and rule sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Id used by provenance records.
    pub id: ReferenceId,
    /// Full bibliographic title.
    #[schemars(length(min = 1, max = text::TITLE))]
    pub title: String,
    /// Where the document, or the reproduction that was read, can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = text::TITLE))]
    pub url: Option<String>,
    /// How sure we are that the document says what it is cited for.
    pub verification: Verification,
    /// What was and was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = text::NOTE))]
    pub note: Option<String>,
    /// The legal order the document belongs to: a two-letter country code (`KR`) for
    /// national law, or an international body (`UN`, `CoE`, `EU`, `ILO`, `OSCE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = text::JURISDICTION.0, max = text::JURISDICTION.1))]
    pub jurisdiction: Option<String>,
    /// The provision's own words, quoted in its original language (for Korean law, the
    /// Korean text), where the rule rests on its wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = text::TEXT))]
    pub quote: Option<String>,
}

/// Who a list was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Audience {
    /// Adults only.
    Adults,
    /// Children only.
    Children,
    /// Everyone.
    All,
}

impl Audience {
    /// Whether a list for this audience is relevant to a subject of `age`.
    ///
    /// Where age is not established, both adult and children's lists are relevant.
    pub fn covers(self, age: AgeGroup) -> bool {
        matches!(
            (self, age),
            (Audience::All, _)
                | (_, AgeGroup::NotEstablished)
                | (Audience::Adults, AgeGroup::Adult)
                | (Audience::Children, AgeGroup::Child)
        )
    }
}

/// Which cases a list is meant for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListScope {
    /// The age group the list was written for.
    pub audience: Audience,
    /// The forms of exploitation the list is relevant to (all forms are listed explicitly when
    /// the list is general).
    #[schemars(length(min = 1))]
    pub forms: Vec<ExploitationForm>,
}

/// A published (or project) list of indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorList {
    /// Stable list id.
    pub id: ListId,
    /// The list's title.
    #[schemars(length(min = 1, max = text::LABEL))]
    pub title: String,
    /// What the list is, how it was encoded and what is missing from it.
    #[schemars(length(min = 1, max = text::TEXT))]
    pub description: String,
    /// Which cases the list is meant for; decides which of its unanswered indicators an
    /// assessment asks about.
    pub scope: ListScope,
    /// Where the list comes from.
    pub provenance: Provenance,
}

impl IndicatorList {
    /// Whether this list is relevant to a subject of `age` considered for any of `forms`
    /// (every form, when none is recorded yet).
    pub fn is_relevant(&self, age: AgeGroup, forms: &[ExploitationForm]) -> bool {
        self.scope.audience.covers(age)
            && (forms.is_empty() || forms.iter().any(|f| self.scope.forms.contains(f)))
    }
}

/// The catalogue file format: the built-in files and integrators' extensions are documents of
/// this shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Indicator catalogue")]
pub struct CatalogueDocument {
    /// The file format version; this crate reads version 1.
    pub format_version: u32,
    /// Source documents cited by the lists and entries.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// The indicator lists this document defines.
    #[serde(default)]
    pub lists: Vec<IndicatorList>,
    /// The indicator entries.
    #[serde(default)]
    pub entries: Vec<IndicatorEntry>,
}

impl CatalogueDocument {
    /// Parses a catalogue document from JSON, without checking references between its parts
    /// (see [`Catalogue::from_documents`]).
    pub fn from_json(json: &str) -> Result<Self, CatalogueError> {
        crate::model::json::read_document(json, Limits::default().max_catalogue_bytes)
            .map_err(CatalogueError::from_document)
    }
}

/// The document with its indicator, concept and list ids held for the whole process: the
/// built-in catalogue is never dropped, and assessments then clone its ids without atomic
/// reference counting. (A one-time, bounded allocation of a few kilobytes.)
fn into_static(mut doc: CatalogueDocument) -> CatalogueDocument {
    for e in &mut doc.entries {
        e.id = e.id.clone().into_static();
        e.concept = e.concept.clone().into_static();
        for l in &mut e.lists {
            *l = l.clone().into_static();
        }
    }
    for l in &mut doc.lists {
        l.id = l.id.clone().into_static();
    }
    for r in &mut doc.references {
        r.id = r.id.clone().into_static();
    }
    doc
}

/// The id index's hasher: foldhash with a fixed seed. Ids are short and the table's keys are
/// the catalogue's own, so a fast hash serves better than the default SipHash (whose
/// protection against chosen keys such a table does not need); foldhash reads eight bytes at
/// a time where the FNV-1a this replaced read one.
type IdHasher = foldhash::fast::FixedState;

/// A validated, indexed set of indicator entries with their lists and references.
///
/// Lookups by id (of an entry, a list or a reference) are hash lookups; iteration is in file
/// order, which is deterministic.
#[derive(Debug, Clone)]
pub struct Catalogue {
    references: Vec<Reference>,
    lists: Vec<IndicatorList>,
    entries: Vec<IndicatorEntry>,
    by_id: HashMap<IndicatorId, usize, IdHasher>,
    /// The position of each list in `lists`, by its id (seeded: an extension's author chooses
    /// these ids, and an entry looks up each of its lists here).
    list_index: HashMap<ListId, usize, SeededState>,
    /// The position of each reference in `references`, by its id (seeded, as `list_index`).
    reference_index: HashMap<ReferenceId, usize, SeededState>,
    /// Every entry's concept (seeded, as `list_index`).
    concepts: std::collections::HashSet<ConceptId, SeededState>,
    base_entries: usize,
}

/// The built-in catalogue, parsed at its first use.
static BUILTIN: OnceLock<Arc<Catalogue>> = OnceLock::new();

impl Catalogue {
    /// The built-in catalogue: the ILO/EC 2009 lists, the UNODC indicator items and the
    /// Korea context items. Parsed once per process.
    pub fn builtin() -> Arc<Catalogue> {
        BUILTIN
            .get_or_init(|| {
                let loaded = BUILTIN_FILES
                    .iter()
                    .map(|(_, json)| CatalogueDocument::from_json(json).map(into_static))
                    .collect::<Result<Vec<_>, _>>()
                    .and_then(Catalogue::from_documents);
                // PANIC SAFETY: these files are compiled into the crate and every test loads
                // them (`builtin_catalogue_loads` first), so this can only fail in a crate built
                // from data that failed its own test suite. It is not reachable from input.
                #[allow(clippy::expect_used)]
                Arc::new(loaded.expect("the built-in catalogue data is valid"))
            })
            .clone()
    }

    /// The paths and text of the built-in catalogue files, for tools that export or check them.
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUILTIN_FILES.iter().copied()
    }

    /// Builds a catalogue from documents, checking every cross-reference. Returns every problem
    /// found, each with its JSON path (`$[document].entries[i]...`).
    pub fn from_documents(
        documents: impl IntoIterator<Item = CatalogueDocument>,
    ) -> Result<Catalogue, CatalogueError> {
        let mut catalogue = Catalogue {
            references: Vec::new(),
            lists: Vec::new(),
            entries: Vec::new(),
            by_id: HashMap::default(),
            list_index: HashMap::default(),
            reference_index: HashMap::default(),
            concepts: std::collections::HashSet::default(),
            base_entries: 0,
        };
        let mut problems = Vec::new();
        for (doc_index, document) in documents.into_iter().enumerate() {
            catalogue.add_document(doc_index, document, 0, &mut problems);
        }
        catalogue.base_entries = catalogue.entries.len();
        Problems::into_result(problems)
            .map(|()| catalogue)
            .map_err(CatalogueError::Invalid)
    }

    /// Parses one catalogue document from JSON and builds a catalogue from it alone.
    pub fn from_json(json: &str) -> Result<Catalogue, CatalogueError> {
        Catalogue::from_documents([CatalogueDocument::from_json(json)?])
    }

    /// A new catalogue holding this one's content plus `extension` (a national or local list).
    ///
    /// The extension may use this catalogue's references, lists and concepts. Every problem is
    /// reported at once; an extension id that collides with an existing one is an error, never
    /// an override.
    pub fn extend(&self, extension: CatalogueDocument) -> Result<Catalogue, CatalogueError> {
        let mut catalogue = self.clone();
        let mut problems = Vec::new();
        // Every entry already here, from the base or an earlier extension, is of the
        // catalogue this extends. (`base_entries` stays the base's: `is_extension`.)
        let extends = catalogue.entries.len();
        catalogue.add_document(0, extension, extends, &mut problems);
        Problems::into_result(problems)
            .map(|()| catalogue)
            .map_err(CatalogueError::Invalid)
    }

    /// Parses an extension document from JSON and adds it (see [`Catalogue::extend`]).
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::Catalogue;
    ///
    /// let national = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/rule_sets/national_list.json"
    /// ))?;
    /// let extended = Catalogue::builtin().extend_from_json(&national)?;
    /// assert!(extended.get("example_recruitment_fee_above_legal_cap").is_some());
    /// // An id that collides with a built-in one is an error, never an override.
    /// assert!(extended.extend_from_json(&national).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_from_json(&self, json: &str) -> Result<Catalogue, CatalogueError> {
        self.extend(CatalogueDocument::from_json(json)?)
    }

    /// Adds one document's content. The first `extends` entries are those of the catalogue
    /// an extension extends: an id among them collides, any other repeated id is a duplicate.
    fn add_document(
        &mut self,
        doc_index: usize,
        doc: CatalogueDocument,
        extends: usize,
        problems: &mut Vec<Problem>,
    ) {
        let root = format!("$[{doc_index}]");
        let limits = Limits::default();
        if doc.format_version != CATALOGUE_FORMAT_VERSION {
            problems.push(Problem::new(
                format!("{root}.format_version"),
                format!(
                    "unsupported catalogue format version {}, this crate reads version {CATALOGUE_FORMAT_VERSION}",
                    doc.format_version
                ),
            ));
        }
        if self.entries.len() + doc.entries.len() > limits.max_catalogue_entries {
            problems.push(Problem::new(
                format!("{root}.entries"),
                format!(
                    "a catalogue holds at most {} entries",
                    limits.max_catalogue_entries
                ),
            ));
            return;
        }
        // Every array counted before any item is checked: one over its limit is the
        // document's only problem reported, as one over the byte limit is.
        let too_many = item_count_problems(&doc, &root, limits.max_catalogue_items);
        if !too_many.is_empty() {
            problems.extend(too_many);
            return;
        }
        for (i, reference) in doc.references.into_iter().enumerate() {
            problems.extend(reference_text_problems(
                &reference,
                &format!("{root}.references[{i}]"),
            ));
            if self.reference_index.contains_key(&reference.id) {
                problems.push(Problem::new(
                    format!("{root}.references[{i}].id"),
                    format!("duplicate reference id `{}`", reference.id),
                ));
            } else {
                self.reference_index
                    .insert(reference.id.clone(), self.references.len());
                self.references.push(reference);
            }
        }
        for (i, list) in doc.lists.into_iter().enumerate() {
            // Each list is checked at its own place in the document, a duplicate too.
            self.check_list(&list, &format!("{root}.lists[{i}]"), problems);
            if self.list_index.contains_key(&list.id) {
                problems.push(Problem::new(
                    format!("{root}.lists[{i}].id"),
                    format!("duplicate list id `{}`", list.id),
                ));
            } else {
                self.list_index.insert(list.id.clone(), self.lists.len());
                self.lists.push(list);
            }
        }
        // Per (dimension, concept): the first entry of each kind (plain, item of appearance,
        // background); two kinds never share a concept. One pass, not a scan of every earlier
        // entry per entry.
        let kind = |e: &IndicatorEntry| {
            if e.appearance {
                1
            } else {
                2 * usize::from(e.background.is_some())
            }
        };
        let mut by_concept: HashMap<(Option<Dimension>, ConceptId), [Option<IndicatorId>; 3]> =
            HashMap::new();
        for e in &self.entries {
            let first = by_concept
                .entry((e.dimension, e.concept.clone()))
                .or_default();
            if let Some(slot) = first.get_mut(kind(e)) {
                slot.get_or_insert_with(|| e.id.clone());
            }
        }
        for (i, entry) in doc.entries.into_iter().enumerate() {
            let path = format!("{root}.entries[{i}]");
            if self.by_id.contains_key(&entry.id) {
                let what = if self.by_id.get(&entry.id).is_some_and(|&j| j < extends) {
                    "collides with an indicator id of the catalogue it extends"
                } else {
                    "is a duplicate indicator id"
                };
                problems.push(Problem::new(
                    format!("{path}.id"),
                    format!("`{}` {what}", entry.id),
                ));
                continue;
            }
            self.check_entry(&entry, &path, problems);
            let first = by_concept
                .entry((entry.dimension, entry.concept.clone()))
                .or_default();
            let k = kind(&entry);
            let other = first
                .iter()
                .enumerate()
                .find(|(j, id)| *j != k && id.is_some())
                .and_then(|(j, id)| id.as_ref().map(|id| (j, id)));
            if let Some((j, other)) = other {
                let why = if k == 1 || j == 1 {
                    "only one of them is an item of appearance: a sign of appearance has its own concept"
                } else {
                    "only one of them is marked as background: a background circumstance has its own concept"
                };
                problems.push(Problem::new(
                    format!("{path}.concept"),
                    format!(
                        "concept `{}` is shared with `{other}` in the same dimension, but {why}",
                        entry.concept
                    ),
                ));
            }
            if let Some(slot) = first.get_mut(k) {
                slot.get_or_insert_with(|| entry.id.clone());
            }
            self.by_id.insert(entry.id.clone(), self.entries.len());
            self.concepts.insert(entry.concept.clone());
            self.entries.push(entry);
        }
    }

    /// A list's texts, forms and provenance.
    fn check_list(&self, list: &IndicatorList, path: &str, problems: &mut Vec<Problem>) {
        problems.extend(Problem::of_text(
            format!("{path}.title"),
            &list.title,
            1,
            text::LABEL,
        ));
        problems.extend(Problem::of_text(
            format!("{path}.description"),
            &list.description,
            1,
            text::TEXT,
        ));
        if list.scope.forms.is_empty() {
            problems.push(Problem::new(
                format!("{path}.scope.forms"),
                "name at least one form of exploitation (every form, when the list is general)",
            ));
        }
        self.check_provenance(&list.provenance, &format!("{path}.provenance"), problems);
    }

    fn check_entry(&self, entry: &IndicatorEntry, path: &str, problems: &mut Vec<Problem>) {
        problems.extend(Problem::of_text(
            format!("{path}.label"),
            &entry.label,
            1,
            text::LABEL,
        ));
        problems.extend(Problem::of_text(
            format!("{path}.description"),
            &entry.description,
            1,
            text::NOTE,
        ));
        for (field, question) in [
            ("question", &entry.question),
            ("question_child", &entry.question_child),
        ] {
            if let Some(q) = question {
                problems.extend(Problem::of_text(
                    format!("{path}.{field}"),
                    q,
                    1,
                    text::TITLE,
                ));
            }
        }
        if entry.lists.is_empty() {
            problems.push(Problem::new(
                format!("{path}.lists"),
                "an entry belongs to at least one list",
            ));
        }
        let repeated = crate::model::limits::repeats(entry.lists.iter().map(ListId::as_str));
        for (j, list) in entry.lists.iter().enumerate() {
            if self.list(list.as_str()).is_none() {
                problems.push(Problem::new(
                    format!("{path}.lists[{j}]"),
                    format!("unknown list id `{list}`"),
                ));
            }
            if repeated.binary_search(&j).is_ok() {
                problems.push(Problem::new(
                    format!("{path}.lists[{j}]"),
                    format!("list `{list}` is named twice"),
                ));
            }
        }
        match (entry.dimension, entry.element) {
            (Some(_), Some(_)) => problems.push(Problem::new(
                format!("{path}.element"),
                "an entry with a dimension evidences that dimension's element: give `dimension` or `element`, not both",
            )),
            (None, None) => problems.push(Problem::new(
                path.to_owned(),
                "an entry needs a `dimension`, or an `element` (`act` or `purpose`) when it belongs to no dimension",
            )),
            (None, Some(crate::model::indicator::PalermoElement::Means)) => problems.push(Problem::new(
                format!("{path}.element"),
                "the means are evidenced through the ILO/EC dimensions: an entry without a dimension evidences `act` or `purpose`",
            )),
            _ => {}
        }
        if entry.act_evidence.is_some()
            && !entry
                .dimension
                .is_some_and(Dimension::may_mark_act_evidence)
        {
            problems.push(Problem::new(
                format!("{path}.act_evidence"),
                "only a recruitment-phase entry or an entry of coercion at destination is marked as evidence of the act",
            ));
        }
        if let Some(mark) = &entry.act_evidence {
            problems.extend(Problem::of_text(
                format!("{path}.act_evidence.reason"),
                &mark.reason,
                1,
                text::TITLE,
            ));
        }
        if let Some(mark) = &entry.background {
            if !matches!(
                entry.dimension,
                Some(
                    Dimension::RecruitmentByAbuseOfVulnerability
                        | Dimension::AbuseOfVulnerabilityAtDestination
                )
            ) {
                problems.push(Problem::new(
                    format!("{path}.background"),
                    "only an entry of a vulnerability dimension is marked as background",
                ));
            }
            if entry.appearance {
                problems.push(Problem::new(
                    format!("{path}.background"),
                    "an item of appearance is not marked as background: it is score only already",
                ));
            }
            if entry.act_evidence.as_ref().is_some_and(|m| m.evidences_act) {
                problems.push(Problem::new(
                    format!("{path}.background"),
                    "background (the person's own circumstances) is not conduct of a recruiter: it cannot also be marked `evidences_act: true`",
                ));
            }
            problems.extend(Problem::of_text(
                format!("{path}.background.reason"),
                &mark.reason,
                1,
                text::TITLE,
            ));
        }
        if entry.appearance && entry.dimension.is_none() {
            problems.push(Problem::new(
                format!("{path}.appearance"),
                "an element fact is not an item of appearance",
            ));
        }
        let repeated = crate::model::limits::repeats(entry.forms.iter().map(|f| *f as usize));
        for j in repeated {
            if let Some(form) = entry.forms.get(j) {
                problems.push(Problem::new(
                    format!("{path}.forms[{j}]"),
                    format!("form `{}` is named twice", form.as_str()),
                ));
            }
        }
        self.check_provenance(&entry.provenance, &format!("{path}.provenance"), problems);
        // The entry's own lists as a set, looked up once per variation.
        let own: std::collections::HashSet<&str, SeededState> = if entry.list_strengths.is_empty() {
            std::collections::HashSet::default()
        } else {
            entry.lists.iter().map(ListId::as_str).collect()
        };
        let repeated =
            crate::model::limits::repeats(entry.list_strengths.iter().map(|v| v.list.as_str()));
        for (j, variation) in entry.list_strengths.iter().enumerate() {
            let vpath = format!("{path}.list_strengths[{j}]");
            if !own.contains(variation.list.as_str()) {
                problems.push(Problem::new(
                    format!("{vpath}.list"),
                    format!(
                        "the entry is not in list `{}`, so that list cannot give it a strength",
                        variation.list
                    ),
                ));
            }
            if repeated.binary_search(&j).is_ok() {
                problems.push(Problem::new(
                    format!("{vpath}.list"),
                    format!("list `{}` gives this entry two strengths", variation.list),
                ));
            }
            self.check_provenance(
                &variation.provenance,
                &format!("{vpath}.provenance"),
                problems,
            );
        }
    }

    fn check_provenance(&self, provenance: &Provenance, path: &str, problems: &mut Vec<Problem>) {
        if self.reference(provenance.source.as_str()).is_none() {
            problems.push(Problem::new(
                format!("{path}.source"),
                format!("unknown reference id `{}`", provenance.source),
            ));
        }
        if let Some(via) = &provenance.via
            && self.reference(via.as_str()).is_none()
        {
            problems.push(Problem::new(
                format!("{path}.via"),
                format!("unknown reference id `{via}`"),
            ));
        }
        problems.extend(Problem::of_text(
            format!("{path}.section"),
            &provenance.section,
            1,
            text::TITLE,
        ));
        for (k, note) in provenance.notes.iter().enumerate() {
            problems.extend(Problem::of_text(
                format!("{path}.notes[{k}]"),
                note,
                1,
                text::NOTE,
            ));
        }
        if provenance.verification == Verification::ProjectJudgement
            && provenance.notes.iter().all(|n| n.trim().is_empty())
        {
            problems.push(Problem::new(
                format!("{path}.notes"),
                "a project judgement must give its reason in a note",
            ));
        }
    }

    /// The built-in catalogue's own id for `text`, if the built-in catalogue has been loaded
    /// in this process and has an entry with that id. Its text lives for the whole process, so
    /// the case reader takes it instead of allocating a copy of the same id for every
    /// observation (an id compares by its text, so which copy a case holds is not observable).
    pub(crate) fn builtin_id(text: &str) -> Option<IndicatorId> {
        let catalogue = BUILTIN.get()?;
        catalogue.get(text).map(|entry| entry.id.clone())
    }

    /// The id in this catalogue nearest to `id`, one it does not have, if `id` is near
    /// enough to be its misspelling (see `model::id::nearest`): what an error names instead
    /// of the unknown id, which may be anything typed.
    pub(crate) fn nearest_id(&self, id: &str) -> Option<IndicatorId> {
        let nearest = crate::model::id::nearest(id, self.entries.iter().map(|e| e.id.as_str()))?;
        self.get(nearest).map(|e| e.id.clone())
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&IndicatorEntry> {
        self.by_id.get(id).and_then(|&i| self.entries.get(i))
    }

    /// The position of the entry with this id in [`Catalogue::entries`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[IndicatorEntry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalogue has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in one dimension, in file order.
    pub fn in_dimension(&self, dimension: Dimension) -> impl Iterator<Item = &IndicatorEntry> {
        self.entries
            .iter()
            .filter(move |e| e.dimension == Some(dimension))
    }

    /// The entries of one list, in file order (empty for an unknown list).
    pub fn in_list<'a>(&'a self, list: &'a str) -> impl Iterator<Item = &'a IndicatorEntry> {
        self.entries
            .iter()
            .filter(move |e| e.lists.iter().any(|l| l.as_str() == list))
    }

    /// Every list, in file order.
    pub fn lists(&self) -> &[IndicatorList] {
        &self.lists
    }

    /// The list with this id.
    pub fn list(&self, id: &str) -> Option<&IndicatorList> {
        self.list_index.get(id).and_then(|&i| self.lists.get(i))
    }

    /// Every reference, in file order.
    pub fn references(&self) -> &[Reference] {
        &self.references
    }

    /// The reference with this id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.reference_index
            .get(id)
            .and_then(|&i| self.references.get(i))
    }

    /// The entries sharing each concept, concepts in order of first appearance.
    pub fn concepts(&self) -> Vec<(&ConceptId, Vec<&IndicatorEntry>)> {
        let mut order: Vec<&ConceptId> = Vec::new();
        let mut members: BTreeMap<&ConceptId, Vec<&IndicatorEntry>> = BTreeMap::new();
        for entry in &self.entries {
            let slot = members.entry(&entry.concept).or_default();
            if slot.is_empty() {
                order.push(&entry.concept);
            }
            slot.push(entry);
        }
        order
            .into_iter()
            .map(|c| (c, members.remove(c).unwrap_or_default()))
            .collect()
    }

    /// Whether any entry has this concept.
    pub fn has_concept(&self, concept: &str) -> bool {
        self.concepts.contains(concept)
    }

    /// The whole catalogue as one document in the catalogue file format.
    pub fn to_document(&self) -> CatalogueDocument {
        CatalogueDocument {
            format_version: CATALOGUE_FORMAT_VERSION,
            references: self.references.clone(),
            lists: self.lists.clone(),
            entries: self.entries.clone(),
        }
    }

    /// The canonical JSON of the catalogue: the serialization of [`Catalogue::to_document`].
    pub fn canonical_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(&self.to_document())
    }

    /// The SHA-256 digest of [`Catalogue::canonical_json`], as lowercase hex. Assessments
    /// record it, so an auditor can tell which catalogue produced them.
    /// A failure to write the canonical JSON is an error, never the digest of an empty text.
    pub fn digest(&self) -> Result<String, serde_json::Error> {
        Ok(crate::model::hash::sha256_hex(
            self.canonical_json()?.as_bytes(),
        ))
    }

    /// Whether the entry with this id came from an extension rather than the base catalogue.
    pub fn is_extension(&self, id: &IndicatorId) -> bool {
        self.by_id.get(id).is_some_and(|&i| i >= self.base_entries)
    }
}

pub(crate) mod priors;
pub use priors::*;

/// The arrays of a catalogue document (other than its entries, whose limit counts the whole
/// catalogue) that hold more than `limit` items, each as a problem at its path. Linear in the
/// document: it reads each array's length, never its items, and writes a path only for an
/// array over the limit.
fn item_count_problems(doc: &CatalogueDocument, root: &str, limit: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut count = |n: usize, path: &dyn Fn() -> String| {
        if n > limit {
            problems.extend(Problem::of_count(path(), n, limit));
        }
    };
    count(doc.references.len(), &|| format!("{root}.references"));
    count(doc.lists.len(), &|| format!("{root}.lists"));
    for (i, list) in doc.lists.iter().enumerate() {
        count(list.scope.forms.len(), &|| {
            format!("{root}.lists[{i}].scope.forms")
        });
        count(list.provenance.notes.len(), &|| {
            format!("{root}.lists[{i}].provenance.notes")
        });
    }
    for (i, entry) in doc.entries.iter().enumerate() {
        count(entry.lists.len(), &|| format!("{root}.entries[{i}].lists"));
        count(entry.forms.len(), &|| format!("{root}.entries[{i}].forms"));
        count(entry.list_strengths.len(), &|| {
            format!("{root}.entries[{i}].list_strengths")
        });
        count(entry.provenance.notes.len(), &|| {
            format!("{root}.entries[{i}].provenance.notes")
        });
        for (j, variation) in entry.list_strengths.iter().enumerate() {
            count(variation.provenance.notes.len(), &|| {
                format!("{root}.entries[{i}].list_strengths[{j}].provenance.notes")
            });
        }
    }
    problems
}

/// The problems with a reference's texts (title, address, note, jurisdiction, quote): the
/// bounds of its schema. Shared by rule sets and catalogue documents.
pub(crate) fn reference_text_problems(r: &Reference, path: &str) -> Vec<Problem> {
    let (jmin, jmax) = text::JURISDICTION;
    let texts = [
        ("title", Some(r.title.as_str()), 1, text::TITLE),
        ("url", r.url.as_deref(), 0, text::TITLE),
        ("note", r.note.as_deref(), 0, text::NOTE),
        ("jurisdiction", r.jurisdiction.as_deref(), jmin, jmax),
        ("quote", r.quote.as_deref(), 0, text::TEXT),
    ];
    texts
        .into_iter()
        .filter_map(|(field, value, min, max)| {
            Problem::of_text(format!("{path}.{field}"), value?, min, max)
        })
        .collect()
}
