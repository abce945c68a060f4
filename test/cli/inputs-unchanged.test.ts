import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/load/index.js';
import { run } from '../support/cli.js';

const out = mkdtempSync(join(tmpdir(), 'zjs-unchanged-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** SHA-256 of every file under a folder, by path. */
function hashes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [p, h] of hashes(path)) found.set(p, h);
    else found.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return found;
}

describe('zjs never changes its inputs', () => {
  it('leaves every fixture byte for byte as it was after check and import run over all of them', async () => {
    const before = hashes('fixtures');
    expect(before.size).toBeGreaterThan(40);
    const all = await run(['check', 'fixtures', '-f', 'json', '-o', join(out, 'report.json'), '-f', 'text']);
    expect(all.code).toBe(2); // fixtures/bad holds unreadable inputs
    for (const source of await discover(['fixtures'])) {
      await run(['import', source.source, '--out', join(out, String(readdirSync(out).length))]);
    }
    expect(hashes('fixtures')).toEqual(before);
  });
});
