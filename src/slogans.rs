//! The catch-phrases official speech is made of: quoted coinages, numbered formulas, cited
//! documents, attributed quotations, parallel clauses, idioms and known formulations.
//!
//! Three linear scans over the masked speech, each feeding one list of [`Found`]:
//! 1. the marks (`“”「」『』""‘’《》〈〉`), nested up to `MAX_NESTING`: every quoted run is classed
//!    (phrase, enumeration, passage) and every 《…》 is a title;
//! 2. the tokens: lexicon words, idioms, unquoted numbered formulas (一带一路), and the bare
//!    occurrences of phrases the speech quotes elsewhere;
//! 3. the clauses between `、，；`: runs of three or more that share a frame.
//!
//! Then one grouping by text. The rules are the tables below, each entry with what it catches.

use crate::model::SloganKind;
use crate::segment::{Pos, Tok, lexicon_entries};
use crate::text::{chinese_number, is_blank, is_han, is_sentence_end};
use jieba_rs::Jieba;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// What a pair of marks encloses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Quote,
    Title,
}

/// Marks a pasted text may use, as (open, close, role); straight quotes open and close alike.
const MARKS: &[(char, char, Role)] = &[
    ('“', '”', Role::Quote),   // “县域不经济”
    ('「', '」', Role::Quote), // 「县域不经济」
    ('『', '』', Role::Quote), // 『数商兴农』
    ('"', '"', Role::Quote),   // "双倍增"
    ('‘', '’', Role::Quote),   // “坚持‘两个确立’”: the inner quote of a quote
    ('《', '》', Role::Title), // 《市委关于锚定“三高四新”美好蓝图 加快推动高质量发展的若干意见》
    ('〈', '〉', Role::Title), // 《〈资本论〉导读》
];

/// Deepest nesting of marks followed (“…‘…’…” is two). Deeper marks are read as text, so a line
/// of 100,000 unclosed “ costs no more than one.
const MAX_NESTING: usize = 4;

/// Longest quoted run, in characters, still read as a phrase rather than a quotation.
const PHRASE_MAX_CHARS: usize = 12;

/// Longest title, in characters: past this a 《 is a stray mark, not a document's name.
const TITLE_MAX_CHARS: usize = 100;

/// Longest item of an enumeration or a parallel run, in characters: longer clauses are prose.
const ITEM_MAX_CHARS: usize = 30;

/// Words after a numeral that make it a quantity, not a formula: `三个月` is three months.
/// Checked after an optional classifier (`个`, `项`); the first entry that starts the rest wins.
const QUANTITY_HEADS: &[(&str, &str)] = &[
    ("月", "三个月"),
    ("年", "两年"),
    ("天", "三天"),
    ("日", "五日"),
    ("星期", "两个星期"),
    ("小时", "两个小时"),
    ("季度", "三个季度"),
    ("世纪", "二十一世纪"),
    ("届", "十二届四次全会"),
    ("次", "四次全会"),
    ("人", "三个人"),
    ("倍", "两倍"),
    ("万", "三万"),
    ("亿", "两亿"),
    ("千", "五千"),
    ("百", "三百"),
    ("多", "二十多"),
    ("余", "十余"),
    ("些", "一些"),
    ("点", "两点"),
    ("方面", "三个方面"),
    ("部分", "两个部分"),
    ("岁", "十四岁"),
    ("家", "三家"),
    ("分", "十分重要"),
];

/// Classifiers a formula may put between its numeral and its noun: 两个确立, 四项基本原则.
const CLASSIFIERS: &[(char, &str)] =
    &[('个', "四个意识"), ('项', "四项基本原则"), ('大', "三大攻坚战"), ('条', "三条红线")];

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

/// Idioms of two clauses (无源之水，无本之木; 三天打鱼，两天晒网), from the idiom list: no segmentation
/// holds one as a word, so they are found whole in the text (its halves alone are no idiom).
const IDIOM_SAYINGS: &str = include_str!("../data/idiom-sayings.txt");

/// Characters a frame of function words alone would be made of: 我的、你的、他的 is no 排比.
const FRAME_FILLERS: &str = "的了和与及等在是也都而并之对把被从向就还又";

/// A slogan found once, by byte range, before grouping.
#[derive(Clone, Debug)]
pub struct Found {
    pub kind: SloganKind,
    /// What the slogan is, as grouped and as located: a quoted phrase without its marks.
    pub text: Range<usize>,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

impl Found {
    fn new(kind: SloganKind, text: Range<usize>) -> Found {
        Found { kind, text, expansion: None, frame: None, speaker: None }
    }
}

/// A distinct slogan with every occurrence, by byte ranges.
#[derive(Clone, Debug)]
pub struct Grouped {
    pub text: String,
    pub kind: SloganKind,
    pub occurrences: Vec<Range<usize>>,
    pub score: f64,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

/// An inconsistency the slogans show, by byte range.
#[derive(Clone, Debug, PartialEq)]
pub struct Inconsistency {
    pub kind: &'static str,
    pub message: String,
    pub range: Range<usize>,
}

/// Everything [`detect`] finds.
#[derive(Clone, Debug, Default)]
pub struct Detected {
    pub slogans: Vec<Grouped>,
    pub warnings: Vec<Inconsistency>,
}

/// A run of text between a pair of [`MARKS`]. An analysis finds them once ([`mark_runs`]): the
/// cut needs the quoted ones ([`marked_units`]), the detection all of them.
#[derive(Clone, Debug)]
pub struct Run {
    role: Role,
    inner: Range<usize>,
    outer: Range<usize>,
}

/// Every marked run of `speech`, in order of its opening mark. A run does not cross a line; a
/// closing mark closes the innermost open run it matches, dropping unclosed runs inside it.
pub fn mark_runs(speech: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::with_capacity(MAX_NESTING); // (index in MARKS, byte)
    // Han characters are most of a speech and none is a mark: skipped before any comparison.
    for (at, c) in speech.char_indices().filter(|&(_, c)| !is_han(c)) {
        if c == '\n' {
            open.clear();
        } else if let Some(depth) = open.iter().rposition(|&(m, _)| MARKS[m].1 == c) {
            let (m, start) = open[depth];
            open.truncate(depth);
            let (o, _, role) = MARKS[m];
            runs.push(Run { role, inner: start + o.len_utf8()..at, outer: start..at + c.len_utf8() });
        } else if let Some(m) = MARKS.iter().position(|&(o, _, _)| o == c)
            && open.len() < MAX_NESTING
        {
            open.push((m, at));
        }
    }
    crate::sort::sort_by_key(&mut runs, |r| r.outer.start);
    runs
}

/// A quoted run short enough, and free of clause punctuation, to be a phrase.
fn is_phrase(inner: &str) -> bool {
    let chars = inner.chars().count();
    (1..=PHRASE_MAX_CHARS).contains(&chars)
        && inner.chars().any(is_han)
        && !inner.contains(|c: char| is_sentence_end(c) || matches!(c, '，' | ',' | '、'))
}

/// What a quoted name ends with: the speech quotes a programme, an initiative or a unit by its
/// name, it coins nothing. Counter-examples: “政治病毒”, “形象工程”, “硬骨头精神” are coinages.
const QUOTED_NAME_TAILS: &[(&str, &str)] = &[
    ("计划", "“八七扶贫攻坚计划”, “新冠肺炎疫苗实施计划”"),
    ("倡议", "“全球数据安全倡议”"),
    ("行动", "“健康卫生行动”"),
    ("连", "“刘老庄连”, “硬骨头六连”"),
    ("队", "“飞虎队”"),
    ("壮士", "“狼牙山五壮士”, “八百壮士”"),
    ("航线", "“驼峰航线”"),
    ("肺炎", "“不明原因病毒性肺炎”"),
    ("冠状病毒", "“新型冠状病毒”"),
];

/// What a list of names ends with: “中华文明起源与早期发展综合研究”、“考古中国”等重大项目 names two
/// projects. Counter-example: “放管服”等改革 (a reform is no name).
const NAMED_KINDS: &[(&str, &str)] = &[
    ("项目", "“考古中国”等重大项目"),
    ("工程", "“天宫”、“蛟龙”等重大工程"),
    ("活动", "“光盘行动”等活动"),
    ("节目", "“典籍里的中国”等节目"),
];

/// Whether the quote closing at `end` is one of a list of names: 等, a modifier of a few characters,
/// then one of [`NAMED_KINDS`].
fn named_in_list(speech: &str, end: usize) -> bool {
    speech[end..].strip_prefix('等').is_some_and(|rest| {
        let head: String = rest.chars().take(NAMED_KIND_MAX_CHARS).collect();
        NAMED_KINDS.iter().any(|(kind, _)| head.find(kind).is_some_and(|at| head[..at].chars().all(is_han)))
    })
}

/// How far after 等 the kind of a list of names may stand: 等重大科技项目.
const NAMED_KIND_MAX_CHARS: usize = 6;

/// How often jieba's reference corpus says a word that, quoted, is a scare quote and no coinage
/// (“社会主义” 13,995, “绝大多数” 1,322, “加速器” 277), where a metaphor in quotes is rarer
/// (“菜篮子” 209, “老好人” 37, “金钥匙” 18).
const SCARE_QUOTED_FREQUENCY: usize = 250;

/// A quoted phrase that coins nothing: one character (“形”“效”: wordplay on a character), a plain
/// word of two or a common word in scare quotes (“合作”, “灾害”, “社会主义”), a generation (“90后”) or a dated plan
/// (“健康中国2030”), a ranking (“全国第一”), or a name ([`QUOTED_NAME_TAILS`]). “从0到1”, “卡脖子”,
/// “飞地经济” are coinages.
fn coins_nothing(inner: &str) -> bool {
    let digits = inner.chars().filter(char::is_ascii_digit).count();
    let chars = inner.chars().count();
    let common =
        crate::segment::reference_frequency(inner) >= SCARE_QUOTED_FREQUENCY && !crate::segment::is_lexicon_word(inner);
    chars == 1
        || (chars == 2 && crate::segment::in_dictionary(inner))
        || common
        || digits >= 4
        || (digits > 0 && inner.ends_with('后') && chars == digits + 1)
        || (inner.ends_with("第一") && chars <= 4)
        || QUOTED_NAME_TAILS.iter().any(|(tail, _)| inner.ends_with(tail))
        || JARGON.iter().any(|(word, _)| *word == inner)
        || is_term_of_war(inner)
}

/// Words of today's official jargon that jieba's older dictionary lacks: scare-quoted, each is as
/// plain as the jargon it has (“抓手”, “倒逼”, dropped as words of two). Counter-examples: “甩锅”,
/// a colloquial coinage, and “赶考”, a metaphor, are no office words.
const JARGON: &[(&str, &str)] = &[
    ("对标", "向先进地区“对标”: to measure oneself against"),
    ("对表", "按时间节点“对表”: to keep to the schedule"),
    ("赋能", "为基层“赋能”: to empower"),
];

/// Wars a speech wages as metaphors of its tasks (打赢疫情防控“阻击战”): quoted, each is a coinage.
const WARS_OF_POLICY: &[(&str, &str)] = &[
    ("阻击战", "打赢疫情防控“阻击战”"),
    ("攻坚战", "打好脱贫“攻坚战”"),
    ("总体战", "疫情防控的“总体战”"),
    ("持久战", "打好“持久战”"),
];

/// A term of war the dictionary holds as one word (“地道战”, “细菌战”, “绞杀战”), quoted as the
/// name of a way of fighting or of a campaign of history, which coins nothing; the wars of
/// [`WARS_OF_POLICY`] and a war the dictionary lacks (“空中拼刺刀”, “舆论战”) are coinages.
fn is_term_of_war(inner: &str) -> bool {
    inner.ends_with('战')
        && inner.chars().count() >= 3
        && crate::segment::in_dictionary(inner)
        && !WARS_OF_POLICY.iter().any(|(war, _)| *war == inner)
}

/// Verbs of law-making: the name that follows them, ending in 法, 法典 or 条例, is a law's title
/// written without book-title marks, as work reports write them (制定民营经济促进法).
const LAW_MAKING: &[(&str, &str)] = &[
    ("制定", "制定民营经济促进法"),
    ("修订", "修订了传染病防治法"),
    ("修改", "修改立法法"),
    ("出台", "出台生物安全法"),
    ("颁布", "颁布民法典"),
    ("施行", "施行外商投资法"),
    ("实施", "实施好民法典"),
    ("执行", "贯彻执行党组工作条例"),
    ("落实", "落实民营经济促进法"),
    ("起草", "起草能源法"),
    ("编纂", "编纂民法典"),
];

/// Words that join a verb of law-making before the name, and are no part of it: 修改完善宪法,
/// 抓紧制定, 制定出台民营经济促进法 (the verbs of [`LAW_MAKING`] are skipped the same way).
const LAW_VERB_COMPANIONS: &[&str] = &["完善", "加快", "抓紧", "研究", "及时", "尽快"];

/// Words ending in 法 that name no law: 实施办法, 完善相关立法, 改进工作方法 are no titles.
const NOT_LAWS: &[&str] = &[
    "办法", "方法", "做法", "想法", "说法", "看法", "手法", "打法", "写法", "用法", "立法", "执法", "司法", "守法",
    "违法", "合法", "非法", "依法", "普法", "算法", "疗法", "技法", "章法", "书法", "语法", "兵法", "变法", "效法",
];

/// Laws of two characters: any other name of two characters ending in 法 is a common word.
const SHORT_LAWS: &[&str] = &["宪法", "刑法", "民法"];

/// How long a law's name may be: 中华人民共和国农村土地承包经营纠纷调解仲裁法 is 21.
const LAW_MAX_CHARS: usize = 24;

/// Laws named without book-title marks after a verb of law-making ([`LAW_MAKING`]), a list of them
/// included (出台生物安全法、出口管制法). The name is the run of Han characters up to the next
/// mark, 的, 和, 及 or 与. Counter-examples: 实施办法, 制定科学的方法, 实施乡村振兴战略.
fn unbracketed_laws(speech: &str) -> Vec<Range<usize>> {
    let is_name_char = |c: char| is_han(c) && !matches!(c, '的' | '和' | '及' | '与' | '等');
    let is_law = |name: &str| {
        let chars = name.chars().count();
        (name.ends_with('法') || name.ends_with("法典") || name.ends_with("条例"))
            && (chars > 2 || SHORT_LAWS.contains(&name))
            && chars <= LAW_MAX_CHARS
            && !NOT_LAWS.iter().any(|w| name.ends_with(w))
    };
    // Past the verbs before a name: 修改完善…, 制定出台…, 修订了…, 实施好….
    let name_start = |mut at: usize| {
        while let Some(word) = LAW_MAKING
            .iter()
            .map(|(v, _)| *v)
            .chain(LAW_VERB_COMPANIONS.iter().copied())
            .chain(["了", "好"])
            .find(|w| speech[at..].starts_with(w))
        {
            at += word.len();
        }
        at
    };
    let mut laws = Vec::new();
    for (verb, _) in LAW_MAKING {
        for (at, _) in speech.match_indices(verb) {
            let mut start = name_start(at + verb.len());
            loop {
                let end = speech[start..].find(|c: char| !is_name_char(c)).map_or(speech.len(), |n| start + n);
                if !is_law(&speech[start..end]) {
                    break;
                }
                laws.push(start..end);
                // A list: 生物安全法、出口管制法; 外商投资法及其实施条例 refers, it names nothing.
                match speech[end..].chars().next() {
                    Some(c @ ('、' | '和' | '及' | '与')) if !speech[end + c.len_utf8()..].starts_with('其') => {
                        start = name_start(end + c.len_utf8())
                    }
                    _ => break,
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut laws, |r| r.start);
    laws.dedup();
    laws
}

/// Phrases the speech itself marks as units (quotes them), which segmentation must keep whole.
/// `runs` are the speech's [`mark_runs`].
pub fn marked_units<'s>(speech: &'s str, runs: &[Run]) -> Vec<&'s str> {
    let mut units: Vec<&str> = runs
        .iter()
        .filter(|r| r.role == Role::Quote)
        .map(|r| &speech[r.inner.clone()])
        .filter(|s| is_phrase(s) && s.chars().count() >= 2)
        .collect();
    crate::sort::sort_by(&mut units, Ord::cmp);
    units.dedup();
    units
}

/// Of the occurrences of the units a cut keeps whole (`units`, from [`segment::find_units`]), those
/// that are words: where the speech quotes the phrase, a word the user added, or where `plain` (the
/// speech cut without them) has a word boundary at both ends. A quoted 人民 said bare inside
/// 中华人民共和国, or 自由 inside 资产阶级自由化, is no occurrence of it.
///
/// [`segment::find_units`]: crate::segment::find_units
pub fn units_as_words(
    speech: &str,
    runs: &[Run],
    units: Vec<Range<usize>>,
    plain: &[Tok],
    user_words: &[&str],
) -> Vec<Range<usize>> {
    let mut quoted: Vec<usize> = runs.iter().filter(|r| r.role == Role::Quote).map(|r| r.inner.start).collect();
    crate::sort::sort_by(&mut quoted, Ord::cmp);
    let starts_word = |at: usize| plain.binary_search_by_key(&at, |t| t.start).is_ok();
    let ends_word = |at: usize| plain.binary_search_by_key(&at, |t| t.end).is_ok();
    units
        .into_iter()
        .filter(|r| {
            quoted.binary_search(&r.start).is_ok()
                || user_words.contains(&&speech[r.clone()])
                || (starts_word(r.start) && ends_word(r.end))
        })
        .collect()
}

/// What the lexicon knows of a word.
struct Known {
    /// A numbered formula by its shape (两个确立, filed under `party`) or filed as one (双倍增,
    /// whose 倍 would read as a quantity). Worked out once here, not per occurrence.
    numbered: bool,
    /// A set formulation (提法), which is a slogan; a topic (产业链, 人工智能) is a term only.
    formulation: bool,
    /// The items an abbreviation stands for (`=a、b、c` in its note), in each version it had.
    expansions: Vec<Expansion>,
}

/// A version of an abbreviation's items and the months it held, counted as `year * 12 + month - 1`
/// (`2014.12-2020.10=全面建成小康社会、…`; open-ended without a date).
struct Expansion {
    months: std::ops::RangeInclusive<u32>,
    items: Vec<&'static str>,
}

/// What separates a lexicon note's items: never in an item, which keeps its own 、 (两个确立's
/// 习近平同志党中央的核心、全党的核心地位).
const ITEM_SEPARATOR: char = ';';

/// The versions of the items a lexicon note spells out (see data/lexicon.tsv, `note`).
fn expansions(note: &'static str) -> Vec<Expansion> {
    let month = |s: &str| {
        let (year, month) = s.split_once('.')?;
        Some(year.parse::<u32>().ok()? * 12 + month.parse::<u32>().ok()?.checked_sub(1)?)
    };
    note.split('|')
        .filter_map(|version| {
            let (era, items) = version.split_once('=')?;
            let months = match era.split_once('-') {
                None if era.is_empty() => 0..=u32::MAX,
                Some((from, until)) => {
                    month(from).unwrap_or(0)..=(if until.is_empty() { u32::MAX } else { month(until)? })
                }
                None => return None,
            };
            Some(Expansion { months, items: items.split(ITEM_SEPARATOR).collect() })
        })
        .collect()
}

/// Every version of every formula the lexicon spells out: (formula, the months it held as
/// `year * 12 + month - 1`, its items in their fixed order). The draft check holds lists to them.
pub fn formula_versions()
-> impl Iterator<Item = (&'static str, &'static std::ops::RangeInclusive<u32>, &'static [&'static str])> {
    lexicon()
        .iter()
        .flat_map(|(word, known)| known.expansions.iter().map(move |v| (*word, &v.months, v.items.as_slice())))
}

/// FxHash, as for every per-analysis table: the lexicon is looked up once per token, where std's
/// SipHash costs more than the lookup. Its keys are fixed, so crafted input cannot pile collisions into it.
type LexiconMap = FxHashMap<&'static str, Known>;

/// The lexicon's words with what it knows of them.
fn lexicon() -> &'static LexiconMap {
    static LEXICON: OnceLock<LexiconMap> = OnceLock::new();
    LEXICON.get_or_init(|| {
        lexicon_entries()
            .map(|e| {
                let numbered = e.category == "numbered" || formula_count(e.word).is_some();
                (e.word, Known { numbered, formulation: e.formulation, expansions: expansions(e.note) })
            })
            .collect()
    })
}

/// Numerals that count the items of a formula: 三农, 两个确立, 双倍增, 十四五.
/// 百/千/万 are left out: 百花齐放 and 千帆竞发 are images, not counts.
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' | '双')
}

fn is_classifier(c: char) -> bool {
    CLASSIFIERS.iter().any(|(k, _)| *k == c)
}

/// `rest` begins with a quantity word: the numeral before it counts things, it names no formula.
fn is_quantity(rest: &str) -> bool {
    QUANTITY_HEADS.iter().any(|(head, _)| rest.starts_with(head))
}

/// How many items a formula names, judged by its shape; `None` when it is no formula.
/// `Some(None)`: a formula whose shape gives no count (十四五 is a plan, not fourteen-five things).
/// 新 or 老 may open it: 新三样 (电动汽车、锂电池、光伏产品), 老三样.
fn formula_count(s: &str) -> Option<Option<u32>> {
    if let Some(rest) = s.strip_prefix(['新', '老']).filter(|rest| rest.starts_with(is_numeral)) {
        return formula_count(rest);
    }
    let chars: Vec<char> = s.chars().collect();
    // 十四五, 十三五: a five-year plan.
    if let ['十', d, '五'] = chars[..]
        && is_numeral(d)
    {
        return Some(None);
    }
    // 三高四新, 一带一路, 三去一降一补: numeral and one character, at least twice, alternating.
    if chars.len() >= 4
        && chars.len().is_multiple_of(2)
        && chars.chunks(2).all(|p| {
            let counted = p[1].to_string();
            is_numeral(p[0]) && is_han(p[1]) && !is_numeral(p[1]) && !is_quantity(&counted) && !is_classifier(p[1])
        })
    {
        return Some(chars.chunks(2).map(|p| chinese_number(&p[0].to_string())).sum());
    }
    // 四链, 双倍增, 两个确立, 五位一体: a number (not 一, which starts 一直 and 一些), an optional
    // classifier, then the thing counted.
    let digits = chars.iter().take_while(|c| is_numeral(**c)).count();
    let number = chinese_number(&s[..chars[..digits].iter().map(|c| c.len_utf8()).sum()])?;
    let mut rest = &chars[digits..];
    if let [c, tail @ ..] = rest
        && is_classifier(*c)
        && !tail.is_empty()
    {
        rest = tail;
    }
    let rest: String = rest.iter().collect();
    (chars[0] != '一' && !rest.is_empty() && rest.chars().all(is_han) && !is_quantity(&rest)).then_some(Some(number))
}

/// A numbered formula by its shape (三高四新) or as the lexicon files it.
fn is_numbered(word: &str) -> bool {
    lexicon().get(word).map_or_else(|| formula_count(word).is_some(), |known| known.numbered)
}

/// The items a formula is known to stand for, from the lexicon, in the version of `month` (the
/// text's own latest date, `year * 12 + month - 1`; the current version when it has none).
fn known_expansion(formula: &str, month: Option<u32>) -> Option<&'static [&'static str]> {
    let versions = &lexicon().get(formula)?.expansions;
    let dated = month.and_then(|m| versions.iter().find(|v| v.months.contains(&m)));
    dated.or(versions.last()).map(|v| v.items.as_slice())
}

/// A formula said in another sense than the lexicon's, by what stands right before or after it:
/// its items then are these (none if empty).
struct Sense {
    formula: &'static str,
    before: &'static str,
    after: &'static str,
    items: &'static str,
    #[cfg_attr(not(test), expect(dead_code, reason = "documents the rule; the tests check it"))]
    example: &'static str,
}

/// Formulas a context gives another sense.
const OTHER_SENSES: &[Sense] = &[
    // 新经济组织和新社会组织, not equipment renewal and trade-ins.
    Sense { formula: "两新", before: "", after: "组织", items: "", example: "加强“两新”组织党建" },
    Sense {
        formula: "两个大局",
        before: "国内国际",
        after: "",
        items: "国内大局;国际大局",
        example: "统筹国内国际两个大局",
    },
];

/// The items `formula` stands for at `at` (its first occurrence in `speech`): another sense's, if
/// the context gives it one, else the lexicon's for the text's `month`.
fn expansion_at(speech: &str, formula: &str, at: Range<usize>, month: Option<u32>) -> Option<Vec<String>> {
    let before = &speech[..at.start];
    let after = speech[at.end..].trim_start_matches(|c: char| MARKS.iter().any(|m| m.1 == c));
    let sense =
        OTHER_SENSES.iter().find(|s| s.formula == formula && before.ends_with(s.before) && after.starts_with(s.after));
    match sense {
        Some(sense) => {
            (!sense.items.is_empty()).then(|| sense.items.split(ITEM_SEPARATOR).map(str::to_string).collect())
        }
        None => known_expansion(formula, month).map(|items| items.iter().map(|s| s.to_string()).collect()),
    }
}

/// How the text spells out a formula right after it, each with what it catches.
const EXPANSIONS: &[(Spelled, &str)] = &[
    (Spelled::Parenthesised, "“四链”(创新链、产业链、资金链、人才链)"),
    (Spelled::ColonList, "“三个导向”：目标导向、问题导向、结果导向。"),
    (Spelled::Counted, "“两个坚持”：一是坚持创新；二是坚持开放。"),
];

#[derive(Clone, Copy, Debug)]
enum Spelled {
    Parenthesised,
    ColonList,
    Counted,
}

/// How far past a formula a counted spelling-out (一是…二是…) may run: its items run to a few
/// sentences each. The bound keeps the scan linear when formulas crowd one long line.
const COUNTED_MAX_BYTES: usize = 3000;

/// The items spelled out right after `at`, and where they end.
fn expansion_after(speech: &str, at: usize) -> Option<(Vec<String>, usize)> {
    EXPANSIONS.iter().find_map(|(shape, _)| spelled(&speech[at..], *shape)).map(|(items, end)| (items, at + end))
}

/// Short items separated by `separators` up to the first `end`, read lazily: the first item too
/// long or a line end gives up, so prose after a colon costs a few characters, not the line.
fn short_items<'t>(text: &'t str, separators: &[char], end: impl Fn(char) -> bool) -> Option<(Vec<&'t str>, usize)> {
    let mut items = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if separators.contains(&c) || end(c) {
            items.push(text[start..at].trim_matches(|c: char| is_blank(c) || c.is_ascii_punctuation()));
            start = at + c.len_utf8();
            if end(c) {
                return (items.len() >= 2 && items.iter().all(|i| !i.is_empty())).then_some((items, start));
            }
        } else if c == '\n' || at - start > ITEM_MAX_CHARS * 4 {
            return None;
        }
    }
    None
}

/// The items `rest` opens with in `shape`, and where in `rest` they end.
fn spelled(rest: &str, shape: Spelled) -> Option<(Vec<String>, usize)> {
    let owned = |(items, end): (Vec<&str>, usize)| (items.into_iter().map(str::to_string).collect(), end);
    let offset = |inner: &str| rest.len() - inner.len();
    match shape {
        Spelled::Parenthesised => {
            let inner = rest.strip_prefix(['(', '（'])?;
            short_items(inner, &['、', '，', ','], |c| matches!(c, ')' | '）'))
                .map(|(items, end)| owned((items, offset(inner) + end)))
        }
        Spelled::ColonList => {
            let inner = rest.strip_prefix(['：', ':'])?;
            // The last item ends at the sentence's end, which is not part of the list.
            short_items(inner, &['、'], is_sentence_end).map(|(items, end)| {
                owned((items, offset(inner) + end - inner[..end].chars().last().map_or(0, char::len_utf8)))
            })
        }
        Spelled::Counted => {
            let inner = rest.strip_prefix(['：', ':'])?.trim_start_matches(is_blank);
            if !inner.starts_with("一是") {
                return None;
            }
            // Where the items start, taken before `inner` is cut short (`offset` measures from its end).
            let start = offset(inner);
            let inner = &inner[..floor_boundary(inner, COUNTED_MAX_BYTES)];
            let inner = &inner[..inner.find('\n').unwrap_or(inner.len())];
            let mut items = Vec::new();
            let mut from = 0;
            for n in 1.. {
                let marker = format!("{}是", crate::text::chinese_numeral(n));
                let Some(found) = inner[from..].find(&marker).map(|f| from + f) else { break };
                let item_start = found + marker.len();
                let item_len =
                    inner[item_start..].find(crate::text::is_clause_break).unwrap_or(inner.len() - item_start);
                items.push(inner[item_start..item_start + item_len].trim_matches(is_blank).to_string());
                from = item_start + item_len;
            }
            let fits = items.len() >= 2 && items.iter().all(|i| (1..=ITEM_MAX_CHARS).contains(&i.chars().count()));
            fits.then(|| (items, start + from))
        }
    }
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Who the clause before a quotation names as its speaker.
#[derive(Debug, PartialEq)]
enum Who {
    Named(String),
    /// 他: the person named last as a speaker, if the text named one in the same paragraph.
    Third,
    /// A pronoun the text does not resolve (我, 我们, 大家), or nothing before the verb.
    Unnamed,
}

/// Who says a quotation that starts at `open`: the clause before it, ending in a verb of saying
/// and an optional colon or comma (A总书记指出：“…”, 中国人常说，“…”); `None` when no verb of saying
/// introduces it.
fn speaker_before(speech: &str, open: usize) -> Option<Who> {
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
fn says_words(inner: &str) -> bool {
    inner.chars().count() >= 5 && !crate::segment::is_lexicon_word(inner)
}

/// The speakers of a speech's quotations so far, read in order.
#[derive(Default)]
struct Speakers {
    /// The person named last as a speaker and where that quotation ended, for a 他 that follows.
    last_named: Option<(String, usize)>,
    /// The last quotation or cited passage: its speaker and where it closed.
    passage: Option<(Option<String>, usize)>,
}

impl Speakers {
    /// The speaker of a quotation `run` whose clause names `who`; it is remembered.
    fn resolve(&mut self, speech: &str, run: &Run, who: Who) -> Option<String> {
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

    fn passage(&mut self, speaker: Option<String>, run: &Run) {
        self.passage = Some((speaker, run.outer.end));
    }

    /// Whose words a quoted phrase `run` is: `Some(speaker)` when it is a quotation, introduced by
    /// a verb of saying or chained by a comma to the quotation before
    /// (“第一是眼睛向下，不要只是昂首望天”，“第二是开调查会”), whose speaker it shares. It must close
    /// its clause: a phrase the sentence goes on from (强调“以组织体系建设为重点”的道理) is named, not quoted.
    fn of_phrase(&mut self, speech: &str, run: &Run) -> Option<Option<String>> {
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

/// A classical line quoted bare: two to four clauses of equal length, four to seven characters,
/// all Han (“行之苟有恒，久久自芬芳。”).
fn is_classical_line(inner: &str) -> bool {
    let clauses: Vec<&str> =
        inner.split(|c: char| is_sentence_end(c) || matches!(c, '，' | ',')).filter(|c| !c.is_empty()).collect();
    let len = clauses.first().map_or(0, |c| c.chars().count());
    (2..=4).contains(&clauses.len())
        && (4..=7).contains(&len)
        && clauses.iter().all(|c| c.chars().count() == len && c.chars().all(is_han))
}

/// An enumeration in quotes: three or more short items joined by 、 (“微成长、小升高、高壮大、大变强”),
/// or pairs of task phrases joined by 、 and the pairs by ， (“学理论、强本领，转作风、促发展”, a
/// campaign's slogan, not someone's words however introduced): a coinage of its own, no numbered
/// formula names it. Counter-example: a couplet without 、 (“志不求易者成，事不避难者进”) is a quotation.
fn enumeration(inner: &str) -> bool {
    let items: Vec<&str> = inner.split(['、', '，']).collect();
    let longest = if inner.contains('，') { TASK_PHRASE_MAX_CHARS } else { 8 };
    let paired = !inner.contains('，') || inner.split('，').all(|pair| pair.contains('、'));
    paired
        && items.len() >= 3
        && items.iter().all(|i| (1..=longest).contains(&i.chars().count()) && i.chars().all(is_han))
}

/// Longest task phrase of a chain of pairs: a verb and its object (转作风, 抓落实).
const TASK_PHRASE_MAX_CHARS: usize = 4;

/// Characters of classical Chinese that today's prose does not use as words: a quoted line of verse
/// with one (“千磨万击终不悔”, “先天下之忧而忧”) quotes a poem, it coins nothing. Counter-examples: a
/// modern pledge (“我是党员我先上”), and a line the dictionary holds as a set phrase (“咬定青山不放松”),
/// said as a coinage of one's own.
const CLASSICAL_WORDS: &[(char, &str)] = &[
    ('终', "千磨万击终不悔"),
    ('之', "先天下之忧而忧"),
    ('其', "不在其位，不谋其政"),
    ('莫', "莫道桑榆晚"),
    ('岂', "岂曰无衣"),
    ('亦', "天若有情天亦老"),
    ('犹', "虽九死其犹未悔"),
    ('兮', "路漫漫其修远兮"),
    ('乎', "不亦乐乎"),
    ('矣', "逝者已矣"),
    ('焉', "三人行，必有我师焉"),
    ('哉', "大哉问"),
];

/// A line of verse quoted bare: five or seven Han characters, one of them of [`CLASSICAL_WORDS`],
/// not a set phrase of the dictionary.
fn is_verse_line(inner: &str) -> bool {
    matches!(inner.chars().count(), 5 | 7)
        && inner.chars().all(is_han)
        && inner.chars().any(|c| CLASSICAL_WORDS.iter().any(|&(w, _)| w == c))
        && !crate::segment::in_dictionary(inner)
}

/// Numbered formulas said as one, joined by 、: “一个中心、两个基本点”, and the lexicon's key for
/// them (一个中心两个基本点).
fn joined_formulas(inner: &str) -> Option<String> {
    let parts: Vec<&str> = inner.split('、').collect();
    let joined = parts.concat();
    let formulas = (2..=4).contains(&parts.len())
        && (lexicon().get(joined.as_str()).is_some_and(|known| known.numbered)
            || parts.iter().all(|p| is_phrase(p) && is_numbered(p)));
    formulas.then_some(joined)
}

/// The items listed right before a quoted formula, as many as it counts: 电动汽车、锂电池、光伏产品
/// “新三样”. `before` is where its opening mark stands.
fn listed_before(speech: &str, before: usize, formula: &str) -> Option<Vec<String>> {
    let count = formula_count(formula).flatten()? as usize;
    let clause_start = speech[..before]
        .rfind(|c: char| !is_han(c) && c != '、')
        .map_or(0, |at| at + speech[at..].chars().next().map_or(0, char::len_utf8));
    let mut items: Vec<&str> = speech[clause_start..before].split('、').collect();
    if let (Some(first), Some(last)) = (items.first().copied(), items.last_mut()) {
        *last = without_shared_head(first, last);
    }
    let listed = items.len() == count && items.iter().all(|i| (2..=ITEM_MAX_CHARS).contains(&i.chars().count()));
    listed.then(|| items.into_iter().map(str::to_string).collect())
}

/// Words that make the items before a quoted formula a subject the formula is said of: 耕地、林地
/// 面积持续“双缩减” lists 耕地 and 林地, whose shared 面积 and the verb are no part of the last.
const LISTED_PREDICATES: &[(&str, &str)] = &[
    ("持续", "耕地、林地面积持续“双缩减”"),
    ("不断", "城镇、农村居民收入不断“双提高”"),
    ("实现", "出口、进口总额实现“双增长”"),
    ("保持", "城镇、农村就业保持“双稳定”"),
];

/// The last of the items listed before a formula, without the head noun and verb the items share
/// (林地面积持续 after 耕地 → 林地: as long as the first item); unchanged without such a verb
/// (耕地、永久基本农田“双保护”).
fn without_shared_head<'t>(first: &str, last: &'t str) -> &'t str {
    let Some((verb, _)) = LISTED_PREDICATES.iter().find(|(v, _)| last.ends_with(v)) else {
        return last;
    };
    let subject = &last[..last.len() - verb.len()];
    let length = first.chars().count();
    subject.char_indices().nth(length).map_or(subject, |(at, _)| &subject[..at])
}

/// Entries of the idiom list that are ordinary nouns in today's speech, not 成语 a reader would name.
const ORDINARY_NOUNS: &[(&str, &str)] = &[
    ("十字路口", "a crossroads: 站在新的十字路口"),
    ("里程碑", "a milestone: 具有里程碑意义"),
    ("议事日程", "an agenda: 提上议事日程"),
];

/// A 成语 of the idiom list, as a word: not one of its [`ORDINARY_NOUNS`].
fn is_idiom(word: &str) -> bool {
    crate::segment::is_idiom(word) && !ORDINARY_NOUNS.iter().any(|(noun, _)| *noun == word)
}

/// A quoted phrase that is an idiom: of the idiom list, or four characters jieba's dictionary has
/// as an idiom (“一枝独秀”, which the list lacks): the quotes say it is said as a set phrase,
/// and a numeral it opens with counts nothing.
fn quoted_idiom(inner: &str, dictionary: &mut Dictionary) -> bool {
    let known_formula = lexicon().get(inner).is_some_and(|known| known.numbered);
    let four = inner.chars().count() == 4 && inner.chars().all(is_han);
    !known_formula && (is_idiom(inner) || (four && dictionary.tag(inner) == Some("i")))
}

/// Looks words up in jieba's dictionary, once per distinct word.
struct Dictionary<'j> {
    jieba: &'j Jieba,
    tags: FxHashMap<String, Option<String>>,
}

impl Dictionary<'_> {
    /// The tag jieba's dictionary gives `word` as one word.
    fn tag(&mut self, word: &str) -> Option<&str> {
        if !self.tags.contains_key(word) {
            let tag = match self.jieba.tag(word, false).as_slice() {
                [one] if one.word == word => Some(one.tag.to_string()),
                _ => None,
            };
            self.tags.insert(word.to_string(), tag);
        }
        self.tags.get(word).and_then(Option::as_deref)
    }
}

/// Every slogan of `speech`, grouped and ranked, and the inconsistencies they show. `runs` are the
/// speech's [`mark_runs`]; `tokens` are cut as `Analyzer` cuts them: every quoted phrase of
/// [`marked_units`] forced whole (and so tagged [`Pos::PROPER`]) wherever it occurs, which is how
/// its bare occurrences are found.
pub fn detect(speech: &str, tokens: &[Tok], jieba: &Jieba, runs: &[Run], month: Option<u32>) -> Detected {
    let mut dictionary = Dictionary { jieba, tags: FxHashMap::default() };
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let mut phrase_kinds: FxHashMap<&str, SloganKind> = FxHashMap::default();
    let mut titles: Vec<Range<usize>> = Vec::new();
    let mut expansions: Vec<Range<usize>> = Vec::new();

    let mut speakers = Speakers::default();
    for run in runs {
        let inner = &speech[run.inner.clone()];
        if run.role == Role::Title {
            if (1..=TITLE_MAX_CHARS).contains(&inner.chars().count()) && inner.chars().any(is_han) {
                titles.push(run.inner.clone());
                found.push(Found::new(SloganKind::Title, run.inner.clone()));
            }
        } else if is_phrase(inner) {
            let kind = if quoted_idiom(inner, &mut dictionary) {
                SloganKind::Idiom
            } else if is_numbered(inner) {
                SloganKind::Numbered
            } else if let Some(speaker) = says_words(inner).then(|| speakers.of_phrase(speech, run)).flatten() {
                found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
                continue;
            } else if is_verse_line(inner) {
                speakers.passage(None, run);
                found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
                continue;
            } else if coins_nothing(inner) || named_in_list(speech, run.outer.end) {
                continue;
            } else {
                SloganKind::Quoted
            };
            phrase_kinds.insert(inner, kind);
            let mut f = Found::new(kind, run.inner.clone());
            if kind == SloganKind::Numbered {
                spell_out(speech, &mut f, run.outer.end, &mut warnings, &mut expansions);
                if f.expansion.is_none() {
                    f.expansion = listed_before(speech, run.outer.start, inner);
                }
            }
            found.push(f);
        } else if let Some(joined) = joined_formulas(inner) {
            let expansion = known_expansion(&joined, month).map(|items| items.iter().map(|s| s.to_string()).collect());
            found.push(Found { expansion, ..Found::new(SloganKind::Numbered, run.inner.clone()) });
        } else if enumeration(inner) {
            found.push(Found::new(SloganKind::Quoted, run.inner.clone()));
        } else if let Some(who) = speaker_before(speech, run.outer.start) {
            let speaker = speakers.resolve(speech, run, who);
            found.push(Found { speaker, ..Found::new(SloganKind::Quotation, run.inner.clone()) });
        } else if is_classical_line(inner) {
            speakers.passage(None, run);
            found.push(Found::new(SloganKind::Quotation, run.inner.clone()));
        } else {
            // A long quotation: a passage the speech cites, not a slogan.
            speakers.passage(None, run);
        }
    }

    for law in unbracketed_laws(speech) {
        titles.push(law.clone());
        found.push(Found::new(SloganKind::Title, law));
    }
    crate::sort::sort_by_key(&mut titles, |r| r.start);
    let sayings = idiom_sayings(speech, tokens);
    found.extend(sayings.iter().map(|r| Found::new(SloganKind::Idiom, r.clone())));
    let in_saying = |r: &Range<usize>| sayings.iter().any(|s| s.start <= r.start && r.end <= s.end);
    let mut title_at = titles.iter().peekable();
    for tok in tokens {
        let word = &speech[tok.range()];
        // Every kind below is two characters or more; most tokens are one (的, 要, a comma).
        // Said bare, a phrase the speech quotes is still the slogan; one character is only itself where quoted.
        let kind = if tok.end - tok.start < 4 && word.chars().nth(1).is_none() {
            None
        } else if let Some(&kind) = (tok.pos == Pos::PROPER).then(|| phrase_kinds.get(word)).flatten() {
            Some(kind)
        } else if let Some(known) = lexicon().get(word) {
            // A topic of the lexicon (产业链, 人工智能) is a term, not a slogan.
            known.formulation.then_some(if known.numbered { SloganKind::Numbered } else { SloganKind::Lexicon })
        } else {
            while title_at.next_if(|t| t.end <= tok.start).is_some() {}
            let in_title = title_at.peek().is_some_and(|t| t.start <= tok.start);
            (!in_title && is_idiom(word) && !in_saying(&tok.range())).then_some(SloganKind::Idiom)
        };
        let Some(mut f) = (match kind {
            Some(kind) => Some(Found::new(kind, tok.range())),
            None => unquoted_formula(speech, tokens, tok, &mut dictionary)
                .or_else(|| spelled_formula(speech, tokens, tok))
                .map(|r| Found::new(SloganKind::Numbered, r)),
        }) else {
            continue;
        };
        // A quoted formula was spelled out from behind its closing mark already.
        let quoted = speech[..f.text.start].ends_with(|c: char| MARKS.iter().any(|m| m.0 == c));
        if f.kind == SloganKind::Numbered && !quoted {
            let end = f.text.end;
            spell_out(speech, &mut f, end, &mut warnings, &mut expansions);
        }
        found.push(f);
    }

    crate::sort::sort_by_key(&mut expansions, |r| r.start);
    found.extend(parallels(speech, tokens, &mut dictionary).into_iter().filter(|f| {
        // The items of 四链(创新链、产业链、资金链、人才链) are its expansion, not a parallel of their own.
        let k = expansions.partition_point(|e| e.start <= f.text.start);
        (k == 0 || expansions[k - 1].end < f.text.end) && !in_saying(&f.text)
    }));
    Detected { slogans: group(speech, found, month), warnings }
}

/// The two-clause idioms ([`IDIOM_SAYINGS`]) by their first clause.
fn sayings_by_first_clause() -> &'static FxHashMap<&'static str, Vec<&'static str>> {
    static SAYINGS: OnceLock<FxHashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    SAYINGS.get_or_init(|| {
        let mut by_first: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for (first, second) in IDIOM_SAYINGS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('，'))
        {
            by_first.entry(first).or_default().push(second);
        }
        by_first
    })
}

/// Where `speech` says a two-clause idiom whole, its clauses joined by `，`, `,` or `、` (无源之水,
/// 无本之木), starting and ending on word boundaries of `tokens`: 三天打鱼，两天晒网, not 三天打鱼 alone.
fn idiom_sayings(speech: &str, tokens: &[Tok]) -> Vec<Range<usize>> {
    const CLAUSE_CHARS: std::ops::RangeInclusive<usize> = 3..=7;
    let by_first = sayings_by_first_clause();
    let starts_word = |at: usize| tokens.binary_search_by_key(&at, |t| t.start).is_ok();
    let ends_word = |at: usize| tokens.binary_search_by_key(&at, |t| t.end).is_ok();
    let mut found = Vec::new();
    for (comma, c) in speech.char_indices().filter(|&(_, c)| matches!(c, '，' | ',' | '、')) {
        let after = &speech[comma + c.len_utf8()..];
        let han_before = speech[..comma].char_indices().rev().take_while(|&(_, c)| is_han(c));
        for (start, _) in han_before.take(*CLAUSE_CHARS.end()).skip(CLAUSE_CHARS.start() - 1) {
            let Some(seconds) = by_first.get(&speech[start..comma]) else { continue };
            let end = seconds
                .iter()
                .find(|second| after.starts_with(**second))
                .map(|second| comma + c.len_utf8() + second.len());
            if let Some(end) = end.filter(|&end| starts_word(start) && ends_word(end)) {
                found.push(start..end);
            }
        }
    }
    found
}

/// A numbered formula said bare and not in the lexicon: 三高四新 and 一村一品 by their alternating
/// shape, starting at `tok` and ending on a word boundary, and not an idiom or numeral of that
/// shape (一心一意, 一五一十).
fn unquoted_formula(speech: &str, tokens: &[Tok], tok: &Tok, dictionary: &mut Dictionary) -> Option<Range<usize>> {
    let rest = &speech[tok.start..];
    let mut head = rest.chars();
    // Numeral, counted character, numeral: checked first, as almost no token opens that way.
    let shape = (head.next(), head.next(), head.next());
    if !matches!(shape, (Some(a), Some(b), Some(c)) if is_numeral(a) && !is_numeral(b) && is_numeral(c)) {
        return None;
    }
    let ends_word = |end: usize| tokens.binary_search_by_key(&end, |t| t.end).is_ok();
    let end = rest
        .char_indices()
        .take(8)
        .map(|(i, c)| tok.start + i + c.len_utf8())
        .filter(|&end| ends_word(end) && speech[tok.start..end].chars().nth(2).is_some_and(is_numeral))
        .filter(|&end| formula_count(&speech[tok.start..end]).is_some())
        .last()?;
    let shape = &speech[tok.start..end];
    // 一件一件, 一时一刻: said bare, numerals that are all 一 count nothing (一村一品 is in the lexicon).
    let counts = shape.chars().step_by(2).any(|c| c != '一');
    (counts && !dictionary.tag(shape).is_some_and(|t| matches!(t, "i" | "l" | "m"))).then_some(tok.start..end)
}

/// A numeral, a classifier and what it counts, said bare and spelled out right after with as many
/// items: 要做到四个坚持：一是…；二是…；三是…；四是…. Without the items, 四个坚持 could be any
/// four things, so only the count the text keeps makes it a formula.
fn spelled_formula(speech: &str, tokens: &[Tok], tok: &Tok) -> Option<Range<usize>> {
    let mut chars = speech[tok.start..].chars();
    let (numeral, classifier) = (chars.next()?, chars.next()?);
    if !is_numeral(numeral) || numeral == '一' || !is_classifier(classifier) {
        return None;
    }
    let first = tokens.partition_point(|t| t.start < tok.start);
    // What is counted: the words after the classifier, up to four characters in all.
    tokens[first..].iter().take(3).map(|t| t.end).filter(|&end| speech[tok.start..end].chars().count() <= 6).find_map(
        |end| {
            let count = formula_count(&speech[tok.start..end]).flatten()?;
            let (items, _) = expansion_after(speech, end)?;
            (items.len() == count as usize && speech[tok.start..end].chars().nth(2).is_some()).then_some(tok.start..end)
        },
    )
}

/// Attaches to a numbered formula the items the text spells it out as, and reports a count that
/// does not match what the formula promises.
fn spell_out(
    speech: &str,
    f: &mut Found,
    after: usize,
    warnings: &mut Vec<Inconsistency>,
    expansions: &mut Vec<Range<usize>>,
) {
    let Some((items, end)) = expansion_after(speech, after) else { return };
    let formula = &speech[f.text.clone()];
    let promised = known_expansion(formula, None).map(|k| k.len() as u32).or_else(|| formula_count(formula).flatten());
    if let Some(n) = promised
        && n as usize != items.len()
    {
        warnings.push(Inconsistency {
            kind: "expansion-count",
            message: format!("“{formula}” names {n} items but the text lists {}: {}", items.len(), items.join("、")),
            range: f.text.start..end,
        });
    }
    expansions.push(after..end);
    f.expansion = Some(items);
}

/// A clause between soft separators, as a candidate item of a parallel run.
#[derive(Clone, Debug)]
struct Clause {
    range: Range<usize>,
    /// The clause ends at `、，；`, so the next one continues the run.
    continues: bool,
    /// An opening quotation mark cuts the clause: its phrase goes on inside the quote (关系到全面
    /// 建成小康社会和完成“十三五”规划), so the clause is no item.
    cut_by_quote: bool,
}

/// The clauses of `speech`: text between separators; quotes, brackets, colons and sentence ends
/// end a run of them.
fn clauses(speech: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in speech.char_indices().filter(|&(_, c)| !is_han(c)) {
        let soft = matches!(c, '、' | '，' | ',' | '；' | ';');
        let hard = !soft
            && (is_sentence_end(c)
                || c == '\n'
                || matches!(c, '：' | ':' | '(' | ')' | '（' | '）' | '—')
                || MARKS.iter().any(|m| m.0 == c || m.1 == c));
        if soft || hard {
            if let Some(range) = crate::text::trim(speech, start..at) {
                let cut_by_quote = MARKS.iter().any(|m| m.0 == c && m.2 == Role::Quote);
                out.push(Clause { range, continues: soft, cut_by_quote });
            } else if let Some(last) = out.last_mut() {
                last.continues = false;
            }
            start = at + c.len_utf8();
        }
    }
    if let Some(range) = crate::text::trim(speech, start..speech.len()) {
        out.push(Clause { range, continues: false, cut_by_quote: false });
    }
    out
}

/// How many characters a shared word may stand earlier or later in one clause than in the
/// first: 整体实力不断增强 and 城镇化水平不断提升 put 不断 at the fifth and sixth.
const FRAME_DRIFT: usize = 2;

/// Items this short are phrases (强信心、暖人心、聚民心), longer ones clauses: a phrase glued to a
/// verb is cut to its neighbours' length, a clause is taken whole.
const PHRASE_ITEM_CHARS: usize = 6;

/// Most character pairs an item has.
const PAIRS_MAX: usize = ITEM_MAX_CHARS - 1;

/// What the items of a run share so far. A few words of plain data: a frame is tried for
/// every clause of the speech, so it allocates nothing and is cheap to copy.
#[derive(Clone, Copy, Debug)]
struct Frame<'s> {
    first: &'s str,
    prefix: &'s str,
    suffix: &'s str,
    /// Which character pairs of the first item every item holds (不断 in 整体实力不断增强), one bit
    /// per pair in order. Pairs, not jieba's words: jieba may fuse the frame with an item (稳步增长
    /// beside 稳步/缩小).
    shared: u32,
    shortest: usize,
    longest: usize,
    /// An item was cut from a longer clause (智能化 from 加快构建具有智能化). Only an edge the
    /// items share says where to cut; a word inside would leave arbitrary fragments.
    cut: bool,
}

/// The character pairs of `item`: where each starts and the pair as one number, so that
/// comparing two items' pairs costs integer compares.
fn pairs(item: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    let mut chars = item.char_indices().peekable();
    std::iter::from_fn(move || {
        let (at, a) = chars.next()?;
        let &(_, b) = chars.peek()?;
        Some((at, (a as u64) << 32 | b as u64))
    })
    .take(PAIRS_MAX)
}

impl<'s> Frame<'s> {
    fn new(item: &'s str) -> Frame<'s> {
        let chars = item.chars().count();
        let shared = (1u32 << chars.saturating_sub(1).min(PAIRS_MAX)) - 1;
        Frame { first: item, prefix: item, suffix: item, shared, shortest: chars, longest: chars, cut: false }
    }

    fn with(&self, item: &'s str) -> Frame<'s> {
        let mut held = [0u64; PAIRS_MAX];
        let mut held_len = 0;
        for ((_, pair), slot) in pairs(item).zip(held.iter_mut()) {
            *slot = pair;
            held_len += 1;
        }
        // A frame word stands at about the same place in every clause (整体实力不断增强、县域产业
        // 不断壮大); one that wanders (第一时间…，是第一书记…，也是…第一条件) is only a repeated word.
        let mut shared = self.shared;
        for (bit, (_, pair)) in pairs(self.first).enumerate() {
            let nearby = &held[bit.saturating_sub(FRAME_DRIFT).min(held_len)..held_len.min(bit + FRAME_DRIFT + 1)];
            if shared & 1 << bit != 0 && !nearby.contains(&pair) {
                shared &= !(1 << bit);
            }
        }
        let chars = item.chars().count();
        let prefix_len: usize =
            self.prefix.chars().zip(item.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        let suffix_len: usize = self
            .suffix
            .chars()
            .rev()
            .zip(item.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        Frame {
            first: self.first,
            prefix: &self.prefix[..prefix_len],
            suffix: &self.suffix[self.suffix.len() - suffix_len..],
            shared,
            shortest: self.shortest.min(chars),
            longest: self.longest.max(chars),
            cut: self.cut,
        }
    }

    /// The frame as shown (`…化`, `坚持…`, `…不断…`), when the items share one.
    fn shown(&self) -> Option<String> {
        self.shared_part()
            .map(|(before, inner, after)| if inner { format!("…{before}…") } else { format!("{before}…{after}") })
    }

    /// What the items share, without building it: an affix that leaves every item something of
    /// its own, or failing that the longest stretch of shared pairs inside (`true`); items of like
    /// length (within twice, for a word inside within half as long again), not function words alone.
    fn shared_part(&self) -> Option<(&'s str, bool, &'s str)> {
        let meaningful = |s: &str| s.chars().any(|c| is_han(c) && !FRAME_FILLERS.contains(c));
        if self.longest > self.shortest * 2 || self.shortest < 2 {
            return None;
        }
        let affix = self.affix_chars();
        // One character frames only short phrases (看病难、上学难; 保工资、保运转、保基本民生):
        // clauses ending in one (…救治患者，…一个感染者，…每一位病患者; 盯着问题改，对标整改) merely rhyme.
        let edge_frames = affix >= 2
            || (self.prefix.is_empty() && self.longest <= 4)
            || (!self.prefix.is_empty() && self.shortest <= 4);
        if affix > 0 && affix < self.shortest && edge_frames && (meaningful(self.prefix) || meaningful(self.suffix)) {
            return Some((self.prefix, false, self.suffix));
        }
        // A word inside frames only whole clauses of nearly one length (8 and 9 characters in the
        // 不断 run): without an edge in common, unequal clauses sharing a word are prose repeating it.
        if self.cut || self.longest * 2 > self.shortest * 3 {
            return None;
        }
        // Overlapping pairs (不断, 断增) join into one stretch; the longest meaningful one frames.
        let width = |c: u64| char::from_u32(c as u32).map_or(0, char::len_utf8);
        let spans = pairs(self.first)
            .enumerate()
            .filter(|(bit, _)| self.shared & 1 << bit != 0)
            .map(|(_, (at, pair))| at..at + width(pair >> 32) + width(pair));
        let mut stretches: [Range<usize>; PAIRS_MAX] = std::array::from_fn(|_| 0..0);
        let mut count: usize = 0;
        for r in spans {
            match count.checked_sub(1).map(|last| &mut stretches[last]) {
                Some(s) if r.start < s.end => s.end = r.end,
                _ => {
                    stretches[count] = r;
                    count += 1;
                }
            }
        }
        let best =
            stretches[..count].iter().map(|r| &self.first[r.clone()]).filter(|w| meaningful(w)).max_by_key(|w| w.len());
        best.map(|w| (w, true, ""))
    }

    /// How much of the frame is prefix and suffix: a run that shares an edge (坚持…) is framed
    /// by it more plainly than by a word inside.
    fn affix_chars(&self) -> usize {
        self.prefix.chars().count() + self.suffix.chars().count()
    }
}

/// Runs of clauses that share a frame: three or more (整体实力不断增强、县域产业不断壮大、
/// 城镇化水平不断提升 → `…不断…`; 智能化、绿色化、融合化 → `…化`), or a pair of four-character
/// set phrases that mirror each other (百舸争流、千帆竞发 → `百…千…`).
/// An edge item glued to the words around it (具有智能化) is cut to its neighbour's length at a
/// word boundary. Each clause is looked at a bounded number of times, so the scan is linear.
fn parallels(speech: &str, tokens: &[Tok], dictionary: &mut Dictionary) -> Vec<Found> {
    let clauses = clauses(speech);
    // An item's length in characters: 2 to ITEM_MAX_CHARS Han characters, counted in one pass.
    let item_chars = |r: &Range<usize>| {
        let s = &speech[r.clone()];
        let mut n = 0;
        let han = s.len() <= ITEM_MAX_CHARS * 4
            && s.chars().all(|c| {
                n += 1;
                is_han(c)
            });
        (han && (2..=ITEM_MAX_CHARS).contains(&n)).then_some(n)
    };
    let is_item = |r: &Range<usize>| item_chars(r).is_some();
    let chars = |r: &Range<usize>| speech[r.clone()].chars().count();
    // The last `n` characters of `r` (`from_end`) or its first: cut on the nearest word boundary
    // inward (近年来整体实力不断增强 → 整体实力不断增强), or exactly where jieba's words straddle the
    // cut (绿色/化发展 → 绿色化). The frame check decides which, if either, is an item.
    let cursor = std::cell::Cell::new(0);
    let cuts = |r: &Range<usize>, n: usize, from_end: bool| -> [Option<Range<usize>>; 2] {
        // Counted from the cut's side, so a clause as long as a 10 MB line costs `n` steps.
        let s = &speech[r.clone()];
        let edge = if from_end {
            s.char_indices().rev().nth(n).map(|(i, c)| i + c.len_utf8())
        } else {
            s.char_indices().nth(n).map(|(i, _)| i)
        };
        let Some(edge) = edge.filter(|&e| 0 < e && e < s.len()) else {
            return [Some(r.clone()).filter(is_item), None];
        };
        let at = r.start + edge;
        // `tokens.partition_point(|t| t.start < at)`, walked from the last answer: clauses come
        // in text order, so this is a step or two, not a binary search through the whole speech.
        let mut k = cursor.get().min(tokens.len());
        while k > 0 && tokens[k - 1].start >= at {
            k -= 1;
        }
        while k < tokens.len() && tokens[k].start < at {
            k += 1;
        }
        cursor.set(k);
        let snapped = match tokens.get(k) {
            Some(t) if t.start == at => at,
            _ if from_end => tokens.get(k).map_or(r.end, |t| t.start),
            _ => tokens.get(k.wrapping_sub(1)).map_or(r.start, |t| t.start),
        };
        // An item opens with a word of its own, not a particle left of the one before (盯着 → 着问题改).
        let opens_item =
            |c: &Range<usize>| !speech[c.clone()].starts_with(|ch: char| FRAME_FILLERS.contains(ch) || ch == '着');
        let cut = |edge: usize| {
            Some(if from_end { edge..r.end } else { r.start..edge })
                .filter(|c| c.start < c.end && is_item(c) && opens_item(c))
        };
        [cut(snapped), Some(at).filter(|&at| at != snapped).and_then(cut)]
    };
    let framed = |frame: &Frame<'_>| frame.shared_part().is_some();

    let mut out = Vec::new();
    let mut i = 0;
    'clauses: while i + 1 < clauses.len() {
        let second = clauses[i + 1].range.clone();
        let Some(second_chars) = item_chars(&second).filter(|_| clauses[i].continues) else {
            i += 1;
            continue;
        };
        let whole = item_chars(&clauses[i].range).map(|n| (clauses[i].range.clone(), n));
        let longer = whole.as_ref().is_none_or(|(_, n)| *n > second_chars);
        let [cut, exact] = if longer { cuts(&clauses[i].range, second_chars, true) } else { [None, None] };
        let with_chars = |r: Option<Range<usize>>| r.map(|r| (r.clone(), chars(&r), true));
        let firsts = [whole.map(|(r, n)| (r, n, false)), with_chars(cut), with_chars(exact)];
        // Items of like length only (see `Frame::shared_part`): most neighbouring clauses fail
        // this before any frame is built.
        let alike = |(_, n, _): &(Range<usize>, usize, bool)| *n <= 2 * second_chars && second_chars <= 2 * n;
        let framed_pairs = firsts.clone().map(|first| {
            first
                .filter(alike)
                .map(|(f, _, cut)| (Frame { cut, ..Frame::new(&speech[f.clone()]) }.with(&speech[second.clone()]), f))
                .filter(|(frame, _)| framed(frame))
        });
        // 我们坚持稳中求进、坚持改革创新: the cut item sharing the edge 坚持… beats the whole clause;
        // sharing as much, among short phrases a cut on a word boundary nearer the second's length
        // (营造强信心、暖人心 → 强信心) beats it; a whole clause beats a cut one; a cut inside a word comes last.
        let mut framed_pairs: Vec<_> = framed_pairs.into_iter().enumerate().collect();
        crate::sort::sort_by_key(&mut framed_pairs, |(candidate, pair)| {
            let affix = pair.as_ref().map(|(frame, _)| frame.affix_chars());
            let misfit = match pair {
                Some((_, first)) if second_chars <= PHRASE_ITEM_CHARS => chars(first).abs_diff(second_chars),
                _ => *candidate,
            };
            (std::cmp::Reverse(affix), *candidate == 2, misfit)
        });
        for (mut frame, first) in framed_pairs.into_iter().filter_map(|(_, pair)| pair) {
            let (mut count, mut end) = (2, second.end);
            let mut j = i + 2;
            let mut cut_short = false;
            while j < clauses.len() && clauses[j - 1].continues {
                let fits =
                    |r: &Range<usize>, cut: bool| Some(Frame { cut, ..frame }.with(&speech[r.clone()])).filter(framed);
                let whole = Some(clauses[j].range.clone()).filter(|r| is_item(r) && !clauses[j].cut_by_quote);
                // The last item may modify what follows it (只讲利用不讲修复的老路走下去, 为民造福的
                // 责任感): the run ends at its 的. A clause that neither fits whole nor so ends the
                // run: cut to its neighbours' length it was mostly cut inside a phrase (更加管用|有效).
                let longer = whole.as_ref().is_none_or(|r| chars(r) > frame.longest);
                let clause = &speech[clauses[j].range.clone()];
                // Past as many characters as the shortest item has: items have a 的 of their own
                // (最优秀的人员、最急需的资源).
                let phrases = frame.longest <= 2 * PHRASE_ITEM_CHARS;
                let modifier = (longer && phrases)
                    .then(|| clause.char_indices().skip(frame.shortest).find(|&(_, c)| matches!(c, '的' | '等')))
                    .flatten()
                    .map(|(at, _)| clauses[j].range.start..clauses[j].range.start + at)
                    .filter(is_item);
                // Short items under a shared opening may end in what they all govern: 全面动员、全面部署、
                // 全面加强疫情防控 ends at 全面加强.
                let item = modifier.clone().or_else(|| whole.clone());
                let listed = speech[..clauses[j].range.start].ends_with('、');
                let governs = item.as_ref().filter(|r| {
                    listed && !frame.prefix.is_empty() && frame.longest <= 4 && chars(r) >= 2 * frame.longest
                });
                let object_cut = governs
                    .and_then(|r| cuts(r, frame.longest, false)[0].clone())
                    .filter(|r| chars(r) == frame.longest);
                // Items ending alike end the last one there too: 改革开放史、社会主义发展史|结合起来.
                let suffix_cut = (listed && frame.prefix.is_empty() && !frame.suffix.is_empty() && longer)
                    .then(|| {
                        let skip = frame.shortest.saturating_sub(frame.suffix.chars().count());
                        let at = clause.char_indices().nth(skip).map_or(clause.len(), |(at, _)| at);
                        clause[at..].find(frame.suffix).map(|found| at + found + frame.suffix.len())
                    })
                    .flatten()
                    .map(|end| clauses[j].range.start..clauses[j].range.start + end)
                    .filter(|r| r.end < clauses[j].range.end && is_item(r));
                let next = object_cut.or(suffix_cut).or(modifier).and_then(|r| fits(&r, true).map(|f| (r, f)));
                cut_short = next.is_some();
                let next = next.or_else(|| whole.as_ref().and_then(|r| fits(r, frame.cut).map(|f| (r.clone(), f))));
                let Some((next, grown)) = next else { break };
                frame = grown;
                (count, end) = (count + 1, next.end);
                j += 1;
                if cut_short {
                    break;
                }
            }
            // A clause beside the run that opens as its items do is a member it missed (关系到…，
            // 关系到…，关系到…，关系到…“十三五”规划): a run that shows part of a 排比 is no run.
            let misses_member = |k: usize| {
                frame.prefix.chars().nth(1).is_some() && speech[clauses[k].range.clone()].starts_with(frame.prefix)
            };
            let complete = !(i > 0
                && clauses[i - 1].continues
                && first.start == clauses[i].range.start
                && separator_after(speech, &clauses[i - 1].range) == separator_after(speech, &first)
                && misses_member(i - 1))
                && !(!cut_short && j < clauses.len() && clauses[j - 1].continues && misses_member(j));
            if count >= 3
                && complete
                && frames_clauses(speech, tokens, &frame, first.start..end, dictionary)
                && let Some(shown) = frame.shown()
                && is_parallel(speech, tokens, first.start..end, !frame.prefix.is_empty())
            {
                out.push(Found { frame: Some(shown), ..Found::new(SloganKind::Parallel, first.start..end) });
                // A clause cut short may open the next run: 融合化特征和符合完整性 ends one, starts another.
                i = if cut_short { j - 1 } else { j };
                continue 'clauses;
            }
        }
        // A pair is two items alone: two of a longer run (休戚与共、荣辱与共、命运与共) are none.
        let in_longer_run = (i > 0 && clauses[i - 1].continues && item_chars(&clauses[i - 1].range) == Some(4))
            || (clauses[i + 1].continues && clauses.get(i + 2).is_some_and(|c| item_chars(&c.range) == Some(4)));
        for (first, _, _) in firsts.iter().flatten().filter(|_| !in_longer_run) {
            if let Some(shown) = mirrored_pair(speech, first, &second, dictionary) {
                out.push(Found { frame: Some(shown), ..Found::new(SloganKind::Parallel, first.start..second.end) });
                i += 2;
                continue 'clauses;
            }
        }
        i += 1;
    }
    out
}

/// Whether `frame` makes its run parallel, beyond sharing: clauses between commas need a shared
/// opening, a word inside that is no noun (整体实力不断增强，县域产业不断壮大), or a noun inside
/// clauses that each open with a verb (完善劳模政策，提升劳模地位，落实劳模待遇). Clauses repeating a
/// noun otherwise (…精神的传承和发展，是中国精神的…，丰富了民族精神…) are prose on a topic, and long
/// clauses that end in one noun a list of tasks (构筑…公共卫生体系，完善…体系，建设…体系).
fn frames_clauses(
    speech: &str,
    tokens: &[Tok],
    frame: &Frame<'_>,
    run: Range<usize>,
    dictionary: &mut Dictionary,
) -> bool {
    let clauses = speech[run.clone()].contains(['，', ',', '；', ';']);
    match frame.shared_part() {
        _ if !clauses || !frame.prefix.is_empty() => true,
        Some((word, true, _)) => {
            !dictionary.tag(word).is_some_and(|tag| tag.starts_with('n'))
                || (items(speech, run.clone()).all(|item| {
                    let first = tokens.partition_point(|t| t.start < item.start);
                    tokens.get(first).is_some_and(|t| t.start == item.start && is_predicate(t))
                }) && noun_in_place(speech, run, word))
        }
        Some(_) => frame.longest <= PHRASE_ITEM_CHARS,
        None => false,
    }
}

/// Whether a shared noun stands in one place of every item, counted from its start or its end:
/// a frame of form (完善劳模政策，提升劳模地位，落实劳模待遇), not a topic word that falls where the
/// sentence puts it (发展职业教育，办好人民满意的继续教育，推进教育公平).
fn noun_in_place(speech: &str, run: Range<usize>, word: &str) -> bool {
    let places: Vec<Option<(usize, usize)>> = items(speech, run)
        .map(|item| {
            let item = &speech[item];
            item.find(word).map(|at| (item[..at].chars().count(), item[at + word.len()..].chars().count()))
        })
        .collect();
    let same = |side: fn(&(usize, usize)) -> usize| {
        let first = places.first().copied().flatten().map(|p| side(&p));
        places.iter().all(|p| p.map(|p| side(&p)) == first)
    };
    places.iter().all(Option::is_some) && (same(|p| p.0) || same(|p| p.1))
}

/// Whether a word says something of its own: a verb or an adjective, not one used as a noun (vn, an).
fn is_predicate(tok: &Tok) -> bool {
    let tag = tok.pos.as_str();
    (tag.starts_with('v') && tag != "vn") || (tag.starts_with('a') && tag != "an")
}

/// The items of a run: its text between 、，；.
fn items(speech: &str, run: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    speech[run.clone()].split(['、', '，', ',', '；', ';']).scan(run.start, |at, item| {
        let item_range = *at..*at + item.len();
        *at += item.len() + speech[*at + item.len()..].chars().next().map_or(0, char::len_utf8);
        Some(item_range)
    })
}

/// The separator right after `clause`, if any.
fn separator_after(speech: &str, clause: &Range<usize>) -> Option<char> {
    speech[clause.end..].trim_start_matches(is_blank).chars().next()
}

/// Whether a run (`range`, its items between 、，；) is parallel, not a list: items that open with
/// a shared frame (坚持稳中求进、坚持改革创新; 中国力量、中国精神、中国效率; 唯论文、唯职称), or clauses
/// that each say something, with a verb, an adjective or an adverb (整体实力不断增强、县域产业不断
/// 壮大; 看病难、上学难、就业难). Nouns sharing only a suffix are a list (领导能力、应对能力; 香港同胞、
/// 澳门同胞; 智能化、绿色化), an open list of long items names things (…委员会、…委员会等会议), and
/// address terms are a salutation (女士们，先生们，朋友们).
fn is_parallel(speech: &str, tokens: &[Tok], range: Range<usize>, shared_opening: bool) -> bool {
    let predicated = |item: Range<usize>| {
        let first = tokens.partition_point(|t| t.start < item.start);
        tokens[first..].iter().take_while(|t| t.end <= item.end).any(|t| is_predicate(t) || t.pos.as_str() == "d")
    };
    // An open list of long items (…、中央外事工作委员会等会议) names things; short ones are phrases
    // that may well be parallel (看病难、上学难、就业难等问题).
    let last = items(speech, range.clone()).last().map_or("", |r| &speech[r]);
    let long = items(speech, range.clone()).all(|r| speech[r].chars().count() > PHRASE_ITEM_CHARS);
    let open_list = long
        && (speech[range.end..].starts_with('等')
            || last.rsplit_once('等').is_some_and(|(_, kind)| (1..=3).contains(&kind.chars().count())));
    // Nouns under a shared modifier are a list of things (绿色建筑、绿色能源、绿色交通), as nouns under
    // a shared suffix are; a shared opening frames items that say something (坚持稳中求进、坚持改革创新).
    let nominal = |item: Range<usize>| {
        let first = tokens.partition_point(|t| t.start < item.start);
        tokens[first..].iter().take_while(|t| t.end <= item.end).all(is_nominal)
    };
    !open_list
        && !crate::clean::is_address(&speech[range.clone()])
        && ((shared_opening && !items(speech, range.clone()).all(nominal)) || items(speech, range).all(predicated))
}

/// A noun or a word that modifies one (绿色, 中国): what a list of things is made of.
fn is_nominal(tok: &Tok) -> bool {
    let tag = tok.pos.as_str();
    tag.starts_with('n') || matches!(tag, "b" | "vn" | "an" | "j")
}

/// Two four-character set phrases (jieba's `i`: a pair needs no idiom dictionary) that mirror each
/// other, and the frame they share: the characters they have in common (无源之水，无本之木 → `无…之…`,
/// unless the idiom list has the pair as one idiom), or the numerals they open with (百舸争流、千帆竞发 → `百…千…`).
fn mirrored_pair(speech: &str, a: &Range<usize>, b: &Range<usize>, dictionary: &mut Dictionary) -> Option<String> {
    let (a, b) = (&speech[a.clone()], &speech[b.clone()]);
    let four = |s: &str| s.len() == 4 * 3 && s.chars().count() == 4;
    if !four(a) || !four(b) || dictionary.tag(a) != Some("i") || dictionary.tag(b) != Some("i") {
        return None;
    }
    let mut frame = String::new();
    for (x, y) in a.chars().zip(b.chars()) {
        if x == y {
            frame.push(x);
        } else if !frame.ends_with('…') {
            frame.push('…');
        }
    }
    // Two shared characters make a frame (无…之…); one is a coincidence (急于求成、急功近利).
    if frame.chars().filter(|&c| c != '…').nth(1).is_some() {
        return Some(frame);
    }
    let counts = |s: &str| s.starts_with(|c: char| is_numeral(c) || "百千万".contains(c));
    (counts(a) && counts(b))
        .then(|| format!("{}…{}…", a.chars().next().unwrap_or('…'), b.chars().next().unwrap_or('…')))
}

/// How specific a kind is: where one text is found as several kinds, the most specific names it
/// (a quoted numbered formula is `numbered`, a quoted idiom an `idiom`).
fn specificity(kind: SloganKind) -> u8 {
    match kind {
        SloganKind::Numbered => 6,
        SloganKind::Title => 5,
        SloganKind::Quotation => 4,
        SloganKind::Idiom => 3,
        // A quoted run that shares a frame is a parallel run (“防汛必胜、抗旱必胜、全县必胜”); a quoted
        // enumeration without one is a coinage (“微成长、小升高、高壮大、大变强”).
        SloganKind::Parallel => 2,
        SloganKind::Quoted => 1,
        SloganKind::Lexicon => 0,
    }
}

/// One entry per distinct text with every place it occurs, ranked by [`score`].
fn group(speech: &str, found: Vec<Found>, month: Option<u32>) -> Vec<Grouped> {
    let mut by_text: FxHashMap<&str, Grouped> = FxHashMap::default();
    for f in found {
        let text = &speech[f.text.clone()];
        let entry = by_text.entry(text).or_insert_with(|| Grouped {
            text: text.to_string(),
            kind: f.kind,
            occurrences: Vec::new(),
            score: 0.0,
            expansion: None,
            frame: None,
            speaker: None,
        });
        if specificity(f.kind) > specificity(entry.kind) {
            entry.kind = f.kind;
        }
        entry.expansion = entry.expansion.take().or(f.expansion);
        entry.frame = entry.frame.take().or(f.frame);
        entry.speaker = entry.speaker.take().or(f.speaker);
        entry.occurrences.push(f.text);
    }
    let mut grouped: Vec<Grouped> = by_text.into_values().collect();
    for g in &mut grouped {
        crate::sort::sort_by_key(&mut g.occurrences, |r| r.start);
        g.occurrences.dedup();
        if g.kind == SloganKind::Numbered && g.expansion.is_none() {
            g.expansion = expansion_at(speech, &g.text, g.occurrences[0].clone(), month);
        }
        g.score = score(g);
    }
    crate::sort::sort_by(&mut grouped, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.occurrences[0].start.cmp(&b.occurrences[0].start))
            .then_with(|| a.text.cmp(&b.text))
    });
    grouped
}

/// How much a kind of slogan says about the speech, before length and repetition: a numbered
/// formula is the densest (a policy in four characters), a lexicon word the most ordinary.
fn kind_weight(kind: SloganKind) -> f64 {
    match kind {
        SloganKind::Numbered => 3.0,
        SloganKind::Title | SloganKind::Quotation | SloganKind::Quoted => 2.0,
        SloganKind::Parallel => 1.5,
        SloganKind::Lexicon => 1.0,
        SloganKind::Idiom => 0.8,
    }
}

/// Salience. The kind's weight, times a length factor (longer coinages say more, up to eight
/// characters), times the square root of the count (repetition matters, with diminishing returns).
/// A quoted phrase counts fully only as a coinage: several characters that jieba's base dictionary
/// does not hold as one word (县域不经济, 新农人), or a formulation of our lexicon (数商兴农). A
/// scare-quoted ordinary word (“价值链”) is one dictionary word, so it ranks low however often it is quoted.
fn score(g: &Grouped) -> f64 {
    let chars = g.text.chars().count();
    let formulation = lexicon().get(g.text.as_str()).is_some_and(|known| known.formulation);
    let coined = chars >= 2 && (crate::segment::reference_frequency(&g.text) == 0 || formulation);
    let scare = if g.kind == SloganKind::Quoted && !coined { 0.2 } else { 1.0 };
    kind_weight(g.kind) * scare * (1.0 + chars.min(8) as f64 / 8.0) * (g.occurrences.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_runs_pair_each_style_nest_and_stop_at_line_ends() {
        let text = "“甲”「乙」『丙』\"丁\"“未闭\n“戊‘己’”《庚〈辛〉》";
        let got: Vec<&str> = mark_runs(text).into_iter().map(|r| &text[r.inner]).collect();
        assert_eq!(got, ["甲", "乙", "丙", "丁", "戊‘己’", "己", "庚〈辛〉", "辛"]);
    }

    #[test]
    fn an_unclosed_inner_mark_does_not_swallow_its_outer_run() {
        let text = "“甲「乙”";
        let got: Vec<&str> = mark_runs(text).into_iter().map(|r| &text[r.inner]).collect();
        assert_eq!(got, ["甲「乙"]);
    }

    #[test]
    fn long_quotations_are_not_phrases() {
        assert!(is_phrase("县域不经济"));
        assert!(!is_phrase("整合科技创新资源,引领发展战略性新兴产业和未来产业,加快形成新质生产力。"));
    }

    #[test]
    fn every_quantity_head_stops_its_example_being_a_formula() {
        for (head, example) in QUANTITY_HEADS {
            assert!(example.contains(head), "{example}");
            let formula = example.trim_start_matches(|c: char| !is_numeral(c));
            assert_eq!(formula_count(formula), None, "{example}");
        }
    }

    #[test]
    fn formula_shapes_and_their_counts() {
        for (formula, count) in [
            ("三高四新", Some(7)),
            ("一带一路", Some(2)),
            ("三去一降一补", Some(5)),
            ("四链", Some(4)),
            ("两个确立", Some(2)),
            ("两个一批", Some(2)),
            ("四项基本原则", Some(4)),
            ("十四五", None),
        ] {
            assert_eq!(formula_count(formula), Some(count), "{formula}");
        }
        // 双倍增's 倍 reads as a quantity (三倍); the lexicon files it as a formula.
        assert!(formula_count("双倍增").is_none() && is_numbered("双倍增"));
        for not in ["一直", "一些", "九二共识", "县域经济", "三个月", "一心"] {
            assert_eq!(formula_count(not), None, "{not}");
        }
        for (c, example) in CLASSIFIERS {
            assert!(example.contains(*c) && formula_count(example).is_some(), "{example}");
        }
    }

    #[test]
    fn each_spelling_out_shape_reads_its_example() {
        for (shape, example) in EXPANSIONS {
            let after = example.find('”').map(|i| i + '”'.len_utf8()).unwrap_or(0);
            let (items, _) = spelled(&example[after..], *shape).unwrap_or_else(|| panic!("{example}"));
            assert!(items.len() >= 2, "{example}: {items:?}");
        }
    }

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
    fn function_words_alone_frame_nothing() {
        let text = "我的、你的、他的";
        let dictionary = crate::segment::full_dictionary();
        let tokens = crate::segment::segment(dictionary.jieba(), text, true, &[]);
        let mut d = Dictionary { jieba: dictionary.jieba(), tags: FxHashMap::default() };
        assert!(parallels(text, &tokens, &mut d).is_empty());
        let text = "坚持改革、坚持开放、坚持创新";
        let tokens = crate::segment::segment(dictionary.jieba(), text, true, &[]);
        let frames: Vec<Option<String>> = parallels(text, &tokens, &mut d).into_iter().map(|f| f.frame).collect();
        assert_eq!(frames, [Some("坚持…".to_string())]);
    }

    #[test]
    fn every_other_sense_holds_in_its_example() {
        for sense in OTHER_SENSES {
            let at = sense.example.find(sense.formula).expect("the example says the formula");
            let items = expansion_at(sense.example, sense.formula, at..at + sense.formula.len(), None);
            let want: Option<Vec<String>> =
                (!sense.items.is_empty()).then(|| sense.items.split(ITEM_SEPARATOR).map(str::to_string).collect());
            assert_eq!(items, want, "{}", sense.example);
        }
    }

    #[test]
    fn listed_items_leave_out_the_head_they_share() {
        for (verb, example) in LISTED_PREDICATES {
            let open = example.find('“').expect("a quoted formula");
            let formula = &example[open + '“'.len_utf8()..example.rfind('”').expect("closed")];
            let items = listed_before(example, open, formula).unwrap_or_else(|| panic!("{example}"));
            assert!(items.iter().all(|i| i.chars().count() == 2 && !i.contains(verb)), "{example}: {items:?}");
        }
        let text = "耕地、永久基本农田“双保护”";
        let items = listed_before(text, text.find('“').unwrap_or(0), "双保护");
        assert_eq!(items, Some(vec!["耕地".to_string(), "永久基本农田".to_string()]));
    }

    #[test]
    fn lexicon_items_keep_their_own_enumeration_marks() {
        let items = known_expansion("两个确立", None).expect("两个确立 expands");
        assert_eq!(items, ["习近平同志党中央的核心、全党的核心地位", "习近平新时代中国特色社会主义思想的指导地位"]);
        for e in crate::segment::lexicon_entries().filter(|e| e.note.contains('=')) {
            for version in expansions(e.note) {
                assert!(version.items.len() >= 2, "{}: {}", e.word, e.note);
                assert!(
                    version.items.iter().all(|i| !i.is_empty() && i.chars().all(|c| is_han(c) || c == '、')),
                    "{}",
                    e.word
                );
            }
        }
    }

    #[test]
    fn expansions_are_read_in_the_version_of_the_texts_date() {
        let month = |y: u32, m: u32| Some(y * 12 + m - 1);
        let first = |m| known_expansion("四个全面", m).map(|items| items[0]);
        assert_eq!(first(month(2017, 10)), Some("全面建成小康社会"));
        assert_eq!(first(month(2020, 10)), Some("全面建成小康社会"));
        assert_eq!(first(month(2020, 11)), Some("全面建设社会主义现代化国家"));
        assert_eq!(first(None), Some("全面建设社会主义现代化国家"));
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
    fn ordinary_nouns_are_in_the_idiom_list_and_no_idioms() {
        for (noun, example) in ORDINARY_NOUNS {
            assert!(crate::segment::is_idiom(noun) && !is_idiom(noun), "{noun}");
            assert!(example.contains(noun), "{example}");
        }
        assert!(is_idiom("众志成城"));
    }

    #[test]
    fn every_person_title_marks_its_example() {
        for (title, example) in PERSON_TITLES {
            let text = format!("{example}说：“…”");
            assert!(example.ends_with(title), "{example}");
            assert_eq!(named(speaker_before(&text, text.find('“').unwrap_or(0))).as_deref(), Some(*example));
        }
    }

    #[test]
    fn plain_words_and_names_in_quotes_coin_nothing() {
        for (tail, examples) in QUOTED_NAME_TAILS {
            for example in examples.split(", ") {
                let inner = example.trim_matches(['“', '”']);
                assert!(inner.ends_with(tail) && coins_nothing(inner), "{example}");
            }
        }
        for plain in ["形", "合作", "灾害", "社会主义", "绝大多数", "90后", "00后", "健康中国2030", "全国第一"]
        {
            assert!(coins_nothing(plain), "{plain}");
        }
        for coinage in ["政治病毒", "形象工程", "硬骨头精神", "从0到1", "县域不经济", "卡脖子", "飞地经济"]
        {
            assert!(!coins_nothing(coinage), "{coinage}");
        }
    }

    #[test]
    fn each_kind_of_name_marks_its_list() {
        for (kind, example) in NAMED_KINDS {
            let end = example.rfind('”').expect("a quote") + '”'.len_utf8();
            assert!(example.ends_with(kind) && named_in_list(example, end), "{example}");
        }
        let reform = "“放管服”等改革";
        assert!(!named_in_list(reform, reform.rfind('”').unwrap_or(0) + '”'.len_utf8()));
    }

    #[test]
    fn jargon_and_terms_of_war_coin_nothing_and_wars_of_policy_do() {
        for (word, example) in JARGON {
            assert!(example.contains(&format!("“{word}”")) && coins_nothing(word), "{example}");
        }
        for (war, example) in WARS_OF_POLICY {
            assert!(example.contains(war) && !coins_nothing(war), "{example}");
        }
        for term in ["地道战", "地雷战", "细菌战", "绞杀战"] {
            assert!(coins_nothing(term), "{term}");
        }
        for coinage in ["甩锅", "舆论战", "空中拼刺刀"] {
            assert!(!coins_nothing(coinage), "{coinage}");
        }
    }

    #[test]
    fn a_line_with_a_classical_word_is_verse() {
        for (word, example) in CLASSICAL_WORDS {
            assert!(example.contains(*word), "{example}");
        }
        for verse in ["千磨万击终不悔", "天若有情天亦老", "莫道桑榆晚"] {
            assert!(is_verse_line(verse), "{verse}");
        }
        for coinage in ["我是党员我先上", "咬定青山不放松", "县域不经济", "疫情不退我不退"] {
            assert!(!is_verse_line(coinage), "{coinage}");
        }
    }

    #[test]
    fn enumerations_and_chains_of_task_phrases() {
        for coinage in ["微成长、小升高、高壮大、大变强", "学理论、强本领，转作风、促发展"]
        {
            assert!(enumeration(coinage), "{coinage}");
        }
        for quotation in ["志不求易者成，事不避难者进", "天下难事，必作于易；天下大事，必作于细", "守初心、担使命"]
        {
            assert!(!enumeration(quotation), "{quotation}");
        }
    }

    #[test]
    fn classical_lines_are_even_clauses() {
        assert!(is_classical_line("行之苟有恒，久久自芬芳。"));
        assert!(!is_classical_line("整合科技创新资源,引领发展战略性新兴产业和未来产业,加快形成新质生产力。"));
    }
}
