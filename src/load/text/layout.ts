import type { TableTemplate } from '../../templates/tables.js';
import { columnLabels, isColumnNumberRow } from '../build/common.js';
import type { GridRow } from '../grid.js';
import { CODE_HEADING, COLUMN_NUMBER, NUMBERED, TOTAL, WIDE, looksLikeAmount, squeeze } from '../lexicon.js';
import { joinPieces, sourceLineOf, tokenKind, type SourceLine, type TokenKind } from './lines.js';
import { unalignedTable } from './plain.js';
import type { Known } from './summary.js';
import { dropRepeatedHeader, isRowLabel, joinAroundNumbers, joinSplitLabels, joinWrappedRows, strayNumbers } from './repair.js';
import { hasData } from './shape.js';
import type { TableBlock } from '../segment.js';
import type { TextStrategy } from './strategy.js';
import { largest, smallest } from '../arrays.js';

/** A word of a space-aligned line, with the display columns it covers: [start, end). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Whether a character takes two display columns (pdftotext lays some documents out that way). */
export type WidthModel = 'narrow' | 'wide';

const width = (ch: string, model: WidthModel): number => (model === 'wide' && WIDE.test(ch) ? 2 : 1);

/** The words of a line at their display columns. */
function wordsOf(text: string, model: WidthModel): Word[] {
  const words: Word[] = [];
  let at = 0;
  let word = '';
  let start = 0;
  for (const ch of text) {
    if (/[\s\u3000]/u.test(ch)) {
      if (word !== '') words.push({ text: word, start, end: at });
      word = '';
      at += ch === '\u3000' ? 2 : ch === '\t' ? 8 - (at % 8) : 1;
      continue;
    }
    if (word === '') start = at;
    word += ch;
    at += width(ch, model);
  }
  if (word !== '') words.push({ text: word, start, end: at });
  return words;
}

/** The line's cells where two or more spaces part them (a single space stays inside a cell). */
export function fieldsOf(text: string): string[] {
  return text
    .trim()
    .split(/(?:[ \t]{2,}|\u3000+|\t)/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/**
 * pdftotext counts a Chinese character as one column or two depending on the fonts. Amounts
 * right-aligned in one column end at the same place on every line only when counted the way
 * the text was laid out: the model under which they line up best is taken.
 */
export function widthModel(lines: readonly SourceLine[]): WidthModel {
  const ends = (model: WidthModel): number => {
    const set = new Set<string>();
    for (const l of lines) {
      const amounts = wordsOf(l.text, model).filter((w) => tokenKind(w.text) === 'amount');
      if (amounts.length >= 2) for (const w of amounts) set.add(`${l.page}:${w.end}`);
    }
    return set.size;
  };
  return ends('wide') < ends('narrow') ? 'wide' : 'narrow';
}

/** A token of a table line: a word, or Chinese words of one cell set a single space apart. */
interface Token extends Word {
  kind: TokenKind;
}

interface TableLine {
  source: SourceLine;
  tokens: Token[];
  /** Every word separately (header lines: cells set a single space apart must be told apart). */
  words: Word[];
}

/** Words → tokens: words of one cell (a single space apart, neither a number) are one token. */
function tokensOf(words: readonly Word[]): Token[] {
  const out: Token[] = [];
  for (const w of words) {
    const kind = tokenKind(w.text);
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && kind === 'text' && w.start - last.end <= 1 && !NUMBERED.test(w.text)) {
      last.text = joinPieces(last.text, w.text);
      last.end = w.end;
    } else {
      out.push({ ...w, kind });
    }
  }
  return out;
}

interface Column {
  start: number;
  end: number;
  numeric: number;
  text: number;
  amount: number;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);
const distance = (a: { start: number; end: number }, b: { start: number; end: number }): number => {
  const o = overlap(a, b);
  return o > 0 ? 0 : -o;
};

const isNumeric = (t: Token): boolean => t.kind !== 'text';
/** A token this many display columns from a column may still be in it (pdftotext shifts words a little). */
const NEAR = 6;
/** A word of the lowest header line this far from every column heads a column of its own. */
const HEADER_FAR = 4;

/**
 * Columns of one page of a table from its data lines: the fullest lines first, each token joining
 * the column it overlaps most (not yet taken on its line), or opening one.
 */
function discoverColumns(lines: readonly TableLine[]): Column[] {
  const cols: Column[] = [];
  const ordered = [...lines].sort((a, b) => b.tokens.length - a.tokens.length);
  for (const line of ordered) {
    const used = new Set<Column>();
    // A line with fewer tokens than there are columns (empty cells, or a 栏次 row centred where
    // amounts are right-aligned) takes the columns it lines up with when they are near.
    if (cols.length >= line.tokens.length) {
      const sorted = [...cols].sort((a, b) => a.start - b.start);
      const placed = assign(line.tokens, sorted);
      if (placed.every((c, i) => c >= 0 && distance(line.tokens[i] as Token, sorted[c] as Column) <= NEAR)) {
        placed.forEach((c, i) => {
          const col = sorted[c] as Column;
          const token = line.tokens[i] as Token;
          col.start = Math.min(col.start, token.start);
          col.end = Math.max(col.end, token.end);
          if (isNumeric(token)) col.numeric++;
          else col.text++;
          if (token.kind === 'amount') col.amount++;
        });
        continue;
      }
    }
    for (const token of line.tokens) {
      let best: Column | undefined;
      let bestOverlap = 0;
      for (const c of cols) {
        if (used.has(c)) continue;
        const o = overlap(c, token);
        if (o > bestOverlap) {
          best = c;
          bestOverlap = o;
        }
      }
      if (!best) {
        best = { start: token.start, end: token.end, numeric: 0, text: 0, amount: 0 };
        cols.push(best);
      } else {
        best.start = Math.min(best.start, token.start);
        best.end = Math.max(best.end, token.end);
      }
      if (isNumeric(token)) best.numeric++;
      else best.text++;
      if (token.kind === 'amount') best.amount++;
      used.add(best);
    }
  }
  return cols.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Tokens → columns, in order, each column at most once: a line with as many tokens as columns
 * fills them one by one; a shorter one goes where its tokens stand, a number never into a column
 * of text only, nor text into a column of numbers only.
 */
function assign(tokens: readonly Token[], cols: readonly Column[]): number[] {
  if (tokens.length === cols.length) return tokens.map((_, i) => i);
  // More tokens than columns: no token's column can be told.
  if (tokens.length > cols.length) return tokens.map(() => -1);
  const n = tokens.length;
  const m = cols.length;
  const cost = (t: Token, c: Column): number => {
    const wrongKind = isNumeric(t) ? c.numeric === 0 && c.text > 0 : c.text === 0 && c.numeric > 0;
    return distance(t, c) + (wrongKind ? 1000 : 0) - Math.max(0, overlap(t, c)) * 0.001;
  };
  // best[i][j]: least cost of tokens 0..i-1 in columns 0..j-1.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
  const from: boolean[][] = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  for (let j = 0; j <= m; j++) (best[0] as number[])[j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const skip = best[i]?.[j - 1] ?? Number.POSITIVE_INFINITY;
      const take = (best[i - 1]?.[j - 1] ?? Number.POSITIVE_INFINITY) + cost(tokens[i - 1] as Token, cols[j - 1] as Column);
      (best[i] as number[])[j] = Math.min(skip, take);
      (from[i] as boolean[])[j] = take <= skip;
    }
  }
  const out = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (from[i]?.[j]) {
      out[i - 1] = j - 1;
      i--;
    }
    j--;
  }
  return out;
}

/**
 * Header words → columns, left to right. pdftotext keeps the order of words but not their exact
 * place (Chinese text is narrower in the text than on the page), so order decides first: a line
 * with a word for every column, or for every amount column right of the key columns, is read one
 * by one; any other line goes where its words stand, two words on one line to two columns unless
 * only one column is near (one cell printed with a space in it).
 */
function assignHeader(words: readonly Word[], cols: readonly Column[]): number[] {
  const n = words.length;
  const m = cols.length;
  if (n === m) return words.map((_, i) => i);
  const firstNumber = cols.findIndex((c) => c.amount > 0);
  const centre = (w: { start: number; end: number }): number => (w.start + w.end) / 2;
  if (firstNumber > 0) {
    const edge = (cols[firstNumber] as Column).start;
    const keyWords = words.filter((w) => centre(w) < edge).length;
    if (n - keyWords === m - firstNumber) {
      const keys = keyWords === firstNumber ? words.slice(0, keyWords).map((_, i) => i) : assignByPlace(words.slice(0, keyWords), cols.slice(0, firstNumber));
      return [...keys, ...words.slice(keyWords).map((_, i) => firstNumber + i)];
    }
  }
  return assignByPlace(words, cols);
}

function assignByPlace(words: readonly Word[], cols: readonly Column[]): number[] {
  const n = words.length;
  const m = cols.length;
  if (n === 0 || m === 0) return words.map(() => 0);
  const SHARE = 3;
  const centre = (w: { start: number; end: number }): number => (w.start + w.end) / 2;
  const cost = (w: Word, c: Column): number => distance(w, c) + Math.abs(centre(w) - centre(c)) * 0.01;
  // best[i][j]: least cost with word i in column j.
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(Number.POSITIVE_INFINITY));
  const prev: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) (best[0] as number[])[j] = cost(words[0] as Word, cols[j] as Column);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = cost(words[i] as Word, cols[j] as Column);
      for (let k = 0; k <= j; k++) {
        const v = (best[i - 1]?.[k] ?? Number.POSITIVE_INFINITY) + c + (k === j ? SHARE : 0);
        if (v < (best[i]?.[j] ?? Number.POSITIVE_INFINITY)) {
          (best[i] as number[])[j] = v;
          (prev[i] as number[])[j] = k;
        }
      }
    }
  }
  const out = new Array<number>(n).fill(0);
  let j = 0;
  for (let k = 1; k < m; k++) if ((best[n - 1]?.[k] ?? Infinity) < (best[n - 1]?.[j] ?? Infinity)) j = k;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = j;
    j = prev[i]?.[j] ?? 0;
  }
  return out;
}

/**
 * Header words far from every column name columns of their own (an empty table has no data to
 * show where its 科目名称 column is). The lowest header line speaks for each place.
 */
function headerColumns(header: readonly TableLine[], cols: Column[]): void {
  for (const line of header.slice(-1)) {
    for (const w of line.words) {
      if (cols.every((c) => distance(w, c) > HEADER_FAR)) cols.push({ start: w.start, end: w.end, numeric: 0, text: 1, amount: 0 });
    }
  }
  cols.sort((a, b) => a.start - b.start || a.end - b.end);
}

const isTextOnly = (line: TableLine): boolean => line.tokens.length > 0 && line.tokens.every((t) => t.kind === 'text');

/** A line that starts a table row: a code, a number, or a label (numbered, a total, a known item). */
const opensRow = (line: TableLine, isLabel: (text: string) => boolean): boolean => {
  if (line.tokens.some((t) => t.kind === 'amount')) return true;
  // Words printed in front of the 合计 row in some layouts (类 款 项 over the code columns).
  const first = line.tokens.find((t) => !(t.kind === 'text' && CODE_HEADING.test(t.text)));
  if (!first) return false;
  if (first.kind === 'code') return true;
  if (first.kind !== 'text') return false;
  // 合计 opens the data unless more header words follow it (合计 | 基本支出 | 项目支出 is a header line).
  if (TOTAL.test(squeeze(first.text))) return line.tokens.every((t) => t === first || t.kind !== 'text' || CODE_HEADING.test(t.text));
  return NUMBERED.test(first.text) || isLabel(first.text);
};

/**
 * One table of a space-aligned text (as `pdftotext -layout` writes it) → grid rows. Columns come
 * from where the data lines put their numbers and codes, page by page (each page is laid out on
 * its own character grid); header words go to the columns they stand over; a line of text only
 * is part of a wrapped cell and is left for the wrapped-cell pass to join.
 */
export function layoutTable(file: string, lines: readonly SourceLine[], model: WidthModel, isLabel: (text: string) => boolean): GridRow[] {
  const table: TableLine[] = lines
    .filter((l) => l.text.trim() !== '')
    .map((source) => {
      const words = wordsOf(source.text, model);
      return { source, tokens: tokensOf(words), words };
    });
  const gridOf = (l: TableLine): GridRow => ({ cells: l.tokens.map((t) => t.text), loc: { file, line: l.source.line } });
  let dataAt = table.findIndex((l) => isColumnNumberRow(gridOf(l)) || opensRow(l, isLabel));
  if (dataAt < 0) dataAt = table.length;
  const header = table.slice(0, dataAt);
  const body = table.slice(dataAt);
  const dataLines = body.filter((l) => !isTextOnly(l) || opensRow(l, isLabel));
  if (dataLines.length === 0) return table.map((l) => ({ cells: l.words.length > 0 ? [l.source.text.trim()] : [], loc: { file, line: l.source.line } }));

  // Columns per page; pages map onto the one with the most columns by their order and place.
  const pages = [...new Set(dataLines.map((l) => l.source.page))];
  const perPage = new Map(pages.map((p) => [p, discoverColumns(dataLines.filter((l) => l.source.page === p))]));
  const firstPage = header[0]?.source.page;
  const firstCols = firstPage === undefined ? undefined : perPage.get(firstPage);
  if (firstCols) headerColumns(header, firstCols);
  const reference = pages.reduce((a, b) => ((perPage.get(b)?.length ?? 0) > (perPage.get(a)?.length ?? 0) ? b : a));
  const refCols = perPage.get(reference) ?? [];
  const mapping = new Map<number, number[]>();
  const unsure = new Set<number>();
  for (const p of pages) {
    const cols = perPage.get(p) ?? [];
    if (cols.length === refCols.length) mapping.set(p, cols.map((_, i) => i));
    else {
      mapping.set(p, mapByPlace(cols, refCols));
      // Which of the reference's number columns a shorter page's numbers are in cannot be told.
      unsure.add(p);
    }
  }
  const firstNumber = refCols.findIndex((c) => c.amount > 0);

  const rows: GridRow[] = [];
  const headerPage = header[0]?.source.page ?? dataLines[0]?.source.page ?? reference;
  const headerCols = perPage.get(headerPage) ?? refCols;
  const headerMap = mapping.get(headerPage) ?? refCols.map((_, i) => i);
  for (const line of header) {
    const cells = new Array<string>(refCols.length).fill('');
    if (line.words.length > 0 && headerCols.length > 0) {
      assignHeader(line.words, headerCols).forEach((c, i) => {
        const at = headerMap[c] ?? c;
        cells[at] = joinPieces(cells[at] ?? '', line.words[i]?.text ?? '');
      });
    }
    rows.push({ cells, loc: { file, line: line.source.line } });
  }
  for (const line of body) {
    const cols = perPage.get(line.source.page) ?? refCols;
    const map = mapping.get(line.source.page) ?? [];
    const cells = new Array<string>(refCols.length).fill('');
    const unknown: number[] = [];
    const unplaced: string[] = [];
    const placed = assign(line.tokens, cols);
    placed.forEach((c, i) => {
      const token = line.tokens[i] as Token;
      const at = c < 0 ? -1 : (map[c] ?? -1);
      if (token.kind === 'amount' && (unsure.has(line.source.page) || doubtful(placed, i, line.tokens, cols))) unplaced.push(token.text);
      else if (at >= 0) cells[at] = joinPieces(cells[at] ?? '', token.text);
      else unplaced.push(token.text);
    });
    if (unplaced.length > 0 && firstNumber >= 0) {
      for (let c = firstNumber; c < refCols.length; c++) if (cells[c] === '') unknown.push(c);
    }
    const row: GridRow = { cells, loc: { file, line: line.source.line } };
    if (unplaced.length > 0) row.uncertain = { unknown, unplaced };
    rows.push(row);
  }
  firstRowAbove(rows, header.length);
  return rows;
}

/**
 * An amount of a line with empty cells that stands clear of its column while a free neighbouring
 * column is about as near: which of the two it is in cannot be told (pdftotext shifts words).
 */
function doubtful(placed: readonly number[], i: number, tokens: readonly Token[], cols: readonly Column[]): boolean {
  if (tokens.length === cols.length) return false;
  const token = tokens[i] as Token;
  const c = placed[i] ?? -1;
  const col = cols[c];
  if (!col) return true;
  const d = distance(token, col);
  if (d === 0) return false;
  const low = (placed[i - 1] ?? -1) + 1;
  const high = i + 1 < placed.length ? (placed[i + 1] ?? cols.length) - 1 : cols.length - 1;
  for (let k = low; k <= high; k++) {
    const other = cols[k];
    if (k !== c && other && other.amount > 0 && distance(token, other) <= d + 2) return true;
  }
  return false;
}

/** Columns of a page → the reference page's, in order, each to the nearest by relative place. */
function mapByPlace(cols: readonly Column[], ref: readonly Column[]): number[] {
  const span = (list: readonly Column[]): [number, number] => [smallest(list.map((c) => c.start)), largest(list.map((c) => c.end))];
  const [a0, a1] = span(cols);
  const [b0, b1] = span(ref);
  const rel = (c: Column, lo: number, hi: number): number => ((c.start + c.end) / 2 - lo) / Math.max(1, hi - lo);
  const asTokens: Token[] = cols.map((c) => ({ text: '', start: rel(c, a0, a1) * 1000, end: rel(c, a0, a1) * 1000 + 1, kind: c.numeric > 0 ? 'amount' : 'text' }));
  const asCols: Column[] = ref.map((c) => ({ ...c, start: rel(c, b0, b1) * 1000 - 0.5, end: rel(c, b0, b1) * 1000 + 0.5 }));
  return assign(asTokens, asCols);
}

/**
 * A name wrapped over lines with its numbers centred between them starts above the first data
 * line: a last header line of text whose cells are empty in the first row, and go on in the line
 * under that row, is the start of the first row's cells.
 */
function firstRowAbove(rows: GridRow[], headerCount: number): void {
  const above = rows[headerCount - 1];
  const first = rows[headerCount];
  const below = rows[headerCount + 1];
  if (!above || !first || !below) return;
  const filled = above.cells.flatMap((c, i) => (c !== '' ? [i] : []));
  if (filled.length === 0 || filled.some((i) => (first.cells[i] ?? '') !== '' || /\d/.test(above.cells[i] ?? ''))) return;
  if (!filled.some((i) => (below.cells[i] ?? '') !== '') || !below.cells.every((c, k) => c === '' || filled.includes(k))) return;
  for (const i of filled) first.cells[i] = above.cells[i] ?? '';
  rows.splice(headerCount - 1, 1);
}

/**
 * A space-aligned text (as `pdftotext -layout` writes it): each line's cells are its fields two
 * spaces apart; a table is rebuilt from the character positions of its words, and read as a
 * plain extraction when the positions do not settle every value.
 */
export function layoutStrategy(file: string, lines: readonly SourceLine[]): TextStrategy {
  const model = widthModel(lines);
  const rows: GridRow[] = lines.map((l) => ({ cells: fieldsOf(l.text), loc: { file, line: l.line } }));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const rebuild = (block: TableBlock, range: GridRow[], known: Known): GridRow[] => {
    const body = dropRepeatedHeader(range.filter((r) => r.cells.length > 0));
    const kept = new Set(body.map((r) => r.loc.line));
    const source = range.map((r) => sourceLineOf(r, byLine)).filter((l) => kept.has(l.line));
    const table = layoutTable(file, source, model, (text) => isRowLabel(block.template, text));
    const joined = joinSplitLabels(joinAroundNumbers(table, block.template), block.template);
    const rebuilt = strayNumbers(joinWrappedRows(joined, block.template), block.template);
    if (readsWhole(rebuilt, block.template)) return rebuilt;
    // Positions that do not settle every value (cells left empty, pages laid out apart, headings
    // not over their numbers): read the table as a plain extraction, only what is certain.
    const plain = source.map((l) => ({ ...l, text: fieldsOf(l.text).join('\t') }));
    return unalignedTable(file, block.template, plain, 'plain', known);
  };
  return { rows, rebuild };
}

/**
 * Whether a table rebuilt from character positions can be trusted: no value was left unplaced, and
 * every column holding amounts is named by its header (or numbered by the 栏次 line of a 三公 table).
 */
function readsWhole(rows: readonly GridRow[], template: TableTemplate): boolean {
  if (rows.some((r) => r.uncertain)) return false;
  const dataAt = rows.findIndex((r) => hasData(r) || isColumnNumberRow(r));
  if (dataAt < 0) return true;
  const header = rows.slice(0, dataAt);
  const numbers = rows.find((r) => isColumnNumberRow(r));
  const amountColumns = new Set<number>();
  for (const r of rows.slice(dataAt)) r.cells.forEach((c, k) => looksLikeAmount(c) && amountColumns.add(k));
  const labels = columnLabels(header);
  const specs = [...template.columns, ...(template.incomeColumns ?? [])];
  return [...amountColumns].every((k) => {
    const label = labels[k] ?? '';
    switch (template.layout) {
      case 'three-public':
        return COLUMN_NUMBER.test((numbers?.cells[k] ?? '').trim());
      case 'panels':
        return /决算数|金额|合计/.test(label);
      default:
        return specs.some((s) => s.match.test(label));
    }
  });
}
