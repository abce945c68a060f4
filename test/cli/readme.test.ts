import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { WaiverFileSchema } from '../../src/cli/acceptance.js';
import { FORMAT_NAMES } from '../../src/report/index.js';

const README = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('has a section with an example for every report format', () => {
    for (const format of FORMAT_NAMES) {
      const section = README.split(/^### /m).find((s) => s.startsWith(`${format} `) || s.startsWith(`${format}\n`));
      expect(section, format).toBeDefined();
      expect(section).toMatch(/```sh\nzjs check /);
    }
  });

  it('shows a waiver file that zjs and the published schema accept', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('schema/waivers.schema.json', 'utf8')) as object);
    const block = [...README.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((b) => b.includes('"waivers"'));
    expect(block, 'README has a waiver example').toBeDefined();
    const data: unknown = JSON.parse(block ?? '');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(WaiverFileSchema.safeParse(data).success).toBe(true);
  });
});

describe('README CI examples', () => {
  const yaml = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').join('\n');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

  it('install the tarball npm pack writes', () => {
    const installs = [...yaml.matchAll(/npm install --global (\S+)/g)].map((m) => m[1]);
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const i of installs) expect(i).toBe(`./tools/${pkg.name}-${pkg.version}.tgz`);
  });

  it('run as written in a repository laid out as the README says', () => {
    const lines = yaml
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((l) => /(?:run: |- )?(zjs check .*)$/.exec(l.trim())?.[1])
      .filter((l): l is string => l !== undefined);
    expect(lines).toHaveLength(2);
    const repo = mkdtempSync(join(tmpdir(), 'zjs-ci-'));
    try {
      cpSync('fixtures/zhuzhou-hrss-2023-csv', join(repo, 'disclosures', '人社局', '2023'), { recursive: true });
      cpSync('fixtures/synthetic/full-2024.txt', join(repo, 'disclosures', '示例局', '2024.txt'));
      writeFileSync(join(repo, 'zjs-waivers.json'), '{ "waivers": [] }\n');
      const bin = resolve('bin/zjs.js');
      const zjs = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
      expect(zjs(['check', 'disclosures/', '--write-baseline', 'zjs-baseline.json']).status).toBe(0);
      for (const line of lines) {
        const r = zjs(line.split(/\s+/).slice(1));
        expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      }
      expect(existsSync(join(repo, 'zjs-report', 'index.html'))).toBe(true);
      expect(readFileSync(join(repo, 'zjs-summary.md'), 'utf8')).toContain('<!-- zjs-report -->');
      expect(existsSync(join(repo, 'zjs-junit.xml'))).toBe(true);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
