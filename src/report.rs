//! The plain-text report: one function over an [`Assessment`], for a caseworker to read on
//! one screen. It says the level in words, why, what is unknown and what to do next.

use std::fmt::Write as _;

use crate::assessment::{AgeBasis, Assessment, Disposition, Level, RecommendationKind};
use crate::indicator::{PalermoElement, Strength};

/// How many open questions the report lists (the JSON has them all).
pub const REPORT_QUESTIONS: usize = 5;

/// Renders an assessment as a plain-text report.
///
/// The report contains no case notes (an assessment never carries them); it shows the case
/// reference, which is pseudonymous by contract.
pub fn render(a: &Assessment) -> String {
    let mut out = String::with_capacity(4096);
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_report(&mut out, a);
    out
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::NoIndicators => "NO INDICATORS",
        Level::FurtherInquiry => "FURTHER INQUIRY",
        Level::ReasonableGrounds => "REASONABLE GROUNDS",
        Level::DefinitionMet => "DEFINITION MET",
    }
}

fn strength_tag(s: Strength) -> &'static str {
    match s {
        Strength::Strong => "strong",
        Strength::Medium => "medium",
        Strength::Weak => "weak  ",
    }
}

fn number(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{}", x.round())
    } else {
        format!("{x:.1}")
    }
}

fn write_report(out: &mut String, a: &Assessment) -> std::fmt::Result {
    let e = &a.explanation;
    write!(out, "TRAFFICKING INDICATORS ASSESSMENT")?;
    if let Some(r) = &a.case_reference {
        write!(out, " - case {}", r.as_str())?;
    }
    writeln!(
        out,
        "\nRule set {} v{} (effective {}), digest {}",
        a.rule_set.id,
        a.rule_set.version,
        a.rule_set.effective_date,
        a.rule_set.digest.get(..12).unwrap_or(&a.rule_set.digest)
    )?;
    writeln!(out)?;
    let capped = if e.score.raw_points > e.score.cap {
        format!(" (capped; raw {})", number(e.score.raw_points))
    } else {
        String::new()
    };
    writeln!(
        out,
        "LEVEL: {}   score {} of 100{capped}",
        level_name(a.level),
        number(a.score)
    )?;
    writeln!(out, "{}", a.level.in_words())?;

    writeln!(out, "\nWHY")?;
    let age = match (e.subject.age_basis, e.subject.treated_as_child) {
        (AgeBasis::Presumed, _) => {
            "no age recorded, reasons to believe a child: presumed a child pending age assessment"
        }
        (AgeBasis::NotEstablished, _) => {
            "age not established: the adult rules apply; ask age first"
        }
        (AgeBasis::AtExploitation, true) => {
            "a child when the exploitation began: the child rules apply"
        }
        (AgeBasis::AtExploitation, false) => "an adult when the exploitation began",
        (AgeBasis::Now, true) => "a child: the child rules apply",
        (AgeBasis::Now, false) => "an adult",
    };
    writeln!(out, "  Person: {age}.")?;
    if let Some(level) = a.level_if_child {
        writeln!(
            out,
            "  If the person was a child when the exploitation began, the level would be {}.",
            level_name(level)
        )?;
    }
    for d in &e.dimensions {
        let absent: Vec<&str> = e
            .observations
            .iter()
            .filter(|o| o.dimension == Some(d.dimension) && o.disposition == Disposition::Absent)
            .map(|o| a.catalogue.label(&o.id))
            .collect();
        if d.positive {
            let clause = d.clause_met.as_ref().map_or("", |c| &*c.label);
            writeln!(out, "  + {}: POSITIVE ({clause})", d.dimension.label())?;
        } else if d.counted.is_empty() && absent.is_empty() && d.appearance.is_empty() {
            continue;
        } else if d.counted.is_empty() {
            writeln!(
                out,
                "  - {}: not positive, nothing found",
                d.dimension.label()
            )?;
        } else {
            let lack = d.shortfall.as_ref().map(|s| s.text()).unwrap_or_default();
            writeln!(out, "  - {}: not positive, {lack}", d.dimension.label())?;
        }
        for c in &d.counted {
            writeln!(
                out,
                "      {}  {}",
                strength_tag(c.strength),
                a.catalogue.label(&c.id)
            )?;
        }
        for id in &d.appearance {
            writeln!(
                out,
                "      (appearance, score only)  {}",
                a.catalogue.label(id)
            )?;
        }
        if !absent.is_empty() {
            writeln!(out, "      asked, not found: {}", absent.join("; "))?;
        }
    }
    for el in e.elements.iter().filter(|el| !el.indicators.is_empty()) {
        let labels: Vec<&str> = el
            .indicators
            .iter()
            .map(|id| a.catalogue.label(id))
            .collect();
        writeln!(
            out,
            "  {} evidenced by: {}",
            match el.element {
                PalermoElement::Act => "Act",
                PalermoElement::Means => "Means",
                PalermoElement::Purpose => "Purpose",
            },
            labels.join("; ")
        )?;
    }
    if e.dimensions
        .iter()
        .all(|d| d.counted.is_empty() && d.appearance.is_empty())
        && e.elements.iter().all(|el| el.indicators.is_empty())
    {
        writeln!(out, "  No indicator is recorded as present.")?;
    }
    let elements: Vec<String> = e
        .elements
        .iter()
        .map(|el| {
            let name = match el.element {
                PalermoElement::Act => "act",
                PalermoElement::Means => "means",
                PalermoElement::Purpose => "purpose",
            };
            let state = if !el.required {
                "not required"
            } else if el.met {
                "met"
            } else {
                "not met"
            };
            format!("{name} {state}")
        })
        .collect();
    writeln!(out, "  Palermo elements: {}.", elements.join("; "))?;
    writeln!(out, "  Person-level rule: {}", e.person_rule.text)?;
    let grounds: Vec<&str> = e
        .reasonable_grounds
        .iter()
        .filter(|c| c.met)
        .map(|c| &*c.label)
        .collect();
    if grounds.is_empty() {
        writeln!(out, "  Reasonable grounds: no criterion holds.")?;
    } else {
        writeln!(out, "  Reasonable grounds: {}.", grounds.join("; "))?;
    }

    writeln!(out, "\nWHAT IS STILL UNKNOWN")?;
    writeln!(
        out,
        "  {} indicator(s) of the relevant lists not yet answered (never asked, or recorded as not assessed).",
        a.score_range.unresolved_indicators,
    )?;
    writeln!(
        out,
        "  Score could range {} to {}.",
        number(a.score_range.min),
        number(a.score_range.max)
    )?;
    if a.level_range.could_change {
        writeln!(
            out,
            "  The level could rise to {} if open questions are answered \"present\".",
            level_name(a.level_range.max)
        )?;
    } else {
        writeln!(out, "  No open question could change the level.")?;
    }
    if a.level_range.could_change && !e.ask_next.is_empty() {
        writeln!(out, "  Ask next:")?;
        for (i, q) in e.ask_next.iter().take(REPORT_QUESTIONS).enumerate() {
            let effect = if q.level_if_present > a.level {
                format!(
                    "would raise the level to {}",
                    level_name(q.level_if_present)
                )
            } else if q.makes_dimension_positive {
                format!(
                    "would make {} positive",
                    q.dimension.map_or("a dimension", |d| d.label())
                )
            } else {
                format!("+{} points", number(q.score_gain))
            };
            writeln!(
                out,
                "    {}. {} [{}, {}] - {effect}",
                i + 1,
                a.catalogue.label(&q.id),
                q.dimension.map_or("Palermo element fact", |d| d.label()),
                q.strength
            )?;
        }
        let more = e.ask_next.len().saturating_sub(REPORT_QUESTIONS) + e.more_questions as usize;
        if more > 0 {
            writeln!(out, "    ... and {more} more open question(s).")?;
        }
    }

    writeln!(out, "\nWHAT TO DO NEXT")?;
    if a.recommendations.is_empty() {
        writeln!(
            out,
            "  No step follows from the indicators recorded so far."
        )?;
    }
    for r in &a.recommendations {
        let sources: Vec<&str> = r.legal_basis.iter().map(|c| c.reference.as_str()).collect();
        let marker = if r.kind == RecommendationKind::NonPunishment {
            "!"
        } else {
            "*"
        };
        let prefix = if r.if_not_national {
            "If the person is not a national: "
        } else {
            ""
        };
        writeln!(out, "  {marker} {prefix}{}", r.text)?;
        if !r.pending_offences.is_empty() || !r.measures.is_empty() {
            let grounds: Vec<&str> = r
                .pending_offences
                .iter()
                .map(|o| o.label())
                .chain(r.measures.iter().map(|m| m.label()))
                .collect();
            writeln!(out, "      On these grounds: {}.", grounds.join("; "))?;
        }
        for o in &r.offences {
            let linked: Vec<String> = o
                .linked_indicators
                .iter()
                .map(|l| {
                    format!(
                        "{} ({})",
                        a.catalogue.label(&l.id),
                        l.dimension
                            .map_or("Palermo element fact", |d| d.label())
                            .to_lowercase()
                    )
                })
                .collect();
            let stages: Vec<&str> = o.stages.iter().map(|s| s.as_str()).collect();
            let stage = if stages.is_empty() {
                String::new()
            } else {
                format!(" ({})", stages.join(", "))
            };
            let effect = o.effect.map_or(String::new(), |e| {
                let cited: Vec<&str> = o.legal_basis.iter().map(|c| c.reference.as_str()).collect();
                format!(" [{}: {}]", e.label(), cited.join(", "))
            });
            if o.unconditional {
                writeln!(
                    out,
                    "      {}{stage}: covered for a child whatever the indicators show; do not ask whether the child was compelled{effect}.",
                    o.offence.label()
                )?;
            } else if linked.is_empty() {
                writeln!(
                    out,
                    "      {}{stage}: no linked indicator recorded yet; ask about {} indicator(s) of compulsion{effect}.",
                    o.offence.label(),
                    o.ask_about.len()
                )?;
            } else {
                writeln!(
                    out,
                    "      {}{stage}: linked to {}{effect}.",
                    o.offence.label(),
                    linked.join("; ")
                )?;
            }
        }
        for part in &r.additions {
            let prefix = if part.if_not_national {
                "If the person is not a national: "
            } else {
                ""
            };
            let cited: Vec<&str> = part
                .legal_basis
                .iter()
                .map(|c| c.reference.as_str())
                .collect();
            writeln!(out, "      + {prefix}{} ({})", part.text, cited.join(", "))?;
        }
        writeln!(out, "      Sources: {}", sources.join(", "))?;
        if !r.standards.is_empty() {
            let standards: Vec<&str> = r.standards.iter().map(|c| c.reference.as_str()).collect();
            writeln!(
                out,
                "      International standards (not obligations here): {}",
                standards.join(", ")
            )?;
        }
        if let (Some(v), Some(why)) = (r.verification, &r.rationale) {
            writeln!(
                out,
                "      Given at this level by {}: {why}",
                v.as_str().replace('_', " ")
            )?;
        }
    }

    if !a.contacts.is_empty() {
        writeln!(out, "\nWHO TO CALL")?;
        for c in &a.contacts {
            let number = c.number.as_deref().unwrap_or("no national number");
            writeln!(
                out,
                "  - {} ({}): {number}. {} {} [{}, checked {}]",
                c.name,
                c.name_en,
                c.purpose,
                c.reach,
                c.verification.as_str(),
                c.checked
            )?;
        }
    }

    if !e.notices.is_empty() {
        writeln!(out, "\nNOTES")?;
        for n in &e.notices {
            writeln!(out, "  - {}", n.text)?;
        }
    }
    writeln!(
        out,
        "\nDecision support only: this is not a legal determination of victim status."
    )?;
    Ok(())
}
