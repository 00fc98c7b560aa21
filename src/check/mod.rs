//! The draft check (审校): what a careful editor catches in a speech before it is given —
//! punctuation, numbering, number forms, template leftovers, repeats, typos — each finding with
//! a stable rule id, a severity, a span and, where one replacement is certainly right, a fix.
//!
//! Every rule is a row of [`RULES`]: its id, its severity, examples it must flag and examples it
//! must leave, and the function that finds it. `tests/check.rs` runs every row's examples through
//! its rule. Rules read the text with its page chrome blanked (`clean::mask`), so nothing is
//! flagged in a menu or a photo credit; findings inside quoted English or a word the user listed
//! are dropped. When unsure, a rule says nothing or says it at a lower severity: a false alarm
//! costs an editor's trust.

mod fixed;
mod formulas;
mod leaders;
mod levels;
mod numbers;
mod punct;
mod wording;

use crate::clean;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::finding::{Evidence, FindingKind as Kind};
use crate::labels;
use crate::model::Span;
use crate::outline;
use crate::text::{self, Utf16Index, is_han};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How sure the rule is that the text is wrong.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wrong by the national standards (GB/T 15834, 15835, 9704) or the text's own numbering.
    Error,
    /// Very likely wrong; an editor decides.
    Warning,
    /// A convention worth a look.
    Info,
}

/// A replacement that is certainly right: `text.slice(start, end)` becomes `replacement`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Fix {
    pub start: u32,
    pub end: u32,
    pub replacement: String,
}

/// One thing the draft check flags. Offsets are UTF-16 code units into the checked text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Finding {
    /// A stable dotted id whose first part is its family: `punct.halfwidth`, `numbering.gap`.
    pub rule: String,
    pub severity: Severity,
    pub start: u32,
    pub end: u32,
    /// What is wrong, in the language asked for (label `check.RULE` of `data/labels.tsv`).
    pub message: String,
    /// The values the message names (the mark as written, the one expected, …), for a caller
    /// that phrases it itself.
    pub args: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// A numbering finding's typed evidence, the outline's (`kind`: `gap`, `order`, `duplicate`
    /// or `count`, and its fields; the series' offsets in UTF-16), so a caller reads fields
    /// rather than the message. Written, not read back: what reads findings from JS (the CSV, the
    /// panel) does not need it, and reading it would add to the wasm.
    #[serde(default, deserialize_with = "passed_over", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub evidence: Option<Evidence>,
}

/// A finding's evidence as read back: passed over (see [`Finding::evidence`]).
fn passed_over<'de, D: serde::Deserializer<'de>>(value: D) -> Result<Option<Evidence>, D::Error> {
    serde::de::IgnoredAny::deserialize(value).map(|_| None)
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Counts {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
}

/// What `check` returns: the findings in text order and how many there are of each severity.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CheckResult {
    pub findings: Vec<Finding>,
    pub counts: Counts,
}

/// The draft check's options: the one definition, as for the analysis's `Options` (JS passes
/// these fields, each optional; tsify writes their TypeScript; the command line's flags set them).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default)]
pub struct CheckOptions {
    /// Rule ids (`punct.halfwidth`) or families (`punct`) not to check.
    pub ignore: Vec<String>,
    /// Names and terms never to flag: a finding that touches one is dropped.
    pub words: Vec<String>,
    /// The language of the messages: `en…` English, else Chinese.
    pub lang: String,
    /// The draft's date (`2024-03-05`, `2024-03`, `2024`): a formulation is held to its version
    /// of that date. Default: the date the text gives itself, else today (local).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub date: Option<String>,
    /// The date to assume when neither `date` nor the text gives one: the wasm and the command
    /// line pass the clock's; without it the rules that need a date say nothing. Not an option
    /// of JS: the wasm reads the clock.
    #[serde(skip)]
    pub today: Option<String>,
}

/// `2024-03-05`, `2024-03` or `2024` (a year's first month).
pub fn parse_iso(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let year: u32 = parts.next()?.parse().ok().filter(|y| (1900..=2200).contains(y))?;
    let month: u32 = parts.next().map_or(Some(1), |m| m.parse().ok().filter(|m| (1..=12).contains(m)))?;
    let day = match parts.next() {
        Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    parts.next().is_none().then_some(Date { year, month, day })
}

/// A finding as a rule reports it: byte ranges into the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub args: Vec<String>,
    /// The certain replacement, for a range inside (or equal to) `range`.
    pub fix: Option<(Range<usize>, String)>,
    /// A lower severity than the rule's, where the rule is less sure of this one.
    pub severity: Option<Severity>,
    /// What the finding rests on, typed (byte offsets), where the outline found it.
    pub evidence: Option<Evidence>,
}

impl Found {
    pub fn new(range: Range<usize>, args: &[&str]) -> Found {
        Found { range, args: args.iter().map(|a| a.to_string()).collect(), fix: None, severity: None, evidence: None }
    }

    pub fn fix(mut self, range: Range<usize>, replacement: impl Into<String>) -> Found {
        self.fix = Some((range, replacement.into()));
        self
    }
}

/// A draft made ready for the rules: its chrome blanked, its characters and paragraphs listed once.
pub struct Draft<'t> {
    pub text: &'t str,
    /// `text` with page chrome blanked byte for byte: rules read this.
    pub speech: String,
    /// `speech`'s characters with their byte offsets, for rules that look at neighbours.
    pub chars: Vec<(usize, char)>,
    pub paragraphs: Vec<Range<usize>>,
    /// The outline's numbering slips (the analysis's own checks).
    pub outline: outline::OutlineTree,
    /// The draft's date (see [`CheckOptions::date`]).
    pub date: Option<Date>,
}

impl<'t> Draft<'t> {
    /// `text` made ready, dated `date` when given, else by itself, else `today`.
    pub fn new(text: &'t str, date: Option<Date>, today: Option<Date>) -> Draft<'t> {
        let cleaned = clean::clean(text);
        let date = date.or_else(|| crate::date::of(text, &cleaned.removed)).or(today);
        let speech = clean::mask(text, &cleaned);
        let paragraphs = text::paragraphs(text);
        let opening_end = cleaned.salutation.as_ref().map_or(cleaned.body.start, |s| s.end);
        let closing_start = cleaned.closing.as_ref().map_or(cleaned.body.end, |c| c.start);
        let outline = outline::build(&speech, opening_end..cleaned.body.end, closing_start, &paragraphs);
        let chars = speech.char_indices().collect();
        Draft { text, speech, chars, paragraphs, outline, date }
    }

    /// The character at index `i` of [`Draft::chars`], if any.
    pub fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    /// Whether a heading can start at character `i`: a paragraph's start, or right after a
    /// sentence or a colon.
    pub fn heading_start(&self, i: usize) -> bool {
        i.checked_sub(1).and_then(|p| self.char_at(p)).is_none_or(opens_heading)
    }

    /// A numbering marker as the outline has it (`第四,`) without the mark after it, which is a
    /// finding of its own when wrong (`punct.halfwidth`, `punct.ordinal`).
    pub fn marker(&self, range: Range<usize>) -> Range<usize> {
        let marker =
            self.speech[range.clone()].trim_end_matches(|c: char| c.is_whitespace() || ",，、.．:：".contains(c));
        if marker.is_empty() { range } else { range.start..range.start + marker.len() }
    }

    /// The byte range of characters `from..to` of [`Draft::chars`].
    pub fn bytes(&self, from: usize, to: usize) -> Range<usize> {
        let end = self.chars.get(to).map_or(self.speech.len(), |&(at, _)| at);
        self.chars[from].0..end
    }
}

/// Every place of every `(word, payload)` in the speech, found in one pass over its characters
/// (a table of fifty typos searched one by one read a long text fifty times): `(range, word, payload)`.
pub fn find_all<'w, P: Copy>(
    draft: &Draft,
    words: impl IntoIterator<Item = (&'w str, P)>,
) -> Vec<(Range<usize>, &'w str, P)> {
    let mut by_first: rustc_hash::FxHashMap<char, Vec<(&'w str, P)>> = rustc_hash::FxHashMap::default();
    for (word, payload) in words {
        if let Some(first) = word.chars().next() {
            by_first.entry(first).or_default().push((word, payload));
        }
    }
    let mut found = Vec::new();
    for &(at, c) in &draft.chars {
        for &(word, payload) in by_first.get(&c).into_iter().flatten() {
            if draft.speech[at..].starts_with(word) {
                found.push((at..at + word.len(), word, payload));
            }
        }
    }
    found
}

/// What a heading follows: a break, or the end of a sentence or a colon.
pub fn opens_heading(c: char) -> bool {
    matches!(c, '\n' | '\u{3000}' | ' ' | '。' | '！' | '？' | '；' | '：')
}

/// The Chinese numerals markers and counts are written in (一 … 十); the rules that read years
/// or other numbers add 〇 and 零 to it.
pub fn is_numeral(c: char) -> bool {
    crate::numerals::is_counting(c)
}

/// A rule of the draft check: what it catches and what it must leave, side by side.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// Texts in which the rule must find something.
    pub flags: &'static [&'static str],
    /// Texts in which it must find nothing.
    pub leaves: &'static [&'static str],
    pub find: fn(&Draft, &mut Vec<Found>),
}

/// Every rule, by family.
pub const RULES: &[&[Rule]] = &[
    punct::RULES,
    numbers::RULES,
    wording::RULES,
    fixed::RULES,
    leaders::RULES,
    formulas::RULES,
    NUMBERING,
    levels::RULES,
];

/// Every rule, in one list.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().flat_map(|family| family.iter())
}

/// The outline's numbering checks, as findings (the sample's 第一, 第二, 第四).
const NUMBERING: &[Rule] = &[
    Rule {
        id: "numbering.gap",
        severity: Severity::Error,
        flags: &["同志们：\n第一，抓发展。\n第二，抓改革。\n第四，抓落实。"],
        leaves: &["同志们：\n第一，抓发展。根据《条例》第三条，依法办事。\n第二，抓改革。"],
        find: |d, out| numbering(d, out, Kind::Gap),
    },
    Rule {
        id: "numbering.order",
        severity: Severity::Error,
        flags: &["同志们：\n（一）抓发展。\n（三）抓改革。\n（二）抓落实。"],
        leaves: &["同志们：\n（一）抓发展。\n（二）抓改革。\n（三）抓落实。"],
        find: |d, out| numbering(d, out, Kind::Order),
    },
    Rule {
        id: "numbering.duplicate",
        severity: Severity::Error,
        flags: &["同志们：\n一、抓发展。\n二、抓改革。\n二、抓落实。"],
        leaves: &["同志们：\n一、抓发展。\n二、抓改革。\n三、抓落实。"],
        find: |d, out| numbering(d, out, Kind::Duplicate),
    },
    Rule {
        id: "numbering.count",
        severity: Severity::Error,
        flags: &["同志们：今天我讲三点意见。\n一、抓发展。\n二、抓改革。\n三、抓落实。\n四、抓作风。"],
        leaves: &[
            "同志们：今天我讲几点意见。\n一、抓发展。\n二、抓改革。\n三、抓落实。\n四、抓作风。",
            "同志们：今天我讲三点意见。\n一、抓发展。\n二、抓改革。\n三、抓落实。",
        ],
        find: |d, out| numbering(d, out, Kind::Count),
    },
];

/// The outline's issues of `kind`, each at its marker, naming what was expected and found.
fn numbering(draft: &Draft, out: &mut Vec<Found>, kind: Kind) {
    for issue in draft.outline.issues.iter().filter(|i| i.evidence.kind() == kind) {
        let (expected, found, previous) = match &issue.evidence {
            Evidence::Gap { expected, found, .. } | Evidence::Duplicate { expected, found, .. } => {
                (expected.clone(), found.clone(), String::new())
            }
            Evidence::Order { expected, found, previous, .. } => (expected.clone(), found.clone(), previous.clone()),
            Evidence::Count { announced, parts, .. } => (announced.to_string(), parts.to_string(), String::new()),
            Evidence::TooManySections { .. } | Evidence::ExpansionCount { .. } => continue,
        };
        let found = Found::new(draft.marker(issue.range.clone()), &[&expected, &found, &previous]);
        out.push(Found { evidence: Some(issue.evidence.clone()), ..found });
    }
}

/// Checks `text` as an editor would; see the module's docs.
pub fn check(text: &str, options: &CheckOptions) -> Result<CheckResult, Error> {
    let index = crate::document::checked_index(text)?;
    let date = |name: &str, value: &Option<String>| match value {
        None => Ok(None),
        Some(s) => parse_iso(s).map(Some).ok_or_else(|| {
            Error::new(ErrorKind::InvalidArgument, format!("{name} must be a date like 2024-03-05, not {s:?}"))
        }),
    };
    let draft = Draft::new(text, date("date", &options.date)?, date("today", &options.today)?);
    let keep = kept_spans(&draft, &options.words);
    let mut findings = Vec::new();
    for rule in rules().filter(|r| !ignored(r.id, &options.ignore)) {
        let mut found = Vec::new();
        (rule.find)(&draft, &mut found);
        for f in found.into_iter().filter(|f| !keep.iter().any(|k| overlaps(k, &f.range))) {
            findings.push(finding(rule, f, &index, &options.lang));
        }
    }
    crate::sort::sort_by(&mut findings, |a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
    let mut counts = Counts::default();
    for f in &findings {
        *match f.severity {
            Severity::Error => &mut counts.error,
            Severity::Warning => &mut counts.warning,
            Severity::Info => &mut counts.info,
        } += 1;
    }
    Ok(CheckResult { findings, counts })
}

fn finding(rule: &Rule, found: Found, index: &Utf16Index, lang: &str) -> Finding {
    let Span { start, end } = index.span(found.range);
    let args: Vec<&str> = found.args.iter().map(String::as_str).collect();
    let message = labels::message(lang, &format!("check.{}", rule.id), &args);
    let fix = found.fix.map(|(range, replacement)| {
        let Span { start, end } = index.span(range);
        Fix { start, end, replacement }
    });
    Finding {
        rule: rule.id.to_string(),
        severity: found.severity.unwrap_or(rule.severity),
        start,
        end,
        message,
        args: found.args,
        fix,
        evidence: found.evidence.map(|e| e.map_offsets(|at| index.utf16(at as usize))),
    }
}

/// Whether `id` is switched off by `ignore`, which names rules or whole families.
fn ignored(id: &str, ignore: &[String]) -> bool {
    ignore.iter().any(|i| id == i || id.strip_prefix(i.as_str()).is_some_and(|rest| rest.starts_with('.')))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end
}

/// Where nothing is flagged: the words the user listed, and quotations in a foreign language
/// (`“Stay hungry, stay foolish”` keeps its own punctuation).
fn kept_spans(draft: &Draft, words: &[String]) -> Vec<Range<usize>> {
    let mut keep: Vec<Range<usize>> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .flat_map(|w| draft.speech.match_indices(w).map(|(at, m)| at..at + m.len()))
        .collect();
    keep.extend(foreign_quotations(&draft.speech));
    keep
}

/// Quoted runs (“…”, "…", ‘…’) with Latin letters and no Han: foreign words keep their own marks.
fn foreign_quotations(speech: &str) -> Vec<Range<usize>> {
    const QUOTES: [(char, char); 3] = [('“', '”'), ('"', '"'), ('‘', '’')];
    let mut found = Vec::new();
    for (open, close) in QUOTES {
        let mut rest = 0;
        while let Some(start) = speech[rest..].find(open).map(|i| rest + i) {
            let inner = start + open.len_utf8();
            let Some(end) = speech[inner..].find(close).map(|i| inner + i) else { break };
            let quoted = &speech[inner..end];
            if quoted.chars().any(|c| c.is_ascii_alphabetic()) && !quoted.chars().any(is_han) {
                found.push(start..end + close.len_utf8());
            }
            rest = end + close.len_utf8();
        }
    }
    found
}
