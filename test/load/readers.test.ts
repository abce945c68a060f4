import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/load/assemble.js';
import { fail, ok } from '../../src/load/errors.js';
import { discover, inputsOf, loadDocument, READERS, type InputKind, type Reader, type SourceBase } from '../../src/load/index.js';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { ZHUZHOU } from '../support/fixtures.js';

/** A made-up kind of input: a disclosure whose lines are separated by `|` instead of tabs. */
interface ToySource extends SourceBase {
  kind: 'toy';
  file: string;
}

const toyReader: Reader<ToySource> = {
  kind: 'toy',
  extensions: ['.toy'],
  maxBytes: 1024 * 1024 * 1024,
  given: (file) => ({ kind: 'toy', source: file, file }),
  searched: (file) => ({ kind: 'toy', source: file.path, file: file.path }),
  filesOf: (source) => ({ files: [source.file] }),
  read(source) {
    const rows = readFileSync(source.file, 'utf8')
      .split('\n')
      .map((line, i) => ({ cells: line.split('|').map((c) => c.trim()), loc: { file: source.file, line: i + 1 } }));
    const doc = assemble(source.source, 'text', [{ file: source.file, rows }]);
    return Promise.resolve(Object.keys(doc.tables).length > 0 ? ok(doc) : fail({ kind: 'not-disclosure', file: source.file }));
  },
};

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'zjs-readers-'));
}

describe('the reader registry', () => {
  it('has one reader a kind, each with its extensions, and a section for each kind in docs/inputs.md', () => {
    const kinds: InputKind[] = READERS.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const extensions = READERS.flatMap((r) => r.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    const docs = readFileSync('docs/inputs.md', 'utf8');
    for (const kind of kinds) expect(docs, kind).toContain(`| \`${kind}\` |`);
  });

  it('takes a new kind of input as one reader added to the list: found, read and checked like the others', async () => {
    const dir = folder();
    const toy = join(dir, 'zhuzhou.toy');
    writeFileSync(toy, readFileSync(ZHUZHOU, 'utf8').replace(/\t/g, ' | '));
    writeFileSync(join(dir, 'notes.md'), '说明\n');
    const readers = [...READERS, toyReader];

    // Without the reader, the file is of an unsupported type, and a folder search passes it over.
    expect((await discover([toy]))[0]).toMatchObject({ kind: 'missing', error: { kind: 'unsupported', extension: '.toy' } });
    expect((await discover([dir])).map((s) => s.kind)).toEqual(['text']);

    const given = await discover([toy], {}, readers);
    const searched = await discover([dir], {}, readers);
    expect(given).toEqual([{ kind: 'toy', source: toy, file: toy }]);
    expect(searched.map((s) => s.kind)).toEqual(['text', 'toy']);
    const source = searched[1];
    if (!source) throw new Error('not found');
    expect(inputsOf(source, readers)).toEqual({ files: [toy] });

    const loaded = await loadDocument(source, {}, readers);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    expect(Object.keys(loaded.value.tables)).toHaveLength(9);
    const checked = checkDocument(loaded.value, DEFAULT_OPTIONS);
    expect(checked.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['empty-table-note', 'narrative-amount', 'narrative-arithmetic']);
  });

  it('fails one document, not the run, when a reader throws (as a stack overflow would)', async () => {
    const thrower: Reader<ToySource> = { ...toyReader, read: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) };
    const loaded = await loadDocument({ kind: 'toy', source: 'x.toy', file: 'x.toy' } as ToySource, {}, [thrower]);
    expect(loaded).toEqual({ ok: false, error: { kind: 'unreadable', file: 'x.toy', detail: 'RangeError: Maximum call stack size exceeded' } });
  });

  it('names the files of every kind, so that no output may overwrite an input of any kind', async () => {
    const sources = await discover(['fixtures/zhuzhou-hrss-2023-csv', ZHUZHOU, 'fixtures/zhuzhou-hrss-2023.xlsx', 'fixtures/zhuzhou-hrss-2023.pdf', 'no-such-file.txt']);
    expect(sources.map((s) => s.kind)).toEqual(['csv-folder', 'text', 'xlsx', 'pdf', 'missing']);
    const inputs = sources.map((s) => inputsOf(s));
    expect(inputs[0]?.folder).toBe('fixtures/zhuzhou-hrss-2023-csv');
    expect(inputs[0]?.files.length).toBeGreaterThan(9);
    expect(inputs.slice(1).map((i) => i.files)).toEqual([[ZHUZHOU], ['fixtures/zhuzhou-hrss-2023.xlsx'], ['fixtures/zhuzhou-hrss-2023.pdf'], []]);
  });
});
