//! The plain-text report, in the reader's language, ordered for the person who must act.
//!
//! First screen: the level in one plain sentence, any pending measure, safety first and an
//! interview again in safe conditions where they apply, the three most important actions,
//! the non-punishment advisory when there is one, and who to call. Then
//! what to ask next, why (dimensions and Palermo elements in plain words), the score (the
//! amount of recorded evidence; the level follows the legal rules, not the score), every
//! recommendation in full with its sources, the services, the notes, and one line on how the
//! rules were verified.
//!
//! Every word comes from the locale data ([`crate::render::locale`]), the catalogue, the rule set and
//! the contact directory; nothing a reader sees is written here. The assessment JSON keeps
//! every fact; only the presentation is chosen here.

use std::fmt::Write as _;

use crate::assessment::{
    AgeBasis, AgeQuestion, Assessment, Disposition, Level, Notice, NoticeKind, Recommendation,
    RecommendationKind,
};
use crate::case::ObservationStatus;
use crate::model::indicator::{Dimension, PalermoElement, Strength, Verification};
use crate::policy::rule_set::{ActEvidence, BackgroundEvidence, LegalEffect, RuleSet};
use crate::render::locale::{Locale, LocaleTexts, fill};

/// How many open questions the report lists (the JSON has them all).
pub const REPORT_QUESTIONS: usize = 5;

/// How many actions the first screen lists.
pub const FIRST_SCREEN_ACTIONS: usize = 3;

/// The notices that lead what to do now, in this order: safety first (a "yes" to a safety
/// question), a safety question not answered, unsafe interview conditions (interview again in
/// safe conditions), then a duty owed to anyone who sold sex whatever the level (Korea's Sex
/// Trade Act Art. 10(3)). They are not repeated under the notes.
const FIRST_SCREEN_NOTICES: [NoticeKind; 4] = [
    NoticeKind::SafetyFirst,
    NoticeKind::SafetyNotKnown,
    NoticeKind::InterviewConditionsUnsafe,
    NoticeKind::SexTradeClaimsVoid,
];

/// The order in which recommendations are put first: the protection a person needs before
/// anything else is decided. Telling the person that the exploiter's claims are void comes
/// before the help to apply for a certificate or a reflection period (since the twenty-fourth
/// session; project judgement after a Korean verdict review): in Korea the investigator must
/// tell the victim (Act Art. 24(3); Sex Trade Act Art. 10(3)), and for a woman held by an
/// advance payment the debt is the very means of control, while the application can wait.
const PRIORITY: [RecommendationKind; 10] = [
    RecommendationKind::ChildProtectionReferral,
    RecommendationKind::ProtectionPendingIdentification,
    RecommendationKind::ReferralToAssistance,
    RecommendationKind::NoRemovalPendingIdentification,
    RecommendationKind::LabourRightsReferral,
    RecommendationKind::DebtsVoid,
    RecommendationKind::ConfirmationCertificate,
    RecommendationKind::RecoveryAndReflectionPeriod,
    RecommendationKind::ContinueIdentification,
    RecommendationKind::NonPunishment,
];

/// Renders an assessment as a plain-text report in English.
pub fn render(a: &Assessment) -> String {
    render_in(a, Locale::En)
}

/// Renders an assessment as a plain-text report in a language.
///
/// The report contains no case notes (an assessment never carries them); it shows the case
/// reference, which is pseudonymous by contract.
pub fn render_in(a: &Assessment, locale: Locale) -> String {
    let words = Words::new(a, locale);
    let mut out = String::with_capacity(6144);
    // Writing to a String cannot fail; the result is ignored on purpose.
    let _ = words.write(&mut out);
    out
}

/// Text from a case or a rule set file, made safe to print on one line of the report: a
/// control character (a line break, an escape sequence that hides or recolours a terminal's
/// text) or a character that reverses the direction of text would let the case reference or a
/// rule set's version forge or hide lines of the report; each becomes U+FFFD.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
            )
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if text.chars().any(unsafe_char) {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| if unsafe_char(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// An indicator's label in a language: the locale's translation, else the catalogue's
/// English; `None` when the catalogue has no such indicator. The report and the interview's
/// "yes records" line both read it here.
pub(crate) fn indicator_label<'c>(
    catalogue: &'c crate::catalogue::Catalogue,
    locale: Locale,
    id: &str,
) -> Option<&'c str> {
    let english = catalogue.get(id).map(|e| e.label.as_str())?;
    Some(match locale {
        Locale::En => english,
        _ => locale
            .texts()
            .get(&format!("indicator.{id}.label"))
            .unwrap_or(english),
    })
}

/// How an interviewer asks about an indicator, in a language, of an adult or of a child: the
/// child's wording where `child` is set and the data has one, else the adult's; the locale's
/// translation before the catalogue's English (the language matters more than the register).
/// `None` when the entry has no question or the catalogue no such indicator. The report's
/// questions and the interview both read it here.
pub(crate) fn indicator_question<'c>(
    catalogue: &'c crate::catalogue::Catalogue,
    locale: Locale,
    id: &str,
    child: bool,
) -> Option<&'c str> {
    let entry = catalogue.get(id)?;
    let texts = locale.texts();
    let translated = |suffix: &str| match locale {
        Locale::En => None,
        _ => texts.get(&format!("indicator.{id}.{suffix}")),
    };
    crate::render::locale::in_register(
        child,
        [translated("question_child"), translated("question")],
        [entry.question_child.as_deref(), entry.question.as_deref()],
    )
}

/// The first screen's rank of an emergency service for a person who is hurt or needs a
/// doctor (before all others), of a contact fitted by the sector, of one fitted otherwise, of
/// one for non-nationals, and of a general one (1 and 2 are the directory's first two).
const EMERGENCY: usize = 0;
const SECTOR: usize = 3;
const FITTED: usize = 4;
const NOT_NATIONAL: usize = 5;
const GENERAL: usize = 6;

/// The first screen's lines of a recommendation's additions, in order: each addition's
/// `(index, host, text)`, where `host` names the addition whose line it joins
/// (`....addition.<i>.same_line_as`). A text joins its host's line, after it, where the host
/// has a line of its own; otherwise (no host, itself, a host not shown, or a host that joins
/// another) it keeps a line of its own, at the end: never lost, never said twice.
fn join_lines(additions: Vec<(u32, Option<u32>, String)>) -> Vec<String> {
    let shown: Vec<u32> = additions.iter().map(|(i, _, _)| *i).collect();
    let mut lines: Vec<(u32, String)> = Vec::with_capacity(additions.len());
    let mut guests: Vec<(u32, String)> = Vec::new();
    for (index, host, text) in additions {
        match host.filter(|h| *h != index && shown.contains(h)) {
            Some(h) => guests.push((h, text)),
            None => lines.push((index, text)),
        }
    }
    for (h, text) in guests {
        match lines.iter_mut().find(|(i, _)| *i == h) {
            Some((_, line)) => {
                line.push(' ');
                line.push_str(&text);
            }
            // A host that is itself a guest: the text keeps a line of its own.
            None => lines.push((h, text)),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// How specific to the case a contact of the directory is, by its conditions, for the order
/// of the first screen's numbers (lower first).
fn specificity(context: &[crate::policy::context::ContextCondition]) -> usize {
    use crate::policy::context::ContextCondition as C;
    context
        .iter()
        .map(|c| match c {
            C::Sectors(_) => SECTOR,
            C::Child
            | C::ChildUnder(_)
            | C::AgeAtLeast(_)
            | C::Disability
            | C::Forms(_)
            | C::SexualExploitationTypes(_)
            | C::Measures(_)
            | C::Offences(_)
            | C::IndicatorsPresent(_)
            | C::OffenceOrMeasure
            | C::NoMeasure => FITTED,
            C::NotNational => NOT_NATIONAL,
            // An emergency service for a person who is hurt or needs a doctor leads.
            C::HurtOrNeedsDoctor => EMERGENCY,
            // One of several: as specific as its least specific branch.
            C::Any(branches) => branches
                .iter()
                .map(|b| specificity(std::slice::from_ref(b)))
                .max()
                .unwrap_or(GENERAL),
        })
        .min()
        .unwrap_or(GENERAL)
}

/// A contact with its words in the reader's language.
struct ContactWords<'a> {
    advice: &'a crate::assessment::ContactAdvice,
    name: &'a str,
    reach: &'a str,
    purpose: &'a str,
    /// The directory entry's conditions (none for a contact the directory lacks).
    context: &'a [crate::policy::context::ContextCondition],
}

/// The words of one report: the locale's texts, with English as the fallback.
pub(crate) struct Words<'a> {
    a: &'a Assessment,
    locale: Locale,
    texts: &'static LocaleTexts,
    english: &'static LocaleTexts,
    namespace: &'a str,
}

/// The JSON (snake_case) name of a vocabulary value.
fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn number(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{}", x.round())
    } else {
        format!("{x:.1}")
    }
}

impl<'a> Words<'a> {
    pub(crate) fn new(a: &'a Assessment, locale: Locale) -> Words<'a> {
        Words {
            a,
            locale,
            texts: locale.texts(),
            english: Locale::En.texts(),
            namespace: a.rules.rule_set().text_namespace(),
        }
    }

    fn rules(&self) -> &'a RuleSet {
        self.a.rules.rule_set()
    }

    /// A text of the report's vocabulary.
    pub(crate) fn ui(&self, key: &str) -> &'static str {
        self.ui_opt(key).unwrap_or("")
    }

    /// A text of the report's vocabulary in the reader's language, else in English, if
    /// either locale has the key.
    fn ui_opt(&self, key: &str) -> Option<&'static str> {
        self.texts.get(key).or_else(|| self.english.get(key))
    }

    /// A template of the report's vocabulary, filled; `{child}` with the rule set's word for
    /// a child ([`Words::child`]).
    pub(crate) fn uif(&self, key: &str, values: &[(&str, &str)]) -> String {
        let template = self.ui(key);
        if template.contains("{child}") {
            let mut all = values.to_vec();
            all.push(("child", self.child()));
            fill(template, &all)
        } else {
            fill(template, values)
        }
    }

    /// The word for a child under the rule set's age rule ([`child_term_key`]).
    fn child(&self) -> &'static str {
        self.ui(child_term_key(self.rules()))
    }

    /// A text of the catalogue, rule set or directory: the locale's translation, else the
    /// English of the data itself.
    fn data_text<'s>(&self, key: &str, english: &'s str) -> &'s str
    where
        'static: 's,
    {
        match self.locale {
            Locale::En => english,
            _ => self.texts.get(key).unwrap_or(english),
        }
    }

    /// An indicator's label.
    pub(crate) fn label<S: AsRef<str> + ?Sized>(&self, id: &S) -> &'a str {
        indicator_label(self.a.catalogue.catalogue(), self.locale, id.as_ref()).unwrap_or("")
    }

    /// The labels of a list of indicators, in order. Where two entries of the list share a
    /// label (the ILO/EC list words debt bondage at recruitment and at destination alike),
    /// each of those says its phase: "Debt bondage (at recruitment)".
    pub(crate) fn labels<S: AsRef<str>>(&self, ids: &[S]) -> Vec<String> {
        let catalogue = self.a.catalogue.catalogue();
        let labels: Vec<&str> = ids.iter().map(|id| self.label(id.as_ref())).collect();
        ids.iter()
            .zip(&labels)
            .map(|(id, label)| {
                let shared = labels.iter().filter(|l| *l == label).count() > 1;
                let phase = catalogue
                    .get(id.as_ref())
                    .and_then(|e| e.dimension)
                    .map(|d| d.phase_name());
                match phase {
                    Some(phase) if shared => self.uif(
                        &format!("report.label_in_phase.{phase}"),
                        &[("label", label)],
                    ),
                    _ => (*label).to_owned(),
                }
            })
            .collect()
    }

    /// How an interviewer asks about an indicator, where the wording exists (a child's wording
    /// when the person is addressed as a child); else its label.
    pub(crate) fn question<S: AsRef<str> + ?Sized>(&self, id: &S) -> &'a str {
        let id = id.as_ref();
        let child = self.a.explanation.subject.addressed_as_child;
        indicator_question(self.a.catalogue.catalogue(), self.locale, id, child)
            .unwrap_or_else(|| self.label(id))
    }

    /// A rule-set text by its key suffix (`recommendation.referral_to_assistance`), with the
    /// rule set's own English as the fallback.
    pub(crate) fn rule_text(&self, suffix: &str, english: &'a str) -> &'a str {
        self.data_text(&format!("rules.{}.{suffix}", self.namespace), english)
    }

    /// A reference's title.
    fn reference(&self, id: &str) -> &'a str {
        let english = self.rules().reference(id).map_or("", |r| r.title.as_str());
        self.data_text(&format!("reference.{id}"), english)
    }

    fn level_name(&self, level: Level) -> &'static str {
        self.ui(&format!("level.{}", level.as_str()))
    }

    fn dimension(&self, d: Dimension) -> &'static str {
        self.ui(&format!("dimension.{}", d.as_str()))
    }

    /// The element of a question that is an element fact (no dimension, no points): a "yes"
    /// records a fact of that element, outside the score.
    fn fact_outside_the_score(&self, q: &crate::assessment::Question) -> Option<PalermoElement> {
        if q.dimension.is_some() || q.score_gain > 0.0 {
            return None;
        }
        self.a.catalogue.catalogue().get(q.id.as_str())?.element
    }

    fn element(&self, el: PalermoElement) -> &'static str {
        self.ui(&format!("element.{}", snake(&el)))
    }

    fn strength(&self, s: Strength) -> &'static str {
        self.ui(&format!("strength.{}", s.as_str()))
    }

    fn verification(&self, v: Verification) -> &'static str {
        self.ui(&format!("verification.{}", v.as_str()))
    }

    /// The wording of a recommendation (the child advisory for a child).
    pub(crate) fn recommendation_text(&self, r: &Recommendation) -> &'a str {
        let rules = self.rules();
        if r.kind == RecommendationKind::NonPunishment {
            return match (&rules.non_punishment.child, r.for_child) {
                // The child advisory of a child under the age of criminal responsibility, or
                // of a person who is an adult now (an offence may be an adult's): in the
                // namespace's words (with its legal sources), else in shared words that cite
                // none, never the child's text, which says the opposite (a code review,
                // thirtieth session).
                (Some(child), true) => {
                    let variant = if r.below_age_of_responsibility {
                        Some("below_age")
                    } else {
                        self.adult_now().then_some("adult_now")
                    };
                    variant
                        .and_then(|v| {
                            self.ui_opt(&format!(
                                "rules.{}.non_punishment.child.{v}",
                                self.namespace
                            ))
                            .or_else(|| self.ui_opt(&format!("non_punishment.child.{v}")))
                        })
                        .unwrap_or_else(|| self.rule_text("non_punishment.child", &child.text))
                }
                _ => self.rule_text("non_punishment", &rules.non_punishment.text),
            };
        }
        let kind = snake(&r.kind);
        rules
            .recommendations
            .iter()
            .find(|rule| rule.kind == r.kind)
            .map_or("", |rule| {
                self.rule_text(&format!("recommendation.{kind}"), &rule.text)
            })
    }

    /// The wording of one addition to a recommendation.
    pub(crate) fn addition_text(&self, r: &Recommendation, index: u32) -> &'a str {
        let kind = snake(&r.kind);
        self.rules()
            .recommendations
            .iter()
            .find(|rule| rule.kind == r.kind)
            .and_then(|rule| rule.additions.get(index as usize))
            .map_or("", |add| {
                self.rule_text(
                    &format!("recommendation.{kind}.addition.{index}"),
                    &add.text,
                )
            })
    }

    /// The offences the law says are not punished whatever identification finds: covered
    /// unconditionally and mandatory (for a child in the sex trade, Youth Sex Offences Act
    /// Art. 38(1) in the Korean rule sets; not an adult's, whose cover depends on a finding,
    /// nor a child's presumed pending age assessment):
    /// the first screen's non-punishment line names them, so the advice to wait for
    /// identification does not (it would read as if they could be pursued afterwards).
    fn not_punished(&self) -> Vec<crate::case::OffenceKind> {
        // A child presumed pending age assessment is not yet covered: the presumption is
        // advice, and the law binds only if the person is a child.
        if self.a.explanation.subject.age_basis == crate::assessment::AgeBasis::Presumed {
            return Vec::new();
        }
        self.a
            .recommendation(RecommendationKind::NonPunishment)
            .map(|np| {
                np.offences
                    .iter()
                    .filter(|o| {
                        o.unconditional
                            && o.effect == Some(crate::policy::rule_set::LegalEffect::NotPunished)
                    })
                    .map(|o| o.offence)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What a first-screen action names as its grounds: the pending offences the law does not
    /// already rule out punishing and not yet charged, and the pending measures. An offence
    /// already charged or decided is past the advice not to charge, not past detention or
    /// removal: [`Words::already_charged`] names it.
    fn grounds(&self, r: &Recommendation) -> Vec<&str> {
        let not_punished = self.not_punished();
        self.grounds_where(r, |o| {
            !not_punished.contains(o) && !r.already_charged.contains(o)
        })
    }

    /// The words of the pending offences `keep` keeps, then of every pending measure.
    fn grounds_where(
        &self,
        r: &Recommendation,
        keep: impl Fn(&crate::case::OffenceKind) -> bool,
    ) -> Vec<&str> {
        r.pending_offences
            .iter()
            .filter(|o| keep(o))
            .map(|o| self.ui(&format!("offence.{}", o.as_str())))
            .chain(r.measures.iter().map(|m| self.measure(*m)))
            .collect()
    }

    /// A pending measure's words: for a national, the words a national's case uses where
    /// the locale has them (in Korean a national is in 구금, custody, never in the
    /// immigration law's 보호, which only a foreigner faces).
    fn measure(&self, m: crate::case::Measure) -> &'static str {
        let key = format!("measure.{}", m.as_str());
        if self.a.explanation.subject.national
            && let Some(word) = self.texts.get(&format!("{key}.national"))
        {
            return word;
        }
        self.ui(&key)
    }

    /// The offences already charged or decided that the advice to wait for identification
    /// names itself (do not detain, remove or refuse entry on their grounds), less those the
    /// law does not punish.
    fn already_charged(&self, r: &Recommendation) -> Vec<&str> {
        if r.kind != RecommendationKind::ProtectionPendingIdentification {
            return Vec::new();
        }
        let not_punished = self.not_punished();
        r.already_charged
            .iter()
            .filter(|o| !not_punished.contains(o))
            .map(|o| self.ui(&format!("offence.{}", o.as_str())))
            .collect()
    }

    /// Whether protection pending identification has anything left to say on the first
    /// screen (every ground may be an offence the law does not punish, which the
    /// non-punishment line names). An addition the rule set words for the first screen keeps
    /// the line whatever the grounds: a child under 14 whose only offence is irregular stay
    /// is not punished, but the officials' duty to notify the immigration office, and its
    /// exemption, still concern her (a Korean verdict review, thirty-first session).
    fn has_action(&self, r: &Recommendation) -> bool {
        !self.grounds(r).is_empty()
            || !self.already_charged(r).is_empty()
            || r.additions.iter().any(|part| {
                self.ui_opt(&self.addition_action_key(r, part.index))
                    .is_some()
            })
    }

    /// The locale key of an addition's first-screen words
    /// (`rules.<namespace>.action.<kind>.addition.<i>`).
    fn addition_action_key(&self, r: &Recommendation, index: u32) -> String {
        format!(
            "rules.{}.action.{}.addition.{index}",
            self.namespace,
            snake(&r.kind)
        )
    }

    /// The short action of a recommendation, as the full report and the prose give it: the
    /// action and the rule set's additions worded for the first screen, in one paragraph (the
    /// first screen gives each addition a line of its own: [`action_parts`](Self::action_parts)).
    /// An offence already charged or decided changes the wording: the decision to charge is
    /// past.
    fn action(&self, r: &Recommendation) -> String {
        let (base, additions, _) = self.action_parts(r, false, &[]);
        let all: Vec<String> = std::iter::once(base).chain(additions).collect();
        self.if_not_national(r.if_not_national, &all.join(" "))
    }

    /// The action of a recommendation and, apart, the rule set's additions worded for the
    /// first screen (the text report gives each its own line under the action: a reviewer
    /// found single lines of 700 to 1,200 characters on the first screen of a detained
    /// person, thirty-first session). The action does not carry the "if the person is not a
    /// national" prefix; each addition carries its own. `release_above` says that a line above
    /// it on the first screen already asks for the person's release from detention
    /// (protection pending identification, for a person detained): a rule set's namespace may
    /// then word the line and its additions without asking again
    /// (`rules.<namespace>.action.<kind>.release_above`, `....addition.<i>.release_above`;
    /// Korea's stay line, which otherwise repeats the request and Sex Trade Act Art. 11(1)).
    ///
    /// `cited_above` holds the references the first screen's lines above have already cited
    /// through an addition: an addition citing one of them says it in its short wording, where
    /// the rule set's namespace has one (`....addition.<i>.said_above`; the Sex Trade Act's
    /// bar on removal, stated under the protection line, is only recalled under the no-removal
    /// line: a Korean reader and a re-check, thirty-second session, found it stated two or
    /// three times on one screen). The references of the additions this action prints are
    /// returned beside its lines.
    fn action_parts(
        &self,
        r: &'a Recommendation,
        release_above: bool,
        cited_above: &[&str],
    ) -> (String, Vec<String>, Vec<&'a str>) {
        let grounds = self.grounds(r);
        let charged = self.already_charged(r);
        let kind = snake(&r.kind);
        // A national is never removed or refused entry: the words for one leave them out.
        let national = if r.kind == RecommendationKind::ProtectionPendingIdentification
            && self.a.explanation.subject.national
        {
            ".national"
        } else {
            ""
        };
        // A person presumed a child pending age assessment is told so where the step is
        // taken: the child rules rest on the presumption.
        let presumed = r.kind == RecommendationKind::ChildProtectionReferral
            && self.a.explanation.subject.age_basis == AgeBasis::Presumed;
        // A child is referred through child protection, not on the child's own consent; a
        // person known only to have been a child at the act (who may be an adult today) is
        // asked for consent.
        // The same for a child's return, where the rule set's namespace words it (the
        // international line asks what the person wants; a child's return waits for child
        // protection's assessment of the child's best interests).
        let child_words = |kind: &str| {
            self.ui_opt(&self.own_text(&format!("action.{kind}.child")))
                .is_some()
        };
        let child = matches!(
            r.kind,
            RecommendationKind::ReferralToAssistance
                | RecommendationKind::NoRemovalPendingIdentification
        ) && self.a.explanation.subject.child_protection
            && self.a.explanation.subject.addressed_as_child
            && child_words(&kind);
        let key = if r.kind == RecommendationKind::NonPunishment && r.below_age_of_responsibility {
            // Under the age of criminal responsibility nothing is weighed: the law does not
            // punish (a code review, thirtieth session: the prose action asked to "consider
            // whether the offences are linked").
            format!("action.{kind}.below_age")
        } else if r.kind == RecommendationKind::NonPunishment && !r.already_charged.is_empty() {
            format!("action.{kind}.already_charged")
        } else if presumed {
            format!("action.{kind}.presumed")
        } else if child {
            format!("action.{kind}.child")
        } else {
            format!("action.{kind}{national}")
        };
        // The rule set's own wording of the line, where it has one; but not the international
        // protection line's "against their wishes" for a child, whose return waits for child
        // protection's assessment of the child's best interests, whatever the child wishes
        // (a second reader, thirty-fifth session).
        let minor = self.a.explanation.subject.child_protection
            && self.a.explanation.subject.addressed_as_child;
        let own = |key: &str| -> String {
            if minor && r.kind == RecommendationKind::ProtectionPendingIdentification {
                key.to_owned()
            } else {
                self.own_text(key)
            }
        };
        // The rule set's wording for a line below a release request, where it has one.
        let above = |key: String| -> String {
            let variant = format!("rules.{}.{key}.release_above", self.namespace);
            if release_above && self.ui_opt(&variant).is_some() {
                variant
            } else {
                own(&key)
            }
        };
        let mut parts: Vec<String> = Vec::with_capacity(2);
        if r.kind != RecommendationKind::ProtectionPendingIdentification || !grounds.is_empty() {
            parts.push(self.uif(&above(key), &[("grounds", &grounds.join(", "))]));
        }
        if !charged.is_empty() {
            // Being charged is past the decision to charge, not past detention or removal.
            let key = if parts.is_empty() {
                format!("action.{kind}.already_charged{national}")
            } else {
                format!("action.{kind}.already_charged.also{national}")
            };
            // The rule set's own wording where it has one (the international one removes no
            // adult against their wishes).
            parts.push(self.uif(&own(&key), &[("offences", &charged.join(", "))]));
            // An adult's non-punishment line tells the prosecutor or court about the charged
            // offences; without it (below its level, or a child's line, which does not follow
            // the stage) this action does.
            let adult_line = self
                .a
                .recommendation(RecommendationKind::NonPunishment)
                .is_some_and(|np| !np.for_child);
            if !adult_line {
                parts.push(
                    self.ui(&format!("action.{kind}.already_charged.tell"))
                        .to_owned(),
                );
            }
        }
        if parts.is_empty() {
            // Every ground is an offence the law does not punish, which the non-punishment
            // line names (the first screen leaves this action out unless an addition is
            // worded for it: `has_action`); the full
            // report and the prose name them and say so, whatever their stage (the plain
            // wording, "do not charge", would be wrong for what is already charged).
            let all = self.grounds_where(r, |_| true);
            parts.push(self.uif(
                "report.protection_pending_identification.grounds_not_punished",
                &[("grounds", &all.join(", "))],
            ));
        }
        // What an addition of the rule set changes about the action now, where the locale
        // data words it for the first screen (`rules.<namespace>.action.<kind>.addition.<i>`:
        // a foreign woman in the sex trade cannot be deported once she is investigated as a
        // victim, which is more than "ask for a stay"). Data, not code: a rule set's
        // namespace without such keys adds nothing.
        // The references cited by the lines printed so far, this action's included.
        let mut cited: Vec<&'a str> = Vec::new();
        let mut additions: Vec<(u32, Option<u32>, String)> = Vec::new();
        for part in r.additions.iter() {
            let key = self.addition_action_key(r, part.index);
            let variant = release_above
                .then(|| self.ui_opt(&format!("{key}.release_above")))
                .flatten();
            let said = part.legal_basis.iter().any(|c| {
                let id = c.reference.as_str();
                cited_above.contains(&id) || cited.contains(&id)
            });
            let short = said
                .then(|| self.ui_opt(&format!("{key}.said_above")))
                .flatten();
            let Some(text) = variant.or(short).or_else(|| self.ui_opt(&key)) else {
                continue;
            };
            cited.extend(part.legal_basis.iter().map(|c| c.reference.as_str()));
            let text = self.if_not_national(part.if_not_national, text);
            // An addition the namespace words as the rest of another one's line
            // (`....addition.<i>.same_line_as`, naming that addition's index) joins it where
            // both are shown, after its text: Korea's measures for a child abused by a guardian
            // follow the protection request for a child in need of protection, so that a
            // detained girl in the sex trade keeps her first screen to 24 lines; a foreign
            // detainee's special protection follows the detained child's line, and is not
            // said to a national (thirty-seventh session).
            let host = self
                .ui_opt(&format!("{key}.same_line_as"))
                .and_then(|j| j.parse::<u32>().ok());
            additions.push((part.index, host, text));
        }
        let additions = join_lines(additions);
        (parts.join(" "), additions, cited)
    }

    /// The words for what the law does with an offence: the rule set's namespace may say,
    /// for one offence, what the effect rests on (Korea's sex trade: being a victim of the
    /// sex trade, whether or not trafficking is shown), so that the line's test of the course
    /// of trafficking is not read as that effect's condition.
    fn effect_words(&self, effect: LegalEffect, offence: crate::case::OffenceKind) -> &'static str {
        let own = format!(
            "rules.{}.effect.{}.{}",
            self.namespace,
            snake(&effect),
            offence.as_str()
        );
        self.ui_opt(&own)
            .unwrap_or_else(|| self.plain_effect_words(effect))
    }

    /// The plain words for what the law does, without a namespace's words for one offence:
    /// for a child's offence covered whatever the indicators show, whose ground is not an
    /// adult's (Korea's Youth Sex Offences Act Art. 38(1) needs no coercion).
    fn plain_effect_words(&self, effect: LegalEffect) -> &'static str {
        self.ui(&format!("effect.{}", snake(&effect)))
    }

    /// The rule set's own wording of a first-screen line where the reader's locale, or
    /// failing that English, has one (`rules.<namespace>.<key>`), else the shared wording
    /// (`<key>`). The main line of an action and the safety notice go through it: the
    /// variants for what is already charged say nothing that differs by jurisdiction. Korea
    /// ties the stay to the proceedings (Immigration Act Arts. 25-2, 46-2); the Council of
    /// Europe Convention bars removal until identification is complete (Art. 10(2)); Korea's
    /// police answer 112, which is no police number in Qatar: one shared line would promise
    /// one set of readers what their law or their country does not give.
    fn own_text(&self, key: &str) -> String {
        self.own_text_or(key, key)
    }

    /// The sentence that says what the level means, as the report and the prose give it: the
    /// rule set's namespace may word it in its own law's terms (the Korean rule sets say
    /// 인신매매등, the term Korea's Act defines; the shared Korean says 인신매매).
    fn level_sentence(&self, a: &Assessment) -> &'static str {
        self.ui(&self.own_text(level_sentence_key(a)))
    }

    /// The rule set's own wording of `key` (`rules.<namespace>.<key>`) where there is one,
    /// else the shared key `fallback`.
    fn own_text_or(&self, key: &str, fallback: &str) -> String {
        let own = format!("rules.{}.{key}", self.namespace);
        if self.ui_opt(&own).is_some() {
            own
        } else {
            fallback.to_owned()
        }
    }

    /// Whether the child rules apply for the age at the time of the act to a person the case
    /// shows an adult now (an age now at or over the limit, or "not a minor" where the limit
    /// is 18 or less: under Korea's 19, "not a minor" leaves 18 open), not presumed a child.
    fn adult_now(&self) -> bool {
        let subject = &self.a.explanation.subject;
        subject.treated_as_child
            && subject.adult_now
            && !subject.child_protection
            && subject.age_basis == crate::assessment::AgeBasis::AtExploitation
    }

    /// Advice for non-nationals where nationality is not recorded says so.
    fn if_not_national(&self, flagged: bool, text: &str) -> String {
        if flagged {
            self.uif("report.if_not_national", &[("text", text)])
        } else {
            text.to_owned()
        }
    }

    /// A recommendation's full wording, as the reader sees it.
    pub(crate) fn full_text(&self, r: &Recommendation) -> String {
        self.if_not_national(r.if_not_national, self.recommendation_text(r))
    }

    /// An addition's full wording, as the reader sees it.
    pub(crate) fn addition_full(
        &self,
        r: &Recommendation,
        part: &crate::assessment::RecommendationPart,
    ) -> String {
        self.if_not_national(part.if_not_national, self.addition_text(r, part.index))
    }

    /// A notice in words.
    pub(crate) fn notice(&self, n: &Notice) -> String {
        let rules = self.rules();
        match n.kind {
            NoticeKind::SameFactAnsweredBothWays => {
                let absent = n
                    .indicators
                    .first()
                    .map_or("", |id| self.label(id.as_str()));
                let present = n.indicators.get(1).map_or("", |id| self.label(id.as_str()));
                self.uif(
                    "notice.same_fact_answered_both_ways",
                    &[("absent", absent), ("present", present)],
                )
            }
            // A rule set's own notices: its English, or the locale's text in its namespace.
            NoticeKind::ConsentIrrelevant | NoticeKind::SexTradeClaimsVoid => {
                let english = rules
                    .notices
                    .iter()
                    .find(|r| r.kind == n.kind)
                    .map_or("", |r| r.text.as_str());
                self.rule_text(&format!("notice.{}", snake(&n.kind)), english)
                    .to_owned()
            }
            NoticeKind::AgeAtExploitationUncertain => {
                let (limit, year_rule) = rules.child_age_limit();
                // What to ask is what the assessment asks first: never a year already recorded.
                let key = match (self.a.explanation.subject.ask_first, year_rule) {
                    (Some(AgeQuestion::AgeAtExploitation), _) => {
                        "notice.age_at_exploitation_uncertain.age_at_exploitation"
                    }
                    (Some(AgeQuestion::ExploitationBeganYear), true) => {
                        "notice.age_at_exploitation_uncertain.exploitation_began_year.year_rule"
                    }
                    (Some(AgeQuestion::ExploitationBeganYear), false) => {
                        "notice.age_at_exploitation_uncertain.exploitation_began_year"
                    }
                    (_, true) => "notice.age_at_exploitation_uncertain.year_rule",
                    (_, false) => "notice.age_at_exploitation_uncertain",
                };
                self.uif(key, &[("limit", &limit.to_string())])
            }
            NoticeKind::OffencesBelowThreshold => {
                // The offences the advisory leaves out and the level from which it would name
                // them, as the engine found them (the engine always fills both; a notice built
                // by hand without a level gets the adult's).
                let level = self.level_name(n.from_level.unwrap_or(rules.non_punishment.min_level));
                let offences: Vec<&str> = n
                    .offences
                    .iter()
                    .map(|o| self.ui(&format!("offence.{}", o.as_str())))
                    .collect();
                self.uif(
                    "notice.offences_below_threshold",
                    &[("level", level), ("offences", &offences.join("; "))],
                )
            }
            NoticeKind::RuleNotVerified => String::new(),
            NoticeKind::SafetyFirst | NoticeKind::SafetyNotKnown => {
                // The answers named, and the words for them: "is hurt" where the answer is
                // yes, "whether they are hurt" where it is not known.
                let (answer, key, words) = if n.kind == NoticeKind::SafetyFirst {
                    (crate::case::Answer::Yes, "notice.safety_first", "safety")
                } else {
                    (
                        crate::case::Answer::NotKnown,
                        "notice.safety_not_known",
                        "safety.not_known",
                    )
                };
                let safety = n.safety.unwrap_or_default();
                let concerns: Vec<&str> = [
                    (safety.hurt, "hurt"),
                    (safety.in_danger, "in_danger"),
                    (safety.needs_doctor, "needs_doctor"),
                ]
                .into_iter()
                .filter(|(a, _)| *a == Some(answer))
                .map(|(_, question)| self.ui(&format!("{words}.{question}")))
                .collect();
                // The emergency number is the country's: the shared line names none, a
                // rule set's namespace may (Korea's 112).
                let mut text = self.uif(&self.own_text(key), &[("concerns", &concerns.join(", "))]);
                // A person who is hurt: the injuries recorded as evidence, with their consent
                // (an international verdict review, thirty-eighth session: a man shot when he
                // asked for his pay was only told to get medical care).
                // For a child, with child protection: the carer may be the one who hurt them.
                if n.kind == NoticeKind::SafetyFirst && safety.hurt == Some(answer) {
                    let key = if self.a.explanation.subject.treated_as_child {
                        "notice.safety_first.injury_record.child"
                    } else {
                        "notice.safety_first.injury_record"
                    };
                    text.push(' ');
                    text.push_str(&self.uif(&self.own_text(key), &[]));
                }
                text
            }
            NoticeKind::InterviewConditionsUnsafe => {
                let conditions: Vec<&str> = n
                    .conditions
                    .iter()
                    .map(|c| self.ui(&format!("condition.{}", c.as_str())))
                    .collect();
                self.uif(
                    "notice.interview_conditions_unsafe",
                    &[("conditions", &conditions.join(", "))],
                )
            }
            other => self.uif(&format!("notice.{}", snake(&other)), &[]),
        }
    }

    fn write(&self, out: &mut String) -> std::fmt::Result {
        self.first_screen(out)?;
        self.ask_next(out)?;
        self.why(out)?;
        self.score(out)?;
        self.in_full(out)?;
        self.who_to_call(out)?;
        self.notes(out)?;
        Ok(())
    }

    fn first_screen(&self, out: &mut String) -> std::fmt::Result {
        let a = self.a;
        match &a.case_reference {
            Some(r) => writeln!(
                out,
                "{}",
                self.uif("report.title_case", &[("case", &one_line(r.as_str()))])
            )?,
            None => writeln!(out, "{}", self.ui("report.title"))?,
        }
        let digest = a.rule_set.digest.get(..12).unwrap_or(&a.rule_set.digest);
        // A date not read in a source carries its mark (kr-2024's is computed).
        let date = match a.rule_set.effective_date_verification {
            Some(v) => self.uif(
                "report.date_marked",
                &[
                    ("date", &one_line(&a.rule_set.effective_date)),
                    ("mark", self.verification(v)),
                ],
            ),
            _ => one_line(&a.rule_set.effective_date).into_owned(),
        };
        writeln!(
            out,
            "{}",
            self.uif(
                "report.rule_set",
                &[
                    ("id", &one_line(&a.rule_set.id)),
                    ("version", &one_line(&a.rule_set.version)),
                    ("date", &date),
                    ("digest", &one_line(digest)),
                ],
            )
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            self.uif("report.level", &[("level", self.level_name(a.level))])
        )?;
        writeln!(out, "{}", self.level_sentence(a))?;
        if let Some(level) = a.level_if_child {
            // The same level under the child rules is said as such, not as a second level.
            // With no age recorded at all, the person may be a child now, not only when the
            // exploitation began.
            let age_unknown = a.explanation.subject.ask_first
                == Some(crate::assessment::AgeQuestion::AgeOrReasonsToBelieveChild);
            let key = match (level == a.level, age_unknown) {
                (true, false) => "report.level_if_child_same",
                (true, true) => "report.level_if_child_same.age_unknown",
                (false, false) => "report.level_if_child",
                (false, true) => "report.level_if_child.age_unknown",
            };
            let line = self.uif(key, &[("level", self.level_name(level))]);
            writeln!(out, "{line}")?;
        }
        let pending: Vec<String> = a
            .recommendations
            .iter()
            .find(|r| r.kind == RecommendationKind::ProtectionPendingIdentification)
            .map(|r| {
                r.measures
                    .iter()
                    .map(|m| self.measure(*m).to_owned())
                    .collect()
            })
            .unwrap_or_default();
        if !pending.is_empty() {
            writeln!(
                out,
                "{}",
                self.uif("report.pending", &[("measures", &pending.join(", "))])
            )?;
        }

        writeln!(out, "\n{}", self.ui("report.heading.now"))?;
        // Protection pending identification whose every ground is an offence the law does not
        // punish (the non-punishment line below names them) leaves the first screen.
        let mut actions: Vec<&Recommendation> = a
            .recommendations
            .iter()
            .filter(|r| r.kind != RecommendationKind::NonPunishment)
            .filter(|r| {
                r.kind != RecommendationKind::ProtectionPendingIdentification || self.has_action(r)
            })
            .collect();
        actions.sort_by_key(|r| PRIORITY.iter().position(|k| *k == r.kind));
        // Where the protection line above already says not to remove a person whose removal
        // or refusal of entry is under way, the recovery and reflection period, during which no
        // expulsion order is enforced, comes before the general line against removal (an
        // international review, thirty-third session: "do not remove" was said twice on the
        // first screen and the reflection period fell off it). Both stay in the full text.
        let removal_under_way = actions.iter().any(|r| {
            r.kind == RecommendationKind::ProtectionPendingIdentification
                && r.measures.iter().any(|m| {
                    matches!(
                        m,
                        crate::case::Measure::RemovalPending | crate::case::Measure::RefusalOfEntry
                    )
                })
        });
        if removal_under_way {
            let at = |kind| actions.iter().position(|r| r.kind == kind);
            if let (Some(no_removal), Some(reflection)) = (
                at(RecommendationKind::NoRemovalPendingIdentification),
                at(RecommendationKind::RecoveryAndReflectionPeriod),
            ) {
                let moved = actions.remove(reflection);
                actions.insert(no_removal.min(reflection), moved);
            }
        }
        // A duty owed to the person at the questioning itself stays on the first screen when
        // the three actions leave it out, where the rule set's namespace words the action as
        // a duty (`rules.<namespace>.report.<kind>_duty`: Korea's void debts, Act Art. 24(3),
        // "must tell"). Beside the Sex Trade Act's notice of void claims a duty with
        // `.with_sex_trade` words joins that line, so one line says what to tell the person
        // of their debts.
        let duties: Vec<String> = actions
            .iter()
            .skip(FIRST_SCREEN_ACTIONS)
            .map(|r| format!("rules.{}.report.{}_duty", self.namespace, snake(&r.kind)))
            .filter(|key| self.ui_opt(key).is_some())
            .collect();
        let mut told = vec![false; duties.len()];
        // Safety first: the first thing to do, before any other step, and a safety question
        // left unanswered; then, where the interview's conditions make a "no" unreliable, the
        // interview again in safe conditions (the notice leads with it), before any step that
        // rests on the answers.
        let mut alerts = 0;
        for n in self.first_screen_notices() {
            let mut line = self.notice(n);
            if n.kind == NoticeKind::SexTradeClaimsVoid {
                for (key, told) in duties.iter().zip(told.iter_mut()) {
                    if let Some(also) = self.ui_opt(&format!("{key}.with_sex_trade")) {
                        line.push(' ');
                        line.push_str(also);
                        *told = true;
                    }
                }
            }
            writeln!(out, "  ! {line}")?;
            alerts += 1;
        }
        // "Nothing to do" is not said above a non-punishment line (a Korean re-check,
        // thirtieth session: a boy of 13 with only a charge recorded was told there was no
        // step, then that his case must go to the juvenile court).
        if actions.is_empty()
            && alerts == 0
            && a.recommendation(RecommendationKind::NonPunishment)
                .is_none()
        {
            writeln!(out, "  {}", self.ui("report.no_action"))?;
        }
        // Whether a line already shown speaks to a detention: protection pending
        // identification for a person detained, with at least one of the rule set's additions
        // worded for the first screen (in the Korean rule sets, those of a detained person ask
        // for release). A rule set whose protection line words none leaves the lines below as
        // they are.
        let mut release_above = false;
        let mut cited_above: Vec<&str> = Vec::new();
        for (i, r) in actions.iter().take(FIRST_SCREEN_ACTIONS).enumerate() {
            let (line, additions, cited) = self.action_parts(r, release_above, &cited_above);
            cited_above.extend(cited);
            writeln!(
                out,
                "  {}. {}",
                i + 1,
                self.if_not_national(r.if_not_national, &line)
            )?;
            // Each of the rule set's additions on a line of its own under the action.
            for addition in &additions {
                writeln!(out, "     - {addition}")?;
            }
            release_above |= r.kind == RecommendationKind::ProtectionPendingIdentification
                && r.measures.contains(&crate::case::Measure::Detention)
                && !additions.is_empty();
        }
        for (key, _) in duties.iter().zip(&told).filter(|(_, told)| !**told) {
            writeln!(out, "  ! {}", self.ui(key))?;
        }
        if let Some(np) = a.recommendation(RecommendationKind::NonPunishment) {
            let words = |o: &crate::assessment::OffenceAdvisory| {
                let name = self.ui(&format!("offence.{}", o.offence.as_str()));
                match o.effect {
                    // For a child, compulsion is no condition only where the law does not
                    // punish the offence whatever the indicators show (the Youth Sex
                    // Offences Act Art. 38(1) in the Korean rule sets); a discretionary
                    // effect keeps its words alone.
                    Some(effect @ LegalEffect::NotPunished) if np.for_child && o.unconditional => {
                        self.uif(
                            "report.non_punishment_child.unconditional",
                            &[
                                ("offence", name),
                                ("effect", self.plain_effect_words(effect)),
                            ],
                        )
                    }
                    // In the namespace's words for the offence where it has them.
                    Some(effect) => format!("{name} ({})", self.effect_words(effect, o.offence)),
                    None => name.to_owned(),
                }
            };
            // An adult's line follows the recorded stage: before the decision to charge,
            // consider compulsion; an offence already charged goes to the prosecutor or court
            // handling it; a conviction may be reviewed. An offence whose listings are at
            // several stages is on each of their lines. No legal route is named after
            // indictment: the project's sources have none (DESIGN.md, open questions). The
            // child's line says nothing of timing and lists every offence.
            use crate::case::OffenceStage as S;
            // A child presumed one pending age assessment is told so: the line rests on the
            // presumption, which the age assessment settles.
            let presumed =
                self.a.explanation.subject.age_basis == crate::assessment::AgeBasis::Presumed;
            // A child when the exploitation began who is an adult now (an age now recorded
            // at or over the limit): an offence may have been committed after they came of
            // age, when compulsion is no longer beside the point (an international verdict
            // review, thirtieth session: a woman of 24 brought at 14 was told "do not ask
            // whether the child was compelled").
            let lines: &[(&str, Option<S>)] = if np.below_age_of_responsibility {
                // Under the age of criminal responsibility: no offence is punished, so one
                // line names them all, in the namespace's words where it has them (Korea:
                // the juvenile court's protection case).
                &[("report.non_punishment_child.below_age", None)]
            } else if np.for_child && presumed {
                &[("report.non_punishment_child.presumed", None)]
            } else if np.for_child && self.adult_now() {
                &[("report.non_punishment_child.adult_now", None)]
            } else if np.for_child {
                &[("report.non_punishment_child", None)]
            } else {
                &[
                    ("report.non_punishment", None),
                    ("report.non_punishment.charged", Some(S::Charged)),
                    ("report.non_punishment.convicted", Some(S::Convicted)),
                ]
            };
            // A rule set's namespace may word these lines (`rules.<namespace>.<key>`): Korea's
            // Act reduces or waives only the sentence of an offence committed in the course of
            // being trafficked (Art. 4(2)), which its lines then ask about instead of
            // compulsion (a trafficked person is a victim of the sex trade, Sex Trade Act Art.
            // 2(1) item 4 (d)). An adult's offences all go on the namespace's line; a child's
            // offences the law covers whatever the indicators show stay on the shared line, the
            // others go on the namespace's. Without such a key, one shared line.
            for &(key, stage) in lines {
                let own = self.own_text(key);
                let listed = np.offences.iter().filter(|o| match stage {
                    Some(s) => o.stages.contains(&s),
                    None => np.for_child || !np.already_charged.contains(&o.offence),
                });
                // The offences the law covers whatever the indicators show may have the
                // namespace's own line too (`rules.<namespace>.<key>.covered`: Korea's Youth
                // Sex Offences Act Art. 38(1) makes a child sold for sex a victim, whom the
                // shared line's "an offence that arose from the exploitation" misdescribes).
                // The child's own line for covered offences, beside the line of the age of
                // criminal responsibility.
                let covered_child_key = self.own_text_or(
                    "report.non_punishment_child.covered",
                    "report.non_punishment_child",
                );
                let covered_key = self.own_text_or(&format!("{key}.covered"), key);
                let split: Vec<(&str, Vec<String>)> = if np.below_age_of_responsibility {
                    // An offence the child advisory covers whatever the indicators show keeps
                    // its own line (Korea: a child on the other side of a purchase of sex is a
                    // victim, not a case for the juvenile court); the others are named on the
                    // line of the age of criminal responsibility.
                    let covers: &[crate::case::OffenceKind] = self
                        .rules()
                        .non_punishment
                        .child
                        .as_ref()
                        .map_or(&[], |c| c.covers.as_slice());
                    let (covered, other): (Vec<_>, Vec<_>) =
                        listed.partition(|o| covers.contains(&o.offence));
                    vec![
                        (
                            covered_child_key.as_str(),
                            covered.into_iter().map(words).collect(),
                        ),
                        (
                            own.as_str(),
                            other
                                .into_iter()
                                .map(|o| self.ui(&format!("offence.{}", o.offence.as_str())))
                                .map(str::to_owned)
                                .collect(),
                        ),
                    ]
                } else if np.for_child && own != key {
                    let (covered, other): (Vec<_>, Vec<_>) = listed.partition(|o| o.unconditional);
                    vec![
                        (
                            covered_key.as_str(),
                            covered.into_iter().map(words).collect(),
                        ),
                        (own.as_str(), other.into_iter().map(words).collect()),
                    ]
                } else {
                    vec![(own.as_str(), listed.map(words).collect())]
                };
                for (key, offences) in &split {
                    if offences.is_empty() {
                        continue;
                    }
                    writeln!(
                        out,
                        "  ! {}",
                        self.uif(key, &[("offences", &offences.join("; "))])
                    )?;
                }
            }
            // A child already charged: the line's "do not prosecute" is past for those
            // offences, so the officer is told whom to bring it to (an international verdict
            // review, thirty-fourth session: a girl of 16 charged with extortion was told only
            // "do not prosecute").
            if np.for_child && !np.below_age_of_responsibility && !np.already_charged.is_empty() {
                let charged: Vec<&str> = np
                    .already_charged
                    .iter()
                    .map(|o| self.ui(&format!("offence.{}", o.as_str())))
                    .collect();
                writeln!(
                    out,
                    "  ! {}",
                    self.uif(
                        if self.adult_now() {
                            "report.non_punishment_child.already_charged.adult_now"
                        } else {
                            "report.non_punishment_child.already_charged"
                        },
                        &[("offences", &charged.join("; "))]
                    )
                )?;
            }
            // Under the age of criminal responsibility when the exploitation began, not now:
            // an act before that age is not punished, which only its date tells (a Korean
            // re-check, thirtieth session: a boy of 14 exploited from 13 was told only the
            // court's discretion).
            if np.for_child && self.a.explanation.subject.below_age_at_act {
                writeln!(
                    out,
                    "  ! {}",
                    self.uif(
                        &self.own_text("report.non_punishment_child.below_age_at_act"),
                        &[]
                    )
                )?;
            }
        }
        // Four numbers: the directory's first two (it lists first what every case needs:
        // the police and the trafficking hotline), then those fitted to this person, the
        // most specific first (the sector; a child, a disability, the form, a measure; not a
        // national), then the rest in the directory's order. For a person who is hurt or
        // needs a doctor, the emergency medical line (Korea's 119) comes before them and
        // takes none of the four places (the safety line names it too). A contact the
        // directory leaves off the first screen for this case (its `first_screen_unless`: the
        // labour ministry's line for a crew member at sea) is not listed. An office fitted by the
        // sector has a place even without a national number, by its name (the seafarers'
        // labour inspectors: the full list says how to reach the local office); other
        // contacts without one are only in the full list. A number already listed is not
        // listed again (112 is the police's and, for a child, the child abuse report's): the
        // full list below names every service with its number.
        // Each entry: its rank, its number (or, for an office without one, its name), the
        // words listed, and the contact's name.
        let mut numbered: Vec<(usize, &str, String, &str)> = self
            .contacts()
            .filter(|w| !w.advice.off_first_screen)
            .filter_map(|w| {
                let rank = specificity(w.context);
                let Some(n) = w.advice.number.as_deref() else {
                    return (rank == SECTOR).then(|| (rank, w.name, w.name.to_owned(), w.name));
                };
                let line = if w.name.contains(n) {
                    w.name.to_owned()
                } else {
                    format!("{} {n}", w.name)
                };
                Some((rank, n, line, w.name))
            })
            .collect();
        // The directory's first two keep an emergency rank they have.
        for (i, entry) in numbered.iter_mut().enumerate().take(2) {
            entry.0 = entry.0.min(i + 1);
        }
        // One number for a non-national (the first: help in the person's language); the
        // others of that kind after the general services.
        let mut not_national = 0;
        for entry in numbered
            .iter_mut()
            .filter(|(rank, _, _, _)| *rank == NOT_NATIONAL)
        {
            not_national += 1;
            if not_national > 1 {
                entry.0 = GENERAL + 1;
            }
        }
        numbered.sort_by_key(|(rank, _, _, _)| *rank);
        let places = 4 + numbered
            .iter()
            .filter(|(rank, _, _, _)| *rank == EMERGENCY)
            .count();
        // A service fitted to the person whose number is already listed is named beside it
        // (for a child: "Police emergency line 112 (Child abuse reports and child
        // protection)"), so the route is not lost because the number is shared; once per
        // entry, and never a name that is empty or only the number. In a directory where an
        // emergency service shares the police's number, the emergency service's name is the
        // one listed.
        // Each number listed, with its words and whether a name stands beside it yet.
        let mut listed: Vec<(&str, String, bool)> = Vec::with_capacity(places);
        for (rank, number, line, name) in numbered {
            let room = listed.len() < places;
            match listed.iter_mut().find(|(n, _, _)| *n == number) {
                Some((_, entry, beside)) => {
                    let name = name.trim();
                    if (SECTOR..=FITTED).contains(&rank)
                        && !*beside
                        && !name.is_empty()
                        && name != number
                        && !entry.contains(name)
                    {
                        entry.push_str(&format!(" ({name})"));
                        *beside = true;
                    }
                }
                None if room => listed.push((number, line, false)),
                None => {}
            }
        }
        let numbers: Vec<&str> = listed.iter().map(|(_, line, _)| line.as_str()).collect();
        if !numbers.is_empty() {
            writeln!(
                out,
                "  {}",
                self.uif("report.call", &[("numbers", &numbers.join(" · "))])
            )?;
        }
        Ok(())
    }

    /// The notices that lead what to do now ([`FIRST_SCREEN_NOTICES`], in that order).
    fn first_screen_notices(&self) -> impl Iterator<Item = &'a crate::assessment::Notice> + 'a {
        let notices = &self.a.explanation.notices;
        FIRST_SCREEN_NOTICES
            .into_iter()
            .flat_map(move |kind| notices.iter().filter(move |n| n.kind == kind))
    }

    /// Whether the interview's conditions make a "no" unreliable: "absent" answers are then
    /// treated as not yet known, and the report does not read them as found absent.
    fn no_unreliable(&self) -> bool {
        self.a
            .explanation
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::InterviewConditionsUnsafe)
    }

    /// The contacts of the assessment with their words in the reader's language: name, how
    /// to reach, what for.
    fn contacts(&self) -> impl Iterator<Item = ContactWords<'a>> + '_ {
        let directory = self.a.rules.contacts();
        // The locale files translate the built-in directory's texts; an agency's own
        // directory (`Assessor::with_contacts`) is read in its own words, even where it
        // reuses a built-in id.
        let builtin = directory.is_some_and(|d| {
            crate::policy::contacts::ContactDirectory::builtin(&d.id)
                .is_some_and(|b| std::ptr::eq(b, d))
        });
        self.a.contacts.iter().map(move |c| {
            let entry = directory.and_then(|d| d.contacts.iter().find(|x| x.id == c.id));
            match entry {
                Some(e) => ContactWords {
                    advice: c,
                    name: match self.locale {
                        Locale::Ko => e.name.as_str(),
                        _ => e.name_en.as_str(),
                    },
                    reach: if builtin {
                        self.data_text(&format!("contact.{}.reach", e.id), &e.reach)
                    } else {
                        &e.reach
                    },
                    purpose: if builtin {
                        self.data_text(&format!("contact.{}.purpose", e.id), &e.purpose)
                    } else {
                        &e.purpose
                    },
                    context: &e.context,
                },
                None => ContactWords {
                    advice: c,
                    name: c.id.as_str(),
                    reach: "",
                    purpose: "",
                    context: &[],
                },
            }
        })
    }

    fn ask_next(&self, out: &mut String) -> std::fmt::Result {
        let a = self.a;
        let e = &a.explanation;
        writeln!(out, "\n{}", self.ui("report.heading.ask"))?;
        if let Some(first) = e.subject.ask_first {
            // Before the numbered questions, and not numbered (two "0." read as a mistake).
            writeln!(
                out,
                "  \u{2022} {}",
                self.uif(&format!("report.ask_first.{}", snake(&first)), &[])
            )?;
        }
        if e.subject.forms.is_empty() {
            writeln!(out, "  \u{2022} {}", self.ui("report.ask_first.forms"))?;
        }
        if !a.level_range.could_change || e.ask_next.is_empty() {
            writeln!(out, "  {}", self.ui("report.level_cannot_change"))?;
            return Ok(());
        }
        for (i, q) in e.ask_next.iter().take(REPORT_QUESTIONS).enumerate() {
            let effect = if q.level_if_present > a.level {
                self.uif(
                    "report.would_raise",
                    &[("level", self.level_name(q.level_if_present))],
                )
            } else if q.makes_dimension_positive {
                self.uif(
                    "report.would_make_positive",
                    &[("dimension", q.dimension.map_or("", |d| self.dimension(d)))],
                )
            } else if let Some(el) = self.fact_outside_the_score(q) {
                // An element fact counts in no dimension and adds no points: "would add 0
                // points" would read as "useless".
                self.uif("report.would_record_fact", &[("element", self.element(el))])
            } else {
                self.uif("report.would_add", &[("points", &number(q.score_gain))])
            };
            // A question the case already records without an answer (not assessed: asked and
            // not known, or recorded so from a file; or a "no" that unsafe conditions leave
            // unsettled) says so. The mark follows the question's own wording: a fact
            // recorded under another wording is not marked.
            let recorded =
                e.observations
                    .iter()
                    .find(|o| o.id == q.id)
                    .and_then(|o| match o.status {
                        ObservationStatus::NotAssessed => Some("report.recorded_not_known"),
                        ObservationStatus::Absent if self.no_unreliable() => {
                            Some("report.recorded_no_unsafe")
                        }
                        ObservationStatus::Absent => None,
                        ObservationStatus::Present => None,
                    });
            writeln!(out, "  {}. {}", i + 1, self.question(&q.id))?;
            match recorded {
                Some(key) => writeln!(
                    out,
                    "     ({}; {effect}; {})",
                    self.label(&q.id),
                    self.ui(key)
                )?,
                None => writeln!(out, "     ({}; {effect})", self.label(&q.id))?,
            }
        }
        let more = e.ask_next.len().saturating_sub(REPORT_QUESTIONS) + e.more_questions as usize;
        if more > 0 {
            writeln!(
                out,
                "  {}",
                self.uif("report.more_questions", &[("count", &more.to_string())])
            )?;
        }
        Ok(())
    }

    fn why(&self, out: &mut String) -> std::fmt::Result {
        let a = self.a;
        let e = &a.explanation;
        writeln!(out, "\n{}", self.ui("report.heading.why"))?;
        let age = match (e.subject.age_basis, e.subject.treated_as_child) {
            (AgeBasis::Presumed, _) => "report.person.presumed_child",
            // An age is recorded, but does not settle the age at the act: said with what
            // would (the year of birth; with it, the year of the start; with both, the age
            // then or the dates).
            (AgeBasis::NotEstablished, _) => match e.subject.ask_first {
                Some(AgeQuestion::BirthYear) => "report.person.birth_year_needed",
                Some(AgeQuestion::AgeAtExploitation) => "report.person.age_at_exploitation_needed",
                Some(AgeQuestion::ExploitationBeganYear) => {
                    "report.person.exploitation_began_year_needed"
                }
                Some(AgeQuestion::AgeOrReasonsToBelieveChild) | None => {
                    "report.person.age_not_established"
                }
            },
            (AgeBasis::AtExploitation, true) => "report.person.child_at_exploitation",
            (AgeBasis::AtExploitation, false) => "report.person.adult_at_exploitation",
            (AgeBasis::Now, true) => "report.person.child",
            (AgeBasis::Now, false) => "report.person.adult",
        };
        // The disability, if recorded, is said with what it changes: under a rule set that
        // exempts a person with a disability from the means (the engine's
        // `means_not_required_because`), that the means are not required; otherwise, that the
        // disability alone does not exempt them.
        let disability = if e
            .subject
            .means_not_required_because
            .contains(&crate::policy::rule_set::ExemptGroup::PersonsWithDisabilities)
        {
            Some("report.person.disability_exempt")
        } else if e.subject.disability == crate::case::DisabilityStatus::Yes
            && e.subject.means_required
        {
            Some("report.person.disability_not_exempt")
        } else if e.subject.disability == crate::case::DisabilityStatus::Yes {
            // The means are not required on another ground (a child): the disability changes
            // nothing about them here.
            Some("report.person.disability")
        } else {
            None
        };
        match disability {
            Some(key) => writeln!(out, "  {} {}", self.uif(age, &[]), self.ui(key))?,
            None => writeln!(out, "  {}", self.uif(age, &[]))?,
        }
        let unreliable = self.no_unreliable();
        let mut any = false;
        for d in &e.dimensions {
            let absent: Vec<&str> = e
                .observations
                .iter()
                .filter(|o| {
                    o.dimension == Some(d.dimension) && o.disposition == Disposition::Absent
                })
                .map(|o| self.label(&o.id))
                .collect();
            if d.counted.is_empty() && absent.is_empty() && d.appearance.is_empty() {
                continue;
            }
            any |= !d.counted.is_empty() || !d.appearance.is_empty();
            let shown: Vec<String> = d
                .counted
                .iter()
                .map(|c| format!("{} ({})", self.label(&c.id), self.strength(c.strength)))
                .collect();
            let name = self.dimension(d.dimension);
            if d.positive {
                let clause = d
                    .clause_met
                    .as_ref()
                    .map_or("", |c| self.clause(c.id.as_str()));
                writeln!(
                    out,
                    "  + {}",
                    self.uif(
                        "report.dimension_positive",
                        &[
                            ("dimension", name),
                            ("shown", &shown.join("; ")),
                            ("clause", clause)
                        ],
                    )
                )?;
            } else if shown.is_empty() {
                // "Asked, nothing found" only where a "no" can be relied on.
                let key = if unreliable && !absent.is_empty() {
                    "report.dimension_nothing_unsafe"
                } else {
                    "report.dimension_nothing"
                };
                writeln!(out, "  - {}", self.uif(key, &[("dimension", name)]))?;
            } else {
                let lack = d.shortfall.as_ref().map_or(String::new(), |s| {
                    let total: u32 = s.needs.iter().map(|n| n.count).sum();
                    let strongest = s
                        .needs
                        .iter()
                        .map(|n| n.min_strength)
                        .max()
                        .unwrap_or(Strength::Weak);
                    self.uif(
                        &format!("report.needs.{}", strongest.as_str()),
                        &[
                            ("count", &total.to_string()),
                            ("clause", self.clause(s.clause.id.as_str())),
                        ],
                    )
                });
                writeln!(
                    out,
                    "  - {}",
                    self.uif(
                        "report.dimension_not_yet",
                        &[
                            ("dimension", name),
                            ("shown", &shown.join("; ")),
                            ("needs", &lack)
                        ],
                    )
                )?;
            }
            if d.background_only {
                writeln!(out, "      {}", self.ui("report.background_only"))?;
            }
            for id in &d.appearance {
                writeln!(
                    out,
                    "      {}",
                    self.uif("report.appearance", &[("indicator", self.label(id))])
                )?;
            }
            if !absent.is_empty() {
                let key = if unreliable {
                    "report.asked_not_found_unsafe"
                } else {
                    "report.asked_not_found"
                };
                writeln!(
                    out,
                    "      {}",
                    self.uif(key, &[("list", &absent.join("; "))])
                )?;
            }
        }
        // The means are required of this person (not exempt): then an element is met only
        // through its dimensions or lists.
        let means_required = e
            .elements
            .iter()
            .any(|x| x.element == PalermoElement::Means && x.required);
        for el in e.elements.iter().filter(|el| !el.indicators.is_empty()) {
            any = true;
            let labels = self.labels(&el.indicators);
            let line = if el.required && !el.met && means_required {
                // Recorded, but the rule set does not count them alone for this person (an
                // adult's act needs a positive recruitment dimension): said, with the mark of
                // the rule, not left for the reader to square with "not met" below.
                let rule = &self.rules().person_rule;
                let dimensions: Vec<&str> = rule
                    .elements
                    .iter()
                    .filter(|r| r.element == el.element)
                    .flat_map(|r| r.dimensions.iter().map(|d| self.dimension(*d)))
                    .collect();
                self.uif(
                    "report.element_recorded_not_counted",
                    &[
                        ("element", self.element(el.element)),
                        ("list", &labels.join("; ")),
                        ("dimensions", &dimensions.join(", ")),
                        ("mark", self.verification(rule.basis.verification)),
                    ],
                )
            } else {
                self.uif(
                    "report.element_shown_by",
                    &[
                        ("element", self.element(el.element)),
                        ("list", &labels.join("; ")),
                    ],
                )
            };
            writeln!(out, "  {line}")?;
        }
        // The type of sexual exploitation, where recorded: the purpose fact's label covers
        // the sex trade and other sexual exploitation alike, and the advice depends on which.
        let types = &e.subject.sexual_exploitation_types;
        if !types.is_empty() {
            // A child is not "in prostitution": where the type has a child's wording (the
            // Terminology Guidelines' usage; Korea's Youth Sex Offences Act Art. 2 item 6-2),
            // a child is named as the victim of those who pay (an international verdict
            // review, thirty-fifth session).
            let child = e.subject.treated_as_child;
            let names: Vec<String> = types
                .iter()
                .map(|t| {
                    let key = format!("sexual_type.{}", t.as_str());
                    match self.ui_opt(&format!("{key}.child")).filter(|_| child) {
                        Some(template) => fill(template, &[("child", self.child())]),
                        None => self.ui(&key).to_owned(),
                    }
                })
                .collect();
            writeln!(
                out,
                "  {}",
                self.uif(
                    "report.sexual_exploitation_types",
                    &[("types", &names.join("; "))]
                )
            )?;
        }
        if !any {
            writeln!(out, "  {}", self.ui("report.nothing_present"))?;
        }
        // What the case records as not known (asked without an answer, or so recorded from a
        // file) is named, to be asked again: the questions above show at most five, and a
        // reviewer of the page (thirty-second session) found a loaded case's unchecked threats
        // named nowhere in the report.
        let not_known: Vec<&str> = e
            .observations
            .iter()
            .filter(|o| o.status == ObservationStatus::NotAssessed)
            .map(|o| self.label(&o.id))
            .collect();
        if !not_known.is_empty() {
            writeln!(
                out,
                "  {}",
                self.uif(
                    "report.recorded_not_known_list",
                    &[("list", &not_known.join("; "))]
                )
            )?;
        }
        let elements: Vec<String> = e
            .elements
            .iter()
            .map(|el| {
                // An element not required but shown all the same is said to be met (an
                // international review, thirty-third session: a child's means, shown by
                // violence and confinement, read as "not required" only, though the age that
                // exempts her rested on her word alone).
                let state = if !el.required && el.met {
                    "report.element.met_not_required"
                } else if !el.required {
                    "report.element.not_required"
                } else if el.met {
                    "report.element.met"
                } else {
                    "report.element.not_met"
                };
                self.uif(state, &[("element", self.element(el.element))])
            })
            .collect();
        writeln!(
            out,
            "  {}",
            self.uif("report.elements", &[("list", &elements.join(", "))])
        )?;
        writeln!(out, "  {}", self.person_rule())?;
        let grounds: Vec<&str> = e
            .reasonable_grounds
            .iter()
            .filter(|c| c.met)
            .map(|c| self.criterion(c.id.as_str()))
            .collect();
        if grounds.is_empty() {
            writeln!(out, "  {}", self.ui("report.no_criterion"))?;
        } else {
            writeln!(
                out,
                "  {}",
                self.uif("report.criteria_met", &[("list", &grounds.join("; "))])
            )?;
        }
        Ok(())
    }

    fn clause(&self, id: &str) -> &'a str {
        let english = self
            .rules()
            .dimension_rule
            .clauses
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or("", |c| c.label.as_str());
        self.rule_text(&format!("clause.{id}"), english)
    }

    fn criterion(&self, id: &str) -> &'a str {
        let english = self
            .rules()
            .levels
            .reasonable_grounds
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or("", |c| c.label.as_str());
        self.rule_text(&format!("criterion.{id}"), english)
    }

    /// The person-level rule's outcome in words.
    fn person_rule(&self) -> String {
        let pr = &self.a.explanation.person_rule;
        let exempt = pr.form == crate::assessment::PersonRuleForm::ActPurpose;
        let person_rule = &self.rules().person_rule;
        let rule_key = match (exempt, person_rule.exempt_act_evidence) {
            (false, _) if person_rule.background_evidence == BackgroundEvidence::NotAlone => {
                "report.person_rule.adult_not_alone"
            }
            (false, _) => "report.person_rule.adult",
            (true, ActEvidence::ConductOrControl) => "report.person_rule.exempt_conduct",
            (true, ActEvidence::AnyPresentIndicator) => "report.person_rule.exempt_any",
            (true, ActEvidence::PositiveDimension) => "report.person_rule.exempt_dimension",
        };
        let rule = self.ui(rule_key);
        if pr.met {
            self.uif("report.person_rule.met", &[("rule", rule)])
        } else {
            let missing: Vec<&str> = pr.missing.iter().map(|el| self.element(*el)).collect();
            self.uif(
                "report.person_rule.not_met",
                &[("rule", rule), ("missing", &missing.join(", "))],
            )
        }
    }

    fn score(&self, out: &mut String) -> std::fmt::Result {
        let a = self.a;
        writeln!(out, "\n{}", self.ui("report.heading.score"))?;
        // A range of one value ("100 to 100") is said as a score no answer can change.
        let key = if a.score_range.min == a.score_range.max {
            "report.score_settled"
        } else {
            "report.score"
        };
        writeln!(
            out,
            "  {}",
            self.uif(
                key,
                &[
                    ("score", &number(a.score)),
                    ("min", &number(a.score_range.min)),
                    ("max", &number(a.score_range.max)),
                    (
                        "unresolved",
                        &a.score_range.unresolved_indicators.to_string()
                    ),
                ],
            )
        )?;
        writeln!(out, "  {}", self.ui("report.score_not_level"))?;
        if a.level_range.could_change {
            writeln!(
                out,
                "  {}",
                self.uif(
                    "report.level_could_rise",
                    &[("level", self.level_name(a.level_range.max))],
                )
            )?;
        }
        Ok(())
    }

    fn cited(&self, citations: &[crate::assessment::Citation]) -> String {
        citations
            .iter()
            .map(|c| self.reference(c.reference.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn in_full(&self, out: &mut String) -> std::fmt::Result {
        let a = self.a;
        writeln!(out, "\n{}", self.ui("report.heading.in_full"))?;
        if a.recommendations.is_empty() {
            // Nothing follows from the indicators, but the first screen's alerts still stand:
            // safety first, a safety question left unanswered, an interview in unsafe
            // conditions held again, a duty owed to
            // anyone who sold sex (the notice's text names its source).
            let mut alerts = self.first_screen_notices().peekable();
            if alerts.peek().is_none() {
                writeln!(out, "  {}", self.ui("report.no_action"))?;
            }
            for n in alerts {
                writeln!(out, "  ! {}", self.notice(n))?;
            }
        }
        let mut recs: Vec<&Recommendation> = a.recommendations.iter().collect();
        recs.sort_by_key(|r| {
            if r.kind == RecommendationKind::NonPunishment {
                0
            } else {
                1 + PRIORITY.iter().position(|k| *k == r.kind).unwrap_or(0)
            }
        });
        for r in recs {
            let marker = if r.kind == RecommendationKind::NonPunishment {
                "!"
            } else {
                "*"
            };
            writeln!(out, "  {marker} {}", self.full_text(r))?;
            // The grounds the text points to ("each offence and measure below"), named here
            // even where every one is an offence the law does not punish (the first screen
            // leaves the action out then, as the non-punishment line names them).
            if r.kind == RecommendationKind::ProtectionPendingIdentification {
                writeln!(out, "      {}", self.action(r))?;
            }
            for o in &r.offences {
                let name = self.ui(&format!("offence.{}", o.offence.as_str()));
                let stages: Vec<&str> = o
                    .stages
                    .iter()
                    .map(|s| self.ui(&format!("stage.{}", s.as_str())))
                    .collect();
                let name = if stages.is_empty() {
                    name.to_owned()
                } else {
                    format!("{name} ({})", stages.join(", "))
                };
                let line = if o.unconditional {
                    self.uif("report.offence.unconditional", &[("offence", &name)])
                } else if o.linked_indicators.is_empty() {
                    self.uif(
                        "report.offence.ask",
                        &[
                            ("offence", &name),
                            ("count", &o.ask_about.len().to_string()),
                        ],
                    )
                } else {
                    let ids: Vec<&str> =
                        o.linked_indicators.iter().map(|l| l.id.as_str()).collect();
                    let linked = self.labels(&ids);
                    self.uif(
                        "report.offence.linked",
                        &[("offence", &name), ("list", &linked.join("; "))],
                    )
                };
                writeln!(out, "      - {line}")?;
                if let Some(effect) = o.effect {
                    // A child's offence covered whatever the indicators show takes the plain
                    // words of its effect: the namespace's words for an offence may give an
                    // adult's ground (Korea: the Sex Trade Act's victim of the sex trade, where a
                    // child needs no coercion, Youth Sex Offences Act Art. 38(1); a Korean
                    // re-check, thirtieth session).
                    let words = if r.for_child && o.unconditional {
                        self.plain_effect_words(effect)
                    } else {
                        self.effect_words(effect, o.offence)
                    };
                    writeln!(
                        out,
                        "        {}",
                        self.uif(
                            "report.offence.effect",
                            &[("effect", words), ("sources", &self.cited(&o.legal_basis)),],
                        )
                    )?;
                }
            }
            let mut previous: Option<&[_]> = None;
            for part in &r.additions {
                writeln!(out, "      + {}", self.addition_full(r, part))?;
                // Each addition's own sources, under it: the recommendation's sources below
                // are not the addition's (a Sex Trade Act addition under a Trafficking Act
                // recommendation). Sources the addition just before cites too are not
                // printed again (a long block, twice in a row): "as above".
                if !part.legal_basis.is_empty() && previous == Some(&part.legal_basis[..]) {
                    writeln!(out, "        {}", self.ui("report.sources_as_above"))?;
                } else if !part.legal_basis.is_empty() {
                    writeln!(
                        out,
                        "        {}",
                        self.uif(
                            "report.sources",
                            &[("list", &self.cited(&part.legal_basis))]
                        )
                    )?;
                }
                previous = Some(&part.legal_basis[..]);
            }
            writeln!(
                out,
                "      {}",
                self.uif("report.sources", &[("list", &self.cited(&r.legal_basis))])
            )?;
            if !r.standards.is_empty() {
                writeln!(
                    out,
                    "      {}",
                    self.uif("report.standards", &[("list", &self.cited(&r.standards))])
                )?;
            }
            if let Some(v) = r.verification {
                let english = self
                    .rules()
                    .recommendations
                    .iter()
                    .find(|rule| rule.kind == r.kind)
                    .and_then(|rule| rule.basis.as_ref())
                    .map_or("", |b| b.rationale.as_str());
                let why = self.rule_text(
                    &format!("recommendation.{}.rationale", snake(&r.kind)),
                    english,
                );
                writeln!(
                    out,
                    "      {}",
                    self.uif(
                        "report.given_by",
                        &[("mark", self.verification(v)), ("why", why)],
                    )
                )?;
            }
        }
        Ok(())
    }

    fn who_to_call(&self, out: &mut String) -> std::fmt::Result {
        if self.a.contacts.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", self.ui("report.heading.call"))?;
        for ContactWords {
            advice: c,
            name,
            reach,
            purpose,
            ..
        } in self.contacts()
        {
            let number = c
                .number
                .as_deref()
                .unwrap_or_else(|| self.ui("report.no_number"));
            if c.number.as_deref().is_some_and(|n| name.contains(n)) {
                writeln!(out, "  - {name}")?;
            } else {
                writeln!(out, "  - {name}: {number}")?;
            }
            writeln!(out, "      {purpose} {reach}")?;
            writeln!(
                out,
                "      {}",
                self.uif(
                    "report.checked",
                    &[
                        ("mark", self.verification(c.verification)),
                        ("date", &c.checked)
                    ],
                )
            )?;
        }
        Ok(())
    }

    fn notes(&self, out: &mut String) -> std::fmt::Result {
        let e = &self.a.explanation;
        let notes: Vec<String> = e
            .notices
            .iter()
            .filter(|n| {
                n.kind != NoticeKind::RuleNotVerified && !FIRST_SCREEN_NOTICES.contains(&n.kind)
            })
            .map(|n| self.notice(n))
            .collect();
        if !notes.is_empty() {
            writeln!(out, "\n{}", self.ui("report.heading.notes"))?;
            for n in notes {
                writeln!(out, "  - {n}")?;
            }
        }
        let marks: Vec<String> = e
            .notices
            .iter()
            .filter(|n| n.kind == NoticeKind::RuleNotVerified)
            .filter_map(|n| {
                let rule = n.rule?;
                let v = n.verification?;
                Some(format!(
                    "{} ({})",
                    self.ui(&format!("rule.{}", snake(&rule))),
                    self.verification(v)
                ))
            })
            .collect();
        writeln!(out)?;
        if !marks.is_empty() {
            writeln!(
                out,
                "{}",
                self.uif(
                    "report.verification_line",
                    &[
                        ("list", &marks.join(", ")),
                        ("rule_set", &one_line(&self.a.rule_set.id))
                    ],
                )
            )?;
        }
        if self.locale != Locale::En {
            writeln!(out, "{}", self.ui("report.translation"))?;
        }
        writeln!(out, "{}", self.ui("report.decision_support"))?;
        Ok(())
    }
}

/// The texts of an assessment in one language, for integrators who want prose beside the
/// language-neutral JSON: every text a reader would see, keyed as the assessment is.
#[derive(Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Prose {
    /// The language tag.
    #[schemars(extend("enum" = ["en", "ko"]))]
    pub locale: &'static str,
    /// The level's name.
    pub level: String,
    /// The level in one plain sentence.
    pub level_sentence: String,
    /// One entry per recommendation, in the assessment's order.
    pub recommendations: Vec<RecommendationProse>,
    /// One text per notice, in the assessment's order.
    pub notices: Vec<String>,
    /// One entry per contact, in the assessment's order.
    pub contacts: Vec<ContactProse>,
    /// The label of every indicator the assessment names, by id.
    pub indicators: std::collections::BTreeMap<String, String>,
    /// The title of every reference the recommendations cite, by id.
    pub references: std::collections::BTreeMap<String, String>,
}

/// A recommendation's texts.
#[derive(Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct RecommendationProse {
    /// The kind.
    pub kind: RecommendationKind,
    /// The short action for a first screen.
    pub action: String,
    /// The full wording ("If the person is not a national: ..." where nationality is not
    /// recorded).
    pub text: String,
    /// The wording of each addition, in order.
    pub additions: Vec<String>,
    /// The sources of each addition, in the same order as `additions`, as the report prints
    /// them (reference titles joined by "; "; empty where an addition cites none). The
    /// recommendation's own sources are not an addition's.
    pub addition_sources: Vec<String>,
}

/// A contact's texts.
#[derive(Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ContactProse {
    /// The contact's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How to reach it.
    pub reach: String,
    /// What it does.
    pub purpose: String,
}

/// Names the language and nothing the texts say: they word the findings (the level, the
/// advice, the indicators found), and `{:?}` is what ends up in logs. Serialize it to read it.
impl std::fmt::Debug for Prose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prose")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// Names the type only, as [`Prose`]'s `Debug` does.
impl std::fmt::Debug for RecommendationProse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecommendationProse(<not shown>)")
    }
}

/// Names the type only: which services fit tells the case.
impl std::fmt::Debug for ContactProse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactProse(<not shown>)")
    }
}

/// An assessment and its texts in one language, in one JSON document: what `assess --format
/// json --lang ko` prints (`schemas/assessment_with_prose.schema.json`). Made by
/// [`Assessment::with_prose`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[schemars(title = "Assessment with prose")]
#[non_exhaustive]
pub struct AssessmentWithProse<'a> {
    /// The assessment, language-neutral, as [`Assessment::to_json`] writes it.
    pub assessment: &'a Assessment,
    /// Its texts in the language asked for.
    pub prose: Prose,
}

/// The texts of an assessment in a language (see [`Prose`]).
pub fn prose(a: &Assessment, locale: Locale) -> Prose {
    let w = Words::new(a, locale);
    let e = &a.explanation;
    let mut indicators = std::collections::BTreeMap::new();
    let mut add = |id: &str| {
        indicators.insert(id.to_owned(), w.label(id).to_owned());
    };
    for o in &e.observations {
        add(o.id.as_str());
    }
    for q in &e.ask_next {
        add(q.id.as_str());
    }
    for r in &a.recommendations {
        for o in &r.offences {
            for l in &o.linked_indicators {
                add(l.id.as_str());
            }
            for id in &o.ask_about {
                add(id.as_str());
            }
        }
    }
    let mut references = std::collections::BTreeMap::new();
    for r in &a.recommendations {
        let cited = r
            .legal_basis
            .iter()
            .chain(r.standards.iter())
            .chain(r.additions.iter().flat_map(|p| p.legal_basis.iter()))
            .chain(r.offences.iter().flat_map(|o| o.legal_basis.iter()));
        for c in cited {
            references.insert(
                c.reference.to_string(),
                w.reference(c.reference.as_str()).to_owned(),
            );
        }
    }
    Prose {
        locale: locale.tag(),
        level: w.level_name(a.level).to_owned(),
        level_sentence: w.level_sentence(a).to_owned(),
        recommendations: a
            .recommendations
            .iter()
            .map(|r| RecommendationProse {
                kind: r.kind,
                action: w.action(r),
                text: w.full_text(r),
                additions: r.additions.iter().map(|p| w.addition_full(r, p)).collect(),
                addition_sources: r
                    .additions
                    .iter()
                    .map(|p| w.cited(&p.legal_basis))
                    .collect(),
            })
            .collect(),
        notices: e.notices.iter().map(|n| w.notice(n)).collect(),
        contacts: w
            .contacts()
            .map(|c| ContactProse {
                id: c.advice.id.to_string(),
                name: c.name.to_owned(),
                reach: c.reach.to_owned(),
                purpose: c.purpose.to_owned(),
            })
            .collect(),
        indicators,
        references,
    }
}

/// The rendering of an assessment (here, beside the renderer, so that the assessment does not
/// depend on its rendering).
impl Assessment {
    /// The plain-text report a caseworker reads on one screen.
    pub fn report(&self) -> String {
        render(self)
    }

    /// The plain-text report in a language: the level and the actions first, then what to
    /// ask, why, the score, every recommendation in full, who to call and the notes.
    pub fn report_in(&self, locale: Locale) -> String {
        render_in(self, locale)
    }

    /// The texts a reader would see, in a language, keyed as the assessment is: for
    /// integrators who want prose beside the language-neutral JSON.
    pub fn prose(&self, locale: Locale) -> Prose {
        prose(self, locale)
    }

    /// The assessment and its texts in a language, in one document
    /// (`schemas/assessment_with_prose.schema.json`).
    ///
    /// # Example
    ///
    /// ```
    /// use trafficking_indicators::render::Locale;
    /// use trafficking_indicators::{Case, assess};
    ///
    /// let case = Case::from_json(r#"{"forms": ["sexual"], "observations": [
    ///     {"indicator": "purpose_sexual_exploitation", "status": "present"}]}"#)?;
    /// let a = assess(&case)?;
    /// let both = serde_json::to_value(a.with_prose(Locale::Ko))?;
    /// assert_eq!(both["prose"]["locale"], "ko");
    /// assert_eq!(both["assessment"]["level"], "further_inquiry");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_prose(&self, locale: Locale) -> AssessmentWithProse<'_> {
        AssessmentWithProse {
            assessment: self,
            prose: prose(self, locale),
        }
    }
}

/// The key of the sentence that says what the level means: with no indicator but a score, only
/// the person's own circumstances are recorded (background the rule set keeps from deciding
/// alone), and the sentence says so rather than "nothing recorded".
fn level_sentence_key(a: &Assessment) -> &'static str {
    match a.level {
        Level::NoIndicators if a.score > 0.0 => "level.no_indicators.circumstances_only.sentence",
        level => crate::render::locale::level_sentence_key(level),
    }
}

/// The locale key of the word for a child under a rule set's age rule, which the report and
/// the interview both use: under 19 is Korea's 아동ㆍ청소년 (`term.child.under_19`; the Youth
/// Sex Offences Act Art. 2 item 1, which the Korean rule sets' limit follows); any other limit
/// (18: the Palermo Protocol's child, as the Child Welfare Act's 아동) is `term.child`. English
/// says "child or youth" for the first (a youth of 18 is not a child in English), "child" for
/// the second.
pub(crate) fn child_term_key(rules: &crate::policy::rule_set::RuleSet) -> &'static str {
    match rules.child_age_limit() {
        (19, _) => "term.child.under_19",
        _ => "term.child",
    }
}

#[cfg(test)]
mod tests {
    use super::join_lines;

    fn lines(additions: &[(u32, Option<u32>, &str)]) -> Vec<String> {
        join_lines(
            additions
                .iter()
                .map(|(i, h, t)| (*i, *h, (*t).to_owned()))
                .collect(),
        )
    }

    /// A line joins its host's, after it, whether the host comes before or after it.
    #[test]
    fn a_line_joins_its_host_before_or_after_it() {
        assert_eq!(
            lines(&[(4, None, "four"), (8, None, "eight"), (9, Some(4), "nine")]),
            ["four nine", "eight"]
        );
        assert_eq!(
            lines(&[(7, Some(9), "seven"), (9, None, "nine")]),
            ["nine seven"]
        );
    }

    /// No host, itself, a host not shown, a chain or a cycle: every text is said once.
    #[test]
    fn no_text_is_lost_or_said_twice() {
        assert_eq!(lines(&[(1, None, "a"), (2, None, "b")]), ["a", "b"]);
        assert_eq!(lines(&[(1, Some(1), "a")]), ["a"]);
        assert_eq!(lines(&[(1, Some(5), "a"), (2, None, "b")]), ["a", "b"]);
        assert_eq!(
            lines(&[(1, Some(2), "a"), (2, Some(3), "b"), (3, None, "c")]),
            ["c b", "a"]
        );
        assert_eq!(lines(&[(1, Some(2), "a"), (2, Some(1), "b")]), ["a", "b"]);
    }
}
