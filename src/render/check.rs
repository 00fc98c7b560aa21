//! The draft check's panel (审校): the counts by severity, then the findings grouped by family
//! and rule, each a button that shows it in the text, with its fix, the rule's fix-all and a
//! switch that stops checking the rule in this text. The page applies what the buttons name.

use super::{Dom, clear, field, fill, label, lookup, optional, prefix};
use crate::check::{Counts, Finding, Severity};
use crate::text::Utf16Index;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The families in the order the panel lists them: what breaks a reading first.
const FAMILIES: [&str; 9] = ["punct", "numbering", "number", "formula", "term", "template", "repeat", "quote", "typo"];

/// The findings drawn at most (the CSV holds them all): a draft with more has other troubles.
const MAX_DRAWN_FINDINGS: usize = 1_000;
/// Characters of context either side of a finding, and of the flagged words shown at most.
const CONTEXT_CHARS: usize = 8;
const FLAGGED_CHARS: usize = 24;

fn severity_id(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A rule's or family's name in `lang`, else its id.
fn name(lang: &str, prefix: &str, id: &str) -> String {
    lookup(lang, &format!("{prefix}.{id}")).unwrap_or(id).to_string()
}

/// Draws `result` (what `check` returns for `text`) into `container`. Findings are buttons carrying
/// `data-finding` (their index in `result.findings`) and `data-start`/`data-end`; a fix is a
/// `data-fix` button, a rule's fix-all `data-fix-rule`, switching it off `data-ignore`; the
/// `ignored` rules are listed with `data-unignore` buttons. Text goes in as text nodes only.
#[wasm_bindgen(js_name = renderCheck, skip_typescript)]
pub fn render_check(
    container: &Element,
    result: JsValue,
    text: &str,
    lang: &str,
    ignored: Option<Vec<String>>,
) -> Result<(), JsValue> {
    let page = Page { dom: Dom::new()?, text, index: Utf16Index::new(text), lang };
    let counts: Counts = optional(&result, "counts")?.unwrap_or_default();
    let (findings, total) = prefix::<Finding>(&field(&result, "findings"), MAX_DRAWN_FINDINGS, "findings")?;
    let dom = &page.dom;
    clear(container);
    let summary = dom.add(container, "p", "check-counts", None)?;
    for (severity, count) in
        [(Severity::Error, counts.error), (Severity::Warning, counts.warning), (Severity::Info, counts.info)]
    {
        let id = severity_id(severity);
        let chip =
            dom.add(&summary, "span", &format!("count sev-{id}"), Some(label(lang, &format!("severity.{id}"))))?;
        dom.text(&chip, " ")?;
        dom.add(&chip, "strong", "", Some(&count.to_string()))?;
    }
    let ignored = ignored.unwrap_or_default();
    if !ignored.is_empty() {
        let list = dom.add(container, "p", "check-ignored", Some(label(lang, "checkIgnored")))?;
        for rule in &ignored {
            let item = dom.add(&list, "span", "ignored", Some(&name(lang, "checkRule", rule)))?;
            dom.button(&item, "quiet", label(lang, "checkUnignore"), "unignore", rule)?;
        }
    }
    if total == 0 {
        dom.add(container, "p", "hint", Some(label(lang, "checkNone")))?;
    }
    for family in FAMILIES {
        let of_family: Vec<usize> = (0..findings.len()).filter(|&i| family_of(&findings[i].rule) == family).collect();
        if !of_family.is_empty() {
            render_family(&page, container, &findings, &of_family, family)?;
        }
    }
    if total > findings.len() {
        dom.add(
            container,
            "p",
            "hint",
            Some(&fill(label(lang, "checkMore"), &[&(total - findings.len()).to_string()])),
        )?;
    }
    Ok(())
}

fn family_of(rule: &str) -> &str {
    rule.split('.').next().unwrap_or(rule)
}

/// What the panel's parts draw with: the text checked, indexed for its UTF-16 spans.
struct Page<'t> {
    dom: Dom,
    text: &'t str,
    index: Utf16Index<'t>,
    lang: &'t str,
}

/// A family's section: its rules in the order they first occur, each with its findings.
fn render_family(
    page: &Page,
    container: &Element,
    findings: &[Finding],
    of_family: &[usize],
    family: &str,
) -> Result<(), JsValue> {
    let (dom, lang) = (&page.dom, page.lang);
    let section = dom.add(container, "section", "check-family", None)?;
    dom.add(&section, "h3", "", Some(&format!("{} · {}", name(lang, "checkFamily", family), of_family.len())))?;
    let mut rules: Vec<&str> = Vec::new();
    for &i in of_family {
        if !rules.contains(&findings[i].rule.as_str()) {
            rules.push(&findings[i].rule);
        }
    }
    for rule in rules {
        let of_rule: Vec<usize> = of_family.iter().copied().filter(|&i| findings[i].rule == rule).collect();
        let head = dom.add(&section, "div", "check-rule", None)?;
        dom.add(&head, "h4", "", Some(&format!("{} · {}", name(lang, "checkRule", rule), of_rule.len())))?;
        let fixes = of_rule.iter().filter(|&&i| findings[i].fix.is_some()).count();
        if fixes > 1 {
            dom.button(&head, "quiet", &fill(label(lang, "checkFixAll"), &[&fixes.to_string()]), "fix-rule", rule)?;
        }
        dom.button(&head, "quiet", label(lang, "checkIgnore"), "ignore", rule)?;
        let list = dom.add(&section, "ul", "findings", None)?;
        for i in of_rule {
            render_finding(page, &list, &findings[i], i)?;
        }
    }
    Ok(())
}

/// A finding: the words it flags in their context and its message, as a button that shows it in
/// the text, and its fix.
fn render_finding(page: &Page, list: &Element, f: &Finding, i: usize) -> Result<(), JsValue> {
    let (dom, lang) = (&page.dom, page.lang);
    let severity = severity_id(f.severity);
    let li = dom.add(list, "li", &format!("sev-{severity}"), None)?;
    let show = dom.span_button(&li, "span finding", "", f.start, f.end)?;
    show.set_attribute("data-finding", &i.to_string())?;
    let (before, flagged, after) = page.excerpt(f);
    let excerpt = dom.add(&show, "span", "excerpt", Some(&before))?;
    excerpt.set_attribute("lang", "zh-CN")?;
    dom.add(&excerpt, "mark", "", Some(&flagged))?;
    dom.text(&excerpt, &after)?;
    dom.add(&show, "span", "message", Some(&f.message))?;
    show.set_attribute("title", label(lang, &format!("severity.{severity}")))?;
    if let Some(fix) = &f.fix {
        let text = if fix.replacement.is_empty() {
            label(lang, "checkDelete").to_string()
        } else {
            fill(label(lang, "checkFix"), &[&fix.replacement])
        };
        dom.button(&li, "quiet fix", &text, "fix", &i.to_string())?;
    }
    Ok(())
}

impl Page<'_> {
    /// The words `f` flags (cut short when long) and a few characters either side on their line.
    fn excerpt(&self, f: &Finding) -> (String, String, String) {
        let (start, end) = (self.index.byte(f.start.min(f.end)), self.index.byte(f.end));
        let line = |s: &str| s.chars().take_while(|&c| c != '\n').take(CONTEXT_CHARS).collect::<String>();
        let mut before: Vec<char> =
            self.text[..start].chars().rev().take_while(|&c| c != '\n').take(CONTEXT_CHARS).collect();
        before.reverse();
        let flagged = &self.text[start..end];
        let shown = if flagged.chars().count() > FLAGGED_CHARS {
            flagged.chars().take(FLAGGED_CHARS).chain(['…']).collect()
        } else {
            flagged.to_string()
        };
        (before.into_iter().collect(), shown, line(&self.text[end..]))
    }
}
