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

use crate::marks::{MARKS, Role, Run, is_phrase};
use crate::model::SloganKind;
use crate::segment::{Pos, Tok};
use crate::text::is_han;
pub use formulas::formula_versions;
use formulas::{
    is_numbered, joined_formulas, known_expansion, lexicon, listed_before, spell_out, spelled_formula, unquoted_formula,
};
use found::Dictionary;
pub use found::{Detected, Found, Grouped, Inconsistency};
use grouping::group;
use idioms::{idiom_sayings, is_idiom};
use jieba_rs::Jieba;
use laws::unbracketed_laws;
use parallels::parallels;
use quoted::{coins_nothing, enumeration, is_classical_line, is_verse_line, named_in_list, quoted_idiom};
use rustc_hash::FxHashMap;
use speakers::{Speakers, says_words, speaker_before};
use std::ops::Range;

/// Longest title, in characters: past this a 《 is a stray mark, not a document's name.
const TITLE_MAX_CHARS: usize = 100;

/// Every slogan of `speech`, grouped and ranked, and the inconsistencies they show. `runs` are the
/// speech's [`mark_runs`](crate::marks::mark_runs); `tokens` are cut as `Analyzer` cuts them:
/// every quoted phrase of [`marked_units`](crate::marks::marked_units) forced whole (and so tagged
/// [`Pos::PROPER`]) wherever it occurs, which is how its bare occurrences are found.
pub fn detect(speech: &str, tokens: &[Tok], jieba: &Jieba, runs: &[Run], month: Option<u32>) -> Detected {
    let mut dictionary = Dictionary { jieba, tags: FxHashMap::default() };
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let mut phrase_kinds: FxHashMap<&str, SloganKind> = FxHashMap::default();
    let mut titles: Vec<Range<usize>> = Vec::new();
    let mut expansions: Vec<Range<usize>> = Vec::new();

    let mut speakers = Speakers::default();
    for run in runs {
        let inner = &speech[run.inner.clone()];
        if run.role == Role::Title {
            if (1..=TITLE_MAX_CHARS).contains(&inner.chars().count()) && inner.chars().any(is_han) {
                titles.push(run.inner.clone());
                found.push(Found::new(SloganKind::Title, run.inner.clone()));
            }
        } else if is_phrase(inner) {
            let kind = if quoted_idiom(inner, &mut dictionary) {
                SloganKind::Idiom
            } else if is_numbered(inner) {
                SloganKind::Numbered
            } else if let Some(speaker) = says_words(inner).then(|| speakers.of_phrase(speech, run)).flatten() {
                found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
                continue;
            } else if is_verse_line(inner) {
                speakers.passage(None, run);
                found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
                continue;
            } else if coins_nothing(inner) || named_in_list(speech, run.outer.end) {
                continue;
            } else {
                SloganKind::Quoted
            };
            phrase_kinds.insert(inner, kind);
            let mut f = Found::new(kind, run.inner.clone());
            if kind == SloganKind::Numbered {
                spell_out(speech, &mut f, run.outer.end, &mut warnings, &mut expansions);
                if f.expansion.is_none() {
                    f.expansion = listed_before(speech, run.outer.start, inner);
                }
            }
            found.push(f);
        } else if let Some(joined) = joined_formulas(inner) {
            let expansion = known_expansion(&joined, month).map(|items| items.iter().map(|s| s.to_string()).collect());
            found.push(Found { expansion, ..Found::new(SloganKind::Numbered, run.inner.clone()) });
        } else if enumeration(inner) {
            found.push(Found::new(SloganKind::Quoted, run.inner.clone()));
        } else if let Some(who) = speaker_before(speech, run.outer.start) {
            let speaker = speakers.resolve(speech, run, who);
            found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
        } else if is_classical_line(inner) {
            speakers.passage(None, run);
            found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
        } else {
            // A long quotation: a passage the speech cites, not a slogan.
            speakers.passage(None, run);
        }
    }

    for law in unbracketed_laws(speech) {
        titles.push(law.clone());
        found.push(Found::new(SloganKind::Title, law));
    }
    crate::sort::sort_by_key(&mut titles, |r| r.start);
    let sayings = idiom_sayings(speech, tokens);
    found.extend(sayings.iter().map(|r| Found::new(SloganKind::Idiom, r.clone())));
    let in_saying = |r: &Range<usize>| sayings.iter().any(|s| s.start <= r.start && r.end <= s.end);
    let mut title_at = titles.iter().peekable();
    for tok in tokens {
        let word = &speech[tok.range()];
        // Every kind below is two characters or more; most tokens are one (的, 要, a comma).
        // Said bare, a phrase the speech quotes is still the slogan; one character is only itself where quoted.
        let kind = if tok.end - tok.start < 4 && word.chars().nth(1).is_none() {
            None
        } else if let Some(&kind) = (tok.pos == Pos::PROPER).then(|| phrase_kinds.get(word)).flatten() {
            Some(kind)
        } else if let Some(known) = lexicon().get(word) {
            // A topic of the lexicon (产业链, 人工智能) is a term, not a slogan.
            known.formulation.then_some(if known.numbered { SloganKind::Numbered } else { SloganKind::Lexicon })
        } else {
            while title_at.next_if(|t| t.end <= tok.start).is_some() {}
            let in_title = title_at.peek().is_some_and(|t| t.start <= tok.start);
            (!in_title && is_idiom(word) && !in_saying(&tok.range())).then_some(SloganKind::Idiom)
        };
        let Some(mut f) = (match kind {
            Some(kind) => Some(Found::new(kind, tok.range())),
            None => unquoted_formula(speech, tokens, tok, &mut dictionary)
                .or_else(|| spelled_formula(speech, tokens, tok))
                .map(|r| Found::new(SloganKind::Numbered, r)),
        }) else {
            continue;
        };
        // A quoted formula was spelled out from behind its closing mark already.
        let quoted = speech[..f.text.start].ends_with(|c: char| MARKS.iter().any(|m| m.0 == c));
        if f.kind == SloganKind::Numbered && !quoted {
            let end = f.text.end;
            spell_out(speech, &mut f, end, &mut warnings, &mut expansions);
        }
        found.push(f);
    }

    crate::sort::sort_by_key(&mut expansions, |r| r.start);
    found.extend(parallels(speech, tokens, &mut dictionary).into_iter().filter(|f| {
        // The items of 四链(创新链、产业链、资金链、人才链) are its expansion, not a parallel of their own.
        let k = expansions.partition_point(|e| e.start <= f.text.start);
        (k == 0 || expansions[k - 1].end < f.text.end) && !in_saying(&f.text)
    }));
    Detected { slogans: group(speech, found, month), warnings }
}
