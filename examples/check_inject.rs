//! Errors injected into published texts, one at a time, each kind of the draft check's table:
//! is each found at its place? `cargo run --release --example check_inject -- TEXTS.jsonl [--half tune|validate]`.
//! Each injector makes one edit where the text gives it a place (the first such place after the
//! text's middle), and says where the finding must be; a text with no such place is not counted.

use serde::Deserialize;
use speechlens::check::{CheckOptions, check};
use speechlens::text::is_han;
use std::ops::Range;

#[derive(Deserialize)]
struct Text {
    text: String,
}

/// A text with one error put in, and the byte range the finding must touch.
type Injected = Option<(String, Range<usize>)>;

/// A published text and the same text with its chrome blanked (what the check reads): an error is
/// put in the speech only, since nothing is flagged in a menu or a dateline.
struct Source<'t> {
    text: &'t str,
    speech: String,
}

/// Puts one error into a text.
type Injector = fn(&Source) -> Injected;

/// (the rule that must find it, what the edit does, the edit).
const INJECTORS: &[(&str, &str, Injector)] = &[
    ("punct.halfwidth", "， between Han → ,", |s| replace_at(s, after_middle(s, "，", han_around), "，", ",")),
    ("punct.unpaired", "a ” deleted", |s| {
        let t = s.text;
        let at = after_middle(s, "”", |_, _| true)?;
        let open = t[..at].rfind('“')?;
        Some((format!("{}{}", &t[..at], &t[at + '”'.len_utf8()..]), open..at))
    }),
    ("punct.ellipsis", "。 after Han → ...", |s| replace_at(s, after_middle(s, "。", han_before), "。", "...")),
    ("punct.dash", "， between Han → --", |s| replace_at(s, after_middle(s, "，", han_around), "，", "--")),
    ("punct.doubled", "。 → 。。", |s| replace_at(s, after_middle(s, "。", han_before), "。", "。。")),
    ("punct.ordinal", "第二， → 第二、", |s| {
        replace_at(s, after_middle(s, "第二，", |_, _| true).or(first(s, "第二，")), "第二，", "第二、")
    }),
    ("number.date-form", "2020年5月 → 2020年05月", |s| {
        let t = s.text;
        let at = (0..t.len()).filter(|&i| t.is_char_boundary(i)).find(|&i| padded_month_place(&s.speech, i))?;
        Some((format!("{}0{}", &t[..at], &t[at..]), at - "年".len()..at + 2))
    }),
    ("number.zero-form", "今年 → 二0二〇年", |s| {
        replace_at(s, after_middle(s, "今年", |_, _| true).or(first(s, "今年")), "今年", "二0二〇年")
    }),
    ("number.estimate-comma", "几个 → 三、四个", |s| {
        replace_at(s, after_middle(s, "几个", |_, _| true).or(first(s, "几个")), "几个", "三、四个")
    }),
    ("number.formula-digits", "四个全面 → 4个全面", |s| {
        let word = ["四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "两个一百年", "十四五", "十三五"]
            .into_iter()
            .find(|w| s.speech.contains(w))?;
        let arabic = word.replacen("四个", "4个", 1).replacen("两个", "2个", 1).replacen("十四五", "14五", 1).replacen(
            "十三五",
            "13五",
            1,
        );
        replace_at(s, first(s, word), word, &arabic)
    }),
    ("template.placeholder", "同志 → XX同志", |s| {
        replace_at(s, after_middle(s, "同志", |_, _| true).or(first(s, "同志")), "同志", "XX同志")
    }),
    ("repeat.sentence", "a sentence said again", |s| {
        let t = s.text;
        // From the first sentence that starts after the middle.
        let middle = (t.len() / 2..t.len()).find(|&b| t.is_char_boundary(b))?;
        let mut start = middle + t[middle..].find('。')? + '。'.len_utf8();
        loop {
            let end = start + t[start..].find('。')? + '。'.len_utf8();
            let sentence = &t[start..end];
            if s.speech[start..end] != *sentence {
                start = end;
                continue;
            }
            if sentence.chars().filter(|&c| is_han(c)).count() >= 20 && !sentence.contains('\n') {
                return Some((format!("{}{}{}", &t[..end], sentence, &t[end..]), end..end + sentence.len()));
            }
            start = end;
        }
    }),
    ("typo.confusion", "部署 → 布署, 第 → 笫", |s| {
        replace_at(s, first(s, "部署"), "部署", "布署")
            .or_else(|| replace_at(s, after_middle(s, "第一", |_, _| true).or(first(s, "第一")), "第一", "笫一"))
    }),
    ("term.leader-title", "习近平总书记 → 习总书记 (or said in a sentence put in)", |s| {
        replace_at(s, after_middle(s, "习近平总书记", |_, _| true), "习近平", "习")
            .or_else(|| insert_sentence(s, "我们要认真贯彻习总书记重要讲话精神。", "习总书记"))
    }),
    ("typo.leader-name", "a leader's name beside its title, one character off", |s| {
        // The texts' own places first; else a sentence put in, its misspelling chosen by the text.
        const MISSPELT: &[(&str, &str)] = &[
            ("习近平总书记", "习近乎总书记"),
            ("军委主席习近平", "军委主席习进平"),
            ("国家主席习近平", "国家主席习进平"),
            ("习近平主席", "习近萍主席"),
            ("以习近平同志为核心", "以习近萍同志为核心"),
            ("毛泽东思想", "毛择东思想"),
            ("邓小平理论", "邓晓平理论"),
        ];
        let own = MISSPELT
            .iter()
            .find_map(|&(form, misspelt)| replace_at(s, after_middle(s, form, |_, _| true), form, misspelt));
        own.or_else(|| {
            let (_, misspelt) = MISSPELT[s.text.len() % MISSPELT.len()];
            insert_sentence(s, &format!("要深入学习贯彻{misspelt}的要求。"), misspelt)
        })
    }),
    ("formula.congress", "贯彻党的十九大…精神 → 十七大", |s| {
        let at = s.speech.match_indices("党的十九大").map(|(at, _)| at).find(|&at| {
            let from = (0..=at.saturating_sub(24)).rev().find(|&b| s.speech.is_char_boundary(b)).unwrap_or(0);
            s.speech[from..at].contains("贯彻") && s.speech[at..].split('。').next().is_some_and(|c| c.contains("精神"))
        });
        replace_at(s, at, "党的十九大", "党的十七大")
    }),
    ("formula.order", "a formula's items, two swapped", |s| {
        let (list, swapped) = speechlens::slogans::formula_versions()
            .filter(|(_, _, items)| items.len() >= 3)
            .find_map(|(_, _, items)| {
                let list = items.join("、");
                let mut swapped = items.to_vec();
                swapped.swap(1, 2);
                s.speech.contains(&list).then(|| (list, swapped.join("、")))
            })?;
        replace_at(s, first(s, &list), &list, &swapped)
    }),
    ("numbering.", "二 → 三 in a marker (a part numbered twice)", |s| {
        let (two, three) =
            [("二、", "三、"), ("第二，", "第三，"), ("（二）", "（三）"), ("二是", "三是"), ("二要", "三要")]
                .into_iter()
                .find(|(two, three)| s.speech.contains(two) && s.speech.contains(three))?;
        replace_at(s, first(s, two), two, three)
    }),
];

fn han_before(t: &str, at: usize) -> bool {
    t[..at].chars().next_back().is_some_and(is_han)
}

fn han_around(t: &str, at: usize) -> bool {
    han_before(t, at) && t[at..].chars().nth(1).is_some_and(is_han)
}

/// The first place of `what` in the speech after the text's middle where `fits` holds.
fn after_middle(s: &Source, what: &str, fits: fn(&str, usize) -> bool) -> Option<usize> {
    s.speech.match_indices(what).map(|(at, _)| at).find(|&at| at >= s.text.len() / 2 && fits(&s.speech, at))
}

fn first(s: &Source, what: &str) -> Option<usize> {
    s.speech.find(what)
}

fn replace_at(s: &Source, at: Option<usize>, what: &str, with: &str) -> Injected {
    let (t, at) = (s.text, at?);
    Some((format!("{}{with}{}", &t[..at], &t[at + what.len()..]), at..at + with.len()))
}

/// `sentence` put in after the first sentence that ends after the text's middle; `flagged` is in it.
fn insert_sentence(s: &Source, sentence: &str, flagged: &str) -> Injected {
    let t = s.text;
    let at = after_middle(s, "。", han_before)? + '。'.len_utf8();
    let place = at + sentence.find(flagged)?;
    Some((format!("{}{sentence}{}", &t[..at], &t[at..]), place..place + flagged.len()))
}

/// `at` is right after `2020年` and before a one-digit month.
fn padded_month_place(t: &str, at: usize) -> bool {
    t[..at].ends_with('年')
        && t[..at - '年'.len_utf8()].chars().rev().take(4).filter(char::is_ascii_digit).count() == 4
        && t[at..].chars().next().is_some_and(|c| c.is_ascii_digit() && c != '0')
        && t[at..].chars().nth(1) == Some('月')
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: check_inject TEXTS.jsonl [--half tune|validate]");
    let half = args.iter().position(|a| a == "--half").and_then(|i| args.get(i + 1)).cloned();
    let texts: Vec<Text> = std::fs::read_to_string(path)
        .expect("a readable JSONL file")
        .lines()
        .enumerate()
        .filter(|(n, _)| half.as_deref() != Some(if n % 2 == 0 { "validate" } else { "tune" }))
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| serde_json::from_str(l).expect("a JSON object with a text"))
        .collect();
    for (rule, edit, inject) in INJECTORS {
        let (mut tried, mut found) = (0, 0);
        for text in &texts {
            let speech = speechlens::clean::mask(&text.text, &speechlens::clean::clean(&text.text));
            let Some((injected, place)) = inject(&Source { text: &text.text, speech }) else { continue };
            tried += 1;
            let result = check(&injected, &CheckOptions::default()).expect("checked");
            let utf16 = |b: usize| injected[..b].encode_utf16().count() as u32;
            let (start, end) = (utf16(place.start), utf16(place.end));
            if result
                .findings
                .iter()
                .any(|f| f.rule.starts_with(rule) && f.start < end.max(start + 1) && start < f.end.max(f.start + 1))
            {
                found += 1;
            } else if args.iter().any(|a| a == "--verbose") {
                let from =
                    (0..=place.start.saturating_sub(30)).rev().find(|&b| injected.is_char_boundary(b)).unwrap_or(0);
                let to = (place.end + 30).min(injected.len());
                let to = (to..=injected.len()).find(|&b| injected.is_char_boundary(b)).unwrap_or(injected.len());
                println!("missed {rule} in: …{}…", &injected[from..to]);
            }
        }
        let share = if tried == 0 { 0.0 } else { 100.0 * found as f64 / tried as f64 };
        println!("{rule:<24} {edit:<36} found {found:>3} of {tried:>3} ({share:.0} %)");
    }
}
