//! The runs of text a speech marks off itself: between quotation marks (“县域不经济”) and book-title
//! marks (《…》). Found once per analysis, ahead of segmentation: the cut keeps the quoted phrases
//! whole where the text has them as words ([`marked_units`], [`units_as_words`]), and the slogans
//! start from every run ([`crate::slogans::detect`]).

use crate::segment::Tok;
use crate::text::{is_han, is_sentence_end};
use std::ops::Range;

/// What a pair of marks encloses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Quote,
    Title,
}

/// Marks a pasted text may use, as (open, close, role); straight quotes open and close alike.
pub(crate) const MARKS: &[(char, char, Role)] = &[
    ('“', '”', Role::Quote),   // “县域不经济”
    ('「', '」', Role::Quote), // 「县域不经济」
    ('『', '』', Role::Quote), // 『数商兴农』
    ('"', '"', Role::Quote),   // "双倍增"
    ('‘', '’', Role::Quote),   // “坚持‘两个确立’”: the inner quote of a quote
    ('《', '》', Role::Title), // 《市委关于锚定“三高四新”美好蓝图 加快推动高质量发展的若干意见》
    ('〈', '〉', Role::Title), // 《〈资本论〉导读》
];

/// Deepest nesting of marks followed (“…‘…’…” is two). Deeper marks are read as text, so a line
/// of 100,000 unclosed “ costs no more than one.
const MAX_NESTING: usize = 4;

/// Longest quoted run, in characters, still read as a phrase rather than a quotation.
const PHRASE_MAX_CHARS: usize = 12;

/// A run of text between a pair of [`MARKS`]. An analysis finds them once ([`mark_runs`]): the
/// cut needs the quoted ones ([`marked_units`]), the detection all of them.
#[derive(Clone, Debug)]
pub struct Run {
    pub(crate) role: Role,
    pub(crate) inner: Range<usize>,
    pub(crate) outer: Range<usize>,
}

/// Every marked run of `speech`, in order of its opening mark. A run does not cross a line; a
/// closing mark closes the innermost open run it matches, dropping unclosed runs inside it.
pub fn mark_runs(speech: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::with_capacity(MAX_NESTING); // (index in MARKS, byte)
    // Han characters are most of a speech and none is a mark: skipped before any comparison.
    for (at, c) in speech.char_indices().filter(|&(_, c)| !is_han(c)) {
        if c == '\n' {
            open.clear();
        } else if let Some(depth) = open.iter().rposition(|&(m, _)| MARKS[m].1 == c) {
            let (m, start) = open[depth];
            open.truncate(depth);
            let (o, _, role) = MARKS[m];
            runs.push(Run { role, inner: start + o.len_utf8()..at, outer: start..at + c.len_utf8() });
        } else if let Some(m) = MARKS.iter().position(|&(o, _, _)| o == c)
            && open.len() < MAX_NESTING
        {
            open.push((m, at));
        }
    }
    crate::sort::sort_by_key(&mut runs, |r| r.outer.start);
    runs
}

/// A quoted run short enough, and free of clause punctuation, to be a phrase.
pub(crate) fn is_phrase(inner: &str) -> bool {
    let chars = inner.chars().count();
    (1..=PHRASE_MAX_CHARS).contains(&chars)
        && inner.chars().any(is_han)
        && !inner.contains(|c: char| is_sentence_end(c) || matches!(c, '，' | ',' | '、'))
}

/// Phrases the speech itself marks as units (quotes them), which segmentation must keep whole.
/// `runs` are the speech's [`mark_runs`].
pub fn marked_units<'s>(speech: &'s str, runs: &[Run]) -> Vec<&'s str> {
    let mut units: Vec<&str> = runs
        .iter()
        .filter(|r| r.role == Role::Quote)
        .map(|r| &speech[r.inner.clone()])
        .filter(|s| is_phrase(s) && s.chars().count() >= 2)
        .collect();
    crate::sort::sort_by(&mut units, Ord::cmp);
    units.dedup();
    units
}

/// Of the occurrences of the units a cut keeps whole (`units`, from [`segment::find_units`]), those
/// that are words: where the speech quotes the phrase, a word the user added, or where `plain` (the
/// speech cut without them) has a word boundary at both ends. A quoted 人民 said bare inside
/// 中华人民共和国, or 自由 inside 资产阶级自由化, is no occurrence of it.
///
/// [`segment::find_units`]: crate::segment::find_units
pub fn units_as_words(
    speech: &str,
    runs: &[Run],
    units: Vec<Range<usize>>,
    plain: &[Tok],
    user_words: &[&str],
) -> Vec<Range<usize>> {
    let mut quoted: Vec<usize> = runs.iter().filter(|r| r.role == Role::Quote).map(|r| r.inner.start).collect();
    crate::sort::sort_by(&mut quoted, Ord::cmp);
    let starts_word = |at: usize| plain.binary_search_by_key(&at, |t| t.start).is_ok();
    let ends_word = |at: usize| plain.binary_search_by_key(&at, |t| t.end).is_ok();
    units
        .into_iter()
        .filter(|r| {
            quoted.binary_search(&r.start).is_ok()
                || user_words.contains(&&speech[r.clone()])
                || (starts_word(r.start) && ends_word(r.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_runs_pair_each_style_nest_and_stop_at_line_ends() {
        let text = "“甲”「乙」『丙』\"丁\"“未闭\n“戊‘己’”《庚〈辛〉》";
        let got: Vec<&str> = mark_runs(text).into_iter().map(|r| &text[r.inner]).collect();
        assert_eq!(got, ["甲", "乙", "丙", "丁", "戊‘己’", "己", "庚〈辛〉", "辛"]);
    }

    #[test]
    fn an_unclosed_inner_mark_does_not_swallow_its_outer_run() {
        let text = "“甲「乙”";
        let got: Vec<&str> = mark_runs(text).into_iter().map(|r| &text[r.inner]).collect();
        assert_eq!(got, ["甲「乙"]);
    }

    #[test]
    fn long_quotations_are_not_phrases() {
        assert!(is_phrase("县域不经济"));
        assert!(!is_phrase("整合科技创新资源,引领发展战略性新兴产业和未来产业,加快形成新质生产力。"));
    }
}
