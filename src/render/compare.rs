//! The compare view: both texts' sizes, the keyness chart, the formulations new and dropped, the
//! outlines side by side, and the two texts side by side with their edits marked.

use super::{Dom, MAX_RENDERED_SECTIONS, clear, english_gloss, fill, label, parse, set_var};
use crate::model::{Comparison, Span};
use crate::text::Utf16Index;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Terms listed per direction in a comparison's keyness chart.
const MAX_COMPARED_TERMS: usize = 20;

/// A comparison of `a` with `b` (`compare(a, b)`): both texts' sizes, a keyness chart (the terms
/// `b` says more to the right, those `a` said more to the left, each bar its log ratio), the
/// formulations new and dropped, the outlines side by side, and the two texts side by side with
/// their words struck out and put in. Term buttons carry `data-term`; text the renderer is given
/// only as text nodes.
#[wasm_bindgen(js_name = renderComparison, skip_typescript)]
pub fn render_comparison(
    container: &Element,
    comparison: JsValue,
    a: &str,
    b: &str,
    lang: &str,
) -> Result<(), JsValue> {
    let c: Comparison = parse(comparison, "comparison")?;
    let dom = Dom::new()?;
    clear(container);
    compared_sizes(&dom, container, &c, lang)?;
    keyness_chart(&dom, container, &c, lang)?;
    formulation_lists(&dom, container, &c, lang)?;
    outline_pairs(&dom, container, &c, lang)?;
    side_by_side(&dom, container, &c, a, b, lang)?;
    Ok(())
}

fn compared_sizes(dom: &Dom, container: &Element, c: &Comparison, lang: &str) -> Result<(), JsValue> {
    let table = dom.add(container, "table", "sizes", None)?;
    let head = dom.add(&table, "tr", "", None)?;
    for key in ["", "textA", "textB"] {
        dom.add(&head, "th", "", Some(label(lang, key)))?;
    }
    let rows: [(&str, String, String); 3] = [
        ("statsHanChars", c.stats.a.han_chars.to_string(), c.stats.b.han_chars.to_string()),
        ("statsWords", c.stats.a.tokens.to_string(), c.stats.b.tokens.to_string()),
        ("minutes", format!("{:.1}", c.stats.a.speaking_minutes), format!("{:.1}", c.stats.b.speaking_minutes)),
    ];
    for (key, x, y) in rows {
        let row = dom.add(&table, "tr", "", None)?;
        dom.add(&row, "th", "", Some(label(lang, key)))?;
        dom.add(&row, "td", "num", Some(&x))?;
        dom.add(&row, "td", "num", Some(&y))?;
    }
    Ok(())
}

/// The terms that changed most, as diverging bars: `a`'s to the left, `b`'s to the right.
fn keyness_chart(dom: &Dom, container: &Element, c: &Comparison, lang: &str) -> Result<(), JsValue> {
    use crate::model::TermStatus;
    dom.add(container, "h3", "", Some(label(lang, "keynessChart")))?;
    dom.add(container, "p", "help", Some(label(lang, "keynessHelp")))?;
    // Every status but `same` cleared the one threshold (`compare::MIN_CHANGE_LOG_LIKELIHOOD`); the
    // terms come strongest first, so shared terms said more or less stand beside the new and the gone.
    let significant = |t: &&crate::model::TermChange| t.status != TermStatus::Same;
    let toward_b: Vec<_> =
        c.terms.iter().filter(significant).filter(|t| t.log_ratio > 0.0).take(MAX_COMPARED_TERMS).collect();
    let toward_a: Vec<_> =
        c.terms.iter().filter(significant).filter(|t| t.log_ratio < 0.0).take(MAX_COMPARED_TERMS).collect();
    if toward_a.is_empty() && toward_b.is_empty() {
        dom.add(container, "p", "empty", Some(label(lang, "noChange")))?;
        return Ok(());
    }
    let widest = toward_a.iter().chain(&toward_b).map(|t| t.log_ratio.abs()).fold(1.0, f64::max);
    let list = dom.add(container, "ol", "diverging", None)?;
    list.set_attribute("aria-label", label(lang, "keynessChart"))?;
    for t in toward_a.iter().rev().chain(&toward_b) {
        let side = if t.log_ratio < 0.0 { "toward-a" } else { "toward-b" };
        let li = dom.add(&list, "li", side, None)?;
        dom.button(&li, "term", &t.term, "term", &t.term)?;
        let track = dom.add(&li, "span", "track", None)?;
        track.set_attribute("aria-hidden", "true")?;
        let fill = dom.add(&track, "span", "fill", None)?;
        set_var(&fill, "--w", t.log_ratio.abs() / widest * 100.0)?;
        dom.add(&li, "span", "n", Some(&format!("{} → {}", t.count_a, t.count_b)))?;
    }
    Ok(())
}

fn formulation_lists(dom: &Dom, container: &Element, c: &Comparison, lang: &str) -> Result<(), JsValue> {
    use crate::model::FormulationStatus;
    for (status, key) in
        [(FormulationStatus::New, "newFormulations"), (FormulationStatus::Dropped, "droppedFormulations")]
    {
        let items: Vec<_> = c.formulations.iter().filter(|f| f.status == status).collect();
        let heading = dom.add(container, "h3", "", Some(label(lang, key)))?;
        dom.add(&heading, "span", "count", Some(&items.len().to_string()))?;
        if items.is_empty() {
            dom.add(container, "p", "empty", Some("—"))?;
            continue;
        }
        let list = dom.add(container, "ul", &format!("formulations {key}"), None)?;
        for f in items.iter().take(MAX_RENDERED_SECTIONS) {
            let li = dom.add(&list, "li", "", None)?;
            dom.button(&li, "term", &f.text, "term", &f.text)?;
            dom.add(&li, "span", "count", Some(&format!("{} → {}", f.count_a, f.count_b)))?;
            if let Some(gloss) = english_gloss(lang, f.lexicon.as_ref()) {
                dom.add(&li, "span", "gloss", Some(gloss))?.set_attribute("lang", "en")?;
            }
        }
    }
    Ok(())
}

/// The two outlines side by side, part against part.
fn outline_pairs(dom: &Dom, container: &Element, c: &Comparison, lang: &str) -> Result<(), JsValue> {
    if c.outline.is_empty() {
        return Ok(());
    }
    dom.add(container, "h3", "", Some(label(lang, "outlinesAligned")))?;
    let table = dom.add(container, "table", "outlines", None)?;
    let head = dom.add(&table, "tr", "", None)?;
    for key in ["textA", "textB"] {
        dom.add(&head, "th", "", Some(label(lang, key)))?;
    }
    for m in c.outline.iter().take(MAX_RENDERED_SECTIONS) {
        let row = dom.add(&table, "tr", if m.a.is_none() || m.b.is_none() { "alone" } else { "" }, None)?;
        for part in [&m.a, &m.b] {
            let cell = dom.add(&row, "td", "", None)?;
            if let Some(p) = part {
                cell.set_attribute("data-level", &p.level.to_string())?;
                dom.add(&cell, "span", "marker", Some(&p.marker))?;
                dom.text(&cell, &p.heading)?;
            }
        }
    }
    Ok(())
}

/// Rows of the two texts side by side at most: a longer text says how many more there are.
const MAX_ALIGNED_ROWS: usize = 2_000;

/// The two texts side by side, paragraph against paragraph in `b`'s order: words struck out
/// (`<del>`) in `a`, put in (`<ins>`) in `b`, a paragraph only one text has marked whole, and a
/// moved one labelled. A checkbox hides the paragraphs that stayed the same (by CSS, no script).
fn side_by_side(dom: &Dom, container: &Element, c: &Comparison, a: &str, b: &str, lang: &str) -> Result<(), JsValue> {
    use crate::model::ParagraphStatus;
    let (ia, ib) = (Utf16Index::new(a), Utf16Index::new(b));
    let changes = c.paragraphs.iter().filter(|p| p.status != ParagraphStatus::Same).count();
    let section = dom.add(container, "section", "side-by-side", None)?;
    let heading = dom.add(&section, "h3", "", Some(label(lang, "sideBySide")))?;
    dom.add(&heading, "span", "count", Some(&fill(label(lang, "changesCount"), &[&changes.to_string()])))?;
    let toggle = dom.add(&section, "label", "changes-only", None)?;
    let checkbox = dom.add(&toggle, "input", "", None)?;
    checkbox.set_attribute("type", "checkbox")?;
    dom.text(&toggle, label(lang, "changesOnly"))?;
    let table = dom.add(&section, "table", "aligned", None)?;
    let head = dom.add(&table, "tr", "", None)?;
    for key in ["textA", "textB"] {
        dom.add(&head, "th", "", Some(label(lang, key)))?;
    }
    for p in c.paragraphs.iter().take(MAX_ALIGNED_ROWS) {
        let status = paragraph_status_key(p.status);
        let row = dom.add(&table, "tr", status, None)?;
        for (side, (text, index, span, marks, tag)) in
            [(a, &ia, p.a, &p.deleted, "del"), (b, &ib, p.b, &p.inserted, "ins")].into_iter().enumerate()
        {
            let cell = dom.add(&row, "td", "", None)?;
            cell.set_attribute("data-side", label(lang, ["textA", "textB"][side]))?;
            let Some(span) = span else { continue };
            cell.set_attribute("lang", "zh-CN")?;
            // A change is labelled once: in B's cell, or in A's when B has no such paragraph.
            if p.status != ParagraphStatus::Same && (side == 1 || p.b.is_none()) {
                dom.add(&cell, "span", "status", Some(label(lang, &format!("para-{status}"))))?;
            }
            match p.status {
                ParagraphStatus::Changed => marked(dom, &cell, tag, text, index, span, marks)?,
                ParagraphStatus::Inserted | ParagraphStatus::Deleted => {
                    dom.add(&cell, tag, "", Some(&text[index.byte(span.start)..index.byte(span.end)]))?;
                }
                ParagraphStatus::Same | ParagraphStatus::Moved => {
                    dom.text(&cell, &text[index.byte(span.start)..index.byte(span.end)])?
                }
            }
        }
    }
    if c.paragraphs.len() > MAX_ALIGNED_ROWS {
        let more = (c.paragraphs.len() - MAX_ALIGNED_ROWS).to_string();
        dom.add(&section, "p", "help", Some(&fill(label(lang, "rowsNotShown"), &[&more])))?;
    }
    Ok(())
}

fn paragraph_status_key(status: crate::model::ParagraphStatus) -> &'static str {
    use crate::model::ParagraphStatus;
    match status {
        ParagraphStatus::Moved => "moved",
        ParagraphStatus::Changed => "changed",
        ParagraphStatus::Inserted => "inserted",
        ParagraphStatus::Deleted => "deleted",
        ParagraphStatus::Same => "same",
    }
}

/// `text`'s stretch `span`, with the stretches `marks` (inside it, in order) wrapped in `<tag>`.
fn marked(
    dom: &Dom,
    parent: &Element,
    tag: &str,
    text: &str,
    index: &Utf16Index,
    span: Span,
    marks: &[Span],
) -> Result<(), JsValue> {
    let piece = |start: u32, end: u32| &text[index.byte(start)..index.byte(end)];
    let mut at = span.start;
    for m in marks {
        dom.text(parent, piece(at, m.start))?;
        dom.add(parent, tag, "", Some(piece(m.start, m.end)))?;
        at = m.end;
    }
    dom.text(parent, piece(at, span.end))
}
