//! One entry per distinct slogan with every place it occurs, its most specific kind, and its
//! salience.

use super::formulas::{expansion_at, lexicon};
use super::found::{Found, Grouped};
use crate::model::SloganKind;
use rustc_hash::FxHashMap;

/// How specific a kind is: where one text is found as several kinds, the most specific names it
/// (a quoted numbered formula is `numbered`, a quoted idiom an `idiom`).
fn specificity(kind: SloganKind) -> u8 {
    match kind {
        SloganKind::Numbered => 6,
        SloganKind::Title => 5,
        SloganKind::Quotation => 4,
        SloganKind::Idiom => 3,
        // A quoted run that shares a frame is a parallel run (“防汛必胜、抗旱必胜、全县必胜”); a quoted
        // enumeration without one is a coinage (“微成长、小升高、高壮大、大变强”).
        SloganKind::Parallel => 2,
        SloganKind::Quoted => 1,
        SloganKind::Lexicon => 0,
    }
}

/// One entry per distinct text with every place it occurs, ranked by [`score`].
pub(super) fn group(speech: &str, found: Vec<Found>, month: Option<u32>) -> Vec<Grouped> {
    let mut by_text: FxHashMap<&str, Grouped> = FxHashMap::default();
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
        if specificity(f.kind) > specificity(entry.kind) {
            entry.kind = f.kind;
        }
        entry.expansion = entry.expansion.take().or(f.expansion);
        entry.frame = entry.frame.take().or(f.frame);
        entry.speaker = entry.speaker.take().or(f.speaker);
        entry.occurrences.push(f.text);
    }
    let mut grouped: Vec<Grouped> = by_text.into_values().collect();
    for g in &mut grouped {
        crate::sort::sort_by_key(&mut g.occurrences, |r| r.start);
        g.occurrences.dedup();
        if g.kind == SloganKind::Numbered && g.expansion.is_none() {
            g.expansion = expansion_at(speech, &g.text, g.occurrences[0].clone(), month);
        }
        g.score = score(g);
    }
    crate::sort::sort_by(&mut grouped, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.occurrences[0].start.cmp(&b.occurrences[0].start))
            .then_with(|| a.text.cmp(&b.text))
    });
    grouped
}

/// How much a kind of slogan says about the speech, before length and repetition: a numbered
/// formula is the densest (a policy in four characters), a lexicon word the most ordinary.
fn kind_weight(kind: SloganKind) -> f64 {
    match kind {
        SloganKind::Numbered => 3.0,
        SloganKind::Title | SloganKind::Quotation | SloganKind::Quoted => 2.0,
        SloganKind::Parallel => 1.5,
        SloganKind::Lexicon => 1.0,
        SloganKind::Idiom => 0.8,
    }
}

/// Salience. The kind's weight, times a length factor (longer coinages say more, up to eight
/// characters), times the square root of the count (repetition matters, with diminishing returns).
/// A quoted phrase counts fully only as a coinage: several characters that jieba's base dictionary
/// does not hold as one word (县域不经济, 新农人), or a formulation of our lexicon (数商兴农). A
/// scare-quoted ordinary word (“价值链”) is one dictionary word, so it ranks low however often it is quoted.
fn score(g: &Grouped) -> f64 {
    let chars = g.text.chars().count();
    // Asked of quoted phrases only: the dictionary lookup is the costliest step of the grouping.
    let coined = || {
        let formulation = lexicon().get(g.text.as_str()).is_some_and(|known| known.formulation);
        chars >= 2 && (crate::segment::reference_frequency(&g.text) == 0 || formulation)
    };
    let scare = if g.kind == SloganKind::Quoted && !coined() { 0.2 } else { 1.0 };
    kind_weight(g.kind) * scare * (1.0 + chars.min(8) as f64 / 8.0) * (g.occurrences.len() as f64).sqrt()
}
