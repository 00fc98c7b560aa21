//! Finds the speech inside pasted text: where it starts and ends, and what around and inside it
//! is page chrome (menus, timestamps, editor notes, repeated titles, tags, wire-service lines).
//!
//! Every rule is a row of a table with a real example of what it catches. Rules look at whole
//! lines (or, for datelines, a line's head), never at words inside a sentence, so a speech that
//! quotes a date or mentions 新华社 keeps its text.

use crate::address::{is_address, opens_address};
use crate::rules::{Rule, Word};
use crate::text::{self, is_blank, is_clause_break, is_han, is_sentence_end, short};
use crate::{anatomy, outline};
use std::ops::Range;

/// What a piece of chrome is, as `Removed.kind` names it.
pub use crate::model::RemovedKind as Kind;

/// A rule of a line: whether the line is chrome of the rule's kind.
type LineRule = Rule<fn(&str) -> bool, Kind>;

/// Chrome that only ever stands outside the speech (before its start or after its end).
const OUTSIDE_RULES: &[LineRule] = &[
    Rule {
        kind: Kind::Navigation,
        catches: &["首页 > 心得体会 > 学习材料 / 正文"],
        leaves: &["甲 > 乙 > 丙。", "收入 > 支出"],
        find: is_breadcrumb,
    },
    Rule {
        kind: Kind::Timestamp,
        catches: &["2023-12-28 12:54:02"],
        leaves: &["2023年12月28日 来源：人民网", "到2035年"],
        find: is_timestamp,
    },
    Rule {
        kind: Kind::EditorNote,
        catches: &["下面是小编为大家整理的…,供大家参考。"],
        leaves: &["请大家参阅会议材料。"],
        find: is_editor_note,
    },
    Rule {
        kind: Kind::EditorNote,
        catches: &["编者按：10月13日，全省经济工作会议召开。现将讲话全文刊发如下。"],
        leaves: &["编者认为这篇文章很好。"],
        find: is_editor_preface,
    },
    Rule {
        kind: Kind::Tags,
        catches: &["Tags: 相关领导在…交流发言   会上   党组"],
        leaves: &["标签化的做法要不得。"],
        find: is_tags,
    },
    Rule {
        kind: Kind::Navigation,
        catches: &["最新　热搜　某某全会　学习教育　专题"],
        leaves: &["坚定信心 真抓实干 奋勇争先"],
        find: is_word_menu,
    },
    Rule {
        kind: Kind::Navigation,
        catches: &["搜索 / 网站分类 / 标签列表 / 上一篇：…"],
        leaves: &[
            "打印机等办公设备要统一采购，严格执行政府采购制度，杜绝铺张浪费，厉行节约，反对浪费，建设节约型机关。",
        ],
        find: is_menu,
    },
    Rule {
        kind: Kind::Byline,
        catches: &["来源：人民网  作者：张三  责任编辑：李四"],
        leaves: &["来源于实践的理论"],
        find: is_source_line,
    },
    Rule {
        kind: Kind::Navigation,
        catches: &["【字号 大 中 小】【打印】【关闭】"],
        leaves: &["【延伸阅读】相关报道"],
        find: is_bracket_menu,
    },
    Rule {
        kind: Kind::Byline,
        catches: &["人民日报记者 张三 李四"],
        leaves: &["新华社记者参加了报道"],
        find: is_reporter_line,
    },
    Rule {
        kind: Kind::Dateline,
        catches: &["新华社北京10月13日电"],
        leaves: &["新华社北京10月13日电 会议在北京召开。"],
        find: is_dateline_line,
    },
    Rule {
        kind: Kind::Navigation,
        catches: &["Copyright © 2023 职场文秘网 版权所有 京ICP备12345678号"],
        leaves: &["加强版权保护。"],
        find: is_footer,
    },
];

/// Chrome that may stand inside the speech too: whole lines a news page puts between paragraphs.
const INSIDE_RULES: &[LineRule] = &[
    Rule {
        kind: Kind::Caption,
        catches: &["新华社记者 王晔 摄"],
        leaves: &["我们要拍摄好宣传片。", "新华社发布消息"],
        find: is_photo_credit,
    },
    Rule {
        kind: Kind::Caption,
        catches: &["10月13日，全省经济工作会议在长沙召开。（新华社记者 王晔 摄）"],
        leaves: &["会议在长沙召开。（新华社北京10月13日电）"],
        find: is_credited_caption,
    },
    Rule {
        kind: Kind::Caption,
        catches: &["图为会议现场。"],
        leaves: &["图书馆建设要加强。"],
        find: is_picture_caption,
    },
    Rule {
        kind: Kind::Byline,
        catches: &["（责任编辑：王宁）"],
        leaves: &["编辑部的同志们辛苦了，大家为出版工作付出了很多心血。"],
        find: is_editor_credit,
    },
    Rule {
        kind: Kind::Navigation,
        catches: &["收听本文　00:00/00:00"],
        leaves: &["分享经验、交流做法"],
        find: is_page_control,
    },
];

/// A heading after which a page lists other articles: it and every line after it are chrome.
const RELATED_HEADINGS: &[Word] = &[
    Word {
        word: "相关阅读", example: "相关阅读：", leaves: &["相关阅读材料已经印发给大家，请会后认真学习。"]
    },
    Word {
        word: "延伸阅读", example: "【延伸阅读】", leaves: &["要在延伸阅读上下功夫，读原著、学原文、悟原理。"]
    },
    Word {
        word: "相关新闻", example: "相关新闻", leaves: &["相关新闻单位要把好导向关，及时回应社会关切。"]
    },
    Word {
        word: "相关链接", example: "相关链接：", leaves: &["相关链接和入口要放在政务网站的显著位置。"]
    },
    Word {
        word: "相关报道", example: "相关报道", leaves: &["对群众反映强烈的问题，相关报道要跟踪到底。"]
    },
    Word {
        word: "推荐阅读", example: "推荐阅读", leaves: &["推荐阅读书目要贴近基层，让干部愿意读、读得懂。"]
    },
];

/// How a speech signs off; a run of sentences holding these at the end of the speech is its closing.
const CLOSINGS: &[Word] = &[
    Word {
        word: "谢谢大家",
        example: "发言完毕，不当之处，请同志们批评指正，谢谢大家！",
        leaves: &["借此机会，我要谢谢大家一年来的辛勤付出，正是有了大家的支持，我们才完成了全年的目标任务。"],
    },
    Word {
        word: "谢谢各位",
        example: "谢谢各位！",
        leaves: &["我要谢谢各位老同志多年来的关心支持，你们的经验是我们最宝贵的财富，要一代一代传下去。"],
    },
    Word {
        word: "发言完毕",
        example: "我的发言完毕。",
        leaves: &["等各位代表发言完毕以后，我们再集中讨论，把大家的意见建议梳理汇总，形成会议纪要。"],
    },
    Word {
        word: "汇报完毕",
        example: "以上汇报完毕。",
        leaves: &["各单位汇报完毕后，要对照问题清单逐项整改，确保年底前全部整改到位，不留任何死角。"],
    },
    Word {
        word: "批评指正",
        example: "不当之处，请批评指正。",
        leaves: &["对干部群众的批评指正，我们要虚心接受，认真研究改进工作，真正做到有则改之、无则加勉。"],
    },
    Word {
        word: "讲到这里",
        example: "我就讲到这里。",
        leaves: &["讲到这里，我想起一位老党员说过的话，干部就要把群众的冷暖放在心上，时时刻刻记在心里。"],
    },
    Word {
        word: "谢谢！",
        example: "谢谢！",
        leaves: &["群众一句“谢谢！”，就是对我们工作最大的肯定，我们要把这份信任转化为干事创业的动力。"],
    },
    Word {
        word: "谢谢!",
        example: "谢谢!",
        leaves: &["老人连声说“谢谢!”，这声感谢让我们深受触动，也让我们看到了基层工作的价值所在。"],
    },
    Word {
        word: "谢谢聆听",
        example: "谢谢聆听！",
        leaves: &["有同志说，发言不能一句谢谢聆听就收尾，要多讲讲下一步怎么干，这个意见提得很中肯。"],
    },
];

/// What may close a sentence after its stop: `……批评指正。”`.
const CLOSE_QUOTES: &str = "”’」』）)";

/// A news report may print a lead before the speech it carries; a paragraph of prose before a
/// salutation that says none of these is speech, and the salutation a mid-speech re-address.
const LEAD_WORDS: &[Word] = &[
    Word {
        word: "如下",
        example: "现将讲话全文刊发如下：",
        leaves: &["下面，我就做好今年的工作讲几点意见，具体如下："],
    },
    Word {
        word: "讲话全文",
        example: "以下为讲话全文。",
        leaves: &["大家回去以后，要把讲话全文原原本本传达到每一名党员。"],
    },
    Word {
        word: "并讲话", example: "市委书记张三出席会议并讲话。", leaves: &["受市委委托，我出席今天的会议并讲话。"]
    },
    Word {
        word: "发表讲话",
        example: "习近平出席开幕式并发表讲话。",
        leaves: &["总书记发表讲话以来，全省上下迅速掀起学习贯彻的热潮。"],
    },
    Word {
        word: "重要讲话",
        example: "发表重要讲话。",
        leaves: &["大家要认真学习重要讲话精神。", "今天，我们认真学习了总书记的重要讲话。"],
    },
    Word {
        word: "的讲话",
        example: "在欢迎宴会上发表了热情洋溢的讲话。",
        leaves: &["在全国劳动模范和先进工作者表彰大会上的讲话（2020年11月24日）", "刚才几位同志的讲话，我都赞同。"],
    },
    Word {
        word: "主旨讲话",
        example: "并发表题为《携手前行》的主旨讲话。",
        leaves: &["这次论坛主旨讲话中提出的倡议，得到了与会各方的积极响应。"],
    },
    Word {
        word: "主旨发言",
        example: "在开幕式上作主旨发言。",
        leaves: &["要把主旨发言提出的合作倡议转化为一个个务实项目。"],
    },
    Word {
        word: "主旨演讲", example: "发表主旨演讲。", leaves: &["主旨演讲里提出的三点倡议，各方要共同推动落实。"]
    },
    Word {
        word: "重要演讲", example: "在某大学发表重要演讲。", leaves: &["总书记的重要演讲为我们指明了前进方向。"]
    },
    Word {
        word: "作报告",
        example: "代表国务院向大会作报告。",
        leaves: &["下午还要请专家作报告辅导，大家要认真听、认真记。", "现在请大家审议市政府工作报告。"],
    },
    Word {
        word: "会见记者",
        example: "在人民大会堂会见记者，回答记者提问。",
        leaves: &["我们在会见记者时也谈到了这个问题。"],
    },
    Word { word: "致辞", example: "在开幕式上致辞。", leaves: &["你们的致辞让大家很受感动。"] },
    Word {
        word: "讲话摘要", example: "以下为讲话摘要。", leaves: &["大家会后可以对照讲话摘要逐条学习。"]
    },
];

/// Words a news lead never says: it tells of the speaker, the speech speaks as 我 to 你们
/// (`今天，我们认真学习了总书记的重要讲话。` is speech, though it names a speech).
const FIRST_AND_SECOND_PERSON: &[char] = &['我', '你', '咱'];

/// A news report's words before the speech it prints: prose with a clause that ends naming the
/// speech (`……并发表重要讲话。`; `……重要讲话精神` and a title's `……的讲话（2020年11月24日）` do not),
/// and no 我 or 你.
fn is_lead(s: &str) -> bool {
    // A lead word counts only where a clause ends, so the line is read once for its clause ends
    // (a flattened page is one line of thousands of characters, read hundreds of times), not once
    // for each word.
    let ends_lead = |end: usize| {
        let clause = &s[..end];
        LEAD_WORDS.iter().any(|w| clause.ends_with(w.word)) && !in_noun_not_given(clause)
    };
    text::clause_breaks(s).chain([s.len()]).any(ends_lead) && !s.contains(FIRST_AND_SECOND_PERSON)
}

/// A noun that ends in a lead word (工作报告 in 作报告), with the verb that makes it a speech given:
/// `向大会作政府工作报告。` tells of one; `现在请大家审议市政府工作报告。` is the speech itself.
const LEAD_NOUNS: &[(&str, char)] = &[("工作报告", '作')];

/// Whether `before` (a clause up to a lead word) ends in a [`LEAD_NOUNS`] noun without its verb
/// earlier in the clause.
fn in_noun_not_given(before: &str) -> bool {
    LEAD_NOUNS.iter().any(|&(noun, verb)| {
        before.strip_suffix(noun).is_some_and(|head| {
            let clause = head.rfind(is_clause_break).map_or(head, |at| &head[at..]);
            !clause.contains(verb)
        })
    })
}

/// A lead that hands over to the text it prints (`……发表新年贺词，全文如下：`): the speech starts after it.
fn announces_text(s: &str) -> bool {
    let s = s.trim_end_matches(is_blank);
    is_lead(s) && (s.ends_with(ANNOUNCES_TEXT) || s.ends_with("如下:"))
}

/// A salutation is looked for this far into a line: flattened pages put the site's menus first.
const SALUTATION_SEARCH_BYTES: usize = 1500;

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

/// The text cut into pieces: its paragraphs, cut again around the chrome `anatomy` finds inside
/// them, each with the kind its finder gave it (`None`: for the line rules to judge).
fn pieces(text: &str) -> Vec<(Option<Kind>, Range<usize>)> {
    let mut pieces = Vec::new();
    let opens_with_salutation = |s: &str| salutation_in(s).is_some_and(|r| r.start == 0);
    // A line of page chrome stays whole (`Tags: 会上   党组`); others break into paragraphs.
    let paragraphs = text::lines(text).flat_map(|line| match outside_rule(&text[line.clone()]) {
        Some(_) => vec![line],
        None => text::paragraphs_in(text, line),
    });
    for paragraph in paragraphs {
        let with_head = paragraph.start < SALUTATION_SEARCH_BYTES;
        let mut at = paragraph.start;
        for (kind, found) in anatomy::pieces(text, paragraph.clone(), with_head, opens_with_salutation) {
            pieces.extend(text::trim(text, at..found.start).map(|gap| (None, gap)));
            pieces.push((kind, found.clone()));
            at = found.end;
        }
        pieces.extend(text::trim(text, at..paragraph.end).map(|rest| (None, rest)));
    }
    // A letter signed on lines of its own: a name (with its office), then the date (二〇二〇年五月十七日 too).
    for i in 1..pieces.len() {
        let dated = |j: usize| {
            let line = &text[pieces[j].1.clone()];
            is_timestamp(line) || crate::date::parse(line).is_some_and(|(_, len)| len == line.len())
        };
        if pieces[i - 1].0.is_none() && anatomy::is_byline(&text[pieces[i - 1].1.clone()]) && dated(i) {
            pieces[i - 1].0 = Some(Kind::Signature);
            pieces[i].0 = Some(Kind::Signature);
        }
        // A byline on a line of its own under the head's date line (`（2024年5月1日）` + `主席　王建国`).
        let under_head = matches!(pieces[i - 1].0, Some(Kind::DateLine | Kind::Subtitle | Kind::Footnote));
        if under_head && pieces[i].0.is_none() && anatomy::is_byline(&text[pieces[i].1.clone()]) {
            pieces[i].0 = Some(Kind::Byline);
        }
    }
    pieces
}

/// The text's pieces (see [`pieces`]) as lines, with what the rules say of each.
struct Lines<'t> {
    text: &'t str,
    pieces: Vec<(Option<Kind>, Range<usize>)>,
    lines: Vec<Range<usize>>,
}

/// Where the speech ends: at `last` (a line index), at byte `body_end`, with its closing; `related`
/// is the first line of what follows it as a whole (related articles, notes, a news report), of
/// `related_kind`.
struct End {
    last: usize,
    body_end: usize,
    closing: Option<Range<usize>>,
    related: usize,
    related_kind: Kind,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        let pieces = pieces(text);
        let lines = pieces.iter().map(|(_, r)| r.clone()).collect();
        Lines { text, pieces, lines }
    }

    fn line(&self, i: usize) -> &'t str {
        &self.text[self.lines[i].clone()]
    }

    fn outside_kind(&self, i: usize) -> Option<Kind> {
        self.pieces[i].0.or_else(|| outside_rule(self.line(i)))
    }

    fn inside_kind(&self, i: usize) -> Option<Kind> {
        self.pieces[i].0.or_else(|| inside_rule(self.line(i)))
    }

    fn chrome_kind(&self, i: usize) -> Option<Kind> {
        self.outside_kind(i).or_else(|| self.inside_kind(i))
    }

    fn speech_prose(&self, i: usize) -> bool {
        is_prose(self.line(i)) && self.chrome_kind(i).is_none()
    }

    /// What a head runs straight into (`……（2020年2月3日）习近平一、……`) is where the speech starts.
    fn after_head(&self, i: usize) -> bool {
        i > 0
            && matches!(self.pieces[i - 1].0, Some(Kind::DateLine | Kind::Byline | Kind::Subtitle | Kind::Footnote))
            && self.text[self.lines[i - 1].end..self.lines[i].start].chars().nth(1).is_none()
    }

    /// The speech opens with its first paragraph, or a short sentence (大家好！) or numbered
    /// heading (一、总体要求) before it: titles and menus have no full stop and number nothing.
    /// Speech re-addressing its audience (`大家好！同志们：`) or going on to a numbered part
    /// (`大家好！一、……`) is speech already.
    fn opens_speech(&self, i: usize) -> bool {
        let line = self.line(i);
        let readdresses = |s: &str| salutation_in(s).is_some_and(|at| !opens_after(&s[..at.start]));
        let numbers_after = |s: &str| {
            s.match_indices(is_sentence_end)
                .any(|(at, c)| outline::opens_section(s[at + c.len()..].trim_start_matches(is_blank)))
        };
        let stops = line.contains('。') || self.after_head(i) || readdresses(line) || numbers_after(line);
        self.speech_prose(i)
            || (self.chrome_kind(i).is_none() && (stops || is_sentence(line) || outline::opens_section(line)))
    }

    /// The salutation that opens the speech, with its line: it opens it when only chrome or a news
    /// lead stands before it.
    fn salutation(&self) -> Option<(usize, Range<usize>)> {
        for (i, range) in self.lines.iter().enumerate() {
            let line = self.line(i);
            let after_label = i > 0 && anatomy::LETTER_LABELS.contains(&self.line(i - 1));
            let opening = salutation_in(line).filter(|at| opens_after(&line[..at.start]));
            if let Some(at) = opening.or_else(|| addressee_in(line, after_label)) {
                // A salutation may go on after a flattened break: `女士们，先生们，　　同志们，朋友们：`.
                let runs_on = at.end == range.len() && line.ends_with(['，', ',']);
                let next = self.lines.get(i + 1).filter(|_| runs_on).and_then(|r| {
                    salutation_in(&self.text[r.clone()]).filter(|n| n.start == 0).map(|n| r.start + n.end)
                });
                let end = next.unwrap_or(range.start + at.end);
                return Some((i, range.start + at.start..end));
            }
            // Speech before it (not a lead's sentences): the salutation re-addresses.
            if self.opens_speech(i) && !is_lead(line) {
                return None;
            }
        }
        None
    }

    /// The speech ends before a list of related articles, notes, or a news report printed after it
    /// (its dateline followed by prose, or prose after a letter's signature), with its closing, or
    /// at its last line of speech.
    fn end(&self, first: usize, body_start: usize) -> End {
        let lines = &self.lines;
        let (related, related_kind) = (first + 1..lines.len())
            .find_map(|i| {
                // A bracketed source line (（新华社北京3月26日电）) closes a copy; a bare dateline opens one.
                let opens_copy = self.pieces[i].0 == Some(Kind::Dateline) && !self.line(i).starts_with(['（', '(']);
                let report = opens_copy && i + 1 < lines.len() && self.speech_prose(i + 1)
                    || self.pieces[i - 1].0 == Some(Kind::Signature) && self.speech_prose(i);
                let heading = is_related_heading(self.line(i)).then_some(Kind::Related);
                let notes = is_notes_heading(self.line(i)).then_some(Kind::Footnote);
                heading.or(notes).or(report.then_some(Kind::Report)).map(|k| (i, k))
            })
            .unwrap_or((lines.len(), Kind::Related));
        let last_prose = (first..related).rev().find(|&i| self.speech_prose(i)).unwrap_or(first);
        let closing = (last_prose..related).rev().find_map(|i| {
            let from = if i == first { body_start } else { lines[i].start };
            closing_in(self.text, from..lines[i].end, rule_kind).map(|c| (i, c))
        });
        // Good wishes on lines of their own after the thanks (祝大家新春愉快！) still close the speech.
        let closing = closing.map(|(i, c)| {
            let wishes = (i + 1..related).rev().find(|&j| is_sentence(self.line(j)) && self.chrome_kind(j).is_none());
            match wishes {
                Some(j) => (j, c.start..lines[j].end),
                None => (i, c),
            }
        });
        // Lines no rule explains after the closing are kept: where in doubt, keep.
        let last_unexplained = (first..related).rev().find(|&i| self.chrome_kind(i).is_none()).unwrap_or(first);
        let (last, body_end) = match &closing {
            Some((i, c)) if *i >= last_unexplained => (*i, c.end),
            _ => (last_unexplained, lines[last_unexplained].end),
        };
        End { last, body_end, closing: closing.map(|(_, c)| c), related, related_kind }
    }

    /// The lines before the speech's first line `first`: the title, its kicker, repeats of the
    /// title, a news lead, menus.
    fn remove_head(&self, cleaned: &mut Cleaned, first: usize) {
        let unexplained: Vec<usize> = (0..first)
            .filter(|&i| self.outside_kind(i).is_none() && !is_prose(self.line(i)) && !announces_text(self.line(i)))
            .collect();
        let published =
            |i: usize| i < self.lines.len() && matches!(self.outside_kind(i), Some(Kind::Byline | Kind::Timestamp));
        let (title, kicker) = headline(self.text, &self.lines, &unexplained, published);
        cleaned.title = title.map(|t| self.lines[t].clone());
        let title_key = cleaned.title.as_ref().map(|t| title_key(&self.text[t.clone()]));
        for (i, range) in self.lines[..first].iter().enumerate() {
            let kind = self.outside_kind(i).unwrap_or_else(|| match &cleaned.title {
                Some(t) if t.start == range.start => Kind::Title,
                _ if kicker == Some(i) => Kind::Subtitle,
                Some(_) if title_key.as_deref() == Some(&*self::title_key(self.line(i))) => Kind::DuplicateTitle,
                _ if is_prose(self.line(i)) || announces_text(self.line(i)) => Kind::Lead,
                _ => Kind::Navigation,
            });
            cleaned.removed.push((kind, range.clone()));
        }
    }

    /// The chrome inside the speech, from its first line `first` to its end, and what follows it.
    fn remove_rest(&self, cleaned: &mut Cleaned, first: usize, end: &End) {
        let (text, lines, body) = (self.text, &self.lines, cleaned.body.clone());
        // A flattened page runs its menus, or a news lead, and the speech together on one line.
        if let Some(before) = text::trim(text, lines[first].start..body.start) {
            cleaned.removed.push((unexplained_kind(&text[before.clone()]), before));
        }
        for (i, line) in lines.iter().enumerate().take(end.last + 1).skip(first) {
            let range = line.start.max(body.start)..line.end.min(body.end);
            let kind = if range == *line { self.inside_kind(i) } else { inside_rule(&text[range.clone()]) };
            match kind {
                Some(kind) => cleaned.removed.push((kind, range)),
                None => cleaned.interjections.extend(interjections_in(text, range, cleaned.salutation.as_ref())),
            }
        }
        if let Some(after) = text::trim(text, body.end..lines[end.last].end) {
            cleaned.removed.push((unexplained_kind(&text[after.clone()]), after));
        }
        for (i, range) in lines.iter().enumerate().skip(end.last + 1) {
            // A report keeps its own chrome's kinds; a list of related articles is one piece of chrome.
            let kind = match self.chrome_kind(i) {
                Some(kind) if i < end.related || end.related_kind == Kind::Report => kind,
                _ if i >= end.related => end.related_kind,
                _ => Kind::Navigation,
            };
            cleaned.removed.push((kind, range.clone()));
        }
    }
}

/// Finds the body of the speech in `text` and the chrome to leave out.
pub fn clean(text: &str) -> Cleaned {
    let lines = Lines::new(text);
    let salutation = lines.salutation();
    let first = salutation
        .as_ref()
        .map(|(i, _)| *i)
        .or_else(|| (0..lines.lines.len()).find(|&i| lines.opens_speech(i) && !announces_text(lines.line(i))));
    let Some(first) = first else {
        return Cleaned { body: 0..text.len(), ..Cleaned::default() };
    };
    let body_start = salutation.as_ref().map_or(lines.lines[first].start, |(_, r)| r.start);
    let end = lines.end(first, body_start);
    let mut cleaned = Cleaned {
        body: body_start..end.body_end,
        salutation: salutation.map(|(_, r)| r),
        closing: end.closing.clone(),
        ..Cleaned::default()
    };
    lines.remove_head(&mut cleaned, first);
    lines.remove_rest(&mut cleaned, first, &end);
    crate::sort::sort_by_key(&mut cleaned.removed, |(_, r)| r.start);
    cleaned
}

/// What a kicker above a headline's main line ends with: what the speaker did.
const KICKER_ENDS: &[Word] = &[
    Word {
        word: "强调", example: "王建国在全市干部大会上强调", leaves: &["会议强调的几项重点工作，各地要抓紧推进"]
    },
    Word {
        word: "指出", example: "王建国在调研时指出", leaves: &["对巡视指出的问题，要建立台账、逐项销号"]
    },
    Word {
        word: "表示", example: "王建国会见某国总统时表示", leaves: &["企业家们纷纷表示有信心、有决心"]
    },
    Word {
        word: "要求", example: "王建国在专题会议上要求", leaves: &["这些要求，我们要不折不扣落实到位"]
    },
    Word {
        word: "勉励", example: "王建国给某校学生回信勉励", leaves: &["总书记的勉励，是对我们的鞭策"]
    },
];

/// A line that may be a kicker: it ends with what the speaker did.
fn is_kicker_line(line: &str) -> bool {
    KICKER_ENDS.iter().any(|k| line.ends_with(k.word))
}

/// The title among the `candidates` (lines before the body that no rule explains and that read as
/// no paragraph), with the kicker printed over it: the headline the page repeats most (sites print
/// it as heading, breadcrumb and caption), then the one over the publication line (`published`:
/// a source line or a time), then the longest; a menu's single word, the site's name or a kicker
/// (`王建国在全市干部大会上强调` over `凝心聚力推动高质量发展`) loses. The first of repeated lines is
/// the title.
fn headline(
    text: &str,
    lines: &[Range<usize>],
    candidates: &[usize],
    published: impl Fn(usize) -> bool,
) -> (Option<usize>, Option<usize>) {
    let line = |i: usize| &text[lines[i].clone()];
    let mut repeats = std::collections::HashMap::new();
    for &i in candidates {
        *repeats.entry(title_key(line(i))).or_insert(0usize) += 1;
    }
    let is_kicker = |i: usize| is_kicker_line(line(i)) && candidates.contains(&(i + 1));
    let han = |i: usize| line(i).chars().filter(|&c| is_han(c)).count();
    let title =
        candidates.iter().copied().filter(|&i| !is_kicker(i)).max_by_key(|&i| {
            (han(i) > 4, repeats[&title_key(line(i))], published(i + 1), han(i), std::cmp::Reverse(i))
        });
    let title = title.map(|t| {
        let key = title_key(line(t));
        candidates.iter().copied().find(|&j| title_key(line(j)) == key).unwrap_or(t)
    });
    let kicker = title.and_then(|t| t.checked_sub(1)).filter(|&k| is_kicker(k));
    (title, kicker)
}

fn outside_rule(s: &str) -> Option<Kind> {
    OUTSIDE_RULES.iter().find(|r| (r.find)(s)).map(|r| r.kind)
}

fn inside_rule(s: &str) -> Option<Kind> {
    INSIDE_RULES.iter().find(|r| (r.find)(s)).map(|r| r.kind)
}

fn rule_kind(s: &str) -> Option<Kind> {
    outside_rule(s).or_else(|| inside_rule(s))
}

/// Whether a salutation after `before` on its line opens the speech: menus, chrome or a news lead
/// may stand before it; after sentences of speech, or a numbered heading (一、关于……同志们：), it
/// re-addresses the audience.
fn opens_after(before: &str) -> bool {
    let speech = before.contains(is_sentence_end) || crate::outline::opens_section(before.trim_start_matches(is_blank));
    !speech || rule_kind(before).is_some() || is_lead(before)
}

/// Text beside the speech on its line that no rule names: a news lead when it holds sentences, a
/// byline when it names the speaker, else menus.
fn unexplained_kind(s: &str) -> Kind {
    let kind = match () {
        _ if s.contains(is_sentence_end) => Kind::Lead,
        _ if anatomy::is_byline(s) => Kind::Byline,
        _ => Kind::Navigation,
    };
    rule_kind(s).unwrap_or(kind)
}

/// A blank of each UTF-8 length (see `text::is_blank`): a masked character becomes one blank
/// character as long as itself, so the mask has the same character boundaries as the text. (With
/// a space per byte, a scan counting characters into masked chrome stopped inside one of the
/// text's characters: the concordance's context did, and panicked.)
const BLANKS: [&str; 4] = [" ", "\u{A0}", "\u{3000}", "\u{E0020}"];

/// A copy of `text` with everything outside `body` and inside `removed` blanked character for
/// character (newlines kept), so the analyses see only speech while their offsets still hold for `text`.
pub fn mask(text: &str, cleaned: &Cleaned) -> String {
    mask_outside(text, cleaned.body.clone(), cleaned.removed.iter().map(|(_, range)| range.clone()))
}

/// A copy of `text` with everything outside `body` and inside each of `removed` blanked, as
/// [`mask`] does: for a caller that has the chrome's ranges but not the [`Cleaned`] they came from.
pub fn mask_outside(text: &str, body: Range<usize>, removed: impl IntoIterator<Item = Range<usize>>) -> String {
    let mut blanked: Vec<Range<usize>> = [0..body.start, body.end..text.len()].into_iter().chain(removed).collect();
    crate::sort::sort_by_key(&mut blanked, |r| r.start);
    // Built from the text's own slices and whole blanks, so it is UTF-8 without a second check of
    // every byte (that check was most of the cost).
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for range in blanked {
        let from = range.start.max(at);
        if range.end <= from {
            continue;
        }
        masked.push_str(&text[at..from]);
        for c in text[from..range.end].chars() {
            masked.push_str(if c == '\n' { "\n" } else { BLANKS[c.len_utf8() - 1] });
        }
        at = range.end;
    }
    masked.push_str(&text[at..]);
    masked
}

/// Where in `line` a salutation stands, up to and including its colon (or ！, as diplomatic
/// speeches open `女士们、先生们、朋友们！`): at the line's start (`同志们：`,
/// `尊敬的各位领导、各位来宾：`) or after a flattened page's menus.
fn salutation_in(line: &str) -> Option<Range<usize>> {
    let colons = line
        .char_indices()
        .take_while(|&(at, _)| at < SALUTATION_SEARCH_BYTES)
        .filter(|&(_, c)| matches!(c, '：' | ':' | '！' | '!'));
    for (colon, c) in colons {
        let end = colon + c.len_utf8();
        if let Some(at) = address_start(&line[..colon]) {
            return Some(at..end);
        }
        let start = line[..colon]
            .rfind(|c: char| is_blank(c) || is_sentence_end(c) || matches!(c, '：' | ':' | '>' | '】'))
            .map_or(0, |at| at + line[at..].chars().next().map_or(0, char::len_utf8));
        if let Some(at) = address_start(&line[start..colon]).filter(|_| start > 0) {
            return Some(start + at..end);
        }
    }
    comma_salutation_in(line)
}

/// Where the address terms that run to the end of `s` start: after a byline or a title run into
/// them, as heads print (`关于《……》的说明王建国同志们`, `主席　王建国女士们，先生们`: right after a
/// name, where a bare address or an address head opens), or else at its start.
fn address_start(s: &str) -> Option<usize> {
    let ends_with_name = |before: &str| {
        let han: Vec<char> = before.chars().rev().take_while(|&c| is_han(c)).take(3).collect();
        (2..=3).any(|n| han.get(n - 1).is_some_and(|&c| anatomy::SURNAMES.contains(c)))
    };
    let after_name = s
        .char_indices()
        .map(|(at, _)| at)
        .find(|&at| at > 0 && opens_address(&s[at..]) && ends_with_name(&s[..at]) && is_address(&s[at..]));
    after_name.or_else(|| is_address(s).then_some(0))
}

/// A letter's addressee after its label (`回信` + `北京科技大学全体巴基斯坦留学生：`), or after a news
/// lead that announces the letter (`……回信全文如下：“硬骨头六连”全体官兵：`): any short name with a colon.
fn addressee_in(line: &str, after_label: bool) -> Option<Range<usize>> {
    let start = if after_label { 0 } else { line.find(ANNOUNCES_TEXT).map(|at| at + ANNOUNCES_TEXT.len())? };
    let rest = &line[start..];
    let colon = rest.find(['：', ':'])?;
    let name = &rest[..colon];
    let fits = !name.is_empty() && short(name, 30) && !name.contains(is_clause_break);
    fits.then(|| start..start + colon + rest[colon..].chars().next().map_or(0, char::len_utf8))
}

/// How a news lead hands over to the text it prints: `回信全文如下：`.
const ANNOUNCES_TEXT: &str = "如下：";

/// A salutation that ends with a comma, as some diplomatic speeches open (`尊敬的拉马福萨总统，
/// 尊敬的萨勒总统，在全球抗击新冠肺炎疫情的重要时刻，……`): two address terms or more from the
/// line's start, up to the last comma after them.
fn comma_salutation_in(line: &str) -> Option<Range<usize>> {
    let commas = line.char_indices().filter(|&(_, c)| matches!(c, '，' | ','));
    let ends: Vec<usize> = commas.map_while(|(at, c)| is_address(&line[..at]).then_some(at + c.len_utf8())).collect();
    (ends.len() >= 2).then(|| 0..ends[ends.len() - 1])
}

/// Mid-speech re-addresses of the audience in `range`: sentences that are only address terms
/// and end with ！ (`女士们、先生们、朋友们！`), or a line that is one ending with a colon.
fn interjections_in(text: &str, range: Range<usize>, salutation: Option<&Range<usize>>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = range.start;
    for (at, c) in text[range.clone()].char_indices() {
        let at = range.start + at;
        let ends_line_with_colon = matches!(c, '：' | ':') && at + c.len_utf8() == range.end;
        if !is_sentence_end(c) && !ends_line_with_colon {
            continue;
        }
        let end = at + c.len_utf8();
        if let Some(sentence) = text::trim(text, start..end) {
            let words = &text[sentence.start..at];
            let spoken = matches!(c, '！' | '!' | '：' | ':');
            let in_salutation = salutation.is_some_and(|s| s.start <= sentence.start && sentence.end <= s.end);
            if spoken && is_address(words) && !in_salutation {
                found.push(sentence);
            }
        }
        start = end;
    }
    found
}

/// The closing in `range` (a line of the body's end): the run of sentences holding closing
/// phrases that ends with the last one. What follows it on the line is chrome, or a few words the
/// closing runs on with (谢谢大家！祝大家新年快乐！), or else the phrase closed nothing.
fn closing_in(text: &str, range: Range<usize>, chrome_kind: impl Fn(&str) -> Option<Kind>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let holds_closing = |t: &str| CLOSINGS.iter().any(|c| t.contains(c.word));
    let (phrase, last) =
        CLOSINGS.iter().filter_map(|c| s.rfind(c.word).map(|at| (at, at + c.word.len()))).max_by_key(|p| p.1)?;
    let after = &s[last..];
    let mut end =
        last + after.len() - after.trim_start_matches(|c: char| is_sentence_end(c) || CLOSE_QUOTES.contains(c)).len();
    let sentence_start = |upto: usize| {
        s[..upto].rfind(is_sentence_end).map_or(0, |at| at + s[at..].chars().next().map_or(0, char::len_utf8))
    };
    let mut start = sentence_start(phrase);
    while start > 0 {
        let previous = sentence_start(s[..start].trim_end_matches(|c| is_sentence_end(c) || is_blank(c)).len());
        if !holds_closing(&s[previous..start]) {
            break;
        }
        start = previous;
    }
    let rest = s[end..].trim_matches(is_blank);
    if !rest.is_empty() && chrome_kind(rest).is_none() {
        // More speech after a 批评指正 in mid-paragraph: that was no closing.
        if is_prose(rest) {
            return None;
        }
        end = s.len();
    }
    text::trim(text, range.start + start..range.start + end)
}

/// A line that reads as a paragraph of prose rather than a menu or a heading: titles run to
/// commas too, but they are short and end without a stop.
fn is_prose(line: &str) -> bool {
    // Counted only as far as the rule reads (more than 60): a flattened page is one line of thousands.
    let han = line.chars().filter(|&c| is_han(c)).take(61).count();
    han >= 20
        && line.contains(|c| is_sentence_end(c) || c == '，' || c == ',')
        && (han > 60
            || line
                .trim_end_matches(|c| CLOSE_QUOTES.contains(c))
                .ends_with(|c| is_sentence_end(c) || c == '：' || c == ':'))
}

/// A line ending with a full stop, question or exclamation mark, with some Han words in it.
fn is_sentence(line: &str) -> bool {
    line.trim_end_matches(|c| CLOSE_QUOTES.contains(c)).ends_with(['。', '！', '？', '!', '?'])
        && line.chars().filter(|&c| is_han(c)).nth(1).is_some()
}

/// Titles repeat with small changes (the sample adds 的): compare without spaces and 的.
fn title_key(line: &str) -> String {
    line.chars().filter(|&c| !text::is_blank(c) && c != '的').collect()
}

/// `注：` on a line of its own: notes to the text follow, as reprints print them after the speech.
fn is_notes_heading(line: &str) -> bool {
    matches!(line.trim_matches(is_blank), "注：" | "注:" | "注释：" | "注释:")
}

fn is_related_heading(line: &str) -> bool {
    let core = line.trim_matches(|c: char| is_blank(c) || "【】[]：:".contains(c));
    short(core, 8) && RELATED_HEADINGS.iter().any(|h| core.starts_with(h.word))
}

/// `首页 > 心得体会 > 学习材料 / 正文`, `当前位置：首页 > 新闻`.
fn is_breadcrumb(line: &str) -> bool {
    short(line, 80) && line.split(['>', '›', '»']).count() >= 3 && !line.contains(is_sentence_end)
}

/// A line that is only a date and/or a time: `2023-12-28 12:54:02`, `2023年12月28日 来源：…` is a source line.
fn is_timestamp(line: &str) -> bool {
    short(line, 25)
        && line.chars().filter(char::is_ascii_digit).count() >= 6
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
    short(line, 200)
        && ["小编", "供大家参考", "欢迎阅读", "仅供参考", "版权归原作者", "点击下载", "免费下载"]
            .iter()
            .any(|m| line.contains(m))
}

/// `编者按：…`, `【编者按】…`, `原标题：…`, `核心提示：…`: the site's words before the speech.
fn is_editor_preface(line: &str) -> bool {
    let core = line.trim_start_matches(['【', '[', '（', '(']);
    ["编者按", "编者的话", "原标题", "核心提示", "导读"].iter().any(|m| core.starts_with(m))
}

/// `Tags: …`, `标签：…`, `热词：…`.
fn is_tags(line: &str) -> bool {
    line.get(..4).is_some_and(|head| head.eq_ignore_ascii_case("tags"))
        || ["标签：", "标签:", "关键词：", "热词：", "热词:"].iter().any(|m| line.starts_with(m))
}

/// Site menus after the article: `搜索`, `网站分类`, `标签列表`, `上一篇：…`, `相关推荐`, `分享到：`.
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
        "分享至",
        "打印",
        "关闭",
        "【打印】",
        "【关闭】",
        "扫一扫",
        "欢迎访问",
        "欢迎来到",
        "微信扫一扫",
        "字号",
    ];
    short(line, 40) && MENU.iter().any(|m| line.starts_with(m))
}

/// What a page's player and share bar print: `点击观看视频`, `收听本文 00:00/00:00`, `分享 收藏 打印 纠错`.
const PAGE_CONTROLS: &[&str] = &[
    "点击观看视频",
    "点击播放",
    "观看视频",
    "收听本文",
    "听新闻",
    "微信扫一扫",
    "扫一扫",
    "分享到",
    "分享",
    "收藏",
    "打印",
    "纠错",
];

/// A line of nothing but page controls and a player's times: `微信扫一扫`, `收听本文　00:00/00:00`.
fn is_page_control(line: &str) -> bool {
    let mut rest = line;
    let mut controls = 0;
    while short(line, 40) {
        rest = rest.trim_start_matches(|c: char| is_blank(c) || c.is_ascii_digit() || ":/|｜：".contains(c));
        match PAGE_CONTROLS.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => rest = &rest[w.len()..],
            None => return rest.is_empty() && controls > 0,
        }
        controls += 1;
    }
    false
}

/// Words a site's menus and footer hold: `首页`, `关于我们`.
const MENU_WORDS: &[&str] = &[
    "首页",
    "最新",
    "热搜",
    "要闻",
    "专题",
    "关于我们",
    "联系我们",
    "网站地图",
    "法律声明",
    "隐私政策",
    "登录",
    "注册",
];

/// A menu of short words set apart by blanks or bars: `最新　热搜　某某全会　学习教育　专题`, `关于我们
/// 联系我们 网站地图`; four words at least, or three with a menu word (`坚定信心 真抓实干 奋勇争先` is a title).
fn is_word_menu(line: &str) -> bool {
    if !short(line, 80) {
        return false;
    }
    let words: Vec<&str> =
        line.split(|c: char| is_blank(c) || matches!(c, '|' | '｜')).filter(|w| !w.is_empty()).collect();
    !line.contains(is_clause_break)
        && words.iter().all(|w| short(w, 6))
        && (words.len() >= 4 || words.len() == 3 && words.iter().any(|w| MENU_WORDS.contains(w)))
}

/// A line of nothing but bracketed page controls: `【字号 大 中 小】【打印】【关闭】`, `[打印本页] [关闭窗口]`.
fn is_bracket_menu(line: &str) -> bool {
    if !short(line, 60) {
        return false;
    }
    let mut depth = 0;
    let mut groups = 0;
    for c in line.chars() {
        match c {
            '【' | '[' => depth += 1,
            '】' | ']' if depth > 0 => {
                depth -= 1;
                groups += 1;
            }
            _ if depth == 0 && !is_blank(c) && !matches!(c, '|' | '/' | '丨') => return false,
            _ => {}
        }
    }
    groups > 0 && depth == 0
}

/// Labels of the fields a news page prints around an article.
const SOURCE_FIELDS: &[&str] = &[
    "来源",
    "作者",
    "责任编辑",
    "编辑",
    "发布时间",
    "发布日期",
    "浏览次数",
    "点击数",
    "阅读量",
    "字号",
    "稿源",
    "出处",
];

/// `来源：人民网`, `作者：张三`, `责任编辑：李四`, `2023-10-13 09:30 来源：人民网 作者：张三`:
/// a field label with its colon opens the line, or stands in a short line with no sentence in it.
/// `来源于实践的理论` has no colon, so a speech line starting with 来源 is no source line.
fn is_source_line(line: &str) -> bool {
    let labelled =
        |at: &str| SOURCE_FIELDS.iter().any(|f| at.strip_prefix(f).is_some_and(|r| r.starts_with(['：', ':'])));
    labelled(line)
        || (short(line, 60)
            && !line.contains(is_sentence_end)
            && line.char_indices().any(|(at, _)| labelled(&line[at..])))
}

/// `人民日报记者 张三 李四`, `本报记者 王五`, `新华社记者张三、李四`, `（记者张三、李四）`: an outlet, 记者, and names only.
fn is_reporter_line(line: &str) -> bool {
    let line = line.strip_prefix(['（', '(']).and_then(|l| l.strip_suffix(['）', ')'])).unwrap_or(line);
    let Some((outlet, names)) = line.split_once("记者") else { return false };
    let names: Vec<&str> =
        names.split(|c: char| is_blank(c) || matches!(c, '、' | '/')).filter(|n| !n.is_empty()).collect();
    short(outlet, 10)
        && !outlet.contains(is_clause_break)
        && !names.is_empty()
        && names.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_han))
}

/// A dateline on a line of its own: `新华社北京10月13日电`, `本报讯（记者 王五）`.
fn is_dateline_line(line: &str) -> bool {
    anatomy::dateline_len(line).is_some_and(|len| line[len..].trim_matches(is_blank).is_empty())
}

/// Site footers: copyright and registration lines.
fn is_footer(line: &str) -> bool {
    short(line, 200)
        && ["版权所有", "Copyright", "copyright", "©", "ICP备", "ICP证", "公网安备"].iter().any(|m| line.contains(m))
}

/// `新华社记者 王晔 摄`, `（新华社记者 李学仁 摄）` on a line of their own.
fn is_photo_credit(line: &str) -> bool {
    anatomy::is_credit(line)
}

/// A caption sentence with the credit after it: `…在长沙召开。（新华社记者 王晔 摄）`, `…会议现场。新华社记者 王晔 摄`.
/// Speech never ends a paragraph with a photographer's name.
fn is_credited_caption(line: &str) -> bool {
    if !short(line, 200) {
        return false;
    }
    let bracketed = line.strip_suffix(['）', ')']).and_then(|s| s.rfind(['（', '('])).map(|open| &line[open..]);
    let after_stop =
        line.rfind(is_sentence_end).map(|at| &line[at + line[at..].chars().next().map_or(0, char::len_utf8)..]);
    bracketed.is_some_and(anatomy::is_credit)
        || after_stop.is_some_and(|s| !s.trim().is_empty() && anatomy::is_credit(s))
}

/// `图为会议现场。`, `▲ 10月13日拍摄的会场。`, `（图片来源：视觉中国）`, `资料图片`.
fn is_picture_caption(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "图为",
        "▲",
        "△",
        "图：",
        "上图：",
        "下图：",
        "图片来源",
        "（图片来源",
        "(图片来源",
        "资料图片",
        "（资料图片",
    ];
    short(line, 120) && OPENINGS.iter().any(|o| line.starts_with(o))
}

/// `（责任编辑：王宁）`, `（完）`, `【责任编辑：王宁】`.
fn is_editor_credit(line: &str) -> bool {
    let core = line.trim_matches(['（', '）', '(', ')', '【', '】', '[', ']']);
    core == "完" || (short(core, 20) && ["责任编辑", "编辑", "校对", "审核"].iter().any(|m| core.starts_with(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        clean(text).removed.iter().map(|(k, r)| (*k, &text[r.clone()])).collect()
    }

    #[test]
    fn every_rule_catches_its_examples_and_leaves_its_counter_examples() {
        for rule in OUTSIDE_RULES.iter().chain(INSIDE_RULES) {
            for example in rule.catches {
                assert!((rule.find)(example), "{:?} misses {example}", rule.kind);
            }
            for text in rule.leaves {
                assert!(!(rule.find)(text), "{:?} catches {text}", rule.kind);
            }
        }
    }

    #[test]
    fn every_word_catches_its_example_and_leaves_its_counter_examples() {
        crate::rules::assert_words(RELATED_HEADINGS, is_related_heading);
        crate::rules::assert_words(CLOSINGS, |s| closing_in(s, 0..s.len(), |_| None).is_some());
        crate::rules::assert_words(KICKER_ENDS, is_kicker_line);
        crate::rules::assert_words(LEAD_WORDS, is_lead);
        // A closing's example is the closing whole.
        for w in CLOSINGS {
            let whole = 0..w.example.len();
            assert_eq!(closing_in(w.example, whole.clone(), |_| None), Some(whole), "{}", w.example);
        }
    }

    #[test]
    fn a_noun_ending_in_a_lead_word_is_a_lead_only_after_its_verb() {
        for lead in ["李强代表国务院向大会作政府工作报告。", "省长王五向大会作了工作报告，回顾了过去一年的工作。"]
        {
            assert!(is_lead(lead), "{lead}");
        }
        for speech in ["现在请大家审议市政府工作报告。", "会议要求，认真学习政府工作报告。"]
        {
            assert!(!is_lead(speech), "{speech}");
        }
    }

    /// A lead before a salutation: the speech starts at the salutation, because of the lead word;
    /// without the word, the same sentence is speech and the salutation re-addresses (a line with
    /// no full stop, `现将讲话全文刊发：`, is no sentence and opens nothing either way).
    #[test]
    fn every_lead_word_makes_its_example_a_lead() {
        let body_start = |lead: &str| {
            let text = format!("{lead}\n同志们：\n今天我们召开会议。");
            clean(&text).body.start
        };
        for w in LEAD_WORDS {
            let without = w.example.replace(w.word, "");
            assert!(is_lead(w.example) && !is_lead(&without), "{}: {}", w.word, w.example);
            assert_eq!(body_start(w.example), w.example.len() + 1, "{}", w.example);
            if without.ends_with('。') {
                assert_eq!(body_start(&without), 0, "{without}");
            }
        }
        // A lead word that ends no clause, or a speech that says 我: speech, not a lead (each
        // word's counter-examples, run by `every_word_catches_its_example_and_leaves_its_counter_examples`).
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
            (Kind::Navigation, "职场文秘网"),
            (Kind::Navigation, "首页\u{a0}>\u{a0}心得体会\u{a0}>\u{a0}学习材料 / 正文"),
            (Kind::Timestamp, "2023-12-28 12:54:02"),
            (Kind::DuplicateTitle, "相关领导在政府党组中心组“新质生产力”专题研讨会上的交流发言"),
            (Kind::Navigation, "标签列表"),
            (Kind::Title, "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言"),
        ] {
            assert!(got.contains(&(kind, line)), "{kind:?} {line} not in {got:?}");
        }
        assert!(got.iter().any(|(k, l)| *k == Kind::Tags && l.starts_with("Tags:")));
        assert!(got.iter().any(|(k, l)| *k == Kind::EditorNote && l.starts_with("下面是小编")));
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
                (Kind::Dateline, "新华社北京10月13日电（记者张三）"),
                (Kind::Caption, "新华社记者 王晔 摄"),
                (Kind::Byline, "（责任编辑：王宁）")
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

    // The date a text gives itself, read from the chrome `clean` cuts out (`date::of`).
    fn date_of(text: &str) -> Option<String> {
        crate::date::of(text, &clean(text).removed).map(|d| d.iso())
    }

    #[test]
    fn each_source_gives_the_date_of_its_example() {
        let texts = [
            "同志们：\n今天，我们召开专家学者座谈会。\n※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。",
            "构建新发展格局 实现互利共赢\n（2020年11月19日，北京）\n各位朋友：\n很高兴同大家见面。",
            "北京大学的同学们：\n来信收悉。希望你们努力学习，报效祖国。\n习近平　二〇二〇年五月十七日",
            "各位代表：\n很高兴同大家见面。\n（新华社北京5月18日电）\n《 人民日报 》（ 2020年05月19日 01 版）",
            "同志们：\n今天我们召开会议。\n《 人民日报 》（ 2020年05月19日 01 版）",
        ];
        for ((kind, example, _), text) in crate::date::SOURCES.iter().zip(texts) {
            assert!(text.contains(example), "{kind:?}: {text}");
            // The wire dateline has no year of its own: it takes the issue's.
            let expected = crate::date::dates(example).next().map(|(_, d)| d.iso()).or(Some("2020-05-18".into()));
            assert_eq!(date_of(text), expected, "{kind:?}: {text}");
        }
        // A wire dateline with its own year; a December report in a January issue.
        let text = "新华社北京2019年5月18日电 国家主席习近平18日在会上发表致辞。致辞全文如下：\n各位代表：\n很高兴同大家见面。";
        assert_eq!(date_of(text).as_deref(), Some("2019-05-18"));
        let text = "各位代表：\n很高兴同大家见面。\n（新华社北京12月31日电）\n《 人民日报 》（ 2021年01月01日 01 版）";
        assert_eq!(date_of(text).as_deref(), Some("2020-12-31"));
        // A signature on lines of its own.
        let text = "北京大学的同学们：\n来信收悉。希望你们努力学习，报效祖国。\n习近平\n二〇二〇年五月十七日";
        assert_eq!(date_of(text).as_deref(), Some("2020-05-17"));
    }

    #[test]
    fn the_dates_a_speech_names_are_not_its_date() {
        // The body's dates, a caption's, a wire dateline without a year.
        let text = "新华社北京5月18日电\n同志们：\n2018年1月，我在研讨班上讲过。到2035年基本实现现代化。\n2020年2月10日，中共中央总书记习近平在北京调研。 新华社记者 鞠鹏/摄";
        assert_eq!(date_of(text), None);
    }

    #[test]
    fn the_most_telling_source_wins() {
        // A title's date line over the newspaper's issue.
        let text = "在全国劳动模范和先进工作者表彰大会上的讲话\n（2020年11月24日）\n习近平\n同志们：\n今天，我们隆重召开大会。\n《 人民日报 》（ 2020年11月25日 02 版）";
        assert_eq!(date_of(text).as_deref(), Some("2020-11-24"));
        // Excerpts of two speeches: the note names the month of both.
        let text = "同志们：\n要依法防控。（2020年2月5日在中央全面依法治国委员会第三次会议上的讲话）\n要健全体系。（2020年2月14日在中央全面深化改革委员会第十二次会议上的讲话）\n※ 这是习近平总书记2020年2月两篇讲话中有关内容的节选。";
        assert_eq!(date_of(text).as_deref(), Some("2020-02"));
    }
}
