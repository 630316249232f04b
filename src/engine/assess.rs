//! An assessment as a pipeline of named steps: read the observations, count them, apply the
//! rules, rank the open questions, explain, advise.

use crate::assessment::RulesHandle;
use crate::assessment::{ASK_NEXT_MAX, Assessment, CatalogueHandle, LevelRange, ScoreRange};
use crate::case::Case;
use crate::model::error::CaseError;

use crate::engine::advice::Advice;
use crate::engine::assessor::*;
use crate::engine::questions::RankedQuestions;
use crate::engine::tally::*;

impl Assessor {
    /// Assesses a case.
    ///
    /// The case is checked first ([`Case::check`]); then every observation must name an
    /// indicator of the catalogue that is in one of the rule set's lists. Any problem is a
    /// [`CaseError`] naming where it is; nothing is skipped.
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::{Assessor, Case, RecommendationKind};
    ///
    /// let assessor = Assessor::builtin("kr-2024")?;
    /// let case = Case::from_json(r#"{ "subject": { "age_years": 16 }, "forms": ["sexual"],
    ///     "observations": [ { "indicator": "purpose_sexual_exploitation", "status": "present" } ],
    ///     "offences": [ { "kind": "prostitution", "stage": "suspected" } ] }"#)?;
    /// let assessment = assessor.assess(&case)?;
    /// // A child in the sex trade: non-punishment is advised whatever else the case shows.
    /// assert!(assessment.recommendation(RecommendationKind::NonPunishment).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, case: &Case) -> Result<Assessment, CaseError> {
        self.assess_listing(case, ASK_NEXT_MAX)
    }

    /// Assesses a case, listing up to `max_questions` open questions in `ask_next` (the
    /// interview ranks them all). The steps, each in its own file, in the order they run.
    pub(crate) fn assess_listing(
        &self,
        case: &Case,
        max_questions: usize,
    ) -> Result<Assessment, CaseError> {
        // 1. Read: the person, and every observation at its catalogue entry.
        let reading = self.read(case)?;
        // 2. Count: the present indicators, one per concept and dimension; settle the absent.
        let Counting {
            tally,
            counted,
            mut slots,
        } = self.count(&reading.resolved, &reading.person);
        let contradicted = self.settle(&reading, &counted, &mut slots);
        // 3. Rules: dimensions, elements, definition, criteria, level.
        let outcome = self.outcome(&tally, &reading.person);
        // The forms under consideration, which the notices and the advice both read.
        let forms = self.forms_considered(case, &reading, &counted);
        // 4. Questions: the open ones, ranked, and what answering them all could reach.
        let relevant_lists = self.relevant_lists(reading.forms, &reading.person);
        let RankedQuestions {
            ask_next,
            more_questions,
            all_present,
            unresolved,
        } = self.rank_questions(
            case,
            &reading,
            &mut slots,
            &tally,
            &outcome,
            relevant_lists,
            max_questions,
        );
        let upper = self.outcome(&all_present, &reading.person);
        let level_if_child = self.level_if_child(&reading);
        // 5. Explain.
        let explanation = self.explain(
            case,
            &reading,
            &tally,
            &counted,
            &outcome,
            relevant_lists,
            (ask_next, more_questions),
            &contradicted,
            forms,
        );
        // 6. Advise.
        let Advice {
            recommendations,
            contacts,
        } = self.advise(
            case,
            &reading,
            &tally,
            &outcome,
            &slots,
            relevant_lists,
            forms,
        );
        let score = tally.score();
        Ok(Assessment {
            schema_version: crate::model::vocabulary::SCHEMA_VERSION,
            case_reference: case.case_reference.clone(),
            level: outcome.level,
            score,
            score_range: ScoreRange {
                min: score,
                max: all_present.score(),
                unresolved_indicators: unresolved,
            },
            level_range: LevelRange {
                min: outcome.level,
                max: upper.level,
                could_change: upper.level != outcome.level,
            },
            level_if_child,
            rule_set: self.stamp.clone(),
            explanation,
            recommendations,
            contacts,
            catalogue: CatalogueHandle(self.catalogue.clone()),
            rules: RulesHandle(
                self.rule_set.clone(),
                self.contacts.as_ref().map(|c| c.directory.clone()),
            ),
        })
    }
}
