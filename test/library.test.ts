import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A project of a user's: zjs installed under node_modules (a link to this repository, built by
// `npm test`), reached only through package.json's `exports` and `types`, as `import 'zjs'` does.
const ROOT = resolve('.');
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'zjs-user-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'zjs'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe("zjs as a library (import { check } from 'zjs')", () => {
  it('checks documents and renders a report, through the exports map', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { check, render, VERSION } from 'zjs';
const report = await check(${JSON.stringify(join(ROOT, 'fixtures/zhuzhou-hrss-2023.txt'))}, { lang: 'en' });
const markdown = await render(report, 'markdown', { lang: 'en' });
console.log(JSON.stringify({ version: VERSION, summary: report.summary, id: report.documents[0].findings.find((f) => f.severity === 'error').id, markdown: markdown.split('\\n')[0] }));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { version: string; summary: { documents: number; errors: number; warnings: number }; id: string; markdown: string };
    expect(out).toMatchObject({ version: '0.1.0', summary: { documents: 1, errors: 3, warnings: 3 }, id: 'empty-table-note:gov-fund/wrong/0', markdown: '<!-- zjs-report -->' });
  });

  it('is typed: a TypeScript user’s code compiles against the published declarations, and a mistake does not', () => {
    const tsconfig = { compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = (code: string) => {
      writeFileSync(join(project, 'use.ts'), code);
      return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    };
    const good = tsc(`import { check, type Finding, type Report } from 'zjs';
export async function errors(path: string): Promise<Finding[]> {
  const report: Report = await check([path], { lang: 'en', tolerance: 'exact', severity: { 'narrative-rate': 'off' } });
  return report.documents.flatMap((d) => d.findings).filter((f) => f.severity === 'error');
}
`);
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    const bad = tsc(`import { check } from 'zjs';
export const r = check('a', { tolerance: 'loose' });
`);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain('loose');
  });

  it('is packed with its bundle, declarations, schemas and licence, and without tests or fixtures', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path) ?? [];
    for (const f of ['LICENSE', 'dist/index.js', 'dist/types/index.d.ts', 'dist/zjs.cjs', 'dist/zjs.cache', 'bin/zjs.js', 'schema/config.schema.json']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('fixtures/') || f.startsWith('src/'))).toEqual([]);
  });
});
