//! How a speech addresses its audience (`同志们：`, `尊敬的各位来宾，女士们、先生们：`): read by
//! `clean` for the salutation, by `anatomy` for a salutation run into a byline, and by `outline`
//! for the turn from the numbered parts to the rest.

use crate::rules::Word;
use crate::text::{is_clause_break, is_han, short};

/// How a speech addresses its audience, in its salutation and when it turns to them again.
/// An address term starts with one of these …
const ADDRESS_HEADS: &[Word] = &[
    Word {
        word: "各位", example: "各位代表、各位委员、各位来宾、各位领导", leaves: &["这里，我要提醒各位"]
    },
    Word {
        word: "尊敬的", example: "尊敬的主席先生，尊敬的各位来宾", leaves: &["我们要做让群众尊敬的干部"]
    },
    Word { word: "亲爱的", example: "亲爱的同学们", leaves: &["把人民群众当作自己亲爱的家人"] },
    Word { word: "在座的", example: "在座的各位", leaves: &["这项工作，在座的同志都很熟悉"] },
    Word {
        word: "各国", example: "各国代表、各国来宾", leaves: &["中国愿同各国一道，共谋发展"]
    },
];
/// … or ends with one of these (三 characters at least: 我们 and 你们 address no one).
const ADDRESS_TAILS: &[Word] = &[
    Word {
        word: "们",
        example: "同志们、朋友们、女士们、先生们、同学们、代表们",
        leaves: &["我们", "你们", "同志们，一定要把这件事办好"],
    },
    Word { word: "先生", example: "主席先生", leaves: &["正如鲁迅先生所说，其实地上本没有路"] },
    Word { word: "女士", example: "主持人女士", leaves: &["这位女士的故事，感动了很多人"] },
    Word {
        word: "阁下", example: "总统阁下", leaves: &["总统阁下刚才的讲话，给我留下了深刻印象"]
    },
    Word {
        word: "团长", example: "各代表团团长", leaves: &["团长要带好团、管好人，确保会风会纪"]
    },
    Word {
        word: "首脑", example: "各国政府首脑", leaves: &["首脑会晤取得了丰硕成果，达成了多项共识"]
    },
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
    fn every_word_catches_its_example_and_leaves_its_counter_examples() {
        crate::rules::assert_words(ADDRESS_HEADS, is_address);
        crate::rules::assert_words(ADDRESS_TAILS, is_address);
    }
}
