import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import { SEVERITIES, type Excerpt, type Finding, type Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { ruleById } from '../rules/index.js';
import { REPORT_SIGNATURE } from '../version.js';
import type { Report, ReportDocument } from './model.js';
import { groupByTable, primaryLocation, rankByErrors, rulesInReport, tally } from './summary.js';
import { acceptanceText, WORDS, type Words } from './words.js';

export interface HtmlOptions {
  lang: Lang;
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
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  #filters{display:none}
  .document{break-before:page;border-top:none}
  .document:first-of-type{break-before:auto}
  .finding{border-color:#999}
  .excerpt{overflow:visible}
  details.locations:not([open]){display:none}
}
`;

// Filters by severity and rule; plain DOM code so that it runs from file:// with no modules or network.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var findings = document.querySelectorAll('.finding');
  var groups = document.querySelectorAll('.group');
  var shown = document.getElementById('shown');
  function apply() {
    var severities = {};
    form.querySelectorAll('input[name="severity"]').forEach(function (box) { severities[box.value] = box.checked; });
    var rule = form.elements.namedItem('rule').value;
    var accepted = form.querySelector('input[name="accepted"]');
    var count = 0;
    findings.forEach(function (f) {
      var visible = severities[f.getAttribute('data-severity')] === true && (rule === '' || f.getAttribute('data-rule') === rule) &&
        (accepted === null || accepted.checked || !f.hasAttribute('data-accepted'));
      f.hidden = !visible;
      if (visible) count++;
    });
    groups.forEach(function (g) { g.hidden = g.querySelector('.finding:not([hidden])') === null; });
    document.querySelectorAll('.no-match').forEach(function (p) { p.hidden = p.parentNode.querySelector('.finding:not([hidden])') !== null; });
    shown.textContent = String(count);
  }
  form.addEventListener('change', apply);
  apply();
})();
`;

function countsBlock(report: Report, w: Words): string {
  const s = report.summary;
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

function rankingTable(report: Report, w: Words): string {
  const withClaims = report.documents.some((d) => d.claims !== undefined);
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
  const rows = rankByErrors(report).map((t) => {
    const d = t.document;
    const c = d.checks;
    return (
      `<tr data-document="${t.index + 1}">` +
      `<td><a href="#doc-${t.index + 1}">${e(documentName(d, w))}</a></td>` +
      `<td class="num">${d.year ?? ''}</td>` +
      `<td class="outcome-${d.outcome}">${e(w.outcomes[d.outcome])}</td>` +
      `<td class="num">${t.errors}</td><td class="num">${t.warnings}</td><td class="num">${t.infos}</td>` +
      (withAccepted ? `<td class="num">${t.accepted}</td>` : '') +
      `<td class="num">${d.outcome === 'unreadable' ? '' : `${c.run} / ${c.passed} / ${c.failed} / ${c.rounding} / ${c.skipped}`}</td>` +
      (withClaims ? `<td class="num">${d.claims ? `${d.claims.found} / ${d.claims.checked} / ${d.claims.unbound}` : ''}</td>` : '') +
      `<td>${e(d.source)}</td></tr>`
    );
  });
  const caption = report.documents.length > 1 ? `<caption style="text-align:left;font-weight:600">${e(w.ranking)}</caption>` : '';
  return `<table class="ranking">${caption}<thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function filtersForm(report: Report, w: Words): string {
  const s = report.summary;
  const counts: Record<Severity, number> = { error: s.errors, warning: s.warnings, info: s.infos };
  const boxes = SEVERITIES.map(
    (sev) => `<label><input type="checkbox" name="severity" value="${sev}" checked> <span class="badge ${sev}">${e(w.severity[sev])}</span> ${counts[sev]}</label>`,
  );
  if (s.accepted > 0) {
    boxes.push(`<label><input type="checkbox" name="accepted" value="accepted" checked> <span class="badge accepted">${e(w.accepted)}</span> ${s.accepted}</label>`);
  }
  const options = rulesInReport(report).map(({ rule, count }) => `<option value="${e(rule)}">${e(rule)} (${count})</option>`);
  const total = s.errors + s.warnings + s.infos + s.accepted;
  return (
    `<form id="filters" hidden><strong>${e(w.filter)}</strong>${boxes.join('')}` +
    `<label>${e(w.rule)} <select name="rule"><option value="">${e(w.allRules)}</option>${options.join('')}</select></label>` +
    `<span>${e(w.shown)} <output id="shown">${total}</output> / ${total}</span></form>`
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
  if (doc.findings.length === 0) parts.push(`<p>${e(w.none)}</p>`);
  else parts.push(`<p class="no-match" hidden>${e(w.noneShown)}</p>`);
  for (const group of groupByTable(doc)) {
    parts.push(`<div class="group"><h3>${e(group.title ?? w.otherFindings)}</h3>`);
    for (const f of group.findings) parts.push(findingBlock(f, w, lang));
    parts.push('</div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * One self-contained HTML page for auditors: batch summary, then per document its facts and each
 * finding with the table rows it rests on (cells it names highlighted), filterable and printable.
 */
export function formatHtml(report: Report, options: HtmlOptions): string {
  const w = WORDS[options.lang];
  const htmlLang = options.lang === 'zh' ? 'zh-CN' : 'en';
  const parts = [
    '<!DOCTYPE html>',
    `<html lang="${htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="${REPORT_SIGNATURE} ${e(`${report.tool.name} ${report.tool.version}`)}">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(w.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${e(w.title)}</h1><p class="tool">${e(`${report.tool.name} ${report.tool.version}`)}</p></header>`,
    `<section id="summary"><h2>${e(w.summary)}</h2>${countsBlock(report, w)}${rankingTable(report, w)}</section>`,
    filtersForm(report, w),
    '<main>',
    ...report.documents.map((doc, i) => documentSection(doc, i, w, options.lang)),
    '</main>',
    `<footer>${e(`${report.tool.name} ${report.tool.version}`)}</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ];
  return `${parts.join('\n')}\n`;
}
