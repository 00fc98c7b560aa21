//! Section outlines through `Analyzer::analyze`: every marker kind at a paragraph's start, inline
//! and in flattened text, nesting by order of appearance, sizes, the numbering checks, and the
//! sentences that only look numbered (tests/fixtures/outline-*).

use speechlens::analyze::CHARS_PER_MINUTE;
use speechlens::model::{Analysis, Evidence, FindingKind as IssueKind, Section};
use speechlens::{Analyzer, Options};

/// The UTF-16 slice `[start, end)` of `text`, as JS's `text.slice` would give it.
fn slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on UTF-16 boundaries")
}

/// The outline as an indented list, one `marker heading` per line, two spaces per level.
fn render(sections: &[Section], out: &mut String) {
    for s in sections {
        out.push_str(&format!("{}{} {}\n", "  ".repeat(s.level as usize - 1), s.marker, s.heading));
        render(&s.children, out);
    }
}

/// An issue as (kind, level, the marked text, found, expected, previous, missing).
type IssueRow = (IssueKind, u32, String, Option<String>, Option<String>, Option<String>, Vec<String>);

fn check(text: &str, outline: &str, issues: &[IssueRow]) -> Analysis {
    let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
    let mut got = String::new();
    render(&a.outline.sections, &mut got);
    assert_eq!(got, outline.trim_start_matches('\n'), "outline of {:.30}", text);
    let got: Vec<IssueRow> = a
        .outline
        .issues
        .iter()
        .map(|i| {
            let marked = slice(text, i.start, i.end);
            let (level, found, expected, previous, missing) = fields(&i.evidence);
            (i.kind(), level, marked, found, expected, previous, missing)
        })
        .collect();
    assert_eq!(got, issues, "issues");
    check_sizes(text, &a, &a.outline.sections);
    a
}

/// A numbering finding's level and (found, expected, previous, missing); for a count, the parts
/// found and the number announced.
fn fields(e: &Evidence) -> (u32, Option<String>, Option<String>, Option<String>, Vec<String>) {
    let some = |s: &String| Some(s.clone());
    match e {
        Evidence::Gap { expected, found, missing, level, .. } => {
            (*level, some(found), some(expected), None, missing.clone())
        }
        Evidence::Duplicate { expected, found, level, .. } => (*level, some(found), some(expected), None, Vec::new()),
        Evidence::Order { expected, found, previous, level, .. } => {
            (*level, some(found), some(expected), some(previous), Vec::new())
        }
        Evidence::Count { announced, parts, level, .. } => {
            (*level, Some(parts.to_string()), Some(announced.to_string()), None, Vec::new())
        }
        other => panic!("not a numbering finding: {other:?}"),
    }
}

/// Every section starts with its marker, holds its heading, and its sizes are those of its text.
fn check_sizes(text: &str, a: &Analysis, sections: &[Section]) {
    for s in sections {
        let own = slice(text, s.start, s.end);
        assert!(own.starts_with(&s.marker), "{own:.20} starts with {}", s.marker);
        assert!(own.contains(&s.heading) && !s.heading.is_empty(), "{own:.20} holds {}", s.heading);
        let han = own.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() as f64;
        assert_eq!(s.speech_chars as usize, own.chars().filter(|c| !c.is_whitespace()).count());
        assert!((s.share - han / a.stats.han_chars as f64).abs() < 1e-9);
        assert!((s.speaking_minutes - han / CHARS_PER_MINUTE).abs() < 1e-9);
        for c in &s.children {
            assert!(s.start <= c.start && c.end <= s.end, "{} holds {}", s.marker, c.marker);
        }
        check_sizes(text, a, &s.children);
    }
}

fn row(kind: IssueKind, level: u32, marked: &str, found: &str, expected: &str) -> IssueRow {
    (kind, level, marked.into(), Some(found.into()), Some(expected.into()), None, Vec::new())
}

/// 一、 holds （一） holds 1., ① and （1）; 首先/其次/最后 under 三、 — as paragraphs, and the same text flattened.
const MIXED: &str = "
一、 总体要求
  （一） 指导思想
    1. 坚持稳中求进
    2. 坚持改革创新
  （二） 主要目标
二、 重点任务
  （一） 做强特色产业
    ① 培育龙头企业
    ② 延伸产业链条
    ③ 打造产业集群
  （二） 扩大有效投资
    （1） 抓项目
    （2） 抓招商
三、 保障措施
  首先 加强组织领导
  其次 强化要素保障
  最后 严格督查考核
";

#[test]
fn mixed_levels_at_paragraph_starts() {
    let a = check(include_str!("fixtures/outline-mixed.txt"), MIXED, &[]);
    assert_eq!(a.outline.announced.as_ref().map(|n| (n.text.as_str(), n.count)), Some(("讲三个方面", Some(3))));
    let shares: f64 = a.outline.sections.iter().map(|s| s.share).sum();
    assert!(shares > 0.8 && shares <= 1.0, "top-level sections cover the speech but its opening: {shares}");
    assert!(a.outline.sections.iter().all(|s| !s.top_terms.is_empty()));
}

#[test]
fn mixed_levels_flattened_onto_one_line() {
    let text = include_str!("fixtures/outline-flattened.txt");
    assert!(!text.contains('\n'));
    check(text, MIXED, &[]);
}

#[test]
fn gap_duplicate_order_and_announced_count() {
    let a = check(
        include_str!("fixtures/outline-checks.txt"),
        "
第一， 提高站位
  一是 提高政治站位
  二是 提高工作标准
  二是 强化责任担当
第二， 狠抓落实
  （一） 压实责任
  （三） 强化督查
  （二） 严格考核
第三， 改进作风
第四， 加强保障
",
        &[
            (IssueKind::Count, 1, "提3点".into(), Some("4".into()), Some("3".into()), None, Vec::new()),
            row(IssueKind::Duplicate, 2, "二是", "二是", "三是"),
            (
                IssueKind::Order,
                2,
                "（二）".into(),
                Some("（二）".into()),
                Some("（四）".into()),
                Some("（三）".into()),
                Vec::new(),
            ),
        ],
    );
    let count = &a.outline.issues[0];
    assert!(matches!(count.evidence, Evidence::Count { announced: 3, parts: 4, .. }), "{count:?}");
    assert_eq!((count.rule.as_str(), count.message.as_str()), ("numbering.count", "announces 3 parts but has 4"));
    assert_eq!(count.args, ["3", "4"]);
}

#[test]
fn sample_gap_names_what_is_missing() {
    let a = check(
        include_str!("fixtures/seed-speech.txt"),
        "
第一, 要注重新的生产要素的组合
第二, 要以科技创新激活县域经济发展新动能
第四, 要建设高质量县域现代化产业体系
  一是 提升县域各级干部驾驭经济工作的专业能力
  二是 分业施策
  三是 加大招商引资力度
",
        &[(IssueKind::Gap, 1, "第四,".into(), Some("第四".into()), Some("第三".into()), None, vec!["第三".into()])],
    );
    assert_eq!(a.outline.announced.as_ref().map(|n| n.count), Some(None), "几点 announces no number");
    // The evidence: every marker of the series as counted, where the text has it.
    let text = include_str!("fixtures/seed-speech.txt");
    let seen: Vec<(&str, String)> = a.outline.issues[0]
        .evidence
        .series()
        .iter()
        .map(|m| (m.marker.as_str(), slice(text, m.start, m.end)))
        .collect();
    assert_eq!(seen, [("第一", "第一,".into()), ("第二", "第二,".into()), ("第四", "第四,".into())]);
}

/// The last part ends where the speech turns from its parts: a re-address or a summing-up opens
/// the unnumbered rest of its parent; the last part of a nested series and its parent end there.
#[test]
fn last_section_ends_where_the_unnumbered_rest_begins() {
    let text = include_str!("fixtures/news-copy-flattened.txt");
    let a = check(text, "\n一、 抓好粮食生产\n二、 推进产业发展\n三、 加强组织领导\n", &[]);
    let last = slice(text, a.outline.sections[2].start, a.outline.sections[2].end);
    assert!(last.trim_end().ends_with("主要负责同志亲自抓。"), "{last}");

    let report = "各位代表：\n一、今年的主要任务\n（一）扩大内需。要提振消费。\n（二）加强政府建设。要依法行政。\n\
                  各位代表！\n我们要加强国防建设。\n总之，前景光明。\n";
    let a = check(report, "\n一、 今年的主要任务\n  （一） 扩大内需\n  （二） 加强政府建设\n", &[]);
    for part in [&a.outline.sections[0], &a.outline.sections[0].children[1]] {
        assert!(slice(report, part.start, part.end).trim_end().ends_with("要依法行政。"));
    }
    // Speaking of the audience is no re-address: 同志们都知道 stays in the part.
    let prose = "同志们：\n一、抓落实\n要抓好落实。\n二、转作风\n要转变作风。\n同志们都知道，作风建设永远在路上。\n";
    let a = check(prose, "\n一、 抓落实\n二、 转作风\n", &[]);
    assert!(slice(prose, a.outline.sections[1].start, a.outline.sections[1].end).contains("永远在路上"));
}

#[test]
fn parts_with_sequence_and_shi_inline() {
    let a = check(
        include_str!("fixtures/outline-parts.txt"),
        "
第一部分 深刻领会全会精神
  首先 要把握主题
  其次 要把握原则
  再次 要把握任务
  最后 要把握要求
第二部分 抓好贯彻落实
  一是 学深悟透
  二是 结合实际
  三是 狠抓落实
",
        &[],
    );
    assert_eq!(a.outline.announced.as_ref().map(|n| n.count), Some(Some(2)));
}

#[test]
fn sentences_that_only_look_numbered_make_no_sections() {
    let a = check(include_str!("fixtures/outline-none.txt"), "", &[]);
    assert!(a.outline.announced.is_none());
    assert_eq!(a.terms.iter().map(|t| t.by_section.len()).max(), Some(1), "one bucket: the whole body");
}

#[test]
fn every_marker_kind_at_a_paragraph_start_and_inline() {
    for (text, outline) in [
        ("第一，甲事。\n第二，乙事。", "第一， 甲事\n第二， 乙事\n"),
        ("同志们：第一，要抓好县域经济。", "第一， 要抓好县域经济\n"),
        ("同志们：\n1. 甲事\n2. 乙事", "1. 甲事\n2. 乙事\n"),
        ("开头。第一，甲事。第二，乙事。", "第一， 甲事\n第二， 乙事\n"),
        ("第一条 总则\n第二条 适用范围", "第一条 总则\n第二条 适用范围\n"),
        ("一、甲事\n二、乙事", "一、 甲事\n二、 乙事\n"),
        ("开头。一、甲事。二、乙事。", "一、 甲事\n二、 乙事\n"),
        ("（一）甲事\n（二）乙事", "（一） 甲事\n（二） 乙事\n"),
        ("(一)甲事。(二)乙事。", "(一) 甲事\n(二) 乙事\n"),
        ("1. 甲事\n2. 乙事", "1. 甲事\n2. 乙事\n"),
        ("1、甲事。2、乙事。", "1、 甲事\n2、 乙事\n"),
        ("（1）甲事\n（2）乙事", "（1） 甲事\n（2） 乙事\n"),
        ("要求：（1）甲事；（2）乙事。", "（1） 甲事\n（2） 乙事\n"),
        ("①甲事\n②乙事", "① 甲事\n② 乙事\n"),
        ("要求：①甲事；②乙事。", "① 甲事\n② 乙事\n"),
        // A list inside one sentence numbers no parts.
        ("要求：①甲事，②乙事。", ""),
        ("三件大事：一是同大家谈谈心，二是给大家鼓鼓劲，三是听听意见。", ""),
        ("一是甲事。\n二是乙事。", "一是 甲事\n二是 乙事\n"),
        ("要求：一是甲事；二是乙事。", "一是 甲事\n二是 乙事\n"),
        ("首先，甲事。\n其次，乙事。", "首先 甲事\n其次 乙事\n"),
        ("要做到：首先，甲事；其次，乙事；再次，丙事；最后，丁事。", "首先 甲事\n其次 乙事\n再次 丙事\n最后 丁事\n"),
    ] {
        check(text, outline, &[]);
    }
}

#[test]
fn parts_and_articles_are_two_series() {
    check(
        "第一部分 总则\n第一条 为了规范工作，制定本办法。\n第二条 本办法适用于全县。\n第二部分 职责\n第三条 县政府负责组织实施。\n第四部分 附则\n第五条 本办法自公布之日起施行。",
        "
第一部分 总则
  第一条 为了规范工作
  第二条 本办法适用于全县
第二部分 职责
  第三条 县政府负责组织实施
第四部分 附则
  第五条 本办法自公布之日起施行
",
        &[
            (
                IssueKind::Gap,
                1,
                "第四部分".into(),
                Some("第四部分".into()),
                Some("第三部分".into()),
                None,
                vec!["第三部分".into()],
            ),
            (
                IssueKind::Gap,
                2,
                "第五条".into(),
                Some("第五条".into()),
                Some("第四条".into()),
                None,
                vec!["第四条".into()],
            ),
        ],
    );
}

#[test]
fn announced_counts_that_match_and_that_do_not() {
    for (text, announced, mismatch) in [
        ("我讲四个方面。\n一、甲事\n二、乙事\n三、丙事", Some(4), Some((4, 3))),
        ("我谈几点体会。\n一、甲事\n二、乙事", None, None),
        ("下面，我讲了以下两个问题。\n第一，甲事。\n第二，乙事。", Some(2), None),
        ("我提3点建议：一是甲事；二是乙事；三是丙事。", Some(3), None),
        ("我提3点建议：一是甲事；二是乙事。", Some(3), Some((3, 2))),
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        assert_eq!(a.outline.announced.as_ref().map(|n| n.count), Some(announced), "{text}");
        let counts: Vec<(u32, u32)> = a
            .outline
            .issues
            .iter()
            .filter_map(|i| match i.evidence {
                Evidence::Count { announced, parts, .. } => Some((announced, parts)),
                _ => None,
            })
            .collect();
        assert_eq!(counts, mismatch.into_iter().collect::<Vec<_>>(), "{text}");
    }
}

/// What no careful reader would call a slip: a series that starts again after a new lead-in,
/// 首先 in running prose, 首先 and 最后 opening a thank-you and a good wish.
#[test]
fn no_false_alarms() {
    for text in [
        "成绩来之不易：一是经济稳定增长。二是民生持续改善。三是改革不断深化。\n今年要重点抓好几项工作：一是稳就业。二是保民生。",
        "首先要坚定信心，不要被困难吓倒。最后，我还要强调的是，要加强领导。",
        "首先，我代表中国政府表示感谢。各国要团结合作。最后，预祝会议圆满成功！",
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        assert!(a.outline.issues.is_empty(), "{text}: {:?}", a.outline.issues);
        let sequence = a.outline.sections.iter().any(|s| s.marker.starts_with("首先") || s.marker.starts_with("最后"));
        assert!(!sequence, "{text}: 首先/最后 made sections");
    }
}

/// A heading ends at a flattened paragraph break (a run of 　 or of spaces), not at the next comma.
#[test]
fn a_heading_ends_at_a_flattened_break() {
    check(
        "同志们：\u{3000}\u{3000}一、准确把握目标要求\u{3000}\u{3000}总的要求是，稳中求进、以进促稳。\u{3000}\u{3000}\
         二、扎实推进重点工作  要抓好项目建设，扩大有效投资。",
        "\n一、 准确把握目标要求\n二、 扎实推进重点工作\n",
        &[],
    );
}

/// What no careful reader would call a slip, in the shapes other sites print (issue 24): a nested
/// list that reuses 一、 inside a part; 首先 opening a series of its own after a heading; a run-in
/// 一是…五是 at the end of part 第四 before 第五，; 一是…；一是… (one…, the other…); a table of
/// contents inline; 其次 in prose after ；; a count announced inside a quotation; circled
/// footnote numbers after quotations.
#[test]
fn no_false_alarms_in_other_sites_shapes() {
    for text in [
        "同志们：\n三、加强组织领导\n要加强领导。\n四、改进工作作风\n要从以下几方面改进：\n一、深入调查研究\n二、密切联系群众\n三、厉行勤俭节约\n五、严明纪律规矩\n要严明纪律。",
        "同志们：\n一、统一思想\n一要提高认识。二要明确目标。三要压实责任。四要狠抓落实。\n二、改进作风\n首先要深入基层。二是要密切联系群众。三是要厉行勤俭节约。",
        "同志们：\n第三，加强保障。要加大投入。\n第四，狠抓落实。要做到：一是明确责任；二是细化任务；三是强化督查；四是严格考核；五是兑现奖惩。\n第五，改进作风。要深入基层。",
        "同志们：\n今年要办好两件大事：一是办好运动会；一是开好博览会。\n要确保万无一失。",
        "各位代表：\n报告分六个部分：一、过去一年工作回顾；二、今年总体要求；三、重点任务。\n一、过去一年工作回顾\n过去一年，经济稳定增长。\n二、今年总体要求\n今年要稳中求进。",
        "同志们：\n要抓好项目建设；其次，要优化营商环境，让企业安心发展。\n要抓好落实。",
        "同志们：\n首先，要抓好项目建设。\n其次，要优化营商环境。\n最后，要抓好落实。\n要强化保障；其次，要加强督查。",
        "同志们：\n老同志常说：“干工作就讲这三条：实干、苦干、巧干。”\n第一，要实干。\n第二，要苦干。",
        "同志们：\n正如古人所说：“民为邦本。”①要把人民放在心中。“治国有常，利民为本。”②\n要抓好落实。",
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        assert!(a.outline.issues.is_empty(), "{text}: {:?}", a.outline.issues);
    }
}

/// An inline table of contents lists the parts; it is none of them.
#[test]
fn an_inline_table_of_contents_is_no_part() {
    check(
        "各位代表：\n这个报告分三个部分：一、过去一年工作回顾；二、今年总体要求；三、重点任务。\n\
         一、过去一年工作回顾\n过去一年，经济稳定增长。\n二、今年总体要求\n今年要稳中求进。\n三、重点任务\n要抓好落实。",
        "\n一、 过去一年工作回顾\n二、 今年总体要求\n三、 重点任务\n",
        &[],
    );
}

/// A real slip stays an alarm; so does a paragraph the copy repeats.
#[test]
fn real_slips_stay_alarms() {
    for (text, kind) in [
        ("同志们：\n第一，甲事。\n第二，乙事。\n第四，丁事。", IssueKind::Gap),
        (
            "同志们：\n要做到：一是明确责任。二是细化任务。三是强化督查。四是严格考核。\n四是严格考核。",
            IssueKind::Duplicate,
        ),
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        let kinds: Vec<IssueKind> = a.outline.issues.iter().map(|i| i.kind()).collect();
        assert_eq!(kinds, [kind], "{text}");
    }
}
