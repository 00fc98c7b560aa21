//! The words themselves: a template's leftovers, a sentence said twice, a known typo.

use super::{Draft, Found, Rule, Severity};
use crate::text::is_han;
use rustc_hash::FxHashMap;

pub const RULES: &[Rule] = &[
    Rule {
        id: "template.placeholder",
        severity: Severity::Error,
        flags: &[
            "XX同志",
            "×××同志代表",
            "20XX年工作要点",
            "（此处填写单位）",
            "【待补充】",
            "由□□□主持",
            "A总书记指出",
            "请B同志发言",
        ],
        leaves: &["长2米×宽3米", "XXL号", "二○○五年", "X光检查", "A股市场", "做B超检查", "GDP总量"],
        find: |d, out| {
            placeholder(d, out);
            letter_for_a_name(d, out);
        },
    },
    Rule {
        id: "repeat.sentence",
        severity: Severity::Warning,
        flags: &["我们要坚持以人民为中心的发展思想不动摇。要加强领导。我们要坚持以人民为中心的发展思想不动摇。"],
        leaves: &[
            "我们要坚持以人民为中心，我们要坚持以人民为中心，我们要坚持以人民为中心。",
            "要加强领导。要加强领导。",
        ],
        find: repeated_sentences,
    },
    Rule {
        id: "typo.confusion",
        severity: Severity::Warning,
        flags: &["按步就班推进", "笫一，要加强领导", "再接再励"],
        leaves: &["按部就班推进", "第一，要加强领导", "萧华同志", "再接再厉"],
        find: typos,
    },
];

/// `XX`, `×××`, `□□`, `○○○` standing for a name or number still to be filled in.
fn is_stand_in(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '□' | '○')
}

/// Words in brackets that are an instruction to the drafter, not text: `（此处填写单位）`.
const INSTRUCTIONS: &[&str] = &["此处", "填写", "待定", "待补充", "请补充", "待完善", "待核实"];

fn placeholder(d: &Draft, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < d.chars.len() {
        if !is_stand_in(d.chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < d.chars.len() && d.chars[i].1 == d.chars[start].1 {
            i += 1;
        }
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let before = start.checked_sub(1).and_then(|p| d.char_at(p));
        // `二○○五年` is a year written with the wrong zero (number.zero-form), not a stand-in.
        let in_number = |c: char| super::is_numeral(c) || matches!(c, '〇' | '零');
        let in_year = d.chars[start].1 == '○' && (before.is_some_and(in_number) || d.char_at(i).is_some_and(in_number));
        let long_enough = i - start >= 2 || d.chars[start].1 == '□';
        if long_enough && !latin(before) && !latin(d.char_at(i)) && !in_year {
            let range = d.bytes(start, i);
            out.push(Found::new(range.clone(), &[&d.speech[range]]));
        }
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        for (at, _) in d.speech.match_indices(open) {
            let inner = at + open.len_utf8();
            let Some(len) = d.speech[inner..].chars().take(20).position(|c| c == close) else { continue };
            let end = inner + d.speech[inner..].chars().take(len).map(char::len_utf8).sum::<usize>();
            if INSTRUCTIONS.iter().any(|w| d.speech[inner..end].contains(w)) {
                let range = at..end + close.len_utf8();
                out.push(Found::new(range.clone(), &[&d.speech[range]]));
            }
        }
    }
}

/// Titles a template puts after a name still to be filled in (`A总书记指出`, `请B同志发言`).
const TITLES: &[&str] = &[
    "总书记",
    "同志",
    "书记",
    "主席",
    "总理",
    "委员长",
    "省长",
    "市长",
    "县长",
    "区长",
    "部长",
    "厅长",
    "局长",
    "处长",
    "主任",
];

/// A lone capital letter standing for a person's name before a title: a template's stand-in (a
/// warning: a case study may name people so on purpose). `A股`, `B超`, `GDP总量` name no person.
fn letter_for_a_name(d: &Draft, out: &mut Vec<Found>) {
    for (i, &(at, c)) in d.chars.iter().enumerate() {
        let lone = !(i > 0 && d.chars[i - 1].1.is_ascii_alphanumeric());
        if !(c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c)) || !lone {
            continue;
        }
        let after = &d.speech[at + c.len_utf8()..];
        if TITLES.iter().any(|t| after.starts_with(t)) {
            let range = at..at + c.len_utf8();
            let found = Found::new(range, &[&c.to_string()]);
            out.push(Found { severity: Some(Severity::Warning), ..found });
        }
    }
}

/// Sentences shorter than this many Han characters repeat by design (`要加强领导。`).
const REPEAT_MIN_HAN: usize = 15;

/// A sentence said again word for word: a paragraph pasted twice, a draft's merge left over.
fn repeated_sentences(d: &Draft, out: &mut Vec<Found>) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let mut key = String::new();
    // Where each line starts, so that the first saying's line is a binary search, not a count.
    let line_starts: Vec<usize> = std::iter::once(0).chain(d.text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    for paragraph in &d.paragraphs {
        let mut start = paragraph.start;
        for (at, c) in d.speech[paragraph.clone()].char_indices().map(|(i, c)| (paragraph.start + i, c)) {
            let end = at + c.len_utf8();
            if !(matches!(c, '。' | '！' | '？') || end == paragraph.end) {
                continue;
            }
            // The sentence's letters and digits (its Han, the most of them, without a table look-up),
            // in a buffer kept from sentence to sentence.
            key.clear();
            let mut han = 0;
            for c in d.speech[start..end].chars() {
                if matches!(c, '\u{4E00}'..='\u{9FFF}') || c.is_alphanumeric() {
                    key.push(c);
                    han += usize::from(is_han(c));
                }
            }
            if han >= REPEAT_MIN_HAN {
                match seen.get(key.as_str()) {
                    Some(&first) => {
                        let line = line_starts.partition_point(|&s| s <= first);
                        out.push(Found::new(start..end, &[&line.to_string()]));
                    }
                    None => {
                        seen.insert(key.clone(), start);
                    }
                }
            }
            start = end;
        }
    }
}

/// `data/typos.tsv`: wrong, right, why.
const TYPOS: &str = include_str!("../../data/typos.tsv");

fn typo_table() -> impl Iterator<Item = (&'static str, &'static str)> {
    TYPOS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| {
        let mut fields = l.split('\t');
        Some((fields.next()?, fields.next()?))
    })
}

fn typos(d: &Draft, out: &mut Vec<Found>) {
    for (range, wrong, right) in super::find_all(d, typo_table()) {
        out.push(Found::new(range.clone(), &[wrong, right]).fix(range, right));
    }
}
