import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import { SEVERITIES, type Excerpt, type Finding, type Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { ruleById } from '../rules/index.js';
import { REPORT_SIGNATURE } from '../version.js';
import { renderSpooled, type Report, type ReportDocument, type ReportSummary, type RunInfo, type SpooledStream } from './model.js';
import { barChart, type Bar } from './svg.js';
import { byErrors, bySeverity, groupByTable, isOpenProblem, lightTally, primaryLocation, tally, type DocumentTally } from './summary.js';
import { acceptanceText, WORDS, type Words } from './words.js';

export interface HtmlOptions {
  lang: Lang;
  /** The run, for the cover: date, inputs, settings, input hashes. No cover without it. */
  run?: RunInfo;
}

/** Every value that reaches the page passes through here: text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const e = escapeHtml;

// No network: the policy forbids every fetch, so the page is the same offline, from file:// or from a mail attachment.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root{--error:#b42318;--error-bg:#fef3f2;--warning:#b54708;--warning-bg:#fffaeb;--info:#175cd3;--info-bg:#eff8ff;--pass:#067647;--line:#d0d5dd;--muted:#475467;--hit:#fde68a}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:16px 24px;font:14px/1.5 system-ui,"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",sans-serif;color:#101828;background:#fff}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:0 0 4px}h3{font-size:15px;margin:16px 0 8px;color:var(--muted)}
.tool,.source{color:var(--muted);margin:0 0 12px;word-break:break-all}
[hidden]{display:none!important}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0;padding:0}
.counts div{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:92px}
.counts dt{font-size:12px;color:var(--muted)}.counts dd{margin:0;font-size:20px;font-weight:600}
.counts .error dd{color:var(--error)}.counts .warning dd{color:var(--warning)}.counts .info dd{color:var(--info)}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f2f4f7;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ranking{width:100%;margin-bottom:16px}
.outcome-pass{color:var(--pass);font-weight:600}.outcome-fail,.outcome-unreadable{color:var(--error);font-weight:600}
.ranking td{white-space:nowrap}.ranking td:first-child,.ranking td:last-child{white-space:normal;word-break:break-all}
#filters{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);padding:8px 0;margin-bottom:8px;display:flex;flex-wrap:wrap;gap:16px;align-items:center}
#filters label{white-space:nowrap}
.document{border-top:3px solid #101828;padding-top:12px;margin-top:24px;scroll-margin-top:56px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.unreadable-reason{background:var(--error-bg);border-left:4px solid var(--error);padding:8px 12px}
.finding{border:1px solid var(--line);border-left:4px solid var(--info);border-radius:4px;padding:8px 12px;margin:8px 0;break-inside:avoid}
.finding.error{border-left-color:var(--error)}.finding.warning{border-left-color:var(--warning)}
.finding.accepted{border-left-style:dashed;background:#f9fafb}
.badge.accepted{background:var(--pass)}
.acceptance{margin:6px 0;font-size:13px;color:var(--pass)}
.finding header{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;background:var(--info);print-color-adjust:exact;-webkit-print-color-adjust:exact}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}
.rule,.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.id{color:var(--muted);user-select:all;word-break:break-all}
.status,.where{color:var(--muted);font-size:12px}
.message{margin:6px 0}
.sentence{margin:6px 0;padding:4px 12px;border-left:3px solid var(--line);background:#f9fafb}
.sentence cite{display:block;color:var(--muted);font-size:12px;font-style:normal}
.numbers{margin:6px 0}
.excerpt{margin:8px 0;overflow-x:auto}
.excerpt figcaption{font-size:12px;color:var(--muted)}
.excerpt td.hit{background:var(--hit);font-weight:600;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.excerpt td.absent{background:#f2f4f7}
.locations{font-size:12px;color:var(--muted)}
.no-match{color:var(--muted)}
.locations ul{margin:4px 0;padding-left:20px;columns:2}
footer{margin-top:32px;color:var(--muted);font-size:12px}
.document{content-visibility:auto;contain-intrinsic-size:auto 1200px}
#cover{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:12px 0}
#cover table{margin:4px 0 8px}
#cover td.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.chart{margin:8px 0}.chart svg{max-width:100%;height:auto;font-size:12px}
.chart figcaption{font-size:12px;color:var(--muted)}
.chart rect.error{fill:var(--error)}.chart rect.warning{fill:var(--warning)}.chart rect.info{fill:#84adff}.chart rect.accepted{fill:var(--pass)}
.chart text{fill:#101828}.chart text.total{fill:var(--muted)}
.matrix th.rule{writing-mode:vertical-rl;transform:rotate(180deg);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;font-weight:400;white-space:nowrap}
.matrix td.n{text-align:center;font-variant-numeric:tabular-nums;min-width:24px}
.matrix td.has-error{background:var(--error-bg);color:var(--error);font-weight:600}.matrix td.has-warning{background:var(--warning-bg);color:var(--warning)}
.matrix-wrap{overflow-x:auto}
details.notes{margin:12px 0}details.notes>summary{cursor:pointer;color:var(--info);font-weight:600}
main.hide-error .finding[data-severity="error"],main.hide-warning .finding[data-severity="warning"],main.hide-info .finding[data-severity="info"],main.hide-accepted .finding[data-accepted]{display:none}
nav.back{margin:8px 0}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  #filters{display:none}
  .document{break-before:page;border-top:none}
  .document:first-of-type{break-before:auto}
  .finding{border-color:#999}
  .excerpt{overflow:visible}
  .document{content-visibility:visible}
  details.locations:not([open]){display:none}
}
`;

// Filters by severity, rule and acceptance. Hiding is done by style rules on <main> (one change per
// click, whatever the number of findings) and the count comes from the counts embedded in the page,
// so a click costs the same on 10 findings as on 100,000. Plain DOM code: runs from file://.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var data = document.getElementById('zjs-counts');
  if (!form || !data) return;
  form.hidden = false;
  var counts = JSON.parse(data.textContent);
  var main = document.querySelector('main');
  var ruleStyle = document.getElementById('rule-filter');
  var shown = document.getElementById('shown');
  function apply() {
    var sev = {};
    form.querySelectorAll('input[name="severity"]').forEach(function (box) { sev[box.value] = box.checked; });
    var rule = form.elements.namedItem('rule').value;
    var box = form.querySelector('input[name="accepted"]');
    var withAccepted = box === null || box.checked;
    ['error', 'warning', 'info'].forEach(function (s) { main.classList.toggle('hide-' + s, !sev[s]); });
    main.classList.toggle('hide-accepted', !withAccepted);
    ruleStyle.textContent = rule === '' ? '' : '.finding:not([data-rule="' + CSS.escape(rule) + '"]){display:none}';
    function visible(key) {
      var p = key.split('|');
      return sev[p[0]] === true && (rule === '' || p[1] === rule) && (withAccepted || p[2] === '0');
    }
    var count = 0;
    counts.forEach(function (c) { if (visible(c[0])) count += c[1]; });
    document.querySelectorAll('[data-keys]').forEach(function (el) {
      var any = el.getAttribute('data-keys').split(' ').some(visible);
      if (el.classList.contains('no-match')) el.hidden = any; else el.hidden = !any;
    });
    shown.textContent = String(count);
  }
  form.addEventListener('change', apply);
  // Folded notes come out of their template when first opened, under the filters in force.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.classList || !details.classList.contains('notes')) return;
    var template = details.querySelector(':scope > template');
    if (!template) return;
    details.replaceChild(template.content, template);
    apply();
  }, true);
  apply();
})();
`;

/** What a filter can tell findings by: severity, rule, accepted or not (`error|basic-rollup|0`). */
function filterKey(f: Finding): string {
  return `${f.severity}|${f.rule}|${f.accepted ? 1 : 0}`;
}

function keysOf(findings: readonly Finding[]): string {
  return [...new Set(findings.map(filterKey))].join(' ');
}

/** How many findings each filter key has: all the filters of a page need to know of its findings. */
type FilterCounts = Map<string, { severity: Severity; rule: string; accepted: boolean; count: number }>;

function countFilters(findings: readonly Finding[], into: FilterCounts = new Map()): FilterCounts {
  for (const f of findings) {
    const key = filterKey(f);
    const c = into.get(key) ?? { severity: f.severity, rule: f.rule, accepted: f.accepted !== undefined, count: 0 };
    c.count++;
    into.set(key, c);
  }
  return into;
}

/** The findings' counts by filter key, as JSON the filter script reads (`<` escaped for a script element). */
function countsData(counts: FilterCounts): string {
  const list = [...counts.entries()].map(([key, c]): [string, number] => [key, c.count]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `<script type="application/json" id="zjs-counts">${JSON.stringify(list).replace(/</g, '\\u003c')}</script>`;
}

function countsBlock(s: ReportSummary, w: Words): string {
  const items: Array<[keyof typeof s, string, string]> = [
    ['documents', '', w.documents],
    ['passed', '', w.outcomes.pass],
    ['failed', '', w.outcomes.fail],
    ['unreadable', '', w.outcomes.unreadable],
    ['errors', ' error', w.severityPlural.error],
    ['warnings', ' warning', w.severityPlural.warning],
    ['infos', ' info', w.severityPlural.info],
    ...(s.accepted > 0 ? [['accepted', ' accepted', w.accepted] as [keyof typeof s, string, string]] : []),
  ];
  const cells = items.map(([key, cls, label]) => `<div class="${key}${cls}"><dt>${e(label)}</dt><dd data-count="${key}">${s[key]}</dd></div>`);
  return `<dl class="counts">${cells.join('')}</dl>`;
}

function documentName(doc: ReportDocument, w: Words): string {
  return doc.department ?? (doc.outcome === 'unreadable' ? doc.source : w.unknownDepartment);
}

/**
 * What the summary of a report keeps of one document once its section is written: its counts, its
 * row of the ranking (the document without its tables and findings) and its open problems by rule
 * (its row of the matrix and its share of the chart of rules).
 */
interface IndexRow extends DocumentTally {
  problems: Map<string, { errors: number; count: number }>;
}

/** The summary of a report: the batch counts and one row per document, in report order. */
interface ReportIndex {
  tool: Report['tool'];
  summary: ReportSummary;
  rows: IndexRow[];
}

function indexRow(doc: ReportDocument, index: number): IndexRow {
  const problems = new Map<string, { errors: number; count: number }>();
  for (const f of doc.findings) {
    if (!isOpenProblem(f)) continue;
    const c = problems.get(f.rule) ?? { errors: 0, count: 0 };
    c.count++;
    if (f.severity === 'error') c.errors++;
    problems.set(f.rule, c);
  }
  return { ...lightTally(doc, index), problems };
}

/** Documents ranked by errors; `link` gives each document's address (an anchor, or its own page). */
function rankingTable(report: ReportIndex, ranked: readonly IndexRow[], w: Words, link: (index: number) => string): string {
  const withClaims = report.rows.some((r) => r.document.claims !== undefined);
  const withAccepted = report.summary.accepted > 0;
  const k = w.check;
  const head = [
    `<th>${e(w.department)}</th>`,
    `<th>${e(w.year)}</th>`,
    `<th>${e(w.outcome)}</th>`,
    ...SEVERITIES.map((s) => `<th class="num">${e(w.severityPlural[s])}</th>`),
    ...(withAccepted ? [`<th class="num">${e(w.accepted)}</th>`] : []),
    `<th>${e(`${w.checks} (${k.run} / ${k.passed} / ${k.failed} / ${k.rounding} / ${k.skipped})`)}</th>`,
    ...(withClaims ? [`<th>${e(`${w.claims} (${w.claim.found} / ${w.claim.checked} / ${w.claim.unbound})`)}</th>`] : []),
    `<th>${e(w.source)}</th>`,
  ];
  const rows = ranked.map((t) => {
    const d = t.document;
    const c = d.checks;
    return (
      `<tr data-document="${t.index + 1}">` +
      `<td><a href="${e(link(t.index))}">${e(documentName(d, w))}</a></td>` +
      `<td class="num">${d.year ?? ''}</td>` +
      `<td class="outcome-${d.outcome}">${e(w.outcomes[d.outcome])}</td>` +
      `<td class="num">${t.errors}</td><td class="num">${t.warnings}</td><td class="num">${t.infos}</td>` +
      (withAccepted ? `<td class="num">${t.accepted}</td>` : '') +
      `<td class="num">${d.outcome === 'unreadable' ? '' : `${c.run} / ${c.passed} / ${c.failed} / ${c.rounding} / ${c.skipped}`}</td>` +
      (withClaims ? `<td class="num">${d.claims ? `${d.claims.found} / ${d.claims.checked} / ${d.claims.unbound}` : ''}</td>` : '') +
      `<td>${e(d.source)}</td></tr>`
    );
  });
  const caption = report.rows.length > 1 ? `<caption style="text-align:left;font-weight:600">${e(w.ranking)}</caption>` : '';
  return `<table class="ranking">${caption}<thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function filtersForm(filters: FilterCounts, w: Words): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let accepted = 0;
  let total = 0;
  const rules = new Map<string, number>();
  for (const f of filters.values()) {
    if (f.accepted) accepted += f.count;
    else counts[f.severity] += f.count;
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + f.count);
    total += f.count;
  }
  const boxes = SEVERITIES.map(
    (sev) => `<label><input type="checkbox" name="severity" value="${sev}" checked> <span class="badge ${sev}">${e(w.severity[sev])}</span> ${counts[sev]}</label>`,
  );
  if (accepted > 0) boxes.push(`<label><input type="checkbox" name="accepted" value="accepted" checked> <span class="badge accepted">${e(w.accepted)}</span> ${accepted}</label>`);
  const options = [...rules.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([rule, count]) => `<option value="${e(rule)}">${e(rule)} (${count})</option>`);
  return (
    `<form id="filters" hidden><strong>${e(w.filter)}</strong>${boxes.join('')}` +
    `<label>${e(w.rule)} <select name="rule"><option value="">${e(w.allRules)}</option>${options.join('')}</select></label>` +
    `<span>${e(w.shown)} <output id="shown">${total}</output> / ${total}</span></form>` +
    countsData(filters) +
    '<style id="rule-filter"></style>'
  );
}

function excerptTable(excerpt: Excerpt, w: Words): string {
  const head = `<tr><th class="num">${e(w.excerptLine)}</th><th>${e(w.excerptItem)}</th>${excerpt.columns.map((c) => `<th>${e(c.label)}</th>`).join('')}</tr>`;
  const rows = excerpt.rows.map((r) => {
    const cells = r.cells.map((cell, i) => {
      const marked = r.marked[i] === true;
      const cls = [cell === null ? 'absent' : null, 'num', marked ? 'hit' : null].filter((x) => x !== null).join(' ');
      return `<td class="${cls}">${cell === null ? '' : e(cell)}</td>`;
    });
    return `<tr><td class="num">${r.loc.line}</td><td>${e(r.label)}</td>${cells.join('')}</tr>`;
  });
  return `<figure class="excerpt"><figcaption>${e(excerpt.title)}</figcaption><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></figure>`;
}

function numbersTable(f: Finding, w: Words): string {
  const pairs: Array<[string, string | undefined]> = [
    [w.expected, f.expected],
    [w.actual, f.actual],
    [w.difference, f.difference],
    [w.tolerance, f.tolerance === undefined ? undefined : `±${f.tolerance}`],
  ];
  const present = pairs.filter((p): p is [string, string] => p[1] !== undefined);
  if (present.length === 0) return '';
  return `<table class="numbers"><tr>${present.map(([label, value]) => `<th>${e(label)}</th><td class="num">${e(value)}</td>`).join('')}</tr></table>`;
}

function findingBlock(f: Finding, w: Words, lang: Lang): string {
  const loc = primaryLocation(f);
  const title = ruleById(f.rule)?.meta.title[lang];
  const parts = [
    `<article class="finding ${f.severity}${f.accepted ? ' accepted' : ''}" data-severity="${f.severity}" data-rule="${e(f.rule)}" data-id="${e(f.id)}"` +
      `${f.accepted ? ` data-accepted="${f.accepted.by}"` : ''}>`,
    `<header><span class="badge ${f.severity}">${e(w.severity[f.severity])}</span>` +
      (f.accepted ? `<span class="badge accepted">${e(w.accepted)}</span>` : '') +
      `<span class="rule"${title !== undefined ? ` title="${e(title)}"` : ''}>${e(f.rule)}</span>` +
      `<span class="status">${e(w.status[f.status])}</span>` +
      `<code class="id" title="${e(w.findingId)}">${e(f.id)}</code>` +
      (loc ? `<span class="where">${e(formatLocation(loc))}</span>` : '') +
      `</header>`,
    `<p class="message">${e(f.message)}</p>`,
  ];
  if (f.accepted) parts.push(`<p class="acceptance"><strong>${e(w.acceptance)}</strong>: ${e(acceptanceText(f.accepted, lang))}</p>`);
  if (f.sentence) {
    parts.push(`<blockquote class="sentence"><p>${e(f.sentence.text)}</p><cite>${e(w.sentence)} · ${e(formatLocation(f.sentence.loc))}</cite></blockquote>`);
  }
  parts.push(numbersTable(f, w));
  for (const excerpt of f.excerpts ?? []) parts.push(excerptTable(excerpt, w));
  if (f.locations.length > 1) {
    const items = f.locations.map((l) => `<li>${e([formatLocation(l), l.table, l.row, l.column].filter((x) => x !== undefined).join(' · '))}</li>`);
    parts.push(`<details class="locations"><summary>${e(w.locations)} (${f.locations.length})</summary><ul>${items.join('')}</ul></details>`);
  }
  parts.push('</article>');
  return parts.join('');
}

function factsList(doc: ReportDocument, w: Words): string {
  const found = doc.tables.filter((t) => t.found);
  const empty = found.filter((t) => t.empty).map((t) => t.title);
  const missing = doc.tables.filter((t) => !t.found).map((t) => t.title);
  const k = doc.checks;
  const t = tally(doc, 0);
  const facts: Array<[string, string]> = [[w.outcome, `<span class="outcome-${doc.outcome}">${e(w.outcomes[doc.outcome])}</span>`]];
  if (doc.unit) facts.push([w.unit, e(doc.unit)]);
  if (doc.family) facts.push([w.family, e(doc.family.name)]);
  facts.push([
    w.tables,
    `${found.length}/${doc.tables.length}` +
      (empty.length > 0 ? `; ${e(w.emptyTables)}: ${e(empty.join('、'))}` : '') +
      (missing.length > 0 ? `; <span class="outcome-fail">${e(w.missingTables)}: ${e(missing.join('、'))}</span>` : ''),
  ]);
  facts.push([w.checks, e(`${w.check.run} ${k.run}, ${w.check.passed} ${k.passed}, ${w.check.failed} ${k.failed}, ${w.check.rounding} ${k.rounding}, ${w.check.skipped} ${k.skipped}`)]);
  if (doc.claims) {
    const c = doc.claims;
    facts.push([w.claims, e(`${w.claim.found} ${c.found}, ${w.claim.checked} ${c.checked}, ${w.claim.unbound} ${c.unbound}`)]);
  }
  facts.push([
    w.findingCounts,
    SEVERITIES.map((s) => `<span class="badge ${s}">${e(w.severity[s])}</span> ${s === 'error' ? t.errors : s === 'warning' ? t.warnings : t.infos}`).join(' ') +
      (t.accepted > 0 ? ` <span class="badge accepted">${e(w.accepted)}</span> ${t.accepted}` : ''),
  ]);
  return `<dl class="facts">${facts.map(([dt, dd]) => `<dt>${e(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>`;
}

/** The findings of a document per table, in a chart: errors, warnings, notes and accepted findings. */
function tableChart(doc: ReportDocument, w: Words): string {
  const bars: Bar[] = groupByTable(doc).map((g) => {
    const n = (pred: (f: Finding) => boolean) => g.findings.filter(pred).length;
    return {
      label: g.title ?? w.otherFindings,
      segments: [
        { cls: 'error', value: n((f) => f.severity === 'error' && !f.accepted) },
        { cls: 'warning', value: n((f) => f.severity === 'warning' && !f.accepted) },
        { cls: 'info', value: n((f) => f.severity === 'info' && !f.accepted) },
        { cls: 'accepted', value: n((f) => f.accepted !== undefined) },
      ],
    };
  });
  return bars.length === 0 ? '' : barChart(`${documentName(doc, w)} · ${w.chartByTable}`, bars, legend(w));
}

function legend(w: Words): Array<{ cls: 'error' | 'warning' | 'info' | 'accepted'; label: string }> {
  return [
    { cls: 'error', label: w.severityPlural.error },
    { cls: 'warning', label: w.severityPlural.warning },
    { cls: 'info', label: w.severityPlural.info },
    { cls: 'accepted', label: w.accepted },
  ];
}

function groupsHtml(doc: ReportDocument, findings: readonly Finding[], w: Words, lang: Lang): string[] {
  const parts: string[] = [];
  for (const group of groupByTable(doc, findings)) {
    parts.push(`<div class="group" data-keys="${keysOf(group.findings)}"><h3>${e(group.title ?? w.otherFindings)}</h3>`);
    for (const f of bySeverity(group.findings)) parts.push(findingBlock(f, w, lang));
    parts.push('</div>');
  }
  return parts;
}

/** One document: its facts and chart, errors and warnings first, notes folded away. */
function documentSection(doc: ReportDocument, index: number, w: Words, lang: Lang): string {
  const heading = [documentName(doc, w), doc.year !== null ? String(doc.year) : null].filter((x) => x !== null).join(' · ');
  const parts = [
    `<section class="document" id="doc-${index + 1}" data-outcome="${doc.outcome}">`,
    `<h2>${e(heading)}</h2>`,
    `<p class="source">${e(doc.source)}</p>`,
  ];
  if (doc.outcome === 'unreadable') {
    parts.push(`<p class="unreadable-reason"><strong>${e(w.outcomes.unreadable)}</strong>: ${e(doc.error ? inputErrorLine(doc.error) : doc.source)}</p></section>`);
    return parts.join('\n');
  }
  parts.push(factsList(doc, w));
  parts.push(tableChart(doc, w));
  if (doc.findings.length === 0) parts.push(`<p>${e(w.none)}</p>`);
  else parts.push(`<p class="no-match" data-keys="${keysOf(doc.findings)}" hidden>${e(w.noneShown)}</p>`);
  const notes = doc.findings.filter((f) => f.severity === 'info' && !f.accepted);
  const problems = doc.findings.filter((f) => !(f.severity === 'info' && !f.accepted));
  parts.push(...groupsHtml(doc, problems, w, lang));
  if (notes.length > 0) {
    // Notes stay inert in a template until opened: a batch of hundreds of documents loads and filters
    // at the speed of its errors and warnings, not of its thousands of rounding notes.
    parts.push(`<details class="notes" data-keys="${keysOf(notes)}"><summary>${e(w.notesFolded(notes.length))}</summary><template>`, ...groupsHtml(doc, notes, w, lang), '</template></details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The cover: when, with which tool, over what, with which settings, and the hash of every file read. */
function coverSection(tool: Report['tool'], w: Words, run: RunInfo): string {
  const rows = (pairs: ReadonlyArray<[string, string]>) => pairs.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('');
  const files = run.files
    .map((f) => `<tr><td>${e(f.path)}</td><td class="num">${f.bytes}</td><td class="hash">${f.sha256}</td></tr>`)
    .join('');
  const fileTable = `<table class="files"><thead><tr><th>${e(w.file)}</th><th class="num">${e(w.bytes)}</th><th>SHA-256</th></tr></thead><tbody>${files}</tbody></table>`;
  return (
    `<section id="cover"><h2>${e(w.cover)}</h2>` +
    `<table class="facts-table">${rows([
      [w.runDate, run.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC')],
      [w.toolVersion, `${tool.name} ${tool.version}`],
      [w.scope, run.inputs.join('  ')],
      ...run.settings.map((x): [string, string] => [x.name, x.value]),
    ])}</table>` +
    // A long list of files folds away; the first lines of the cover stay readable.
    (run.files.length > 12 ? `<details><summary>${e(w.inputFiles(run.files.length))}</summary>${fileTable}</details>` : `<h3>${e(w.inputFiles(run.files.length))}</h3>${fileTable}`) +
    '</section>'
  );
}

/** The rules behind most open problems across the batch, as a chart. */
function ruleChart(rows: readonly IndexRow[], w: Words): string {
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const row of rows) {
    for (const [rule, p] of row.problems) {
      const c = byRule.get(rule) ?? { errors: 0, warnings: 0 };
      c.errors += p.errors;
      c.warnings += p.count - p.errors;
      byRule.set(rule, c);
    }
  }
  const top = [...byRule.entries()].sort(([ra, a], [rb, b]) => b.errors + b.warnings - (a.errors + a.warnings) || b.errors - a.errors || (ra < rb ? -1 : 1)).slice(0, 12);
  if (top.length === 0) return '';
  const bars: Bar[] = top.map(([rule, c]) => ({ label: rule, segments: [{ cls: 'error', value: c.errors }, { cls: 'warning', value: c.warnings }] }));
  return barChart(w.chartByRule, bars, legend(w).slice(0, 2));
}

/** Rules × departments: how many open problems each rule found in each document. */
function matrixTable(ranked: readonly IndexRow[], w: Words, lang: Lang, link: (index: number) => string): string {
  const totals = new Map<string, number>();
  for (const t of ranked) for (const [rule, c] of t.problems) totals.set(rule, (totals.get(rule) ?? 0) + c.count);
  if (totals.size === 0) return '';
  const rules = [...totals.entries()].sort(([ra, a], [rb, b]) => b - a || (ra < rb ? -1 : 1)).map(([r]) => r);
  const head = `<tr><th>${e(w.department)}</th><th>${e(w.year)}</th>${rules.map((r) => `<th class="rule" title="${e(ruleById(r)?.meta.title[lang] ?? r)}">${e(r)}</th>`).join('')}</tr>`;
  const body = ranked.map((t) => {
    const d = t.document;
    const tds = rules.map((r) => {
      const c = t.problems.get(r);
      return c ? `<td class="n ${c.errors > 0 ? 'has-error' : 'has-warning'}">${c.count}</td>` : '<td class="n"></td>';
    });
    return `<tr><td><a href="${e(link(t.index))}">${e(documentName(d, w))}</a></td><td class="num">${d.year ?? ''}</td>${tds.join('')}</tr>`;
  });
  return `<section id="matrix"><h2>${e(w.matrix)}</h2><p class="tool">${e(w.matrixNote)}</p><div class="matrix-wrap"><table class="matrix"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div></section>`;
}

/** A whole page: the zjs-report signature, the style, the body, the filter script. */
function page(title: string, lang: Lang, tool: Report['tool'], body: readonly string[]): string {
  const { top, bottom } = frame(title, lang, tool);
  return `${[...top, ...body, ...bottom].join('\n')}\n`;
}

/** The lines of a page before its body and after it. */
function frame(title: string, lang: Lang, tool: Report['tool']): { top: string[]; bottom: string[] } {
  const top = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="${REPORT_SIGNATURE} ${e(`${tool.name} ${tool.version}`)}">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  ];
  return { top, bottom: [`<footer>${e(`${tool.name} ${tool.version}`)}</footer>`, `<script>${SCRIPT}</script>`, '</body>', '</html>'] };
}

/** The top of the report: title, cover, counts, chart of rules, ranking and matrix. */
function summaryParts(report: ReportIndex, w: Words, lang: Lang, run: RunInfo | undefined, link: (index: number) => string): string[] {
  const batch = report.rows.length > 1;
  const ranked = [...report.rows].sort(byErrors);
  return [
    `<header><h1>${e(w.title)}</h1><p class="tool">${e(`${report.tool.name} ${report.tool.version}`)}</p></header>`,
    run ? coverSection(report.tool, w, run) : '',
    `<section id="summary"><h2>${e(w.summary)}</h2>${countsBlock(report.summary, w)}${batch ? ruleChart(report.rows, w) : ''}${rankingTable(report, ranked, w, link)}</section>`,
    batch ? matrixTable(ranked, w, lang, link) : '',
  ];
}

/**
 * The single page written a document at a time: each document's section as it comes; the head of
 * the page (cover, summary, chart, ranking, matrix, filters) from one compact row per document and
 * the findings' counts by filter, at the end. A page of the whole batch is still one page: a
 * folder (`htmlFolderStream`) is what a browser opens at once whatever the batch.
 */
export function htmlStream(tool: Report['tool'], options: HtmlOptions): SpooledStream {
  const w = WORDS[options.lang];
  const rows: IndexRow[] = [];
  const filters: FilterCounts = new Map();
  return {
    document: (doc) => {
      const i = rows.length;
      rows.push(indexRow(doc, i));
      countFilters(doc.findings, filters);
      return `\n${documentSection(doc, i, w, options.lang)}`;
    },
    end: (summary, run) => {
      const { top, bottom } = frame(w.title, options.lang, tool);
      const head = [...top, ...summaryParts({ tool, summary, rows }, w, options.lang, run ?? options.run, (i) => `#doc-${i + 1}`), filtersForm(filters, w), '<main>'];
      return { head: head.join('\n'), tail: `\n${['</main>', ...bottom].join('\n')}\n` };
    },
  };
}

/**
 * One self-contained HTML page for auditors: the cover (when the run is given), the batch summary
 * with a chart, the ranking and the rule × department matrix, then per document its facts, a
 * chart, and each finding with the table rows it rests on, errors first and notes folded away;
 * filterable and printable.
 */
export function formatHtml(report: Report, options: HtmlOptions): string {
  return renderSpooled(report, htmlStream(report.tool, options));
}

/** One file of a report written as a folder. */
export interface HtmlFile {
  /** Path inside the folder, with forward slashes: `index.html`, `docs/3.html`. */
  path: string;
  content: string;
}

/** A report folder written a document at a time: each page as its document comes, the index at the end. */
export interface HtmlFolderStream {
  /** The page of the next document (`docs/N.html`); the document is not kept, only its row of the index. */
  document: (doc: ReportDocument) => HtmlFile;
  /** The index (`index.html`): cover, summary, chart, ranking and matrix, each document linked. */
  end: (summary: ReportSummary, run?: RunInfo) => HtmlFile;
}

const pageLink = (i: number) => `docs/${i + 1}.html`;

/** The folder of formatHtmlFolder, written as the documents come (a batch of any size in flat memory). */
export function htmlFolderStream(tool: Report['tool'], options: { lang: Lang }): HtmlFolderStream {
  const w = WORDS[options.lang];
  const rows: IndexRow[] = [];
  return {
    document: (doc) => {
      const i = rows.length;
      rows.push(indexRow(doc, i));
      const title = [documentName(doc, w), doc.year !== null ? String(doc.year) : null].filter((x) => x !== null).join(' · ');
      return {
        path: pageLink(i),
        content: page(`${title} · ${w.title}`, options.lang, tool, [
          `<nav class="back"><a href="../index.html">← ${e(w.backToIndex)}</a></nav>`,
          filtersForm(countFilters(doc.findings), w),
          '<main>',
          documentSection(doc, i, w, options.lang),
          '</main>',
        ]),
      };
    },
    end: (summary, run) => ({
      path: 'index.html',
      content: page(w.title, options.lang, tool, ['<main>', ...summaryParts({ tool, summary, rows }, w, options.lang, run, pageLink), '</main>']),
    }),
  };
}

/**
 * The report as a folder, for large batches: `index.html` (cover, summary, chart, ranking and
 * matrix, each document linked) and `docs/N.html`, one page per document with its own filters.
 * A browser opens the index at once whatever the size of the batch.
 */
export function formatHtmlFolder(report: Report, options: HtmlOptions): HtmlFile[] {
  const stream = htmlFolderStream(report.tool, options);
  const pages = report.documents.map((doc) => stream.document(doc));
  return [stream.end(report.summary, options.run), ...pages];
}
