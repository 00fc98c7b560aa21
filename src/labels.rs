//! The words a person reads, from the one label table (`data/labels.tsv`): key, 中文, English,
//! `{0}`, `{1}`… for values, an English `singular|plural` chosen by the first value. The renderers
//! and the draft check's messages read it; the core builds no sentence of its own.

const LABELS: &str = include_str!("../data/labels.tsv");

/// The table parsed once: (key, 中文, English).
fn labels() -> &'static [(&'static str, &'static str, &'static str)] {
    static PARSED: std::sync::OnceLock<Vec<(&str, &str, &str)>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        LABELS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let mut fields = l.split('\t');
                Some((fields.next()?, fields.next()?, fields.next()?))
            })
            .collect()
    })
}

/// The label of `key` in `lang` (`en…` is English, anything else Chinese), if the table has one.
pub fn lookup(lang: &str, key: &str) -> Option<&'static str> {
    let en = lang.starts_with("en");
    labels().iter().find(|(k, _, _)| *k == key).map(|&(_, zh, english)| if en { english } else { zh })
}

/// The label of `key` in `lang`; a key the table lacks shows as itself rather than as nothing.
pub fn label<'a>(lang: &str, key: &'a str) -> &'a str {
    lookup(lang, key).unwrap_or(key)
}

/// `template` with `{0}`, `{1}`… replaced by `values`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let template = match template.split_once('|') {
        Some((one, _)) if values.first() == Some(&"1") => one,
        Some((_, many)) => many,
        None => template,
    };
    // One pass over the template: a value that itself reads `{1}` (text the user wrote) stays as it is.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.split_once('}').and_then(|(n, _)| Some((n.len(), *values.get(n.parse::<usize>().ok()?)?)));
        match value {
            Some((digits, value)) => {
                out.push_str(value);
                rest = &after[digits + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The label of `key` in `lang` with its values filled in.
pub fn message(lang: &str, key: &str, values: &[&str]) -> String {
    fill(label(lang, key), values)
}
