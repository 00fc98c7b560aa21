//! Numbered formulas spelled out as the lexicon has them (`data/lexicon.tsv`): their items in their
//! fixed order, and in the version of the draft's date.

use super::{Draft, Found, Rule, Severity};
use crate::slogans::formula_versions;
use std::ops::{Range, RangeInclusive};

pub const RULES: &[Rule] = &[
    Rule {
        id: "formula.order",
        severity: Severity::Error,
        flags: &[
            "坚定道路自信、制度自信、理论自信、文化自信。",
            "“四个自信”，即道路自信、文化自信、理论自信、制度自信。",
        ],
        leaves: &["坚定道路自信、理论自信、制度自信、文化自信。", "增强道路自信、理论自信。"],
        find: order,
    },
    Rule {
        id: "formula.era",
        severity: Severity::Error,
        flags: &[
            "在全市工作会议上的讲话\n（2023年3月1日）\n同志们：\n协调推进“四个全面”，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
        ],
        leaves: &[
            "在全市工作会议上的讲话\n（2019年3月1日）\n同志们：\n协调推进“四个全面”，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
            "在全市工作会议上的讲话\n（2023年3月1日）\n同志们：\n党的十八大以来，我们推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
        ],
        find: era,
    },
];

/// A list of items separated by 、 within one clause: the items' byte ranges (the first without
/// a verb before it: `坚定道路自信` gives `道路自信` when `known` names it so).
struct List {
    items: Vec<Range<usize>>,
}

/// The 、-lists of the speech with three items or more.
fn lists(speech: &str) -> Vec<List> {
    let mut found = Vec::new();
    let mut start = 0;
    for (at, c) in speech.char_indices().chain([(speech.len(), '。')]) {
        if matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '（' | '）' | '“' | '”' | ',' | ';' | ':')
        {
            let clause = start..at;
            let mut items = Vec::new();
            let mut item_start = clause.start;
            for (i, m) in speech[clause.clone()].match_indices('、') {
                items.push(item_start..clause.start + i);
                item_start = clause.start + i + m.len();
            }
            items.push(item_start..clause.end);
            if items.len() >= 3 {
                found.push(List { items });
            }
            start = at + c.len_utf8();
        }
    }
    found
}

/// A formula's items, and how the list writes them: the list's items matched in order, the first
/// allowed a verb before it (`坚定道路自信`), the last what follows it (`共享的新发展理念`).
/// `None` unless every item is one of the formula's, once.
fn matched<'i>(speech: &str, list: &List, items: &[&'i str]) -> Option<Vec<&'i str>> {
    if list.items.len() != items.len() {
        return None;
    }
    let mut written = Vec::new();
    for (k, range) in list.items.iter().enumerate() {
        let text = &speech[range.clone()];
        let last = k + 1 == items.len();
        let item = items.iter().find(|i| match k {
            0 => text.ends_with(**i),
            _ if last => text.starts_with(**i),
            _ => text == **i,
        })?;
        if written.contains(item) {
            return None;
        }
        written.push(*item);
    }
    Some(written)
}

/// The range of the list's items as the formula's `written` (the first without its verb, the
/// last without what follows it).
fn items_range(speech: &str, list: &List, written: &[&str]) -> Range<usize> {
    let (first, last) = (&list.items[0], &list.items[list.items.len() - 1]);
    let start = first.start + speech[first.clone()].len() - written[0].len();
    start..last.start + written[written.len() - 1].len()
}

/// Every list whose items are a formula's in another order (`道路自信、制度自信、理论自信、文化自信`).
fn order(d: &Draft, out: &mut Vec<Found>) {
    let versions = versions();
    let mut flagged: Vec<Range<usize>> = Vec::new();
    for list in lists(&d.speech) {
        for &(formula, _, items) in versions.iter().filter(|v| v.2.len() == list.items.len()) {
            let Some(written) = matched(&d.speech, &list, items) else { continue };
            if written == items {
                break;
            }
            let range = items_range(&d.speech, &list, &written);
            if !flagged.contains(&range) {
                flagged.push(range.clone());
                out.push(Found::new(range.clone(), &[formula, &items.join("、")]).fix(range, items.join("、")));
            }
            break;
        }
    }
}

/// The lexicon's formula versions, listed once per check: a list is compared only with those of
/// as many items (reading the whole lexicon for every list of a long text cost more than the lists).
fn versions() -> Vec<(&'static str, &'static RangeInclusive<u32>, &'static [&'static str])> {
    formula_versions().collect()
}

/// How a text says a formula stands for a list: `“四个全面”，即…`, `四个全面：…`, `四个全面（…）`.
const SPELLED_BY: &[&str] = &["”，即", "，即", "”即", "即", "”：", "：", "”（", "（"];

/// A formula spelled out with the items of a version that did not hold at the draft's date.
fn era(d: &Draft, out: &mut Vec<Found>) {
    let Some(date) = d.date else { return };
    let month = date.year * 12 + date.month - 1;
    let versions = versions();
    for list in lists(&d.speech) {
        for &(formula, held, items) in versions.iter().filter(|v| v.2.len() == list.items.len()) {
            let Some(written) = matched(&d.speech, &list, items).filter(|_| !held.contains(&month)) else { continue };
            let start = items_range(&d.speech, &list, &written).start;
            if !SPELLED_BY.iter().any(|by| d.speech[..start].ends_with(&format!("{formula}{by}"))) {
                continue;
            }
            // The version of the draft's date, which the list should have spelled out.
            let current = formula_versions().find(|(f, h, _)| *f == formula && h.contains(&month));
            if let Some((_, _, current)) = current.filter(|(_, _, c)| matched(&d.speech, &list, c).is_none()) {
                let range = items_range(&d.speech, &list, &written);
                out.push(Found::new(range, &[formula, &date.year.to_string(), &current.join("、")]));
            }
        }
    }
}
