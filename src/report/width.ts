const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const CLOSING = /[）」』】〕》〉。，、；：！？”’)\]}]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns one code point takes: the ranges of WIDE, compared as numbers (this runs once per character of a report). */
function charWidth(code: number): 1 | 2 {
  if (code < 0x1100) return 1;
  return (code <= 0x115f ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6))
    ? 2
    : 1;
}

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    // A surrogate pair is one character outside the wide ranges.
    if (code >= 0xd800 && code <= 0xdbff) i++;
    width += charWidth(code);
  }
  return width;
}

/** Hard-wraps text to `width` terminal columns, so a table cell never truncates a finding. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = charWidth(ch.charCodeAt(0));
      if (used + w > width && line !== '') {
        // A closing mark never starts a line: the character before it moves down with it.
        if (CLOSING.test(ch) && [...line].length > 1) {
          const chars = [...line];
          const last = chars.pop() ?? '';
          lines.push(chars.join(''));
          line = last + ch;
          used = displayWidth(line);
          continue;
        }
        // Latin text breaks at the last space when there is one nearby; CJK breaks anywhere.
        const space = line.lastIndexOf(' ');
        if (ch !== ' ' && space > 0 && line.length - space < 16 && !WIDE.test(line.slice(space + 1))) {
          lines.push(line.slice(0, space));
          line = line.slice(space + 1);
          used = displayWidth(line);
        } else {
          lines.push(line);
          line = '';
          used = 0;
        }
        if (ch === ' ') continue;
      }
      line += ch;
      used += w;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** One cell of a terminal table: its text, and how to colour each of its lines (after wrapping). */
export type TableCell = string | { text: string; paint: (line: string) => string };

/** A row: its cells, and lines printed whole under it (a command to copy is never wrapped). */
export type TableRow = readonly TableCell[] | { cells: readonly TableCell[]; after: readonly string[] };

export interface TableColumn {
  head: string;
  /** Terminal columns the cell text wraps to. */
  width: number;
}

/**
 * Aligned columns without borders: a header, a rule under it, then each row with every cell
 * wrapped to its column and padded, so the whole table costs time in proportion to its output
 * (no per-cell previews, whatever the length of a token).
 */
export function terminalTable(columns: readonly TableColumn[], rows: readonly TableRow[], options: { indent: string; head: (text: string) => string }): string[] {
  const gap = '  ';
  const out: string[] = [];
  const line = (cells: readonly string[]) => `${options.indent}${cells.join(gap)}`.trimEnd();
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  out.push(line(columns.map((c) => options.head(pad(c.head, c.width)))));
  out.push(line(columns.map((c) => '─'.repeat(c.width))));
  for (const row of rows) {
    const cells = 'cells' in row ? row.cells : row;
    const wrapped = columns.map((c, i) => {
      const cell = cells[i] ?? '';
      const text = typeof cell === 'string' ? cell : cell.text;
      const paint = typeof cell === 'string' ? (s: string) => s : cell.paint;
      return { lines: wrap(text, c.width).split('\n'), paint };
    });
    const height = Math.max(...wrapped.map((w) => w.lines.length));
    for (let k = 0; k < height; k++) {
      out.push(
        line(
          wrapped.map((w, i) => {
            const text = w.lines[k] ?? '';
            const width = columns[i]?.width ?? 0;
            const padding = ' '.repeat(Math.max(0, width - displayWidth(text)));
            return text === '' ? padding : w.paint(text) + padding;
          }),
        ),
      );
    }
    if ('after' in row) for (const extra of row.after) out.push(`${options.indent}  ${extra}`);
  }
  return out;
}
