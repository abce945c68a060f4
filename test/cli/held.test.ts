import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeldEntries, heldInMemory, KeptDigests, Serialized } from '../../src/cli/held.js';
import type { DocumentDigest } from '../../src/sets/digest.js';
import { run } from '../support/cli.js';
import { plant } from '../support/fixtures.js';
import { BUDGET_2023, BUDGET_2024 } from '../support/planted.js';

const root = mkdtempSync(join(tmpdir(), 'zjs-held-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('documents held for reconciliation', () => {
  const entries = Array.from({ length: 7 }, (_, i) => ({ kind: 'checked', doc: { source: `d${i}.txt`, findings: [{ message: `差额 ${i}.01`, locations: [{ file: `d${i}.txt`, line: i + 1 }] }], counts: { run: i } } }));

  it('gives back every entry, in order and equal, when most of them went to the temporary file', () => {
    const parent = mkdtempSync(join(root, 'spill-'));
    const held = new HeldEntries<(typeof entries)[number]>(2, parent);
    for (const e of entries) held.push(e);
    expect(held.spilling).toBe(true);
    expect(held.length).toBe(7);
    // The file is removed as soon as it is open (read and written through its descriptor), so that
    // a run killed half-way leaves nothing in the temporary folder.
    expect(readdirSync(parent)).toEqual([]);
    expect([...held.drain()]).toEqual(entries);
  });

  it('writes an entry a worker serialised as its bytes, and gives it back equal, held in memory or in the file', () => {
    const held = new HeldEntries<(typeof entries)[number]>(3, mkdtempSync(join(root, 'bytes-')));
    for (const [i, e] of entries.entries()) held.push(i % 2 === 0 ? Serialized.of(e) : e);
    expect(held.spilling).toBe(true);
    expect([...held.drain()]).toEqual(entries);
  });

  it('keeps entries in memory when no temporary file can be made', () => {
    const held = new HeldEntries<(typeof entries)[number]>(1, join(root, 'no-such-dir'));
    for (const e of entries) held.push(e);
    expect(held.spilling).toBe(false);
    expect([...held.drain()]).toEqual(entries);
    expect(existsSync(join(root, 'no-such-dir'))).toBe(false);
  });

  it('keeps of a digest in memory what finds its partners, and gives the whole back', () => {
    const digest: DocumentDigest = {
      source: 'a/2024.txt',
      files: ['a/2024.txt'],
      kind: 'final',
      department: { name: '示例局', key: '示例局', steps: [] },
      year: 2024,
      cells: { opening: { value: '12.5', half: '0.005', text: '12.50', label: { zh: '年初', en: 'opening' }, loc: { file: 'a/2024.txt', line: 40 } } },
      claims: [],
    };
    const kept = new KeptDigests();
    const head = kept.keep(digest);
    expect(head).toEqual({ ...digest, cells: {}, claims: [] });
    expect(kept.whole(head)).toEqual(digest);
    const other = { ...digest, source: 'b/2023.txt' };
    expect(kept.whole(other)).toBe(other);
    // From a pool worker: the head and the whole serialised.
    const sent = { ...digest, source: 'c/2024.txt', files: ['c/2024.txt'] };
    const head2 = kept.keep({ head: { ...sent, cells: {}, claims: [] }, whole: Serialized.of(sent) });
    expect(head2).toEqual({ ...sent, cells: {}, claims: [] });
    expect(kept.whole(head2)).toEqual(sent);
  });

  it('writes digests past the first few to a temporary file, and gives each whole back', () => {
    const parent = mkdtempSync(join(root, 'digests-'));
    const kept = new KeptDigests(1, parent);
    const digests: DocumentDigest[] = ['a', 'b', 'c'].map((d, i) => ({
      source: `${d}/2024.txt`,
      files: [`${d}/2024.txt`],
      kind: 'final',
      year: 2024,
      cells: { opening: { value: `${i}.5`, half: '0.005', text: `${i}.50`, label: { zh: '年初', en: 'opening' }, loc: { file: `${d}/2024.txt`, line: 40 + i } } },
      claims: [],
    }));
    const heads = digests.map((d) => kept.keep(d));
    expect(kept.spilling).toBe(true);
    expect(readdirSync(parent)).toEqual([]);
    // Read back in any order, as partners are.
    expect([2, 0, 1].map((i) => kept.whole(heads[i] as DocumentDigest))).toEqual([2, 0, 1].map((i) => digests[i]));
    kept.close();
  });

  it('reads the in-memory count from ZJS_HELD_IN_MEMORY, 16 otherwise', () => {
    expect(heldInMemory('0')).toBe(0);
    expect(heldInMemory(' 25 ')).toBe(25);
    expect(heldInMemory(undefined)).toBe(16);
    expect(heldInMemory('many')).toBe(16);
  });

  it('writes the same report, reconciled, whether the documents were held in memory or in a file', async () => {
    const previous = join(root, 'budget-2023.txt');
    writeFileSync(previous, plant(readFileSync(BUDGET_2023, 'utf8'), 38, '1,945.00', '1,955.00', 2));
    const spillDir = mkdtempSync(join(root, 'tmp-'));
    for (const format of ['json', 'text']) {
      const inMemory = await run(['check', previous, BUDGET_2024, '-f', format, '--jobs', '1']);
      const spilled = await run(['check', previous, BUDGET_2024, '-f', format, '--jobs', '1'], { env: { ZJS_HELD_IN_MEMORY: '0', TMPDIR: spillDir } });
      expect(spilled.stdout).toBe(inMemory.stdout);
      expect(spilled.code).toBe(inMemory.code);
    }
    // The set rule found the planted difference in both runs, and no temporary file is left.
    expect((await run(['check', previous, BUDGET_2024, '-f', 'json'], { env: { ZJS_HELD_IN_MEMORY: '0', TMPDIR: spillDir } })).stdout).toContain('set-budget-previous');
    expect(readdirSync(spillDir)).toEqual([]);
  });
});
