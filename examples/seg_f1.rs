//! Segmentation accuracy against a gold standard: precision, recall and F1 of word spans, for
//! jieba's own dictionary and for speechlens's (jieba plus the political lexicon).
//!
//! Also scores the tags speechlens gives words outside its dictionary (segment.rs guesses them from
//! the final character): the share of those the gold also has as a word that fall in the gold's
//! class (noun, verb, other: the classes the term table filters by).
//!
//! Scored twice: against the gold as it is, and against the gold with each run of gold words that
//! spells a lexicon term merged into one word. The gold standard (PKU) splits compounds such as
//! 改革/开放 that this genre's readers count as one term: the second score says what the lexicon
//! does to everything else.
//!
//! `cargo run --release --example seg_f1 -- GOLD JIEBA_DICT` where GOLD has one sentence a line,
//! words as `word/tag` separated by spaces (the PKU People's Daily format; `bench/seg/fetch-gold.sh`
//! gets one) and JIEBA_DICT is jieba's dict.txt (`node scripts/jieba-source.mjs dict.txt`: speechlens
//! builds jieba-rs without its embedded dictionary).

use jieba_rs::Jieba;
use std::collections::HashSet;

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    right: usize,
}

impl Score {
    fn add(&mut self, gold: &HashSet<(usize, usize)>, found: &HashSet<(usize, usize)>) {
        self.gold += gold.len();
        self.found += found.len();
        self.right += gold.intersection(found).count();
    }

    fn f1(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.found.max(1) as f64;
        let r = self.right as f64 / self.gold.max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE))
    }
}

/// The char spans of consecutive `words`, in order.
fn spans_in_order(words: &[&str]) -> Vec<(usize, usize)> {
    let mut at = 0;
    words
        .iter()
        .map(|w| {
            let n = w.chars().count();
            at += n;
            (at - n, at)
        })
        .collect()
}

/// Word spans as char offsets, which gold and segmentation share.
fn spans<'a>(words: impl Iterator<Item = &'a str>) -> HashSet<(usize, usize)> {
    spans_in_order(&words.collect::<Vec<_>>()).into_iter().collect()
}

/// `words` with every run of 2 to 8 words that spells a lexicon term (longest first) merged.
fn merge_lexicon_terms(words: &[&str]) -> Vec<String> {
    let mut merged = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let run = (2..=8.min(words.len() - i))
            .rev()
            .find(|&n| speechlens::segment::is_lexicon_word(&words[i..i + n].concat()));
        let n = run.unwrap_or(1);
        merged.push(words[i..i + n].concat());
        i += n;
    }
    merged
}

/// The classes the term table's part-of-speech filter keeps apart (`segment::Pos`).
fn tag_class(tag: &str) -> char {
    let pos = speechlens::segment::Pos::new(tag);
    if pos.is_noun() {
        'n'
    } else if pos.is_verb() {
        'v'
    } else {
        'o'
    }
}

fn main() {
    let usage = "usage: seg_f1 GOLD JIEBA_DICT";
    let path = std::env::args().nth(1).expect(usage);
    let gold = std::fs::read_to_string(&path).expect("readable gold file");
    let jieba_dict = std::fs::read(std::env::args().nth(2).expect(usage)).expect("readable jieba dict.txt");
    let plain = Jieba::with_dict(&mut &jieba_dict[..]).expect("jieba's dict.txt parses");
    let dictionary = speechlens::segment::full_dictionary();
    let ours = dictionary.jieba();
    let variants: [(&str, &Jieba, bool); 4] = [
        ("jieba dictionary, HMM", &plain, true),
        ("speechlens dictionary, HMM", ours, true),
        ("jieba dictionary, no HMM", &plain, false),
        ("speechlens dictionary, no HMM", ours, false),
    ];
    let mut scores: Vec<Score> = variants.iter().map(|_| Score::default()).collect();
    let mut merged_scores: Vec<Score> = variants.iter().map(|_| Score::default()).collect();
    // Words our dictionary cuts where jieba's does not and the gold disagrees: what to review in the lexicon.
    let mut introduced: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let (mut guessed, mut guessed_in_gold, mut guessed_right) = (0, 0, 0);
    let mut sentences = 0;
    for line in gold.lines() {
        let tagged: Vec<(&str, &str)> = line.split_whitespace().filter_map(|t| t.rsplit_once('/')).collect();
        let words: Vec<&str> = tagged.iter().map(|&(w, _)| w).collect();
        if words.is_empty() {
            continue;
        }
        sentences += 1;
        let text: String = words.concat();
        let gold_spans = spans(words.iter().copied());
        let merged = merge_lexicon_terms(&words);
        let merged_spans = spans(merged.iter().map(String::as_str));
        for (((_, jieba, hmm), score), merged_score) in variants.iter().zip(&mut scores).zip(&mut merged_scores) {
            let cut = spans(jieba.cut(&text, *hmm).iter().map(|t| t.word));
            score.add(&gold_spans, &cut);
            merged_score.add(&merged_spans, &cut);
        }
        let plain_cut: Vec<&str> = plain.cut(&text, true).iter().map(|t| t.word).collect();
        let plain_spans = spans(plain_cut.iter().copied());
        let gold_tags: std::collections::HashMap<(usize, usize), &str> =
            spans_in_order(&words).into_iter().zip(tagged.iter().map(|&(_, tag)| tag)).collect();
        let ours_tagged = speechlens::segment::segment(ours, &text, true, &[]);
        let ours_words: Vec<&str> = ours_tagged.iter().map(|t| &text[t.range()]).collect();
        for ((tok, word), span) in ours_tagged.iter().zip(&ours_words).zip(spans_in_order(&ours_words)) {
            if word.chars().count() < 2 || !word.chars().all(speechlens::text::is_han) || ours.has_word(word) {
                continue;
            }
            guessed += 1;
            if let Some(gold_tag) = gold_tags.get(&span) {
                guessed_in_gold += 1;
                guessed_right += usize::from(tag_class(gold_tag) == tag_class(tok.pos.as_str()));
            }
        }
        let ours_cut: Vec<&str> = ours.cut(&text, true).iter().map(|t| t.word).collect();
        for (word, span) in ours_cut.iter().zip(spans_in_order(&ours_cut)) {
            if !plain_spans.contains(&span) && !gold_spans.contains(&span) {
                *introduced.entry(word.to_string()).or_default() += 1;
            }
        }
    }
    println!("gold: {path}: {sentences} sentences, {} words", scores[0].gold);
    let mut worst: Vec<(String, usize)> = introduced.into_iter().collect();
    speechlens::sort::sort_by(&mut worst, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let listed: Vec<String> = worst.iter().take(15).map(|(w, n)| format!("{w} {n}")).collect();
    println!("words speechlens's dictionary cuts against the gold where jieba's does not: {}", listed.join(", "));
    println!(
        "words outside speechlens's dictionary: {guessed}; {guessed_in_gold} of them gold words, \
         {:.1} % tagged in the gold's class (noun, verb, other)",
        100.0 * guessed_right as f64 / guessed_in_gold.max(1) as f64
    );
    for (title, scores) in [("gold as it is", &scores), ("gold with lexicon terms as one word", &merged_scores)] {
        println!("\n{title}\n{:<32} {:>9} {:>9} {:>9}", "dictionary", "precision", "recall", "F1");
        for ((name, ..), score) in variants.iter().zip(scores) {
            let (p, r, f) = score.f1();
            println!("{name:<32} {p:>9.4} {r:>9.4} {f:>9.4}");
        }
    }
}
