//! What changed from one text to another: every term by keyness (the measure the single-text
//! keywords use, here one text against the other), the formulations new, dropped or kept, and
//! the two texts' sizes side by side.

use crate::model::{
    Analysis, Comparison, FormulationChange, FormulationStatus, SloganKind, StatsPair, TermChange, TermStatus,
};
use crate::terms::{MIN_LOG_LIKELIHOOD, ZERO_FREQUENCY, log_likelihood};
use rustc_hash::FxHashMap;

/// The slogans a comparison lists as formulations: the set phrases official speech is made of. An
/// idiom, a parallel run or a quotation is a matter of style, not a 提法 that comes or goes.
const FORMULATION_KINDS: [SloganKind; 4] =
    [SloganKind::Lexicon, SloganKind::Numbered, SloganKind::Quoted, SloganKind::Title];

/// Compares `a` with `b`, each analysed with every term kept; `a_body` and `b_body` are the
/// speeches themselves (their analyses' `body`), where formulations are counted.
pub fn compare(a: &Analysis, a_body: &str, b: &Analysis, b_body: &str) -> Comparison {
    Comparison {
        terms: term_changes(a, b),
        formulations: formulation_changes(a, a_body, b, b_body),
        stats: StatsPair { a: a.stats.clone(), b: b.stats.clone() },
    }
}

fn term_changes(a: &Analysis, b: &Analysis) -> Vec<TermChange> {
    let mut counts: FxHashMap<&str, [(u32, f64); 2]> = FxHashMap::default();
    for (side, analysis) in [a, b].into_iter().enumerate() {
        for t in &analysis.terms {
            counts.entry(&t.term).or_default()[side] = (t.count, t.per_ten_k);
        }
    }
    let (n_a, n_b) = (f64::from(a.stats.tokens.max(1)), f64::from(b.stats.tokens.max(1)));
    let mut changes: Vec<TermChange> = counts
        .into_iter()
        .map(|(term, [(count_a, per_ten_k_a), (count_b, per_ten_k_b)])| {
            let (x, y) = (f64::from(count_a), f64::from(count_b));
            let log_likelihood = log_likelihood(y, n_b, x, n_a);
            let log_ratio = ((y.max(ZERO_FREQUENCY) / n_b) / (x.max(ZERO_FREQUENCY) / n_a)).log2();
            let status = match (count_a, count_b) {
                (0, _) => TermStatus::New,
                (_, 0) => TermStatus::Dropped,
                _ if log_likelihood < MIN_LOG_LIKELIHOOD => TermStatus::Same,
                _ if log_ratio > 0.0 => TermStatus::More,
                _ => TermStatus::Less,
            };
            TermChange {
                term: term.to_string(),
                count_a,
                count_b,
                per_ten_k_a,
                per_ten_k_b,
                log_likelihood,
                log_ratio,
                status,
            }
        })
        .collect();
    crate::sort::sort_by(&mut changes, |x, y| {
        y.log_likelihood.total_cmp(&x.log_likelihood).then_with(|| x.term.cmp(&y.term))
    });
    changes
}

fn formulation_changes(a: &Analysis, a_body: &str, b: &Analysis, b_body: &str) -> Vec<FormulationChange> {
    // `b`'s kind where both texts have it as a slogan: the later text's reading.
    let mut kinds: FxHashMap<&str, SloganKind> = FxHashMap::default();
    for analysis in [a, b] {
        for s in analysis.slogans.iter().filter(|s| FORMULATION_KINDS.contains(&s.kind)) {
            kinds.insert(&s.text, s.kind);
        }
    }
    let count = |body: &str, text: &str| body.matches(text).count() as u32;
    let mut changes: Vec<FormulationChange> = kinds
        .into_iter()
        .map(|(text, kind)| {
            let (count_a, count_b) = (count(a_body, text), count(b_body, text));
            let status = match (count_a, count_b) {
                (0, _) => FormulationStatus::New,
                (_, 0) => FormulationStatus::Dropped,
                _ => FormulationStatus::Kept,
            };
            FormulationChange { text: text.to_string(), kind, count_a, count_b, status }
        })
        .collect();
    let rank = |s: FormulationStatus| match s {
        FormulationStatus::New => 0,
        FormulationStatus::Dropped => 1,
        FormulationStatus::Kept => 2,
    };
    crate::sort::sort_by(&mut changes, |x, y| {
        rank(x.status)
            .cmp(&rank(y.status))
            .then((y.count_a + y.count_b).cmp(&(x.count_a + x.count_b)))
            .then_with(|| x.text.cmp(&y.text))
    });
    changes
}
