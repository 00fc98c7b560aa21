//! `compare(a, b)`: what changed from one text to another, on written pairs: a speech and its
//! revision, identical texts, an empty side, texts with no Chinese.

use speechlens::model::{Comparison, FormulationStatus, ParagraphStatus, Span, TermStatus};
use speechlens::{Analyzer, Document, Options};

const SAMPLE: &str = include_str!("fixtures/seed-speech.txt");

fn compare(a: &str, b: &str) -> Comparison {
    Analyzer::new().compare(a, b, &Options::default()).expect("compares")
}

fn term_status(c: &Comparison, term: &str) -> Option<TermStatus> {
    c.terms.iter().find(|t| t.term == term).map(|t| t.status)
}

fn formulation(c: &Comparison, text: &str) -> Option<(FormulationStatus, u32, u32)> {
    c.formulations.iter().find(|f| f.text == text).map(|f| (f.status, f.count_a, f.count_b))
}

/// A revision: the quoted coinage 县域不经济 replaced by a new one, a numbered part added about a
/// new formulation, and a paragraph moved.
#[test]
fn a_revision_shows_what_is_new_what_was_dropped_and_what_rose() {
    let revised = SAMPLE.replace("县域不经济", "县域新动能")
        + "\n第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民，数字乡村要因地制宜，数字乡村要久久为功。\n";
    let c = compare(SAMPLE, &revised);
    assert_eq!(formulation(&c, "县域不经济"), Some((FormulationStatus::Dropped, 4, 0)));
    assert_eq!(formulation(&c, "县域新动能"), Some((FormulationStatus::New, 0, 4)));
    assert_eq!(formulation(&c, "数字乡村"), Some((FormulationStatus::New, 0, 5)));
    assert_eq!(formulation(&c, "新质生产力").map(|f| f.0), Some(FormulationStatus::Kept));
    // New ones first, then the dropped, then the kept.
    let order: Vec<FormulationStatus> = c.formulations.iter().map(|f| f.status).collect();
    assert!(order.windows(2).all(|w| (w[0] as u8) <= (w[1] as u8)), "{order:?}");
    assert_eq!(term_status(&c, "数字乡村"), Some(TermStatus::New));
    assert_eq!(term_status(&c, "县域不经济"), Some(TermStatus::Dropped));
    assert_eq!(term_status(&c, "发展"), Some(TermStatus::Same));
    // The most changed first.
    assert!(c.terms.windows(2).all(|w| w[0].log_likelihood >= w[1].log_likelihood));
    assert!(c.stats.b.han_chars > c.stats.a.han_chars);
    let top = &c.terms[0];
    assert!(matches!(top.status, TermStatus::New | TermStatus::Dropped), "{top:?}");
}

/// A term said significantly more in `b` is `more`, and its log ratio says how much.
#[test]
fn a_term_said_much_more_is_more() {
    let a = "同志们：\n我们要推动发展，推动改革，推动创新，加强团结。\n".repeat(30);
    let b = a.replace("加强团结", "加强团结，全面推进乡村振兴，乡村振兴是大事，乡村振兴要抓实");
    let c = compare(&a, &b);
    let change = c.terms.iter().find(|t| t.term == "乡村振兴").expect("乡村振兴");
    assert_eq!((change.count_a, change.status), (0, TermStatus::New));
    assert!(change.count_b >= 60, "{change:?}");
    let more = compare(&b, &b.replace("加强团结", "加强团结，乡村振兴，乡村振兴，乡村振兴"));
    let change = more.terms.iter().find(|t| t.term == "乡村振兴").expect("乡村振兴");
    assert_eq!(change.status, TermStatus::More, "{change:?}");
    assert!(change.log_ratio > 0.5 && change.log_likelihood >= speechlens::compare::MIN_CHANGE_LOG_LIKELIHOOD);
}

/// Two reports of a length: a formula said 24 times then 8 is said less, a word said 19 times then
/// 38 more (issue 29.5: they came out `same`). One threshold decides: every `more` and `less` has
/// G² at or above it, every `same` below.
#[test]
fn shared_terms_that_changed_significantly_are_more_or_less() {
    let report = |formula: usize, mechanism: usize| {
        SAMPLE.replace("高质量发展", "高水平开放").repeat(4)
            + &"要推动高质量发展。".repeat(formula)
            + &"要健全工作机制。".repeat(mechanism)
    };
    let c = compare(&report(24, 19), &report(8, 38));
    let change = |term: &str| c.terms.iter().find(|t| t.term == term).unwrap_or_else(|| panic!("{term}"));
    assert_eq!(change("高质量发展").status, TermStatus::Less, "{:?}", change("高质量发展"));
    assert_eq!(change("机制").status, TermStatus::More, "{:?}", change("机制"));
    assert_eq!(change("县域").status, TermStatus::Same);
    let threshold = speechlens::compare::MIN_CHANGE_LOG_LIKELIHOOD;
    for t in c.terms.iter().filter(|t| t.count_a > 0 && t.count_b > 0) {
        let significant = matches!(t.status, TermStatus::More | TermStatus::Less);
        assert_eq!(significant, t.log_likelihood >= threshold, "{t:?}");
    }
}

/// A revision's new policy phrases are new formulations: a verb-object task it says twice
/// (提振消费), a task stated once as a clause of its own (稳住楼市股市), a law named once without
/// 《》 (民营经济促进法); fragments it repeats (发生深刻, 带来一系列新) never are, and the words of a new
/// formulation (稳住, 楼市, 股市, 促进法) are not listed again as new terms.
#[test]
fn a_revisions_new_policy_phrases_are_new_formulations() {
    let earlier = "同志们：\n要扩大有效投资，推动经济稳定增长。要深化改革，扩大开放。\n";
    let newer = format!(
        "{earlier}要大力提振消费，让群众敢花钱。提振消费要靠增加收入。要稳住楼市股市，落实民营经济促进法。\n\
         世界发生深刻变化，带来一系列新挑战。科技发生深刻变革，带来一系列新机遇。\n"
    );
    let c = compare(earlier, &newer);
    assert_eq!(formulation(&c, "提振消费"), Some((FormulationStatus::New, 0, 2)), "{:?}", c.formulations);
    assert_eq!(formulation(&c, "稳住楼市股市"), Some((FormulationStatus::New, 0, 1)), "{:?}", c.formulations);
    assert_eq!(formulation(&c, "民营经济促进法"), Some((FormulationStatus::New, 0, 1)), "{:?}", c.formulations);
    assert_eq!(formulation(&c, "扩大有效投资").map(|f| f.0), Some(FormulationStatus::Kept));
    for fragment in ["发生深刻", "带来一系列新", "发生深刻变化"] {
        assert_eq!(formulation(&c, fragment), None, "{fragment}");
    }
    for part in ["稳住", "楼市", "股市", "促进法"] {
        assert_eq!(term_status(&c, part), None, "{part} is part of a new formulation");
    }
    assert_eq!(term_status(&c, "收入"), Some(TermStatus::New), "a word of its own stays");
}

#[test]
fn identical_texts_change_nothing() {
    let c = compare(SAMPLE, SAMPLE);
    assert!(!c.terms.is_empty() && c.terms.iter().all(|t| t.status == TermStatus::Same && t.count_a == t.count_b));
    assert!(!c.formulations.is_empty());
    assert!(c.formulations.iter().all(|f| f.status == FormulationStatus::Kept && f.count_a == f.count_b));
    assert_eq!(c.stats.a, c.stats.b);
}

#[test]
fn an_empty_side_makes_everything_new_or_dropped() {
    let c = compare("", SAMPLE);
    assert!(!c.terms.is_empty() && c.terms.iter().all(|t| t.status == TermStatus::New && t.count_a == 0));
    assert!(!c.formulations.is_empty() && c.formulations.iter().all(|f| f.status == FormulationStatus::New));
    let c = compare(SAMPLE, "");
    assert!(!c.terms.is_empty() && c.terms.iter().all(|t| t.status == TermStatus::Dropped && t.count_b == 0));
    assert!(!c.formulations.is_empty() && c.formulations.iter().all(|f| f.status == FormulationStatus::Dropped));
    let c = compare("", "");
    assert!(c.terms.is_empty() && c.formulations.is_empty());
}

#[test]
fn texts_without_chinese_compare_without_error() {
    let c = compare("Hello world, nothing here.", "Goodbye world.\n\n\u{0}\u{fffd}");
    assert!(c.formulations.is_empty());
    assert_eq!(term_status(&c, "world"), Some(TermStatus::Same));
    assert_eq!(term_status(&c, "Goodbye"), Some(TermStatus::New));
    assert_eq!(term_status(&c, "Hello"), Some(TermStatus::Dropped));
    assert!(c.terms.iter().all(|t| t.log_likelihood.is_finite() && t.log_ratio.is_finite()));
}

/// The UTF-16 slice `[start, end)` of `text`, as JS's `text.slice` would give it.
fn slice(text: &str, span: Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start as usize..span.end as usize]).expect("span on UTF-16 boundaries")
}

/// A revision aligned paragraph by paragraph: one kept, one moved, one edited (a formulation
/// replaced, its words marked on both sides), one inserted, one deleted; every span slices to its text.
#[test]
fn paragraphs_align_moved_inserted_deleted_and_changed_with_their_words() {
    let a = "同志们：\n第一，要坚持稳中求进，推动县域经济高质量发展。\n第二，要加快培育新质生产力，壮大县域产业。\n\
             第三，要巩固拓展脱贫攻坚成果。\n我们要团结一心，𠀀奋勇前进。\n";
    let b = "同志们：\n第二，要加快培育新质生产力，壮大县域产业。\n第一，要坚持稳中求进，推动县域经济行稳致远。\n\
             第四，要全面推进乡村振兴。\n我们要团结一心，𠀀奋勇前进。\n";
    let c = compare(a, b);
    let shown: Vec<(ParagraphStatus, Option<String>, Option<String>)> =
        c.paragraphs.iter().map(|p| (p.status, p.a.map(|s| slice(a, s)), p.b.map(|s| slice(b, s)))).collect();
    use ParagraphStatus::*;
    let text = |s: &str| Some(s.to_string());
    assert_eq!(
        shown,
        [
            (Same, text("同志们："), text("同志们：")),
            (
                Same,
                text("第二，要加快培育新质生产力，壮大县域产业。"),
                text("第二，要加快培育新质生产力，壮大县域产业。")
            ),
            (
                Changed,
                text("第一，要坚持稳中求进，推动县域经济高质量发展。"),
                text("第一，要坚持稳中求进，推动县域经济行稳致远。")
            ),
            (Inserted, None, text("第四，要全面推进乡村振兴。")),
            (Deleted, text("第三，要巩固拓展脱贫攻坚成果。"), None),
            (Same, text("我们要团结一心，𠀀奋勇前进。"), text("我们要团结一心，𠀀奋勇前进。")),
        ]
    );
    let changed = c.paragraphs.iter().find(|p| p.status == Changed).expect("a changed paragraph");
    let words = |text: &str, spans: &[Span]| spans.iter().map(|&s| slice(text, s)).collect::<Vec<_>>();
    assert_eq!(words(a, &changed.deleted), ["高质量发展"]);
    assert_eq!(words(b, &changed.inserted), ["行稳致远"]);
}

#[test]
fn a_paragraph_moved_past_others_is_moved() {
    let a = "第一段讲发展。\n第二段讲改革。\n第三段讲创新。\n第四段讲开放。\n";
    let b = "第一段讲发展。\n第三段讲创新。\n第四段讲开放。\n第二段讲改革。\n";
    let statuses: Vec<ParagraphStatus> = compare(a, b).paragraphs.iter().map(|p| p.status).collect();
    use ParagraphStatus::*;
    assert_eq!(statuses, [Same, Same, Same, Moved]);
}

#[test]
fn identical_and_empty_texts_align_plainly() {
    let same = compare(SAMPLE, SAMPLE).paragraphs;
    assert!(same.len() > 5 && same.iter().all(|p| p.status == ParagraphStatus::Same), "{same:?}");
    let c = compare("", "同志们：\n要发展。\n");
    assert_eq!(c.paragraphs.iter().map(|p| p.status).collect::<Vec<_>>(), [ParagraphStatus::Inserted; 2]);
    assert!(compare("", "").paragraphs.is_empty());
}

/// The outlines aligned by heading and content: each part of the revision with its original, the
/// added part alone; a part whose heading was reworded still finds its original.
#[test]
fn outlines_align_part_to_part() {
    let revised = SAMPLE.replace("要以科技创新激活县域经济发展新动能", "要以科技创新增强县域经济发展新动能")
        + "\n第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民。\n";
    let c = compare(SAMPLE, &revised);
    let pairs: Vec<(Option<String>, Option<String>)> = c
        .outline
        .iter()
        .map(|m| (m.a.as_ref().map(|p| p.marker.clone()), m.b.as_ref().map(|p| p.marker.clone())))
        .collect();
    let m = |s: &str| Some(s.to_string());
    assert_eq!(
        pairs,
        [
            (m("第一,"), m("第一,")),
            (m("第二,"), m("第二,")),
            (m("第四,"), m("第四,")),
            (m("一是"), m("一是")),
            (m("二是"), m("二是")),
            (m("三是"), m("三是")),
            (None, m("第五，")),
        ]
    );
    let reworded = &c.outline[1];
    assert!(reworded.similarity > 0.5 && reworded.similarity < 1.0, "{reworded:?}");
    for part in c.outline.iter().filter_map(|m| m.b.as_ref()) {
        assert_eq!(
            slice(&revised, Span { start: part.start, end: part.start + part.marker.encode_utf16().count() as u32 }),
            part.marker
        );
    }
    // Only in `a`: listed after `b`'s parts.
    let back = compare(&revised, SAMPLE);
    assert_eq!(back.outline.last().and_then(|m| m.a.as_ref()).map(|p| p.marker.as_str()), Some("第五，"));
    assert!(back.outline.last().is_some_and(|m| m.b.is_none()));
}

/// Two long texts of many short paragraphs compare within bounded memory: their common start and
/// end align, and what differs between them, past what a full table may hold, is inserted and deleted.
#[test]
fn many_paragraphs_align_within_bounds() {
    let lines = |tag: &str, n: usize| (0..n).map(|k| format!("第{k}条{tag}要坚持发展。\n")).collect::<String>();
    let a = format!("同志们：\n{}谢谢大家！\n", lines("甲", 3000));
    let b = format!("同志们：\n{}谢谢大家！\n", lines("乙", 3000));
    let c = compare(&a, &b);
    let count = |status: ParagraphStatus| c.paragraphs.iter().filter(|p| p.status == status).count();
    assert_eq!(count(ParagraphStatus::Same), 2, "the salutation and the thanks");
    assert_eq!(count(ParagraphStatus::Inserted) + count(ParagraphStatus::Changed), 3000);
}

/// A speech flattened onto one line (as pasted from many news pages) is one paragraph: two edits
/// far apart among its thousands of words are marked alone, the sentences around them matched
/// first (the words between the edits are too many to compare word by word).
#[test]
fn a_flattened_speech_edited_in_two_sentences_marks_only_those_edits() {
    let sentence = |k: usize| format!("第{k}项工作要坚持稳中求进，推动县域经济高质量发展，壮大县域产业。");
    let a: String = (0..600).map(sentence).collect();
    let b = a
        .replacen(
            "第100项工作要坚持稳中求进，推动县域经济高质量发展",
            "第100项工作要坚持稳中求进，推动县域经济行稳致远",
            1,
        )
        .replacen("第500项工作要坚持稳中求进", "第500项工作要坚持守正创新", 1);
    let c = compare(&a, &b);
    let [p] = &c.paragraphs[..] else { panic!("one paragraph: {:?}", c.paragraphs.len()) };
    assert_eq!(p.status, ParagraphStatus::Changed);
    let words = |text: &str, spans: &[Span]| spans.iter().map(|&s| slice(text, s)).collect::<Vec<_>>();
    assert_eq!(words(&a, &p.deleted), ["高质量发展", "稳中求进"]);
    assert_eq!(words(&b, &p.inserted), ["行稳致远", "守正创新"]);
}

/// Two copies of one speech, one with a photo caption run into it (as news pages print them): the
/// caption is chrome, left out of both analyses, so the copies align as the same speech, with no
/// words put in.
#[test]
fn a_photo_caption_in_one_copy_is_no_change() {
    let speech = "同志们：　　今天，我们隆重召开表彰大会。　　我们要坚持稳中求进，推动高质量发展。　　谢谢大家！";
    let with_caption = speech.replace(
        "　　我们要坚持",
        "　　2020年9月8日，表彰大会在北京人民大会堂隆重举行。 新华社记者 黄敬文/摄　　我们要坚持",
    );
    let c = compare(speech, &with_caption);
    let caption = c.paragraphs.iter().find(|p| p.status != ParagraphStatus::Same);
    assert!(caption.is_none(), "{caption:?} in {:?}", c.paragraphs);
    assert_eq!(formulation(&c, "稳中求进"), Some((FormulationStatus::Kept, 1, 1)), "{:?}", c.formulations);
    assert!(c.formulations.iter().all(|f| f.status == FormulationStatus::Kept), "{:?}", c.formulations);
}

/// The words a changed paragraph marks are the words its analysis cut: with jieba's HMM off, a name
/// the HMM would join (李小福) is its characters and only the one changed is marked; with user
/// words, a word kept whole (稳岗扩岗) is marked whole. (compare once cut its paragraphs again,
/// always with the HMM and without user words.) Every mark starts and ends between two of the
/// document's words.
#[test]
fn the_words_compared_are_cut_as_the_options_cut_them() {
    let a = "同志们：\n我们要学习李小福同志的先进事迹。\n要做好稳岗扩岗工作。\n";
    let b = "同志们：\n我们要学习王小福同志的先进事迹。\n要做好稳岗拓岗工作。\n";
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let cases = [
        (Options::default(), [["李小福", "扩岗"], ["王小福", "拓岗"]]),
        (Options { hmm: false, ..Options::default() }, [["李", "扩"], ["王", "拓"]]),
        (
            Options { user_words: words(&["稳岗扩岗", "稳岗拓岗"]), ..Options::default() },
            [["李小福", "稳岗扩岗"], ["王小福", "稳岗拓岗"]],
        ),
    ];
    for (options, [deleted, inserted]) in cases {
        let c = Analyzer::new().compare(a, b, &options).expect("compares");
        let changed: Vec<_> = c.paragraphs.iter().filter(|p| p.status == ParagraphStatus::Changed).collect();
        let marked = |text: &str, spans: fn(&speechlens::model::ParagraphChange) -> &Vec<Span>| {
            changed.iter().flat_map(|p| spans(p).iter().map(|&s| slice(text, s))).collect::<Vec<_>>()
        };
        assert_eq!(marked(a, |p| &p.deleted), deleted, "hmm {} words {:?}", options.hmm, options.user_words);
        assert_eq!(marked(b, |p| &p.inserted), inserted, "hmm {} words {:?}", options.hmm, options.user_words);
        let deleted: Vec<Span> = changed.iter().flat_map(|p| p.deleted.clone()).collect();
        let inserted: Vec<Span> = changed.iter().flat_map(|p| p.inserted.clone()).collect();
        for (text, spans) in [(a, deleted), (b, inserted)] {
            let document = Document::new(text, &options, &[]).expect("prepares");
            let starts: Vec<u32> = document.tokens.iter().map(|t| document.index.utf16(t.start)).collect();
            let ends: Vec<u32> = document.tokens.iter().map(|t| document.index.utf16(t.end)).collect();
            for span in spans {
                assert!(
                    starts.contains(&span.start) && ends.contains(&span.end),
                    "{span:?}: not whole words of {text:?}"
                );
            }
        }
    }
}

/// One speech laid out twice, paragraph by paragraph and flattened onto one line (as two sites
/// print it), is the same speech: nothing inserted, deleted or changed. A revision laid out the
/// same way as its original still aligns paragraph by paragraph.
#[test]
fn one_speech_laid_out_twice_is_the_same() {
    let paragraphs = [
        "同志们：",
        "第一，要坚持稳中求进，推动县域经济高质量发展。",
        "第二，要加快培育新质生产力，壮大县域产业。",
        "第三，要巩固拓展脱贫攻坚成果，全面推进乡村振兴。",
        "第四，要加强党的建设，锻造过硬干部队伍。",
        "我们要团结一心，奋勇前进。谢谢大家！",
    ];
    let printed = paragraphs.join("\n");
    let flattened = paragraphs.concat();
    for (a, b) in [(&printed, &flattened), (&flattened, &printed)] {
        let c = compare(a, b);
        let changed: Vec<_> = c.paragraphs.iter().filter(|p| p.status != ParagraphStatus::Same).collect();
        assert!(changed.is_empty(), "{changed:?}");
    }
    let revised = printed.replace("第四，要加强党的建设", "第四，要全面加强党的建设");
    let c = compare(&printed, &revised);
    let statuses: Vec<ParagraphStatus> = c.paragraphs.iter().map(|p| p.status).collect();
    use ParagraphStatus::*;
    assert_eq!(statuses, [Same, Same, Same, Same, Changed, Same]);
}
