//! The row shapes of rule tables: each row beside real examples of what it catches.

/// A word a rule looks for, with a real example of what it catches.
pub struct Word {
    pub word: &'static str,
    /// Documentation the tests hold each word to.
    pub example: &'static str,
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
