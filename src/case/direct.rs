//! Reading a case straight from its text, without building the JSON tree first.
//!
//! [`Case::from_json`] reads a well-formed, valid case here, field by field, as the strict
//! reader reads it from the tree; at the first thing it does not handle, or that the strict
//! reader would call an error, it gives up (`None`) and the document is read again through the
//! tree and the strict reader, which give every error. So every error still comes from one
//! place, and this reader only makes the common case cheaper (about 15% of a batch case's
//! instructions).
//!
//! It gives up on: any syntax the tree's fast path gives up on (see `model::json_in`), an
//! unknown or repeated key, a value of the wrong type or outside its set, a number written
//! with a fraction or an exponent, a text or a list over its limit, an indicator id that is
//! not a well-formed id, and a case that fails [`Case::check`]. Whatever it returns is what
//! the strict reader returns for the same text: `Case::from_json` and `Case`'s serde
//! `Deserialize` (which always reads through the tree) are compared on every data, bundled,
//! generated and damaged case by `tests/integration/case_format.rs`, by the property test
//! below (on damaged generated cases, and on random case-shaped documents of every kind) and
//! by the `case` fuzz target; the tests below also check that every valid data, bundled and
//! generated case is read here, that this reader's own limit checks hold without
//! `Case::check`, and that its key lists are the case schema's.

use super::{
    CASE_KEYS, Case, CaseReference, INTERVIEW_KEYS, InterviewCondition, InterviewRecord, Keyword,
    MAX_VISA_CHARS, Measure, Note, OBSERVATION_KEYS, OFFENCE_KEYS, Observation, Offence,
    SAFETY_KEYS, SUBJECT_KEYS, SexualExploitationType, Subject, Visa, age_within, chars_over,
    indicator_id_of, year_within,
};
use crate::model::id::IndicatorId;
use crate::model::json_in::Parser;
use crate::model::limits::Limits;

/// The depth limit a case needs (objects at depths 0 to 2: the root, `interview`, `safety`):
/// the tree refuses a case below it, so this reader gives up there.
const CASE_NESTING: usize = 3;

/// The case in `text`, or `None` when the strict reader must read it (see the module
/// documentation).
pub(super) fn read(text: &str, limits: &Limits) -> Option<Case> {
    let case = read_unchecked(text, limits)?;
    case.check().ok()?;
    Some(case)
}

/// The document read as [`read`] reads it, without [`Case::check`]. Its own checks of a
/// value's limits (a text's length, a list's count, an age) make it give up early; `check`
/// repeats them, but the tests check them here on their own.
fn read_unchecked(text: &str, limits: &Limits) -> Option<Case> {
    if limits.max_case_depth < CASE_NESTING {
        return None;
    }
    let mut reader = Direct {
        p: Parser::new(text, limits.max_case_depth),
        limits,
    };
    let case = reader.case()?;
    reader.p.at_end().then_some(case)
}

struct Direct<'a, 'l> {
    p: Parser<'a>,
    limits: &'l Limits,
}

impl<'a> Direct<'a, '_> {
    /// An object whose keys are among `fields` (at most 32; the case module's `*_KEYS`, shared
    /// with the strict reader), each at most once; `value` reads the value of a key, given as
    /// its entry in `fields` (the readers below match on the name, not the position, so that
    /// the order of a key list does not matter).
    fn object(
        &mut self,
        fields: &[&'static str],
        mut value: impl FnMut(&mut Self, &'static str) -> Option<()>,
    ) -> Option<()> {
        self.p.expect(b'{')?;
        self.p.whitespace();
        if self.p.peek()? == b'}' {
            self.p.advance();
            return Some(());
        }
        let mut seen = 0u32;
        loop {
            let key = self.p.quoted()?;
            let (i, name) = fields
                .iter()
                .copied()
                .enumerate()
                .find(|(_, f)| *f == key)?;
            let bit = 1u32.checked_shl(u32::try_from(i).ok()?)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            self.p.expect(b':')?;
            value(self, name)?;
            self.p.whitespace();
            match self.p.peek()? {
                b',' => self.p.advance(),
                b'}' => {
                    self.p.advance();
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array of at most `limit` items, each read by `item`.
    fn array<T>(
        &mut self,
        limit: usize,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.p.expect(b'[')?;
        let mut items = Vec::new();
        self.p.whitespace();
        if self.p.peek()? == b']' {
            self.p.advance();
            return Some(items);
        }
        loop {
            if items.len() == limit {
                return None;
            }
            items.push(item(self)?);
            self.p.whitespace();
            match self.p.peek()? {
                b',' => self.p.advance(),
                b']' => {
                    self.p.advance();
                    return Some(items);
                }
                _ => return None,
            }
        }
    }

    /// A text of at most `limit` characters.
    fn text(&mut self, limit: usize) -> Option<String> {
        let text = self.p.quoted()?;
        match chars_over(&text, limit) {
            Some(_) => None,
            None => Some(text.into_owned()),
        }
    }

    /// A text, or `null` for none.
    fn optional_text(&mut self, limit: usize) -> Option<Option<String>> {
        if self.p.null()? {
            return Some(None);
        }
        self.text(limit).map(Some)
    }

    fn keyword<T: Keyword>(&mut self) -> Option<T> {
        T::named(&self.p.quoted()?)
    }

    fn optional_keyword<T: Keyword>(&mut self) -> Option<Option<T>> {
        if self.p.null()? {
            return Some(None);
        }
        self.keyword().map(Some)
    }

    fn optional_bool(&mut self) -> Option<Option<bool>> {
        if self.p.null()? {
            return Some(None);
        }
        self.p.boolean().map(Some)
    }

    fn age(&mut self) -> Option<Option<u8>> {
        if self.p.null()? {
            return Some(None);
        }
        age_within(self.p.unsigned()?, self.limits).map(Some)
    }

    fn year(&mut self) -> Option<Option<u16>> {
        if self.p.null()? {
            return Some(None);
        }
        year_within(self.p.unsigned()?).map(Some)
    }

    fn indicator_id(&mut self) -> Option<IndicatorId> {
        indicator_id_of(&self.p.quoted()?).ok()
    }

    fn note(&mut self) -> Option<Option<Note>> {
        let limit = self.limits.max_note_chars;
        self.optional_text(limit).map(|t| t.map(Note))
    }

    fn case(&mut self) -> Option<Case> {
        let mut case = Case::default();
        self.object(CASE_KEYS, |r, key| {
            match key {
                "case_reference" => {
                    let limit = r.limits.max_case_reference_chars;
                    case.case_reference = r.optional_text(limit)?.map(CaseReference);
                }
                "subject" => case.subject = r.subject()?,
                "forms" => case.forms = r.array(r.limits.max_forms, Self::keyword)?,
                "sexual_exploitation_types" => {
                    let limit = SexualExploitationType::ALL.len();
                    case.sexual_exploitation_types = r.array(limit, Self::keyword)?;
                }
                "observations" => {
                    case.observations = r.array(r.limits.max_observations, Self::observation)?
                }
                "offences" => case.offences = r.array(r.limits.max_offences, Self::offence)?,
                "exploitation_began_year" => case.exploitation_began_year = r.year()?,
                "sector" => case.sector = r.optional_keyword()?,
                "measures" => case.measures = r.array(Measure::ALL.len(), Self::keyword)?,
                "interview_conditions" => {
                    let limit = InterviewCondition::ALL.len();
                    case.interview_conditions = r.array(limit, Self::keyword)?;
                }
                "interview" => {
                    case.interview = if r.p.null()? {
                        None
                    } else {
                        Some(r.interview()?)
                    };
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(case)
    }

    fn subject(&mut self) -> Option<Subject> {
        let mut s = Subject::default();
        self.object(SUBJECT_KEYS, |r, key| {
            match key {
                "age_years" => s.age_years = r.age()?,
                "minor" => s.minor = r.optional_bool()?,
                "disability" => s.disability = r.optional_bool()?,
                "possibly_minor" => s.possibly_minor = r.optional_bool()?,
                "age_at_exploitation_years" => s.age_at_exploitation_years = r.age()?,
                "minor_at_exploitation" => s.minor_at_exploitation = r.optional_bool()?,
                "birth_year" => s.birth_year = r.year()?,
                "national" => s.national = r.optional_bool()?,
                "visa" => s.visa = r.optional_text(MAX_VISA_CHARS)?.map(Visa),
                _ => return None,
            }
            Some(())
        })?;
        Some(s)
    }

    fn observation(&mut self) -> Option<Observation> {
        let (mut indicator, mut status, mut source, mut note) = (None, None, None, None);
        self.object(OBSERVATION_KEYS, |r, key| {
            match key {
                "indicator" => indicator = Some(r.indicator_id()?),
                "status" => status = Some(r.keyword()?),
                "source" => source = r.optional_keyword()?,
                "note" => note = r.note()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Observation {
            indicator: indicator?,
            status: status?,
            source,
            note,
        })
    }

    fn offence(&mut self) -> Option<Offence> {
        let (mut kind, mut stage, mut note) = (None, None, None);
        self.object(OFFENCE_KEYS, |r, key| {
            match key {
                "kind" => kind = Some(r.keyword()?),
                "stage" => stage = r.optional_keyword()?,
                "note" => note = r.note()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Offence {
            kind: kind?,
            stage,
            note,
        })
    }

    fn interview(&mut self) -> Option<InterviewRecord> {
        let mut record = InterviewRecord::default();
        self.object(INTERVIEW_KEYS, |r, key| {
            match key {
                "asked" => record.asked = r.array(r.limits.max_observations, Self::indicator_id)?,
                "age_not_known" => record.age_not_known = r.optional_bool()?.unwrap_or(false),
                "forms_not_known" => record.forms_not_known = r.optional_bool()?.unwrap_or(false),
                "birth_year_not_known" => {
                    record.birth_year_not_known = r.optional_bool()?.unwrap_or(false);
                }
                "sexual_exploitation_types_not_known" => {
                    record.sexual_exploitation_types_not_known =
                        r.optional_bool()?.unwrap_or(false);
                }
                "opening_asked" => {
                    record.opening_asked = r.array(r.limits.max_observations, Self::keyword)?;
                }
                "safety" => {
                    let safety = &mut record.safety;
                    r.object(SAFETY_KEYS, |r, key| {
                        let answer = r.optional_keyword()?;
                        match key {
                            "hurt" => safety.hurt = answer,
                            "in_danger" => safety.in_danger = answer,
                            "needs_doctor" => safety.needs_doctor = answer,
                            _ => return None,
                        }
                        Some(())
                    })?;
                }
                _ => return None,
            }
            Some(())
        })?;
        Some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{ParseOptions, read_strict};
    use crate::interop::synthetic::SyntheticCases;
    use proptest::prelude::*;

    fn strict(text: &str) -> Option<Case> {
        read_strict(text, ParseOptions::new(), &Limits::default()).ok()
    }

    fn direct(text: &str) -> Option<Case> {
        read(text, &Limits::default())
    }

    /// The texts of every data test case and bundled case.
    fn shipped_cases() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for folder in ["tests/cases", "examples/cases"] {
            let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
            {
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                if folder == "tests/cases" {
                    // The case's own text, as written (its spacing, escapes and numbers),
                    // and the same case as serde_json writes it.
                    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                    texts.push(serde_json::to_string(&value["case"]).unwrap_or_default());
                    let raw = text.find("\"case\":").and_then(|at| {
                        let rest = text.get(at + 7..)?;
                        let mut values = serde_json::Deserializer::from_str(rest)
                            .into_iter::<serde_json::Value>();
                        values.next()?.ok()?;
                        rest.get(..values.byte_offset())
                    });
                    texts.push(raw.unwrap_or_default().to_owned());
                } else {
                    texts.push(text);
                }
            }
        }
        texts
    }

    #[test]
    fn every_valid_shipped_case_is_read_directly_as_the_strict_reader_reads_it() {
        let texts = shipped_cases();
        assert!(texts.len() > 200, "{} cases", texts.len());
        let mut read_directly = 0;
        let mut valid = 0;
        for text in &texts {
            let by_tree = strict(text);
            valid += usize::from(by_tree.is_some());
            match direct(text) {
                Some(case) => {
                    assert_eq!(Some(&case), by_tree.as_ref(), "{text}");
                    read_directly += 1;
                }
                // Some data cases are invalid on purpose: they test an error.
                None => assert!(by_tree.is_none(), "not read directly: {text}"),
            }
        }
        assert_eq!(read_directly, valid);
        assert!(valid > texts.len() * 8 / 10, "{valid} of {}", texts.len());
    }

    /// Every field the case schema names is one this reader reads: a field added to the case
    /// format must be added here too.
    #[test]
    fn the_direct_reader_knows_every_field_of_the_case_schema() {
        let schemas = crate::interop::schema::schemas();
        let Some(file) = schemas.iter().find(|f| f.file_name == "case.schema.json") else {
            panic!("no case schema");
        };
        let names = |v: &serde_json::Value| -> Vec<String> {
            let mut names: Vec<String> = v["properties"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            names.sort();
            names
        };
        let sorted = |fields: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(names(&file.schema), sorted(CASE_KEYS));
        let defs = &file.schema["$defs"];
        for (name, fields) in [
            ("Subject", SUBJECT_KEYS),
            ("Observation", OBSERVATION_KEYS),
            ("Offence", OFFENCE_KEYS),
            ("InterviewRecord", INTERVIEW_KEYS),
            ("Safety", SAFETY_KEYS),
        ] {
            assert_eq!(names(&defs[name]), sorted(fields), "{name}");
        }
        let objects = defs
            .as_object()
            .map(|m| m.values().filter(|v| v.get("properties").is_some()).count())
            .unwrap_or(0);
        assert_eq!(objects, 5, "an object type was added to the case format");
    }

    #[test]
    fn generated_cases_are_read_directly() {
        for case in SyntheticCases::new(3).take(200) {
            for text in [
                serde_json::to_string(&case).unwrap_or_default(),
                case.to_json_pretty(),
            ] {
                assert_eq!(direct(&text), Some(case.clone()));
            }
        }
    }

    #[test]
    fn what_the_direct_reader_leaves_to_the_strict_reader() {
        // Read by both alike: nulls for optional values, escapes, every field.
        let full = r#"{"case_reference":"r\u00e9f \"1\"","subject":{"age_years":null,"minor":null,"disability":false,"possibly_minor":null,"age_at_exploitation_years":16,"minor_at_exploitation":true,"birth_year":2001,"national":false,"visa":"E-6-2"},"forms":["sexual"],"sexual_exploitation_types":["pornography","prostitution"],"observations":[{"indicator":"withholding_of_wages","status":"present","source":null,"note":"line\nnext"}],"offences":[{"kind":"prostitution","stage":"suspected","note":null}],"exploitation_began_year":2019,"sector":null,"measures":["detention"],"interview_conditions":["not_private"],"interview":{"asked":["withholding_of_wages"],"age_not_known":true,"forms_not_known":null,"birth_year_not_known":true,"sexual_exploitation_types_not_known":false,"opening_asked":["age","reasons_to_believe_child","birth_year","forms","sexual_exploitation_types","age"],"safety":{"hurt":"no","in_danger":null}}}"#;
        assert!(direct(full).is_some());
        assert_eq!(direct(full), strict(full));
        // Left to the strict reader: valid ones it reads, and errors it names.
        for (text, valid) in [
            (r#"{"subject":{"age_years":30.0}}"#, true),
            (r#"{"forms":[],"forms":[]}"#, false),
            (r#"{"subject":{},"subject":{}}"#, false),
            (r#"{"unknown":1}"#, false),
            (r#"{"forms":null}"#, false),
            (r#"{"subject":{"age_years":131}}"#, false),
            (r#"{"subject":{"age_years":-1}}"#, false),
            (r#"{"subject":{"age_years":7,"minor":false}}"#, false),
            (
                r#"{"observations":[{"indicator":"Not an id","status":"present"}]}"#,
                false,
            ),
            (r#"{"observations":[{"status":"present"}]}"#, false),
            (
                r#"{"forms":["sexual","labour","sexual","labour","sexual","labour","sexual","labour","sexual","labour","sexual"]}"#,
                false,
            ),
            (r#"{} {}"#, false),
            (r#"{"#, false),
        ] {
            assert_eq!(direct(text), None, "{text}");
            assert_eq!(strict(text).is_some(), valid, "{text}");
        }
    }

    /// The direct reader's own checks of a value's limits, without `Case::check` (which
    /// repeats them): at the limit it reads, one over it gives up; the strict reader refuses
    /// one over.
    #[test]
    fn the_direct_reader_gives_up_over_each_limit_itself() {
        let l = Limits::default();
        let observation = r#"{"indicator":"x","status":"present"}"#;
        let offence = r#"{"kind":"other"}"#;
        let list = |item: &str, n: usize| vec![item; n].join(",");
        let kinds = |names: &[&str], n: usize| {
            names
                .iter()
                .cycle()
                .take(n)
                .map(|k| format!("\"{k}\""))
                .collect::<Vec<_>>()
                .join(",")
        };
        let forms = ["labour", "sexual", "begging", "other", "organ_removal"];
        let measures = ["detention", "removal_pending", "refusal_of_entry"];
        let conditions = [
            "exploiter_present",
            "no_interpreter",
            "interpreter_linked_to_exploiter",
            "not_private",
        ];
        let types = [
            "prostitution",
            "pornography",
            "remote_interactive_services",
            "private_sexual_services",
        ];
        let at_and_over = |f: &dyn Fn(usize) -> String, limit: usize| (f(limit), f(limit + 1));
        let cases: Vec<(String, String)> = vec![
            at_and_over(
                &|n| format!(r#"{{"subject":{{"age_years":{n}}}}}"#),
                l.max_age_years as usize,
            ),
            at_and_over(
                &|n| format!(r#"{{"case_reference":"{}"}}"#, "가".repeat(n)),
                l.max_case_reference_chars,
            ),
            at_and_over(
                &|n| format!(r#"{{"subject":{{"visa":"{}"}}}}"#, "é".repeat(n)),
                MAX_VISA_CHARS,
            ),
            at_and_over(
                &|n| {
                    format!(
                        r#"{{"observations":[{{"indicator":"x","status":"present","note":"{}"}}]}}"#,
                        "\\u00e9".repeat(n)
                    )
                },
                l.max_note_chars,
            ),
            at_and_over(
                &|n| format!(r#"{{"observations":[{}]}}"#, list(observation, n)),
                l.max_observations,
            ),
            at_and_over(
                &|n| format!(r#"{{"interview":{{"asked":[{}]}}}}"#, list("\"x\"", n)),
                l.max_observations,
            ),
            at_and_over(
                &|n| format!(r#"{{"offences":[{}]}}"#, list(offence, n)),
                l.max_offences,
            ),
            at_and_over(
                &|n| format!(r#"{{"forms":[{}]}}"#, kinds(&forms, n)),
                l.max_forms,
            ),
            at_and_over(
                &|n| format!(r#"{{"measures":[{}]}}"#, kinds(&measures, n)),
                Measure::ALL.len(),
            ),
            at_and_over(
                &|n| format!(r#"{{"interview_conditions":[{}]}}"#, kinds(&conditions, n)),
                InterviewCondition::ALL.len(),
            ),
            at_and_over(
                &|n| {
                    format!(
                        r#"{{"forms":["sexual"],"sexual_exploitation_types":[{}]}}"#,
                        kinds(&types, n)
                    )
                },
                SexualExploitationType::ALL.len(),
            ),
        ];
        for (at, over) in &cases {
            assert!(read_unchecked(at, &l).is_some(), "{at}");
            assert!(read_unchecked(over, &l).is_none(), "{over}");
            assert!(strict(over).is_none(), "{over}");
        }
        // Ages and years outside what the limits and the types hold.
        for text in [
            r#"{"subject":{"age_years":256}}"#,
            r#"{"subject":{"birth_year":1899}}"#,
            r#"{"subject":{"birth_year":2101}}"#,
            r#"{"exploitation_began_year":65536}"#,
        ] {
            assert!(read_unchecked(text, &l).is_none(), "{text}");
            assert!(strict(text).is_none(), "{text}");
        }
    }

    /// Random case-shaped documents of every kind the format meets: keys written with
    /// escapes, nulls everywhere, numbers in every spelling, strings with every escape (lone
    /// surrogates included), texts and lists at and over their limits, whitespace JSON allows
    /// and does not, trailing commas and content. The direct reader gives up or reads what
    /// the strict reader reads; each outcome occurs. (The generator comes from a review of the
    /// direct reader, which ran it on four million documents.)
    #[test]
    fn random_documents_of_every_shape() {
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut both, mut strict_only, mut neither) = (0, 0, 0);
        for _ in 0..20_000 {
            let mut text = doc(&mut r);
            if r.below(50) == 0 {
                text.push_str(r.pick(&[" ", "x", "{}", "\u{feff}", "\n", "\u{0}"]));
            }
            let by_tree = strict(&text);
            match direct(&text) {
                Some(case) => {
                    assert_eq!(Some(&case), by_tree.as_ref(), "{text}");
                    both += 1;
                }
                None if by_tree.is_some() => strict_only += 1,
                None => neither += 1,
            }
        }
        assert!(
            both > 2_000 && strict_only > 10 && neither > 2_000,
            "{both} {strict_only} {neither}"
        );
    }

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'s>(&mut self, xs: &[&'s str]) -> &'s str {
            xs.get(self.below(xs.len())).copied().unwrap_or_default()
        }
        fn quoted(&mut self, xs: &[&str]) -> String {
            format!("\"{}\"", self.pick(xs))
        }
    }

    fn ws(r: &mut Rng) -> String {
        match r.below(400) {
            0..=9 => " ",
            10..=19 => "\n",
            20..=29 => "\t",
            30..=39 => "\r",
            40 => "\u{c}",
            41 => "\u{a0}",
            42..=50 => "  \n ",
            _ => "",
        }
        .to_owned()
    }

    fn key(r: &mut Rng, k: &str) -> String {
        let mut out = String::from("\"");
        for c in k.chars() {
            if r.below(20) == 0 {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push(c);
            }
        }
        out.push('"');
        out
    }

    fn string(r: &mut Rng) -> String {
        let parts = [
            "a",
            "가",
            "\\n",
            "\\\"",
            "\\u00e9",
            "\\ud83d\\ude00",
            "\\ud83d",
            "\\ude00",
            "\u{1}",
            "\u{7f}",
            "\\/",
            "\\u0000",
            "😀",
            "e\u{301}",
            "\\x",
            "\t",
        ];
        let mut s = String::from("\"");
        for _ in 0..r.below(6) {
            s.push_str(r.pick(&parts));
        }
        if r.below(30) == 0 {
            s.push_str(&"가".repeat(r.below(3) + 199));
        }
        if r.below(30) == 0 {
            s.push_str(&"\\u00e9".repeat(r.below(3) + 199));
        }
        if r.below(40) == 0 {
            s.push_str(&"x".repeat(r.below(3) + 3999));
        }
        s.push('"');
        s
    }

    fn number(r: &mut Rng) -> String {
        r.pick(&[
            "0",
            "00",
            "-0",
            "-1",
            "1",
            "7",
            "17",
            "18",
            "30",
            "30.0",
            "30.5",
            "3e1",
            "130",
            "131",
            "255",
            "256",
            "1900",
            "1899",
            "2000",
            "2001",
            "2019",
            "2100",
            "2101",
            "01",
            "18446744073709551615",
            "18446744073709551616",
            "1E1",
            "-0.0",
            "1.0e0",
        ])
        .to_owned()
    }

    fn scalar(r: &mut Rng) -> String {
        match r.below(8) {
            0 => "null".to_owned(),
            1 => "true".to_owned(),
            2 => "false".to_owned(),
            3 => number(r),
            4 => string(r),
            5 => "[]".to_owned(),
            6 => "{}".to_owned(),
            _ => r.quoted(&[
                "present",
                "sexual",
                "detention",
                "yes",
                "Present",
                "x",
                "\\u0070resent",
            ]),
        }
    }

    fn opt(r: &mut Rng, f: &mut dyn FnMut(&mut Rng) -> String) -> String {
        if r.below(4) == 0 {
            "null".to_owned()
        } else {
            f(r)
        }
    }

    fn obj(r: &mut Rng, keys: &[&str], val: &mut dyn FnMut(&mut Rng, &str) -> String) -> String {
        let mut s = format!("{}{{", ws(r));
        for i in 0..r.below(keys.len().min(5) + 1) {
            let k = if r.below(100) == 0 {
                "unknown"
            } else {
                r.pick(keys)
            };
            if i > 0 {
                s.push_str(&ws(r));
                s.push(',');
            }
            s.push_str(&ws(r));
            s.push_str(&key(r, k));
            s.push_str(&ws(r));
            s.push(':');
            s.push_str(&ws(r));
            let v = if r.below(80) == 0 {
                scalar(r)
            } else {
                val(r, k)
            };
            s.push_str(&v);
            s.push_str(&ws(r));
        }
        if r.below(60) == 0 {
            s.push(',');
        }
        s.push('}');
        s
    }

    fn arr(r: &mut Rng, max: usize, item: &mut dyn FnMut(&mut Rng) -> String) -> String {
        let n = if r.below(20) == 0 {
            max + r.below(3)
        } else {
            r.below(4)
        };
        let items: Vec<String> = (0..n)
            .map(|_| format!("{}{}{}", ws(r), item(r), ws(r)))
            .collect();
        let mut s = format!("[{}", items.join(","));
        if r.below(60) == 0 {
            s.push(',');
        }
        s.push(']');
        s
    }

    fn doc(r: &mut Rng) -> String {
        let limits = Limits::default();
        let answer = ["yes", "no", "not_known"];
        obj(r, CASE_KEYS, &mut |r, k| match k {
            "case_reference" => opt(r, &mut string),
            "subject" => obj(r, SUBJECT_KEYS, &mut |r, k| match k {
                "age_years" | "age_at_exploitation_years" | "birth_year" => opt(r, &mut number),
                "visa" => opt(r, &mut string),
                _ => r.pick(&["null", "true", "false"]).to_owned(),
            }),
            "forms" => arr(r, limits.max_forms, &mut |r| {
                r.quoted(&[
                    "sexual",
                    "labour",
                    "begging",
                    "other",
                    "organ_removal",
                    "forced_marriage",
                ])
            }),
            "sexual_exploitation_types" => arr(r, 4, &mut |r| {
                r.quoted(&[
                    "prostitution",
                    "pornography",
                    "remote_interactive_services",
                    "private_sexual_services",
                ])
            }),
            "observations" => arr(r, 3, &mut |r| {
                obj(r, OBSERVATION_KEYS, &mut |r, k| match k {
                    "indicator" => r.quoted(&[
                        "withholding_of_wages",
                        "debt_bondage_at_destination",
                        "x",
                        "a_b",
                        "Bad",
                        "a-b",
                        "",
                        "\\u0078",
                    ]),
                    "status" => r.quoted(&["present", "absent", "not_assessed"]),
                    "source" => opt(r, &mut |r| r.quoted(&["document", "self_report"])),
                    _ => opt(r, &mut string),
                })
            }),
            "offences" => arr(r, 3, &mut |r| {
                obj(r, OFFENCE_KEYS, &mut |r, k| match k {
                    "kind" => r.quoted(&["prostitution", "begging", "other"]),
                    "stage" => opt(r, &mut |r| r.quoted(&["suspected", "charged"])),
                    _ => opt(r, &mut string),
                })
            }),
            "exploitation_began_year" => opt(r, &mut number),
            "sector" => opt(r, &mut |r| {
                r.quoted(&["agriculture", "other", "fishing_at_sea", "shipping_at_sea"])
            }),
            "measures" => arr(r, 3, &mut |r| {
                r.quoted(&["detention", "removal_pending", "refusal_of_entry"])
            }),
            "interview_conditions" => arr(r, 4, &mut |r| {
                r.quoted(&[
                    "exploiter_present",
                    "no_interpreter",
                    "interpreter_linked_to_exploiter",
                    "not_private",
                ])
            }),
            _ => opt(r, &mut |r| {
                obj(r, INTERVIEW_KEYS, &mut |r, k| match k {
                    "asked" => arr(r, 3, &mut |r| {
                        r.quoted(&["withholding_of_wages", "x", "Bad"])
                    }),
                    "opening_asked" => arr(r, 3, &mut |r| {
                        r.quoted(&["age", "birth_year", "forms", "Age", ""])
                    }),
                    "safety" => obj(r, SAFETY_KEYS, &mut |r, _| {
                        opt(r, &mut |r| r.quoted(&answer))
                    }),
                    _ => r.pick(&["null", "true", "false"]).to_owned(),
                })
            }),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// On damaged copies of generated cases, the direct reader gives up or reads what the
        /// strict reader reads.
        #[test]
        fn the_direct_reader_never_reads_otherwise_than_the_strict_reader(
            seed in 0u64..1_000,
            pretty: bool,
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..6, any::<prop::sample::Index>()), 1..4),
        ) {
            let Some(case) = SyntheticCases::new(seed).next() else {
                return Err(TestCaseError::fail("no case"));
            };
            let text = if pretty { case.to_json_pretty() } else { serde_json::to_string(&case).unwrap_or_default() };
            let mut bytes = text.into_bytes();
            for (at, kind, other) in edits {
                let i = at.index(bytes.len().max(1)).min(bytes.len());
                let j = other.index(bytes.len().max(1)).min(bytes.len());
                match kind {
                    0 => bytes.truncate(i),
                    1 => { if let Some(b) = bytes.get_mut(i) { *b = b"\"\\,:}]{[ 0n-"[j % 12]; } }
                    2 => { let (a, b) = (i.min(j), i.max(j)); bytes.drain(a..b); }
                    3 => { let (a, b) = (i.min(j), i.max(j)); let copy = bytes[a..b].to_vec(); bytes.splice(i..i, copy); }
                    4 => { bytes.insert(i, b','); }
                    _ => { let (a, b) = (i.min(j), i.max(j)); let copy = bytes[a..b].to_vec(); bytes.splice(b..b, copy); }
                }
            }
            let Ok(text) = String::from_utf8(bytes) else { return Ok(()); };
            if let Some(case) = direct(&text) {
                prop_assert_eq!(Some(case), strict(&text));
            }
        }
    }
}
