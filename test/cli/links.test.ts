import { cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'zjs-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SEED = 'fixtures/zhuzhou-hrss-2023.txt';
const CSV = 'fixtures/zhuzhou-hrss-2023-csv';
let n = 0;

/** A fresh folder holding a copy of the seed text as `doc.txt` and of the CSV folder as `csv/`. */
function workspace(): { dir: string; doc: string; csv: string } {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  const doc = join(dir, 'doc.txt');
  cpSync(SEED, doc);
  cpSync(CSV, join(dir, 'csv'), { recursive: true });
  return { dir, doc, csv: join(dir, 'csv') };
}

/** Every file under a folder with its bytes, to prove nothing changed. */
function snapshot(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Ways an output path can lead back to an input, each set up in a fresh workspace. */
const LINKS: Array<{ name: string; make: (w: ReturnType<typeof workspace>) => { args: string[]; output: string } }> = [
  {
    name: 'a symbolic link to the input file',
    make: (w) => {
      symlinkSync(w.doc, join(w.dir, 'report.json'));
      return { args: [w.doc], output: join(w.dir, 'report.json') };
    },
  },
  {
    name: 'a hard link of the input file',
    make: (w) => {
      linkSync(w.doc, join(w.dir, 'report.json'));
      return { args: [w.doc], output: join(w.dir, 'report.json') };
    },
  },
  {
    name: 'a file found in a searched folder, named through a linked alias of the folder',
    make: (w) => {
      symlinkSync(w.dir, join(root, `alias-${n}`));
      return { args: [w.dir], output: join(root, `alias-${n}`, 'doc.txt') };
    },
  },
  {
    name: 'a new file inside a CSV folder, named through a linked alias of the folder',
    make: (w) => {
      symlinkSync(w.csv, join(w.dir, 'alias'));
      return { args: [w.csv], output: join(w.dir, 'alias', 'report.json') };
    },
  },
  {
    name: 'a symbolic link to one of the CSV folder’s tables',
    make: (w) => {
      symlinkSync(join(w.csv, '03-支出决算表.csv'), join(w.dir, 'report.json'));
      return { args: [w.csv], output: join(w.dir, 'report.json') };
    },
  },
];

describe('outputs never overwrite inputs through links', () => {
  it.each(LINKS)('check -o refuses $name', async ({ make }) => {
    const w = workspace();
    const { args, output } = make(w);
    const before = snapshot(w.dir);
    const r = await run(['check', ...args, '-f', 'json', '-o', output]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('输出文件不能是输入文件或位于输入文件夹内');
    expect(snapshot(w.dir)).toEqual(before);
  });

  it.each(LINKS)('--write-baseline refuses $name', async ({ make }) => {
    const w = workspace();
    const { args, output } = make(w);
    const before = snapshot(w.dir);
    const r = await run(['check', ...args, '--write-baseline', output]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('基线文件不能写在输入文件');
    expect(snapshot(w.dir)).toEqual(before);
  });

  it('--write-baseline refuses a link to the waiver or config file, and a link to a report of the same run', async () => {
    const w = workspace();
    const waivers = join(w.dir, 'waivers.json');
    writeFileSync(waivers, JSON.stringify({ waivers: [] }));
    symlinkSync(waivers, join(w.dir, 'w-link.json'));
    expect((await run(['check', w.doc, '--waivers', waivers, '--write-baseline', join(w.dir, 'w-link.json')])).code).toBe(2);
    expect(readFileSync(waivers, 'utf8')).toBe(JSON.stringify({ waivers: [] }));
    linkSync(waivers, join(w.dir, 'config-link.json'));
    const config = await run(['check', w.doc, '--config', waivers, '-f', 'json', '-o', join(w.dir, 'config-link.json')]);
    expect(config.code).toBe(2);
    expect(readFileSync(waivers, 'utf8')).toBe(JSON.stringify({ waivers: [] }));
    symlinkSync(join(w.dir, 'r.json'), join(w.dir, 'r-link.json'));
    const same = await run(['check', w.doc, '-f', 'json', '-o', join(w.dir, 'r.json'), '--write-baseline', join(w.dir, 'r-link.json')]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('基线文件不能与报告写入同一个文件');
  });

  it('refuses two reports written to one file through a link', async () => {
    const w = workspace();
    symlinkSync(join(w.dir, 'r.json'), join(w.dir, 'r-link.json'));
    const r = await run(['check', w.doc, '-f', 'json', '-o', join(w.dir, 'r.json'), '-f', 'markdown', '-o', join(w.dir, 'r-link.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('两种格式不能写入同一个文件');
  });

  it('writes through a link the user keeps to a report, which stays a link', async () => {
    const w = workspace();
    mkdirSync(join(w.dir, 'reports'));
    symlinkSync(join(w.dir, 'reports', '2024.json'), join(w.dir, 'latest.json'));
    const r = await run(['check', w.doc, '-f', 'json', '-o', join(w.dir, 'latest.json')]);
    expect(r.code).toBe(1);
    expect(lstatSync(join(w.dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(w.dir, 'reports', '2024.json'), 'utf8'))).toMatchObject({ tool: { name: 'zjs' } });
  });

  it.each([
    {
      name: 'a symbolic link to the input folder',
      make: (w: ReturnType<typeof workspace>) => {
        symlinkSync(w.csv, join(w.dir, 'out'));
        return join(w.dir, 'out');
      },
    },
    {
      name: 'a folder under a linked alias of the input folder',
      make: (w: ReturnType<typeof workspace>) => {
        symlinkSync(w.csv, join(w.dir, 'alias'));
        return join(w.dir, 'alias', 'sub');
      },
    },
    {
      name: 'a folder holding a hard link of an input table under the name import writes',
      make: (w: ReturnType<typeof workspace>) => {
        mkdirSync(join(w.dir, 'out'));
        linkSync(join(w.csv, '03-支出决算表.csv'), join(w.dir, 'out', '03-支出决算表.csv'));
        return join(w.dir, 'out');
      },
    },
    {
      name: 'a folder holding a symbolic link to an input table under the name import writes',
      make: (w: ReturnType<typeof workspace>) => {
        mkdirSync(join(w.dir, 'out'));
        symlinkSync(join(w.csv, '03-支出决算表.csv'), join(w.dir, 'out', '03-支出决算表.csv'));
        return join(w.dir, 'out');
      },
    },
  ])('import --force refuses $name', async ({ make }) => {
    const w = workspace();
    const out = make(w);
    const before = snapshot(w.csv);
    const r = await run(['import', w.csv, '--out', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('输出文件夹不能是输入文件夹、位于其中，或是输入文件');
    expect(snapshot(w.csv)).toEqual(before);
  });

  it('import refuses an output that is a link to the input file', async () => {
    const w = workspace();
    symlinkSync(w.doc, join(w.dir, 'out'));
    const r = await run(['import', w.doc, '--out', join(w.dir, 'out'), '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(w.doc, 'utf8')).toBe(readFileSync(SEED, 'utf8'));
  });
});
