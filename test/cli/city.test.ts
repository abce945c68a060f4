import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the repository, without declarations.
import { writeCity } from '../../scripts/city.js';
import { run } from '../support/cli.js';

// A city's tree of 15 departments (text, CSV folders and workbooks), as scripts/city.js writes it.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zjs-city15-'));
  (writeCity as (n: number, d: string) => string[])(15, dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a city of 15 documents in one run', () => {
  it('gives a text report of hundreds of lines, not thousands, that ends with the documents ranked', async () => {
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(1000);
    expect(lines[0]).toContain('zjs-report');
    const ranking = lines.slice(lines.findIndex((l) => l.startsWith('各部门（错误多的在前）')));
    expect(ranking.filter((l) => /^ {2}\d+ /.test(l))).toHaveLength(15);
    expect(lines.at(-2)).toMatch(/^合计: 15 个文档/);
  });

  it('hints explain commands that work as printed', async () => {
    const r = await run(['check', dir, '--lang', 'en']);
    const hint = r.stdout.split('\n').find((l) => l.includes('→ how it was computed: zjs explain '));
    expect(hint).toBeDefined();
    const command = hint?.slice(hint.indexOf('zjs explain ') + 4) ?? '';
    // The printed command is one shell line: unquote its words as a shell would.
    const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : (m[2] ?? '')));
    const explained = await run(words);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain(words.at(-1) ?? '?');
  });
});
