//! What the analysis flags, as one type: a [`Finding`] is a stable dotted rule id, a UTF-16
//! span, the English message and its values (from `data/labels.tsv` under `finding.RULE`, so
//! the core builds no sentence of its own), and its typed [`Evidence`], a variant per kind.
//! A renderer phrases a finding in any language with `labels::message(lang, "finding." + rule,
//! args)` and draws its evidence from the typed fields; nothing is re-derived.

use crate::labels;
use crate::text::Utf16Index;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A numbering marker as a finding's evidence: `marker` normalised (`第二`), `text.slice(start, end)` as written.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SeenMarker {
    pub marker: String,
    pub start: u32,
    pub end: u32,
}

/// What a finding is about, each kind with its own fields. `kind` in JS (a discriminated union).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence {
    /// A numbering series skips numbers it has nowhere: 第一, 第二, 第四.
    Gap {
        /// The marker the count called for here (`第三`), the first of `missing`.
        expected: String,
        /// The marker the text has here, normalised (`第四`).
        found: String,
        /// Every marker left out, in order.
        missing: Vec<String>,
        /// The level of the series (1 = top).
        level: u32,
        /// The series' markers as counted, each where the text has it (those nearest the slip).
        series: Vec<SeenMarker>,
    },
    /// The same number twice in a row: 二、 二、.
    Duplicate { expected: String, found: String, level: u32, series: Vec<SeenMarker> },
    /// A number lower than the one before it: （一）（三）（二）.
    Order {
        expected: String,
        found: String,
        /// The sibling marker that comes before it.
        previous: String,
        level: u32,
        series: Vec<SeenMarker>,
    },
    /// The speaker announces a number of parts (讲三个方面) and gives another; the series is the
    /// top-level parts.
    Count { announced: u32, parts: u32, level: u32, series: Vec<SeenMarker> },
    /// Too many top-level parts to count terms by: the spread is for the whole body.
    TooManySections { sections: u32 },
    /// A numbered formula spelled out with another number of items than it names; the span runs
    /// from the formula to the end of its list.
    ExpansionCount {
        formula: String,
        /// The number of items the formula names.
        expected: u32,
        /// The number of items the text lists.
        found: u32,
        items: Vec<String>,
    },
}

/// A kind of finding, as `kind` names it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Gap,
    Duplicate,
    Order,
    Count,
    TooManySections,
    ExpansionCount,
}

impl FindingKind {
    /// The stable dotted rule id (the draft check's own where it flags the same).
    pub fn rule(self) -> &'static str {
        match self {
            FindingKind::Gap => "numbering.gap",
            FindingKind::Duplicate => "numbering.duplicate",
            FindingKind::Order => "numbering.order",
            FindingKind::Count => "numbering.count",
            FindingKind::TooManySections => "outline.too-many-sections",
            FindingKind::ExpansionCount => "formula.expansion-count",
        }
    }
}

impl Evidence {
    pub fn kind(&self) -> FindingKind {
        match self {
            Evidence::Gap { .. } => FindingKind::Gap,
            Evidence::Duplicate { .. } => FindingKind::Duplicate,
            Evidence::Order { .. } => FindingKind::Order,
            Evidence::Count { .. } => FindingKind::Count,
            Evidence::TooManySections { .. } => FindingKind::TooManySections,
            Evidence::ExpansionCount { .. } => FindingKind::ExpansionCount,
        }
    }

    /// The values the message of `finding.RULE` names, in its `{0}`, `{1}`… order.
    pub fn args(&self) -> Vec<String> {
        match self {
            Evidence::Gap { found, missing, .. } => vec![missing.join("、"), found.clone()],
            Evidence::Duplicate { found, .. } => vec![found.clone()],
            Evidence::Order { found, previous, .. } => vec![found.clone(), previous.clone()],
            Evidence::Count { announced, parts, .. } => vec![announced.to_string(), parts.to_string()],
            Evidence::TooManySections { sections } => vec![sections.to_string()],
            Evidence::ExpansionCount { formula, expected, found, items } => {
                vec![formula.clone(), expected.to_string(), found.to_string(), items.join("、")]
            }
        }
    }

    /// The numbering series the finding cites, if it cites one.
    pub fn series(&self) -> &[SeenMarker] {
        match self {
            Evidence::Gap { series, .. }
            | Evidence::Duplicate { series, .. }
            | Evidence::Order { series, .. }
            | Evidence::Count { series, .. } => series,
            Evidence::TooManySections { .. } | Evidence::ExpansionCount { .. } => &[],
        }
    }

    /// The same evidence with every offset it holds mapped by `to` (the core finds in bytes and
    /// hands out UTF-16).
    pub fn map_offsets(mut self, to: impl Fn(u32) -> u32) -> Evidence {
        if let Evidence::Gap { series, .. }
        | Evidence::Duplicate { series, .. }
        | Evidence::Order { series, .. }
        | Evidence::Count { series, .. } = &mut self
        {
            for seen in series {
                (seen.start, seen.end) = (to(seen.start), to(seen.end));
            }
        }
        self
    }
}

/// One thing the analysis flags. Offsets are UTF-16 code units into the analysed text.
/// Its TypeScript, `AnalysisFinding` (the draft check's is `Finding`), is written in `wasm.rs`:
/// tsify would make the flattened union an interface that cannot extend it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Finding {
    /// A stable dotted id whose first part is its family: `numbering.gap`, `formula.expansion-count`.
    pub rule: String,
    pub start: u32,
    pub end: u32,
    /// What is wrong, in English (label `finding.RULE` of `data/labels.tsv`, its values `args`).
    pub message: String,
    /// The values the message names, for a caller that phrases it itself.
    pub args: Vec<String>,
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl Finding {
    /// The finding `evidence` shows at `start..end`, its rule, message and values filled in.
    pub fn new(evidence: Evidence, start: u32, end: u32) -> Finding {
        let rule = evidence.kind().rule();
        let args = evidence.args();
        let values: Vec<&str> = args.iter().map(String::as_str).collect();
        let message = labels::message("en", &label_key(rule), &values);
        Finding { rule: rule.to_string(), start, end, message, args, evidence }
    }

    pub fn kind(&self) -> FindingKind {
        self.evidence.kind()
    }

    /// The message in `lang` (`en…` English, else Chinese).
    pub fn message_in(&self, lang: &str) -> String {
        let values: Vec<&str> = self.args.iter().map(String::as_str).collect();
        labels::message(lang, &label_key(&self.rule), &values)
    }
}

/// A finding as the core finds it: a byte range into the text, and evidence whose offsets are
/// bytes too, until [`Flagged::locate`] hands it out in UTF-16.
#[derive(Clone, Debug, PartialEq)]
pub struct Flagged {
    pub range: Range<usize>,
    pub evidence: Evidence,
}

impl Flagged {
    /// The finding with its offsets in UTF-16, as JS counts.
    pub fn locate(self, index: &Utf16Index) -> Finding {
        let span = index.span(self.range);
        Finding::new(self.evidence.map_offsets(|at| index.utf16(at as usize)), span.start, span.end)
    }
}

/// The label of a rule's message.
fn label_key(rule: &str) -> String {
    format!("finding.{rule}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind has its message in both languages, naming every value it is given.
    #[test]
    fn every_kind_has_its_message_in_both_languages() {
        let series = vec![SeenMarker { marker: "第一".into(), start: 0, end: 2 }];
        let all = [
            Evidence::Gap {
                expected: "第三".into(),
                found: "第四".into(),
                missing: vec!["第三".into()],
                level: 1,
                series: series.clone(),
            },
            Evidence::Duplicate { expected: "三、".into(), found: "二、".into(), level: 1, series: series.clone() },
            Evidence::Order {
                expected: "（四）".into(),
                found: "（二）".into(),
                previous: "（三）".into(),
                level: 2,
                series: series.clone(),
            },
            Evidence::Count { announced: 3, parts: 4, level: 1, series },
            Evidence::TooManySections { sections: 120 },
            Evidence::ExpansionCount {
                formula: "两个一批".into(),
                expected: 2,
                found: 3,
                items: vec!["甲".into(), "乙".into(), "丙".into()],
            },
        ];
        for evidence in all {
            let finding = Finding::new(evidence, 0, 1);
            for lang in ["en", "zh"] {
                let message = finding.message_in(lang);
                assert!(!message.starts_with("finding."), "{} has no {lang} label", finding.rule);
                for (i, value) in finding.args.iter().enumerate() {
                    assert!(!message.contains(&format!("{{{i}}}")), "{message}");
                    // The Chinese of too-many-sections and the expansion count name what matters.
                    if i != 1 || finding.kind() != FindingKind::ExpansionCount || lang == "en" {
                        assert!(message.contains(value.as_str()), "{lang} {message:?} lacks {value:?}");
                    }
                }
            }
            assert_eq!(finding.message, finding.message_in("en"));
        }
    }

    #[test]
    fn the_kind_is_in_the_json_beside_the_rule() {
        let finding = Finding::new(Evidence::TooManySections { sections: 120 }, 0, 9);
        let json = serde_json::to_string(&finding).unwrap_or_default();
        assert!(
            json.contains(r#""rule":"outline.too-many-sections""#) && json.contains(r#""kind":"too-many-sections""#)
        );
        assert_eq!(serde_json::from_str::<Finding>(&json).ok(), Some(finding));
    }
}
