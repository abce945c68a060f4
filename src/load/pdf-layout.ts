import type { GridRow } from './grid.js';
import { CODE, NOTE_START, NUMERIC, ROW_START, TOTAL, TOTAL_ENDING, WIDE, isAmount, isPageNumber, squeeze } from './lexicon.js';
import { append } from './arrays.js';

/**
 * One run of text as a PDF's text layer gives it, in page space: x from the left edge, y the
 * baseline measured down from the top edge, width along the baseline, size the font height.
 */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The text of one page, numbered from 1. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface LayoutOptions {
  /**
   * Lines that never belong to a table body: titles, unit and department lines. Without it a
   * title printed close above a header could be read as part of that header.
   */
  standsAlone?: (text: string) => boolean;
}

/** A word of an item (items are split at spaces, so cells printed in one run still separate). */
interface Piece {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  line: Line;
}

type LineKind = 'tabular' | 'cell' | 'prose' | 'alone';

interface Line {
  page: number;
  /** 1-based line number on the page, top to bottom. */
  number: number;
  /** Position among all lines of the document. */
  index: number;
  y: number;
  size: number;
  pieces: Piece[];
  kind: LineKind;
}

interface Column {
  x0: number;
  x1: number;
  fromHeader: boolean;
}

// Lines: baselines within this share of the font size are one line.
const SAME_LINE = 0.3;
// A gap of this many font sizes between runs on one line marks table cells; running text never has one.
const CELL_GAP = 1.2;
// Headings of adjacent narrow columns are this far apart at least (in font sizes): more than a word space.
const HEADING_GAP = 0.6;
// Groups of a line outside tables are split into cells at gaps this wide (a title and its 公开NN表 tag).
const FIELD_GAP = 2.5;
// Lines of one table row closer than this (in font sizes) are one row: cells printed top-aligned or
// vertically centred in a taller row sit a fraction of a line above or below the row's other cells.
const SAME_ROW = 0.8;
// A wrapped cell continues on the next line at most this far below (in font sizes).
const WRAP_PITCH = 1.6;
// Header and trailing lines join a table when no further than this from it (in font sizes).
const NEAR = 2.5;
// Running headers and footers live in this share of the page height at the top and bottom.
const MARGIN_BAND = 0.08;

const isCode = (text: string): boolean => CODE.test(text);

/**
 * Rebuilds the rows of a PDF from text positions. Table regions (runs of lines with cell gaps)
 * get one column model, so header cell i and data cell i are the same printed column; rows
 * printed over several lines, or with cells offset inside a tall row, come out as one row.
 * Everything else is one row per printed line. Every row carries its page and line on that page.
 */
export function layoutPages(file: string, pages: readonly PdfPage[], options: LayoutOptions = {}): GridRow[] {
  const lines = readLines(pages);
  const kept = dropRunningLines(lines, pages);
  kept.forEach((line, i) => (line.index = i));
  const widths = pageWidths(kept);
  for (const line of kept) line.kind = classify(line, widths.get(line.page) ?? 0, options);

  const regions = findRegions(kept);
  const rows: GridRow[] = [];
  let next = 0;
  for (const region of regions) {
    for (; next < region.from; next++) rows.push(plainRow(file, kept[next] as Line));
    append(rows, tableRows(file, kept.slice(region.from, region.to + 1)));
    next = region.to + 1;
  }
  for (; next < kept.length; next++) rows.push(plainRow(file, kept[next] as Line));
  return rows;
}

/** Items → words → lines, per page, top to bottom. */
function readLines(pages: readonly PdfPage[]): Line[] {
  const all: Line[] = [];
  for (const page of pages) {
    const words = dedupe(page.items.flatMap(splitItem)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const lines: Line[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last && word.y - last.y <= SAME_LINE * Math.min(word.size, last.size)) {
        last.pieces.push({ ...word, line: last });
      } else {
        const line: Line = { page: page.number, number: lines.length + 1, index: 0, y: word.y, size: word.size, pieces: [], kind: 'prose' };
        line.pieces.push({ ...word, line });
        lines.push(line);
      }
    }
    for (const line of lines) {
      line.pieces.sort((a, b) => a.x0 - b.x0);
      line.size = median(line.pieces.map((p) => p.size));
    }
    append(all, lines);
  }
  return all;
}

/** A word before it is placed on a line. */
type Word = Omit<Piece, 'line'>;

/**
 * Splits a run where it holds a wide space (two or more spaces, or an ideographic one): some
 * producers print several cells as one run. A single space stays inside the word; between
 * Chinese characters it is letter spacing and goes. Widths are spread over the characters,
 * CJK full width, others half.
 */
function splitItem(item: PdfTextItem): Word[] {
  if (item.text.trim() === '' || !(item.size > 0)) return [];
  const chars = [...item.text];
  const unit = (ch: string): number => (WIDE.test(ch) ? 1 : 0.5);
  const total = chars.reduce((sum, ch) => sum + unit(ch), 0);
  const scale = item.width > 0 && total > 0 ? item.width / total : item.size;
  const words: Word[] = [];
  let at = 0;
  let word = '';
  let start = 0;
  let end = 0;
  let space = 0;
  const flush = (): void => {
    const text = word.replace(/\s+(?=\S)/gu, (gap, offset: number) => (WIDE.test(word[offset - 1] ?? '') || WIDE.test(word[offset + gap.length] ?? '') ? '' : ' ')).trim();
    if (text !== '') words.push({ text, x0: item.x + start * scale, x1: item.x + end * scale, y: item.y, size: item.size });
    word = '';
  };
  for (const ch of chars) {
    if (/[\s\u00a0\u3000]/u.test(ch)) {
      space += unit(ch);
    } else {
      if (space >= 1) flush();
      if (word === '') start = at;
      else if (space > 0) word += ' ';
      word += ch;
      end = at + unit(ch);
      space = 0;
    }
    at += unit(ch);
  }
  flush();
  return words;
}

/** Text drawn twice at the same place (a fake bold) is read once. */
function dedupe(pieces: Word[]): Word[] {
  const out: Word[] = [];
  for (const p of pieces) {
    const twin = out.find((q) => q.text === p.text && Math.abs(q.x0 - p.x0) < p.size * 0.2 && Math.abs(q.y - p.y) < p.size * 0.2);
    if (!twin) out.push(p);
  }
  return out;
}

/**
 * Page numbers, and lines repeated in the top or bottom margin of several pages, are not content.
 * The lines left keep their numbers: a line number counts what is printed on the page.
 */
function dropRunningLines(lines: readonly Line[], pages: readonly PdfPage[]): Line[] {
  const heights = new Map(pages.map((p) => [p.number, p.height]));
  const inMargin = (line: Line): boolean => {
    const h = heights.get(line.page) ?? 0;
    return h > 0 && (line.y < h * MARGIN_BAND || line.y > h * (1 - MARGIN_BAND));
  };
  const key = (line: Line): string => squeeze(lineText(line)).replace(/\d+/g, '#');
  const seen = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!inMargin(line)) continue;
    const k = key(line);
    const set = seen.get(k) ?? new Set<number>();
    set.add(line.page);
    seen.set(k, set);
  }
  const textPages = new Set(lines.map((l) => l.page)).size;
  const repeated = Math.max(2, Math.min(3, Math.ceil(textPages / 2)));
  const dropped = new Set<Line>(numberedEdges(lines));
  for (const line of lines) {
    if (!inMargin(line)) continue;
    const text = lineText(line).trim();
    if (isPageNumber(text, true) || (textPages > 1 && (seen.get(key(line))?.size ?? 0) >= repeated)) dropped.add(line);
  }
  return lines.filter((l) => !dropped.has(l));
}

/**
 * Page numbers printed above the bottom margin (inside a table's last rows, as some producers
 * place them): the last line of a page when it is a lone bare number and the page before or after
 * ends with the number one less or one more. The sequence is what tells a page number from a
 * value: amounts carry decimals, and no table prints a run of counts one a page.
 */
function numberedEdges(lines: readonly Line[]): Line[] {
  const last = new Map<number, Line>();
  for (const line of lines) {
    const seen = last.get(line.page);
    if (!seen || line.y >= seen.y) last.set(line.page, line);
  }
  const numbered = new Map<number, { line: Line; n: number }>();
  for (const [page, line] of last) {
    const text = lineText(line).trim();
    if (line.pieces.length === 1 && /^\d{1,4}$/.test(text)) numbered.set(page, { line, n: Number(text) });
  }
  const offset = (page: number): number | undefined => {
    const found = numbered.get(page);
    return found ? page - found.n : undefined;
  };
  return [...numbered].filter(([page]) => {
    const own = offset(page);
    return own !== undefined && (offset(page - 1) === own || offset(page + 1) === own);
  }).map(([, { line }]) => line);
}

function pageWidths(lines: readonly Line[]): Map<number, number> {
  const bounds = new Map<number, { x0: number; x1: number }>();
  for (const line of lines) {
    for (const p of line.pieces) {
      const b = bounds.get(line.page) ?? { x0: p.x0, x1: p.x1 };
      b.x0 = Math.min(b.x0, p.x0);
      b.x1 = Math.max(b.x1, p.x1);
      bounds.set(line.page, b);
    }
  }
  return new Map([...bounds].map(([page, b]) => [page, b.x1 - b.x0]));
}

function classify(line: Line, pageWidth: number, options: LayoutOptions): LineKind {
  const groups = splitGroups(line.pieces, FIELD_GAP);
  if (options.standsAlone && (options.standsAlone(lineText(line)) || groups.some((g) => options.standsAlone?.(joinText(g))))) return 'alone';
  if (maxGap(line.pieces) >= CELL_GAP * line.size) return 'tabular';
  if (isHeadingRow(line)) return 'cell';
  const text = lineText(line);
  const first = line.pieces[0];
  const last = line.pieces[line.pieces.length - 1];
  const width = first && last ? last.x1 - first.x0 : 0;
  if (NOTE_START.test(text) || /[。；：:]$/.test(text) || (pageWidth > 0 && width >= 0.55 * pageWidth)) return 'prose';
  return 'cell';
}

/**
 * A row of column headings set close together (narrow columns, long headings): three or more
 * separately drawn words, none a sentence fragment, each apart from the next by more than a word
 * space. Running text is one run, or runs that touch; a justified line spreads single characters.
 */
function isHeadingRow(line: Line): boolean {
  const pieces = line.pieces;
  if (pieces.length < 3 || pieces.some((p) => [...p.text].length < 2 || /[，。；：:、,;]/.test(p.text))) return false;
  for (let i = 1; i < pieces.length; i++) {
    const a = pieces[i - 1] as Piece;
    const b = pieces[i] as Piece;
    if (b.x0 - a.x1 < HEADING_GAP * line.size) return false;
  }
  return true;
}

function maxGap(pieces: readonly Piece[]): number {
  let gap = 0;
  for (let i = 1; i < pieces.length; i++) {
    const a = pieces[i - 1];
    const b = pieces[i];
    if (a && b) gap = Math.max(gap, b.x0 - a.x1);
  }
  return gap;
}

function splitGroups(pieces: readonly Piece[], gapInSizes: number): Piece[][] {
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (group && prev && piece.x0 - prev.x1 < gapInSizes * Math.max(prev.size, piece.size)) group.push(piece);
    else groups.push([piece]);
  }
  return groups;
}

const hasData = (line: Line): boolean => line.pieces.some((p) => isAmount(p.text) || isCode(p.text));
const isTotalLine = (line: Line): boolean => line.pieces.length === 1 && TOTAL.test(line.pieces[0]?.text ?? '');

/**
 * Table regions: runs of tabular lines (with the header and wrapped lines between them), going on
 * over a page break when the next page starts with table rows.
 */
function findRegions(lines: readonly Line[]): Array<{ from: number; to: number }> {
  const regions: Array<{ from: number; to: number }> = [];
  const joins = (a: Line, b: Line): boolean => {
    if (b.kind === 'alone' || b.kind === 'prose') return false;
    if (a.page === b.page) return true;
    // A table goes on over a page break when the next page starts with its rows: table lines
    // before any title or running text.
    for (let k = b.index; k < lines.length; k++) {
      const line = lines[k] as Line;
      if (line.page !== b.page || line.kind === 'alone' || line.kind === 'prose') return false;
      if (line.kind === 'tabular' || hasData(line)) return true;
    }
    return false;
  };
  let i = 0;
  while (i < lines.length) {
    const start = lines[i] as Line;
    if (start.kind !== 'tabular' && start.kind !== 'cell') {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && joins(lines[end] as Line, lines[end + 1] as Line)) end++;
    const block = lines.slice(i, end + 1);
    const tabular = block.filter((l) => l.kind === 'tabular');
    const first = tabular[0];
    const last = tabular[tabular.length - 1];
    if (tabular.length >= 2 && first && last) {
      let from = first.index;
      while (from > i) {
        const above = lines[from - 1] as Line;
        const below = lines[from] as Line;
        if (above.page !== below.page || below.y - above.y > NEAR * below.size) break;
        from--;
      }
      let to = last.index;
      while (to < end) {
        const above = lines[to] as Line;
        const below = lines[to + 1] as Line;
        const near = below.page === above.page && below.y - above.y <= NEAR * above.size;
        if (!near && !hasData(below) && !isTotalLine(below)) break;
        to++;
      }
      regions.push({ from, to });
    }
    i = end + 1;
  }
  return regions;
}

/** A line outside tables: its text as one cell (or a few, when far apart like a title and its tag). */
function plainRow(file: string, line: Line): GridRow {
  return { cells: splitGroups(line.pieces, FIELD_GAP).map(joinText), loc: { file, line: line.number, page: line.page } };
}

function lineText(line: Line): string {
  return joinText(line.pieces);
}

/** Joins words in reading order: no space inside Chinese text, one space between Latin words or numbers. */
function joinText(pieces: readonly Piece[]): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (prev) {
      const sameLine = prev.line === p.line;
      const gap = sameLine ? p.x0 - prev.x1 : Number.POSITIVE_INFINITY;
      const a = out.slice(-1);
      const b = p.text.slice(0, 1);
      if (gap >= 0.25 * p.size && !WIDE.test(a) && !WIDE.test(b)) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }): number => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * One table region → grid rows: header lines as they are printed (the builders join a column's
 * header text top to bottom), then one row per table row.
 */
function tableRows(file: string, region: readonly Line[]): GridRow[] {
  const size = median(region.flatMap((l) => l.pieces.map((p) => p.size)));
  const firstPage = region[0]?.page;
  let dataAt = region.findIndex(hasData);
  // A table without numbers (an empty table, a blank form): its rows start at the first numbered
  // item (一、…), else at a lone 合计 on its last line.
  if (dataAt < 0) dataAt = region.findIndex((l) => ROW_START.test(l.pieces[0]?.text ?? ''));
  if (dataAt < 0) {
    const last = region[region.length - 1];
    dataAt = last && isTotalLine(last) && region.length > 1 ? region.length - 1 : region.length;
  }
  // The first row's label wrapped over lines starts above its numbers (centred in the tall row):
  // a line closer above them than a row pitch is that row, not header.
  for (;;) {
    const above = region[dataAt - 1];
    const first = region[dataAt];
    if (!above || !first || above.page !== first.page || first.y - above.y > SAME_ROW * size) break;
    dataAt--;
  }
  const header = region.slice(0, dataAt);
  const headerTexts = new Set(header.map((l) => squeeze(lineText(l))));
  // A continuation page that repeats the header: its repeated lines are dropped.
  const data = region.slice(dataAt).filter((line, i, all) => {
    if (line.page === firstPage || line.page === region[dataAt]?.page) return true;
    const before = all.slice(0, i).filter((l) => l.page === line.page);
    return !(before.every((l) => !hasData(l)) && !hasData(line) && headerTexts.has(squeeze(lineText(line))));
  });

  const firstData = data[0];
  const settled = data.flatMap((l) => l.pieces.filter((p) => l !== firstData || isAmount(p.text) || isCode(p.text)));
  const columns: Column[] = [];
  // Totals are often printed across merged cells or centred under a group: they come last and widen nothing.
  for (const p of settled.filter((q) => !TOTAL_ENDING.test(q.text))) addData(columns, p);
  // Header words on the first data line (类 款 项 beside the 合计 row) sit above code or amount columns.
  const moved: Piece[] = [];
  for (const p of firstData?.pieces ?? []) {
    if (isAmount(p.text) || isCode(p.text) || TOTAL_ENDING.test(p.text)) continue;
    const overNumbers = columns.some((c) => {
      if (overlap(c, p) <= 0.1 * p.size) return false;
      const below = settled.filter((q) => overlap(c, q) > 0);
      return below.length > 0 && below.every((q) => NUMERIC.test(q.text));
    });
    if (overNumbers) moved.push(p);
    else addData(columns, p);
  }
  const headerPieces = [...header.flatMap((l) => l.pieces), ...moved];
  const headerLeaves = leaves(headerPieces, size);
  for (const p of [...headerLeaves].sort(byWidth)) placeHeader(columns, p);
  for (const p of [...settled, ...(firstData?.pieces ?? [])].filter((q) => TOTAL_ENDING.test(q.text))) {
    if (!columns.some((c) => overlap(c, p) > 0.1 * p.size)) columns.push({ x0: p.x0, x1: p.x1, fromHeader: false });
  }
  pairHeaderWithData(columns, headerLeaves);
  const cols = mergeColumns(columns);

  const rows: GridRow[] = [];
  for (const line of header) rows.push(gridRow(file, cols, line.pieces, line));
  const movedLine = moved[0]?.line;
  if (movedLine) rows.push(gridRow(file, cols, moved, movedLine));

  const bands = toBands(data.map((l) => ({ line: l, pieces: l.pieces.filter((p) => !moved.includes(p)) })), cols, size);
  for (const band of bands) {
    const anchor = [...band].sort((a, b) => (bestColumn(cols, a) ?? 0) - (bestColumn(cols, b) ?? 0) || a.y - b.y)[0];
    if (anchor) rows.push(gridRow(file, cols, band, anchor.line));
  }
  return rows;
}

const byWidth = (a: Piece, b: Piece): number => a.x1 - a.x0 - (b.x1 - b.x0) || a.x0 - b.x0;

/** A data word joins every column it overlaps into one: data cells of one column overlap, of two never do. */
function addData(columns: Column[], p: Piece): void {
  const hits = columns.filter((c) => overlap(c, p) > 0.1 * p.size);
  const joined: Column = { x0: p.x0, x1: p.x1, fromHeader: false };
  for (const c of hits) {
    joined.x0 = Math.min(joined.x0, c.x0);
    joined.x1 = Math.max(joined.x1, c.x1);
    columns.splice(columns.indexOf(c), 1);
  }
  columns.push(joined);
}

/**
 * A header word over no column starts one (a column left empty in every row); over one header
 * column it widens it; over a data column, or over two or more (a group heading), it defines nothing.
 */
function placeHeader(columns: Column[], p: Piece): void {
  const hits = columns.filter((c) => overlap(c, p) > 0.1 * p.size);
  const only = hits[0];
  if (hits.length === 0) {
    columns.push({ x0: p.x0, x1: p.x1, fromHeader: true });
  } else if (hits.length === 1 && only?.fromHeader) {
    only.x0 = Math.min(only.x0, p.x0);
    only.x1 = Math.max(only.x1, p.x1);
  }
}

/**
 * A column known only from its header next to a column known only from its data is one printed
 * column: amounts right-aligned in a wide cell do not reach the centred heading (or 栏次 number)
 * above them. Nearest pairs are joined first, each column at most once, neighbours only.
 */
function pairHeaderWithData(columns: Column[], headerLeaves: readonly Piece[]): void {
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  const headed = (c: Column): boolean => headerLeaves.some((p) => overlap(c, p) > 0.1 * p.size);
  const pairs: Array<{ header: Column; data: Column; gap: number }> = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as Column;
    const b = sorted[i + 1] as Column;
    const gap = b.x0 - a.x1;
    if (a.fromHeader && !b.fromHeader && !headed(b)) pairs.push({ header: a, data: b, gap });
    else if (b.fromHeader && !a.fromHeader && !headed(a)) pairs.push({ header: b, data: a, gap });
  }
  const used = new Set<Column>();
  for (const { header, data } of pairs.sort((p, q) => p.gap - q.gap)) {
    if (used.has(header) || used.has(data)) continue;
    used.add(header).add(data);
    data.x0 = Math.min(data.x0, header.x0);
    data.x1 = Math.max(data.x1, header.x1);
    columns.splice(columns.indexOf(header), 1);
  }
}

/** Header words with no other header word printed under them: the lowest header cell of each column. */
function leaves(pieces: readonly Piece[], size: number): Piece[] {
  return pieces.filter((p) => !pieces.some((q) => q !== p && q.y > p.y + SAME_LINE * size && overlap(p, q) > 0.25 * size));
}

function mergeColumns(columns: readonly Column[]): Column[] {
  const sorted = [...columns].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1) last.x1 = Math.max(last.x1, c.x1);
    else out.push({ ...c });
  }
  return out;
}

/** The column a word overlaps most (the leftmost on a tie), or the nearest one. */
function bestColumn(columns: readonly Column[], p: { x0: number; x1: number }): number | undefined {
  let best: number | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  columns.forEach((c, i) => {
    const o = overlap(c, p);
    const score = o > 0 ? o : o - 1e6;
    if (score > bestScore + 1e-9) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

interface DataLine {
  line: Line;
  pieces: Piece[];
}

/**
 * Data lines → table rows. Lines closer than a line height are one row. A line with no number,
 * code or numbered label of its own is part of a wrapped cell: the rest of the cell above when
 * that one filled its column, else the start of the cell below (a name wrapped over three lines,
 * centred on its code).
 */
function toBands(lines: readonly DataLine[], cols: readonly Column[], size: number): Piece[][] {
  const bands: Band[] = [];
  for (const { line, pieces } of lines) {
    if (pieces.length === 0) continue;
    const last = bands[bands.length - 1];
    if (last && last.page === line.page && line.y - last.bottom <= SAME_ROW * size) {
      append(last.pieces, pieces);
      last.bottom = line.y;
    } else {
      bands.push({ pieces: [...pieces], top: line.y, bottom: line.y, page: line.page });
    }
  }
  const right = new Map<number, number>();
  for (const band of bands) {
    for (const p of band.pieces) {
      const c = bestColumn(cols, p);
      if (c !== undefined) right.set(c, Math.max(right.get(c) ?? Number.NEGATIVE_INFINITY, p.x1));
    }
  }
  // A wrapped line reaches the column's right edge: less than a character short of the longest line.
  const full = (p: Piece): boolean => !isAmount(p.text) && p.x1 >= (right.get(bestColumn(cols, p) ?? -1) ?? Number.POSITIVE_INFINITY) - 0.6 * size;
  const near = (above: Band, below: Band): boolean => above.page === below.page && below.top - above.bottom <= WRAP_PITCH * size;
  const inColumnsOf = (band: Band, p: Piece): Piece[] => band.pieces.filter((q) => bestColumn(cols, q) === bestColumn(cols, p));
  const out: Band[] = [];
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as Band;
    const prev = out[out.length - 1];
    const next = bands[i + 1];
    if (band.pieces.some(startsRow)) {
      out.push(band);
    } else if (prev && near(prev, band) && band.pieces.every((p) => lowest(inColumnsOf(prev, p)).some(full))) {
      append(prev.pieces, band.pieces);
      prev.bottom = band.bottom;
    } else if (next && near(band, next) && band.pieces.every((p) => full(p) && inColumnsOf(next, p).length > 0)) {
      next.pieces = [...band.pieces, ...next.pieces];
      next.top = band.top;
    } else {
      out.push(band);
    }
  }
  return out.map((b) => b.pieces);
}

interface Band {
  pieces: Piece[];
  top: number;
  bottom: number;
  page: number;
}

/** The lowest printed of some words (as a list of at most one). */
const lowest = (pieces: readonly Piece[]): Piece[] => [...pieces].sort((a, b) => b.y - a.y).slice(0, 1);

const startsRow = (p: Piece): boolean => isAmount(p.text) || isCode(p.text) || TOTAL.test(p.text) || ROW_START.test(p.text);

/** Words → a grid row with one cell per column; a cell's words join top to bottom, left to right. */
function gridRow(file: string, cols: readonly Column[], pieces: readonly Piece[], at: Line): GridRow {
  const cells: Piece[][] = cols.map(() => []);
  for (const p of pieces) {
    const c = bestColumn(cols, p);
    if (c !== undefined) cells[c]?.push(p);
  }
  return {
    cells: cells.map((words) => joinText([...words].sort((a, b) => a.line.index - b.line.index || a.x0 - b.x0))),
    loc: { file, line: at.number, page: at.page },
  };
}
