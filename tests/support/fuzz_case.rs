//! One fuzz input, run and checked: the bodies of the fuzz targets (`fuzz/fuzz_targets/`), shared
//! with the test that replays what the fuzzer found (`fuzz/regressions/`, in `tests/proptest.rs`).
//! The first byte picks the options, the rest is the text, invalid UTF-8 replaced by U+FFFD as
//! wasm-bindgen replaces a lone surrogate. Needs `invariants` included beside it.
#![allow(dead_code)] // each fuzz target uses one of these

use crate::invariants::{check_analysis, check_columns, check_concordance, check_csv};
use speechlens::terms::PosFilter;
use speechlens::{Analyzer, Options};

/// `analyze` with options from the first byte, and when its bit 6 is set what the page does next:
/// the top term's concordance and the CSV export.
pub fn check_analyze(data: &[u8]) {
    let Some((&choice, text)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(text);
    let options = Options {
        hmm: choice & 1 == 0,
        keep_removed: choice & 2 != 0,
        min_chars: (choice >> 2 & 3) as usize,
        pos: [PosFilter::All, PosFilter::Nouns, PosFilter::Verbs, PosFilter::All][(choice >> 4 & 3) as usize],
        ..Options::default()
    };
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(&text, &options).expect("input under the limit gives a result");
    check_analysis(&text, &analysis);
    if choice & 0x40 != 0 {
        let term = analysis.terms.first().map_or("要", |t| t.term.as_str());
        check_concordance(&text, &analyzer.concordance(&text, term, 20, &options).expect("lines"));
        check_csv(&analyzer.terms_csv(&text, &options).expect("CSV"));
    }
}

/// `segment`, HMM off when bit 0 is set, and with the text's first line as a word of the
/// analyzer's own (as a user might add it) when bit 1 is set: the tokens tile the text.
pub fn check_segment(data: &[u8]) {
    let Some((&choice, text)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(text);
    let mut analyzer = Analyzer::new();
    if choice & 2 != 0 {
        analyzer.add_words(text.lines().next());
    }
    let hmm = choice & 1 == 0;
    let columns = analyzer.segment_columns(&text, hmm).expect("a segmentation");
    check_columns(&text, &columns, &analyzer.segment(&text, hmm).expect("a segmentation"));
}
