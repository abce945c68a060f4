// Writes schema/config.schema.json from the zod schema in src/cli/config.ts (test/cli/config.test.ts
// fails when the file is out of date). Usage: npm run schemas
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'zjs-schemas-'));
try {
  const out = join(dir, 'config.mjs');
  await build({ entryPoints: ['src/cli/config.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', mainFields: ['module', 'main'], logLevel: 'warning' });
  const { configJsonSchema } = await import(pathToFileURL(out).href);
  writeFileSync('schema/config.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  process.stdout.write('schema/config.schema.json\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
