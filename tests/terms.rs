//! What the sample speech keeps saying: terms kept whole with their hand-counted counts, no stop
//! words at the top, the phrase it repeats, keywords, concordance, and CSV that parses back.

use speechlens::terms::is_stopword;
use speechlens::{Analyzer, Options};

const SAMPLE: &str = include_str!("fixtures/seed-speech.txt");

fn count_of(analysis: &speechlens::Analysis, term: &str) -> Option<u32> {
    analysis.terms.iter().find(|t| t.term == term).map(|t| t.count)
}

#[test]
fn genre_terms_are_counted_whole_with_their_true_counts() {
    let a = Analyzer::new().analyze(SAMPLE, &Options::default()).unwrap();
    // Counted by hand in the speech body (同志们 … 谢谢大家), not in the title lines the page repeats:
    // 新质生产力 11 times; “县域不经济” 4 times, always quoted; 数商兴农 once; 高质量发展 5 times
    // (of which 3 inside 县域经济高质量发展, where it is still the term).
    for (term, expected) in [("新质生产力", 11), ("县域不经济", 4), ("数商兴农", 1), ("高质量发展", 5)]
    {
        assert_eq!(count_of(&a, term), Some(expected), "{term}");
    }
    // The pieces plain jieba would have produced are not counted in their place.
    for piece in ["新质", "数商", "兴农", "小编"] {
        assert_eq!(count_of(&a, piece), None, "{piece}");
    }
}

#[test]
fn no_stop_word_in_the_top_thirty() {
    let a = Analyzer::new().analyze(SAMPLE, &Options::default()).unwrap();
    let top: Vec<&str> = a.terms.iter().take(30).map(|t| t.term.as_str()).collect();
    assert_eq!(top.len(), 30);
    assert!(top.iter().all(|t| !is_stopword(t) && t.chars().count() >= 2), "{top:?}");
}

#[test]
fn term_fields_are_consistent() {
    let a = Analyzer::new().analyze(SAMPLE, &Options::default()).unwrap();
    let units: Vec<u16> = SAMPLE.encode_utf16().collect();
    for t in &a.terms {
        let len = t.term.encode_utf16().count();
        let at = t.first_at as usize;
        assert_eq!(String::from_utf16_lossy(&units[at..at + len]), t.term);
        assert_eq!(t.by_section.len(), a.outline.sections.len());
        assert!(t.by_section.iter().sum::<u32>() <= t.count);
        let rate = t.count as f64 * 10_000.0 / a.stats.han_chars as f64;
        assert!((t.per_ten_k - rate).abs() < 1e-9);
    }
    // 科技创新 lives in the second part (要以科技创新激活县域经济发展新动能).
    let tech = a.terms.iter().find(|t| t.term == "科技创新").unwrap();
    let busiest = tech.by_section.iter().enumerate().max_by_key(|(_, n)| **n).map(|(i, _)| i);
    assert_eq!(busiest, Some(1));
}

#[test]
fn pos_filter_and_single_characters() {
    let analyzer = Analyzer::new();
    let nouns =
        analyzer.analyze(SAMPLE, &Options { pos: speechlens::terms::PosFilter::Nouns, ..Options::default() }).unwrap();
    assert!(nouns.terms.iter().all(|t| t.pos.as_deref().is_some_and(|p| p.starts_with('n') || p == "vn")));
    let verbs =
        analyzer.analyze(SAMPLE, &Options { pos: speechlens::terms::PosFilter::Verbs, ..Options::default() }).unwrap();
    assert!(
        !verbs.terms.is_empty() && verbs.terms.iter().all(|t| t.pos.as_deref().is_some_and(|p| p.starts_with('v')))
    );
    let singles = analyzer.analyze(SAMPLE, &Options { min_chars: 1, ..Options::default() }).unwrap();
    assert!(singles.terms.iter().any(|t| t.term == "县"));
    assert!(!singles.terms.iter().any(|t| t.term == "的"), "stop words stay out even when single characters are in");
}

#[test]
fn repeated_phrases_are_maximal() {
    let a = Analyzer::new().analyze(SAMPLE, &Options::default()).unwrap();
    let phrase = a.phrases.iter().find(|p| p.text == "以科技创新激活县域经济发展新动能").expect("the repeated phrase");
    assert_eq!(phrase.count, 2);
    assert_eq!(phrase.occurrences.len(), 2);
    // Its parts with the same count are not listed again.
    assert!(!a.phrases.iter().any(|p| p.text == "科技创新激活县域经济发展新动能"));
    for p in &a.phrases {
        assert!(p.count >= 2);
        assert!(
            !a.phrases.iter().any(|q| q.text != p.text && q.count == p.count && q.text.contains(&p.text)),
            "{}",
            p.text
        );
    }
}

/// A stretch of more than six words said three times comes out once, whole, not as the
/// overlapping windows of six it is made of (issue 29.10: 实现社会主义现代化奠定更加坚实,
/// 基本实现社会主义现代化奠定, 现代化奠定更加坚实的基础, all ×3).
#[test]
fn a_long_repeated_stretch_is_one_phrase_not_its_overlapping_pieces() {
    let text = "今年要为基本实现社会主义现代化奠定更加坚实的基础。\n\
                明年还要为基本实现社会主义现代化奠定更加坚实的基础，继续努力。\n\
                我们一定能为基本实现社会主义现代化奠定更加坚实的基础。";
    let a = Analyzer::new().analyze(text, &Options::default()).unwrap();
    let texts: Vec<(&str, u32)> = a.phrases.iter().map(|p| (p.text.as_str(), p.count)).collect();
    let whole = a.phrases.iter().find(|p| p.text.contains("基本实现社会主义现代化奠定更加坚实的基础"));
    assert_eq!(whole.map(|p| p.count), Some(3), "{texts:?}");
    for p in &a.phrases {
        let overlapping =
            a.phrases.iter().filter(|q| q.text != p.text && q.count == p.count).find(|q| {
                q.occurrences.iter().any(|o| p.occurrences.iter().any(|r| o.start < r.end && r.start < o.end))
            });
        assert!(overlapping.is_none(), "{} overlaps {overlapping:?}", p.text);
    }
    for o in &whole.expect("the stretch").occurrences {
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[o.start as usize..o.end as usize]), whole.unwrap().text);
    }
}

#[test]
fn keywords_weigh_rarity_not_only_counts() {
    let a = Analyzer::new().analyze(SAMPLE, &Options::default()).unwrap();
    let rank = |term: &str| a.keywords.iter().position(|k| k.term == term).unwrap_or(usize::MAX);
    // 发展 is the most frequent word but common everywhere; 县域经济 is this speech's subject.
    assert!(rank("县域经济") < rank("发展"));
    assert!(a.keywords.windows(2).all(|w| w[0].weight >= w[1].weight));
    // Every keyword is significant (G² ≥ 15.13) and said at least twice in a speech this short.
    let counts: std::collections::HashMap<&str, u32> = a.terms.iter().map(|t| (t.term.as_str(), t.count)).collect();
    assert!(a.keywords.iter().all(|k| k.log_likelihood >= 15.13 && counts[k.term.as_str()] >= 2));
}

/// A long report says 发展, 建设, 政策, 实施, 推进, 加强 and 工作 more than anything, as every official
/// text does: its keywords are what it says more than ordinary text and official speech do, so its
/// own subject (县域经济, said 20 times) is one and the words of every report are not.
#[test]
fn a_long_reports_keywords_are_its_own_words_not_the_common_ones() {
    let common = "我们要坚持发展经济，加强建设工作，推进政策实施，加快发展，推进建设，做好工作。";
    // The rest of a report: sentences of ordinary words, each said as often as a report would.
    let ordinary = [
        "城乡居民收入稳定增长，粮食产量保持在较高水平。",
        "学校和医院的条件明显改善，群众看病上学更方便。",
        "企业经营状况好转，外贸进出口总额再创新高。",
        "铁路公路机场港口等重大项目顺利完工。",
        "生态环境质量持续改善，空气和水体更加清洁。",
        "社会保障覆盖面扩大，养老金按时足额发放。",
    ];
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(ordinary[i % ordinary.len()]);
        if i % 2 == 0 {
            text.push_str(common);
        }
        if i % 33 == 0 {
            text.push_str("发展壮大县域经济，让县域经济成为增长的新引擎。");
        }
        if i % 50 == 0 {
            text.push_str("推动新质生产力加快发展，因地制宜发展新质生产力。");
        }
    }
    let a = Analyzer::new().analyze(&text, &Options::default()).unwrap();
    let top: Vec<&str> = a.keywords.iter().take(10).map(|k| k.term.as_str()).collect();
    assert!(a.keywords.iter().any(|k| k.term == "县域经济"), "{:?}", a.keywords);
    for word in ["发展", "建设", "政策", "实施", "推进", "加强", "工作"] {
        assert!(!top.contains(&word), "{word} among {top:?}");
    }
    assert_eq!(a.terms.first().map(|t| t.term.as_str()), Some("发展"), "the term table still counts");
}

/// Keywords characterise the text against official speech in general, not only against ordinary
/// Chinese: the formulas every report says (高质量发展, 新时代, 中国式现代化), however rare in
/// ordinary text, do not crowd the top; a word said 30 times ranks above a rare one said 4 times;
/// and a keyword's weight says how many times as often the text says it as the reference would.
#[test]
fn keywords_are_what_this_text_says_more_than_official_speech_does() {
    let perennial = "新时代新征程上，要以中国式现代化全面推进强国建设，着力推动高质量发展。";
    let own = "要大力提振消费，让城乡居民敢消费、愿消费、能消费，扩大服务消费。";
    let mut text = String::new();
    for i in 0..40 {
        text.push_str("城乡居民收入稳定增长，粮食产量保持在较高水平，学校和医院的条件明显改善。");
        text.push_str(if i % 4 == 0 { perennial } else { "铁路公路机场港口等重大项目顺利完工。" });
        if i % 5 == 0 {
            text.push_str(own);
        }
        if i % 10 == 0 {
            text.push_str("各地都在推进古籍保护。");
        }
    }
    let a = Analyzer::new().analyze(&text, &Options::default()).unwrap();
    let rank = |term: &str| a.keywords.iter().position(|k| k.term == term).unwrap_or(usize::MAX);
    let count = |term: &str| a.terms.iter().find(|t| t.term == term).map_or(0, |t| t.count);
    assert!(count("消费") >= 30 && count("古籍") == 4, "{} {}", count("消费"), count("古籍"));
    assert!(rank("古籍") < usize::MAX && rank("消费") < rank("古籍"), "{:?}", a.keywords);
    for formula in ["高质量发展", "新时代", "中国式现代化"] {
        assert!(rank(formula) > rank("消费"), "{formula} above 消费: {:?}", a.keywords);
    }
    // The weight is how many times as often: (count + 2) ÷ (expected count + 2), so a term the
    // references hardly have, said n times, weighs about (n + 2) ÷ 2.
    let consumption = &a.keywords[rank("消费")];
    assert!(consumption.weight > 1.0 && consumption.weight < (count("消费") as f64 + 2.0) / 2.0, "{consumption:?}");
    assert!(a.keywords.windows(2).all(|w| w[0].weight >= w[1].weight));
}

#[test]
fn user_words_are_kept_whole() {
    let mut analyzer = Analyzer::new();
    let a =
        analyzer.analyze(SAMPLE, &Options { user_words: vec!["跨区交流机制".into()], ..Options::default() }).unwrap();
    assert_eq!(count_of(&a, "跨区交流机制"), Some(1));
    analyzer.add_words(["湘鄂交界处"]);
    let b = analyzer.analyze(SAMPLE, &Options::default()).unwrap();
    assert_eq!(count_of(&b, "湘鄂交界处"), Some(1));
    assert_eq!(count_of(&b, "跨区交流机制"), None, "per-call words do not persist");
}

#[test]
fn concordance_lines_hold_the_term_and_its_context() {
    let lines = Analyzer::new().concordance(SAMPLE, "县域不经济", 10, &Options::default()).unwrap();
    assert_eq!(lines.len(), 4);
    for l in &lines {
        assert_eq!(l.keyword, "县域不经济");
        assert!(l.left.chars().count() <= 10 && l.right.chars().count() <= 10);
    }
    assert!(lines[0].left.ends_with('“'));
}

#[test]
fn csv_round_trips_through_a_csv_parser() {
    let analyzer = Analyzer::new();
    let a = analyzer.analyze(SAMPLE, &Options::default()).unwrap();
    let csv = analyzer.terms_csv(SAMPLE, &Options::default()).unwrap();
    let body = csv.strip_prefix('\u{feff}').expect("a UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..5], ["term", "count", "perTenK", "pos", "firstAt"]);
    assert_eq!(header.len(), 5 + a.outline.sections.len());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), a.terms.len());
    for (row, term) in rows.iter().zip(&a.terms) {
        assert_eq!(&row[0], term.term);
        assert_eq!(row[1].parse::<u32>().unwrap(), term.count);
        assert_eq!(row[4].parse::<u32>().unwrap(), term.first_at);
        let spread: Vec<u32> = (5..row.len()).map(|i| row[i].parse().unwrap()).collect();
        assert_eq!(spread, term.by_section);
    }
}

#[test]
fn csv_quotes_awkward_terms() {
    let text = "表格里写着a,b和say \"hi\"，还有=SUM(A1)。";
    let words = ["a,b", "say \"hi\"", "=SUM(A1)"].map(String::from).to_vec();
    let csv = Analyzer::new().terms_csv(text, &Options { user_words: words, ..Options::default() }).unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().iter().next_back(), Some("body"), "no outline: one spread column");
    let terms: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
    assert!(terms.contains(&"'=SUM(A1)".to_string()), "a formula is defused: {terms:?}");
    assert!(terms.contains(&"a,b".to_string()), "{terms:?}");
    assert!(terms.contains(&"say \"hi\"".to_string()), "{terms:?}");
}

/// The slogans, the outline and a concordance as CSV: a row per item, each cell what the result says.
#[test]
fn every_list_downloads_as_csv_a_parser_reads_back() {
    let analyzer = Analyzer::new();
    let a = analyzer.analyze(SAMPLE, &Options::default()).unwrap();
    let read = |csv: String| -> (Vec<String>, Vec<csv::StringRecord>) {
        let body = csv.strip_prefix('\u{feff}').expect("a UTF-8 BOM for Excel").to_string();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        (header, reader.records().map(Result::unwrap).collect())
    };
    let (header, rows) = read(speechlens::csv::slogans(&a.slogans));
    assert_eq!(header, ["kind", "text", "count", "firstAt", "expansion", "frame", "speaker", "score"]);
    assert_eq!(rows.len(), a.slogans.len());
    for (row, s) in rows.iter().zip(&a.slogans) {
        assert_eq!((&row[1], row[2].parse::<u32>().unwrap()), (s.text.as_str(), s.count));
        assert_eq!(row[4], s.expansion.as_ref().map_or(String::new(), |items| items.join("、")));
    }
    let (header, rows) = read(speechlens::csv::outline(&a.outline.sections));
    assert_eq!(header, ["level", "marker", "heading", "start", "end", "speechChars", "speakingMinutes", "topTerms"]);
    let markers: Vec<&str> = rows.iter().map(|r| r.get(1).unwrap()).collect();
    assert_eq!(
        markers,
        ["第一,", "第二,", "第四,", "一是", "二是", "三是"],
        "parts in reading order, children after their parent"
    );
    let lines = analyzer.concordance(SAMPLE, "县域不经济", 10, &Options::default()).unwrap();
    let (header, rows) = read(speechlens::csv::concordance(&lines));
    assert_eq!(header, ["start", "end", "left", "keyword", "right"]);
    assert_eq!(rows.len(), lines.len());
    assert!(rows.iter().all(|r| &r[3] == "县域不经济"));
}

/// The lexicon's English gloss comes with its tag wherever a result names a lexicon word: a term,
/// a slogan, a comparison's formulation (the page draws it from there, looking nothing up).
#[test]
fn glosses_come_with_the_lexicon_tag() {
    let analyzer = Analyzer::new();
    let earlier = "同志们：\n要推动经济社会发展，做好民生工作。\n";
    let text = "同志们：\n要加快发展新质生产力，因地制宜发展新质生产力，做好民生工作。\n";
    let analysis = analyzer.analyze(text, &Options::default()).unwrap();
    let term = analysis.terms.iter().find(|t| t.term == "新质生产力").expect("the term");
    let tag = term.lexicon.as_ref().expect("the lexicon's word");
    assert_eq!((tag.category.as_str(), tag.formulation), ("economy", true));
    assert_eq!(tag.english.as_deref(), Some("new quality productive forces"));
    let terms: Vec<(&str, bool)> = analysis.terms.iter().map(|t| (t.term.as_str(), t.lexicon.is_some())).collect();
    assert!(terms.contains(&("民生", false)), "no tag outside the lexicon: {terms:?}");
    let slogan = analysis.slogans.iter().find(|s| s.text == "新质生产力").expect("the formulation");
    assert_eq!(slogan.lexicon.as_ref(), Some(tag));
    let comparison = analyzer.compare(earlier, text, &Options::default()).unwrap();
    let new = comparison.formulations.iter().find(|f| f.text == "新质生产力").expect("a new formulation");
    assert_eq!(new.lexicon.as_ref(), Some(tag));
}
