//! Chinese numerals: the sets of numeral characters each reader needs, and their values.
//!
//! The sets differ by purpose, and each says why: a year is spelled digit by digit with 〇
//! (二〇二〇), a marker or a count is a number up to 九十九 written with 十 (第十二, 三十条), an
//! announcement may count with 两 (讲两点), a formula with 两 or 双 too (两个确立, 双循环).

/// 一 … 九, the digits every set shares, as a pattern (`matches!(c, one_to_nine!() | '十')`).
macro_rules! one_to_nine {
    () => {
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    };
}

/// The numerals markers and counts are written in, 一 … 十 (第十二, （三）, 三十条): no zero (a
/// marker is never 〇) and no 两 (二是, never 两是).
pub fn is_counting(c: char) -> bool {
    matches!(c, one_to_nine!() | '十')
}

/// What a numbered part's marker or an announced count may be written with: the counting numerals
/// and 两, which counts (`讲两点`, `两个方面`), though no marker writes it.
pub fn is_marker_numeral(c: char) -> bool {
    matches!(c, one_to_nine!() | '十' | '两')
}

/// Numerals that count the items of a formula: 三农, 两个确立, 双倍增, 十四五. 百/千/万 are left out:
/// 百花齐放 and 千帆竞发 are images, not counts.
pub fn is_formula_numeral(c: char) -> bool {
    matches!(c, one_to_nine!() | '十' | '两' | '双')
}

/// A digit as a year spells it, one character per digit: 一 … 九 and 〇 or 零 for zero (二〇二〇,
/// 二零一九); 十 is no digit of a year.
pub fn is_year_digit(c: char) -> bool {
    matches!(c, one_to_nine!() | '〇' | '零')
}

/// The value of one numeral character (〇/零 0, 两 and 双 2), else `None`.
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' | '双' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numerals as official texts write them: 一 … 九十九, with 两 and 双 for two.
pub fn chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['百'] => Some(100),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// The Chinese numeral for `n` (1..=99), as markers write it.
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        _ if n.is_multiple_of(10) && n < 100 => format!("{}十", DIGITS[(n / 10) as usize]),
        20..=99 => format!("{}十{}", DIGITS[(n / 10) as usize], DIGITS[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// The value of a year's digit: Arabic (ASCII or full-width) or Chinese (see [`is_year_digit`]).
pub fn year_digit(c: char) -> Option<u32> {
    arabic(c).or_else(|| is_year_digit(c).then(|| digit(c))?)
}

/// An ASCII or full-width digit.
pub fn arabic(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A small number in Arabic or Chinese numerals, as a month or a day writes it: `05`, `５`, `十七`.
pub fn small_number(numeral: &str) -> Option<u32> {
    match numeral.chars().map(arabic).collect::<Option<Vec<u32>>>() {
        Some(digits) if digits.len() <= 2 => Some(digits.iter().fold(0, |n, d| n * 10 + d)),
        Some(_) => None,
        None => chinese_number(numeral),
    }
}

/// The leading numeral of `s` a marker or a count is written with (see [`is_marker_numeral`]), at
/// most three characters (九十九), and what follows.
pub fn split_marker_numeral(s: &str) -> (&str, &str) {
    let len = s
        .char_indices()
        .take_while(|&(i, c)| i < 9 && is_marker_numeral(c))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    s.split_at(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_round_trip() {
        for n in 1..100 {
            assert_eq!(chinese_number(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(chinese_number("两"), Some(2));
        assert_eq!(chinese_number("第"), None);
    }

    #[test]
    fn each_set_holds_what_its_readers_write() {
        type Set = fn(char) -> bool;
        // (set, what it must hold, what it must leave)
        let sets: [(Set, &str, &str); 4] = [
            (is_counting, "一二三四五六七八九十", "〇零两双百"),
            (is_marker_numeral, "一九十两", "〇零双百"),
            (is_formula_numeral, "一九十两双", "〇零百千万"),
            (is_year_digit, "〇零一二九", "十两双百"),
        ];
        for (set, holds, leaves) in sets {
            assert!(holds.chars().all(set), "{holds}");
            assert!(!leaves.chars().any(set), "{leaves}");
        }
    }

    #[test]
    fn values_of_years_months_and_markers() {
        let year: Option<Vec<u32>> = "二〇二〇".chars().map(year_digit).collect();
        assert_eq!(year, Some(vec![2, 0, 2, 0]));
        assert_eq!(year_digit('十'), None);
        assert_eq!(["05", "５", "十七", "123", "第"].map(small_number), [Some(5), Some(5), Some(17), None, None]);
        assert_eq!(split_marker_numeral("十二、总体要求"), ("十二", "、总体要求"));
        assert_eq!(split_marker_numeral("两点"), ("两", "点"));
        assert_eq!(split_marker_numeral("一二三四"), ("一二三", "四"));
    }
}
