//! The corpus view: a table of documents and the trend of terms across them.

use super::{Dom, clear, fill, label, parse, sort_button};
use crate::model::{CorpusDocument, TrendSeries};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The corpus table's columns, by their label keys; all but the keywords sort.
const COLUMNS: [&str; 7] = ["document", "date", "hanChars", "minutes", "keywords", "slogansCount", "alarms"];

/// The documents, one row each: name (a button carrying `data-doc`, its index in `documents`, to
/// open it), date, size, speaking time, keywords, slogans, numbering alarms; sorted by `sort`, a
/// column's key optionally suffixed `:asc` or `:desc` (default `date`: the order given, which the
/// page makes the documents' dates). The column headers are buttons carrying the `data-corpus-sort`
/// that sorts by them. Text the renderer is given goes in only as text nodes.
#[wasm_bindgen(js_name = renderCorpus, skip_typescript)]
pub fn render_corpus(container: &Element, documents: JsValue, lang: &str, sort: Option<String>) -> Result<(), JsValue> {
    let documents: Vec<CorpusDocument> = parse(documents, "documents")?;
    let dom = Dom::new()?;
    clear(container);
    let table = dom.add(container, "table", "documents", None)?;
    let (key, ascending) = corpus_sort(sort.as_deref().unwrap_or("date"));
    let head = dom.add(&table, "tr", "", None)?;
    for column in COLUMNS {
        let th = dom.add(&head, "th", "", None)?;
        if column == "keywords" {
            th.set_attribute("scope", "col")?;
            dom.text(&th, label(lang, column))?;
        } else {
            sort_button(&dom, &th, label(lang, column), "corpus-sort", column, (column == key).then_some(ascending))?;
        }
    }
    for i in corpus_order(&documents, key, ascending) {
        let d = &documents[i];
        let s = &d.summary;
        let row = dom.add(&table, "tr", "", None)?;
        let cells = [
            ("name", None),
            ("date", Some(s.date.clone().unwrap_or_else(|| "—".into()))),
            ("num", Some(s.han_chars.to_string())),
            ("num", Some(format!("{:.1}", s.speaking_minutes))),
            ("keywords", Some(s.keywords.join(" "))),
            ("num", Some(s.slogans.to_string())),
            (if s.alarms > 0 { "num alarm" } else { "num" }, Some(s.alarms.to_string())),
        ];
        for ((class, text), key) in cells.into_iter().zip(COLUMNS) {
            let cell = dom.add(&row, "td", class, text.as_deref())?;
            // Named in the cell too: on a phone the rows stack and the header is hidden.
            cell.set_attribute("data-label", label(lang, key))?;
            match key {
                "document" => drop(dom.button(&cell, "doc", &d.name, "doc", &i.to_string())?),
                "keywords" => cell.set_attribute("lang", "zh-CN")?,
                "alarms" if s.alarms > 0 => {
                    cell.set_attribute("title", &fill(label(lang, "alarmsTitle"), &[&s.alarms.to_string()]))?
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// A corpus sort's column and direction: `date` (the default) and `document` ascending, the
/// figures descending, unless `:asc` or `:desc` says otherwise.
fn corpus_sort(sort: &str) -> (&'static str, bool) {
    let (key, direction) = sort.split_once(':').unwrap_or((sort, ""));
    let key = COLUMNS.into_iter().find(|&c| c == key && c != "keywords").unwrap_or("date");
    let ascending = match direction {
        "asc" => true,
        "desc" => false,
        _ => matches!(key, "date" | "document"),
    };
    (key, ascending)
}

/// The documents' indices in `key`'s order; ties keep the order given (by date) either way.
fn corpus_order(documents: &[CorpusDocument], key: &str, ascending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let figure = |d: &CorpusDocument| match key {
        "hanChars" => f64::from(d.summary.han_chars),
        "minutes" => d.summary.speaking_minutes,
        "slogansCount" => f64::from(d.summary.slogans),
        "alarms" => f64::from(d.summary.alarms),
        _ => 0.0,
    };
    crate::sort::sort_by(&mut order, |&x, &y| {
        let (a, b) = (&documents[x], &documents[y]);
        let by = match key {
            "document" => a.name.cmp(&b.name),
            "date" => x.cmp(&y),
            _ => figure(a).total_cmp(&figure(b)),
        };
        if ascending { by } else { by.reverse() }
    });
    order
}

/// Width and height of the chart's drawing box (CSS scales it to the panel), and the margins
/// that keep the points whole at its edges.
const CHART: (f64, f64) = (600.0, 200.0);
const MARGIN: (f64, f64, f64, f64) = (6.0, 6.0, 6.0, 6.0); // left, right, bottom, top
/// Colours are classes `s0`…`s5` (the stylesheet's); a seventh term takes the first again.
const SERIES_COLOURS: usize = 6;

/// A line chart of `series` over the documents called `labels` (dates, or names when undated), one
/// line per term with a point per document (`data-doc`: its index, to open it; its title gives
/// the document, the term and its rate), a legend, and the figures in a table for screen readers.
#[wasm_bindgen(js_name = renderTrend, skip_typescript)]
pub fn render_trend(container: &Element, series: JsValue, labels: Vec<String>, lang: &str) -> Result<(), JsValue> {
    let series: Vec<TrendSeries> = parse(series, "series")?;
    let dom = Dom::new()?;
    clear(container);
    if series.is_empty() || labels.is_empty() {
        return Ok(());
    }
    let legend = dom.add(container, "ul", "legend", None)?;
    for (k, s) in series.iter().enumerate() {
        dom.add(&legend, "li", &format!("s{}", k % SERIES_COLOURS), Some(&s.term))?.set_attribute("lang", "zh-CN")?;
    }
    let (width, height) = CHART;
    let (left, right, bottom, top) = MARGIN;
    let highest = series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max).max(1.0);
    let x = |i: usize| {
        left + (width - left - right) * if labels.len() == 1 { 0.5 } else { i as f64 / (labels.len() - 1) as f64 }
    };
    let y = |v: f64| top + (height - top - bottom) * (1.0 - v / highest);
    // The axes' figures are HTML beside the chart, so they keep their size however wide it is drawn.
    let top_label = dom.add(container, "div", "trend-axis", None)?;
    dom.add(&top_label, "span", "", Some(&format!("{highest:.1}")))?;
    let svg = dom.svg(container, "svg", "trend")?;
    svg.set_attribute("viewBox", &format!("0 0 {width} {height}"))?;
    svg.set_attribute("role", "img")?;
    svg.set_attribute("aria-label", label(lang, "trendChart"))?;
    dom.svg(&svg, "path", "axis")?
        .set_attribute("d", &format!("M{left} {top}V{}H{}", height - bottom, width - right))?;
    let dates = dom.add(container, "div", "trend-axis", None)?;
    dom.add(&dates, "span", "", Some(&labels[0]))?;
    if labels.len() > 1 {
        dom.add(&dates, "span", "", labels.last().map(String::as_str))?;
    }
    for (k, s) in series.iter().enumerate() {
        let colour = format!("s{}", k % SERIES_COLOURS);
        let points: Vec<String> =
            s.values.iter().enumerate().map(|(i, &v)| format!("{:.1} {:.1}", x(i), y(v))).collect();
        dom.svg(&svg, "path", &format!("line {colour}"))?.set_attribute("d", &format!("M{}", points.join("L")))?;
        for (i, &v) in s.values.iter().enumerate() {
            let point = dom.svg(&svg, "circle", &format!("point {colour}"))?;
            point.set_attribute("cx", &format!("{:.1}", x(i)))?;
            point.set_attribute("cy", &format!("{:.1}", y(v)))?;
            point.set_attribute("r", "3.5")?;
            point.set_attribute("data-doc", &i.to_string())?;
            dom.svg(&point, "title", "")?.set_text_content(Some(&format!("{} · {} · {v:.1}", labels[i], s.term)));
        }
    }
    trend_table(&dom, container, &series, &labels, lang)
}

/// The chart's figures as a table, folded away: what a screen reader reads, what a reader copies.
fn trend_table(
    dom: &Dom,
    container: &Element,
    series: &[TrendSeries],
    labels: &[String],
    lang: &str,
) -> Result<(), JsValue> {
    let details = dom.add(container, "details", "trend-figures", None)?;
    dom.add(&details, "summary", "", Some(label(lang, "trendFigures")))?;
    let table = dom.add(&details, "table", "", None)?;
    let head = dom.add(&table, "tr", "", None)?;
    dom.add(&head, "th", "", Some(label(lang, "document")))?;
    for s in series {
        dom.add(&head, "th", "", Some(&s.term))?;
    }
    for (i, name) in labels.iter().enumerate() {
        let row = dom.add(&table, "tr", "", None)?;
        dom.add(&row, "th", "", Some(name))?;
        for s in series {
            dom.add(&row, "td", "num", Some(&format!("{:.1}", s.values.get(i).copied().unwrap_or(0.0))))?;
        }
    }
    Ok(())
}
