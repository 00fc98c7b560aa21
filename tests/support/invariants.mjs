// What every result must satisfy whatever the input, checked from JS on the JS string itself:
// the mirror of tests/support/invariants.rs for the Node and browser tests. Each check throws an
// AssertionError naming the offending part.
import assert from 'node:assert/strict';

const isLow = (unit) => unit >= 0xdc00 && unit < 0xe000;
const isHigh = (unit) => unit >= 0xd800 && unit < 0xdc00;

/** `text.slice(start, end)`, after checking the span is ordered, inside and not inside a surrogate pair. */
export function slice(text, what, start, end) {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}..${end} are not integers`);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: ${start}..${end} outside 0..${text.length}`);
  for (const at of [start, end]) {
    const splits = at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
    assert.ok(!splits, `${what}: ${start}..${end} splits a surrogate pair`);
  }
  return text.slice(start, end);
}

const holds = (text, what, start, end, expected) =>
  assert.equal(slice(text, what, start, end), expected, `${what}: text.slice(${start}, ${end}) is not what the result says`);
const holdsAt = (text, what, start, expected) => holds(text, what, start, start + expected.length, expected);

function occurrences(text, what, spans, expected) {
  let previous = -1;
  for (const o of spans) {
    holds(text, what, o.start, o.end, expected);
    assert.ok(o.start > previous, `${what}: occurrences out of order at ${o.start}`);
    previous = o.start;
  }
}

function sections(text, what, list, level, from, to) {
  let at = from;
  list.forEach((s, i) => {
    const name = `${what} ${i + 1} ${JSON.stringify(s.marker)}`;
    const inside = slice(text, name, s.start, s.end);
    assert.ok(s.start >= at && s.end <= to, `${name}: ${s.start}..${s.end} outside ${at}..${to}`);
    assert.equal(s.level, level, `${name}: level`);
    assert.ok(s.marker && inside.startsWith(s.marker), `${name}: does not start with its marker`);
    assert.ok(inside.includes(s.heading), `${name}: heading ${JSON.stringify(s.heading)} not inside`);
    sections(text, `${name} >`, s.children, level + 1, s.start, s.end);
    at = s.end;
  });
}

/** Every span of analysis `a` lies in `text` and names what `a` says; counts match; sections nest. */
export function checkAnalysis(text, a) {
  assert.equal(a.stats.utf16Units, text.length, 'stats.utf16Units is text.length');
  slice(text, 'body', a.body.start, a.body.end);
  let removedEnd = 0;
  for (const r of a.removed) {
    holds(text, `removed ${r.kind}`, r.start, r.end, r.text);
    assert.ok(r.start >= removedEnd, `removed pieces overlap at ${r.start}`);
    removedEnd = r.end;
  }
  for (const t of a.terms) {
    holdsAt(text, `term ${JSON.stringify(t.term)} firstAt`, t.firstAt, t.term);
    assert.ok(t.count >= 1 && t.bySection.reduce((x, y) => x + y, 0) <= t.count, `term ${t.term}: counts`);
  }
  for (const p of a.phrases) {
    assert.equal(p.count, p.occurrences.length, `phrase ${p.text}: count vs occurrences`);
    occurrences(text, `phrase ${JSON.stringify(p.text)}`, p.occurrences, p.text);
  }
  for (const s of a.slogans) {
    assert.equal(s.count, s.occurrences.length, `slogan ${s.text}: count vs occurrences`);
    occurrences(text, `slogan ${JSON.stringify(s.text)}`, s.occurrences, s.text);
  }
  const o = a.outline;
  for (const name of ['title', 'salutation', 'closing', 'announced']) {
    if (o[name]) holds(text, name, o[name].start, o[name].end, o[name].text);
  }
  for (const p of o.interjections) holds(text, 'interjection', p.start, p.end, p.text);
  for (const issue of o.issues) {
    if (issue.start !== undefined) slice(text, `issue ${issue.message}`, issue.start, issue.end ?? issue.start);
    for (const seen of issue.series) slice(text, `evidence ${seen.marker}`, seen.start, seen.end);
  }
  sections(text, 'section', o.sections, 1, a.body.start, a.body.end);
  for (const w of a.warnings) slice(text, `warning ${w.kind}`, w.start, w.end);
}

/** The tokens tile the text: in order, no gaps or overlaps, each the word it says. */
export function checkTokens(text, tokens) {
  let at = 0;
  for (const t of tokens) {
    assert.equal(t.start, at, `token ${JSON.stringify(t.word)} at ${t.start}: gap or overlap (previous ended at ${at})`);
    holds(text, `token ${JSON.stringify(t.word)}`, t.start, t.end, t.word);
    at = t.end;
  }
  assert.equal(at, text.length, 'the tokens cover the text');
}

/**
 * `segmentColumns` and `cut` say what `segment`'s tokens say (which must tile `text`, the text as
 * wasm saw it): the same spans and tags, typed arrays, each tag named once. `cut`'s words are sliced
 * from the caller's own string (`original`, lone surrogates and all), so they join back into it.
 */
export function checkColumns(text, columns, tokens, words, original = text) {
  checkTokens(text, tokens);
  assert.ok(columns.starts instanceof Uint32Array && columns.ends instanceof Uint32Array, 'offsets are Uint32Arrays');
  assert.ok(columns.tags instanceof Uint8Array, 'tags are a Uint8Array');
  assert.equal(new Set(columns.tagNames).size, columns.tagNames.length, 'each tag named once');
  assert.deepEqual([columns.starts.length, columns.ends.length, columns.tags.length], Array(3).fill(tokens.length));
  tokens.forEach((t, i) => {
    const row = [columns.starts[i], columns.ends[i], columns.tagNames[columns.tags[i]]];
    assert.deepEqual(row, [t.start, t.end, t.pos], `token ${i} ${JSON.stringify(t.word)}`);
  });
  assert.deepEqual(words, tokens.map((t) => original.slice(t.start, t.end)), 'cut gives the words segment does');
}

/** Each concordance line is its keyword at its span, with its context on either side. */
export function checkConcordance(text, lines) {
  for (const l of lines) {
    holds(text, 'concordance keyword', l.start, l.end, l.keyword);
    holds(text, 'concordance left', l.start - l.left.length, l.start, l.left);
    holdsAt(text, 'concordance right', l.end, l.right);
  }
}

/** Every span of a comparison of `a` with `b` lies in its own text: paragraphs, their changed words, outline parts. */
export function checkComparison(a, b, c) {
  for (const p of c.paragraphs) {
    assert.equal(p.a !== undefined, p.status !== 'inserted', JSON.stringify(p));
    assert.equal(p.b !== undefined, p.status !== 'deleted', JSON.stringify(p));
    if (p.a) slice(a, `paragraph in a (${p.status})`, p.a.start, p.a.end);
    if (p.b) slice(b, `paragraph in b (${p.status})`, p.b.start, p.b.end);
    for (const w of p.deleted ?? []) assert.ok(p.a.start <= w.start && w.end <= p.a.end, 'deleted words inside their paragraph');
    for (const w of p.inserted ?? []) assert.ok(p.b.start <= w.start && w.end <= p.b.end, 'inserted words inside their paragraph');
  }
  for (const m of c.outline) {
    if (m.a) slice(a, 'outline part in a', m.a.start, m.a.end);
    if (m.b) slice(b, 'outline part in b', m.b.start, m.b.end);
  }
  for (const t of c.terms) assert.ok(Number.isFinite(t.logLikelihood) && Number.isFinite(t.logRatio) && t.countA + t.countB > 0, t.term);
}
