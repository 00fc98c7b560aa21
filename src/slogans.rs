//! The catch-phrases official speech is made of: quoted coinages, numbered formulas, cited
//! documents, attributed quotations, parallel clauses, idioms and known formulations.

use crate::model::SloganKind;
use crate::segment::{Tok, is_lexicon_word};
use crate::text::{is_han, is_sentence_end};
use jieba_rs::Jieba;
use std::collections::HashMap;
use std::ops::Range;

/// Quote marks a pasted text may use, as (open, close) pairs; straight quotes open and close alike.
const QUOTES: &[(char, char)] = &[
    ('“', '”'),   // “县域不经济”
    ('「', '」'), // 「县域不经济」
    ('『', '』'), // 『数商兴农』
    ('"', '"'),   // "双倍增"
];

/// Longest quoted run, in characters, still read as a phrase rather than a quotation.
const PHRASE_MAX_CHARS: usize = 12;

/// A slogan found once, by byte range, before grouping.
#[derive(Clone, Debug)]
pub struct Found {
    pub kind: SloganKind,
    /// What the slogan is, as grouped: the quoted text without its marks.
    pub text: Range<usize>,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

/// A distinct slogan with every occurrence, by byte ranges.
#[derive(Clone, Debug)]
pub struct Grouped {
    pub text: String,
    pub kind: SloganKind,
    pub occurrences: Vec<Range<usize>>,
    pub score: f64,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

/// Quoted runs of `speech` as (inner text range, whole range with marks), in text order.
/// A quote does not cross a line; nested quotes of another pair are inside their outer run.
pub fn quoted_runs(speech: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut runs = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (at, c) in speech.char_indices() {
        match open {
            _ if c == '\n' => open = None,
            Some((close, start)) if c == close => {
                runs.push((start + c.len_utf8()..at, start..at + c.len_utf8()));
                open = None;
            }
            Some(_) => {}
            None => {
                if let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == c) {
                    open = Some((close, at));
                }
            }
        }
    }
    runs
}

/// A quoted run short enough, and free of sentence punctuation, to be a phrase.
fn is_phrase(inner: &str) -> bool {
    let chars = inner.chars().count();
    (1..=PHRASE_MAX_CHARS).contains(&chars)
        && inner.chars().any(is_han)
        && !inner.contains(|c: char| is_sentence_end(c) || matches!(c, '，' | ','))
}

/// Phrases the speech itself marks as units, which segmentation must keep whole.
pub fn marked_units(speech: &str) -> Vec<&str> {
    let mut units: Vec<&str> = quoted_runs(speech)
        .into_iter()
        .map(|(inner, _)| &speech[inner])
        .filter(|s| is_phrase(s) && s.chars().count() >= 2)
        .collect();
    units.sort_unstable();
    units.dedup();
    units
}

/// Every slogan of `speech`, grouped and ranked.
pub fn detect(speech: &str, tokens: &[Tok], jieba: &Jieba) -> Vec<Grouped> {
    let mut found = Vec::new();
    for (inner, _) in quoted_runs(speech) {
        if is_phrase(&speech[inner.clone()]) {
            found.push(Found { kind: SloganKind::Quoted, text: inner, expansion: None, frame: None, speaker: None });
        }
    }
    group(speech, tokens, jieba, found)
}

/// One entry per distinct text with every place it occurs, ranked by [`score`].
fn group(speech: &str, tokens: &[Tok], jieba: &Jieba, found: Vec<Found>) -> Vec<Grouped> {
    let mut by_text: HashMap<&str, Grouped> = HashMap::new();
    for f in found {
        let text = &speech[f.text.clone()];
        let entry = by_text.entry(text).or_insert_with(|| Grouped {
            text: text.to_string(),
            kind: f.kind,
            occurrences: Vec::new(),
            score: 0.0,
            expansion: None,
            frame: None,
            speaker: None,
        });
        entry.kind = entry.kind.min(f.kind);
        entry.expansion = entry.expansion.take().or(f.expansion);
        entry.frame = entry.frame.take().or(f.frame);
        entry.speaker = entry.speaker.take().or(f.speaker);
        entry.occurrences.push(f.text);
    }
    let mut grouped: Vec<Grouped> = by_text.into_values().collect();
    for g in &mut grouped {
        // Said bare, a coinage is still the slogan; a single character is only itself where quoted.
        if g.text.chars().count() >= 2 {
            g.occurrences.extend(tokens.iter().filter(|t| speech[t.range()] == g.text).map(Tok::range));
            g.occurrences.sort_by_key(|r| r.start);
            g.occurrences.dedup();
        }
        g.score = score(g, jieba);
    }
    grouped
        .sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.occurrences[0].start.cmp(&b.occurrences[0].start)));
    grouped
}

/// Salience. A coinage is a phrase the speaker built: several characters that jieba's base
/// dictionary does not hold as one word (县域不经济, 数商兴农), or a formulation of our lexicon.
/// A scare-quoted ordinary word (“土地”, “县”) is one dictionary word, so it ranks low however
/// often it is quoted. Longer coinages and repeated ones rank higher, with diminishing returns.
fn score(g: &Grouped, jieba: &Jieba) -> f64 {
    let chars = g.text.chars().count();
    let coined = chars >= 2 && (!jieba.has_word(&g.text) || is_lexicon_word(&g.text));
    let coinage = if coined { 1.0 } else { 0.2 };
    coinage * (1.0 + chars.min(8) as f64 / 8.0) * (g.occurrences.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_runs_pair_each_style_and_stop_at_line_ends() {
        let text = "“甲”「乙」『丙』\"丁\"“未闭\n“戊”";
        let got: Vec<&str> = quoted_runs(text).into_iter().map(|(inner, _)| &text[inner]).collect();
        assert_eq!(got, ["甲", "乙", "丙", "丁", "戊"]);
    }

    #[test]
    fn long_quotations_are_not_phrases() {
        assert!(is_phrase("县域不经济"));
        assert!(!is_phrase("整合科技创新资源,引领发展战略性新兴产业和未来产业,加快形成新质生产力。"));
    }
}
