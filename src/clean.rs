//! Finds the speech inside pasted text: where it starts and ends, and what around and inside it
//! is page chrome (menus, timestamps, editor notes, repeated titles, tags, wire-service lines).
//!
//! Every rule is a row of a table with a real example of what it catches. Rules look at whole
//! lines (or, for datelines, a line's head), never at words inside a sentence, so a speech that
//! quotes a date or mentions 新华社 keeps its text.

use crate::text::{self, is_han, is_sentence_end};
use std::ops::Range;

/// What a located piece of the document is, as `Removed.kind` names it.
pub type Kind = &'static str;

/// A line rule: the kind of chrome it catches, a real example, and the test.
struct LineRule {
    kind: Kind,
    // Documentation the tests hold each rule to.
    #[cfg_attr(not(test), allow(dead_code))]
    example: &'static str,
    matches: fn(&str) -> bool,
}

/// Chrome that only ever stands outside the speech (before its start or after its end).
const OUTSIDE_RULES: &[LineRule] = &[
    LineRule { kind: "navigation", example: "首页 > 心得体会 > 学习材料 / 正文", matches: is_breadcrumb },
    LineRule { kind: "timestamp", example: "2023-12-28 12:54:02", matches: is_timestamp },
    LineRule {
        kind: "editor-note", example: "下面是小编为大家整理的…,供大家参考。", matches: is_editor_note
    },
    LineRule { kind: "tags", example: "Tags: 相关领导在…交流发言   会上   党组", matches: is_tags },
    LineRule {
        kind: "navigation", example: "搜索 / 网站分类 / 标签列表 / 上一篇：…", matches: is_menu
    },
    LineRule {
        kind: "byline", example: "来源：人民网  作者：张三  责任编辑：李四", matches: is_source_line
    },
    LineRule {
        kind: "navigation",
        example: "Copyright © 2023 职场文秘网 版权所有 京ICP备12345678号",
        matches: is_footer,
    },
];

/// Chrome that may stand inside the speech too: whole lines a news page puts between paragraphs.
const INSIDE_RULES: &[LineRule] = &[
    LineRule { kind: "caption", example: "新华社记者 王晔 摄", matches: is_photo_credit },
    LineRule { kind: "byline", example: "（责任编辑：王宁）", matches: is_editor_credit },
];

/// How a speech opens by addressing its audience; the line ends with a colon.
const SALUTATIONS: &[&str] = &[
    "同志们",   // 同志们：
    "各位代表", // 各位代表：
    "各位委员", // 各位委员：
    "各位来宾", // 尊敬的…，各位来宾：
    "尊敬的",   // 尊敬的各位领导：
    "各位领导", // 各位领导、同志们：
    "女士们",   // 女士们、先生们：
    "亲爱的",   // 亲爱的同学们：
    "同学们",   // 同学们：
    "朋友们",   // 朋友们：
];

/// How a speech signs off; the last line holding one of these ends the body.
const CLOSINGS: &[&str] = &[
    "谢谢大家", // 发言完毕，不当之处，请同志们批评指正，谢谢大家！
    "谢谢各位", // 谢谢各位！
    "发言完毕", // 我的发言完毕。
    "批评指正", // 不当之处，请批评指正。
    "谢谢！",   // 谢谢！
];

/// Mid-speech re-addresses of the audience: a line or sentence that is only a salutation, with !
const INTERJECTION_ENDS: &[char] = &['！', '!'];

/// Where the speech is, what is not speech, and the document's named parts; byte ranges into the text.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub body: Range<usize>,
    pub removed: Vec<(Kind, Range<usize>)>,
    pub title: Option<Range<usize>>,
    pub salutation: Option<Range<usize>>,
    pub closing: Option<Range<usize>>,
    pub interjections: Vec<Range<usize>>,
}

impl Cleaned {
    /// The same parts, with nothing left out: for analysing the chrome too.
    pub fn without_removed(self) -> Cleaned {
        Cleaned { removed: Vec::new(), ..self }
    }
}

/// Finds the body of the speech in `text` and the chrome to leave out.
pub fn clean(text: &str) -> Cleaned {
    let lines: Vec<Range<usize>> = text::lines(text).collect();
    let line = |i: usize| &text[lines[i].clone()];
    let outside_kind = |s: &str| OUTSIDE_RULES.iter().find(|r| (r.matches)(s)).map(|r| r.kind);

    let salutation = lines.iter().position(|r| salutation_len(&text[r.clone()]).is_some());
    let first = salutation.or_else(|| (0..lines.len()).find(|&i| outside_kind(line(i)).is_none() && is_prose(line(i))));
    let Some(first) = first else {
        return Cleaned { body: 0..text.len(), ..Cleaned::default() };
    };
    let closing = (first..lines.len()).rev().find(|&i| CLOSINGS.iter().any(|c| line(i).contains(c)));
    let last = closing
        .unwrap_or_else(|| (first..lines.len()).rev().find(|&i| outside_kind(line(i)).is_none()).unwrap_or(first));

    let mut cleaned = Cleaned { body: lines[first].start..lines[last].end, ..Cleaned::default() };
    cleaned.salutation =
        salutation.and_then(|i| salutation_len(line(i)).map(|len| lines[i].start..lines[i].start + len));
    cleaned.closing = closing.map(|i| closing_clause(text, lines[i].clone()));

    // Before the body, of the lines no rule explains, the title is the one the page repeats most
    // (sites print it as heading, breadcrumb and caption), then the longest; the site's name loses.
    let unexplained: Vec<usize> = (0..first).filter(|&i| outside_kind(line(i)).is_none()).collect();
    let title = unexplained.iter().copied().max_by_key(|&i| {
        let repeats = unexplained.iter().filter(|&&j| same_title(line(i), line(j))).count();
        (repeats, line(i).chars().filter(|&c| is_han(c)).count(), std::cmp::Reverse(i))
    });
    cleaned.title =
        title.map(|i| lines[unexplained.iter().copied().find(|&j| same_title(line(i), line(j))).unwrap_or(i)].clone());
    for range in &lines[..first] {
        let line = &text[range.clone()];
        let kind = outside_kind(line).unwrap_or_else(|| match &cleaned.title {
            Some(t) if t.start == range.start => "title",
            Some(t) if same_title(&text[t.clone()], line) => "duplicate-title",
            _ => "navigation",
        });
        cleaned.removed.push((kind, range.clone()));
    }
    let mut inside = Vec::new();
    for (i, range) in lines.iter().enumerate().take(last + 1).skip(first) {
        let line = &text[range.clone()];
        if let Some(rule) = INSIDE_RULES.iter().find(|r| (r.matches)(line)) {
            inside.push((rule.kind, range.clone()));
        } else if i > first && is_interjection(line) {
            cleaned.interjections.push(range.clone());
        }
    }
    if let Some(len) = dateline_len(line(first)) {
        inside.push(("dateline", lines[first].start..lines[first].start + len));
    }
    cleaned.removed.extend(inside);
    for range in &lines[last + 1..] {
        cleaned.removed.push((outside_kind(&text[range.clone()]).unwrap_or("navigation"), range.clone()));
    }
    cleaned.removed.sort_by_key(|(_, r)| r.start);
    cleaned
}

/// A copy of `text` with everything outside `body` and inside `removed` blanked byte for byte
/// (newlines kept), so the analyses see only speech while their offsets still hold for `text`.
pub fn mask(text: &str, cleaned: &Cleaned) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut blank = |range: Range<usize>| {
        for b in &mut bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    blank(0..cleaned.body.start);
    blank(cleaned.body.end..text.len());
    for (_, range) in &cleaned.removed {
        blank(range.clone());
    }
    // Whole chars were replaced by ASCII spaces, so the bytes are still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Bytes of `line` that are the salutation, up to and including its colon.
fn salutation_len(line: &str) -> Option<usize> {
    let colon = line.find(['：', ':'])?;
    let head = &line[..colon];
    let short = head.chars().count() <= 40 && !head.contains(is_sentence_end);
    (short && SALUTATIONS.iter().any(|s| head.starts_with(s) || head.ends_with(s)))
        .then(|| colon + line[colon..].chars().next().map_or(0, char::len_utf8))
}

/// The closing's span: from the sentence that holds the first closing phrase to the line's end.
fn closing_clause(text: &str, line: Range<usize>) -> Range<usize> {
    let s = &text[line.clone()];
    let at = CLOSINGS.iter().filter_map(|c| s.find(c)).min().unwrap_or(0);
    let start = s[..at].rfind(is_sentence_end).map_or(0, |i| i + s[i..].chars().next().map_or(0, char::len_utf8));
    text::trim(text, line.start + start..line.end).unwrap_or(line)
}

/// A line that reads as running prose rather than a menu or a heading.
fn is_prose(line: &str) -> bool {
    line.chars().filter(|&c| is_han(c)).count() >= 20 && line.contains(|c| is_sentence_end(c) || c == '，' || c == ',')
}

fn is_interjection(line: &str) -> bool {
    line.ends_with(INTERJECTION_ENDS)
        && line.chars().count() <= 30
        && line
            .split(['、', '，', ',', '！', '!'])
            .filter(|p| !p.is_empty())
            .all(|p| p.ends_with('们') || p.ends_with("各位"))
}

/// Titles repeat with small changes (the sample adds 的): compare without spaces and 的.
fn same_title(title: &str, line: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|&c| !text::is_blank(c) && c != '的').collect::<String>();
    norm(title) == norm(line)
}

/// `首页 > 心得体会 > 学习材料 / 正文`, `当前位置：首页 > 新闻`.
fn is_breadcrumb(line: &str) -> bool {
    line.split(['>', '›', '»']).count() >= 3 && line.chars().count() < 80 && !line.contains(is_sentence_end)
}

/// A line that is only a date and/or a time: `2023-12-28 12:54:02`, `2023年12月28日 来源：…` is a source line.
fn is_timestamp(line: &str) -> bool {
    let digits = line.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && line.chars().count() <= 25
        && line.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '-' | '/' | ':' | '.' | ' ' | '年' | '月' | '日' | '时' | '分' | '秒' | '发' | '布' | '：'
                )
        })
}

/// `下面是小编为大家整理的…,供大家参考。`, `本文仅供参考`.
fn is_editor_note(line: &str) -> bool {
    ["小编", "供大家参考", "欢迎阅读", "仅供参考", "版权归原作者", "点击下载", "免费下载"]
        .iter()
        .any(|m| line.contains(m))
}

/// `Tags: …`, `标签：…`.
fn is_tags(line: &str) -> bool {
    let head = line.trim_start().to_lowercase();
    head.starts_with("tags") || head.starts_with("标签：") || head.starts_with("标签:") || head.starts_with("关键词：")
}

/// Site menus after the article: `搜索`, `网站分类`, `标签列表`, `上一篇：…`, `相关推荐`.
fn is_menu(line: &str) -> bool {
    const MENU: &[&str] = &[
        "搜索",
        "网站分类",
        "标签列表",
        "上一篇",
        "下一篇",
        "相关推荐",
        "相关文章",
        "热门文章",
        "最新文章",
        "返回顶部",
        "首页",
        "分享到",
        "打印本页",
        "关闭窗口",
        "【打印】",
        "【关闭】",
        "扫一扫",
    ];
    line.chars().count() <= 40 && MENU.iter().any(|m| line.starts_with(m))
}

/// `来源：人民网`, `作者：张三`, `责任编辑：李四`, `发布时间：…` (on a line of their own, before or after).
fn is_source_line(line: &str) -> bool {
    ["来源：", "来源:", "作者：", "作者:", "责任编辑", "编辑：", "发布时间", "浏览次数", "阅读量", "字号："]
        .iter()
        .any(|m| line.starts_with(m) || (line.chars().count() <= 60 && line.contains(m)))
}

/// Site footers: copyright and registration lines.
fn is_footer(line: &str) -> bool {
    ["版权所有", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备"].iter().any(|m| line.contains(m))
}

/// `新华社记者 王晔 摄`, `（新华社记者 李学仁 摄）`.
fn is_photo_credit(line: &str) -> bool {
    let core = line.trim_matches(['（', '）', '(', ')']);
    core.chars().count() <= 30 && (core.ends_with(" 摄") || core.ends_with("摄影")) && core.contains("记者")
}

/// `（责任编辑：王宁）`, `（完）`.
fn is_editor_credit(line: &str) -> bool {
    let core = line.trim_matches(['（', '）', '(', ')']);
    core == "完" || (core.chars().count() <= 20 && (core.starts_with("责任编辑") || core.starts_with("编辑")))
}

/// Bytes of a wire-service dateline at the head of the first paragraph:
/// `新华社北京10月13日电（记者张三）`; a date in a sentence is no dateline, since it lacks 电.
fn dateline_len(line: &str) -> Option<usize> {
    let dian = line.find("日电")? + "日电".len();
    let head = &line[..dian];
    if head.chars().count() > 25 || head.contains(is_sentence_end) || head.contains('，') {
        return None;
    }
    let rest = &line[dian..];
    let byline = ["（", "("]
        .iter()
        .find(|open| rest.starts_with(**open))
        .and_then(|_| {
            rest.find(['）', ')']).map(|close| close + rest[close..].chars().next().map_or(0, char::len_utf8))
        })
        .filter(|&len| rest[..len].contains("记者") && len <= 60)
        .unwrap_or(0);
    Some(dian + byline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        clean(text).removed.iter().map(|(k, r)| (*k, &text[r.clone()])).collect()
    }

    #[test]
    fn every_rule_catches_its_example() {
        for rule in OUTSIDE_RULES.iter().chain(INSIDE_RULES) {
            assert!((rule.matches)(rule.example), "{} misses {}", rule.kind, rule.example);
        }
    }

    #[test]
    fn sample_speech_body_runs_from_salutation_to_thanks() {
        let text = include_str!("../tests/fixtures/seed-speech.txt");
        let cleaned = clean(text);
        let body = &text[cleaned.body.clone()];
        assert!(body.starts_with("同志们:"), "{body:.20}");
        assert!(body.ends_with("谢谢大家!"));
        let title = &text[cleaned.title.unwrap()];
        assert_eq!(title, "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言");
        let got = kinds(text);
        for (kind, line) in [
            ("navigation", "职场文秘网"),
            ("navigation", "首页\u{a0}>\u{a0}心得体会\u{a0}>\u{a0}学习材料 / 正文"),
            ("timestamp", "2023-12-28 12:54:02"),
            ("duplicate-title", "相关领导在政府党组中心组“新质生产力”专题研讨会上的交流发言"),
            ("navigation", "标签列表"),
            ("title", "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言"),
        ] {
            assert!(got.contains(&(kind, line)), "{kind} {line} not in {got:?}");
        }
        assert!(got.iter().any(|(k, l)| *k == "tags" && l.starts_with("Tags:")));
        assert!(got.iter().any(|(k, l)| *k == "editor-note" && l.starts_with("下面是小编")));
        assert_eq!(&text[cleaned.salutation.unwrap()], "同志们:");
        assert_eq!(&text[cleaned.closing.unwrap()], "发言完毕,不当之处,请同志们批评指正,谢谢大家!");
    }

    #[test]
    fn wire_copy_loses_dateline_caption_and_editor_but_keeps_speech_that_mentions_them() {
        let text = "新华社北京10月13日电（记者张三）10月13日，会议在北京召开，新华社记者参加了报道，大家认为这次会议很重要。\n\
                    新华社记者 王晔 摄\n会议指出，要坚持高质量发展，全面推进乡村振兴，这是新华社报道的内容。\n（责任编辑：王宁）";
        let got = kinds(text);
        assert_eq!(
            got,
            [
                ("dateline", "新华社北京10月13日电（记者张三）"),
                ("caption", "新华社记者 王晔 摄"),
                ("byline", "（责任编辑：王宁）")
            ]
        );
    }

    #[test]
    fn text_without_chrome_is_all_body() {
        let text = "我们要坚持以人民为中心的发展思想，推动高质量发展，扎实推进共同富裕。";
        let cleaned = clean(text);
        assert_eq!(cleaned.body, 0..text.len());
        assert!(cleaned.removed.is_empty());
    }

    #[test]
    fn mask_keeps_offsets() {
        let text = "首页 > 新闻\n同志们：\n大家好。";
        let cleaned = clean(text);
        let masked = mask(text, &cleaned);
        assert_eq!(masked.len(), text.len());
        assert!(masked.trim_start().starts_with("同志们"));
    }
}
