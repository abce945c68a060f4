import { displayWidth } from './width.js';

/** A class of bar segment; the page's style sheet colours each. */
export type SegmentClass = 'error' | 'warning' | 'info' | 'accepted';

export interface Bar {
  label: string;
  segments: Array<{ cls: SegmentClass; value: number }>;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A label cut to `columns` display columns (CJK counts two), with … when cut. */
function fit(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > columns - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const ROW = 22;
const LABEL = 250;
const AREA = 330;
const WIDTH = LABEL + AREA + 60;

/**
 * A horizontal stacked bar chart as inline SVG: no script, no network, drawn by the browser from
 * the numbers alone. Each bar has a title (the full label and counts) for hover and screen readers.
 */
export function barChart(title: string, bars: readonly Bar[], legend: ReadonlyArray<{ cls: SegmentClass; label: string }>): string {
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((n, s) => n + s.value, 0)));
  const top = 24;
  const height = top + bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = top + i * ROW;
    const total = bar.segments.reduce((n, s) => n + s.value, 0);
    let x = LABEL;
    const rects = bar.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = Math.max(2, (s.value / max) * AREA);
        const rect = `<rect class="${s.cls}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW - 8}"/>`;
        x += w;
        return rect;
      });
    const counts = bar.segments.map((s) => `${legend.find((l) => l.cls === s.cls)?.label ?? s.cls} ${s.value}`).join(', ');
    return (
      `<g><title>${esc(`${bar.label}: ${counts}`)}</title>` +
      `<text x="${LABEL - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${esc(fit(bar.label, 36))}</text>` +
      rects.join('') +
      `<text class="total" x="${(x + 6).toFixed(1)}" y="${y + ROW / 2 + 4}">${total}</text></g>`
    );
  });
  let lx = LABEL;
  const keys = legend.map((l) => {
    const item = `<rect class="${l.cls}" x="${lx}" y="6" width="10" height="10"/><text x="${lx + 14}" y="15">${esc(l.label)}</text>`;
    lx += 24 + displayWidth(l.label) * 7;
    return item;
  });
  return (
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title>${keys.join('')}${rows.join('')}</svg><figcaption>${esc(title)}</figcaption></figure>`
  );
}
