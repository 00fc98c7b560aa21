//! The speech inside pasted pages: body, removed chrome and the document's parts, through
//! `Analyzer::analyze` on texts written the way sites print them (tests/fixtures/wire-*, chrome-*).

use speechlens::model::{Analysis, Part};
use speechlens::{Analyzer, Options};

/// What a reader expects of one pasted text.
struct Expect<'a> {
    /// The body's first and last characters.
    body: (&'a str, &'a str),
    /// Every removed piece, in order, as (kind, the start of its text).
    removed: &'a [(&'a str, &'a str)],
    title: Option<&'a str>,
    salutation: Option<&'a str>,
    closing: Option<&'a str>,
    interjections: &'a [&'a str],
    /// Speech that looks like chrome and must stay in the body, outside every removed piece.
    kept: &'a [&'a str],
}

/// The UTF-16 slice `[start, end)` of `text`, as JS's `text.slice` would give it.
fn slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on UTF-16 boundaries")
}

/// A removed kind as JSON names it (`date-line`).
fn kind_name(kind: speechlens::model::RemovedKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn check(text: &str, expect: Expect) -> Analysis {
    let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
    let body = slice(text, a.body.start, a.body.end);
    assert!(body.starts_with(expect.body.0), "body starts {:?}", body.chars().take(20).collect::<String>());
    assert!(body.ends_with(expect.body.1), "body ends {:?}", body.chars().rev().take(20).collect::<String>());
    let removed: Vec<(String, &str)> = a.removed.iter().map(|r| (kind_name(r.kind), r.text.as_str())).collect();
    assert_eq!(removed.len(), expect.removed.len(), "removed: {removed:#?}");
    for ((kind, text), (want_kind, want_text)) in removed.iter().zip(expect.removed) {
        assert!(
            kind == want_kind && text.starts_with(want_text),
            "{kind} {text:?}, expected {want_kind} {want_text:?}"
        );
    }
    for r in &a.removed {
        assert_eq!(slice(text, r.start, r.end), r.text, "removed spans point into the text");
    }
    fn part<'a>(text: &str, p: &'a Option<Part>) -> Option<&'a str> {
        let p = p.as_ref()?;
        assert_eq!(slice(text, p.start, p.end), p.text);
        Some(&p.text)
    }
    assert_eq!(part(text, &a.outline.title), expect.title, "title");
    assert_eq!(part(text, &a.outline.salutation), expect.salutation, "salutation");
    assert_eq!(part(text, &a.outline.closing), expect.closing, "closing");
    let interjections: Vec<&str> = a.outline.interjections.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(interjections, expect.interjections, "interjections");
    let units: Vec<u16> = text.encode_utf16().collect();
    for kept in expect.kept {
        let at = text.find(kept).unwrap_or_else(|| panic!("{kept} not in the fixture"));
        let start = text[..at].encode_utf16().count() as u32;
        let end = start + kept.encode_utf16().count() as u32;
        assert!(a.body.start <= start && end <= a.body.end, "{kept} is outside the body");
        assert!(!a.removed.iter().any(|r| r.start < end && start < r.end), "{kept} was removed");
        assert!(end as usize <= units.len());
    }
    a
}

const NONE: &[&str] = &[];

#[test]
fn sample_speech_loses_the_site_around_it() {
    check(
        include_str!("fixtures/seed-speech.txt"),
        Expect {
            body: ("同志们:", "谢谢大家!"),
            removed: &[
                ("navigation", "职场文秘网"),
                ("navigation", "首页"),
                ("title", "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言"),
                ("timestamp", "2023-12-28 12:54:02"),
                ("editor-note", "下面是小编为大家整理的"),
                ("duplicate-title", "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言"),
                ("duplicate-title", "相关领导在政府党组中心组“新质生产力”专题研讨会上的交流发言"),
                ("tags", "Tags: "),
                ("navigation", "搜索"),
                ("navigation", "网站分类"),
                ("navigation", "标签列表"),
            ],
            title: Some("相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言"),
            salutation: Some("同志们:"),
            closing: Some("发言完毕,不当之处,请同志们批评指正,谢谢大家!"),
            interjections: NONE,
            kept: &["A总书记指出"],
        },
    );
}

#[test]
fn wire_copy_of_a_speech() {
    check(
        include_str!("fixtures/wire-speech.txt"),
        Expect {
            body: ("各位代表：", "谢谢大家！"),
            removed: &[
                ("navigation", "人民网 >> 时政"),
                ("title", "在全省经济工作会议上的讲话"),
                ("editor-note", "原标题："),
                ("byline", "2023年12月20日 08:15  来源：人民网"),
                ("navigation", "【字号 大 中 小】"),
                ("dateline", "新华社长沙12月19日电"),
                ("caption", "12月19日，全省经济工作会议在长沙召开。（新华社记者 王晔 摄）"),
                ("byline", "（责任编辑：王宁）"),
                ("navigation", "分享到："),
                ("related", "相关阅读："),
                ("related", "省委经济工作会议在长沙召开"),
                ("related", "全省优化营商环境大会召开"),
            ],
            title: Some("在全省经济工作会议上的讲话"),
            salutation: Some("各位代表："),
            closing: Some("谢谢大家！"),
            interjections: &["同志们！"],
            kept: &[
                "去年12月19日，新华社报道了我省推进产业转型的做法",
                "来源于实践的认识才有生命力",
                "同志们，新的征程已经开启",
            ],
        },
    );
}

#[test]
fn wire_report_loses_dateline_byline_and_captions() {
    check(
        include_str!("fixtures/wire-report.txt"),
        Expect {
            body: ("10月13日，全国县域经济发展座谈会在北京召开。会议指出", "贡献力量。"),
            removed: &[
                ("dateline", "新华社北京10月13日电（记者 张三 李四）"),
                ("caption", "10月13日，全国县域经济发展座谈会在北京召开。新华社记者 王晔 摄"),
                ("caption", "图为座谈会现场。"),
                ("byline", "（完）"),
            ],
            title: None,
            salutation: None,
            closing: None,
            interjections: NONE,
            kept: &["10月13日，全国县域经济发展座谈会在北京召开。会议指出", "新华社记者在会场看到"],
        },
    );
}

#[test]
fn news_page_with_reporter_editor_note_and_menus() {
    let a = check(
        include_str!("fixtures/chrome-news-page.txt"),
        Expect {
            body: ("同志们：", "谢谢大家！"),
            removed: &[
                ("navigation", "首页 > 新闻中心 > 要闻"),
                ("byline", "人民日报记者 赵六 钱七"),
                ("editor-note", "编者按："),
                ("byline", "作者：赵六 钱七"),
                ("byline", "责任编辑：孙八"),
                ("navigation", "打印本页 关闭窗口"),
                ("related", "延伸阅读"),
                ("related", "市政府常务会议"),
                ("related", "Copyright"),
            ],
            title: None,
            salutation: Some("同志们："),
            closing: Some("我的讲话就到这里，谢谢大家！"),
            interjections: NONE,
            kept: &["第一时间把会议精神传达下去", "第一书记们"],
        },
    );
    let markers: Vec<&str> = a.outline.sections.iter().map(|s| s.marker.as_str()).collect();
    assert_eq!(markers, ["第一，", "第二，", "第三，"], "第一时间 and 第一书记 number nothing");
}

#[test]
fn flattened_page_on_one_line() {
    let a = check(
        include_str!("fixtures/chrome-flattened.txt"),
        Expect {
            body: ("同志们：", "谢谢大家！"),
            removed: &[("editor-note", "职场文秘网 首页 > 心得体会"), ("tags", "Tags: 县域经济")],
            title: None,
            salutation: Some("同志们："),
            closing: Some("发言完毕，不当之处，请同志们批评指正，谢谢大家！"),
            interjections: NONE,
            kept: &["县域经济是国民经济的基本单元"],
        },
    );
    let outline: Vec<(&str, usize)> =
        a.outline.sections.iter().map(|s| (s.marker.as_str(), s.children.len())).collect();
    assert_eq!(outline, [("第一，", 0), ("第二，", 0), ("第四，", 3)]);
    assert!(!a.terms.iter().any(|t| t.term == "小编" || t.term == "标签列表"));
}

#[test]
fn speech_without_salutation_keeps_its_mid_speech_address_and_its_last_paragraph() {
    check(
        include_str!("fixtures/chrome-speech-no-salutation.txt"),
        Expect {
            body: ("县域经济是国民经济的基本单元", "及时总结推广。"),
            removed: &[("title", "县域经济发展专题研讨交流材料")],
            title: Some("县域经济发展专题研讨交流材料"),
            salutation: None,
            closing: None,
            interjections: NONE,
            kept: &["同志们：这几年的经验告诉我们", "虚心听取群众的批评指正", "来源于群众的智慧"],
        },
    );
}

#[test]
fn salutations_closings_and_interjections_in_their_usual_forms() {
    for (text, salutation, closing, interjections) in [
        (
            "尊敬的主席先生，各位来宾：\n今天我们相聚在这里，共同探讨合作发展的大计。\n女士们、先生们、朋友们！\n我们愿同各方一道，携手推进互利共赢。\n谢谢！",
            "尊敬的主席先生，各位来宾：",
            "谢谢！",
            &["女士们、先生们、朋友们！"][..],
        ),
        (
            "各位领导、同志们：\n按照会议安排，我就县域经济发展谈点认识。我们坚持产业立县不动摇。女士们、先生们、朋友们！我们愿同各方携手前行。\n以上汇报，不当之处，请各位领导批评指正。",
            "各位领导、同志们：",
            "以上汇报，不当之处，请各位领导批评指正。",
            &["女士们、先生们、朋友们！"][..],
        ),
        (
            "同志们：今天我们召开全县经济工作会议，主要任务是总结工作、部署任务。同志们！要把思想统一到会议精神上来。我的发言完毕。谢谢大家！",
            "同志们：",
            "我的发言完毕。谢谢大家！",
            &["同志们！"][..],
        ),
        (
            "女士们、先生们、朋友们！\n很高兴同大家相聚在美丽的湘江之畔，共同出席这次博览会。\n朋友们！\n让我们携手努力，共创美好未来。谢谢各位！",
            "女士们、先生们、朋友们！",
            "谢谢各位！",
            &["朋友们！"][..],
        ),
        (
            "各位代表：\n我们要把人民群众的期盼作为努力方向，把群众满意作为工作标准。\n谢谢大家！祝大家新年快乐！",
            "各位代表：",
            "谢谢大家！祝大家新年快乐！",
            &[][..],
        ),
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        let o = &a.outline;
        assert_eq!(o.salutation.as_ref().map(|p| p.text.as_str()), Some(salutation), "{text}");
        assert_eq!(o.closing.as_ref().map(|p| p.text.as_str()), Some(closing), "{text}");
        let got: Vec<&str> = o.interjections.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, interjections, "{text}");
        assert!(a.removed.is_empty(), "{text}: {:?}", a.removed);
        assert_eq!(slice(text, a.body.start, a.body.end), text, "the whole text is speech");
    }
}

#[test]
fn a_short_greeting_opens_a_speech_without_salutation() {
    check(
        "在全县干部大会上的讲话\n大家好！\n今天我们召开全县干部大会，主要任务是统一思想、凝聚共识、部署工作。\n谢谢！",
        Expect {
            body: ("大家好！", "谢谢！"),
            removed: &[("title", "在全县干部大会上的讲话")],
            title: Some("在全县干部大会上的讲话"),
            salutation: None,
            closing: Some("谢谢！"),
            interjections: NONE,
            kept: &["大家好！"],
        },
    );
}

#[test]
fn good_wishes_after_the_thanks_stay_in_the_closing() {
    check(
        "同志们：\n今年以来，全县上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。\n谢谢大家！\n祝大家新春愉快、阖家幸福！\n（责任编辑：王宁）",
        Expect {
            body: ("同志们：", "阖家幸福！"),
            removed: &[("byline", "（责任编辑：王宁）")],
            title: None,
            salutation: Some("同志们："),
            closing: Some("谢谢大家！\n祝大家新春愉快、阖家幸福！"),
            interjections: NONE,
            kept: &["祝大家新春愉快"],
        },
    );
}

#[test]
fn a_closing_phrase_mid_paragraph_closes_nothing() {
    let text = "同志们：我们要虚心听取群众的批评指正，不断改进工作作风。要把群众的好经验好做法及时总结推广，形成推动发展的强大合力，以实际行动回应群众期盼。";
    let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
    assert!(a.outline.closing.is_none(), "{:?}", a.outline.closing);
    assert_eq!(slice(text, a.body.start, a.body.end), text);
}

#[test]
fn keep_removed_analyses_everything() {
    let text = include_str!("fixtures/wire-speech.txt");
    let options = Options { keep_removed: true, ..Options::default() };
    let a = Analyzer::new().analyze(text, &options).expect("analyses");
    assert!(a.removed.is_empty());
    assert_eq!((a.body.start, a.body.end), (0, text.encode_utf16().count() as u32));
}

#[test]
fn news_lead_before_the_speech_it_prints() {
    let a = check(
        include_str!("fixtures/wire-lead.txt"),
        Expect {
            body: ("同志们：", "撸起袖子加油干！"),
            removed: &[
                ("title", "在全市县域经济工作推进会上的讲话"),
                ("byline", "来源：市政府网站"),
                ("lead", "10月13日，全市县域经济工作推进会召开"),
            ],
            title: Some("在全市县域经济工作推进会上的讲话"),
            salutation: Some("同志们："),
            closing: None,
            interjections: NONE,
            kept: &["同志们，发展县域经济使命光荣"],
        },
    );
    let announced = a.outline.announced.as_ref().map(|n| (n.text.as_str(), n.count));
    assert_eq!(announced, Some(("讲两点", Some(2))));
    assert_eq!(a.outline.sections.len(), 3);
}

/// Where a chrome line is put in a short speech.
#[derive(Clone, Copy, Debug)]
enum At {
    Before,
    Inside,
    After,
}

/// A short speech with `line` put before, between or after its paragraphs.
fn speech_with(line: &str, at: At) -> String {
    let paragraphs = [
        "同志们：",
        "今年以来，全县上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，发展质量持续提升。",
        "我们要坚定信心、真抓实干，推动县域经济高质量发展不断取得新成效，以优异成绩迎接新的一年。",
    ];
    let mut lines: Vec<&str> = paragraphs.to_vec();
    let index = match at {
        At::Before => 0,
        At::Inside => 2,
        At::After => 3,
    };
    lines.insert(index, line);
    lines.join("\n")
}

#[test]
fn each_chrome_shape_is_removed_with_its_kind() {
    use At::*;
    for (kind, line, at) in [
        ("navigation", "当前位置：首页 > 新闻 > 正文", Before),
        ("navigation", "欢迎访问县人民政府网站！", Before),
        ("timestamp", "2023年12月28日 12:54", Before),
        ("byline", "来源：新华网", Before),
        ("byline", "2023-10-13 09:30 来源：人民网 作者：张三", Before),
        ("byline", "本报记者 王五", Before),
        ("byline", "新华社记者张三、李四", Before),
        ("dateline", "本报讯（记者 王五）", Before),
        ("dateline", "央视网消息（新闻联播）：", Before),
        ("dateline", "新华社北京10月13日电 题：在全县经济工作会议上的讲话", Before),
        ("editor-note", "【编者按】这是县委书记在全县经济工作会议上的讲话。", Before),
        ("editor-note", "原标题：坚定信心 真抓实干", Before),
        ("navigation", "[打印本页] [关闭窗口]", After),
        ("navigation", "分享到：微信 微博", After),
        ("navigation", "Copyright © 2023 县政府 版权所有", After),
        ("tags", "标签：县域经济 高质量发展", After),
        ("byline", "（责任编辑：王宁）", After),
        ("byline", "【责任编辑：王宁】", Inside),
        ("caption", "（新华社记者 李学仁 摄）", Inside),
        ("caption", "新华社发（张三 摄）", Inside),
        ("caption", "12月28日，全县经济工作会议召开。本报记者 张三摄", Inside),
        ("caption", "会议现场。（视觉中国供图）", Inside),
        ("caption", "▲ 12月28日拍摄的会场。", Inside),
        ("caption", "（图片来源：县融媒体中心）", Inside),
        ("related", "【延伸阅读】", After),
        // Whole pages copied with select-all: players, share bars, publication lines, hot words,
        // footers and menus, wherever they stand.
        ("navigation", "点击观看视频", Inside),
        ("navigation", "收听本文　00:00/00:00", Inside),
        ("navigation", "微信扫一扫", Inside),
        ("navigation", "分享　收藏　打印　纠错", Inside),
        ("navigation", "分享　收藏　打印　纠错", After),
        ("byline", "发布时间：2019年5月1日 22:18 来源：某某社 编辑：某某", After),
        ("byline", "责任编辑：某某", After),
        ("tags", "热词：乡村振兴　高质量发展", After),
        ("navigation", "关于我们　联系我们　网站地图", After),
        ("navigation", "最新　热搜　某某全会　学习教育　专题", Before),
    ] {
        let text = speech_with(line, at);
        let a = Analyzer::new().analyze(&text, &Options::default()).expect("analyses");
        let removed: Vec<(String, &str)> = a.removed.iter().map(|r| (kind_name(r.kind), r.text.as_str())).collect();
        assert_eq!(removed, [(kind.to_string(), line)], "{line} {at:?}");
        assert!(slice(&text, a.body.start, a.body.end).starts_with("同志们："), "{line}");
    }
}

#[test]
fn speech_that_looks_like_chrome_stays() {
    use At::*;
    for (line, at) in [
        ("来源于人民群众的实践，是我们一切工作的根本出发点和落脚点。", After),
        ("来源：这句话出自县志，我们要记住它。", Inside),
        ("新华社记者采访时，群众说出了心里话。", Inside),
        ("2023年12月，我们召开了全县经济工作会议，部署了明年的重点任务。", Inside),
        ("10月13日电视台播出了我县的专题报道，反响很好。", Inside),
        ("据新华社消息，全国经济运行稳中向好。", Inside),
        ("图书馆、文化馆要免费开放，让群众共享文化成果。", Inside),
        ("同志们！", Inside),
        ("最后，祝大家新年快乐！", After),
        ("首先要明白这个道理。", After),
    ] {
        let text = speech_with(line, at);
        let a = Analyzer::new().analyze(&text, &Options::default()).expect("analyses");
        assert!(a.removed.is_empty(), "{line}: {:?}", a.removed);
        assert_eq!(slice(&text, a.body.start, a.body.end), text, "{line}");
    }
}

/// A news copy flattened onto one line, as people's-daily reprints paste: title, date line and
/// byline run into the salutation, a captioned photo credit stands right before 第二, a source
/// line and a newspaper's line close it.
#[test]
fn flattened_news_copy_with_a_credit_before_a_marker() {
    let text = "在全市乡村振兴工作会议上的讲话（2024年3月6日）王建国同志们：今年是全面推进乡村振兴的关键一年，\
                任务艰巨繁重，我讲两点意见。第一，抓好粮食生产，稳住农业基本盘。\
                2024年2月20日，王建国在某县调研春耕生产。 本报记者 李明/摄第二，推进产业发展，拓宽农民增收渠道。\
                谢谢大家。（新华社北京3月6日电）《 人民日报 》（ 2024年03月07日 02 版）";
    let a = check(
        text,
        Expect {
            body: ("同志们：", "谢谢大家。"),
            removed: &[
                ("title", "在全市乡村振兴工作会议上的讲话"),
                ("date-line", "（2024年3月6日）"),
                ("byline", "王建国"),
                ("caption", "2024年2月20日，王建国在某县调研春耕生产。 本报记者 李明/摄"),
                ("dateline", "（新华社北京3月6日电）"),
                ("byline", "《 人民日报 》"),
            ],
            title: Some("在全市乡村振兴工作会议上的讲话"),
            salutation: Some("同志们："),
            closing: Some("谢谢大家。"),
            interjections: NONE,
            kept: &["第一，抓好粮食生产", "第二，推进产业发展"],
        },
    );
    let markers: Vec<&str> = a.outline.sections.iter().map(|s| s.marker.as_str()).collect();
    assert_eq!(markers, ["第一，", "第二，"]);
    assert!(a.outline.issues.is_empty(), "{:?}", a.outline.issues);
}

/// Paragraphs run together with ideographic spaces count as paragraphs.
#[test]
fn flattened_paragraphs_are_counted() {
    let text = "同志们：\u{3000}\u{3000}今天我们召开会议，研究部署全年工作。\u{3000}\u{3000}\
                一要统一思想，提高认识。\u{3000}\u{3000}二要狠抓落实，务求实效。";
    let a = check(
        text,
        Expect {
            body: ("同志们：", "务求实效。"),
            removed: &[],
            title: None,
            salutation: Some("同志们："),
            closing: None,
            interjections: NONE,
            kept: &["今天我们召开会议"],
        },
    );
    assert_eq!(a.stats.paragraphs, 4);
}

/// A page whose site name and menu stand above the headline, a dated line under it, a news lead,
/// paragraphs joined by `　　`, a photo credit between two parts and an editor's line at the foot:
/// the title is the speech's, never the site's, and the speech keeps every paragraph.
#[test]
fn site_name_above_the_headline_of_a_flattened_copy() {
    let text = include_str!("fixtures/news-copy-flattened.txt");
    let a = check(
        text,
        Expect {
            body: ("同志们：", "谢谢大家。"),
            removed: &[
                ("navigation", "河西日报网 首页"),
                ("title", "在全市乡村振兴工作会议上的讲话"),
                ("date-line", "——2024年3月6日"),
                ("dateline", "河西日报讯"),
                ("lead", "3月6日，全市乡村振兴工作会议召开。"),
                ("caption", "2024年2月20日，王建国在某县调研春耕生产。"),
                ("byline", "（责任编辑：张华）"),
            ],
            title: Some("在全市乡村振兴工作会议上的讲话"),
            salutation: Some("同志们："),
            closing: Some("谢谢大家。"),
            interjections: NONE,
            kept: &["同志们，乡村振兴任重道远。"],
        },
    );
    // 同志们： 今年… 一、 粮食… 二、 要做强… 三、 各级… 同志们，… 谢谢大家。
    assert_eq!(a.stats.paragraphs, 10);
}

/// A news lead that announces a letter, the letter to its addressee, its signature and date on
/// lines of their own, and the report going on after it: only the letter is speech.
#[test]
fn lead_then_letter_then_the_report_again() {
    let text = "\u{3000}\u{3000}新华社北京3月1日电\u{3000}国家主席王建国日前给某县实验小学的孩子们回信，勉励他们好好学习。回信全文如下：\
                某县实验小学的孩子们：\u{3000}\u{3000}你们好！来信收到了。得知你们在学校里学知识、练本领，我很高兴。\
                \u{3000}\u{3000}希望你们珍惜时光，努力学习，长大后为祖国作贡献。\u{3000}\u{3000}王建国\u{3000}\u{3000}2024年2月28日\
                \u{3000}\u{3000}某县实验小学地处山区，学生大多来自农村家庭。近日，孩子们给王建国写信，汇报学习生活情况。";
    let a = check(
        text,
        Expect {
            body: ("某县实验小学的孩子们：", "为祖国作贡献。"),
            removed: &[
                ("dateline", "新华社北京3月1日电"),
                ("lead", "国家主席王建国日前"),
                ("signature", "王建国"),
                ("signature", "2024年2月28日"),
                ("report", "某县实验小学地处山区"),
            ],
            title: None,
            salutation: Some("某县实验小学的孩子们："),
            closing: None,
            interjections: NONE,
            kept: &["你们好！"],
        },
    );
    assert_eq!(a.stats.paragraphs, 3);
}

/// The fixtures bring out most kinds of chrome (`RemovedKind`: its TypeScript union is generated
/// from the enum, so the two cannot drift apart).
#[test]
fn the_fixtures_bring_out_most_kinds_of_chrome() {
    let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).expect("fixtures");
    let mut seen = std::collections::HashSet::new();
    for entry in fixtures {
        let text = std::fs::read_to_string(entry.expect("a fixture").path()).expect("UTF-8");
        let a = Analyzer::new().analyze(&text, &Options::default()).expect("analyses");
        seen.extend(a.removed.iter().map(|r| r.kind));
    }
    assert!(seen.len() >= 10, "the fixtures show most kinds: {seen:?}");
}

// Shapes other sites print (issue 24), each written here in the shape, never copied.

/// The closing paragraphs of the written addresses below.
const ADDRESS: &str = "冬去春来，我们即将告别旧岁，迎来新年。在这辞旧迎新的时刻，我向全国各族人民致以新年的美好祝福！\
                       \u{3000}\u{3000}这一年，我们一起走过了许多不平凡的日子，农业喜获丰收，科技不断突破，城乡面貌日新月异。\
                       \u{3000}\u{3000}谢谢大家！";

/// A photo caption's sentence at the very top, a dateline, a lead announcing the text: the
/// address opens at 大家好！, and nothing of it is removed.
#[test]
fn caption_before_the_dateline_then_a_lead_announcing_the_address() {
    let text = format!(
        "新年前夕，国家主席王建国通过广播电视和互联网发表新年贺词。新华社记者 李明 摄\u{3000}\u{3000}\
         新华社北京12月31日电\u{3000}新年前夕，国家主席王建国发表新年贺词，全文如下：\u{3000}\u{3000}大家好！{ADDRESS}"
    );
    check(
        &text,
        Expect {
            body: ("大家好！", "谢谢大家！"),
            removed: &[
                ("caption", "新年前夕，国家主席王建国通过"),
                ("dateline", "新华社北京12月31日电"),
                ("lead", "新年前夕，国家主席王建国发表新年贺词，全文如下："),
            ],
            title: None,
            salutation: None,
            closing: Some("谢谢大家！"),
            interjections: NONE,
            kept: &["大家好！冬去春来", "城乡面貌日新月异"],
        },
    );
}

/// A news lead that says what the speaker did, in words no other lead used, then a credit, then
/// the salutation: the lead is chrome and the salutation found.
#[test]
fn leads_in_other_words_before_the_salutation() {
    for (lead, credit) in [
        ("国家主席王建国在北京出席某合作论坛开幕式，并发表题为《携手共创美好未来》的主旨讲话。", "新华社记者 李明 摄"),
        ("国务院总理李国强在某经贸合作大会开幕式上作主旨发言，介绍中国经济发展前景。", "新华社记者 刘洋 摄"),
        ("国家主席王建国在某国立大学发表重要演讲，阐述中方对合作的看法。", "新华社发"),
        ("国家主席王建国在欢迎宴会上发表了热情洋溢的讲话。", "新华社记者 刘洋 摄"),
        ("国务院总理李国强在人民大会堂金色大厅会见记者，并回答记者提问。", "新华社记者 李明 摄"),
        ("国务院总理李国强代表国务院向大会作报告，全面回顾过去一年的工作。", "新华社记者 刘洋 摄"),
    ] {
        let text =
            format!("{lead}{credit}尊敬的王总统，各位同事：\u{3000}\u{3000}很高兴同大家相聚，共商合作大计。{ADDRESS}");
        check(
            &text,
            Expect {
                body: ("尊敬的王总统，各位同事：", "谢谢大家！"),
                removed: &[("lead", lead), ("caption", credit)],
                title: None,
                salutation: Some("尊敬的王总统，各位同事："),
                closing: Some("谢谢大家！"),
                interjections: NONE,
                kept: &["很高兴同大家相聚"],
            },
        );
    }
}

/// Speech before a re-address keeps its place: a paragraph that speaks of a speech (it says 我们,
/// which no news lead says), a greeting run into the salutation or into a numbered part.
#[test]
fn speech_before_a_readdress_is_no_lead() {
    for text in [
        "今天，我们认真学习了总书记在座谈会上的重要讲话。\n同志们：\n要把讲话精神落到实处，推动各项工作取得新成效。",
        "大家好！同志们：\u{3000}\u{3000}同志们：\n要把讲话精神落到实处，推动各项工作取得新成效。",
        "大家好！一、关于前一段工作\u{3000}\u{3000}同志们：\n要把讲话精神落到实处，推动各项工作取得新成效。",
    ] {
        let a = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        assert_eq!(slice(text, a.body.start, a.body.end), text);
        assert!(a.removed.is_empty(), "{:?}", a.removed);
    }
}

/// A lead ending `全文如下：` before a speech without salutation is no part of it; a reporters'
/// byline with 、 is chrome.
#[test]
fn a_lead_announcing_the_text_and_a_byline_of_two_names() {
    let text = "新华社北京3月1日电\n（记者张三、李四）\n王建国在全市干部大会上发表讲话，讲话全文如下：\n\
                今天，我们召开全市干部大会，主要任务是统一思想、凝聚共识、部署工作。\n要把各项任务落到实处，以优异成绩迎接新的一年。";
    check(
        text,
        Expect {
            body: ("今天，我们召开", "迎接新的一年。"),
            removed: &[
                ("dateline", "新华社北京3月1日电"),
                ("byline", "（记者张三、李四）"),
                ("lead", "王建国在全市干部大会上发表讲话"),
            ],
            title: None,
            salutation: None,
            closing: None,
            interjections: NONE,
            kept: &["今天，我们召开全市干部大会"],
        },
    );
}

/// Heads printed as lines, or run on from a credit or a dateline, each before its salutation.
#[test]
fn heads_before_the_salutation_in_other_layouts() {
    let speech =
        "\u{3000}\u{3000}今天，我们在这里隆重集会，共同回顾走过的不平凡历程，展望美好未来。\u{3000}\u{3000}谢谢大家！";
    for (head, removed, title, salutation) in [
        (
            // A byline on its own line, ended by one newline.
            "在全省民营经济发展大会上的讲话\n（2024年5月1日）\n主席　王建国\n同志们，朋友们：",
            &[
                ("title", "在全省民营经济发展大会上的讲话"),
                ("date-line", "（2024年5月1日）"),
                ("byline", "主席　王建国"),
            ][..],
            "在全省民营经济发展大会上的讲话",
            "同志们，朋友们：",
        ),
        (
            // A head run on from a credit.
            "2024年1月1日，新年茶话会在北京举行。新华社记者 李明 摄在新年茶话会上的讲话（2024年1月1日）王建国同志们，朋友们：",
            &[
                ("caption", "2024年1月1日，新年茶话会在北京举行。新华社记者 李明 摄"),
                ("title", "在新年茶话会上的讲话"),
                ("date-line", "（2024年1月1日）"),
                ("byline", "王建国"),
            ][..],
            "在新年茶话会上的讲话",
            "同志们，朋友们：",
        ),
        (
            // A headline as its own paragraph between the dateline and the subtitle.
            "新华社北京6月1日电\u{3000}\u{3000}携手共促发展\u{3000}\u{3000}——在某合作峰会上的讲话（2024年6月1日，北京）\
             中华人民共和国主席　王建国尊敬的王总统，各位同事：",
            &[
                ("dateline", "新华社北京6月1日电"),
                ("title", "携手共促发展"),
                ("subtitle", "——在某合作峰会上的讲话"),
                ("date-line", "（2024年6月1日，北京）"),
                ("byline", "中华人民共和国主席　王建国"),
            ][..],
            "携手共促发展",
            "尊敬的王总统，各位同事：",
        ),
        (
            // Title, byline and salutation run together, with no date.
            "关于《中共中央关于某某问题的决定》的说明王建国同志们：",
            &[("title", "关于《中共中央关于某某问题的决定》的说明"), ("byline", "王建国")][..],
            "关于《中共中央关于某某问题的决定》的说明",
            "同志们：",
        ),
        (
            // A byline glued to the salutation on a line of its own.
            "在某合作论坛开幕式上的主旨演讲\n（2024年6月1日，北京）\n中华人民共和国主席　王建国女士们，先生们，朋友们：",
            &[
                ("title", "在某合作论坛开幕式上的主旨演讲"),
                ("date-line", "（2024年6月1日，北京）"),
                ("byline", "中华人民共和国主席　王建国"),
            ][..],
            "在某合作论坛开幕式上的主旨演讲",
            "女士们，先生们，朋友们：",
        ),
    ] {
        let text = format!("{head}{speech}");
        check(
            &text,
            Expect {
                body: (salutation, "谢谢大家！"),
                removed,
                title: Some(title),
                salutation: Some(salutation),
                closing: Some("谢谢大家！"),
                interjections: NONE,
                kept: &["今天，我们在这里隆重集会"],
            },
        );
    }
}

/// Salutations whose addressees carry no 尊敬的 or 各位, open with a titled guest, run across a
/// flattened break, or join two addressees with 和.
#[test]
fn salutations_of_other_shapes_are_found_whole() {
    for salutation in [
        "尊敬的各国领导人，各位国际组织负责人，各国代表，各位来宾，朋友们：",
        "总统先生，各位同事：",
        "行政长官李家明先生，各位嘉宾，女士们，先生们：",
        "女士们，先生们，\u{3000}\u{3000}同志们，朋友们：",
        "尊敬的各位国家元首、政府首脑和国际组织代表，同志们：",
    ] {
        let text = format!("在某大会上的致辞\n{salutation}\u{3000}\u{3000}很高兴同大家相聚，共商合作大计。{ADDRESS}");
        let a = Analyzer::new().analyze(&text, &Options::default()).expect("analyses");
        assert_eq!(a.outline.salutation.as_ref().map(|p| p.text.as_str()), Some(salutation), "{text}");
        assert!(slice(&text, a.body.start, a.body.end).starts_with(salutation));
    }
}

/// A whole page copied with select-all: the site's menus (words apart, one word a line), a
/// headline in two lines (a kicker over the main line), the publication line, a video and an
/// audio player, a share bar inside and after the article, an editor, hot words, related links
/// and a footer. Only the report is left; its title is the main line of the headline.
#[test]
fn whole_page_copied_with_select_all() {
    check(
        include_str!("fixtures/chrome-whole-page.txt"),
        Expect {
            body: ("5月1日，全省乡村振兴工作会议在省城召开。", "参加会议。"),
            removed: &[
                ("navigation", "河西新闻网"),
                ("navigation", "最新　热搜"),
                ("navigation", "要闻"),
                ("navigation", "时政"),
                ("navigation", "评论"),
                ("navigation", "当前位置：首页"),
                ("subtitle", "王建国在全省乡村振兴工作会议上强调"),
                ("title", "坚定不移推进乡村全面振兴高质量发展"),
                ("byline", "2024-05-01 22:18:05　来源：河西日报"),
                ("navigation", "点击观看视频"),
                ("navigation", "收听本文"),
                ("timestamp", "00:00/00:00"),
                ("dateline", "河西日报讯（记者 张三）"),
                ("navigation", "微信扫一扫"),
                ("navigation", "分享　收藏　打印　纠错"),
                ("byline", "发布时间：2024年5月1日 22:18"),
                ("byline", "【责任编辑：赵六】"),
                ("tags", "热词："),
                ("related", "相关新闻"),
                ("related", "全省春耕生产现场会"),
                ("related", "关于我们"),
                ("related", "河西新闻网版权所有"),
                ("related", "京ICP备01234567号-1"),
            ],
            title: Some("坚定不移推进乡村全面振兴高质量发展"),
            salutation: None,
            closing: None,
            interjections: NONE,
            kept: &["省委书记王建国出席会议并讲话。", "王建国强调，要坚持农业农村优先发展"],
        },
    );
}

/// The title is the article's headline: not a menu line, not the kicker above it, not a sentence
/// of the body, not another article's headline listed above it.
#[test]
fn the_title_is_the_headline() {
    for (page, title) in [
        ("要闻\n时政\n在全市干部大会上的讲话\n来源：市政府网站\n同志们：", "在全市干部大会上的讲话"),
        ("王建国在全市干部大会上强调\n凝心聚力推动高质量发展\n同志们：", "凝心聚力推动高质量发展"),
        (
            "热点推荐：全市春耕生产现场会在某县召开并部署下一步工作\n在全市干部大会上的讲话\n2024-05-01 09:30 来源：市政府网站\n同志们：",
            "在全市干部大会上的讲话",
        ),
    ] {
        let text = format!("{page}\n今天，我们召开全市干部大会，主要任务是统一思想、凝聚共识、部署工作。");
        let a = Analyzer::new().analyze(&text, &Options::default()).expect("analyses");
        assert_eq!(a.outline.title.as_ref().map(|p| p.text.as_str()), Some(title), "{text}");
        assert!(slice(&text, a.body.start, a.body.end).starts_with("同志们："), "{text}");
    }
}

#[test]
fn a_speech_that_names_a_work_report_in_its_first_sentence_is_no_news_lead() {
    // 工作报告 ends in the lead word 作报告; asked to review it, the chair is speaking, not reporting.
    check(
        include_str!("fixtures/chrome-work-report-named-in-speech.txt"),
        Expect {
            body: ("现在请大家审议市政府工作报告。", "及时向常委会报告办理情况。"),
            removed: &[("title", "在市人大常委会第二十次会议上的讲话")],
            title: Some("在市人大常委会第二十次会议上的讲话"),
            salutation: None,
            closing: None,
            interjections: NONE,
            kept: &["现在请大家审议市政府工作报告。", "同志们：今年以来"],
        },
    );
}
