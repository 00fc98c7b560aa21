//! The row shapes of rule tables: each row beside real examples of what it catches.

/// A word a rule looks for, with a real example of what it catches.
pub struct Word {
    pub word: &'static str,
    // Documentation the tests hold each word to.
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: &'static str,
}
