//! The row shapes of rule tables: each row beside real examples of what it catches.

/// A word a rule looks for, with a real example of what it catches and what it must leave:
/// speech that says the word in passing.
pub struct Word {
    pub word: &'static str,
    /// Documentation the tests hold each word to.
    pub example: &'static str,
    /// Texts holding the word that the rule must leave, as a speech says it.
    pub leaves: &'static [&'static str],
}

/// The one test of a word table: `catches`, the rule as its module applies the table, catches
/// every row's example and leaves every row's counter-examples (each holding its row's word), so a
/// word added or a rule widened that starts catching speech fails here.
#[cfg(test)]
pub fn assert_words(table: &[Word], catches: impl Fn(&str) -> bool) {
    for w in table {
        assert!(w.example.contains(w.word) && catches(w.example), "{} misses its example {}", w.word, w.example);
        assert!(!w.leaves.is_empty(), "{}: no counter-example", w.word);
        for text in w.leaves {
            assert!(text.contains(w.word) && !catches(text), "{} catches its counter-example {text}", w.word);
        }
    }
}

/// A rule of a table, as the draft check's `check::Rule`: the kind of thing it catches, real
/// texts it must catch and texts it must leave side by side, and the function that reads a text
/// (`F`: a test of a line, a finder of pieces, a reader of a marker; `K`: what it names, a removed kind or a style). Each table has one generic
/// test that runs every row's examples and counter-examples through its function.
pub struct Rule<F, K = &'static str> {
    pub kind: K,
    pub catches: &'static [&'static str],
    pub leaves: &'static [&'static str],
    pub find: F,
}
