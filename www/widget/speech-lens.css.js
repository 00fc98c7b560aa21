// The widget's shadow-DOM styles. A host page themes it with the custom properties below (set them
// on `speech-lens` or any ancestor) and reaches further in with ::part(container | bar | status |
// progress | input | input-label | stats | text | results | tabs | tab | panel | kwic). The layout
// follows the element's own width (a container query), not the window's: widgets sit in columns.
export const css = `
:host {
  --_ink: var(--speechlens-ink, #1d232a);
  --_muted: var(--speechlens-muted, #545c66);
  --_bg: var(--speechlens-bg, #fff);
  --_line: var(--speechlens-line, #dcd8cf);
  --_accent: var(--speechlens-accent, #a4161a);
  --_focus: var(--speechlens-focus, #1a73e8);
  display: block;
  container-type: inline-size;
  font-family: var(--speechlens-font, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif);
  color: var(--_ink);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: var(--speechlens-radius, 6px);
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.lens { padding: .6rem .8rem; }
.bar { display: flex; align-items: center; gap: .6rem; }
.bar:has(.status:empty):has(progress[hidden]) { display: none; }
.status, .stats { color: var(--_muted); font-size: .85rem; }
progress { width: 6rem; accent-color: var(--_accent); }
label.input { display: block; font-weight: 600; font-size: .9rem; margin: .3rem 0; }
textarea {
  display: block; width: 100%; box-sizing: border-box; height: var(--speechlens-input-height, 6rem); margin-top: .3rem;
  font: inherit; font-weight: normal; font-size: .9rem; padding: .4rem; color: inherit; background: inherit;
  border: 1px solid var(--_line); border-radius: 4px; resize: vertical;
}
.stats { margin: .3rem 0 .5rem; }
.body { display: grid; gap: .8rem; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 760px) { .body { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); } }
.text {
  white-space: pre-wrap; line-height: 1.9; border: 1px solid var(--_line); border-radius: 4px; padding: .6rem .8rem;
  max-height: var(--speechlens-height, 28rem); overflow: auto;
}
button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
mark { background: none; color: inherit; }
mark.hl-removed { color: var(--_muted); text-decoration: line-through; }
mark.hl-term { background: var(--speechlens-mark-term, #ffe58f); }
mark.hl-slogan { background: var(--speechlens-mark-slogan, #ffd0c2); }
mark.hl-phrase { background: var(--speechlens-mark-phrase, #cde8ff); }
mark.hl-section { background: var(--speechlens-mark-section, #d9f2d0); }
[role=tablist] { display: flex; gap: .2rem; border-bottom: 1px solid var(--_line); }
[role=tab] {
  border: 1px solid transparent; border-bottom: 0; background: none; padding: .35rem .9rem;
  border-radius: 4px 4px 0 0; color: var(--_muted);
}
[role=tab][aria-selected=true] { border-color: var(--_line); color: var(--_ink); font-weight: 600; margin-bottom: -1px; background: var(--_bg); }
[role=tabpanel] {
  border: 1px solid var(--_line); border-top: 0; padding: .5rem .7rem;
  max-height: var(--speechlens-height, 28rem); overflow: auto;
}
[role=tablist][hidden] + [role=tabpanel] { border-top: 1px solid var(--_line); }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #eee; }
th button.sort { border: 0; background: none; font-weight: 600; padding: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pos { color: var(--_muted); font-size: .8rem; }
td span.lexicon { display: block; color: var(--_muted); font-size: .7rem; line-height: 1.2; }
button.term, button.slogan, button.phrase, button.span, button.hit { border: 0; background: none; padding: 0; text-align: left; font-weight: inherit; }
button.term:hover, button.slogan:hover, button.phrase:hover { color: var(--_accent); text-decoration: underline; }
td.spread svg { display: block; height: 1.2rem; max-width: 16rem; }
td.spread .bars { fill: var(--_accent); opacity: .7; }
td.spread .bars.zero { fill: var(--_line); }
h3 { font-size: .92rem; margin: .9rem 0 .3rem; }
.count, .weight, .meta, .top { color: var(--_muted); font-size: .8rem; margin-left: .5rem; }
.expansion, .frame, .speaker { font-size: .85rem; margin-left: .5rem; }
section.slogans ul, ol.keywords, ul.phrases { margin: 0; padding-left: 1.2rem; line-height: 1.8; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1rem; margin: 0; }
ul.tree { padding-left: 0; }
li.section .row { padding: .2rem 0; cursor: pointer; }
.marker { font-weight: 700; margin-right: .4rem; color: var(--_accent); }
.top { display: block; margin-left: 0; }
dl.parts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; font-size: .88rem; }
dl.parts dt { color: var(--_muted); }
dl.parts dd { margin: 0; }
ul.issues { padding-left: 0; list-style: none; }
li.issue { color: var(--_accent); }
li.issue .evidence { color: var(--_muted); font-size: .85em; margin-left: 1.4em; }
.warn { margin-right: .4rem; }
/* Key word in context: one line per occurrence, the contexts clipped towards the key word. */
.kwic-title { font-size: .9rem; margin: .3rem 0; }
.kwic-term, table.kwic td.hit { color: var(--_accent); }
table.kwic tr { cursor: pointer; }
table.kwic td { padding: .1rem .2rem; white-space: nowrap; }
table.kwic td.left, table.kwic td.right { width: 50%; max-width: 0; overflow: hidden; color: var(--_muted); }
table.kwic td.left { text-align: right; }
table.kwic td.left .clip { display: flex; justify-content: flex-end; overflow: hidden; }
table.kwic td.hit { width: 1%; font-weight: 700; text-align: center; }
/* The widget shows every section; folding is the page's. */
.twisty { display: none; }
.expansion .item { display: inline-block; white-space: nowrap; background: #f4f1ea; border-radius: 3px; padding: 0 .3rem; margin: 0 .2rem .1rem 0; }
.help { margin: 0 0 .4rem; font-size: .8rem; color: var(--_muted); }
summary { font-weight: 600; cursor: pointer; }
.kwic:not(:empty) { margin-bottom: .7rem; max-height: 12rem; overflow: auto; border-bottom: 1px solid var(--_line); }
.empty { color: var(--_muted); }
@media print {
  .bar, label.input, [role=tablist] { display: none; }
  .body { display: block; }
  [role=tabpanel][hidden] { display: block !important; }
  .text, [role=tabpanel] { max-height: none; overflow: visible; border: 0; }
}
`;
