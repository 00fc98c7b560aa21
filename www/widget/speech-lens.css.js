// The one stylesheet of the view, for the standalone page and the embedded element alike (one
// constructed sheet in the shadow root). A host page themes it with the custom properties below
// (set them on `speech-lens` or any ancestor) and reaches further in with ::part(container | bar |
// status | progress | input | stats | text | results | tabs | tab | panel | kwic). The layout follows
// the element's own width (a container query), not the window's: widgets sit in columns.
export const css = `
:host {
  --_ink: var(--speechlens-ink, #1d232a);
  --_muted: var(--speechlens-muted, #545c66);
  --_bg: var(--speechlens-bg, #fff);
  --_line: var(--speechlens-line, #dcd8cf);
  --_accent: var(--speechlens-accent, #a4161a);
  --_focus: var(--speechlens-focus, #1a5fd0);
  --_warn: var(--speechlens-warn, #b35c00);
  --_term: var(--speechlens-mark-term, #ffe58f);
  --_current: var(--speechlens-mark-current, #ffb020);
  --_slogan: var(--speechlens-mark-slogan, #ffd0c2);
  --_phrase: var(--speechlens-mark-phrase, #cde8ff);
  --_section: var(--speechlens-mark-section, #d9f2d0);
  --_removed: var(--speechlens-removed, #737b85);
  --_noun: #a4161a; --_verb: #1f5f99; --_other: #5a6b2f;
  display: block;
  container-type: inline-size;
  font-family: var(--speechlens-font, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif);
  color: var(--_ink);
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: var(--speechlens-radius, 6px);
}
/* English labels in a Latin face (CJK fonts set ’ and “” full width); the speech itself stays zh-CN. */
:host(:lang(en)) { font-family: var(--speechlens-font, system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif); }
[lang|=zh] { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.print-only { display: none; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.lens { padding: .6rem .8rem; }
.lens.dragging textarea { outline: 3px dashed var(--_accent); outline-offset: 2px; }
.stale .stats, .stale .text-view, .stale .results { opacity: .55; }
.comparison.stale { opacity: .55; }

label, h2 { font-weight: 600; font-size: .95rem; }
h2 { margin: 0; }
h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
.row-head { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; margin: .2rem 0 .4rem; }
.row-head > :first-child { margin-right: auto; }
textarea {
  display: block; width: 100%; box-sizing: border-box; height: var(--speechlens-input-height, 8rem);
  font: inherit; font-weight: normal; font-size: .9rem; padding: .5rem; color: inherit; background: inherit;
  border: 1px solid var(--_line); border-radius: 4px; resize: vertical;
}
.hint { margin: .25rem 0 0; font-size: .8rem; color: var(--_muted); }
button, select, input { font: inherit; color: inherit; }
button { cursor: pointer; }
button:disabled { cursor: default; opacity: .55; }
/* A quiet button waiting for something (a selection): muted words without a box, not an empty field. */
button.quiet:disabled { opacity: 1; color: var(--_muted); border-color: transparent; background: none; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .6rem 0 .2rem; }
#analyze { background: var(--_accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem 1.4rem; }
button.quiet { border: 1px solid var(--_line); background: var(--_bg); border-radius: 4px; padding: .2rem .6rem; font-size: .85rem; }
button.quiet:hover:not(:disabled) { border-color: var(--_muted); }
label.check { font-weight: normal; font-size: .85rem; display: inline-flex; align-items: center; gap: .3rem; cursor: pointer; }
.bar { display: flex; align-items: center; gap: .6rem; }
.status { min-height: 1.3em; margin: .3rem 0 0; color: var(--_muted); font-size: .85rem; }
.status.error { color: var(--_accent); font-weight: 600; }
.status.error::before { content: "⚠ "; }
progress { width: 6rem; accent-color: var(--_accent); }
.stats { margin: .2rem 0 .8rem; font-size: .85rem; }

.body { display: grid; gap: 1rem 1.4rem; grid-template-columns: minmax(0, 1fr); align-items: start; }
@container (min-width: 760px) {
  .body { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); }
  .results { position: sticky; top: .5rem; }
  .text-view { max-height: var(--speechlens-height, 70vh); overflow: auto; }
  [role=tabpanel] { max-height: var(--speechlens-height, calc(100vh - 5rem)); overflow: auto; }
}
/* The compare and corpus views take the whole width, above the text view (folded unless opened). */
.wide .body { grid-template-columns: minmax(0, 1fr); }
.wide .results { order: -1; position: static; }
.wide [role=tabpanel] { max-height: none; overflow: visible; }
.lens:not(.wide) #fold-text { display: none; }
.reading.folded > :not(.row-head) { display: none; }
/* Narrow: the results come first, and nothing scrolls inside the page's own scrolling. */
@container (max-width: 759.98px) {
  .results { order: -1; }
  /* Six tabs share the line at 390 px, none wrapped onto one of its own. */
  [role=tablist] { gap: 0; }
  [role=tablist] > [role=tab] { flex: 1 1 auto; padding: .5rem .1rem; font-size: .8rem; white-space: nowrap; }
  ol.keywords { columns: 1; }
  .word-form input { width: 9rem; }
  table.terms th, table.terms td { padding: .2rem .25rem; }
  table.terms td.pos { overflow-wrap: anywhere; }
  td.spread svg { max-width: 5rem; }
}

.word-tools { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .8rem; margin-bottom: .4rem; }
.selection { margin-left: .2rem; }
.word-form, .search-form { display: inline-flex; gap: .3rem; }
.word-form input, .search-form input { width: 12rem; max-width: 50vw; font-size: .85rem; padding: .15rem .4rem; border: 1px solid var(--_line); border-radius: 4px; }
.search-form { margin: .5rem 0 0; }
ul.words { display: inline-flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: 0; padding: 0; }
ul.words li { background: var(--_section); border-radius: 1rem; padding: 0 .2rem 0 .6rem; font-size: .85rem; }
ul.words button.remove { border: 0; background: none; padding: 0 .3rem; color: var(--_muted); }

.text-view { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; background: var(--_bg); border: 1px solid var(--_line); border-radius: 4px; padding: .8rem 1rem; }
mark { background: none; color: inherit; border-radius: 2px; }
mark.hl-removed { color: var(--_removed); background: repeating-linear-gradient(135deg, transparent 0 6px, #f0eee9 6px 8px); }
mark.hl-section { background: var(--_section); }
mark.hl-phrase { background: var(--_phrase); }
mark.hl-slogan { background: var(--_slogan); }
mark.hl-term { background: var(--_term); }
mark.hl-current { background: var(--_current); outline: 2px solid var(--_current); }
mark.hl-issue, mark.hl-warning { text-decoration: underline wavy var(--_warn); text-underline-offset: 3px; }
mark.hl-issue-start::before, mark.hl-warning-start::before { content: "⚠"; color: var(--_warn); margin-right: .15em; }

[role=tablist] { display: flex; gap: .3rem; border-bottom: 1px solid var(--_line); }
[role=tab] { border: 1px solid transparent; border-bottom: 0; background: none; padding: .4rem .7rem; border-radius: 4px 4px 0 0; color: var(--_muted); }
[role=tab][aria-selected=true] { border-color: var(--_line); background: var(--_bg); color: var(--_ink); font-weight: 600; margin-bottom: -1px; }
[role=tabpanel] { background: var(--_bg); border: 1px solid var(--_line); border-top: 0; padding: .6rem .8rem; }
[role=tablist][hidden] + [role=tabpanel] { border-top: 1px solid var(--_line); }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .9rem; padding-bottom: .5rem; border-bottom: 1px solid var(--_line); }
.toolbar label { font-weight: normal; font-size: .85rem; }
.toolbar select { margin-left: .3rem; font-size: .85rem; }
.toolbar .spacer { flex: 1; }
details { margin-top: .6rem; }
summary { font-weight: 600; font-size: .95rem; cursor: pointer; }

/* Key word in context: in the panel's flow above its lists, so it covers nothing it was opened from. */
.kwic-box { position: relative; margin-top: .6rem; padding: .2rem .6rem .4rem; background: #fffbea; border: 1px solid #f1e3a6; border-radius: 4px; }
/* The CSV and close buttons sit on the title's line, which keeps room for them: they cover no context. */
.kwic-tools { position: absolute; top: .35rem; right: .6rem; z-index: 2; display: flex; gap: .3rem; }
.kwic-box .close { padding: 0 .45rem; }
.kwic-title { margin: .3rem 0; font-size: .9rem; }
#kwic .kwic-title { margin: 0; padding: .3rem 10rem .3rem 0; background: #fffbea; }
/* Where the lines scroll, the title stays above them, under the buttons. */
@container (min-width: 760px) {
  .kwic-view { max-height: 14rem; overflow: auto; }
  #kwic .kwic-title { position: sticky; top: 0; z-index: 1; }
}
.kwic-term { color: var(--_accent); }
table.kwic { width: 100%; border-collapse: collapse; font-size: .88rem; }
table.kwic tr { cursor: pointer; }
table.kwic tr:hover { background: #fff3c4; }
table.kwic td { padding: .1rem .2rem; white-space: nowrap; border-bottom: 1px solid #f4ecd0; }
table.kwic td.left, table.kwic td.right { width: 50%; max-width: 0; overflow: hidden; color: var(--_muted); }
table.kwic td.left .clip { display: flex; justify-content: flex-end; overflow: hidden; }
table.kwic td.hit { width: 1%; text-align: center; }
table.kwic button.hit { border: 0; background: none; padding: 0 .1rem; font-weight: 700; color: var(--_accent); }

ol.bars { list-style: none; margin: .4rem 0 0; padding: 0; display: grid; grid-template-columns: max-content 1fr max-content; gap: .15rem .5rem; align-items: center; font-size: .85rem; }
ol.bars li { display: contents; }
ol.bars .track { height: .8rem; background: #f2f0eb; border-radius: 2px; }
ol.bars .fill { display: block; height: 100%; width: calc(var(--w, 0) * 1%); background: var(--_accent); opacity: .75; border-radius: 2px; }
ol.bars .n { color: var(--_muted); font-variant-numeric: tabular-nums; text-align: right; }

.cloud { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: .1rem .7rem; padding: .6rem .2rem; line-height: 1.15; }
.cloud .word { cursor: pointer; font-size: calc(.8rem + var(--s, 0) * .019rem); font-weight: 600; border: 0; background: none; padding: 0; }
.cloud .word:hover { text-decoration: underline; }
.cloud .noun, .legend .noun::before { color: var(--_noun); }
.cloud .verb, .legend .verb::before { color: var(--_verb); }
.cloud .other, .legend .other::before { color: var(--_other); }
.cloud .word.active { background: var(--_term); border-radius: 3px; }
.legend { margin: 0; font-size: .75rem; color: var(--_muted); text-align: center; }
.legend .swatch { margin: 0 .4rem; }
.legend .swatch::before { content: "● "; }

table { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.terms thead th { position: sticky; top: 0; background: var(--_bg); box-shadow: 0 1px 0 var(--_line); z-index: 1; }
/* In the scrolling panel a sticky box stops at the panel's padding: the header goes up into it, so no row shows above it. */
@container (min-width: 760px) { table.terms thead th { top: -.6rem; } }
th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #eee; }
th.num, td.num { text-align: right; }
th button.sort { border: 0; background: none; font-weight: 600; padding: 0; }
th[aria-sort] button.sort { color: var(--_accent); }
td.num { font-variant-numeric: tabular-nums; }
td.pos { color: var(--_muted); font-size: .8rem; }
td span.lexicon { display: block; color: var(--_muted); font-size: .7rem; line-height: 1.2; }
button.term, button.slogan, button.phrase, button.span, button.doc { border: 0; background: none; padding: 0; text-align: left; font-weight: inherit; }
button.term:hover, button.slogan:hover, button.phrase:hover, button.span:hover, button.doc:hover { color: var(--_accent); text-decoration: underline; }
button.term.active { background: var(--_term); }
td.spread { min-width: 3rem; }
td.spread svg { display: block; height: 1.1rem; max-width: 16rem; }
td.spread .bars { fill: var(--_accent); opacity: .7; }
td.spread .bars.zero { fill: var(--_line); }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .8rem; margin: .5rem 0; font-size: .85rem; color: var(--_muted); }
.pager .shown { margin-right: auto; }
.help { margin: 0 0 .4rem; font-size: .8rem; color: var(--_muted); }
.count, .weight, .meta { color: var(--_muted); font-size: .8rem; margin-left: .5rem; font-weight: normal; }
.gloss { color: var(--_muted); font-size: .8rem; margin-left: .5rem; font-style: italic; }
.meta { white-space: nowrap; }
ol.keywords, ul.phrases, section.slogans ul { margin: 0; padding-left: 1.4rem; line-height: 1.8; }
ol.keywords { columns: 2; column-gap: 1.5rem; }

/* Short entries flow in columns; formulas with expansions, quotations and titles take the full width. */
section.kind-quoted ul, section.kind-idiom ul, section.kind-lexicon ul { columns: 3 11rem; column-gap: 1.5rem; }
section.slogans li { margin-bottom: .15rem; break-inside: avoid; }
.expansion, .frame, .speaker { font-size: .82rem; margin-left: .6rem; }
.expansion .what, .frame .what, .speaker .what { color: var(--_muted); margin-right: .3rem; }
.expansion .what::after, .frame .what::after, .speaker .what::after { content: ":"; }
.expansion .item { display: inline-block; white-space: nowrap; background: #f4f1ea; border-radius: 3px; padding: 0 .3rem; margin: 0 .2rem .1rem 0; line-height: 1.5; }
button.slogan { vertical-align: top; }

/* The comparison: B's words to the right in the accent colour, A's to the left in blue. */
textarea.compare-input { height: 6rem; margin: .3rem 0; }
table.sizes { width: auto; margin: .6rem 0; }
ol.diverging { list-style: none; margin: .4rem 0 0; padding: 0; display: grid; grid-template-columns: max-content 1fr max-content; gap: .15rem .5rem; align-items: center; font-size: .85rem; }
ol.diverging li { display: contents; }
ol.diverging .track { height: .8rem; display: flex; }
ol.diverging .fill { display: block; height: 100%; width: calc(var(--w, 0) * 0.5%); opacity: .75; border-radius: 2px; }
ol.diverging li.toward-b .fill { margin-left: 50%; background: var(--_accent); }
ol.diverging li.toward-a .fill { margin-left: calc(50% - var(--w, 0) * 0.5%); background: var(--_verb); }
ol.diverging .n { color: var(--_muted); font-variant-numeric: tabular-nums; text-align: right; }
ul.formulations { columns: 2 12rem; margin: 0; padding-left: 1.2rem; line-height: 1.8; }
table.outlines td { width: 50%; vertical-align: top; }
table.outlines td[data-level="2"] { padding-left: 1.4rem; }
table.outlines tr.alone td:empty { background: #f6f4ef; }
/* The corpus: its documents, and terms across them (colours s0…s5, one per term). */
table.documents td.name { min-width: 5.5rem; }
table.documents button.doc { color: var(--_accent); text-decoration: underline; overflow-wrap: anywhere; }
#trend-form { display: flex; flex-wrap: wrap; align-items: center; }
#trend-form label { flex-basis: 100%; font-weight: 600; }
.trend-axis { display: flex; justify-content: space-between; font-size: .75rem; color: var(--_muted); }
table.documents td.keywords { font-size: .85rem; min-width: 8rem; }
table.documents td.date { white-space: nowrap; }
table.documents td.alarm { color: var(--_accent); font-weight: 600; }
#corpus-progress { width: 100%; }
@container (max-width: 559px) {
  table.documents tr { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0 .6rem; padding: .3rem 0; border-bottom: 1px solid var(--_line); }
  /* The header row stays, as a row of the buttons that sort. */
  table.documents tr:first-child { display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
  table.documents th { border: 0; padding: 0; font-size: .85rem; }
  table.documents th:not(:has(button)) { display: none; }
  table.documents td { display: block; border: 0; padding: 0; text-align: left; }
  table.documents td.name, table.documents td.keywords { grid-column: 1 / -1; }
  table.documents td:not(.name)::before { content: attr(data-label) " "; color: var(--_muted); font-size: .75rem; }
}
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: 0; margin: .4rem 0; font-size: .9rem; }
ul.legend li::before { content: ""; display: inline-block; width: .9rem; height: .25rem; margin-right: .3rem; vertical-align: middle; background: currentColor; }
svg.trend { width: 100%; height: auto; display: block; overflow: visible; }
svg.trend .axis { fill: none; stroke: var(--_line); }
svg.trend .line { fill: none; stroke: currentColor; stroke-width: 2; }
svg.trend .point { fill: currentColor; cursor: pointer; }
.s0 { color: #b03a2e; } .s1 { color: #2e6da4; } .s2 { color: #2e7d4f; } .s3 { color: #8e5a9b; } .s4 { color: #b9770e; } .s5 { color: #555; }
details.trend-figures { font-size: .85rem; margin: .4rem 0 .8rem; }

/* The two texts side by side; on a phone each row stacks A over B, each cell named. */
label.changes-only { display: inline-flex; gap: .3rem; align-items: center; font-size: .85rem; margin: .2rem 0 .4rem; }
.side-by-side:has(label.changes-only input:checked) tr.same { display: none; }
table.aligned { table-layout: fixed; }
table.aligned td { width: 50%; vertical-align: top; line-height: 1.8; padding: .3rem .5rem; }
table.aligned tr.same td { color: var(--_muted); }
table.aligned tr.moved td { background: #f6f4ef; }
table.aligned td .status { display: inline-block; margin-right: .4rem; font-size: .72rem; color: var(--_muted); border: 1px solid var(--_line); border-radius: 3px; padding: 0 .25rem; line-height: 1.4; }
@container (max-width: 759px) {
  table.aligned tr:first-child { display: none; }
  table.aligned tr, table.aligned td { display: block; width: auto; }
  table.aligned td:empty { display: none; }
  table.aligned td::before { content: attr(data-side); display: block; font-size: .72rem; color: var(--_muted); }
}
del { color: var(--_verb); text-decoration: line-through; background: #e8f0fa; }
ins { color: var(--_accent); text-decoration: none; background: #fde8e4; border-bottom: 1px solid var(--_accent); }
.compare-kwic { display: grid; gap: .6rem; grid-template-columns: minmax(0, 1fr); margin: .6rem 0; padding: .2rem .6rem; background: #fffbea; border: 1px solid #f1e3a6; border-radius: 4px; }
@container (min-width: 760px) { .compare-kwic { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
dl.parts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; font-size: .9rem; margin: .2rem 0 .8rem; }
dl.parts dt { color: var(--_muted); }
dl.parts dd { margin: 0; }
ul.tree, ul.tree ul { list-style: none; padding-left: 0; margin: 0; }
ul.tree ul { padding-left: 1.2rem; border-left: 1px solid var(--_line); margin-left: .5rem; }
li.section > .row { padding: .25rem .3rem; cursor: pointer; border-radius: 3px; }
li.section > .row:hover { background: #f6f4ef; }
li.section:focus { outline: none; }
li.section:focus-visible > .row { outline: 3px solid var(--_focus); outline-offset: 0; }
li.section[aria-selected=true] > .row { background: var(--_section); }
li.section[aria-expanded=false] > ul { display: none; }
.twisty { display: inline-block; width: 1.1rem; color: var(--_muted); }
li[aria-expanded=true] > .row .twisty::before { content: "▾"; }
li[aria-expanded=false] > .row .twisty::before { content: "▸"; }
.marker { font-weight: 700; margin-right: .4rem; color: var(--_accent); }
.warn { color: var(--_warn); margin: 0 .3rem; }
.top { display: block; margin-left: 1.1rem; color: var(--_muted); font-size: .8rem; }
ul.issues { padding-left: 0; list-style: none; margin: 0; }
li.issue { color: var(--_warn); }
li.issue button.span { color: var(--_warn); }
li.issue .evidence { color: var(--_muted); font-size: 0.85em; margin-left: 1.4em; }
details.removed ul { font-size: .85rem; color: var(--_removed); padding-left: 1.2rem; }
details.removed .kind { display: inline-block; min-width: 5rem; margin-right: .4rem; font-size: .75rem; }
details.removed button.span { color: var(--_removed); }
.empty { color: var(--_muted); }
/* The draft check: each severity its colour, in the panel and underlined in the text view. */
.sev-error { --_sev: var(--speechlens-check-error, #c0141b); }
.sev-warning { --_sev: var(--speechlens-check-warning, #b35c00); }
.sev-info { --_sev: var(--speechlens-check-info, #2e6da4); }
mark.hl-check-error { text-decoration: underline wavy var(--speechlens-check-error, #c0141b); background: #fde8e4; }
mark.hl-check-warning { text-decoration: underline wavy var(--speechlens-check-warning, #b35c00); background: #fff1dc; }
mark.hl-check-info { text-decoration: underline dotted var(--speechlens-check-info, #2e6da4); }
mark.hl-check-error, mark.hl-check-warning, mark.hl-check-info { text-underline-offset: 3px; }
.check-counts { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0; }
.check-counts .count { margin: 0; font-size: .85rem; color: var(--_sev); border: 1px solid var(--_sev); border-radius: 1rem; padding: .05rem .6rem; }
.check-ignored { font-size: .85rem; color: var(--_muted); display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; }
section.check-family h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
.check-rule { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .8rem; margin-top: .3rem; }
.check-rule h4 { font-size: .88rem; margin: 0; flex: 1 1 10rem; }
.check-rule button, ul.findings button.fix { font-size: .8rem; }
ul.findings { list-style: none; margin: .1rem 0 .4rem; padding: 0; }
ul.findings li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .1rem .6rem; padding: .15rem 0 .15rem .5rem; border-left: 3px solid var(--_sev); }
ul.findings button.finding { text-align: left; color: var(--_ink); flex: 1 1 14rem; }
ul.findings .excerpt { display: block; }
ul.findings .excerpt mark { background: #fde8e4; color: var(--_sev); font-weight: 700; padding: 0 .1em; }
ul.findings .message { display: block; font-size: .8rem; color: var(--_muted); }

@media print {
  .bar, .source, .word-tools, .toolbar, .search-form, [role=tablist], .kwic-box, .pager, .row-head label.check, #fold-text { display: none !important; }
  .reading.folded .text-view { display: block !important; }
  .print-only { display: block; margin: 1.2rem 0 .4rem; font-size: 1.1rem; }
  /* The compare panel prints only with a comparison in it, and without its input. */
  #panel-compare:has(.comparison:empty), textarea.compare-input, #compare-hint, label[for=compare-input], .compare-kwic { display: none !important; }
  /* The corpus panel likewise, with its documents and the trend shown. */
  #panel-corpus:has(.corpus:empty), #panel-corpus > .hint, #corpus-progress { display: none !important; }
  /* The check panel likewise, once the text has been checked; its buttons stay off paper. */
  #panel-check:has(.check-findings:empty), #panel-check > .hint, .check-rule button, ul.findings button.fix { display: none !important; }
  .body { display: block; }
  .results { position: static; }
  [role=tabpanel][hidden] { display: block !important; }
  [role=tabpanel] { border: 0; padding: 0; margin-top: 1rem; max-height: none; overflow: visible; }
  .text-view, .table-wrap { max-height: none; overflow: visible; border: 0; padding: 0; }
  table.terms thead th { position: static; }
  mark.hl-removed { background: none; text-decoration: line-through; }
  li.section[aria-expanded=false] > ul { display: block; }
  details > :not(summary) { display: block; }
}
`;
