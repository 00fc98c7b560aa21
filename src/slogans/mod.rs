//! The catch-phrases official speech is made of: quoted coinages, numbered formulas, cited
//! documents, attributed quotations, parallel clauses, idioms and known formulations.
//!
//! Three linear scans over the masked speech, each feeding one list of [`Found`]:
//! 1. the marks (`“”「」『』""‘’《》〈〉`), nested up to `MAX_NESTING`: every quoted run is classed
//!    (phrase, enumeration, passage) and every 《…》 is a title;
//! 2. the tokens: lexicon words, idioms, unquoted numbered formulas (一带一路), and the bare
//!    occurrences of phrases the speech quotes elsewhere;
//! 3. the clauses between `、，；`: runs of three or more that share a frame.
//!
//! Then one grouping by text. The rules are the tables of the modules below, each entry with what
//! it catches: `quoted` (what a quoted phrase is), `laws` (titles without marks), `formulas`
//! (numbered formulas and their expansions), `speakers`, `idioms`, `parallels`, `grouping`; `found`
//! holds what they hand on.

mod formulas;
mod found;
mod grouping;
mod idioms;
mod laws;
mod parallels;
mod quoted;
mod speakers;

use crate::finding::Flagged;
use crate::marks::{MARKS, Role, Run, is_phrase};
use crate::model::SloganKind;
use crate::numerals::is_formula_numeral;
use crate::segment::{Pos, Tok};
use crate::text::is_han;
pub use formulas::formula_versions;
use formulas::{
    is_numbered, joined_formulas, known_expansion, lexicon, listed_before, spell_out, spelled_formula, unquoted_formula,
};
use found::Dictionary;
pub use found::{Detected, Found, Grouped};
use grouping::group;
use idioms::{IdiomWords, idiom_sayings};
use jieba_rs::Jieba;
use laws::unbracketed_laws;
use parallels::parallels;
use quoted::{coins_nothing, enumeration, is_classical_line, is_verse_line, named_in_list, quoted_idiom};
use rustc_hash::FxHashMap;
use speakers::{Speakers, says_words, speaker_before};
use std::ops::Range;

/// Longest title, in characters: past this a 《 is a stray mark, not a document's name.
const TITLE_MAX_CHARS: usize = 100;

/// The characters of `s` and where each starts, but for the Han characters U+4E00 to U+9FFF: most
/// of a speech, skipped by their first bytes (E4 B8 to E9) undecoded. For scans that look for
/// marks and separators only (the clauses of `parallels`, the commas of `idioms`).
fn chars_but_common_han(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let common_han =
        |at: &[u8]| (0xE5..=0xE9).contains(&at[0]) || (at[0] == 0xE4 && at.get(1).is_some_and(|&b| b >= 0xB8));
    crate::text::chars_that_may_be(s, move |at| !common_han(at))
}

/// Every slogan of `speech`, grouped and ranked, and the inconsistencies they show. `runs` are the
/// speech's [`mark_runs`](crate::marks::mark_runs); `tokens` are cut as `Analyzer` cuts them:
/// every quoted phrase of [`marked_units`](crate::marks::marked_units) forced whole (and so tagged
/// [`Pos::PROPER`]) wherever it occurs, which is how its bare occurrences are found.
pub fn detect(speech: &str, tokens: &[Tok], jieba: &Jieba, runs: &[Run], month: Option<u32>) -> Detected {
    let mut scan = Scan {
        speech,
        month,
        dictionary: Dictionary { jieba, tags: FxHashMap::default() },
        found: Vec::new(),
        warnings: Vec::new(),
        phrase_kinds: FxHashMap::default(),
        titles: Vec::new(),
        expansions: Vec::new(),
        sayings: Vec::new(),
    };
    let mut speakers = Speakers::default();
    for run in runs {
        scan.marked_run(run, &mut speakers);
    }
    scan.unmarked_titles();
    scan.tokens(tokens);
    scan.parallels(tokens);
    Detected { slogans: group(speech, scan.found, month), warnings: scan.warnings }
}

/// What the scans of one speech have found so far, and what a later scan needs of an earlier one.
struct Scan<'s, 'j> {
    speech: &'s str,
    month: Option<u32>,
    dictionary: Dictionary<'j>,
    found: Vec<Found>,
    warnings: Vec<Flagged>,
    /// The kind of each phrase the speech quotes, which its bare occurrences share.
    phrase_kinds: FxHashMap<&'s str, SloganKind>,
    /// Cited documents, in whose names no idiom is looked for.
    titles: Vec<Range<usize>>,
    /// Where formulas are spelled out: their items are no parallel run of their own.
    expansions: Vec<Range<usize>>,
    /// Idioms of two clauses, whose halves and runs inside are nothing of their own.
    sayings: Vec<Range<usize>>,
}

impl<'s> Scan<'s, '_> {
    /// The first scan: a run between marks, a title, a quoted phrase or a longer quotation.
    fn marked_run(&mut self, run: &Run, speakers: &mut Speakers) {
        let speech = self.speech;
        let inner = &speech[run.inner.clone()];
        if run.role == Role::Title {
            if (1..=TITLE_MAX_CHARS).contains(&inner.chars().count()) && inner.chars().any(is_han) {
                self.titles.push(run.inner.clone());
                self.found.push(Found::new(SloganKind::Title, run.inner.clone()));
            }
        } else if is_phrase(inner) {
            self.quoted_phrase(run, speakers);
        } else if let Some(joined) = joined_formulas(inner) {
            let expansion =
                known_expansion(&joined, self.month).map(|items| items.iter().map(|s| s.to_string()).collect());
            self.found.push(Found { expansion, ..Found::new(SloganKind::Numbered, run.inner.clone()) });
        } else if enumeration(inner) {
            self.found.push(Found::new(SloganKind::Quoted, run.inner.clone()));
        } else if let Some(who) = speaker_before(speech, run.outer.start) {
            let speaker = speakers.resolve(speech, run, who);
            self.found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
        } else if is_classical_line(inner) {
            speakers.passage(None, run);
            self.found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
        } else {
            // A long quotation: a passage the speech cites, not a slogan.
            speakers.passage(None, run);
        }
    }

    /// A quoted phrase ([`is_phrase`]): an idiom, a formula, someone's words, a line of verse, a
    /// coinage, or nothing of its own.
    fn quoted_phrase(&mut self, run: &Run, speakers: &mut Speakers) {
        let speech = self.speech;
        let inner = &speech[run.inner.clone()];
        let kind = if quoted_idiom(inner, &mut self.dictionary) {
            SloganKind::Idiom
        } else if is_numbered(inner) {
            SloganKind::Numbered
        } else if let Some(speaker) = says_words(inner).then(|| speakers.of_phrase(speech, run)).flatten() {
            self.found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
            return;
        } else if is_verse_line(inner) {
            speakers.passage(None, run);
            self.found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
            return;
        } else if coins_nothing(inner) || named_in_list(speech, run.outer.end) {
            return;
        } else {
            SloganKind::Quoted
        };
        self.phrase_kinds.insert(inner, kind);
        let mut f = Found::new(kind, run.inner.clone());
        if kind == SloganKind::Numbered {
            spell_out(speech, &mut f, run.outer.end, &mut self.warnings, &mut self.expansions);
            if f.expansion.is_none() {
                f.expansion = listed_before(speech, run.outer.start, inner);
            }
        }
        self.found.push(f);
    }

    /// Laws named without book-title marks, titles as the marked ones are.
    fn unmarked_titles(&mut self) {
        for law in unbracketed_laws(self.speech) {
            self.titles.push(law.clone());
            self.found.push(Found::new(SloganKind::Title, law));
        }
        crate::sort::sort_by_key(&mut self.titles, |r| r.start);
    }

    /// The second scan: idioms of two clauses, then every token that is a slogan, and the formulas
    /// the tokens spell.
    fn tokens(&mut self, tokens: &[Tok]) {
        let speech = self.speech;
        self.sayings = idiom_sayings(speech, tokens);
        self.found.extend(self.sayings.iter().map(|r| Found::new(SloganKind::Idiom, r.clone())));
        let titles = std::mem::take(&mut self.titles);
        let mut title_at = titles.iter().peekable();
        let mut idioms = IdiomWords::default();
        for tok in tokens {
            let word = &speech[tok.range()];
            // Every kind below is two characters or more; most tokens are one (的, 要, a comma).
            // Said bare, a phrase the speech quotes is still the slogan; one character is only itself where quoted.
            let kind = if tok.end - tok.start < 4 && word.chars().nth(1).is_none() {
                None
            } else if let Some(&kind) = (tok.pos == Pos::PROPER).then(|| self.phrase_kinds.get(word)).flatten() {
                Some(kind)
            } else if let Some(known) = lexicon().get(word) {
                // A topic of the lexicon (产业链, 人工智能) is a term, not a slogan.
                known.formulation.then_some(if known.numbered { SloganKind::Numbered } else { SloganKind::Lexicon })
            } else {
                while title_at.next_if(|t| t.end <= tok.start).is_some() {}
                let in_title = title_at.peek().is_some_and(|t| t.start <= tok.start);
                (!in_title && idioms.is_idiom(word) && !self.in_saying(&tok.range())).then_some(SloganKind::Idiom)
            };
            let Some(mut f) = (match kind {
                Some(kind) => Some(Found::new(kind, tok.range())),
                // A formula opens with a numeral: most tokens do not, and neither is looked for.
                None if word.starts_with(is_formula_numeral) => {
                    unquoted_formula(speech, tokens, tok, &mut self.dictionary)
                        .or_else(|| spelled_formula(speech, tokens, tok))
                        .map(|r| Found::new(SloganKind::Numbered, r))
                }
                None => None,
            }) else {
                continue;
            };
            // A quoted formula was spelled out from behind its closing mark already.
            let quoted = speech[..f.text.start].ends_with(|c: char| MARKS.iter().any(|m| m.0 == c));
            if f.kind == SloganKind::Numbered && !quoted {
                let end = f.text.end;
                spell_out(speech, &mut f, end, &mut self.warnings, &mut self.expansions);
            }
            self.found.push(f);
        }
        self.titles = titles;
    }

    /// The third scan: parallel runs, but for the items of a formula spelled out and the clauses of
    /// an idiom.
    fn parallels(&mut self, tokens: &[Tok]) {
        crate::sort::sort_by_key(&mut self.expansions, |r| r.start);
        let runs = parallels(self.speech, tokens, &mut self.dictionary);
        let kept: Vec<Found> = runs
            .into_iter()
            .filter(|f| {
                // The items of 四链(创新链、产业链、资金链、人才链) are its expansion, not a parallel of their own.
                let k = self.expansions.partition_point(|e| e.start <= f.text.start);
                (k == 0 || self.expansions[k - 1].end < f.text.end) && !self.in_saying(&f.text)
            })
            .collect();
        self.found.extend(kept);
    }

    /// Whether `r` lies inside an idiom of two clauses.
    fn in_saying(&self, r: &Range<usize>) -> bool {
        self.sayings.iter().any(|s| s.start <= r.start && r.end <= s.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_but_common_han_are_the_other_characters_where_they_stand() {
        // 一 and 龥 bound the block skipped; ䷀ (U+4DC0) shares 一's first byte and is no Han; 㐀 and 𠀀 are Han outside it.
        let s = "一、龥，䷀a㐀ü𠀀“丈”\n";
        let expected: Vec<(usize, char)> =
            s.char_indices().filter(|&(_, c)| !('一'..='\u{9FFF}').contains(&c)).collect();
        assert_eq!(chars_but_common_han(s).collect::<Vec<_>>(), expected);
    }
}
