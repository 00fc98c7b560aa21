//! No input breaks the analysis: arbitrary Unicode and speech-shaped noise through `analyze`,
//! `segment`, `concordance` and `terms_csv`, every output held to `support/invariants.rs`.
//!
//! `PROPTEST_CASES=100000 cargo test --release --test proptest` is the long run; the default
//! case counts keep `cargo test` quick. The fuzz targets in `fuzz/` explore the same space
//! coverage-guided.

#[path = "support/fuzz_case.rs"]
mod fuzz_case;
#[path = "support/invariants.rs"]
mod invariants;

use invariants::{check_analysis, check_columns, check_comparison, check_concordance, check_csv};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngSeed};
use speechlens::segment::{self, Dictionary};
use speechlens::terms::PosFilter;
use speechlens::{Analyzer, ErrorKind, MAX_INPUT_UNITS, Options};
use std::sync::{Mutex, OnceLock};

/// Pieces pasted speeches are made of, and the odd things pasted with them. Each line is one
/// family of input the issue names; the generator strings them together in any order.
const PIECES: &[&str] = &[
    // Speech: markers of every outline style, with and without their punctuation.
    "第一，",
    "第二,",
    "第四：",
    "第十一、",
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二)",
    "（三）",
    "1.",
    "2．",
    "3、",
    "一是",
    "二是",
    "三是",
    "首先，",
    "其次，",
    "再次，",
    "最后，",
    "第一章",
    "第一部分",
    "第一条",
    // Speech: words, formulations, numbered formulas, announcements, salutations and closings.
    "要推动县域经济高质量发展",
    "新质生产力",
    "三高四新",
    "数商兴农",
    "四个全面",
    "我谈几点体会",
    "讲四个方面",
    "同志们：",
    "女士们、先生们、朋友们！",
    "谢谢大家！",
    "正如习近平总书记所说，",
    "科技创新",
    "不断",
    "化",
    // Quote marks and titles, opened, closed and stray.
    "“",
    "”",
    "「",
    "」",
    "『",
    "』",
    "\"",
    "《",
    "》",
    "〈",
    "〉",
    "“县域不经济”",
    "《决定》",
    "'",
    "‘",
    "’",
    // Punctuation only, full-width and ASCII.
    "。",
    "，",
    "、",
    "；",
    "：",
    "！",
    "？",
    "…",
    "……",
    "——",
    "·",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "-",
    "(",
    ")",
    // Digits, Latin, full-width forms, traditional characters, other scripts.
    "0",
    "12",
    "2024年",
    "1.5万",
    "３．",
    "ＡＢＣ",
    "１２３",
    "ｈｔｔｐ",
    "Hello",
    "GDP",
    "e.g.",
    "經濟發展",
    "國家",
    "長江經濟帶",
    "한국어",
    "日本語の文章",
    "Русский",
    "العربية",
    "עברית",
    "ไทย",
    "हिन्दी",
    // Astral, combining, zero-width, bidi and variation characters.
    "😀",
    "👨‍👩‍👧",
    "🇨🇳",
    "𠀀",
    "𪚥",
    "e\u{301}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{FE0F}",
    "\u{E000}",
    // Control characters, NUL, every line break, blanks.
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1B}[31m",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\u{A0}\u{A0}",
    "\u{3000}",
    "\u{FFFD}",
    "\u{FFFF}",
    // Page chrome and markup.
    "责任编辑：张三",
    "来源：新华社",
    "2024-03-05 10:00",
    "Tags:",
    "<img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "&lt;b&gt;",
    "javascript:alert(1)",
    "=HYPERLINK(\"x\")",
    "+1",
    "@SUM(A1)",
];

/// A speech-shaped text: pieces in any order, any number of times.
fn speechlike() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

/// Any Unicode text, or a speech-shaped one, or the two spliced.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        3 => speechlike(),
        2 => (speechlike(), any::<String>(), speechlike()).prop_map(|(a, b, c)| a + &b + &c),
        // One piece many times on one line: runs of markers, quote marks, digits or Latin.
        1 => (prop::sample::select(PIECES), 1..3000usize).prop_map(|(p, n)| p.replace('\n', " ").repeat(n)),
    ]
}

/// Common Han characters in any order: pairs no speech has, prefixes the dictionary never loaded.
fn han_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::char::range('\u{4E00}', '\u{9FA5}'), 0..200).prop_map(|c| c.into_iter().collect())
}

fn options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        0..4usize,
        prop::sample::select(vec![PosFilter::All, PosFilter::Nouns, PosFilter::Verbs]),
        prop_oneof![Just(500usize), 0..20usize],
        prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(String::from), any::<String>()], 0..3),
    )
        .prop_map(|(hmm, keep_removed, min_chars, pos, max_terms, user_words)| Options {
            hmm,
            keep_removed,
            min_chars,
            pos,
            max_terms,
            user_words,
            ..Options::default()
        })
}

/// Sentences of speech, in the shapes that chrome rules look for: dates, names, 新华社, 首先, markers,
/// salutations and re-addresses, a closing.
const SPEECH_SENTENCES: &[&str] = &[
    "同志们：",
    "尊敬的各位来宾，女士们，先生们：",
    "1月7日，我主持召开中央政治局常委会会议，对疫情防控工作提出了要求。",
    "2020年是决胜全面建成小康社会、决战脱贫攻坚之年。",
    "10月13日，会议在长沙召开，新华社记者参加了报道。",
    "第一，加强组织领导，压实各级责任。",
    "第二，坚持目标标准，确保如期完成任务。",
    "一、关于前一段疫情防控工作",
    "首先要坚定信心，不要被困难吓倒。",
    "习近平同志指出，要坚持以人民为中心的发展思想。",
    "——联合国的75年，是人类社会迅速发展的75年。",
    "这是我们人生之大幸，让我们共同努力。",
    "女士们、先生们、朋友们！",
    "我相信，我们一定能够战胜这场疫情。",
    "今天，我们认真学习了总书记的重要讲话。",
    "要认真学习领会重要讲话精神，把各项工作落到实处。",
    "张三同志们都很关心这件事。",
    "大家好！",
    "谢谢大家。",
];

/// Heads of news copies, before a speech: datelines, titles with their date lines and bylines, and
/// what other sites print above them (a caption before the dateline, leads that announce the speech
/// or say what the speaker did, a headline on a line of its own, a title run into its byline).
const HEADS: &[&str] = &[
    "新年前夕，主席张三发表新年贺词。新华社记者 李四 摄\u{3000}\u{3000}",
    "新华社北京11月19日电",
    "主席张三发表新年贺词，全文如下：\u{3000}\u{3000}",
    "主席张三在某论坛开幕式上发表题为《携手前行》的主旨讲话。新华社记者 李四 摄",
    "总理王五在开幕式上作主旨发言。新华社发",
    "共同发展\u{3000}\u{3000}——在某峰会上的讲话（2024年6月1日，北京）主席　张三",
    "在全国劳动模范和先进工作者表彰大会上的讲话（2020年11月24日）习近平",
    "关于《某决定》的说明张三",
    "\n（2024年5月1日）\n主席　张三\n",
];

/// Chrome as news copies print it inside and after a speech. (A wire dateline after the speech
/// has begun opens a news report, which `clean` removes whole: not generated here.)
const CHROME: &[&str] = &[
    "2020年3月6日，习近平在北京出席座谈会并发表重要讲话。 新华社记者 鞠鹏/摄",
    "（新华社北京3月26日电）",
    "《 人民日报 》（ 2020年03月27日 02 版）",
    "※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。",
    "点击观看视频",
    "分享　收藏　打印　纠错",
];

/// A speech (sentences joined as pastes join them) with chrome before, between and after its
/// sentences; the byte ranges of the speech's sentences.
fn news_copy() -> impl Strategy<Value = (String, Vec<std::ops::Range<usize>>)> {
    let joint = prop::sample::select(vec!["", "\u{3000}\u{3000}", "\n", "  "]);
    let part =
        (prop::sample::select(SPEECH_SENTENCES), prop::option::weighted(0.2, prop::sample::select(CHROME)), joint);
    (prop::sample::subsequence(HEADS, 0..=HEADS.len()), prop::collection::vec(part, 1..30)).prop_map(|(head, parts)| {
        let mut text = head.concat();
        let mut speech = Vec::new();
        for (sentence, chrome, joint) in parts {
            text.push_str(joint);
            speech.push(text.len()..text.len() + sentence.len());
            text.push_str(sentence);
            // Chrome glued to a dated sentence of speech would read as its caption to anyone; a
            // paragraph break before it leaves no doubt.
            if let Some(chrome) = chrome {
                text.push_str("\u{3000}\u{3000}");
                text.push_str(chrome);
            }
        }
        (text, speech)
    })
}

/// Case counts small enough for `cargo test`; `PROPTEST_CASES` overrides them. A fixed seed, so
/// `cargo test` passes or fails the same on every clone; `PROPTEST_RNG_SEED` explores others.
/// Failures found are replayed first on every later run from `tests/proptest-regressions.txt`
/// (commit it).
fn cases(default: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/proptest-regressions.txt"))),
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(20_261_207);
    }
    config
}

proptest! {
    #![proptest_config(cases(400))]

    #[test]
    fn analyze_holds_its_invariants(text in any_text(), options in options()) {
        let analysis = Analyzer::new().analyze(&text, &options).expect("text under the limit gives a result");
        check_analysis(&text, &analysis);
    }

    /// Where in doubt, keep: no character of speech is ever removed, whatever chrome surrounds it.
    #[test]
    fn speech_is_never_removed((text, speech) in news_copy()) {
        let analysis = Analyzer::new().analyze(&text, &Options::default()).expect("a result");
        let units = |byte: usize| text[..byte].encode_utf16().count() as u32;
        for sentence in &speech {
            let (start, end) = (units(sentence.start), units(sentence.end));
            let removed = analysis.removed.iter().find(|r| r.start < end && start < r.end);
            prop_assert!(removed.is_none(), "{:?} removed as {:?}", &text[sentence.clone()], removed.map(|r| &r.kind));
            // The speech may open before its salutation's line, never after a sentence of it.
            prop_assert!(analysis.body.end >= end || text[sentence.clone()].ends_with(['：', '！']), "{:?} after the body", &text[sentence.clone()]);
        }
    }

    #[test]
    fn compare_holds_its_invariants(a in any_text(), b in any_text()) {
        let comparison = Analyzer::new().compare(&a, &b, &Options::default()).expect("a comparison");
        check_comparison(&a, &b, &comparison);
    }

    #[test]
    fn segment_tiles_the_text(text in any_text(), hmm in any::<bool>(), words in prop::collection::vec(prop::sample::select(PIECES), 0..3)) {
        let mut analyzer = Analyzer::new();
        analyzer.add_words(words);
        let columns = analyzer.segment_columns(&text, hmm).expect("a segmentation");
        check_columns(&text, &columns, &analyzer.segment(&text, hmm).expect("a segmentation"));
    }

    /// The dictionary loads words as texts need them (segment::Dictionary says why that is exact):
    /// one lazily loaded dictionary, used case after case as the page uses it, against jieba given
    /// the whole dictionary and then the lexicon, the plain way (segment::lexicon_frequencies).
    #[test]
    fn a_lazily_loaded_dictionary_cuts_as_the_whole_one(
        text in prop_oneof![any_text(), han_text(), (han_text(), speechlike(), han_text()).prop_map(|(a, b, c)| a + &b + &c)],
        hmm in any::<bool>(),
    ) {
        // Short, so no case has so many new pairs that the whole dictionary is loaded, which would
        // leave nothing lazy for later cases.
        prop_assume!(text.len() < 32 * 1024);
        static DICTIONARIES: OnceLock<Mutex<(Dictionary, jieba_rs::Jieba)>> = OnceLock::new();
        let mut dictionaries = DICTIONARIES
            .get_or_init(|| Mutex::new((Dictionary::new(), segment::lexicon_frequencies().0)))
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (lazy, whole) = &mut *dictionaries;
        lazy.load_for(&text);
        prop_assert_eq!(segment::segment(lazy.jieba(), &text, hmm, &[]), segment::segment(whole, &text, hmm, &[]));
    }

    /// The units forced whole are found leftmost-longest, without overlaps, as trying every word
    /// (up to `MAX_UNIT_CHARS` long) at every character finds them. Words are cut from the text
    /// itself, so most occur in it; some are longer than the bound.
    #[test]
    fn units_are_found_leftmost_longest(
        text in prop_oneof![han_text(), speechlike(), (han_text(), speechlike()).prop_map(|(a, b)| format!("{a}{b}{a}"))],
        cuts in prop::collection::vec((any::<prop::sample::Index>(), prop_oneof![4 => 1..8usize, 1 => 60..70usize]), 0..12),
        extra in prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(String::from), any::<String>()], 0..3),
    ) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut words: Vec<String> = extra;
        if !chars.is_empty() {
            for (start, len) in cuts {
                let from = start.index(chars.len());
                let to = chars.get(from + len).map_or(text.len(), |&(at, _)| at);
                words.push(text[chars[from].0..to].to_string());
            }
        }
        let mut plain = Vec::new();
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let longest = words
                .iter()
                .filter(|w| !w.is_empty() && w.chars().count() <= segment::MAX_UNIT_CHARS && text[at..].starts_with(w.as_str()))
                .map(String::len)
                .max();
            at += longest.inspect(|len| plain.push(at..at + len)).unwrap_or(c.len_utf8());
        }
        prop_assert_eq!(segment::find_units(&text, words.iter().map(String::as_str)), plain);
    }

    #[test]
    fn concordance_and_csv_hold(text in any_text(), term in prop_oneof![prop::sample::select(PIECES).prop_map(String::from), any::<String>()], width in 0..40usize) {
        let analyzer = Analyzer::new();
        let options = Options::default();
        check_concordance(&text, &analyzer.concordance(&text, &term, width, &options).expect("concordance"));
        // A term the table holds is found at least once where it is first counted.
        let analysis = analyzer.analyze(&text, &options).expect("analysis");
        if let Some(t) = analysis.terms.first() {
            let lines = analyzer.concordance(&text, &t.term, width, &options).expect("concordance");
            check_concordance(&text, &lines);
            prop_assert!(!lines.is_empty(), "term {:?} counted {} times but no concordance line", t.term, t.count);
        }
        check_csv(&analyzer.terms_csv(&text, &options).expect("CSV"));
    }
}

/// Inputs the issue names, each held to the invariants: not random, so always tried.
#[test]
fn named_odd_inputs_hold_their_invariants() {
    let analyzer = Analyzer::new();
    let nested_quotes = "“".repeat(5000) + "县域" + &"”".repeat(5000);
    let markers = "一、".repeat(5000);
    let many_sections = (1..=300).map(|n| format!("{n}. 要推动发展。\n")).collect::<String>();
    let inputs: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("blank", " \n\t\u{3000}\u{A0}\r\n".into()),
        ("NUL", "\0".repeat(1000)),
        ("controls", (0u8..32).map(char::from).collect::<String>().repeat(50)),
        ("punctuation", "，。、；：？！…—“”《》（）,.;:?!()".repeat(200)),
        ("digits", "0123456789".repeat(500)),
        ("latin", "The quick brown fox jumps over the lazy dog. ".repeat(200)),
        ("full-width", "ＡＢＣ　１２３，．！".repeat(300)),
        ("traditional", "第一，要推動縣域經濟高質量發展。\n第二，要堅持「數商興農」。\n".repeat(50)),
        ("astral", "𠀀𪚥😀👨‍👩‍👧".repeat(500)),
        ("mixed scripts", "第一，中文English日本語한국어Русский العربية 😀。\n".repeat(100)),
        ("nested quotes", nested_quotes),
        ("5000 of 一、", markers),
        ("300 numbered sections", many_sections),
        ("one long line", "推动高质量发展".repeat(20_000)),
        (
            "html",
            "<html><body><p onclick=\"x()\">第一，<b>要</b>推动</p><script>alert(1)</script></body></html>".into(),
        ),
    ];
    for (name, text) in &inputs {
        for keep_removed in [false, true] {
            let options = Options { keep_removed, ..Options::default() };
            let analysis = analyzer.analyze(text, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
            check_analysis(text, &analysis);
        }
        check_columns(
            text,
            &analyzer.segment_columns(text, true).expect(name),
            &analyzer.segment(text, true).expect(name),
        );
        check_csv(&analyzer.terms_csv(text, &Options::default()).expect(name));
    }
}

/// What these properties found, kept as plain regression tests.
#[test]
fn found_by_the_properties() {
    let analyzer = Analyzer::new();
    // A part opened mid-line by "(1)" ends with its line; the "一、" on the next line used to nest
    // in it anyway, outside its parent (outline::nest).
    let text = "第一，<img src=x onerror=alert(1)>\r\n一、第一，";
    check_analysis(text, &analyzer.analyze(text, &Options::default()).expect("a result"));
    // Concordance context reaching into masked chrome ended inside a character of the text: a
    // panic (an abort in wasm) when the page showed the lines (Analyzer::concordance).
    let text = "第一，第一，第一，第一，第一，'第四：1.同志们：";
    check_concordance(text, &analyzer.concordance(text, "第一，", 13, &Options::default()).expect("lines"));
    // Found by the fuzzer: a list counted out (：一是…二是…) cut short by its line's end was placed
    // as far past its end as the rest of the text ran: a span past the list, or inside a character
    // (a panic, an abort in wasm).
    let text = "同志们：\n要坚持“三个导向”：一是目标导向；二是问题导向\n后面还有一段文字。\n";
    let analysis = analyzer.analyze(text, &Options::default()).expect("a result");
    check_analysis(text, &analysis);
    let spans: Vec<String> =
        analysis.warnings.iter().map(|w| invariants::Js::new(text).slice("warning", w.start, w.end)).collect();
    assert_eq!(spans, ["三个导向”：一是目标导向；二是问题导向"]);
}

/// Every input the fuzzer ever failed on (`fuzz/regressions/<target>/`), run as the target runs it.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, check) in [("analyze", fuzz_case::check_analyze as fn(&[u8])), ("segment", fuzz_case::check_segment)] {
        for entry in std::fs::read_dir(dir.join(target)).into_iter().flatten().flatten() {
            check(&std::fs::read(entry.path()).expect("readable"));
            replayed += 1;
        }
    }
    assert!(replayed >= 1, "no regression inputs found in {}", dir.display());
}

/// Ten megabytes in one text, a quarter in each shape that stresses an analysis: prose with an
/// outline, one line with no break, quote marks, markers. (`bench/` times each shape alone.)
#[test]
fn ten_megabytes_give_a_result_that_holds() {
    const QUARTER: usize = 10 << 20 >> 2;
    let shapes = [
        include_str!("fixtures/seed-speech.txt"),
        "要推动县域经济高质量发展，加快形成新质生产力",
        "“县域不经济”「数商兴农」《决定》",
        "一、（一）1.第一，",
    ];
    let text: String = shapes.iter().map(|unit| unit.repeat(QUARTER / unit.len() + 1) + "\n").collect();
    assert!(text.len() >= 10 << 20);
    let analysis = Analyzer::new().analyze(&text, &Options::default()).expect("a result");
    check_analysis(&text, &analysis);
}

#[test]
fn over_the_limit_is_too_large_not_a_hang() {
    let at_limit = "a".repeat(MAX_INPUT_UNITS as usize);
    let over = at_limit.clone() + "a";
    let analyzer = Analyzer::new();
    assert_eq!(analyzer.analyze(&over, &Options::default()).unwrap_err().kind(), ErrorKind::TooLarge);
    assert_eq!(analyzer.segment(&over, true).unwrap_err().kind(), ErrorKind::TooLarge);
    assert_eq!(analyzer.segment_columns(&over, true).unwrap_err().kind(), ErrorKind::TooLarge);
    // A surrogate pair counts two units, as JS counts it: half as many astral characters hit the limit.
    let astral = "😀".repeat(MAX_INPUT_UNITS as usize / 2) + "a";
    assert_eq!(analyzer.analyze(&astral, &Options::default()).unwrap_err().kind(), ErrorKind::TooLarge);
}
