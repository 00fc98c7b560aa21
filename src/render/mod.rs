//! DOM rendering from Rust: the highlighted text view and the result panels. Every piece of
//! user text goes into the page as a text node (`set_text_content`), never parsed as HTML.
//! The page's JS shell handles events; what it needs back (which term, which span) rides on
//! `data-*` attributes: `data-term`, `data-slogan`, `data-phrase`, `data-word`, `data-sort`,
//! `data-start`/`data-end`.
//!
//! Each function reads from the analysis only the fields it draws and only as far into each
//! list as it shows (crossing from JS costs per field read), so a panel costs what it shows,
//! not what the whole result weighs: a text with 100,000 numbering slips draws as fast as one
//! with three hundred.

use crate::labels::{fill, label, lookup};
use crate::model::{ConcordanceLine, Finding, Keyword, LexiconTag, Part, SloganKind, Term};
use crate::terms::PosFilter;
use crate::text::Utf16Index;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

/// A tree (or a list of slogans, issues, removed lines) longer than this is more than a reader
/// scans; the rest is summarised as a count.
const MAX_RENDERED_SECTIONS: usize = 300;
/// Likewise for the keyword and phrase lists under the term table.
const MAX_LISTED: usize = 30;
/// Marks of one source (highlights, removed chrome, issues, warnings) the text view draws at most:
/// past this many the view would take seconds to build and show nothing a reader could scan.
const MAX_TEXT_MARKS: usize = 10_000;
/// Concordance lines drawn at most; the heading still gives the full count.
const MAX_KWIC_LINES: usize = 2_000;
/// Slogans read at most for the panel (each kind then shows up to `MAX_RENDERED_SECTIONS`).
const MAX_READ_SLOGANS: usize = 5_000;

/// A part of speech in words (名词, nouns) from jieba's tag, or failing that from its first letter
/// (`nrfg` is a person's name, `dg` an adverb); an unknown tag shows as itself.
fn pos_name<'a>(lang: &str, tag: &'a str) -> &'a str {
    let first = tag.get(..1).unwrap_or(tag);
    lookup(lang, &format!("pos-{tag}")).or_else(|| lookup(lang, &format!("pos-{first}"))).unwrap_or(tag)
}

fn kind_key(kind: SloganKind) -> &'static str {
    match kind {
        SloganKind::Quoted => "quoted",
        SloganKind::Numbered => "numbered",
        SloganKind::Parallel => "parallel",
        SloganKind::Idiom => "idiom",
        SloganKind::Title => "titleKind",
        SloganKind::Quotation => "quotation",
        SloganKind::Lexicon => "lexicon",
    }
}

/// Builds elements with text content and attributes: the one way this module makes nodes.
struct Dom {
    doc: Document,
}

impl Dom {
    fn new() -> Result<Dom, JsValue> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
        Ok(Dom { doc })
    }

    fn el(&self, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let el = self.doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if let Some(text) = text {
            el.set_text_content(Some(text));
        }
        Ok(el)
    }

    fn add(&self, parent: &Element, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let el = self.el(tag, class, text)?;
        parent.append_child(&el)?;
        Ok(el)
    }

    /// A `<button type=button>` carrying `data-{key}="{value}"` for the page's click handler.
    fn button(&self, parent: &Element, class: &str, text: &str, key: &str, value: &str) -> Result<Element, JsValue> {
        let button = self.add(parent, "button", class, Some(text))?;
        button.set_attribute("type", "button")?;
        button.set_attribute(&format!("data-{key}"), value)?;
        Ok(button)
    }

    /// A button that highlights `start..end` in the text view.
    fn span_button(&self, parent: &Element, class: &str, text: &str, start: u32, end: u32) -> Result<Element, JsValue> {
        let button = self.button(parent, class, text, "start", &start.to_string())?;
        button.set_attribute("data-end", &end.to_string())?;
        Ok(button)
    }

    /// An SVG element (`class` set as an attribute: SVG's `className` is no string).
    fn svg(&self, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
        let el = self.doc.create_element_ns(Some("http://www.w3.org/2000/svg"), tag)?;
        if !class.is_empty() {
            el.set_attribute("class", class)?;
        }
        parent.append_child(&el)?;
        Ok(el)
    }

    fn text(&self, parent: &Element, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }
}

/// Sets a CSS custom property through the CSSOM, which a strict style-src CSP still allows.
fn set_var(el: &Element, name: &str, value: f64) -> Result<(), JsValue> {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        el.style().set_property(name, &format!("{value:.1}"))?;
    }
    Ok(())
}

fn parse<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| js_sys::Error::new(&format!("{what}: {e}")).into())
}

/// `object[key]`, or `undefined` when `object` is not an object.
fn field(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The first `limit` entries of the array `value` (none when it is absent), and its full length.
fn prefix<T: DeserializeOwned>(value: &JsValue, limit: usize, what: &str) -> Result<(Vec<T>, usize), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok((Vec::new(), 0));
    }
    let array = value.dyn_ref::<js_sys::Array>().ok_or_else(|| js_sys::Error::new(&format!("{what}: not an array")))?;
    let items = array.iter().take(limit).map(|item| parse(item, what)).collect::<Result<_, _>>()?;
    Ok((items, array.length() as usize))
}

/// An optional object field: `None` when absent.
fn optional<T: DeserializeOwned>(object: &JsValue, key: &str) -> Result<Option<T>, JsValue> {
    let value = field(object, key);
    if value.is_undefined() || value.is_null() { Ok(None) } else { parse(value, key).map(Some) }
}

fn clear(el: &Element) {
    el.set_text_content(None);
}

/// A stretch of the text view to mark: `kind` becomes the class `hl-{kind}`.
#[derive(Deserialize)]
struct Mark {
    start: u32,
    end: u32,
    kind: String,
    /// Goes to `data-id`, so a click on the mark can be traced back.
    #[serde(default)]
    id: Option<String>,
    /// Goes to `title`: what the mark means, shown on hover.
    #[serde(default)]
    title: Option<String>,
}

/// The marks an analysis puts on its own text (chrome left out, numbering slips, warnings),
/// with their meaning in `lang`.
fn analysis_marks(analysis: &JsValue, lang: &str) -> Result<Vec<Mark>, JsValue> {
    let (removed, _) = prefix::<RemovedEntry>(&field(analysis, "removed"), MAX_TEXT_MARKS, "removed")?;
    let mut marks: Vec<Mark> = removed
        .into_iter()
        .map(|r| Mark {
            start: r.start,
            end: r.end,
            kind: "removed".into(),
            id: None,
            title: Some(format!("{} · {}", label(lang, "removed"), label(lang, &r.kind))),
        })
        .collect();
    let (issues, _) =
        prefix::<Finding>(&field(&field(analysis, "outline"), "issues"), MAX_TEXT_MARKS, "outline.issues")?;
    let (warnings, _) = prefix::<Finding>(&field(analysis, "warnings"), MAX_TEXT_MARKS, "warnings")?;
    for (kind, findings) in [("issue", issues), ("warning", warnings)] {
        for f in &findings {
            let (start, end) = finding_span(f);
            marks.push(Mark { start, end, kind: kind.into(), id: None, title: Some(f.message_in(lang)) });
        }
    }
    Ok(marks)
}

/// Fills `container` with `text`, the stretches in `marks` wrapped in `<mark class="hl-{kind}">`.
/// Marks are UTF-16 spans and may overlap or nest: each stretch of text carries the classes of
/// every mark over it, and the first stretch of a mark also gets `hl-{kind}-start`.
/// Given `analysis` (and `lang`), the chrome it left out, its numbering issues and its warnings
/// are marked too. Of each source, the first `MAX_TEXT_MARKS` marks are drawn.
#[wasm_bindgen(js_name = renderText, skip_typescript)]
pub fn render_text(
    container: &Element,
    text: &str,
    marks: JsValue,
    analysis: JsValue,
    lang: Option<String>,
) -> Result<(), JsValue> {
    let (mut marks, _) = prefix::<Mark>(&marks, MAX_TEXT_MARKS, "marks")?;
    if !analysis.is_undefined() && !analysis.is_null() {
        marks.extend(analysis_marks(&analysis, lang.as_deref().unwrap_or("zh"))?);
    }
    let index = Utf16Index::new(text);
    let len = index.len_utf16();
    marks.retain(|m| m.start < m.end.min(len));
    crate::sort::sort_by_key(&mut marks, |m| m.start);
    let breaks = flattened_breaks(text, &index);
    let mut points: Vec<u32> =
        marks.iter().flat_map(|m| [m.start, m.end.min(len)]).chain(breaks.iter().copied()).chain([len]).collect();
    crate::sort::sort_by(&mut points, Ord::cmp);
    points.dedup();

    let dom = Dom::new()?;
    let fragment = dom.doc.create_document_fragment();
    let plain = |from: usize, to: usize| -> Result<(), JsValue> {
        if from < to {
            fragment.append_child(&dom.doc.create_text_node(&text[from..to]))?;
        }
        Ok(())
    };
    plain(0, points.first().map_or(text.len(), |&p| index.byte(p)))?;
    // One sweep over the boundaries; `active` holds the marks covering the current stretch
    // (few at a time: marks nest shallowly), so the cost is linear in text and marks.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for pair in points.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|&i| marks[i].end > from);
        while next < marks.len() && marks[next].start <= from {
            active.push(next);
            next += 1;
        }
        let (start, end) = (index.byte(from), index.byte(to));
        if start >= end {
            continue;
        }
        if breaks.binary_search(&from).is_ok() {
            fragment.append_child(&dom.doc.create_element("br")?.into())?;
        }
        if active.is_empty() {
            plain(start, end)?;
            continue;
        }
        let mut classes = String::new();
        for &i in &active {
            let kind = &marks[i].kind;
            classes.push_str(&format!(" hl-{kind}"));
            if marks[i].start == from {
                classes.push_str(&format!(" hl-{kind}-start"));
            }
        }
        let el = dom.el("mark", classes.trim_start(), Some(&text[start..end]))?;
        el.set_attribute("data-start", &from.to_string())?;
        if let Some(id) = active.iter().find_map(|&i| marks[i].id.as_deref()) {
            el.set_attribute("data-id", id)?;
        }
        if let Some(title) = active.iter().rev().find_map(|&i| marks[i].title.as_deref()) {
            el.set_attribute("title", title)?;
        }
        fragment.append_child(&el)?;
    }
    plain(points.last().map_or(text.len(), |&p| index.byte(p)), text.len())?;
    clear(container);
    container.append_child(&fragment)?;
    Ok(())
}

/// Where a flattened paste (paragraphs joined by `　　` on one line) breaks its paragraphs, in
/// UTF-16 units: at the run of blanks, which then indents the paragraph it opens as print does.
/// A `<br>` there adds nothing to the text content, so offsets into the view stay offsets into the text.
fn flattened_breaks(text: &str, index: &Utf16Index) -> Vec<u32> {
    let paragraphs = crate::text::paragraphs(text);
    paragraphs
        .windows(2)
        .filter(|pair| !text[pair[0].end..pair[1].start].contains('\n'))
        .map(|pair| index.utf16(pair[0].end))
        .collect()
}

/// An analysis's terms as the JS array they are, read lazily: a long text has thousands (the page
/// asks for all of them), and a panel draws a few, so a renderer reads one field of each to order
/// them and whole terms only for the rows it draws.
struct Terms {
    array: js_sys::Array,
}

impl Terms {
    fn of(analysis: &JsValue) -> Result<Terms, JsValue> {
        let value = field(analysis, "terms");
        if value.is_undefined() || value.is_null() {
            return Ok(Terms { array: js_sys::Array::new() });
        }
        let array = value.dyn_into::<js_sys::Array>().map_err(|_| js_sys::Error::new("terms: not an array"))?;
        Ok(Terms { array })
    }

    fn len(&self) -> usize {
        self.array.length() as usize
    }

    fn number(&self, i: usize, key: &str) -> f64 {
        field(&self.array.get(i as u32), key).as_f64().unwrap_or(0.0)
    }

    fn text(&self, i: usize, key: &str) -> String {
        field(&self.array.get(i as u32), key).as_string().unwrap_or_default()
    }

    fn term(&self, i: usize) -> Result<Term, JsValue> {
        parse(self.array.get(i as u32), "terms")
    }

    /// Every term's index in `key`'s order; stable, so rows that tie keep the analysis's order
    /// (count, then first occurrence) either way. Words sort in pinyin order (`Intl.Collator`'s
    /// `zh-u-co-pinyin`), as a Chinese index does.
    fn order(&self, key: SortKey, ascending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        let directed = |o: std::cmp::Ordering| if ascending { o } else { o.reverse() };
        match key {
            SortKey::Term => return self.pinyin_order(ascending),
            SortKey::Pos => {
                let tags: Vec<String> = (0..self.len()).map(|i| self.text(i, "pos")).collect();
                crate::sort::sort_by(&mut order, |&a, &b| directed(tags[a].cmp(&tags[b])));
            }
            _ => {
                let values: Vec<f64> = (0..self.len()).map(|i| self.number(i, key.field())).collect();
                crate::sort::sort_by(&mut order, |&a, &b| directed(values[a].total_cmp(&values[b])));
            }
        }
        order
    }

    /// The terms in pinyin order, sorted by the engine's own `Array.prototype.sort` with the
    /// collator: called from here once per comparison, the collator made sorting a thousand
    /// terms take longer than a frame.
    fn pinyin_order(&self, ascending: bool) -> Vec<usize> {
        let words: js_sys::Array = (0..self.len()).map(|i| field(&self.array.get(i as u32), "term")).collect();
        let locales = js_sys::Array::of1(&JsValue::from_str("zh-u-co-pinyin"));
        let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
        let sort = js_sys::Reflect::get(&words, &JsValue::from_str("sort"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let sorted = sort.and_then(|sort| sort.call1(&words, &compare).ok()).is_some();
        // Each term once (the analysis's terms are distinct); where one repeats, its rows in turn.
        let mut at: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for i in (0..self.len()).rev() {
            at.entry(self.text(i, "term")).or_default().push(i);
        }
        let mut order: Vec<usize> = if sorted {
            words.iter().filter_map(|w| at.get_mut(&w.as_string().unwrap_or_default()).and_then(Vec::pop)).collect()
        } else {
            (0..self.len()).collect()
        };
        if !ascending {
            order.reverse();
        }
        order
    }

    /// The `limit` most frequent terms, most frequent first (ties in the analysis's order).
    fn top(&self, limit: usize) -> Result<Vec<Term>, JsValue> {
        self.order(SortKey::Count, false).into_iter().take(limit).map(|i| self.term(i)).collect()
    }
}

/// What the phrase list shows of a repeated phrase (not its occurrences).
#[derive(Deserialize)]
struct PhraseLabel {
    text: String,
    count: u32,
}

#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    Term,
    Count,
    PerTenK,
    Pos,
    First,
}

impl SortKey {
    const SORTABLE: [(SortKey, &'static str); 4] =
        [(SortKey::Term, "term"), (SortKey::Count, "count"), (SortKey::PerTenK, "perTenK"), (SortKey::Pos, "pos")];

    /// `count` (the default), `term`, `perTenK`, `pos`, `first`, each optionally suffixed `:asc` or `:desc`;
    /// without a suffix, words and positions sort ascending and numbers descending.
    fn parse(sort: &str) -> (SortKey, bool) {
        let (key, direction) = sort.split_once(':').unwrap_or((sort, ""));
        let key = match key {
            "term" => SortKey::Term,
            "perTenK" => SortKey::PerTenK,
            "pos" => SortKey::Pos,
            "first" => SortKey::First,
            _ => SortKey::Count,
        };
        let ascending = match direction {
            "asc" => true,
            "desc" => false,
            _ => matches!(key, SortKey::Term | SortKey::Pos | SortKey::First),
        };
        (key, ascending)
    }

    /// The field of a term this key sorts by.
    fn field(self) -> &'static str {
        match self {
            SortKey::Term => "term",
            SortKey::Count => "count",
            SortKey::PerTenK => "perTenK",
            SortKey::Pos => "pos",
            SortKey::First => "firstAt",
        }
    }
}

/// A column header's button that sorts by `column`: it carries `data-{key}`, the sort it asks for
/// (the column; the other direction when the table is sorted by it already, `current` being then
/// whether ascending), and the sorted column's header says its direction (`aria-sort`, an arrow).
fn sort_button(
    dom: &Dom,
    th: &Element,
    text: &str,
    key: &str,
    column: &str,
    current: Option<bool>,
) -> Result<(), JsValue> {
    th.set_attribute("scope", "col")?;
    let next = match current {
        Some(ascending) => format!("{column}:{}", if ascending { "desc" } else { "asc" }),
        None => column.into(),
    };
    let button = dom.button(th, "sort", text, key, &next)?;
    if let Some(ascending) = current {
        th.set_attribute("aria-sort", if ascending { "ascending" } else { "descending" })?;
        dom.add(&button, "span", "arrow", Some(if ascending { " ▲" } else { " ▼" }))?
            .set_attribute("aria-hidden", "true")?;
    }
    Ok(())
}

/// The term table, sorted by `sort` (see `SortKey::parse`; the column headers carry the
/// `data-sort` value that sorts by them): `limit` rows from row `offset` (0 when absent), with a
/// pager saying which of how many (its buttons carry `data-offset`); then keywords and repeated phrases.
#[wasm_bindgen(js_name = renderTerms, skip_typescript)]
pub fn render_terms(
    container: &Element,
    analysis: JsValue,
    lang: &str,
    sort: &str,
    limit: usize,
    offset: Option<usize>,
) -> Result<(), JsValue> {
    let terms = Terms::of(&analysis)?;
    let markers = part_markers(&analysis);
    let dom = Dom::new()?;
    clear(container);
    if terms.len() == 0 {
        dom.add(container, "p", "empty", Some(label(lang, "noTerms")))?;
        return Ok(());
    }
    let (key, ascending) = SortKey::parse(sort);
    let order = terms.order(key, ascending);
    let wrap = dom.add(container, "div", "table-wrap", None)?;
    let table = dom.add(&wrap, "table", "terms", None)?;
    let direction = label(lang, if ascending { "ascending" } else { "descending" });
    let sorted_by = SortKey::SORTABLE.iter().find(|(k, _)| *k == key).map_or("", |(_, name)| label(lang, name));
    let caption = format!("{} ({}{sorted_by} {direction})", label(lang, "termTable"), label(lang, "sortedBy"));
    dom.add(&table, "caption", "visually-hidden", Some(&caption))?;
    let head = dom.add(&table, "thead", "", None)?;
    let row = dom.add(&head, "tr", "", None)?;
    for (column, name) in SortKey::SORTABLE {
        let th = dom.add(&row, "th", if name == "term" { "" } else { "num" }, None)?;
        sort_button(&dom, &th, label(lang, name), "sort", name, (column == key).then_some(ascending))?;
    }
    let spread_head = dom.add(&row, "th", "", Some(label(lang, "spread")))?;
    spread_head.set_attribute("scope", "col")?;
    let body = dom.add(&table, "tbody", "", None)?;
    let limit = limit.max(1);
    let offset = offset.unwrap_or(0).min(terms.len().saturating_sub(1)) / limit * limit;
    for &i in order.iter().skip(offset).take(limit) {
        let t = &terms.term(i)?;
        let row = dom.add(&body, "tr", "", None)?;
        let cell = dom.add(&row, "td", "", None)?;
        dom.button(&cell, "term", &t.term, "term", &t.term)?;
        if let Some(tag) = &t.lexicon {
            let kind = label(lang, if tag.formulation { "formulation" } else { "topic" });
            let key = format!("cat-{}", tag.category);
            let category = label(lang, &key);
            let gloss = english_gloss(lang, Some(tag)).map(|g| format!(" · {g}")).unwrap_or_default();
            dom.add(&cell, "span", "lexicon", Some(&format!("{category} · {kind}{gloss}")))?;
        }
        dom.add(&row, "td", "num", Some(&t.count.to_string()))?;
        dom.add(&row, "td", "num", Some(&format!("{:.1}", t.per_ten_k)))?;
        let tag = t.pos.as_deref().unwrap_or("");
        dom.add(&row, "td", "pos", Some(pos_name(lang, tag)))?.set_attribute("title", tag)?;
        spread(&dom, &row, t, &markers, lang)?;
    }
    pager(&dom, container, lang, offset, limit, terms.len())?;
    render_keywords(&dom, container, &analysis, lang)?;
    render_phrases(&dom, container, &analysis, lang)
}

/// The keywords, each with how many times as often as the references say it.
fn render_keywords(dom: &Dom, container: &Element, analysis: &JsValue, lang: &str) -> Result<(), JsValue> {
    let (keywords, _) = prefix::<Keyword>(&field(analysis, "keywords"), MAX_LISTED, "keywords")?;
    if !keywords.is_empty() {
        let heading = dom.add(container, "h3", "", Some(label(lang, "keywords")))?;
        heading.set_attribute("title", label(lang, "keywordsHelp"))?;
        dom.add(container, "p", "help", Some(label(lang, "keywordsHelp")))?;
        let list = dom.add(container, "ol", "keywords", None)?;
        for k in &keywords {
            let li = dom.add(&list, "li", "", None)?;
            dom.button(&li, "term", &k.term, "term", &k.term)?;
            // A multiplier: ×12 reads as "twelve times as often as the references", a bare 12 as nothing.
            let weight = dom.add(&li, "span", "weight", Some(&format!("×{:.1}", k.weight)))?;
            weight.set_attribute(
                "title",
                &format!("{} {:.2} · G² {:.1}", label(lang, "weight"), k.weight, k.log_likelihood),
            )?;
        }
    }
    Ok(())
}

/// The repeated phrases, each a button (`data-phrase`: its index) with its count.
fn render_phrases(dom: &Dom, container: &Element, analysis: &JsValue, lang: &str) -> Result<(), JsValue> {
    let (phrases, _) = prefix::<PhraseLabel>(&field(analysis, "phrases"), MAX_LISTED, "phrases")?;
    if !phrases.is_empty() {
        dom.add(container, "h3", "", Some(label(lang, "phrases")))?;
        let list = dom.add(container, "ul", "phrases", None)?;
        for (i, p) in phrases.iter().enumerate() {
            let li = dom.add(&list, "li", "", None)?;
            dom.button(&li, "phrase", &p.text, "phrase", &i.to_string())?;
            dom.add(&li, "span", "count", Some(&format!("×{}", p.count)))?;
        }
    }
    Ok(())
}

/// Which rows of how many the table shows, with buttons to the rows before and after.
fn pager(dom: &Dom, container: &Element, lang: &str, offset: usize, limit: usize, total: usize) -> Result<(), JsValue> {
    let nav = dom.add(container, "div", "pager", None)?;
    let shown = fill(
        label(lang, "termsShown"),
        &[&(offset + 1).to_string(), &(offset + limit).min(total).to_string(), &total.to_string()],
    );
    dom.add(&nav, "span", "shown", Some(&shown))?.set_attribute("aria-live", "polite")?;
    for (key, to, enabled) in [
        ("previousPage", offset.saturating_sub(limit), offset > 0),
        ("nextPage", offset + limit, offset + limit < total),
    ] {
        let button = dom.button(&nav, "quiet page", label(lang, key), "offset", &to.to_string())?;
        if !enabled {
            button.set_attribute("disabled", "")?;
        }
    }
    Ok(())
}

/// The English gloss the result carries with a lexicon tag, in English mode only.
fn english_gloss<'a>(lang: &str, tag: Option<&'a LexiconTag>) -> Option<&'a str> {
    tag.and_then(|t| t.english.as_deref()).filter(|_| lang.starts_with("en"))
}

/// The markers of the speech's top-level parts (一、, 第二), as the term spreads count them.
fn part_markers(analysis: &JsValue) -> Vec<String> {
    let sections = field(&field(analysis, "outline"), "sections");
    let Some(sections) = sections.dyn_ref::<js_sys::Array>() else { return Vec::new() };
    // As written, less a comma or colon after it (第一，→ 第一; 一、 stays).
    let bare = |m: String| m.trim_end_matches(|c: char| c.is_whitespace() || ",，:：.．".contains(c)).to_string();
    sections.iter().map(|s| bare(field(&s, "marker").as_string().unwrap_or_default())).collect()
}

/// A term's count in each top-level part as a row of bars, each scaled to the term's own
/// busiest part: the shape shows where in the speech the term lives. The bars are two SVG paths
/// (counted parts, and parts without the term): an element per bar, 500 terms × 100 parts, made
/// the term table of a long text the page's slowest work. The tooltip names each part by its marker.
fn spread(dom: &Dom, row: &Element, t: &Term, markers: &[String], lang: &str) -> Result<(), JsValue> {
    let cell = dom.add(row, "td", "spread", None)?;
    if t.by_section.len() < 2 {
        cell.set_attribute("title", label(lang, "wholeText"))?;
        return Ok(());
    }
    use std::fmt::Write;
    let max = t.by_section.iter().copied().max().unwrap_or(0).max(1);
    let en = lang.starts_with("en");
    // Written into one string each, integers only: 500 rows × 100 parts of float formatting and
    // small strings were most of the table's drawing time.
    let mut label = String::new();
    for (i, n) in t.by_section.iter().enumerate() {
        if i > 0 {
            label.push_str(" · ");
        }
        let _ = match markers.get(i).filter(|m| !m.is_empty()) {
            Some(marker) => write!(label, "{marker} {n}"),
            None if en => write!(label, "part {}: {n}", i + 1),
            None => write!(label, "第{}部分：{n}", i + 1),
        };
    }
    cell.set_attribute("title", &label)?;
    cell.set_attribute("aria-label", &label)?;
    // A bar is 7 wide with 2 between, in a box 100 high that CSS scales to the row; the shortest
    // bar stays visible.
    let (mut counted, mut zero) = (String::new(), String::new());
    for (i, &n) in t.by_section.iter().enumerate() {
        let (path, height) = if n == 0 { (&mut zero, 10) } else { (&mut counted, (n * 100 / max).max(10)) };
        let _ = write!(path, "M{} 100h7v-{height}h-7z", i * 9);
    }
    let width = (t.by_section.len() * 9 - 2).to_string();
    let svg = dom.svg(&cell, "svg", "")?;
    for (name, value) in
        [("width", width.as_str()), ("viewBox", &format!("0 0 {width} 100")), ("preserveAspectRatio", "none")]
    {
        svg.set_attribute(name, value)?;
    }
    for (class, path) in [("bars", counted), ("bars zero", zero)] {
        dom.svg(&svg, "path", class)?.set_attribute("d", &path)?;
    }
    Ok(())
}

/// A horizontal bar chart of the `limit` most frequent terms; each label is a term button.
#[wasm_bindgen(js_name = renderTermChart, skip_typescript)]
pub fn render_term_chart(container: &Element, analysis: JsValue, lang: &str, limit: usize) -> Result<(), JsValue> {
    let top = Terms::of(&analysis)?.top(limit)?;
    let dom = Dom::new()?;
    clear(container);
    let Some(max) = top.first().map(|t| t.count.max(1) as f64) else {
        dom.add(container, "p", "empty", Some(label(lang, "noTerms")))?;
        return Ok(());
    };
    let list = dom.add(container, "ol", "bars", None)?;
    list.set_attribute("aria-label", label(lang, "topTerms"))?;
    for t in top {
        let li = dom.add(&list, "li", "", None)?;
        dom.button(&li, "term", &t.term, "term", &t.term)?;
        let track = dom.add(&li, "span", "track", None)?;
        track.set_attribute("aria-hidden", "true")?;
        let fill = dom.add(&track, "span", "fill", None)?;
        set_var(&fill, "--w", t.count as f64 / max * 100.0)?;
        dom.add(&li, "span", "n", Some(&t.count.to_string()))?;
    }
    Ok(())
}

/// Which colour family a term gets in the cloud: the classes of the term table's filter.
fn pos_family(pos: Option<&str>) -> &'static str {
    match pos {
        Some(tag) if PosFilter::Nouns.keeps_tag(tag) => "noun",
        Some(tag) if PosFilter::Verbs.keeps_tag(tag) => "verb",
        _ => "other",
    }
}

/// A word cloud of the `limit` most frequent terms: font size grows with the square root of
/// the count (so area tracks frequency), colour tells nouns from verbs, and the biggest words
/// sit in the middle. Words are clickable (`data-term`); for assistive technology the cloud is one
/// image whose label lists the words with their counts (the table holds the same terms as buttons).
#[wasm_bindgen(js_name = renderWordCloud, skip_typescript)]
pub fn render_word_cloud(container: &Element, analysis: JsValue, lang: &str, limit: usize) -> Result<(), JsValue> {
    let top = Terms::of(&analysis)?.top(limit)?;
    let dom = Dom::new()?;
    clear(container);
    let (Some(first), Some(last)) = (top.first(), top.last()) else {
        dom.add(container, "p", "empty", Some(label(lang, "noTerms")))?;
        return Ok(());
    };
    let (max, min) = (first.count as f64, last.count as f64);
    let cloud = dom.add(container, "div", "cloud", None)?;
    cloud.set_attribute("role", "img")?;
    let described: Vec<String> = top.iter().map(|t| format!("{} {}", t.term, t.count)).collect();
    cloud.set_attribute("aria-label", &format!("{}: {}", label(lang, "cloud"), described.join(", ")))?;
    // Largest in the middle: alternate the ranked words to the two ends of a deque.
    let mut placed = std::collections::VecDeque::with_capacity(top.len());
    for (rank, t) in top.iter().enumerate() {
        if rank % 2 == 0 { placed.push_back(t) } else { placed.push_front(t) }
    }
    for t in placed {
        let word = dom.add(&cloud, "span", &format!("word {}", pos_family(t.pos.as_deref())), Some(&t.term))?;
        word.set_attribute("data-term", &t.term)?;
        word.set_attribute("title", &format!("{} ×{}", t.term, t.count))?;
        let weight = if max > min { ((t.count as f64 - min) / (max - min)).sqrt() } else { 1.0 };
        set_var(&word, "--s", weight * 100.0)?;
    }
    let legend = dom.add(container, "p", "legend", None)?;
    legend.set_attribute("aria-hidden", "true")?;
    for family in ["noun", "verb", "other"] {
        dom.add(&legend, "span", &format!("swatch {family}"), Some(label(lang, family)))?;
    }
    Ok(())
}

/// What the slogans panel shows of a slogan (not its occurrences: the page looks those up on click).
#[derive(Deserialize)]
struct SloganEntry {
    text: String,
    kind: SloganKind,
    count: u32,
    expansion: Option<Vec<String>>,
    frame: Option<String>,
    speaker: Option<String>,
    lexicon: Option<LexiconTag>,
}

/// Warnings first (what the writer should check), then slogans grouped by kind, each with its
/// count and, where known, its expansion, frame or speaker. `data-slogan` is the slogan's index
/// in `analysis.slogans`.
#[wasm_bindgen(js_name = renderSlogans, skip_typescript)]
pub fn render_slogans(container: &Element, analysis: JsValue, lang: &str) -> Result<(), JsValue> {
    let (warnings, _) = prefix::<Finding>(&field(&analysis, "warnings"), MAX_RENDERED_SECTIONS, "warnings")?;
    let (slogans, total) = prefix::<SloganEntry>(&field(&analysis, "slogans"), MAX_READ_SLOGANS, "slogans")?;
    let dom = Dom::new()?;
    clear(container);
    if !warnings.is_empty() {
        let group = dom.add(container, "section", "warnings", None)?;
        dom.add(&group, "h3", "", Some(label(lang, "warnings")))?;
        let list = dom.add(&group, "ul", "issues", None)?;
        for w in &warnings {
            let li = dom.add(&list, "li", "issue", None)?;
            dom.add(&li, "span", "warn", Some("⚠"))?.set_attribute("aria-hidden", "true")?;
            dom.span_button(&li, "span", &w.message_in(lang), w.start, w.end)?;
        }
    }
    if slogans.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noSlogans")))?;
        return Ok(());
    }
    let mut kinds: Vec<SloganKind> = slogans.iter().map(|s| s.kind).collect();
    crate::sort::sort_by(&mut kinds, Ord::cmp);
    kinds.dedup();
    for kind in kinds {
        let members: Vec<(usize, &SloganEntry)> = slogans.iter().enumerate().filter(|(_, s)| s.kind == kind).collect();
        let group = dom.add(container, "section", &format!("slogans kind-{}", kind_key(kind)), None)?;
        let heading = dom.add(&group, "h3", "", Some(label(lang, kind_key(kind))))?;
        dom.add(&heading, "span", "count", Some(&members.len().to_string()))?;
        let list = dom.add(&group, "ul", "", None)?;
        if let Some(more) = members.len().checked_sub(MAX_RENDERED_SECTIONS).filter(|&n| n > 0) {
            dom.add(&group, "p", "empty", Some(&format!("… +{more}")))?;
        }
        for &(i, s) in members.iter().take(MAX_RENDERED_SECTIONS) {
            let li = dom.add(&list, "li", "", None)?;
            dom.button(&li, "slogan", &s.text, "slogan", &i.to_string())?;
            dom.add(&li, "span", "count", Some(&format!("×{}", s.count)))?;
            if let Some(gloss) = english_gloss(lang, s.lexicon.as_ref()) {
                dom.add(&li, "span", "gloss", Some(gloss))?.set_attribute("lang", "en")?;
            }
            if let Some(items) = &s.expansion {
                let expansion = dom.add(&li, "span", "expansion", None)?;
                dom.add(&expansion, "span", "what", Some(label(lang, "expansion")))?;
                for item in items {
                    dom.add(&expansion, "span", "item", Some(item))?;
                }
            }
            if let Some(frame) = &s.frame {
                let el = dom.add(&li, "span", "frame", None)?;
                dom.add(&el, "span", "what", Some(label(lang, "frame")))?;
                dom.text(&el, frame)?;
            }
            if let Some(speaker) = &s.speaker {
                let el = dom.add(&li, "span", "speaker", None)?;
                dom.add(&el, "span", "what", Some(label(lang, "speaker")))?;
                dom.text(&el, speaker)?;
            }
        }
    }
    if total > slogans.len() {
        dom.add(container, "p", "empty", Some(&format!("… +{}", total - slogans.len())))?;
    }
    Ok(())
}

/// Where a finding shows in the text: the marker it concerns, the announcement that miscounts,
/// the formula and its list; at least a character.
fn finding_span(f: &Finding) -> (u32, u32) {
    (f.start, f.end.max(f.start + 1))
}

/// An issue's evidence under its message: the series' markers as counted, each a button to its place.
fn render_evidence(dom: &Dom, li: &Element, issue: &Finding, lang: &str) -> Result<(), JsValue> {
    let series = issue.evidence.series();
    if series.is_empty() {
        return Ok(());
    }
    let line = dom.add(li, "div", "evidence", Some(label(lang, "seen")))?;
    for (i, seen) in series.iter().enumerate() {
        if i > 0 {
            dom.text(&line, " · ")?;
        }
        dom.span_button(&line, "span", &seen.marker, seen.start, seen.end)?;
    }
    Ok(())
}

/// What the tree shows of a section; its children are read separately, only as far as the tree goes.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SectionHead {
    start: u32,
    end: u32,
    level: u32,
    marker: String,
    heading: String,
    speech_chars: u32,
    share: f64,
    speaking_minutes: f64,
    #[serde(default)]
    top_terms: Vec<String>,
}

/// The document's parts, the outline as an ARIA tree (`tree`/`treeitem`/`group`, one item in
/// the tab order: the page moves focus with the arrow keys), the numbering checks, and the
/// page chrome that was left out.
#[wasm_bindgen(js_name = renderOutline, skip_typescript)]
pub fn render_outline(container: &Element, analysis: JsValue, lang: &str) -> Result<(), JsValue> {
    let outline = field(&analysis, "outline");
    let (issues, issue_total) = prefix::<Finding>(&field(&outline, "issues"), MAX_RENDERED_SECTIONS, "outline.issues")?;
    let messages: HashMap<u32, String> = issues.iter().map(|i| (i.start, i.message_in(lang))).collect();
    let dom = Dom::new()?;
    clear(container);

    let panel = OutlinePanel { dom: &dom, container, outline: &outline, lang, messages: &messages };
    panel.parts()?;
    panel.tree()?;
    render_issues(&dom, container, &issues, issue_total, lang)?;
    render_removed(&dom, container, &analysis, lang)
}

/// What the outline panel's parts and tree draw from and into: the issues' `messages` by where
/// each starts, to flag the part or section it concerns.
struct OutlinePanel<'a> {
    dom: &'a Dom,
    container: &'a Element,
    outline: &'a JsValue,
    lang: &'a str,
    messages: &'a HashMap<u32, String>,
}

impl OutlinePanel<'_> {
    /// The document's named parts (title, salutation, announcement, interjections, closing), each
    /// flagged with its numbering issue's `messages` by its start.
    fn parts(&self) -> Result<(), JsValue> {
        let OutlinePanel { dom, container, outline, lang, messages } = *self;
        let parts = dom.add(container, "dl", "parts", None)?;
        parts.set_attribute("aria-label", label(lang, "parts"))?;
        let part = |key: &str, text: &str, start: u32, end: u32| -> Result<(), JsValue> {
            dom.add(&parts, "dt", "", Some(label(lang, key)))?;
            let dd = dom.add(&parts, "dd", "", None)?;
            dom.span_button(&dd, "span", text, start, end)?;
            if let Some(message) = messages.get(&start) {
                flag(dom, &dd, message)?;
            }
            Ok(())
        };
        if let Some(p) = optional::<Part>(outline, "title")? {
            part("title", &p.text, p.start, p.end)?;
        }
        if let Some(p) = optional::<Part>(outline, "salutation")? {
            part("salutation", &p.text, p.start, p.end)?;
        }
        if let Some(a) = optional::<crate::model::Announced>(outline, "announced")? {
            part("announced", &a.text, a.start, a.end)?;
        }
        for p in prefix::<Part>(&field(outline, "interjections"), MAX_RENDERED_SECTIONS, "outline.interjections")?.0 {
            part("interjection", &p.text, p.start, p.end)?;
        }
        if let Some(p) = optional::<Part>(outline, "closing")? {
            part("closing", &p.text, p.start, p.end)?;
        }
        Ok(())
    }

    /// The numbered parts as an ARIA tree, at most `MAX_RENDERED_SECTIONS` of them.
    fn tree(&self) -> Result<(), JsValue> {
        let OutlinePanel { dom, container, outline, lang, messages } = *self;
        let sections = field(outline, "sections");
        if sections.dyn_ref::<js_sys::Array>().is_none_or(|a| a.length() == 0) {
            dom.add(container, "p", "empty", Some(label(lang, "noOutline")))?;
        } else {
            let tree = dom.add(container, "ul", "tree", None)?;
            tree.set_attribute("role", "tree")?;
            tree.set_attribute("aria-label", label(lang, "outlineTree"))?;
            let mut budget = MAX_RENDERED_SECTIONS;
            let complete = render_sections(dom, &tree, &sections, lang, messages, &mut budget)?;
            if let Some(first) = tree.query_selector("[role=treeitem]")? {
                first.set_attribute("tabindex", "0")?;
            }
            if !complete {
                dom.add(container, "p", "empty", Some(label(lang, "moreParts")))?;
            }
        }
        Ok(())
    }
}

/// The numbering issues, each with its evidence (`issue_total`: how many there are in all).
fn render_issues(
    dom: &Dom,
    container: &Element,
    issues: &[Finding],
    issue_total: usize,
    lang: &str,
) -> Result<(), JsValue> {
    if !issues.is_empty() {
        let heading = dom.add(container, "h3", "", Some(label(lang, "issues")))?;
        dom.add(&heading, "span", "count", Some(&issue_total.to_string()))?;
        let list = dom.add(container, "ul", "issues", None)?;
        for issue in issues {
            let li = dom.add(&list, "li", "issue", None)?;
            dom.add(&li, "span", "warn", Some("⚠"))?.set_attribute("aria-hidden", "true")?;
            let (start, end) = finding_span(issue);
            dom.span_button(&li, "span", &issue.message_in(lang), start, end)?;
            render_evidence(dom, &li, issue, lang)?;
        }
        if issue_total > issues.len() {
            dom.add(container, "p", "empty", Some(&format!("… +{}", issue_total - issues.len())))?;
        }
    }
    Ok(())
}

/// A piece of chrome left out, as the text view marks it and the outline panel lists it (the kind
/// read as the label key it is, not as `model::RemovedKind`).
#[derive(Deserialize)]
struct RemovedEntry {
    kind: String,
    text: String,
    start: u32,
    end: u32,
}

/// The chrome left out, folded.
fn render_removed(dom: &Dom, container: &Element, analysis: &JsValue, lang: &str) -> Result<(), JsValue> {
    let (removed, removed_total) =
        prefix::<RemovedEntry>(&field(analysis, "removed"), MAX_RENDERED_SECTIONS, "removed")?;
    if !removed.is_empty() {
        let details = dom.add(container, "details", "removed", None)?;
        dom.add(&details, "summary", "", Some(&format!("{} ({removed_total})", label(lang, "removed"))))?;
        let list = dom.add(&details, "ul", "", None)?;
        for r in &removed {
            let li = dom.add(&list, "li", "", None)?;
            dom.add(&li, "span", "kind", Some(label(lang, &r.kind)))?;
            dom.span_button(&li, "span", &r.text, r.start, r.end)?;
        }
    }
    Ok(())
}

/// A warning sign with its message, for sighted users on hover and for screen readers as text.
fn flag(dom: &Dom, parent: &Element, message: &str) -> Result<(), JsValue> {
    let warn = dom.add(parent, "span", "warn", Some("⚠"))?;
    warn.set_attribute("title", message)?;
    warn.set_attribute("role", "img")?;
    warn.set_attribute("aria-label", message)?;
    Ok(())
}

/// Draws `sections` (a JS array) and their children depth first while `budget` lasts; false
/// when it ran out before the end.
fn render_sections(
    dom: &Dom,
    parent: &Element,
    sections: &JsValue,
    lang: &str,
    messages: &HashMap<u32, String>,
    budget: &mut usize,
) -> Result<bool, JsValue> {
    let Some(array) = sections.dyn_ref::<js_sys::Array>() else { return Ok(true) };
    for value in array.iter() {
        if *budget == 0 {
            return Ok(false);
        }
        *budget -= 1;
        let s: SectionHead = parse(value.clone(), "outline.sections")?;
        // No aria-label: the item is named by its content, and browsers leave the nested group out
        // of a treeitem's name (an explicit label would hide the row's figures from the name).
        let li = dom.add(parent, "li", "section", None)?;
        li.set_attribute("role", "treeitem")?;
        li.set_attribute("aria-level", &s.level.to_string())?;
        li.set_attribute("tabindex", "-1")?;
        li.set_attribute("data-start", &s.start.to_string())?;
        li.set_attribute("data-end", &s.end.to_string())?;
        let row = dom.add(&li, "div", "row", None)?;
        let twisty = dom.add(&row, "span", "twisty", None)?;
        twisty.set_attribute("aria-hidden", "true")?;
        dom.add(&row, "span", "marker", Some(&s.marker))?;
        dom.add(&row, "span", "heading", Some(&s.heading))?;
        if let Some(message) = messages.get(&s.start) {
            flag(dom, &row, message)?;
        }
        let meta = format!(
            "{} {} · {:.0}% · {:.1} {}",
            s.speech_chars,
            label(lang, "chars"),
            s.share * 100.0,
            s.speaking_minutes,
            label(lang, "minutes")
        );
        dom.add(&row, "span", "meta", Some(&meta))?;
        if !s.top_terms.is_empty() {
            dom.add(&row, "span", "top", Some(&s.top_terms.join(" · ")))?;
        }
        let children = field(&value, "children");
        if children.dyn_ref::<js_sys::Array>().is_some_and(|a| a.length() > 0) {
            li.set_attribute("aria-expanded", "true")?;
            let group = dom.add(&li, "ul", "", None)?;
            group.set_attribute("role", "group")?;
            if !render_sections(dom, &group, &children, lang, messages, budget)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Key-word-in-context lines as a three-column table, headed by the term and its number of
/// lines when `term` is given. Each row carries its span, so a click can show it in the text.
#[wasm_bindgen(js_name = renderConcordance, skip_typescript)]
pub fn render_concordance(
    container: &Element,
    lines: JsValue,
    lang: Option<String>,
    term: Option<String>,
) -> Result<(), JsValue> {
    let (lines, total) = prefix::<ConcordanceLine>(&lines, MAX_KWIC_LINES, "lines")?;
    let lang = lang.as_deref().unwrap_or("zh");
    let dom = Dom::new()?;
    clear(container);
    if let Some(term) = &term {
        let heading = dom.add(container, "h3", "kwic-title", None)?;
        dom.add(&heading, "span", "kwic-term", Some(term))?;
        dom.add(&heading, "span", "count", Some(&format!("{total} {}", label(lang, "occurrences"))))?;
    }
    if lines.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noLines")))?;
        return Ok(());
    }
    let table = dom.add(container, "table", "kwic", None)?;
    let body = dom.add(&table, "tbody", "", None)?;
    for line in &lines {
        let row = dom.add(&body, "tr", "", None)?;
        row.set_attribute("data-start", &line.start.to_string())?;
        row.set_attribute("data-end", &line.end.to_string())?;
        // The left context is clipped at its start, so the words next to the hit stay in view.
        let left = dom.add(&row, "td", "left", None)?;
        dom.add(&left, "div", "clip", Some(&line.left))?;
        // The hit is a button, so the keyboard too can go to this occurrence in the text.
        let hit = dom.add(&row, "td", "hit", None)?;
        dom.span_button(&hit, "hit", &line.keyword, line.start, line.end)?;
        dom.add(&row, "td", "right", Some(&line.right))?;
    }
    if total > lines.len() {
        dom.add(container, "p", "empty", Some(&format!("… +{}", total - lines.len())))?;
    }
    Ok(())
}

/// The words the user asked to keep whole, each with a button that removes it (`data-word`).
#[wasm_bindgen(js_name = renderWords, skip_typescript)]
pub fn render_words(container: &Element, words: Vec<String>, lang: &str) -> Result<(), JsValue> {
    let dom = Dom::new()?;
    clear(container);
    if words.is_empty() {
        return Ok(());
    }
    let list = dom.add(container, "ul", "words", None)?;
    list.set_attribute("aria-label", label(lang, "userWords"))?;
    for word in &words {
        let li = dom.add(&list, "li", "", None)?;
        dom.add(&li, "span", "word", Some(word))?;
        let remove = dom.button(&li, "remove", "×", "word", word)?;
        remove.set_attribute("aria-label", &format!("{} {word}", label(lang, "removeWord")))?;
        remove.set_attribute("title", label(lang, "removeWord"))?;
    }
    Ok(())
}

mod check;
mod compare;
mod corpus;
