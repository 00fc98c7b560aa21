//! Who says a quotation: the clause before it, ending in a verb of saying, names the speaker; a
//! pronoun is left out unless the text names whom it means; a quote chained to a quotation shares
//! its speaker.

use super::found::ITEM_MAX_CHARS;
use crate::marks::{MARKS, Run};
use crate::numerals::chinese_number;
use crate::text::{is_blank, is_han, is_sentence_end};
use std::ops::Range;

/// Verbs that introduce a quotation, longest first so that 所说 is not read as 说.
const SAYING: &[(&str, &str)] = &[
    ("深刻指出", "A总书记深刻指出：“…”"),
    ("指出", "A总书记指出：“整合科技创新资源，…”"),
    ("强调", "会议强调：“…”"),
    ("要求", "上级要求：“…”"),
    ("所说", "正如古人所说：“…”"),
    ("所言", "诚如先贤所言：“…”"),
    ("说过", "鲁迅说过：“…”"),
    ("曾说", "鲁迅曾说：“…”"),
    ("写道", "马克思在信中写道：“…”"),
    ("表示", "发言人表示：“…”"),
    ("提出", "报告提出：“…”"),
    ("告诫", "老一辈告诫：“…”"),
    ("有言", "古人有言：“…”"),
    ("讲", "邓小平同志讲：“…”"),
    ("说", "毛泽东同志说：“…”"),
    ("云", "古人云：“…”"),
    ("曰", "子曰：“…”"),
];

/// Words that open an attribution and are not part of the speaker: 正如古人所说 → 古人.
const SPEAKER_LEADS: &[(&str, &str)] = &[("正如", "正如古人所说"), ("诚如", "诚如先贤所言"), ("如", "如鲁迅所说")];

/// Who the clause before a quotation names as its speaker.
#[derive(Debug, PartialEq)]
pub(super) enum Who {
    Named(String),
    /// 他: the person named last as a speaker, if the text named one in the same paragraph.
    Third,
    /// A pronoun the text does not resolve (我, 我们, 大家), or nothing before the verb.
    Unnamed,
}

/// Who says a quotation that starts at `open`: the clause before it, ending in a verb of saying
/// and an optional colon or comma (A总书记指出：“…”, 中国人常说，“…”); `None` when no verb of saying
/// introduces it.
pub(super) fn speaker_before(speech: &str, open: usize) -> Option<Who> {
    let before = speech[..open].trim_end_matches(is_blank);
    let before = before.strip_suffix(['：', ':', '，', ',']).unwrap_or(before).trim_end_matches(is_blank);
    if GLOSSES.iter().any(|(g, _)| before.ends_with(g)) {
        return None;
    }
    let verb = SAYING.iter().find(|(v, _)| before.ends_with(v))?.0;
    Some(speaker_of(&before[..before.len() - verb.len()]))
}

/// What glosses the quotation before rather than introduces someone's words: “A”，意思是说“B”.
const GLOSSES: &[(&str, &str)] = &[
    ("意思是说", "他有句话：“…”，意思是说“…”"),
    ("就是说", "也就是说“…”"),
    ("换句话说", "换句话说，“…”"),
    ("意即", "意即“…”"),
];

/// Who says a quotation that closes a sentence whose first clause ends in a verb of saying, with a
/// clause between (邓小平同志强调，实现四个现代化，“要有正确的组织路线来保证”。). A quote inside the
/// clause (强调，要坚持“房住不炒”的定位) is the sentence's own word, not the speaker's.
fn speaker_of_sentence(speech: &str, outer: &Range<usize>) -> Option<Who> {
    let after = speech[outer.end..].trim_start_matches(is_blank);
    let closes = after.is_empty() || after.starts_with(|c: char| c == '\n' || (is_sentence_end(c) && c != '…'));
    let before = speech[..outer.start].trim_end_matches(is_blank);
    if !closes || !before.ends_with(['，', ',']) {
        return None;
    }
    let sentence = before.rsplit(|c: char| c == '\n' || is_sentence_end(c)).next().unwrap_or(before);
    let first = &sentence[..sentence.find(['，', ',', '：', ':'])?];
    let verb = SAYING.iter().find(|(v, _)| first.ends_with(v))?.0;
    Some(speaker_of(&first[..first.len() - verb.len()]))
}

/// Who `clause` (what stands before a verb of saying) names as the speaker.
fn speaker_of(clause: &str) -> Who {
    // The clause's start, looked for a long way back (建议稿在到2035年……目标中提出): the speaker
    // opens it, whatever stands between.
    let start = clause
        .char_indices()
        .rev()
        .take(SPEAKER_CLAUSE_CHARS)
        .find(|&(at, c)| {
            // 马克思、恩格斯 are two speakers; 二、 is a heading run into the sentence.
            let name: String = clause[..at].chars().rev().take_while(|&c| is_han(c)).collect();
            let names_before = c == '、' && name.chars().count() <= 6 && chinese_number(&name).is_none();
            (crate::text::is_clause_break(c) && !names_before) || is_blank(c) || MARKS.iter().any(|m| m.1 == c)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A list's dash (——中国古人说) or any other mark is no part of a name.
    let mut who = clause[start..].trim_matches(|c: char| is_blank(c) || !c.is_alphanumeric());
    if let Some((lead, _)) = SPEAKER_LEADS.iter().find(|(l, _)| who.starts_with(l)) {
        who = &who[lead.len()..];
    }
    // "A总书记在座谈会上指出": the speaker is who, not where; 在 ending a word (现在) opens no place.
    who = &who[..place_at(who)];
    // "毛泽东同志曾指出", "邓小平同志评价说", "他明确指出": the speaker is who, not how or when;
    // a clause that is nothing but how (……，创造性提出) names no one.
    while let Some((tail, _)) = SPEAKER_TAILS.iter().find(|(t, _)| who.ends_with(t) && !keeps_tail(who, t)) {
        who = &who[..who.len() - tail.len()];
    }
    // A pronoun opens its clause: what stands before it ran in from a heading (研究我多次强调).
    if let Some(pronoun) = PRONOUNS.iter().chain(THIRD_PERSONS).find(|p| who.ends_with(*p)) {
        who = &who[who.len() - pronoun.len()..];
    }
    if THIRD_PERSONS.contains(&who) {
        Who::Third
    } else if who.chars().any(is_han) && who.chars().count() <= ITEM_MAX_CHARS && !PRONOUNS.contains(&who) {
        Who::Named(who.to_string())
    } else {
        Who::Unnamed
    }
}

/// Whether a quoted phrase reads as someone's words, were a speaker to introduce it: a clause of
/// five characters or more (“要有正确的组织路线来保证”), not a set formulation (“实事求是”, a lexicon
/// entry) however introduced.
pub(super) fn says_words(inner: &str) -> bool {
    inner.chars().count() >= 5 && !crate::segment::is_lexicon_word(inner)
}

/// The speakers of a speech's quotations so far, read in order.
#[derive(Default)]
pub(super) struct Speakers {
    /// The person named last as a speaker and where that quotation ended, for a 他 that follows.
    last_named: Option<(String, usize)>,
    /// The last quotation or cited passage: its speaker and where it closed.
    passage: Option<(Option<String>, usize)>,
}

impl Speakers {
    /// The speaker of a quotation `run` whose clause names `who`; it is remembered.
    pub(super) fn resolve(&mut self, speech: &str, run: &Run, who: Who) -> Option<String> {
        let speaker = match who {
            Who::Named(name) => {
                self.last_named =
                    PERSON_TITLES.iter().any(|(title, _)| name.ends_with(title)).then(|| (name.clone(), run.outer.end));
                Some(name)
            }
            Who::Third => self
                .last_named
                .as_ref()
                .filter(|(_, end)| same_paragraph(&speech[*end..run.outer.start]))
                .map(|(name, _)| name.clone()),
            Who::Unnamed => None,
        };
        self.passage(speaker.clone(), run);
        speaker
    }

    pub(super) fn passage(&mut self, speaker: Option<String>, run: &Run) {
        self.passage = Some((speaker, run.outer.end));
    }

    /// Whose words a quoted phrase `run` is: `Some(speaker)` when it is a quotation, introduced by
    /// a verb of saying or chained by a comma to the quotation before
    /// (“第一是眼睛向下，不要只是昂首望天”，“第二是开调查会”), whose speaker it shares. It must close
    /// its clause: a phrase the sentence goes on from (强调“以组织体系建设为重点”的道理) is named, not quoted.
    pub(super) fn of_phrase(&mut self, speech: &str, run: &Run) -> Option<Option<String>> {
        let after = speech[run.outer.end..].trim_start_matches(is_blank);
        if !(after.is_empty() || after.starts_with(|c: char| c == '\n' || crate::text::is_clause_break(c))) {
            return None;
        }
        let chained = self.passage.as_ref().filter(|(_, end)| {
            *end <= run.outer.start && matches!(speech[*end..run.outer.start].trim_matches(is_blank), "，" | "," | "；")
        });
        if let Some((speaker, _)) = chained {
            let speaker = speaker.clone();
            self.passage(speaker.clone(), run);
            return Some(speaker);
        }
        let who = speaker_before(speech, run.outer.start).or_else(|| speaker_of_sentence(speech, &run.outer))?;
        Some(self.resolve(speech, run, who))
    }
}

/// Pronouns for someone the text named before: 钟南山同志说：“…”……他说：“…”. Only 他, which also
/// stands for anyone: 她 after a man's name would be a woman named earlier, or no one.
const THIRD_PERSONS: &[&str] = &["他"];

/// What marks a speaker as a person a later 他 or 她 may mean (a document, 建议稿, is never 他).
const PERSON_TITLES: &[(&str, &str)] = &[
    ("同志", "钟南山同志"),
    ("先生", "孙中山先生"),
    ("女士", "宋庆龄女士"),
    ("总书记", "习近平总书记"),
    ("主席", "毛泽东主席"),
    ("总理", "周恩来总理"),
    ("总统", "拉马福萨总统"),
    ("院士", "钟南山院士"),
    ("教授", "某某教授"),
    ("医生", "张医生"),
];

/// Whether `between` (text between two quotations) stays in one paragraph: no line break, no run of
/// blanks such as a flattened paste breaks paragraphs with.
fn same_paragraph(between: &str) -> bool {
    crate::text::paragraphs(between).len() <= 1 && !between.contains('\n')
}

/// How far back a speaker's clause may start, in characters.
const SPEAKER_CLAUSE_CHARS: usize = 80;

/// Words between a speaker and the verb that introduces the quotation, not part of the speaker.
const SPEAKER_TAILS: &[(&str, &str)] = &[
    ("曾经", "毛泽东同志曾经说"),
    ("曾", "毛泽东同志曾指出"),
    ("早就", "马克思早就说过"),
    ("常", "中国人常说"),
    ("多次", "我多次强调"),
    ("就此", "我就此指出"),
    ("就", "毛泽东同志就说过"),
    ("都", "大家都说"),
    ("也", "他也说"),
    ("还", "他还说"),
    ("特地", "我特地强调"),
    ("评价", "邓小平同志评价说"),
    ("深刻", "马克思深刻指出"),
    // Manner adverbs: how it was said.
    ("旗帜鲜明地", "张三同志旗帜鲜明地指出"),
    ("旗帜鲜明", "他旗帜鲜明提出"),
    ("鲜明地", "报告鲜明地提出"),
    ("鲜明", "他鲜明提出"),
    ("明确地", "他明确地指出"),
    ("明确", "他明确指出"),
    ("创造性地", "全会创造性地提出"),
    ("创造性", "全会创造性提出"),
    ("郑重", "他郑重提出"),
    ("反复", "他反复强调"),
    ("一再", "他一再强调"),
    ("首次", "报告首次提出"),
    ("又", "我们又明确提出"),
    // Function words: 某某同志所指出, 某国谚语则说.
    ("所", "某某同志所指出"),
    ("则", "某国谚语则说"),
];

/// Words ending in 在 that are no 在 of place before a verb of saying: 现在我们又明确提出.
const WORDS_ENDING_IN_ZAI: &[&str] = &["现在", "正在", "存在", "实在", "所在", "潜在", "内在", "外在", "好在", "旨在"];

/// Where the 在 that opens a place (在座谈会上) stands in `who`, else its end.
fn place_at(who: &str) -> usize {
    who.match_indices('在')
        .map(|(at, _)| at)
        .find(|&at| !WORDS_ENDING_IN_ZAI.iter().any(|w| who[..at + '在'.len_utf8()].ends_with(w)))
        .unwrap_or(who.len())
}

/// Names a function-word tail ends, which keep it: 研究所指出 is an institute's words, not 研究's.
const NAMES_ENDING_IN_TAILS: &[&str] = &["研究所", "事务所", "派出所"];

/// Whether `tail` is part of the name `who` ends with, not a word before the verb.
fn keeps_tail(who: &str, tail: &str) -> bool {
    NAMES_ENDING_IN_TAILS.iter().any(|name| name.ends_with(tail) && who.ends_with(name))
}

/// Pronouns whose referent the text may not say (我 is the speaker of the speech, whom a copy may
/// not name): left out rather than named wrongly.
const PRONOUNS: &[&str] = &["我", "我们", "你", "你们", "您", "她", "他们", "她们", "它", "大家", "咱们"];

#[cfg(test)]
mod tests {
    use super::*;

    fn named(who: Option<Who>) -> Option<String> {
        match who {
            Some(Who::Named(name)) => Some(name),
            _ => None,
        }
    }

    #[test]
    fn each_saying_verb_finds_its_speaker() {
        for (verb, example) in SAYING {
            let open = example.find('“').unwrap_or(0);
            let who = named(speaker_before(example, open)).unwrap_or_else(|| panic!("{example}"));
            assert!(!who.is_empty() && !who.ends_with(verb), "{example}: {who}");
        }
        assert_eq!(named(speaker_before("  A总书记指出:“", "  A总书记指出:".len())).as_deref(), Some("A总书记"));
        assert_eq!(named(speaker_before("正如古人所说：“", "正如古人所说：".len())).as_deref(), Some("古人"));
        assert_eq!(speaker_before("我们都知道“", "我们都知道".len()), None);
        for (lead, example) in SPEAKER_LEADS {
            let text = format!("{example}：“");
            let who = named(speaker_before(&text, text.len() - '“'.len_utf8())).unwrap_or_else(|| panic!("{example}"));
            assert!(!who.starts_with(lead) && !who.is_empty(), "{example}: {who}");
        }
    }

    #[test]
    fn speakers_are_names_or_titles_not_fragments() {
        let speaker = |text: &str| named(speaker_before(text, text.find('“').expect("a quotation")));
        for (tail, example) in SPEAKER_TAILS {
            let text = format!("{example}：“…”");
            let who = speaker(&text);
            assert!(who.as_deref().is_none_or(|w| !w.ends_with(tail)), "{example}: {who:?}");
        }
        assert_eq!(speaker("毛泽东同志曾指出：“…”").as_deref(), Some("毛泽东同志"));
        assert_eq!(speaker("正如马克思、恩格斯所说：“…”").as_deref(), Some("马克思、恩格斯"));
        assert_eq!(speaker("为此，建议稿在到2035年基本实现社会主义现代化远景目标中提出“…”").as_deref(), Some("建议稿"));
        for pronoun in ["我就此特地强调：“…”", "大家都说：“…”", "他说：“…”"] {
            assert_eq!(speaker(pronoun), None, "{pronoun}");
        }
    }

    #[test]
    fn glosses_introduce_no_one_and_names_keep_their_tails() {
        for (gloss, example) in GLOSSES {
            let open = example.rfind('“').expect("a quotation");
            assert!(example[..open].trim_end_matches(['，', '：']).ends_with(gloss), "{example}");
            assert_eq!(speaker_before(example, open), None, "{example}");
        }
        let speaker = |text: &str| named(speaker_before(text, text.find('“').expect("a quotation")));
        for name in NAMES_ENDING_IN_TAILS {
            assert_eq!(speaker(&format!("{name}指出：“…”")).as_deref(), Some(*name));
        }
        assert_eq!(speaker("现在我们又明确提出：“…”"), None, "我们, not 现");
        assert_eq!(speaker("总书记在会上指出：“…”").as_deref(), Some("总书记"));
        assert_eq!(speaker("——中国古人说：“…”").as_deref(), Some("中国古人"));
    }

    #[test]
    fn every_person_title_marks_its_example() {
        for (title, example) in PERSON_TITLES {
            let text = format!("{example}说：“…”");
            assert!(example.ends_with(title), "{example}");
            assert_eq!(named(speaker_before(&text, text.find('“').unwrap_or(0))).as_deref(), Some(*example));
        }
    }
}
