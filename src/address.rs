//! How a speech addresses its audience (`同志们：`, `尊敬的各位来宾，女士们、先生们：`): read by
//! `clean` for the salutation, by `anatomy` for a salutation run into a byline, and by `outline`
//! for the turn from the numbered parts to the rest.

use crate::rules::Word;
use crate::text::{is_clause_break, is_han, short};

/// How a speech addresses its audience, in its salutation and when it turns to them again.
/// An address term starts with one of these …
const ADDRESS_HEADS: &[Word] = &[
    Word { word: "各位", example: "各位代表、各位委员、各位来宾、各位领导" },
    Word { word: "尊敬的", example: "尊敬的主席先生，尊敬的各位来宾" },
    Word { word: "亲爱的", example: "亲爱的同学们" },
    Word { word: "在座的", example: "在座的各位" },
    Word { word: "各国", example: "各国代表、各国来宾" },
];
/// … or ends with one of these (三 characters at least: 我们 and 你们 address no one).
const ADDRESS_TAILS: &[Word] = &[
    Word { word: "们", example: "同志们、朋友们、女士们、先生们、同学们、代表们" },
    Word { word: "先生", example: "主席先生" },
    Word { word: "女士", example: "主持人女士" },
    Word { word: "阁下", example: "总统阁下" },
    Word { word: "团长", example: "各代表团团长" },
    Word { word: "首脑", example: "各国政府首脑" },
];

/// Addressees a salutation may open with bare, without 尊敬的 or 各位.
const BARE_ADDRESSES: &[&str] =
    &["同志们", "朋友们", "女士们", "先生们", "同学们", "同胞们", "乡亲们", "代表们", "老师们"];

/// Whether `s` opens with a bare address or an address head (`同志们`, `尊敬的`), as a salutation
/// glued to a byline does.
pub fn opens_address(s: &str) -> bool {
    BARE_ADDRESSES.iter().any(|a| s.starts_with(a)) || ADDRESS_HEADS.iter().any(|h| s.starts_with(h.word))
}

/// Address terms joined by ，, each a list joined by 、 (and a last 和) whose first item is an
/// address term and whose others share its head: `尊敬的各位国家元首、政府首脑，各位来宾，女士们、先生们，朋友们`.
pub fn is_address(s: &str) -> bool {
    let term = |t: &str| {
        let chars = t.chars().count();
        chars <= 20
            && !t.contains(is_clause_break)
            && (ADDRESS_HEADS.iter().any(|h| t.starts_with(h.word) && chars > h.word.chars().count())
                || (chars >= 3 && ADDRESS_TAILS.iter().any(|h| t.ends_with(h.word))))
    };
    let shares_head = |t: &str| (1..=10).contains(&t.chars().count()) && t.chars().all(is_han);
    // The last addressees of a list may be joined by 和: `各位国家元首、政府首脑和国际组织代表`.
    let item =
        |t: &str| term(t) || shares_head(t) || (t.contains('和') && t.split('和').all(|u| term(u) || shares_head(u)));
    let group = |g: &str| {
        let mut items = g.split('、');
        items.next().is_some_and(term) && items.all(item)
    };
    !s.is_empty() && short(s, 160) && s.split(['，', ',']).all(group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_catches_its_example() {
        for w in ADDRESS_HEADS.iter().chain(ADDRESS_TAILS) {
            assert!(w.example.contains(w.word) && is_address(w.example), "{}", w.example);
        }
    }
}
