import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { loadDocument, type DocumentSource } from '../../src/load/index.js';

/** Cases per loader: 10,000 by default, FUZZ_RUNS to change (`npm run fuzz` runs 200,000). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 10000);

/** A guard for the whole property, far above what the cases need: a hang fails, a slow machine does not. */
export function budget(runs: number, perCaseMs: number): number {
  return 120_000 + runs * perCaseMs * 20;
}

export function tempDir(name: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `zjs-fuzz-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every promise rejected with nobody listening while the properties run. */
export function watchRejections(): { rejections: unknown[]; stop: () => void } {
  const rejections: unknown[] = [];
  const listener = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', listener);
  return { rejections, stop: () => process.off('unhandledRejection', listener) };
}

/**
 * The property every loader must hold: loadDocument never throws (bad input comes back as an
 * error value), and checkDocument never throws on what loads.
 */
/** How the cases ended (error kind, or the number of tables read); FUZZ_STATS=1 prints it. */
export const outcomes = new Map<string, number>();

export function printOutcomes(name: string): void {
  if (process.env.FUZZ_STATS) console.log(`${name}: ${[...outcomes].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
  outcomes.clear();
}

export async function loadsOrFails(source: DocumentSource): Promise<void> {
  const loaded = await loadDocument(source);
  const outcome = loaded.ok ? `tables:${Object.keys(loaded.value.tables).length}` : loaded.error.kind;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (!loaded.ok) {
    expect(typeof loaded.error.kind).toBe('string');
    return;
  }
  const checked = checkDocument(loaded.value);
  expect(Array.isArray(checked.findings)).toBe(true);
}

export const lines = (path: string): string[] => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

/** Cells the builders must survive: odd numbers, dashes, brackets, spaces, full-width digits. */
export const ODD_CELLS = [
  '(12.00)',
  '（12.00）',
  '—',
  '——',
  '-',
  '－',
  '1 234.5',
  '1,234.5',
  '1,23,4.5',
  '１２３４．５６',
  '−0.00',
  '-0.00',
  '0',
  '.5',
  '5.',
  '1e308',
  '9'.repeat(400) + '.00',
  '0.' + '0'.repeat(300) + '1',
  'NaN',
  'Infinity',
  '12.00元',
  '#REF!',
  '合计',
  '栏次',
  '公开01表',
  '金额单位：元',
  '单位：万元',
  '注：',
  '人员经费合计',
  '2080102',
  '208 01 02',
  '999',
  '"',
  '""',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\f',
];

const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 12 });

/** One cell of text: an odd cell, random Chinese, a random string, or a number. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_CELLS),
  chinese,
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n / 100).toFixed(2)),
);

/** Lines dropped, doubled or swapped. */
export const lineMove: fc.Arbitrary<(ls: string[]) => string[]> = fc.oneof(
  fc.nat().map((i) => (ls: string[]) => ls.filter((_, k) => k !== i % Math.max(1, ls.length))),
  fc.nat().map((i) => (ls: string[]) => {
    const k = i % Math.max(1, ls.length);
    return [...ls.slice(0, k + 1), ls[k] ?? '', ...ls.slice(k + 1)];
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ls: string[]) => {
    const out = [...ls];
    const i = a % Math.max(1, out.length);
    const j = b % Math.max(1, out.length);
    [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
    return out;
  }),
);

/** A line of its own inserted somewhere. */
export const lineInsert: fc.Arbitrary<(ls: string[]) => string[]> = fc.tuple(fc.nat(), cellText).map(([i, text]) => (ls: string[]) => {
  const out = [...ls];
  out.splice(i % (out.length + 1), 0, text);
  return out;
});

/** A line-level change to a list of lines. */
export const lineEdit: fc.Arbitrary<(ls: string[]) => string[]> = fc.oneof({ weight: 3, arbitrary: lineMove }, { weight: 1, arbitrary: lineInsert });

/** A change to one separated field of one line (tab for text, comma for CSV). */
export function fieldEdit(separator: string): fc.Arbitrary<(ls: string[]) => string[]> {
  const how = fc.oneof({ weight: 8, arbitrary: fc.constant('replace') }, { weight: 2, arbitrary: fc.constantFrom('insert', 'drop') });
  return fc.tuple(fc.nat(), fc.nat(), cellText, how).map(([i, j, text, how]) => (ls: string[]) => {
    const out = [...ls];
    const k = i % Math.max(1, out.length);
    const fields = (out[k] ?? '').split(separator);
    const f = j % Math.max(1, fields.length);
    if (how === 'replace') fields[f] = text;
    else if (how === 'insert') fields.splice(f, 0, text);
    else fields.splice(f, 1);
    out[k] = fields.join(separator);
    return out;
  });
}

/** A byte-level change: flips, truncation, NUL and byte-order marks. */
export const byteEdit: fc.Arbitrary<(b: Uint8Array) => Uint8Array> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([i, x]) => (b: Uint8Array) => {
    const out = Uint8Array.from(b);
    if (out.length > 0) out[i % out.length] = (out[i % out.length] ?? 0) ^ x;
    return out;
  }),
  fc.nat().map((i) => (b: Uint8Array) => b.slice(0, i % (b.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom([0], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x0d], [0x1a], [0xe4, 0xb8], [0x81, 0x30])).map(([i, bytes]) => (b: Uint8Array) => {
    const at = i % (b.length + 1);
    return Uint8Array.from([...b.subarray(0, at), ...bytes, ...b.subarray(at)]);
  }),
);

const utf8 = (t: string) => new Uint8Array(Buffer.from(t, 'utf8'));

/** Text to bytes in one of the encodings Chinese files come in (and a few they should not); mostly UTF-8 and GBK. */
export const encoding: fc.Arbitrary<(text: string) => Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(utf8) },
  { weight: 2, arbitrary: fc.constant((t: string) => new Uint8Array(iconv.encode(t, 'gbk'))) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      (t: string) => new Uint8Array(Buffer.from(`\uFEFF${t}`, 'utf8')),
      (t: string) => new Uint8Array(iconv.encode(t, 'gb18030')),
      (t: string) => new Uint8Array(iconv.encode(`\uFEFF${t}`, 'utf-16le')),
      (t: string) => new Uint8Array(iconv.encode(t, 'utf-16le')),
      (t: string) => new Uint8Array(iconv.encode(`\uFEFF${t}`, 'utf-16be')),
      (t: string) => new Uint8Array(iconv.encode(t, 'big5')),
      (t: string) => new Uint8Array(Buffer.from(t, 'latin1')),
    ),
  },
);

/** Byte-level changes, none most of the time (so that most cases still decode and reach the builders). */
export const byteEdits: fc.Arbitrary<Array<(b: Uint8Array) => Uint8Array>> = fc.oneof(
  { weight: 7, arbitrary: fc.constant<Array<(b: Uint8Array) => Uint8Array>>([]) },
  { weight: 3, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 3 }) },
);

/** A window of a fixture's lines (kept small so that many cases run quickly), edited. */
export function editedLines(source: readonly string[], starts: readonly number[], edits: fc.Arbitrary<(ls: string[]) => string[]>): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.constantFrom(...starts), fc.integer({ min: 5, max: 60 }), fc.array(edits, { maxLength: 6 }))
    .map(([start, length, changes]) => changes.reduce((ls, change) => change(ls), source.slice(start, start + length)));
}

/** Where each table title stands in a fixture (0-based), and the start: windows begin there. */
export function titleStarts(source: readonly string[]): number[] {
  const at = source.flatMap((l, i) => (/决算(明细)?表$/.test(l.trim()) && !/^[-•]/.test(l.trim()) ? [i] : []));
  return [0, ...at];
}
