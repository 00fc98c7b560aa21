//! DOM rendering from Rust: the highlighted text view and the result panels. Every piece of
//! user text goes into the page as a text node (`set_text_content`), never parsed as HTML.
//! The page's JS shell handles events; what it needs back (which term, which span) rides on
//! `data-*` attributes.

use crate::model::{Analysis, ConcordanceLine, Section, SloganKind};
use crate::text::Utf16Index;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// A stretch of the text view to mark: `kind` becomes the class `hl-{kind}`.
#[derive(Deserialize)]
struct Mark {
    start: u32,
    end: u32,
    kind: String,
    /// Goes to `data-id`, so a click on the mark can be traced back.
    #[serde(default)]
    id: Option<String>,
}

/// A tree longer than this is no outline a reader scans; the rest is summarised as a count.
const MAX_RENDERED_SECTIONS: usize = 300;

/// UI words in the two languages the page speaks.
fn label(lang: &str, key: &str) -> &'static str {
    let en = lang.starts_with("en");
    match (key, en) {
        ("term", false) => "词语",
        ("term", true) => "Term",
        ("count", false) => "次数",
        ("count", true) => "Count",
        ("perTenK", false) => "每万字",
        ("perTenK", true) => "Per 10k",
        ("pos", false) => "词性",
        ("pos", true) => "POS",
        ("spread", false) => "分布",
        ("spread", true) => "Spread",
        ("keywords", false) => "关键词",
        ("keywords", true) => "Keywords",
        ("phrases", false) => "重复短语",
        ("phrases", true) => "Repeated phrases",
        ("noTerms", false) => "没有可统计的词语。",
        ("noTerms", true) => "No terms to count.",
        ("noSlogans", false) => "没有发现提法。",
        ("noSlogans", true) => "No slogans found.",
        ("noOutline", false) => "没有发现层次标记。",
        ("noOutline", true) => "No numbered parts found.",
        ("issues", false) => "层次检查",
        ("issues", true) => "Numbering checks",
        ("title", false) => "标题",
        ("title", true) => "Title",
        ("salutation", false) => "称呼",
        ("salutation", true) => "Salutation",
        ("closing", false) => "结束语",
        ("closing", true) => "Closing",
        ("announced", false) => "预告",
        ("announced", true) => "Announced",
        ("chars", false) => "字",
        ("chars", true) => "chars",
        ("minutes", false) => "分钟",
        ("minutes", true) => "min",
        ("quoted", false) => "引号短语",
        ("quoted", true) => "Quoted phrases",
        ("numbered", false) => "数字略语",
        ("numbered", true) => "Numbered formulas",
        ("parallel", false) => "排比",
        ("parallel", true) => "Parallel clauses",
        ("idiom", false) => "成语",
        ("idiom", true) => "Idioms",
        ("titleKind", false) => "文件",
        ("titleKind", true) => "Cited documents",
        ("quotation", false) => "引语",
        ("quotation", true) => "Quotations",
        ("lexicon", false) => "常用提法",
        ("lexicon", true) => "Known formulations",
        ("frame", false) => "句式",
        ("frame", true) => "frame",
        ("speaker", false) => "出处",
        ("speaker", true) => "speaker",
        _ => "",
    }
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

    fn text(&self, parent: &Element, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }
}

fn parse<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| js_sys::Error::new(&format!("{what}: {e}")).into())
}

fn clear(el: &Element) {
    el.set_text_content(None);
}

/// Fills `container` with `text`, the stretches in `marks` wrapped in `<mark class="hl-{kind}">`.
/// Marks are UTF-16 spans; one that overlaps an earlier mark is dropped.
#[wasm_bindgen(js_name = renderText, skip_typescript)]
pub fn render_text(container: &Element, text: &str, marks: JsValue) -> Result<(), JsValue> {
    let mut marks: Vec<Mark> =
        if marks.is_undefined() || marks.is_null() { Vec::new() } else { parse(marks, "marks")? };
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let dom = Dom::new()?;
    let index = Utf16Index::new(text);
    let fragment = dom.doc.create_document_fragment();
    let mut at = 0usize;
    for mark in marks.iter().filter(|m| m.start < m.end) {
        let (start, end) = (index.byte(mark.start), index.byte(mark.end));
        if start < at || start >= end {
            continue;
        }
        if at < start {
            fragment.append_child(&dom.doc.create_text_node(&text[at..start]))?;
        }
        let el = dom.el("mark", &format!("hl-{}", mark.kind), Some(&text[start..end]))?;
        el.set_attribute("data-start", &mark.start.to_string())?;
        if let Some(id) = &mark.id {
            el.set_attribute("data-id", id)?;
        }
        fragment.append_child(&el)?;
        at = end;
    }
    if at < text.len() {
        fragment.append_child(&dom.doc.create_text_node(&text[at..]))?;
    }
    clear(container);
    container.append_child(&fragment)?;
    Ok(())
}

/// The term table (sortable by `sort`: `count`, `term`, `perTenK`, `first`), then keywords and repeated phrases.
#[wasm_bindgen(js_name = renderTerms, skip_typescript)]
pub fn render_terms(
    container: &Element,
    analysis: JsValue,
    lang: &str,
    sort: &str,
    limit: usize,
) -> Result<(), JsValue> {
    let analysis: Analysis = parse(analysis, "analysis")?;
    let dom = Dom::new()?;
    clear(container);
    if analysis.terms.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noTerms")))?;
        return Ok(());
    }
    let mut terms = analysis.terms.clone();
    match sort {
        "term" => terms.sort_by(|a, b| a.term.cmp(&b.term)),
        "perTenK" => terms.sort_by(|a, b| b.per_ten_k.total_cmp(&a.per_ten_k)),
        "first" => terms.sort_by_key(|t| t.first_at),
        _ => terms.sort_by_key(|t| std::cmp::Reverse(t.count)),
    }
    let table = dom.add(container, "table", "terms", None)?;
    let head = dom.add(&table, "thead", "", None)?;
    let row = dom.add(&head, "tr", "", None)?;
    for key in ["term", "count", "perTenK", "pos", "spread"] {
        let th = dom.add(&row, "th", "", None)?;
        th.set_attribute("scope", "col")?;
        if key == "pos" || key == "spread" {
            th.set_text_content(Some(label(lang, key)));
            continue;
        }
        let button = dom.add(&th, "button", "sort", Some(label(lang, key)))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-sort", key)?;
        let state = if key == sort || (key == "count" && !["term", "perTenK", "first"].contains(&sort)) {
            "descending"
        } else {
            "none"
        };
        th.set_attribute("aria-sort", if state == "descending" && key == "term" { "ascending" } else { state })?;
    }
    let body = dom.add(&table, "tbody", "", None)?;
    let max_section = terms.iter().flat_map(|t| t.by_section.iter().copied()).max().unwrap_or(1).max(1);
    for t in terms.iter().take(limit) {
        let row = dom.add(&body, "tr", "", None)?;
        let cell = dom.add(&row, "td", "", None)?;
        let button = dom.add(&cell, "button", "term", Some(&t.term))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-term", &t.term)?;
        dom.add(&row, "td", "num", Some(&t.count.to_string()))?;
        dom.add(&row, "td", "num", Some(&format!("{:.1}", t.per_ten_k)))?;
        dom.add(&row, "td", "pos", Some(t.pos.as_deref().unwrap_or("")))?;
        let spread = dom.add(&row, "td", "spread", None)?;
        spread.set_attribute("aria-label", &t.by_section.iter().map(u32::to_string).collect::<Vec<_>>().join(" / "))?;
        for n in &t.by_section {
            let bar = dom.add(&spread, "span", "bar", None)?;
            bar.set_attribute("style", &format!("--h:{}", (*n as f64 / max_section as f64 * 100.0).round()))?;
        }
    }
    if !analysis.keywords.is_empty() {
        dom.add(container, "h3", "", Some(label(lang, "keywords")))?;
        let list = dom.add(container, "ol", "keywords", None)?;
        for k in analysis.keywords.iter().take(20) {
            let li = dom.add(&list, "li", "", None)?;
            let button = dom.add(&li, "button", "term", Some(&k.term))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-term", &k.term)?;
            dom.add(&li, "span", "weight", Some(&format!("{:.3}", k.weight)))?;
        }
    }
    if !analysis.phrases.is_empty() {
        dom.add(container, "h3", "", Some(label(lang, "phrases")))?;
        let list = dom.add(container, "ul", "phrases", None)?;
        for (i, p) in analysis.phrases.iter().take(30).enumerate() {
            let li = dom.add(&list, "li", "", None)?;
            let button = dom.add(&li, "button", "phrase", Some(&p.text))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-phrase", &i.to_string())?;
            dom.add(&li, "span", "count", Some(&format!("×{}", p.count)))?;
        }
    }
    Ok(())
}

/// Slogans grouped by kind, each with its count and, where known, expansion, frame or speaker.
#[wasm_bindgen(js_name = renderSlogans, skip_typescript)]
pub fn render_slogans(container: &Element, analysis: JsValue, lang: &str) -> Result<(), JsValue> {
    let analysis: Analysis = parse(analysis, "analysis")?;
    let dom = Dom::new()?;
    clear(container);
    if analysis.slogans.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noSlogans")))?;
        return Ok(());
    }
    let mut kinds: Vec<SloganKind> = analysis.slogans.iter().map(|s| s.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let group = dom.add(container, "section", &format!("slogans kind-{}", kind_key(kind)), None)?;
        dom.add(&group, "h3", "", Some(label(lang, kind_key(kind))))?;
        let list = dom.add(&group, "ul", "", None)?;
        for (i, s) in analysis.slogans.iter().enumerate().filter(|(_, s)| s.kind == kind) {
            let li = dom.add(&list, "li", "", None)?;
            let button = dom.add(&li, "button", "slogan", Some(&s.text))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-slogan", &i.to_string())?;
            dom.add(&li, "span", "count", Some(&format!("×{}", s.count)))?;
            if let Some(items) = &s.expansion {
                dom.add(&li, "span", "expansion", Some(&format!("（{}）", items.join("、"))))?;
            }
            if let Some(frame) = &s.frame {
                dom.add(&li, "span", "frame", Some(&format!("{}：{frame}", label(lang, "frame"))))?;
            }
            if let Some(speaker) = &s.speaker {
                dom.add(&li, "span", "speaker", Some(&format!("{}：{speaker}", label(lang, "speaker"))))?;
            }
        }
    }
    Ok(())
}

/// The outline as a tree (ARIA `tree`/`treeitem`), with the document's parts and numbering checks.
#[wasm_bindgen(js_name = renderOutline, skip_typescript)]
pub fn render_outline(container: &Element, analysis: JsValue, lang: &str) -> Result<(), JsValue> {
    let analysis: Analysis = parse(analysis, "analysis")?;
    let outline = &analysis.outline;
    let dom = Dom::new()?;
    clear(container);
    let parts = dom.add(container, "dl", "parts", None)?;
    let part = |key: &str, text: String, start: u32, end: u32| -> Result<(), JsValue> {
        dom.add(&parts, "dt", "", Some(label(lang, key)))?;
        let dd = dom.add(&parts, "dd", "", None)?;
        let button = dom.add(&dd, "button", "span", Some(&text))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-start", &start.to_string())?;
        button.set_attribute("data-end", &end.to_string())?;
        Ok(())
    };
    if let Some(p) = &outline.title {
        part("title", p.text.clone(), p.start, p.end)?;
    }
    if let Some(p) = &outline.salutation {
        part("salutation", p.text.clone(), p.start, p.end)?;
    }
    if let Some(a) = &outline.announced {
        part("announced", a.text.clone(), a.start, a.end)?;
    }
    if let Some(p) = &outline.closing {
        part("closing", p.text.clone(), p.start, p.end)?;
    }
    if outline.sections.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noOutline")))?;
    } else {
        let tree = dom.add(container, "ul", "tree", None)?;
        tree.set_attribute("role", "tree")?;
        tree.set_attribute("aria-label", label(lang, "title"))?;
        let flagged: std::collections::HashSet<u32> = outline.issues.iter().filter_map(|i| i.at).collect();
        for s in outline.sections.iter().take(MAX_RENDERED_SECTIONS) {
            render_section(&dom, &tree, s, lang, &flagged)?;
        }
        if let Some(more) = outline.sections.len().checked_sub(MAX_RENDERED_SECTIONS).filter(|&n| n > 0) {
            dom.add(container, "p", "empty", Some(&format!("… +{more}")))?;
        }
    }
    if !outline.issues.is_empty() {
        dom.add(container, "h3", "", Some(label(lang, "issues")))?;
        let list = dom.add(container, "ul", "issues", None)?;
        for issue in outline.issues.iter().take(MAX_RENDERED_SECTIONS) {
            let li = dom.add(&list, "li", "issue", None)?;
            li.set_attribute("role", "alert")?;
            dom.add(&li, "span", "warn", Some("⚠"))?.set_attribute("aria-hidden", "true")?;
            dom.text(&li, &issue.message)?;
            if let Some(at) = issue.at {
                li.set_attribute("data-start", &at.to_string())?;
            }
        }
    }
    Ok(())
}

fn render_section(
    dom: &Dom,
    parent: &Element,
    s: &Section,
    lang: &str,
    flagged: &std::collections::HashSet<u32>,
) -> Result<(), JsValue> {
    let li = dom.add(parent, "li", "section", None)?;
    li.set_attribute("role", "treeitem")?;
    li.set_attribute("aria-level", &s.level.to_string())?;
    li.set_attribute("tabindex", "-1")?;
    li.set_attribute("data-start", &s.start.to_string())?;
    li.set_attribute("data-end", &s.end.to_string())?;
    let row = dom.add(&li, "div", if flagged.contains(&s.start) { "row flagged" } else { "row" }, None)?;
    dom.add(&row, "span", "marker", Some(&s.marker))?;
    dom.add(&row, "span", "heading", Some(&s.heading))?;
    dom.add(
        &row,
        "span",
        "meta",
        Some(&format!(
            "{} {} · {:.0}% · {:.1} {}",
            s.chars,
            label(lang, "chars"),
            s.share * 100.0,
            s.speaking_minutes,
            label(lang, "minutes")
        )),
    )?;
    if !s.top_terms.is_empty() {
        dom.add(&row, "span", "top", Some(&s.top_terms.join(" · ")))?;
    }
    if !s.children.is_empty() {
        li.set_attribute("aria-expanded", "true")?;
        let group = dom.add(&li, "ul", "", None)?;
        group.set_attribute("role", "group")?;
        for c in &s.children {
            render_section(dom, &group, c, lang, flagged)?;
        }
    }
    Ok(())
}

/// Key-word-in-context lines as a three-column table.
#[wasm_bindgen(js_name = renderConcordance, skip_typescript)]
pub fn render_concordance(container: &Element, lines: JsValue) -> Result<(), JsValue> {
    let lines: Vec<ConcordanceLine> = parse(lines, "lines")?;
    let dom = Dom::new()?;
    clear(container);
    let table = dom.add(container, "table", "kwic", None)?;
    for line in &lines {
        let row = dom.add(&table, "tr", "", None)?;
        row.set_attribute("data-start", &line.start.to_string())?;
        dom.add(&row, "td", "left", Some(&line.left))?;
        dom.add(&row, "td", "hit", Some(&line.keyword))?;
        dom.add(&row, "td", "right", Some(&line.right))?;
    }
    Ok(())
}
