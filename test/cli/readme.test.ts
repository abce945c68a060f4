import { readFileSync } from 'node:fs';
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
