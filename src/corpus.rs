//! A corpus's trend of terms: how often each term is said in each document, per 10,000 Han
//! characters of its speech. The page's chart (`trend` in wasm) and `speechlens trend` both come
//! from here, so they give the same figures.
//!
//! A term is counted wherever its characters occur in the speech (inside longer words too: 发展
//! in 高质量发展), as the page's search finds it, not only where the cut makes it a word: a term
//! typed to follow is a string the reader chose, which the cut of each document need not share.
//! Chrome is blanked, so a photo credit run into the speech counts for nothing.

use crate::document::Page;
use crate::model::TrendSeries;

/// The rate of each of `terms` in `page`'s speech, per 10,000 Han characters (0 for a speech
/// without any): occurrences that do not overlap themselves, as `str::matches` counts them. An
/// empty term occurs nowhere.
pub fn rates(page: &Page, terms: &[String]) -> Vec<f64> {
    let needles: Vec<&str> = terms.iter().map(String::as_str).collect();
    let han = page.han_chars();
    crate::compare::occurrences(page.body(), &needles)
        .into_iter()
        .map(|n| if han == 0 { 0.0 } else { f64::from(n) * 10_000.0 / f64::from(han) })
        .collect()
}

/// The series of each of `terms` across documents whose [`rates`] are `rates`, in their order.
pub fn trend(terms: &[String], rates: &[Vec<f64>]) -> Vec<TrendSeries> {
    terms
        .iter()
        .enumerate()
        .map(|(k, term)| TrendSeries { term: term.clone(), values: rates.iter().map(|r| r[k]).collect() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    /// Terms counted inside longer words, never across the chrome, none for an empty term or a
    /// text without Han characters.
    #[test]
    fn rates_count_the_characters_in_the_speech_only() {
        let text = "同志们：\n要发展新质生产力，发展县域经济。\n新华社记者 张三/摄\n谢谢大家！\n";
        let page = Page::new(text, &Options::default()).unwrap();
        let han = f64::from(page.han_chars());
        assert!(han > 0.0 && !page.body().contains("张三"), "the credit is chrome: {:?}", page.body());
        let terms: Vec<String> = ["发展", "生产力", "张三", "", "没有"].map(String::from).to_vec();
        assert_eq!(rates(&page, &terms), [2.0 * 10_000.0 / han, 10_000.0 / han, 0.0, 0.0, 0.0]);
        let latin = Page::new("no Chinese here", &Options::default()).unwrap();
        assert_eq!(rates(&latin, &terms[..1]), [0.0]);
        let series = trend(&terms[..2], &[rates(&page, &terms[..2]), vec![1.0, 2.0]]);
        assert_eq!(series[1], TrendSeries { term: "生产力".into(), values: vec![10_000.0 / han, 2.0] });
    }
}
