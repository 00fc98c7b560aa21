//! Laws named without book-title marks after a verb of law-making (制定民营经济促进法): titles, as
//! the ones in 《》 are.

use crate::text::is_han;
use std::ops::Range;

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

/// The first characters of the verbs of [`LAW_MAKING`] (a test checks them): where a verb may start.
const LAW_VERB_OPENINGS: &[char] = &['制', '修', '出', '颁', '施', '实', '执', '落', '起', '编'];

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
pub(super) fn unbracketed_laws(speech: &str) -> Vec<Range<usize>> {
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
    for at in verb_openings(speech) {
        let Some((verb, _)) = LAW_MAKING.iter().find(|(v, _)| speech[at..].starts_with(v)) else { continue };
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
    crate::sort::sort_by_key(&mut laws, |r| r.start);
    laws.dedup();
    laws
}

/// Where a character of [`LAW_VERB_OPENINGS`] stands in `speech`: one pass for all the verbs. The
/// openings are three bytes each (a test checks them), and most characters of a speech end in a
/// byte none of them ends in: those are passed over by their first and last bytes, undecoded.
fn verb_openings(speech: &str) -> impl Iterator<Item = usize> + '_ {
    let last_bytes: u64 = LAW_VERB_OPENINGS.iter().fold(0, |bits, &c| bits | 1 << (c as u32 & 63));
    let bytes = speech.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&lead) = bytes.get(at) {
            let here = at;
            // A byte below E0 is ASCII or a byte of a two-byte character, which opens no verb:
            // stepped over one at a time.
            at += match lead {
                ..0xE0 => 1,
                0xE0..0xF0 => 3,
                _ => 4,
            };
            let three = (0xE0..0xF0).contains(&lead);
            if three
                && bytes.get(here + 2).is_some_and(|&last| last_bytes >> (last & 63) & 1 != 0)
                && speech[here..].starts_with(LAW_VERB_OPENINGS)
            {
                return Some(here);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openings_are_the_first_characters_of_the_verbs() {
        let mut firsts: Vec<char> = LAW_MAKING.iter().filter_map(|(verb, _)| verb.chars().next()).collect();
        firsts.dedup();
        assert_eq!(firsts, LAW_VERB_OPENINGS);
        assert!(LAW_VERB_OPENINGS.iter().all(|c| c.len_utf8() == 3), "verb_openings reads three bytes");
        let speech = "依法制定、修订和实施，a修ü出";
        let found: Vec<usize> = verb_openings(speech).collect();
        assert_eq!(found, speech.match_indices(LAW_VERB_OPENINGS).map(|(at, _)| at).collect::<Vec<_>>());
    }

    #[test]
    fn every_verb_of_law_making_finds_the_law_of_its_example() {
        for (verb, example) in LAW_MAKING {
            let laws: Vec<&str> = unbracketed_laws(example).into_iter().map(|r| &example[r]).collect();
            assert!(example.contains(verb), "{example}");
            assert_eq!(laws.len(), 1, "{example}: {laws:?}");
            assert!(example.ends_with(laws[0]), "{example}: {laws:?}");
        }
        for not in ["实施办法", "制定科学的方法", "实施乡村振兴战略"] {
            assert!(unbracketed_laws(not).is_empty(), "{not}");
        }
        let listed = "出台生物安全法、出口管制法";
        assert_eq!(unbracketed_laws(listed).len(), 2);
    }
}
