//! The anatomy of a news copy: what a news site or newspaper prints around and inside a speech,
//! found inside paragraphs, since flattened pages run it together with the speech (`……讲话（2020年
//! 11月24日）习近平同志们：`, `……重要讲话。 新华社记者 鞠鹏/摄第一，……`).
//!
//! Each finder is a row of a table with a real example; `clean` cuts paragraphs at what they find
//! and removes only those pieces. A finder recognises a piece by its own shape (a credit ends in 摄,
//! a source line is a bracketed dateline), never by what is around it, so speech stays speech.

use crate::rules::Rule;
use crate::text::{is_blank, is_clause_break, is_han, is_sentence_end, short};
use std::ops::Range;

/// What a piece of chrome is, as `Removed.kind` names it.
pub use crate::model::RemovedKind as Kind;

/// A finder of pieces in a paragraph: every occurrence, as ranges of it.
type Finder = Rule<fn(&str) -> Vec<Range<usize>>, Kind>;

/// Pieces found anywhere in a paragraph: each finder finds its examples whole and nothing in its
/// counter-examples.
const FINDERS: &[Finder] = &[
    Rule {
        kind: Kind::Caption,
        catches: &["2020年3月6日，习近平在北京出席决战决胜脱贫攻坚座谈会并发表重要讲话。 新华社记者 鞠鹏/摄"],
        leaves: &["1月7日，我主持召开会议。摄影展很成功。", "新华社发布消息。"],
        find: captions,
    },
    Rule {
        kind: Kind::Dateline,
        catches: &["（新华社北京3月26日电）"],
        leaves: &["（今年10月13日电视台报道）", "（据统计，今年增长5%）"],
        find: source_lines,
    },
    Rule {
        kind: Kind::Byline,
        catches: &["《 人民日报 》（ 2020年03月27日 02 版）"],
        leaves: &["《人民日报》（评论员文章）"],
        find: newspaper_sources,
    },
    Rule {
        kind: Kind::Footnote,
        catches: &["※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。"],
        leaves: &["※重点提示"],
        find: footnotes,
    },
    Rule {
        kind: Kind::DateLine,
        catches: &["（2020年2月5日在中央全面依法治国委员会第三次会议上的讲话）"],
        leaves: &["今天（2020年9月8日）我们在这里隆重集会。"],
        find: date_lines,
    },
    Rule {
        kind: Kind::Signature,
        catches: &["习近平2020年8月30日"],
        leaves: &["会议定于2020年8月30日。"],
        find: signatures,
    },
    Rule {
        kind: Kind::Dateline,
        catches: &["新华社北京8月31日电"],
        leaves: &["今年10月13日电视台报道了这件事。"],
        find: datelines,
    },
];

/// The pieces of chrome inside `paragraph` (a range of `text`), in order, not overlapping; a
/// paragraph near the text's start is read for a head too (dateline, title, subtitle, date line,
/// byline). `opens_speech` says whether speech opens at the start of a string (a salutation).
pub fn pieces(
    text: &str,
    paragraph: Range<usize>,
    with_head: bool,
    opens_speech: impl Fn(&str) -> bool,
) -> Vec<(Option<Kind>, Range<usize>)> {
    let p = &text[paragraph.clone()];
    let mut found: Vec<(Option<Kind>, Range<usize>)> = Vec::new();
    for finder in FINDERS {
        for r in (finder.find)(p) {
            if !found.iter().any(|(_, f)| f.start < r.end && r.start < f.end) {
                found.push((Some(finder.kind), r));
            }
        }
    }
    // What a finder knows by its own shape (a newspaper's source line) wins over a head, which is
    // read whole or not at all: at the paragraph's start, or else run on from a credit or a
    // dateline (`……新华社记者 李明 摄在……上的讲话（2024年1月1日）王建国同志们，`).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(found.iter().filter(|(k, _)| matches!(k, Some(Kind::Caption | Kind::Dateline))).map(|(_, r)| r.end))
        .filter(|_| with_head)
        .collect();
    for from in starts {
        // A head may run into another (a headline's paragraph, then the speech's own title and date).
        let mut heads = head(text, p, from, &opens_speech);
        while let Some(more) = heads.last().map(|(_, r)| head(text, p, r.end, &opens_speech)).filter(|m| !m.is_empty())
        {
            heads.extend(more);
        }
        let clash = |r: &Range<usize>| found.iter().any(|(_, f)| f.start < r.end && r.start < f.end && f != r);
        if !heads.iter().any(|(_, r)| clash(r)) {
            for (kind, r) in heads {
                if !found.iter().any(|(_, f)| *f == r) {
                    found.push((kind, r));
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut found, |(_, r)| r.start);
    found.into_iter().map(|(kind, r)| (kind, paragraph.start + r.start..paragraph.start + r.end)).collect()
}

/// A letter's label before its addressee: `回信北京科技大学全体巴基斯坦留学生：`, `贺信值此……之际`.
pub const LETTER_LABELS: &[&str] = &["回信", "贺信", "贺电", "复信", "致信", "慰问信", "唁电"];

/// Surnames a byline's name starts with (the commonest, and those of the leaders the texts name):
/// a name is only cut from what follows when it starts with one, so `党的十八大以后` is no byline.
pub(crate) const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习栗俞尤温";

/// Offices a byline puts before the name: `中华人民共和国主席 习近平`.
const OFFICES: &[&str] = &["中华人民共和国主席", "国家主席", "国务院总理", "总书记", "主席", "总理"];

/// What a subtitle says the text was: `——在亚太经合组织工商领导人对话会上的主旨演讲`.
const OCCASIONS: &[&str] =
    &["讲话", "致辞", "演讲", "发言", "报告", "贺词", "说明", "答问", "书面致辞", "主旨演讲", "视频讲话"];

/// The head of a news copy at `from` in `p`: a wire dateline, a letter's label, or a title
/// followed by a subtitle, a date line or ※, then those, then a byline; a paragraph may open
/// with the subtitle or the date line (the title's line stands above it) or with the byline. Pieces
/// without a kind are titles (clean chooses the title among the lines before the speech).
fn head(text: &str, p: &str, from: usize, opens_speech: &impl Fn(&str) -> bool) -> Vec<(Option<Kind>, Range<usize>)> {
    let mut found = Vec::new();
    let mut at = skip_blanks(p, from);
    if let Some(len) = dateline_len(&p[at..]) {
        found.push((Some(Kind::Dateline), at..at + len));
        at = skip_blanks(p, at + len);
    }
    if let Some(label) = LETTER_LABELS.iter().find(|l| p[at..].starts_with(**l)) {
        found.push((None, at..at + label.len()));
        return found;
    }
    let titled = subtitle_len(&p[at..]).is_none() && date_line_len(&p[at..]).is_none();
    if let Some(len) = byline_before_speech(&p[at..], opens_speech).filter(|_| titled) {
        found.push((Some(Kind::Byline), at..at + len));
        return found;
    }
    if titled {
        let Some(title_end) = title_end(&p[at..], opens_speech).map(|e| at + e) else { return found };
        let title = p[at..title_end].trim_end_matches(is_blank);
        // A title names an occasion or a theme: `今天（2020年9月8日）我们……` has none.
        if title.chars().filter(|&c| is_han(c)).nth(3).is_none() {
            return found;
        }
        found.push((None, at..at + title.len()));
        at = skip_blanks(p, title_end);
    }
    let mut dated = false;
    if let Some(len) = subtitle_len(&p[at..]) {
        found.push((Some(Kind::Subtitle), at..at + len));
        at = skip_blanks(p, at + len);
    }
    if let Some(len) = date_line_len(&p[at..]) {
        found.push((Some(Kind::DateLine), at..at + len));
        at = skip_blanks(p, at + len);
        dated = true;
    }
    if p[at..].starts_with('※') {
        found.push((Some(Kind::Footnote), at..at + '※'.len_utf8()));
        at = skip_blanks(p, at + '※'.len_utf8());
        dated = true;
    }
    let byline =
        if dated { byline_len(text, &p[at..], opens_speech) } else { byline_before_speech(&p[at..], opens_speech) };
    if let Some(len) = byline {
        found.push((Some(Kind::Byline), at..at + len));
    }
    found
}

fn skip_blanks(s: &str, at: usize) -> usize {
    at + s[at..].len() - s[at..].trim_start_matches(is_blank).len()
}

/// Where a title at the start of `s` ends: before a subtitle, a date line, ※ or a byline that runs
/// into the speech (`关于《……》的说明王建国同志们：`), within a title's length and before any sentence
/// ends (`共抗疫情，共促复苏，共谋和平——在……的致辞（2020年11月12日，北京）`).
fn title_end(s: &str, opens_speech: &impl Fn(&str) -> bool) -> Option<usize> {
    const LONGEST_CHARS: usize = 80;
    for (n, (at, c)) in s.char_indices().enumerate() {
        if n > LONGEST_CHARS || is_sentence_end(c) {
            return None;
        }
        let rest = &s[at..];
        let subtitle = subtitle_len(rest).is_some();
        let byline = at > 0 && byline_before_speech(rest, opens_speech).is_some();
        if subtitle || byline || date_line_len(rest).is_some() || (c == '※' && at > 0) {
            return Some(at);
        }
    }
    None
}

/// `——在……上的讲话` followed by its date line: a subtitle, not a speech's dash (`——联合国的75年，是……`).
fn subtitle_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("——").or_else(|| s.strip_prefix("－－")).or_else(|| s.strip_prefix('－'))?;
    let open = rest.find(['（', '('])?;
    let words = rest[..open].trim_end_matches(is_blank);
    let fits = short(words, 60) && !words.contains(is_clause_break) && OCCASIONS.iter().any(|o| words.ends_with(o));
    (fits && date_line_len(&rest[open..]).is_some()).then(|| s.len() - rest.len() + open)
}

/// A bracketed date, with a place or an occasion: `（2020年11月19日，北京）`, `（2018年2月12日）`,
/// `（2020年2月5日在中央全面依法治国委员会第三次会议上的讲话）`; or a date under a dash, as a
/// subtitle line: `——2024年3月6日`.
fn date_line_len(s: &str) -> Option<usize> {
    if let Some(dated) = s.strip_prefix("——") {
        return full_date_len(dated).map(|len| "——".len() + len);
    }
    let inner = s.strip_prefix(['（', '('])?;
    let close = inner.find(['）', ')'])?;
    let content = inner[..close].trim_matches(is_blank);
    let dated = full_date_len(content).is_some();
    (dated && short(content, 60) && !content.contains(is_sentence_end))
        .then(|| s.len() - inner.len() + close + inner[close..].chars().next().map_or(0, char::len_utf8))
}

/// Bytes of a full date at the start of `s`: `2020年11月19日`, `二〇二〇年五月十七日`.
fn full_date_len(s: &str) -> Option<usize> {
    crate::date::parse(s).filter(|(date, _)| date.day.is_some()).map(|(_, len)| len)
}

/// Whether a sentence opens with a date (`2020年2月10日，`, `4月21日，`, `这是4月15日下午`), as
/// photo captions do.
fn opens_with_date(s: &str) -> bool {
    let s = s.strip_prefix("这是").unwrap_or(s);
    let s = match s.find('年') {
        Some(y) if y == 4 && s[..y].bytes().all(|b| b.is_ascii_digit()) => &s[y + '年'.len_utf8()..],
        _ => s,
    };
    let month = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&month) && s[month..].starts_with('月')
}

/// A byline at the start of `s`: an office and a name (`中华人民共和国主席 习近平`), or a name alone.
/// A name is two to four Han characters; where it ends is where a salutation or a numbered part starts, or else the
/// length at which the same name occurs elsewhere in the text (the captions, the footnote name
/// the speaker); with neither, a name is cut only after an office and where it stands apart (the
/// speech may begin there).
fn byline_len(text: &str, s: &str, opens_speech: &impl Fn(&str) -> bool) -> Option<usize> {
    let (office, name_at, lengths) = byline_names(s)?;
    let name = &s[name_at..];
    // A name repeats no character (so `谢谢大家` is no name), and the text names it again.
    let distinct = |n: &str| n.chars().enumerate().all(|(i, c)| !n.chars().skip(i + 1).any(|d| d == c));
    let len = lengths
        .iter()
        .copied()
        .find(|&len| {
            let rest = name[len..].trim_start_matches(is_blank);
            opens_speech(rest) || crate::outline::opens_section(rest)
        })
        .or_else(|| {
            lengths.iter().copied().find(|&len| distinct(&name[..len]) && text.matches(&name[..len]).nth(1).is_some())
        })
        .or_else(|| {
            // After an office, a name of three ends the line or stands apart from what follows.
            let apart = |len: usize| !name[len..].starts_with(is_han);
            lengths.first().copied().filter(|&len| office > 0 && name[..len].chars().count() == 3 && apart(len))
        })?;
    Some(name_at + len)
}

/// A byline a salutation or a numbered part runs straight into, with or without an office:
/// `中华人民共和国主席　王建国` + `女士们，先生们：`, `王建国` + `同志们：`, `王建国` + `一、……`. The name is
/// as long as what follows allows; a salutation after it opens with an address word (in
/// `李家明先生，各位嘉宾：` no name stands before the salutation).
fn byline_before_speech(s: &str, opens_speech: &impl Fn(&str) -> bool) -> Option<usize> {
    let (_, name_at, lengths) = byline_names(s)?;
    let name = &s[name_at..];
    let speech =
        |rest: &str| crate::address::opens_address(rest) && opens_speech(rest) || crate::outline::opens_section(rest);
    lengths.into_iter().find(|&len| speech(name[len..].trim_start_matches(is_blank))).map(|len| name_at + len)
}

/// A byline's parts at the start of `s`: the office's length, where the name starts, and the
/// lengths the name may have (three, two, four Han characters, as many as there are), when it
/// starts with a surname.
fn byline_names(s: &str) -> Option<(usize, usize, Vec<usize>)> {
    let office = OFFICES.iter().find(|o| s.starts_with(**o)).map_or(0, |o| o.len());
    let name_at = skip_blanks(s, office);
    let name = &s[name_at..];
    if !name.starts_with(|c: char| SURNAMES.contains(c)) {
        return None;
    }
    let han: Vec<usize> = name.char_indices().take_while(|&(_, c)| is_han(c)).map(|(i, c)| i + c.len_utf8()).collect();
    Some((office, name_at, [3, 2, 4].into_iter().filter_map(|n| han.get(n - 1).copied()).collect()))
}

/// A byline or a letter's signature on a line of its own: `中华人民共和国主席习近平`, `习近平`.
pub fn is_byline(line: &str) -> bool {
    let office = OFFICES.iter().find(|o| line.starts_with(**o)).map_or(0, |o| o.len());
    let name = line[office..].trim_start_matches(is_blank);
    name.starts_with(|c: char| SURNAMES.contains(c))
        && (2..=4).contains(&name.chars().count())
        && name.chars().all(is_han)
}

/// A photo credit: `新华社记者 王晔 摄`, `新华社记者 鞠鹏/摄`, `（新华社记者 李学仁 摄）`, `新华社发 陈钟昊/摄`,
/// `本报记者 张三摄`, `视觉中国供图`, `张三 摄`.
pub fn is_credit(s: &str) -> bool {
    let s = s.trim_matches(|c: char| is_blank(c) || "（）()".contains(c));
    let credited = s.ends_with("摄影") || s.ends_with("供图") || s.ends_with("社发");
    let shot =
        s.ends_with('摄') && (s.contains("记者") || s.contains("社发") || s.ends_with(" 摄") || s.ends_with("/摄"));
    short(s, 30) && !s.contains(is_sentence_end) && !s.contains(['，', ',']) && (credited || shot)
}

/// Where a credit may start: the outlet or 记者, or its bracket.
const CREDIT_HEADS: &[&str] = &["（新华社", "(新华社", "新华社", "（本报", "本报", "（记者", "记者"];

/// What a credit ends with (`新华社记者 王晔 摄`, `新华社发`, `视觉中国供图`), and what may not follow
/// it there: `新华社发布` is a verb.
const CREDIT_ENDS: &[(&str, &str)] = &[("摄影", ""), ("摄", "影"), ("社发", "布表出展言行送来生起挥现"), ("供图", "")];

/// The characters [`CREDIT_ENDS`] start with (a test checks): where [`captions`] looks.
const CREDIT_END_STARTS: [char; 3] = ['摄', '社', '供'];

/// Photo credits anywhere in `p`, with the caption sentences before them: sentences that open
/// with a date or with 这是 and speak of no 我 (`2020年2月10日，习近平在北京调研……。这是习近平在……。`),
/// or the whole paragraph a credit ends.
fn captions(p: &str) -> Vec<Range<usize>> {
    const WINDOW_BYTES: usize = 66;
    let mut found = Vec::new();
    // Only where a credit's end may start: four `starts_with` at every character were most of the cost.
    for (at, _) in find_chars(p, &CREDIT_END_STARTS) {
        let Some(word) = CREDIT_ENDS.iter().find(|(w, _)| p[at..].starts_with(w)) else { continue };
        let mut end = at + word.0.len();
        if p[end..].starts_with(|c: char| word.1.contains(c)) {
            continue;
        }
        if p[end..].starts_with(['）', ')']) {
            end += p[end..].chars().next().map_or(0, char::len_utf8);
        }
        let window = p.floor_char_boundary(end.saturating_sub(WINDOW_BYTES));
        let credit = CREDIT_HEADS
            .iter()
            .filter_map(|h| p[window..end].find(h).map(|i| window + i))
            .filter(|&start| is_credit(&p[start..end]))
            .min();
        let Some(start) = credit else { continue };
        // A credit run on from another is one: `新华社发（张三 摄）`.
        if let Some(last) = found.last_mut().filter(|r: &&mut Range<usize>| r.end > start) {
            last.end = end;
            continue;
        }
        let ends_paragraph = p[end..].trim_start_matches(is_blank).is_empty();
        found.push(caption_start(p, start, ends_paragraph)..end);
    }
    found
}

/// Where the caption of a credit at `credit` starts: at the nearest of the two sentences before
/// it that opens with a date or with 这是 (the sentences after it describe the picture: `……出席会议。`),
/// and one more before a 这是 that names the event (`……春节来临之际，……来到四川考察调研。这是……`);
/// at the paragraph's start when those two sentences are all it holds before a credit that ends
/// it (speech never ends a paragraph with a photographer's name); a sentence that says 我 is
/// speech, and with none of these the credit stands alone.
fn caption_start(p: &str, credit: usize, ends_paragraph: bool) -> usize {
    const MOST_SENTENCES: usize = 2;
    let sentence_before = |end: usize| {
        let before = p[..end].trim_end_matches(is_blank);
        let body = before.trim_end_matches(is_sentence_end);
        let boundary = |c: char| is_sentence_end(c) || matches!(c, '：' | ':');
        let start = body.rfind(boundary).map_or(0, |i| i + body[i..].chars().next().map_or(0, char::len_utf8));
        let start = skip_blanks(p, start);
        (start < before.len()).then(|| (start, &p[start..before.len()]))
    };
    let caption_like = |s: &str| !s.contains('我') && short(s, 200);
    let mut at = credit;
    for _ in 0..MOST_SENTENCES {
        let Some((start, sentence)) = sentence_before(at).filter(|(_, s)| caption_like(s)) else { break };
        if opens_with_date(sentence) || sentence.starts_with("这是") {
            let event = sentence_before(start).filter(|(_, s)| {
                sentence.starts_with("这是") && !sentence.contains("拍摄") && caption_like(s) && names_an_event(s)
            });
            return event.map_or(start, |(start, _)| start);
        }
        at = start;
    }
    if ends_paragraph && p[..at].trim_matches(is_blank).is_empty() { at } else { credit }
}

/// A sentence that dates an event: `2019年4月15日至17日，……`, `……春节来临之际，……`.
fn names_an_event(s: &str) -> bool {
    opens_with_date(s) || s.contains("之际")
}

/// A wire dateline and what follows it (`新华社北京10月13日电（记者 张三 李四）`, `本报讯（记者 王五）`,
/// `央视网消息（新闻联播）：`), by the word that ends it; the head before it names the outlet (so
/// `今年10月13日电视台报道` is no dateline).
const DATELINE_ENDS: &[&str] = &["日电", "讯", "消息"];
/// Words of an outlet's name: 新华社, 中新社, 本报, 人民网, 央视网, 中央广播电视总台.
const OUTLET_WORDS: &[&str] = &["社", "报", "网", "台", "通讯"];

/// Bytes of a wire-service dateline (with its byline and a `题：…` title) at the head of `line`.
/// A date inside a sentence is no dateline: the head is short, unpunctuated and names an outlet.
pub fn dateline_len(line: &str) -> Option<usize> {
    const HEAD_BYTES: usize = 90;
    let window = &line[..line.floor_char_boundary(HEAD_BYTES)];
    let (end, word) = DATELINE_ENDS.iter().filter_map(|w| window.find(w).map(|at| (at + w.len(), *w))).min()?;
    let head = &line[..end];
    let follows = line[end..].chars().next();
    let fits = word == "日电" || follows.is_none_or(|c| is_blank(c) || matches!(c, '（' | '(' | '：' | ':'));
    if !fits
        || head.contains(|c: char| is_blank(c) || is_clause_break(c) || matches!(c, '（' | '(' | '）' | ')'))
        || !OUTLET_WORDS.iter().any(|w| head.contains(w))
    {
        return None;
    }
    let mut len = end;
    let rest = line[len..].trim_start_matches(is_blank);
    if rest.starts_with(['（', '(']) {
        let close = rest.find(['）', ')']).filter(|&c| rest[..c].chars().count() <= 30);
        if let Some(close) = close.filter(|&c| word != "日电" || rest[..c].contains("记者")) {
            len = line.len() - rest.len() + close + rest[close..].chars().next().map_or(0, char::len_utf8);
        }
    }
    let rest = &line[len..];
    if let Some(after) = rest.strip_prefix(['：', ':']) {
        len = line.len() - after.len();
    } else if let Some(title) = rest.trim_start_matches(is_blank).strip_prefix("题：")
        && !title.contains(is_sentence_end)
    {
        len = line.len();
    }
    Some(len)
}

/// Wire datelines opening a sentence anywhere in `p`: a news report printed after a letter starts
/// so (`……习近平2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在密云水库……`).
fn datelines(p: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (at, _) in p.match_indices("日电") {
        let from = p[..at]
            .rfind(|c: char| is_sentence_end(c) || is_blank(c) || matches!(c, '）' | ')' | '：' | ':'))
            .map_or(0, |i| i + p[i..].chars().next().map_or(0, char::len_utf8));
        if let Some(len) = dateline_len(&p[from..]).filter(|&len| from + len > at) {
            found.push(from..from + len);
        }
    }
    found
}

/// `（新华社北京3月26日电）`, `（据新华社合肥8月21日电 习近平在安徽考察时强调……）`: where the wire copy came from.
fn source_lines(p: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (open, c) in find_chars(p, &['（', '(']) {
        let inner = &p[open + c.len()..];
        let inner_source = inner.strip_prefix('据').unwrap_or(inner);
        let Some(close) = inner.find(['）', ')']) else { continue };
        if dateline_len(inner_source).is_some()
            && short(&inner[..close], 120)
            && !inner[..close].contains(is_sentence_end)
        {
            found.push(open..open + c.len() + close + inner[close..].chars().next().map_or(0, char::len_utf8));
        }
    }
    found
}

/// Where `p` has one of `chars`, in order, as `p.match_indices(chars)`: a search for one character
/// is a byte search, where a search for any of several decodes every character of the paragraph.
fn find_chars<'p>(p: &'p str, chars: &[char]) -> Vec<(usize, &'p str)> {
    let mut found: Vec<(usize, &str)> = chars.iter().flat_map(|&c| p.match_indices(c)).collect();
    crate::sort::sort_by_key(&mut found, |&(at, _)| at);
    found
}

/// A newspaper's source line: `《 人民日报 》（ 2020年03月27日 02 版）`.
fn newspaper_sources(p: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (open, _) in p.match_indices('《') {
        let rest = &p[open..];
        let Some(close) = rest.find('》') else { continue };
        let paper = rest['《'.len_utf8()..close].trim_matches(is_blank);
        let after = rest[close + '》'.len_utf8()..].trim_start_matches(is_blank);
        let Some(bracket) = after.strip_prefix(['（', '(']) else { continue };
        let Some(end) = bracket.find(['）', ')']) else { continue };
        let issue = bracket[..end].trim_matches(is_blank);
        if short(paper, 10) && paper.ends_with('报') && short(issue, 30) && issue.ends_with('版') {
            let len = rest.len() - bracket.len() + end + bracket[end..].chars().next().map_or(0, char::len_utf8);
            found.push(open..open + len);
        }
    }
    found
}

/// `※这是习近平总书记……的讲话。`: the note a reprint adds after the text, to its full stop.
/// A ※ after a title is the mark that note refers to (found with the head).
fn footnotes(p: &str) -> Vec<Range<usize>> {
    p.match_indices('※')
        .filter_map(|(at, _)| {
            let note = &p[at + '※'.len_utf8()..];
            let opens = note.trim_start_matches(is_blank);
            let end = note.find('。').map_or(note.len(), |e| e + '。'.len_utf8());
            (opens.starts_with("这是") || opens.starts_with("本文")).then(|| at..at + '※'.len_utf8() + end)
        })
        .collect()
}

/// Bracketed dates with an occasion, as reprints close each excerpt: `（2020年2月5日在……上的讲话）`.
fn date_lines(p: &str) -> Vec<Range<usize>> {
    find_chars(p, &['（', '('])
        .into_iter()
        .filter_map(|(at, _)| date_line_len(&p[at..]).map(|len| at..at + len))
        .filter(|r| OCCASIONS.iter().any(|o| p[r.clone()].trim_end_matches(['）', ')']).ends_with(o)))
        .collect()
}

/// A letter's signature after its last sentence: a name and a full date (`……作出新的更大的贡献。
/// 习近平2020年8月17日（新华社……`), followed by nothing or by the source line.
fn signatures(p: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (Range { start: year_at, end }, _) in crate::date::dates(p).filter(|(_, date)| date.day.is_some()) {
        let after = p[end..].trim_start_matches(is_blank);
        if !(after.is_empty() || after.starts_with(['（', '(']) || dateline_len(after).is_some()) {
            continue;
        }
        let before = p[..year_at].trim_end_matches(is_blank);
        let name =
            before.rfind(|c: char| !is_han(c)).map_or(0, |i| i + before[i..].chars().next().map_or(0, char::len_utf8));
        let named = (2..=4).contains(&before[name..].chars().count());
        let after_sentence = before[..name].trim_end_matches(is_blank).ends_with(is_sentence_end) || name == 0;
        if named && after_sentence {
            found.push(name..end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finder_finds_its_examples_whole_and_nothing_in_its_counter_examples() {
        for f in FINDERS {
            for example in f.catches {
                assert_eq!((f.find)(example), vec![0..example.len()], "{:?} in {example}", f.kind);
            }
            for text in f.leaves {
                assert_eq!((f.find)(text), vec![], "{:?} in {text}", f.kind);
            }
        }
    }

    fn head_of(text: &str) -> Vec<(Option<Kind>, &str)> {
        head(text, text, 0, &|s: &str| s.starts_with("同志们") || s.starts_with("各位"))
            .into_iter()
            .map(|(k, r)| (k, &text[r]))
            .collect()
    }

    #[test]
    fn heads_of_news_copies() {
        assert_eq!(
            head_of("在全国劳动模范和先进工作者表彰大会上的讲话（2020年11月24日）习近平同志们：今天……"),
            [
                (None, "在全国劳动模范和先进工作者表彰大会上的讲话"),
                (Some(Kind::DateLine), "（2020年11月24日）"),
                (Some(Kind::Byline), "习近平")
            ]
        );
        assert_eq!(
            head_of(
                "新华社北京11月19日电构建新发展格局　实现互利共赢——在亚太经合组织工商领导人对话会上的主旨演讲（2020年11月19日，北京）中华人民共和国主席 习近平各位工商界朋友："
            ),
            [
                (Some(Kind::Dateline), "新华社北京11月19日电"),
                (None, "构建新发展格局　实现互利共赢"),
                (Some(Kind::Subtitle), "——在亚太经合组织工商领导人对话会上的主旨演讲"),
                (Some(Kind::DateLine), "（2020年11月19日，北京）"),
                (Some(Kind::Byline), "中华人民共和国主席 习近平"),
            ]
        );
        // An article's ※ and byline; the name recurs in its footnote.
        assert_eq!(
            head_of("不断开拓新境界※习近平今天，我们学习。※这是习近平总书记的讲话。"),
            [(None, "不断开拓新境界"), (Some(Kind::Footnote), "※"), (Some(Kind::Byline), "习近平")]
        );
        assert_eq!(head_of("回信北京科技大学全体巴基斯坦留学生：你们好！"), [(None, "回信")]);
    }

    #[test]
    fn speech_is_no_head() {
        // A speech's dash, a date inside a sentence, a name that starts the speech.
        for text in [
            "——联合国的75年，是人类社会迅速发展的75年。",
            "同志们：2020年1月7日，我主持召开会议。",
            "今天（2020年9月8日）我们在这里隆重集会。",
        ] {
            assert_eq!(head_of(text), [], "{text}");
        }
    }

    #[test]
    fn every_credit_end_starts_with_a_character_captions_look_for() {
        for (end, _) in CREDIT_ENDS {
            assert!(end.starts_with(CREDIT_END_STARTS), "{end}: add its first character to CREDIT_END_STARTS");
        }
    }

    #[test]
    fn captions_take_their_sentences_and_leave_the_speech() {
        let p = "我们要坚持到底。2019年4月15日，习近平在重庆考察。这是4月15日下午，习近平看望贫困户。 新华社记者 刘彬/摄第一，加强组织领导。";
        let got: Vec<&str> = captions(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(got, ["2019年4月15日，习近平在重庆考察。这是4月15日下午，习近平看望贫困户。 新华社记者 刘彬/摄"]);
        // 1月7日 opens a sentence of speech: it speaks of 我, and no credit follows.
        assert!(captions("1月7日，我主持召开会议。摄影展很成功。").is_empty());
    }

    #[test]
    fn signatures_and_datelines_after_a_letter() {
        let p = "共同守护好祖国的绿水青山。习近平2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在密云水库建成60周年之际，";
        assert_eq!(signatures(p).into_iter().map(|r| &p[r]).collect::<Vec<_>>(), ["习近平2020年8月30日"]);
        assert_eq!(source_lines(p).into_iter().map(|r| &p[r]).collect::<Vec<_>>(), ["（新华社北京8月31日电）"]);
        assert!(datelines(p).into_iter().any(|r| &p[r] == "新华社北京8月31日电"));
        // A date closing a sentence of speech is no signature.
        assert!(signatures("会议定于2020年8月30日。").is_empty());
    }
}
