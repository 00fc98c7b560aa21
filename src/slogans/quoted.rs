//! What a quoted phrase is: a coinage, or a plain word, a name, a term, a line of verse, an idiom or
//! an enumeration in quotes. The rules are tables, each entry with what it catches.

use super::formulas::lexicon;
use super::found::Dictionary;
use super::idioms::is_idiom;
use crate::text::{is_han, is_sentence_end};

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
pub(super) fn named_in_list(speech: &str, end: usize) -> bool {
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
pub(super) fn coins_nothing(inner: &str) -> bool {
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

/// A classical line quoted bare: two to four clauses of equal length, four to seven characters,
/// all Han (“行之苟有恒，久久自芬芳。”).
pub(super) fn is_classical_line(inner: &str) -> bool {
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
pub(super) fn enumeration(inner: &str) -> bool {
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
pub(super) fn is_verse_line(inner: &str) -> bool {
    matches!(inner.chars().count(), 5 | 7)
        && inner.chars().all(is_han)
        && inner.chars().any(|c| CLASSICAL_WORDS.iter().any(|&(w, _)| w == c))
        && !crate::segment::in_dictionary(inner)
}

/// A quoted phrase that is an idiom: of the idiom list, or four characters jieba's dictionary has
/// as an idiom (“一枝独秀”, which the list lacks): the quotes say it is said as a set phrase,
/// and a numeral it opens with counts nothing.
pub(super) fn quoted_idiom(inner: &str, dictionary: &mut Dictionary) -> bool {
    let known_formula = lexicon().get(inner).is_some_and(|known| known.numbered);
    let four = inner.chars().count() == 4 && inner.chars().all(is_han);
    !known_formula && (is_idiom(inner) || (four && dictionary.tag(inner) == Some("i")))
}

#[cfg(test)]
mod tests {
    use super::*;

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
